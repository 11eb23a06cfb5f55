"""build(): the one module that knows every stage.

files -> ingest -> extract (spaCy, streamed) -> resolve -> triples -> outputs
"""
from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .ingest import Truncated, bundled_sample, iter_articles
from .model import Article, ArticleGraph, ArticleMentions, Skipped
from .outputs import GraphSpool
from .resolve import Resolver
from .triples import article_graph, article_iri
from .vocab import PREFIXES

log = logging.getLogger("kg")


@dataclass
class BuildReport:
    """What a build read, skipped and produced: printed as the build summary."""

    articles: int = 0
    words: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    entities: Counter = field(default_factory=Counter)  # type -> count of distinct entities
    relations: Counter = field(default_factory=Counter)  # predicate -> count of distinct relations
    seconds: float = 0.0
    outputs: dict[str, Path] = field(default_factory=dict)
    stored: int = 0  # articles added to (or replaced in) the store
    unchanged: int = 0  # articles the store already held with the same content hash

    @property
    def ok(self) -> bool:
        return not self.skipped


def extract_graphs(
    sources: Iterable[str | Path], *, nlp=None, model: str | None = None, report: BuildReport | None = None,
    on_article: Callable[[Article], None] | None = None, resolver: Resolver | None = None,
    workers: int = 1, dask: str | None = None, include: Sequence[str] = (), exclude: Sequence[str] = (),
    strict: bool = False, known: Callable[[Article], bool] | None = None, gazetteer: Sequence[str | Path] = (),
) -> Iterator[ArticleGraph]:
    """Stream ``ArticleGraph``s for every readable article in ``sources`` (skips go into ``report``).

    ``workers`` > 1 runs spaCy in that many local processes; ``dask`` ("local",
    a scheduler address or a ``distributed.Client``) runs it on a Dask cluster. Resolution always runs
    here, in input order, so the result does not depend on where spaCy ran.
    ``strict`` raises InputError at the first input that cannot be used.
    Articles for which ``known`` is true (already in the store, unchanged) are not extracted again.
    ``gazetteer`` names users' own JSONL files of known names (see ``kg.extract.load_pipeline``).
    """
    report = report if report is not None else BuildReport()
    resolver = resolver or Resolver()
    seen_hashes: set[bytes] = set()

    def skip(item: Skipped) -> None:
        if strict:
            raise InputError(f"cannot use {item.source}: {item.reason}",
                             hint="fix or remove it, or build without --strict to skip it")
        verb = "cut" if isinstance(item, Truncated) else "skipped"
        log.warning("%s %s: %s", verb, item.source, item.reason)
        report.skipped.append(item)

    def readable() -> Iterator[Article]:
        for item in iter_articles(sources, include=include, exclude=exclude):
            if isinstance(item, Skipped):
                skip(item)
                continue
            digest = bytes.fromhex(item.content_hash)
            if digest in seen_hashes:
                log.info("skipped %s: same text as an article already read", item.source or item.id)
            elif known is not None and known(item):
                log.info("unchanged %s: the store already holds it", item.source or item.id)
                report.unchanged += 1
            else:
                seen_hashes.add(digest)
                yield item

    for found in _extract(readable(), nlp=nlp, model=model, workers=workers, dask=dask, gazetteer=gazetteer):
        article = found.article
        report.articles += 1
        report.words += len(article.text.split())
        if on_article is not None:
            on_article(article)
        if not found.mentions:
            skip(Skipped(article.source or article.id, "no actors or places found in the text"))
            continue
        yield resolver.resolve(found)


def _extract(articles: Iterator[Article], *, nlp, model: str | None, workers: int, dask,
             gazetteer: Sequence[str | Path] = ()) -> Iterator[ArticleMentions]:
    """The spaCy stage, here, in local worker processes or on a Dask cluster."""
    from . import distributed

    if dask:
        client = distributed.dask_client(dask)
        try:
            yield from distributed.dask_extract(client, articles, model=model, gazetteer=gazetteer)
        finally:
            distributed.close_client(client, dask)
        return
    from .extract import extract_articles, load_pipeline  # spaCy is imported only when a build runs

    nlp = nlp if nlp is not None else load_pipeline(model, gazetteer=[Path(p) for p in gazetteer])
    if workers > 1:
        yield from distributed.pool_extract(nlp, articles, workers)
    else:
        yield from extract_articles(nlp, articles)


def build(
    sources: Iterable[str | Path] | None = None, out_dir: str | Path = "kg-out", *, nlp=None,
    model: str | None = None, html: bool = True, on_article: Callable[[Article], None] | None = None,
    workers: int = 1, dask: str | None = None, include: Sequence[str] = (), exclude: Sequence[str] = (),
    strict: bool = False, store=None, gazetteer: Sequence[str | Path] = (),
) -> BuildReport:
    """Build the knowledge graph of ``sources`` (default: the bundled sample) into ``out_dir``.

    Writes ``graph.ttl`` (all triples), ``graph.trig`` (one named graph per
    article) and ``graph.html`` (the network view); returns a BuildReport.
    Articles stream through: each one's graph is spooled to disk as soon as it
    is made, and every output is replaced atomically at the end, so a build
    that fails or is killed leaves the previous outputs as they were.
    See ``extract_graphs`` for ``workers``, ``dask``, ``include``/``exclude`` and ``strict``.

    ``store`` (a folder or a ``kg.Store``) makes the build incremental: each
    article is committed to the store as soon as it is resolved (unchanged ones
    are not read again), names resolve to the entities the store already knows,
    and the outputs then hold everything the store holds.
    """
    started = time.perf_counter()
    sources = list(sources) if sources else [bundled_sample()]
    report = BuildReport()
    spool = GraphSpool(Path(out_dir))
    store, own_store = _open_store(store)
    try:
        entity_types: dict[str, str] = {}
        relation_keys: set[tuple[str, str, str]] = set()
        for resolved in extract_graphs(sources, nlp=nlp, model=model, report=report, on_article=on_article,
                                       workers=workers, dask=dask, include=include, exclude=exclude,
                                       strict=strict, resolver=_seeded_resolver(store),
                                       known=_known_to(store), gazetteer=gazetteer):
            if store is not None:
                report.stored += store.add(resolved)  # committed now; the outputs come from the store below
            else:
                spool.add(article_graph(resolved), article_iri(resolved.article.id))
            entity_types.update((e.key, e.type) for e in resolved.entities)
            relation_keys.update((r.subject, r.predicate, r.object) for r in resolved.relations)
        report.entities = Counter(entity_types.values())
        report.relations = Counter(p for _, p, _ in relation_keys)
        if store is not None:
            report.entities, report.relations = store.counts()
            for name, graph in store.article_graphs():
                spool.add(graph, name)
        report.outputs = spool.finish(prefixes={k: str(v) for k, v in PREFIXES.items()},
                                      html=_html_writer() if html else None)
    finally:
        spool.close()
        if own_store:
            store.close()
    report.seconds = time.perf_counter() - started
    return report


def _open_store(store):
    """(Store or None, whether build() opened it and must close it)."""
    if store is None or hasattr(store, "add"):
        return store, False
    from .store import Store

    return Store(store), True


def _seeded_resolver(store) -> Resolver:
    """A Resolver that knows the store's entities, so labels and IRIs stay the same across builds."""
    resolver = Resolver()
    if store is not None:
        for entity in store.known_entities():
            resolver.remember(entity)
    return resolver


def _known_to(store) -> Callable[[Article], bool] | None:
    if store is None:
        return None
    return lambda article: store.content_hash(article.id) == article.content_hash


def _html_writer():
    from .view import write_html

    return write_html
