"""One report's extraction: every figure with its measure, region, segment, period and the
sentence that states it; what the report names without a figure; and every number set aside
(not a figure, or needing review) with the reason. The rules for each part live in their own
modules (quantities, measures, places, segments, periods, lists); this module applies them
sentence by sentence, carrying what a sentence inherits from the ones before it."""

from __future__ import annotations

import dataclasses
import re
import time
from datetime import date

from flows.extract.context import Context
from flows.extract.dates import report_date as find_report_date
from flows.extract.figures import ReportFrame, resolve_figure
from flows.extract.layout import ReportError, Span, clauses, layout, sentences
from flows.extract.lists import Subject, listed_subjects
from flows.extract.measures import (
    NOT_RETAIL_REASON,
    UNRECOGNISED_COUNT,
)
from flows.extract.model import Extraction, Mention, Observation, ReportDate, SetAside
from flows.extract.patterns import (
    APPOSITIVE,
    CJK,
    CJK_FIGURE,
    NOT_FIGURES,
    YEAR,
)
from flows.extract.periods import (
    DATE_RANGE,
    PARTIAL_DATE,
    PeriodPhrase,
    event_dates_in,
    find_dates,
    find_periods,
    subject_periods,
)
from flows.extract.places import main_region, sentence_places, settling_place
from flows.extract.quantities import Quantity, find_quantities
from flows.extract.recent_periods import RecentPeriods, historical
from flows.extract.recent_places import RecentPlaces
from flows.extract.tally import merge_repeats, outside_body
from flows.extract.zh.reader import ZhReader
from flows.extract.zh.script import is_chinese
from flows.reference import Match, Reference


def extract(
    text: str,
    reference: Reference,
    name: str = "report",
    html: str | None = None,
    deadline: float | None = None,
) -> Extraction:
    """Everything one report says, resolved against the reference data. `html` is the saved page
    the text was read from (its metadata may date the report); past `deadline` (a
    time.monotonic() value) the report is rejected rather than left to stall a run."""
    page = layout(text)
    dated = find_report_date(page, text, name, html)
    body_sentences = [s for paragraph in page.body for s in sentences(paragraph)]
    main = main_region(page.title, body_sentences, reference)
    # the known place that settles shared names, when the report's own place is not known
    settling = main if main is None or main.code else settling_place(page.title, body_sentences, reference)
    in_title = subject_periods(page.title) if page.title else []
    in_body = [p for s in body_sentences for p in subject_periods(s)]
    # the report's own period: its title's, else its first that is not history ("in 2007, …")
    titled, stated = (
        [p for p in phrases if not p.days and not historical(p, dated)] for phrases in (in_title, in_body)
    )
    default_period = next(iter(titled + [p for p in stated if not p.event] + stated), None)
    events = [p for p in in_title + in_body if p.event]
    reader = _SentenceReader(reference, dated, main, default_period, events, settling)
    chinese = [p for p in page.body if is_chinese(p.text)]
    chinese_starts = {p.start for p in chinese}
    zh = ZhReader.for_report(reference, dated.value if dated else None, page.title, chinese)

    def on_time() -> None:
        if deadline is not None and time.monotonic() > deadline:
            raise ReportError(f"{name}: extraction took longer than its time budget")

    for paragraph in page.body:
        if paragraph.start in chinese_starts:
            zh.read_paragraph(paragraph, on_time)
            continue
        reader.start_paragraph()
        for sentence in sentences(paragraph):
            on_time()
            reader.read(sentence)
    # a bilingual report states a fact in both halves: the first statement is its evidence
    observations, repeats = merge_repeats(
        sorted(reader.observations + zh.observations, key=lambda o: o.figure_start)
    )
    own_region = main.code if main and main.code else None
    return Extraction(
        title=page.title.text if page.title else None,
        source=page.source,
        report_date=dated,
        # a report mostly in Chinese: its place as the Chinese reader sees it
        region_code=zh.main
        if 2 * sum(len(p.text) for p in chinese) > sum(len(p.text) for p in page.body)
        else own_region,
        observations=observations,
        mentions=reader.mentions,
        set_aside=reader.set_aside
        + zh.set_aside
        + outside_body(page, reader.observations, reference)
        + repeats,
        event_dates=reader.event_dates,
        figures_read=reader.figures_read + zh.figures_read,
    )


# "The figure was …", "It was …": a sentence that only carries on the figure before it.
REFERS_BACK = re.compile(r"^\s*(?:(?:the|this|that)\s+(?:figure|number|growth(?:\s+rate)?|rate)|it)\b", re.I)


class _SentenceReader:
    """Reads a report sentence by sentence, carrying what a sentence inherits from earlier ones."""

    def __init__(
        self,
        reference: Reference,
        dated: ReportDate | None,
        main: Match | None,
        default_period: PeriodPhrase | None,
        events: list[PeriodPhrase],
        settling: Match | None,
    ) -> None:
        self.reference = reference
        # a date known only as the earliest its periods allow: relative periods resolve in its year
        report_date = (
            date(dated.value.year, 12, 31)
            if dated and dated.source in ("periods", "caption")
            else dated.value
            if dated
            else None
        )
        self.frame = ReportFrame(reference, main, default_period, report_date, events)
        self.settling_place = settling
        self.observations: list[Observation] = []
        self.mentions: list[Mention] = []
        self.set_aside: list[SetAside] = []
        self.previous: Observation | None = None  # the paragraph's latest observation
        self.event_dates: dict[str, tuple[date, date]] = {}
        self.periods = RecentPeriods(dated)
        self.places = RecentPlaces()
        self.figures_read = 0
        # why the previous sentence's last figure was no figure of ours, if it was none
        self.dismissed_before: str | None = None

    def start_paragraph(self) -> None:
        """What a sentence inherits from the sentences before it stays within its paragraph."""
        self.previous = None
        self.periods.start_paragraph()
        self.dismissed_before = None
        self.places.start_paragraph()

    def read(self, sentence: Span) -> None:
        observed, asides = len(self.observations), len(self.set_aside)
        if self.dismissed_before == NOT_RETAIL_REASON and REFERS_BACK.match(sentence.text):
            # "Retail sales of services (all channels) rose 7.5 percent. The figure was 4.3 points
            # higher than that of goods.": what carries on a figure set aside is set aside too
            reason = f"follows a figure set aside ({self.dismissed_before})"
            for quantity in find_quantities(sentence, self.reference):
                if quantity.kind != "bare":
                    self._aside(sentence, quantity, "not_a_figure", reason)
            return
        self._read(sentence)
        last_here = max(
            [(o.figure_start, None) for o in self.observations[observed:]]
            + [
                (s.start, s.reason)
                for s in self.set_aside[asides:]
                if s.disposition == "not_a_figure"
                and s.reason not in ("part of a date", "a year", "currency conversion")
            ],
            default=(-1, None),
        )
        self.dismissed_before = last_here[1]
        self.periods.after_sentence(
            sentence, len(self.observations) > observed, self.set_aside[asides:], self.reference
        )

    def _read(self, sentence: Span) -> None:
        ref = self.reference
        segments = ref.segment_matcher.find(sentence.text, sentence.start)
        regions = sentence_places(sentence, ref, self.settling_place, self.places.learned)
        self.mentions += mentions_in(sentence, segments, regions, ref)
        for code, stated in event_dates_in(sentence.text, self.frame.report_date).items():
            self.event_dates.setdefault(code, stated)
        quantities = find_quantities(sentence, ref)
        self.figures_read += sum(q.kind != "bare" for q in quantities)
        if CJK.search(sentence.text) and len(CJK.findall(sentence.text)) * 3 > len(sentence.text):
            # figures written in Chinese ("41520.4亿元"): a report, whose Chinese half is not read yet
            self.figures_read += len(CJK_FIGURE.findall(sentence.text))
            for quantity in quantities:
                self._aside(sentence, quantity, "not_a_figure", "in Chinese-language text")
            return
        not_figures = _not_figure_spans(sentence)
        figures = []
        for quantity in quantities:
            reason = next((r for r, s, e in not_figures if s <= quantity.start < e), None)
            if not reason and quantity.kind == "bare" and YEAR.fullmatch(quantity.text):
                reason = "a year"
            if reason:
                self._aside(sentence, quantity, "not_a_figure", reason)
            else:
                figures.append(quantity)
        subjects, leaders = listed_subjects(sentence, figures, segments, regions, ref)
        first_in_sentence = len(self.observations)
        read_here = 0  # figures of this sentence read so far, those of places for review included
        sentence_clauses = clauses(sentence)
        figure_clauses = [
            (c.start, c.end) for c in sentence_clauses if any(c.start <= q.start < c.end + 1 for q in figures)
        ]
        appositive_clauses = [(c.start, c.end) for c in sentence_clauses if APPOSITIVE.match(c.text)]
        led: dict[int, Observation] = {}  # a list's first figure, observed, by its start
        dismissed: dict[int, str] = {}  # a list's first figure, set aside as no figure: why
        last_not_retail = -1
        last_dismissed: tuple[int, str] | None = None
        for quantity in figures:
            clause = next(c for c in sentence_clauses if c.start <= quantity.start < c.end + 1)
            subject = subjects.get(quantity.start)
            if subject and subject.count_figure is not None:  # "…sessions and viewers, up 5 and 7 percent"
                counted = [
                    o for o in self.observations[first_in_sentence:] if o.figure_start == subject.count_figure
                ]
                subject = Subject(counted=counted[0]) if counted else None
            in_sentence = self.previous if read_here else None
            context = Context(
                sentence,
                clause,
                quantity,
                segments,
                regions,
                figure_clauses,
                appositive_clauses,
                self.previous,
                in_sentence,
                self.observations[-1] if self.observations else None,
                last_not_retail,
                in_sentence.figure_start if in_sentence else -1,
                last_dismissed,
                self.places.by_kind,
                self.places.paragraph,
            )
            leader = led.get(leaders.get(quantity.start, -1))
            # "exceeded the mark of 4 trillion yuan and 700 billion yuan respectively": what the first
            # of a list is not, the rest are not either
            if (reason := dismissed.get(leaders.get(quantity.start, -1))) is not None:
                self._aside(sentence, quantity, "not_a_figure", reason)
                continue
            observation = self._observe(context, subject, leader)
            if observation:
                self.observations.append(observation)
                self.previous = observation
                read_here += 1
                if quantity.start in leaders.values():
                    led[quantity.start] = observation
            elif (held := self.set_aside[-1].candidate) and held.figure_start == quantity.start:
                # a figure of a place for review: the figures after it in its paragraph may be its too
                self.previous = held
                read_here += 1
            else:
                if self.set_aside[-1].reason == NOT_RETAIL_REASON:
                    last_not_retail = quantity.start
                if quantity.kind != "foreign_currency" and (
                    self.set_aside[-1].disposition == "not_a_figure"
                    or self.set_aside[-1].reason == UNRECOGNISED_COUNT
                ):  # "56 million international mails, up 12%": the growth of what is no figure here
                    last_dismissed = (quantity.start, self.set_aside[-1].reason)
                if quantity.start in leaders.values() and self.set_aside[-1].disposition == "not_a_figure":
                    dismissed[quantity.start] = self.set_aside[-1].reason
        self.places.after_sentence(sentence, regions, ref)

    def _observe(
        self, context: Context, subject: Subject | None, leader: Observation | None
    ) -> Observation | None:
        if context.quantity.kind == "foreign_currency":
            self._attach_conversion(context)
        read = resolve_figure(context, subject, leader, self.frame, self.periods.for_figure(context))
        if isinstance(read, Observation):
            return read
        self._aside(context.sentence, context.quantity, read.disposition, read.reason, read.candidate)
        return None

    def _attach_conversion(self, context: Context) -> None:
        """ "61.2 billion yuan (about 8.91 billion U.S. dollars)": kept with the yuan figure."""
        previous = self.previous
        if (
            previous
            and not previous.region_code.startswith("?")  # a figure held for review keeps its text as is
            and previous.metric_code == "amount_cny"
            and previous.evidence_start == context.sentence.start
            and context.quantity.start - previous.figure_end < 30
        ):
            self.previous = dataclasses.replace(previous, conversion=context.quantity.text)
            self.observations[-1 - self.observations[::-1].index(previous)] = self.previous

    def _aside(
        self,
        sentence: Span,
        quantity: Quantity,
        disposition: str,
        reason: str,
        candidate: Observation | None = None,
    ) -> None:
        self.set_aside.append(
            SetAside(
                disposition, reason, quantity.text, quantity.start, quantity.end, sentence.text, candidate
            )
        )


def mentions_in(
    sentence: Span, segments: list[Match], regions: list[Match], reference: Reference
) -> list[Mention]:
    """What a sentence names with or without a figure: categories, and places below province level."""
    return [
        Mention("segment", m.code, m.text, m.start, m.end, sentence.text)
        for m in segments
        if reference.segment_kind(m.code) == "category"
    ] + [
        Mention("region", m.code, m.text, m.start, m.end, sentence.text)
        for m in regions
        if m.code and reference.region_level(m.code) not in ("nation", "province")
    ]


def _not_figure_spans(sentence: Span) -> list[tuple[str, int, int]]:
    """Spans of the sentence whose numbers are not figures, whatever follows them, and why."""
    text, offset = sentence.text, sentence.start
    spans = [("part of a date", d.start, d.end) for d in find_dates(text)]
    spans += [("part of a date", m.start(), m.end()) for m in PARTIAL_DATE.finditer(text)]
    spans += [("part of a date", m.start(), m.end()) for m in DATE_RANGE.finditer(text)]
    spans += [("part of an event's name", p.start, p.end) for p in find_periods(text) if p.event]
    spans += [(reason, m.start(), m.end()) for reason, pattern in NOT_FIGURES for m in pattern.finditer(text)]
    return [(reason, offset + s, offset + e) for reason, s, e in spans]
