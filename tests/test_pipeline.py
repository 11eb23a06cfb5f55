"""build(): streamed outputs equal to the in-memory graph, nothing lost when killed, duplicates, stdin, progress."""
from __future__ import annotations

import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDFS, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rich.console import Console

import kg
from kg.cli import cli
from kg.cli.build import BuildProgress
from kg.model import Article
from kg.outputs import GraphSpool, atomic_write, remove_leftovers
from kg.triples import article_iri, dataset
from kg.vocab import PREFIXES

PLACES = ["Qarabagh", "Ferozan", "Dasht-e Laila", "Kohistan", "Sar-e Pul", "Nahrin", "Ghormach", "Talqan"]
GROUPS = ["Northern Front", "Valley Brigade", "Mountain Corps", "River Militia"]


def generated_jsonl(path: Path, count: int) -> Path:
    """``count`` short made-up reports, all different, written as JSONL."""
    with path.open("w") as handle:
        for i in range(count):
            place, other = PLACES[i % len(PLACES)], PLACES[(i * 3 + 1) % len(PLACES)]
            group = GROUPS[i % len(GROUPS)]
            text = (f"Fighters of the {group} attacked {place} on day {i}, officials in {other} said. "
                    f"The governor of {other} Province said the road to {place} was closed.")
            handle.write(json.dumps({"id": f"gen-{i}", "title": f"Report {i}", "text": text}) + "\n")
    return path


def trig_dataset(path: Path) -> Dataset:
    ds = Dataset()
    ds.parse(path, format="trig")
    return ds


def same_named_graphs(a: Dataset, b: Dataset) -> bool:
    graphs_a = {g.identifier: g for g in a.graphs() if len(g)}
    graphs_b = {g.identifier: g for g in b.graphs() if len(g)}
    return graphs_a.keys() == graphs_b.keys() and all(isomorphic(graphs_a[k], graphs_b[k]) for k in graphs_a)


@pytest.mark.model
def test_spooled_outputs_equal_the_in_memory_dataset(nlp, sample_dir, sample_build):
    """The disk spool + Oxigraph path writes exactly the graph rdflib would hold in memory."""
    _, out = sample_build
    expected = dataset(kg.extract_graphs([sample_dir], nlp=nlp))
    assert same_named_graphs(trig_dataset(out / "graph.trig"), expected)
    union = Graph()
    for s, p, o, _ in expected.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(Graph().parse(out / "graph.ttl"), union)


def test_spool_deduplicates_the_union_and_keeps_named_graphs(tmp_path):
    from rdflib import Literal, URIRef

    shared = (URIRef("https://example.org/e"), URIRef("https://example.org/p"), Literal('"} ; DROP ALL ; #\n'))
    spool = GraphSpool(tmp_path)
    try:
        for name in ("a", "b"):
            graph = Graph()
            graph.add(shared)
            graph.add((URIRef(f"https://example.org/{name}"), URIRef("https://example.org/p"), Literal(name)))
            spool.add(graph, article_iri(name))
        outputs = spool.finish(prefixes={k: str(v) for k, v in PREFIXES.items()})
    finally:
        spool.close()
    assert len(Graph().parse(outputs["ttl"])) == 3
    assert sorted(len(g) for g in trig_dataset(outputs["trig"]).graphs() if len(g)) == [2, 2]
    assert [p.name for p in tmp_path.iterdir()] == [] or not list(tmp_path.glob(".kg-build-*"))


@pytest.mark.parametrize("in_memory", [True, False])
def test_a_large_spool_goes_to_a_store_on_disk_and_writes_the_same_files(tmp_path, monkeypatch, in_memory):
    """Small builds load the spool into memory, large ones into an on-disk store: the files are the same."""
    import kg.outputs

    def spool_to(folder):
        spool = GraphSpool(folder)
        try:
            for name in ("b", "a", "c"):
                graph = Graph()
                graph.add((URIRef("https://example.org/shared"), RDFS.label, Literal("shared")))
                graph.add((URIRef(f"https://example.org/{name}"), RDFS.label, Literal(name, lang="en")))
                graph.add((URIRef(f"https://example.org/{name}"), RDFS.comment, Literal(f"about {name}")))
                graph.add((URIRef("https://example.org/shared"), RDFS.seeAlso, URIRef(f"https://example.org/{name}")))
                spool.add(graph, article_iri(name))
            return spool.finish(prefixes={k: str(v) for k, v in PREFIXES.items()})
        finally:
            spool.close()

    expected = spool_to(tmp_path / "memory")
    import pyoxigraph

    on_disk, make_store = [], pyoxigraph.Store

    def recording_store(*path):
        on_disk.append(bool(path))
        return make_store(*path)

    monkeypatch.setattr(pyoxigraph, "Store", recording_store)
    monkeypatch.setattr(kg.outputs, "IN_MEMORY_SPOOL_BYTES", 10**9 if in_memory else 0)
    written = spool_to(tmp_path / "disk")
    assert on_disk == [not in_memory]
    assert isomorphic(Graph().parse(written["ttl"]), Graph().parse(expected["ttl"]))
    assert same_named_graphs(trig_dataset(written["trig"]), trig_dataset(expected["trig"]))
    # each subject's triples are stated together (a subject starts one statement per graph), not scattered
    def statements(path):
        return [line.split()[0] for line in path.read_text().splitlines() if line.strip().startswith("<https://example.org/")]

    assert sorted(statements(written["ttl"])) == [f"<https://example.org/{n}>" for n in ("a", "b", "c", "shared")]
    assert len(statements(written["trig"])) == 6


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old")

    def fail(handle):
        handle.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        atomic_write(target, fail)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_leftovers_of_dead_builds_are_removed(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / f".kg-build-{dead.pid}-abc").mkdir()
    (tmp_path / f".graph.ttl.{dead.pid}.x1y2z3.tmp").write_text("half")
    (tmp_path / f".graph.trig.{os.getpid()}.a1b2c3.tmp").write_text("being written by a live build")
    remove_leftovers(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [f".graph.trig.{os.getpid()}.a1b2c3.tmp"]


@pytest.mark.model
@pytest.mark.slow
def test_kill_9_at_a_random_point_leaves_previous_outputs_and_a_rerun_completes(nlp, tmp_path):
    corpus = generated_jsonl(tmp_path / "corpus.jsonl", 60)
    first = tmp_path / "first.jsonl"
    first.write_text("".join(corpus.read_text().splitlines(keepends=True)[:3]))
    out = tmp_path / "out"
    command = [sys.executable, "-c", "from kg.cli import main; main()", "build", "-q", "-o", str(out)]
    subprocess.run([*command, str(first)], check=True, timeout=300)
    previous = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.trig", "graph.html")}

    seed = int(time.time())
    delay = random.Random(seed).uniform(0.0, 2.5)
    build = subprocess.Popen([*command, str(corpus)])
    # Loading spaCy takes most of a small build: start the clock once articles are flowing into the spool.
    while build.poll() is None and not any(p.stat().st_size for p in out.glob(".kg-build-*/graphs.nq")):
        time.sleep(0.02)
    time.sleep(delay)
    killed = build.poll() is None
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=60)

    # Whatever the moment, each output is whole: the previous build's or a complete new one.
    after_kill = {name: (out / name).read_bytes() for name in previous}
    subprocess.run([*command, str(corpus)], check=True, timeout=300)
    final = {name: (out / name).read_bytes() for name in previous}
    where = f"(killed={killed} after {delay:.2f} s, seed {seed})"
    ttl = Graph().parse(data=after_kill["graph.ttl"], format="turtle")
    assert any(isomorphic(ttl, Graph().parse(data=v["graph.ttl"], format="turtle")) for v in (previous, final)), \
        f"graph.ttl is neither the old nor the new one {where}"
    trig = Dataset().parse(data=after_kill["graph.trig"], format="trig")
    assert any(same_named_graphs(trig, Dataset().parse(data=v["graph.trig"], format="trig"))
               for v in (previous, final)), f"graph.trig is neither the old nor the new one {where}"
    assert after_kill["graph.html"] in (previous["graph.html"], final["graph.html"]) or \
        b"</html>" in after_kill["graph.html"], where
    assert len({str(o) for o in Graph().parse(out / "graph.ttl").objects(
        None, __import__("rdflib").DCTERMS.identifier)}) == 60
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.trig", "graph.ttl"], where


@pytest.mark.model
def test_same_text_twice_is_processed_once(nlp, tmp_path):
    text = "Fighters of the Northern Front attacked Qarabagh, officials in Ferozan said.\n"
    (tmp_path / "a.txt").write_text("Report\n" + text)
    (tmp_path / "copy.txt").write_text("Report\n" + text)
    report = kg.build([tmp_path / "a.txt", tmp_path / "copy.txt"], tmp_path / "out", nlp=nlp, html=False)
    assert report.articles == 1


@pytest.mark.model
def test_stdin_build(nlp, tmp_path):
    corpus = generated_jsonl(tmp_path / "c.jsonl", 3)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "-", "-o", str(out), "--no-html"], input=corpus.read_bytes())
    assert result.exit_code == 0, result.output
    assert "Read 3 article(s)" in result.output


@pytest.mark.model
def test_quiet_prints_nothing(nlp, tmp_path):
    corpus = generated_jsonl(tmp_path / "c.jsonl", 2)
    result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(tmp_path / "out"), "-q", "--no-html"])
    assert result.exit_code == 0 and result.output == ""


def test_progress_bar_shows_rates_and_eta(tmp_path):
    corpus = generated_jsonl(tmp_path / "c.jsonl", 12)
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=160)
    with BuildProgress(console, [corpus]) as progress:
        assert progress.total == 12
        for i in range(12):
            progress.advance(Article(id=f"a{i}", text="one two three four"))
            progress.bar.refresh()
    shown = screen.getvalue()
    assert "articles/s" in shown and "words/s" in shown and "12/12" in shown


def test_progress_for_a_few_articles_is_a_status_line(tmp_path):
    corpus = generated_jsonl(tmp_path / "c.jsonl", 2)
    console = Console(file=io.StringIO(), force_terminal=True)
    with BuildProgress(console, [corpus]) as progress:
        progress.advance(Article(id="a", text="one two"))
        assert progress.bar is None


@pytest.mark.model
@pytest.mark.parametrize("headline, lead", [
    ("Rebels Seize Town of Kitshanga in Eastern Congo",
     "M23 rebels took control of Kitshanga, a town in the Masisi territory of eastern Congo, on Thursday."),
    ("Fighting in the east",  # the parser must not cut the lead's first word off as a sentence of its own
     "M23 rebels took control of Kitshanga on Thursday after two days of fighting, officials said."),
])
def test_a_blank_line_ends_the_headline_sentence(nlp, headline, lead):
    from kg.extract.pipeline import extract_articles

    article = Article("lead", f"{headline}\n\n{lead}", title=headline)
    found = next(extract_articles(nlp, [article]))
    start, end = found.sentences[0]
    assert article.text[start:end].strip() == headline
    assert ("M23", "captured", "Kitshanga") in {(r.subject.text, r.predicate, r.object.text) for r in found.relations}


# --- distinct texts are distinct articles ------------------------------------------------------------------------

KUNDUZ_REPORT = ("Taliban take Kunduz\n\nTaliban fighters captured Kunduz on Sunday after a night of fighting, "
                 "a provincial council member said.\n")
LYSYCHANSK_REPORT = ("Russian forces enter Lysychansk\n\nRussian forces captured Lysychansk after weeks of "
                     "shelling, Ukrainian officials said on Monday.\n")


def article_ids(graph: Graph) -> set[str]:
    from rdflib.namespace import DCTERMS

    return {str(o) for o in graph.objects(None, DCTERMS.identifier)}


@pytest.mark.model
def test_two_reports_with_the_same_file_name_in_two_folders_are_two_articles(nlp, tmp_path):
    from .conftest import validate_shacl

    for sub, text in (("a", KUNDUZ_REPORT), ("b", LYSYCHANSK_REPORT)):
        (tmp_path / "d" / sub).mkdir(parents=True)
        (tmp_path / "d" / sub / "report.txt").write_text(text)
    kg.build([tmp_path / "d"], tmp_path / "out", nlp=nlp, html=False)
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert article_ids(graph) == {"a/report", "b/report"}
    conforms, text = validate_shacl(graph)
    assert conforms, text

    report = kg.build([tmp_path / "d"], tmp_path / "out2", nlp=nlp, html=False, store=tmp_path / "s")
    assert report.stored == 2
    with kg.Store(tmp_path / "s", read_only=True) as store:
        captured = {row["place"] for row in store.query(
            "SELECT ?place WHERE { ?a kgo:captured ?p . ?p rdfs:label ?place }")}
    assert {"Kunduz", "Lysychansk"} <= captured


@pytest.mark.model
def test_jsonl_lines_sharing_an_id_stay_two_articles_and_the_clash_is_said(nlp, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": "x", "title": text.split("\n")[0], "text": text}) + "\n"
                              for text in (KUNDUZ_REPORT, LYSYCHANSK_REPORT)))
    result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(tmp_path / "out"), "--no-html",
                                      "--store", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    second = kg.ingest.Article("", LYSYCHANSK_REPORT, title="Russian forces enter Lysychansk")
    renamed = f"x-{second.content_hash[:8]}"
    assert f"{corpus}:2: x -> {renamed}" in result.output
    assert article_ids(Graph().parse(tmp_path / "out" / "graph.ttl")) == {"x", renamed}
    # The same inputs again: the same ids, so the store finds both unchanged instead of adding a third.
    again = kg.build([corpus], tmp_path / "out", nlp=nlp, html=False, store=tmp_path / "s")
    assert (again.stored, again.unchanged) == (0, 2)


@pytest.mark.model
def test_two_stdin_builds_into_one_store_keep_both_articles(nlp, tmp_path):
    for text in (KUNDUZ_REPORT, LYSYCHANSK_REPORT):
        result = CliRunner().invoke(cli, ["build", "-", "-o", str(tmp_path / "out"), "--no-html",
                                          "--store", str(tmp_path / "s")], input=text.encode())
        assert result.exit_code == 0, result.output
    with kg.Store(tmp_path / "s", read_only=True) as store:
        assert len(store.articles()) == 2
        assert {a["title"] for a in store.articles()} == {"Taliban take Kunduz", "Russian forces enter Lysychansk"}


# --- a mistyped or empty input never wipes the previous outputs --------------------------------------------------


@pytest.fixture
def previous_outputs(tmp_path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "out"
    out.mkdir()
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        (out / name).write_bytes(f"the previous build's {name}".encode())
    return out, {p.name: p.read_bytes() for p in out.iterdir()}


def test_a_missing_input_is_an_error_before_anything_is_written(previous_outputs, tmp_path):
    out, before = previous_outputs
    (tmp_path / "real.txt").write_text(KUNDUZ_REPORT)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "real.txt"), str(tmp_path / "typo-dir"),
                                      "-o", str(out), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1, result.output
    assert f"Error: no such file or folder: {tmp_path / 'typo-dir'}" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize("case", ["empty folder", "include matches nothing", "nothing readable"])
def test_a_build_that_reads_no_article_writes_nothing_and_says_so(previous_outputs, tmp_path, case):
    out, before = previous_outputs
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    options = []
    if case == "include matches nothing":
        (inputs / "report.txt").write_text(KUNDUZ_REPORT)
        options = ["--include", "*.html"]
    elif case == "nothing readable":
        (inputs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    for target in (out, tmp_path / "new-out"):
        result = CliRunner().invoke(cli, ["build", str(inputs), "-o", str(target), *options,
                                          "--store", str(tmp_path / "new-store")])
        assert result.exit_code == 1, result.output
        errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1 and "nothing was written" in errors[0], result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not (tmp_path / "new-out").exists() and not (tmp_path / "new-store").exists()


# --- stores and output folders are not each other ----------------------------------------------------------------


def test_store_refuses_an_output_folder(previous_outputs, tmp_path):
    out, before = previous_outputs
    (tmp_path / "report.txt").write_text(KUNDUZ_REPORT)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "report.txt"), "--store", str(out),
                                      "-o", str(tmp_path / "other")])
    assert result.exit_code == 1
    assert "is not a kg store" in result.output and "graph.html" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_outputs_never_go_into_a_store_or_its_folder(tmp_path):
    (tmp_path / "report.txt").write_text(KUNDUZ_REPORT)
    kg.Store(tmp_path / "s").close()
    into_store = CliRunner().invoke(cli, ["build", str(tmp_path / "report.txt"), "-o", str(tmp_path / "s")])
    assert into_store.exit_code == 1 and "is a kg store, not an output folder" in into_store.output
    same = CliRunner().invoke(cli, ["build", str(tmp_path / "report.txt"), "--store", str(tmp_path / "t"),
                                    "-o", str(tmp_path / "t")])
    assert same.exit_code == 1 and "the same folder" in same.output
    assert not (tmp_path / "t").exists()
