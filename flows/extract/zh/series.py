"""Which series a figure in Chinese text is about, and whether a count counts one of ours: scopes
(农村, 限额以上), the parts of cross-border trade, all-channel categories, counted words and their units."""

from __future__ import annotations

import dataclasses
import re

from flows.extract.zh.numbers import Figure
from flows.extract.zh.subjects import ONLINE, SERIES, Named
from flows.reference import Reference

ALL_CHANNELS = "consumer_goods_retail"


def all_channel(series: Named | None, text: str, earlier: Named | None, reference: Reference) -> Named | None:
    """ "其中金银珠宝同比增长…" after all-channel retail sales: a category of all channels too."""
    if (
        series
        and series.kind == "segment"
        and reference.segment_kind(series.code) == "category"
        and not ONLINE.search(text)
        and earlier
        and (earlier.kind == "other" or earlier.code == ALL_CHANNELS)
    ):
        return Named("other", None, series.start, series.end, False)
    return series


# a general series named after a scope word is the scope's: "全国农村实现网络零售额", "限上网上零售额"
ABOVE_SIZE = re.compile(r"限额以上|限上")
SCOPES = (("rural", re.compile(r"农村|乡村")), ("online_retail_above_size", ABOVE_SIZE))


def scoped(series: Named | None, text: str, named: list[Named], reference: Reference) -> Named | None:
    """The scope word holds for the series after it, and for the parts a breakdown names next
    ("农村网络零售额…其中实物型网络零售额")."""
    if series is None or series.kind != "segment":
        return series
    if series.code == "total" and (part := PART_BEFORE.search(text, max(0, series.start - 8), series.start)):
        # "全区实物商品实现网络零售额": the part's online retail
        return dataclasses.replace(series, code="physical" if part.group("physical") else "services")
    if series.code == ALL_CHANNELS and ABOVE_SIZE.search(text, max(0, series.start - 12), series.start):
        return Named("other", None, series.start, series.end, False)  # 限额以上单位社会消费品零售额: a part
    for scope, word in SCOPES:
        found = [m.start() for m in word.finditer(text, 0, series.start)]
        if not found:
            continue
        between = [n for n in named if found[-1] <= n.start < series.start and n.kind in SERIES]
        if any(n.kind != "segment" or n.code not in ("total", "physical", "services") for n in between):
            continue
        if scope == "online_retail_above_size":
            code = scope if series.code == "total" else None
        else:
            code = scope if series.code == "total" else reference.scoped_segments.get((scope, series.code))
        if code:
            return dataclasses.replace(series, code=code)
    return series


PART_BEFORE = re.compile(
    r"(?:(?P<physical>实物商品|实物型|实物类)|服务类|服务型|非实物商品?)(?:实现|完成|的)?$"
)
TRADE_PARTS = {"进口": "cross_border_imports", "出口": "cross_border_exports", "进出口": "cross_border"}


def trade_part(series: Named | None, text: str, earlier: Named | None, named: list[Named]) -> Named | None:
    """ "跨境电商进出口…其中进口441.7亿元": imports and exports of cross-border e-commerce, in its
    sentence or the next; 进出口 in a sentence of its own is all trade ("广西对东盟进出口3256亿元")."""
    word = text[series.start : series.end] if series else ""
    if series is None or series.kind != "other" or word not in TRADE_PARTS:
        return series
    carried = earlier if word != "进出口" else None
    before = next((n for n in reversed(named) if n.end <= series.start and n.kind == "segment"), carried)
    # after "出口…" the next part ("；进口…") is of the same cross-border trade
    if before and before.kind == "segment" and before.code in TRADE_PARTS.values():
        return Named("segment", TRADE_PARTS[text[series.start : series.end]], series.start, series.end, False)
    return series


# the units each counted thing is counted in: "快递品牌15个" counts brands, not parcels
COUNT_UNITS = {"parcels": "件单票", "orders": "单笔件", "sessions": "场次", "viewers": "人次"}
COUNT_UNITS |= {"livestreamers": "人名", "buyers": "人户", "taobao_villages": "个", "taobao_towns": "个"}
COUNT_UNITS |= {
    "e_commerce_villages": "个",
    "e_commerce_towns": "个",
    "online_stores": "家个",
    "enterprises": "家个",
}
COUNT_UNITS |= {"merchants": "家个户"}
# words a count may be followed by and still count what was named before it
AFTER_COUNT = re.compile(
    r"[^\u4e00-\u9fff]|以上|左右|多|余|和|及|与|或|等|的|增长|增加|上升|提高|下降|减少|到|至|位居|居|排名|同比|占|较|比"
)


def counts_something_else(text: str, figure: Figure, named: list[Named]) -> str | None:
    """ "覆盖全国28个省": a count of the word right after it, which is none of the genre's;
    "15家快递企业": a count in a unit its thing is not counted in."""
    counted = next_at(named, figure.end, "count")
    if counted is None:
        after = text[figure.end : figure.end + 2]
        if after and not AFTER_COUNT.match(after):
            return "a count of something else"
        counted = last(named, figure.start, ("count",))
    if counted and (units := COUNT_UNITS.get(counted.code)) and not any(u in figure.unit for u in units):
        return "a count in a unit its thing is not counted in"
    return None


def next_at(named: list[Named], after: int, kind: str) -> Named | None:
    """The name of `kind` right after a position (the caller steps over an opening quote)."""
    return next((n for n in named if n.start == after and n.kind == kind), None)


def last(named: list[Named], before: int, kinds: tuple[str, ...]) -> Named | None:
    return next((n for n in reversed(named) if n.end <= before and n.kind in kinds and not n.is_object), None)


def counted_segment(counted: Named, named: list[Named], reference: Reference) -> str:
    """ "跨境电商进口清单订单量": the segment named just before the counted word, else the quantity's."""
    before = next((n for n in reversed(named) if n.end <= counted.start and n.kind == "segment"), None)
    if before and counted.start - before.end <= 4:
        return before.code
    return reference.quantities[counted.code]["segment"]


# a unit that says what is counted, in a live-streaming sentence: "电商直播超1000万场", "观看1.3亿人次"
LIVE_UNITS = {"场": "sessions", "场次": "sessions", "人次": "viewers"}


def unit_counts(figure: Figure, text: str) -> str | None:
    if figure.kind == "count" and figure.unit in LIVE_UNITS and "直播" in text:
        return LIVE_UNITS[figure.unit]
    return None
