"""The command line: documented commands, one-line errors, exit statuses."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import EXIT_SKIPPED, cli


def all_commands():
    return sorted(cli.commands)


@pytest.mark.parametrize("name", all_commands())
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert cli.commands[name].help.strip(), name


def test_top_level_help_lists_every_command():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in all_commands():
        assert name in result.output


@pytest.mark.model
def test_bad_inputs_are_skipped_with_one_line_each_and_exit_3(nlp, tmp_path, monkeypatch):
    import kg.extract

    monkeypatch.setattr(kg.extract, "load_pipeline", lambda *a, **k: nlp)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "latin1.txt").write_bytes("Kaboul\n\nLes talibans sont entr\xe9s \xe0 Kunduz.".encode("latin-1"))
    (tmp_path / "nothing.txt").write_text("Weather\n\nit rained all day and then it stopped.\n")
    (tmp_path / "good.txt").write_text("Clashes\n\nThe Taliban clashed with Afghan security forces in Kunduz.\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "-o", str(out), "--no-html"])
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert "Traceback" not in result.output
    for name in ("empty.txt", "binary.txt", "nothing.txt"):
        lines = [line for line in result.output.splitlines() if name in line]
        assert lines, (name, result.output)
    assert "latin1.txt" not in "\n".join(l for l in result.output.splitlines() if "skip" in l.lower())
    ttl = (out / "graph.ttl").read_text()
    assert "Taliban" in ttl


def test_missing_input_is_one_line_error_not_traceback(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o"), "--no-html",
                                      "--model", "no_such_spacy_model_xyz"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert result.output.strip().count("\n") <= 2
