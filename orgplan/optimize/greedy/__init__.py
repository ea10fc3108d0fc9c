"""The greedy baseline: fold and merge the most similar units, step by step.

For comparison with CP-SAT and as its warm start. Starting from the
scenario's must-merge groups, it repeatedly takes the most similar allowed
step that helps -- merge two groups, or fold an intermediate or
undersized unit into its parent -- while a target is missed the one that
brings it closer, then the one that lowers the objective. It runs with
two orderings of the steps and keeps the better plan. Steps are scored
incrementally (see :class:`_Live`) and the plan it returns is measured
once by :mod:`orgplan.semantics` (the checker's definitions), so it
passes the checker (the staff cut aside, which the staffing stage's
quota rule meets). It never splits a unit and is deterministic.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection

from orgplan.errors import InfeasibleScenario
from orgplan.model import Organisation
from orgplan.optimize.greedy.consolidate import consolidated
from orgplan.optimize.greedy.leadership import plan_leadership
from orgplan.optimize.greedy.live import _Live
from orgplan.optimize.greedy.search import _Search
from orgplan.optimize.greedy.steps import _RANKINGS, _by_effect, _similar_first
from orgplan.optimize.reasons import fold_reasons, merge_reasons
from orgplan.plan import Plan
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.territory.start import territorial_start

__all__ = [
    "_Live",
    "_Search",
    "_by_effect",
    "_similar_first",
    "plan_leadership",
    "solve_greedy",
]


def solve_greedy(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    stop: Callable[[], bool] | None = None,
    *,
    within: Collection[str] | None = None,
) -> Plan:
    """A feasible plan by greedy folds and merges.

    Parameters
    ----------
    org
        The organisation before; never modified.
    scenario
        Scope, targets, locks, must pairs, weights and leadership policy.
    rulebook
        The rules (``scenario.rulebook()``).
    stop
        Asked between steps; when it says so (the time limit) the search
        ends with the steps taken so far, a plan of their own when they
        meet the targets (its notes say it was stopped).
    within
        Only these units take steps (and only must-merge groups among
        them are joined): one block of a larger scenario, solved on the
        part of the organisation around it (:mod:`orgplan.optimize.
        blocks`).

    Returns
    -------
    Plan
        Status ``feasible``, method ``greedy``, with merges (and their
        reasons), folds, leadership, the objective and its terms. The
        staffing fields are left empty.

    Raises
    ------
    orgplan.errors.InfeasibleScenario
        If a must-merge group cannot merge under the rules, or the greedy
        steps cannot meet the targets (or had not met them when
        stopped); the message names what is missed.
    """
    # A purely territorial scope starts from the connected greedy map,
    # which meets exact counts (orgplan.territory.start).
    start = territorial_start(org, scenario, rulebook)
    if start is not None:
        return start
    started = time.perf_counter()
    search = _Search(org, scenario, rulebook, stop, within)
    draft = search.must_merge()
    scores = []
    for rank in _RANKINGS:
        live = _Live(search, draft, rank)
        # First fold intermediate and undersized units (a merged unit can
        # no longer fold), then take any step.
        for folds_only in (True, False):
            live.run(folds_only)
        # The running totals guide the search; the plan is measured once
        # by the checker's own functions. Support units the steps brought
        # together consolidate, unless that misses a target.
        plain = search.score(live.draft())
        joined = search.score(consolidated(search, live.draft()))
        scores.append(joined if joined.shortfall <= plain.shortfall else plain)
        if search.stopped:
            break
    score = min(scores, key=lambda s: (s.shortfall, s.objective))
    if score.shortfall > 0:
        raise InfeasibleScenario(scenario.name, search.missed(score.plan))
    notes = score.plan.notes
    if search.stopped:
        notes = (*notes, {"key": "note_greedy_stopped"})
    leaders = {e.unit: e.heads + e.deputies for e in score.plan.leadership}
    return score.plan.model_copy(
        update={
            "merges": tuple(
                m.model_copy(
                    update={
                        "reasons": merge_reasons(
                            org,
                            scenario,
                            rulebook,
                            m.members,
                            leaders[m.into],
                        )
                    }
                )
                for m in score.plan.merges
            ),
            "flattened": tuple(
                f.model_copy(
                    update={
                        "reasons": fold_reasons(
                            org, rulebook, f.unit, scenario
                        )
                    }
                )
                for f in score.plan.flattened
            ),
            "solve_seconds": round(time.perf_counter() - started, 3),
            "notes": notes,
        }
    )
