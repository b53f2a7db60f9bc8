"""Hold back the reports that fail a critical check: their facts go to quarantine tables with the
checks they failed, their staging rows leave the build, and the models are built again without
them, so that every other report can still be published."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

QUARANTINE_SCHEMA = """
create table quarantine_reports (
    report_id varchar primary key, path varchar not null, title varchar, report_date date,
    failed_checks varchar[] not null
);
create table quarantine_facts (
    report_id varchar not null, fact_id varchar not null, region_code varchar, segment_code varchar,
    period_code varchar, metric_code varchar, value double, unit varchar, is_derived boolean,
    evidence varchar, failed_checks varchar[] not null
);
"""
# Staging tables keyed by report: what leaves the build with a held-back report.
REPORT_TABLES = ("stg_reports", "stg_observations", "stg_mentions", "stg_event_dates", "stg_set_aside")


def hold_back(build_path: Path, failed: dict[str, list[str]]) -> int:
    """Quarantine the given reports (report_id -> failed checks) in the build; returns facts moved."""
    held = pd.DataFrame({"report_id": list(failed), "failed_checks": list(failed.values())})
    with duckdb.connect(str(build_path)) as con:
        con.register("held", held)
        con.execute(
            "insert into quarantine_reports by name "
            "select report_id, path, title, report_date, held.failed_checks "
            "from stg_reports inner join held using (report_id)"
        )
        moved = con.execute(
            "insert into quarantine_facts by name "
            "select report_id, fact_id, region_code, segment_code, period_code, metric_code, value, unit, "
            "is_derived, evidence, held.failed_checks from fact_retail inner join held using (report_id)"
        ).fetchone()[0]
        for table in REPORT_TABLES:
            con.execute(f"delete from {table} where report_id in (select report_id from held)")
        con.unregister("held")
        con.execute("checkpoint")
    return moved
