"""Which units may send staff to which, and at what cost.

Two measures, as the scenario's transfer rules say: locality hops (on
:func:`orgplan.graph.locality_graph`) or kilometres (haversine between
coordinates). With ``max_km`` the distance is in kilometres and
``max_hops`` is not used; with neither, any pair may move, costed by hops
(pairs with no path cost more than any path).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np

from orgplan.graph import locality_graph
from orgplan.model import Organisation
from orgplan.scenario import TransferRules

EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True, eq=False)
class Arcs:
    """Allowed moves from sender ``tail[i]`` to receiver ``head[i]``.

    Units are positions in ``Organisation.units``; ``cost`` is the whole
    number the flow minimises (hops, or kilometres rounded up); exactly
    one of ``hops`` and ``km`` is set.
    """

    tail: np.ndarray
    head: np.ndarray
    cost: np.ndarray
    hops: np.ndarray | None = None
    km: np.ndarray | None = None
    notes: tuple[dict[str, Any], ...] = field(default=())


def few(ids: Sequence[str], limit: int = 10) -> dict[str, Any]:
    """Up to ``limit`` ids for a note, then "and N more" (a catalogue
    message, :func:`orgplan.i18n.message`)."""
    if len(ids) > limit:
        return {
            "key": "note_few_more",
            "items": list(ids[:limit]),
            "more": len(ids) - limit,
        }
    return {"key": "note_few", "items": list(ids)}


def candidate_arcs(
    organisation: Organisation,
    senders: Sequence[int],
    receivers: Sequence[int],
    rules: TransferRules,
) -> Arcs:
    """The moves the rules allow between senders and receivers."""
    if rules.max_km is not None:
        return _km_arcs(organisation, senders, receivers, rules.max_km)
    return _hop_arcs(organisation, senders, receivers, rules.max_hops)


def _hop_arcs(
    organisation: Organisation,
    senders: Sequence[int],
    receivers: Sequence[int],
    max_hops: int | None,
) -> Arcs:
    units = organisation.units
    graph = locality_graph(organisation)
    by_locality: dict[str, list[int]] = {}
    for r in receivers:
        by_locality.setdefault(units[r].locality or "", []).append(r)
    unreachable = graph.number_of_nodes() + 1
    tails: list[int] = []
    heads: list[int] = []
    hops: list[int] = []
    missing = [
        units[i].id
        for i in (*senders, *receivers)
        if units[i].locality not in graph
    ]
    for s in senders:
        start = units[s].locality
        if start not in graph:
            if max_hops is not None:
                continue
            near: dict[str, int] = {}
        else:
            near = nx.single_source_shortest_path_length(
                graph, start, cutoff=max_hops
            )
        for r in receivers:
            distance = near.get(units[r].locality or "")
            if distance is None and max_hops is not None:
                continue
            tails.append(s)
            heads.append(r)
            hops.append(unreachable if distance is None else distance)
    notes = ()
    if missing and max_hops is not None:
        notes = ({"key": "note_no_locality", "units": few(missing)},)
    hop_array = np.array(hops, dtype=np.int64)
    return Arcs(
        tail=np.array(tails, dtype=np.int64),
        head=np.array(heads, dtype=np.int64),
        cost=hop_array,
        hops=hop_array,
        notes=notes,
    )


def _coordinates(organisation: Organisation) -> np.ndarray:
    """Latitude and longitude of each unit (its own, else its locality's)."""
    coords = np.full((len(organisation.units), 2), np.nan)
    for i, unit in enumerate(organisation.units):
        if unit.lat is not None and unit.lon is not None:
            coords[i] = (unit.lat, unit.lon)
            continue
        locality = organisation.locality_by_id.get(unit.locality or "")
        if locality and locality.lat is not None and locality.lon is not None:
            coords[i] = (locality.lat, locality.lon)
    return coords


def haversine_km(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Great-circle distances between rows of ``a`` and ``b`` (degrees)."""
    lat1, lon1 = np.radians(a[:, 0])[:, None], np.radians(a[:, 1])[:, None]
    lat2, lon2 = np.radians(b[:, 0])[None, :], np.radians(b[:, 1])[None, :]
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1)))


def _km_arcs(
    organisation: Organisation,
    senders: Sequence[int],
    receivers: Sequence[int],
    max_km: float,
) -> Arcs:
    coords = _coordinates(organisation)
    send = np.asarray(senders, dtype=np.int64)
    receive = np.asarray(receivers, dtype=np.int64)
    km = haversine_km(coords[send], coords[receive])
    # NaN (no coordinates) compares false, so such units get no arcs.
    rows, cols = np.nonzero(km <= max_km)
    km_ok = km[rows, cols]
    missing = [
        organisation.units[i].id
        for i in np.concatenate([send, receive])
        if np.isnan(coords[i]).any()
    ]
    notes = ()
    if missing:
        notes = ({"key": "note_no_coordinates", "units": few(missing)},)
    return Arcs(
        tail=send[rows],
        head=receive[cols],
        cost=np.ceil(km_ok).astype(np.int64),
        km=np.round(km_ok, 1),
        notes=notes,
    )
