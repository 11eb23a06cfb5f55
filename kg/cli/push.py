"""kg push"""
from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from ..push import push
from ..store import Store
from .query import store_option


@click.command("push")
@store_option
@click.option("--endpoint", metavar="URL", help="SPARQL 1.1 Update endpoint of the remote store.")
@click.option("--graph-store", metavar="URL",
              help="Graph Store HTTP Protocol endpoint; when given, each article graph is sent with PUT.")
@click.option("--token", metavar="TOKEN", envvar="KG_PUSH_TOKEN",
              help="Send 'Authorization: Bearer TOKEN', as kg serve --allow-updates --token TOKEN wants "
                   "(or set KG_PUSH_TOKEN).")
@click.option("--user", metavar="NAME:PASSWORD", envvar="KG_PUSH_USER",
              help="HTTP basic authentication (or set KG_PUSH_USER).")
@click.option("--named-graphs-only", is_flag=True,
              help="Leave the remote's default graph alone (for a remote whose default graph is already the union "
                   "of its named graphs, such as Fuseki with unionDefaultGraph).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def command(store_dir: Path, endpoint: str | None, graph_store: str | None, token: str | None, user: str | None,
            named_graphs_only: bool, quiet: bool) -> None:
    """Send the store's article graphs to a remote SPARQL 1.1 store.

    Each article's named graph replaces the graph of the same name on the
    remote (kg serve, Oxigraph server, Fuseki, GraphDB, ...), so pushing again
    is safe. Give --endpoint (SPARQL Update), --graph-store (Graph Store HTTP
    Protocol, preferred when the server has one), or both. Through
    --endpoint alone, the remote's default graph is kept the merge of the
    article graphs, as in a kg store, so kg's named queries work there too.

    \b
    Example:
        kg push --endpoint http://localhost:7878/update --token "$TOKEN"   # to kg serve --allow-updates
        kg push --store kg-store --endpoint http://localhost:7878/update \\
                --graph-store http://localhost:7878/store                  # to an Oxigraph server
    """
    console = Console(stderr=True, quiet=quiet)
    with Store(store_dir, create=False, read_only=True) as store, console.status("Pushing...") as status:
        report = push(store, endpoint=endpoint, graph_store=graph_store, user=user, token=token,
                      named_graphs_only=named_graphs_only, on_graph=lambda name: status.update(f"Pushing {name}"))
    if not quiet:
        Console().print(f"Pushed {report.graphs} graph(s), {report.triples:,} triples, "
                        f"in {report.requests} request(s), {report.seconds:.1f} s.")
