"""Measure the optimiser on generated provinces and print one table.

For each size, one instance of ``bench/generate.py`` is solved by the
greedy baseline and by CP-SAT (warm-started by it), each instance in a
fresh process so that its peak memory is its own. The table shows units,
CP-SAT variables, status, objective, best bound, gap, time to the first
solution, total time, peak memory, the greedy objective and the ratio
CP-SAT/greedy, the errors ``check_plan`` finds in the CP-SAT plan, and
which targets an instance misses (issue 6):

- every size: a plan that ``check_plan`` accepts;
- M: proven within 1% of optimal within 60 s, and at least 10% better
  than greedy;
- L: solved within 10 minutes.

Usage::

    python bench/run.py --sizes S,M --time-limit 60 --workers 2
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

# Run as a script, the repository root must be importable first.
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from bench.generate import SIZES, generate  # noqa: E402
from orgplan.check import check_plan  # noqa: E402
from orgplan.errors import InfeasibleScenario  # noqa: E402
from orgplan.optimize import solve_structure  # noqa: E402
from orgplan.scenario import SolverParams  # noqa: E402

Decompose = Literal["auto", "none", "budget"]

# Targets of issue 6 by size: (max gap, max seconds, max CP-SAT/greedy).
TARGETS: dict[str, tuple[float | None, float | None, float | None]] = {
    "M": (0.01, 60.0, 0.9),
    "L": (None, 600.0, None),
}


@dataclass
class Row:
    """The measurements of one instance."""

    size: str
    units: int
    staff: int
    variables: int = 0
    status: str = ""
    objective: float | None = None
    bound: float | None = None
    gap: float | None = None
    first_s: float | None = None
    total_s: float = 0.0
    peak_mb: float = 0.0
    greedy: float | None = None
    greedy_s: float = 0.0
    errors: int = 0
    broken: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        if self.objective is None or not self.greedy:
            return None
        return self.objective / self.greedy


def measure(
    size: str,
    seed: int,
    seconds: float,
    workers: int,
    decompose: Decompose = "auto",
    greedy_too: bool = True,
) -> Row:
    """Generate and solve one instance (run in a process of its own)."""
    instance = generate(size, seed)
    org = instance.organisation
    solver = SolverParams(
        time_limit_s=seconds, workers=workers, seed=seed, decompose=decompose
    )
    scenario = instance.scenario.model_copy(update={"solver": solver})
    rulebook = scenario.rulebook()
    row = Row(size, len(org.units), sum(u.actual for u in org.units))
    try:
        if greedy_too:
            start = time.perf_counter()
            greedy = solve_structure(org, scenario, rulebook, method="greedy")
            row.greedy_s = time.perf_counter() - start
            row.greedy = greedy.plan.objective
        start = time.perf_counter()
        result = solve_structure(org, scenario, rulebook, method="cpsat")
        row.total_s = time.perf_counter() - start
    except InfeasibleScenario as error:
        row.status = "infeasible"
        row.misses.append(str(error).splitlines()[1].strip())
        return _finish(row)
    plan = result.plan
    row.variables = result.num_variables
    row.status = plan.status.value
    row.objective, row.bound, row.gap = plan.objective, plan.bound, plan.gap
    row.first_s = result.first_solution_seconds
    row.notes = list(plan.notes)
    errors = [
        v for v in check_plan(org, scenario, plan) if v.severity == "error"
    ]
    row.errors = len(errors)
    row.broken = sorted({v.rule for v in errors})
    return _finish(row)


def _finish(row: Row) -> Row:
    # ru_maxrss is in KiB on Linux.
    row.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if row.status not in ("optimal", "feasible"):
        row.misses.append(f"status {row.status}")
    if row.errors:
        rules = ", ".join(row.broken)
        row.misses.append(f"{row.errors} check_plan errors ({rules})")
    max_gap, max_s, max_ratio = TARGETS.get(row.size, (None, None, None))
    if max_gap is not None and (row.gap is None or row.gap > max_gap):
        row.misses.append(f"gap above {max_gap:.0%}")
    if max_s is not None and row.total_s > max_s:
        row.misses.append(f"over {max_s:g} s")
    ratio = row.ratio
    if max_ratio is not None and (ratio is None or ratio > max_ratio):
        row.misses.append(f"CP-SAT/greedy above {max_ratio}")
    return row


def table(rows: Sequence[Row], title: str) -> Table:
    out = Table(title=title)
    columns = (
        "size", "units", "staff", "vars", "status", "objective", "bound",
        "gap", "first s", "total s", "peak MB", "greedy", "greedy s",
        "cp/greedy", "not OK",
    )  # fmt: skip
    for name in columns:
        out.add_column(name, justify="left" if name == "not OK" else "right")
    for r in rows:
        out.add_row(
            r.size,
            f"{r.units:,}",
            f"{r.staff:,}",
            f"{r.variables:,}",
            r.status,
            _num(r.objective),
            _num(r.bound),
            "" if r.gap is None else f"{r.gap:.2%}",
            _num(r.first_s),
            f"{r.total_s:.1f}",
            f"{r.peak_mb:.0f}",
            _num(r.greedy),
            f"{r.greedy_s:.1f}",
            "" if r.ratio is None else f"{r.ratio:.3f}",
            "; ".join(r.misses),
        )
    return out


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes", default="S,M", help="comma-separated: XS, S, M, L"
    )
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--decompose",
        choices=("auto", "none", "budget"),
        default="auto",
        help="solver.decompose: budget splits coupled targets by tree",
    )
    parser.add_argument(
        "--no-greedy",
        action="store_true",
        help="skip the separate greedy run (too slow on L)",
    )
    args = parser.parse_args(argv)
    sizes = [s.strip().upper() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size {', '.join(unknown)}; use {list(SIZES)}")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    rows = []
    for size in sizes:
        # A fresh process per instance, so that peak memory is its own.
        with ProcessPoolExecutor(max_workers=1) as pool:
            job = pool.submit(
                measure,
                size,
                args.seed,
                args.time_limit,
                args.workers,
                args.decompose,
                not args.no_greedy,
            )
            rows.append(job.result())
        notes = "; ".join(rows[-1].notes)
        print(
            f"{size}: {rows[-1].status} {notes}", file=sys.stderr, flush=True
        )
    title = (
        f"orgplan benchmark (seed {args.seed}, {args.workers} workers, "
        f"{args.time_limit:g} s, decompose {args.decompose}; "
        f"load average at start {load}, "
        f"{os.cpu_count()} CPUs)"
    )
    Console(width=200).print(table(rows, title))
    failed = sum(bool(r.misses) for r in rows)
    print(f"not OK: {failed} of {len(rows)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
