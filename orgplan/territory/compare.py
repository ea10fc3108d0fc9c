"""How close a grouping is to a reference map (the real 2025 result).

The adjusted Rand index (Hubert and Arabie 1985) counts the pairs of old
units both groupings put together or apart, corrected for chance: 1 is
the same map, 0 what random groups of the same sizes would score. Groups
recovered counts the reference's new units a plan forms exactly. A naive
baseline for the same count: seeds spread by farthest-point sampling,
every unit joined to its nearest seed.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from math import comb
from pathlib import Path

from orgplan.territory.objective import distance_km
from orgplan.territory.places import Place

Assignment = Mapping[str, str]  # old unit -> its new unit (any label)


def adjusted_rand_index(a: Assignment, b: Assignment) -> float:
    """ARI of two groupings of the same units.

    Raises
    ------
    ValueError
        When the groupings do not cover the same units.
    """
    if set(a) != set(b):
        missing = sorted(set(a) ^ set(b))[:5]
        raise ValueError(
            f"the groupings cover different units (e.g. {missing})"
        )
    n = len(a)
    if n < 2:
        return 1.0
    pairs = Counter((a[u], b[u]) for u in a)
    index = sum(comb(c, 2) for c in pairs.values())
    rows = sum(comb(c, 2) for c in Counter(a.values()).values())
    cols = sum(comb(c, 2) for c in Counter(b.values()).values())
    expected = rows * cols / comb(n, 2)
    best = (rows + cols) / 2
    if best == expected:
        return 1.0
    return (index - expected) / (best - expected)


def groups_of(assignment: Assignment) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for unit, label in assignment.items():
        out.setdefault(label, set()).add(unit)
    return {k: frozenset(v) for k, v in out.items()}


def groups_recovered(plan: Assignment, reference: Assignment) -> int:
    """Reference groups the plan forms with exactly the same members."""
    mine = set(groups_of(plan).values())
    return sum(g in mine for g in groups_of(reference).values())


@dataclass(frozen=True)
class Agreement:
    ari: float
    recovered: int
    reference_groups: int

    def line(self) -> str:
        return (
            f"ARI {self.ari:.3f}, {self.recovered} of "
            f"{self.reference_groups} groups recovered"
        )


def agreement(plan: Assignment, reference: Assignment) -> Agreement:
    return Agreement(
        adjusted_rand_index(plan, reference),
        groups_recovered(plan, reference),
        len(groups_of(reference)),
    )


def read_reference(path: str | Path) -> dict[str, str]:
    """``old_id -> new_id`` from a comparison CSV (reference-2025.csv).

    Raises
    ------
    ValueError
        Naming the file and row of a row without old_id or new_id.
    """
    path = Path(path)
    out: dict[str, str] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row_number, row in enumerate(csv.DictReader(handle), start=2):
            old, new = row.get("old_id"), row.get("new_id")
            if not old or not new:
                column = "old_id" if not old else "new_id"
                raise ValueError(f"{path}, row {row_number}: no {column}")
            out[old] = new
    return out


def read_reference_names(path: str | Path) -> set[str]:
    """The names of the new units in a comparison CSV (``new_name``)."""
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        return {
            row["new_name"]
            for row in csv.DictReader(handle)
            if row.get("new_name")
        }


def read_approximate(path: str | Path) -> set[str]:
    """The old units of a comparison CSV whose coordinates are a guess
    (a non-empty ``coordinate_note``: the package placed them at their
    district's centre, or several at one point, and the data placed them
    by rule), so that an agreement can also be judged without them."""
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        return {
            row["old_id"]
            for row in csv.DictReader(handle)
            if row.get("coordinate_note")
        }


def restricted(assignment: Assignment, keep: set[str]) -> dict[str, str]:
    """``assignment`` over the units of ``keep`` only."""
    return {u: g for u, g in assignment.items() if u in keep}


def nearest_baseline(
    places: Mapping[str, Place], count: int
) -> dict[str, str]:
    """A naive grouping into ``count`` groups: unit -> representative.

    The first seed is the most populous unit, each next one the unit
    farthest from the seeds so far; every unit joins its nearest seed.
    Contiguity, sizes and standards are ignored: this is the yardstick.
    """
    if not 1 <= count <= len(places):
        raise ValueError(f"cannot form {count} groups of {len(places)}")
    ids = sorted(places)
    first = max(ids, key=lambda u: (places[u].population, u))
    seeds = [first]
    nearest = {u: distance_km(places[u], places[first]) for u in ids}
    while len(seeds) < count:
        far = max(ids, key=lambda u: (nearest[u], u))
        seeds.append(far)
        for u in ids:
            nearest[u] = min(nearest[u], distance_km(places[u], places[far]))
    return {
        u: min(seeds, key=lambda s: (distance_km(places[u], places[s]), s))
        for u in ids
    }
