"""The same model as a MIP for HiGHS (``method="mip"``, extra ``mip``).

The CP-SAT model of :mod:`orgplan.optimize.model` is translated from its
proto, constraint by constraint, into a mixed-integer linear program:
linear constraints as they are, Boolean clauses as sums of literals, an
enforced constraint by a big-M from the variables' bounds, and
``target = max(exprs)`` (the model's min, max and abs equalities) by one
selector per expression. Domains with holes are taken as their hull, so
the MIP is a relaxation of the CP-SAT model or equal to it: its LP bound
and its MIP dual bound are valid lower bounds on every plan's objective
(docs/formulation.md). A constraint kind the translation does not know
is left out (counted in :attr:`MipModel.dropped`), which only weakens
the bound.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from orgplan.model import Organisation
from orgplan.optimize.candidates import Candidates
from orgplan.optimize.decode import decode
from orgplan.optimize.model import SCALE, build_model
from orgplan.optimize.progress import Run, relative_gap
from orgplan.optimize.warm import fixed_copy
from orgplan.plan import Plan, Result, SolveStatus
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario

if TYPE_CHECKING:
    from orgplan.optimize.cpsat import Settings

# Rows and columns as plain lists; HiGHS gets them once, row-wise.
Row = tuple[dict[int, float], float, float]


@dataclass
class MipModel:
    """A MIP built from a CP-SAT model proto."""

    lower: list[float]
    upper: list[float]
    cost: list[float]
    offset: float
    scale: float
    rows: list[Row] = field(default_factory=list)
    dropped: int = 0

    def literal(self, lit: int) -> tuple[dict[int, float], float]:
        """A literal as ``(coefficients, constant)``: ``x`` or ``1 - x``."""
        if lit >= 0:
            return {lit: 1.0}, 0.0
        return {-lit - 1: -1.0}, 1.0

    def span(self, coeffs: dict[int, float]) -> tuple[float, float]:
        """The least and greatest value of ``Σ c x`` over the bounds."""
        low = high = 0.0
        for var, c in coeffs.items():
            a, b = c * self.lower[var], c * self.upper[var]
            low += min(a, b)
            high += max(a, b)
        return low, high

    def add(
        self,
        coeffs: dict[int, float],
        low: float,
        high: float,
        enforce: list[int] = (),  # type: ignore[assignment]
    ) -> None:
        """``low <= Σ c x <= high``, when every ``enforce`` literal holds.

        Enforced rows are relaxed by a big-M from the bounds when a
        literal is false: ``Σ c x >= low - (low - min) * Σ (1 - e)``.
        """
        if not enforce:
            self.rows.append((coeffs, low, high))
            return
        least, most = self.span(coeffs)
        slack: dict[int, float] = {}
        count = 0.0
        for e in enforce:
            lin, const = self.literal(e)
            # 1 - e, as coefficients and a constant.
            count += 1.0 - const
            for var, c in lin.items():
                slack[var] = slack.get(var, 0.0) - c
        if low > least:
            m = low - least
            row = dict(coeffs)
            for var, c in slack.items():
                row[var] = row.get(var, 0.0) + m * c
            self.rows.append((row, low - m * count, float("inf")))
        if high < most:
            m = most - high
            row = dict(coeffs)
            for var, c in slack.items():
                row[var] = row.get(var, 0.0) - m * c
            self.rows.append((row, float("-inf"), high + m * count))

    def new_binary(self) -> int:
        self.lower.append(0.0)
        self.upper.append(1.0)
        self.cost.append(0.0)
        return len(self.lower) - 1


def from_cp_model(model: cp_model.CpModel) -> MipModel:
    """The MIP of ``model`` (see the module docstring)."""
    proto = model.proto
    lower = [float(v.domain[0]) for v in proto.variables]
    upper = [float(v.domain[len(v.domain) - 1]) for v in proto.variables]
    objective = proto.objective
    cost = [0.0] * len(lower)
    for var, c in zip(objective.vars, objective.coeffs, strict=True):
        cost[var] += float(c)
    mip = MipModel(
        lower=lower,
        upper=upper,
        cost=cost,
        offset=float(objective.offset),
        scale=float(objective.scaling_factor or 1.0),
    )
    for ct in proto.constraints:
        enforce = list(ct.enforcement_literal)
        if ct.has_linear():
            lin = ct.linear
            coeffs: dict[int, float] = {}
            for var, c in zip(lin.vars, lin.coeffs, strict=True):
                coeffs[var] = coeffs.get(var, 0.0) + float(c)
            domain = list(lin.domain)
            mip.add(coeffs, _finite(domain[0]), _finite(domain[-1]), enforce)
        elif ct.has_bool_or() or ct.has_exactly_one() or ct.has_at_most_one():
            lits = (
                ct.bool_or.literals
                if ct.has_bool_or()
                else ct.exactly_one.literals
                if ct.has_exactly_one()
                else ct.at_most_one.literals
            )
            coeffs, const = _sum(mip, list(lits))
            low = 1.0 - const if not ct.has_at_most_one() else float("-inf")
            high = 1.0 - const if not ct.has_bool_or() else float("inf")
            mip.add(coeffs, low, high, enforce)
        elif ct.has_bool_and():
            for lit in ct.bool_and.literals:
                coeffs, const = mip.literal(lit)
                mip.add(coeffs, 1.0 - const, float("inf"), enforce)
        elif ct.has_lin_max() and not enforce:
            _lin_max(mip, ct.lin_max)
        else:
            mip.dropped += 1
    return mip


def _finite(value: int) -> float:
    # CP-SAT writes an unbounded side as the extreme int64.
    if value <= cp_model.INT_MIN:
        return float("-inf")
    if value >= cp_model.INT_MAX:
        return float("inf")
    return float(value)


def _sum(mip: MipModel, lits: list[int]) -> tuple[dict[int, float], float]:
    coeffs: dict[int, float] = {}
    const = 0.0
    for lit in lits:
        lin, c = mip.literal(lit)
        const += c
        for var, a in lin.items():
            coeffs[var] = coeffs.get(var, 0.0) + a
    return coeffs, const


def _expr(expr: object) -> tuple[dict[int, float], float]:
    coeffs: dict[int, float] = {}
    for var, c in zip(expr.vars, expr.coeffs, strict=True):  # type: ignore[attr-defined]
        coeffs[var] = coeffs.get(var, 0.0) + float(c)
    return coeffs, float(expr.offset)  # type: ignore[attr-defined]


def _lin_max(mip: MipModel, ct: object) -> None:
    """``target = max(exprs)``: at least each, at most the one chosen."""
    target, t0 = _expr(ct.target)  # type: ignore[attr-defined]
    exprs = [_expr(e) for e in ct.exprs]  # type: ignore[attr-defined]
    _, t_high = mip.span(target)
    t_high += t0
    choices: dict[int, float] = {}
    for coeffs, c0 in exprs:
        # target - expr >= 0
        row = dict(target)
        for var, c in coeffs.items():
            row[var] = row.get(var, 0.0) - c
        mip.add(row, c0 - t0, float("inf"))
        if len(exprs) == 1:
            mip.add(row, float("-inf"), c0 - t0)
            continue
        b = mip.new_binary()
        choices[b] = 1.0
        low, _ = mip.span(coeffs)
        big = max(0.0, t_high - (low + c0))
        # target - expr <= M (1 - b)
        row = dict(row)
        row[b] = big
        mip.add(row, float("-inf"), c0 - t0 + big)
    if choices:
        mip.add(choices, 1.0, 1.0)


@dataclass(frozen=True)
class MipOutcome:
    """What HiGHS found: a bound and maybe a solution, in CP-SAT units
    (the proto's objective, before :data:`~orgplan.optimize.model.SCALE`).
    """

    status: str
    bound: float | None
    objective: float | None
    solution: list[float] | None


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Standard output closed: HiGHS prints its banner when created,
    before any option can silence it."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def solve_highs(
    mip: MipModel,
    seconds: float,
    *,
    relax: bool = False,
    start: list[int] | None = None,
    watch: Callable[[float], bool] | None = None,
    improved: Callable[[float, list[float]], None] | None = None,
) -> MipOutcome:
    """Solve ``mip`` (its LP relaxation with ``relax``) with HiGHS.

    ``start``: a solution of the model (every proto variable's value, as
    the warm start completes it) for HiGHS to start from and prune with.
    The objective is a sum of integers, so the search stops only when
    its gap is under one unit. ``watch`` is called as the MIP search
    runs with its dual bound (in CP-SAT units) and stops it by returning
    true (HiGHS's own time checks can lag by many seconds).
    ``improved`` is called with each better MIP solution found (its
    objective in CP-SAT units, every column), so that a search ended
    from outside still leaves its best plan.

    Raises
    ------
    ImportError
        If highspy is not installed (``pip install orgplan[mip]``).
    """
    import highspy

    lp = highspy.HighsLp()
    n = len(mip.lower)
    lp.num_col_ = n
    lp.num_row_ = len(mip.rows)
    lp.col_cost_ = mip.cost
    lp.col_lower_ = mip.lower
    lp.col_upper_ = mip.upper
    inf = highspy.kHighsInf
    lp.row_lower_ = [max(-inf, lo) for _, lo, _ in mip.rows]
    lp.row_upper_ = [min(inf, hi) for _, _, hi in mip.rows]
    lp.offset_ = mip.offset
    matrix = lp.a_matrix_
    matrix.format_ = highspy.MatrixFormat.kRowwise
    start, index, value = [0], [], []
    for coeffs, _, _ in mip.rows:
        for var, c in coeffs.items():
            if c:
                index.append(var)
                value.append(c)
        start.append(len(index))
    matrix.start_ = start
    matrix.index_ = index
    matrix.value_ = value
    matrix.num_col_ = n
    matrix.num_row_ = len(mip.rows)
    if not relax:
        lp.integrality_ = [highspy.HighsVarType.kInteger] * n
    with _quiet():
        h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", max(0.1, seconds))
    h.setOptionValue("threads", 1)
    if not relax:
        h.setOptionValue("mip_rel_gap", 0.0)
        h.setOptionValue("mip_abs_gap", 0.5)
    h.passModel(lp)
    if start is not None and not relax:
        import numpy as np

        # The model's variables only: HiGHS completes the selectors of
        # the translated maxima itself.
        given = min(len(start), n)
        h.setSolution(
            given,
            np.arange(given, dtype=np.int32),
            np.asarray(start[:given], dtype=np.float64),
        )
    if watch is not None:

        def interrupt(event: highspy.HighsCallbackEvent) -> None:
            bound = getattr(event.data_out, "mip_dual_bound", None)
            if watch(-inf if bound is None else bound * mip.scale):
                event.interrupt()

        h.cbMipInterrupt += interrupt
        h.cbSimplexInterrupt += interrupt
    if improved is not None:

        def improving(event: highspy.HighsCallbackEvent) -> None:
            out = event.data_out
            improved(
                out.objective_function_value * mip.scale,
                list(out.mip_solution)[:n],
            )

        h.cbMipImprovingSolution += improving
    h.run()
    status = h.modelStatusToString(h.getModelStatus())
    info = h.getInfo()
    has_solution = info.primal_solution_status == 2
    objective = info.objective_function_value if has_solution else None
    if relax:
        optimal = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
        bound = objective if optimal else None
    else:
        bound = info.mip_dual_bound
        if bound is None or abs(bound) == inf:
            bound = None
    solution = list(h.getSolution().col_value)[:n] if has_solution else None
    scale = mip.scale
    return MipOutcome(
        status=status,
        bound=None if bound is None else bound * scale,
        objective=None if objective is None else objective * scale,
        solution=solution,
    )


def solve_mip(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    cand: Candidates,
    settings: Settings,
    run: Run,
) -> Result:
    """The structure model solved as a MIP by HiGHS (``method="mip"``).

    The plan is HiGHS's best solution, read back through CP-SAT with its
    decisions fixed (so that every quantity is the model's exact one);
    its bound is HiGHS's dual bound, or the LP relaxation's when the MIP
    search ends without one. Without a MIP solution the plan is empty of
    decisions (status ``no_solution``) and only the bound is reported.

    Raises
    ------
    ImportError
        If highspy is not installed (``pip install orgplan[mip]``).
    """
    started = time.perf_counter()
    run.enter("model")
    built = build_model(org, scenario, rulebook, cand)
    mip = from_cp_model(built.model)
    run.enter("search")
    seconds = max(0.1, settings.time_limit_s - (time.perf_counter() - started))
    outcome = solve_highs(mip, seconds)
    bound = outcome.bound
    if bound is None:
        relaxed = solve_highs(mip, max(0.1, run.left()), relax=True)
        bound = relaxed.bound
    stats = {
        "num_variables": len(built.model.proto.variables),
        "num_constraints": len(built.model.proto.constraints),
        "stopped_early": run.stopped.is_set(),
    }
    base = Plan(
        scenario=scenario.name,
        status=SolveStatus.NO_SOLUTION,
        method="mip",
        mode=settings.mode,
        bound=None if bound is None else round(bound / SCALE, 4),
        solve_seconds=round(time.perf_counter() - started, 3),
        seed=settings.seed,
        workers=1,
        notes=(
            {
                "key": "note_highs",
                "status": outcome.status,
                "dropped": mip.dropped,
            },
        ),
    )
    if outcome.solution is None:
        return Result(plan=base, **stats)
    values = {
        var.index: round(outcome.solution[var.index])
        for var in (
            *built.x.values(),
            *built.folds.values(),
            *built.splits.values(),
        )
    }
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = max(1.0, run.left())
    status = solver.solve(fixed_copy(built, values))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Result(plan=base, **stats)
    run.enter("decode")
    plan = decode(org, scenario, rulebook, cand, built, solver)
    gap = None
    if base.bound is not None and plan.objective is not None:
        gap = round(relative_gap(plan.objective, base.bound), 6)
    plan = plan.model_copy(
        update={
            "status": SolveStatus.FEASIBLE,
            "method": "mip",
            "mode": base.mode,
            "bound": base.bound,
            "gap": gap,
            "solve_seconds": base.solve_seconds,
            "seed": base.seed,
            "workers": 1,
            "notes": base.notes,
        }
    )
    return Result(plan=plan, **stats)
