"""Turn one report's text into observations: every figure with its measure, region, segment,
period and the sentence that states it; plus what the report names without a figure, and
every number it set aside (not a figure, or needing review) with the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from flows.discover import RawReport
from flows.periods import PARTIAL_DATE, PeriodPhrase, find_dates, find_periods, period_code
from flows.reference import Match, Reference
from flows.text import Layout, ReportError, Span, clauses, layout, report_text, sentences

NUMBER = re.compile(r"(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])")
SCALES = {"trillion": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "m": 1e6, "thousand": 1e3}
_SCALE = r"(?:\s*(?P<scale>trillion|billion|million|thousand|bn|b|m)\b)?"
UNIT_AFTER = [
    ("points", re.compile(r"\s*(?:percentage|pct\.?)\s+points?\b|\s*points?\b", re.I)),
    ("percent", re.compile(r"\s*-?\s*(?:percent\b|per\s+cent\b|pct\b|%)", re.I)),
    ("yuan", re.compile(_SCALE + r"\s*(?:yuan|rmb)\b", re.I)),
    ("foreign_currency", re.compile(_SCALE + r"\s*(?:u\.?s\.?\s+dollars?|dollars?|usd)\b", re.I)),
    ("count", re.compile(r"\s*(?P<scale>trillion|billion|million|thousand)\b", re.I)),
]
CURRENCY_BEFORE = [
    ("yuan", re.compile(r"(?:rmb|cny|¥)\s*$", re.I)),
    ("foreign_currency", re.compile(r"(?:us\s*)?\$\s*$", re.I)),
]
QUALIFIER = re.compile(
    r"\b(?P<q>about|around|approximately|nearly|almost|over|more than|less than|close to|roughly"
    r"|at least|up to)\s+(?:rmb\s*|¥|\$)?$",
    re.I,
)
YEAR = re.compile(r"(?:19|20)\d{2}")

SHARE_BEFORE = re.compile(
    r"\b(?:accounted\s+for|accounting\s+for|accounts?\s+for|made\s+up|making\s+up|makes\s+up"
    r"|represent(?:ed|ing|s)?|constitut(?:ed|ing)|(?:share|proportion)\b[^,;]{0,40}?"
    r"\b(?:was|is|of|reached|stood\s+at|rose\s+to|to))\s+(?:about\s+|nearly\s+|over\s+"
    r"|more\s+than\s+|around\s+)?$",
    re.I,
)
SHARE_AFTER = re.compile(r"^\s*of\s+(?:the\s+)?(?:total|all|overall|whole)\b", re.I)
GROWTH_UP = re.compile(
    r"\b(?:increase[sd]?|increasing|increment|growth|gr[eo]w(?:s|n|ing)?|rose|ris(?:e|es|ing)"
    r"|up|surged?|surging|jump(?:ed|s)?|climb(?:ed|s)?|expand(?:ed|s)?|gain(?:ed|s)?"
    r"|yoy|year[- ]on[- ]year)\b",
    re.I,
)
GROWTH_DOWN = re.compile(
    r"\b(?:decrease[sd]?|decreasing|declin(?:e|ed|es|ing)|fell|fall(?:s|en)?|down|drop(?:ped|s)?"
    r"|dipped|shr[au]nk|contract(?:ed|ion))\b",
    re.I,
)
NATIONAL = re.compile(
    r"national\s+average|national\s+level|national\s+growth|nationwide\s+average"
    r"|(?:that|those)\s+of\s+the\s+(?:country|nation|whole\s+country)|country'?s\s+average",
    re.I,
)
BELOW = re.compile(r"\b(?:lower|below|slower|less|under)\b", re.I)
AFTER_THAN = re.compile(r"\bthan\s+(?:that\s+of\s+|those\s+of\s+)?(?:the\s+)?$", re.I)
CUE_WINDOW = 60


@dataclass(frozen=True)
class Quantity:
    """A number as written, with its unit kind and scale already applied."""

    value: float
    decimals: int  # as written: "5.6" has 1, so it stands for 5.55 to 5.65
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
    decimals: int
    unit: str
    qualifier: str | None
    figure_text: str
    figure_start: int
    figure_end: int
    evidence: str
    evidence_start: int
    evidence_end: int


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


@dataclass(frozen=True)
class Extraction:
    title: str | None
    source: str | None
    report_date: date
    region_code: str | None
    observations: list[Observation]
    mentions: list[Mention]
    set_aside: list[SetAside]


def extract(text: str, reference: Reference, name: str = "report") -> Extraction:
    """Everything one report says, resolved against the reference data."""
    page = layout(text)
    report_date = _report_date(page, text, name)
    body_sentences = [s for paragraph in page.body for s in sentences(paragraph)]
    main_region = _main_region(body_sentences, reference)
    default_period = next((p for s in body_sentences for p in find_periods(s.text, s.start)), None)
    extractor = _SentenceExtractor(reference, report_date, main_region, default_period)
    for sentence in body_sentences:
        extractor.read(sentence)
    return Extraction(
        title=page.title.text if page.title else None,
        source=page.source,
        report_date=report_date,
        region_code=main_region,
        observations=extractor.observations,
        mentions=extractor.mentions,
        set_aside=extractor.set_aside,
    )


def _report_date(page: Layout, text: str, name: str) -> date:
    """The latest full date the report states: a report is informed after what it describes."""
    dates = [d.value for p in page.body for d in find_dates(p.text)]
    if not dates:
        dates = [d.value for d in find_dates(text)]
    if not dates:
        raise ReportError(f"{name}: no report date found in the text")
    return max(dates)


def _main_region(body: list[Span], reference: Reference) -> str | None:
    """The region the report is about: the most often named one below the nation."""
    counts: dict[str, int] = {}
    for sentence in body:
        for match in reference.region_matcher.find(sentence.text):
            if reference.region_level(match.code) != "nation":
                counts[match.code] = counts.get(match.code, 0) + 1
    return max(counts, key=lambda code: counts[code]) if counts else None


def find_quantities(sentence: Span, reference: Reference) -> list[Quantity]:
    text = sentence.text
    quantities = []
    for m in NUMBER.finditer(text):
        number = float(m.group("num").replace(",", ""))
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
                value=round(number * scale, 6),
                decimals=len(m.group("num").partition(".")[2]),
                kind=kind,
                text=text[start:end],
                start=sentence.start + start,
                end=sentence.start + end,
                qualifier=qualifier.group("q").lower() if qualifier else None,
                noun=noun,
            )
        )
    return quantities


class _SentenceExtractor:
    """Reads a report sentence by sentence, carrying what a sentence inherits from earlier ones."""

    def __init__(
        self,
        reference: Reference,
        report_date: date,
        main_region: str | None,
        default_period: PeriodPhrase | None,
    ) -> None:
        self.reference = reference
        self.report_date = report_date
        self.main_region = main_region
        self.default_period = default_period
        self.observations: list[Observation] = []
        self.mentions: list[Mention] = []
        self.set_aside: list[SetAside] = []

    def read(self, sentence: Span) -> None:
        ref = self.reference
        segments = ref.segment_matcher.find(sentence.text, sentence.start)
        regions = [
            r
            for r in ref.region_matcher.find(sentence.text, sentence.start)
            if not AFTER_THAN.search(sentence.text[: r.start - sentence.start])
        ]
        self._record_mentions(sentence, segments, regions)
        not_figures = self._date_spans(sentence)
        previous: Observation | None = None
        for quantity in find_quantities(sentence, ref):
            if any(s <= quantity.start < e for s, e in not_figures):
                self._aside(sentence, quantity, "not_a_figure", "part of a date")
                continue
            clause = next(c for c in clauses(sentence) if c.start <= quantity.start < c.end + 1)
            observation = self._observe(sentence, clause, quantity, segments, regions, previous)
            if observation:
                self.observations.append(observation)
                previous = observation

    def _date_spans(self, sentence: Span) -> list[tuple[int, int]]:
        spans = [(d.start, d.end) for d in find_dates(sentence.text)]
        spans += [(m.start(), m.end()) for m in PARTIAL_DATE.finditer(sentence.text)]
        return [(sentence.start + s, sentence.start + e) for s, e in spans]

    def _record_mentions(self, sentence: Span, segments: list[Match], regions: list[Match]):
        for match in segments:
            if self.reference.segment_kind(match.code) == "category":
                self.mentions.append(
                    Mention("segment", match.code, match.text, match.start, match.end, sentence.text)
                )
        for match in regions:
            if self.reference.region_level(match.code) not in ("nation", "province"):
                self.mentions.append(
                    Mention("region", match.code, match.text, match.start, match.end, sentence.text)
                )

    def _aside(self, sentence: Span, quantity: Quantity, disposition: str, reason: str) -> None:
        self.set_aside.append(
            SetAside(disposition, reason, quantity.text, quantity.start, quantity.end, sentence.text)
        )

    def _observe(self, sentence, clause, quantity, segments, regions, previous):
        before = clause.text[: quantity.start - clause.start][-CUE_WINDOW:]
        after = clause.text[quantity.end - clause.start :][:CUE_WINDOW]
        metric, value = self._measure(sentence, clause, quantity, before, after, segments, previous)
        if metric is None:
            return None
        segment = self._segment(sentence, clause, quantity, segments, previous)
        if segment is None:
            self._aside(sentence, quantity, "needs_review", "no segment named for this figure")
            return None
        period = self._period(sentence, quantity)
        if period is None:
            self._aside(sentence, quantity, "needs_review", "no period found for this figure")
            return None
        region = self._region(clause, quantity, regions)
        if region is None:
            self._aside(sentence, quantity, "needs_review", "no region found for this figure")
            return None
        return Observation(
            region_code=region,
            segment_code=segment,
            period_code=period,
            metric_code=metric,
            value=value,
            decimals=quantity.decimals,
            unit=self._unit(metric, segment),
            qualifier=quantity.qualifier,
            figure_text=quantity.text,
            figure_start=quantity.start,
            figure_end=quantity.end,
            evidence=sentence.text,
            evidence_start=sentence.start,
            evidence_end=sentence.end,
        )

    def _measure(self, sentence, clause, quantity, before, after, segments, previous):
        """(metric code, signed value), or (None, None) once the number has been set aside."""
        kind, value = quantity.kind, quantity.value
        if kind == "percent":
            if SHARE_BEFORE.search(before) or SHARE_AFTER.match(after):
                return "share_pct", value
            sign = _direction(before, after)
            if sign is None:
                self._aside(sentence, quantity, "needs_review", "percentage with no measure cue")
                return None, None
            return self._growth_metric(clause, segments, previous), sign * value
        if kind == "points":
            if NATIONAL.search(before) or NATIONAL.search(after):
                return "gap_vs_national_pp", (-value if BELOW.search(after) else value)
            if previous and previous.metric_code == "share_pct":
                sign = _direction(before, after) or 1
                return "share_change_pp", sign * value
            self._aside(sentence, quantity, "needs_review", "percentage points with no comparator")
            return None, None
        if kind == "yuan":
            return "amount_cny", value
        if kind == "count" and quantity.noun and quantity.noun.code:
            return f"{quantity.noun.code}_count", value
        if kind == "count":
            counted = self._counted(clause, quantity)
            if counted:
                return f"{counted}_count", value
            self._aside(sentence, quantity, "needs_review", "count of an unrecognised quantity")
            return None, None
        if kind == "foreign_currency":
            self._aside(sentence, quantity, "not_a_figure", "currency conversion")
            return None, None
        if YEAR.fullmatch(quantity.text):
            self._aside(sentence, quantity, "not_a_figure", "a year")
            return None, None
        self._aside(sentence, quantity, "needs_review", "number without a unit or measure")
        return None, None

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

    def _segment(self, sentence, clause, quantity, segments, previous) -> str | None:
        ref = self.reference
        generic = ref.generic_segment_aliases
        named = [m for m in segments if m.text.casefold() not in generic]
        in_clause = [m for m in named if clause.start <= m.start < clause.end]
        if in_clause:
            base = min(in_clause, key=lambda m: _distance(m, quantity)).code
        elif previous:
            return previous.segment_code
        elif earlier := [m for m in named if m.end <= quantity.start]:
            base = earlier[-1].code
        elif segments:
            return "total"
        else:
            return None
        scopes = [m.code for m in named if ref.segment_kind(m.code) == "scope" and m.start < quantity.start]
        for scope in reversed(scopes):
            if (scope, base) in ref.scoped_segments:
                return ref.scoped_segments[(scope, base)]
        return base

    def _period(self, sentence: Span, quantity: Quantity) -> str | None:
        phrases = find_periods(sentence.text, sentence.start)
        if phrases:
            phrase = min(phrases, key=lambda p: abs(p.start - quantity.start))
        elif self.default_period:
            phrase = self.default_period
        else:
            return None
        return period_code(phrase, self.report_date)

    def _region(self, clause: Span, quantity: Quantity, regions: list[Match]) -> str | None:
        in_clause = [m for m in regions if clause.start <= m.start < clause.end]
        if in_clause:
            return min(in_clause, key=lambda m: _distance(m, quantity)).code
        earlier = [m for m in regions if m.end <= quantity.start]
        return earlier[-1].code if earlier else self.main_region

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
class Rejected:
    path: str
    reason: str


@dataclass(frozen=True)
class ExtractedBatch:
    reports: list[ExtractedReport]
    rejected: list[Rejected]

    @property
    def observation_count(self) -> int:
        return sum(len(r.extraction.observations) for r in self.reports)


def extract_reports(raw_reports: list[RawReport], reference: Reference) -> ExtractedBatch:
    """Extract every report; a report that cannot be used is rejected with a one-line reason."""
    extracted, rejected = [], []
    for raw in raw_reports:
        try:
            text = report_text(raw.data, raw.path)
            extracted.append(ExtractedReport(raw, text, extract(text, reference, raw.path)))
        except ReportError as error:
            rejected.append(Rejected(raw.path, str(error)))
    return ExtractedBatch(extracted, rejected)


KEY_COLUMNS = ("region", "segment", "period", "measure", "value", "unit", "qualifier", "evidence")


def key_rows(extraction: Extraction, reference: Reference) -> list[dict[str, object]]:
    """Observations in the answer key's shape (names, not codes), as tests/corpus/README.md says."""
    return [
        {
            "region": reference.regions[o.region_code]["region_name"],
            "segment": reference.segments[o.segment_code]["segment_name"],
            "period": o.period_code,
            "measure": o.metric_code,
            "value": o.value,
            "unit": o.unit,
            "qualifier": o.qualifier or "",
            "evidence": o.evidence,
        }
        for o in extraction.observations
    ]
