"""Read articles from files, folders and JSONL into ``Article`` values (no NLP here).

``iter_articles`` streams: it never holds a corpus in memory. Anything that
cannot be read becomes a ``Skipped`` record with a one-line reason instead of an
exception, so one bad file never stops a build.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import Article, Skipped

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES
#: Articles longer than this are cut (with a logged note) to keep one file from eating the machine.
MAX_ARTICLE_CHARS = 2_000_000
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def bundled_sample() -> Path:
    """The folder of sample articles shipped with kg (used by ``kg build`` with no input)."""
    return Path(__file__).parent / "data" / "sample"


def iter_articles(sources: Iterable[str | Path]) -> Iterator[Article | Skipped]:
    """Yield an Article for every readable article in ``sources``, a Skipped for the rest."""
    for source in sources:
        path = Path(source)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUPPORTED_SUFFIXES and not child.name.endswith(".gold.json"):
                    yield from _read_file(child)
        elif path.is_file():
            yield from _read_file(path)
        else:
            yield Skipped(str(path), "no such file or folder")


def _read_file(path: Path) -> Iterator[Article | Skipped]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
    elif suffix in TEXT_SUFFIXES or suffix == "":
        yield _read_text_file(path)
    else:
        yield Skipped(str(path), f"unsupported file type {suffix!r} (use .txt, .md or .jsonl)")


def decode(data: bytes) -> str | None:
    """Bytes to text, or None when the bytes are not text (binary or undecodable)."""
    if b"\0" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    for encoding in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    # Control characters other than whitespace mean this was never text.
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    return None if controls > 8 else text


def _read_text_file(path: Path) -> Article | Skipped:
    try:
        data = path.read_bytes()
    except OSError as err:
        return Skipped(str(path), f"cannot read: {err.strerror or err}")
    text = decode(data)
    if text is None:
        return Skipped(str(path), "binary or undecodable file, not text")
    return article_from_text(path.stem, text, source=str(path))


def article_from_text(article_id: str, text: str, source: str | None = None, **meta) -> Article | Skipped:
    """A .txt article: its first non-empty line is the title, the rest the body."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return Skipped(source or article_id, "empty article (no text)")
    lines = text.lstrip("\n").split("\n", 1)
    title = lines[0].strip()
    return _article(article_id, text.lstrip("\n"), title=title, source=source, **meta)


def _article(article_id: str, text: str, **fields) -> Article:
    if len(text) > MAX_ARTICLE_CHARS:
        text = text[:MAX_ARTICLE_CHARS]
    published = fields.get("published")
    if published is not None and not _DATE.match(str(published)):
        fields["published"] = None
    return Article(id=str(article_id), text=text, **fields)


def _read_jsonl(path: Path) -> Iterator[Article | Skipped]:
    try:
        handle = path.open("rb")
    except OSError as err:
        yield Skipped(str(path), f"cannot read: {err.strerror or err}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            line = decode(raw)
            if line is None:
                yield Skipped(where, "binary or undecodable line")
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                yield Skipped(where, f"not valid JSON ({err.msg})")
                continue
            yield article_from_record(record, default_id=f"{path.stem}-{number}", source=where)


def article_from_record(record: object, default_id: str, source: str) -> Article | Skipped:
    """A JSON object with at least ``text`` (and optionally id, title, url, published)."""
    if not isinstance(record, dict):
        return Skipped(source, "JSON value is not an object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skipped(source, "no 'text' field, or it is empty")
    def optional(key: str) -> str | None:
        value = record.get(key)
        return str(value) if value not in (None, "") else None
    return _article(
        optional("id") or default_id, text.replace("\r\n", "\n"),
        title=optional("title") or "", url=optional("url"), published=optional("published"),
        author=optional("author"), source=source,
    )
