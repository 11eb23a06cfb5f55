"""kg push"""
from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from ..push import push
from ..store import Store


@click.command("push")
@click.option("--store", "store_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The kg store to send (made by kg build --store DIR).")
@click.option("--endpoint", metavar="URL", help="SPARQL 1.1 Update endpoint of the remote store.")
@click.option("--graph-store", metavar="URL",
              help="Graph Store HTTP Protocol endpoint; when given, each article graph is sent with PUT.")
@click.option("--user", metavar="NAME:PASSWORD", envvar="KG_PUSH_USER",
              help="HTTP basic authentication (or set KG_PUSH_USER).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def command(store_dir: Path, endpoint: str | None, graph_store: str | None, user: str | None, quiet: bool) -> None:
    """Send the store's article graphs to a remote SPARQL 1.1 store.

    Each article's named graph replaces the graph of the same name on the
    remote (Oxigraph server, Fuseki, GraphDB, ...), so pushing again is safe.
    Give --endpoint (SPARQL Update), --graph-store (Graph Store HTTP
    Protocol, preferred when the server has one), or both.

    \b
    Example:
        kg push --store kg-store --endpoint http://localhost:7878/update
        kg push --store kg-store --endpoint http://localhost:7878/update \\
                --graph-store http://localhost:7878/store
    """
    console = Console(stderr=True, quiet=quiet)
    with Store(store_dir, create=False, read_only=True) as store, console.status("Pushing...") as status:
        report = push(store, endpoint=endpoint, graph_store=graph_store, user=user,
                      on_graph=lambda name: status.update(f"Pushing {name}"))
    if not quiet:
        Console().print(f"Pushed {report.graphs} graph(s), {report.triples:,} triples, "
                        f"in {report.requests} request(s), {report.seconds:.1f} s.")
