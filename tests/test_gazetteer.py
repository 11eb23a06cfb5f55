"""The bundled gazetteers and users' own gazetteer files (no trained model needed)."""
from __future__ import annotations

import json

import pytest
import spacy

from kg.extract.gazetteer import DATA, ENTRY_FILES, Gazetteer, GazetteerError, read_entries
from kg.extract.pipeline import add_kg_components
from kg.model import ENTITY_TYPES


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def blank():
    """spacy.blank("en") with kg's components: the gazetteer and typing rules without a model."""
    return add_kg_components(spacy.blank("en"))


def ents(nlp, text):
    return [(e.text, e.label_, e._.kg_canonical) for e in nlp(text).ents]


def test_every_data_file_names_its_sources_in_a_header():
    for path in sorted(DATA.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        header = " ".join(line for line in lines[:5] if line.startswith("#"))
        assert lines[0].startswith("#") and "Source:" in header, path.name


def test_every_entry_is_valid_and_links_are_well_formed():
    entries = read_entries([DATA / name for name in ENTRY_FILES])
    assert len(entries) > 5000
    for entry in entries:
        assert entry["type"] in ENTITY_TYPES
        assert all(isinstance(a, str) and a for a in entry.get("aliases", []))
        if "wikidata" in entry:
            assert entry["wikidata"][0] == "Q" and entry["wikidata"][1:].isdigit(), entry
        if "lat" in entry:
            assert -90 <= entry["lat"] <= 90 and -180 <= entry["lon"] <= 180, entry


@pytest.mark.parametrize("surface, entity_type, name", [
    ("Afghanistan", "Country", "Afghanistan"),
    ("U.S.", "Country", "United States"),
    ("Britain", "Country", "Britain"),
    ("Iran", "Country", "Iran"),
    ("Russia", "Country", "Russia"),
    ("Helmand", "Province", "Helmand Province"),
    ("Helmand Province", "Province", "Helmand Province"),
    ("Luhansk region", "Province", "Luhansk Oblast"),
    ("Anbar", "Province", "Anbar Province"),
    ("Lashkargah", "City", "Lashkar Gah"),
    ("Mazar-e-Sharif", "City", "Mazar-i-Sharif"),
    ("Kiev", "City", "Kyiv"),
    ("Severodonetsk", "City", "Sievierodonetsk"),
    ("Syevyerodonetsk", "City", "Sievierodonetsk"),
    ("Kunduz", "City", "Kunduz"),  # the bare name of a capital is the city...
    ("Kunduz province", "Province", "Kunduz Province"),  # ...the province needs the word
    ("ISIS-K", "ArmedGroup", "Islamic State Khorasan"),
    ("Daesh", "ArmedGroup", "Islamic State"),
    ("Ansar Allah", "ArmedGroup", "Houthis"),
    ("RSF", "ArmedGroup", "Rapid Support Forces"),
    ("SAF", "Force", "Sudanese Armed Forces"),
    ("Tatmadaw", "Force", "Tatmadaw"),
    ("AQAP", "ArmedGroup", "al-Qaida in the Arabian Peninsula"),
])
def test_known_names(gazetteer, surface, entity_type, name):
    found = gazetteer.lookup(surface)
    assert found is not None, surface
    assert (found[0], found[1]["name"]) == (entity_type, name)


def test_places_carry_geonames_ids_and_coordinates(gazetteer):
    _, kabul = gazetteer.lookup("Kabul")
    assert kabul["geonames"] == "1138958"
    assert 34 < kabul["lat"] < 35 and 69 < kabul["lon"] < 70
    _, afghanistan = gazetteer.lookup("Afghanistan")
    assert afghanistan["wikidata"] == "Q889"


def test_common_words_are_not_places(gazetteer):
    for word in ("Police", "Media", "Centre", "North", "National", "Capital", "Mission"):
        found = gazetteer.lookup(word)
        assert found is None or found[0] not in ("City", "Province"), word


def test_demonyms_and_capitals(gazetteer):
    assert gazetteer.adjectives["Afghan"] == "Afghanistan"
    assert gazetteer.adjectives["U.S."] == "United States"
    assert gazetteer.plurals["Russians"] == "Russian"
    assert gazetteer.capitals["Lashkar Gah"] == "Helmand Province"


def test_users_entries_win_and_match(tmp_path):
    mine = tmp_path / "mine.jsonl"
    mine.write_text("# my names\n" + json.dumps(
        {"name": "Zorbanian Liberation Front", "type": "ArmedGroup", "aliases": ["ZLF"], "wikidata": "Q1"}) + "\n")
    nlp = add_kg_components(spacy.blank("en"), gazetteer=[mine])
    doc = nlp("Fighters of the ZLF entered Kabul.")
    assert [(e.text, e.label_, e._.kg_canonical) for e in doc.ents] == [
        ("ZLF", "ArmedGroup", "Zorbanian Liberation Front"), ("Kabul", "City", "Kabul")]
    assert doc.ents[0]._.kg_links == {"wikidata": "Q1"}


def test_users_entries_survive_to_disk_and_back(tmp_path):
    mine = tmp_path / "mine.jsonl"
    mine.write_text(json.dumps({"name": "Qarvin", "type": "City"}) + "\n")
    add_kg_components(spacy.blank("en"), gazetteer=[mine]).to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert [(e.text, e.label_) for e in loaded("Shelling hit Qarvin and Kabul.").ents] == [
        ("Qarvin", "City"), ("Kabul", "City")]


@pytest.mark.parametrize("line, message", [
    ('{"name": "X", "type": "Village"}', "one of the nine types"),
    ('{"type": "City"}', "needs a name"),
    ("not json", "not a JSON object"),
    ('{"name": "X", "type": "City", "aliases": "Y"}', "must be a list"),
])
def test_bad_gazetteer_files_give_one_line_errors(tmp_path, line, message):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(line + "\n")
    with pytest.raises(GazetteerError, match=message) as err:
        read_entries([bad])
    assert "\n" not in str(err.value) and "bad.jsonl:1" in str(err.value)


def test_missing_gazetteer_file(tmp_path):
    with pytest.raises(GazetteerError, match="cannot read gazetteer"):
        read_entries([tmp_path / "absent.jsonl"])


def test_case_matters_so_pronouns_are_not_countries(blank):
    assert ents(blank, "Tell us about it.") == []
    assert ents(blank, "The US said so.") == [("US", "Country", "United States")]


def test_name_inside_a_hyphenated_name_is_not_matched(blank):
    assert [e[0] for e in ents(blank, "They took Qala-e-Naw.")] == ["Qala-e-Naw"]
    assert ents(blank, "the Iran-backed group") == [("Iran", "Country", "Iran")]


def test_datelines_in_capitals(blank):
    assert ents(blank, "KABUL, Afghanistan")[0] == ("KABUL", "City", "Kabul")


@pytest.mark.parametrize("name, canonical", [
    ("Amhara", "Amhara"), ("Tigray region", "Tigray"), ("North Kivu", "North Kivu Province"),
    ("Nord-Kivu", "North Kivu Province"), ("Lower Shabelle region", "Lower Shabelle"), ("Hiran", "Hiran"),
])
def test_regions_are_known_by_their_english_names_in_the_news(name, canonical):
    from kg.extract.gazetteer import Gazetteer

    found = Gazetteer.load().lookup(name)
    assert found is not None and found[0] == "Province" and found[1]["name"] == canonical, found


@pytest.mark.model
def test_a_regional_capital_the_gazetteer_knows_is_never_given_to_another_province(nlp):
    doc = nlp("The M23 is tightening its grip on the regional capital of Goma. Fighting spread to South Kivu, and "
              "South Kivu officials fear more.")
    assert not [r for r in doc._.kg_relations if r.predicate == "capitalOf"]
    doc = nlp("The M23 entered North Kivu. It is tightening its grip on the regional capital of Goma.")
    assert {(r.subject.text, r.object.text) for r in doc._.kg_relations if r.predicate == "capitalOf"} == {
        ("Goma", "North Kivu")}


@pytest.mark.model
def test_a_possessive_in_an_apposition_is_not_its_kind(nlp):
    doc = nlp("Fighters attacked Gondar, the region's second-largest city, and Bahir Dar, its capital, in Amhara.")
    assert {e.text: e.label_ for e in doc.ents}["Gondar"] == "City"



def test_a_district_named_after_its_town_is_the_town_when_bare(gazetteer):
    """Portugal's Porto district: bare, news means the town; the district is named with its kind."""
    found = gazetteer.lookup("Porto")
    assert found is None or found[0] != "Province"
    assert gazetteer.lookup("Porto District")[0] == "Province"
