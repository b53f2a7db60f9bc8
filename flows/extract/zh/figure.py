"""One figure of Chinese text resolved into an observation, once its measure, series, place and period
are known; or why it is none."""

from __future__ import annotations

from datetime import date

from flows.extract.layout import Span
from flows.extract.measures import unit_of
from flows.extract.model import Observation
from flows.extract.periods import PeriodPhrase, period_code
from flows.extract.zh.cues import Cue
from flows.extract.zh.numbers import Figure
from flows.extract.zh.script import ReadText
from flows.extract.zh.series import counted_segment
from flows.extract.zh.subjects import Named
from flows.reference import Reference

METRICS = {"growth": "yoy_growth_pct", "share": "share_pct", "gap_national": "gap_vs_national_pp"}
METRICS |= {"gap_province": "gap_vs_province_pp", "growth_change": "growth_change_pp"}
METRICS |= {"share_change": "share_change_pp", "gap_segment": "gap_vs_segment_pp"}


def resolve(
    reference: Reference,
    report_date: date | None,
    sentence: Span,
    read: ReadText,
    figure: Figure,
    cue: Cue | None,
    series: Named | None,
    place: str | None,
    period: PeriodPhrase | None,
    named: list[Named],
) -> Observation | tuple[str, str]:
    ref = reference
    if series is None:
        return "not_a_figure", "no series named"
    if series.kind == "other":
        return "not_a_figure", "another statistic, not online retail"
    if figure.kind == "count" or (figure.kind == "scaled" and series.kind == "count"):
        if series.kind != "count":
            return "needs_review", "a count of something the vocabulary does not know"
        metric, segment, value = f"{series.code}_count", counted_segment(series, named, ref), figure.value
    elif figure.kind in ("yuan", "scaled"):
        if series.kind != "segment":
            return "not_a_figure", "an amount of no series of ours"
        metric, segment, value = "amount_cny", series.code, figure.value
    else:
        assert cue is not None
        segment = series.code if series.kind == "segment" else counted_segment(series, named, ref)
        metric = METRICS[cue.measure]
        if metric == "gap_vs_national_pp" and place == ref.nation_code and segment != "total":
            # "全国农村网络零售额…增速高于全国水平4.3个百分点": the nation's part against its total
            metric = "gap_vs_segment_pp"
        if series.kind == "count":
            if cue.measure != "growth":
                return "not_a_figure", "a change of a count's growth"
            metric = f"{series.code}_yoy_growth_pct"
        value = cue.sign * figure.value
    if place is None:
        return "needs_review", "no place named"
    if period is not None and period.days:
        return "not_a_figure", "a span of days that is no event"
    if period is None:
        return "needs_review", "no period named"
    if period.explicit_year is None and report_date is None:
        return "needs_review", "a relative period with no date to anchor it"
    code = period_code(period, report_date or date(period.explicit_year or 1, 12, 31))
    start, end = read.origin(figure.start), read.origin(figure.end - 1) + 1
    return Observation(
        region_code=place,
        segment_code=segment,
        period_code=code,
        metric_code=metric,
        value=value,
        half_unit=figure.half_unit,
        unit=unit_of(metric, segment, ref),
        qualifier=figure.qualifier,
        figure_text=sentence.text[start - sentence.start : end - sentence.start],
        figure_start=start,
        figure_end=end,
        evidence=sentence.text,
        evidence_start=sentence.start,
        evidence_end=sentence.end,
    )
