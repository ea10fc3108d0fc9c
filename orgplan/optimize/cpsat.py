"""Solve the structure model with CP-SAT: settings, progress, Ctrl-C.

The search runs in a helper thread so that the main thread stays free to
receive Ctrl-C: the SIGINT handler, installed only for the duration of the
solve, asks CP-SAT to stop and the best plan so far is kept.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import FrameType

from ortools.sat.python import cp_model

from orgplan.model import Organisation
from orgplan.optimize.candidates import Candidates
from orgplan.optimize.decode import decode
from orgplan.optimize.explain import explain_infeasible
from orgplan.optimize.model import SCALE, StructureModel, build_model
from orgplan.optimize.progress import Progress, relative_gap
from orgplan.plan import Plan, Result, SolveStatus
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario

# Models with more variables than this skip presolve probing.
PROBING_LIMIT = 2000

_STATUS = {
    cp_model.OPTIMAL: SolveStatus.OPTIMAL,
    cp_model.FEASIBLE: SolveStatus.FEASIBLE,
    cp_model.INFEASIBLE: SolveStatus.INFEASIBLE,
    cp_model.UNKNOWN: SolveStatus.NO_SOLUTION,
    cp_model.MODEL_INVALID: SolveStatus.INVALID,
}


@dataclass(frozen=True)
class Settings:
    """How one solve searches (from the scenario's ``solver`` section)."""

    time_limit_s: float
    workers: int
    seed: int
    reproducible: bool

    @property
    def mode(self) -> str:
        return "reproducible" if self.reproducible else "fast"

    def parameters(self, solver: cp_model.CpSolver) -> None:
        """Set ``solver``'s parameters for this mode.

        Reproducible: one worker, a fixed seed and a deterministic time
        budget instead of wall-clock time, so the same inputs give the
        same plan on any machine.
        """
        params = solver.parameters
        params.random_seed = self.seed
        # Our own SIGINT handler stops the search and records it.
        params.catch_sigint_signal = False
        if self.reproducible:
            # Interleaving runs CP-SAT's portfolio (first-solution
            # heuristics, LNS) in one deterministic thread.
            params.num_workers = 1
            params.interleave_search = True
            params.max_deterministic_time = self.time_limit_s
        else:
            params.num_workers = self.workers
            params.max_time_in_seconds = self.time_limit_s


class _Watcher(cp_model.CpSolverSolutionCallback):
    """Reports each improving solution; keeps the time of the first."""

    def __init__(
        self, progress: Callable[[Progress], None] | None, start: float
    ) -> None:
        super().__init__()
        self.progress = progress
        self.start = start
        self.solutions = 0
        self.first: float | None = None
        self.error: BaseException | None = None

    def on_solution_callback(self) -> None:
        self.solutions += 1
        elapsed = time.perf_counter() - self.start
        if self.first is None:
            self.first = elapsed
        if self.progress is None:
            return
        objective = self.objective_value / SCALE
        bound = self.best_objective_bound / SCALE
        try:
            self.progress(
                Progress(
                    objective=objective,
                    bound=bound,
                    gap=relative_gap(objective, bound),
                    elapsed=elapsed,
                    solutions=self.solutions,
                )
            )
        except BaseException as error:  # re-raised in the caller's thread
            self.error = error
            self.stop_search()


def solve_cpsat(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    cand: Candidates,
    settings: Settings,
    *,
    hint: Plan | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> Result:
    """Build, solve and decode the structure model.

    Parameters
    ----------
    org, scenario, rulebook
        The problem; never modified.
    cand
        The allowed decisions.
    settings
        Time limit, workers, seed and mode.
    hint
        A plan to start from (the greedy baseline's), given to CP-SAT as
        a solution hint.
    progress
        Called with each improving solution.

    Returns
    -------
    Result
        The structural plan, solver statistics, ``stopped_early`` when
        Ctrl-C ended the search.

    Raises
    ------
    orgplan.errors.InfeasibleScenario
        If no plan exists; names a small set of conflicting requirements.
    """
    built = build_model(org, scenario, rulebook, cand)
    if hint is not None:
        add_hint(built, cand, hint)
    solver = cp_model.CpSolver()
    settings.parameters(solver)
    if len(built.model.proto.variables) > PROBING_LIMIT:
        # Probing in presolve costs seconds on large models and rarely
        # pays back here; the search finds first plans much sooner.
        solver.parameters.cp_model_probing_level = 0
    start = time.perf_counter()
    watcher = _Watcher(progress, start)
    status, stopped = _run(solver, built.model, watcher)
    elapsed = time.perf_counter() - start
    if watcher.error is not None:
        raise watcher.error
    if status == cp_model.INFEASIBLE:
        explain_infeasible(org, scenario, rulebook, settings.time_limit_s)
    proto = built.model.proto
    stats = {
        "num_variables": len(proto.variables),
        "num_constraints": len(proto.constraints),
        "first_solution_seconds": watcher.first,
        "stopped_early": stopped,
    }
    # Reproducible plans record CP-SAT's deterministic time, so that the
    # same inputs give the same plan.json byte for byte.
    seconds = solver.deterministic_time if settings.reproducible else elapsed
    base = Plan(
        scenario=scenario.name,
        status=_STATUS[status],
        method="cpsat",
        mode=settings.mode,
        solve_seconds=round(seconds, 3),
        seed=settings.seed,
        workers=1 if settings.reproducible else settings.workers,
    )
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Result(plan=base, **stats)
    plan = decode(org, scenario, rulebook, cand, built, solver)
    model_objective = solver.objective_value / SCALE
    bound = solver.best_objective_bound / SCALE
    plan = plan.model_copy(
        update={
            "status": base.status,
            "method": base.method,
            "mode": base.mode,
            "solve_seconds": base.solve_seconds,
            "seed": base.seed,
            "workers": base.workers,
            "bound": round(bound, 4),
            "gap": round(relative_gap(model_objective, bound), 6),
        }
    )
    return Result(plan=plan, **stats)


def add_hint(built: StructureModel, cand: Candidates, plan: Plan) -> None:
    """Give CP-SAT ``plan``'s decisions as a starting point.

    A merge keeps its representative where the model allows it, else
    takes the member of best rank; a decision the model cannot express is
    left out of the hint.

    Raises
    ------
    KeyError
        Never for a plan of the same organisation; a unit the plan names
        that the model does not know is skipped.
    """
    chosen: set[tuple[str, str]] = set()
    for merge in plan.merges:
        members = [u for u in merge.members if u in cand.rank]
        if len(members) != len(merge.members):
            continue
        for rep in (merge.into, min(members, key=cand.rank.__getitem__)):
            if all((u, rep) in built.x for u in members):
                chosen.update((u, rep) for u in members)
                break
    grouped = {u for u, _ in chosen}
    folded = {f.unit for f in plan.flattened if f.unit in built.folds}
    split_choice: set[tuple[str, int]] = set()
    for split in plan.splits:
        wanted = {(p.to, tuple(p.functions)) for p in split.parts}
        for k, option in enumerate(cand.splits.get(split.unit, ())):
            if {(p.to, p.functions) for p in option.parts} == wanted:
                split_choice.add((split.unit, k))
    gone = folded | {u for u, _ in split_choice}
    for (u, r), var in built.x.items():
        if u in grouped:
            built.model.add_hint(var, (u, r) in chosen)
        elif u not in gone:
            built.model.add_hint(var, u == r)
        else:
            built.model.add_hint(var, False)
    for w, var in built.folds.items():
        built.model.add_hint(var, w in folded)
    for key, var in built.splits.items():
        built.model.add_hint(var, key in split_choice)


@contextlib.contextmanager
def on_ctrl_c(stop: Callable[[], None]) -> Iterator[threading.Event]:
    """Call ``stop`` on Ctrl-C (SIGINT) until the block ends.

    The previous handler is restored afterwards. Outside the main thread,
    where Python cannot install handlers, nothing is installed. The event
    yielded is set once Ctrl-C was pressed.

    Raises
    ------
    ValueError
        Never in the main thread (``signal.signal`` raises it elsewhere,
        which is why it is not called there).
    """
    pressed = threading.Event()

    def interrupt(signum: int, frame: FrameType | None) -> None:
        pressed.set()
        stop()

    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, interrupt) if in_main else None
    try:
        yield pressed
    finally:
        if in_main:
            signal.signal(signal.SIGINT, previous)


def _run(
    solver: cp_model.CpSolver,
    model: cp_model.CpModel,
    watcher: _Watcher,
) -> tuple[int, bool]:
    """Solve in a helper thread; Ctrl-C stops the search gracefully."""
    outcome: dict[str, int] = {}

    def search() -> None:
        outcome["status"] = solver.solve(model, watcher)

    thread = threading.Thread(target=search, name="cp-sat", daemon=True)
    with on_ctrl_c(solver.stop_search) as pressed:
        thread.start()
        while thread.is_alive():
            thread.join(0.05)
    return outcome["status"], pressed.is_set()
