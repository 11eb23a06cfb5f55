"""kg.Store: one named graph per article, content-hash keyed, crash safe; queries, bindings, exports."""
from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.errors import QueryError, StoreError
from kg.resolve import Resolver
from kg.store import Store, is_store, named_queries
from kg.triples import article_graph, article_iri, entity_iri

from .store_fixtures import (
    ARMY, GOVERNOR, KUNDUZ, SPOKESMAN, TALIBAN, changed, numbered_report, report_one, report_two,
)

TESTS = Path(__file__).resolve().parent


@pytest.fixture
def store():
    with Store() as store:
        store.add(report_one())
        store.add(report_two())
        yield store


def union_of_articles(store: Store) -> rdflib.Graph:
    union = rdflib.Graph()
    for _, graph in store.article_graphs():
        for triple in graph:
            union.add(triple)
    return union


# ---- incremental writes ----------------------------------------------------------------------------------------

def test_one_named_graph_per_article_holding_exactly_its_triples(store):
    graphs = dict(store.article_graphs())
    assert set(graphs) == {article_iri("report-one"), article_iri("report-two")}
    assert isomorphic(graphs[article_iri("report-one")], article_graph(report_one()))
    assert isomorphic(graphs[article_iri("report-two")], article_graph(report_two()))


def test_adding_an_unchanged_article_changes_nothing(store):
    before = len(store)
    assert store.add(report_one()) is False
    assert len(store) == before
    assert before == len(article_graph(report_one())) + len(article_graph(report_two()))


def test_a_changed_article_replaces_its_facts(store):
    only_capture = changed(report_one(), " Updated.", relations=report_one().relations[:1])
    assert store.add(only_capture) is True
    assert store.content_hash("report-one") == only_capture.article.content_hash
    assert not store.query("ASK { ?s kgo:spokesmanFor ?o }")
    assert store.query("ASK { ?s kgo:captured ?o }")
    # the clash is still reported by report-two, now by one article only
    assert store.query(named_queries()["clashes"][1]) == [
        {"actor": "Afghan Army", "clashed_with": "Taliban", "articles": 1}]
    assert isomorphic(dict(store.article_graphs())[article_iri("report-one")], article_graph(only_capture))


def test_remove_retracts_facts_only_that_article_supported(store):
    assert store.remove("report-two") is True
    assert store.remove("report-two") is False
    governor = entity_iri(GOVERNOR.key)
    assert not store.query(f"ASK {{ <{governor}> ?p ?o }}")
    assert store.query(f"ASK {{ <{entity_iri(TALIBAN.key)}> rdfs:label 'Taliban' }}")  # shared entity stays
    assert store.query(f"ASK {{ <{entity_iri(ARMY.key)}> kgo:clashedWith ?o }}")  # report-one still says so
    assert [a["id"] for a in store.articles()] == ["report-one"]


def test_the_default_graph_is_the_set_union_of_the_article_graphs(store):
    store.add(changed(report_two(), " Again.", relations=report_two().relations[1:]))
    store.remove("report-one")
    store.add(report_one())
    assert isomorphic(store.graph(), union_of_articles(store))
    # a triple both articles hold is counted once, not once per graph
    label = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s rdfs:label 'Taliban' }")
    assert label == [{"n": 1}]


def test_articles_lists_id_title_date_url_hash_and_size(store):
    first = store.articles()[0]
    assert first["id"] == "report-one"
    assert first["title"] == "Northern city falls"
    assert first["published"] == dt.date(2021, 8, 8)
    assert first["url"] == "https://example.org/one"
    assert first["hash"] == report_one().article.content_hash
    assert first["triples"] == len(article_graph(report_one()))


def test_a_persistent_store_keeps_its_articles_across_opens(tmp_path):
    with Store(tmp_path / "s") as store:
        store.add(report_one())
        count = len(store)
    assert is_store(tmp_path / "s")
    with Store(tmp_path / "s", read_only=True) as again:
        assert len(again) == count
        assert again.content_hash("report-one") == report_one().article.content_hash
    with Store(tmp_path / "s") as again:
        assert again.add(report_one()) is False


def test_opening_a_missing_store_for_reading_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="no kg store"):
        Store(tmp_path / "nothing", create=False)
    assert not (tmp_path / "nothing").exists()


def test_a_store_is_made_only_in_a_new_or_empty_folder_and_marked(tmp_path):
    from kg.store import STORE_MARKER

    (tmp_path / "empty").mkdir()
    for folder in (tmp_path / "new" / "store", tmp_path / "empty"):
        with Store(folder) as store:
            store.add(report_one())
        assert (folder / STORE_MARKER).is_file() and is_store(folder)


def test_a_folder_that_is_not_a_store_is_refused_and_left_as_it_was(tmp_path):
    outputs = tmp_path / "kg-out"
    outputs.mkdir()
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        (outputs / name).write_text(f"previous {name}")
    with pytest.raises(StoreError, match="not a kg store") as refused:
        Store(outputs)
    assert "graph.html" in str(refused.value) and "new or empty folder" in refused.value.hint
    assert {p.name: p.read_text() for p in outputs.iterdir()} == {
        name: f"previous {name}" for name in ("graph.ttl", "graph.trig", "graph.html")}
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        Store(tmp_path / "a-file")


def test_a_store_made_before_the_marker_opens_for_queries_but_not_for_writing(tmp_path):
    from kg.store import STORE_MARKER

    with Store(tmp_path / "s") as store:
        store.add(report_one())
    (tmp_path / "s" / STORE_MARKER).unlink()  # as kg made stores before the marker, with older IRIs
    assert is_store(tmp_path / "s")
    with Store(tmp_path / "s", read_only=True) as store:
        assert [a["id"] for a in store.articles()] == ["report-one"]
    with pytest.raises(StoreError, match="earlier kg"):
        Store(tmp_path / "s")
    assert not (tmp_path / "s" / STORE_MARKER).exists()


def test_a_second_writer_gets_a_clear_error(tmp_path):
    with Store(tmp_path / "s"):
        code = (f"from kg.store import Store\ntry:\n    Store({str(tmp_path / 's')!r})\n"
                "except Exception as err:\n    raise SystemExit(err.one_line())")
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode != 0
    assert "another kg process" in result.stderr


# ---- crash safety ------------------------------------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from kg.store import Store
    from store_fixtures import numbered_report
    with Store({path!r}) as store:
        for number in range({count}):
            added = store.add(numbered_report(number, relations=80))
            print(number, "added" if added else "unchanged", flush=True)
""")


@pytest.mark.slow
def test_kill_9_mid_build_keeps_every_committed_article_and_a_rerun_completes(tmp_path):
    path, count = str(tmp_path / "store"), 16
    script = WRITER.format(tests=str(TESTS), path=path, count=count)
    writer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    committed = []
    for line in writer.stdout:
        committed.append(int(line.split()[0]))
        if len(committed) == 8:
            os.kill(writer.pid, signal.SIGKILL)  # while it writes the next article
            break
    writer.wait()
    assert writer.returncode == -signal.SIGKILL

    with Store(path) as store:  # readable, and every article it holds is whole
        stored = {a["id"]: a["triples"] for a in store.articles()}
        assert {f"bulk-{n:04d}" for n in committed} <= set(stored)
        for article_id, triples in stored.items():
            assert triples == len(article_graph(numbered_report(int(article_id[5:]), relations=80)))
        assert isomorphic(store.graph(), union_of_articles(store))

    rerun = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    outcomes = dict(line.split() for line in rerun.stdout.splitlines())
    assert all(outcomes[str(n)] == "unchanged" for n in committed)
    with Store(path, read_only=True) as store:
        assert len(store.articles()) == count


# ---- queries ---------------------------------------------------------------------------------------------------

def test_select_rows_hold_python_values(store):
    rows = store.query("""SELECT ?id ?date ?n ?c WHERE {
        ?a dcterms:identifier ?id ; schema:datePublished ?date .
        { SELECT (COUNT(*) AS ?n) WHERE { ?e a kgo:Evidence } }
        OPTIONAL { ?a schema:url ?c } } ORDER BY ?id""")
    assert rows == [
        {"id": "report-one", "date": dt.date(2021, 8, 8), "n": 6, "c": "https://example.org/one"},
        {"id": "report-two", "date": dt.date(2021, 8, 9), "n": 6, "c": None},
    ]
    confidences = {r["c"] for r in store.query("SELECT ?c WHERE { ?e kgo:confidence ?c }")}
    assert confidences == {0.8, 0.7, 0.6}


def test_ask_gives_a_bool_and_construct_an_rdflib_graph(store):
    assert store.query("ASK { ?s a kgo:City }") is True
    assert store.query("ASK { ?s a kgo:District }") is False
    graph = store.construct("CONSTRUCT { ?c rdfs:label ?l } WHERE { ?c a kgo:City ; rdfs:label ?l }")
    assert set(graph) == {(entity_iri(KUNDUZ.key), rdflib.RDFS.label, rdflib.Literal("Kunduz"))}
    with pytest.raises(QueryError):
        store.construct("SELECT * WHERE { ?s ?p ?o }")


def test_graph_patterns_reach_one_article(store):
    rows = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s kgo:spokesmanFor ?o } }")
    assert rows == [{"g": str(article_iri("report-one"))}]


def test_bindings_are_values_not_query_text(store):
    sparql = "SELECT ?place ?official WHERE { ?p kgo:officialOf ?b . ?p rdfs:label ?official . ?b rdfs:label ?place }"
    assert store.query(sparql, bindings={"place": "Kunduz Province"}) == [
        {"place": "Kunduz Province", "official": "Omar Farid"}]
    hostile = 'Kunduz Province" } UNION { ?b ?x ?place . ?p ?y ?official } #'
    assert store.query(sparql, bindings={"place": hostile}) == []
    iri_rows = store.query("SELECT ?who ?l WHERE { ?who rdfs:label ?l }", bindings={"who": "kgr:person-zabi-rahmani"})
    assert iri_rows == [{"who": str(entity_iri(SPOKESMAN.key)), "l": "Zabi Rahmani"}]


def test_binding_a_variable_the_query_does_not_select_is_a_query_error(store):
    with pytest.raises(QueryError, match="cannot bind"):
        store.query("SELECT ?s WHERE { ?s ?p ?o }", bindings={"nope": "x"})


def test_malformed_sparql_is_a_one_line_query_error(store):
    with pytest.raises(QueryError) as caught:
        store.query("SELECT ?s WHERE { ?s ?p ")
    assert "\n" not in caught.value.one_line()


def test_dataframe_on_request(store):
    pd = pytest.importorskip("pandas")
    frame = store.query("SELECT ?id ?title WHERE { ?a dcterms:identifier ?id ; schema:headline ?title } ORDER BY ?id",
                        df=True)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["id", "title"]
    assert frame["id"].tolist() == ["report-one", "report-two"]


# ---- named queries -----------------------------------------------------------------------------------------------

def test_every_named_query_has_a_description_and_runs(store):
    queries = named_queries()
    assert {"capitals", "spokespeople", "clashes", "captures", "officials", "connected", "evidence"} <= set(queries)
    for name, (description, sparql) in queries.items():
        assert description and "\n" not in description, name
        assert isinstance(store.query(sparql), list), name


def test_named_queries_answer_the_same_in_rdflib_over_the_exported_turtle(store, tmp_path):
    graph = rdflib.Graph().parse(store.export(tmp_path / "g.ttl", "ttl"))
    for name, (_, sparql) in named_queries().items():
        ours = store.query(sparql)
        theirs = [{str(k): _python(v) for k, v in row.asdict().items()} for row in graph.query(sparql)]
        theirs = [{k: row.get(k) for k in (ours[0] if ours else row)} for row in theirs]
        assert sorted(map(repr, ours)) == sorted(map(repr, theirs)), name


def _python(term):
    value = term.toPython() if term is not None else None
    return float(value) if isinstance(value, Decimal) else value


def test_named_query_answers_on_the_fixture(store):
    queries = {name: sparql for name, (_, sparql) in named_queries().items()}
    assert store.query(queries["capitals"]) == [{"capital": "Kunduz", "of": "Kunduz Province", "articles": 1}]
    assert store.query(queries["spokespeople"]) == [{"spokesperson": "Zabi Rahmani", "for": "Taliban", "articles": 1}]
    assert store.query(queries["clashes"]) == [{"actor": "Afghan Army", "clashed_with": "Taliban", "articles": 2}]
    assert store.query(queries["captures"]) == [
        {"place": "Kunduz", "captured_by": "Taliban", "articles": 1, "latest": dt.date(2021, 8, 8)}]
    assert store.query(queries["officials"], bindings={"place": "Kunduz Province"}) == [
        {"place": "Kunduz Province", "official": "Omar Farid", "articles": 1}]
    assert store.query(queries["officials"], bindings={"place": "Kabul"}) == []
    assert store.query(queries["connected"])[0] == {"actor": "Taliban", "type": "ArmedGroup", "neighbours": 3}
    evidence = store.query(queries["evidence"])
    assert len(evidence) == 6
    assert {"subject": "Omar Farid", "relation": "officialOf", "object": "Kunduz Province",
            "sentence": "The governor spoke.", "rule": "role", "confidence": 0.8, "article": "report-two",
            "published": dt.date(2021, 8, 9)} in evidence
    assert [row["published"] for row in evidence] == sorted(row["published"] for row in evidence)  # oldest first


# ---- entities for the resolver -------------------------------------------------------------------------------------

def test_known_entities_round_trip_and_seed_the_resolver(store):
    entities = {e.key: e for e in store.known_entities()}
    assert entities[KUNDUZ.key] == KUNDUZ
    assert entities[TALIBAN.key].aliases == frozenset({"the Taliban"})
    assert entities[SPOKESMAN.key].type == "Official"
    resolver = Resolver()
    for entity in entities.values():
        resolver.remember(entity)
    assert resolver.labels[SPOKESMAN.key] == "Zabi Rahmani"
    assert resolver.aliases[("Person", "rahmani")] == SPOKESMAN.key


# ---- export --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt,parse_as", [("ttl", "turtle"), ("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")])
def test_export_rdf_formats_parse_back_to_the_store(store, tmp_path, fmt, parse_as):
    path = store.export(tmp_path / f"out.{fmt}", fmt)
    if fmt == "ttl":
        assert isomorphic(rdflib.Graph().parse(path, format=parse_as), store.graph())
        return
    ds = rdflib.Dataset()
    ds.parse(path, format=parse_as)
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {article_iri("report-one"), article_iri("report-two")}
    assert isomorphic(ds.graph(article_iri("report-one")), article_graph(report_one()))


def test_export_graphml_has_entities_and_relations(store, tmp_path):
    nx = pytest.importorskip("networkx")
    network = nx.read_graphml(store.export(tmp_path / "out.graphml", "graphml"))
    assert str(entity_iri(TALIBAN.key)) in network
    assert network.number_of_edges() >= 5


def test_export_rejects_an_unknown_format(store, tmp_path):
    with pytest.raises(StoreError, match="unknown export format"):
        store.export(tmp_path / "x.rdf", "rdfxml")


def test_large_articles_load_whole(tmp_path):
    with Store(tmp_path / "s") as store:
        for number in range(3):
            store.add(numbered_report(number, relations=100))
        assert len(store.articles()) == 3
        assert len(store) == 3 * len(article_graph(numbered_report(0, relations=100)))
        rows = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a kgo:clashedWith ?b }")
        assert rows == [{"n": 300}]


def test_json_friendly_rows(store):
    rows = store.query(named_queries()["captures"][1])
    assert json.loads(json.dumps(rows, default=str))[0]["latest"] == "2021-08-08"


def test_bulk_add_replaces_held_articles_and_reports_a_failed_load_without_hanging(tmp_path):
    with Store(tmp_path / "bulk") as store:
        store.add(report_one())
        changed = report_one(" Later the officials added more.")
        # a held article is replaced in one transaction, between the background thread's loads
        store.bulk_add([(g.article.id, list(article_graph(g))) for g in (report_two(), changed)], chunk=7)
        assert store.content_hash("report-one") == changed.article.content_hash
        assert store.content_hash("report-two") == report_two().article.content_hash
        before = len(store)
        # text the loader cannot parse: a one-line StoreError in the caller's thread, no hang, nothing lost
        broken = ("broken", [(rdflib.URIRef("https://example.org/a> <b"), rdflib.RDF.type, rdflib.OWL.Thing)])
        fillers = [(f"filler-{n}", list(article_graph(report_two()))) for n in range(3)]
        with pytest.raises(StoreError, match="bulk load failed"):
            store.bulk_add([broken, *fillers], chunk=7)
        assert store.content_hash("report-one") == changed.article.content_hash
        assert len(store) >= before
        assert all(store.content_hash(article_id) is None for article_id, _ in fillers)  # to be loaded again


@pytest.mark.parametrize("chunk", [300_000, 7])  # one load, or many loaded on the background thread
def test_bulk_add_gives_the_same_store_as_add_and_half_loaded_articles_are_replaced(tmp_path, chunk):
    graphs = [report_one(), report_two()]
    with Store() as one_by_one, Store(tmp_path / "bulk") as bulk:
        for graph in graphs:
            one_by_one.add(graph)
        assert bulk.bulk_add(((g.article.id, list(article_graph(g))) for g in graphs), chunk=chunk) == len(one_by_one)
        assert isomorphic(bulk.graph(), one_by_one.graph())
        assert bulk.articles() == one_by_one.articles()
        assert bulk.add(report_one()) is False
        # an article whose hash never got committed (a bulk load cut short) is written again, whole
        bulk._oxigraph.remove(next(iter(bulk._oxigraph.quads_for_pattern(
            None, _ox_named(KGO_CONTENT_HASH), None, _ox_named(article_iri("report-two"))))))
        assert bulk.content_hash("report-two") is None
        assert bulk.add(report_two()) is True
        assert isomorphic(bulk.graph(), one_by_one.graph())


KGO_CONTENT_HASH = "https://w3id.org/kg-conflict/ontology#contentHash"


def _ox_named(iri):
    import pyoxigraph

    return pyoxigraph.NamedNode(str(iri))
