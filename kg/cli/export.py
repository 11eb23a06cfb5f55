"""kg export: the whole store as one file."""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import click

from .paths import STDOUT, output_file, reader_may_leave
from .query import store_option

FORMATS = ("ttl", "trig", "nq", "jsonld", "graphml", "events-csv")


@click.command("export")
@store_option
@click.option("-f", "--format", "export_format", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from the file's extension, else ttl).")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, callback=output_file(stdout=True),
              help="The file to write (replaced atomically; its folder must exist), or - for standard output.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def command(store_dir: Path, export_format: str | None, output: Path, quiet: bool) -> None:
    """Export every article's facts in the store to one file.

    ttl: all facts in one graph; trig, nq, jsonld: one named graph per article;
    graphml: entities and relations as a network (for Gephi, yEd, networkx);
    events-csv: one row per event (attack, capture, clash, meeting) with ACLED's
    column names (event_date, event_type, sub_event_type, actor1, actor2, admin1,
    location, latitude, longitude, fatalities, ...) and plover_type.

    \b
    Example:
        kg export --store kg-store -f trig -o graph.trig
        kg export -o network.graphml
        kg export --store kg-store -f events-csv -o events.csv
        kg export -f nq -o - | gzip > graph.nq.gz
    """
    from ..store import Store

    export_format = export_format or _format_of(output)
    with Store(store_dir, create=False, read_only=True) as store:
        if output == STDOUT:
            _export_to_stdout(store, export_format)
            return
        path = store.export(output, export_format)
    if not quiet:
        click.echo(f"Wrote {path} ({export_format}).")


def _export_to_stdout(store, export_format: str) -> None:
    """The same bytes ``Store.export`` writes to a file, copied to standard output."""
    with tempfile.TemporaryDirectory(prefix="kg-export-") as folder:
        path = store.export(Path(folder) / f"graph.{export_format}", export_format)
        with path.open("rb") as exported, reader_may_leave():
            shutil.copyfileobj(exported, sys.stdout.buffer)


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    aliases = {"turtle": "ttl", "nquads": "nq", "json": "jsonld", "csv": "events-csv"}
    suffix = aliases.get(suffix, suffix)
    return suffix if suffix in FORMATS else "ttl"
