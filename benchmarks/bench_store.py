"""Benchmark: kg.Store (Oxigraph) against rdflib's default in-memory Graph.

    python benchmarks/bench_store.py                 # 100k and 1M triples (a few minutes)
    python benchmarks/bench_store.py --sizes 100000  # just the small one

Synthetic corpora shaped like kg's output (made with kg.model and kg.triples,
so the triples are exactly what a build writes): articles that each name about a
dozen actors and places drawn from a shared pool with a long-tailed popularity
(a few hubs, many rare names), and report about eight relations, each with an
evidence node. Every article is one named graph in our store.

For each size it prints the load rate (triples per second, from triples already
made by kg.triples) of a persistent kg.Store (on disk, as kg build, query and
serve use it) and of rdflib, and the median time of every named query of
kg/queries/ in both, with the speed-up. It also times Oxigraph's bulk loader alone on
the same quads, the floor under our load time. Not a test: the numbers depend on the
machine and its load.
"""
from __future__ import annotations

import argparse
import gc
import multiprocessing
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph
import rdflib

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.model import PREDICATES, Article, ArticleGraph, Entity, Evidence, Relation, allowed  # noqa: E402
from kg.store import QUERY_PREFIXES, Store, _NQuadsBatch, named_queries  # noqa: E402
from kg.triples import article_graph, article_iri  # noqa: E402

TYPE_WEIGHTS = {"ArmedGroup": 3, "Force": 3, "Official": 4, "Person": 1, "Organization": 2,
                "City": 4, "Province": 2, "District": 1, "Country": 1}
ENTITIES_PER_ARTICLE, RELATIONS_PER_ARTICLE = 12, 8


def entity_pool(size: int, rng: random.Random) -> list[Entity]:
    types = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()), k=size)
    pool = []
    for number, entity_type in enumerate(types):
        family = "Person" if entity_type in ("Official", "Person") else entity_type
        name = f"{entity_type.lower()} {number}"
        pool.append(Entity(f"{family}/{name}", entity_type, name.title(), frozenset({f"the {name}"})))
    return pool


def synthetic_article(number: int, pool: list[Entity], rng: random.Random) -> ArticleGraph:
    # Long-tailed popularity: index ~ pareto, so hubs recur across many articles.
    picks = {min(int(rng.paretovariate(0.8)) - 1, len(pool) - 1) for _ in range(ENTITIES_PER_ARTICLE * 2)}
    picks |= {rng.randrange(len(pool)) for _ in range(ENTITIES_PER_ARTICLE)}
    entities = [pool[i] for i in sorted(picks)][:ENTITIES_PER_ARTICLE]
    article_id = f"synthetic-{number:06d}"
    relations = {}
    for _ in range(RELATIONS_PER_ARTICLE * 6):
        if len(relations) == RELATIONS_PER_ARTICLE:
            break
        subject, obj = rng.sample(entities, 2)
        predicate = rng.choice(PREDICATES)
        if allowed(predicate, subject.type, obj.type):
            sentence = f"Sentence {len(relations)} of report {number}: {subject.label} and {obj.label}."
            evidence = Evidence(article_id, sentence, 10 * len(relations), 10 * len(relations) + len(sentence),
                                f"{predicate}-rule", round(rng.uniform(0.5, 0.95), 2))
            relations[(subject.key, predicate, obj.key)] = Relation(subject.key, predicate, obj.key, (evidence,))
    article = Article(article_id, f"Synthetic report {number}.", title=f"Report {number}",
                      published=f"2021-{1 + number % 12:02d}-{1 + number % 28:02d}")
    return ArticleGraph(article, tuple(entities), tuple(relations.values()))


class TripleList(list):
    """Collects what kg.triples writes, without an rdflib Graph's indexing and prefix binding (faster to make)."""

    def add(self, triple) -> None:
        self.append(triple)

    def bind(self, *args, **kwargs) -> None:
        pass


def corpus(target_triples: int, seed: int = 7) -> list[tuple[str, list]]:
    """[(article id, triples)] adding up to about ``target_triples`` triples."""
    rng = random.Random(seed)
    pool = entity_pool(max(200, target_triples // 150), rng)
    articles, total, number = [], 0, 0
    while total < target_triples:
        graph = synthetic_article(number, pool, rng)
        triples = list(dict.fromkeys(article_graph(graph, TripleList())))  # a graph is a set: drop repeats
        articles.append((graph.article.id, triples))
        total += len(triples)
        number += 1
    return articles


def load_store(articles, path: str | None, bulk: bool) -> tuple[Store, float]:
    """A store loaded with ``bulk_add`` (first import) or ``add_triples`` (one transaction per article, as kg build)."""
    store = Store(path)
    started = time.perf_counter()
    if bulk:
        store.bulk_add(articles)
    else:
        for article_id, triples in articles:
            store.add_triples(article_id, triples)
    store.flush()
    return store, time.perf_counter() - started


def engine_floor(articles, path: str) -> tuple[int, float]:
    """(quads, seconds) for Oxigraph's bulk loader alone on the N-Quads text ``bulk_add`` writes: what the load
    would cost if making the text were free (each triple in its article's graph and in the merged default graph)."""
    batch, hashes = _NQuadsBatch(), []
    for article_id, triples in articles:
        batch.add_graph(f"<{article_iri(article_id)}>", triples, hashes)
    text = batch.take().encode("utf-8")
    engine = pyoxigraph.Store(path)
    started = time.perf_counter()
    engine.bulk_load(text, format=pyoxigraph.RdfFormat.N_QUADS, lenient=True)
    engine.flush()
    return text.count(b"\n"), time.perf_counter() - started


def load_rdflib(articles) -> tuple[rdflib.Graph, float]:
    graph = rdflib.Graph()
    started = time.perf_counter()
    for _, triples in articles:
        for triple in triples:
            graph.add(triple)
    return graph, time.perf_counter() - started


def median_time(run, repeats: int, budget: float) -> tuple[float, int, int]:
    """(median seconds, runs, rows) of up to ``repeats`` runs (fewer once the runs used up ``budget`` seconds)."""
    times, rows = [], 0
    for _ in range(repeats):
        started = time.perf_counter()
        rows = len(run())
        times.append(time.perf_counter() - started)
        if sum(times) > budget:
            break
    return statistics.median(times), len(times), rows


def capped(run, repeats: int, budget: float, cap: float) -> tuple[float, int, int] | None:
    """``median_time`` in a forked child, killed after ``cap`` seconds (None): rdflib can take minutes."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=lambda: sender.send(median_time(run, repeats, budget)), daemon=True)
    child.start()
    sender.close()
    try:
        return receiver.recv() if receiver.poll(cap) else None
    except EOFError:
        return None
    finally:
        child.kill()
        child.join()


def place_parameter(store: Store) -> str:
    rows = store.query("SELECT ?place (COUNT(*) AS ?n) WHERE { ?p kgo:officialOf ?b . ?b rdfs:label ?place } "
                       "GROUP BY ?place ORDER BY DESC(?n) LIMIT 1")
    return rows[0]["place"] if rows else "City 1"


#: ``{ SELECT * WHERE { pattern } }``: the pattern itself, written so only to make Oxigraph hash-join it.
HASH_JOIN_HINT = re.compile(r"(OPTIONAL\s*)?\{\s*SELECT \* WHERE \{([^{}]*)\}\s*\}")


def plain_form(sparql: str) -> str:
    """The query without the hash-join hints, i.e. the form rdflib answers fastest.

    rdflib joins sub-SELECTs and nested groups row by row, so the hints that
    speed Oxigraph up would slow it down by orders of magnitude; timing rdflib
    on the hinted text would flatter our speed-up.
    """
    # Unwrapped into the enclosing group, so rdflib sees one basic graph pattern, as before the hints.
    return HASH_JOIN_HINT.sub(lambda m: f"OPTIONAL {{{m[2]}}}" if m[1] else f"{m[2]} .", sparql)


def compare_queries(store: Store, graph: rdflib.Graph, repeats: int, budget: float, cap: float) -> list[tuple]:
    place = place_parameter(store)
    namespaces = {prefix: rdflib.Namespace(iri) for prefix, iri in QUERY_PREFIXES.items()}
    rows = []
    for name, (_, sparql) in named_queries().items():
        ours_bindings = {"place": place} if name == "officials" else None
        theirs_bindings = {"place": rdflib.Literal(place)} if name == "officials" else None
        ours = median_time(lambda sparql=sparql, bindings=ours_bindings: store.query(sparql, bindings=bindings),
                           repeats, budget)
        theirs = capped(lambda sparql=sparql, bindings=theirs_bindings: list(graph.query(
            plain_form(sparql), initNs=namespaces, initBindings=bindings)), repeats, budget, cap)
        rows.append((name, ours, theirs))
    return rows


def report(articles, per_article: bool, repeats: int, budget: float, cap: float, folder: str) -> None:
    triples = sum(len(t) for _, t in articles)
    print(f"\n== {triples:,} triples in {len(articles):,} articles "
          f"(~{triples // len(articles)} triples per article) ==")
    if per_article:
        with tempfile.TemporaryDirectory(dir=folder) as path:
            one_by_one, seconds = load_store(articles, path, bulk=False)
            print(f"load  kg.Store, one transaction per article {triples / seconds:>9,.0f} triples/s  ({seconds:.1f} s)")
            one_by_one.close()
            del one_by_one
    store, ours_load = load_store(articles, tempfile.mkdtemp(dir=folder), bulk=True)
    print(f"load  kg.Store, bulk_add                    {triples / ours_load:>9,.0f} triples/s  ({ours_load:.1f} s)")
    quads, floor = engine_floor(articles, tempfile.mkdtemp(dir=folder))
    print(f"      (Oxigraph's bulk_load alone, given the {quads:,} quads as ready N-Quads text: "
          f"{floor:.1f} s, {triples / floor:,.0f} triples/s)")
    graph, theirs_load = load_rdflib(articles)
    print(f"load  rdflib Graph.add                      {triples / theirs_load:>9,.0f} triples/s  ({theirs_load:.1f} s)")
    print(f"{'query':14s} {'rows':>6s} {'kg.Store':>11s} {'rdflib':>11s} {'speed-up':>9s}")
    speedups = []
    for name, (ours, _, ours_rows), theirs in compare_queries(store, graph, repeats, budget, cap):
        if theirs is None:  # stopped at the cap: the speed-up is at least cap / ours
            speedups.append(cap / ours)
            print(f"{name:14s} {ours_rows:>6d} {ours * 1000:>9.1f}ms {'>' + format(cap, 'g') + ' s':>11s} "
                  f"{'>' + format(cap / ours, '.0f'):>8s}x")
            continue
        seconds, runs, theirs_rows = theirs
        speedups.append(seconds / ours)
        agree = "" if ours_rows == theirs_rows else f"  (rdflib: {theirs_rows} rows)"
        note = f"  [rdflib: median of {runs}]" if runs < repeats else ""
        print(f"{name:14s} {ours_rows:>6d} {ours * 1000:>9.1f}ms {seconds * 1000:>9.1f}ms "
              f"{seconds / ours:>8.0f}x{agree}{note}")
    print(f"speed-up: median {statistics.median(speedups):.0f}x, "
          f"geometric mean {statistics.geometric_mean(speedups):.0f}x, min {min(speedups):.0f}x "
          f"(capped queries count at their cap)")
    del store, graph
    gc.collect()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeats", type=int, default=5, help="runs per query (median)")
    parser.add_argument("--budget", type=float, default=10.0,
                        help="stop repeating a query once its runs took this many seconds")
    parser.add_argument("--cap", type=float, default=60.0, help="stop an rdflib query after this many seconds")
    parser.add_argument("--per-article-up-to", type=int, default=100_000,
                        help="also time one transaction per article (as kg build writes) up to this many triples")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, rdflib {rdflib.__version__}, "
          f"pyoxigraph {__import__('pyoxigraph').__version__}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f} at the start")
    started = time.perf_counter()
    for size in args.sizes:
        started = time.perf_counter()
        articles = corpus(size)
        print(f"(made the {size:,}-triple corpus with kg.triples in {time.perf_counter() - started:.1f} s)")
        with tempfile.TemporaryDirectory() as folder:
            report(articles, size <= args.per_article_up_to, args.repeats, args.budget, args.cap, folder)
    print(f"(whole run {time.perf_counter() - started:.0f} s; load average {os.getloadavg()[0]:.1f} at the end)")


if __name__ == "__main__":
    main()
