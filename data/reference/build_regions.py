"""Builds the gazetteer, regions.csv and region_aliases.csv, with every county-level division of China.

Run from the project root: ``.venv/bin/python data/reference/build_regions.py [OUT_DIR]``. It writes both
files into this folder (or OUT_DIR) and prints the generated rows it removed or added. Re-running it on its
own output gives byte-identical files; tests/test_gazetteer.py checks that, building into a temporary folder.

Curated and generated rows. The nation, provincial and prefecture-level rows of regions.csv (every level
other than ``county``) and the aliases of their codes in region_aliases.csv are hand-made: the build keeps
them byte for byte and in order, at the top of each file, and they are edited by hand in place. The
``county`` rows and their aliases below them are generated afresh on every run: do not edit them by hand (a
run reports such an edit as a removed row); change them through romanisation_exceptions.csv,
ethnic_names.csv or the tables in this script, and run it again.

Source. The divisions come from cpca 0.5.5 (its resources/adcodes.csv, read without importing cpca, whose
import needs pkg_resources), the romanisation from pypinyin 0.55.0; both are pinned dev dependencies. A
source row becomes a county row when its name has a county-level suffix, its code is not already in
regions.csv (Xinjiang's corps cities 659001-659006 are prefecture rows there), does not end in 00
(provinces, prefectures, and grouping rows such as 省直辖县级行政区划 or Chongqing's 县) and is not a
"市辖区" placeholder; Sansha's island offices (西沙群岛, 南沙群岛, 中沙群岛的岛礁及其海域) have no such
suffix and are left out. cpca's table dates from about 2016: where that disagrees with a prefecture the
curated rows already hold, SUCCESSORS gives the current code and name (Nagqu, Laiwu). The parent is the
prefecture (first four digits + 00); for the municipalities (11, 12, 31, 50) and for divisions directly
under a province (third and fourth digits 90: Hainan's counties, Jiyuan, Xiantao, Shennongjia...) it is the
province.

English names.
- The suffix is translated: 县 County, 市 City, 区 District, 旗 Banner, 自治县 Autonomous County, 自治旗
  Autonomous Banner, 特区 Special District, 林区 Forestry District, 新区 New Area, 矿区 Mining District (a
  two-character suffix only after at least two characters: 清新区 is Qingxin District; 万柏林区 is a
  plain district).
- Ethnic words before 自治县/自治旗 are taken off the end, translated by ethnic_names.csv and listed in
  name order ("Changyang Tujia Autonomous County", "Baoting Li and Miao Autonomous County",
  "Jishishan Bonan, Dongxiang and Salar Autonomous County"); 各族 is dropped; a name that is only the
  people's name keeps it as the name ("Dongxiang Autonomous County"). In other names only a word ending in
  族 counts ("Guancheng Hui District").
- Banner positions: 左 Left, 右 Right, 前 Front, 中 Middle, 后 Rear, with 翼 also as "Wing" in an alias
  ("Horqin Right Middle Banner", alias "Horqin Right Wing Middle Banner").
- The rest is pinyin (pypinyin, NORMAL style, read in the context of the whole name): syllables joined,
  first letter capital, an apostrophe before a syllable beginning with a, o or e that is not the first
  (Xi'an, Dong'e), ü kept after l and n (Lüyuan, as the curated Lüliang), with ASCII variants in aliases
  (Luyuan, Lvyuan). PLACE_READINGS corrects the readings pypinyin gives that place names do not use
  (都 du, 长 chang, 朝 chao...). romanisation_exceptions.csv gives the English name for a Chinese name,
  looked up first by the whole name, then by the name without suffix, ethnic words and position: readings
  that are wrong for one place (单县 Shan, 洪洞 Hongtong, 长子 Zhangzi), and the established English names
  of places whose names are not Chinese (Inner Mongolia's banners, Xinjiang, Xizang, Tibetan Qinghai,
  Gansu and Sichuan); its other_names column holds further English names, as aliases. An exception that
  matches no division stops the build.
- full_name is the English name with its suffix ("Zhongmu County", "Yiwu City", "Haidian District").
  region_name is the full name for counties, districts and banners, and the name alone for county-level
  cities ("Yiwu"), or the full name when that alone is a curated name ("Hotan City" beside the prefecture
  "Hotan"). Names that several divisions share, or that a curated row has as its name or an alias, get
  their parent in parentheses, as the curated prefectures do: "Chaoyang District (Beijing)", "Chaoyang
  District (Changchun)", "Jinzhou (Shijiazhuang)" (Jinzhou City is Liaoning's); "Yushu (Qinghai)" takes
  the province where the parent has the same name. region_name is unique across the file (the build stops
  otherwise).

Aliases of a county row, in this order.
- Always: the full English name (and its ü variants, its "Wing" variant, the full forms of other_names)
  and the Chinese name (义乌市). Several divisions may share one of these ("Gulou District" is in four
  cities): each gets its own row, so that an alias can map to several codes on purpose; choosing among
  them by context is the matcher's job.
- When safe: the name without suffix ("Zhongmu", "Haidian", "Yiwu", "Jungar"), for autonomous names also
  "<name> County" or "<name> Banner" ("Changyang County") and 长阳县; for a one-syllable name the joined
  forms English news uses ("Caoxian", "Caoxian County", beside the full "Cao County"); the Chinese short
  form without the suffix, if it has at least two characters (义乌, 长阳). Such an alias is left out when
  (a) a curated row already has it as an alias or as its name without suffix (the province "Jilin", the
  prefecture "Hotan", 和田); (b) it is one syllable (fewer than two vowel groups: "Cao", "Sog"), in
  ENGLISH_WORDS (English words, brands, given names) or in CHINESE_WORDS (ordinary Chinese words, or
  words often found inside others: 合作, 小店, 比如, 东城 in 山东城市); (c) another county-level division
  has it as its full name; or another has it too and one of those is a county-level city, in which case
  the city alone keeps it ("Yiwu" is Yiwu City, not Yiwu County in Xinjiang; "Jinjiang" the city in
  Fujian), and none does when several are cities. Otherwise a short name several divisions share
  ("Tongzhou": Beijing's and Nantong's) maps to each of them, like a shared full name.
- A generated alias that a curated row already has is never emitted, so curated matches keep their code.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pypinyin import Style, lazy_pinyin

HERE = Path(__file__).resolve().parent
REGION_FIELDS = ["region_code", "region_name", "full_name", "name_zh", "level", "parent_code"]
ALIAS_FIELDS = ["alias", "region_code"]
COUNTY = "county"

# (Chinese suffix, English words, kind). The first that ends a name wins; a two-character suffix counts
# only when at least two characters stand before it (清新区 is Qingxin District, not a "new area").
SUFFIXES: list[tuple[str, str, str]] = [
    ("自治县", "Autonomous County", "county"),
    ("自治旗", "Autonomous Banner", "banner"),
    ("特区", "Special District", "district"),
    ("林区", "Forestry District", "district"),
    ("新区", "New Area", "district"),
    ("矿区", "Mining District", "district"),
    ("区", "District", "district"),
    ("县", "County", "county"),
    ("市", "City", "city"),
    ("旗", "Banner", "banner"),
]
# names that end like a special suffix but are plain districts
PLAIN_DISTRICTS = frozenset({"万柏林区"})
# the joined form that English news gives a one-syllable name: 曹县 "Caoxian", 城区 "Chengqu"
JOINED = {"county": "xian", "district": "qu"}
# the position words of banners (and of 喀喇沁左翼): 科尔沁右翼中旗 = Horqin Right (Wing) Middle Banner
SIDES = {"左": "Left", "右": "Right"}
POSITIONS = {"前": "Front", "中": "Middle", "后": "Rear"}
DIRECTION = re.compile(r"(?P<side>[左右])?(?P<wing>翼)?(?P<position>[前中后])?$")

# Codes of the source that changed with a prefecture the curated rows already hold: Nagqu became a
# prefecture-level city (542400 -> 540600, 那曲县 -> 色尼区) and Laiwu was merged into Jinan (371200 ->
# 370100, 莱城区 -> 莱芜区).
SUCCESSORS: dict[str, tuple[str, str]] = {
    "542421": ("540602", "色尼区"),
    "542422": ("540621", "嘉黎县"),
    "542423": ("540622", "比如县"),
    "542424": ("540623", "聂荣县"),
    "542425": ("540624", "安多县"),
    "542426": ("540625", "申扎县"),
    "542427": ("540626", "索县"),
    "542428": ("540627", "班戈县"),
    "542429": ("540628", "巴青县"),
    "542430": ("540629", "尼玛县"),
    "542431": ("540630", "双湖县"),
    "371202": ("370116", "莱芜区"),
    "371203": ("370117", "钢城区"),
}
MUNICIPALITIES = frozenset({"11", "12", "31", "50"})

# Readings that pypinyin gives a character in ordinary words but that place names do not use:
# character -> (pypinyin's reading, the reading in place names). A name that keeps the other reading is
# listed in romanisation_exceptions.csv (长子 Zhangzi, 乐清 Yueqing).
PLACE_READINGS: dict[str, tuple[str, str]] = {
    "都": ("dou", "du"),  # 成都, 丰都, 都匀, 郫都
    "长": ("zhang", "chang"),  # 长阳, 长治, 长宁
    "乐": ("yue", "le"),  # 南乐, 民乐
    "朝": ("zhao", "chao"),  # 朝阳
    "蚌": ("bang", "beng"),  # 蚌山
    "尾": ("yi", "wei"),  # 马尾
    "柏": ("bo", "bai"),  # 万柏林
    "圩": ("wei", "xu"),  # 龙圩
    "覃": ("tan", "qin"),  # 覃塘
    "佛": ("fu", "fo"),  # 佛冈, 佛坪
    "什": ("shen", "shi"),  # 什邡, 乌什, 康巴什
    "曾": ("ceng", "zeng"),  # 曾都
}


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Bare English names that are not emitted: English words (the bare names were checked against the
# lower-case entries of Debian's wamerican 2020.12.07 words list), and names that English news uses for
# something else: a brand (Jingdong = JD.com, Suning, Yintai, Lianhua, Wuling, Hongqi, Jili = Geely,
# Weixin = WeChat, Jingxi = JD's Jingxi, Hongxing = Red Star Macalline), a news agency (Xinhua), a
# mountain or a hub (Taishan, Changbai, Tianshan, Wudang, Hongqiao), a people (Evenki), a common given
# name ("Reporter Hei Hongwei" met the district 宏伟区 in a test report).
ENGLISH_WORDS = words(
    """
    bole boxing guide guiding hailing jingle mile saga
    bayi changbai dongfang dongfeng donghu dongpo evenki fuxing hongqi hongqiao hongxing huaxi jili jingdong
    jingxi lianhua shangri-la suning taiping taishan tianshan weixin wolong wudang wuling xinhua yintai
    aimin chunhua dongsheng hongwei huimin jianhua jianping jinfeng jinming weidong xinmin xiufeng xiuying
    yanfeng yufeng zhenxing
    """
)
# Short Chinese forms that are not emitted because they are ordinary words, or are often part of other
# words, in Chinese retail news: 合作 (合作市) "co-operation", 振兴 (振兴区) "revitalisation", 小店
# (小店区) "small shop", 商城 (商城县) "online mall", 全州 (全州县) "the whole prefecture", 比如 (比如县)
# "for example", 高要 (高要区) in 高要求, 东城 (东城区) in 山东城市. Drawn up by hand from the short forms
# that jieba 0.42.1's dictionary holds as ordinary words or inside longer words.
CHINESE_WORDS = words(
    """
    资源 合作 武功 比如 南部 解放 东方 前进 港口 公安 友好 通道 共和 友谊 平安 中方 凤凰 安定 延长 万年
    东风 红旗 光泽 南岸 城北 城东 城西 城中 会同 工农 大名 富裕 清水 高明 前锋 复兴 长子 清新 宏伟 平定
    芙蓉 洞口 温泉 石门 振兴 三元 大方 互助 应城 威信 莲花 平和 名山 黄龙 石柱 全州 大观 永和 二七 台前
    金山 石棉 丰满 高台 九龙 二道 无为 民权 小店 同心 元宝 宝塔 平房 灯塔 白玉 木兰 天涯 七星 海棠 博爱
    同仁 回民 钟楼 江岸 马尾 方正 红星 弥勒 安居 龙凤 湖里 海盐 麒麟 新民 高密 富民 清流 水城 紫金 老城
    爱民 惠民 和顺 云霄 天台 开化 金沙 白沙 延寿 铜鼓 阳春 兴业 大厂 金牛 路南 路北 市南 市北 市中 白塔
    磐石 万全 樟树 白水 康乐 周至 中原 上街 新建 东湖 西湖 红山 青山 白云 新兴 新北 新城 新华 和平 向阳
    商城 商都 高要 定安 长寿 长白 长安 泰山 衡山 乐业 东城 西城 南城 宁城 山城 龙城 石城 榕城 鹤城 江城
    河西 河东 河口 新市 西市 站前 海港 江南 江北 江东 东海 南海 平原 太平 大悟 天长 江山 连城 龙井 嘉陵
    同德 吉隆 牡丹 桃源 兰西 马龙 龙门 黄梅 龙江 小金 青龙 凌云 兴隆 太湖 路桥 大化 多伦 建华 卫东
    运河 古城 南湖 天桥 安宁 天山 故城 兴国 江汉 新河
    """
)


@dataclass
class Division:
    code: str
    name_zh: str
    parent_code: str
    kind: str  # county, district, city or banner
    stem_zh: str  # the name without suffix, ethnic words and position: 长阳土家族自治县 -> 长阳
    short_zh: str  # the short Chinese form: 义乌, 长阳, "" when there is none
    base: str  # English name without suffix: Zhongmu, Changyang, Horqin Right Middle
    full_name: str
    region_name: str = ""
    primary: list[str] = field(default_factory=list)  # always emitted, even when several codes share them
    secondary: list[str] = field(default_factory=list)  # dropped when ambiguous or risky

    @property
    def is_city(self) -> bool:
        return self.kind == "city"


def source_path() -> Path:
    """cpca's table of divisions, found without importing cpca (its import needs pkg_resources)."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("cpca is not installed: run `uv sync` (it is a dev dependency)")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8"))


def syllables(name: str, length: int) -> list[str]:
    """The pinyin of the first `length` characters of a name, read in the context of the whole name."""
    parts = lazy_pinyin(name, style=Style.NORMAL, v_to_u=True)
    if len(parts) != len(name):
        raise ValueError(f"{name}: not one syllable per character: {parts}")
    return [
        PLACE_READINGS[ch][1] if ch in PLACE_READINGS and p == PLACE_READINGS[ch][0] else p
        for ch, p in zip(name[:length], parts[:length], strict=True)
    ]


def join_pinyin(parts: list[str]) -> str:
    """Syllables joined, an apostrophe before a/o/e that does not start the name, first letter capital."""
    text = "".join(("'" + p if i and p[:1] in "aoe" else p) for i, p in enumerate(parts))
    return text[:1].upper() + text[1:]


def ascii_variants(name: str) -> list[str]:
    """Lüyuan -> Luyuan, Lvyuan: how English texts without the diaeresis write ü."""
    if "ü" not in name and "Ü" not in name:
        return []
    return [name.replace("ü", "u").replace("Ü", "U"), name.replace("ü", "v").replace("Ü", "V")]


def list_words(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def strip_parenthesis(name: str) -> str:
    return re.sub(r"\s*\(.*\)$", "", name)


def split_suffix(name: str) -> tuple[str, str, str, str] | None:
    """长阳土家族自治县 -> (长阳土家族, 自治县, Autonomous County, county)."""
    for suffix_zh, suffix_en, kind in SUFFIXES:
        stem = name.removesuffix(suffix_zh)
        if stem == name or (len(suffix_zh) == 2 and (len(stem) < 2 or name in PLAIN_DISTRICTS)):
            continue
        return stem, suffix_zh, suffix_en, kind
    return None


class Romaniser:
    """Turns a Chinese name into its English names and aliases, with the exception and ethnic tables."""

    def __init__(self, exceptions: list[dict[str, str]], ethnic: list[dict[str, str]]) -> None:
        self.exceptions = {row["name_zh"]: row for row in exceptions}
        # longest first, so that 土家族 is taken before 土族
        self.ethnic = sorted(((r["name_zh"], r["english"]) for r in ethnic), key=lambda p: -len(p[0]))
        self.used: set[str] = set()

    def exception(self, key: str) -> dict[str, str] | None:
        row = self.exceptions.get(key)
        if row is not None:
            self.used.add(key)
        return row

    def parse(self, code: str, name: str, parent_code: str) -> Division | None:
        """The names and aliases of one division; None for a name without a county-level suffix."""
        suffix = split_suffix(name)
        if suffix is None:
            return None
        stem, suffix_zh, suffix_en, kind = suffix
        autonomous = suffix_zh.startswith("自治")
        # ethnic words, from the end: 积石山保安族东乡族撒拉族自治县 -> 积石山 + Bonan, Dongxiang, Salar;
        # outside autonomous names only words ending in 族 count (管城回族区 -> 管城, Hui)
        ethnic: list[str] = []
        ethnic_zh = ""
        while True:
            for zh, en in self.ethnic:
                if stem.endswith(zh) and (autonomous or (zh.endswith("族") and en)):
                    stem, ethnic_zh = stem[: -len(zh)], zh
                    if en:
                        ethnic.insert(0, en)
                    break
            else:
                break
        side = position = ""
        wing = False
        if kind == "banner" or "翼" in stem:
            match = DIRECTION.search(stem)
            if match and match.group() and len(stem) > len(match.group()):
                side = SIDES.get(match.group("side") or "", "")
                position = POSITIONS.get(match.group("position") or "", "")
                wing = bool(match.group("wing"))
                stem = stem[: match.start()]
        direction = " ".join(w for w in (side, position) if w)

        other: list[str] = []
        row = self.exception(name) or (self.exception(stem) if stem else None)
        if row is not None:
            base = row["english"]
            other = [o.strip() for o in row["other_names"].split(";") if o.strip()]
        elif stem:
            base = join_pinyin(syllables(name, len(stem)))
        else:  # 东乡族自治县, 鄂伦春自治旗: the people's name is the place's name
            base, ethnic = list_words(ethnic), []
        keyed_by_name = row is not None and row["name_zh"] == name
        if not keyed_by_name and direction:
            base_full = f"{base} {direction}"
            wing_full = f"{base} {side} Wing {position}".replace("  ", " ").strip() if wing else ""
        else:
            base_full, wing_full = base, ""
        ethnic_part = list_words(ethnic) if ethnic else ""
        full_name = " ".join(w for w in (base_full, ethnic_part, suffix_en) if w)
        plain_en = suffix_en.removeprefix("Autonomous ")
        plain_zh = suffix_zh.removeprefix("自治")

        if direction or not stem:
            short = ethnic_zh.removesuffix("族") if not stem else ""
        elif ethnic or autonomous:
            short = stem
        else:
            short = name[: -len(suffix_zh)]
        division = Division(
            code=code,
            name_zh=name,
            parent_code=parent_code,
            kind=kind,
            stem_zh=stem,
            short_zh=short if len(short) >= 2 else "",
            base=base_full,
            full_name=full_name,
        )
        primary = [full_name, *ascii_variants(full_name)]
        if wing_full:
            primary.append(" ".join(w for w in (wing_full, ethnic_part, suffix_en) if w))
        secondary: list[str] = []
        if (ethnic_part or autonomous) and not direction:  # Changyang County, Guancheng District
            secondary.append(f"{base_full} {plain_en}")
        if len(stem) == 1 and row is None and kind in JOINED:  # Cao County: Caoxian, Caoxian County
            joined = base + JOINED[kind]
            secondary += [f"{joined} {suffix_en}", joined]
        elif not direction:
            secondary += [base_full, *ascii_variants(base_full)]
        for name_en in other:
            if name_en.endswith((" County", " District", " City", " Banner", " Area")):
                primary.append(name_en)
            else:
                other_full = " ".join(w for w in (name_en, direction) if w)
                primary.append(" ".join(w for w in (other_full, ethnic_part, suffix_en) if w))
                if not direction:
                    secondary.append(name_en)
        primary.append(name)
        if division.short_zh:
            secondary.append(division.short_zh)
        if (ethnic_zh or autonomous) and len(stem) >= 2 and not direction:  # 长阳县, 管城区
            secondary.append(stem + plain_zh)
        division.primary = unique(primary)
        division.secondary = [a for a in unique(secondary) if a not in division.primary]
        return division


def unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def parent_of(code: str, regions: dict[str, dict[str, str]]) -> str:
    province = code[:2] + "0000"
    if code[:2] in MUNICIPALITIES or code[2:4] == "90":
        return province
    prefecture = code[:4] + "00"
    if prefecture not in regions:
        raise ValueError(f"{code}: its prefecture {prefecture} is not in regions.csv")
    return prefecture


def read_source(regions: dict[str, dict[str, str]], romaniser: Romaniser) -> list[Division]:
    divisions = []
    for row in read_rows(source_path()):
        code, name = row["adcode"][:6], row["name"]
        if code in regions or code.endswith("00") or name == "市辖区":
            continue
        code, name = SUCCESSORS.get(code, (code, name))
        division = romaniser.parse(code, name, parent_of(code, regions))
        if division is not None:
            divisions.append(division)
    divisions.sort(key=lambda d: d.code)
    return divisions


def label(region: dict[str, str]) -> str:
    """Taizhou (Jiangsu) -> "Taizhou, Jiangsu", for use inside another name's parenthesis."""
    return re.sub(r"\s*\((.*)\)$", r", \1", region["region_name"])


def name_regions(divisions: list[Division], regions: dict[str, dict[str, str]], curated: set[str]) -> None:
    """region_name: Yiwu, Haidian District; where two would read alike, the parent is added."""
    taken = {row["region_name"].casefold() for row in regions.values()}
    wanted = {d.code: (d.base if d.is_city else d.full_name) for d in divisions}
    counts: dict[str, int] = defaultdict(int)
    for name in wanted.values():
        counts[name.casefold()] += 1
    for d in divisions:
        name = wanted[d.code]
        alone = counts[name.casefold()] == 1 and d.full_name.casefold() not in taken | curated
        if d.is_city and alone and name.casefold() in taken:
            name = d.full_name  # Hotan City, beside the prefecture Hotan
        if counts[wanted[d.code].casefold()] > 1 or name.casefold() in taken | curated:
            parent = label(regions[d.parent_code])
            if strip_parenthesis(parent).casefold() == d.base.casefold():  # Yushu (Qinghai), not (Yushu)
                parent = label(regions[d.code[:2] + "0000"])
            name = f"{wanted[d.code]} ({parent})"  # Jinzhou (Shijiazhuang): Jinzhou City is Liaoning's
        d.region_name = name
    names = [d.region_name.casefold() for d in divisions] + list(taken)
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise ValueError(f"region names not unique: {sorted(duplicates)}")


def curated_words(regions: dict[str, dict[str, str]], aliases: list[dict[str, str]]) -> set[str]:
    """What the hand-made rows already call a place: their aliases, and their names without suffix."""
    words = {row["alias"].casefold() for row in aliases}
    for row in regions.values():
        words.add(strip_parenthesis(row["region_name"]).casefold())
        words.add(re.sub(r"(省|市|地区|盟|自治州|自治区|特别行政区)$", "", row["name_zh"]))
    return words


def syllable_count(name: str) -> int:
    """Vowel groups: one per pinyin syllable (Shan 1, Caoxian 2, Mangshi 2)."""
    return len(re.findall(r"[aeiouüv]+", name.casefold()))


def choose_aliases(divisions: list[Division], curated: set[str]) -> list[dict[str, str]]:
    claims: dict[str, set[str]] = defaultdict(set)
    primary_claims: dict[str, set[str]] = defaultdict(set)
    by_code = {d.code: d for d in divisions}
    for d in divisions:
        for alias in d.primary:
            claims[alias.casefold()].add(d.code)
            primary_claims[alias.casefold()].add(d.code)
        for alias in d.secondary:
            claims[alias.casefold()].add(d.code)
    rows = []
    for d in divisions:
        chosen = [a for a in d.primary if a.casefold() not in curated]
        for alias in d.secondary:
            key = alias.casefold()
            if key in curated or key in ENGLISH_WORDS or alias in CHINESE_WORDS:
                continue
            if not is_cjk(alias) and syllable_count(alias) < 2:
                continue
            if claims[key] - {d.code}:
                if primary_claims[key] - {d.code}:
                    continue  # another division's full name
                cities = [c for c in claims[key] if by_code[c].is_city]
                if cities and cities != [d.code]:
                    continue  # "Yiwu" is Yiwu City alone, not also Yiwu County in Xinjiang
            chosen.append(alias)
        rows += [{"alias": alias, "region_code": d.code} for alias in chosen]
    return rows


def build(reference_dir: Path = HERE, out_dir: Path = HERE) -> list[str]:
    """Builds from the curated rows and tables in reference_dir into out_dir; returns what changed."""
    region_rows = read_rows(reference_dir / "regions.csv")
    curated_regions = [row for row in region_rows if row["level"] != COUNTY]
    regions = {row["region_code"]: row for row in curated_regions}
    alias_rows = read_rows(reference_dir / "region_aliases.csv")
    curated_aliases = [row for row in alias_rows if row["region_code"] in regions]

    romaniser = Romaniser(
        read_rows(reference_dir / "romanisation_exceptions.csv"),
        read_rows(reference_dir / "ethnic_names.csv"),
    )
    divisions = read_source(regions, romaniser)
    unused = sorted(set(romaniser.exceptions) - romaniser.used)
    if unused:
        raise ValueError(f"romanisation exceptions that match no division: {unused}")
    curated = curated_words(regions, curated_aliases)
    name_regions(divisions, regions, curated)
    county_rows = [
        {
            "region_code": d.code,
            "region_name": d.region_name,
            "full_name": d.full_name,
            "name_zh": d.name_zh,
            "level": COUNTY,
            "parent_code": d.parent_code,
        }
        for d in divisions
    ]
    generated = choose_aliases(divisions, curated)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_rows(out_dir / "regions.csv", REGION_FIELDS, curated_regions + county_rows)
    write_rows(out_dir / "region_aliases.csv", ALIAS_FIELDS, curated_aliases + generated)
    return changes(
        [row for row in region_rows if row["level"] == COUNTY],
        county_rows,
        [row for row in alias_rows if row["region_code"] not in regions],
        generated,
    )


def changes(
    old_regions: list[dict[str, str]],
    new_regions: list[dict[str, str]],
    old_aliases: list[dict[str, str]],
    new_aliases: list[dict[str, str]],
) -> list[str]:
    """The generated rows that a build removed or added: a hand edit of them shows up here as removed."""
    lines = []
    for kind, old, new in (("regions", old_regions, new_regions), ("aliases", old_aliases, new_aliases)):
        before = {tuple(row.values()) for row in old}
        after = {tuple(row.values()) for row in new}
        lines += [f"{kind} removed: {','.join(row)}" for row in sorted(before - after)]
        lines += [f"{kind} added: {','.join(row)}" for row in sorted(after - before)]
    return lines


def main(argv: list[str]) -> int:
    """build_regions.py [OUT_DIR]: writes into OUT_DIR (default: this folder) and tells what changed."""
    out_dir = Path(argv[1]) if len(argv) > 1 else HERE
    lines = build(HERE, out_dir)
    for line in lines[:40]:
        print(line)
    if len(lines) > 40:
        print(f"... and {len(lines) - 40} more changes")
    print(f"{len(lines)} generated rows changed; wrote regions.csv and region_aliases.csv to {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
