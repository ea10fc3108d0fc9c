"""A province of 500 communes plans within its time limit on 2 cores.

The organisation is invented by ``bench/territory_bench.py`` (a 25 x 20
grid of communes with a diagonal, 25 old districts, about one in twenty a
ward): the size of a large province before 2025, to show the territorial
model scales. The timing target itself is the bench's.
"""

from __future__ import annotations

import importlib
import time
from pathlib import Path

import pytest

from orgplan.check import check_plan
from orgplan.planner import solve
from orgplan.semantics.after import apply_structure
from orgplan.territory.summary import territory_summary

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(ROOT))
        return importlib.import_module("bench.territory_bench")


@pytest.mark.slow
def test_five_hundred_communes_plan_within_the_time_limit() -> None:
    bench = _bench()
    org = bench.province()
    # The connected greedy start meets the exact counts, so CP-SAT has a
    # complete plan to improve from the first second.
    limit = 20.0
    scenario = bench.large_scenario(limit)
    target = bench.TARGET
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
