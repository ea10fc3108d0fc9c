"""Solve a large scenario block by block, then stitch the plans.

Two movable units interact when they may merge, when one folds into or
splits towards the other, when they are parent and child, or when they
are siblings (their parent's children, intermediate status and child
rule depend on all of them). The connected components of that relation
are independent blocks as long as nothing couples the whole organisation:
a ``max_units`` or ``min_cut`` target, or a pooled deputy average over a
kind the plan may change. Coupled scenarios are solved as one model (a
budget split of the targets among blocks would lose optimality without
saying so).

Each block is solved on the part of the organisation it can affect (its
units, their ancestors, and the children and grandchildren around them),
with a share of the time limit in proportion to its size. The terms of
the stitched plan are the terms before the plan plus each block's change,
which is exact because every unit's term changes in one block only.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable
from dataclasses import replace

from networkx.utils import UnionFind

from orgplan.graph import metrics
from orgplan.model import Organisation
from orgplan.optimize.candidates import Candidates
from orgplan.optimize.cpsat import Settings, on_ctrl_c, solve_cpsat
from orgplan.optimize.model import TERMS
from orgplan.optimize.progress import Progress, relative_gap
from orgplan.plan import Plan, Result, SolveStatus
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario

# The least time a block gets, and all a block gets after Ctrl-C; a
# block with no plan in its share gets one more try of RETRY_SECONDS.
MIN_BLOCK_SECONDS = 1.0
RETRY_SECONDS = 10.0


def independent_blocks(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    cand: Candidates,
) -> list[set[str]]:
    """The movable units in groups whose decisions do not interact.

    One group holding every movable unit when a target or a pooled cap
    couples them.

    Raises
    ------
    KeyError
        Never for candidates found on ``org``.
    """
    if _coupled(org, scenario, rulebook, cand):
        return [set(cand.movable)]
    groups = UnionFind(cand.movable)
    for uid in cand.movable:
        parent = org.unit(uid).parent
        if parent is not None:
            groups.union(uid, parent)
    _union(groups, cand.graph.edges)
    _union(groups, cand.folds.items())
    _union(
        groups,
        (
            (uid, part.to)
            for uid, options in cand.splits.items()
            for option in options
            for part in option.parts
        ),
    )
    for group in (*scenario.must_merge, *scenario.must_not_merge):
        _union(groups, itertools.pairwise(group))
    found: dict[str, set[str]] = {}
    for uid in cand.movable:
        found.setdefault(groups[uid], set()).add(uid)
    return list(found.values())


def _union(groups: UnionFind, pairs: Iterable[tuple[str, str]]) -> None:
    for a, b in pairs:
        groups.union(a, b)


def solve_in_blocks(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    cand: Candidates,
    settings: Settings,
    blocks: list[set[str]],
    *,
    hint: Plan | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> Result:
    """Solve each block alone and stitch the plans.

    Parameters
    ----------
    org, scenario, rulebook, cand, settings
        As for :func:`~orgplan.optimize.cpsat.solve_cpsat`.
    blocks
        From :func:`independent_blocks`.
    hint
        A plan for the whole organisation; each block takes its part.
    progress
        Called after each block with the running objective and bound
        (blocks not solved yet count as unchanged).

    Returns
    -------
    Result
        The stitched plan; its status is optimal only when every block's
        is. Ctrl-C gives each remaining block only a moment.

    Raises
    ------
    orgplan.errors.InfeasibleScenario
        If a block has no plan, with that block's conflicting set.
    """
    weights = scenario.weights
    before = _baseline(org, rulebook)
    start = time.perf_counter()
    total = sum(len(b) for b in blocks)
    terms = {t: before.get(t, 0.0) for t in (*TERMS, "transfers")}
    objective = bound = _weighted(before, weights)
    plans: list[Plan] = []
    statuses: set[SolveStatus] = set()
    stopped = False
    first: float | None = None
    counts = [0, 0]
    with on_ctrl_c(lambda: None) as pressed:
        for block in blocks:
            sub = _neighbourhood(org, block)
            share = settings.time_limit_s * len(block) / total
            budget = (
                MIN_BLOCK_SECONDS if stopped else max(MIN_BLOCK_SECONDS, share)
            )
            offset = time.perf_counter() - start
            for seconds in (budget, RETRY_SECONDS):
                result = solve_cpsat(
                    sub,
                    scenario,
                    rulebook,
                    cand.restrict(block),
                    replace(settings, time_limit_s=seconds),
                    hint=hint,
                )
                if result.plan.objective is not None or stopped:
                    break
            plan = result.plan
            if plan.objective is None:
                return Result(
                    plan=plan.model_copy(update={"scenario": scenario.name}),
                    stopped_early=stopped or result.stopped_early,
                )
            stopped = stopped or result.stopped_early or pressed.is_set()
            if result.first_solution_seconds is not None:
                first = offset + result.first_solution_seconds
            counts[0] += result.num_variables
            counts[1] += result.num_constraints
            statuses.add(plan.status)
            plans.append(plan)
            base = _baseline(sub, rulebook)
            for term, value in plan.objective_terms.items():
                terms[term] += value - base.get(term, 0.0)
            change = _weighted(base, weights)
            objective += plan.objective - change
            bound += (plan.bound if plan.bound is not None else 0.0) - change
            if progress is not None:
                progress(
                    Progress(
                        objective=round(objective, 2),
                        bound=round(bound, 2),
                        gap=relative_gap(objective, bound),
                        elapsed=time.perf_counter() - start,
                        solutions=len(plans),
                    )
                )
    objective = round(_weighted(terms, weights), 2)
    status = (
        SolveStatus.OPTIMAL
        if statuses == {SolveStatus.OPTIMAL}
        else SolveStatus.FEASIBLE
    )
    stitched = Plan(
        scenario=scenario.name,
        status=status,
        method="cpsat",
        mode=settings.mode,
        objective=objective,
        bound=round(bound, 4),
        # Block bounds carry the model's rounding of incoherence costs.
        gap=(
            0.0
            if status == SolveStatus.OPTIMAL
            else round(relative_gap(objective, bound), 6)
        ),
        solve_seconds=round(sum(p.solve_seconds for p in plans), 3),
        seed=settings.seed,
        workers=plans[0].workers if plans else settings.workers,
        objective_terms=terms,
        merges=tuple(m for p in plans for m in p.merges),
        flattened=tuple(f for p in plans for f in p.flattened),
        splits=tuple(s for p in plans for s in p.splits),
        leadership=tuple(lead for p in plans for lead in p.leadership),
        binding_rules=tuple(r for p in plans for r in p.binding_rules),
        notes=(f"solved in {len(blocks)} independent blocks",),
    )
    return Result(
        plan=stitched,
        num_variables=counts[0],
        num_constraints=counts[1],
        first_solution_seconds=first,
        stopped_early=stopped,
    )


def _coupled(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    cand: Candidates,
) -> bool:
    targets = scenario.targets
    if targets.max_units or set(targets.min_cut) - {"staff"}:
        return True
    if any(k in scenario.scope.kinds for k in rulebook.max_units):
        return True
    kinds = {org.unit(u).kind for u in cand.movable}
    return any(rulebook.kinds[k].deputy_average is not None for k in kinds)


def _neighbourhood(org: Organisation, block: set[str]) -> Organisation:
    """The units a block's decisions can affect or depend on."""
    keep = set(block)
    for uid in block:
        parent = org.unit(uid).parent
        while parent is not None and parent not in keep:
            keep.add(parent)
            parent = org.unit(parent).parent
    for uid in list(keep):
        keep.update(org.children(uid))
    for uid in block:
        for child in org.children(uid):
            keep.update(org.children(child))
    return Organisation(
        units=tuple(u for u in org.units if u.id in keep),
        localities=org.localities,
        functions=org.functions,
        name=org.name,
    )


def _baseline(org: Organisation, rulebook: Rulebook) -> dict[str, float]:
    """The per-unit terms of ``org`` as it is (no decision taken)."""
    numbers = metrics(org, rulebook)
    return {
        "focal_points": float(numbers.focal_points),
        "leaders": float(numbers.leaders),
        "layers": float(numbers.intermediate_units),
        "imbalance": float(sum(abs(u.actual - u.quota) for u in org.units)),
    }


def _weighted(terms: dict[str, float], weights: object) -> float:
    return sum(getattr(weights, t) * v for t, v in terms.items())
