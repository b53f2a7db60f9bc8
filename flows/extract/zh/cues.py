"""What a figure in Chinese text measures, read from the words between it and what comes before it:
the genre's phrasing as a table of patterns, each anchored at the figure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.extract.zh.numbers import Figure
from flows.extract.zh.subjects import Named

_LINK = r"(?:已|已经|仍|均|仅|也|都|继续|分别)?(?:了|为|达|达到|至|到|是|约|近|超|超过|逾|:)?\s*\(?"
# (measure, sign, pattern on the text before the figure); the first that matches decides
PERCENT_CUES = [
    # "流通率提高到38%", "两年平均增长15.4%": a rate's level, an average growth: no growth of a year
    (
        "none",
        0,
        re.compile(r"(?:提高|提升|上升|下降|降低|增长|达)(?:到|至)\s*$|(?:平均|年均)(?:增长|增速)[^,;。]*$"),
    ),
    ("share", 1, re.compile(r"(?:占|比重|占比|份额|比例|渗透率)[^,;。]*$")),
    ("growth", -1, re.compile(rf"(?:下降|减少|下滑|降低|下跌|回落|萎缩|负增长|降幅(?:为|达)?)\s*{_LINK}$")),
    ("growth", 1, re.compile(rf"(?:增长|增加|上升|提高|提升|上涨|增速|增幅|涨幅|增|涨)\s*{_LINK}$")),
]
# a change of growth or of a share, against an earlier period: "比一季度加快", "较上年提高"
CHANGE_UP = re.compile(rf"(?:加快|提高|提升|上升|回升|增加|扩大|上涨|高|快)(?:了)?\s*{_LINK}$")
CHANGE_DOWN = re.compile(rf"(?:回落|放缓|下降|降低|减少|收窄|下滑|低|慢)(?:了)?\s*{_LINK}$")
EARLIER = re.compile(
    r"(?:比|较|与)(?:今年|去年|上年|上一年|\d{4}年)?(?:同期|全年|一季度|二季度|三季度|上半年|前三季度|上月|年初|"
    r"上年|去年|\d{1,2}(?:-\d{1,2})?月(?:份)?|[一二三四]季度|\d{4}年)"
)
# a gap to a wider average: "高于全国平均水平6.4个百分点", "比全国高3个百分点", "低于全省1.2个百分点"
GAP = re.compile(
    r"(?:(?P<above>高于|快于|超过|超出|高出|领先)|(?P<below>低于|慢于|落后))"
    r"(?:同期)?(?P<whole>全国|全省|全市|全区|全州|省|国家|[\u4e00-\u9fff]{2,3}(?:省|市))"
    r"(?:的)?(?:平均)?(?:水平|增速|增幅|平均水平|平均增速)?(?:的)?\s*$"
    r"|比(?P<whole2>全国|全省|全市|全区|全州)(?:平均)?(?:水平|增速)?(?:(?P<above2>高|快)|(?P<below2>低|慢))(?:出)?\s*$"
)
ABOVE_EARLIER = re.compile(
    r"(?:(?P<above>高于|高出|快于)|低于|慢于)(?:上年|去年|今年)?(?:同期|全年|一季度|二季度|三季度|上半年|前三季度|上月|"
    r"\d{1,2}月(?:份)?|[一二三四]季度)(?:的)?(?:增速|水平)?\s*$"
)
# a figure per day or one day's, not of a period: "每天寄出快件320万件", "单场直播销售额超600万元"
PER_DAY = re.compile(r"每天|每日|日均|单日|单场|当天|最高峰|高峰")
# a platform's own figures, not the region's statistics (the genre's labels leave them out)
PLATFORM = re.compile(
    r"有平台数据|平台数据显示|在阿里巴巴平台|在阿里平台|淘宝平台|天猫平台|抖音|快手|拼多多|京东平台"
)
# a share of another statistic: "占全国产量80%"
OTHER_WHOLE = re.compile(r"产量|产值|人口|就业|面积|生产总值|GDP")
# "10亿元以上县域特色产业", "在1000万元以上": a threshold that describes something else
THRESHOLD_AFTER = re.compile(r"(?:以上|以下)(?:的)?[\u4e00-\u9fff]")
# a count's change, not the count: "新增258个", "增加了9个淘宝村"
# "新增47个" is a change; "增加到265个" the new level
DIFFERENCE = re.compile(r"(?:新增|净增|增加了?|减少了?|多了?)(?![到至])[\u4e00-\u9fff“”\"]{0,6}$")
CONTRIBUTION = re.compile(r"拉动|贡献率|贡献")
LIST_SEPARATOR = re.compile(r"^[、,和及与\s]*(?:分别(?:为|是|达|增长|下降)?)?[、,和及与\s]*$")


@dataclass(frozen=True)
class Cue:
    measure: str  # growth | share | gap_national | gap_province | growth_change | share_change
    sign: int


# a target or a forecast, not a figure: "到2025年…力争实现", "预计"; a definition's threshold: "认定标准"
TARGET = re.compile(
    r"(?<!长|升|高|加|大)到(?P<year>20\d\d)年|力争|目标|预计|将达到|要实现|有望|标准|认定|条件|门槛|大于或等于|不低于|不少于|"
    r"本村|一个乡镇|界定|指的是|是指|规定|评选"
)


RATE_LEVEL = "a rate's level or an average growth"
# "高出实物型网络零售额增速(34.3%)10.1个百分点": a gap to another segment's growth
ABOVE = re.compile(r"(?:(?P<above>高于|高出|快于|超出)|低于|慢于)")


def gap_to_segment(before: str, compared: list[tuple[int, int]]) -> Cue | str:
    """Points after "高出/低于" and another segment (`compared`: where segments are named in `before`)."""
    verbs = list(ABOVE.finditer(before))
    if verbs and any(verbs[-1].end() <= start for start, _ in compared):
        return Cue("gap_segment", 1 if verbs[-1].group("above") else -1)
    return "what the points measure is not said"


def percent_cue(before: str) -> Cue | str | None:
    for measure, sign, pattern in PERCENT_CUES:
        if pattern.search(before):
            return Cue(measure, sign) if sign else RATE_LEVEL
    return None


def points_cue(before: str, about_share: bool) -> Cue | str:
    """A figure in points: a gap, a change of growth or of a share, or why it is none."""
    if CONTRIBUTION.search(before):
        return "a contribution to growth"
    if change := ABOVE_EARLIER.search(before):  # "高于一季度2.4个百分点": faster than an earlier period
        return Cue("share_change" if about_share else "growth_change", 1 if change.group("above") else -1)
    if gap := GAP.search(before):
        whole = gap.group("whole") or gap.group("whole2")
        sign = 1 if gap.group("above") or gap.group("above2") else -1
        if whole in ("全国", "国家"):
            return Cue("gap_national", sign)
        if "省" in whole:
            return Cue("gap_province", sign)
        return "a gap to a whole other than the nation's or the province's"
    for pattern, sign in ((CHANGE_UP, 1), (CHANGE_DOWN, -1)):
        if pattern.search(before):
            measure = "share_change" if about_share else "growth_change"
            if EARLIER.search(before) or about_share or "同比" in before:
                return Cue(measure, sign)
    return "what the points measure is not said"


def figure_cue(
    figure: Figure, named: list[Named], before: str, listed_cue: Cue | str | None, share_at: int
) -> Cue | str | None:
    """What a figure measures, from the words `before` it (since the figure before), or why it is no
    figure; `listed_cue` is the cue of the list's first figure when the figure continues a list;
    `share_at` where the sentence first speaks of a share."""
    if listed_cue is not None and LIST_SEPARATOR.match(before):
        return listed_cue  # "分别增长33.5%和23.3%": the list's first figure says what they are
    if figure.kind == "percent":
        cue = percent_cue(before) or "what the percentage measures is not said"
        # "比重从不足5%提升至38.1%": a share's level
        return Cue("share", 1) if cue == RATE_LEVEL and share_at < figure.start else cue
    if figure.kind == "points":
        cue = points_cue(before, share_at < figure.start)
        if isinstance(cue, str) and cue.startswith("what"):
            offset = figure.start - len(before)
            compared = [
                (n.start - offset, n.end - offset) for n in named if n.kind == "segment" and n.start >= offset
            ]
            return gap_to_segment(before, compared)
        return cue
    return None
