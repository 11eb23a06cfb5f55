"""The ``kg_entity_typer`` component: every entity gets one of the nine ontology types and a canonical
name, from its NER label, its own words and its context; what is neither actor nor place is dropped."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from ..model import ENTITY_TYPES, STATE_BODY_NOUNS
from .forces import allegiance_phrases, extend_national_forces, hyphened_commands, adjective_of, coalitions, demonym_actors, force_phrases, government_phrases, groups_named_before_fighters, home_forces, loyal_forces, ministry_name, one_coalition
from .gazetteer import Gazetteer, GazetteerComponent, known_span, links_of
from .lexicon import ARMED_SERVICES, SURNAME_PARTICLES, PLACE_TYPES, LOCAL_SEAT_OFFICES, MAYORAL_DISTRICT_WORDS, MINISTRY_TOPICS, PORTFOLIO_WORDS, APPOSITION_KINDS, APPOSITION_KINDS_PLURAL, ARMED_GROUP_HEADS, GANG_HEADS, DISTRICT_WORDS, EQUIPMENT, ETHNONYMS, FIGHTER_WORDS, FORCE_NAME_HEADS, GROUP_WORDS, HYPHEN_LINKS, MONTHS_AND_DAYS, NEIGHBOURHOOD_WORDS, NER_TO_TYPE, NOT_ACTOR_PLACES, NOT_PERSON_WORDS, ORGANISATION_OR_FORCE_WORDS, PLACE_KIND_WORDS, PEOPLE_TAKING_VERBS, PLACE_PREPOSITIONS, PLACE_TAKING_VERBS, PLURAL_KINDS, PROVINCE_KIND_WORDS, REBEL_WORDS, ROLE_WORDS, SETTLEMENT_NOUNS, SPACED_LINKS, TITLE_ABBREVIATIONS
from .people import (REGNAL_NUMERALS, bodies_after_roles, bylines, employers_before_titles, has_role, nicknames, officials, role_apposed,
                     surnames, unnamed_officials)
from .places import (BEARINGS, district_name, links_name, party_states, place_words, places_by_company, propagate_places,
                     same_name_provinces, towns_before_their_state, demonym_capital_countries)
from .words import word_list
from .spans import (DATES_KEY, doc_memo, facility_name, glued_hyphen, headline_end_token, in_headline, longest_first, merge_phrases, name_of, one_of_several,
                    plain_name, ranked_town, retype, set_canonical, set_span, spaced_dash, span_canonical, span_links, title_dateline_dash,
                    span_origin, tokens_of)


class EntityTyper:
    """Give every entity one of the nine types and a canonical name; drop the rest."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.nlp = nlp

    def gazetteer(self) -> Gazetteer:
        """The data of the pipeline's kg_gazetteer (looked up, not copied: users' files load later)."""
        for _, component in self.nlp.pipeline:
            if isinstance(component, GazetteerComponent):
                return component.data
        return Gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        gaz = self.gazetteer()
        ner_ents = doc.ents  # made once: doc.ents makes new Span objects on every access, and is set only at the end
        ents = longest_first([fitted for whole in _join_seat_titles(doc, ner_ents)
                              for pair in _split_known_pair(whole, gaz)
                              for part in _split_person_of(pair, gaz) for span in _split_place_title(part, gaz)
                              if (fitted := _fit_name(_extend_spaced_link(_extend_hyphens(_extend_movement_name(
                                  _extend_person(span)))), gaz)) is not None])
        spans = _regions_everywhere([typed for span in ents if (typed := self._type(span, gaz)) is not None
                                     and not _adjective_before_noun(typed, gaz)])
        spans = merge_phrases(spans, place_words(doc, spans, gaz) + bylines(doc, spans) + _datelines(doc, spans, gaz)
                              + _places_by_apposition(doc, spans) + _towns_listed_after_kind(doc, spans)
                              + _places_by_slot(doc, spans, gaz) + _task_forces(doc, spans)
                              + _numbered_units(doc, spans) + _ordinal_units(doc, spans) + _groups_of_forces(doc, spans)
                              + _places_listed_before_kind(doc, spans, gaz)
                              + _groups_named_after_places(doc, spans))
        spans = sorted(spans + unnamed_officials(doc, spans), key=lambda s: s.start)
        spans = sorted(spans + employers_before_titles(doc, spans, gaz), key=lambda s: s.start)
        spans = _headline_mentions(doc, _headline_filter(doc, [_title_case_dateline(s) for s in spans]))
        spans = _body_names_cut_elsewhere(doc, _repeated_names(doc, spans))
        phrases = (force_phrases(doc, spans, gaz) + demonym_actors(doc, spans, gaz) + coalitions(doc, spans)
                   + groups_named_before_fighters(doc, spans, gaz) + loyal_forces(doc, spans) + allegiance_phrases(doc, spans, gaz)
                   + government_phrases(doc, spans, gaz) + same_name_provinces(doc, spans, gaz)
                   + demonym_capital_countries(doc, spans, gaz)
                   + party_states(doc, gaz) + _offices_of_a_title(doc) + bodies_after_roles(doc, spans, gaz))
        phrases += seated_bodies(spans) + islamic_state_branches(spans)
        phrases = [p for p in phrases if not in_headline(p)]  # Title Case there makes every noun a name
        spans = _repeated_body_names(doc, merge_phrases(spans, phrases))
        spans = hyphened_commands(doc, extend_national_forces(doc, spans))
        spans = _acronyms(doc, spans)
        spans = propagate_places(towns_before_their_state(places_by_company(spans)), gaz)
        spans = nicknames(surnames(spans))
        spans = officials(spans)
        home_forces(spans, gaz)
        one_coalition(spans)
        for span in spans:
            if span_canonical(span) is None:
                set_canonical(span, plain_name(span))
            if span_links(span) is None:
                span.doc.user_data[("._.", "kg_links", span.start_char, span.end_char)] = {}  # (spans.span_links)
        spans = _short_body_names(spans)
        # Dates and times the NER found are no entities, but events are dated by them (kg.extract.events).
        doc.spans[DATES_KEY] = [e for e in ner_ents if e.label_ in ("DATE", "TIME")]
        doc.ents = spans
        return doc

    def _type(self, span: Span, gaz: Gazetteer) -> Span | None:
        """Type one span from its NER label, its own words and its immediate context."""
        if span.label_ not in ENTITY_TYPES and len(span) == 1 and (span[0].lower_ in STATE_BODY_NOUNS or _army_speaks(
                span)):
            # "Junta spokesman X said": the article's own forces, as "the junta" would be (kg.extract.forces)
            return set_span(retype(span, "Force"), "government forces", "force-phrase:generic")
        span = _trim_titles(span)
        if span is not None and span.label_ == "ORG":
            span = _without_lowercase_lead(span)
        if span is None or _is_junk(span):
            return None
        span = _without_place_owner(span, gaz)
        trimmed = _without_portfolio(span, gaz)
        if trimmed is None or trimmed is not span and trimmed.label_ in ENTITY_TYPES:
            return trimmed  # nothing but a portfolio, or the place before it ("Alberta Energy Minister")
        span = trimmed
        if span.label_ not in ENTITY_TYPES and span.text.isupper() and len(span.text) > 3:
            known = gaz.lookup(span.text.title())  # "DOUALA, CAMEROON —": a dateline in capitals
            if known is not None and known[0] in ("Country", "City", "Province"):
                return known_span(span.doc, span.start, span.end, known)
        if span.label_ not in ENTITY_TYPES and _opens_dateline(span) and gaz.lookup(span.text.title()) is None:
            # "PERUGIA, Italy (AP) -": a name in capitals opening a paragraph before a larger place is where the
            # report was filed, a town, whatever the NER guessed
            return set_span(retype(span, "City"), span.text.title(), "dateline")
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        before = tokens_of(doc)[span.start - 2: span.start] if span.start >= 2 else None  # (no new Span)
        name = plain_name(span)
        seat = _seat_kind(span) if span.label_ == "PERSON" else None
        if seat is not None:  # "the district governor of Musa Qala, X,": the seat of an office
            return set_span(retype(span, seat), name, "place-role")
        if span.label_ in ENTITY_TYPES:
            typed = span
        else:
            label = NER_TO_TYPE.get(span.label_)
            if label == "City" and len(span) == 1 and span[0].is_upper and span[0].is_alpha and len(span[0].text) >= 3 \
                    and not _opens_paragraph(span) and not (span.start and span.doc[span.start - 1].is_upper):
                label = "Organization"  # "fighting between the FPRC and the UPC": an acronym the gazetteer does not
                # know is a body's (what it does may make it an armed group), hardly a town's (a dateline's capitals
                # are a town's: "THE HAGUE, Netherlands")
            # (the head before a unit's number: "Light Infantry Battalion 268", "Battalion No. 5")
            last = span[-1].lower_ if not span[-1].text.isdigit() else next(
                (t.lower_ for t in reversed(span) if t.is_alpha and t.lower_ not in ("no", "number")), span[-1].lower_)
            if last in ("'s", "\u2019s") and len(span) > 1:
                last = span[-2].lower_  # "the National Police's cadet school": the name before its possessive
            if span.label_ in ("ORG", "NORP", "GPE", "PERSON") and (last in ARMED_GROUP_HEADS
                                                                     or last in GANG_HEADS and len(span) > 1):
                label = "ArmedGroup"
            elif span.label_ in ("ORG", "NORP") and last == "front" and len(span) > 1 and not _political(span):
                label = "ArmedGroup"  # "the Eastern War Front", "the 10th Front", "the al-Nusra Front"
            elif span.label_ in ("ORG", "NORP", "GPE", "PERSON", "LOC") and _islamic_state_branch(span):
                # "ISIS-Mozambique", "Islamic State Central Africa Province": a branch, before "Province" says more
                return set_span(retype(span, "ArmedGroup"), plain_name(span), "ner")
            elif span.label_ == "ORG" and _forces_of(span):
                label = "Force"  # "the Armed Forces of the Philippines", "the Army of Niger"
            elif span.label_ in ("PRODUCT", "FAC", "EVENT", "WORK_OF_ART") and _task_force_name(span):
                label = "Force"  # "Task Force Southwest", which the NER takes for a product
            elif span.label_ in ("GPE", "LOC", "PERSON") and _named_region(span):
                # "the Southwest Region", "the Northwest Region", whatever place or person the NER guessed; a
                # name it took for an organisation stays one ("the Misrata Military Region")
                return set_span(retype(span, "Province"), gaz.province_label(plain_name(span)), "place-word")
            elif span.label_ in ("ORG", "NORP", "GPE") and (_rebel_group_name(span) and not _political(span)
                                                           or _local_defence_force(span, gaz)):
                label = "ArmedGroup"  # "Sudan Liberation Army", "Kachin Independence Organization", "National
                # Movement for the Liberation of Azawad"
            elif span.label_ in ("ORG", "GPE", "PERSON") and after is not None and after.lower_ in (
                    GROUP_WORDS | FIGHTER_WORDS | GANG_HEADS):
                label = "ArmedGroup"  # "the CSP-DPA rebel alliance", "the M23 militia"
            elif span.label_ in ("ORG", "NORP", "GPE") and len(span) > 1 and not (after is not None and after.lower_ == "party") and (
                    last in FORCE_NAME_HEADS or len(span) > 2 and span[-2].lower_ == "police"
                    and last in ("service", "department")  # "Ghana Police Service": police are a Force
                    or last == "unit" and any(t.lower_ in ARMED_SERVICES for t in span)):  # "Marine Expeditionary Unit"
                label = "Force"
            elif span.label_ == "ORG" and (_task_force(span) or span[0].text == "Operation" and len(span) > 1):
                label = "Force"  # "Combined Joint Task Force Operation Inherent Resolve", "Operation Barkhane"
            elif span.label_ in ("ORG", "GPE", "LOC") and span[-1].text in ("department", "prefecture") \
                    and len(span) > 1 and span[-2].is_title:  # "the Vantor department": not "the State Department"
                start = span.start + 1 if span[0].lower_ == "the" else span.start
                place = Span(doc, start, span.end, label="Province")
                return set_span(place, f"{doc[start:span.end - 1].text} {span[-1].text.capitalize()}", "place-word")
            elif span.label_ in ("ORG", "GPE", "LOC") and _district_by_its_kind(span):
                start = span.start + 1 if span[0].lower_ == "the" else span.start
                return set_span(Span(doc, start, span.end, label="District"), doc[start:span.end].text, "place-word")
            elif span.label_ == "ORG" and last in ("ministry",):
                return set_span(retype(span, "Organization"), ministry_name(span, gaz), "ministry")
            elif span.label_ == "ORG" and name.lower().startswith("government of "):
                country = gaz.lookup(name[len("government of "):])
                adjective = adjective_of(country[1]["name"], gaz) if country and country[0] == "Country" else None
                if adjective:
                    return set_span(retype(span, "Organization"), f"{adjective} government", "government")
            elif span.label_ in ("ORG", "GPE", "NORP") and _titled_name(span):
                label = "Official"
            elif span.label_ in ("ORG", "GPE", "NORP") and (named := _name_after_title(span)) is not None:
                return set_span(named, plain_name(named), "role")  # "King Felipe VI", taken for a body
            elif span.label_ == "ORG" and _named_as_leader(span, gaz):
                label = "Person"  # "the SLA faction led by Minni Minawi": a name that leads is a person's
            if span.label_ in ("GPE", "LOC", "ORG", "PERSON", "FAC") and span[-1].text == "State" and len(span) > 1 \
                    and span[0].lower_ not in ("islamic", "the") and not _rebel_name(span):
                # "Hirshabelle State", "Borno State": a federal state (the gazetteer has already taken "Islamic State")
                return set_span(retype(span, "Province"), plain_name(span), "place-word")
            if label is None and span.label_ == "LOC" and after is not None and after.lower_ in ("province", "district"):
                label = "City"
            if (span.label_ in ("GPE", "LOC", "ORG", "PERSON", "FAC") and last in VALLEY_WORDS and len(span) > 1
                    and span[-2].lower_ != "river" and not (after is not None and after.lower_ in DISTRICT_WORDS)):
                return set_span(retype(span, "Province"), plain_name(span), "place-word")  # "the Bekaa Valley"
            if span.label_ in ("GPE", "LOC", "ORG", "PERSON") and last in PLURAL_KINDS and len(span) > 1 \
                    and not any(t.lower_ == "of" for t in span):  # (not "the Organization of American States")
                # "Ituri Provinces" in "North Kivu and Ituri Provinces": the kind word is shared, the name is "Ituri"
                kind, canonical = _listed_kind(plain_name(doc[span.start: span.end - 1]), *PLURAL_KINDS[last], gaz)
                return set_span(Span(doc, span.start, span.end - 1, label=kind), canonical, "place-word")
            if span.label_ in ("GPE", "LOC", "ORG", "PERSON") and last in ("province", "district") and len(span) > 1:
                stem = doc[span.start: span.end - 1].text if span[0].lower_ != "the" else doc[span.start + 1: span.end - 1].text
                if last == "district":
                    return set_span(Span(doc, span.start, span.end, label="District"), stem, "place-word")
                entry = gaz.province_named(stem)
                return set_span(Span(doc, span.start, span.end, label="Province"),
                            entry["name"] if entry else f"{stem} Province", "place-word", links_of(entry) if entry else {})
            if label is None:
                return None
            typed = set_span(Span(doc, span.start, span.end, label=label), None, "ner")
        if typed.label_ in ("City", "Person", "Organization") and span_origin(typed) == "ner" and after is not None \
                and after.lower_ in ("town", "village", "city") and after.i + 2 < len(doc) \
                and doc[after.i + 1].lower_ == "of" and doc[after.i + 2].is_title:
            # "the Leyte town of Palo": a name before a town word and the town's own name is the region it is in (a
            # district where the article writes it so: "the Ancuabe village of Nanjua" in "Ancuabe district")
            if re.search(rf"\b{re.escape(name)} [Dd]istrict\b", doc.text):
                return retype(typed, "District", name, "place-word")
            return retype(typed, "Province", gaz.province_label(name), "place-word")
        if after is not None and after.is_lower and span_origin(typed) == "ner" and typed.label_ in ("Person", "Organization", "City"):
            # "Zarghun village"; not "the Burnet County town"
            if after.lower_ in ("village", "town") and typed[-1].lower_ not in PLACE_KIND_WORDS:
                return retype(typed, "City", name, "place-word")
            if after.lower_ in NOT_ACTOR_PLACES:
                return None  # "Zamzam camp", "Bagram airfield": neither actor nor one of the place types
        if after is not None and after.lower_ in ("'s", "\u2019s") and after.i + 1 < len(doc) and doc[after.i + 1].lower_ == "mayor" \
                and span_origin(typed) == "ner" and typed.label_ in ("Person", "Organization"):
            return retype(typed, "City", name, "place-word")  # "Schweinfurt's mayor, X,": a mayor's town
        if after is not None and after.text == "Mayor" and span_origin(typed) == "ner" \
                and typed.label_ in ("Person", "Organization"):  # "Brenley Mayor X": a mayor's town
            return retype(typed, "District" if typed[-1].lower_ in MAYORAL_DISTRICT_WORDS else "City", name, "place-word")
        kind = _apposition_kind(typed) if typed.label_ in ("Person", "Organization", "City", "Province") else None
        if kind is not None and kind != typed.label_ and (typed.label_ != "Province" or kind == "City") \
                and not (typed.label_ == "Province" and typed[-1].lower_ in PROVINCE_KIND_WORDS):
            # (not "Goma, the capital of North Kivu province, a city of a million people": the kind is in the name)
            # "Zaranj, the capital of Nimroz", "Dehdadi, a district in", "Canterbury, a cathedral city in Kent" (a
            # town of the name of a region the gazetteer knows elsewhere)
            return retype(typed, kind, name, "apposition")
        # "Kunduz province", "Sangin district", "Kunduz city": the following word says what the place is.
        if typed.label_ in ("City", "Province", "District", "Person", "Organization") and after is not None:
            if after.lower_ == "province" and typed.label_ != "Province":
                return retype(typed, "Province", gaz.province_label(name), "place-word", end=after.i + 1)
            if (after.lower_ in ("oblast", "governorate", "region", "state")
                    or after.text in ("department", "prefecture")) and typed.label_ in (
                        "City", "Person", "Organization"):
                # "Centre department" (Haiti, Colombia, France); not "the State Department". A department is
                # not the gazetteer's province of that name elsewhere (Cameroon's Centre Region).
                kind = after.text.capitalize()
                canonical = f"{name} {kind}" if kind in ("Department", "Prefecture") else gaz.province_label(name, kind)
                return retype(typed, "Province", canonical, "place-word", end=after.i + 1)
            title_after = after.i + 1 < len(doc) and doc[after.i + 1].lower_ in ROLE_WORDS  # "District Attorney X"
            # "Grbavica, a Sarajevo district": one district of the known town, which stays a town
            one_of_its = span.start > 0 and doc[span.start - 1].lower_ in ("a", "an") and span_origin(typed) != "ner"
            # "the Brussels district of Molenbeek": a known town before the word holds the district named after it
            # (not "the Ghormach district of Faryab province": a district of a province, named like its town)
            one_of_its = one_of_its or typed.label_ == "City" and span_origin(typed) == "gazetteer" \
                and after.i + 2 < len(doc) and doc[after.i + 1].lower_ == "of" and doc[after.i + 2].is_title \
                and (gaz.lookup(_title_run(doc, after.i + 2).text) or ("City",))[0] == "City"
            if (after.lower_ in DISTRICT_WORDS or after.text == "division") and not title_after and not one_of_its \
                    and typed.label_ in ("City", "Person", "Organization", "District"):  # "Mezam division"; not
                # "the 10th Division"
                return retype(typed, "District", district_name(name, after), "place-word", end=after.i + 1)
            if after.lower_ in NEIGHBOURHOOD_WORDS and typed.label_ in ("Person", "Organization", "District", "City"):
                if not _names_town_part(after):  # "the al-Shuhada neighborhood of southern Fallujah"
                    return retype(typed, "District", name, "place-word", end=after.i + 1)
                if typed.label_ != "City":  # "the Tarsa neighborhood of al-Wadiya": the town
                    return retype(typed, "City", name, "place-word")
            if after.lower_ == "city" and after.is_lower and typed.label_ in ("City", "Person", "Organization") \
                    and name not in gaz.adjectives:  # "the eastern Ukrainian city" is no city named Ukrainian
                return retype(typed, "City", span_canonical(typed) or name, "place-word", end=after.i + 1)
        if len(typed) > 1 and typed[-1].text == "County" and typed.label_ in ("City", "Person", "Organization"):
            return retype(typed, "District", plain_name(typed), "place-word")  # "Allen County", "Shelby County"
        if len(typed) > 3 and typed[-3:].text == "Local Government Area" and typed.label_ in ("Person", "Organization"):
            return retype(typed, "District", plain_name(typed), "place-word")  # Nigeria's: "the Gwoza Local Government Area"
        if before is not None and before[1].lower_ == "of" and typed.label_ not in ("Country",):
            word = before[0].lower_
            if word == "province" and typed.label_ != "Province":
                return retype(typed, "Province", gaz.province_label(name), "place-word")
            if word in ("region", "state", "governorate", "oblast") and before[0].is_lower \
                    and typed.label_ in ("City", "Person", "Organization"):
                entry = gaz.province_named(name)  # "the breakaway region of South Ossetia": the name as written
                return retype(typed, "Province", entry["name"] if entry else name, "place-word")
            named = before[0].i > 0 and doc[before[0].i - 1].pos_ == "PROPN" and gaz.lookup(doc[before[0].i - 1].text) is None
            # ("the Shambat district of X": X holds it; not "the Helmand district of Nad Ali", which is one)
            if word in ("district", "municipality") and typed.label_ not in ("District", "Province", "Country") and not named \
                    and not one_of_several(before[0]) \
                    or word in NEIGHBOURHOOD_WORDS and typed.label_ in ("Person", "Organization"):
                return retype(typed, "District", name, "place-word")
            if word in ("town", "city", "village", "port", "hamlet", "enclave", "hub") and typed.label_ in ("Person", "Organization", "City") \
                    and not ranked_town(before[0]):  # (not "the main town of Swat", which Swat holds)
                # "the coastal town of Harardhere", "the oil port of Ras Lanuf": said, not guessed (it types the
                # name's other mentions too)
                return retype(typed, "City", span_canonical(typed) or name, "place-word")
            # "the provincial capital of Lashkar Gah", "the capital of Sanaa": the name is the capital itself.
            provincial = span.start >= 3 and doc[span.start - 3].lower_ in ("provincial", "regional")
            national_capital = typed.label_ == "City" and _entry(typed, gaz).get("capital_of")
            if word == "capital" and typed.label_ in ("City", "Person", "Organization") and not (provincial or national_capital):
                return retype(typed, "Province", gaz.province_label(name), "capital-of")
        if typed.label_ in ("City", "Person", "Organization") and _owns_a_regional_capital(typed):
            entry = gaz.province_named(name)  # "Monywa, Sagaing's regional capital": Sagaing is the region here
            return retype(typed, "Province", entry["name"] if entry else gaz.province_label(name), "capital-of")
        if typed.label_ == "Person" and span_origin(typed) == "ner" and _owner_of_a_head_of_region(typed):
            return retype(typed, "Province", name, "place-role")  # "Galmudug's president, X": no person has one
        kind = _kind_named_after(typed)
        if kind is not None and typed.label_ in ("City", "Person", "Organization"):
            return retype(typed, *_listed_kind(name, *kind, gaz), "place-word")  # named as "Galmudug state" would be
        if _place_by_role(typed):
            return retype(typed, "City", name, "place-role")
        return typed


#: Offices whose holder heads a state or region: no person has one ("Galmudug's president").
HEAD_OF_REGION_OFFICES = {"president", "governor", "premier"}


def _owner_of_a_head_of_region(span: Span) -> bool:
    """'Galmudug's president, X', "Puntland's governor": the name owns the office of a state's or region's head
    (a country the gazetteer would know, so a name it does not is a region's)."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ not in ("'s", "\u2019s"):
        return False
    office = doc[span.end + 1]
    if office.lower_ == "vice" and span.end + 2 < len(doc):
        office = doc[span.end + 2]
    return office.lower_ in HEAD_OF_REGION_OFFICES


def _regions_everywhere(spans: list[Span]) -> list[Span]:
    """A name read as a region by the office it owns ("Galmudug's president") is the region wherever else the NER
    took it for a person ("Galmudug forces"), before the force phrases are read."""
    regions = {plain_name(s) for s in spans if s.label_ == "Province" and span_origin(s) == "place-role"}
    if not regions:
        return spans
    return [retype(s, "Province", plain_name(s), "place-role") if s.label_ == "Person" and span_origin(s) == "ner"
            and plain_name(s) in regions else s for s in spans]


def _owns_a_regional_capital(span: Span) -> bool:
    """'Sagaing's regional capital', 'Kunar's provincial capital': the owner of a region's capital is the region."""
    words = [t.lower_ for t in span.doc[span.end: span.end + 3]]
    return len(words) == 3 and words[0] in ("'s", "\u2019s") and words[1] in ("regional", "provincial", "state") \
        and words[2] == "capital"


#: Regions of several countries, none of the nine types ("the Sahel", "East Africa").
SUPRANATIONAL_REGIONS = {"sahel", "east africa", "west africa", "north africa", "central africa", "southern africa",
                         "horn of africa", "middle east", "maghreb", "lake chad basin", "central asia", "south asia",
                         "southeast asia", "latin america", "sub-saharan africa"}
#: Bodies named with the place they sit in: "the U.S. Embassy in Juba", "the U.N. Mission in South Sudan".
SEATED_BODY_HEADS = {"embassy", "mission", "consulate", "office"}
#: Last words that make a name with a number in it a unit's or a group's ("the 10th Front").
UNIT_NAME_HEADS = {"front", "gang", "movement", "unit"}  # "the 11th Marine Expeditionary Unit"
def _army_speaks(span: Span) -> bool:
    """'Army spokesman X told VOA', 'Army warplanes hit ...': the army of the article, as 'the army' is (not
    'Army Col. X', a rank)."""
    doc = span.doc
    if span[0].lower_ != "army" or span.end >= len(doc):
        return False
    after = doc[span.end]
    return after.lower_ in ("spokesman", "spokeswoman", "spokesperson", "chief", "commander") \
        or after.tag_ == "NNS" and span[0].head.i == after.i


#: Nouns that, with a word of revolt in the name, head an armed group's name ("Kachin Independence Organization").
GROUP_NAME_HEADS = {"movement", "organization", "organisation", "front", "alliance", "coalition", "council"}
#: the unions the rules test words against, made once
NOT_IN_PERSON_NAMES = ORGANISATION_OR_FORCE_WORDS | NOT_PERSON_WORDS
UNIT_OR_FORCE_NAME_HEADS = FORCE_NAME_HEADS | UNIT_NAME_HEADS
ETHNONYMS_OR_EQUIPMENT = ETHNONYMS | EQUIPMENT
#: The abbreviated titles without their full stops ("col", "gen"): a word's own full stop is taken off to compare.
TITLE_ABBREVIATION_STEMS = frozenset(t.rstrip(".") for t in TITLE_ABBREVIATIONS)
#: A valley is a region, a first-level unit for the gold's purposes ("the Bekaa Valley", "the Swat Valley").
VALLEY_WORDS = {"valley"}


def islamic_state_branches(spans: list[Span]) -> list[Span]:
    """'Islamic State' + 'Central Africa Province' as the gazetteer and the NER cut them: one branch, one group."""
    out = []
    for group, rest in zip(spans, spans[1:]):
        if group.label_ == "ArmedGroup" and rest.start == group.end and rest[-1].text == "Province" \
                and group.text.lower().removeprefix("the ") in ("islamic state", "isis", "isil", "is"):
            name = Span(group.doc, group.start, rest.end, label="ArmedGroup")
            out.append(set_span(name, plain_name(name), "ner"))
    return out


def seated_bodies(spans: list[Span]) -> list[Span]:
    """'the U.S. Embassy in Juba', 'the U.N. Assistance Mission in Afghanistan': the place is part of the name
    (one embassy per capital), as the annotation guidelines and the bodies themselves spell it."""
    out = []
    for body, place in zip(spans, spans[1:]):
        doc = body.doc
        if (body.label_ == "Organization" and body[-1].lower_ in SEATED_BODY_HEADS and place.start == body.end + 1
                and doc[body.end].lower_ == "in" and place.label_ in ("Country", "City", "Province")):
            start = body.start + 1 if body[0].lower_ == "the" else body.start
            name = Span(doc, start, place.end, label="Organization")
            out.append(set_span(name, f"{plain_name(body)} in {name_of(place)}", "seated-body"))
    return out


def _kind_named_after(span: Span) -> tuple[str, str] | None:
    """(type, kind word) for 'Mobbar local government area' (a Nigerian district) and for every name of
    'the Amhara and Afar regions', 'Garissa, Tana River, Kilifi and Turkana counties'."""
    doc, end = span.doc, span.end
    following = [t.lower_ for t in tokens_of(doc)[end: end + 3]]
    if following == ["local", "government", "area"]:
        return "District", "District"
    if following[:1] and following[0] in PLURAL_KINDS and span.start > 0 and doc[span.start - 1].text in ("and", ","):
        return PLURAL_KINDS[following[0]]  # the last of them: "Afar regions", "Blue Nile states"
    i = end
    while i < len(doc) and doc[i].lower_ in (",", "and"):  # the names listed after this one, then the kind word
        while i < len(doc) and doc[i].lower_ in (",", "and"):
            i += 1
        if i >= len(doc) or not doc[i].is_title:
            return None
        while i < len(doc) and doc[i].is_title:
            i += 1
    return PLURAL_KINDS.get(doc[i].lower_) if end < i < len(doc) else None


def _listed_kind(stem: str, label: str, word: str, gaz: Gazetteer) -> tuple[str, str]:
    """(type, name) of a place named before a kind word: 'Afar (regions)' -> the Province 'Afar'; 'Kerr
    (counties)' -> the District 'Kerr County', or the Province where counties are first-level ('Kilifi County')."""
    if label == "Province":
        return "Province", gaz.province_label(stem, word)
    if word == "County":
        entry = gaz.province_named(stem)
        return ("Province", entry["name"]) if entry else ("District", f"{stem} County")
    return "District", stem


def _places_by_slot(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """Names the NER missed that stand where only a place can: 'took full control of Baghuz', 'the army retook
    Anah and Rawah', 'the rebels stormed Damara' (the verbs of _place_by_role that take no people), 'escaped to
    Kousseri, in Cameroon', 'near Kunyo Barrow, Somalia' (a name and, after a comma, the country or region it is in)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    regions = {s.start for s in spans if s.label_ in ("Country", "Province")}
    countries = {s.start: s.end for s in spans if s.label_ == "Country"}
    found = []
    for token in tokens_of(doc):
        if token.i in taken or token.pos_ != "PROPN" or not token.is_title or token.ent_type_ not in ("", "NORP", "FAC") \
                or token.text in gaz.adjectives or token.lower_ in ETHNONYMS \
                or token.dep_ == "compound" or len(token.text) < 3 or token.lower_ in MONTHS_AND_DAYS \
                or token.lower_ in ORGANISATION_OR_FORCE_WORDS or token.lower_ in ROLE_WORDS:
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i \
                and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and start - 1 not in taken:
            start -= 1
        start = _with_linked_article(doc, start, taken)
        name = Span(doc, start, token.i + 1, label="City")
        # "fled to Kousseri, in Cameroon,", "near Kunyo Barrow, Somalia,"
        in_region = [t.text for t in doc[token.i + 1: token.i + 3]] == [",", "in"] and token.i + 3 in regions \
            or token.i + 2 in countries and doc[token.i + 1].text == "," \
            and not _possessive_after(doc, countries[token.i + 2])
        if not in_headline(name) and (in_region or _place_slot(token, PERSON_PLACE_VERBS)):
            found.append(set_span(name, name.text, "place-slot"))
    return found


#: Kind words a local government's name opens with: "the Regional Municipality of Wood Buffalo", "the Royal Borough
#: of Kensington and Chelsea", "the County of Los Angeles".
DISTRICT_NAME_KINDS = DISTRICT_WORDS | {"borough"}


def _title_run(doc: Doc, start: int) -> Span:
    """The capitalised words from token ``start`` on: 'North Kivu' in 'of North Kivu province'."""
    end = start
    while end < len(doc) and doc[end].is_title:
        end += 1
    return doc[start:end]


def _district_by_its_kind(span: Span) -> bool:
    """A name that says it is a district, a county or a borough 'of' a name (not "the District of Columbia", which
    the gazetteer holds as a province and so never asks)."""
    of = next((t for t in span[1:-1] if t.lower_ == "of"), None)
    return of is not None and span.doc[of.i - 1].is_title and span.doc[of.i - 1].lower_ in DISTRICT_NAME_KINDS \
        and span.doc[of.i + 1].is_title


def _possessive_after(doc: Doc, end: int) -> bool:
    """A name ending before token ``end`` owns what follows: 'Enrique Pena Nieto, Mexico's president' is no town in
    Mexico but a man and his office."""
    return end < len(doc) and doc[end].tag_ == "POS"


def _place_slot(token: Token, verbs: set[str]) -> bool:
    """``token`` (the first of a list stands where the others do) is what one of ``verbs`` takes or enters, or
    what control is had of; or what a relative clause says one of them took ('Jaffna, which the Tigers had
    controlled')."""
    if any(clause.dep_ == "relcl" and (clause.lemma_.lower() in verbs or clause.lower_ in verbs) and any(
            c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in clause.children) for clause in token.children):
        return True
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ == "control" and head.head.dep_ == "dobj":
        return True  # "took (full) control of X", "regained control of X"
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in SHARE_WORDS:
        token, head = head.head, head.head.head  # "controls much of X", "seized most of X"
    # (the lemma, or the word: the small model's lemmatiser leaves "retook" and "overran" as they are)
    return token.dep_ in ("dobj", "nsubjpass") and (head.lemma_.lower() in verbs or head.lower_ in verbs)


def _with_linked_article(doc: Doc, start: int, taken: set[int]) -> int:
    """Where a name found from ``start`` begins with the article hyphened to it: 'al-Qaryatain', 'ad-Dali'."""
    return start - 2 if start >= 2 and links_name(doc, start - 2) and start - 2 not in taken else start


def _places_by_apposition(doc: Doc, spans: list[Span]) -> list[Span]:
    """Names the NER missed that an apposition says are places: 'In Buea, the capital of the Southwest Region'."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for token in tokens_of(doc):
        if token.i in taken or token.pos_ != "PROPN" or not token.is_title or token.i + 1 >= len(doc) \
                or doc[token.i + 1].text != "," or token.lower_ in ROLE_WORDS or token.lower_ in MONTHS_AND_DAYS:
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and start - 1 not in taken:
            start -= 1
        start = _with_linked_article(doc, start, taken)
        name = Span(doc, start, token.i + 1, label="City")
        if in_headline(name) or name[0].is_sent_start and name[0].pos_ != "PROPN":
            continue
        kind = _apposition_kind(name)
        if kind is not None:
            found.append(set_span(Span(doc, start, token.i + 1, label=kind), name.text, "apposition"))
    taken |= {i for s in found for i in range(s.start, s.end)}
    for last in sorted(found + [s for s in spans if s.label_ in ("City", "District")], key=lambda s: s.start):
        if _plural_apposition(last):  # "Hayaniya and Tamimiya, two districts of Basra": the names listed before too
            found.extend(set_span(Span(doc, start, end, label=last.label_), doc[start:end].text, "apposition")
                         for start, end in _names_listed_before(doc, last.start, taken))
    # "Foua and Kefraya, two Shi'ite villages in Idlib province", where the NER took both for bodies: what the
    # plural apposition calls them
    guessed = {s.start: s for s in spans if span_origin(s) == "ner" and s.label_ in ("Organization", "Person")}
    for last in guessed.values():
        kind = _plural_apposition(last)
        if kind is None:
            continue
        listed = [last]
        while listed[0].start >= 2 and doc[listed[0].start - 1].lower_ in (",", "and"):
            before = next((s for s in guessed.values() if s.end == listed[0].start - 1), None)
            if before is None:
                break
            listed.insert(0, before)
        found.extend(set_span(Span(doc, s.start, s.end, label=kind), plain_name(s), "apposition") for s in listed)
    return found


def _plural_apposition(span: Span) -> str | None:
    """', two districts of', ', villages in', ', the two largest cities in' after ``span``: the type it gives the
    names before it ('District', 'City'), or None."""
    tokens = tokens_of(span.doc)[span.end: span.end + 6]
    if not tokens or tokens[0].text != ",":
        return None
    kinds = [t for t in tokens[1:] if t.lower_ in APPOSITION_KINDS_PLURAL]
    described = bool(kinds) and all(t.lower_ == "the" or t.like_num or t.pos_ == "ADJ"
                                    or t.is_title and t.pos_ == "PROPN"  # ("two Shi'ite villages")
                                    for t in tokens[1: kinds[0].i - span.end])
    return APPOSITION_KINDS_PLURAL[kinds[0].lower_] if described else None


def _names_listed_before(doc: Doc, end: int, taken: set[int]) -> list[tuple[int, int]]:
    """(start, end) of the names before ``end`` joined to it by 'and' or commas that no span holds."""
    names = []
    while end > 1 and doc[end - 1].lower_ in (",", "and"):
        stop = end - 1
        start = stop
        while start > 0 and (doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title
                             or _hyphen_joint(doc, start - 1)):
            start -= 1  # ("Dasht-e-Archi": the hyphens and the links between them too)
        if start == stop or start > 0 and doc[start - 1].pos_ == "PROPN" \
                or any(t.lower_ in ROLE_WORDS or t.lower_ in MONTHS_AND_DAYS for t in doc[start:stop]):
            break
        if not any(i in taken for i in range(start, stop)):
            names.append((start, stop))
        end = start
    return names


def _hyphen_joint(doc: Doc, i: int) -> bool:
    """Token ``i`` glues a hyphenated name: a hyphen with no space on either side, or the link between two ('e'
    in 'Dasht-e-Archi')."""
    return glued_hyphen(doc, i) or links_name(doc, i) and i > 0 and glued_hyphen(doc, i - 1)


def _places_listed_before_kind(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """Names the NER missed in a list that a plural kind word closes: 'the province's Imam Sahib, Dasht-e-Archi and
    Chahar Dara districts' (the last name is found with its kind word)."""
    at = {i: s for s in spans for i in range(s.start, s.end)}
    found = []
    for last in spans:
        kind = doc[last.end] if last.end < len(doc) else None
        if kind is None or not kind.is_lower or kind.lower_ not in PLURAL_KINDS:
            continue
        for start, end in _names_listed_before(doc, last.start, set()):
            named = list({at[i] for i in range(start, end) if i in at})
            if named and (len(named) > 1 or (named[0].start, named[0].end) != (start, end)
                          or named[0].label_ in ("Country", "Province")):
                continue  # (a name of its own, or a larger place, stays as it is)
            # a name the NER missed or typed as it pleased ("Imam Sahib" as an organisation) is one of the kind
            label, canonical = _listed_kind(doc[start:end].text, *PLURAL_KINDS[kind.lower_], gaz)
            found.append(set_span(Span(doc, start, end, label=label), canonical, "place-word"))
    return found


#: Plural kind words before "of" and a list of names: "the villages of A and B", "the Shabwa districts of A and B".
LISTING_KINDS = {**{noun: "City" for noun in SETTLEMENT_NOUNS}, "district": "District"}


def _towns_listed_after_kind(doc: Doc, spans: list[Span]) -> list[Span]:
    """Names the NER missed in a list the kind word opens: 'the villages of Kafr Zeita and Latamneh', 'the towns
    of A, B and C'. Each name is a run of Title Case words (one word: a proper noun) between the commas and "and"."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for kind in tokens_of(doc):
        if kind.tag_ != "NNS" or kind.lemma_.lower() not in LISTING_KINDS or kind.i + 2 >= len(doc) \
                or doc[kind.i + 1].lower_ != "of" or in_headline(doc[kind.i: kind.i + 1]):
            continue
        label = LISTING_KINDS[kind.lemma_.lower()]
        i = kind.i + 2
        while i < len(doc):
            end = i
            while end < len(doc) and (doc[end].is_title and doc[end].pos_ == "PROPN" or end > i and (
                    doc[end].text == "-" or doc[end - 1].text == "-") and doc[end].text not in (",", "and")):
                end += 1  # "Dahana-i-Ghori"
            if end == i:
                break
            if not any(j in taken for j in range(i, end)):
                found.append(set_span(Span(doc, i, end, label=label), doc[i:end].text, "listed"))
            if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "and":
                end += 1  # "A, B, and C"
            if end >= len(doc) or doc[end].lower_ not in (",", "and"):
                break
            i = end + 1
    return found


def _datelines(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """Towns in capitals opening a dateline that the NER missed ('TESSIT, Mali —', 'CÚCUTA, Colombia —')."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for token in tokens_of(doc):
        if token.i in taken or not (_capital_word(token) and len(token) > 2 or token.is_title):
            continue
        capitals = _capital_word(token)
        end = token.i + 1
        while end < len(doc) and (_capital_word(doc[end]) if capitals else doc[end].is_title) and end not in taken:
            end += 1  # "SAN JOSE, Costa Rica", "Rio de Janeiro" (not title-cased, but taken by the NER if it is a name)
        span = Span(doc, token.i, end, label="City")
        if not (_opens_dateline(span) if capitals else _before_dateline_dash(span) and not in_headline(span)):
            continue
        name = span.text.title() if capitals else span.text
        known = gaz.lookup(name)
        if known is None:
            found.append(set_span(span, name, "dateline"))
        elif known[0] in ("City", "Province", "Country"):
            found.append(known_span(doc, span.start, span.end, known))
    return found


#: Title Case last words of a region's own name: "the Southwest Region", "Nabatieh Governorate".
REGION_NAME_ENDS = PROVINCE_KIND_WORDS - {"state"}


def _named_region(span: Span) -> bool:
    """'the Southwest Region', 'Nabatieh Governorate': a place's name and its kind. Not a body's district or
    region ('the Misrata Military Region'), nor a province of an armed group ('the Islamic State's Somalia
    Province')."""
    if len(span) < 2 or not span[-1].is_title or span[-1].lower_ not in REGION_NAME_ENDS:
        return False
    if any(t.lower_ in NOT_IN_REGION_NAMES for t in span):
        return False
    return not (span.start > 0 and span.doc[span.start - 1].lower_ in ("'s", "\u2019s"))


#: Words in the name of a body's region: "the Misrata Military Region", "the Islamic State's Sinai Province".
REGION_BODY_WORDS = {"military", "security", "islamic", "state", "operations", "operational", "wilayat"}
NOT_IN_REGION_NAMES = ORGANISATION_OR_FORCE_WORDS | REGION_BODY_WORDS  # made once


def _task_forces(doc: Doc, spans: list[Span]) -> list[Span]:
    """'Task Force Southwest', 'Joint Task Force Bravo' where the NER saw no name (or a product): a Force named by
    the capitalised words around 'Task Force'."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for token in tokens_of(doc)[:-1]:
        if token.text != "Task" or doc[token.i + 1].text != "Force" or token.i in taken:
            continue
        start, end = token.i, token.i + 2
        while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ in ("PROPN", "ADJ") \
                and start - 1 not in taken and not doc[start - 1].is_sent_start:
            start -= 1  # "Combined Joint Task Force"
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and end not in taken \
                and doc[end].lower_ not in ROLE_WORDS:
            end += 1  # "Task Force Southwest" (not "Task Force Spokesperson Col. X")
        end = _unit_number_end(doc, end) if end not in taken else end  # "Joint Task Force 637"
        name = Span(doc, start, end, label="Force")
        if end > token.i + 2 and not in_headline(name):
            found.append(set_span(name, name.text, "task-force"))
    return found


#: Words between a named grouping of an army's units and "group": "the Khortytsia operational-strategic group".
GROUPING_WORDS = {"operational", "strategic", "-", "operational-strategic", "tactical", "operational-tactical"}


def _groups_of_forces(doc: Doc, spans: list[Span]) -> list[Span]:
    """'its Vostok group of forces', 'the Khortytsia operational-strategic group', 'the Eastern Military District':
    a named grouping of a state's army, a Force called "X group" (the NER takes X for a body or a place)."""
    found = []
    tokens = tokens_of(doc)
    for token in tokens:
        end = token.i + 1
        if token.text == "District" and token.i > 0 and doc[token.i - 1].text == "Military":
            start = _title_words_before(doc, token.i - 1)
            name = doc[start:end].text if start < token.i - 1 else None
        elif token.text == "group" and (end + 1 < len(doc) and doc[end].text == "of" and doc[end + 1].text == "forces"
                                          or token.i > 0 and doc[token.i - 1].lower_ in GROUPING_WORDS - {"-"}):
            middle = token.i
            while middle > 0 and doc[middle - 1].lower_ in GROUPING_WORDS:
                middle -= 1
            start = _title_words_before(doc, middle)
            name = f"{doc[start:middle].text} group" if start < middle else None
        else:
            continue
        if name is not None and not in_headline(doc[start:end]):
            found.append(set_span(Span(doc, start, end, label="Force"), name, "group-of-forces"))
    named = {span_canonical(s)[: -len(" group")] for s in found if span_canonical(s).endswith(" group")}
    for token in (t for t in tokens if named and t.text == "group"):  # "a spokesman for the Khortytsia group" after
        start = _title_words_before(doc, token.i)  # "the Khortytsia operational-strategic group"
        if doc[start:token.i].text in named and not any(s.start <= token.i < s.end for s in found):
            found.append(set_span(Span(doc, start, token.i + 1, label="Force"), doc[start:token.i + 1].text,
                                  "group-of-forces"))
    return found


def _title_words_before(doc: Doc, i: int) -> int:
    """Where the run of up to two capitalised words right before token ``i`` starts (``i`` when there is none)."""
    start = i
    while start > 0 and i - start < 2 and doc[start - 1].is_title and not doc[start - 1].is_sent_start \
            and doc[start - 1].lower_ not in ("the", "its", "their"):
        start -= 1
    return start


def _numbered_units(doc: Doc, spans: list[Span]) -> list[Span]:
    """'Battalion 166', 'Infantry Battalion 275' where the NER saw no name (a number only): a unit's word in Title
    Case and its number are a Force, with the capitalised words before the word."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for token in tokens_of(doc)[:-1]:
        if not token.is_title or token.lower_ not in UNIT_NUMBER_HEADS or token.i in taken or token.i + 1 in taken:
            continue
        end = _unit_number_end(doc, token.i + 1)
        if end == token.i + 1:
            continue
        start = token.i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ in ("PROPN", "ADJ") \
                and start - 1 not in taken and doc[start - 1].lower_ not in ROLE_WORDS \
                and not doc[start - 1].is_sent_start:
            start -= 1  # "Light Infantry Battalion 268"
        name = Span(doc, start, end, label="Force")
        if not in_headline(name):
            found.append(set_span(name, name.text, "unit-number"))
    return found


#: Verbs of leading a body (the list kg.extract.arguments reads leaders by).
LEAD_VERBS = word_list("arguments", "lead_verbs")


def _named_as_leader(span: Span, gaz: Gazetteer) -> bool:
    """'a faction led by Minni Minawi', 'the movement headed by Gibril Ibrahim': two or three capitalised words,
    with no article and no word of a body's name, after 'by' of a verb of leading (groups are led by persons; a body
    that leads is written with its article: 'rebels led by the MNDAA')."""
    head = span.root.head
    if span.root.dep_ != "pobj" or head.lower_ != "by" or head.head.tag_ != "VBN" \
            or head.head.lemma_.lower() not in LEAD_VERBS:
        return False
    return 2 <= len(span) <= 3 and all(t.is_title and t.pos_ == "PROPN" for t in span) \
        and not any(t.lower_ in NOT_IN_PERSON_NAMES for t in span) and gaz.lookup(span.text) is None


def _ordinal_units(doc: Doc, spans: list[Span]) -> list[Span]:
    """'the 1st Armored Division', "Iraq's 9th Armored Division" where the NER saw an ordinal only: an ordinal and
    Title Case words up to a unit's word are a Force."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for token in tokens_of(doc)[:-1]:
        if token.i in taken or not ORDINAL.match(token.text):
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].is_title and end not in taken and doc[end].lower_ not in UNIT_NUMBER_HEADS:
            end += 1
        if end - token.i > 3 or end >= len(doc) or end in taken or not doc[end].is_title \
                or doc[end].lower_ not in UNIT_NUMBER_HEADS - {"company", "command"}:
            continue  # ("the 3rd Company", "the 2nd Command": too plain to be sure of)
        name = Span(doc, token.i, end + 1, label="Force")
        if not in_headline(name):
            found.append(set_span(name, name.text, "unit-ordinal"))
    return found


#: "1st", "82nd", "9th": an ordinal written in figures.
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")


#: Title Case words after a place's name that make it an armed group's name: "the Sinaloa Cartel", "Gulf Clan".
PLACE_GROUP_HEADS = GANG_HEADS | {"clan", "militia", "brigade", "brigades", "front"}


def _groups_named_after_places(doc: Doc, spans: list[Span]) -> list[Span]:
    """'the Sinaloa Cartel', 'a leader of the Gulf Clan': a place's name and a gang's or militia's head word in
    Title Case are one armed group's name, where the NER saw only the place."""
    found = []
    for span in spans:
        after = doc[span.end] if span.end < len(doc) else None
        if span.label_ in PLACE_TYPES and after is not None and after.is_title and after.lower_ in PLACE_GROUP_HEADS \
                and not in_headline(span):
            group = Span(doc, span.start, span.end + 1, label="ArmedGroup")
            found.append(set_span(group, plain_name(group), "place-named-group"))
    return found


def _task_force_name(span: Span) -> bool:
    """'Task Force Southwest', 'Joint Task Force Bravo': a military task force's name, every word capitalised."""
    words = [t.text for t in span if t.text != "the"]
    at = next((i for i, (a, b) in enumerate(zip(words, words[1:])) if (a, b) == ("Task", "Force")), None)
    after = words[at + 2:] if at is not None else []
    return bool(after) and all(w[:1].isupper() or w == "-" for w in words) and not any(
        w.lower() in ROLE_WORDS or w.lower().rstrip(".") in TITLE_ABBREVIATIONS for w in after)  # (not "Task Force
    # Spokesperson Col.")


def _forces_of(span: Span) -> bool:
    """'Armed Forces of the Philippines', 'National Army of Chad': a force's name, then 'of' and its country."""
    words = [t.lower_ for t in span if t.lower_ != "the"]
    return "of" in words and any(w in FORCE_NAME_HEADS for w in words[: words.index("of")])


def _without_place_owner(span: Span, gaz: Gazetteer) -> Span:
    """"Sinaloa's Public Security Secretariat" -> "Public Security Secretariat": a known place owning a body is
    not part of its name (the place is an entity of its own)."""
    owner = next((t for t in span[:-1] if t.lower_ in ("'s", "\u2019s")), None)
    if owner is None or owner.i == span.start or not span.doc[owner.i + 1].is_title:
        return span  # "Ukraine's armed forces" is one phrase (kg.extract.forces reads it)
    known = gaz.lookup(span.doc[span.start: owner.i].text)
    if known is None or known[0] not in ("Country", "Province", "City"):
        return span
    return Span(span.doc, owner.i + 1, span.end, label=span.label_)


#: Titles a portfolio is written before: "Energy Minister", "Home Secretary".
PORTFOLIO_TITLES = {"minister", "secretary", "commissioner"}


def _split_known_pair(span: Span, gaz: Gazetteer) -> list[Span]:
    """'Balakliia and Izium' as one organisation: two names the NER ran together over an 'and', when one of them
    is a place the gazetteer knows (not "Bosnia and Herzegovina", a name of its own there); 'Paraiso, Tabasco' as
    one town: a name and, after a comma, the state or country it is in; 'the district governor of Sangin, Mohammad
    Sharif': an office's seat and its holder."""
    if span.label_ not in ("ORG", "PERSON", "GPE", "LOC", "FAC", "NORP"):
        return [span]  # (the label first: it is asked for every entity, and most are no pair)
    joints = [t.i for t in span if t.lower_ in ("and", ",") and span.start < t.i < span.end - 1]
    if len(joints) != 1 or gaz.lookup(span.text) is not None:
        return [span]
    doc = span.doc
    left, right = Span(doc, span.start, joints[0], label=span.label_), Span(doc, joints[0] + 1, span.end,
                                                                            label=span.label_)
    known = [gaz.lookup(part.text) for part in (left, right)]
    if doc[joints[0]].text == "," and known[1] is None and 2 <= len(right) <= 4 and all(t.is_title for t in right) \
            and span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in ROLE_WORDS:
        # "The district governor of Sangin, Mohammad Sharif, said": the seat of an office, then its holder
        seat = Span(doc, left.start, left.end, label=_seat_kind(span) or "GPE")
        return [seat if known[0] is None else known_span(doc, left.start, left.end, known[0]),
                Span(doc, right.start, right.end, label="PERSON")]
    if doc[joints[0]].lower_ == "and" and span.start >= 2 and doc[span.start - 1].lower_ == "of" \
            and doc[span.start - 2].lower_ in APPOSITION_KINDS_PLURAL and all(t.is_title for t in (*left, *right)):
        # "captured the villages of Chanzu and Runyoni": two places of the kind named before
        kind = APPOSITION_KINDS_PLURAL[doc[span.start - 2].lower_]
        return [set_span(Span(doc, part.start, part.end, label=kind), part.text, "place-word")
                for part in (left, right)]
    if doc[joints[0]].lower_ == "and" and span.label_ in ("ORG", "PERSON") and len(left) == len(right) == 1 \
            and _surnames_named_before(doc, span.start) >= {left.text, right.text}:
        # "where Kiir and Machar were meeting": two people the article named in full before
        return [Span(doc, left.start, left.end, label="PERSON"), Span(doc, right.start, right.end, label="PERSON")]
    # after a comma only the second name may be the known one, and a larger place; either side of an "and"
    places, wanted = (known[1:], ("Province", "Country")) if doc[joints[0]].text == "," else (
        known, ("City", "Province", "Country"))
    if not any(k is not None and k[0] in wanted for k in places):
        return [span]
    return [part if k is None else known_span(doc, part.start, part.end, k) for part, k in zip((left, right), known)]


def _surnames_named_before(doc: Doc, start: int) -> set[str]:
    """The last words of the people's names the NER found before token ``start``."""
    return {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 and ent.end <= start}


def _seat_kind(span: Span) -> str | None:
    """'the mayor of X' (a town), 'the district governor of X', 'the governor of X' (a province): the kind of place
    a name after a local office and 'of' is."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "of" or doc[span.start - 2].lower_ not in LOCAL_SEAT_OFFICES:
        return None
    if span.start >= 3 and doc[span.start - 3].lower_ == "district":
        return "District"
    return "City" if doc[span.start - 2].lower_ == "mayor" else "Province"


def _split_person_of(span: Span, gaz: Gazetteer) -> list[Span]:
    """'Marco Ferrara of Salerno', 'Roberto Farias of the Brazilian Democratic Movement' as one person: a name,
    'of' and the place or body the NER ran into it (a person's name holds no 'of' a place or 'the' follows)."""
    if span.label_ != "PERSON":
        return [span]
    doc = span.doc
    joint = next((t.i for t in span if t.lower_ == "of" and span.start + 1 < t.i < span.end - 1), None)
    if joint is None or not all(t.is_title for t in doc[span.start:joint]):
        return [span]
    person = Span(doc, span.start, joint, label="PERSON")
    if doc[joint + 1].lower_ == "the" and joint + 2 < span.end:
        return [person, Span(doc, joint + 2, span.end, label="ORG")]
    known = gaz.lookup(doc[joint + 1:span.end].text)
    if known is not None and known[0] in ("City", "Province", "Country"):
        return [person, known_span(doc, joint + 1, span.end, known)]
    if known is None and all(t.is_title for t in doc[joint + 1:span.end]):
        return [person, Span(doc, joint + 1, span.end, label="GPE")]  # where he is from
    return [span]


#: Words of an office's title before its last word: "Lord Mayor", "Deputy Mayor", "Vice Governor".
SEAT_TITLE_PREFIXES = {"lord", "deputy", "vice", "acting"}


def _split_place_title(span: Span, gaz: Gazetteer) -> list[Span]:
    """'Balkh Governor Gul Ahmad Sadiqi' as one person: a place the gazetteer knows, an office's title and the
    holder's name, which the NER ran together (the title stays between them, for kg.extract.roles to read)."""
    if span.label_ not in ("PERSON", "WORK_OF_ART", "ORG"):
        return [span]
    doc = span.doc
    title = next((t.i for t in span[1:-1] if t.lower_ in OFFICE_TITLES and t.is_title), None)
    # (capitals anywhere in a word: "KwaZulu-Natal Premier X", "eThekwini Mayor Y", "DeKalb County Sheriff Z")
    if title is None or not all(not t.is_alpha or t.text != t.lower_ for t in span) or span.end - title < 3:
        return [span]  # (a name of two words at least after the title: not "the Kent County Council Leader")
    person = Span(doc, title + 1, span.end, label="PERSON")
    while title - 1 > span.start and doc[title - 1].lower_ in SEAT_TITLE_PREFIXES:
        title -= 1  # "Brisbane Lord Mayor Campbell Newman": the seat is Brisbane
    known = gaz.lookup(doc[span.start:title].text)
    if known is None and doc[title - 1].lower_ in ("county", "parish", "borough"):
        # "Calcasieu Parish Sheriff Wade Fontenot": a county by its kind word, known or not (its name may be left
        # outside the NER's span)
        start = span.start
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and not doc[start - 1].ent_type_:
            start -= 1
        if title - start >= 2:
            place = Span(doc, start, title, label="District")
            return [set_span(place, place.text, "place-word"), person]
    if known is None and doc[title].lower_ in OFFICE_SEATS and span.label_ != "ORG":
        # "Bethune Mayor Olivier Gacquerre", "Turkana Governor Josphat Nanok": the seat of the office, by its kind
        place = Span(doc, span.start, title, label=OFFICE_SEATS[doc[title].lower_])
        entry = gaz.province_named(place.text) if place.label_ == "Province" else None  # "Turkana County"
        return [set_span(place, entry["name"] if entry else place.text, "place-word", links_of(entry) if entry else {}),
                person]
    if known is None or known[0] not in ("City", "Province", "Country"):
        return [span]
    return [known_span(doc, span.start, title, known), person]


def _join_seat_titles(doc: Doc, ents: tuple[Span, ...]) -> list[Span]:
    """'Turkana Governor Josphat Nanok', which the NER cuts into a person 'Turkana' and a body 'Nanok': a name,
    a capitalised office held in a place and a name of two or three words are read as one run, which
    _split_place_title cuts into the seat and the holder."""
    out = list(ents)
    for span in ents:
        # the title after the name, or the name's own last word ("Maharashtra Governor" as one body)
        title = span.end - 1 if len(span) > 1 and span[-1].lower_ in OFFICE_SEATS else span.end
        if span.label_ not in ("PERSON", "ORG", "GPE") or title + 3 > len(doc) or not doc[title].is_title \
                or doc[title].lower_ not in OFFICE_SEATS:
            continue
        end = title + 1
        while end < len(doc) and end - title <= 3 and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        if end - title < 3 or end - title > 4:
            continue
        start = span.start
        while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" \
                and not doc[start - 1].ent_type_ and doc[start - 1].lower_ not in ROLE_WORDS:
            start -= 1  # "West Java Governor X", where the NER took "Java" alone
        joined = [e for e in out if e.start >= start and e.end <= end]
        if any(e.start < start < e.end or e.start < end < e.end for e in out):
            continue  # a name running across the run's ends
        out = [e for e in out if e not in joined] + [Span(doc, start, end, label="PERSON")]
    return sorted(out, key=lambda e: e.start)


#: The kind of place an office before a name is held in: "X Mayor Y", "X Governor Y".
OFFICE_SEATS = {"mayor": "City", "governor": "Province", "premier": "Province", "prefect": "Province"}


def _without_portfolio(span: Span, gaz: Gazetteer) -> Span | None:
    """'Alberta Energy Minister X' -> 'Alberta'; 'Natural Resources Minister Y' -> nothing: the portfolio before a
    minister's title belongs to the title, not to a name."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in PORTFOLIO_TITLES or span.label_ not in ("ORG", "GPE"):
        return span
    end = span.end
    while end > span.start and doc[end - 1].lower_ in PORTFOLIO_WORDS:
        end -= 1
    if end == span.end:
        return span
    if end == span.start:
        return None
    known = gaz.lookup(doc[span.start:end].text)
    if known is not None and known[0] in ("Country", "Province", "City"):  # "Alberta (Energy Minister)"
        return known_span(doc, span.start, end, known)
    return Span(doc, span.start, end, label=span.label_)


def _capital_word(token: Token) -> bool:
    """A word of a dateline's town: 'KABUL', 'ST.' ('ST. LOUIS')."""
    return token.is_upper and (token.is_alpha or token.text.endswith(".") and token.text[:-1].isalpha())


def _opens_paragraph(span: Span) -> bool:
    """The span is the first thing of the text or of a line."""
    before = span.doc[span.start - 1] if span.start else None
    return before is None or "\n" in before.text or "\n" in before.whitespace_


def _opens_dateline(span: Span) -> bool:
    """'PERUGIA, Italy (AP) -', 'TESSIT, Mali —': capitals at the start of a paragraph, a comma, a capitalised
    name, and a credit or a spaced dash soon after."""
    doc = span.doc
    if not _opens_paragraph(span) or not all(_capital_word(t) for t in span) or span.end + 1 >= len(doc):
        return False
    if doc[span.end].text == "(":  # "ST. LOUIS (AP) -", "CHICAGO (Reuters) -": a city that needs no state
        close = next((t for t in doc[span.end + 1: span.end + 5] if t.text == ")"), None)
        return close is not None and close.i + 1 < len(doc) and spaced_dash(doc[close.i + 1])
    after = doc[span.end + 1]
    word = after.lower_.rstrip(".")
    dated = word in MONTHS_AND_DAYS or after.text.endswith(".") and len(word) >= 3 and any(
        name.startswith(word) for name in MONTHS_AND_DAYS)  # "Monday", "Aug.", "Sept."; not "Mon State"
    if doc[span.end].text != "," or not after.is_title or dated:
        return False  # "SOUTHWEST ASIA, Aug. 31, 2017 -": filed from a region, with no town named
    return any(t.text == "(" or spaced_dash(t) for t in doc[span.end + 2: span.end + 8])


def _title_case_dateline(span: Span) -> Span:
    """A name the NER took for a person or a body where a report is filed is a town (see _before_dateline_dash)."""
    if span.label_ in ("Person", "Organization") and span_origin(span) == "ner" and _before_dateline_dash(span):
        return retype(span, "City", plain_name(span), "dateline")
    return span


def _before_dateline_dash(span: Span) -> bool:
    """'Maidstone \u2014 Kent County Council said', 'Lodwar, Kenya \u2014 Four failed rains': a name opening a
    paragraph right before a spaced dash, or before a comma, a name and the dash."""
    doc = span.doc
    if not _opens_paragraph(span) or span.end + 1 >= len(doc):
        return False
    dash = doc[span.end] if doc[span.end].text != "," else next(
        (t for t in doc[span.end + 2: span.end + 6] if not t.is_title), None)
    if dash is not None and spaced_dash(dash) and not any(t.is_punct for t in doc[span.end + 1: dash.i]):
        return True
    return doc[span.end].text == "," and title_dateline_dash(doc, span.start) is not None  # "Pemba, Mozambique,
    # June 16 - ..."


def _place_by_role(span: Span) -> bool:
    """A name the NER typed as a person or organisation that stands where only a place can: the small towns no
    gazetteer lists ("clashes near Maungdaw", "the army retook Anefis", "the militants stormed Palma", "a farmer
    from Tchoma Bangou", "withdrawn from Chinshwehaw, Hpawng Seng and Hsenwi")."""
    if span.label_ not in ("Person", "Organization") or sum(t.text != "-" for t in span) > 3 \
            or span_origin(span) != "ner":
        return False
    if any(not (t.is_title or t.text == "-" or t.lower_ in HYPHEN_LINKS and _hyphened(t, span))
           or t.lower_ in ORGANISATION_OR_FORCE_WORDS for t in span):
        return False  # "RSF", "MINUSMA": acronyms name organisations; so do the words of a body ("al-Bab" and
        # "Croix-des-Bouquets" are names like any)
    if len(span) > 1 and span.label_ != "Person":
        return False
    if span.label_ == "Person" and span.start > 0 and span.doc[span.start - 1].lower_ in ("near", "outside", "around"):
        return True  # "Near Tora Bora, coalition bombers struck ...", whatever the parser made of the sentence
    token = span.root
    while token.dep_ == "conj" and token.head.i < token.i:  # the first of a list stands where the others do
        token = token.head
    head = token.head
    if token.dep_ == "pobj" and (head.head.lower_ in ROLE_WORDS or head.head.lemma_.lower() in FIGHTER_WORDS):
        return False  # "a senior commander in Jamaat Nasr", "fighters from X": a body's, not a town's
    if token.dep_ == "pobj" and head.lower_ in PLACE_PREPOSITIONS:  # "in Hamas", "into the RSF"; but "In X, in
        # the Y region," is a town
        return span.label_ == "Person" or head.lower_ not in ("in", "into") or _placed_between_commas(span)
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in OUTSKIRT_WORDS:
        return True  # "on the outskirts of Bamenda", "the northern edge of Kaya"
    if span.label_ == "Person" and (token.dep_ == "nsubj" and head.lemma_ == "lie"
                                    or token.dep_ == "nsubjpass" and head.lemma_ in ("locate", "situate")):
        return True  # "Bosso lies on the shores of Lake Chad", "Tessit is located near the border"
    if token.dep_ == "pobj" and head.lower_ == "from" and span.label_ == "Person":
        owner = head.head  # "a farmer from X", "withdrew from X"; not "a statement from X"
        return owner.lemma_.lower() in FROM_PLACE_WORDS
    return _place_slot(token, PERSON_PLACE_VERBS if span.label_ == "Person" else PLACE_VERBS)


def _hyphened(token: Token, span: Span) -> bool:
    """A linking word hyphened into a name: the "al" of "al-Bab", the "des" of "Croix-des-Bouquets"."""
    doc = token.doc
    after = token.i + 1 < span.end and doc[token.i + 1].text == "-"
    return after and (token.i == span.start or doc[token.i - 1].text == "-")


def _placed_between_commas(span: Span) -> bool:
    """'In Andahuaylas, in the Apurimac region, ...': a name followed by where it is, between commas."""
    doc = span.doc
    words = doc[span.end: span.end + 8]
    if len(words) < 4 or words[0].text != "," or words[1].lower_ != "in":
        return False
    close = next((t.i for t in words[2:] if t.text == ","), None)
    return close is not None and any(t.pos_ == "PROPN" for t in doc[span.end + 2: close])


#: Words for a share of what follows "of": "controls much of X" holds a part of a place.
SHARE_WORDS = {"much", "most", "part", "parts", "half", "all", "bulk", "swaths", "swathes"}
#: The rim of a place, or its middle: what is named after "the outskirts of" is a place.
OUTSKIRT_WORDS = {"outskirt", "outskirts", "edge", "fringe", "fringes", "periphery", "suburb", "suburbs", "environs",
                  "vicinity", "center", "centre", "heart"}  # (and its middle: "entered the center of Qayyarah")
#: Who is from a place rather than from a body: "a farmer from X", "residents from Y".
RESIDENT_NOUNS = {"resident", "farmer", "shopkeeper", "villager", "trader", "native", "family", "man", "woman",
                  "civilian", "people", "refugee", "merchant", "herder", "fisherman", "teacher"}
#: Verbs of leaving a place: "withdrew from X", "fled from Y".
LEAVING_VERBS = {"withdraw", "flee", "retreat", "evacuate", "escape", "advance", "push", "return", "move", "drive"}
#: Verbs whose object is a place entered, struck or held: "stormed Palma", "entered Laukkai", "control Korhogo".
ENTERING_VERBS = {"storm", "enter", "besiege", "encircle", "surround", "shell", "control"}
#: the unions _place_by_role tests words against, made once (it runs for every name)
FROM_PLACE_WORDS = RESIDENT_NOUNS | LEAVING_VERBS
PLACE_VERBS = PLACE_TAKING_VERBS | ENTERING_VERBS
PERSON_PLACE_VERBS = PLACE_TAKING_VERBS - PEOPLE_TAKING_VERBS | ENTERING_VERBS


#: Words of a title that the NER takes into the name before them: "Pentagon Press (Secretary)", "U.S. Charge
#: (d'Affaires)", "U.S. Alternative (Representative)".
TITLE_TAILS = {"press", "chargé", "charge", "alternative", "deputy", "acting", "special", "senior", "principal",
               "assistant", "chief", "permanent", "magistrate", "district"}  # "U.S. Magistrate Judge X"
#: A service's word and its head's title: "Jefferson Fire Chief X" (but "Cal Fire spokeswoman" is Cal Fire's).
SERVICE_TITLES = {("fire", "chief"), ("fire", "marshal"), ("fire", "commissioner"), ("city", "manager"),
                  ("city", "attorney"), ("city", "clerk"), ("city", "administrator")}  # "Tecumseh City Manager X"
#: Offices the NER takes into the place before them when a name follows: "Zabul Governor (X)".
OFFICE_TITLES = {"governor", "mayor", "president", "minister", "premier", "senator", "chief", "commander", "sheriff",
                 "prefect"}
#: Lower-case words inside a name spelled out before its acronym: "Movement for Unity and Jihad in West Africa".
ACRONYM_LINKS = {"of", "the", "for", "and", "in", "on", "de", "du", "des", "la", "le", "al", "el", "to"}


def _fit_name(span: Span, gaz: Gazetteer) -> Span | None:
    """Fit an NER span to the name it stands for: cut a stray '(ACRONYM' off its end, run it on to an acronym
    its words spell ('Movement for Unity and Jihad in West Africa (MUJAO)'), and take title words off its ends
    ('Spokesperson Matthew Miller', 'Pentagon Press', 'U.S. Charge'); what is left may be a known name."""
    doc = span.doc
    start, end = span.start, span.end
    paren = next((t.i for t in span if t.text == "("), None)
    if paren is not None and paren > start:
        end = paren  # "National Movement for the Liberation of Azawad (MNLA"
    if span.label_ != "PERSON":  # a person is no acronym's long form: "X of the Brazilian Democratic Movement (MDB)"
        end = _acronym_end(doc, start, end)
    while end - start > 1 and doc[end - 1].lower_ in ("and", "or"):
        end -= 1  # "the provinces of West Java and Banten" run by the NER into "West Java and"
    if span.label_ == "ORG" and end - start > 1 and doc[end - 1].text in ("party", "parties"):
        end -= 1  # "the right-wing League party": the party's name is "League" ("the Labour Party" keeps its word)
    if start > 0 and _ordinal(doc[start - 1]) and doc[end - 1].lower_ in UNIT_OR_FORCE_NAME_HEADS:
        start -= 1  # "the 10th Front", "the 43rd Division": the number is part of the name (not "six Afghan army")
    end = _unit_number_end(doc, end) if doc[end - 1].lower_ in UNIT_NUMBER_HEADS else end
    if span.label_ in ("PERSON", "ORG") and _titled_person_name(doc, start, end):
        span = Span(doc, start, end, label="PERSON")  # "Brigadier General Sylvain Ekenge" is a person, titled
    if span.label_ == "PERSON" and end - start >= 3 and doc[start].text == "Sheikh":
        start += 1  # "Sheikh Tamim bin Hamad Al Thani": an honorific (not "Hassan Sheikh Mohamud", "Sheikh Hasina")
    comma = next((t.i for t in doc[start:end - 1] if t.text == ","), None)
    if span.label_ in ("PERSON", "ORG") and comma is not None and comma > start and doc[comma - 1].is_title \
            and doc[comma - 1].lower_ in ROLE_WORDS and all(t.is_title for t in doc[comma + 1:end]):
        start = comma + 1  # "State Counsellor, Edda Brun" run into one name: the name is after the comma
        span = Span(doc, start, end, label="PERSON")
    if span.label_ == "PERSON":
        if doc[end - 1].lower_ in ROLE_WORDS and doc[end - 1].is_title and doc[end - 1].lower_ != "major":
            return None  # "Myanmar's State Counsellor, Aung San Suu Kyi": a title, no one's name
        while end - start > 1 and (_title_word(doc[start]) or doc[start].lower_.endswith("s")
                                   and doc[start].lower_[:-1] in ROLE_WORDS):
            start += 1  # "Spokesperson Matthew Miller", "Presidents Kabila and Kagame"
    while end - start > 1 and (doc[end - 1].lower_ in TITLE_TAILS and (
            doc[end - 1].lower_ in ("chargé", "charge") or end < len(doc) and (doc[end].lower_ in ROLE_WORDS
                                                                             or doc[end].is_title))
            or end < len(doc) and (doc[end - 1].lower_, doc[end].lower_) in SERVICE_TITLES
            or span.label_ == "PERSON" and doc[end - 1].lower_ in OFFICE_TITLES and doc[end - 1].is_title
            and end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN"):
        end -= 1  # "Pentagon Press Secretary", "U.S. Charge d'Affaires", "Zabul Governor (Abdul Rahim Hotak)"
    first = start + 1 if doc[start].lower_ == "the" else start
    if end - first > 1 and (doc[first].lower_ in ETHNONYMS or doc[first].text in gaz.adjectives):
        known = gaz.lookup(doc[first + 1:end].text)  # "Kurdish YPG", "the Kurdish People's Protection Units"
        if known is not None and known[0] == "ArmedGroup":  # not "U.S. Department of State", named so
            return known_span(doc, first + 1, end, known)
    if (start, end) == (span.start, span.end):
        return span
    if start >= end:
        return None
    known = gaz.lookup(doc[start:end].text) if end - start < span.end - span.start else None
    if known is not None:
        return known_span(doc, start, end, known)
    fitted = Span(doc, start, end, label=span.label_)
    if span.label_ in ENTITY_TYPES:
        set_span(fitted, None, span_origin(span) or "ner", {})
    return fitted


#: Units that go by a number after their name: "Light Infantry Battalion 268", "Border Guard Police Battalion No. 5".
UNIT_NUMBER_HEADS = {"battalion", "brigade", "regiment", "division", "command", "corps", "company", "squadron"}


def _unit_number_end(doc: Doc, end: int) -> int:
    """The end of a unit's name with the number after it ('Battalion 268', 'Battalion No. 5'); years, counts
    and sums stay out ('Brigade 2024' is no unit's number: three digits at most)."""
    at = end
    if at < len(doc) and doc[at].lower_ in ("no.", "no", "number"):
        at += 2 if at + 1 < len(doc) and doc[at + 1].text == "." else 1
    if at < len(doc) and doc[at].text.isdigit() and len(doc[at].text) <= 3 and (
            at + 1 == len(doc) or not doc[at + 1].lower_.startswith(("people", "soldier", "troop", "men", "fighter"))):
        return at + 1
    return end


#: Words of a rank that are no title on their own: "Brigadier General", "Senior General", "Staff Sergeant".
RANK_PARTS = {"brigadier", "senior", "staff", "master", "first", "chief", "lieutenant", "high", "field",  # "High Commissioner"
              "district", "county"}  # "District Attorney X", "County Sheriff X"


def _title_word(token) -> bool:
    # Not religious honorifics ("Qari Yousuf Hanafi", "Mullah Nasir Akhund"): the annotated reports keep them as
    # part of the name the man is known by.
    lower = token.lower_
    return lower in ROLE_WORDS or lower in RANK_PARTS or lower.rstrip(".") in TITLE_ABBREVIATION_STEMS


def _titled_person_name(doc: Doc, start: int, end: int) -> bool:
    """A title (rank or office) followed by two or three capitalised words and nothing else."""
    i = start
    while i < end and _title_word(doc[i]):
        i += 1
    rest = doc[i:end]
    return i > start and 2 <= len(rest) <= 3 and all(t.is_title and t.is_alpha for t in rest) and not any(
        t.lower_ in ORGANISATION_OR_FORCE_WORDS for t in rest)


ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}


def _ordinal(token) -> bool:
    """'10th', '43rd', 'Third': a number that names a unit, not one that counts ('six', '30')."""
    lower = token.lower_
    return lower in ORDINAL_WORDS or lower[:-2].isdigit() and lower[-2:] in ("st", "nd", "rd", "th")


def _acronym_end(doc: Doc, start: int, end: int) -> int:
    """Where a name ends that runs on to the acronym its words spell: 'Movement for Unity and Jihad' + ' in West
    Africa (MUJAO)' ends after 'Africa'."""
    for paren in range(end, min(len(doc) - 2, end + 6)):
        if doc[paren].text in ("(", ","):
            short = _acronym_at(doc, paren)
            if short is not None and _spelled(short.text, doc[start:paren]) \
                    and not _abbreviates(short.text, doc[start:end]):
                return paren
            return end
        if not (doc[paren].is_title or doc[paren].lower_ in ACRONYM_LINKS):
            return end
    return end


def _acronym_at(doc: Doc, i: int) -> Token | None:
    """The acronym a name gives itself at ``i``: '(CPC)', ', or UPC,' (a short word in capitals)."""
    if i + 2 >= len(doc):
        return None
    if doc[i].text == "(" and doc[i + 2].text == ")":
        short = doc[i + 1]
    elif doc[i].text == "," and doc[i + 1].lower_ == "or" and (
            i + 3 >= len(doc) or doc[i + 3].text in (",", ".", ";", ")") or doc[i + 3].is_sent_start):
        short = doc[i + 2]
    elif _known_as_at(doc, i):
        short = doc[i + 3]
    else:
        return None
    return short if short.is_upper and 2 <= len(short.text) <= 8 else None


def _known_as_at(doc: Doc, i: int) -> bool:
    """', known as FACT,': the text names the short name itself (in whatever language it spells it)."""
    return i + 4 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "known" and doc[i + 2].lower_ == "as" \
        and doc[i + 4].text in (",", ".", ";", ")")


def _owned_by_a_noun(span: Span) -> bool:
    """'a regional force from the Southern African Development Community, known as SAMIM': the name after "known
    as" is the force's, a singular noun the name hangs on (not "rebels of the Front ..., known as FACT")."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in ("of", "from") and root.head.head.tag_ == "NN"


#: Wire services whose credit follows a name in brackets: never its acronym.
WIRE_CREDITS = {"AP", "AFP", "UPI", "VOA", "DPA", "EFE", "ANSA", "PTI", "IANS"}


def _bracketed_after_body(short: Token, body: Span) -> bool:
    """'the Chihuahua State Attorney General's Office (FGE)', 'the Supreme Election Council, or YSK,': capitals in
    brackets (or after ', or') right after a body's name are its acronym even in another language's letters
    (Fiscalia General del Estado, Yuksek Secim Kurulu)."""
    doc, start = body.doc, body.start
    # not the tail the NER cut off a longer name ("the Intermunicipal System for | Drinking Water and Sewerage")
    cut = start > 0 and (doc[start - 1].is_title or start > 1 and doc[start - 1].lower_ in ACRONYM_LINKS
                         and doc[start - 2].is_title)
    whole = body[0].lower_ == "the" or not cut
    right_after = short.i == body.end + 1 or short.i == body.end + 2 and doc[body.end + 1].lower_ == "or"
    return right_after and short.text not in WIRE_CREDITS and body[-1].text != "," and whole


def _task_force(span: Span) -> bool:
    return any(a.lower_ == "task" and b.lower_ == "force" for a, b in zip(span, span[1:]))


def _contracted(short: str, words: Span) -> bool:
    """An acronym made of the name's syllables, its letters in the name's order and its first a word's initial:
    'U.S. Africa Command (AFRICOM)', 'Central Command (CENTCOM)'."""
    letters = [ch.lower() for ch in short if ch.isalpha()]
    initials = {t.text[0].lower() for t in words if t.is_alpha and t.text[0].isupper()}
    if len(letters) < 4 or letters[0] not in initials:
        return False
    rest = iter(words.text.lower())
    return all(any(ch == letter for ch in rest) for letter in letters)


def _spelled(short: str, words: Span) -> bool:
    """An acronym that takes most of its letters from the name's initials, in any order: an acronym of the name
    in another language keeps most of them ('Unity Movement for Jihad in West Africa (MUJAO)', 'National
    Liberation Army (ELN)', 'Revolutionary Armed Forces of Colombia (FARC)')."""
    initials = {t.text[0] for t in words if t.is_alpha and t.text[0].isupper()}
    letters = [ch for ch in short if ch.isalpha()]
    return len(letters) >= 2 and sum(ch in initials for ch in letters) * 2 > len(letters)


def _without_lowercase_lead(span: Span) -> Span:
    """'the provincial Department of Fisheries', 'the national Department of Water': an adjective before a body's
    name is no part of it."""
    start = span.start + (span[0].lower_ == "the")
    while start < span.end - 1 and span.doc[start].is_lower and span.doc[start].is_alpha:
        start += 1
    if start == span.start + (span[0].lower_ == "the") or not span.doc[start].is_title:
        return span
    trimmed = Span(span.doc, start, span.end, label=span.label_)
    set_span(trimmed, None, span_origin(span), span_links(span))
    return trimmed


#: Title words an organisation's name never ends with, when a person's name follows: "Tata Steel Chief Executive".
CIVIL_TITLE_WORDS = {"chief", "executive", "director", "officer", "spokesman", "spokeswoman", "spokesperson",
                     "chairman", "chairwoman", "president", "secretary", "manager", "commissioner", "head", "deputy",
                     "financial", "operating", "technology", "managing", "vice", "national", "acting", "interim"}


def _trim_titles(span: Span) -> Span | None:
    """'U.S. Army Col' -> 'U.S. Army': a military title at the end of an organisation belongs to the next name;
    so does 'Chief Executive' in 'Tata Steel Chief Executive Rajesh Menon'."""
    end = span.end
    while end > span.start and span.doc[end - 1].lower_.rstrip(".") in TITLE_ABBREVIATION_STEMS:
        end -= 1
    doc = span.doc
    if span.label_ == "ORG" and span.end < len(doc) and doc[span.end].pos_ == "PROPN" and doc[span.end].is_title:
        while end > span.start + 1 and doc[end - 1].lower_ in CIVIL_TITLE_WORDS:
            end -= 1
    if end == span.end:
        return span
    if end == span.start:
        return None
    trimmed = Span(span.doc, span.start, end, label=span.label_)
    set_span(trimmed, span_canonical(span), span_origin(span), span_links(span))
    return trimmed


def _titled_name(span: Span) -> bool:
    """A two- or three-word Title Case name right after a role word ('lawmaker Hashim Alokozai') is a person."""
    doc = span.doc
    if len(span) == 1:  # "Ebube, a commander of the ADF": one word only with its role apposed
        return span[0].is_title and span[0].is_alpha and span[0].lower_ not in MONTHS_AND_DAYS \
            and role_apposed(doc, span.end) and has_role(span)
    if not 2 <= len(span) <= 3 or not all(t.is_title and t.is_alpha or t.text in REGNAL_NUMERALS for t in span):
        return False  # ("King Felipe VI")
    if any(t.lower_ in NOT_IN_PERSON_NAMES for t in span):
        return False  # "Terrorist Organizations", "the Red Sea", "Special Political Affairs"
    titled = span.start > 0 and doc[span.start - 1].lower_ in ROLE_WORDS and doc[span.start - 1].is_lower
    return titled or has_role(span)


#: Titles written before a name that the NER sometimes takes into a body's name ("King Felipe VI" as ORG).
NAME_TITLES = frozenset({"king", "queen", "president", "pope", "prince", "princess", "emir", "sultan", "chancellor",
                         "premier", "governor", "mayor", "senator"})


def _name_after_title(span: Span) -> Span | None:
    """'King Felipe VI', 'President Emmanuel Macron' that the NER took for a body or a place: the person's name
    after the title, an Official (one to three capitalised words, a monarch's number, no word of a body's name)."""
    if len(span) < 2 or not (span[0].is_title and span[0].lower_ in NAME_TITLES):
        return None
    rest = span[1:]
    if len(rest) > 3 or not all(t.is_title and t.is_alpha and t.pos_ == "PROPN" or t.text in REGNAL_NUMERALS
                                for t in rest):
        return None
    if any(t.lower_ in NOT_IN_PERSON_NAMES or t.lower_ in ROLE_WORDS for t in rest):
        return None
    return Span(span.doc, rest.start, rest.end, label="Official")


def _extend_hyphens(span: Span) -> Span:
    """'Qala' + '-e-Zal': a name goes on over hyphens written without spaces."""
    doc, start, end = span.doc, span.start, span.end
    while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
           and not doc[end].whitespace_ and (doc[end + 1].is_title or doc[end + 1].is_upper
                                             or doc[end + 1].text in HYPHEN_LINKS
                                             or span.label_ == "PERSON" and _given_name_syllable(doc[end + 1])
                                             or _linking_word_before_name(doc, end + 1))):
        end += 2  # "CSP-DPA", "Qala-e-Zal", "Moon Jae-in", "SPLA-in-Opposition"; not "Iran-backed", "U.S.-led"
    while (start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
           and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha and doc[start - 2].is_title):
        start -= 2
    if start >= 3 and doc[start - 1].text in HYPHEN_LINKS and doc[start - 2].text == "-" and doc[start - 3].is_title:
        start -= 3  # "Nad-e Ali"
    if (start, end) == (span.start, span.end):
        return span
    known = span_origin(span) == "gazetteer"
    # A known body's name written on through a linking word ("SPLA-in-Opposition" after the gazetteer's "SPLA")
    # names another body: typed afresh, as the NER's organisation ("SLA-AW", "ISIS-K" stay what they were)
    linked = any(t.is_lower for t in doc[span.end:end])
    label = "ORG" if known and linked and span.label_ in ("Force", "ArmedGroup", "Organization") else span.label_
    return set_span(Span(doc, start, end, label=label), None if known else span_canonical(span), "ner", {})


def _linking_word_before_name(doc: Doc, i: int) -> bool:
    """'in' of 'SPLA-in-Opposition', 'de' of 'Ile-de-France': a short lower-case word between glued hyphens, with a
    capitalised word after it (a name goes on; 'Taliban-in-waiting' does not)."""
    return doc[i].is_lower and doc[i].is_alpha and len(doc[i]) <= 3 and i + 2 < len(doc) \
        and glued_hyphen(doc, i + 1) and (doc[i + 2].is_title or doc[i + 2].is_upper)


def _given_name_syllable(token: Token) -> bool:
    """'in' of 'Moon Jae-in', 'don' of 'Oh Keo-don': a short lower-case syllable ending a name (not '-led',
    '-backed', '-run')."""
    return token.is_lower and token.is_alpha and len(token) <= 4 and not token.text.endswith("ed") \
        and token.text not in ("run", "held", "born", "made") and bool(token.whitespace_ or token.i + 1 == len(token.doc)
                                                                         or token.doc[token.i + 1].is_punct)


def _extend_spaced_link(span: Span) -> Span:
    """'Mocimboa da Praia': a name that goes on to the left over a lower-case link word is another, longer
    name (not the Praia the gazetteer knows), so it keeps no links."""
    doc, start = span.doc, span.start
    if not (start >= 2 and doc[start - 1].text in SPACED_LINKS and doc[start - 2].is_title and doc[start - 2].is_alpha
            and (doc[start - 2].ent_type_ == "" or doc[start - 1].text == "wa") and not doc[start - 2].is_sent_start):
        return span  # "Shigal wa Sheltan": the NER may have taken each half for a name
    while start - 3 >= 0 and doc[start - 3].is_title and doc[start - 3].is_alpha and doc[start - 3].ent_type_ == "" \
            and doc[start - 3].pos_ == "PROPN":
        start -= 1
    return set_span(Span(doc, start - 2, span.end, label=span.label_), None, "ner", {})


#: First words of the names of movements and fronts that go "X for A and B in Y".
MOVEMENT_NAME_HEADS = GROUP_NAME_HEADS | {"union", "rally", "congress", "party", "convention", "committee"}


def _extend_movement_name(span: Span) -> Span:
    """'the Front for Change and Concord in Chad': a movement's name the NER cut at its "and" (taking "Concord" for
    a place) or before the country it ends with; the name goes on over "and" and Title Case words, then over
    "in" and a place when the name closes there."""
    doc = span.doc
    first = span[1] if span[0].lower_ == "the" and len(span) > 1 else span[0]
    if span.label_ != "ORG" or first.lower_ not in MOVEMENT_NAME_HEADS or not any(t.lower_ == "for" for t in span):
        return span
    end = span.end
    if end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].is_title and doc[end + 1].pos_ == "PROPN":
        end += 1
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
    at = end + 1 if end + 1 < len(doc) and doc[end].lower_ == "in" else None
    if at is not None and doc[at].lower_ == "the":
        at += 1
    places = ("GPE", "LOC", "Country", "Province", "City")  # (the NER's labels, or the gazetteer's)
    if at is not None and at < len(doc) and doc[at].ent_type_ in places:
        place_end = at
        while place_end < len(doc) and doc[place_end].ent_type_ in places and not doc[place_end].is_punct:
            place_end += 1
        if place_end == len(doc) or doc[place_end].is_punct:
            end = place_end  # "... in Chad, known as FACT": the name closes with the country
    if end == span.end:
        return span
    return set_span(Span(doc, span.start, end, label="ORG"), None, "ner", {})


#: Prepositions that open a sentence in capitals, which the tagger may take for a name: "Near Tora Bora, ...".
OPENING_PREPOSITIONS = {"near", "in", "at", "outside", "inside", "around", "across", "along", "from", "on", "after",
                        "before", "during", "since", "beyond", "north", "south", "east", "west"}


def _extend_person(span: Span) -> Span:
    """'Abdrabbu' + 'Mansour Hadi', 'Tim' + 'Lenderking': a person's name takes in the capitalised names the
    NER left just before or after it."""
    if span.label_ != "PERSON":
        return span
    doc, start, end = span.doc, span.start, span.end

    def name_part(token: Token) -> bool:
        return (token.pos_ == "PROPN" and token.is_title and token.is_alpha and token.lower_ not in ROLE_WORDS
                and token.lower_ not in MONTHS_AND_DAYS and token.lower_ not in OPENING_PREPOSITIONS)

    while start > 0 and name_part(doc[start - 1]) and doc[start - 1].ent_type_ in ("", "PERSON"):
        start -= 1
    while end < len(doc) and name_part(doc[end]) and (doc[end].ent_type_ == "" and not doc[end].is_sent_start
                                                      or doc[end - 1].lower_ in SURNAME_PARTICLES):
        end += 1  # (and "Ursula von der" + "Leyen", a town the NER made of the surname after its particles)
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label="PERSON")




def _islamic_state_branch(span: Span) -> bool:
    """'ISIS-Mozambique', 'ISIL-K', 'Islamic State West Africa Province', 'IS-Sahel': a branch of the group is an
    armed group whatever its last word ("Province" makes no province of it)."""
    whole = span.text  # (joined anew from its words on every access)
    text = whole[4:] if whole.lower().startswith("the ") else whole
    return text.lower().startswith(("isis-", "isil-", "is-", "islamic state ", "daesh-")) and len(text) > 4


def _rebel_name(span: Span) -> bool:
    return any(t.lower_ in REBEL_WORDS for t in span)


def _rebel_group_name(span: Span) -> bool:
    """A word of revolt and the head of an army's or a movement's name: "Sudan Liberation Army", "Allied Democratic
    Forces". "Democratic" alone makes an army a rebel one, not a movement or an alliance: parties are named so
    ("Brazilian Democratic Movement", "United Democratic Alliance")."""
    words = {t.lower_ for t in span}
    if span.text.endswith("-in-Opposition"):
        return True  # "SPLA-in-Opposition": the armed opposition named after the army it fights
    if words & FORCE_NAME_HEADS:
        return bool(words & REBEL_WORDS)
    return bool(words & GROUP_NAME_HEADS) and bool(words & REBEL_WORDS - {"democratic"})


def _local_defence_force(span: Span, gaz: Gazetteer) -> bool:
    """'Ambazonia Defence Forces', 'Tigray Defense Forces', "Mogok People's Defense Force": a defence force named
    for a region or a people is an armed group; one named for a country is its army ('Kenya Defence Forces',
    "South Sudan People's Defence Forces", 'Ethiopian National Defense Force')."""
    words = [t for t in span if t.lower_ != "the"]
    if len(words) < 3 or words[-1].lower_ not in ("force", "forces") or words[-2].lower_ not in ("defence", "defense") \
            or not words[0].is_title or words[0].lower_ == "self":  # "Japan's Self-Defense Forces"
        return False
    for end in range(1, len(words) - 1):
        prefix = " ".join(t.text for t in words[:end])
        found = gaz.lookup(prefix)
        if prefix in gaz.adjectives or found is not None and found[0] == "Country":
            return False
    return True


def _apposition_kind(span: Span) -> str | None:
    """The place type a following apposition gives a name: ', the capital of' / ', the provincial capital' /
    ', a town in' make it a City, ', a district in' a District; None otherwise."""
    listed = _listed_under(span)
    if listed is not None:
        return listed
    tokens = tokens_of(span.doc)[span.end: span.end + 6]  # (a new list, no new Span)
    if not tokens or tokens[0].lower_ not in (",", "-", "\u2013", "\u2014"):  # "Marib - a region controlled by"
        return None
    tokens = tokens[1:]
    if tokens and tokens[0].lower_ in ("the", "a", "an"):
        tokens = tokens[1:]
    # "a small", "a strategic", "a fertile district": adjectives before the noun that says what the place is
    while tokens and (tokens[0].lower_ in ("provincial", "small", "key", "strategic", "northern", "southern",
                                           "eastern", "western", "nearby", "border", "rural", "remote")
                      or tokens[0].pos_ == "ADJ" and tokens[0].is_lower):
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[0].like_num and tokens[0].is_lower and tokens[1].lower_ in APPOSITION_KINDS_PLURAL:
        return APPOSITION_KINDS_PLURAL[tokens[1].lower_]  # "A and B, two districts in southern Tripoli"
    if len(tokens) > 1 and tokens[0].lower_ in APPOSITION_KINDS_PLURAL and tokens[1].lower_ in ("in", "of", "near"):
        return APPOSITION_KINDS_PLURAL[tokens[0].lower_]  # "Pulka and Ashigashiya, villages in the Gwoza area"
    words = [t.lower_ for t in tokens]
    if len(words) > 1 and words[1] == "capital":
        return "City"  # "the state capital", "the regional capital"
    if words and words[0] in APPOSITION_KINDS and words[1:2] not in (["'s"], ["-"]) and tokens[0].is_lower:
        # not "the region's largest city", not "Washington, State Department spokesman ...", not "on Monday,
        # the state-run agency reported"
        return APPOSITION_KINDS[words[0]]
    # "Chinshwehaw, a key trading hub": the head noun of the apposition, whatever words come before it
    appos = next((c for c in span.root.children if c.dep_ == "appos" and c.i >= span.end), None)
    if appos is not None and appos.is_lower and appos.left_edge.i <= span.end + 1 and appos.i <= span.end + 6 \
            and (span.doc[span.end + 1].lower_ in ("a", "an", "the") or not any(
                t.is_title and t.dep_ == "compound" for t in tokens_of(span.doc)[span.end + 1: appos.i])) \
            and not any(p.lower_ == "of" and any(o.pos_ == "PROPN" for o in p.children) for p in appos.children):
        # not "Port Harcourt, Rivers State" nor "Jamaame, Lower Juba region": the name of where it is (but "X, a
        # Sarajevo district" says what X is); not "Upstream, the Queensland city of Ipswich", a town of its own
        return APPOSITION_KINDS.get(appos.lower_)
    return None


def _listed_under(span: Span) -> str | None:
    """The place type of a plural noun that a list of names stands in apposition to: 'two rural Manitoba towns,
    Carberry and Gladstone', 'the districts, Nawa and Garmsir' (the noun before the names says what they are)."""
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    head = first.head
    if first.dep_ != "appos" or head.i > first.i or not head.is_lower:
        return None
    return APPOSITION_KINDS_PLURAL.get(head.lower_)


def _entry(span: Span, gaz: Gazetteer) -> dict:
    """The gazetteer entry a span was matched to ({} for other spans)."""
    if span_origin(span) != "gazetteer" or span_canonical(span) is None:
        return {}
    return gaz.entries.get((span.label_, span_canonical(span)), {})


def _names_town_part(kind: Token) -> bool:
    """'the Sirte neighborhood of al-Dular': the name before the word is the town, the one after "of" its part
    (unlike "the al-Shuhada neighborhood of southern Fallujah", where a known place follows)."""
    doc = kind.doc
    at = kind.i + 2
    while at < len(doc) and (doc[at].is_lower or doc[at].lower_ == "the"):
        at += 1  # "of southern Fallujah"
    return kind.i + 1 < len(doc) and doc[kind.i + 1].lower_ == "of" and at < len(doc) \
        and doc[at].ent_type_ not in ("GPE", "LOC", "City", "Province", "Country")  # the NER's or the gazetteer's


#: NER labels of what is never an actor or a place.
JUNK_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LAW", "LANGUAGE",
                         "EVENT", "WORK_OF_ART", "PRODUCT"})


#: Heads of bodies' names that are no name on their own.
BARE_BODY_HEADS = frozenset({"group", "movement", "front", "council", "committee", "union"})


#: Second words of an armed service's name: "Marine Corps", "Air Force", "Coast Guard".
SERVICE_SECOND_WORDS = {"corps", "force", "guard"}


def _service_before_rank(span: Span) -> bool:
    """'Army' in "Army Col. X", 'Marine Corps' in "Marine Corps Lt. Gen. Y": a service right before an abbreviated
    rank is part of the officer's rank, no body of its own."""
    words = [t.lower_ for t in span]
    service = words[0] in ARMED_SERVICES and (len(words) == 1 or len(words) == 2 and words[1] in SERVICE_SECOND_WORDS)
    return service and span.end < len(span.doc) and span.doc[span.end].lower_.rstrip(".") in TITLE_ABBREVIATION_STEMS


#: Prefixes of a warship's name: "USS Carney", "HMS Diamond".
SHIP_PREFIXES = {"USS", "HMS", "USNS", "HMCS", "HMAS"}


def _ship_names(doc: Doc) -> frozenset[str]:
    """The names the article gives its ships: 'Mason' for "USS Mason" (worked out once per Doc)."""
    memo = doc_memo(doc)
    if "ship_names" not in memo:
        tokens = tokens_of(doc)
        memo["ship_names"] = frozenset(tokens[i + 1].text for i in range(len(tokens) - 1)
                                       if tokens[i].text in SHIP_PREFIXES and tokens[i + 1].is_title)
    return memo["ship_names"]


def _is_junk(span: Span) -> bool:
    # (the label first: a date or a number needs no look at its words; the text only for what the NER labelled)
    if span.label_ in JUNK_LABELS:
        return not _task_force_name(span)  # (a task force the NER took for a product is kept, and typed a Force)
    words = [t for t in span if any(ch.isalpha() for ch in t.text)]
    if not words:
        return True
    if any(t.text in SHIP_PREFIXES for t in span[:2]) or plain_name(span) in _ship_names(span.doc):
        return True  # "the USS Mason", "HMS Duncan", and "the Mason" after them: a ship, which like a base is no
        # actor or place of its own
    if span.label_ not in ENTITY_TYPES:
        text = span.text.strip()
        if text.islower() or all(t.lower_ in MONTHS_AND_DAYS for t in words):
            return True
        if " ".join(t.lower_ for t in words if t.lower_ != "the") in SUPRANATIONAL_REGIONS:
            return True  # "the Sahel", "East Africa": no country, province or town
        if span.label_ == "ORG" and any(t.pos_ == "VERB" and t.is_lower for t in span):
            return True  # "Kiir accused Machar": a clause the NER took for a name
        if len(words) == 1 and words[0].lower_ in ETHNONYMS_OR_EQUIPMENT:
            return True
        if len(words) == 1 and words[0].lower_ in BARE_BODY_HEADS and span.label_ == "ORG":
            return True  # "the Group to Support Islam and Muslims": the NER's first word of a longer name
        if len(span) == 1 and span[0].is_sent_start and span[0].tag_ in ("NN", "NNS", "JJ") \
                and span.label_ in ("ORG", "PERSON", "NORP"):
            return True  # "Media reported ...", "Turnout was 12 percent", "Unofficial results showed": a capitalised
            # common word at the start of a sentence
        if _service_before_rank(span):
            return True  # "Army Col. Steve Warren", "Marine Corps Gen. X": the service is part of the officer's rank
        if len(span) == 1 and span.end < len(span.doc) and span.doc[span.end].lower_ in ROLE_WORDS \
                and (span[0].lower_ in ROLE_WORDS or span[0].lower_ in MINISTRY_TOPICS
                     or span[0].lower_ in ("national", "acting", "interim", "executive", "general")):
            return True  # "Defense Secretary James Mattis", "National Chairman X": the NER's "Defense" is part of a title (not "Pemex
            # Director X", "Navy spokeswoman Y": there the name before the title is the employer)
        before = tokens_of(span.doc)[max(0, span.start - 2): span.start]
        if len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in ("secretary", "minister", "ministry") \
                and span[0].lower_ != "the":
            return True  # "Secretary of Defense": part of a title (not "secretary of the Department of Agriculture")
        if facility_name(span):
            return True  # "the Siverskyi Donets River", "the Mosul Dam", "the al-Nuri Mosque": none of the nine kinds
        unit = span[-1].lower_ in UNIT_OR_FORCE_NAME_HEADS or len(span) > 2 and span[-1].text.isdigit() and any(
            t.lower_ in UNIT_NUMBER_HEADS for t in span[-4:-1])  # "the 10th Front", "Light Infantry Battalion 268"
        if any(t.like_num for t in span) and not unit:
            return True
        if any(ch.isdigit() for ch in text) and not unit:
            return True
    return False


def _adjective_before_noun(span: Span, gaz: Gazetteer) -> bool:
    """'Somali troops', 'Afar fighters': a place whose name is also a country's adjective (Ethiopia's Somali
    Region), written before a noun that is no place word, is the adjective."""
    doc = span.doc
    if span.text not in gaz.adjectives:
        return False
    following = next((t for t in doc[span.end:] if t.pos_ != "ADJ"), None)  # "the Somali militant group"
    if span.label_ in ("Organization", "ArmedGroup", "Person") and len(span) == 1:
        return following is not None and following.pos_ == "NOUN" and following.is_lower  # "a Ugandan rebel group"
    if span.label_ not in ("City", "Province", "District"):
        return False
    return (following is not None and following.pos_ in ("NOUN", "PROPN")
            and following.lower_ not in PLACE_KIND_WORDS - {"city", "town"})  # "Ukrainian city", not "Somali Region"


def _headline_filter(doc: Doc, spans: list[Span]) -> list[Span]:
    """Keep a headline's names only when the body names them too, unless the gazetteer knows them as an
    actor: in Title Case every word looks like a name ("Officials Say" is not the town of Say)."""
    body = {plain_name(s).lower() for s in spans if not in_headline(s)}
    trusted = {"ArmedGroup", "Force", "Organization", "Country"}
    return [s for s in spans if not in_headline(s) or plain_name(s).lower() in body
            or span_origin(s) == "gazetteer" and s.label_ in trusted]


def _headline_mentions(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name the body gives, written the same in the headline, is a mention there too, also where the NER saw
    none in Title Case ("Bridgestone to Close Tyre Plant in B\u00e9thune, France"): the headline's "X, Y" is then
    read like the body's."""
    last = headline_end_token(doc)
    if not last:
        return spans
    names = {tuple(t.text for t in s): s for s in reversed(spans) if not in_headline(s) and s[0].is_title}
    return _written_again(doc, spans, names, 0, last, "headline", proper_single=False)


def _repeated_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A place the article names, written again where the NER saw no name, is a mention there too: 'Lala, a
    village in Djugu' and later 'a camp for displaced people at Lala'. One word must be a proper noun there."""
    first = headline_end_token(doc)
    # (the first mention of a name wins; places only: a body's name the NER cut short, "Union No", would spread)
    names = {tuple(t.text for t in s): s for s in reversed(spans)
             if s.label_ in ("City", "District", "Province") and s[0].is_title and len(s.text) > 2
             and not in_headline(s) and all(t.is_title or t.text == "-" for t in s)}
    return _written_again(doc, spans, names, first, len(doc), None, proper_single=True)


def _repeated_body_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A body's one-word name, written again where the NER saw none, is a mention there too: 'the ruling Fidesz
    party' and later 'a spokesman for Fidesz' (one word only: the NER cut some longer names short, "Union No")."""
    names = {(s[0].text,): s for s in spans if s.label_ in ("Organization", "ArmedGroup") and len(s) == 1
             and s[0].is_title and len(s.text) > 3 and not in_headline(s)}
    if not names:
        return spans
    return _written_again(doc, spans, names, headline_end_token(doc), len(doc), None, proper_single=True)


def _body_names_cut_elsewhere(doc: Doc, spans: list[Span]) -> list[Span]:
    """A body's name of several words the NER found once, and cut into smaller names where it is written again:
    'the Libya Dawn alliance' read as Libya (a country) and Dawn (a person) when 'Libya Dawn' is named later."""
    first = headline_end_token(doc)
    names = {tuple(t.text for t in s): s for s in spans if s.label_ in ("ArmedGroup", "Organization", "Force")
             and len(s) > 1 and s.start >= first and all(t.is_title or t.text == "-" for t in s)}
    if not names:
        return spans
    by_first = _by_first_word(names)
    at = {i: s for s in spans for i in range(s.start, s.end)}
    cut, added = set(), []
    for token in tokens_of(doc)[first:]:
        for words, named in by_first.get(token.text, ()):
            end = token.i + len(words)
            inside = {at[i] for i in range(token.i, min(end, len(doc))) if i in at}
            if tuple(t.text for t in doc[token.i:end]) != words or len(inside) < 2 \
                    or any(s.start < token.i or s.end > end for s in inside):
                continue  # (only a name the NER split into two names or more, none running past it)
            cut |= inside
            added.append(retype(named, named.label_, start=token.i, end=end))
    return sorted([s for s in spans if s not in cut] + added, key=lambda s: s.start) if added else spans


def _by_first_word(names: dict[tuple[str, ...], Span]) -> dict[str, list[tuple[tuple[str, ...], Span]]]:
    """``names`` (their words -> the span that names them) indexed by their first word, the longest first."""
    by_first: dict[str, list[tuple[tuple[str, ...], Span]]] = {}
    for words, named in sorted(names.items(), key=lambda item: -len(item[0])):
        by_first.setdefault(words[0], []).append((words, named))
    return by_first


def _written_again(doc: Doc, spans: list[Span], names: dict[tuple[str, ...], Span], first: int, last: int,
                   origin: str | None, proper_single: bool) -> list[Span]:
    """Mentions of ``names`` (their words -> the span that names them) written in doc[first:last] where no span
    is, the longest first ("West Kelowna" before "Kelowna"), not inside a longer name; a name of one word only where
    it is a proper noun, if ``proper_single``."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    by_first = _by_first_word(names)
    added = []
    for token in tokens_of(doc)[first:last]:
        for words, named in by_first.get(token.text, ()):
            end = token.i + len(words)
            if end > last or token.i in taken or tuple(t.text for t in doc[token.i:end]) != words \
                    or any(i in taken for i in range(token.i, end)) \
                    or proper_single and len(words) == 1 and token.pos_ != "PROPN" \
                    or _part_of_a_longer_name(doc, token.i, end, last) and not (origin == "headline" and len(words) > 1):
                continue  # (in a Title Case headline every word is a proper noun: "Fighters Leave Ras al-Ain, Syria")
            added.append(retype(named, named.label_, origin=origin, start=token.i, end=end))
            taken.update(range(token.i, end))
            break
    return sorted(spans + added, key=lambda s: s.start) if added else spans


#: Words that open a place's name in Title Case: "North Darfur", "Upper Nile", "Greater Sahara".
NAME_BEARINGS = BEARINGS | {"upper", "lower", "central", "greater", "new", "west", "east"}


def _part_of_a_longer_name(doc: Doc, start: int, end: int, last: int) -> bool:
    """A proper noun or a bearing right before, or a proper noun after (before ``last``): "Darfur" in "El Fasher in
    North Darfur" is no mention of Darfur."""
    before = doc[start - 1] if start > 0 else None
    return before is not None and (before.pos_ == "PROPN" or before.lower_ in NAME_BEARINGS) \
        or end < last and doc[end].pos_ == "PROPN"


def _abbreviates(short: str, span: Span) -> bool:
    """True when the capitals of ``short`` are the initials of ``span``'s words, in order (gaps allowed)."""
    initials = [t.text[0] for t in span if t.text[0].isalpha() and t.text[0].isupper()]  # and "Jama'a"
    letters = [ch for ch in short if ch.isalpha()]
    if len(initials) < 2 or not letters or letters[0] != initials[0]:
        return False
    rest = iter(initials)
    return all(any(letter == initial for initial in rest) for letter in letters)


#: Entities whose name an acronym in another language may shorten (not places: "JERUSALEM (AP)").
ACRONYM_TYPES = {"ArmedGroup", "Force", "Organization"}


def _same_as(span: Span, other: Span) -> Span:
    """``span`` as another mention of ``other``: its type, name and links."""
    return set_span(Span(span.doc, span.start, span.end, label=other.label_), span_canonical(other), "acronym",
                    dict(span_links(other) or {}))


#: Bodies named after the holder of an office: "the Nevada Attorney General's Office", "the Sheriff's Department".
TITLED_BODY_HEADS = {"Office", "Department", "Bureau", "Service"}


def _offices_of_a_title(doc: Doc) -> list[Span]:
    """'the Nevada Attorney General's Office', 'the Cook County Sheriff's Office': one organisation, whose name the
    NER cuts at the possessive."""
    found = []
    for token in tokens_of(doc):
        i = token.i
        if token.text not in TITLED_BODY_HEADS or i < 2 or doc[i - 1].lower_ not in ("'s", "’s") \
                or not doc[i - 2].is_title:
            continue
        start = i - 2
        while start > 0 and doc[start - 1].is_title and not doc[start - 1].is_sent_start \
                and doc[start - 1].lower_ != "the":
            start -= 1
        span = Span(doc, start, i + 1, label="Organization")
        found.append(set_span(span, plain_name(span), "ner"))
    return found


#: Bodies whose short name may stand for the one longer name of the article that ends with it.
SHORTENED_TYPES = ("Organization", "Force", "ArmedGroup")


def _short_body_names(spans: list[Span]) -> list[Span]:
    """'the Senate' of an article that names the Massachusetts Senate, 'Navy spokeswoman X' after 'the Mexican
    Navy', 'the Gaming Commission' after 'the Nevada Gaming Commission': one body, when only one longer name of
    its type ends with the short one (not 'the Defense Ministry' of an article with Ukraine's and Russia's). A
    short name the NER took for an organisation takes the type of the force it shortens."""
    names = {(s.label_, span_canonical(s)) for s in spans if s.label_ in SHORTENED_TYPES}
    out = []
    for span in spans:
        after_the = span.start > 0 and span.doc[span.start - 1].lower_ == "the"
        person_after_the = span.label_ == "Person" and len(span) == 1 and after_the  # no one is "the Observatory"
        if (span.label_ in SHORTENED_TYPES or person_after_the) and span_origin(span) in ("ner", "employer"):
            short = span_canonical(span)
            if person_after_the:
                labels = SHORTENED_TYPES  # a body of any kind
            elif span.label_ == "Organization":
                labels = (span.label_, "Force")
            else:
                labels = (span.label_,)
            longer = {(label, name) for label, name in names if label in labels and name[0].isupper() and (
                name.endswith(" " + short) or after_the and _head_before_of(name).endswith(" " + short))}
            # (not "the national Department of X": the same name, one word longer)
            if len(longer) == 1:
                label, name = longer.pop()
                span = retype(span, label, name) if label != span.label_ else span
                set_canonical(span, name)
        out.append(span)
    return out


def _head_before_of(name: str) -> str:
    """'Syrian Observatory' of 'Syrian Observatory for Human Rights': a body's name up to its first preposition
    ('the Observatory' is what the article calls it next)."""
    words = name.split()
    cut = next((i for i, w in enumerate(words) if w in ("for", "of", "on")), len(words))
    return " ".join(words[:cut])


#: Words before a party's name: "the opposition Patriotic Front", "the ruling National Front".
PARTY_ADJECTIVES = {"opposition", "ruling", "governing", "coalition", "main", "largest"}


def _political(span: Span) -> bool:
    """'the opposition Patriotic Front (PF)', 'the National Front party': a party, not an armed front."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return before is not None and before.lower_ in PARTY_ADJECTIVES or after is not None and after.lower_ == "party"


#: Words too common in names of forces to tell two bodies apart.
GENERIC_NAME_WORDS = {"the", "of", "and", "for", "force", "forces", "army", "national"}


def _share_a_word(spelled: Span, listed: Span) -> bool:
    """'the Colombian Revolutionary Armed Forces, or FARC' is the FARC the gazetteer knows (Revolutionary Armed
    Forces of Colombia); 'the Australian Defence Force (ADF)' is not the Allied Democratic Forces."""
    def stems(text: str) -> set[str]:
        return {w.lower().rstrip("s")[:6] for w in text.split() if w.lower() not in GENERIC_NAME_WORDS}
    return bool(stems(plain_name(spelled)) & stems(span_canonical(listed) or plain_name(listed)))


def _acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
    """'Counter Terrorism Service (CTS)', 'the Union for Peace in the Central African Republic, or UPC': every 'CTS'
    and 'UPC' of the article is the same entity, typed the same."""
    known = {}
    at = {s.start: s for s in spans}
    renamed = {}
    for span in spans:
        short = _acronym_at(doc, span.end)  # "(CTS)", ", or UPC,"
        if short is None or not (_abbreviates(short.text, span) or span.label_ in ACRONYM_TYPES and (
                _spelled(short.text, span) or _contracted(short.text, span) or _bracketed_after_body(short, span)
                or _known_as_at(doc, span.end) and not _owned_by_a_noun(span))):
            continue  # not "JERUSALEM (AP)": a dateline's credit
        listed = at.get(short.i)
        if listed is not None and span_origin(listed) == "gazetteer" and _share_a_word(span, listed) and not (
                span_origin(span) == "gazetteer" and span_canonical(span) != span_canonical(listed)):
            # "the Colombian Revolutionary Armed Forces, or FARC": the gazetteer knows the acronym; the name
            # spelled out is that entity too
            renamed[span.start] = listed
        else:  # the text's own definition wins over a gazetteer's other reading ("Somali National Army (SNA)")
            known[short.text] = span
    for span in spans:  # "CTS" after "Counter Terrorism Service": the initials of a name met before
        words = [t.text for t in span if t.is_alpha and t.lower_ not in ("of", "the", "and", "for")]
        if span.label_ not in ("Person", "Official") and len(words) >= 2 and all(w[0].isupper() for w in words):
            known.setdefault("".join(w[0] for w in words), span)
    spans = [_same_as(s, renamed[s.start]) if s.start in renamed else s for s in spans]
    if not known:
        return spans
    at = {s.start: s for s in spans}
    taken = {i for s in spans for i in range(s.start, s.end)}
    replaced, added = set(), []
    for token in tokens_of(doc):
        full = known.get(token.text)
        if full is None or full.start <= token.i < full.end:
            continue  # before the full name too: a headline's "CPC Rebels Seize Bangassou"
        existing = at.get(token.i)
        if token.i in taken and not (existing is not None and existing.end == token.i + 1):
            continue
        if existing is not None:
            replaced.add(existing.start)
        span = Span(doc, token.i, token.i + 1, label=full.label_)
        added.append(_same_as(span, full) if span_canonical(full) else set_span(span, plain_name(full), "acronym"))
    out = [s for s in spans if s.start not in replaced] + added
    return longest_first(out)
