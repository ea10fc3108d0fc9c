"""The optimiser: propose merges, folds, splits and leadership.

:func:`solve_structure` is the one entry point (``orgplan.planner`` calls
it); ``method="cpsat"`` solves the model of :mod:`orgplan.optimize.model`
warm-started by the greedy baseline, ``method="greedy"`` returns the
baseline alone. Large scenarios are solved in independent blocks
(:mod:`orgplan.optimize.blocks`), the targets kept in the block they
constrain or checked on the joined plan (:mod:`orgplan.optimize.
coupling`); scenarios whose targets tie every unit together in one block
per tree with the targets split among them when ``solver.decompose`` is
``budget`` (:mod:`orgplan.optimize.budget`).

The whole solve runs on one wall clock (:class:`~orgplan.optimize.
progress.Run`): finding candidates, the greedy baseline, building the
model, completing the warm start, the search and decoding together keep
to ``solver.time_limit_s``; Ctrl-C or the time limit at any moment give
the best plan so far, the greedy plan when CP-SAT has none better, and
never a plan worse than the greedy one.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import replace

from orgplan.errors import InfeasibleScenario
from orgplan.model import Organisation
from orgplan.optimize.blocks import solve_in_blocks
from orgplan.optimize.budget import budget_blocks
from orgplan.optimize.candidates import (
    Candidates,
    find_candidates,
    missing_pairs,
)
from orgplan.optimize.coupling import Separation, coupled, missed, separate
from orgplan.optimize.cpsat import Settings, solve_cpsat
from orgplan.optimize.decode import kept_excess
from orgplan.optimize.explain import preflight
from orgplan.optimize.greedy import solve_greedy
from orgplan.optimize.mip import solve_mip
from orgplan.optimize.progress import PHASES, Progress, Run, relative_gap
from orgplan.plan import Plan, Result, SolveStatus
from orgplan.rules import Rulebook
from orgplan.scenario import Method, Scenario
from orgplan.semantics.after import apply_structure
from orgplan.semantics.coherence import CoherencePolicy, unconsolidated
from orgplan.semantics.naming import name_plan
from orgplan.semantics.scope import free_units

__all__ = ["PHASES", "Progress", "Run", "solve_structure"]

# The share of the time left that the greedy baseline may take before
# CP-SAT starts without it (it then still finishes in the background and
# is compared with CP-SAT's plan if it ends in time).
GREEDY_SHARE = 0.5
# The share of the time left that measuring and explaining the greedy
# plan may take after its steps stop, before CP-SAT starts without it.
GREEDY_FINISH_SHARE = 0.1

# The share of the time left that the greedy plan judging whether a cut
# target binds (orgplan.optimize.coupling) may take.
SLACK_SHARE = 0.1

# Seconds kept back from the search for decoding and the staffing stage,
# as a share of the time limit (at least RESERVE_MIN_S).
RESERVE_SHARE = 0.08
RESERVE_MIN_S = 0.5


def reserve(limit: float) -> float:
    """Seconds of ``limit`` kept for decoding and the staffing stage."""
    return min(0.5 * limit, max(RESERVE_MIN_S, RESERVE_SHARE * limit))


def solve_structure(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    *,
    method: Method = "cpsat",
    progress: Callable[[Progress], None] | None = None,
    run: Run | None = None,
) -> Result:
    """Decide the structure: merges, folds, splits, heads and deputies.

    Parameters
    ----------
    org
        The organisation before; never modified.
    scenario
        Scope, targets, locks, must/must-not pairs, weights and solver
        settings (``scenario.solver``).
    rulebook
        The rules (``scenario.rulebook()``).
    method
        ``"cpsat"`` (the model, warm-started by the greedy plan),
        ``"greedy"`` (the baseline alone) or ``"mip"`` (the same model
        as a MIP for HiGHS, :mod:`orgplan.optimize.mip`; its bound).
    progress
        Called from the first second on with the phase, the best plan's
        objective, the bound and the wall-clock time.
    run
        The clock and Ctrl-C state of a larger solve this one is part of
        (:func:`orgplan.planner.solve`); by default the solve has its own
        and catches Ctrl-C itself.

    Returns
    -------
    Result
        The structural plan (staffing fields empty) with the solver's
        status, objective, bound, gap, mode and statistics;
        ``stopped_early`` when Ctrl-C ended it.

    Raises
    ------
    orgplan.errors.InfeasibleScenario
        If no plan meets the targets, locks and rules together; it names
        a small set of conflicting requirements in plain words.
    """
    own = run is None
    if run is None:
        run = Run(scenario.solver.time_limit_s, progress)
    with contextlib.ExitStack() as stack:
        if own:
            stack.enter_context(run.catching_ctrl_c())
            stack.enter_context(run.ticking())
        result = _solve(org, scenario, rulebook, method, run)
    run.check()
    return _named(org, scenario, rulebook, result)


def _named(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    result: Result,
) -> Result:
    """The plan with its merged units named by the naming rules.

    The greedy names its own plans (a fallback to it is named already);
    CP-SAT's and the MIP's are named here, after the blocks are joined,
    so that names collide and ``names`` entries are checked across the
    whole organisation (docs/semantics.md section 2).
    """
    plan = result.plan
    if plan.objective is None or plan.method == "greedy":
        return result
    named = name_plan(org, plan, scenario.names, rulebook)
    return result.model_copy(update={"plan": named})


def _solve(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    method: Method,
    run: Run,
) -> Result:
    preflight(org, scenario, rulebook)
    if method == "greedy":
        run.enter("greedy")
        until = run.limit - reserve(run.limit)
        plan = solve_greedy(
            org, scenario, rulebook, _stopper(run, until, scenario)
        )
        run.found(plan.objective or 0.0, None, "greedy")
        return Result(plan=plan.model_copy(update={"method": "greedy"}))
    params = scenario.solver
    run.enter("candidates")
    cand = find_candidates(org, scenario, rulebook)
    settings = Settings(
        time_limit_s=params.time_limit_s,
        workers=params.workers,
        seed=params.seed,
        reproducible=params.reproducible,
    )
    if method == "mip":
        wall = max(0.0, run.left() - reserve(run.limit))
        bounded = solve_mip(
            org,
            scenario,
            rulebook,
            cand,
            replace(settings, time_limit_s=wall),
            run,
        )
        return _finish(org, rulebook, cand, bounded, settings, run)
    greedy = _greedy(org, scenario, rulebook, run)
    run.check()
    if run.stopped.is_set() and greedy.plan is not None:
        result = Result(plan=_fallback(greedy.plan, None, settings, run))
        return _finish(org, rulebook, cand, result, settings, run)
    if greedy.plan is not None and (pairs := missing_pairs(cand, greedy.plan)):
        # The model must be able to express its warm start.
        cand = find_candidates(org, scenario, rulebook, plan_pairs=pairs)
    decompose = params.decompose
    separation = Separation([set(cand.movable)])
    if decompose != "none":
        left = max(0.0, run.limit - run.elapsed())
        until = run.elapsed() + SLACK_SHARE * left
        timed = _stopper(run, until, scenario)
        # Unlike the warm start's, this greedy run is no plan promised:
        # Ctrl-C stops it too.
        separation = separate(
            org,
            scenario,
            rulebook,
            cand,
            lambda: run.stopped.is_set() or timed(),
        )
    # Exact blocks first; a budget split only where targets tie them all.
    budget = (
        decompose == "budget"
        and len(separation.blocks) == 1
        and coupled(org, scenario, rulebook, cand)
    )
    blocks = (
        budget_blocks(org, scenario, cand) if budget else separation.blocks
    )
    # The search gets what is left of the wall clock but the reserve for
    # decoding and staffing; reproducible runs keep their deterministic
    # budget, the wall clock as a backstop.
    wall = max(0.0, run.left() - reserve(run.limit))
    settings = replace(
        settings,
        time_limit_s=params.time_limit_s if params.reproducible else wall,
        wall_s=wall,
    )
    if len(blocks) > 1:
        result = solve_in_blocks(
            org,
            scenario,
            rulebook,
            cand,
            settings,
            blocks,
            run,
            budget=budget,
            dropped=separation.dropped,
            hint=greedy.plan,
        )
        if not budget and coupled(org, scenario, rulebook, cand):
            result = _checked(
                org,
                scenario,
                rulebook,
                cand,
                settings,
                run,
                result,
                hint=greedy.plan,
                dropped=separation.dropped,
            )
    else:
        result = solve_cpsat(
            org, scenario, rulebook, cand, settings, run, hint=greedy.plan
        )
    rival = greedy.wait(0.0)
    if (
        rival is not None
        and result.plan.objective is not None
        and _unconsolidated(org, scenario, rulebook, rival)
    ):
        # The greedy does not consolidate support units as part of a
        # merge (semantics section 5); CP-SAT's plan does.
        rival = None
    best = _better(result, rival, settings, run, budget)
    return _finish(org, rulebook, cand, best, settings, run)


def _checked(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    cand: Candidates,
    settings: Settings,
    run: Run,
    result: Result,
    *,
    hint: Plan | None,
    dropped: tuple[str, ...],
) -> Result:
    """The stitched plan of the blocks when it meets every target, else
    the scenario solved as one model in the time left.

    The blocks' bound holds either way: each block is solved under its
    own part of the targets and without the ``dropped`` ones, a
    relaxation of the scenario (:mod:`orgplan.optimize.coupling`).
    """
    plan = result.plan
    if plan.objective is None:
        return result
    misses = missed(org, scenario, rulebook, plan)
    if not misses:
        if not dropped:
            return result
        note = {"key": "note_dropped", "targets": ", ".join(dropped)}
        return result.model_copy(
            update={
                "plan": plan.model_copy(update={"notes": (*plan.notes, note)})
            }
        )
    wall = max(0.0, run.left() - reserve(run.limit))
    budget = settings.time_limit_s - plan.solve_seconds
    whole = solve_cpsat(
        org,
        scenario,
        rulebook,
        cand,
        replace(
            settings,
            time_limit_s=max(0.0, budget) if settings.reproducible else wall,
            wall_s=wall,
        ),
        run,
        hint=hint,
    )
    again = whole.plan
    bounds = [b for b in (again.bound, plan.bound) if b is not None]
    bound = max(bounds) if bounds else None
    if bound is not None and again.objective is not None:
        bound = min(bound, again.objective)
    note = {
        "key": "note_dropped_missed",
        "targets": ", ".join(sorted({s.rule for s in misses})),
    }
    update: dict[str, object] = {
        "bound": bound,
        "notes": (*again.notes, note),
    }
    if (
        bound is not None
        and again.objective is not None
        and again.status == SolveStatus.FEASIBLE
    ):
        update["gap"] = round(relative_gap(again.objective, bound), 6)
    return whole.model_copy(update={"plan": again.model_copy(update=update)})


def _unconsolidated(
    org: Organisation, scenario: Scenario, rulebook: Rulebook, plan: Plan
) -> bool:
    """Whether ``plan`` leaves two support units of one type that its
    merges made siblings (:func:`orgplan.semantics.coherence.
    unconsolidated`)."""
    after = apply_structure(org, plan, rulebook)
    policy = CoherencePolicy.from_scenario(scenario, rulebook)
    return bool(unconsolidated(org, after, free_units(org, scenario), policy))


class _Greedy:
    """The greedy baseline, run in a thread of its own."""

    def __init__(self) -> None:
        self.plan: Plan | None = None
        self.done = threading.Event()

    def wait(self, seconds: float) -> Plan | None:
        self.done.wait(seconds)
        return self.plan


def _greedy(
    org: Organisation, scenario: Scenario, rulebook: Rulebook, run: Run
) -> _Greedy:
    """Start the greedy baseline; wait for it while its share lasts.

    After Ctrl-C it is waited for to the end: it is the plan promised
    when CP-SAT has none. A baseline that cannot meet the targets gives
    no plan; CP-SAT may still find one (or explain why there is none).
    """
    run.enter("greedy")
    box = _Greedy()
    # Its steps stop at its share of the time; measuring and explaining
    # the plan they give takes a little more.
    # The clock's time left, Ctrl-C or not (run.left() is 0 after it).
    left = max(0.0, run.limit - run.elapsed())
    steps = run.elapsed() + GREEDY_SHARE * left
    stop = _stopper(run, steps, scenario)

    def work() -> None:
        try:
            box.plan = solve_greedy(org, scenario, rulebook, stop)
        except InfeasibleScenario:
            box.plan = None
        finally:
            box.done.set()

    thread = threading.Thread(target=work, name="greedy", daemon=True)
    thread.start()
    # Reproducible runs wait for it: the plan may not depend on the clock.
    until = steps + GREEDY_FINISH_SHARE * left
    patient = run.stopped.is_set() or scenario.solver.reproducible
    while not box.done.wait(0.05):
        if run.error is not None:
            break
        if not (patient or run.stopped.is_set()) and run.elapsed() > until:
            break
    if box.plan is not None and box.plan.objective is not None:
        run.found(box.plan.objective, None, "greedy")
    return box


def _stopper(run: Run, until: float, scenario: Scenario) -> Callable[[], bool]:
    """When the greedy steps must stop: at ``until`` seconds of the run.

    Not in reproducible mode, whose plan may not depend on the clock;
    not at Ctrl-C either: the greedy plan is the one promised when
    CP-SAT has none, and it is waited for (until its time is up).
    """
    if scenario.solver.reproducible:
        return lambda: False
    return lambda: run.elapsed() > until


def _better(
    result: Result,
    greedy: Plan | None,
    settings: Settings,
    run: Run,
    budget: bool,
) -> Result:
    """CP-SAT's plan, or the greedy plan when it is better or alone.

    Both objectives are the semantics' values of the plans (docs/
    semantics.md section 6), so the comparison is exact.
    """
    plan = result.plan
    if greedy is None or greedy.objective is None:
        return result
    if plan.objective is not None and plan.objective <= greedy.objective:
        return result
    # A budget split's bound holds for the split only.
    bound = None if budget else plan.bound
    fallback = _fallback(greedy, bound, settings, run, plan.solve_seconds)
    if plan.status == SolveStatus.INFEASIBLE:
        fallback = fallback.model_copy(
            update={
                "bound": None,
                "gap": None,
                "notes": (*greedy.notes, {"key": "note_greedy_no_model"}),
            }
        )
    return result.model_copy(update={"plan": fallback})


def _fallback(
    greedy: Plan,
    bound: float | None,
    settings: Settings,
    run: Run,
    seconds: float = 0.0,
) -> Plan:
    """The greedy plan, labelled as what the solve returns."""
    why = "note_ctrl_c" if run.stopped.is_set() else "note_in_time"
    bound = None if bound is None else min(bound, greedy.objective or 0.0)
    gap = None
    if bound is not None and greedy.objective is not None:
        gap = round(
            abs(greedy.objective - bound) / max(1.0, abs(greedy.objective)),
            6,
        )
    return greedy.model_copy(
        update={
            "status": SolveStatus.FEASIBLE,
            "method": "greedy",
            "mode": settings.mode,
            "seed": settings.seed,
            # Reproducible: CP-SAT's deterministic time, as its plans
            # record it (the wall clock replaces it otherwise).
            "solve_seconds": seconds,
            "bound": None if bound is None else round(bound, 4),
            "gap": gap,
            "notes": (
                *greedy.notes,
                {"key": "note_greedy_fallback", "why": {"key": why}},
            ),
        }
    )


def _finish(
    org: Organisation,
    rulebook: Rulebook,
    cand: Candidates,
    result: Result,
    settings: Settings,
    run: Run,
) -> Result:
    """Excess the plan leaves on fixed units; wall-clock time; stop flag."""
    stopped = result.stopped_early or run.stopped.is_set()
    if result.plan.objective is None:
        return result.model_copy(update={"stopped_early": stopped})
    kept = kept_excess(org, rulebook, result.plan, set(cand.movable))
    update: dict[str, object] = {"leadership": result.plan.leadership + kept}
    thinned = cand.graph.graph.get("thinned")
    if thinned:
        update["notes"] = (
            *result.plan.notes,
            {"key": "note_thinned", "n": thinned},
        )
    # Reproducible plans keep CP-SAT's deterministic time (a count of
    # work, the same on any machine) so that plan.json is the same byte
    # for byte; the caller measures the wall clock it waited.
    if not settings.reproducible:
        # What the user waited for, not the solver's own clock.
        update["solve_seconds"] = round(run.elapsed(), 3)
    plan = result.plan.model_copy(update=update)
    return result.model_copy(update={"plan": plan, "stopped_early": stopped})
