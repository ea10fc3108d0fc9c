"""Deputy caps as expressions (docs/semantics.md section 4).

The same numbers as :func:`orgplan.semantics.caps.unit_cap` and
:func:`~orgplan.semantics.caps.pooled_caps`: the kind's steps by its
``deputy_basis`` with the merge bonus, 50% of the quota
(:func:`~orgplan.semantics.caps.quota_fraction`), and the pooled average
(Decree 107/2020, 45/2025, 370/2025; Conclusion 187-KL/TW).
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from orgplan.optimize.families.base import NO_CAP, Base, Expr, Leader
from orgplan.semantics.caps import (
    average_fraction,
    pooled_caps,
    quota_fraction,
)


class Caps(Base):
    """The per-unit cap of each movable unit and the pooled average."""

    def _cap(self, r: str) -> cp_model.IntVar | None:
        unit = self.org.unit(r)
        kind = self.rules.kind(unit.kind)
        options: list[Expr] = []
        upper = self.upper[r]
        if kind.deputy_steps:
            size: Expr = self.staff[r]
            if kind.deputy_basis == "civil_servants":
                size = self.civil[r]
            elif kind.deputy_basis == "child_units":
                size = self.children_after(r)
                upper = len(self.org.children(r)) + sum(
                    len(self.org.children(u)) for u in self._near(r)
                )
            step: Expr = 0
            previous = 0
            for s in sorted(kind.deputy_steps, key=lambda s: s.min_size):
                reach = self.at_least(size, s.min_size, upper, f"st[{r}]")
                step += (s.cap - previous) * reach
                previous = s.cap
            bonus: Expr = 0
            gained = 0
            for n, extra in sorted(kind.merge_bonus.items()):
                most = 1 + len(self.cand.members_of(r))
                reach = self.at_least(self.count[r], n, most, f"mb[{r}]")
                bonus += (extra - gained) * reach
                gained = extra
            self.bonus[r] = bonus
            options.append(step + bonus)
        frac = quota_fraction(self.rules)
        quota_upper = self.upper[r]
        if quota_upper > 0:
            half = self.m.new_int_var(0, quota_upper, f"half[{r}]")
            q = self.quota[r]
            self.m.add(frac.denominator * half <= frac.numerator * q)
            self.m.add(
                frac.numerator * q
                <= frac.denominator * half + frac.denominator - 1
            )
            has_quota = self.at_least(q, 1, quota_upper, f"qp[{r}]")
            options.append(half + NO_CAP * (1 - has_quota))
        if not options:
            return None
        cap = self.m.new_int_var(0, NO_CAP, f"cap[{r}]")
        self.m.add_min_equality(cap, options)
        return cap

    def pooled(self) -> None:
        """Deputies of a kind average at most ``deputy_average`` per unit.

        Counted within each unit's cap: the excess of a merged unit is
        transitional and listed with its deadline (Decree 107/2020,
        45/2025). Not enforced when the input is already above it.
        """
        org = self.org
        for kind_id, kind in self.rules.kinds.items():
            if kind.deputy_average is None:
                continue
            movable = [
                r for r in self.cand.movable if org.unit(r).kind == kind_id
            ]
            if not movable:
                continue
            if any(
                p.kind == kind_id and p.excess > 0
                for p in pooled_caps(org, self.rules)
            ):
                continue
            fixed = [
                u
                for u in org.units
                if u.kind == kind_id and u.id not in self.movable
            ]
            within = sum(u.deputies for u in fixed) + sum(
                _within_cap(self.lead[r]) for r in movable
            )
            count = len(fixed) + sum(self.x[(r, r)] for r in movable)
            bonus = sum(self.bonus.get(r, 0) for r in movable)
            avg = average_fraction(kind)
            self.require(
                self.m.add(
                    avg.denominator * within
                    <= avg.numerator * count + avg.denominator * bonus
                ),
                f"deputy_pooled.{kind_id}",
                {
                    "key": "group_pooled",
                    "average": kind.deputy_average,
                    "kind": kind.labels,
                },
            )


def _within_cap(lead: Leader) -> Expr:
    if lead.excess is None:
        return lead.deputies
    return lead.deputies - lead.excess
