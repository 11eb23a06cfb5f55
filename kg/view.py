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
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from .model import ENTITY_TYPES, PREDICATES, SYMMETRIC_PREDICATES
from .outputs import atomic_write_text
from .vocab import GEO, KGO, SCHEMA

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

LINK_PREFIXES = {"wikidata": "http://www.wikidata.org/entity/", "geonames": "https://sws.geonames.org/"}


# --- reading the graph --------------------------------------------------------------------------------------------

def view_data(graph: Graph) -> dict[str, list[dict]]:
    """What the page shows, as plain JSON-ready data read from ``graph``.

    ``nodes``: entities (an rdfs:label and one of the nine kgo types) with aliases, linked ids, coordinates and the
    articles that mention them; ``edges``: the nine relations between them, each with its evidence; ``articles``:
    title, date and (http/https only) link, referred to by index.
    """
    types = entity_types(graph)
    articles, article_index = [], {}

    def article_ref(article: Node) -> int:
        if article not in article_index:
            article_index[article] = len(articles)
            articles.append(describe_article(graph, article))
        return article_index[article]

    nodes = [describe_entity(graph, entity, entity_type, article_ref) for entity, entity_type in types.items()]
    evidence = evidence_by_triple(graph, article_ref)
    edges = relation_edges(graph, types, evidence)
    return {"nodes": nodes, "edges": edges, "articles": articles}


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


def evidence_by_triple(graph: Graph, article_ref) -> dict[tuple[Node, str, Node], list[dict]]:
    """kgo:Evidence nodes grouped by the (subject, predicate local name, object) they support."""
    grouped: dict[tuple[Node, str, Node], list[dict]] = defaultdict(list)
    for evidence in graph.subjects(RDF.type, KGO.Evidence):
        predicate = graph.value(evidence, RDF.predicate)
        if predicate is None or not str(predicate).startswith(str(KGO._NS)):
            continue
        key = (graph.value(evidence, RDF.subject), str(predicate)[len(str(KGO._NS)):],
               graph.value(evidence, RDF.object))
        article = graph.value(evidence, PROV.wasDerivedFrom)
        confidence = graph.value(evidence, KGO.confidence)
        grouped[key].append({
            "sentence": str(graph.value(evidence, KGO.sentence) or ""),
            "rule": str(graph.value(evidence, KGO.rule) or ""),
            "confidence": float(confidence) if isinstance(confidence, Literal) else None,
            "article": article_ref(article) if article is not None else None,
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

def layout(node_ids: list[str], edges: list[tuple[str, str]], *, seed: int = 7,
           labels: dict[str, str] | None = None) -> dict[str, tuple[float, float]]:
    """Seeded positions in screen units: each connected component laid out alone, then packed in rows.

    ``labels`` (node -> label) lets lone nodes and pairs keep room for their labels. The browser then draws at once
    with physics off: no stabilisation to wait for, however large the graph.
    """
    graph = nx.Graph()
    graph.add_nodes_from(node_ids)
    graph.add_edges_from(edges)
    widths = {node: label_width((labels or {}).get(node, "")) for node in node_ids}
    components = sorted(nx.connected_components(graph), key=lambda part: (-len(part), min(part)))
    return pack([component_box(graph.subgraph(part), widths, seed) for part in components])


#: Room around each component, in screen units, so that labels of neighbouring components do not collide.
COMPONENT_MARGIN = 45.0


def label_width(label: str) -> float:
    """About how wide vis-network draws ``label`` at zoom 1 (13px sans-serif)."""
    return 6.8 * min(len(label), 60)


def component_box(component: nx.Graph, widths: dict[str, float], seed: int):
    """(positions relative to the centre, half-width, half-height) of one connected component."""
    nodes = sorted(component)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}, max(COMPONENT_MARGIN, widths[nodes[0]] / 2 + 16), COMPONENT_MARGIN
    if len(nodes) == 2:
        left, right = widths[nodes[0]], widths[nodes[1]]
        half = max(75.0, (left + right) / 4 + 18)
        return ({nodes[0]: (-half, 0.0), nodes[1]: (half, 0.0)},
                half + max(left, right) / 2 + 16, COMPONENT_MARGIN)
    radius = COMPONENT_MARGIN + 95.0 * math.sqrt(len(nodes) - 1)
    if len(nodes) <= EXACT_LAYOUT_MAX:
        positions = {node: tuple(xy) for node, xy in nx.spring_layout(component, k=2.5 / math.sqrt(len(nodes)), seed=seed, iterations=100).items()}
    else:
        positions = sampled_force_layout(component, seed=seed)
    scale = (max(math.hypot(*xy) for xy in positions.values()) or 1.0) / (radius - COMPONENT_MARGIN)
    return {node: (float(x) / scale, float(y) / scale) for node, (x, y) in positions.items()}, radius, radius


def sampled_force_layout(graph: nx.Graph, *, seed: int, iterations: int = 50,
                         sample: int = 200) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold with the repulsion of a random sample of nodes standing in for all of them.

    Each step costs O(nodes x sample + edges) instead of O(nodes^2), so 5,000 nodes lay out in seconds with
    numpy alone; the sampling noise is absorbed by the cooling schedule.
    """
    import numpy as np

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


def pack(boxes: list[tuple[dict[str, tuple[float, float]], float, float]]) -> dict[str, tuple[float, float]]:
    """Shelf-pack components (largest first) into rows about as wide as the whole is tall."""
    total_area = sum(4 * half_width * half_height for _, half_width, half_height in boxes)
    row_width = max([math.sqrt(total_area) * 1.3] + [2 * half_width for _, half_width, _ in boxes])
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for local, half_width, half_height in boxes:
        if x > 0 and x + 2 * half_width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (dx, dy) in local.items():
            positions[node] = (round(x + half_width + dx, 1), round(y + half_height + dy, 1))
        x += 2 * half_width
        row_height = max(row_height, 2 * half_height)
    return positions


# --- vis-network options (through pyvis) ----------------------------------------------------------------------------

def vis_elements(data: dict[str, list[dict]], *, seed: int = 7) -> tuple[list[dict], list[dict]]:
    """vis-network node and edge options, built with pyvis's Network (ids are indexes into data's lists)."""
    from pyvis.network import Network

    index = {node["iri"]: i for i, node in enumerate(data["nodes"])}
    pairs = [(edge["from"], edge["to"]) for edge in data["edges"]]
    positions = layout(list(index), pairs, seed=seed, labels={node["iri"]: node["label"] for node in data["nodes"]})
    degree: dict[str, int] = defaultdict(int)
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    net = Network(directed=True)
    for i, node in enumerate(data["nodes"]):
        colour, shape, dashed = TYPE_STYLE[node["type"]]
        x, y = positions[node["iri"]]
        net.add_node(i, label=node["label"], shape=shape, color=colour, value=degree[node["iri"]] + 1,
                     x=x, y=y, borderWidth=2 if dashed else 1,
                     shapeProperties={"borderDashes": [4, 3] if dashed else False})
    for i, (edge, curve) in enumerate(zip(data["edges"], parallel_curves(pairs))):
        net.add_edge(index[edge["from"]], index[edge["to"]], id=i, label=edge["relation"],
                     color=RELATION_COLOURS[edge["relation"]], width=1 + min(len(edge["evidence"]), 4) * 0.5,
                     arrows={"to": {"enabled": edge["directed"], "scaleFactor": 0.6}}, smooth=curve)
    vis_nodes, vis_edges, *_ = net.get_network_data()
    return vis_nodes, vis_edges


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

    Node labels smaller than ``drawThreshold`` pixels are not drawn: small graphs keep them when zoomed out (the
    whole sample fits a notebook cell with its names readable at a squint), large ones shed them until zoomed in.
    """
    busy = edge_count > HIDE_EDGES_ON_MOVE_ABOVE
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {"scaling": {"min": 8, "max": 30, "label": {"enabled": True, "min": 12, "max": 18,
                                                               "drawThreshold": 3 if node_count <= EXACT_LAYOUT_MAX else 6}},
                  "font": {"size": 13, "strokeWidth": 3}},
        "edges": {"font": {"size": 10, "strokeWidth": 3}, "selectionWidth": 2, "smooth": False,
                  "hoverWidth": 1.5},
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
                height: str = "100vh") -> str:
    """The whole network view of ``graph`` as one self-contained HTML page (no request to any host when opened).

    ``theme`` is "light" or "dark" (the page can switch); ``height`` is the CSS height of the page's frame, e.g.
    "650px" when the page is embedded in a notebook.
    """
    if theme not in THEMES:
        raise ValueError(f"theme must be one of {', '.join(THEMES)}, not {theme!r}")
    if not re.fullmatch(r"\d+(\.\d+)?(px|vh|%|em|rem)", height):
        raise ValueError(f"height must be a CSS length such as 650px or 100vh, not {height!r}")
    data = view_data(graph)
    vis_nodes, vis_edges = vis_elements(data, seed=seed)
    payload = {
        "nodes": data["nodes"], "edges": data["edges"], "articles": data["articles"],
        "visNodes": vis_nodes, "visEdges": vis_edges, "options": vis_options(len(vis_nodes), len(vis_edges)),
        "types": {name: {"colour": colour, "shape": shape, "dashed": dashed}
                  for name, (colour, shape, dashed) in TYPE_STYLE.items()},
        "relations": {name: {"colour": RELATION_COLOURS[name], "symmetric": name in SYMMETRIC_PREDICATES}
                      for name in PREDICATES},
    }
    return _template().render(title=title, theme=theme, height=height, vis_js=vis_network_js(),
                              payload=script_json(payload))


def write_html(graph: Graph, path: str | Path, **options: Any) -> Path:
    """Write the network view of ``graph`` to ``path`` (atomically; nothing else is written)."""
    return atomic_write_text(Path(path), render_html(graph, **options))
