"""What extraction produces: observations, mentions, numbers set aside, and a report's extraction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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
class ReportDate:
    """When a report was published, and where that was read: page metadata, a full date in the
    text, a dateline with the year the text makes clear, the file name."""

    value: date
    # metadata | text | dateline | file_name | caption (a photo's date: the earliest the report can
    # be) | periods (the earliest the periods it states allow)
    source: str


@dataclass(frozen=True)
class Extraction:
    title: str | None
    source: str | None
    report_date: ReportDate | None
    region_code: str | None
    observations: list[Observation]
    mentions: list[Mention]
    set_aside: list[SetAside]
    event_dates: dict[str, tuple[date, date]]  # event period code -> the dates the text gives it
    figures_read: int = 0  # numbers with a unit (percent, points, yuan, a count) the body states

    @property
    def review_candidates(self) -> list[Observation]:
        """Figures read in full but held for review because their place is unknown ("?Name")."""
        return [s.candidate for s in self.set_aside if s.candidate]
