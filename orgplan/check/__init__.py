"""The solver-free oracle: does a plan keep every rule and invariant?

:func:`check_plan` checks a plan against docs/semantics.md sections 1-7
in plain Python, without a solver; every solver test goes through it and
``orgplan check PLAN.json`` exposes it. :func:`objective_terms`
recomputes the objective the same way. The checker imports the domain
and :mod:`orgplan.semantics` only, and no solver imports it: it stays an
independent judge of what the solvers produce. One module per rule
family: :mod:`.decisions`, :mod:`.structure`, :mod:`.staffing`,
:mod:`.caps`, :mod:`.targets`, :mod:`.territory`, and
:mod:`.consistency` (the plan's own figures: status, bound and gap,
metrics, balance, movers).

Where the contract leaves room, the checker decides as follows:

- A function owned by one unit before has exactly one owner after; a
  function several units already shared before keeps at least one owner
  and never gains owners.
- Merge scope (same parent, locality...) is judged on the input units.
- ``must_merge`` holds when the units' final homes intersect (a split unit
  ends in all its receivers), ``must_not_merge`` when they do not; a unit
  folded into another ends in it.
- A unit receiving a folded unit or part of a split may be of a kind
  outside the scope (the fold rule of section 5 asks only the folded unit
  to be in scope); a locked unit never receives.
- A locked unit whose size is below its kind's minimum is only a warning,
  as for units outside the scope: the plan may not touch it.
- A child-above-parent deputy pair, or a pooled excess, that the input
  already had and the plan did not worsen is a warning.
- The pooled cap holds once every listed per-unit excess is removed.
- When the plan carries ``units_after``, the rules are checked on those
  units (so a hand-edited file is judged by what it claims), and rule
  ``units_after`` says where they differ from :func:`orgplan.apply.apply`.
"""

from __future__ import annotations

from orgplan.check import consistency
from orgplan.check.caps import caps
from orgplan.check.decisions import DEFECT_RULES, decisions, must_pairs
from orgplan.check.staffing import (
    conservation,
    persons,
    staff_totals,
    transfers,
)
from orgplan.check.structure import function_owners, tree, units_after
from orgplan.check.targets import target_violations
from orgplan.check.territory import territory_violations
from orgplan.check.violation import Violation
from orgplan.errors import OrgplanError
from orgplan.i18n import LANGS
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.scenario import Scenario
from orgplan.semantics.after import apply, apply_structure
from orgplan.semantics.defects import plan_defects
from orgplan.semantics.scope import merge_obstacle
from orgplan.semantics.targets import required_cut, unit_limits
from orgplan.semantics.terms import (
    STRUCTURAL_TERMS,
    TERMS,
    objective_terms,
    objective_value,
    participants,
    terms_of,
)

__all__ = [
    "OBJECTIVE_TOLERANCE",
    "STRUCTURAL_TERMS",
    "TERMS",
    "Violation",
    "check_plan",
    "merge_obstacle",
    "objective_terms",
    "objective_value",
    "participants",
    "required_cut",
    "target_violations",
    "terms_of",
    "unit_limits",
]

# Plans round the objective to 2 decimals.
OBJECTIVE_TOLERANCE = 0.01


def check_plan(
    org: Organisation, scenario: Scenario, plan: Plan
) -> list[Violation]:
    """Every rule and invariant ``plan`` breaks, errors and warnings.

    Parameters
    ----------
    org
        The organisation before.
    scenario
        The scenario the plan answers: rules, scope, targets, locks,
        must pairs, weights.
    plan
        The plan to check (from a solver or a hand-edited plan.json).

    Returns
    -------
    list of Violation
        Empty when the plan keeps every rule. A plan that cannot be applied
        at all (unknown units, a unit with two decisions) gets only the
        violations found without applying it.
    """
    rulebook = scenario.rulebook()
    found = [
        Violation.of(d.rule, d.unit, "check_words", words=d.words)
        for d in plan_defects(org, plan)
    ]
    found += consistency.solve_status(plan)
    found += consistency.bound_and_gap(plan, scenario)
    found += consistency.unknown_terms(plan)
    found += decisions(org, scenario, rulebook, plan)
    if any(v.rule in DEFECT_RULES for v in found):
        return found
    found += must_pairs(org, scenario, plan)
    try:
        structural = apply_structure(org, plan, rulebook)
        applied = apply(org, plan, rulebook)
    except OrgplanError as error:
        # The error's words in both languages: the violation's in either.
        words = {lang: error.text(lang) for lang in LANGS}
        staffing = Violation.of("staffing", None, "check_words", words=words)
        return [*found, staffing]
    after = applied
    if plan.units_after:
        found += units_after(plan.units_after, applied.units)
        after = Organisation(
            units=plan.units_after,
            localities=org.localities,
            staff=applied.staff,
            functions=org.functions,
            name=org.name,
        )
    found += tree(after)
    found += function_owners(org, after)
    found += persons(org, plan, after)
    found += consistency.person_moves(org, scenario, plan)
    found += consistency.movers(plan)
    found += consistency.figures(org, plan, after, rulebook)
    found += consistency.balance(structural, plan, after)
    found += consistency.merged_heads(plan)
    found += conservation(org, plan, after, rulebook)
    found += staff_totals(structural, plan, after)
    found += transfers(structural, scenario, plan)
    # Caps are judged on the structure the optimiser decided: the staffing
    # stage's separations and quota cuts play out over the 5-year
    # clearance period, and counting them would move a division's cap
    # (by civil servants) under the plan's feet.
    found += caps(org, plan, structural, rulebook)
    found += target_violations(org, scenario, rulebook, after)
    found += territory_violations(org, scenario, rulebook, plan)
    found += _objective(org, scenario, plan)
    return found


def _objective(
    org: Organisation, scenario: Scenario, plan: Plan
) -> list[Violation]:
    terms = objective_terms(org, scenario, plan)
    value = objective_value(terms, scenario.weights)
    found = []
    if plan.objective is not None and (
        abs(plan.objective - value) > OBJECTIVE_TOLERANCE
    ):
        found.append(
            Violation.of(
                "objective",
                None,
                "check_objective",
                claimed=plan.objective,
                value=value,
            )
        )
    for name, claimed in plan.objective_terms.items():
        if name in terms and abs(claimed - terms[name]) > OBJECTIVE_TOLERANCE:
            found.append(
                Violation.of(
                    "objective",
                    None,
                    "check_objective_term",
                    name=name,
                    claimed=claimed,
                    value=terms[name],
                )
            )
    return found
