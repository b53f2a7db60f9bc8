"""Shared fixtures: the project's reference data and reports, and warehouses built from them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows.settings import PROJECT_ROOT, apply_tool_environment

apply_tool_environment()

RAW_DIR = PROJECT_ROOT / "data" / "raw"
CORPUS_DIR = Path(__file__).parent / "corpus"
REFERENCE_REPORT = RAW_DIR / "xinjiang_online_retail_2024-h1_tianshannet.txt"


@pytest.fixture(scope="session")
def reference():
    from flows.reference import Reference

    return Reference(PROJECT_ROOT / "data" / "reference")


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    """A raw folder holding a copy of the bundled reference report."""
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(REFERENCE_REPORT, folder / REFERENCE_REPORT.name)
    return folder


def build_database(raw: Path, database: Path) -> Path:
    """Extract, load and transform without Prefect or GX: the star schema in a plain file."""
    from flows.discover import find_reports
    from flows.extract import extract_reports
    from flows.reference import Reference
    from flows.staging import load_staging
    from flows.transform import run_models

    reference_dir = PROJECT_ROOT / "data" / "reference"
    batch = extract_reports(find_reports(raw), Reference(reference_dir))
    load_staging(
        batch, database, reference_dir, database.with_name("none.duckdb"), {"max_report_age_days": "180"}
    )
    run_models(database, PROJECT_ROOT / "sql")
    return database


@pytest.fixture(scope="session")
def reference_warehouse(tmp_path_factory) -> Path:
    """The star schema built from the bundled reference report (read it, do not change it)."""
    folder = tmp_path_factory.mktemp("reference_warehouse")
    raw = folder / "raw"
    raw.mkdir()
    shutil.copy(REFERENCE_REPORT, raw / REFERENCE_REPORT.name)
    return build_database(raw, folder / "retail.duckdb")
