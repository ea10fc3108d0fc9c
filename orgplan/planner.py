"""From an organisation and a scenario to a full plan.

The one recipe behind ``orgplan plan``: solve the structure (CP-SAT or the
greedy baseline), plan the staffing on the result, apply both and measure
before and after. Nothing here touches files.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from orgplan.apply import apply
from orgplan.graph import metrics
from orgplan.model import Organisation
from orgplan.optimize import Progress, Run, solve_structure
from orgplan.optimize.progress import relative_gap
from orgplan.plan import Plan, Result
from orgplan.scenario import Method, Scenario
from orgplan.semantics.leadership import with_deadline
from orgplan.semantics.terms import objective_terms, objective_value
from orgplan.staffing import plan_staffing
from orgplan.territory.summary import territory_notes


def solve(
    organisation: Organisation,
    scenario: Scenario,
    *,
    method: Method | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> Result:
    """Propose a restructuring of ``organisation`` for ``scenario``.

    Parameters
    ----------
    organisation
        The organisation before; never modified.
    scenario
        Targets, rules, locks, weights and solver settings.
    method
        ``"cpsat"`` or ``"greedy"``; defaults to the scenario's solver
        method.
    progress
        Called from the first second on with the phase, the best plan's
        objective, the bound and the wall-clock time.

    Returns
    -------
    Result
        The plan (structure, leadership, staffing, metrics before and
        after, solver status) and the solver's statistics.

    Raises
    ------
    orgplan.errors.InfeasibleScenario
        If no plan meets the targets, locks and rules together; the error
        names a small set of conflicting requirements.
    """
    rulebook = scenario.rulebook()
    # One wall clock and one Ctrl-C for the structure and the staffing:
    # Ctrl-C during the staffing stage lets it finish on the best plan.
    run = Run(scenario.solver.time_limit_s, progress)
    with run.catching_ctrl_c(), run.ticking():
        structural = solve_structure(
            organisation,
            scenario,
            rulebook,
            method=method or scenario.solver.method,
            run=run,
        )
        run.check()
        if structural.plan.objective is None:
            return structural
        run.enter("staffing")
        plan = plan_staffing(
            organisation, scenario, rulebook, structural.plan
        )
    run.check()
    after = apply(organisation, plan)
    terms = objective_terms(organisation, scenario, plan)
    # The solver's objective and bound cover the structure; the staffing
    # stage is solved exactly afterwards, so its cost shifts both alike.
    staffing_cost = scenario.weights.transfers * terms["transfers"]
    objective, bound, gap = _measured(
        plan, objective_value(terms, scenario.weights), staffing_cost
    )
    plan = plan.model_copy(
        update={
            "objective_terms": terms,
            "objective": objective,
            "bound": bound,
            "gap": gap,
            "metrics": {
                "before": with_deadline(metrics(organisation, rulebook)),
                "after": with_deadline(metrics(after, rulebook), plan),
            },
            "units_after": after.units,
            "settings": _settings(scenario),
            # A territorial merger's summary (none for other scenarios):
            # kinds after, groups not connected, units short of a
            # standard, agreement with the shipped real result.
            "notes": (
                *plan.notes,
                *territory_notes(organisation, scenario, plan),
            ),
        }
    )
    stopped = structural.stopped_early or run.stopped.is_set()
    return structural.model_copy(
        update={"plan": plan, "stopped_early": stopped}
    )


def _measured(
    plan: Plan, objective: float, staffing_cost: float
) -> tuple[float | None, float | None, float | None]:
    """The plan's objective, bound and gap with the staffing stage in.

    The gap is measured again on the objective the plan reports, which is
    recomputed from its terms in exact arithmetic: the solver's own value
    rounds scaled terms (the territory's kilometres), and a gap taken from
    it would not match the objective and bound printed beside it (the
    checker's ``gap`` rule, docs/semantics.md).
    """
    if plan.objective is None:
        return None, None, None
    if plan.bound is None:
        return objective, None, plan.gap
    bound = min(plan.bound + staffing_cost, objective)
    structure = objective - staffing_cost
    gap = relative_gap(structure, bound - staffing_cost)
    return objective, round(bound, 2), round(gap, 6)


def _settings(scenario: Scenario) -> dict[str, Any]:
    """What plan.json records of the scenario, so that a plan can be
    checked, re-exported and compared without its scenario at hand."""
    settings = scenario.model_dump(
        mode="json", exclude={"path", "data", "description"}
    )
    settings["scenario_path"] = (
        str(scenario.path.resolve()) if scenario.path else None
    )
    settings["data_path"] = str(scenario.data.resolve())
    return settings
