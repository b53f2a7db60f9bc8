"""The star schema built from the bundled reference report."""

from datetime import date
from pathlib import Path

import duckdb
import pytest

from flows.transform import models
from tests.conftest import build_database


@pytest.fixture
def con(reference_warehouse):
    with duckdb.connect(str(reference_warehouse), read_only=True) as connection:
        yield connection


def scalar(con, sql: str, *params):
    return con.execute(sql, list(params)).fetchone()[0]


def test_models_run_after_the_models_they_read():
    paths = models(Path(__file__).parent.parent / "sql")
    names = [p.stem for p in paths]
    assert {
        "dim_region",
        "dim_segment",
        "dim_period",
        "dim_metric",
        "dim_report",
        "fact_retail",
        "fact_history",
    } <= set(names)
    for position, path in enumerate(paths):
        sql = path.read_text(encoding="utf-8")
        for later in names[position + 1 :]:
            assert f" {later}" not in sql and f"\n{later}" not in sql, (
                f"{path.stem} reads {later}, built after it"
            )


def test_dimensions(con):
    # 34 provincial divisions and the Xinjiang Production and Construction Corps
    assert scalar(con, "select count(*) from dim_region where level = 'province'") == 35
    assert scalar(con, "select region_name from dim_region where level = 'nation'") == "China"
    assert scalar(con, "select path from dim_segment where segment_code = 'rural_services'") == (
        "online retail (total) > rural > rural services"
    )
    assert scalar(con, "select parent_code from dim_segment where segment_code = 'physical'") == "total"
    assert con.execute(
        "select period_kind, start_date, end_date from dim_period where period_code = '2024-H1'"
    ).fetchone() == ("half", date(2024, 1, 1), date(2024, 6, 30))
    assert scalar(con, "select unit from dim_metric where metric_code = 'sessions_count'") == "sessions"
    assert con.execute("select report_date, observation_count from dim_report").fetchall() == [
        (date(2024, 7, 19), 15)
    ]


def test_fact_counts_and_grain(con):
    assert con.execute(
        "select is_derived, count(*) from fact_retail group by all order by all"
    ).fetchall() == [(False, 15), (True, 4)]
    assert (
        scalar(
            con,
            "select count(*) from (select distinct report_id, region_code, segment_code, period_code, "
            "metric_code from fact_retail)",
        )
        == 19
    )


def test_derived_national_growth_from_each_gap(con):
    derived = con.execute(
        "select segment, value from v_facts where region = 'China' and is_derived order by segment"
    ).fetchall()
    assert derived == [("physical goods", 9.0), ("rural", 14.2), ("services", 16.4)]
    derivation = scalar(con, "select derivation from v_facts where region = 'China' and segment = 'services'")
    assert derivation.startswith("22.0 − 5.6 = 16.4")


def test_derived_prior_year_share(con):
    assert con.execute(
        "select period, value, is_derived from v_facts where metric_code = 'share_pct' order by period"
    ).fetchall() == [("2023-H1", 45.3, True), ("2024-H1", 47.0, False)]


def test_audit_tables_are_empty_for_the_reference_report(con):
    audits = [
        r[0]
        for r in con.execute(
            "select table_name from duckdb_tables() where table_name like 'chk_%'"
        ).fetchall()
    ]
    assert len(audits) == 9
    for audit in audits:  # freshness too: no source follows a region, so no release is overdue
        assert scalar(con, f"select count(*) from {audit}") == 0, audit


def test_growth_vs_national_view(con):
    assert con.execute(
        "select segment, regional_growth_pct, national_growth_pct, stated_gap_pp from v_growth_vs_national "
        "where national_growth_pct is not null order by segment"
    ).fetchall() == [
        ("physical goods", 12.0, 9.0, 3.0),
        ("rural", 20.0, 14.2, 5.8),
        ("services", 22.0, 16.4, 5.6),
    ]


INCONSISTENT = """SITE › News

Gansu online retail in the first half

As released on July 20, 2025, online retail sales in Gansu grew 30 percent year on year in the first half
of this year. Online retail sales of physical goods in Gansu grew 12 percent, 3 percentage points higher than
the national average. Service-oriented online retail sales in Gansu increased by 20 percent.
China's online retail sales of physical goods grew 5.5 percent in the first half of this year.
"""


def test_audits_catch_an_inconsistent_report(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "gansu.txt").write_text(INCONSISTENT, encoding="utf-8")
    with duckdb.connect(str(build_database(raw, tmp_path / "w.duckdb")), read_only=True) as con:
        # 12 - 5.5 = 6.5, not 3 (even allowing for rounding)
        assert con.execute(
            "select segment_code, stated_gap_pp, computed_gap_pp from chk_gap_consistency"
        ).fetchall() == [("physical", 3.0, 6.5)]
        # total growth of 30 lies outside its parts' 12 and 20
        assert con.execute("select segment_code, growth_pct from chk_total_within_parts").fetchall() == [
            ("total", 30.0)
        ]
        # the national figure is stated, so none is derived from the gap
        assert scalar(con, "select count(*) from fact_retail where is_derived") == 0


def test_report_text_with_sql_in_it_is_stored_as_text(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    title = "Sales'); drop table fact_retail; -- <b>up</b>"
    (raw / "x.txt").write_text(
        f"SITE › News\n\n{title}\n\nReleased on March 10, 2025. In 2024 online retail sales in Gansu grew 8 percent.\n",
        encoding="utf-8",
    )
    with duckdb.connect(str(build_database(raw, tmp_path / "w.duckdb")), read_only=True) as con:
        assert con.execute("select title from dim_report").fetchall() == [(title,)]
        assert con.execute("select count(*) from fact_retail").fetchall() == [(1,)]


# What the models guarantee by construction (no data can break it, so no data check holds it) -----

TWO_GAPS_AND_AN_EVENT = """Xibu Daily › News

Online retail report

Released on November 20, 2024. In the first half of this year, online retail sales of physical goods in
Gansu grew 12 percent, 3 percentage points higher than the national average. Online retail sales of
physical goods in Qinghai grew 10 percent in the first half of this year, 1 percentage point higher than
the national average. From November 1 to 11, online retail sales in Gansu grew 20 percent during the
Double 11 shopping festival.
"""


@pytest.fixture(scope="module")
def derived_warehouse(tmp_path_factory):
    folder = tmp_path_factory.mktemp("derived")
    (folder / "raw").mkdir()
    (folder / "raw" / "west.txt").write_text(TWO_GAPS_AND_AN_EVENT, encoding="utf-8")
    return build_database(folder / "raw", folder / "w.duckdb")


@pytest.mark.parametrize("warehouse", ["reference_warehouse", "derived_warehouse"])
def test_facts_keys_and_derivations_by_construction(request, warehouse):
    with duckdb.connect(str(request.getfixturevalue(warehouse)), read_only=True) as con:
        assert scalar(con, "select count(*) from fact_retail where is_derived") > 0
        keys = "fact_id, report_id, region_code, segment_code, period_code, metric_code, value, is_derived"
        assert (
            scalar(
                con,
                f"select count(*) filter (where {' is null or '.join(keys.split(', '))} is null) from fact_retail",
            )
            == 0
        )
        assert scalar(con, "select count(*) - count(distinct fact_id) from fact_retail") == 0
        # a derivation is said for each derived fact and for no stated one
        assert scalar(con, "select count(*) from fact_retail where (derivation is null) = is_derived") == 0
        # each derived fact is its first input minus its second
        off = """
            select count(*) from fact_retail d
            join fact_retail a on a.fact_id = d.derived_from[1]
            join fact_retail b on b.fact_id = d.derived_from[2]
            where d.is_derived and abs(d.value - (a.value - b.value)) <= 1e-6
        """
        assert scalar(con, off) == scalar(con, "select count(*) from fact_retail where is_derived")


@pytest.mark.parametrize("warehouse", ["reference_warehouse", "derived_warehouse"])
def test_periods_and_segments_by_construction(request, warehouse):
    with duckdb.connect(str(request.getfixturevalue(warehouse)), read_only=True) as con:
        assert scalar(con, "select count(*) - count(distinct period_code) from dim_period") == 0
        pattern = r"[0-9]{4}(-(H[12]|Q[1-4]|M(0[1-9]|1[0-2])|YTD(0[2-9]|1[01])|EV-[a-z0-9_]+))?"
        assert (
            scalar(
                con, "select count(*) from dim_period where not regexp_full_match(period_code, ?)", pattern
            )
            == 0
        )
        nulls = "period_kind is null or start_date is null or end_date is null"
        assert scalar(con, f"select count(*) from dim_period where {nulls}") == 0
        assert scalar(con, "select count(*) from dim_segment where segment_code is null") == 0


def test_staging_refuses_a_malformed_hash_or_date_source(reference_warehouse, tmp_path):
    import shutil

    copy = shutil.copy(reference_warehouse, tmp_path / "w.duckdb")
    with duckdb.connect(str(copy)) as con:
        for change in ("sha256 = 'not a hash'", "report_date_source = 'guessed'"):
            with pytest.raises(duckdb.ConstraintException):
                con.execute(f"update stg_reports set {change}")
