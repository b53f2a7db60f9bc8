"""Every number of a report accounted for once: a fact stated twice is one fact (or a conflict to
review), and the numbers outside the body (page furniture, the headline) are set aside with why."""

from __future__ import annotations

from flows.extract.layout import Layout
from flows.extract.model import Observation, SetAside
from flows.extract.quantities import find_quantities
from flows.reference import Reference


def merge_repeats(observations: list[Observation]) -> tuple[list[Observation], list[SetAside]]:
    """One fact per region, segment, period and measure: a repeat with the same value is a second
    piece of evidence; a different value is a conflict to review."""
    kept: dict[tuple[str, str, str, str], Observation] = {}
    set_aside = []
    for observation in observations:
        grain = (
            observation.region_code,
            observation.segment_code,
            observation.period_code,
            observation.metric_code,
        )
        first = kept.setdefault(grain, observation)
        if first is observation:
            continue
        same = first.value == observation.value
        set_aside.append(
            SetAside(
                "not_a_figure" if same else "needs_review",
                "repeats a figure stated earlier"
                if same
                else f"conflicts with {first.figure_text!r} stated earlier",
                observation.figure_text,
                observation.figure_start,
                observation.figure_end,
                observation.evidence,
            )
        )
    return list(kept.values()), set_aside


def outside_body(page: Layout, observations: list[Observation], reference: Reference) -> list[SetAside]:
    """Numbers outside the body: page furniture, and headline figures (a repeat of a body figure,
    or one to review)."""
    stated = {abs(o.value) for o in observations}
    set_aside = []
    for span, where in [(page.breadcrumb, "furniture"), (page.title, "headline")] + [
        (paragraph, "furniture") for paragraph in page.furniture
    ]:
        if span is None:
            continue
        for quantity in find_quantities(span, reference):
            if where == "furniture":
                disposition, reason = "not_a_figure", "page furniture"
            elif quantity.kind == "bare" or quantity.value in stated:
                disposition, reason = "not_a_figure", "in the headline, stated in the body"
            else:
                disposition, reason = "needs_review", "headline figure not stated in the body"
            set_aside.append(
                SetAside(disposition, reason, quantity.text, quantity.start, quantity.end, span.text)
            )
    return set_aside
