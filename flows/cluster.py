"""Where extraction runs: in this process for a few reports; for many, on a Dask cluster through
Prefect's Dask task runner, a local one with a worker process per core, or one given by address
(tcp://host:8786) whose workers may be other machines. Loading, transforming and checking stay
here, beside the DuckDB file."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from prefect.task_runners import TaskRunner

from flows.discover import Discovery
from flows.settings import Settings


def extraction_runner(settings: Settings, reports: int) -> TaskRunner | None:
    """The task runner to extract this many reports on, or None for this process."""
    if not settings.dask_address and reports < settings.parallel_min_reports:
        return None
    from prefect_dask import DaskTaskRunner  # imported here: most runs start no cluster

    if settings.dask_address:
        return DaskTaskRunner(address=settings.dask_address)
    workers = min(settings.extract_workers, reports)
    return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})


IN_PROCESS_CHUNK = 250  # reports per task when extracting in this process: progress every few seconds


def chunk_size(settings: Settings, reports: int, parallel: bool) -> int:
    """Reports per extraction task: as set, else on a cluster two tasks per worker (each task costs
    a few API calls and a log stream: measured, tasks of 100 reports took three times as long per
    report), in this process IN_PROCESS_CHUNK."""
    if settings.extract_chunk_reports:
        return settings.extract_chunk_reports
    return max(1, -(-reports // (2 * settings.extract_workers))) if parallel else IN_PROCESS_CHUNK


def chunks(discovery: Discovery, size: int) -> list[Discovery]:
    """The reports in parts of at most size, in order; the files rejected on discovery in none."""
    reports = discovery.reports
    return [Discovery(reports[i : i + size]) for i in range(0, len(reports), size)]


@contextlib.contextmanager
def workers_use(api_url: str) -> Iterator[None]:
    """Worker processes started meanwhile report to this Prefect API (else each would start a
    temporary server of its own, some seconds each)."""
    before = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = api_url
    try:
        yield
    finally:
        if before is None:
            del os.environ["PREFECT_API_URL"]
        else:
            os.environ["PREFECT_API_URL"] = before
