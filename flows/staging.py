"""Load reference data and extracted reports into a new DuckDB file's staging tables."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pandas as pd

from flows.discover import Rejected
from flows.extract import ExtractedBatch, ExtractedReport
from flows.extract.periods import EVENTS
from flows.ingest.sources import Source
from flows.quarantine import QUARANTINE_SCHEMA, REPORT_TABLES

# Files written in the v1.5 storage format stay readable by the DuckDB 1.5 command-line client.
DUCKDB_CONFIG = {"storage_compatibility_version": "v1.5.0"}
# Staging rows are built and inserted this many reports at a time: memory holds one chunk's rows.
LOAD_CHUNK_REPORTS = 1000

REFERENCE_TABLES = {
    "ref_regions": "regions.csv",
    "ref_segments": "segments.csv",
    "ref_metrics": "metrics.csv",
    "ref_quantities": "quantities.csv",
}

STAGING_SCHEMA = """
create table stg_reports (
    report_id varchar primary key, path varchar not null,
    sha256 varchar not null check (regexp_full_match(sha256, '[0-9a-f]{64}')),
    size_bytes bigint not null, title varchar, source varchar, report_date date,
    report_date_source varchar check (
        report_date_source in ('metadata', 'text', 'dateline', 'file_name', 'caption', 'periods')
    ),
    region_code varchar, text varchar not null, loaded_at timestamptz not null
);
create table stg_observations (
    observation_id varchar primary key, report_id varchar not null, region_code varchar not null,
    segment_code varchar not null, period_code varchar not null, metric_code varchar not null,
    value double not null, half_unit double not null, unit varchar not null, qualifier varchar,
    figure_text varchar not null, figure_start integer not null, figure_end integer not null,
    evidence varchar not null, evidence_start integer not null, evidence_end integer not null,
    conversion varchar, origin varchar not null, note varchar
);
create table stg_mentions (
    report_id varchar not null, mention_kind varchar not null, code varchar not null,
    text varchar not null, mention_start integer not null, mention_end integer not null,
    evidence varchar not null
);
create table stg_event_dates (
    report_id varchar not null, period_code varchar not null, start_date date not null,
    end_date date not null
);
create table stg_rejected_files (path varchar not null, reason varchar not null);
create table stg_sources (
    name varchar primary key, url varchar not null, kind varchar not null, pattern varchar,
    region_code varchar, language varchar, enabled boolean not null
);
create table stg_fetches (
    source varchar not null, url varchar not null, final_url varchar not null, redirects varchar[],
    fetched_at timestamptz not null, status integer not null, etag varchar, last_modified varchar,
    sha256 varchar not null, published date, path varchar not null, outcome varchar not null
);
create table stg_superseded_facts (
    fact_id varchar not null, report_id varchar not null, path varchar, region_code varchar,
    segment_code varchar, period_code varchar, metric_code varchar, value double, unit varchar,
    is_derived boolean, evidence varchar, valid_from timestamptz, valid_to timestamptz not null,
    superseded_because varchar not null
);
create table ref_events (event varchar primary key, event_month integer not null);
create table ref_settings (name varchar primary key, value varchar not null);
create table stg_set_aside (
    report_id varchar not null, disposition varchar not null, reason varchar not null,
    text varchar not null, figure_start integer not null, figure_end integer not null,
    evidence varchar not null
);
"""


# Staging rows of a published warehouse are reused only if its staging schema is this one.
SCHEMA_VERSION = hashlib.sha256((STAGING_SCHEMA + QUARANTINE_SCHEMA).encode()).hexdigest()[:12]


def new_database(path: Path) -> duckdb.DuckDBPyConnection:
    """A fresh, empty database file at path, replacing any leftover from an earlier run."""
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), config=DUCKDB_CONFIG)


@dataclass(frozen=True)
class Fetched:
    """The sources runs fetch from, and every fetch their manifests note."""

    sources: list[Source]
    fetches: list[dict]


def source_row(source: Source) -> dict:
    row = dataclasses.asdict(source)
    row["region_code"] = row.pop("region") or None
    return row


@dataclass(frozen=True)
class PublishedReport:
    path: str
    sha256: str
    loaded_at: datetime


@dataclass(frozen=True)
class ReportChanges:
    """How the reports in the raw folder differ from those published by the last run."""

    new: list[str]
    changed: list[str]  # same file, new content: a revision
    unchanged: list[str]
    removed: list[str]  # published before, gone from the raw folder now

    @property
    def nothing_new(self) -> bool:
        return not (self.new or self.changed or self.removed)


def published_reports(warehouse_path: Path) -> list[PublishedReport]:
    """The reports the published warehouse holds."""
    if not warehouse_path.exists():
        return []
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        if not con.execute("select 1 from duckdb_tables() where table_name = 'stg_reports'").fetchall():
            return []
        rows = con.execute("select path, sha256, loaded_at from stg_reports order by path").fetchall()
    return [PublishedReport(*row) for row in rows]


def newest_report_date(database: Path) -> date | None:
    """The date of the newest report a built warehouse holds."""
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute("select max(report_date) from dim_report").fetchone()[0]


def report_changes(now: dict[str, str], published: list[PublishedReport]) -> ReportChanges:
    """How the reports loaded now (path -> content hash, extracted or reused) differ from the
    published ones."""
    before = {report.path: report.sha256 for report in published}
    return ReportChanges(
        new=sorted(path for path in now if path not in before and now[path] not in before.values()),
        changed=sorted(path for path in now if path in before and before[path] != now[path]),
        unchanged=sorted(
            path for path in now if now[path] in before.values() and before.get(path, now[path]) == now[path]
        ),
        removed=sorted(path for path in before if path not in now and before[path] not in now.values()),
    )


def load_staging(
    batch: ExtractedBatch,
    build_path: Path,
    reference_dir: Path,
    warehouse_path: Path,
    run_settings: dict[str, str] | None = None,
    fetched: Fetched | None = None,
) -> dict[str, int]:
    """Create the build database with reference and staging tables; returns rows per table."""
    staging = begin_staging(build_path, reference_dir, warehouse_path)
    for first in range(0, len(batch.reports), LOAD_CHUNK_REPORTS):
        stage_reports(staging, batch.reports[first : first + LOAD_CHUNK_REPORTS])
    reused = [raw.report_id for raw in batch.reused]
    return finish_staging(staging, batch.rejected, reused, run_settings, fetched)


@dataclass(frozen=True)
class Staging:
    """A build database being filled: where, and what rows need of the published warehouse."""

    build_path: Path
    warehouse_path: Path
    loaded_at: dict[str, datetime]  # sha256 -> when the published warehouse first loaded it
    now: datetime


def begin_staging(build_path: Path, reference_dir: Path, warehouse_path: Path) -> Staging:
    """A new build database with the reference tables and empty staging tables."""
    with new_database(build_path) as con:
        for table, filename in REFERENCE_TABLES.items():
            con.execute(
                f"create table {table} as select * from read_csv(?, all_varchar = true)",
                [str(reference_dir / filename)],
            )
        con.execute(STAGING_SCHEMA)
        con.execute(QUARANTINE_SCHEMA)
    loaded_at = {report.sha256: report.loaded_at for report in published_reports(warehouse_path)}
    return Staging(build_path, warehouse_path, loaded_at, datetime.now(UTC))


def stage_reports(staging: Staging, reports: list[ExtractedReport]) -> None:
    """Insert some extracted reports' staging rows (a part of a run, as it is extracted)."""
    if not reports:
        return
    with duckdb.connect(str(staging.build_path), config=DUCKDB_CONFIG) as con:
        con.execute("begin transaction")  # all of the part's rows or none: a retry starts clean
        for table, rows in _report_rows(reports, staging.loaded_at, staging.now).items():
            _insert(con, table, rows)
        con.execute("commit")


def finish_staging(
    staging: Staging,
    rejected: list[Rejected],
    reused_report_ids: list[str],
    run_settings: dict[str, str] | None = None,
    fetched: Fetched | None = None,
) -> dict[str, int]:
    """The rest of the staging tables: rejected files, settings, sources, the reused reports' rows
    copied from the published warehouse, its history; returns rows per table."""
    with duckdb.connect(str(staging.build_path), config=DUCKDB_CONFIG) as con:
        con.execute("begin transaction")  # all or nothing: a retry of the step starts clean
        for table, rows in (
            ("stg_rejected_files", [{"path": r.path, "reason": r.reason} for r in rejected]),
            ("ref_events", [{"event": slug, "event_month": month} for slug, _, month in EVENTS]),
            (
                "ref_settings",
                [
                    {"name": k, "value": v}
                    for k, v in {**(run_settings or {}), "staging_schema": SCHEMA_VERSION}.items()
                ],
            ),
            ("stg_sources", [source_row(s) for s in fetched.sources] if fetched else []),
            ("stg_fetches", fetched.fetches if fetched else []),
        ):
            _insert(con, table, rows)
        _copy_reused(con, staging.warehouse_path, reused_report_ids)
        _carry_history(con, staging.warehouse_path, staging.now)
        con.execute("commit")
        tables = [*REFERENCE_TABLES, "ref_events", "stg_reports", "stg_observations", "stg_mentions"]
        tables += ["stg_event_dates", "stg_set_aside", "stg_rejected_files", "stg_superseded_facts"]
        tables += ["stg_sources", "stg_fetches"]
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}


def _report_rows(
    reports: list[ExtractedReport], loaded_at: dict[str, datetime], now: datetime
) -> dict[str, list[dict]]:
    """The staging rows of some reports, per table."""
    reports_rows, observations, mentions, set_aside, event_dates = [], [], [], [], []
    for report in reports:
        raw, extraction = report.raw, report.extraction
        reports_rows.append(
            {
                "report_id": raw.report_id,
                "path": raw.path,
                "sha256": raw.sha256,
                "size_bytes": raw.size_bytes,
                "title": extraction.title,
                "source": extraction.source,
                "report_date": extraction.report_date.value if extraction.report_date else None,
                "report_date_source": extraction.report_date.source if extraction.report_date else None,
                "region_code": extraction.region_code,
                "text": report.text,
                "loaded_at": loaded_at.get(raw.sha256, now),
            }
        )
        for obs in extraction.observations:
            observations.append(
                {
                    "observation_id": f"{raw.report_id}:{obs.figure_start}",
                    "report_id": raw.report_id,
                    **vars(obs),  # not dataclasses.asdict, which deep-copies: slow by the 100,000
                }
            )
        mentions += [
            {
                "report_id": raw.report_id,
                "mention_kind": m.mention_kind,
                "code": m.code,
                "text": m.text,
                "mention_start": m.start,
                "mention_end": m.end,
                "evidence": m.evidence,
            }
            for m in extraction.mentions
        ]
        event_dates += [
            {"report_id": raw.report_id, "period_code": code, "start_date": start, "end_date": end}
            for code, (start, end) in extraction.event_dates.items()
        ]
        set_aside += [
            {
                "report_id": raw.report_id,
                "disposition": s.disposition,
                "reason": s.reason,
                "text": s.text,
                "figure_start": s.start,
                "figure_end": s.end,
                "evidence": s.evidence,
            }
            for s in extraction.set_aside
        ]
    return {
        "stg_reports": reports_rows,
        "stg_observations": observations,
        "stg_mentions": mentions,
        "stg_event_dates": event_dates,
        "stg_set_aside": set_aside,
    }


def _copy_reused(con: duckdb.DuckDBPyConnection, warehouse_path: Path, report_ids: list[str]) -> None:
    """Copy the staging rows of unchanged reports from the published warehouse."""
    if not report_ids:
        return
    con.execute("attach ? as published (read_only)", [str(warehouse_path)])
    try:
        for table in REPORT_TABLES:
            con.execute(
                f"insert into {table} by name "
                f"select * from published.{table} where report_id in (select unnest(?))",
                [report_ids],
            )
    finally:
        con.execute("detach published")


def _carry_history(con: duckdb.DuckDBPyConnection, warehouse_path: Path, now: datetime) -> None:
    """Keep what the published warehouse knew: its superseded facts, and, for each report that is
    no longer loaded as it was (revised or removed), its facts as superseded now."""
    if not warehouse_path.exists():
        return
    con.execute("attach ? as published (read_only)", [str(warehouse_path)])
    try:
        tables = {
            name
            for (name,) in con.execute(
                "select table_name from duckdb_tables() where database_name = 'published'"
            ).fetchall()
        }
        if "stg_superseded_facts" in tables:
            con.execute(
                "insert into stg_superseded_facts by name select * from published.stg_superseded_facts"
            )
        if {"fact_retail", "stg_reports"} <= tables:
            con.execute(
                """
                insert into stg_superseded_facts by name
                select f.fact_id, f.report_id, r.path, f.region_code, f.segment_code, f.period_code,
                       f.metric_code, f.value, f.unit, f.is_derived, f.evidence, r.loaded_at as valid_from,
                       ? as valid_to,
                       case when r.path in (select path from stg_reports) then 'revised' else 'removed' end
                           as superseded_because
                from published.fact_retail f
                inner join published.stg_reports r using (report_id)
                where f.report_id not in (select report_id from stg_reports)
                """,
                [now],
            )
    finally:
        con.execute("detach published")


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """Bulk insert through a DataFrame, matching columns by name."""
    if not rows:
        return
    con.register("staged_rows", pd.DataFrame(rows))
    con.execute(f"insert into {table} by name select * from staged_rows")
    con.unregister("staged_rows")
