"""Solver behaviour: progress, Ctrl-C, reproducible plans, statistics."""

from __future__ import annotations

import importlib
import os
import signal
from pathlib import Path

import pytest
from orgs import assert_checked, scenario, solve, synthetic

from orgplan.errors import InfeasibleScenario
from orgplan.i18n import message
from orgplan.optimize import PHASES, Progress
from orgplan.optimize.candidates import (
    find_candidates,
    may_merge_reason,
    missing_pairs,
)
from orgplan.optimize.cpsat import Settings, solve_cpsat, warm_start
from orgplan.optimize.greedy import solve_greedy
from orgplan.optimize.model import build_model
from orgplan.optimize.progress import Run
from orgplan.plan import Merge, Plan, SolveStatus

DIVISIONS = {"kinds": ["division"]}


def test_reproducible_mode_gives_the_same_plan_twice() -> None:
    org = synthetic(parents=4, children=5, seed=3)
    sc = scenario(scope=DIVISIONS)
    first = solve(org, sc).plan
    second = solve(org, sc).plan
    assert first.to_json() == second.to_json()
    assert first.mode == "reproducible" and first.workers == 1
    # Undersized divisions had to merge or fold.
    assert first.merges or first.flattened
    assert_checked(org, sc, first)


def test_progress_reports_improving_solutions() -> None:
    org = synthetic(parents=3, children=5, seed=4)
    sc = scenario(scope=DIVISIONS)
    seen: list[Progress] = []
    result = solve(org, sc, progress=seen.append)
    # The phases in order, from the first report on.
    phases = [p.phase for p in seen]
    assert phases[0] == "candidates"
    order = [PHASES.index(p) for p in phases]
    assert order == sorted(order)
    plans = [p for p in seen if p.objective is not None]
    assert plans and plans[0].source == "greedy"
    counts = sorted({p.solutions for p in plans})
    assert counts == list(range(1, len(counts) + 1))
    objectives = [p.objective for p in plans]
    assert objectives == sorted(objectives, reverse=True)
    assert all(
        p.bound <= p.objective + 1e-9 for p in plans if p.bound is not None
    )
    plan = result.plan
    assert plan.status == SolveStatus.OPTIMAL
    assert plan.gap == 0 and plan.bound is not None
    # The model rounds each incoherence cost to 1/1000.
    assert abs(plan.bound - plan.objective) < 0.05
    assert result.num_variables > 0 and result.num_constraints > 0
    assert result.first_solution_seconds is not None
    assert not result.stopped_early


def test_ctrl_c_returns_the_best_plan_so_far() -> None:
    # A model too big to prove optimal at once; the progress callback
    # presses Ctrl-C at the first solution.
    org = synthetic(parents=12, children=8, seed=5)
    sc = scenario(scope=DIVISIONS)

    def interrupt(progress: Progress) -> None:
        os.kill(os.getpid(), signal.SIGINT)

    before = signal.getsignal(signal.SIGINT)
    result = solve(org, sc, progress=interrupt)
    assert result.stopped_early
    assert result.plan.status in (SolveStatus.FEASIBLE, SolveStatus.OPTIMAL)
    assert result.plan.objective is not None
    assert signal.getsignal(signal.SIGINT) is before
    assert_checked(org, sc, result.plan)


def test_objective_is_the_weighted_sum_of_its_terms() -> None:
    org = synthetic(parents=3, children=4, seed=6)
    sc = scenario(scope=DIVISIONS, weights={"disruption": 1.5})
    plan = solve(org, sc).plan
    weights = sc.weights.model_dump()
    total = sum(weights[t] * v for t, v in plan.objective_terms.items())
    assert plan.objective == round(total, 2)
    assert plan.objective_terms["disruption"] == len(
        {u for m in plan.merges for u in m.members}
        | {f.unit for f in plan.flattened}
        | {f.into for f in plan.flattened}
        | {s.unit for s in plan.splits}
    )
    assert_checked(org, sc, plan)


def test_blocks_give_the_plan_of_the_whole_model() -> None:
    # Without targets the divisions of each department form a block of
    # their own; a target that can never bind couples them into one model.
    org = synthetic(parents=4, children=4, seed=7)
    alone = scenario(scope=DIVISIONS)
    whole = scenario(
        scope=DIVISIONS, targets={"max_units": {"division": 1000}}
    )
    blocks = solve(org, alone)
    single = solve(org, whole)
    assert [message(n) for n in blocks.plan.notes] == [
        "solved in 4 independent blocks"
    ]
    assert not single.plan.notes
    assert blocks.plan.status == single.plan.status == SolveStatus.OPTIMAL
    assert blocks.plan.objective == single.plan.objective
    assert blocks.plan.objective_terms == pytest.approx(
        single.plan.objective_terms
    )
    assert_checked(org, alone, blocks.plan)


def test_the_warm_start_hints_every_variable() -> None:
    org = synthetic(parents=4, children=5, seed=3)
    sc = scenario(scope=DIVISIONS)
    rules = sc.rulebook()
    cand = find_candidates(org, sc, rules)
    built = build_model(org, sc, rules, cand)
    greedy = solve_greedy(org, sc, rules)
    settings = Settings(time_limit_s=5, workers=1, seed=1, reproducible=True)
    warm_start(built, cand, greedy, settings, Run(5), 5)
    hint = built.model.proto.solution_hint
    assert sorted(hint.vars) == list(range(len(built.model.proto.variables)))


def test_a_search_with_no_time_left_returns_the_warm_start() -> None:
    # One of the hundreds of blocks of a large scenario whose share the
    # model's build used up: its completed warm start is its plan (it
    # had none before, and the whole solve fell back on the greedy).
    org = synthetic(parents=12, children=8, seed=5)
    sc = scenario(scope=DIVISIONS)
    rules = sc.rulebook()
    cand = find_candidates(org, sc, rules)
    greedy = solve_greedy(org, sc, rules)
    settings = Settings(
        time_limit_s=0.0, workers=2, seed=1, reproducible=False
    )
    result = solve_cpsat(org, sc, rules, cand, settings, Run(5), hint=greedy)
    plan = result.plan
    assert plan.objective is not None and greedy.objective is not None
    assert plan.objective <= greedy.objective + 1e-6
    assert plan.status in (SolveStatus.FEASIBLE, SolveStatus.OPTIMAL)
    assert_checked(org, sc, plan)


@pytest.mark.slow
def test_cpsat_is_never_worse_than_the_greedy_plan_on_a_bench_province() -> (
    None
):
    root = Path(__file__).resolve().parents[2]
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(root))
        generate = importlib.import_module("bench.generate").generate
    instance = generate("S", 1)
    org = instance.organisation
    solver = instance.scenario.solver.model_copy(
        update={"time_limit_s": 5, "workers": 2, "reproducible": False}
    )
    sc = instance.scenario.model_copy(update={"solver": solver})
    try:
        greedy = solve(org, sc, method="greedy").plan
    except InfeasibleScenario:
        pytest.skip("the greedy finds no plan of S to compare with")
    cpsat = solve(org, sc).plan
    assert greedy.objective is not None and cpsat.objective is not None
    assert cpsat.objective <= greedy.objective
    assert_checked(org, sc, cpsat)


def test_a_plan_group_beyond_the_nearest_partners_joins_the_graph() -> None:
    # The greedy joins two groups when every member may merge into the
    # representative, so a group need not be a star of the thinned graph
    # (bench W: 60 of 357 merges); the model must still express it.
    org = synthetic(parents=1, children=90, seed=2)
    sc = scenario(scope={**DIVISIONS, "max_group_size": 3})
    rulebook = sc.rulebook()
    cand = find_candidates(org, sc, rulebook)
    ids = sorted(cand.movable, key=cand.rank.__getitem__)
    rep = ids[0]
    far = next(
        u
        for u in ids[1:]
        if not cand.graph.has_edge(rep, u)
        and may_merge_reason(org, sc, rulebook, rep, u) is None
    )
    near = next(iter(cand.graph[rep]))
    members = (rep, near, far)
    plan = Plan(
        scenario=sc.name,
        status=SolveStatus.FEASIBLE,
        merges=(Merge(into=rep, members=members, name="merged"),),
    )
    assert missing_pairs(cand, plan) == [(rep, far)]
    widened = find_candidates(org, sc, rulebook, plan_pairs=[(rep, far)])
    assert missing_pairs(widened, plan) == []
    assert cand.graph.edges <= widened.graph.edges
    built = build_model(org, sc, rulebook, widened)
    assert all((u, rep) in built.x for u in members)
    # A pair the rules forbid is not added.
    stranger = next(
        u
        for u in ids[1:]
        if may_merge_reason(org, sc, rulebook, rep, u) is not None
    )
    kept = find_candidates(org, sc, rulebook, plan_pairs=[(rep, stranger)])
    assert not kept.graph.has_edge(rep, stranger)


def test_a_large_sibling_set_gets_a_sparse_candidate_graph() -> None:
    org = synthetic(parents=1, children=90, seed=2)
    ids = [u.id for u in org.units if u.kind == "division"]
    sc = scenario(scope=DIVISIONS, must_merge=[[ids[0], ids[-1]]])
    cand = find_candidates(org, sc, sc.rulebook())
    graph = cand.graph
    assert graph.graph["thinned"] > 0
    # Each unit keeps its most similar partners, not all its siblings.
    assert max(d for _, d in graph.degree()) < len(ids) // 2
    assert all(graph.degree(u) >= 1 for u in ids)
    # A must-merge pair is never thinned away.
    assert graph.has_edge(ids[0], ids[-1])
    result = solve(org, sc)
    notes = [message(n) for n in result.plan.notes]
    assert any("sparse candidate graph" in n for n in notes)
    assert_checked(org, sc, result.plan)
