"""Turn one report's text into observations: every figure with its measure, region, segment,
period and the sentence that states it; plus what the report names without a figure, and
every number it set aside (not a figure, or needing review) with the reason."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from flows.discover import Discovery, RawReport, Rejected
from flows.patterns import (
    AFTER_THAN,
    APPOSITIVE,
    BELOW,
    CJK,
    COMPARED_PERIOD,
    COUNT_CONTINUATION,
    CURRENCY_BEFORE,
    EARLIER_PERIOD_COMPARATOR,
    FROM_RATE,
    GROWTH_DOWN,
    GROWTH_UP,
    LIST_JOINER,
    LOCATOR_BETWEEN,
    NATIONAL,
    NATIONAL_FIGURE,
    NOT_FIGURES,
    NOT_PERIOD_BEFORE,
    NOT_RETAIL,
    NOT_SUBJECT_AFTER,
    NUMBER,
    PERIOD_BINDING,
    PLACE,
    PRONOUN_SUBJECT,
    PROVINCE_COMPARATOR,
    QUALIFIER,
    RANKED,
    RESPECTIVELY,
    SALES_OF,
    SCALES,
    SHARE_AFTER,
    SHARE_BEFORE,
    THAN,
    UNIT_AFTER,
    YEAR,
)
from flows.periods import (
    DATE_RANGE,
    PARTIAL_DATE,
    PeriodPhrase,
    find_dates,
    find_periods,
    period_code,
    stated_range,
)
from flows.reference import Match, Reference
from flows.text import Layout, ReportError, Span, clauses, layout, report_text, sentences

CUE_WINDOW = 60


@dataclass(frozen=True)
class Quantity:
    """A number as written, with its unit kind and scale already applied."""

    value: float
    half_unit: float  # what rounding hides: "5.6" stands for 5.55–5.65, "38.5 billion" for ±0.05 billion
    kind: str  # percent | points | yuan | foreign_currency | count | bare
    text: str
    start: int
    end: int
    qualifier: str | None = None
    noun: Match | None = None


@dataclass(frozen=True)
class Observation:
    region_code: str
    segment_code: str
    period_code: str
    metric_code: str
    value: float
    half_unit: float  # the figure stands for value ± half_unit, as rounded in the text
    unit: str
    qualifier: str | None
    figure_text: str
    figure_start: int
    figure_end: int
    evidence: str
    evidence_start: int
    evidence_end: int
    conversion: str | None = None  # the article's own conversion, e.g. "8.91 billion U.S. dollars"
    origin: str = "text"  # or "correction": set by hand in the raw folder's corrections.csv
    note: str | None = None


@dataclass(frozen=True)
class Mention:
    """Something the report names, with or without a figure: a category or a place."""

    mention_kind: str  # segment | region
    code: str
    text: str
    start: int
    end: int
    evidence: str


@dataclass(frozen=True)
class SetAside:
    """A number that is not an observation, and why."""

    disposition: str  # not_a_figure | needs_review
    reason: str
    text: str
    start: int
    end: int
    evidence: str
    candidate: Observation | None = None  # what it would be, when only its place is unknown


@dataclass(frozen=True)
class Extraction:
    title: str | None
    source: str | None
    report_date: date
    region_code: str | None
    observations: list[Observation]
    mentions: list[Mention]
    set_aside: list[SetAside]
    event_dates: dict[str, tuple[date, date]]  # event period code -> the dates the text gives it

    @property
    def review_candidates(self) -> list[Observation]:
        """Figures read in full but held for review because their place is unknown ("?Name")."""
        return [s.candidate for s in self.set_aside if s.candidate]


def extract(text: str, reference: Reference, name: str = "report") -> Extraction:
    """Everything one report says, resolved against the reference data."""
    page = layout(text)
    report_date = _report_date(page, text, name)
    body_sentences = [s for paragraph in page.body for s in sentences(paragraph)]
    main_region = _main_region(page.title, body_sentences, reference)
    in_title = _subject_periods(page.title) if page.title else []
    in_body = [p for s in body_sentences for p in _subject_periods(s)]
    default_period = next(iter(in_title + [p for p in in_body if not p.event] + in_body), None)
    extractor = _SentenceExtractor(reference, report_date, main_region, default_period)
    for paragraph in page.body:
        extractor.previous = None  # what a sentence inherits stays within its paragraph
        for sentence in sentences(paragraph):
            extractor.read(sentence)
    extractor.account_for_page(page)
    extractor.merge_repeats()
    return Extraction(
        title=page.title.text if page.title else None,
        source=page.source,
        report_date=report_date,
        region_code=main_region.code if main_region and main_region.code else None,
        observations=extractor.observations,
        mentions=extractor.mentions,
        set_aside=extractor.set_aside,
        event_dates=extractor.event_dates,
    )


def _report_date(page: Layout, text: str, name: str) -> date:
    """The latest full date the report states: a report is informed after what it describes."""
    dates = [d.value for p in page.body for d in find_dates(p.text)]
    if not dates:
        dates = [d.value for d in find_dates(text)]
    if not dates:
        raise ReportError(f"{name}: no report date found in the text")
    return max(dates)


def _main_region(title: Span | None, body: list[Span], reference: Reference) -> Match | None:
    """The region the report is about: the one its title names (a place the gazetteer does not
    know included, code ''), else the province (or, failing that, the place) its text names most."""
    in_title = reference.region_matcher.find(title.text) if title else []
    if in_title:
        return in_title[0]
    # a place the gazetteer does not know, named in the title ("Anxi's tea …") and in full in the
    # text ("Anxi County"): the report is about it
    unknown = [m for sentence in body for m in PLACE.finditer(sentence.text)]
    for place in unknown:
        if title and re.search(rf"\b{re.escape(place.group('name'))}\b", title.text):
            return Match("", place.group(), 0, 0)
    counts: Counter[str] = Counter(
        match.code for sentence in body for match in reference.region_matcher.find(sentence.text)
    )
    for levels in (("province",), ("prefecture", "county", "city")):
        candidates = [code for code, _ in counts.most_common() if reference.region_level(code) in levels]
        if candidates:
            return Match(candidates[0], "", 0, 0)
    return None


def _subject_periods(sentence: Span) -> list[PeriodPhrase]:
    """Period phrases that say when a figure is for, not what it is compared with."""
    return [
        p
        for p in find_periods(sentence.text, sentence.start)
        if not NOT_PERIOD_BEFORE.search(sentence.text[: p.start - sentence.start][-30:])
        and not COMPARED_PERIOD.search(
            sentence.text[max(0, p.start - sentence.start - 40) : p.start - sentence.start]
        )
    ]


def find_quantities(sentence: Span, reference: Reference) -> list[Quantity]:
    text = sentence.text
    quantities = []
    for m in NUMBER.finditer(text):
        number = Decimal(m.group("num").replace(",", ""))
        before, after = text[: m.start()], text[m.end() :]
        kind, end, scale = "bare", m.end(), 1.0
        for unit_kind, pattern in UNIT_AFTER:
            if unit := pattern.match(after):
                kind, end = unit_kind, m.end() + unit.end()
                scale = SCALES.get((unit.groupdict().get("scale") or "").lower(), 1.0)
                break
        start = m.start()
        for unit_kind, pattern in CURRENCY_BEFORE:
            if kind in ("bare", "count") and (prefix := pattern.search(before)):
                kind, start = unit_kind, prefix.start()
        noun = None
        if kind in ("bare", "count"):
            nouns = reference.count_phrase_matcher.find(text[end:], end)
            if nouns and not text[end : nouns[0].start].strip():
                noun, kind, end = nouns[0], "count", nouns[0].end
        qualifier = QUALIFIER.search(text[:start])
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
    return quantities


@dataclass(frozen=True)
class _Subject:
    """What a figure is about when a list assigns it: "A and B grew 5 and 7 percent respectively"."""

    segment: str | None = None
    region: Match | None = None
    count_figure: int | None = None  # start of the count whose growth this is
    counted: Observation | None = None


@dataclass(frozen=True)
class _Context:
    """Where a figure stands: its sentence and clause, the names they hold, and the index of the
    sentence's first observation (those after it are the sentence's own)."""

    sentence: Span
    clause: Span
    segments: list[Match]
    regions: list[Match]
    first_observation: int
    figure_clauses: list[tuple[int, int]]  # clauses that state a figure of their own
    appositive_clauses: list[tuple[int, int]]  # "a pillar industry of Hefei", "led by Yantai apples"


NOT_RETAIL_REASON = "not a retail series"
CORRECTIONS_FILE = "corrections.csv"


class _SentenceExtractor:
    """Reads a report sentence by sentence, carrying what a sentence inherits from earlier ones."""

    def __init__(
        self,
        reference: Reference,
        report_date: date,
        main_region: Match | None,
        default_period: PeriodPhrase | None,
    ) -> None:
        self.reference = reference
        self.report_date = report_date
        self.main_region = main_region
        self.default_period = default_period
        self.observations: list[Observation] = []
        self.mentions: list[Mention] = []
        self.set_aside: list[SetAside] = []
        self.previous: Observation | None = None  # the paragraph's latest observation
        self.event_dates: dict[str, tuple[date, date]] = {}

    def read(self, sentence: Span) -> None:
        ref = self.reference
        segments = ref.segment_matcher.find(sentence.text, sentence.start)
        regions = self._regions(sentence)
        self._record_mentions(sentence, segments, regions)
        self._record_event_dates(sentence)
        quantities = find_quantities(sentence, ref)
        if CJK.search(sentence.text) and len(CJK.findall(sentence.text)) * 3 > len(sentence.text):
            for quantity in quantities:
                self._aside(sentence, quantity, "not_a_figure", "in Chinese-language text")
            return
        not_figures = self._not_figure_spans(sentence)
        figures = []
        for quantity in quantities:
            reason = next((r for r, s, e in not_figures if s <= quantity.start < e), None)
            if reason:
                self._aside(sentence, quantity, "not_a_figure", reason)
            else:
                figures.append(quantity)
        subjects, leaders = self._lists(sentence, figures, segments, regions)
        first_in_sentence = len(self.observations)
        figure_clauses = [
            (c.start, c.end)
            for c in clauses(sentence)
            if any(c.start <= q.start < c.end + 1 for q in figures)
        ]
        appositive_clauses = [(c.start, c.end) for c in clauses(sentence) if APPOSITIVE.match(c.text)]
        for quantity in figures:
            clause = next(c for c in clauses(sentence) if c.start <= quantity.start < c.end + 1)
            leader = leaders.get(quantity.start)
            subject = subjects.get(quantity.start)
            if subject and subject.count_figure is not None:  # "…sessions and viewers, up 5 and 7 percent"
                counted = [
                    o for o in self.observations[first_in_sentence:] if o.figure_start == subject.count_figure
                ]
                subject = _Subject(counted=counted[0]) if counted else None
            context = _Context(
                sentence, clause, segments, regions, first_in_sentence, figure_clauses, appositive_clauses
            )
            observation = self._observe(context, quantity, subject, leader)
            if observation:
                self.observations.append(observation)
                self.previous = observation

                if quantity.start in leaders.values():
                    leaders = {k: (observation if v == quantity.start else v) for k, v in leaders.items()}

    def _record_event_dates(self, sentence: Span) -> None:
        """Dates a sentence gives a named event ("the Spring Festival holiday from Jan 28 to Feb 4")."""
        for phrase in find_periods(sentence.text):
            if phrase.event:
                code = period_code(phrase, self.report_date)
                if code not in self.event_dates and (stated := stated_range(sentence.text, int(code[:4]))):
                    self.event_dates[code] = stated

    def merge_repeats(self) -> None:
        """One fact per region, segment, period and measure: a repeat with the same value is a
        second piece of evidence; a different value is a conflict to review."""
        kept: dict[tuple[str, str, str, str], Observation] = {}
        for observation in self.observations:
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
            self.set_aside.append(
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
        self.observations = list(kept.values())

    def account_for_page(self, page: Layout) -> None:
        """Numbers outside the body are set aside too, so that none goes unaccounted for: page
        furniture, and headline figures (a repeat of a body figure, or one to review)."""
        stated = {abs(o.value) for o in self.observations}
        for span, where in [(page.breadcrumb, "furniture"), (page.title, "headline")] + [
            (paragraph, "furniture") for paragraph in page.furniture
        ]:
            if span is None:
                continue
            for quantity in find_quantities(span, self.reference):
                if where == "furniture":
                    self._aside(span, quantity, "not_a_figure", "page furniture")
                elif quantity.kind == "bare" or quantity.value in stated:
                    self._aside(span, quantity, "not_a_figure", "in the headline, stated in the body")
                else:
                    self._aside(span, quantity, "needs_review", "headline figure not stated in the body")

    def _regions(self, sentence: Span) -> list[Match]:
        """Places named in the sentence, known ones with their code, unknown ones with code ''.
        A place after "than" is a comparator, not the subject."""
        known = self.reference.region_matcher.find(sentence.text, sentence.start)
        unknown = [
            Match("", m.group(), sentence.start + m.start(), sentence.start + m.end())
            for m in PLACE.finditer(sentence.text)
        ]
        unknown = [u for u in unknown if not any(k.start < u.end and u.start < k.end for k in known)]
        nation = self.reference.nation_code
        text = sentence.text
        places = []
        for r in sorted(known + unknown, key=lambda r: r.start):
            if AFTER_THAN.search(text[: r.start - sentence.start]):
                continue
            # "home to some of the country's biggest platforms" does not make a figure national
            if r.code == nation and NOT_SUBJECT_AFTER.match(text[r.end - sentence.start :]):
                continue
            # "Anxi County, Fujian province" / "Anxi County in southeast China's Fujian": a locator
            if places and self._locates(
                places[-1], r, text[places[-1].end - sentence.start : r.start - sentence.start]
            ):
                continue
            places.append(r)
        return places

    def _locates(self, place: Match, other: Match, between: str) -> bool:
        """Whether `other` only says where `place` is: a province named right after a smaller place."""
        level = self.reference.region_level
        smaller = not place.code or level(place.code) not in ("nation", "province")
        return (
            smaller
            and bool(other.code)
            and level(other.code) == "province"
            and bool(LOCATOR_BETWEEN.match(between))
        )

    def _not_figure_spans(self, sentence: Span) -> list[tuple[str, int, int]]:
        text, offset = sentence.text, sentence.start
        spans = [("part of a date", d.start, d.end) for d in find_dates(text)]
        spans += [("part of a date", m.start(), m.end()) for m in PARTIAL_DATE.finditer(text)]
        spans += [("part of a date", m.start(), m.end()) for m in DATE_RANGE.finditer(text)]
        spans += [("part of an event's name", p.start, p.end) for p in find_periods(text) if p.event]
        spans += [
            (reason, m.start(), m.end()) for reason, pattern in NOT_FIGURES for m in pattern.finditer(text)
        ]
        return [(reason, offset + s, offset + e) for reason, s, e in spans]

    def _lists(self, sentence, figures, segments, regions) -> tuple[dict[int, _Subject], dict[int, int]]:
        """Figures given as a list for a list of subjects, matched in order. Returns each listed
        figure's subject and, for all but the first of a list, the first figure (whose wording
        says what they all measure)."""
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
        subjects: dict[int, _Subject] = {}
        leaders: dict[int, int] = {}
        generic = self.reference.generic_segment_aliases
        for listed in runs:
            first = listed[0].start
            named_segments = [m for m in segments if m.end <= first and m.text.casefold() not in generic]
            named_regions = [m for m in regions if m.end <= first]
            respectively = RESPECTIVELY.search(sentence.text[listed[-1].end - sentence.start :][:40])
            for candidates, make in (
                (named_segments, lambda m: _Subject(segment=m.code)),
                (named_regions, lambda m: _Subject(region=m)),
            ):
                chosen = self._listed_names(sentence, candidates, len(listed))
                if chosen and (respectively or len(chosen) == len(listed)):
                    for quantity, name in zip(listed, chosen, strict=True):
                        subjects[quantity.start] = make(name)
                    break
            counts = [q for q in figures if q.kind == "count" and q.end <= first]
            if listed[0].start not in subjects and listed[0].kind == "percent" and len(counts) >= len(listed):
                for quantity, count in zip(listed, counts[-len(listed) :], strict=True):
                    subjects[quantity.start] = _Subject(count_figure=count.start)
            if listed[0].start in subjects:
                leaders.update({q.start: first for q in listed[1:]})
        return subjects, leaders

    def _listed_names(self, sentence: Span, names: list[Match], count: int) -> list[Match] | None:
        """The last `count` names, if they are written as one list ("A, B and C")."""
        if len(names) < count:
            return None
        chosen = names[-count:]
        for left, right in itertools.pairwise(chosen):
            between = sentence.text[left.end - sentence.start : right.start - sentence.start]
            if not LIST_JOINER.match(SALES_OF.sub("", between)):
                return None
        return chosen

    def _record_mentions(self, sentence: Span, segments: list[Match], regions: list[Match]) -> None:
        for match in segments:
            if self.reference.segment_kind(match.code) == "category":
                self.mentions.append(
                    Mention("segment", match.code, match.text, match.start, match.end, sentence.text)
                )
        for match in regions:
            if match.code and self.reference.region_level(match.code) not in ("nation", "province"):
                self.mentions.append(
                    Mention("region", match.code, match.text, match.start, match.end, sentence.text)
                )

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

    def _observe(
        self,
        context: _Context,
        quantity: Quantity,
        subject: _Subject | None,
        leader: Observation | int | None,
    ) -> Observation | None:
        sentence, clause, segments, regions = (
            context.sentence,
            context.clause,
            context.segments,
            context.regions,
        )
        previous, first_in_sentence = self.previous, context.first_observation
        before = clause.text[: quantity.start - clause.start][-CUE_WINDOW:]
        after = clause.text[quantity.end - clause.start :][:CUE_WINDOW]
        in_sentence = previous if previous and len(self.observations) > first_in_sentence else None
        if subject and subject.counted:
            sign = _direction(before, after) or 1
            metric = subject.counted.metric_code.removesuffix("_count") + "_yoy_growth_pct"
            value = sign * quantity.value
            subject = _Subject(segment=subject.counted.segment_code)
        elif isinstance(leader, Observation):  # a later figure of a list measures what the first does
            metric = leader.metric_code
            value = -quantity.value if leader.value < 0 < quantity.value else quantity.value
        else:
            metric, value = self._measure(sentence, clause, quantity, before, after, segments, previous)
        if metric is None:
            return None
        if subject and subject.segment:
            segment = self._scoped(subject.segment, segments, quantity)
        else:
            segment = self._segment(
                sentence, clause, quantity, metric, segments, previous, in_sentence, context.figure_clauses
            )
        if segment is None:
            self._aside(sentence, quantity, "needs_review", "no segment named for this figure")
            return None
        period = self._period(sentence, clause, quantity, previous)
        if period is None:
            self._aside(sentence, quantity, "needs_review", "no period found for this figure")
            return None
        if NATIONAL_FIGURE.search(before) and metric == "yoy_growth_pct":  # "the national average of 7.2%"
            region: Match | None = Match(self.reference.nation_code, "", 0, 0)
        elif subject and subject.region:
            region = subject.region
        else:
            if metric == "share_pct":  # "Shenzhen … 33.1 percent of the provincial total"
                regions = [r for r in regions if r.end <= quantity.start]
            region = self._region(context, quantity, regions, in_sentence)
            # "…, with its online retail sales rising 10.4 percent": its = the sentence's subject,
            # else the paragraph's when this sentence names no place
            if PRONOUN_SUBJECT.search(clause.text) and not any(
                clause.start <= r.start < clause.end for r in regions
            ):
                if in_sentence:
                    region = Match(in_sentence.region_code, "", 0, 0)
                elif previous and not any(r.start < quantity.start for r in regions):
                    region = Match(previous.region_code, "", 0, 0)
        observation = Observation(
            region_code=(region.code or f"?{region.text}") if region else "",
            segment_code=segment,
            period_code=period,
            metric_code=metric,
            value=value,
            half_unit=quantity.half_unit,
            unit=self._unit(metric, segment),
            qualifier=quantity.qualifier,
            figure_text=quantity.text,
            figure_start=quantity.start,
            figure_end=quantity.end,
            evidence=sentence.text,
            evidence_start=sentence.start,
            evidence_end=sentence.end,
        )
        if region is None:
            self._aside(sentence, quantity, "needs_review", "no region found for this figure")
            return None
        if observation.region_code.startswith("?"):  # a place the gazetteer does not know: for review
            place = observation.region_code.removeprefix("?")
            self._aside(sentence, quantity, "needs_review", f"unknown place '{place}'", observation)
            return None
        return observation

    def _measure(self, sentence, clause, quantity, before, after, segments, previous):
        """(metric code, signed value), or (None, None) once the number has been set aside."""
        kind, value = quantity.kind, quantity.value
        if kind in ("percent", "points", "yuan", "count") and self._not_retail(
            sentence, clause, quantity, segments
        ):
            self._aside(sentence, quantity, "not_a_figure", NOT_RETAIL_REASON)
            return None, None
        if kind == "percent":
            if SHARE_BEFORE.search(before) or SHARE_AFTER.match(after):
                return "share_pct", value
            # "easing from 15 percent in H1": an earlier growth rate, stated as it was
            sign = 1 if FROM_RATE.search(before) else _direction(before, after)
            if sign is None:
                self._aside(sentence, quantity, "needs_review", "percentage with no measure cue")
                return None, None
            return self._growth_metric(clause, segments, previous), sign * value
        if kind == "points":
            signed = -value if BELOW.search(after) or GROWTH_DOWN.search(after[:25]) else value
            if NATIONAL.search(before) or NATIONAL.search(after):
                return "gap_vs_national_pp", signed
            if PROVINCE_COMPARATOR.search(before) or PROVINCE_COMPARATOR.search(after):
                return "gap_vs_province_pp", signed
            if self._compared_segment(clause, quantity, segments):
                return "gap_vs_segment_pp", signed
            if EARLIER_PERIOD_COMPARATOR.search(before) or EARLIER_PERIOD_COMPARATOR.search(after):
                return "growth_change_pp", signed
            if previous and previous.metric_code == "share_pct":
                return "share_change_pp", (_direction(before, after) or 1) * value
            self._aside(sentence, quantity, "needs_review", "percentage points with no comparator")
            return None, None
        if kind == "yuan":
            return "amount_cny", value
        if kind == "count" and quantity.noun and quantity.noun.code:
            return f"{quantity.noun.code}_count", value
        if kind == "count" or (kind == "bare" and not YEAR.fullmatch(quantity.text) and value >= 10):
            counted = self._counted(clause, quantity)
            if counted:
                return f"{counted}_count", value
            self._aside(sentence, quantity, "needs_review", "count of an unrecognised quantity")
            return None, None
        if kind == "foreign_currency":
            converts = (
                previous
                and previous.metric_code == "amount_cny"
                and previous.evidence_start == sentence.start
            )
            if converts and quantity.start - previous.figure_end < 30:
                # "61.2 billion yuan (about 8.91 billion U.S. dollars)": kept with the yuan figure
                self.observations[self.observations.index(previous)] = self.previous = dataclasses.replace(
                    previous, conversion=quantity.text
                )
            self._aside(sentence, quantity, "not_a_figure", "currency conversion")
            return None, None
        if YEAR.fullmatch(quantity.text):
            self._aside(sentence, quantity, "not_a_figure", "a year")
            return None, None
        self._aside(sentence, quantity, "needs_review", "number without a unit or measure")
        return None, None

    def _not_retail(self, sentence: Span, clause: Span, quantity: Quantity, segments: list[Match]) -> bool:
        """The figure's subject is income, GDP, investment or trade: the nearest subject before it
        in its clause is such a series rather than a retail segment; or its clause only adds to
        such a figure ("foreign trade totaled 7.55 trillion yuan, up 10.5 percent")."""
        text = clause.text[: quantity.start - clause.start]
        series = [clause.start + m.end() for m in NOT_RETAIL.finditer(text)]
        if not series:
            set_aside = [
                s.start
                for s in self.set_aside
                if s.evidence == sentence.text and s.reason == NOT_RETAIL_REASON
            ]
            observed = [o.figure_start for o in self.observations if o.evidence_start == sentence.start]
            names_segment = any(clause.start <= m.start < clause.end for m in segments)
            return bool(set_aside) and max(set_aside) > max(observed, default=-1) and not names_segment
        retail = [
            m.end
            for m in segments
            if clause.start <= m.start < quantity.start and self.reference.segment_kind(m.code) != "scope"
        ]
        return max(series) > max(retail, default=-1)

    def _compared_segment(self, clause: Span, quantity: Quantity, segments: list[Match]) -> bool:
        """A gap against another segment: "... faster than physical goods"."""
        after = clause.text[quantity.end - clause.start :]
        than = THAN.search(after)
        if not than:
            return False
        position = clause.start + (quantity.end - clause.start) + than.end()
        return any(m.start == position and self.reference.segment_kind(m.code) != "scope" for m in segments)

    def _counted(self, clause: Span, quantity: Quantity) -> str | None:
        """What a count counts: a counted-thing phrase in its clause, nearest first."""
        phrases = [m for m in self.reference.count_phrase_matcher.find(clause.text, clause.start) if m.code]
        return min(phrases, key=lambda m: _distance(m, quantity)).code if phrases else None

    def _growth_metric(self, clause: Span, segments: list[Match], previous) -> str:
        """Growth of sales, unless the clause names no segment and follows a count:
        then it is the growth of the counted thing ("45,000 sessions, up 67 percent")."""
        in_clause = [m for m in segments if clause.start <= m.start < clause.end]
        if not in_clause and previous and previous.metric_code.endswith("_count"):
            return previous.metric_code.removesuffix("_count") + "_yoy_growth_pct"
        return "yoy_growth_pct"

    def _segment(
        self, sentence, clause, quantity, metric, segments, previous, in_sentence, figure_clauses
    ) -> str | None:
        """The segment a figure is about: named in its clause (the subject before the figure first),
        else earlier in its sentence, else inherited; a share is of the subject before it."""
        generic = self.reference.generic_segment_aliases
        kind = self.reference.segment_kind
        named = [
            m for m in segments if m.text.casefold() not in generic and not self._after_than(m, sentence)
        ]
        if metric == "share_pct":  # "X accounted for 30 percent of Y": the share is X's
            named = [m for m in named if m.end <= quantity.start or kind(m.code) == "scope"]
        subjects = named
        in_clause = [m for m in subjects if clause.start <= m.start < clause.end]
        before = [m for m in in_clause if m.end <= quantity.start]
        earlier = [m for m in subjects if m.end <= quantity.start]
        is_count = metric.endswith("_count")
        if (
            is_count
            and in_sentence
            and not (in_sentence.metric_code.endswith("_count") and COUNT_CONTINUATION.match(clause.text))
        ):
            in_sentence = None  # "… 9.6 million sessions, attracting 2.1 billion views": counts chain
        # a name after the sentence's previous figure starts a new subject: "tea grew 23.5 percent,
        # and household appliances, a pillar industry, rose 15.2 percent"
        fresh = [
            m
            for m in earlier
            if not in_sentence
            or (m.start > in_sentence.figure_end and not any(s <= m.start < e for s, e in figure_clauses))
        ]
        generic_in_clause = any(
            clause.start <= m.start < clause.end and m.text.casefold() in generic for m in segments
        )
        if before or in_clause:
            base = (before[-1] if before else min(in_clause, key=lambda m: _distance(m, quantity))).code
        elif fresh and not is_count:
            base = fresh[-1].code
        elif in_sentence:
            return in_sentence.segment_code
        elif generic_in_clause:
            return "total"
        elif earlier and not is_count:
            base = earlier[-1].code
        elif is_count:
            return self.reference.quantities[metric.removesuffix("_count")]["segment"]
        elif previous:
            return previous.segment_code
        else:  # nothing named: in these reports, a bare "sales" is total online retail
            return "total"
        return self._scoped(base, named, quantity, anywhere=metric == "share_pct")

    def _after_than(self, match: Match, span: Span) -> bool:
        return bool(AFTER_THAN.search(span.text[: match.start - span.start]))

    def _scoped(self, base: str, segments: list[Match], quantity: Quantity, anywhere: bool = False) -> str:
        """physical goods or services within a scope named earlier ("rural ... services"); for a
        share, the scope may be the whole it is a share of ("… 88.6 percent of the rural total")."""
        kind = self.reference.segment_kind
        scopes = [
            m.code for m in segments if kind(m.code) == "scope" and (anywhere or m.start < quantity.start)
        ]
        for scope in reversed(scopes):
            if (scope, base) in self.reference.scoped_segments:
                return self.reference.scoped_segments[(scope, base)]
        return base

    def _period(
        self, sentence: Span, clause: Span, quantity: Quantity, previous: Observation | None
    ) -> str | None:
        """The period right after the figure ("12.5 percent in the second quarter"), else named
        before it in its clause or sentence, else after it in its clause, else the period of the
        paragraph's figure before, else the report's."""
        phrases = _subject_periods(sentence)
        in_clause = [p for p in phrases if clause.start <= p.start < clause.end]
        bound = [
            p
            for p in in_clause
            if p.start >= quantity.end
            and PERIOD_BINDING.match(sentence.text[quantity.end - sentence.start : p.start - sentence.start])
        ]
        earlier = [p for p in phrases if p.end <= quantity.start]
        if bound:
            phrase = bound[0]
        elif earlier:
            phrase = earlier[-1]
        elif in_clause:
            phrase = in_clause[0]
        elif previous:
            return previous.period_code
        elif self.default_period:
            phrase = self.default_period
        else:
            return None
        return period_code(phrase, self.report_date)

    def _region(
        self, context: _Context, quantity: Quantity, regions: list[Match], in_sentence: Observation | None
    ) -> Match | None:
        """The place named in the figure's clause; else, for a clause that only adds to the figure
        before it ("…, up 5 percent"), that figure's place; else a place named up front in a clause
        of its own ("In Guangdong, …"); else the report's region."""
        clause = context.clause
        in_clause = [m for m in regions if clause.start <= m.start < clause.end]
        after = [
            m
            for m in in_clause
            if m.start >= quantity.end
            and not (
                m.code == self.reference.nation_code and RANKED.search(clause.text[: m.start - clause.start])
            )
        ]
        before = [m for m in in_clause if m.end <= quantity.start]
        if before or after:
            return before[-1] if before else after[0]
        topics = [
            m
            for m in regions
            if m.end <= quantity.start
            and not any(s <= m.start < e for s, e in context.figure_clauses)
            and not any(s <= m.start < e for s, e in context.appositive_clauses)
        ]
        # "…, while online tourism bookings in Heilongjiang, home to Harbin's …, totaled …"
        fresh = [m for m in topics if in_sentence and m.start > in_sentence.figure_end]
        if fresh:
            return fresh[0]
        names_segment = any(clause.start <= m.start < clause.end for m in context.segments)
        if in_sentence and not names_segment:
            return Match(in_sentence.region_code, "", 0, 0)
        if topics:
            return topics[-1]
        return self.main_region

    def _unit(self, metric: str, segment: str) -> str:
        ref = self.reference
        if metric == "share_pct":
            parent = ref.segments[segment]["parent_code"]
            return f"percent of {ref.segments[parent]['full_name']}" if parent else "percent"
        if metric.endswith("_count"):
            return ref.quantities[metric.removesuffix("_count")]["unit"]
        if metric.endswith("_growth_pct"):
            return "percent"
        return ref.metrics[metric]["unit"]


def _direction(before: str, after: str) -> int | None:
    """+1 for growth, -1 for decline, None without a cue; the cue nearest the number wins."""
    cues = []
    for pattern, sign in ((GROWTH_UP, 1), (GROWTH_DOWN, -1)):
        cues += [(len(before) - m.end(), sign) for m in pattern.finditer(before)]
        cues += [(m.start(), sign) for m in pattern.finditer(after)]
    return min(cues)[1] if cues else None


def _distance(match: Match, quantity: Quantity) -> int:
    return quantity.start - match.end if match.end <= quantity.start else match.start - quantity.end


@dataclass(frozen=True)
class ExtractedReport:
    raw: RawReport
    text: str
    extraction: Extraction


@dataclass(frozen=True)
class ExtractedBatch:
    reports: list[ExtractedReport]
    rejected: list[Rejected]
    reused: list[RawReport] = field(default_factory=list)  # unchanged: staging rows copied as published
    skipped: list[str] = field(default_factory=list)  # outside a backfill's regions and periods

    @property
    def observation_count(self) -> int:
        return sum(len(r.extraction.observations) for r in self.reports)

    @property
    def corrections_rejected(self) -> bool:
        """A bad corrections file: publishing without it would publish figures known to be wrong."""
        return any(r.path == CORRECTIONS_FILE for r in self.rejected)

    def review_lines(self) -> dict[str, list[str]]:
        """Per report path, one line per number it holds that was not understood."""
        review = {
            r.raw.path: [
                f"{s.text!r}: {s.reason}, in: {_shorten(s.evidence)}"
                for s in r.extraction.set_aside
                if s.disposition == "needs_review"
            ]
            for r in self.reports
        }
        return {path: lines for path, lines in review.items() if lines}


def _shorten(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def extract_reports(discovery: Discovery, reference: Reference) -> ExtractedBatch:
    """Extract every report; a report that cannot be used is rejected with a one-line reason."""
    extracted, rejected = [], list(discovery.rejected)
    for raw in discovery.reports:
        try:
            text = report_text(raw.data, raw.path)
            extraction = extract(text, reference, raw.path)
        except ReportError as error:
            rejected.append(Rejected(raw.path, str(error)))
            continue
        if not extraction.observations and not any(
            s.disposition == "needs_review" for s in extraction.set_aside
        ):
            rejected.append(Rejected(raw.path, f"{raw.path}: no figures found in the report"))
            continue
        extracted.append(ExtractedReport(raw, text, extraction))
    return ExtractedBatch(extracted, rejected)


KEY_COLUMNS = ("region", "segment", "period", "measure", "value", "unit", "qualifier", "evidence")


def key_rows(observations: list[Observation], reference: Reference) -> list[dict[str, object]]:
    """Observations in the answer key's shape (names, not codes), as tests/corpus/README.md says."""
    return [
        {
            "region": o.region_code
            if o.region_code.startswith("?")
            else reference.regions[o.region_code]["region_name"],
            "segment": reference.segments[o.segment_code]["segment_name"],
            "period": o.period_code,
            "measure": o.metric_code,
            "value": o.value,
            "unit": o.unit,
            "qualifier": o.qualifier or "",
            "evidence": o.evidence,
        }
        for o in observations
    ]
