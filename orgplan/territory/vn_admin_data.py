"""Build a province's commune data from the ``vietnamadminunits`` package.

Used by the ``make_data.py`` of the bundled real scenarios only: the
package (MIT licence) is needed to rebuild the data, never to run orgplan.
It carries, for every commune-level unit before 1 July 2025, the real name,
official code, type, old district and coordinates, and for every unit
after, its area and which old units formed it. It has no population and no
boundaries, so:

- ``area_km2`` of an old unit is an ASSUMPTION: the province's real area
  (the sum over its 2025 units) shared in proportion to the area of the
  units' approximate (Voronoi) cells;
- ``population`` is an ASSUMPTION: a province total shared in proportion
  to area times a density weight by type (ward, township, commune);
- neighbours are an APPROXIMATION from the coordinates
  (:func:`orgplan.territory.neighbours.neighbours_from_points`);
- a unit the package places at its district's centre (its fallback) is
  PLACED near the units with the nearest official codes
  (:func:`place_unlocated`);
- quotas and staff are INVENTED (seeded).
"""

from __future__ import annotations

import csv
import json
import math
import random
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shapely.geometry import MultiPoint, Point
from shapely.geometry.base import BaseGeometry

from orgplan.territory.geo import Projection
from orgplan.territory.neighbours import (
    approximate_cells,
    neighbours_from_cells,
)

# People per km² relative to a rural commune: an assumption that keeps
# wards and townships denser than the communes around them.
DENSITY_WEIGHT = {"Phường": 12.0, "Thị trấn": 5.0, "Xã": 1.0}
KIND = {"Phường": "ward", "Thị trấn": "commune", "Xã": "commune"}
Row = dict[str, Any]  # a row of the package's database


@dataclass(frozen=True)
class ProvinceSpec:
    """What the package does not say about a province."""

    name: str  # as the package spells it, e.g. "Cao Bằng"
    population: int  # the province total the assumed split adds up to
    terrain: str = "mountain"  # of every commune that is not a ward
    seed: int = 2025


def _package() -> tuple[Any, dict[str, Any]]:
    try:
        import vietnamadminunits
        from vietnamadminunits.database.main import query
    except ImportError as error:  # pragma: no cover - build time only
        raise SystemExit(
            "rebuilding this data needs the vietnamadminunits package: "
            "pip install vietnamadminunits"
        ) from error
    path = Path(vietnamadminunits.__file__).parent / "data"
    converter = json.loads(
        (path / "converter_2025.json").read_text(encoding="utf-8")
    )
    return query, converter


def _old_key(row: Mapping[str, Any]) -> str:
    return f"{row['provinceKey']}_{row['districtKey']}_{row['wardKey']}"


def load_province(spec: ProvinceSpec) -> dict[str, Any]:
    """The old units, the new units and the real 2025 mapping."""
    query, converter = _package()
    # The name is a constant of the scenario, not user input.
    old_rows = query(
        "select * from admin_units_legacy where provinceShort = "
        f"'{spec.name}' order by districtCode, wardCode"
    )
    new_rows = query(
        "select * from admin_units where provinceShort = "
        f"'{spec.name}' order by wardCode"
    )
    if not old_rows or not new_rows:
        raise SystemExit(f"no province {spec.name!r} in vietnamadminunits")
    pkey = old_rows[0]["provinceKey"]
    new_by_key = {r["wardKey"]: r for r in new_rows}
    old_by_key = {_old_key(r): r for r in old_rows}
    into: dict[str, str] = {}
    whole = converter["DICT_PROVINCE_WARD_NO_DIVIDED"][pkey]
    for new_key, members in whole.items():
        for member in members:
            into[member] = new_key
    # An old unit split between new ones is counted in the part the
    # package marks as its default (the one keeping most of it).
    divided = converter["DICT_PROVINCE_WARD_DIVIDED"].get(pkey, {})
    for old_key, parts in divided.items():
        default = [p for p in parts if p["isDefaultNewWard"]]
        into[old_key] = (default or parts)[0]["newWardKey"]
    place_unlocated(old_rows)
    missing = set(old_by_key) - set(into)
    if missing:
        raise SystemExit(f"old units without a 2025 unit: {sorted(missing)}")
    return {
        "old": old_rows,
        "new": new_by_key,
        "into": {
            old_by_key[k]["wardCode"]: new_by_key[v]["wardCode"]
            for k, v in into.items()
        },
        "divided": sorted(old_by_key[k]["wardCode"] for k in divided),
    }


# How far from its code neighbours a unit without its own geocode may be
# placed: under the 7 km median between neighbouring communes' centres
# in the bundled provinces (docs/semantics.md section 6a), so it stays in
# their neighbourhood.
PLACE_RADIUS_KM = 6.0
# The located units of its district with the nearest codes that anchor it.
CODE_NEIGHBOURS = 2
GRID_KM = 0.5  # step of the candidate points around the anchor


def place_unlocated(old_rows: list[dict[str, Any]]) -> None:
    """Give distinct, plausible coordinates to units the package did not
    locate; their ``coordinate_note`` says how.

    The package geocodes some communes to their district's centre (its
    fallback when a commune was not found) and a few pairs to one point.
    Voronoi cells need distinct points:

    - a unit at its district's centre is put near the located units of
      its district whose official codes are nearest to its own, at the
      point within :data:`PLACE_RADIUS_KM` of their mean that is furthest
      from every unit already placed. Why: the codes number a district's
      communes in the order of its list, where the communes of a former
      district stay together (Trà Lĩnh's, joined to Trùng Khánh in 2020,
      are 01447 to 01471), so the nearest codes are near on the ground far
      more often than the district's centre is;
    - units sharing another point are put on a 1.5 km ring around it, in
      code order.
    """
    at_centre = [
        r
        for r in old_rows
        if (r["wardLat"], r["wardLon"]) == (r["districtLat"], r["districtLon"])
    ]
    unplaced = {r["wardCode"] for r in at_centre}
    located = [r for r in old_rows if r["wardCode"] not in unplaced]
    for r in old_rows:
        r["coordinate_note"] = ""
    _spread_shared(located)
    projection = Projection.around(
        (r["wardLat"], r["wardLon"]) for r in located
    )
    taken = [projection.xy(r["wardLat"], r["wardLon"]) for r in located]
    # Inside the located units' hull: not beyond the province's edge.
    hull = MultiPoint(taken).convex_hull
    for r in sorted(at_centre, key=lambda r: r["wardCode"]):
        x, y = _emptiest_near(
            _code_anchor(r, located, projection), taken, hull
        )
        r["wardLat"], r["wardLon"] = (
            round(v, 6) for v in projection.latlon(x, y)
        )
        r["coordinate_note"] = (
            "APPROXIMATE: the package gives the district centre; placed "
            f"within {PLACE_RADIUS_KM:g} km of the units of its district "
            "with the nearest codes"
        )
        taken.append((x, y))
        located.append(r)


def _code_anchor(
    row: Row, located: list[Row], projection: Projection
) -> tuple[float, float]:
    """Mean position of the located units of ``row``'s district (of the
    province when it has none) with the nearest official codes."""
    same = [r for r in located if r["districtCode"] == row["districtCode"]]
    code = int(row["wardCode"])
    nearest = sorted(
        same or located,
        key=lambda r: (abs(int(r["wardCode"]) - code), r["wardCode"]),
    )[:CODE_NEIGHBOURS]
    xy = [projection.xy(r["wardLat"], r["wardLon"]) for r in nearest]
    return (
        sum(p[0] for p in xy) / len(xy),
        sum(p[1] for p in xy) / len(xy),
    )


def _emptiest_near(
    anchor: tuple[float, float],
    taken: list[tuple[float, float]],
    hull: BaseGeometry,
) -> tuple[float, float]:
    """The grid point within :data:`PLACE_RADIUS_KM` of ``anchor`` (and in
    ``hull`` when any is) furthest from every point of ``taken``."""
    steps = int(PLACE_RADIUS_KM / GRID_KM)
    candidates = [
        (anchor[0] + i * GRID_KM, anchor[1] + j * GRID_KM)
        for i in range(-steps, steps + 1)
        for j in range(-steps, steps + 1)
        if math.hypot(i, j) * GRID_KM <= PLACE_RADIUS_KM
    ]
    inside = [p for p in candidates if hull.contains(Point(p))]
    return max(
        inside or candidates,
        key=lambda p: min(math.dist(p, t) for t in taken),
    )


def _spread_shared(rows: list[Row]) -> None:
    """Put units that share one point on a 1.5 km ring around it."""
    by_point: dict[tuple[float, float], list[Row]] = {}
    for r in rows:
        by_point.setdefault((r["wardLat"], r["wardLon"]), []).append(r)
    radius = 1.5
    for (lat, lon), shared in by_point.items():
        if len(shared) < 2:
            continue
        projection = Projection(lat, lon)
        for i, r in enumerate(sorted(shared, key=lambda r: r["wardCode"])):
            angle = 2 * math.pi * i / len(shared)
            r["wardLat"], r["wardLon"] = (
                round(v, 6)
                for v in projection.latlon(
                    radius * math.cos(angle), radius * math.sin(angle)
                )
            )
            r["coordinate_note"] = (
                f"APPROXIMATE: the package gives the same point for "
                f"{len(shared)} units; placed {radius} km around it"
            )


def assumed_areas(
    old_rows: list[dict[str, Any]], province_area: float
) -> dict[str, float]:
    """The province's real area shared by the units' cell areas.

    Only the province total is used, never the new unit a commune joined:
    the comparison with the 2025 map must not learn from the 2025 map.
    """
    points = {r["wardCode"]: (r["wardLat"], r["wardLon"]) for r in old_rows}
    cells = approximate_cells(points).polygons
    total = sum(c.area for c in cells.values())
    return {
        u: round(province_area * cell.area / total, 2)
        for u, cell in cells.items()
    }


def assumed_population(
    old_rows: list[dict[str, Any]],
    areas: Mapping[str, float],
    total: int,
) -> dict[str, int]:
    """``total`` shared by area times density weight (largest remainder)."""
    weight = {
        r["wardCode"]: areas[r["wardCode"]] * DENSITY_WEIGHT[r["wardType"]]
        for r in old_rows
    }
    whole = sum(weight.values())
    exact = {k: total * w / whole for k, w in weight.items()}
    counts = {k: int(v) for k, v in exact.items()}
    short = total - sum(counts.values())
    for k in sorted(exact, key=lambda k: counts[k] - exact[k])[:short]:
        counts[k] += 1
    return counts


def write_scenario_data(spec: ProvinceSpec, folder: Path) -> dict[str, Any]:
    """Write ``data/`` and ``reference-2025.csv`` under ``folder``."""
    got = load_province(spec)
    old_rows, new_by_key, into = got["old"], got["new"], got["into"]
    new_by_code = {r["wardCode"]: r for r in new_by_key.values()}
    areas = assumed_areas(
        old_rows, sum(r["wardAreaKm2"] for r in new_by_code.values())
    )
    population = assumed_population(old_rows, areas, spec.population)
    points = {r["wardCode"]: (r["wardLat"], r["wardLon"]) for r in old_rows}
    neighbours = neighbours_from_cells(approximate_cells(points)).graph
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    first = old_rows[0]
    pid = first["provinceCode"]
    _write_localities(
        data / "localities.csv",
        spec,
        old_rows,
        areas,
        population,
        neighbours,
    )
    _write_units(data / "units.csv", spec, pid, first, old_rows)
    _write_reference(
        folder / "reference-2025.csv", old_rows, into, new_by_code
    )
    return {
        "old": len(old_rows),
        "new": len(new_by_code),
        "divided": got["divided"],
    }


def _write_localities(
    path: Path,
    spec: ProvinceSpec,
    old_rows: list[Row],
    areas: Mapping[str, float],
    population: Mapping[str, int],
    neighbours: Mapping[str, set[str]],
) -> None:
    first = old_rows[0]
    pid = first["provinceCode"]
    rows = [
        [
            pid,
            first["province"],
            "province",
            "",
            spec.population,
            "",
            spec.terrain,
            "",
            first["provinceLat"],
            first["provinceLon"],
        ]
    ]
    seen = set()
    for r in old_rows:
        if r["districtCode"] not in seen:
            seen.add(r["districtCode"])
            rows.append(
                [
                    r["districtCode"],
                    r["district"],
                    "district",
                    pid,
                    "",
                    "",
                    "",
                    "",
                    r["districtLat"],
                    r["districtLon"],
                ]
            )
    for r in old_rows:
        code = r["wardCode"]
        terrain = "urban" if r["wardType"] == "Phường" else spec.terrain
        rows.append(
            [
                code,
                r["ward"],
                "commune",
                r["districtCode"],
                population[code],
                areas[code],
                terrain,
                ";".join(sorted(neighbours[code])),
                r["wardLat"],
                r["wardLon"],
            ]
        )
    _write(
        path,
        [
            "id",
            "name",
            "level",
            "parent",
            "population",
            "area_km2",
            "terrain",
            "neighbours",
            "lat",
            "lon",
        ],
        rows,
    )


def _write_units(
    path: Path, spec: ProvinceSpec, pid: str, first: Row, old_rows: list[Row]
) -> None:
    rng = random.Random(spec.seed)
    root = f"UBND-{pid}"
    province = first["province"]
    rows = [
        [
            root,
            f"Ủy ban nhân dân {province[0].lower()}{province[1:]}",
            "province",
            "province",
            pid,
            0,
            0,
            0,
            0,
            "",
            "",
        ]
    ]
    for r in old_rows:
        # INVENTED: about 20 cadres and civil servants per commune (the
        # order of Decree 33/2023's quotas), a few more in wards.
        quota = (22 if r["wardType"] == "Phường" else 20) + rng.randint(-1, 1)
        actual = max(12, quota + rng.randint(-4, 3))
        rows.append(
            [
                r["wardCode"],
                r["ward"],
                KIND[r["wardType"]],
                "commune",
                r["wardCode"],
                quota,
                actual,
                1,
                rng.choice((1, 2)),
                root,
                actual,
            ]
        )
    _write(
        path,
        [
            "id",
            "name",
            "kind",
            "level",
            "locality",
            "quota",
            "actual",
            "heads",
            "deputies",
            "parent",
            "civil_servants",
        ],
        rows,
    )


def _write_reference(
    path: Path,
    old_rows: list[Row],
    into: Mapping[str, str],
    new_by_code: Mapping[str, Row],
) -> None:
    rows = []
    for r in old_rows:
        new = new_by_code[into[r["wardCode"]]]
        rows.append(
            [
                r["wardCode"],
                r["ward"],
                r["district"],
                new["wardCode"],
                new["ward"],
                KIND[new["wardType"]],
                new["wardAreaKm2"],
                new["wardLat"],
                new["wardLon"],
                r["coordinate_note"],
            ]
        )
    _write(
        path,
        [
            "old_id",
            "old_name",
            "old_district",
            "new_id",
            "new_name",
            "new_kind",
            "new_area_km2",
            "new_lat",
            "new_lon",
            "coordinate_note",
        ],
        rows,
    )


def _write(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


# The provinces of the bundled scenarios. Province totals: the 2019
# census as we recall it, to verify against the GSO tables.
PROVINCES = {
    "cao-bang": ProvinceSpec("Cao Bằng", 530_341),
    "lang-son": ProvinceSpec("Lạng Sơn", 781_655),
}


def main(scenario: str, folder: Path) -> None:
    """Rebuild the data of the bundled ``scenario`` (a PROVINCES key)."""
    print(write_scenario_data(PROVINCES[scenario], folder))
