"""The organisation after the greedy's steps, as running totals.

:attr:`_Live.total` keeps one running total per structural term of
:data:`orgplan.semantics.terms.STRUCTURAL_TERMS` (plus the shortfall
measures); a step updates only what it touches. The property tests hold
these totals equal to the terms' values on the organisation after.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable
from typing import Any

from orgplan.graph import depths, metrics
from orgplan.optimize.greedy.leadership import _top_down, _was_over
from orgplan.optimize.greedy.search import _Draft, _incoherence, _Search
from orgplan.semantics.caps import (
    child_rule_applies,
    effective_cap,
)
from orgplan.semantics.leadership import (
    kept_pair,
    merged_deputies,
)
from orgplan.semantics.scope import staff_below
from orgplan.semantics.staff import combine, default_category
from orgplan.semantics.targets import (
    cut_limit,
    structural_cuts,
)
from orgplan.semantics.terms import (
    STRUCTURAL_TERMS,
)

# How a step ranks in the heap, from its (shortfall, objective) effect
# and its similarity; lower ranks first.
_Rank = Callable[[tuple[float, float], float], tuple[float, ...]]


class _Live:
    """The organisation after the steps taken so far, kept up to date.

    Every total the objective and the targets need is a running sum; a
    step changes only the units it touches, their parents and the
    subtrees whose deputies it moves, and a trial step is undone from a
    log. Steps wait in a heap ranked by ``rank`` on their last measured
    effect (shortfall change, objective change) and similarity; a step
    popped is measured again and taken only if the fresh effect still leads, so
    stale keys cost a re-measure, never a wrong step.
    """

    def __init__(
        self,
        search: _Search,
        draft: _Draft,
        rank: _Rank,
    ) -> None:
        self.s = search
        self.rank = rank
        org, rulebook = search.org, search.rulebook
        self.kinds = rulebook.kinds
        self.policy = search.scenario.leadership.transition
        self.units = {u.id: u for u in org.units}
        self.parent = {u.id: u.parent for u in org.units}
        self.children = {u.id: list(org.children(u.id)) for u in org.units}
        self.quota = {u.id: u.quota for u in org.units}
        self.actual = {u.id: u.actual for u in org.units}
        self.split: dict[str, dict[str, int] | None] = {
            u.id: (
                dict(u.staff_by_category(default_category(rulebook, u.kind)))
                if u.has_split
                else None
            )
            for u in org.units
        }
        self.heads = {u.id: u.heads for u in org.units}
        self.alive = {u.id: True for u in org.units}
        self.receiver: dict[str, bool] = {}
        self.size = {u.id: 1 for u in org.units}
        self.former = {u.id: u.leaders for u in org.units}
        self.deputies: dict[str, int] = {}
        self.groups: dict[str, tuple[str, ...]] = {}
        self.folds: list[tuple[str, str]] = []
        self.involved: dict[str, bool] = {}
        self.cuts = structural_cuts(search.scenario)
        first = metrics(org, rulebook)
        self.limit = {
            t: cut_limit(f, getattr(first, t)) for t, f in self.cuts.items()
        }
        self.depth = depths(org) if "layers" in self.cuts else {}
        self.forced = search.free
        self.count: Counter[str] = Counter(u.kind for u in org.units)
        self.total: dict[str, float] = {
            "focal_points": float(first.focal_points),
            "leaders": 0.0,
            "layers": float(first.intermediate_units),
            "imbalance": float(
                sum(abs(u.actual - u.quota) for u in org.units)
            ),
            "incoherence": 0.0,
            "disruption": 0.0,
            "units": float(first.units),
            "gap": float(sum(self._gap(u) for u in self.units)),
            "deep": float(self._deep_count()),
        }
        self.log: list[tuple[dict[str, object], str, object]] | None = None
        for uid in _top_down(org):
            self.deputies[uid] = self._deputies(uid)
        self.total["leaders"] = float(
            sum(self.heads[u] + self.deputies[u] for u in self.units)
        )
        for group in draft.groups:
            for end in range(2, len(group) + 1):
                self._merge(group[0], group[end - 1], group[:end])

    # --- measures ------------------------------------------------------

    def value(self) -> tuple[float, float]:
        """(shortfall from the targets, objective) of the state now."""
        total = self.total
        short = sum(
            max(0, self.count[k] - n) for k, n in self.s.limits.items()
        )
        for target in self.cuts:
            if target == "layers":
                short += total["deep"]
            else:
                short += max(0.0, total[target] - self.limit[target])
        short += total["gap"]
        w = self.s.scenario.weights
        objective = sum(getattr(w, t) * total[t] for t in STRUCTURAL_TERMS)
        return short, objective

    def _gap(self, uid: str) -> int:
        if uid not in self.forced:
            return 0
        return staff_below(
            self.s.rulebook, self.units[uid].kind, self.quota[uid]
        )

    def _deep_count(self) -> int:
        limit = self.limit.get("layers")
        if limit is None:
            return 0
        return sum(d > limit for d in self.depth.values())

    def _inter(self, uid: str) -> int:
        alive = self.alive[uid]
        return int(
            alive and bool(self.parent[uid]) and bool(self.children[uid])
        )

    def _cap(self, uid: str) -> int | None:
        """:func:`~orgplan.semantics.caps.effective_cap` on the running
        sizes (the same basis :func:`~orgplan.semantics.caps.cap_size`
        reads off the organisation after)."""
        unit = self.units[uid]
        rules = self.kinds.get(unit.kind)
        basis = rules.deputy_basis if rules else "staff"
        if basis == "child_units":
            size = len(self.children[uid])
        elif basis == "civil_servants":
            size = self._staff(uid).get("civil_servant", 0)
        else:
            size = self.actual[uid]
        return effective_cap(
            self.s.rulebook, unit.kind, size, self.quota[uid], self.size[uid]
        )

    def _staff(self, uid: str) -> dict[str, int]:
        split = self.split[uid]
        if split is not None:
            return split
        return {
            default_category(self.s.rulebook, self.units[uid].kind): (
                self.actual[uid]
            )
        }

    def _deputies(self, uid: str) -> int:
        """The deputies :func:`_leadership` gives ``uid`` now."""
        cap = self._cap(uid)
        merged = self.size[uid] > 1
        unit = self.units[uid]
        if merged:
            deputies = merged_deputies(self.former[uid], cap, self.policy)
        else:
            deputies = unit.deputies
        if (
            cap is not None
            and deputies > cap
            and not merged
            and not _was_over(self.s.org, self.s.caps, unit, deputies)
        ):
            deputies = cap
        pid = self.parent[uid]
        if pid is not None and pid in self.deputies and self.alive.get(pid):
            above = self.deputies[pid]
            parent = self.units[pid]
            if (
                deputies > above
                and child_rule_applies(self.s.rulebook, unit.kind, parent.kind)
                and not kept_pair(self.s.org, uid, pid, deputies, above)
            ):
                deputies = above
        return deputies

    # --- changes, logged so that a trial can be undone ------------------

    def _put(self, table: dict[str, Any], key: str, value: object) -> None:
        if self.log is not None:
            self.log.append((table, key, table.get(key, _MISSING)))
        table[key] = value

    def _add(self, term: str, amount: float) -> None:
        if amount:
            self._put(self.total, term, self.total[term] + amount)

    def _refresh(self, uid: str) -> None:
        """Deputies of ``uid`` again, and of its subtree where they move."""
        if not self.alive[uid]:
            return
        new = self._deputies(uid)
        old = self.deputies.get(uid, new)
        if new == old:
            return
        self._put(self.deputies, uid, new)
        self._add("leaders", new - old)
        for child in self.children[uid]:
            self._refresh(child)

    def _shift(self, uid: str, by: int) -> None:
        """Move the subtree of ``uid`` ``by`` levels (layers target)."""
        if not by or uid not in self.depth:
            return
        limit = self.limit["layers"]
        stack = [uid]
        while stack:
            node = stack.pop()
            old = self.depth[node]
            self._put(self.depth, node, old + by)
            self._add("deep", (old + by > limit) - (old > limit))
            stack.extend(self.children[node])

    def _absorb(self, keep: str, gone: str) -> None:
        """``gone`` disappears into ``keep``: staff, quota, children."""
        near = {keep, gone, self.parent[keep], self.parent[gone]}
        # A parent outside the data (or none) has no state to update.
        touched = sorted(
            (u for u in near if u is not None and u in self.alive),
            key=self.s._key,
        )
        self._add("layers", -sum(self._inter(u) for u in touched))
        for uid in (keep, gone):
            self._add("imbalance", -abs(self.actual[uid] - self.quota[uid]))
            self._add("gap", -self._gap(uid))
        self._add("leaders", -(self.heads[gone] + self.deputies[gone]))
        kind = self.units[gone].kind
        self._put(self.count, kind, self.count[kind] - 1)
        self._add("units", -1)
        rules = self.kinds.get(kind)
        self._add("focal_points", -float(bool(rules and rules.focal_point)))
        if "layers" in self.cuts and gone in self.depth:
            limit = self.limit["layers"]
            self._add("deep", -float(self.depth[gone] > limit))
        self._put(self.quota, keep, self.quota[keep] + self.quota[gone])
        self._put(self.alive, gone, False)
        # The split first: it reads the staff ``keep`` had before.
        self._put(self.split, keep, self._joined(keep, gone))
        self._put(self.actual, keep, self.actual[keep] + self.actual[gone])
        old_parent = self.parent[gone]
        if old_parent in self.children:
            self._put(
                self.children,
                old_parent,
                [c for c in self.children[old_parent] if c != gone],
            )
        moved = self.children[gone]
        self._put(self.children, keep, [*self.children[keep], *moved])
        for child in moved:
            self._put(self.parent, child, keep)
            if child in self.depth and keep in self.depth:
                self._shift(child, self.depth[keep] + 1 - self.depth[child])
        self._add("imbalance", abs(self.actual[keep] - self.quota[keep]))
        self._add("gap", self._gap(keep))
        self._add("layers", sum(self._inter(u) for u in touched))
        for uid in touched:
            if uid != gone:
                self._refresh(uid)
        for child in moved:
            self._refresh(child)

    def _merge(self, head: str, other: str, joined: tuple[str, ...]) -> None:
        """Merge the groups of ``head`` and ``other`` into ``joined``."""
        rep = joined[0]
        gone = other if rep == head else head
        before = sum(
            _incoherence(self.s, self.groups.get(h, (h,)))
            for h in (head, other)
        )
        self._add("incoherence", _incoherence(self.s, joined) - before)
        for uid in joined:
            if uid not in self.involved:
                self._put(self.involved, uid, True)
                self._add("disruption", 1)
        self._put(self.groups, rep, joined)
        self._put(self.size, rep, len(joined))
        self._put(self.former, rep, sum(self.units[u].leaders for u in joined))
        self._add("leaders", 1 - self.heads[rep])
        self._put(self.heads, rep, 1)
        self._absorb(rep, gone)
        self._refresh(rep)

    def _fold(self, unit: str, parent: str) -> None:
        for uid in (unit, parent):
            if uid not in self.involved:
                self._put(self.involved, uid, True)
                self._add("disruption", 1)
        self._put(self.receiver, parent, True)
        self.folds.append((unit, parent))
        self._absorb(parent, unit)

    def _joined(self, keep: str, gone: str) -> dict[str, int] | None:
        """The staff split of ``keep`` after taking ``gone``'s staff (as
        :mod:`orgplan.semantics.after` adds them)."""
        return combine(
            self.split[keep],
            default_category(self.s.rulebook, self.units[keep].kind),
            self.actual[keep],
            self._staff(gone),
            self.split[gone] is not None,
        )

    # --- the search ----------------------------------------------------

    def draft(self) -> _Draft:
        groups = tuple(
            g
            for h, g in self.groups.items()
            if self.alive[h] and g is not None
        )
        return _Draft(groups=groups, folds=tuple(self.folds))

    def run(self, folds_only: bool) -> None:
        """Take the best step while one helps (see the class docstring).

        When the heap runs dry, every step is measured afresh once more:
        a key measured before other steps were taken may hide a step
        that helps now.
        """
        while self._pass(folds_only):
            pass

    def _pass(self, folds_only: bool) -> bool:
        """Measure every step, then take steps; whether any was taken."""
        self.heap: list[tuple[Any, ...]] = []
        self.seq = 0
        self.latest: dict[tuple[str, str, str], int] = {}
        self.base = self.value()
        for uid in self.s.order:
            if uid in self.s.free and self.alive[uid]:
                self._push_fold(uid)
                if not folds_only:
                    self._push_merges(uid, later_only=True)
        taken = False
        while self.heap:
            *_, what, a, b, seq, effect = heapq.heappop(self.heap)
            if self.latest.get((what, a, b)) != seq:
                continue
            step = self._step(what, a, b)
            if step is None:
                continue
            fresh = self._trial(step)
            if fresh != effect:
                self._push(step, fresh)
                continue
            # Only a step that brings the targets closer, or keeps them
            # and lowers the objective.
            if fresh >= (0.0, 0.0):
                break
            self._take(step)
            taken = True
            self.base = self.value()
            rep = step[2][0] if step[0] == "merge" else step[2][1]
            if not folds_only:
                self._push_merges(rep)
        return taken

    def _step(
        self, what: str, a: str, b: str
    ) -> tuple[str, tuple[str, str], tuple[str, ...]] | None:
        """The step on ``a`` and ``b`` if the rules still allow it."""
        s = self.s
        if not (self.alive[a] and self.alive[b]):
            return None
        if what == "fold":
            if self.size[a] > 1 or self.receiver.get(a):
                return None
            if s._apart(self._home(a), self._home(b)):
                return None
            return ("fold", (a, b), (a, b))
        receivers = {p for p, r in self.receiver.items() if r}
        joined = s._join(
            self.groups.get(a) or (a,), self.groups.get(b) or (b,), receivers
        )
        if joined is None or s._apart(self._home(a), self._home(b)):
            return None
        return ("merge", (a, b), joined)

    def _home(self, uid: str) -> set[str]:
        if not self.s.apart:
            return set()
        return self.s._home_of(self.draft(), uid)

    def _trial(
        self, step: tuple[str, tuple[str, str], tuple[str, ...]]
    ) -> tuple[float, float]:
        self.log = []
        folds = len(self.folds)
        self._take(step)
        short, objective = self.value()
        for table, key, old in reversed(self.log):
            if old is _MISSING:
                del table[key]
            else:
                table[key] = old
        del self.folds[folds:]
        self.log = None
        return (
            round(short - self.base[0], 9),
            round(objective - self.base[1], 9),
        )

    def _take(
        self, step: tuple[str, tuple[str, str], tuple[str, ...]]
    ) -> None:
        what, (a, b), joined = step
        if what == "fold":
            self._fold(a, b)
        else:
            self._merge(a, b, joined)

    def _push(
        self,
        step: tuple[str, tuple[str, str], tuple[str, ...]],
        effect: tuple[float, float],
    ) -> None:
        what, (a, b), _ = step
        self.seq += 1
        self.latest[what, a, b] = self.seq
        s = self.s
        heapq.heappush(
            self.heap,
            (
                *self.rank(effect, s._similarity(a, b)),
                s._key(a),
                s._key(b),
                what,
                a,
                b,
                self.seq,
                effect,
            ),
        )

    def _measure_and_push(self, what: str, a: str, b: str) -> None:
        step = self._step(what, a, b)
        if step is not None:
            self._push(step, self._trial(step))

    def _push_fold(self, uid: str) -> None:
        if uid in self.s.foldable:
            parent = self.units[uid].parent
            assert parent is not None  # may_fold asks for a parent
            self._measure_and_push("fold", uid, parent)

    def _push_merges(self, uid: str, later_only: bool = False) -> None:
        if not self.s.scenario.scope.allow_merge:
            return
        key = self.s._key
        for other in sorted(self.s.near[uid], key=key):
            if self.alive[other] and not (
                later_only and key(other) < key(uid)
            ):
                a, b = sorted((uid, other), key=self.s._key)
                self._measure_and_push("merge", a, b)


_MISSING = object()


def _by_effect(effect: tuple[float, float], sim: float) -> tuple[float, ...]:
    """Rank steps by how much they cut the shortfall, then the objective."""
    return (*effect, -sim)


def _similar_first(
    effect: tuple[float, float], sim: float
) -> tuple[float, ...]:
    """While targets are missed, the most similar step that helps; then
    the step that lowers the objective most (the old baseline's order)."""
    short, objective = effect
    if short < 0:
        return (0, -sim, short, objective)
    if short == 0 and objective < 0:
        return (1, objective, -sim)
    return (2, short, objective, -sim)


# Each ordering wins on some organisations: the greedy runs both and
# keeps the better plan.
_RANKINGS: tuple[_Rank, ...] = (_by_effect, _similar_first)
