"""The persistent graph store: one named graph per article, backed by Oxigraph.

    >>> from kg import Store
    >>> with Store("kg-store") as store:                 # a folder on disk (None: in memory)
    ...     store.add(article_graph)                     # False when the article is unchanged
    ...     rows = store.query("SELECT ?s WHERE { ?s a kgo:City }")

Every article's triples live in one named graph, named by ``kg.triples.article_iri``
and keyed by the article's ``kgo:contentHash``: adding an unchanged article writes
nothing, adding a changed one replaces its graph, and removing it drops the graph,
so facts that only it supported vanish while entities other articles mention stay.

The store's **default graph is the merge of all article graphs** (each triple once),
kept up to date by every add and remove in the same transaction. So plain patterns
such as ``?a kgo:captured ?b`` see every article, each fact once, exactly as rdflib
does over ``graph.ttl``, and ``GRAPH ?g { ... }`` reaches a single article's
graph. (Why not Oxigraph's ``use_default_graph_as_union``: in pyoxigraph <= 0.5.13
it yields a triple once per graph holding it, which inflates COUNT and repeats
rows; see oxigraph issue #1919.) The prefixes of ``kg.vocab.PREFIXES`` are
predeclared in every query.

Crash safety comes from Oxigraph (RocksDB): every ``add`` and ``remove`` is one
transaction, so a process killed mid-build leaves every article committed before
it and none half-written.

A store folder carries a marker file, ``kg-store.json``. A store is made only in
a new or empty folder: any other folder without the marker (an output folder, a
folder of articles) is refused, so ``--store`` given the wrong folder cannot turn
it into a store. Stores made before the marker existed (an Oxigraph folder with
RocksDB's ``CURRENT`` file) open read-only for queries, but are refused for writing:
they name entities with the IRIs of an earlier scheme, and new articles would give
every shared entity a second node.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import queue
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib
from rdflib.namespace import XSD

from .dates import When
from .errors import MissingExtraError, QueryError, StoreError
from .events import KnownEvent
from .model import ENTITY_TYPES, PREDICATES, ArticleGraph, Entity
from .outputs import atomic_write, atomic_write_text
from .resolve import _merge_type
from .sparql import refuse_outbound
from .triples import article_iri, article_triples, entity_key, ntriples
from .vocab import KGO, PREFIXES, bind_prefixes


#: Prefixes every query may use without declaring them.
QUERY_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
#: export() formats: name -> file extension.
EXPORT_FORMATS = {"ttl": "ttl", "trig": "trig", "nq": "nq", "jsonld": "jsonld", "graphml": "graphml",
                  "events-csv": "csv"}

_INTEGER_TYPES = {str(XSD[t]) for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
    "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOAT_TYPES = {str(XSD.decimal), str(XSD.double), str(XSD.float)}
_XSD_STRING = str(XSD.string)
_ENTITY_CLASSES = {str(KGO[t]): t for t in ENTITY_TYPES}
_CONTENT_HASH_NT = ntriples(KGO.contentHash)


class Rows(list):
    """SELECT results: a list of dicts, one per solution, that also knows the query's ``columns``, so an empty
    result still has them (a CSV of no rows keeps its header)."""

    def __init__(self, rows: Iterable[dict], columns: list[str]):
        super().__init__(rows)
        self.columns = columns


class Store:
    """kg's graph store. ``Store()`` lives in memory; ``Store(path)`` persists in that folder.

    ``create=False`` refuses to make a new store where none exists (what the
    read commands want); ``read_only=True`` opens an existing store for reading
    only (several processes may do that at once, but not while one writes).
    """

    def __init__(self, path: str | Path | None = None, *, create: bool = True, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._store = _open(self.path, create=create, read_only=read_only)

    # ---- lifecycle -------------------------------------------------------------------------------------------

    def close(self) -> None:
        """Flush and release the store (its folder lock is freed when the object goes)."""
        if self._store is not None and self.path is not None and not self.read_only:
            self._store.flush()
        self._store = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __len__(self) -> int:
        """The number of quads in the article graphs (the merged default graph not counted)."""
        return self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"]

    def __repr__(self) -> str:
        where = str(self.path) if self.path else "memory"
        return f"<kg.Store {where}: {len(self)} quads>"

    @property
    def _oxigraph(self) -> ox.Store:
        if self._store is None:
            raise StoreError("the store is closed")
        return self._store

    # ---- writing ---------------------------------------------------------------------------------------------

    def add(self, graph: ArticleGraph) -> bool:
        """Write one article's triples into its named graph; False (nothing written) when unchanged."""
        article = graph.article
        if self.content_hash(article.id) == article.content_hash:
            return False
        self.add_triples(article.id, article_triples(graph))
        return True

    def add_triples(self, article_id: str, triples: Iterable[tuple]) -> int:
        """Replace ``article_id``'s named graph with ``triples`` (rdflib terms) in one transaction."""
        name = ox.NamedNode(str(article_iri(article_id)))
        terms = [(_cached_ox(s), _cached_ox(p), _cached_ox(o)) for s, p, o in triples]
        store = self._oxigraph
        try:
            if store.contains_named_graph(name):
                # Retract and insert in one update: one transaction, so a crash keeps the old graph or the new.
                body = " ".join(f"{s} {p} {o} ." for s, p, o in terms)
                store.update(f"{_retract(name)} ; INSERT DATA {{ {body} GRAPH {name} {{ {body} }} }}")
            else:
                store.extend([ox.Quad(s, p, o, name) for s, p, o in terms]
                             + [ox.Quad(s, p, o) for s, p, o in terms])  # one transaction
        except OSError as err:
            raise StoreError(f"cannot write article {article_id!r} to the store: {err}") from err
        return len(terms)

    def bulk_add(self, articles: Iterable[tuple[str, Iterable[tuple]]], *, chunk: int = 300_000) -> int:
        """Load many ``(article id, triples)`` at once with Oxigraph's bulk loader; returns the triple count.

        For first imports: several times faster than ``add_triples`` per
        article, but not one transaction per article. It stays safe to re-run:
        each new article's ``kgo:contentHash`` is committed last, in one
        transaction, so after a crash the half-loaded articles have no hash and
        the next ``add`` or ``bulk_add`` replaces them. Articles the store
        already holds go through ``add_triples``.

        The N-Quads text is written ``chunk`` lines at a time while a
        background thread loads the previous chunk (Oxigraph releases the GIL
        while it loads), so making the text costs almost no extra time.
        """
        store, total, hashes = self._oxigraph, 0, []
        batch = _NQuadsBatch()
        with _BackgroundLoader(self._bulk_load) as loader:
            for article_id, triples in articles:
                name = ox.NamedNode(str(article_iri(article_id)))
                if store.contains_named_graph(name):
                    loader.wait()  # Oxigraph's bulk loader must not run beside a transaction that deletes
                    total += self.add_triples(article_id, triples)
                    continue
                total += batch.add_graph(f"<{name.value}>", triples, hashes)
                if batch.lines >= chunk:
                    loader.put(batch.take())
            loader.put(batch.take())
        # No store.optimize() here: at 1M triples it took 2-7 s (a fifth of the load) and sped the named
        # queries up by 1.3x at most (benchmarks/bench_store.py).
        store.extend([ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), ox.NamedNode(g)) for g, s, p, o in hashes])
        return total

    def _bulk_load(self, text: str) -> None:
        if text:
            try:
                # lenient: the text comes from kg.triples.ntriples, whose terms rdflib and kg already checked.
                self._oxigraph.bulk_load(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS, lenient=True)
            except (OSError, SyntaxError, ValueError) as err:
                raise StoreError(f"bulk load failed: {_first_line(err)}") from err

    def remove(self, article_id: str) -> bool:
        """Drop the article's named graph, and the facts no other article supports; False if not held."""
        name = ox.NamedNode(str(article_iri(article_id)))
        if not self._oxigraph.contains_named_graph(name):
            return False
        try:
            self._oxigraph.update(_retract(name))
        except OSError as err:
            raise StoreError(f"cannot remove article {article_id!r}: {err}") from err
        return True

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self._oxigraph.flush()

    # ---- reading ---------------------------------------------------------------------------------------------

    def content_hash(self, article_id: str) -> str | None:
        """The stored ``kgo:contentHash`` of an article, or None if the store does not hold it."""
        name = ox.NamedNode(str(article_iri(article_id)))
        for quad in self._oxigraph.quads_for_pattern(name, ox.NamedNode(str(KGO.contentHash)), None, name):
            return quad.object.value
        return None

    def articles(self) -> list[dict]:
        """One dict per stored article: id, title, published, url, hash, triples (count), graph (IRI)."""
        counts = {row["graph"]: row["triples"] for row in self.query(_GRAPH_SIZES)}
        rows = self.query(_ARTICLES)
        for row in rows:
            row["triples"] = counts.get(row["graph"], 0)
        return rows

    def query(self, sparql: str, *, bindings: Mapping[str, Any] | None = None, df: bool = False,
              allow_service: bool = False):
        """Run a SPARQL query over the union of all articles.

        SELECT gives ``Rows``, a list of dicts (variable -> Python value: str for IRIs
        and strings, int, float, bool, date, datetime; None when unbound), or a
        pandas DataFrame with ``df=True``; ASK gives a bool; CONSTRUCT and
        DESCRIBE give an rdflib Graph (see ``construct``). ``bindings`` pre-binds
        variables to values (see ``to_term``) through Oxigraph's substitutions,
        never by editing the query text.

        A query with ``SERVICE`` raises QueryError before anything runs, as it
        would make this process fetch a URL; ``allow_service=True`` runs it
        (the same holds for ``query_raw`` and ``construct``).
        """
        result = self._run(sparql, bindings, allow_service)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QueryTriples):
            return _triples_graph(result)
        names = [v.value for v in result.variables]
        rows = [dict(zip(names, map(to_python, solution))) for solution in result]  # a solution iterates its values
        if df:
            return _dataframe(rows, names)
        return Rows(rows, names)

    def query_raw(self, sparql: str, *, bindings: Mapping[str, Any] | None = None, allow_service: bool = False):
        """The pyoxigraph result itself (QuerySolutions, QueryBoolean or QueryTriples), for serialising."""
        return self._run(sparql, bindings, allow_service)

    def construct(self, sparql: str, *, bindings: Mapping[str, Any] | None = None,
                  allow_service: bool = False) -> rdflib.Graph:
        """CONSTRUCT or DESCRIBE results as an rdflib Graph."""
        result = self._run(sparql, bindings, allow_service)
        if not isinstance(result, ox.QueryTriples):
            raise QueryError("construct() needs a CONSTRUCT or DESCRIBE query", hint="use query() for SELECT and ASK")
        return _triples_graph(result)

    def graph(self) -> rdflib.Graph:
        """Every triple of every article, in one rdflib Graph (what graph.ttl holds)."""
        return self.construct("CONSTRUCT WHERE { ?s ?p ?o }")

    def dataset(self) -> rdflib.Dataset:
        """The store as an rdflib Dataset, one named graph per article."""
        ds = bind_prefixes(rdflib.Dataset())
        ds.parse(data=ox.serialize(self._article_quads(), format=ox.RdfFormat.N_QUADS).decode("utf-8"),
                 format="nquads")
        return ds

    def article_graphs(self) -> Iterator[tuple[rdflib.URIRef, rdflib.Graph]]:
        """(graph name, rdflib Graph) of every stored article, in the order of their names."""
        names = sorted(g.value for g in self._oxigraph.named_graphs() if isinstance(g, ox.NamedNode))
        for name in names:
            quads = self._oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(name))
            yield rdflib.URIRef(name), _triples_graph(quads)

    def counts(self) -> tuple[Counter, Counter]:
        """(entity type -> number of entities, predicate -> number of distinct facts) over the whole store."""
        entities = Counter(entity.type for entity in self.known_entities())
        relations = Counter({row["predicate"]: row["facts"] for row in self.query(_RELATION_COUNTS)})
        return entities, relations

    def known_entities(self) -> Iterator[Entity]:
        """Every entity in the store, merged across articles, to seed ``Resolver.remember``."""
        found: dict[str, dict] = defaultdict(lambda: {"types": [], "labels": Counter(), "aliases": set(), "links": {}})
        for row in self.query(_ENTITIES):
            key = entity_key(row["entity"])
            if key is None:
                continue
            item = found[key]
            _collect_entity_row(item, row)
        for key, item in sorted(found.items()):
            if not item["types"] or not item["labels"]:
                continue
            yield _entity_from(key, item)

    def known_events(self) -> Iterator[KnownEvent]:
        """Every dated, placed event in the store, so that a new report of one joins it (``EventResolver.remember``).
        An event is known by its IRI; reports disagreeing on the date keep the most precise, on the toll the lowest."""
        found: dict[str, dict] = defaultdict(lambda: {"agents": set(), "targets": set(), "dates": set(), "tolls": set()})
        for row in self.query(_EVENTS):
            item = found[row["event"]]
            item.update(event_class=row["class"], place=entity_key(row["place"]), label=row["label"] or "")
            for column, into in (("agent", "agents"), ("target", "targets")):
                if row[column] and entity_key(row[column]):
                    item[into].add(entity_key(row[column]))
            if isinstance(row["date"], _dt.date):
                item["dates"].add((_PRECISIONS.get(row["precision"], 0), row["date"], row["precision"] or "day"))
            if row["fatalities"] is not None:
                item["tolls"].add(row["fatalities"])
        for iri, item in sorted(found.items()):
            if item["place"] is None or not item["dates"]:
                continue  # undated or placeless events are never merged across reports
            _, date, precision = min(item["dates"])
            yield KnownEvent(key=iri, event_class=item["event_class"], agents=item["agents"], targets=item["targets"],
                             place=item["place"], when=When(date, precision, ""),
                             fatalities=min(item["tolls"]) if item["tolls"] else None, label=item["label"])

    def export(self, path: str | Path, format: str = "ttl") -> Path:
        """Write the whole store to ``path`` as ttl, trig, nq, jsonld, graphml or events-csv (the events, one row
        each, with ACLED's columns), written atomically."""
        if format not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {format!r}", hint=f"use one of: {', '.join(EXPORT_FORMATS)}")
        if format == "graphml":
            from .analysis import to_networkx, write_graphml

            path = Path(path)
            partial = path.with_name(f".{path.name}.partial")
            write_graphml(to_networkx(self), partial)
            return Path(os.replace(partial, path) or path)
        if format == "events-csv":  # one row per event, ACLED's columns (kg.acled)
            from .acled import events_csv

            return atomic_write_text(Path(path), events_csv(self))
        if format == "ttl":
            union = self.graph()
            return atomic_write(Path(path), lambda f: union.serialize(f, format="turtle", encoding="utf-8"))
        rdf_format = {"trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}[format]
        prefixes = QUERY_PREFIXES if format == "trig" else None
        return atomic_write(Path(path), lambda f: ox.serialize(self._article_quads(), f, format=rdf_format,
                                                               prefixes=prefixes))

    # ---- internals -------------------------------------------------------------------------------------------

    def _article_quads(self) -> Iterator[ox.Quad]:
        """Every quad of the article graphs (not the merged default graph, which repeats them)."""
        return (q for q in self._oxigraph if not isinstance(q.graph_name, ox.DefaultGraph))

    def _run(self, sparql: str, bindings: Mapping[str, Any] | None, allow_service: bool = False):
        if not allow_service:
            refuse_outbound(sparql, hint="pass allow_service=True to run SERVICE calls (kg query --allow-service)")
        substitutions = {ox.Variable(name): to_term(value) for name, value in (bindings or {}).items()}
        try:
            return self._oxigraph.query(sparql, prefixes=QUERY_PREFIXES, substitutions=substitutions or None)
        except RuntimeError as err:  # e.g. a binding for a variable the query does not select
            raise QueryError(f"cannot bind {', '.join(bindings or {})}: {_first_line(err)}",
                             hint="bind only variables the query selects") from err
        except SyntaxError as err:
            raise QueryError(f"malformed SPARQL: {_first_line(err)}",
                             hint="check the query's syntax (prefixes kgo:, kgr:, rdfs:, schema: ... are predeclared)") from err
        except OSError as err:
            raise StoreError(f"cannot read the store: {_first_line(err)}") from err


def _retract(name: ox.NamedNode) -> str:
    """SPARQL update dropping a named graph and the merged triples that no other graph holds."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {name}) }} }} ; "
            f"DROP SILENT GRAPH {name}")


#: The file that says a folder is a kg store.
STORE_MARKER = "kg-store.json"
_MARKER_TEXT = json.dumps({"format": "kg-store", "version": 1,
                           "about": "An Oxigraph (RocksDB) graph store written by kg: open it with kg.Store(folder)"})


def _open(path: Path | None, *, create: bool, read_only: bool) -> ox.Store:
    if path is None:
        return ox.Store()
    if not is_store(path):
        if not create:
            raise StoreError(f"no kg store at {path}", hint="build one with: kg build INPUTS --store " + str(path))
        _refuse_other_folders(path)
    if not read_only and (path / "CURRENT").is_file() and not (path / STORE_MARKER).is_file():
        # Stores written before the marker name entities with IRIs of an earlier scheme (kgr:city/kabul, not
        # kgr:city-kabul): articles added now would make a second node for every entity they share.
        raise StoreError(f"{path} was written by an earlier kg, whose IRIs differ from today's",
                         hint=f"query it as it is (kg query --store {path}), or build it anew into a new folder "
                              "with kg build INPUTS --store NEW")
    try:
        if read_only:
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        store = ox.Store(str(path))
        if not (path / STORE_MARKER).is_file():  # a new store
            atomic_write(path / STORE_MARKER, lambda f: f.write(_MARKER_TEXT.encode("utf-8")))
        return store
    except OSError as err:
        message = _first_line(err)
        hint = ("another kg process (build, serve, query) has it open; wait for it or stop it"
                if "lock" in message.lower() else "check the folder's permissions, or choose another --store")
        raise StoreError(f"cannot open the store at {path}: {message}", hint=hint) from err


def is_store(path: str | Path) -> bool:
    """True when ``path`` is a kg store: a folder with the marker, or an Oxigraph store made before it existed."""
    path = Path(path)
    return path.is_dir() and ((path / STORE_MARKER).is_file() or (path / "CURRENT").is_file())


def _refuse_other_folders(path: Path) -> None:
    """A new store goes only where nothing is yet: never into a file, or a folder that holds other things."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a kg store", hint="give --store a new or empty folder")
    held = sorted(p.name for p in path.iterdir()) if path.is_dir() else []
    if held:
        shown = ", ".join(held[:3]) + (", ..." if len(held) > 3 else "")
        raise StoreError(f"{path} is not a kg store: it holds other files ({shown}) and no {STORE_MARKER}",
                         hint="give --store a new or empty folder, e.g. --store kg-store; "
                              "the graph files that -o names are outputs, not a store")


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


# ---- terms: rdflib / Python <-> Oxigraph ---------------------------------------------------------------------

def _to_ox(term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as an Oxigraph term."""
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


#: rdflib term -> Oxigraph term for terms met before (predicates, classes, entities recur in every article).
_OX_TERMS: dict = {}
_OX_TERMS_LIMIT = 200_000


def _cached_ox(term):
    found = _OX_TERMS.get(term)
    if found is None:
        if len(_OX_TERMS) >= _OX_TERMS_LIMIT:
            _OX_TERMS.clear()
        found = _OX_TERMS[term] = _to_ox(term)
    return found


class _BackgroundLoader:
    """Runs ``load(text)`` for each text ``put`` on one background thread, at most one waiting.

    Leaving the ``with`` block waits for every load; an error raised by a load
    stops the loading and is raised again in the caller's thread, by the next
    ``put`` or ``wait`` or on leaving the block.
    """

    def __init__(self, load):
        self._load = load
        self._queue: queue.Queue = queue.Queue(maxsize=1)  # bounds memory: one chunk loading, one waiting
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kg-bulk-load", daemon=True)

    def __enter__(self) -> _BackgroundLoader:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._queue.put(None)
        self._thread.join()
        if exc[0] is None:
            self._raise_error()

    def put(self, text: str) -> None:
        self._raise_error()
        self._queue.put(text)

    def wait(self) -> None:
        """Block until every text put so far is loaded."""
        self._queue.join()
        self._raise_error()

    def _run(self) -> None:
        while True:
            text = self._queue.get()
            try:
                if text is None:
                    return
                if self._error is None:  # after an error, drain without loading so put() never blocks
                    self._load(text)
            except BaseException as err:  # handed over to the caller's thread
                self._error = err
            finally:
                self._queue.task_done()

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error


class _NQuadsBatch:
    """N-Quads text for the bulk loader: each triple in its article's graph, and once in the merged default graph.

    Writing text and letting Oxigraph parse it is several times faster than
    building a pyoxigraph term per rdflib term; the merged default graph gets
    each distinct triple once per batch, not once per article that states it.
    Content-hash triples go to ``hashes`` instead, to be committed last.
    """

    def __init__(self):
        self.lines = 0
        self._named: list[str] = []
        self._merged: dict[str, None] = {}

    def add_graph(self, graph: str, triples: Iterable[tuple], hashes: list) -> int:
        count, suffix = 0, f" {graph} .\n"
        named, merged = self._named, self._merged
        for s, p, o in triples:
            count += 1
            predicate = ntriples(p)
            triple = f"{ntriples(s)} {predicate} {ntriples(o)}"
            merged[triple] = None
            if predicate == _CONTENT_HASH_NT:
                hashes.append((graph[1:-1], s, p, o))
            else:
                named.append(triple + suffix)
        self.lines = len(self._named) + len(self._merged)
        return count

    def take(self) -> str:
        """The batch's text (named-graph quads, then the merged triples), leaving the batch empty."""
        text = "".join(self._named) + "".join(f"{triple} .\n" for triple in self._merged)
        self._named, self._merged, self.lines = [], {}, 0
        return text


def to_term(value: Any) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A Python value as the RDF term a query variable is bound to.

    rdflib and Oxigraph terms pass through; ``"<http://...>"``, ``"http(s)://..."``
    and prefixed names with a kg prefix (``"kgr:city-kabul"``) become IRIs; any
    other str a plain string literal; int, float, bool, Decimal, date and
    datetime typed literals.
    """
    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return value
    if isinstance(value, rdflib.term.Identifier):
        return _to_ox(value)
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(str(XSD.boolean)))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(str(XSD.integer)))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(str(XSD.double)))
    if isinstance(value, Decimal):
        return ox.Literal(str(value), datatype=ox.NamedNode(str(XSD.decimal)))
    if isinstance(value, _dt.datetime):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(str(XSD.dateTime)))
    if isinstance(value, _dt.date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(str(XSD.date)))
    if isinstance(value, str):
        return _string_term(value)
    raise QueryError(f"cannot bind a {type(value).__name__} to a query variable",
                     hint="bind str, int, float, bool, date or an RDF term")


def _string_term(value: str) -> ox.NamedNode | ox.Literal:
    try:
        if value.startswith("<") and value.endswith(">"):
            return ox.NamedNode(value[1:-1])
        if value.startswith(("http://", "https://")) and " " not in value:
            return ox.NamedNode(value)
        prefix, sep, local = value.partition(":")
        if sep and prefix in QUERY_PREFIXES and " " not in value:
            return ox.NamedNode(QUERY_PREFIXES[prefix] + local)
    except ValueError as err:
        raise QueryError(f"not a valid IRI: {value!r}", hint="percent-encode spaces and unsafe characters") from err
    return ox.Literal(value)


def to_python(term) -> Any:
    """An Oxigraph term as a plain Python value (IRIs as str; None stays None)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, ox.Literal):
        return str(term)
    datatype = term.datatype.value
    if datatype == _XSD_STRING:  # the common case first
        return term.value
    try:
        if datatype in _INTEGER_TYPES:
            return int(term.value)
        if datatype in _FLOAT_TYPES:
            return float(term.value)
        if datatype == str(XSD.boolean):
            return term.value in ("true", "1")
        if datatype == str(XSD.date):
            return _dt.date.fromisoformat(term.value)
        if datatype == str(XSD.dateTime):
            return _dt.datetime.fromisoformat(term.value)
    except ValueError:
        pass  # an ill-typed literal: keep its text
    return term.value


def _from_ox(term):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:  # RDF 1.1: the same literal; rdflib compares them as different
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def _triples_graph(triples: Iterable) -> rdflib.Graph:
    graph = bind_prefixes(rdflib.Graph())
    for triple in triples:
        graph.add((_from_ox(triple.subject), _from_ox(triple.predicate), _from_ox(triple.object)))
    return graph


def _dataframe(rows: list[dict], columns: list[str]):
    try:
        import pandas as pd
    except ImportError as err:
        raise MissingExtraError("a DataFrame needs pandas", hint='pip install "kg-conflict[notebooks]"') from err
    return pd.DataFrame(rows, columns=columns)


# ---- entities read back --------------------------------------------------------------------------------------

def _collect_entity_row(item: dict, row: dict) -> None:
    if row["type"] in _ENTITY_CLASSES:
        item["types"].append(_ENTITY_CLASSES[row["type"]])
    if row["label"]:
        item["labels"][row["label"]] += 1
    if row["alias"]:
        item["aliases"].add(row["alias"])
    for scheme in ("wikidata", "geonames"):
        if row[scheme]:
            item["links"][scheme] = row[scheme]
    if row["lat"] is not None and row["long"] is not None:
        item["coordinates"] = (float(row["lat"]), float(row["long"]))


def _entity_from(key: str, item: dict) -> Entity:
    entity_type = None
    for found_type in item["types"]:
        entity_type = _merge_type(entity_type, found_type)
    # The label most articles agree on (ties: alphabetical, so every run picks the same one).
    label = min(item["labels"], key=lambda name: (-item["labels"][name], name))
    aliases = (set(item["labels"]) | item["aliases"]) - {label}
    return Entity(key=key, type=entity_type, label=label, aliases=frozenset(aliases),
                  links=tuple(sorted(item["links"].items())), coordinates=item.get("coordinates"))


# ---- named queries -------------------------------------------------------------------------------------------

def named_queries() -> dict[str, tuple[str, str]]:
    """kg/queries/*.rq as {name: (one-line description, SPARQL text)}, sorted by name.

    A query's description is its first comment line; its parameters, if any,
    are variables a caller may bind (``kg query --name NAME --param var=value``).
    """
    queries = {}
    for item in sorted(resources.files("kg").joinpath("queries").iterdir(), key=lambda p: p.name):
        if item.name.endswith(".rq"):
            text = item.read_text(encoding="utf-8")
            queries[item.name[:-3]] = (_description(text), text)
    return queries


def named_query(name: str) -> str:
    """The SPARQL text of a named query (QueryError listing the names when unknown)."""
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; known: {', '.join(queries)}")
    return queries[name][1]


def _description(text: str) -> str:
    for line in text.splitlines():
        if line.strip().startswith("#"):
            return line.strip().lstrip("#").strip()
    return ""


# Internal queries (not user-facing, so not in kg/queries/).
_GRAPH_SIZES = "SELECT ?graph (COUNT(*) AS ?triples) WHERE { GRAPH ?graph { ?s ?p ?o } } GROUP BY ?graph"
_ARTICLES = """
SELECT ?id ?title ?published ?url ?hash ?graph WHERE {
  GRAPH ?graph { ?a a kgo:Article ; dcterms:identifier ?id ; kgo:contentHash ?hash .
    OPTIONAL { ?a schema:headline ?title } OPTIONAL { ?a schema:datePublished ?published }
    OPTIONAL { ?a schema:url ?url } }
} ORDER BY ?id
"""
_RELATION_COUNTS = f"""
SELECT ?predicate (COUNT(*) AS ?facts) WHERE {{
  ?s ?p ?o . VALUES ?p {{ {" ".join(f"kgo:{p}" for p in PREDICATES)} }}
  BIND(STRAFTER(STR(?p), STR(kgo:)) AS ?predicate)
}} GROUP BY ?predicate
"""
_ENTITIES = f"""
SELECT ?entity ?type ?label ?alias ?wikidata ?geonames ?lat ?long WHERE {{
  ?entity a ?type .
  VALUES ?type {{ {" ".join(f"<{iri}>" for iri in _ENTITY_CLASSES)} }}
  OPTIONAL {{ ?entity rdfs:label ?label }}
  OPTIONAL {{ ?entity skos:altLabel ?alias }}
  OPTIONAL {{ ?entity kgo:wikidata ?wikidata }}
  OPTIONAL {{ ?entity kgo:geonames ?geonames }}
  OPTIONAL {{ ?entity geo:lat ?lat ; geo:long ?long }}
}}
"""
_PRECISIONS = {"day": 0, "week": 1, "month": 2}
#: Events with what a later report is matched against (symmetric events name their sides with sem:hasActor only).
_EVENTS = """
SELECT ?event ?class ?label ?place ?agent ?target ?date ?precision ?fatalities WHERE {
  VALUES ?cls { kgo:Attack kgo:Capture kgo:Clash kgo:Meeting }
  ?event a ?cls ; sem:hasPlace ?place .
  BIND(STRAFTER(STR(?cls), STR(kgo:)) AS ?class)
  OPTIONAL { ?event rdfs:label ?label }
  OPTIONAL { ?event sem:hasTimeStamp ?date OPTIONAL { ?event kgo:timePrecision ?precision } }
  OPTIONAL { ?event kgo:fatalities ?fatalities }
  { ?event kgo:agent ?agent } UNION { ?event kgo:target ?target }
  UNION { ?event sem:hasActor ?agent FILTER(?cls IN (kgo:Clash, kgo:Meeting)) }
}
"""
__all__ = ["EXPORT_FORMATS", "QUERY_PREFIXES", "Rows", "Store", "is_store", "named_queries", "named_query",
           "to_python", "to_term"]
