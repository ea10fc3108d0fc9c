"""Seeded generator of synthetic Vietnamese provinces for the benchmark.

The shape of a province, and the public facts it follows, are described
in :mod:`bench.provinces`; this module picks the size and the scenario.

Sizes: ``XS`` (6 departments, ~60 units, for smoke tests), ``S`` (one
province's 19 departments, ~220 units), ``M`` (a province with its 95
communes and their schools, ~1,600 units and ~47,000 staff), ``W`` (the
19 departments, four of them with about 320 service units each: ~1,500
units, hundreds of siblings under one parent), ``L`` (34 provinces like
M, ~55,000 units, ~1.6 million staff).

Usage (a benchmark instance, or the data of a bundled scenario)::

    python bench/generate.py M --seed 1 --out /tmp/bench-M
    python bench/generate.py province-departments
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

# Run as a script, the repository root must be importable first.
import yaml  # noqa: E402

from bench.catalogue import DEPARTMENTS  # noqa: E402
from bench.provinces import place_names, province  # noqa: E402
from orgplan.io import write_organisation  # noqa: E402
from orgplan.model import FunctionDef, Locality, Organisation, Unit  # noqa: E402
from orgplan.scenario import Scenario  # noqa: E402

# Re-exported: tests build provinces of their own from these.
__all__ = ["DEPARTMENTS", "SIZES", "generate", "province"]


@dataclass(frozen=True)
class Size:
    """How big an instance is."""

    provinces: int
    departments: int
    communes: int
    # Service units added under each department of bench/data/wide.csv.
    wide: int = 0


SIZES: dict[str, Size] = {
    "XS": Size(1, 6, 0),
    "S": Size(1, 19, 0),
    "M": Size(1, 19, 95),
    "W": Size(1, 19, 0, wide=320),
    "L": Size(34, 19, 95),
}


@dataclass(frozen=True)
class Instance:
    """A generated organisation and the scenario to solve on it."""

    name: str
    organisation: Organisation
    scenario: Scenario


def generate(size: str, seed: int = 1) -> Instance:
    """The instance of ``size`` (a key of :data:`SIZES`) for ``seed``.

    Raises
    ------
    KeyError
        If ``size`` is not one of :data:`SIZES`.
    """
    spec = SIZES[size]
    rng = random.Random(f"orgplan-bench-{size}-{seed}")
    names = place_names(rng, spec.provinces)
    units: list[Unit] = []
    localities: list[Locality] = []
    functions: dict[str, FunctionDef] = {}
    for i, name in enumerate(names):
        code = f"P{i + 1:02d}" if spec.provinces > 1 else ""
        u, loc, fn = province(
            rng,
            code=code,
            name=name,
            departments=DEPARTMENTS[: spec.departments],
            communes=spec.communes,
            wide=spec.wide,
        )
        units += u
        localities += loc
        functions.update(fn)
    org = Organisation(
        units=tuple(units),
        localities=tuple(localities),
        functions=tuple(functions.values()),
        name=f"bench {size} seed {seed}",
    )
    return Instance(f"{size}-{seed}", org, _scenario(size, spec, org))


def _scenario(size: str, spec: Size, org: Organisation) -> Scenario:
    """The 2025 targets, as far as they do not couple provinces.

    One province: at most 14 departments (Decree 45/2025) and 10% fewer
    focal points, 15% with public service units in scope (M, W). Several
    provinces: only the per-parent rules (minimum staff, caps), so that
    the model splits into independent blocks.
    """
    departments = sum(u.kind == "department" for u in org.units)
    kinds = ["department", "division"]
    services = bool(spec.communes or spec.wide)
    if services:
        kinds.append("public_service_unit")
    targets: dict[str, Any] = {}
    if spec.provinces == 1:
        targets = {
            "max_units": {"department": min(14, departments - 1)},
            "min_cut": {"focal_points": 0.15 if services else 0.10},
        }
    else:
        kinds.remove("department")
    return Scenario.model_validate(
        {
            "name": f"bench {size}",
            "data": "data/",
            "scope": {
                "kinds": kinds,
                "merge_within": "parent",
                "allow_fold": False,
            },
            "targets": targets,
            "weights": WEIGHTS,
            "solver": {"time_limit_s": 60, "workers": 2, "seed": 1},
        }
    )


# Merging two units saves a focal point (10) and costs 30 x (1 - their
# similarity): 15 for sibling divisions of one mandate, 20 for the 2025
# pairs of departments, 24 to 30 for unrelated ones. No merge pays for
# itself; the targets and rules force the most coherent ones.
WEIGHTS: dict[str, float] = {
    "focal_points": 10,
    "leaders": 3,
    "layers": 5,
    "imbalance": 1,
    "transfers": 0.1,
    "incoherence": 30,
}


def write_instance(instance: Instance, folder: Path) -> Path:
    """Write ``folder/data/*.csv`` and ``folder/scenario.yaml``.

    Returns
    -------
    Path
        The scenario file.

    Raises
    ------
    orgplan.errors.OrgplanError
        If the files cannot be written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    write_organisation(instance.organisation, folder / "data")
    path = folder / "scenario.yaml"
    data = instance.scenario.model_dump(
        mode="json", exclude_defaults=True, exclude={"path"}
    )
    path.write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return path


# The data of the bundled scenarios (``scenarios/NAME/data``), all of it
# invented: seed, province name and what the province holds.
SCENARIO_DATA: dict[str, dict[str, Any]] = {
    "province-departments": {"seed": 2025, "name": "Lâm Giang"},
    "sub-departments": {
        "seed": 2028,
        "name": "Ngọc Sơn",
        "departments": tuple(d for d in DEPARTMENTS if d.subs),
    },
    "service-units": {
        "seed": 2027,
        "name": "Vĩnh Hòa",
        "departments": (),
        "communes": 25,
        "schools": ("MN", "TH"),
    },
}


def scenario_data(name: str) -> Organisation:
    """The organisation of the bundled scenario ``name``.

    Raises
    ------
    KeyError
        If ``name`` is not one of :data:`SCENARIO_DATA`.
    """
    spec = dict(SCENARIO_DATA[name])
    seed, title = spec.pop("seed"), spec.pop("name")
    units, localities, functions = province(
        random.Random(seed), code="", name=title, **spec
    )
    return Organisation(
        units=tuple(units),
        localities=tuple(localities),
        functions=tuple(functions.values()),
        name=f"Tỉnh {title}",
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "what",
        choices=[*SIZES, *SCENARIO_DATA],
        help="a benchmark size, or a bundled scenario whose data/ to write",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--out",
        type=Path,
        help="folder to write (default for a scenario: scenarios/NAME)",
    )
    args = parser.parse_args(argv)
    if args.what in SCENARIO_DATA:
        out = args.out or ROOT / "scenarios" / args.what
        org = scenario_data(args.what)
        write_organisation(org, out / "data")
        print(f"{org} -> {out / 'data'}")
        return
    if args.out is None:
        parser.error("--out is required for a benchmark size")
    instance = generate(args.what, args.seed)
    path = write_instance(instance, args.out)
    print(f"{instance.organisation} -> {path}")


if __name__ == "__main__":
    main()
