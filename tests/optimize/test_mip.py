"""``method="mip"``: the CP-SAT model as a MIP for HiGHS."""

from __future__ import annotations

import pytest
from orgs import assert_checked, scenario, solve, synthetic

from orgplan.plan import SolveStatus

pytest.importorskip("highspy")

DIVISIONS = {"kinds": ["division"]}


def test_mip_finds_the_cpsat_optimum_and_a_valid_bound() -> None:
    org = synthetic(parents=3, children=5, seed=4)
    sc = scenario(scope=DIVISIONS)
    cpsat = solve(org, sc).plan
    assert cpsat.status == SolveStatus.OPTIMAL
    mip = solve(org, sc, method="mip").plan
    assert mip.method == "mip"
    assert mip.bound is not None and cpsat.objective is not None
    # A lower bound on every plan, CP-SAT's optimum included.
    assert mip.bound <= cpsat.objective + 0.05
    assert mip.objective is not None
    # The same model: HiGHS proves the same optimum (up to the rounding
    # of incoherence costs and HiGHS's relative gap of 1e-4).
    assert mip.objective == pytest.approx(cpsat.objective, rel=2e-4, abs=0.05)
    assert_checked(org, sc, mip)
