"""kg view: the offline HTML network of a store or a graph file, whole or in part."""
from __future__ import annotations

from pathlib import Path

import click

from ..view import THEMES
from .paths import STDOUT, output_file, reader_may_leave

#: Where the page goes without -o: beside a build's outputs, not into whatever folder the command runs in.
DEFAULT_OUT = Path("kg-out") / "view.html"


@click.command("view")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="DIR",
              help="The kg store folder (made by kg build --store); ./kg-store when neither --store nor --input "
                   "is given.")
@click.option("-i", "--input", "input_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Read an RDF file (graph.ttl, graph.trig, .nt, .jsonld) instead of a store.")
@click.option("-o", "--out", "out_file", type=click.Path(path_type=Path), default=None,
              callback=output_file(stdout=True, default=DEFAULT_OUT),
              help="The HTML file to write (its folder must exist), or - for standard output. "
                   f"[default: {DEFAULT_OUT}]")
@click.option("--query", "query", metavar="NAME_OR_SPARQL",
              help="Show only what a named query (see kg query --list) or an inline CONSTRUCT/SELECT names: a "
                   "CONSTRUCT's entities and relations, or the entities (IRIs or labels) in a SELECT's rows.")
@click.option("--around", metavar="NAME", help="Show only the entities near the one called NAME (label or alias).")
@click.option("--hops", type=click.IntRange(0, 10), default=1, show_default=True,
              help="How many relations away from --around to reach.")
@click.option("--theme", type=click.Choice(THEMES), default="light", show_default=True,
              help="The look the page opens with (it can switch).")
@click.option("--title", default=None, help="The page title (default: what is shown).")
@click.option("--hide-unrelated/--show-unrelated", default=None,
              help="Open the page with the entities that have no relation hidden (or shown); by default they are "
                   "hidden above 300 entities. The page has a checkbox for it either way.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def command(store_dir: Path | None, input_file: Path | None, out_file: Path, query: str | None, around: str | None,
            hops: int, theme: str, title: str | None, hide_unrelated: bool | None, quiet: bool) -> None:
    """Write the interactive network view to OUT (kg-out/view.html): one HTML file that works offline.

    Nodes are entities (coloured and shaped by type, sized by their number of
    relations); edges are relations. Hover or click an edge for its evidence
    sentences and the articles they come from; search, filter by type and
    relation, click a node to light up its neighbours.

    \b
    Example:
        kg view --store kg-store -o graph.html
        kg view --store kg-store --query clashes -o clashes.html
        kg view --around "Taliban" --hops 2 -o taliban.html
        kg view --input kg-out/graph.ttl --theme dark   # -> kg-out/view.html
    """
    from ..errors import QueryError
    from ..view import neighbourhood, query_subgraph, render_html, write_html

    if store_dir is not None and input_file is not None:
        raise click.UsageError("give --store or --input, not both")
    sparql = _query_text(query) if query else None
    graph, result = _load(store_dir, input_file, sparql)
    shown = "whole graph"
    if sparql is not None:
        if isinstance(result, bool):
            raise QueryError("an ASK query names no entities", hint="use a CONSTRUCT or SELECT query")
        graph = query_subgraph(graph, result)
        shown = f"query {query if len(query) < 40 else query[:37] + '...'}"
    if around:
        graph = neighbourhood(graph, around, hops)
        shown = f"{around}, {hops} hop{'s' if hops != 1 else ''}"
    options = {"theme": theme, "title": title or f"kg network: {shown}", "hide_unrelated": hide_unrelated}
    if out_file == STDOUT:
        with reader_may_leave():
            click.echo(render_html(graph, **options), nl=False)
        return
    path = write_html(graph, out_file, **options)
    if not quiet:
        click.echo(f"Wrote {path} ({path.stat().st_size / 1e6:.1f} MB).")


def _load(store_dir: Path | None, input_file: Path | None, sparql: str | None):
    """(the whole graph, the result of ``sparql`` over it or None) from a file or a store."""
    if input_file is not None:
        graph = _read_file(input_file)
        return graph, (_query_graph(graph, sparql) if sparql else None)
    from ..store import Store

    from .query import DEFAULT_STORE

    with Store(store_dir or DEFAULT_STORE, create=False, read_only=True) as store:
        return store.graph(), (store.query(sparql) if sparql else None)


def _read_file(path: Path):
    from rdflib import Dataset, Graph
    from rdflib.util import guess_format

    from ..errors import InputError

    fmt = guess_format(str(path)) or "turtle"
    try:
        if fmt in ("trig", "nquads"):
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            graph = Graph()
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
        else:
            graph = Graph().parse(path, format=fmt)
    except Exception as err:  # noqa: BLE001  (rdflib raises many kinds; the user needs one line)
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise InputError(f"cannot read {path} as RDF ({fmt}): {first}",
                         hint="give a Turtle, TriG, N-Triples or JSON-LD file, e.g. kg-out/graph.ttl") from None
    return graph


def _query_graph(graph, sparql: str):
    """SPARQL over an in-memory graph with kg's prefixes predeclared, shaped like Store.query's results."""
    from rdflib import Graph

    from ..errors import QueryError
    from ..sparql import refuse_outbound
    from ..vocab import PREFIXES

    refuse_outbound(sparql, hint="rdflib would fetch it; views never call other endpoints")
    try:
        result = graph.query(sparql, initNs=PREFIXES)
    except Exception as err:  # noqa: BLE001  (pyparsing and rdflib errors -> one line)
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise QueryError(f"the query failed: {first}") from None
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        part = Graph()
        for triple in result:
            part.add(triple)
        return part
    if result.type == "ASK":
        return bool(result.askAnswer)
    names = [str(v) for v in result.vars]
    return [{name: (None if row[i] is None else str(row[i])) for i, name in enumerate(names)} for row in result]


def _query_text(query: str) -> str:
    """A named query's SPARQL, or ``query`` itself when it is SPARQL."""
    from ..errors import QueryError
    from ..store import named_queries

    queries = named_queries()
    if query in queries:
        return queries[query][1]
    if "{" in query:
        return query
    raise QueryError(f"no named query {query!r}; known: {', '.join(queries)}")
