"""Connected groups of any shape, the connected start, blocks and names.

A row of communes (each borders the next only) is the smallest place
where a star (every member bordering the representative) and a connected
group differ.
"""

from __future__ import annotations

from pathlib import Path

from orgplan.check import check_plan
from orgplan.model import Locality, Organisation, Unit
from orgplan.optimize import solve_structure
from orgplan.optimize.budget import budget_blocks
from orgplan.optimize.candidates import find_candidates
from orgplan.optimize.coupling import coupled
from orgplan.optimize.greedy import solve_greedy
from orgplan.plan import Merge, Plan
from orgplan.scenario import Scenario
from orgplan.semantics.after import apply_structure
from orgplan.semantics.naming import name_plan
from orgplan.territory.candidates import HOPS
from orgplan.territory.start import territorial_start


def _row(n: int, wards: str = "", township: str = "") -> Organisation:
    """``n`` communes c0..c{n-1} in a row, 5 km apart, in one district;
    ids in ``wards`` are wards, ``township`` a township (thị trấn)."""
    localities = [
        Locality(id="P", name="Tỉnh P", level="province", terrain="plain"),
        Locality(id="D", name="Huyện Hòa An", level="district", parent="P"),
    ]
    units = [Unit(id="root", name="UBND", kind="province", level="province")]
    for i in range(n):
        uid = f"c{i}"
        ward = uid in wards.split()
        localities.append(
            Locality(
                id=uid,
                name=uid,
                level="commune",
                parent="D",
                population=(12_000 if ward else 3_000) + 100 * i,
                area_km2=6 if ward else 40,
                terrain="urban" if ward else "plain",
                neighbours=tuple(
                    f"c{j}" for j in (i - 1, i + 1) if 0 <= j < n
                ),
                lat=21.0,
                lon=106.0 + 0.045 * i,
            )
        )
        prefix = (
            "Phường " if ward else "Thị trấn " if uid == township else "Xã "
        )
        units.append(
            Unit(
                id=uid,
                name=f"{prefix}{uid.upper()}",
                kind="ward" if ward else "commune",
                level="commune",
                locality=uid,
                parent="root",
                quota=20,
                actual=20 + i,
                heads=1,
                deputies=1,
            )
        )
    return Organisation(units=tuple(units), localities=tuple(localities))


def _scenario(counts: dict[str, int], size: int = 5, **more) -> Scenario:
    return Scenario.model_validate(
        {
            "name": "Dãy xã",
            "data": Path("data"),
            "scope": {
                "kinds": ["commune", "ward"],
                "merge_within": "adjacent",
                "max_group_size": size,
            },
            "targets": {"min_units": counts, "max_units": counts},
            "solver": {"time_limit_s": 5, "workers": 2},
            **more,
        }
    )


def test_units_a_few_borders_apart_may_share_a_group_either_way() -> None:
    org = _row(6)
    scenario = _scenario({"commune": 2})
    cand = find_candidates(org, scenario, scenario.rulebook())
    # Two borders away: a candidate both ways round; three: not.
    assert HOPS == 2
    assert "c2" in cand.reps["c0"] and "c0" in cand.reps["c2"]
    assert "c3" not in cand.reps["c0"] and "c0" not in cand.reps["c3"]


def test_the_optimiser_forms_a_connected_group_that_is_not_a_star() -> None:
    # Five communes into one: only a chain, whose ends are two borders
    # from its middle, can do it.
    org = _row(5)
    scenario = _scenario({"commune": 1})
    plan = solve_structure(org, scenario, scenario.rulebook()).plan
    assert [sorted(m.members) for m in plan.merges] == [
        ["c0", "c1", "c2", "c3", "c4"]
    ]
    assert plan.merges[0].into == "c2"  # the centre of the group
    found = check_plan(org, scenario, plan)
    assert not [v for v in found if v.severity == "error"]


def test_a_member_not_linked_to_its_group_is_an_error_not_a_scope_one() -> (
    None
):
    org = _row(5)
    scenario = _scenario({"commune": 4})
    broken = Plan(
        scenario="x",
        status="feasible",
        merges=(Merge(into="c0", members=("c0", "c2"), name="Xã C0"),),
    )
    rules = {v.rule for v in check_plan(org, scenario, broken)}
    assert "contiguity" in rules
    assert "merge_scope" not in rules  # two borders apart is allowed


def test_the_start_meets_exact_counts_of_communes_and_wards() -> None:
    # Three wards at one end: the start leaves exactly one ward (the
    # wards merged together) and two communes.
    org = _row(8, wards="c0 c1 c2")
    scenario = _scenario({"commune": 2, "ward": 1})
    rulebook = scenario.rulebook()
    plan = territorial_start(org, scenario, rulebook)
    assert plan is not None and plan.objective is not None
    after = apply_structure(org, plan, rulebook)
    kinds = [u.kind for u in after.units if u.kind != "province"]
    assert sorted(kinds) == ["commune", "commune", "ward"]
    assert not [
        v for v in check_plan(org, scenario, plan) if v.severity == "error"
    ]
    # The greedy baseline is this start; must pairs keep the general one.
    assert solve_greedy(org, scenario, rulebook).merges == plan.merges
    pinned = _scenario(
        {"commune": 2, "ward": 1}, must_not_merge=[["c3", "c4"]]
    )
    assert territorial_start(org, pinned, rulebook) is None


def test_count_targets_keep_the_scenario_in_one_block() -> None:
    org = _row(6)
    for targets in (
        {"min_units": {"commune": 3}},
        {"max_cut": {"units": 0.5}},
    ):
        scenario = _scenario({}).model_copy(
            update={"targets": _scenario({}).targets.model_validate(targets)}
        )
        rulebook = scenario.rulebook()
        cand = find_candidates(org, scenario, rulebook)
        assert coupled(org, scenario, rulebook, cand)
        assert budget_blocks(org, scenario, cand) == [set(cand.movable)]


def test_a_merged_commune_takes_its_township_s_district_name() -> None:
    org = _row(4, township="c1")
    plan = Plan(
        scenario="x",
        status="feasible",
        merges=(
            Merge(into="c0", members=("c0", "c1"), name="?"),
            Merge(into="c3", members=("c3", "c2"), name="?"),
        ),
    )
    named = name_plan(org, plan, {}, _scenario({}).rulebook())
    # The township's district, then the most populous member (c3).
    assert [m.name for m in named.merges] == ["Xã Hòa An", "Xã C3"]
    # A names entry of the scenario wins.
    kept = name_plan(org, plan, {"c0": "Xã Mới"}, _scenario({}).rulebook())
    assert kept.merges[0].name == "Xã Mới"
