"""Wiring of finished pieces into ``orgplan plan``: CP-SAT's plans named
by the naming rules, a territorial plan's notes, the report's weak
spots and map."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from test_report import scenario as province_scenario
from test_territory_plan import _grid, _plan, _scenario
from view_fixtures import province, reform_plan

from orgplan.i18n import message, t
from orgplan.io import open_scenario
from orgplan.plan import Merge
from orgplan.planner import solve
from orgplan.report import report_html, write_report
from orgplan.scenario import Scenario
from orgplan.territory.summary import write_territory_map
from orgplan.weakspots import plan_weak_spots

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
    notes = [message(n) for n in plan.notes]
    assert any("Sở Nội vụ" in n and "share" in n for n in notes)
    assert any("names.VP-UBND" in n for n in map(message, plan.notes))
    # Not a territorial merger: no territorial summary among the notes.
    assert not any("Territorial merger" in n for n in map(message, plan.notes))


def test_a_territorial_plan_notes_its_summary() -> None:
    # Six communes on a grid, four after: the summary counts them.
    org = _grid()
    scenario = _scenario({"commune": 4}, {"commune": 4})
    plan = solve(org, scenario).plan
    notes = [message(n) for n in plan.notes]
    summary = [n for n in notes if n.startswith("Territorial merger")]
    assert len(summary) == 1
    assert "commune 4" in summary[0]
    assert "every new unit is connected" in summary[0]


def _text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_report_lists_the_plans_weak_spots(lang: str) -> None:
    org, scenario, plan = province(), province_scenario(), reform_plan()
    spots = plan_weak_spots(org, scenario, plan)
    assert spots, "the fixture's plan merges unrelated departments"
    page = report_html(org, scenario, plan, lang)  # type: ignore[arg-type]
    section = page.split('<section id="weak-spots">')[1].split("</section>")
    text = _text(section[0])
    assert t("report_weak_spots", lang) in text
    for spot in spots:
        assert spot.text(lang) in text  # type: ignore[arg-type]
    # No territorial map without a territorial plan.
    assert '<section id="map">' not in page


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_territorial_weights_are_named_in_words(lang: str) -> None:
    org, plan = province(), reform_plan()
    page = report_html(org, province_scenario(), plan, lang)  # type: ignore[arg-type]
    for key in ("compactness", "district_crossings", "standard_gap"):
        assert f"weight_{key}" not in page
        assert t(f"weight_{key}", lang) in _text(page)  # type: ignore[arg-type]


def test_the_report_embeds_the_territorial_map(tmp_path: Path) -> None:
    org = _grid()
    scenario = _scenario({}, {})
    plan = _plan((Merge(into="c00", members=("c00", "c10"), name="Xã A"),))
    assert write_territory_map(org, scenario, plan, tmp_path)
    page = write_report(org, scenario, plan, tmp_path, lang="vi").read_text(
        encoding="utf-8"
    )
    section = page.split('<section id="map">')[1].split("</section>")[0]
    assert t("report_map", "vi") in section
    assert 'href="map.svg"' in section
    assert "<svg" in section and "<?xml" not in section
