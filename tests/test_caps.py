"""Deputy caps of docs/semantics.md section 4, rule by rule."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgplan.caps import (
    child_parent_violations,
    over_cap,
    pooled_caps,
    unit_cap,
)
from orgplan.model import Organisation, Unit
from orgplan.rules import Rulebook, load_rulebook

VN = load_rulebook()


def _org(*units: Unit) -> Organisation:
    return Organisation(units=units)


def _unit(uid: str, kind: str, **fields: Any) -> Unit:
    return Unit(id=uid, name=uid, kind=kind, level="province", **fields)


def _division(civil_servants: int, quota: int = 40, **fields: Any) -> Unit:
    return _unit(
        "V",
        "division",
        quota=quota,
        actual=civil_servants + 3,
        civil_servants=civil_servants,
        **fields,
    )


@pytest.mark.parametrize(
    ("civil_servants", "cap"),
    [(0, 1), (9, 1), (10, 2), (14, 2), (15, 3), (40, 3)],
)
def test_division_cap_follows_decree_370_steps(
    civil_servants: int, cap: int
) -> None:
    result = unit_cap(_org(_division(civil_servants)), "V", VN)
    assert result.value == cap
    assert result.binding == ("kinds.division.deputy_steps",)
    assert f"division with {civil_servants} civil servants" in result.rule
    assert "Decree 370/2025" in result.rule


def test_division_counts_civil_servants_not_all_staff() -> None:
    # 9 civil servants + 3 contract staff = 12 staff, still the < 10 step.
    assert unit_cap(_org(_division(9)), "V", VN).value == 1


def test_without_a_civil_servant_count_the_division_counts_actual() -> None:
    org = _org(_unit("V", "division", quota=40, actual=12))
    assert unit_cap(org, "V", VN).value == 2


def test_half_of_quota_binds_when_it_is_lower() -> None:
    # 15 civil servants allow 3; a quota of 5 allows floor(2.5) = 2.
    result = unit_cap(_org(_division(15, quota=5)), "V", VN)
    assert result.value == 2
    assert result.binding == ("deputy_fraction_of_quota",)
    assert "50% of a quota of 5" in result.rule
    assert "Conclusion 187-KL/TW" in result.rule


def test_both_rules_listed_when_they_agree() -> None:
    # 10 civil servants allow 2; a quota of 4 allows 2 as well.
    result = unit_cap(_org(_division(10, quota=4)), "V", VN)
    assert result.value == 2
    assert set(result.binding) == {
        "kinds.division.deputy_steps",
        "deputy_fraction_of_quota",
    }


def test_zero_quota_does_not_cap_at_zero() -> None:
    result = unit_cap(_org(_division(15, quota=0)), "V", VN)
    assert result.value == 3


def test_sub_department_cap_counts_its_divisions() -> None:
    divisions = [
        _unit(f"V{i}", "division", parent="S", quota=5, actual=5)
        for i in range(4)
    ]
    s = _unit("S", "sub_department", quota=20, actual=20)
    assert unit_cap(_org(s, *divisions[:3]), "S", VN).value == 1
    assert unit_cap(_org(s, *divisions), "S", VN).value == 2


def test_public_service_unit_cap_by_staff() -> None:
    small = _unit("U", "public_service_unit", quota=40, actual=20)
    large = _unit("U", "public_service_unit", quota=40, actual=21)
    assert unit_cap(_org(small), "U", VN).value == 2
    assert unit_cap(_org(large), "U", VN).value == 3


def test_merge_bonus_for_departments() -> None:
    org = _org(_unit("D", "department", quota=20, actual=20))
    assert unit_cap(org, "D", VN).value == 3
    two = unit_cap(org, "D", VN, members=2)
    assert two.value == 4
    assert "formed from 2 units" in two.rule
    assert unit_cap(org, "D", VN, members=3).value == 5


def test_a_kind_without_caps_and_quota_is_uncapped() -> None:
    result = unit_cap(_org(_unit("P", "province")), "P", VN)
    assert result.value is None
    assert result.binding == ()


def test_overrides_change_the_cap() -> None:
    lenient = load_rulebook(overrides={"deputy_fraction_of_quota": 1.0})
    org = _org(_division(15, quota=2))
    assert unit_cap(org, "V", VN).value == 1
    assert unit_cap(org, "V", lenient).value == 2


def test_unknown_unit_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        unit_cap(_org(_division(3)), "nope", VN)


@given(
    civil_servants=st.integers(0, 60),
    quota=st.integers(0, 60),
    members=st.integers(1, 4),
)
def test_cap_is_the_minimum_of_the_two_rules(
    civil_servants: int, quota: int, members: int
) -> None:
    org = _org(_division(civil_servants, quota=quota))
    steps = VN.kind("division").deputy_cap(civil_servants, members)
    assert steps is not None
    expected = min(steps, quota // 2) if quota else steps
    assert unit_cap(org, "V", VN, members).value == expected


def test_over_cap_lists_units_above_their_cap(
    deep_chain: Organisation,
) -> None:
    (entry,) = over_cap(deep_chain, VN)
    assert (entry.unit, entry.deputies, entry.cap, entry.excess) == (
        "V",
        2,
        1,
        1,
    )
    assert entry.name == "Phòng Lưu trữ"
    assert "9 civil servants" in entry.rule


def test_over_cap_uses_the_merge_bonus() -> None:
    org = _org(_unit("D", "department", quota=20, actual=20, deputies=4))
    assert [e.unit for e in over_cap(org, VN)] == ["D"]
    assert over_cap(org, VN, members={"D": 2}) == []


def test_within_caps_nothing_is_listed(two_siblings: Organisation) -> None:
    assert over_cap(two_siblings, VN) == []
    assert child_parent_violations(two_siblings, VN) == []


def _departments(*deputies: int) -> Organisation:
    return _org(
        *(
            _unit(f"D{i}", "department", quota=20, actual=20, deputies=d)
            for i, d in enumerate(deputies)
        )
    )


def test_pooled_cap_is_three_per_department_on_average() -> None:
    # 3 departments: at most 3 * 3 = 9 deputies; 4 + 4 + 2 = 10.
    (pooled,) = pooled_caps(_departments(4, 4, 2), VN)
    assert (pooled.kind, pooled.units, pooled.deputies) == (
        "department",
        3,
        10,
    )
    assert (pooled.cap, pooled.excess) == (9, 1)
    assert "Decree 107/2020" in pooled.rule


def test_pooled_cap_within_has_no_excess() -> None:
    (pooled,) = pooled_caps(_departments(4, 3, 2), VN)
    assert pooled.excess == 0


def test_pooled_cap_adds_merge_bonuses() -> None:
    # D0 formed from 2 (+1), D1 from 3 (+2): 2 * 3 + 1 + 2 = 9.
    (pooled,) = pooled_caps(_departments(5, 4), VN, members={"D0": 2, "D1": 3})
    assert pooled.cap == 9
    assert "+ 3 for merged units" in pooled.rule


def test_no_pooled_cap_without_units_of_the_kind(
    deep_chain: Organisation,
) -> None:
    assert [p.kind for p in pooled_caps(deep_chain, VN)] == ["department"]
    assert pooled_caps(_org(_division(3)), VN) == []


def test_child_may_not_have_more_deputies_than_parent(
    deep_chain: Organisation,
) -> None:
    (violation,) = child_parent_violations(deep_chain, VN)
    assert (violation.child, violation.parent) == ("V", "S")
    assert (violation.child_deputies, violation.parent_deputies) == (2, 1)
    assert "Conclusion 187-KL/TW" in violation.rule


def test_child_rule_ignores_parents_without_caps() -> None:
    # A department under the province: the province has no cap.
    org = _org(
        _unit("P", "province"),
        _unit("D", "department", parent="P", quota=9, actual=9, deputies=3),
    )
    assert child_parent_violations(org, VN) == []


def test_child_rule_can_be_switched_off(deep_chain: Organisation) -> None:
    off: Rulebook = load_rulebook(
        overrides={"child_deputies_le_parent": False}
    )
    assert child_parent_violations(deep_chain, off) == []
