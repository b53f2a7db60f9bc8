"""Hand corrections: a `corrections.csv` in the raw folder adds, fixes or suppresses observations
of named reports, without editing code. Applied after extraction; lineage keeps them visible
(origin 'correction' with the note, or a set-aside 'suppressed by hand'). A line that does not
parse or points at nothing is rejected with its line number, and the report it names is held back
rather than published uncorrected; every other report goes on."""

from __future__ import annotations

import csv
import dataclasses
from dataclasses import dataclass
from pathlib import Path

from flows.discover import Rejected
from flows.extract import CORRECTIONS_FILE, ExtractedBatch, ExtractedReport, Observation, SetAside
from flows.extract.layout import ReportError
from flows.extract.periods import PERIOD_CODE
from flows.reference import Reference

COLUMNS = ("report", "action", "region", "segment", "period", "measure", "value", "unit", "note")
ACTIONS = ("add", "fix", "suppress")


@dataclass(frozen=True)
class Correction:
    line: int
    report: str
    action: str
    region_code: str
    segment_code: str
    period_code: str
    metric_code: str
    value: float | None
    half_unit: float  # as rounded in the file: "22.5" stands for 22.45–22.55
    unit: str
    note: str

    @property
    def grain(self) -> tuple[str, str, str, str]:
        return (self.region_code, self.segment_code, self.period_code, self.metric_code)


class CorrectionError(ReportError):
    """A correction that does not fit its report, with the line that says it."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class BadLine:
    """A line of the corrections file that cannot be applied, and the report it names (if any)."""

    line: int
    report: str
    reason: str  # one line, naming the file and line


def read_corrections(raw_dir: Path, reference: Reference) -> tuple[list[Correction], list[BadLine]]:
    """The corrections file's good lines, and its bad ones each with its one-line reason."""
    path = raw_dir / CORRECTIONS_FILE
    if not path.exists():
        return [], []
    good: list[Correction] = []
    bad: list[BadLine] = []
    with path.open(encoding="utf-8-sig", newline="", errors="replace") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        for row in reader:
            named = (row.get("report") or "").strip()
            if missing:
                where = f"{CORRECTIONS_FILE} line {reader.line_num}"
                bad.append(
                    BadLine(reader.line_num, named, f"{where}: the file has no column {', '.join(missing)}")
                )
                continue
            try:
                good.append(_parse(row, reader.line_num, reference))
            except ReportError as error:
                bad.append(BadLine(reader.line_num, named, str(error)))
    return good, bad


def _parse(row: dict[str, str], line: int, reference: Reference) -> Correction:
    where = f"{CORRECTIONS_FILE} line {line}"
    fields = {column: (row.get(column) or "").strip() for column in COLUMNS}
    if fields["action"].lower() not in ACTIONS:
        raise ReportError(f"{where}: action must be one of {', '.join(ACTIONS)}, not {fields['action']!r}")
    if not (fields["report"] and fields["period"] and fields["measure"]):
        raise ReportError(f"{where}: report, period and measure are required")
    if fields["measure"] not in reference.metric_codes:
        raise ReportError(f"{where}: unknown measure {fields['measure']!r}")
    if not PERIOD_CODE.fullmatch(fields["period"]):
        raise ReportError(f"{where}: period {fields['period']!r} is not a period code such as 2024-H1")
    value = None
    if fields["action"].lower() != "suppress":
        try:
            value = float(fields["value"].replace(",", ""))
        except ValueError:
            raise ReportError(f"{where}: value {fields['value']!r} is not a number") from None
    return Correction(
        line=line,
        report=fields["report"],
        action=fields["action"].lower(),
        region_code=_code(fields["region"], reference.regions, "region_name", where, "region"),
        segment_code=_code(fields["segment"], reference.segments, "segment_name", where, "segment"),
        period_code=fields["period"],
        metric_code=fields["measure"],
        value=value,
        half_unit=0.5 * 10 ** -len(fields["value"].partition(".")[2]),
        unit=fields["unit"],
        note=fields["note"],
    )


def _code(text: str, table: dict[str, dict[str, str]], name_column: str, where: str, what: str) -> str:
    """A code from a code or a name, e.g. '650000' or 'Xinjiang'."""
    text = (text or "").strip()
    if text in table:
        return text
    for code, row in table.items():
        if row[name_column].casefold() == text.casefold():
            return code
    raise ReportError(f"{where}: unknown {what} {text!r}")


def apply_corrections(
    batch: ExtractedBatch, corrections: list[Correction], bad: list[BadLine]
) -> ExtractedBatch:
    """The batch with each report's corrections applied. A bad line, a correction for no report in
    the batch, or a fix/suppress that matches no observation is rejected with its line; the report
    it names is held back uncorrected (with the line as the reason), the others are corrected."""
    by_path = {report.raw.path: report for report in batch.reports}
    bad = list(bad)
    for correction in corrections:
        if correction.report not in by_path:
            where = f"{CORRECTIONS_FILE} line {correction.line}"
            reason = f"{where}: no report {correction.report!r} in the raw folder"
            bad.append(BadLine(correction.line, correction.report, reason))
    held: dict[str, list[str]] = {}
    for line in bad:
        if line.report in by_path:
            held.setdefault(line.report, []).append(line.reason)
    corrected = []
    for report in batch.reports:
        path = report.raw.path
        try:
            corrected.append(
                report if path in held else _correct(report, [c for c in corrections if c.report == path])
            )
        except CorrectionError as error:
            bad.append(BadLine(error.line, path, str(error)))
            held[path] = [str(error)]
            corrected.append(report)
    rejected = [Rejected(CORRECTIONS_FILE, line.reason) for line in sorted(bad, key=lambda b: b.line)]
    return dataclasses.replace(
        batch, reports=corrected, rejected=[*batch.rejected, *rejected], held={**batch.held, **held}
    )


def _correct(report: ExtractedReport, corrections: list[Correction]) -> ExtractedReport:
    if not corrections:
        return report
    observations = list(report.extraction.observations)
    set_aside = list(report.extraction.set_aside)
    for correction in corrections:
        matches = [o for o in observations if _grain(o) == correction.grain]
        if correction.action in ("fix", "suppress") and not matches:
            raise CorrectionError(
                correction.line,
                f"{CORRECTIONS_FILE} line {correction.line}: no observation in {correction.report} for "
                f"{', '.join(correction.grain)}",
            )
        if correction.action == "suppress":
            observations.remove(matches[0])
            set_aside.append(
                SetAside(
                    "not_a_figure",
                    f"suppressed by hand: {correction.note}",
                    matches[0].figure_text,
                    matches[0].figure_start,
                    matches[0].figure_end,
                    matches[0].evidence,
                )
            )
        elif correction.action == "fix":
            fixed = dataclasses.replace(
                matches[0],
                value=correction.value,
                unit=correction.unit or matches[0].unit,
                origin="correction",
                note=correction.note,
            )
            observations[observations.index(matches[0])] = fixed
        else:
            if matches:
                raise CorrectionError(
                    correction.line,
                    f"{CORRECTIONS_FILE} line {correction.line}: {correction.report} already has an "
                    f"observation for {', '.join(correction.grain)}; use fix",
                )
            observations.append(_added(correction))
    extraction = dataclasses.replace(report.extraction, observations=observations, set_aside=set_aside)
    return dataclasses.replace(report, extraction=extraction)


def _grain(observation: Observation) -> tuple[str, str, str, str]:
    return (
        observation.region_code,
        observation.segment_code,
        observation.period_code,
        observation.metric_code,
    )


def _added(correction: Correction) -> Observation:
    return Observation(
        region_code=correction.region_code,
        segment_code=correction.segment_code,
        period_code=correction.period_code,
        metric_code=correction.metric_code,
        value=correction.value,
        half_unit=correction.half_unit,
        unit=correction.unit,
        qualifier=None,
        figure_text=f"{correction.value:g}",
        figure_start=-correction.line,  # not in the text; negative keeps observation ids unique
        figure_end=-correction.line,
        evidence=f"hand correction: {correction.note}",
        evidence_start=-1,
        evidence_end=-1,
        origin="correction",
        note=correction.note,
    )


def correct_batch(batch: ExtractedBatch, raw_dir: Path, reference: Reference) -> ExtractedBatch:
    """The batch with the raw folder's corrections applied, line by line."""
    return apply_corrections(batch, *read_corrections(raw_dir, reference))
