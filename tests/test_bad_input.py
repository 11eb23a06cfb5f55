"""Bad input: each case is read without a traceback, with a clear reason, and the rest of the build goes on.

The ingest-level tests need no spaCy model; the CLI tests build one folder of
every bad case beside a good article, once leniently and once with --strict.
"""
from __future__ import annotations

import json
import tracemalloc

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from kg.cli import EXIT_ERROR, EXIT_SKIPPED, cli
from kg.ingest import MAX_ARTICLE_CHARS, Truncated, iter_articles
from kg.model import Article, Skipped

GOOD = ("Fighters of the Northern Front clashed with army units near Qarabagh on Tuesday, a district official "
        "said. The governor of Ferozan Province said the road to the city was closed.\n")
HOSTILE_ID = '"} ; DROP ALL ; #'
HOSTILE_TITLE = "<script>alert('kg')</script> javascript:alert(1)"


def items_of(path) -> list[Article | Skipped]:
    return list(iter_articles([str(path)]))


def only_skip(path) -> Skipped:
    items = items_of(path)
    assert len(items) == 1 and isinstance(items[0], Skipped), items
    return items[0]


def write_bad_inputs(folder) -> dict[str, str]:
    """Every bad case as a file in ``folder``; returns file name -> a word its skip reason must contain."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t\n   \n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "scripts-only.html").write_text(
        "<html><head><style>p{color:red}</style><script>var a = 1;</script></head>"
        "<body><script>document.write('x')</script><noscript></noscript></body></html>")
    (folder / "broken.jsonl").write_text(
        json.dumps({"id": "line-ok-1", "text": GOOD}) + "\n{not json\n"
        + json.dumps({"id": "line-ok-2", "text": GOOD.replace("Tuesday", "Wednesday")}) + "\n")
    return {"empty.txt": "empty", "blank.txt": "empty", "binary.txt": "binary",
            "scripts-only.html": "no article text", "broken.jsonl:2": "not valid JSON"}


def write_hard_but_readable(folder) -> None:
    """Inputs that are awkward but hold text kg should read."""
    (folder / "malformed.html").write_text(
        "<html><body><p>Unclosed <b>bold <i>" + GOOD + "<p>Another paragraph</td></tr></table><div><span>")
    (folder / "nested.html").write_text("<html><body>" + "<div>" * 3000 + "<p>" + GOOD + "</p>" + "</div>" * 10
                                        + "</body></html>")
    one_sentence = "The Northern Front said " + ", and ".join(
        f"its unit {i} moved toward Qarabagh" for i in range(600)) + "."
    (folder / "one-sentence.txt").write_text("One long sentence\n" + one_sentence[:20_000] + ".")
    (folder / "hostile.jsonl").write_text(json.dumps({
        "id": HOSTILE_ID, "title": HOSTILE_TITLE, "url": "javascript:alert(1)",
        "text": f"Commander {HOSTILE_ID} of the Northern Front met with <script>alert(1)</script> in Qarabagh. "
                + GOOD}) + "\n")


# --- ingest level: one test per case ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt", "binary.txt", "scripts-only.html"])
def test_unusable_file_is_skipped_with_a_reason(tmp_path, name):
    expected = write_bad_inputs(tmp_path)
    skipped = only_skip(tmp_path / name)
    assert expected[name] in skipped.reason and "\n" not in skipped.reason


def test_jsonl_with_a_broken_line_keeps_the_others(tmp_path):
    write_bad_inputs(tmp_path)
    items = items_of(tmp_path / "broken.jsonl")
    assert [i.id for i in items if isinstance(i, Article)] == ["line-ok-1", "line-ok-2"]
    (skipped,) = [i for i in items if isinstance(i, Skipped)]
    assert skipped.source.endswith("broken.jsonl:2") and "not valid JSON" in skipped.reason


def test_malformed_html_is_read(tmp_path):
    write_hard_but_readable(tmp_path)
    article = [i for i in items_of(tmp_path / "malformed.html") if isinstance(i, Article)][0]
    assert "Northern Front clashed" in article.text


def test_deeply_nested_html_gives_a_result_not_an_error(tmp_path):
    write_hard_but_readable(tmp_path)
    (item,) = items_of(tmp_path / "nested.html")
    assert isinstance(item, (Article, Skipped))
    if isinstance(item, Skipped):
        assert "no article text" in item.reason


def test_one_20000_character_sentence_is_one_article(tmp_path):
    write_hard_but_readable(tmp_path)
    (article,) = items_of(tmp_path / "one-sentence.txt")
    assert isinstance(article, Article) and len(article.text) > 20_000


def test_50_mb_text_file_is_cut_without_reading_it_whole(tmp_path):
    big = tmp_path / "big.txt"
    line = GOOD.encode()
    with big.open("wb") as handle:
        handle.write(line * (50 * 2**20 // len(line) + 1))
    assert big.stat().st_size >= 50 * 2**20
    tracemalloc.start()
    try:
        items = items_of(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    note, article = items
    assert isinstance(note, Truncated) and "cap" in note.reason and "52,4" in note.reason
    assert isinstance(article, Article) and 0.5 * MAX_ARTICLE_CHARS < len(article.text) <= MAX_ARTICLE_CHARS
    assert article.text.endswith("closed.")  # cut at a line break, not mid-word
    assert peak < 20 * 2**20, f"reading a 50 MB file peaked at {peak / 2**20:.0f} MB"


def test_huge_jsonl_line_is_skipped_and_the_next_line_counts(tmp_path, monkeypatch):
    import kg.ingest

    monkeypatch.setattr(kg.ingest, "MAX_DOCUMENT_BYTES", 1000)
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "x " * 2000}) + "\n" + json.dumps({"id": "after", "text": GOOD}) + "\n")
    skipped, article = items_of(path)
    assert isinstance(skipped, Skipped) and "longer than" in skipped.reason
    assert article.id == "after"


# --- the CLI: every case in one build ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad") / "inputs"
    expected = write_bad_inputs(folder)
    write_hard_but_readable(folder)
    (folder / "good.txt").write_text("Front reaches Qarabagh\n" + GOOD)
    with (folder / "big.txt").open("wb") as handle:
        handle.write(b"A long dispatch\n" + GOOD.encode() * (50 * 2**20 // len(GOOD) + 1))
    return folder, expected


@pytest.mark.model
@pytest.mark.slow
def test_build_over_every_bad_case(nlp, bad_folder, tmp_path, monkeypatch):
    import kg.ingest

    # The cap path is what matters here, not spaCy's time on a 100,000-character article: cap lower.
    monkeypatch.setattr(kg.ingest, "MAX_ARTICLE_CHARS", 20_000)
    folder, expected = bad_folder
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out)])
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    for name, reason in expected.items():
        assert any(name in line and reason in line for line in result.output.splitlines()), (name, result.output)
    assert "big.txt: too long" in result.output
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    ids = {str(o) for o in Graph().parse(out / "graph.ttl").objects(
        None, __import__("rdflib").DCTERMS.identifier)}
    assert {"good", "line-ok-1", "line-ok-2", "big", HOSTILE_ID} <= ids
    html = (out / "graph.html").read_text()
    assert "<script>alert(" not in html


@pytest.mark.model
def test_strict_stops_at_the_first_bad_input_and_keeps_previous_outputs(nlp, bad_folder, sample_build, tmp_path):
    folder, _ = bad_folder
    _, previous = sample_build
    out = tmp_path / "out"
    out.mkdir()
    before = {}
    for name in ("graph.ttl", "graph.trig"):
        before[name] = (previous / name).read_bytes()
        (out / name).write_bytes(before[name])
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out), "--strict", "--no-html"])
    assert result.exit_code == EXIT_ERROR, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "cannot use" in errors[0] and "--strict" in errors[0]
    assert {name: (out / name).read_bytes() for name in before} == before
    assert not list(out.glob(".kg-build-*")), "the spool folder was left behind"


@pytest.mark.model
def test_a_reader_that_fails_skips_one_input_and_the_build_goes_on(nlp, tmp_path, monkeypatch):
    """What a fresh install without lxml_html_clean did to a whole build: now it costs one page, named."""
    import kg.ingest

    def missing_library(html):
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean.")

    monkeypatch.setattr(kg.ingest, "_extract_html", missing_library)
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "good.txt").write_text("Front reaches Qarabagh\n" + GOOD)
    (folder / "page.html").write_text(f"<html><body><p>{GOOD}</p></body></html>")
    (folder / "other.txt").write_text("Road closed\n" + GOOD.replace("Tuesday", "Friday"))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out), "--no-html"])
    assert result.exit_code == EXIT_SKIPPED, result.output
    named = [line for line in result.output.splitlines() if "page.html" in line]
    assert len(named) == 1 and "lxml_html_clean" in named[0], result.output
    ids = {str(o) for o in Graph().parse(out / "graph.ttl").objects(None, __import__("rdflib").DCTERMS.identifier)}
    assert ids == {"good", "other"}
