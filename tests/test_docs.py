"""The README's promises: its SPARQL examples and kg query commands run on the sample build and answer something."""
from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli

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


def code_lines(text: str) -> list[str]:
    """The lines inside the text's fenced code blocks (fences paired in order, whatever their language)."""
    lines, inside = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            inside = not inside
        elif inside:
            lines.append(line)
    return lines


#: The README's ``kg query --store kg-store ...`` command lines (those that need no file of their own).
QUERY_COMMANDS = [line for line in code_lines(README)
                  if line.startswith("kg query --store kg-store") and " -f " not in line]


@pytest.fixture(scope="module")
def sample_store(nlp, sample_dir, tmp_path_factory):
    import kg

    folder = tmp_path_factory.mktemp("sample-store")
    kg.build([sample_dir], folder / "out", nlp=nlp, store=folder / "kg-store", html=False)
    return folder / "kg-store"


def test_readme_shows_a_parameter_and_a_typed_iri_in_its_query_commands():
    assert any("--param" in line for line in QUERY_COMMANDS)
    assert any("kgr:" in line for line in QUERY_COMMANDS)


@pytest.mark.model
@pytest.mark.parametrize("line", QUERY_COMMANDS)
def test_readme_query_commands_answer_on_the_sample(sample_store, line):
    args = shlex.split(line, comments=True)[1:]
    args[args.index("kg-store")] = str(sample_store)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) >= 2 and not re.search(r"^0 row\(s\)$", result.output, flags=re.MULTILINE), result.output
