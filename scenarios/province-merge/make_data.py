"""Generate the province-merge data (seeded; run it to rebuild data/).

Everything here is INVENTED: twelve provinces of an imaginary region on a
jittered 4 x 3 grid (the northern row mountainous), their names,
populations, areas, coordinates, neighbours (grid neighbours plus one
diagonal per square, so the map is planar) and the staff of their
people's committees. The sizes are drawn so that most provinces alone
fall short of the standard (Res. 1211/2016 as amended: a mountain
province 8,000 km² and 900,000 people, another 5,000 km² and 1,400,000)
and most pairs meet it, as in the 2025 merger of 63 provinces into 34.

Usage: python scenarios/province-merge/make_data.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

SEED = 2025
COLUMNS, ROWS = 4, 3
NAMES = (
    "Lâm Giang",
    "Ngọc Sơn",
    "Vĩnh Hòa",
    "Hòa Sơn",
    "Bình Lương",
    "An Khê Bắc",
    "Phú Lạc",
    "Thanh Vân",
    "Đông Hải",
    "Tân Thủy",
    "Hưng Điền",
    "Mỹ Xuyên Nam",
)


def main() -> None:
    rng = random.Random(SEED)
    data = Path(__file__).parent / "data"
    data.mkdir(exist_ok=True)
    ids = [f"T{n + 1:02d}" for n in range(COLUMNS * ROWS)]
    localities, units = [], []
    at = {}
    for n, pid in enumerate(ids):
        row, col = divmod(n, COLUMNS)
        at[row, col] = pid
        mountain = row == 0
        population = rng.randint(450_000, 950_000) + (
            0 if mountain else 350_000
        )
        area = round(rng.uniform(3_500, 6_500) + (2_000 if mountain else 0))
        lat = round(22.6 - 0.9 * row + rng.uniform(-0.15, 0.15), 4)
        lon = round(104.0 + 1.0 * col + rng.uniform(-0.15, 0.15), 4)
        localities.append(
            [pid, f"Tỉnh {NAMES[n]}", "province", "", population, area,
             "mountain" if mountain else "plain", lat, lon]
        )
        quota = rng.randint(140, 220)
        units.append(
            [pid, f"Tỉnh {NAMES[n]}", "province", "province", pid, quota,
             quota + rng.randint(-10, 15), 1, rng.randint(2, 4)]
        )
    neighbours: dict[str, set[str]] = {pid: set() for pid in ids}
    for (row, col), pid in at.items():
        for other in ((row + 1, col), (row, col + 1)):
            if other in at:
                neighbours[pid].add(at[other])
                neighbours[at[other]].add(pid)
        # one diagonal per square, its direction at random
        if (row + 1, col + 1) in at:
            a, b = (
                (pid, at[row + 1, col + 1])
                if rng.random() < 0.5
                else (at[row, col + 1], at[row + 1, col])
            )
            neighbours[a].add(b)
            neighbours[b].add(a)
    for loc in localities:
        loc.insert(7, ";".join(sorted(neighbours[loc[0]])))
    _write(data / "localities.csv", ["id", "name", "level", "parent",
           "population", "area_km2", "terrain", "neighbours", "lat",
           "lon"], localities)
    _write(data / "units.csv", ["id", "name", "kind", "level", "locality",
           "quota", "actual", "heads", "deputies"], units)


def _write(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


if __name__ == "__main__":
    main()
