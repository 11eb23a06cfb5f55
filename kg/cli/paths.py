"""Output paths, checked while the command line is parsed, before a command does any work.

Every command that writes a file or a folder passes its ``-o`` option through
``output_file`` or ``output_folder`` (as the option's click callback), so a path
that cannot be written is one line saying what is wrong with it and exit status
2, not an internal error after minutes of work, and nothing is created on the way.
"""
from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

import click

from . import EXIT_USAGE

#: ``-o -``: write to standard output, as Unix tools do.
STDOUT = Path("-")


class OutputPathError(click.ClickException):
    """An output path that cannot be used: ``Error: ...`` on one line, exit status 2 (bad usage)."""

    exit_code = EXIT_USAGE


def output_file(*, stdout: bool = False, default: Path | None = None):
    """A click callback for an option naming one file to write (replaced atomically by the command).

    The file's folder must exist (a typo in it should not create folders), except for the folders of
    ``default``, which the command makes. With ``stdout``, ``-`` stands for standard output.
    """
    def check(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
        if value is None:
            if default is not None:
                _check_folder(_option(param), default, default.parent, create=True)
            return default
        option = _option(param)
        if value == STDOUT:
            if not stdout:
                raise OutputPathError(f"{option} -: this command cannot write to standard output; give a file name")
            return value
        if value.is_dir():
            raise OutputPathError(f"{option} {value}: is a folder; give a file name inside it")
        if value.exists() and not value.is_file():
            hint = " (use -o - for standard output)" if stdout else ""
            raise OutputPathError(f"{option} {value}: is not a regular file (a device, pipe or socket); "
                                  f"give a file name{hint}")
        _check_folder(option, value, value.parent, create=False)
        return value

    return check


def output_folder(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """A click callback for an option naming a folder to write files into (made, with its parents, if missing)."""
    if value is None:  # an optional folder not asked for
        return None
    option = _option(param)
    if value == STDOUT:
        raise OutputPathError(f"{option} -: this command writes several files; give a folder to write them into")
    if value.exists() and not value.is_dir():
        kind = "a file" if value.is_file() else "a device or other special file"
        raise OutputPathError(f"{option} {value}: is {kind}, not a folder; give a folder to write into")
    _check_folder(option, value, value, create=True)
    return value


@contextlib.contextmanager
def reader_may_leave():
    """Writing to standard output when the reader may stop early (``kg query ... | head``): that is no error."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        # Point stdout at /dev/null so that Python's own flush at exit does not complain again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _option(param: click.Parameter) -> str:
    return min(param.opts, key=len)


def _check_folder(option: str, value: Path, folder: Path, *, create: bool) -> None:
    """``folder`` (or, with ``create``, its nearest existing ancestor) is a folder this process can write in."""
    existing = folder
    while not existing.exists():
        if not create or existing.parent == existing:  # (the root of a relative path: the working folder is gone)
            raise OutputPathError(f"{option} {value}: {_missing(folder)}")
        existing = existing.parent
    if not existing.is_dir():
        raise OutputPathError(f"{option} {value}: {existing} is a file, not a folder")
    try:  # permissions alone do not tell (root may write anywhere, yet not in /proc): try it
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as err:
        raise OutputPathError(
            f"{option} {value}: cannot create files in {existing} ({err.strerror or err})") from None


def _missing(folder: Path) -> str:
    """Why ``folder`` cannot be used: a file stands where a folder should, or the folder is not there."""
    for part in [folder, *folder.parents]:
        if part.exists():
            if not part.is_dir():
                return f"{part} is a file, not a folder"
            break
    return f"the folder {folder} does not exist (create it first)"


__all__ = ["STDOUT", "OutputPathError", "output_file", "output_folder", "reader_may_leave"]
