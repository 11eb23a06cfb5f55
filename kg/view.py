"""The interactive network view: one self-contained, offline HTML file drawn with vis-network (via pyvis).

It reads an RDF graph only (never spaCy Docs), so the picture always agrees with the store:

    rdflib.Graph --view_data--> plain dicts (entities, relations + evidence, articles)
                 --layout-----> positions (networkx, seeded: the same graph draws the same way)
                 --pyvis------> vis-network node/edge options
                 --template---> kg/templates/network.html with vis-network inlined from kg/static/

Everything shown comes from untrusted articles. It travels to the page as JSON inside a
``<script type="application/json">`` block with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and the page builds
its tooltips with ``textContent`` and links only http(s) URLs, so names and sentences render as text and run nothing.
Nothing is written but the output file (pyvis's own ``write_html`` would copy a ``lib/`` folder into the cwd; we
render our own template instead).
"""
from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from .model import ENTITY_TYPES, PREDICATES, SYMMETRIC_PREDICATES
from .outputs import atomic_write_text
from .vocab import GEO, KGO, SCHEMA, SEM

THEMES = ("light", "dark")

#: Colour (readable on both the light and the dark background), vis-network shape, dashed border.
#: Nine types, seven label-below shapes: the two pairs that share a shape differ by colour and a dashed border.
TYPE_STYLE: dict[str, tuple[str, str, bool]] = {
    "Official": ("#e8590c", "star", False),
    "Person": ("#f59f00", "triangleDown", False),
    "ArmedGroup": ("#e03131", "triangle", False),
    "Force": ("#1c7ed6", "hexagon", False),
    "Organization": ("#9c36b5", "square", True),
    "Country": ("#0c8599", "square", False),
    "Province": ("#2f9e44", "diamond", False),
    "District": ("#94b800", "diamond", True),
    "City": ("#37b24d", "dot", False),
}
#: Edge colour per relation: hostile acts warm, structure cool, ties neutral.
RELATION_COLOURS = {
    "clashedWith": "#e03131", "attacked": "#f76707", "captured": "#c2255c",
    "spokesmanFor": "#7048e8", "officialOf": "#4263eb", "memberOf": "#1098ad",
    "capitalOf": "#2b8a3e", "locatedIn": "#66a80f", "metWith": "#868e96",
}
#: Connected components up to this size get networkx's exact spring layout; larger ones a sampled force layout
#: (networkx's spring layout needs minutes at 2,000 nodes, and vis-network's own physics is as slow in the browser).
EXACT_LAYOUT_MAX = 300
#: Above this many edges the page hides edges while the user drags or zooms, so panning stays fluid.
HIDE_EDGES_ON_MOVE_ABOVE = 1500
#: Above this many entities the page opens with the entities that have no relation hidden: in a big graph they are
#: rows of names under the network that push it into a corner of the first view.
HIDE_UNRELATED_ABOVE = 300

LINK_PREFIXES = {"wikidata": "http://www.wikidata.org/entity/", "geonames": "https://sws.geonames.org/"}


# --- reading the graph --------------------------------------------------------------------------------------------

def view_data(graph: Graph) -> dict[str, list[dict]]:
    """What the page shows, as plain JSON-ready data read from ``graph``.

    ``nodes``: entities (an rdfs:label and one of the nine kgo types) with aliases, linked ids, coordinates and the
    articles that mention them; ``edges``: the nine relations between them, each with its evidence (who says so, and
    the date of the event its sentence tells) and ``dates``, those events' dates; ``articles``: title, date and
    (http/https only) link, referred to by index.
    """
    types = entity_types(graph)
    articles, article_index = [], {}

    def article_ref(article: Node) -> int:
        if article not in article_index:
            article_index[article] = len(articles)
            articles.append(describe_article(graph, article))
        return article_index[article]

    nodes = [describe_entity(graph, entity, entity_type, article_ref) for entity, entity_type in types.items()]
    evidence = evidence_by_triple(graph, article_ref, event_dates(graph))
    edges = relation_edges(graph, types, evidence)
    for edge in edges:  # the dates of the events the relation's sentences tell (for the page's date filter)
        edge["dates"] = sorted({item["date"] for item in edge["evidence"] if item.get("date")})
    return {"nodes": nodes, "edges": edges, "articles": articles}


def event_dates(graph: Graph) -> dict[tuple[Node, int], str]:
    """(article, sentence start) -> the date of the event that sentence tells (kg.events): a relation read in the
    same sentence happened then."""
    dates: dict[tuple[Node, int], str] = {}
    for evidence in graph.subjects(RDF.predicate, RDF.type):
        stamp = graph.value(graph.value(evidence, RDF.subject), SEM.hasTimeStamp)
        start, article = graph.value(evidence, KGO.startChar), graph.value(evidence, PROV.wasDerivedFrom)
        if stamp is not None and start is not None and article is not None:
            dates[(article, int(start))] = str(stamp)[:10]
    return dates


def entity_types(graph: Graph) -> dict[URIRef, str]:
    """Each labelled entity and its type; an entity typed twice keeps the more specific (ENTITY_TYPES order)."""
    found: dict[URIRef, str] = {}
    for entity_type in reversed(ENTITY_TYPES):
        for entity in graph.subjects(RDF.type, KGO[entity_type]):
            if isinstance(entity, URIRef) and graph.value(entity, RDFS.label) is not None:
                found[entity] = entity_type
    return dict(sorted(found.items(), key=lambda item: (str(graph.value(item[0], RDFS.label)).lower(), item[0])))


def describe_entity(graph: Graph, entity: URIRef, entity_type: str, article_ref) -> dict[str, Any]:
    label = str(graph.value(entity, RDFS.label)).strip() or str(entity).rstrip("/").rsplit("/", 1)[-1]
    aliases = sorted({str(alias) for alias in graph.objects(entity, SKOS.altLabel)} - {label})
    mentioned = sorted(graph.objects(entity, KGO.mentionedIn), key=lambda article: str(article))
    node: dict[str, Any] = {
        "iri": str(entity), "label": label, "type": entity_type, "aliases": aliases,
        "links": linked_ids(graph, entity), "articles": [article_ref(article) for article in mentioned],
    }
    lat, long = graph.value(entity, GEO.lat), graph.value(entity, GEO.long)
    if isinstance(lat, Literal) and isinstance(long, Literal):
        node["coords"] = [str(lat), str(long)]
    return node


def linked_ids(graph: Graph, entity: URIRef) -> list[dict[str, str | None]]:
    """Wikidata, GeoNames and owl:sameAs links as {kind, id, url}; url only when it is http(s).

    An owl:sameAs that repeats a kgo:wikidata or kgo:geonames id (kg writes both) is listed once.
    """
    links, seen = [], set()
    for kind, predicate in (("wikidata", KGO.wikidata), ("geonames", KGO.geonames), ("sameAs", OWL.sameAs)):
        for value in sorted(graph.objects(entity, predicate), key=str):
            text = str(value)
            url = text if isinstance(value, URIRef) else LINK_PREFIXES.get(kind, "") + text
            if url.rstrip("/") not in seen:
                seen.add(url.rstrip("/"))
                links.append({"kind": kind, "id": text, "url": web_url(url)})
    return links


def describe_article(graph: Graph, article: Node) -> dict[str, str | None]:
    title = graph.value(article, SCHEMA.headline)
    date = graph.value(article, SCHEMA.datePublished)
    url = graph.value(article, SCHEMA.url)
    return {
        "title": str(title) if title is not None else str(article).rsplit("/", 1)[-1],
        "date": str(date) if date is not None else None,
        "url": web_url(str(url)) if url is not None else None,
    }


def web_url(text: str) -> str | None:
    """``text`` when it is an http(s) URL, else None: a ``javascript:`` or ``data:`` link is never rendered."""
    stripped = text.strip()
    return stripped if stripped.lower().startswith(("http://", "https://")) else None


def evidence_by_triple(graph: Graph, article_ref, dates: dict[tuple[Node, int], str] | None = None,
                       ) -> dict[tuple[Node, str, Node], list[dict]]:
    """kgo:Evidence nodes grouped by the (subject, predicate local name, object) they support, each with who says so
    and the date of the event its sentence tells (``dates``, from ``event_dates``)."""
    grouped: dict[tuple[Node, str, Node], list[dict]] = defaultdict(list)
    for evidence in graph.subjects(RDF.type, KGO.Evidence):
        predicate = graph.value(evidence, RDF.predicate)
        if predicate is None or not str(predicate).startswith(str(KGO._NS)):
            continue
        key = (graph.value(evidence, RDF.subject), str(predicate)[len(str(KGO._NS)):],
               graph.value(evidence, RDF.object))
        article = graph.value(evidence, PROV.wasDerivedFrom)
        confidence = graph.value(evidence, KGO.confidence)
        start, stance = graph.value(evidence, KGO.startChar), graph.value(evidence, KGO.stance)
        source = graph.value(graph.value(evidence, KGO.accordingTo), RDFS.label)
        grouped[key].append({
            "sentence": str(graph.value(evidence, KGO.sentence) or ""),
            "rule": str(graph.value(evidence, KGO.rule) or ""),
            "confidence": float(confidence) if isinstance(confidence, Literal) else None,
            "article": article_ref(article) if article is not None else None,
            "stance": str(stance).rsplit("#", 1)[-1] if stance is not None else None,
            "source": str(source) if source is not None else None,
            "contested": (evidence, KGO.contested, Literal(True)) in graph,
            "date": (dates or {}).get((article, int(start))) if start is not None else None,
        })
    for items in grouped.values():
        items.sort(key=lambda item: (-(item["confidence"] or 0), item["sentence"]))
    return grouped


def relation_edges(graph: Graph, types: dict[URIRef, str], evidence) -> list[dict[str, Any]]:
    """One edge per relation triple between shown entities; a symmetric relation stated both ways is one edge."""
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for predicate in PREDICATES:
        symmetric = predicate in SYMMETRIC_PREDICATES
        for subject, obj in graph.subject_objects(KGO[predicate]):
            if subject not in types or obj not in types:
                continue
            ends = sorted((str(subject), str(obj))) if symmetric else [str(subject), str(obj)]
            key = (ends[0], predicate, ends[1])
            edge = edges.setdefault(key, {"from": ends[0], "to": ends[1], "relation": predicate,
                                          "directed": not symmetric, "evidence": []})
            edge["evidence"].extend(evidence.get((subject, predicate, obj), []))
    return sorted(edges.values(), key=lambda edge: (edge["from"], edge["relation"], edge["to"]))


# --- parts of a graph: around an entity, or what a query returned ----------------------------------------------

def find_entities(graph: Graph, name: str) -> set[URIRef]:
    """Entities whose label or alias is ``name`` (case-insensitive), or whose IRI it is."""
    types = entity_types(graph)
    by_iri = {str(entity): entity for entity in types}
    if name in by_iri:
        return {by_iri[name]}
    wanted = name.strip().casefold()
    return {entity for entity in types
            if any(str(label).casefold() == wanted
                   for predicate in (RDFS.label, SKOS.altLabel) for label in graph.objects(entity, predicate))}


def neighbourhood(graph: Graph, name: str, hops: int = 1) -> Graph:
    """The entities within ``hops`` relations of the entity called ``name`` (either direction), as a graph."""
    from .errors import KGError

    seeds = find_entities(graph, name)
    if not seeds:
        raise KGError(f"no entity is called {name!r}",
                      hint="give a label or alias as it appears in the graph, e.g. one from: kg query --name connected")
    types = entity_types(graph)
    links = nx.Graph()
    for predicate in PREDICATES:
        links.add_edges_from((s, o) for s, o in graph.subject_objects(KGO[predicate]) if s in types and o in types)
    keep = set(seeds)
    for seed in seeds:
        if seed in links:
            keep |= set(nx.single_source_shortest_path_length(links, seed, cutoff=hops))
    return subgraph(graph, keep)


def query_subgraph(graph: Graph, result: Graph | list[dict]) -> Graph:
    """The part of ``graph`` a query result names: a CONSTRUCT's entities and relation triples, or the entities
    (by IRI or by label) in a SELECT's rows, with every relation among them."""
    types = entity_types(graph)
    if isinstance(result, Graph):
        entities = {term for triple in result for term in (triple[0], triple[2]) if term in types}
        relations = {(s, p, o) for s, p, o in result if p in RELATION_IRIS and s in types and o in types}
        return subgraph(graph, entities, relations or None)
    by_name: dict[str, set[URIRef]] = defaultdict(set)
    for entity in types:
        by_name[str(entity)].add(entity)
        by_name[str(graph.value(entity, RDFS.label))].add(entity)
    entities: set[URIRef] = set()
    for row in result:
        for value in row.values():
            if value is not None:
                entities |= by_name.get(str(value), set())
    return subgraph(graph, entities)


RELATION_IRIS = frozenset(KGO[predicate] for predicate in PREDICATES)


def subgraph(graph: Graph, entities: set[URIRef], relations: set[tuple] | None = None) -> Graph:
    """``entities`` with their descriptions, the relations among them (only ``relations`` when given) with their
    evidence, and the articles either mentions."""
    part = Graph()
    articles = set()
    for entity in entities:
        for _, predicate, obj in graph.triples((entity, None, None)):
            if predicate in RELATION_IRIS:
                if obj not in entities or (relations is not None and (entity, predicate, obj) not in relations):
                    continue
            elif predicate == KGO.mentionedIn:
                articles.add(obj)
            part.add((entity, predicate, obj))
    for evidence in graph.subjects(RDF.type, KGO.Evidence):
        triple = (graph.value(evidence, RDF.subject), graph.value(evidence, RDF.predicate),
                  graph.value(evidence, RDF.object))
        if None not in triple and triple in part:
            for _, predicate, obj in graph.triples((evidence, None, None)):
                part.add((evidence, predicate, obj))
                if predicate == PROV.wasDerivedFrom:
                    articles.add(obj)
    for article in articles:
        for triple in graph.triples((article, None, None)):
            part.add(triple)
    return part


# --- layout -------------------------------------------------------------------------------------------------------
#
# Positions are in screen pixels at zoom 1. The page draws every name at least LABEL_PX pixels high whatever the zoom
# (kg/templates/network.html, "names"), under its node where there is room (else beside it), and leaves out a name
# that would cover another; the layout makes room under every node for its name at zoom 1, so zooming in to 1 shows
# them all, and the first, fitted view as many as fit.

#: Names' font size in pixels; the page gets each node's (payload "names").
LABEL_PX = 12
HUB_LABEL_PX = 14
#: A node with this many relations or more is a hub: its name is drawn larger and bold.
HUB_DEGREE = 6
#: Node radius in pixels: the least connected nodes are the smallest, the best connected the largest.
NODE_SIZE = (8.0, 30.0)
#: Names longer than this are cut with an ellipsis in the drawing (the whole name is in the tooltip).
LABEL_MAX_CHARS = 48
#: Room between a node and its name, and the height of a name's line, as the page draws them.
LABEL_GAP = 3.0
LABEL_LINE = 1.25
#: Clear space kept between any two nodes' footprints (a node and the name under it).
PAD = 6.0
#: Length of a typical relation in a laid-out component, before names push their nodes apart.
EDGE_LENGTH = 70.0
#: Space around each packed component: a floor, plus a share of the component's own size, so that big components
#: stand apart from each other and small ones do not sit in a sea of white.
COMPONENT_GAP, COMPONENT_GAP_SHARE = 24.0, 0.06
#: A typical window's drawing area in pixels (a 1280 x 820 browser window less the side panel): components are
#: packed to fill its shape, so the first view, which fits the whole, is as close to zoom 1 as it can be.
VIEW = (980.0, 720.0)


def label_width(label: str, px: float = LABEL_PX) -> float:
    """About how wide the page draws ``label`` at ``px`` (wide fonts such as DejaVu Sans average 0.55 px per px)."""
    return 0.6 * px * min(len(label), LABEL_MAX_CHARS + 1)


def node_sizes(degree: dict[str, int]) -> dict[str, float]:
    """Node radius by number of relations, on a square-root scale (area grows with degree)."""
    most = max(degree.values(), default=0) or 1
    low, high = NODE_SIZE
    return {node: round(low + (high - low) * math.sqrt(d / most), 1) for node, d in degree.items()}


def label_sizes(degree: dict[str, int]) -> dict[str, int]:
    """Each node's name size in pixels."""
    return {node: HUB_LABEL_PX if d >= HUB_DEGREE else LABEL_PX for node, d in degree.items()}


def layout(node_ids: list[str], edges: list[tuple[str, str]], *, seed: int = 7,
           labels: dict[str, str] | None = None) -> dict[str, tuple[float, float]]:
    """Seeded positions in pixels at zoom 1, with room for every node's name under it.

    Each connected component is laid out alone (spring layout), scaled to a common relation length and spread until
    no two footprints (node plus name) overlap; the components are then packed with margins that grow with their
    size, and the entities with no relation go last, in rows sorted by name (the page can hide them).

    The page draws names at a fixed size in pixels while zoomed out, so in the first, fitted view names are larger
    against the network than at zoom 1 and only those that fit are drawn; the tighter the packing, the more fit.
    """
    graph = nx.Graph()
    graph.add_nodes_from(node_ids)
    graph.add_edges_from(edges)
    if not node_ids:
        return {}
    degree = dict(graph.degree())
    sizes, pxs = node_sizes(degree), label_sizes(degree)
    names = labels or {}
    components = sorted(nx.connected_components(graph), key=lambda part: (-len(part), min(part)))
    parts = [sorted(part) for part in components if len(part) > 1]
    shapes = [component_shape(ordered_subgraph(graph, part), seed) for part in parts]
    lonely = sorted((part.pop() for part in components if len(part) == 1), key=lambda n: (names.get(n, ""), n))
    footprints = {node: footprint(names.get(node, ""), sizes[node], pxs[node]) for node in node_ids}
    boxes = [component_box(part, spread(part, xy, footprints), footprints) for part, xy in zip(parts, shapes)]
    return pack(boxes, [(node, footprints[node]) for node in lonely])


def ordered_subgraph(graph: nx.Graph, nodes: list[str]) -> nx.Graph:
    """The part of ``graph`` on ``nodes``, iterated in that order. (``graph.subgraph`` iterates a small part in the
    order of a set of strings, which changes from one Python process to the next, and the seeded spring layout with
    it.)"""
    part = nx.Graph()
    part.add_nodes_from(nodes)
    part.add_edges_from(graph.edges(nodes))
    return part


def component_shape(component: nx.Graph, seed: int):
    """A component's node positions (sorted node order) before names are given room: spring layout, scaled so a
    typical relation is EDGE_LENGTH long; a pair side by side."""
    nodes = sorted(component)
    if len(nodes) == 2:
        return np.array([[0.0, 0.0], [EDGE_LENGTH, 0.0]])
    if len(nodes) <= EXACT_LAYOUT_MAX:
        raw = nx.spring_layout(component, k=2.5 / math.sqrt(len(nodes)), seed=seed, iterations=100)
    else:
        raw = sampled_force_layout(component, seed=seed)
    xy = np.array([raw[node] for node in nodes], dtype=float)
    index = {node: i for i, node in enumerate(nodes)}
    ends = np.array([(index[a], index[b]) for a, b in component.edges])
    typical = float(np.median(np.linalg.norm(xy[ends[:, 0]] - xy[ends[:, 1]], axis=1))) or 1.0
    return xy * (EDGE_LENGTH / typical)


def footprint_arrays(nodes: list[str], footprints: dict[str, tuple[float, float, float]]):
    return tuple(np.array([footprints[node][k] for node in nodes]) for k in range(3))


def spread(nodes: list[str], xy, footprints):
    """``xy`` enlarged as a whole if its footprints crowd it, then moved until no two overlap."""
    half_width, above, below = footprint_arrays(nodes, footprints)
    return separate(xy * crowding(xy, half_width, above, below), half_width, above, below)


def footprint(label: str, size: float, px: float) -> tuple[float, float, float]:
    """(half its width, how far it reaches above its centre, how far below) for a node with its name under it."""
    return (max(size, label_width(label, px) / 2) + PAD / 2, size + PAD / 2,
            size + LABEL_GAP + px * LABEL_LINE + PAD / 2)


def component_box(nodes: list[str], xy, footprints):
    """(positions relative to the centre of its footprints' bounding box, half-width, half-height) of a component."""
    half_width, above, below = footprint_arrays(nodes, footprints)
    left, right = (xy[:, 0] - half_width).min(), (xy[:, 0] + half_width).max()
    top, bottom = (xy[:, 1] - above).min(), (xy[:, 1] + below).max()
    centre = np.array([(left + right) / 2, (top + bottom) / 2])
    local = {node: (float(x), float(y)) for node, (x, y) in zip(nodes, xy - centre)}
    return local, float(right - left) / 2, float(bottom - top) / 2


def separate(xy, half_width, above, below, *, rounds: int = 150, patience: int = 10):
    """Move nodes apart until no two footprints overlap (or ``rounds`` run out).

    Each overlapping pair moves apart along the line between them, just far enough to clear (PRISM's rule), so the
    picture keeps its shape: a hub's crowded neighbours fan out instead of stacking into columns. A dense core cannot
    spread by such local pushes alone (its nodes push each other back and forth), so when the overlaps stop
    falling for ``patience`` rounds the whole picture is enlarged by a tenth.
    """
    xy = xy.copy()
    fewest, stalled = None, 0
    for _ in range(rounds):
        i, j = overlapping_pairs(xy, half_width, above, below)
        if not len(i):
            break
        if fewest is None or len(i) < 0.9 * fewest:
            fewest, stalled = len(i), 0
        else:
            stalled += 1
        if stalled >= patience:
            centre = xy.mean(axis=0)
            xy = (xy - centre) * 1.1 + centre
            fewest, stalled = None, 0
            continue
        delta = xy[j] - xy[i]
        same = (np.abs(delta) < 1e-6).all(axis=1)  # on top of each other: part them along a fixed direction
        delta[same] = np.column_stack([np.cos(i[same] * 2.4), np.sin(i[same] * 2.4)]) * 1e-3
        need_x = half_width[i] + half_width[j]
        need_y = np.where(delta[:, 1] >= 0, below[i] + above[j], below[j] + above[i])
        stretch = np.minimum(need_x / np.maximum(np.abs(delta[:, 0]), 1e-9),
                             need_y / np.maximum(np.abs(delta[:, 1]), 1e-9))
        push = delta * (np.minimum(stretch, 3.0) - 1.0)[:, None] / 2 + np.sign(delta) * 0.5
        move = np.zeros_like(xy)
        np.add.at(move, i, -push)
        np.add.at(move, j, push)
        # A node caught in many overlaps must not fly off by their sum.
        count = np.bincount(np.concatenate([i, j]), minlength=len(xy))[:, None]
        xy += move / np.maximum(count, 1) ** 0.5
    return xy


def crowding(xy, half_width, above, below, *, fill: float = 0.3) -> float:
    """How much to enlarge a layout so its footprints cover at most ``fill`` of its bounding box (1: no need)."""
    span = xy.max(axis=0) - xy.min(axis=0) + np.array([2 * half_width.mean(), (above + below).mean()])
    covered = float((2 * half_width * (above + below)).sum())
    return max(1.0, math.sqrt(covered / (fill * float(span[0] * span[1]))))


def overlapping_pairs(xy, half_width, above, below):
    """Index arrays (i, j) of the node pairs whose footprints overlap, by a sweep along x (no n x n matrix)."""
    order = np.argsort(xy[:, 0], kind="stable")
    xs, reach = xy[order, 0], half_width[order]
    widest = 2 * float(reach.max(initial=0.0))
    found_i, found_j = [], []
    for k in range(1, len(order)):
        gap = xs[k:] - xs[:-k]
        if gap.min() >= widest:
            break
        a, b = order[:-k], order[k:]
        hit = gap < half_width[a] + half_width[b]
        hit &= (np.minimum(xy[a, 1] + below[a], xy[b, 1] + below[b])
                > np.maximum(xy[a, 1] - above[a], xy[b, 1] - above[b]))
        found_i.append(a[hit])
        found_j.append(b[hit])
    if not found_i:
        return np.array([], dtype=int), np.array([], dtype=int)
    return np.concatenate(found_i), np.concatenate(found_j)


def sampled_force_layout(graph: nx.Graph, *, seed: int, iterations: int = 50,
                         sample: int = 200) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold with the repulsion of a random sample of nodes standing in for all of them.

    Each step costs O(nodes x sample + edges) instead of O(nodes^2), so 5,000 nodes lay out in seconds with
    numpy alone; the sampling noise is absorbed by the cooling schedule.
    """
    nodes = sorted(graph)
    index = {node: i for i, node in enumerate(nodes)}
    ends = np.array([(index[a], index[b]) for a, b in graph.edges], dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    count = len(nodes)
    positions = rng.uniform(-1.0, 1.0, (count, 2)) * math.sqrt(count)
    pivots = min(count, sample)
    for step in range(iterations):
        temperature = 0.1 * math.sqrt(count) * (1.0 - step / iterations) + 0.01
        chosen = rng.choice(count, pivots, replace=False)
        delta = positions[:, None, :] - positions[None, chosen, :]
        squared = np.einsum("ijk,ijk->ij", delta, delta) + 0.01
        displacement = np.einsum("ijk,ij->ik", delta, 1.0 / squared) * (count / pivots)
        stretch = positions[ends[:, 0]] - positions[ends[:, 1]]
        pull = stretch * np.linalg.norm(stretch, axis=1)[:, None]
        np.add.at(displacement, ends[:, 0], -pull)
        np.add.at(displacement, ends[:, 1], pull)
        length = np.linalg.norm(displacement, axis=1)[:, None] + 1e-9
        positions += displacement / length * np.minimum(length, temperature)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, positions - positions.mean(axis=0))}


def pack(boxes: list[tuple[dict[str, tuple[float, float]], float, float]],
         lonely: list[tuple[str, tuple[float, float, float]]]) -> dict[str, tuple[float, float]]:
    """Components packed together, then the ``lonely`` nodes (with their footprints) in rows below them: of a few
    strip widths, the one whose picture fits VIEW at the largest zoom."""
    padded = []
    for local, half_width, half_height in sorted(boxes, key=lambda box: -box[2]):
        margin = COMPONENT_GAP / 2 + COMPONENT_GAP_SHARE * max(half_width, half_height)
        padded.append((local, half_width + margin, half_height + margin))
    area = sum(4 * hw * hh for _, hw, hh in padded) + sum(2 * hw * (above + below) for _, (hw, above, below) in lonely)
    widest = max([2 * hw for _, hw, _ in padded] + [2 * hw for _, (hw, _, _) in lonely])
    best = None
    for step in range(16):  # strips from 0.7 to 2.9 times as wide as a picture of VIEW's shape would be
        width = max(widest, math.sqrt(area * VIEW[0] / VIEW[1]) * 0.7 * 1.1 ** step)
        positions, used_width, height = skyline_pack(padded, width)
        if lonely:
            placed, height = rows(lonely, max(used_width, widest), top=height + (COMPONENT_GAP if padded else 0.0))
            positions.update(placed)
        zoom = min(VIEW[0] / max(used_width, widest), VIEW[1] / max(height, 1.0))
        if best is None or zoom > best[0] + 1e-9:
            best = (zoom, positions)
    return best[1]


def skyline_pack(padded, width: float) -> tuple[dict[str, tuple[float, float]], float, float]:
    """Place boxes (tallest first) each where it sits highest in a strip ``width`` wide (skyline packing: a small
    component fills the space beside a tall one instead of starting a row). Returns (positions, width used,
    height)."""
    skyline = [[0.0, width, 0.0]]  # segments [x, width, depth filled so far]
    positions: dict[str, tuple[float, float]] = {}
    used = height = 0.0
    for local, half_width, half_height in padded:
        x, y = lowest_spot(skyline, 2 * half_width)
        raise_skyline(skyline, x, 2 * half_width, y + 2 * half_height)
        used, height = max(used, x + 2 * half_width), max(height, y + 2 * half_height)
        for node, (dx, dy) in local.items():
            positions[node] = (round(x + half_width + dx, 1), round(y + half_height + dy, 1))
    return positions, used, height


def lowest_spot(skyline: list[list[float]], width: float) -> tuple[float, float]:
    """The leftmost of the least deep places on ``skyline`` where something ``width`` wide fits."""
    best = None
    for start, (x, _, _) in enumerate(skyline):
        if x + width > skyline[-1][0] + skyline[-1][1] + 1e-6:
            break
        depth, covered, k = 0.0, 0.0, start
        while covered < width - 1e-6:
            depth = max(depth, skyline[k][2])
            covered += skyline[k][1]
            k += 1
        if best is None or depth < best[1] - 1e-6:
            best = (x, depth)
    return best if best is not None else (0.0, max(segment[2] for segment in skyline))


def raise_skyline(skyline: list[list[float]], x: float, width: float, depth: float) -> None:
    """Record that [x, x + width] is now filled down to ``depth``, merging level neighbours."""
    end = x + width
    pieces = []
    for sx, sw, sd in skyline:
        if sx + sw <= x + 1e-6 or sx >= end - 1e-6:
            pieces.append([sx, sw, sd])
            continue
        if sx < x:
            pieces.append([sx, x - sx, sd])
        if sx + sw > end:
            pieces.append([end, sx + sw - end, sd])
    pieces.append([x, width, depth])
    pieces.sort()
    skyline[:] = []
    for piece in pieces:
        if skyline and abs(skyline[-1][2] - piece[2]) < 1e-6:
            skyline[-1][1] += piece[1]
        else:
            skyline.append(piece)


def rows(nodes: list[tuple[str, tuple[float, float, float]]], width: float,
         top: float) -> tuple[dict[str, tuple[float, float]], float]:
    """Lone nodes left to right in rows at most ``width`` wide, starting at ``top``; and where the rows end."""
    positions: dict[str, tuple[float, float]] = {}
    x, y, row_height = 0.0, top, 0.0
    for node, (half_width, above, below) in nodes:
        if x > 0 and x + 2 * half_width > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        positions[node] = (round(x + half_width, 1), round(y + above, 1))
        x += 2 * half_width
        row_height = max(row_height, above + below)
    return positions, y + row_height


# --- vis-network options (through pyvis) ----------------------------------------------------------------------------

def vis_elements(data: dict[str, list[dict]], *, seed: int = 7) -> tuple[list[dict], list[dict], list[int]]:
    """vis-network node and edge options, built with pyvis's Network (ids are indexes into data's lists), and each
    node's name size in pixels. Names are drawn by the page itself (see ``layout``), so vis-network gets none."""
    from pyvis.network import Network

    index = {node["iri"]: i for i, node in enumerate(data["nodes"])}
    pairs = [(edge["from"], edge["to"]) for edge in data["edges"]]
    positions = layout(list(index), pairs, seed=seed, labels={node["iri"]: node["label"] for node in data["nodes"]})
    degree = dict.fromkeys(index, 0)
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    sizes, pxs = node_sizes(degree), label_sizes(degree)
    net = Network(directed=True)
    for i, node in enumerate(data["nodes"]):
        colour, shape, dashed = TYPE_STYLE[node["type"]]
        x, y = positions[node["iri"]]
        net.add_node(i, label=node["label"], shape=shape, color=colour, size=sizes[node["iri"]],
                     x=x, y=y, borderWidth=2 if dashed else 1,
                     shapeProperties={"borderDashes": [4, 3] if dashed else False})
    for i, (edge, curve) in enumerate(zip(data["edges"], parallel_curves(pairs))):
        net.add_edge(index[edge["from"]], index[edge["to"]], id=i, label=edge["relation"],
                     color=RELATION_COLOURS[edge["relation"]], width=1 + min(len(edge["evidence"]), 4) * 0.5,
                     arrows={"to": {"enabled": edge["directed"], "scaleFactor": 0.6}}, smooth=curve)
    vis_nodes, vis_edges, *_ = net.get_network_data()
    for vis_node in vis_nodes:
        del vis_node["label"]  # the page draws names (data.nodes[i].label) where they fit
    return vis_nodes, vis_edges, [pxs[node["iri"]] for node in data["nodes"]]


def parallel_curves(pairs: list[tuple[str, str]]) -> list[dict[str, Any] | bool]:
    """Straight lines, except that several relations between one pair of entities bend apart."""
    seen: dict[frozenset, int] = defaultdict(int)
    curves: list[dict[str, Any] | bool] = []
    for a, b in pairs:
        k = seen[frozenset((a, b))]
        seen[frozenset((a, b))] += 1
        curves.append({"enabled": True, "type": "curvedCW" if k % 2 else "curvedCCW",
                       "roundness": 0.15 * ((k + 1) // 2)} if k else False)
    return curves


def vis_options(node_count: int, edge_count: int) -> dict[str, Any]:
    """vis-network options: positions come from Python, so physics is off and the first frame is the final one.

    Relation names on edges are drawn only once they are at least 9 pixels high (zoomed in), so they do not
    litter the overview.
    """
    busy = edge_count > HIDE_EDGES_ON_MOVE_ABOVE
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {"borderWidthSelected": 3},
        "edges": {"font": {"size": 10, "strokeWidth": 3}, "scaling": {"label": {"drawThreshold": 10}},
                  "selectionWidth": 2, "smooth": False, "hoverWidth": 1.5},
        "interaction": {"hover": True, "hideEdgesOnDrag": busy, "hideEdgesOnZoom": busy,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
        "physics": {"enabled": False},
    }


# --- the page -----------------------------------------------------------------------------------------------------

def script_json(value: Any) -> str:
    """JSON that is safe inside a <script> block: no ``</script>``, ``<!--``, entity or line-separator tricks."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """vis-network's standalone build, vendored in kg/static with its license header."""
    return resources.files("kg").joinpath("static/vis-network.min.js").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, select_autoescape

    source = resources.files("kg").joinpath("templates/network.html").read_text(encoding="utf-8")
    return Environment(autoescape=select_autoescape(default=True, default_for_string=True)).from_string(source)


def render_html(graph: Graph, *, theme: str = "light", title: str = "kg network", seed: int = 7,
                height: str = "100vh", hide_unrelated: bool | None = None) -> str:
    """The whole network view of ``graph`` as one self-contained HTML page (no request to any host when opened).

    ``theme`` is "light" or "dark" (the page can switch); ``height`` is the CSS height of the page's frame, e.g.
    "650px" when the page is embedded in a notebook. ``hide_unrelated`` is whether the page opens with the entities
    that have no relation hidden (a checkbox shows them); by default they are hidden above HIDE_UNRELATED_ABOVE
    entities.
    """
    if theme not in THEMES:
        raise ValueError(f"theme must be one of {', '.join(THEMES)}, not {theme!r}")
    if not re.fullmatch(r"\d+(\.\d+)?(px|vh|%|em|rem)", height):
        raise ValueError(f"height must be a CSS length such as 650px or 100vh, not {height!r}")
    data = view_data(graph)
    vis_nodes, vis_edges, label_px = vis_elements(data, seed=seed)
    if hide_unrelated is None:
        hide_unrelated = len(vis_nodes) > HIDE_UNRELATED_ABOVE
    payload = {
        "nodes": data["nodes"], "edges": data["edges"], "articles": data["articles"],
        "visNodes": vis_nodes, "visEdges": vis_edges, "options": vis_options(len(vis_nodes), len(vis_edges)),
        "names": {"px": label_px, "hubPx": HUB_LABEL_PX, "maxChars": LABEL_MAX_CHARS, "gap": LABEL_GAP,
                  "line": LABEL_LINE},
        "hideUnrelated": hide_unrelated,
        "dates": _date_range(data["edges"]),
        "types": {name: {"colour": colour, "shape": shape, "dashed": dashed}
                  for name, (colour, shape, dashed) in TYPE_STYLE.items()},
        "relations": {name: {"colour": RELATION_COLOURS[name], "symmetric": name in SYMMETRIC_PREDICATES}
                      for name in PREDICATES},
    }
    return _template().render(title=title, theme=theme, height=height, vis_js=vis_network_js(),
                              payload=script_json(payload))


def _date_range(edges: list[dict]) -> dict[str, str] | None:
    """The first and last event date behind any relation (None: the page shows no date filter)."""
    dates = [date for edge in edges for date in edge["dates"]]
    return {"min": min(dates), "max": max(dates)} if dates else None


def write_html(graph: Graph, path: str | Path, **options: Any) -> Path:
    """Write the network view of ``graph`` to ``path`` (atomically; nothing else is written)."""
    return atomic_write_text(Path(path), render_html(graph, **options))
