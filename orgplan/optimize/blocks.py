"""Solve a large scenario block by block, then stitch the plans.

Two movable units interact when they may merge, when one folds into or
splits towards the other, when they are parent and child, or when they
are siblings (their parent's children, intermediate status and child
rule depend on all of them). The connected components of that relation
are independent blocks as long as nothing couples the whole organisation:
a ``max_units``, ``min_units``, ``min_cut`` or ``max_cut`` target, or a
pooled deputy average over a kind the plan may change. Coupled scenarios
are solved as one model unless the scenario asks for
``solver.decompose: budget``: then each root's tree is a block
(:func:`budget_blocks`) and the targets are split among them
(:func:`split_targets`) so that meeting every share meets the target; the
plan's notes say so, since the split may cost optimality.

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

import itertools
import time
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from networkx.utils import UnionFind

from orgplan.errors import InfeasibleScenario
from orgplan.graph import metrics
from orgplan.model import Organisation
from orgplan.optimize.candidates import Candidates
from orgplan.optimize.cpsat import Settings, solve_cpsat
from orgplan.optimize.greedy import solve_greedy
from orgplan.optimize.progress import Run, relative_gap
from orgplan.plan import Plan, Result, SolveStatus
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario, Targets
from orgplan.semantics.staff import largest_remainder
from orgplan.semantics.targets import (
    shortfalls,
    structural_cuts,
    unit_limits,
    unit_minimums,
)
from orgplan.semantics.terms import TERMS

# Cut targets that add up over disjoint trees (layers is a maximum).
ADDITIVE_CUTS = ("focal_points", "leaders", "units")

# Independent blocks are packed into models of at least this many
# movable units (most blocks are one parent's dozen children).
BATCH_UNITS = 300

# The least time a block gets while the time limit lasts.
MIN_BLOCK_SECONDS = 1.0


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
    if coupled(org, scenario, rulebook, cand):
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


def budget_blocks(
    org: Organisation, scenario: Scenario, cand: Candidates
) -> list[set[str]]:
    """The movable units grouped by the root of their tree.

    Roots whose units may interact (a merge, fold or split across them, a
    must/must-not pair) share a block. Blocks with nothing to decide are
    left out: their units keep their part of every target unchanged.

    Raises
    ------
    KeyError
        Never for candidates found on ``org``.
    """
    if unit_minimums(scenario) or scenario.targets.max_cut:
        # Lower bounds on counts (min_units, max_cut) are not split among
        # trees (split_targets shares the upper bounds): one block keeps
        # them whole.
        return [set(cand.movable)]
    root = _roots(org)
    groups = UnionFind(org.roots)
    pairs = itertools.chain(
        cand.graph.edges,
        cand.folds.items(),
        (
            (uid, part.to)
            for uid, options in cand.splits.items()
            for option in options
            for part in option.parts
        ),
    )
    _union(groups, ((root[a], root[b]) for a, b in pairs))
    for group in (*scenario.must_merge, *scenario.must_not_merge):
        tops = [root[u] for u in group if u in root]
        _union(groups, itertools.pairwise(tops))
    found: dict[str, set[str]] = {}
    for uid in cand.movable:
        found.setdefault(groups[root[uid]], set()).add(uid)
    return [b for b in found.values() if _decides(cand, b)]


def split_targets(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    trees: list[Organisation],
    stay: set[str],
) -> tuple[list[Targets], dict[str, Any]]:
    """Each tree's share of the targets, and a note saying how (a
    catalogue message).

    ``min_cut`` of focal points, leaders or units: each tree cuts the
    fraction of its own count, raised so that the trees' cuts also cover
    the units outside them (the sum of ceilings is at least the ceiling
    of the sum). ``layers`` keeps its fraction (``d - ceil(f d)`` grows
    with ``d``). ``max_units[kind]``: the allowance left after the units
    outside the trees, in proportion to each tree's units of that kind
    (largest remainder), never below the units it cannot remove.

    Parameters
    ----------
    org, scenario, rulebook
        The problem with its global targets.
    trees
        Disjoint parts of ``org`` (whole trees), one per block.
    stay
        Units the plan cannot remove (not movable, or locked).

    Returns
    -------
    tuple[list[Targets], dict]
        The targets of each tree, in order, and a note for the plan.

    Raises
    ------
    KeyError
        Never for trees taken from ``org``.
    """
    whole = metrics(org, rulebook)
    parts = [metrics(t, rulebook) for t in trees]
    cuts: list[dict[str, float]] = [{} for _ in trees]
    words: list[dict[str, Any]] = []
    for key, fraction in scenario.targets.min_cut.items():
        scale = 1.0
        if key in ADDITIVE_CUTS:
            inside = sum(getattr(p, key) for p in parts)
            scale = getattr(whole, key) / inside if inside else 1.0
        share = min(fraction * scale, MAX_FRACTION)
        for cut in cuts:
            cut[key] = share
        words.append({"key": "note_share_cut", "target": key, "share": share})
    allowances: list[dict[str, int]] = [{} for _ in trees]
    for kind_id, n in unit_limits(scenario, rulebook).items():
        shares = _allowance(org, kind_id, n, trees, stay)
        for allow, share in zip(allowances, shares, strict=True):
            allow[kind_id] = share
        words.append(
            {
                "key": "note_share_units",
                "kind": kind_id,
                "n": n,
                "shares": "+".join(str(s) for s in shares),
            }
        )
    note = {
        "key": "note_budget",
        "n": len(trees),
        "shares": words or {"key": "note_none_to_split"},
    }
    targets = [
        Targets(max_units=a, min_cut=c)
        for a, c in zip(allowances, cuts, strict=True)
    ]
    return targets, note


# A fraction the targets may hold (min_cut must stay below 1).
MAX_FRACTION = 0.999999


def _allowance(
    org: Organisation,
    kind_id: str,
    n: int,
    trees: list[Organisation],
    stay: set[str],
) -> list[int]:
    """``n`` units of ``kind_id`` shared among ``trees`` (see above)."""
    counts = [sum(u.kind == kind_id for u in t.units) for t in trees]
    outside = sum(u.kind == kind_id for u in org.units) - sum(counts)
    shares = largest_remainder(max(0, n - outside), counts)
    floors = [
        sum(u.kind == kind_id and u.id in stay for u in t.units) for t in trees
    ]
    # Raising a share to its tree's locked units is paid for by the
    # shares with the most room, so that the sum still holds.
    owed = sum(max(0, f - s) for f, s in zip(floors, shares, strict=True))
    shares = [max(f, s) for f, s in zip(floors, shares, strict=True)]
    while owed:
        room = max(range(len(shares)), key=lambda i: shares[i] - floors[i])
        if shares[room] <= floors[room]:
            break
        shares[room] -= 1
        owed -= 1
    return shares


def _roots(org: Organisation) -> dict[str, str]:
    """The root of each unit's tree."""
    root: dict[str, str] = {}
    for top in org.roots:
        root[top] = top
        for uid in org.descendants(top):
            root[uid] = top
    return root


def block_trees(
    org: Organisation, blocks: list[set[str]]
) -> list[Organisation]:
    """For each block, the whole trees its units are in.

    Raises
    ------
    KeyError
        If a block names a unit ``org`` does not have.
    """
    root = _roots(org)
    found = []
    for block in blocks:
        tops = {root[u] for u in block}
        found.append(
            Organisation(
                units=tuple(u for u in org.units if root[u.id] in tops),
                localities=org.localities,
                functions=org.functions,
                name=org.name,
            )
        )
    return found


def _decides(cand: Candidates, block: set[str]) -> bool:
    """Whether ``block`` has any merge, fold or split to choose."""
    return (
        any(cand.reps.get(u) for u in block)
        or any(u in cand.folds for u in block)
        or any(u in cand.splits for u in block)
    )


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
    idle = set().union(*(b for b in blocks if not _decides(cand, b)))
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
    hint: Plan | None = None,
) -> Result:
    """Solve each block alone and stitch the plans.

    Parameters
    ----------
    org, scenario, rulebook, cand, settings, run
        As for :func:`~orgplan.optimize.cpsat.solve_cpsat`; ``settings``
        holds the time all blocks share.
    blocks
        From :func:`independent_blocks`, or from :func:`budget_blocks`
        with ``budget`` true: then each block is solved on its whole
        trees with its share of the targets (:func:`split_targets`).
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
        (b for b in blocks if _decides(cand, b)),
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
        scenarios = [scenario] * len(blocks)
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
            offset=objective - change,
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
        run.found(objective, bound, "cpsat")
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


def coupled(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    cand: Candidates,
) -> bool:
    """Whether a target or a pooled cap ties every movable unit together.

    Raises
    ------
    KeyError
        Never for candidates found on ``org``.
    """
    if (
        unit_limits(scenario, rulebook)
        or unit_minimums(scenario)
        or scenario.targets.max_cut
        or structural_cuts(scenario)
    ):
        return True
    kinds = {org.unit(u).kind for u in cand.movable}
    return any(rulebook.kinds[k].deputy_average is not None for k in kinds)


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
