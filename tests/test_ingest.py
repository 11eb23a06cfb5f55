"""Ingestion: every input format and encoding kg reads, without NLP."""
from __future__ import annotations

import io
import json

import pytest

from kg.ingest import (
    MAX_ARTICLE_CHARS, Truncated, count_articles, cut_text, decode, iter_articles, read_stream, walk_folder,
)
from kg.model import Article, Skipped

BODY = ("Fighters of the Northern Front clashed with army units near Qarabagh on Tuesday, "
        "a district official said. The governor of Ferozan Province said the road to the city was closed.")

PAGE = """<!DOCTYPE html>
<html><head><title>Clashes near Qarabagh | The Daily Example</title>
<meta name="author" content="Rosa Field">
<meta property="article:published_time" content="2023-03-14T08:00:00Z">
<link rel="canonical" href="https://news.example.org/2023/03/qarabagh-clashes">
<style>body { color: red }</style><script>var tracker = 1;</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Clashes near Qarabagh</h1><p>{body}</p>
<p>Residents said shops in the old bazaar stayed shut for a second day as the fighting went on.</p></article>
<footer>Copyright The Daily Example. All rights reserved.</footer></body></html>
""".replace("{body}", BODY)

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example wire</title><link>https://wire.example.org/</link>
<item><title>Front advances on Qarabagh</title><link>https://wire.example.org/1</link>
<guid>https://wire.example.org/1</guid><pubDate>Tue, 14 Mar 2023 09:00:00 GMT</pubDate>
<description><![CDATA[<p>{BODY}</p>]]></description></item>
<item><title>Headline only</title><link>https://wire.example.org/2</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example desk</title><id>urn:example:desk</id>
<updated>2023-03-15T10:00:00Z</updated>
<entry><title>Governor speaks</title><id>urn:example:desk:7</id><updated>2023-03-15T10:00:00Z</updated>
<author><name>Desk Editor</name></author>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>"""


def read(*sources, **options) -> list[Article | Skipped]:
    return list(iter_articles([str(s) for s in sources], **options))


def only_article(items) -> Article:
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 1, items
    return articles[0]


def test_text_file_title_and_id(tmp_path):
    (tmp_path / "report-1.txt").write_text("Front reaches Qarabagh\n\n" + BODY)
    article = only_article(read(tmp_path / "report-1.txt"))
    assert (article.id, article.title) == ("report-1", "Front reaches Qarabagh")
    assert BODY in article.text


def test_markdown_file(tmp_path):
    (tmp_path / "note.md").write_text("# Front reaches Qarabagh\n\n" + BODY)
    assert BODY in only_article(read(tmp_path / "note.md")).text


def test_html_main_text_and_metadata(tmp_path):
    (tmp_path / "page.html").write_text(PAGE)
    article = only_article(read(tmp_path / "page.html"))
    assert "Northern Front clashed" in article.text and "old bazaar" in article.text
    assert "tracker" not in article.text and "All rights reserved" not in article.text
    assert "Home" not in article.text.split("\n")[0]
    assert "Qarabagh" in article.title
    assert article.published == "2023-03-14"
    assert article.url == "https://news.example.org/2023/03/qarabagh-clashes"
    assert article.author == "Rosa Field"
    assert article.id == "page"


def test_json_list(tmp_path):
    records = [{"id": "a", "title": "One", "text": BODY}, {"text": BODY + " Later."}, {"title": "no text"}]
    (tmp_path / "batch.json").write_text(json.dumps(records))
    items = read(tmp_path / "batch.json")
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "batch-2"]
    assert [s.source for s in items if isinstance(s, Skipped)] == [f"{tmp_path / 'batch.json'}[3]"]


def test_json_file_with_one_object_per_line(tmp_path):
    lines = [json.dumps({"id": f"n{i}", "text": f"{BODY} Item {i}."}) for i in range(3)]
    (tmp_path / "lines.json").write_text("\n".join(lines))
    assert [a.id for a in read(tmp_path / "lines.json")] == ["n0", "n1", "n2"]


def test_jsonl_fields(tmp_path):
    record = {"id": 7, "title": "T", "text": BODY, "url": "https://x.example/7", "published": "2023-03-14",
              "author": "A. Writer"}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n")
    article = only_article(read(tmp_path / "a.jsonl"))
    assert (article.id, article.url, article.published, article.author) == (
        "7", "https://x.example/7", "2023-03-14", "A. Writer")


def test_malformed_date_is_dropped(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": BODY, "published": "last Tuesday"}) + "\n")
    assert only_article(read(tmp_path / "a.jsonl")).published is None


def test_rss_entries_with_text(tmp_path):
    (tmp_path / "wire.rss").write_text(RSS)
    items = read(tmp_path / "wire.rss")
    article = only_article(items)
    assert "Northern Front clashed" in article.text and "<p>" not in article.text
    assert (article.title, article.url, article.published) == (
        "Front advances on Qarabagh", "https://wire.example.org/1", "2023-03-14")
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(skipped) == 1 and "no text" in skipped[0].reason


def test_atom_entries(tmp_path):
    (tmp_path / "desk.atom").write_text(ATOM)
    article = only_article(read(tmp_path / "desk.atom"))
    assert "governor of Ferozan Province" in article.text
    assert (article.author, article.published) == ("Desk Editor", "2023-03-15")


def test_xml_that_is_not_a_feed_is_skipped(tmp_path):
    (tmp_path / "config.xml").write_text("<?xml version='1.0'?><settings><a>1</a></settings>")
    (item,) = read(tmp_path / "config.xml")
    assert isinstance(item, Skipped) and "feed" in item.reason


def test_folder_recursive_with_include_and_exclude(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("One\n" + BODY)
    (tmp_path / "a" / "b" / "two.html").write_text(PAGE)
    (tmp_path / "a" / "b" / "draft.txt").write_text("Draft\n" + BODY + " Draft.")
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("X\n" + BODY)
    assert [p.name for p in walk_folder(tmp_path)] == ["one.txt", "draft.txt", "two.html"]
    assert [p.name for p in walk_folder(tmp_path, include=["*.html"])] == ["two.html"]
    assert [p.name for p in walk_folder(tmp_path, exclude=["draft*", "a/b/*.html"])] == ["one.txt"]
    assert [p.name for p in walk_folder(tmp_path, exclude=["b"])] == ["one.txt"]
    assert {a.id for a in read(tmp_path, include=["*.txt"])} == {"a/one", "a/b/draft"}


def test_count_articles_for_the_progress_bar(tmp_path):
    (tmp_path / "one.txt").write_text("One\n" + BODY)
    (tmp_path / "many.jsonl").write_text("".join(json.dumps({"text": f"{BODY} {i}"}) + "\n" for i in range(4)))
    assert count_articles([tmp_path]) == 5
    assert count_articles(["-"]) is None


def test_stdin_formats():
    jsonl = b"".join(json.dumps({"id": f"s{i}", "text": BODY + str(i)}).encode() + b"\n" for i in range(2))
    assert [a.id for a in read_stream(io.BytesIO(jsonl))] == ["s0", "s1"]
    listed = json.dumps([{"text": BODY}]).encode()
    assert only_article(read_stream(io.BytesIO(listed))).text == BODY
    assert "Northern Front" in only_article(read_stream(io.BytesIO(PAGE.encode()))).text
    assert only_article(read_stream(io.BytesIO(RSS.encode()))).url == "https://wire.example.org/1"
    plain = only_article(read_stream(io.BytesIO(("Title\n" + BODY).encode())))
    assert (plain.id, plain.title) == (f"stdin-{plain.content_hash[:12]}", "Title")


TEXT = "Le pr\u00e9fet de Kunduz a d\u00e9clar\u00e9 que la ville \u00e9tait calme, \u00e0 c\u00f4t\u00e9 du march\u00e9.\n"
CURLY = "The \u201cNorthern Front\u201d said its fighters\u2019 advance cost \u20ac40,000 \u2014 a na\u00efve claim.\n"


@pytest.mark.parametrize("encoding, text", [
    ("utf-8", CURLY), ("utf-8-sig", CURLY), ("utf-16", CURLY), ("utf-16-le", CURLY), ("utf-16-be", CURLY),
    ("cp1252", CURLY), ("latin-1", TEXT), ("cp1252", TEXT),
])
def test_encodings_are_read_exactly(tmp_path, encoding, text):
    body = (text * 3).strip()
    (tmp_path / "a.txt").write_bytes(("Title\n" + body).encode(encoding))
    assert only_article(read(tmp_path / "a.txt")).text == "Title\n" + body


def test_decode_refuses_binary():
    assert decode(bytes(range(256)) * 8) is None
    assert decode(b"\x89PNG\r\n\x1a\n" + bytes(200)) is None
    assert decode(b"%PDF-1.7\n" + bytes(range(256)) * 4) is None


def test_cut_text_prefers_a_paragraph_break():
    text = "A" * 60 + "\n\n" + "B" * 60
    assert cut_text(text, 100) == "A" * 60
    assert cut_text("x" * 150, 100) == "x" * 100
    assert cut_text("short", 100) == "short"


def test_long_article_in_jsonl_is_cut_with_a_note(tmp_path):
    paragraph = BODY + "\n\n"
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "long", "text": paragraph * 2000}) + "\n")
    items = read(tmp_path / "a.jsonl")
    notes = [i for i in items if isinstance(i, Truncated)]
    article = only_article(items)
    assert len(notes) == 1 and "cap" in notes[0].reason
    assert len(article.text) <= MAX_ARTICLE_CHARS and article.text.endswith(BODY)


# --- ids: distinct texts stay distinct articles --------------------------------------------------------------


def test_files_with_the_same_name_in_two_subfolders_get_two_ids(tmp_path):
    for sub, place in (("a", "Qarabagh"), ("b", "Ferozan")):
        (tmp_path / "d" / sub).mkdir(parents=True)
        (tmp_path / "d" / sub / "report.txt").write_text(f"Fighting near {place}\n{BODY}")
    assert sorted(a.id for a in read(tmp_path / "d")) == ["a/report", "b/report"]
    assert [a.id for a in read(tmp_path / "d" / "a")] == ["report"]  # a file's id is relative to the folder given


def test_stdin_articles_without_an_id_are_named_by_their_content():
    def ids(data: bytes) -> list[str]:
        return [a.id for a in read_stream(io.BytesIO(data)) if isinstance(a, Article)]

    first, second = ids(("One\n" + BODY).encode()), ids(("Two\n" + BODY).encode())
    assert first != second and first[0].startswith("stdin-")
    assert ids(("One\n" + BODY).encode()) == first  # stable across builds, so a store replaces nothing by mistake
    lines = [json.dumps({"text": BODY}), json.dumps({"id": "own", "text": BODY + " More."})]
    unnamed, named = ids("\n".join(lines).encode())
    assert unnamed == f"stdin-{Article(id='', text=BODY).content_hash[:12]}" and named == "own"


# --- text cleaning ---------------------------------------------------------------------------------------------


def test_a_few_stray_control_bytes_in_utf8_text_are_dropped_not_a_reason_to_skip(tmp_path):
    # One NUL (as a broken export leaves) and two other stray control bytes in 600 characters of UTF-8.
    text = "Front reaches Qarabagh\n" + (BODY * 3).replace("Qarabagh on", "Qara\u00e7bagh\x00 on", 1).replace(
        "official", "off\x01icial\x7f", 1)
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    article = only_article(read(tmp_path / "a.txt"))
    assert article.text == text.replace("\x00", "").replace("\x01", "").replace("\x7f", "")


def test_text_with_many_nul_bytes_is_still_binary(tmp_path):
    (tmp_path / "a.txt").write_bytes((BODY.encode() + bytes(40)) * 20)  # valid UTF-8, but 1 byte in 6 is NUL
    (item,) = read(tmp_path / "a.txt")
    assert isinstance(item, Skipped) and "binary" in item.reason


@pytest.mark.parametrize("zero_width", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_zero_width_characters_are_removed_from_title_and_text(tmp_path, zero_width):
    (tmp_path / "a.txt").write_text(f"Kun{zero_width}duz falls\n" + BODY.replace("Front", f"Fr{zero_width}ont"))
    (tmp_path / "b.jsonl").write_text(json.dumps({"title": f"Kun{zero_width}duz", "text": f"Kun{zero_width}duz. "
                                                  + BODY}) + "\n")
    (tmp_path / "c.html").write_text(PAGE.replace("Northern Front", f"Northern{zero_width} Front"))
    for article in read(tmp_path / "a.txt", tmp_path / "b.jsonl", tmp_path / "c.html"):
        assert zero_width not in article.text + article.title, article.source
        assert "Kunduz" in article.title + article.text or "Northern Front" in article.text


# --- dates from file names -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, date", [
    ("afg_2021-06-20_kunduz_maimana.txt", "2021-06-20"),
    ("2021-06-20.txt", "2021-06-20"),
    ("report_2020-01.txt", None),  # a year and a month is not a date
    ("report_2021-02-30.txt", None),  # no such day
    ("report_2099-01-01.txt", None),  # not published yet
    ("build_12021-06-201.txt", None),  # part of a longer number
    ("x_2021-13-01_then_2021-06-21.txt", "2021-06-21"),  # the first valid one
])
def test_date_in_a_file_name(name, date):
    import datetime as dt

    from kg.dates import date_in_name

    assert date_in_name(name, today=dt.date(2030, 1, 1)) == date


def test_a_text_or_html_file_without_a_date_takes_the_one_in_its_name(tmp_path):
    (tmp_path / "afg_2021-06-20_report.txt").write_text("Front reaches Qarabagh\n" + BODY)
    (tmp_path / "page_2022-01-05.html").write_text(PAGE)  # the page's own date wins
    (tmp_path / "undated_2022-01-05.html").write_text(f"<html><body><article><p>{BODY}</p></article></body></html>")
    (tmp_path / "wire_2022-01-05.jsonl").write_text(json.dumps({"text": BODY}) + "\n")  # a collection: no
    (tmp_path / "month_2020-01.txt").write_text("Month\n" + BODY)
    dates = {a.id: a.published for a in read(tmp_path)}
    assert dates == {"afg_2021-06-20_report": "2021-06-20", "page_2022-01-05": "2023-03-14",
                     "undated_2022-01-05": "2022-01-05", "wire_2022-01-05-1": None, "month_2020-01": None}


def test_the_bundled_sample_reports_carry_the_dates_of_their_names():
    from kg.ingest import bundled_sample

    texts = [a for a in read(bundled_sample(), include=["*.txt"])]
    assert len(texts) == 10  # seven reports, and three that retell their events a day later (events gold)
    assert all(a.published and a.published in a.id for a in texts), [(a.id, a.published) for a in texts]


# --- one input that cannot be read never takes the others down -------------------------------------------------


def test_a_reader_that_fails_skips_only_its_input(tmp_path, monkeypatch):
    import kg.ingest

    def broken(html):
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean.")

    monkeypatch.setattr(kg.ingest, "_extract_html", broken)
    (tmp_path / "a.txt").write_text("Front reaches Qarabagh\n" + BODY)
    (tmp_path / "b.html").write_text(PAGE)
    (tmp_path / "c.txt").write_text("Governor speaks\n" + BODY + " Later.")
    items = read(tmp_path)
    assert [a.id for a in items if isinstance(a, Article)] == ["a", "c"]
    (skipped,) = [s for s in items if isinstance(s, Skipped)]
    assert skipped.source == str(tmp_path / "b.html") and "lxml_html_clean" in skipped.reason
    assert "\n" not in skipped.reason


def test_a_parser_crash_inside_a_file_keeps_what_was_read_before_it(tmp_path, monkeypatch):
    import kg.ingest

    real = kg.ingest.article_from_record

    def crash_on_second(record, default_id, source):
        if source.endswith(":2"):
            raise RuntimeError("parser bug\nsecond line")
        yield from real(record, default_id, source)

    monkeypatch.setattr(kg.ingest, "article_from_record", crash_on_second)
    (tmp_path / "a.jsonl").write_text("".join(json.dumps({"id": f"n{i}", "text": f"{BODY} {i}"}) + "\n"
                                              for i in range(3)))
    first, skipped = read(tmp_path / "a.jsonl")
    assert first.id == "n0"
    assert skipped.reason == "the reader failed: RuntimeError: parser bug"
