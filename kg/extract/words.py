"""The word lists of the relation readers, read from ``data/words.toml`` (frames live in ``data/frames.toml``).

Kept as data so that a reader can review and extend what counts as a spokesman, an office, a proxy for an
armed group or a part of a place without touching code. ``word_list(section, name)`` gives one list.
"""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from ..errors import GazetteerError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA = Path(__file__).parent / "data"
WORDS_FILE = DATA / "words.toml"


def read_toml(path: Path) -> dict:
    """A TOML data file of kg's, or a one-line error naming it."""
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise GazetteerError(f"cannot read {path}: {err}") from err


@lru_cache(maxsize=1)
def _tables() -> dict:
    return read_toml(WORDS_FILE)


def word_list(section: str, name: str) -> frozenset[str]:
    """One word list of ``data/words.toml``: ``word_list("roles", "office")``."""
    try:
        return frozenset(_tables()[section][name])
    except KeyError as err:
        raise GazetteerError(f"{WORDS_FILE.name} has no list [{section}] {name}") from err
