"""The strengthened formulation cuts off no plan (docs/formulation.md).

The deputy floors are valid inequalities: the greedy plan keeps its
objective in the strengthened model, every lawful plan a brute force
finds that the model without them can express is still expressed at the
same cost, and the optimum is the optimum of the model without them.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from orgs import scenario, synthetic
from ortools.sat.python import cp_model
from strategies import cases
from test_properties_cpsat import MAX_PLANS, _all_plans, _errors

from orgplan.model import Organisation
from orgplan.optimize.candidates import find_candidates
from orgplan.optimize.greedy import solve_greedy
from orgplan.optimize.model import SCALE, StructureModel, _Builder, build_model
from orgplan.optimize.warm import decision_values, fixed_copy
from orgplan.plan import Plan
from orgplan.scenario import Scenario

# The model rounds each incoherence cost to 1/1000 of the weight.
ROUNDING = 0.05
# Brute force with a CP-SAT completion per lawful plan: few plans only.
FEW_PLANS = 200


def _complete(built: StructureModel, cand: object, plan: Plan) -> float | None:
    """The model's objective with ``plan``'s decisions fixed."""
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 10
    trial = fixed_copy(built, decision_values(built, cand, plan))  # type: ignore[arg-type]
    status = solver.solve(trial)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return solver.objective_value / SCALE


def _optimum(built: StructureModel) -> float | None:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 10
    status = solver.solve(built.model)
    if status != cp_model.OPTIMAL:
        return None
    return solver.objective_value / SCALE


@pytest.mark.parametrize("seed", [3, 5, 7])
def test_greedy_plan_keeps_its_objective_in_the_strengthened_model(
    seed: int,
) -> None:
    org = synthetic(parents=5, children=6, seed=seed)
    sc = scenario(scope={"kinds": ["division"]})
    rules = sc.rulebook()
    greedy = solve_greedy(org, sc, rules)
    cand = find_candidates(org, sc, rules)
    built = build_model(org, sc, rules, cand)
    completed = _complete(built, cand, greedy)
    assert completed is not None, "the floors cut off the greedy plan"
    assert greedy.objective is not None
    assert completed == pytest.approx(greedy.objective, abs=ROUNDING)


def _small_case(org: Organisation, sc: Scenario) -> list[Plan] | None:
    plans = list(itertools.islice(_all_plans(org, sc), FEW_PLANS + 1))
    if len(plans) > FEW_PLANS or len(plans) > MAX_PLANS:
        return None
    return [p for p in plans if not _errors(org, sc, p)]


@pytest.mark.slow
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(cases())
def test_no_lawful_plan_is_cut_off_and_the_optimum_is_kept(
    case: tuple[Organisation, Scenario],
) -> None:
    org, sc = case
    lawful = _small_case(org, sc)
    if lawful is None:
        return
    rules = sc.rulebook()
    cand = find_candidates(org, sc, rules)
    built = build_model(org, sc, rules, cand)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_Builder, "floors", lambda self: None)
        plain = build_model(org, sc, rules, cand)
    # Every lawful plan the model without the floors can express, the
    # strengthened model expresses at the same cost. (A few lawful plans
    # neither expresses: a known gap between model and checker, not the
    # floors'.)
    for plan in lawful:
        before = _complete(plain, cand, plan)
        if before is not None:
            after = _complete(built, cand, plan)
            assert after == pytest.approx(before, abs=1e-6), plan
    strong = _optimum(built)
    weak = _optimum(plain)
    assert (strong is None) == (weak is None)
    if strong is not None and weak is not None:
        assert strong == pytest.approx(weak, abs=1e-6)


def test_the_floors_raise_the_lp_bound() -> None:
    pytest.importorskip("highspy")
    from orgplan.optimize.mip import from_cp_model, solve_highs

    org = synthetic(parents=3, children=5, seed=4)
    sc = scenario(scope={"kinds": ["division"]})
    rules = sc.rulebook()
    cand = find_candidates(org, sc, rules)

    def lp_bound() -> float:
        built = build_model(org, sc, rules, cand)
        bound = solve_highs(from_cp_model(built.model), 10, relax=True).bound
        assert bound is not None
        return bound / SCALE

    strong = lp_bound()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_Builder, "floors", lambda self: None)
        weak = lp_bound()
    optimum = _optimum(build_model(org, sc, rules, cand))
    assert optimum is not None
    assert weak < strong <= optimum + 1e-6
