"""Typing rules for actors named by description: 'Afghan security forces', 'the coalition',
'M23 rebels', 'the Russians', 'the Yemeni government', 'the defense ministry'."""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token
from .gazetteer import Gazetteer, country_adjectives
from .lexicon import AIRCRAFT_HEADS, ARMED_GROUP_HEADS, ORGANISATION_OR_FORCE_WORDS, CIVILIAN_VERBS, DASHES, EQUIPMENT, ETHNONYMS, FIGHTER_WORDS, FORCE_HEADS, GENERIC_QUALIFIERS, MINISTRY_TOPICS, MULTINATIONAL, NATIONAL_FILLERS, NATIONAL_FORCE_HEADS, PLACE_TYPES, ROLE_WORDS, UNIT_WORDS
from .spans import (glued_hyphen, name_of, plain_name, retype, set_canonical, set_span, spaced_dash, span_canonical, span_links,
                    span_origin, tokens_of)
from .words import word_list


# ----- forces
#: Heads of a force a region of a state has of its own ("Amhara special forces", "Jubaland forces"; not its police,
#: which the region's officials head).
REGIONAL_FORCE_HEADS = frozenset({"forces", "troops"})
#: Places whose name before "police" makes a police force of their own ("the Kandahar police", "Paris police").
LOCAL_POLICE_PLACES = frozenset({"City", "Province", "District"})


def _qualifier(doc: Doc, tokens: list[Token], spans_at: dict[int, Span], gaz: Gazetteer) -> tuple[str, str] | None:
    """What a force phrase's modifiers say about whose force it is: ("national", "Afghan"), ("generic", ...)."""
    for token in tokens:
        span = spans_at.get(token.i)
        if span is not None and span.label_ == "Country":
            adjective = adjective_of(name_of(span), gaz)
            if adjective:
                return "national", adjective
        if token.text in gaz.adjectives:
            return "national", adjective_of(gaz.adjectives[token.text], gaz) or token.text
        two = _two_word_adjective(token, gaz)
        if two:  # "the Sri Lankan army"
            return "national", adjective_of(gaz.adjectives[two], gaz) or two
        if span is not None and span.label_ == "Province" and token.i == tokens[0].i \
                and tokens[-1].head.lower_ in REGIONAL_FORCE_HEADS:
            return "regional", name_of(span)  # "Amhara regional forces", "Jubaland forces": a region's own force
        if span is not None and span.label_ in LOCAL_POLICE_PLACES and token.i == tokens[0].i \
                and span.end == tokens[-1].i + 1 and doc[span.end].lower_ == "police":
            return "regional", name_of(span)  # "the Helmand police", "a New Orleans police spokesman": its own
    for token in tokens:
        if token.lower_ in MULTINATIONAL:
            return "multinational", token.text
    for token in tokens:
        if token.lower_ in GENERIC_QUALIFIERS and not _opposed(token):
            return "generic", token.lower_
    return None


def _two_word_adjective(token: Token, gaz: Gazetteer) -> str | None:
    """'Sri Lankan', 'South Sudanese', 'New Zealand': a country's adjective of two words opening at ``token``."""
    if token.i + 1 >= len(token.doc):
        return None
    words = f"{token.text} {token.doc[token.i + 1].text}"
    return words if words in gaz.adjectives else None


def _in_adjective(token: Token, gaz: Gazetteer) -> bool:
    """``token`` is a country's adjective or a word of one of two words."""
    return token.text in gaz.adjectives or _two_word_adjective(token, gaz) is not None \
        or token.i > 0 and _two_word_adjective(token.doc[token.i - 1], gaz) is not None


def _opposed(token: Token) -> bool:
    """'anti-junta forces', 'anti-government fighters': forces against the qualifier, not its own."""
    doc = token.doc
    return token.i >= 1 and (doc[token.i - 1].lower_ in ("anti", "anti-") or token.i >= 2
                             and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "anti")


def adjective_of(country: str, gaz: Gazetteer) -> str | None:
    for adjective, name in gaz.adjectives.items():
        if name == country:
            return adjective
    return None


MODIFIER_POS = {"ADJ", "NOUN", "PROPN", "CCONJ", "PART"}


def _modifier_start(doc: Doc, head: Token) -> int:
    """Start of the run of modifiers right before a head noun ("Afghan national defense and security")."""
    start = head.i
    while start > 0:
        prev = doc[start - 1]
        if prev.pos_ == "CCONJ" and start >= 2 and (doc[start - 2].tag_ in ("NNS", "NNPS", "NNP")
                                                     or doc[start - 2].lower_ in FORCE_HEADS) \
                and doc[start - 2].text not in country_adjectives():  # but "Rwandan and Mozambican troops" goes on
            break  # "insurgents and Afghan troops", "the Iraqi army and federal police": two phrases, not one
        if prev.pos_ == "NOUN" and prev.dep_ in ("npadvmod", "nsubj", "nsubjpass", "dobj", "pobj", "attr"):
            break  # "the first time U.S. troops were killed": a noun of its own before the phrase
        if prev.pos_ in MODIFIER_POS and prev.lower_ not in ("more", "most", "than", "other", "some", "many", "or", "but"):
            start -= 1
        elif prev.text == "-" and start >= 2 and not doc[start - 2].whitespace_:
            start -= 1
        else:
            break
    while start < head.i and doc[start].pos_ in ("CCONJ", "PART"):
        start += 1
    if start + 1 < head.i and doc[start].text == "-":
        start += 2  # "the 8,700-strong task force": a measure, not a modifier
    return start


def _first_of_two(doc: Doc, start: int, head: Token, gaz: Gazetteer) -> Span | None:
    """'Afghan and coalition forces', 'Iraqi and Kurdish troops': the country adjective before 'and' is a force
    of its own, the national forces of that country."""
    if head.lower_ not in NATIONAL_FORCE_HEADS:
        return None
    for i in range(start, head.i - 1):
        if doc[i].pos_ == "CCONJ" and i > start and doc[i - 1].text in gaz.adjectives and i - 1 == start:
            return set_span(Span(doc, start, i, label="Force"), gaz.national_forces(doc[i - 1].text),
                            "force-phrase:national")
    return None


def extend_national_forces(doc: Doc, spans: list[Span]) -> list[Span]:
    """'Congolese military forces': a known force's name followed by 'forces' or 'troops' is one mention."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span in spans:
        after = doc[span.end] if span.end < len(doc) else None
        if (span.label_ == "Force" and after is not None and after.lower_ in NATIONAL_FORCE_HEADS
                and after.i not in taken and after.tag_ == "NNS"):
            span = set_span(Span(doc, span.start, span.end + 1, label="Force"), span_canonical(span),
                            span_origin(span), span_links(span))
        out.append(span)
    return out


#: Last words of a command's name that a hyphen may join to what it commands: "U.S. Forces-Afghanistan".
COMMAND_WORDS = frozenset({"force", "forces", "command", "mission"})


def hyphened_commands(doc: Doc, spans: list[Span]) -> list[Span]:
    """'U.S. Forces-Afghanistan', 'Joint Task Force-Quartz': a body's name goes on over a hyphen written without
    spaces, with the capitalised words after it (the place or operation the command is for, not a second entity)."""
    out: list[Span] = []
    for span in spans:
        end = span.end
        if span.label_ in ("Force", "Organization", "ArmedGroup") and doc[end - 1].lower_ in COMMAND_WORDS \
                and end + 1 < len(doc) and (doc[end].text == "-" and not doc[end - 1].whitespace_
                                            and not doc[end].whitespace_ or _dash_before_operation(doc, end)) \
                and doc[end + 1].is_title and doc[end + 1].is_alpha:
            end += 2
            while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and doc[end - 1].whitespace_ \
                    and doc[end].lower_ not in ROLE_WORDS:
                end += 1  # "Combined Joint Task Force-Operation Inherent Resolve"
            longer = Span(doc, span.start, end, label=span.label_)
            out.append(set_span(longer, longer.text, span_origin(span) or "ner", {}))
            continue
        if out and out[-1].end > span.start:
            continue  # inside the name just made longer ("Afghanistan" of "U.S. Forces-Afghanistan")
        out.append(span)
    return out


def _dash_before_operation(doc: Doc, i: int) -> bool:
    """'Combined Joint Task Force – Operation Inherent Resolve': a spaced dash between a command and the operation it
    is named for, in the way U.S. releases write the name."""
    return spaced_dash(doc[i]) and i + 1 < len(doc) and doc[i + 1].text == "Operation"


# Unions made once: ``x in A | B`` builds the union on every test, and these are tested for every token.
FORCE_OR_GROUP_HEADS = FORCE_HEADS | ARMED_GROUP_HEADS
FIGHTERS_OR_GANGS = FIGHTER_WORDS | {"gang", "gangs"}
ETHNONYMS_OR_EQUIPMENT = ETHNONYMS | EQUIPMENT


#: Places and columns of a force that stand for it: "stormed a Nigerien army post".
FACILITY_WORDS = {"base", "post", "convoy", "outpost", "checkpoint", "position", "camp", "barracks"}


#: Who speaks for a force named before them: "Nigerien army spokesman X".
SPOKESPERSON_WORDS = word_list("roles", "spokesperson")  # (the list kg.extract.roles reads roles by)


def _air_force_before_aircraft(head: Token) -> bool:
    """'Russian air force jets', 'Colombian air force gunships': the air force flies them (a force of its own)."""
    return head.lower_ == "force" and head.i > 0 and head.doc[head.i - 1].lower_ == "air" \
        and head.head.lower_ in AIRCRAFT_HEADS


def force_phrases(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """'Afghan security forces', 'government troops', 'U.S. forces', 'Afghanistan's army' as Force."""
    spans_at = {i: s for s in spans for i in range(s.start, s.end)}
    found = []
    for head in tokens_of(doc):
        word = _head_word(head)
        if word not in FORCE_OR_GROUP_HEADS or head.pos_ not in ("NOUN", "PROPN"):
            continue
        owner = spans_at.get(head.i)
        if owner is not None and (span_origin(owner) == "gazetteer" or owner.end != head.i + 1):
            continue  # a known name, or a word inside a longer name ("16th Iraqi Army Division")
        if head.dep_ == "compound" and head.head.i == head.i + 1 and not _air_force_before_aircraft(head) and (
                head.head.tag_ in ("NNS", "NNPS") or head.head.lower_ in UNIT_WORDS
                and not (head.head.lower_ in FACILITY_WORDS | SPOKESPERSON_WORDS and _modifier_start(doc, head) < head.i)):
            continue  # "Iraqi Army brigades", "army headquarters": the phrase goes on (but "a Nigerien army
            # post" is the Nigerien army's: the post stands for it, and "Nigerien army spokesman X" speaks for it)
        if head.i + 1 < len(doc) and doc[head.i + 1].lower_ in ("minister", "ministry"):
            continue  # "France's armed forces minister, X": a portfolio, no force
        if head.i + 2 < len(doc) and glued_hyphen(doc, head.i + 1) and doc[head.i + 2].is_lower:
            continue  # "Myanmar's junta-appointed acting president", "army-backed militias": a modifier, no force
        start = _modifier_start(doc, head)
        while start < head.i and doc[start].like_num:
            start += 1  # "Thirteen U.S. service members" opening a sentence: a count, not part of the force's name
        named = spans_at.get(start)
        if named is not None and named.label_ == "Country" and named.end < head.i and doc[named.end].pos_ == "CCONJ":
            start = named.end + 1  # "U.S. and British forces": the U.S. stays the country it is named as
        first = _first_of_two(doc, start, head, gaz)
        if first is not None:  # "Afghan and coalition forces": Afghan forces, and coalition forces
            found.append(first)
            start = first.end + 1
        modifiers = [t for t in doc[start: head.i] if not t.is_punct or t.text == "-"]
        if not modifiers and word not in ARMED_GROUP_HEADS:
            continue
        known = gaz.lookup(doc[start: head.i + 1].text)
        if known is not None and known[0] not in ("Force", "Country"):
            continue  # "the Allied Democratic Forces (ADF), a Ugandan rebel group": a name the gazetteer knows
        name_start = _named_special_forces(modifiers, head, gaz)
        if name_start is not None:  # "the army's Saiqa special forces": a named unit
            span = Span(doc, name_start, head.i + 1, label="Force")
            found.append(set_span(span, span.text, "force-phrase:unit"))
            continue
        possessor = next((t for t in modifiers if t.lower_ in ("'s", "\u2019s")), None)
        if possessor is not None and not (possessor.i - 1 in spans_at and spans_at[possessor.i - 1].label_ == "Country"):
            continue  # "the government's most elite forces": a part of some force, not a force of its own
        # A proper name of its own in the phrase ("Taliban fighters", "Wagner troops") is not a Force phrase.
        inner = [spans_at[t.i] for t in modifiers if t.i in spans_at and spans_at[t.i] is not owner
                 and spans_at[t.i].text not in gaz.adjectives]  # "Azerbaijani" the NER took for a person
        if any(s.label_ in ("ArmedGroup", "Force", "Organization", "Person", "Official") for s in inner):
            if word in ARMED_GROUP_HEADS or any(s.label_ in ("Person", "Official") for s in inner):
                continue
            if not any(s.label_ == "Organization" and s.text in ("NATO", "U.N.", "UN") for s in inner):
                body = _body_of_forces(inner, head)
                if body is not None:  # "Government of National Accord forces", "GNA troops": its forces
                    found.append(set_span(Span(doc, body.start, head.i + 1, label="Force"),
                                          f"{plain_name(body)} forces", "force-phrase:body"))
                continue
        if word in ARMED_GROUP_HEADS:
            if any(_code_name(t, gaz) for t in modifiers):
                continue  # "CODECO militiamen": the group has a name (groups_named_before_fighters)
            if word in ("militia", "militias", "militiamen"):
                if head.dep_ == "compound" and head.head.i == head.i + 1 and head.head.lower_ in ROLE_WORDS:
                    continue  # "a former militia leader from Darfur": what a person was, no group
                if any(c.dep_ == "acl" and c.lemma_ in ("know", "call", "name") for c in head.children):
                    continue  # "a separatist militia known as the Red Dragons": the group has a name
                if _describes(head):
                    continue  # "CODECO, a militia drawn from the Lendu": what CODECO is, not a second group
                if not modifiers and _group_named_just_before(head, spans):
                    continue  # "the militia now controlled X": the group just named (an anaphor, see arguments)
                if _body_named_after(head, spans_at):
                    continue  # "militiamen of the Islah party": that body's (a proxy for it, see arguments)
                joined = [t.i for t in doc[start: head.i] if t.pos_ == "CCONJ"]
                start = joined[-1] + 1 if joined else start  # "the city and militia fighters": not the city
                span = Span(doc, start, head.i + 1, label="ArmedGroup")
                found.append(set_span(span, "militias", "force-phrase"))
            continue
        qualifier = _qualifier(doc, modifiers, spans_at, gaz)
        if qualifier is None:
            continue
        kind, who = qualifier
        middle = [t.lower_ for t in modifiers if not (t.i in spans_at and spans_at[t.i].label_ == "Country")
                  and not _in_adjective(t, gaz) and t.lower_ not in ("'s", "\u2019s")]
        if " ".join(middle[-3:]) == "pro - government":  # "pro-government forces" are the government's forces
            middle = middle[:-3] + ["government"]
        # Lower-case "army" is the country's forces ("the Russian army"); "Iraqi Army" names an institution.
        aircraft = word in AIRCRAFT_HEADS
        # "Ukrainian units" with no name of their own are the country's forces (not after a force's name:
        # "CTS units" are that force's, see extend_national_forces); so are "Afghan police" (the guidelines' one
        # Force of a country's troops and police; not "federal police", a unit told apart).
        national_head = word in NATIONAL_FORCE_HEADS or word == "units" or aircraft \
            or head.text in ("army", "military", "junta", "police")
        fillers = NATIONAL_FILLERS | MULTINATIONAL | ({"federal"} if word != "police" else set())
        national = national_head and set(middle) <= fillers  # "the Yugoslav federal army" (not "federal police")
        national = national or head.text == "Army" and not middle and not _units_told_apart(head, spans_at)
        if kind == "national" and national:
            canonical = gaz.national_forces(who)
            kind = "aircraft" if aircraft else kind  # "Saudi warplanes" over Yemen: no vote for the home forces
        elif kind == "multinational" and national:
            canonical = "coalition" if who.lower() == "coalition" else f"{who} forces"
        elif kind == "generic" and national:
            canonical = "government forces"
            kind = "generic"
        elif aircraft:
            continue  # "American military aircraft": machines, not a force of their own
        elif kind == "regional" and word == "police":
            canonical = _police_named(who, spans)  # "the New Orleans police": its Police Department, if named
        elif kind == "regional" and national_head and " ".join(middle) == who.lower():
            canonical = f"{who} forces"  # "Puntland forces" and "Puntland troops": one region's one force
        else:
            if all(t.is_lower and t.i not in spans_at for t in modifiers):
                continue  # "the main international force responsible for ...": a description, no name of a unit
            kind = "unit"  # "Afghan special security forces", "U.S. military": named by its own words
            canonical = None
        end = head.i if kind == "multinational" and aircraft else head.i + 1  # "coalition (aircraft)": the coalition
        found.append(set_span(Span(doc, start, end, label="Force"), canonical, f"force-phrase:{kind}"))
    return found


def _named_special_forces(modifiers: list[Token], head: Token, gaz: Gazetteer) -> int | None:
    """'Saiqa special forces': where the capitalised words of a name of its own (no country, no adjective of one)
    before 'special forces' start, or None."""
    owner = [i for i, t in enumerate(modifiers) if t.lower_ in ("'s", "\u2019s")]  # ("the army's": whose they are)
    names = [t for t in modifiers[owner[-1] + 1 if owner else 0:] if t.lower_ != "the"]
    named = head.lower_ == "forces" and len(names) >= 2 and names[-1].lower_ == "special" and all(
        t.is_title and t.pos_ == "PROPN" and t.text not in gaz.adjectives and gaz.lookup(t.text) is None
        for t in names[:-1])
    return names[0].i if named else None


def _police_named(place: str, spans: list[Span]) -> str | None:
    """The full name of a place's police where the article gives it ('the New Orleans Police Department' for 'the
    New Orleans police'), else None (the phrase names it)."""
    return next((plain_name(s) for s in spans if plain_name(s).startswith(f"{place} Police ")
                 and s.label_ in ("Organization", "Force")), None)


#: Capitalised words of a state's named units: an article that names one tells its country's units apart.
UNIT_NAME_WORDS = frozenset({"Navy", "Division", "Divisions", "Brigade", "Brigades", "Corps", "Command", "Guard",
                             "Service"})


def _units_told_apart(army: Token, spans_at: dict[int, Span]) -> bool:
    """'the Iraqi Army, the Counter Terrorism Service, the Iraqi Air Force': an article that names a country's units
    keeps its army one of them (GUIDELINES: one Force per country's troops unless named units are told apart);
    elsewhere "the Sudanese Army" is the same Force as "Sudan's army" and its troops."""
    doc = army.doc
    if any(t.i in spans_at and spans_at[t.i].label_ in ("Force", "Organization") or t.pos_ == "PROPN"
           for t in army.conjuncts):
        return True
    return any(t.text in UNIT_NAME_WORDS and t.pos_ == "PROPN" or t.text == "Force" and doc[t.i - 1].text == "Air"
               for t in tokens_of(doc) if t.i > 0)


def _head_word(head: Token) -> str:
    """The force word a phrase ends in: 'servicemen' for the 'service members' of 'U.S. service members'."""
    if head.lower_ in ("member", "members") and head.i > 0 and head.doc[head.i - 1].lower_ == "service":
        return "servicemen"
    return head.lower_


def _body_of_forces(inner: list[Span], head: Token) -> Span | None:
    """The government or body whose forces a phrase names: one organisation right before 'forces', 'troops'."""
    bodies = list({(s.start, s.end): s for s in inner}.values())
    if len(bodies) != 1 or head.lower_ not in NATIONAL_FORCE_HEADS:
        return None
    body = bodies[0]
    return body if body.label_ == "Organization" and body.end == head.i else None


def _group_named_just_before(noun: Token, spans: list[Span]) -> bool:
    """'the militia' (singular, definite) after an armed group named in its sentence or the one before."""
    if noun.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return False
    start = noun.sent.start
    first = noun.doc[start - 1].sent.start if start > 0 else start
    return any(s.label_ == "ArmedGroup" and first <= s.start and s.end <= noun.i for s in spans)


def _body_named_after(noun: Token, spans_at: dict[int, Span]) -> bool:
    """'militiamen of the Islah party', 'fighters of Hayat Tahrir al-Sham': a named body's, after 'of'."""
    return any(child.dep_ == "prep" and child.lower_ == "of" and any(
        g.dep_ == "pobj" and g.i in spans_at and spans_at[g.i].label_ in ("ArmedGroup", "Organization", "Force")
        for g in child.children) for child in noun.children)


def _describes(noun: Token) -> bool:
    """An indefinite noun that says what something named is: 'X, a UAE-backed militia', 'X is a militia',
    'the council, an alliance of Islamist militias'."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        return noun.head.head.dep_ in ("appos", "attr")  # "X, one of the most powerful militias in Y"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    return noun.dep_ in ("appos", "attr") and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def coalitions(doc: Doc, spans: list[Span]) -> list[Span]:
    """'the coalition', 'the U.S.-led coalition', 'the Saudi-led coalition' as a Force. One article's
    coalitions are one unless it names two leaders."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for token in tokens_of(doc):
        if token.lower_ != "coalition" or token.i in taken or token.i == 0:
            continue
        start = token.i
        if start >= 3 and doc[start - 1].lower_ == "led" and doc[start - 2].text == "-":
            start -= 3  # "<Saudi>-led coalition"
            while start > 0 and doc[start - 1].text == "-" and start >= 2:
                start -= 2
        if start == token.i and doc[start - 1].lower_.endswith("-led"):
            start -= 1  # "U.S.-led" is one token
        if start == token.i and (doc[token.i - 1].lower_ != "the" or token.dep_ == "compound"):
            continue  # "a coalition of parties": a coalition, not the one fighting; "coalition aircraft" are the
            # coalition's (kg.extract.forces.one_coalition), "U.S.-led coalition aircraft" the one it names
        found.append(set_span(Span(doc, start, token.i + 1, label="Force"), None, "force-phrase:coalition"))
    leaders = {plain_name(s) for s in found if len(s) > 1}
    for span in found:
        set_canonical(span, plain_name(span) if len(span) > 1 or len(leaders) != 1 else next(iter(leaders)))
    return found


def one_coalition(spans: list[Span]) -> None:
    """'coalition aircraft', 'coalition forces' are the coalition the article names by its leader ('the U.S.-led
    coalition'), when it names one."""
    leaders = {span_canonical(s) for s in spans if len(s) > 1 and span_origin(s) == "force-phrase:coalition"}
    if len(leaders) == 1:
        for span in spans:
            if span_origin(span) == "force-phrase:multinational" and span_canonical(span) == "coalition":
                set_canonical(span, next(iter(leaders)))


def groups_named_before_fighters(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """'M23 rebels took Kitshanga', 'CODECO militia attacked a camp': an acronym or code name that no
    gazetteer knows, right before a word for fighters, names an armed group."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    weak = {s.start for s in spans if len(s) == 1 and span_origin(s) == "ner"}  # the NER's guess at one word
    for token in tokens_of(doc)[:-1]:
        if token.i in taken and token.i not in weak or doc[token.i + 1].lower_ not in FIGHTERS_OR_GANGS:
            continue
        if _code_name(token, gaz):
            found.append(set_span(Span(doc, token.i, token.i + 1, label="ArmedGroup"), token.text, "group-before-fighters"))
        elif token.is_title and token.i > 0 and doc[token.i - 1].like_num and doc[token.i - 1].i not in taken \
                and token.text not in gaz.adjectives and token.lower_ not in ETHNONYMS_OR_EQUIPMENT \
                and token.ent_type_ != "NORP":  # (not "1,500 Kurdish fighters": a count of a people's fighters)
            span = Span(doc, token.i - 1, token.i + 1, label="ArmedGroup")  # "the 400 Mawozo gang"
            found.append(set_span(span, span.text, "group-before-fighters"))
        elif token.is_title and token.i not in taken and doc[token.i + 1].lower_ in ("gang", "gangs"):
            start = token.i  # "the Gran Grif gang": a gang is named by the words before it, not its people
            while start > 0 and doc[start - 1].is_title and start - 1 not in taken and not doc[start - 1].is_sent_start:
                start -= 1
            span = Span(doc, start, token.i + 1, label="ArmedGroup")
            if span.text not in gaz.adjectives and not any(t.lower_ in ETHNONYMS_OR_EQUIPMENT for t in span):
                found.append(set_span(span, span.text, "group-before-fighters"))
    return found


def _code_name(token: Token, gaz: Gazetteer) -> bool:
    """An acronym or code name ('ADF', 'M23', 'CODECO'), not a country's adjective or a number."""
    text = token.text
    shaped = len(text) >= 2 and (text.isupper() and text.isalpha() or any(c.isdigit() for c in text)
                                 and text[0].isupper() and any(c.isalpha() for c in text))
    return (shaped and text not in gaz.adjectives and text.lower() not in ETHNONYMS_OR_EQUIPMENT
            and token.ent_type_ != "NORP")


def demonym_actors(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """'the Russians', 'Ukrainians' as the subject or object of an action: that country's forces."""
    found = []
    for token in tokens_of(doc):
        adjective = gaz.plurals.get(token.text)
        if adjective is None or token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj"):
            continue
        if token.dep_ == "pobj" and token.head.lower_ not in ("by", "against", "with", "from", "to"):
            continue
        if any(c.dep_ in ("amod", "compound", "nummod") and not _quantity(c) for c in token.children):
            continue  # "ethnic Russians", "Russian-speaking Ukrainians"; but "several hundred Ukrainians" fight
        if token.head.lemma_ in CIVILIAN_VERBS:
            continue  # "Afghans fled to Pakistan": people, not an army
        span = Span(doc, token.i, token.i + 1, label="Force")
        found.append(set_span(span, gaz.national_forces(adjective), "force-phrase:national"))
    return found


#: Words of number before a plural demonym: "several hundred Ukrainians", "thousands of Russians".
QUANTITY_WORDS = {"several", "many", "some", "few", "dozens", "hundreds", "thousands", "more", "hundred",
                  "thousand", "dozen", "numerous", "about", "around", "nearly"}


def _quantity(token: Token) -> bool:
    return token.like_num or token.lower_ in QUANTITY_WORDS


def home_forces(spans: list[Span], gaz: Gazetteer) -> None:
    """'government forces' and 'security forces' are the forces of the country an article is about:
    the nation whose forces it names most, when one does; else the one country it names most."""
    home = _most_named_forces(spans, gaz)
    if home is None:
        return
    for span in spans:  # (and a headline's copy of one: "Sudanese Army Says ..." after the body's "Army warplanes")
        if span_origin(span) == "force-phrase:generic" or span_canonical(span) == "government forces":
            set_canonical(span, home)


def _before_dateline_dash(span: Span) -> bool:
    """'Afghanistan —' ends a dateline; 'Iran-backed' (no space before the hyphen) does not."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].text in DASHES and bool(span[-1].whitespace_)


def _most_named_forces(spans: list[Span], gaz: Gazetteer) -> str | None:
    national = [span_canonical(s) for s in spans if (origin := span_origin(s)) == "force-phrase:national"
                or origin == "gazetteer" and span_canonical(s) in gaz.forces.values()]
    countries = Counter(span_canonical(s) for s in spans if s.label_ == "Country")
    for span in spans:  # a dateline ("KABUL, Afghanistan -") says where the story is
        if span.label_ == "Country" and _before_dateline_dash(span):
            countries[span_canonical(span)] += 3
    if national:
        counts = Counter(national)
        for canonical in counts:  # "Afghan forces" gains from every "Afghanistan" in the article
            counts[canonical] += countries[gaz.country_of_forces(canonical)]
        first_named = {canonical: i for i, canonical in reversed(list(enumerate(national)))}
        return max(counts, key=lambda canonical: (counts[canonical], -first_named[canonical]))
    ranked = countries.most_common(2)
    # Only a clear favourite, named more than once, stands for "the government" of an article.
    if ranked and ranked[0][1] > 1 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return gaz.forces_of_country(ranked[0][0])
    return None


# ----- forces loyal to a person
#: Titles of a head of state or government: the forces loyal to one are the government's ("forces loyal to
#: President Hadi" are the Yemeni government forces of the real reports' gold).
HEAD_OF_STATE_TITLES = {"president", "premier", "king", "emir", "sultan"}
#: Military ranks: the forces of an officer are a state's force of his own; of anyone else, an armed group.
MILITARY_RANKS = {"gen", "gen.", "general", "marshal", "col", "col.", "colonel", "brig", "brig.", "maj.", "lt."}
#: Heads of a body of fighters that can belong to a person: "Haftar's forces", "militiamen loyal to X".
LOYAL_HEADS = NATIONAL_FORCE_HEADS | {"fighters", "militiamen", "militia", "militias", "loyalists", "gunmen", "men"}
PEOPLE = ("Person", "Official")


def loyal_forces(doc: Doc, spans: list[Span]) -> list[Span]:
    """'forces loyal to Gen. X', 'X's fighters': a force of their own, named "X's forces" as the annotation
    guidelines name them (kg.extract.roles makes X their official); when X is a head of state
    ('forces loyal to President Y'), the government forces of the article."""
    if not any(s.label_ in PEOPLE for s in spans):
        return []
    spans_at = {i: s for s in spans for i in range(s.start, s.end)}
    # "Hadi's forces" after "President Abd-Rabbu Mansour Hadi": a surname the NER took for a place is his
    surnames = frozenset(_surname(s) for s in spans if s.label_ in PEOPLE and len(s) > 1)
    names: dict[str, str] = {}  # one person's forces keep the name they were first given
    found = []
    for head in tokens_of(doc):
        if head.lower_ not in LOYAL_HEADS or head.i in spans_at:
            continue
        leader = loyal_leader(head, spans_at, surnames)
        if leader is None:
            continue
        titles = _titles_of(leader, spans)
        if titles & HEAD_OF_STATE_TITLES:
            found.append(set_span(Span(doc, head.i, head.i + 1, label="Force"), "government forces",
                                  "force-phrase:generic"))
            continue
        if leader.label_ == "Organization":  # "Gul Agha Sherzai's forces": a person the NER took for a body
            words = [t for t in leader if t.lower_ not in ("'s", "\u2019s")]
            leader = retype(leader, "Person", " ".join(t.text for t in words), "loyal-forces",
                            end=words[-1].i + 1)
            found.append(leader)
        found.append(_leaders_forces(doc, head.i, head.i + 1, leader, spans, names, "loyal-forces"))
    return found


def _leaders_forces(doc: Doc, start: int, end: int, leader: Span, spans: list[Span], names: dict[str, str],
                    origin: str) -> Span:
    """Tokens ``start:end`` as the forces of ``leader``: "X's forces" as the article writes it, else by his fullest
    name; a Force when he holds a military rank (else an armed group); the forces of one leader keep the name first
    given (in ``names``)."""
    fullest, written = f"{_fullest_name(leader, spans)}'s forces", f"{_last_word(leader).text}'s forces"
    # the name as the article writes it, if it does ("Haftar's forces" after "forces loyal to Khalifa Haftar")
    name = names.setdefault(_surname(leader), written if written in doc.text and fullest not in doc.text else fullest)
    label = "Force" if _titles_of(leader, spans) & MILITARY_RANKS else "ArmedGroup"
    return set_span(Span(doc, start, end, label=label), name, origin)


#: What fighters named by their side may be called: "pro-Russian separatists", "pro-Gadhafi troops".
ALLEGIANCE_HEADS = LOYAL_HEADS | {"separatists", "rebels", "militants", "insurgents", "paramilitaries"}


def allegiance_phrases(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """Fighters named by the side they take. 'pro-Russian separatists': one armed group, named as the guidelines
    name it, "pro-Russian separatists"; 'pro-Gadhafi troops', after the article has named Gadhafi: his forces, as
    'forces loyal to Gadhafi' are (a head of state's are the government forces). Not 'Russian-backed separatists':
    the annotated reports name those by their own name, or not at all."""
    found: list[Span] = []
    names: dict[str, str] = {}
    people = [s for s in spans if s.label_ in PEOPLE]
    for head in tokens_of(doc):
        if head.lower_ not in ALLEGIANCE_HEADS or head.i < 3 or doc[head.i - 2].text != "-" \
                or doc[head.i - 3].lower_ != "pro":
            continue
        side_word = doc[head.i - 1]
        start, end = head.i - 3, head.i + 1  # "pro - Russian separatists"
        adjective = side_word.text if side_word.text in gaz.adjectives else adjective_of(side_word.text, gaz)
        if adjective is not None and head.lower_ not in NATIONAL_FORCE_HEADS:
            found.append(set_span(Span(doc, start, end, label="ArmedGroup"), f"pro-{adjective} {head.lower_}",
                                  "allegiance"))
            continue
        leader = next((p for p in people if p[-1].lower_ == side_word.lower_ and p.start != side_word.i), None)
        if leader is None:
            continue
        if _titles_of(leader, spans) & HEAD_OF_STATE_TITLES:
            found.append(set_span(Span(doc, start, end, label="Force"), "government forces", "force-phrase:generic"))
        else:
            found.append(_leaders_forces(doc, start, end, leader, spans, names, "allegiance"))
    return found


def loyal_leader(head: Token, spans_at: dict[int, Span], surnames: frozenset[str] = frozenset()) -> Span | None:
    """The person a body of fighters belongs to: 'Haftar's forces', 'forces loyal to Gen. Khalifa Haftar'
    (a person's span, or one of ``surnames``)."""
    def person(token: Token) -> Span | None:
        span = spans_at.get(token.i)
        if span is not None and (span.label_ in PEOPLE or span.text.lower() in surnames or _person_shaped(span)):
            return span
        if token.lower_ in surnames and token.pos_ == "PROPN":
            # "The assault on Bor by Machar's forces": the known surname, which the NER ran into another name (that
            # a place known took from it)
            return Span(token.doc, token.i, token.i + 1, label="Person")
        return None

    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    # ("battled troops loyal to X": the parser may hang "loyal" on the verb, beside the troops)
    beside = [after] if after is not None and after.lower_ == "loyal" and after.head == head.head != head else []
    for child in [*head.children, *beside]:
        if child.dep_ == "poss" and person(child) is not None:
            return person(child)
        if child.lower_ == "loyal" and (child.dep_ == "amod" or child in beside) \
                or child.dep_ == "prep" and child.lower_ == "under":
            # "forces loyal to X", "militiamen under X", "fighters under the command of X"
            objects = [t for to in [child, *child.children] if to.dep_ == "prep" and to.lower_ in ("to", "under")
                       for t in to.children if t.dep_ == "pobj"]
            objects += [t for o in objects if o.lemma_ == "command" for of in o.children if of.lower_ == "of"
                        for t in of.children if t.dep_ == "pobj"]
            objects += [t for o in objects if o.pos_ == "NOUN" for t in o.children if t.dep_ == "appos"]
            # ("forces loyal to the veteran commander Ismail Khan": the name set beside the role)
            people = [person(t) for t in objects if person(t) is not None]
            if people:
                return people[0]
    return None


def _person_shaped(span: Span) -> bool:
    """'Gul Agha Sherzai' that the NER took for a body: two to four capitalised words, none a body's word."""
    words = [t for t in span if t.lower_ not in ("'s", "\u2019s")]
    return span.label_ == "Organization" and span_origin(span) == "ner" and 2 <= len(words) <= 4 \
        and all(t.is_title and t.is_alpha for t in words) \
        and not any(t.lower_ in ORGANISATION_OR_FORCE_WORDS for t in words)


def _surname(person: Span) -> str:
    """The last word of a person's name, lower case."""
    return _last_word(person).lower_


def _last_word(person: Span) -> Token:
    """The last word of a person's name (not the "'s" the NER may have taken into it: "Khalifa Haftar's forces")."""
    return person[-1] if person[-1].tag_ != "POS" or len(person) == 1 else person[-2]


def _same_person(span: Span, person: Span) -> bool:
    """A mention of ``person``: its name, or its surname alone ("Hadi"), not another of that surname ("Tareq
    Saleh" is not "Ali Abdullah Saleh")."""
    return span.label_ in PEOPLE and (span.text == person.text or _surname(span) == _surname(person) and (
        len(span) == 1 or len(person) == 1))


def _fullest_name(person: Span, spans: list[Span]) -> str:
    """'Murad's forces' after 'Haidar Murad': the person's longest name in the article."""
    return max((plain_name(s) for s in [person, *spans] if _same_person(s, person)), key=len)


def _titles_of(person: Span, spans: list[Span]) -> set[str]:
    """The titles before any mention of a person in the article ('President Abd-Rabbu Mansour Hadi' ...
    'Hadi'); 'Prime Minister' is a premier."""
    doc = person.doc
    titles = set()
    for span in spans:
        if _same_person(span, person) and span.start > 0:
            before, title_start = doc[span.start - 1].lower_, span.start - 1
            if before == "minister" and span.start > 1 and doc[span.start - 2].lower_ == "prime":
                before, title_start = "premier", span.start - 2
            if before == "president" and span.start > 1 and doc[span.start - 2].lower_ in ("vice", "deputy"):
                before, title_start = "vice president", span.start - 2  # "former Vice President Riek Machar"
            if title_start > 0 and doc[title_start - 1].lower_ in ("former", "late", "ousted", "deposed", "ex"):
                before = f"former {before}"  # "army units loyal to former President Saleh": no government's
            titles.add(before)
    return titles


# ----- governments, ministries, councils
def government_phrases(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    spans_at = {i: s for s in spans for i in range(s.start, s.end)}
    found = []
    for token in tokens_of(doc):
        lower = token.lower_
        if lower == "government" and token.pos_ in ("NOUN", "PROPN"):
            owner = _owner_country(doc, token, spans_at, gaz)
            if owner is not None:
                adjective, start, end = owner
                found.append(set_span(Span(doc, start, end, label="Organization"), f"{adjective} government", "government"))
            elif (region := _region_before(doc, token, spans_at)) is not None:
                stem = re.sub(r" (Province|State|Region)$", "", name_of(region))  # ("Anbar", not "Anbar Province")
                name = f"{stem} {doc[token.i - 1].lower_} government"  # "the Amhara regional government"
                found.append(set_span(Span(doc, region.start, token.i + 1, label="Organization"), name, "government"))
        elif lower == "ministry" and not (token.i in spans_at and span_origin(spans_at[token.i]) == "gazetteer"):
            span = _ministry_span(doc, token)
            if span is not None:
                found.append(set_span(span, ministry_name(span, gaz), "ministry"))
        elif lower == "council" and token.i > 0 and doc[token.i - 1].lower_ == "provincial":
            start = token.i - 1
            place = None
            if start >= 2 and doc[start - 1].lower_ in ("'s", "\u2019s") and doc[start - 2].i in spans_at:
                place = spans_at[doc[start - 2].i]
            elif start >= 1 and doc[start - 1].i in spans_at:
                place = spans_at[doc[start - 1].i]
            if place is not None and place.label_ in PLACE_TYPES:
                name = plain_name(place)
                stem = name[: -len(" Province")] if name.endswith(" Province") else name
                found.append(set_span(Span(doc, place.start, token.i + 1, label="Organization"),
                                  f"{stem} Provincial Council", "council"))
            else:
                found.append(set_span(Span(doc, start, token.i + 1, label="Organization"), "provincial council", "council"))
    return found


def _region_before(doc: Doc, government: Token, spans_at: dict[int, Span]) -> Span | None:
    """'the Amhara regional government', 'the Borno state government': the region named right before 'regional',
    'state' or 'provincial government' (a body of its own, not the region)."""
    if government.i < 2 or doc[government.i - 1].lower_ not in ("regional", "state", "provincial"):
        return None
    region = spans_at.get(government.i - 2)
    return region if region is not None and region.label_ == "Province" and region.end == government.i - 1 else None


def _owner_country(doc: Doc, token: Token, spans_at: dict[int, Span], gaz: Gazetteer) -> tuple[str, int, int] | None:
    """'Afghan government', 'Iraq's government', 'government of Iraq' -> (the country's adjective, start,
    end of the phrase); None when the word 'government' names no country."""
    prev = doc[token.i - 1] if token.i > 0 else None
    two = _two_word_adjective(doc[token.i - 2], gaz) if token.i > 1 else None
    if two is not None:  # "the South Sudanese government" (not Sudan's)
        return adjective_of(gaz.adjectives[two], gaz) or two, token.i - 2, token.i + 1
    if prev is not None and prev.text in gaz.adjectives:
        return adjective_of(gaz.adjectives[prev.text], gaz) or prev.text, prev.i, token.i + 1
    country = None
    if prev is not None and prev.lower_ in ("'s", "\u2019s") and token.i >= 2:
        country = spans_at.get(token.i - 2)
        start, end = (country.start, token.i + 1) if country is not None else (0, 0)
    elif token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":
        country = spans_at.get(token.i + 2)
        start, end = (token.i, country.end) if country is not None else (0, 0)
    if country is None or country.label_ != "Country":
        return None
    adjective = adjective_of(name_of(country), gaz)
    return (adjective, start, end) if adjective else None


def _ministry_span(doc: Doc, token: Token) -> Span | None:
    """'defense ministry', 'Ministry of Defense', 'the Interior Ministry' around the word 'ministry'."""
    if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of" and doc[token.i + 2].lower_ in MINISTRY_TOPICS:
        return Span(doc, token.i, token.i + 3, label="Organization")
    if token.i > 0 and doc[token.i - 1].lower_ in MINISTRY_TOPICS:
        start = token.i - 1
        if start > 0 and doc[start - 1].pos_ in ("ADJ", "PROPN") and doc[start - 1].is_title:
            start -= 1  # "the Russian Defense Ministry"
        return Span(doc, start, token.i + 1, label="Organization")
    return None


def ministry_name(span: Span, gaz: Gazetteer) -> str:
    topic = next((MINISTRY_TOPICS[t.lower_] for t in span if t.lower_ in MINISTRY_TOPICS), None)
    if topic is None:
        return plain_name(span)
    owner = next((t.text for t in span if t.text in gaz.adjectives), None)
    doc = span.doc
    if owner is None and span.start >= 2 and doc[span.start - 1].lower_ in ("'s", "\u2019s"):
        country = gaz.lookup(doc[span.start - 2].text)  # "Russia's Defense Ministry"
        if country is not None and country[0] == "Country":
            owner = adjective_of(country[1]["name"], gaz)
    return f"{owner} Ministry of {topic}" if owner else f"Ministry of {topic}"
