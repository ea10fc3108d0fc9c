"""What ``check_plan`` asks of a territorial plan, in one call.

:func:`check_territory` takes the organisation before and the plan's
merges and returns the groups that are not connected in the neighbour
graph, the standards each new unit falls short of (Res. 76/2025), and the
kind and name each new unit takes by rule. Units of the territorial kinds
that no merge names stay as groups of one (and are judged too: a unit
that did not merge may still fall short).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from orgplan.model import Organisation
from orgplan.plan import Merge
from orgplan.rules import Rulebook
from orgplan.territory.connected import disconnected_groups
from orgplan.territory.places import (
    Place,
    place_graph,
    places_from_organisation,
)
from orgplan.territory.standards import (
    Shortfall,
    propose_name,
    province_class,
    shortfalls,
    unit_after,
)


@dataclass(frozen=True)
class TerritoryFindings:
    disconnected: dict[str, list[set[str]]]  # representative -> parts
    shortfalls: list[Shortfall]
    kinds: dict[str, str]  # representative -> kind by rule
    names: dict[str, str]  # representative -> proposed name


def groups_from_merges(
    merges: Iterable[Merge], places: Mapping[str, Place]
) -> dict[str, list[str]]:
    """Representative -> members for every place (groups of one too)."""
    groups: dict[str, list[str]] = {}
    merged: set[str] = set()
    for merge in merges:
        members = [u for u in merge.members if u in places]
        if merge.into in places and members:
            groups[merge.into] = members
            merged.update(members)
    for u in places:
        if u not in merged:
            groups[u] = [u]
    return groups


def check_territory(
    organisation: Organisation,
    merges: Iterable[Merge],
    rulebook: Rulebook,
    kinds: Sequence[str] = ("commune", "ward"),
    province: str | None = None,
) -> TerritoryFindings:
    """Contiguity, standards, kinds and names of the units after.

    ``province`` is the ward standard's class (central_city,
    mountain_border, other); by default read from the province locality.
    """
    places = places_from_organisation(organisation, kinds)
    groups = groups_from_merges(merges, places)
    wanted = province or province_class(organisation)
    districts = {
        loc.id: loc.name
        for loc in organisation.localities
        if loc.level == "district"
    }
    found: list[Shortfall] = []
    kind_of: dict[str, str] = {}
    names: dict[str, str] = {}
    for rep, members in groups.items():
        group = [places[u] for u in members]
        unit = unit_after(rep, group, rulebook)
        kind_of[rep] = unit.kind
        found += shortfalls(unit, group, rulebook, wanted)
        if len(group) > 1:
            names[rep] = propose_name(
                group, unit.kind, districts, set(names.values())
            )
    return TerritoryFindings(
        disconnected_groups(groups, place_graph(places)),
        found,
        kind_of,
        names,
    )
