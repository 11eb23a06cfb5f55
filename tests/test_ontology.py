"""The ontology, the closed vocabulary and the code agree."""
from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from kg.model import DOMAIN, ENTITY_TYPES, PREDICATES, RANGE, SYMMETRIC_PREDICATES
from kg.vocab import KGO

from .conftest import ONTOLOGY, SHAPES


def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


def test_every_vocab_term_is_declared():
    onto = ontology()
    declared = set(onto.subjects(RDF.type, None))
    missing = [name for name in KGO.__annotations__ if KGO[name] not in declared]
    assert missing == []


def test_nine_classes_and_nine_properties_with_labels_and_comments():
    onto = ontology()
    for name in ENTITY_TYPES:
        assert (KGO[name], RDF.type, OWL.Class) in onto
    for name in PREDICATES:
        term = KGO[name]
        assert (term, RDF.type, OWL.ObjectProperty) in onto
        for annotation in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range):
            assert onto.value(term, annotation) is not None, (name, annotation)
    symmetric = {str(s).split("#")[1] for s in onto.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == set(SYMMETRIC_PREDICATES)
    assert (KGO.Official, RDFS.subClassOf, KGO.Person) in onto


def _leaf_types(onto: Graph, cls) -> set[str]:
    """The nine leaf classes that are ``cls`` or below it."""
    return {name for name in ENTITY_TYPES if cls in set(onto.transitive_objects(KGO[name], RDFS.subClassOf))}


def test_domain_and_range_tables_match_the_turtle():
    onto = ontology()
    for name in PREDICATES:
        domain = _leaf_types(onto, onto.value(KGO[name], RDFS.domain))
        range_ = _leaf_types(onto, onto.value(KGO[name], RDFS.range))
        # The code may be stricter than the ontology (never looser).
        assert DOMAIN[name] <= domain, name
        assert RANGE[name] <= range_, name


def test_shapes_parse_and_use_declared_terms():
    shapes = Graph().parse(SHAPES)
    onto = ontology()
    declared = set(onto.subjects(RDF.type, None))
    used = {term for triple in shapes for term in triple if str(term).startswith(str(KGO._NS))}
    assert used and used <= declared


def test_closed_namespace_rejects_unknown_terms():
    import pytest

    with pytest.raises(AttributeError):
        KGO.capitalof  # noqa: B018  (misspelt on purpose)


def test_event_classes_and_properties_agree_with_the_code():
    from kg.model import EVENT_CLASSES, STANCES, TIME_PRECISIONS
    from kg.vocab import SEM

    onto = ontology()
    for name in EVENT_CLASSES:
        assert (KGO[name], RDFS.subClassOf, SEM.Event) in onto, name
        assert onto.value(KGO[name], RDFS.comment) is not None, name
    for name in ("agent", "target"):
        assert (KGO[name], RDFS.subPropertyOf, SEM.hasActor) in onto
    assert set(onto.subjects(RDF.type, KGO.Stance)) == {KGO[s] for s in STANCES}
    for term, kind in ((KGO.fatalities, OWL.DatatypeProperty), (KGO.timePrecision, OWL.DatatypeProperty),
                       (KGO.accordingTo, OWL.ObjectProperty), (KGO.stance, OWL.ObjectProperty),
                       (KGO.contested, OWL.DatatypeProperty), (SEM.hasTimeStamp, OWL.DatatypeProperty),
                       (SEM.hasPlace, OWL.ObjectProperty), (SEM.hasActor, OWL.ObjectProperty)):
        assert (term, RDF.type, kind) in onto, term
    shapes = Graph().parse(SHAPES)
    precisions = {str(v) for v in shapes.objects(None, None) if str(v) in TIME_PRECISIONS}
    assert precisions == set(TIME_PRECISIONS)
