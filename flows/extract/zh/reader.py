"""A report's Chinese paragraphs, sentence by sentence: each figure with its measure, place, series and
period, or set aside with why. What a sentence does not name it inherits from the sentence before it in
its paragraph, then from the report (its title's place and period)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from flows.extract.layout import Span
from flows.extract.measures import unit_of
from flows.extract.model import Observation, SetAside
from flows.extract.periods import PeriodPhrase, period_code
from flows.extract.zh.cues import LIST_SEPARATOR, TARGET, Cue, percent_cue, points_cue
from flows.extract.zh.numbers import Figure, find_figures
from flows.extract.zh.periods import own_periods
from flows.extract.zh.script import ReadText, is_chinese, read_text, zh_sentences
from flows.extract.zh.subjects import ONLINE, Named, named_in
from flows.reference import Reference

ALL_CHANNELS = "consumer_goods_retail"
METRICS = {"growth": "yoy_growth_pct", "share": "share_pct", "gap_national": "gap_vs_national_pp"}
METRICS |= {"gap_province": "gap_vs_province_pp", "growth_change": "growth_change_pp"}
METRICS |= {"share_change": "share_change_pp"}
SERIES = ("segment", "other", "count")
PLACES = ("place", "nation", "own_place", "group")
LEVELS = {"nation": 0, "province": 1, "prefecture": 2, "county": 3}


@dataclass
class _Said:
    """What the last figure of a paragraph was about: what the next sentence inherits."""

    place: str | None = None
    series: Named | None = None
    period: PeriodPhrase | None = None


@dataclass
class ZhReader:
    reference: Reference
    report_date: date | None
    main: str | None = None
    default_period: PeriodPhrase | None = None
    observations: list[Observation] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    figures_read: int = 0
    recent: dict[str, str] = field(default_factory=dict)  # the last place named, by level

    @classmethod
    def for_report(
        cls, reference: Reference, report_date: date | None, title: Span | None, body: list[Span]
    ) -> ZhReader:
        """The report's own place (its title's most specific, else the first its body names) and period."""
        reader = cls(reference, report_date)
        texts = [read_text(s).text for p in body for s in zh_sentences(p)]
        titled = read_text(title).text if title and is_chinese(title.text) else ""
        reader.main = _main_place(titled, texts, reference)
        opening = [titled, *texts[:6]]
        stated = [p for text in opening for p in own_periods(text) if not p.current]
        # the report's period: its first definite one ("上半年", not "今年以来")
        reader.default_period = next(
            (p for p in stated if p.explicit_year or p.months != (1, 12)), None
        ) or next(iter(stated), None)
        if reader.report_date is None:  # relative periods resolve in the latest year the text states
            years = [p.explicit_year for text in texts for p in own_periods(text) if p.explicit_year]
            reader.report_date = date(max(years), 12, 31) if years else None
        return reader

    def read_paragraph(self, paragraph: Span, on_time: Callable[[], None]) -> None:
        """`on_time` raises when the report has run past its time budget."""
        said = _Said()
        for sentence in zh_sentences(paragraph):
            on_time()
            self._read(sentence, read_text(sentence), said)

    def _read(self, sentence: Span, read: ReadText, said: _Said) -> None:
        text = read.text
        named = [n for n in named_in(text, self.reference, self.main)]
        periods = own_periods(text)
        figures = _with_shared_units(find_figures(text))
        # what holds for every figure after a point of the sentence, found once (linear in its length)
        target_at = next((m.start() for m in TARGET.finditer(text)), len(text))
        share_at = min((i for w in ("比重", "占比", "份额") if (i := text.find(w)) >= 0), default=len(text))
        previous: tuple[Figure, Cue | str | None, Named | None] | None = None
        for index, figure in enumerate(figures):
            if figure.kind == "bare":  # a number without a unit: a list's number ("1-6月"), an ordinal
                self._aside(sentence, read, figure, "not_a_figure", "a number without a unit")
                continue
            if figure.kind == "not_a_figure":
                self._aside(sentence, read, figure, "not_a_figure", figure.unit)
                continue
            self.figures_read += 1
            if target_at < figure.start:
                self._aside(sentence, read, figure, "not_a_figure", "a target, a forecast or a threshold")
                continue
            if figure.kind == "count" and (reason := _counts_something_else(text, figure, named)):
                self._aside(sentence, read, figure, "not_a_figure", reason)
                continue
            before = text[previous[0].end if previous else 0 : figure.start]
            series = _last(named, figure.start, SERIES)
            if figure.kind == "count" and (counted := _next(named, figure.end, "count")):
                series = counted  # "5425个淘宝村": the counted word after the figure
            listed = _listed(named, text, figure, figures[:index])
            if listed and listed.kind in ("segment", "other", "count"):
                series = listed
            series = series or said.series
            if (
                series
                and series.kind == "segment"
                and self.reference.segment_kind(series.code) == "category"
                and not ONLINE.search(text)
                and said.series
                and (said.series.kind == "other" or said.series.code == ALL_CHANNELS)
            ):  # "其中金银珠宝同比增长…" after all-channel retail sales: all-channel too
                series = Named("other", None, series.start, series.end, False)
            cue: Cue | str | None
            if previous and LIST_SEPARATOR.match(before) and previous[1] is not None:
                cue = previous[1]  # "分别增长33.5%和23.3%": the list's first figure says what they are
            elif figure.kind == "percent":
                cue = percent_cue(before) or ("what the percentage measures is not said")
            elif figure.kind == "points":
                cue = points_cue(before, share_at < figure.start)
            else:
                cue = None
            if (
                isinstance(cue, Cue)
                and cue.measure == "share"
                and (whole := text.rfind("占", 0, figure.start)) >= 0
            ):
                series = _last(named, whole, SERIES) or said.series  # "A占B的比重为X%": A's share
            series = _scoped(series, text, named, self.reference)
            series = _trade_part(series, text, said.series, named)
            previous = (figure, cue, series)
            if isinstance(cue, str):
                self._aside(sentence, read, figure, "not_a_figure", cue)
                continue
            place = listed.code if listed and listed.kind in ("place", "nation") else None
            place_named = _last(named, figure.start, PLACES)
            if place is None and place_named:
                place = place_named.code
            if place_named and place_named.kind == "group":
                self._aside(sentence, read, figure, "not_a_figure", "a group of regions")
                continue
            if place_named and place_named.kind == "own_place" and place is None:
                place = self.recent.get(place_named.level or "")  # "全县" of a province's report
                if place is None:
                    self._aside(sentence, read, figure, "needs_review", "no place named")
                    continue
            place = place or said.place or self.main
            period = next((p for p in reversed(periods) if p.start < figure.start), None) or said.period
            period = period or self.default_period
            if period is None and figure.kind == "count":  # a count as it stands when the report was written
                period = PeriodPhrase((1, 12), None, 0, figure.start, figure.start, current=True)
            observed = self._observation(sentence, read, figure, cue, series, place, period)
            if isinstance(observed, Observation):
                self.observations.append(observed)
            else:
                self._aside(sentence, read, figure, *observed)
        for n in named:
            if n.kind == "place" and not n.is_object:
                self.recent[self.reference.region_level(n.code)] = n.code
        # what the next sentence inherits: the last place, series and period this one names
        end = len(text)
        said.place = next((n.code for n in [_last(named, end, PLACES)] if n and n.code), said.place)
        said.series = _last(named, end, SERIES) or said.series
        said.period = next((p for p in reversed(periods) if not p.current), said.period)

    def _observation(
        self,
        sentence: Span,
        read: ReadText,
        figure: Figure,
        cue: Cue | None,
        series: Named | None,
        place: str | None,
        period: PeriodPhrase | None,
    ) -> Observation | tuple[str, str]:
        ref = self.reference
        if series is None:
            return "not_a_figure", "no series named"
        if series.kind == "other":
            return "not_a_figure", "another statistic, not online retail"
        if figure.kind == "count" or (figure.kind == "scaled" and series.kind == "count"):
            if series.kind != "count":
                return "needs_review", "a count of something the vocabulary does not know"
            metric, segment, value = (
                f"{series.code}_count",
                ref.quantities[series.code]["segment"],
                figure.value,
            )
        elif figure.kind in ("yuan", "scaled"):
            if series.kind != "segment":
                return "not_a_figure", "an amount of no series of ours"
            metric, segment, value = "amount_cny", series.code, figure.value
        else:
            assert cue is not None
            segment = series.code if series.kind == "segment" else ref.quantities[series.code]["segment"]
            metric = METRICS[cue.measure]
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
        if period.explicit_year is None and self.report_date is None:
            return "needs_review", "a relative period with no date to anchor it"
        code = period_code(period, self.report_date or date(period.explicit_year or 1, 12, 31))
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

    def _aside(self, sentence: Span, read: ReadText, figure: Figure, disposition: str, reason: str) -> None:
        start, end = read.origin(figure.start), read.origin(figure.end - 1) + 1
        self.set_aside.append(
            SetAside(
                disposition,
                reason,
                sentence.text[start - sentence.start : end - sentence.start],
                start,
                end,
                sentence.text,
            )
        )


def _main_place(title: str, texts: list[str], reference: Reference) -> str | None:
    """A report's own place: the most specific its title names, else the one its body names most (a
    chain such as 浙江台州市椒江区 names its last place)."""
    counts: dict[str, int] = {}
    for text in [title] if title else texts:
        places = [
            n for n in named_in(text, reference, None) if n.kind in ("place", "nation") and not n.is_object
        ]
        for here, after in zip(places, [*places[1:], None], strict=False):
            chained = after and after.start - here.end <= 1 and reference.is_within(after.code, here.code)
            if not chained:
                counts[here.code] = counts.get(here.code, 0) + 1
    if not counts:
        # a release that names no place at all is the nation's (the statistics bureau's own)
        return _main_place("", texts, reference) if title else reference.nation_code
    return max(counts, key=lambda code: counts[code])


# a general series named after a scope word is the scope's: "全国农村实现网络零售额", "限上网上零售额"
SCOPES = (("rural", re.compile(r"农村|乡村")), ("online_retail_above_size", re.compile(r"限额以上|限上")))


def _scoped(series: Named | None, text: str, named: list[Named], reference: Reference) -> Named | None:
    """The scope word holds for the series after it, and for the parts a breakdown names next
    ("农村网络零售额…其中实物型网络零售额")."""
    if series is None or series.kind != "segment":
        return series
    for scope, word in SCOPES:
        found = [m.start() for m in word.finditer(text, 0, series.start)]
        if not found:
            continue
        between = [n for n in named if found[-1] <= n.start < series.start and n.kind in SERIES]
        if any(n.kind != "segment" or n.code not in ("total", "physical", "services") for n in between):
            continue
        if scope == "online_retail_above_size":
            code = scope if series.code == "total" else None
        else:
            code = scope if series.code == "total" else reference.scoped_segments.get((scope, series.code))
        if code:
            return dataclasses.replace(series, code=code)
    return series


TRADE_PARTS = {"进口": "cross_border_imports", "出口": "cross_border_exports"}


def _trade_part(series: Named | None, text: str, earlier: Named | None, named: list[Named]) -> Named | None:
    """ "跨境电商进出口…其中进口441.7亿元": imports and exports of cross-border e-commerce."""
    if series is None or series.kind != "other" or text[series.start : series.end] not in TRADE_PARTS:
        return series
    before = next((n for n in reversed(named) if n.end <= series.start and n.kind == "segment"), earlier)
    if before and before.kind == "segment" and before.code == "cross_border":
        return Named("segment", TRADE_PARTS[text[series.start : series.end]], series.start, series.end, False)
    return series


# the units each counted thing is counted in: "快递品牌15个" counts brands, not parcels
COUNT_UNITS = {"parcels": "件单票", "orders": "单笔件", "sessions": "场次", "viewers": "人次"}
COUNT_UNITS |= {"livestreamers": "人名", "buyers": "人户", "taobao_villages": "个", "taobao_towns": "个"}
COUNT_UNITS |= {
    "e_commerce_villages": "个",
    "e_commerce_towns": "个",
    "online_stores": "家个",
    "enterprises": "家个",
}
COUNT_UNITS |= {"merchants": "家个户"}
# words a count may be followed by and still count what was named before it
AFTER_COUNT = re.compile(
    r"[^\u4e00-\u9fff]|以上|左右|多|余|和|及|与|或|等|的|增长|增加|上升|提高|下降|减少|到|至|位居|居|排名|同比|占|较|比"
)


def _counts_something_else(text: str, figure: Figure, named: list[Named]) -> str | None:
    """ "覆盖全国28个省": a count of the word right after it, which is none of the genre's."""
    if _next(named, figure.end, "count"):
        return None
    after = text[figure.end : figure.end + 2]
    if after and not AFTER_COUNT.match(after):
        return "a count of something else"
    counted = _last(named, figure.start, ("count",))
    if counted and (units := COUNT_UNITS.get(counted.code)) and not any(u in figure.unit for u in units):
        return "a count in a unit its thing is not counted in"
    return None


def _next(named: list[Named], after: int, kind: str) -> Named | None:
    return next((n for n in named if n.start == after and n.kind == kind), None)


def _last(named: list[Named], before: int, kinds: tuple[str, ...]) -> Named | None:
    return next((n for n in reversed(named) if n.end <= before and n.kind in kinds and not n.is_object), None)


def _listed(named: list[Named], text: str, figure: Figure, earlier: list[Figure]) -> Named | None:
    """In "A、B和C分别增长1%、2%和3%", the name of the figure's place or series in its list; a later
    "分别" without names of its own ("比一季度分别加快…") lists the same names again."""
    split = text.rfind("分别", 0, figure.start)
    if split < 0:
        return None
    position = sum(1 for f in earlier if f.start > split and f.kind == figure.kind)
    while split >= 0:
        names: list[Named] = []
        for n in reversed([n for n in named if n.end <= split and not n.is_object]):
            gap = text[n.end : names[-1].start] if names else text[n.end : split]
            if (names and (n.kind != names[-1].kind or not LIST_SEPARATOR.match(gap))) or (
                not names and len(gap) > 12
            ):
                break
            names.append(n)
        if len(names) > 1:
            names.reverse()
            return names[position] if position < len(names) else None
        split = text.rfind("分别", 0, split)
    return None


def _with_shared_units(figures: list[Figure]) -> list[Figure]:
    """ "156.6和50.6个百分点": a bare number in a list takes the unit of the figure that ends it."""
    shared = list(figures)
    for i in range(len(shared) - 2, -1, -1):
        here, after = shared[i], shared[i + 1]
        if here.kind == "bare" and after.kind not in ("bare", "not_a_figure") and after.start - here.end <= 2:
            shared[i] = Figure(
                here.value,
                here.half_unit,
                after.kind,
                after.unit,
                here.qualifier,
                here.start,
                here.end,
                here.text,
            )
    return shared
