"""Figures in Chinese text: a number (Arabic, or Chinese numerals), its scale (万, 亿, 万亿) and its unit
(%, 个百分点, 元, or a counting word such as 家, 件, 场次), with the qualifier written around it."""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

SCALES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3}
COUNT_UNITS = "场次|人次|万人|家|个|件|单|票|场|人|名|笔|户|款|吨|只|套|辆|次|单位"
NOT_FIGURE_UNITS = {
    "倍": "a multiple",
    "年": "part of a date",
    "月": "part of a date",
    "日": "part of a date",
    "号": "part of a date",
    "季度": "part of a date",
    "天": "a span of days",
    "小时": "a span of time",
    "岁": "an age",
    "位": "a rank",
    "名次": "a rank",
    "美元": "currency conversion",
    "亩": "an area",
    "公顷": "an area",
    "平方米": "an area",
    "立方米": "a volume",
    "公里": "a distance",
    "袋": "a quantity of goods",
    "箱": "a quantity of goods",
    "斤": "a weight",
    "公斤": "a weight",
    "千克": "a weight",
    "港元": "currency conversion",
}
_CHINESE_DIGITS = "零〇一二两三四五六七八九十百千"
FIGURE = re.compile(
    r"(?<![\d.a-zA-Z])(?<!\d,)(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    rf"|[{_CHINESE_DIGITS}]{{1,8}}(?=个百分点|百分点|倍))"
    r"(?P<more>多|余)?"
    r"(?P<scale>万亿|千亿|百亿|亿|千万|百万|万(?!人次)|千(?!克|米|瓦))?(?P<more_after>多|余)?"
    r"(?P<unit>%|个多百分点|个百分点|百分点|亿?元(?:人民币)?|人民币|"
    + "|".join(sorted(NOT_FIGURE_UNITS, key=len, reverse=True))
    + rf"|{COUNT_UNITS})?"
)
BEFORE_QUALIFIER = re.compile(r"(?P<q>超过|超|逾|突破|近|接近|约|将近|大约)$")
QUALIFIERS = {"超过": "over", "超": "over", "逾": "over", "突破": "over", "近": "nearly", "接近": "nearly"}
QUALIFIERS |= {"将近": "nearly", "约": "about", "大约": "about"}


@dataclass(frozen=True)
class Figure:
    value: float
    half_unit: float  # the figure stands for value ± half_unit, as rounded in the text
    kind: str  # percent | points | yuan | count | scaled (a scale and no unit) | bare | not_a_figure
    unit: str  # the unit as written (家, 件 …), or a reason when kind is not_a_figure
    qualifier: str | None
    start: int
    end: int
    text: str


def find_figures(text: str) -> list[Figure]:
    found = []
    for m in FIGURE.finditer(text):
        number, scale, unit = m.group("number"), m.group("scale"), m.group("unit") or ""
        if number[0] in _CHINESE_DIGITS and not (unit or scale):
            continue
        try:
            value = (
                float(number.replace(",", "")) if number[0].isdigit() else float(cn2an.cn2an(number, "smart"))
            )
        except ValueError:
            continue
        decimals = len(number.split(".")[1]) if "." in number else 0
        factor = SCALES.get(scale or "", 1.0) * (1e8 if unit.startswith("亿") else 1.0)
        value = float(f"{value * factor:.12g}")  # 1.1亿 is 110000000, not 110000000.00000001
        half = 0.5 * 10**-decimals * factor
        if unit in NOT_FIGURE_UNITS:
            kind = "not_a_figure"
            unit = NOT_FIGURE_UNITS[unit]
        elif unit == "%":
            kind = "percent"
        elif unit.endswith("百分点"):
            kind = "points"
        elif "元" in unit or unit == "人民币":
            kind = "yuan"
        elif unit:
            kind = "count"
            if unit == "万人":  # "270万人": a scale and the people counted
                value, half, unit = value * 1e4, half * 1e4, "人"
        else:
            kind = "scaled" if scale else "bare"
        more = m.group("more") or m.group("more_after") or ("多" if "多" in unit else None)
        before = BEFORE_QUALIFIER.search(text[max(0, m.start() - 2) : m.start()])
        qualifier = "more than" if more else QUALIFIERS[before.group("q")] if before else None
        found.append(Figure(value, half, kind, unit, qualifier, m.start(), m.end(), m.group()))
    return found
