"""Resolution on hand-made mentions: no spaCy, no model."""
from __future__ import annotations

from kg.model import Article, ArticleMentions, Entity, Mention
from kg.resolve import Resolver, choose_label, normalise, resolve_all


def mention(text, type_, start=0, canonical=None, origin="ner", links=()):
    return Mention(text=text, type=type_, start=start, end=start + len(text), sentence=0, canonical=canonical,
                   origin=origin, links=links)


def found(*mentions, article_id="a1"):
    return ArticleMentions(article=Article(id=article_id, text="x"), mentions=tuple(mentions), relations=())


def by_label(graph):
    return {e.label: e for e in graph.entities}


def test_titles_and_surnames_resolve_to_one_official():
    graph = Resolver().resolve(found(
        mention("President Ashraf Ghani", "Official", 0),
        mention("Mr. Ghani", "Person", 40),
        mention("Ghani", "Person", 80),
    ))
    assert [(e.label, e.type) for e in graph.entities] == [("Ashraf Ghani", "Official")]
    assert graph.entities[0].key == "Person/ashraf ghani"


def test_the_taliban_and_taliban_are_one_group():
    graph = Resolver().resolve(found(
        mention("the Taliban", "ArmedGroup", 0, canonical="Taliban", origin="gazetteer"),
        mention("Taliban", "ArmedGroup", 30, canonical="Taliban", origin="gazetteer"),
    ))
    assert [(e.label, e.type) for e in graph.entities] == [("Taliban", "ArmedGroup")]


def test_city_and_province_of_the_same_name_stay_apart():
    graph = Resolver().resolve(found(
        mention("Kunduz city", "City", 0, canonical="Kunduz", origin="place-word"),
        mention("the province of the same name", "Province", 30, canonical="Kunduz Province", origin="description"),
        mention("Kunduz", "City", 80, canonical="Kunduz", origin="gazetteer"),
    ))
    assert {(e.label, e.type) for e in graph.entities} == {("Kunduz", "City"), ("Kunduz Province", "Province")}


def test_gazetteer_alias_maps_to_the_canonical_key_and_label():
    graph = Resolver().resolve(found(
        mention("Ansar Allah", "ArmedGroup", 0, canonical="Houthis", origin="gazetteer"),
        mention("Houthis", "ArmedGroup", 30, canonical="Houthis", origin="gazetteer"),
    ))
    (entity,) = graph.entities
    assert (entity.key, entity.label) == ("ArmedGroup/houthis", "Houthis")
    assert "Ansar Allah" in entity.aliases


def test_the_articles_own_spelling_labels_a_place_the_key_stays_canonical():
    graph = Resolver().resolve(found(
        mention("Syevyerodonetsk", "City", 0, canonical="Sievierodonetsk", origin="gazetteer"),
    ))
    (entity,) = graph.entities
    assert entity.key == "City/sievierodonetsk" and entity.label == "Syevyerodonetsk"


def test_a_country_abbreviation_alone_is_labelled_by_the_full_name():
    graph = Resolver().resolve(found(mention("U.S.", "Country", 0, canonical="United States", origin="gazetteer")))
    assert graph.entities[0].label == "United States"


def test_an_actor_acronym_the_text_never_spells_out_is_its_label():
    graph = Resolver().resolve(found(mention("YPG", "ArmedGroup", 0, canonical="People's Protection Units",
                                             origin="gazetteer")))
    assert graph.entities[0].label == "YPG"


def test_force_phrases_are_labelled_by_their_fullest_form():
    graph = Resolver().resolve(found(
        mention("Afghan soldiers", "Force", 0, canonical="Afghan forces", origin="force-phrase:national"),
        mention("Afghan security forces", "Force", 20, canonical="Afghan forces", origin="force-phrase:national"),
        mention("government forces", "Force", 60, canonical="Afghan forces", origin="force-phrase:generic"),
    ))
    (entity,) = graph.entities
    assert entity.label == "Afghan security forces" and entity.key == "Force/afghan forces"


def test_an_adjective_standing_for_a_force_is_no_label():
    # "French and Malian troops": the first adjective is the French forces, but "French" alone names nothing
    alone = Resolver().resolve(found(
        mention("French", "Force", 0, canonical="French forces", origin="force-phrase:national")))
    assert alone.entities[0].label == "French forces"
    written = Resolver().resolve(found(
        mention("French", "Force", 0, canonical="French forces", origin="force-phrase:national"),
        mention("French", "Force", 40, canonical="French forces", origin="force-phrase:national"),
        mention("French troops", "Force", 80, canonical="French forces", origin="force-phrase:national")))
    assert written.entities[0].label == "French troops"


def test_rule_built_names_label_descriptions():
    assert choose_label([mention("defense ministry", "Organization", canonical="Ministry of Defense",
                                 origin="ministry")]) == "Ministry of Defense"
    assert choose_label([mention("Russian Defense Ministry", "Organization",
                                 canonical="Russian Ministry of Defense", origin="ministry")]) == "Russian Defense Ministry"


def test_surname_resolves_to_a_full_name_from_an_earlier_article():
    first, second = resolve_all([
        found(mention("Abdrabbu Mansour Hadi", "Official", 0), article_id="a1"),
        found(mention("Hadi", "Person", 0), mention("Mansour Hadi", "Person", 20), article_id="a2"),
    ])
    assert [e.key for e in second.entities] == ["Person/abdrabbu mansour hadi"]
    assert second.entities[0].type == "Official"


def test_a_surname_is_the_full_name_that_ends_with_jr_or_iii():
    graph = Resolver().resolve(found(
        mention("Lloyd J. Austin III", "Official", 0), mention("Austin", "Person", 40),
        mention("Kenneth F. McKenzie Jr.", "Official", 60), mention("McKenzie", "Person", 100)))
    assert sorted(e.label for e in graph.entities) == ["Kenneth F. McKenzie Jr.", "Lloyd J. Austin III"]


def test_a_nickname_given_with_known_as_is_the_person_later_too():
    graph = Resolver().resolve(found(
        mention("Mohamed Hamdan Dagalo", "Official", 0),
        mention("Hemedti", "Official", 40, canonical="Mohamed Hamdan Dagalo", origin="nickname"),
        mention("Hemedti", "Person", 90)))
    assert [e.label for e in graph.entities] == ["Mohamed Hamdan Dagalo"]


def test_ambiguous_surname_is_left_alone():
    graph = Resolver().resolve(found(
        mention("Ahmad Khan", "Person", 0), mention("Mohammad Khan", "Person", 20), mention("Khan", "Person", 40)))
    assert {e.key for e in graph.entities} == {"Person/ahmad khan", "Person/mohammad khan", "Person/khan"}


def test_remember_seeds_the_alias_table():
    resolver = Resolver()
    resolver.remember(Entity(key="Person/ashraf ghani", type="Official", label="Ashraf Ghani",
                             aliases=frozenset({"President Ghani"})))
    graph = resolver.resolve(found(mention("Ghani", "Person", 0)))
    assert [(e.key, e.label, e.type) for e in graph.entities] == [("Person/ashraf ghani", "Ashraf Ghani", "Official")]


def test_keys_and_labels_are_stable_across_runs():
    mentions = [mention("Kabul", "City", 0, canonical="Kabul", origin="gazetteer",
                        links=(("geonames", "1138958"), ("lat", "34.5"), ("lon", "69.2"))),
                mention("Afghan troops", "Force", 10, canonical="Afghan forces", origin="force-phrase:national"),
                mention("Ashraf Ghani", "Official", 30)]
    runs = [Resolver().resolve(found(*order)) for order in (mentions, mentions[::-1])]
    assert {(e.key, e.label) for e in runs[0].entities} == {(e.key, e.label) for e in runs[1].entities}
    kabul = next(e for e in runs[0].entities if e.type == "City")
    assert kabul.links == (("geonames", "1138958"),) and kabul.coordinates == (34.5, 69.2)


def test_normalise_folds_accents_case_and_articles():
    assert normalise("The Lashkar Gāh’s") == normalise("lashkar gah") == "lashkar gah"


def test_unattributed_government_forces_stay_apart_across_articles():
    # Nothing says whose government: "government forces" in a story on Yemen and in one on
    # Afghanistan are different actors, so neither may borrow the other's node.
    resolver = Resolver()
    first = resolver.resolve(found(mention("government forces", "Force", origin="force-phrase:generic",
                                           canonical="government forces"), article_id="yemen-story"))
    second = resolver.resolve(found(mention("government forces", "Force", origin="force-phrase:generic",
                                            canonical="government forces"), article_id="afghan-story"))
    assert first.entities[0].key != second.entities[0].key
    assert first.entities[0].label == second.entities[0].label == "government forces"


def test_attributed_government_forces_join_the_nations_forces_across_articles():
    resolver = Resolver()
    graphs = [resolver.resolve(found(mention("government forces", "Force", origin="force-phrase:generic",
                                             canonical="Yemeni forces"), article_id=name))
              for name in ("one", "two")]
    assert graphs[0].entities[0].key == graphs[1].entities[0].key == "Force/yemeni forces"


def test_a_region_written_only_with_its_kind_is_labelled_as_written():
    written = [mention("Borno State", "Province", canonical="Borno", origin="gazetteer"),
               mention("Borno State", "Province", start=40, canonical="Borno", origin="gazetteer")]
    assert choose_label(written) == "Borno State"
    bare_too = written + [mention("Borno", "Province", start=80, canonical="Borno", origin="gazetteer")]
    assert choose_label(bare_too) == "Borno"
    district = [mention("Sangin district", "District", canonical="Sangin", origin="place-word")]
    assert choose_label(district) == "Sangin"  # districts keep their bare name


def test_a_ministry_without_its_country_belongs_to_the_country_its_article_is_about():
    def report(country, article_id):
        return found(mention(country, "Country", 0, canonical=country, origin="gazetteer"),
                     mention("Defense Ministry", "Organization", 20, canonical="Ministry of Defense", origin="ministry"),
                     article_id=article_id)

    resolver = Resolver()
    ukraine, afghanistan, ukraine_again = (resolver.resolve(report(c, i)) for c, i in
                                           (("Ukraine", "u1"), ("Afghanistan", "a1"), ("Ukraine", "u2")))
    def ministry(graph):
        return next(e for e in graph.entities if e.type == "Organization")

    key = {g.article.id: ministry(g).key for g in (ukraine, afghanistan, ukraine_again)}
    assert key["u1"] != key["a1"]  # Ukraine's ministry is not Afghanistan's
    assert key["u1"] == key["u2"]  # but the same in two reports on Ukraine
    assert ministry(ukraine).label == "Defense Ministry"  # the label stays as written


def test_a_services_troops_are_labelled_by_the_service():
    graph = Resolver().resolve(found(mention("Colombian army troops", "Force", 0, canonical="Colombian forces",
                                             origin="force-phrase:national")))
    assert graph.entities[0].label == "Colombian army"


def test_a_force_named_by_its_acronym_and_troops_is_labelled_by_the_acronym():
    graph = Resolver().resolve(found(mention("FARDC troops", "Force", 0, canonical="Armed Forces of the Democratic "
                                             "Republic of the Congo", origin="gazetteer")))
    assert graph.entities[0].label == "FARDC"
    # a country's abbreviation before "troops" names the country's forces, not a force "UAE"
    graph = Resolver().resolve(found(mention("UAE troops", "Force", 0, canonical="Emirati forces",
                                             origin="force-phrase:national")))
    assert graph.entities[0].label == "UAE troops"


def test_a_region_named_bare_after_its_name_with_its_kind_is_the_same_region():
    graph = Resolver().resolve(found(mention("Turkana County", "Province", 0, canonical="Turkana County",
                                             origin="gazetteer"),
                                     mention("Turkana", "Province", 40, canonical="Turkana", origin="place-word")))
    assert len(graph.entities) == 1 and graph.entities[0].label == "Turkana County"


def test_the_coalition_written_as_such_labels_its_longer_phrases():
    assert choose_label([
        mention("Coalition military forces", "Force", 0, canonical="coalition", origin="force-phrase:multinational"),
        mention("coalition", "Force", 60, canonical="coalition", origin="force-phrase:coalition")]) == "coalition"


def test_a_force_is_not_labelled_by_the_machines_it_flies():
    mentions = [mention("Myanmar's military", "Force", 0, canonical="Tatmadaw", origin="gazetteer"),
                mention("junta troops", "Force", 50, canonical="Tatmadaw", origin="force-phrase:generic"),
                mention("Junta aircraft", "Force", 90, canonical="Tatmadaw", origin="force-phrase:generic")]
    assert choose_label(mentions) == "junta troops"


def test_a_fuller_proper_name_around_the_canonical_one_is_the_label_when_the_text_never_writes_it_alone():
    def named(*texts):
        return [mention(text, "ArmedGroup", start=40 * i, canonical="Islamic State", origin="gazetteer")
                for i, text in enumerate(texts)]
    assert choose_label(named("Islamic State of Iraq and the Levant", "ISIL")) == "Islamic State of Iraq and the Levant"
    assert choose_label(named("Islamic State of Iraq and the Levant", "Islamic State")) == "Islamic State"
    assert choose_label(named("Islamic State group", "ISIL")) == "Islamic State"  # a common noun after it: no name


def test_what_a_force_flies_is_its_last_choice_of_a_label():
    def force(*texts):
        return [mention(text, "Force", start=40 * i, canonical="Tatmadaw", origin="force-phrase:generic")
                for i, text in enumerate(texts)]
    assert choose_label(force("Junta aircraft", "Myanmar's military")) == "Myanmar's military"
    assert choose_label(force("Junta aircraft", "junta", "junta")) == "junta"  # the junta is the body's own name


def test_a_bodys_own_name_ending_in_officers_keeps_its_words():
    union = [mention("National Union of Haitian Police Officers", "Organization")]
    assert choose_label(union) == "National Union of Haitian Police Officers"
    army = [mention("Colombian army troops", "Force")]
    assert choose_label(army) == "Colombian army"  # a force's troops stand for it
