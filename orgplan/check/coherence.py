"""Coherent merges (docs/semantics.md section 5).

Every two members of a merge must do related work
(:mod:`orgplan.semantics.coherence`); data without functions or sectors
cannot be judged: a warning. Support units a merge leaves twice under
one unit are weak spots (:mod:`orgplan.weakspots`); those its merges
brought together and that it could have consolidated are flagged too
(a warning: the greedy baseline does not consolidate).
"""

from __future__ import annotations

from orgplan.check.violation import Violation
from orgplan.i18n import parts
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.after import apply_structure
from orgplan.semantics.coherence import (
    CoherencePolicy,
    unconsolidated,
    unjudged_units,
)
from orgplan.semantics.defects import plan_defects
from orgplan.semantics.scope import coherence_obstacle, free_units, judge_for


def coherence(
    org: Organisation, scenario: Scenario, rulebook: Rulebook, plan: Plan
) -> list[Violation]:
    """Unrelated merge members (errors), unjudged ones and support units
    left unconsolidated (warnings)."""
    judge = judge_for(org, scenario, rulebook)
    known = org.unit_by_id
    unjudged = set(unjudged_units(org))
    found = []
    blind = []
    for merge in plan.merges:
        units = [known[m] for m in merge.members if m in known]
        # Territorial units are judged by their kind (related as local
        # governments of one level), whatever their functions.
        blind += [
            u.id
            for u in units
            if u.id in unjudged
            and u.kind not in judge.policy.territorial_kinds
        ]
        # Every two members, not only each member and the representative.
        for i, first in enumerate(units):
            for unit in units[i + 1 :]:
                reason = coherence_obstacle(
                    org, rulebook, scenario, first, unit, judge
                )
                if reason:
                    key, fields = parts(reason)
                    found.append(
                        Violation.of(
                            "coherence.unrelated_merge", unit.id, key, **fields
                        )
                    )
    if blind:
        found.append(
            Violation.of(
                "coherence.not_judged",
                blind[0],
                "check_not_judged",
                severity="warning",
                n=len(blind),
            )
        )
    if plan_defects(org, plan):
        return found  # reported as defects; the plan cannot be applied
    after = apply_structure(org, plan, rulebook)
    policy = CoherencePolicy.from_scenario(scenario, rulebook)
    for parent, _, ids in unconsolidated(
        org, after, free_units(org, scenario), policy
    ):
        found.append(
            Violation.of(
                "coherence.unconsolidated",
                parent,
                "check_unconsolidated",
                severity="warning",
                unit=parent,
                count=len(ids),
                children=", ".join(ids),
            )
        )
    return found
