"""The ontology's terms as closed namespaces, and the prefixes kg binds.

Code names ontology terms only through ``KGO`` (a misspelt term raises at
once); ``tests/test_ontology.py`` checks that every term here is declared in
``ontologies/kg.ttl`` and that the domain/range tables below agree with it.
"""
from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from .model import DOMAIN, RANGE, allowed  # noqa: F401  (the ontology's domains and ranges, as plain data)

ONTOLOGY_IRI = "https://w3id.org/kg-conflict/ontology"


class KGO(DefinedNamespace):
    """kg ontology terms (https://w3id.org/kg-conflict/ontology#)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes
    Entity: URIRef
    Actor: URIRef
    Place: URIRef
    Person: URIRef
    Official: URIRef
    ArmedGroup: URIRef
    Force: URIRef
    Organization: URIRef
    City: URIRef
    Province: URIRef
    District: URIRef
    Country: URIRef
    Article: URIRef
    Evidence: URIRef
    # events (each a sem:Event) and who says so
    Attack: URIRef
    Capture: URIRef
    Clash: URIRef
    Meeting: URIRef
    Stance: URIRef
    Asserted: URIRef
    Claimed: URIRef
    Denied: URIRef
    # relations
    clashedWith: URIRef
    spokesmanFor: URIRef
    capitalOf: URIRef
    officialOf: URIRef
    attacked: URIRef
    captured: URIRef
    locatedIn: URIRef
    memberOf: URIRef
    metWith: URIRef
    # annotations and provenance
    mentionedIn: URIRef
    sentence: URIRef
    startChar: URIRef
    endChar: URIRef
    rule: URIRef
    confidence: URIRef
    contentHash: URIRef
    wikidata: URIRef
    geonames: URIRef
    # events and stances
    agent: URIRef
    target: URIRef
    timePrecision: URIRef
    fatalities: URIRef
    subEventType: URIRef
    accordingTo: URIRef
    stance: URIRef
    contested: URIRef


SCHEMA = Namespace("https://schema.org/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
WD = Namespace("http://www.wikidata.org/entity/")
GEONAMES = Namespace("https://sws.geonames.org/")
#: Where the things the graph describes live (entities, articles, evidence).
KGR = Namespace("https://w3id.org/kg-conflict/id/")

PREFIXES = {
    "kgo": KGO._NS, "kgr": KGR, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD,
    "skos": SKOS, "prov": PROV, "dcterms": DCTERMS, "schema": SCHEMA, "geo": GEO,
    "wd": WD, "gn": GEONAMES, "sem": SEM,
}

def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
