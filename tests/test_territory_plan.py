"""Territorial mergers through the project's optimiser and checker.

Exact counts per kind (``targets.min_units`` with ``max_units``), the kind
of a new unit by rule (a ward when mostly urban), connected groups and the
standards listed by ``check_plan``.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from docx import Document

from orgplan.check import check_plan
from orgplan.errors import InfeasibleScenario
from orgplan.i18n import message
from orgplan.io.organisation import open_scenario
from orgplan.model import Locality, Organisation, Unit
from orgplan.optimize import solve_structure
from orgplan.optimize.reasons import merge_reasons
from orgplan.plan import Merge, Plan
from orgplan.planner import solve
from orgplan.proposal import write_proposal
from orgplan.scenario import Scenario
from orgplan.semantics.after import apply_structure
from orgplan.semantics.targets import shortfalls
from orgplan.territory.plan_terms import plan_standard_gap
from orgplan.territory.summary import (
    territory_notes,
    territory_summary,
    write_territory_map,
)

SCENARIOS = Path(__file__).parent.parent / "scenarios"


def _grid(
    width: int = 3, height: int = 2, urban: str = "", ward_people: int = 9000
) -> Organisation:
    """A width x height grid of communes (rook neighbours) in one
    district; the ids in ``urban`` are wards of ``ward_people``."""
    ids = [f"c{i}{j}" for j in range(height) for i in range(width)]
    localities = [
        Locality(id="P", name="Tỉnh P", level="province", terrain="plain"),
        Locality(id="D", name="Huyện Đông", level="district", parent="P"),
    ]
    units = [Unit(id="root", name="UBND", kind="province", level="province")]
    for uid in ids:
        i, j = int(uid[1]), int(uid[2])
        near = [
            f"c{a}{b}"
            for a, b in ((i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1))
            if 0 <= a < width and 0 <= b < height
        ]
        ward = uid in urban.split()
        localities.append(
            Locality(
                id=uid,
                name=f"Xã {uid}",
                level="commune",
                parent="D",
                population=ward_people if ward else 3000,
                area_km2=5 if ward else 40,
                terrain="urban" if ward else "plain",
                neighbours=tuple(near),
                lat=21.0 + 0.05 * j,
                lon=106.0 + 0.05 * i,
            )
        )
        units.append(
            Unit(
                id=uid,
                name=("Phường " if ward else "Xã ") + uid,
                kind="ward" if ward else "commune",
                level="commune",
                locality=uid,
                parent="root",
                quota=20,
                actual=20,
                heads=1,
                deputies=1,
            )
        )
    return Organisation(units=tuple(units), localities=tuple(localities))


def _scenario(
    least: dict[str, int], most: dict[str, int], **more: object
) -> Scenario:
    return Scenario.model_validate(
        {
            "name": "Sáp nhập xã",
            "data": Path("data"),
            "scope": {
                "kinds": ["commune", "ward"],
                "merge_within": "adjacent",
                "max_group_size": 4,
            },
            "targets": {"min_units": least, "max_units": most},
            "solver": {"time_limit_s": 5, "workers": 2},
            **more,
        }
    )


def _plan(merges: tuple[Merge, ...]) -> Plan:
    return Plan(scenario="x", status="feasible", merges=merges)


def _kinds(org: Organisation, plan: Plan, scenario: Scenario) -> Counter:
    after = apply_structure(org, plan, scenario.rulebook())
    return Counter(u.kind for u in after.units if u.kind != "province")


def test_min_units_is_a_shortfall_of_the_organisation_after() -> None:
    org = _grid()
    scenario = _scenario({"commune": 3}, {"commune": 3})
    merges = [
        Merge(into="c00", members=("c00", "c10", "c20"), name="Xã A"),
        Merge(into="c01", members=("c01", "c11", "c21"), name="Xã B"),
    ]
    plan = _plan(tuple(merges))
    after = apply_structure(org, plan, scenario.rulebook())
    found = shortfalls(org, scenario, scenario.rulebook(), after)
    assert [(s.rule, s.amount) for s in found] == [("min_units", 1)]
    rules = {v.rule for v in check_plan(org, scenario, plan)}
    assert "min_units" in rules


def test_the_optimiser_meets_an_exact_count_it_would_undershoot() -> None:
    # Weights under which every merge pays (fewer focal points, no cost
    # for unrelated functions or distance): with max_units alone six
    # communes become three; min_units holds them at exactly four.
    org = _grid()
    rules = _scenario({}, {}).rulebook()
    off = {
        "weights": {
            "incoherence": 0,
            "compactness": 0,
            "district_crossings": 0,
            "standard_gap": 0,
        }
    }
    alone = _scenario({}, {"commune": 4}, **off)
    plan = solve_structure(org, alone, rules).plan
    assert _kinds(org, plan, alone)["commune"] < 4
    exact = _scenario({"commune": 4}, {"commune": 4}, **off)
    plan = solve_structure(org, exact, rules).plan
    assert _kinds(org, plan, exact) == {"commune": 4}
    assert not [
        v for v in check_plan(org, exact, plan) if v.severity == "error"
    ]


def test_a_mostly_urban_merger_becomes_a_ward() -> None:
    org = _grid(urban="c00 c10")
    rules = _scenario({}, {}).rulebook()
    # Two wards (18,000 people) and a commune (3,000): mostly urban.
    merge = Merge(into="c20", members=("c00", "c10", "c20"), name="Phường")
    plan = _plan((merge,))
    after = apply_structure(org, plan, rules)
    assert after.unit("c20").kind == "ward"
    # One ward and two communes (9,000 of 15,000 people urban: 60%).
    merge = Merge(into="c01", members=("c01", "c11", "c10"), name="Xã")
    after = apply_structure(org, _plan((merge,)), rules)
    assert after.unit("c01").kind == "ward"
    # One ward and three communes: 9,000 of 18,000 people, at the share.
    merge = Merge(into="c10", members=("c10", "c11", "c21", "c20"), name="X")
    after = apply_structure(org, _plan((merge,)), rules)
    assert after.unit("c10").kind == "ward"
    # Communes only stay a commune, whatever the representative.
    merge = Merge(into="c11", members=("c11", "c21"), name="Xã")
    after = apply_structure(org, _plan((merge,)), rules)
    assert after.unit("c11").kind == "commune"
    # A ward merged with four communes (9,000 of 21,000 people urban)
    # becomes a commune.
    org = _grid(urban="c00")
    members = ("c00", "c10", "c20", "c01", "c11")
    merge = Merge(into="c00", members=members, name="X")
    after = apply_structure(org, _plan((merge,)), rules)
    assert after.unit("c00").kind == "commune"


def test_the_optimiser_counts_wards_by_rule() -> None:
    # Two wards on the left column; one ward and three communes after
    # means the two wards merge together, or with one commune at most
    # (two communes would leave the group 60% urban, still a ward).
    org = _grid(urban="c00 c01")
    scenario = _scenario(
        {"commune": 3, "ward": 1}, {"commune": 3, "ward": 1}
    )
    result = solve_structure(org, scenario, scenario.rulebook())
    assert _kinds(org, result.plan, scenario) == {"commune": 3, "ward": 1}
    # The model's territorial terms are the plan's: at the optimum the
    # bound meets the objective the semantics recompute.
    assert result.plan.status == "optimal"
    assert result.plan.objective_terms["compactness"] > 0
    assert result.plan.bound == pytest.approx(result.plan.objective, abs=0.01)
    errors = [
        v for v in check_plan(org, scenario, result.plan)
        if v.severity == "error"
    ]
    assert not errors


def test_check_plan_flags_a_disconnected_group_and_lists_standards() -> None:
    org = _grid()
    scenario = _scenario({}, {})
    # c00 and c20 do not touch (c10 lies between).
    merge = Merge(into="c00", members=("c00", "c20"), name="Xã A")
    found = check_plan(org, scenario, _plan((merge,)))
    contiguity = [v for v in found if v.rule == "contiguity"]
    assert [(v.unit, v.severity) for v in contiguity] == [("c00", "error")]
    standards = {(v.rule, v.unit) for v in found if v.severity == "warning"}
    # c00 + c20: 6,000 people, 80 km² (a commune outside the mountains
    # needs 200% of 8,000 people and 100% of 30 km²): population only.
    assert ("standard.population", "c00") in standards
    assert ("standard.area_km2", "c00") not in standards


def test_a_ward_merged_into_a_rural_majority_counts_as_a_commune() -> None:
    # A ward of 2,000 people merged with a commune of 3,000 becomes a
    # commune: the optimiser counts kinds by rule, so one ward after is
    # out of reach once the ward must merge.
    org = _grid(urban="c00", ward_people=2000)
    target = {"commune": 3, "ward": 1}
    free = _scenario(target, target)
    plan = solve_structure(org, free, free.rulebook()).plan
    assert _kinds(org, plan, free) == {"commune": 3, "ward": 1}
    assert "c00" not in {m for merge in plan.merges for m in merge.members}
    bound = _scenario(target, target, must_merge=[["c00", "c10"]])
    with pytest.raises(InfeasibleScenario):
        solve_structure(org, bound, bound.rulebook())


def test_the_summary_and_the_map_of_a_territorial_plan(tmp_path: Path) -> None:
    org = _grid()
    scenario = _scenario({}, {})
    merge = Merge(into="c00", members=("c00", "c10"), name="Xã A")
    plan = _plan((merge,))
    summary = territory_summary(org, scenario, plan)
    assert summary is not None
    assert summary.kinds == {"commune": 5}
    assert summary.disconnected == 0
    assert summary.model is None  # no reference shipped beside it
    assert "commune 5" in summary.lines()[0]
    notes = territory_notes(org, scenario, plan)
    assert tuple(map(message, notes)) == tuple(summary.lines())
    assert write_territory_map(org, scenario, plan, tmp_path) == [
        tmp_path / "map.svg"
    ]
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") or "<svg" in svg[:200]
    # Not a territorial merger: no summary, no map.
    other = scenario.model_copy(
        update={"scope": scenario.scope.model_copy(update={"kinds": ()})}
    )
    assert territory_summary(org, other, plan) is None
    assert write_territory_map(org, other, plan, tmp_path / "x") == []


@pytest.mark.slow
@pytest.mark.parametrize("name", ["cao-bang", "lang-son"])
def test_a_bundled_province_plans_end_to_end(name: str) -> None:
    org, scenario = open_scenario(SCENARIOS / name)
    scenario = scenario.model_copy(
        update={
            "solver": scenario.solver.model_copy(update={"time_limit_s": 20})
        }
    )
    result = solve(org, scenario)
    plan = result.plan
    targets = scenario.targets.min_units
    assert _kinds(org, plan, scenario) == targets  # the count, exactly
    found = check_plan(org, scenario, plan)
    # Connected, staff conserved, every rule kept; standards listed.
    assert not [v for v in found if v.severity == "error"]
    summary = territory_summary(org, scenario, plan)
    assert summary is not None and summary.disconnected == 0
    assert summary.short_units == len(
        {v.unit for v in found if v.rule.startswith("standard.")}
    )
    assert summary.model is not None and summary.baseline is not None
    # The agreement reads in Vietnamese digits there (ARI 0,379).
    vietnamese = " ".join(
        message(n, "vi") for n in territory_notes(org, scenario, plan)
    )
    assert re.search(r"ARI [01],\d{3}, khớp \d+ trên \d+ nhóm", vietnamese)


def test_a_cut_of_at_most_a_fraction_holds_in_the_optimiser() -> None:
    # Every merge pays (as above): unbounded, 7 units (the province's
    # committee and six communes) become 3 (groups of 4 and 2, connected,
    # not stars); max_cut.units 0.4 allows 2 cut (floor of 2.8), 5 left.
    org = _grid()
    weights = dict.fromkeys(
        ("incoherence", "compactness", "district_crossings", "standard_gap"),
        0,
    )
    scenario = _scenario(
        {}, {}, weights=weights, targets={"max_cut": {"units": 0.4}}
    )
    free = _scenario({}, {}, weights=weights)
    plan = solve_structure(org, free, free.rulebook()).plan
    assert len(apply_structure(org, plan, free.rulebook()).units) == 3
    plan = solve_structure(org, scenario, scenario.rulebook()).plan
    after = apply_structure(org, plan, scenario.rulebook())
    assert len(after.units) == 5
    assert not [
        v for v in check_plan(org, scenario, plan) if v.severity == "error"
    ]
    # A plan cutting more is a shortfall of the checker.
    merges = (
        Merge(into="c00", members=("c00", "c10", "c20"), name="Xã A"),
        Merge(into="c01", members=("c01", "c11", "c21"), name="Xã B"),
    )
    found = [
        v for v in check_plan(org, scenario, _plan(merges))
        if v.rule == "max_cut.units"
    ]
    assert [v.amount for v in found] == [2]  # 3 units, 5 at least


def test_max_cut_below_min_cut_is_refused() -> None:
    with pytest.raises(ValueError, match=r"min_cut\.units"):
        _scenario(
            {},
            {},
            targets={"min_cut": {"units": 0.7}, "max_cut": {"units": 0.6}},
        )


def test_the_standards_gap_of_a_merge() -> None:
    org = _grid()
    rules = _scenario({}, {}).rulebook()
    # c00 + c10: 6,000 people, 80 km²; a commune outside the mountains
    # needs 16,000 and 30 km²: 62.5% of the population standard missing.
    # The four communes kept alone (3,000 people each) are units of the
    # redrawn map too: 81.25% of the population standard missing each.
    merge = Merge(into="c00", members=("c00", "c10"), name="Xã A")
    assert plan_standard_gap(org, rules, _plan((merge,))) == 62.5 + 4 * 81.25
    # Three members are exempt (Res. 76/2025); three communes stay alone.
    three = Merge(into="c00", members=("c00", "c10", "c20"), name="Xã A")
    assert plan_standard_gap(org, rules, _plan((three,))) == 3 * 81.25
    # A plan that redraws no map is not judged.
    assert plan_standard_gap(org, rules, _plan(())) == 0


def _reasons(
    org: Organisation, scenario: Scenario, members: tuple[str, ...]
) -> list[dict]:
    return list(
        merge_reasons(org, scenario, scenario.rulebook(), members, 2)
    )


def test_a_territorial_merger_is_explained_by_the_unit_it_makes() -> None:
    org = _grid()
    scenario = _scenario({}, {})
    # Two plain communes of 3,000 people and 40 km² each: a commune
    # needs 200% of the 8,000-people standard after a merger (Res.
    # 76/2025), so the pair is short of population, not of area.
    reasons = _reasons(org, scenario, ("c00", "c10"))
    keys = [r["key"] for r in reasons]
    assert "reason_not_judged" not in keys
    english = [message(r, "en") for r in reasons]
    unit = "forms one commune of 80 km² and 6,000 people from 2 old units"
    assert unit in english
    assert "its members border one another: one connected area" in english
    short = english[keys.index("reason_territory_short")]
    assert short.startswith("falls short of the standard after a merger")
    assert short.endswith("in population")
    assert "all its members were in Huyện Đông" in english
    vietnamese = [message(r, "vi") for r in reasons]
    assert (
        "hình thành một xã có diện tích 80 km² và dân số 6.000 người từ 2 "
        "đơn vị cũ"
    ) in vietnamese
    # Three old units are exempt from the standards; two communes that
    # do not border each other are not said to be connected.
    keys = [r["key"] for r in _reasons(org, scenario, ("c00", "c10", "c20"))]
    assert "reason_territory_exempt" in keys
    assert "reason_territory_short" not in keys
    keys = [r["key"] for r in _reasons(org, scenario, ("c00", "c20"))]
    assert "reason_territory_connected" not in keys


def test_communes_without_functions_are_not_flagged_as_unjudged() -> None:
    org = _grid()
    scenario = _scenario({}, {})
    merge = Merge(into="c00", members=("c00", "c10", "c20"), name="Xã A")
    rules = {v.rule for v in check_plan(org, scenario, _plan((merge,)))}
    assert "coherence.not_judged" not in rules
    # The same units merged by parent are judged by their (absent)
    # functions, and the checker says it could not.
    by_parent = scenario.model_copy(
        update={
            "scope": scenario.scope.model_copy(
                update={"merge_within": "parent"}
            )
        }
    )
    rules = {v.rule for v in check_plan(org, by_parent, _plan((merge,)))}
    assert "coherence.not_judged" in rules


def test_a_shortfall_reads_with_each_languages_digits() -> None:
    org = _grid()
    scenario = _scenario({}, {})
    merge = Merge(into="c00", members=("c00", "c10"), name="Xã A")
    (short,) = [
        v
        for v in check_plan(org, scenario, _plan((merge,)))
        if v.rule == "standard.population" and v.unit == "c00"
    ]
    assert "population 6,000 is below the standard of 16,000" in short.text()
    assert "dân số 6.000 dưới tiêu chuẩn 16.000" in short.text("vi")


def test_the_proposal_cites_the_standard_of_the_unit_a_merger_makes(
    tmp_path: Path,
) -> None:
    # Two wards and a commune become a ward (section 6a): its legal
    # basis is the ward standard, though its representative was a commune.
    org = _grid(urban="c00 c10")
    scenario = _scenario({}, {})
    merge = Merge(into="c20", members=("c20", "c00", "c10"), name="Phường")
    after = apply_structure(org, _plan((merge,)), scenario.rulebook())
    plan = Plan(
        scenario="x",
        status="feasible",
        merges=(merge,),
        units_after=after.units,
    )
    path = write_proposal(org, scenario, plan, tmp_path, lang="vi")
    rows = [
        [cell.text for cell in row.cells]
        for table in Document(str(path)).tables
        for row in table.rows
    ]
    (row,) = [r for r in rows if r[1:3] == ["hợp nhất", "Phường"]]
    assert row[-1].startswith("[F] Nghị quyết 76/2025/UBTVQH15: phường sau")
