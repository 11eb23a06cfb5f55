"""Types from what an entity does (selectional preference): the frames correct the NER's guesses.

A name that seizes, attacks or fights is an actor; a name that is taken, entered, or that things happen in, is a
place; a name in apposition to "militant groups" or coordinated with an armed group is an armed group. The
statistical NER and the typing rules see only a name and its neighbours; here the whole clause votes:

- an Organization that takes places, attacks or fights is an ArmedGroup ("the MNLA seized Gao"), and so is one
  a place was taken from ("took Gao from the MNLA");
- a Person or Organization the NER guessed, found where only a place can be (what is taken, the object of a
  capture, "in X" of an attack), is a City ("Iraqi forces cleared Karmah");
- a Person, Organization or City the NER guessed that a group noun describes ("the militant groups MUJAO, Ansar
  Dine and AQIM", "a Hezb-e Islami terrorist group leader") is an ArmedGroup;
- a capitalised name the NER missed, coordinated with an armed group or force ("the SDF and the Syrian Arab
  Coalition liberated Tabqa"), is one too; so is one described as an armed group ("the militant group MUJAO"),
  and one that is overrun or taken from someone is a town ("overran Tessit").

Only names the NER or a weak rule typed are changed, never a gazetteer's entry or an official's title; all
mentions of the name in the article change together, and a name with votes both ways keeps its type.
"""
from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Span, Token

from .arguments import FIGHTER_TYPES, UNION_NOUNS
from .lexicon import (FIGHTER_WORDS, FORCE_HEADS, MONTHS_AND_DAYS, ORGANISATION_OR_FORCE_WORDS, PEOPLE_TAKING_VERBS, PLACE_TAKING_VERBS,
                      SETTLEMENT_NOUNS, TAKING_FROM_VERBS)
from .frames import Reading
from .spans import (DATES_KEY, facility_name, including_noun, first_conjunct, in_headline, indefinite_town, longest_first, plain_name, retype,
                    set_span, span_canonical, span_origin, tokens_of)

#: Words of a date: the months and days, and their short forms ("Jan.", "Sept.").
CALENDAR_WORDS = MONTHS_AND_DAYS | {w[:3] for w in MONTHS_AND_DAYS} | {"sept", "week", "month", "year"}
#: Predicates whose doer is an armed actor.
CONFLICT = {"attacked", "captured", "clashedWith"}
#: Origins of a type that a reading may overrule (an acronym's type is its full name's guess).
WEAK_ORIGINS = {"ner", "place-role", "surname", "acronym"}
#: A person guessed from a role word near a name ("..., the army general staff said" after a quote ending in a
#: town's name): a place named as such elsewhere in the article wins over it.
GUESSED_PERSON_ORIGINS = {"role"}
#: the two together (made once)
WEAK_OR_GUESSED_ORIGINS = WEAK_ORIGINS | GUESSED_PERSON_ORIGINS
#: Nouns that describe an armed group: "the Islamist militant groups A, B and C", "a terrorist group leader".
GROUP_NOUNS = {"group", "groups", "militia", "militias", "faction", "factions", "movement", "movements", "insurgency",
               "rebels", "insurgents", "militants", "jihadists", "outfit", "organization", "organisation"}
#: Words that make a group noun an armed one ("a political group" is not).
ARMED_WORDS = {"militant", "armed", "rebel", "jihadist", "islamist", "terrorist", "terror", "insurgent", "dissident",
               "extremist", "separatist", "paramilitary", "guerrilla", "militia"}


def correct_types(doc: Doc, readings: list[Reading]) -> bool:
    """Retype ``doc.ents`` from what the readings and descriptions say; True when anything changed."""
    votes: dict[str, set[str]] = defaultdict(set)
    for reading in readings:
        for span, role in reading.rejected:
            votes[_key(span)].add(_vote(span, role, reading))
        done_to = reading.patients or [s for s, role in reading.rejected if role == "patient"
                                       and (s.label_ != "Organization" or _may_become(s, "City"))]
        # ("the Congress, controlled by the PRI": a body run by a party makes no party armed)
        if reading.told and done_to and reading.frame.predicate in CONFLICT:
            for span in reading.agents:  # "the KRF seized Sarvan": an organisation that fights is armed
                if span.label_ == "Organization":
                    votes[_key(span)].add("ArmedGroup")
        if reading.told and reading.frame.predicate == "clashedWith":
            sides = (*reading.agents, *reading.patients)
            for span in sides:  # "clashes between the FPRC and the UPC", "fighting between the army and the KRF"
                # (not a government whose forces fight: "the GNA")
                if span.label_ == "Organization" and "government" not in span.text.lower() and (
                        span.text.isupper() or any(s.label_ in FIGHTER_TYPES - {"Country"} for s in sides)):
                    votes[_key(span)].add("ArmedGroup")
    # The entities and their keys, made once: doc.ents makes new Span objects on every access, and doc.ents is
    # only set at the end
    ents = doc.ents
    keys = [_key(span) for span in ents]
    for span, key in zip(ents, keys):  # "the army regained control of Khan Sheikhoun": a place, whoever did it;
        # "Glendale, an unincorporated community in Hardin County": a town, whatever the NER guessed
        if span.label_ == "Person" and (_controlled_place(span.root) or _under_control(span.root)) \
                or span.label_ in ("Person", "Organization") \
                and (_described_as_settlement(span.root) or _named_among_towns(span.root) or _placed_by_distance(span)):
            votes[key].add("City")
    _listed_with_places(ents, keys, votes)
    described = {key for span, key in zip(ents, keys) if _described_as_armed_group(span)}
    for key in described:
        votes[key].add("ArmedGroup")
    _one_type_per_name(ents, keys, votes)
    changed = False
    new_ents = []
    for span, key in zip(ents, keys):
        wanted = votes.get(key, set()) - {None}
        if len(wanted) == 1 and not in_headline(span) and (span_origin(span) in WEAK_ORIGINS or (
                span_origin(span) in GUESSED_PERSON_ORIGINS and wanted & {"City", "District", "Province"})):
            label = next(iter(wanted))
            # "the Kuki National Army, an armed group that ...": what the article calls an armed group is one,
            # whatever "Army" made the NER's guess
            if label != span.label_ and (_may_become(span, label) or label == "ArmedGroup" and span.label_ == "Force"
                                         and key in described):
                span = retype(span, label, span_canonical(span) or plain_name(span), f"selection:{span.label_}")
                changed = True
        new_ents.append(span)
    missed = _missed_names(doc, ents)
    if missed:
        new_ents = longest_first(new_ents + missed)
        changed = True
    if changed:
        doc.ents = sorted(new_ents, key=lambda s: s.start)
    return changed


def _listed_with_places(ents, keys: list[str], votes: dict[str, set[str]]) -> None:
    """'have taken Prohres, Novoselivka Persha and ...': a name the NER guessed a person's, listed only with what the
    readings make towns, is a town too (kg.extract.places reads lists before the readings retype their members)."""
    at = {i: (span, key) for span, key in zip(ents, keys) for i in range(span.start, span.end)}

    def voted(key: str) -> set[str]:
        return votes.get(key, set()) - {None}

    for span, key in zip(ents, keys):
        if span.label_ != "Person" or span_origin(span) not in WEAK_ORIGINS or voted(key):  # (a body listed
            # with what a reading took for towns is more often a company beside another: "Bosch and Infineon")
            continue
        first = first_conjunct(span.root)
        taken = first.dep_ in ("dobj", "nsubjpass") and first.head.lemma_.lower() in TAKING_FROM_VERBS
        others = [at[t.i][1] for t in span.root.conjuncts if t.i in at and at[t.i][0] != span]
        if taken and others and all(voted(other) == {"City"} for other in others):  # ("holds 70 percent and
            # Bosch and Infineon 10 percent each" is no list of towns taken)
            votes[key].add("City")


def _one_type_per_name(ents, keys: list[str], votes: dict[str, set[str]]) -> None:
    """One name, one thing in an article: where the NER typed a name two ways ('ISIS-DRC' an organisation here
    and an armed group there), the type a stronger rule gave it (a list, a description) wins. ``keys`` are the
    entities' ``_key``s."""
    by_name: dict[str, set[str]] = defaultdict(set)
    strong: dict[str, set[str]] = defaultdict(set)
    for span, key in zip(ents, keys):
        by_name[key].add(span.label_)
        if span_origin(span) not in WEAK_OR_GUESSED_ORIGINS:
            strong[key].add(span.label_)
    for name, labels in by_name.items():
        if len(labels) > 1 and len(strong[name]) == 1 and not votes.get(name, set()) - {None}:
            votes[name].add(next(iter(strong[name])))


def _key(span: Span) -> str:
    """One key for all mentions of a thing: an acronym's is its full name's ("UPCS" after "the Patriotic Union
    for Change in the Sahel (UPCS)")."""
    name = plain_name(span) if span_origin(span) != "acronym" else span_canonical(span) or plain_name(span)
    return name.lower()


def _vote(span: Span, role: str, reading: Reading) -> str | None:
    """What a slot the span was turned away from says it is. Being taken makes an organisation a town, not a
    person ("Oswald was captured"); an action in, near or outside it makes either one a town."""
    frame = reading.frame
    if role == "place" and span.label_ in ("Person", "Organization"):
        return "City"
    if role == "patient" and frame.patient_types in ("territory", "place") and (
            span.label_ == "Organization" or span.label_ == "Person" and _taken_place(span.root)):
        return "City"  # a person is captured, but not overrun or taken from someone
    if role == "holder" and reading.told and (span.label_ == "Organization" or span.text.isupper()):
        return "ArmedGroup"  # "took Gao from the MNLA": what held a town and lost it in a fight is armed
    return None


def _may_become(span: Span, label: str) -> bool:
    """A person with a title stays a person; a one-word acronym is no town; a name the NER ran across a comma
    ("Fallujah, Operation Inherent Resolve") is two names, not one to retype."""
    if "," in span.text:
        return False
    if label in ("City", "District", "Province"):  # no organisation's name ("National Movement for the
        # Liberation of Azawad") is a town's; a name an apposition called a district elsewhere is one here too
        return (not span.text.isupper() and span.label_ in ("Person", "Organization", "Official")
                and not any(t.lower_ in ORGANISATION_OR_FORCE_WORDS for t in span)
                and not any(c.isupper() for t in span for c in t.text[1:]))  # "TotalEnergies" is a company
    if label == "ArmedGroup":
        return span.label_ in ("Organization", "Person", "City")
    return False


def _described_as_armed_group(span: Span) -> bool:
    """'the militant groups MUJAO, Ansar Dine and AQIM', 'a Hezb-e Islami Gulbuddin terrorist group leader',
    'Ansar Dine, an Islamist group'."""
    for token in _describing_nouns(span):
        if token.lower_ in GROUP_NOUNS and (_armed(token) or token.lower_ in ("rebels", "insurgents", "militants",
                                                                               "militia", "militias", "jihadists")):
            return True
        if token.lower_ in UNION_NOUNS and any(m.lower_ in GROUP_NOUNS | {"brigades"} and (_armed(m) or m.lower_ in (
                "militias", "rebels", "insurgents", "militants")) for of in token.children if of.dep_ == "prep"
                and of.lower_ == "of" for m in of.children if m.dep_ == "pobj"):
            return True  # "the Joint Forces, an alliance of former rebel movements": an alliance of armed groups
        if token.lower_ in ("faction", "wing", "branch", "offshoot") and any(
                c.dep_ in ("compound", "poss") and c.ent_type_ == "ArmedGroup" for c in token.children):
            return True  # "Los Chapitos, a Sinaloa Cartel faction": part of an armed group is armed
    return False


def _describing_nouns(span: Span) -> list[Token]:
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    head = root
    while head.dep_ == "conj":  # "groups A, B and C": B and C hang on A
        head = head.head
    if head.dep_ == "appos":
        nouns.append(head.head)
    if root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.lemma_ in ("know", "call", "name"):
        nouns.append(root.head.head.head)  # "a separatist militia known as the Red Dragons"
    if root.dep_ == "pobj" and root.head.lower_ in ("from", "of") and root.head.head.lower_ in FIGHTER_WORDS - {
            "fighters"}:
        nouns.append(root.head.head)  # "militants from Ahlu Sunnah Wa-Jama'a" (not "fighters of the army")
    if root.dep_ in ("compound", "nmod") and root.head.i > span.end - 1:
        nouns.append(root.head)  # "a Hezb-e Islami Gulbuddin terrorist group leader"
        nouns.extend(c for c in root.head.children if c.dep_ == "compound" and c.i > root.i)
    return nouns


def _armed(noun: Token) -> bool:
    return any(c.lower_ in ARMED_WORDS for c in noun.subtree if c.i < noun.i) or any(
        c.lower_ in ARMED_WORDS for c in noun.doc[max(0, noun.i - 3): noun.i])


def _missed_names(doc: Doc, ents: tuple[Span, ...]) -> list[Span]:
    """Capitalised names the NER missed whose place in the clause says what they are: coordinated with an armed
    group or force ("the SDF and the Syrian Arab Coalition"), described as an armed group ("the militant group
    MUJAO", "Ansar Dine, an Islamist militant group"), or what only a place can be ("the rebels overran
    Tessit")."""
    taken = {i for s in ents for i in range(s.start, s.end)}
    ent_of = {i: s for s in ents for i in range(s.start, s.end)}
    found = []
    for token in tokens_of(doc):
        if token.i in taken or token.pos_ != "PROPN" or in_headline(doc[token.i: token.i + 1]):
            continue
        words = _name_ending_at(token)
        if words is None or taken & set(range(words.start, words.end)) or facility_name(words):
            continue  # ("captured Camp Zero": a site, no town)
        partner = ent_of.get(token.head.i) if token.dep_ == "conj" else None
        if partner is not None and partner.label_ in FIGHTER_TYPES - {"Country"} and (
                len(words) >= 2 or _acronym(token)):
            span = Span(doc, words.start, words.end, label=partner.label_)
            found.append(set_span(span, plain_name(words), "selection:conj"))
        elif token.dep_ in ("appos", "conj", "nsubj", "nsubjpass", "dobj", "pobj") and (
                len(words) >= 2 or _acronym(token)) and _described_as_armed_group(words):
            found.append(set_span(Span(doc, words.start, words.end, label="ArmedGroup"), plain_name(words),
                                  "selection:described"))
        elif _described_as_settlement(token) and not token.is_upper:
            span = Span(doc, words.start, words.end, label="City")  # "Glendale, an unincorporated community in X"
            found.append(set_span(span, plain_name(words), "selection:described"))
        elif _taken_place(token) and not _dated(token) and not token.is_upper:
            span = Span(doc, words.start, words.end, label="City")
            found.append(set_span(span, plain_name(words), "selection:taken"))
    return found


def _named_among_towns(token: Token) -> bool:
    """'several villages north of the bazaar, including Jusholay and Sarwan Qala', 'towns such as A and B': a name
    listed as one of the towns a plural noun names."""
    first = first_conjunct(token)
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ not in ("including", "like") and not (
            prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"):
        return False
    noun = including_noun(prep) if prep.lower_ == "including" else prep.head
    return noun is not None and noun.tag_ == "NNS" and noun.lemma_.lower() in SETTLEMENT_NOUNS


def _described_as_settlement(token: Token) -> bool:
    """'Glendale, an unincorporated community in Hardin County', 'Derna is a port town in eastern Libya': a name
    the NER missed that an apposition or a copula calls a town."""
    if token.dep_ == "nsubj" and token.head.lemma_ == "be":
        return any(c.dep_ == "attr" and indefinite_town(c) for c in token.head.children)
    return any(c.dep_ == "appos" and indefinite_town(c) for c in token.children)


#: Units of distance: "Anefis, about 110 kilometers to the south" is where something is.
DISTANCE_UNITS = frozenset({"kilometers", "kilometres", "km", "miles", "mile", "kilometer", "kilometre"})


def _placed_by_distance(span: Span) -> bool:
    """'captured Anefis, about 110 kilometers to the south,': a name followed by its distance from somewhere is
    a place's."""
    doc, i = span.doc, span.end
    if i >= len(doc) or doc[i].text != ",":
        return False
    i += 1
    if i < len(doc) and doc[i].pos_ == "ADV":  # "about", "some", "roughly"
        i += 1
    return i + 1 < len(doc) and doc[i].like_num and doc[i + 1].lower_ in DISTANCE_UNITS


def _taken_place(token: Token) -> bool:
    """'the rebels overran Tessit', 'Tessit was retaken', 'took Boni from the MRDK', 'the liberation of Tessit':
    what only a place can be (not
    what is captured or seized: people are too, unless a former holder follows)."""
    while token.dep_ == "conj":
        token = token.head
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "of" and verb.head.pos_ == "NOUN":  # "the recapture of Moqokori"
        return verb.head.lemma_.lower() in PLACE_TAKING_VERBS - PEOPLE_TAKING_VERBS
    if token.dep_ == "nsubj" and verb.lemma_ == "fall" and _fell_to_an_actor(verb):
        return True  # "Ocheretyne fell to Russian troops"
    if token.dep_ not in ("dobj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return False
    taken_from = any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)
    verbs = {verb.lemma_.lower(), verb.lower_}  # "overran": a past the small model's lemmatiser leaves as it is
    return bool(verbs & (PLACE_TAKING_VERBS - PEOPLE_TAKING_VERBS) or taken_from and verbs & TAKING_FROM_VERBS)


def _under_control(token: Token) -> bool:
    """'Islam Qala has been under Taliban control': a person is held, never under an army's control."""
    verb = token.head
    return token.dep_ == "nsubj" and verb.lemma_ in ("be", "remain", "stay") and any(
        o.dep_ == "pobj" and o.lemma_ == "control" and any(m.dep_ in ("compound", "poss", "amod") for m in o.children)
        for under in verb.children if under.dep_ == "prep" and under.lower_ == "under" for o in under.children)


def _fell_to_an_actor(verb: Token) -> bool:
    """'fell to Russian troops', 'fell to the eastern-based force' (not 'fell to its lowest level')."""
    return any(o.dep_ == "pobj" and (o.ent_type_ or o.lemma_.lower() in FIGHTER_WORDS or o.lower_ in FORCE_HEADS)
               for to in verb.children if to.dep_ == "prep" and to.lower_ == "to" for o in to.children)


#: Verbs whose object "control of X" makes X a place: "seized control of Ramadi" (not "under the control of
#: Haftar", where a person holds it).
CONTROL_VERBS = {"take", "gain", "regain", "seize", "wrest", "lose", "assume", "retake", "establish", "consolidate",
                 "restore", "reassert", "win", "grab"}
#: Quantities between "control of" and the place: "control of most of Marawi".
PART_WORDS = {"most", "much", "part", "parts", "all", "half", "large", "swathes", "areas"}


def _controlled_place(token: Token) -> bool:
    """'took control of X', 'lost control of most of X': X is a place, whatever name the NER took it for."""
    while token.dep_ == "conj":
        token = token.head
    of = token.head
    if token.dep_ != "pobj" or of.lower_ != "of":
        return False
    noun = of.head
    if noun.lower_ in PART_WORDS and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head
    return noun.lower_ == "control" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in CONTROL_VERBS


def _dated(token: Token) -> bool:
    """Inside a date the NER found that has a number or a calendar word ("June 6"; not "Kalaber", a village the
    small model took for a date)."""
    return any(s.start <= token.i < s.end and any(t.like_num or t.lower_.rstrip(".") in CALENDAR_WORDS for t in s)
               for s in token.doc.spans.get(DATES_KEY, ()))


def _name_ending_at(token: Token) -> Span | None:
    """The capitalised words of the name whose last word is ``token`` ("Ansar Dine" from "Dine")."""
    doc = token.doc
    start = token.left_edge.i
    while start < token.i and not (doc[start].is_title or doc[start].is_upper):
        start += 1
    words = doc[start: token.i + 1]
    if not all(t.is_title or t.is_upper for t in words) or any(t.is_punct or t.is_stop for t in words):
        return None
    return words


def _acronym(token: Token) -> bool:
    """'MUJAO', 'AQIM': one word in capitals, long enough not to be a stray initial."""
    return token.is_upper and token.is_alpha and len(token.text) >= 3
