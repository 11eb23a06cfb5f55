"""Relational nouns: roles and descriptions that relate an entity to another.

"X, a Taliban spokesman", "Kunduz Governor X", "the governor of Y, X", "X, a commander of the Y group",
"the MNDAA, a member of the alliance", "Maimana, the capital of Faryab", "the Yemeni capital, Sanaa";
"X, who heads the council", "the RSF, led by X", "X, who speaks for the ministry".
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from .arguments import BARE_FORCES, LEAD_VERBS, PLACE_TYPES, UNION_NOUNS, Arguments
from .forces import loyal_leader
from .found import FoundRelation, each_pair, found
from .frames import subjects_of
from .gazetteer import country_adjectives, province_capitals
from .lexicon import ELECTED_BODIES, ROLE_ABBREVIATIONS
from .located import country_named, larger
from .modality import modality
from .places import party_state_at
from .spans import (
    children_of,
    doc_memo,
    first_conjunct,
    including_noun,
    lemmas,
    name_key,
    name_of,
    past_titles,
    sentence_start_of,
    span_links,
    span_origin,
    tokens_of,
    unofficial_role,
)
from .words import word_list

SPOKESPERSON_NOUNS = word_list("roles", "spokesperson")


#: Roles whose holder belongs to an armed group (memberOf) or holds office in anything else (officialOf).
MEMBERSHIP_NOUNS = word_list("roles", "membership")


#: What a group is to a larger body it belongs to: "a member of the alliance", "al-Qaeda's branch".
BODY_PART_NOUNS = word_list("roles", "body_part")


#: Entities that can belong to a body (memberOf) as a whole.
BODY_TYPES = {"ArmedGroup", "Organization", "Force", "Country"}
#: "the provincial capital", "the prefectural capital": a capital of a first-level subdivision, not a country
SUBDIVISION_ADJECTIVES = frozenset({"provincial", "regional", "state", "prefectural"})


OFFICE_NOUNS = word_list("roles", "office")
#: Words inside a title between the body and the role: "Pentagon Press Secretary", "Taliban chief spokesman".
TITLE_MODIFIERS = word_list("roles", "title_modifier")
#: Prepositions that name whose a role is: "spokesman for X", "a spokesperson from X's board", "a figure with X".
ROLE_PREPOSITIONS = ("for", "of", "from", "with", "at", "in")


#: Role words that stand as a title before a name ("Governor X", "spokesman Zabihullah Mujahid").
TITLE_NOUNS = OFFICE_NOUNS | SPOKESPERSON_NOUNS


def described_by(span: Span) -> list[Token]:
    """Nouns that describe an entity: its apposition ('X, a spokesman'), the noun it is in apposition to
    ('a spokesman, X'), a copula's attribute ('X is the capital') and a title in front ('Governor X').
    Worked out once per span (several readers ask): the parse decides it, and whether the word before the span is
    inside an entity (a title is none), which is part of the key as the entities change."""
    memo = doc_memo(span.doc)
    key = ("described_by", span.start, span.end, span.doc[span.start - 1].ent_type if span.start > 0 else 0)
    if key not in memo:
        memo[key] = tuple(_described_by(span))
    return list(memo[key])


#: Adverbs of time between a name and its role: "X, then the spokesman for Y,", "Y, now its commander,".
ROLE_TIME_ADVERBS = {"then", "now", "formerly", "currently", "previously", "later"}


def _only_a_comma_between(span: Span, noun: Token) -> bool:
    """Nothing but a comma, an adverb of time and the role's own words between ``span`` and the role ``noun``."""
    between = span.doc[span.end: noun.left_edge.i]
    return bool(between) and between[0].text == "," and all(t.lower_ in ROLE_TIME_ADVERBS for t in between[1:])


def _described_by(span: Span) -> list[Token]:
    root = span.root
    nouns = [t for t in children_of(root) if t.dep_ == "appos" and not _another_name_before(t, span)]
    nouns += [t for c in root.conjuncts if c.i > root.i for t in children_of(c) if t.dep_ == "appos" and t.tag_ == "NNS"]
    # ("A and B, the two Eastern Alliance commanders": the plural description is both names')
    if root.dep_ == "appos" or root.dep_ == "conj" and root.head.i < span.start and role_word(root.head) in ROLE_NOUNS \
            and [t.text for t in span.doc[root.head.i + 1: span.start]] == [","]:
        nouns.append(root.head)  # (or a conjunct with only a comma: "Myanmar's State Counsellor, Aung San Suu Kyi")
    if root.dep_ == "nsubj":  # "X, then the spokesman for Y, said": the parser makes the role a second subject
        nouns.extend(t for t in children_of(root.head) if t.dep_ == "nsubj" and t.i > root.i
                     and _only_a_comma_between(span, t))
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
        nouns.extend(t for t in children_of(root.head) if t.dep_ == "attr")
    if root.dep_ in ("nsubjpass", "dobj"):  # "X was appointed governor of Y", "named X spokesman"
        nouns.extend(t for t in children_of(root.head) if t.dep_ == "oprd")
    for clause in (c for c in children_of(root) if c.dep_ == "relcl"):  # "ISWAP, which ... is the IS group's affiliate"
        for verb in (clause, *clause.conjuncts):  # "X, who became Niger's president in April"
            if verb.lemma_ in ("be", "become", "remain"):
                nouns.extend(t for t in verb.children if t.dep_ == "attr")
            elif any(c.dep_ == "nsubjpass" and c.lower_ in ("who", "which", "that") for c in verb.children):
                nouns.extend(t for t in verb.children if t.dep_ == "oprd")  # "X, who was appointed governor of Y"
    nouns.extend(t for t in children_of(root) if t.dep_ == "compound" and t.i < span.start)
    nouns.extend(m for n in list(nouns) if n.lower_ == "one"  # "X, one of two members of the Fiscal Court"
                 for of in n.children if of.dep_ == "prep" and of.lower_ == "of"
                 for m in of.children if m.dep_ == "pobj" and m.tag_ == "NNS")
    first = first_conjunct(root)
    if first.dep_ == "pobj" and first.head.lower_ == "including" and first.head.head.pos_ == "NOUN" \
            and span.label_ in ("Person", "Official") and including_noun(first.head) in (None, first.head.head):
        # (not "Taliban fighters controlled several villages, including A": the villages', however parsed)
        nouns.append(first.head.head)  # "leaders of AQIM, including Abou Zeid": one of them (not "the state
        # capitals, including Nyala": one of several states' capitals)
    if span.start > 0 and role_word(span.doc[span.start - 1]) in TITLE_NOUNS:
        title = span.doc[span.start - 1]
        if title not in nouns and title.ent_type_ == "":
            nouns.append(title)
    nouns.extend(n for n in (_misattached_role(span), _comma_apposition(span), _role_between_commas(span))
                 if n is not None and n not in nouns)
    nouns.extend(n for n in _as_role(span) if n not in nouns)
    nouns.extend(n for n in _title_chain(span) if n not in nouns)
    nouns.extend(c for n in list(nouns) for c in n.children  # "the group's negotiator and spokesman, X"; "X, the
                 # army chief and head of the Sovereign Council"
                 if c.dep_ == "conj" and (c.i < span.start or n.i >= span.end) and c not in nouns
                 and (role_word(c) in ROLE_NOUNS or role_word(c) == "capital")  # "the largest city and the capital"
                 and not any(a.dep_ == "appos" and a.ent_type_ for a in c.children))  # (not "X, the premier of A,
    # and B's prime minister, Y": Y's)
    nouns.extend(c for n in list(nouns) for of in n.children if of.dep_ == "prep" and of.lower_ == "of"
                 for p in of.children if p.dep_ == "pobj" and p.lemma_.lower() in ("people", "resident", "inhabitant")
                 for c in p.conjuncts if role_word(c) == "capital" and c not in nouns)  # "a city of about 300,000
    # people and the capital of Kunduz province": the parser joins the capital to the people
    nouns.extend(n.head for n in list(nouns) if n.dep_ == "conj" and n.head.i < n.i < span.start  # "Houthi
                 and n.head not in nouns and role_word(n.head) in ROLE_NOUNS  # spokesman and chief negotiator X"
                 and not any(t.text == "," for t in span.doc[n.head.i + 1: n.i]))  # not "A's minister, X, and B's
    # counsellor, Y": the first title has its own name
    between = span.doc[root.head.i + 1: span.start] if root.dep_ == "conj" and root.head.i < span.start else None
    if between is not None and role_word(root.head) in ROLE_NOUNS and root.head not in nouns and any(
            t.lower_ == "and" for t in between) and all(t.lower_ == "and" or t.lower_ in TITLE_MODIFIERS
                                                       or role_word(t) in ROLE_NOUNS for t in between):
        nouns.append(root.head)  # the parser joins the name itself to the first title
    if any(role_word(n) in SPOKESPERSON_NOUNS for n in nouns):  # "army spokesman Brigadier General X"
        nouns = [n for n in nouns if role_word(n).rstrip(".") not in RANKS]
    return [n for n in nouns if (n.pos_ in ("NOUN", "PROPN") or _hyphenated_general(n) or _commanding_officer(n))
            and n not in span]


def _hyphenated_general(token: Token) -> bool:
    """'the PJD's secretary-general', 'the attorney-general': the tagger makes the title's last word an adjective."""
    return token.lower_ == "general" and token.i > 1 and token.doc[token.i - 1].text == "-" \
        and token.doc[token.i - 2].lower_ in OFFICE_NOUNS


def _another_name_before(noun: Token, span: Span) -> bool:
    """'Afgooye, which lies 30 km from Mogadishu, the Somali capital, sits ...': the parser hung the description
    on the first name, but the name right before its comma is the one it describes."""
    start = noun.left_edge.i
    if start < 2 or noun.doc[start - 1].text != ",":
        return False
    before = noun.doc[start - 2]
    return before.ent_type_ != "" and before.i >= span.end and not before.is_punct


#: Verbs that give a name a description: "a commander known as X", "X, whom he described as an ISIL official".
NAMING_VERBS = {"know", "call", "name", "describe", "identify"}


def _as_role(span: Span) -> list[Token]:
    """'removing Chouchane as an ISIL leader', 'X, as governor of Y', 'X, whom he described as a senior ISIL
    official': the role after 'as'; 'a Boko Haram commander known as X': the noun the name is given to."""
    root = span.root
    # (the clause may hang on the name or on a noun apposed to it: "X, a MAS senator who had just been elected ...")
    described = [root, *(a for a in root.children if a.dep_ == "appos" and a.pos_ == "NOUN")]
    clauses = [v for d in described for c in d.children if c.dep_ == "relcl" and (c.lemma_ in NAMING_VERBS or any(
        w.dep_ in ("nsubj", "nsubjpass") and w.lower_ == "who" for w in c.children)) for v in (c, *c.conjuncts)]
    # "X, who has served as Haiti's premier", "X, who seized power ... and now serves as Burkina Faso's interim
    # president"
    anchors = [root] + ([root.head] if root.dep_ in ("dobj", "nsubj", "nsubjpass") else []) + clauses
    nouns = [pobj for anchor in anchors for prep in anchor.children if prep.dep_ == "prep" and prep.lower_ == "as"
             for pobj in prep.children if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN"]
    # "X, who was elected president of the Senate": the office the clause gives (its predicative noun)
    nouns += [c for clause in clauses for c in clause.children if c.dep_ == "oprd" and c.pos_ == "NOUN"]
    named = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else None
    if named is not None and named.dep_ == "acl" and named.lemma_ in NAMING_VERBS and named.head.pos_ == "NOUN":
        nouns.append(named.head)
    return nouns


def _title_chain(span: Span) -> list[Token]:
    """'Defense Department spokesman Army Col. Steve Warren': a role word a few words before the name, with only
    titles, ranks and the body's name in between."""
    doc = span.doc
    if span.label_ not in ("Person", "Official"):
        return []  # a titled name is a person's: "a Socialist Party member of the Walloon Parliament" is no member
    sent_start = sentence_start_of(doc, span.start) if doc.has_annotation("SENT_START") else 0
    rank = None
    for token in reversed(tokens_of(doc)[max(sent_start, span.start - 8): span.start]):
        if role_word(token) in TITLE_NOUNS and token.pos_ in ("NOUN", "PROPN"):
            if role_word(token) not in RANKS:
                return [token]
            rank = rank or token  # "spokesman Brigadier General X": the role before the rank says what X is
        inside = token.pos_ in ("PROPN", "NOUN", "ADJ") or token.text in (".", "-") or token.lower_ in ("for", "of",
                                                                                                     "to")
        if not inside or token.is_sent_start:  # "U.S. Special Envoy for Yemen Tim Lenderking", "U.S. Ambassador to
            break  # Somalia Don Yamamoto"
        if token.lower_ in ("for", "of", "to") and token.i == span.start - 1:
            break  # "a spokesman for Gul Agha Sherzai's forces": the name is what the role is for
    return [rank] if rank is not None else []


#: Military ranks: titles of a person, which say what office they hold only when no other role word does.
RANKS = frozenset({"general", "gen", "brigadier", "brig", "colonel", "col", "major", "maj", "lieutenant", "lt",
                   "captain", "capt", "sergeant", "sgt", "admiral", "adm", "marshal", "commodore"})


ROLE_NOUNS = OFFICE_NOUNS | SPOKESPERSON_NOUNS | MEMBERSHIP_NOUNS | BODY_PART_NOUNS | {"capital"}


def _misattached_role(span: Span) -> Token | None:
    """'A spokesman for X in Y, PERSON, said': the parser hangs PERSON on Y; climb back to the role noun."""
    current, hops = span.root, 0
    # "a spokesman in Aleppo, X, said": or a conjunct with no "and", which the parser makes of an apposition
    doc = span.doc
    if current.dep_ != "appos" and not (current.dep_ == "conj" and current.head.ent_type_ in PLACE_TYPES and not any(
            t.pos_ == "CCONJ" for t in tokens_of(doc)[current.head.i: span.start])) and _body_before(span) is None:
        return None
    while (current.dep_ in ("appos", "pobj", "prep", "compound", "poss") or hops == 0) and hops < 5:
        current, hops = current.head, hops + 1
        if current.ent_type_ in ("Person", "Official") and current not in span:
            return None  # "X's president, A, who met the governor of Y, B,": the role above A is A's
        if current.lemma_.lower() in ROLE_NOUNS and current.pos_ == "NOUN" and hops > 1:
            return current
    return None


def _role_between_commas(span: Span) -> Token | None:
    """"Negotiations between Iraq's national security adviser, X, and Sadr": the role noun right before the
    comma that opens a name closed by another comma is the name's, whatever the parser made of the sentence."""
    doc = span.doc
    comma = next((i for i in range(span.start - 1, max(span.start - 4, 0), -1)
                  if doc[i].text == "," and past_titles(doc, i + 1) == span.start), None)  # ", Gen. John Doe,"
    if span.label_ not in ("Person", "Official") or comma is None or comma < 1 \
            or span.end >= len(doc) or doc[span.end].text not in (",", "."):
        return None
    role = doc[comma - 1]
    while not _role_noun(role) and role.head.i < role.i and role.head.right_edge.i == comma - 1:
        role = role.head  # "the commander of NATO's Resolute Support mission, Gen. John Nicholson,"
    if role.dep_ == "appos" and role.head.i < role.i and role.head.ent_type_ in ("Person", "Official"):
        return None  # "killed X, the leader of ISIS, Gen. Y, commander of Z, said": the name before has the role
    return role if _role_noun(role) else None


def _role_noun(token: Token) -> bool:
    return token.lemma_.lower() in ROLE_NOUNS and token.pos_ == "NOUN" and token.tag_ == "NN"


def _body_before(person: Span) -> Token | None:
    """'a spokesman for the EUB, Annick Robichaud, said': the parser may make one noun phrase of the body and the
    person after it, the body a modifier of the person's name; the body's last word, then."""
    root, doc = person.root, person.doc
    if root.dep_ != "pobj" or person.start < 2 or doc[person.start - 1].text != ",":
        return None
    body = doc[person.start - 2]
    return body if body.head == root and body.dep_ in ("nmod", "compound", "poss") and body.ent_type_ else None


def _comma_apposition(span: Span) -> Token | None:
    """'Kunduz city, the capital of ...' read as an apposition even when the parser missed it:
    a role noun heading the noun phrase that starts right after the entity and a comma."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    for token in tokens_of(doc)[span.end + 1: span.end + 5]:  # (no new Span)
        if _commanding_officer(token) and token.i == span.end + 2:
            return token  # "X, commanding general of Y": the tagger's adjective after its participle
        if token.lemma_.lower() in ROLE_NOUNS and token.pos_ == "NOUN" and token.left_edge.i == span.end + 1:
            # an apposition closes with a comma or the sentence; "Ghani, the Taliban leader said" is no apposition
            after = token.right_edge.i + 1  # (the closing comma may be the noun's own: "Khaing Thukha, a spokesman
            # for the Arakan Army, told", where the tagger took "Khaing" for a verb and the noun for the subject)
            closed = after >= len(doc) or doc[after].text in (",", ";", ".", ")") or doc[after].is_sent_start \
                or doc[after - 1].text == "," and after - 1 > token.i
            return token if closed else None
    return None


def _commanding_officer(token: Token) -> bool:
    """'commanding general', 'commanding officer': a title the tagger may read as a participle and its object."""
    return token.lower_ in ("general", "officer") and token.i > 0 and token.doc[token.i - 1].lower_ == "commanding"


#: The words after a role noun that are part of its title: "commander in chief", "chief of staff".
ROLE_TAILS = {("in", "chief"), ("of", "staff")}


#: Offices whose "its" is the one place of a kind named before in the sentence: "Kupiansk fell after its mayor, X,
#: agreed", "Kunduz province fell after its governor, X, fled".
ITS_SEATS = {"mayor": ("City",), "governor": ("Province",), "minister": ("Country",)}  # ("its defense minister")


def role_targets(noun: Token, args: Arguments, preps: tuple[str, ...]) -> list[Span]:
    """Whom a role belongs to: 'a Taliban spokesman', "Russia's minister", 'governor of X', 'spokesman for X',
    'Pentagon Press Secretary'."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ == "its"), None)
    seat = ITS_SEATS.get(role_word(noun)) if owner is not None else None
    if seat is not None:  # "Kupiansk fell ... after its mayor, X, agreed"
        return args.coref.seat_before(owner, seat)
    pronoun = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    opening = pronoun is not None and pronoun.i - sentence_start_of(pronoun.doc, pronoun.i) <= 1
    # "Its spokesman, X, said" opening a sentence: the body the sentence before was about, before the armed
    # group named last
    targets = (args.coref.body_owner(pronoun) if opening else []) or args.modifiers(noun)
    named_after = {c.i for p in noun.children if p.dep_ == "prep" and p.lower_ in preps for c in p.children
                   if c.dep_ == "pobj"}
    # a named owner before the role outranks what a common noun after it stands for: "al-Shabab's spokesman for
    # military operations" speaks for al-Shabab, not for the forces "operations" would stand for
    targets += [t for t in args.prep_objects(noun, preps) if t not in targets
                and (not targets or any(t.start <= i < t.end for i in named_after))]
    # the words of the title after the role, which the parser gives the "of": "commander in chief of Ukraine's armed
    # forces", "chief of staff of the Chadian army", "commissioner general of the Korean National Police Agency"
    tails = [c for p in noun.children if p.dep_ == "prep" for c in p.children
             if c.dep_ == "pobj" and (p.lower_, c.lower_) in ROLE_TAILS]
    tails += [c for c in noun.children if c.dep_ == "amod" and c.i == noun.i + 1]
    for tail in tails:
        targets.extend(t for t in args.prep_objects(tail, preps) if t not in targets)
    if not targets:  # "Gen. X, commander, U.S. Africa Command,": the body set beside the bare role, as the DoD
        targets = [t for t in args.children(noun, ("appos",)) if t.label_ in BODY_TYPES]  # writes it
    for person in [t for t in targets if t.label_ in ("Person", "Official")]:  # "a spokesman for the EUB, X,"
        body = _body_before(person)
        if body is not None and args.entity(body) is not None and args.entity(body) not in targets:
            targets.append(args.entity(body))
    for child in noun.children:  # "the Taliban's chief spokesman": the owner sits on a compound in between
        if child.dep_ in ("compound", "amod") and child.i < noun.i and args.entity(child) is None:
            targets.extend(t for t in args.modifiers(child) if t not in targets)
    body = _body_before_title(noun, args)
    if body is not None and body not in targets:
        targets.append(body)
    if not targets and noun.dep_ == "compound" and noun.head.i > noun.i:
        # "Pakistan's Prime Minister Nawaz Sharif": the parser may hang the possessor on the name, not the title
        targets = [t for c in noun.head.children if c.dep_ == "poss" and c.i < noun.i for t in args.entities(c)]
    if not targets and noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        targets = role_targets(noun.head, args, preps)  # "the Houthis' chief negotiator and spokesman": theirs too
    targets = [t for t in targets if not _seat(t)]
    only_where = targets and all(t.label_ in PLACE_TYPES - {"Country"} for t in targets) \
        and targets == args.prep_objects(noun, ("in",))  # "the army spokesman in Ituri": where he is
    if (not targets or only_where) and any(c.dep_ in ("compound", "amod", "poss") and c.lower_ in BARE_FORCES
                                           for c in noun.children) \
            and not any(t.label_ in PLACE_TYPES for t in args.prep_objects(noun, ("for",))):
        # (not "the police commissioner for Yobe State": the state's, kg.extract.roles._served_for)
        # "the army chief, General X": the article's own army; "a French military spokesman": France's forces
        adjectives = [c.text for c in noun.children if c.dep_ == "amod" and c.text in args.country_adjectives]
        targets = args.coref.national_force(adjectives[0]) if adjectives else args.coref.home_force()
    if not targets:  # "ministry spokeswoman X", "Coalition spokesman X": the body named before by that word
        targets = [t for c in noun.children if c.dep_ == "compound" and c.i < noun.i and args.entity(c) is None
                   and c.lower_ not in BARE_FORCES for t in args.coref.by_name_head(c, definite=False)]
    if not targets:  # "The ministry said ... . Its spokesman, X, said": the body the sentence before was about
        targets = [t for c in noun.children if c.dep_ == "poss" and c.lower_ in ("its", "their")
                   for t in args.coref.body_owner(c)]
    if not targets and role_word(noun) in SPOKESPERSON_NOUNS and not list(noun.children) and noun.i > 0 \
            and noun.doc[noun.i - 1].lower_ == "and":
        # "The State Department condemned the attacks, and spokeswoman X said": the one body named before
        targets = args.coref.body_owner(noun)
    return targets


#: Participles after a place that say where someone sits, not whom they serve: "the coalition's Baghdad-based
#: spokesman".
SEAT_PARTICIPLES = {"based", "born", "stationed", "deployed", "headquartered"}


def _seat(span: Span) -> bool:
    """'Baghdad' in 'Baghdad-based': where the holder of a role sits."""
    doc = span.doc
    after = doc[span.end + 1] if span.end + 1 < len(doc) and doc[span.end].text == "-" else None
    return span.root.head.lower_ in SEAT_PARTICIPLES and span.root.dep_ not in ("nsubj", "nsubjpass") \
        or after is not None and after.lower_ in SEAT_PARTICIPLES  # (not "Battalion 166 has been deployed")


def _body_before_title(noun: Token, args: Arguments) -> Span | None:
    """The entity named right before a title, across its modifiers: 'State Department Spokesperson',
    'Pentagon Press Secretary', "the Taliban's chief spokesman"."""
    i = noun.i - 1
    while i >= 0 and args.entity(noun.doc[i]) is None and noun.doc[i].lower_ in TITLE_MODIFIERS:
        i -= 1
    span = args.entity(noun.doc[i]) if i >= 0 else None
    return span if span is not None and span.end == i + 1 and span.label_ not in ("Person", "Official") else None


def role_rules(doc: Doc, args: Arguments) -> Iterator[FoundRelation]:
    for span in args.ents:
        parties = _party_after_comma(span, args) if span.label_ in ("Person", "Official") else []
        for party in parties:  # "The mayor of Johannesburg, Thabo Mokoena, of the ANC": his party, not his office
            yield found(span, "memberOf", party, "memberOf-party-of")
        for noun in described_by(span):
            lemma = role_word(noun)
            if unofficial_role(noun):
                continue
            if span.label_ in ("Person", "Official"):
                yield from (r for r in _person_role(span, noun, lemma, args) if r.object not in parties)
            elif span.label_ in PLACE_TYPES:
                yield from _place_role(span, noun, lemma, args)
            if span.label_ in BODY_TYPES:
                yield from _body_role(span, noun, lemma, args)
                for other in _members_along(span, noun, lemma, args):
                    yield from _body_role(other, noun, lemma, args)
        if span.label_ == "Official":
            yield from (r for r in _official_of_place(span, args) if r.object not in parties)
        if span.label_ in ("Person", "Official"):
            yield from _person_of_body(span, args)
            yield from _commanding(span, args)


def _commanding(person: Span, args: Arguments) -> Iterator[FoundRelation]:
    """'the elite Tiger Forces under Brig. Gen. X', 'troops under the command of Col. Y': he commands them;
    'the Libyan National Army of eastern commander Khalifa Haftar': the force or group is his."""
    head = person.root.head
    if person.root.dep_ == "pobj" and head.lower_ == "of" and head.dep_ == "prep" \
            and head.head.lemma_.lower() not in ("command", "leadership"):
        body = args.entity(head.head)
        if body is not None and body.label_ in ("Force", "ArmedGroup") and body.end <= person.start:
            predicate = "memberOf" if body.label_ == "ArmedGroup" else "officialOf"  # (a group's leader is a member)
            yield found(person, predicate, body, f"{predicate}-of-leader")
        return
    if person.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ("command", "leadership"):
        head = head.head.head  # "under the command of"
    if head.lower_ != "under" or head.dep_ != "prep" or person.label_ != "Official":  # a titled commander
        return
    for body in args.entities(head.head):
        if body.label_ in ("Force", "ArmedGroup") and body.end <= person.start:
            yield found(person, "officialOf", body, "officialOf-under")


#: Rules that read who leads a body ("led by X", "Haftar's forces"): the leader holds an office whatever the relation.
LEADING_RULES = ("-loyal-forces", "-leads", "-leads-anaphor")


def office_holders(relations: Iterable[FoundRelation]) -> list[Span]:
    """People the relations give an office, whom the guidelines call Officials whatever the NER said: a spokesman,
    an official of a body, the leader or commander of a group ('the LNA, commanded by Khalifa Haftar', 'a Boko
    Haram commander known as X'); not a plain member or fighter."""
    holders = []
    for rel in relations:
        person = rel.subject
        if person.label_ != "Person" or person in holders:
            continue
        if rel.predicate in ("officialOf", "spokesmanFor") or rel.rule.endswith(LEADING_RULES) or (
                rel.predicate == "memberOf" and any(role_word(n) in OFFICE_NOUNS - {"member"}
                                                     for n in described_by(person))):  # (forces are named after
            # the one who leads them)
            holders.append(person)
    return holders


def party_state_rules(doc: Doc, args: Arguments) -> Iterator[FoundRelation]:
    """'Sen. Ellen Brandt, D-Ohio': the lawmaker holds office for the state (kg.extract.places.party_states)."""
    for state in args.ents:
        if state.label_ == "Province" and party_state_at(doc, state.start):
            person = args.entity(doc[state.start - 4]) if state.start >= 4 else None
            if person is not None and person.label_ in ("Person", "Official"):
                yield found(person, "officialOf", state, "officialOf-party-state")


def leader_rules(doc: Doc, args: Arguments) -> Iterator[FoundRelation]:
    """'Haftar's forces', 'fighters loyal to X': X leads the forces named after him (kg.extract.forces.loyal_forces):
    officialOf a state's force, memberOf an armed group, as the leader of an armed group is its member."""
    for force in (s for s in args.ents if span_origin(s) == "loyal-forces" and s.label_ in ("Force", "ArmedGroup")):
        leader = loyal_leader(force.root, args.ent_of)
        if leader is not None:
            predicate = "memberOf" if force.label_ == "ArmedGroup" else "officialOf"
            yield found(leader, predicate, force, f"{predicate}-loyal-forces")


def role_word(token: Token) -> str:
    """The role a title names: 'Governor' -> 'governor', 'Gov.' -> 'governor', 'Press Secretary' -> 'spokesman'."""
    word = token.lemma_.lower()
    if word in ("secretary", "officer", "attache", "attach\u00e9") and token.i > 0 \
            and token.doc[token.i - 1].lower_ in ("press", "media", "information"):
        return "spokesman"  # a press secretary speaks for the body
    if word in ("center", "centre") and any(c.lower_ == "administrative" for c in token.children):
        return "capital"  # "Sievierodonetsk, the administrative center of the Luhansk region"
    return ROLE_ABBREVIATIONS.get(word.rstrip("."), word)


def _person_role(span: Span, noun: Token, lemma: str, args: Arguments) -> Iterator[FoundRelation]:
    if lemma in SPOKESPERSON_NOUNS:
        targets = [t for t in role_targets(noun, args, ROLE_PREPOSITIONS)
                   if t != span and t.label_ not in ("Person", "Official")]
        if any(t.label_ not in PLACE_TYPES for t in targets):  # "a Free Syrian Army spokesman in Aleppo": where he
            targets = [t for t in targets if t.label_ not in PLACE_TYPES - {"Country"}]  # is, not whom he speaks for
        targets = targets or _speaker_according_to(span, args)
        for target in targets:
            yield found(span, "spokesmanFor", target, "spokesmanFor-role")
        return
    if lemma not in OFFICE_NOUNS and lemma not in MEMBERSHIP_NOUNS and lemma not in FIGURE_NOUNS:
        return
    # "for" first only for a seat ("the MP for Dover"); "at" and "in" when nothing else says whose office it is
    # ("Rwanda's president, Paul Kagame, in the Rwandan capital, Kigali"; "U.S. Alternative Representative ... at
    # the United Nations" represents the U.S.); then "for" for other offices, never an envoy's, nor a country
    # (an envoy for Yemen is not Yemen's official)
    preps = ("of", "with", "for") if lemma in SEAT_FOR_OFFICES else ("of", "with")
    targets = [t for t in role_targets(noun, args, preps) if t != span and t.label_ not in
               ("Person", "Official")] or [t for t in args.prep_objects(noun, ("at", "in")) if t != span
                                           and t.label_ not in ("Person", "Official")]
    if not targets and lemma not in ENVOY_NOUNS:  # "the police commissioner for Yobe State"
        targets = [t for t in _served_for(noun, args)
                   if t != span and t.label_ not in ("Person", "Official", "Country")]
    if not targets and any(c.lower_ == "provincial" for c in (*noun.children, *span.root.children)):
        main = main_entity(args.ents, "Province")  # "the provincial governor, X": of the province the article is about
        if main is not None:
            yield found(span, "officialOf", main, "officialOf-implicit-province")
    if not targets and any(c.lower_ == "district" and c.dep_ in ("compound", "amod") for c in noun.children):
        # "seized the center of Khan Abad district ..., the district governor, X, said": the district just named
        districts = {name_of(d): d for d in args.coref.named_before(noun, ("District",), 1)}
        if len(districts) == 1:
            yield found(span, "officialOf", next(iter(districts.values())), "officialOf-implicit-district")
    if lemma not in PLACE_OFFICES and any(t.label_ not in PLACE_TYPES for t in targets):
        # "the SDF's al-Dashisha commander"; a place that owns the role stays: "Bavaria's economy minister (and
        # leader) of the Free Voters"
        targets = [t for t in targets if t.label_ not in PLACE_TYPES or t.root.dep_ == "poss" and t.root.head == noun]
    if lemma == "governor":  # "Balkh Governor X" where the article names Balkh province: a governor's is the province
        targets = [args.province_of_same_name(t) or t if t.label_ == "City" else t for t in targets]
    for target in targets:
        if belongs(lemma, target):
            yield found(span, "memberOf", target, "memberOf-role")
        elif lemma not in FIGURE_NOUNS:
            yield found(span, "officialOf", target, f"officialOf-role{'-member' if lemma == 'member' else ''}")


def _speaker_according_to(span: Span, args: Arguments) -> list[Span]:
    """'Resolute Support said its aircraft had carried out two airstrikes, according to spokesman Col. X': a
    spokesman named for no one speaks for the body that says what he is cited for."""
    to = span.root.head
    if span.root.dep_ != "pobj" or to.lower_ != "to" or to.head.lower_ != "according":
        return []
    said = next((a for a in to.head.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in ("say", "announce",
                                                                                          "report", "state")), None)
    return [] if said is None else [s for s in args.children(said, ("nsubj",)) if s.label_ in BODY_TYPES]


def _served_for(noun: Token, args: Arguments) -> list[Span]:
    """What an office's "for" names, on the noun or after its "of" phrase when that names no entity: "the police
    commissioner for Yobe State", "director of operations for AFRICOM"."""
    return args.prep_objects(noun, ("for",)) + [
        o for of in noun.children if of.dep_ == "prep" and of.lower_ == "of" for p in of.children
        if p.dep_ == "pobj" and not args.entities(p) for o in args.prep_objects(p, ("for",))]


#: Offices held for someone else, whose "for" names no employer: "the U.S. envoy for Libya".
ENVOY_NOUNS = frozenset({"envoy", "representative", "ambassador", "coordinator", "rapporteur", "negotiator",
                         "mediator", "adviser", "advisor", "secretary", "undersecretary", "attache", "attaché",
                         "consul", "charge", "chargé"})
#: Offices whose "for" names the seat: "the MP for Dover", "a senator for Queensland".
SEAT_FOR_OFFICES = frozenset({"mp", "senator", "lawmaker", "legislator"})
#: Offices held in a place rather than in a body: a town's mayor; but "the SDF's Raqqa commander" serves the SDF.
PLACE_OFFICES = word_list("roles", "place_office")
#: Words for someone who belongs to a group without naming an office: "a prominent figure with AQAP".
FIGURE_NOUNS = word_list("roles", "figure")


#: Roles of a politician that make him one of a party's members, not its official.
PARTY_MEMBER_ROLES = {"member", "lawmaker", "legislator", "politician", "candidate", "activist", "deputy", "mp",
                      "senator", "representative", "councillor", "councilor", "supporter"}


#: Roles only politicians hold: the body of one that is no elected body is his party ("a Wiper Democratic
#: Movement lawmaker", "a Labour councillor").
POLITICIAN_ROLES = {"lawmaker", "legislator", "politician", "mp", "councillor", "councilor", "senator", "congressman",
                    "congresswoman", "assemblyman", "assemblywoman"}


def _party(body: Span, role: str = "") -> bool:
    """'the Socialist Party', 'a Congress party lawmaker': a political party, named with the word, or the
    organisation a politician belongs to that is no elected body."""
    doc = body.doc
    words = name_key(body).split()
    if "party" in words or body.end < len(doc) and doc[body.end].lower_ == "party":
        return True
    return role in POLITICIAN_ROLES and body.label_ == "Organization" and not any(w in ELECTED_BODIES for w in words)


#: Offices the voters give, which a party named after the holder does not hold: "Mayor X of the MDB".
ELECTED_OFFICES = {"mayor", "governor", "senator", "premier", "congressman", "congresswoman", "representative",
                   "lawmaker", "legislator", "councillor", "councilor", "assemblyman", "assemblywoman"}
#: Words of a party's name: "the Workers' Party", "the Brazilian Democratic Movement", "the Liberal Democrats".
PARTY_NAME_WORDS = {"party", "movement", "democrats", "republicans", "alliance", "league", "union", "front"}


def _party_by_name(body: Span) -> bool:
    """An organisation named as a party is ('the Workers' Party', 'the Brazilian Democratic Movement'): not an
    elected body, not an armed group."""
    words = set(name_key(body).split())
    return body.label_ == "Organization" and bool(words & PARTY_NAME_WORDS) and not words & ELECTED_BODIES


def _party_after_comma(person: Span, args: Arguments) -> list[Span]:
    """'Lozano, of the Citizens' Movement party,', 'Saxony's premier, Michael Kretschmer, of the CDU,': a party named
    after a person's name, a comma and 'of'."""
    doc = person.doc
    if person.end + 2 >= len(doc) or doc[person.end].text != "," or doc[person.end + 1].lower_ != "of":
        return []
    at = person.end + 2
    if doc[at].lower_ == "the" and args.entity(doc[at]) is None:
        at += 1
    while at < len(doc) and doc[at].is_lower and doc[at].dep_ == "amod" and args.entity(doc[at]) is None:
        at += 1  # "Nyusi, of the ruling Frelimo party,"
    party = args.entity(doc[at]) if at < len(doc) else None
    if party is None or party.start != at:
        return []
    return [party] if _party_by_name(party) or party.end < len(doc) and doc[party.end].lower_ == "party" else []


def belongs(role: str, body: Span) -> bool:
    """memberOf rather than officialOf: any role in an armed group; a member of anything but an elected body
    (a member of a council holds an office there)."""
    if body.label_ == "ArmedGroup":
        return role in MEMBERSHIP_NOUNS | FIGURE_NOUNS
    if role in PARTY_MEMBER_ROLES and _party(body, role):
        return True  # "a Congress party lawmaker": one of its members (its leader holds an office in it)
    if role == "member" or role in FIGURE_NOUNS:
        return not any(word in ELECTED_BODIES for word in name_key(body).split())
    return False


def _official_of_adjective_country(span: Span, args: Arguments) -> Iterator[FoundRelation]:
    """'Syrian President Bashar al-Assad', 'Russian Defense Minister X': officialOf the country the adjective
    names, when the article names that country too (an adjective alone is no mention of it)."""
    doc = span.doc
    for token in reversed(doc[max(0, span.start - 4): span.start]):
        if not token.is_title and not token.text.isupper():
            return  # "the Syrian opposition's president": the adjective must open the title
        if country_of_adjective(token.text) is not None:
            target = country_named(doc, token.text)
            if target is not None:
                yield found(span, "officialOf", target, "officialOf-title-adjective")
            return


#: A group told to be inside a larger body: "one of the factions within the PMF", "a militia in the SDF".
INSIDE_PREPOSITIONS = ("in", "within", "inside")
GROUP_INSIDE_NOUNS = {"militia", "force", "group"}


def _body_role(span: Span, noun: Token, lemma: str, args: Arguments) -> Iterator[FoundRelation]:
    """'the MNDAA, a member of the Three Brotherhood Alliance', "JNIM, al-Qaeda's branch in the Sahel",
    'Poland, a NATO member': a group, force, organisation or state that belongs to another body."""
    if lemma in BODY_PART_NOUNS:
        targets = role_targets(noun, args, ("of",) + INSIDE_PREPOSITIONS)
    elif lemma in GROUP_INSIDE_NOUNS:  # "Kataib Hezbollah, one of the most powerful militias in the PMF", "the YPG,
        # the main Kurdish force in the SDF": the body it is in (not "an ethnic Kokang rebel group": whose people)
        targets = args.prep_objects(noun, INSIDE_PREPOSITIONS)
    else:
        return
    for target in targets:
        if target.label_ in ("ArmedGroup", "Organization", "Force") and target != span:
            yield found(span, "memberOf", target, "memberOf-body")


def _bodies_in_title(span: Span, args: Arguments) -> list[Span]:
    """The entities inside the capitalised title right before a name: 'Senate' in 'Senate Minority Leader X'."""
    doc, i, out = span.doc, span.start - 1, []
    while i >= 0 and (doc[i].is_title or doc[i].is_upper) and not doc[i].is_sent_start:
        body = args.entity(doc[i])
        if body is not None and body not in out:
            out.append(body)
        i -= 1
    if i >= 0 and doc[i].is_sent_start and args.entity(doc[i]) is not None:
        out.append(args.entity(doc[i]))
    return out


def _of_after(span: Span, args: Arguments) -> list[Span]:
    """What 'of' right after a name names, also when the parser hangs it on another word of the name than its
    root ('Prime Minister Fayez al-Sarraj of the Government of National Accord')."""
    doc = span.doc
    of = doc[span.end] if span.end < len(doc) and doc[span.end].lower_ == "of" else None
    if of is not None and of.head in span and of.head != span.root:
        return [s for o in of.children if o.dep_ == "pobj" for s in args.entities(o)]
    return args.of_objects(span.root)


def _official_of_place(span: Span, args: Arguments) -> Iterator[FoundRelation]:
    """'President Ashraf Ghani of Afghanistan'; 'the government of President X' (officialOf the government)."""
    title = role_word(span.doc[span.start - 1]) if span.start > 0 else ""
    titled = title in OFFICE_NOUNS or role_word(span[0]) in OFFICE_NOUNS
    # "Senate Minority Leader X of Gloucester": the office is the Senate's, the town is where he comes from
    hometown = title != "" and any(body.label_ not in PLACE_TYPES for body in _bodies_in_title(span, args))
    if titled:
        for target in _of_after(span, args):
            if hometown and target.label_ in PLACE_TYPES | {"Organization"} and target.start > span.start:
                continue
            if title in ELECTED_OFFICES and _party_by_name(target):  # "Mayor X of the Brazilian Democratic
                yield found(span, "memberOf", target, "memberOf-title-of")  # Movement (MDB)": its member
            elif target.label_ in PLACE_TYPES | {"Organization", "Force"}:  # "Inspector X of Greater Manchester Police"
                yield found(span, "officialOf", target, "officialOf-title-of")
    if titled:
        yield from _official_of_adjective_country(span, args)
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in (
            "government", "administration", "cabinet", "regime"):
        body = root.head.head
        for target in [args.entity(body)] if args.entity(body) is not None else args.entities(body):
            if target.label_ in ("Organization", "Country"):
                yield found(span, "officialOf", target, "officialOf-government-of")


def _place_role(span: Span, noun: Token, lemma: str, args: Arguments) -> Iterator[FoundRelation]:
    if lemma == "capital" and span.label_ == "City":
        yield from _capital(span, noun, args)
    elif lemma in ("city", "town", "village", "district", "province", "region", "county", "port", "hub", "community",
                   "hamlet", "settlement", "suburb", "township"):
        targets = args.prep_objects(noun, ("in", "of")) + args.modifiers(noun, types=PLACE_TYPES)
        targets += [c for c in (country_named(args.doc, a.text) for a in noun.children if a.dep_ == "amod")
                    if c is not None and c not in targets]  # "Fallujah, an Iraqi city"
        for target in targets:  # only the next larger place (kg.extract.located reads the chain)
            if larger(target, span) and not any(t.start < target.start and larger(target, t) for t in targets):
                yield found(span, "locatedIn", target, "locatedIn-apposition")


def _of_which(noun: Token, args: Arguments) -> list[Span]:
    """'Nineveh province, of which Mosul is the capital': the place named right before ', of which' (the parser
    may hang the clause on another noun of the sentence)."""
    verb = noun.head
    if noun.dep_ != "attr" or verb.lemma_ != "be":
        return []
    doc = noun.doc
    for of in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" and c.i >= 2):
        if any(o.lower_ == "which" for o in of.children) and doc[of.i - 1].text == ",":
            before = args.entity(doc[of.i - 2])
            return [before] if before is not None and before.end == of.i - 1 else []
    return []


#: Capitals that are no seat of government: "Kochi, the state's commercial capital".
NOT_SEAT_CAPITALS = frozenset({"commercial", "economic", "financial", "business", "cultural", "industrial",
                               "spiritual", "religious", "tourist", "tourism", "entertainment", "culinary", "media"})


def _governing_capital(noun: Token | Span) -> bool:
    """The capital noun (or the phrase ending in it) names a seat of government, not a centre of trade or culture."""
    head = noun.root if isinstance(noun, Span) else noun
    return not any(c.dep_ in ("amod", "compound") and c.lower_ in NOT_SEAT_CAPITALS for c in head.children)


def _capital(city: Span, noun: Token, args: Arguments) -> Iterator[FoundRelation]:
    """'Maimana, the capital of Faryab Province'; 'Kabul, the Afghan capital'; 'the provincial capital of X'."""
    if not _governing_capital(noun):
        return
    # Any named owner counts, even one typed City by mistake ("the capital of Takhar"): the resolver's
    # range check drops what stays wrongly typed, and the owner is never replaced by a guess.
    if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children):
        owners = args.coref.place_owner(noun)  # "Gondar, the region's second city, and Bahir Dar, its capital"
    else:
        owners = [t for t in args.of_objects(noun) + args.modifiers(noun) if t != city] or _of_which(noun, args)
    targets = [t for t in owners if t.label_ in PLACE_TYPES]
    for target in targets:
        yield found(city, "capitalOf", target, "capitalOf-apposition")
    # "the Omani capital": the parser's compound; "the state capital": a province's, named elsewhere
    owned = any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of"
                or c.dep_ == "compound" and country_of_adjective(c.text) is None
                and c.lower_ not in SUBDIVISION_ADJECTIVES for c in noun.children)
    if not owners and not owned:  # "the IS de facto capital" is a group's, "the capital of the Kokang zone" the
        yield from _implicit_capital(city, noun, args)  # zone's, even where kg knows neither as a place


def _implicit_capital(city: Span, noun: Token, args: Arguments) -> Iterator[FoundRelation]:
    """A capital whose country or province is not named beside it: 'the Yemeni capital' is Yemen's (if the
    article names Yemen); a bare 'the capital' is that of the country the article names most."""
    countries = {country_of_adjective(c.text) for c in noun.children if c.dep_ in ("amod", "compound")} - {None}
    if countries:
        for span in (s for s in args.ents if s.label_ == "Country"):
            if name_of(span) in countries:
                yield found(city, "capitalOf", span, "capitalOf-demonym-country")
                return
        return
    provincial = any(c.lower_ in SUBDIVISION_ADJECTIVES for c in noun.children)
    wanted = "Province" if provincial else "Country"
    home = (span_links(city) or {}).get("country")
    if home and not provincial:
        # The gazetteer knows the city's country: it is that country's capital or no relation is read
        # ("Damascus, the capital" in a story that names Iran more often than Syria).
        for span in (s for s in args.ents if s.label_ == "Country"):
            if (span_links(span) or {}).get("iso") == home:
                yield found(city, "capitalOf", span, "capitalOf-implicit-country")
                return
        return
    known = province_capitals().get(name_of(city)) if provincial else None
    if known is not None:
        # The gazetteer knows whose capital the city is ("the regional capital of Goma" is North Kivu's in a
        # story that names only South Kivu): that province, if the article names it, or no relation.
        for span in (s for s in args.ents if s.label_ == "Province"):
            if name_of(span) == known:
                yield found(city, "capitalOf", span, "capitalOf-implicit-province")
                return
        return
    sentence = city.sent
    near = [s for s in args.ents if s.label_ == "Province" and sentence.start <= s.start and s.end <= city.start]
    if provincial and near:  # "near Nokou in Kanem province, north of the provincial capital, Mao": the province
        # the sentence names before it, not the one the article names most
        yield found(city, "capitalOf", near[-1], "capitalOf-implicit-province")
        return
    main = main_entity(args.ents, wanted)
    if main is not None:
        yield found(city, "capitalOf", main, f"capitalOf-implicit-{wanted.lower()}")


def country_of_adjective(word: str) -> str | None:
    return country_adjectives().get(word)


def main_entity(ents: Iterable[Span], label: str) -> Span | None:
    """The most often named entity of a type (its first mention), if the article names one."""
    first: dict[str, Span] = {}
    counts: Counter = Counter()
    for span in (s for s in ents if s.label_ == label):
        name = name_key(span)
        first.setdefault(name, span)
        counts[name] += 1
    if not counts:
        return None
    # most mentions first; on a tie, the one named earlier
    return first[max(counts, key=lambda name: (counts[name], -first[name].start))]


def capital_of_rules(doc: Doc, args: Arguments) -> Iterator[FoundRelation]:
    """'the capital of Sanaa', 'the provincial capital of Lashkar Gah': the city follows 'of'."""
    for noun in args.words(("capital",)):
        if noun.lemma_.lower() != "capital" or noun.pos_ not in ("NOUN", "PROPN") or not _governing_capital(noun):
            continue
        city = _named_after_comma(noun, args) or _named_before_comma(noun, args)
        if city is not None and not (city.root.dep_ == "appos" and city.root.head == noun
                                     or noun.dep_ == "appos" and args.entity(noun.head) == city):
            # "in the Myanmar capital, Naypyitaw," with the name hung elsewhere by the parser (an apposition of
            # the sentence's subject, a conjunct): the comma right after the noun says whose name it is
            yield from _capital(city, noun, args)
        yield from _whose_capital(noun, args)
        if noun.dep_ == "appos" and args.entity(noun.head) is not None or any(
                c.dep_ == "appos" and args.entity(c) is not None for c in noun.children):
            continue  # "Maimana, the capital of X": what follows "of" is the owner, read by role_rules
        for city in (c for c in args.of_objects(noun) if c.label_ == "City"):
            yield from _implicit_capital(city, noun, args)


def _whose_capital(noun: Token, args: Arguments) -> Iterator[FoundRelation]:
    """'the Campania region, whose capital is Naples': the place the clause hangs on owns the capital it names."""
    copula = noun.head
    if noun.dep_ != "nsubj" or copula.lemma_ != "be" or copula.dep_ != "relcl" or not any(
            c.lower_ == "whose" and c.dep_ == "poss" for c in noun.children):
        return
    owners = [o for o in args.entities(copula.head) if o.label_ in PLACE_TYPES]
    for city in (c for c in args.children(copula, ("attr",)) if c.label_ == "City"):
        for owner in owners:
            yield found(city, "capitalOf", owner, "capitalOf-whose")


def _named_before_comma(noun: Token, args: Arguments) -> Span | None:
    """The City right before ', the capital': 'In Buea, the capital of the Southwest Region, shops stayed shut',
    where the parser made the capital the subject of what follows."""
    if noun.i < 1 or noun.doc[noun.i - 1].lower_ != "the":
        return None
    city = next(iter(args.described_before(noun)), None)
    return city if city is not None and city.label_ == "City" else None


def _named_after_comma(noun: Token, args: Arguments) -> Span | None:
    """The City right after 'noun ,' and closed by a comma or the sentence end: 'the Malian capital, Bamako,'."""
    doc = noun.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].text != ",":
        return None
    city = args.entity(doc[noun.i + 2])
    if city is None or city.label_ != "City" or city.start != noun.i + 2:
        return None
    closed = city.end >= len(doc) or doc[city.end].text in (",", ".", ";") or doc[city.end].is_sent_start
    return city if closed else None


def _leading(verb: Token, args: Arguments) -> Iterator[FoundRelation]:
    """'X, who heads the provincial council', 'the RSF, led by X': X holds office in (or belongs to) what it leads."""
    if modality(verb) in ("unreal", "denied"):
        return
    bodies = [b for b in args.children(verb, ("dobj",)) if b.label_ not in ("Person", "Official")]
    leaders = subjects_of(verb, args)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the RSF, led by X"
        before = args.named_before_comma(verb)
        # the name right before the comma, where the parser hangs the clause elsewhere ("the war between the army,
        # led by X, and the RSF"); not the names conjoined after it
        bodies = [before] if before is not None else (
            args.described_before(verb.head)  # "the SPLA-IO, the armed opposition led by X" (any parse)
            or [b for b in args.entities(verb.head) if b.end <= verb.i]
            or args.modifiers(verb.head))  # "the Sudan Liberation Army faction led by X"
        bodies = [b for b in bodies if b.label_ not in ("Person", "Official")]
        leaders = args.prep_objects(verb, ("by",))
    elif verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i < verb.head.i:  # "Led by X, the CAQ took 74 seats":
        bodies = [b for b in subjects_of(verb.head, args) if b.label_ not in ("Person", "Official")]  # the
        leaders = args.prep_objects(verb, ("by",))  # main clause's subject is what the opening participle describes
    elif any(c.dep_ == "nsubjpass" for c in verb.children):  # "The army is led by General X", "the RSF is
        # commanded by Y": a passive clause of its own, its subject the body and its agent the leader
        bodies = [b for b in args.children(verb, ("nsubjpass",)) if b.label_ not in ("Person", "Official")]
        leaders = args.prep_objects(verb, ("by",))
    elif first_conjunct(verb).dep_ == "relcl" and any(c.dep_ == "auxpass" for c in verb.children):
        # "the SLA-AW, which is led by X", "the administration, which was installed in May and was led by X"
        owner = first_conjunct(verb).head
        bodies = [b for b in args.entities(owner) if b.end <= verb.i and b.label_ not in ("Person", "Official")]
        leaders = args.prep_objects(verb, ("by",))
    # "led by X", "who heads Y" name the one who holds its command: an office in a body, but of an armed group its
    # member, as "ISIS-DRC leader X" and "X, a commander of the Y group" are (the guidelines; the annotated sets
    # read "an armed group led by X" as memberOf 14 times, officialOf 6)
    for leader in (x for x in leaders if x.label_ in ("Person", "Official")):
        for body in bodies:
            predicate = "memberOf" if body.label_ == "ArmedGroup" else "officialOf"
            yield found(leader, predicate, body, f"{predicate}-leads")


#: Verbs that give their subject the command named as their object: "X, who took command of Y last month".
TAKING_COMMAND = {"take", "assume"}
#: What is taken when a command is: "took command of", "assumed the leadership of", "took the helm of".
COMMAND_NOUNS = {"command", "leadership", "helm"}


def _taking_command(verb: Token, args: Arguments) -> Iterator[FoundRelation]:
    """'Gen. X, who took command of Resolute Support last month', 'Y assumed the leadership of the group'."""
    if modality(verb) != "fact":
        return
    bodies = [b for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in COMMAND_NOUNS
              for b in args.of_objects(c) + args.prep_objects(verb, ("of",))  # (the parser may hang "of" on the verb)
              if b.label_ not in ("Person", "Official") and b.label_ not in PLACE_TYPES]
    leaders = [x for x in subjects_of(verb, args) if x.label_ in ("Person", "Official")]
    yield from each_pair(leaders, bodies, "officialOf", "officialOf-leads")


def _speaking(verb: Token, args: Arguments) -> Iterator[FoundRelation]:
    """'X, who speaks for the Taliban', 'X spoke on behalf of the ministry'."""
    targets = args.prep_objects(verb, ("for",))
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"):
        for behalf in (c for c in prep.children if c.lower_ == "behalf"):
            targets.extend(args.of_objects(behalf))
    yield from each_pair(subjects_of(verb, args), targets, "spokesmanFor", "spokesmanFor-speaks-for")


def _joining(verb: Token, args: Arguments) -> Iterator[FoundRelation]:
    """'X, who joined the Islamic State', 'the group pledged allegiance to ISIS': X belongs to it."""
    if modality(verb) != "fact":
        return
    bodies = args.children(verb, ("dobj",))
    forces = next((c for c in children_of(verb) if c.dep_ == "dobj" and c.lower_ == "forces"
                   and not any(m.dep_ in ("amod", "compound", "poss", "det") for m in children_of(c))), None)
    if forces is not None:  # "the G9 and G-Pep joined forces in a coalition called Viv Ansanm": they work together,
        # in the coalition they formed (no force is joined)
        # (the arguments read "a coalition called X" as X)
        bodies = [b for b in args.prep_objects(verb, ("in",)) if b.label_ in ("ArmedGroup", "Organization")]
    if "pledge" in lemmas(verb) or "swear" in lemmas(verb):
        bodies = [b for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "allegiance"
                  for b in args.prep_objects(c, ("to",)) + args.prep_objects(verb, ("to",))]
    bodies = [b for b in bodies if b.label_ in ("ArmedGroup", "Organization", "Force")]
    members = [m for m in subjects_of(verb, args) if m.label_ not in PLACE_TYPES - {"Country"}]
    yield from each_pair(members, bodies, "memberOf", "memberOf-joins")


def _belonging(verb: Token, args: Arguments) -> Iterator[FoundRelation]:
    """'The 33rd Front belongs to the EMC', 'Chadian soldiers form a large part of the MNJTF', 'Burkina Faso,
    Mali and Niger formed the Alliance of Sahel States': members of a body."""
    if modality(verb) != "fact":
        return
    forms = lemmas(verb)
    member_types = BODY_TYPES | ({"Person", "Official"} if "belong" in forms else set())  # ("X, who belongs to
    # the Socialist Party": a person belongs to a party, but "X formed a unit" makes X no member of it)
    members = [m for m in subjects_of(verb, args) + args.prep_objects(verb, ("along", "together"))
               if m.label_ in member_types]  # "which belongs to the alliance along with the TNLA and the AA"
    if "belong" in forms:
        bodies = args.prep_objects(verb, ("to",))
    elif parts := [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "part"]:
        bodies = [b for part in parts for b in args.of_objects(part)]  # "form (a large) part of"
    elif len(members) >= 2:  # founders of an alliance, not "the army formed a unit"
        bodies = args.children(verb, ("dobj",))
    else:
        bodies = []
    bodies = [b for b in bodies if b.label_ in ("ArmedGroup", "Organization", "Force") and b not in members]
    yield from each_pair(members, bodies, "memberOf", "memberOf-belongs")


def _person_of_body(span: Span, args: Arguments) -> Iterator[FoundRelation]:
    """'Abu Yasir Hassan of ISIS-Mozambique', 'Lamine Gwan Jar of the Peace-talk Creation Group': a person
    named with the body they belong to."""
    # (a role tells another reading; "designated a terrorist", "tagged as global terrorists" say no role)
    described = [n for n in described_by(span) if role_word(n).rstrip(".") in ROLE_NOUNS | RANKS]
    ranked = bool(described) and all(role_word(n).rstrip(".") in RANKS for n in described)
    for target in args.of_objects(span.root):
        if ranked and target.label_ in ("Organization", "Force"):  # "Maj. Gen. William Taylor of the Joint Staff"
            yield found(span, "officialOf", target, "officialOf-of")
        elif target.label_ in ("ArmedGroup", "Organization") and (ranked or not described):
            yield found(span, "memberOf", target, "memberOf-of")


def _members_along(body: Span, noun: Token, role: str, args: Arguments) -> list[Span]:
    """'The MNDAA is a member of the alliance, along with the TNLA and the Arakan Army': the others named along
    with a body that is a member (after the verb that makes it one)."""
    if role != "member" or noun.dep_ != "attr":
        return []
    return [s for s in args.prep_objects(noun.head, ("along", "together")) if s.label_ in BODY_TYPES and s != body]


def _including(verb: Token, args: Arguments) -> Iterator[FoundRelation]:
    """'The Three Brotherhood Alliance, which also includes the Arakan Army and the TNLA': its members."""
    if modality(verb) != "fact":
        return
    bodies = subjects_of(verb, args) or args.children(verb, ("nsubjpass",))  # "which is made up of"
    if not bodies and verb.dep_ == "acl" and verb.lemma_.lower() in MADE_OF:
        body = args.entity(verb.head)  # "The Three Brotherhood Alliance, made up of X, Y and Z" (the parser joins
        bodies = [body] if body is not None else []  # Y and Z to the alliance: only its own name is the body)
    bodies = [b for b in bodies if b.label_ in ("ArmedGroup", "Force", "Organization")]
    members = args.children(verb, ("dobj",))
    if not members and verb.lemma_.lower() in MADE_OF:  # "which is made up of X, Y and Z", "consists of X and Y"
        members = args.prep_objects(verb, ("of",))
        if verb.dep_ in ("relcl", "acl"):  # the rest of the list, hung by the parser on the noun the clause describes
            members += [s for c in verb.head.children if c.dep_ == "conj" and c.i > verb.i
                        for s in args.entities(c) if s not in members]
        members += [s for of in children_of(verb) if of.lower_ == "of" for s in args.listed_after(of)
                    if s not in members]  # or on the main verb after it: the list as the text writes it
    members = [m for m in members if m.label_ in BODY_TYPES]
    yield from each_pair(members, bodies, "memberOf", "memberOf-includes")


def _whose_members(verb: Token, args: Arguments) -> Iterator[FoundRelation]:
    """'The Pacific Alliance, whose members are Chile, Colombia, Mexico and Peru': its members."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in ("member", "backbone")
                    and any(p.lower_ == "whose" for p in c.children)), None)
    if subject is None or verb.dep_ != "relcl" or modality(verb) != "fact":
        return
    noun = verb.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in UNION_NOUNS:
        return  # "the alliance of Kurdish and Arab militias, whose backbone is X": the alliance's, unnamed here
    bodies = [b for b in args.entities(noun) if b.label_ in ("ArmedGroup", "Force", "Organization")]
    members = [m for m in args.children(verb, ("attr",)) if m.label_ in BODY_TYPES and m not in bodies]
    yield from each_pair(members, bodies, "memberOf", "memberOf-includes")


#: Verbs that list a body's members after "of": "made up of", "consists of", "composed of".
MADE_OF = {"make", "consist", "compose"}
#: Verbs that list a body's members: "which includes X", "the alliance groups X, Y and Z", "unites X and Y"
#: (and "made up of", "brought together", with their particles: _phrasal).
MEMBER_LISTING_VERBS = {"include", "comprise", "consist", "compose", "group", "unite"}


def _phrasal(verb: Token, forms: set[str], *pairs: tuple[str, str]) -> bool:
    """``verb`` is one of the (lemma, particle) ``pairs``: "made up of", "brought together"."""
    return any(lemma in forms and any(c.dep_ in ("prt", "advmod") and c.lower_ == particle for c in verb.children)
               for lemma, particle in pairs)


def copula_roles(doc: Doc, args: Arguments) -> Iterator[FoundRelation]:
    """'The group is al-Qaida's affiliate in the Sahel': a role said of an entity through a generic subject."""
    for verb in args.words(("be",)):
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and args.entity(c) is None]
        for noun in (c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"):
            for span in (s for c in subjects for s in args.entities(c)):
                if span.label_ in BODY_TYPES:
                    yield from _body_role(span, noun, role_word(noun), args)


def verb_role_rules(doc: Doc, args: Arguments) -> Iterator[FoundRelation]:
    """Roles told by a verb: 'X, who heads the council', 'the RSF, led by X', 'X spoke on behalf of Y',
    'X joined the Islamic State'."""
    for verb in args.words(LEAD_VERBS | {"speak", "join", "pledge", "swear", "belong", "form", "found", "establish",
                                         "be", "bring"} | MEMBER_LISTING_VERBS | MADE_OF | TAKING_COMMAND):
        if verb.pos_ not in ("VERB", "AUX") and not verb.tag_.startswith("VB"):
            continue
        forms = lemmas(verb)
        if forms & LEAD_VERBS:
            yield from _leading(verb, args)
        if forms & TAKING_COMMAND:
            yield from _taking_command(verb, args)
        if "speak" in forms:
            yield from _speaking(verb, args)
        if forms & {"join", "pledge", "swear"}:
            yield from _joining(verb, args)
        if forms & {"belong", "form", "found", "establish"}:
            yield from _belonging(verb, args)
        if "be" in forms:
            yield from _whose_members(verb, args)
        if forms & MEMBER_LISTING_VERBS or _phrasal(verb, forms, ("make", "up"), ("bring", "together")):
            yield from _including(verb, args)
