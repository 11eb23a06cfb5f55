"""Dates in reports: when an article was published, and which day, week or month a time expression points to.

Plain Python (no spaCy, no rdflib), so ingest, extraction and resolution can all use it.

``resolve`` reads one expression ("on Sunday", "Aug. 6", "last week", "mid-June") against the publication date.
Relative expressions count back from publication: a weekday is the last such day on or before it, a month and day
without a year the last such day on or before it. Anything this module cannot read for certain is None: a wrong
date in the graph is worse than none. kg reports what happened, so expressions that point past publication
("tomorrow", "next week") are not read either.

``publication_date`` finds when an article was published: from its metadata, else from a dateline at the start of
its text ("WASHINGTON, March 18, 2011 -"), else from a full ISO date in its file name. Dates that cannot be read,
do not exist or lie in the future are not used; a one-line warning says so instead.

Why not dateparser for all of it (a dependency of kg's, and of trafilatura's htmldate): measured against a Sunday
publication date it puts "on Sunday" a week earlier, reads neither "early Monday", "overnight", "two days
earlier", "earlier this month" nor "mid-June", gives "in June" the publication's day of the month and "last week"
as a day. It is used where it is right: full dates written in some other way than the forms below ("Sunday, 20th
June 2021", "Sun, 20 Jun 2021 10:00:00 GMT"), with a month name and a year, so nothing is left for it to guess.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath, PureWindowsPath

DAY, WEEK, MONTH = "day", "week", "month"

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS = {name: number for number, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
#: An optional weekday before a date: "Sunday, June 20".
_ON_WEEKDAY = rf"(?:(?:{_WEEKDAY}),? )?"
_YEAR = r"(?:,? (?P<year>\d{4}))?"
#: "August 6", "Aug. 6, 2021", "Sunday, June 20"; and "6 August", "the 6th of August 2021".
_ORDINAL = r"(?:st|nd|rd|th)?"
_MONTH_DAY = re.compile(
    rf"{_ON_WEEKDAY}(?P<month>{_MONTH_NAMES})\.? (?P<day>\d{{1,2}}){_ORDINAL}{_YEAR}", re.IGNORECASE)
_DAY_MONTH = re.compile(
    rf"{_ON_WEEKDAY}(?:the )?(?P<day>\d{{1,2}}){_ORDINAL}(?: of)? (?P<month>{_MONTH_NAMES})\.?{_YEAR}", re.IGNORECASE)
#: "June", "June 2021", "June of 2021" (the qualifiers "early", "mid", "late" are taken off before).
_MONTH_ONLY = re.compile(rf"(?P<month>{_MONTH_NAMES})\.?(?:,? (?:of )?(?P<year>\d{{4}}))?", re.IGNORECASE)
_ISO_DAY = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
_ISO_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})")
#: "three days ago", "a week earlier", "2 months before".
_AGO = re.compile(r"(?P<count>\d{1,3}|" + "|".join(NUMBERS) + r") (?P<unit>day|week|month)s? (?:ago|earlier|before)")
#: Words before a day, week or month that do not move it: "on Sunday", "early Monday", "mid-June", "late last month".
_LEADING = re.compile(r"^(?:(?:on|in|during|at|the|early|earlier|late|later|mid|middle of|end of|beginning of|"
                      r"start of|overnight)(?: |-))+")
#: Parts of a day after it: "Monday night", "Saturday evening", "yesterday morning".
_TRAILING = re.compile(r"(?:,? (?:local time|morning|afternoon|evening|night|overnight))+$")

_TODAY = {"today", "tonight", "this morning", "this afternoon", "this evening"}
#: "overnight" and "last night" are the night before publication, dated (as "Monday night" is) by its evening.
_DAY_BEFORE = {"yesterday", "last night", "overnight", "previous day", "day before", "previous night",
               "night before"}
_TWO_DAYS_BEFORE = {"day before yesterday"}
_THIS_WEEK = {"this week"}
_LAST_WEEK = {"last week", "previous week", "week before"}
_THIS_MONTH = {"this month"}
_LAST_MONTH = {"last month", "previous month", "month before"}


@dataclass(frozen=True)
class When:
    """The time an expression points to: a day, or the first day of a week (its Monday) or month."""

    date: dt.date
    precision: str  # DAY, WEEK or MONTH
    text: str  # the expression it was read from


def resolve(expression: str, published: dt.date | None) -> When | None:
    """The day, week or month ``expression`` names in an article published on ``published``; None if unsure.

    Years alone ("2015", "last year") are too coarse and give None; so does a relative expression ("Sunday",
    "June", "three days ago") when there is no publication date. Expressions that count from another time ("two
    days earlier", "the day before") count from ``published`` too: pass the date they count from when it is known.
    """
    for words in _readings(expression):
        found = _relative(words, published) or _absolute(words, expression, published)
        if found is not None:
            return When(found[0], found[1], expression)
    return None


def _readings(expression: str) -> list[str]:
    """The expression in lower case without the words that do not move it; then also without a part of the day
    after it ("Monday night" is Monday, but "last night" is not "last")."""
    words = " ".join(expression.lower().replace("\u2019", "'").split()).strip(" ,;:").removesuffix("'s")
    words = _LEADING.sub("", words).strip(" ,")
    shorter = _TRAILING.sub("", words)
    return [words, shorter] if shorter and shorter != words else [words]


def _relative(words: str, published: dt.date | None) -> tuple[dt.date, str] | None:
    """Expressions that count back from publication: today, yesterday, weekdays, N days ago, this or last
    week or month."""
    if published is None:
        return None
    for days, phrases in ((0, _TODAY), (1, _DAY_BEFORE), (2, _TWO_DAYS_BEFORE)):
        if words in phrases:
            return published - dt.timedelta(days=days), DAY
    if words in _THIS_WEEK or words in _LAST_WEEK:
        monday = published - dt.timedelta(days=published.weekday())
        return (monday if words in _THIS_WEEK else monday - dt.timedelta(days=7)), WEEK
    if words in _THIS_MONTH or words in _LAST_MONTH:
        return _months_before(published, 0 if words in _THIS_MONTH else 1), MONTH
    weekday = re.fullmatch(rf"(?P<last>last |this past |past )?(?P<day>{_WEEKDAY})", words)
    if weekday:
        return _weekday_before(published, WEEKDAYS[weekday["day"]], strictly=bool(weekday["last"])), DAY
    ago = _AGO.fullmatch(words)
    if ago:
        return _count_back(published, ago["count"], ago["unit"])
    return None


def _weekday_before(published: dt.date, weekday: int, *, strictly: bool) -> dt.date:
    """The last ``weekday`` on or before ``published`` (before it, when ``strictly``: "last Sunday")."""
    back = (published.weekday() - weekday) % 7
    return published - dt.timedelta(days=back or (7 if strictly else 0))


def _count_back(published: dt.date, count: str, unit: str) -> tuple[dt.date, str]:
    number = NUMBERS[count] if count in NUMBERS else int(count)
    if unit == "day":
        return published - dt.timedelta(days=number), DAY
    if unit == "week":
        day = published - dt.timedelta(weeks=number)
        return day - dt.timedelta(days=day.weekday()), WEEK
    return _months_before(published, number), MONTH


def _months_before(published: dt.date, count: int) -> dt.date:
    """The first day of the month ``count`` months before ``published``'s."""
    index = published.year * 12 + published.month - 1 - count
    return dt.date(index // 12, index % 12 + 1, 1)


def _absolute(words: str, expression: str, published: dt.date | None) -> tuple[dt.date, str] | None:
    """Calendar dates: "August 6", "6 August 2021", "June", "June 2021", ISO dates; a year alone is too coarse."""
    match = _ISO_DAY.fullmatch(words)
    if match:
        return _day(int(match["year"]), int(match["month"]), int(match["day"]))
    match = _ISO_MONTH.fullmatch(words)
    if match:
        return _month(int(match["year"]), int(match["month"]))
    match = _MONTH_DAY.fullmatch(words) or _DAY_MONTH.fullmatch(words)
    if match:
        month, day = MONTHS[match["month"]], int(match["day"])
        year = int(match["year"]) if match["year"] else _year_of(published, month, day)
        return None if year is None else _day(year, month, day)
    match = _MONTH_ONLY.fullmatch(words)
    if match:
        month = MONTHS[match["month"]]
        year = int(match["year"]) if match["year"] else _year_of(published, month, 1)
        return None if year is None or not _written_as_a_name(match["month"], expression) else _month(year, month)
    full = full_date(words)
    return (full, DAY) if full else None


def _year_of(published: dt.date | None, month: int, day: int) -> int | None:
    """The year of a month and day written without one: publication's, or the one before if that lies after it."""
    if published is None:
        return None
    return published.year if (month, day) <= (published.month, published.day) else published.year - 1


def _written_as_a_name(month: str, expression: str) -> bool:
    """A month standing alone must be capitalised, as names are: "may" and "march" are verbs too."""
    found = re.search(rf"\b{month}", expression, re.IGNORECASE)
    return found is not None and expression[found.start()].isupper()


def _day(year: int, month: int, day: int) -> tuple[dt.date, str] | None:
    date = real_date(year, month, day)
    return (date, DAY) if date else None


def _month(year: int, month: int) -> tuple[dt.date, str] | None:
    date = real_date(year, month, 1)
    return (date, MONTH) if date else None


def real_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when there is no such day (February 30, a thirteenth month)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


#: The words a date written in full may hold besides numbers: names of months and weekdays, parts of the day,
#: time zones ("Tue, 14 Mar 2023 09:00:00 GMT", "the night of June 19, 2021").
_DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | {
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "the", "of", "on", "at", "st", "nd",
    "rd", "th", "a", "p", "m", "am", "pm", "noon", "midnight", "morning", "afternoon", "evening", "night", "early",
    "late", "t", "z", "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest",
    "eet", "eest", "ist", "local", "time"}


def full_date(text: str) -> dt.date | None:
    """A date written in full, with a month name and a year, in a form the patterns here do not cover ("Sunday,
    20th June 2021", "Sun, 20 Jun 2021 10:00:00 GMT"), read by dateparser; None for anything less than a day,
    a month and a year, so nothing is left for dateparser to fill in from today's date."""
    years = re.findall(r"(?<!\d)\d{4}(?!\d)", text)
    words = set(re.findall(r"[a-z]+", text.lower()))
    if not years or not words & MONTHS.keys() or words - _DATE_WORDS:
        return None  # "by June 30, 2021" is a deadline, "since June 1, 2021" a start: only dates alone are read
    import dateparser  # imported lazily: it is slow to load, and most dates never need it

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed and str(parsed.year) in years else None


# --- publication dates ---------------------------------------------------------------------------------------

#: How many non-empty lines at the start of a text may hold its dateline (headline, standfirst, byline, "Published").
DATELINE_LINES = 6
_DASH = r"(?:\u2014|\u2013|--|-)"
_CAPS_WORD = r"[A-Z][A-Z'\u2019.\-]+"
_NAME_WORD = r"[A-Z][\w'\u2019.\-]*"
#: "WASHINGTON, March 18, 2011 -", "SOUTHWEST ASIA, Aug. 31, 2017 --", "KABUL, Afghanistan, Aug. 15 (Reuters) -".
_DATELINE = re.compile(
    rf"{_CAPS_WORD}(?: {_CAPS_WORD})*(?:, {_NAME_WORD}(?: {_NAME_WORD})*)*"
    r", (?P<date>[^,()\u2014\u2013]{3,24}?(?:, \d{4})?)(?: \([^)]{1,40}\))? ?" + _DASH + " ")
#: "Published June 20, 2021 Updated Aug. 6, 2021", "Posted on 20 June 2021".
_PUBLISHED_LINE = re.compile(r"(?:First )?(?:Published|Posted)(?: on)?:? (?P<date>.{3,60})", re.IGNORECASE)
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_ISO_START = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?")


@dataclass(frozen=True)
class _Found:
    """A publication date found in one place, before it is checked; ``date`` None: no such day."""

    origin: str  # "metadata", "dateline" or "file name"
    written: str
    date: dt.date | None
    readable: bool = True


def publication_date(text: str, *, metadata: str | None = None, source: str | None = None,
                     today: dt.date | None = None, collection: bool = False) -> tuple[dt.date | None, str | None]:
    """When the article was published, and a one-line warning about dates that were found but not used.

    In order: ``metadata`` (an ISO date or datetime, or a date written in full, from JSONL, HTML meta or a
    feed), a dateline at the start of ``text`` that carries a year, a full ISO date in the name of the file
    ``source`` (not when ``collection``: a JSONL or feed file's name says when it was collected, not when each
    article in it was published). Dates that cannot be read, do not exist (2021-02-30) or lie after ``today``
    (default: the system's date) are passed over, and the warning names ``source`` and says why.
    """
    today = today or dt.date.today()
    problems: list[str] = []
    for found in _publication_candidates(text, metadata, None if collection else source):
        problem = _problem(found, today)
        if problem is None:
            return found.date, _warning(source, problems)
        problems.append(f"publication date {found.written!r} from the {found.origin} {problem}, not used")
    return None, _warning(source, problems)


def _publication_candidates(text: str, metadata: str | None, file: str | None) -> Iterator[_Found]:
    yield from _from_metadata(metadata)
    yield from _from_dateline(text)
    if file:
        yield from _from_name(file)


def _problem(found: _Found, today: dt.date) -> str | None:
    if not found.readable:
        return "cannot be read"
    if found.date is None:
        return "is not a real date"
    if found.date > today:
        return f"lies in the future (after {today.isoformat()})"
    return None


def _warning(source: str | None, problems: list[str]) -> str | None:
    return f"{source or 'article'}: {'; '.join(problems)}" if problems else None


def _from_metadata(metadata: str | None) -> Iterator[_Found]:
    written = " ".join(str(metadata or "").split())
    if not written:
        return
    iso = _ISO_START.fullmatch(written)
    if iso:
        yield _Found("metadata", written, real_date(*map(int, iso.groups())))
        return
    written_out = _MONTH_DAY.fullmatch(written) or _DAY_MONTH.fullmatch(written)
    if written_out and written_out["year"]:
        yield _Found("metadata", written, _date_of(written_out))
        return
    date = full_date(written)
    yield _Found("metadata", written, date, readable=date is not None)


def _from_dateline(text: str) -> Iterator[_Found]:
    """The date of the first dateline, or "Published ..." line, among the first lines of ``text``, if it has a year."""
    lines = [line.strip() for line in text[:4000].splitlines() if line.strip()][:DATELINE_LINES]
    for line in lines:
        dateline = _DATELINE.match(line)
        found = dateline or _PUBLISHED_LINE.match(line)
        if not found:
            continue
        date = found["date"].strip()
        match = _MONTH_DAY.match(date) or _DAY_MONTH.match(date)
        if match and match["year"]:
            yield _Found("dateline", match.group(0), _date_of(match))
            return
        if dateline:
            return  # the article's dateline has no year ("KABUL, Aug. 15 (Reuters) -"), so it says no date


def _date_of(match: re.Match) -> dt.date | None:
    return real_date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))


def _from_name(source: str) -> Iterator[_Found]:
    name = PureWindowsPath(source).name if "\\" in source else PurePath(source).name
    for found in _DATE_IN_NAME.findall(name):
        yield _Found("file name", found, real_date(*map(int, found.split("-"))))


def date_in_name(name: str, *, today: dt.date | None = None) -> str | None:
    """The first full, real, not future ISO date (YYYY-MM-DD) in a file name, else None."""
    today = today or dt.date.today()
    usable = (found.date for found in _from_name(name) if _problem(found, today) is None)
    date = next(usable, None)
    return date.isoformat() if date else None
