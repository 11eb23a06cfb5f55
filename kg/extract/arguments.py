"""Which entities a word of a parsed sentence stands for: the arguments of frames and roles.

``Arguments.entities(token)`` answers for any token a rule finds in a slot:
- an entity's own token stands for that entity, and conjuncts for each conjoined entity ("Kyiv, Lviv
  and Odesa");
- a relative pronoun for the noun its clause hangs on ("the city, which the Taliban seized");
- a noun for the entity in apposition to it ("the country's president, Ashraf Ghani") or the entity it is
  in apposition to ("M23, a rebel group that ..."), and a copula's attribute for the subject ("the SDF is
  the group fighting IS");
- a proxy noun for the entity that qualifies it: people and units ("Taliban fighters", "troops of the
  10th Division", "forces loyal to the TPLF", "rebels led by the MNDAA"), equipment and sites that stand
  for their owner ("Houthi targets", "ISIL positions", "an army base") and parts of places ("the city of
  Farah", "the centre of Sangin", "Sangin district");
- generic nouns and pronouns for the entity named before (kg.extract.coref).
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .coref import PLACE_ANAPHORS, Coreference, marked, the_only_one
from .gazetteer import country_adjectives
from .lexicon import ORGANISATION_WORDS, ROLE_ABBREVIATIONS, ROLE_WORDS, SUPPORT_VERBS, TOWN_WORDS
from .spans import (
    children_of,
    including_noun,
    lemmas,
    members_listed_after,
    name_of,
    past_titles,
    spaced_dash,
    tokens_of,
)
from .words import word_list

PLACE_TYPES = frozenset({"City", "District", "Province", "Country"})
#: Nouns of a union of groups, which a clause on its members' noun describes: "an alliance of militias that ...".
UNION_NOUNS = frozenset({"alliance", "coalition", "umbrella", "union", "federation", "grouping", "front"})
ACTOR_TYPES = frozenset({"ArmedGroup", "Force", "Organization", "Country", "Official", "Person"})
FIGHTER_TYPES = frozenset({"ArmedGroup", "Force", "Country"})
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."}
#: Adjectives that make an unnamed force an armed group's: "the paramilitary force" (the RSF named before).
GROUP_QUALIFIERS = {"paramilitary", "rebel", "militant", "insurgent", "jihadist", "armed", "separatist", "islamist",
                    "opposition"}
#: Parts of speech of the words readers start from (verbs, nouns, adjectives).
CONTENT_POS = {"VERB", "AUX", "NOUN", "PROPN", "ADJ"}
#: Size order of places: something is located in a larger place.
PLACE_RANK = {"City": 0, "District": 1, "Province": 2, "Country": 3}

#: Words a long title is made of: "Deputy Prime Minister and Minister of State for Defense Affairs".
TITLE_WORDS_AND_LINKS = frozenset(ROLE_WORDS | {"of", "and", "for"})
#: People and units that stand for the body they belong to ("Taliban fighters", "the group's commanders").
PEOPLE_PROXIES = word_list("arguments", "people")
#: Things that stand for whoever owns, fires or holds them ("Houthi targets", "ISIL positions", "an army base").
THING_PROXIES = word_list("arguments", "things")
#: People whose "from" a country names where they come from ("fighters from Algeria"); troops from a country are its
#: forces.
NATIONALITY_NOUNS = frozenset({"fighter", "militant", "jihadist", "rebel", "insurgent", "recruit", "volunteer"})
#: Proxies that are acts, whose "by" names who did them: "an airstrike by Syrian forces hit a convoy".
ACT_PROXIES = frozenset({"airstrike", "strike", "attack", "assault", "offensive", "raid", "bombardment", "shelling"})
PROXY_NOUNS = PEOPLE_PROXIES | THING_PROXIES | ACT_PROXIES
#: Verbs of holding or using a place: "a checkpoint manned by X", "a compound used by X" stands for X.
MANNING_VERBS = frozenset({"man", "hold", "occupy", "guard", "control", "staff", "run", "operate", "defend", "use"})
#: Words for state forces: a proxy qualified only by one of them ("an army base", "police outposts", "soldiers
#: manning the post") stands for the article's own forces.
STATE_FORCE_WORDS = word_list("arguments", "state_force_words")
#: Bare nouns that name the article's own forces when nothing else qualifies them ("the army retook it").
BARE_FORCES = word_list("arguments", "bare_forces")
#: Nouns that stand for the place named after "of" or in front of them ("the city of Farah", "Sangin district").
PLACE_NOUNS = word_list("arguments", "place_nouns")
#: Words that only name part of a place: taking them is an attack on the place, not its capture.
PARTIAL_PLACE_NOUNS = word_list("arguments", "partial_place_nouns")
#: Nouns for a town: "a Syria border town" is in Syria, not Syria.
TOWN_NOUNS = TOWN_WORDS | {"port", "hub", "base", "outpost"}
#: Shares of a place: "90% of Bakhmut", "half of the city" (the place itself, unlike its outskirts; "most of"
#: and "much of" are place nouns already).
SHARE_NOUNS = word_list("arguments", "share_nouns")
#: Words of number or part before "of": "dozens of Taliban fighters", "some of the rebels".
PARTITIVES = word_list("arguments", "partitives")
#: Nouns that, with "the", "its" or "their", refer back to an armed group named before.
GROUP_ANAPHORS = word_list("arguments", "group_anaphors")
#: Nouns that describe a named actor in an apposition the parser may make the verb's subject.
DESCRIBED_ACTOR_NOUNS = frozenset({"alliance", "coalition", "group", "militia", "faction", "movement", "umbrella",
                                   "organization", "organisation", "force", "offshoot", "affiliate", "branch"})
#: Verbs of leading: "rebels led by X", "a coalition headed by Saudi Arabia".
LEAD_VERBS = word_list("arguments", "lead_verbs")
#: Nouns for fighters against a state, whom the name of their country only places.
INSURGENT_NOUNS = frozenset({"rebel", "insurgent", "militant", "separatist", "jihadist", "guerrilla", "extremist",
                             "islamist", "terrorist"})
#: How deep the search for an entity behind nouns may go.
MAX_DEPTH = 3


#: Participles after a name that make what follows something else than the name: "Iran-backed militias".
LINKED = {"linked", "backed", "supported", "allied", "affiliated", "inspired", "sponsored", "aligned", "funded",
          "armed", "trained", "led"}


def _linked(token: Token, span: Span | None) -> bool:
    """'Islamic State-linked': the name before '-linked' (or its head) qualifies, it is not the thing itself."""
    doc = token.doc
    end = span.end if span is not None else token.i + 1
    after = doc[end: end + 2]
    return (len(after) == 2 and after[0].text == "-" and after[1].lower_ in LINKED) or token.lower_ in LINKED


def dateline_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens of datelines: a paragraph that opens with a name in capitals ('BAMAKO, Mali \u2014',
    'WASHINGTON, Oct. 12, 2016 \u2013') up to the dash."""
    found: set[int] = set()
    for sent in doc.sents if doc.has_annotation("SENT_START") else [doc[:]]:
        first = sent[0]
        if not (first.is_upper and first.is_alpha and len(first) > 1):
            continue
        dash = next((t.i for t in sent[:14] if t.i > first.i and spaced_dash(t)), None)
        if dash is not None:
            found.update(range(first.i, dash + 1))
    return found


def noun_lemma(token: Token) -> str:
    """The lemma of a noun even where the tagger took it for a name: 'Fighters' opening a sentence is tagged NNP
    and keeps its plural as its lemma."""
    lemma = token.lemma_.lower()
    if token.tag_ == "NNPS" or token.pos_ == "PROPN" and lemma.endswith("s") and not token.is_upper:
        return lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1]
    if lemma == "basis" and token.lower_ == "bases":
        return "base"  # "RSF bases": military bases far more often than bases of an argument
    return lemma


#: Nouns of a stretch of time: "fought for years against X", where the parser hangs "against" on "years".
DURATION_NOUNS = frozenset({"hours", "days", "weeks", "months", "years", "decades"})


def _children_and_misplaced_preps(token: Token) -> tuple[Token, ...]:
    """A verb's children, and the prepositions the parser hung on a word after it that they do not belong to: on a
    duration ('fought for years against the Islamic State group') or on an ally ('fought alongside U.S. troops
    against X'): the fight is against X, not the years or the troops."""
    children = children_of(token)
    if token.pos_ != "VERB":
        return children
    moved = tuple(p for c in children if c.dep_ == "prep" and c.lower_ in ("for", "during")
                  for n in children_of(c) if n.dep_ == "pobj" and n.lower_ in DURATION_NOUNS
                  for p in children_of(n) if p.dep_ == "prep")
    # "fought alongside U.S. troops against X": the parser hangs "against" on the ally
    moved += tuple(p for c in children + moved if c.dep_ == "prep" and c.lower_ == "alongside"
                   for n in children_of(c) if n.dep_ == "pobj" for p in children_of(n)
                   if p.dep_ == "prep" and p.lower_ == "against")
    return children + moved if moved else children


class Arguments:
    """Maps tokens of a parsed Doc to the entities they stand for."""

    def __init__(self, doc: Doc, actions: Iterable[str] = ()):
        self.doc = doc
        #: the Doc's entities, made once (``doc.ents`` builds new Span objects on every access)
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self.ent_of: dict[int, Span] = {i: span for span in self.ents for i in range(span.start, span.end)}
        #: (token index, depth) -> what ``entities`` found: the entities and the parse stay as they are while this
        #: object lives (a new one is made when the types change), and a third of the readers' questions are repeats
        self._entities: dict[tuple[int, int], tuple[Span, ...]] = {}
        # One pass over the Doc for every reader: the content words by each of their forms (lemmas()), so a
        # reader looks up its trigger words instead of walking every token again.
        self._by_form: dict[str, list[Token]] = {}
        for token in tokens_of(doc):
            if token.pos_ in CONTENT_POS or token.tag_.startswith("VB"):
                for form in lemmas(token):
                    self._by_form.setdefault(form, []).append(token)
        self.coref = Coreference(doc, self.ents, self.entities, frozenset(actions))
        #: tokens of datelines ("BAMAKO, Mali \u2014"): where a report was filed, never who did what
        self.dateline = dateline_tokens(doc)
        self.country_adjectives = country_adjectives()

    def words(self, forms: Iterable[str]) -> list[Token]:
        """The content words of the Doc that have one of ``forms`` (lemma or inflection), in text order."""
        found = {t.i: t for form in forms for t in self._by_form.get(form, ())}
        return [found[i] for i in sorted(found)]

    def entity(self, token: Token) -> Span | None:
        return self.ent_of.get(token.i)

    def entities(self, token: Token, depth: int = 0) -> list[Span]:
        """The entities ``token`` stands for, its conjuncts included."""
        key = (token.i, depth)
        found = self._entities.get(key)
        if found is None:
            found = self._entities[key] = tuple(self._entities_of(token, depth))
        return list(found)

    def _entities_of(self, token: Token, depth: int) -> list[Span]:
        out: list[Span] = []
        # "between Arambai Tenggol, a Meitei militia, and the KNA": the parser hangs what follows an apposition
        # on the apposition
        after_apposition = [c for a in children_of(token) if a.dep_ == "appos"
                            for c in a.conjuncts if c.i > a.i]
        # "Turkish troops and allied FSA factions captured": the parser may read "allied" as a verb conjoined with
        # the first noun and the allies as its object
        conjuncts = token.conjuncts  # (worked out by a walk of the parse on every access)
        allies = [o for c in conjuncts if c.lower_ == "allied" and c.pos_ == "VERB"
                  for o in c.children if o.dep_ == "dobj"]
        # "met with Pirozzi and rescue workers": the parser may make the name a modifier of the noun after the "and"
        named_first = [c for c in children_of(token) if c.dep_ in ("nmod", "compound") and c.i < token.i
                       and self.entity(c) is not None and any(x.dep_ == "cc" for x in c.children)
                       and any(x.dep_ == "conj" and x.pos_ == "NOUN" for x in c.children)]
        for each in (token, *conjuncts, *after_apposition, *allies, *named_first):
            for span in self._one(each, depth):
                if span not in out:
                    out.append(span)
        span = self.entity(token)
        if span is not None:
            out.extend(s for s in self._flat_coordination(span) if s not in out)
        return out

    def _flat_coordination(self, span: Span) -> list[Span]:
        """'The Syrian Democratic Forces and Tigris Shield Brigade liberated Tabqa': the parser may make one flat
        noun phrase of two names joined by 'and'; the names before the last are its conjuncts too."""
        out = []
        i = span.start
        while i >= 2 and self.doc[i - 1].lower_ in ("and", ",") and self.doc[i - 1].head.i in range(
                span.root.left_edge.i, span.end):
            before = self.entity(self.doc[i - 2])
            if before is None or before.end != i - 1 or before.root.head.i not in range(before.start, span.end):
                break
            out.append(before)
            i = before.start
        return out

    def _one(self, token: Token, depth: int) -> list[Span]:
        span = self.entity(token)
        if span is not None:
            return [span]
        if depth > MAX_DEPTH:
            return []
        if token.lower_ == "whose" and token.dep_ == "poss":  # "the Afghan Taliban, whose fighters seized Kabul"
            clause = next((t for t in token.ancestors if t.dep_ == "relcl"), None)
            if clause is None:  # "the Carabineros, the national police force, whose director, X, met ...": the
                # parser made no clause; the name the phrase hangs on is the owner
                owner = next((s for s in map(self.entity, token.head.ancestors) if s is not None), None)
                return [owner] if owner is not None and owner.start < token.i else []
            return [s for s in self.entities(clause.head, depth + 1) if s.start < token.i]
        if token.lower_ in ("who", "which", "that", "whom") and token.head.dep_ == "relcl":
            # the noun the clause hangs on; not conjuncts the parser put after the clause, which cannot be in it
            noun = token.head.head
            if self.entity(noun) is None and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
                    and noun.head.head.lemma_.lower() in UNION_NOUNS:  # "an alliance of former rebel movements
                noun = noun.head.head  # that includes X": the alliance includes X
            elif token.lower_ == "which" and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
                    and getattr(self.entity(noun), "label_", "") in ("Person", "Official") \
                    and self.entity(noun.head.head) is not None:  # "the LNA of commander Khalifa Haftar, which has
                noun = noun.head.head  # tried to seize Tripoli": "which" is no person's, the clause is the LNA's
            elif token.lower_ in ("which", "that") and noun.dep_ == "pobj" and noun.head.dep_ == "agent" \
                    and getattr(self.entity(noun), "label_", "") in ("Person", "Official") \
                    and noun.head.head.dep_ == "acl" and noun.head.head.head.pos_ == "NOUN":
                noun = noun.head.head.head  # "a Somali militia led by Ahmed Madobe that fought al-Shabab": the militia
            listed = [c for c in noun.conjuncts if noun.i < c.i < token.i]
            if listed and token.dep_ in ("nsubj", "nsubjpass") and _plural_verb(token.head):
                # "the towns of A and B, which are held by X": both
                return [s for c in (noun, *listed) for s in self.entities(c, depth + 1) if s.start < token.i]
            if listed:  # "between the Donbas region and Crimea, which Russia annexed": the last one named before
                return self.described_before(listed[-1]) or self._one(listed[-1], depth + 1)
            return self.described_before(noun) or [s for s in self.entities(noun, depth + 1) if s.start < token.i]
        named = [s for c in children_of(token) if c.dep_ == "appos" and self.entity(c) is not None
                 for s in self.entities(c, depth + 1)]
        if noun_lemma(token) in GROUP_ANAPHORS and all(s.label_ in ("Person", "Official") for s in named):
            named = []  # "a spokesman for the group, X, said": the parser hung the spokesman's name on the group
        if noun_lemma(token) in PEOPLE_PROXIES and all(s.label_ in PLACE_TYPES for s in named):
            named = []  # "Kills al-Shabaab Fighters Near Kunyo Barrow, Somalia": people are no place; the parser hung
            # the place's larger place on them
        if named and (token.pos_ in ("NOUN", "PROPN") or token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")):
            return named  # "Afghanistan's president, Ashraf Ghani, is to meet ...", "the militant groups A, B and C",
            # "Sudan's paramilitary Rapid Support Forces said" (an adjective the parser made the noun)
        if token.dep_ == "appos" and token.pos_ == "NOUN" and self.entity(token.head) is not None:
            return [self.entity(token.head)]  # "M23, a rebel group that ...": the group is M23
        leaders = self.leaders(token, depth)
        if leaders:  # "insurgents led by HTS": the group that leads them acts
            return leaders
        named = self._known_as(token)
        if named:  # "the al-Qaida-linked group known as MUJAO"
            return named
        if token.lower_ in MONTHS:  # "liberate Raqqa June 6": the parser makes the date the object
            return [s for c in token.children if c.dep_ == "compound" and c.i < token.i
                    for s in ([self.entity(c)] if self.entity(c) is not None else [])]
        if token.pos_ == "PROPN":  # "attacked Camp Simba, a Kenya Defence Forces installation": a facility by its
            # name (no entity), and what the apposition says it is stands for whoever holds it
            site = next((c for c in token.children if c.dep_ == "appos" and noun_lemma(c) in THING_PROXIES), None)
            if site is not None:
                return self._proxy(site, depth)
        lemma = noun_lemma(token)
        if token.lower_ in ("it", "they", "we") and token.dep_ in ("nsubj", "nsubjpass"):
            return self.coref.speaker(token)
        if token.lower_ in ("his", "her", "their") and token.dep_ == "poss" and noun_lemma(token.head) in GROUP_ANAPHORS:
            body = self.coref.speakers_body(token)
            if body:  # "X, a spokeswoman for the TNLA, said her group's fighters had captured Y"
                return body
        if token.lower_ == "them" and token.dep_ == "dobj":
            return self.coref.them(token)
        if token.lower_ in ("he", "she", "him", "her") and token.pos_ == "PRON":
            return self.coref.person(token)
        if lemma in PLACE_NOUNS and token.dep_ in ("nsubj", "nsubjpass") and token.left_edge.i > 0 \
                and self.doc[token.left_edge.i - 1].text == ",":
            described = self.described_before(token)
            if described:  # "Mosul, the capital of Nineveh province, was seized by ISIS": the parser made the
                return described  # description the subject and the name a modifier
        if token.dep_ in ("nsubj", "nsubjpass") and lemma in DESCRIBED_ACTOR_NOUNS:
            described = self._described_by_indefinite(token)
            if described:  # "X, an alliance of rebel factions armed by Ankara, took control of the town": the
                return described  # parser made the description the subject and X a word before it
        if lemma in PLACE_NOUNS and token.dep_ == "appos" and any(c.lower_ in ("a", "an") for c in token.children):
            described = self.described_before(token)
            if described:  # "in Grbavica, a Sarajevo district controlled by X": Grbavica, wherever the parser
                return described  # hung the apposition
        if lemma in PLACE_NOUNS and token.tag_ == "NNS" and any(c.dep_ == "nummod" for c in token.children) \
                and token.left_edge.i > 0 and self.doc[token.left_edge.i - 1].text == ",":  # (an apposition, whatever the parser made of it)
            described = self.described_before(token)
            if described:  # "in A and B, two districts of Basra controlled by X": both
                return self.listed_before(described[0]) + described
        if lemma in PLACE_NOUNS or lemma in PARTIAL_PLACE_NOUNS:
            parts = self._place_part(token, lemma, depth)
            if parts or lemma not in ("department", "headquarters"):
                return parts  # "a spokesman for the department": the Utah Department of Commerce, no French one;
                # "a Syrian Democratic Forces headquarters" with no place in it: the force it stands for (a proxy)
        if token.lower_ in SHARE_NOUNS or lemma in SHARE_NOUNS:
            return [s for s in self.of_objects(token, depth) if s.label_ in PLACE_TYPES]
        if lemma in ("country", "nation") and token.dep_ == "poss" and (
                token.head.lower_ in ROLE_WORDS or noun_lemma(token.head) in ("capital", "city", "town", "port")):
            # "the country's president", "the country's political capital", "the country's second-largest city":
            # the country named last
            return self.coref.antecedent(token, "Country")
        if lemma in PARTITIVES or token.lower_ in PARTITIVES:  # "dozens of Taliban fighters"
            return self.of_objects(token, depth)
        if token.lower_ in ("its", "their") and token.dep_ == "poss":
            return self.coref.owner(token)  # "MONUSCO said its helicopters had fired"
        if lemma in GROUP_ANAPHORS and not self.modifiers(token) and not any(
                c.lower_ in ("other", "another") for c in token.children):  # ("it and other armed groups": none)
            return (self.owners_after(token, ("from", "of"), depth) or self.led_by_name(token) or self.coref.pair(token)
                    or self.coref.antecedent(token))
        if token.pos_ == "NOUN" and not self.modifiers(token):
            named = self.coref.by_name_head(token)
            if named:  # "the association", "the task force": the body named shortly before by that word
                return named
        body = self._body_by_its_kind(token)
        if body is not None:  # "head of the National Civil Protection agency": the agency is the body named
            return [body]
        holder = self._holder_after_owner(token)
        if holder:  # before the proxies: "the U.N. representative for Sudan, X," is X, not the U.N.
            return holder
        if token.lower_ in ROLE_WORDS and token.tag_ == "NN" and not self.modifiers(token):
            named = self._person_by_title(token)
            if named:  # "The senator also met with X": the one person named before with that title
                return named
        if lemma == "peacekeeper" and not self.modifiers(token) and self.coref.mission():
            return self.coref.mission()  # "fired on a peacekeepers' base": the mission the article names (else
            # whose they are: "Russian peacekeepers")
        if lemma in PROXY_NOUNS:
            return self._proxy(token, depth)
        return []

    def _body_by_its_kind(self, noun: Token) -> Span | None:
        """The organisation named right before the lower-case word for its kind: 'the National Civil Protection
        agency', 'the right-wing Vox party' (the name left the word out)."""
        if noun.pos_ != "NOUN" or not noun.is_lower or noun_lemma(noun) not in ORGANISATION_WORDS or noun.i == 0:
            return None
        body = self.entity(self.doc[noun.i - 1])
        if body is None or body.end != noun.i or body.label_ != "Organization" or body.root.head != noun:
            return None
        return body

    def province_of_same_name(self, town: Span) -> Span | None:
        """The province the article names after a town ('Balkh' and 'Balkh province'), if it names one."""
        stem = f"{name_of(town)} "
        return next((e for e in self.ents if e.label_ == "Province" and name_of(e).startswith(stem)), None)

    def named_before_comma(self, token: Token) -> Span | None:
        """The name that ends right before the comma opening ``token``'s phrase ('the army, led by X')."""
        doc, start = self.doc, token.left_edge.i
        if start < 2 or doc[start - 1].text != ",":
            return None
        end = start - 1
        if end >= 4 and doc[end - 1].text == ")" and doc[end - 3].text == "(":
            end -= 3  # "the Movement for the Salvation of Azawad (MSA), a Tuareg-led armed group that ..."
        named = self.entity(doc[end - 1])
        return named if named is not None and named.end == end else None

    def _described_by_indefinite(self, noun: Token) -> list[Span]:
        """The actor named right before ', a/an <noun>': 'the Syrian National Army' for "..., an alliance"."""
        det = next((c for c in noun.children if c.dep_ == "det" and c.lower_ in ("a", "an")), None)
        if det is None or det.i < 2 or self.doc[det.i - 1].text != ",":
            return []
        named = self.entity(self.doc[det.i - 2])
        return [named] if named is not None and named.end == det.i - 1 and named.label_ in ACTOR_TYPES else []

    def described_before(self, noun: Token) -> list[Span]:
        """'Mosul, Iraq's second-largest city, which ISIL seized', 'In Buea, the capital of ...': the name a
        description follows after a comma, whatever the parser hung the description on."""
        named = self.named_before_comma(noun) if noun.pos_ == "NOUN" else None
        if named is None:
            return []
        fits = named.label_ in PLACE_TYPES if noun_lemma(noun) in PLACE_NOUNS else named.label_ not in PLACE_TYPES
        return [named] if fits else []

    def listed_before(self, span: Span) -> list[Span]:
        """The places joined to ``span`` by 'and' or commas before it: 'A' and 'B' of 'A, B and C'."""
        listed, at = [], span.start
        while at > 1 and self.doc[at - 1].lower_ in (",", "and"):
            named = self.entity(self.doc[at - 2])
            if named is None or named.end != at - 1 or named.label_ not in PLACE_TYPES:
                break
            listed.insert(0, named)
            at = named.start
        return listed

    def listed_after(self, token: Token) -> list[Span]:
        """The names listed right after ``token`` as the text writes them, whatever the parser made of the list:
        'between the CDU, the Sahra Wagenknecht Alliance (BSW) and the Social Democrats (SPD)'; nothing unless two
        or more are listed."""
        doc, at, listed = self.doc, token.i + 1, []
        while at < len(doc):
            while at < len(doc) and doc[at].lower_ in (",", "and"):
                at += 1
            if at < len(doc) and doc[at].lower_ == "the" and self.entity(doc[at]) is None:
                at += 1  # "the" outside the name
            named = self.entity(doc[at]) if at < len(doc) else None
            if named is not None and named.start == at and _linked(doc[at], named) and named.end + 2 < len(doc):
                at = named.end + 2  # "the al-Qaida-linked JNIM": the group linked, not al-Qaida
                named = self.entity(doc[at])
            if named is None or named.start != at or named.end < len(doc) and doc[named.end].lower_ in ("'s", "\u2019s"):
                break  # "between Ukraine's envoy, X, and ...": an owner, not an item
            listed.append(named)
            at = named.end
            if at + 2 < len(doc) and doc[at].text == "(" and doc[at + 2].text == ")":
                at += 3  # "(BSW)"
            if at >= len(doc) or doc[at].lower_ not in (",", "and"):
                break
        return listed if len(listed) > 1 else []

    def owners_after(self, token: Token, preps: tuple[str, ...], depth: int) -> list[Span]:
        """'fighters of the TPLF'; and 'Malian soldiers and fighters from Russia's Wagner Group', where the parser
        hangs the second noun's 'from' on the first (only what comes after the second is its)."""
        named = self.prep_objects(token, preps, depth)
        if not named and token.dep_ == "conj":
            named = [s for s in self.prep_objects(token.head, preps, depth) if s.start > token.i]
        if noun_lemma(token) in NATIONALITY_NOUNS and "from" in preps:  # "fighters from Algeria": where they come
            origins = self.prep_objects(token, ("from",), depth)  # from, not whose they are
            named = [s for s in named if not (s.label_ == "Country" and s in origins)]
        return named

    def _person_by_title(self, token: Token) -> list[Span]:
        """'the senator', 'the governor': the one person of the last two sentences written with that title
        ('Sen. Ellen Brandt', 'Governor X')."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return []
        title = token.lower_
        people = [s for s in self.coref.named_before(token, ("Official",), 2)
                  if s.start > 0 and ROLE_ABBREVIATIONS.get(self.doc[s.start - 1].lower_.rstrip("."),
                                                            self.doc[s.start - 1].lower_) == title]
        return [marked(s) for s in the_only_one(people)]

    def _holder_after_owner(self, token: Token) -> list[Span]:
        """'met with the governor of Arauca, Jose Castillo,', 'the envoy for Sudan, X,': the name after the office's
        owner holds the office (the parser hangs it on the owner as a conjunct or an apposition)."""
        if token.lower_ not in ROLE_WORDS:
            return []
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
            for owner in (c for c in prep.children if c.dep_ == "pobj"):
                holder = self.entity(owner)  # "U.S. special envoy for Libya Jonathan Winer": the title runs on
                # into the name, its owner between them
                before = self.entity(self.doc[holder.start - 1]) if holder is not None and holder.start > prep.i + 1 \
                    else None
                if holder is not None and holder.label_ in ("Person", "Official") and before is not None \
                        and before.end == holder.start and before.label_ not in ("Person", "Official"):
                    return [holder]
                for conj in (c for c in owner.children if c.dep_ in ("conj", "appos")):
                    holder = self.entity(conj)
                    if holder is not None and holder.label_ in ("Person", "Official") and holder.start > 0 \
                            and self.doc[holder.start - 1].text == "," and not any(
                            c.dep_ == "cc" for c in owner.children):
                        return [holder]
            # "met China's special envoy for Asian affairs, Deng Xijun, in ...": the parser may hang the name
            # anywhere; as written it is the next thing after the office, between commas
            after = token.right_edge.i + 1
            named_at = past_titles(self.doc, after + 1)  # "..., Gen. John Nicholson,"
            holder = self.entity(self.doc[named_at]) if named_at < len(self.doc) and self.doc[after].text == "," \
                else None
            if holder is not None and holder.start == named_at and holder.label_ in ("Person", "Official") \
                    and (holder.end == len(self.doc) or self.doc[holder.end].text in (",", ".")):
                return [holder]
        return []

    def _known_as(self, token: Token) -> list[Span]:
        """'a group known as MUJAO', 'the militia called Wagner', 'the rebels, who call themselves the MPCI,': the
        name the noun goes by."""
        out: list[Span] = []
        # "the U.N. peacekeeping mission in Congo, known as MONUSCO": the parser may hang the name on the place after
        # the noun; a body's name there is the noun's (a country goes by no body's name)
        places = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children
                  if o.dep_ == "pobj" and getattr(self.entity(o), "label_", "") in PLACE_TYPES]
        for child in (c for o in places for c in o.children
                      if c.dep_ == "acl" and c.lemma_.lower() in ("know", "call")):
            out.extend(s for s in self.prep_objects(child, ("as",))
                       if s.label_ in ("Organization", "Force", "ArmedGroup"))
        for child in token.children:
            calls_itself = child.dep_ == "relcl" and child.lemma_.lower() == "call" and any(
                c.dep_ == "dobj" and c.lower_ in ("themselves", "itself") for c in child.children)
            if child.dep_ == "acl" and child.lemma_.lower() in ("know", "call", "name", "dub") or calls_itself:
                out.extend(self.prep_objects(child, ("as",)))
                out.extend(s for c in child.children if c.dep_ in ("oprd", "attr", "xcomp", "dobj")
                           for s in self.entities(c))
        return out

    def _place_part(self, token: Token, lemma: str, depth: int) -> list[Span]:
        """'the city of Farah', 'the centre of Sangin', "the city's entrance", 'Sangin district', 'the city'."""
        # "the Chahar Dara and Dasht-e Archi districts of Kunduz province": the names before the kind word are
        # the places; what follows "of" holds them
        named = [] if lemma == "capital" else [
            s for c in token.children if c.dep_ in ("compound", "nmod") and c.i < token.i and self.entity(c)
            for s in self.entities(c) if s.label_ in PLACE_TYPES]
        if named and all(s.label_ == "Country" for s in named):  # "the Yemen port city of Hodeida": the city
            of = self.of_objects(token, depth)
            if not of and lemma in TOWN_NOUNS:
                return []  # "a Syria border town": an unnamed town of that country, not the country
            named = of or named
        if named and (of := self.of_objects(token, depth)) and max(
                PLACE_RANK.get(s.label_, 0) for s in of) < min(PLACE_RANK.get(s.label_, 0) for s in named) \
                and not (lemma == "district" and all(s.label_ == "City" for s in of)):  # ("the Hodan and Hawl-Wadag
            # districts of Mogadishu": parts of the town, named before it)
            return of  # "the Shabwa districts of Bayhan and Ain", "the Borno town of Chibok": the districts, the
            # town, in the larger place before them
        if named and lemma in TOWN_WORDS and all(s.label_ == "Province" for s in named) \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and not self.of_objects(token):
            # "pressed its assault on the southern Gaza Strip city": the town named before, in that region
            return [s for s in self.coref.antecedent(token, PLACE_ANAPHORS[lemma]) if s not in named]
        named = named or self.of_objects(token, depth)
        if not named and token.dep_ == "attr" and token.head.lemma_ == "be":  # "Marib is the last center still
            named = [s for s in self.children(token.head, ("nsubj",)) if s.label_ in PLACE_TYPES]  # held by X"
        if not named and lemma == "territory" and token.dep_ == "pobj" and token.head.lower_ == "of" \
                and token.head.head.dep_ == "appos":  # "Baghuz, the last pocket of territory held by X": Baghuz
            described = self.entity(token.head.head.head)
            named = [described] if described is not None and described.label_ in PLACE_TYPES else []
        if not named and lemma in PARTIAL_PLACE_NOUNS | {"part", "center", "centre", "heart", "rest"}:
            named = [s for c in token.children if c.dep_ == "poss" for s in (  # "its outskirts": the place's
                self.coref.part_owner(c) if c.lower_ in ("its", "their") else self.entities(c, depth + 1))]
        if not named and lemma in ("center", "centre", "headquarters"):  # "the government center in Ramadi"
            named = [s for s in self.prep_objects(token, ("in",), depth) if s.label_ in PLACE_TYPES]
        if not named and lemma != "capital":
            # "Sangin district"; but "Faryab's capital" is not Faryab
            named = [s for s in self.modifiers(token, types=PLACE_TYPES) if s.root.dep_ in ("compound", "amod", "nmod")]
        if not named and lemma in PLACE_ANAPHORS and token.tag_ != "NNS":  # "the city": the one named last; not
            named = self.coref.antecedent(token, PLACE_ANAPHORS[lemma])  # "four of the five state capitals"
        # "large parts of North Kivu, including the towns of A, B and C", "several towns, including A": those too
        # "Helmand's districts, among them A, B and C"
        listed = self.prep_objects(token, ("including",), depth) + [
            s for member in members_listed_after(token) for s in self.entities(member, depth + 1)]
        if not listed and token.tag_ == "NNS":  # "controlled several villages north of the bazaar, including A
            # and B": the parser hangs the list on the verb or the subject
            listed = [s for p in token.sent if p.lower_ == "including" and p.i > token.i
                      and getattr(including_noun(p), "i", None) == token.i
                      for o in p.children if o.dep_ == "pobj" for s in self.entities(o, depth + 1)]
        if not listed and token.tag_ == "NNS" and token.dep_ == "dobj":  # "shelled villages held by X farther
            # west, among them A and B": the parser hangs the list on a verb, this one or the one that reports it
            listed = [s for p in token.sent if p.lower_ == "among" and token.i < p.i <= token.i + 12
                      and p.i + 1 < len(self.doc) and self.doc[p.i + 1].lower_ == "them"
                      for o in p.children if o.dep_ == "pobj" and o.pos_ != "PRON" for s in self.entities(o, depth + 1)]
        return named + [s for s in listed if s.label_ in PLACE_TYPES and s not in named]

    def _proxy(self, token: Token, depth: int) -> list[Span]:
        """'Taliban fighters', 'troops of the 10th Division', 'forces loyal to the TPLF', 'Houthi targets';
        'an army base', 'police outposts', 'the soldiers': the article's own forces."""
        named = (self.modifiers(token) or self.owners_after(token, ("of", "from", "belonging"), depth)
                 or self.loyal_to(token, depth) or self.prep_objects(token, ("including",), depth)
                 or self._manned_by(token, depth)
                 or (self.led_by_name(token) if noun_lemma(token) in PEOPLE_PROXIES else [])
                 or (self._doer_of_act(token, depth) if noun_lemma(token) in ACT_PROXIES else []))
        if any(s.label_ in ("ArmedGroup", "Force") for s in named):  # "Colombia's ELN rebels": the ELN's
            named = [s for s in named if not (s.label_ == "Country" and s.root.dep_ == "poss")]
        elif noun_lemma(token) in INSURGENT_NOUNS:  # "South Sudan Rebels Capture Bor": the rebels of a country
            named = [s for s in named if s.label_ != "Country"]  # fight its state; they are not the country
        if named:
            return named
        qualifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i]
        adjectives = [c for c in qualifiers if c.text in self.country_adjectives]
        if qualifiers and all(c.lemma_.lower() in STATE_FORCE_WORDS or c in adjectives for c in qualifiers):
            # "an army base", "police outposts", "Afghan police base": the forces of that country, or the
            # article's own
            if adjectives:
                return self.coref.national_force(adjectives[0].text)
            return self.coref.home_force()
        if qualifiers and all(c.lower_ in GROUP_QUALIFIERS for c in qualifiers):
            return self.coref.antecedent(token)  # "the paramilitary force", "the rebel forces": the group named last
        if not qualifiers and token.lower_ in BARE_FORCES and (token.tag_ == "NNS" or any(
                c.dep_ == "det" and c.lower_ == "the" for c in token.children)):
            return self.coref.home_force()  # "the army", "soldiers manning the post"
        return []

    def led_by_name(self, noun: Token) -> list[Span]:
        """'TTP-led attacks', 'Hamas-led militants': the group named before '-led'."""
        out: list[Span] = []
        for child in noun.children:
            if child.dep_ == "amod" and (child.lower_ == "led" or child.lower_.endswith("-led")):
                out.extend(s for c in child.children if c.dep_ in ("npadvmod", "compound", "nmod", "advmod", "amod")
                           for s in self.entities(c))
                before = child.doc[child.i - 2] if child.i >= 2 and child.doc[child.i - 1].text == "-" else None
                if before is not None and self.entity(before) is not None:
                    out.append(self.entity(before))
        return out

    def _manned_by(self, token: Token, depth: int) -> list[Span]:
        """'a checkpoint manned by Cameroonian troops', 'a base held by the RSF': whoever holds the place stands
        for it (only for things: 'fighters backed by Iran' are not Iran)."""
        if noun_lemma(token) not in THING_PROXIES:
            return []
        return [s for child in token.children if child.dep_ == "acl" and child.tag_ == "VBN"
                and child.lemma_.lower() in MANNING_VERBS for s in self.prep_objects(child, ("by",), depth)]

    def loyal_to(self, token: Token, depth: int = 0) -> list[Span]:
        """'forces loyal to the TPLF', 'gangs belonging to Viv Ansanm': whom the unnamed body serves."""
        return [s for child in token.children
                if child.dep_ == "amod" and child.lower_ in ("loyal", "allied", "affiliated", "linked")
                or child.dep_ == "acl" and child.lemma_.lower() == "belong"
                for s in self.prep_objects(child, ("to", "with"), depth)]

    def leaders(self, token: Token, depth: int = 0) -> list[Span]:
        """'rebels led by the MNDAA', 'a coalition headed by Saudi Arabia': the groups or states named as leading
        an unnamed body (not persons: 'troops led by Colonel X' are not the colonel)."""
        out = []
        for child in children_of(token):
            if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in LEAD_VERBS:
                out.extend(s for s in self.prep_objects(child, ("by",), depth)
                           if s.label_ not in ("Person", "Official") and s not in out)
        return out

    def modifiers(self, token: Token, types: Iterable[str] | None = None) -> list[Span]:
        """Entities that qualify a noun from its left: 'Taliban fighters', 'the group's positions'."""
        out = []
        for child in children_of(token):
            if child.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod") and child.i < token.i:
                span = self.entity(child)
                if _linked(child, span):
                    continue  # "Islamic State-linked insurgents" are not the Islamic State
                if span is not None and (span.root.head == token or child == span.root):
                    if types is None or span.label_ in types:
                        out.extend(s for s in self.entities(child) if s not in out)
                elif span is None and child.dep_ == "poss":  # "its fighters", "the group's positions"
                    out.extend(s for s in self.entities(child) if (types is None or s.label_ in types)
                               and s not in out)
                elif span is None and child.dep_ == "compound" and (
                        noun_lemma(child) in PEOPLE_PROXIES
                        or child.pos_ == "NOUN" and child.is_lower and noun_lemma(token) in THING_PROXIES):
                    # "the Viv Ansanm gang coalition", "an SPLA supply convoy", "a Taliban weapons depot": the name
                    # qualifies the noun that qualifies this one
                    out.extend(s for s in self.modifiers(child, types) if s not in out)
        return out

    def places_in(self, token: Token) -> list[Span]:
        """Where something stands: 'a market in Aleppo', 'a base near Kidal', 'a camp at Lala'."""
        return [p for p in self.prep_objects(token, ("in", "at", "near", "outside", "inside", "across"))
                if p.label_ in PLACE_TYPES]

    def site_of(self, token: Token) -> list[Span]:
        """Where a thing stands, also when the parser hangs the place on what the thing is for: 'a camp for
        displaced people at Lala'."""
        return self.places_in(token) or [p for f in token.children if f.dep_ == "prep" and f.lower_ == "for"
                                         for o in f.children if o.dep_ == "pobj" for p in self.places_in(o)]

    def of_objects(self, token: Token, depth: int = 0) -> list[Span]:
        return self.prep_objects(token, ("of",), depth)

    def prep_objects(self, token: Token, preps: Iterable[str], depth: int = 0) -> list[Span]:
        """Entities behind the objects of ``token``'s prepositions (and of 'belonging to', 'out of')."""
        preps = tuple(preps)
        out = []
        # "met with A, and with B": the second "with" is a conjunct of the first (looked for only on a child that is
        # one of ``preps``: a conjunct of the same word is no other one, and working conjuncts out is a walk)
        # ("met with A in Moscow on Wednesday and with B": a conjunct of another preposition, its own child)
        for prep in (p for c in _children_and_misplaced_preps(token) for p in (
                (c, *(x for x in c.conjuncts if x.lower_ == c.lower_)) if c.lower_ in preps else
                (c, *(x for x in children_of(c) if x.dep_ == "conj" and x.lower_ in preps)) if c.dep_ == "prep"
                else (c,))):
            if prep.dep_ in ("prep", "agent", "dative", "conj") and prep.lower_ in preps:
                objects = children_of(prep)
                if not any(o.dep_ in ("pobj", "pcomp", "prep") for o in objects):  # "in and around Derna": the
                    # object is the last preposition's
                    objects = [o for c in prep.conjuncts if c.pos_ == "ADP" for o in children_of(c) if o.dep_ == "pobj"]
                if not objects and not children_of(prep) and prep.i + 1 < len(self.doc):
                    named = self.entity(self.doc[prep.i + 1])  # "a town in Homs province about 100 kilometers
                    if named is not None and named.start == prep.i + 1 and named not in out:  # away": the parser
                        out.append(named)  # hung the name elsewhere, and left the preposition without an object
                for pobj in objects:
                    if pobj.dep_ == "pobj":
                        first = self._named_right_after(prep, pobj)
                        named = [first] if first is not None else self.entities(pobj, depth + 1) \
                            or self._named_after_role(pobj)
                        out.extend(s for s in named if s not in out)
                    elif pobj.dep_ == "pcomp" and pobj.lemma_ == "be":  # "control over what was the capital, X"
                        out.extend(s for c in pobj.children if c.dep_ in ("attr", "nsubj") and c.lower_ != "what"
                                   for s in self.entities(c, depth + 1) if s not in out)
                    elif pobj.dep_ == "prep":  # "out of Goma", "away from X"
                        out.extend(s for s in self.prep_objects(prep, (pobj.lower_,), depth + 1) if s not in out)
        return out

    def _doer_of_act(self, act: Token, depth: int) -> list[Span]:
        """Who did an act named as a noun: its "by" ("an airstrike by X hit Y"), or the subject of the verb that
        supports it ("X conducted a raid that killed Y")."""
        named = self.prep_objects(act, ("by",), depth)
        if not named and act.dep_ == "dobj" and act.head.lemma_.lower() in SUPPORT_VERBS:
            named = [s for s in self.children(act.head, ("nsubj",)) if s.label_ in ACTOR_TYPES]
        return named

    def _named_after_role(self, role: Token) -> list[Span]:
        """'held talks with Qatar's Deputy Prime Minister and Minister of State for Defense Affairs, Dr. X, on ...':
        the person named between commas right after a role noun the parser left without its apposition."""
        if role.lower_ not in ROLE_WORDS:
            return []
        doc, end = self.doc, role.right_edge.i + 1
        while end < len(doc) and (doc[end].lower_ in TITLE_WORDS_AND_LINKS
                                  or doc[end].is_title and self.entity(doc[end]) is None):
            end += 1  # (the rest of a title the parser cut off: "... Minister of State for Defense Affairs")
        if end + 2 >= len(doc) or doc[end].text != ",":
            return []
        person = self.entity(doc[end + 1 + (doc[end + 1].lower_.rstrip(".") in ("dr", "gen", "col"))])
        return [person] if person is not None and person.label_ in ("Person", "Official") \
            and person.end < len(doc) and doc[person.end].text in (",", ".") else []

    def _named_right_after(self, prep: Token, pobj: Token) -> Span | None:
        """'against al-Shabaab near Saakow' where the parser made Saakow the object and al-Shabaab its modifier: the
        name right after the preposition, when the object's name comes later after 'near' (a place word)."""
        at = prep.i + 1 + (self.doc[prep.i + 1].lower_ == "the" if prep.i + 1 < len(self.doc) else 0)
        named, last = self.entity(self.doc[at]) if at < pobj.i else None, self.entity(pobj)
        if named is None or last is None or named.start != at or named.end >= last.start:
            return None
        between = self.doc[named.end: last.start]
        return named if len(between) == 1 and between[0].lower_ in ("near", "outside", "around") else None

    def children(self, token: Token, deps: Iterable[str]) -> list[Span]:
        deps = tuple(deps)
        out = []
        for child in children_of(token):
            if child.dep_ in deps:
                out.extend(s for s in self.entities(child) if s not in out)
        return out


def _plural_verb(verb: Token) -> bool:
    """'are held', 'were taken', 'have fallen': a verb (or its auxiliary) agreeing with a plural subject."""
    return any(t.lower_ in ("are", "were", "have") or t.tag_ == "VBP" for t in (
        verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))))
