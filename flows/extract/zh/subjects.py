"""Which place and which series a figure in Chinese text is about: the nearest named before it that is
its subject, not what it is compared with or a share of ("高于全国", "占全省社会消费品零售总额")."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from flows.extract.zh.script import HAN
from flows.reference import Match, Reference

# the kinds of what a sentence names: series (of ours or not, and counted things) and places
SERIES = ("segment", "other", "count")
PLACES = ("place", "nation", "own_place", "group")
# the report's own place, at whatever level it is: "全省", "我市", "该县"
OWN_PLACE = re.compile(r"(?:全|我|本|该)(?P<level>省|自治区|市|州|盟|地区|县|区|旗)|全域")
OWN_LEVELS = {
    "省": "province",
    "自治区": "province",
    "市": "prefecture",
    "州": "prefecture",
    "盟": "prefecture",
    "地区": "prefecture",
}
# groups of provinces: no region of the gazetteer
GROUP = re.compile(r"中西部|东部地区|中部地区|西部地区|东北地区|东中西部|(?:东部|中部|西部)(?=[、和及与,])")
NATION = re.compile(r"全国|我国|中国")
# words that make the name after them a whole or a comparison, not the subject
OBJECT_BEFORE = re.compile(
    r"(?:占据|占到|占|(?<!同)比|较|(?<!位)于|拉动|相当于|居|位居|位列|列|领跑|超过|超越|超出|高出|领先|落后|跑赢)(?:全国|全省|全市|同期|的)?$"
)
OBJECT_AFTER = re.compile(r"^(?:的)?(?:第|前列|前[一二三四五六七八九十\d]|首位|平均|同类|增速|水平|占比)")
# "全国排名第五": the nation a place is ranked in ("陕西位居全国第一": 陕西 is the subject)
RANKED_IN = re.compile(r"^(?:的)?(?:排名|排|位居|位列|居(?!民))")
# newsroom names and datelines: "新华社昆明6月18日电", "人民网北京7月20日电"
NEWSROOM = re.compile(
    r"(?:新华社|新华网|人民网|中新网|中国新闻网|央视网|中国网|光明网|澎湃新闻|中国日报网)"
    r"|[\u4e00-\u9fff]{2,4}\d{1,2}月\d{1,2}日(?:电|讯)"
    # words that hold a place's name by chance: 示范县 (范县), 试点县
    r"|示范[县区市]?|试点[县区市]?"
    # officials' titles: 代县长 (an acting county head) holds 代县
    r"|代?[省市县区]长"
)
GENERIC_AMOUNT = re.compile(r"销售额|零售额|交易额|成交额|营业额|业务量")
ONLINE = re.compile(r"网|电商|电子商务|线上|在线|直播|跨境|平台|快递")
ALL_CHANNEL_AFTER = re.compile(r"(?:类)?(?:商品)?(?:零售额|销售额)")
# other statistics: a figure of these is never online retail
OTHER_SERIES = re.compile(
    r"地区生产总值|生产总值|GDP|增加值|可支配收入|人均收入|餐饮收入|旅游收入|营业收入|业务收入|收入|"
    r"进出口|出口|进口|外贸|固定资产投资|投资|利润|税收|财政|工业|价格|CPI|客流|游客|存款|贷款|产值|产量|"
    r"消费品零售额|商品零售额|商品零售|零售额|销售额|交易额|成交额|营业额|业务量"
)


@dataclass(frozen=True)
class Named:
    """A series or a place named in a sentence of read text (offsets into it)."""

    kind: str  # segment | other | count | place | own_place | nation | group
    code: str | None
    start: int
    end: int
    is_object: bool  # a whole or a comparison, not a subject
    level: str | None = None  # an own place's level: "全县" is a county


def named_in(text: str, reference: Reference, main: str | None) -> list[Named]:
    """Every series, count and place a read sentence names, in order."""
    masked = [range(m.start(), m.end()) for m in NEWSROOM.finditer(text)]
    found: list[Named] = []
    segments = [m for m in reference.segment_matcher.find(text) if HAN.search(m.text)]
    # "水果网络零售额": the category's online retail, not the total (one mention, the category's)
    merged: list[Match] = []
    for m in segments:
        last = merged[-1] if merged else None
        if (
            last
            and m.code == "total"
            and 0 <= m.start - last.end <= 1
            and reference.segment_kind(last.code) == "category"
        ):
            merged[-1] = Match(last.code, text[last.start : m.end], last.start, m.end, last.alternatives)
        else:
            merged.append(m)
    segments = merged
    counts = [m for m in reference.count_phrase_matcher.find(text) if HAN.search(m.text)]
    series_named = segments + counts
    for m in segments:
        # "金银珠宝类商品零售额": a category of all-channel retail, not of online retail
        all_channels = not ONLINE.search(m.text) and ALL_CHANNEL_AFTER.match(text, m.end)
        found.append(_named(text, "other" if all_channels else "segment", m.code, m.start, m.end))
    for m in counts:
        if not _covered(m.start, m.end, segments):
            found.append(_named(text, "count", m.code, m.start, m.end))
    for m in OTHER_SERIES.finditer(text):
        # a generic word right after a named series is that series' ("在线餐饮销售额")
        joined = GENERIC_AMOUNT.fullmatch(m.group()) and any(
            0 <= m.start() - s.end <= 1 for s in series_named
        )
        if not _covered(m.start(), m.end(), series_named) and not joined:
            found.append(_named(text, "other", None, m.start(), m.end()))
    for m in reference.region_matcher.find(text):
        # "中国淘宝村" is a title, not the nation; a place inside a series' name is no subject
        if (
            not HAN.search(m.text)
            or any(m.start in r for r in masked)
            or _covered(m.start, m.end, series_named)
        ):
            continue
        code = _settled(m, text, reference, main)
        if code:
            found.append(
                _named(text, "nation" if code == reference.nation_code else "place", code, m.start, m.end)
            )
    for m in OWN_PLACE.finditer(text):
        level = OWN_LEVELS.get(m.group("level") or "", "county" if m.group("level") else None)
        if m.group("level") == "区" and main and reference.region_level(main) == "province":
            level = "province"  # "全区" in an autonomous region's report
        own = _named(text, "own_place", _own_place(main, level, reference), m.start(), m.end())
        found.append(dataclasses.replace(own, level=level))
    for m in GROUP.finditer(text):
        found.append(_named(text, "group", None, m.start(), m.end()))
    for m in NATION.finditer(text):
        if _covered(m.start(), m.end(), series_named):
            continue
        if not any(n.start <= m.start() < n.end for n in found if n.kind == "nation"):
            found.append(_named(text, "nation", reference.nation_code, m.start(), m.end()))
    return sorted(found, key=lambda n: (n.start, -n.end))


def _own_place(main: str | None, level: str | None, reference: Reference) -> str | None:
    """ "全省" in a city's report is its province; "全市" in a county's report its city; "全县" in a
    province's report is no place the report is about (None)."""
    if level == "prefecture" and reference.regions.get(main or "", {}).get("name_zh", "").endswith("市"):
        return main  # "全市" in Beijing's or Yiwu's own report
    code = main
    while level and code and code in reference.regions and reference.region_level(code) != level:
        code = reference.regions[code]["parent_code"]
    return code if code and code in reference.regions else None if level else main


def _covered(start: int, end: int, matches: list[Match]) -> bool:
    return any(m.start <= start and end <= m.end for m in matches)


def _named(text: str, kind: str, code: str | None, start: int, end: int) -> Named:
    if kind == "nation" and RANKED_IN.match(text[end : end + 3]):
        return Named(kind, code, start, end, True)
    is_object = bool(
        OBJECT_BEFORE.search(text[max(0, start - 6) : start]) or OBJECT_AFTER.match(text[end : end + 4])
    )
    return Named(kind, code, start, end, is_object)


def _settled(match: Match, text: str, reference: Reference, main: str | None) -> str | None:
    """The region a Chinese name stands for. A county's name without its suffix (通海, not 通海县) is
    a common word too often: it counts where the text or the report names a place above it, or where
    it begins a phrase ("义乌1-2月快递业务量")."""
    begins = match.start == 0 or not HAN.match(text[match.start - 1])
    for code in (match.code, *match.alternatives):
        row = reference.regions[code]
        if row["name_zh"] == match.text or row["level"] != "county":
            if not match.alternatives or main is None or code == main or reference.is_within(code, main):
                return code
            continue
        parents = [
            p
            for p in (row["parent_code"], reference.regions.get(row["parent_code"], {}).get("parent_code"))
            if p
        ]
        named_parents = any(
            reference.regions[p]["name_zh"][:2] in text for p in parents if p in reference.regions
        )
        if named_parents or (main and (main == code or reference.is_within(code, main))):
            return code
        if begins and not match.alternatives:
            return code
    return None


def main_place(title: str, texts: list[str], reference: Reference) -> str | None:
    """A report's own place: the most specific its title names, else the one its body names most (a
    chain such as 浙江台州市椒江区 names its last place)."""
    counts: dict[str, int] = {}
    for text in [title] if title else texts:
        places = [
            n for n in named_in(text, reference, None) if n.kind in ("place", "nation") and not n.is_object
        ]
        for here, after in zip(places, [*places[1:], None], strict=False):
            chained = after and after.start - here.end <= 1 and reference.is_within(after.code, here.code)
            if not chained:
                counts[here.code] = counts.get(here.code, 0) + 1
    if not counts:
        # a release that names no place at all is the nation's (the statistics bureau's own)
        return main_place("", texts, reference) if title else reference.nation_code
    return max(counts, key=lambda code: counts[code])
