"""The command line: documented commands, one-line errors, exit statuses."""
from __future__ import annotations

from pathlib import Path

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


@pytest.mark.parametrize("args, says", [
    (["build", "-o", "/dev/null"], "/dev/null: is a device or other special file, not a folder"),
    (["build", "-o", "{file}/sub"], "afile.txt is a file, not a folder"),
    (["build", "-o", "{file}"], "afile.txt: is a file, not a folder"),
    (["build", "-o", "-"], "give a folder"),
    (["build", "--store", "{file}"], "afile.txt: is a file, not a folder"),
    (["export", "-o", "{file}/x.ttl"], "afile.txt is a file, not a folder"),
    (["export", "-o", "{tmp}"], "is a folder; give a file name"),
    (["export", "-o", "/dev/null"], "is not a regular file"),
    (["view", "-o", "{file}/x.html"], "afile.txt is a file, not a folder"),
    (["view", "-o", "{tmp}/missing/dir/x.html"], "the folder {tmp}/missing/dir does not exist"),
    (["export", "-o", "{tmp}/missing/x.graphml"], "the folder {tmp}/missing does not exist"),
])
def test_unusable_output_paths_are_one_line_and_exit_2_before_any_work(tmp_path, args, says):
    afile = tmp_path / "afile.txt"
    afile.write_text("not a folder\n")
    args = [arg.format(file=afile, tmp=tmp_path) for arg in args]
    # The store does not exist: were the path checked after the work began, that would be the error.
    store = [] if "--store" in args else ["--store", str(tmp_path / "no-store")]
    result = CliRunner().invoke(cli, [*args, *store])
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and result.output.startswith(f"Error: {args[1]} {args[2]}: ")
    assert says.format(tmp=tmp_path) in result.output
    assert not (tmp_path / "missing").exists() and not (tmp_path / "no-store").exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_folder_nothing_can_be_written_in_is_named(tmp_path):
    result = CliRunner().invoke(cli, ["export", "--store", str(tmp_path), "-o", "/proc/x.graphml"])
    assert result.exit_code == 2
    assert result.output == "Error: -o /proc/x.graphml: cannot create files in /proc (No such file or directory)\n"


def test_q_means_quiet_in_every_command():
    for name, command in cli.commands.items():
        for param in command.params:
            if "-q" in param.opts:
                assert param.name == "quiet", name
    assert "-q" in next(p for p in cli.commands["view"].params if p.name == "quiet").opts
