"""Figures given as a list for a list of names: "A, B and C grew 5, 7 and 9 percent respectively"."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from flows.extract.layout import Span
from flows.extract.model import Observation
from flows.extract.patterns import LIST_ASIDE, LIST_JOINER, RESPECTIVELY, SALES_OF
from flows.extract.quantities import Quantity
from flows.reference import Match, Reference


@dataclass(frozen=True)
class Subject:
    """What a listed figure is about: a segment, a place, or the count it is the growth of."""

    segment: str | None = None
    region: Match | None = None
    thing: str | None = None  # a counted thing: "Taobao villages and towns, with 93 and 14 respectively"
    count_figure: int | None = None  # start of the count whose growth this is
    counted: Observation | None = None


def listed_subjects(
    sentence: Span,
    figures: list[Quantity],
    segments: list[Match],
    regions: list[Match],
    reference: Reference,
) -> tuple[dict[int, Subject], dict[int, int]]:
    """Each listed figure's subject and, for all but the first of a list, the first figure (whose
    wording says what they all measure); both keyed by the figure's start."""
    runs, run = [], []
    for quantity in figures:
        joined = (
            run
            and run[-1].kind == quantity.kind
            and LIST_JOINER.match(
                sentence.text[run[-1].end - sentence.start : quantity.start - sentence.start]
            )
        )
        run = [*run, quantity] if joined else [quantity]
        if len(run) >= 2:
            runs = [r for r in runs if r[0] is not run[0]] + [run]
    subjects: dict[int, Subject] = {}
    leaders: dict[int, int] = {}
    generic = reference.generic_segment_aliases
    counted = [
        m
        for m in reference.count_phrase_matcher.find(sentence.text, sentence.start)
        if m.code and not any(s.start <= m.start and m.end <= s.end for s in segments)
    ]
    for listed in runs:
        first = listed[0].start
        named_segments = [m for m in segments if m.end <= first and m.text.casefold() not in generic]
        all_segments = [m for m in segments if m.end <= first]
        named_regions = [m for m in regions if m.end <= first]
        things = [m for m in counted if m.end <= first] if listed[0].kind in ("bare", "count") else []
        respectively = RESPECTIVELY.search(sentence.text[listed[-1].end - sentence.start :][:40])
        for candidates, make in (
            (named_segments, lambda m: Subject(segment=m.code)),
            # "online sales, rural online sales and cross-border trade grew 18, 20 and 31 percent"
            (all_segments, lambda m: Subject(segment=m.code)),
            (named_regions, lambda m: Subject(region=m)),
            (things, lambda m: Subject(thing=m.code)),
        ):
            chosen = _listed_names(sentence, candidates, len(listed))
            if chosen and (respectively or len(chosen) == len(listed)):
                for quantity, name in zip(listed, chosen, strict=True):
                    subjects[quantity.start] = make(name)
                break
        counts = [q for q in figures if q.kind == "count" and q.end <= first]
        if listed[0].start not in subjects and listed[0].kind == "percent" and len(counts) >= len(listed):
            for quantity, count in zip(listed, counts[-len(listed) :], strict=True):
                subjects[quantity.start] = Subject(count_figure=count.start)
        if listed[0].start in subjects:
            leaders.update({q.start: first for q in listed[1:]})
    return subjects, leaders


def _listed_names(sentence: Span, names: list[Match], count: int) -> list[Match] | None:
    """The last `count` consecutive names that are written as one list ("A, B and C")."""
    for first in range(len(names) - count, -1, -1):
        chosen = names[first : first + count]
        if all(_joined(sentence, left, right) for left, right in itertools.pairwise(chosen)):
            return chosen
    return None


def _joined(sentence: Span, left: Match, right: Match) -> bool:
    between = sentence.text[left.end - sentence.start : right.start - sentence.start]
    between = OTHER_BEFORE_LAST.sub("", between)  # "food, clothing and other daily necessities"
    return bool(LIST_JOINER.match(LIST_ASIDE.sub("", SALES_OF.sub("", between))))


OTHER_BEFORE_LAST = re.compile(r"(?<=\s)other\s+$", re.I)
