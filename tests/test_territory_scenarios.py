"""The bundled territorial scenarios: real units, the real 2025 map."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from orgplan.io.organisation import open_scenario
from orgplan.territory.compare import read_reference
from orgplan.territory.contiguity import disconnected_groups
from orgplan.territory.cpsat import quick_plan
from orgplan.territory.map import territory_svg
from orgplan.territory.neighbours import approximate_cells
from orgplan.territory.places import place_graph, places_from_organisation
from orgplan.territory.standards import (
    province_class,
    shortfalls,
    unit_after,
)

SCENARIOS = Path(__file__).parent.parent / "scenarios"
KINDS = ("commune", "ward")


@pytest.mark.parametrize(
    ("name", "before", "after", "wards"),
    [("cao-bang", 161, 56, 3), ("lang-son", 194, 65, 4)],
)
def test_real_scenario_matches_its_2025_reference(
    name: str, before: int, after: int, wards: int
) -> None:
    organisation, scenario = open_scenario(SCENARIOS / name)
    places = places_from_organisation(organisation, KINDS)
    reference = read_reference(SCENARIOS / name / "reference-2025.csv")
    assert len(places) == before
    assert set(reference) == set(places)
    assert len(set(reference.values())) == after
    assert scenario.targets.min_units == scenario.targets.max_units
    assert sum(scenario.targets.min_units.values()) == after
    assert scenario.targets.min_units["ward"] == wards
    # every old unit has its district, coordinates and neighbours
    assert all(p.district and p.lat and p.neighbours for p in places.values())
    assert province_class(organisation) == "mountain_border"


def test_real_names_keep_their_diacritics() -> None:
    organisation, _ = open_scenario(SCENARIOS / "cao-bang")
    names = {u.id: u.name for u in organisation.units}
    assert names["01267"] == "Phường Sông Hiến"
    districts = {loc.id: loc.name for loc in organisation.localities}
    assert districts["040"] == "Thành phố Cao Bằng"


def test_province_merge_plan_is_connected_with_shortfalls_listed() -> None:
    organisation, scenario = open_scenario(SCENARIOS / "province-merge")
    places = places_from_organisation(organisation, ("province",))
    graph = place_graph(places)
    rulebook = scenario.rulebook()
    result = quick_plan(
        places,
        graph,
        6,
        rulebook,
        max_group_size=3,
        time_limit_s=5,
        workers=1,
    )
    assert len(result.groups) == 6
    assert sorted(u for g in result.groups.values() for u in g) == sorted(
        places
    )
    assert not disconnected_groups(result.groups, graph)
    for rep, members in result.groups.items():
        group = [places[u] for u in members]
        unit = unit_after(rep, group, rulebook)
        for short in shortfalls(unit, group, rulebook):
            # a listed shortfall is a real one
            assert short.actual < short.required
            assert len(members) < 3


def test_map_shows_every_unit_and_says_the_cells_are_approximate() -> None:
    organisation, _ = open_scenario(SCENARIOS / "province-merge")
    places = places_from_organisation(organisation, ("province",))
    cells = approximate_cells({u: (p.lat, p.lon) for u, p in places.items()})
    after = {u: "T01" if u in ("T01", "T02") else u for u in places}
    svg = territory_svg(cells, {u: "R" for u in places}, after, title="Vùng")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "After: 11 units" in svg and "Before: 12 units" in svg
    assert "Approximate cells" in svg
    assert svg.count("<path") == 12 + 12 + 11  # before, after, outlines


@pytest.mark.slow
def test_cao_bang_quick_plan_meets_the_count_exactly() -> None:
    organisation, scenario = open_scenario(SCENARIOS / "cao-bang")
    places = places_from_organisation(organisation, KINDS)
    graph = place_graph(places)
    result = quick_plan(
        places,
        graph,
        56,
        scenario.rulebook(),
        wards=3,
        province_class="mountain_border",
        time_limit_s=10,
    )
    assert len(result.groups) == 56 and len(result.wards) == 3
    assert not disconnected_groups(result.groups, graph)
    members = Counter(u for g in result.groups.values() for u in g)
    assert set(members) == set(places) and set(members.values()) == {1}
