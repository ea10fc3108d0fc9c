"""Targets and minimum sizes as hard constraints (semantics section 5).

``max_units`` (:func:`orgplan.semantics.targets.unit_limits`),
``min_units`` (:func:`~orgplan.semantics.targets.unit_minimums`; equal
to ``max_units``: an exact count),
``min_cut`` (:func:`~orgplan.semantics.targets.cut_limit`, the one
rounding every method uses), ``max_cut``
(:func:`~orgplan.semantics.targets.cut_floor`) and ``min_staff`` of the
kinds in scope (Decree 107/2020, 45/2025, 120/2020).
"""

from __future__ import annotations

from orgplan.graph import metrics
from orgplan.optimize.families.base import Base, Expr, Words
from orgplan.semantics.targets import (
    cut_floor,
    cut_limit,
    minimum_binds,
    unit_limits,
    unit_minimums,
)


class Targets(Base):
    """The scenario's targets and the minimum staff of kinds in scope."""

    def min_staff(self) -> None:
        """Every surviving unit of a kind in scope has its minimum quota.

        An undersized unit must merge, fold or split (Decree 107/2020,
        45/2025, 120/2020), unless the rules leave it no coherent way to
        (:func:`~orgplan.semantics.targets.minimum_binds`).
        """
        binds = minimum_binds(self.org, self.scenario, self.rules)
        small: dict[str, list[Words]] = {}
        for r in self.cand.movable:
            unit = self.org.unit(r)
            least = self.rules.kind(unit.kind).min_staff
            if least and unit.quota < least and r in binds:
                small.setdefault(unit.kind, []).append(
                    {"key": "group_quota_of", "unit": r, "quota": unit.quota}
                )
        for r in self.cand.movable:
            unit = self.org.unit(r)
            kind = self.rules.kind(unit.kind)
            if not kind.min_staff or r not in binds:
                continue
            below = small.get(unit.kind, [])
            self.require(
                self.m.add(self.quota[r] >= kind.min_staff * self.x[(r, r)]),
                f"min_staff.{unit.kind}",
                {
                    "key": "group_min_staff_below"
                    if below
                    else "group_min_staff",
                    "minimum": kind.min_staff,
                    "kind": kind.labels,
                    "units": below,
                },
            )

    def targets(self, terms: dict[str, Expr]) -> None:
        """The scenario's targets as hard constraints (semantics 5)."""
        org, scenario, rules = self.org, self.scenario, self.rules
        self.target_exprs: dict[str, tuple[Expr, int, Words]] = {}
        for kind_id, n in unit_limits(scenario, rules).items():
            count = self.kind_count(kind_id)
            words = {
                "key": "group_max_units",
                "n": n,
                "kind": self._kind_label(kind_id),
            }
            key = f"max_units.{kind_id}"
            self.target_exprs[key] = (count, n, words)
            self.require(self.m.add(count <= n), key, words)
        for kind_id, n in unit_minimums(scenario).items():
            words = {
                "key": "group_min_units",
                "n": n,
                "kind": self._kind_label(kind_id),
            }
            self.require(
                self.m.add(self.kind_count(kind_id) >= n),
                f"min_units.{kind_id}",
                words,
            )
        before = metrics(org, rules)
        values = {
            "focal_points": before.focal_points,
            "leaders": before.leaders,
            "units": before.units,
            "layers": before.layers,
        }
        exprs = {
            "focal_points": terms["focal_points"],
            "leaders": terms["leaders"],
            "units": terms["units"],
        }
        for key, fraction in scenario.targets.min_cut.items():
            if key not in values:
                continue
            limit = cut_limit(fraction, values[key])
            words = {
                "key": "group_min_cut",
                "share": fraction,
                "what": {"key": f"shortfall_{key}"},
                "target": key,
                "limit": limit,
                "before": values[key],
            }
            if key == "layers":
                self.depth_limit(limit, words)
                continue
            self.target_exprs[f"min_cut.{key}"] = (exprs[key], limit, words)
            self.require(
                self.m.add(exprs[key] <= limit), f"min_cut.{key}", words
            )
        for key, fraction in scenario.targets.max_cut.items():
            floor = cut_floor(fraction, values[key])
            words = {
                "key": "group_max_cut",
                "share": fraction,
                "what": {"key": f"shortfall_{key}"},
                "target": key,
                "floor": floor,
                "before": values[key],
            }
            self.require(
                self.m.add(exprs[key] >= floor), f"max_cut.{key}", words
            )

    def kind_count(self, kind_id: str) -> Expr:
        """The units of ``kind_id`` after: the territorial family's count
        when a merged unit's kind is chosen by rule, else the survivors
        of that kind (a merged unit keeps its representative's)."""
        by_rule = getattr(self, "territorial_counts", {})
        if kind_id in by_rule:
            return by_rule[kind_id]
        return sum(
            self.survives(u.id) for u in self.org.units if u.kind == kind_id
        )

    def _kind_label(self, kind_id: str) -> dict[str, str]:
        kind = self.rules.kinds.get(kind_id)
        if kind is None:
            return {"en": kind_id, "vi": kind_id}
        return kind.labels
