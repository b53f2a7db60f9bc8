"""The consistency audits (sql/chk_*.sql), each both ways, on small multi-report warehouses."""

from datetime import date
from pathlib import Path

import duckdb
import pytest

from flows.ingest.sources import Source
from tests.conftest import build_database


def report(source: str, dated: str, body: str) -> str:
    return f"{source} › News\n\nOnline retail report\n\nReleased on {dated}. {body}\n"


def audit(tmp_path, view: str, reports: dict[str, str]) -> list[tuple]:
    raw = tmp_path / "raw"
    raw.mkdir(parents=True)
    for name, text in reports.items():
        (raw / name).write_text(text, encoding="utf-8")
    with duckdb.connect(str(build_database(raw, tmp_path / "w.duckdb")), read_only=True) as con:
        return con.execute(f"select * from {view}").fetchall()


GANSU = "In the first half of this year, online retail sales of physical goods in Gansu grew 12 percent, 3 percentage points higher than the national average."


@pytest.mark.parametrize(("national", "conflict"), [("8.8", False), ("6.5", True)])
def test_derived_national_against_a_national_report_within_rounding(tmp_path, national, conflict):
    # 12 - 3 = 9.0, standing for 8.0 to 10.0: a stated 8.8 agrees, 6.5 does not
    rows = audit(
        tmp_path,
        "chk_national_vs_derived",
        {
            "gansu.txt": report("Gansu Daily", "July 20, 2024", GANSU),
            "china.txt": report(
                "Xinhua",
                "July 18, 2024",
                f"In the first half of this year, China's online retail sales of physical goods grew {national} percent.",
            ),
        },
    )
    assert bool(rows) is conflict


@pytest.mark.parametrize(("stated", "conflict"), [("8.8", False), ("6.5", True)])
def test_stated_gap_against_stated_growths_within_rounding(tmp_path, stated, conflict):
    body = (
        GANSU
        + f" Nationwide, online retail sales of physical goods grew {stated} percent in the first half of this year."
    )
    rows = audit(tmp_path, "chk_gap_consistency", {"gansu.txt": report("Gansu Daily", "July 20, 2024", body)})
    assert bool(rows) is conflict


@pytest.mark.parametrize(("total", "outside"), [("16", False), ("12", False), ("25", True)])
def test_a_total_lies_within_its_parts(tmp_path, total, outside):
    body = (
        f"In 2024 online retail sales in Gansu grew {total} percent. Online retail sales of physical goods in Gansu "
        "grew 12.4 percent in 2024, and service-oriented online retail sales in Gansu grew 22 percent in 2024."
    )
    # 12 stands for 11.5-12.5, which touches 12.4: within the parts
    rows = audit(
        tmp_path, "chk_total_within_parts", {"gansu.txt": report("Gansu Daily", "January 20, 2025", body)}
    )
    assert bool(rows) is outside


@pytest.mark.parametrize(
    ("physical", "services", "bad"),
    [("80", "20", False), ("80", "19.6", False), ("80.4", "19.4", True), ("80", "30", True)],
)
def test_shares_of_one_whole(tmp_path, physical, services, bad):
    # parts covering the whole sum to 100 within rounding: 80 + 19.6 may (99.05-100.15); 80.4 + 19.4 may not
    body = (
        f"In 2024 online retail sales of physical goods accounted for {physical} percent of online retail in Gansu, "
        f"and services accounted for {services} percent of online retail in Gansu in 2024."
    )
    rows = audit(tmp_path, "chk_share_sums", {"gansu.txt": report("Gansu Daily", "January 20, 2025", body)})
    assert bool(rows) is bad


@pytest.mark.parametrize(("growth", "bad"), [("10", False), ("10.4", False), ("15", True)])
def test_amounts_and_growth_against_last_years_amount(tmp_path, growth, bad):
    rows = audit(
        tmp_path,
        "chk_amount_growth",
        {
            "2023.txt": report(
                "Gansu Daily",
                "January 20, 2024",
                "In 2023 online retail sales in Gansu reached 50 billion yuan.",
            ),
            "2024.txt": report(
                "Gansu Daily",
                "January 20, 2025",
                f"In 2024 online retail sales in Gansu reached 55 billion yuan, up {growth} percent.",
            ),
        },
    )
    assert bool(rows) is bad


def test_two_sources_disagreeing_is_a_conflict_naming_both(tmp_path):
    body = "In 2024 online retail sales in Gansu grew {} percent."
    rows = audit(
        tmp_path,
        "chk_cross_report_conflicts",
        {
            "a.txt": report("Gansu Daily", "January 20, 2025", body.format("8")),
            "b.txt": report("Xinhua", "January 21, 2025", body.format("9.5")),
            "c.txt": report("China Daily", "January 22, 2025", body.format("8.3")),
        },
    )
    # the answer is the latest, c's 8.3 (8.25-8.35); a's 8 (7.5-8.5) meets it, b's 9.5 does not
    assert [(row[2], row[3]) for row in rows] == [("b.txt", "c.txt")]
    assert all("grew" in row[10] and "grew" in row[11] for row in rows)


def test_conflicts_grow_with_the_figures_not_with_pairs_of_reports(tmp_path):
    body = "In 2024 online retail sales in Gansu grew {} percent."
    reports = {
        f"{day}.txt": report(f"Paper {day}", f"January {day}, 2025", body.format(2 * day))
        for day in range(10, 20)
    }
    rows = audit(tmp_path, "chk_cross_report_conflicts", reports)
    # ten reports, ten figures 2 points apart: nine disagree with the answer (the latest), not 45 pairs
    assert sorted(row[2] for row in rows) == [f"{day}.txt" for day in range(10, 19)]
    assert {row[3] for row in rows} == {"19.txt"}


def test_a_later_report_from_the_same_source_is_a_revision_not_a_conflict(tmp_path):
    body = "In 2024 online retail sales in Gansu grew {} percent."
    reports = {
        "first.txt": report("Gansu Daily", "January 20, 2025", body.format("8")),
        "revised.txt": report("Gansu Daily", "March 20, 2025", body.format("9.5")),
    }
    assert audit(tmp_path / "conflicts", "chk_cross_report_conflicts", reports) == []
    (revision,) = audit(tmp_path / "revisions", "v_revisions", reports)
    assert (revision[4], revision[5]) == (8.0, 9.5)


def last_quarter() -> tuple[str, int]:
    """The quarter that ended most recently: its name as reports write it, and its year."""
    today = date.today()
    quarter, year = (today.month - 1) // 3, today.year
    if quarter == 0:
        quarter, year = 4, year - 1
    return ["first", "second", "third", "fourth"][quarter - 1], year


@pytest.mark.parametrize(
    ("followed", "recent", "overdue"),
    [
        ("", False, False),  # no enabled source follows a region: no release is due
        ("620000", True, False),  # the last quarter's figures: the next are not due yet
        ("620000", False, True),  # 2023's figures: the next were due in 2024
        ("630000", True, True),  # Qinghai is followed but has no figures at all
    ],
)
def test_freshness_against_the_next_release_due(tmp_path, followed, recent, overdue):
    quarter, year = last_quarter()
    said = (
        f"In the {quarter} quarter of {year} online sales in Gansu grew 8 percent."
        if recent
        else ("In 2023 online sales in Gansu grew 8 percent.")
    )
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(report("Gansu Daily", f"{date.today():%B %d, %Y}", said), encoding="utf-8")
    sources = [Source("gansu", "https://example.org/feed.xml", "feed", region=followed)]
    database = build_database(raw, tmp_path / "w.duckdb", sources)
    with duckdb.connect(str(database)) as con:
        assert con.execute("select count(*) from fact_retail").fetchone()[0] == 1
        rows = con.execute("select region_code from chk_freshness").fetchall()
    assert rows == ([(followed,)] if overdue else [])


def reference_build(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "gansu.txt").write_text(report("Gansu Daily", "July 20, 2024", GANSU), encoding="utf-8")
    return build_database(raw, tmp_path / "w.duckdb")


def test_orphan_facts_both_ways(tmp_path):
    database = reference_build(tmp_path)
    with duckdb.connect(str(database)) as con:
        assert con.execute("select * from chk_orphan_facts").fetchall() == []
        con.execute("update fact_retail set region_code = '999999' where not is_derived")
        audit_sql = (Path(__file__).parent.parent / "sql" / "chk_orphan_facts.sql").read_text(
            encoding="utf-8"
        )
        con.execute(f"create or replace table chk_orphan_facts as {audit_sql}")  # audits are built tables
        assert {row[-1] for row in con.execute("select * from chk_orphan_facts").fetchall()} == {"region"}


TWO_GAPS = (
    "In the first half of this year, online retail sales of physical goods in Gansu grew 12 percent, "
    "3 percentage points higher than the national average. Online retail sales of physical goods in "
    "Qinghai grew {qinghai} percent in the first half of this year, {gap} percentage points higher than "
    "the national average."
)


@pytest.mark.parametrize(("qinghai", "gap", "conflict"), [("10", "1", False), ("10", "4", True)])
def test_two_regions_gaps_derive_one_national_fact(tmp_path, qinghai, gap, conflict):
    reports = {"west.txt": report("Xibu Daily", "July 20, 2024", TWO_GAPS.format(qinghai=qinghai, gap=gap))}
    rows = audit(tmp_path, "chk_derivation_conflicts", reports)
    assert bool(rows) is conflict
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        derived = con.execute(
            "select count(*), count(distinct fact_id), any_value(value) from fact_retail where is_derived"
        ).fetchone()
    assert derived == (1, 1, 9.0)  # from the first gap stated: 12 - 3
