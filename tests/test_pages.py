"""The pages beside the Data Docs, on a warehouse of overlapping reports: the coverage matrix, a
page per region with its charts, a page per report with its figures marked."""

import re

import pytest

from flows.pages import write_pages
from tests.test_series import REPORTS, build_from


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    hostile = REPORTS["other_paper.txt"].replace("Tianshan Evening News", "<script>alert(1)</script> News")
    rural = REPORTS["news_july.txt"].split("Released")[0] + (
        "Released on July 21, 2024. In the first half of this year, rural online retail sales in Xinjiang "
        "grew 20 percent, 5.8 percentage points higher than the national average.\n"
    )
    reports = {**REPORTS, "hostile.txt": hostile.replace("18 percent", "18.5 percent"), "rural.txt": rural}
    write_pages(build_from(folder, reports), folder / "docs")
    return folder / "docs"


def test_the_coverage_matrix_marks_conflicts_and_derived_figures(docs):
    page = (docs / "coverage.html").read_text(encoding="utf-8")
    rows = {
        m.group(1): m.group(2)
        for m in re.finditer(r"<tr><th><a href='regions/(\d+)\.html'>.*?</th>(.*?)</tr>", page)
    }
    assert set(rows) == {"000000", "650000"}
    assert "class='num conflict'" in rows["650000"]  # 15.2 against 18 and 18.5
    assert "class='num derived'" not in rows["650000"]
    # physical goods: 8.8 stated (9 derived agrees); rural: 14.2 only derived
    assert "class='num derived' title='2 answered, 1 derived'>2<" in rows["000000"]


def test_a_region_page_draws_growth_with_the_national_line(docs):
    page = (docs / "regions" / "650000.html").read_text(encoding="utf-8")
    assert "<h1>Xinjiang 新疆维吾尔自治区</h1>" in page
    chart = page[page.index("physical goods: year-on-year growth") :]
    chart = chart[: chart.index("</figure>")]
    assert "Xinjiang, 2024-H1: 12.4%" in chart and "China, 2024-H1: 8.8%" in chart
    assert "stroke-dasharray" in chart  # the national line
    assert page.count("<svg") == 3  # total, physical goods and rural: the growth figures


def test_a_report_page_marks_each_figure_and_links_it_to_its_fact(docs):
    (page_path,) = [p for p in (docs / "reports").iterdir() if "15 percent" in p.read_text(encoding="utf-8")]
    page = page_path.read_text(encoding="utf-8")
    marks = re.findall(
        r"<mark id='mark-\d+' class='fact' title='([^']*)'><a href='#fact-(\w+)'>([^<]*)</a>", page
    )
    assert [(m[2]) for m in marks] == ["15 percent", "12 percent", "3 percentage points"]
    assert all(f"<tr id='fact-{fact_id}'>" in page for _, fact_id, _ in marks)
    assert "Xinjiang, physical goods, 2024-H1, gap_vs_national_pp: 3" in [m[0] for m in marks]
    assert "<h2>Derived (1)</h2>" in page and "12.0 − 3.0 = 9.0" in page


def test_report_text_is_escaped_on_every_page(docs):
    pages = [p.read_text(encoding="utf-8") for p in docs.rglob("*.html")]
    assert len(pages) == 1 + 1 + 2 + 7  # overview, coverage, two regions, seven reports
    assert not any("<script>alert(1)</script>" in page for page in pages)
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in page for page in pages)


def test_report_pages_are_written_for_changed_reports_and_stale_ones_removed(docs, tmp_path):
    import shutil

    copy = tmp_path / "docs"
    shutil.copytree(docs, copy)
    pages = copy / "reports"
    kept = sorted(pages.glob("*.html"))
    kept[0].write_text("a page from an earlier run", encoding="utf-8")  # an unchanged report's: left alone
    kept[1].unlink()  # a published report without its page: written
    (pages / "0000000000000000.html").write_text("a report no longer published", encoding="utf-8")
    database = docs.parent / "retail.duckdb"
    write_pages(database, copy, changed_reports=set())
    assert sorted(p.name for p in pages.glob("*.html")) == sorted(p.name for p in kept)
    assert kept[0].read_text(encoding="utf-8") == "a page from an earlier run"
    assert "<mark" in kept[1].read_text(encoding="utf-8")
    write_pages(database, copy, changed_reports={kept[0].stem})  # a changed report: its page again
    assert "<mark" in kept[0].read_text(encoding="utf-8")


def test_a_region_page_shows_periods_in_date_order_whatever_the_segment(tmp_path):
    from tests.test_series import report

    said = {  # agricultural products, named first, has only 2024; the total has 2021 and 2024
        "a.txt": "In 2024 online retail sales of agricultural products in Gansu grew 8 percent.",
        "b.txt": "In 2021 online retail sales in Gansu grew 7 percent.",
        "c.txt": "In 2024 online retail sales in Gansu grew 9 percent.",
    }
    reports = {name: report("Gansu Daily", "March 1, 2025", text) for name, text in said.items()}
    docs = tmp_path / "docs"
    write_pages(build_from(tmp_path, reports), docs)
    page = (docs / "regions" / "620000.html").read_text(encoding="utf-8")
    total = page[page.index("online retail (total): year-on-year growth") :]
    total = total[: total.index("</figure>")]
    assert total.index(">2021<") < total.index(">2024<")
