"""The organisation after the greedy's steps, as running totals.

:attr:`_Live.total` keeps one running total per structural term of
:data:`orgplan.semantics.terms.STRUCTURAL_TERMS` (plus the shortfall
measures); a step updates only what it touches. The property tests hold
these totals equal to the terms' values on the organisation after.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from orgplan.graph import depths, metrics
from orgplan.optimize.greedy.leadership import _top_down, _was_over
from orgplan.optimize.greedy.search import _Draft, _incoherence, _Search
from orgplan.optimize.greedy.steps import _MISSING, _Rank, _Steps
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


class _Live(_Steps):
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
        self.forced = search.binds
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
        key = (unit.kind, size, self.quota[uid], self.size[uid])
        seen = self.s.caps_seen
        if key not in seen:
            seen[key] = effective_cap(self.s.rulebook, *key)
        return seen[key]

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
