"""Running the spaCy stage elsewhere: in N local processes, or on a Dask distributed cluster.

Both executors take a stream of Articles and give back one ``ArticleMentions``
per article, in input order, so that resolution (which learns aliases article
after article) runs in the calling process exactly as with one worker: the
graph is the same whichever executor read the text. Work goes out in batches,
with a bounded number of batches in flight, so the corpus is never held in
memory. Only plain values (Articles, ArticleMentions) cross process borders;
each worker holds its own spaCy pipeline.
"""
from __future__ import annotations

import itertools
import logging
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from .errors import KGError, MissingExtraError
from .model import Article, ArticleMentions

#: Articles per task sent to a worker: big enough to amortise the hand-over, small enough to balance load.
BATCH_SIZE = 16

_worker_nlp = None  # the pipeline of a forked pool worker (inherited from the parent)
_cluster_pipelines: dict[tuple, object] = {}  # (model, gazetteer files) -> pipeline, one per Dask worker process
_cluster_lock = threading.Lock()


def batches(articles: Iterable[Article], size: int = BATCH_SIZE) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def extract_batch(nlp, batch: list[Article]) -> list[ArticleMentions]:
    """The spaCy stage for one batch, as plain values that can be pickled back."""
    from .extract import extract_articles

    return list(extract_articles(nlp, batch, batch_size=len(batch)))


# --- N local processes --------------------------------------------------------------------------------------


def pool_extract(nlp, articles: Iterable[Article], workers: int) -> Iterator[ArticleMentions]:
    """Extract in ``workers`` forked processes that share ``nlp`` copy-on-write; results in input order.

    Fork (rather than spawn) is what lets a pipeline built in memory, with a
    user's gazetteer, reach the workers without being loaded again. Where
    there is no fork, spaCy's own ``n_process`` does the work.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        from .extract import extract_articles

        yield from extract_articles(nlp, articles, n_process=workers)
        return
    global _worker_nlp
    _worker_nlp = nlp
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            yield from in_order((pool.submit(_extract_in_worker, batch) for batch in batches(articles)),
                                in_flight=2 * workers, result=lambda future: future.result())
    except BrokenProcessPool as err:
        raise KGError("a worker process died during extraction",
                      hint="it may have run out of memory: try fewer --workers") from err
    finally:
        _worker_nlp = None


def _extract_in_worker(batch: list[Article]) -> list[ArticleMentions]:
    return extract_batch(_worker_nlp, batch)


def in_order(submitted: Iterator, *, in_flight: int, result) -> Iterator[ArticleMentions]:
    """Results of submitted tasks in submission order, with at most ``in_flight`` tasks pending.

    ``submitted`` is consumed lazily, so only that many batches of the corpus are in memory at once.
    """
    pending = deque()
    for future in submitted:
        pending.append(future)
        if len(pending) >= in_flight:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


# --- Dask ---------------------------------------------------------------------------------------------------


def dask_client(address, *, timeout: str = "20s"):
    """A Dask client: ``local`` starts a LocalCluster on this machine, a string is a scheduler address,
    and a ``distributed.Client`` is used as it is (and left open)."""
    if not isinstance(address, str):
        return address
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise MissingExtraError("--dask needs Dask distributed",
                                hint='install it with: pip install "kg-conflict[dask]"') from err
    try:
        if address == "local":
            for name in ("distributed", "distributed.http.proxy"):  # the scheduler runs here: keep it quiet
                logging.getLogger(name).setLevel(logging.WARNING)
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None, scheduler_kwargs={"dashboard": False},
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
            client._kg_cluster = cluster  # closed with the client (see close_client)
            return client
        return Client(address, timeout=timeout)
    except OSError as err:
        raise KGError(f"cannot reach the Dask scheduler at {address}: {err}",
                      hint="start one with: dask scheduler (and dask worker ADDRESS on each machine)") from err


def close_client(client, address) -> None:
    """Close a client that ``dask_client`` opened (not one the caller passed in)."""
    if not isinstance(address, str):
        return
    cluster = getattr(client, "_kg_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def dask_extract(client, articles: Iterable[Article], *, model: str | None = None, gazetteer: Sequence[str] = (),
                 in_flight: int | None = None) -> Iterator[ArticleMentions]:
    """Extract on the workers of ``client``; each worker loads ``model`` once. Results in input order.

    ``gazetteer`` files are read by the workers, so they must exist at those paths on every worker.
    """
    pipeline = (model, tuple(str(p) for p in gazetteer))
    in_flight = in_flight or 2 * max(1, len(client.scheduler_info().get("workers", {})))
    submitted = (client.submit(_extract_on_cluster, pipeline, batch, pure=False) for batch in batches(articles))
    yield from in_order(submitted, in_flight=in_flight, result=_result)


def _result(future) -> list[ArticleMentions]:
    try:
        return future.result()
    finally:
        future.release()


def _extract_on_cluster(pipeline: tuple[str | None, tuple[str, ...]], batch: list[Article]) -> list[ArticleMentions]:
    """Runs on a Dask worker: one pipeline per worker process, shared by its threads under a lock."""
    with _cluster_lock:
        nlp = _cluster_pipelines.get(pipeline)
        if nlp is None:
            from .extract import load_pipeline

            model, gazetteer = pipeline
            nlp = _cluster_pipelines[pipeline] = load_pipeline(model, gazetteer=[Path(p) for p in gazetteer])
        return extract_batch(nlp, batch)
