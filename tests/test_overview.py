"""The overview page, without a browser: sections, numbers, and report text escaped."""

from flows.pages.overview import write_overview
from tests.conftest import REFERENCE_REPORT, build_database


def test_overview_shows_reports_derived_facts_and_the_chart(reference_warehouse, tmp_path):
    page = write_overview(reference_warehouse, tmp_path, ["warning: chk_freshness: old"]).read_text(
        encoding="utf-8"
    )
    assert "Reports loaded (1)" in page and "Derived facts (4)" in page
    assert "22.0 − 5.6 = 16.4" in page
    assert "Regional growth against the national average, 2024-H1" in page and "<svg" in page
    assert "No report failed a critical check." in page and "warning: chk_freshness: old" in page
    assert "<script" not in page and "http" not in page.replace("http://www.w3.org/2000/svg", "")


def test_report_text_is_escaped(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    text = REFERENCE_REPORT.read_text(encoding="utf-8").replace(
        "Online retail sales in Xinjiang maintains",
        "<script>alert('x')</script> Online retail sales in Xinjiang maintains",
    )
    (raw / "report.txt").write_text(text, encoding="utf-8")
    database = build_database(raw, tmp_path / "w.duckdb")
    page = write_overview(database, tmp_path / "docs").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<script>" not in page


def test_without_a_warehouse_the_page_says_so(tmp_path):
    page = write_overview(tmp_path / "none.duckdb", tmp_path).read_text(encoding="utf-8")
    assert "No warehouse has been published yet." in page
