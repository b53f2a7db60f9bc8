"""Reporting periods: dates in report text, and period phrases resolved against the report date.

Period codes: YYYY (full year), YYYY-H1/H2, YYYY-Q1..Q4, YYYY-M01..M12 (one month) and
YYYY-YTD02..YTD11 (January through that month, e.g. "the first three quarters" = YTD09).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from flows.extract.layout import Span
from flows.extract.patterns import (
    ANAPHORA,
    COMPARED_PERIOD,
    CURRENTLY,
    NOT_PERIOD_BEFORE,
    OTHER_EVENT,
    PERIOD_BINDING,
)

if TYPE_CHECKING:
    from flows.extract.context import Context

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_PATTERNS = [
    # (also as pages print it: "update:February 26,2024", "Feb.26, 2024")
    re.compile(_MONTH + r"\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<year>(?:19|20)\d{2})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(r"(?P<year>(?:19|20)\d{2})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日"),
    re.compile(r"\b(?P<day>\d{1,2})-" + _MONTH + r"-(?P<year>(?:19|20)\d{2})\b", re.I),
    # "Pub Date:23-11-10 16:25": a two-digit year after a date label
    re.compile(
        r"\b(?:pub(?:lish(?:ed)?)?|release[d]?|post(?:ed)?)\s*(?:date|time)?\s*[:：]\s*"
        r"(?P<year>\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b",
        re.I,
    ),
]
# A date without its year ("on July 19"): still a date, never a figure.
PARTIAL_DATE = re.compile(_MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:percent|%|per cent))", re.I)


@dataclass(frozen=True)
class FoundDate:
    value: date
    start: int
    end: int


def find_dates(text: str) -> list[FoundDate]:
    found = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            month = m.group("month")
            month_number = int(month) if month.isdigit() else MONTHS[month.lower()]
            try:
                year = int(m.group("year"))
                value = date(year + 2000 if year < 100 else year, month_number, int(m.group("day")))
            except ValueError:
                continue
            found.append(FoundDate(value, m.start(), m.end()))
    return found


@dataclass(frozen=True)
class PeriodPhrase:
    months: tuple[int, int]  # first and last month covered (an event: the month it falls in)
    explicit_year: int | None
    year_offset: int | None  # 0 for "this year", -1 for "last year", None when not said
    start: int
    end: int
    event: str | None = None
    days: bool = False  # a span of days ("from Oct 20 to Nov 11", "as of April 8"): no period of its own
    current: bool = False  # "at present": as things stand in the report's year
    last_month: bool = False  # "last month": the month before the report's


_YEAR = r"(?P<year>(?:19|20)\d{2})"
_YEAR_SUFFIX = (
    r"(?:\s*\([^)]{1,12}\))?"  # "the first half (H1) of 2023"
    rf"(?:,?\s+(?:of\s+|in\s+)?(?:{_YEAR}|(?P<this_year>this\s+year)|(?P<last_year>last\s+year)|the\s+year))?"
)
_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
}
# Phrases naming a span of months; the first that covers a stretch of text wins.
_PHRASES: list[tuple[str, tuple[int, int]]] = [
    (r"first\s+three\s+quarters", (1, 9)),
    (r"first\s+half|\bH1\b", (1, 6)),
    (r"second\s+half|\bH2\b", (7, 12)),
    (r"first\s+quarter|\bQ1\b", (1, 3)),
    (r"second\s+quarter|\bQ2\b", (4, 6)),
    (r"third\s+quarter|\bQ3\b", (7, 9)),
    (r"fourth\s+quarter|\bQ4\b", (10, 12)),
    (r"(?:whole|full|entire)\s+year", (1, 12)),
]
PERIOD_PATTERNS = [(re.compile(rf"(?:{p}){_YEAR_SUFFIX}", re.I), months) for p, months in _PHRASES]
FIRST_MONTHS = re.compile(
    rf"first\s+(?P<count>{'|'.join(_NUMBER_WORDS)}|[2-9]|1[01])\s+months{_YEAR_SUFFIX}", re.I
)
MONTH_RANGE = re.compile(
    r"\b(?:from\s+|between\s+)?(?:january|jan\.?)\s*(?:to|-|–|through|till|until|and)\s*"
    + _MONTH
    + r"(?:\s+period)?"
    + _YEAR_SUFFIX,
    re.I,
)
# "as of the end of July", "by November of 2018": everything from January up to that month.
UP_TO_MONTH = re.compile(
    r"\b(?:as\s+of|by|until|till|up\s+to)\s+(?:the\s+)?(?:end\s+of\s+)?"
    + _MONTH
    + rf"(?:\s+of)?(?:,?\s+{_YEAR})?\b(?!\.?\s*\d)",
    re.I,
)
# "by the end of June" is a point in time, not the month of June.
SINGLE_MONTH = re.compile(
    r"(?<!end )\b(?:in|during|for|of)\s+"
    + _MONTH
    + rf"(?:,?\s+(?:{_YEAR}|(?:of\s+)?(?P<this_year>this\s+year)|(?P<last_year>last\s+year)))?\b(?!\.?\s*\d)",
    re.I,
)
FULL_YEAR = re.compile(rf"\b(?:in|for|during|throughout|of)\s+{_YEAR}\b(?!\s*[-–]\s*\d)", re.I)
LAST_YEAR = re.compile(r"\b(?:(?P<last_year>last\s+year)|(?P<this_year>this\s+year)(?!['’]s))\b", re.I)
LAST_MONTH = re.compile(r"\blast\s+month\b", re.I)
# "last year" after these words is a comparison base, not the period a figure is for.
COMPARISON_BEFORE = re.compile(
    r"(?:from|than|over|compared\s+(?:to|with)|with|period(?:\s+of)?|versus|vs\.?|against|to|since"
    r"|as|of|in\s+comparison\s+to)\s+$",
    re.I,
)
# Named shopping events and holidays: periods of their own, in the (earliest) month they fall in.
EVENTS: list[tuple[str, str, int]] = [
    ("spring_festival", r"spring\s+festival(?:\s+holiday)?|(?:chinese|lunar)\s+new\s+year(?:\s+holiday)?", 1),
    ("double_11", r"double\s+(?:11|eleven)|singles'?\s*day|11\.11", 11),
    (
        "618",
        r"\b(?:618|6\.18)\b(?:\s+(?:shopping\s+)?(?:festival|promotions?|gala))?"
        r"|mid-year\s+(?:online\s+)?shopping\s+(?:festival|spree|gala|carnival|season|promotions?)",
        6,
    ),
    (
        "national_day",
        r"(?:mid-autumn\s+festival\s+and\s+)?national\s+day(?:\s+and\s+mid-autumn(?:\s+festival)?)?"
        r"\s+(?:holidays?|golden\s+week|break)",
        10,
    ),
    ("double_12", r"double\s+(?:12|twelve)|12\.12", 12),
    ("may_day", r"(?:may\s+day|labou?r\s+day)(?:\s+holiday)?", 5),
    ("new_year", r"new\s+year['’]s\s+day(?:\s+holiday)?", 1),
    # (after National Day, which may name the Mid-Autumn Festival beside it)
    # (not when National Day follows it: the two make one golden week, National Day's)
    ("mid_autumn", r"mid-autumn\s+festival(?:\s+holiday)?(?![^.]{0,60}\bnational\s+day)", 9),
    ("dragon_boat", r"dragon\s+boat\s+festival(?:\s+holiday)?", 6),
]
# What may follow an event's name and belongs to it: "“Double 11” shopping festival this year",
# "the Spring Festival holiday in 2023".
_EVENT_TAIL = (
    r"(?:[\"”’']?\s*(?:online\s+)?(?:shopping\s+)?(?:festival|holiday|period|season|gala|spree|extravaganza"
    r"|promotions?|golden\s+week|sales\s+season)s?)*"
    r"(?:(?:\s+(?:in|of)\s+|,?\s+)(?P<year>(?:19|20)\d{2})\b"
    r"|\s+(?:of\s+)?(?P<this_year>this\s+year)|\s+(?P<last_year>last\s+year)|\s+last\s+month)?"
)
EVENT_PATTERNS = [
    (
        slug,
        re.compile(
            rf"(?:(?P<year_before>(?:19|20)\d{{2}})\s+|(?P<this_year_before>this\s+year['’]s)\s+)?(?:{pattern}){_EVENT_TAIL}",
            re.I,
        ),
        month,
    )
    for slug, pattern, month in EVENTS
]


DATE_RANGE = re.compile(
    r"(?:from\s+)?"
    + _MONTH
    + r"\s+(?P<first_day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<first_year>(?:19|20)\d{2}))?"
    r"\s*(?:to|-|–|through|until|till|and)\s*"
    r"(?:(?P<last_month>"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\.?\s+)?(?P<last_day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d{2})\b)?",
    re.I,
)


# "between April and May", "from March to May": months that do not start the year.
MONTH_SPAN = re.compile(
    r"\b(?:between|from)\s+(?P<first>"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\.?\s+(?:and|to|through|till|until)\s+"
    + _MONTH,
    re.I,
)
# "as of April 8": a day, not a period.
AS_OF_DAY = re.compile(r"\bas\s+of\s+" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\b", re.I)


def stated_range(text: str, year: int) -> tuple[date, date] | None:
    """The first date range a sentence states ("from Jan 28 to Feb 4"), in the given year."""
    m = DATE_RANGE.search(text)
    if not m:
        return None
    first_month = MONTHS[m.group("month").lower()]
    last_month = MONTHS[m.group("last_month").lower()] if m.group("last_month") else first_month
    try:
        return date(year, first_month, int(m.group("first_day"))), date(
            year, last_month, int(m.group("last_day"))
        )
    except ValueError:
        return None


FROM_START = re.compile(r"from\b", re.I)
# "… from 25.6 percent at the end of 2019", "22.28 percent more than the number of deliveries in 2020": the
# period after is the earlier value's or the comparison's, not the figure's
COMPARED_AFTER = re.compile(
    r"\bfrom\s+(?:about\s+|around\s+)?\d|\bmore\s+than\s+the\s+(?:number|figure|volume|amount)\b"
    r"|\b(?:from|than|over|compared\s+(?:with|to))\s+(?:the\s+|a\s+)?(?:previous|last|preceding)\s+year\b",
    re.I,
)
GUARD_WORD = re.compile(r"[A-Za-z]+\d*|\d+(?:\.\d+)?")
MONTH_WORDS = set(MONTHS)
EVENT_WORDS = {
    "festival",
    "double",
    "singles",
    "single",
    "11.11",
    "618",
    "6.18",
    "day",
    "new",
    "12.12",
    "year",
}
OTHER_EVENT_WORDS = {"festival", "carnival", "season", "week", "month", "gala", "fair", "expo"}
SPAN_WORDS = {
    "first",
    "second",
    "third",
    "fourth",
    "whole",
    "full",
    "entire",
    "h1",
    "h2",
    "q1",
    "q2",
    "q3",
    "q4",
}


@functools.lru_cache(maxsize=1024)  # each sentence is asked several times (figures, dates, events)
def find_periods(text: str, offset: int = 0) -> list[PeriodPhrase]:
    """Period phrases in text, earliest first; where two overlap, the more specific one is kept."""
    found: list[PeriodPhrase] = []
    taken: list[tuple[int, int]] = []  # the spans kept so far, sorted: they never overlap

    def add(m: re.Match, months: tuple[int, int], event: str | None = None, **flags: bool) -> None:
        start, end = m.start() + offset, m.end() + offset
        index = bisect.bisect_left(taken, (end,))
        if index and taken[index - 1][1] > start:  # the span starting last before `end` overlaps
            return
        taken.insert(index, (start, end))
        groups = m.groupdict()
        year = int(groups.get("year") or groups.get("year_before") or 0) or None
        year_offset = (
            0
            if groups.get("this_year") or groups.get("this_year_before")
            else -1
            if groups.get("last_year")
            else None
        )
        found.append(PeriodPhrase(months, year, year_offset, start, end, event, **flags))

    # each family of phrases is looked for only where its words occur: most sentences name none
    words = {w.lower() for w in GUARD_WORD.findall(text)}
    has_month = bool(words & MONTH_WORDS)
    if words & EVENT_WORDS:
        for slug, pattern, month in EVENT_PATTERNS:
            for m in pattern.finditer(text):
                add(m, (month, month), slug)
    if has_month:
        for m in DATE_RANGE.finditer(text):
            first = MONTHS[m.group("month").lower()]
            last = MONTHS[m.group("last_month").lower()] if m.group("last_month") else first
            add(m, (first, last), days=True)
        for m in AS_OF_DAY.finditer(text):
            month = MONTHS[m.group("month").lower()]
            add(m, (month, month), days=True)
    if words & OTHER_EVENT_WORDS:
        for m in OTHER_EVENT.finditer(text):
            add(m, (0, 0), days=True)
    for m in CURRENTLY.finditer(text):
        add(m, (1, 12), current=True)
    if words & SPAN_WORDS:
        for pattern, months in PERIOD_PATTERNS:
            for m in pattern.finditer(text):
                add(m, months)
        for m in FIRST_MONTHS.finditer(text):
            count = m.group("count").lower()
            add(m, (1, int(count) if count.isdigit() else _NUMBER_WORDS[count]))
    if has_month:
        for m in UP_TO_MONTH.finditer(text):
            add(m, (1, MONTHS[m.group("month").lower()]))
        for m in MONTH_RANGE.finditer(text):
            add(m, (1, MONTHS[m.group("month").lower()]))
        for m in MONTH_SPAN.finditer(text):  # "between April and May": months with no period code
            add(m, (MONTHS[m.group("first").lower()], MONTHS[m.group("month").lower()]), days=True)
        for m in SINGLE_MONTH.finditer(text):
            month = MONTHS[m.group("month").lower()]
            add(m, (month, month))
    for m in FULL_YEAR.finditer(text):
        add(m, (1, 12))
    if "month" in words:
        for m in LAST_MONTH.finditer(text):
            if not COMPARISON_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
                add(m, (0, 0), last_month=True)
    if "year" in words:
        for m in LAST_YEAR.finditer(text):
            if not COMPARISON_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
                add(m, (1, 12))
    return sorted(found, key=lambda p: p.start)


def period_code(phrase: PeriodPhrase, report_date: date) -> str:
    """The period a phrase names; without a year, the latest such period ended by the report date."""
    first, last = phrase.months
    if phrase.current:
        return f"{phrase.explicit_year or report_date.year}"
    if phrase.last_month:
        month = report_date.month - 1 or 12
        return code_for_months(report_date.year - (month == 12), month, month)
    if phrase.explicit_year:
        year = phrase.explicit_year
    elif phrase.year_offset == 0 and (first, last) == (1, 12) and report_date.month < 12:
        # "this year" before December: the months so far, up to the one before the report
        return code_for_months(report_date.year, 1, max(report_date.month - 1, 1))
    elif phrase.year_offset is not None:
        year = report_date.year + phrase.year_offset
    elif last <= report_date.month:
        year = report_date.year
    else:
        year = report_date.year - 1
    if phrase.event:
        return f"{year}-EV-{phrase.event}"
    return code_for_months(year, first, last)


PERIOD_CODE = re.compile(
    r"(?:19|20)\d{2}(?:-(?:H[12]|Q[1-4]|M(?:0[1-9]|1[0-2])|YTD(?:0[2-9]|1[01])|EV-[a-z0-9_]+))?"
)


def code_for_months(year: int, first: int, last: int) -> str:
    if (first, last) == (1, 12):
        return f"{year}"
    if (first, last) in ((1, 6), (7, 12)):
        return f"{year}-H{1 if first == 1 else 2}"
    if last - first == 2 and first % 3 == 1:
        return f"{year}-Q{(first + 2) // 3}"
    if first == last:
        return f"{year}-M{first:02d}"
    if first == 1:
        return f"{year}-YTD{last:02d}"
    raise ValueError(f"no period code for months {first}-{last}")


def subject_periods(sentence: Span) -> list[PeriodPhrase]:
    """Period phrases that say when a figure is for, not what it is compared with."""
    return [
        p
        for p in find_periods(sentence.text, sentence.start)
        if not NOT_PERIOD_BEFORE.search(
            sentence.text[max(0, p.start - sentence.start - 30) : p.start - sentence.start]
        )
        and not COMPARED_PERIOD.search(
            sentence.text[max(0, p.start - sentence.start - 40) : p.start - sentence.start]
        )
    ]


def figure_period(
    context: Context,
    default: PeriodPhrase | None,
    report_date: date | None,
    events: Sequence[PeriodPhrase] = (),
    recent: PeriodPhrase | None = None,
) -> str | Unanchored | None:
    """The period right after the figure ("12.5 percent in the second quarter"), else named
    before it in its clause or sentence, else after it in its clause, else the period of the
    paragraph's figure before, else the report's. A phrase without a year ("the first half") in a
    report without a date has nothing to anchor it: Unanchored."""
    sentence, clause, quantity = context.sentence, context.clause, context.quantity
    phrases = subject_periods(sentence)
    if any(not p.current for p in phrases):  # "annually", "now" only where nothing else says when
        phrases = [p for p in phrases if not p.current]
    # a phrase after an earlier value is its: "rose to 31.3 percent from 25.6 percent at the end of 2019"
    in_clause = [
        p
        for p in phrases
        if clause.start <= p.start < clause.end
        and not (
            p.start >= quantity.end
            and COMPARED_AFTER.search(sentence.text, quantity.end - sentence.start, p.start - sentence.start)
        )
    ]
    bound = [
        p
        for p in phrases
        if quantity.end <= p.start < quantity.end + 120
        and PERIOD_BINDING.match(sentence.text[quantity.end - sentence.start : p.start - sentence.start])
        # "0.4 percentage points from January to February": what a change is measured from
        and not (quantity.kind == "points" and FROM_START.match(sentence.text, p.start - sentence.start))
    ]
    earlier = [p for p in phrases if p.end <= quantity.start]
    if bound:
        phrase = bound[0]
    elif earlier:
        phrase = earlier[-1]
    elif in_clause:
        phrase = in_clause[0]
    elif recent and (not context.previous or recent.start > context.previous.evidence_start):
        phrase = recent  # "… expanded during the first half of the year. Online sales rose 16.9 percent."
    elif context.previous and not CURRENTLY.search(context.previous.evidence):
        return context.previous.period_code  # (a count as it stands "now" does not carry its period on)
    elif context.last_in_report and ANAPHORA.match(sentence.text):
        return context.last_in_report.period_code  # "Specifically, …" carries on the figure before
    elif default:
        phrase = default
    elif report_date and not events:  # a report that states no period at all: things as they stand
        return f"{report_date.year}"
    else:
        return None
    if phrase.event and not phrase.explicit_year:
        # "From June 1 to 20, 2021, … during the mid-year shopping festival": the year said beside it
        years = [p.explicit_year for p in phrases if p.explicit_year and p.days and not p.event]
        if years:
            phrase = dataclasses.replace(phrase, explicit_year=years[0])
    if phrase.days:  # a span of days: the report's event that falls in it, if it names one
        spans = [e for e in events if _overlaps(EVENT_MONTHS[e.event], phrase.months)]
        if not spans:
            return Unanchored(phrase, "is a span of days or an event with no period of its own")
        phrase = dataclasses.replace(spans[0], explicit_year=spans[0].explicit_year or phrase.explicit_year)
    if phrase.explicit_year or report_date:
        return period_code(phrase, report_date)
    return Unanchored(phrase, "has no year and the report no date")


def _overlaps(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one[0] <= other[1] and other[0] <= one[1]


# The months in which each event's promotion days fall (the Spring Festival moves with the moon).
EVENT_MONTHS = {
    "spring_festival": (1, 2),
    "double_11": (10, 11),
    "618": (5, 6),
    "national_day": (10, 10),
    "double_12": (12, 12),
    "may_day": (4, 5),
    "new_year": (1, 1),
    "mid_autumn": (9, 10),
    "dragon_boat": (5, 6),
}


@dataclass(frozen=True)
class Unanchored:
    """A period phrase that names no period the warehouse can code, and why."""

    phrase: PeriodPhrase
    reason: str


def event_dates_in(text: str, report_date: date | None) -> dict[str, tuple[date, date]]:
    """Dates a sentence gives a named event ("the Spring Festival holiday from Jan 28 to Feb 4")."""
    found: dict[str, tuple[date, date]] = {}
    for phrase in find_periods(text):
        if phrase.event and (phrase.explicit_year or report_date):
            code = period_code(phrase, report_date)
            if code not in found and (stated := stated_range(text, int(code[:4]))):
                found[code] = stated
    return found
