"""Neighbours from boundary polygons (GeoJSON) or from coordinates."""

from __future__ import annotations

import json

import pytest

from orgplan.territory.neighbours import (
    cells_from_polygons,
    neighbours_from_cells,
    neighbours_from_points,
    read_geojson,
)

STEP = 0.05  # degrees: squares of about 5 km


def _square(i: int, j: int) -> dict:
    x0, y0 = 106.0 + i * STEP, 22.0 + j * STEP
    ring = [
        [x0, y0],
        [x0 + STEP, y0],
        [x0 + STEP, y0 + STEP],
        [x0, y0 + STEP],
        [x0, y0],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


def _grid_geojson(tmp_path):
    features = [
        {
            "type": "Feature",
            "properties": {"code": f"{i}{j}"},
            "geometry": _square(i, j),
        }
        for i in range(3)
        for j in range(3)
    ]
    path = tmp_path / "communes.geojson"
    path.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}),
        encoding="utf-8",
    )
    return path


def test_polygons_share_borders_not_corners(tmp_path) -> None:
    shapes = read_geojson(_grid_geojson(tmp_path), "code")
    found = neighbours_from_cells(cells_from_polygons(shapes))
    assert not found.approximate
    assert found.graph["11"] == {"01", "10", "12", "21"}
    assert found.graph["00"] == {"01", "10"}  # 11 only touches a corner


def test_a_feature_without_the_id_property_is_named(tmp_path) -> None:
    path = tmp_path / "bad.geojson"
    feature = {"type": "Feature", "properties": {}, "geometry": _square(0, 0)}
    path.write_text(
        json.dumps({"type": "FeatureCollection", "features": [feature]}),
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"bad.geojson: feature 1 has no"):
        read_geojson(path, "code")


def test_points_give_an_approximate_graph() -> None:
    # A slightly sheared grid of points: every cell is a neighbour of the
    # cells left, right, above and below it.
    points = {
        f"{i}{j}": (22.0 + j * STEP, 106.0 + i * STEP + j * 0.004)
        for i in range(3)
        for j in range(3)
    }
    found = neighbours_from_points(points)
    assert found.approximate
    for a, b in [("00", "10"), ("10", "20"), ("00", "01"), ("11", "12")]:
        assert b in found.graph[a] and a in found.graph[b]
    assert "22" not in found.graph["00"]


def test_a_distance_cutoff_drops_far_pairs() -> None:
    points = {"a": (22.0, 106.0), "b": (22.0, 106.05), "c": (22.0, 106.5)}
    assert "c" in neighbours_from_points(points).graph["b"]
    cut = neighbours_from_points(points, max_km=20).graph
    assert cut["b"] == {"a"} and cut["c"] == set()
