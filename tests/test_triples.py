"""RDF from resolved articles: IRIs, provenance, strict re-parsing, SHACL."""
from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from kg.model import Article, ArticleGraph, Entity, Evidence, Relation
from kg.triples import article_graph, article_iri, dataset, entity_iri, entity_key
from kg.vocab import KGO

from .conftest import validate_shacl

TEXT = "Herat, the capital of Herat Province, was calm. Officials said the Taliban attacked Herat."


def make_article_graph(article_id: str = "a1", text: str = TEXT) -> ArticleGraph:
    article = Article(id=article_id, text=text, title="Calm in Herat", url="https://example.org/a1",
                      published="2021-07-01")
    herat = Entity(key="City/herat", type="City", label="Herat", coordinates=(34.34, 62.2),
                   links=(("wikidata", "Q16984"),))
    province = Entity(key="Province/herat province", type="Province", label="Herat Province")
    taliban = Entity(key="ArmedGroup/taliban", type="ArmedGroup", label="Taliban", aliases=frozenset({"the Taliban"}))
    first = Evidence(article_id, TEXT[:47], 0, 47, "appos-capital-of", 0.9)
    second = Evidence(article_id, TEXT[48:], 48, len(TEXT), "attacked-active", 0.7)
    return ArticleGraph(article, (herat, province, taliban), (
        Relation("City/herat", "capitalOf", "Province/herat province", (first,)),
        Relation("ArmedGroup/taliban", "attacked", "City/herat", (second,)),
    ))


def test_relations_are_direct_triples_with_evidence_beside_them():
    graph = article_graph(make_article_graph())
    herat, province = entity_iri("City/herat"), entity_iri("Province/herat province")
    assert (herat, KGO.capitalOf, province) in graph
    evidence = graph.value(predicate=RDF.object, object=province)
    assert (evidence, RDF.type, KGO.Evidence) in graph
    assert graph.value(evidence, RDF.subject) == herat
    assert graph.value(evidence, RDF.predicate) == KGO.capitalOf
    assert graph.value(evidence, PROV.wasDerivedFrom) == article_iri("a1")
    assert str(graph.value(evidence, KGO.sentence)) == TEXT[:47]
    assert graph.value(evidence, KGO.startChar).toPython() == 0
    assert str(graph.value(evidence, KGO.rule)) == "appos-capital-of"
    assert graph.value(article_iri("a1"), KGO.contentHash) is not None
    assert (entity_iri("ArmedGroup/taliban"), SKOS.altLabel, Literal("the Taliban")) in graph
    assert all(graph.value(node, RDFS.label) for node in graph.subjects(KGO.mentionedIn, None))


def test_same_input_same_graph():
    assert isomorphic(article_graph(make_article_graph()), article_graph(make_article_graph()))


def test_iris_are_safe_and_stable_for_any_unicode_name():
    names = ["Kyiv", "Mazar-i-Sharif", "Ḥalab", "محمد عمر", "a/b?c#d e", "<script>", "\"quoted\""]
    for name in names:
        key = f"Person/{name}"
        iri = entity_iri(key)
        assert iri == entity_iri(key)
        assert not set(str(iri)) & set(' <>"{}|\\^`'), iri
        assert entity_key(iri) == key.replace("-", " ")


def test_output_reparses_in_a_strict_parser_and_validates():
    import pyoxigraph

    ds = dataset([make_article_graph("a1"), make_article_graph("a2")])
    trig = ds.serialize(format="trig")
    quads = list(pyoxigraph.parse(trig, format=pyoxigraph.RdfFormat.TRIG))
    assert {str(q.graph_name.value) for q in quads} == {str(article_iri("a1")), str(article_iri("a2"))}
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    conforms, report = validate_shacl(union)
    assert conforms, report


def test_shacl_catches_a_graph_that_breaks_the_ontology():
    graph = article_graph(make_article_graph())
    graph.remove((entity_iri("City/herat"), RDFS.label, None))
    graph.add((entity_iri("ArmedGroup/taliban"), KGO.capitalOf, entity_iri("City/herat")))
    conforms, _ = validate_shacl(graph)
    assert not conforms
