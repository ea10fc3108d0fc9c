"""A connected starting map: agglomerate neighbouring groups greedily.

Start with every unit alone; repeatedly merge the two neighbouring groups
whose merger costs least (the distance between their centres, plus a
price per member so sizes stay even, plus a price for crossing an old
district) until ``count`` groups remain. Every group is connected by
construction. It gives CP-SAT a first solution to improve on a loaded
machine, and is a second yardstick beside the nearest-seed baseline.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping

from orgplan.territory.contiguity import symmetric
from orgplan.territory.objective import distance_km
from orgplan.territory.places import Place
from orgplan.territory.standards import LOCAL_KINDS, kind_weight

SIZE_KM = 5.0  # price of one more member, in km
DISTRICT_KM = 10.0  # price of a merger across an old district, in km
# While there are more wards than asked, a merger that leaves one fewer
# goes first (it is cheaper by this much, in km).
WARD_KM = 1000.0


def greedy_groups(
    places: Mapping[str, Place],
    graph: Mapping[str, set[str]],
    count: int,
    max_size: int | None = None,
    wards: int | None = None,
    ward_share: float = 0.5,
    most_wards: int | None = None,
) -> dict[str, str]:
    """unit -> representative (the member nearest its group's centre).

    A group is a ward by the kind rule of
    :func:`orgplan.territory.standards.new_kind` (a unit left alone keeps
    its kind). With ``wards``, a merger that would leave fewer wards than
    that is skipped; with ``most_wards``, while there are more wards than
    that the mergers that leave one fewer go first.

    Raises
    ------
    ValueError
        When ``count`` groups cannot be reached (too few edges, or
        ``max_size`` too small).
    """
    adjacency = symmetric(graph)
    group = {u: u for u in places}  # unit -> group label
    members = {u: [u] for u in places}
    centre = {u: (places[u].lat, places[u].lon) for u in places}

    def urban(units: list[str]) -> bool:
        if len(units) == 1:
            return places[units[0]].kind == "ward"
        if any(places[u].kind not in LOCAL_KINDS for u in units):
            return False
        people = sum(kind_weight(places[u]) for u in units)
        town = sum(kind_weight(places[u]) for u in units if places[u].urban)
        return town >= ward_share * people

    urban_groups = sum(urban([u]) for u in places)

    def too_many() -> bool:
        return most_wards is not None and urban_groups > most_wards

    def cost(a: str, b: str) -> float:
        pa = Place(a, a, "x", lat=centre[a][0], lon=centre[a][1])
        pb = Place(b, b, "x", lat=centre[b][0], lon=centre[b][1])
        crossing = places[a].district != places[b].district
        fewer = too_many() and (
            urban(members[a] + members[b])
            < urban(members[a]) + urban(members[b])
        )
        return (
            distance_km(pa, pb)
            + SIZE_KM * (len(members[a]) + len(members[b]))
            + DISTRICT_KM * crossing
            - WARD_KM * fewer
        )

    def fill() -> list[tuple[float, str, str]]:
        found: list[tuple[float, str, str]] = []
        for a in members:
            for b in {group[v] for u in members[a] for v in adjacency[u]}:
                if a < b:
                    found.append((cost(a, b), a, b))
        heapq.heapify(found)
        return found

    adjacency = {u: adjacency.get(u, set()) & set(places) for u in places}
    heap = fill()
    while len(members) > count:
        if not heap:
            raise ValueError(
                f"cannot merge {len(places)} units into {count} connected "
                "groups within the size limit"
            )
        price, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue  # one side was merged since
        fresh = cost(a, b)
        if fresh != price:  # a side grew since this entry was pushed
            heapq.heappush(heap, (fresh, a, b))
            continue
        if max_size is not None and len(members[a]) + len(members[b]) > (
            max_size
        ):
            continue
        if wards is not None:
            change = (
                urban(members[a] + members[b])
                - urban(members[a])
                - (urban(members[b]))
            )
            if urban_groups + change < wards:
                continue
        was_too_many = too_many()
        urban_groups += (
            urban(members[a] + members[b])
            - urban(members[a])
            - urban(members[b])
        )
        for u in members[b]:
            group[u] = a
        members[a] += members.pop(b)
        n = len(members[a])
        centre[a] = (
            sum(places[u].lat for u in members[a]) / n,
            sum(places[u].lon for u in members[a]) / n,
        )
        neighbours = {
            group[v] for u in members[a] for v in adjacency.get(u, ())
        } - {a}
        if was_too_many and not too_many():
            heap = fill()  # the mergers' prices change: no more bonus
            continue
        for other in neighbours:
            heapq.heappush(heap, (cost(a, other), *sorted((a, other))))
    out = {}
    for label, group_members in members.items():
        c = Place(
            label, label, "x", lat=centre[label][0], lon=centre[label][1]
        )
        rep = min(group_members, key=lambda u: (distance_km(places[u], c), u))
        out.update(dict.fromkeys(group_members, rep))
    return out
