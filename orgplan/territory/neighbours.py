"""Neighbours of territorial units: from boundary polygons or coordinates.

With boundary polygons (GeoJSON) two units are neighbours when their
boundaries share a stretch of at least ``min_shared_km`` (a shared corner
is not a border). Without polygons, :func:`approximate_cells` draws
Voronoi cells around the units' coordinates, clipped to the hull of all
points widened by a margin, and the cells' shared borders stand in for the
real ones: an approximation, and the result says so (``approximate``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import MultiPoint, Point, shape
from shapely.geometry.base import BaseGeometry

from orgplan.territory.geo import EARTH_RADIUS_KM, Projection, haversine_km


@dataclass(frozen=True)
class Cells:
    """Cells (polygons in km) of units and how they were obtained."""

    polygons: dict[str, BaseGeometry]
    projection: Projection
    approximate: bool


@dataclass(frozen=True)
class Neighbours:
    """A symmetric neighbour graph and whether it is an approximation."""

    graph: dict[str, set[str]]
    approximate: bool

    def as_lists(self) -> dict[str, list[str]]:
        return {k: sorted(v) for k, v in self.graph.items()}


def read_geojson(
    path: str | Path, id_property: str
) -> dict[str, BaseGeometry]:
    """Boundary geometries (lon/lat) by the feature property ``id_property``.

    Raises
    ------
    ValueError
        Naming the file and feature when a feature lacks the property or
        has no geometry.
    """
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    shapes: dict[str, BaseGeometry] = {}
    for i, feature in enumerate(data.get("features", []), start=1):
        props = feature.get("properties") or {}
        if id_property not in props:
            raise ValueError(
                f"{path}: feature {i} has no property {id_property!r}"
            )
        if not feature.get("geometry"):
            raise ValueError(f"{path}: feature {i} has no geometry")
        shapes[str(props[id_property])] = shape(feature["geometry"])
    return shapes


def cells_from_polygons(
    polygons: Mapping[str, BaseGeometry],
    projection: Projection | None = None,
) -> Cells:
    """Real boundaries (lon/lat geometries) projected to km."""
    if projection is None:
        centres = [g.centroid for g in polygons.values()]
        projection = Projection.around((c.y, c.x) for c in centres)

    k = math.pi / 180 * EARTH_RADIUS_KM
    stretch = np.array(
        [k * math.cos(math.radians(projection.lat0)), k], dtype=float
    )
    origin = np.array([projection.lon0, projection.lat0], dtype=float)

    def to_km(coords: np.ndarray) -> np.ndarray:
        # shapely hands over an (n, 2) array of lon, lat
        return (coords - origin) * stretch

    return Cells(
        {uid: shapely.transform(g, to_km) for uid, g in polygons.items()},
        projection,
        approximate=False,
    )


def approximate_cells(
    points: Mapping[str, tuple[float, float]], margin_km: float = 3.0
) -> Cells:
    """Voronoi cells around ``(lat, lon)`` points, clipped (km).

    The clip is the convex hull of the points widened by ``margin_km``, so
    border units do not reach to infinity.
    """
    if len(points) < 2:
        raise ValueError("at least two points are needed for cells")
    projection = Projection.around(points.values())
    ids = list(points)
    xy = [Point(projection.xy(*points[i])) for i in ids]
    clip = MultiPoint(xy).convex_hull.buffer(margin_km)
    regions = shapely.voronoi_polygons(
        MultiPoint(xy), extend_to=clip, ordered=True
    )
    cells = {}
    for uid, region in zip(ids, regions.geoms, strict=True):
        cells[uid] = region.intersection(clip)
    return Cells(cells, projection, approximate=True)


def neighbours_from_cells(
    cells: Cells, min_shared_km: float = 0.1, tolerance_km: float = 0.05
) -> Neighbours:
    """Units whose cells share at least ``min_shared_km`` of border.

    ``tolerance_km`` absorbs the small gaps and overlaps of real boundary
    files, whose neighbours rarely share exactly the same vertices.
    """
    ids = list(cells.polygons)
    geoms = [cells.polygons[i] for i in ids]
    tree = shapely.STRtree(geoms)
    graph: dict[str, set[str]] = {i: set() for i in ids}
    for a, geom in enumerate(geoms):
        grown = geom.buffer(tolerance_km)
        for b in tree.query(grown, predicate="intersects"):
            b = int(b)
            if b <= a:
                continue
            shared = geom.boundary.intersection(geoms[b].buffer(tolerance_km))
            if shared.length >= min_shared_km:
                graph[ids[a]].add(ids[b])
                graph[ids[b]].add(ids[a])
    return Neighbours(graph, cells.approximate)


def neighbours_from_points(
    points: Mapping[str, tuple[float, float]],
    max_km: float | None = None,
    margin_km: float = 3.0,
) -> Neighbours:
    """Approximate neighbours: adjacent Voronoi cells of the coordinates.

    Pairs further apart than ``max_km`` (great circle) are dropped, so a
    long thin cell along the province's edge does not link far units.
    """
    found = neighbours_from_cells(approximate_cells(points, margin_km))
    if max_km is not None:
        for a, others in found.graph.items():
            for b in list(others):
                if haversine_km(*points[a], *points[b]) > max_km:
                    others.discard(b)
    return Neighbours(found.graph, approximate=True)
