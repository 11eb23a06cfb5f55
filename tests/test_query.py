"""kg query: named queries, files, inline SPARQL, parameters and the four output formats."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store import named_queries

from .store_fixtures import make_store


@pytest.fixture
def store_dir(tmp_path):
    return make_store(tmp_path / "store")


def kg(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_list_prints_one_line_per_named_query():
    result = kg("query", "--list")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert [line.split()[0] for line in lines] == list(named_queries())
    assert all(len(line.split(maxsplit=1)) == 2 for line in lines)


def test_named_query_as_a_readable_table(store_dir):
    result = kg("query", "--store", store_dir, "--name", "clashes")
    assert result.exit_code == 0, result.output
    header, row = result.output.splitlines()[:2]
    assert header.split() == ["actor", "clashed_with", "articles"]
    assert row.split() == ["Afghan", "Army", "Taliban", "2"]
    assert "1 row(s)" in result.output


def test_csv_json_and_tsv(store_dir):
    as_csv = list(csv.DictReader(io.StringIO(kg("query", "--store", store_dir, "-n", "captures",
                                                 "--format", "csv").output)))
    assert as_csv == [{"place": "Kunduz", "captured_by": "Taliban", "articles": "1", "latest": "2021-08-08"}]
    as_json = json.loads(kg("query", "--store", store_dir, "-n", "captures", "--format", "json").output)
    assert as_json == [{"place": "Kunduz", "captured_by": "Taliban", "articles": 1, "latest": "2021-08-08"}]
    as_tsv = kg("query", "--store", store_dir, "-n", "evidence", "--format", "tsv").output.splitlines()
    assert as_tsv[0].split("\t") == ["subject", "relation", "object", "sentence", "rule", "confidence", "article",
                                      "published"]
    assert len(as_tsv) == 7 and all(len(line.split("\t")) == 8 for line in as_tsv)


@pytest.mark.parametrize("fmt, separator", [("csv", ","), ("tsv", "\t")])
def test_an_empty_result_keeps_its_header_row(store_dir, fmt, separator):
    result = kg("query", "--store", store_dir, "-n", "officials", "-p", "place=Nowhere", "--format", fmt)
    assert result.exit_code == 0
    assert result.output == separator.join(["place", "official", "articles"]) + "\n"


def test_param_binds_a_value_safely(store_dir):
    found = kg("query", "--store", store_dir, "-n", "officials", "--param", "place=Kunduz Province", "--format", "json")
    assert json.loads(found.output) == [{"place": "Kunduz Province", "official": "Omar Farid", "articles": 1}]
    hostile = kg("query", "--store", store_dir, "-n", "officials", "-p", 'place=x" } UNION { ?a ?b ?place }',
                 "--format", "json")
    assert json.loads(hostile.output) == []


def test_inline_sparql_file_ask_and_construct(store_dir, tmp_path):
    inline = kg("query", "--store", store_dir, "SELECT ?c WHERE { ?c a kgo:City }", "--format", "csv")
    assert inline.output.splitlines() == ["c", "https://w3id.org/kg-conflict/id/city-kunduz"]
    query_file = tmp_path / "q.rq"
    query_file.write_text("ASK { ?s kgo:captured ?o }", encoding="utf-8")
    assert kg("query", "--store", store_dir, "-f", query_file).output.strip() == "true"
    turtle = kg("query", "--store", store_dir, "CONSTRUCT WHERE { ?c a kgo:Province }").output
    assert "kgr:province-kunduz-province" in turtle


def test_errors_are_one_line(store_dir, tmp_path):
    malformed = kg("query", "--store", store_dir, "SELECT ?s WHERE { ?s ")
    assert malformed.exit_code == 1
    assert malformed.output.count("\n") == 1 and malformed.output.startswith("Error: malformed SPARQL")
    missing = kg("query", "--store", tmp_path / "none", "--name", "clashes")
    assert missing.exit_code == 1 and "no kg store" in missing.output
    unknown = kg("query", "--store", store_dir, "--name", "nope")
    assert unknown.exit_code == 1 and "no named query 'nope'" in unknown.output
    both = kg("query", "--store", store_dir, "--name", "clashes", "SELECT * WHERE { ?s ?p ?o }")
    assert both.exit_code == 2
    bad_param = kg("query", "--store", store_dir, "--name", "clashes", "-p", "novalue")
    assert bad_param.exit_code == 2


def test_typed_params():
    from kg.cli.query import parse_param

    assert parse_param("n=3") == ("n", 3)
    assert parse_param("?x=0.5") == ("x", 0.5)
    assert parse_param("flag=true") == ("flag", True)
    assert str(parse_param("d=2021-08-08")[1]) == "2021-08-08"
    assert parse_param("place=Kunduz Province") == ("place", "Kunduz Province")
