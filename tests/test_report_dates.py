"""A report is never rejected for want of a date: where its date comes from, in order."""

from datetime import date

from flows.discover import Discovery, RawReport
from flows.extract import extract, extract_file, extract_reports

BODY = "Online retail sales in Hunan grew 8.5 percent in the first half."


def dated(text: str, reference, name: str = "report.txt") -> tuple:
    report_date = extract(text, reference, name).report_date
    return (report_date.value, report_date.source) if report_date else None


def test_a_saved_pages_own_metadata_comes_first(reference):
    html = (
        "<html><head><title>Hunan</title>"
        '<meta property="article:published_time" content="2024-07-22T09:00:00+08:00"></head>'
        "<body><article><h1>Hunan's online sales</h1>"
        f"<p>Updated on July 30, 2024.</p><p>{BODY}</p></article></body></html>"
    )
    _, extraction = extract_file(html.encode(), "hunan.html", reference)
    assert (extraction.report_date.value, extraction.report_date.source) == (date(2024, 7, 22), "metadata")


def test_the_latest_full_date_in_the_text(reference):
    text = f"Hunan's online sales\n\nReleased on July 22, 2024, with data to June 30, 2024. {BODY}\n"
    assert dated(text, reference) == (date(2024, 7, 22), "text")


def test_a_datelines_day_in_the_year_the_text_makes_clear(reference):
    text = (
        f"Hunan's online sales\n\nCHANGSHA, July 22 (Xinhua) -- {BODY} The figure for 2023 was 7.5 percent.\n"
    )
    assert dated(text, reference) == (date(2024, 7, 22), "dateline")


def test_a_datelines_day_before_the_latest_stated_period_ends_is_the_next_year(reference):
    text = "Hunan's online sales\n\nCHANGSHA, Jan. 20 (Xinhua) -- Online retail sales in Hunan grew 9 percent in 2024.\n"
    assert dated(text, reference) == (date(2025, 1, 20), "dateline")


def test_a_datelines_day_in_the_file_names_year_over_years_on_the_page(reference):
    text = f"Hunan's online sales\n\nCHANGSHA, Dec. 30 (Xinhua) -- {BODY}\n\nTop stories of 2025\n"
    assert dated(text, reference, "raw/2025-01-02_hunan.txt") == (date(2024, 12, 30), "dateline")


def test_the_file_name(reference):
    text = f"Hunan's online sales\n\n{BODY}\n"
    assert dated(text, reference, "raw/2024-07-22_hunan.txt") == (date(2024, 7, 22), "file_name")


def test_else_the_earliest_date_its_stated_periods_allow(reference):
    text = "Hunan's online sales\n\nOnline retail sales in Hunan grew 9 percent in 2024. Last year's figure was 7 percent.\n"
    extraction = extract(text, reference)
    assert (extraction.report_date.value, extraction.report_date.source) == (date(2025, 1, 1), "periods")
    assert {o.period_code for o in extraction.observations} == {"2024"}


def test_no_date_at_all_is_no_reason_to_reject_a_report(reference):
    raw = RawReport("hunan.txt", f"Hunan's online sales\n\n{BODY}\n".encode(), "0" * 64)
    batch = extract_reports(Discovery([raw]), reference)
    assert batch.rejected == []
    [report] = batch.reports
    assert report.extraction.report_date is None
    assert [(s.reason, s.disposition) for s in report.extraction.set_aside] == [
        ("period 'first half' has no year and the report no date", "needs_review")
    ]


def test_a_report_over_its_time_budget_is_rejected_alone(reference):
    long_text = (
        "A long report\n\n" + " ".join([BODY.replace("first half", "first half of 2024")] * 4000) + "\n"
    )
    reports = [
        RawReport("long.txt", long_text.encode(), "1" * 64),
        RawReport("short.txt", f"Hunan\n\n{BODY} Released on July 22, 2024.\n".encode(), "2" * 64),
    ]
    batch = extract_reports(Discovery(reports), reference, seconds_per_report=0.5)
    assert [r.reason for r in batch.rejected] == ["long.txt: extraction took longer than its time budget"]
    assert [r.raw.path for r in batch.reports] == ["short.txt"]


def test_a_targets_year_says_nothing_of_when_the_report_was_written(reference):
    text = (
        "Hunan's online sales\n\nOnline retail sales in Hunan grew 9 percent in 2024. "
        "By 2027, the province will build 100 e-commerce parks.\n"
    )
    assert dated(text, reference) == (date(2025, 1, 1), "periods")


def test_a_date_years_before_the_file_names_is_history(reference):
    text = f"Hunan's online sales\n\nOn Sept 30, 1934, the march began near the village. {BODY}\n"
    assert dated(text, reference, "raw/2024-07-22_hunan.txt") == (date(2024, 7, 22), "file_name")
