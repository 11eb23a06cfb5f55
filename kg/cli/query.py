"""kg query: SPARQL over a store, from the command line.

Also defines ``store_option``, the ``--store DIR`` option every store command shares.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path

import click

from .paths import reader_may_leave

DEFAULT_STORE = Path("kg-store")
FORMATS = ("table", "csv", "json", "tsv")


def store_option(function):
    """``--store DIR``: the store folder, ./kg-store by default."""
    return click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
                        default=DEFAULT_STORE, show_default=True, metavar="DIR",
                        help="The kg store folder (made by kg build --store).")(function)


@click.command("query")
@click.argument("sparql", required=False)
@store_option
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Read the query from a .rq file.")
@click.option("-n", "--name", help="Run a named query (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries, one line each, and exit.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (repeatable). Numbers, true/false and YYYY-MM-DD dates are typed; "
                   "<iri>, http(s)://... and kgr:/kgo: names are IRIs; anything else is a string.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="table", show_default=True,
              help="How to print SELECT results.")
@click.option("--allow-service", is_flag=True,
              help="Let the query call other endpoints with SERVICE (this process then fetches the URLs it names).")
def command(sparql: str | None, store_dir: Path, query_file: Path | None, name: str | None, list_queries: bool,
            params: tuple[str, ...], output_format: str, allow_service: bool) -> None:
    """Run a SPARQL query over the store and print the results.

    The query sees every article's facts together (each once); GRAPH ?g { ... }
    reaches one article's graph. The prefixes kgo:, kgr:, rdf:, rdfs:, skos:,
    schema:, prov:, dcterms:, geo:, xsd: are predeclared. SELECT prints rows,
    ASK true or false, CONSTRUCT and DESCRIBE Turtle.

    \b
    Example:
        kg query --list
        kg query --name clashes
        kg query --name officials --param "place=Luhansk Province" --format csv
        kg query "SELECT ?city WHERE { ?city a kgo:City }"
        kg query -f my-query.rq --format json > rows.json
    """
    from ..store import Store, named_queries, named_query

    if list_queries:
        for query_name, (description, _) in named_queries().items():
            click.echo(f"{query_name:14s} {description}")
        return
    text = _query_text(sparql, query_file, name, named_query)
    bindings = dict(parse_param(item) for item in params)
    with Store(store_dir, create=False, read_only=True) as store:
        result = store.query(text, bindings=bindings, allow_service=allow_service)
    with reader_may_leave():  # `kg query ... | head`: the reader has all it wants
        print_result(result, output_format)


def _query_text(sparql: str | None, query_file: Path | None, name: str | None, named_query) -> str:
    given = [x for x in (sparql, query_file, name) if x]
    if len(given) != 1:
        raise click.UsageError("give exactly one of: a SPARQL query, -f FILE, --name NAME (or --list)")
    if query_file:
        return query_file.read_text(encoding="utf-8")
    if name:
        return named_query(name)
    return sparql


def parse_param(item: str) -> tuple[str, object]:
    """``name=value`` -> (name, typed value) for ``Store.query(bindings=...)``."""
    name, sep, value = item.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"\w+", name):
        raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
    return name, typed_value(value)


def typed_value(value: str) -> object:
    if re.fullmatch(r"[+-]?\d+", value):
        return int(value)
    if re.fullmatch(r"[+-]?(\d+\.\d*|\.\d+)([eE][+-]?\d+)?", value):
        return float(value)
    if value in ("true", "false"):
        return value == "true"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


# ---- printing ------------------------------------------------------------------------------------------------

def print_result(result, output_format: str) -> None:
    if isinstance(result, bool):
        click.echo(json.dumps(result) if output_format == "json" else str(result).lower())
    elif isinstance(result, list):
        print_rows(result, output_format)
    else:  # an rdflib Graph from CONSTRUCT or DESCRIBE
        click.echo(result.serialize(format="turtle"), nl=False)


def print_rows(rows: list[dict], output_format: str) -> None:
    columns = getattr(rows, "columns", None) or (list(rows[0]) if rows else [])  # Store.query's Rows know them
    if output_format == "json":
        click.echo(json.dumps(rows, default=_json_value, ensure_ascii=False, indent=1))
    elif output_format in ("csv", "tsv"):
        writer = csv.writer(sys.stdout, delimiter="," if output_format == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_plain(row[c], output_format) for c in columns])
    else:
        print_table(rows, columns)


def print_table(rows: list[dict], columns: list[str]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..store import QUERY_PREFIXES

    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(Text(_compact(row[c], QUERY_PREFIXES)) for c in columns))  # no markup
    console = Console()
    console.print(table)
    console.print(f"{len(rows)} row(s)", style="dim")


def _plain(value, output_format: str) -> str:
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
    if output_format == "tsv":  # tabs and line breaks would break the columns
        text = text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return text


def _compact(value, prefixes: dict[str, str]) -> str:
    """A cell for the table: IRIs shortened with the kg prefixes."""
    text = _plain(value, "table")
    if isinstance(value, str):
        for prefix, namespace in sorted(prefixes.items(), key=lambda item: -len(item[1])):
            if text.startswith(namespace) and len(text) > len(namespace):
                return f"{prefix}:{text[len(namespace):]}"
    return text


def _json_value(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


__all__ = ["DEFAULT_STORE", "command", "parse_param", "print_result", "store_option"]
