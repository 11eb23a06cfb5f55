"""RDF from resolved articles: IRIs, provenance, strict re-parsing, SHACL."""
from __future__ import annotations

import pytest
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
    names = ["Kyiv", "Mazar-i-Sharif", "mazar i sharif", "Ḥalab", "محمد عمر", "a/b?c#d e", "<script>", "\"quoted\"",
             "u.s.", "a~b", "x  y"]
    iris = {name: entity_iri(f"Person/{name}") for name in names}
    for name, iri in iris.items():
        assert iri == entity_iri(f"Person/{name}")
        assert not set(str(iri)) & set(' <>"{}|\\^`'), iri
        assert entity_key(iri) == f"Person/{name}"
    assert len(set(iris.values())) == len(names)  # no two names share an IRI


def test_iris_are_prefixed_names_a_person_can_type():
    assert str(entity_iri("City/kabul")) == "https://w3id.org/kg-conflict/id/city-kabul"
    assert str(entity_iri("Province/kunduz province")).endswith("/id/province-kunduz-province")
    assert str(article_iri("afg_2021-06-20_kunduz")).endswith("/id/article-afg_2021-06-20_kunduz")
    assert article_iri("a b") != article_iri("a-b")
    graph = article_graph(make_article_graph("my report 1"))
    turtle = graph.serialize(format="turtle")
    for typed in ("kgr:city-herat", "kgr:province-herat-province", "kgr:armedgroup-taliban"):
        assert typed in turtle
        assert graph.query(f"ASK {{ {typed} ?p ?o }}").askAnswer, typed
    assert graph.query("ASK { kgr:article-my%20report%201 a kgo:Article }").askAnswer
    evidence = {str(node) for node in graph.subjects(RDF.type, KGO.Evidence)}
    assert all(graph.query(f"ASK {{ kgr:{iri.rsplit('/', 1)[1]} a kgo:Evidence }}").askAnswer for iri in evidence)


def test_evidence_sentences_are_stored_trimmed_with_offsets_into_the_text():
    text = "Raid\n\nThe Taliban attacked Herat.\n\n  Herat, the capital of Herat Province, was calm.\n"
    lead = text.index("The Taliban")
    padded = Evidence("a1", text[lead:text.index("Herat,")], lead, text.index("Herat,"), "attacked-active", 0.7)
    article = Article(id="a1", text=text, title="Raid")
    taliban = Entity(key="ArmedGroup/taliban", type="ArmedGroup", label="Taliban")
    herat = Entity(key="City/herat", type="City", label="Herat")
    graph = article_graph(ArticleGraph(article, (taliban, herat), (
        Relation("ArmedGroup/taliban", "attacked", "City/herat", (padded,)),)))
    evidence = graph.value(predicate=RDF.type, object=KGO.Evidence)
    sentence = str(graph.value(evidence, KGO.sentence))
    start, end = graph.value(evidence, KGO.startChar).toPython(), graph.value(evidence, KGO.endChar).toPython()
    assert sentence == "The Taliban attacked Herat."
    assert text[start:end] == sentence


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


@pytest.mark.model
def test_every_sample_sentence_is_stored_trimmed_and_its_offsets_find_it_in_the_article(nlp, sample_dir):
    from kg import extract_graphs

    checked = 0
    for resolved in extract_graphs([sample_dir], nlp=nlp):
        graph = article_graph(resolved)
        for evidence in graph.subjects(RDF.type, KGO.Evidence):
            sentence = str(graph.value(evidence, KGO.sentence))
            start, end = graph.value(evidence, KGO.startChar).toPython(), graph.value(evidence, KGO.endChar).toPython()
            assert sentence == sentence.strip() and resolved.article.text[start:end] == sentence, sentence
            checked += 1
    assert checked > 20
