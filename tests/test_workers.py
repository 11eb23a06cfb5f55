"""--workers N: spaCy in N processes gives the same graph as one."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

import kg
from kg.cli import cli
from kg.distributed import batches, pool_extract

from .test_pipeline import generated_jsonl, same_named_graphs, trig_dataset


def test_batches_keep_order_and_everything():
    assert list(batches(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batches([], 3)) == []


@pytest.mark.model
def test_two_workers_build_the_same_graph_as_one(nlp, sample_dir, sample_build, tmp_path):
    _, one = sample_build
    report = kg.build([sample_dir], tmp_path, nlp=nlp, workers=2, html=False)
    assert report.articles == sample_build[0].articles
    assert isomorphic(Graph().parse(tmp_path / "graph.ttl"), Graph().parse(one / "graph.ttl"))
    assert same_named_graphs(trig_dataset(tmp_path / "graph.trig"), trig_dataset(one / "graph.trig"))


@pytest.mark.model
def test_pool_returns_mentions_in_input_order(nlp, tmp_path):
    articles = [a for a in kg.iter_articles([generated_jsonl(tmp_path / "c.jsonl", 40)])]
    found = list(pool_extract(nlp, iter(articles), workers=2))
    assert [f.article.id for f in found] == [a.id for a in articles]
    assert found == [m for m in kg.extract.extract_articles(nlp, articles)]


@pytest.mark.model
def test_workers_option_on_the_command_line(nlp, tmp_path):
    corpus = generated_jsonl(tmp_path / "c.jsonl", 6)
    result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(tmp_path / "out"), "-w", "2", "--no-html"])
    assert result.exit_code == 0, result.output
    assert "Read 6 article(s)" in result.output
