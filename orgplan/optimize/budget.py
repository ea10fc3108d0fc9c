"""Targets split among trees: ``solver.decompose: budget``.

A scenario whose targets tie every movable unit together
(:func:`orgplan.optimize.coupling.coupled`) is solved, when it asks for
``solver.decompose: budget``, as one block per root's tree
(:func:`budget_blocks`) with the targets split among them
(:func:`split_targets`) so that meeting every share meets the target;
the plan's notes say so, since the split may cost optimality.
"""

from __future__ import annotations

import itertools
from typing import Any

from networkx.utils import UnionFind

from orgplan.graph import metrics
from orgplan.model import Organisation
from orgplan.optimize.candidates import Candidates
from orgplan.optimize.coupling import ADDITIVE_CUTS, decides, union_pairs
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario, Targets
from orgplan.semantics.staff import largest_remainder
from orgplan.semantics.targets import unit_limits, unit_minimums


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
    union_pairs(groups, ((root[a], root[b]) for a, b in pairs))
    for group in (*scenario.must_merge, *scenario.must_not_merge):
        tops = [root[u] for u in group if u in root]
        union_pairs(groups, itertools.pairwise(tops))
    found: dict[str, set[str]] = {}
    for uid in cand.movable:
        found.setdefault(groups[root[uid]], set()).add(uid)
    return [b for b in found.values() if decides(cand, b)]


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
