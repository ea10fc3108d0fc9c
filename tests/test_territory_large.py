"""A province of 500 communes plans within its time limit on 2 cores.

The organisation is invented here (a 25 x 20 grid of communes with a
diagonal, 25 old districts, about one in twenty a ward): the size of a
large province before 2025, to show the territorial model scales.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from orgplan.check import check_plan
from orgplan.model import Locality, Organisation, Unit
from orgplan.planner import solve
from orgplan.scenario import Scenario
from orgplan.semantics.after import apply_structure
from orgplan.territory.summary import territory_summary

WIDTH, HEIGHT = 25, 20
# Steps of the grid a commune borders (rook moves and one diagonal).
STEPS = ((-1, 0), (1, 0), (0, -1), (0, 1), (1, 1), (-1, -1))


def _locality(rng: random.Random, i: int, j: int) -> Locality:
    ward = rng.random() < 0.05
    near = tuple(
        f"c{i + a:02d}{j + b:02d}"
        for a, b in STEPS
        if 0 <= i + a < WIDTH and 0 <= j + b < HEIGHT
    )
    return Locality(
        id=f"c{i:02d}{j:02d}",
        name=f"Xã {i}-{j}",
        level="commune",
        parent=f"D{i // 5 + 5 * (j // 4)}",
        population=rng.randint(2000, 9000) * (3 if ward else 1),
        area_km2=rng.uniform(20, 80),
        terrain="urban" if ward else "mountain",
        neighbours=near,
        lat=21 + 0.04 * j + rng.uniform(-0.01, 0.01),
        lon=106 + 0.04 * i + rng.uniform(-0.01, 0.01),
    )


def province(seed: int = 7) -> Organisation:
    rng = random.Random(seed)
    localities = [
        Locality(id="P", name="Tỉnh P", level="province", terrain="mountain")
    ]
    localities += [
        Locality(id=f"D{d}", name=f"Huyện {d}", level="district", parent="P")
        for d in range(25)
    ]
    units = [Unit(id="root", name="UBND", kind="province", level="province")]
    for j in range(HEIGHT):
        for i in range(WIDTH):
            loc = _locality(rng, i, j)
            localities.append(loc)
            ward = loc.terrain == "urban"
            quota = rng.randint(18, 26)
            units.append(
                Unit(
                    id=loc.id,
                    name=("Phường " if ward else "Xã ") + loc.id,
                    kind="ward" if ward else "commune",
                    level="commune",
                    locality=loc.id,
                    parent="root",
                    quota=quota,
                    actual=quota + rng.randint(-3, 3),
                    heads=1,
                    deputies=2,
                )
            )
    return Organisation(units=tuple(units), localities=tuple(localities))


@pytest.mark.slow
def test_five_hundred_communes_plan_within_the_time_limit() -> None:
    org = province()
    # 30 s finds no plan on 2 loaded cores: the greedy start ignores the
    # exact counts (see the report); 60 s gives one with its gap.
    limit = 60.0
    target = {"commune": 160, "ward": 8}
    scenario = Scenario.model_validate(
        {
            "name": "Năm trăm xã",
            "data": Path("data"),
            "scope": {
                "kinds": ["commune", "ward"],
                "merge_within": "adjacent",
                "max_group_size": 6,
            },
            "targets": {"min_units": target, "max_units": target},
            "solver": {"time_limit_s": limit, "workers": 2},
            "staffing": {"quota": "norm"},
        }
    )
    started = time.perf_counter()
    plan = solve(org, scenario).plan
    seconds = time.perf_counter() - started
    # The whole run (model, search, staffing) within the limit and a
    # margin for building and checking on loaded cores.
    assert seconds < 2 * limit
    assert plan.gap is not None
    after = apply_structure(org, plan, scenario.rulebook())
    kinds = {k: sum(u.kind == k for u in after.units) for k in target}
    assert kinds == target
    found = check_plan(org, scenario, plan)
    assert not [v for v in found if v.severity == "error"]
    summary = territory_summary(org, scenario, plan)
    assert summary is not None and summary.disconnected == 0
