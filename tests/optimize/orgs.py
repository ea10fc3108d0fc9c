"""Tiny organisations and scenarios for the optimiser's tests.

Units are written one per line so that each test reads as the situation it
describes. Every solve is reproducible (one worker, a fixed seed, a
deterministic budget of a few seconds).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from orgplan.model import FunctionDef, Organisation, Unit
from orgplan.optimize import solve_structure
from orgplan.plan import Plan, Result
from orgplan.scenario import Scenario


def unit(
    uid: str,
    kind: str,
    parent: str | None,
    functions: str = "",
    quota: int = 20,
    actual: int | None = None,
    heads: int = 1,
    deputies: int = 1,
    **extra: Any,
) -> Unit:
    """A unit; ``functions`` is a space-separated list of codes."""
    return Unit(
        id=uid,
        name=extra.pop("name", f"Đơn vị {uid}"),
        kind=kind,
        level="province",
        parent=parent,
        functions=tuple(functions.split()),
        quota=quota,
        actual=quota if actual is None else actual,
        heads=heads,
        deputies=deputies,
        **extra,
    )


def organisation(*units: Unit, taxonomy: str = "") -> Organisation:
    """An organisation; ``taxonomy`` is ``code:parent`` pairs."""
    functions = tuple(
        FunctionDef(code=code, parent=parent or None)
        for code, _, parent in (p.partition(":") for p in taxonomy.split())
    )
    return Organisation(units=units, functions=functions)


def scenario(**settings: Any) -> Scenario:
    """A reproducible scenario; keyword arguments override sections."""
    data: dict[str, Any] = {
        "name": "test",
        "data": Path("."),
        "solver": {
            "time_limit_s": 5,
            "workers": 1,
            "seed": 1,
            "reproducible": True,
        },
    }
    data.update(settings)
    return Scenario.model_validate(data)


def solve(org: Organisation, sc: Scenario, **kwargs: Any) -> Result:
    """Solve the structure with CP-SAT."""
    return solve_structure(org, sc, sc.rulebook(), **kwargs)


def assert_checked(org: Organisation, sc: Scenario, plan: Plan) -> None:
    """No error from ``check_plan``, and the same objective terms.

    Tests call it last: it skips while the checker is not installed.
    """
    check = pytest.importorskip("orgplan.check")
    errors = [
        v for v in check.check_plan(org, sc, plan) if v.severity == "error"
    ]
    assert errors == [], [str(e) for e in errors]
    expected = check.objective_terms(org, sc, plan)
    for term, value in expected.items():
        assert plan.objective_terms[term] == pytest.approx(value), term


def members(plan: Plan) -> list[set[str]]:
    """The merged groups of a plan, as sets."""
    return [set(m.members) for m in plan.merges]


def synthetic(parents: int, children: int, seed: int) -> Organisation:
    """Departments with divisions whose functions overlap at random.

    Deterministic for a given ``seed``; sizes spread around the division
    minimum so that some must merge.
    """
    rng = random.Random(seed)
    sectors = [f"s{i}" for i in range(6)]
    codes = [f"{s}.{j}" for s in sectors for j in range(4)]
    units = [unit("P", "province", None, quota=0, deputies=0)]
    for i in range(parents):
        dep = f"D{i:02d}"
        units.append(
            unit(dep, "department", "P", rng.choice(sectors), 12, deputies=3)
        )
        for j in range(children):
            quota = rng.randint(3, 16)
            units.append(
                unit(
                    f"{dep}-{j}",
                    "division",
                    dep,
                    " ".join(rng.sample(codes, 2)),
                    quota,
                    actual=max(1, quota + rng.randint(-3, 3)),
                    deputies=rng.randint(0, 1),
                )
            )
    return organisation(
        *units, taxonomy=" ".join(f"{c}:{c.split('.')[0]}" for c in codes)
    )
