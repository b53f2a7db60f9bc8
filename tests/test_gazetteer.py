"""The gazetteer's county-level rows: built reproducibly by data/reference/build_regions.py, named right."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import shutil
import sys
from collections import defaultdict

import pytest

from flows.reference import read_csv
from flows.settings import PROJECT_ROOT

REFERENCE_DIR = PROJECT_ROOT / "data" / "reference"

# The hand-made rows (header included): 381 rows of regions.csv (the nation, 34 provincial
# divisions, the Xinjiang Production and Construction Corps and 345 prefecture-level divisions) and
# 1,714 of region_aliases.csv. They must stay, unchanged, at the top of the files. If you edit one of them on
# purpose, update its digest here.
CURATED = {
    "regions.csv": (382, "24bad85b663bd3fd11c2fc97aa5871a5e81da429c526dfe37334a5fad7932d65"),
    "region_aliases.csv": (1716, "6bcaae93f2d8938a989ef98ae11aec87c3d63f3866ddecb95b67b30cf267e776"),
}


def load_builder():
    spec = importlib.util.spec_from_file_location("build_regions", REFERENCE_DIR / "build_regions.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def builder():
    return load_builder()


@pytest.fixture(scope="module")
def region_rows() -> list[dict[str, str]]:
    return read_csv(REFERENCE_DIR / "regions.csv")


@pytest.fixture(scope="module")
def counties(region_rows) -> dict[str, dict[str, str]]:
    """County rows by Chinese name; a name held by several divisions maps to the last of them."""
    return {row["name_zh"]: row for row in region_rows if row["level"] == "county"}


@pytest.fixture(scope="module")
def aliases() -> dict[str, list[str]]:
    """Aliases by code."""
    by_code = defaultdict(list)
    for row in read_csv(REFERENCE_DIR / "region_aliases.csv"):
        by_code[row["region_code"]].append(row["alias"])
    return by_code


@pytest.fixture(scope="module")
def codes_of() -> dict[str, set[str]]:
    """Codes by alias, as written."""
    by_alias = defaultdict(set)
    for row in read_csv(REFERENCE_DIR / "region_aliases.csv"):
        by_alias[row["alias"]].add(row["region_code"])
    return by_alias


# Reproducibility -------------------------------------------------------------------------------


def test_rebuilding_gives_byte_identical_files(builder, tmp_path):
    changes = builder.build(REFERENCE_DIR, tmp_path)
    assert changes == []
    for name in ("regions.csv", "region_aliases.csv"):
        assert (tmp_path / name).read_bytes() == (REFERENCE_DIR / name).read_bytes(), name


def test_the_hand_made_rows_are_kept_at_the_top_unchanged():
    for name, (count, digest) in CURATED.items():
        lines = (REFERENCE_DIR / name).read_bytes().split(b"\n")
        assert hashlib.sha256(b"\n".join(lines[:count]) + b"\n").hexdigest() == digest, name


def test_the_curated_rows_come_before_the_generated_ones(region_rows):
    levels = [row["level"] for row in region_rows]
    first_county = levels.index("county")
    assert "county" not in levels[:first_county] and set(levels[first_county:]) == {"county"}


def test_a_generated_alias_never_takes_a_curated_alias_away(reference, region_rows):
    """The matcher keeps the last row of an alias: a curated alias must not come again further down."""
    curated = {row["region_code"] for row in region_rows if row["level"] != "county"}
    rows = read_csv(REFERENCE_DIR / "region_aliases.csv")
    curated_aliases = {row["alias"].casefold() for row in rows if row["region_code"] in curated}
    generated = {row["alias"].casefold() for row in rows if row["region_code"] not in curated}
    assert not curated_aliases & generated
    found = reference.region_matcher.find("Tibet, Jilin, Hotan, Kashgar, Chaoyang, Liaoning, 和田 and 吉林")
    assert [m.code for m in found] == ["540000", "220000", "653200", "653100", "211300", "653200", "220000"]


def test_an_exception_that_matches_nothing_stops_the_build(builder, tmp_path):
    source = tmp_path / "source"
    shutil.copytree(REFERENCE_DIR, source, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    with (source / "romanisation_exceptions.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(["不存在", "Nowhere", "", "test"])
    with pytest.raises(ValueError, match="不存在"):
        builder.build(source, tmp_path / "out")


# Counts and structure --------------------------------------------------------------------------


def test_about_2850_county_level_divisions_with_unique_six_digit_codes(region_rows):
    county_rows = [row for row in region_rows if row["level"] == "county"]
    assert 2800 <= len(county_rows) <= 2900
    codes = [row["region_code"] for row in region_rows]
    assert len(codes) == len(set(codes))
    assert all(len(code) == 6 and code.isdigit() for code in codes)


def test_every_county_has_a_province_or_prefecture_parent_of_its_own_province(region_rows):
    by_code = {row["region_code"]: row for row in region_rows}
    for row in region_rows:
        if row["level"] == "county":
            parent = by_code[row["parent_code"]]
            assert parent["level"] in {"province", "prefecture"}, row
            assert parent["region_code"][:2] == row["region_code"][:2], row


def test_region_names_are_unique(region_rows):
    names = [row["region_name"].casefold() for row in region_rows]
    assert len(names) == len(set(names))


def test_every_county_has_its_full_name_and_chinese_name_as_aliases(region_rows, aliases, codes_of):
    # three county-level cities share their English name with a prefecture's curated alias, which wins
    shadowed = {"Jinzhou City": "210700", "Ji'an City": "360800", "Pingxiang City": "360300"}
    for row in region_rows:
        if row["level"] == "county":
            assert row["name_zh"] in aliases[row["region_code"]], row
            if row["full_name"] in shadowed:
                assert codes_of[row["full_name"]] == {shadowed[row["full_name"]]}
            else:
                assert row["full_name"] in aliases[row["region_code"]], row


def test_no_placeholder_or_grouping_rows(region_rows):
    names = {row["name_zh"] for row in region_rows}
    assert not names & {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "西沙群岛"}


# Spot checks -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name_zh", "region_name", "full_name", "parent_code"),
    [
        ("义乌市", "Yiwu", "Yiwu City", "330700"),
        ("曹县", "Cao County", "Cao County", "371700"),
        ("中牟县", "Zhongmu County", "Zhongmu County", "410100"),
        ("雁塔区", "Yanta District", "Yanta District", "610100"),
        (
            "长阳土家族自治县",
            "Changyang Tujia Autonomous County",
            "Changyang Tujia Autonomous County",
            "420500",
        ),
        ("海淀区", "Haidian District", "Haidian District", "110000"),
        ("浦东新区", "Pudong New Area", "Pudong New Area", "310000"),
        ("五指山市", "Wuzhishan", "Wuzhishan City", "460000"),
        ("济源市", "Jiyuan", "Jiyuan City", "410000"),
        ("神农架林区", "Shennongjia Forestry District", "Shennongjia Forestry District", "420000"),
        ("六枝特区", "Liuzhi Special District", "Liuzhi Special District", "520200"),
        ("色尼区", "Seni District", "Seni District", "540600"),
        ("莱芜区", "Laiwu District", "Laiwu District", "370100"),
    ],
)
def test_names_and_parents(counties, name_zh, region_name, full_name, parent_code):
    row = counties[name_zh]
    assert (row["region_name"], row["full_name"], row["parent_code"]) == (region_name, full_name, parent_code)


def test_the_parent_of_yiwu_is_jinhua_and_shaanxi_keeps_its_name(region_rows, counties):
    by_code = {row["region_code"]: row for row in region_rows}
    assert by_code[counties["义乌市"]["parent_code"]]["region_name"] == "Jinhua"
    assert by_code["610000"]["region_name"] == "Shaanxi"


@pytest.mark.parametrize(
    ("name_zh", "full_name"),
    [
        ("东阿县", "Dong'e County"),  # apostrophe before e
        ("绿园区", "Lüyuan District"),
        ("单县", "Shan County"),  # polyphones, from romanisation_exceptions.csv
        ("洪洞县", "Hongtong County"),
        ("长子县", "Zhangzi County"),
        ("涡阳县", "Guoyang County"),
        ("乐清市", "Yueqing City"),
        ("乐陵市", "Laoling City"),
        ("番禺区", "Panyu District"),  # pypinyin gets these right on its own
        ("铅山县", "Yanshan County"),
        ("盱眙县", "Xuyi County"),
        ("黄陂区", "Huangpi District"),
        ("綦江区", "Qijiang District"),
        ("阆中市", "Langzhong City"),
        ("蔚县", "Yu County"),
        ("宜都市", "Yidu City"),  # place readings: 都 du, 长 chang
        ("长治县", "Changzhi County"),
        ("马尾区", "Mawei District"),
        ("库尔勒市", "Korla City"),  # names that are not Chinese
        ("香格里拉市", "Shangri-La City"),
        ("准格尔旗", "Jungar Banner"),
        ("科尔沁右翼中旗", "Horqin Right Middle Banner"),
        ("墨脱县", "Medog County"),
        ("玛多县", "Madoi County"),
        ("保亭黎族苗族自治县", "Baoting Li and Miao Autonomous County"),
        ("积石山保安族东乡族撒拉族自治县", "Jishishan Bonan, Dongxiang and Salar Autonomous County"),
        ("东乡族自治县", "Dongxiang Autonomous County"),
        ("龙胜各族自治县", "Longsheng Autonomous County"),
        ("管城回族区", "Guancheng Hui District"),
        ("万柏林区", "Wanbailin District"),  # not a forestry district
        ("清新区", "Qingxin District"),  # not a new area
    ],
)
def test_romanisation(counties, name_zh, full_name):
    assert counties[name_zh]["full_name"] == full_name


def test_names_shared_by_several_divisions_name_their_parent(region_rows):
    names = {row["region_name"] for row in region_rows}
    assert {
        "Chaoyang District (Beijing)",
        "Chaoyang District (Changchun)",
        "Chaoyang District (Shantou)",
    } <= names
    assert {"Yushu (Qinghai)", "Yushu (Changchun)", "Hotan City", "Kashgar City"} <= names


# Aliases ---------------------------------------------------------------------------------------


def test_aliases_of_a_county_level_city_a_county_and_a_district(counties, aliases):
    assert set(aliases[counties["义乌市"]["region_code"]]) == {"Yiwu City", "Yiwu", "义乌市", "义乌"}
    assert {"Caoxian", "Caoxian County", "Cao County", "曹县"} <= set(
        aliases[counties["曹县"]["region_code"]]
    )
    assert "Cao" not in aliases[counties["曹县"]["region_code"]]  # one syllable
    assert {"Haidian District", "Haidian", "海淀区", "海淀"} <= set(aliases["110108"])
    assert {"Changyang County", "Changyang", "长阳", "长阳县"} <= set(
        aliases[counties["长阳土家族自治县"]["region_code"]]
    )
    assert {"Horqin Right Wing Middle Banner", "Lüyuan District", "Luyuan District"} <= {
        alias for code in ("152222", "220106") for alias in aliases[code]
    }


def test_ambiguous_names_map_to_every_code_unless_a_city_has_them(codes_of):
    assert len(codes_of["Gulou District"]) == 4
    assert len(codes_of["鼓楼区"]) == 4
    assert codes_of["Gulou"] == codes_of["Gulou District"]
    assert codes_of["Tongzhou"] == {"110112", "320612"}
    assert codes_of["Chaoyang District"] == {"110105", "220104", "440513"}
    assert codes_of["Yiwu"] == {"330782"}  # the city keeps it; Yiwu County in Xinjiang does not
    assert codes_of["Yiwu County"] == {"650522"}


def test_risky_bare_names_are_left_out(codes_of):
    # an existing alias of a province or prefecture, an English word, a Chinese word, a brand
    for alias in ("Hotan", "和田", "Jilin", "Guide", "合作", "小店", "比如", "Jingdong", "Hongwei"):
        assert alias not in codes_of or not codes_of[alias] - {"653200", "220000"}, alias
    assert "Hezuo City" in codes_of and "合作市" in codes_of


def test_the_matcher_finds_counties(reference):
    text = "Online sales in Yiwu, Haidian District, Caoxian county and 中牟县 grew; 义乌 too."
    assert [m.code for m in reference.region_matcher.find(text)] == [
        "330782",
        "110108",
        "371721",
        "410122",
        "330782",
    ]
