"""The frames of kg/extract/data/frames.toml and the slot readers behind them, one sentence each.

The sentences are written for these tests and name invented groups and towns ("the Red Hand",
"Kolda"), so what is read comes from the sentence's structure, not from any list of known names.
Entities are set by hand, as in test_relations.py.
"""
from __future__ import annotations

import pytest

from tests.test_relations import relations

pytestmark = pytest.mark.model

RED_HAND = {"Red Hand": "ArmedGroup"}


def assert_reads(nlp, text: str, entities: dict[str, str], expected: set, absent: set) -> None:
    """``text`` with ``entities`` set by hand reads every relation of ``expected`` and none of ``absent``."""
    found = relations(nlp, text, entities)
    assert expected <= found, found
    assert not absent & found, found
BRIGADE = {"Northern Brigade": "Force"}


def test_frames_file_loads_and_names_only_known_slots():
    from kg.extract.frames import NOUN_SLOTS, VERB_SLOTS, load_frames

    frames = load_frames()
    assert {f.predicate for f in frames} == {"attacked", "captured", "clashedWith", "metWith"}
    assert {f.event for f in frames} == {"Attack", "Capture", "Clash", "Meeting"}
    for frame in frames:
        for slot in frame.verb_agent + frame.verb_patient:
            assert slot in VERB_SLOTS or slot.replace("object-", "").isalpha(), (frame.name, slot)
        for slot in frame.noun_agent + frame.noun_patient:
            assert slot in NOUN_SLOTS or slot.replace("support-", "").isalpha(), (frame.name, slot)


def test_word_lists_load_from_their_data_file():
    import tomllib

    from kg.extract.words import WORDS_FILE, word_list

    with open(WORDS_FILE, "rb") as handle:
        tables = tomllib.load(handle)
    for section, lists in tables.items():
        for name, values in lists.items():
            assert word_list(section, name) == frozenset(values) and values, (section, name)
            assert all(v == v.lower() for v in values), (section, name)  # looked up in lower case


def test_a_frame_with_an_unknown_slot_is_refused(tmp_path):
    from kg.errors import GazetteerError
    from kg.extract.frames import load_frames

    bad = tmp_path / "frames.toml"
    bad.write_text('[frame.x]\npredicate = "attacked"\nevent = "Attack"\nverbs = ["hit"]\nverb_agent = ["nowhere-slot"]\n')
    with pytest.raises(GazetteerError, match="no slot reader"):
        load_frames(bad)


@pytest.mark.parametrize("text, entities, expected, absent", [
    # who held a place before it was taken
    ("The Red Hand took control of Harmal from the Coastal Front on Tuesday.",
     {**RED_HAND, "Harmal": "City", "Coastal Front": "ArmedGroup"},
     {("Red Hand", "captured", "Harmal"), ("Coastal Front", "captured", "Harmal"),
      ("Red Hand", "clashedWith", "Coastal Front")}, set()),
    ("Northern Brigade troops are close to liberating Sarvan from Red Hand control.",
     {**BRIGADE, **RED_HAND, "Sarvan": "City"}, {("Red Hand", "captured", "Sarvan")}, set()),
    ("The Northern Brigade launched operations to expel the Red Hand from Kolda.",
     {**BRIGADE, **RED_HAND, "Kolda": "City"},
     {("Northern Brigade", "clashedWith", "Red Hand"), ("Red Hand", "captured", "Kolda")},
     {("Northern Brigade", "attacked", "Red Hand")}),
    # nominal and light-verb attacks
    ("The Northern Brigade killed 12 Red Hand fighters near Tamsa on Sunday.",
     {**BRIGADE, **RED_HAND, "Tamsa": "City"}, {("Northern Brigade", "attacked", "Red Hand")}, set()),
    ("The Allied Air Command launched a series of strikes on Red Hand positions overnight.",
     {"Allied Air Command": "Force", **RED_HAND}, {("Allied Air Command", "attacked", "Red Hand")},
     {("Allied Air Command", "clashedWith", "Red Hand")}),
    ("Red Hand-led attacks in Marda province killed nine people last month.",
     {**RED_HAND, "Marda province": "Province"}, {("Red Hand", "attacked", "Marda province")}, set()),
    ("Elders condemned acts of violence perpetrated by the Red Hand against villagers in Tamsa.",
     {**RED_HAND, "Tamsa": "City"}, {("Red Hand", "attacked", "Tamsa")}, set()),
    ("Red Hand fighters fought their way into Tamsa before dawn.",
     {**RED_HAND, "Tamsa": "City"}, {("Red Hand", "attacked", "Tamsa")}, set()),
    ("The governor urged the Red Hand to halt its advance on Kolda.",
     {**RED_HAND, "Kolda": "City"}, {("Red Hand", "attacked", "Kolda")}, set()),
    ("The Allied Air Command has been carrying out airstrikes across Veltra for a week.",
     {"Allied Air Command": "Force", "Veltra": "Country"}, {("Allied Air Command", "attacked", "Veltra")}, set()),
    # clashes
    ("Fighting continued in the north between the Red Hand and the Northern Brigade.",
     {**RED_HAND, **BRIGADE}, {("Red Hand", "clashedWith", "Northern Brigade")}, set()),
    # an assault on the ground by one armed side on another is a fight too (GUIDELINES: both sides fought) ...
    ("Northern Brigade troops attacked Red Hand fighters east of Kolda on Friday.",
     {**BRIGADE, **RED_HAND, "Kolda": "City"},
     {("Northern Brigade", "attacked", "Red Hand"), ("Northern Brigade", "clashedWith", "Red Hand")}, set()),
    # ... a strike from afar is not
    ("Northern Brigade troops attacked Red Hand positions with drones east of Kolda on Friday.",
     {**BRIGADE, **RED_HAND, "Kolda": "City"},
     {("Northern Brigade", "attacked", "Red Hand")}, {("Northern Brigade", "clashedWith", "Red Hand")}),
    ("The Red Hand shelled the Northern Brigade east of Kolda on Friday.", {**BRIGADE, **RED_HAND, "Kolda": "City"},
     {("Red Hand", "attacked", "Northern Brigade")}, {("Red Hand", "clashedWith", "Northern Brigade")}),
    ("Ministers condemned in the strongest terms Rwanda's and Uganda's hostilities on Kolda.",
     {"Rwanda": "Country", "Uganda": "Country", "Kolda": "City"},
     {("Rwanda", "attacked", "Kolda"), ("Uganda", "attacked", "Kolda")},
     {("Rwanda", "clashedWith", "Uganda"), ("Uganda", "clashedWith", "Rwanda")}),
    # meetings
    ("Leaders of the armed groups Red Hand, Blue Star and Iron Wolves held talks in Kolda.",
     {**RED_HAND, "Blue Star": "ArmedGroup", "Iron Wolves": "ArmedGroup", "Kolda": "City"},
     {("Red Hand", "metWith", "Blue Star"), ("Red Hand", "metWith", "Iron Wolves"),
      ("Blue Star", "metWith", "Iron Wolves")}, set()),
    # captures told as states and through references
    ("Tamsa has long been a Red Hand stronghold.", {**RED_HAND, "Tamsa": "City"},
     {("Red Hand", "captured", "Tamsa")}, set()),
    ("Tamsa is a market town on the river. It was seized by the Red Hand on Monday.",
     {"Tamsa": "City", **RED_HAND}, {("Red Hand", "captured", "Tamsa")}, set()),
    ("An armed group known as the Red Hand seized Kolda in March.", {**RED_HAND, "Kolda": "City"},
     {("Red Hand", "captured", "Kolda")}, set()),
    ("Red Hand fighters seized the entrance of Kolda on Friday.", {**RED_HAND, "Kolda": "City"},
     {("Red Hand", "attacked", "Kolda")}, {("Red Hand", "captured", "Kolda")}),
    ("The Northern Brigade claimed killing dozens of Red Hand fighters.", {**BRIGADE, **RED_HAND},
     {("Northern Brigade", "attacked", "Red Hand")}, set()),
    ("Mariam Osei ran a clinic in the market. Red Hand gunmen attacked her outside the clinic.",
     {"Mariam Osei": "Person", **RED_HAND}, {("Red Hand", "attacked", "Mariam Osei")}, set()),
    # what must not fire
    ("It does not appear that the Red Hand has encircled Kolda.", {**RED_HAND, "Kolda": "City"},
     set(), {("Red Hand", "attacked", "Kolda")}),
    ("Planners feared a possible Red Hand offensive against Kolda.", {**RED_HAND, "Kolda": "City"},
     set(), {("Red Hand", "attacked", "Kolda")}),
    ("The Red Hand seized northern Veltra last year.", {**RED_HAND, "Veltra": "Country"},
     set(), {("Red Hand", "captured", "Veltra")}),
])
def test_frames(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, entities, expected", [
    ("Ali Musa, who joined the Red Hand in 2019, was killed on Monday.", {"Ali Musa": "Person", **RED_HAND},
     ("Ali Musa", "memberOf", "Red Hand")),
    ("The Red Hand pledged allegiance to the Iron Wolves in 2018.", {**RED_HAND, "Iron Wolves": "ArmedGroup"},
     ("Red Hand", "memberOf", "Iron Wolves")),
    ("Ali Musa of the Red Hand told reporters the truce had failed.", {"Ali Musa": "Person", **RED_HAND},
     ("Ali Musa", "memberOf", "Red Hand")),
    ("Ali Musa, a former member of the Red Hand, now lives in Kolda.",
     {"Ali Musa": "Person", **RED_HAND, "Kolda": "City"}, ("Ali Musa", "memberOf", "Red Hand")),
    ("Officials said removing Ali Musa as a Red Hand leader would weaken the group.",
     {"Ali Musa": "Person", **RED_HAND}, ("Ali Musa", "memberOf", "Red Hand")),
    ("Interior Ministry spokesman Col. Amadou Diallo said the road was open.",
     {"Interior Ministry": "Organization", "Amadou Diallo": "Official"},
     ("Amadou Diallo", "spokesmanFor", "Interior Ministry")),
    ("Defense Department Press Secretary John Bell told reporters the strike succeeded.",
     {"Defense Department": "Organization", "John Bell": "Official"},
     ("John Bell", "spokesmanFor", "Defense Department")),
    ("Ali Musa, a spokesperson from the Red Hand's political office, said talks would resume.",
     {"Ali Musa": "Official", **RED_HAND}, ("Ali Musa", "spokesmanFor", "Red Hand")),
])
def test_roles(nlp, text, entities, expected):
    assert expected in relations(nlp, text, entities)


def test_an_envoy_for_a_country_is_not_its_official(nlp):
    found = relations(nlp, "The talks were led by Veltran Special Envoy for Sarvia John Bell.",
                      {"John Bell": "Official", "Sarvia": "Country"})
    assert ("John Bell", "officialOf", "Sarvia") not in found


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("The strike hit Sabra, Veltra, on Monday.", {"Sabra": "City", "Veltra": "Country"},
     {("Sabra", "locatedIn", "Veltra")}, set()),
    ("Strikes hit Sabra, Kolda and Tamsa on Monday.", {"Sabra": "City", "Kolda": "City", "Tamsa": "City"},
     set(), {("Sabra", "locatedIn", "Kolda")}),
    ("Mali's army returned to the northern Malian town of Tamsa.", {"Mali": "Country", "Tamsa": "City"},
     {("Tamsa", "locatedIn", "Mali")}, set()),
    ("The group operates in North Tamsa and Kolda provinces in eastern Veltra.",
     {"North Tamsa": "Province", "Kolda provinces": "Province", "Veltra": "Country"},
     {("North Tamsa", "locatedIn", "Veltra"), ("Kolda provinces", "locatedIn", "Veltra")}, set()),
    # the province word outside both names: the parser hangs the first on it as a modifier
    ("The group operates mostly in North Tamsa and Kolda provinces in eastern Veltra.",
     {"North Tamsa": "Province", "Kolda": "Province", "Veltra": "Country"},
     {("North Tamsa", "locatedIn", "Veltra"), ("Kolda", "locatedIn", "Veltra")}, set()),
])
def test_located(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


def test_readings_keep_the_frame_trigger_and_participants(nlp):
    from spacy.util import filter_spans

    from kg.extract.relations import RelationExtractor

    text = "The Red Hand seized Kolda on Monday."
    doc = nlp(text)
    doc.ents = filter_spans([doc.char_span(4, 12, label="ArmedGroup"), doc.char_span(20, 25, label="City")])
    doc = RelationExtractor(nlp, "test")(doc)
    [reading] = [r for r in doc._.kg_readings if r.frame.name == "capture"]
    assert reading.trigger.text == "seized" and reading.mode == "fact"
    assert [a.text for a in reading.agents] == ["Red Hand"] and [p.text for p in reading.patients] == ["Kolda"]


# ---------------------------------------------------------------- types from what a name does


@pytest.mark.parametrize("text, name, label", [
    ("The KRF seized Sarvan on Wednesday after two days of fighting near Sarvan.", "KRF", "ArmedGroup"),
    ("The KRF seized Sarvan on Wednesday after two days of fighting near Sarvan.", "Sarvan", "City"),
    ("Leaders of the militant groups Jund al-Bahr and Ansar Tamsa met in Kolda.", "Ansar Tamsa", "ArmedGroup"),
    ("The Syrian Democratic Forces and Tigris Shield Brigade liberated Tabqa in May.", "Syrian Democratic Forces",
     "ArmedGroup"),
])
def test_types_from_what_a_name_does(nlp, text, name, label):
    doc = nlp(text)
    assert (name, label) in {(e.text, e.label_) for e in doc.ents}


def test_names_the_parser_ran_together_are_both_the_doers(nlp):
    doc = nlp("The Syrian Democratic Forces and Tigris Shield Brigade liberated Tabqa in May.")
    found = {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}
    assert {("Syrian Democratic Forces", "captured", "Tabqa"), ("Tigris Shield Brigade", "captured", "Tabqa")} <= found


@pytest.mark.parametrize("text, name", [
    ("President Kennedy said the talks would go on.", "Kennedy"),  # a title, whatever town a list knows
    ("Oswald was captured in Dallas on Friday.", "Oswald"),  # people are captured too: no town without a place
])
def test_a_person_stays_a_person(nlp, text, name):
    doc = nlp(text)
    assert (name, "Person") in {(e.text, "Person" if e.label_ == "Official" else e.label_) for e in doc.ents}


def test_a_known_name_keeps_its_type_whatever_it_does(nlp):
    doc = nlp("Kabul attacked the proposal, and Afghanistan's army seized Sarvan.")
    assert ("Kabul", "City") in {(e.text, e.label_) for e in doc.ents}


@pytest.mark.parametrize("text, expected", [
    ("Police in Memphis, Tenn., arrested two men.", ("Memphis", "locatedIn", "Tenn.")),
    ("Navy spokeswoman Lt. Anne Cole said the ship had docked.", ("Anne Cole", "spokesmanFor", "Navy")),
    ("Pemex Director Octavio Romero said output fell.", ("Octavio Romero", "officialOf", "Pemex")),
])
def test_general_news_places_and_offices(nlp, text, expected):
    doc = nlp(text)
    assert expected in {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("Ali Musa, mayor of Tamsa, in the Kolda district, said the road was cut.",
     {"Ali Musa": "Official", "Tamsa": "City", "Kolda district": "District"},
     {("Tamsa", "locatedIn", "Kolda district")}, set()),
    ("Despite claims from the Red Hand that they now control the town of Tamsa, it has not fallen.",
     {**RED_HAND, "Tamsa": "City"}, set(), {("Red Hand", "captured", "Tamsa")}),
    ("Northern Brigade units are progressing toward liberating Tamsa from the Red Hand.",
     {**BRIGADE, "Tamsa": "City", **RED_HAND},
     {("Northern Brigade", "attacked", "Tamsa"), ("Red Hand", "captured", "Tamsa")},
     {("Northern Brigade", "captured", "Tamsa")}),
    ("Allied troops fought for years to secure Kolda province.", {"Allied troops": "Force", "Kolda province": "Province"},
     set(), {("Allied troops", "captured", "Kolda province")}),
    ("Ali Musa, the Red Hand's Tamsa commander, spoke to reporters.",
     {"Ali Musa": "Official", **RED_HAND, "Tamsa": "City"}, {("Ali Musa", "memberOf", "Red Hand")},
     {("Ali Musa", "officialOf", "Tamsa")}),
])
def test_more_readings(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, name, label", [
    ("Refugees crossed into Lebanon's Bekaa Valley on Monday.", "Bekaa Valley", "Province"),
    ("The group operates in North Kivu and Ituri Provinces in eastern Congo.", "Ituri", "Province"),
])
def test_regions_named_by_their_kind(nlp, text, name, label):
    assert (name, label) in {(e.text, e.label_) for e in nlp(text).ents}


# ---------------------------------------------------------------- the examples of the relation issue, end to end


@pytest.mark.parametrize("text, expected", [
    ("Defense Ministry spokesman Ahmad Karimi said the road was open.",
     ("Ahmad Karimi", "spokesmanFor", "Defense Ministry")),
    ("Pentagon Press Secretary Jane Roe told reporters the strike worked.", ("Jane Roe", "spokesmanFor", "Pentagon")),
    ("Al-Shabab rejected the talks. A spokesman of the group, Ali Musa, said it would fight on.",
     ("Ali Musa", "spokesmanFor", "Al-Shabab")),
    ("Deputy Kandahar Governor Abdul Rahman said the road was cut.", ("Abdul Rahman", "officialOf", "Kandahar")),
    ("The governor of Mudug region, Ahmed Ali, told VOA the town was quiet.",
     ("Ahmed Ali", "officialOf", "Mudug region")),
    ("U.N. Secretary-General Antonio Guterres called for a ceasefire.", ("Antonio Guterres", "officialOf", "U.N.")),
    ("Commander of Somali ground forces General Hassan Ali said the army had advanced.",
     ("Hassan Ali", "officialOf", "Somali ground forces")),
    ("Presidents Kabila and Kagame met in Goma.", ("Kabila", "metWith", "Kagame")),
    ("Kismayo, a port city that was taken yesterday by al-Shabab forces, is quiet.",
     ("al-Shabab", "captured", "Kismayo")),
    ("The Taliban besieged Ghazni for weeks. The capital fell to the Taliban on Friday.",
     ("Taliban", "captured", "Ghazni")),
    ("JNIM militants rammed a car bomb into the gate of an army base in Kidal. Malian forces said six soldiers died.",
     ("JNIM", "attacked", "Malian forces")),
    ("JNIM gunmen opened fire on soldiers manning the post. Malian troops later returned.",
     ("JNIM", "attacked", "Malian troops")),
    ("Houthi fighters fired rockets at a police building in Marib.", ("Houthi", "attacked", "Marib")),
])
def test_issue_examples(nlp, text, expected):
    doc = nlp(text)
    assert expected in {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}


def test_people_met_by_someone_else_did_not_meet_each_other(nlp):
    doc = nlp("The envoy met Somali leaders, including Ahmed Madobe and Said Deni.")
    assert not [r for r in doc._.kg_relations if r.predicate == "metWith"]


def test_a_dateline_is_where_the_report_was_filed_not_an_actor(nlp):
    doc = nlp("BAMAKO, Mali \u2014 The army captured Kidal on Sunday.")
    found = {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}
    assert ("BAMAKO", "locatedIn", "Mali") in found
    assert not [r for r in found if r[0] in ("Mali", "BAMAKO") and r[1] != "locatedIn"]


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("The Red Hand announced full control over what was the government's capital, Tamsa.",
     {**RED_HAND, "Tamsa": "City"}, {("Red Hand", "captured", "Tamsa")}, set()),
    ("The Red Hand began its push to liberate Kolda June 6.", {**RED_HAND, "Kolda": "City"},
     {("Red Hand", "attacked", "Kolda")}, set()),
    ("Syria's war reached Raqqa, the Red Hand's de facto capital.", {"Syria": "Country", "Raqqa": "City", **RED_HAND},
     set(), {("Raqqa", "capitalOf", "Syria")}),
])
def test_free_relatives_dates_as_objects_and_capitals_of_groups(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, expected", [
    ("Congolese military forces and the M23 are battling for control of the provinces.",
     ("Congolese military forces", "Force")),
    ("Afghan and coalition forces killed two insurgents yesterday.", ("coalition forces", "Force")),
    ("The operation includes the Iraqi army and federal police.", ("Iraqi army", "Force")),
    ("The Houthis halted their advance on Marib - a region held by the government.", ("Marib", "Province")),
    ("Talks failed, the Sarvan Independence Organization said.", ("Sarvan Independence Organization",
                                                                   "ArmedGroup")),  # a name with "the" in front
])
def test_names_and_kinds(nlp, text, expected):
    assert expected in {(e._.kg_canonical or e.text, e.label_) for e in nlp(text).ents} | {
        (e.text, e.label_) for e in nlp(text).ents}


@pytest.mark.parametrize("text, absent", [
    ("Operation Inherent Resolve spokesman Army Col. Steve Warren told reporters.", "Army"),  # part of the rank
    ("The ships crossed the Red Sea, said Secretary of Defense Lloyd Austin.", "Red Sea"),  # no official
])
def test_what_is_not_an_entity_of_the_story(nlp, text, absent):
    assert absent not in {e.text for e in nlp(text).ents if e.label_ in ("City", "Organization", "Official")}


# ---------------------------------------------------------------- readings a fresh held-out set called for


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("MONUSCO said its attack helicopters had fired on Red Hand positions near Tamsa.",
     {"MONUSCO": "Force", **RED_HAND, "Tamsa": "City"}, {("MONUSCO", "attacked", "Red Hand")}, set()),
    ("President Ali Musa has refused to negotiate with the Red Hand since 2019.",
     {"Ali Musa": "Official", **RED_HAND}, set(), {("Ali Musa", "metWith", "Red Hand")}),
    ("The fighting reached Amhara. Fighters attacked Gondar, the region's second city, and Bahir Dar, its capital.",
     {"Amhara": "Province", "Gondar": "City", "Bahir Dar": "City"}, {("Bahir Dar", "capitalOf", "Amhara")}, set()),
    ("Federal forces remained in full control of Tamsa, the ministry said.",
     {"Federal forces": "Force", "Tamsa": "City"}, {("Federal forces", "captured", "Tamsa")}, set()),
    ("The Three Brotherhood Alliance, which also includes the Red Hand, launched an offensive.",
     {"Three Brotherhood Alliance": "ArmedGroup", **RED_HAND},
     {("Red Hand", "memberOf", "Three Brotherhood Alliance")}, set()),
    ("The Red Hand claimed the attack. The group is al-Qaida's affiliate in the Sahel.",
     {**RED_HAND, "al-Qaida": "ArmedGroup"}, {("Red Hand", "memberOf", "al-Qaida")}, set()),
    ("The Red Hand, which split from Blue Star in 2016 and is the Islamic State's affiliate in the region, "
     "claimed the attack.", {**RED_HAND, "Blue Star": "ArmedGroup", "Islamic State": "ArmedGroup"},
     {("Red Hand", "memberOf", "Islamic State")}, set()),
    ("Myanmar's military lost the town. Zaw Min Tun, the junta's spokesman, denied that troops had surrendered.",
     {"Myanmar's military": "Force", "Zaw Min Tun": "Official"},
     {("Zaw Min Tun", "spokesmanFor", "Myanmar's military")}, set()),
    ("Islamic State-linked insurgents had held Tamsa for a year.", {"Islamic State": "ArmedGroup", "Tamsa": "City"},
     set(), {("Islamic State", "captured", "Tamsa")}),
    ("He met Rwanda's president, Paul Kagame, in the Rwandan capital, Kigali, in April.",
     {"Rwanda": "Country", "Paul Kagame": "Official", "Kigali": "City"},
     {("Paul Kagame", "officialOf", "Rwanda")}, {("Paul Kagame", "officialOf", "Kigali")}),
    ("The rebels later overran Zalingei, the capital of Central Darfur, and El Geneina in West Darfur.",
     {"Zalingei": "City", "Central Darfur": "Province", "El Geneina": "City", "West Darfur": "Province"},
     {("El Geneina", "locatedIn", "West Darfur")}, {("Zalingei", "locatedIn", "West Darfur")}),
])
def test_readings_from_a_fresh_set(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, name, label", [
    ("Fighting broke out between the ELN and the 10th Front, a dissident faction.", "10th Front", "ArmedGroup"),
    ("Members of the 400 Mawozo gang stormed a prison there on Sunday.", "400 Mawozo", "ArmedGroup"),
    ("Congolese army spokesman Brigadier General Sylvain Ekenge said the town had fallen.", "Sylvain Ekenge",
     "Official"),
])
def test_names_from_a_fresh_set(nlp, text, name, label):
    assert (name, label) in {(e.text.removeprefix("the "), e.label_) for e in nlp(text).ents}


@pytest.mark.parametrize("text, expected", [
    ("ADDIS ABABA, Ethiopia \u2014 Fighters of the Fano militia have taken control of Lalibela, a town in Amhara.",
     ("Fano militia", "captured", "Lalibela")),  # the dateline is a sentence of its own, not the subject
    ("MAPUTO, Mozambique \u2014 Rwandan and Mozambican troops have recaptured Palma, a port town.",
     ("Rwandan", "captured", "Palma")),
    ("U.S. and British forces hit targets in Hodeidah on Monday.", ("United States", "attacked", "Hodeidah")),
    ("The council condemned the capture of Bunagana, a border town, by fighters of the M23.",
     ("M23", "captured", "Bunagana")),
])
def test_datelines_coordinated_forces_and_agents_the_parser_misplaces(nlp, text, expected):
    doc = nlp(text)
    found = {(r.subject._.kg_canonical or r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations} | {
        (r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}
    assert expected in found, found


def test_a_hyphen_in_a_name_is_no_dateline(nlp):
    doc = nlp("JNIM, al-Qaeda's branch in the Sahel, claimed the ambush.")
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("text, entities, expected", [
    ("The RSF attacked the city. The paramilitary force took control of Nyala in October.",
     {"RSF": "ArmedGroup", "Nyala": "City"}, ("RSF", "captured", "Nyala")),
    ("Russian forces had suffered heavy losses in their assaults on Avdiivka since October.",
     {"Russian forces": "Force", "Avdiivka": "City"}, ("Russian forces", "attacked", "Avdiivka")),
    ("Sudan's army lost ground. The army chief, General Ali Musa, met Egypt's president.",
     {"Sudan's army": "Force", "Ali Musa": "Official"}, ("Ali Musa", "officialOf", "Sudan's army")),
])
def test_unnamed_forces_and_their_owners(nlp, text, entities, expected):
    assert_reads(nlp, text, entities, {expected}, set())


def test_a_name_the_ner_cut_short_runs_on(nlp):
    doc = nlp("U.S. Special Envoy for Yemen Tim Lenderking met Oman's foreign minister in Muscat.")
    assert "Tim Lenderking" in {e.text for e in doc.ents}


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("The Red Hand denied that its fighters had shelled Tamsa. Kolda's forces were also nearby.",
     {**RED_HAND, "Tamsa": "City", "Kolda's forces": "Force"}, set(), {("Kolda's forces", "attacked", "Tamsa")}),
    ("Red Hand rockets struck Tamsa overnight.", {**RED_HAND, "Tamsa": "City"},
     {("Red Hand", "attacked", "Tamsa")}, set()),
    ("Officials dismissed concerns that the Red Hand could take Kolda soon, as it seized Tamsa last year.",
     {**RED_HAND, "Kolda": "City", "Tamsa": "City"}, {("Red Hand", "captured", "Tamsa")},
     {("Red Hand", "captured", "Kolda")}),
    ("The Red Hand is on the verge of capturing Kolda.", {**RED_HAND, "Kolda": "City"}, set(),
     {("Red Hand", "captured", "Kolda"), ("Red Hand", "attacked", "Kolda")}),
    ("The Red Hand said it would not stop until the whole province was under its control. Kolda province lay "
     "beyond.", {**RED_HAND, "Kolda province": "Province"}, set(), {("Red Hand", "captured", "Kolda province")}),
])
def test_owners_ammunition_and_clauses_of_their_own(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, entities, expected, absent", [
    # an unknown past form the lemmatiser leaves alone, and the tagger takes for a noun
    ("The Northern Brigade retook Kolda on Monday after days of fighting.", {**BRIGADE, "Kolda": "City"},
     {("Northern Brigade", "captured", "Kolda")}, set()),
    # a relative clause with a subject of its own: what it describes is the object
    ("Among the towns lost was Tamsa, a key trading hub that the Red Hand captured in the first week.",
     {**RED_HAND, "Tamsa": "City"}, {("Red Hand", "captured", "Tamsa")}, set()),
    ("Kolda is the town where the Red Hand fought for a week.", {**RED_HAND, "Kolda": "City"}, set(),
     {("Red Hand", "clashedWith", "Kolda"), ("Red Hand", "captured", "Kolda")}),
])
def test_verbs_the_tagger_and_the_clause_hide(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


def test_an_object_the_parser_made_the_sayer_is_the_object(nlp):
    """'Troops have recaptured Vila da Serra, ..., the army said' parsed with the town as the subject of 'said'
    (as the small model parses a long report): the town is still what was recaptured."""
    from spacy.tokens import Doc, Span

    from kg.extract.relations import RelationExtractor

    words = ["The", "Northern", "Brigade", "has", "recaptured", "Vila", "da", "Serra", ",", "the", "army", "said", "."]
    heads = [2, 2, 4, 4, 11, 7, 7, 11, 7, 10, 11, 11, 11]
    deps = ["det", "compound", "nsubj", "aux", "ccomp", "compound", "compound", "nsubj", "punct", "det", "appos",
            "ROOT", "punct"]
    pos = ["DET", "PROPN", "PROPN", "AUX", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    tags = ["DT", "NNP", "NNP", "VBZ", "VBN", "NNP", "NNP", "NNP", ",", "DT", "NN", "VBD", "."]
    lemmas = ["the", "Northern", "Brigade", "have", "recapture", "Vila", "da", "Serra", ",", "the", "army", "say", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              sent_starts=[True] + [False] * 12)
    doc.ents = [Span(doc, 1, 3, label="Force"), Span(doc, 5, 8, label="City")]
    doc = RelationExtractor(nlp, "test")(doc)
    found = {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}
    assert ("Northern Brigade", "captured", "Vila da Serra") in found, found


def test_the_head_noun_of_an_apposition_types_a_place_whatever_words_precede_it(nlp):
    doc = nlp("Among the towns lost was Qorvath, a key trading hub on the river, officials said.")
    assert [(e.text, e.label_) for e in doc.ents if e.text == "Qorvath"] == [("Qorvath", "City")]


@pytest.mark.parametrize("text, entities, expected, absent", [
    # "the two groups", "both groups": the two armed groups named last
    ("The Red Hand and the Black Flag lost fighters last year. The two groups have also fought each other for "
     "control of the border area.", {**RED_HAND, "Black Flag": "ArmedGroup"},
     {("Red Hand", "clashedWith", "Black Flag")}, set()),
    ("The Black Flag attacked Kolda. The Red Hand held Tamsa. Both groups met in the hills on Friday.",
     {**RED_HAND, "Black Flag": "ArmedGroup", "Kolda": "City", "Tamsa": "City"},
     {("Black Flag", "metWith", "Red Hand")}, set()),
    # three groups named: the two named last
    ("The Black Flag attacked Kolda. The Red Hand and the Grey Wolves held Tamsa. The two groups fought each other "
     "for days.", {**RED_HAND, "Black Flag": "ArmedGroup", "Grey Wolves": "ArmedGroup", "Kolda": "City",
                   "Tamsa": "City"}, {("Red Hand", "clashedWith", "Grey Wolves")},
     {("Black Flag", "clashedWith", "Red Hand"), ("Black Flag", "clashedWith", "Grey Wolves")}),
    # the name after the office's owner holds the office, where the parser makes it the owner's conjunct
    ("On Tuesday, Amara Diallo met with the governor of Kolda, Jean-Pierre Sarr, in Tamsa to review security.",
     {"Amara Diallo": "Person", "Kolda": "Province", "Jean-Pierre Sarr": "Person", "Tamsa": "City"},
     {("Amara Diallo", "metWith", "Jean-Pierre Sarr")}, set()),
])
def test_pairs_named_before_and_office_holders_after_their_owner(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, entities, expected, absent", [
    # a rank between the role and the name is a title of the person, not the office
    ("Northern Brigade spokesman Brigadier General Amadou Sow said the road was open.",
     {**BRIGADE, "Amadou Sow": "Official"}, {("Amadou Sow", "spokesmanFor", "Northern Brigade")},
     {("Amadou Sow", "officialOf", "Northern Brigade")}),
    # "the country's president": the country named last
    ("Henri Diallo flew to Tamsa, the capital of Kolda, where he met the country's president, Ibrahim Sow.",
     {"Henri Diallo": "Person", "Tamsa": "City", "Kolda": "Country", "Ibrahim Sow": "Official"},
     {("Ibrahim Sow", "officialOf", "Kolda")}, set()),
])
def test_ranks_and_the_country_named_before(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("The Northern Brigade drove the Red Hand out of Kolda.", {**BRIGADE, **RED_HAND, "Kolda": "City"},
     {("Northern Brigade", "clashedWith", "Red Hand"), ("Red Hand", "captured", "Kolda")},
     {("Northern Brigade", "captured", "Red Hand"), ("Northern Brigade", "attacked", "Red Hand")}),
    # the side that lost it held it (as "took Kolda from the Northern Brigade" says), and fought for it
    ("The Northern Brigade lost Kolda to the Red Hand.", {**BRIGADE, **RED_HAND, "Kolda": "City"},
     {("Red Hand", "captured", "Kolda"), ("Northern Brigade", "captured", "Kolda"),
      ("Red Hand", "clashedWith", "Northern Brigade")}, set()),
    ("Kolda was lost to the Red Hand in May.", {**RED_HAND, "Kolda": "City"}, {("Red Hand", "captured", "Kolda")},
     set()),
    ("The Northern Brigade lost ten men to the Red Hand in Kolda.", {**BRIGADE, **RED_HAND, "Kolda": "City"}, set(),
     {("Red Hand", "captured", "Kolda")}),
])
def test_driven_out_of_a_place_and_a_place_lost_to_a_side(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("Amara Diallo sat down with Ibrahim Sow for talks.", {"Amara Diallo": "Official", "Ibrahim Sow": "Official"},
     {("Amara Diallo", "metWith", "Ibrahim Sow")}, set()),
    ("Amara Diallo welcomed Ibrahim Sow to Tamsa.", {"Amara Diallo": "Official", "Ibrahim Sow": "Official",
                                                     "Tamsa": "City"}, {("Amara Diallo", "metWith", "Ibrahim Sow")},
     {("Amara Diallo", "metWith", "Tamsa")}),
])
def test_more_ways_of_meeting(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("The Red Hand claimed responsibility for the bombing in Kolda.", {**RED_HAND, "Kolda": "City"},
     {("Red Hand", "attacked", "Kolda")}, set()),
    ("The Red Hand denied responsibility for the attack on Kolda.", {**RED_HAND, "Kolda": "City"}, set(),
     {("Red Hand", "attacked", "Kolda")}),
    ("The attack on Kolda was blamed on the Red Hand.", {**RED_HAND, "Kolda": "City"},
     {("Red Hand", "attacked", "Kolda")}, set()),
    ("The Red Hand was behind the attack on Kolda.", {**RED_HAND, "Kolda": "City"},
     {("Red Hand", "attacked", "Kolda")}, set()),
    # opposing an attack is fighting whoever made it
    ("The Red Hand repelled an attack by the Northern Brigade.", {**RED_HAND, **BRIGADE},
     {("Red Hand", "clashedWith", "Northern Brigade")}, set()),
])
def test_attacks_laid_at_a_door_and_attacks_repelled(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, entities, expected", [
    ("Tamsa, about 40 kilometers north of the provincial capital, lies in Kolda.", {"Tamsa": "City", "Kolda": "Province"},
     {("Tamsa", "locatedIn", "Kolda")}),
    ("Tamsa is located in Kolda.", {"Tamsa": "City", "Kolda": "Province"}, {("Tamsa", "locatedIn", "Kolda")}),
    ("Amara Diallo was appointed governor of Kolda in May.", {"Amara Diallo": "Official", "Kolda": "Province"},
     {("Amara Diallo", "officialOf", "Kolda")}),
    ("Amara Diallo was named spokesman for the Red Hand.", {"Amara Diallo": "Official", **RED_HAND},
     {("Amara Diallo", "spokesmanFor", "Red Hand")}),
])
def test_where_a_place_lies_and_who_was_appointed_what(nlp, text, entities, expected):
    assert_reads(nlp, text, entities, expected, set())


@pytest.mark.parametrize("text, entities, expected, absent", [
    # the parser hangs the name after "the <demonym> capital," elsewhere; the comma says whose name it is
    ("Amara Diallo met Ibrahim Sow in the Malian capital, Tamsa, on Monday, Mali's government said.",
     {"Amara Diallo": "Official", "Ibrahim Sow": "Official", "Tamsa": "City", "Mali": "Country"},
     {("Tamsa", "capitalOf", "Mali"), ("Amara Diallo", "metWith", "Ibrahim Sow")}, set()),
    # "met in <place> with X": the "with" hung on the place
    ("Amara Diallo met on Sunday in the Malian capital, Tamsa, with Ibrahim Sow, Mali's government said.",
     {"Amara Diallo": "Official", "Ibrahim Sow": "Official", "Tamsa": "City", "Mali": "Country"},
     {("Amara Diallo", "metWith", "Ibrahim Sow")}, set()),
    # the name after "the envoy for Y," holds the office, before the body in front of the title stands for anyone
    ("The Kolda Union special envoy for Barra, Amara Diallo, held talks on Tuesday with Ibrahim Sow.",
     {"Kolda Union": "Organization", "Barra": "Country", "Amara Diallo": "Official", "Ibrahim Sow": "Official"},
     {("Amara Diallo", "metWith", "Ibrahim Sow")}, {("Kolda Union", "metWith", "Ibrahim Sow")}),
    ("The Red Hand's chief negotiator and spokesman, Amara Diallo, spoke on Monday.",
     {**RED_HAND, "Amara Diallo": "Official"}, {("Amara Diallo", "spokesmanFor", "Red Hand")}, set()),
])
def test_names_the_parser_hangs_elsewhere(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("The war is waged by the Kolda Front, which is made up of the Red Hand, the Blue Guard and the Iron Column.",
     {"Kolda Front": "ArmedGroup", **RED_HAND, "Blue Guard": "ArmedGroup", "Iron Column": "ArmedGroup"},
     {("Red Hand", "memberOf", "Kolda Front"), ("Blue Guard", "memberOf", "Kolda Front"),
      ("Iron Column", "memberOf", "Kolda Front")},
     {("Red Hand", "memberOf", "Blue Guard"), ("Blue Guard", "memberOf", "Iron Column")}),
    ("The Kolda Front consists of the Red Hand and the Blue Guard.",
     {"Kolda Front": "ArmedGroup", **RED_HAND, "Blue Guard": "ArmedGroup"},
     {("Red Hand", "memberOf", "Kolda Front"), ("Blue Guard", "memberOf", "Kolda Front")}, set()),
    # "the association": the body named shortly before whose name ends in that word; none when two could be meant
    ("The Tamsa Bar Association counted the dead. Amara Diallo, a member of the association, said so.",
     {"Tamsa Bar Association": "Organization", "Amara Diallo": "Person"},
     {("Amara Diallo", "memberOf", "Tamsa Bar Association")}, set()),
    ("The Tamsa Bar Association and the Kolda Bar Association counted the dead. Amara Diallo, a member of the "
     "association, said so.",
     {"Tamsa Bar Association": "Organization", "Kolda Bar Association": "Organization", "Amara Diallo": "Person"},
     set(), {("Amara Diallo", "memberOf", "Tamsa Bar Association"),
             ("Amara Diallo", "memberOf", "Kolda Bar Association")}),
    ("The Kolda Joint Task Force bombed the camps. Ibrahim Sow, a spokesman for the task force, said so.",
     {"Kolda Joint Task Force": "Force", "Ibrahim Sow": "Official"},
     {("Ibrahim Sow", "spokesmanFor", "Kolda Joint Task Force")}, set()),
])
def test_members_listed_after_of_and_a_body_called_by_the_last_word_of_its_name(nlp, text, entities, expected,
                                                                                 absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("The Red Hand has seized large parts of Kolda, including the towns of Tamsa and Barra.",
     {**RED_HAND, "Kolda": "Province", "Tamsa": "City", "Barra": "City"},
     {("Red Hand", "captured", "Tamsa"), ("Red Hand", "captured", "Barra")}, set()),
    ("The Northern Brigade drove the Red Hand from Tamsa on Monday.", {**BRIGADE, **RED_HAND, "Tamsa": "City"},
     {("Northern Brigade", "captured", "Tamsa"), ("Red Hand", "captured", "Tamsa"),
      ("Northern Brigade", "clashedWith", "Red Hand")}, set()),
    # a purpose, not a deed: the place is not the brigade's yet
    ("The Northern Brigade is conducting operations to expel the Red Hand from Tamsa.",
     {**BRIGADE, **RED_HAND, "Tamsa": "City"}, {("Red Hand", "captured", "Tamsa")},
     {("Northern Brigade", "captured", "Tamsa")}),
    # what a verb does to "the militants" it does not do to its own subject
    ("Red Hand fighters held Tamsa for years. Northern Brigade troops drove the militants from Barra in May.",
     {**RED_HAND, **BRIGADE, "Tamsa": "City", "Barra": "City"}, {("Northern Brigade", "captured", "Barra")},
     {("Northern Brigade", "attacked", "Northern Brigade")}),
    ("Tamsa fell to the Red Hand in May and was retaken by the Northern Brigade in June.",
     {**RED_HAND, **BRIGADE, "Tamsa": "City"},
     {("Red Hand", "captured", "Tamsa"), ("Northern Brigade", "captured", "Tamsa")}, set()),
    ("Jets of the Northern Brigade struck Tamsa, the Varan-held capital, on Monday.",
     {**BRIGADE, "Varan": "ArmedGroup", "Tamsa": "City"}, {("Varan", "captured", "Tamsa")}, set()),
    ("The Northern Brigade advanced on the northern flank of Tamsa.", {**BRIGADE, "Tamsa": "City"},
     {("Northern Brigade", "attacked", "Tamsa")}, set()),
    ("Red Hand fighters clashed with police in Tamsa, while Northern Brigade jets struck insurgent positions nearby.", {**BRIGADE, **RED_HAND, "Tamsa": "City"}, {("Northern Brigade", "attacked", "Red Hand")},
     set()),
    ("Northern Brigade aircraft conducted 38 strikes, destroying Red Hand fighting positions.",
     {**BRIGADE, **RED_HAND}, {("Northern Brigade", "attacked", "Red Hand")}, set()),
    ("Red Hand fighters attacked eastern neighbourhoods of Tamsa over the weekend.", {**RED_HAND, "Tamsa": "City"},
     {("Red Hand", "attacked", "Tamsa")}, set()),
    ("Red Hand fighters raided a checkpoint manned by Northern Brigade troops near Tamsa.",
     {**BRIGADE, **RED_HAND, "Tamsa": "City"}, {("Red Hand", "attacked", "Northern Brigade")}, set()),
    ("Red Hand fighters stormed Tamsa on Friday and took control of it after the troops withdrew.",
     {**RED_HAND, "Tamsa": "City"}, {("Red Hand", "captured", "Tamsa")}, set()),
    ("Dunkai province has been the target of a Red Hand offensive since May.",
     {**RED_HAND, "Dunkai province": "Province"}, {("Red Hand", "attacked", "Dunkai province")}, set()),
    ("The war began after Red Hand-led militants attacked Kolda.", {**RED_HAND, "Kolda": "City"},
     {("Red Hand", "attacked", "Kolda")}, set()),
    ("Rebels held Tamsa. The Northern Brigade pressed its assault on the southern Dunkai Valley city.",
     {**BRIGADE, "Tamsa": "City", "Dunkai Valley": "Province"}, {("Northern Brigade", "attacked", "Tamsa")},
     {("Northern Brigade", "attacked", "Dunkai Valley")}),
    ("The Blue Guard is allied with the Red Hand, whose fighters seized Tamsa in May.",
     {"Blue Guard": "ArmedGroup", **RED_HAND, "Tamsa": "City"}, {("Red Hand", "captured", "Tamsa")},
     {("Blue Guard", "captured", "Tamsa")}),
    ("Raids targeted the Red Hand, a militant group that has fired rockets and drones into Kolda for a year.",
     {**RED_HAND, "Kolda": "Country"}, {("Red Hand", "attacked", "Kolda")}, set()),
    ("The minister blamed the bombing in Tamsa on the Red Hand.", {**RED_HAND, "Tamsa": "City"},
     {("Red Hand", "attacked", "Tamsa")}, set()),
    # a clause of place is no passive: the region is where it happened, not what was taken
    ("The offensive went on in the Dunkai region, where the Northern Brigade has recaptured 20 towns from the "
     "Red Hand.", {"Dunkai region": "Province", **BRIGADE, **RED_HAND}, set(),
     {("Northern Brigade", "captured", "Dunkai region")}),
])
def test_captures_in_lists_drives_and_later_clauses(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


def test_departments_and_prefectures_are_provinces_that_contain_places(nlp):
    doc = nlp("Gangs overran Tamsa, in the Vantor department, on Monday. Fighters spread through villages around "
              "the town of Sabra in Norte de Santander department.")
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("Vantor department", "Province") in found
    located = {(r.subject.text, r.object.text) for r in doc._.kg_relations if r.predicate == "locatedIn"}
    assert {("Tamsa", "Vantor department"), ("Sabra", "Norte de Santander")} <= located
    assert ("State Department", "Organization") in {(e.text, e.label_) for e in nlp(
        "A State Department spokesman, Ned Price, said the talks were over.").ents}


def test_names_behind_two_nouns_after_an_apposition_and_an_army_called_an_armed_group(nlp):
    doc = nlp("Gunmen from the Viv Ansanm gang coalition stormed the town of Tamsa on Monday. Clashes erupted "
              "between Arambai Senn, a hill militia, and the Kuki National Army, an armed group that signed a "
              "truce in 2008. Later, soldiers clashed with KNA gunmen near Tamsa.")
    found = {(r.subject._.kg_canonical, r.predicate, r.object._.kg_canonical) for r in doc._.kg_relations}
    assert ("Viv Ansanm", "attacked", "Tamsa") in found
    assert ("Arambai Senn", "clashedWith", "Kuki National Army") in found
    assert ("Kuki National Army", "ArmedGroup") in {(e._.kg_canonical, e.label_) for e in doc.ents}
    # "the Kuki National Army" and "KNA" are one thing: never related to itself
    assert not any(r.subject._.kg_canonical == r.object._.kg_canonical for r in doc._.kg_relations)


def test_a_demonym_the_ner_took_for_a_person_still_makes_a_force(nlp):
    doc = nlp("The spokeswoman said Azerbaijani troops had shelled the town of Jermuk.")
    assert ("Azerbaijani troops", "attacked", "Jermuk") in {(r.subject.text, r.predicate, r.object.text)
                                                            for r in doc._.kg_relations}


def test_the_armed_subject_of_a_clause_made_an_attack_it_hangs_on_by_in_or_during(nlp):
    found = relations(nlp, "The Gran Grif gang killed more than 100 people in an assault on the town of Tamsa.",
                      {"Gran Grif": "ArmedGroup", "Tamsa": "City"})
    assert ("Gran Grif", "attacked", "Tamsa") in found
    found = relations(nlp, "Hundreds of civilians died in an attack on Tamsa, officials said.",
                      {"Tamsa": "City"})
    assert not found


def test_denied_reports_and_places_in_the_hands_of_a_group(nlp):
    found = relations(nlp, "The governor denied reports that the Red Hand had taken Tamsa.",
                      {"Red Hand": "ArmedGroup", "Tamsa": "City"})
    assert ("Red Hand", "captured", "Tamsa") not in found
    found = relations(nlp, "By nightfall Tamsa was in the hands of the Red Hand, police said.",
                      {"Red Hand": "ArmedGroup", "Tamsa": "City"})
    assert ("Red Hand", "captured", "Tamsa") in found
    found = relations(nlp, "Tamsa will not be in the hands of the Red Hand, the governor said.",
                      {"Red Hand": "ArmedGroup", "Tamsa": "City"})
    assert not found


AES = "Alliance of Sahel States"


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("Veltra, Sarvia and Kolda formed the Alliance of Sahel States last year.",
     {"Veltra": "Country", "Sarvia": "Country", "Kolda": "Country", AES: "Organization"},
     {("Veltra", "memberOf", AES), ("Kolda", "memberOf", AES)}, set()),
    ("Veltran soldiers form a large part of the Multinational Joint Task Force.",
     {"Veltran soldiers": "Force", "Multinational Joint Task Force": "Force"},
     {("Veltran soldiers", "memberOf", "Multinational Joint Task Force")}, set()),
    ("The Red Front belongs to the Central Command, a coalition of dissident groups.",
     {"Red Front": "ArmedGroup", "Central Command": "ArmedGroup"}, {("Red Front", "memberOf", "Central Command")},
     set()),
    ("Sarvia joined the Alliance of Sahel States in 2023.", {"Sarvia": "Country", AES: "Organization"},
     {("Sarvia", "memberOf", AES)}, set()),
    # one body forming another is no membership
    ("The Veltran army formed a new unit, the Rapid Support Forces.",
     {"Veltran army": "Force", "Rapid Support Forces": "Force"}, set(),
     {("Veltran army", "memberOf", "Rapid Support Forces"), ("Rapid Support Forces", "memberOf", "Veltran army")}),
])
def test_members_that_belong_join_form_part_of_or_found_a_body(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


def test_a_faction_of_an_armed_group_is_armed(nlp):
    doc = nlp("The fighting pits Los Chapitos, a Sinaloa Cartel faction, against its rivals.")
    assert ("Los Chapitos", "ArmedGroup") in {(e.text, e.label_) for e in doc.ents}
    assert ("Los Chapitos", "memberOf", "Sinaloa Cartel") in {
        (r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}


def test_a_claimed_bombing_of_a_nameless_target_is_an_attack_on_where_it_stands_and_delegates_stand_for_a_group(nlp):
    found = relations(nlp, "The Red Hand claimed the bombing of a market in Tamsa.",
                      {"Red Hand": "ArmedGroup", "Tamsa": "City"})
    assert ("Red Hand", "attacked", "Tamsa") in found
    found = relations(nlp, "Camilo Restrepo, the chief negotiator, held talks with ELN delegates in Caracas.",
                      {"Camilo Restrepo": "Official", "ELN": "ArmedGroup", "Caracas": "City"})
    assert ("Camilo Restrepo", "metWith", "ELN") in found


@pytest.mark.parametrize("text, entities, expected, absent", [
    # a country's adjective on "control": the forces of that country the article names, never its own
    ("Izium, which Russian forces used as a base, remained under Russian control on Saturday.",
     {"Izium": "City", "Russian forces": "Force"}, {("Russian forces", "captured", "Izium")}, set()),
    ("Kupiansk remained under Ukrainian control on Saturday, Russian forces said.",
     {"Kupiansk": "City", "Russian forces": "Force"}, set(), {("Russian forces", "captured", "Kupiansk")}),
    # a plural place noun names no one town met before
    ("The war began in Khartoum. Since then the RSF has seized four of the five Darfur state capitals, including "
     "Nyala.", {"Khartoum": "City", "RSF": "ArmedGroup", "Nyala": "City"}, {("RSF", "captured", "Nyala")},
     {("RSF", "captured", "Khartoum")}),
    ("The commander met with Veltra's top military officer, Gen. Oleh Marchuk, near the border.",
     {"Veltra": "Country", "Oleh Marchuk": "Official"}, {("Oleh Marchuk", "officialOf", "Veltra")}, set()),
])
def test_control_by_a_named_countrys_forces_plural_places_and_officers(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("The junta has lost control of Laukkai to the MNDAA, the group said.",
     {"MNDAA": "ArmedGroup", "Laukkai": "City", "junta": "Force"},
     {("MNDAA", "captured", "Laukkai"), ("junta", "captured", "Laukkai"), ("MNDAA", "clashedWith", "junta")}, set()),
    ("ISIS lost its de facto capital, Raqqa, to the SDF in 2017.",
     {"ISIS": "ArmedGroup", "Raqqa": "City", "SDF": "ArmedGroup"},
     {("SDF", "captured", "Raqqa"), ("ISIS", "captured", "Raqqa")}, set()),
    ("The army will not lose Tamsa to the Red Hand, the governor said.",
     {"Red Hand": "ArmedGroup", "Tamsa": "City"}, set(), {("Red Hand", "captured", "Tamsa")}),
    ("The MNDAA, which belongs to the Three Brotherhood Alliance along with the TNLA and the Arakan Army, posted "
     "photographs.", {"MNDAA": "ArmedGroup", "Three Brotherhood Alliance": "ArmedGroup", "TNLA": "ArmedGroup",
                      "Arakan Army": "ArmedGroup"},
     {("TNLA", "memberOf", "Three Brotherhood Alliance"), ("Arakan Army", "memberOf", "Three Brotherhood Alliance"),
      ("MNDAA", "memberOf", "Three Brotherhood Alliance")}, set()),
])
def test_places_lost_to_a_group_and_members_along_with_others(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


def test_a_title_on_a_bare_noun_names_the_body_called_so_before(nlp):
    found = relations(nlp, "The Veltran Foreign Ministry said it had hosted talks. \"We hope the parties keep the "
                           "truce,\" ministry spokeswoman Dana Morel told reporters.",
                      {"Veltran Foreign Ministry": "Organization", "Dana Morel": "Official"})
    assert ("Dana Morel", "spokesmanFor", "Veltran Foreign Ministry") in found
    # two bodies the noun could mean: neither
    found = relations(nlp, "The Interior Ministry and the Defense Ministry met. Ministry spokeswoman Dana Morel "
                           "said little.", {"Interior Ministry": "Organization", "Defense Ministry": "Organization",
                                            "Dana Morel": "Official"})
    assert not any(p == "spokesmanFor" for _, p, _ in found)


def test_between_hung_on_a_noun_of_the_clause_a_clash_is_the_subject_of(nlp):
    found = relations(nlp, "Militants stormed a prison on Thursday as fighting continued in other parts of the "
                           "country between Red Hand rebels and pro-government forces.",
                      {"Red Hand": "ArmedGroup", "pro-government forces": "Force"})
    assert ("Red Hand", "clashedWith", "pro-government forces") in found or (
        "pro-government forces", "clashedWith", "Red Hand") in found


def test_a_place_under_attack_named_by_it(nlp):
    found = relations(nlp, "Fighting spread across Kolda Province. It has been persistently under attack from the "
                           "Red Hand, prompting the army to deploy soldiers.",
                      {"Kolda Province": "Province", "Red Hand": "ArmedGroup"})
    assert ("Red Hand", "attacked", "Kolda Province") in found


def test_it_is_the_armed_subject_of_the_sentence_before_when_two_actors_were_named(nlp):
    doc = nlp("Congolese forces and the M23 are battling for the northeast. The M23 is tightening its grip on "
              "Goma. It has also conducted attacks on MONUSCO.")
    found = {(r.subject._.kg_canonical, r.predicate, r.object._.kg_canonical) for r in doc._.kg_relations}
    assert ("M23", "attacked", "MONUSCO") in found


def test_a_representative_at_a_body_holds_the_office_of_the_country_named_before_the_title(nlp):
    found = relations(nlp, "\"We condemn the attacks,\" said Ambassador Dana Morel, Veltran Alternative "
                           "Representative for Political Affairs at the United Nations.",
                      {"Dana Morel": "Official", "Veltran": "Country", "United Nations": "Organization"})
    assert ("Dana Morel", "officialOf", "Veltran") in found
    assert ("Dana Morel", "officialOf", "United Nations") not in found


@pytest.mark.parametrize("text, entities, expected, absent", [
    # "bases" is the plural of base here, not of basis: the group's bases stand for it, not the town
    ("Northern Brigade warplanes struck Red Hand bases in Tamsa on Sunday.",
     {**BRIGADE, **RED_HAND, "Tamsa": "City"}, {("Northern Brigade", "attacked", "Red Hand")},
     {("Northern Brigade", "attacked", "Tamsa")}),
    # the one accused of an act did it, not the accuser
    ("The government sent troops into Kolda after accusing the Red Hand of attacking bases of the Northern Brigade.",
     {**RED_HAND, **BRIGADE, "Kolda": "Province"}, {("Red Hand", "attacked", "Northern Brigade")}, set()),
])
def test_bases_of_a_group_and_what_the_accused_did(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


def test_places_named_before_a_plural_kind_word_are_what_is_taken_not_what_holds_them(nlp):
    found = relations(nlp, "The Red Hand also seized the Tamsa and Kolda districts of Vantor province on Monday.",
                      {**RED_HAND, "Tamsa": "District", "Kolda": "District", "Vantor province": "Province"})
    assert {("Red Hand", "captured", "Tamsa"), ("Red Hand", "captured", "Kolda")} <= found
    assert ("Red Hand", "captured", "Vantor province") not in found


@pytest.mark.parametrize("text, entities, expected, absent", [
    # two sides that fought someone unnamed did not fight each other; "each other" they did
    ("The Red Hand and the Northern Brigade fought off dozens of gunmen near Kolda.",
     {**RED_HAND, **BRIGADE, "Kolda": "City"}, set(), {("Red Hand", "clashedWith", "Northern Brigade")}),
    ("The Red Hand and the Northern Brigade fought each other near Kolda.",
     {**RED_HAND, **BRIGADE, "Kolda": "City"}, {("Red Hand", "clashedWith", "Northern Brigade")}, set()),
    # the place of an offensive is its target only when no other is named
    ("A Northern Brigade offensive against the Red Hand in Tamsa province pushed the rebels north.",
     {**RED_HAND, **BRIGADE, "Tamsa province": "Province"}, {("Northern Brigade", "attacked", "Red Hand")},
     {("Northern Brigade", "attacked", "Tamsa province")}),
    ("A Northern Brigade airstrike in Tamsa province killed four people.",
     {**BRIGADE, "Tamsa province": "Province"}, {("Northern Brigade", "attacked", "Tamsa province")}, set()),
    # a date after "on" is no nameless target standing in a place
    ("On Sunday, fighters of the Red Hand attacked a Northern Brigade base at Kolda, in Tamsa district.",
     {**RED_HAND, **BRIGADE, "Kolda": "City", "Tamsa district": "District"},
     {("Red Hand", "attacked", "Northern Brigade")}, {("Red Hand", "attacked", "Tamsa district")}),
    # where a spokesman sits is not whom he speaks for
    ("Col. Ali Musa, the brigade's Kolda-based spokesman, said the road was open.",
     {"Ali Musa": "Official", "Kolda": "City"}, set(), {("Ali Musa", "spokesmanFor", "Kolda")}),
])
def test_sides_targets_and_seats_read_from_the_whole_clause(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, entities, expected", [
    # the passive subject of the clause a clash hangs from fought too
    ("Northern Brigade soldiers were locked in heavy fighting with the Red Hand near Kolda.",
     {**RED_HAND, **BRIGADE, "Kolda": "City"}, {("Northern Brigade", "clashedWith", "Red Hand")}),
    # a particle the parser reads as an adverb: "turned back"
    ("Northern Brigade soldiers turned back a Red Hand attack on Kolda on Sunday.",
     {**RED_HAND, **BRIGADE, "Kolda": "City"},
     {("Northern Brigade", "clashedWith", "Red Hand"), ("Red Hand", "attacked", "Kolda")}),
    # a place right after another is where that one is, wherever the parser hangs the "in"
    ("The Red Hand stormed the town of Kolda in the Tamsa region before dawn.",
     {**RED_HAND, "Kolda": "City", "Tamsa region": "Province"}, {("Kolda", "locatedIn", "Tamsa region")}),
    ("Fighting went on near Kolda, in the neighboring Tamsa region, he added.",
     {"Kolda": "City", "Tamsa region": "Province"}, {("Kolda", "locatedIn", "Tamsa region")}),
])
def test_fights_and_places_the_parser_hangs_elsewhere(nlp, text, entities, expected):
    assert_reads(nlp, text, entities, expected, set())


@pytest.mark.parametrize("text, entities, expected", [
    # an attack laid at a group by a participle, and hitting where its victims were
    ("The president declared war on the Red Hand after twin car bombings claimed by the group killed more than 120 "
     "people in Kolda.", {**RED_HAND, "Kolda": "City"}, {("Red Hand", "attacked", "Kolda")}),
    ("An airstrike carried out by the Northern Brigade killed ten people in Kolda.",
     {**BRIGADE, "Kolda": "City"}, {("Northern Brigade", "attacked", "Kolda")}),
])
def test_actions_laid_at_a_doer_by_a_participle(nlp, text, entities, expected):
    assert_reads(nlp, text, entities, expected, set())


def test_its_is_the_armed_subject_of_the_clause_above_it(nlp):
    assert_reads(nlp, "The Red Hand, whose largest faction is the Kolda Brigade, lost 300 fighters last year, "
                      "according to its commander, Ali Musa.",
                 {**RED_HAND, "Kolda Brigade": "ArmedGroup", "Ali Musa": "Official"},
                 {("Ali Musa", "memberOf", "Red Hand")}, {("Ali Musa", "memberOf", "Kolda Brigade")})


def test_out_of_it_is_the_place_named_before(nlp):
    assert_reads(nlp, "The Red Hand seized Kolda in March. Northern Brigade troops pushed the militants out of it "
                      "last month.", {**RED_HAND, **BRIGADE, "Kolda": "City"},
                 {("Northern Brigade", "captured", "Kolda"), ("Red Hand", "captured", "Kolda")}, set())


@pytest.mark.parametrize("text, entities, expected", [
    # the armed object of the verb a clash hangs from fought its subject
    ("Northern Brigade troops pushed Red Hand fighters out of the center of Kolda after two days of street fighting.",
     {**RED_HAND, **BRIGADE, "Kolda": "City"}, {("Northern Brigade", "clashedWith", "Red Hand")}),
    # "following" is a preposition: the clash belongs to the verb it hangs on
    ("Last week, Northern Brigade fighters recaptured Kolda, a town north of Tamsa, following clashes with the Red "
     "Hand that left dozens dead.", {**RED_HAND, **BRIGADE, "Kolda": "City", "Tamsa": "City"},
     {("Northern Brigade", "clashedWith", "Red Hand"), ("Northern Brigade", "captured", "Kolda")}),
    # "exchanged fire with X": the parser hangs "with" on "fire"
    ("On Monday, Northern Brigade soldiers and Sarwa fighters exchanged fire with Red Hand militants near Kolda.",
     {**RED_HAND, **BRIGADE, "Sarwa": "ArmedGroup", "Kolda": "City"},
     {("Northern Brigade", "clashedWith", "Red Hand"), ("Sarwa", "clashedWith", "Red Hand")}),
])
def test_the_other_side_of_a_fight_told_around_the_clash(nlp, text, entities, expected):
    assert_reads(nlp, text, entities, expected, set())


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("Northern Brigade troops and allied militiamen tightened their hold on the port city of Kolda on Tuesday.",
     {**BRIGADE, "Kolda": "City"}, {("Northern Brigade", "captured", "Kolda")}, set()),
    ("Northern Brigade troops later pursued a group of Red Hand fighters toward the border.",
     {**RED_HAND, **BRIGADE}, {("Northern Brigade", "attacked", "Red Hand")}, set()),
    ("The envoy, Ali Musa, met with Omar Dakku in Kolda on Saturday before traveling to Tamsa for talks with "
     "Jon Kerr.", {"Ali Musa": "Official", "Omar Dakku": "Official", "Kolda": "City", "Tamsa": "City",
                   "Jon Kerr": "Official"}, {("Ali Musa", "metWith", "Jon Kerr")}, set()),
    ("Ali Musa, who leads the government's side in slow peace talks with the Red Hand, spoke on Monday.",
     {**RED_HAND, "Ali Musa": "Official"}, set(), {("Ali Musa", "metWith", "Red Hand")}),
    # the annotated reports give a capital its capitalOf, no locatedIn beside it
    ("Life in Kolda, Sarvia's capital, was calm on Monday.",
     {"Kolda": "City", "Sarvia": "Country"}, {("Kolda", "capitalOf", "Sarvia")}, {("Kolda", "locatedIn", "Sarvia")}),
])
def test_holds_pursuits_talks_and_capitals(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, entities, expected, absent", [
    # each place in the next larger one only, as the annotated reports link them
    ("Kolda, a town in Tamsa governorate in the far northeastern corner of Sarvia, has been a key stronghold.",
     {"Kolda": "City", "Tamsa governorate": "Province", "Sarvia": "Country"},
     {("Kolda", "locatedIn", "Tamsa governorate"), ("Tamsa governorate", "locatedIn", "Sarvia")},
     {("Kolda", "locatedIn", "Sarvia")}),
    ("Fighting hit Kolda district in Tamsa province in southern Sarvia.",
     {"Kolda district": "District", "Tamsa province": "Province", "Sarvia": "Country"},
     {("Kolda district", "locatedIn", "Tamsa province"), ("Tamsa province", "locatedIn", "Sarvia")},
     {("Kolda district", "locatedIn", "Sarvia")}),
])
def test_places_are_linked_to_the_next_larger_one(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, entities, expected", [
    ("Northern Brigade troops had repelled seven attacks by the Red Hand near Kolda, a village west of the city.",
     {**RED_HAND, **BRIGADE, "Kolda": "City"}, {("Red Hand", "attacked", "Northern Brigade")}),
    ("The Northern Brigade has burned hundreds of homes in the villages of Kolda and Tamsa.",
     {**BRIGADE, "Kolda": "City", "Tamsa": "City"},
     {("Northern Brigade", "attacked", "Kolda"), ("Northern Brigade", "attacked", "Tamsa")}),
])
def test_attacks_fended_off_and_villages_burned(nlp, text, entities, expected):
    assert_reads(nlp, text, entities, expected, set())


def test_a_second_preposition_joined_to_the_first_names_another_side(nlp):
    assert_reads(nlp, "The envoy Ali Musa met with Omar Dakku, and with Jon Kerr, on Tuesday.",
                 {"Ali Musa": "Official", "Omar Dakku": "Official", "Jon Kerr": "Official"},
                 {("Ali Musa", "metWith", "Omar Dakku"), ("Ali Musa", "metWith", "Jon Kerr")}, set())


@pytest.mark.parametrize("text, entities, expected", [
    # the parser makes the town after the verb the subject of the clause after it
    ("On Sunday, Northern Brigade troops shelled Kolda, the region's largest town, and rocket fire on the power "
     "station left much of the valley without electricity.", {**BRIGADE, "Kolda": "City"},
     {("Northern Brigade", "attacked", "Kolda")}),
    ("The Red Hand launched several counterattacks against the Northern Brigade north of the city on Monday.",
     {**RED_HAND, **BRIGADE}, {("Red Hand", "attacked", "Northern Brigade"),
                               ("Red Hand", "clashedWith", "Northern Brigade")}),
    ("A security source said Kolda was back in the hands of the Northern Brigade by Wednesday.",
     {**BRIGADE, "Kolda": "City"}, {("Northern Brigade", "captured", "Kolda")}),
    ("Tamsa, a village on the river, is the last populated area under Red Hand control in the valley.",
     {**RED_HAND, "Tamsa": "City"}, {("Red Hand", "captured", "Tamsa")}),
    ("Tamsa, a town up the river, was the Red Hand's last stronghold until December. The Northern Brigade took it "
     "after weeks of fighting.", {**RED_HAND, **BRIGADE, "Tamsa": "City"}, {("Northern Brigade", "captured", "Tamsa")}),
])
def test_holding_and_hitting_told_past_a_misparse_or_a_pronoun(nlp, text, entities, expected):
    assert_reads(nlp, text, entities, expected, set())


def test_the_second_of_two_forces_keeps_the_owner_the_parser_gave_the_first(nlp):
    # "fighters from X" after "and": the parser hangs "from X" on the first noun
    assert_reads(nlp, "Northern Brigade soldiers and fighters from the Red Hand remain in control of Kolda town.",
                 {**BRIGADE, **RED_HAND, "Kolda": "City"},
                 {("Northern Brigade", "captured", "Kolda"), ("Red Hand", "captured", "Kolda")}, set())


@pytest.mark.parametrize("text, entities, expected", [
    ("The Red Hand once controlled most of Kolda, the region's largest town.", {**RED_HAND, "Kolda": "City"},
     {("Red Hand", "captured", "Kolda")}),
    ("Red Hand fighters now control nearly 90% of Kolda, their commander said.", {**RED_HAND, "Kolda": "City"},
     {("Red Hand", "captured", "Kolda")}),
    ("Kolda, the capital of Tamsa province, is the last major town in the north still held by the Northern "
     "Brigade.", {**BRIGADE, "Kolda": "City", "Tamsa province": "Province"},
     {("Northern Brigade", "captured", "Kolda")}),
])
def test_who_holds_a_share_of_a_town_or_the_town_a_copula_describes(nlp, text, entities, expected):
    assert_reads(nlp, text, entities, expected, set())


def test_a_stronghold_the_parser_broke_on_an_acronym(nlp):
    # "IS" read as the verb "is": the group named right before "stronghold" holds the sentence's subject
    assert_reads(nlp, "Kolda, a town in Tamsa province, has been a key IS stronghold and a corridor for the group.",
                 {"Kolda": "City", "Tamsa province": "Province", "IS": "ArmedGroup"},
                 {("IS", "captured", "Kolda")}, set())


def _read_hand_parse(nlp, words, heads, deps, pos, tags, lemmas, ents):
    from spacy.tokens import Doc, Span

    from kg.extract.relations import RelationExtractor

    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              sent_starts=[True] + [False] * (len(words) - 1))
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    doc = RelationExtractor(nlp, "test")(doc)
    return {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}


def test_a_second_subject_after_an_active_verb_is_its_object(nlp):
    """'Ukrainian forces recaptured Vyrva, a town ...' parsed with the town as a second subject of the verb."""
    words = ["Ukrainian", "forces", "recaptured", "Vyrva", ",", "a", "town", "on", "the", "river", "."]
    heads = [1, 2, 2, 2, 3, 6, 3, 6, 9, 7, 2]
    deps = ["amod", "nsubj", "ROOT", "nsubj", "punct", "det", "appos", "prep", "det", "pobj", "punct"]
    pos = ["ADJ", "NOUN", "VERB", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"]
    tags = ["JJ", "NNS", "VBD", "NNP", ",", "DT", "NN", "IN", "DT", "NN", "."]
    lemmas = ["ukrainian", "force", "recapture", "Vyrva", ",", "a", "town", "on", "the", "river", "."]
    found = _read_hand_parse(nlp, words, heads, deps, pos, tags, lemmas, [(0, 2, "Force"), (3, 4, "City")])
    assert ("Ukrainian forces", "captured", "Vyrva") in found, found


@pytest.mark.parametrize("group_dep, group_head, verb_tag", [("nsubj", 2, "VBD"), ("nmod", 3, "VBN"),
                                                              ("nsubj", 2, "VBN")])
def test_a_verb_the_parser_made_a_modifier_between_two_names_is_the_clause(nlp, group_dep, group_head, verb_tag):
    """'The SDF captured Marqada, a town ...' parsed as one noun phrase, 'captured' a modifier of the town with the
    group as its subject (tagged a past tense) or as a second modifier of the town (tagged a participle)."""
    words = ["The", "SDF", "captured", "Marqada", ",", "a", "town", ",", "in", "June", "."]
    heads = [1, group_head, 3, 3, 3, 6, 3, 3, 3, 8, 3]
    deps = ["det", group_dep, "amod", "ROOT", "punct", "det", "appos", "punct", "prep", "pobj", "punct"]
    pos = ["DET", "PROPN", "VERB", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "ADP", "PROPN", "PUNCT"]
    tags = ["DT", "NNP", verb_tag, "NNP", ",", "DT", "NN", ",", "IN", "NNP", "."]
    lemmas = ["the", "SDF", "capture", "Marqada", ",", "a", "town", ",", "in", "June", "."]
    found = _read_hand_parse(nlp, words, heads, deps, pos, tags, lemmas, [(1, 2, "ArmedGroup"), (3, 4, "City")])
    assert ("SDF", "captured", "Marqada") in found, found


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("The raid was a setback for the Red Hand of eastern commander Tamir Osei, which has been trying to seize Kolda.",
     {**RED_HAND, "Tamir Osei": "Official", "Kolda": "City"},
     {("Tamir Osei", "memberOf", "Red Hand"), ("Red Hand", "attacked", "Kolda")}, {("Tamir Osei", "attacked", "Kolda")}),
    ("Federal Police units under the command of Lt. Gen. Omar Sayf cleared the market.",
     {"Federal Police": "Force", "Omar Sayf": "Official"}, {("Omar Sayf", "officialOf", "Federal Police")}, set()),
])
def test_a_group_of_a_named_leader_is_his(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("The Northern Alliance, made up of the Red Hand (RH), the Black Flag (BF) and the Blue Guard, has named the "
     "campaign Operation Dawn.",
     {"Northern Alliance": "ArmedGroup", "Red Hand": "ArmedGroup", "RH": "ArmedGroup", "Black Flag": "ArmedGroup",
      "BF": "ArmedGroup", "Blue Guard": "ArmedGroup"},
     {("Red Hand", "memberOf", "Northern Alliance"), ("Black Flag", "memberOf", "Northern Alliance"),
      ("Blue Guard", "memberOf", "Northern Alliance")},
     {("Red Hand", "memberOf", "Black Flag"), ("Northern Alliance", "memberOf", "Black Flag")}),
])
def test_an_alliance_made_up_of_groups_has_them_as_members(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


def test_a_participle_on_the_root_noun_with_an_object_of_its_own_is_the_clause(nlp):
    """'Coalition warplanes carried out 18 airstrikes on Houthi positions' parsed as one noun phrase: the warplanes
    (their force) carried them out."""
    words = ["Coalition", "warplanes", "carried", "out", "18", "airstrikes", "on", "Red", "Hand", "positions", "."]
    heads = [1, 1, 1, 2, 5, 2, 5, 8, 9, 6, 1]
    deps = ["compound", "ROOT", "acl", "prt", "nummod", "dobj", "prep", "compound", "compound", "pobj", "punct"]
    pos = ["NOUN", "NOUN", "VERB", "ADP", "NUM", "NOUN", "ADP", "PROPN", "PROPN", "NOUN", "PUNCT"]
    tags = ["NN", "NNS", "VBN", "RP", "CD", "NNS", "IN", "NNP", "NNP", "NNS", "."]
    lemmas = ["coalition", "warplane", "carry", "out", "18", "airstrike", "on", "Red", "Hand", "position", "."]
    found = _read_hand_parse(nlp, words, heads, deps, pos, tags, lemmas, [(0, 1, "Force"), (7, 9, "ArmedGroup")])
    assert ("Coalition", "attacked", "Red Hand") in found, found


@pytest.mark.parametrize("text, entities, expected", [
    ("Residents of Kolda's Tamsa and Bir Lahlou districts said the streets were calm on Sunday.",
     {"Kolda": "City", "Tamsa": "District", "Bir Lahlou": "District"},
     {("Tamsa", "locatedIn", "Kolda"), ("Bir Lahlou", "locatedIn", "Kolda")}),
    ("The rebels attacked outposts in Tamsa and Vorda townships of Ulan on Monday.",
     {"Tamsa": "District", "Vorda": "District", "Ulan": "Province"},
     {("Tamsa", "locatedIn", "Ulan"), ("Vorda", "locatedIn", "Ulan")}),
    ("The raids on the camps in the towns of Tamsa and Vorda, both in the Ulan region, began on Monday.",
     {"Tamsa": "City", "Vorda": "City", "Ulan region": "Province"},
     {("Tamsa", "locatedIn", "Ulan region"), ("Vorda", "locatedIn", "Ulan region")}),
])
def test_places_listed_before_a_kind_word_or_both_in_a_place_are_in_it(nlp, text, entities, expected):
    assert_reads(nlp, text, entities, expected, set())


def test_a_place_after_in_with_its_kind_word_outside_the_name_holds_the_town_before(nlp):
    assert_reads(nlp, "The rebels said they had seized Tamsa and Vorda in Ulan's Karo Region.",
                 {"Tamsa": "City", "Vorda": "City", "Ulan": "Country", "Karo": "Province"},
                 {("Tamsa", "locatedIn", "Karo"), ("Vorda", "locatedIn", "Karo")}, set())


def test_a_massacre_in_a_town_blamed_on_a_group_is_its_attack_on_the_town(nlp):
    assert_reads(nlp, "Officials blamed fighters of the Red Hand for the massacre in Tamsa.",
                 {**RED_HAND, "Tamsa": "City"}, {("Red Hand", "attacked", "Tamsa")}, set())


def test_the_pocket_of_territory_a_group_holds_is_the_town_it_describes(nlp):
    assert_reads(nlp, "Troops pressed their assault on Tamsa, the last pocket of territory held by the Red Hand "
                      "in the valley.", {**RED_HAND, "Tamsa": "City"}, {("Red Hand", "captured", "Tamsa")}, set())


def test_joining_forces_is_no_joining_of_a_force_but_the_coalition_it_forms(nlp):
    assert_reads(nlp, "The army held the port. The Red Hand had joined forces in a coalition called Dawn Front.",
                 {"Red Hand": "ArmedGroup", "Dawn Front": "ArmedGroup"}, {("Red Hand", "memberOf", "Dawn Front")},
                 set())
    found = relations(nlp, "Government troops held the port. The Red Hand joined forces with the Black Flag.",
                      {**RED_HAND, "Black Flag": "ArmedGroup", "Government troops": "Force"})
    assert not {r for r in found if r[1] == "memberOf"}, found


def test_a_stronghold_after_a_town_and_its_comma_is_that_town_however_parsed(nlp):
    assert_reads(nlp, "The government said its forces had entered the town of Tamsa, the last major stronghold of "
                      "the Red Hand (RH) in the northwest.", {**RED_HAND, "RH": "ArmedGroup", "Tamsa": "City"},
                 {("Red Hand", "captured", "Tamsa")}, set())


def test_a_participle_on_the_subject_of_a_sentence_without_a_verb_is_its_verb_and_a_ranked_town_the_one_named(nlp):
    """'Fighters from X and allied factions swept into Hama, taking Syria's fourth-largest city' parsed as one noun
    phrase: the fighters (X) swept in and took the town just named."""
    words = ["Fighters", "from", "the", "Red", "Hand", "and", "allied", "factions", "swept", "into", "Tamsa", ",",
             "taking", "Ulan", "'s", "largest", "city", "."]
    heads = [0, 0, 4, 4, 1, 0, 7, 0, 7, 8, 9, 8, 8, 16, 13, 16, 12, 0]
    deps = ["ROOT", "prep", "det", "compound", "pobj", "cc", "amod", "conj", "acl", "prep", "pobj", "punct",
            "advcl", "poss", "case", "amod", "dobj", "punct"]
    pos = ["PROPN", "ADP", "DET", "PROPN", "PROPN", "CCONJ", "VERB", "NOUN", "VERB", "ADP", "PROPN", "PUNCT",
           "VERB", "PROPN", "PART", "ADJ", "NOUN", "PUNCT"]
    tags = ["NNPS", "IN", "DT", "NNP", "NNP", "CC", "VBN", "NNS", "VBN", "IN", "NNP", ",", "VBG", "NNP", "POS",
            "JJS", "NN", "."]
    lemmas = ["Fighters", "from", "the", "Red", "Hand", "and", "ally", "faction", "sweep", "into", "Tamsa", ",", "take",
              "Ulan", "'s", "large", "city", "."]
    found = _read_hand_parse(nlp, words, heads, deps, pos, tags, lemmas,
                             [(3, 5, "ArmedGroup"), (10, 11, "City"), (13, 14, "Country")])
    assert ("Red Hand", "captured", "Tamsa") in found, found


def test_what_pits_one_side_against_another_is_their_clash(nlp):
    assert_reads(nlp, "The offensive, which began in June, pitted the Red Hand against the Black Flag.",
                 {**RED_HAND, "Black Flag": "ArmedGroup"}, {("Red Hand", "clashedWith", "Black Flag")}, set())


def test_a_town_handed_over_to_a_side_is_its_capture(nlp):
    assert_reads(nlp, "The town of Tamsa was handed over to the Red Hand without a fight in November.",
                 {**RED_HAND, "Tamsa": "City"}, {("Red Hand", "captured", "Tamsa")}, set())


def test_the_enclave_of_a_town_overrun_is_the_town_captured(nlp):
    assert_reads(nlp, "Red Hand fighters commanded by Omar Dabo overran the eastern enclave of Tamsa on Tuesday.",
                 {**RED_HAND, "Tamsa": "City", "Omar Dabo": "Person"}, {("Red Hand", "captured", "Tamsa")}, set())


def test_their_base_in_an_attack_is_the_other_sides_and_the_town_around_it_only_where(nlp):
    assert_reads(nlp, "The minister said 150 Northern Brigade soldiers had been posted in Tamsa and that Red Hand "
                      "fighters had attacked their base on the edge of the city.",
                 {**RED_HAND, **BRIGADE, "Tamsa": "City"}, {("Red Hand", "attacked", "Northern Brigade")},
                 {("Red Hand", "attacked", "Tamsa")})


def test_a_name_the_parser_made_a_modifier_of_the_noun_after_and_is_met_too(nlp):
    found = relations(nlp, "Prime Minister Lena Varga flew to the area by helicopter in the afternoon and met with "
                           "Pirozzi and rescue workers in Tamsa.",
                      {"Lena Varga": "Official", "Pirozzi": "Official", "Tamsa": "City"})
    assert {("Lena Varga", "metWith", "Pirozzi"), ("Pirozzi", "metWith", "Lena Varga")} & found, found


@pytest.mark.parametrize("text, entities, expected, absent", [
    ("Red Hand fighters attacked Tamsa before dawn on Monday, raising their flag in a main square and battling "
     "Northern Brigade soldiers in the streets.", {**RED_HAND, **BRIGADE, "Tamsa": "City"},
     {("Red Hand", "clashedWith", "Northern Brigade")}, set()),
    ("By midday, Northern Brigade soldiers and Blue Star airstrikes had pushed the Red Hand back from the compound.",
     {**RED_HAND, **BRIGADE, "Blue Star": "Force"}, {("Northern Brigade", "clashedWith", "Red Hand")},
     {("Blue Star", "clashedWith", "Red Hand")}),
    ("The Red Hand, made up largely of former soldiers who mutinied in 2012, briefly occupied Tamsa in November.",
     {**RED_HAND, "Tamsa": "City"}, {("Red Hand", "captured", "Tamsa")}, set()),
    ("The Red Hand launched its offensive in January with attacks on the towns of Tamsa, Ogol and Bira.",
     {**RED_HAND, "Tamsa": "City", "Ogol": "City", "Bira": "City"},
     {("Red Hand", "attacked", "Tamsa"), ("Red Hand", "attacked", "Bira")}, set()),
])
def test_subjects_through_misparsed_clauses(nlp, text, entities, expected, absent):
    assert_reads(nlp, text, entities, expected, absent)


def test_an_offshoot_is_no_member(nlp):
    assert_reads(nlp, "The Black Flag, the Red Hand offshoot that seized Tamsa in June, overran two towns.",
                 {**RED_HAND, "Black Flag": "ArmedGroup", "Tamsa": "City"}, set(),
                 {("Black Flag", "memberOf", "Red Hand")})


def test_that_after_a_group_led_by_a_person_is_the_groups_clause(nlp):
    """'the Red Hand, a militia led by Omar Dabo that fought the Black Flag' with the clause hung on the leader."""
    words = ["Officers", "worked", "with", "the", "Red", "Hand", ",", "a", "militia", "led", "by", "Omar", "Dabo",
             "that", "fought", "the", "Black", "Flag", "."]
    heads = [1, 1, 1, 5, 5, 2, 5, 8, 5, 8, 9, 12, 10, 14, 12, 17, 17, 14, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "compound", "pobj", "punct", "det", "appos", "acl", "agent", "compound",
            "pobj", "nsubj", "relcl", "det", "compound", "dobj", "punct"]
    pos = ["NOUN", "VERB", "ADP", "DET", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "ADP", "PROPN", "PROPN",
           "PRON", "VERB", "DET", "PROPN", "PROPN", "PUNCT"]
    tags = ["NNS", "VBD", "IN", "DT", "NNP", "NNP", ",", "DT", "NN", "VBN", "IN", "NNP", "NNP", "WDT", "VBD", "DT",
            "NNP", "NNP", "."]
    lemmas = ["officer", "work", "with", "the", "Red", "Hand", ",", "a", "militia", "lead", "by", "Omar", "Dabo",
              "that", "fight", "the", "Black", "Flag", "."]
    found = _read_hand_parse(nlp, words, heads, deps, pos, tags, lemmas,
                             [(4, 6, "ArmedGroup"), (11, 13, "Person"), (16, 18, "ArmedGroup")])
    assert ("Red Hand", "clashedWith", "Black Flag") in found, found
    assert ("Omar Dabo", "clashedWith", "Black Flag") not in found, found


def test_what_someone_pleads_for_another_to_do_is_not_done(nlp):
    found = relations(nlp, "On Saturday, Tamsa Mayor Ana Ruiz had pleaded on local radio for the army to take "
                           "control of the city.", {"Tamsa": "City", "Ana Ruiz": "Official"})
    assert not {r for r in found if r[1] == "captured"}, found


def test_a_town_that_changed_hands_between_two_sides_was_fought_over(nlp):
    found = relations(nlp, "Tamsa, a market town in the north, changed hands several times between the Red Hand "
                           "and the Northern Brigade after 2009.", {**RED_HAND, **BRIGADE, "Tamsa": "City"})
    assert {frozenset((s, o)) for s, p, o in found if p == "clashedWith"} == {
        frozenset(("Red Hand", "Northern Brigade"))}, found


def test_its_center_is_the_place_the_sentence_is_about(nlp):
    # "its" after a town and the province it is the capital of: the town, the main clause's subject
    found = relations(nlp, "Tamsa city, the capital of Ogol province, has been split since May, when the Northern "
                           "Brigade pushed the Red Hand out of most of its center.",
                      {**RED_HAND, **BRIGADE, "Tamsa city": "City", "Ogol province": "Province"})
    assert ("Northern Brigade", "captured", "Tamsa city") in found, found
    assert ("Northern Brigade", "captured", "Ogol province") not in found, found


def test_setting_fire_to_a_place_attacks_it(nlp):
    assert_reads(nlp, "Residents said the Northern Brigade had set fire to large parts of Tamsa after the battle.",
                 {**BRIGADE, "Tamsa": "City"}, {("Northern Brigade", "attacked", "Tamsa")}, set())


@pytest.mark.parametrize("verb", ["groups", "brought together", "unites"])
def test_an_alliance_that_groups_bodies_has_them_as_members(nlp, verb):
    assert_reads(nlp, f"The Northern Pact launched an offensive in May. The alliance {verb} the Red Hand, the Black "
                      "Flag and the Valley Front.",
                 {"Northern Pact": "ArmedGroup", **RED_HAND, "Black Flag": "ArmedGroup", "Valley Front": "ArmedGroup"},
                 {("Red Hand", "memberOf", "Northern Pact"), ("Valley Front", "memberOf", "Northern Pact")}, set())


def test_its_mayor_opening_a_sentence_is_the_mayor_of_the_town_the_sentence_before_was_about(nlp):
    found = relations(nlp, "Tamsa, a fishing town that lies close to the border, belongs to the province of Ogol. Its "
                           "mayor, Ana Ruiz, told the meeting that the camp was full.",
                      {"Tamsa": "City", "Ogol": "Province", "Ana Ruiz": "Official"})
    assert ("Ana Ruiz", "officialOf", "Tamsa") in found, found


def test_a_town_overrun_where_the_parser_made_no_verb_of_overran(nlp):
    """'Red Hand fighters overran Tamsa, the capital of Ogol.' as the small parser reads such sentences: "overran" a
    proper noun compounded to the town's name, the town in apposition to the fighters."""
    words = ["Red", "Hand", "fighters", "overran", "Tamsa", ",", "the", "capital", "of", "Ogol", "."]
    heads = [1, 2, 2, 4, 2, 4, 7, 4, 7, 8, 2]
    deps = ["compound", "compound", "ROOT", "compound", "appos", "punct", "det", "appos", "prep", "pobj", "punct"]
    pos = ["PROPN", "PROPN", "NOUN", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
    tags = ["NNP", "NNP", "NNS", "NNP", "NNP", ",", "DT", "NN", "IN", "NNP", "."]
    lemmas = ["Red", "Hand", "fighter", "overran", "Tamsa", ",", "the", "capital", "of", "Ogol", "."]
    found = _read_hand_parse(nlp, words, heads, deps, pos, tags, lemmas,
                             [(0, 2, "ArmedGroup"), (4, 5, "City"), (9, 10, "Province")])
    assert ("Red Hand", "captured", "Tamsa") in found, found


def test_villages_shelled_among_them_named_ones_are_the_ones_shelled(nlp):
    found = relations(nlp, "Red Hand fighters, meanwhile, continued to shell villages held by the Northern Brigade "
                           "farther west, among them Tamsa and Kolda, the army said in its morning update.",
                      {**RED_HAND, **BRIGADE, "Tamsa": "City", "Kolda": "City"})
    assert {("Red Hand", "attacked", "Tamsa"), ("Red Hand", "attacked", "Kolda"),
            ("Northern Brigade", "captured", "Kolda")} <= found, found


def test_who_serves_as_a_countrys_president_after_another_clause_holds_the_office(nlp):
    found = relations(nlp, "Capt. Ali Musa, who seized power in a coup last year and now serves as Ogolia's interim "
                           "president, has made recruitment a pillar of his strategy.",
                      {"Ali Musa": "Official", "Ogolia": "Country"})
    assert ("Ali Musa", "officialOf", "Ogolia") in found, found


@pytest.mark.parametrize("text", [
    "The Red Hand units were joined in the assault on Tamsa by fighters of the Northern Brigade.",
    "Fighters of the Northern Brigade joined the Red Hand in the assault on Tamsa.",
])
def test_who_joins_a_side_in_an_assault_and_the_side_joined_both_attack(nlp, text):
    assert_reads(nlp, text, {**RED_HAND, **BRIGADE, "Tamsa": "City"},
                 {("Red Hand", "attacked", "Tamsa"), ("Northern Brigade", "attacked", "Tamsa")}, set())


def test_met_with_one_on_a_day_and_with_another_meets_both(nlp):
    found = relations(nlp, "During the trip, Ana Ruiz met with Omar Dabo in Tamsa on Wednesday and with Ali Musa, "
                           "Ogolia's prime minister, in Kolda on Thursday.",
                      {"Ana Ruiz": "Official", "Omar Dabo": "Official", "Ali Musa": "Official", "Tamsa": "City",
                       "Kolda": "City", "Ogolia": "Country"})
    met = {frozenset((s, o)) for s, p, o in found if p == "metWith"}
    assert {frozenset(("Ana Ruiz", "Omar Dabo")), frozenset(("Ana Ruiz", "Ali Musa"))} <= met, found


def test_a_partys_senator_elected_president_of_the_senate(nlp):
    found = relations(nlp, "Officials held talks with Ana Ruiz, a UM senator who had just been elected president of "
                           "the Senate, on a timetable.",
                      {"UM": "Organization", "Ana Ruiz": "Official", "Senate": "Organization"})
    assert {("Ana Ruiz", "memberOf", "UM"), ("Ana Ruiz", "officialOf", "Senate")} <= found, found
    assert ("Ana Ruiz", "officialOf", "UM") not in found, found


def test_a_spokesman_for_no_one_cited_for_what_a_body_says_speaks_for_it(nlp):
    found = relations(nlp, "The Northern Brigade said its aircraft had carried out two airstrikes near Tamsa on "
                           "Wednesday, according to spokesman Col. Ali Musa.",
                      {**BRIGADE, "Tamsa": "City", "Ali Musa": "Official"})
    assert ("Ali Musa", "spokesmanFor", "Northern Brigade") in found, found


@pytest.mark.model
def test_militiamen_of_a_named_body_stand_for_it_not_for_a_militia_of_their_own(nlp):
    doc = nlp("Battle\n\nNear the university the Houthis fought militiamen of the Islah party for two days.")
    found = {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}
    assert any(r[1] == "clashedWith" and "Islah party" in r for r in found), found
    assert "militiamen" not in {e.text for e in doc.ents}, [(e.text, e.label_) for e in doc.ents]


def test_people_the_parser_conjoined_to_an_opening_phrases_place_are_the_subjects_of_the_verb(nlp):
    """'Before going to Paiporta, Felipe, Sanchez and Mazon met at the center' parsed with the three names as
    conjuncts of the town and the verb without a subject."""
    words = ["Before", "going", "to", "Paiporta", ",", "Felipe", ",", "Sanchez", "and", "Mazon", "met", "at", "the",
             "center", "."]
    heads = [10, 0, 1, 2, 3, 3, 5, 5, 7, 7, 10, 10, 13, 11, 10]
    deps = ["prep", "pcomp", "prep", "pobj", "punct", "conj", "punct", "conj", "cc", "conj", "ROOT", "prep", "det",
            "pobj", "punct"]
    pos = ["ADP", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB", "ADP", "DET",
           "NOUN", "PUNCT"]
    tags = ["IN", "VBG", "IN", "NNP", ",", "NNP", ",", "NNP", "CC", "NNP", "VBD", "IN", "DT", "NN", "."]
    lemmas = ["before", "go", "to", "Paiporta", ",", "Felipe", ",", "Sanchez", "and", "Mazon", "meet", "at", "the",
              "center", "."]
    found = _read_hand_parse(nlp, words, heads, deps, pos, tags, lemmas,
                             [(3, 4, "City"), (5, 6, "Official"), (7, 8, "Official"), (9, 10, "Official")])
    met = {frozenset((a, b)) for a, predicate, b in found if predicate == "metWith"}
    assert met == {frozenset(("Felipe", "Sanchez")), frozenset(("Felipe", "Mazon")), frozenset(("Sanchez", "Mazon"))}, \
        found


def test_the_actor_of_a_participle_the_parser_made_the_verbs_subject_is_the_verbs(nlp):
    """'Red Hand fighters dug in on the bank began shelling Tamsa' parsed with 'dug' as the subject of 'began' and
    the fighters as the subject of 'dug'."""
    words = ["Red", "Hand", "fighters", "dug", "in", "on", "the", "bank", "began", "shelling", "Tamsa", "."]
    heads = [1, 2, 3, 8, 3, 3, 7, 5, 8, 8, 9, 8]
    deps = ["compound", "compound", "nsubj", "nsubj", "prt", "prep", "det", "pobj", "ROOT", "xcomp", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "NOUN", "VERB", "ADP", "ADP", "DET", "NOUN", "VERB", "VERB", "PROPN", "PUNCT"]
    tags = ["NNP", "NNP", "NNS", "VBN", "RP", "IN", "DT", "NN", "VBD", "VBG", "NNP", "."]
    lemmas = ["Red", "Hand", "fighter", "dig", "in", "on", "the", "bank", "begin", "shell", "Tamsa", "."]
    found = _read_hand_parse(nlp, words, heads, deps, pos, tags, lemmas, [(0, 2, "ArmedGroup"), (10, 11, "City")])
    assert ("Red Hand", "attacked", "Tamsa") in found, found


@pytest.mark.model
def test_a_towns_wards_stand_for_the_town_attacked(nlp):
    doc = nlp("Raids\n\nWithin hours, Myanmar military aircraft bombed several residential wards of Lashio.")
    found = {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}
    assert any(p == "attacked" and o == "Lashio" for _, p, o in found), found


@pytest.mark.model
@pytest.mark.parametrize("text, met", [
    ("Defense Minister Ivan Petrov ordered the pullback at a televised meeting with Gen. Oleg Sokolov.", True),
    ("Norway brokered the truce at talks between the Red Hand and the army in Oslo.", False),
])
def test_the_actor_of_a_clause_at_a_meeting_with_someone_met_them(nlp, text, met):
    doc = nlp("Talks\n\n" + text)
    found = {(r.subject.text, r.object.text) for r in doc._.kg_relations if r.predicate == "metWith"}
    assert bool({("Ivan Petrov", "Oleg Sokolov"), ("Oleg Sokolov", "Ivan Petrov")} & found) == met, found
    assert not any("Norway" in pair for pair in found), found


def test_it_is_the_place_the_sentence_before_took_up_as_the_town(nlp):
    assert_reads(nlp, "Kolda has changed hands three times in a month. The army first seized the town on Saturday, "
                 "leaving several posts stranded. The Red Hand and the Free Front retook it on Monday.",
                 {**RED_HAND, "Kolda": "City", "Free Front": "ArmedGroup"},
                 {("Red Hand", "captured", "Kolda"), ("Free Front", "captured", "Kolda")}, set())


def test_a_capture_verb_the_tagger_made_a_noun_after_two_conjoined_groups_is_both_groups(nlp):
    """'Red Hand and the Kolda Front retook Tamsa' tagged with 'retook' a noun (the object of 'for' in a name)."""
    words = ["Red", "Hand", "and", "the", "Kolda", "Front", "retook", "Tamsa", "on", "Monday", "."]
    heads = [1, 7, 1, 5, 5, 1, 7, 7, 7, 8, 7]
    deps = ["compound", "nsubj", "cc", "det", "compound", "conj", "compound", "ROOT", "prep", "pobj", "punct"]
    pos = ["PROPN", "PROPN", "CCONJ", "DET", "PROPN", "PROPN", "NOUN", "PROPN", "ADP", "PROPN", "PUNCT"]
    tags = ["NNP", "NNP", "CC", "DT", "NNP", "NNP", "NN", "NNP", "IN", "NNP", "."]
    lemmas = ["Red", "Hand", "and", "the", "Kolda", "Front", "retook", "Tamsa", "on", "Monday", "."]
    found = _read_hand_parse(nlp, words, heads, deps, pos, tags, lemmas,
                             [(0, 2, "ArmedGroup"), (4, 6, "ArmedGroup"), (7, 8, "City")])
    assert {("Red Hand", "captured", "Tamsa"), ("Kolda Front", "captured", "Tamsa")} <= found, found


@pytest.mark.model
def test_a_speaker_after_a_victim_and_his_role_is_neither_victim_nor_member(nlp):
    doc = nlp("Raid\n\nU.S. special operations forces who raided a compound near the village of Barisha in Idlib "
              "province, Syria, on Oct. 26 killed Abu Bakr al-Baghdadi, the leader of the Islamic State of Iraq and "
              "Syria, Gen. Kenneth F. McKenzie Jr., commander of U.S. Central Command, told reporters at the Pentagon.")
    found = {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}
    assert not any("McKenzie" in o or "McKenzie" in s and p == "memberOf" for s, p, o in found), found
    assert any("McKenzie" in s and p == "officialOf" and "Central Command" in o for s, p, o in found), found


def test_the_place_of_a_facility_is_no_target_when_the_attack_names_one(nlp):
    assert_reads(nlp, "Red Hand militants attacked Northern Brigade troops at an airfield in Ulan Region early today.",
                 {**RED_HAND, **BRIGADE, "Ulan Region": "Province"},
                 {("Red Hand", "attacked", "Northern Brigade")}, {("Red Hand", "attacked", "Ulan Region")})


def test_troops_the_parser_apposed_to_an_opening_phrases_town_are_the_reported_verbs_subject(nlp):
    """'Before taking Kolda, Northern Brigade troops had seized Tamsa, the ministry said' parsed with the troops as
    an apposition of Kolda, and the reported verb without a subject."""
    words = ["Before", "taking", "Kolda", ",", "Northern", "Brigade", "troops", ",", "had", "seized", "Tamsa", ",",
             "the", "ministry", "said", "."]
    heads = [9, 0, 1, 2, 6, 6, 2, 2, 9, 14, 9, 14, 13, 14, 14, 14]
    deps = ["prep", "pcomp", "dobj", "punct", "compound", "compound", "appos", "punct", "aux", "ccomp", "dobj",
            "punct", "det", "nsubj", "ROOT", "punct"]
    pos = ["ADP", "VERB", "PROPN", "PUNCT", "PROPN", "PROPN", "NOUN", "PUNCT", "AUX", "VERB", "PROPN", "PUNCT", "DET",
           "NOUN", "VERB", "PUNCT"]
    tags = ["IN", "VBG", "NNP", ",", "NNP", "NNP", "NNS", ",", "VBD", "VBN", "NNP", ",", "DT", "NN", "VBD", "."]
    lemmas = ["before", "take", "Kolda", ",", "Northern", "Brigade", "troop", ",", "have", "seize", "Tamsa", ",",
              "the", "ministry", "say", "."]
    found = _read_hand_parse(nlp, words, heads, deps, pos, tags, lemmas,
                             [(2, 3, "City"), (4, 7, "Force"), (10, 11, "City")])
    assert ("Northern Brigade troops", "captured", "Tamsa") in found, found


def test_a_person_takes_no_town(nlp):
    assert_reads(nlp, "President Kemal Aras announced the capture of Tamsa in a televised address on Sunday.",
                 {"Kemal Aras": "Official", "Tamsa": "City"}, set(), {("Kemal Aras", "captured", "Tamsa")})


@pytest.mark.model
def test_talks_with_a_long_title_and_the_name_after_its_comma_are_talks_with_the_person(nlp):
    doc = nlp("Visit\n\nSecretary of Defense Lloyd Austin traveled to Doha. Austin also held talks with Qatar's Deputy "
              "Prime Minister and Minister of State for Defense Affairs, Dr. Khalid bin Mohammed Al Attiyah, on the "
              "two countries' defense partnership.")
    found = {frozenset((r.subject.text, r.object.text)) for r in doc._.kg_relations if r.predicate == "metWith"}
    assert frozenset(("Austin", "Khalid bin Mohammed Al Attiyah")) in found, found


@pytest.mark.model
def test_his_or_her_group_in_what_a_spokesperson_says_is_the_body_spoken_for(nlp):
    doc = nlp("Shan\n\nThe army shelled Lashio on Monday. Lway Yay Oo, a spokeswoman for the TNLA, said her group's "
              "fighters had captured Namhsan in December.")
    found = {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}
    assert ("TNLA", "captured", "Namhsan") in found, found


@pytest.mark.model
def test_every_share_of_a_list_of_places_a_group_controls_is_held(nlp):
    doc = nlp("Sudan\n\nThe RSF now controls most of Khartoum, most of the western Darfur region and much of Gezira "
              "state.")
    found = {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}
    assert {("RSF", "captured", "Khartoum"), ("RSF", "captured", "Darfur")} <= found, found


@pytest.mark.model
def test_a_long_subject_after_after_that_the_parser_made_its_object_does_the_verb(nlp):
    doc = nlp("Idlib\n\nThe fighting ended after Turkey's president, Recep Tayyip Erdogan, met with Russia's "
              "president, Vladimir Putin, in Moscow on March 5.")
    found = {frozenset((r.subject.text, r.object.text)) for r in doc._.kg_relations if r.predicate == "metWith"}
    assert frozenset(("Recep Tayyip Erdogan", "Vladimir Putin")) in found, found


@pytest.mark.model
def test_an_attack_on_a_groups_headquarters_is_an_attack_on_the_group(nlp):
    doc = nlp("Khasham\n\nPro-regime forces attacked a Syrian Democratic Forces headquarters near Khasham on "
              "Wednesday.")
    found = {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}
    assert ("Pro-regime forces", "attacked", "Syrian Democratic Forces") in found, found
    assert ("Pro-regime forces", "attacked", "Khasham") not in found, found


@pytest.mark.model
def test_places_included_in_a_string_of_them_that_a_group_seized_are_captured(nlp):
    doc = nlp("Helmand\n\nThe Taliban seized a string of districts, including Nawa, in the spring.")
    found = {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}
    assert ("Taliban", "captured", "Nawa") in found, found


@pytest.mark.model
def test_a_group_described_after_a_comma_that_the_parser_made_the_subject_still_acts(nlp):
    doc = nlp("Syria\n\nThe SDF pulled out on Sunday from Ras al-Ain, a besieged border town. Hours later, Turkish troops "
              "and fighters of the Syrian National Army, an alliance of rebel factions armed and paid by Ankara, took "
              "control of the town.")
    found = {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}
    assert ("Syrian National Army", "captured", "Ras al-Ain") in found, found
    assert not any(o == "Ankara" for _, p, o in found if p == "captured"), found


@pytest.mark.model
def test_them_is_every_armed_subject_of_the_clause_before_in_the_sentence(nlp):
    doc = nlp("Syria\n\nTurkish troops and SNA factions attacked Ras al-Ain on Oct. 9, and for a week SDF fighters "
              "battled them street by street.")
    found = {frozenset((r.subject.text, r.object.text)) for r in doc._.kg_relations if r.predicate == "clashedWith"}
    assert {frozenset(("SDF", "Turkish troops")), frozenset(("SDF", "SNA"))} <= found, found


@pytest.mark.model
def test_a_convoy_named_through_a_common_noun_stands_for_its_owner(nlp):
    doc = nlp("Yei\n\nSPLA-IO fighters ambushed an SPLA supply convoy on the road to Morobo.")
    found = {(r.subject.text, r.predicate, r.object.text) for r in doc._.kg_relations}
    assert ("SPLA-IO", "attacked", "SPLA") in found, found
