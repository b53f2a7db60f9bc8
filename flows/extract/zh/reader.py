"""A report's Chinese paragraphs, sentence by sentence: each figure with its measure, place, series and
period, or set aside with why. What a sentence does not name it inherits from the sentence before it in
its paragraph, then from the report (its title's place and period)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from flows.extract.layout import Span
from flows.extract.model import Observation, SetAside
from flows.extract.periods import PeriodPhrase
from flows.extract.zh.cues import (
    DIFFERENCE,
    OTHER_WHOLE,
    PER_DAY,
    PLATFORM,
    TARGET,
    THRESHOLD_AFTER,
    Cue,
    figure_cue,
)
from flows.extract.zh.figure import resolve
from flows.extract.zh.lists import listed, with_shared_units
from flows.extract.zh.numbers import Figure, find_figures
from flows.extract.zh.periods import compared_value_period, own_periods
from flows.extract.zh.script import ReadText, is_chinese, read_text, zh_sentences
from flows.extract.zh.series import (
    all_channel,
    counts_something_else,
    last,
    next_at,
    scoped,
    trade_part,
    unit_counts,
)
from flows.extract.zh.subjects import PLACES, SERIES, Named, main_place, named_in
from flows.reference import Reference

QUOTES = '“"「『'
BRACKET = re.compile(r"\([^()]*\)")


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
    # each Chinese paragraph's sentences as read, by the paragraph's start: read once per report
    read_sentences: dict[int, list[tuple[Span, ReadText]]] = field(default_factory=dict)

    @classmethod
    def for_report(
        cls, reference: Reference, report_date: date | None, title: Span | None, body: list[Span]
    ) -> ZhReader:
        """The report's own place (its title's most specific, else the first its body names) and period."""
        reader = cls(reference, report_date)
        reader.read_sentences = {p.start: [(s, read_text(s)) for s in zh_sentences(p)] for p in body}
        texts = [read.text for pairs in reader.read_sentences.values() for _, read in pairs]
        titled = read_text(title).text if title and is_chinese(title.text) else ""
        reader.main = main_place(titled, texts, reference)
        # the report's period: its title's, else the one its body states most often (a definite one,
        # "上半年" rather than "今年以来"), the first of equals
        stated = [p for text in [titled, *texts] for p in own_periods(text) if not p.current]
        titled_periods = [p for p in own_periods(titled) if not p.current] if titled else []
        definite = [p for p in stated if p.explicit_year or p.months != (1, 12)] or stated
        counts = Counter((p.months, p.explicit_year, p.event) for p in definite)
        reader.default_period = next(iter(titled_periods), None) or next(
            (p for p in definite if counts[(p.months, p.explicit_year, p.event)] == max(counts.values())),
            None,
        )
        if reader.report_date is None:  # relative periods resolve in the latest year the text states
            years = [p.explicit_year for text in texts for p in own_periods(text) if p.explicit_year]
            reader.report_date = date(max(years), 12, 31) if years else None
        return reader

    def read_paragraph(self, paragraph: Span, on_time: Callable[[], None]) -> None:
        """`on_time` raises when the report has run past its time budget."""
        said = _Said()
        pairs = self.read_sentences.pop(paragraph.start, None)  # read once, then let go
        for sentence, read in pairs or ((s, read_text(s)) for s in zh_sentences(paragraph)):
            on_time()
            self._read(sentence, read, said)

    def _read(self, sentence: Span, read: ReadText, said: _Said) -> None:
        text = read.text
        named = named_in(text, self.reference, self.main)
        periods = own_periods(text)
        # "283个(2021年为254个)": a period in brackets is only its bracket's
        brackets = [(m.start(), m.end()) for m in BRACKET.finditer(text)]
        inside = {id(p): b for p in periods for b in brackets if b[0] <= p.start < b[1]}
        figures = with_shared_units(find_figures(text))
        # what holds for every figure after a point of the sentence, found once (linear in its length)
        target_at = next(
            (m.start() for m in TARGET.finditer(text) if self._ahead(m.group("year"))), len(text)
        )
        share_at = min((i for w in ("比重", "占比", "份额") if (i := text.find(w)) >= 0), default=len(text))
        previous: tuple[Figure, Cue | str | None, Named | None] | None = None
        last_series: Named | None = None  # the series of the sentence's last observation
        for index, figure in enumerate(figures):
            if figure.kind == "bare":  # a number without a unit: a list's number ("1-6月"), an ordinal
                self._aside(sentence, read, figure, "not_a_figure", "a number without a unit")
                continue
            if figure.kind == "not_a_figure":
                self._aside(sentence, read, figure, "not_a_figure", figure.unit)
                continue
            self.figures_read += 1
            if target_at < figure.start or THRESHOLD_AFTER.match(text, figure.end):
                self._aside(sentence, read, figure, "not_a_figure", "a target, a forecast or a threshold")
                continue
            clause_start = max(text.rfind(",", 0, figure.start), text.rfind(";", 0, figure.start), 0)
            if PER_DAY.search(text, clause_start, figure.start):
                self._aside(sentence, read, figure, "not_a_figure", "a figure per day or of one day")
                continue
            if PLATFORM.search(text, 0, figure.start):
                self._aside(sentence, read, figure, "not_a_figure", "a platform's own figure")
                continue
            if figure.kind == "count" and DIFFERENCE.search(text, max(0, figure.start - 10), figure.start):
                self._aside(sentence, read, figure, "not_a_figure", "a change of a count, not the count")
                continue
            if figure.kind == "count" and (reason := counts_something_else(text, figure, named)):
                self._aside(sentence, read, figure, "not_a_figure", reason)
                continue
            before = text[previous[0].end if previous else 0 : figure.start]
            in_list = listed(named, text, figure, figures[:index])
            series = self._series(text, figure, named, in_list, said)
            cue = figure_cue(figure, named, before, previous[1] if previous else None, share_at)
            if (
                isinstance(cue, Cue)
                and cue.measure == "share"
                and not (in_list and in_list.kind in SERIES)  # a list's name is its share's part
                and (whole := text.rfind("占", 0, figure.start)) >= 0
            ):
                series = last(named, whole, SERIES) or said.series  # "A占B的比重为X%": A's share
            series = trade_part(scoped(series, text, named, self.reference), text, said.series, named)
            if isinstance(cue, Cue) and cue.measure == "share" and OTHER_WHOLE.search(before):
                cue = "a share of another statistic"  # "占全国产量80%"
            previous = (figure, cue, series)
            if isinstance(cue, str):
                self._aside(sentence, read, figure, "not_a_figure", cue)
                continue
            place = self._place(figure, named, in_list, said)
            if place is None or place.startswith("!"):
                reason = place[1:] if place else "no place named"
                self._aside(sentence, read, figure, "not_a_figure" if place else "needs_review", reason)
                continue
            period = next(
                (
                    p
                    for p in reversed(periods)
                    if p.start < figure.start and (id(p) not in inside or figure.start < inside[id(p)][1])
                ),
                None,
            )
            period = compared_value_period(text, figure) or period or said.period
            period = period or self.default_period
            if period is None and figure.kind == "count":  # a count as it stands when the report was written
                period = PeriodPhrase((1, 12), None, 0, figure.start, figure.start, current=True)
            observed = resolve(
                self.reference, self.report_date, sentence, read, figure, cue, series, place, period, named
            )
            if isinstance(observed, Observation):
                self.observations.append(observed)
                last_series = series
            else:
                self._aside(sentence, read, figure, *observed)
        for n in named:
            if n.kind == "place" and not n.is_object:
                self.recent[self.reference.region_level(n.code)] = n.code
                self.recent[self._level_key(n.code)] = n.code
        # what the next sentence inherits: the last place, series and period this one names
        end = len(text)
        said.place = next((n.code for n in [last(named, end, PLACES)] if n and n.code), said.place)
        said.series = last_series or last(named, end, SERIES) or said.series
        said.period = next(
            (p for p in reversed(periods) if not p.current and id(p) not in inside), said.period
        )

    def _series(
        self, text: str, figure: Figure, named: list[Named], in_list: Named | None, said: _Said
    ) -> Named | None:
        """The series before the figure, the counted word right after a count, or the list's name."""
        series = last(named, figure.start, SERIES)
        quoted = figure.end + (figure.end < len(text) and text[figure.end] in QUOTES)  # "4个“淘宝镇”"
        if figure.kind == "count" and (counted := next_at(named, quoted, "count")):
            series = counted  # "5425个淘宝村": the counted word after the figure
        if in_list and in_list.kind in SERIES:
            series = in_list
        if (series is None or series.kind != "count") and (counted := unit_counts(figure, text)):
            series = Named("count", counted, figure.start, figure.start, False)  # "电商直播超1000万场"
        if series is None and figure.kind == "yuan":
            # "从2018年的1.06万亿元到2023年的2.38万亿元,跨境电商进出口增长了1.2倍": named after its amounts
            series = next(
                (n for n in named if n.start >= figure.end and n.kind == "segment" and not n.is_object), None
            )
        return all_channel(series or said.series, text, said.series, self.reference)

    def _place(self, figure: Figure, named: list[Named], in_list: Named | None, said: _Said) -> str | None:
        """The place the figure is about; None when none can be told, "!" and why when it is no place."""
        if in_list and in_list.kind in ("place", "nation"):
            return in_list.code
        place_named = last(named, figure.start, PLACES)
        if place_named and place_named.kind == "group":
            return "!a group of regions"
        if place_named and place_named.kind == "own_place" and place_named.code is None:
            # "全县" of a province's report: the county last named; "我市": the city last named
            key = "city" if place_named.level == "prefecture" else place_named.level or ""
            here = [
                n.code
                for n in named
                if n.kind == "place" and n.end <= figure.start and self._level_key(n.code) == key
            ]
            return here[-1] if here else self.recent.get(key)
        return (place_named.code if place_named else None) or said.place or self.main

    def _ahead(self, year: str | None) -> bool:
        """Whether "到2025年" looks ahead: a year after the report's (any year, when its date is unknown)."""
        return year is None or self.report_date is None or int(year) > self.report_date.year

    def _level_key(self, code: str) -> str:
        """A place's level as "全市 / 全县" name it: a city is any place whose name ends in 市."""
        return (
            "city"
            if self.reference.regions[code]["name_zh"].endswith("市")
            else self.reference.region_level(code)
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
