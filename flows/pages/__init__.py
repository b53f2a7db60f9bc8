"""The pages an analyst reads beside the Data Docs, written by every run from the published
warehouse, all static and offline: the overview, the coverage matrix, a page per region (charts)
and a page per report (its text with every figure marked)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from flows.pages.coverage import write_coverage
from flows.pages.overview import write_overview
from flows.pages.regions import write_region_pages
from flows.pages.reports import write_report_pages


def write_pages(
    warehouse_path: Path,
    docs_dir: Path,
    run_notes: list[str] | None = None,
    changed_reports: set[str] | None = None,
) -> Path:
    """Write the pages into docs_dir (a report's page only if it changed, or all when
    changed_reports is None); returns the overview's path."""
    overview = write_overview(warehouse_path, docs_dir, run_notes)
    if warehouse_path.exists():
        with duckdb.connect(str(warehouse_path), read_only=True) as con:
            write_coverage(con, docs_dir)
            write_region_pages(con, docs_dir)
            write_report_pages(con, docs_dir, changed_reports)
    return overview
