"""The README's promises: its SPARQL examples run on the sample build and answer something."""
from __future__ import annotations

import re

import pytest
from rdflib import Graph

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
SPARQL_BLOCKS = re.findall(r"```sparql\n(.*?)```", README, flags=re.S)


def test_readme_has_the_two_setup_commands_and_ci_runs_the_test_one():
    blocks = re.findall(r"```\n(.*?)```", README, flags=re.S)
    assert 'pip install -c constraints.txt -e ".[dev]" && kg build\n' in blocks
    test_command = 'pip install -c constraints.txt -e ".[dev]" && python -m pytest -q\n'
    assert test_command in blocks
    assert test_command.strip() in (REPO / ".ci" / "run").read_text()


def test_readme_has_at_least_three_sparql_examples():
    assert len(SPARQL_BLOCKS) >= 3


@pytest.mark.model
@pytest.mark.parametrize("index", range(3))
def test_readme_sparql_examples_answer_on_the_sample(sample_build, index):
    _, out = sample_build
    graph = Graph().parse(out / "graph.ttl")
    rows = list(graph.query(SPARQL_BLOCKS[index]))
    assert rows, SPARQL_BLOCKS[index]
