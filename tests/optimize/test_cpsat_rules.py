"""CP-SAT on tiny organisations: one rule at a time.

Each test sets weights so that only the rule under test drives the
decision, then states what the plan must (or must not) contain. Every
plan goes through the solver-free checker last.
"""

from __future__ import annotations

from typing import Any

import pytest
from orgs import assert_checked, members, organisation, scenario, solve, unit

from orgplan.i18n import message
from orgplan.model import Organisation
from orgplan.plan import SolveStatus

# Only incoherence counts: nothing merges unless a rule makes it.
QUIET = {
    "focal_points": 0,
    "leaders": 0,
    "layers": 0,
    "imbalance": 0,
    "incoherence": 1,
}
DEPARTMENTS = {"kinds": ["department"]}
TAXONOMY = (
    "plan.invest:plan plan.budget:plan finance.budget:finance "
    "transport.road:transport construction:transport"
)


@pytest.fixture
def five() -> Organisation:
    """Five departments under a province; two pairs share functions."""
    return organisation(
        unit("P", "province", None, quota=0, deputies=0),
        unit("KHDT", "department", "P", "plan.invest plan.budget", 40, 38),
        unit("STC", "department", "P", "finance.budget plan.budget", 50, 52),
        unit("GTVT", "department", "P", "transport.road", 60, deputies=3),
        unit("SXD", "department", "P", "construction transport.road", 45),
        unit("SNV", "department", "P", "home.affairs", 30, deputies=2),
        taxonomy=TAXONOMY,
    )


def departments_after(org: Organisation, plan: Any) -> int:
    gone = {u for m in plan.merges for u in m.members if u != m.into}
    gone |= {s.unit for s in plan.splits} | {f.unit for f in plan.flattened}
    return sum(
        1 for u in org.units if u.kind == "department" and u.id not in gone
    )


def test_without_a_reason_nothing_merges(five: Organisation) -> None:
    sc = scenario(scope=DEPARTMENTS, weights=QUIET)
    plan = solve(five, sc).plan
    assert plan.status == SolveStatus.OPTIMAL
    assert plan.merges == () and plan.splits == ()
    assert plan.objective == 0
    assert_checked(five, sc, plan)


def test_max_units_merges_the_most_similar_pair(five: Organisation) -> None:
    sc = scenario(
        scope=DEPARTMENTS,
        weights=QUIET,
        targets={"max_units": {"department": 4}},
    )
    plan = solve(five, sc).plan
    assert departments_after(five, plan) == 4
    assert members(plan) == [{"GTVT", "SXD"}]
    assert plan.merges[0].into == "GTVT"  # the member with the most staff
    assert any(
        "transport.road" in message(r) for r in plan.merges[0].reasons
    )
    assert any("at most 4" in message(r) for r in plan.binding_rules)
    assert_checked(five, sc, plan)


def test_a_locked_unit_takes_part_in_nothing(five: Organisation) -> None:
    sc = scenario(
        scope=DEPARTMENTS,
        weights=QUIET,
        targets={"max_units": {"department": 4}},
        locks=["GTVT"],
    )
    plan = solve(five, sc).plan
    touched = {u for m in plan.merges for u in m.members}
    touched |= {p.to for s in plan.splits for p in s.parts}
    assert "GTVT" not in touched
    assert "GTVT" not in {lead.unit for lead in plan.leadership}
    assert departments_after(five, plan) == 4
    assert_checked(five, sc, plan)


def test_must_merge_joins_unrelated_units(five: Organisation) -> None:
    sc = scenario(
        scope=DEPARTMENTS, weights=QUIET, must_merge=[["KHDT", "SNV"]]
    )
    plan = solve(five, sc).plan
    assert members(plan) == [{"KHDT", "SNV"}]
    assert_checked(five, sc, plan)


def test_must_not_merge_keeps_a_pair_apart(five: Organisation) -> None:
    # Widened coherence: the pair kept apart, not coherence, decides.
    sc = scenario(
        scope=DEPARTMENTS | {"allow_pairs": [["*", "*"]]},
        weights=QUIET,
        targets={"max_units": {"department": 3}},
        must_not_merge=[["GTVT", "SXD"]],
    )
    plan = solve(five, sc).plan
    assert departments_after(five, plan) == 3
    assert not any({"GTVT", "SXD"} <= group for group in members(plan))
    assert_checked(five, sc, plan)


def test_min_cut_of_focal_points(five: Organisation) -> None:
    # 5 focal points (the province is not one): 40% fewer leaves 3.
    sc = scenario(
        scope=DEPARTMENTS,
        weights=QUIET,
        targets={"min_cut": {"focal_points": 0.4}},
    )
    plan = solve(five, sc).plan
    assert plan.objective_terms["focal_points"] == 3
    assert departments_after(five, plan) == 3
    assert_checked(five, sc, plan)


def test_group_size_is_bounded(five: Organisation) -> None:
    sc = scenario(
        scope={"kinds": ["department"], "max_group_size": 2},
        weights={**QUIET, "focal_points": 100},
    )
    plan = solve(five, sc).plan
    assert plan.merges
    assert all(len(m.members) <= 2 for m in plan.merges)
    assert_checked(five, sc, plan)


def test_merge_within_parent_keeps_cousins_apart() -> None:
    org = organisation(
        unit("P", "province", None, quota=0, deputies=0),
        unit("D1", "department", "P", "fin", 30, deputies=3),
        unit("D2", "department", "P", "fin", 30, deputies=3),
        unit("A", "division", "D1", "fin.budget", 10),
        unit("B", "division", "D2", "fin.budget", 10),
        unit("C", "division", "D1", "fin.tax", 10),
        taxonomy="fin.budget:fin fin.tax:fin",
    )
    sc = scenario(
        scope={
            "kinds": ["division"],
            "merge_within": "parent",
            "allow_fold": False,
        },
        weights={**QUIET, "focal_points": 100},
    )
    plan = solve(org, sc).plan
    assert members(plan) == [{"A", "C"}]
    assert_checked(org, sc, plan)


def test_an_undersized_division_must_merge() -> None:
    # A has a quota of 3, below the division minimum of 5; nothing else
    # rewards a merge, and folds are switched off.
    org = organisation(
        unit("D", "department", None, "fin", 10, deputies=3),
        unit("A", "division", "D", "fin.budget", 3, deputies=0),
        unit("B", "division", "D", "fin.tax", 10),
        unit("C", "division", "D", "legal", 12),
        taxonomy="fin.budget:fin fin.tax:fin",
    )
    sc = scenario(
        scope={"kinds": ["division"], "allow_fold": False}, weights=QUIET
    )
    plan = solve(org, sc).plan
    assert members(plan) == [{"A", "B"}]
    assert plan.merges[0].into == "B"
    assert any("undersized" in message(r) for r in plan.merges[0].reasons)
    assert_checked(org, sc, plan)


def test_an_undersized_sub_department_is_folded() -> None:
    # CC has a quota of 8, below the sub-department minimum of 12, and no
    # sibling to merge with: it is folded into its department, and its
    # division moves up to the department.
    org = organisation(
        unit("P", "province", None, quota=0, deputies=0),
        unit("D", "department", "P", "forest", 30, deputies=3),
        unit("CC", "sub_department", "D", "forest.guard", 8),
        unit("X", "division", "CC", "forest.guard", 6, deputies=0),
        taxonomy="forest.guard:forest",
    )
    sc = scenario(
        scope={"kinds": ["department", "sub_department"]}, weights=QUIET
    )
    plan = solve(org, sc).plan
    assert [(f.unit, f.into) for f in plan.flattened] == [("CC", "D")]
    assert plan.objective_terms["layers"] == 1  # D now, X's parent
    assert_checked(org, sc, plan)


def test_a_unit_is_split_by_function() -> None:
    # LD's two functions belong to two other sectors, and its surplus
    # staff fill both receivers' deficits: splitting beats merging it
    # whole into either.
    org = organisation(
        unit("P", "province", None, quota=0, deputies=0),
        unit("LD", "department", "P", "voc prot", quota=4, actual=20),
        unit("SGD", "department", "P", "school voc2", 30, actual=20),
        unit("SYT", "department", "P", "hospital prot2", 30, actual=20),
        taxonomy=(
            "voc:edu voc2:edu school:edu prot:health prot2:health "
            "hospital:health"
        ),
    )
    sc = scenario(
        scope=DEPARTMENTS,
        weights={**QUIET, "imbalance": 1, "incoherence": 2},
        targets={"max_units": {"department": 2}},
    )
    plan = solve(org, sc).plan
    assert plan.merges == ()
    (split,) = plan.splits
    parts = {(p.to, p.functions, p.staff) for p in split.parts}
    assert parts == {("SGD", ("voc",), 10), ("SYT", ("prot",), 10)}
    assert_checked(org, sc, plan)


@pytest.mark.parametrize(
    ("transition", "deputies", "excess"), [("keep", 7, 3), ("cap", 4, 0)]
)
def test_deputies_of_a_merged_department(
    five: Organisation, transition: str, deputies: int, excess: int
) -> None:
    # KHDT and STC: 2 heads and 6 deputies; the cap of a department formed
    # from 2 is 3 + 1. Keep: all but the new head stay as deputies.
    sc = scenario(
        scope=DEPARTMENTS,
        weights=QUIET,
        must_merge=[["KHDT", "STC"]],
        leadership={"transition": transition},
    )
    five = organisation(
        *(
            u.model_copy(update={"deputies": 3})
            if u.kind == "department"
            else u
            for u in five.units
        ),
        taxonomy=TAXONOMY,
    )
    plan = solve(five, sc).plan
    (merge,) = plan.merges
    (lead,) = [lead for lead in plan.leadership if lead.unit == merge.into]
    assert (lead.heads, lead.deputies, lead.cap) == (1, deputies, 4)
    assert lead.excess == excess
    assert (lead.reduce_by is not None) == (excess > 0)
    assert_checked(five, sc, plan)


def test_division_cap_follows_civil_servants() -> None:
    # Two divisions of 6 civil servants make one of 12: at most 2
    # deputies (Decree 370/2025), so 3 former leaders less the head are
    # cut to 2 under the cap transition.
    org = organisation(
        unit("D", "department", None, "fin", 10, deputies=3),
        unit("A", "division", "D", "fin.a", 6, civil_servants=6),
        unit("B", "division", "D", "fin.b", 6, civil_servants=6),
        taxonomy="fin.a:fin fin.b:fin",
    )
    sc = scenario(
        scope={"kinds": ["division"], "allow_fold": False},
        weights=QUIET,
        must_merge=[["A", "B"]],
        leadership={"transition": "cap"},
    )
    plan = solve(org, sc).plan
    (lead,) = plan.leadership
    assert (lead.deputies, lead.cap) == (2, 2)
    assert_checked(org, sc, plan)


def test_child_never_has_more_deputies_than_parent() -> None:
    # Merging A, B and C would keep 5 deputies (3 heads and 3 deputies
    # but the new head) under a department with 2: they are cut to 2.
    org = organisation(
        unit("D", "department", None, "fin", 10, deputies=2),
        *(
            unit(u, "division", "D", f"fin.{u}", 12, civil_servants=12)
            for u in "ABC"
        ),
        taxonomy="fin.A:fin fin.B:fin fin.C:fin",
    )
    sc = scenario(
        scope={"kinds": ["division"], "allow_fold": False},
        weights={**QUIET, "focal_points": 100},
    )
    plan = solve(org, sc).plan
    assert [len(m.members) for m in plan.merges] == [3]
    (lead,) = plan.leadership
    assert (lead.deputies, lead.cap, lead.excess) == (2, 3, 0)
    assert_checked(org, sc, plan)


def test_a_division_folds_into_a_department_outside_the_scope() -> None:
    # The receiver of a fold may be outside the scope; a locked one may
    # not, and a lock protects the subtree: B stays below its minimum
    # under the locked E (a warning), it does not merge with C.
    org = organisation(
        unit("D", "department", None, "fin", 10, deputies=3),
        unit("E", "department", None, "legal", 10, deputies=3, locked=True),
        unit("A", "division", "D", "fin.a", 3, deputies=0),
        unit("B", "division", "E", "legal.b", 3, deputies=0),
        unit("C", "division", "E", "legal.c", 10),
        taxonomy="fin.a:fin legal.b:legal legal.c:legal",
    )
    sc = scenario(scope={"kinds": ["division"]}, weights=QUIET)
    plan = solve(org, sc).plan
    assert [(f.unit, f.into) for f in plan.flattened] == [("A", "D")]
    assert members(plan) == []
    assert_checked(org, sc, plan)


def test_min_cut_of_layers_folds_a_level() -> None:
    # Four levels (province, department, sub-department, division); a
    # quarter fewer leaves three, so one level in the chain must fold:
    # folding CC disturbs two units (CC, D), folding X and Y three.
    org = organisation(
        unit("P", "province", None, quota=0, deputies=0),
        unit("D", "department", "P", "forest", 30, deputies=3),
        unit("CC", "sub_department", "D", "forest.guard", 20),
        unit("X", "division", "CC", "forest.guard", 6, deputies=0),
        unit("Y", "division", "CC", "forest.fire", 6, deputies=0),
        taxonomy="forest.guard:forest forest.fire:forest",
    )
    sc = scenario(
        scope={"kinds": ["sub_department", "division"]},
        weights={**QUIET, "disruption": 1},
        targets={"min_cut": {"layers": 0.25}},
    )
    plan = solve(org, sc).plan
    assert [(f.unit, f.into) for f in plan.flattened] == [("CC", "D")]
    assert_checked(org, sc, plan)
