"""Invariants of the staffing stage, for any organisation and rules.

Conservation (per category, staff before = staff after + separations, the
after computed by :func:`orgplan.apply.apply`), every person in exactly one
place, moves only from surplus to deficit within the rules, and the balance
agreeing with the organisation after.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from test_staffing import empty_plan

from orgplan.apply import apply
from orgplan.model import (
    STAFF_CATEGORIES,
    Locality,
    Organisation,
    Person,
    Unit,
)
from orgplan.plan import Leadership, Merge, Plan
from orgplan.scenario import Scenario
from orgplan.staffing import plan_staffing


@st.composite
def organisations(draw: st.DrawFn) -> tuple[Organisation, bool, Plan]:
    """2-7 communes on a random map, with or without a roster, and a
    structural plan that merges U1 into U0 or changes nothing."""
    n = draw(st.integers(2, 7))
    with_roster = draw(st.booleans())
    units, localities, people = [], [], []
    for i in range(n):
        split = [draw(st.integers(0, 6)) for _ in STAFF_CATEGORIES]
        actual = sum(split)
        heads = min(actual, draw(st.integers(0, 1)))
        deputies = min(actual - heads, draw(st.integers(0, 2)))
        neighbours = draw(
            st.lists(st.sampled_from([f"L{j}" for j in range(n)]), max_size=3)
        )
        units.append(
            Unit(
                id=f"U{i}",
                name=f"Đơn vị {i}",
                kind="commune",
                level="commune",
                locality=f"L{draw(st.integers(0, n - 1))}",
                quota=draw(st.integers(0, 15)),
                actual=actual,
                heads=heads,
                deputies=deputies,
                civil_servants=split[0],
                public_employees=split[1],
                contract=split[2],
            )
        )
        localities.append(
            Locality(
                id=f"L{i}",
                name=f"L{i}",
                level="commune",
                neighbours=tuple(sorted(set(neighbours))),
            )
        )
        if not with_roster:
            continue
        roles = ["head"] * heads + ["deputy"] * deputies
        k = 0
        for category, count in zip(STAFF_CATEGORIES, split, strict=True):
            for _ in range(count):
                people.append(
                    Person(
                        id=f"P{i}-{k}",
                        unit=f"U{i}",
                        category=category,
                        role=roles[k] if k < len(roles) else "staff",
                        birth_year=draw(st.integers(1963, 2003)),
                        gender=draw(st.sampled_from(["male", "female"])),
                        field=draw(st.sampled_from(["a", "b", None])),
                        excluded=draw(st.booleans()),
                    )
                )
                k += 1
    org = Organisation(
        units=tuple(units), localities=tuple(localities), staff=tuple(people)
    )
    plan = empty_plan()
    if draw(st.booleans()):
        deputies = draw(st.integers(0, 3))
        plan = plan.model_copy(
            update={
                "merges": (
                    Merge(into="U0", members=("U0", "U1"), name="Xã Mới"),
                ),
                "leadership": (
                    Leadership(
                        unit="U0", heads=1, deputies=deputies, cap=None
                    ),
                ),
            }
        )
    return org, with_roster, plan


rules = st.fixed_dictionaries(
    {
        "transfers": st.fixed_dictionaries(
            {
                "max_hops": st.one_of(st.none(), st.integers(0, 3)),
                "same_category": st.booleans(),
                "max_out_per_unit": st.one_of(st.none(), st.integers(0, 4)),
            }
        ),
        "separations": st.fixed_dictionaries(
            {"policy": st.sampled_from(["decree-178", "none"])}
        ),
        "quota": st.sampled_from(["keep", {"cut": 0.2}]),
    }
)


def run(
    drawn: tuple[Organisation, bool, Plan], staffing: dict[str, object]
) -> Plan:
    org, _, structural = drawn
    sc = Scenario.model_validate(
        {"name": "p", "data": "d", "staffing": staffing}
    )
    return plan_staffing(org, sc, sc.rulebook(), structural)


def home(plan: Plan, unit: str) -> str:
    """The unit ``unit`` is part of after the plan's merges."""
    for merge in plan.merges:
        if unit in merge.members:
            return merge.into
    return unit


@settings(max_examples=150, deadline=None)
@given(organisations(), rules)
def test_staff_before_is_staff_after_plus_separations(
    drawn: tuple[Organisation, bool, Plan], staffing: dict[str, object]
) -> None:
    org = drawn[0]
    plan = run(drawn, staffing)
    after = apply(org, plan)
    for category in STAFF_CATEGORIES:
        was = sum(u.staff_by_category().get(category, 0) for u in org.units)
        now = sum(u.staff_by_category().get(category, 0) for u in after.units)
        gone = sum(s.count for s in plan.separations if s.category == category)
        assert was == now + gone
    balance = {b.id: b for b in plan.balance}
    assert set(balance) == {u.id for u in after.units}
    for u in after.units:
        assert (u.actual, u.quota) == (
            balance[u.id].actual_after,
            balance[u.id].quota,
        )
    separated = {p for s in plan.separations for p in s.persons}
    kept = {p.id for p in after.staff}
    assert not kept & separated
    assert kept | separated == {p.id for p in org.staff}
    where = {p.id: p.unit for p in after.staff}
    for t in plan.transfers:
        assert all(where[p] == t.to for p in t.persons)


@settings(max_examples=150, deadline=None)
@given(organisations(), rules)
def test_moves_go_from_surplus_to_deficit_within_the_rules(
    drawn: tuple[Organisation, bool, Plan], staffing: dict[str, object]
) -> None:
    plan = run(drawn, staffing)
    balance = {b.id: b for b in plan.balance}
    sent, received = Counter(), Counter()
    for t in plan.transfers:
        sent[t.from_] += t.count
        received[t.to] += t.count
    transfer_rules = staffing["transfers"]
    for uid, count in sent.items():
        b = balance[uid]
        assert count <= b.actual_before - b.quota
        cap = transfer_rules["max_out_per_unit"]
        assert cap is None or count <= cap
    for uid, count in received.items():
        b = balance[uid]
        assert count <= b.quota - b.actual_before
    assert not set(sent) & set(received)
    max_hops = transfer_rules["max_hops"]
    for t in plan.transfers:
        assert max_hops is None or t.hops <= max_hops


@settings(max_examples=150, deadline=None)
@given(organisations(), rules)
def test_every_person_is_in_exactly_one_place(
    drawn: tuple[Organisation, bool, Plan], staffing: dict[str, object]
) -> None:
    org, with_roster, _ = drawn
    plan = run(drawn, staffing)
    person = {p.id: p for p in org.staff}
    placed = [p for t in plan.transfers for p in t.persons]
    placed += [p for s in plan.separations for p in s.persons]
    assert len(placed) == len(set(placed))
    assert [m.person for m in plan.movers] == placed
    if not with_roster:
        assert placed == []
        return
    for t in plan.transfers:
        assert len(t.persons) == t.count
        for pid in t.persons:
            p = person[pid]
            assert (home(plan, p.unit), p.category, p.role) == (
                t.from_,
                t.category,
                "staff",
            )
            assert not p.excluded
    for s in plan.separations:
        assert len(s.persons) == s.count
        for pid in s.persons:
            p = person[pid]
            assert (home(plan, p.unit), p.category, p.role) == (
                s.unit,
                s.category,
                "staff",
            )
            assert not p.excluded
