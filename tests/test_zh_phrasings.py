"""Chinese phrasings met in real releases (bench/real/zh/), each reproduced by a sentence written for
this test: the same structure, other places and figures. Grouped by phrasing."""

import pytest

from flows.extract import extract, key_rows


def facts_of(text: str, reference, name: str = "2025-03-10_report.txt") -> list[tuple]:
    extraction = extract(text, reference, name)
    return sorted(
        (r["region"], r["segment"], r["period"], r["measure"], r["value"])
        for r in key_rows(extraction.observations, reference)
    )


def reasons(text: str, reference) -> dict[str, str]:
    extraction = extract(text, reference, "2025-03-10_report.txt")
    return {s.text: s.reason for s in extraction.set_aside if s.reason != "part of a date"}


# Amounts, growth, gaps and shares in one sentence ------------------------------------------------


def test_amount_growth_and_gap_to_the_nation(reference):
    text = "2024年,江西省网络零售额达1520.5亿元,同比增长9.2%,高于全国平均水平1.8个百分点。\n"
    assert facts_of(text, reference) == sorted(
        [
            ("Jiangxi", "online retail (total)", "2024", "amount_cny", 152050000000.0),
            ("Jiangxi", "online retail (total)", "2024", "yoy_growth_pct", 9.2),
            ("Jiangxi", "online retail (total)", "2024", "gap_vs_national_pp", 1.8),
        ]
    )


def test_a_decline_and_a_gap_below_the_province(reference):
    text = "上半年,柳州市农村网络零售额同比下降3.5%,低于全省2.1个百分点。\n"
    assert facts_of(text, reference) == sorted(
        [
            ("Liuzhou", "rural", "2024-H1", "yoy_growth_pct", -3.5),
            ("Liuzhou", "rural", "2024-H1", "gap_vs_province_pp", -2.1),
        ]
    )


def test_a_share_is_the_share_of_the_part_not_of_the_whole(reference):
    text = "一季度,全国实物商品网上零售额2.1万亿元,增长8.4%,占社会消费品零售总额的比重为23.7%。\n"
    assert ("China", "physical goods", "2025-Q1", "share_pct", 23.7) in facts_of(text, reference)


def test_change_of_growth_against_an_earlier_quarter_is_no_gap(reference):
    text = "前三季度,湖北省网络零售额同比增长11.3%,比上半年加快0.6个百分点。\n"
    assert ("Hubei", "online retail (total)", "2024-YTD09", "growth_change_pp", 0.6) in facts_of(
        text, reference
    )


def test_change_of_a_share_against_last_year(reference):
    text = "2024年,实物商品网上零售额占社会消费品零售总额的比重为26.1%,比上年提高0.9个百分点。\n"
    found = facts_of(text, reference)
    assert ("China", "physical goods", "2024", "share_change_pp", 0.9) in found


# Script and numbers --------------------------------------------------------------------------------


def test_traditional_script_and_pinyin_left_by_a_converter(reference):
    text = "2023年,福建省農(nóng)村網(wǎng)絡(luò)零售額達(dá)812.4億元,同比增長(zhǎng)6.3%。\n"
    found = facts_of(text, reference)
    assert ("Fujian", "rural", "2023", "amount_cny", 81240000000.0) in found
    assert ("Fujian", "rural", "2023", "yoy_growth_pct", 6.3) in found


def test_full_width_digits_and_percent_sign(reference):
    text = "２０２４年,四川省网络零售额同比增长１２．５％。\n"
    assert facts_of(text, reference) == [("Sichuan", "online retail (total)", "2024", "yoy_growth_pct", 12.5)]


def test_counts_in_wan_and_yi_with_their_qualifier(reference):
    text = "上半年,全国重点监测电商平台累计直播场次超2.4亿场,活跃主播数超310万人。\n"
    extraction = extract(text, reference, "2025-07-20_report.txt")
    by_measure = {o.metric_code: o for o in extraction.observations}
    assert by_measure["sessions_count"].value == 240000000
    assert by_measure["sessions_count"].qualifier == "over"
    assert by_measure["livestreamers_count"].value == 3100000


def test_the_counted_word_after_the_count(reference):
    text = "截至2024年6月底,浙江省有2010个淘宝村、318个淘宝镇。\n"
    assert facts_of(text, reference) == sorted(
        [
            ("Zhejiang", "rural", "2024-H1", "taobao_villages_count", 2010.0),
            ("Zhejiang", "rural", "2024-H1", "taobao_towns_count", 318.0),
        ]
    )


def test_growth_of_a_count_is_the_counts_growth(reference):
    text = "2024年,全市快递业务量完成8.6亿件,同比增长17.2%。\n"
    found = facts_of("临沂市商务局发布数据。\n" + text, reference)
    assert ("Linyi", "online retail (total)", "2024", "parcels_count", 860000000.0) in found
    assert ("Linyi", "online retail (total)", "2024", "parcels_yoy_growth_pct", 17.2) in found


# Lists: 分别 ----------------------------------------------------------------------------------------


def test_respectively_pairs_names_with_figures_in_order(reference):
    text = "上半年,在线旅游、在线餐饮销售额同比分别增长35.2%和18.4%,比一季度分别加快6.1和2.3个百分点。\n"
    assert facts_of(text, reference, "2025-07-20_report.txt") == sorted(
        [
            ("China", "online tourism", "2025-H1", "yoy_growth_pct", 35.2),
            ("China", "online catering", "2025-H1", "yoy_growth_pct", 18.4),
            ("China", "online tourism", "2025-H1", "growth_change_pp", 6.1),
            ("China", "online catering", "2025-H1", "growth_change_pp", 2.3),
        ]
    )


def test_places_in_brackets_after_the_leader(reference):
    text = "从全市看,淘宝村最多的是晋江,有58个,之后依次为南安(41个)、石狮(20个)。\n"
    found = facts_of("泉州市淘宝村名单发布。\n" + text, reference, "2024-09-01_report.txt")
    assert ("Jinjiang", "rural", "2024", "taobao_villages_count", 58.0) in found
    assert ("Nan'an", "rural", "2024", "taobao_villages_count", 41.0) in found
    assert ("Shishi", "rural", "2024", "taobao_villages_count", 20.0) in found


# Places ---------------------------------------------------------------------------------------------


def test_a_citys_report_keeps_the_city_and_our_province_is_its_province(reference):
    text = (
        "去年温州网络零售额增长较快\n\n"
        "2024年,温州网络零售额2100.6亿元,同比增长5.1%。\n\n"
        "2024年我省网络零售额2.9万亿元,同比增长7.2%。\n"
    )
    found = facts_of(text, reference)
    assert ("Wenzhou", "online retail (total)", "2024", "amount_cny", 210060000000.0) in found
    assert ("Zhejiang", "online retail (total)", "2024", "yoy_growth_pct", 7.2) in found


def test_a_dateline_city_is_not_the_subject(reference):
    text = "新华社南宁3月8日电 记者从广西壮族自治区商务厅获悉,2024年全区网络零售额同比增长10.4%。\n"
    assert facts_of(text, reference) == [("Guangxi", "online retail (total)", "2024", "yoy_growth_pct", 10.4)]


def test_a_countys_short_name_inside_a_word_is_no_place(reference):
    text = "2024年,湖南省新增示范县12个,全省网络零售额同比增长8.8%。\n"
    assert facts_of(text, reference) == [("Hunan", "online retail (total)", "2024", "yoy_growth_pct", 8.8)]


def test_groups_of_provinces_are_set_aside(reference):
    text = "2024年,东部、中部和西部地区网络零售额同比分别增长7.1%、9.3%和8.2%。\n"
    assert facts_of(text, reference) == []
    assert set(reasons(text, reference).values()) == {"a group of regions"}


# What is no online retail figure -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2024年,河北省地区生产总值同比增长5.4%。\n", "another statistic, not online retail"),
        ("2024年,河北省金银珠宝类商品零售额同比增长6.5%。\n", "another statistic, not online retail"),
        ("到2027年,河北省力争实现网络零售额5000亿元。\n", "a target, a forecast or a threshold"),
        ("2024年,河北省生鲜冷链流通率提高到41%。\n", "a rate's level or an average growth"),
        ("2024年,汽车类零售额拉动限额以上消费品零售额增长1.2个百分点。\n", "a contribution to growth"),
        ("2024年,河北省跨境电商交易额增长2.5倍。\n", "a multiple"),
        (
            "山东省商务厅发布。\n淘宝村的认定标准是本村活跃网店数量达到100家。\n",
            "a target, a forecast or a threshold",
        ),
        ("山东省商务厅发布。\n2024年,全省新增淘宝村52个。\n", "a change of a count, not the count"),
        ("合肥市商务局发布。\n2024年,全市每天寄出快件320万件。\n", "a figure per day or of one day"),
        (
            "合肥市商务局发布。\n2024年,有平台数据显示,年货节期间异地订单数量增幅达60%。\n",
            "a platform's own figure",
        ),
        (
            "合肥市商务局发布。\n2024年,占全国产量80%的安岳柠檬网络零售额大幅增长。\n",
            "a share of another statistic",
        ),
    ],
)
def test_not_an_online_retail_figure(reference, text, reason):
    assert facts_of(text, reference) == []
    assert reason in reasons(text, reference).values()


# Periods --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "period"),
    [
        ("2023年1-5月", "2023-YTD05"),
        ("2023年1至8月", "2023-YTD08"),
        ("今年前4月", "2025-YTD04"),
        ("去年全年", "2024"),
        ("2022年第二季度", "2022-Q2"),
        ("2021年“双11”期间", "2021-EV-double_11"),
        ("2024年国庆期间", "2024-EV-national_day"),
        ("2024年8月份", "2024-M08"),
    ],
)
def test_periods(reference, phrase, period):
    text = f"{phrase},山东省网络零售额同比增长6.6%。\n"
    assert facts_of(text, reference, "2025-06-10_report.txt") == [
        ("Shandong", "online retail (total)", period, "yoy_growth_pct", 6.6)
    ]


def test_a_relative_period_with_no_date_is_held_for_review(reference):
    extraction = extract("上半年,山东省网络零售额同比增长6.6%。\n", reference, "report.txt")
    assert extraction.observations == []
    assert [s.reason for s in extraction.set_aside] == ["a relative period with no date to anchor it"]


# Bilingual reports ----------------------------------------------------------------------------------


def test_a_bilingual_report_yields_each_fact_once_from_its_first_half(reference):
    text = (
        "Online retail in Henan\n\n"
        "Henan's online retail sales grew 12.4 percent year on year in 2024.\n\n"
        "2024年,河南省网络零售额同比增长12.4%。\n"
    )
    extraction = extract(text, reference, "2025-02-01_report.txt")
    growth = [o for o in extraction.observations if o.metric_code == "yoy_growth_pct"]
    assert len(growth) == 1
    assert growth[0].evidence.startswith("Henan's online retail sales")
    assert [s.reason for s in extraction.set_aside if s.text == "12.4%"] == [
        "repeats a figure stated earlier"
    ]


# Spans of days, scopes, counts of other things ------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "period"),
    [
        ("2024年11月1日至11日", "2024-EV-double_11"),
        ("6月1日至18日", "2025-EV-618"),
        ("2月9日(除夕)至15日春节期间", "2025-EV-spring_festival"),
    ],
)
def test_a_span_of_days_ending_on_an_event_is_the_event(reference, span, period):
    text = f"{span},全国快递业务量达40.5亿件,同比增长12.6%。\n"
    found = facts_of(text, reference, "2025-11-20_report.txt")
    assert ("China", "online retail (total)", period, "parcels_count", 4050000000.0) in found


def test_a_span_of_days_that_is_no_event_is_set_aside(reference):
    text = "3月5日至20日,全省网络零售额同比增长8.1%。\n"
    assert facts_of("浙江省商务厅发布。\n" + text, reference) == []


def test_a_rural_scope_carries_to_the_parts_named_after_it(reference):
    text = "2024年全国农村实现网络零售额2.56万亿元,其中实物型网络零售额2.1万亿元。\n"
    found = facts_of(text, reference)
    assert ("China", "rural", "2024", "amount_cny", 2560000000000.0) in found
    assert ("China", "rural physical goods", "2024", "amount_cny", 2100000000000.0) in found


def test_online_retail_above_designated_size(reference):
    text = "1-7月,全市限额以上批发和零售业网上零售额512.3亿元,同比增长6.2%。\n"
    found = facts_of("天津市统计局发布数据。\n" + text, reference, "2025-08-20_report.txt")
    assert ("Tianjin", "online retail above designated size", "2025-YTD07", "yoy_growth_pct", 6.2) in found


def test_a_category_named_before_online_retail_is_the_category(reference):
    text = "一季度,陕西水果网络零售额51.2亿元,同比增长9.4%。\n"
    found = facts_of(text, reference, "2025-04-20_report.txt")
    assert ("Shaanxi", "fruits", "2025-Q1", "amount_cny", 5120000000.0) in found


def test_imports_and_exports_after_cross_border_trade(reference):
    text = "1-5月,全国跨境电商进出口额812.4亿元,同比增长15.1%,其中进口310.2亿元,出口502.2亿元。\n"
    found = facts_of(text, reference, "2025-06-20_report.txt")
    assert ("China", "cross-border imports", "2025-YTD05", "amount_cny", 31020000000.0) in found
    assert ("China", "cross-border exports", "2025-YTD05", "amount_cny", 50220000000.0) in found


def test_imports_after_exports_in_a_clause_of_their_own(reference):
    text = (
        "前4月,全国跨境电商进出口8120亿元,增长6.1%。其中,出口约6100亿元,增长5.2%;进口约2020亿元,增长8.8%。\n"
    )
    found = facts_of(text, reference, "2025-06-20_report.txt")
    assert ("China", "cross-border imports", "2025-YTD04", "amount_cny", 202000000000.0) in found
    assert ("China", "cross-border imports", "2025-YTD04", "yoy_growth_pct", 8.8) in found


def test_a_count_a_change_starts_from_keeps_its_year_to_itself(reference):
    text = "截至2024年6月底,全省淘宝镇从2023年的212个增加到265个。\n"
    found = facts_of("河北省商务厅发布。\n" + text, reference)
    assert ("Hebei", "rural", "2023", "taobao_towns_count", 212.0) in found
    assert ("Hebei", "rural", "2024-H1", "taobao_towns_count", 265.0) in found


@pytest.mark.parametrize(
    "text",
    [
        "截至2024年底,全省淘宝村已覆盖11个市和58个县。\n",  # counts of cities and counties
        "2024年,全省淘宝村带动就业3.1万人。\n",  # people, not villages
    ],
)
def test_a_count_of_something_else_is_set_aside(reference, text):
    assert facts_of("福建省商务厅发布。\n" + text, reference) == []


def test_faster_than_an_earlier_quarter_is_a_change_of_growth(reference):
    text = "二季度,全省农村网络零售额同比增长15.2%,高于一季度1.8个百分点。\n"
    found = facts_of("安徽省商务厅发布。\n" + text, reference, "2025-07-20_report.txt")
    assert ("Anhui", "rural", "2025-Q2", "growth_change_pp", 1.8) in found


def test_live_streaming_units_say_what_is_counted(reference):
    text = "上半年,全省电商直播超120万场,直播观看2.6亿人次。\n"
    found = facts_of("湖南省商务厅发布。\n" + text, reference, "2025-07-20_report.txt")
    assert ("Hunan", "live-streaming", "2025-H1", "sessions_count", 1200000.0) in found
    assert ("Hunan", "live-streaming", "2025-H1", "viewers_count", 260000000.0) in found


def test_a_gap_to_another_segments_growth(reference):
    text = "2024年,全省服务类网络零售额同比增长21.5%,高出实物商品网上零售额增速8.2个百分点。\n"
    found = facts_of("云南省商务厅发布。\n" + text, reference)
    assert ("Yunnan", "services", "2024", "gap_vs_segment_pp", 8.2) in found


def test_our_city_in_a_report_placed_in_its_province(reference):
    text = "浙江湖州:从市商务局获悉,2024年我市共有31个淘宝镇。\n"
    found = facts_of("浙江省电商发展情况\n\n浙江省商务厅发布。\n\n" + text, reference)
    assert ("Huzhou", "rural", "2024", "taobao_towns_count", 31.0) in found


def test_an_acting_county_heads_title_holds_no_county(reference):
    text = "秭归县代县长介绍,2024年全县网络零售额同比增长9.9%。\n"
    assert facts_of(text, reference) == [
        ("Zigui County", "online retail (total)", "2024", "yoy_growth_pct", 9.9)
    ]


def test_a_period_in_brackets_is_only_its_brackets(reference):
    text = "2024年,广东发现淘宝镇283个(2023年为254个),总数位居全国第四。\n"
    found = facts_of(text, reference)
    assert ("Guangdong", "rural", "2024", "taobao_towns_count", 283.0) in found
    assert ("Guangdong", "rural", "2023", "taobao_towns_count", 254.0) in found


def test_a_research_centres_name_is_no_plan(reference):
    text = "据大学空间规划研究中心研究结果显示,2024年浙江省淘宝村数量达到2010个。\n"
    assert ("Zhejiang", "rural", "2024", "taobao_villages_count", 2010.0) in facts_of(text, reference)


def test_imports_and_exports_named_after_cross_border_e_commerce(reference):
    text = "此后,河南跨境电商快速发展,进出口额从2019年的384亿元增长到2024年的2371亿元。\n"
    found = facts_of(text, reference)
    assert ("Henan", "cross-border", "2019", "amount_cny", 38400000000.0) in found
    assert ("Henan", "cross-border", "2024", "amount_cny", 237100000000.0) in found


def test_a_county_level_citys_short_name_opening_a_title(reference):
    text = "义乌1-2月快递业务量居全国第一\n\n1-2月,全市快递服务企业业务量累计完成9.8亿件,同比增长15.2%。\n"
    found = facts_of(text, reference, "2025-03-16_report.txt")
    assert ("Yiwu", "online retail (total)", "2025-YTD02", "parcels_count", 980000000.0) in found


def test_the_period_a_report_states_most_often(reference):
    text = (
        "编者按:“双十一”又要到了。\n\n"
        "今年1-9月,全市网络零售额458.2亿元。\n\n"
        "1-9月,全市快递业务量2.4亿件。\n\n"
        "全市跨境电商交易额54.9亿元,同比增长62.8%。\n"
    )
    found = facts_of("湖州市商务局发布\n\n" + text, reference, "2024-10-30_report.txt")
    assert ("Huzhou", "cross-border", "2024-YTD09", "yoy_growth_pct", 62.8) in found


@pytest.mark.parametrize(
    "text",
    [
        "2024年,全省已培育10亿元以上县域特色产业86个。\n",  # a threshold describing industries
        "2024年,全县整合了12家快递企业。\n",  # express companies, not parcels
    ],
)
def test_thresholds_and_companies_are_no_figures(reference, text):
    assert facts_of("江苏省商务厅发布。\n" + text, reference) == []


def test_a_value_compared_with_is_of_the_period_it_is_compared_with(reference):
    text = "2024年,全国淘宝镇增至2600个,比2023年的2429个增长了7%。\n"
    found = facts_of(text, reference)
    assert ("China", "rural", "2024", "taobao_towns_count", 2600.0) in found
    assert ("China", "rural", "2023", "taobao_towns_count", 2429.0) in found


def test_by_a_past_year_is_no_target(reference):
    text = "到2023年底,浙江省网络零售额占全国的份额已提高到近21%。\n"
    found = facts_of(text, reference, "2024-05-01_report.txt")
    assert ("Zhejiang", "online retail (total)", "2023", "share_pct", 21.0) in found


def test_taiwan_usage_of_the_word_for_online(reference):
    text = "上半年,全市農產品網路銷售額24.2億元,同比增長18.2%。\n"
    found = facts_of("湖州市商务局发布。\n" + text, reference, "2024-07-20_report.txt")
    assert ("Huzhou", "agricultural products", "2024-H1", "amount_cny", 2420000000.0) in found


def test_the_online_new_year_goods_festival_is_the_spring_festivals(reference):
    text = "2025全国网上年货节期间,全国网络零售额3215.4亿元,同比增长8.6%。\n"
    found = facts_of(text, reference, "2025-02-10_report.txt")
    assert (
        "China",
        "online retail (total)",
        "2025-EV-spring_festival",
        "amount_cny",
        321540000000.0,
    ) in found


def test_a_count_of_titled_villages(reference):
    text = "目前,全县拥有4个“中国淘宝镇”、21个“中国淘宝村”。\n"
    found = facts_of("平乡县商务局发布。\n" + text, reference, "2024-07-17_report.txt")
    assert ("Pingxiang County", "rural", "2024", "taobao_towns_count", 4.0) in found
    assert ("Pingxiang County", "rural", "2024", "taobao_villages_count", 21.0) in found


def test_a_list_of_places_a_few_words_before_respectively(reference):
    text = "其中,拉萨市、日喀则市位居全区网络零售额前两位,零售额占比分别为71.2%和9.6%。\n"
    found = facts_of(
        "西藏自治区商务厅发布。\n上半年,全区网络零售额增长较快。\n" + text, reference, "2024-08-01_report.txt"
    )
    assert ("Lhasa", "online retail (total)", "2024-H1", "share_pct", 71.2) in found
    assert ("Xigaze", "online retail (total)", "2024-H1", "share_pct", 9.6) in found


def test_physical_goods_named_before_a_verb_and_online_retail(reference):
    text = "上半年,全区实物商品实现网络零售额61.3亿元,同比增长12.2%。\n"
    found = facts_of("西藏自治区商务厅发布。\n" + text, reference, "2024-08-01_report.txt")
    assert ("Xizang", "physical goods", "2024-H1", "amount_cny", 6130000000.0) in found


def test_the_corps_is_a_region_of_its_own(reference):
    text = "1-8月,新疆兵团限额以上单位通过公共网络实现的商品零售额达12.4亿元,同比增长35.2%。\n"
    found = facts_of(text, reference, "2024-09-20_report.txt")
    corps = "Xinjiang Production and Construction Corps"
    assert (corps, "online retail above designated size", "2024-YTD08", "amount_cny", 1240000000.0) in found


def test_hong_kong_forms_and_variant_characters(reference):
    text = "一季度,陜西水果網絡零售額達48.6億元,同比增長12.1%。\n"
    found = facts_of(text, reference, "2025-04-20_report.txt")
    assert ("Shaanxi", "fruits", "2025-Q1", "amount_cny", 4860000000.0) in found


def test_food_clothing_and_goods_for_daily_use(reference):
    text = "1-10月,在实物商品网上零售额中,吃类、穿类、用类商品分别增长15.2%、5.1%、6.8%。\n"
    found = facts_of(text, reference, "2025-11-15_report.txt")
    assert ("China", "food", "2025-YTD10", "yoy_growth_pct", 15.2) in found
    assert ("China", "clothing and accessories", "2025-YTD10", "yoy_growth_pct", 5.1) in found
    assert ("China", "goods for daily use", "2025-YTD10", "yoy_growth_pct", 6.8) in found


def test_areas_and_bags_are_no_amounts(reference):
    text = "2024年,全县苹果种植53万亩,网店日均销量超过100万袋。\n"
    assert facts_of("洛川县商务局发布。\n" + text, reference) == []


def test_shares_listed_after_amounts_are_the_listed_categories(reference):
    text = "食品、服装鞋包分别实现1119.2亿元、520.4亿元,在实物型网络零售额中分别占比27%、12.6%。\n"
    found = facts_of("四川省商务厅发布。\n2024年全省网络零售额增长。\n" + text, reference)
    assert ("Sichuan", "food", "2024", "share_pct", 27.0) in found
    assert ("Sichuan", "clothing and accessories", "2024", "share_pct", 12.6) in found


def test_the_nations_part_above_the_national_level_is_a_gap_to_the_total(reference):
    text = "2024年,全国农村网络零售额同比增长8.2%,增速高于全国水平1.4个百分点。\n"
    found = facts_of(text, reference)
    assert ("China", "rural", "2024", "gap_vs_segment_pp", 1.4) in found


def test_a_paragraph_signed_by_its_reporter_is_no_caption(reference):
    text = "柳州螺蛳粉走向海外\n\n据悉,2024年柳州螺蛳粉网店超过1.5万家。(记者/李明)\n"
    found = facts_of(text, reference)
    assert ("Liuzhou", "river snail rice noodles", "2024", "online_stores_count", 15000.0) in found


def test_trade_with_a_region_after_cross_border_retail_is_no_cross_border_figure(reference):
    text = "2024年,广西跨境电商零售额增长26.4%。2024年广西对东盟进出口3256亿元,增长8.7%。\n"
    found = facts_of(text, reference)
    assert not [f for f in found if f[3] == "amount_cny"]


def test_amounts_named_before_their_series(reference):
    text = "从2019年的1.29万亿元,到2024年的2.63万亿元,5年间,我国跨境电商进出口增长了1倍。\n"
    found = facts_of(text, reference, "2025-03-01_report.txt")
    assert ("China", "cross-border", "2019", "amount_cny", 1290000000000.0) in found
    assert ("China", "cross-border", "2024", "amount_cny", 2630000000000.0) in found


def test_pinyin_with_spaces_left_by_a_converter(reference):
    text = "2024年1至10月,沭阳县網絡(luò )銷(xiāo)售零售額達275億元。\n"
    found = facts_of(text, reference)
    assert ("Shuyang County", "online retail (total)", "2024-YTD10", "amount_cny", 27500000000.0) in found
