"""The greedy baseline: lawful, deterministic, and plain about failure."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from orgplan.check import check_plan, objective_terms, objective_value
from orgplan.errors import InfeasibleScenario
from orgplan.i18n import message
from orgplan.io import load_scenario, read_organisation
from orgplan.model import FunctionDef, Organisation, Unit
from orgplan.optimize.greedy import plan_leadership, solve_greedy
from orgplan.plan import Merge, Plan, SolveStatus
from orgplan.scenario import Scenario

SCENARIOS = Path(__file__).parent.parent.parent / "scenarios"


def _unit(uid: str, kind: str, parent: str | None, **kw: Any) -> Unit:
    return Unit(
        id=uid, name=f"Phòng {uid}", kind=kind, level="province",
        parent=parent, locality="L1", heads=1, **kw,
    )  # fmt: skip


# Department D (2 deputies) with three divisions: A and B do budget work,
# C does education; B is undersized (quota 4 < 5).
ORG = Organisation(
    units=(
        _unit("D", "department", None, functions=("fin",), quota=8,
              actual=8, deputies=2),
        _unit("A", "division", "D", functions=("fin.budget",), quota=6,
              actual=6, deputies=1, civil_servants=6),
        _unit("B", "division", "D", functions=("fin.budget", "fin.tax"),
              quota=4, actual=3, deputies=1, civil_servants=3),
        _unit("C", "division", "D", functions=("edu.schools",), quota=7,
              actual=7, deputies=1, civil_servants=7),
    ),
    functions=(
        FunctionDef(code="fin"),
        FunctionDef(code="fin.budget", parent="fin"),
        FunctionDef(code="fin.tax", parent="fin"),
        FunctionDef(code="edu"),
        FunctionDef(code="edu.schools", parent="edu"),
    ),
)  # fmt: skip


def _scenario(**changes: Any) -> Scenario:
    data: dict[str, Any] = {
        "name": "phòng",
        "data": Path("data"),
        "scope": {"kinds": ["division"], "allow_fold": False},
        "weights": {"focal_points": 1, "leaders": 1, "disruption": 5},
    }
    return Scenario.model_validate(data | changes)


def _solve(scenario: Scenario) -> Plan:
    return solve_greedy(ORG, scenario, scenario.rulebook())


def test_the_undersized_unit_merges_with_its_most_similar_sibling() -> None:
    scenario = _scenario()
    plan = _solve(scenario)
    assert [(m.into, set(m.members)) for m in plan.merges] == [
        ("A", {"A", "B"})
    ]
    reasons = " ".join(map(message, plan.merges[0].reasons))
    assert "fin.budget" in reasons
    assert "below the minimum of 5" in reasons
    assert plan.status is SolveStatus.FEASIBLE
    assert plan.method == "greedy"
    assert check_plan(ORG, scenario, plan) == []


def test_objective_and_terms_are_the_checkers() -> None:
    scenario = _scenario()
    plan = _solve(scenario)
    terms = objective_terms(ORG, scenario, plan)
    assert plan.objective_terms == terms
    assert plan.objective == objective_value(terms, scenario.weights)


def test_it_stops_when_no_step_lowers_the_objective() -> None:
    """With disruption dear, merging C as well would cost more than the
    focal point and the head it saves."""
    plan = _solve(_scenario())
    assert "C" not in {m for merge in plan.merges for m in merge.members}


def test_a_target_forces_further_merges() -> None:
    # C (schools) is unrelated to A and B (finance): the scenario widens
    # coherence so that the target alone decides.
    scenario = _scenario(
        targets={"max_units": {"division": 1}},
        scope={
            "kinds": ["division"],
            "allow_fold": False,
            "allow_pairs": [["division", "division"]],
        },
    )
    plan = _solve(scenario)
    assert [set(m.members) for m in plan.merges] == [{"A", "B", "C"}]
    assert check_plan(ORG, scenario, plan) == []


@pytest.mark.parametrize(
    ("transition", "deputies", "excess"),
    # keep: the three former leaders but one stay, capped by the parent's
    # two deputies; cap: the cap of a division under 10 civil servants.
    [("keep", 2, 1), ("cap", 1, 0)],
)
def test_leadership_transition(
    transition: str, deputies: int, excess: int
) -> None:
    scenario = _scenario(leadership={"transition": transition})
    plan = Plan(
        scenario="phòng",
        status=SolveStatus.FEASIBLE,
        merges=(Merge(into="A", members=("A", "B"), name="Phòng A"),),
    )
    (entry,) = plan_leadership(ORG, scenario, scenario.rulebook(), plan)
    assert (entry.unit, entry.heads, entry.deputies) == ("A", 1, deputies)
    assert (entry.cap, entry.excess) == (1, excess)
    rulebook = scenario.rulebook()
    assert entry.reduce_by == (rulebook.excess_deadline if excess else None)


def test_must_merge_that_the_scope_forbids_is_infeasible() -> None:
    scenario = _scenario(
        must_merge=[["A", "D"]], scope={"kinds": ["division", "department"]}
    )
    with pytest.raises(
        InfeasibleScenario,
        match=re.escape("must_merge D, A: D (a department) may not merge"),
    ):
        _solve(scenario)


def test_an_unreachable_target_is_named() -> None:
    scenario = _scenario(locks=["C"], targets={"max_units": {"division": 1}})
    with pytest.raises(InfeasibleScenario, match="at most 1 allowed"):
        _solve(scenario)


def test_it_never_changes_its_input() -> None:
    before = ORG.model_dump()
    _solve(_scenario())
    assert ORG.model_dump() == before


@pytest.mark.parametrize("name", ["province-small", "sub-departments"])
def test_bundled_scenarios_pass_the_checker(name: str) -> None:
    scenario = load_scenario(SCENARIOS / name)
    org = read_organisation(scenario.data)
    plan = solve_greedy(org, scenario, scenario.rulebook())
    errors = [
        v for v in check_plan(org, scenario, plan) if v.severity == "error"
    ]
    assert errors == []
    again = solve_greedy(org, scenario, scenario.rulebook())
    assert again.model_copy(update={"solve_seconds": 0}) == plan.model_copy(
        update={"solve_seconds": 0}
    )


def test_only_the_undersized_leaf_folds() -> None:
    # Leaves A and C are of normal size: folding them is not allowed, so
    # with merges off only B can go and one division is all it removes.
    scope = {"kinds": ["division"], "allow_merge": False}
    scenario = _scenario(scope=scope, targets={"max_units": {"division": 2}})
    plan = _solve(scenario)
    assert [(f.unit, f.into) for f in plan.flattened] == [("B", "D")]
    assert check_plan(ORG, scenario, plan) == []
    with pytest.raises(InfeasibleScenario, match="at most 1 allowed"):
        _solve(_scenario(scope=scope, targets={"max_units": {"division": 1}}))


@pytest.mark.parametrize(
    "name", ["province-small", "sub-departments", "province-departments"]
)
def test_running_totals_agree_with_the_checker(name: str) -> None:
    # The search steers by running totals; after every step they must
    # still be what the checker measures on the plan from scratch.
    from orgplan.optimize.greedy import _by_effect, _Live, _Search

    scenario = load_scenario(SCENARIOS / name)
    org = read_organisation(scenario.data)
    search = _Search(org, scenario, scenario.rulebook())
    live = _Live(search, search.must_merge(), _by_effect)
    live.run(folds_only=True)
    live.run(folds_only=False)
    score = search.score(live.draft())
    shortfall, objective = live.value()
    assert objective == pytest.approx(score.objective, abs=0.01)
    assert shortfall == score.shortfall == 0
    assert score.plan.merges or score.plan.flattened
