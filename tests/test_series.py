"""v_series: one row per question (region × segment × period × metric) on a warehouse built from
several overlapping reports, the value chosen by the rule the README states."""

import duckdb
import pytest

from flows.cli import main
from tests.conftest import build_database


def report(source: str, dated: str, body: str) -> str:
    return f"{source} › News\n\nOnline retail report\n\nReleased on {dated}. {body}\n"


REPORTS = {
    # a news article: total and physical goods growth, and a gap that implies national growth
    "news_july.txt": report(
        "Xinjiang Daily",
        "July 20, 2024",
        "In the first half of this year, online retail sales in Xinjiang grew 15 percent. Online retail "
        "sales of physical goods in Xinjiang grew 12 percent in the first half of this year, 3 percentage "
        "points higher than the national average.",
    ),
    # the official release the article repeats, one decimal more precise
    "commerce.txt": report(
        "Xinjiang Department of Commerce",
        "July 19, 2024",
        "In the first half of this year, online retail sales in Xinjiang grew 15.2 percent.",
    ),
    # the same paper, later: a revision of its own physical goods figure
    "news_august.txt": report(
        "Xinjiang Daily",
        "August 2, 2024",
        "In the first half of this year, online retail sales of physical goods in Xinjiang grew 12.4 percent.",
    ),
    # a national release stating what the gap only implied
    "ministry.txt": report(
        "Ministry of Commerce",
        "July 25, 2024",
        "In the first half of this year, China's online retail sales of physical goods grew 8.8 percent.",
    ),
    # a second paper that disagrees
    "other_paper.txt": report(
        "Tianshan Evening News",
        "July 22, 2024",
        "In the first half of this year, online retail sales in Xinjiang grew 18 percent.",
    ),
}


def build_from(folder, reports: dict[str, str]):
    """The star schema built from the given report files (name -> text) in folder/raw."""
    (folder / "raw").mkdir()
    for name, text in reports.items():
        (folder / "raw" / name).write_text(text, encoding="utf-8")
    return build_database(folder / "raw", folder / "retail.duckdb")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    return build_from(tmp_path_factory.mktemp("series"), REPORTS)


def series(warehouse, where: str) -> list[dict]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        relation = con.sql(f"select * from v_series where {where} order by segment, metric_code")
        return [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]


def test_one_row_per_question(warehouse):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        facts = con.execute("select count(*) from fact_retail").fetchone()[0]
        questions = con.execute(
            "select count(distinct (region_code, segment_code, period_code, metric_code)) from fact_retail"
        ).fetchone()[0]
        rows = con.execute("select count(*) from v_series").fetchone()[0]
    assert facts > questions == rows


def test_an_official_release_over_the_articles_that_repeat_it(warehouse):
    (total,) = series(warehouse, "region = 'Xinjiang' and segment = 'online retail (total)'")
    assert (total["value"], total["source"]) == (15.2, "Xinjiang Department of Commerce")
    assert (total["reports_stating"], total["reports_deriving"]) == (3, 0)
    assert total["reports_agree"] is False  # 18 percent does not agree with 15.2
    assert sorted(o["value"] for o in total["other_figures"]) == [15.0, 18.0]


def test_a_sources_later_report_revises_its_earlier_one(warehouse):
    (physical,) = series(
        warehouse, "region = 'Xinjiang' and segment = 'physical goods' and metric_code = 'yoy_growth_pct'"
    )
    assert (physical["value"], physical["report_date"].isoformat()) == (12.4, "2024-08-02")
    assert physical["reports_agree"] is True  # 12 stands for 11.5-12.5


def test_stated_over_derived(warehouse):
    (national,) = series(warehouse, "region = 'China' and segment = 'physical goods'")
    assert (national["value"], national["is_derived"]) == (8.8, False)
    assert (national["reports_stating"], national["reports_deriving"]) == (1, 1)
    assert national["reports_agree"] is True  # 12 - 3 = 9 ± 1 holds 8.8
    assert national["other_figures"][0]["is_derived"] is True


def test_the_query_command_answers_one_row_per_question(warehouse, capsys):
    sql = "select segment, metric_code, value from v_series where region = 'Xinjiang'"
    assert main(["--warehouse", str(warehouse), "query", sql, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "segment,metric_code,value"
    assert sorted(lines[1:]) == [
        "online retail (total),yoy_growth_pct,15.2",
        "physical goods,gap_vs_national_pp,3.0",
        "physical goods,yoy_growth_pct,12.4",
    ]
