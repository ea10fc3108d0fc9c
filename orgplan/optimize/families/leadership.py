"""Leadership after the plan: heads and deputies of each movable unit.

docs/semantics.md sections 2 and 4: a merged unit has one head and keeps
the other former leaders (``leadership.transition: keep``) or as many as
its cap allows (``cap``; :func:`orgplan.semantics.leadership.
merged_deputies`); other units keep their deputies within their cap
(Decree 370/2025, Conclusion 187-KL/TW).
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from orgplan.model import Unit
from orgplan.optimize.families.base import Base, Expr, Leader, Lit
from orgplan.semantics.caps import child_rule_applies, unit_cap


class Leadership(Base):
    """Heads, deputies and excess of every movable unit."""

    def leadership(self) -> None:
        """Heads, deputy caps and deputies of every movable unit.

        A merged unit has one head; its deputies are every former head
        and deputy of the members but the new head
        (``leadership.transition: keep``, the excess over the cap listed
        with a deadline) or that number cut to the cap (``cap``). A unit
        not merged keeps its deputies unless the plan lowered its cap
        below them, when they are cut to the cap; a unit above its cap
        before the plan keeps them under ``keep``. No unit keeps more
        deputies than a parent the plan leaves alone. The cap is the
        minimum of the kind's steps (with the merge bonus) and 50% of the
        quota (Decree 370/2025, Conclusion 187-KL/TW; orgplan.caps).
        """
        org, cand, m = self.org, self.cand, self.m
        keep = self.scenario.leadership.transition == "keep"
        self.lead: dict[str, Leader] = {}
        self.bonus: dict[str, Expr] = {}
        # Units that may be cut to their movable parent's deputies: the
        # cut literal and the literals of each parent it may end under.
        self.cut: dict[str, tuple[cp_model.IntVar, list[Lit]]] = {}
        self._floors_known: dict[str, int] = {}
        for r in cand.movable:
            unit = org.unit(r)
            y = self.x[(r, r)]
            merged = self.merged[r]
            former: Expr = unit.leaders * y + sum(
                org.unit(u).leaders * self.x[(u, r)]
                for u in cand.members_of(r)
            )
            heads = unit.heads * y + (1 - unit.heads) * merged
            most = unit.leaders + sum(
                org.unit(u).leaders for u in cand.members_of(r)
            )
            before: Expr = former - heads
            if unit.leaders == 0 and not isinstance(merged, int):
                # Members without any leader: the new head is no former
                # leader, and none stay on (max(0, former - 1),
                # orgplan.semantics.leadership.merged_deputies).
                kept = m.new_int_var(0, most, f"kept[{r}]")
                m.add_max_equality(kept, [0, before])
                before = kept
            deputies = m.new_int_var(0, most, f"d[{r}]")
            cap = self._cap(r)
            ceiling = self._parent_deputies(unit)
            if cap is None:
                self._at_most(unit, deputies, before, ceiling)
                self.lead[r] = Leader(heads, deputies, None, None)
                continue
            within = m.new_int_var(0, most, f"dc[{r}]")
            m.add_min_equality(within, [before, cap])
            current = unit_cap(org, r, self.rules).value
            over_before = current is not None and unit.deputies > current
            top: Expr = within
            if (keep and over_before) or self._shields(unit):
                top = before
            elif keep and not isinstance(merged, int):
                top = m.new_int_var(0, most, f"top[{r}]")
                m.add(top == before).only_enforce_if(merged)
                m.add(top == within).only_enforce_if(merged.Not())
            self._at_most(unit, deputies, top, ceiling)
            excess = m.new_int_var(0, most, f"e[{r}]")
            m.add_max_equality(excess, [0, deputies - cap])
            self.lead[r] = Leader(heads, deputies, cap, excess)

    def _parent_deputies(self, unit: Unit) -> int | None:
        """The deputies of a fixed parent, when the child rule binds.

        A unit under a parent the plan does not change keeps no more
        deputies than the parent, as its leaders are cut to it
        (Conclusion 187-KL/TW); a unit already above its parent in the
        input may keep what it has, never more. Movable parents are
        handled by the child rule.
        """
        parent = self.org.unit_by_id.get(unit.parent or "")
        if (
            parent is None
            or parent.id in self.movable
            or not child_rule_applies(self.rules, unit.kind, parent.kind)
        ):
            return None
        return max(parent.deputies, unit.deputies)

    def _shields(self, unit: Unit) -> bool:
        """Whether cutting ``unit``'s deputies would widen a gap it has.

        A child the plan may not change already has more deputies than
        the unit; cutting the unit to its cap would make that worse, so
        the unit keeps its deputies (its excess listed).
        """
        if not (self.rules.child_deputies_le_parent and self._capped(unit.id)):
            return False
        return any(
            child not in self.movable
            and self._capped(child)
            and self.org.unit(child).deputies > unit.deputies
            for child in self.org.children(unit.id)
        )

    def floors(self) -> None:
        """Linear floors on deputies that hold in the LP relaxation.

        Valid inequalities (docs/formulation.md): every surviving unit
        keeps at least :meth:`_floor` deputies, whatever the plan; a
        merged group under ``transition: keep`` keeps every member's
        leaders but one head. They cut off no plan; they stop the
        relaxation from dropping deputies through the ``min`` of the cap
        and the ``cut`` literal of the child rule.
        """
        keep = self.scenario.leadership.transition == "keep"
        for r in self.cand.movable:
            least = self._floor(r)
            lead = self.lead[r]
            y = self.x[(r, r)]
            if least > 0:
                self.m.add(lead.deputies >= least * y)
            merged = self.merged[r]
            if not keep or isinstance(merged, int):
                continue
            unit = self.org.unit(r)
            joined = sum(
                self.org.unit(u).leaders * self.x[(u, r)]
                for u in self.cand.members_of(r)
            )
            kept = least * y + joined - (1 - unit.heads) * merged
            most, limit = self._merged_range(r)
            if limit is None or most <= limit:
                self.m.add(lead.deputies >= kept)
                continue
            # Cut to ``limit`` at worst: min(before, limit) is at least
            # before - (most - limit) and at least limit/most * before.
            self.m.add(lead.deputies >= kept - (most - limit) * merged)
            self.m.add(most * lead.deputies >= limit * kept)

    def _merged_range(self, r: str) -> tuple[int, int | None]:
        """The most deputies ``r`` may keep when merged under ``keep``,
        and the fewest a cut or ceiling may leave it (``None``: none).

        ``most``: its leaders and those of its ``max_group_size - 1``
        members with the most, less the one head. The limit: a fixed
        parent's deputies (the ceiling), or for a unit the child rule may
        cut, the least floor of the units it may end under
        (docs/formulation.md).
        """
        org = self.org
        unit = org.unit(r)
        others = sorted(
            (org.unit(u).leaders for u in self.cand.members_of(r)),
            reverse=True,
        )
        room = max(0, self.scenario.scope.max_group_size - 1)
        most = unit.leaders + sum(others[:room]) - 1
        if r in self.cut and unit.parent is not None:
            return most, min(self._floor(h) for h in self._homes(unit.parent))
        return most, self._parent_deputies(unit)

    def _floor(self, uid: str) -> int:
        """The fewest deputies ``uid`` has after any plan it survives.

        Merges, folds and split parts only add staff and quota to a
        surviving unit, so a cap keyed to staff (or civil servants) and
        the 50% rule never fall: the unit keeps its deputies within its
        cap before the plan (a cap by child units may fall: no floor),
        and a fixed parent's deputies bound it. A unit the child rule may
        cut to its parent keeps at least what any unit it may end under
        keeps (docs/formulation.md).
        """
        known = self._floors_known
        if uid in known:
            return known[uid]
        org = self.org
        unit = org.unit(uid)
        if uid not in self.movable:
            known[uid] = unit.deputies
            return unit.deputies
        kind = self.rules.kind(unit.kind)
        least = unit.deputies
        steps = sorted(kind.deputy_steps, key=lambda s: s.min_size)
        caps = [s.cap for s in steps]
        if kind.deputy_basis == "child_units" or caps != sorted(caps):
            least = 0
        current = unit_cap(org, uid, self.rules).value
        if current is not None:
            least = min(least, current)
        ceiling = self._parent_deputies(unit)
        if ceiling is not None:
            least = min(least, ceiling)
        known[uid] = least
        if uid in self.cut and unit.parent is not None:
            for home in self._homes(unit.parent):
                least = min(least, self._floor(home))
            known[uid] = least
        return least

    def _homes(self, parent: str) -> list[str]:
        """The units a child of ``parent`` may end under (semantics 2)."""
        homes = [parent, *self.cand.reps.get(parent, ())]
        homes += [
            part.to
            for option in self.cand.splits.get(parent, ())
            for part in option.parts
        ]
        grand = self.org.unit(parent).parent
        if parent in self.f and grand is not None:
            homes += [grand, *self.cand.reps.get(grand, ())]
        return homes

    def _at_most(
        self,
        unit: Unit,
        deputies: cp_model.IntVar,
        wanted: Expr,
        ceiling: int | None,
    ) -> None:
        """``deputies = min(wanted, ceiling)``, or its parent's deputies.

        Under a movable parent the ceiling is the parent's deputies after
        the plan, which the child rule knows: here the unit keeps
        ``wanted`` unless it is cut to its parent (``cut`` literal).
        """
        if unit.parent in self.movable and self._child_rule_applies(unit):
            cut = self.m.new_bool_var(f"cut[{unit.id}]")
            self.m.add(deputies <= wanted)
            self.m.add(deputies >= wanted).only_enforce_if(cut.Not())
            self.cut[unit.id] = (cut, [])
        elif ceiling is None:
            self.m.add(deputies == wanted)
        else:
            self.m.add_min_equality(deputies, [wanted, ceiling])

    def _child_rule_applies(self, unit: Unit) -> bool:
        parent = self.org.unit_by_id.get(unit.parent or "")
        return parent is not None and child_rule_applies(
            self.rules, unit.kind, parent.kind
        )
