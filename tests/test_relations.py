"""Relation rules on parsed sentences written for these tests.

Each sentence is parsed by the English pipeline; the entities are then set by
hand (so these tests check the relation rules, not entity recognition) and the
``kg_relations`` component runs again on the Doc.
"""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.model


def relations(nlp, text: str, entities: dict[str, str]) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) texts read from ``text`` with ``entities`` (surface -> type) as its entities."""
    from spacy.util import filter_spans

    from kg.extract.relations import RelationExtractor

    doc = nlp(text)
    spans = []
    for surface, label in entities.items():
        match = re.search(rf"\b{re.escape(surface)}\b", text)
        assert match, surface
        start = match.start()
        span = doc.char_span(start, start + len(surface), label=label, alignment_mode="expand")
        spans.append(span)
    doc.ents = filter_spans(spans)
    doc = RelationExtractor(nlp, "test")(doc)
    for rel in doc._.kg_relations:
        assert rel.rule and 0.0 < rel.confidence <= 1.0
        assert rel.sentence is not None and rel.sentence.start <= rel.subject.start <= rel.sentence.end or \
            rel.rule.endswith("-anaphor") or rel.predicate == "capitalOf"
    return {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}


# ---------------------------------------------------------------- appositions and roles


def test_capital_apposition(nlp):
    found = relations(nlp, "Fighting spread to Ghazni, the capital of Ghazni Province, on Monday.",
                      {"Ghazni": "City", "Ghazni Province": "Province"})
    assert ("Ghazni", "capitalOf", "Ghazni Province") in found


def test_capital_apposition_with_a_second_apposition(nlp):
    found = relations(nlp, "Shelling hit Kherson, the capital of Kherson Oblast, a region in the south, overnight.",
                      {"Kherson": "City", "Kherson Oblast": "Province"})
    assert ("Kherson", "capitalOf", "Kherson Oblast") in found


def test_bare_capital_is_the_capital_of_the_country_the_article_names(nlp):
    text = ("Yemen has been at war for years. Aid agencies working in Sanaa, the capital, said food prices "
            "had doubled.")
    found = relations(nlp, text, {"Yemen": "Country", "Sanaa": "City"})
    assert ("Sanaa", "capitalOf", "Yemen") in found


def test_a_known_city_is_the_capital_of_its_own_country_not_the_most_named_one(nlp):
    # The gazetteer places Damascus in Syria; Iran is named more often, but is not whose capital it is.
    doc = nlp("Iran said it would stand by Syria. Assad met Iran's foreign minister in Damascus, the capital, "
              "on Sunday, and Iran pledged more help.")
    found = {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}
    assert ("Damascus", "capitalOf", "Syria") in found
    assert not any(p == "capitalOf" and o == "Iran" for _, p, o in found)


def test_a_demonym_names_the_capitals_country_over_the_article_s_main_one(nlp):
    text = ("Ukraine asked for more air defence. Ukraine's allies met in Kyiv. Saudi-led jets bombed Sanaa, "
            "the Yemeni capital, while Yemen's government stayed in Aden.")
    found = relations(nlp, text, {"Ukraine": "Country", "Kyiv": "City", "Sanaa": "City", "Yemen": "Country"})
    assert ("Sanaa", "capitalOf", "Yemen") in found
    assert ("Sanaa", "capitalOf", "Ukraine") not in found


def test_bare_capital_without_a_named_country_gives_nothing(nlp):
    found = relations(nlp, "Aid agencies working in Sanaa, the capital, said food prices had doubled.",
                      {"Sanaa": "City"})
    assert not any(p == "capitalOf" for _, p, _ in found)


@pytest.mark.parametrize("text, person, group", [
    ("Yusuf Ahmadi, a Taliban spokesman, denied the report on Tuesday.", "Yusuf Ahmadi", "Taliban"),
    ("Tariq Arian, a spokesman for the Interior Ministry, confirmed the attack.", "Tariq Arian", "Interior Ministry"),
    ("A spokesman for the Interior Ministry, Tariq Arian, confirmed the attack.", "Tariq Arian", "Interior Ministry"),
    ("Bilal Karimi, who speaks for the Taliban, said the roads were open.", "Bilal Karimi", "Taliban"),
    ("The Taliban's spokesman, Bilal Karimi, said the roads were open.", "Bilal Karimi", "Taliban"),
    ("Tariq Arian, spokesman for the Interior Ministry, confirmed the attack.", "Tariq Arian", "Interior Ministry"),
])
def test_spokesman(nlp, text, person, group):
    kinds = {"Taliban": "ArmedGroup", "Interior Ministry": "Organization"}
    found = relations(nlp, text, {person: "Official", group: kinds[group]})
    assert (person, "spokesmanFor", group) in found


def test_commander_of_an_armed_group_is_a_member(nlp):
    found = relations(nlp, "Qari Fasihuddin, a Taliban commander, told reporters the road was cut.",
                      {"Qari Fasihuddin": "Official", "Taliban": "ArmedGroup"})
    assert ("Qari Fasihuddin", "memberOf", "Taliban") in found


@pytest.mark.parametrize("text, person, body, kind", [
    ("Dawood Laghmani, the governor of Ghor Province, asked for reinforcements.", "Dawood Laghmani",
     "Ghor Province", "Province"),
    ("Zarifa Ghafari, a member of the Wardak provincial council, said the road was closed.", "Zarifa Ghafari",
     "Wardak provincial council", "Organization"),
    ("President Volodymyr Zelensky of Ukraine spoke to the parliament.", "Volodymyr Zelensky", "Ukraine", "Country"),
])
def test_official_of(nlp, text, person, body, kind):
    found = relations(nlp, text, {person: "Official", body: kind})
    assert (person, "officialOf", body) in found


# ---------------------------------------------------------------- verbs, passives, coordination


def test_active_capture_and_a_coordinated_attack_share_the_subject(nlp):
    found = relations(nlp, "The Taliban captured Herat on Thursday and attacked Kandahar a day later.",
                      {"Taliban": "ArmedGroup", "Herat": "City", "Kandahar": "City"})
    assert ("Taliban", "captured", "Herat") in found
    assert ("Taliban", "attacked", "Kandahar") in found


@pytest.mark.parametrize("text, member, body", [
    ("The Kachin Independence Army, a member of the Northern Alliance, shelled the base.",
     "Kachin Independence Army", "Northern Alliance"),
    ("JNIM, al-Qaeda's branch in the Sahel, claimed the ambush.", "JNIM", "al-Qaeda"),
    ("Poland, a NATO member, sent more tanks.", "Poland", "NATO"),
])
def test_a_group_or_state_belonging_to_a_larger_body(nlp, text, member, body):
    types = {"Poland": "Country", "NATO": "Organization"}
    found = relations(nlp, text, {member: types.get(member, "ArmedGroup"), body: types.get(body, "ArmedGroup")})
    assert (member, "memberOf", body) in found


@pytest.mark.parametrize("text, agent", [
    ("Rebels led by the Arakan Army overran the town of Paletwa in January.", "Arakan Army"),
    ("Paletwa was overrun by Arakan Army and allied factions in January.", "Arakan Army"),
])
def test_the_group_leading_or_named_on_unnamed_fighters_is_the_captor(nlp, text, agent):
    found = relations(nlp, text, {agent: "ArmedGroup", "Paletwa": "City"})
    assert (agent, "captured", "Paletwa") in found


@pytest.mark.parametrize("text, group, place", [
    # fighters from a group are the group
    ("Fighters from the Islamic State West Africa Province attacked Damasak on Friday.",
     "Islamic State West Africa Province", "Damasak"),
    # a place right after the verb that the parser takes for an adverb is still the object
    ("Wagner fighters, joined by regular troops, have attacked Bakhmut almost daily since May.", "Wagner", "Bakhmut"),
])
def test_attackers_behind_a_noun_and_misparsed_objects(nlp, text, group, place):
    assert (group, "attacked", place) in relations(nlp, text, {group: "ArmedGroup", place: "City"})


def test_he_or_she_is_the_one_person_named_before(nlp):
    people = {"Ariel Henry": "Official", "William Ruto": "Official", "Nairobi": "City"}
    found = relations(nlp, "Ariel Henry flew to Nairobi last week, where he met with William Ruto.", people)
    assert ("Ariel Henry", "metWith", "William Ruto") in found or ("William Ruto", "metWith", "Ariel Henry") in found
    two = relations(nlp, "Ariel Henry and Claude Joseph flew to Nairobi, where he met with William Ruto.",
                    {**people, "Claude Joseph": "Official"})
    assert not any(predicate == "metWith" for _, predicate, _ in two)  # "he" could be either


def test_it_that_captures_is_the_one_armed_group_named_just_before(nlp):
    one = relations(nlp, "The Kivu Front took Walu in May. In June, it overran Bunagana.",
                    {"Kivu Front": "ArmedGroup", "Walu": "City", "Bunagana": "City"})
    assert ("Kivu Front", "captured", "Bunagana") in one
    two = relations(nlp, "The Kivu Front and the Lake Brigade took Walu in May. In June, it overran Bunagana.",
                    {"Kivu Front": "ArmedGroup", "Lake Brigade": "ArmedGroup", "Walu": "City", "Bunagana": "City"})
    assert not any(obj == "Bunagana" and predicate == "captured" for _, predicate, obj in two)


@pytest.mark.parametrize("text, triple", [
    ("Forces loyal to the Kivu Front said they had seized Walu.", ("Kivu Front", "captured", "Walu")),
    ("The envoy, Jeff Nyagah, met with Kivu Front leaders in Walu.", ("Kivu Front", "metWith", "Jeff Nyagah")),
    ("Gangs belonging to the Kivu Front exchanged gunfire with officers of the Walu Police.",
     ("Kivu Front", "clashedWith", "Walu Police")),
])
def test_bodies_that_stand_for_a_group(nlp, text, triple):
    people = {"Jeff Nyagah": "Official"} if "Nyagah" in text else {}
    places = {"Walu Police": "Force"} if "Police" in text else {"Walu": "City"}
    found = relations(nlp, text, {"Kivu Front": "ArmedGroup", **places, **people})
    subject, predicate, obj = triple
    assert triple in found or (predicate in ("metWith", "clashedWith") and (obj, predicate, subject) in found)


def test_troops_led_by_an_officer_are_not_the_officer(nlp):
    found = relations(nlp, "Troops led by Colonel Ahmed Musa recaptured Baga on Friday.",
                      {"Ahmed Musa": "Official", "Baga": "City"})
    assert not any(predicate == "captured" for _, predicate, _ in found)


@pytest.mark.parametrize("text", [
    "Ghazni was seized by the Taliban on Thursday.",
    "Ghazni fell to the Taliban on Thursday.",
    "On Thursday the Taliban took control of Ghazni.",
])
def test_capture_passive_fall_to_and_take_control(nlp, text):
    found = relations(nlp, text, {"Taliban": "ArmedGroup", "Ghazni": "City"})
    assert ("Taliban", "captured", "Ghazni") in found


def test_relative_clause_object(nlp):
    found = relations(nlp, "Refugees left Kherson, which Russian forces occupied in March.",
                      {"Kherson": "City", "Russian forces": "Force"})
    assert ("Russian forces", "captured", "Kherson") in found


def test_coordinated_subjects_clash(nlp):
    found = relations(nlp, "Government troops and local militias clashed with the Taliban near the airport.",
                      {"Government troops": "Force", "local militias": "Force", "Taliban": "ArmedGroup"})
    assert ("Government troops", "clashedWith", "Taliban") in found
    assert ("local militias", "clashedWith", "Taliban") in found


@pytest.mark.parametrize("text, targets", [
    ("The Taliban launched an attack on Ghazni before dawn.", ["Ghazni"]),
    ("Russian forces carried out strikes on Kharkiv and Dnipro overnight.", ["Kharkiv", "Dnipro"]),
    ("A Taliban assault on Khost left dozens dead.", ["Khost"]),
])
def test_attack_nouns(nlp, text, targets):
    agent = "Russian forces" if "Russian" in text else "Taliban"
    kinds = {agent: "Force" if "Russian" in agent else "ArmedGroup", **{t: "City" for t in targets}}
    found = relations(nlp, text, kinds)
    for target in targets:
        assert (agent, "attacked", target) in found


@pytest.mark.parametrize("text, agent, predicate, place", [
    ("After the fall of Mosul to the Islamic State, thousands fled.", "Islamic State", "captured", "Mosul"),
    ("Residents described the shelling of Kharkiv by Russian forces.", "Russian forces", "attacked", "Kharkiv"),
    ("JNIM fighters launched an attack on a military base in Kidal.", "JNIM", "attacked", "Kidal"),
    ("Russian forces advanced on Sloviansk from the north.", "Russian forces", "attacked", "Sloviansk"),
])
def test_capture_and_attack_nouns_and_advances(nlp, text, agent, predicate, place):
    kinds = {agent: "Force" if "forces" in agent else "ArmedGroup", place: "City"}
    assert (agent, predicate, place) in relations(nlp, text, kinds)


def test_they_in_what_a_group_says_is_the_group(nlp):
    found = relations(nlp, "The Arakan Army said on Monday that it had seized Paletwa after weeks of fighting.",
                      {"Arakan Army": "ArmedGroup", "Paletwa": "City"})
    assert ("Arakan Army", "captured", "Paletwa") in found


def test_fired_at(nlp):
    found = relations(nlp, "The Houthis fired two drones at Eilat overnight.", {"Houthis": "ArmedGroup", "Eilat": "City"})
    assert ("Houthis", "attacked", "Eilat") in found


def test_the_setting_of_a_sentence_is_not_the_target(nlp):
    found = relations(nlp, "In Syria, rebel factions launched an offensive on Hama.",
                      {"Syria": "Country", "rebel factions": "ArmedGroup", "Hama": "City"})
    assert ("rebel factions", "attacked", "Hama") in found
    assert ("rebel factions", "attacked", "Syria") not in found


def test_a_feared_fall_is_no_capture(nlp):
    found = relations(nlp, "Officials warned of the fall of Kandahar to the Taliban within weeks.",
                      {"Kandahar": "City", "Taliban": "ArmedGroup"})
    assert not {rel for rel in found if rel[1] in ("captured", "attacked")}


def test_clash_noun_between(nlp):
    found = relations(nlp, "Residents reported fighting between the army and the RSF in the market.",
                      {"army": "Force", "RSF": "ArmedGroup"})
    assert {("army", "clashedWith", "RSF"), ("RSF", "clashedWith", "army")} & found


@pytest.mark.parametrize("text", [
    "Antony Blinken met with Mohammed bin Salman in Riyadh on Sunday.",
    "Antony Blinken held talks with Mohammed bin Salman in Riyadh on Sunday.",
    "Antony Blinken is to meet Mohammed bin Salman in Riyadh on Sunday.",
])
def test_met_with(nlp, text):
    found = relations(nlp, text, {"Antony Blinken": "Official", "Mohammed bin Salman": "Official"})
    assert {("Antony Blinken", "metWith", "Mohammed bin Salman"),
            ("Mohammed bin Salman", "metWith", "Antony Blinken")} & found


def test_located_in(nlp):
    found = relations(nlp, "Fighting reached Chahar Dara, a district in Kunduz Province, on Friday.",
                      {"Chahar Dara": "District", "Kunduz Province": "Province"})
    assert ("Chahar Dara", "locatedIn", "Kunduz Province") in found
    found = relations(nlp, "Heavy fighting was reported in Archi in Kunduz Province on Sunday.",
                      {"Archi": "District", "Kunduz Province": "Province"})
    assert ("Archi", "locatedIn", "Kunduz Province") in found
    found = relations(nlp, "Shelling hit the Khan Abad district of Kunduz Province.",
                      {"Khan Abad district": "District", "Kunduz Province": "Province"})
    assert ("Khan Abad district", "locatedIn", "Kunduz Province") in found


def test_group_anaphor_names_its_rule(nlp):
    from spacy.util import filter_spans

    from kg.extract.relations import RelationExtractor

    text = "The Taliban moved north in the spring. By June the insurgents had captured Kunduz."
    doc = nlp(text)
    doc.ents = filter_spans([doc.char_span(text.find("Taliban"), text.find("Taliban") + 7, label="ArmedGroup"),
                             doc.char_span(text.find("Kunduz"), text.find("Kunduz") + 6, label="City")])
    rels = RelationExtractor(nlp, "test")(doc)._.kg_relations
    assert [(r.subject.text, r.predicate, r.object.text) for r in rels] == [("Taliban", "captured", "Kunduz")]
    assert rels[0].rule.endswith("-anaphor")
    assert rels[0].sentence.text.startswith("By June")  # the evidence is where the capture is told


# ---------------------------------------------------------------- what must not fire


@pytest.mark.parametrize("text", [
    "Officials said the Taliban cannot enter Herat while the airport is held.",
    "The army plans to retake Ghazni in the coming weeks.",
    "The Taliban threatened to attack Kandahar if talks failed.",
    "If the Taliban captured Kandahar, the road to Herat would be cut.",
    "The Taliban did not capture Ghazni, the ministry said.",
    "The Taliban would seize Ghazni within days, analysts warned.",
    "The army denied that the Taliban had entered Herat.",
    "Rumors that the Taliban captured Ghazni spread quickly.",  # a claim or rumour, not vouched for
])
def test_negated_or_hypothetical_gives_no_attack_or_capture(nlp, text):
    entities = {name: kind for name, kind in (("Taliban", "ArmedGroup"), ("army", "Force"), ("Herat", "City"),
                                              ("Ghazni", "City"), ("Kandahar", "City")) if name in text}
    found = relations(nlp, text, entities)
    assert not {rel for rel in found if rel[1] in ("captured", "attacked")}


def test_an_attempted_capture_is_an_attack(nlp):
    found = relations(nlp, "For weeks the Houthis have tried to seize Hodeidah from the coalition.",
                      {"Houthis": "ArmedGroup", "Hodeidah": "City"})
    assert ("Houthis", "attacked", "Hodeidah") in found
    assert ("Houthis", "captured", "Hodeidah") not in found


@pytest.mark.parametrize("text, entities", [
    ("The Taliban and Herat were both named in the report.", {"Taliban": "ArmedGroup", "Herat": "City"}),
    ("Officials in Kabul said the Taliban were nearby.", {"Kabul": "City", "Taliban": "ArmedGroup"}),
])
def test_two_names_in_one_sentence_are_not_a_relation(nlp, text, entities):
    assert relations(nlp, text, entities) == set()


# ---------------------------------------------------------------- confidences


def test_confidences_come_from_the_generated_table():
    from kg.extract.confidence import ANAPHOR_DISCOUNT, PREDICATE_CONFIDENCE, RULE_CONFIDENCE, confidence_of

    for rule, value in RULE_CONFIDENCE.items():
        assert confidence_of(rule) == value and 0.0 < value < 1.0
    for predicate, value in PREDICATE_CONFIDENCE.items():
        assert confidence_of(f"{predicate}-never-seen-rule") == value
    if RULE_CONFIDENCE:
        rule = next(r for r in RULE_CONFIDENCE if not r.endswith("-anaphor"))
        if f"{rule}-anaphor" not in RULE_CONFIDENCE:
            assert confidence_of(f"{rule}-anaphor") == pytest.approx(max(0.05, RULE_CONFIDENCE[rule] - ANAPHOR_DISCOUNT))


def test_modality_on_a_parse(nlp):
    from kg.extract.modality import modality

    doc = nlp("The rebels tried to capture the port but did not enter the town, and plan to attack again.")
    words = {t.lower_: t for t in doc}
    assert modality(words["capture"]) == "attempt"
    assert modality(words["enter"]) == "unreal"
    assert modality(words["attack"]) == "unreal"


# ---------------------------------------------------------------- more constructions


@pytest.mark.parametrize("text, entities, expected", [
    ("Aid convoys reached Houthi-held Hodeidah on Monday.", {"Houthi": "ArmedGroup", "Hodeidah": "City"},
     ("Houthi", "captured", "Hodeidah")),
    ("The RSF, led by Mohamed Hamdan Dagalo, denied the report.",
     {"RSF": "ArmedGroup", "Mohamed Hamdan Dagalo": "Official"}, ("Mohamed Hamdan Dagalo", "memberOf", "RSF")),
    ("Amina Yusuf, who heads the Kassala state council, called for calm.",
     {"Amina Yusuf": "Official", "Kassala state council": "Organization"},
     ("Amina Yusuf", "officialOf", "Kassala state council")),
    ("The Taliban regained control of Musa Qala on Friday.", {"Taliban": "ArmedGroup", "Musa Qala": "District"},
     ("Taliban", "captured", "Musa Qala")),
    ("Fighting closed roads in Helmand's Nawa district.", {"Helmand": "Province", "Nawa district": "District"},
     ("Nawa district", "locatedIn", "Helmand")),
])
def test_held_led_regained_and_possessive_places(nlp, text, entities, expected):
    assert expected in relations(nlp, text, entities)


@pytest.mark.parametrize("text", [
    "The RSF exchanged fire with the army in Omdurman.",
    "The RSF and the army exchanged fire in Omdurman.",
    "The war between the army and the RSF reached Omdurman.",
])
def test_exchanges_of_fire_and_wars_are_clashes(nlp, text):
    found = relations(nlp, text, {"RSF": "ArmedGroup", "army": "Force", "Omdurman": "City"})
    assert {("RSF", "clashedWith", "army"), ("army", "clashedWith", "RSF")} & found


def test_a_relative_clause_keeps_its_own_modality(nlp):
    found = relations(nlp, "Refugees did not return to Kherson, which Russian forces occupied in March.",
                      {"Kherson": "City", "Russian forces": "Force"})
    assert ("Russian forces", "captured", "Kherson") in found


def test_a_doc_without_a_parse_gets_no_relations():
    import spacy

    from kg.extract.relations import RelationExtractor

    nlp = spacy.blank("en")
    doc = nlp("The Taliban captured Kunduz, the capital of Kunduz Province.")
    doc.ents = [doc.char_span(4, 11, label="ArmedGroup"), doc.char_span(21, 27, label="City")]
    assert RelationExtractor(nlp, "test")(doc)._.kg_relations == []


@pytest.mark.parametrize("text, entities, expected", [
    ("Nawa lies on the main road and it has fallen to the Taliban twice.",
     {"Nawa": "District", "Taliban": "ArmedGroup"}, ("Taliban", "captured", "Nawa")),
    ("Government troops say they have cleared the district center in Marjah of militants.",
     {"Government troops": "Force", "Marjah": "District"}, ("Government troops", "captured", "Marjah")),
])
def test_pronoun_subjects_and_centres_of_places(nlp, text, entities, expected):
    assert expected in relations(nlp, text, entities)


@pytest.mark.parametrize("text, entities, expected", [
    ("Junta aircraft bombed a crowded market in Sagaing on Tuesday.",
     {"Junta aircraft": "Force", "Sagaing": "Province"}, ("Junta aircraft", "attacked", "Sagaing")),
    ("RSF gunmen opened fire on El Fasher overnight.", {"RSF": "ArmedGroup", "El Fasher": "City"},
     ("RSF", "attacked", "El Fasher")),
])
def test_attacks_on_sites_and_opening_fire(nlp, text, entities, expected):
    assert expected in relations(nlp, text, entities)


def test_an_offensive_to_retake_a_place_is_an_attack_not_a_capture(nlp):
    found = relations(nlp, "The army launched an offensive to retake Omdurman from the RSF.",
                      {"army": "Force", "Omdurman": "City", "RSF": "ArmedGroup"})
    assert ("army", "captured", "Omdurman") not in found


@pytest.mark.parametrize("text", [
    "By Sunday evening Ghazni was under Taliban control.",
    "Ghazni came under the control of the Taliban on Sunday.",
])
def test_under_control(nlp, text):
    assert ("Taliban", "captured", "Ghazni") in relations(nlp, text, {"Taliban": "ArmedGroup", "Ghazni": "City"})


def test_not_under_control(nlp):
    found = relations(nlp, "Ghazni is not under Taliban control, the governor said.",
                      {"Taliban": "ArmedGroup", "Ghazni": "City"})
    assert ("Taliban", "captured", "Ghazni") not in found


def test_abbreviated_title_of_a_place(nlp):
    found = relations(nlp, "Gov. Vitaliy Kim of Mykolaiv said the shelling had stopped.",
                      {"Vitaliy Kim": "Official", "Mykolaiv": "Province"})
    assert ("Vitaliy Kim", "officialOf", "Mykolaiv") in found


def test_a_name_before_a_speaking_role_is_no_apposition(nlp):
    found = relations(nlp, "They spoke to Karimi, the Taliban leader said on Monday.",
                      {"Karimi": "Person", "Taliban": "ArmedGroup"})
    assert not {rel for rel in found if rel[1] in ("memberOf", "officialOf")}


@pytest.mark.parametrize("text", [
    "The Taliban swept across the north on Sunday, seizing Kunduz within hours.",
    "After seizing Kunduz, the Taliban moved toward Taloqan.",
])
def test_participle_clauses_share_the_subject(nlp, text):
    assert ("Taliban", "captured", "Kunduz") in relations(nlp, text, {"Taliban": "ArmedGroup", "Kunduz": "City"})


@pytest.mark.parametrize("adjective", ["state", "prefectural", "provincial"])
def test_a_subdivision_capital_is_the_capital_of_the_province_named(nlp, adjective):
    text = (f"Rain fell across Ishikawa on Tuesday. Officials met in Kanazawa, the {adjective} capital, to plan "
            "the cleanup.")
    found = relations(nlp, text, {"Ishikawa": "Province", "Kanazawa": "City"})
    assert ("Kanazawa", "capitalOf", "Ishikawa") in found


def test_allies_the_parser_hung_on_allied_act_with_the_subject(nlp):
    found = relations(nlp, "Turkish troops and allied Free Syrian Army factions captured the town of Jinderes on "
                           "Thursday.", {"Turkish troops": "Force", "Free Syrian Army": "ArmedGroup",
                                         "Jinderes": "City"})
    assert {("Turkish troops", "captured", "Jinderes"), ("Free Syrian Army", "captured", "Jinderes")} <= found


def test_its_fighters_are_those_of_what_the_sentence_before_was_about(nlp):
    text = ("The SDF, an alliance in which the YPG is the largest force, launched its assault on Raqqa in June. "
            "Since then its fighters have taken the Mashlab district, a spokesman said.")
    found = relations(nlp, text, {"SDF": "ArmedGroup", "YPG": "ArmedGroup", "Raqqa": "City", "Mashlab": "District"})
    assert ("SDF", "captured", "Mashlab") in found
    assert ("YPG", "captured", "Mashlab") not in found


def test_a_politicians_organisation_that_is_no_elected_body_is_his_party(nlp):
    text = ("Rose Mutua, a Wiper Democratic Movement lawmaker, objected. Ali Musa, a National Assembly lawmaker, "
            "agreed.")
    found = relations(nlp, text, {"Rose Mutua": "Official", "Wiper Democratic Movement": "Organization",
                                  "Ali Musa": "Official", "National Assembly": "Organization"})
    assert ("Rose Mutua", "memberOf", "Wiper Democratic Movement") in found
    assert ("Ali Musa", "officialOf", "National Assembly") in found


def test_places_listed_after_a_plural_place_noun_are_in_its_place(nlp):
    text = ("The governor declared a disaster in 14 Texas counties, including Kerr and Kendall, on Friday. The "
            "Taliban overran Helmand's districts, among them Nawa and Garmsir.")
    found = relations(nlp, text, {"Texas": "Province", "Kerr": "District", "Kendall": "District",
                                  "Taliban": "ArmedGroup", "Helmand": "Province", "Nawa": "District",
                                  "Garmsir": "District"})
    assert {("Kerr", "locatedIn", "Texas"), ("Kendall", "locatedIn", "Texas"), ("Nawa", "locatedIn", "Helmand"),
            ("Garmsir", "locatedIn", "Helmand")} <= found


def test_a_titled_name_of_a_force_is_its_official(nlp):
    found = relations(nlp, "Detective Chief Inspector Sarah Bury of Greater Manchester Police said officers had "
                           "searched the offices.", {"Sarah Bury": "Official", "Greater Manchester Police": "Force"})
    assert ("Sarah Bury", "officialOf", "Greater Manchester Police") in found


def test_towns_named_after_of_are_no_anaphor(nlp):
    text = ("A consortium led by Houston-based Gulfstar Energy signed the deal. The contract covers two fields near "
            "the towns of Cardenas and Huimanguillo in western Tabasco.")
    found = relations(nlp, text, {"Houston": "City", "Gulfstar Energy": "Organization", "Tabasco": "Province"})
    assert ("Houston", "locatedIn", "Tabasco") not in found


def test_left_under_control_puts_the_object_under_its_holder(nlp):
    found = relations(nlp, "The fall of the base left Ardamata and most of El Geneina under RSF control.",
                      {"Ardamata": "City", "El Geneina": "City", "RSF": "ArmedGroup"})
    assert {("RSF", "captured", "Ardamata"), ("RSF", "captured", "El Geneina")} <= found


def test_a_verb_the_tagger_took_for_a_name_after_and_still_takes_its_object(nlp):
    text = ("The RSF has made gains across Darfur. It wrested control of Nyala on Oct. 26, and days later overran "
            "Zalingei.")
    found = relations(nlp, text, {"RSF": "ArmedGroup", "Darfur": "Province", "Nyala": "City", "Zalingei": "City"})
    assert ("RSF", "captured", "Zalingei") in found


def test_it_said_by_a_possessed_sayer_is_the_sayer(nlp):
    text = ("Sudan's paramilitary Rapid Support Forces (RSF) said Saturday it had overrun an army base after days "
            "of fighting with the Sudanese Armed Forces.")
    found = relations(nlp, text, {"Sudan": "Country", "Rapid Support Forces": "ArmedGroup", "RSF": "ArmedGroup",
                                  "Sudanese Armed Forces": "Force"})
    assert ("Rapid Support Forces", "clashedWith", "Sudanese Armed Forces") in found
    assert ("Sudan", "clashedWith", "Sudanese Armed Forces") not in found


def test_towns_joined_before_their_state_are_both_in_it(nlp):
    found = relations(nlp, "Residents of Deer Park and Baytown, Texas, were told to stay inside. The storm hit Ada, "
                           "Oklahoma, and Seminole.", {"Deer Park": "City", "Baytown": "City", "Texas": "Province",
                                                       "Ada": "City", "Oklahoma": "Province", "Seminole": "City"})
    assert {("Deer Park", "locatedIn", "Texas"), ("Baytown", "locatedIn", "Texas"),
            ("Ada", "locatedIn", "Oklahoma")} <= found
    assert ("Seminole", "locatedIn", "Oklahoma") not in found


def test_whose_capital_is(nlp):
    found = relations(nlp, "Luca Bruno, president of the Campania region, whose capital is Naples, said the region "
                           "would act.", {"Luca Bruno": "Official", "Campania": "Province", "Naples": "City"})
    assert ("Naples", "capitalOf", "Campania") in found


def test_the_junta_is_the_countrys_forces_not_one_of_its_commands(nlp):
    text = ("Rebels took several towns from Myanmar's military. Lashio is home to the military's Northeastern "
            "Command. Aung Kyaw Lin, a spokesman for the junta, said troops had withdrawn.")
    found = relations(nlp, text, {"Myanmar's military": "Force", "Lashio": "City", "Northeastern Command": "Force",
                                  "Aung Kyaw Lin": "Official"})
    assert ("Aung Kyaw Lin", "spokesmanFor", "Myanmar's military") in found


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("Mosul, the second city of the north, which the Eagle Brigade seized in June, lay in ruins.",
     {"Mosul": "City", "Eagle Brigade": "ArmedGroup"}, ("Eagle Brigade", "captured", "Mosul"), None),
    ("Kochi, the state's commercial capital, was flooded as Kerala counted its dead.",
     {"Kochi": "City", "Kerala": "Province"}, None, ("Kochi", "capitalOf", "Kerala")),
    ("Ferguson Yard was taken into public ownership by the Holm Council in 2019.",
     {"Ferguson Yard": "City", "Holm Council": "Organization"}, None, ("Holm Council", "captured", "Ferguson Yard")),
    ("Bids came from yards in Gdansk, Poland, and Vigo, Spain.",
     {"Gdansk": "City", "Poland": "Country", "Vigo": "City", "Spain": "Country"},
     ("Vigo", "locatedIn", "Spain"), ("Gdansk", "locatedIn", "Spain")),
])
def test_clause_and_apposition_readings(nlp, text, entities, expected, absent):
    found = relations(nlp, text, entities)
    assert expected is None or expected in found, found
    assert absent not in found, found


def test_a_clause_joined_after_a_when_clause_shares_the_main_subject(nlp):
    text = ("The Red Hand has gained ground since May, when the Blue Guard began its withdrawal, and in the past "
            "week it has seized Tarsa.")
    found = relations(nlp, text, {"Red Hand": "ArmedGroup", "Blue Guard": "Force", "Tarsa": "City"})
    assert ("Red Hand", "captured", "Tarsa") in found and ("Blue Guard", "captured", "Tarsa") not in found


def test_a_town_just_across_the_border_is_in_the_country_named(nlp):
    found = relations(nlp, "Families fled to Adre, just across the border in Chad, on Friday.",
                      {"Adre": "City", "Chad": "Country"})
    assert ("Adre", "locatedIn", "Chad") in found


def test_a_leader_named_in_a_list_of_sides_leads_only_his_own(nlp):
    found = relations(nlp, "The war between the army, led by Gen. Omar Dakku, and the Red Hand, commanded by Gen. "
                           "Ali Musa, spread west.", {"army": "Force", "Omar Dakku": "Official",
                                                      "Red Hand": "ArmedGroup", "Ali Musa": "Official"})
    assert ("Omar Dakku", "officialOf", "army") in found and ("Omar Dakku", "officialOf", "Red Hand") not in found


def test_an_elected_officer_of_a_party_is_its_member(nlp):
    found = relations(nlp, "Mayor Rui Faria of the Brazilian Labour Movement conceded on Sunday.",
                      {"Rui Faria": "Official", "Brazilian Labour Movement": "Organization"})
    assert ("Rui Faria", "memberOf", "Brazilian Labour Movement") in found
    found = relations(nlp, "Inspector Jane Roe of Greater Harwich Police said the arrest followed a tip.",
                      {"Jane Roe": "Official", "Greater Harwich Police": "Force"})
    assert ("Jane Roe", "officialOf", "Greater Harwich Police") in found


def test_a_party_named_after_a_comma_and_of_is_the_persons_party(nlp):
    found = relations(nlp, "Opposition Leader Mia Ashton, of the Liberal Party, said the budget was late.",
                      {"Mia Ashton": "Official", "Liberal Party": "Organization"})
    assert ("Mia Ashton", "memberOf", "Liberal Party") in found
    assert ("Mia Ashton", "officialOf", "Liberal Party") not in found


def test_talks_between_a_list_broken_by_acronyms(nlp):
    found = relations(nlp, "Talks between the Blue Union, the Green Alliance (GA) and the Social League (SL) stalled.",
                      {"Blue Union": "Organization", "Green Alliance": "Organization", "GA": "Organization",
                       "Social League": "Organization", "SL": "Organization"})
    assert {("Blue Union", "metWith", "Social League"), ("Social League", "metWith", "Blue Union")} & found
    assert {("Green Alliance", "metWith", "Social League"), ("Social League", "metWith", "Green Alliance")} & found


def test_peacekeepers_are_the_mission_the_article_names(nlp):
    found = relations(nlp, "MINUSMA said gunmen of the Red Hand fired on a peacekeepers' base near Tessit.",
                      {"MINUSMA": "Force", "Red Hand": "ArmedGroup", "Tessit": "City"})
    assert ("Red Hand", "attacked", "MINUSMA") in found


def test_an_airstrike_targeting_a_group_and_a_group_pushed_out_by_a_force(nlp):
    found = relations(nlp, "Eastern Command conducted an airstrike targeting Red Hand militants near Tarwa.",
                      {"Eastern Command": "Force", "Red Hand": "ArmedGroup", "Tarwa": "City"})
    assert ("Eastern Command", "attacked", "Red Hand") in found
    found = relations(nlp, "The Red Hand, which was pushed out of Tarwa by the Blue Brigade in 2011, still raids.",
                      {"Red Hand": "ArmedGroup", "Tarwa": "City", "Blue Brigade": "Force"})
    assert ("Blue Brigade", "clashedWith", "Red Hand") in found  # (driven out: a fight, kg.extract.frames)


def test_a_place_held_is_the_one_named_before_and_restored_control_is_a_capture(nlp):
    found = relations(nlp, "The Blue Brigade retook Tarwa after the Red Hand had held it for a decade.",
                      {"Blue Brigade": "Force", "Tarwa": "City", "Red Hand": "ArmedGroup"})
    assert ("Red Hand", "captured", "Tarwa") in found
    found = relations(nlp, "The Blue Brigade had restored control of Tarwa by Tuesday.",
                      {"Blue Brigade": "Force", "Tarwa": "City"})
    assert ("Blue Brigade", "captured", "Tarwa") in found
    found = relations(nlp, "The Blue Brigade seized power from the government of the Green League in 2021.",
                      {"Blue Brigade": "Force", "Green League": "Organization"})
    assert not found


def test_the_army_is_the_states_force_not_a_rebel_army(nlp):
    found = relations(nlp, "The Tarwa military said Dorn had fallen to the Free Hill Army. "
                           "Fighting between the army and the Red Hand resumed.",
                      {"Tarwa military": "Force", "Dorn": "City", "Free Hill Army": "ArmedGroup",
                       "Red Hand": "ArmedGroup"})
    assert not {("Free Hill Army", "clashedWith", "Red Hand"), ("Red Hand", "clashedWith", "Free Hill Army")} & found


def test_an_administrative_center_is_a_capital_and_a_description_is_of_the_name_before_its_comma(nlp):
    found = relations(nlp, "Dorn, the administrative center of the Tarwa region, was shelled.",
                      {"Dorn": "City", "Tarwa region": "Province"})
    assert ("Dorn", "capitalOf", "Tarwa region") in found
    found = relations(nlp, "Beln, which lies 30 kilometers from Dorn, the capital of Tarwa, sits at a junction.",
                      {"Beln": "City", "Dorn": "City", "Tarwa": "Province"})
    assert ("Dorn", "capitalOf", "Tarwa") in found and ("Beln", "capitalOf", "Tarwa") not in found


def test_roles_told_after_became_one_of_the_members_and_a_body_the_parser_joined_to_the_name(nlp):
    found = relations(nlp, "Ana Vell, who became Tarwa's president in April, made security a priority.",
                      {"Ana Vell": "Official", "Tarwa": "Country"})
    assert ("Ana Vell", "officialOf", "Tarwa") in found
    found = relations(nlp, "Magistrate Tom Hale, one of two members of the Dorn County Fiscal Court who voted no, "
                           "said rates would rise.",
                      {"Tom Hale": "Official", "Dorn County Fiscal Court": "Organization"})
    assert ("Tom Hale", "memberOf", "Dorn County Fiscal Court") in found
    found = relations(nlp, "A spokesman for the EUB, Lena Marsh, said the board would meet.",
                      {"EUB": "Organization", "Lena Marsh": "Official"})
    assert ("Lena Marsh", "spokesmanFor", "EUB") in found


def test_a_town_after_a_bodys_title_is_a_hometown_not_an_office(nlp):
    found = relations(nlp, "Senate Minority Leader Paul Tarr of Glenfield said the borrowing was too high.",
                      {"Senate": "Organization", "Paul Tarr": "Official", "Glenfield": "City"})
    assert ("Paul Tarr", "officialOf", "Senate") in found and ("Paul Tarr", "officialOf", "Glenfield") not in found
    found = relations(nlp, "Gov. Ana Bell of Westland said the roads would reopen.",
                      {"Ana Bell": "Official", "Westland": "Province"})
    assert ("Ana Bell", "officialOf", "Westland") in found


def test_it_is_the_one_town_of_its_own_sentence_and_the_military_is_the_articles_forces(nlp):
    found = relations(nlp, "Dorn was quiet and Beln was calm. The Blue Brigade retook Tarwa after the Red Hand had "
                           "held it for a decade.",
                      {"Dorn": "City", "Beln": "City", "Blue Brigade": "Force", "Tarwa": "City",
                       "Red Hand": "ArmedGroup"})
    assert ("Red Hand", "captured", "Tarwa") in found
    found = relations(nlp, "The Tarwa Army said it was ready. Talks between the Red Hand and the military broke down.",
                      {"Tarwa Army": "Force", "Red Hand": "ArmedGroup"})
    assert {("Red Hand", "metWith", "Tarwa Army"), ("Tarwa Army", "metWith", "Red Hand")} & found


def test_troops_under_a_commander_are_his(nlp):
    found = relations(nlp, "The Blue Brigade under Brig. Gen. Sami Hadd pushed into Dorn.",
                      {"Blue Brigade": "Force", "Sami Hadd": "Official", "Dorn": "City"})
    assert ("Sami Hadd", "officialOf", "Blue Brigade") in found


def test_a_second_role_joined_to_an_apposition_and_a_body_named_by_a_word_inside_its_name(nlp):
    found = relations(nlp, "Gen. Omar Lado, the army chief and head of the Ruling Council, vowed to fight on.",
                      {"Omar Lado": "Official", "Ruling Council": "Organization"})
    assert ("Omar Lado", "officialOf", "Ruling Council") in found
    found = relations(nlp, "The Tarwa Observatory for Human Rights counted the dead. \"They left,\" said Ana Vell, "
                           "who heads the observatory.",
                      {"Tarwa Observatory for Human Rights": "Organization", "Ana Vell": "Official"})
    assert ("Ana Vell", "officialOf", "Tarwa Observatory for Human Rights") in found


def test_a_group_linked_to_another_in_a_list_its_towns_mayor_and_a_place_in_a_countrys_region(nlp):
    found = relations(nlp, "Fighting between the Red Hand and the Blue Front-linked Green Brigade displaced many.",
                      {"Red Hand": "ArmedGroup", "Blue Front": "ArmedGroup", "Green Brigade": "ArmedGroup"})
    assert not {r for r in found if "Blue Front" in (r[0], r[2])}
    found = relations(nlp, "Dorn fell to the Red Hand without a fight after its mayor, Ana Vell, agreed to leave.",
                      {"Dorn": "City", "Red Hand": "ArmedGroup", "Ana Vell": "Official"})
    assert ("Ana Vell", "officialOf", "Dorn") in found and ("Ana Vell", "officialOf", "Red Hand") not in found
    found = relations(nlp, "Jets struck fighters near Beln, in Tarwa's Bay region, on Monday.",
                      {"Beln": "City", "Tarwa": "Country", "Bay region": "Province"})
    assert ("Beln", "locatedIn", "Bay region") in found and ("Beln", "locatedIn", "Tarwa") not in found


def test_the_group_an_acronym_in_brackets_closes_is_what_a_relative_clause_after_it_describes(nlp):
    found = relations(nlp, "Ali Hadd, leader of the Free Hill Movement (FHM), an armed group that has fought the Red "
                           "Hand since 2018, said the roads were closed.",
                      {"Ali Hadd": "Official", "Free Hill Movement": "ArmedGroup", "FHM": "ArmedGroup",
                       "Red Hand": "ArmedGroup"})
    assert ("Ali Hadd", "clashedWith", "Red Hand") not in found
