"""Territorial objective terms: the CP-SAT builders equal the pure values."""

from __future__ import annotations

import pytest
from ortools.sat.python import cp_model

from orgplan.rules import load_rulebook
from orgplan.territory import objective as obj
from orgplan.territory.places import Place

RULES = load_rulebook()

# Six communes on a line 0.1 degree of longitude apart (about 10 km at
# 21°N), two old districts.
PLACES = {
    f"c{i}": Place(
        f"c{i}",
        f"Xã {i}",
        "commune",
        lat=21.0,
        lon=106.0 + 0.1 * i,
        population=1000 * (i + 1),
        area_km2=20.0 + 7.5 * i,
        terrain="mountain",
        district="D1" if i < 3 else "D2",
    )
    for i in range(6)
}
GROUPS = {"c0": ["c0", "c1"], "c3": ["c2", "c3", "c4"], "c5": ["c5"]}


def test_pure_values_by_hand() -> None:
    d = obj.distance_km(PLACES["c0"], PLACES["c1"])
    assert 10.3 < d < 10.5  # 0.1° x 111.2 km x cos 21°
    assert obj.compactness(GROUPS, PLACES) == pytest.approx(3 * d, abs=0.2)
    # populations 3000, 12000, 6000: mean 7000
    assert obj.population_balance(GROUPS, PLACES) == pytest.approx(
        100 * (4000 + 5000 + 1000) / 7000
    )
    assert obj.district_crossings(GROUPS, PLACES) == 1  # c2 joins c3
    # sizes 2, 3, 1: mean 2
    assert obj.size_balance(GROUPS, PLACES) == pytest.approx(100)
    # c0+c1: 3,000 of 5,000 people (40% short),
    # 47.5 of 100 km² (52.5% short); c5 alone: 57.5 of 100 km² and 6,000
    # people; c3's group has 3 members and is exempt
    assert obj.standard_gap(GROUPS, PLACES, RULES) == pytest.approx(
        40 + 52.5 + 42.5
    )


def _fixed_model():
    model = cp_model.CpModel()
    x = {}
    for rep, members in GROUPS.items():
        for u in PLACES:
            x[u, rep] = model.new_constant(int(u in members))
    return model, x


@pytest.mark.parametrize(
    "name",
    [
        "compactness",
        "population_balance",
        "area_balance",
        "size_balance",
        "district_crossings",
        "standard_gap",
    ],
)
def test_builder_matches_pure_value(name: str) -> None:
    model, x = _fixed_model()
    count = len(GROUPS)
    term = {
        "compactness": lambda: obj.compactness_term(x, PLACES),
        "population_balance": lambda: obj.population_balance_term(
            model, x, PLACES, count
        ),
        "area_balance": lambda: obj.area_balance_term(model, x, PLACES, count),
        "size_balance": lambda: obj.size_balance_term(model, x, PLACES, count),
        "district_crossings": lambda: obj.district_crossings_term(x, PLACES),
        "standard_gap": lambda: obj.standard_gap_term(model, x, PLACES, RULES),
    }[name]()
    pure = {
        "compactness": lambda: obj.compactness(GROUPS, PLACES),
        "population_balance": lambda: obj.population_balance(GROUPS, PLACES),
        "area_balance": lambda: obj.area_balance(GROUPS, PLACES),
        "size_balance": lambda: obj.size_balance(GROUPS, PLACES),
        "district_crossings": lambda: obj.district_crossings(GROUPS, PLACES),
        "standard_gap": lambda: obj.standard_gap(GROUPS, PLACES, RULES),
    }[name]()
    # The deviations and gaps are minimised to their true value.
    model.minimize(term.expr)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    assert solver.solve(model) == cp_model.OPTIMAL
    assert solver.value(term.expr) / term.scale == pytest.approx(
        pure, rel=1e-3
    )
