"""Plans a committee would sign: coherence as a rule (issue 10).

Two units merge only when their work is related (shared function or
function family; service units of one service type), in the CP-SAT
model, the greedy and the checker alike; ``must_merge`` groups pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from orgs import assert_checked, organisation, scenario, solve, unit

import orgplan
from orgplan.check import check_plan
from orgplan.optimize.greedy import solve_greedy
from orgplan.plan import Merge, Plan, SolveStatus
from orgplan.scenario import SolverParams
from orgplan.semantics.after import apply_structure
from orgplan.semantics.scope import judge_for

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"

# Two preschools and a primary school, each below the minimum of 15
# (public service units): only the preschools are of one service type.
SCHOOLS = organisation(
    unit("S", "department", None, "edu", 30, deputies=2),
    unit("MN1", "public_service_unit", "S", "edu.pre.a", 8, deputies=0),
    unit("MN2", "public_service_unit", "S", "edu.pre.b", 8, deputies=0),
    unit("TH1", "public_service_unit", "S", "edu.pri.a", 40, deputies=0),
    taxonomy="edu.pre:edu edu.pri:edu edu.pre.a:edu.pre edu.pre.b:edu.pre "
    "edu.pri.a:edu.pri",
)
# Finance divisions and a schools division under one department.
MIXED = organisation(
    unit("D", "department", None, "fin", 30, deputies=2),
    unit("A", "division", "D", "fin.budget", 8, deputies=0),
    unit("B", "division", "D", "fin.budget fin.tax", 8, deputies=0),
    unit("C", "division", "D", "edu.schools", 8, deputies=0),
    taxonomy="fin.budget:fin fin.tax:fin edu.schools:edu",
)


def _groups(plan: Plan) -> list[set[str]]:
    return [set(m.members) for m in plan.merges]


def _rules(org: orgplan.Organisation, sc: orgplan.Scenario, plan: Plan):
    return {v.rule for v in check_plan(org, sc, plan)}


def test_service_units_merge_only_within_their_type() -> None:
    sc = scenario(
        scope={"kinds": ["public_service_unit"], "allow_fold": False},
        targets={"max_units": {"public_service_unit": 2}},
    )
    plan = solve(SCHOOLS, sc).plan
    assert _groups(plan) == [{"MN1", "MN2"}]
    greedy = solve_greedy(SCHOOLS, sc, sc.rulebook())
    assert _groups(greedy) == [{"MN1", "MN2"}]
    judge = judge_for(SCHOOLS, sc, sc.rulebook())
    assert not judge.related("MN1", "TH1").related
    assert judge.related("MN1", "MN2").related


def test_a_target_that_needs_an_unrelated_merge_has_no_plan() -> None:
    sc = scenario(
        scope={"kinds": ["division"], "allow_fold": False},
        targets={"max_units": {"division": 1}},
    )
    with pytest.raises(orgplan.InfeasibleScenario):
        solve(MIXED, sc)
    with pytest.raises(orgplan.InfeasibleScenario):
        solve_greedy(MIXED, sc, sc.rulebook())


def test_a_group_is_related_pairwise() -> None:
    # C's schools are related to nothing else: at most the finance pair.
    sc = scenario(
        scope={"kinds": ["division"], "allow_fold": False},
        targets={"max_units": {"division": 2}},
    )
    plan = solve(MIXED, sc).plan
    assert _groups(plan) == [{"A", "B"}]


def test_the_checker_refuses_an_unrelated_merge_unless_must_merge() -> None:
    plan = Plan(
        scenario="test",
        status=SolveStatus.FEASIBLE,
        merges=(Merge(into="B", members=("B", "C"), name="Phòng B"),),
    )
    sc = scenario(scope={"kinds": ["division"], "allow_fold": False})
    assert "coherence.unrelated_merge" in _rules(MIXED, sc, plan)
    forced = scenario(
        scope={"kinds": ["division"], "allow_fold": False},
        must_merge=[["B", "C"]],
    )
    assert "coherence.unrelated_merge" not in _rules(MIXED, forced, plan)
    widened = scenario(
        scope={
            "kinds": ["division"],
            "allow_fold": False,
            "allow_pairs": [["fin", "edu"]],
        },
    )
    assert "coherence.unrelated_merge" not in _rules(MIXED, widened, plan)


def test_data_without_functions_or_sectors_plans_with_a_warning() -> None:
    org = organisation(
        unit("D", "department", None, "", 30, deputies=2),
        unit("A", "division", "D", "", 3, deputies=0),
        unit("B", "division", "D", "", 8, deputies=0),
    )
    sc = scenario(scope={"kinds": ["division"], "allow_fold": False})
    plan = solve(org, sc).plan
    assert _groups(plan) == [{"A", "B"}]
    found = [v for v in check_plan(org, sc, plan) if v.rule.startswith("coh")]
    assert [(v.rule, v.severity) for v in found] == [
        ("coherence.not_judged", "warning")
    ]


def test_a_lock_protects_the_subtree() -> None:
    org = organisation(
        unit("D", "department", None, "fin", 30, deputies=2),
        unit("A", "division", "D", "fin.a", 8, deputies=0),
        unit("B", "division", "D", "fin.b", 8, deputies=0),
        taxonomy="fin.a:fin fin.b:fin",
    )
    sc = scenario(
        scope={"kinds": ["division"], "allow_fold": False},
        locks=["D"],
        targets={"max_units": {"division": 1}},
    )
    with pytest.raises(orgplan.InfeasibleScenario):
        solve(org, sc)


REAL_PAIRS = [
    {"SKHDT", "STC"},
    {"SGTVT", "SXD"},
    {"SNNPTNT", "STNMT"},
    {"STTTT", "SKHCN"},
]


@pytest.mark.slow
def test_province_2025_with_default_weights_gives_the_2025_pairs() -> None:
    org, sc = orgplan.open_scenario(SCENARIOS / "province-2025")
    solver = SolverParams(time_limit_s=30, workers=1, seed=1,
                          reproducible=True)
    sc = sc.model_copy(update={"solver": solver})
    plan = orgplan.solve(org, sc).plan
    after = [u for u in plan.units_after if u.kind == "department"]
    assert 12 <= len(after) <= 14
    groups = _groups(plan)
    for pair in REAL_PAIRS:
        assert any(pair <= g for g in groups), pair
    # Labour-Invalids-Social Affairs is dissolved among the departments
    # that took its work in 2025, its divisions following their functions.
    (labour,) = [s for s in plan.splits if s.unit == "SLDTBXH"]
    final = {m: merge.into for merge in plan.merges for m in merge.members}
    receivers = {final.get(p.to, p.to) for p in labour.parts}
    real = {final.get(u, u) for u in ("SNV", "SGDDT", "SYT", "SNNPTNT")}
    assert receivers == real
    assert sum(len(p.children) for p in labour.parts) > 0
    judge = judge_for(org, sc, sc.rulebook())
    for group in groups:
        members = sorted(group)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                assert judge.related(a, b).related, (a, b)
    assert "coherence.unrelated_merge" not in _rules(org, sc, plan)


def test_merged_departments_keep_one_office() -> None:
    # Planning and Finance merge (a target); their offices become siblings
    # and consolidate in the same plan, the line divisions stay apart.
    org = organisation(
        unit("P", "province", None, "", 0, deputies=0),
        unit("KH", "department", "P", "plan", 20, deputies=2),
        unit("TC", "department", "P", "fin", 20, deputies=2),
        unit("KH-VP", "division", "KH", "plan.office", 6, deputies=0,
             name="Văn phòng Sở"),
        unit("KH-DT", "division", "KH", "plan.invest", 8, deputies=0),
        unit("TC-VP", "division", "TC", "fin.office", 6, deputies=0,
             name="Văn phòng Sở"),
        unit("TC-NS", "division", "TC", "fin.budget", 8, deputies=0),
        taxonomy="plan:econ fin:econ plan.office:plan plan.invest:plan "
        "fin.office:fin fin.budget:fin",
    )
    sc = scenario(
        scope={"kinds": ["department", "division"], "allow_fold": False},
        targets={"max_units": {"department": 1}},
    )
    plan = solve(org, sc).plan
    groups = _groups(plan)
    assert {"KH", "TC"} in groups
    assert {"KH-VP", "TC-VP"} in groups
    after = apply_structure(org, plan, sc.rulebook()).units
    offices = [u for u in after if u.name.startswith("Văn phòng")]
    assert len(offices) == 1
    assert not [v for v in check_plan(org, sc, plan) if v.severity == "error"]


def test_a_unit_receiving_a_fold_may_merge_into_another() -> None:
    # Each department has an undersized division with no sibling of its
    # kind: both fold. The departments merge (a target), so one of them
    # must merge away, and its folded division goes with it (folds apply
    # before merges, docs/semantics.md section 1).
    org = organisation(
        unit("P", "province", None, "", 0, deputies=0),
        unit("A", "department", "P", "econ.a econ.shared", 10, deputies=1),
        unit("B", "department", "P", "econ.b econ.shared", 8, deputies=1),
        unit("A1", "division", "A", "econ.a.one", 3, deputies=0),
        unit("B1", "division", "B", "econ.b.one", 3, deputies=0),
        taxonomy="econ.a:econ econ.b:econ econ.shared:econ "
        "econ.a.one:econ.a econ.b.one:econ.b",
    )
    sc = scenario(
        scope={"kinds": ["department", "division"], "allow_split": False},
        targets={"max_units": {"department": 1}},
    )
    plan = solve(org, sc).plan
    assert _groups(plan) == [{"A", "B"}]
    assert {(f.unit, f.into) for f in plan.flattened} == {
        ("A1", "A"),
        ("B1", "B"),
    }
    after = apply_structure(org, plan, sc.rulebook())
    (merged,) = [u for u in after.units if u.kind == "department"]
    assert merged.actual == 10 + 8 + 3 + 3
    assert_checked(org, sc, plan)


def _two_offices() -> orgplan.Organisation:
    return organisation(
        unit("P", "province", None, "", 0, deputies=0),
        unit("KH", "department", "P", "plan", 20, deputies=2),
        unit("TC", "department", "P", "fin", 20, deputies=2),
        unit("KH-VP", "division", "KH", "plan.office", 6, deputies=0,
             name="Văn phòng Sở"),
        unit("TC-VP", "division", "TC", "fin.office", 6, deputies=0,
             name="Văn phòng Sở"),
        taxonomy="plan:econ fin:econ plan.office:plan fin.office:fin",
    )


def _one_department() -> orgplan.Scenario:
    """The two departments must become one; touching a unit costs more
    than a consolidation saves, so only the rule makes the offices one."""
    return scenario(
        scope={"kinds": ["department", "division"], "allow_fold": False},
        targets={"max_units": {"department": 1}},
        weights={"disruption": 50},
    )


def test_offices_consolidate_with_their_departments_merge() -> None:
    # Touching a unit costs more than a consolidation saves, so only the
    # rule makes the offices one: they merge as part of the departments'
    # merge (2025 practice), not by the weights.
    org, sc = _two_offices(), _one_department()
    plan = solve(org, sc).plan
    assert {"KH-VP", "TC-VP"} in _groups(plan)
    assert_checked(org, sc, plan)


def test_the_greedy_consolidates_offices_too() -> None:
    # The greedy chooses merges one at a time; its last step merges the
    # offices its merges brought together, so that CP-SAT accepts its
    # plan as a warm start and never ends worse than it.
    org, sc = _two_offices(), _one_department()
    plan = solve_greedy(org, sc, sc.rulebook())
    assert {"KH-VP", "TC-VP"} in _groups(plan)
    assert "coherence.unconsolidated" not in _rules(org, sc, plan)
    assert_checked(org, sc, plan)


def test_the_checker_warns_of_offices_left_twice() -> None:
    org = _two_offices()
    sc = scenario(
        scope={"kinds": ["department", "division"], "allow_fold": False},
    )
    plan = Plan(
        scenario="test",
        status=SolveStatus.FEASIBLE,
        merges=(Merge(into="KH", members=("KH", "TC"), name="Sở KH-TC"),),
    )
    found = [
        (v.rule, v.severity, v.unit)
        for v in check_plan(org, sc, plan)
        if v.rule == "coherence.unconsolidated"
    ]
    assert found == [("coherence.unconsolidated", "warning", "KH")]
    # Divisions out of scope: the plan may not decide them, no warning.
    narrow = scenario(scope={"kinds": ["department"]})
    assert "coherence.unconsolidated" not in _rules(org, narrow, plan)


# A department whose office (4) is below the minimum of 5 and has no
# other office beside it, and a budget division of 4 with a related one.
LONE_OFFICE = organisation(
    unit("D", "department", None, "fin", 30, deputies=2),
    unit("VP", "division", "D", "fin.office", 4, deputies=0),
    unit("NS", "division", "D", "fin.budget", 4, deputies=0),
    unit("GIA", "division", "D", "fin.prices", 9, deputies=0),
    taxonomy="fin.office:fin fin.budget:fin fin.prices:fin",
)


@pytest.mark.parametrize("method", ["cpsat", "greedy"])
def test_a_lone_undersized_office_stays_with_a_warning(method: str) -> None:
    # No related sibling and no fold: merging the office with a line
    # division would be unrelated work, so it stays and is listed.
    sc = scenario(scope={"kinds": ["division"], "allow_fold": False})
    if method == "cpsat":
        plan = solve(LONE_OFFICE, sc).plan
    else:
        plan = solve_greedy(LONE_OFFICE, sc, sc.rulebook())
    assert _groups(plan) == [{"NS", "GIA"}]
    found = check_plan(LONE_OFFICE, sc, plan)
    assert not [v for v in found if v.severity == "error"]
    assert ("min_staff", "warning", "VP") in {
        (v.rule, v.severity, v.unit) for v in found
    }


def test_a_lone_undersized_office_folds_where_folds_are_allowed() -> None:
    sc = scenario(scope={"kinds": ["division"]})
    plan = solve(LONE_OFFICE, sc).plan
    assert "VP" in {f.unit for f in plan.flattened}
    assert "VP" not in {m for merge in plan.merges for m in merge.members}
    assert_checked(LONE_OFFICE, sc, plan)


def test_a_folded_sub_departments_office_joins_its_departments() -> None:
    # A chi cục of 3 (its leaders) folds into its department; its
    # administration division then sits beside the department's office
    # and, as in 2025, the two become one (docs/semantics.md section 5).
    org = organisation(
        unit("D", "department", None, "agri", 40, deputies=2),
        unit("D-VP", "division", "D", "agri.office", 8, name="Văn phòng Sở"),
        unit("D-TT", "division", "D", "agri.crops", 9),
        unit("CC", "sub_department", "D", "agri.forest", 3, deputies=1),
        unit(
            "CC-HC",
            "division",
            "CC",
            "agri.forest.admin",
            5,
            deputies=0,
            name="Phòng Hành chính - Tổng hợp",
        ),
        unit("CC-QL", "division", "CC", "agri.forest.guard", 9, deputies=0),
        taxonomy="agri.office:agri agri.crops:agri agri.forest:agri "
        "agri.forest.admin:agri.forest agri.forest.guard:agri.forest",
    )
    sc = scenario(
        scope={"kinds": ["department", "sub_department", "division"]},
        weights={"disruption": 50},
    )
    plan = solve(org, sc).plan
    assert [(f.unit, f.into) for f in plan.flattened] == [("CC", "D")]
    assert {"D-VP", "CC-HC"} in _groups(plan)
    assert "coherence.unconsolidated" not in _rules(org, sc, plan)
    assert_checked(org, sc, plan)
