"""Which units may merge, without trying every pair of a large sibling set.

Two units may merge when their kinds merge, they share what
``scope.merge_within`` names and their work is related (semantics
section 5). CP-SAT's candidate graph (:mod:`orgplan.optimize.candidates`)
and the greedy baseline (:mod:`orgplan.optimize.greedy`) both take their
merge partners from :func:`merge_pairs`, so that they search the same
graph.

A unit with at most :data:`SPARSE_DEGREE` possible partners is tried
with each. Hundreds of service units under one department (issue 11)
would give a model, and a greedy pass, of all their pairs: such a unit
keeps its :data:`NEAREST` most similar related partners, ties broken by
closeness in the input's order (lists are kept by district, so nearby
rows are nearby units), and an edge stays when either end chose it. The
similarity of two units depends on their function sets and support type
only (:func:`orgplan.similarity.similarity`), so it is computed once per
pair of such profiles, never for all pairs of units.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence

from orgplan.model import Organisation, Unit
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.coherence import (
    Coherence,
    CoherencePolicy,
    support_type,
)
from orgplan.semantics.scope import (
    kinds_merge,
    must_partners,
    unrelated,
)
from orgplan.similarity import function_set, similarity

# A unit with more possible partners than this keeps only its NEAREST.
SPARSE_DEGREE = 40
NEAREST = 12
# Partners tried, at most, for NEAREST related ones (unrelated work is
# rejected by the coherence rule; similar units are seldom unrelated).
TRIES = 3 * NEAREST

Pairs = dict[tuple[str, str], float]


class MergePairs:
    """The pairs found by :func:`merge_pairs`.

    ``pairs[a, b]`` (``a`` before ``b`` in the units' order) is the
    pair's similarity; ``thinned`` the units that kept only their nearest
    partners.
    """

    def __init__(self) -> None:
        self.pairs: Pairs = {}
        self.thinned: set[str] = set()


def merge_pairs(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    units: Sequence[str],
    judge: Coherence,
    localities: dict[str, set[str]],
) -> MergePairs:
    """The pairs of ``units`` that may merge (see the module docstring).

    Raises
    ------
    KeyError
        If a unit is not in ``org``.
    """
    rule = scenario.scope.merge_within
    finder = _Finder(org, scenario, rulebook, units, judge)
    # The pools guarantee what merge_within names; kinds are asked per
    # pool and kind, not per pair.
    pools = _pools(org, units, rule, localities)
    for uid in units:
        unit = org.unit(uid)
        key, pool = pools(uid)
        group = (key, unit.kind)
        finder.choose(uid, group, finder.of_kind(unit, group, pool))
    return finder.found


def pairs_across(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    judge: Coherence,
    first: Sequence[str],
    second: Sequence[str],
) -> MergePairs:
    """Related pairs of a unit of ``first`` and one of ``second`` whose
    kinds merge (the children of two parents that may merge), each unit
    keeping its nearest partners when it has many."""
    finder = _Finder(org, scenario, rulebook, [*first, *second], judge)
    sides = ((first, second), (second, first))
    for side, (mine, theirs) in enumerate(sides):
        for uid in mine:
            unit = org.unit(uid)
            group = (side, unit.kind)
            finder.choose(uid, group, finder.of_kind(unit, group, theirs))
    return finder.found


class _Finder:
    """Tries pairs once each and keeps the related ones."""

    def __init__(
        self,
        org: Organisation,
        scenario: Scenario,
        rulebook: Rulebook,
        units: Sequence[str],
        judge: Coherence,
    ) -> None:
        self.org = org
        self.scenario = scenario
        self.rulebook = rulebook
        self.judge = judge
        self.position = {u.id: i for i, u in enumerate(org.units)}
        self.order = {u: i for i, u in enumerate(units)}
        self.must = must_partners(scenario)
        self.found = MergePairs()
        self._tried: dict[tuple[str, str], bool] = {}
        self._kinds: dict[tuple[str, str], bool] = {}
        self._grouped: dict[
            tuple[object, str], list[tuple[list[int], list[str]]]
        ] = {}
        self._sims: dict[tuple[object, object], float] = {}
        self._of_kind: dict[tuple[object, str], list[str]] = {}
        policy = CoherencePolicy.from_scenario(scenario, rulebook)
        # Many units share their functions (the schools of each commune).
        sets: dict[tuple[str, ...], frozenset[str]] = {}
        self._profile: dict[str, tuple[object, frozenset[str]]] = {}
        for uid in units:
            unit = org.unit(uid)
            if unit.functions not in sets:
                sets[unit.functions] = function_set(org, unit.functions)
            self._profile[uid] = (
                support_type(unit, policy),
                sets[unit.functions],
            )

    def of_kind(
        self, unit: Unit, key: tuple[object, str], pool: Sequence[str]
    ) -> list[str]:
        """The units of ``pool`` whose kind merges with ``unit``'s (``key``
        names the pool and that kind: asked once per pool and kind)."""
        if key not in self._of_kind:
            self._of_kind[key] = self._kinds_in(unit, pool)
        return self._of_kind[key]

    def _kinds_in(self, unit: Unit, pool: Sequence[str]) -> list[str]:
        merges: dict[str, bool] = {}
        for other in pool:
            kind = self.org.unit(other).kind
            if kind not in merges:
                key = (unit.kind, kind)
                if key not in self._kinds:
                    self._kinds[key] = kinds_merge(
                        self.rulebook, unit, self.org.unit(other)
                    )
                merges[kind] = self._kinds[key]
        return [v for v in pool if merges[self.org.unit(v).kind]]

    def choose(
        self, uid: str, key: tuple[object, str], pool: list[str]
    ) -> None:
        """Try ``uid`` with its pool (``key`` names it): all of it, or
        its nearest."""
        if len(pool) <= SPARSE_DEGREE + 1:
            for other in pool:
                if other != uid:
                    self._try(uid, other)
            return
        self.found.thinned.add(uid)
        kept = 0
        for tries, other in enumerate(self._nearest(uid, key, pool)):
            if kept >= NEAREST or tries >= TRIES:
                break
            kept += self._try(uid, other)
        for other in self.must.get(uid, ()):
            if other in self.order and other != uid:
                self._try(uid, other)

    def _nearest(
        self, uid: str, key: tuple[object, str], pool: list[str]
    ) -> Iterator[str]:
        """``pool`` from the most similar to ``uid``, ties by closeness
        in the input's order (then the earlier unit)."""
        if key not in self._grouped:
            classes: dict[object, list[str]] = {}
            for v in sorted(pool, key=self.position.__getitem__):
                classes.setdefault(self._profile[v], []).append(v)
            self._grouped[key] = [
                ([self.position[v] for v in members], members)
                for members in classes.values()
            ]
        here = self.position[uid]
        groups = sorted(
            self._grouped[key],
            key=lambda g: -self.similarity(uid, g[1][0]),
        )
        for positions, members in groups:
            # Outwards from ``uid``'s place in the input.
            right = bisect.bisect_left(positions, here)
            left = right - 1
            while left >= 0 or right < len(members):
                if right >= len(members) or (
                    left >= 0
                    and here - positions[left] <= positions[right] - here
                ):
                    pick, left = members[left], left - 1
                else:
                    pick, right = members[right], right + 1
                if pick != uid:
                    yield pick

    def similarity(self, a: str, b: str) -> float:
        # similarity() reads the function sets and support types only.
        key = (self._profile[a], self._profile[b])
        if key not in self._sims:
            self._sims[key] = similarity(self.org, a, b)
        return self._sims[key]

    def _try(self, a: str, b: str) -> bool:
        if self.order[a] > self.order[b]:
            a, b = b, a
        key = (a, b)
        if key not in self._tried:
            ua, ub = self.org.unit(a), self.org.unit(b)
            ok = (
                unrelated(
                    self.org, self.rulebook, self.scenario, ua, ub, self.judge
                )
                is None
            )
            self._tried[key] = ok
            if ok:
                self.found.pairs[key] = self.similarity(a, b)
        return self._tried[key]


def _pools(
    org: Organisation,
    units: Sequence[str],
    rule: str,
    localities: dict[str, set[str]],
) -> Callable[[str], tuple[object, Sequence[str]]]:
    """For each unit, the units that share what ``merge_within`` names
    with it (``scope.within``), and a key naming that pool."""
    if rule == "anywhere":
        return lambda uid: (None, units)
    field = {"adjacent": "locality"}.get(rule, rule)
    buckets: dict[str | None, list[str]] = {}
    for uid in units:
        buckets.setdefault(getattr(org.unit(uid), field), []).append(uid)

    def pool(uid: str) -> tuple[object, Sequence[str]]:
        key = getattr(org.unit(uid), field)
        if key is None and rule != "parent":
            return key, ()
        if rule != "adjacent":
            return key, buckets[key]
        near = sorted(localities.get(key or "", set()))
        return key, [v for k in (key, *near) for v in buckets.get(k, ())]

    return pool
