"""Measure the optimiser on generated provinces and print one table.

For each size, one instance of ``bench/generate.py`` is solved by the
greedy baseline and by CP-SAT, each instance in a fresh process so that
its peak memory is its own (``bench/measure.py`` says what is measured
and which targets an instance must meet). The runner exits 1 when any
instance misses a target, for example when CP-SAT's plan is worse than
the greedy plan.

Usage::

    python bench/run.py --sizes S,M,W --time-limit 60 --workers 2
    python bench/run.py --sizes L      # greedy + CP-SAT within 600 s
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

# Run as a script, the repository root must be importable first.
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from bench.generate import SIZES  # noqa: E402
from bench.measure import ROW_BUDGET, Row, has_mip, measure  # noqa: E402

COLUMNS = (
    "size", "units", "staff", "vars", "status", "objective", "bound", "gap",
    "first s", "CP-SAT s", "greedy", "greedy s", "cp/greedy", "MIP bound",
    "peak MB", "row s", "not OK",
)  # fmt: skip


def cells(r: Row) -> list[str]:
    """The row as printed, in the order of :data:`COLUMNS`."""
    return [
        r.size,
        f"{r.units:,}",
        f"{r.staff:,}",
        f"{r.variables:,}",
        r.status,
        _num(r.objective),
        _num(r.bound),
        "-" if r.gap is None else f"{r.gap:.2%}",
        _num(r.first_s),
        f"{r.cpsat_s:.1f}",
        _num(r.greedy),
        f"{r.greedy_s:.1f}",
        "-" if r.ratio is None else f"{r.ratio:.4f}",
        _num(r.mip_bound),
        f"{r.peak_mb:.0f}",
        f"{r.row_s:.1f}",
        "; ".join(r.misses),
    ]


def table(rows: Sequence[Row], title: str) -> Table:
    out = Table(title=title)
    for name in COLUMNS:
        out.add_column(name, justify="left" if name == "not OK" else "right")
    for r in rows:
        out.add_row(*cells(r))
    return out


def markdown(rows: Sequence[Row]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |"]
    lines.append("|" + " --- |" * len(COLUMNS))
    lines += ["| " + " | ".join(cells(r)) + " |" for r in rows]
    return "\n".join(lines)


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:,.2f}"


def run_one(size: str, args: argparse.Namespace) -> Row:
    """Measure ``size`` in a fresh interpreter, so that its peak is its own."""
    # "spawn", not fork: a forked child would count the runner's memory.
    context = multiprocessing.get_context("spawn")
    limit = args.time_limit or ROW_BUDGET.get(size, 60.0)
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        job = pool.submit(
            measure,
            size,
            args.seed,
            limit,
            args.workers,
            args.decompose,
            not args.no_greedy,
            args.mip,
        )
        try:
            return job.result()
        except BrokenProcessPool:
            row = Row(size, 0, 0, limit, status="crashed")
            row.misses.append("the process died (out of memory?)")
            return row


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes", default="S,M", help=f"comma-separated: {', '.join(SIZES)}"
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        help="CP-SAT's limit in seconds (default 60; on L at most what "
        "the greedy run leaves of 600 s, less the margin)",
    )
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
        help="skip the separate greedy run (no CP-SAT/greedy check)",
    )
    parser.add_argument(
        "--mip", action="store_true", help="also run --method mip's bound"
    )
    parser.add_argument(
        "--markdown", action="store_true", help="print a Markdown table"
    )
    args = parser.parse_args(argv)
    sizes = [s.strip().upper() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size {', '.join(unknown)}; use {list(SIZES)}")
    if args.mip and not has_mip():
        parser.error("--mip: this orgplan has no method 'mip' yet")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    rows = []
    for size in sizes:
        rows.append(run_one(size, args))
        notes = "; ".join(rows[-1].notes)
        print(
            f"{size}: {rows[-1].status} {notes}", file=sys.stderr, flush=True
        )
    limit = "default" if args.time_limit is None else f"{args.time_limit:g} s"
    title = (
        f"orgplan benchmark (seed {args.seed}, {args.workers} workers, "
        f"time limit {limit}, decompose {args.decompose}; "
        f"load average at start {load}, {os.cpu_count()} CPUs)"
    )
    if args.markdown:
        print(title, markdown(rows), sep="\n\n")
    else:
        Console(width=220).print(table(rows, title))
    failed = sum(bool(r.misses) for r in rows)
    print(f"not OK: {failed} of {len(rows)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
