"""``method="mip"``: the CP-SAT model as a MIP for HiGHS."""

from __future__ import annotations

import pytest
from orgs import assert_checked, scenario, solve, synthetic

from orgplan.plan import SolveStatus

pytest.importorskip("highspy")

DIVISIONS = {"kinds": ["division"]}


def test_mip_finds_the_cpsat_optimum_and_a_valid_bound() -> None:
    org = synthetic(parents=3, children=5, seed=4)
    sc = scenario(scope=DIVISIONS)
    cpsat = solve(org, sc).plan
    assert cpsat.status == SolveStatus.OPTIMAL
    mip = solve(org, sc, method="mip").plan
    assert mip.method == "mip"
    assert mip.bound is not None and cpsat.objective is not None
    # A lower bound on every plan, CP-SAT's optimum included.
    assert mip.bound <= cpsat.objective + 0.05
    assert mip.objective is not None
    # The same model: HiGHS proves the same optimum (up to the rounding
    # of incoherence costs and HiGHS's relative gap of 1e-4).
    assert mip.objective == pytest.approx(cpsat.objective, rel=2e-4, abs=0.05)
    assert_checked(org, sc, mip)


def test_highs_beside_cpsat_bounds_from_its_own_process() -> None:
    from orgplan.optimize.bounds import HighsBound
    from orgplan.optimize.candidates import find_candidates
    from orgplan.optimize.model import SCALE, build_model
    from orgplan.optimize.progress import Run, Share

    org = synthetic(parents=3, children=5, seed=4)
    sc = scenario(scope=DIVISIONS)
    optimum = solve(org, sc).plan.objective
    assert optimum is not None
    rb = sc.rulebook()
    built = build_model(org, sc, rb, find_candidates(org, sc, rb))
    run = Run(30.0)
    highs = HighsBound(built.model, reproducible=False)
    assert highs.search(None, 20.0, run, Share())
    highs.finish(20.0)
    # The worker ended (by itself, the model is small) and its dual bound
    # is a lower bound of the optimum that proves it.
    assert highs._process is not None and highs._process.returncode == 0
    assert highs.mip_bound is not None
    assert highs.mip_bound / SCALE <= optimum + 0.05
    assert run.bound is not None
    assert highs.objective is not None
    assert highs.proves(highs.objective), (highs.mip_bound, highs.objective)
    # Reproducible solves take no clock-dependent bound.
    assert not HighsBound(built.model, reproducible=True).search(
        None, 20.0, run, Share()
    )


def test_highs_plans_are_kept_as_they_come() -> None:
    # The solve ends HiGHS's process when its own search ends, often
    # before HiGHS ends (bench M: its better plan was lost with it), so
    # each better plan is sent as it is found and the best one kept.
    from orgplan.optimize.bounds import HighsBound
    from orgplan.optimize.candidates import find_candidates
    from orgplan.optimize.mip import from_cp_model, solve_highs
    from orgplan.optimize.model import build_model

    org = synthetic(parents=3, children=5, seed=4)
    sc = scenario(scope=DIVISIONS)
    rb = sc.rulebook()
    built = build_model(org, sc, rb, find_candidates(org, sc, rb))
    mip = from_cp_model(built.model)
    seen: list[tuple[float, list[float]]] = []
    outcome = solve_highs(mip, 20.0, improved=lambda o, s: seen.append((o, s)))
    assert seen and outcome.objective is not None
    objectives = [o for o, _ in seen]
    assert objectives == sorted(objectives, reverse=True)
    # The last plan sent is the one HiGHS ends with.
    assert objectives[-1] == pytest.approx(outcome.objective, abs=1e-6)
    assert len(seen[-1][1]) == len(mip.lower)
    highs = HighsBound(built.model, reproducible=False)
    for objective, solution in reversed(seen):
        highs._found(objective, solution)
    highs._found(None, None)  # a last message without a plan
    assert highs.objective == min(objectives)
    assert highs.solution == seen[-1][1]


def test_cpsat_searches_on_from_a_better_highs_plan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # HiGHS's MIP search finds a plan better than CP-SAT's best (bench
    # M: ~30 s in); CP-SAT's search starts again from it, so that its
    # neighbourhoods improve that plan rather than its own.
    from orgplan.optimize import cpsat
    from orgplan.optimize.bounds import HighsBound
    from orgplan.optimize.candidates import find_candidates
    from orgplan.optimize.greedy import solve_greedy
    from orgplan.optimize.model import SCALE, build_model
    from orgplan.optimize.progress import Run
    from orgplan.optimize.warm import decision_values

    org = synthetic(parents=3, children=5, seed=1)
    # A target over the whole organisation: one model, no blocks.
    sc = scenario(scope=DIVISIONS, targets={"min_cut": {"focal_points": 0.3}})
    rb = sc.rulebook()
    cand = find_candidates(org, sc, rb)
    greedy = solve_greedy(org, sc, rb)
    best = solve(org, sc).plan
    assert best.objective is not None and greedy.objective is not None
    assert best.objective < greedy.objective - 1
    fast = cpsat.Settings(
        time_limit_s=15.0, workers=2, seed=1, reproducible=False
    )
    # HiGHS's plan: the optimum, as a full solution of the model.
    built = build_model(org, sc, rb, cand)
    values = decision_values(built, cand, best)
    known = cpsat.complete(built, values, fast, Run(10), 5.0)
    assert known.solver is not None and known.solution is not None
    highs_objective = known.solver.objective_value

    def beside(self: HighsBound, *args: object) -> bool:
        self.objective = highs_objective
        self.solution = [float(v) for v in known.solution or ()]
        return True

    def first_only(solver: object, workers: int) -> None:
        # Each search stops at its first plan, the one it starts from.
        solver.parameters.stop_after_first_solution = True  # type: ignore[attr-defined]

    monkeypatch.setattr(HighsBound, "search", beside)
    monkeypatch.setattr(cpsat, "_beside_highs", first_only)
    seen: list[tuple[float | None, str]] = []
    run = Run(15, lambda p: seen.append((p.objective, p.source)))
    result = cpsat.solve_cpsat(org, sc, rb, cand, fast, run, hint=greedy)
    plan = result.plan
    assert plan.objective == pytest.approx(best.objective, abs=0.01)
    # The second search started from HiGHS's plan and reported it.
    searched = [o for o, source in seen if source == "cpsat" and o is not None]
    assert searched[-1] == pytest.approx(highs_objective / SCALE, abs=1e-6)
    assert searched[0] > searched[-1]
    assert_checked(org, sc, plan)


def test_the_highs_worker_ends_quietly_when_no_one_reads() -> None:
    # The solve ends (or dies) before HiGHS's process: its next message
    # finds the pipe closed, and it must exit without a traceback.
    import pickle
    import subprocess
    import sys

    from orgplan.optimize.candidates import find_candidates
    from orgplan.optimize.mip import from_cp_model
    from orgplan.optimize.model import build_model

    org = synthetic(parents=3, children=5, seed=4)
    sc = scenario(scope=DIVISIONS)
    rb = sc.rulebook()
    built = build_model(org, sc, rb, find_candidates(org, sc, rb))
    worker = subprocess.Popen(
        [sys.executable, "-m", "orgplan.optimize.highs_worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert worker.stdin and worker.stdout and worker.stderr
    worker.stdout.close()
    pickle.dump((from_cp_model(built.model), 5.0, None), worker.stdin)
    worker.stdin.close()
    assert worker.wait(30) == 0
    assert b"Traceback" not in worker.stderr.read()
