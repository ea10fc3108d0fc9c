"""Must-merge and must-not-merge (docs/semantics.md section 5).

A group holds when the units' final homes meet, a pair apart when they
do not (:func:`orgplan.semantics.scope.final_homes`: a folded unit ends
in its parent, a split unit in all its receivers).
"""

from __future__ import annotations

from collections.abc import Sequence

from orgplan.optimize.families.base import Base, Lit


class Must(Base):
    """Where each unit ends, and the scenario's must pairs."""

    def homes(self, uid: str) -> dict[str, Lit]:
        """Where ``uid`` ends: each unit it may end in, with its literal.

        Its own id while it survives, its group's representative, the
        parent it folds into (or the group that parent joins), or each
        receiver of a split.
        """
        if uid not in self.movable:
            return {uid: 1}
        found: dict[str, list[Lit]] = {}
        for (u, r), var in self.x.items():
            if u == uid:
                found.setdefault(r, []).append(var)
        for lit, home in self.lands.get(uid, ()):
            found.setdefault(home, []).append(lit)
        for k, option in enumerate(self.cand.splits.get(uid, ())):
            for part in option.parts:
                found.setdefault(part.to, []).append(self.o[(uid, k)])
        homes: dict[str, Lit] = {}
        for v, lits in found.items():
            if len(lits) == 1:
                homes[v] = lits[0]
            else:
                # At most one of a unit's fates holds: the sum is 0 or 1.
                end = self.m.new_bool_var(f"end[{uid},{v}]")
                self.m.add(end == sum(lits))
                homes[v] = end
        return homes

    def must_merge(self) -> None:
        """Units of a ``must_merge`` group end in one surviving unit.

        By a merge, or by folds into the same unit or into each other
        (their final homes meet: orgplan.semantics.scope.final_homes).
        """
        for i, group in enumerate(self.scenario.must_merge):
            if not self.movable.intersection(group):
                continue  # another block's, or caught before solving
            key = f"must_merge.{i}"
            words = {"key": "group_must_merge", "units": " + ".join(group)}
            first = self.homes(group[0])
            for other in group[1:]:
                second = self.homes(other)
                meet = [
                    self.both(first[v], second[v], f"meet[{v}]")
                    for v in sorted(set(first) & set(second))
                ]
                self.require(self.m.add(sum(meet) >= 1), key, words)

    def must_not_merge(self) -> None:
        """Units of a ``must_not_merge`` pair end in different units."""
        for i, pair in enumerate(self.scenario.must_not_merge):
            key = f"must_not_merge.{i}"
            words = {
                "key": "group_must_not_merge",
                "units": " / ".join(pair),
            }
            for a, b in _pairs(pair):
                first, second = self.homes(a), self.homes(b)
                for v in sorted(set(first) & set(second)):
                    self.require(
                        self.m.add(first[v] + second[v] <= 1), key, words
                    )


def _pairs(group: Sequence[str]) -> list[tuple[str, str]]:
    return [(a, b) for i, a in enumerate(group) for b in group[i + 1 :]]
