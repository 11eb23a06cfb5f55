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
    ("Head\n\nA standfirst.\n\nBy A. Writer\n\nPublished June 20, 2021 Updated Aug. 6, 2021\n\n"
     "KABUL, Afghanistan \u2014 Fighters entered ...", D(2021, 6, 20)),
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
