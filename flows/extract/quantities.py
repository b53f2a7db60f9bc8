"""Numbers as written: the figure, its unit kind, its scale, its rounding and its qualifier."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from text_to_num import text2num

from flows.extract.layout import Span
from flows.extract.patterns import (
    COMPOUND_YUAN,
    CURRENCY_BEFORE,
    DOUBLED,
    LIST_UNIT_AFTER,
    NUMBER,
    QUALIFIER,
    SCALES,
    UNIT_AFTER,
    WORD_NUMBER,
    YEAR_LIKE,
)
from flows.reference import Match, Reference

LOOK_BEHIND = 40  # characters before a number that can hold its currency sign or qualifier
YUAN_LIST_REACH = 60  # characters after a yuan figure within which a bare "1.35 trillion" is yuan too
QUOTES = " \"'“”‘’"  # between a number and what it counts: 4,310 “Taobao villages”


@dataclass(frozen=True)
class Quantity:
    """A number as written, with its unit kind and scale already applied."""

    value: float
    half_unit: float  # what rounding hides: "5.6" stands for 5.55–5.65, "38.5 billion" for ±0.05 billion
    kind: str  # percent | points | yuan | foreign_currency | count | bare | doubling ("doubled")
    text: str
    start: int
    end: int
    qualifier: str | None = None
    noun: Match | None = None


def _number(written: str) -> Decimal:
    """A number as written, in digits ("1,234.5") or in words ("six", "twenty-five")."""
    if written[0].isdigit():
        return Decimal(written.replace(",", ""))
    return Decimal(text2num(written.lower().replace("-", " "), "en"))


def _scale_key(written: str) -> str:
    """A scale word as SCALES holds it: "Ten  thousand" → "ten thousand"."""
    return " ".join(written.lower().split())


def find_quantities(sentence: Span, reference: Reference) -> list[Quantity]:
    text = sentence.text
    quantities = []
    read_until = 0  # the end of a compound number read whole ("7 trillion and 850 billion yuan")
    last_unit: Quantity | None = None  # the sentence's latest number with a unit
    for m in sorted([*NUMBER.finditer(text), *WORD_NUMBER.finditer(text)], key=lambda m: m.start()):
        if m.start() < read_until:
            continue
        number = _number(m.group("num"))
        before, after = text[max(0, m.start() - LOOK_BEHIND) : m.start()], text[m.end() : m.end() + 80]
        kind, end, scale = "bare", m.end(), 1.0
        for unit_kind, pattern in UNIT_AFTER:
            if unit := pattern.match(after):
                kind, end = unit_kind, m.end() + unit.end()
                scale = SCALES.get(_scale_key(unit.groupdict().get("scale") or ""), 1.0)
                break
        # "7 trillion and 850 billion yuan" (Chinese 7万8500亿 translated word by word): one amount
        if compound := COMPOUND_YUAN.match(after):
            rest = Decimal(compound["rest"].replace(",", ""))
            small_scale = SCALES[_scale_key(compound["small"])]
            number = number * Decimal(SCALES[_scale_key(compound["big"])]) + rest * Decimal(small_scale)
            kind, scale, end = "yuan", 1.0, m.end() + compound.end()
            read_until = end
        # "went up by 29.3, 21.4 and 20.9 percent respectively": the list's last unit is every item's
        if (
            kind == "bare"
            and not YEAR_LIKE.fullmatch(m.group("num"))
            and (shared := LIST_UNIT_AFTER.match(after))
        ):
            kind = "points" if shared.group("unit").lower().startswith(("percentage", "point")) else "percent"
        start = m.start()
        for unit_kind, pattern in CURRENCY_BEFORE:
            if kind in ("bare", "count") and (prefix := pattern.search(before)):
                kind, start = unit_kind, m.start() - len(before) + prefix.start()
        noun = None
        if kind in ("bare", "count"):
            nouns = reference.count_phrase_matcher.find(text[end : end + 80], end)
            if nouns and not text[end : nouns[0].start].strip(QUOTES):
                noun, kind, end = nouns[0], "count", nouns[0].end
        # "… exceeded 1 trillion yuan, registering 1.35 trillion and 1.23 trillion": yuan, as before
        if (
            kind == "count"
            and noun is None
            and scale > 1
            and last_unit
            and last_unit.kind == "yuan"
            and start - (last_unit.end - sentence.start) < YUAN_LIST_REACH
        ):
            kind = "yuan"
        qualifier = QUALIFIER.search(text[max(0, start - LOOK_BEHIND) : start])
        quantities.append(
            Quantity(
                value=float(number * Decimal(scale)),
                half_unit=float(
                    Decimal("0.5").scaleb(-len(m.group("num").partition(".")[2])) * Decimal(scale)
                ),
                kind=kind,
                text=text[start:end],
                start=sentence.start + start,
                end=sentence.start + end,
                qualifier=qualifier.group("q").lower() if qualifier else None,
                noun=noun,
            )
        )
        if kind != "bare":
            last_unit = quantities[-1]
    for m in DOUBLED.finditer(text):
        quantities.append(
            Quantity(
                value=100.0,
                half_unit=0.0,
                kind="doubling",
                text=m.group(),
                start=sentence.start + m.start(),
                end=sentence.start + m.end(),
                qualifier=" ".join(m.group("q").lower().split()) if m.group("q") else None,
            )
        )
    return sorted(quantities, key=lambda q: q.start)
