"""apply: the organisation after a plan (docs/semantics.md section 2)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgplan.apply import apply, apply_structure, largest_remainder
from orgplan.errors import OrgplanError
from orgplan.model import Organisation, Person, Unit
from orgplan.plan import (
    Flattening,
    Leadership,
    Merge,
    Plan,
    Separation,
    SolveStatus,
    Split,
    SplitPart,
    Transfer,
    UnitBalance,
)


def _plan(**fields: object) -> Plan:
    return Plan(scenario="thử", status=SolveStatus.FEASIBLE, **fields)


def _unit(uid: str, kind: str, parent: str | None, **kw: object) -> Unit:
    return Unit(
        id=uid, name=f"Đơn vị {uid}", kind=kind, level="province",
        parent=parent, **kw,
    )  # fmt: skip


# D (department) with divisions A and B (split by category) and a public
# service unit U (no split: all public employees); A has a child X.
ORG = Organisation(
    units=(
        _unit("D", "department", None, functions=("f",), quota=6, actual=6,
              heads=1, deputies=2),
        _unit("A", "division", "D", functions=("f.a", "f.c"), quota=10,
              actual=9, heads=1, deputies=1, civil_servants=7, contract=2),
        _unit("B", "division", "D", functions=("f.b", "f.a"), quota=5,
              actual=6, heads=1, deputies=1, civil_servants=6),
        _unit("U", "public_service_unit", "D", functions=("f.u",),
              quota=20, actual=17, heads=1, deputies=2),
        _unit("X", "division", "A", functions=("f.x",), quota=5, actual=5,
              heads=1, civil_servants=5),
    ),
    staff=(
        Person(id="a1", unit="A", category="civil_servant", role="head"),
        Person(id="a2", unit="A", category="contract"),
        Person(id="b1", unit="B", category="civil_servant", role="head"),
        Person(id="u1", unit="U", category="public_employee"),
    ),
)  # fmt: skip

MERGE = Merge(into="A", members=("A", "B"), name="Phòng Tổng hợp – Đổi mới")


def test_merge_sums_staff_and_keeps_the_representative() -> None:
    plan = _plan(
        merges=(MERGE,),
        leadership=(Leadership(unit="A", heads=1, deputies=3, cap=3),),
    )
    after = apply_structure(ORG, plan)
    assert [u.id for u in after.units] == ["D", "A", "U", "X"]
    merged = after.unit("A")
    assert merged.name == "Phòng Tổng hợp – Đổi mới"
    assert (merged.quota, merged.actual) == (15, 15)
    assert (merged.civil_servants, merged.contract) == (13, 2)
    assert merged.functions == ("f.a", "f.c", "f.b")
    assert (merged.heads, merged.deputies) == (1, 3)
    assert merged.parent == "D"
    people = {p.id: p for p in after.staff}
    assert people["b1"].unit == "A"
    # B's head is now a member of A's staff; A's head keeps the post.
    assert (people["b1"].role, people["a1"].role) == ("staff", "head")


def test_fold_moves_children_staff_and_functions_up() -> None:
    after = apply_structure(
        ORG, _plan(flattened=(Flattening(unit="A", into="D"),))
    )
    assert "A" not in after.unit_by_id
    assert after.unit("X").parent == "D"
    d = after.unit("D")
    assert (d.quota, d.actual, d.heads, d.deputies) == (16, 15, 1, 2)
    assert d.functions == ("f", "f.a", "f.c")
    # The department had no split; A's contract staff keep their category.
    assert (d.civil_servants, d.contract) == (13, 2)


def test_split_shares_quota_and_categories_exactly() -> None:
    split = Split(
        unit="A",
        parts=(
            SplitPart(to="B", functions=("f.a",), staff=4),
            SplitPart(to="D", functions=("f.c",), staff=5),
        ),
    )
    after = apply_structure(ORG, _plan(splits=(split,)))
    b, d = after.unit("B"), after.unit("D")
    assert b.actual == 6 + 4 and d.actual == 6 + 5
    # Quota 10 in proportion 4:5 -> 4.44 and 5.56 -> 4 and 6.
    assert (b.quota, d.quota) == (5 + 4, 6 + 6)
    # D had no split: its 6 staff are civil servants (its default).
    assert b.civil_servants + d.civil_servants == 6 + 6 + 7
    assert (b.contract or 0) + (d.contract or 0) == 2
    # The child goes with the largest part.
    assert after.unit("X").parent == "D"
    units = {p.id: p.unit for p in after.staff}
    assert {units["a1"], units["a2"]} <= {"B", "D"}


def test_staffing_stage_moves_quota_staff_and_people() -> None:
    plan = _plan(
        balance=(
            UnitBalance(
                id="B",
                quota=7,
                actual_before=6,
                actual_after=6,
                surplus_after=0,
                deficit_after=1,
            ),
        ),
        transfers=(
            Transfer.model_validate(
                {
                    "from": "A",
                    "to": "B",
                    "category": "contract",
                    "count": 1,
                    "persons": ["a2"],
                }
            ),
        ),
        separations=(
            Separation(
                unit="A",
                category="civil_servant",
                count=2,
                persons=("a1",),
            ),
        ),
    )
    after = apply(ORG, plan)
    a, b = after.unit("A"), after.unit("B")
    assert (a.actual, a.civil_servants, a.contract) == (6, 5, 1)
    assert (b.quota, b.actual, b.civil_servants, b.contract) == (7, 7, 6, 1)
    people = {p.id: p for p in after.staff}
    assert "a1" not in people
    assert (people["a2"].unit, people["a2"].role) == ("B", "staff")


def test_combining_kinds_with_other_default_categories_keeps_them() -> None:
    """A public service unit without a split folded into a department
    without one: the department now needs a split to say who is who."""
    after = apply_structure(
        ORG, _plan(flattened=(Flattening(unit="U", into="D"),))
    )
    d = after.unit("D")
    assert (d.actual, d.civil_servants, d.public_employees) == (23, 6, 17)


def test_apply_never_mutates_its_input() -> None:
    before = ORG.model_dump()
    apply(ORG, _plan(merges=(MERGE,)))
    assert ORG.model_dump() == before


@pytest.mark.parametrize(
    ("plan", "words"),
    [
        (_plan(merges=(Merge(into="Q", members=("Q", "A"), name="x"),)), "Q"),
        (_plan(flattened=(Flattening(unit="A", into="ZZ"),)), "ZZ"),
        (
            _plan(
                merges=(MERGE,),
                flattened=(Flattening(unit="B", into="D"),),
            ),
            "more than one decision",
        ),
        (
            _plan(
                transfers=(
                    Transfer.model_validate(
                        {
                            "from": "B",
                            "to": "A",
                            "category": "contract",
                            "count": 1,
                        }
                    ),
                )
            ),
            "which has 0",
        ),
        (
            _plan(
                separations=(
                    Separation(
                        unit="B",
                        category="civil_servant",
                        count=1,
                        persons=("a1",),
                    ),
                )
            ),
            "a1, who is not in B",
        ),
    ],
)
def test_a_plan_that_cannot_apply_says_why(plan: Plan, words: str) -> None:
    with pytest.raises(OrgplanError, match=words):
        apply(ORG, plan)


@given(
    st.integers(0, 500),
    st.lists(st.integers(0, 50), min_size=1, max_size=6),
)
def test_largest_remainder_adds_up_and_rounds_each_share(
    total: int, weights: list[int]
) -> None:
    shares = largest_remainder(total, weights)
    assert sum(shares) == total
    whole = sum(weights) or len(weights)
    for share, weight in zip(shares, weights, strict=True):
        exact = Fraction(total * (weight if sum(weights) else 1), whole)
        assert exact - 1 < share < exact + 1


def test_named_leaders_take_their_posts() -> None:
    plan = _plan(
        merges=(MERGE,),
        leadership=(
            Leadership(
                unit="A",
                heads=1,
                deputies=1,
                cap=3,
                head="b1",
                deputy_persons=("a1",),
            ),
        ),
    )
    roles = {p.id: p.role for p in apply(ORG, plan).staff}
    assert (roles["b1"], roles["a1"], roles["a2"]) == (
        "head",
        "deputy",
        "staff",
    )
