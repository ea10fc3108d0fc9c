"""Solve a large scenario block by block, then stitch the plans.

The blocks come from :func:`orgplan.optimize.coupling.separate` (the
independent parts of the decisions, with the targets that do not tie
them kept inside one block or checked on the stitched plan), or, under
``solver.decompose: budget``, from
:func:`orgplan.optimize.budget.budget_blocks` (one per tree, each with
its share of the targets).

Each block is solved on the part of the organisation it can affect (its
units, their ancestors, and the children and grandchildren around them;
its whole trees under a budget split), smallest first, with a share of
the time left in proportion to its size, so that the largest block runs
last with all the time the others left. Each starts from the greedy plan
of the whole organisation, or, when that did not come in time, from its
own (:func:`_block_greedy`); a block whose search finds nothing better
in its share keeps that start. The stitched plan's bound is the sum of
the blocks' bounds (none when a block has none). Blocks with nothing to
decide skip CP-SAT. The terms of the stitched plan are the terms before
the plan plus each block's change, which is exact because every unit's
term changes in one block only.
"""

from __future__ import annotations

import time
from dataclasses import replace

from orgplan.errors import InfeasibleScenario
from orgplan.graph import metrics
from orgplan.model import Organisation
from orgplan.optimize.budget import block_trees, split_targets
from orgplan.optimize.candidates import Candidates
from orgplan.optimize.coupling import block_scenario, decides
from orgplan.optimize.cpsat import Settings, solve_cpsat
from orgplan.optimize.greedy import solve_greedy
from orgplan.optimize.progress import Run, Share, relative_gap
from orgplan.plan import Plan, Result, SolveStatus
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.targets import shortfalls
from orgplan.semantics.terms import TERMS

# Independent blocks are packed into models of at least this many
# movable units (most blocks are one parent's dozen children).
BATCH_UNITS = 300

# The least time a block gets while the time limit lasts.
MIN_BLOCK_SECONDS = 1.0


def _refuse_stuck(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    cand: Candidates,
    blocks: list[set[str]],
) -> None:
    """A block with nothing to decide keeps its units as they are, so a
    unit of it below its minimum (semantics section 5, a hard rule for
    units in scope) makes the scenario infeasible: no model is solved
    for such a block that could say so."""
    idle = set().union(*(b for b in blocks if not decides(cand, b)))
    stuck = [
        {"key": "conflict_stuck", "what": s.words}
        for s in shortfalls(org, scenario, rulebook, org)
        if s.rule == "min_staff" and s.forced and s.unit in idle
    ]
    if stuck:
        raise InfeasibleScenario(scenario.name, stuck)


def solve_in_blocks(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    cand: Candidates,
    settings: Settings,
    blocks: list[set[str]],
    run: Run,
    *,
    budget: bool = False,
    dropped: tuple[str, ...] = (),
    hint: Plan | None = None,
) -> Result:
    """Solve each block alone and stitch the plans.

    Parameters
    ----------
    org, scenario, rulebook, cand, settings, run
        As for :func:`~orgplan.optimize.cpsat.solve_cpsat`; ``settings``
        holds the time all blocks share.
    blocks
        From :func:`~orgplan.optimize.coupling.separate`, or from
        :func:`~orgplan.optimize.budget.budget_blocks` with ``budget``
        true: then each block is solved on its whole trees with its share
        of the targets (:func:`~orgplan.optimize.budget.split_targets`).
    dropped
        The cut targets :func:`~orgplan.optimize.coupling.separate` left
        out of the blocks (the caller checks the stitched plan).
    hint
        A plan for the whole organisation; each block takes its part.

    Returns
    -------
    Result
        The stitched plan; its status is optimal only when every block's
        is, its bound the sum of the blocks' bounds. Stopped (Ctrl-C,
        the time limit) before every block has a plan: no plan
        (``objective`` ``None``; the caller falls back on the greedy
        plan). Progress reports count blocks not solved yet as
        unchanged.

    Raises
    ------
    orgplan.errors.InfeasibleScenario
        If a block has no plan, with that block's conflicting set.
    """
    _refuse_stuck(org, scenario, rulebook, cand, blocks)
    weights = scenario.weights
    before = _baseline(org, rulebook)
    start = time.perf_counter()
    # Smallest first: time a block leaves unused goes to the blocks after
    # it, so the hardest (largest) block runs last with all that is left.
    blocks = sorted(
        (b for b in blocks if decides(cand, b)),
        key=lambda b: (len(b), min(b)),
    )
    if budget:
        regions = block_trees(org, blocks)
        stay = {u.id for u in org.units} - set(cand.movable) | cand.fixed
        shares, note = split_targets(org, scenario, rulebook, regions, stay)
        scenarios = [
            scenario.model_copy(update={"targets": t}) for t in shares
        ]
    else:
        note = {"key": "note_blocks", "n": len(blocks)}
        blocks = _batches(blocks)
        position = {u.id: i for i, u in enumerate(org.units)}
        regions = [_neighbourhood(org, b, position) for b in blocks]
        scenarios = [
            block_scenario(org, scenario, rulebook, sub, block, dropped)
            for sub, block in zip(regions, blocks, strict=True)
        ]
    left = sum(len(b) for b in blocks)
    terms = {t: before.get(t, 0.0) for t in TERMS}
    objective = _weighted(before, weights)
    bound: float | None = objective
    plans: list[Plan] = []
    statuses: set[SolveStatus] = set()
    first: float | None = None
    counts = [0, 0]
    spent = 0.0
    # Seconds blocks took beyond what they were given (building and
    # decoding their models), fast mode only: a reproducible plan may
    # not depend on the clock.
    over = 0.0
    for index, (block, sub, own) in enumerate(
        zip(blocks, regions, scenarios, strict=True)
    ):
        offset = time.perf_counter() - start
        # Time a block leaves unused goes to the blocks after it;
        # reproducible plans count CP-SAT's deterministic time only.
        used = spent if settings.reproducible else offset
        share = (settings.time_limit_s - used) * len(block) / left
        # ...and the blocks after it keep their least time, and what
        # blocks overran so far, so that the last are not left with
        # none (and the stitched plan without their bounds).
        after = len(blocks) - index - 1
        keep = (MIN_BLOCK_SECONDS + over / max(1, index)) * after
        share = min(share, settings.time_limit_s - used - keep)
        left -= len(block)
        wall = (
            None
            if settings.wall_s is None or settings.reproducible
            else settings.wall_s - (time.perf_counter() - start)
        )
        if run.stopped.is_set() or (wall is not None and wall <= 0):
            # Out of time: the caller falls back on the greedy plan.
            return Result(
                plan=Plan(
                    scenario=scenario.name, status=SolveStatus.NO_SOLUTION
                ),
                stopped_early=run.stopped.is_set(),
            )
        base = _baseline(sub, rulebook)
        change = _weighted(base, weights)
        seconds = max(MIN_BLOCK_SECONDS, share)
        if wall is not None:
            seconds = min(seconds, wall)
        began = time.perf_counter()
        result = solve_cpsat(
            sub,
            own,
            rulebook,
            cand.restrict(block),
            replace(settings, time_limit_s=seconds, wall_s=wall),
            run,
            hint=(
                hint
                if hint is not None
                else _block_greedy(sub, own, rulebook, block, run)
            ),
            # The other blocks' bounds are all known for the last only.
            share=Share(
                objective - change,
                None if after or bound is None else bound - change,
            ),
        )
        if not settings.reproducible:
            over += max(0.0, time.perf_counter() - began - seconds)
        plan = result.plan
        if plan.objective is None:
            return Result(
                plan=plan.model_copy(update={"scenario": scenario.name}),
                stopped_early=run.stopped.is_set(),
            )
        if result.first_solution_seconds is not None and first is None:
            first = result.first_solution_seconds
        counts[0] += result.num_variables
        counts[1] += result.num_constraints
        statuses.add(plan.status)
        spent += plan.solve_seconds
        plans.append(plan)
        for term, value in plan.objective_terms.items():
            terms[term] += value - base.get(term, 0.0)
        objective += plan.objective - change
        # A block without a bound (its warm start was its plan, before
        # any bound) leaves the stitched plan without one.
        bound = (
            None
            if bound is None or plan.bound is None
            else (bound + plan.bound - change)
        )
        run.found(objective, None if after else bound, "cpsat")
    objective = round(_weighted(terms, weights), 2)
    status = (
        SolveStatus.OPTIMAL
        if statuses <= {SolveStatus.OPTIMAL}
        else SolveStatus.FEASIBLE
    )
    stitched = Plan(
        scenario=scenario.name,
        status=status,
        method="cpsat",
        mode=settings.mode,
        objective=objective,
        bound=None if bound is None else round(bound, 4),
        # Block bounds carry the model's rounding of incoherence costs.
        gap=(
            0.0
            if status == SolveStatus.OPTIMAL
            else None
            if bound is None
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
        notes=(note,),
    )
    return Result(
        plan=stitched,
        num_variables=counts[0],
        num_constraints=counts[1],
        first_solution_seconds=first,
        stopped_early=run.stopped.is_set(),
    )


def _block_greedy(
    sub: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    block: set[str],
    run: Run,
) -> Plan | None:
    """The greedy plan of one block, as its warm start when the whole
    organisation's greedy plan did not come in time.

    A block's search may have too little time to find a plan of its own
    (the model's build takes most of a small share); its completed warm
    start is then its plan, so that one slow block does not leave the
    whole solve without a plan and a bound.
    """
    try:
        return solve_greedy(
            sub, scenario, rulebook, run.stopped.is_set, within=block
        )
    except InfeasibleScenario:
        return None


def _batches(blocks: list[set[str]]) -> list[set[str]]:
    """Small independent blocks packed together, in order.

    A union of independent blocks is independent of the rest, so one
    model per batch is as exact as one per block, without the overhead
    of building and starting thousands of tiny models.
    """
    packed: list[set[str]] = []
    for block in blocks:
        if packed and len(packed[-1]) < BATCH_UNITS:
            packed[-1] = packed[-1] | block
        else:
            packed.append(set(block))
    return packed


def _neighbourhood(
    org: Organisation, block: set[str], position: dict[str, int]
) -> Organisation:
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
        units=tuple(org.units[i] for i in sorted(position[u] for u in keep)),
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
