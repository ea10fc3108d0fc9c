"""Standards of merged units (Res. 76/2025), kinds by rule and names."""

from __future__ import annotations

import pytest

from orgplan.rules import load_rulebook
from orgplan.territory.places import Place
from orgplan.territory.standards import (
    new_kind,
    propose_name,
    shortfalls,
    unit_after,
)

RULES = load_rulebook()


def commune(uid: str, pop: int, area: float, **kw) -> Place:
    kw.setdefault("terrain", "mountain")
    kw.setdefault("kind", "commune")
    kw.setdefault("name", f"Xã {uid}")
    return Place(uid, population=pop, area_km2=area, **kw)


def test_two_mountain_communes_need_200_percent_of_the_area() -> None:
    members = [commune("a", 3000, 40), commune("b", 2500, 45)]
    unit = unit_after("a", members, RULES)
    short = shortfalls(unit, members, RULES)
    # 85 km² against 2 x 50; 5,500 people against 100% of 5,000
    assert [(s.standard, s.required, s.actual) for s in short] == [
        ("area_km2", 100.0, 85.0)
    ]
    assert "Res. 76/2025" in short[0].source
    assert "85 km² is below the standard of 100 km²" in short[0].message()


def test_other_communes_need_200_percent_of_the_population() -> None:
    members = [
        commune("a", 7000, 20, terrain="plain"),
        commune("b", 6000, 15, terrain="plain"),
    ]
    unit = unit_after("a", members, RULES)
    short = shortfalls(unit, members, RULES)
    assert [(s.standard, s.required) for s in short] == [
        ("population", 16_000)
    ]  # 35 km² meets 100% of 30


def test_three_members_are_exempt() -> None:
    members = [commune(u, 100, 1) for u in "abc"]
    assert shortfalls(unit_after("a", members, RULES), members, RULES) == []


@pytest.mark.parametrize(
    ("province_class", "need"),
    [("mountain_border", 15_000), ("other", 21_000), ("central_city", 45_000)],
)
def test_ward_population_by_province_class(
    province_class: str, need: int
) -> None:
    members = [
        commune("a", 9000, 3, kind="ward", terrain="urban"),
        commune("b", 5000, 2, kind="ward", terrain="urban"),
    ]
    unit = unit_after("a", members, RULES)
    assert unit.kind == "ward"
    short = shortfalls(unit, members, RULES, province_class)
    assert {(s.standard, s.required) for s in short} == {
        ("population", need),
        ("area_km2", 5.5),
    }


def test_overrides_change_the_standard() -> None:
    rules = load_rulebook(
        overrides={"territorial": {"exempt_from_members": 5}}
    )
    members = [commune(u, 100, 1) for u in "abc"]
    assert shortfalls(unit_after("a", members, rules), members, rules)
    # the other numbers stay as the decree sets them
    assert rules.territorial.commune["mountain"].area_km2 == 50


def test_kind_is_ward_when_most_people_lived_in_wards() -> None:
    ward = commune("w", 6000, 5, kind="ward", terrain="urban")
    rural = commune("c", 5000, 60)
    assert new_kind([ward, rural], RULES) == "ward"
    assert new_kind([ward, rural, commune("d", 2000, 50)], RULES) == (
        "commune"
    )


def test_names_from_the_district_township_or_the_largest_member() -> None:
    township = commune(
        "t", 4000, 10, name="Thị trấn Trùng Khánh", district="D1"
    )
    members = [township, commune("a", 6000, 50, name="Xã Đình Phong")]
    districts = {"D1": "Huyện Trùng Khánh"}
    assert propose_name(members, "commune", districts) == "Xã Trùng Khánh"
    assert (
        propose_name(members, "commune", districts, taken={"Xã Trùng Khánh"})
        == "Xã Đình Phong"
    )
    both = {"Xã Trùng Khánh", "Xã Đình Phong"}
    assert (
        propose_name(members, "commune", districts, taken=both)
        == "Xã Trùng Khánh 2"
    )
