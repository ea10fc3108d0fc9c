"""The state every rule family of the CP-SAT model shares.

:class:`Base` holds the problem, the model and the helpers that build
exact literals (``both``, ``any_of``, ``at_least``); each family module
adds its constraints by a mixin on it, in the manner of PyJobShop's
``add_constraints()``: one rule family per module, its rule and source
in the class docstring.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from orgplan.model import Organisation
from orgplan.optimize.candidates import Candidates
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.caps import has_steps

# An upper bound no deputy cap reaches; stands for "no cap".
NO_CAP = 10_000

Lit = cp_model.IntVar | int
Expr = cp_model.LinearExprT


# A constraint group in words: a catalogue message ({"key": "group_...",
# ...}, orgplan.i18n.message), worded when a scenario has no plan.
Words = str | dict[str, Any]


@dataclass
class Group:
    """A named constraint group a user can relax."""

    key: str
    words: Words
    literal: cp_model.IntVar | None = None


@dataclass
class Leader:
    """The leadership expressions of one movable unit."""

    heads: Expr
    deputies: cp_model.IntVar
    cap: cp_model.IntVar | None
    excess: cp_model.IntVar | None


class Base:
    """The problem, the model, and the literals every family reads.

    The families fill in the variables as the model is built, in the
    order of :meth:`orgplan.optimize.model._Builder.build`.
    """

    x: dict[tuple[str, str], cp_model.IntVar]
    f: dict[str, cp_model.IntVar]
    o: dict[tuple[str, int], cp_model.IntVar]
    merged: dict[str, Lit]
    staff: dict[str, Expr]
    quota: dict[str, Expr]
    civil: dict[str, Expr]
    count: dict[str, Expr]
    upper: dict[str, int]
    alive_child: dict[str, Lit]
    # Children a split hands to each receiver, with the split's literal.
    routed: dict[str, list[tuple[Lit, str]]]
    # Where each folded unit ends (its parent, or the group the parent
    # joins), by folded unit and by receiver, with the literal.
    lands: dict[str, list[tuple[Lit, str]]]
    landed: dict[str, list[tuple[Lit, str]]]
    inter: dict[str, Lit]
    lead: dict[str, Leader]
    bonus: dict[str, Expr]
    cut: dict[str, tuple[cp_model.IntVar, list[Lit]]]
    target_exprs: dict[str, tuple[Expr, int, str]]

    def __init__(
        self,
        org: Organisation,
        scenario: Scenario,
        rulebook: Rulebook,
        cand: Candidates,
        explain: bool,
    ) -> None:
        self.org = org
        self.scenario = scenario
        self.rules = rulebook
        self.cand = cand
        self.explain = explain
        self.m = cp_model.CpModel()
        self.movable = set(cand.movable)
        self.groups: dict[str, Group] = {}

    def require(
        self,
        ct: cp_model.Constraint,
        key: str,
        words: Words,
        when: Iterable[Lit] = (),
    ) -> None:
        """Tag ``ct`` with its group; ``when`` are extra conditions."""
        conditions = [c for c in when if not isinstance(c, int)]
        if self.explain:
            group = self.groups.get(key)
            if group is None:
                literal = self.m.new_bool_var(f"assume[{key}]")
                group = self.groups[key] = Group(key, words, literal)
            assert group.literal is not None
            conditions.append(group.literal)
        else:
            self.groups.setdefault(key, Group(key, words))
        if conditions:
            ct.only_enforce_if(conditions)

    def both(self, a: Lit, b: Lit, name: str) -> Lit:
        """An exact literal for ``a and b``."""
        if isinstance(a, int):
            return b if a else 0
        if isinstance(b, int):
            return a if b else 0
        z = self.m.new_bool_var(name)
        self.m.add_bool_and([a, b]).only_enforce_if(z)
        # The linear form too, so that the LP relaxation sees it.
        self.m.add(z >= a + b - 1)
        return z

    def any_of(self, lits: Sequence[Lit], name: str) -> Lit:
        """An exact literal for ``any(lits)``."""
        if any(isinstance(a, int) and a for a in lits):
            return 1
        live = [a for a in lits if not isinstance(a, int)]
        if not live:
            return 0
        if len(live) == 1:
            return live[0]
        z = self.m.new_bool_var(name)
        self.m.add_max_equality(z, live)
        return z

    def at_least(self, expr: Expr, n: int, upper: int, name: str) -> Lit:
        """An exact literal for ``expr >= n`` (``expr`` within 0..upper)."""
        if n <= 0:
            return 1
        if n > upper:
            return 0
        z = self.m.new_bool_var(name)
        self.m.add(expr >= n).only_enforce_if(z)
        self.m.add(expr <= n - 1).only_enforce_if(z.Not())
        return z

    def survives(self, uid: str) -> Lit:
        return self.x[(uid, uid)] if uid in self.movable else 1

    def _folded_into(self, v: str) -> list[str]:
        return [w for w, p in self.cand.folds.items() if p == v]

    def _near(self, r: str) -> tuple[str, ...]:
        """Units whose children may end under ``r``: its group's members
        and the units folded into it or into a member."""
        return self.cand.members_of(r) + tuple(
            w for _, w in self.landed.get(r, ())
        )

    def _capped(self, uid: str) -> bool:
        return has_steps(self.rules, self.org.unit(uid).kind)

    def _name(self, uid: str) -> str:
        unit = self.org.unit_by_id.get(uid)
        return f"{uid} ({unit.name})" if unit else uid
