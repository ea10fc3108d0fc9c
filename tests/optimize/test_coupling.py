"""Targets that do not tie the blocks together: kept in one block, or
checked on the joined plan (orgplan.optimize.coupling)."""

from __future__ import annotations

import importlib
import random
from pathlib import Path
from typing import Any

import pytest
from orgs import assert_checked, organisation, scenario, unit

import orgplan.optimize.coupling as coupling
from orgplan.apply import apply_structure
from orgplan.graph import metrics
from orgplan.i18n import message
from orgplan.model import Organisation
from orgplan.optimize import solve_structure
from orgplan.optimize.candidates import find_candidates
from orgplan.optimize.coupling import block_scenario, separate
from orgplan.optimize.greedy import solve_greedy
from orgplan.optimize.progress import Progress
from orgplan.plan import Plan, SolveStatus
from orgplan.scenario import Scenario
from orgplan.semantics.targets import cut_limit

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def province() -> Organisation:
    """Five departments and six communes with their schools (the bench's
    M province, small): schools below the minimum staff must merge."""
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(ROOT))
        bench = importlib.import_module("bench.generate")
    units, places, functions = bench.province(
        random.Random(3),
        code="",
        name="Thử",
        departments=bench.DEPARTMENTS[:5],
        communes=6,
    )
    return Organisation(
        units=tuple(units),
        localities=tuple(places),
        functions=tuple(functions.values()),
        name="test province",
    )


def make(decompose: str = "auto", **targets: Any) -> Scenario:
    return Scenario.model_validate(
        {
            "name": "test province",
            "data": "data/",
            "scope": {
                "kinds": ["department", "division", "public_service_unit"],
                "merge_within": "parent",
                "allow_fold": False,
            },
            "targets": targets,
            "weights": {
                "focal_points": 10,
                "leaders": 3,
                "layers": 5,
                "incoherence": 30,
            },
            "solver": {
                "time_limit_s": 20,
                "workers": 1,
                "seed": 1,
                "reproducible": True,
                "decompose": decompose,
            },
        }
    )


TARGETS = {"max_units": {"department": 4}, "min_cut": {"focal_points": 0.1}}


def _separation(org: Organisation, sc: Scenario) -> coupling.Separation:
    rulebook = sc.rulebook()
    cand = find_candidates(org, sc, rulebook)
    return separate(org, sc, rulebook, cand, lambda: False)


def test_a_department_limit_stays_in_the_departments_block(
    province: Organisation,
) -> None:
    sep = _separation(province, make(**TARGETS))
    departments = {u.id for u in province.units if u.kind == "department"}
    holding = [b for b in sep.blocks if b & departments]
    assert len(sep.blocks) > 2
    assert len(holding) == 1 and departments <= holding[0]
    assert sep.dropped == ("min_cut.focal_points",)


def test_a_cut_target_that_binds_keeps_one_block(
    province: Organisation,
) -> None:
    rulebook = make().rulebook()
    free = solve_greedy(province, make(), rulebook, lambda: False)
    before = metrics(province, rulebook).focal_points
    # One focal point more cut than the greedy plan without the target
    # makes: the target binds, and the blocks cannot be solved apart.
    fraction = (before - _focal_after(province, free) + 1) / before
    sc = make(min_cut={"focal_points": fraction})
    sep = _separation(province, sc)
    movable = find_candidates(province, sc, rulebook).movable
    assert sep.blocks == [set(movable)]
    assert sep.dropped == ()
    # With room to spare, it is left out of the blocks.
    fraction = (before - _focal_after(province, free) - 1) / before - 0.05
    sc = make(min_cut={"focal_points": fraction})
    assert _separation(province, sc).dropped == ("min_cut.focal_points",)


@pytest.mark.slow
def test_the_joined_plan_meets_every_target_and_is_the_one_model_s(
    province: Organisation,
) -> None:
    sc = make(**TARGETS)
    reports: list[Progress] = []
    plan = solve_structure(
        province, sc, sc.rulebook(), progress=reports.append
    ).plan
    # A block's bound, the blocks after it not solved yet, is no bound of
    # the whole plan: none is shown before the last block's.
    bounds = [r.bound for r in reports if r.bound is not None]
    assert plan.objective is not None and bounds
    assert max(bounds) <= plan.objective
    whole = make("none", **TARGETS)
    one = solve_structure(province, whole, whole.rulebook()).plan
    words = [message(n) for n in plan.notes]
    assert any(w.startswith("solved in ") for w in words)
    assert any("min_cut.focal_points" in w for w in words)
    assert plan.status == one.status == SolveStatus.OPTIMAL
    assert plan.objective == one.objective
    assert_checked(province, sc, plan)


def test_a_target_the_blocks_miss_is_solved_again_as_one_model(
    province: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A negative slack leaves out a cut target that binds: the blocks,
    # solved without it, merge only what minimum staff asks, and their
    # joined plan misses it.
    monkeypatch.setattr(coupling, "SLACK", -0.5)
    rulebook = make().rulebook()
    free = solve_structure(province, make(), rulebook).plan
    before = metrics(province, rulebook).focal_points
    # Two focal points fewer than the best plan without the target has.
    fraction = (before - _focal_after(province, free) + 2) / before
    sc = make(min_cut={"focal_points": fraction})
    assert _separation(province, sc).dropped == ("min_cut.focal_points",)
    plan = solve_structure(province, sc, rulebook).plan
    assert plan.objective is not None
    assert any(n["key"] == "note_dropped_missed" for n in plan.notes)
    assert _focal_after(province, plan) <= cut_limit(fraction, before)
    assert plan.bound is None or plan.bound <= plan.objective
    assert_checked(province, sc, plan)


def _focal_after(org: Organisation, plan: Plan) -> int:
    rulebook = make().rulebook()
    return metrics(apply_structure(org, plan, rulebook), rulebook).focal_points


def _two_provinces(locked: bool) -> tuple[Organisation, Scenario]:
    units = [unit("A", "province", None), unit("B", "province", None)]
    for p in "AB":
        for i in range(3):
            units.append(unit(f"{p}{i}", "department", p, "f1", quota=30))
            units += [
                unit(f"{p}{i}-{j}", "division", f"{p}{i}", "f1", quota=q)
                for j, q in enumerate((3, 12))
            ]
    org = organisation(*units)
    sc = scenario(
        scope={"kinds": ["division", "department"]},
        locks=["B0", "B1", "B2"] if locked else [],
    )
    return org, sc


def test_a_pooled_average_spread_beyond_one_block_keeps_one_block() -> None:
    # Departments pool their deputies (three on average). Locked, the
    # second province's departments are fixed and not beside the first's:
    # no block would see them all.
    org, sc = _two_provinces(locked=True)
    assert len(_separation(org, sc).blocks) == 1
    org, sc = _two_provinces(locked=False)
    assert len(_separation(org, sc).blocks) == 1  # both joined by the cap


def test_a_block_s_unit_limit_counts_the_units_outside_it(
    province: Organisation,
) -> None:
    sc = make(max_units={"department": 4})
    rulebook = sc.rulebook()
    departments = [u for u in province.units if u.kind == "department"]
    # A part of the organisation without two fixed departments.
    sub = Organisation(
        units=tuple(u for u in province.units if u not in departments[:2]),
        localities=province.localities,
        functions=province.functions,
    )
    owner = {d.id for d in departments[2:]}
    own = block_scenario(province, sc, rulebook, sub, owner, ())
    assert own.targets.max_units["department"] == 4 - 2
    school = next(u.id for u in province.units if u.id.startswith("X"))
    other = block_scenario(province, sc, rulebook, sub, {school}, ())
    # A block without departments cannot change their count.
    assert other.targets.max_units["department"] == len(departments) - 2
