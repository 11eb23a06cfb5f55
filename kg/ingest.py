"""Read articles from files, folders, JSONL/JSON, HTML, RSS/Atom and stdin into ``Article`` values (no NLP here).

``iter_articles`` streams: it never holds a corpus in memory (folders are walked
lazily, JSONL is read line by line). Anything that cannot be read becomes a
``Skipped`` record with a one-line reason instead of an exception, so one bad
file never stops a build.

Size policy (why: one runaway file must not eat the machine or stall spaCy):

* an article's text is cut at ``MAX_ARTICLE_CHARS`` characters, at the last
  paragraph or sentence break before it; the cut is reported as a ``Truncated``
  record (a kind of ``Skipped``: the tail was not read) and a plain-text file is
  never read past the bytes that cap needs;
* formats that must be parsed whole (HTML, a JSON list, RSS/Atom) are skipped
  when the file is larger than ``MAX_DOCUMENT_BYTES``;
* a JSONL line longer than ``MAX_DOCUMENT_BYTES`` is skipped (the other lines count).

Article ids: a file named directly is named by its stem; a file found in a folder
by its path relative to that folder, without the suffix (``a/report``), so two
``report.txt`` in different subfolders stay two articles; JSON and feeds keep the
id they carry (else ``stem-N``); stdin articles without an id are named by their
content (``stdin-<hash>``), so two stdin builds into one store never collide.
Ids that still clash within a build are made unique by ``kg.pipeline``.

Text is cleaned as it is read: zero-width characters (which would split a name
into two labels) and a few stray control bytes (a NUL in otherwise valid UTF-8)
are dropped. Every article's publication date comes from ``kg.dates.publication_date``:
its metadata, else a dateline at the start of its text, else the full ISO date in
the name of a one-article file (``afg_2021-06-20_kunduz.txt``); dates that cannot be
used are logged as warnings naming the article.
"""
from __future__ import annotations

import codecs
import fnmatch
import io
import json
import logging
import os
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from .dates import publication_date
from .model import Article, Skipped

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
#: Articles longer than this are cut (about 15,000 words: far beyond any news report).
MAX_ARTICLE_CHARS = 100_000
#: HTML pages, JSON lists and feeds larger than this are skipped (they have to be parsed whole).
MAX_DOCUMENT_BYTES = 32 * 1024 * 1024
STDIN = "-"
#: Articles from stdin without an id of their own are named ``stdin-<first hex digits of their content hash>``.
STDIN_ID_PREFIX = "stdin"
#: Characters of no width that split a name in two when left in text ("Kun\u200bduz" is not "Kunduz").
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
#: Control characters that are never text (tab, newline, carriage return and form feed are).
_CONTROLS = {c for c in range(0xA0) if (c < 32 and chr(c) not in "\t\n\r\f") or c >= 0x7F}
_DROP_CONTROLS = dict.fromkeys(_CONTROLS)
log = logging.getLogger("kg")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class Truncated(Skipped):
    """An article that was read, but only up to the size cap: the rest of it was skipped."""


def bundled_sample() -> Path:
    """The folder of sample articles shipped with kg (used by ``kg build`` with no input)."""
    return Path(__file__).parent / "data" / "sample"


def iter_articles(
    sources: Iterable[str | Path], *, include: Sequence[str] = (), exclude: Sequence[str] = (),
) -> Iterator[Article | Skipped]:
    """Yield an Article for every readable article in ``sources``, a Skipped for the rest.

    ``-`` reads stdin. Folders are searched recursively for supported files;
    ``include``/``exclude`` are glob patterns matched against a file's path
    relative to the folder and against its name (files named directly are always read).
    """
    for source in sources:
        if str(source) == STDIN:
            yield from read_stream(sys.stdin.buffer, name="stdin")
            continue
        path = Path(source)
        if path.is_dir():
            for child in walk_folder(path, include=include, exclude=exclude):
                yield from read_file(child, stem=child.relative_to(path).with_suffix("").as_posix())
        elif path.is_file():
            yield from read_file(path)
        else:
            yield Skipped(str(path), "no such file or folder")


def walk_folder(folder: Path, *, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Iterator[Path]:
    """Supported files under ``folder``, in a stable order, without listing the whole tree first."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _excluded(Path(root, d), folder, exclude))
        for name in sorted(files):
            path = Path(root, name)
            if name.startswith(".") or name.endswith(".gold.json"):
                continue  # hidden files and the sample's gold annotations are not articles
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if include and not _matches(path, folder, include):
                continue
            if not _excluded(path, folder, exclude):
                yield path


def _matches(path: Path, folder: Path, patterns: Sequence[str]) -> bool:
    relative = path.relative_to(folder).as_posix()
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(path.name, p) for p in patterns)


def _excluded(path: Path, folder: Path, exclude: Sequence[str]) -> bool:
    return bool(exclude) and _matches(path, folder, exclude)


def count_articles(sources: Iterable[str | Path], *, include: Sequence[str] = (),
                   exclude: Sequence[str] = ()) -> int | None:
    """A quick estimate of how many articles ``sources`` hold (for a progress bar's ETA); None if unknown."""
    total = 0
    for source in sources:
        if str(source) == STDIN:
            return None
        path = Path(source)
        files = walk_folder(path, include=include, exclude=exclude) if path.is_dir() else [path]
        for file in files:
            total += _count_in_file(file)
    return total


def _count_in_file(path: Path) -> int:
    if path.suffix.lower() not in JSONL_SUFFIXES | JSON_SUFFIXES:
        return 1
    try:
        with path.open("rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b"")) or 1
    except OSError:
        return 1


def read_file(path: Path, *, stem: str | None = None) -> Iterator[Article | Skipped]:
    """Every article in one file, chosen by its suffix; ``stem`` names them (default: the file's stem)."""
    yield from guarded(str(path), _read_by_suffix(path, stem or path.stem))


def _read_by_suffix(path: Path, stem: str) -> Iterator[Article | Skipped]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        with path.open("rb") as handle:
            yield from read_jsonl(handle, name=str(path), stem=stem)
    elif suffix in JSON_SUFFIXES:
        yield from _read_json_file(path, stem)
    elif suffix in HTML_SUFFIXES:
        yield from _read_whole(path, stem, article_from_html)
    elif suffix in FEED_SUFFIXES:
        yield from _read_whole(path, stem, articles_from_feed)
    elif suffix in TEXT_SUFFIXES or suffix == "":
        yield from _read_text_file(path, stem)
    else:
        yield Skipped(str(path), f"unsupported file type {suffix!r} (use .txt, .md, .html, .json, .jsonl or .rss)")


def guarded(where: str, items: Iterator[Article | Skipped]) -> Iterator[Article | Skipped]:
    """``items``, but a failure while reading (I/O, a parser, a library that will not import) ends them with a
    Skipped naming ``where``, so that one input never takes a whole build down."""
    try:
        yield from items
    except OSError as err:
        yield Skipped(where, f"cannot read: {err.strerror or err}")
    except ImportError as err:
        yield Skipped(where, f"a library needed to read it is missing or broken: {_first_line(err)} "
                             '(reinstall kg\'s dependencies: pip install -c constraints.txt -e ".[dev]")')
    except Exception as err:  # noqa: BLE001  (a parser's bug on one input must not lose the others)
        yield Skipped(where, f"the reader failed: {type(err).__name__}: {_first_line(err)}")


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def read_stream(stream: BinaryIO, *, name: str = "stdin") -> Iterator[Article | Skipped]:
    """Articles from a byte stream whose format is sniffed from its first bytes (used for stdin).

    Articles without an id of their own are named by their content (``stdin-<hash>``).
    """
    yield from guarded(name, _read_sniffed(stream, name))


def _read_sniffed(stream: BinaryIO, name: str) -> Iterator[Article | Skipped]:
    if not hasattr(stream, "peek"):  # e.g. a BytesIO: buffer it so its first bytes can be looked at
        stream = io.BufferedReader(stream)
    head = stream.peek(4096)[:4096]
    first = head.lstrip()[:1]
    if first == b"{":
        yield from read_jsonl(stream, name=name, stem=None)
        return
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES and first in (b"[", b"<"):
        yield Skipped(name, f"larger than {MAX_DOCUMENT_BYTES // 2**20} MB; send JSONL or plain text instead")
    elif first == b"[":
        yield from articles_from_json_list(data, name=name, stem=None)
    elif first == b"<":
        looks_like_feed = re.search(rb"<(rss|feed|rdf:RDF)\b", head[:4096]) is not None
        yield from (articles_from_feed if looks_like_feed else article_from_html)(data, name=name, stem=None)
    else:
        yield from article_from_bytes(None, data, source=name)


# --- decoding -----------------------------------------------------------------------------------------------


def decode(data: bytes, *, partial: bool = False) -> str | None:
    """Bytes to text, or None when the bytes are not text (binary or undecodable).

    UTF-8 (with or without BOM), UTF-16/32 (BOM, or detected), cp1252 and
    Latin-1 are read exactly; other encodings are left to charset-normalizer.
    ``partial`` means ``data`` may end in the middle of a character.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _text_or_none(_decode_as(data, encoding, partial))
    sample = data[:8192]
    # UTF-16/32 without a BOM is a NUL in every second or fourth byte; a few stray NULs are noise in 8-bit text.
    if sample.count(0) <= _stray_limit(len(sample)):
        text = _decode_as(data, "utf-8", partial)
        if text is not None:
            return _text_or_none(text)
        return _text_or_none(_decode_legacy(data, partial))
    return _text_or_none(_detect(data, partial, isolation=["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]))


def _decode_as(data: bytes, encoding: str, partial: bool) -> str | None:
    try:
        return codecs.getincrementaldecoder(encoding)().decode(data, final=not partial)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_legacy(data: bytes, partial: bool) -> str | None:
    """Single-byte text: cp1252 (a superset of Latin-1's printable range) when it reads as Western text."""
    western = _decode_as(data, "cp1252", partial)
    if western is not None and _looks_western(western):
        return western
    return _detect(data, partial) or western


def _looks_western(text: str) -> bool:
    """Mostly ASCII letters, the rest Latin letters and typographic punctuation: what cp1252 text looks like."""
    sample = text[:65536]
    letters = sum(ch.isalpha() for ch in sample)
    foreign = [ch for ch in sample if ord(ch) > 127]
    if any(unicodedata.category(ch)[0] not in "LPSZN" or
           (unicodedata.category(ch)[0] == "L" and "LATIN" not in unicodedata.name(ch, "")) for ch in foreign):
        return False
    return len(foreign) <= 0.3 * max(letters, 1)


def _detect(data: bytes, partial: bool, isolation: list[str] | None = None) -> str | None:
    from charset_normalizer import from_bytes  # imported lazily: most inputs are UTF-8

    best = from_bytes(data[:262144], cp_isolation=isolation).best()
    return None if best is None else _decode_as(data, best.encoding, partial)


def _stray_limit(length: int) -> int:
    """How many control characters (NUL among them) text of ``length`` may hold and still be text: 1% (at least
    2, for short texts). Binaries run far above that (a tenth or more of their bytes), and are rarely UTF-8."""
    return max(2, length // 100)


def _text_or_none(text: str | None) -> str | None:
    """The text without stray control characters; None when it is full of them, i.e. it never was text."""
    if text is None:
        return None
    sample = text[:8192]
    controls = len(sample) - len(sample.translate(_DROP_CONTROLS))  # (what dropping them takes away: counted in C)
    if controls > _stray_limit(len(sample)):
        return None
    return text.translate(_DROP_CONTROLS)


# --- plain text ---------------------------------------------------------------------------------------------


def _read_text_file(path: Path, stem: str) -> Iterator[Article | Skipped]:
    # Read no more bytes than the character cap can need (4 bytes per character at most).
    limit = MAX_ARTICLE_CHARS * 4
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    yield from article_from_bytes(stem, data[:limit], source=str(path), partial=len(data) > limit,
                                  size=path.stat().st_size)


def article_from_bytes(article_id: str | None, data: bytes, *, source: str, partial: bool = False,
                       size: int | None = None) -> Iterator[Article | Skipped]:
    text = decode(data, partial=partial)
    if text is None:
        yield Skipped(source, "binary or undecodable file, not text")
        return
    yield from article_from_text(article_id, text, source=source, original_size=size if partial else None)


def article_from_text(article_id: str | None, text: str, source: str | None = None, *,
                      original_size: int | None = None, **meta) -> Iterator[Article | Skipped]:
    """A .txt article: its first non-empty line is the title, the rest the body."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        yield Skipped(source or article_id, "empty article (no text)")
        return
    text = text.lstrip("\n")
    title = text.split("\n", 1)[0].strip()
    yield from make_article(article_id, text, title=title, source=source, original_size=original_size, **meta)


def make_article(article_id: str | None, text: str, *, original_size: int | None = None, collection: bool = False,
                 **fields) -> Iterator[Article | Skipped]:
    """An Article from its parts: zero-width characters removed, the size cap applied, its publication date found.

    ``article_id`` None names the article by its content (``stdin-<hash>``). ``collection``: the article is one
    of many in its file (JSONL, JSON, a feed), whose name therefore does not date it.
    """
    where = fields.get("source") or str(article_id)
    text = text.translate(ZERO_WIDTH)
    if len(text) > MAX_ARTICLE_CHARS or original_size is not None:
        size = f"{original_size:,} bytes" if original_size is not None else f"{len(text):,} characters"
        text = cut_text(text, MAX_ARTICLE_CHARS)
        yield Truncated(where, f"too long ({size}): only the first {len(text):,} characters were read "
                               f"(cap {MAX_ARTICLE_CHARS:,})")
    published, warning = publication_date(text, metadata=fields.get("published"), source=where,
                                          collection=collection)
    fields["published"] = published.isoformat() if published else None
    fields["title"] = " ".join((fields.get("title") or "").translate(ZERO_WIDTH).split())[:500]
    article = Article(id=str(article_id), text=text, **fields)
    if article_id is None:
        article = replace(article, id=f"{STDIN_ID_PREFIX}-{article.content_hash[:12]}")
    if warning:
        log.warning("%s (article %s)", warning, article.id)
    yield article


def cut_text(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a paragraph or sentence break when there is one."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    for separator in ("\n\n", "\n", ". "):
        at = head.rfind(separator)
        if at > limit // 2:
            return head[: at + len(separator)].rstrip()
    return head


# --- JSON and JSONL -----------------------------------------------------------------------------------------


def read_jsonl(handle: BinaryIO, *, name: str, stem: str | None) -> Iterator[Article | Skipped]:
    """One article per line; a broken line is skipped and the others still count.

    A line without an id is named ``stem-N`` (N its line number), or by its content when ``stem`` is None.
    """
    for number, raw in enumerate(_bounded_lines(handle, MAX_DOCUMENT_BYTES), start=1):
        where = f"{name}:{number}"
        if raw is None:
            yield Skipped(where, f"line longer than {MAX_DOCUMENT_BYTES // 2**20} MB")
            continue
        if not raw.strip():
            continue
        record = parse_json(raw, where, what="line")
        if isinstance(record, Skipped):
            yield record
        else:
            yield from article_from_record(record, default_id=_numbered(stem, number), source=where)


def parse_json(data: bytes, where: str, *, what: str = "file") -> object:
    """The JSON value in ``data``, or a Skipped saying why there is none."""
    text = decode(data)
    if text is None:
        return Skipped(where, f"binary or undecodable {what}, not JSON")
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        at = f" at line {err.lineno}" if what == "file" else ""
        return Skipped(where, f"not valid JSON ({err.msg}{at})")
    except RecursionError:
        return Skipped(where, "JSON nested too deeply")


def _bounded_lines(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of ``handle``; None in place of a line longer than ``limit`` (never held whole)."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # drain the rest of the over-long line
                line = handle.readline(limit)
            yield None
        else:
            yield line


def _numbered(stem: str | None, number: int) -> str | None:
    return None if stem is None else f"{stem}-{number}"


def _read_json_file(path: Path, stem: str) -> Iterator[Article | Skipped]:
    """A .json file: a JSON list of articles, one object, or (as .jsonl) one object per line."""
    with path.open("rb") as handle:
        head = handle.read(4096).lstrip().lstrip(codecs.BOM_UTF8)
        handle.seek(0)
        if not head.startswith(b"["):
            yield from read_jsonl(handle, name=str(path), stem=stem)
            return
    yield from _read_whole(path, stem, articles_from_json_list)


def articles_from_json_list(data: bytes, *, name: str, stem: str | None) -> Iterator[Article | Skipped]:
    records = parse_json(data, name)
    if isinstance(records, Skipped):
        yield records
        return
    records = records if isinstance(records, list) else [records]
    for index, record in enumerate(records, start=1):
        yield from article_from_record(record, default_id=_numbered(stem, index), source=f"{name}[{index}]")


def article_from_record(record: object, default_id: str | None, source: str) -> Iterator[Article | Skipped]:
    """A JSON object with at least ``text`` (and optionally id, title, url, published, author)."""
    if not isinstance(record, dict):
        yield Skipped(source, "JSON value is not an object with a 'text' field")
        return
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        yield Skipped(source, "no 'text' field, or it is empty")
        return

    def optional(key: str) -> str | None:
        value = record.get(key)
        return str(value) if value not in (None, "") and not isinstance(value, (dict, list)) else None

    yield from make_article(
        optional("id") or default_id, text.replace("\r\n", "\n"),
        title=optional("title") or "", url=optional("url"), published=optional("published"),
        author=optional("author"), source=source, collection=True,
    )


# --- whole documents: HTML and feeds ------------------------------------------------------------------------


def _read_whole(path: Path, stem: str, parse) -> Iterator[Article | Skipped]:
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        yield Skipped(str(path), f"too large to parse whole ({size / 2**20:.0f} MB > "
                                 f"{MAX_DOCUMENT_BYTES // 2**20} MB)")
        return
    yield from parse(path.read_bytes(), name=str(path), stem=stem)


def article_from_html(data: bytes, *, name: str, stem: str | None) -> Iterator[Article | Skipped]:
    """A saved web page: main text, title, date, URL and author by trafilatura (offline, nothing fetched)."""
    html = decode(data)
    if html is None:
        yield Skipped(name, "binary or undecodable file, not HTML")
        return
    document = _extract_html(html)
    if document is None or not (document.get("text") or "").strip():
        yield Skipped(name, "no article text found in the HTML (only markup, scripts or styles?)")
        return
    yield from make_article(
        stem, document["text"], title=document.get("title") or "", url=document.get("url"),
        published=stated_publication_date(html, document.get("date")), author=document.get("author"), source=name,
    )


#: Meta tags (property, name or itemprop, in lower case) in which a page states when it was published, most
#: specific first.
PUBLISHED_META = (
    "article:published_time", "article:published", "og:published_time", "datepublished", "date_published",
    "publishdate", "publish-date", "publish_date", "pubdate", "dcterms.issued", "dc.date.issued", "dcterms.date",
    "dc.date", "dc:date", "citation_publication_date", "parsely-pub-date", "sailthru.date", "date",
)
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{4,60})"')


def stated_publication_date(html: str, extracted: str | None) -> str | None:
    """The publication date a saved page states, as it writes it, for ``kg.dates.publication_date`` to read (and
    to warn about when it cannot be used). trafilatura's ``extracted`` date (htmldate's) only stands in when the
    page names no date of its own and writes that very day somewhere: htmldate completes partial dates with a
    day it makes up ("2021-02" in a URL or meta tag becomes the 1st, or today's day of the month)."""
    stated = _meta_published(html) or _json_ld_published(html)
    if stated:
        return stated
    if extracted and re.fullmatch(r"\d{4}-\d{2}-\d{2}", extracted):
        year, month, day = extracted.split("-")
        if re.search(rf"(?<!\d){year}[-/.]?{month}[-/.]?{day}(?!\d)", html):
            return extracted
    return None


def _json_ld_published(html: str) -> str | None:
    found = _JSON_LD_PUBLISHED.search(html)
    return found[1] if found else None


def _meta_published(html: str) -> str | None:
    from lxml import etree  # imported lazily, like trafilatura, which brings it
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, etree.ParserError):
        return None
    stated = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in PUBLISHED_META and (meta.get("content") or "").strip():
            stated.setdefault(key, meta.get("content").strip())
    for time_tag in tree.iter("time"):
        if (time_tag.get("itemprop") or "").lower() == "datepublished" or "pubdate" in time_tag.attrib:
            stated.setdefault("datepublished", (time_tag.get("datetime") or time_tag.text_content()).strip())
    return next((stated[key] for key in PUBLISHED_META if stated.get(key)), None)


def _extract_html(html: str) -> dict | None:
    import trafilatura  # imported lazily: it is slow to import and only HTML needs it

    try:
        document = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True,
                                               include_comments=False, include_tables=True)
    except (ValueError, TypeError, RecursionError):  # lxml's limits on broken markup surface as these
        return None
    if document is None:
        return None
    return document.as_dict() if hasattr(document, "as_dict") else dict(document)


def articles_from_feed(data: bytes, *, name: str, stem: str | None) -> Iterator[Article | Skipped]:
    """RSS or Atom: one article per entry that carries its text (title-only entries are skipped)."""
    import feedparser  # imported lazily: only feeds need it

    feed = feedparser.parse(data)
    if not feed.get("version") or not feed.entries:
        reason = "not an RSS or Atom feed" if not feed.get("version") else "a feed without entries"
        yield Skipped(name, reason)
        return
    for index, entry in enumerate(feed.entries, start=1):
        where = f"{name}#{index}"
        text = _entry_text(entry)
        if not text:
            yield Skipped(where, "feed entry carries no text (only a title or link)")
            continue
        yield from make_article(
            entry.get("id") or entry.get("link") or _numbered(stem, index), text, title=entry.get("title") or "",
            url=entry.get("link"), published=_entry_date(entry), author=entry.get("author"), source=where,
            collection=True,
        )


def _entry_text(entry) -> str:
    """An entry's full content when it has one, else its summary, as plain text."""
    bodies = [c.get("value", "") for c in entry.get("content", [])] or [entry.get("summary", "")]
    html = "\n".join(b for b in bodies if b)
    if not html.strip():
        return ""
    if "<" not in html:
        return html.strip()
    document = _extract_html(f"<html><body>{html}</body></html>")
    if document and (document.get("text") or "").strip():
        return document["text"].strip()
    import trafilatura

    return trafilatura.html2txt(f"<html><body>{html}</body></html>").strip()


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
