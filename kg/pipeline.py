"""build(): the one module that knows every stage.

files -> ingest -> extract (spaCy, streamed) -> resolve -> triples -> outputs
"""
from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph

from .ingest import bundled_sample, iter_articles
from .model import Article, ArticleGraph, Skipped
from .outputs import atomic_write
from .resolve import Resolver
from .triples import article_graph, article_iri
from .vocab import bind_prefixes

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

    @property
    def ok(self) -> bool:
        return not self.skipped


def extract_graphs(
    sources: Iterable[str | Path], *, nlp=None, model: str | None = None, report: BuildReport | None = None,
    on_article: Callable[[Article], None] | None = None, resolver: Resolver | None = None,
) -> Iterator[ArticleGraph]:
    """Stream ``ArticleGraph``s for every readable article in ``sources`` (skips go into ``report``)."""
    from .extract import extract_articles, load_pipeline  # spaCy is imported only when a build runs

    report = report if report is not None else BuildReport()
    resolver = resolver or Resolver()
    nlp = nlp if nlp is not None else load_pipeline(model)
    seen_hashes: set[str] = set()

    def readable() -> Iterator[Article]:
        for item in iter_articles(sources):
            if isinstance(item, Skipped):
                log.warning("skipped %s: %s", item.source, item.reason)
                report.skipped.append(item)
            elif item.content_hash in seen_hashes:
                log.info("skipped %s: same text as an article already read", item.source or item.id)
            else:
                seen_hashes.add(item.content_hash)
                yield item

    for found in extract_articles(nlp, readable()):
        article = found.article
        report.articles += 1
        report.words += len(article.text.split())
        if on_article is not None:
            on_article(article)
        if not found.mentions:
            reason = "no actors or places found in the text"
            log.warning("skipped %s: %s", article.source or article.id, reason)
            report.skipped.append(Skipped(article.source or article.id, reason))
            continue
        yield resolver.resolve(found)


def build(
    sources: Iterable[str | Path] | None = None, out_dir: str | Path = "kg-out", *, nlp=None,
    model: str | None = None, html: bool = True, on_article: Callable[[Article], None] | None = None,
) -> BuildReport:
    """Build the knowledge graph of ``sources`` (default: the bundled sample) into ``out_dir``.

    Writes ``graph.ttl`` (all triples), ``graph.trig`` (one named graph per
    article) and ``graph.html`` (the network view); returns a BuildReport.
    """
    started = time.perf_counter()
    sources = list(sources) if sources else [bundled_sample()]
    report = BuildReport()
    ds = bind_prefixes(Dataset())
    entity_types: dict[str, str] = {}
    relation_keys: set[tuple[str, str, str]] = set()
    for resolved in extract_graphs(sources, nlp=nlp, model=model, report=report, on_article=on_article):
        article_graph(resolved, ds.graph(article_iri(resolved.article.id)))
        entity_types.update((e.key, e.type) for e in resolved.entities)
        relation_keys.update((r.subject, r.predicate, r.object) for r in resolved.relations)
    report.entities = Counter(entity_types.values())
    report.relations = Counter(p for _, p, _ in relation_keys)
    report.outputs = write_outputs(ds, Path(out_dir), html=html)
    report.seconds = time.perf_counter() - started
    return report


def union_graph(ds: Dataset) -> Graph:
    """Every triple of every named graph in one graph (what graph.ttl holds)."""
    union = bind_prefixes(Graph())
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def write_outputs(ds: Dataset, out_dir: Path, *, html: bool = True) -> dict[str, Path]:
    union = union_graph(ds)
    outputs = {
        "ttl": atomic_write(out_dir / "graph.ttl", lambda f: union.serialize(f, format="turtle", encoding="utf-8")),
        "trig": atomic_write(out_dir / "graph.trig", lambda f: ds.serialize(f, format="trig", encoding="utf-8")),
    }
    if html:
        from .view import write_html

        outputs["html"] = write_html(union, out_dir / "graph.html")
    return outputs
