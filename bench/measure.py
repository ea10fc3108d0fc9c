"""Solve one benchmark instance and say which targets it misses.

Only the public entry points are used (``solve_structure`` with a
``method``, ``check_plan``), so that the benchmark measures what a user
runs. Every time is wall-clock time (``time.perf_counter``) of what the
caller waited for; the solver's own clock is not used.

The targets (issue 11), each a reason for the runner to exit 1:

- every size: a plan, one that ``check_plan`` accepts, never worse than
  the greedy baseline's, and the solve ending within its time limit plus
  :func:`margin`;
- S: proven optimal (gap 0);
- M: within 0.5% of its bound;
- L: the greedy and CP-SAT runs together within 600 s, with a bound.
"""

from __future__ import annotations

import resource
import time
import typing
from dataclasses import dataclass, field

from bench.generate import generate
from orgplan.check import check_plan
from orgplan.errors import InfeasibleScenario
from orgplan.i18n import message
from orgplan.optimize import Progress, solve_structure
from orgplan.scenario import Method, Scenario, SolverParams

# size -> the largest gap allowed (issue 11).
MAX_GAP: dict[str, float] = {"S": 1e-9, "M": 0.005}
# size -> the wall-clock seconds that greedy and CP-SAT together may take:
# CP-SAT gets what the greedy run leaves of it, less the margin.
ROW_BUDGET: dict[str, float] = {"L": 600.0}
# CP-SAT/greedy above this counts as worse (float noise aside).
WORSE = 1 + 1e-9


def margin(limit: float) -> float:
    """Seconds a solve may run past its time limit: 5 s or 5%."""
    return max(5.0, 0.05 * limit)


def has_mip() -> bool:
    """Whether this orgplan offers ``method="mip"`` (issue 11)."""
    return "mip" in typing.get_args(Method)


@dataclass
class Row:
    """The measurements of one instance (times in wall-clock seconds)."""

    size: str
    units: int
    staff: int
    limit: float
    variables: int = 0
    status: str = ""
    objective: float | None = None
    bound: float | None = None
    gap: float | None = None
    first_s: float | None = None
    cpsat_s: float = 0.0
    greedy: float | None = None
    greedy_s: float = 0.0
    mip_bound: float | None = None
    row_s: float = 0.0
    peak_mb: float = 0.0
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
    decompose: str = "auto",
    greedy_too: bool = True,
    mip: bool = False,
) -> Row:
    """Generate and solve one instance (run in a process of its own)."""
    started = time.perf_counter()
    instance = generate(size, seed)
    org = instance.organisation
    row = Row(size, len(org.units), sum(u.actual for u in org.units), seconds)

    def scenario(limit: float) -> Scenario:
        solver = SolverParams(
            time_limit_s=limit, workers=workers, seed=seed, decompose=decompose
        )
        return instance.scenario.model_copy(update={"solver": solver})

    rulebook = instance.scenario.rulebook()
    try:
        if greedy_too:
            # Under a row budget the baseline gets a third of it, so that
            # CP-SAT (whose own warm start is the same greedy) gets the
            # rest; a baseline stopped before it met the targets is a
            # column without a plan, not an infeasible row.
            alone = seconds
            if size in ROW_BUDGET:
                alone = min(seconds, ROW_BUDGET[size] / 3)
            start = time.perf_counter()
            try:
                greedy = solve_structure(
                    org, scenario(alone), rulebook, method="greedy"
                )
                row.greedy = greedy.plan.objective
            except InfeasibleScenario:
                if size not in ROW_BUDGET:
                    raise
                row.notes.append(f"greedy alone: no plan in {alone:.0f} s")
            row.greedy_s = time.perf_counter() - start
        if size in ROW_BUDGET:
            left = ROW_BUDGET[size] - row.greedy_s
            # At least a second, so that a slow greedy still gets a plan
            # (and the row is reported over budget).
            row.limit = max(1.0, min(seconds, left - margin(left)))
        firsts: list[float] = []

        def report(progress: Progress) -> None:
            # Reports may come before any plan (a phase, the clock).
            if getattr(progress, "objective", None) is not None:
                firsts.append(time.perf_counter() - start)

        start = time.perf_counter()
        result = solve_structure(
            org, scenario(row.limit), rulebook, method="cpsat", progress=report
        )
        row.cpsat_s = time.perf_counter() - start
        if mip:
            bounded = solve_structure(
                org, scenario(row.limit), rulebook, method="mip"
            )
            row.mip_bound = bounded.plan.bound
    except InfeasibleScenario as error:
        row.status = "infeasible"
        row.misses.append(str(error).splitlines()[1].strip())
        return _finish(row, started)
    plan = result.plan
    row.variables = result.num_variables
    row.status = plan.status.value
    row.objective, row.bound, row.gap = plan.objective, plan.bound, plan.gap
    row.first_s = firsts[0] if firsts else None
    # Notes may be catalogue messages: in English words here.
    row.notes = [message(n) for n in plan.notes]
    if plan.objective is not None:
        errors = [
            v
            for v in check_plan(org, scenario(row.limit), plan)
            if v.severity == "error"
        ]
        row.errors = len(errors)
        row.broken = sorted({v.rule for v in errors})
    return _finish(row, started)


def _finish(row: Row, started: float) -> Row:
    row.row_s = time.perf_counter() - started
    # ru_maxrss is in KiB on Linux; the process is this instance's alone.
    row.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    row.misses += misses(row)
    return row


def misses(row: Row) -> list[str]:
    """The targets ``row`` misses, in words."""
    out = []
    if row.status not in ("optimal", "feasible"):
        out.append(f"status {row.status}")
    if row.errors:
        out.append(f"{row.errors} check_plan errors ({', '.join(row.broken)})")
    ratio = row.ratio
    if ratio is not None and ratio > WORSE:
        out.append("CP-SAT worse than greedy")
    if row.cpsat_s > row.limit + margin(row.limit):
        out.append(f"over {row.limit:g} s + {margin(row.limit):g} s")
    max_gap = MAX_GAP.get(row.size)
    if max_gap is not None and (row.gap is None or row.gap > max_gap):
        out.append(
            f"gap above {max_gap:.1%}" if max_gap > 1e-6 else "not optimal"
        )
    budget = ROW_BUDGET.get(row.size)
    if budget is not None and row.greedy_s + row.cpsat_s > budget:
        out.append(f"greedy + CP-SAT over {budget:g} s")
    if budget is not None and row.bound is None:
        out.append("no bound")
    return out
