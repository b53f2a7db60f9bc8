"""Do only the work that changed: reports the published warehouse already holds, unchanged, are
not extracted again (their staging rows are copied from it), unless a full refresh is asked for;
and a run can be limited to reports of given regions or periods (a backfill)."""

from __future__ import annotations

import csv
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from flows.corrections import BadLine, Correction, apply_corrections, correct_batch, read_corrections
from flows.discover import Discovery, RawReport, Rejected
from flows.extract import CORRECTIONS_FILE, ExtractedBatch, extract_reports
from flows.reference import Reference
from flows.staging import SCHEMA_VERSION


@dataclass(frozen=True)
class RunScope:
    full_refresh: bool = False
    regions: tuple[str, ...] = ()  # region codes or names
    periods: tuple[str, ...] = ()  # period codes or their start, e.g. "2024" or "2024-H1"

    @property
    def limited(self) -> bool:
        return bool(self.regions or self.periods)

    def matches(self, region_code: str | None, period_codes: set[str], reference: Reference) -> bool:
        names = {region_code, reference.regions.get(region_code or "", {}).get("region_name")}
        in_regions = not self.regions or bool(names & set(self.regions))
        in_periods = not self.periods or any(p.startswith(self.periods) for p in period_codes)
        return in_regions and in_periods


@dataclass(frozen=True)
class PublishedReport:
    path: str
    region_code: str | None
    period_codes: set[str] = field(default_factory=set)
    corrected: bool = False  # hand corrections were applied to it


def published_for_reuse(warehouse_path: Path, schema_version: str) -> dict[str, PublishedReport]:
    """Reports in the published warehouse by content hash, if its staging tables are of this
    version (else nothing can be reused)."""
    if not warehouse_path.exists():
        return {}
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        tables = {name for (name,) in con.execute("select table_name from duckdb_tables()").fetchall()}
        if "ref_settings" not in tables:
            return {}
        version = con.execute("select value from ref_settings where name = 'staging_schema'").fetchall()
        if version != [(schema_version,)]:
            return {}
        rows = con.execute(
            """
            select r.sha256, r.path, r.region_code,
                   list(distinct o.period_code) filter (where o.period_code is not null),
                   bool_or(o.origin = 'correction')
            from stg_reports r left join stg_observations o using (report_id)
            group by all
            """
        ).fetchall()
    return {
        sha: PublishedReport(path, region, set(periods or []), bool(corrected))
        for sha, path, region, periods, corrected in rows
    }


def plan(
    discovery: Discovery,
    published: dict[str, PublishedReport],
    corrected_paths: set[str],
    scope: RunScope,
    reference: Reference,
) -> tuple[Discovery, list[RawReport]]:
    """Split the raw reports into those to extract now and those to reuse as published."""
    to_extract, reused = [], []
    for raw in discovery.reports:
        before = published.get(raw.sha256)
        same = before is not None and before.path == raw.path and not before.corrected
        same = same and raw.path not in corrected_paths and not scope.full_refresh
        if (
            scope.limited
            and before is not None
            and not scope.matches(before.region_code, before.period_codes, reference)
        ):
            reused.append(raw)  # outside the backfill: stays as published
        elif same and not scope.limited:
            reused.append(raw)
        else:
            to_extract.append(raw)
    return Discovery(to_extract, discovery.rejected), reused


def limit_to_scope(batch: ExtractedBatch, scope: RunScope, reference: Reference) -> ExtractedBatch:
    """In a backfill, reports outside its regions and periods are not loaded (noted as skipped)."""
    if not scope.limited:
        return batch
    kept, skipped = [], []
    for report in batch.reports:
        periods = {o.period_code for o in report.extraction.observations}
        if scope.matches(report.extraction.region_code, periods, reference):
            kept.append(report)
        else:
            skipped.append(report.raw.path)
    return dataclasses.replace(batch, reports=kept, skipped=[*batch.skipped, *skipped])


def corrected_paths(raw_dir: Path) -> set[str]:
    """The reports a corrections file names (read leniently: its errors are reported elsewhere)."""
    path = raw_dir / CORRECTIONS_FILE
    if not path.exists():
        return set()
    with path.open(encoding="utf-8-sig", newline="", errors="replace") as handle:
        return {(row.get("report") or "").strip() for row in csv.DictReader(handle)}


def plan_run(
    discovery: Discovery, raw_dir: Path, reference: Reference, warehouse_path: Path, scope: RunScope
) -> tuple[Discovery, list[RawReport]]:
    """What to extract now (what changed, or everything on a full refresh), and what to reuse."""
    published = published_for_reuse(warehouse_path, SCHEMA_VERSION)
    return plan(discovery, published, corrected_paths(raw_dir), scope, reference)


def finish_batch(
    extracted: list[ExtractedBatch],
    reused: list[RawReport],
    raw_dir: Path,
    reference: Reference,
    scope: RunScope,
) -> ExtractedBatch:
    """The extracted parts as one batch, in report order, corrected and kept to the scope."""
    batch = ExtractedBatch(
        sorted((r for part in extracted for r in part.reports), key=lambda r: r.raw.path),
        [r for part in extracted for r in part.rejected],
    )
    batch = correct_batch(batch, raw_dir, reference)
    return dataclasses.replace(limit_to_scope(batch, scope, reference), reused=reused)


def extract_batch(
    discovery: Discovery,
    raw_dir: Path,
    reference: Reference,
    warehouse_path: Path,
    scope: RunScope,
    seconds_per_report: float | None = None,
) -> ExtractedBatch:
    """Extract what changed in this process, apply corrections, keep to the scope."""
    to_extract, reused = plan_run(discovery, raw_dir, reference, warehouse_path, scope)
    extracted = extract_reports(to_extract, reference, seconds_per_report)
    return finish_batch([extracted], reused, raw_dir, reference, scope)


@dataclass(frozen=True)
class Corrections:
    """The raw folder's corrections file, read once for a run whose reports come in parts."""

    lines: list[Correction]
    bad: list[BadLine]

    @classmethod
    def read(cls, raw_dir: Path, reference: Reference) -> Corrections:
        return cls(*read_corrections(raw_dir, reference))

    def for_reports(self, paths: set[str], named: bool = True) -> tuple[list[Correction], list[BadLine]]:
        """The lines naming these reports (or, with named off, naming none of them)."""
        return (
            [c for c in self.lines if (c.report in paths) is named],
            [b for b in self.bad if (b.report in paths) is named],
        )


def prepare_part(
    part: ExtractedBatch, corrections: Corrections, scope: RunScope, reference: Reference
) -> ExtractedBatch:
    """Some extracted reports corrected and kept to the scope, ready for staging."""
    paths = {report.raw.path for report in part.reports}
    return limit_to_scope(apply_corrections(part, *corrections.for_reports(paths)), scope, reference)


def unmatched_corrections(corrections: Corrections, extracted: set[str]) -> list[Rejected]:
    """Correction lines naming no report extracted in the run, each rejected with its reason."""
    lines, bad = corrections.for_reports(extracted, named=False)
    return apply_corrections(ExtractedBatch([], []), lines, bad).rejected
