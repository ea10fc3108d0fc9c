"""Why a territorial merger is sound, as messages of the catalogue.

A committee judges a merger of communes by the new unit it makes
(docs/semantics.md section 6a), not by the old units' functions, which
are the same by law: its kind, area and people, whether its members form
one connected area, the standard it meets or is exempt from (Res.
76/2025/UBTVQH15), and the old districts it spans. The numbers are the
data's: where the data are assumptions (the bundled provinces'
populations and areas), the scenario says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from orgplan.i18n import cited, number_words
from orgplan.model import Organisation
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.territory.connected import disconnected_groups
from orgplan.territory.places import (
    Place,
    place_graph,
    places_from_organisation,
    territorial_kinds,
)
from orgplan.territory.standards import (
    UnitAfter,
    province_class,
    required,
    shortfalls,
    unit_after,
)

Reason = dict[str, Any]


def territory_reasons(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    members: Sequence[str],
) -> list[Reason]:
    """The reasons for merging the territorial ``members`` (the
    representative first); none when the scenario does not merge by
    neighbours or a member has no locality."""
    kinds = territorial_kinds(scenario.scope)
    if not kinds or len(members) < 2:
        return []
    places = places_from_organisation(org, kinds)
    if any(uid not in places for uid in members):
        return []
    group = [places[uid] for uid in members]
    unit = unit_after(members[0], group, rulebook)
    found: list[Reason] = [
        {
            "key": "reason_territory_unit",
            "kind": rulebook.kind(unit.kind).labels,
            "n": len(group),
            "area": number_words(unit.area_km2),
            "population": number_words(unit.population),
        }
    ]
    if not disconnected_groups({members[0]: members}, place_graph(places)):
        found.append({"key": "reason_territory_connected"})
    found.append(_standard(org, rulebook, unit, group))
    districts = _districts(org, group)
    if districts is not None:
        found.append(districts)
    return found


def _standard(
    org: Organisation,
    rulebook: Rulebook,
    unit: UnitAfter,
    group: Sequence[Place],
) -> Reason:
    """The standard the new unit meets, falls short of or is exempt
    from."""
    rules = rulebook.territorial
    if len(group) >= rules.exempt_from_members:
        return {
            "key": "reason_territory_exempt",
            "minimum": rules.exempt_from_members,
            "source": cited(
                rulebook.sources, "territorial.exempt_from_members"
            ),
        }
    wanted = province_class(org)
    need = required(unit, rulebook, wanted)
    if need is None:
        return {"key": "reason_territory_no_standard"}
    standard, key = need
    short = shortfalls(unit, group, rulebook, wanted)
    fields = {
        "area": number_words(standard.area_km2),
        "population": number_words(standard.population),
        "source": cited(rulebook.sources, key),
    }
    if not short:
        return {"key": "reason_territory_meets", **fields}
    return {
        "key": "reason_territory_short",
        **fields,
        "missing": [
            {"key": f"reason_territory_short_{s.standard}"} for s in short
        ],
    }


def _districts(org: Organisation, group: Sequence[Place]) -> Reason | None:
    """The old district the members share, or the ones they span (none
    when the data give no district)."""
    names = {loc.id: loc.name for loc in org.localities}
    districts = sorted(
        {names.get(p.district, p.district) for p in group if p.district}
    )
    if not districts:
        return None
    if len(districts) == 1:
        return {"key": "reason_territory_district", "district": districts[0]}
    return {"key": "reason_territory_districts", "districts": districts}
