"""build(): the one module that knows every stage.

files -> ingest -> extract (spaCy, streamed) -> resolve -> triples -> outputs
"""
from __future__ import annotations

import gc
import itertools
import logging
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import InputError
from .ingest import STDIN, Truncated, bundled_sample, iter_articles
from .model import Article, ArticleGraph, ArticleMentions, Skipped
from .outputs import GraphSpool
from .resolve import Resolver
from .triples import article_iri, article_triples
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
    #: (source, the id it came with, the id it got) of articles whose id another text of this build had first
    renamed: list[tuple[str, str, str]] = field(default_factory=list)

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
    Distinct texts are always distinct articles: a text whose id an earlier, different text of this build
    already has is renamed ``id-<start of its content hash>`` (stable across re-builds), with a warning.
    Articles for which ``known`` is true (already in the store, unchanged) are not extracted again.
    ``gazetteer`` names users' own JSONL files of known names (see ``kg.extract.load_pipeline``).
    """
    report = report if report is not None else BuildReport()
    resolver = resolver or Resolver()
    seen_hashes: set[bytes] = set()
    ids = _UniqueIds(report)

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
                continue
            seen_hashes.add(digest)
            item = ids.unique(item)
            if known is not None and known(item):
                log.info("unchanged %s: the store already holds it", item.source or item.id)
                report.unchanged += 1
            else:
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


class _UniqueIds:
    """The article ids given out in one build; a different text under an id already given gets a new one."""

    def __init__(self, report: BuildReport):
        self.report = report
        self.sources: dict[str, str] = {}  # id -> where the article that has it was read

    def unique(self, article: Article) -> Article:
        source = article.source or article.id
        new_id = article.id
        if new_id in self.sources:
            # From the content hash, so a re-build of the same inputs gives the same id (the store then finds
            # the article unchanged); longer only in the unlikely case that the short one is taken too.
            new_id = next(candidate for length in (8, 16, 64)
                          if (candidate := f"{article.id}-{article.content_hash[:length]}") not in self.sources)
            log.warning("renamed %s: its id %r is already that of %s, a different text; it is kept as %r",
                        source, article.id, self.sources[article.id], new_id)
            self.report.renamed.append((source, article.id, new_id))
            article = replace(article, id=new_id)
        self.sources[new_id] = source
        return article


def _extract(articles: Iterator[Article], *, nlp, model: str | None, workers: int, dask,
             gazetteer: Sequence[str | Path] = ()) -> Iterator[ArticleMentions]:
    """The spaCy stage, here, in local worker processes or on a Dask cluster."""
    from . import distributed

    first = next(articles, None)
    if first is None:
        return  # nothing to read: no need to load a model or start workers to say so
    articles = itertools.chain([first], articles)
    if dask:
        client = distributed.dask_client(dask)
        try:
            yield from distributed.dask_extract(client, articles, model=model, gazetteer=gazetteer)
        finally:
            distributed.close_client(client, dask)
        return
    from .extract import extract_articles, load_pipeline  # spaCy is imported only when a build runs

    if nlp is None:
        nlp = load_pipeline(model, gazetteer=[Path(p) for p in gazetteer])
        if gc.get_freeze_count():  # a build froze what lived before it (_freeze_long_lived): the model lives as long
            gc.freeze()
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

    Raises InputError, before anything is written, when an input does not
    exist; and, writing nothing, when the build read no article it could use
    (an empty folder, ``include`` matching nothing, every input skipped), so
    the previous outputs stay as they were.
    """
    started = time.perf_counter()
    sources = list(sources) if sources else [bundled_sample()]
    _check_inputs(sources)
    _check_folders(Path(out_dir), store)
    report = BuildReport()
    spool = GraphSpool(Path(out_dir))
    new_store_folder = _new_store_folder(store)
    store, own_store = _open_store(store)
    froze = _freeze_long_lived()
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
                spool.add(article_triples(resolved), article_iri(resolved.article.id))
            entity_types.update((e.key, e.type) for e in resolved.entities)
            relation_keys.update((r.subject, r.predicate, r.object) for r in resolved.relations)
        report.entities = Counter(entity_types.values())
        report.relations = Counter(p for _, p, _ in relation_keys)
        if spool.graphs == 0 and report.stored == 0 and report.unchanged == 0:
            raise InputError(_nothing_read(report, sources),
                             hint=f"nothing was written, and {out_dir} keeps what it held")
        if store is not None:
            report.entities, report.relations = store.counts()
            for name, graph in store.article_graphs():
                spool.add(graph, name)
        report.outputs = spool.finish(prefixes={k: str(v) for k, v in PREFIXES.items()},
                                      html=_html_writer() if html else None)
    finally:
        if froze:
            gc.unfreeze()
        spool.close()
        if own_store:
            store.close()
        if new_store_folder is not None and report.stored == 0:
            shutil.rmtree(new_store_folder, ignore_errors=True)  # made by this build, which put nothing in it
    report.seconds = time.perf_counter() - started
    return report


def _freeze_long_lived() -> bool:
    """Keep Python's full garbage collections, while a build runs, to the objects the build makes; True when it did.

    A loaded spaCy model, the gazetteer and the word lists are some 150,000 objects that live as long as the
    process: every full collection walked them all again, a tenth of a second each time, a few times a build.
    Frozen (``gc.freeze``), they are left out until ``gc.unfreeze`` at the end of the build; garbage from before
    the build is then freed as usual. Left alone when the caller has frozen objects of its own.
    """
    if gc.get_freeze_count():
        return False
    gc.freeze()
    return True


def _check_inputs(sources: Sequence[str | Path]) -> None:
    """A mistyped path is an error before anything is written, not an empty graph over the last build's."""
    missing = [str(s) for s in sources if str(s) != STDIN and not Path(s).exists()]
    if missing:
        raise InputError(f"no such file or folder: {', '.join(missing)}",
                         hint="check the path; nothing was read or written")


def _check_folders(out_dir: Path, store) -> None:
    """The outputs go neither into a store nor into the store's own folder."""
    from .store import is_store

    if is_store(out_dir):
        raise InputError(f"{out_dir} is a kg store, not an output folder",
                         hint="give -o another folder; kg export writes a store's graph to a file")
    if store is not None and not hasattr(store, "add") and Path(store).resolve() == out_dir.resolve():
        raise InputError(f"the store and the output folder are the same folder, {out_dir}",
                         hint="give them different folders, e.g. --store kg-store -o kg-out")


def _new_store_folder(store) -> Path | None:
    """The store's folder when this build is about to create it (to remove it again if nothing goes in)."""
    if store is None or hasattr(store, "add") or Path(store).exists():
        return None
    return Path(store)


def _nothing_read(report: BuildReport, sources: Sequence[str | Path]) -> str:
    where = ", ".join(str(s) for s in sources)
    if report.articles:
        return f"no actor or place found in the {report.articles} article(s) read from {where}"
    if report.skipped:
        return f"none of the {len(report.skipped)} input(s) read from {where} could be used, for the reasons above"
    return (f"no article in {where}: no .txt, .md, .html, .json, .jsonl or feed file there, "
            "or --include/--exclude left none")


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
        for event in store.known_events():  # a new report of an event the store holds joins it (kg.events)
            resolver.events.remember(event)
    return resolver


def _known_to(store) -> Callable[[Article], bool] | None:
    if store is None:
        return None
    return lambda article: store.content_hash(article.id) == article.content_hash


def _html_writer():
    from .view import write_html

    return write_html
