"""The sample corpus built end to end: files, strict parsing, SHACL, named graphs, determinism."""
from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from kg.model import ENTITY_TYPES, PREDICATES
from kg.vocab import KGO, SCHEMA

from .conftest import validate_shacl

pytestmark = pytest.mark.model


def test_build_writes_three_outputs(sample_build):
    report, out = sample_build
    assert {p.name for p in out.iterdir()} >= {"graph.ttl", "graph.trig", "graph.html"}
    assert report.articles >= 7
    assert not report.skipped, report.skipped


def test_outputs_reparse_in_pyoxigraph(sample_build):
    _, out = sample_build
    triples = list(pyoxigraph.parse(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE))
    quads = list(pyoxigraph.parse(path=str(out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG))
    assert len(triples) > 100
    assert {q.triple for q in quads} == {t.triple for t in triples}


def test_one_named_graph_per_article(sample_build):
    report, out = sample_build
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    named = [g for g in ds.graphs() if g.identifier != ds.default_graph.identifier and len(g)]
    assert len(named) == report.articles
    for graph in named:
        assert (graph.identifier, RDF.type, KGO.Article) in graph


def test_sample_graph_validates_against_shapes(sample_build):
    _, out = sample_build
    conforms, text = validate_shacl(Graph().parse(out / "graph.ttl"))
    assert conforms, text


def test_sample_graph_uses_the_ontology_broadly(sample_build):
    report, out = sample_build
    graph = Graph().parse(out / "graph.ttl")
    types = {t for t in ENTITY_TYPES if any(graph.subjects(RDF.type, KGO[t]))}
    predicates = {p for p in PREDICATES if any(graph.subject_objects(KGO[p]))}
    assert len(types) >= 7, types
    assert len(predicates) >= 5, predicates
    assert sum(report.relations.values()) == sum(1 for p in PREDICATES for _ in graph.subject_objects(KGO[p]))


def test_same_input_same_graph(sample_build, nlp, sample_dir, tmp_path):
    import kg

    _, out = sample_build
    kg.build([sample_dir], tmp_path, nlp=nlp, html=False)
    assert isomorphic(Graph().parse(out / "graph.ttl"), Graph().parse(tmp_path / "graph.ttl"))


def test_sample_reports_are_dated_by_their_file_names(sample_build, sample_dir):
    from rdflib.namespace import DCTERMS

    _, out = sample_build
    graph = Graph().parse(out / "graph.ttl")
    dated = {str(graph.value(a, DCTERMS.identifier)): str(graph.value(a, SCHEMA.datePublished))
             for a in graph.subjects(RDF.type, KGO.Article)}
    for report in sample_dir.glob("*.txt"):
        assert dated[report.stem] == report.stem.split("_")[1], report.stem
