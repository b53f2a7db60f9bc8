"""A batch of reports through extraction: each extracted, or rejected with a one-line reason."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from flows.discover import Discovery, RawReport, Rejected
from flows.extract.assembly import extract
from flows.extract.layout import ReportError, read_report
from flows.extract.model import Extraction, Observation
from flows.reference import Reference

CORRECTIONS_FILE = "corrections.csv"


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
    held: dict[str, list[str]] = field(default_factory=dict)  # report path -> why it is held back

    @property
    def observation_count(self) -> int:
        return sum(len(r.extraction.observations) for r in self.reports)

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


@dataclass(frozen=True)
class StagedPart:
    """What a run keeps of some extracted reports once their rows are in staging: no text, no
    extraction, so that memory does not grow with the reports a run extracts."""

    report_ids: dict[str, str]  # path -> report id
    sha256: dict[str, str]  # path -> content hash
    observations: int
    rejected: list[Rejected]
    skipped: list[str]
    held: dict[str, list[str]]
    review: dict[str, list[str]]

    @classmethod
    def of(cls, batch: ExtractedBatch) -> StagedPart:
        return cls(
            report_ids={r.raw.path: r.raw.report_id for r in batch.reports},
            sha256={r.raw.path: r.raw.sha256 for r in batch.reports},
            observations=batch.observation_count,
            rejected=list(batch.rejected),
            skipped=list(batch.skipped),
            held=dict(batch.held),
            review=batch.review_lines(),
        )

    @classmethod
    def merged(cls, parts: list[StagedPart]) -> StagedPart:
        """The parts of a run as one."""
        return cls(
            report_ids={path: rid for part in parts for path, rid in part.report_ids.items()},
            sha256={path: sha for part in parts for path, sha in part.sha256.items()},
            observations=sum(part.observations for part in parts),
            rejected=[r for part in parts for r in part.rejected],
            skipped=[path for part in parts for path in part.skipped],
            held={path: reasons for part in parts for path, reasons in part.held.items()},
            review={path: lines for part in parts for path, lines in part.review.items()},
        )


def _shorten(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def extract_file(
    data: bytes, name: str, reference: Reference, seconds: float | None = None
) -> tuple[str, Extraction]:
    """A raw report file's text and extraction; ReportError when it cannot be used."""
    text, html = read_report(data, name)
    deadline = time.monotonic() + seconds if seconds else None
    return text, extract(text, reference, name, html, deadline)


def extract_reports(
    discovery: Discovery, reference: Reference, seconds_per_report: float | None = None
) -> ExtractedBatch:
    """Extract every report; a report that cannot be used is rejected with a one-line reason."""
    extracted, rejected = [], list(discovery.rejected)
    for raw in discovery.reports:
        try:
            text, extraction = extract_file(raw.data, raw.path, reference, seconds_per_report)
        except ReportError as error:
            rejected.append(Rejected(raw.path, str(error)))
            continue
        # a text that states no number with a unit is no report; one whose figures are all of other
        # things (a price, dollars) is read and loaded with none
        if not extraction.observations and not extraction.figures_read:
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
