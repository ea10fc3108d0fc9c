"""Wiring of finished pieces into ``orgplan plan``: CP-SAT's plans named
by the naming rules, a territorial plan's notes, the report's weak
spots and map."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_territory_plan import _grid, _scenario

from orgplan.io import open_scenario
from orgplan.planner import solve
from orgplan.scenario import Scenario

SCENARIOS = Path(__file__).parent.parent / "scenarios"


def _fast(scenario: Scenario, **update: object) -> Scenario:
    solver = scenario.solver.model_copy(update={"time_limit_s": 4})
    return scenario.model_copy(update={"solver": solver, **update})


@pytest.mark.slow
def test_cpsat_plans_follow_the_naming_rules() -> None:
    # SKHDT and STC must merge; the entry names the merger after a
    # department kept as it is (SNV, locked here), and VP-UBND is
    # locked, so its entry cannot be used. CP-SAT's plan must neither
    # share a name with SNV nor drop the entry silently.
    org, scenario = open_scenario(SCENARIOS / "province-small")
    names = {"SKHDT": "Sở Nội vụ", "VP-UBND": "Văn phòng mới"}
    locks = (*scenario.locks, "SNV")
    scenario = _fast(scenario, names=names, locks=locks)
    plan = solve(org, scenario, method="cpsat").plan
    assert plan.method == "cpsat"
    after = [u for u in plan.units_after if u.parent == "HS-TINH"]
    assert after, "the departments after the plan"
    shared = [u.name for u in after]
    assert len(shared) == len(set(shared)), shared
    merged = next(m for m in plan.merges if "STC" in m.members)
    assert merged.name.startswith("Sở Nội vụ (")
    assert any("Sở Nội vụ" in n and "share" in n for n in plan.notes)
    assert any("names.VP-UBND" in n for n in plan.notes)
    # Not a territorial merger: no territorial summary among the notes.
    assert not any("Territorial merger" in n for n in plan.notes)


def test_a_territorial_plan_notes_its_summary() -> None:
    # Six communes on a grid, four after: the summary counts them.
    org = _grid()
    scenario = _scenario({"commune": 4}, {"commune": 4})
    plan = solve(org, scenario).plan
    summary = [n for n in plan.notes if n.startswith("Territorial merger")]
    assert len(summary) == 1
    assert "commune 4" in summary[0]
    assert "every new unit is connected" in summary[0]
