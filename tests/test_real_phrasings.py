"""Phrasings met in real published releases (bench/real/), each reproduced by a sentence written
for this test: the same structure, other words and figures. Grouped by phrasing."""

import pytest

from flows.extract import extract, key_rows


def page(
    body: str, title: str = "An online retail headline", dated: str = "Released on March 10, 2025."
) -> str:
    return f"Home › News\n\n{title}\n\n{dated} {body}\n"


def facts_of(text: str, reference, name: str = "report.txt") -> list[tuple]:
    extraction = extract(text, reference, name)
    return [
        (r["region"], r["segment"], r["period"], r["measure"], r["value"])
        for r in key_rows(extraction.observations, reference)
    ]


def facts(body: str, reference, **page_parts: str) -> list[tuple]:
    return facts_of(page(body, **page_parts), reference)


def reasons(body: str, reference, **page_parts: str) -> dict[str, str]:
    extraction = extract(page(body, **page_parts), reference)
    return {s.text: s.reason for s in extraction.set_aside if s.reason != "part of a date"}


# Growth cues -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        (
            "Gansu's online sales totaled 9 billion yuan in 2024, marking a yearly uptick of 6.25 percent.",
            6.25,
        ),
        ("In 2024 online sales in Gansu plunged 4.5 percent.", -4.5),
        ("In 2024 online sales in Gansu decreased by 4.5 percent year-on-year.", -4.5),
        ("In 2024 online sales in Gansu were 4.5 percent higher than a year earlier.", 4.5),
        ("Gansu's online retail sales in 2024 posted a 4.5-percent rise on the same period.", 4.5),
    ],
)
def test_growth_cues(reference, sentence, value):
    found = [f for f in facts(sentence, reference) if f[3] == "yoy_growth_pct"]
    assert found == [("Gansu", "online retail (total)", "2024", "yoy_growth_pct", value)]


def test_year_on_year_alone_is_growth_but_never_outweighs_a_verb(reference):
    assert facts("In 2024 Gansu's online sales fell 2 percent year on year.", reference) == [
        ("Gansu", "online retail (total)", "2024", "yoy_growth_pct", -2.0)
    ]


# Shares and gaps --------------------------------------------------------------------------------


def test_market_shares_captured_by_a_list_of_places(reference):
    sentence = (
        "In 2024 Hangzhou, Ningbo and Wenzhou were the top three contributors to Zhejiang's online "
        "retail sales, capturing market shares of 31 percent, 17.5 percent, and 9.25 percent, respectively."
    )
    assert [(f[0], f[3], f[4]) for f in facts(sentence, reference)] == [
        ("Hangzhou", "share_pct", 31.0),
        ("Ningbo", "share_pct", 17.5),
        ("Wenzhou", "share_pct", 9.25),
    ]


def test_shares_constituted_by_a_list_of_categories(reference):
    sentence = (
        "In 2024 home appliances and audio-visual equipment, clothing and textiles, and daily necessities "
        "were the top categories in Gansu, constituting 30.5 percent, 20.25 percent, and 12 percent of "
        "online retail sales, respectively."
    )
    assert [(f[1], f[3], f[4]) for f in facts(sentence, reference)] == [
        ("household appliances", "share_pct", 30.5),
        ("clothing and accessories", "share_pct", 20.25),
        ("daily necessities", "share_pct", 12.0),
    ]


def test_or_n_percent_after_an_amount_is_its_share(reference):
    sentence = (
        "In 2024 online sales of physical goods in Gansu reached 8 billion yuan, accounting for 80 percent "
        "of the total, while sales of virtual goods hit 2 billion yuan, or 20 percent."
    )
    assert ("Gansu", "services", "2024", "share_pct", 20.0) in facts(sentence, reference)


def test_a_share_that_rose_from_an_earlier_value(reference):
    sentence = (
        "In the first half of 2024, the proportion of rural online retail to Gansu's total online retail "
        "sales rose to 35.5 percent from 30.25 percent at the end of 2023."
    )
    assert facts(sentence, reference) == [
        ("Gansu", "rural", "2024-H1", "share_pct", 35.5),
        ("Gansu", "rural", "2023", "share_pct", 30.25),
    ]


def test_the_whole_named_first_is_not_the_part(reference):
    sentence = "Of the total retail sales in Gansu in March 2024, online sales accounted for 9.5 percent."
    assert facts(sentence, reference) == [("Gansu", "online retail (total)", "2024-M03", "share_pct", 9.5)]


def test_a_gap_to_the_national_average_written_in_percent(reference):
    sentence = "In 2024 Gansu's online retail sales rose 14 percent, 2.5% higher than the national average."
    assert ("Gansu", "online retail (total)", "2024", "gap_vs_national_pp", 2.5) in facts(sentence, reference)


def test_a_contribution_to_growth_is_not_a_gap(reference):
    sentence = (
        "In 2024 Gansu's online retail sales rose 14 percent, contributing 3.5 percentage points to the "
        "growth of total retail sales."
    )
    assert reasons(sentence, reference)["3.5 percentage points"] == "a contribution to growth"


# Other statistics, other subjects ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "number", "reason"),
    [
        (
            "In 2024 the cattle stock in Gansu was 3.5 million head, up 2 percent.",
            "2 percent",
            "follows a figure set aside",
        ),
        ("Li said her online store sold 300,000 yuan of apricots in 2024.", "300,000 yuan", "a person's"),
        ("In 2024 Gansu Apricot Co., Ltd. sold 5 million yuan online.", "5 million yuan", "a person's"),
        ("In 2024 sales on Tmall by Gansu merchants rose 15 percent.", "15 percent", "a platform's"),
        ("Gansu's online retail sales are set to grow 10 percent in 2025.", "10 percent", "a target"),
        (
            "In 2024 hosts in Gansu sold 2 million yuan of apricots every day.",
            "2 million yuan",
            "a figure per day",
        ),
        (
            "In 2024 the province had 120 stores with online sales of more than 10 million yuan each.",
            "10 million yuan",
            "a threshold",
        ),
        (
            "In 2024 online retail sales in Gansu topped the mark of 100 billion yuan for the first time.",
            "100 billion yuan",
            "a threshold",
        ),
    ],
)
def test_figures_that_are_not_a_regions_online_retail(reference, sentence, number, reason):
    assert reasons(sentence, reference)[number].startswith(reason)


def test_all_channel_retail_is_its_own_series_and_online_context_overrides_it(reference):
    assert facts("In 2024 Gansu's retail sales rose 4.5 percent.", reference) == [
        ("Gansu", "retail sales of consumer goods", "2024", "yoy_growth_pct", 4.5)
    ]


def test_exports_and_imports_after_a_cross_border_figure_are_its_parts(reference):
    text = (
        "In 2024 cross-border e-commerce retail sales in Gansu reached 5 billion yuan, up 20 percent. "
        "Exports grew 25 percent to 3.5 billion yuan and imports grew 12.5 percent to 1.5 billion yuan."
    )
    found = facts(text, reference)
    assert ("Gansu", "cross-border exports", "2024", "amount_cny", 3.5e9) in found
    assert ("Gansu", "cross-border imports", "2024", "yoy_growth_pct", 12.5) in found


# Places -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2024 online retail sales in Lanzhou, Gansu province, grew 7.5 percent.",
        "In 2024 online retail sales in Lanzhou in northwest China's Gansu province grew 7.5 percent.",
        "In 2024 online retail sales in Lanzhou, Northwest China's Gansu province, grew 7.5 percent.",
    ],
)
def test_a_place_followed_by_the_place_that_holds_it(reference, sentence):
    assert facts(sentence, reference) == [("Lanzhou", "online retail (total)", "2024", "yoy_growth_pct", 7.5)]


def test_a_province_followed_by_its_part_of_china(reference):
    sentence = "In 2024 online retail sales in Jilin, northeast China, grew 6.5 percent."
    assert facts(sentence, reference) == [("Jilin", "online retail (total)", "2024", "yoy_growth_pct", 6.5)]


def test_chinas_before_a_place_only_locates_it(reference):
    sentence = "In 2024 online sales in northwest China's Gansu grew 6.5 percent."
    assert facts(sentence, reference)[0][0] == "Gansu"


def test_the_dateline_city_is_not_the_subject(reference):
    text = page(
        "LANZHOU, Jan. 20 (Xinhua) -- China's express delivery companies handled 30 billion parcels in 2024.",
        title="Parcels up",
        dated="",
    )
    assert facts_of(text, reference)[0][0] == "China"


def test_a_rank_among_the_country_does_not_make_a_figure_national(reference):
    sentence = "In 2024 Gansu ranked fifth in China for online sales growth at 12.5 percent."
    assert facts(sentence, reference)[0][0] == "Gansu"


def test_the_nation_describing_a_city(reference):
    text = page(
        "The northwest China city's online retail sales jumped 12.5 percent in 2024.",
        title="Lanzhou's online sales",
    )
    assert facts_of(text, reference)[0][0] == "Lanzhou"


# Periods ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        (
            "During the “Double 11” shopping festival this year, Gansu's online sales rose 9.5 percent.",
            "2025-EV-double_11",
        ),
        (
            "During the Spring Festival holiday in 2024 (February 10-17), Gansu's online sales rose 9.5 percent.",
            "2024-EV-spring_festival",
        ),
        ("Gansu's online sales hit 3 billion yuan in the January-November period of 2024.", "2024-YTD11"),
        ("By November of 2024, Gansu's online retail sales had reached 30 billion yuan.", "2024-YTD11"),
        ("Gansu's online sales rose 9.5 percent as of the end of July.", "2024-YTD07"),
        ("Between January and November in 2024, Gansu's online sales rose 9.5 percent.", "2024-YTD11"),
    ],
)
def test_period_phrases_of_real_releases(reference, sentence, period):
    assert facts(sentence, reference)[0][2] == period


def test_a_span_of_days_is_the_event_the_report_names(reference):
    text = page(
        "Gansu's online sales rose 9.5 percent from Oct 20 to Nov 11 this year.",
        title="Gansu's Singles Day sales",
        dated="Released on November 14, 2024.",
    )
    assert facts_of(text, reference)[0][2] == "2024-EV-double_11"


@pytest.mark.parametrize(
    "sentence",
    [
        "As of April 8, Gansu's express deliveries had reached 50 million parcels.",
        "During the Online Apricot Shopping Festival in 2024, Gansu's online sales rose 9.5 percent.",
    ],
)
def test_a_day_or_an_event_with_no_period_code_goes_to_review(reference, sentence):
    extraction = extract(page(sentence), reference)
    assert extraction.observations == []
    assert [
        s.reason.split("'")[2].strip() for s in extraction.set_aside if s.disposition == "needs_review"
    ] == ["is a span of days or an event with no period of its own"]


def test_at_present_is_the_reports_year(reference):
    sentence = "At present, Gansu has more than 5,000 online stores."
    assert facts(sentence, reference) == [
        ("Gansu", "online retail (total)", "2025", "online_stores_count", 5000.0)
    ]


def test_history_is_not_the_reports_period(reference):
    text = page(
        "The first online store in Gansu opened in 2007. Online retail sales in Gansu rose 9.5 percent.",
        title="Gansu's online retail in the first half",
        dated="Released on July 20, 2024.",
    )
    assert facts_of(text, reference) == [("Gansu", "online retail (total)", "2024-H1", "yoy_growth_pct", 9.5)]


# Counts -----------------------------------------------------------------------------------------


def test_counts_of_the_genre_and_a_counts_growth_after_the_figure(reference):
    text = page(
        "In 2024 Gansu had 2,500 Taobao villages and online merchants exceeded 120,000.\n\n"
        "Gansu's express firms handled 800 million parcels in 2024.\n\n"
        "The figure registered a 12.5 percent year-on-year increase."
    )
    found = facts_of(text, reference)
    assert ("Gansu", "rural", "2024", "taobao_villages_count", 2500.0) in found
    assert ("Gansu", "online retail (total)", "2024", "merchants_count", 120000.0) in found
    assert ("Gansu", "online retail (total)", "2024", "parcels_yoy_growth_pct", 12.5) in found


# Page layout ------------------------------------------------------------------------------------


def test_title_caption_dateline_and_paragraph_on_consecutive_lines(reference):
    text = (
        "Lanzhou's online sales up 12.5 percent in 2024\n"
        "Workers pack apricots at a warehouse in Tianshui, Gansu province, Jan 5, 2025. [Photo/Xinhua]\n"
        "LANZHOU, Jan. 20 (Xinhua) -- Online retail sales in Lanzhou rose 12.5 percent in 2024.\n"
    )
    assert facts_of(text, reference) == [("Lanzhou", "online retail (total)", "2024", "yoy_growth_pct", 12.5)]


def test_a_related_links_list_is_furniture(reference):
    text = page("Online retail sales in Gansu rose 9.5 percent in 2024.") + (
        "\nRelated:\n- Ningxia's online sales up 11.5%\n- Qinghai's tea exports grow\n"
    )
    assert facts_of(text, reference) == [("Gansu", "online retail (total)", "2024", "yoy_growth_pct", 9.5)]


# More phrasings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "number", "reason"),
    [
        (
            "Gansu's couriers handled 9 million parcels on Nov. 11, the Double 11 festival.",
            "9 million parcels",
            "a figure for one day",
        ),
        (
            "In 2024 Gansu set the same 7 percent year-on-year target for online retail sales.",
            "7 percent",
            "a target",
        ),
        ("In 2024 Gansu's catering revenue grew 6.5 percent.", "6.5 percent", "not a retail series"),
        ("Between April and May, Gansu's online sales rose 9.5 percent.", "9.5 percent", "period"),
        (
            "In 2024 Gansu's online sales rose 12 percent compared with the fourth quarter of 2023.",
            "12 percent",
            "growth over",
        ),
    ],
)
def test_more_figures_that_are_not_the_reports_series(reference, sentence, number, reason):
    found = reasons(sentence, reference)
    assert found[number].startswith(reason), found


def test_a_shares_change_right_after_it_whatever_it_is_compared_with(reference):
    sentence = (
        "In the first half of 2024 online sales of physical goods in Gansu accounted for 25.5 percent of "
        "retail sales, an increase from the first quarter of 1.5 percentage points."
    )
    assert ("Gansu", "physical goods", "2024-H1", "share_change_pp", 1.5) in facts(sentence, reference)


def test_of_which_counts_the_same_thing(reference):
    sentence = "In 2024 Gansu's couriers handled 900 million parcels, of which 300 million were rural."
    assert ("Gansu", "online retail (total)", "2024", "parcels_count", 3e8) not in facts(sentence, reference)
    text = page(
        "Gansu's couriers handled 900 million parcels in 2024, of which 300 million came from Lanzhou."
    )
    assert [f[3] for f in facts_of(text, reference)] == ["parcels_count", "parcels_count"]


def test_the_subject_a_count_completes(reference):
    text = page("In 2024 the number of online stores registered in Gansu rose to over 23,000.")
    assert facts_of(text, reference) == [
        ("Gansu", "online retail (total)", "2024", "online_stores_count", 23000.0)
    ]


def test_a_news_agency_dateline_is_not_the_subject(reference):
    text = page(
        "Xinhua News Agency, Beijing, March 15 (Reporter Li Ming) From January to February 2025, "
        "online retail sales of physical goods grew 5.5 percent nationwide.",
        dated="",
    )
    assert facts_of(text, reference)[0][0] == "China"


def test_a_title_naming_its_subject_only_as_a_county(reference):
    text = (
        "Apricot sales thrive in county in NW China's Gansu\n\n"
        "Released on March 10, 2025. Online apricot sales have been thriving in Jingning County, Pingliang city, "
        "northwest China's Gansu Province.\n\nIn 2024 the county's online retail sales grew 15.5 percent.\n"
    )
    assert facts_of(text, reference)[0][0] == "Jingning County"


def test_a_village_named_after_its_kind_is_held_for_review(reference):
    text = page("In the small village of Dongshan, 80 online stores sold 50 million yuan of tea in 2024.")
    extraction = extract(text, reference)
    assert extraction.observations == []
    assert {s.reason for s in extraction.set_aside if s.disposition == "needs_review"} == {
        "unknown place 'Dongshan'"
    }


def test_a_clause_naming_a_series_keeps_the_sentences_place(reference):
    sentence = "In 2024 Lanzhou had 3,000 online stores, with online retail sales hitting 9 billion yuan."
    assert ("Lanzhou", "online retail (total)", "2024", "amount_cny", 9e9) in facts(sentence, reference)


# All-channel retail and the figures of a part -----------------------------------------------------


def test_categories_after_all_channel_retail_are_not_online(reference):
    text = (
        "In 2024 retail sales of consumer goods in Gansu rose 5 percent.\n\n"
        "Furniture, books, and sports goods grew by 40.5 percent, 12 percent and 3.5 percent respectively."
    )
    found = facts(text, reference)
    assert found == [("Gansu", "retail sales of consumer goods", "2024", "yoy_growth_pct", 5.0)]


def test_categories_after_online_retail_are_online(reference):
    text = (
        "In 2024 online retail sales in Gansu rose 15 percent.\n\n"
        "Furniture and books grew by 40.5 percent and 12 percent respectively."
    )
    found = {(f[1], f[4]) for f in facts(text, reference)}
    assert {("furniture", 40.5), ("books", 12.0)} <= found


def test_retail_sales_in_rural_areas_is_all_channel(reference):
    text = "In 2024 Gansu's retail sales in rural areas grew 4.5 percent year on year."
    assert [f for f in facts(text, reference) if f[1] == "rural"] == []


@pytest.mark.parametrize(
    ("sentence", "number", "reason"),
    [
        (
            "In 2024, 31 shopping malls in Lanzhou recorded retail sales of 75 billion yuan.",
            "75 billion yuan",
            "a figure of a counted group",
        ),
        (
            "Longyuan, a Gansu apricot brand, sold 12 million yuan online in 2024.",
            "12 million yuan",
            "a person's or a company's",
        ),
        (
            "A survey by Kuaishou's research team shows that in 2024 orders of Gansu goods reached 90 million.",
            "90 million",
            "a platform's",
        ),
        (
            "In 2024 county heads in Gansu hosted livestreams that sold 6 million yuan of melons within three days.",
            "6 million yuan",
            "a figure for a span of days",
        ),
        (
            "Before Double 11, 2024, the pre-sale turnover of Gansu merchants reached 80 million yuan.",
            "80 million yuan",
            "a pre-sale figure",
        ),
        (
            "In 2024 Gansu's couriers handled 500 million parcels, of which 30 million were handled on "
            "Nov. 11 alone, up 12.5 percent year on year.",
            "12.5 percent",
            "follows a figure set aside",
        ),
    ],
)
def test_figures_of_a_part_or_a_moment(reference, sentence, number, reason):
    found = reasons(sentence, reference)
    assert found[number].startswith(reason), found


def test_a_paragraphs_span_of_days_holds_its_later_figures(reference):
    text = (
        "During the 2024 winter shopping festival (from December 20, 2024 to January 15, 2025), Gansu's "
        "online retail sales reached 8 billion yuan. Gansu's rural online retail sales exceeded 1.5 billion yuan."
    )
    extraction = extract(page(text), reference)
    assert [o for o in extraction.observations if o.value in (8e9, 1.5e9)] == []
    assert {
        s.disposition for s in extraction.set_aside if s.text.startswith(("8 billion", "1.5 billion"))
    } == {"needs_review"}


# Periods a figure takes from around it ---------------------------------------------------------------


def test_a_lists_period_after_respectively(reference):
    text = (
        "Figures shown at a trade fair in Gansu indicated that the province's online sales and cross-border "
        "e-commerce grew by 14.5 percent and 27 percent respectively as of the end of August."
    )
    found = facts(text, reference, dated="Released on September 12, 2024.")
    assert ("Gansu", "online retail (total)", "2024-YTD08", "yoy_growth_pct", 14.5) in found


def test_a_period_after_the_earlier_value_is_that_values(reference):
    text = (
        "In the first half of 2024, the share of rural e-commerce in Gansu's online retail sales rose to "
        "28.5 percent from 22 percent at the end of 2023."
    )
    found = {(f[2], f[4]) for f in facts(text, reference) if f[3] == "share_pct"}
    assert found == {("2024-H1", 28.5), ("2023", 22.0)}


def test_growth_faster_than_a_years(reference):
    text = (
        "In 2023, Gansu's online retail sales rose 9.5 percent to 80 billion yuan, with the growth 1.5 "
        "percentage points faster than 2022's."
    )
    assert ("Gansu", "online retail (total)", "2023", "growth_change_pp", 1.5) in facts(text, reference)


def test_a_sentence_on_other_series_sets_the_period_of_the_next(reference):
    text = (
        "Gansu expects its online retail sales to grow 10 percent this year, the commerce bureau said.\n\n"
        "In 2023, Gansu's foreign trade rose 6 percent year on year.\n\n"
        "Gansu's online retail sales reached 80 billion yuan, up 9.5 percent."
    )
    found = facts(text, reference, dated="Released on February 3, 2024.")
    assert ("Gansu", "online retail (total)", "2023", "amount_cny", 8e10) in found


def test_during_the_period_is_the_period_named_last(reference):
    text = (
        "Gansu's shops were busy during the five-day May Day holiday, the provincial commerce department "
        "said on Thursday. Online sales of physical goods climbed 22.5 percent year on year during the period."
    )
    found = facts(text, reference, dated="Released on May 8, 2024.")
    assert found == [("Gansu", "physical goods", "2024-EV-may_day", "yoy_growth_pct", 22.5)]


# Figures written as words -----------------------------------------------------------------------------


def test_doubled_is_growth_of_100_percent(reference):
    text = "In 2024 Gansu's online sales of tea more than doubled."
    extraction = extract(page(text), reference)
    assert [(o.segment_code, o.metric_code, o.value, o.qualifier) for o in extraction.observations] == [
        ("tea", "yoy_growth_pct", 100.0, "more than")
    ]


def test_a_counted_thing_that_doubled(reference):
    text = "In 2024 e-commerce livestreaming sessions in Gansu doubled year on year."
    assert [f[3:] for f in facts(text, reference)] == [("sessions_yoy_growth_pct", 100.0)]


def test_doubled_over_years_is_no_yearly_growth(reference):
    text = "Gansu's online retail sales have doubled in five years, the bureau said in 2024."
    assert facts(text, reference) == []


# Places named with their locators, and names several places share -----------------------------------


def test_a_place_with_its_city_and_province_after_it(reference):
    text = "Online retail sales in Gulou district, Fuzhou, Fujian province, rose 12.5 percent in 2024."
    assert [f[0] for f in facts(text, reference)] == ["Gulou District (Fuzhou)"]


def test_a_shared_name_in_the_title_is_the_one_the_opening_places(reference):
    text = (
        "The Gulou district of Fuzhou in East China's Fujian province has built a network of live-streaming bases.\n\n"
        "In 2024, the online retail sales of Gulou reached 30 billion yuan."
    )
    found = facts(text, reference, title="Gulou grows its online sales")
    assert found == [("Gulou District (Fuzhou)", "online retail (total)", "2024", "amount_cny", 3e10)]


# Counts and shares named by their subject ------------------------------------------------------------


def test_the_number_of_a_counted_thing_grew_to(reference):
    text = "In 2024 the number of parcels delivered in Gansu jumped 35.5 percent year on year to about 80 million."
    assert sorted(f[3:] for f in facts(text, reference)) == [
        ("parcels_count", 8e7),
        ("parcels_yoy_growth_pct", 35.5),
    ]


def test_pieces_count_what_the_subject_names(reference):
    text = "In 2024 the express delivery volume of Gansu reached 95 million pieces, up 21.5 percent."
    assert ("Gansu", "online retail (total)", "2024", "parcels_count", 9.5e7) in facts(text, reference)


def test_a_share_of_the_whole_alone_is_the_previous_figures(reference):
    text = (
        "In 2024 online retail sales of physical goods in Gansu rose 9.5 percent. Accounting for 21.5 percent "
        "of the total retail sales of consumer goods, with a contribution to the growth of total retail sales of 30 percent."
    )
    found = facts(text, reference)
    assert ("Gansu", "physical goods", "2024", "share_pct", 21.5) in found
    assert not [f for f in found if f[4] == 30.0]


def test_online_sellers_sales_of_an_amount(reference):
    text = "In 2024, online retailers in Gansu reported overall sales of 8.5 billion yuan, up 19 percent."
    assert ("Gansu", "online retail (total)", "2024", "amount_cny", 8.5e9) in facts(text, reference)


def test_retail_sales_of_a_category_are_all_channel(reference):
    text = "Retail sales of grain, oil and food in Gansu in 2024 were 9.5 billion yuan."
    assert [f for f in facts(text, reference) if f[1] == "food"] == []


def test_more_than_before_a_period_is_no_comparison(reference):
    text = "Gansu's e-commerce businesses generated online sales of more than 20 billion yuan in 2023."
    found = facts(text, reference, dated="Released on May 3, 2024.")
    assert ("Gansu", "online retail (total)", "2023", "amount_cny", 2e10) in found


# Subjects in other clauses -------------------------------------------------------------------------


def test_nationwide_after_a_figures_conversion(reference):
    text = (
        "In 2024, Gansu's online sales grew 9 percent. During the Double 11 period, online retail sales "
        "reached 950 billion yuan (about 133 billion U.S. dollars) nationwide, up 20.5 percent."
    )
    found = facts(text, reference, dated="Released on November 13, 2024.")
    assert ("China", "online retail (total)", "2024-EV-double_11", "amount_cny", 9.5e11) in found


def test_a_national_body_with_no_place_in_the_opening_is_national(reference):
    text = (
        "Since the launch of the online spring festival, online retail sales have reached 750 billion yuan, "
        "an official of the Ministry of Commerce said on Tuesday. The festival is the first of twelve campaigns "
        "of the year. It focuses on digital, green and healthy goods.\n\n"
        "Localities such as Gansu, its neighbour Qinghai and Gansu again held promotions."
    )
    extraction = extract(page(text), reference)
    assert extraction.region_code == "000000"


def test_a_counted_group_saw_a_figure_but_not_the_next_clause(reference):
    text = (
        "In 2024, a total of 25 online stores and restaurants in Gansu saw 300 million yuan in trade, "
        "while retail sales from live-streaming totaled 850 million yuan."
    )
    found = facts(text, reference)
    assert [f[4] for f in found if f[3] == "amount_cny"] == [8.5e8]


def test_an_other_series_subject_in_an_earlier_clause(reference):
    text = (
        "In 2024 Gansu's online retail sales rose 9.5 percent. In March, Gansu's consumer price index, "
        "the main gauge of inflation, rose 1.5 percent year on year."
    )
    assert [f[4] for f in facts(text, reference)] == [9.5]


def test_a_gap_against_the_province_is_the_citys(reference):
    text = (
        "In 2024 online retail sales in Lanzhou rose 12.5 percent, the fastest among cities in Gansu and "
        "3.5 percentage points higher than the provincial average."
    )
    found = facts(text, reference, title="Lanzhou's online sales")
    assert ("Lanzhou", "online retail (total)", "2024", "gap_vs_province_pp", 3.5) in found


# Currencies, sources and earlier values ------------------------------------------------------------


@pytest.mark.parametrize(
    "conversion", ["(about USD 1.2 billion)", "(about 1.2 billion Hong Kong dollars)", "(US$1.2 billion)"]
)
def test_a_foreign_currency_conversion_does_not_take_the_growth(reference, conversion):
    text = f"In 2024, Gansu's online retail sales totaled 8.5 billion yuan {conversion}, an increase of 10.5 percent."
    assert ("Gansu", "online retail (total)", "2024", "yoy_growth_pct", 10.5) in facts(text, reference)


def test_the_growth_of_a_count_of_something_else(reference):
    text = (
        "In 2024, Gansu's post offices delivered 5.5 million letters, a year-on-year increase of 12 percent."
    )
    assert facts(text, reference) == []


def test_platforms_named_as_where_a_places_firms_sell(reference):
    text = (
        "In 2024, the county's farmers had opened 350 online stores on platforms including JD.com and Taobao."
    )
    found = facts(text, reference, title="Online stores in Jingning County, Gansu")
    assert [f[3:] for f in found] == [("online_stores_count", 350.0)]


def test_taobao_villages_counted_by_alibaba_are_the_places(reference):
    text = "According to Alibaba's research, there were 4,310 Taobao villages across the country in 2024."
    assert [f[0::3] for f in facts(text, reference)] == [("China", "taobao_villages_count")]


def test_an_earlier_value_from_which_a_figure_rose(reference):
    text = "Gansu's online sales of apples had risen from 3 million yuan (about $420,000) to 950 million yuan in 2024."
    assert reasons(text, reference)["3 million yuan"].startswith("an earlier value")


def test_the_number_stood_at(reference):
    text = (
        "Cross-border e-commerce trade in Gansu reached 2.5 billion yuan in 2024. "
        "The number stood at 1.8 billion yuan in 2023."
    )
    found = facts(text, reference, dated="Released on March 10, 2025.")
    assert ("Gansu", "cross-border", "2023", "amount_cny", 1.8e9) in found


def test_produce_sales_and_internet_celebrities(reference):
    text = (
        "In 2024 Gansu's online retail sales and produce sales rose 9.5 percent and 15 percent respectively, "
        "and Gansu had more than 20,000 internet celebrities."
    )
    found = {(f[1], f[3], f[4]) for f in facts(text, reference)}
    assert ("agricultural products", "yoy_growth_pct", 15.0) in found
    assert ("live-streaming", "livestreamers_count", 20000.0) in found


# Datelines, pronouns and dates told in a story ---------------------------------------------------------


def test_the_county_is_the_county_named_last(reference):
    text = (
        "Ma Li runs an online store in Hezheng county, Linxia, Gansu province.\n\n"
        "The county saw online sales reach 1.5 billion yuan in 2024, up 20.5 percent year on year."
    )
    found = facts(text, reference, title="E-commerce lifts villages in Gansu")
    assert ("Hezheng County", "online retail (total)", "2024", "amount_cny", 1.5e9) in found


def test_a_month_or_an_adverb_before_the_city_is_no_place(reference):
    text = (
        "From January to June, the city's online retail sales reached 30.5 billion yuan. "
        "Additionally, the town has added 120 online stores."
    )
    extraction = extract(page(text, title="Lanzhou's online sales"), reference)
    assert not [s for s in extraction.set_aside if s.reason.startswith("unknown place")]


def test_a_dateline_with_its_source_in_brackets(reference):
    text = (
        "LANZHOU, (Example Wire - 15th Mar, 2024) Online retail sales in Gansu rose 10.5 percent in 2023, "
        "the commerce department said."
    )
    extraction = extract(page(text, title="Online sales grow"), reference)
    assert extraction.region_code == "620000"


def test_a_date_told_deep_in_a_story_is_not_the_reports(reference):
    text = (
        "Online retail sales in Gansu grew quickly over the decade.\n\n"
        "The market opened its first e-commerce hall in 2013.\n\n"
        "On May 25, 2017, a logistics park opened in Lanzhou, and more parks followed in 2020 and 2021."
    )
    extraction = extract(
        page(text, dated="", title="Gansu's e-commerce decade"), reference, "2022-12-26_story.txt"
    )
    assert extraction.report_date.value.year == 2022


def test_offline_consumption_is_not_online_retail(reference):
    text = (
        "During the 2024 National Day holiday, Gansu's offline consumption rose 12.5 percent, while online "
        "retail sales rose 15.5 percent."
    )
    found = facts(text, reference)
    assert [f[4] for f in found] == [15.5]


def test_counted_things_listed_respectively(reference):
    text = "In 2024 Jingning county topped the city both in Taobao villages and Taobao towns, with 12 and 3 respectively."
    found = {(f[0], f[3], f[4]) for f in facts(text, reference)}
    assert found == {
        ("Jingning County", "taobao_villages_count", 12.0),
        ("Jingning County", "taobao_towns_count", 3.0),
    }


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        (
            "In 2024, Lanzhou carried out 56,000 livestream sales, with sales reaching 1.2 billion yuan.",
            "sessions_count",
        ),
        ("By the end of 2024, Lanzhou numbered 12,000 e-stores.", "online_stores_count"),
        (
            "Data showed Lanzhou was home to 8,000 broadcasters engaged in live commerce in 2024.",
            "livestreamers_count",
        ),
        ("The number of Lanzhou's Taobao villages had risen to 24 in 2024.", "taobao_villages_count"),
    ],
)
def test_counted_things_of_the_genre(reference, sentence, measure):
    found = facts(sentence, reference, title="Lanzhou's e-commerce")
    assert measure in [f[3] for f in found]


def test_shares_of_people_are_not_shares_of_sales(reference):
    text = (
        "In 2024 Gansu's online retail sales rose 9.5 percent. People under 20 represented 1.5 percent of the "
        "province's online shoppers, while over-40s accounted for 22.5 percent, up 1.5 percentage points."
    )
    assert [f[3:] for f in facts(text, reference)] == [("yoy_growth_pct", 9.5)]


# Figures per day, changes in amounts, contributions --------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 310 million parcels were handled daily on average from June 1 to 18 in Gansu.",
        "In Gansu the average daily delivery volume rose 62.5 percent in 2024.",
        "In 2024 over 90 thousand parcels bought online left Gansu daily.",
    ],
)
def test_a_figure_per_day_is_not_a_fact(reference, sentence):
    assert facts(sentence, reference) == []


def test_daily_necessities_and_a_daily_paper_are_not_per_day(reference):
    assert facts("In 2024 Gansu's online sales of daily necessities rose 7 percent.", reference) == [
        ("Gansu", "daily necessities", "2024", "yoy_growth_pct", 7.0)
    ]
    assert facts("In 2024 Gansu's online sales rose 7 percent, the Gansu Daily reported.", reference) == [
        ("Gansu", "online retail (total)", "2024", "yoy_growth_pct", 7.0)
    ]


def test_an_increase_of_an_amount_is_not_the_amount(reference):
    found = facts(
        "In 2024 Gansu handled 41,500 parcels, an increase of 12,300 parcels on a year earlier.", reference
    )
    assert ("Gansu", "online retail (total)", "2024", "parcels_count", 12300.0) not in found
    assert ("Gansu", "online retail (total)", "2024", "parcels_count", 41500.0) in found


def test_a_contribution_to_growth_in_percent(reference):
    assert (
        facts(
            "In 2024 online tourism and online catering in Gansu stood out, contributing 18% and 12.5% "
            "to the growth of online retail sales respectively.",
            reference,
        )
        == []
    )


# Periods: the mid-year festival, last month, compared periods, "now" ----------------------------


def test_the_mid_year_shopping_spree_is_618(reference):
    assert facts(
        "Close to 3.9 billion parcels were handled in Gansu during this year's mid-year shopping spree, "
        "up 31 percent over the same period last year.",
        reference,
    ) == [
        ("Gansu", "online retail (total)", "2025-EV-618", "parcels_count", 3.9e9),
        ("Gansu", "online retail (total)", "2025-EV-618", "parcels_yoy_growth_pct", 31.0),
    ]


def test_the_same_period_of_an_earlier_year_is_a_comparison(reference):
    assert facts(
        "During the Spring Festival holiday 2.4 million parcels were sent in Gansu, a 21 percent rise "
        "compared with the same period in 2024.",
        reference,
    ) == [
        ("Gansu", "online retail (total)", "2025-EV-spring_festival", "parcels_count", 2.4e6),
        ("Gansu", "online retail (total)", "2025-EV-spring_festival", "parcels_yoy_growth_pct", 21.0),
    ]


def test_last_month_is_the_month_before_the_report(reference):
    assert facts("Gansu's express firms handled 52 million parcels last month.", reference) == [
        ("Gansu", "online retail (total)", "2025-M02", "parcels_count", 5.2e7)
    ]


def test_a_holiday_last_month_is_the_holiday(reference):
    found = facts(
        "During the Spring Festival holiday last month, online sales in Gansu rose 8 percent.", reference
    )
    assert found == [("Gansu", "online retail (total)", "2025-EV-spring_festival", "yoy_growth_pct", 8.0)]


def test_a_count_as_things_now_stand_is_of_the_reports_year(reference):
    assert facts(
        "In 2023 Gansu's online sales rose 9 percent. Gansu is now home to 3,100 online stores.", reference
    ) == [
        ("Gansu", "online retail (total)", "2023", "yoy_growth_pct", 9.0),
        ("Gansu", "online retail (total)", "2025", "online_stores_count", 3100.0),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2024 the business revenue of Gansu's postal industry reached 18.2 billion yuan, up 7.5 percent.",
        "In 2024 Gansu's courier firms delivered 410 million parcels and earned 3.3 billion yuan in revenue.",
        "In 2024 the province's express delivery raked in about 9.1 billion yuan.",
    ],
)
def test_an_amount_of_the_delivery_trade_is_not_sales(reference, sentence):
    assert [f for f in facts(sentence, reference) if f[3] in ("amount_cny", "yoy_growth_pct")] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2024 Gansu's e-commerce trade volume reached 51 billion yuan.",
        "In 2024 the volume of online trade in Gansu reached 51 billion yuan.",
        "In 2024 the transaction volume of the e-commerce platforms in Gansu reached 51 billion yuan.",
    ],
)
def test_trade_and_transaction_volumes_are_online_transactions(reference, sentence):
    assert facts(sentence, reference) == [("Gansu", "online transactions", "2024", "amount_cny", 5.1e10)]


def test_a_province_before_a_place_inside_it_only_locates_it(reference):
    found = facts(
        "In 2024 online sales rose 11 percent.", reference, title="Zhejiang's Haiyan county sells more online"
    )
    assert found == [("Haiyan County (Jiaxing)", "online retail (total)", "2024", "yoy_growth_pct", 11.0)]


def test_an_unknown_town_named_in_full_goes_by_its_short_name_after(reference):
    extraction = extract(
        page(
            "Qiaolou town in Haiyan county, Zhejiang province, has turned to e-commerce. "
            "Haiyan's online sales rose 9 percent in 2024. In 2024 Qiaolou had more than 1,200 online stores.",
            title="Haiyan county sells more online",
        ),
        reference,
    )
    assert [(o.region_code, o.metric_code, o.value) for o in extraction.review_candidates] == [
        ("?Qiaolou town", "online_stores_count", 1200.0)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2024 the online retail sales of trading enterprises above designated size in Gansu rose 12 percent.",
        "In 2024 major retail and wholesale enterprises in Gansu reported online retail sales up 12 percent.",
    ],
)
def test_online_retail_of_enterprises_above_designated_size_is_its_own_series(reference, sentence):
    assert facts(sentence, reference) == [
        ("Gansu", "online retail above designated size", "2024", "yoy_growth_pct", 12.0)
    ]


def test_industries_above_designated_size_are_not_that_series(reference):
    found = facts(
        "In 2024 Gansu's online retail sales of goods made by industries above designated size grew 9 percent.",
        reference,
    )
    assert [f[1] for f in found] != ["online retail above designated size"]


def test_a_named_fruit_is_the_fruits_category(reference):
    assert facts("In 2024 online sales of navel oranges in Gansu reached 1.1 billion yuan.", reference) == [
        ("Gansu", "fruits", "2024", "amount_cny", 1.1e9)
    ]
    assert facts(
        "In 2024 online sales in Gansu, home of the famous Gansu apples, rose 9 percent.", reference
    ) == [("Gansu", "online retail (total)", "2024", "yoy_growth_pct", 9.0)]


def test_a_shared_name_placed_by_its_title_stays_placed_when_the_body_names_china(reference):
    text = (
        "Qinghe, Hebei: a county of cashmere\n\n"
        "Qinghe is known across China for cashmere. "
        "In 2024 Qinghe had more than 30,000 online stores.\n"
    )
    assert facts_of(text, reference, "2025-01-10_qinghe.txt") == [
        ("Qinghe County (Xingtai)", "online retail (total)", "2024", "online_stores_count", 30000.0)
    ]


def test_a_count_of_the_genre_after_a_revenue_figure_is_its_own(reference):
    found = facts(
        "In 2024 the revenue of Gansu's courier firms hit 1.2 billion yuan, up 9 percent, and the express "
        "delivery business volume was 61.5 million parcels, an increase of 20.4 percent.",
        reference,
    )
    assert found == [
        ("Gansu", "online retail (total)", "2024", "parcels_count", 6.15e7),
        ("Gansu", "online retail (total)", "2024", "parcels_yoy_growth_pct", 20.4),
    ]


def test_the_national_day_and_mid_autumn_holiday_is_national_day(reference):
    assert facts(
        "Gansu handled 61 million parcels during the eight-day National Day and Mid-Autumn Festival holiday.",
        reference,
        dated="Released on October 9, 2025.",
    ) == [("Gansu", "online retail (total)", "2025-EV-national_day", "parcels_count", 6.1e7)]


def test_a_rise_from_the_figure_of_an_earlier_year_is_a_comparison(reference):
    found = facts(
        "During the Spring Festival holiday Gansu sent 2.1 million parcels, up 4.4 percent from the holiday "
        "last year and 150 percent from the figure in 2019.",
        reference,
    )
    assert (
        "Gansu",
        "online retail (total)",
        "2025-EV-spring_festival",
        "parcels_yoy_growth_pct",
        4.4,
    ) in found
    assert all(f[2] != "2019" for f in found)


def test_internet_penetration_and_the_digital_economy_are_not_retail(reference):
    assert (
        facts("In 2024 the internet penetration rate in Gansu's rural areas reached 61.3 percent.", reference)
        == []
    )
    assert (
        facts("In 2024 the digital economy accounted for 8.1 percent of Gansu's farm output.", reference)
        == []
    )


def test_a_group_of_poor_counties_is_not_the_nation(reference):
    extraction = extract(
        page(
            "In 2024 online retail sales of 832 poor counties in China amounted to 310 billion yuan. "
            "Online sales of agricultural products in these counties rose 12 percent in 2024."
        ),
        reference,
    )
    assert extraction.observations == []
    assert {(o.region_code, o.metric_code) for o in extraction.review_candidates} == {
        ("?832 poor counties", "amount_cny"),
        ("?832 poor counties", "yoy_growth_pct"),
    }


def test_a_part_of_the_country_is_not_the_nation(reference):
    extraction = extract(
        page("In 2024 online retail sales in eastern China reached 9.1 trillion yuan."), reference
    )
    assert [(o.region_code, o.value) for o in extraction.review_candidates] == [("?eastern China", 9.1e12)]


def test_a_count_handled_nationwide_is_the_nations(reference):
    found = facts(
        "In 2024 Gansu's couriers delivered 600 million parcels. In 2024 some 170 billion parcels were "
        "collected nationwide.",
        reference,
    )
    assert ("China", "online retail (total)", "2024", "parcels_count", 1.7e11) in found


def test_things_added_are_a_change_not_a_count(reference):
    assert facts("Compared with 2023, Gansu added 4 Taobao towns in 2024.", reference) == []


def test_a_share_of_incomes_is_not_a_share_of_sales(reference):
    assert (
        facts(
            "In 2024 online sales of apples made up more than 30 percent of the incomes of Gansu's growers.",
            reference,
        )
        == []
    )


def test_the_largest_in_a_part_of_the_country_is_no_place_of_its_figures(reference):
    found = facts(
        "Lanzhou has become the largest e-commerce hub in northern China, with 41,000 online merchants in 2024.",
        reference,
        title="Lanzhou's e-commerce hub grows",
    )
    assert found == [("Lanzhou", "online retail (total)", "2024", "merchants_count", 41000.0)]


def test_the_output_value_of_e_commerce_is_online_transactions(reference):
    assert facts(
        "The annual output value of e-commerce in Gansu in 2024 was nearly 8 billion yuan.", reference
    ) == [("Gansu", "online transactions", "2024", "amount_cny", 8e9)]


def test_a_report_naming_no_region_but_the_national_total_is_the_nations(reference):
    assert facts(
        "In 2024, online retail sales of rural areas reached 2.5 trillion yuan, accounting for 16 percent "
        "of the national total of online retail sales.",
        reference,
        title="Rural e-commerce in 2024",
    ) == [
        ("China", "rural", "2024", "amount_cny", 2.5e12),
        ("China", "rural", "2024", "share_pct", 16.0),
    ]


def test_a_growth_rate_improved_from_that_of_an_earlier_year(reference):
    found = facts(
        "In 2024 Gansu's online sales of farm produce rose 13 percent. The growth rate improved by 4.2 "
        "percentage points from that of 2023.",
        reference,
    )
    assert ("Gansu", "agricultural products", "2024", "growth_change_pp", 4.2) in found


def test_online_retailers_and_online_businesses_are_merchants(reference):
    assert facts("By the end of 2024 Gansu had 61,000 online retailers.", reference) == [
        ("Gansu", "online retail (total)", "2024", "merchants_count", 61000.0)
    ]


def test_among_these_keeps_the_scope_of_the_figure_before(reference):
    assert facts(
        "In 2024 rural online retail sales in Gansu reached 40 billion yuan. Among these, online retail sales "
        "of physical goods were 31 billion yuan, and online retail sales of service were 9 billion yuan.",
        reference,
    ) == [
        ("Gansu", "rural", "2024", "amount_cny", 4e10),
        ("Gansu", "rural physical goods", "2024", "amount_cny", 3.1e10),
        ("Gansu", "rural services", "2024", "amount_cny", 9e9),
    ]


def test_the_turnover_of_the_e_commerce_sector_is_online_transactions(reference):
    assert facts(
        "In 2024 Gansu's e-commerce sector posted a total turnover of 410 billion yuan.", reference
    ) == [("Gansu", "online transactions", "2024", "amount_cny", 4.1e11)]


def test_the_size_of_the_group_a_figure_is_of_is_no_count(reference):
    assert facts(
        "In 2024 the online retail sales of 412 Gansu enterprises reached 9.3 billion yuan.", reference
    ) == [("Gansu", "online retail (total)", "2024", "amount_cny", 9.3e9)]
    assert facts(
        "In 2024 Gansu's 236 key trade enterprises achieved 5.1 billion yuan in online retail sales.",
        reference,
    ) == [("Gansu", "online retail (total)", "2024", "amount_cny", 5.1e9)]


def test_a_comparison_with_an_average_of_others_is_no_growth(reference):
    found = facts(
        "Gansu's online sales grew 12 percent during Double 11. Orders placed by college students were 20% "
        "higher than the city average, with new growth points emerging in household appliances like phones.",
        reference,
        dated="Released on November 13, 2024.",
    )
    assert found == [("Gansu", "online retail (total)", "2024-EV-double_11", "yoy_growth_pct", 12.0)]


def test_prices_and_training_sessions_are_not_figures(reference):
    assert facts("In 2024 Gansu's online sales of apples rose 8 percent, at 6.2 yuan/kg.", reference) == [
        ("Gansu", "fruits", "2024", "yoy_growth_pct", 8.0)
    ]
    assert facts("In 2024 Gansu held 16 training sessions on livestreaming for farmers.", reference) == []


def test_a_list_ending_in_other_things(reference):
    assert facts(
        "In 2024 online sales of food, clothing and other daily necessities in Gansu grew 5.6 percent, "
        "4.7 percent and 5.2 percent respectively.",
        reference,
    ) == [
        ("Gansu", "food", "2024", "yoy_growth_pct", 5.6),
        ("Gansu", "clothing and accessories", "2024", "yoy_growth_pct", 4.7),
        ("Gansu", "daily necessities", "2024", "yoy_growth_pct", 5.2),
    ]


def test_a_figure_of_a_group_of_places_is_no_place_of_its_own(reference):
    assert (
        facts(
            "In 2024 Zhejiang, Jiangsu, Fujian, Hebei and Shandong ranked the top five in rural online retail "
            "sales, accounting for 71.5 percent of the national total.",
            reference,
        )
        == []
    )


def test_an_event_without_a_year_takes_the_year_of_the_dates_beside_it(reference):
    assert facts(
        "From June 1 to 20, 2023, Gansu handled 61 million parcels during the mid-year shopping festival.",
        reference,
        dated="Released on March 10, 2025.",
    ) == [("Gansu", "online retail (total)", "2023-EV-618", "parcels_count", 6.1e7)]


def test_a_yearly_figure_as_things_stand_is_of_the_reports_year(reference):
    found = facts(
        "Gansu's online sales rose 9 percent in 2023. Its apples sold online generate over 2 billion yuan a year.",
        reference,
    )
    assert ("Gansu", "fruits", "2025", "amount_cny", 2e9) in found


def test_the_parts_of_cross_border_trade_after_of_which(reference):
    found = facts(
        "In 2024 the import and export value of cross-border e-commerce of Gansu rose 21 percent to 9 billion "
        "yuan, of which the export value rose 25 percent to 6 billion yuan.",
        reference,
    )
    assert found == [
        ("Gansu", "cross-border", "2024", "yoy_growth_pct", 21.0),
        ("Gansu", "cross-border", "2024", "amount_cny", 9e9),
        ("Gansu", "cross-border exports", "2024", "yoy_growth_pct", 25.0),
        ("Gansu", "cross-border exports", "2024", "amount_cny", 6e9),
    ]


def test_express_services_and_restaurants_are_not_retail_series(reference):
    assert (
        facts("In 2024 revenue from Gansu's express services came in at 812 million yuan.", reference) == []
    )
    assert facts("In 2024 Gansu's restaurant business revenues grew 12 percent.", reference) == []


def test_a_growth_after_a_figure_of_a_place_for_review_is_that_places(reference):
    extraction = extract(
        page(
            "In 2024 online retail sales of 832 poor counties in China totaled 310 billion yuan, up 14 percent "
            "from the previous year."
        ),
        reference,
    )
    assert extraction.observations == []
    assert [(o.region_code, o.metric_code) for o in extraction.review_candidates] == [
        ("?832 poor counties", "amount_cny"),
        ("?832 poor counties", "yoy_growth_pct"),
    ]


def test_look_no_further_than_names_the_subject(reference):
    extraction = extract(
        page(
            "Look no further than Qiaolou village in Haiyan county, Zhejiang province. In 2024 more than 300 "
            "online stores were run in the village.",
            title="Bonsai village in Haiyan thrives online",
        ),
        reference,
    )
    assert [(o.region_code, o.metric_code, o.value) for o in extraction.review_candidates] == [
        ("?Qiaolou village", "online_stores_count", 300.0)
    ]


def test_a_village_referred_to_in_an_earlier_clause(reference):
    extraction = extract(
        page(
            "Qiaolou village in Haiyan county is famous for bonsai. Many farmers live in the village, where "
            "more than 100 people sell online, achieving sales of 90 million yuan and 20 million yuan of "
            "profit in 2024.",
            title="Bonsai village in Haiyan thrives online",
        ),
        reference,
    )
    assert [(o.region_code, o.metric_code, o.value) for o in extraction.review_candidates] == [
        ("?Qiaolou village", "amount_cny", 9e7)
    ]
    assert extraction.observations == []


def test_new_ones_added_are_a_change_not_a_count(reference):
    assert (
        facts("In 2024 Gansu added 133 new online stores and 126 new e-commerce enterprises.", reference)
        == []
    )


def test_a_taobao_village_is_a_kind_of_village_not_a_place(reference):
    extraction = extract(
        page(
            'Qiaolou village in Gansu is known as the first "Taobao Village" of the region. '
            "In 2024, the village's online sales exceeded 200 million yuan."
        ),
        reference,
    )
    assert [(o.region_code, o.value) for o in extraction.review_candidates] == [("?Qiaolou village", 2e8)]


def test_an_industrial_park_is_a_place_of_its_own(reference):
    extraction = extract(
        page("Last year, sales revenue at Qiaolou E-commerce Park in Gansu topped 130 million yuan."),
        reference,
    )
    assert extraction.observations == []
    assert [o.region_code for o in extraction.review_candidates] == ["?Qiaolou E-commerce Park"]


def test_a_requirement_is_not_a_statistic(reference):
    assert (
        facts(
            "In 2024, to be labelled a Taobao village in Gansu, a village must reach annual online sales of "
            "10 million yuan.",
            reference,
        )
        == []
    )


def test_one_livestream_show_and_a_named_platform_are_their_own(reference):
    assert facts("In 2024 Lanzhou's one-hour livestream show drew 220,000 views.", reference) == []
    assert facts('In 2024 the platform of "Gansu Flavor" racked up 29,600 orders in Gansu.', reference) == []


def test_agricultural_e_commerce_is_agricultural_products(reference):
    assert facts(
        "In 2024 Gansu's agricultural e-commerce generated over 11 billion yuan in sales.", reference
    ) == [("Gansu", "agricultural products", "2024", "amount_cny", 1.1e10)]


def test_residents_spending_on_online_shopping_is_online_consumption(reference):
    assert facts(
        "Residents of Gansu spent nearly 73 billion yuan on online shopping in 2024, up 7.5 percent year on year.",
        reference,
    ) == [
        ("Gansu", "online consumption", "2024", "amount_cny", 7.3e10),
        ("Gansu", "online consumption", "2024", "yoy_growth_pct", 7.5),
    ]


def test_a_currency_code_right_before_the_number(reference):
    assert facts("In 2024 Gansu's online retail sales reached RMB2.05 trillion.", reference) == [
        ("Gansu", "online retail (total)", "2024", "amount_cny", 2.05e12)
    ]


def test_a_faster_growth_rate_than_the_previous_year_in_percent(reference):
    found = facts(
        "In 2024 Gansu's rural online retail sales rose 11.3%, a 2.4% faster growth rate than the previous year.",
        reference,
    )
    assert ("Gansu", "rural", "2024", "growth_change_pp", 2.4) in found


def test_figures_of_one_show_or_a_sample_of_firms_are_their_own(reference):
    assert (
        facts("During Lanzhou's one-hour livestream show in 2024, the views exceeded 220,000.", reference)
        == []
    )
    assert (
        facts(
            "In 2024, according to a sample survey of 200 retail businesses in Gansu, sales of the surveyed "
            "stores totaled 5.7 billion yuan.",
            reference,
        )
        == []
    )


def test_people_trained_and_product_listings_are_not_counts_of_the_genre(reference):
    assert facts("In 2024 Gansu provided training for over 5,000 livestreamers.", reference) == []
    assert (
        facts("In 2024 Gansu's online festival brought together more than 3,000 products.", reference) == []
    )


def test_a_place_inside_an_organisations_name_is_no_place(reference):
    found = facts(
        "In January 2024 Lanzhou hosted an online festival of goods from Shanghai Cooperation Organization "
        "members, generating 100 million yuan in online sales.",
        reference,
        title="Lanzhou hosts an online festival",
    )
    assert [f[0] for f in found] == ["Lanzhou"]


def test_box_office_is_not_retail(reference):
    assert facts("In 2024 a total of 205 million yuan was taken from cinemas across Gansu.", reference) == []


def test_a_town_opening_a_story_titled_by_its_county_is_the_subject(reference):
    extraction = extract(
        page(
            "Qiaolou town in Haiyan county, Zhejiang province, has become a hub of e-commerce. "
            "From January to October 2024, online sales hit 2.6 billion yuan.",
            title="Zhejiang's Haiyan county spurs rural vitalization",
        ),
        reference,
    )
    assert extraction.observations == []
    assert [(o.region_code, o.value) for o in extraction.review_candidates] == [("?Qiaolou town", 2.6e9)]


def test_things_added_in_a_list_are_changes(reference):
    assert (
        facts(
            "In 2024 Gansu's town kept adding 133 new online stores and 126 e-commerce enterprises.",
            reference,
        )
        == []
    )


def test_non_store_retail_is_no_series_here(reference):
    assert facts(
        "In 2024 the retail sales of non stores above the designated size in Gansu increased by 9.5%, with "
        "online stores above the designated size increasing by 8.3%.",
        reference,
    ) == [("Gansu", "online retail above designated size", "2024", "yoy_growth_pct", 8.3)]


def test_cross_border_e_commerce_import_is_the_imports_part(reference):
    found = facts(
        "In 2024 Chongqing released cross-border e-commerce import lists with a value of 449 million yuan.",
        reference,
    )
    assert found == [("Chongqing", "cross-border imports", "2024", "amount_cny", 4.49e8)]


def test_the_county_referred_to_in_an_earlier_clause(reference):
    found = facts(
        "Haiyan county in Zhejiang is famous for oranges. In 2024, 30 percent of the oranges grown in the county "
        "were sold online, generating over 3 billion yuan a year.",
        reference,
        title="Zhejiang's oranges sell online",
    )
    assert ("Haiyan County (Jiaxing)", "fruits", "2024", "amount_cny", 3e9) in found


def test_an_honorific_title_is_no_place(reference):
    found = facts(
        "Named a National E-commerce Rural Comprehensive Demonstration County, the county is now home to 264 "
        "online stores.",
        reference,
        title="Guizhou's Xifeng county sells online",
    )
    assert [f[0] for f in found] == ["Xifeng County (Guiyang)"]


def test_a_platforms_sales_through_its_own_platforms_and_a_span_of_years(reference):
    assert (
        facts(
            "Data showed 90 billion yuan of farm produce from poor villages in Gansu were sold through its online "
            "platforms between 2015 and 2017.",
            reference,
        )
        == []
    )


def test_spending_in_stores_and_online_is_all_channel(reference):
    assert facts(
        "During the National Day holiday the combined spending in stores and online retail spending totaled 76.6 "
        "billion yuan in Gansu.",
        reference,
        dated="Released on October 9, 2025.",
    ) == [("Gansu", "retail sales of consumer goods", "2025-EV-national_day", "amount_cny", 7.66e10)]


def test_a_place_after_a_list_of_counts(reference):
    found = facts(
        "As of the end of June 2024, AliResearch found 7,780 Taobao villages and 2,429 Taobao towns across the "
        "country. Gansu had 31 of them.",
        reference,
        title="Gansu's Taobao villages",
    )
    assert ("China", "rural", "2024-H1", "taobao_villages_count", 7780.0) in found


def test_in_breakdown_retail_sales_are_the_online_figure_broken_down(reference):
    found = facts(
        "Online retail sales of Gansu amounted to 30 billion yuan in 2024, up 26 percent. In breakdown, retail "
        "sales in the fourth quarter reached 9.5 billion yuan, up 30.4 percent year on year.",
        reference,
    )
    assert ("Gansu", "online retail (total)", "2024-Q4", "amount_cny", 9.5e9) in found


def test_the_exchange_of_goods_between_town_and_country_is_not_retail(reference):
    found = facts(
        "In 2024 over 3 billion parcels were shipped to and from Gansu's rural areas, and the exchange of "
        "industrial products and farm produce between urban and rural areas totaled 150 billion yuan.",
        reference,
    )
    assert all(f[3] != "amount_cny" for f in found)


def test_cross_border_imports_and_exports_are_the_whole(reference):
    found = facts(
        "Gansu achieved cross-border e-commerce imports and exports worth 23 billion yuan in 2024, up 30.3 percent. "
        "Exports reached 17.8 billion yuan, a 32.6 percent increase, while imports rose 23 percent to 5.2 billion yuan.",
        reference,
    )
    assert found == [
        ("Gansu", "cross-border", "2024", "amount_cny", 2.3e10),
        ("Gansu", "cross-border", "2024", "yoy_growth_pct", 30.3),
        ("Gansu", "cross-border exports", "2024", "amount_cny", 1.78e10),
        ("Gansu", "cross-border exports", "2024", "yoy_growth_pct", 32.6),
        ("Gansu", "cross-border imports", "2024", "yoy_growth_pct", 23.0),
        ("Gansu", "cross-border imports", "2024", "amount_cny", 5.2e9),
    ]


def test_which_include_introduces_examples(reference):
    assert facts(
        "In 2024 Gansu's online retail sales, which include B2C and C2C, rose 12 percent.", reference
    ) == [("Gansu", "online retail (total)", "2024", "yoy_growth_pct", 12.0)]


def test_firms_taking_part_and_the_first_days_of_a_festival(reference):
    assert (
        facts(
            "In 2024 Gansu launched an online festival with over 260 e-commerce enterprises participating.",
            reference,
        )
        == []
    )
    assert (
        facts(
            "In the first eight days of Gansu's 2024 shopping festival, online retail sales went up 28 percent.",
            reference,
        )
        == []
    )


def test_a_package_volume_is_parcels(reference):
    assert facts(
        "Gansu's package volume hit 206 million pieces during this year's Singles' Day shopping spree.",
        reference,
        dated="Released on November 17, 2024.",
    ) == [("Gansu", "online retail (total)", "2024-EV-double_11", "parcels_count", 2.06e8)]


def test_a_change_of_growth_compared_with_a_named_month(reference):
    found = facts(
        "In August 2024 Gansu's retail sales of consumer goods increased by 5.4% year-on-year, up by 2.7 "
        "percentage points compared with July.",
        reference,
    )
    assert ("Gansu", "retail sales of consumer goods", "2024-M08", "growth_change_pp", 2.7) in found


def test_at_least_opening_a_sentence_and_more_than_the_same_day_last_year(reference):
    found = facts(
        "At least 331 million packages were handled by Gansu's couriers on Saturday's Singles Day, 31.5 percent "
        "more than the same day last year.",
        reference,
        dated="Released on November 13, 2017.",
    )
    assert found == [
        ("Gansu", "online retail (total)", "2017-EV-double_11", "parcels_count", 3.31e8),
        ("Gansu", "online retail (total)", "2017-EV-double_11", "parcels_yoy_growth_pct", 31.5),
    ]


def test_the_parts_of_cross_border_trade_in_the_next_paragraph(reference):
    text = page(
        "In 2024 Gansu's cross-border e-commerce imports and exports were worth 23 billion yuan, according to "
        "customs.\n\nExports reached 17.8 billion yuan, a 32.6 percent increase."
    )
    found = facts_of(text, reference)
    assert ("Gansu", "cross-border exports", "2024", "amount_cny", 1.78e10) in found


def test_the_economy_growing_is_gdp(reference):
    assert (
        facts("Booming online sales are behind Gansu's economy, which grew 5.9 percent in 2024.", reference)
        == []
    )


def test_the_park_refers_back_to_the_park(reference):
    extraction = extract(
        page(
            "In 2024 sales revenue at Qiaolou E-commerce Park topped 130 million yuan. The park houses 220 e-commerce companies."
        ),
        reference,
    )
    assert [(o.region_code, o.metric_code) for o in extraction.review_candidates] == [
        ("?Qiaolou E-commerce Park", "amount_cny"),
        ("?Qiaolou E-commerce Park", "enterprises_count"),
    ]


def test_a_village_of_a_county_whose_name_several_share(reference):
    extraction = extract(
        page("At Qiaolou village of Qinghe, there were over 20 online shops in 2024."), reference
    )
    assert [o.region_code for o in extraction.review_candidates] == ["?Qiaolou village"]


def test_a_place_of_its_own_that_begins_with_a_known_name(reference):
    extraction = extract(page("In 2024 Donghai Crystal City had nearly 1,000 online shops."), reference)
    assert extraction.observations == []
    assert [o.region_code for o in extraction.review_candidates] == ["?Donghai Crystal City"]


def test_all_channel_services_retail_and_the_sentence_carrying_it_on(reference):
    found = facts(
        "In 2024 Gansu's online retail sales rose 9.8 percent. Services consumption stood out, with retail sales "
        "of services expanding 7.5 percent from a year ago. The figure was 4.3 percentage points higher than that "
        "of goods.",
        reference,
    )
    assert found == [("Gansu", "online retail (total)", "2024", "yoy_growth_pct", 9.8)]


def test_a_page_whose_figures_are_all_in_chinese_is_a_report_read_with_none(reference):
    extraction = extract(page("2024年，全省网络零售额7251.9亿元，同比增长2.9%。"), reference)
    assert extraction.observations == [] and extraction.figures_read > 0


def test_a_change_measured_from_a_period_is_of_the_period_before_it(reference):
    found = facts(
        "In March 2024, Gansu's retail sales of consumer goods increased by 10.1% year-on-year, accelerating by "
        "0.4 percentage points from January to February.",
        reference,
    )
    assert ("Gansu", "retail sales of consumer goods", "2024-M03", "growth_change_pp", 0.4) in found


def test_a_long_proportion_phrase_is_a_share(reference):
    found = facts(
        "Among them, the proportion of online retail sales of physical goods to the total retail sales of "
        "consumer goods in Gansu's society was 24.7% in 2024.",
        reference,
    )
    assert found == [("Gansu", "physical goods", "2024", "share_pct", 24.7)]


def test_a_contribution_of_the_growth(reference):
    assert (
        facts("In 2024 Gansu's online retail contributed 45.6% of the growth in its retail sales.", reference)
        == []
    )


def test_a_share_of_a_count_is_not_a_share_of_sales(reference):
    found = facts(
        "By the end of March 2024, over 85 percent of the 20,000 e-commerce firms in Gansu had resumed work.",
        reference,
    )
    assert [f for f in found if f[3] == "share_pct"] == []


def test_is_home_to_is_as_things_stand(reference):
    found = facts(
        "Gansu's online sales rose 9 percent in 2023. Lanzhou is home to 1,000 e-commerce companies.",
        reference,
    )
    assert ("Lanzhou", "online retail (total)", "2025", "enterprises_count", 1000.0) in found


def test_cbec_and_online_restaurant_sales(reference):
    assert facts("In 2024 Gansu's CBEC trade increased by 26.2 percent.", reference) == [
        ("Gansu", "cross-border", "2024", "yoy_growth_pct", 26.2)
    ]
    assert facts("In 2024 Gansu's online restaurant sales increased by 34.9% year-on-year.", reference) == [
        ("Gansu", "online catering", "2024", "yoy_growth_pct", 34.9)
    ]
    assert facts(
        "In 2024, online sales in the catering industry in Gansu jumped by 56.7 percent.", reference
    ) == [("Gansu", "online catering", "2024", "yoy_growth_pct", 56.7)]


def test_express_delivery_in_bn_pieces_and_its_firms(reference):
    assert facts(
        "From January to June 2024, express delivery volume in Gansu reached 5.3 bn pieces.", reference
    ) == [("Gansu", "online retail (total)", "2024-H1", "parcels_count", 5.3e9)]
    assert (
        facts("In 2024 more than 20 express delivery companies set up in Gansu's online economy.", reference)
        == []
    )


def test_the_number_of_parcels_delivered_surging(reference):
    found = facts(
        "In May 2024 Gansu's online retail sales rose 9 percent, with the number of parcels delivered surging 17.9 "
        "percent year-on-year.",
        reference,
    )
    assert ("Gansu", "online retail (total)", "2024-M05", "parcels_yoy_growth_pct", 17.9) in found


def test_delivery_revenue_and_shares_of_brands(reference):
    found = facts(
        "In 2024, 4.4 billion packages were delivered via Gansu's express services, up 2.2 percent, generating a "
        "revenue of 33 billion yuan, up 3.8 percent.",
        reference,
    )
    assert [f[3] for f in found] == ["parcels_count", "parcels_yoy_growth_pct"]
    assert (
        facts("More than 80% of the core brands in Gansu released new products online in 2024.", reference)
        == []
    )


def test_a_ranked_place_with_a_percentage_after_a_share(reference):
    found = facts(
        "In the first half of 2024, Lhasa accounted for 80.2 percent of Xizang's online retail sales. The city of "
        "Lhokha ranked second, with 3.6 percent, followed by Nagchu with 2.9 percent.",
        reference,
    )
    assert ("Nagqu", "online retail (total)", "2024-H1", "share_pct", 2.9) in found


def test_the_nation_in_a_title_before_its_county(reference):
    text = page(
        "Known as a cradle of the country's textile trade, Gaoyang county in Hebei province has become "
        "an e-commerce hub. The number of parcels sent grew 12.5 percent in 2024 to 31 million, "
        "ranking first in Baoding city.",
        title="China's towel hub Gaoyang rides online boom",
    )
    assert [(f[0], f[3]) for f in facts_of(text, reference)] == [
        ("Gaoyang County", "parcels_yoy_growth_pct"),
        ("Gaoyang County", "parcels_count"),
    ]


def test_the_county_a_story_names_throughout_and_that_year(reference):
    text = page(
        "Villagers in rural Shanxi say e-commerce changed life in the county of Pingshun. "
        "A teacher came home to Pingshun county to sell millet online. "
        "Pingshun lies deep in the mountains. "
        "In 2018, the county began to train farmers in online selling. "
        "In that year, the number of online stores rose to 350 and online sales reached 60 million yuan.",
        title="Mountain farmers go online",
        dated="Published 2021-04-02.",
    )
    assert [(f[0], f[2], f[3]) for f in facts_of(text, reference)] == [
        ("Pingshun County", "2018", "online_stores_count"),
        ("Pingshun County", "2018", "amount_cny"),
    ]


def test_online_sales_after_a_categorys_count_are_the_categorys(reference):
    sentence = (
        "In 2024, Anxi opened more than 900 tea online shops, with online sales reaching "
        "2.3 billion yuan, up 14.5 percent."
    )
    assert [(f[1], f[3]) for f in facts(sentence, reference)] == [
        ("tea", "online_stores_count"),
        ("tea", "amount_cny"),
        ("tea", "yoy_growth_pct"),
    ]


def test_online_sales_of_which_after_a_products_total_sales(reference):
    sentence = "In 2024, total sales of Anxi lamb topped 500 million yuan, of which online sales reached 90 million yuan."
    assert [f for f in facts(sentence, reference) if f[3] == "amount_cny" and f[4] == 90e6] == [
        ("Anxi County", "meat", "2024", "amount_cny", 90e6)
    ]


@pytest.mark.parametrize(
    ("segment", "name"),
    [
        ("fresh produce", "fresh food"),
        ("tobacco and alcohol", "tobacco and alcohol"),
        ("porcelain", "ceramics"),
        ("edible fungi", "mushrooms"),
        ("children's garments", "children's clothing"),
        ("luosifen", "river snail rice noodles"),
    ],
)
def test_categories_met_in_real_releases(reference, segment, name):
    sentence = f"In 2024 online sales of {segment} in Gansu rose 8.5 percent."
    assert facts(sentence, reference) == [("Gansu", name, "2024", "yoy_growth_pct", 8.5)]


def test_a_month_of_this_year(reference):
    sentence = "In April this year, online sales of furniture in Gansu grew 11.5 percent."
    assert facts(sentence, reference) == [("Gansu", "furniture", "2025-M04", "yoy_growth_pct", 11.5)]


def test_searches_for_a_category_are_no_sales(reference):
    sentence = "In 2024 online retail sales in Gansu rose 6 percent, and searches for fresh produce jumped 900 percent."
    assert facts(sentence, reference) == [("Gansu", "online retail (total)", "2024", "yoy_growth_pct", 6.0)]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("In 2024 more than 300 livestream hosts in Gansu sold local honey.", "livestreamers_count"),
        ("In 2024 Gansu held over 4,000 livestream shows.", "sessions_count"),
        ("Gansu had 2,100 e-commerce entities in 2024.", "enterprises_count"),
        ("Gansu's express delivery business volume completed 310 million pieces in 2024.", "parcels_count"),
        ("Courier firms in Gansu delivered 12 million pieces of fast mail in 2024.", "parcels_count"),
        ("In 2024 Gansu was home to 310 “Taobao villages”.", "taobao_villages_count"),
        ("In 2024 locals in Gansu opened nearly 500 online outlets.", "online_stores_count"),
        ("In 2024 Gansu held more than 2 million live-stream marketing activities.", "sessions_count"),
    ],
)
def test_counted_things_met_in_real_releases(reference, sentence, measure):
    assert [f[3] for f in facts(sentence, reference)] == [measure]


def test_hosts_joining_an_event_are_counted_firms_taking_part_are_not(reference):
    assert [
        f[3] for f in facts("In 2024 over 900 livestreaming hosts in Gansu joined the fair.", reference)
    ] == ["livestreamers_count"]


def test_home_to_a_count_is_no_list_of_examples(reference):
    sentence = "Gansu is home to more than 2,500 cross-border e-commerce firms in 2024."
    assert facts(sentence, reference) == [("Gansu", "cross-border", "2024", "enterprises_count", 2500.0)]


def test_a_name_right_after_another_count_is_that_counts(reference):
    sentence = (
        "In 2024 the county of Anxi was home to 3,000 tea enterprises and over 900 e-commerce companies."
    )
    assert [
        (f[1], f[4]) for f in facts(sentence, reference) if f[3] == "enterprises_count" and f[4] == 900
    ] == [("online retail (total)", 900.0)]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2024 online retail sales in Gansu reached 9 billion yuan, which is by 7.5% more compared to the year before.",
        "In 2024 online retail sales in Gansu exceeded 9 billion yuan, which is by 7.5% more in annual terms.",
    ],
)
def test_by_a_percentage_more(reference, sentence):
    assert [f[4] for f in facts(sentence, reference) if f[3] == "yoy_growth_pct"] == [7.5]


def test_contributing_a_percentage_to_retail_sales_is_a_share(reference):
    sentence = (
        "In 2024 online sales of physical goods in Gansu rose 9.5 percent, contributing 21.5 percent "
        "to the province's retail sales of consumer goods."
    )
    assert [(f[1], f[3], f[4]) for f in facts(sentence, reference)] == [
        ("physical goods", "yoy_growth_pct", 9.5),
        ("physical goods", "share_pct", 21.5),
    ]


@pytest.mark.parametrize(
    ("sentence", "segment"),
    [
        ("In 2024 Gansu's retail consumer goods sales grew 4.5 percent.", "retail sales of consumer goods"),
        ("In 2024 the poor counties' online retailing in Gansu grew 14.5 percent.", "online retail (total)"),
        ("In 2024 online sales of AI related products in Gansu grew 40.5 percent.", "AI-related products"),
        (
            "In 2024 online retail sales of rural products in Gansu grew 20.5 percent.",
            "agricultural products",
        ),
        ("In 2024 sales of live e-commerce in Gansu grew 30.5 percent.", "live-streaming"),
        ("In 2024 online sales of tangible goods in Gansu grew 5.5 percent.", "physical goods"),
        ("In 2024 online sales of online education products in Gansu grew 40.5 percent.", "online education"),
        ("In 2024 Gansu's online exports grew 19.5 percent.", "cross-border exports"),
    ],
)
def test_series_named_as_in_real_releases(reference, sentence, segment):
    assert [f[1] for f in facts(sentence, reference)] == [segment]


@pytest.mark.parametrize(
    "line", ["update:March 3,2025", "Mar.3, 2025 -- Gansu news", "Pub Date:25-03-03 10:15"]
)
def test_full_dates_printed_without_spaces(reference, line):
    text = f"Online sales in Gansu soar\n\n{line}\n\nOnline retail sales in Gansu grew 8.5 percent in the first quarter.\n"
    assert facts_of(text, reference) == [("Gansu", "online retail (total)", "2025-Q1", "yoy_growth_pct", 8.5)]


def test_a_sentence_opening_with_her_is_a_persons_but_a_surname_he_is_not(reference):
    assert facts("Her livestreaming rooms in Gansu made 90 million yuan in 2024.", reference) == []
    sentence = "In 2024 Gansu's online retail sales rose 7.5 percent, He Ming, a commerce official, said."
    assert [f[4] for f in facts(sentence, reference)] == [7.5]


def test_our_province_in_a_translated_release_is_no_persons(reference):
    sentence = "In 2024 the online retail sales of agricultural products in our province grew 21.5 percent."
    assert [(f[1], f[4]) for f in facts(sentence, reference, title="Gansu farm produce sells online")] == [
        ("agricultural products", 21.5)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2015 the per kilo price of Gansu apples rose from 4.5 yuan to 6 yuan through online sales.",
        "In 2024 online shopping in Gansu grew, with 150 parcel lockers for every 10,000 residents.",
        "In May 2024, Gansu's offline consumption of physical goods reached 28 billion yuan.",
    ],
)
def test_prices_and_figures_for_every_so_many_people_are_no_sales(reference, sentence):
    assert facts(sentence, reference) == []


def test_a_bare_number_before_and_is_not_the_count_after_it(reference):
    sentence = "In 2024 Gansu's delivery trade earned revenue exceeding 9 billion and express delivery volume passed 600 million pieces."
    assert [(f[3], f[4]) for f in facts(sentence, reference)] == [("parcels_count", 6e8)]


def test_the_all_channel_whole_before_with_online_sales(reference):
    sentence = (
        "Sales of Anxi tea reached 30 billion yuan (about 4.2 billion U.S. dollars) in 2024, "
        "with online sales exceeding 9 billion yuan."
    )
    assert [(f[1], f[3], f[4]) for f in facts(sentence, reference)] == [("tea", "amount_cny", 9e9)]


def test_a_list_of_numbers_sharing_the_last_ones_unit(reference):
    sentence = (
        "In 2024, of the online retail sales of physical goods in Gansu, food, clothing and using goods "
        "went up by 19.5, 11.25 and 10 percent respectively."
    )
    assert [(f[1], f[4]) for f in facts(sentence, reference)] == [
        ("food", 19.5),
        ("clothing and accessories", 11.25),
        ("daily necessities", 10.0),
    ]


def test_a_year_before_and_a_percentage_is_no_list(reference):
    sentence = "Online shoppers in Gansu numbered 9 million by December 2024, up from December 2023 and 61.5 percent of internet users."
    assert all(f[4] != 2023 for f in facts(sentence, reference))


def test_a_release_naming_no_place_but_the_national_online_retail_sales(reference):
    text = page(
        "In the first half of 2024, the national online retail sales of goods and services were 7,100 "
        "billion yuan, up 9.5 percent year on year."
    )
    assert facts_of(text, reference) == [
        ("China", "online retail (total)", "2024-H1", "amount_cny", 7.1e12),
        ("China", "online retail (total)", "2024-H1", "yoy_growth_pct", 9.5),
    ]


def test_representing_a_growth_is_a_growth_and_sales_in_stores_are_offline(reference):
    sentence = (
        "Online retail sales in Gansu reached 90 billion yuan in 2024, representing 12.5% growth from 2023, "
        "while sales in stores grew 3.5%."
    )
    assert [(f[3], f[4]) for f in facts(sentence, reference)] == [
        ("amount_cny", 9e10),
        ("yoy_growth_pct", 12.5),
    ]


def test_the_new_years_day_holiday_is_an_event(reference):
    sentence = "During the New Year's Day holiday in 2025, 880 million express parcels were collected in China, up 12.5%."
    assert [(f[2], f[3]) for f in facts(sentence, reference)] == [
        ("2025-EV-new_year", "parcels_count"),
        ("2025-EV-new_year", "parcels_yoy_growth_pct"),
    ]


def test_an_e_commerce_market_worth_rmb_attached_is_transactions(reference):
    sentence = "Gansu's e-commerce market was worth Rmb450 billion in 2024, of which online retail sales reached Rmb90 billion."
    assert [(f[1], f[4]) for f in facts(sentence, reference)] == [
        ("online transactions", 4.5e11),
        ("online retail (total)", 9e10),
    ]


def test_likely_to_and_might_are_forecasts(reference):
    sentence = (
        "About 900 million parcels are likely to be handled in Gansu in 2025, up some 8 percent, "
        "while online retail sales might grow 6 percent."
    )
    assert facts(sentence, reference) == []


def test_national_online_retail_sales_in_a_citys_report_are_the_nations(reference):
    text = page(
        "Lanzhou's online sales grew 9.5 percent in 2025. In 2025, national online retail sales reached "
        "16 trillion yuan, up 8.5%.",
        title="Lanzhou shoppers go online",
    )
    assert [(f[0], f[3]) for f in facts_of(text, reference)] == [
        ("Lanzhou", "yoy_growth_pct"),
        ("China", "amount_cny"),
        ("China", "yoy_growth_pct"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "In February 2024, the online store in Gansu received 2,100 orders and generated 800,000 yuan in sales.",
        "In 2024 Gansu's online retail sales on Double 11 Day alone reached 3.5 billion yuan.",
        "In 2024 more than 9 million products were showcased through live commerce in Gansu.",
    ],
)
def test_one_stores_one_days_and_showcased_products_are_no_facts(reference, sentence):
    assert facts(sentence, reference) == []


def test_cbec_import_and_export_value_is_the_whole(reference):
    sentence = "In 2024, Gansu's CBEC import and export transaction value hit 4.5 billion yuan, surging 19.5 percent."
    assert [(f[1], f[3]) for f in facts(sentence, reference)] == [
        ("cross-border", "amount_cny"),
        ("cross-border", "yoy_growth_pct"),
    ]


def test_accelerating_from_the_earlier_expansion_in_a_named_period(reference):
    sentence = (
        "Gansu's online retail sales grew 10.5 percent year on year in the first three quarters of 2024, "
        "accelerating from the 9.5 percent expansion in the first half of the year."
    )
    assert [(f[2], f[4]) for f in facts(sentence, reference)] == [("2024-YTD09", 10.5), ("2024-H1", 9.5)]


def test_a_list_of_growths_and_a_list_of_changes_sharing_one_comparator(reference):
    sentence = (
        "In the first three quarters of 2024, online sales of communication equipment, tobacco and alcohol, "
        "and automobile in Gansu grew by 12.5%, 11.5% and 2.5% year-on-year, 3.5, 1.5 and 1.25 percentage "
        "points higher than the rate of January to August."
    )
    assert [(f[1], f[3], f[4]) for f in facts(sentence, reference)] == [
        ("communication equipment", "yoy_growth_pct", 12.5),
        ("tobacco and alcohol", "yoy_growth_pct", 11.5),
        ("automobiles", "yoy_growth_pct", 2.5),
        ("communication equipment", "growth_change_pp", 3.5),
        ("tobacco and alcohol", "growth_change_pp", 1.5),
        ("automobiles", "growth_change_pp", 1.25),
    ]


def test_home_electric_appliances_and_audio_visual_equipment_is_one_category(reference):
    sentence = (
        "In September 2024, online sales of communication equipment, tobacco and alcohol, home electric "
        "appliances and audio-visual equipment in Gansu increased by 43.5%, 33.5% and 11.5% respectively."
    )
    assert [(f[1], f[4]) for f in facts(sentence, reference)] == [
        ("communication equipment", 43.5),
        ("tobacco and alcohol", 33.5),
        ("household appliances", 11.5),
    ]


def test_the_countrys_economic_regions_are_places_of_their_own(reference):
    extraction = extract(
        page(
            "In the first quarter of 2024, China's online retail sales rose 5.5 percent. "
            "Sales in the eastern and northeastern regions increased by 2.5% "
            "and 8.5% respectively, while those in the central and western regions decreased by 7.5% and "
            "4.5% respectively."
        ),
        reference,
    )
    assert [(s.candidate.region_code, s.candidate.value) for s in extraction.set_aside if s.candidate] == [
        ("?eastern region", 2.5),
        ("?northeastern region", 8.5),
        ("?central region", -7.5),
        ("?western region", -4.5),
    ]


def test_an_average_annual_growth_and_a_counts_share_are_no_facts(reference):
    sentence = (
        "In the last 10 years, Gansu's express industry grew at an average annual growth rate of over 35%, "
        "and in 2024 its express business volume accounted for about 2% of China's."
    )
    assert facts(sentence, reference) == []


def test_a_photo_caption_heading_the_page_is_no_title(reference):
    text = (
        "Couriers sort parcels at a center in Yingdong district of Fuyang city, east China's Anhui province, "
        "Nov.14, 2024. Photo from People's Daily Online\n\n"
        "China's online retail sales exceeded 15 trillion yuan in 2024, the Ministry of Commerce said.\n"
    )
    assert [f[0] for f in facts_of(text, reference)] == ["China"]


def test_online_shopper_numbers(reference):
    sentence = "In 2024 Gansu's online shopper numbers reached 9.5 million."
    assert [(f[3], f[4]) for f in facts(sentence, reference)] == [("buyers_count", 9.5e6)]


def test_quickening_from_the_growth_registered_for_a_named_period_and_the_online_sector(reference):
    sentence = (
        "Gansu's retail sales grew 8.5 percent in the first half of 2024, quickening from the 8 percent growth "
        "registered for the first quarter. Sales in the online sector surged 18.5 percent in the first half."
    )
    assert [(f[1], f[2], f[4]) for f in facts(sentence, reference, dated="Released on July 16, 2024.")] == [
        ("retail sales of consumer goods", "2024-H1", 8.5),
        ("retail sales of consumer goods", "2024-Q1", 8.0),
        ("online retail (total)", "2024-H1", 18.5),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Gansu's online retail sales reached 90 billion yuan in 2024, 60% more than in 2015.",
            [("Gansu", "online retail (total)", "2024", "amount_cny", 9e10)],
        ),
        (
            "In the Spring Festival holiday of 2024, Gansu's online retail sales grew 10 percent from last year, "
            "representing a 154.5-percent surge from the sales during the Spring Festival holiday in 2019.",
            [("Gansu", "online retail (total)", "2024-EV-spring_festival", "yoy_growth_pct", 10.0)],
        ),
    ],
)
def test_a_growth_from_a_year_other_than_the_one_before_is_no_yoy_growth(reference, sentence, expected):
    assert facts(sentence, reference) == expected


def test_a_named_business_owner_or_farmer_is_one_persons_figure(reference):
    sentence = "In 2012, Li, the first shop owner to sell online in Gansu, made a total of 9,000 yuan from online sales."
    assert facts(sentence, reference) == []


def test_a_broadcasters_dateline_and_a_news_organisations_name_are_no_subject(reference):
    text = (
        "Gansu Radio and Television Lanzhou May 12 (Reporter Wang Li) Busy streets can be seen in "
        "Xiaotun Town, Anning District.\n\nThe annual online sales of the town in 2024 were nearly 900 million yuan.\n"
    )
    extraction = extract(text, reference, "2025-05-12_x.txt")
    assert extraction.observations == []
    assert [s.candidate.region_code for s in extraction.set_aside if s.candidate] == ["?Xiaotun Town"]


@pytest.mark.parametrize(
    "sentence",
    [
        "On June 18, the last day of the shopping event in Gansu, total sales on the platforms grew by 70% from last year.",
        "In 2024 Gansu's online sales grew 9.5 percent, and over 40 percent of the province's small and medium-sized enterprises sold online.",
        "In 2024 Gansu's e-business trade was worth 90 billion yuan, constituting about 7.5 percent of its gross domestic product.",
    ],
)
def test_a_days_sales_and_shares_of_firms_or_gdp_are_no_facts(reference, sentence):
    assert [f for f in facts(sentence, reference) if f[3] != "yoy_growth_pct" and f[3] != "amount_cny"] == []
    assert all(f[4] not in (70.0, 40.0, 7.5) for f in facts(sentence, reference))


def test_e_business_trade_is_transactions_and_imported_goods_are_cross_border_imports(reference):
    assert [
        f[1] for f in facts("In 2024 Gansu's e-business trade was worth 90 billion yuan.", reference)
    ] == ["online transactions"]
    sentence = (
        "In 2024 online retail businesses in Gansu imported goods worth 4.5 billion yuan, up 24.5 per cent."
    )
    assert [f[1] for f in facts(sentence, reference)] == ["cross-border imports", "cross-border imports"]


def test_a_name_in_brackets_glossing_the_one_before(reference):
    sentence = "In 2024 Gansu's online retail sales (B2C) were 90 billion yuan, up 6.5% YoY."
    assert [f[1] for f in facts(sentence, reference)] == ["online retail (total)", "online retail (total)"]


def test_bare_trillions_after_a_yuan_figure_are_yuan(reference):
    sentence = (
        "Total retail sales of consumer goods in Gansu and Ningxia both exceeded 0.4 trillion yuan in 2024, "
        "registering 1.05 trillion and 0.45 trillion, respectively."
    )
    assert [(f[0], f[4]) for f in facts(sentence, reference) if f[4] > 0.4e12] == [
        ("Gansu", 1.05e12),
        ("Ningxia", 0.45e12),
    ]


def test_the_place_a_paragraph_opens_with_is_the_subject_of_its_sentences(reference):
    text = page(
        "Gansu and Ningxia both grew their online sales in 2024.\n\n"
        "Ningxia saw the strongest consumption in the northwest in 2024. The online retail sales volume "
        "reached 19.5 billion yuan, up 8.5 percent year-on-year.\n\n"
        "Gansu came second. The number of online stores across the province rose to 36,000 in 2024.",
        title="Gansu, Ningxia shoppers go online",
    )
    assert [(f[0], f[3]) for f in facts_of(text, reference)] == [
        ("Ningxia", "amount_cny"),
        ("Ningxia", "yoy_growth_pct"),
        ("Gansu", "online_stores_count"),
    ]


def test_sales_in_rural_areas_after_all_channel_retail_and_a_bare_trillion_of_online_sales(reference):
    text = page(
        "Gansu's total retail sales grew 5.5% year-on-year to 0.45 trillion yuan in August 2024. "
        "Sales in rural areas increased 6.5% in August. In the first eight months of 2024, online sales "
        "increased 9.5% to 0.12 trillion compared with the same period last year.",
        title="Gansu's shoppers",
    )
    assert [(f[1], f[3], f[4]) for f in facts_of(text, reference)] == [
        ("retail sales of consumer goods", "yoy_growth_pct", 5.5),
        ("retail sales of consumer goods", "amount_cny", 0.45e12),
        ("online retail (total)", "yoy_growth_pct", 9.5),
        ("online retail (total)", "amount_cny", 0.12e12),
    ]


def test_a_dateline_with_a_colon_and_a_caption_ending_in_a_bar(reference):
    text = (
        "Workers sort parcels at a center in east China's Anhui, Nov. 9, 2024. (Xinhua/Li Ming) |\n\n"
        "LANZHOU: Online retail sales in Gansu grew 8.5 percent in the first half of 2024.\n"
    )
    assert [f[0] for f in facts_of(text, reference)] == ["Gansu"]


def test_a_headline_figure_of_no_place_over_a_village_story_is_the_nations(reference):
    text = (
        "Rural online retail sales up 14.5% year-on-year (new data)\n\n"
        "In Xiaotun Village, Huining County, Gansu Province, boxes of apples are sold across the country online.\n\n"
        "From January to September 2024, rural online retail sales reached 1.5 trillion yuan, up 14.5% year on year.\n"
    )
    assert {f[0] for f in facts_of(text, reference, "2024-10-30_x.txt")} == {"China"}


@pytest.mark.parametrize(
    ("sentence", "segment"),
    [
        ("In 2024, 4.5 million people in Gansu used the Internet for shopping.", "online retail (total)"),
        ("In 2024, over 3.5 million people in Gansu shopped via mobile phones.", "mobile online shopping"),
        ("In 2024, 2.5 million in Gansu used livestreaming to purchase goods.", "live-streaming"),
    ],
)
def test_shoppers_counted_by_what_they_did(reference, sentence, segment):
    assert [(f[1], f[3]) for f in facts(sentence, reference)] == [(segment, "buyers_count")]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("In 2024, Gansu's online retail sales exceeded six billion yuan.", 6e9),
        ("In 2024, Gansu's couriers delivered twenty-five million parcels.", 25e6),
        ("In 2024, Gansu's online retail sales reached 35 hundred million yuan.", 3.5e9),
        ("In 2024, Gansu's rural online sales reached nearly 20 ten thousand yuan.", 2e5),
    ],
)
def test_numbers_in_words_and_translated_scales(reference, sentence, value):
    assert [f[4] for f in facts(sentence, reference)] == [value]


def test_one_named_online_stores_sales_are_its_own(reference):
    sentence = 'In 2024, the sales of the "Sunny Farm" fruit online store in Gansu reached 90,000 yuan.'
    assert facts(sentence, reference) == []


def test_these_online_sales_are_the_sales_just_stated(reference):
    text = page(
        "In the first four months of 2024, online sales of physical goods in Gansu grew 11.5 percent. "
        "These online sales accounted for 23.5 percent of the province's total retail sales of consumer goods."
    )
    assert [(f[1], f[3]) for f in facts_of(text, reference)] == [
        ("physical goods", "yoy_growth_pct"),
        ("physical goods", "share_pct"),
    ]


def test_trade_volume_from_e_commerce_and_a_gdp_growth_rate(reference):
    sentence = (
        "Trade volume from e-commerce, according to officials, reached 160 billion yuan in Gansu in 2024, "
        "helping the 5.5% GDP growth rate registered by the province."
    )
    assert facts(sentence, reference) == [("Gansu", "online transactions", "2024", "amount_cny", 1.6e11)]


@pytest.mark.parametrize(
    ("holiday", "period"),
    [
        ("Mid-Autumn Festival holiday", "2024-EV-mid_autumn"),
        ("Dragon Boat Festival holiday", "2024-EV-dragon_boat"),
        ("Labor Day holiday", "2024-EV-may_day"),
        ("Mid-Autumn Festival and National Day holidays", "2024-EV-national_day"),
    ],
)
def test_holidays_as_events(reference, holiday, period):
    sentence = (
        f"During the {holiday} in 2024, 910 million express parcels were handled in Gansu, up 12.5 percent."
    )
    assert [f[2] for f in facts(sentence, reference)] == [period, period]


@pytest.mark.parametrize(
    ("category", "name"),
    [
        ("televisions", "televisions"),
        ("refrigerators", "refrigerators"),
        ("mirrorless cameras", "cameras"),
        ("smart wearable devices", "smart wearable devices"),
    ],
)
def test_appliance_and_gadget_categories(reference, category, name):
    sentence = f"In July 2024, online sales of {category} in Gansu increased by 25.5%."
    assert [f[1] for f in facts(sentence, reference)] == [name]


def test_faster_than_the_growth_rate_of_another_series_and_offline_sales(reference):
    sentence = (
        "In 2024, the online retail sales of physical goods in Gansu increased by 6.5%, which was 3 percentage "
        "points faster than the growth rate of the total retail sales of consumer goods, while the offline "
        "retail sales of goods increased by 1.5%."
    )
    assert [(f[1], f[3], f[4]) for f in facts(sentence, reference)] == [
        ("physical goods", "yoy_growth_pct", 6.5),
        ("physical goods", "gap_vs_segment_pp", 3.0),
    ]


def test_a_figure_per_month_is_an_average(reference):
    assert (
        facts(
            "Since April 2024, couriers in Gansu have handled over 10 million parcels per month.", reference
        )
        == []
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "In the first half of 2024, exports to the United States accounted for 34.5% of Gansu's cross-border e-commerce.",
        "The United States had 150 million online buyers in 2024, while Gansu had 9 million.",
    ],
)
def test_another_countrys_figures_are_not_chinas(reference, sentence):
    assert all(f[4] not in (34.5, 150e6) for f in facts(sentence, reference))


@pytest.mark.parametrize(
    "follow_up",
    [
        "The pace was 0.5 percentage points faster than the first quarter.",
        "However, the growth rate was 0.5% lower than the first quarter of 2024.",
        "The expansion increased slightly from the 8.5-percent rise seen in the first quarter.",
    ],
)
def test_the_pace_and_the_expansion_refer_to_the_figure_before(reference, follow_up):
    text = page(
        f"Gansu's retail sales of consumer goods grew 9 percent in the first half of 2024. {follow_up}"
    )
    assert {f[1] for f in facts_of(text, reference)} == {"retail sales of consumer goods"}
    assert len(facts_of(text, reference)) == 2


def test_more_than_the_number_a_year_before_and_two_years_ago(reference):
    sentence = (
        "During the Labor Day holiday in 2024, the number of parcels delivered in Gansu hit 25 million, "
        "12.5 percent more than the number of deliveries in 2023 and 61.5 percent more than was delivered two years ago."
    )
    assert [(f[2], f[3], f[4]) for f in facts(sentence, reference)] == [
        ("2024-EV-may_day", "parcels_count", 25e6),
        ("2024-EV-may_day", "parcels_yoy_growth_pct", 12.5),
    ]


def test_a_market_share_that_reaches(reference):
    sentence = "In 2024, the B2C model in Gansu saw its market share reach 62.5 percent, up by 4.5 percentage points from the previous year."
    assert [(f[1], f[2], f[3], f[4]) for f in facts(sentence, reference)] == [
        ("B2C", "2024", "share_pct", 62.5),
        ("B2C", "2024", "share_change_pp", 4.5),
    ]


def test_a_tass_dateline_names_no_subject(reference):
    text = " date 2024-07-20 LANZHOU, July 20. /TASS/. Online retail sales in Gansu grew 8.5% in January-June 2024.\n"
    assert [f[0] for f in facts_of(text, reference)] == ["Gansu"]


def test_a_compound_number_translated_word_by_word(reference):
    sentence = (
        "In 2024, Gansu's e-commerce market transactions amounted to 1 trillion and 250 billion yuan, "
        "including online retail transactions of 320 billion yuan."
    )
    assert [(f[1], f[4]) for f in facts(sentence, reference)] == [
        ("online transactions", 1.25e12),
        ("online retail (total)", 3.2e11),
    ]


def test_the_mid_autumn_festival_followed_by_national_day_is_no_mid_autumn_event(reference):
    sentence = (
        "During the 8-day holiday in 2024, when the Mid-Autumn Festival was immediately followed by the "
        "National Day, online sales in Gansu grew 9.5 percent."
    )
    assert facts(sentence, reference) == [("Gansu", "online retail (total)", "2024", "yoy_growth_pct", 9.5)]
