"""kg.analysis and kg.notebook: networkx projections, Gephi files, typed DataFrames, inline view.

Most tests read a small hand-made graph written through kg.triples (so they do
not depend on how well extraction reads the sample); the last ones use the
sample corpus built with the real pipeline.
"""
from __future__ import annotations

import functools
import html
import re
import sys

import networkx as nx
import pytest
from rdflib import Literal

import kg
from kg.analysis import read_gexf, read_graphml, rdf_graph, to_rdf, write_gexf, write_graphml
from kg.errors import InputError, QueryError
from kg.model import Article, ArticleGraph, Entity, Evidence, Relation
from kg.notebook import inline_html
from kg.triples import article_graph, dataset, entity_iri

from .conftest import REPO

GROUP = Entity("ArmedGroup/northern front", "ArmedGroup", "Northern Front", frozenset({"the Front", "NF"}))
ARMY = Entity("Force/river army", "Force", "River Army", frozenset({"the army"}))
MINISTER = Entity("Official/dana oru", "Official", "Dana Oru")
ENVOY = Entity("Official/pell ravi", "Official", "Pell Ravi")
TOWN = Entity("City/lowford", "City", "Lowford", links=(("wikidata", "Q999001"), ("geonames", "7001")),
              coordinates=(34.5, 69.25))
VALE = Entity("Province/green vale", "Province", "Green Vale", coordinates=(35.0, 70.0))


def _evidence(article: str, rule: str, confidence: float) -> Evidence:
    return Evidence(article, "A made-up sentence for the test.", 0, 33, rule, confidence)


def _articles() -> list[ArticleGraph]:
    first = Article("first", "Invented text one.", title="One", published="2024-03-01")
    second = Article("second", "Invented text two.", title="Two", published="2024-03-09")
    return [
        ArticleGraph(first, (GROUP, ARMY, MINISTER, TOWN, VALE), (
            Relation(GROUP.key, "clashedWith", ARMY.key, (_evidence("first", "clash-with", 0.8),)),
            Relation(GROUP.key, "captured", TOWN.key, (_evidence("first", "captured-active", 0.6),)),
            Relation(MINISTER.key, "officialOf", VALE.key, (_evidence("first", "official-of", 0.9),)),
            Relation(TOWN.key, "capitalOf", VALE.key, (_evidence("first", "capital-of", 0.95),)),
        )),
        ArticleGraph(second, (GROUP, ARMY, MINISTER, ENVOY), (
            Relation(GROUP.key, "clashedWith", ARMY.key, (_evidence("second", "clash-with", 0.7),)),
            Relation(MINISTER.key, "metWith", ENVOY.key, (_evidence("second", "met-with", 0.4),)),
        )),
    ]


@pytest.fixture(scope="module")
def graph():
    union = None
    for item in _articles():
        union = article_graph(item, union)
    return union


def iri(entity: Entity) -> str:
    return str(entity_iri(entity.key))


def test_nodes_carry_label_type_aliases_links_and_coordinates(graph):
    G = kg.to_networkx(graph)
    assert isinstance(G, nx.MultiDiGraph)
    assert set(G) == {iri(e) for e in (GROUP, ARMY, MINISTER, ENVOY, TOWN, VALE)}
    group = G.nodes[iri(GROUP)]
    assert (group["label"], group["type"], group["aliases"]) == ("Northern Front", "ArmedGroup", ["NF", "the Front"])
    assert group["articles"] == ["first", "second"]
    town = G.nodes[iri(TOWN)]
    assert (town["wikidata"], town["geonames"], town["lat"], town["lon"]) == ("Q999001", "7001", 34.5, 69.25)
    assert "lat" not in group  # unknown values are absent, not None (nx.get_node_attributes then skips them)


def test_edges_sum_evidence_across_articles(graph):
    G = kg.to_networkx(graph)
    clash = G.edges[iri(GROUP), iri(ARMY), "clashedWith"]
    assert clash["relation"] == "clashedWith"
    assert clash["evidence"] == 2
    assert clash["confidence"] == pytest.approx(0.8)
    assert clash["articles"] == ["first", "second"]
    assert clash["dates"] == ["2024-03-01", "2024-03-09"]
    assert clash["rules"] == ["clash-with"]
    assert G.number_of_edges() == 5


def test_a_dataset_and_a_trig_file_read_like_the_union(graph, tmp_path):
    ds = dataset(_articles())
    path = tmp_path / "graph.trig"
    ds.serialize(path, format="trig")
    for source in (ds, path):
        G = kg.to_networkx(source)
        assert G.number_of_nodes() == 6 and G.number_of_edges() == 5
        assert G.edges[iri(GROUP), iri(ARMY), "clashedWith"]["evidence"] == 2


def test_project_to_relations_drops_unlinked_nodes(graph):
    G = kg.to_networkx(graph, relations="captured")
    assert set(G) == {iri(GROUP), iri(TOWN)}
    assert [k for _, _, k in G.edges(keys=True)] == ["captured"]


def test_project_to_types_and_type_groups(graph):
    places = kg.to_networkx(graph, types="Place")
    assert {d["type"] for _, d in places.nodes(data=True)} == {"City", "Province"}
    assert [k for _, _, k in places.edges(keys=True)] == ["capitalOf"]
    officials = kg.to_networkx(graph, types=["Official"])
    assert set(officials) == {iri(MINISTER), iri(ENVOY)}


def test_min_confidence_drops_weak_relations(graph):
    G = kg.to_networkx(graph, min_confidence=0.65)
    assert {k for _, _, k in G.edges(keys=True)} == {"clashedWith", "officialOf", "capitalOf"}


def test_undirected_actor_graph_for_centrality(graph):
    A = kg.to_networkx(graph, undirected_actors=True)
    assert type(A) is nx.Graph
    assert set(A) == {iri(GROUP), iri(ARMY), iri(MINISTER), iri(ENVOY)}
    edge = A.edges[iri(ARMY), iri(GROUP)]
    assert (edge["weight"], edge["relations"], edge["articles"]) == (2, ["clashedWith"], ["first", "second"])
    assert A.edges[iri(MINISTER), iri(ENVOY)]["relations"] == ["metWith"]
    only_clashes = kg.to_networkx(graph, undirected_actors=True, relations="clashedWith")
    assert only_clashes.number_of_edges() == 1


def test_unknown_relation_or_type_is_a_one_line_error(graph):
    with pytest.raises(QueryError, match="unknown relation: foughtWith"):
        kg.to_networkx(graph, relations=["foughtWith"])
    with pytest.raises(QueryError, match="unknown entity type: Rebel"):
        kg.to_networkx(graph, types="Rebel")
    with pytest.raises(InputError):
        kg.to_networkx(42)


def _same(a: nx.Graph, b: nx.Graph) -> bool:
    def edges(g):
        if g.is_multigraph():
            return sorted((u, v, k, sorted(d.items())) for u, v, k, d in g.edges(keys=True, data=True))
        return sorted((*sorted((u, v)), sorted(d.items())) for u, v, d in g.edges(data=True))

    return type(a) is type(b) and dict(a.nodes(data=True)) == dict(b.nodes(data=True)) and edges(a) == edges(b)


@pytest.mark.parametrize("write, read, suffix", [(write_graphml, read_graphml, "graphml"),
                                                 (write_gexf, read_gexf, "gexf")])
@pytest.mark.parametrize("undirected", [False, True])
def test_graphml_and_gexf_round_trip(graph, tmp_path, write, read, suffix, undirected):
    G = kg.to_networkx(graph, undirected_actors=undirected)
    path = write(G, tmp_path / f"graph.{suffix}")
    back = read(path)
    assert _same(G, back)
    assert back.nodes[iri(GROUP)]["aliases"] == ["NF", "the Front"]  # a list again, not a JSON string
    assert "Northern Front" in path.read_text(encoding="utf-8")


def test_reading_a_broken_export_is_a_one_line_error(tmp_path):
    path = tmp_path / "broken.graphml"
    path.write_text("<graphml><graph", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read"):
        read_graphml(path)
    with pytest.raises(InputError, match="no such file"):
        read_gexf(tmp_path / "missing.gexf")


EVIDENCE_QUERY = """
PREFIX kgo: <https://w3id.org/kg-conflict/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?subject ?rule ?start ?confidence ?published WHERE {
  ?e a kgo:Evidence ; rdf:subject ?subject ; kgo:rule ?rule ; kgo:startChar ?start ;
     kgo:confidence ?confidence ; prov:wasDerivedFrom ?a .
  OPTIONAL { ?a schema:datePublished ?published }
} ORDER BY ?rule
"""


def test_query_df_types_its_columns(graph):
    pytest.importorskip("pandas")
    df = kg.query_df(graph, EVIDENCE_QUERY)
    assert list(df.columns) == ["subject", "rule", "start", "confidence", "published"]
    assert len(df) == 6
    assert str(df["start"].dtype) == "Int64"
    assert str(df["confidence"].dtype) == "float64"
    assert str(df["published"].dtype).startswith("datetime64")
    assert str(df["rule"].dtype) == "string" and str(df["subject"].dtype) == "string"
    assert df["published"].min().isoformat().startswith("2024-03-01")


def test_query_df_binds_parameters(graph):
    pytest.importorskip("pandas")
    df = kg.query_df(graph, EVIDENCE_QUERY, subject=iri(MINISTER))
    assert sorted(df["rule"]) == ["met-with", "official-of"]
    df = kg.query_df(graph, EVIDENCE_QUERY, rule=Literal("capital-of"))
    assert list(df["subject"]) == [iri(TOWN)]


def test_query_df_rejects_bad_queries(graph):
    pytest.importorskip("pandas")
    with pytest.raises(QueryError, match="query failed"):
        kg.query_df(graph, "SELECT ?s WHERE { ?s")
    with pytest.raises(QueryError, match="SELECT"):
        kg.query_df(graph, "ASK { ?s ?p ?o }")


@pytest.fixture(scope="module")
def store():
    store = kg.Store()
    for item in _articles():
        store.add(item)
    return store


def test_the_store_reads_like_its_graph(graph, store):
    assert _same(kg.to_networkx(store), kg.to_networkx(graph))


def test_query_df_on_a_store(store):
    pytest.importorskip("pandas")
    df = kg.query_df(store, EVIDENCE_QUERY)
    assert len(df) == 6
    assert [str(t) for t in df.dtypes] == ["string", "string", "Int64", "float64", str(df["published"].dtype)]
    assert str(df["published"].dtype).startswith("datetime64")
    assert sorted(kg.query_df(store, EVIDENCE_QUERY, subject=iri(MINISTER))["rule"]) == ["met-with", "official-of"]
    empty = kg.query_df(store, "SELECT ?x ?y WHERE { ?x a kgo:Nothing . ?x ?p ?y }")
    assert list(empty.columns) == ["x", "y"] and empty.empty  # an empty answer keeps its columns


def test_query_df_runs_named_queries(store):
    pytest.importorskip("pandas")
    from kg.store import named_queries

    assert named_queries(), "kg ships named queries"
    for name in named_queries():
        assert list(kg.query_df(store, name).columns), name
    with pytest.raises(QueryError, match="no named query 'nonesuch'"):
        kg.query_df(store, "nonesuch")


def test_inline_view_is_an_iframe_with_escaped_srcdoc(graph):
    markup = inline_html(graph)
    match = re.fullmatch(r'<iframe srcdoc="([^"]*)" sandbox="allow-scripts[^"]*" [^>]*></iframe>', markup, re.S)
    assert match, markup[:200]
    page = html.unescape(match.group(1))
    assert page.lstrip().lower().startswith(("<html", "<!doctype"))
    assert "Northern Front" in page
    assert "<script" not in match.group(1)  # escaped: the notebook page never parses it as markup


def test_show_displays_a_subgraph(graph, monkeypatch):
    IPython = pytest.importorskip("IPython.display")
    shown = []
    monkeypatch.setattr(IPython, "display", lambda obj: shown.append(obj))
    ego = nx.ego_graph(kg.to_networkx(graph, undirected_actors=True), iri(GROUP))
    assert kg.show(ego) is None
    assert len(shown) == 1
    markup = shown[0]._repr_html_()
    assert markup.startswith("<iframe srcdoc=") and "River Army" in html.unescape(markup)
    assert "Dana Oru" not in html.unescape(markup)  # only the ego network, not the whole graph
    assert "A made-up sentence for the test." in html.unescape(markup)  # with the evidence behind its edges


def test_missing_extras_say_what_to_install(graph, monkeypatch):
    from kg.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, "pandas", None)  # as if pandas were not installed
    with pytest.raises(MissingExtraError, match="pandas") as info:
        kg.query_df(graph, EVIDENCE_QUERY)
    assert "[notebooks]" in info.value.one_line()
    monkeypatch.setitem(sys.modules, "IPython.display", None)
    with pytest.raises(MissingExtraError, match="IPython"):
        kg.show(graph)


def test_to_rdf_cuts_the_source_down_to_a_subgraph(graph):
    G = kg.to_networkx(graph)
    sub = G.subgraph([iri(GROUP), iri(TOWN)])
    back = kg.to_networkx(to_rdf(sub))
    assert _same(back, sub)  # the same nodes and edges, with the same evidence, articles and dates
    actors = kg.to_networkx(graph, undirected_actors=True)
    clash = kg.to_networkx(to_rdf(actors.edge_subgraph([(iri(ARMY), iri(GROUP))])))
    assert list(clash.edges(keys=True)) == [(iri(GROUP), iri(ARMY), "clashedWith")]
    assert clash.edges[iri(GROUP), iri(ARMY), "clashedWith"]["evidence"] == 2


def test_to_rdf_rebuilds_a_graph_read_from_graphml(graph, tmp_path):
    G = read_graphml(write_graphml(kg.to_networkx(graph), tmp_path / "g.graphml"))
    back = kg.to_networkx(to_rdf(G.subgraph([iri(GROUP), iri(TOWN)])))
    assert set(back) == {iri(GROUP), iri(TOWN)}
    assert [k for _, _, k in back.edges(keys=True)] == ["captured"]
    assert back.nodes[iri(GROUP)]["aliases"] == ["NF", "the Front"]


@pytest.mark.model
def test_the_readme_analysis_example_runs(nlp, tmp_path, monkeypatch):
    pytest.importorskip("pandas")
    IPython = pytest.importorskip("IPython.display")
    section = (REPO / "README.md").read_text(encoding="utf-8").split("## Notebooks and analysis", 1)[1]
    block = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    shown = []
    monkeypatch.setattr(IPython, "display", shown.append)
    monkeypatch.setattr(kg, "extract_graphs", functools.partial(kg.extract_graphs, nlp=nlp))  # the loaded model
    monkeypatch.chdir(tmp_path)
    exec(compile(block, "README.md", "exec"), {})
    assert len(shown) == 1 and (tmp_path / "actors.gexf").is_file()


@pytest.mark.model
def test_the_sample_build_becomes_a_graph(sample_build):
    _, out = sample_build
    G = kg.to_networkx(out / "graph.trig")
    assert G.number_of_nodes() > 20 and G.number_of_edges() > 5
    from_ttl = kg.to_networkx(out / "graph.ttl")
    assert _same(G, from_ttl)
    assert {d["type"] for _, d in G.nodes(data=True)} <= set(kg.model.ENTITY_TYPES)
    assert all(d["evidence"] >= 1 for *_, d in G.edges(keys=True, data=True))
    assert len(rdf_graph(out / "graph.ttl")) == len(rdf_graph(out / "graph.trig"))
