"""Splits of a unit with children: the divisions follow their functions.

docs/semantics.md sections 1-2 and 5: the 2025 pattern of a department
dissolved among the three or four siblings whose mandates hold its work
(Labour-Invalids-Social Affairs), its divisions moving with the functions
they serve and its office going to the largest receiver.
"""

from __future__ import annotations

from pathlib import Path

from orgs import assert_checked, organisation, scenario, solve, unit

from orgplan.check import check_plan
from orgplan.io import load_scenario, read_organisation
from orgplan.model import Organisation, Unit
from orgplan.optimize.candidates import find_candidates
from orgplan.plan import Plan, SolveStatus, Split, SplitPart
from orgplan.semantics.after import apply_structure

PROVINCE_2025 = Path(__file__).parents[2] / "scenarios" / "province-2025"


def province() -> Organisation:
    """Labour (with divisions) and three departments holding its work."""

    def dept(uid: str, functions: str, deputies: int = 2) -> Unit:
        return unit(uid, "department", "P", functions, 6, deputies=deputies)

    def div(uid: str, parent: str, functions: str) -> Unit:
        return unit(uid, "division", parent, functions, 6, deputies=0)

    units = (
        unit("P", "province", None, quota=0, deputies=0),
        dept("LAB", "lab.jobs lab.skills lab.care"),
        div("LAB-VP", "LAB", "lab.office.vp"),
        div("LAB-JOBS", "LAB", "lab.jobs.div"),
        div("LAB-SKILLS", "LAB", "lab.skills.div"),
        div("LAB-CARE", "LAB", "lab.care.div"),
        dept("HOME", "home.wages home.org"),
        div("HOME-VP", "HOME", "home.office.vp"),
        div("HOME-ORG", "HOME", "home.org.div"),
        dept("EDU", "edu.continuing edu.school"),
        div("EDU-SCH", "EDU", "edu.school.div"),
        dept("HEALTH", "health.population health.medical"),
        div("HEALTH-MED", "HEALTH", "health.medical.div"),
    )
    taxonomy = (
        "lab lab.jobs:home.wages lab.skills:edu.continuing "
        "lab.care:health.population lab.office:lab lab.office.vp:lab.office "
        "lab.jobs.div:lab.jobs lab.skills.div:lab.skills "
        "lab.care.div:lab.care home home.wages:home home.org:home "
        "home.office:home home.office.vp:home.office home.org.div:home.org "
        "edu edu.continuing:edu edu.school:edu edu.school.div:edu.school "
        "health health.population:health health.medical:health "
        "health.medical.div:health.medical"
    )
    return organisation(*units, taxonomy=taxonomy)


def test_labours_divisions_follow_their_functions() -> None:
    org = province()
    sc = scenario(
        scope={"kinds": ["department", "division"]},
        targets={"max_units": {"department": 3}},
    )
    plan = solve(org, sc).plan
    (split,) = plan.splits
    assert split.unit == "LAB"
    moved = {c: p.to for p in split.parts for c in p.children}
    assert moved == {
        "LAB-JOBS": "HOME",
        "LAB-SKILLS": "EDU",
        "LAB-CARE": "HEALTH",
        # The office goes to the largest part, Home Affairs'.
        "LAB-VP": "HOME",
    }
    after = apply_structure(org, plan)
    for child, receiver in moved.items():
        if child in after.unit_by_id:
            assert after.unit(child).parent == receiver
    assert sum(u.actual for u in after.units) == sum(
        u.actual for u in org.units
    )
    assert_checked(org, sc, plan)


def test_labour_of_2025_has_its_real_receivers() -> None:
    sc = load_scenario(PROVINCE_2025 / "scenario.yaml")
    org = read_organisation(sc.data)
    cand = find_candidates(org, sc, sc.rulebook())
    (option,) = cand.splits["SLDTBXH"]
    routes = {c: p.to for p in option.parts for c in p.children}
    assert {p.to for p in option.parts} == {"SNV", "SGDDT", "SYT", "SNNPTNT"}
    assert routes["SLDTBXH-GDNN"] == routes["SLDTBXH-CDN"] == "SGDDT"
    assert routes["SLDTBXH-TEBDG"] == "SYT"
    assert routes["SLDTBXH-BTXH"] == "SNNPTNT"
    assert routes["SLDTBXH-VP"] == routes["SLDTBXH-TTR"] == "SNV"
    # Work shared by two departments is a merge, not a split; Home
    # Affairs' own work belongs to no other department.
    assert "BDT" not in cand.splits and "SNV" not in cand.splits


def test_a_split_may_move_only_its_own_children() -> None:
    org = province()
    sc = scenario(scope={"kinds": ["department", "division"]})
    plan = Plan(
        scenario="test",
        status=SolveStatus.FEASIBLE,
        splits=(
            Split(
                unit="LAB",
                parts=(
                    SplitPart(
                        to="HOME",
                        functions=("lab.jobs", "lab.care"),
                        staff=4,
                        children=("LAB-JOBS", "EDU-SCH"),
                    ),
                    SplitPart(
                        to="EDU",
                        functions=("lab.skills",),
                        staff=2,
                        children=("LAB-JOBS",),
                    ),
                ),
            ),
        ),
    )
    found = [
        v for v in check_plan(org, sc, plan) if v.rule == "split_children"
    ]
    # EDU-SCH is not Labour's; LAB-JOBS goes to two receivers.
    assert len(found) == 2 and {v.unit for v in found} == {"LAB"}
    words = " ".join(v.message for v in found)
    assert "EDU-SCH" in words and "LAB-JOBS" in words
