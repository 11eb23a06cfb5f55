"""The network view without a browser: what it reads from RDF, how it escapes, lays out, cuts and writes.

The browser half (drawing, clicks, hostile payloads executing or not) is tests/test_view_browser.py.
"""
from __future__ import annotations

import json
import math
import re

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, SKOS

from kg.cli import cli
from kg.model import Article, ArticleGraph, Entity, Evidence, Relation
from kg.triples import article_graph, entity_iri
from kg.view import (COMPONENT_GAP, HIDE_UNRELATED_ABOVE, LABEL_PX, layout, neighbourhood, query_subgraph,
                     render_html, sampled_force_layout, script_json, view_data, vis_network_js, web_url, write_html)
from kg.vocab import KGO
from .store_fixtures import report_one, report_two

#: Strings an article could carry to attack the page that shows it.
SCRIPT = "<script>window.__pwned = 'script'</script>"
IMG = "<img src=x onerror=\"window.__pwned = 'img'\">"
BREAKOUT = "</script><script>window.__pwned = 'breakout'</script>"
SEPARATORS = "line\u2028para\u2029end"
JS_URL = "javascript:window.__pwned = 'link'"


def hostile_graph() -> Graph:
    """An invented article whose names, aliases, sentences, title and link are all attacks."""
    aid = "hostile"
    article = Article(aid, "text", title=f"Headline {IMG}", url=JS_URL, published="2022-01-02")
    attacker = Entity(f"ArmedGroup/{SCRIPT}", "ArmedGroup", SCRIPT, frozenset({BREAKOUT, SEPARATORS}),
                      links=(("wikidata", "javascript:alert(1)"),))
    target = Entity("City/img", "City", IMG)
    third = Entity("Force/breakout", "Force", BREAKOUT)
    evidence = Evidence(aid, f"They said {IMG} and {BREAKOUT} and {SCRIPT}.", 0, 10, "capture-verb", 0.9)
    relations = (Relation(attacker.key, "captured", target.key, (evidence,)),
                 Relation(third.key, "clashedWith", attacker.key, (evidence,)))
    graph = article_graph(ArticleGraph(article, (attacker, target, third), relations))
    graph.add((entity_iri(target.key), OWL.sameAs, URIRef(JS_URL.replace(" ", ""))))
    return graph


def sample_graph() -> Graph:
    """Two invented reports (tests/store_fixtures.py) merged, as graph.ttl would hold them."""
    graph = Graph()
    for report in (report_one(), report_two()):
        article_graph(report, graph)
    return graph


def invented_graph(entities: list[tuple[str, str, tuple[str, ...]]],
                   relations: list[tuple[int, str, int]]) -> Graph:
    """One invented article naming ``entities`` (type, label, aliases) and stating ``relations`` (subject index,
    predicate, object index), each with a sentence of its own."""
    aid = "invented"
    made = [Entity(f"{kind}/{label.lower()}", kind, label, frozenset(aliases)) for kind, label, aliases in entities]
    facts = tuple(Relation(made[a].key, predicate, made[b].key,
                           (Evidence(aid, f"Sentence {n} links them.", 0, 10, "invented", 0.8),))
                  for n, (a, predicate, b) in enumerate(relations))
    article = Article(aid, "An invented report.", title="Invented report", published="2022-03-04")
    return article_graph(ArticleGraph(article, tuple(made), facts))


#: Invented place names of many lengths, for layouts that must leave room for names.
PLACE_WORDS = ["Qarabel", "Tesh", "Navar Kol", "Shindara", "Upper Mazirak", "Dostak", "Kharvan Bala", "Pech",
               "Sangirud", "Lower Tamaruk", "Zarin", "Bakhtaran Hills"]


def star_graph(leaves: int) -> Graph:
    """A hub province with ``leaves`` districts located in it and nothing else: the crowd around a hub."""
    names = [f"{PLACE_WORDS[i % len(PLACE_WORDS)]} District {i}" for i in range(leaves)]
    return invented_graph([("Province", "Central Upland Province", ())] + [("District", name, ()) for name in names],
                          [(i + 1, "locatedIn", 0) for i in range(leaves)])


def name_boxes(payload: dict) -> list[tuple[float, float, float, float]]:
    """Where each node and the name under it take room at zoom 1 (left, top, right, bottom), estimated here
    independently of kg.view: names 0.55 of their font size wide per character (DejaVu Sans, a wide font)."""
    boxes = []
    for node, vis, px in zip(payload["nodes"], payload["visNodes"], payload["names"]["px"]):
        half = max(vis["size"], 0.55 * px * len(node["label"]) / 2)
        boxes.append((vis["x"] - half, vis["y"] - vis["size"], vis["x"] + half, vis["y"] + vis["size"] + 3 + px * 1.2))
    return boxes


def overlapping(boxes, slack: float = 0.0) -> list[tuple[int, int]]:
    return [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[i + 1:], i + 1)
            if min(a[2], b[2]) - max(a[0], b[0]) > slack and min(a[3], b[3]) - max(a[1], b[1]) > slack]


def embedded_payload(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match, "the page carries its data in a JSON script block"
    return json.loads(match.group(1))


# --- reading the graph ----------------------------------------------------------------------------------------------

def test_view_data_reads_entities_relations_evidence_and_articles():
    data = view_data(sample_graph())
    by_label = {node["label"]: node for node in data["nodes"]}
    assert set(by_label) == {"Taliban", "Afghan Army", "Kunduz", "Kunduz Province", "Zabi Rahmani", "Omar Farid"}
    assert by_label["Zabi Rahmani"]["type"] == "Official"
    assert by_label["Taliban"]["aliases"] == ["the Taliban"]
    assert {link["kind"]: link["url"] for link in by_label["Kunduz"]["links"]} == {
        "wikidata": "http://www.wikidata.org/entity/Q190736"}
    assert by_label["Kunduz"]["coords"] == ["36.72", "68.86"]
    titles = {data["articles"][i]["title"] for i in by_label["Taliban"]["articles"]}
    assert titles == {"Northern city falls", "Fighting goes on"}
    relations = sorted((edge["relation"], edge["directed"], len(edge["evidence"])) for edge in data["edges"])
    # the clash is reported by both articles: one symmetric edge with two evidence sentences
    assert relations == [("capitalOf", True, 1), ("captured", True, 1), ("clashedWith", False, 2),
                         ("officialOf", True, 1), ("spokesmanFor", True, 1)]
    clash = next(edge for edge in data["edges"] if edge["relation"] == "clashedWith")
    sentences = {(ev["sentence"], data["articles"][ev["article"]]["date"]) for ev in clash["evidence"]}
    assert sentences == {("Troops fought them.", "2021-08-08"), ("Fighting went on.", "2021-08-09")}


def test_symmetric_relation_stated_both_ways_is_one_undirected_edge():
    graph = sample_graph()
    army, taliban = entity_iri("Force/afghan army"), entity_iri("ArmedGroup/taliban")
    graph.add((taliban, KGO.clashedWith, army))
    clashes = [edge for edge in view_data(graph)["edges"] if edge["relation"] == "clashedWith"]
    assert len(clashes) == 1 and not clashes[0]["directed"]


def test_nodes_without_label_or_kg_type_are_not_shown():
    graph = sample_graph()
    graph.remove((entity_iri("City/kunduz"), None, None))
    labels = {node["label"] for node in view_data(graph)["nodes"]}
    assert "Kunduz" not in labels
    assert all(edge["relation"] != "captured" for edge in view_data(graph)["edges"])


@pytest.mark.parametrize("url,expected", [
    ("https://example.org/a", "https://example.org/a"), ("HTTP://example.org", "HTTP://example.org"),
    ("javascript:alert(1)", None), (" JavaScript:alert(1)", None), ("data:text/html,<b>", None),
    ("//example.org", None), ("vbscript:x", None),
])
def test_only_http_links_are_links(url, expected):
    assert web_url(url) == expected


# --- the page -------------------------------------------------------------------------------------------------------

def test_page_is_self_contained():
    html = render_html(sample_graph())
    assert "@license" in html and "vis-network" in html  # vis-network inlined with its license header
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html, re.I)
    assert not re.search(r"cdn|bootstrap|googleapis|unpkg|jsdelivr", html, re.I)
    assert "connect-src 'none'" in html  # and the page forbids itself any request


def test_hostile_strings_stay_inside_the_json_block():
    html = render_html(hostile_graph()).replace(vis_network_js(), "")  # (vis-network holds a "<script>" string)
    assert html.count("<script") == 3 and html.count("</script>") == 3  # vis, data, page code: nothing injected
    assert "<img" not in html and "\u2028" not in html and "\u2029" not in html
    payload = embedded_payload(html)
    labels = {node["label"] for node in payload["nodes"]}
    assert labels == {SCRIPT, IMG, BREAKOUT}  # the text survives intact, to be shown as text
    assert payload["articles"][0]["url"] is None  # the javascript: link is dropped
    attacker = next(node for node in payload["nodes"] if node["label"] == SCRIPT)
    assert SEPARATORS in attacker["aliases"]
    target = next(node for node in payload["nodes"] if node["label"] == IMG)
    assert [link["url"] for link in target["links"] if link["kind"] == "sameAs"] == [None]


def test_script_json_escapes_what_could_end_or_confuse_a_script_block():
    value = {"a": "</script><!-- & \u2028\u2029 >"}
    text = script_json(value)
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == value


def test_title_and_bad_options():
    html = render_html(sample_graph(), title="<b>mine</b>", theme="dark")
    assert "<title>&lt;b&gt;mine&lt;/b&gt;</title>" in html and 'data-theme="dark"' in html
    with pytest.raises(ValueError):
        render_html(sample_graph(), theme="neon")
    with pytest.raises(ValueError):
        render_html(sample_graph(), height="1px; background: url(http://x)")


def test_nodes_are_sized_by_degree_and_shaped_by_type():
    payload = embedded_payload(render_html(sample_graph()))
    by_label = {node["label"]: vis for node, vis in zip(payload["nodes"], payload["visNodes"])}
    assert by_label["Taliban"]["size"] > by_label["Omar Farid"]["size"]
    assert by_label["Taliban"]["shape"] != by_label["Kunduz"]["shape"]
    arrows = {payload["edges"][e["id"]]["relation"]: e["arrows"]["to"]["enabled"] for e in payload["visEdges"]}
    assert arrows["clashedWith"] is False and arrows["captured"] is True
    assert all("x" in vis and "y" in vis for vis in payload["visNodes"])
    assert payload["options"]["physics"]["enabled"] is False


def test_write_html_writes_only_the_output_file(tmp_path, monkeypatch):
    work, out = tmp_path / "cwd", tmp_path / "out"
    work.mkdir()
    monkeypatch.chdir(work)
    path = write_html(sample_graph(), out / "graph.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert list(work.iterdir()) == []  # no stray lib/ folder (pyvis's own writer makes one)
    assert [p.name for p in out.iterdir()] == ["graph.html"]


def test_empty_graph_renders():
    payload = embedded_payload(render_html(Graph()))
    assert payload["nodes"] == [] and payload["edges"] == []


# --- layout ---------------------------------------------------------------------------------------------------------

def test_layout_is_seeded_and_keeps_components_apart():
    nodes = [f"n{i}" for i in range(12)]
    edges = [("n0", "n1"), ("n1", "n2"), ("n2", "n0"), ("n3", "n4"), ("n5", "n6"), ("n6", "n7")]
    first, again = layout(nodes, edges), layout(nodes, edges)
    assert first == again and set(first) == set(nodes)
    points = list(first.values())
    closest = min(math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1:])
    assert closest > 20  # no two nodes on top of each other


def test_sampled_force_layout_pulls_neighbours_together():
    import networkx as nx

    graph = nx.relabel_nodes(nx.connected_watts_strogatz_graph(600, 4, 0.05, seed=3), str)
    positions = sampled_force_layout(graph, seed=1)
    edge_length = sum(math.dist(positions[a], positions[b]) for a, b in graph.edges) / graph.number_of_edges()
    nodes = sorted(graph)
    pairs = [(nodes[i], nodes[(i * 7919) % len(nodes)]) for i in range(len(nodes))]
    random_length = sum(math.dist(positions[a], positions[b]) for a, b in pairs) / len(pairs)
    assert edge_length < random_length / 3


def test_a_hubs_neighbours_get_room_for_their_names():
    payload = embedded_payload(render_html(star_graph(30)))
    assert len(payload["nodes"]) == 31
    assert overlapping(name_boxes(payload)) == []
    # the names are not bought by flinging the districts far away: the star stays about as compact as its names
    width = max(v["x"] for v in payload["visNodes"]) - min(v["x"] for v in payload["visNodes"])
    height = max(v["y"] for v in payload["visNodes"]) - min(v["y"] for v in payload["visNodes"])
    names_area = sum((r - l) * (b - t) for l, t, r, b in name_boxes(payload))
    assert width * height < 6 * names_area


def mixed_graph() -> Graph:
    """Components of every size, long and short names, lone entities."""
    entities = [("Province", f"{word} Province", ()) for word in PLACE_WORDS]
    entities += [("City", f"{word} Town", ()) for word in PLACE_WORDS]
    entities += [("Organization", "High Council for the Settlement of Upland Disputes", ()), ("Official", "Ana Pell", ()),
                 ("City", "Lone Town", ())]
    relations = [(12 + i, "capitalOf", i) for i in range(12)] + [(i, "locatedIn", 0) for i in range(1, 6)]
    relations += [(25, "officialOf", 24)]
    return invented_graph(entities, relations)


def test_no_two_names_overlap_in_a_mixed_graph():
    payload = embedded_payload(render_html(mixed_graph()))
    assert len(payload["nodes"]) == 27
    assert overlapping(name_boxes(payload)) == []


def test_the_same_graph_is_drawn_the_same_in_every_python_process():
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = ("import json; from kg.view import render_html; from tests.test_view import embedded_payload, mixed_graph; "
              "print(json.dumps([(v['x'], v['y']) for v in embedded_payload(render_html(mixed_graph()))['visNodes']]))")
    runs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           cwd=Path(__file__).resolve().parent.parent,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3)}
    assert len(runs) == 1  # string hashing differs between the three processes; the positions must not


def component_extents(payload: dict) -> list[tuple[float, float, float, float]]:
    """The bounding box of each connected component's nodes and names (lone nodes included, one each)."""
    import networkx as nx

    index = {node["iri"]: i for i, node in enumerate(payload["nodes"])}
    links = nx.Graph()
    links.add_nodes_from(range(len(index)))
    links.add_edges_from((index[edge["from"]], index[edge["to"]]) for edge in payload["edges"])
    boxes = name_boxes(payload)
    return [tuple(f(boxes[i][k] for i in part) for k, f in enumerate((min, min, max, max)))
            for part in nx.connected_components(links)]


def gap(a, b) -> float:
    """The clear space between two boxes (negative when they overlap)."""
    return max(b[0] - a[2], a[0] - b[2], b[1] - a[3], a[1] - b[3])


def test_components_are_packed_apart_with_margins_that_grow_with_their_size():
    big = [("Province", "Central Upland Province", ())] + [("District", f"{w} District", ()) for w in PLACE_WORDS]
    pairs = [(kind, f"{w} {suffix}", ()) for w in PLACE_WORDS[:6] for kind, suffix in (("City", "Town"),
                                                                                          ("Province", "Province"))]
    entities = big + pairs
    relations = [(i, "locatedIn", 0) for i in range(1, 13)] + [(13 + 2 * i, "capitalOf", 14 + 2 * i) for i in range(6)]
    payload = embedded_payload(render_html(invented_graph(entities, relations)))
    extents = sorted(component_extents(payload), key=lambda box: -(box[2] - box[0]) * (box[3] - box[1]))
    assert len(extents) == 7
    biggest = extents[0]
    size = max(biggest[2] - biggest[0], biggest[3] - biggest[1])
    for i, a in enumerate(extents):
        for b in extents[i + 1:]:
            assert gap(a, b) >= COMPONENT_GAP * 0.9  # unrelated names never touch
    assert min(gap(biggest, other) for other in extents[1:]) >= COMPONENT_GAP + 0.04 * size


def test_entities_with_no_relation_go_last_and_big_graphs_open_without_them():
    graph = sample_graph()
    lone = [("City", "Zarin", ()), ("Official", "Abel Norr", ())]
    graph += invented_graph(lone, [])
    payload = embedded_payload(render_html(graph))
    ys = {node["label"]: vis["y"] for node, vis in zip(payload["nodes"], payload["visNodes"])}
    assert min(ys["Zarin"], ys["Abel Norr"]) > max(y for label, y in ys.items() if label not in ("Zarin", "Abel Norr"))
    assert payload["hideUnrelated"] is False  # a small graph shows them
    assert embedded_payload(render_html(graph, hide_unrelated=True))["hideUnrelated"] is True
    many = invented_graph([("City", f"Town {i}", ()) for i in range(HIDE_UNRELATED_ABOVE + 1)],
                          [(i, "locatedIn", i + 1) for i in range(0, HIDE_UNRELATED_ABOVE - 20, 2)])
    assert embedded_payload(render_html(many))["hideUnrelated"] is True


def test_names_are_drawn_by_the_page_at_a_readable_size():
    payload = embedded_payload(render_html(star_graph(8)))
    assert all("label" not in vis for vis in payload["visNodes"])  # vis-network would shrink them with the zoom
    hub = next(i for i, node in enumerate(payload["nodes"]) if node["label"] == "Central Upland Province")
    assert payload["names"]["px"][hub] > LABEL_PX == min(payload["names"]["px"])


# --- parts of a graph -----------------------------------------------------------------------------------------------

def labels(graph: Graph) -> set[str]:
    return {node["label"] for node in view_data(graph)["nodes"]}


def test_neighbourhood_by_name_or_alias_and_hops():
    graph = sample_graph()
    assert labels(neighbourhood(graph, "kunduz province", 0)) == {"Kunduz Province"}
    assert labels(neighbourhood(graph, "Kunduz Province", 1)) == {"Kunduz Province", "Kunduz", "Omar Farid"}
    assert labels(neighbourhood(graph, "the taliban", 1)) == {"Taliban", "Afghan Army", "Kunduz", "Zabi Rahmani"}
    two = neighbourhood(graph, "Omar Farid", 2)
    assert labels(two) == {"Omar Farid", "Kunduz Province", "Kunduz"}
    edges = view_data(two)["edges"]
    assert {edge["relation"] for edge in edges} == {"officialOf", "capitalOf"}
    assert all(edge["evidence"] for edge in edges)  # evidence and articles come along


def test_neighbourhood_of_an_unknown_name_is_a_kg_error():
    from kg.errors import KGError

    with pytest.raises(KGError, match="no entity"):
        neighbourhood(sample_graph(), "Nobody", 1)


def test_query_subgraph_from_construct_and_select():
    graph = sample_graph()
    construct = graph.query("PREFIX kgo: <https://w3id.org/kg-conflict/ontology#> "
                            "CONSTRUCT { ?a kgo:clashedWith ?b } WHERE { ?a kgo:clashedWith ?b }").graph
    part = query_subgraph(graph, construct)
    assert labels(part) == {"Taliban", "Afghan Army"}
    assert [edge["relation"] for edge in view_data(part)["edges"]] == ["clashedWith"]
    rows = [{"name": "Kunduz", "other": str(entity_iri("Province/kunduz province"))}, {"name": None}]
    part = query_subgraph(graph, rows)
    assert labels(part) == {"Kunduz", "Kunduz Province"}
    assert [edge["relation"] for edge in view_data(part)["edges"]] == ["capitalOf"]


# --- the command ----------------------------------------------------------------------------------------------------

@pytest.fixture()
def graph_file(tmp_path):
    path = tmp_path / "graph.ttl"
    sample_graph().serialize(path, format="turtle")
    return path


def run(*args):
    return CliRunner().invoke(cli, ["view", *map(str, args)])


def test_cli_whole_graph_around_and_query(graph_file, tmp_path):
    out = tmp_path / "all.html"
    result = run("--input", graph_file, "-o", out, "--theme", "dark")
    assert result.exit_code == 0, result.output
    assert len(embedded_payload(out.read_text())["nodes"]) == 6 and 'data-theme="dark"' in out.read_text()
    result = run("--input", graph_file, "-o", out, "--around", "Taliban", "--hops", "1")
    assert result.exit_code == 0, result.output
    assert {n["label"] for n in embedded_payload(out.read_text())["nodes"]} == {
        "Taliban", "Afghan Army", "Kunduz", "Zabi Rahmani"}
    result = run("--input", graph_file, "-o", out, "--query", "SELECT ?c WHERE { ?c a kgo:City }")
    assert result.exit_code == 0, result.output
    assert [n["label"] for n in embedded_payload(out.read_text())["nodes"]] == ["Kunduz"]
    result = run("--input", graph_file, "-o", out, "--query", "clashes")
    assert result.exit_code == 0, result.output
    assert {n["label"] for n in embedded_payload(out.read_text())["nodes"]} == {"Taliban", "Afghan Army"}


def test_cli_reads_a_store(tmp_path):
    from kg.store import Store

    with Store(tmp_path / "store") as store:
        store.add(report_one())
        store.add(report_two())
    out = tmp_path / "store.html"
    result = run("--store", tmp_path / "store", "-o", out, "--query", "clashes")
    assert result.exit_code == 0, result.output
    payload = embedded_payload(out.read_text())
    assert {n["label"] for n in payload["nodes"]} == {"Taliban", "Afghan Army"}
    assert len(payload["edges"][0]["evidence"]) == 2


@pytest.mark.parametrize("args,message", [
    (["--around", "Nobody"], "no entity is called"),
    (["--query", "no-such-query"], "no named query"),
    (["--query", "SELECT ?x WHERE { broken"], "the query failed"),
    (["--query", "ASK { ?s ?p ?o }"], "names no entities"),
])
def test_cli_errors_are_one_line(graph_file, tmp_path, args, message):
    result = run("--input", graph_file, "-o", tmp_path / "x.html", *args)
    assert result.exit_code == 1
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.html").exists()


def test_cli_missing_store_and_bad_file(tmp_path):
    result = run("--store", tmp_path / "none", "-o", tmp_path / "x.html")
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<")
    result = run("--input", bad, "-o", tmp_path / "x.html")
    assert result.exit_code == 1 and "cannot read" in result.output


def test_aliases_with_line_separators_survive(tmp_path):
    graph = sample_graph()
    graph.add((entity_iri("ArmedGroup/taliban"), SKOS.altLabel, Literal(SEPARATORS)))
    payload = embedded_payload(render_html(graph))
    assert SEPARATORS in next(n for n in payload["nodes"] if n["label"] == "Taliban")["aliases"]
