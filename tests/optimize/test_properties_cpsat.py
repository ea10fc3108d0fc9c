"""Properties of CP-SAT plans on generated organisations and scenarios.

Every plan CP-SAT returns passes the solver-free checker; every scenario
it declares infeasible has no plan that the checker accepts, which a
brute force over all merges and folds confirms on small cases.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from hypothesis import HealthCheck, given, settings
from orgs import assert_checked, organisation, scenario, solve, unit
from strategies import cases

from orgplan.check import check_plan
from orgplan.errors import InfeasibleScenario
from orgplan.model import Organisation
from orgplan.optimize import solve_structure
from orgplan.optimize.candidates import may_merge_reason
from orgplan.optimize.greedy import plan_leadership
from orgplan.plan import Flattening, Merge, Plan, SolveStatus
from orgplan.scenario import Scenario

# Brute force only where the plans to try stay few.
MAX_PLANS = 4000


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(cases())
def test_cpsat_plans_pass_the_checker(
    case: tuple[Organisation, Scenario],
) -> None:
    org, sc = case
    sc = sc.model_copy(
        update={
            "solver": sc.solver.model_copy(
                update={"reproducible": True, "time_limit_s": 3}
            )
        }
    )
    try:
        result = solve_structure(org, sc, sc.rulebook())
    except InfeasibleScenario as error:
        assert error.conflicts
        plans = list(itertools.islice(_all_plans(org, sc), MAX_PLANS + 1))
        if len(plans) <= MAX_PLANS:
            lawful = [p for p in plans if not _errors(org, sc, p)]
            assert lawful == [], "a plan exists for an 'infeasible' case"
        return
    assert result.plan.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)
    assert_checked(org, sc, result.plan)


def test_a_division_above_its_parent_may_be_cut_after_a_fold() -> None:
    """Regression found by the property above: the model kept a
    division's deputies at least at their old number even when its parent
    sub-department folded into a department with fewer deputies, and
    declared infeasible a case with lawful plans."""
    org = organisation(
        unit("P", "province", None, quota=0, actual=0, heads=0, deputies=0),
        unit("D0", "department", "P", "fin", quota=3, actual=0, deputies=0),
        unit(
            "D0S",
            "sub_department",
            "D0",
            "fin.0",
            quota=2,
            actual=0,
            deputies=0,
        ),
        unit("D0SV0", "division", "D0S", "fin.0", quota=2, actual=0),
        unit(
            "D0SV1", "division", "D0S", "fin.0", quota=3, actual=0, deputies=0
        ),
        taxonomy="fin: fin.0:fin",
    )
    sc = scenario(
        scope={
            "kinds": ["department", "division", "sub_department"],
            "max_group_size": 2,
        },
        weights={
            "focal_points": 0,
            "leaders": 0,
            "layers": 0,
            "imbalance": 0,
            "incoherence": 0,
        },
    )
    assert any(not _errors(org, sc, p) for p in _all_plans(org, sc))
    result = solve_structure(org, sc, sc.rulebook())
    assert_checked(org, sc, result.plan)


def test_an_untouched_unit_above_its_cap_lists_its_excess() -> None:
    """Regression found by the property above (hypothesis seed
    18926691680941026464768262356729936201): D1V0 was above its cap in
    the input (2 deputies, a cap of 1 by its 2 civil servants) and had
    nothing to decide, so the block decomposition solved no model for it
    and the plan gave it no leadership entry. docs/semantics.md section
    4: a unit kept above its cap is listed with its excess and deadline.
    """
    org = organisation(
        unit("P", "province", None, quota=0, actual=0, heads=0, deputies=0),
        unit("D0", "department", "P", "fin", quota=3, actual=0, deputies=0),
        unit(
            "D0S",
            "sub_department",
            "D0",
            "fin.0",
            quota=2,
            actual=0,
            deputies=0,
        ),
        unit("D0SV0", "division", "D0S", "fin.0", quota=2, actual=0,
             deputies=0),
        unit("D1", "department", "P", "edu", quota=3, actual=0, deputies=0),
        unit("D1V0", "division", "D1", "edu.0", quota=5, actual=2,
             deputies=2),
        taxonomy="fin: fin.0:fin edu: edu.0:edu",
    )  # fmt: skip
    sc = scenario(
        scope={"kinds": ["division"], "max_group_size": 2},
        weights={
            "focal_points": 0,
            "leaders": 0,
            "layers": 0,
            "imbalance": 0,
            "incoherence": 0,
            "disruption": 0,
        },
    )
    result = solve(org, sc)
    kept = {lead.unit: lead for lead in result.plan.leadership}
    assert kept["D1V0"].excess == 1 and kept["D1V0"].reduce_by
    assert_checked(org, sc, result.plan)


def _errors(org: Organisation, sc: Scenario, plan: Plan) -> list[str]:
    # Leadership as the baseline sets it, on the units the plan may
    # decide (the optimiser never changes a unit outside the scope).
    locked = {u.id for u in org.units if u.locked} | set(sc.locks)
    leaders = tuple(
        lead
        for lead in plan_leadership(org, sc, sc.rulebook(), plan)
        if org.unit(lead.unit).kind in sc.scope.kinds
        and lead.unit not in locked
    )
    plan = plan.model_copy(update={"leadership": leaders})
    return [
        v.rule
        for v in check_plan(org, sc, plan)
        if v.severity == "error" and v.rule != "objective"
    ]


def _all_plans(org: Organisation, sc: Scenario) -> Iterator[Plan]:
    """Every plan of merges and folds among the movable units."""
    rules = sc.rulebook()
    locked = {u.id for u in org.units if u.locked} | set(sc.locks)
    movable = [
        u.id
        for u in org.units
        if u.kind in sc.scope.kinds and u.id not in locked
    ]
    choices = []
    for uid in movable:
        unit = org.unit(uid)
        options: list[tuple[str, str]] = [("stay", uid)]
        options += [
            ("join", other)
            for other in movable
            if other != uid
            and sc.scope.allow_merge
            and may_merge_reason(org, sc, rules, uid, other) is None
        ]
        least = rules.kind(unit.kind).min_staff
        if (
            sc.scope.allow_fold
            and rules.kind(unit.kind).foldable
            and (org.children(uid) or (least and unit.quota < least))
            and unit.parent is not None
            and unit.parent not in locked
        ):
            options.append(("fold", unit.parent))
        choices.append(options)
    for pick in itertools.product(*choices):
        fate = dict(zip(movable, pick, strict=True))
        groups: dict[str, list[str]] = {}
        folds = []
        valid = True
        for uid, (what, target) in fate.items():
            if what == "join":
                valid &= fate[target] == ("stay", target)
                groups.setdefault(target, [target]).append(uid)
            elif what == "fold":
                valid &= fate.get(target, ("stay", target)) == (
                    "stay",
                    target,
                )
                folds.append(Flattening(unit=uid, into=target))
        if not valid:
            continue
        yield Plan(
            scenario=sc.name,
            status=SolveStatus.FEASIBLE,
            merges=tuple(
                Merge(into=r, members=tuple(m), name=org.unit(r).name)
                for r, m in groups.items()
            ),
            flattened=tuple(folds),
        )


def test_brute_force_finds_the_plan_of_a_feasible_case() -> None:
    # The brute force itself must find lawful plans where they exist.
    org = organisation(
        unit("D", "department", None, "fin", 10, deputies=3),
        unit("A", "division", "D", "fin.a", 3, deputies=0),
        unit("B", "division", "D", "fin.b", 10),
        taxonomy="fin.a:fin fin.b:fin",
    )
    sc = scenario(scope={"kinds": ["division"]})
    lawful = [p for p in _all_plans(org, sc) if not _errors(org, sc, p)]
    assert {(len(p.merges), len(p.flattened)) for p in lawful} >= {
        (1, 0),
        (0, 1),
    }
    assert _errors(org, sc, Plan(scenario="t", status="feasible"))
