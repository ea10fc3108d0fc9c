"""Targets and minimum sizes on the organisation after (section 5).

The numbers, and by how much each is missed, are
:func:`orgplan.semantics.targets.shortfalls`'; here they become
violations (a unit the plan may not touch below its minimum: a warning).
"""

from __future__ import annotations

from orgplan.check.violation import Violation
from orgplan.model import Organisation
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.targets import shortfalls


def target_violations(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    after: Organisation,
) -> list[Violation]:
    """The targets and minimum sizes ``after`` misses (semantics section 5).

    ``max_units``, ``min_cut.*`` and ``min_staff``; each violation's
    ``amount`` says by how much (units or posts too many, units deeper
    than the layers allowed, staff missing), so a heuristic can tell
    whether a step brings the targets closer.

    Parameters
    ----------
    org
        The organisation before (for the cuts).
    scenario
        Targets, scope and locks.
    rulebook
        The rulebook's ``max_units`` and minimum staff.
    after
        The organisation after a plan.

    Returns
    -------
    list of Violation
        Units outside the scope (or locked) below their minimum size come
        as warnings.
    """
    return [
        Violation.of(
            s.rule,
            s.unit,
            "check_words",
            severity="error" if s.forced else "warning",
            amount=s.amount,
            words=s.words,
        )
        for s in shortfalls(org, scenario, rulebook, after)
    ]
