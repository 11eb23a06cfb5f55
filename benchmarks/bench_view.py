"""How fast the network view opens: generated graphs of 100 to 5,000 entities in headless Chromium.

    python benchmarks/bench_view.py                      # 100, 500, 2000 and 5000 entities
    python benchmarks/bench_view.py --sizes 2000 --runs 3 --keep out/

Each graph is scale-free (Barabási-Albert, two edges per new node, so about twice as many relations as entities),
with random entity types and relations, one evidence sentence per relation and one article per ten entities. The
page is opened from a file:// URL in Debian's Chromium (Playwright drives it) and the clock stops when the page sets
``window.kgReady`` (vis-network has drawn the settled network and answers to the mouse). Also reported: the time to
build the HTML in Python, its size, how many names the first view draws (each at least 12 px high, none over
another), and how long a search takes to re-style the whole network once it is open.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from rdflib import BNode, Graph, Literal
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.model import ENTITY_TYPES, PREDICATES
from kg.triples import article_iri, entity_iri
from kg.view import render_html
from kg.vocab import KGO, SCHEMA

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def synthetic_graph(entities: int, *, seed: int = 1) -> Graph:
    """A kg-shaped RDF graph: entities with labels, types, an alias and mentions; relations with evidence."""
    rng = random.Random(seed)
    shape = nx.barabasi_albert_graph(entities, 2, seed=seed)
    graph = Graph()
    articles = [article_iri(f"bench-{i:05d}") for i in range(max(1, entities // 10))]
    for i, article in enumerate(articles):
        graph.add((article, RDF.type, KGO.Article))
        graph.add((article, SCHEMA.headline, Literal(f"Generated report {i}")))
        graph.add((article, SCHEMA.datePublished, Literal(f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}", datatype=XSD.date)))
        graph.add((article, SCHEMA.url, Literal(f"https://example.org/bench/{i}", datatype=XSD.anyURI)))
    nodes = {}
    for node in shape:
        entity_type = rng.choice(ENTITY_TYPES)
        iri = nodes[node] = entity_iri(f"{entity_type}/entity {node}")
        graph.add((iri, RDF.type, KGO[entity_type]))
        graph.add((iri, RDFS.label, Literal(f"Entity {node}")))
        graph.add((iri, SKOS.altLabel, Literal(f"E{node}")))
        graph.add((iri, KGO.mentionedIn, rng.choice(articles)))
    for i, (a, b) in enumerate(shape.edges):
        predicate = rng.choice(PREDICATES)
        graph.add((nodes[a], KGO[predicate], nodes[b]))
        evidence = BNode()
        for p, o in ((RDF.type, KGO.Evidence), (RDF.subject, nodes[a]), (RDF.predicate, KGO[predicate]),
                     (RDF.object, nodes[b]), (KGO.sentence, Literal(f"Generated sentence {i} links {a} and {b}.")),
                     (KGO.rule, Literal("bench")), (KGO.confidence, Literal(0.5)),
                     (PROV.wasDerivedFrom, rng.choice(articles))):
            graph.add((evidence, p, o))
    return graph


def open_in_chromium(browser, path: Path) -> dict[str, float]:
    """Milliseconds from navigation start to ``window.kgReady``, and of one search re-styling every node."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(path.as_uri())
        page.wait_for_function("() => window.kgReady === true", timeout=120_000)
        ready = page.evaluate("window.kgReadyAt")
        names = page.evaluate("""() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(
            () => done(window.kgView.names().length))))""")
        search = page.evaluate("""() => {
            const box = document.getElementById('kg-search'), t0 = performance.now();
            box.value = 'entity 1'; box.dispatchEvent(new Event('input'));
            return performance.now() - t0; }""")
        shown = page.evaluate("window.kgView.shown()")
        return {"ready_ms": ready, "search_ms": search, "names": names, "nodes": shown["nodes"], "edges": shown["edges"]}
    finally:
        page.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000, 5000])
    parser.add_argument("--runs", type=int, default=1, help="browser runs per size (the median is reported)")
    parser.add_argument("--keep", type=Path, help="keep the generated HTML files in this folder")
    args = parser.parse_args(argv)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("needs playwright: pip install playwright", file=sys.stderr)
        return 1
    if not Path(CHROMIUM).exists():
        print(f"needs Chromium at {CHROMIUM}: apt-get install chromium", file=sys.stderr)
        return 1
    out = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-view-"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"{'entities':>8} {'relations':>9} {'html MB':>8} {'build s':>8} {'ready ms':>9} {'names':>6} {'search ms':>9}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in args.sizes:
            graph = synthetic_graph(size)
            started = time.perf_counter()
            html = render_html(graph)
            build_seconds = time.perf_counter() - started
            path = out / f"bench-{size}.html"
            path.write_text(html, encoding="utf-8")
            runs = [open_in_chromium(browser, path) for _ in range(args.runs)]
            ready = statistics.median(run["ready_ms"] for run in runs)
            search = statistics.median(run["search_ms"] for run in runs)
            print(f"{runs[0]['nodes']:>8} {runs[0]['edges']:>9} {len(html.encode()) / 1e6:>8.1f} "
                  f"{build_seconds:>8.1f} {ready:>9.0f} {runs[0]['names']:>6} {search:>9.0f}", flush=True)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
