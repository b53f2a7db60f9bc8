"""Unit tests for flows/validate.py against the real suite files in expectations/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.validate import (
    SuiteResult,
    build_data_docs,
    open_warehouse,
    read_suite_files,
    suite_columns,
    suites_digest,
    validate_warehouse,
)

ROOT = Path(__file__).resolve().parent.parent
SUITES = ROOT / "expectations"
# chk_orphan_facts first: the tests give it a real query; the other audit views are stand-ins
CHECK_VIEWS = (
    "chk_orphan_facts",
    *sorted({p.stem for p in SUITES.glob("chk_*.json")} - {"chk_orphan_facts"}),
)
FACT_COLUMNS = (
    "fact_id VARCHAR, report_id VARCHAR, region_code VARCHAR, segment_code VARCHAR, "
    "period_code VARCHAR, metric_code VARCHAR, value DOUBLE, unit VARCHAR, evidence VARCHAR, "
    "is_derived BOOLEAN, derivation VARCHAR"
)
SHA = "ab" * 32

# (fact_id, region, segment, period, metric, value, unit, is_derived, derivation)
GOOD_FACTS = [
    ("f01", "000000", "total", "2024", "yoy_growth_pct", 7.2, "percent", False, None),
    ("f02", "650000", "total", "2024", "yoy_growth_pct", 300.0, "percent", False, None),
    ("f03", "650000", "total", "2024", "gap_vs_national_pp", 92.8, "pp", True, "f02 - f01"),
    ("f04", "650000", "physical", "2024", "share_pct", 80.5, "percent", False, None),
    ("f05", "650000", "physical", "2024", "share_change_pp", -1.5, "pp", False, None),
    ("f06", "650000", "live_streaming", "2024-H1", "viewers_count", 2.5e6, "people", False, None),
    ("f07", "650000", "live_streaming", "2024-H1", "viewers_yoy_growth_pct", -40.0, "percent", False, None),
    ("f08", "650000", "live_streaming", "2024-H1", "sessions_count", 12000.0, "sessions", False, None),
    ("f09", "650000", "total", "2024", "amount_cny", 1.2e11, "yuan", False, None),
]


def make_warehouse(path: Path, facts: list[tuple] = GOOD_FACTS, orphans: bool = False) -> Path:
    """A tiny warehouse with the real table shapes; chk_* stand-ins are empty unless orphans."""
    with duckdb.connect(str(path)) as con:
        con.execute(f"CREATE TABLE fact_retail ({FACT_COLUMNS})")
        con.executemany(
            "INSERT INTO fact_retail VALUES (?, 'r1', ?, ?, ?, ?, ?, ?, 'quoted text', ?, ?)",
            [list(f) for f in facts],
        )
        con.execute(
            "CREATE TABLE dim_region AS SELECT * FROM (VALUES"
            " ('000000', 'China', 'nation', NULL), ('650000', 'Xinjiang', 'province', '000000'))"
            " t(region_code, region_name, level, parent_code)"
        )
        con.execute(
            "CREATE TABLE dim_segment AS SELECT * FROM (VALUES"
            " ('total', 'online retail', NULL, 1), ('physical', 'physical goods', 'total', 2),"
            " ('live_streaming', 'live-streaming', 'total', 2))"
            " t(segment_code, segment_name, parent_code, level)"
        )
        con.execute(
            "CREATE TABLE dim_period AS SELECT * FROM (VALUES"
            " ('2024', 'year', DATE '2024-01-01', DATE '2024-12-31'),"
            " ('2024-H1', 'half', DATE '2024-01-01', DATE '2024-06-30'))"
            " t(period_code, period_kind, start_date, end_date)"
        )
        con.execute(
            "CREATE TABLE dim_metric AS SELECT DISTINCT metric_code, metric_code AS metric_name,"
            " unit, 'kind' AS metric_kind FROM fact_retail"
        )
        con.execute(
            "CREATE TABLE dim_report AS SELECT 'r1' AS report_id, 'A report' AS title,"
            f" 'press office' AS source, DATE '2025-01-20' AS report_date, 'text' AS report_date_source,"
            " 'raw/r1.txt' AS path,"
            f" '{SHA}' AS sha256"
        )
        # A real orphan check for chk_orphan_facts; the other audit views are empty stand-ins.
        orphan_sql = (
            "SELECT f.* FROM fact_retail f ANTI JOIN dim_region r USING (region_code)"
            if orphans
            else "SELECT * FROM fact_retail WHERE false"
        )
        con.execute(f"CREATE VIEW chk_orphan_facts AS {orphan_sql}")
        for view in CHECK_VIEWS[1:]:
            con.execute(f"CREATE VIEW {view} AS SELECT * FROM fact_retail WHERE false")
    return path


def bad_facts() -> list[tuple]:
    facts = list(GOOD_FACTS)
    facts[1] = ("f02", "650000", "total", "2024", "yoy_growth_pct", 5000.0, "percent", False, None)
    facts[3] = ("f04", "650000", "physical", "2024", "share_pct", 130.0, "percent", False, None)
    facts.append(("f10", "000000", "total", "2024", "yoy_growth_pct", 7.3, "percent", False, None))
    facts.append(("f11", "999999", "total", "2024", "share_pct", 10.0, "percent", False, None))
    return facts


def suite_count() -> int:
    return sum(len(s.expectations) for s in read_suite_files(SUITES))


def test_suite_files_are_readable_and_cover_every_dataset() -> None:
    specs = read_suite_files(SUITES)
    datasets = {spec.dataset for spec in specs}
    assert datasets >= {"fact_retail", "dim_region", "dim_segment", "dim_period", "dim_metric"}
    assert datasets >= set(CHECK_VIEWS)
    for spec in specs:
        for exp in spec.expectations:
            assert exp["type"].startswith("expect_")
            assert exp["meta"]["notes"], f"{spec.path}: every expectation says why"
            assert "id" not in exp


def test_good_warehouse_passes(tmp_path: Path) -> None:
    db = make_warehouse(tmp_path / "w.duckdb")
    summary = validate_warehouse(db, SUITES, tmp_path / "gx")
    assert summary.success, summary.describe()
    assert summary.checks_failed == 0
    assert summary.checks_passed == suite_count()
    assert summary.failures == []
    assert {s.suite for s in summary.suites} >= {"fact_retail", *CHECK_VIEWS}


def test_bad_warehouse_fails_and_names_the_failures(tmp_path: Path) -> None:
    db = make_warehouse(tmp_path / "w.duckdb", facts=bad_facts(), orphans=True)
    summary = validate_warehouse(db, SUITES, tmp_path / "gx")
    assert not summary.success
    by_suite = {s.suite: s for s in summary.suites}
    assert not by_suite["fact_retail"].success
    assert not by_suite["chk_orphan_facts"].success
    assert by_suite["dim_region"].success
    text = "\n".join(summary.failures)
    growth = [f for f in summary.failures if "_growth_pct" in f and "5000" in f]
    assert growth and "expect_column_values_to_be_between" in growth[0], text
    share = [f for f in summary.failures if "share_pct" in f and "130" in f]
    assert share and "min_value=0" in share[0] and "max_value=100" in share[0], text
    grain = [f for f in summary.failures if "expect_compound_columns_to_be_unique" in f]
    assert grain and "report_id" in grain[0] and "'000000'" in grain[0], text
    orphan = [f for f in summary.failures if f.startswith("chk_orphan_facts")]
    assert orphan and "expect_table_row_count_to_equal" in orphan[0], text
    assert "observed 1" in orphan[0] and "999999" in orphan[0], text
    assert summary.checks_failed == len(summary.failures) == 4, text
    assert summary.checks_passed == suite_count() - 4


def test_row_condition_limits_a_range_to_its_metrics(tmp_path: Path) -> None:
    # GOOD_FACTS holds growths of 300 and -40 and counts in the millions: outside the share
    # range, so the share check passing shows that its row_condition filtered them out.
    db = make_warehouse(tmp_path / "w.duckdb")
    gx_dir = tmp_path / "gx"
    assert validate_warehouse(db, SUITES, gx_dir).success
    results = stored_results(gx_dir, "fact_retail")
    assert len(results) == 1
    by_metric = {}
    for result in results[0]["results"]:
        condition = result["expectation_config"]["kwargs"].get("row_condition")
        if result["expectation_config"]["type"] == "expect_column_values_to_be_between":
            by_metric[json.dumps(condition, sort_keys=True)] = result["result"]["element_count"]
    counts = sorted(by_metric.values())
    # growth (3 rows incl. viewers_yoy_growth_pct), share (1), share_change (1), gap (1),
    # counts (2: viewers_count, sessions_count), amount (1)
    assert counts == [1, 1, 1, 1, 2, 3]
    share_key = next(k for k in by_metric if '"share_pct"' in k)
    assert by_metric[share_key] == 1


@pytest.mark.parametrize(
    ("metric", "value", "fails"),
    [
        ("growth_change_pp", 156.6, False),  # a growth can speed up by more than 100 points
        ("growth_change_pp", 1500.0, True),
        ("gap_vs_national_pp", -1200.0, True),
        ("share_change_pp", 99.0, False),
        ("share_change_pp", 130.0, True),
    ],
)
def test_points_ranges_differ_for_growths_and_shares(tmp_path: Path, metric, value, fails) -> None:
    facts = [*GOOD_FACTS, ("f10", "650000", "services", "2024", metric, value, "pp", False, None)]
    summary = validate_warehouse(make_warehouse(tmp_path / "w.duckdb", facts=facts), SUITES, tmp_path / "gx")
    failed = [f for f in summary.failures if f.startswith("fact_retail") and f"{value:g}" in f]
    assert bool(failed) is fails, summary.describe()
    assert summary.checks_failed == int(fails), summary.describe()


def test_row_condition_suffix_family_catches_a_new_counted_thing(tmp_path: Path) -> None:
    facts = [*GOOD_FACTS]
    facts.append(
        (
            "f20",
            "650000",
            "live_streaming",
            "2024-H1",
            "orders_yoy_growth_pct",
            1500.0,
            "percent",
            False,
            None,
        )
    )
    facts.append(("f21", "650000", "live_streaming", "2024-H1", "orders_count", -3.0, "orders", False, None))
    db = make_warehouse(tmp_path / "w.duckdb", facts=facts)
    summary = validate_warehouse(db, SUITES, tmp_path / "gx")
    text = "\n".join(summary.failures)
    assert summary.checks_failed == 2, text
    assert "1500" in text and "-3" in text


def test_adding_or_editing_a_suite_file_needs_no_python(tmp_path: Path) -> None:
    suites = tmp_path / "expectations"
    shutil.copytree(SUITES, suites)
    extra = {
        "name": "fact_units",
        "meta": {"dataset": "fact_retail"},
        "expectations": [
            {
                "type": "expect_column_values_to_be_in_set",
                "kwargs": {"column": "unit", "value_set": ["percent", "pp", "people", "yuan"]},
                "meta": {"notes": "Only units the docs know how to show."},
            }
        ],
    }
    (suites / "fact_units.json").write_text(json.dumps(extra))
    db = make_warehouse(tmp_path / "w.duckdb")
    gx_dir = tmp_path / "gx"
    summary = validate_warehouse(db, suites, gx_dir)
    assert not summary.success
    assert summary.failures == [
        "fact_units [fact_retail]: expect_column_values_to_be_in_set(column='unit', "
        "value_set=['percent', 'pp', 'people', 'yuan']): 1 of 9 rows unexpected, e.g. 'sessions'"
    ]
    # Editing the file takes effect on the next run in the same gx_dir.
    extra["expectations"][0]["kwargs"]["value_set"].append("sessions")
    (suites / "fact_units.json").write_text(json.dumps(extra))
    summary = validate_warehouse(db, suites, gx_dir)
    assert summary.success, summary.describe()
    assert summary.checks_passed == suite_count() + 1
    # Deleting the file forgets the suite.
    (suites / "fact_units.json").unlink()
    summary = validate_warehouse(db, suites, gx_dir)
    assert "fact_units" not in {s.suite for s in summary.suites}
    assert not (gx_dir / "expectations" / "fact_units.json").exists()


def test_bad_suite_files_are_rejected(tmp_path: Path) -> None:
    db = make_warehouse(tmp_path / "w.duckdb")
    suites = tmp_path / "expectations"
    suites.mkdir()
    typo = {
        "name": "typo",
        "meta": {"dataset": "fact_retail"},
        "expectations": [{"type": "expect_column_values_to_be_betwen", "kwargs": {"column": "x"}}],
    }
    (suites / "typo.json").write_text(json.dumps(typo))
    with pytest.raises(ValueError, match=r"typo\.json: expectation #0"):
        validate_warehouse(db, suites, tmp_path / "gx")
    sneaky = {**typo, "meta": {"dataset": "fact_retail; DROP TABLE fact_retail"}}
    (suites / "typo.json").write_text(json.dumps(sneaky))
    with pytest.raises(ValueError, match="not a plain table or view name"):
        validate_warehouse(db, suites, tmp_path / "gx")


def test_a_broken_row_condition_fails_loudly(tmp_path: Path) -> None:
    db = make_warehouse(tmp_path / "w.duckdb")
    suites = tmp_path / "expectations"
    suites.mkdir()
    condition = {"type": "pass_through", "pass_through_filter": "metrc_code == 'share_pct'"}
    spec = {
        "name": "typo_in_condition",
        "meta": {"dataset": "fact_retail"},
        "expectations": [
            {
                "type": "expect_column_values_to_be_between",
                "kwargs": {"column": "value", "min_value": 0, "row_condition": condition},
            }
        ],
    }
    (suites / "typo.json").write_text(json.dumps(spec))
    summary = validate_warehouse(db, suites, tmp_path / "gx")
    assert not summary.success
    assert "error:" in summary.failures[0] and "metrc_code" in summary.failures[0]


def test_missing_dataset_is_a_failed_suite(tmp_path: Path) -> None:
    db = make_warehouse(tmp_path / "w.duckdb")
    suites = tmp_path / "expectations"
    suites.mkdir()
    spec = {
        "name": "ghost",
        "meta": {"dataset": "chk_not_built"},
        "expectations": [{"type": "expect_table_row_count_to_equal", "kwargs": {"value": 0}}],
    }
    (suites / "ghost.json").write_text(json.dumps(spec))
    summary = validate_warehouse(db, suites, tmp_path / "gx")
    assert not summary.success
    assert summary.checks_failed == 1
    assert "chk_not_built" in summary.failures[0] and "does not exist" in summary.failures[0]


def test_a_dataset_is_read_with_pandas_types_and_a_checked_name(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute(
            "CREATE TABLE t AS SELECT DATE '2024-06-30' AS d, 12.34::DECIMAL(18, 2) AS amount,"
            " 3::BIGINT AS n, true AS flag, 'x' AS s"
        )
    with open_warehouse(db) as warehouse:
        assert warehouse.read("absent") is None
        frame = warehouse.read("t")
        assert str(frame["d"].dtype).startswith("datetime64")
        assert frame["amount"].dtype == "float64" and frame["amount"][0] == pytest.approx(12.34)
        assert frame["n"].dtype == "int64" and frame["flag"].dtype == "bool"
        with pytest.raises(ValueError, match="not a plain"):
            warehouse.read('t" ; DROP TABLE t; --')


def test_build_data_docs_in_another_process_and_prune(tmp_path: Path) -> None:
    db = make_warehouse(tmp_path / "w.duckdb")
    gx_dir, docs_dir = tmp_path / "gx", tmp_path / "docs"
    for _ in range(3):
        validate_warehouse(db, SUITES, gx_dir)
    assert len(run_dirs(gx_dir)) == 3
    code = (
        "import sys; from pathlib import Path; from flows.validate import build_data_docs;"
        "print(build_data_docs(Path(sys.argv[1]), Path(sys.argv[2]), keep_runs=2))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(gx_dir), str(docs_dir)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    index = Path(done.stdout.strip())
    assert index == docs_dir.resolve() / "index.html" and index.is_file()
    assert len(run_dirs(gx_dir)) == 2
    html = index.read_text(encoding="utf-8")
    for spec in read_suite_files(SUITES):
        assert spec.name in html
    assert not list(gx_dir.rglob("*.html")), "the site belongs in docs_dir, not gx_dir"
    # The stale run's pages are gone from the site too.
    pages = list((docs_dir / "validations").rglob("*.html"))
    assert len(pages) == 2 * len(read_suite_files(SUITES))
    # In-process rebuild with keep_runs=1 keeps exactly the newest run.
    validate_warehouse(db, SUITES, gx_dir)
    assert build_data_docs(gx_dir, docs_dir, keep_runs=1) == index
    assert len(run_dirs(gx_dir)) == 1


def test_importing_the_module_does_not_import_gx() -> None:
    code = "import sys, flows.validate; print('great_expectations' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
    )
    assert done.stdout.strip() == "False"


def stored_results(gx_dir: Path, suite: str) -> list[dict]:
    folder = gx_dir / "uncommitted" / "validations" / suite
    return [json.loads(p.read_text()) for p in sorted(folder.rglob("*.json"))]


def run_dirs(gx_dir: Path) -> set[str]:
    """Distinct run times among stored results (validations/<suite>/<run_name>/<run_time>/)."""
    folder = gx_dir / "uncommitted" / "validations"
    return {p.parent.name for p in folder.rglob("*.json")}


def test_a_suite_reads_only_the_columns_it_names_and_an_audit_reads_whole_rows() -> None:
    specs = {spec.name: spec for spec in read_suite_files(SUITES)}
    facts = suite_columns(specs["fact_retail"])
    # the compound key, the checked value and the column its row conditions test, and report_id
    assert facts >= {"report_id", "region_code", "segment_code", "period_code", "metric_code", "value"}
    assert facts.isdisjoint({"fact_id", "unit", "evidence", "is_derived", "derivation", "half_unit"})
    assert suite_columns(specs["chk_orphan_facts"]) is None  # a failure shows the bad rows whole


def test_a_dataset_is_read_with_the_wanted_columns_it_has(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS a, 2 AS b, 3 AS report_id")
    with open_warehouse(db) as warehouse:
        assert list(warehouse.read("t", {"b", "report_id", "endswith", "metric_code"}).columns) == [
            "b",
            "report_id",
        ]
        assert list(warehouse.read("t").columns) == ["a", "b", "report_id"]
        assert warehouse.read("absent", {"a"}) is None


def published_with_digest(path: Path, digest: str) -> Path:
    """make_warehouse's warehouse as a run publishes it: with the digest of the suites that checked it."""
    make_warehouse(path)
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE ref_settings AS SELECT 'suites_sha256' AS name, ? AS value", [digest])
    return path


def add_report(path: Path, report_id: str, value: float) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute(
            "INSERT INTO fact_retail VALUES (?, ?, '650000', 'total', '2024-H1', 'yoy_growth_pct', ?,"
            " 'percent', 'quoted text', false, NULL)",
            [f"f-{report_id}", report_id, value],
        )


def fact_suite(summary) -> SuiteResult:
    (suite,) = [s for s in summary.suites if s.suite == "fact_retail"]
    return suite


def test_a_per_report_suite_checks_only_the_reports_that_changed_since_publishing(tmp_path: Path) -> None:
    published = published_with_digest(tmp_path / "published.duckdb", suites_digest(SUITES))
    build = tmp_path / "build.duckdb"
    shutil.copy(published, build)
    add_report(build, "r2", 4000.0)  # a new report with an impossible growth
    suite = fact_suite(validate_warehouse(build, SUITES, tmp_path / "gx", published))
    assert suite.reports_checked == 1 and list(suite.failed_reports) == ["r2"]
    # only r2's row was read: the unexpected-row count is of 1 row, not of the whole table
    assert suite.evaluated == 7 and suite.failures[0].count(" of 1 rows") == 1


def test_a_report_whose_rows_were_built_differently_is_checked_again(tmp_path: Path) -> None:
    published = published_with_digest(tmp_path / "published.duckdb", suites_digest(SUITES))
    build = tmp_path / "build.duckdb"
    shutil.copy(published, build)
    with duckdb.connect(str(build)) as con:  # e.g. a changed model now gives r1's fact another value
        con.execute("UPDATE fact_retail SET value = 4000 WHERE fact_id = 'f01'")
    suite = fact_suite(validate_warehouse(build, SUITES, tmp_path / "gx", published))
    assert suite.reports_checked == 1 and list(suite.failed_reports) == ["r1"]


def test_every_row_is_checked_when_the_suites_changed_since_publishing(tmp_path: Path) -> None:
    published = published_with_digest(tmp_path / "published.duckdb", "the digest of other suite files")
    build = tmp_path / "build.duckdb"
    shutil.copy(published, build)
    add_report(build, "r2", 5.0)
    suite = fact_suite(validate_warehouse(build, SUITES, tmp_path / "gx", published))
    assert suite.reports_checked is None and suite.success
