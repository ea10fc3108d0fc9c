"""The optimiser: propose merges, folds, splits and leadership.

:func:`solve_structure` is the one entry point (``orgplan.planner`` calls
it); ``method="cpsat"`` solves the model of :mod:`orgplan.optimize.model`
warm-started by the greedy baseline, ``method="greedy"`` returns the
baseline alone. Large scenarios whose targets do not couple the whole
organisation are solved in independent blocks, coupled ones in one block
per tree with the targets split among them when
``solver.decompose`` is ``budget`` (:mod:`orgplan.optimize.blocks`).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from orgplan.errors import InfeasibleScenario
from orgplan.model import Organisation
from orgplan.optimize.blocks import (
    budget_blocks,
    coupled,
    independent_blocks,
    solve_in_blocks,
)
from orgplan.optimize.candidates import find_candidates
from orgplan.optimize.cpsat import Settings, solve_cpsat
from orgplan.optimize.decode import kept_excess
from orgplan.optimize.explain import preflight
from orgplan.optimize.greedy import solve_greedy
from orgplan.optimize.progress import Progress
from orgplan.plan import Plan, Result
from orgplan.rules import Rulebook
from orgplan.scenario import Method, Scenario

__all__ = ["Progress", "solve_structure"]

# The greedy baseline re-checks the whole plan at every step; beyond this
# many movable units it takes minutes, longer than a whole solve should,
# so it is not used as a hint.
HINT_LIMIT = 2000


def solve_structure(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    *,
    method: Method = "cpsat",
    progress: Callable[[Progress], None] | None = None,
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
        ``"cpsat"`` (the model, warm-started by the greedy plan) or
        ``"greedy"`` (the baseline alone).
    progress
        Called with each improving CP-SAT solution.

    Returns
    -------
    Result
        The structural plan (staffing fields empty) with the solver's
        status, objective, bound, gap, mode and statistics.

    Raises
    ------
    orgplan.errors.InfeasibleScenario
        If no plan meets the targets, locks and rules together; it names
        a small set of conflicting requirements in plain words.
    """
    start = time.perf_counter()
    preflight(org, scenario, rulebook)
    if method == "greedy":
        plan = solve_greedy(org, scenario, rulebook)
        return Result(plan=plan.model_copy(update={"method": "greedy"}))
    settings = Settings(
        time_limit_s=scenario.solver.time_limit_s,
        workers=scenario.solver.workers,
        seed=scenario.solver.seed,
        reproducible=scenario.solver.reproducible,
    )
    cand = find_candidates(org, scenario, rulebook)
    hint = (
        _greedy_hint(org, scenario, rulebook)
        if len(cand.movable) <= HINT_LIMIT
        else None
    )
    decompose = scenario.solver.decompose
    budget = decompose == "budget" and coupled(org, scenario, rulebook, cand)
    if decompose == "none":
        blocks = [set(cand.movable)]
    elif budget:
        blocks = budget_blocks(org, scenario, cand)
    else:
        blocks = independent_blocks(org, scenario, rulebook, cand)
    if len(blocks) > 1:
        result = solve_in_blocks(
            org,
            scenario,
            rulebook,
            cand,
            settings,
            blocks,
            budget=budget,
            elapsed=time.perf_counter() - start,
            hint=hint,
            progress=progress,
        )
    else:
        result = solve_cpsat(
            org,
            scenario,
            rulebook,
            cand,
            settings,
            hint=hint,
            progress=progress,
        )
    if result.plan.objective is None:
        return result
    kept = kept_excess(org, rulebook, result.plan, set(cand.movable))
    plan = result.plan.model_copy(
        update={"leadership": result.plan.leadership + kept}
    )
    return result.model_copy(update={"plan": plan})


def _greedy_hint(
    org: Organisation, scenario: Scenario, rulebook: Rulebook
) -> Plan | None:
    # A baseline that cannot meet the targets gives no hint; CP-SAT may
    # still find a plan (or explain why there is none).
    try:
        return solve_greedy(org, scenario, rulebook)
    except InfeasibleScenario:
        return None
