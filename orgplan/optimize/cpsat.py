"""Solve the structure model with CP-SAT: warm start, search, decoding.

The search runs in a helper thread so that the main thread stays free to
receive Ctrl-C; the :class:`~orgplan.optimize.progress.Run` of the solve
stops it (Ctrl-C, the time limit) and the best plan so far is kept.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from orgplan.model import Organisation
from orgplan.optimize.bounds import HighsBound
from orgplan.optimize.candidates import Candidates
from orgplan.optimize.decode import decode
from orgplan.optimize.explain import explain_infeasible
from orgplan.optimize.model import SCALE, StructureModel, build_model
from orgplan.optimize.progress import Run, Share, relative_gap
from orgplan.optimize.warm import (
    decision_values,
    fixed_copy,
    hint_all,
    hint_decisions,
)
from orgplan.plan import Plan, Result, SolveStatus
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario

# Models with more variables than this skip presolve probing.
PROBING_LIMIT = 2000

# The share of a solve's time the warm start's completion may take, and
# at most this many seconds (fixing every decision leaves presolve
# little to do; the rest is the search's).
WARM_SHARE = 0.25
WARM_SECONDS = 20.0
# ...and at least this: with every decision fixed, presolve completes
# a block's warm start in a fraction of it, and without the completion
# a block whose share the model's build used up would have no plan.
WARM_MIN_S = 0.5
# A search restarts from HiGHS's better plan only with this many seconds
# left (completing the plan and CP-SAT's presolve take a few).
RESTART_S = 8.0


_STATUS = {
    cp_model.OPTIMAL: SolveStatus.OPTIMAL,
    cp_model.FEASIBLE: SolveStatus.FEASIBLE,
    cp_model.INFEASIBLE: SolveStatus.INFEASIBLE,
    cp_model.UNKNOWN: SolveStatus.NO_SOLUTION,
    cp_model.MODEL_INVALID: SolveStatus.INVALID,
}


@dataclass(frozen=True)
class Settings:
    """How one solve searches (from the scenario's ``solver`` section).

    ``time_limit_s`` is this call's budget: wall-clock seconds, or in
    reproducible mode CP-SAT's deterministic time (a count of work that
    gives the same plan on any machine, roughly but not exactly seconds,
    so that the wall clock may run past it). ``wall_s`` is the wall-clock
    time the whole search has (fast mode).
    """

    time_limit_s: float
    workers: int
    seed: int
    reproducible: bool
    wall_s: float | None = None

    @property
    def mode(self) -> str:
        return "reproducible" if self.reproducible else "fast"

    def parameters(self, solver: cp_model.CpSolver, seconds: float) -> None:
        """Set ``solver``'s parameters for a search of ``seconds``.

        Reproducible: one worker, a fixed seed and a deterministic time
        budget instead of wall-clock time, so the same inputs give the
        same plan on any machine.
        """
        params = solver.parameters
        params.random_seed = self.seed
        # The run's own SIGINT handler stops the search and records it.
        params.catch_sigint_signal = False
        seconds = max(0.01, seconds)
        if self.reproducible:
            # Interleaving runs CP-SAT's portfolio (first-solution
            # heuristics, LNS) in one deterministic thread.
            params.num_workers = 1
            params.interleave_search = True
            params.max_deterministic_time = seconds
        else:
            params.num_workers = self.workers
            params.max_time_in_seconds = seconds


# The share of a solve that is the whole plan: nothing to add.
WHOLE = Share()


class _Watcher(cp_model.CpSolverSolutionCallback):
    """Reports each improving solution; keeps the time of the first
    (wall-clock seconds since the whole solve started)."""

    def __init__(self, run: Run, share: Share) -> None:
        super().__init__()
        self.run = run
        self.share = share
        self.first: float | None = None
        # The best objective so far, in the proto's units.
        self.best: float | None = None

    def on_solution_callback(self) -> None:
        if self.first is None:
            self.first = self.run.elapsed()
        self.best = self.objective_value
        self.run.found(
            self.share.objective + self.objective_value / SCALE,
            self.share.bound_of(self.best_objective_bound / SCALE),
            "cpsat",
        )


def solve_cpsat(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    cand: Candidates,
    settings: Settings,
    run: Run,
    *,
    hint: Plan | None = None,
    share: Share = WHOLE,
) -> Result:
    """Build, warm-start, solve and decode the structure model.

    Parameters
    ----------
    org, scenario, rulebook
        The problem; never modified.
    cand
        The allowed decisions.
    settings
        This call's time budget, workers, seed and mode.
    run
        The solve's clock, progress and Ctrl-C (the search stops when it
        is interrupted).
    hint
        A plan to start from (the greedy baseline's): its decisions are
        completed into a full solution that CP-SAT starts from.
    share
        What the rest of the plan adds to the objective and bound this
        call reports (the other blocks').

    Returns
    -------
    Result
        The structural plan (``objective`` ``None`` when no solution came
        in time), solver statistics, ``stopped_early`` when the run was
        interrupted.

    Raises
    ------
    orgplan.errors.InfeasibleScenario
        If no plan exists; names a small set of conflicting requirements.
    """
    started = time.perf_counter()
    run.enter("model")
    built = build_model(org, scenario, rulebook, cand)
    deterministic = 0.0

    def left() -> float:
        if settings.reproducible:
            return settings.time_limit_s - deterministic
        return settings.time_limit_s - (time.perf_counter() - started)

    warm = Warm()
    if hint is not None and not run.stopped.is_set():
        run.enter("warm_start")
        warm = warm_start(
            built,
            cand,
            hint,
            settings,
            run,
            min(WARM_SECONDS, max(WARM_MIN_S, WARM_SHARE * max(0.0, left()))),
        )
        deterministic += warm.spent
    start = warm.solution
    if run.stopped.is_set():
        # Stopped before the search: no CP-SAT plan (the caller has the
        # greedy one).
        return Result(
            plan=Plan(
                scenario=scenario.name,
                status=SolveStatus.NO_SOLUTION,
                mode=settings.mode,
            ),
            num_variables=len(built.model.proto.variables),
            num_constraints=len(built.model.proto.constraints),
            stopped_early=True,
        )
    # HiGHS's bounds of the same model (optimize/bounds.py) where it is
    # installed: with the floors of docs/formulation.md they are often
    # far above what CP-SAT's search proves in the time.
    highs = HighsBound(built.model, settings.reproducible)
    run.enter("search")
    watcher = _Watcher(run, share)
    beside = highs.search(start, left(), run, share)
    if not beside:
        # HiGHS's MIP search reports its root LP's bound itself; without
        # it, HiGHS's LP bound of the model is asked here.
        relaxed = highs.relaxation(left())
        if relaxed is not None and share.bound is not None:
            run.bounded(share.bound + relaxed / SCALE)
    # HiGHS plans CP-SAT has searched from (their objectives).
    taken: set[float] = set()

    def restart() -> bool:
        found = highs.ahead(watcher.best) if beside else None
        return found is not None and found not in taken and left() > RESTART_S

    def stop() -> bool:
        return highs.proves(watcher.best) or restart()

    def searcher() -> cp_model.CpSolver:
        solver = cp_model.CpSolver()
        # The limit is what is left now (after the LP bound, a restart).
        settings.parameters(solver, left())
        if len(built.model.proto.variables) > PROBING_LIMIT:
            # Probing in presolve costs seconds on large models and
            # rarely pays back here; the search finds first plans much
            # sooner.
            solver.parameters.cp_model_probing_level = 0
        if beside:
            _beside_highs(solver, settings.workers)
        return solver

    solver = searcher()
    status, spent = _run(solver, built.model, run, watcher, stop)
    while restart() and not run.stopped.is_set():
        # HiGHS found a better plan than CP-SAT's best: CP-SAT's search
        # goes on from it (bench M: HiGHS finds one ~30 s in, and the
        # LNS improves what it is given: 21,894.05 -> 21,884.05).
        deterministic += spent
        ahead = highs.better(built, watcher.best)
        if ahead is None:
            break
        taken.add(ahead[0])
        again = complete(
            built,
            ahead[1],
            settings,
            run,
            min(WARM_SECONDS, WARM_SHARE * left()),
        )
        deterministic += again.spent
        if again.solver is None or (
            watcher.best is not None
            and again.solver.objective_value >= watcher.best
        ):
            # HiGHS's objective is of its translation (domains with
            # holes as their hull): read through the model, its plan
            # may not be better after all.
            break
        warm = again
        solver = searcher()
        status, spent = _run(solver, built.model, run, watcher, stop)
    highs.finish()
    run.check()
    cp_bound: float | None = solver.best_objective_bound
    if status == cp_model.UNKNOWN and warm.solver is not None:
        # No solution in the time left (a block's short share): the
        # completed warm start is one, the greedy plan's. A search that
        # found nothing may not have bounded anything either (its
        # response then says 0), so only HiGHS's LP bound is kept.
        solver, status, cp_bound = warm.solver, cp_model.FEASIBLE, None
    found = None
    if status != cp_model.INFEASIBLE:
        ahead = highs.better(built, watcher.best)
        found = None if ahead is None else ahead[1]
    if found is not None:
        # HiGHS's plan is better: read it back through CP-SAT with its
        # decisions fixed, so that every quantity is the model's own.
        fixed = cp_model.CpSolver()
        fixed.parameters.num_workers = 1
        fixed.parameters.max_time_in_seconds = max(1.0, min(5.0, left()))
        if fixed.solve(fixed_copy(built, found)) in (
            cp_model.OPTIMAL,
            cp_model.FEASIBLE,
        ):
            solver, status = fixed, cp_model.FEASIBLE
    if status == cp_model.INFEASIBLE and hint is None:
        explain_infeasible(org, scenario, rulebook, settings.time_limit_s)
    # With a hint the greedy found a plan: the model is stricter than the
    # rules (a thinned candidate graph), and the caller keeps that plan.
    proto = built.model.proto
    stats = {
        "num_variables": len(proto.variables),
        "num_constraints": len(proto.constraints),
        "first_solution_seconds": watcher.first,
        "stopped_early": run.stopped.is_set(),
    }
    deterministic += spent
    base = Plan(
        scenario=scenario.name,
        status=_STATUS[status],
        method="cpsat",
        mode=settings.mode,
        # Reproducible plans record CP-SAT's deterministic time, so that
        # the same inputs give the same plan.json byte for byte.
        solve_seconds=round(
            deterministic
            if settings.reproducible
            else time.perf_counter() - started,
            3,
        ),
        seed=settings.seed,
        workers=1 if settings.reproducible else settings.workers,
    )
    known = [b for b in (cp_bound, highs.best) if b is not None]
    bound = max(known) / SCALE if known else None
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        if (
            status == cp_model.UNKNOWN
            and bound is not None
            and solver.best_objective_bound
        ):
            base = base.model_copy(update={"bound": round(bound, 4)})
        return Result(plan=base, **stats)
    run.enter("decode")
    plan = decode(org, scenario, rulebook, cand, built, solver)
    model_objective = solver.objective_value / SCALE
    # An LP bound may pass the optimum by HiGHS's tolerance.
    if bound is not None:
        bound = min(bound, model_objective)
    if status != cp_model.OPTIMAL and highs.proves(solver.objective_value):
        # HiGHS's dual bound meets CP-SAT's plan: optimal, and said who
        # proved it.
        base = base.model_copy(update={"status": SolveStatus.OPTIMAL})
        bound = model_objective
    notes = plan.notes
    if found is not None:
        notes = (*notes, {"key": "note_highs_plan"})
    by_highs = highs.note(cp_bound, solver.objective_value)
    if by_highs:
        notes = (*notes, by_highs)
    plan = plan.model_copy(
        update={
            "notes": notes,
            "status": base.status,
            "method": base.method,
            "mode": base.mode,
            "solve_seconds": base.solve_seconds,
            "seed": base.seed,
            "workers": base.workers,
            "bound": None if bound is None else round(bound, 4),
            "gap": (
                None
                if bound is None
                else round(relative_gap(model_objective, bound), 6)
            ),
        }
    )
    return Result(plan=plan, **stats)


@dataclass(frozen=True)
class Warm:
    """The warm start: CP-SAT's deterministic time spent completing it,
    and the complete solution with the solver that holds it (``None``
    when none was found)."""

    spent: float = 0.0
    solution: list[int] | None = None
    solver: cp_model.CpSolver | None = None


def warm_start(
    built: StructureModel,
    cand: Candidates,
    plan: Plan,
    settings: Settings,
    run: Run,
    seconds: float,
) -> Warm:
    """Hint ``plan`` to CP-SAT as a complete solution.

    The plan's decisions are fixed in a copy of the model, which CP-SAT
    completes (:mod:`orgplan.optimize.warm`); its full assignment is the
    hint. When no completion is found in ``seconds`` (or the decisions do
    not fit the model) only the decisions are hinted. The copy has the
    model's variables, so its solver decodes as the model's would.
    """
    values = decision_values(built, cand, plan)
    hint_decisions(built, values)
    if seconds <= 0:
        return Warm()
    return complete(built, values, settings, run, seconds)


def complete(
    built: StructureModel,
    values: dict[int, int],
    settings: Settings,
    run: Run,
    seconds: float,
) -> Warm:
    """Complete the decisions ``values`` into a full solution of the
    model and hint it (the model's hint is left as it was when no
    completion is found in ``seconds``)."""
    solver = cp_model.CpSolver()
    settings.parameters(solver, seconds)
    status, spent = _run(solver, fixed_copy(built, values), run)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Warm(spent)
    solution = list(solver.response_proto.solution)
    hint_all(built, solution)
    return Warm(spent, solution, solver)


def _beside_highs(solver: cp_model.CpSolver, workers: int) -> None:
    """CP-SAT's share of the cores while HiGHS's MIP search runs.

    HiGHS's search takes a core of its own, so CP-SAT leaves it one (on
    2 cores, three searches would share two). HiGHS's bound is what
    closes a province's gap (bench M: 3.7% -> 1.9% under load); a lone
    CP-SAT worker's default search there finds nothing better than the
    warm start in 50 s, while large neighbourhood search from it does
    (bench M: 21,930.64 -> 21,888.05), so one worker searches that way.
    """
    params = solver.parameters
    params.num_workers = max(1, workers - 1)
    if params.num_workers == 1:
        # LNS in one thread: interleaved, its neighbourhoods take turns.
        params.interleave_search = True
        params.use_lns_only = True
        # One round of presolve: the later ones cost seconds on a
        # province's model before the first neighbourhood, and each
        # neighbourhood is presolved again (bench M, three runs each:
        # 21,884.09 -> 21,883.09, gap 0.501% -> 0.497%).
        params.max_presolve_iterations = 1


def _run(
    solver: cp_model.CpSolver,
    model: cp_model.CpModel,
    run: Run,
    watcher: cp_model.CpSolverSolutionCallback | None = None,
    proved: Callable[[], bool] = lambda: False,
) -> tuple[int, float]:
    """Solve in a helper thread, so that Ctrl-C reaches the main thread.

    The run's interruption (Ctrl-C, an error in a progress report) stops
    the search, and so does ``proved`` (another back-end's bound meets
    the best solution); the best solution so far is kept. Returns the
    status and CP-SAT's deterministic time.
    """
    outcome: dict[str, int] = {}

    def search() -> None:
        outcome["status"] = solver.solve(model, watcher)

    thread = threading.Thread(target=search, name="cp-sat", daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(0.05)
        # Asked again and again: a stop that comes before CP-SAT has
        # started its search would be lost.
        if run.stopped.is_set() or proved():
            solver.stop_search()
    return outcome["status"], solver.deterministic_time
