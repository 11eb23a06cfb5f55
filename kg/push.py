"""Send a kg store to a remote SPARQL 1.1 store (Oxigraph server, Fuseki, GraphDB, ...).

Two standard ways, one named graph per article either way, each replacing what
the remote held under that graph's name (so pushing again is safe):

* the Graph Store HTTP Protocol: ``PUT <graph-store>?graph=<article IRI>``
  with the graph as N-Triples;
* SPARQL 1.1 Update, posted to the update endpoint, several articles per
  request. Each article's graph is replaced as a kg store replaces it: the
  remote's default graph is kept the merge of the article graphs (the triples
  only the old graph held are retracted from it, the new ones inserted), so
  the remote answers plain patterns, and kg's named queries, as the local
  store does. ``named_graphs_only=True`` sends just ``DROP SILENT GRAPH <g> ;
  INSERT DATA { GRAPH <g> { ... } }``, for a remote whose default graph is
  already the union of its named graphs.

Authentication: ``user`` (HTTP basic) or ``token`` (``Authorization: Bearer``,
what ``kg serve --allow-updates --token`` wants).

Terms travel in N-Triples syntax as Oxigraph writes them (every literal
escaped), so text from articles can never turn into SPARQL of its own. HTTP
goes through urllib: no extra dependency.
"""
from __future__ import annotations

import base64
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from .errors import PushError
from .store import _retract

#: Articles per SPARQL Update request: fewer round trips, while one request stays a few MB at most.
ARTICLES_PER_UPDATE = 50
TIMEOUT_SECONDS = 120
_GRAPH_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


@dataclass
class PushReport:
    graphs: int = 0
    triples: int = 0
    requests: int = 0
    seconds: float = 0.0


def push(store, *, endpoint: str | None = None, graph_store: str | None = None, user: str | None = None,
         token: str | None = None, named_graphs_only: bool = False,
         on_graph: Callable[[str], None] | None = None) -> PushReport:
    """Send every article graph of ``store`` (a kg.Store) to ``graph_store`` (preferred) or ``endpoint``.

    ``user`` is ``NAME:PASSWORD`` for HTTP basic authentication, ``token`` a
    Bearer token (kg serve's). Through ``endpoint`` the remote's default graph
    stays the merge of the article graphs unless ``named_graphs_only``.
    """
    if not endpoint and not graph_store:
        raise PushError("nowhere to push to", hint="give --endpoint URL (SPARQL Update) or --graph-store URL")
    started = time.perf_counter()
    report = PushReport()
    send = _Sender(user, token)
    graphs = _article_graphs(store)
    if graph_store:
        for name, lines in graphs:
            url = _graph_url(graph_store, name)
            send(url, "PUT", "application/n-triples", "".join(f"{line} .\n" for line in lines))
            _count(report, lines, on_graph, name)
    else:
        for batch in _batches(graphs, ARTICLES_PER_UPDATE):
            operations = []
            for name, lines in batch:
                operations.append(_replace_graph(name, lines, merge=not named_graphs_only))
                _count(report, lines, on_graph, name)
            send(endpoint, "POST", "application/sparql-update", " ;\n".join(operations))
    report.requests = send.requests
    report.seconds = time.perf_counter() - started
    return report


def _article_graphs(store) -> Iterator[tuple[str, list[str]]]:
    """(graph IRI, its triples as N-Triples statements without the final dot) for every stored article."""
    for row in store.articles():
        name = str(row["graph"]).strip("<>")
        triples = store.query_raw(_GRAPH_TRIPLES, bindings={"g": f"<{name}>"})
        yield name, [f"{t.subject} {t.predicate} {t.object}" for t in triples]


def _replace_graph(name: str, lines: list[str], *, merge: bool) -> str:
    """SPARQL Update replacing graph ``name`` with ``lines``; with ``merge``, keeping the default graph their merge."""
    drop = _retract(ox.NamedNode(name)) if merge else f"DROP SILENT GRAPH <{name}>"
    if not lines:
        return drop
    body = " .\n".join(lines) + " .\n"
    default_part = body if merge else ""
    return f"{drop} ;\nINSERT DATA {{\n{default_part}GRAPH <{name}> {{\n{body}}} }}"


def _count(report: PushReport, lines: list[str], on_graph, name: str) -> None:
    report.graphs += 1
    report.triples += len(lines)
    if on_graph is not None:
        on_graph(name)


def _batches(items, size: int):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _graph_url(graph_store: str, graph: str) -> str:
    separator = "&" if urllib.parse.urlsplit(graph_store).query else "?"
    return f"{graph_store}{separator}{urllib.parse.urlencode({'graph': graph})}"


class _Sender:
    """One HTTP request at a time; any failure becomes a one-line PushError."""

    def __init__(self, user: str | None, token: str | None = None):
        if user and token:
            raise PushError("give a user or a token, not both",
                            hint="--token for kg serve and other Bearer-token servers, --user NAME:PASSWORD for basic "
                                 "authentication")
        self.headers = {}
        if user:
            self.headers["Authorization"] = "Basic " + base64.b64encode(user.encode("utf-8")).decode("ascii")
        if token:
            self.headers["Authorization"] = f"Bearer {token}"
        self.requests = 0

    def __call__(self, url: str, method: str, content_type: str, body: str) -> None:
        if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            raise PushError(f"not an http(s) URL: {url}")
        request = urllib.request.Request(url, data=body.encode("utf-8"), method=method,
                                         headers={**self.headers, "Content-Type": f"{content_type}; charset=utf-8"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                response.read()
        except urllib.error.HTTPError as err:
            detail = " ".join(err.read(300).decode("utf-8", "replace").split())
            hint = ("the remote wants credentials: --token TOKEN (kg serve's --token, sent as a Bearer token) or "
                    "--user NAME:PASSWORD (basic authentication)") if err.code in (401, 403) else None
            raise PushError(f"{method} {url} failed: HTTP {err.code} {err.reason}" + (f": {detail}" if detail else ""),
                            hint=hint) from err
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise PushError(f"cannot reach {url}: {reason}") from err
        self.requests += 1
