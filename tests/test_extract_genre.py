"""One small example per item of the genre: measures, forms, comparators, periods, regions,
segments and their near misses, non-figures and inputs. Each report here is written for the test."""

from datetime import date

import pytest

from flows.extract import extract, key_rows
from flows.extract.layout import report_text


def page(body: str, dated: str = "Released on March 10, 2025.") -> str:
    return f"Home › News\n\nAn online retail headline\n\n{dated} {body}\n"


def facts(body: str, reference, dated: str = "Released on March 10, 2025.") -> list[tuple]:
    extraction = extract(page(body, dated), reference)
    return [
        (r["region"], r["segment"], r["period"], r["measure"], r["value"])
        for r in key_rows(extraction.observations, reference)
    ]


def set_aside(body: str, reference) -> dict[str, str]:
    extraction = extract(page(body), reference)
    return {s.text: s.reason for s in extraction.set_aside if s.reason != "part of a date"}


# Measures and forms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Online retail sales in Gansu rose 8.1 percent year on year in 2024.", 8.1),
        ("Online retail sales in Gansu grew 8.1 per cent YoY in 2024.", 8.1),
        ("Online retail sales in Gansu were up 8.1 pct from a year ago in 2024.", 8.1),
        ("In 2024 Gansu posted 8.1-percent growth in online retail sales.", 8.1),
        ("Online retail sales in Gansu increased by 8.1% over the same period last year in 2024.", 8.1),
        ("Online retail sales in Gansu fell 3.2 percent in 2024.", -3.2),
        ("Online retail sales in Gansu were down 3.2 percent in 2024.", -3.2),
        (
            "In 2024 online retail sales in Gansu saw a decrease of 3.2 percent compared with the previous year.",
            -3.2,
        ),
    ],
)
def test_growth_and_decline_in_every_form(reference, sentence, value):
    assert facts(sentence, reference) == [("Gansu", "online retail (total)", "2024", "yoy_growth_pct", value)]


@pytest.mark.parametrize(
    ("sentence", "measure", "value"),
    [
        ("the growth was 2.1 percentage points higher than the national average", "gap_vs_national_pp", 2.1),
        ("the growth was 2.1 percentage points lower than that of the country", "gap_vs_national_pp", -2.1),
        ("the growth was 2.1 percentage points faster than the national level", "gap_vs_national_pp", 2.1),
        (
            "the growth was 2.1 percentage points higher than the provincial average",
            "gap_vs_province_pp",
            2.1,
        ),
        ("the growth was 2.1 percentage points higher than in the first quarter", "growth_change_pp", 2.1),
    ],
)
def test_gaps_are_told_apart_by_their_comparator(reference, sentence, measure, value):
    found = facts(f"In 2024 online retail sales in Gansu grew 9 percent, and {sentence}.", reference)
    assert ("Gansu", "online retail (total)", "2024", measure, value) in found


def test_a_gap_against_another_segment(reference):
    found = facts(
        "In 2024 services in Gansu grew 12 percent, 5.1 percentage points faster than physical goods.",
        reference,
    )
    assert ("Gansu", "services", "2024", "gap_vs_segment_pp", 5.1) in found


def test_shares_and_share_changes(reference):
    found = facts(
        "In 2024 services made up 31.3 percent of online retail in Gansu, up 1.7 percentage points from last year.",
        reference,
    )
    assert found == [
        ("Gansu", "services", "2024", "share_pct", 31.3),
        ("Gansu", "services", "2024", "share_change_pp", 1.7),
    ]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("38.5 billion yuan", 38.5e9),
        ("1.2 trillion yuan", 1.2e12),
        ("30.97b yuan", 30.97e9),
        ("RMB 5.6 billion", 5.6e9),
        ("880 million Yuan", 8.8e8),
    ],
)
def test_amounts_in_yuan_with_their_scale(reference, written, value):
    assert facts(f"In 2024 online retail sales in Gansu reached {written}.", reference) == [
        ("Gansu", "online retail (total)", "2024", "amount_cny", value)
    ]


def test_a_currency_conversion_stays_with_the_yuan_figure(reference):
    body = "In 2024 online retail sales in Gansu reached 61.2 billion yuan (about 8.91 billion U.S. dollars)."
    assert facts(body, reference) == [("Gansu", "online retail (total)", "2024", "amount_cny", 61.2e9)]
    assert set_aside(body, reference)["8.91 billion U.S. dollars"] == "currency conversion"
    (amount,) = extract(page(body), reference).observations
    assert amount.conversion == "8.91 billion U.S. dollars"


def test_counts_with_word_scales_and_their_growth(reference):
    found = facts(
        "In 2024 Gansu held 1.2 million live-streaming sessions, up 30 percent, and handled 45,000 orders.",
        reference,
    )
    assert ("Gansu", "live-streaming", "2024", "sessions_count", 1.2e6) in found
    assert ("Gansu", "live-streaming", "2024", "sessions_yoy_growth_pct", 30.0) in found
    assert ("Gansu", "online retail (total)", "2024", "orders_count", 45000.0) in found


@pytest.mark.parametrize("qualifier", ["about", "nearly", "more than", "over"])
def test_qualifiers_are_kept(reference, qualifier):
    extraction = extract(page(f"In 2024 Gansu had {qualifier} 20,000 online stores."), reference)
    assert [o.qualifier for o in extraction.observations] == [qualifier]


def test_respectively_lists_are_one_fact_each(reference):
    found = facts(
        "In 2024 physical goods, services and agricultural products accounted for 50.2 percent, "
        "20.1 percent and 10 percent of online retail in Gansu respectively.",
        reference,
    )
    assert found == [
        ("Gansu", "physical goods", "2024", "share_pct", 50.2),
        ("Gansu", "services", "2024", "share_pct", 20.1),
        ("Gansu", "agricultural products", "2024", "share_pct", 10.0),
    ]


def test_a_figure_stated_twice_is_one_fact(reference):
    extraction = extract(
        page(
            "In 2024 online retail sales in Gansu grew 8 percent. In 2024 online retail sales in Gansu grew 8 percent."
        ),
        reference,
    )
    assert len(extraction.observations) == 1
    assert [s.reason for s in extraction.set_aside if s.text == "8 percent"] == [
        "repeats a figure stated earlier"
    ]


def test_a_headline_figure_repeating_the_body_is_not_a_second_fact(reference):
    text = "Home › News\n\nGansu online retail up 8 pct\n\nReleased on March 10, 2025. In 2024 online retail sales in Gansu grew 8 percent.\n"
    extraction = extract(text, reference)
    assert len(extraction.observations) == 1
    assert [s.reason for s in extraction.set_aside if s.text == "8 pct"] == [
        "in the headline, stated in the body"
    ]


# Periods -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "dated", "period"),
    [
        ("in the first half of the year", "on July 20, 2024", "2024-H1"),
        ("in the third quarter", "on October 20, 2024", "2024-Q3"),
        ("in the first three quarters", "on October 20, 2024", "2024-YTD09"),
        ("from January to May", "on June 20, 2024", "2024-YTD05"),
        ("in October", "on November 20, 2024", "2024-M10"),
        ("in 2023", "on January 20, 2025", "2023"),
        ("during the Spring Festival holiday", "on February 6, 2025", "2025-EV-spring_festival"),
        ("during Double 11", "on November 12, 2024", "2024-EV-double_11"),
    ],
)
def test_periods_from_the_text_and_the_report_date(reference, phrase, dated, period):
    found = facts(
        f"Online retail sales in Gansu grew 8 percent {phrase}.", reference, dated=f"Released {dated}."
    )
    assert [f[2] for f in found] == [period]


def test_last_year_in_a_january_report_is_the_year_before(reference):
    found = facts(
        "Last year, online retail sales in Gansu grew 8 percent.",
        reference,
        dated="Released on January 20, 2025.",
    )
    assert [f[2] for f in found] == ["2024"]


# Regions ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Tibet", "Xizang"),
        ("Xizang Autonomous Region", "Xizang"),
        ("Xinjiang Uygur Autonomous Region", "Xinjiang"),
        ("Guangdong province", "Guangdong"),
        ("Qingdao", "Qingdao"),
        ("Kashgar", "Kashgar"),
    ],
)
def test_regions_under_all_their_names(reference, name, region):
    assert [f[0] for f in facts(f"In 2024 online retail sales in {name} grew 8 percent.", reference)] == [
        region
    ]


@pytest.mark.parametrize("name", ["the country", "China", "nationwide"])
def test_the_nation(reference, name):
    sentence = (
        f"In 2024 online retail sales grew 8 percent {name}."
        if name == "nationwide"
        else f"In 2024 online retail sales in {name} grew 8 percent."
    )
    assert [f[0] for f in facts(sentence, reference)] == ["China"]


def test_an_unknown_place_is_kept_for_review_not_guessed(reference):
    extraction = extract(page("In 2024 online retail sales in Xiaolan Town grew 18 percent."), reference)
    assert extraction.observations == []
    (held,) = extraction.set_aside[-1:]
    assert (held.disposition, held.reason) == ("needs_review", "unknown place 'Xiaolan Town'")
    assert held.candidate.metric_code == "yoy_growth_pct" and held.candidate.value == 18.0


# Segments and near misses ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "segment"),
    [
        ("online retail sales of physical goods", "physical goods"),
        ("service-oriented online retail sales", "services"),
        ("online sales of virtual goods", "services"),
        ("rural online retail sales", "rural"),
        ("online retail sales of agricultural products", "agricultural products"),
        ("live-streaming e-commerce sales", "live-streaming"),
        ("cross-border e-commerce retail sales", "cross-border"),
        ("online sales of household appliances", "household appliances"),
        ("e-commerce transaction volume", "online transactions"),
        ("total retail sales of consumer goods", "retail sales of consumer goods"),
    ],
)
def test_segments_and_related_series_apart(reference, subject, segment):
    assert [f[1] for f in facts(f"In 2024 {subject} in Gansu grew 8 percent.", reference)] == [segment]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2024 Gansu's GDP grew 5.2 percent.",
        "In 2024 per capita disposable income of rural residents in Gansu rose 6.6 percent to 14,000 yuan.",
        "In 2024 fixed-asset investment in Gansu increased by 4.1 percent.",
        "In 2024 Gansu's foreign trade totaled 60 billion yuan, up 3 percent.",
    ],
)
def test_figures_of_other_series_are_not_retail(reference, sentence):
    assert facts(sentence, reference) == []
    assert set(set_aside(sentence, reference).values()) <= {"not a retail series", "a year"}


# Not figures --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "reason"),
    [
        ("The event opened at 10:30 am in Lanzhou.", "10", "a time of day"),
        ("A 32-year-old livestreamer in Lanzhou sold tea.", "32", "an age"),
        ("Gansu ranked second in the country and was in the top 3.", "3", "a rank or ordinal"),
        ("Gansu is No. 1 in the region.", "1", "a rank or ordinal"),
        ("Call the hotline on 0931-8881234.", "0931", "a phone number"),
        ("The plan runs since 2019.", "2019", "a year"),
    ],
)
def test_non_figures_with_their_reason(reference, sentence, text, reason):
    assert set_aside(sentence, reference)[text] == reason


def test_page_furniture_is_set_aside(reference):
    text = page("In 2024 online retail sales in Gansu grew 8 percent.") + (
        "\nPhoto taken on May 3, 2024 shows a market.\n\nCopyright 1995-2025 Gansu Daily. All rights reserved.\n"
    )
    extraction = extract(text, reference)
    assert len(extraction.observations) == 1
    furniture = [s for s in extraction.set_aside if s.evidence.startswith(("Photo", "Copyright"))]
    assert [s.text for s in furniture] == ["3", "2024", "1995", "2025"]
    assert {s.reason for s in furniture} == {"page furniture"}


# Inputs -----------------------------------------------------------------------------------------


def test_a_saved_web_page_is_read_without_its_navigation(reference):
    html = (
        "<!DOCTYPE html><html><head><title>x</title><script>var n = 42;</script></head><body>"
        '<div class="nav"><a href="/">Home</a> <a href="/2024">2024 News</a></div>'
        "<h1>Gansu online retail up</h1><div class='article'><p>Released on March 10, 2025.</p>"
        "<p>In 2024 online retail sales in Gansu grew 8&nbsp;percent.</p></div>"
        '<ul class="related"><li><a href="/a">Gansu GDP up 5.2%</a></li></ul>'
        "<footer>Copyright 2025</footer></body></html>"
    )
    text = report_text(html.encode(), "page.html")
    assert "Home" not in text and "42" not in text and "GDP" not in text
    found = [(o.metric_code, o.value) for o in extract(text, reference).observations]
    assert found == [("yoy_growth_pct", 8.0)]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_bom_and_gb18030_files(reference, encoding):
    data = page("In 2024 online retail sales in Gansu (甘肃省) grew 8 percent.").encode(encoding)
    text = report_text(data, "report.txt")
    assert [(o.region_code, o.value) for o in extract(text, reference).observations] == [("620000", 8.0)]


def test_bilingual_text_reads_the_chinese_half_as_chinese(reference):
    body = "In 2024 online retail sales in Gansu grew 12.5 percent.\n\n2024年甘肃省网络零售额881.13亿元，增长12.5%。"
    extraction = extract(page(body), reference)
    # the growth stated in both halves is one fact; the amount only the Chinese half states is read in yuan
    assert sorted((o.metric_code, o.value) for o in extraction.observations) == [
        ("amount_cny", 88113000000.0),
        ("yoy_growth_pct", 12.5),
    ]


def test_report_date_is_taken_from_the_text(reference):
    assert extract(page("In 2024 sales in Gansu grew 8 percent."), reference).report_date.value == date(
        2025, 3, 10
    )
