"""Resolved articles -> RDF. The only module that mints IRIs.

Every relation is a direct triple ``entity --kgo:predicate--> entity``; beside it
hangs a ``kgo:Evidence`` node (a reified ``rdf:Statement``) with the sentence,
its character offsets, the rule and a confidence, ``prov:wasDerivedFrom`` the
``kgo:Article``. ``article_graph`` gives one article's triples (its named graph);
``dataset`` puts many of them side by side.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from urllib.parse import unquote

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .model import DENIED, Article, ArticleGraph, Entity, Event, Evidence, Relation
from .vocab import GEO, GEONAMES, KGO, KGR, SCHEMA, SEM, WD, bind_prefixes

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")


def _local_name(text: str, *, space_as_dash: bool) -> str:
    """``text`` as the local part of a prefixed name anyone can type in SPARQL or Turtle (``kgr:city-kabul``).

    ASCII letters, digits and ``_`` stay; with ``space_as_dash`` a space becomes ``-`` (and ``-`` itself is
    percent-encoded), otherwise ``-`` stays and a space is encoded; everything else is percent-encoded as UTF-8.
    So no two texts share a name, and no ``/``, ``.`` or ``~`` needs a backslash escape.
    """
    kept_dash = not space_as_dash
    out = []
    for char in text:
        if char == " " and space_as_dash:
            out.append("-")
        elif char.isascii() and (char.isalnum() or char == "_" or (char == "-" and kept_dash)):
            out.append(char)
        else:
            out.append("".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass")))
    return "".join(out) or "_"


def _from_local_name(local: str, *, space_as_dash: bool) -> str:
    if space_as_dash:
        local = local.replace("-", " ")
    return unquote(local, errors="surrogatepass")


@lru_cache(maxsize=65536)  # the same entities are named article after article
def entity_iri(key: str) -> URIRef:
    """``Person/ashraf ghani`` -> ``kgr:person-ashraf-ghani``: same key, same IRI, every run."""
    family, _, name = key.partition("/")
    return KGR[f"{family.lower()}-{_local_name(name, space_as_dash=True)}"]


def entity_key(iri: str) -> str | None:
    """The inverse of ``entity_iri``: ``kgr:person-ashraf-ghani`` -> ``Person/ashraf ghani`` (None if not an entity)."""
    from .model import ENTITY_TYPES

    if not str(iri).startswith(str(KGR)):
        return None
    family, _, name = str(iri)[len(str(KGR)):].partition("-")
    families = {t.lower(): t for t in ENTITY_TYPES}
    if family not in families or not name:
        return None
    return f"{families[family]}/{_from_local_name(name, space_as_dash=True)}"


def article_iri(article_id: str) -> URIRef:
    """``afg_2021-06-20_kunduz`` -> ``kgr:article-afg_2021-06-20_kunduz`` (ids keep their dashes)."""
    return KGR[f"article-{_local_name(article_id, space_as_dash=False)}"]


def event_iri(key: str) -> URIRef:
    """``Capture/2021-08-15/kabul/taliban`` -> ``kgr:capture-2021-08-15--kabul--taliban``: the class, the date as
    written, then each name part (spaces as ``-``) after a double dash, which no name part contains."""
    if key.startswith(str(KGR)):
        return URIRef(key)  # an event read back from a store is known by its IRI
    event_class, _, rest = key.partition("/")
    parts = rest.split("/")
    date = parts.pop(0) if parts and re.fullmatch(r"\d{4}-\d{2}-\d{2}|undated", parts[0]) else None
    head = f"{event_class.lower()}-{date}" if date else event_class.lower()
    return KGR["--".join([head, *(_local_name(p, space_as_dash=True) for p in parts)])]


def event_evidence_iri(event: Event, evidence: Evidence) -> URIRef:
    parts = "\x1f".join([evidence.article_id, event.key, event.event_class, str(evidence.start), str(evidence.end),
                         evidence.rule, evidence.stance])
    return KGR[f"evidence-{hashlib.sha256(parts.encode('utf-8', 'surrogatepass')).hexdigest()[:24]}"]


def evidence_iri(relation: Relation, evidence: Evidence) -> URIRef:
    parts = "\x1f".join([evidence.article_id, relation.subject, relation.predicate, relation.object,
                         str(evidence.start), str(evidence.end), evidence.rule])
    return KGR[f"evidence-{hashlib.sha256(parts.encode('utf-8', 'surrogatepass')).hexdigest()[:24]}"]


def _trimmed(evidence: Evidence) -> Evidence:
    """The evidence with its sentence stripped of the spaces and line breaks around it, offsets moved to match.

    A sentence that ends a paragraph carries the blank line after it, which would break every CSV row and
    table cell it is printed in; the offsets still point at exactly the stored text.
    """
    sentence = evidence.sentence.strip()
    if sentence == evidence.sentence:
        return evidence
    start = evidence.start + len(evidence.sentence) - len(evidence.sentence.lstrip())
    return replace(evidence, sentence=sentence, start=start, end=start + len(sentence))


@lru_cache(maxsize=16384)  # names and sentences recur (an rdflib Literal is slow to make, and never changes)
def _text(value: str) -> Literal:
    # Lone surrogates (from broken input) cannot be serialised: replace them.
    return Literal(value.encode("utf-8", "replace").decode("utf-8"))


@lru_cache(maxsize=65536, typed=True)  # typed: 1, 1.0 and True are equal keys but different literals
def _literal(value: float | str) -> Literal:
    """``Literal(value)``, made once per value: evidence offsets and rule names recur across a build."""
    return Literal(value)


@lru_cache(maxsize=4096, typed=True)
def _confidence(value: float) -> Literal:
    """A confidence as an xsd:decimal with at most three decimals."""
    return Literal(Decimal(str(round(value, 3))))


@lru_cache(maxsize=65536, typed=True)  # the same places are named article after article
def _coordinate(value: float) -> Literal:
    """A latitude or longitude as an xsd:decimal with at most six decimals."""
    return Literal(Decimal(str(round(value, 6))))


@lru_cache(maxsize=16384)
def _date(iso: str) -> Literal:
    """An xsd:date (rdflib parses the text of a dated literal, slowly)."""
    return Literal(iso, datatype=XSD.date)


def _published(value: str) -> Literal:
    if _DATE.match(value):
        return Literal(value, datatype=XSD.date)
    if _DATETIME.match(value):
        return Literal(value, datatype=XSD.dateTime)
    return Literal(value)


def add_article(graph: Graph, article: Article) -> URIRef:
    node = article_iri(article.id)
    graph.add((node, RDF.type, KGO.Article))
    graph.add((node, DCTERMS.identifier, _text(article.id)))
    graph.add((node, KGO.contentHash, Literal(article.content_hash)))
    if article.title:
        graph.add((node, SCHEMA.headline, _text(article.title)))
    if article.url:
        graph.add((node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.published:
        graph.add((node, SCHEMA.datePublished, _published(article.published)))
    if article.author:
        graph.add((node, SCHEMA.author, _text(article.author)))
    return node


def add_entity(graph: Graph, entity: Entity, article_node: URIRef | None = None) -> URIRef:
    node = entity_iri(entity.key)
    graph.add((node, RDF.type, KGO[entity.type]))
    graph.add((node, RDFS.label, _text(entity.label)))
    for alias in sorted(entity.aliases):
        graph.add((node, SKOS.altLabel, _text(alias)))
    for scheme, ident in entity.links:
        if scheme == "wikidata":
            graph.add((node, KGO.wikidata, _literal(ident)))
            graph.add((node, OWL.sameAs, WD[ident]))
        elif scheme == "geonames":
            graph.add((node, KGO.geonames, _literal(ident)))
            graph.add((node, OWL.sameAs, GEONAMES[f"{ident}/"]))
    if entity.coordinates is not None:
        lat, lon = entity.coordinates
        graph.add((node, GEO.lat, _coordinate(lat)))
        graph.add((node, GEO.long, _coordinate(lon)))
    if article_node is not None:
        graph.add((node, KGO.mentionedIn, article_node))
    return node


def add_relation(graph: Graph, relation: Relation, article_node: URIRef, *, direct: bool = True) -> None:
    """The relation's direct triple (unless ``direct`` is False: a relation only denied) and its evidence."""
    subject, predicate, obj = entity_iri(relation.subject), KGO[relation.predicate], entity_iri(relation.object)
    if direct:
        graph.add((subject, predicate, obj))
    for evidence in map(_trimmed, relation.evidence):
        _add_evidence(graph, evidence_iri(relation, evidence), evidence, (subject, predicate, obj), article_node)


def _add_evidence(graph: Graph, node: URIRef, evidence: Evidence, statement: tuple, article_node: URIRef) -> None:
    """A kgo:Evidence node: the statement it reifies, where it was read, and who says so."""
    subject, predicate, obj = statement
    graph.add((node, RDF.type, KGO.Evidence))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    graph.add((node, PROV.wasDerivedFrom, article_node))
    graph.add((node, KGO.sentence, _text(evidence.sentence)))
    graph.add((node, KGO.startChar, _literal(evidence.start)))
    graph.add((node, KGO.endChar, _literal(evidence.end)))
    graph.add((node, KGO.rule, _literal(evidence.rule)))
    graph.add((node, KGO.confidence, _confidence(evidence.confidence)))
    graph.add((node, KGO.stance, KGO[evidence.stance]))
    if evidence.according_to is not None:
        graph.add((node, KGO.accordingTo, entity_iri(evidence.according_to)))
    if evidence.contested:
        graph.add((node, KGO.contested, Literal(True)))


def add_event(graph: Graph, event: Event, article_node: URIRef) -> URIRef:
    """An event node (a sem:Event of its kgo class) as this article tells it, and the evidence of each sentence
    that tells it: a kgo:Evidence reifying ``event a kgo:Class``. An event this article only denies is, like a
    relation only denied, that Denied evidence alone: no typed node, no actors, place or date."""
    node, cls = event_iri(event.key), KGO[event.event_class]
    if all(evidence.stance == DENIED for evidence in event.evidence):
        for evidence in map(_trimmed, event.evidence):
            _add_evidence(graph, event_evidence_iri(event, evidence), evidence, (node, RDF.type, cls), article_node)
        return node
    graph.add((node, RDF.type, cls))
    if event.label:
        graph.add((node, RDFS.label, _text(event.label)))
    directed = event.event_class not in ("Clash", "Meeting")
    for actor in event.actors:
        graph.add((node, SEM.hasActor, entity_iri(actor)))
    for agent in event.agents if directed else ():
        graph.add((node, KGO.agent, entity_iri(agent)))
    for target in event.targets if directed else ():
        graph.add((node, KGO.target, entity_iri(target)))
    if event.place is not None:
        graph.add((node, SEM.hasPlace, entity_iri(event.place)))
    if event.date is not None:
        graph.add((node, SEM.hasTimeStamp, _date(event.date.isoformat())))
        graph.add((node, KGO.timePrecision, _literal(event.precision or "day")))
    if event.fatalities is not None:
        graph.add((node, KGO.fatalities, Literal(event.fatalities, datatype=XSD.integer)))
    if event.sub_event_type:
        graph.add((node, KGO.subEventType, Literal(event.sub_event_type)))
    if event.contested:
        graph.add((node, KGO.contested, Literal(True)))
    graph.add((node, PROV.wasDerivedFrom, article_node))
    for evidence in map(_trimmed, event.evidence):
        _add_evidence(graph, event_evidence_iri(event, evidence), evidence, (node, RDF.type, cls), article_node)
    return node


def add_contested(graph: Graph, owner: Relation | Event, evidence: Evidence) -> None:
    """Flag evidence of another article that this one contests (it lives in this article's graph, so it goes
    when this article is removed)."""
    evidence = _trimmed(evidence)
    node = event_evidence_iri(owner, evidence) if isinstance(owner, Event) else evidence_iri(owner, evidence)
    graph.add((node, KGO.contested, Literal(True)))
    if isinstance(owner, Event):
        graph.add((event_iri(owner.key), KGO.contested, Literal(True)))


#: N-Triples escapes for literal text (quote, backslash, line breaks).
_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
#: rdflib term -> N-Triples text for terms met before (predicates, classes, entities recur in every article).
_NT_TERMS: dict = {}
_NT_TERMS_LIMIT = 200_000


def ntriples(term) -> str:
    """An rdflib term in N-Triples syntax: the text the store's bulk loader and a build's spool are fed
    (several times faster than rdflib's serialisers; Oxigraph's parser validates it when loading)."""
    found = _NT_TERMS.get(term)
    if found is not None:
        return found
    if isinstance(term, URIRef):
        found = f"<{term}>"
    elif isinstance(term, BNode):
        found = f"_:{term}"
    elif isinstance(term, Literal):
        text = f'"{str(term).translate(_NT_ESCAPES)}"'
        if term.language:
            found = f"{text}@{term.language}"
        elif term.datatype is not None:
            found = f"{text}^^<{term.datatype}>"
        else:
            found = text
    else:
        raise TypeError(f"not an RDF term: {term!r}")
    if len(_NT_TERMS) >= _NT_TERMS_LIMIT:
        _NT_TERMS.clear()
    _NT_TERMS[term] = found
    return found


def article_graph(resolved: ArticleGraph, graph: Graph | None = None) -> Graph:
    """All triples one article contributes: its Article node, entities, relations and evidence."""
    return _fill(bind_prefixes(graph if graph is not None else Graph()), resolved)


class TripleSet:
    """Triples in the order they were made, each once: all a graph has to be for triples written out right away."""

    def __init__(self):
        self._triples: dict[tuple, None] = {}

    def add(self, triple: tuple) -> None:
        self._triples[triple] = None

    def __iter__(self):
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)


def article_triples(resolved: ArticleGraph) -> TripleSet:
    """``article_graph``'s triples without an rdflib Graph, for triples that are written out right away (a build's
    spool, the store): there a Graph's checks, indexes and default prefixes were a tenth of the build's time."""
    return _fill(TripleSet(), resolved)


def _fill(graph, resolved: ArticleGraph):
    article_node = add_article(graph, resolved.article)
    for entity in resolved.entities:
        add_entity(graph, entity, article_node)
    for relation in resolved.relations:
        add_relation(graph, relation, article_node)
    for relation in resolved.denied:
        add_relation(graph, relation, article_node, direct=False)
    for event in resolved.events:
        add_event(graph, event, article_node)
    for owner, evidence in resolved.contests:
        add_contested(graph, owner, evidence)
    return graph


def dataset(resolved: Iterable[ArticleGraph]) -> Dataset:
    """One named graph per article (named by the article's IRI)."""
    ds = bind_prefixes(Dataset())
    for item in resolved:
        article_graph(item, ds.graph(article_iri(item.article.id)))
    return ds


__all__ = ["add_article", "add_contested", "add_entity", "add_event", "add_relation", "article_graph", "article_iri",
           "dataset", "entity_iri", "entity_key", "event_evidence_iri", "event_iri", "evidence_iri", "ntriples",
           "article_triples", "TripleSet"]
