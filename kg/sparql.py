"""SPARQL text read without running it: the calls that would reach other hosts, and the protocol's update dataset.

Oxigraph runs ``SERVICE <url> { ... }`` in a query, and ``LOAD <url>`` in an
update, by fetching the URL itself. On a server that is a way to make the
server request any address (SSRF); in a library it is network access nobody
asked for. ``outbound_calls`` finds them before anything runs, two ways, and
reports what either finds:

* rdflib's SPARQL grammar parses the text and the parse tree is searched for
  ``ServiceGraphPattern`` and ``Load`` nodes, so a comment or a string that
  mentions SERVICE is no call;
* a tokenizer that follows Oxigraph's reading catches what rdflib cannot parse
  or reads differently: Oxigraph's extensions, ``\\u0022`` inside a string
  (Oxigraph keeps it in the string, rdflib's parser would end the string
  there), and keywords written without a space (``trueSERVICE<...>``). Any
  bare word containing SERVICE (or LOAD in an update) counts: no other SPARQL
  keyword or function contains either, so this only errs towards refusing.

The tokenizer also places the SPARQL 1.1 Protocol's ``using-graph-uri`` /
``using-named-graph-uri`` parameters into an update (``with_using``), as
pyoxigraph takes no dataset for updates.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .errors import QueryError

#: One token per match; the order of the alternatives decides what a character starts (a '#' in an IRI or a
#: string is no comment). Strings, IRIs and numbers follow the SPARQL 1.1 grammar's terminals.
_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<string>\"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"|'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''
               |"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*')
  | (?P<variable>[?$]\w+)
  | (?P<name>(?:[^\W\d_][\w.\-]*)?:(?:[\w.\-:%]|\\.)*|_:[\w.\-]*)
  | (?P<number>\d+\.\d*[eE][+-]?\d+|\.?\d+[eE][+-]?\d+|\d*\.\d+|\d+)
  | (?P<word>[^\W\d_]\w*)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
_CODEPOINT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
#: Parse-tree nodes (rdflib) and keywords that fetch from elsewhere, for queries and for updates.
_OUTBOUND_NODES = {False: {"ServiceGraphPattern"}, True: {"ServiceGraphPattern", "Load"}}
_OUTBOUND_WORDS = {False: ("service",), True: ("service", "load")}


class Token(NamedTuple):
    kind: str
    text: str
    start: int
    end: int


def tokens(text: str) -> Iterator[Token]:
    """The significant tokens of SPARQL text (no spaces, no comments)."""
    for match in _TOKEN.finditer(text):
        if match.lastgroup not in ("space", "comment"):
            yield Token(match.lastgroup, match.group(), match.start(), match.end())


def outbound_calls(text: str, *, update: bool = False) -> list[str]:
    """What in ``text`` would make Oxigraph fetch a URL: ``["SERVICE <http://...>"]``, or [] when nothing would.

    ``update=True`` reads ``text`` as a SPARQL Update (where LOAD fetches too).
    """
    found: list[str] = []
    readings = [text]
    expanded = _CODEPOINT_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
    if expanded != text:  # the SPARQL spec expands \\u escapes everywhere first; Oxigraph 0.5 only in strings
        readings.append(expanded)
    for reading in readings:
        if not any(word in reading.lower() for word in _OUTBOUND_WORDS[update]):
            continue  # the fast path every ordinary query takes
        found += [call for call in _parsed_calls(reading, update) + _keyword_calls(reading, update)
                  if call not in found]
    return found


def refuse_outbound(text: str, *, update: bool = False, hint: str) -> None:
    """Raise QueryError when ``text`` would fetch a URL (see ``outbound_calls``)."""
    calls = outbound_calls(text, update=update)
    if calls:
        raise QueryError(f"{calls[0]} would fetch from another host, and that is turned off", hint=hint)


def _parsed_calls(text: str, update: bool) -> list[str]:
    from pyparsing import ParseException
    from rdflib.plugins.sparql import parser

    grammar = parser.UpdateUnit if update else parser.QueryUnit
    try:  # the grammar itself: parser.parseQuery would first expand \\u escapes, which Oxigraph does not
        tree = grammar.parse_string(text, parse_all=True)
    except (ParseException, RecursionError, ValueError):
        return []
    return [_describe(node) for node in _nodes(tree) if node.name in _OUTBOUND_NODES[update]]


def _nodes(tree) -> Iterator:
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node
            stack.extend(node.values())
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            stack.extend(node)


def _describe(node) -> str:
    target = node.get("term") if node.name == "ServiceGraphPattern" else node.get("iri")
    keyword = "SERVICE" if node.name == "ServiceGraphPattern" else "LOAD"
    if target is None or type(target).__name__ not in ("URIRef", "Variable"):
        return keyword  # a prefixed name: rdflib's tree holds it unresolved
    return f"{keyword} {target.n3()}"


def _keyword_calls(text: str, update: bool) -> list[str]:
    return [token.text.upper() if token.text.lower() in _OUTBOUND_WORDS[update] else token.text
            for token in tokens(text)
            if token.kind == "word" and any(word in token.text.lower() for word in _OUTBOUND_WORDS[update])]


# ---- the protocol's dataset of an update ---------------------------------------------------------------------

def with_using(update: str, default_graphs: Sequence[str], named_graphs: Sequence[str]) -> str:
    """``update`` with ``USING <g>`` / ``USING NAMED <g>`` in every operation that has a WHERE clause.

    The graph names must be IRIs already checked (``<...>`` as Oxigraph writes
    them). ``DELETE WHERE { P }``, which takes no USING, is written out as
    ``DELETE { P } USING ... WHERE { P }``. An update that names its own
    dataset (WITH or USING) conflicts with the protocol's: QueryError.
    """
    clause = " ".join([f"USING {g}" for g in default_graphs] + [f"USING NAMED {g}" for g in named_graphs])
    if not clause:
        return update
    found = list(tokens(update))
    pieces, copied, depth, previous = [], 0, 0, None
    for index, token in enumerate(found):
        if token.text == "{":
            depth += 1
        elif token.text == "}":
            depth -= 1
        elif depth == 0 and token.kind == "word":
            keyword = token.text.upper()
            if keyword in ("WITH", "USING"):
                raise QueryError(f"the update names its own dataset ({keyword}) and the request gives "
                                 "using-graph-uri or using-named-graph-uri",
                                 hint="give the dataset one way, not both")
            if keyword == "WHERE":
                insertion = clause + " "
                if previous is not None and previous.kind == "word" and previous.text.upper() == "DELETE":
                    insertion = update[token.end:_group_end(found, index + 1)] + " " + insertion
                pieces.append(update[copied:token.start] + insertion)
                copied = token.start
        if depth == 0:
            previous = token
    return "".join(pieces) + update[copied:]


def _group_end(found: list[Token], start: int) -> int:
    """The offset just after the '{ ... }' group that opens at ``found[start]``."""
    depth = 0
    for token in found[start:]:
        depth += {"{": 1, "}": -1}.get(token.text, 0)
        if depth == 0:
            return token.end
    raise QueryError("malformed SPARQL: a '{' is never closed", hint="check the update's braces")


__all__ = ["outbound_calls", "refuse_outbound", "tokens", "with_using"]
