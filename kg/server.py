"""kg serve: a SPARQL 1.1 Protocol endpoint over a store, with a query page that works offline.

    GET  /sparql?query=...            POST /sparql (application/x-www-form-urlencoded: query=...)
    POST /sparql (application/sparql-query)
    POST /sparql (update=... or application/sparql-update): 403 unless started with allow_updates and a token,
         and the request carries ``Authorization: Bearer TOKEN``
    GET  /            the query page (kg/static/sparql/, no CDN)
    GET  /queries     the named queries as JSON

The protocol's dataset parameters are honoured: ``default-graph-uri`` and
``named-graph-uri`` for queries (they replace the query's FROM and FROM
NAMED), ``using-graph-uri`` and ``using-named-graph-uri`` for updates (an
update that has its own USING or WITH as well is refused). Relative IRIs
resolve against the endpoint's URL. ``SERVICE`` (and ``LOAD`` in updates),
which would make the server fetch a URL, is refused with HTTP 400 unless the
server was started with allow_service.

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
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .errors import QueryError, StoreError

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
#: The protocol's dataset parameters: (default graphs, named graphs) of a query, and of an update.
DATASET_PARAMETERS = {"query": ("default-graph-uri", "named-graph-uri"),
                      "update": ("using-graph-uri", "using-named-graph-uri")}
SERVICE_HINT = "the server's operator can allow SERVICE and LOAD with kg serve --allow-service"
_HOST = re.compile(r"[A-Za-z0-9.\-]+(:\d{1,5})?|\[[0-9A-Fa-f:.]+\](:\d{1,5})?")


@dataclass(frozen=True)
class Settings:
    store: Path
    timeout: float = DEFAULT_TIMEOUT
    allow_updates: bool = False
    token: str | None = None
    allow_service: bool = False


@dataclass(frozen=True)
class Operation:
    """One query or update, as the child process runs it."""

    kind: str                               # "query" or "update"
    text: str
    base_iri: str | None = None             # relative IRIs in the text resolve against it
    default_graphs: tuple[str, ...] = ()    # the protocol's dataset: IRIs of the default graph's parts ...
    named_graphs: tuple[str, ...] = ()      # ... and of the named graphs; both empty: the store's own
    allow_service: bool = False

    @property
    def has_dataset(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes


# ---- the work done in a child process ------------------------------------------------------------------------

def execute(store_path: str, operation: Operation, accept: str, wanted: str | None) -> Reply:
    """Run a query (read-only) or an update (read-write) on the store at ``store_path``; serialise the answer."""
    import pyoxigraph as ox

    from .sparql import refuse_outbound, with_using
    from .store import QUERY_PREFIXES

    update = operation.kind == "update"
    try:
        text = operation.text
        if update and operation.has_dataset:
            text = with_using(text, [f"<{g}>" for g in operation.default_graphs],
                              [f"<{g}>" for g in operation.named_graphs])
        if not operation.allow_service:
            refuse_outbound(text, update=update, hint=SERVICE_HINT)
        if update:
            store = ox.Store(store_path)
            store.update(text, prefixes=QUERY_PREFIXES, base_iri=operation.base_iri)
            store.flush()
            return Reply(204, "text/plain", b"")
        dataset = {"default_graph": [ox.NamedNode(g) for g in operation.default_graphs],
                   "named_graphs": [ox.NamedNode(g) for g in operation.named_graphs]} if operation.has_dataset else {}
        store = ox.Store.read_only(store_path)
        result = store.query(text, prefixes=QUERY_PREFIXES, base_iri=operation.base_iri, **dataset)
    except QueryError as err:
        return _text_reply(400, err.one_line())
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


def _child(conn, store_path: str, operation: Operation, accept: str, wanted: str | None) -> None:
    try:
        reply = execute(store_path, operation, accept, wanted)
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

    def run(self, operation: Operation, accept: str = "", wanted: str | None = None) -> Reply:
        guard = self.lock.writing() if operation.kind == "update" else self.lock.reading()
        with self.slots, guard:
            return self._in_child(operation, accept, wanted)

    def _in_child(self, operation: Operation, accept: str, wanted: str | None) -> Reply:
        kind = operation.kind
        receiver, sender = self.context.Pipe(duplex=False)
        process = self.context.Process(target=_child, daemon=True,
                                       args=(sender, str(self.settings.store), operation, accept, wanted))
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
        self._operate("query", params)

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path not in ("/", "/sparql", "/query", "/update"):
            return self._send(_text_reply(404, "not found: the endpoint is /sparql"))
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._send(_text_reply(413, "the request is too large"))
        raw_body = self.rfile.read(length)
        content_type, *type_params = [part.strip() for part in (self.headers.get("Content-Type") or "").split(";")]
        content_type = content_type.lower()
        charset = next((p.split("=", 1)[1].strip('"').lower() for p in type_params if p.lower().startswith("charset=")),
                       "utf-8")
        if charset not in ("utf-8", "utf8"):
            return self._send(_text_reply(415, f"send the request as UTF-8, not {charset}"))
        try:
            body = raw_body.decode("utf-8")
        except UnicodeDecodeError:
            return self._send(_text_reply(400, "the request body is not UTF-8"))
        params = parse_qs(url.query, keep_blank_values=True)
        if content_type == "application/x-www-form-urlencoded":
            for name, values in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(name, []).extend(values)
        elif content_type in ("application/sparql-query", "application/sparql-update"):
            params.setdefault(content_type.removeprefix("application/sparql-"), []).append(body)
        else:
            return self._send(_text_reply(415, "POST application/sparql-query, application/sparql-update or a form"))
        kinds = [kind for kind in ("query", "update") if kind in params]
        if len(kinds) != 1:
            return self._send(_text_reply(400, "send one query=... or one update=..." if kinds else
                                          "no query: send query=... (or update=...)"))
        self._operate(kinds[0], params)

    def _refuse_method(self) -> None:
        self._send(_text_reply(405, f"{self.command} is not a SPARQL protocol method: use GET or POST"),
                   ("Allow", "GET, POST"))

    do_PUT = do_DELETE = do_PATCH = _refuse_method

    # -- actions

    def _operate(self, kind: str, params: dict[str, list[str]]) -> None:
        """Check a query or update request against the protocol, then run it in a child process."""
        settings = self.server.runner.settings
        if kind == "update":
            refusal = self._update_refusal(settings)
            if refusal:
                return self._send(refusal)
        texts = params[kind]
        if len(texts) > 1:
            return self._send(_text_reply(400, f"one {kind} per request, not {len(texts)}"))
        other = "update" if kind == "query" else "query"
        misplaced = [name for name in DATASET_PARAMETERS[other] if name in params]
        if misplaced:
            return self._send(_text_reply(400, f"{misplaced[0]} is for {other} requests; "
                                               f"{kind} requests take {' and '.join(DATASET_PARAMETERS[kind])}"))
        try:
            default_graphs, named_graphs = (_iris(params.get(name, [])) for name in DATASET_PARAMETERS[kind])
        except ValueError as err:
            return self._send(_text_reply(400, str(err)))
        operation = Operation(kind, texts[0], self._base_iri(), default_graphs, named_graphs, settings.allow_service)
        wanted = (params.get("format") or params.get("output") or [None])[0]
        self._send(self.server.runner.run(operation, self.headers.get("Accept") or "", wanted))

    def _update_refusal(self, settings: Settings) -> Reply | None:
        if not settings.allow_updates or not settings.token:
            return _text_reply(403, "this endpoint is read-only")
        given = (self.headers.get("Authorization") or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), settings.token.encode()):
            return _text_reply(403, "updates need the server's token (Authorization: Bearer TOKEN)")
        return None

    def _base_iri(self) -> str:
        """The endpoint's URL as the client addressed it: the base of relative IRIs (SPARQL 1.1 Protocol 2.1.5)."""
        host = self.headers.get("Host") or ""
        if not _HOST.fullmatch(host):
            address, port = self.server.server_address[:2]
            host = f"[{address}]:{port}" if ":" in address else f"{address}:{port}"
        return f"http://{host}{urlsplit(self.path).path}"

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

    def _send(self, reply: Reply, *headers: tuple[str, str]) -> None:
        self.send_response(reply.status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002  (http.server's signature)
        log.info("%s %s", self.address_string(), format % args)


def _iris(values: list[str]) -> tuple[str, ...]:
    """Graph names from the protocol's dataset parameters, each checked to be an absolute IRI (ValueError if not)."""
    import pyoxigraph as ox

    iris = []
    for value in values:
        try:
            iris.append(ox.NamedNode(value).value)
        except ValueError as err:
            raise ValueError(f"not an absolute IRI: {value!r} ({_first_line(err)})") from err
    return tuple(iris)


class KGServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], settings: Settings):
        self.runner = Runner(settings)
        super().__init__(address, Handler)


def make_server(store: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
                timeout: float = DEFAULT_TIMEOUT, allow_updates: bool = False, token: str | None = None,
                allow_service: bool = False) -> KGServer:
    """A server bound to ``host:port`` (port 0: any free port); call ``serve_forever()`` on it.

    ``allow_service`` lets queries call SERVICE (and updates LOAD), which makes the server fetch the URLs they name.
    """
    from .store import is_store

    store = Path(store)
    if not is_store(store):
        raise StoreError(f"no kg store at {store}", hint=f"build one with: kg build INPUTS --store {store}")
    if allow_updates and not token:
        raise StoreError("updates need a token", hint="pass --token TOKEN with --allow-updates")
    try:
        return KGServer((host, port), Settings(store.resolve(), timeout, allow_updates, token, allow_service))
    except OSError as err:
        raise StoreError(f"cannot listen on {host}:{port}: {err.strerror or err}",
                         hint="choose another --port, or stop what uses it") from err


__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "DEFAULT_TIMEOUT", "KGServer", "Operation", "Settings", "execute",
           "make_server", "negotiate"]
