"""The child rule: no unit has more deputies than its parent.

Conclusion 187-KL/TW, Decree 370/2025 (``child_deputies_le_parent``;
:func:`orgplan.semantics.caps.child_rule_applies`): pairs the input
already had are kept no worse (:func:`orgplan.semantics.leadership.
kept_pair`), and a fixed parent keeps a cap by child units that covers
its deputies.
"""

from __future__ import annotations

from orgplan.optimize.families.base import Base, Expr, Lit


class Children(Base):
    """Deputies of a child at most its parent's, after the plan."""

    def child_rule(self) -> None:
        """A unit has no more deputies than its parent after the plan.

        Both kinds must have a per-unit cap (Conclusion 187-KL/TW, Decree
        370/2025). Pairs already above it in the input and left as they
        are stay as they are.
        """
        if not self.rules.child_deputies_le_parent:
            return
        org, cand = self.org, self.cand

        def deputies(uid: str) -> Expr:
            if uid in self.lead:
                return self.lead[uid].deputies
            return org.unit(uid).deputies

        def limit(child: str, parent: str, when: list[Lit]) -> None:
            self.require(
                self.m.add(deputies(child) <= deputies(parent)),
                f"deputy_child.{parent}",
                {"key": "group_child", "unit": self._name(parent)},
                when,
            )
            if child in self.cut:
                cut, under = self.cut[child]
                here = self.both(when[0], when[1], f"under[{child}]")
                if not isinstance(here, int):
                    self.m.add(
                        deputies(child) >= deputies(parent)
                    ).only_enforce_if([cut, here])
                    under.append(here)

        for c in org.units:
            p = c.parent
            if p is None or not (c.id in self.movable or p in self.movable):
                continue
            if not (self._capped(c.id) and self._capped(p)):
                continue
            if c.deputies <= org.unit(p).deputies:
                limit(c.id, p, [self.survives(c.id), self.survives(p)])
            elif p in self.lead and c.id not in self.movable:
                # A gap the input has may not widen: the parent keeps its
                # deputies.
                self.require(
                    self.m.add(deputies(p) >= org.unit(p).deputies),
                    f"deputy_child.{p}",
                    {"key": "group_child", "unit": self._name(p)},
                    [self.survives(p)],
                )
            elif c.id in self.lead:
                # Already above its parent: the plan may not add to it.
                self.require(
                    self.m.add(deputies(c.id) <= c.deputies),
                    f"deputy_child.{p}",
                    {"key": "group_child", "unit": self._name(p)},
                    [self.survives(c.id), self.survives(p)],
                )
            for r in cand.reps.get(p, ()):
                limit(c.id, r, [self.survives(c.id), self.x[(p, r)]])
            for lit, home in self.lands.get(c.id, ()):
                for g in org.children(c.id):
                    if self._capped(g) and self._capped(home):
                        limit(g, home, [lit, self.survives(g)])
        # A child a split hands to a receiver hangs under it. One the
        # plan does not lead (outside the scope) keeps its deputies; it
        # may stay above the receiver if the receiver keeps its own
        # (semantics.leadership.kept_pair).
        for v, routed in self.routed.items():
            for lit, c in routed:
                if not (self._capped(c) and self._capped(v)):
                    continue
                child = org.unit(c)
                if c in self.movable or child.deputies <= org.unit(v).deputies:
                    limit(c, v, [self.survives(c), lit])
                elif v in self.lead:
                    self.require(
                        self.m.add(deputies(v) >= org.unit(v).deputies),
                        f"deputy_child.{v}",
                        {"key": "group_child", "unit": self._name(v)},
                        [lit],
                    )
        for cut, under in self.cut.values():
            # A unit is cut only to the parent it ends under.
            self.m.add_bool_or([cut.Not(), *under])
        self._fixed_parent_caps()

    def _fixed_parent_caps(self) -> None:
        """A unit outside the scope keeps a cap that covers its deputies.

        Its cap by child units falls when its movable children merge or
        fold away; the plan may not push it below the deputies it has.
        """
        org = self.org
        for unit in org.units:
            if unit.id in self.movable:
                continue
            kind = self.rules.kinds.get(unit.kind)
            if (
                kind is None
                or kind.deputy_basis != "child_units"
                or not kind.deputy_steps
            ):
                continue
            kids = org.children(unit.id)
            if not any(k in self.movable for k in kids):
                continue
            needed = [
                s.min_size for s in kind.deputy_steps if s.cap >= unit.deputies
            ]
            if not needed or (kind.deputy_cap(len(kids)) or 0) < (
                unit.deputies
            ):
                continue
            self.require(
                self.m.add(self.children_after(unit.id) >= min(needed)),
                "deputy_cap",
                {
                    "key": "group_deputy_cap",
                    "unit": self._name(unit.id),
                    "n": unit.deputies,
                },
            )
