"""The greedy baseline: fold and merge the most similar units, step by step.

For comparison with CP-SAT and as its warm start. Starting from the
scenario's must-merge groups, it repeatedly takes the most similar allowed
step -- merge two groups, or fold a unit into its parent -- as long as a
target is still missed and the step brings it closer, or, once every target
is met, as long as the step lowers the objective. Every step is judged by
the solver-free checker's own measures, so a plan it returns passes
:func:`orgplan.check.check_plan` (the staff cut aside, which the staffing
stage's quota rule meets). It never splits a unit and is deterministic.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial

from orgplan.apply import apply_structure
from orgplan.caps import unit_cap
from orgplan.check import (
    Violation,
    merge_obstacle,
    objective_value,
    target_violations,
    terms_of,
    unit_limits,
)
from orgplan.errors import InfeasibleScenario
from orgplan.model import Organisation, Unit
from orgplan.plan import Flattening, Leadership, Merge, Plan, SolveStatus
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.similarity import function_set, similarity

# How many of the most similar steps to score in one round: while a
# target is missed, the one that brings the targets closest wins; once they
# are met, the first that lowers the objective.
TRIES = 12


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
    # Units whose steps to try first (see ``_Search.score``).
    priority: frozenset[str]


def solve_greedy(
    org: Organisation, scenario: Scenario, rulebook: Rulebook
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
        steps cannot meet the targets; the message names what is missed.
    """
    started = time.perf_counter()
    search = _Search(org, scenario, rulebook)
    draft = search.must_merge()
    score = search.score(draft)
    # First fold intermediate and undersized units (a merged unit can no
    # longer fold), then take any step.
    for folds_only in (True, False):
        while step := search.improve(draft, score, folds_only):
            draft, score = step
    if score.shortfall > 0:
        raise InfeasibleScenario(scenario.name, search.missed(score.plan))
    return score.plan.model_copy(
        update={
            "merges": tuple(
                m.model_copy(update={"reasons": search.reasons(m, score)})
                for m in score.plan.merges
            ),
            "flattened": tuple(
                f.model_copy(update={"reasons": search.fold_reasons(f)})
                for f in score.plan.flattened
            ),
            "solve_seconds": round(time.perf_counter() - started, 3),
        }
    )


def plan_leadership(
    org: Organisation, scenario: Scenario, rulebook: Rulebook, plan: Plan
) -> tuple[Leadership, ...]:
    """Heads and deputies after ``plan``'s structure, within the rules.

    A merged unit gets one head (the person ``leadership.heads`` names,
    if any); its deputies are all former heads and deputies of its members
    but one (``leadership.transition: keep``) or those within its cap
    (``cap``). Any other unit keeps its deputies
    unless they exceed its cap (then they drop to the cap, except where
    the input was already above it). Going top down, a unit never keeps
    more deputies than its parent, unless the input already had that
    pair. Deputies above a cap are listed as ``excess`` with the
    rulebook's deadline.

    Parameters
    ----------
    org
        The organisation before.
    scenario
        Its ``leadership.transition`` policy.
    rulebook
        Caps and the deadline.
    plan
        Merges, folds and splits; its ``leadership`` is ignored.

    Returns
    -------
    tuple of Leadership
        Entries for merged units and for units whose deputies change or
        exceed their cap, top down.

    Raises
    ------
    orgplan.errors.OrgplanError
        If the plan cannot be applied.
    """
    return _leadership(org, scenario, rulebook, plan, _Caps(rulebook))


class _Caps:
    """Deputy caps, remembered by everything a cap depends on."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.known: dict[tuple[object, ...], int | None] = {}

    def __call__(
        self, org: Organisation, uid: str, members: int = 1
    ) -> int | None:
        unit = org.unit(uid)
        key = (
            uid,
            unit.kind,
            unit.quota,
            unit.actual,
            unit.civil_servants,
            len(org.children(uid)),
            members,
        )
        if key not in self.known:
            self.known[key] = unit_cap(org, uid, self.rulebook, members).value
        return self.known[key]


def _leadership(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    plan: Plan,
    cap_of: _Caps,
) -> tuple[Leadership, ...]:
    bare = plan.model_copy(update={"leadership": ()})
    after = apply_structure(org, bare, rulebook)
    members = {m.into: m.members for m in plan.merges}
    final: dict[str, int] = {}
    entries = []
    for uid in _top_down(after):
        unit = after.unit(uid)
        cap = cap_of(after, uid, len(members.get(uid, (uid,))))
        deputies = _wanted(org, scenario, unit, members.get(uid), cap)
        old = org.unit_by_id.get(uid)
        if (
            cap is not None
            and deputies > cap
            and uid not in members
            and not _was_over(org, cap_of, old, deputies)
        ):
            deputies = cap
        parent = after.unit_by_id.get(unit.parent or "")
        if (
            parent is not None
            and parent.id in final
            and deputies > final[parent.id]
            and _child_rule(rulebook, unit, parent)
            and not _kept_pair(org, unit, parent, deputies, final[parent.id])
        ):
            deputies = final[parent.id]
        final[uid] = deputies
        excess = max(0, deputies - cap) if cap is not None else 0
        heads = 1 if uid in members else unit.heads
        if uid in members or deputies != unit.deputies or excess:
            entries.append(
                Leadership(
                    unit=uid,
                    heads=heads,
                    deputies=deputies,
                    cap=cap,
                    excess=excess,
                    reduce_by=rulebook.excess_deadline if excess else None,
                    head=scenario.leadership.heads.get(uid),
                )
            )
    return tuple(entries)


def _wanted(
    org: Organisation,
    scenario: Scenario,
    unit: Unit,
    members: tuple[str, ...] | None,
    cap: int | None,
) -> int:
    if members is None:
        return unit.deputies
    # The new head is one of the former leaders; the rest may stay on.
    kept = max(0, sum(org.unit(m).leaders for m in members) - 1)
    if scenario.leadership.transition == "cap" and cap is not None:
        return min(kept, cap)
    return kept


def _was_over(
    org: Organisation, cap_of: _Caps, old: Unit | None, deputies: int
) -> bool:
    if old is None or deputies > old.deputies:
        return False
    cap = cap_of(org, old.id)
    return cap is not None and old.deputies > cap


def _child_rule(rulebook: Rulebook, child: Unit, parent: Unit) -> bool:
    if not rulebook.child_deputies_le_parent:
        return False
    kinds = (rulebook.kinds.get(child.kind), rulebook.kinds.get(parent.kind))
    return all(k is not None and k.deputy_steps for k in kinds)


def _kept_pair(
    org: Organisation,
    child: Unit,
    parent: Unit,
    deputies: int,
    parent_deputies: int,
) -> bool:
    """The input already had this child above this parent, no worse."""
    old_child = org.unit_by_id.get(child.id)
    old_parent = org.unit_by_id.get(parent.id)
    return (
        old_child is not None
        and old_parent is not None
        and old_child.parent == parent.id
        and deputies <= old_child.deputies
        and parent_deputies >= old_parent.deputies
    )


def _top_down(org: Organisation) -> Iterator[str]:
    tops = [u.id for u in org.units if u.parent not in org.unit_by_id]
    for top in tops:
        yield top
        yield from org.descendants(top)


class _Search:
    """The state the greedy steps share: inputs and cached lookups."""

    def __init__(
        self, org: Organisation, scenario: Scenario, rulebook: Rulebook
    ) -> None:
        self.org = org
        self.scenario = scenario
        self.rulebook = rulebook
        self.locked = {u.id for u in org.units if u.locked} | set(
            scenario.locks
        )
        self.free = {
            u.id
            for u in org.units
            if u.kind in scenario.scope.kinds and u.id not in self.locked
        }
        self.order = {u.id: i for i, u in enumerate(org.units)}
        self.apart = {frozenset(pair) for pair in scenario.must_not_merge}
        self.limits = unit_limits(scenario, rulebook)
        self.caps = _Caps(rulebook)
        self.obstacles: dict[tuple[str, str], str | None] = {}
        self.sims: dict[tuple[str, str], float] = {}
        self.near = self._neighbours()

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
                    [f"must_merge {', '.join(members)}: {reason}"],
                )
            draft = replace(draft, groups=(*draft.groups, ordered))
        return draft

    def improve(
        self, draft: _Draft, score: _Score, folds_only: bool
    ) -> tuple[_Draft, _Score] | None:
        """The most similar step that helps, or ``None``.

        With ``folds_only``, only folds of intermediate or undersized
        units.
        """
        steps = sorted(
            (
                step
                for step in self._steps(draft)
                if not folds_only or self._first_fold(step[2], step[1][0])
            ),
            key=lambda s: (not (set(s[1]) & score.priority), -s[0], s[2]),
        )
        best: tuple[_Draft, _Score] | None = None
        tried = 0
        for *_, build in steps:
            if tried >= TRIES and (best or score.shortfall == 0):
                break
            candidate = build()
            if candidate is None:
                continue
            tried += 1
            new = self.score(candidate)
            if score.shortfall == 0:
                if new.shortfall == 0 and new.objective < score.objective:
                    return candidate, new
            elif new.shortfall < (best[1] if best else score).shortfall:
                best = candidate, new
        return best

    def score(self, draft: _Draft) -> _Score:
        """The plan of ``draft`` with its objective, how far it is from
        the targets, and whose steps to try next."""
        plan = self._plan(draft)
        after = apply_structure(self.org, plan, self.rulebook)
        gaps = self._gaps(after)
        terms = terms_of(self.org, self.rulebook, plan, after)
        value = objective_value(terms, self.scenario.weights)
        plan = plan.model_copy(
            update={"objective": value, "objective_terms": terms}
        )
        return _Score(
            sum(v.amount for v in gaps),
            value,
            plan,
            self._priority(after, gaps),
        )

    def _priority(
        self, after: Organisation, gaps: list[Violation]
    ) -> frozenset[str]:
        """Units whose steps to try first: those of a kind with too many
        units and the undersized ones; any unit while a cut is missed."""
        if any(v.rule.startswith("min_cut.") for v in gaps):
            return frozenset(self.free)
        counts = Counter(u.kind for u in after.units)
        over = {k for k, n in self.limits.items() if counts[k] > n}
        return frozenset(
            {v.unit for v in gaps if v.unit is not None}
            | {u.id for u in self.org.units if u.kind in over}
        )

    def missed(self, plan: Plan) -> list[str]:
        after = apply_structure(self.org, plan, self.rulebook)
        return [
            v.message + " (the greedy steps found no way to meet it)"
            for v in self._gaps(after)
        ]

    def _gaps(self, after: Organisation) -> list[Violation]:
        # The staff cut is met by the staffing stage's quota rule, which
        # the structure does not choose.
        return [
            v
            for v in target_violations(
                self.org, self.scenario, self.rulebook, after
            )
            if v.severity == "error" and v.rule != "min_cut.staff"
        ]

    def _steps(
        self, draft: _Draft
    ) -> Iterator[
        tuple[
            float,
            tuple[str, ...],
            tuple[int, ...],
            Callable[[], _Draft | None],
        ]
    ]:
        """Every next step the kinds and places allow: (similarity, units,
        order key, a function giving the draft after it, or ``None`` when
        the step breaks a rule after all).

        Building a merged group costs; only the steps tried build theirs.
        """
        scope = self.scenario.scope
        grouped = {u for g in draft.groups for u in g}
        folded = {w for w, _ in draft.folds}
        receivers = {p for _, p in draft.folds}
        reps = [g[0] for g in draft.groups]
        alone = [
            u.id
            for u in self.org.units
            if u.id in self.free and u.id not in grouped and u.id not in folded
        ]
        groups = {g[0]: g for g in draft.groups}
        groups.update({u: (u,) for u in alone})
        heads = sorted([*reps, *alone], key=self._key)
        homes = {h: self._home_of(draft, h) for h in heads}
        if scope.allow_merge:
            for a, b in self._pairs(heads):
                if self._apart(homes[a], homes[b]):
                    continue
                yield (
                    self._similarity(a, b),
                    (a, b),
                    (0, self._key(a), self._key(b)),
                    partial(self._merged, draft, groups[a], groups[b]),
                )
        if scope.allow_fold:
            for w in alone:
                unit = self.org.unit(w)
                p = unit.parent
                rules = self.rulebook.kinds.get(unit.kind)
                if (
                    p is None
                    or rules is None
                    or not rules.foldable
                    or w in receivers
                    or p not in self.org.unit_by_id
                    or p in self.locked
                    or p in folded
                    or (p in grouped and p not in groups)
                    or self._apart(homes[w], self._home_of(draft, p))
                ):
                    continue
                yield (
                    self._similarity(w, p),
                    (w, p),
                    (1, self._key(w), self._key(p)),
                    partial(replace, draft, folds=(*draft.folds, (w, p))),
                )

    def _merged(
        self, draft: _Draft, first: tuple[str, ...], second: tuple[str, ...]
    ) -> _Draft | None:
        receivers = {p for _, p in draft.folds}
        joined = self._join(first, second, receivers)
        if joined is None:
            return None
        others = tuple(
            g for g in draft.groups if g[0] not in (first[0], second[0])
        )
        return replace(draft, groups=(*others, joined))

    def _similarity(self, a: str, b: str) -> float:
        if (a, b) not in self.sims:
            self.sims[a, b] = similarity(self.org, a, b)
        return self.sims[a, b]

    def _first_fold(self, key: tuple[int, ...], unit: str) -> bool:
        folding = key[0] == 1
        return folding and bool(
            self.org.children(unit) or self._undersized(self.org.unit(unit))
        )

    def _pairs(self, heads: list[str]) -> Iterator[tuple[str, str]]:
        """Pairs of heads whose kinds and places allow a merge."""
        present = set(heads)
        for a in heads:
            for b in sorted(self.near[a] & present, key=self._key):
                if self._key(b) > self._key(a):
                    yield a, b

    def _obstacle(self, rep: str, uid: str) -> str | None:
        key = (rep, uid)
        if key not in self.obstacles:
            self.obstacles[key] = merge_obstacle(
                self.org,
                self.rulebook,
                self.scenario,
                self.org.unit(rep),
                self.org.unit(uid),
            )
        return self.obstacles[key]

    def _neighbours(self) -> dict[str, set[str]]:
        """For each free unit, the free units it may merge with (either
        representing); computed once, as the rules judge the input."""
        within = self.scenario.scope.merge_within
        buckets: dict[object, list[str]] = {}
        for unit in self.org.units:
            if unit.id in self.free:
                key = {
                    "parent": unit.parent,
                    "locality": unit.locality,
                    "sector": unit.sector,
                }.get(within, "all")
                buckets.setdefault(key, []).append(unit.id)
        near: dict[str, set[str]] = {uid: set() for uid in self.free}
        for bucket in buckets.values():
            for i, a in enumerate(bucket):
                for b in bucket[i + 1 :]:
                    if (
                        self._obstacle(a, b) is None
                        or self._obstacle(b, a) is None
                    ):
                        near[a].add(b)
                        near[b].add(a)
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
    ) -> tuple[tuple[str, ...] | None, str]:
        """The group with the first of ``reps`` that may represent it.

        Returns the members, representative first, or ``None`` and why
        they cannot form one group.
        """
        reason = self._group_obstacle(members)
        if reason:
            return None, reason
        for rep in reps:
            obstacles = [
                self._obstacle(rep, uid) for uid in members if uid != rep
            ]
            reason = next((o for o in obstacles if o), "")
            if not reason:
                return (rep, *(u for u in members if u != rep)), ""
        return None, reason

    def _group_obstacle(self, members: list[str]) -> str | None:
        """Why these units cannot be in one group, whoever represents it."""
        for uid in members:
            if uid not in self.org.unit_by_id:
                return f"{uid} is not a unit"
            if uid not in self.free:
                return f"{uid} is locked or of a kind outside the scope"
        if len(members) > self.scenario.scope.max_group_size:
            return "more members than scope.max_group_size"
        if not self.scenario.scope.allow_merge:
            return "the scenario allows no merges"
        if self._apart(set(members), set(members)):
            return "it contains a must_not_merge pair"
        return None

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
        return plan.model_copy(
            update={
                "leadership": _leadership(
                    self.org, self.scenario, self.rulebook, plan, self.caps
                )
            }
        )

    # --- reasons -------------------------------------------------------

    def reasons(self, merge: Merge, score: _Score) -> tuple[str, ...]:
        """Why these units merge, in plain words."""
        org = self.org
        rep = org.unit(merge.into)
        found = []
        if any(set(merge.members) >= set(g) for g in self.scenario.must_merge):
            found.append("the scenario requires it (must_merge)")
        for uid in merge.members[1:]:
            shared = function_set(org, org.unit(uid).functions) & function_set(
                org, rep.functions
            )
            if shared:
                found.append(
                    f"{uid} shares functions with {rep.id}: "
                    + ", ".join(sorted(shared))
                )
        found += [
            self._undersized(org.unit(uid))
            for uid in merge.members
            if self._undersized(org.unit(uid))
        ]
        entry = next(
            (e for e in score.plan.leadership if e.unit == merge.into), None
        )
        before = sum(org.unit(uid).leaders for uid in merge.members)
        after = entry.heads + entry.deputies if entry else before
        if before > after:
            found.append(f"{before - after} leadership posts fewer")
        units = [org.unit(uid) for uid in merge.members]
        gained = sum(abs(u.actual - u.quota) for u in units) - abs(
            sum(u.actual - u.quota for u in units)
        )
        if gained:
            found.append(
                f"surplus and deficit offset: staff imbalance {gained} lower"
            )
        return tuple(found)

    def fold_reasons(self, fold: Flattening) -> tuple[str, ...]:
        unit = self.org.unit(fold.unit)
        found = []
        if self.org.children(unit.id):
            found.append("removes an intermediate level")
        undersized = self._undersized(unit)
        if undersized:
            found.append(undersized)
        found.append(f"{unit.leaders} leadership posts fewer")
        return tuple(found)

    def _undersized(self, unit: Unit) -> str:
        rules = self.rulebook.kinds.get(unit.kind)
        if rules is None or rules.min_staff is None:
            return ""
        if unit.quota >= rules.min_staff:
            return ""
        return (
            f"{unit.id} has a quota of {unit.quota}, below the minimum of "
            f"{rules.min_staff} for a {rules.label_en}"
        )
