"""Every check can fail: for each expectation in expectations/ (audit views included), a warehouse
built from the bundled report with exactly the defect it guards against, checked by the real GX
suites, fails that check and passes every other. Defects enter where data enters the warehouse:
the reference tables (data/reference/*.csv), the staging tables extraction and corrections fill,
and the sources list. A check no such defect can break is no data check and has no place in the
suites (its guarantee is a DDL constraint or a test in test_transform.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from flows.settings import PROJECT_ROOT
from flows.transform import run_models
from flows.validate import check_name, read_suite_files, validate_warehouse
from tests.conftest import REFERENCE_REPORT, build_database

SUITES = PROJECT_ROOT / "expectations"
SQL = PROJECT_ROOT / "sql"


def observation(region: str, segment: str, period: str, metric: str, value: float, **extra) -> str:
    """A staging observation of the bundled report, as extraction would write it."""
    half = extra.get("half_unit", 0.5)
    report = extra.get("report_id", "report_id")
    return f"""
        insert into stg_observations
        select * replace (
            observation_id || ':{region}:{segment}:{period}:{metric}:{value}' as observation_id,
            {report} as report_id, '{region}' as region_code, '{segment}' as segment_code,
            '{period}' as period_code, '{metric}' as metric_code, {value} as value,
            {half} as half_unit, 99999 as evidence_start
        )
        from stg_observations
        where metric_code = 'yoy_growth_pct' and segment_code = 'total'
    """


# a second report of another source, dated as the first
SECOND_REPORT = """
    insert into stg_reports
    select * replace ('second' as report_id, 'second.txt' as path, repeat('ab', 32) as sha256,
                      'Another Daily' as source)
    from stg_reports
"""


def second_report(*observations: str) -> list[str]:
    return [SECOND_REPORT, *(o.replace("{report}", "'second'") for o in observations)]


DEFECTS: dict[str, list[str]] = {
    # audits: consistency across figures and reports
    "chk_amount_growth: expect_table_row_count_to_equal(value=0)": [
        observation("650000", "total", "2024-H1", "amount_cny", 1e11, half_unit=5e7),
        observation("650000", "total", "2023-H1", "amount_cny", 1e11, half_unit=5e7),  # 0 % growth, not 15
    ],
    "chk_cross_report_conflicts: expect_table_row_count_to_equal(value=0)": second_report(
        observation("650000", "total", "2024-H1", "yoy_growth_pct", 25, report_id="{report}")
    ),
    "chk_derivation_conflicts: expect_table_row_count_to_equal(value=0)": [
        observation("620000", "physical", "2024-H1", "yoy_growth_pct", 10),
        observation("620000", "physical", "2024-H1", "gap_vs_national_pp", 4),  # 6, not 9 as Xinjiang's
    ],
    "chk_freshness: expect_table_row_count_to_equal(value=0)": [
        "insert into stg_sources values ('xj', 'https://example.org/', 'feed', null, '650000', 'zh', true)",
    ],
    "chk_gap_consistency: expect_table_row_count_to_equal(value=0)": [
        observation("000000", "physical", "2024-H1", "yoy_growth_pct", 5),  # 12 - 5 is no gap of 3
    ],
    "chk_national_vs_derived: expect_table_row_count_to_equal(value=0)": second_report(
        observation("000000", "physical", "2024-H1", "yoy_growth_pct", 5, report_id="{report}")
    ),
    "chk_orphan_facts: expect_table_row_count_to_equal(value=0)": [
        "delete from ref_metrics where metric_code = 'share_change_pp'",
    ],
    "chk_share_sums: expect_table_row_count_to_equal(value=0)": [
        observation("650000", "physical", "2024-H1", "share_pct", 80),
        observation("650000", "services", "2024-H1", "share_pct", 30),
    ],
    "chk_total_within_parts: expect_table_row_count_to_equal(value=0)": [
        "update stg_observations set value = 30 where segment_code = 'total' and metric_code = 'yoy_growth_pct'",
    ],
    # reference data
    "dim_metric: expect_column_values_to_not_be_null(column='metric_code')": [
        "insert into ref_metrics values (null, 'a metric', 'percent', 'growth')",
    ],
    "dim_metric: expect_column_values_to_be_unique(column='metric_code')": [
        "insert into ref_metrics select * from ref_metrics where metric_code = 'amount_cny'",
    ],
    "dim_metric: expect_column_values_to_match_regex(column='metric_code', regex='^[a-z][a-z0-9_]*$')": [
        "insert into ref_metrics values ('Growth %', 'a metric', 'percent', 'growth')",
    ],
    "dim_metric: expect_column_values_to_not_be_null(column='metric_name')": [
        "update ref_metrics set metric_name = null where metric_code = 'amount_cny'",
    ],
    "dim_metric: expect_column_values_to_not_be_null(column='unit')": [
        "update ref_metrics set unit = null where metric_code = 'amount_cny'",
    ],
    "dim_metric: expect_column_values_to_not_be_null(column='metric_kind')": [
        "update ref_metrics set metric_kind = null where metric_code = 'amount_cny'",
    ],
    "dim_period: expect_column_pair_values_a_to_be_greater_than_b(column_A='end_date', column_B='start_date', ignore_row_if='either_value_is_missing', or_equal=True)": [
        observation("650000", "total", "2024-EV-double_11", "yoy_growth_pct", 20),
        "insert into stg_event_dates select report_id, '2024-EV-double_11', date '2024-11-11', date '2024-11-01' from stg_reports",
    ],
    "dim_region: expect_column_values_to_not_be_null(column='region_code')": [
        "insert into ref_regions by name select null as region_code, 'Nowhere' as region_name, 'province' as level, '000000' as parent_code",
    ],
    "dim_region: expect_column_values_to_be_unique(column='region_code')": [
        "insert into ref_regions select * from ref_regions where region_code = '620000'",
    ],
    "dim_region: expect_column_values_to_match_regex(column='region_code', regex='^[0-9]{6}$')": [
        "insert into ref_regions by name select '62000' as region_code, 'Nowhere' as region_name, 'province' as level, '000000' as parent_code",
    ],
    "dim_region: expect_column_values_to_not_be_null(column='region_name')": [
        "update ref_regions set region_name = null where region_code = '620000'",
    ],
    "dim_region: expect_column_values_to_be_in_set(column='level', value_set=['nation', 'province', 'prefecture', 'county', 'city'])": [
        "update ref_regions set level = 'state' where region_code = '620000'",
    ],
    "dim_region: expect_column_values_to_not_be_null(column='level')": [
        "update ref_regions set level = null where region_code = '620000'",
    ],
    "dim_region: expect_column_values_to_not_be_null(column='parent_code', row_condition=level != 'nation')": [
        "update ref_regions set parent_code = null where region_code = '620000'",
    ],
    "dim_segment: expect_column_values_to_be_unique(column='segment_code')": [
        "insert into ref_segments select * from ref_segments where segment_code = 'apples'",
    ],
    "dim_segment: expect_column_values_to_not_be_null(column='segment_name')": [
        "update ref_segments set segment_name = null where segment_code = 'apples'",
    ],
    "dim_segment: expect_column_values_to_not_be_null(column='level')": [
        "update ref_segments set level = null where segment_code = 'apples'",
    ],
    # facts: one report stating one fact twice, and figures out of range
    "fact_retail: expect_compound_columns_to_be_unique(column_list=['report_id', 'region_code', 'segment_code', 'period_code', 'metric_code'])": [
        observation("650000", "agricultural", "2024-H1", "yoy_growth_pct", 16.5),
    ],
    "fact_retail: expect_column_values_to_be_between(column='value', max_value=1000, min_value=-100, row_condition=metric_code.str.endswith('_growth_pct'))": [
        "update stg_observations set value = 5000 where segment_code = 'live_streaming' and metric_code = 'yoy_growth_pct'",
    ],
    "fact_retail: expect_column_values_to_be_between(column='value', max_value=100, min_value=0, row_condition=metric_code == 'share_pct')": [
        observation("650000", "live_streaming", "2024-H1", "share_pct", 130),
    ],
    "fact_retail: expect_column_values_to_be_between(column='value', max_value=100, min_value=-100, row_condition=metric_code == 'share_change_pp')": [
        observation("650000", "live_streaming", "2024-H1", "share_change_pp", 150),
    ],
    "fact_retail: expect_column_values_to_be_between(column='value', max_value=1100, min_value=-1100, row_condition=metric_code IN ['gap_vs_national_pp', 'gap_vs_province_pp', 'gap_vs_segment_pp', 'growth_change_pp'])": [
        observation("650000", "live_streaming", "2024-H1", "gap_vs_province_pp", 2000),
    ],
    "fact_retail: expect_column_values_to_be_between(column='value', min_value=0, row_condition=metric_code.str.endswith('_count'))": [
        "update stg_observations set value = -5 where metric_code = 'sessions_count'",
    ],
    "fact_retail: expect_column_values_to_be_between(column='value', min_value=0, row_condition=metric_code == 'amount_cny')": [
        observation("650000", "total", "2024-H1", "amount_cny", -1e9, half_unit=5e6),
    ],
}


def every_check() -> list[str]:
    return [
        f"{spec.name}: {check_name(e['type'], e['kwargs'])}"
        for spec in read_suite_files(SUITES)
        for e in spec.expectations
    ]


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("clean")
    (folder / "raw").mkdir()
    shutil.copy(REFERENCE_REPORT, folder / "raw" / REFERENCE_REPORT.name)
    return build_database(folder / "raw", folder / "retail.duckdb")


def failing_checks(database: Path, gx_dir: Path) -> set[str]:
    summary = validate_warehouse(database, SUITES, gx_dir)
    names = every_check()
    failing = {name for line in summary.failures for name in names if line.startswith(name)}
    assert len(failing) == len(summary.failures), summary.failures  # each failure line names one check
    return failing


def test_every_check_has_a_defect_that_makes_it_fail():
    assert sorted(DEFECTS) == sorted(every_check())


def test_the_clean_warehouse_passes_every_check(clean_build, tmp_path):
    assert failing_checks(clean_build, tmp_path / "gx") == set()


@pytest.mark.parametrize("check", sorted(DEFECTS))
def test_the_defect_fails_its_check_and_no_other(clean_build, tmp_path, check):
    database = Path(shutil.copy(clean_build, tmp_path / "retail.duckdb"))
    with duckdb.connect(str(database)) as con:
        for statement in DEFECTS[check]:
            con.execute(statement)
    run_models(database, SQL)
    assert failing_checks(database, tmp_path / "gx") == {check}
