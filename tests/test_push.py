"""kg push: a store sent to an `oxigraph serve` process on loopback, by Graph Store Protocol and by SPARQL Update,
and to `kg serve --allow-updates --token` with the token."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef
from rdflib.namespace import DCTERMS

from kg.cli import EXIT_ERROR, cli
from kg.model import Article, ArticleGraph, Entity, Evidence, Relation
from kg.push import PushError, push
from kg.server import make_server
from kg.store import Store, named_query

from .store_fixtures import report_two
from .test_pipeline import same_named_graphs

HOSTILE = '"} ; DROP ALL ; #'
UNRELATED = "https://example.org/graph/unrelated"


def oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "oxigraph"
    return shutil.which("oxigraph") or (str(beside_python) if beside_python.exists() else None)


@pytest.fixture
def server(tmp_path):
    """An empty Oxigraph server on a free loopback port: yields its base URL."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "remote"), "--bind",
                                f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                ask(base, "ASK { }")
                break
            except OSError:
                if process.poll() is not None:
                    pytest.skip("the oxigraph server did not start")
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def ask(base: str, query: str) -> bytes:
    url = f"{base}/query?{urllib.parse.urlencode({'query': query})}"
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def remote_dataset(base: str) -> Dataset:
    request = urllib.request.Request(f"{base}/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=10) as response:
        data = response.read().decode("utf-8")
    ds = Dataset()
    ds.parse(data=data, format="nquads")
    return ds


def article(article_id: str, title: str, group_label: str) -> ArticleGraph:
    sentence = f"Fighters of the {group_label} attacked Qarabagh."
    return ArticleGraph(
        article=Article(id=article_id, text=sentence, title=title, url="javascript:alert(1)",
                        published="2023-03-14"),
        entities=(Entity(key="ArmedGroup/northern front", type="ArmedGroup", label=group_label),
                  Entity(key="City/qarabagh", type="City", label="Qarabagh")),
        relations=(Relation("ArmedGroup/northern front", "attacked", "City/qarabagh",
                            (Evidence(article_id, sentence, 0, len(sentence), "test-rule", 0.9),)),),
    )


@pytest.fixture
def store(tmp_path) -> Path:
    """A store on disk with two articles, one full of hostile strings."""
    path = tmp_path / "store"
    with Store(path) as local:
        local.add(article("a-1", "Front attacks Qarabagh", "Northern Front"))
        local.add(article(HOSTILE, f"<script>alert(1)</script> {HOSTILE}", f"Northern {HOSTILE} Front"))
    return path


def local_dataset(path: Path) -> Dataset:
    with Store(path, create=False, read_only=True) as local:
        return local.dataset()


def put_unrelated_graph(base: str) -> None:
    body = f'INSERT DATA {{ GRAPH <{UNRELATED}> {{ <https://example.org/x> <https://example.org/p> "kept" }} }}'
    request = urllib.request.Request(f"{base}/update", data=body.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(request, timeout=10).read()


def article_triples(dataset: Dataset) -> set:
    """Every triple of every graph of ``dataset``, each once: what a kg store's merged default graph holds."""
    return {triple for graph in dataset.graphs() for triple in graph}


@pytest.mark.parametrize("how", ["graph-store", "update", "update, named graphs only"])
def test_push_sends_every_article_graph_and_nothing_else_changes(server, store, how):
    put_unrelated_graph(server)
    target = {"graph-store": {"graph_store": f"{server}/store"}, "update": {"endpoint": f"{server}/update"},
              "update, named graphs only": {"endpoint": f"{server}/update", "named_graphs_only": True}}[how]
    with Store(store, create=False, read_only=True) as local:
        report = push(local, **target)
        again = push(local, **target)  # pushing twice replaces, never duplicates
    assert report.graphs == again.graphs == 2
    remote = remote_dataset(server)
    unrelated = remote.graph(URIRef(UNRELATED))
    assert len(unrelated) == 1, "a hostile string ran as SPARQL on the remote"
    remote.remove_graph(unrelated)
    default = set(remote.default_graph)
    remote.default_graph.remove((None, None, None))
    assert same_named_graphs(remote, local_dataset(store))
    assert report.triples == sum(len(g) for g in remote.graphs())
    # through SPARQL Update the remote's default graph is the merge of the article graphs, as in a kg store
    assert default == (article_triples(local_dataset(store)) if how == "update" else set())


def test_cli_push(server, store):
    result = CliRunner().invoke(cli, ["push", "--store", str(store), "--endpoint", f"{server}/update",
                                      "--graph-store", f"{server}/store"])
    assert result.exit_code == 0, result.output
    assert "Pushed 2 graph(s)" in result.output
    identifiers = {str(o) for _, _, o, _ in remote_dataset(server).quads((None, DCTERMS.identifier, None, None))}
    assert identifiers == {"a-1", HOSTILE}


def test_unreachable_endpoint_is_a_one_line_error(store):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    result = CliRunner().invoke(cli, ["push", "--store", str(store), "--endpoint",
                                      f"http://127.0.0.1:{closed_port}/update"])
    assert result.exit_code == EXIT_ERROR
    assert result.output.startswith("Error: cannot reach") and result.output.count("\n") == 1


def test_refused_data_is_a_one_line_error(server, store):
    with Store(store, create=False, read_only=True) as local, pytest.raises(PushError) as caught:
        push(local, endpoint=f"{server}/query")  # the query endpoint refuses updates
    assert "HTTP" in caught.value.one_line() and "\n" not in caught.value.one_line()


def test_nowhere_to_push(store):
    with Store(store, create=False, read_only=True) as local, pytest.raises(PushError):
        push(local)


def test_missing_store_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["push", "--store", str(tmp_path / "none"), "--endpoint", "http://127.0.0.1:9/"])
    assert result.exit_code == EXIT_ERROR and result.output.startswith("Error: no kg store")


TOKEN = "push-token-for-tests"


@pytest.fixture
def kg_serve(tmp_path):
    """`kg serve --allow-updates --token TOKEN` over a store that already holds one article: (base URL, its store)."""
    served = tmp_path / "served"
    with Store(served) as remote:
        remote.add(report_two())
    server = make_server(served, "127.0.0.1", 0, allow_updates=True, token=TOKEN)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", served
    server.shutdown()
    server.server_close()


def select(base: str, query: str) -> list[dict]:
    url = f"{base}/sparql?{urllib.parse.urlencode({'query': query})}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return [{k: v["value"] for k, v in row.items()} for row in json.load(response)["results"]["bindings"]]


def test_push_to_kg_serve_with_its_token_and_query_it_back(kg_serve, store, tmp_path, monkeypatch):
    base, served = kg_serve
    monkeypatch.chdir(tmp_path)
    store.rename(tmp_path / "kg-store")  # kg push reads ./kg-store when --store is not given, as the others do
    result = CliRunner().invoke(cli, ["push", "--endpoint", f"{base}/update", "--token", TOKEN])
    assert result.exit_code == 0, result.output
    assert "Pushed 2 graph(s)" in result.output
    again = CliRunner().invoke(cli, ["push", "--endpoint", f"{base}/update"], env={"KG_PUSH_TOKEN": TOKEN})
    assert again.exit_code == 0, again.output  # the token from the environment; pushing again replaces
    groups = select(base, "SELECT ?label WHERE { ?g a kgo:ArmedGroup ; rdfs:label ?label }")
    assert {row["label"] for row in groups} == {"Northern Front", f"Northern {HOSTILE} Front", "Taliban"}
    articles = select(base, named_query("articles"))  # kg's named queries read the merged default graph
    assert sorted(row["id"] for row in articles) == sorted(["a-1", HOSTILE, "report-two"])
    with Store(tmp_path / "kg-store", create=False, read_only=True) as local:
        sent = {name: set(graph) for name, graph in local.article_graphs()}  # kg mints IRIs: no blank nodes
    with Store(served, create=False, read_only=True) as remote:
        held = {name: set(graph) for name, graph in remote.article_graphs()}
        merged = set(remote.graph())
    assert {name: held.get(name) for name in sent} == sent
    assert merged == set().union(*held.values()), "the served store's default graph is not the merge of its articles"


def test_push_without_the_token_is_refused_in_one_line(kg_serve, store):
    base, served = kg_serve
    result = CliRunner().invoke(cli, ["push", "--store", str(store), "--endpoint", f"{base}/update"])
    assert result.exit_code == EXIT_ERROR and result.output.count("\n") == 1
    assert "HTTP 403" in result.output and "--token" in result.output
    with Store(served, create=False, read_only=True) as remote:
        assert [row["id"] for row in remote.articles()] == ["report-two"]  # nothing was written


def test_a_user_and_a_token_together_are_refused(store):
    result = CliRunner().invoke(cli, ["push", "--store", str(store), "--endpoint", "http://127.0.0.1:9/update",
                                      "--token", "t", "--user", "a:b"])
    assert result.exit_code == EXIT_ERROR and "not both" in result.output
