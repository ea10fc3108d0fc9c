"""Placing the communes the package could not locate (build time only)."""

from __future__ import annotations

from orgplan.territory.geo import haversine_km
from orgplan.territory.vn_admin_data import PLACE_RADIUS_KM, place_unlocated


def _row(code: str, district: str, lat: float, lon: float) -> dict:
    centre = {"D1": (22.0, 106.0), "D2": (22.0, 106.5)}[district]
    return {
        "wardCode": code,
        "districtCode": district,
        "wardLat": lat,
        "wardLon": lon,
        "districtLat": centre[0],
        "districtLon": centre[1],
    }


def test_a_unit_at_its_district_centre_joins_its_nearest_codes() -> None:
    rows = [
        # D1: codes 100-103 in the west, 110-112 in the east of the district
        _row("00100", "D1", 22.10, 105.90),
        _row("00103", "D1", 22.12, 105.92),
        _row("00106", "D1", 22.0, 106.0),  # the package's fallback
        _row("00110", "D1", 21.90, 106.15),
        _row("00112", "D1", 21.88, 106.17),
        _row("00200", "D2", 22.00, 106.45),
        _row("00203", "D2", 22.05, 106.55),
        _row("00206", "D2", 21.95, 106.50),
    ]
    place_unlocated(rows)
    placed = rows[2]
    assert (placed["wardLat"], placed["wardLon"]) != (22.0, 106.0)
    assert placed["coordinate_note"].startswith("APPROXIMATE")
    # beside 00103 and 00110, its nearest codes, and off every other point
    anchor = ((22.12 + 21.90) / 2, (105.92 + 106.15) / 2)
    away = haversine_km(placed["wardLat"], placed["wardLon"], *anchor)
    assert away <= PLACE_RADIUS_KM + 0.1
    others = [r for r in rows if r is not placed]
    assert all(
        (r["wardLat"], r["wardLon"]) != (placed["wardLat"], placed["wardLon"])
        for r in others
    )
    assert all(r["coordinate_note"] == "" for r in others)


def test_units_sharing_a_point_are_spread_around_it() -> None:
    rows = [
        _row("00100", "D1", 22.10, 105.90),
        _row("00103", "D1", 22.10, 105.90),
        _row("00110", "D1", 21.90, 106.15),
    ]
    place_unlocated(rows)
    first, second = rows[0], rows[1]
    apart = haversine_km(
        first["wardLat"],
        first["wardLon"],
        second["wardLat"],
        second["wardLon"],
    )
    assert 2.9 < apart < 3.1  # opposite ends of a 1.5 km ring
    assert "same point for 2 units" in first["coordinate_note"]
