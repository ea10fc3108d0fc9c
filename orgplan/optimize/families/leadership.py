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
        for r in cand.movable:
            unit = org.unit(r)
            y = self.x[(r, r)]
            merged = self.merged[r]
            former: Expr = unit.leaders * y + sum(
                org.unit(u).leaders * self.x[(u, r)]
                for u in cand.members_of(r)
            )
            heads = unit.heads * y + (1 - unit.heads) * merged
            before = former - heads
            most = unit.leaders + sum(
                org.unit(u).leaders for u in cand.members_of(r)
            )
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
            self._least_deputies(unit, deputies, current, ceiling)
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

    def _least_deputies(
        self,
        unit: Unit,
        deputies: cp_model.IntVar,
        current: int | None,
        ceiling: int | None,
    ) -> None:
        """A redundant bound that tightens the LP relaxation.

        Merges and folds only add staff and quota to a surviving unit, so
        a cap keyed to staff never falls: the unit keeps at least its
        deputies within its cap before the plan.
        """
        kind = self.rules.kind(unit.kind)
        if kind.deputy_basis == "child_units" or current is None:
            return
        least = min(unit.deputies, current)
        if ceiling is not None:
            least = min(least, ceiling)
        if least > 0:
            bound = self.m.add(deputies >= least * self.x[(unit.id, unit.id)])
            if unit.id in self.cut:
                # A unit cut to a parent with fewer deputies (its own parent
                # folded away, say) may fall below what it had.
                bound.only_enforce_if(self.cut[unit.id][0].Not())

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
