"""The reference data files are consistent with each other."""


def test_gazetteer_has_the_nation_all_34_provincial_divisions_and_the_corps(reference):
    levels = [row["level"] for row in reference.regions.values()]
    assert levels.count("nation") == 1
    # the 34 divisions of GB/T 2260 and the Xinjiang Production and Construction Corps (兵团), which
    # statistical releases report as a region of its own
    assert levels.count("province") == 35
    assert reference.regions["660000"]["name_zh"] == "新疆生产建设兵团"
    xinjiang = [r for r in reference.regions.values() if r["parent_code"] == "650000"]
    assert len(xinjiang) >= 14


def test_every_parent_and_alias_points_at_a_known_code(reference):
    for row in reference.regions.values():
        assert not row["parent_code"] or row["parent_code"] in reference.regions
    for row in reference.segments.values():
        assert not row["parent_code"] or row["parent_code"] in reference.segments
    for match in reference.region_matcher.find("Tibet, Xizang and 新疆 and Kashgar"):
        assert match.code in reference.regions
    assert [m.code for m in reference.region_matcher.find("Tibet and Xizang")] == ["540000", "540000"]


def test_scoped_segments_combine_a_scope_with_a_base(reference):
    for (scope, base), combined in reference.scoped_segments.items():
        assert reference.segment_kind(scope) == "scope"
        assert reference.segments[combined]["parent_code"] == scope
        assert base in reference.segments
