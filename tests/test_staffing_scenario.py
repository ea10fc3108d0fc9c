"""The bundled commune-staffing scenario: Ha Tinh's imbalance, rebalanced."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_staffing import empty_plan

import orgplan
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.scenario import Scenario
from orgplan.staffing import plan_staffing

FOLDER = Path(__file__).parent.parent / "scenarios" / "commune-staffing"


@pytest.fixture(scope="module")
def communes() -> tuple[Organisation, Scenario, Plan]:
    org, scenario = orgplan.io.open_scenario(FOLDER)
    plan = plan_staffing(org, scenario, scenario.rulebook(), empty_plan())
    return org, scenario, plan


def test_data_has_the_reported_totals(
    communes: tuple[Organisation, Scenario, Plan],
) -> None:
    org, _, _ = communes
    rows = [u for u in org.units if u.kind in ("commune", "ward")]
    assert len(rows) == 69
    assert sum(u.quota for u in rows) == 2554
    assert sum(u.actual for u in rows) == 2697
    assert sum(u.actual > u.quota for u in rows) == 41
    assert sum(u.actual < u.quota for u in rows) == 21
    named = {u.name: u.actual - u.quota for u in rows}
    assert named["Xã Nghi Xuân"] == 19
    assert named["Phường Sông Trí"] == 18
    assert named["Xã Can Lộc"] == -8
    assert len(org.staff) == 2697


def test_transfers_shrink_the_imbalance_between_neighbours_only(
    communes: tuple[Organisation, Scenario, Plan],
) -> None:
    org, _, plan = communes
    before = sum(abs(u.actual - u.quota) for u in org.units)
    after = sum(b.surplus_after + b.deficit_after for b in plan.balance)
    assert after < before
    assert plan.transfers
    locality = {u.id: u.locality for u in org.units}
    neighbours = {loc.id: set(loc.neighbours) for loc in org.localities}
    for t in plan.transfers:
        a, b = locality[t.from_], locality[t.to]
        assert b in neighbours[a] or a in neighbours[b]
        assert t.hops == 1
    sent: dict[str, int] = {}
    for t in plan.transfers:
        sent[t.from_] = sent.get(t.from_, 0) + t.count
    assert max(sent.values()) <= 10


def test_the_rest_of_the_surplus_leaves_under_decree_178(
    communes: tuple[Organisation, Scenario, Plan],
) -> None:
    org, _, plan = communes
    surplus = sum(u.surplus for u in org.units)
    moved = sum(t.count for t in plan.transfers)
    separated = sum(s.count for s in plan.separations)
    assert moved + separated == surplus
    assert all(b.surplus_after == 0 for b in plan.balance)
    assert {s.policy for s in plan.separations} <= {
        "early-retirement",
        "resignation",
        "retirement",
    }
    assert all(s.cost and s.cost > 0 for s in plan.separations)
    assert len(plan.movers) == moved + separated


def test_generator_rebuilds_the_same_data(tmp_path: Path) -> None:
    script = FOLDER / "make_data.py"
    copy = tmp_path / "make_data.py"
    copy.write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([sys.executable, str(copy)], check=True)
    for name in ("units.csv", "localities.csv", "staff.csv"):
        fresh = (tmp_path / "data" / name).read_bytes()
        assert fresh == (FOLDER / "data" / name).read_bytes(), name
