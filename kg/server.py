"""kg serve: a SPARQL 1.1 Protocol endpoint over a store, with a query page that works offline.

    GET  /sparql?query=...            POST /sparql (application/x-www-form-urlencoded: query=...)
    POST /sparql (application/sparql-query)
    POST /sparql (update=... or application/sparql-update): 403 unless started with allow_updates and a token,
         and the request carries ``Authorization: Bearer TOKEN``
    GET  /            the query page (kg/static/sparql/, no CDN)
    GET  /queries     the named queries as JSON

Results: SELECT and ASK as SPARQL JSON (default), XML, CSV or TSV; CONSTRUCT and
DESCRIBE as Turtle (default), N-Triples, RDF/XML or JSON-LD; chosen by the
``format`` parameter or the Accept header.

Every query runs in its own short-lived process (forked from a clean
forkserver) that opens the store read-only; the server kills it at the
deadline, so one runaway query cannot hang the server or hold a CPU. Updates,
when allowed, run the same way but alone: a readers-writer lock keeps queries
out while an update holds the store open for writing (a read-only instance
must not run beside a writer).
"""
from __future__ import annotations

import hmac
import json
import logging
import multiprocessing
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .errors import StoreError

log = logging.getLogger("kg")

DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TIMEOUT = "127.0.0.1", 7878, 30.0
#: At most this many query processes at once; further requests wait for a slot.
MAX_CONCURRENT_QUERIES = 4
#: Request bodies larger than this are refused (a query is text; 1 MiB is plenty).
MAX_BODY = 1 << 20

#: Result formats for SELECT/ASK: format parameter -> media type.
RESULT_FORMATS = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values",
}
#: Graph formats for CONSTRUCT/DESCRIBE: format parameter -> media type.
GRAPH_FORMATS = {
    "ttl": "text/turtle", "nt": "application/n-triples", "xml": "application/rdf+xml", "jsonld": "application/ld+json",
}
_FORMAT_ALIASES = {"turtle": "ttl", "ntriples": "nt", "rdfxml": "xml", "json-ld": "jsonld"}


@dataclass(frozen=True)
class Settings:
    store: Path
    timeout: float = DEFAULT_TIMEOUT
    allow_updates: bool = False
    token: str | None = None


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes


# ---- the work done in a child process ------------------------------------------------------------------------

def execute(store_path: str, kind: str, text: str, accept: str, wanted: str | None) -> Reply:
    """Run a query (read-only) or an update (read-write) on the store at ``store_path``; serialise the answer."""
    import pyoxigraph as ox

    from .store import QUERY_PREFIXES

    try:
        if kind == "update":
            store = ox.Store(store_path)
            store.update(text, prefixes=QUERY_PREFIXES)
            store.flush()
            return Reply(204, "text/plain", b"")
        store = ox.Store.read_only(store_path)
        result = store.query(text, prefixes=QUERY_PREFIXES)
    except SyntaxError as err:
        return _text_reply(400, f"malformed SPARQL: {_first_line(err)}")
    except (OSError, RuntimeError, ValueError) as err:
        return _text_reply(500, f"the query failed: {_first_line(err)}")
    if isinstance(result, ox.QueryTriples):
        name = negotiate(accept, wanted, GRAPH_FORMATS, "ttl")
        if name is None:
            return _text_reply(406, f"CONSTRUCT/DESCRIBE results come as {', '.join(GRAPH_FORMATS.values())}")
        rdf_format = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "xml": ox.RdfFormat.RDF_XML,
                      "jsonld": ox.RdfFormat.JSON_LD}[name]
        prefixes = QUERY_PREFIXES if name == "ttl" else None
        body = ox.serialize(list(result), format=rdf_format, prefixes=prefixes) if prefixes else \
            result.serialize(format=rdf_format)
        return Reply(200, f"{GRAPH_FORMATS[name]}; charset=utf-8", body)
    name = negotiate(accept, wanted, RESULT_FORMATS, "json")
    if name is None:
        return _text_reply(406, f"SELECT/ASK results come as {', '.join(RESULT_FORMATS.values())}")
    results_format = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                      "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}[name]
    return Reply(200, f"{RESULT_FORMATS[name]}; charset=utf-8", result.serialize(format=results_format))


def _child(conn, store_path: str, kind: str, text: str, accept: str, wanted: str | None) -> None:
    try:
        reply = execute(store_path, kind, text, accept, wanted)
    except BaseException as err:  # noqa: BLE001  (report anything to the parent rather than dying silently)
        reply = _text_reply(500, f"internal error {type(err).__name__}: {_first_line(err)}")
    conn.send(reply)
    conn.close()


def negotiate(accept: str, wanted: str | None, formats: dict[str, str], default: str) -> str | None:
    """The format to answer in: the ``format`` parameter, else the best Accept match, else ``default``."""
    if wanted:
        wanted = _FORMAT_ALIASES.get(wanted.lower(), wanted.lower())
        if wanted in formats:
            return wanted
        by_type = {media: name for name, media in formats.items()}
        return by_type.get(wanted)
    if not accept.strip():
        return default
    by_type = {media: name for name, media in formats.items()}
    by_type.update({"application/json": "json"} if "json" in formats else {})
    by_type.update({"application/xml": "xml", "text/xml": "xml"} if "xml" in formats else {})
    for media, _ in sorted(_accepted(accept), key=lambda item: -item[1]):
        if media in by_type:
            return by_type[media]
        if media in ("*/*", "text/*", "application/*"):
            return default
    return None


def _accepted(accept: str) -> list[tuple[str, float]]:
    items = []
    for part in accept.split(","):
        media, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            items.append((media.lower(), quality))
    return items


def _text_reply(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


# ---- running children with a deadline ------------------------------------------------------------------------

class ReadWriteLock:
    """Many readers or one writer (writers are not starved: a waiting writer holds new readers back)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self):
        with self._cond:
            self._cond.wait_for(lambda: not self._writer and not self._writers_waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self):
        with self._cond:
            self._writers_waiting += 1
            self._cond.wait_for(lambda: not self._writer and self._readers == 0)
            self._writers_waiting -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class Runner:
    """Runs each query or update in a child process and kills it at the deadline."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.context = _process_context()
        self.lock = ReadWriteLock()
        self.slots = threading.BoundedSemaphore(MAX_CONCURRENT_QUERIES)

    def run(self, kind: str, text: str, accept: str = "", wanted: str | None = None) -> Reply:
        guard = self.lock.writing() if kind == "update" else self.lock.reading()
        with self.slots, guard:
            return self._in_child(kind, text, accept, wanted)

    def _in_child(self, kind: str, text: str, accept: str, wanted: str | None) -> Reply:
        receiver, sender = self.context.Pipe(duplex=False)
        process = self.context.Process(target=_child, daemon=True,
                                       args=(sender, str(self.settings.store), kind, text, accept, wanted))
        process.start()
        sender.close()
        try:
            if receiver.poll(self.settings.timeout):
                return receiver.recv()
            return _text_reply(503, f"the {kind} took longer than {self.settings.timeout:g} s and was stopped")
        except EOFError:
            return _text_reply(500, f"the {kind} process ended without an answer (exit code {process.exitcode})")
        finally:
            receiver.close()
            if process.is_alive():
                process.kill()
            process.join(5)


def _process_context():
    """forkserver: children fork from a small clean process (not from this threaded one), with kg preloaded."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["__main__", "kg.server", "pyoxigraph"])  # __main__: not re-run per child
        return context
    return multiprocessing.get_context("spawn")


# ---- HTTP ----------------------------------------------------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol over the Runner; the page and the named queries as static resources."""

    server: KGServer
    server_version = "kg-sparql"

    def do_GET(self) -> None:  # noqa: N802  (http.server's naming)
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path in ("/", "/index.html") and "query" not in params:
            return self._page("index.html")
        if url.path.startswith("/static/"):
            return self._page(url.path[len("/static/"):])
        if url.path == "/queries":
            return self._named_queries()
        if url.path not in ("/", "/sparql", "/query"):
            return self._send(_text_reply(404, "not found: the endpoint is /sparql"))
        if "update" in params:
            return self._send(_text_reply(405, "updates must be POSTed"))
        if "query" not in params:
            return self._page("index.html")
        self._query(params["query"][0], params)

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path not in ("/", "/sparql", "/query", "/update"):
            return self._send(_text_reply(404, "not found: the endpoint is /sparql"))
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._send(_text_reply(413, "the request is too large"))
        body = self.rfile.read(length).decode("utf-8", "replace")
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if content_type == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
        elif content_type == "application/sparql-query":
            params["query"] = [body]
        elif content_type == "application/sparql-update":
            params["update"] = [body]
        else:
            return self._send(_text_reply(415, "POST application/sparql-query, application/sparql-update or a form"))
        if "update" in params:
            return self._update(params["update"][0])
        if "query" not in params:
            return self._send(_text_reply(400, "no query: send query=... (or update=...)"))
        self._query(params["query"][0], params)

    # -- actions

    def _query(self, text: str, params: dict) -> None:
        wanted = (params.get("format") or params.get("output") or [None])[0]
        self._send(self.server.runner.run("query", text, self.headers.get("Accept") or "", wanted))

    def _update(self, text: str) -> None:
        settings = self.server.runner.settings
        if not settings.allow_updates or not settings.token:
            return self._send(_text_reply(403, "this endpoint is read-only"))
        given = (self.headers.get("Authorization") or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), settings.token.encode()):
            return self._send(_text_reply(403, "updates need the server's token (Authorization: Bearer TOKEN)"))
        self._send(self.server.runner.run("update", text))

    def _named_queries(self) -> None:
        from .store import named_queries

        listing = {name: {"description": d, "sparql": q} for name, (d, q) in named_queries().items()}
        self._send(Reply(200, "application/json; charset=utf-8", json.dumps(listing).encode("utf-8")))

    def _page(self, name: str) -> None:
        folder = resources.files("kg").joinpath("static", "sparql")
        types = {".html": "text/html", ".js": "text/javascript", ".css": "text/css"}
        suffix = Path(name).suffix
        if "/" in name or suffix not in types or not folder.joinpath(name).is_file():
            return self._send(_text_reply(404, "not found"))
        self._send(Reply(200, f"{types[suffix]}; charset=utf-8", folder.joinpath(name).read_bytes()))

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002  (http.server's signature)
        log.info("%s %s", self.address_string(), format % args)


class KGServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], settings: Settings):
        self.runner = Runner(settings)
        super().__init__(address, Handler)


def make_server(store: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
                timeout: float = DEFAULT_TIMEOUT, allow_updates: bool = False, token: str | None = None) -> KGServer:
    """A server bound to ``host:port`` (port 0: any free port); call ``serve_forever()`` on it."""
    from .store import is_store

    store = Path(store)
    if not is_store(store):
        raise StoreError(f"no kg store at {store}", hint=f"build one with: kg build INPUTS --store {store}")
    if allow_updates and not token:
        raise StoreError("updates need a token", hint="pass --token TOKEN with --allow-updates")
    try:
        return KGServer((host, port), Settings(store.resolve(), timeout, allow_updates, token))
    except OSError as err:
        raise StoreError(f"cannot listen on {host}:{port}: {err.strerror or err}",
                         hint="choose another --port, or stop what uses it") from err


__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "DEFAULT_TIMEOUT", "KGServer", "Settings", "execute", "make_server",
           "negotiate"]
