"""Which targets tie the blocks of a scenario together, and which need not.

Two movable units interact when they may merge, when one folds into or
splits towards the other, when they are parent and child, or when they
are siblings (their parent's children, intermediate status and child
rule depend on all of them): the connected components of that relation
(:func:`components`) are independent blocks but for the targets.

A target is one sum over the whole organisation, yet it need not tie
every block to every other:

- a unit limit (``max_units``, ``min_units``, the rulebook's limits) on a
  kind counts the fixed units of that kind and the survivors among its
  movable ones; the blocks that hold those movable units are joined, and
  the joined block carries the limit less the fixed units outside it
  (:func:`block_scenario`). A province's departments are siblings, so its
  limit of 14 departments stays inside the departments' block;
- a cut target on a count that adds up over blocks (focal points,
  leaders, units) that the greedy plan of the scenario without it still
  meets with room to spare (:data:`SLACK`) is left out of the blocks and
  checked on the joined plan: on the benchmark's M province the schools'
  mergers under the minimum-staff rule cut focal points far below the
  15% asked for, while the departments of ``province-departments`` merge
  their divisions for the target alone and stay in one model. Each
  block's bound holds without the target, so their sum is a valid bound
  with it; a joined plan that meets it is a plan of the whole scenario.
  One that misses it is solved again as one model
  (:mod:`orgplan.optimize`).

A pooled deputy average over a kind joins the blocks of its movable units
in the same way, when every unit of the kind is among them or their
siblings (the block is then solved with all of them, and its average is
the organisation's); otherwise it keeps the scenario in one block. So do
depth (``min_cut.layers``), the unit limits of territorial mergers (a
merged unit's kind is chosen by rule there), and cut targets that do
bind.

The stitched plan is checked against every target (:func:`missed`): a
limited kind's block with nothing to decide is not solved, and its count
is only checked there.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from networkx.utils import UnionFind

from orgplan.errors import InfeasibleScenario
from orgplan.model import Organisation
from orgplan.optimize.candidates import Candidates
from orgplan.optimize.greedy import solve_greedy
from orgplan.plan import Plan
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.after import apply_structure
from orgplan.semantics.targets import (
    Shortfall,
    shortfalls,
    structural_cuts,
    unit_limits,
    unit_minimums,
)
from orgplan.territory.places import territorial_kinds

# Cut targets that add up over disjoint parts (layers is a maximum).
ADDITIVE_CUTS = ("focal_points", "leaders", "units")

# A cut target is left out of the blocks when the greedy plan of the
# scenario without it still meets it with this share of the value before
# to spare: the blocks' plans improve on that plan's objective, and may
# undo some of its merges, but rarely a twentieth of the organisation's.
# A joined plan that misses it anyway is caught by the check and solved
# again whole.
SLACK = 0.05


@dataclass(frozen=True)
class Separation:
    """The blocks a scenario is solved in, and the targets left out of
    them (their rule names, such as ``min_cut.focal_points``) that the
    joined plan must be checked against."""

    blocks: list[set[str]]
    dropped: tuple[str, ...] = ()


def separate(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    cand: Candidates,
    stop: Callable[[], bool],
) -> Separation:
    """The independent blocks of the scenario, its targets considered.

    Parameters
    ----------
    org, scenario, rulebook, cand
        The problem and its candidates.
    stop
        When the greedy plan that judges the cut targets' slack must
        stop (its steps so far are then judged: fewer merges, a plan
        less likely to pass).

    Returns
    -------
    Separation
        One block of every movable unit when something ties them all.

    Raises
    ------
    KeyError
        Never for candidates found on ``org``.
    """
    whole = Separation([set(cand.movable)])
    limited = {*unit_limits(scenario, rulebook), *unit_minimums(scenario)}
    if limited and territorial_kinds(scenario.scope):
        return whole
    pooled = _pooled(org, rulebook, cand)
    blocks = _joined(org, components(org, scenario, cand), limited | pooled)
    if len(blocks) < 2 or not all(
        _gathered(org, blocks, kind) for kind in pooled
    ):
        return whole
    # Last: judging the cut targets takes a greedy run.
    dropped = cut_rules(scenario)
    if dropped and not _slack(org, scenario, rulebook, stop, dropped):
        return whole
    return Separation(blocks, dropped)


def cut_rules(scenario: Scenario) -> tuple[str, ...]:
    """The rule names of the scenario's structural cut targets."""
    targets = scenario.targets
    return (
        *(f"min_cut.{k}" for k in structural_cuts(scenario)),
        *(f"max_cut.{k}" for k in targets.max_cut),
    )


def _slack(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    stop: Callable[[], bool],
    rules: tuple[str, ...],
) -> bool:
    """Whether the greedy plan of the scenario without its cut targets
    (the blocks' own problem, at the whole organisation's scale) meets
    every target, and the cut targets with :data:`SLACK` of the value
    before to spare (the targets' own rounding, applied to fractions
    moved by ``SLACK``)."""
    if any(rule.split(".", 1)[1] not in ADDITIVE_CUTS for rule in rules):
        return False
    targets = scenario.targets
    free = targets.model_copy(update={"min_cut": {}, "max_cut": {}})
    try:
        start = solve_greedy(
            org, scenario.model_copy(update={"targets": free}), rulebook, stop
        )
    except InfeasibleScenario:
        return False
    tight = targets.model_copy(
        update={
            "min_cut": {
                k: f + SLACK
                for k, f in targets.min_cut.items()
                if k != "staff"
            },
            "max_cut": {k: f - SLACK for k, f in targets.max_cut.items()},
        }
    )
    if any(f >= 1 for f in tight.min_cut.values()) or any(
        f <= 0 for f in tight.max_cut.values()
    ):
        return False
    tightened = scenario.model_copy(update={"targets": tight})
    return not missed(org, tightened, rulebook, start)


def missed(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    plan: Plan,
) -> list[Shortfall]:
    """The targets ``plan`` misses (the checker's own
    :func:`~orgplan.semantics.targets.shortfalls`; minimum staff is each
    block's own rule)."""
    after = apply_structure(org, plan, rulebook)
    return [
        s
        for s in shortfalls(org, scenario, rulebook, after)
        if s.rule != "min_staff"
    ]


def block_scenario(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    sub: Organisation,
    block: set[str],
    dropped: Iterable[str],
) -> Scenario:
    """The scenario one block is solved with, on ``sub`` (the part of
    ``org`` the block can affect).

    Each unit limit counts the units of its kind in ``sub``: the block
    that holds the kind's movable units gets the limit less the units of
    that kind outside ``sub`` (fixed: no other block removes them); any
    other block gets its own count, which it cannot change. The
    ``dropped`` cut targets are left out.
    """
    inside = Counter(u.kind for u in sub.units)
    total = Counter(u.kind for u in org.units)
    mine = {org.unit(u).kind for u in block}
    gone = set(dropped)
    targets = scenario.targets
    update = {
        "max_units": {
            kind: n - (total[kind] - inside[kind])
            if kind in mine
            else inside[kind]
            for kind, n in unit_limits(scenario, rulebook).items()
        },
        "min_units": {
            kind: n - (total[kind] - inside[kind])
            for kind, n in unit_minimums(scenario).items()
            if kind in mine
        },
        "min_cut": {
            k: f
            for k, f in targets.min_cut.items()
            if f"min_cut.{k}" not in gone
        },
        "max_cut": {
            k: f
            for k, f in targets.max_cut.items()
            if f"max_cut.{k}" not in gone
        },
    }
    return scenario.model_copy(
        update={"targets": targets.model_copy(update=update)}
    )


def components(
    org: Organisation, scenario: Scenario, cand: Candidates
) -> list[set[str]]:
    """The movable units in groups whose decisions do not interact, the
    targets left aside (see the module's docstring).

    Raises
    ------
    KeyError
        Never for candidates found on ``org``.
    """
    groups = UnionFind(cand.movable)
    for uid in cand.movable:
        parent = org.unit(uid).parent
        if parent is not None:
            groups.union(uid, parent)
    union_pairs(groups, cand.graph.edges)
    union_pairs(groups, cand.folds.items())
    union_pairs(
        groups,
        (
            (uid, part.to)
            for uid, options in cand.splits.items()
            for option in options
            for part in option.parts
        ),
    )
    for group in (*scenario.must_merge, *scenario.must_not_merge):
        union_pairs(groups, itertools.pairwise(group))
    found: dict[str, set[str]] = {}
    for uid in cand.movable:
        found.setdefault(groups[uid], set()).add(uid)
    return list(found.values())


def union_pairs(groups: UnionFind, pairs: Iterable[tuple[str, str]]) -> None:
    """Join the groups of each pair's two members."""
    for a, b in pairs:
        groups.union(a, b)


def _joined(
    org: Organisation, blocks: list[set[str]], kinds: set[str]
) -> list[set[str]]:
    """``blocks``, those holding movable units of one limited kind joined
    (the limit then constrains one block)."""
    groups = UnionFind(range(len(blocks)))
    for kind in kinds:
        holding = [
            i
            for i, block in enumerate(blocks)
            if any(org.unit(u).kind == kind for u in block)
        ]
        union_pairs(groups, itertools.pairwise(holding))
    found: dict[int, set[str]] = {}
    for i, block in enumerate(blocks):
        found.setdefault(groups[i], set()).update(block)
    return list(found.values())


def decides(cand: Candidates, block: set[str]) -> bool:
    """Whether ``block`` has any merge, fold or split to choose."""
    return (
        any(cand.reps.get(u) for u in block)
        or any(u in cand.folds for u in block)
        or any(u in cand.splits for u in block)
    )


def _pooled(
    org: Organisation, rulebook: Rulebook, cand: Candidates
) -> set[str]:
    """The kinds of movable units with a pooled deputy average (one cap
    over every unit of the kind)."""
    kinds = {org.unit(u).kind for u in cand.movable}
    return {k for k in kinds if rulebook.kinds[k].deputy_average is not None}


def _gathered(org: Organisation, blocks: list[set[str]], kind: str) -> bool:
    """Whether every unit of ``kind`` is in the block that holds its
    movable ones or beside one of them (a sibling): the part of the
    organisation that block is solved on then holds them all, and its
    pooled average is the whole organisation's."""
    owner = next(
        (b for b in blocks if any(org.unit(u).kind == kind for u in b)),
        set(),
    )
    parents = {org.unit(u).parent for u in owner}
    return all(
        u.id in owner or u.parent in parents
        for u in org.units
        if u.kind == kind
    )


def coupled(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    cand: Candidates,
) -> bool:
    """Whether a target or a pooled cap ties every movable unit together,
    however slack (``solver.decompose: budget`` then splits the targets
    among trees).

    Raises
    ------
    KeyError
        Never for candidates found on ``org``.
    """
    return bool(
        unit_limits(scenario, rulebook)
        or unit_minimums(scenario)
        or scenario.targets.max_cut
        or structural_cuts(scenario)
        or _pooled(org, rulebook, cand)
    )
