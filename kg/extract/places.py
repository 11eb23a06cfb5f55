"""Typing rules for places described by the words around them: 'Sangin district', 'the town of X',
'the province of the same name', and one type for a place throughout an article."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token
from .gazetteer import Gazetteer, known_span, links_of
from .lexicon import (DISTRICT_WORDS, HYPHEN_LINKS, NEIGHBOURHOOD_WORDS, PLACE_PREPOSITIONS, PROVINCE_WORDS,
                      SAME_NAME_KINDS, TAKING_FROM_VERBS, TOWN_WORDS)
from .spans import (first_conjunct, in_headline, indefinite_town, member_list_noun, names_listed_before, one_of_several,
                    plain_name, ranked_town, retype, set_canonical, set_origin, set_span, span_canonical, span_links, span_origin,
                    tokens_of)


#: made once: they are tested for every token
DISTRICT_LIKE = DISTRICT_WORDS | NEIGHBOURHOOD_WORDS
DISTRICT_OR_PROVINCE = DISTRICT_LIKE | {"province", "prefecture"}  # (Japan's first-level units: "Oita Prefecture")


def district_name(stem: str, kind: Token) -> str:
    """A district's name as news writes it before the kind word ``kind``: bare ("Sangin district"), but a US
    county with the word ("Harris County")."""
    return f"{stem} County" if kind.text == "County" else stem


def place_words(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """'Sangin district', 'Qala-e-Zal District', 'Takhar province' where the NER saw no name."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    named_words = {t.text for t in tokens_of(doc) if t.pos_ == "PROPN" and t.is_title}  # names anywhere in it
    found = []
    for token in tokens_of(doc):
        if token.lower_ in TOWN_WORDS and token.i not in taken:
            named = _name_after_of(doc, token, taken) or _name_before_town(doc, token, taken, named_words, gaz)
            if named is not None:  # "the town of Damasak", "Macomia town", where the NER saw no name
                found.append(set_span(Span(doc, named.start, named.end, label="City"), named.text, "place-word"))
            continue
        if not (token.lower_ in DISTRICT_OR_PROVINCE or token.text == "region") or token.i == 0 or token.i in taken:
            continue
        # "the region of Kurdistan in Iraq" is rare and "the Kurdistan region of Iraq" common: a region's name
        # comes before the word, never after
        named = None if token.text == "region" or one_of_several(token) else _name_after_of(doc, token, taken)
        if named is not None:  # "the district of Qala-e-Zal"
            found.append(set_span(named, named.text, "place-word") if token.lower_ in DISTRICT_LIKE else
                         set_span(Span(doc, named.start, named.end, label="Province"), f"{named.text} Province", "place-word"))
            continue
        start = token.i
        while start > 0 and (doc[start - 1].is_title or (doc[start - 1].text == "-" and not doc[start - 1].whitespace_)
                             or (doc[start - 1].text in HYPHEN_LINKS and start >= 2 and doc[start - 2].text == "-")
                             or links_name(doc, start - 1)) and doc[start - 1].i not in taken:
            start -= 1
        while start < token.i and not (doc[start].is_title or links_name(doc, start)):
            start += 1  # "the al-Karim neighborhood" keeps its "al-"
        if start == token.i or doc[start].is_sent_start and doc[start].pos_ != "PROPN":
            continue
        name = doc[start: token.i].text
        if in_headline(doc[start: token.i]) or name in gaz.adjectives or doc[token.i - 1].pos_ not in ("PROPN", "NOUN"):
            continue
        if token.lower_ in DISTRICT_LIKE:
            found.append(set_span(Span(doc, start, token.i + 1, label="District"), district_name(name, token),
                                  "place-word"))
        else:  # "Takhar province", "the Fezzan region" (a region keeps its own kind word)
            entry = gaz.province_named(name)
            found.append(set_span(Span(doc, start, token.i + 1, label="Province"),
                              entry["name"] if entry else f"{name} {_province_kind(token)}",
                              "place-word",
                              links_of(entry) if entry else {}))
    return found


def _province_kind(token: Token) -> str:
    """The kind word a first-level unit's label ends in: "Takhar Province", "the Fezzan region", "Oita Prefecture"."""
    return "region" if token.text == "region" else "Prefecture" if token.lower_ == "prefecture" else "Province"


def _name_before_town(doc: Doc, token: Token, taken: set[int], named_words: set[str], gaz: Gazetteer) -> Span | None:
    """'Macomia town', 'Kunduz city': the capitalised name before a lower-case town word (not 'Gaza City', a name);
    a word the parser took for an adjective counts when the article writes it as a name elsewhere ('Macomia
    district')."""
    if not token.is_lower or token.i == 0 or token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of":
        return None  # "the Chinese city of Kunming": the name comes after
    start = token.i
    while start > 0 and doc[start - 1].is_title and start - 1 not in taken and (
            doc[start - 1].pos_ == "PROPN" or doc[start - 1].text in named_words):
        start -= 1
    name = doc[start:token.i]
    if start == token.i or name.text in gaz.adjectives or doc[start].is_sent_start and len(name) == 1 \
            and doc[start].pos_ != "PROPN":
        return None  # not "the Syrian city"
    return name


def links_name(doc: Doc, i: int) -> bool:
    """Token ``i`` is the "al-" of "al-Dular": a linking word joined by a hyphen to a capitalised name."""
    return i + 2 < len(doc) and doc[i].lower_ in HYPHEN_LINKS and doc[i + 1].text == "-" and doc[i + 2].is_title \
        and not doc[i].whitespace_ and not doc[i + 1].whitespace_


def _name_after_of(doc: Doc, token: Token, taken: set[int]) -> Span | None:
    """The capitalised (maybe hyphenated) name in 'district of <name>', or None."""
    i = token.i + 2
    linked = links_name(doc, i)
    if i >= len(doc) or doc[token.i + 1].lower_ != "of" or not (doc[i].is_title or linked) or i in taken:
        return None  # "the district of Qala-e-Zal", "the neighborhood of al-Dular"
    end = i + 3 if linked else i + 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and (
            doc[end + 1].is_title or doc[end + 1].text in HYPHEN_LINKS):
        end += 2
    while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and end not in taken:
        end += 1
    if any(k in taken for k in range(i, end)):
        return None
    return Span(doc, i, end, label="District")


# ----- descriptions of places
def same_name_provinces(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """'the province (region, state) of the same name' stands for '<the city just named> Province'."""
    found = []
    for token in tokens_of(doc):
        kind = SAME_NAME_KINDS.get(token.lower_)
        if kind is None or doc[token.i + 1: token.i + 5].text.lower() != "of the same name":
            continue
        city = next((s for s in reversed(spans) if s.end <= token.i and s.label_ in ("City", "District")), None)
        if city is None:
            continue
        stem = plain_name(city)
        stem = span_canonical(city) or stem
        entry = gaz.province_named(stem)
        start = token.i - 1 if token.i > 0 and doc[token.i - 1].lower_ == "the" else token.i
        found.append(set_span(Span(doc, start, token.i + 5, label="Province"),
                          entry["name"] if entry else f"{stem} {kind}", "description",
                          links_of(entry) if entry else {}))
    return found


def demonym_capital_countries(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """'Riyadh, the Saudi capital': the adjective names the country whose capital the city is, and the country is
    an entity there even where the article never spells out its name (kg.extract.roles reads the capitalOf)."""
    named = {span_canonical(s) or plain_name(s) for s in spans if s.label_ == "Country"}
    found = []
    for token in tokens_of(doc):
        if token.lower_ != "capital" or token.i < 1 or not _beside_a_city(token, spans):
            continue
        adjective = doc[token.i - 1]
        country = gaz.adjectives.get(adjective.text)
        if country is None or country in named or adjective.dep_ not in ("amod", "compound"):
            continue
        known = gaz.lookup(country)
        if known is not None and known[0] == "Country":
            found.append(known_span(doc, adjective.i, adjective.i + 1, known))
            named.add(country)
    return found


def _beside_a_city(noun: Token, spans: list[Span]) -> bool:
    """'the Saudi capital, Riyadh', 'the Iraqi capital Baghdad', 'Kabul, the Afghan capital': a city named right
    after the noun or right before its phrase (a capital named nowhere gives the country no mention to stand on)."""
    doc = noun.doc
    after = noun.i + 2 if noun.i + 1 < len(doc) and doc[noun.i + 1].text == "," else noun.i + 1
    start = noun.left_edge.i
    return any(s.label_ == "City" and (s.start == after or s.end == start - 1 and doc[s.end].text == ",")
               for s in spans)


#: Bearings before "of": "35 kilometers northeast of Kurtunwarey" names a place.
BEARINGS = frozenset(f"{a}{b}" for a in ("", "north", "south") for b in ("", "east", "west") if a or b) | frozenset(
    f"{a}-{b}" for a in ("north", "south") for b in ("east", "west"))
#: Prepositions before a list of places: "ousted them from Hajin, Sousa and al-Shafaa" (lexicon's prepositions of
#: where a name is, and those of movement and position).
LISTED_PLACE_PREPOSITIONS = PLACE_PREPOSITIONS | {"from", "to", "across", "of", "at", "between", "inside", "through",
                                                  "on", "among"}  # ("villages ..., among them A and B")
#: Plural place nouns before "of": "the towns of Mayadin and Albu Kamal".
TOWNS_OF = {"towns": "City", "cities": "City", "villages": "City", "districts": "District", "communities": "City",
            "settlements": "City", "hamlets": "City", "residents": "City", "inhabitants": "City"}  # "residents of A,
# B and C"


#: Verbs whose list of objects, with a place among them, is a list of places: "took A, B and C", "control A and B".
LISTING_VERBS = TAKING_FROM_VERBS | {"control", "hold"}


def places_by_company(spans: list[Span]) -> list[Span]:
    """Names the NER took for people or bodies where the sentence places them: coordinated with places only
    ('from Hajin, Sousa and al-Shafaa', 'districts such as Sangin and Musa Qala'), after a bearing ('northeast of
    Kurtunwarey') or a plural place noun ('the towns of Mayadin and Albu Kamal')."""
    at = {i: s for s in spans for i in range(s.start, s.end)}
    out = []
    for span in spans:
        guessed = span_origin(span) == "ner" and span.label_ in ("Person", "Organization")
        kind = _place_kind_around(span, at) if guessed or span.label_ == "City" else None
        if span.label_ == "City" and kind != "District":
            kind = None  # a town stays one unless the text lists it among districts (a list's town and district
            # often share a name: "Helmand's districts, among them Nawa")
        if (guessed or span.label_ == "City" and span_origin(span) in ("ner", "place-role")) and kind is None \
                and _holds_a_town(span):
            kind = "Province"  # "Doel, a village in East Flanders", "Swat's largest city": a name the NER guessed,
            # larger than a town
        out.append(retype(span, kind, plain_name(span), "place-company") if kind else span)
    return out


def towns_before_their_state(spans: list[Span]) -> list[Span]:
    """'Savannah, Ga.', 'Orange, Ohio': a name right before a comma and a state or province of another country
    than the gazetteer gave it (or none) is a town of that state, whatever a list of other countries' regions or
    the NER said."""
    out = list(spans)
    for i, (span, state) in enumerate(zip(spans, spans[1:])):
        doc = span.doc
        beside = state.start == span.end + 1 and doc[span.end].text == ","
        if not beside or state.label_ != "Province":
            continue  # (the cheap tests first: most pairs of names are no town and its state)
        region = (span_links(state) or {}).get("country")
        closed = state.end == len(doc) or doc[state.end].is_punct and doc[state.end].text != "-"  # not a list:
        # "Rio Grande do Sul, Nova Scotia and Cabo Delgado"
        if not (beside and closed and state.label_ == "Province" and region
                and (span.label_ == "Province" and len(span) == 1 or span.label_ == "Organization")):
            continue  # "Rio Grande do Sul, Nova Scotia, and ...": two states named in full
        if (span_links(span) or {}).get("country") not in (None, region) or span_origin(span) == "ner":
            out[i] = retype(span, "City", plain_name(span), "place-company")
    return out


def _holds_a_town(span: Span) -> bool:
    """'Doel, a village in East Flanders', 'Mingora, the largest city in Swat', 'Swat's main town': what a town
    described as such is in (not 'the town of X', which is the town)."""
    root = span.root
    if root.dep_ == "poss":
        return ranked_town(root.head)
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ not in ("in", "of"):
        return False
    doc = span.doc
    if preposition.lower_ == "in" and preposition.i >= 2 and doc[preposition.i - 1].text == "," \
            and doc[preposition.i - 2].ent_type_ in ("GPE", "LOC") and span.end < len(doc) and doc[span.end].text == ",":
        return True  # "In Bamberg, in Upper Franconia, ...": where the town is, between commas
    noun = preposition.head
    described = preposition.lower_ == "in" and noun.dep_ == "appos" and indefinite_town(noun)
    return described or ranked_town(noun)


def _place_kind_around(span: Span, at: dict[int, Span]) -> str | None:
    root = span.root  # (worked out anew on every access)
    first = first_conjunct(root)  # "the towns of A and B": B too
    listing = member_list_noun(first)  # "Helmand's districts, among them A and B"
    if listing is not None and listing.lower_ in TOWNS_OF:
        return TOWNS_OF[listing.lower_]
    if first.dep_ == "pobj" and first.head.lower_ in ("of", "as", "including"):
        before = first.head.head
        if first.head.lower_ == "of" and before.lower_ in BEARINGS and before.i == first.head.i - 1:
            return "City"
        if before.lower_ in TOWNS_OF and not names_listed_before(before):  # "the towns of", "districts such as", "villages
            # including" (not "the Kafouri and Shambat districts of X", which X holds)
            return TOWNS_OF[before.lower_]
        if before.lemma_.lower() in ("center", "centre") and any(
                c.dep_ == "compound" and c.lower_ == "district" for c in before.children):
            return "District"  # "the district centers of Chahar Bolak and Kaldar": those districts
    described = next((TOWNS_OF[c.lower_] for t in (first, *first.conjuncts) for c in t.children
                      if c.dep_ == "appos" and c.lower_ in TOWNS_OF), None)
    if described is not None and first.conjuncts:
        return described  # "Pulka and Ashigashiya, villages in the Gwoza area"
    listed = first.dep_ == "pobj" and first.head.lower_ in LISTED_PLACE_PREPOSITIONS or first.dep_ == "dobj" \
        and first.head.lemma_.lower() in LISTING_VERBS  # "has since taken Pauktaw, Minbya and Myebon"
    if not listed:
        return None  # "Kabul and Ashraf Ghani were named": only a list of where things happen or what is taken
    if not any(c.dep_ == "cc" for t in (first, *first.conjuncts) for c in t.children):
        return None  # "a spokesman in Aleppo, Abu Firas al-Halabi, said": no "and", no list; a name beside a place
    others = [at[t.i] for t in root.conjuncts if t.i in at and at[t.i] is not span]
    kinds = {o.label_ for o in others if not _doubtful(o)}
    if len(kinds) == 1 and next(iter(kinds)) in ("City", "District", "Province"):
        return next(iter(kinds))
    return None


def _doubtful(span: Span) -> bool:
    """A name only the NER typed as a person or a body: its company may say what it is."""
    return span.label_ in ("Person", "Organization") and span_origin(span) in ("ner", "place-company")


#: Party letters before a US state after a lawmaker's name: "Sen. Ellen Brandt, D-Ohio", "(R-Pa.)".
PARTY_LETTERS = {"D", "R", "I"}


def party_state_at(doc: Doc, i: int) -> bool:
    """Token ``i`` starts the state of a "D-Ohio" after a name and a comma or bracket."""
    return (i >= 3 and doc[i - 1].text == "-" and doc[i - 2].text in PARTY_LETTERS
            and doc[i - 3].text in (",", "(") and not doc[i - 1].whitespace_)


def party_states(doc: Doc, gaz: Gazetteer) -> list[Span]:
    """'Sen. Ellen Brandt, D-Ohio,': the state a US lawmaker represents (kg.extract.roles reads the office)."""
    found = []
    for token in tokens_of(doc):
        if not party_state_at(doc, token.i):
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].text not in (",", ")", ".") and end - token.i < 3:
            end += 1
        known = gaz.lookup(doc[token.i:end].text)
        if known is not None and known[0] == "Province":
            found.append(known_span(doc, token.i, end, known))
    return found


def propagate_places(spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """A name the article calls a district, a town (or an unknown province) is one everywhere in the article,
    also where the NER took it for a person or an organisation."""
    districts = {span_canonical(s) for s in spans if s.label_ == "District"}
    named_provinces = (span_canonical(s) for s in spans if s.label_ == "Province" and span_origin(s) == "place-word")
    provinces = {canonical[: -len(word)]: canonical for canonical in named_provinces
                 for word in PROVINCE_WORDS if canonical.endswith(word)}
    # "a cathedral city in east Kent": a region that holds a town is one where the NER or a role made it a town
    holders = {plain_name(s) for s in spans if s.label_ == "Province" and span_origin(s) == "place-company"}
    people = {plain_name(s) for s in spans if s.label_ == "Official"}  # "Houston said" after "Chief Houston"
    towns = {plain_name(s) for s in spans
             if s.label_ == "City" and span_origin(s) in ("place-word", "apposition", "place-company", "place-role")
             and plain_name(s) not in people}
    out = []
    for span in spans:
        name = plain_name(span)
        retypable = span.label_ in ("City", "Person", "Organization") and span_origin(span) != "gazetteer"
        described_town = span.label_ == "City" and span_origin(span) in ("place-word", "apposition")
        if retypable and name in districts and not described_town:  # "Hpapun, the capital of Hpapun district"
            span = retype(span, "District", name, "place-word")
        elif retypable and name in provinces and not described_town:  # "In Nabatieh, the capital of Nabatieh
            # Governorate": a town
            span = retype(span, "Province", provinces[name], "place-word")
        elif span.label_ == "City" and span_origin(span) in ("ner", "place-role", "headline") and name in holders:
            span = retype(span, "Province", name, "place-company")
        elif retypable and span.label_ != "City" and name in towns:
            span = retype(span, "City", name, "place-word")
        out.append(span)
    return _named_apart_from_towns(out)


#: The origin of a region's name that keeps its kind word to tell it from its town ("Hpapun district").
NAMED_APART = "named-apart"


def _named_apart_from_towns(spans: list[Span]) -> list[Span]:
    """A town and its district or province of one name are two places: the region keeps its kind word in its
    name ('Hpapun, the capital of Hpapun district'; 'Liège' and 'the province of Liège')."""
    towns = {span_canonical(s) for s in spans if s.label_ == "City"}
    written = {}  # "Beni territory": the kind word the text gives the district
    for span in spans:
        if span.label_ == "District" and plain_name(span) != span_canonical(span):
            written.setdefault(span_canonical(span), plain_name(span))
    for span in spans:
        name = span_canonical(span) or ""
        if span.label_ == "District" and name in towns:
            set_canonical(span, written.get(name, f"{name} district"))
            set_origin(span, NAMED_APART)
        elif span.label_ == "Province" and name.endswith(" Province") and name[: -len(" Province")] in towns \
                and span_origin(span) != "gazetteer":
            set_origin(span, NAMED_APART)
    return spans
