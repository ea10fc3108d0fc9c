"""The greedy connected start: count, contiguity, sizes, wards."""

from __future__ import annotations

from collections import Counter

import pytest

from orgplan.rules import load_rulebook
from orgplan.territory.contiguity import disconnected_groups
from orgplan.territory.greedy import greedy_groups
from orgplan.territory.places import Place
from orgplan.territory.standards import new_kind

# A 5 x 4 grid of communes; the four in the corner around (0, 0) are
# dense wards.
CELLS = [(i, j) for i in range(5) for j in range(4)]
PLACES = {
    f"{i}{j}": Place(
        f"{i}{j}",
        f"Xã {i}{j}",
        "ward" if i + j <= 1 or (i, j) == (1, 1) else "commune",
        lat=21 + 0.05 * j,
        lon=106 + 0.05 * i,
        population=9000 if i + j <= 1 or (i, j) == (1, 1) else 3000,
        district="D1" if i < 3 else "D2",
    )
    for i, j in CELLS
}
GRAPH = {
    f"{i}{j}": {
        f"{a}{b}"
        for a, b in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1))
        if (a, b) in CELLS
    }
    for i, j in CELLS
}


def _groups(assignment: dict[str, str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for u, r in assignment.items():
        out.setdefault(r, []).append(u)
    return out


@pytest.mark.parametrize("wards", [None, 2, 3])
def test_greedy_meets_count_size_contiguity_and_wards(wards) -> None:
    got = _groups(greedy_groups(PLACES, GRAPH, 7, max_size=4, wards=wards))
    assert len(got) == 7
    assert max(len(g) for g in got.values()) <= 4
    assert not disconnected_groups(got, GRAPH)
    assert all(r in g for r, g in got.items())  # a member represents
    kinds = Counter(
        new_kind([PLACES[u] for u in g], load_rulebook()) for g in got.values()
    )
    if wards is not None:
        assert kinds["ward"] >= wards


def test_too_few_edges_is_a_clear_error() -> None:
    lonely = {"a": set(), "b": set()}
    places = {u: Place(u, u, "commune", lat=21, lon=106) for u in lonely}
    with pytest.raises(ValueError, match="cannot merge 2 units into 1"):
        greedy_groups(places, lonely, 1)
