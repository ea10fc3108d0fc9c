"""Coherent merges and distinct support units (docs/semantics.md 5).

A merge member's work must be related to its representative's
(:mod:`orgplan.semantics.coherence`), and a unit formed by a merge has at
most one office, one inspectorate and one planning-finance division.
Data without functions or sectors cannot be judged: a warning.
"""

from __future__ import annotations

from orgplan.check.violation import Violation
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.coherence import (
    duplicate_support_groups,
    unjudged_units,
)
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
            Violation(
                "coherence.not_judged",
                blind[0],
                f"{len(blind)} merged units have neither functions nor a "
                "sector: whether their work is related could not be "
                "judged",
                severity="warning",
            )
        )
    return found


def duplicate_support(
    after: Organisation, scenario: Scenario, rulebook: Rulebook, plan: Plan
) -> list[Violation]:
    """Two offices, inspectorates or planning-finance divisions left
    under one unit formed by a merge (they must consolidate)."""
    judge = judge_for(after, scenario, rulebook)
    found = []
    for merge in plan.merges:
        if merge.into not in after.unit_by_id:
            continue
        groups = duplicate_support_groups(after, merge.into, judge.policy)
        for kind, units in groups.items():
            found.append(
                Violation(
                    "coherence.duplicate_support",
                    merge.into,
                    f"{merge.into} keeps {len(units)} units of support "
                    f"type {kind} ({', '.join(units)}): they must "
                    "consolidate",
                    severity="warning",
                )
            )
    return found
