"""Objective terms of territorial mergers: pure values and CP-SAT builders.

Each term has a pure function over groups (representative to members,
representative included) that a checker recomputes, and a builder that
adds the same quantity to a CP-SAT model over assignment variables
``x[u, r]`` (u joins r's group; ``x[r, r]`` when r survives). A builder
returns a :class:`Term`: an integer expression and the scale that turns
its value into the pure function's units.

- ``compactness``: km from each member to its representative (the
  p-median of location theory); a tight group is one whose people are
  near its centre.
- ``population_balance`` and ``area_balance``: the sum over new units of
  the distance to the mean unit, in per cent of the mean.
- ``size_balance``: the same for the number of old units per new unit
  (the 2025 practice merged about three communes into one; unlike
  population, the count of old units is always known).
- ``district_crossings``: members outside their representative's old
  district (the 2025 guidance kept old boundaries where it could).
- ``standard_gap``: how far non-exempt new units fall below the
  population and area standard, in per cent of the standard, judged on
  the representative's kind and terrain (a proxy the solver can see; the
  checker lists the real shortfalls with
  :func:`orgplan.territory.standards.shortfalls`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from orgplan.rules import Rulebook
from orgplan.territory.geo import haversine_km
from orgplan.territory.places import Place
from orgplan.territory.standards import UnitAfter, required

Groups = Mapping[str, Sequence[str]]
X = Mapping[tuple[str, str], cp_model.IntVar]

# Integer resolution of distances (0.1 km) and areas (0.01 km²).
KM_SCALE = 10
AREA_SCALE = 100


@dataclass(frozen=True)
class Term:
    """An integer CP-SAT expression; ``value = solver.value(expr) / scale``."""

    expr: cp_model.LinearExprT
    scale: float


def distance_km(a: Place, b: Place) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        raise ValueError(f"{a.id} or {b.id} has no coordinates")
    return haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


# --- pure values -----------------------------------------------------------


def compactness(groups: Groups, places: Mapping[str, Place]) -> float:
    """Km from every member to its representative, summed."""
    total = 0
    for rep, members in groups.items():
        for u in members:
            if u != rep:
                total += round(distance_km(places[u], places[rep]) * KM_SCALE)
    return total / KM_SCALE


def _balance(values: Sequence[int]) -> float:
    total = sum(values)
    if not total:
        return 0.0
    k = len(values)
    return 100 * sum(abs(k * v - total) for v in values) / total


def population_balance(groups: Groups, places: Mapping[str, Place]) -> float:
    """Σ |population − mean| over new units, in per cent of the mean."""
    return _balance(
        [sum(places[u].population for u in g) for g in groups.values()]
    )


def area_balance(groups: Groups, places: Mapping[str, Place]) -> float:
    """Σ |area − mean| over new units, in per cent of the mean."""
    return _balance(
        [
            sum(round(places[u].area_km2 * AREA_SCALE) for u in g)
            for g in groups.values()
        ]
    )


def size_balance(groups: Groups, places: Mapping[str, Place]) -> float:
    """Σ |old units − mean| over new units, in per cent of the mean."""
    del places  # the same signature as the other terms
    return _balance([len(g) for g in groups.values()])


def district_crossings(groups: Groups, places: Mapping[str, Place]) -> int:
    """Members whose old district is not their representative's."""
    return sum(
        places[u].district != places[rep].district
        for rep, members in groups.items()
        for u in members
    )


def standard_need(
    rep: Place, rulebook: Rulebook, province_class: str
) -> tuple[int, int] | None:
    """(population, area x AREA_SCALE) a 2-member group of ``rep`` needs."""
    kind = "ward" if rep.urban else "commune"
    terrain = rep.terrain if rep.terrain in ("mountain", "island") else "other"
    found = required(
        UnitAfter(rep.id, kind, 0, 0.0, terrain, 1), rulebook, province_class
    )
    if found is None:
        return None
    need = found[0]
    return need.population, round(need.area_km2 * AREA_SCALE)


def standard_gap(
    groups: Groups,
    places: Mapping[str, Place],
    rulebook: Rulebook,
    province_class: str = "other",
) -> float:
    """Per cent below the standard, summed over non-exempt new units."""
    exempt = rulebook.territorial.exempt_from_members
    total = 0.0
    for rep, members in groups.items():
        wanted = standard_need(places[rep], rulebook, province_class)
        if wanted is None or len(members) >= exempt:
            continue
        pop = sum(places[u].population for u in members)
        area = sum(round(places[u].area_km2 * AREA_SCALE) for u in members)
        for have, want in ((pop, wanted[0]), (area, wanted[1])):
            if want:
                total += 100 * max(0, want - have) / want
    return total


# --- CP-SAT builders -------------------------------------------------------


def _representatives(x: X) -> list[str]:
    return sorted({r for _, r in x})


def compactness_term(x: X, places: Mapping[str, Place]) -> Term:
    expr = sum(
        round(distance_km(places[u], places[r]) * KM_SCALE) * var
        for (u, r), var in x.items()
        if u != r
    )
    return Term(expr, KM_SCALE)


def _balance_term(
    model: cp_model.CpModel,
    x: X,
    value: Mapping[str, int],
    count: int,
    name: str,
) -> Term:
    total = sum(value.values())
    deviations = []
    for r in _representatives(x):
        size = sum(value[u] * var for (u, rr), var in x.items() if rr == r)
        dev = model.new_int_var(0, count * total + total, f"{name}[{r}]")
        # |count * size - total| for a surviving r, 0 otherwise.
        gap = count * size - total * x[r, r]
        model.add(dev >= gap)
        model.add(dev >= -gap)
        deviations.append(dev)
    return Term(sum(deviations), total / 100 if total else 1)


def population_balance_term(
    model: cp_model.CpModel, x: X, places: Mapping[str, Place], count: int
) -> Term:
    """Population balance for exactly ``count`` new units."""
    value = {u: places[u].population for u in places}
    return _balance_term(model, x, value, count, "pop_dev")


def area_balance_term(
    model: cp_model.CpModel, x: X, places: Mapping[str, Place], count: int
) -> Term:
    """Area balance for exactly ``count`` new units."""
    value = {u: round(places[u].area_km2 * AREA_SCALE) for u in places}
    return _balance_term(model, x, value, count, "area_dev")


def size_balance_term(
    model: cp_model.CpModel, x: X, places: Mapping[str, Place], count: int
) -> Term:
    """Balance of the number of old units per new unit."""
    return _balance_term(model, x, dict.fromkeys(places, 1), count, "n_dev")


def district_crossings_term(x: X, places: Mapping[str, Place]) -> Term:
    expr = sum(
        var
        for (u, r), var in x.items()
        if places[u].district != places[r].district
    )
    return Term(expr, 1)


def standard_gap_term(
    model: cp_model.CpModel,
    x: X,
    places: Mapping[str, Place],
    rulebook: Rulebook,
    province_class: str = "other",
) -> Term:
    """:func:`standard_gap` in CP-SAT (scaled by 100 per standard)."""
    exempt_size = rulebook.territorial.exempt_from_members
    parts = []
    for r in _representatives(x):
        wanted = standard_need(places[r], rulebook, province_class)
        if wanted is None:
            continue
        pairs = [(u, var) for (u, rr), var in x.items() if rr == r]
        exempt = model.new_bool_var(f"exempt[{r}]")
        model.add(sum(v for _, v in pairs) >= exempt_size).only_enforce_if(
            exempt
        )
        have = {
            "pop": sum(places[u].population * v for u, v in pairs),
            "area": sum(
                round(places[u].area_km2 * AREA_SCALE) * v for u, v in pairs
            ),
        }
        for (label, expr), want in zip(have.items(), wanted, strict=True):
            if not want:
                continue
            gap = model.new_int_var(0, want, f"gap_{label}[{r}]")
            # Counted only for a surviving, non-exempt representative.
            model.add(gap >= want * x[r, r] - expr - want * exempt)
            # Per cent of the standard, on one scale for both standards.
            parts.append((gap, want))
    if not parts:
        return Term(0, 1)
    scale = 1000
    expr = 0
    for gap, want in parts:
        expr += gap * round(100 * scale / want)
    return Term(expr, scale)
