"""Periods in Chinese text (2024年上半年, 前三季度, 1-5月, 今年以来, 双11 …) as the phrases the English
rules make, so that both resolve to the same period codes; and the periods a figure is only compared with
(比一季度, 去年同期), which are not its own."""

from __future__ import annotations

import re

from flows.extract.periods import PeriodPhrase
from flows.extract.zh.numbers import Figure

_NUMBER = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_YEAR = r"(?:(?P<year>(?:19|20)\d{2})年度?|(?P<relative>今年|本年|去年|上年|上一年|前年)(?:度)?)"
_PART = (
    r"(?P<half>上半年|下半年)|(?P<whole>全年)"
    r"|(?P<ytd_quarters>前三季度|前两季度|前三个季度|1-3季度)"
    rf"|第?(?P<quarter>[一二三四1-4])季度"
    rf"|(?P<first>{_NUMBER})(?:月份?)?\s*[-—–~～至到]\s*(?P<last>{_NUMBER})月(?:份)?"
    rf"|前(?P<months>{_NUMBER})个?月"
    rf"|(?P<month>{_NUMBER})月(?:份)?(?P<month_end>底|末)?(?!\d{{0,2}}日|\d)"
)
# a part of a year, with or without its year ("2024年上半年", "上半年"); a year alone ("2024年底", "今年")
PERIODS = (
    re.compile(rf"{_YEAR}?(?:{_PART})(?P<so_far>以来)?(?P<year_part>)"),
    re.compile(rf"{_YEAR}(?P<year_part>底|末|初|以来)?(?P<so_far>)"),
)
EVENTS = [
    ("double_11", re.compile(r"双(?:十一|11)|“双11”")),
    ("double_12", re.compile(r"双(?:十二|12)")),
    ("618", re.compile(r"(?<![\d.])618(?![\d.]|亿|万|元|%|个|家)")),
    ("spring_festival", re.compile(r"春节(?:期间|假期|黄金周|长假|前后)?|年货节")),
    ("national_day", re.compile(r"(?:中秋)?国庆(?:期间|假期|黄金周|长假)|中秋国庆")),
    ("may_day", re.compile(r"五一(?:期间|假期|劳动节)?|劳动节")),
    ("new_year", re.compile(r"元旦(?:期间|假期)?")),
    ("dragon_boat", re.compile(r"端午(?:期间|假期|节)?")),
]
EVENT_MONTHS = {"double_11": 11, "double_12": 12, "618": 6, "spring_festival": 2, "national_day": 10}
EVENT_MONTHS |= {"may_day": 5, "new_year": 1, "dragon_boat": 6}
# a span of days: "11月1日至11日", "2月11日(除夕)至17日"
DAY_SPAN = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2})年)?(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日(?:\([^)]{0,8}\))?\s*(?:至|到|-|—|~|～)\s*"
    r"(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})日"
)
EVENT_DAYS = {
    "double_11": ((11, 11), ((10, 15), (11, 20))),
    "618": ((6, 18), ((5, 15), (6, 25))),
    "double_12": ((12, 12), ((12, 1), (12, 15))),
}
UP_TO = re.compile(r"(?:截至|截止|截止到|至)$")
SPRING_FESTIVAL = re.compile(r"除夕|春节|大年|正月|年货节")
# a period a figure is compared with, not its own: "比一季度加快", "较去年同期", "与上年相比"
COMPARED = re.compile(r"(?:比|较|同比|与|和|高于|低于|快于|慢于|相比|对比)(?:全国|全省|全市)?$")
AT_PRESENT = re.compile(r"目前|当前|现有|截至目前|截止目前|现已")
_RELATIVE = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "上一年": -1, "前年": -2}


def _month(text: str) -> int:
    return (
        int(text)
        if text.isdigit()
        else {"十": 10, "十一": 11, "十二": 12}.get(text) or "一二三四五六七八九".index(text) + 1
    )


def _months(g: dict[str, str | None]) -> tuple[int, int]:
    """The first and last month a matched phrase covers (a whole year when it names no part)."""
    if g.get("half"):
        return (1, 6) if g["half"] == "上半年" else (7, 12)
    if g.get("ytd_quarters"):
        return (1, 6) if "两" in g["ytd_quarters"] else (1, 9)
    if g.get("quarter"):
        q = "一二三四1234".index(g["quarter"]) % 4 + 1
        return (3 * q - 2, 3 * q)
    if g.get("first"):
        return (_month(g["first"]), _month(g["last"]))
    if g.get("months"):
        return (1, _month(g["months"]))
    if g.get("month"):  # "6月底": as things stand at the end of June, the year so far
        return (1 if g["month_end"] else _month(g["month"]), _month(g["month"]))
    return (1, 12)


def find_periods(text: str) -> list[PeriodPhrase]:
    """Every period phrase of a read text, in order; offsets into that text."""
    found = []
    for m in (m for pattern in PERIODS for m in pattern.finditer(text)):
        g = m.groupdict()
        year = int(g["year"]) if g["year"] else None
        offset = _RELATIVE.get(g["relative"] or "")
        months = _months(g)
        if months[0] > months[1]:
            continue
        if g["year_part"] in ("底", "末"):  # "2022年底": as things stand at the year's end
            found.append(PeriodPhrase((1, 12), year, offset, m.start(), m.end(), current=True))
            continue
        if g.get("month") and UP_TO.search(text, max(0, m.start() - 4), m.start()):
            months = (1, months[1])  # "截至2016年8月": the year up to August
        found.append(PeriodPhrase(months, year, offset, m.start(), m.end()))
    for event, pattern in EVENTS:
        for m in pattern.finditer(text):
            year_match = re.search(rf"{_YEAR}$", text[max(0, m.start() - 6) : m.start()])
            year = int(year_match.group("year")) if year_match and year_match.group("year") else None
            offset = _RELATIVE.get(year_match.group("relative") or "") if year_match else None
            month = EVENT_MONTHS[event]
            found.append(PeriodPhrase((month, month), year, offset, m.start(), m.end(), event=event))
    found += _day_spans(text)
    events = [p for p in found if p.event]
    # "今年“双11”": the year belongs to the event
    found = [p for p in found if p.event or not any(0 <= e.start - p.end <= 2 for e in events)]
    for m in AT_PRESENT.finditer(text):
        found.append(PeriodPhrase((1, 12), None, 0, m.start(), m.end(), current=True))
    found = [
        p
        for p in found
        if not any(o.start <= p.start and p.end <= o.end and _length(o) > _length(p) for o in found)
    ]
    return sorted(found, key=lambda p: p.start)


def _day_spans(text: str) -> list[PeriodPhrase]:
    """A span of days is an event's when it ends on the event's day (or holds the Spring Festival);
    otherwise it is a span of days, no period of its own."""
    found = []
    for m in DAY_SPAN.finditer(text):
        first, last = int(m.group("m1")), int(m.group("m2") or m.group("m1"))
        end = (last, int(m.group("d2")))
        year = int(m.group("year")) if m.group("year") else None
        start = (first, int(m.group("d1")))
        # a span that holds the event's day, within its season ("11月1日—11月17日")
        event = next(
            (
                e
                for e, (day, season) in EVENT_DAYS.items()
                if start <= day <= end and season[0] <= start and end <= season[1]
            ),
            None,
        )
        if event is None and start == (10, 1) and end <= (10, 8):
            event = "national_day"
        if event is None and SPRING_FESTIVAL.search(text):
            event = "spring_festival"
        months = (EVENT_MONTHS[event],) * 2 if event else (first, last)
        found.append(PeriodPhrase(months, year, None, m.start(), m.end(), event=event, days=event is None))
    return found


def _length(phrase: PeriodPhrase) -> int:
    return phrase.end - phrase.start


def own_periods(text: str) -> list[PeriodPhrase]:
    """The periods a text's figures are for: its period phrases less those only compared with (and
    those a change starts from: "从2018年的363个上升到1118个")."""
    return [
        p
        for p in find_periods(text)
        if not COMPARED.search(text[max(0, p.start - 4) : p.start])
        and not (text[max(0, p.start - 1) : p.start] == "从" and text.startswith("的", p.end))
    ]


# "比去年的780个", "较2015年报告的5个淘宝镇", "从2018年的363个": a value of the period compared
# with is that period's
COMPARED_VALUE = re.compile(
    r"(?:比|较|与|从)(?P<period>[^,;。]{2,10}?)(?:报告)?的(?:[\d.]+[个家万亿件元]+[\u4e00-\u9fff“”]{0,5}、)*(?:约|近|超过?)?$"
)


def compared_value_period(text: str, figure: Figure) -> PeriodPhrase | None:
    """The period of a value stated as what a figure is compared with."""
    m = COMPARED_VALUE.search(text, max(0, figure.start - 32), figure.start)
    if not m:
        return None
    phrases = [p for p in find_periods(text[m.start("period") : m.end("period")]) if not p.event]
    return phrases[-1] if phrases else None
