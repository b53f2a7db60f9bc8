"""One figure, resolved: what it measures, and the segment, period and place it is about; or why it
is set aside. The reader (assembly.py) gives it the figure's context and what the report is about."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from flows.extract.context import Context
from flows.extract.lists import Subject
from flows.extract.measures import UNRECOGNISED_COUNT, Aside, Measure, direction, read_measure, unit_of
from flows.extract.model import Observation
from flows.extract.periods import PeriodPhrase, Unanchored, figure_period
from flows.extract.places import figure_region
from flows.extract.segments import figure_segment, listed_segment
from flows.reference import Match, Reference


@dataclass(frozen=True)
class ReportFrame:
    """What a report as a whole says a figure is about, unless its sentences say otherwise."""

    reference: Reference
    main_region: Match | None
    default_period: PeriodPhrase | None
    report_date: date | None
    events: list[PeriodPhrase]


@dataclass(frozen=True)
class NotObserved:
    """Why a figure is no observation; `candidate` is what it would be if only its place were known."""

    disposition: str  # not_a_figure | needs_review
    reason: str
    candidate: Observation | None = None


def resolve_figure(
    context: Context,
    subject: Subject | None,
    leader: Observation | None,
    frame: ReportFrame,
    recent: PeriodPhrase | None,
) -> Observation | NotObserved:
    """The observation a figure states: its measure (or, in a list, its first figure's), segment,
    period (`recent`: what its sentence inherits) and place."""
    quantity, sentence, reference = context.quantity, context.sentence, frame.reference
    if subject and subject.counted:
        sign = direction(context.before, context.after) or 1
        measure: Measure | Aside = Measure(
            subject.counted.metric_code.removesuffix("_count") + "_yoy_growth_pct", sign * quantity.value
        )
        subject = Subject(segment=subject.counted.segment_code)
    elif leader:  # a later figure of a list measures what the first does
        value = -quantity.value if leader.value < 0 < quantity.value else quantity.value
        measure = Measure(leader.metric_code, value)
    else:
        measure = read_measure(context, reference)
    counted = (
        measure.reason == UNRECOGNISED_COUNT
        if isinstance(measure, Aside)
        else measure.metric.endswith("_count")
    )
    if subject and subject.thing and counted:
        # "Taobao villages and Taobao towns, with 93 and 14 respectively"
        measure = Measure(f"{subject.thing}_count", quantity.value)
        subject = Subject(segment=reference.quantities[subject.thing]["segment"])
    if isinstance(measure, Aside):
        return NotObserved(measure.disposition, measure.reason)
    metric = measure.metric
    if subject and subject.segment:
        segment = listed_segment(subject.segment, context, reference)
    else:
        segment = figure_segment(context, metric, reference)
    if segment is None:
        return NotObserved("not_a_figure", "no retail series named for it")
    period = figure_period(context, frame.default_period, frame.report_date, frame.events, recent)
    if period is None:
        return NotObserved("needs_review", "no period found for this figure")
    if isinstance(period, Unanchored):
        phrase = sentence.text[period.phrase.start - sentence.start : period.phrase.end - sentence.start]
        return NotObserved("needs_review", f"period {phrase!r} {period.reason}")
    if metric.endswith("yoy_growth_pct") and _over_years(context, period):
        return NotObserved("not_a_figure", "a growth over several years, not on the year before")
    region = figure_region(context, metric, subject.region if subject else None, frame.main_region, reference)
    if region is None:
        return NotObserved("needs_review", "no region found for this figure")
    observation = Observation(
        region_code=region.code or f"?{region.text}",
        segment_code=segment,
        period_code=period,
        metric_code=metric,
        value=measure.value,
        half_unit=quantity.half_unit,
        unit=unit_of(metric, segment, reference),
        qualifier=quantity.qualifier,
        figure_text=quantity.text,
        figure_start=quantity.start,
        figure_end=quantity.end,
        evidence=sentence.text,
        evidence_start=sentence.start,
        evidence_end=sentence.end,
    )
    if not region.code:  # a place the gazetteer does not know: for review
        return NotObserved("needs_review", f"unknown place '{region.text}'", observation)
    return observation


def _over_years(context: Context, period: str) -> bool:
    """ "60% more than in 2012" in a report on 2021: a growth measured from a year other than the
    one before the figure's (an earlier one)."""
    compared = COMPARED_WITH_YEAR.match(context.sentence.text, context.quantity.end - context.sentence.start)
    # (or "91.77 percent more than was delivered two years ago")
    earlier_year = bool(compared) and int(compared["year"]) < int(period[:4]) - 1
    return earlier_year or bool(YEARS_AGO.search(context.after))


YEARS_AGO = re.compile(r"\b(?:two|three|four|five|\d+)\s+years\s+(?:ago|earlier|before)\b", re.I)
COMPARED_WITH_YEAR = re.compile(
    r"(?:[\s-]*(?:percent|per\s+cent|%))?\s*(?:year[- ]on[- ]year\s+)?(?:\w+\s+){0,2}?"
    r"(?:than|from|over|compared\s+(?:with|to))\s+(?:(?:that|those)\s+)?(?:(?:(?!\byears?\b)[^,;.]){0,70}?\b(?:in|of)\s+)?"
    r"(?P<year>(?:19|20)\d{2})\b(?!\s*[-–]\s*\d)",
    re.I,
)
