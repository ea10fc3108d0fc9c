"""Properties of apply, check and the greedy baseline on random cases."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import cases, organisations, structural_plans

from orgplan.apply import apply
from orgplan.check import check_plan
from orgplan.errors import InfeasibleScenario
from orgplan.graph import hierarchy
from orgplan.model import Organisation
from orgplan.optimize.greedy import solve_greedy
from orgplan.plan import Plan
from orgplan.scenario import Scenario

FAST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Rules that any well-formed plan keeps, lawful or not: apply's invariants.
INVARIANTS = {
    "tree",
    "conservation",
    "person_accounted",
    "staff_total",
    "units_after",
    "function_owner",
}
ANYTHING = Scenario.model_validate(
    {
        "name": "mọi thứ",
        "data": Path("data"),
        "scope": {
            "kinds": [
                "department",
                "division",
                "sub_department",
                "public_service_unit",
            ],
            "merge_within": "anywhere",
        },
    }
)


def _with_plan() -> st.SearchStrategy[tuple[Organisation, Plan]]:
    return organisations().flatmap(
        lambda org: st.tuples(st.just(org), structural_plans(org))
    )


@FAST
@given(cases())
def test_every_greedy_plan_passes_the_checker(
    case: tuple[Organisation, Scenario],
) -> None:
    org, scenario = case
    try:
        plan = solve_greedy(org, scenario, scenario.rulebook())
    except InfeasibleScenario as error:
        assert error.conflicts
        return
    errors = [
        v for v in check_plan(org, scenario, plan) if v.severity == "error"
    ]
    assert errors == []


@settings(max_examples=15, deadline=None)
@given(cases())
def test_greedy_is_deterministic(case: tuple[Organisation, Scenario]) -> None:
    org, scenario = case
    runs = []
    for _ in range(2):
        try:
            plan = solve_greedy(org, scenario, scenario.rulebook())
        except InfeasibleScenario as error:
            runs.append(str(error))
        else:
            runs.append(plan.model_copy(update={"solve_seconds": 0}))
    assert runs[0] == runs[1]


@FAST
@given(_with_plan())
def test_apply_keeps_the_invariants(case: tuple[Organisation, Plan]) -> None:
    org, plan = case
    after = apply(org, plan)
    plan = plan.model_copy(update={"units_after": after.units})
    broken = [
        v for v in check_plan(org, ANYTHING, plan) if v.rule in INVARIANTS
    ]
    assert broken == []


@FAST
@given(_with_plan())
def test_apply_conserves_staff_and_quota(
    case: tuple[Organisation, Plan],
) -> None:
    org, plan = case
    after = apply(org, plan)
    separated = sum(s.count for s in plan.separations)
    assert sum(u.actual for u in after.units) + separated == sum(
        u.actual for u in org.units
    )
    assert sum(u.quota for u in after.units) == sum(u.quota for u in org.units)
    named = Counter(s.category for s in plan.separations for _ in s.persons)
    assert Counter(p.category for p in after.staff) + named == Counter(
        p.category for p in org.staff
    )
    removed = {m for merge in plan.merges for m in merge.members[1:]}
    removed |= {f.unit for f in plan.flattened} | {s.unit for s in plan.splits}
    assert {u.id for u in after.units} == {u.id for u in org.units} - removed


@FAST
@given(_with_plan())
def test_the_hierarchy_after_is_a_forest(
    case: tuple[Organisation, Plan],
) -> None:
    org, plan = case
    after = apply(org, plan)
    graph = hierarchy(after)
    assert nx.is_forest(graph.to_undirected())
    assert all(u.parent is None or u.parent in graph for u in after.units)
    assert len(after.roots) == len(org.roots)
