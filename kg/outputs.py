"""Writing output files so that a killed build never leaves a half-written one behind, and without
holding a large graph in memory (``GraphSpool``)."""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from .triples import ntriples


def atomic_write(path: Path, write: Callable[[IO[bytes]], None]) -> Path:
    """Call ``write`` on a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # The pid in the name lets a later build tell a file left by a killed build from one being written.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes the file private; outputs follow the umask
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: Path, text: str) -> Path:
    return atomic_write(path, lambda handle: handle.write(text.encode("utf-8")))


#: Above this many triples graph.html is not drawn: a browser cannot lay out such a network (use a filtered view).
MAX_HTML_TRIPLES = 300_000
#: Spooled N-Triples and N-Quads up to this size are loaded into an in-memory Oxigraph store (about 2.2 bytes
#: of memory per spooled byte; about 4x faster than on disk: 0.26 s against 0.93 s for 600 bench articles);
#: larger spools, about 4,000 articles and up, go to an on-disk store so memory stays flat.
IN_MEMORY_SPOOL_BYTES = 128 * 1024 * 1024
_SPOOL_PREFIX = ".kg-build-"


class GraphSpool:
    """Per-article graphs spooled to disk during a build, turned into graph.trig and graph.ttl at the end.

    Why: holding every article's triples in an rdflib Dataset costs about a
    kilobyte per triple, gigabytes for a large corpus. Each article is written
    as N-Triples (for the union graph) and N-Quads (for its named graph) to a
    hidden folder inside the output folder; ``finish`` bulk-loads them into an
    on-disk Oxigraph store (which removes duplicates) and streams the outputs
    from it, each through ``atomic_write``. A killed build leaves only that
    hidden folder, which the next build in the same folder removes.

    Nothing is created on disk before the first ``add`` (or ``finish``), so a
    build that reads no article leaves the output folder as it was.
    """

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.folder: Path | None = None
        self._triples: IO[bytes] | None = None
        self._quads: IO[bytes] | None = None
        self.graphs = 0

    def _open(self) -> None:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        remove_leftovers(self.out_dir)
        self.folder = Path(tempfile.mkdtemp(prefix=f"{_SPOOL_PREFIX}{os.getpid()}-", dir=self.out_dir))
        self._triples = (self.folder / "union.nt").open("wb")
        self._quads = (self.folder / "graphs.nq").open("wb")

    def add(self, graph, name) -> None:
        """Append one article's triples (rdflib terms: a Graph, a TripleSet) as the named graph ``name``."""
        if self.folder is None:
            self._open()
        triples = [f"{ntriples(s)} {ntriples(p)} {ntriples(o)}" for s, p, o in graph]
        self._triples.write("".join(f"{t} .\n" for t in triples).encode("utf-8"))
        self._quads.write("".join(f"{t} <{name}> .\n" for t in triples).encode("utf-8"))
        self.graphs += 1

    def finish(self, *, prefixes: dict[str, str], html=None) -> dict[str, Path]:
        """Write graph.trig, graph.ttl (and graph.html via ``html(union_graph, path)``); returns their paths."""
        import pyoxigraph as ox

        if self.folder is None:
            self._open()
        self._triples.close()
        self._quads.close()
        spooled = sum((self.folder / name).stat().st_size for name in ("graphs.nq", "union.nt"))
        in_memory = spooled <= IN_MEMORY_SPOOL_BYTES
        store = ox.Store() if in_memory else ox.Store(str(self.folder / "store"))
        store.bulk_load(path=str(self.folder / "graphs.nq"), format=ox.RdfFormat.N_QUADS)
        if not in_memory:  # in memory, the union is made from the named graphs' triples (union_triples)
            store.bulk_load(path=str(self.folder / "union.nt"), format=ox.RdfFormat.N_TRIPLES,
                            to_graph=ox.DefaultGraph())

        def quads_of(graph):
            quads = store.quads_for_pattern(None, None, None, graph)
            # Turtle and TriG state a subject once only when its triples come together: the on-disk store
            # gives them by subject, the in-memory one does not (sorted here, which a small build can afford)
            return sorted(quads, key=in_text_order) if in_memory else quads

        def named_quads():
            for graph in sorted(store.named_graphs(), key=str):
                yield from quads_of(graph)

        union_size: list[int] = []  # (in memory) how many triples graph.ttl got: the view's count

        def union_triples():
            """The distinct triples of all named graphs, sorted: what loading union.nt as the default graph
            and sorting it gives, without parsing the same triples a second time."""
            triples = sorted({quad.triple for quad in store}, key=in_text_order)
            union_size[:] = [len(triples)]
            return triples

        def write_union(f):
            if in_memory:
                ox.serialize(union_triples(), f, ox.RdfFormat.TURTLE, prefixes=prefixes)
            else:  # all in Oxigraph, without a Python object per triple
                store.dump(f, ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefixes)

        outputs = {
            "ttl": atomic_write(self.out_dir / "graph.ttl", write_union),
            "trig": atomic_write(self.out_dir / "graph.trig", lambda f: ox.serialize(
                named_quads(), f, ox.RdfFormat.TRIG, prefixes=prefixes)),
        }
        # counted only for the view (on disk, a walk over every triple; in memory, when graph.ttl was written)
        triples = (union_size[0] if in_memory else sum(
            1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))) if html else 0
        store = None  # closes an on-disk store before close() removes its folder
        if html is not None and triples > MAX_HTML_TRIPLES:
            logging.getLogger("kg").warning(
                "graph.html not drawn: %s triples are more than a browser can lay out (limit %s); "
                "query the store or export a part of it instead", f"{triples:,}", f"{MAX_HTML_TRIPLES:,}")
        elif html is not None:
            from rdflib import Graph

            outputs["html"] = html(Graph().parse(outputs["ttl"], format="turtle"), self.out_dir / "graph.html")
        return outputs

    def close(self) -> None:
        """Remove the spool folder (always called, also when the build fails)."""
        for handle in (self._triples, self._quads):
            if handle is not None:
                handle.close()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def remove_leftovers(out_dir: Path) -> None:
    """Remove spool folders and half-written outputs left by builds that were killed (their process is gone)."""
    for leftover in out_dir.glob(".*"):
        if leftover.name.startswith(_SPOOL_PREFIX):
            pid = leftover.name[len(_SPOOL_PREFIX):].split("-", 1)[0]
        elif leftover.name.endswith(".tmp") and leftover.is_file():
            pid = leftover.name.rsplit(".", 3)[-3] if leftover.name.count(".") >= 4 else ""
        else:
            continue
        if pid.isdigit() and not _process_alive(int(pid)):
            shutil.rmtree(leftover, ignore_errors=True) if leftover.is_dir() else leftover.unlink(missing_ok=True)


def in_text_order(term) -> str:
    """Sort key of a triple or of quads of one graph: its N-Triples text. Ordering by that one string is ordering
    by (subject, predicate, object) text, since no term's text is the start of another's but for a space (an IRI
    ends with '>', a literal's text goes on with '@' or '^^' after its closing quote), and one str() is about
    three times faster than a tuple of three."""
    return str(term)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
