"""Coherent merges (docs/semantics.md section 5).

Every two members of a merge must do related work
(:mod:`orgplan.semantics.coherence`); data without functions or sectors
cannot be judged: a warning. Support units a merge leaves twice under
one unit are weak spots (:mod:`orgplan.weakspots`), not yet a rule.
"""

from __future__ import annotations

from orgplan.check.violation import Violation
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.coherence import unjudged_units
from orgplan.semantics.scope import coherence_obstacle, judge_for


def coherence(
    org: Organisation, scenario: Scenario, rulebook: Rulebook, plan: Plan
) -> list[Violation]:
    """Unrelated merge members (errors) and unjudged ones (a warning)."""
    judge = judge_for(org, scenario, rulebook)
    known = org.unit_by_id
    unjudged = set(unjudged_units(org))
    found = []
    blind = []
    for merge in plan.merges:
        units = [known[m] for m in merge.members if m in known]
        blind += [u.id for u in units if u.id in unjudged]
        # Every two members, not only each member and the representative.
        for i, first in enumerate(units):
            for unit in units[i + 1 :]:
                reason = coherence_obstacle(
                    org, rulebook, scenario, first, unit, judge
                )
                if reason:
                    found.append(
                        Violation("coherence.unrelated_merge", unit.id, reason)
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
    return found

