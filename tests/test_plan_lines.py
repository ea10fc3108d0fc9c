"""The terminal's summary of a plan says why its gap is not 0."""

from __future__ import annotations

import pytest

from orgplan.commands.planning import plan_lines
from orgplan.plan import Plan, Result, SolveStatus


def _result(status: SolveStatus, bound: float | None) -> Result:
    gap = None if bound is None else (100.0 - bound) / 100.0
    plan = Plan(
        scenario="t",
        status=status,
        method="cpsat",
        objective=100.0,
        bound=bound,
        gap=gap,
        solve_seconds=1.0,
    )
    return Result(plan=plan)


@pytest.mark.parametrize(
    ("lang", "stopped", "bound"),
    [
        ("en", "stopped at its time limit", "no plan can score below 99"),
        ("vi", "dừng khi hết thời gian", "không phương án nào đạt dưới 99"),
    ],
)
def test_a_feasible_plan_says_what_its_gap_means(
    lang: str, stopped: str, bound: str
) -> None:
    text = "\n".join(plan_lines(_result(SolveStatus.FEASIBLE, 99.0), lang))
    assert stopped in text
    assert bound in text


def test_an_optimal_plan_needs_no_explanation() -> None:
    lines = plan_lines(_result(SolveStatus.OPTIMAL, 100.0), "en")
    assert not any("time limit" in line for line in lines)


def test_a_plan_without_a_bound_says_so() -> None:
    text = "\n".join(plan_lines(_result(SolveStatus.FEASIBLE, None), "en"))
    assert "gives no bound" in text
