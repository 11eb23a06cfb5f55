"""Events with time and sources (issue 13): reading them, dating them, merging reports, who says so, the RDF, the
queries, the ACLED table and the scorer. Sentences are written for these tests."""
from __future__ import annotations

import csv
import datetime as dt
import logging

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS

from kg.events import EventResolver, days_apart, duration, relative_time, when_of
from kg.model import Article, ArticleMentions, Entity, EventMention, Evidence, Mention, RelationMention
from kg.resolve import Resolver
from kg.triples import article_graph, entity_iri, event_iri
from kg.vocab import KGO, SEM

from .conftest import validate_shacl

# ---------------------------------------------------------------- hand-made mentions (no spaCy)

TALIBAN = Mention("Taliban", "ArmedGroup", 0, 7, 0)
ARMY = Mention("Afghan army", "Force", 10, 21, 0)
MINISTRY = Mention("Interior Ministry", "Organization", 30, 47, 0)
KUNDUZ = Mention("Kunduz", "City", 50, 56, 0)
TALOQAN = Mention("Taloqan", "City", 60, 67, 0)


def evidence(article_id: str, start: int = 0, stance: str = "Asserted", sentence: str = "A sentence.") -> Evidence:
    return Evidence(article_id, sentence, start, start + len(sentence), "event-capture-verb", 0.8, stance=stance)


def capture(article_id: str, when: str | None, *, place=KUNDUZ, agents=(TALIBAN,), start: int = 0,
            stance: str = "Asserted", toll: int | None = None, source: Mention | None = None,
            anchors: tuple[str, ...] = (), event_class: str = "Capture") -> EventMention:
    return EventMention(event_class, tuple(agents), (), place, evidence(article_id, start, stance), time_text=when,
                        fatalities=toll, according_to=source, time_anchors=anchors)


def article(article_id: str, published: str | None, *events: EventMention, relations=(), mentions=None):
    text = "x" * 200
    return ArticleMentions(Article(article_id, text, published=published),
                           tuple(mentions or (TALIBAN, ARMY, MINISTRY, KUNDUZ, TALOQAN)), tuple(relations),
                           sentences=((0, 100), (100, 200)), events=tuple(events))


def events_of(*found: ArticleMentions):
    resolver = Resolver()
    return [resolver.resolve(item) for item in found]


# ---------------------------------------------------------------- dates


def test_a_weekday_and_yesterday_a_day_later_are_one_capture():
    monday = article("a", "2021-08-09", capture("a", "on Monday"))  # seized on Monday
    tuesday = article("b", "2021-08-10", capture("b", "yesterday"))  # taken yesterday
    first, second = events_of(monday, tuesday)
    assert first.events[0].key == second.events[0].key
    assert first.events[0].date == second.events[0].date == dt.date(2021, 8, 9)
    graph = article_graph(first)
    article_graph(second, graph)
    node = event_iri(first.events[0].key)
    assert len(set(graph.objects(node, KGO.__getattr__("agent")))) == 1
    assert len({str(a) for a in graph.objects(node, __import__("rdflib").PROV.wasDerivedFrom)}) == 2


def test_reports_three_days_apart_or_undated_stay_two_events():
    far = events_of(article("a", "2021-08-09", capture("a", "on Monday")),
                    article("b", "2021-08-13", capture("b", "yesterday")))
    assert far[0].events[0].key != far[1].events[0].key
    undated = events_of(article("a", "2021-08-09", capture("a", None)), article("b", "2021-08-09", capture("b", None)))
    assert undated[0].events[0].key != undated[1].events[0].key
    assert undated[0].events[0].date is None  # no date known: no timestamp, never the publication date


def test_no_date_is_ever_guessed():
    (graph,) = events_of(article("a", "2021-08-09", capture("a", None)))
    assert graph.events[0].date is None and graph.events[0].precision is None
    assert not any(article_graph(graph).objects(None, SEM.hasTimeStamp))


def test_week_and_month_precision():
    (graph,) = events_of(article("a", "2021-08-11", capture("a", "last week"),
                                 capture("a", "in May", place=TALOQAN, start=100)))
    dates = {e.place: (e.date, e.precision) for e in graph.events}
    assert dates["City/kunduz"] == (dt.date(2021, 8, 2), "week")
    assert dates["City/taloqan"] == (dt.date(2021, 5, 1), "month")


def test_that_day_counts_from_the_day_named_before():
    mention = capture("a", "Earlier in the day", anchors=("last week", "on Saturday"))
    assert when_of(mention, dt.date(2021, 8, 15)).date == dt.date(2021, 8, 14)
    two_before = capture("a", "two days earlier", anchors=("on Saturday",))
    assert when_of(two_before, dt.date(2021, 8, 15)).date == dt.date(2021, 8, 12)
    assert relative_time("that day") and not relative_time("Earlier on Sunday") and duration("a two-day")


def test_impossible_and_future_dates_give_warnings_and_no_date(caplog):
    caplog.set_level(logging.WARNING, logger="kg")
    (graph,) = events_of(article("a", "2021-08-15", capture("a", "on February 30"),
                                 capture("a", "on August 20, 2021", place=TALOQAN, start=100)))
    assert [e.date for e in graph.events] == [None, None]
    assert "not a real date" in caplog.text and "lies after the publication date" in caplog.text


def test_an_unreadable_or_future_publication_date_leaves_events_undated(caplog):
    caplog.set_level(logging.WARNING, logger="kg")
    next_year = str(dt.date.today().year + 1)
    bad = events_of(article("a", "someday", capture("a", "yesterday")),
                    article("b", f"{next_year}-01-02", capture("b", "yesterday", place=TALOQAN)))
    assert [g.events[0].date for g in bad] == [None, None]
    assert "cannot be read" in caplog.text and "lies in the future" in caplog.text


def test_days_apart_of_a_week_and_a_day_in_it():
    from kg.dates import When

    assert days_apart(When(dt.date(2021, 8, 2), "week", ""), When(dt.date(2021, 8, 5), "day", "")) == 0
    assert days_apart(When(dt.date(2021, 8, 2), "day", ""), When(dt.date(2021, 8, 5), "day", "")) == 3


# ---------------------------------------------------------------- one event, many readings


def test_readings_of_one_event_in_an_article_merge_and_need_what_makes_an_event():
    headline = capture("a", None)
    lead = capture("a", "on Sunday", start=100)
    lone_attack = capture("a", None, place=None, agents=(ARMY,), event_class="Attack", start=100)
    (graph,) = events_of(article("a", "2021-08-15", headline, lead, lone_attack))
    assert len(graph.events) == 1  # an attack with no place and no target is no event
    (event,) = graph.events
    assert event.date == dt.date(2021, 8, 15) and len(event.evidence) == 2


def test_a_reading_with_only_a_place_takes_the_actors_of_the_summary_before_it():
    summary = capture("a", "on Sunday", place=None)  # "captured three provincial capitals on Sunday"
    taken = capture("a", None, agents=(), start=100)  # "Kunduz was taken ..."
    (graph,) = events_of(article("a", "2021-08-08", summary, taken))
    assert [(e.place, e.agents, e.date) for e in graph.events] == [
        ("City/kunduz", ("ArmedGroup/taliban",), dt.date(2021, 8, 8))]


def test_the_lowest_toll_wins_with_a_warning(caplog):
    caplog.set_level(logging.WARNING, logger="kg")
    first, second = events_of(article("a", "2022-07-04", capture("a", "on Sunday", toll=8, event_class="Attack")),
                              article("b", "2022-07-05", capture("b", "on Sunday", toll=6, event_class="Attack")))
    assert first.events[0].key == second.events[0].key
    assert (first.events[0].fatalities, second.events[0].fatalities) == (8, 6)
    assert "reports differ on the toll" in caplog.text


# ---------------------------------------------------------------- who says so


def test_a_claim_and_a_denial_make_an_event_contested_and_flag_the_earlier_evidence():
    claim = article("a", "2021-08-14", capture("a", "on Saturday", stance="Claimed", source=TALIBAN))
    denial = article("b", "2021-08-15", capture("b", "yesterday", agents=(), stance="Denied", source=MINISTRY))
    first, second = events_of(claim, denial)
    assert not first.events[0].contested
    assert second.events[0].contested and second.events[0].evidence[0].contested
    flagged = [(owner.key, ev.article_id) for owner, ev in second.contests]
    assert flagged == [(first.events[0].key, "a")]
    graph = article_graph(second)
    assert (event_iri(first.events[0].key), KGO.contested, Literal(True)) in graph
    assert len(set(graph.subjects(KGO.contested, Literal(True)))) == 3  # the event, its denial, the earlier claim


def test_a_fact_only_denied_is_evidence_and_never_a_direct_triple():
    said = Evidence("a", "Police denied that the Taliban had seized Kunduz.", 0, 49, "captured-capture-verb", 0.7,
                    stance="Denied")
    relation = RelationMention(TALIBAN, "captured", KUNDUZ, said, according_to=ARMY)
    (resolved,) = events_of(article("a", "2021-08-15", relations=[relation]))
    assert resolved.relations == () and len(resolved.denied) == 1
    graph = article_graph(resolved)
    taliban, kunduz = entity_iri("ArmedGroup/taliban"), entity_iri("City/kunduz")
    assert (taliban, KGO.captured, kunduz) not in graph
    node = graph.value(predicate=RDF.object, object=kunduz)
    assert graph.value(node, KGO.stance) == KGO.Denied
    assert graph.value(node, KGO.accordingTo) == entity_iri("Force/afghan army")


def test_a_relation_is_contested_only_by_reports_of_the_same_week():
    def told(article_id: str, stance: str) -> RelationMention:
        return RelationMention(TALIBAN, "captured", KUNDUZ, evidence(article_id, stance=stance),
                               according_to=MINISTRY if stance == "Denied" else None)

    near = events_of(article("a", "2021-08-08", relations=[told("a", "Asserted")]),
                     article("b", "2021-08-09", relations=[told("b", "Denied")]))
    assert near[1].denied[0].evidence[0].contested and near[1].contests
    far = events_of(article("a", "2016-08-08", relations=[told("a", "Denied")]),
                    article("b", "2021-08-08", relations=[told("b", "Asserted")]))
    assert not far[1].relations[0].evidence[0].contested and not far[1].contests


def test_event_graphs_validate_against_the_shapes():
    claim = article("a", "2021-08-14", capture("a", "on Saturday", stance="Claimed", source=TALIBAN, toll=3))
    denial = article("b", "2021-08-15", capture("b", "yesterday", stance="Denied", source=MINISTRY))
    graph = Graph()
    for resolved in events_of(claim, denial):
        article_graph(resolved, graph)
    conforms, text = validate_shacl(graph)
    assert conforms, text
    event = next(graph.subjects(RDF.type, KGO.Capture))
    assert str(event).endswith("capture-2021-08-14--kunduz--taliban")  # typeable as kgr:capture-...
    assert graph.value(event, KGO.fatalities).toPython() == 3
    assert str(graph.value(event, RDFS.label)) == "Capture of Kunduz by Taliban, 2021-08-14"


# ---------------------------------------------------------------- reading the text (spaCy)


def _doc(nlp, text: str):
    from kg.extract.pipeline import doc_for

    return nlp(doc_for(nlp, Article("t", text)))


@pytest.mark.model
@pytest.mark.parametrize("sentence, toll", [
    ("The militants attacked the convoy near Kunduz on Monday, killing 12 soldiers and three civilians.", 15),
    ("At least 40 people were killed when the Taliban attacked Kunduz on Monday.", 40),
    ("Between 10 and 15 people were killed in the attack.", 10),
    ("The blast left a dozen dead and 30 wounded.", 12),
    ("The Taliban killed or wounded 30 soldiers in Kunduz.", None),
    ("Fifty soldiers were wounded when the Taliban attacked Kunduz.", None),
])
def test_tolls_count_deaths_only_and_the_lower_bound(nlp, sentence, toll):
    from kg.extract.events import tolls

    doc = _doc(nlp, sentence)
    found = [count for _, count in tolls(doc[:])]
    assert (found[0] if found else None) == toll


@pytest.mark.model
def test_who_says_so_is_read_from_the_sentence(nlp):
    doc = _doc(nlp, "The Taliban claimed that their fighters had captured Kunduz on Monday.\n\n"
                    "Taliban fighters attacked Taloqan on Tuesday, according to the Afghan army.\n\n"
                    "The Interior Ministry denied that the Taliban had seized Taloqan.")
    said = {(e.event_class, e.place.text if e.place is not None else None, e.said.stance,
             e.said.source.text if e.said.source is not None else None) for e in doc._.kg_events}
    assert ("Capture", "Kunduz", "Claimed", "Taliban") in said
    assert ("Attack", "Taloqan", "Claimed", "Afghan army") in said  # a state's forces speak as a party
    assert ("Capture", "Taloqan", "Denied", "Interior Ministry") in said


@pytest.mark.model
def test_a_denied_capture_is_written_as_denied_evidence_only(nlp):
    import kg

    text = ("Kunduz Police Deny Report\n\nPolice in Kunduz denied that the Taliban had seized Taloqan on Monday.")
    graph = Graph()
    for resolved in kg.extract_graphs([_write(text)], nlp=nlp):
        article_graph(resolved, graph)
    assert not list(graph.subject_objects(KGO.captured))
    denied = list(graph.subjects(KGO.stance, KGO.Denied))
    assert denied and any(graph.value(e, RDF.predicate) == KGO.captured for e in denied)


def _write(text: str):
    import tempfile
    from pathlib import Path

    path = Path(tempfile.mkdtemp()) / "afg_2021-08-10_report.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.model
def test_two_reports_of_one_capture_from_different_days_are_one_event(nlp, tmp_path):
    import kg

    (tmp_path / "afg_2021-08-09_first.txt").write_text(
        "Taliban Take Taloqan\n\nThe Taliban seized Taloqan, the capital of Takhar Province, on Monday.")
    (tmp_path / "afg_2021-08-10_second.txt").write_text(
        "Takhar Falls\n\nTaloqan was taken by the Taliban yesterday after days of fighting, officials said.")
    resolved = list(kg.extract_graphs([tmp_path], nlp=nlp))
    keys = [{e.key for e in r.events if e.event_class == "Capture"} for r in resolved]
    assert keys[0] and keys[0] == keys[1]
    store = kg.Store()
    for item in resolved:
        store.add(item)
    (row,) = [r for r in store.query(kg.named_queries()["events"][1]) if r["class"] == "Capture"]
    assert row["reports"] == 2 and row["date"] == dt.date(2021, 8, 9) and row["place"] == "Taloqan"


@pytest.mark.model
def test_a_store_build_merges_a_new_report_into_the_stores_event(nlp, tmp_path):
    import kg

    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir(), second.mkdir()
    (first / "afg_2021-08-09_first.txt").write_text("Report\n\nThe Taliban seized Taloqan on Monday.")
    (second / "afg_2021-08-10_second.txt").write_text("Report\n\nTaloqan fell to the Taliban yesterday.")
    for folder in (first, second):
        kg.build([folder], tmp_path / "out", nlp=nlp, store=tmp_path / "store", html=False)
    with kg.Store(tmp_path / "store") as store:
        rows = store.query(kg.named_queries()["events"][1])
    assert [(r["class"], r["place"], r["reports"]) for r in rows] == [("Capture", "Taloqan", 2)]


# ---------------------------------------------------------------- queries, table, export, view


@pytest.fixture(scope="module")
def sample_store(nlp):
    import kg
    from kg.ingest import bundled_sample

    store = kg.Store()
    for resolved in kg.extract_graphs([bundled_sample()], nlp=nlp):
        store.add(resolved)
    return store


@pytest.mark.model
def test_named_queries_events_and_contested_on_the_sample(sample_store):
    import kg

    rows = sample_store.query(kg.named_queries()["events"][1])
    told_twice = {(r["class"], r["place"]) for r in rows if r["reports"] == 2}
    assert {("Capture", "Kabul"), ("Capture", "Mazar-i-Sharif"), ("Attack", "Sloviansk")} <= told_twice
    sloviansk = next(r for r in rows if r["place"] == "Sloviansk" and r["class"] == "Attack")
    assert sloviansk["fatalities"] == 6 and sloviansk["contested"] and sloviansk["date"] == dt.date(2022, 7, 3)
    contested = sample_store.query(kg.named_queries()["contested"][1])
    stances = {(r["stance"], r["according_to"]) for r in contested if r["fact"].startswith("Capture of Hairatan")}
    assert ("Claimed", "Taliban") in stances and any(s == "Denied" for s, _ in stances)


@pytest.mark.model
def test_events_table_has_acleds_columns_and_codes(sample_store):
    import kg
    from kg.acled import COLUMNS

    df = kg.events_df(sample_store)
    assert list(df.columns) == list(COLUMNS)
    assert str(df["event_date"].dtype).startswith("datetime64") and str(df["fatalities"].dtype) == "Int64"
    by_place = {(row.location, row.sub_event_type) for row in df.itertuples()}
    assert ("Kabul", "Non-state actor overtakes territory") in by_place
    assert ("Sievierodonetsk", "Government regains territory") in by_place
    assert ("Jalalabad", "Non-violent transfer of territory") in by_place
    assert ("Sloviansk", "Shelling/artillery/missile attack") in by_place
    kabul = df[df.location == "Kabul"].iloc[0]
    assert (kabul.event_type, kabul.admin1, kabul.country, kabul.time_precision, kabul.geo_precision) == (
        "Battles", "Kabul Province", "Afghanistan", 1, 1)
    assert set(df.plover_type) <= {"FIGHT", "ASSAULT", "YIELD", "CONSULT"}


@pytest.mark.model
def test_kg_export_events_csv(sample_store, tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli as main

    store_dir = tmp_path / "store"
    import kg

    with kg.Store(store_dir) as store:
        for name, graph in sample_store.article_graphs():
            store.add_triples(str(name).rsplit("article-", 1)[-1], graph)
    result = CliRunner().invoke(main, ["export", "--store", str(store_dir), "-f", "events-csv", "-o",
                                       str(tmp_path / "events.csv")])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader((tmp_path / "events.csv").open(encoding="utf-8")))
    assert rows and rows[0].keys() >= {"event_id", "event_date", "year", "time_precision", "event_type",
                                       "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
                                       "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
                                       "plover_type"}
    kabul = next(r for r in rows if r["location"] == "Kabul")
    assert kabul["actor1"] == "Taliban" and kabul["event_date"] == "2021-08-15" and ";" in kabul["source"]


def test_an_empty_store_exports_only_the_header(tmp_path):
    import kg
    from kg.acled import COLUMNS, events_csv

    assert events_csv(kg.Store()).splitlines() == [",".join(COLUMNS)]


@pytest.mark.model
def test_the_view_filters_relations_by_event_dates(sample_store):
    from kg.view import render_html, view_data

    data = view_data(sample_store.graph())
    dated = [e for e in data["edges"] if e["dates"]]
    assert dated and all(len(d) == 10 for e in dated for d in e["dates"])
    assert '"dates":{"min":"2021-' in render_html(sample_store.graph()).replace(" ", "")


def test_a_graph_without_dated_events_has_no_date_filter():
    from kg.view import render_html

    assert '"dates":null' in render_html(Graph()).replace(" ", "")


# ---------------------------------------------------------------- scoring


@pytest.mark.model
def test_kg_eval_scores_events_on_the_sample(nlp, sample_dir):
    import kg

    result = kg.evaluate(sample_dir, nlp=nlp)
    summary = result.summary()["events"]
    tp, _, fn = result.events.prf()
    assert tp + fn == result.events.gold > 30
    assert summary["dedup_right"][1] == 3  # three events each told by two reports
    assert result.events.dates.total > 10 and result.events.tolls.total >= 3


def test_event_scorer_counts_class_place_and_an_actor():
    from kg.evaluate_events import EventScores, SystemEvent, score_events

    gold = {"entities": [{"name": "Taliban", "type": "ArmedGroup"}, {"name": "Kunduz", "type": "City"},
                         {"name": "Taloqan", "type": "City"}],
            "events": [{"id": "a", "class": "Capture", "agents": ["Taliban"], "targets": [], "place": "Kunduz",
                        "date": "2021-08-08", "precision": "day", "fatalities": 3, "stance": "Asserted"},
                       {"id": "b", "class": "Attack", "agents": ["Taliban"], "targets": [], "place": "Taloqan",
                        "date": None, "fatalities": None, "stance": "Claimed"}]}
    paired = {"t": 0, "k": 1, "q": 2}
    system = [SystemEvent("e1", "Capture", frozenset({"t"}), "k", "2021-08-08", "day", 2, "Asserted", False),
              SystemEvent("e2", "Capture", frozenset({"t"}), "q", None, None, None, "Asserted", False)]
    scores = EventScores()
    matched = score_events("x", gold, system, paired, scores)
    assert matched == {"a": "e1"}
    assert scores.prf() == (1, 1, 1)
    assert scores.dates.pair() == (1, 1) and scores.tolls.pair() == (0, 1)


def test_reports_that_contradict_each_other_never_crash():
    reports = [article(str(i), published, capture(str(i), when, toll=toll, stance=stance,
                                                  source=MINISTRY if stance == "Denied" else TALIBAN))
               for i, (published, when, toll, stance) in enumerate([
                   ("2021-08-09", "on Monday", 5, "Claimed"), ("2021-08-10", "yesterday", 50, "Denied"),
                   ("2021-08-10", "February 31", None, "Asserted"), ("2021-13-40", "yesterday", -1, "Claimed"),
                   (None, "yesterday", None, "Denied")])]
    resolved = events_of(*reports)
    assert len(resolved) == 5 and all(r.events for r in resolved)
    graph = Graph()
    for item in resolved:
        article_graph(item, graph)
    assert any(graph.subjects(KGO.contested, Literal(True)))


def test_resolver_state_is_per_build():
    resolver = EventResolver()
    assert not resolver.keys and not resolver.known
    entities = {"ArmedGroup/taliban": Entity("ArmedGroup/taliban", "ArmedGroup", "Taliban"),
                "City/kunduz": Entity("City/kunduz", "City", "Kunduz")}
    found = article("a", "2021-08-09", capture("a", "on Monday"))
    events, _ = resolver.resolve(found, {TALIBAN: "ArmedGroup/taliban", KUNDUZ: "City/kunduz"}, entities)
    assert [e.key for e in events] == ["Capture/2021-08-09/kunduz/taliban"] and resolver.keys


# ---------------------------------------------------------------- the date filter in a browser


from .test_view_browser import browser, clean, open_view  # noqa: F401  (the browser fixtures)


@pytest.mark.browser
def test_the_date_filter_hides_relations_of_events_outside_the_range(tmp_path, open_view):  # noqa: F811
    from kg.view import write_html

    def dated(article_id: str, published: str, when: str, place: Mention) -> ArticleMentions:
        sentence = evidence(article_id, 0)
        told = RelationMention(TALIBAN, "captured", place, sentence)
        return article(article_id, published, capture(article_id, when, place=place), relations=[told])

    graph = Graph()
    for resolved in events_of(dated("a", "2021-08-09", "on Monday", KUNDUZ),
                              dated("b", "2021-08-20", "yesterday", TALOQAN)):
        article_graph(resolved, graph)
    visit = open_view(write_html(graph, tmp_path / "dated.html"))
    assert visit.page.is_visible("#kg-dates")
    assert visit.js("() => [document.getElementById('kg-date-from').value, "
                    "document.getElementById('kg-date-to').value]") == ["2021-08-09", "2021-08-19"]
    before = visit.shown()["edges"]
    visit.page.fill("#kg-date-to", "2021-08-10")
    visit.page.dispatch_event("#kg-date-to", "change")
    assert visit.shown()["edges"] == before - 1  # the capture of Taloqan on 19 August is hidden
    visit.page.click("#kg-reset")
    assert visit.shown()["edges"] == before
    clean(visit)


def test_an_event_only_denied_is_denied_evidence_and_no_event_node():
    denial = article("a", "2021-08-15", capture("a", "yesterday", stance="Denied", source=MINISTRY))
    (resolved,) = events_of(denial)
    graph = article_graph(resolved)
    node = event_iri(resolved.events[0].key)
    assert not any(graph.objects(node, RDF.type)) and not any(graph.objects(node, SEM.hasActor))
    (evidence,) = graph.subjects(RDF.subject, node)
    assert graph.value(evidence, KGO.stance) == KGO.Denied and graph.value(evidence, RDF.object) == KGO.Capture
    conforms, text = validate_shacl(graph)
    assert conforms, text
