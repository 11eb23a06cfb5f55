"""Light coreference: the named entity a generic noun or a pronoun stands for.

"the insurgents", "the group", "its fighters" -> the armed group named last, shortly before;
"the city", "the district" -> the place of that kind named last; "he", "she" -> the one person named
just before; "it", "they" -> the sayer of a reported clause, or the one armed actor named just before;
"the army", "troops", "police" with no owner named -> the article's own state forces.

Every reading returns spans marked with ``kb_id == ANAPHOR`` so that the rule that used one is named
"...-anaphor" and trusted less. When two entities could be meant, nothing is returned: a missed
relation costs less than a wrong one.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from .spans import lemmas, name_key, name_of, ranked_town, span_origin

#: Last words of a unit's name: part of a country's forces, never the article's own forces as a whole.
UNIT_NAME_WORDS = {"command", "division", "brigade", "battalion", "regiment", "corps", "unit", "squadron"}

#: kb_id given to an entity span found by referring back (rules that use one are named "...-anaphor").
ANAPHOR = "anaphor"
#: "the city", "the district", "the province": the place of that type named last.
PLACE_ANAPHORS = {"city": "City", "town": "City", "village": "City", "capital": "City", "district": "District",
                  "province": "Province", "region": "Province", "state": "Province", "country": "Country",
                  "nation": "Country"}
#: Verbs of saying: "X said they had captured Y" makes "they" X.
SPEECH_VERBS = {"say", "claim", "announce", "report", "confirm", "state", "declare", "insist", "add"}
#: Where someone spoke: "told reporters in Kabul", "said in Nairobi" (a place no text is about).
SAYING_VERBS = SPEECH_VERBS | {"tell", "speak", "brief"}
PLACE_LABELS = frozenset(PLACE_ANAPHORS.values())


def _where_said(span: Span) -> bool:
    """'Kabul' in 'told reporters in Kabul', 'said in Kabul': where a statement was made."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "in":
        return False
    host = root.head.head
    if host.lower_ in ("reporters", "journalists"):
        host = host.head
    return host.lemma_.lower() in SAYING_VERBS


#: How many sentences back a generic noun may reach for its entity.
GROUP_REACH, PLACE_REACH = 2, 6


def marked(span: Span) -> Span:
    """A copy of ``span`` marked as reached by reference."""
    return Span(span.doc, span.start, span.end, label=span.label_, kb_id=ANAPHOR)


def the_only_one(spans: list[Span]) -> list[Span]:
    """The last of ``spans`` when they all name one entity; nothing when two could be meant."""
    return spans[-1:] if len({name_key(s) for s in spans}) == 1 else []


#: Words of revolt before a noun that make it the insurgents' own without a determiner: "insurgent positions".
GROUP_ADJECTIVES = {"insurgent", "militant", "rebel", "jihadist", "extremist", "terrorist"}
#: Bodies a definite noun can stand for by the last word of their name ("the association", "the task force").
BODY_LABELS = ("ArmedGroup", "Force", "Organization")
#: Bare nouns for a state's forces: "the army" is never a rebel group whose name ends in "Army".
STATE_FORCE_NOUNS = {"army", "military", "police", "navy", "junta"}


def _named_by(name: str, head: str) -> bool:
    """A body's name the noun stands for: 'the association' (the Darfur Bar Association), 'the forces' (the
    Rapid Support Forces), 'the observatory' (the Syrian Observatory for Human Rights)."""
    padded = f" {name} "
    return (name == head or name.endswith(" " + head) or name.endswith(" " + head + "s")
            or f" {head} of " in padded or f" {head} for " in padded
            or " " in head and f" {head} " in padded)  # "the task force": Combined Joint Task Force Operation X


def _main_clause_subject(span: Span) -> bool:
    """The span is the subject of its sentence's main verb (or of a verb conjoined with it)."""
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    return verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"


def _describing(span: Span) -> list[Token]:
    """Nouns in apposition with a name: 'MINUSMA' in 'the U.N. mission, MINUSMA,' or 'MINUSMA, the U.N. mission'."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    return nouns


def _subject_like(span: Span) -> bool:
    """The span is a subject, or what the subject is part of: 'the SDF said', 'leaders of AQIM have retreated'."""
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") or root.head.dep_ == "nsubj" or (
        root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ in ("nsubj", "nsubjpass"))


def _group_described(span: Span) -> list[Token]:
    """Nouns that describe a group: its appositions, and those of 'members of X' or 'fighters of X', which the
    parser hangs on the members ('Members of the CJTF, a vigilante group formed ..., battled ...')."""
    root = span.root
    nouns = _describing(span)
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        nouns += [c for c in root.head.head.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > root.i]
    return nouns


#: Peacekeeping missions by the start of their acronym (MONUSCO, MINUSMA, MINUSCA, UNIFIL, UNMISS, UNAMID,
#: AMISOM, ATMIS) or a word of their name ("African Union Mission in Somalia", "the U.N. peacekeeping mission").
MISSION_ACRONYM = re.compile(r"^(MONU|MINU|UNIFIL|UNMIS|UNAMID|UNISFA|AMISOM|ATMIS)")


def _peacekeeping(name: str) -> bool:
    return bool(MISSION_ACRONYM.match(name)) or any(w in name.lower().split() for w in ("mission", "peacekeeping"))


def _joined_clause(clause: Token) -> Token:
    """The clause a conjoined one is joined to: the parser's head, but the main clause when that head is a "when"
    or "which" clause closed by a comma ("X has gained ground since May, when Y withdrew, and it has seized ...")."""
    head = clause.head
    closed = any(c.dep_ == "cc" and c.i > 0 and c.doc[c.i - 1].text == "," for c in head.children)
    if head.dep_ in ("advcl", "relcl") and closed and any(
            c.lower_ in ("when", "which", "who", "where", "while") for c in head.children):
        return head.head
    return head


class Coreference:
    """Finds antecedents in one Doc. ``entities`` is the argument reader's token -> entities function
    (the sayer of "they said ..." may itself be a noun that stands for an entity)."""

    def __init__(self, doc: Doc, ents: tuple[Span, ...], entities: Callable[[Token], list[Span]],
                 actions: frozenset[str]):
        self.doc = doc
        self.ents = ents
        self.entities = entities
        #: verbs and nouns of attacking, capturing and fighting: a pronoun subject of them is an armed actor
        #: ("it overran Bunagana", "it has conducted attacks on MONUSCO")
        self.actions = actions
        self._sentence_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self._home_force: list[Span] | None = None

    def sentence_index(self, token: Token) -> int:
        return bisect_right(self._sentence_starts, token.i) - 1

    def named_before(self, token: Token, labels: tuple[str, ...] | set[str], sentences_back: int) -> list[Span]:
        """Entities of ``labels`` named before ``token`` in its sentence or the ``sentences_back`` before it."""
        first = self.sentence_index(token) - sentences_back
        return [s for s in self.ents if s.end <= token.i and s.label_ in labels
                and self.sentence_index(s[0]) >= first]

    def antecedent(self, token: Token, label: str = "ArmedGroup") -> list[Span]:
        """'the insurgents', 'its fighters', 'the city': the entity of ``label`` named last before them, if it
        was named shortly before."""
        determiners = ("the", "its", "their") if label == "ArmedGroup" else ("the",)
        if not (any(c.lower_ in determiners and c.dep_ in ("det", "poss") for c in token.children)
                or token.lower_ in ("its", "their") and label == "ArmedGroup"
                or label == "ArmedGroup" and any(c.dep_ in ("amod", "compound") and c.lower_ in GROUP_ADJECTIVES
                                                 for c in token.children)  # "insurgent positions"
                or label == "City" and ranked_town(token) and any(c.dep_ == "poss" for c in token.children)):
            # ("swept into Hama, taking Syria's fourth-largest city": the town just named)
            return []
        reach = GROUP_REACH if label == "ArmedGroup" else PLACE_REACH
        own = {t.i for t in token.subtree}  # not a name inside the phrase itself ("the al-Qaida-linked group")
        own |= self._clause_subject_tokens(token)  # "SDF fighters drove the militants out": not the SDF
        before = [s for s in self.named_before(token, (label,), reach) if s.start not in own
                  and not (label in PLACE_LABELS and _where_said(s))]
        # "Members of the Civilian Joint Task Force, a vigilante group, battled Boko Haram ..., said X, the group's
        # coordinator": the one named before that the noun itself described comes first
        described = [s for s in before if token.lemma_.lower() in {n.lemma_.lower() for n in _group_described(s)}]
        keys = {name_key(s) for s in described}
        # (its latest mention counts: "X, a militia ... . X spokesman Y said the militia ...")
        last = max((s for s in before if name_key(s) in keys), key=lambda s: s.start, default=None)
        if label == "ArmedGroup" and len(keys) == 1 and not any(
                _subject_like(s) for s in before if s.start > last.start):  # not when a later one leads
            return [marked(last)]  # its sentence ("leaders of AQIM retreated ... the group's hideouts")
        if label in PLACE_LABELS and len(keys) == 1:  # "Ras al-Ain, a besieged border town. ... an alliance ... paid
            return [marked(last)]  # by Ankara, took control of the town": the one the text called a town
        # the last one that was a subject (what the text was about) before the last one merely named
        # ("... has been a key IS stronghold. Last October, the group [the SDF] announced ...")
        subjects = [s for s in before if s.root.dep_ in ("nsubj", "nsubjpass") or s.root.head.dep_ == "nsubj"]
        # "the city": the one named last, unless that one only describes the town the sentence is about ("Derna, a
        # port between Benghazi and the border, had been held by X, ... that drove IS out of the city")
        described_in = [s for s in subjects if before and s != before[-1]
                        and before[-1].root.i in {t.i for t in s.root.subtree}]
        chosen = (subjects[-1:] if label == "ArmedGroup" else described_in[-1:]) or before[-1:]
        return [marked(s) for s in chosen]

    @staticmethod
    def _clause_subject_tokens(token: Token) -> set[int]:
        """Tokens of the subject of the verb whose object (or prepositional object) ``token`` is: what a verb does
        to 'the militants' it does not do to its own subject."""
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
            return set()
        return {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent") for t in c.subtree}

    def by_name_head(self, token: Token, definite: bool = True) -> list[Span]:
        """'the association', 'the task force', 'the mission': a body named shortly before whose name ends in the
        noun ('the Darfur Bar Association') or which the noun described ('MINUSMA, the U.N. mission'); nothing
        when two bodies could be meant. With ``definite`` False, a bare noun before a title counts too ('ministry
        spokeswoman X')."""
        if definite and not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return []
        words = [c.lower_ for c in token.children if c.dep_ == "compound" and c.i < token.i] + [token.lemma_.lower()]
        head = " ".join(words)
        own = {t.i for t in token.subtree}
        named: dict[str, Span] = {}
        for span in self.named_before(token, BODY_LABELS, GROUP_REACH):
            name = (span.text if len(span) > 1 else name_of(span)).lower()
            described = {n.lemma_.lower() for n in _describing(span)}
            if span.label_ == "ArmedGroup" and head in STATE_FORCE_NOUNS:
                continue  # "the army" is the state's, not the Arakan Army or the Free Syrian Army
            canonical = name_of(span).lower()  # "Operation Inherent Resolve", known as the Combined Joint Task Force
            if span.start not in own and (_named_by(name, head) or " " in head and _named_by(canonical, head)
                                          or len(words) == 1 and head in described):
                named[name_key(span)] = span
        return [marked(s) for s in named.values()] if len(named) == 1 else []

    def pair(self, token: Token, label: str = "ArmedGroup") -> list[Span]:
        """'the two groups', 'both groups': the two different entities of ``label`` named last shortly before;
        nothing unless exactly two are in reach or the last two differ."""
        if not (any(c.dep_ == "nummod" and c.lower_ in ("two", "2") for c in token.children)
                or any(c.lower_ == "both" and c.dep_ in ("det", "predet", "preconj") for c in token.children)):
            return []
        own = {t.i for t in token.subtree}
        names: dict[str, Span] = {}
        for span in self.named_before(token, (label,), GROUP_REACH):
            if span.start not in own:
                names.pop(name_key(span), None)
                names[name_key(span)] = span  # the last mention of each, in order
        last_two = list(names.values())[-2:]
        return [marked(s) for s in last_two] if len(last_two) == 2 else []

    def owner(self, pronoun: Token) -> list[Span]:
        """'its', 'their': the body that says so when the sentence says who says ('MONUSCO said its helicopters had
        fired', 'the army said its troops clashed with ...'), else the armed group named last. 'the Defense
        Ministry and its chief, X': the name the pronoun's noun is joined to."""
        noun = pronoun.head
        if noun.dep_ == "conj" and noun.head.i < pronoun.i:  # (a name, not what a noun there stands for)
            joined = [s for s in self.ents if s.start <= noun.head.i < s.end and s.label_ in BODY_LABELS]
            if joined:
                return [marked(joined[0])]
        reported = self._reported_subject(noun)
        if reported:  # "Battalion 166 ... fought X on Wednesday, its commander, Y, said": the unit the report is about
            return [marked(reported[0])]
        verb = _clause_of(pronoun)
        if verb.dep_ == "ccomp" and lemmas(verb.head) & (SPEECH_VERBS | {"deny", "reject", "dismiss"}):
            sayers = [s for s in self._sayers(verb.head, pronoun)
                      if s.label_ in ("ArmedGroup", "Force", "Country") and s.end <= pronoun.i]  # not a news agency
            if sayers:
                return [marked(s) for s in sayers[:1]]
        subject = self._armed_subject_over(pronoun)  # "the army withdrew its troops", "The SDF, whose largest
        targeted = _in_target_phrase(pronoun)  # component is the YPG, lost 11,000 fighters, according to its
        if subject and not targeted:  # commander": the SDF's
            return [marked(subject[0])]
        armed = self.named_before(pronoun, ("ArmedGroup", "Force"), 1)  # "Russian forces ... in their assaults"
        if targeted:  # "the army launched an offensive against its bases": not the army's own
            armed = [s for s in armed if s not in subject and name_key(s) not in {name_key(x) for x in subject}]
        if targeted and pronoun.head.dep_ == "dobj" and subject:
            # "Seleka fighters had attacked their base": the other side's, of the kind the doer fights (a state's
            # force for a rebel group, a rebel group for a force), so that no ally the parser muddled into the
            # doer's phrase is taken ("fighters of A and allied B units attacked their base")
            armed = [s for s in armed if (s.label_ == "ArmedGroup") != (subject[0].label_ == "ArmedGroup")]
        # what the sentence was about before what it merely named: "The SDF, an alliance in which the YPG is
        # the largest force, launched its assault ... . Since then its fighters have taken ..." (the SDF's)
        main = [s for s in armed if _main_clause_subject(s)]
        return [marked((main or armed)[-1])] if armed else []

    def _reported_subject(self, noun: Token) -> list[Span]:
        """The armed subject of what ``noun`` (the subject of a speech verb after it) reports."""
        verb = noun.head
        if noun.dep_ != "nsubj" or verb.i < noun.i or not lemmas(verb) & SPEECH_VERBS:
            return []
        return [s for clause in verb.children if clause.dep_ == "ccomp" and clause.i < noun.i
                for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                for s in self.entities(c) if s.label_ in ("ArmedGroup", "Force")]

    def body_owner(self, pronoun: Token) -> list[Span]:
        """'Its spokesman, X, said' at the start of a sentence: the body the sentence before was about (its
        subject: "Russia's Defense Ministry said ... . Its spokesman ..."); nothing when that subject is no body.
        Later in a sentence, the one body it named before: "X met the farmers' association, and its president,
        Y, said ..."."""
        sentence = self.sentence_index(pronoun)
        start = self._sentence_starts[sentence]
        if pronoun.i - start > 1:
            return [marked(s) for s in the_only_one([s for s in self.ents if start <= s.start and s.end <= pronoun.i
                                                     and s.label_ in BODY_LABELS])]
        if sentence == 0:
            return []
        before = self.doc[self._sentence_starts[sentence - 1]].sent
        bodies = [s for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")
                  for s in self.entities(c) if s.label_ in ("Organization", "Force", "ArmedGroup")][:1]
        if bodies and pronoun.lower_ == "its" and _plural_verb(before.root):
            # "The People's Defense Forces were formed by the National Unity Government. Its spokesman, X,": not
            # the plural subject; the one other body the sentence names
            bodies = the_only_one([s for s in self.ents if before.start <= s.start and s.end <= before.end
                                   and s.label_ in ("Organization", "Force", "ArmedGroup") and s not in bodies])
        return [marked(s) for s in bodies]

    def _armed_subject_over(self, pronoun: Token) -> list[Span]:
        """The armed subject, named before ``pronoun``, of the nearest clause above it that has a subject."""
        current = pronoun
        for _ in range(8):
            if current.head == current:
                return []
            current = current.head
            subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass") and pronoun not in c.subtree]
            if current.pos_ in ("VERB", "AUX") and subjects:
                return [s for c in subjects for s in self.entities(c)
                        if s.label_ in ("ArmedGroup", "Force") and s.end <= pronoun.i]
        return []

    def place_owner(self, pronoun: Token) -> list[Span]:
        """'Bahir Dar, its capital': the region or country named last, whose capital or city it is."""
        before = self.named_before(pronoun, ("Province", "Country"), 1)
        return [marked(before[-1])] if before else []

    def part_owner(self, pronoun: Token) -> list[Span]:
        """'its outskirts', 'most of its center': the place the sentence is about (its main clause's subject) when
        one is named before the pronoun ("Taiz city, the capital of Taiz province, has been divided since X pushed
        the Houthis out of most of its center": the city), else the region or country named last."""
        places = self.named_before(pronoun, ("City", "District", "Province", "Country"), 0)
        about = self._main_subject(pronoun, places)
        return [marked(about[0])] if about else self.place_owner(pronoun)

    def seat_before(self, pronoun: Token, types: tuple[str, ...]) -> list[Span]:
        """'Kupiansk fell ... after its mayor, X, agreed': the one place of ``types`` (a town for a mayor, a province
        for a governor) named in the sentence so far; opening a sentence, the one the sentence before was about
        ("Lampedusa, an island town ..., belongs to the province of Agrigento. Its mayor, X, told ...")."""
        named = self.named_before(pronoun, types, 0)
        if not named and pronoun.i - self._sentence_starts[self.sentence_index(pronoun)] <= 1:
            named = self._subject_before(pronoun, self.named_before(pronoun, types, 1))
        return [marked(s) for s in the_only_one(named)]

    def person(self, pronoun: Token) -> list[Span]:
        """'Henry ... travelled to Nairobi, where he met Ruto', 'X dissidents attacked her': 'he', 'she', 'him'
        or 'her' as the one person named in the sentence so far, or else the one person of the sentence
        before; nothing when two could be meant."""
        people = ("Person", "Official")
        pool = self.named_before(pronoun, people, 0) or self.named_before(pronoun, people, 1)
        return [marked(s) for s in the_only_one(pool)]

    def _sayers(self, verb: Token, pronoun: Token) -> list[Span]:
        """The entities of the subject of a verb of saying, the sayer itself before what its name holds
        ("Sudan's paramilitary RSF said its fighters had overrun ...": the RSF, not Sudan)."""
        named = [(s, s.start <= c.i < s.end) for c in verb.children if c.dep_ == "nsubj" and c != pronoun
                 for s in self.entities(c)]  # the parser may give the verb two subjects: "paramilitary" and "RSF"
        return [s for s, own in sorted(named, key=lambda pair: not pair[1])]

    def them(self, pronoun: Token) -> list[Span]:
        """'Turkish troops and SNA factions attacked X, and SDF fighters battled them': the armed subjects of the
        clause before in the same sentence (all of them, as listed), not the subject of the pronoun's own verb."""
        verb = pronoun.head
        own = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        sentence_start = self._sentence_starts[self.sentence_index(pronoun)]
        subjects = [s for s in self.ents if sentence_start <= s.start and s.end <= pronoun.i and s.start not in own
                    and s.label_ in ("ArmedGroup", "Force") and _subject_like(s) and s.root.head != verb]
        if not subjects:
            return []
        first = subjects[0]
        listed = [first] + [s for c in first.root.conjuncts for s in self.entities(c)
                            if s.label_ in ("ArmedGroup", "Force") and s != first]  # ("and SNA factions")
        return [marked(s) for s in listed]

    def speakers_body(self, pronoun: Token) -> list[Span]:
        """'his', 'her', 'their' in what a body's spokesman or official says: "X, a spokeswoman for the TNLA, said
        her group's fighters had captured Y", "Taliban spokesman X said his fighters took Y": the one body the
        sayer is described by (the apposition after the name, the title before it); nothing when two are."""
        verb = _clause_of(pronoun)
        if verb.dep_ != "ccomp" or not lemmas(verb.head) & SPEECH_VERBS:
            return []
        sayers = [s for s in self._sayers(verb.head, pronoun) if s.label_ in ("Person", "Official")]
        if len(sayers) != 1:
            return []
        root = sayers[0].root
        described = [t for c in root.children if c.dep_ == "appos" for t in c.subtree]
        described += [t for t in root.subtree if t.i < sayers[0].start]  # "Taliban spokesman X"
        bodies = [s for s in self.ents if s.label_ in BODY_LABELS and any(s.start <= t.i < s.end for t in described)]
        return [marked(s) for s in the_only_one(bodies)]

    def speaker(self, pronoun: Token) -> list[Span]:
        """A pronoun subject that can only mean one entity: 'The RSF said they had taken X' (the sayer);
        'Khanashin lies on the border and it has fallen' (the subject of the clause it is joined to);
        'In June, it overran Bunagana' (the one armed actor named just before)."""
        clause = pronoun.head
        if pronoun.lower_ == "it" and (pronoun.dep_ == "nsubjpass" and lemmas(clause) & self.actions
                                       or "fall" in lemmas(clause)):
            return self.place_before(pronoun)  # "It was seized by the SDF", "it fell"
        if clause.dep_ == "ccomp" and lemmas(clause.head) & SPEECH_VERBS:
            candidates = [s for s in self._sayers(clause.head, pronoun)
                          if s.label_ in ("ArmedGroup", "Force", "Organization", "Country")]
        elif clause.dep_ == "conj":
            candidates = [s for c in _joined_clause(clause).children if c.dep_ in ("nsubj", "nsubjpass")
                          for s in self.entities(c)][:1]
        elif lemmas(clause) & self.actions or any(c.dep_ in ("dobj", "advcl", "xcomp") and lemmas(c) & self.actions
                                                   for c in clause.children):  # "They fanned out, taking X"
            named = self.named_before(pronoun, ("ArmedGroup", "Force"), 2)
            # the one armed actor named just before; else the one the sentence before is about ("the M23 is
            # tightening its grip on Goma. It has also conducted attacks on MONUSCO")
            candidates = the_only_one(named) or self._main_subject(pronoun, named) or self._subject_before(
                pronoun, named)
        else:
            return []
        return [marked(s) for s in candidates[:1]]

    def _main_subject(self, pronoun: Token, named: list[Span]) -> list[Span]:
        """Of ``named``, the subject of the main clause of ``pronoun``'s own sentence, named before it: 'Ansar Dine
        has held Timbuktu since April, when it seized Gao'."""
        sentence = self.sentence_index(pronoun)
        return the_only_one([s for s in named if s.end <= pronoun.i and self.sentence_index(s[0]) == sentence
                             and s.root.dep_ in ("nsubj", "nsubjpass") and s.root.head.dep_ == "ROOT"])

    def _subject_before(self, pronoun: Token, named: list[Span]) -> list[Span]:
        """Of ``named``, the subject of the main clause of the sentence before ``pronoun``'s."""
        previous = self.sentence_index(pronoun) - 1
        return [s for s in named if self.sentence_index(s[0]) == previous and not s.root.conjuncts
                and s.root.dep_ in ("nsubj", "nsubjpass") and s.root.head.dep_ == "ROOT"][:1]  # not "X and Y took"

    def place_before(self, pronoun: Token) -> list[Span]:
        """The town, district or province 'it' is when it is taken: the one named in this sentence or the one
        before, else the one the sentence before is about (its subject)."""
        territory = ("City", "District", "Province")
        in_sentence = self.named_before(pronoun, territory, 0)
        if the_only_one(in_sentence):  # "retook Awdheegle after al-Shabaab had held it": this sentence's town
            return [marked(s) for s in the_only_one(in_sentence)]
        named = self.named_before(pronoun, territory, 1)
        if the_only_one(named):
            return [marked(s) for s in the_only_one(named)]
        return [marked(s) for s in self._subject_before(pronoun, named) or self._place_anaphor_before(pronoun)]

    def _place_anaphor_before(self, pronoun: Token) -> list[Span]:
        """'X has changed hands three times. The army first seized the town on Feb. 8 ... Y retook it': the place
        that the sentence before took up as 'the town' (its subject or object), when it names none itself."""
        index = self.sentence_index(pronoun)
        if index == 0:
            return []
        start, end = self._sentence_starts[index - 1], self._sentence_starts[index]
        nouns = [t for t in self.doc[start:end] if t.dep_ in ("nsubj", "nsubjpass", "dobj")
                 and PLACE_ANAPHORS.get(t.lemma_.lower()) in ("City", "District", "Province")]
        return self.antecedent(nouns[0], PLACE_ANAPHORS[nouns[0].lemma_.lower()]) if len(nouns) == 1 else []

    def national_force(self, adjective: str) -> list[Span]:
        """'Afghan police base': the forces of that country the article names ('Afghan security forces'),
        else the article's own forces."""
        return self.named_force(adjective) or self.home_force()

    def named_force(self, adjective: str) -> list[Span]:
        """'under Russian control': the forces of that country the article names, if it names one."""
        named = [s for s in self.ents if s.label_ == "Force" and (name_of(s).startswith(adjective)
                                                                   or s.text.startswith(adjective))]  # (named
        # "Armed Forces of Ukraine" when written "Ukrainian forces")
        return [marked(the_only_one(named)[0])] if the_only_one(named) else []

    def mission(self) -> list[Span]:
        """'peacekeepers': the one peacekeeping mission the article names (MONUSCO, MINUSMA, AMISOM, 'the U.N.
        Mission in South Sudan'), if it names one."""
        missions = [s for s in self.ents if s.label_ == "Force" and _peacekeeping(name_of(s))]
        return [marked(s) for s in the_only_one(missions)]

    def home_force(self) -> list[Span]:
        """The article's own state forces: the Force it names most (its first mention), if it names one."""
        if self._home_force is None:
            # a peacekeeping mission is no state's own forces ("the army spokesman" in a report on MONUSCO)
            forces = [s for s in self.ents if s.label_ == "Force" and not _peacekeeping(name_of(s))]
            # warplanes and helicopters are no army on the ground: "Malian troops, supported by French
            # helicopters", then "French warplanes" twice, and "the army said" is still Mali's
            forces = [s for s in forces if span_origin(s) != "force-phrase:aircraft"] or forces
            # a unit ("the Northeastern Command") is part of the forces, not the forces themselves
            whole = [s for s in forces if s[-1].lower_ not in UNIT_NAME_WORDS] or forces
            counts = Counter(name_key(s) for s in whole)
            ranked = counts.most_common(2)
            if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                first = next(s for s in whole if name_key(s) == ranked[0][0])
                self._home_force = [marked(first)]
            else:
                self._home_force = []
        return self._home_force


def _clause_of(token: Token) -> Token:
    """The verb of the main or reported clause ``token`` stands in (a ccomp's head is the verb of saying)."""
    verb = token.head
    while verb.dep_ not in ("ROOT", "ccomp") and verb.head != verb:
        verb = verb.head
    return verb


def _plural_verb(verb: Token) -> bool:
    """'were formed', 'are', 'have said': a verb agreeing with a plural subject."""
    return verb.tag_ == "VBP" or verb.lower_ in ("were", "are") or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("were", "are", "have") for c in verb.children)


#: Prepositions that name what an action is aimed at: "an offensive against its bases", "strikes on their positions".
AIMED_AT = ("against", "on", "upon", "at")


#: Verbs whose object is a target, never the doer's own: "the fighters attacked their base" (another's base).
ASSAULT_VERBS = frozenset({"attack", "assault", "storm", "shell", "bomb", "raid", "ambush", "overrun", "besiege",
                           "overran"})  # (the small model's lemmatiser leaves "overran" as it is)


def _in_target_phrase(pronoun: Token) -> bool:
    """'its' inside what an action is aimed at ('launched an offensive against its bases', 'Seleka fighters had
    attacked their base'): whose bases, then, is not the one launching it."""
    owned = pronoun.head
    return owned.dep_ == "pobj" and owned.head.lower_ in AIMED_AT \
        or owned.dep_ == "dobj" and owned.head.lemma_.lower() in ASSAULT_VERBS
