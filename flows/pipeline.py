"""The Prefect flow: one task per step, each a call into a plain function in flows/."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from time import perf_counter

import duckdb
from prefect import flow, get_run_logger, task, unmapped
from prefect.artifacts import create_markdown_artifact, create_progress_artifact, update_progress_artifact
from prefect.cache_policies import NONE
from prefect.client.orchestration import get_client
from prefect.futures import as_completed
from prefect.states import Completed, Failed, State
from prefect.utilities.annotations import quote

from flows.cluster import chunk_size, chunks, extraction_runner, workers_use
from flows.discover import Discovery, RawReport, Rejected, find_reports
from flows.docs_site import make_offline
from flows.extract import ExtractedBatch, StagedPart, extract_reports
from flows.incremental import Corrections, RunScope, plan_run, prepare_part, unmatched_corrections
from flows.ingest.archive import read_manifests
from flows.ingest.fetch import SourceReport, fetch_releases, open_http
from flows.ingest.http import Http
from flows.ingest.sources import Source, read_sources
from flows.lock import RunLockedError, acquire_run_lock
from flows.pages import write_pages
from flows.publish import publish
from flows.quarantine import hold_back
from flows.reference import Reference
from flows.settings import Settings, load_settings
from flows.staging import (
    Fetched,
    ReportChanges,
    Staging,
    begin_staging,
    finish_staging,
    newest_report_date,
    published_reports,
    report_changes,
    stage_reports,
)
from flows.summary import LISTED, RunSummary, Stopwatch
from flows.transform import run_models
from flows.validate import ValidationSummary, build_data_docs, suites_digest, validate_warehouse


@task(cache_policy=NONE)
def fetch_source(source: Source, http: Http, settings: Settings) -> SourceReport:
    report = fetch_releases(source, http, settings.raw_dir, settings.archive_dir)
    logger = get_run_logger()
    logger.info("source %s", report.line)
    for failure in report.failed:
        logger.warning(failure)
    return report


@task(cache_policy=NONE)
def find_raw_reports(raw_dir: Path, max_bytes: int) -> Discovery:
    discovery = find_reports(raw_dir, max_bytes)
    get_run_logger().info(
        "found %d report files in %s (%d rejected)", len(discovery.reports), raw_dir, len(discovery.rejected)
    )
    return discovery


@task(cache_policy=NONE)
def plan_extraction(
    reports: Discovery, settings: Settings, scope: RunScope
) -> tuple[Discovery, list[RawReport]]:
    to_extract, reused = plan_run(
        reports, settings.raw_dir, Reference(settings.reference_dir), settings.warehouse_path, scope
    )
    get_run_logger().info("%d reports to extract, %d unchanged reused", len(to_extract.reports), len(reused))
    return to_extract, reused


@task(cache_policy=NONE)
def extract_chunk(chunk: Discovery, reference_dir: Path, seconds: float) -> ExtractedBatch:
    return extract_reports(chunk, Reference(reference_dir), seconds)


def cannot_write(error: BaseException) -> bool:
    """A failure of the file system under the warehouse, not of the pipeline's own logic."""
    return isinstance(error, OSError | duckdb.IOException) or "No space left on device" in str(error)


def transient_failure(task, task_run, state) -> bool:
    """Retry I/O that may clear up (a file locked by another process, an interrupted write), not
    anything else: bad input never raises, it is rejected."""
    error = state.result(raise_on_failure=False)
    return isinstance(error, OSError | duckdb.IOException)


# Steps that read or write the warehouse files retry a bounded number of times.
RETRY_IO = {"retries": 2, "retry_delay_seconds": [1, 5], "retry_condition_fn": transient_failure}


@task(cache_policy=NONE, **RETRY_IO)
def begin_load(settings: Settings) -> tuple[Staging, Corrections]:
    """The build database, empty, and the corrections to apply as reports come to it."""
    staging = begin_staging(settings.build_path, settings.reference_dir, settings.warehouse_path)
    get_run_logger().info("staging tables created in %s", settings.build_path)
    return staging, Corrections.read(settings.raw_dir, Reference(settings.reference_dir))


@task(cache_policy=NONE, **RETRY_IO)
def stage_part(
    part: ExtractedBatch, staging: Staging, corrections: Corrections, scope: RunScope, reference_dir: Path
) -> StagedPart:
    """Some extracted reports, corrected and kept to the scope, into staging: extraction's output
    is loaded as it comes, never held whole."""
    return _stage(part, staging, corrections, scope, Reference(reference_dir))


@task(cache_policy=NONE, **RETRY_IO)
def extract_and_stage_chunk(
    chunk: Discovery,
    staging: Staging,
    corrections: Corrections,
    scope: RunScope,
    reference_dir: Path,
    seconds: float,
) -> StagedPart:
    """extract_chunk then stage_part in one task, in this process: a task's result stays in
    Prefect's run context for the whole run, so the extracted reports must not be one."""
    reference = Reference(reference_dir)
    return _stage(extract_reports(chunk, reference, seconds), staging, corrections, scope, reference)


def _stage(
    part: ExtractedBatch, staging: Staging, corrections: Corrections, scope: RunScope, reference: Reference
) -> StagedPart:
    batch = prepare_part(part, corrections, scope, reference)
    stage_reports(staging, batch.reports)
    return StagedPart.of(batch)


@task(cache_policy=NONE, **RETRY_IO)
def load(
    staged: StagedPart,
    reused: list[RawReport],
    staging: Staging,
    corrections: Corrections,
    settings: Settings,
    sources: list[Source],
) -> tuple[ReportChanges, dict[str, int], list[Rejected]]:
    """The staging tables finished: rejected files, settings, sources, the reused reports' rows."""
    rejected = staged.rejected + unmatched_corrections(corrections, set(staged.sha256))
    run_settings = {
        "release_cadence_months": str(settings.release_cadence_months),
        "release_lag_days": str(settings.release_lag_days),
        # the next run re-checks only changed reports' rows if its suites are these
        "suites_sha256": suites_digest(settings.expectations_dir),
    }
    fetched = Fetched(sources, read_manifests(settings.raw_dir))
    reused_ids = [raw.report_id for raw in reused]
    counts = finish_staging(staging, rejected, reused_ids, run_settings, fetched)
    now = {**staged.sha256, **{raw.path: raw.sha256 for raw in reused}}
    changes = report_changes(now, published_reports(settings.warehouse_path))
    logger = get_run_logger()
    logger.info(
        "extracted %d observations from %d reports; %d unchanged reports reused as published",
        staged.observations,
        len(staged.sha256),
        len(reused),
    )
    for line in rejected[:LISTED]:
        logger.warning("rejected %s", line.reason)
    if len(rejected) > LISTED:
        logger.warning("… and %d more rejected files (in stg_rejected_files)", len(rejected) - LISTED)
    logger.info("loaded staging tables into %s: %s", settings.build_path, counts)
    return changes, counts, rejected


@task(cache_policy=NONE)
def transform(build_path: Path, sql_dir: Path) -> dict[str, int]:
    counts = run_models(build_path, sql_dir)
    get_run_logger().info("built the models; rows per table: %s", counts)
    return counts


@task(cache_policy=NONE)
def validate(settings: Settings) -> ValidationSummary:
    result = validate_warehouse(
        settings.build_path, settings.expectations_dir, settings.gx_dir, settings.warehouse_path
    )
    logger = get_run_logger()
    logger.info("checks: %d passed, %d failed", result.checks_passed, result.checks_failed)
    for suite in result.suites:
        if suite.reports_checked is not None:
            logger.info(
                "%s: the rows of %d changed reports checked; the rest are as published",
                suite.label,
                suite.reports_checked,
            )
    for failure in result.failures:
        logger.warning("failed check: %s", failure)
    return result


@task(cache_policy=NONE)
def quarantine(build_path: Path, failed: dict[str, list[str]]) -> int:
    moved = hold_back(build_path, failed)
    get_run_logger().warning("held back %d reports (%d facts): %s", len(failed), moved, failed)
    return moved


@task(cache_policy=NONE, **RETRY_IO)
def publish_build(build_path: Path, warehouse_path: Path) -> Path:
    published = publish(build_path, warehouse_path)
    get_run_logger().info("published %s", published)
    return published


@task(cache_policy=NONE)
def build_docs(
    gx_dir: Path, docs_dir: Path, warehouse_path: Path, run_notes: list[str], changed_reports: set[str]
) -> Path:
    index = build_data_docs(gx_dir, docs_dir)
    pages = make_offline(docs_dir)
    overview = write_pages(warehouse_path, docs_dir, run_notes, changed_reports)
    get_run_logger().info("data docs at %s (%d pages), overview at %s", index, pages, overview)
    return overview


@flow(name="retail-warehouse")
def retail_warehouse(
    raw_dir: str | None = None,
    warehouse: str | None = None,
    docs_dir: str | None = None,
    full_refresh: bool = False,
    regions: list[str] | None = None,
    periods: list[str] | None = None,
    fetch: bool = True,
    dask_address: str | None = None,
) -> State:
    """Fetch what the enabled sources have new (unless fetch is off), extract the reports in raw_dir
    that changed (all of them on a full refresh; those of the given regions or periods in a backfill),
    build and check the star schema, publish what passes. Many reports are extracted on a Dask
    cluster: a local one, or the scheduler at dask_address."""
    settings = load_settings(raw_dir, warehouse, docs_dir, dask_address)
    scope = RunScope(full_refresh, tuple(regions or ()), tuple(periods or ()))
    try:
        with acquire_run_lock(settings.warehouse_path):
            return _build_check_publish(settings, scope, fetch)
    except RunLockedError as error:
        return Failed(message=str(error))
    except (OSError, duckdb.Error) as error:
        if not cannot_write(error):
            raise
        # a full disk or a folder that cannot be written: the published warehouse is untouched
        reason = str(error).splitlines()[0]
        return Failed(message=f"{settings.warehouse_path.parent}: cannot write the warehouse: {reason}")


def _extract(
    to_extract: Discovery,
    settings: Settings,
    staging: Staging,
    corrections: Corrections,
    scope: RunScope,
) -> list[StagedPart]:
    """Extract in this process, or in chunks on a Dask cluster; either way in chunks, each staged
    as it completes and then let go, whose completion the log and a progress artifact show
    (reports done of all, and the rate)."""
    total = len(to_extract.reports)
    runner = extraction_runner(settings, total)
    parts = chunks(to_extract, chunk_size(settings, total, parallel=runner is not None))
    progress = Progress(total, len(parts) > 1)
    staged = []
    if runner is None:
        for part in parts:
            staged.append(
                extract_and_stage_chunk(
                    quote(part),
                    staging,
                    quote(corrections),
                    scope,
                    settings.reference_dir,
                    settings.extract_seconds,
                )
            )
            progress.add(len(part.reports))
        return staged
    chunk_parameters = {"reference_dir": settings.reference_dir, "seconds": settings.extract_seconds}
    with workers_use(str(get_client(sync_client=True).api_url)), runner:
        futures = {runner.submit(extract_chunk, {"chunk": part, **chunk_parameters}): part for part in parts}
        for future in as_completed(list(futures)):
            extracted = future.result()
            staged.append(
                stage_part(quote(extracted), staging, quote(corrections), scope, settings.reference_dir)
            )
            progress.add(len(futures.pop(future).reports))  # the cluster may let the result go
        return staged


class Progress:
    """Reports extracted of all, and the rate, in the log and a Prefect progress artifact."""

    def __init__(self, total: int, shown: bool) -> None:
        self.total, self.done, self.started = total, 0, perf_counter()
        description = f"extracting {total} reports"
        self.artifact = (
            create_progress_artifact(0.0, key="extraction-progress", description=description)
            if shown
            else None
        )

    def add(self, reports: int) -> None:
        self.done += reports
        if self.artifact is None:
            return
        rate = self.done / (perf_counter() - self.started)
        get_run_logger().info("extracted %d/%d reports (%.0f reports/s)", self.done, self.total, rate)
        update_progress_artifact(self.artifact, 100.0 * self.done / self.total)


def _build_check_publish(settings: Settings, scope: RunScope, fetch: bool) -> State:
    """The steps of a run, under the run lock."""
    clock = Stopwatch()
    sources = read_sources(settings.sources_file)
    fetched: list[SourceReport] = []
    if fetch and sources.enabled:
        with clock.step("fetch"):
            http = open_http(settings)
            try:
                futures = fetch_source.map(
                    sources.enabled, http=unmapped(quote(http)), settings=unmapped(settings)
                )
                fetched = [future.result() for future in futures]
            finally:
                http.close()
    with clock.step("find"):
        reports = find_raw_reports(settings.raw_dir, settings.max_report_bytes)
    with clock.step("extract"):
        to_extract, reused = plan_extraction(quote(reports), settings, scope)
        staging, corrections = begin_load(settings)
        rejected_on_discovery = StagedPart.of(ExtractedBatch([], to_extract.rejected))
        staged = StagedPart.merged(
            [rejected_on_discovery, *_extract(to_extract, settings, staging, corrections, scope)]
        )
    with clock.step("load"):
        changes, loaded, rejected = load(
            quote(staged), quote(reused), staging, quote(corrections), settings, sources.sources
        )
    ids = staged.report_ids
    # reports a bad correction line names are held back rather than published uncorrected
    held_back = {ids[path]: reasons for path, reasons in staged.held.items()}
    with clock.step("transform"):
        model_rows = transform(settings.build_path, settings.sql_dir)
    if held_back:
        with clock.step("quarantine"):
            quarantine(settings.build_path, held_back)
            model_rows = transform(settings.build_path, settings.sql_dir)
    with clock.step("validate"):
        checks = validate(settings)
    # hold back the reports that fail critical checks, until what is left passes
    while (newly := checks.reports_to_hold_back()) and not checks.blocking and not newly.keys() & held_back:
        held_back |= newly
        with clock.step("quarantine"):
            quarantine(settings.build_path, newly)
            model_rows = transform(settings.build_path, settings.sql_dir)
            checks = validate(settings)
    publishable = checks.success
    newest = newest_report_date(settings.build_path)  # read before publishing moves the build
    if publishable:
        with clock.step("publish"):
            publish_build(settings.build_path, settings.warehouse_path)
    paths = {report_id: path for path, report_id in ids.items()}
    summary = RunSummary(
        reports_read=len(reports.reports) + len(reports.rejected),
        rejected=[r.reason for r in rejected],
        observations_loaded=loaded["stg_observations"],
        skipped=staged.skipped,
        facts_built=model_rows.get("fact_retail", 0),
        checks_passed=checks.checks_passed,
        checks_failed=checks.checks_failed,
        failures=[f for f in checks.failures if f not in checks.warnings],
        warnings=checks.warnings,
        held_back={paths[report_id]: reasons for report_id, reasons in held_back.items()},
        review=staged.review,
        published=publishable,
        warehouse_path=settings.warehouse_path,
        build_path=settings.build_path,
        docs_index=settings.docs_index,
        overview=settings.overview,
        new=changes.new,
        changed=changes.changed,
        unchanged=changes.unchanged,
        removed=changes.removed,
        seconds=dict(clock.seconds),
        sources=[report.line for report in fetched],
        followed_regions=len({s.region for s in sources.enabled if s.region}),
        newest_report=newest,
        source_errors=sources.errors + [line for report in fetched for line in report.failed],
    )
    with clock.step("docs"):
        extracted = set(ids.values())  # the pages of the reports reused as published stand
        build_docs(settings.gx_dir, settings.docs_dir, settings.warehouse_path, summary.problems(), extracted)
    summary = dataclasses.replace(summary, seconds=dict(clock.seconds))  # with the docs step's time
    create_markdown_artifact(
        key="retail-warehouse-run", markdown=summary.markdown(), description=summary.headline
    )
    if not summary.success:
        return Failed(message=summary.headline, data=summary)
    return Completed(message=summary.headline, data=summary)
