"""Validate the DuckDB warehouse with the Great Expectations suites in expectations/*.json.

Each suite file names the table or view it checks in ``meta.dataset``; that dataset is read
read-only into pandas (GX's SQL datasource over DuckDB is broken, see STACK.md) and validated
with a file-mode GX context whose stored results feed the static Data Docs site.

Great Expectations is imported inside the functions only: importing it costs seconds, and
other commands import this module without validating anything.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

if TYPE_CHECKING:
    import pandas as pd
    from great_expectations.core import ExpectationSuite, ExpectationSuiteValidationResult
    from great_expectations.data_context import FileDataContext

DATASOURCE_NAME = "warehouse"
BATCH_DEFINITION_NAME = "whole_table"
DOCS_SITE_NAME = "warehouse_docs"
RUN_NAME = "warehouse"
REPORT_COLUMN = "report_id"
SAMPLE_VALUES = 3
SAMPLE_CHARS = 400

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# kwargs that only steer GX, not the check itself: left out of failure lines.
_NOISE_KWARGS = {"batch_id", "result_format", "catch_exceptions", "include_config", "meta"}


@dataclass(frozen=True)
class SuiteSpec:
    """One expectation suite file, as written by hand."""

    path: Path
    name: str
    dataset: str
    expectations: tuple[Mapping[str, Any], ...]
    meta: Mapping[str, Any]

    @property
    def severity(self) -> str:
        """critical (the default: a failing report is held back) or warning (shown, published)."""
        return self.meta.get("severity", "critical")

    @property
    def per_report(self) -> bool:
        """Its every expectation looks at one report's rows at a time (meta.scope "per report"), so
        rows of reports unchanged since they were published and checked need no second look."""
        return self.meta.get("scope") == "per report"


@dataclass(frozen=True)
class SuiteResult:
    """Outcome of one suite against its dataset."""

    suite: str
    dataset: str
    success: bool
    evaluated: int
    failed: int
    failures: tuple[str, ...] = ()
    severity: str = "critical"
    # report_id -> failure lines, for failures that rows of particular reports caused
    failed_reports: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # failures no report can be blamed for (e.g. a dimension's key is duplicated)
    unattributed: tuple[str, ...] = ()
    # report ids whose rows were checked, when only the changed reports' were (None: every row)
    reports_checked: int | None = None

    @property
    def label(self) -> str:
        return self.suite if self.suite == self.dataset else f"{self.suite} [{self.dataset}]"


@dataclass(frozen=True)
class ValidationSummary:
    """Outcome of one validate_warehouse run, made of plain values (safe to pass between tasks)."""

    suites: tuple[SuiteResult, ...]
    run_time: str

    @property
    def success(self) -> bool:
        """No critical check failed (warnings may have)."""
        return all(s.success for s in self.suites if s.severity == "critical")

    @property
    def warnings(self) -> list[str]:
        return [f"{s.label}: {line}" for s in self.suites if s.severity == "warning" for line in s.failures]

    @property
    def blocking(self) -> list[str]:
        """Critical failures that no report can be held back for: nothing may be published."""
        return [
            f"{s.label}: {line}" for s in self.suites if s.severity == "critical" for line in s.unattributed
        ]

    def reports_to_hold_back(self) -> dict[str, list[str]]:
        """report_id -> the critical checks its rows failed."""
        held: dict[str, list[str]] = {}
        for suite in self.suites:
            if suite.severity == "critical":
                for report_id, lines in suite.failed_reports.items():
                    held.setdefault(report_id, []).extend(f"{suite.label}: {line}" for line in lines)
        return held

    @property
    def checks_passed(self) -> int:
        return sum(s.evaluated - s.failed for s in self.suites)

    @property
    def checks_failed(self) -> int:
        return sum(s.failed for s in self.suites)

    @property
    def failures(self) -> list[str]:
        return [f"{s.label}: {line}" for s in self.suites for line in s.failures]

    def describe(self) -> str:
        """A short multi-line report for logs."""
        verdict = "passed" if self.success else "FAILED"
        head = (
            f"validation {verdict}: {self.checks_passed} checks passed, "
            f"{self.checks_failed} failed, {len(self.suites)} suites"
        )
        return "\n".join([head, *(f"  - {line}" for line in self.failures)])


def read_suite_files(expectations_dir: Path) -> list[SuiteSpec]:
    """Parse and sanity-check every *.json suite file (no GX needed)."""
    paths = sorted(Path(expectations_dir).glob("*.json"))
    if not paths:
        raise FileNotFoundError(f"no expectation suite files (*.json) in {expectations_dir}")
    specs = [_read_suite_file(path) for path in paths]
    seen: dict[str, Path] = {}
    for spec in specs:
        if spec.name in seen:
            raise ValueError(f"{spec.path}: suite name {spec.name!r} already used by {seen[spec.name]}")
        seen[spec.name] = spec.path
    return specs


def validate_warehouse(
    db_path: Path, expectations_dir: Path, gx_dir: Path, published: Path | None = None
) -> ValidationSummary:
    """Validate every suite in expectations_dir against the DuckDB file; store results in gx_dir.
    Each dataset is read when its suite runs, with only the columns the suite names, and let go
    after: memory holds one dataset's columns at a time, not the warehouse. A per-report suite
    reads only the rows of reports whose rows differ from those in the published warehouse, when
    that was checked by these same suite files."""
    specs = read_suite_files(expectations_dir)
    context = _context(gx_dir)
    suites = {spec.name: _build_suite(spec) for spec in specs}  # fail on a bad file before storing
    _drop_stale_definitions(context, keep=set(suites))
    run_time = datetime.now(UTC)
    results: list[SuiteResult] = []
    with open_warehouse(db_path) as warehouse:
        digest = suites_digest(expectations_dir)
        compared = published is not None and warehouse.compare_with(published, digest)
        for spec in specs:
            reports = warehouse.changed_reports(spec.dataset) if compared and spec.per_report else None
            frame = warehouse.read(spec.dataset, suite_columns(spec), reports)
            if frame is None:
                results.append(_missing_dataset_result(spec))
                continue
            outcome = _run_suite(context, suites[spec.name], spec.dataset, frame, run_time)
            result = _suite_result(spec, outcome, frame)
            results.append(result if reports is None else replace(result, reports_checked=len(reports)))
            del frame
    return ValidationSummary(suites=tuple(results), run_time=run_time.isoformat())


def suites_digest(expectations_dir: Path) -> str:
    """A hash of the suite files as written (read, not parsed): a warehouse checked by other
    suites is checked whole."""
    digest = hashlib.sha256()
    for path in sorted(Path(expectations_dir).glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_data_docs(gx_dir: Path, docs_dir: Path, keep_runs: int = 10) -> Path:
    """Prune stored results to the latest keep_runs runs, build the static site; return index.html."""
    if keep_runs < 1:
        raise ValueError("keep_runs must be at least 1")
    if not (Path(gx_dir) / "great_expectations.yml").is_file():
        raise FileNotFoundError(f"no GX project in {gx_dir}: run validate_warehouse first")
    context = _context(gx_dir)
    docs_dir = Path(docs_dir).resolve()
    _configure_docs_site(context, docs_dir)
    prune_validation_results(context, keep_runs)
    context.build_data_docs(site_names=[DOCS_SITE_NAME])
    index = docs_dir / "index.html"
    if not index.is_file():
        raise RuntimeError(f"GX did not write {index}")
    return index


class Warehouse:
    """A read-only DuckDB connection that hands out tables and views as pandas frames."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.columns = self._columns("current_database()")
        self.published: dict[str, list[str]] = {}

    def _columns(self, catalog: str) -> dict[str, list[str]]:
        columns: dict[str, list[str]] = {}
        for table, column in self.con.execute(
            "select table_name, column_name from information_schema.columns"
            f" where table_catalog = {catalog} and table_schema = 'main'"
            " order by table_name, ordinal_position"
        ).fetchall():
            columns.setdefault(table, []).append(column)
        return columns

    def compare_with(self, published: Path, digest: str) -> bool:
        """Attach the published warehouse to compare rows with, if it was checked by the suites
        whose digest is given; whether it was."""
        if not Path(published).is_file():
            return False
        self.con.execute("attach ? as published (read_only)", [str(published)])
        self.published = self._columns("'published'")
        if "ref_settings" not in self.published:
            return False
        stored = self.con.execute(
            "select value from published.ref_settings where name = 'suites_sha256'"
        ).fetchall()
        return stored == [(digest,)]

    def changed_reports(self, name: str) -> list[str] | None:
        """The reports with a row in the dataset that the published one lacks (new, revised, or
        built differently), or None when the two cannot be compared row for row."""
        if REPORT_COLUMN not in self.columns.get(name, []) or self.published.get(name) != self.columns[name]:
            return None
        # names come from the database's own catalogue, so quoting them is safe
        return sorted(
            report_id
            for (report_id,) in self.con.execute(
                f'select distinct {REPORT_COLUMN} from (select * from "{name}" '
                f'except select * from published."{name}") where {REPORT_COLUMN} is not null'
            ).fetchall()
        )

    def read(
        self, name: str, wanted: set[str] | None = None, reports: list[str] | None = None
    ) -> pd.DataFrame | None:
        """The table or view (only the wanted columns it has, only the given reports' rows);
        None when it is missing."""
        _check_identifier(name)
        if name not in self.columns:
            return None
        columns = [c for c in self.columns[name] if wanted is None or c in wanted] or self.columns[name]
        selected = ", ".join(f'"{column}"' for column in columns)
        if reports is None:
            return self.con.execute(f'SELECT {selected} FROM "{name}"').df(date_as_object=False)
        return self.con.execute(
            f'SELECT {selected} FROM "{name}" WHERE {REPORT_COLUMN} IN (SELECT unnest(?))', [reports]
        ).df(date_as_object=False)


@contextmanager
def open_warehouse(db_path: Path) -> Iterator[Warehouse]:
    if not Path(db_path).is_file():
        raise FileNotFoundError(f"warehouse not found: {db_path}")
    with duckdb.connect(str(db_path), read_only=True) as con:
        yield Warehouse(con)


def suite_columns(spec: SuiteSpec) -> set[str] | None:
    """The columns a suite's expectations name (with report_id, to blame reports), or None when
    it needs every column: a table-level expectation (an audit's failure shows whole rows)."""
    if any(exp["type"].startswith("expect_table_") for exp in spec.expectations):
        return None
    columns = {REPORT_COLUMN}
    for exp in spec.expectations:
        for key, value in (exp.get("kwargs") or {}).items():
            if key.startswith("column"):
                columns.update([value] if isinstance(value, str) else value)
            elif key == "row_condition":
                columns.update(_condition_columns(value))
    return columns


def _condition_columns(condition: Any) -> set[str]:
    """Column names a row_condition may read; for pandas pass-through text, every identifier in it
    (a name that is no column is simply not selected)."""
    if isinstance(condition, str):
        return set(_IDENTIFIER.findall(condition))
    if not isinstance(condition, dict):
        return set()
    if condition.get("type") == "pass_through":
        return set(_IDENTIFIER.findall(str(condition.get("pass_through_filter"))))
    found = {condition["column"]["name"]} if isinstance(condition.get("column"), dict) else set()
    for part in condition.get("conditions") or []:
        found |= _condition_columns(part)
    return found


def prune_validation_results(context: FileDataContext, keep_runs: int) -> int:
    """Delete stored validation results of all but the latest keep_runs runs; return how many."""
    store = context.validation_results_store
    keys = store.list_keys()
    run_times = sorted({key.run_id.run_time for key in keys}, reverse=True)
    keep = set(run_times[:keep_runs])
    stale = [key for key in keys if key.run_id.run_time not in keep]
    for key in stale:
        store.remove_key(key)
    return len(stale)


def _read_suite_file(path: Path) -> SuiteSpec:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise ValueError(f"{path}: not valid JSON: {err}") from err
    if not isinstance(doc, dict):
        raise ValueError(f"{path}: a suite file must hold a JSON object")
    name, meta, expectations = doc.get("name"), doc.get("meta"), doc.get("expectations")
    if not isinstance(name, str) or not name:
        raise ValueError(f"{path}: 'name' must be a non-empty string")
    if not isinstance(meta, dict) or not isinstance(meta.get("dataset"), str):
        raise ValueError(f"{path}: 'meta.dataset' must name the table or view to validate")
    if not isinstance(expectations, list) or not expectations:
        raise ValueError(f"{path}: 'expectations' must be a non-empty list")
    for i, exp in enumerate(expectations):
        if not isinstance(exp, dict) or not isinstance(exp.get("type"), str):
            raise ValueError(f"{path}: expectation #{i} needs a 'type'")
    _check_identifier(meta["dataset"], where=str(path))
    return SuiteSpec(path, name, meta["dataset"], tuple(expectations), meta)


def _check_identifier(name: str, where: str = "dataset") -> None:
    if not isinstance(name, str) or not _IDENTIFIER.fullmatch(name):
        raise ValueError(f"{where}: {name!r} is not a plain table or view name")


def import_great_expectations() -> None:
    """Import GX now (seconds), e.g. while something else waits, rather than in the first check."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")  # before GX reads it
    import great_expectations  # noqa: F401


def _context(gx_dir: Path) -> FileDataContext:
    """Open (or scaffold) the file-mode GX project rooted at gx_dir, quiet."""
    import_great_expectations()
    import great_expectations as gx

    context = gx.get_context(mode="file", context_root_dir=Path(gx_dir).resolve())
    quiet = {"globally": False, "metric_calculations": False}
    if context.variables.progress_bars != quiet or context.variables.analytics_enabled is not False:
        context.variables.progress_bars = quiet  # tqdm bars otherwise print per suite
        context.variables.analytics_enabled = False
        context.variables.save()
    return context


def _build_suite(spec: SuiteSpec) -> ExpectationSuite:
    """Turn a suite file into a GX suite; a bad expectation raises instead of being skipped."""
    from great_expectations.core import ExpectationSuite
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )

    expectations = []
    for i, exp in enumerate(spec.expectations):
        fields = dict(exp)
        meta = fields.get("meta") or {}
        fields.setdefault("notes", meta.get("notes"))  # Data Docs render notes, not meta.notes
        try:
            expectations.append(ExpectationConfiguration(**fields).to_domain_obj())
        except Exception as err:  # GX raises several unrelated types for a bad config
            raise ValueError(f"{spec.path}: expectation #{i} ({exp['type']}): {err}") from err
    notes = spec.meta.get("notes")
    return ExpectationSuite(name=spec.name, expectations=expectations, meta=dict(spec.meta), notes=notes)


def _drop_stale_definitions(context: FileDataContext, keep: set[str]) -> None:
    """Forget suites whose files were deleted, so Data Docs stop listing them."""
    for definition in list(context.validation_definitions.all()):
        if definition.name not in keep:
            context.validation_definitions.delete(definition.name)
    for suite in list(context.suites.all()):
        if suite.name not in keep:
            context.suites.delete(suite.name)


def _run_suite(
    context: FileDataContext,
    suite: ExpectationSuite,
    dataset: str,
    frame: pd.DataFrame,
    run_time: datetime,
) -> ExpectationSuiteValidationResult:
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier

    suite = context.suites.add_or_update(suite)  # the file is the source of truth each run
    # add_or_update_pandas would recreate the assets with new ids, orphaning stored definitions.
    datasource = (
        context.data_sources.get(DATASOURCE_NAME)
        if DATASOURCE_NAME in context.data_sources.all()
        else context.data_sources.add_pandas(DATASOURCE_NAME)
    )
    asset_names = {asset.name for asset in datasource.assets}
    asset = (
        datasource.get_asset(dataset) if dataset in asset_names else datasource.add_dataframe_asset(dataset)
    )
    batch_names = {bd.name for bd in asset.batch_definitions}
    batch = (
        asset.get_batch_definition(BATCH_DEFINITION_NAME)
        if BATCH_DEFINITION_NAME in batch_names
        else asset.add_batch_definition_whole_dataframe(BATCH_DEFINITION_NAME)
    )
    definition = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(name=suite.name, data=batch, suite=suite)
    )
    # One run id for all suites of a call, so pruning keeps or drops whole runs.
    result_format: dict[str, Any] = {"result_format": "SUMMARY"}
    if REPORT_COLUMN in frame.columns:  # name the reports whose rows fail, so they can be held back
        result_format = {"result_format": "COMPLETE", "unexpected_index_column_names": [REPORT_COLUMN]}
    return definition.run(
        batch_parameters={"dataframe": frame},
        result_format=result_format,
        run_id=RunIdentifier(run_name=RUN_NAME, run_time=run_time),
    )


def _suite_result(
    spec: SuiteSpec, outcome: ExpectationSuiteValidationResult, frame: pd.DataFrame
) -> SuiteResult:
    failed = [r for r in outcome.results if not r.success]
    lines = [_describe_failure(r, frame) for r in failed]
    failed_reports: dict[str, list[str]] = {}
    unattributed = []
    for result, line in zip(failed, lines, strict=True):
        reports = _failing_reports(result, frame)
        for report_id in reports:
            failed_reports.setdefault(report_id, []).append(line)
        if not reports:
            unattributed.append(line)
    return SuiteResult(
        suite=spec.name,
        dataset=spec.dataset,
        success=bool(outcome.success),
        evaluated=len(outcome.results),
        failed=len(failed),
        failures=tuple(lines),
        severity=spec.severity,
        failed_reports={report_id: tuple(lines) for report_id, lines in failed_reports.items()},
        unattributed=tuple(unattributed),
    )


def _failing_reports(result: Any, frame: pd.DataFrame) -> list[str]:
    """The reports whose rows made an expectation fail: from GX's unexpected rows, or, for a
    table-level check on an audit view (which holds only bad rows), every report in it."""
    if (
        REPORT_COLUMN not in frame.columns
        or result.exception_info
        and _exception_messages(result.exception_info)
    ):
        return []
    rows = (result.result or {}).get("unexpected_index_list")
    if rows:
        return sorted({str(row[REPORT_COLUMN]) for row in rows if row.get(REPORT_COLUMN) is not None})
    if result.expectation_config.type == "expect_table_row_count_to_equal":
        return sorted(frame[REPORT_COLUMN].dropna().astype(str).unique())
    return []


def _missing_dataset_result(spec: SuiteSpec) -> SuiteResult:
    n = len(spec.expectations)
    message = f"dataset {spec.dataset!r} does not exist in the warehouse ({n} checks not run)"
    return SuiteResult(spec.name, spec.dataset, False, n, n, (message,), spec.severity, {}, (message,))


def _describe_failure(result: Any, frame: pd.DataFrame) -> str:
    """One line: expectation(kwargs): what was found, with a few offending values or rows."""
    config = result.expectation_config
    head = check_name(config.type, config.kwargs)
    errors = _exception_messages(result.exception_info)
    if errors:
        return f"{head}: error: {errors[0]}"
    found = result.result or {}
    if "unexpected_count" in found:
        samples = list(dict.fromkeys(_plain(v) for v in found.get("partial_unexpected_list") or []))
        line = f"{head}: {found['unexpected_count']} of {found.get('element_count')} rows unexpected"
        return line + _examples(samples)
    if "observed_value" in found:
        line = f"{head}: observed {_plain(found['observed_value'])}"
        if config.type == "expect_table_row_count_to_equal" and config.kwargs.get("value") == 0:
            rows = frame.head(SAMPLE_VALUES).to_dict("records")  # an audit view's bad rows
            line += _examples([_plain({k: v for k, v in r.items() if v is not None}) for r in rows])
        return line
    return head


def check_name(expectation_type: str, kwargs: Mapping[str, Any]) -> str:
    """An expectation as failure lines name it: type(kwargs), e.g.
    expect_column_values_to_be_unique(column='segment_code')."""
    args = ", ".join(
        f"{key}={_condition_text(value) if key == 'row_condition' else _plain(value)}"
        for key, value in sorted(kwargs.items())  # GX hands kwargs back in an order of its own
        if key not in _NOISE_KWARGS and value is not None
    )
    return f"{expectation_type}({args})"


def _examples(samples: list[str]) -> str:
    text = ", ".join(samples[:SAMPLE_VALUES])
    if len(text) > SAMPLE_CHARS:
        text = text[: SAMPLE_CHARS - 3] + "..."
    return f", e.g. {text}" if text else ""


def _exception_messages(info: Any) -> list[str]:
    """GX nests exception info per metric, or not, depending on where it failed."""
    if not isinstance(info, dict):
        return []
    if info.get("raised_exception"):
        return [str(info.get("exception_message"))]
    return [m for value in info.values() for m in _exception_messages(value)]


def _condition_text(condition: Any) -> str:
    """Readable text of a row_condition in either the GX Condition or the pass-through form."""
    if not isinstance(condition, dict):
        return str(condition)
    kind = condition.get("type")
    if kind == "pass_through":
        return str(condition.get("pass_through_filter"))
    if kind == "comparison":
        column, op = condition["column"]["name"], condition["operator"]
        return f"{column} {op} {condition['parameter']!r}"
    if kind == "nullity":
        return f"{condition['column']['name']} IS {'NULL' if condition['is_null'] else 'NOT NULL'}"
    if kind in ("and", "or"):
        joined = f" {kind.upper()} ".join(_condition_text(c) for c in condition["conditions"])
        return f"({joined})"
    return json.dumps(condition, default=str)


def _plain(value: Any) -> str:
    """Short text for a kwarg or an unexpected value (numpy scalars, dicts, tuples)."""
    if isinstance(value, dict):
        return "(" + ", ".join(f"{k}={_plain(v)}" for k, v in value.items()) + ")"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_plain(v) for v in value) + "]"
    if hasattr(value, "item") and not isinstance(value, str):
        try:
            value = value.item()  # numpy scalar to Python
        except (ValueError, TypeError):
            return str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 100 as written in a suite file, which GX hands back as 100.0
    return repr(value) if isinstance(value, str) else str(value)


def _configure_docs_site(context: FileDataContext, docs_dir: Path) -> None:
    """Point the one Data Docs site at docs_dir; drop GX's default site inside gx_dir."""
    site = {
        "class_name": "SiteBuilder",
        "show_how_to_buttons": False,
        "store_backend": {
            "class_name": "TupleFilesystemStoreBackend",
            "base_directory": str(docs_dir),
        },
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    }
    sites = context.list_data_docs_sites()
    for name in [n for n in sites if n != DOCS_SITE_NAME]:
        context.delete_data_docs_site(name)
    if DOCS_SITE_NAME not in sites:
        context.add_data_docs_site(DOCS_SITE_NAME, site)
    elif sites[DOCS_SITE_NAME] != site:
        context.update_data_docs_site(DOCS_SITE_NAME, site)
