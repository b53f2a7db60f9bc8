"""Reporting periods: dates in report text, and period phrases resolved against the report date.

Period codes: YYYY (full year), YYYY-H1/H2, YYYY-Q1..Q4, YYYY-M01..M12 (one month) and
YYYY-YTD02..YTD11 (January through that month, e.g. "the first three quarters" = YTD09).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

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
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(r"(?P<year>(?:19|20)\d{2})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日"),
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
                value = date(int(m.group("year")), month_number, int(m.group("day")))
            except ValueError:
                continue
            found.append(FoundDate(value, m.start(), m.end()))
    return found


@dataclass(frozen=True)
class PeriodPhrase:
    months: tuple[int, int]  # first and last month covered
    explicit_year: int | None
    this_year: bool
    start: int
    end: int


_YEAR_SUFFIX = r"(?:\s+(?:of\s+)?(?:(?P<year>(?:19|20)\d{2})|(?P<this_year>this\s+year)|the\s+year))?"
_PHRASES: list[tuple[str, tuple[int, int]]] = [
    (r"first\s+three\s+quarters|first\s+nine\s+months", (1, 9)),
    (r"first\s+half|first\s+six\s+months|\bH1\b", (1, 6)),
    (r"second\s+half|\bH2\b", (7, 12)),
    (r"first\s+quarter|first\s+three\s+months|\bQ1\b", (1, 3)),
    (r"second\s+quarter|\bQ2\b", (4, 6)),
    (r"third\s+quarter|\bQ3\b", (7, 9)),
    (r"fourth\s+quarter|\bQ4\b", (10, 12)),
]
PERIOD_PATTERNS = [(re.compile(rf"(?:{p}){_YEAR_SUFFIX}", re.I), months) for p, months in _PHRASES]
FULL_YEAR = re.compile(
    r"\b(?:in|for|during|throughout)\s+(?:the\s+(?:whole|full)\s+year\s+(?:of\s+)?)?"
    r"(?P<year>(?:19|20)\d{2})\b(?!\s*-)",
    re.I,
)
MONTH_RANGE = re.compile(
    r"\bjanuary\s*(?:to|-|–|through)\s*" + _MONTH + r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d{2}))?",
    re.I,
)


def find_periods(text: str, offset: int = 0) -> list[PeriodPhrase]:
    found = []
    for pattern, months in PERIOD_PATTERNS:
        for m in pattern.finditer(text):
            year = int(m.group("year")) if m.group("year") else None
            phrase = PeriodPhrase(
                months, year, bool(m.group("this_year")), m.start() + offset, m.end() + offset
            )
            found.append(phrase)
    for m in MONTH_RANGE.finditer(text):
        last = MONTHS[m.group("month").lower()]
        year = int(m.group("year")) if m.group("year") else None
        found.append(PeriodPhrase((1, last), year, False, m.start() + offset, m.end() + offset))
    for m in FULL_YEAR.finditer(text):
        start, end = m.start() + offset, m.end() + offset
        # "the first half of 2024" already names its year; "in 2024" alone is the full year
        if not any(p.start <= end and start <= p.end for p in found):
            found.append(PeriodPhrase((1, 12), int(m.group("year")), False, start, end))
    return sorted(found, key=lambda p: p.start)


def period_code(phrase: PeriodPhrase, report_date: date) -> str:
    """The period a phrase names; without a year, the latest such period ended by the report date."""
    first, last = phrase.months
    if phrase.explicit_year:
        year = phrase.explicit_year
    elif phrase.this_year or last <= report_date.month:
        year = report_date.year
    else:
        year = report_date.year - 1
    return code_for_months(year, first, last)


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
