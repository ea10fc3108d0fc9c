"""Which territorial units may share a group: a few hops apart, nearest first.

Under ``merge_within: adjacent`` a group of communes, wards or provinces
must be connected in the locality graph (docs/semantics.md section 6a),
not a star around its representative: a member may lie a few borders
away as long as the group links it. The optimiser offers each territorial
unit the units within :data:`HOPS` borders of it, keeping the
:data:`NEAREST` closest (km between coordinates, else hops), a pair kept
when either end chose it, and the pairs of the connected starting map
(:mod:`orgplan.territory.start`) so that the start is a solution. Either
unit of a pair may represent the group: the centre of a compact group is
any member, not the one with most staff. The contiguity flow
(:mod:`orgplan.territory.contiguity`) then makes every group connected.

Why these numbers: the 2025 mergers formed a new commune from about three
old ones (10,035 to 3,321), and in the bundled provinces every real group
but a few lies within two borders of its central member; the nearest
ten within two borders keep the model linear in the number of units (a
province of 500 communes has about 5,000 pairs), as Validi, Buchanan and
Lykhovyd (2022) recommend for contiguity models of this size.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import networkx as nx

from orgplan.model import Organisation
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.coherence import Coherence
from orgplan.semantics.scope import coherence_obstacle, judge_for, kinds_merge
from orgplan.similarity import similarity
from orgplan.territory.geo import haversine_km
from orgplan.territory.places import (
    Place,
    place_graph,
    places_from_organisation,
    territorial_kinds,
)
from orgplan.territory.start import start_groups

HOPS = 2
NEAREST = 10


def add_territorial_pairs(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    graph: nx.Graph,
) -> set[str]:
    """Add :func:`territorial_pairs` of ``graph``'s units (the movable
    ones) to it as merge edges; return the territorial units, whose
    pairs either unit may represent."""
    start = start_groups(org, scenario, rulebook) or {}
    pairs = territorial_pairs(
        org, scenario, rulebook, list(graph.nodes), start.items()
    )
    for a, b in (sorted(p) for p in pairs):
        if not graph.has_edge(a, b):
            graph.add_edge(a, b, similarity=similarity(org, a, b))
    return {u for p in pairs for u in p}


def territorial_pairs(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    movable: Sequence[str],
    start: Iterable[tuple[str, str]] = (),
) -> set[frozenset[str]]:
    """Unordered pairs of movable territorial units that may share a
    group, either representing it (empty when the scope is not
    territorial). ``start`` pairs (member, representative) are kept
    whatever their distance."""
    kinds = territorial_kinds(scenario.scope)
    scope = scenario.scope
    if not kinds or not scope.allow_merge or scope.max_group_size < 2:
        return set()
    free = set(movable)
    places = {
        u: p
        for u, p in places_from_organisation(org, kinds).items()
        if u in free
    }
    graph = place_graph(places)
    judge = judge_for(org, scenario, rulebook)
    found: set[frozenset[str]] = set()
    for u in sorted(places):
        for v in _nearest(u, places, _within_hops(u, graph, HOPS)):
            if _may_share(org, rulebook, scenario, judge, u, v):
                found.add(frozenset((u, v)))
    found |= {
        frozenset((u, r))
        for u, r in start
        if u != r and u in places and r in places
    }
    return found


def _within_hops(
    root: str, graph: Mapping[str, set[str]], hops: int
) -> dict[str, int]:
    """Units within ``hops`` borders of ``root``, with their hops."""
    seen = {root: 0}
    frontier = [root]
    for step in range(1, hops + 1):
        frontier = [
            v for u in frontier for v in sorted(graph[u]) if v not in seen
        ]
        for v in frontier:
            seen.setdefault(v, step)
    del seen[root]
    return seen


def _nearest(
    u: str, places: Mapping[str, Place], near: Mapping[str, int]
) -> list[str]:
    """Every neighbour of ``u``, then the closest others of ``near`` up to
    :data:`NEAREST` in all: by km when both have coordinates, then by
    hops, then by id."""
    here = places[u]

    def key(v: str) -> tuple[float, int, str]:
        there = places[v]
        if None in (here.lat, here.lon, there.lat, there.lon):
            km = float("inf")
        else:
            km = haversine_km(here.lat, here.lon, there.lat, there.lon)  # type: ignore[arg-type]
        return (km, near[v], v)

    borders = sorted(v for v, hops in near.items() if hops == 1)
    farther = sorted((v for v in near if near[v] > 1), key=key)
    return borders + farther[: max(0, NEAREST - len(borders))]


def _may_share(
    org: Organisation,
    rulebook: Rulebook,
    scenario: Scenario,
    judge: Coherence,
    a: str,
    b: str,
) -> bool:
    ua, ub = org.unit(a), org.unit(b)
    return kinds_merge(rulebook, ua, ub) and (
        coherence_obstacle(org, rulebook, scenario, ua, ub, judge) is None
    )
