"""Infeasible scenarios are explained by the requirements in conflict."""

from __future__ import annotations

import pytest
from orgs import organisation, scenario, solve, unit

from orgplan.errors import InfeasibleScenario
from orgplan.i18n import message
from orgplan.model import Organisation


@pytest.fixture
def three() -> Organisation:
    return organisation(
        unit("P", "province", None, quota=0, deputies=0),
        unit("A", "department", "P", "x", 30),
        unit("B", "department", "P", "y", 30),
        unit("C", "department", "P", "z", 30),
    )


def conflicts(org: Organisation, **settings: object) -> list[str]:
    with pytest.raises(InfeasibleScenario) as caught:
        solve(org, scenario(**settings))
    return [message(c) for c in caught.value.conflicts]


def test_max_units_below_the_locked_units(three: Organisation) -> None:
    (message,) = conflicts(
        three,
        scope={"kinds": ["department"]},
        locks=["A", "B"],
        targets={"max_units": {"department": 1}},
    )
    assert "max_units.department" in message
    assert "A, B" in message


def test_must_merge_with_a_locked_unit(three: Organisation) -> None:
    (message,) = conflicts(
        three,
        scope={"kinds": ["department"]},
        locks=["A"],
        must_merge=[["A", "B"]],
    )
    assert "A" in message and "locked" in message


def test_pair_in_both_must_and_must_not(three: Organisation) -> None:
    found = conflicts(
        three,
        scope={"kinds": ["department"]},
        must_merge=[["A", "B"]],
        must_not_merge=[["B", "A"]],
    )
    assert any("must_merge and in must_not_merge" in c for c in found)


def test_target_lock_and_must_not_merge_conflict(
    three: Organisation,
) -> None:
    # Two departments at most: one of A and B must go, but C is locked
    # (it receives nothing) and A may not merge with B. The solver names
    # the three requirements.
    found = conflicts(
        three,
        # Widened coherence: A and B share no function family.
        scope={"kinds": ["department"], "allow_pairs": [["*", "*"]]},
        locks=["C"],
        must_not_merge=[["A", "B"]],
        targets={"max_units": {"department": 2}},
    )
    text = " | ".join(found)
    assert "at most 2 units of kind department" in text
    assert "C" in text
    assert "A / B" in text
    assert len(found) == 3


def test_min_staff_and_must_not_merge_are_both_named() -> None:
    org = organisation(
        unit("D", "department", None, "fin", 10, deputies=3),
        unit("A", "division", "D", "fin.a", 3, deputies=0),
        # Related work: A's only way to its minimum is to merge with B.
        unit("B", "division", "D", "fin.a fin.b", 10),
    )
    found = conflicts(
        org,
        scope={"kinds": ["division"], "allow_fold": False},
        must_not_merge=[["A", "B"]],
    )
    assert len(found) == 2
    assert any("A (quota 3)" in c for c in found)
    assert any("A / B" in c for c in found)
