"""check_territory: contiguity, standards, kinds and names of a plan."""

from __future__ import annotations

import csv
from pathlib import Path

from orgplan.io.organisation import open_scenario
from orgplan.model import Locality, Organisation, Unit
from orgplan.plan import Merge
from orgplan.rules import load_rulebook
from orgplan.territory.check import check_territory

SCENARIOS = Path(__file__).parent.parent / "scenarios"


def _line_of_communes() -> Organisation:
    """a - b - c - d in one district; a is a ward."""
    ids = "abcd"
    localities = [Locality(id="P", name="Tỉnh P", level="province")]
    localities.append(
        Locality(id="D", name="Huyện Đông", level="district", parent="P")
    )
    units = [Unit(id="root", name="UBND", kind="province", level="province")]
    for i, u in enumerate(ids):
        near = [ids[k] for k in (i - 1, i + 1) if 0 <= k < len(ids)]
        localities.append(
            Locality(
                id=u,
                name=f"Xã {u.upper()}",
                level="commune",
                parent="D",
                population=4000,
                area_km2=60,
                terrain="urban" if u == "a" else "mountain",
                neighbours=tuple(near),
                lat=21.0,
                lon=106 + 0.05 * i,
            )
        )
        units.append(
            Unit(
                id=u,
                name=("Phường " if u == "a" else "Xã ") + u.upper(),
                kind="ward" if u == "a" else "commune",
                level="commune",
                locality=u,
                parent="root",
            )
        )
    return Organisation(units=tuple(units), localities=tuple(localities))


def test_a_group_across_a_gap_is_disconnected() -> None:
    org = _line_of_communes()
    merges = [Merge(into="b", members=("b", "d"), name="Xã B")]
    found = check_territory(org, merges, load_rulebook())
    assert found.disconnected == {"b": [{"b"}, {"d"}]}


def test_shortfalls_of_pairs_and_singles_exemption_of_three() -> None:
    org = _line_of_communes()
    rules = load_rulebook()
    pair = check_territory(
        org, [Merge(into="c", members=("c", "d"), name="x")], rules
    )
    # c+d: 120 km² and 8,000 people meet 200% of 50 km² and 5,000; the
    # ward a alone (4,000 people, 60 km²) is short of 21,000 people; b
    # alone is short of 100 km² and of 5,000 people
    assert {(s.unit, s.standard) for s in pair.shortfalls} == {
        ("a", "population"),
        ("b", "area_km2"),
        ("b", "population"),
    }
    three = check_territory(
        org, [Merge(into="b", members=("a", "b", "c"), name="x")], rules
    )
    assert {s.unit for s in three.shortfalls} == {"d"}
    assert three.kinds["b"] == "commune"  # 1 of 3 members urban
    assert three.names["b"] in {"Xã A", "Xã B", "Xã C"}


def test_the_real_2025_map_gets_the_real_kinds() -> None:
    # Cao Bằng's 2025 map read as a plan: the kind rule (a ward when most
    # of the people lived in wards) gives each new unit its real kind.
    org, scenario = open_scenario(SCENARIOS / "cao-bang")
    with (SCENARIOS / "cao-bang" / "reference-2025.csv").open(
        encoding="utf-8"
    ) as handle:
        rows = list(csv.DictReader(handle))
    groups: dict[str, list[str]] = {}
    kind: dict[str, str] = {}
    for row in rows:
        groups.setdefault(row["new_id"], []).append(row["old_id"])
        kind[row["new_id"]] = row["new_kind"]
    merges = [
        Merge(into=new if new in g else g[0], members=tuple(g), name="x")
        for new, g in groups.items()
    ]
    found = check_territory(org, merges, scenario.rulebook())
    for merge in merges:
        new = next(n for n, g in groups.items() if merge.members == tuple(g))
        assert found.kinds[merge.into] == kind[new], new
