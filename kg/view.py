"""The interactive network view (pyvis). Reads an RDF graph, never spaCy Docs."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from .model import ENTITY_TYPES, PREDICATES
from .outputs import atomic_write_text
from .vocab import KGO

COLOURS = {
    "Official": "#e6550d", "Person": "#fd8d3c", "ArmedGroup": "#d62728", "Force": "#1f77b4",
    "Organization": "#9467bd", "City": "#2ca02c", "Province": "#98df8a", "Country": "#17becf",
    "District": "#bcbd22",
}


def graph_elements(graph: Graph) -> tuple[list[dict], list[dict]]:
    """Nodes (entities with a label and one of the nine types) and edges (the nine relations)."""
    type_of: dict[URIRef, str] = {}
    for entity_type in ENTITY_TYPES:
        for node in graph.subjects(RDF.type, KGO[entity_type]):
            if type_of.get(node) != "Official":
                type_of[node] = entity_type
    nodes = [
        {"id": str(node), "label": str(graph.value(node, RDFS.label) or node), "type": entity_type}
        for node, entity_type in sorted(type_of.items())
    ]
    edges = []
    for predicate in PREDICATES:
        for s, o in graph.subject_objects(KGO[predicate]):
            if s in type_of and o in type_of:
                edges.append({"from": str(s), "to": str(o), "relation": predicate})
    return nodes, edges


def render_html(graph: Graph) -> str:
    from pyvis.network import Network

    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    nodes, edges = graph_elements(graph)
    for node in nodes:
        net.add_node(node["id"], label=node["label"], title=f"{node['label']} ({node['type']})",
                     color=COLOURS[node["type"]])
    for edge in edges:
        net.add_edge(edge["from"], edge["to"], label=edge["relation"], title=edge["relation"])
    return net.generate_html()


def write_html(graph: Graph, path: str | Path) -> Path:
    return atomic_write_text(Path(path), render_html(graph))
