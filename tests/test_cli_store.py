"""kg build --store, kg remove, kg export: the store from the command line."""
from __future__ import annotations

import json

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

import kg
from kg.cli import cli
from kg.store import Store
from kg.triples import article_iri

from .store_fixtures import make_store


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def store_dir(tmp_path):
    return make_store(tmp_path / "store")


def test_remove_retracts_an_article(store_dir):
    result = run("remove", "--store", store_dir, "report-two")
    assert result.exit_code == 0, result.output
    assert "Removed 1 article(s)" in result.output
    with Store(store_dir, read_only=True) as store:
        assert [a["id"] for a in store.articles()] == ["report-one"]
    again = run("remove", "--store", store_dir, "report-two")
    assert again.exit_code == 1 and "not in the store: report-two" in again.output


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nq", "jsonld", "graphml"])
def test_export_every_format(store_dir, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    result = run("export", "--store", store_dir, "-f", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    if fmt == "ttl":
        assert len(rdflib.Graph().parse(out)) == len(Store(store_dir, read_only=True).graph())
    if fmt == "jsonld":
        assert json.loads(out.read_text(encoding="utf-8"))


def test_export_guesses_the_format_from_the_extension(store_dir, tmp_path):
    out = tmp_path / "graph.nq"
    assert run("export", "--store", store_dir, "-o", out).exit_code == 0
    assert all(line.rstrip().endswith(">  .") or line.rstrip().endswith("> .") for line in out.read_text().splitlines())


@pytest.mark.model
@pytest.mark.slow
def test_build_into_a_store_twice_changes_nothing_and_a_changed_article_is_replaced(nlp, sample_dir, tmp_path):
    store_dir, out = tmp_path / "store", tmp_path / "out"
    first = kg.build([sample_dir], out, nlp=nlp, store=store_dir, html=False)
    with Store(store_dir, read_only=True) as store:
        count, articles = len(store), store.articles()
    assert first.stored == len(articles) > 0
    assert len(rdflib.Graph().parse(out / "graph.ttl")) > 0

    second = kg.build([sample_dir], out, nlp=nlp, store=store_dir, html=False)
    assert (second.stored, second.unchanged) == (0, len(articles))
    with Store(store_dir, read_only=True) as store:
        assert len(store) == count
        assert store.articles() == articles

    edited = tmp_path / "edited"
    edited.mkdir()
    source = sorted(sample_dir.glob("*.txt"))[0]
    (edited / source.name).write_text(source.read_text(encoding="utf-8") + "\nA closing line was added.\n",
                                      encoding="utf-8")
    third = kg.build([edited], out, nlp=nlp, store=store_dir, html=False)
    assert third.stored == 1
    with Store(store_dir, read_only=True) as store:
        stored = {a["id"]: a for a in store.articles()}
        assert stored[source.stem]["hash"] != {a["id"]: a for a in articles}[source.stem]["hash"]
        assert len(stored) == len(articles)


@pytest.mark.model
@pytest.mark.slow
def test_an_incremental_build_keeps_labels_and_iris_of_earlier_builds(nlp, sample_dir, tmp_path):
    files = sorted(sample_dir.glob("*.txt"))
    store_dir = tmp_path / "store"
    kg.build(files[: len(files) // 2], tmp_path / "a", nlp=nlp, store=store_dir, html=False)
    with Store(store_dir, read_only=True) as store:
        before = {e.key: e.label for e in store.known_entities()}
    kg.build(files[len(files) // 2:], tmp_path / "b", nlp=nlp, store=store_dir, html=False)
    with Store(store_dir, read_only=True) as store:
        after = {e.key: e.label for e in store.known_entities()}
    assert {key: after[key] for key in before} == before  # nothing learnt earlier was renamed or re-keyed
    with Store(store_dir, read_only=True) as store:  # and no entity got a second label from the later articles
        assert store.query("SELECT ?e WHERE { ?e rdfs:label ?a, ?b FILTER(?a != ?b) }") == []


def test_build_cli_accepts_store():
    help_text = run("build", "--help").output
    assert "--store [DIR]" in help_text


def test_export_dash_writes_to_standard_output_not_a_file_named_dash(store_dir, tmp_path, monkeypatch):
    import pyoxigraph as ox

    monkeypatch.chdir(tmp_path)
    turtle = run("export", "--store", store_dir, "-o", "-")
    assert turtle.exit_code == 0 and not (tmp_path / "-").exists()
    with Store(store_dir, read_only=True) as store:
        assert isomorphic(rdflib.Graph().parse(data=turtle.output, format="turtle"), store.graph())
    quads = run("export", "--store", store_dir, "-f", "nq", "-o", "-").output.encode("utf-8")
    graphs = {quad.graph_name.value for quad in ox.parse(quads, format=ox.RdfFormat.N_QUADS)}
    assert graphs == {str(article_iri("report-one")), str(article_iri("report-two"))}


def test_view_writes_under_kg_out_by_default_and_needs_an_existing_folder_for_o(store_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("view", "--store", store_dir)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "kg-out" / "view.html").is_file() and not (tmp_path / "graph.html").exists()
    quiet = run("view", "--store", store_dir, "-q", "-o", tmp_path / "quiet.html")
    assert quiet.exit_code == 0 and quiet.output == "" and (tmp_path / "quiet.html").is_file()
    missing = run("view", "--store", store_dir, "-o", tmp_path / "no" / "such" / "x.html")
    assert missing.exit_code == 2
    assert missing.output == f"Error: -o {tmp_path}/no/such/x.html: the folder {tmp_path}/no/such does not exist " \
                             "(create it first)\n"
    assert not (tmp_path / "no").exists()


def test_view_hide_unrelated_is_a_command_line_choice(store_dir, tmp_path):
    for flag, expected in (("--hide-unrelated", "true"), ("--show-unrelated", "false")):
        out = tmp_path / f"{flag}.html"
        assert run("view", "--store", store_dir, flag, "-o", out).exit_code == 0
        assert f'"hideUnrelated":{expected}' in out.read_text(encoding="utf-8")


def test_view_over_a_file_and_query_over_a_store_refuse_service(store_dir, tmp_path):
    graph_file = tmp_path / "g.ttl"
    graph_file.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
    service = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    viewed = CliRunner().invoke(cli, ["view", "--input", str(graph_file), "--query", service, "-o",
                                      str(tmp_path / "v.html")])
    assert viewed.exit_code == 1 and "SERVICE" in viewed.output and not (tmp_path / "v.html").exists()
    queried = CliRunner().invoke(cli, ["query", "--store", str(store_dir), service])
    assert queried.exit_code == 1 and "kg query --allow-service" in queried.output
