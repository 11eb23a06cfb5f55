"""kg eval through click's CliRunner, on a small gold folder written here."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli

ARTICLE = """Taliban seize a district in the north

The Taliban captured Kunduz on Sunday after two days of fighting. Zabihullah Mujahid, a Taliban spokesman,
said the group's fighters held the main square.
"""
GOLD = {
    "entities": [
        {"name": "Taliban", "type": "ArmedGroup", "mentions": ["the Taliban"]},
        {"name": "Kunduz", "type": "City"},
        {"name": "Zabihullah Mujahid", "type": "Official"},
        {"name": "Kabul", "type": "City"},
    ],
    "relations": [
        {"subject": "Taliban", "predicate": "captured", "object": "Kunduz",
         "evidence": "The Taliban captured Kunduz on Sunday after two days of fighting."},
        {"subject": "Zabihullah Mujahid", "predicate": "spokesmanFor", "object": "Taliban"},
        {"subject": "Kunduz", "predicate": "locatedIn", "object": "Kabul", "evidence": "an unfindable relation"},
    ],
}


@pytest.fixture
def gold_dir(tmp_path):
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "one.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path


@pytest.fixture
def runner(nlp, monkeypatch):
    """A CliRunner whose kg eval reuses the session's pipeline instead of loading its own."""
    from kg.evaluate import evaluate  # the module kg.evaluate (kg.evaluate itself is this function)

    def with_session_pipeline(gold_dir, model=None):
        return evaluate(gold_dir, nlp=nlp)

    monkeypatch.setattr("kg.cli.eval.evaluate", with_session_pipeline)
    return CliRunner()


def test_help_ends_with_an_example():
    result = CliRunner().invoke(cli, ["eval", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "kg eval" in result.output.split("Example:")[1]


@pytest.mark.model
def test_eval_prints_the_scorers_summary(runner, gold_dir):
    result = runner.invoke(cli, ["eval", str(gold_dir)])
    assert result.exit_code == 0, result.output
    assert "articles scored: 1" in result.output
    for key in ("entity_untyped", "entity_typed", "relation_all", "relation_core", "spokesmanFor", "District"):
        assert key in result.output
    assert "relations kept" not in result.output


@pytest.mark.model
def test_eval_errors_lists_misses_with_their_sentence(runner, gold_dir):
    result = runner.invoke(cli, ["eval", str(gold_dir), "--errors"])
    assert result.exit_code == 0, result.output
    assert "missed entity 'Kabul' (City)" in result.output
    assert "missed relation locatedIn('Kunduz', 'Kabul')" in result.output
    assert "| an unfindable relation" in result.output


@pytest.mark.model
def test_eval_json_with_thresholds(runner, gold_dir):
    result = runner.invoke(cli, ["eval", str(gold_dir), "--json", "--thresholds", "0.2,0.95"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["articles"] == 1
    assert set(data["thresholds"]) == {"0.2", "0.95"}
    assert len(data["relation_all"]) == 3 and set(data["by_predicate"]) >= {"captured", "metWith"}
    p_low, r_low, _ = data["thresholds"]["0.2"]
    p_high, r_high, _ = data["thresholds"]["0.95"]
    assert r_high <= r_low  # a higher threshold never keeps more
    assert all("precision" in rule for rule in data["rules"].values())


@pytest.mark.model
def test_eval_thresholds_flag_alone_uses_the_defaults(runner, gold_dir):
    result = runner.invoke(cli, ["eval", str(gold_dir), "--thresholds"])
    assert result.exit_code == 0, result.output
    assert ">= 0.5" in result.output and ">= 0.7" in result.output and ">= 0.9" in result.output
    assert "rules (relations read, correct, precision)" in result.output


@pytest.mark.parametrize("args", [["eval", "{missing}"], ["eval", "{empty}"], ["eval", "{empty}", "--thresholds", "high"]])
def test_bad_input_is_one_line(tmp_path, args):
    (tmp_path / "empty").mkdir()
    args = [a.format(missing=tmp_path / "missing", empty=tmp_path / "empty") for a in args]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1
    assert "Traceback" not in result.output
