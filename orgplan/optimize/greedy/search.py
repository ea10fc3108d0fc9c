"""The greedy's shared state: inputs, cached lookups, draft plans."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from typing import Any

from orgplan.errors import InfeasibleScenario
from orgplan.model import Organisation
from orgplan.optimize.greedy.leadership import _Caps, _leadership
from orgplan.optimize.nearest import merge_pairs
from orgplan.plan import Flattening, Merge, Plan, SolveStatus
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.after import apply_structure
from orgplan.semantics.naming import name_plan
from orgplan.semantics.scope import (
    Obstacle,
    free_units,
    group_obstacle,
    judge_for,
    locked_units,
    may_fold,
    merge_obstacle,
    neighbours,
)
from orgplan.semantics.targets import (
    Shortfall,
    minimum_binds,
    shortfalls,
    unit_limits,
)
from orgplan.semantics.terms import (
    dissimilarity,
    objective_value,
    terms_of,
)
from orgplan.similarity import similarity


@dataclass(frozen=True)
class _Draft:
    """Decisions so far: merge groups (representative first) and folds."""

    groups: tuple[tuple[str, ...], ...] = ()
    folds: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class _Score:
    shortfall: float
    objective: float
    plan: Plan


class _Search:
    """The state the greedy steps share: inputs and cached lookups."""

    def __init__(
        self,
        org: Organisation,
        scenario: Scenario,
        rulebook: Rulebook,
        stop: Callable[[], bool] | None = None,
        within: Collection[str] | None = None,
    ) -> None:
        self.org = org
        # Asked between steps: the time limit ends the search with the
        # steps taken so far.
        self.stop = stop or (lambda: False)
        self.stopped = False
        # effective_cap is a pure function of its arguments, asked for
        # the same sizes again and again by trial steps.
        self.caps_seen: dict[tuple[str, int, int, int], int | None] = {}
        self.scenario = scenario
        self.rulebook = rulebook
        self.locked = locked_units(org, scenario)
        # A block of a larger scenario: its units alone take steps.
        self.within = None if within is None else set(within)
        self.free = free_units(org, scenario)
        if self.within is not None:
            self.free &= self.within
        # The units the minimum staff binds (the others have no coherent
        # way to grow and stay, with a warning).
        self.binds = minimum_binds(org, scenario, rulebook)
        self.foldable = {
            uid
            for uid in self.free
            if may_fold(org, rulebook, scenario, uid, self.locked)
        }
        self.order = {u.id: i for i, u in enumerate(org.units)}
        self.apart = {frozenset(pair) for pair in scenario.must_not_merge}
        self.limits = unit_limits(scenario, rulebook)
        self.caps = _Caps(rulebook)
        self.obstacles: dict[tuple[str, str], Obstacle | None] = {}
        self.sims: dict[tuple[str, str], float] = {}
        self.localities = neighbours(org)
        self.judge = judge_for(org, scenario, rulebook)
        self.near = self._neighbours()

    def expired(self) -> bool:
        """Whether the search must stop now (and from now on)."""
        if not self.stopped and self.stop():
            self.stopped = True
        return self.stopped

    # --- the steps -----------------------------------------------------

    def must_merge(self) -> _Draft:
        """The scenario's must-merge groups (overlapping ones joined)."""
        groups: list[set[str]] = []
        for group in self.scenario.must_merge:
            joined = set(group)
            for other in [g for g in groups if g & joined]:
                joined |= other
                groups.remove(other)
            groups.append(joined)
        draft = _Draft()
        for group in groups:
            members = sorted(group, key=self._key)
            ordered, reason = self._group(members, self._by_size(members))
            if ordered is None:
                raise InfeasibleScenario(
                    self.scenario.name,
                    [
                        {
                            "key": "conflict_must_group",
                            "units": members,
                            "reason": reason,
                        }
                    ],
                )
            draft = replace(draft, groups=(*draft.groups, ordered))
        return draft

    def score(self, draft: _Draft) -> _Score:
        """The plan of ``draft`` with its objective and how far it is
        from the targets, measured by the checker itself."""
        plan = self._plan(draft)
        after = apply_structure(self.org, plan, self.rulebook)
        terms = terms_of(self.org, self.rulebook, plan, after)
        value = objective_value(terms, self.scenario.weights)
        plan = plan.model_copy(
            update={"objective": value, "objective_terms": terms}
        )
        return _Score(sum(v.amount for v in self._gaps(after)), value, plan)

    def missed(self, plan: Plan) -> list[dict[str, Any]]:
        after = apply_structure(self.org, plan, self.rulebook)
        how = "conflict_greedy_stopped" if self.stopped else "conflict_greedy"
        return [{"key": how, "what": v.words} for v in self._gaps(after)]

    def _gaps(self, after: Organisation) -> list[Shortfall]:
        # The staff cut is met by the staffing stage's quota rule, which
        # the structure does not choose.
        return [
            v
            for v in shortfalls(self.org, self.scenario, self.rulebook, after)
            if v.forced and v.rule != "min_cut.staff"
        ]

    def _similarity(self, a: str, b: str) -> float:
        if (a, b) not in self.sims:
            self.sims[a, b] = similarity(self.org, a, b)
        return self.sims[a, b]

    def _obstacle(self, rep: str, uid: str) -> Obstacle | None:
        key = (rep, uid)
        if key not in self.obstacles:
            self.obstacles[key] = merge_obstacle(
                self.org,
                self.rulebook,
                self.scenario,
                self.org.unit(rep),
                self.org.unit(uid),
                self.localities,
                self.judge,
            )
        return self.obstacles[key]

    def _neighbours(self) -> dict[str, set[str]]:
        """For each free unit, the free units it may merge with (either
        representing); computed once, as the rules judge the input, on
        the same sparse graph as CP-SAT's candidates."""
        units = [u.id for u in self.org.units if u.id in self.free]
        found = merge_pairs(
            self.org,
            self.scenario,
            self.rulebook,
            units,
            self.judge,
            self.localities,
        )
        near: dict[str, set[str]] = {uid: set() for uid in self.free}
        for (a, b), sim in found.pairs.items():
            near[a].add(b)
            near[b].add(a)
            self.sims[a, b] = self.sims[b, a] = sim
        return near

    def _join(
        self,
        first: tuple[str, ...],
        second: tuple[str, ...],
        receivers: set[str],
    ) -> tuple[str, ...] | None:
        """The merged group of two groups, or ``None`` if not allowed.

        A unit that received a folded unit must stay the representative.
        """
        members = [*first, *second]
        holders = [u for u in members if u in receivers]
        if len(holders) > 1 or (
            holders and holders[0] not in (first[0], second[0])
        ):
            return None
        reps = holders or self._by_size([first[0], second[0]])
        return self._group(members, reps)[0]

    def _by_size(self, units: list[str]) -> list[str]:
        """Largest staff first (ties: input order): preferred reps."""
        return sorted(
            units, key=lambda u: (-self.org.unit(u).actual, self._key(u))
        )

    def _group(
        self, members: list[str], reps: list[str]
    ) -> tuple[tuple[str, ...] | None, Obstacle | None]:
        """The group with the first of ``reps`` that may represent it.

        Returns the members, representative first, and ``None``; or
        ``None`` and why they cannot form one group (a message).
        """
        reason = self._group_obstacle(members)
        if reason:
            return None, reason
        for rep in reps:
            obstacles = [
                self._obstacle(rep, uid) for uid in members if uid != rep
            ]
            reason = next((o for o in obstacles if o), None)
            if not reason:
                return (rep, *(u for u in members if u != rep)), None
        return None, reason

    def _group_obstacle(self, members: list[str]) -> Obstacle | None:
        """Why these units cannot be in one group, whoever represents it
        (a message)."""
        for uid in members:
            if uid not in self.org.unit_by_id:
                return {"key": "obstacle_not_a_unit", "unit": uid}
            if uid not in self.free:
                return {"key": "obstacle_not_free", "unit": uid}
        most = self.scenario.scope.max_group_size
        if len(members) > most:
            return {"key": "obstacle_group_size", "most": most}
        if not self.scenario.scope.allow_merge:
            return {"key": "obstacle_no_merges"}
        if self._apart(set(members), set(members)):
            return {"key": "obstacle_must_not_merge"}
        return group_obstacle(
            self.org, self.rulebook, self.scenario, members, self.judge
        )

    def _home(self, draft: _Draft, uid: str) -> set[str]:
        """``uid`` and every unit folded into it so far, transitively."""
        found = {uid}
        changed = True
        while changed:
            more = {w for w, p in draft.folds if p in found} - found
            changed = bool(more)
            found |= more
        return found

    def _home_of(self, draft: _Draft, uid: str) -> set[str]:
        """Every unit that ends in ``uid``: its group's and their folds."""
        group = next((g for g in draft.groups if g[0] == uid), (uid,))
        return set().union(*(self._home(draft, u) for u in group))

    def _apart(self, first: set[str], second: set[str]) -> bool:
        return bool(self.apart) and any(
            a != b and frozenset((a, b)) in self.apart
            for a in first
            for b in second
        )

    def _key(self, uid: str) -> int:
        return self.order[uid]

    def _plan(self, draft: _Draft) -> Plan:
        names = self.scenario.names
        plan = Plan(
            scenario=self.scenario.name,
            status=SolveStatus.FEASIBLE,
            method="greedy",
            mode="reproducible",
            merges=tuple(
                Merge(
                    into=g[0],
                    members=g,
                    name=names.get(g[0], self.org.unit(g[0]).name),
                )
                for g in draft.groups
            ),
            flattened=tuple(
                Flattening(unit=w, into=p) for w, p in draft.folds
            ),
        )
        plan = plan.model_copy(
            update={
                "leadership": _leadership(
                    self.org, self.scenario, self.rulebook, plan, self.caps
                )
            }
        )
        return name_plan(self.org, plan, names, self.rulebook)


def _incoherence(search: _Search, group: tuple[str, ...]) -> float:
    return sum(
        dissimilarity(search._similarity(u, group[0])) for u in group[1:]
    )
