"""Which decisions the optimiser may take: merges, folds and splits.

Everything here is a pure function of the organisation, the scenario and
the rulebook (docs/semantics.md sections 1 and 5). The CP-SAT model only
creates variables for what this module allows, so a pair that may not
merge has no variable at all.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

import networkx as nx

from orgplan.model import Organisation, Unit
from orgplan.optimize.nearest import merge_pairs, pairs_across
from orgplan.plan import Plan
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.coherence import Coherence, CoherencePolicy
from orgplan.semantics.scope import (
    Obstacle,
    fold_obstacles,
    judge_for,
    locked_units,
    merge_obstacle,
    neighbours,
    unrelated,
)
from orgplan.semantics.staff import (
    largest_remainder,
    split_shares,
    staff_split,
)
from orgplan.semantics.terms import dissimilarity, split_cost
from orgplan.similarity import function_set, jaccard, similarity
from orgplan.territory.candidates import add_territorial_pairs

# Enumerating every way to hand a unit's functions to receivers grows as
# receivers ** functions; only the most coherent options are kept.
MAX_SPLIT_OPTIONS = 8


@dataclass(frozen=True)
class Part:
    """One receiver's share of a split unit."""

    to: str
    functions: tuple[str, ...]
    staff: int
    quota: int
    # The civil servants among ``staff``, as apply shares them.
    civil_servants: int = 0
    # Children of the split unit that move under ``to``.
    children: tuple[str, ...] = ()


@dataclass(frozen=True)
class SplitOption:
    """One complete way to dissolve a unit among receivers."""

    unit: str
    parts: tuple[Part, ...]
    incoherence: float


@dataclass(frozen=True)
class Candidates:
    """The decisions open to the optimiser.

    ``movable`` are the units that may take part in a decision, in input
    order. ``reps[u]`` are the units ``u`` may join as a merge member;
    ``rank`` orders units by staff, then input order (see
    :func:`find_candidates` for who may represent a group). ``fixed``
    are movable units that
    are locked; they only become variables when the model is built to
    explain an infeasible scenario.
    """

    movable: tuple[str, ...]
    fixed: frozenset[str]
    rank: dict[str, int]
    reps: dict[str, tuple[str, ...]]
    cost: dict[tuple[str, str], float]
    folds: dict[str, str]
    splits: dict[str, tuple[SplitOption, ...]]
    graph: nx.Graph
    # Per representative, pairs of its possible members whose work is
    # not related: they may not both join it (coherence is pairwise).
    clash: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    def members_of(self, rep: str) -> tuple[str, ...]:
        """Units that may join ``rep``'s group (itself excluded)."""
        return tuple(self.graph.nodes[rep].get("members", ()))

    def restrict(self, units: set[str]) -> Candidates:
        """The decisions of ``units`` alone (a block closed under them).

        Read unit by unit, not by scanning every decision: a large
        scenario is cut into hundreds of blocks (orgplan.optimize.blocks).
        """
        order = self._order
        own = sorted((u for u in units if u in order), key=order.__getitem__)
        return Candidates(
            movable=tuple(own),
            fixed=self.fixed & units,
            rank={u: self.rank[u] for u in own if u in self.rank},
            reps={u: self.reps[u] for u in own if u in self.reps},
            cost={
                (u, v): self.cost[(u, v)]
                for u in own
                if u in self.graph
                for v in self.graph[u]
                if (u, v) in self.cost and v in units
            },
            folds={w: self.folds[w] for w in own if w in self.folds},
            splits={u: self.splits[u] for u in own if u in self.splits},
            graph=self.graph.subgraph(units),
            clash={
                r: tuple(p for p in self.clash[r] if set(p) <= units)
                for r in own
                if r in self.clash
            },
        )

    @functools.cached_property
    def _order(self) -> dict[str, int]:
        """Each movable unit's place in input order."""
        return {u: i for i, u in enumerate(self.movable)}


def find_candidates(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    *,
    with_locked: bool = False,
    plan_pairs: Collection[tuple[str, str]] = (),
) -> Candidates:
    """The candidate graph and the fold and split options.

    Parameters
    ----------
    org, scenario, rulebook
        The problem.
    with_locked
        Also make locked units of the scope movable (marked ``fixed``), so
        that an explanation can name the lock that blocks a plan.
    plan_pairs
        Pairs ``(representative, member)`` of a plan's merges (the
        greedy's) that the graph must hold where the rules allow them:
        see :func:`missing_pairs`.

    Returns
    -------
    Candidates
        The allowed decisions.

    Raises
    ------
    KeyError
        If a unit's kind is missing from the rulebook (the input checks
        report it first).
    """
    scope = scenario.scope
    locked = locked_units(org, scenario)
    in_scope = [u for u in org.units if u.kind in scope.kinds]
    movable = tuple(
        u.id for u in in_scope if with_locked or u.id not in locked
    )
    fixed = frozenset(movable) & locked
    index = {u.id: i for i, u in enumerate(org.units)}
    ordered = sorted(
        movable, key=lambda uid: (-org.unit(uid).actual, index[uid])
    )
    rank = {uid: i for i, uid in enumerate(ordered)}
    movable_set = set(movable)
    near = neighbours(org)

    graph = nx.Graph()
    graph.add_nodes_from(movable)
    # Coherence is a rule (semantics section 5): unrelated pairs get no
    # edge, so CP-SAT, the greedy and the checker agree.
    judge = judge_for(org, scenario, rulebook)
    if scope.allow_merge and scope.max_group_size > 1:
        found = merge_pairs(org, scenario, rulebook, ordered, judge, near)
        for (a, b), sim in found.pairs.items():
            graph.add_edge(a, b, similarity=sim)
        if found.thinned:
            graph.graph["thinned"] = len(found.thinned)
        for rep, uid in plan_pairs:
            if (
                rep in movable_set
                and uid in movable_set
                and not graph.has_edge(rep, uid)
                and merge_obstacle(
                    org,
                    rulebook,
                    scenario,
                    org.unit(rep),
                    org.unit(uid),
                    near,
                    judge,
                )
                is None
            ):
                graph.add_edge(rep, uid, similarity=similarity(org, rep, uid))
    # A fold's receiver may be of a kind outside the scope (a chi cục in
    # scope folds into its department), never a locked unit.
    folds: dict[str, str] = {}
    if scope.allow_fold:
        for uid in movable:
            unit = org.unit(uid)
            parent = unit.parent
            # A locked parent is kept as a candidate when explaining
            # (with_locked), so that the explanation names its lock.
            if not fold_obstacles(org, rulebook, unit, parent) and (
                parent in movable_set or parent not in locked
            ):
                folds[uid] = parent
    if scope.merge_within == "parent":
        _add_cousins(org, rulebook, scenario, graph, judge, folds)
    # Territorial units may join any connected group (semantics 6a).
    territorial = add_territorial_pairs(org, scenario, rulebook, graph)
    splits: dict[str, tuple[SplitOption, ...]] = {}
    if scope.allow_split:
        for uid in movable:
            options = _split_options(
                org, rulebook, uid, graph, judge.policy, locked
            )
            if options:
                splits[uid] = options

    # The member with the most staff represents a group, which breaks the
    # symmetry between labellings of one group. A smaller member may
    # represent it too when that matters for more than the group's
    # incoherence: it has children, receives folds or split parts, or
    # sits elsewhere in the tree or is of another kind than its partner.
    receivers = set(folds.values()) | {
        p.to for options in splits.values() for o in options for p in o.parts
    }
    reps: dict[str, list[str]] = {uid: [] for uid in movable}
    cost: dict[tuple[str, str], float] = {}
    for a, b in sorted(graph.edges, key=lambda e: (rank[e[0]], rank[e[1]])):
        if rank[a] > rank[b]:
            a, b = b, a
        ua, ub = org.unit(a), org.unit(b)
        reps[b].append(a)
        cost[(b, a)] = cost[(a, b)] = dissimilarity(
            graph.edges[a, b]["similarity"]
        )
        if (
            b in receivers
            or org.children(b)
            or ua.parent != ub.parent
            or ua.kind != ub.kind
            or {a, b} <= territorial
        ):
            reps[a].append(b)
    clash: dict[str, tuple[tuple[str, str], ...]] = {}
    for rep, members in _members(reps).items():
        graph.nodes[rep]["members"] = members
        pairs = tuple(
            (a, b)
            for i, a in enumerate(members)
            for b in members[i + 1 :]
            if not graph.has_edge(a, b)
            and unrelated(
                org, rulebook, scenario, org.unit(a), org.unit(b), judge
            )
            is not None
        )
        if pairs:
            clash[rep] = pairs
    return Candidates(
        movable=movable,
        fixed=fixed,
        rank=rank,
        reps={u: tuple(r) for u, r in reps.items()},
        cost=cost,
        folds=folds,
        splits=splits,
        graph=graph,
        clash=clash,
    )


def missing_pairs(cand: Candidates, plan: Plan) -> list[tuple[str, str]]:
    """The pairs ``(representative, member)`` of ``plan``'s merges that
    ``cand``'s graph lacks.

    The greedy grows a group by joining two groups when every member may
    merge into the representative; the pair that joined them need not be
    one of the representative's nearest partners in a thinned graph
    (:mod:`orgplan.optimize.nearest`). The model only has variables for
    edges, so without these pairs it could not express the greedy plan
    and CP-SAT would start from nothing (bench W: 60 of 357 merges).
    """
    return [
        (merge.into, uid)
        for merge in plan.merges
        for uid in merge.members
        if uid != merge.into
        and merge.into in cand.graph
        and uid in cand.graph
        and not cand.graph.has_edge(merge.into, uid)
    ]


def _add_cousins(
    org: Organisation,
    rulebook: Rulebook,
    scenario: Scenario,
    graph: nx.Graph,
    judge: Coherence,
    folds: Mapping[str, str],
) -> None:
    """Related children of two units that may merge, or of a unit that
    may fold and its parent (semantics section 5).

    When parents merge their children become siblings, and so do the
    children of a folded unit and those of its parent (a chi cục's
    administration division and its department's office), so support
    units of one type may consolidate in the same plan; the edge is
    marked ``cousins`` and the model allows it only when both parents end
    in one unit. Large sets of children keep their nearest cousins
    (:mod:`orgplan.optimize.nearest`).
    """
    parents = [
        (p, q) for p, q in graph.edges if not graph.edges[p, q].get("cousins")
    ]
    for p, q in (*parents, *folds.items()):
        first = [a for a in org.children(p) if a in graph]
        second = [b for b in org.children(q) if b in graph and b != p]
        if not (first and second):
            continue
        found = pairs_across(org, scenario, rulebook, judge, first, second)
        for (a, b), sim in found.pairs.items():
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, similarity=sim, cousins=True)


def may_merge_reason(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    a: str,
    b: str,
) -> Obstacle | None:
    """Why units ``a`` and ``b`` may not merge (a message), or ``None`` if
    they may.

    Raises
    ------
    KeyError
        If ``a`` or ``b`` is not a unit of ``org``.
    """
    return merge_obstacle(org, rulebook, scenario, org.unit(a), org.unit(b))


def _members(reps: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    members: dict[str, list[str]] = {}
    for member, options in reps.items():
        for rep in options:
            members.setdefault(rep, []).append(member)
    return {rep: tuple(m) for rep, m in members.items()}


def _split_options(
    org: Organisation,
    rulebook: Rulebook,
    uid: str,
    graph: nx.Graph,
    policy: CoherencePolicy,
    locked: Collection[str],
) -> tuple[SplitOption, ...]:
    """Ways to hand each function of ``uid`` to a related neighbour.

    A split is offered only when no single neighbour has functions
    related to all of the unit's (else a merge fits); at least two
    receivers take part. A unit with children has one option, its
    children following their functions (:mod:`orgplan.optimize.
    split_trees`).
    """
    unit = org.unit(uid)
    if org.children(uid):
        # split_trees builds on this module's Part and SplitOption.
        from orgplan.optimize.split_trees import tree_split_options

        return tree_split_options(org, rulebook, uid, graph, policy, locked)
    if len(unit.functions) < 2:
        return ()
    receivers = sorted(graph.neighbors(uid))
    owned = {r: function_set(org, org.unit(r).functions) for r in receivers}
    related: list[list[tuple[float, str]]] = []
    for code in unit.functions:
        mine = function_set(org, (code,))
        scored = sorted((-jaccard(mine, owned[r]), r) for r in receivers)
        related.append([(s, r) for s, r in scored if s < 0])
    if any(not r for r in related):
        return ()
    covering = set.intersection(*({r for _, r in opts} for opts in related))
    if covering:
        return ()
    keep = max(len(r) for r in related)
    while keep > 1 and math.prod(min(len(r), keep) for r in related) > (
        MAX_SPLIT_OPTIONS
    ):
        keep -= 1
    choices = [[r for _, r in options[:keep]] for options in related]
    staff = largest_remainder(unit.actual, [1] * len(unit.functions))
    options = []
    for assignment in itertools.product(*choices):
        if len(set(assignment)) < 2:
            continue
        options.append(_option(org, rulebook, unit, assignment, staff))
    options.sort(key=lambda o: o.incoherence)
    return tuple(options[:MAX_SPLIT_OPTIONS])


def _option(
    org: Organisation,
    rulebook: Rulebook,
    unit: Unit,
    assignment: tuple[str, ...],
    staff: list[int],
) -> SplitOption:
    receivers = list(dict.fromkeys(assignment))
    functions = {
        r: tuple(
            f
            for f, to in zip(unit.functions, assignment, strict=True)
            if to == r
        )
        for r in receivers
    }
    part_staff = [
        sum(s for s, to in zip(staff, assignment, strict=True) if to == r)
        for r in receivers
    ]
    part_quota = largest_remainder(unit.quota, part_staff)
    shares = split_shares(staff_split(unit, rulebook), part_staff)
    parts = tuple(
        Part(r, functions[r], s, q, share.get("civil_servant", 0))
        for r, s, q, share in zip(
            receivers, part_staff, part_quota, shares, strict=True
        )
    )
    incoherence = split_cost(org, [(p.functions, p.to) for p in parts])
    return SplitOption(unit.id, parts, incoherence)
