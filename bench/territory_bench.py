"""Territorial mergers: time, gap and agreement with the real 2025 map.

``python bench/territory_bench.py --time-limit 60`` plans an invented
province of 500 communes (a 25 x 20 grid with a diagonal, 25 old
districts, about one in twenty a ward) to an exact count of 160 communes
and 8 wards, and prints the time, the gap and whether every rule holds;
``--provinces`` also plans the bundled Cao Bằng and Lạng Sơn and prints
their agreement with the real 2025 map (adjusted Rand index, groups
recovered) beside the naive nearest-seed baseline, with the sizes of the
new units, their members outside the unit's majority old district (the
real map's figures beside them) and the objective's territorial and
staffing terms; ``--seeds 1 2 3`` repeats each province per seed (CP-SAT
on 2 workers with a time limit is not reproducible, so one run says
little), ``--standard-gap W`` plans them with that weight of the
standards' shortfall instead of the scenario's (to measure it against
the real map) and ``--provinces-only`` skips the 500 communes. Each
province's line counts the new units short of a standard (the warnings
``check_plan`` lists, units kept alone among them). Timings depend
on the machine and its load: say which when quoting them.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from orgplan.check import check_plan  # noqa: E402
from orgplan.io.organisation import open_scenario  # noqa: E402
from orgplan.model import Locality, Organisation, Unit  # noqa: E402
from orgplan.plan import Plan  # noqa: E402
from orgplan.planner import solve  # noqa: E402
from orgplan.scenario import Scenario  # noqa: E402
from orgplan.semantics.after import apply_structure  # noqa: E402
from orgplan.territory.compare import (  # noqa: E402
    Assignment,
    agreement,
    groups_of,
    nearest_baseline,
    read_approximate,
    read_reference,
    restricted,
)
from orgplan.territory.places import (  # noqa: E402
    Place,
    places_from_organisation,
)

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


TARGET = {"commune": 160, "ward": 8}


def large_scenario(limit: float) -> Scenario:
    """The 500 communes to exactly :data:`TARGET`, groups of at most 6."""
    return Scenario.model_validate(
        {
            "name": "Năm trăm xã",
            "data": Path("data"),
            "scope": {
                "kinds": ["commune", "ward"],
                "merge_within": "adjacent",
                "max_group_size": 6,
            },
            "targets": {"min_units": TARGET, "max_units": TARGET},
            "solver": {"time_limit_s": limit, "workers": 2},
            "staffing": {"quota": "norm"},
        }
    )


def large(limit: float) -> str:
    org = province()
    scenario = large_scenario(limit)
    started = time.perf_counter()
    plan = solve(org, scenario).plan
    seconds = time.perf_counter() - started
    after = apply_structure(org, plan, scenario.rulebook())
    kinds = {k: sum(u.kind == k for u in after.units) for k in TARGET}
    errors = [
        v for v in check_plan(org, scenario, plan) if v.severity == "error"
    ]
    gap = "none" if plan.gap is None else f"{plan.gap:.1%}"
    return (
        f"500 communes, limit {limit:.0f} s: {seconds:.1f} s, "
        f"{plan.status}, gap {gap}, after {kinds}, {len(errors)} errors"
    )


# The objective's terms that change with the map (the others are fixed
# by the exact counts: focal points, incoherence of communes).
SHOWN_TERMS = (
    "compactness",
    "district_crossings",
    "standard_gap",
    "leaders",
    "imbalance",
    "transfers",
)


def shape(assignment: Assignment, places: Mapping[str, Place]) -> str:
    """Sizes of the new units and members outside their unit's majority
    old district."""
    groups = groups_of(assignment).values()
    sizes = Counter(len(g) for g in groups)
    outside = sum(
        len(g) - Counter(places[u].district for u in g).most_common(1)[0][1]
        for g in groups
    )
    listed = " ".join(f"{k}x{sizes[k]}" for k in sorted(sizes))
    return f"sizes {listed}, {outside} outside their district"


def short_units(org: Organisation, scenario: Scenario, plan: Plan) -> int:
    """New units ``check_plan`` lists short of a standard."""
    return len(
        {
            v.unit
            for v in check_plan(org, scenario, plan)
            if v.rule.startswith("standard.")
        }
    )


def bundled(
    name: str,
    limit: float,
    seed: int | None = None,
    standard_gap: float | None = None,
) -> str:
    folder = ROOT / "scenarios" / name
    org, scenario = open_scenario(folder)
    solver = {"time_limit_s": limit}
    if seed is not None:
        solver["seed"] = seed
    update = {"solver": scenario.solver.model_copy(update=solver)}
    if standard_gap is not None:
        update["weights"] = scenario.weights.model_copy(
            update={"standard_gap": standard_gap}
        )
    scenario = scenario.model_copy(update=update)
    places = places_from_organisation(org, ("commune", "ward"))
    reference = read_reference(folder / "reference-2025.csv")
    started = time.perf_counter()
    plan = solve(org, scenario).plan
    seconds = time.perf_counter() - started
    assignment = {u: u for u in places}
    for merge in plan.merges:
        assignment.update(dict.fromkeys(merge.members, merge.into))
    naive = nearest_baseline(places, len(set(reference.values())))
    terms = plan.objective_terms or {}
    weights = scenario.weights.model_dump()
    shown = ", ".join(
        f"{k} {terms.get(k, 0):,.1f} x {weights[k]:g}" for k in SHOWN_TERMS
    )
    gap = "none" if plan.gap is None else f"{plan.gap:.1%}"
    # The units placed at a guessed point cannot be grouped by distance:
    # the agreement over the others says what the model does with real
    # coordinates.
    real = set(places) - read_approximate(folder / "reference-2025.csv")
    on_real = restricted(reference, real)
    located = (
        f"  over the {len(real)} units with real coordinates: plan ARI "
        f"{agreement(restricted(assignment, real), on_real).ari:.3f}, "
        f"naive {agreement(restricted(naive, real), on_real).ari:.3f}\n"
    )
    return (
        f"{name} (seed {scenario.solver.seed}, {limit:.0f} s, "
        f"{scenario.solver.workers} workers): "
        f"plan {agreement(assignment, reference).line()}; "
        f"naive {agreement(naive, reference).line()} "
        f"({plan.status}, {seconds:.0f} s, gap {gap}, "
        f"{short_units(org, scenario, plan)} new units short of a standard)\n"
        f"  plan {shape(assignment, places)}; "
        f"real {shape(reference, places)}; "
        f"naive {shape(naive, places)}\n"
        f"{located}"
        f"  terms (value x weight): {shown}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--provinces", action="store_true")
    parser.add_argument("--provinces-only", action="store_true")
    parser.add_argument("--seeds", type=int, nargs="+")
    parser.add_argument("--standard-gap", type=float)
    args = parser.parse_args(argv)
    if not args.provinces_only:
        print(large(args.time_limit), flush=True)
    if args.provinces or args.provinces_only:
        for name in ("cao-bang", "lang-son"):
            for seed in args.seeds or [None]:
                print(
                    bundled(name, args.time_limit, seed, args.standard_gap),
                    flush=True,
                )


if __name__ == "__main__":
    main()
