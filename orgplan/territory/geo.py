"""Distances and a flat projection for one province (km)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = (
        math.sin(dp / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class Projection:
    """Equirectangular projection around a province's centre, in km.

    Over a province (a few hundred km) the error against the great circle
    stays under about 1%, enough for cells, areas and a map.
    """

    lat0: float
    lon0: float

    @classmethod
    def around(cls, points: Iterable[tuple[float, float]]) -> Projection:
        """The projection centred on the mean of ``(lat, lon)`` points."""
        pts = list(points)
        if not pts:
            raise ValueError("no points to centre a projection on")
        return cls(
            sum(p[0] for p in pts) / len(pts),
            sum(p[1] for p in pts) / len(pts),
        )

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        k = math.pi / 180 * EARTH_RADIUS_KM
        x = (lon - self.lon0) * k * math.cos(math.radians(self.lat0))
        return x, (lat - self.lat0) * k

    def latlon(self, x: float, y: float) -> tuple[float, float]:
        k = math.pi / 180 * EARTH_RADIUS_KM
        lon = self.lon0 + x / (k * math.cos(math.radians(self.lat0)))
        return self.lat0 + y / k, lon
