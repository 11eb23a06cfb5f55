"""Dates: time expressions resolved against the publication date, and where an article's publication date comes from."""
from __future__ import annotations

import datetime as dt
import json
import logging

import pytest

from kg.dates import When, publication_date, resolve

D = dt.date
SUN = D(2021, 6, 20)  # a Sunday
MON = D(2021, 6, 21)
JAN2 = D(2022, 1, 2)  # a Sunday, two days into a new year
LATER = D(2030, 1, 1)  # "today" for publication dates, so no test depends on the clock


@pytest.mark.parametrize("expression, published, date, precision", [
    # a weekday is the last such day on or before publication
    ("on Sunday", SUN, D(2021, 6, 20), "day"),  # published on a Sunday: that very day
    ("on Sunday", MON, D(2021, 6, 20), "day"),  # published on Monday: the day before
    ("Sunday", SUN, D(2021, 6, 20), "day"),
    ("Sunday's", MON, D(2021, 6, 20), "day"),
    ("early Monday", SUN, D(2021, 6, 14), "day"),
    ("early Monday", MON, D(2021, 6, 21), "day"),
    ("Monday night", MON, D(2021, 6, 21), "day"),
    ("Saturday evening", SUN, D(2021, 6, 19), "day"),
    ("late on Friday", JAN2, D(2021, 12, 31), "day"),  # across the year boundary
    ("last Sunday", SUN, D(2021, 6, 13), "day"),  # "last" Sunday is never the day itself
    ("last Sunday", MON, D(2021, 6, 20), "day"),
    # days counted from publication
    ("today", SUN, SUN, "day"),
    ("earlier today", SUN, SUN, "day"),
    ("yesterday", SUN, D(2021, 6, 19), "day"),
    ("yesterday morning", JAN2, D(2022, 1, 1), "day"),
    ("overnight", SUN, D(2021, 6, 19), "day"),  # the night before publication, dated by its evening
    ("last night", D(2022, 1, 1), D(2021, 12, 31), "day"),
    ("the day before yesterday", SUN, D(2021, 6, 18), "day"),
    ("two days earlier", SUN, D(2021, 6, 18), "day"),
    ("three days ago", D(2021, 3, 2), D(2021, 2, 27), "day"),
    ("10 days ago", SUN, D(2021, 6, 10), "day"),
    # weeks start on Monday, months on the first
    ("this week", SUN, D(2021, 6, 14), "week"),
    ("earlier this week", MON, D(2021, 6, 21), "week"),
    ("last week", SUN, D(2021, 6, 7), "week"),
    ("last week", JAN2, D(2021, 12, 20), "week"),
    ("two weeks ago", MON, D(2021, 6, 7), "week"),
    ("last month", SUN, D(2021, 5, 1), "month"),
    ("late last month", JAN2, D(2021, 12, 1), "month"),
    ("earlier this month", SUN, D(2021, 6, 1), "month"),
    ("three months ago", D(2021, 2, 10), D(2020, 11, 1), "month"),
    # a month and day take the publication year, or the year before when that would be after publication
    ("on August 6", D(2021, 8, 14), D(2021, 8, 6), "day"),
    ("on August 6", SUN, D(2020, 8, 6), "day"),
    ("Aug. 6", D(2021, 8, 6), D(2021, 8, 6), "day"),  # the publication day itself is this year's
    ("Sept. 11", D(2021, 9, 30), D(2021, 9, 11), "day"),
    ("6 August", D(2021, 8, 14), D(2021, 8, 6), "day"),
    ("the 6th of August", D(2021, 8, 14), D(2021, 8, 6), "day"),
    ("on December 30", JAN2, D(2021, 12, 30), "day"),
    ("Thursday, Dec. 30", JAN2, D(2021, 12, 30), "day"),
    ("August 6, 2021", SUN, D(2021, 8, 6), "day"),  # a year written out is kept as written
    ("August 6, 2021", None, D(2021, 8, 6), "day"),
    ("6 August 2021", None, D(2021, 8, 6), "day"),
    ("2021-08-06", None, D(2021, 8, 6), "day"),
    ("Sunday, 20th June 2021", None, D(2021, 6, 20), "day"),
    # months
    ("in June", SUN, D(2021, 6, 1), "month"),
    ("in July", SUN, D(2020, 7, 1), "month"),
    ("mid-June", SUN, D(2021, 6, 1), "month"),
    ("early December", JAN2, D(2021, 12, 1), "month"),
    ("June 2021", None, D(2021, 6, 1), "month"),
    ("in June of 2019", SUN, D(2019, 6, 1), "month"),
    ("May", SUN, D(2021, 5, 1), "month"),
])
def test_expressions_resolve_against_the_publication_date(expression, published, date, precision):
    assert resolve(expression, published) == When(date, precision, expression)


@pytest.mark.parametrize("expression, published", [
    ("last year", SUN),  # a year is too coarse to date an event
    ("2015", SUN),
    ("in 2015", SUN),
    ("the summer of 2021", SUN),
    ("Sunday", None),  # relative expressions need a publication date
    ("yesterday", None),
    ("on August 6", None),
    ("in June", None),
    ("last week", None),
    ("three days ago", None),
    ("February 30", SUN),  # no such day
    ("Feb. 29", D(2021, 3, 5)),  # 2021 is no leap year
    ("June 31, 2021", SUN),
    ("2021-13-01", SUN),
    ("tomorrow", SUN),  # what had not happened when the report was written
    ("next week", SUN),
    ("this Sunday", SUN),  # this coming one, or the one just past?
    ("the weekend", SUN),
    ("recent days", SUN),
    ("a few days ago", SUN),
    ("in may", SUN),  # lower case: the verb, not the month
    ("hours later", SUN),
    ("by June 30, 2021", SUN),  # a deadline, not a day something happened
    ("since June 1, 2021", SUN),  # the start of a span
    ("June 1-3, 2021", SUN),  # a range of days
    ("06/07/2021", SUN),  # June 7 or July 6?
    ("", SUN),
])
def test_what_cannot_be_read_for_certain_is_none(expression, published):
    assert resolve(expression, published) is None


# --- publication dates -----------------------------------------------------------------------------------------

DATELINED = "Forces clear the town\n\nWASHINGTON, March 18, 2011 \u2013 Army units cleared the town, officials said."


@pytest.mark.parametrize("text, date", [
    (DATELINED, D(2011, 3, 18)),
    ("Head\n\nSOUTHWEST ASIA, Aug. 31, 2017 \u2014 The coalition said ...", D(2017, 8, 31)),
    ("Head\n\nKABUL, Afghanistan, Aug. 15, 2021 (Reuters) - Fighters entered ...", D(2021, 8, 15)),
    ("Head\n\nMAZAR-I-SHARIF, 14 August 2021 (AFP) -- Troops left ...", D(2021, 8, 14)),
    (("Head\n\nA standfirst.\n\nBy A. Writer\n\nPublished June 20, 2021 Updated Aug. 6, 2021\n\n"
      "KABUL, Afghanistan \u2014 Fighters entered ..."), D(2021, 6, 20)),
    ("Head\n\nKABUL, Afghanistan, Aug. 15 (Reuters) - Fighters ...", None),  # no year: not a date
    ("Head\n\nKABUL, Afghanistan \u2014 Fighters entered two cities on Aug. 15, 2021.", None),  # no dateline date
    ("Head\n\nWASHINGTON -- The Oct. 20, 2017 capture of the town ...", None),  # a date in the sentence
])
def test_the_dateline_dates_an_article(text, date):
    assert publication_date(text, today=LATER) == (date, None)


def test_metadata_comes_before_the_dateline_and_the_dateline_before_the_file_name():
    name = "reports/afg_2011-03-20_report.txt"
    assert publication_date(DATELINED, metadata="2011-03-19", source=name, today=LATER) == (D(2011, 3, 19), None)
    assert publication_date(DATELINED, source=name, today=LATER) == (D(2011, 3, 18), None)
    assert publication_date("Head\n\nBody.", source=name, today=LATER) == (D(2011, 3, 20), None)
    assert publication_date("Head\n\nBody.", source="report.txt", today=LATER) == (None, None)


@pytest.mark.parametrize("metadata, date", [
    ("2023-03-14", D(2023, 3, 14)),
    ("2023-03-14T23:30:00-05:00", D(2023, 3, 14)),  # the day as the publisher wrote it, not moved to UTC
    ("2023-03-14 08:00:00 +0000", D(2023, 3, 14)),
    ("March 14, 2023", D(2023, 3, 14)),
    ("Tue, 14 Mar 2023 09:00:00 GMT", D(2023, 3, 14)),
])
def test_metadata_dates(metadata, date):
    assert publication_date("Head\n\nBody.", metadata=metadata, today=LATER) == (date, None)


def test_a_collection_file_name_is_not_a_publication_date():
    assert publication_date("Body.", source="wire_2022-01-05.jsonl:1", collection=True, today=LATER) == (None, None)


@pytest.mark.parametrize("metadata, text, source, found, says", [
    ("2021-02-30", "Head\n\nBody.", "a.jsonl:1", None, "'2021-02-30' from the metadata is not a real date"),
    ("last Tuesday", "Head\n\nBody.", "a.jsonl:2", None, "'last Tuesday' from the metadata cannot be read"),
    ("2021-06", "Head\n\nBody.", "a.jsonl:3", None, "'2021-06' from the metadata cannot be read"),
    ("2031-01-01", DATELINED, "a.jsonl:4", D(2011, 3, 18), "'2031-01-01' from the metadata lies in the future"),
    (None, "Head\n\nWASHINGTON, Feb. 30, 2021 \u2014 Body.", "x_2021-02-01.txt", D(2021, 2, 1),
     "'Feb. 30, 2021' from the dateline is not a real date"),
    (None, "Head\n\nBody.", "report_2021-02-30.txt", None, "'2021-02-30' from the file name is not a real date"),
    (None, "Head\n\nBody.", "report_2099-01-01.txt", None, "'2099-01-01' from the file name lies in the future"),
])
def test_dates_that_cannot_be_used_give_a_warning_naming_the_source_never_a_wrong_date(
        metadata, text, source, found, says):
    date, warning = publication_date(text, metadata=metadata, source=source, today=LATER)
    assert date == found
    assert warning.startswith(f"{source}: ") and says in warning and "\n" not in warning


def test_today_defaults_to_the_system_date():
    after_tomorrow = dt.date.today() + dt.timedelta(days=2)  # a day of margin should midnight pass meanwhile
    date, warning = publication_date("Head\n\nBody.", metadata=after_tomorrow.isoformat(), source="s")
    assert date is None and "future" in warning


# --- ingest: every article's date goes through publication_date -------------------------------------------------

def _articles(path):
    from kg.ingest import iter_articles
    from kg.model import Article

    return [item for item in iter_articles([str(path)]) if isinstance(item, Article)]


def test_a_jsonl_article_without_a_date_takes_its_datelines_and_a_bad_date_is_a_warning(tmp_path, caplog):
    lines = [{"id": "undated", "text": DATELINED},
             {"id": "impossible", "text": DATELINED, "published": "2011-02-30"},
             {"id": "unreadable", "text": "Head\n\nBody.", "published": "the other day"}]
    (tmp_path / "wire_2011-04-01.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    with caplog.at_level(logging.WARNING, logger="kg"):
        dates = {a.id: a.published for a in _articles(tmp_path / "wire_2011-04-01.jsonl")}
    assert dates == {"undated": "2011-03-18", "impossible": "2011-03-18", "unreadable": None}
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2
    assert "'2011-02-30' from the metadata is not a real date" in warnings[0] and "article impossible" in warnings[0]
    assert "'the other day' from the metadata cannot be read" in warnings[1] and "article unreadable" in warnings[1]


def test_a_text_files_dateline_comes_before_its_name_and_a_datetime_is_kept_as_its_day(tmp_path):
    (tmp_path / "report_2011-03-20.txt").write_text(DATELINED)
    (tmp_path / "stamped.jsonl").write_text(json.dumps({"text": "Body.", "published": "2011-03-19T23:30:00-05:00"}))
    assert [a.published for a in _articles(tmp_path / "report_2011-03-20.txt")] == ["2011-03-18"]
    assert [a.published for a in _articles(tmp_path / "stamped.jsonl")] == ["2011-03-19"]


def test_bad_dates_anywhere_give_warnings_and_never_stop_a_build(tmp_path, caplog):
    (tmp_path / "a_2021-02-30.txt").write_text("Head\n\nWASHINGTON, Feb. 31, 2021 \u2014 Body.")
    (tmp_path / "b_2999-01-01.txt").write_text("Head\n\nBody.")
    (tmp_path / "c.html").write_text('<html><head><meta property="article:published_time" content="2021-02-30">'
                                     "</head><body><article><p>" + "Troops left the town. " * 20 +
                                     "</p></article></body></html>")
    (tmp_path / "d.jsonl").write_text(json.dumps({"text": "Body.", "published": "9999-99-99T99"}) + "\n"
                                      + json.dumps({"text": "Body.", "published": 20210230}) + "\n")
    with caplog.at_level(logging.WARNING, logger="kg"):
        articles = _articles(tmp_path)
    assert len(articles) == 5 and all(a.published is None for a in articles), articles
    warned = " ".join(r.getMessage() for r in caplog.records)
    for article in ("a_2021-02-30", "b_2999-01-01", "c", "d-1", "d-2"):
        assert f"(article {article})" in warned


def test_the_bundled_sample_carries_its_publication_dates():
    from kg.ingest import bundled_sample

    dates = {a.id: a.published for a in _articles(bundled_sample())}
    assert len(dates) == 12 and all(dates.values()), dates
    assert all(published in article for article, published in dates.items())


def _page(head: str, body: str = "Troops left the town after a week of fighting. " * 6) -> str:
    return f"<html><head>{head}</head><body><article><p>{body}</p></article></body></html>"


@pytest.mark.parametrize("head, published", [
    ('<meta property="article:published_time" content="2023-03-14T08:00:00Z">', "2023-03-14"),
    ('<meta name="date" content="2020-01-01"><meta property="article:published_time" content="2023-03-14">',
     "2023-03-14"),  # the most specific tag wins
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-03-14T09:00"}</script>',
     "2023-03-14"),
    ('<meta property="article:published_time" content="2021-02-30">', None),  # htmldate would say 2021-02-01
    ('<link rel="canonical" href="https://news.example.org/2021/02/report">', None),  # a month is not a day
    ('<link rel="canonical" href="https://news.example.org/2021/02/17/report">', "2021-02-17"),
])
def test_a_page_is_dated_by_what_it_states_never_by_a_day_made_up(tmp_path, head, published):
    (tmp_path / "page.html").write_text(_page(head))
    assert [a.published for a in _articles(tmp_path / "page.html")] == [published]


def test_a_page_with_a_time_element_marked_as_its_publication(tmp_path):
    body = '<time itemprop="datePublished" datetime="2022-11-03">3 November</time> ' + "Troops left. " * 20
    (tmp_path / "page.html").write_text(_page("", body))
    assert [a.published for a in _articles(tmp_path / "page.html")] == ["2022-11-03"]
