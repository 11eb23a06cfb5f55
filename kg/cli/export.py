"""kg export: the whole store as one file."""
from __future__ import annotations

from pathlib import Path

import click

from .query import store_option

FORMATS = ("ttl", "trig", "nq", "jsonld", "graphml")


@click.command("export")
@store_option
@click.option("-f", "--format", "export_format", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from the file's extension, else ttl).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The file to write (replaced atomically).")
def command(store_dir: Path, export_format: str | None, output: Path) -> None:
    """Export every article's facts in the store to one file.

    ttl: all facts in one graph; trig, nq, jsonld: one named graph per article;
    graphml: entities and relations as a network (for Gephi, yEd, networkx).

    \b
    Example:
        kg export --store kg-store -f trig -o graph.trig
        kg export -o network.graphml
    """
    from ..store import Store

    export_format = export_format or _format_of(output)
    with Store(store_dir, create=False, read_only=True) as store:
        path = store.export(output, export_format)
    click.echo(f"Wrote {path} ({export_format}).")


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    aliases = {"turtle": "ttl", "nquads": "nq", "json": "jsonld"}
    suffix = aliases.get(suffix, suffix)
    return suffix if suffix in FORMATS else "ttl"
