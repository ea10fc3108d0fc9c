"""The territorial units of an organisation as plain places.

A place is a unit that covers ground (a commune, a ward, a province) seen
through its locality: population, area, terrain, coordinates, the old
district it belonged to (the locality's parent) and its neighbours.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from orgplan.model import Organisation
from orgplan.scenario import Scope

TERRITORIAL_KINDS = ("commune", "ward", "province")
# The scope rules (scope.merge_within) under which territorial units
# merge with their neighbours, in connected groups.
TERRITORIAL_WITHIN = ("adjacent",)


@dataclass(frozen=True)
class Place:
    """One territorial unit before the merger."""

    id: str
    name: str
    kind: str
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    area_km2: float = 0.0
    terrain: str | None = None
    district: str | None = None
    neighbours: tuple[str, ...] = field(default=())

    @property
    def urban(self) -> bool:
        return self.kind == "ward" or self.terrain == "urban"


def territorial_kinds(scope: Scope) -> tuple[str, ...]:
    """The kinds in ``scope`` that merge as territory (connected groups,
    the standards), or none when the scope does not merge by neighbours.
    """
    if scope.merge_within not in TERRITORIAL_WITHIN:
        return ()
    return tuple(k for k in scope.kinds if k in TERRITORIAL_KINDS)


def places_from_organisation(
    organisation: Organisation, kinds: Iterable[str] = TERRITORIAL_KINDS
) -> dict[str, Place]:
    """Places by unit id for the units of ``kinds`` that have a locality.

    Neighbours are translated from localities to the units sitting in
    them, so the graph is over unit ids like the plan's merges.
    """
    wanted = set(kinds)
    localities = organisation.locality_by_id
    unit_of_locality: dict[str, str] = {}
    chosen = []
    for unit in organisation.units:
        if unit.kind in wanted and unit.locality in localities:
            unit_of_locality.setdefault(unit.locality, unit.id)
            chosen.append(unit)
    places: dict[str, Place] = {}
    for unit in chosen:
        loc = localities[unit.locality]
        neighbours = tuple(
            unit_of_locality[n]
            for n in loc.neighbours
            if n in unit_of_locality and unit_of_locality[n] != unit.id
        )
        places[unit.id] = Place(
            id=unit.id,
            name=unit.name,
            kind=unit.kind,
            lat=loc.lat if loc.lat is not None else unit.lat,
            lon=loc.lon if loc.lon is not None else unit.lon,
            population=loc.population or 0,
            area_km2=loc.area_km2 or 0.0,
            terrain=loc.terrain,
            district=loc.parent,
            neighbours=neighbours,
        )
    return places


def place_graph(places: Mapping[str, Place]) -> dict[str, set[str]]:
    """The symmetric neighbour graph over ``places`` (ids to ids)."""
    graph: dict[str, set[str]] = {pid: set() for pid in places}
    for pid, place in places.items():
        for other in place.neighbours:
            if other in graph and other != pid:
                graph[pid].add(other)
                graph[other].add(pid)
    return graph
