"""The territorial objective terms of a plan (docs/semantics.md section 6).

``compactness`` (km from each merged member to its representative, each
distance rounded to :data:`~orgplan.territory.objective.KM_SCALE`) and
``district_crossings`` (merged members outside their representative's old
district) over the plan's merges of territorial units (communes, wards,
provinces with a locality). Both are 0 for a plan that merges no
territorial units, so they cost nothing elsewhere; the CP-SAT model
builds the same sums over its assignment variables
(:mod:`orgplan.optimize.families.territory`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.rules import Rulebook
from orgplan.territory.objective import (
    AREA_SCALE,
    KM_SCALE,
    distance_km,
    standard_need,
)
from orgplan.territory.places import (
    TERRITORIAL_KINDS,
    Place,
    places_from_organisation,
)
from orgplan.territory.standards import LOCAL_KINDS, province_class


def located(place: Place) -> bool:
    return place.lat is not None and place.lon is not None


def pair_km(a: Place, b: Place) -> int:
    """The distance of ``a`` to ``b`` in 1/KM_SCALE km (0 without
    coordinates: such a pair is not judged on distance)."""
    if not (located(a) and located(b)):
        return 0
    return round(distance_km(a, b) * KM_SCALE)


def crosses(a: Place, b: Place) -> int:
    """1 when ``a`` and ``b`` lie in different old districts."""
    return int(a.district != b.district)


def _pairs(org: Organisation, plan: Plan) -> Iterator[tuple[Place, Place]]:
    if not plan.merges:
        return  # no places to read (large organisations, every term)
    places = territorial_places(org)
    for merge in plan.merges:
        rep = places.get(merge.into)
        if rep is None:
            continue
        for member in merge.members:
            if member != merge.into and member in places:
                yield places[member], rep


def plan_compactness(org: Organisation, plan: Plan) -> float:
    """Km from every merged territorial member to its representative."""
    return sum(pair_km(u, r) for u, r in _pairs(org, plan)) / KM_SCALE


def plan_district_crossings(org: Organisation, plan: Plan) -> int:
    """Merged territorial members outside their representative's old
    district."""
    return sum(crosses(u, r) for u, r in _pairs(org, plan))


def territorial_places(org: Organisation) -> Mapping[str, Place]:
    """The places every territorial term is judged over."""
    return places_from_organisation(org, TERRITORIAL_KINDS)


# Resolution of the standards' gap: 1/GAP_SCALE of a per cent.
GAP_SCALE = 1000


def gap_of(want: int, got: int) -> int:
    """How far ``got`` falls below ``want``, in 1/GAP_SCALE per cent of
    ``want``, rounded up (the CP-SAT model's integer)."""
    return -(-100 * GAP_SCALE * max(0, want - got) // want)


def gap_of_place(place: Place, need: tuple[int, int]) -> int:
    """How far ``place`` alone falls below ``need`` (population, area x
    AREA_SCALE), both standards summed, in 1/GAP_SCALE per cent."""
    have = (place.population, round(place.area_km2 * AREA_SCALE))
    return sum(
        gap_of(want, got) for got, want in zip(have, need, strict=True) if want
    )


def map_of(place: Place) -> str:
    """The map a place belongs to: communes and wards one, provinces
    another (a plan may redraw one and not the other)."""
    return "local" if place.kind in LOCAL_KINDS else place.kind


def plan_standard_gap(
    org: Organisation, rulebook: Rulebook, plan: Plan
) -> float:
    """Per cent below the population and area standards, summed over
    the units of every map the plan redraws: each merge of territorial
    units that is not exempt (fewer than ``exempt_from_members``
    members), judged on the representative's kind and terrain
    (:func:`~orgplan.territory.objective.standard_need`), and each unit
    of that map kept alone, judged on its own (the checker lists each new
    unit's real shortfalls). 0 for a plan that merges no territory."""
    if not plan.merges:
        return 0.0
    places = territorial_places(org)
    exempt = rulebook.territorial.exempt_from_members
    where = province_class(org)
    total = 0
    redrawn: set[str] = set()
    grouped: set[str] = set()
    for merge in plan.merges:
        if merge.into not in places or len(merge.members) < 2:
            continue
        redrawn.add(map_of(places[merge.into]))
        grouped.update(merge.members)
        members = [u for u in merge.members if u in places]
        if len(members) >= exempt:
            continue
        need = standard_need(places[merge.into], rulebook, where)
        if need is None:
            continue
        have = (
            sum(places[u].population for u in members),
            sum(round(places[u].area_km2 * AREA_SCALE) for u in members),
        )
        for got, want in zip(have, need, strict=True):
            if want:
                total += gap_of(want, got)
    for uid, place in places.items():
        if uid in grouped or map_of(place) not in redrawn:
            continue
        need = standard_need(place, rulebook, where)
        if need is not None:
            total += gap_of_place(place, need)
    return total / GAP_SCALE
