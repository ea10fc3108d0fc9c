"""Hierarchy and folds: intermediate units, children, depth.

docs/semantics.md sections 3 and 5: a unit is intermediate when it has a
parent and a child after the plan (the ``layers`` term); ``min_cut.
layers`` bounds the depth of the tree after.
"""

from __future__ import annotations

from orgplan.optimize.families.base import Base, Expr, Lit, Words


class Hierarchy(Base):
    """Intermediate units, children counts and the depth limit."""

    def hierarchy(self) -> None:
        """Intermediate units after the plan, and children counts.

        A unit is intermediate when it has a parent and at least one
        child. After the plan, a surviving unit ``v`` has a child when a
        child of ``v`` survives, when a unit merged into ``v`` had a
        surviving child, when a unit folded into ``v`` had one, or when a
        split hands ``v`` a child that survives.
        """
        org, cand = self.org, self.cand
        self.alive_child: dict[str, Lit] = {}
        for unit in org.units:
            kids = org.children(unit.id)
            if kids:
                self.alive_child[unit.id] = self.any_of(
                    [self.survives(c) for c in kids], f"hc[{unit.id}]"
                )
        self.inter: dict[str, Lit] = {}
        for unit in org.units:
            v = unit.id
            if unit.parent is None or v in self.inter:
                continue
            events: list[Lit] = []
            if v in self.alive_child:
                events.append(
                    self.both(self.survives(v), self.alive_child[v], f"i{v}")
                )
            for p in cand.members_of(v) if v in self.movable else ():
                if p in self.alive_child:
                    events.append(
                        self.both(
                            self.x[(p, v)],
                            self.alive_child[p],
                            f"mc[{p},{v}]",
                        )
                    )
            for lit, c in self.landed.get(v, ()):
                if c in self.alive_child:
                    events.append(
                        self.both(lit, self.alive_child[c], f"fc[{c},{v}]")
                    )
            for lit, c in self.routed.get(v, ()):
                events.append(self.both(lit, self.survives(c), f"rc[{c}]"))
            self.inter[v] = self.any_of(events, f"inter[{v}]")

    def children_after(self, v: str) -> Expr:
        """The number of children of ``v`` after the plan."""
        org, cand = self.org, self.cand
        total: Expr = sum(self.survives(c) for c in org.children(v))
        for p in cand.members_of(v) if v in self.movable else ():
            total += sum(
                self.both(self.x[(p, v)], self.survives(c), "")
                for c in org.children(p)
            )
        for lit, c in self.landed.get(v, ()):
            total += sum(
                self.both(lit, self.survives(g), "") for g in org.children(c)
            )
        for lit, c in self.routed.get(v, ()):
            total += self.both(lit, self.survives(c), "")
        return total

    def depth_limit(self, limit: int, words: Words) -> None:
        """The tree after the plan has at most ``limit`` levels.

        A surviving unit's level is one more than the number of its
        ancestors that are not folded away. A unit under a group member
        hangs under the group's representative after the merge, which
        moves it when the representative sits elsewhere in the tree
        (``merge_within`` other than ``parent``). Merges of several of a
        unit's ancestors at once are each counted alone.
        """
        org, cand = self.org, self.cand
        depth: dict[str, int] = {}
        ancestors: dict[str, list[str]] = {}
        for unit in org.units:
            chain = []
            parent = unit.parent
            while parent is not None and parent in org.unit_by_id:
                chain.append(parent)
                parent = org.unit(parent).parent
            ancestors[unit.id] = chain
            depth[unit.id] = len(chain) + 1

        def level(uid: str) -> Expr:
            return depth[uid] - sum(
                self.f[a] for a in ancestors[uid] if a in self.f
            )

        key = "min_cut.layers"
        for unit in org.units:
            v = unit.id
            if depth[v] > limit:
                self.require(
                    self.m.add(level(v) <= limit),
                    key,
                    words,
                    [self.survives(v)],
                )
            for a in ancestors[v]:
                for r in cand.reps.get(a, ()):
                    if org.unit(r).parent == org.unit(a).parent:
                        continue
                    if depth[v] - depth[a] + depth[r] <= limit:
                        continue
                    self.require(
                        self.m.add(level(v) - level(a) + level(r) <= limit),
                        key,
                        words,
                        [self.survives(v), self.x[(a, r)]],
                    )
