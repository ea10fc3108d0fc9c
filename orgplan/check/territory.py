"""Territorial mergers: connected groups and the standards (Res. 76/2025).

When the scope merges communes, wards or provinces with their neighbours
(``merge_within: adjacent``), every new unit must be connected in the
locality graph (an error otherwise), and each new unit that falls short
of the area or population standard of its kind (Res. 1211/2016/UBTVQH13
as amended, Res. 76/2025/UBTVQH15; the rulebook's ``territorial``
section) is listed as a warning: the law lets a province keep such a
unit if it says so, as the 2025 process listed its 705.
"""

from __future__ import annotations

from orgplan.check.violation import Violation
from orgplan.i18n import cited, number_words
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.territory.check import check_territory
from orgplan.territory.places import territorial_kinds


def territory_violations(
    org: Organisation, scenario: Scenario, rulebook: Rulebook, plan: Plan
) -> list[Violation]:
    """Disconnected groups (errors) and standards missed (warnings).

    Parameters
    ----------
    org
        The organisation before (the localities, their neighbours,
        population, area and terrain).
    scenario
        Its scope says whether the merger is territorial.
    rulebook
        The ``territorial`` standards.
    plan
        The plan's merges.
    """
    kinds = territorial_kinds(scenario.scope)
    if not kinds:
        return []
    found = check_territory(org, plan.merges, rulebook, kinds)
    violations = [
        Violation.of(
            "contiguity",
            rep,
            "check_disconnected",
            unit=rep,
            n=len(parts),
            parts="; ".join(", ".join(sorted(part)) for part in parts),
        )
        for rep, parts in sorted(found.disconnected.items())
    ]
    violations += [
        Violation.of(
            f"standard.{short.standard}",
            short.unit,
            "check_standard_area"
            if short.standard == "area_km2"
            else "check_standard_population",
            severity="warning",
            amount=round(short.required - short.actual, 2),
            unit=short.unit,
            actual=number_words(short.actual),
            required=number_words(short.required),
            rule=short.rule,
            source=cited(rulebook.sources, short.rule),
        )
        for short in found.shortfalls
    ]
    return violations
