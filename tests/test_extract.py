import csv
from datetime import date

import pytest

from flows.extract import extract, find_quantities
from flows.extract.layout import Span
from tests.conftest import CORPUS_DIR, REFERENCE_REPORT


def page(body: str, date_line: str = "Released on March 10, 2025.") -> str:
    return f"SITE › News\n\nA headline about online retail\n\n{date_line} {body}\n"


def rows(extraction, reference) -> list[tuple]:
    return sorted(
        (
            reference.regions[o.region_code]["region_name"],
            reference.segments[o.segment_code]["segment_name"],
            o.period_code,
            o.metric_code,
            o.value,
        )
        for o in extraction.observations
    )


def test_reference_report_matches_its_answer_key(reference):
    text = REFERENCE_REPORT.read_text(encoding="utf-8")
    extraction = extract(text, reference)
    with (CORPUS_DIR / f"{REFERENCE_REPORT.stem}.csv").open(encoding="utf-8") as handle:
        expected = list(csv.DictReader(handle))

    assert rows(extraction, reference) == sorted(
        (r["region"], r["segment"], r["period"], r["measure"], float(r["value"])) for r in expected
    )
    by_key = {(o.metric_code, o.value): o for o in extraction.observations}
    for row in expected:
        observation = by_key[(row["measure"], float(row["value"]))]
        assert observation.unit == row["unit"]
        assert row["evidence"] in observation.evidence
        assert text[observation.evidence_start : observation.evidence_end] == observation.evidence
        assert text[observation.figure_start : observation.figure_end] == observation.figure_text


def test_reference_report_metadata_comes_from_its_own_text(reference):
    extraction = extract(REFERENCE_REPORT.read_text(encoding="utf-8"), reference)
    assert extraction.report_date.value == date(2024, 7, 19)
    assert extraction.title.startswith("Online retail sales in Xinjiang")
    assert extraction.region_code == "650000"
    # the dates it states, in its text and its photo caption, are set aside, never observations
    assert {(s.disposition, s.reason) for s in extraction.set_aside} == {
        ("not_a_figure", "part of a date"),
        ("not_a_figure", "page furniture"),
    }


def test_reference_report_names_without_figures(reference):
    extraction = extract(REFERENCE_REPORT.read_text(encoding="utf-8"), reference)
    with (CORPUS_DIR / f"{REFERENCE_REPORT.stem}.mentions.csv").open(encoding="utf-8") as handle:
        expected = {(r["mention_kind"], r["name"]) for r in csv.DictReader(handle)}
    names = {
        "segment": lambda code: reference.segments[code]["segment_name"],
        "region": lambda code: reference.regions[code]["region_name"],
    }
    found = {(m.mention_kind, names[m.mention_kind](m.code)) for m in extraction.mentions}
    assert found == expected


def test_declines_and_gaps_below_the_national_average_are_negative(reference):
    text = page(
        "In the first quarter, online retail sales in Gansu fell 3.2 percent year on year, "
        "2.5 percentage points lower than the national average."
    )
    assert rows(extract(text, reference), reference) == [
        ("Gansu", "online retail (total)", "2025-Q1", "gap_vs_national_pp", -2.5),
        ("Gansu", "online retail (total)", "2025-Q1", "yoy_growth_pct", -3.2),
    ]


def test_amounts_keep_their_scale_and_qualifier(reference):
    text = page(
        "In 2024 online retail sales of agricultural products in Yunnan reached about 38.5 billion yuan."
    )
    (observation,) = extract(text, reference).observations
    assert (observation.metric_code, observation.value, observation.qualifier) == (
        "amount_cny",
        38.5e9,
        "about",
    )
    assert observation.segment_code == "agricultural"


def test_period_without_a_year_is_the_latest_one_ended_by_the_report_date(reference):
    text = page(
        "In the first three quarters, rural online retail sales in Hebei increased by 9.1 percent.",
        date_line="Released on January 15, 2025.",
    )
    (observation,) = extract(text, reference).observations
    assert observation.period_code == "2024-YTD09"


def test_percent_without_a_measure_cue_goes_to_review_not_to_facts(reference):
    text = page("In the first half, online retail sales in Hunan were 7 percent.")
    extraction = extract(text, reference)
    assert extraction.observations == []
    review = [(s.text, s.reason) for s in extraction.set_aside if s.disposition == "needs_review"]
    assert review == [("7 percent", "percentage with no measure cue")]


def test_a_report_with_no_date_and_no_year_sends_relative_periods_to_review(reference):
    text = "SITE › News\n\nTitle\n\nOnline sales in Hubei grew 6 percent in the first half.\n"
    extraction = extract(text, reference, "notes.txt")
    assert extraction.report_date is None
    assert extraction.observations == []
    review = [(s.text, s.reason) for s in extraction.set_aside if s.disposition == "needs_review"]
    assert review == [("6 percent", "period 'first half' has no year and the report no date")]


def test_a_report_with_no_date_is_dated_no_earlier_than_the_periods_it_states(reference):
    text = (
        "SITE › News\n\nTitle\n\nOnline sales in Hunan grew 5 percent in the first half of 2024."
        " Sales in Hubei grew 6 percent in the first half.\n"
    )
    extraction = extract(text, reference, "notes.txt")
    assert (extraction.report_date.value, extraction.report_date.source) == (date(2024, 7, 1), "periods")
    assert [(o.region_code, o.period_code, o.value) for o in extraction.observations] == [
        ("430000", "2024-H1", 5.0),
        ("420000", "2024-H1", 6.0),
    ]


@pytest.mark.parametrize(
    ("written", "kind", "value"),
    [
        ("12 percent", "percent", 12.0),
        ("7.9%", "percent", 7.9),
        ("5.6 percentage points", "points", 5.6),
        ("1.2 trillion yuan", "yuan", 1.2e12),
        ("45,000 sessions", "count", 45000.0),
        ("500 million viewers", "count", 5e8),
    ],
)
def test_quantities_are_read_with_their_units(reference, written, kind, value):
    (quantity,) = find_quantities(Span(f"It was {written} then.", 0, 0), reference)
    assert (quantity.kind, quantity.value, quantity.text) == (kind, value, written)
