"""kg serve: a SPARQL endpoint over the store."""
from __future__ import annotations

from pathlib import Path

import click

from .query import store_option


@click.command("serve")
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default answers this machine only).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="Port to listen on.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds a query may run before it is stopped (HTTP 503).")
@click.option("--allow-updates", is_flag=True, help="Accept SPARQL updates that carry the --token.")
@click.option("--token", envvar="KG_SERVE_TOKEN", metavar="TOKEN",
              help="Secret that updates must send as 'Authorization: Bearer TOKEN' (or set KG_SERVE_TOKEN).")
@click.option("--allow-service", is_flag=True,
              help="Run SPARQL SERVICE calls (and LOAD in updates). They make the server fetch any URL a client "
                   "names, so they are refused (HTTP 400) unless this is given.")
def command(store_dir: Path, host: str, port: int, timeout: float, allow_updates: bool, token: str | None,
            allow_service: bool) -> None:
    """Serve the store as a SPARQL 1.1 endpoint, with a query page for the browser.

    GET or POST queries to /sparql; results come as SPARQL JSON, XML, CSV or
    TSV (SELECT, ASK) and Turtle (CONSTRUCT, DESCRIBE), chosen by the Accept
    header or format=json|xml|csv|tsv|ttl. The endpoint is read-only: updates
    get HTTP 403 unless the server was started with --allow-updates --token.
    SERVICE calls, which would make the server fetch other hosts, get HTTP
    400 unless it was started with --allow-service. The protocol's
    default-graph-uri / named-graph-uri (and using-graph-uri /
    using-named-graph-uri for updates) choose the dataset.
    Do not build into the store while it is served.

    \b
    Example:
        kg serve --store kg-store                  # then open http://127.0.0.1:7878/
        curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s a kgo:City }' \\
             http://127.0.0.1:7878/sparql
    """
    from ..server import make_server

    server = make_server(store_dir, host, port, timeout=timeout, allow_updates=allow_updates, token=token,
                         allow_service=allow_service)
    bound_host, bound_port = server.server_address[:2]
    click.echo(f"Serving {store_dir} at http://{bound_host}:{bound_port}/ (SPARQL endpoint: /sparql; "
               f"{'updates allowed with the token' if allow_updates else 'read-only'}"
               f"{'; SERVICE allowed' if allow_service else ''}). Ctrl+C stops.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        server.server_close()
