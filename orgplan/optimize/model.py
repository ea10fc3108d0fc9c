"""The CP-SAT model of a restructuring.

A p-median style clustering on the candidate graph: ``x[u, r]`` says unit
``u`` joins the group whose representative is ``r`` (``y[r] = x[r, r]``:
``r`` survives), ``f[w]`` folds ``w`` into its parent and ``o[u, k]``
dissolves ``u`` by the ``k``-th split option. Every other quantity (staff
and quota of a group, intermediate units, deputy caps, deputies) is an
exact function of these choices, so the objective terms read off a
solution equal the terms of docs/semantics.md section 6.

Each rule family is one module of :mod:`orgplan.optimize.families`
whose docstring states the rule and its source; the numbers come from
:mod:`orgplan.semantics`. Every
constraint a user can relax belongs to a named group; built with
``explain=True`` each group is switched on by its own literal, which
:mod:`orgplan.optimize.explain` passes as assumptions to find a small
conflicting set.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from orgplan.model import Organisation
from orgplan.optimize.candidates import Candidates
from orgplan.optimize.families.base import (
    NO_CAP,
    Expr,
    Group,
    Leader,
    Lit,
    Words,
)
from orgplan.optimize.families.caps import Caps
from orgplan.optimize.families.children import Children
from orgplan.optimize.families.hierarchy import Hierarchy
from orgplan.optimize.families.leadership import Leadership
from orgplan.optimize.families.must import Must
from orgplan.optimize.families.partition import Partition
from orgplan.optimize.families.targets import Targets
from orgplan.optimize.families.terms import Terms
from orgplan.optimize.families.territory import Territory
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.terms import COST_SCALE, SCALE

__all__ = [
    "COST_SCALE",
    "NO_CAP",
    "SCALE",
    "Group",
    "Leader",
    "StructureModel",
    "build_model",
]


@dataclass
class StructureModel:
    """The built model and the handles the decoder reads."""

    model: cp_model.CpModel
    x: dict[tuple[str, str], cp_model.IntVar]
    folds: dict[str, cp_model.IntVar]
    splits: dict[tuple[str, int], cp_model.IntVar]
    merged: dict[str, Lit]
    staff: dict[str, Expr]
    quota: dict[str, Expr]
    leaders: dict[str, Leader]
    terms: dict[str, Expr]
    targets: dict[str, tuple[Expr, int, Words]]
    groups: dict[str, Group] = field(default_factory=dict)


def build_model(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    cand: Candidates,
    *,
    explain: bool = False,
) -> StructureModel:
    """Build the CP-SAT model of ``scenario`` on ``org``.

    Parameters
    ----------
    org, scenario, rulebook
        The problem; never modified.
    cand
        The allowed decisions (:func:`~orgplan.optimize.candidates.
        find_candidates`).
    explain
        Guard every relaxable constraint group by a literal (slower; only
        to explain an infeasible scenario).

    Returns
    -------
    StructureModel
        The model with its variables, term expressions and groups.

    Raises
    ------
    KeyError
        If a unit's kind is missing from the rulebook.
    """
    return _Builder(org, scenario, rulebook, cand, explain).build()


class _Builder(
    Partition,
    Hierarchy,
    Caps,
    Leadership,
    Children,
    Targets,
    Must,
    Terms,
    Territory,
):
    """The model, one rule family per mixin (orgplan.optimize.families)."""

    def build(self) -> StructureModel:
        self.variables()
        self.partition()
        self.locks()
        self.group_size()
        self.aggregates()
        self.hierarchy()
        self.leadership()
        self.child_rule()
        self.floors()
        self.pooled()
        self.min_staff()
        self.must_merge()
        self.must_not_merge()
        self.territory()
        terms = self.terms()
        self.targets(terms)
        self.objective(terms)
        return StructureModel(
            model=self.m,
            x=self.x,
            folds=self.f,
            splits=self.o,
            merged=self.merged,
            staff=self.staff,
            quota=self.quota,
            leaders=self.lead,
            terms=terms,
            targets=self.target_exprs,
            groups=self.groups,
        )
