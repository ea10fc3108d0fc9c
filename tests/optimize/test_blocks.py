"""Decomposition: independent blocks, and budget splits of the targets."""

from __future__ import annotations

import importlib
import random
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from orgs import assert_checked, organisation, scenario, unit
from pydantic import ValidationError

import orgplan.optimize.blocks as blocks_module
from orgplan.apply import apply_structure
from orgplan.check import required_cut
from orgplan.graph import metrics
from orgplan.i18n import message
from orgplan.model import Organisation
from orgplan.optimize import solve_structure
from orgplan.optimize.blocks import solve_in_blocks
from orgplan.optimize.budget import block_trees, budget_blocks, split_targets
from orgplan.optimize.candidates import find_candidates
from orgplan.optimize.coupling import coupled
from orgplan.optimize.cpsat import Settings
from orgplan.optimize.greedy import solve_greedy
from orgplan.optimize.progress import Run
from orgplan.plan import Plan, SolveStatus
from orgplan.scenario import Scenario, SolverParams

ROOT = Path(__file__).resolve().parents[2]
PROVINCES = ("An Giang", "Bắc Ninh", "Cà Mau")
DEPARTMENTS = 14  # allowed over the three provinces (12 before)


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(ROOT))
        return importlib.import_module("bench.generate")


@pytest.fixture(scope="module")
def three(bench: ModuleType) -> Organisation:
    """Three invented provinces of four departments each (3 roots)."""
    rng = random.Random(5)
    units, places, functions = [], [], {}
    for i, name in enumerate(PROVINCES):
        u, loc, fn = bench.province(
            rng,
            code=f"P{i + 1}",
            name=name,
            departments=bench.DEPARTMENTS[:4],
        )
        units += u
        places += loc
        functions.update(fn)
    return Organisation(
        units=tuple(units),
        localities=tuple(places),
        functions=tuple(functions.values()),
        name="three provinces",
    )


def make(decompose: str, **targets: Any) -> Scenario:
    return Scenario.model_validate(
        {
            "name": "three provinces",
            "data": "data/",
            "scope": {
                "kinds": ["department", "division"],
                "merge_within": "parent",
                "allow_fold": False,
                # The bench's first four departments share no function
                # family; these tests are about the decomposition.
                "allow_pairs": [["department", "department"]],
            },
            "targets": targets,
            "weights": {"incoherence": 30},
            "solver": {
                "time_limit_s": 4,
                "workers": 1,
                "seed": 1,
                "reproducible": True,
                "decompose": decompose,
            },
        }
    )


COUPLED = {
    "max_units": {"department": 10},
    "min_cut": {"focal_points": 0.1},
}


@pytest.fixture(scope="module")
def budget_plan(three: Organisation) -> Plan:
    sc = make("budget", **COUPLED)
    return solve_structure(three, sc, sc.rulebook()).plan


@pytest.fixture(scope="module")
def split_plan(three: Organisation) -> Plan:
    """The stitched plan of the budget split itself (before the solve
    compares it with the greedy plan of the whole organisation)."""
    sc = make("budget", **COUPLED)
    rulebook = sc.rulebook()
    cand = find_candidates(three, sc, rulebook)
    blocks = budget_blocks(three, sc, cand)
    settings = Settings(time_limit_s=4, workers=1, seed=1, reproducible=True)
    return solve_in_blocks(
        three, sc, rulebook, cand, settings, blocks, Run(4), budget=True
    ).plan


def test_budget_plan_meets_the_global_targets(
    three: Organisation, budget_plan: Plan
) -> None:
    sc = make("budget", **COUPLED)
    rulebook = sc.rulebook()
    before = metrics(three, rulebook)
    after_org = apply_structure(three, budget_plan, rulebook)
    after = metrics(after_org, rulebook)
    departments = sum(u.kind == "department" for u in after_org.units)
    assert departments <= 10
    for key, fraction in COUPLED["min_cut"].items():
        was = getattr(before, key)
        assert getattr(after, key) <= was - required_cut(fraction, was)
    # The stitched plan holds against the ORIGINAL scenario.
    assert_checked(three, sc, budget_plan)


def test_budget_plan_says_the_targets_were_split(split_plan: Plan) -> None:
    (note,) = map(message, split_plan.notes)
    assert "split among 3 blocks" in note
    assert "max_units.department 10 as" in note
    assert "relative to the split" in note


def test_budget_costs_at_most_what_one_model_finds(
    three: Organisation, split_plan: Plan, budget_plan: Plan
) -> None:
    sc = make("none", **COUPLED)
    # One model of the three provinces needs more than the blocks' 4 s
    # of deterministic time to prove its optimum.
    sc = sc.model_copy(
        update={"solver": sc.solver.model_copy(update={"time_limit_s": 20})}
    )
    whole = solve_structure(three, sc, sc.rulebook()).plan
    assert whole.notes == ()
    assert whole.objective is not None and split_plan.objective is not None
    # The split restricts the model: proven optimal both, it can only
    # cost, never gain.
    assert whole.status == split_plan.status == SolveStatus.OPTIMAL
    assert split_plan.objective >= whole.objective
    # The solve returns the better of the split's plan and the greedy
    # plan of the whole organisation.
    greedy = solve_greedy(three, sc, sc.rulebook())
    assert budget_plan.objective is not None and greedy.objective is not None
    assert budget_plan.objective <= min(split_plan.objective, greedy.objective)


def test_budget_is_reproducible(
    three: Organisation, budget_plan: Plan
) -> None:
    sc = make("budget", **COUPLED)
    again = solve_structure(three, sc, sc.rulebook()).plan
    assert again.to_json() == budget_plan.to_json()


def test_one_budget_block_per_root(three: Organisation) -> None:
    sc = make("budget", **COUPLED)
    cand = find_candidates(three, sc, sc.rulebook())
    assert coupled(three, sc, sc.rulebook(), cand)
    blocks = budget_blocks(three, sc, cand)
    assert sorted({u.split("-")[0] for u in b} for b in blocks) == [
        {"P1"},
        {"P2"},
        {"P3"},
    ]


def test_a_pair_across_roots_joins_their_blocks() -> None:
    org = organisation(
        unit("A", "province", None, quota=0, heads=0, deputies=0),
        unit("B", "province", None, quota=0, heads=0, deputies=0),
        unit("A1", "division", "A", "f1", quota=10),
        unit("A2", "division", "A", "f1", quota=10),
        unit("B1", "division", "B", "f1", quota=10),
        unit("B2", "division", "B", "f1", quota=10),
    )
    alone = scenario(scope={"kinds": ["division"]})
    cand = find_candidates(org, alone, alone.rulebook())
    assert len(budget_blocks(org, alone, cand)) == 2
    sc = scenario(scope={"kinds": ["division"]}, must_not_merge=[["A1", "B1"]])
    assert budget_blocks(org, sc, cand) == [{"A1", "A2", "B1", "B2"}]


def test_max_units_shares_add_up_and_respect_locked_units(
    three: Organisation,
) -> None:
    locked = {u.id for u in three.units if u.id.startswith("P1-")}
    sc = make("budget", max_units={"department": 9})
    blocks = [
        {u.id for u in three.units if u.id.startswith(p)}
        for p in ("P1-", "P2-", "P3-")
    ]
    trees = block_trees(three, blocks)
    shares, _ = split_targets(three, sc, sc.rulebook(), trees, locked)
    allowed = [t.max_units["department"] for t in shares]
    # P1 cannot remove its 4 departments; the others pay for it.
    assert allowed[0] == 4
    assert sum(allowed) == 9


def test_min_cut_shares_cover_units_outside_the_blocks(
    three: Organisation,
) -> None:
    sc = make("budget", min_cut={"focal_points": 0.2, "layers": 0.2})
    rulebook = sc.rulebook()
    blocks = [
        {u.id for u in three.units if u.id.startswith(p)}
        for p in ("P1-", "P2-")
    ]
    trees = block_trees(three, blocks)
    shares, _ = split_targets(three, sc, rulebook, trees, set())
    whole = metrics(three, rulebook).focal_points
    cut = sum(
        required_cut(
            t.min_cut["focal_points"], metrics(o, rulebook).focal_points
        )
        for t, o in zip(shares, trees, strict=True)
    )
    # P3 is left alone, so P1 and P2 cut enough for all three.
    assert cut >= required_cut(0.2, whole)
    assert all(t.min_cut["layers"] == 0.2 for t in shares)


def _departments(n: int) -> Organisation:
    """``n`` departments of three divisions, two of them undersized."""
    parents = [unit(f"D{i}", "department", None, quota=20) for i in range(n)]
    children = [
        unit(f"D{i}-{j}", "division", f"D{i}", f"f{i % 3}", quota=q)
        for i in range(n)
        for j, q in enumerate((3, 12, 4))
    ]
    return organisation(*parents, *children)


def test_packed_independent_blocks_give_the_whole_models_plan() -> None:
    # 30 departments' divisions: 30 blocks, packed into one model.
    org = _departments(30)
    sc = scenario(scope={"kinds": ["division"]})
    plan = solve_structure(org, sc, sc.rulebook()).plan
    assert [message(n) for n in plan.notes] == [
        "solved in 30 independent blocks"
    ]
    solver = sc.solver.model_copy(update={"decompose": "none"})
    one = sc.model_copy(update={"solver": solver})
    whole = solve_structure(org, one, one.rulebook()).plan
    assert whole.notes == ()
    assert plan.status == whole.status == SolveStatus.OPTIMAL
    assert plan.objective == whole.objective
    assert plan.merges or plan.flattened  # undersized divisions went
    assert_checked(org, sc, plan)


def test_unknown_decompose_is_refused() -> None:
    with pytest.raises(ValidationError, match="decompose"):
        SolverParams(decompose="by-province")  # type: ignore[arg-type]


def test_blocks_without_time_or_a_whole_greedy_plan_still_give_a_plan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Hundreds of blocks (L): the whole organisation's greedy plan did
    # not come in time and each block's share is gone by the time its
    # model is built. Each block's own greedy plan, completed, is its
    # plan; before, the first such block left the solve with none.
    monkeypatch.setattr(blocks_module, "MIN_BLOCK_SECONDS", 0.0)
    org = _departments(120)
    sc = scenario(scope={"kinds": ["division"]})
    rulebook = sc.rulebook()
    cand = find_candidates(org, sc, rulebook)
    settings = Settings(
        time_limit_s=0.0, workers=1, seed=1, reproducible=False
    )
    blocks = [
        {f"D{i}-{j}" for j in range(3)} | {f"D{i}"} & set(cand.movable)
        for i in range(120)
    ]
    plan = solve_in_blocks(
        org, sc, rulebook, cand, settings, blocks, Run(5)
    ).plan
    assert plan.objective is not None
    assert plan.merges or plan.flattened  # undersized divisions went
    assert_checked(org, sc, plan)
