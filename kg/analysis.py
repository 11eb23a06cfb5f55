"""The graph as analysts use it: networkx graphs, pandas DataFrames, Gephi files.

Everything here reads RDF (an rdflib graph, a ``kg.Store`` or a graph file) and
names ontology terms only through ``kg.vocab``; nothing here mints IRIs or runs
spaCy.

    >>> G = kg.to_networkx(store)                              # MultiDiGraph: every entity and relation
    >>> A = kg.to_networkx(store, undirected_actors=True)      # Graph: who clashed with / met whom
    >>> df = kg.query_df(store, "officials")                   # a named query, typed columns
    >>> write_graphml(G, "graph.graphml")                      # for Gephi, yEd, Cytoscape

networkx cannot write lists to GraphML or GEXF, so list-valued attributes
(``aliases``, ``articles``, ``dates`` ...) are written as JSON arrays and parsed
back by ``read_graphml`` / ``read_gexf``. networkx and pandas are imported on
first use, so that ``import kg`` (and every CLI command) stays quick.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.util import guess_format

from .errors import InputError, MissingExtraError, QueryError
from .model import ACTOR_TYPES, ENTITY_TYPES, PLACE_TYPES, PREDICATES
from .sparql import refuse_outbound
from .vocab import GEO, KGO, SCHEMA, bind_prefixes

if TYPE_CHECKING:
    import networkx as nx

#: Relations that make the undirected actor-actor graph (both are symmetric in the ontology).
ACTOR_RELATIONS = ("clashedWith", "metWith")
#: Abstract types accepted by ``types=``, expanded to the leaf types of the ontology.
TYPE_GROUPS = {"Actor": ACTOR_TYPES, "Place": PLACE_TYPES}
#: The graph attribute holding the RDF a networkx graph was read from (not written to GraphML/GEXF).
SOURCE = "rdf"
#: List-valued attributes that ``to_networkx`` sets; the readers parse these back from JSON.
LIST_ATTRIBUTES = frozenset({"aliases", "articles", "dates", "rules", "relations"})


# ---------------------------------------------------------------- reading RDF


def rdf_graph(source: Any) -> Graph:
    """An rdflib Graph from a Graph, a Dataset (its union), a ``kg.Store`` or a graph file (.ttl, .trig, ...)."""
    if isinstance(source, Dataset):
        return _union(source)
    if isinstance(source, Graph):
        return source
    if isinstance(source, (str, Path)):
        return _parse_file(Path(source))
    if callable(getattr(source, "graph", None)):
        return rdf_graph(source.graph())
    raise InputError(f"cannot read a graph from {type(source).__name__}",
                     hint="pass an rdflib Graph, a kg.Store or the path of a .ttl/.trig file")


def _union(ds: Dataset) -> Graph:
    union = bind_prefixes(Graph())
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _parse_file(path: Path) -> Graph:
    if not path.is_file():
        raise InputError(f"no such graph file: {path}", hint="build one first with: kg build -o OUT")
    fmt = guess_format(str(path)) or "turtle"
    try:
        if fmt in ("trig", "nquads"):
            return _union(Dataset().parse(path, format=fmt))
        return Graph().parse(path, format=fmt)
    except Exception as err:  # rdflib raises many parser-specific types
        raise InputError(f"cannot parse {path} as {fmt}: {' '.join(str(err).split())[:200]}") from err


def _local_name(iri: str) -> str:
    return re.split(r"[/#]", str(iri).rstrip("/"))[-1]


def _iso(value: Literal | None) -> str | None:
    """A published date as ISO text ("2021-06-20"), whatever the literal's datatype."""
    if value is None:
        return None
    python = value.toPython() if isinstance(value, Literal) else value
    return python.isoformat() if hasattr(python, "isoformat") else str(python)


@dataclass
class _Support:
    """The evidence behind one (subject, predicate, object) triple, summed over articles."""

    evidence: int = 0
    confidence: float | None = None
    articles: set[str] = field(default_factory=set)
    rules: set[str] = field(default_factory=set)

    def add(self, confidence: float | None, article: str | None, rule: str | None) -> None:
        self.evidence += 1
        if confidence is not None:
            self.confidence = confidence if self.confidence is None else max(self.confidence, confidence)
        if article:
            self.articles.add(article)
        if rule:
            self.rules.add(rule)


class _Reader:
    """One pass over an RDF graph collecting entities, articles and evidence."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self.article_ids, self.article_dates = self._articles()
        self.entity_types = self._entity_types()
        self.support = self._support()

    def _articles(self) -> tuple[dict[URIRef, str], dict[str, str]]:
        ids, dates = {}, {}
        for node in self.graph.subjects(RDF.type, KGO.Article):
            ident = str(self.graph.value(node, DCTERMS.identifier) or _local_name(node))
            ids[node] = ident
            published = _iso(self.graph.value(node, SCHEMA.datePublished))
            if published:
                dates[ident] = published[:10]
        return ids, dates

    def _entity_types(self) -> dict[URIRef, str]:
        # ENTITY_TYPES lists Official before Person: a node typed both is an Official.
        type_of: dict[URIRef, str] = {}
        for entity_type in ENTITY_TYPES:
            for node in self.graph.subjects(RDF.type, KGO[entity_type]):
                type_of.setdefault(node, entity_type)
        return type_of

    def _support(self) -> dict[tuple[URIRef, str, URIRef], _Support]:
        support: dict[tuple[URIRef, str, URIRef], _Support] = {}
        g = self.graph
        for node in g.subjects(RDF.type, KGO.Evidence):
            s, p, o = g.value(node, RDF.subject), g.value(node, RDF.predicate), g.value(node, RDF.object)
            if s is None or p is None or o is None:
                continue
            confidence = g.value(node, KGO.confidence)
            article = g.value(node, PROV.wasDerivedFrom)
            rule = g.value(node, KGO.rule)
            support.setdefault((s, _local_name(p), o), _Support()).add(
                float(confidence) if confidence is not None else None,
                self.article_ids.get(article, _local_name(article)) if article is not None else None,
                str(rule) if rule is not None else None,
            )
        return support

    def node_attributes(self, node: URIRef) -> dict[str, Any]:
        g = self.graph
        label = g.value(node, RDFS.label)
        attrs: dict[str, Any] = {
            "label": str(label) if label is not None else _local_name(node),
            "type": self.entity_types[node],
            "aliases": sorted({str(a) for a in g.objects(node, SKOS.altLabel)}),
            "articles": sorted({self.article_ids.get(a, _local_name(a)) for a in g.objects(node, KGO.mentionedIn)}),
        }
        for name, term in (("wikidata", KGO.wikidata), ("geonames", KGO.geonames)):
            value = g.value(node, term)
            if value is not None:
                attrs[name] = str(value)
        lat, lon = g.value(node, GEO.lat), g.value(node, GEO.long)
        if lat is not None and lon is not None:
            attrs["lat"], attrs["lon"] = float(lat), float(lon)
        return attrs

    def edge_attributes(self, s: URIRef, predicate: str, o: URIRef) -> dict[str, Any]:
        support = self.support.get((s, predicate, o), _Support())
        attrs: dict[str, Any] = {
            "relation": predicate,
            "evidence": support.evidence,
            "articles": sorted(support.articles),
            "dates": sorted({self.article_dates[a] for a in support.articles if a in self.article_dates}),
            "rules": sorted(support.rules),
        }
        if support.confidence is not None:
            attrs["confidence"] = support.confidence
        return attrs


# ---------------------------------------------------------------- networkx


def _checked(names: Iterable[str] | str | None, known: Iterable[str], what: str,
             groups: dict[str, frozenset[str]] | None = None) -> set[str] | None:
    """The names asked for, validated (and abstract groups expanded), or None for "all"."""
    if names is None:
        return None
    names = [names] if isinstance(names, str) else list(names)
    groups = groups or {}
    known = set(known)
    unknown = [n for n in names if n not in known and n not in groups]
    if unknown:
        raise QueryError(f"unknown {what}: {', '.join(map(str, unknown))}",
                         hint=f"choose from {', '.join(sorted(known | set(groups)))}")
    chosen: set[str] = set()
    for name in names:
        chosen |= set(groups.get(name, {name}))
    return chosen


def to_networkx(
    source: Any, *, relations: Iterable[str] | str | None = None, types: Iterable[str] | str | None = None,
    undirected_actors: bool = False, min_confidence: float | None = None,
) -> nx.MultiDiGraph | nx.Graph:
    """The knowledge graph as a networkx graph (nodes keyed by entity IRI).

    ``source`` is an rdflib Graph or Dataset, a ``kg.Store`` or a graph file.
    Nodes carry ``label``, ``type``, ``aliases``, ``articles`` (ids of the
    articles naming them) and, when known, ``wikidata``, ``geonames``, ``lat``
    and ``lon``. Edges are keyed by relation and carry ``relation``,
    ``evidence`` (how many sentences support it), ``confidence`` (the best of
    them, when recorded), ``articles``, ``dates`` (the articles' publication
    dates) and ``rules``.

    - ``relations``: keep only these predicates (then nodes without a kept edge are dropped);
    - ``types``: keep only entities of these types ("Actor" and "Place" stand for their leaf types);
    - ``min_confidence``: drop relations whose best evidence is below this (or unrecorded);
    - ``undirected_actors``: an undirected ``nx.Graph`` of actors linked by clashedWith or
      metWith (or ``relations``), each edge with ``weight`` (its evidence count) and the
      ``relations`` it merges: the graph for centrality and community detection.

    The graph keeps the RDF it was read from as ``G.graph["rdf"]``, so that
    ``kg.show`` can draw any subgraph of it with its evidence.
    """
    wanted_relations = _checked(relations, PREDICATES, "relation")
    wanted_types = _checked(types, ENTITY_TYPES, "entity type", TYPE_GROUPS)
    if undirected_actors:
        wanted_relations = wanted_relations or set(ACTOR_RELATIONS)
        wanted_types = wanted_types or set(ACTOR_TYPES)
    reader = _Reader(rdf_graph(source))
    directed = _directed_graph(reader, wanted_relations, wanted_types, min_confidence)
    result = _actor_graph(directed) if undirected_actors else directed
    result.graph[SOURCE] = reader.graph  # so that kg.show(subgraph) can show evidence (see to_rdf)
    return result


def _directed_graph(reader: _Reader, relations: set[str] | None, types: set[str] | None,
                    min_confidence: float | None) -> nx.MultiDiGraph:
    import networkx as nx

    graph = nx.MultiDiGraph()
    nodes = {n for n, t in reader.entity_types.items() if types is None or t in types}
    for node in sorted(nodes):
        graph.add_node(str(node), **reader.node_attributes(node))
    for predicate in PREDICATES:
        if relations is not None and predicate not in relations:
            continue
        for s, o in reader.graph.subject_objects(KGO[predicate]):
            if s not in nodes or o not in nodes:
                continue
            attrs = reader.edge_attributes(s, predicate, o)
            if min_confidence is not None and attrs.get("confidence", -1.0) < min_confidence:
                continue
            graph.add_edge(str(s), str(o), key=predicate, **attrs)
    if relations is not None:
        graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    return graph


def _actor_graph(directed: nx.MultiDiGraph) -> nx.Graph:
    """Merge the directed relations between each pair of actors into one weighted undirected edge."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(directed.nodes(data=True))
    for s, o, data in directed.edges(data=True):
        if s == o:
            continue  # a self-loop says nothing about who is linked to whom
        if not graph.has_edge(s, o):
            graph.add_edge(s, o, weight=0, evidence=0, relations=[], articles=[], dates=[])
        edge = graph.edges[s, o]
        edge["weight"] += max(data["evidence"], 1)
        edge["evidence"] += data["evidence"]
        for name, values in (("relations", [data["relation"]]), ("articles", data["articles"]),
                             ("dates", data["dates"])):
            edge[name] = sorted(set(edge[name]) | set(values))
        if "confidence" in data:
            edge["confidence"] = max(edge.get("confidence", 0.0), data["confidence"])
    return graph


def to_rdf(graph: nx.Graph) -> Graph:
    """A networkx graph made by ``to_networkx`` (or any subgraph of one) back as RDF, for the network view.

    While the graph still holds the RDF it was read from (``graph.graph["rdf"]``,
    kept by subgraphs and copies), the result is that RDF cut down to the
    graph's entities and relations, with their evidence and articles. Otherwise
    (a graph read back from GraphML, say) it is rebuilt from the attributes:
    types, labels, aliases and relations.
    """
    source = graph.graph.get(SOURCE)
    if isinstance(source, Graph):
        return _rdf_cut(source, graph)
    rdf = bind_prefixes(Graph())
    for node, data in graph.nodes(data=True):
        iri = URIRef(node)
        if data.get("type") in ENTITY_TYPES:
            rdf.add((iri, RDF.type, KGO[data["type"]]))
        rdf.add((iri, RDFS.label, Literal(data.get("label", _local_name(node)))))
        for alias in data.get("aliases", ()):
            rdf.add((iri, SKOS.altLabel, Literal(alias)))
    for s, o, relation in _edge_relations(graph):
        rdf.add((URIRef(s), KGO[relation], URIRef(o)))
    return rdf


def _edge_relations(graph: nx.Graph) -> Iterable[tuple[str, str, str]]:
    """(subject, relation, object) of every relation an edge stands for (actor-graph edges merge several)."""
    for s, o, data in graph.edges(data=True):
        for relation in data.get("relations", [data.get("relation")]):
            if relation in PREDICATES:
                yield s, o, relation


def _rdf_cut(source: Graph, graph: nx.Graph) -> Graph:
    """The part of ``source`` describing ``graph``'s nodes and edges, with their evidence and articles."""
    relation_terms = {KGO[p] for p in PREDICATES}
    cut, articles = bind_prefixes(Graph()), set()
    for node in map(URIRef, graph):
        for p, o in source.predicate_objects(node):
            if p not in relation_terms:
                cut.add((node, p, o))
                if p == KGO.mentionedIn:
                    articles.add(o)
    for s, o, relation in _edge_relations(graph):
        predicate = KGO[relation]
        # An undirected actor-graph edge does not say which way round the RDF states it.
        for subject, obj in ((URIRef(s), URIRef(o)), (URIRef(o), URIRef(s))):
            if (subject, predicate, obj) not in source:
                continue
            cut.add((subject, predicate, obj))
            for evidence in source.subjects(RDF.subject, subject):
                if (evidence, RDF.predicate, predicate) in source and (evidence, RDF.object, obj) in source:
                    for p, o2 in source.predicate_objects(evidence):
                        cut.add((evidence, p, o2))
                    articles.update(source.objects(evidence, PROV.wasDerivedFrom))
    for article in articles:
        for p, o in source.predicate_objects(article):
            cut.add((article, p, o))
    return cut


# ---------------------------------------------------------------- GraphML and GEXF


def _flatten(graph: nx.Graph) -> nx.Graph:
    """A copy whose list-valued attributes are JSON arrays, without None values or the source RDF."""
    def flat(data: dict) -> dict:
        out = {}
        for name, value in data.items():
            if value is None or isinstance(value, Graph):
                continue
            if isinstance(value, (list, tuple, set, frozenset)):
                value = json.dumps(sorted(value) if isinstance(value, (set, frozenset)) else list(value),
                                   ensure_ascii=False)
            out[name] = value
        return out

    copy = graph.__class__()
    copy.graph.update(flat(graph.graph))
    copy.add_nodes_from((n, flat(d)) for n, d in graph.nodes(data=True))
    if graph.is_multigraph():
        copy.add_edges_from((u, v, k, flat(d)) for u, v, k, d in graph.edges(keys=True, data=True))
    else:
        copy.add_edges_from((u, v, flat(d)) for u, v, d in graph.edges(data=True))
    return copy


def _restore(read: nx.Graph, list_attributes: Iterable[str]) -> nx.MultiDiGraph | nx.Graph:
    """The graph as ``to_networkx`` made it: MultiDiGraph keyed by relation (or Graph), lists parsed."""
    names = set(list_attributes)

    def parse(data: dict) -> dict:
        out = {}
        for name, value in data.items():
            if name in names and isinstance(value, str) and value.startswith("["):
                try:
                    value = json.loads(value)
                except json.JSONDecodeError:
                    pass
            out[name] = value
        return out

    import networkx as nx

    graph = nx.MultiDiGraph() if read.is_directed() else nx.Graph()
    graph.graph.update(parse(read.graph))
    graph.add_nodes_from((n, parse(d)) for n, d in read.nodes(data=True))
    edges = read.edges(keys=True, data=True) if read.is_multigraph() else ((u, v, None, d) for u, v, d in read.edges(data=True))
    for u, v, key, data in edges:
        data = {k: val for k, val in parse(data).items() if k != "id"}
        if graph.is_multigraph():
            graph.add_edge(u, v, key=data.get("relation", key), **data)
        else:
            graph.add_edge(u, v, **data)
    return graph


def write_graphml(graph: nx.Graph, path: str | Path) -> Path:
    """Write a graph from ``to_networkx`` as GraphML (lists as JSON arrays)."""
    import networkx as nx

    nx.write_graphml(_flatten(graph), str(path), named_key_ids=True)
    return Path(path)


def read_graphml(path: str | Path, list_attributes: Iterable[str] = LIST_ATTRIBUTES) -> nx.MultiDiGraph | nx.Graph:
    """Read a GraphML file written by ``write_graphml`` back into the graph it came from."""
    import networkx as nx

    return _restore(_read(nx.read_graphml, path, node_type=str, edge_key_type=str), list_attributes)


def write_gexf(graph: nx.Graph, path: str | Path) -> Path:
    """Write a graph from ``to_networkx`` as GEXF 1.2 for Gephi (lists as JSON arrays)."""
    import networkx as nx

    nx.write_gexf(_flatten(graph), str(path))
    return Path(path)


def read_gexf(path: str | Path, list_attributes: Iterable[str] = LIST_ATTRIBUTES) -> nx.MultiDiGraph | nx.Graph:
    """Read a GEXF file written by ``write_gexf`` back into the graph it came from."""
    import networkx as nx

    return _restore(_read(nx.read_gexf, path, node_type=str), list_attributes)


def _read(reader, path: str | Path, **options) -> nx.Graph:
    if not Path(path).is_file():
        raise InputError(f"no such file: {path}")
    try:
        return reader(str(path), **options)
    except Exception as err:  # XML and networkx errors alike: one line for the user
        raise InputError(f"cannot read {path}: {' '.join(str(err).split())[:200]}") from err


# ---------------------------------------------------------------- pandas


def _pandas():
    try:
        import pandas
    except ImportError as err:
        raise MissingExtraError("query_df needs pandas", hint='pip install -e ".[notebooks]"') from err
    return pandas


def _python(value: Any) -> Any:
    """An RDF term (or a value the Store already converted) as a plain Python value."""
    if isinstance(value, Literal):
        converted = value.toPython()
        value = str(value) if isinstance(converted, Literal) else converted  # ill-typed: keep its text
    elif isinstance(value, BNode):
        return f"_:{value}"
    elif isinstance(value, URIRef):
        return str(value)
    if isinstance(value, Decimal):
        return float(value)
    return value


def _column_kind(values: list) -> str:
    """"bool", "int", "float", "datetime" or "string": the narrowest type every non-null value fits."""
    present = [v for v in values if v is not None]
    if not present:
        return "string"
    if all(isinstance(v, bool) for v in present):
        return "bool"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "int"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "float"
    if all(isinstance(v, (date, datetime)) for v in present):
        return "datetime"
    return "string"


def _series(pd, name: str, raw: list):
    values = [_python(v) for v in raw]
    kind = _column_kind(values)
    if kind == "datetime":
        zoned = any(isinstance(v, datetime) and v.tzinfo is not None for v in values)
        return pd.Series(pd.to_datetime(values, utc=zoned), name=name)
    dtype = {"bool": "boolean", "int": "Int64", "float": "float64"}.get(kind, "string")
    if dtype == "string":
        values = [None if v is None else str(v) for v in values]
    return pd.Series(values, name=name, dtype=dtype)


def _term(value: Any):
    """A Python value as an RDF term for a query binding: IRIs stay IRIs, the rest become literals."""
    if isinstance(value, (URIRef, Literal, BNode)):
        return value
    if isinstance(value, str) and re.match(r"^(https?|urn):", value):
        return URIRef(value)
    return Literal(value)


def _resolve_query(sparql_or_name: str) -> str:
    """The SPARQL text of a named query, or the text itself when it is a query."""
    text = sparql_or_name.strip()
    if re.fullmatch(r"[A-Za-z0-9_-]+", text):
        from .store import named_queries

        queries = named_queries()
        if text not in queries:
            raise QueryError(f"no named query {text!r}",
                             hint=f"choose from {', '.join(sorted(queries)) or '(none)'}, or pass SPARQL text")
        return queries[text][1]
    return sparql_or_name


def query_df(store: Any, sparql_or_name: str, **params):
    """Run a SELECT query (SPARQL text or the name of a query in kg/queries/) as a pandas DataFrame.

    ``store`` is a ``kg.Store``, an rdflib Graph or a graph file. ``params``
    bind query variables (``query_df(store, q, entity="https://...")`` binds
    ``?entity``; strings that look like IRIs become IRIs). Columns are typed
    from the values: ``Int64``, ``float64``, ``datetime64``, ``boolean``, and
    ``string`` for IRIs and text; unbound values are missing (<NA>, NaN, NaT).
    """
    pd = _pandas()
    sparql = _resolve_query(sparql_or_name)
    variables, rows = _select(store, sparql, params)
    columns = {name: _series(pd, name, [row[i] for row in rows]) for i, name in enumerate(variables)}
    return pd.DataFrame(columns, columns=variables)


def events_df(source: Any):
    """The graph's events (attacks, captures, clashes, meetings) as a DataFrame, one row each, with ACLED's
    columns (see kg.acled): ``event_date`` as datetime64 (NaT when no report dates it), ``year``,
    ``time_precision``, ``geo_precision`` and ``fatalities`` as Int64, coordinates as float."""
    from .acled import COLUMNS, event_table

    pd = _pandas()
    frame = pd.DataFrame(event_table(source), columns=list(COLUMNS))
    frame["event_date"] = pd.to_datetime(frame["event_date"].replace("", None))
    for column in ("year", "time_precision", "geo_precision", "fatalities"):
        frame[column] = frame[column].astype("Int64")
    for column in ("latitude", "longitude"):
        frame[column] = frame[column].astype("float64")
    return frame


def _select(source: Any, sparql: str, params: dict) -> tuple[list[str], list[tuple]]:
    """(variable names, rows of values) of a SELECT query against a Store, a Graph or a graph file."""
    if not isinstance(source, Graph) and callable(getattr(source, "query_raw", None)):
        return _select_store(source, sparql, params)
    graph = rdf_graph(source)
    refuse_outbound(sparql, hint="rdflib would fetch it; to run SERVICE, query a kg.Store with allow_service=True")
    try:
        result = graph.query(sparql, initBindings={k: _term(v) for k, v in params.items()} or None)
    except Exception as err:  # parse errors from rdflib or pyparsing: one line, not a traceback
        raise QueryError(f"query failed: {' '.join(str(err).split())[:200]}", hint="check the SPARQL text") from err
    if result.type != "SELECT":
        raise QueryError("query_df needs a SELECT query", hint="use Store.construct for CONSTRUCT queries")
    return [str(v) for v in result.vars or []], [tuple(row) for row in result]


def _select_store(store: Any, sparql: str, params: dict) -> tuple[list[str], list[tuple]]:
    """Through the Store's raw result, so that an empty answer still has its columns."""
    import pyoxigraph as ox

    from .store import to_python

    result = store.query_raw(sparql, bindings=params or None)  # the Store raises QueryError itself
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("query_df needs a SELECT query", hint="use Store.construct for CONSTRUCT queries")
    names = [variable.value for variable in result.variables]
    return names, [tuple(to_python(solution[name]) for name in names) for solution in result]


__all__ = [
    "ACTOR_RELATIONS", "LIST_ATTRIBUTES", "events_df", "query_df", "rdf_graph", "read_gexf", "read_graphml", "to_networkx",
    "to_rdf", "write_gexf", "write_graphml",
]
