"""When a report was published. In order: the page's own metadata (HTML <meta>, JSON-LD, read by
htmldate), the latest full date the text states, a dateline's month and day ("LHASA, July 10
(Xinhua) --") in the file name's year or else the year the text makes clear, a date in the file
name, else the earliest date
the periods it states in full allow (a report on 2017 is from 2018 at the earliest); else unknown."""

from __future__ import annotations

import re
from datetime import date, timedelta

from flows.extract.layout import CAPTION, Layout
from flows.extract.model import ReportDate
from flows.extract.patterns import TARGET
from flows.extract.periods import MONTHS, find_dates, find_periods

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# "LHASA, July 10 (Xinhua) --", "BEIJING, Oct. 8 --", "Chinanews.com client July 16 (Wu Tao) On …"
DATELINE = re.compile(
    r"^[^\n]{0,60}?\b"
    + _MONTH
    + r"\s+(?P<day>\d{1,2})\b(?!,?\s*(?:19|20)\d{2})\s*(?:\([^)\n]{1,40}\))?\s*(?:[-—–]+|:)",
    re.I,
)
FILE_NAME_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})[-_.]?(?P<month>0[1-9]|1[0-2])[-_.]?(?P<day>[0-3]\d)(?!\d)"
)
DATE_LINE_LENGTH = 80
HISTORY = timedelta(days=366)
YEAR_WORD = re.compile(r"(?<![\d.,])(?P<year>(?:19|20)\d{2})(?![\d,]|\.\d)")


def report_date(page: Layout, text: str, name: str, html: str | None = None) -> ReportDate | None:
    if html is not None and (published := _metadata_date(html)):
        return ReportDate(published, "metadata")
    # a date in the opening or on a line of its own; one told deep in a story is an event's ("On
    # May 25, 2017, the company opened its warehouse …")
    dates = [
        d.value
        for index, paragraph in enumerate(page.body)
        if index < 2 or len(paragraph.text) < DATE_LINE_LENGTH
        for d in find_dates(paragraph.text)
    ]
    if not dates:  # a date line of the page's head
        dates = [d.value for p in page.head_lines if not CAPTION.search(p.text) for d in find_dates(p.text)]
    named = _file_name_date(name)
    # a date years before the one the file is named for is history ("On Sept 30, 1934, the Red Army …")
    if dates and not (named and max(dates) < named - HISTORY):
        return ReportDate(max(dates), "text")
    # a photo caption's date: the day a photo was taken, no later than the report
    captioned = [d.value for p in page.furniture if CAPTION.search(p.text) for d in find_dates(p.text)]
    if captioned and not (named and max(captioned) < named - HISTORY):
        return ReportDate(max(captioned), "caption")
    if dateline := _dateline_date(page, text, named):
        return ReportDate(dateline, "dateline")
    if named:
        return ReportDate(named, "file_name")
    if ends := _period_ends(text):
        # the earliest the report can be: when the latest period it states in full is over
        return ReportDate(max(ends), "periods")
    return None


def _metadata_date(html: str) -> date | None:
    """The publication date a page's own metadata gives, if any (not a guess from its text)."""
    from htmldate import find_date  # imported here: only saved web pages need it

    found = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    return date.fromisoformat(found) if found else None


def _file_name_date(name: str) -> date | None:
    if m := FILE_NAME_DATE.search(name.rsplit("/", 1)[-1]):
        try:
            return date(int(m["year"]), int(m["month"]), int(m["day"]))
        except ValueError:
            return None
    return None


def _dateline_date(page: Layout, text: str, named: date | None) -> date | None:
    """A dateline's month and day, in the year of the file name's date (the latest such day not
    after it), else in the year the text's periods make clear: the first year in which that day
    comes after the end of the latest period the text states with its year."""
    for paragraph in page.body[:3]:
        if m := DATELINE.match(paragraph.text):
            month, day = MONTHS[m["month"].lower()], int(m["day"])
            break
    else:
        return None
    if named:
        try:
            candidate = date(named.year, month, day)
            return candidate if candidate <= named else date(named.year - 1, month, day)
        except ValueError:
            return None
    ends = _period_ends(text)
    if ends:
        latest = max(ends)
        year = latest.year
    else:
        years = [int(y["year"]) for y in YEAR_WORD.finditer(text)]
        if not years:
            return None
        latest, year = None, max(years)
    try:
        candidate = date(year, month, day)
        if latest and candidate <= latest:
            candidate = date(year + 1, month, day)
    except ValueError:
        return None
    return candidate


def _period_ends(text: str) -> list[date]:
    """When each period the text states with its year is over (not a target's: "by 2025, the city
    will …" says nothing of when the report was written)."""
    return [
        _phrase_end(p.explicit_year, p.months[1], p.event)
        for sentence in SENTENCE_END.split(text)
        if not TARGET.search(sentence)
        for p in find_periods(sentence)
        if p.explicit_year
    ]


SENTENCE_END = re.compile(r"(?<=[.!?。])\s+|\n+")


def _phrase_end(year: int, last_month: int, event: str | None) -> date:
    """When a period is over: an event (a few days in its month) from the start of its month."""
    if event:
        return date(year, last_month, 1)
    return date(year + (last_month == 12), last_month % 12 + 1, 1)
