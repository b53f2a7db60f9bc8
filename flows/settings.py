"""Paths and settings in one place; each can be overridden by an environment variable."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _path(override: str | Path | None, env_var: str, default: Path) -> Path:
    """The first of: an explicit override (CLI option, flow parameter), the environment, the default."""
    value = override or os.environ.get(env_var)
    return Path(value).resolve() if value else default


@dataclass(frozen=True)
class Settings:
    raw_dir: Path
    warehouse_path: Path
    docs_dir: Path
    gx_dir: Path
    sql_dir: Path
    expectations_dir: Path
    reference_dir: Path
    release_cadence_months: int  # a followed region's next release is due this long after its newest period…
    release_lag_days: int  # …plus this publication lag; later, and the freshness check warns
    max_report_bytes: int  # larger files are rejected: no press release is this long
    extract_seconds: float  # a report whose extraction takes longer is rejected, not left to stall a run
    sources_file: Path  # the sources each run fetches new releases from
    archive_dir: Path  # earlier copies of releases whose page changed
    fetch_timeout: float  # seconds a request may take
    fetch_pause: float  # seconds between two requests to one host
    fetch_retries: int  # further attempts after a network error or a 5xx answer
    fetch_backoff: float  # seconds before the first retry, doubling after each
    dask_address: str | None  # a Dask scheduler to extract on (tcp://host:8786); else a local cluster
    extract_workers: int  # worker processes of the local cluster: one per core
    parallel_min_reports: int  # fewer reports to extract: in this process, no cluster to start
    extract_chunk_reports: int  # reports per extraction task; 0: chosen by where extraction runs

    @property
    def build_path(self) -> Path:
        """Where a run builds the next warehouse before it is checked and published."""
        return self.warehouse_path.with_name(self.warehouse_path.name + ".build")

    @property
    def docs_index(self) -> Path:
        return self.docs_dir / "index.html"

    @property
    def overview(self) -> Path:
        return self.docs_dir / "overview.html"


def load_settings(
    raw_dir: str | Path | None = None,
    warehouse_path: str | Path | None = None,
    docs_dir: str | Path | None = None,
    dask_address: str | None = None,
) -> Settings:
    """Settings from overrides, else RETAIL_* environment variables, else the project's folders.
    The docs and GX folders sit beside the warehouse file, the archive of earlier copies beside the
    raw folder, unless set themselves."""
    warehouse = _path(
        warehouse_path, "RETAIL_WAREHOUSE", PROJECT_ROOT / "data" / "warehouse" / "retail.duckdb"
    )
    raw = _path(raw_dir, "RETAIL_RAW_DIR", PROJECT_ROOT / "data" / "raw")
    return Settings(
        raw_dir=raw,
        warehouse_path=warehouse,
        docs_dir=_path(docs_dir, "RETAIL_DOCS_DIR", warehouse.parent / "docs"),
        gx_dir=_path(None, "RETAIL_GX_DIR", warehouse.parent / "gx"),
        sql_dir=_path(None, "RETAIL_SQL_DIR", PROJECT_ROOT / "sql"),
        expectations_dir=_path(None, "RETAIL_EXPECTATIONS_DIR", PROJECT_ROOT / "expectations"),
        reference_dir=_path(None, "RETAIL_REFERENCE_DIR", PROJECT_ROOT / "data" / "reference"),
        release_cadence_months=int(os.environ.get("RETAIL_RELEASE_CADENCE_MONTHS", "3")),
        release_lag_days=int(os.environ.get("RETAIL_RELEASE_LAG_DAYS", "45")),
        max_report_bytes=int(float(os.environ.get("RETAIL_MAX_REPORT_MB", "10")) * 2**20),
        extract_seconds=float(os.environ.get("RETAIL_EXTRACT_SECONDS", "120")),
        sources_file=_path(None, "RETAIL_SOURCES", PROJECT_ROOT / "data" / "sources.csv"),
        archive_dir=_path(None, "RETAIL_ARCHIVE_DIR", raw.parent / "archive"),
        fetch_timeout=float(os.environ.get("RETAIL_FETCH_TIMEOUT", "20")),
        fetch_pause=float(os.environ.get("RETAIL_FETCH_PAUSE", "1")),
        fetch_retries=int(os.environ.get("RETAIL_FETCH_RETRIES", "3")),
        fetch_backoff=float(os.environ.get("RETAIL_FETCH_BACKOFF", "1")),
        dask_address=dask_address or os.environ.get("RETAIL_DASK_ADDRESS") or None,
        extract_workers=int(os.environ.get("RETAIL_EXTRACT_WORKERS", "0")) or os.cpu_count() or 1,
        parallel_min_reports=int(os.environ.get("RETAIL_PARALLEL_MIN_REPORTS", "2000")),
        extract_chunk_reports=int(os.environ.get("RETAIL_EXTRACT_CHUNK_REPORTS", "0")),
    )


def tool_environment() -> dict[str, str]:
    """Defaults for Prefect and GX: state kept in the project, no telemetry, a patient server start."""
    return {
        "PREFECT_HOME": str(PROJECT_ROOT / ".prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
        "GX_ANALYTICS_ENABLED": "false",
    }


def apply_tool_environment() -> None:
    """Set the tool defaults in this process unless the user has set them; call before importing."""
    for name, value in tool_environment().items():
        os.environ.setdefault(name, value)
