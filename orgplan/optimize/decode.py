"""Read a plan off a CP-SAT solution: decisions, leadership, reasons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from orgplan.model import Organisation
from orgplan.optimize.candidates import Candidates, SplitOption
from orgplan.optimize.model import NO_CAP, StructureModel
from orgplan.optimize.reasons import (
    binding_rules,
    fold_reasons,
    merge_reasons,
    split_reasons,
)
from orgplan.plan import (
    Flattening,
    Leadership,
    Merge,
    Plan,
    SolveStatus,
    Split,
    SplitPart,
)
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.after import apply_structure
from orgplan.semantics.caps import over_cap
from orgplan.semantics.leadership import excess_deadline
from orgplan.semantics.terms import objective_value, terms_of


@dataclass(frozen=True)
class _Reader:
    solver: cp_model.CpSolver

    def __call__(self, expr: cp_model.LinearExprT) -> int:
        if isinstance(expr, int):
            return expr
        return int(self.solver.value(expr))


def decode(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    cand: Candidates,
    built: StructureModel,
    solver: cp_model.CpSolver,
) -> Plan:
    """The structural plan of the solver's best solution.

    Status and solver statistics are left for the caller to fill in.

    Raises
    ------
    KeyError
        Never for a model built from ``org``.
    """
    value = _Reader(solver)
    groups: dict[str, list[str]] = {}
    for (u, r), var in built.x.items():
        if u != r and value(var):
            groups.setdefault(r, [r]).append(u)
    folded = [w for w, var in built.folds.items() if value(var)]
    chosen: dict[str, SplitOption] = {
        u: cand.splits[u][k]
        for (u, k), var in built.splits.items()
        if value(var)
    }
    index = {u.id: i for i, u in enumerate(org.units)}
    merges = tuple(
        _merge(org, scenario, rulebook, built, value, rep, members, index)
        for rep, members in sorted(
            groups.items(), key=lambda item: index[item[0]]
        )
    )
    flattened = tuple(
        Flattening(
            unit=w,
            into=cand.folds[w],
            reasons=fold_reasons(org, rulebook, w, scenario),
        )
        for w in sorted(folded, key=index.__getitem__)
    )
    splits = tuple(
        _split(org, scenario, rulebook, chosen[u])
        for u in sorted(chosen, key=index.__getitem__)
    )
    leadership = tuple(
        _leadership(rulebook, built, value, r)
        for r in cand.movable
        if value(built.x[(r, r)])
    )
    plan = Plan(
        scenario=scenario.name,
        status=SolveStatus.FEASIBLE,
        merges=merges,
        flattened=flattened,
        splits=splits,
        leadership=leadership,
        binding_rules=_binding(
            org, scenario, rulebook, built, value, leadership
        ),
    )
    # The plan's terms are the semantics' values on the organisation
    # after, not the model's own expressions (which the property tests
    # hold equal to them).
    after = apply_structure(org, plan, rulebook)
    terms = terms_of(org, rulebook, plan, after)
    return plan.model_copy(
        update={
            "objective": objective_value(terms, scenario.weights),
            "objective_terms": terms,
        }
    )


def _merge(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    built: StructureModel,
    value: _Reader,
    rep: str,
    members: list[str],
    index: dict[str, int],
) -> Merge:
    ordered = [rep, *sorted(members[1:], key=index.__getitem__)]
    head = org.unit(rep)
    lead = built.leaders[rep]
    reasons = merge_reasons(
        org,
        scenario,
        rulebook,
        ordered,
        value(lead.heads) + value(lead.deputies),
    )
    return Merge(
        into=rep,
        members=tuple(ordered),
        name=scenario.names.get(rep, head.name),
        reasons=reasons,
    )


def _split(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    option: SplitOption,
) -> Split:
    return Split(
        unit=option.unit,
        parts=tuple(
            SplitPart(
                to=p.to,
                functions=p.functions,
                staff=p.staff,
                children=p.children,
            )
            for p in option.parts
        ),
        reasons=split_reasons(
            org, rulebook, option.unit, option.parts, scenario=scenario
        ),
    )


def _leadership(
    rulebook: Rulebook, built: StructureModel, value: _Reader, r: str
) -> Leadership:
    lead = built.leaders[r]
    cap = None if lead.cap is None else value(lead.cap)
    if cap is not None and cap >= NO_CAP:
        cap = None
    excess = 0 if lead.excess is None else value(lead.excess)
    return Leadership(
        unit=r,
        heads=value(lead.heads),
        deputies=value(lead.deputies),
        cap=cap,
        excess=excess,
        reduce_by=excess_deadline(rulebook) if excess else None,
    )


def kept_excess(
    org: Organisation, rulebook: Rulebook, plan: Plan, movable: set[str]
) -> tuple[Leadership, ...]:
    """Units above their cap after the plan that no model decided on.

    Units the plan may not touch, and movable units the model gave no
    leadership entry (a block with nothing to decide is solved by no
    model). They were above their cap before (the model keeps every unit
    it decides within its cap); their excess stays, listed with its
    deadline like a merged unit's (docs/semantics.md section 4), against
    their cap after the plan (a fold changes it).

    Raises
    ------
    orgplan.errors.OrgplanError
        Never for a plan the optimiser decoded (see
        :func:`orgplan.apply.apply_structure`).
    """
    after = apply_structure(org, plan, rulebook)
    decided = movable & {lead.unit for lead in plan.leadership}
    return tuple(
        Leadership(
            unit=over.unit,
            heads=after.unit(over.unit).heads,
            deputies=over.deputies,
            cap=over.cap,
            excess=over.excess,
            reduce_by=excess_deadline(rulebook),
        )
        for over in over_cap(after, rulebook)
        if over.unit not in decided
    )


def _binding(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    built: StructureModel,
    value: _Reader,
    leadership: tuple[Leadership, ...],
) -> tuple[dict[str, Any], ...]:
    met = [
        key
        for key, (expr, limit, _) in built.targets.items()
        if value(expr) == limit
    ]
    return binding_rules(org, scenario, rulebook, met, leadership)
