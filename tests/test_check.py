"""check_plan: a hand-made plan breaking each rule is caught by its key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from orgplan.check import (
    check_plan,
    objective_terms,
    objective_value,
    required_cut,
)
from orgplan.model import FunctionDef, Organisation, Person, Unit
from orgplan.plan import (
    Flattening,
    Leadership,
    Merge,
    Plan,
    Separation,
    SolveStatus,
    Split,
    SplitPart,
    Transfer,
)
from orgplan.scenario import Scenario


def _unit(uid: str, kind: str, parent: str | None, **kw: Any) -> Unit:
    return Unit(
        id=uid,
        name=f"Đơn vị {uid}",
        kind=kind,
        level="province",
        parent=parent,
        locality="L1",
        **kw,
    )


# P: D1 (fin) with divisions A (12 civil servants, 2 deputies) and B
# (undersized); D2 (fin) with sub-department S and its division V (10
# civil servants); D3 (edu) locked. A has a roster of two.
ORG = Organisation(
    name="Tỉnh Kiểm",
    units=(
        _unit("P", "province", None),
        _unit("D1", "department", "P", functions=("fin",), quota=8,
              actual=8, heads=1, deputies=3),
        _unit("A", "division", "D1", functions=("fin.budget",), quota=12,
              actual=12, heads=1, deputies=2, civil_servants=12),
        _unit("B", "division", "D1", functions=("fin.prices",), quota=4,
              actual=3, heads=1, deputies=0, civil_servants=3),
        _unit("D2", "department", "P", functions=("fin", "fin.tax"),
              quota=8, actual=8, heads=1, deputies=2),
        _unit("S", "sub_department", "D2", functions=("fin.tax.audit",),
              quota=12, actual=12, heads=1, deputies=1),
        _unit("V", "division", "S", functions=("fin.tax",), quota=10,
              actual=10, heads=1, deputies=1, civil_servants=10),
        _unit("D3", "department", "P", functions=("edu",), quota=6,
              actual=6, heads=1, deputies=2),
    ),
    staff=(
        Person(id="p1", unit="A", category="civil_servant", role="head"),
        Person(id="p2", unit="A", category="civil_servant"),
    ),
    functions=(
        FunctionDef(code="fin"),
        FunctionDef(code="fin.budget", parent="fin"),
        FunctionDef(code="fin.prices", parent="fin"),
        FunctionDef(code="fin.tax", parent="fin"),
        FunctionDef(code="fin.tax.audit", parent="fin.tax"),
        FunctionDef(code="edu"),
    ),
)  # fmt: skip

BASE: dict[str, Any] = {
    "name": "kiểm tra",
    "data": Path("data"),
    "scope": {
        "kinds": ["department", "division", "sub_department"],
        "merge_within": "parent",
    },
    "locks": ["D3"],
}


def _scenario(**changes: Any) -> Scenario:
    data = {**BASE, **changes}
    return Scenario.model_validate(data)


def _plan(**fields: Any) -> Plan:
    return Plan(scenario="kiểm tra", status=SolveStatus.FEASIBLE, **fields)


AB = Merge(into="A", members=("A", "B"), name="Phòng Tài chính")
AB_LEAD = Leadership(unit="A", heads=1, deputies=2, cap=3)
# The smallest lawful plan: merge the undersized B into A.
GOOD = _plan(merges=(AB,), leadership=(AB_LEAD,))


def _errors(scenario: Scenario, plan: Plan) -> set[str]:
    return {
        v.rule
        for v in check_plan(ORG, scenario, plan)
        if v.severity == "error"
    }


def test_the_lawful_plan_passes() -> None:
    assert _errors(_scenario(), GOOD) == set()
    assert _errors(_scenario(), _moving(2, hops=1)) == set()


def _tampered(**fields: Any) -> Plan:
    """GOOD with its units_after, one unit changed."""
    from orgplan.apply import apply

    units = list(apply(ORG, GOOD).units)
    index = next(i for i, u in enumerate(units) if u.id == "A")
    units[index] = units[index].model_copy(update=fields)
    return GOOD.model_copy(update={"units_after": tuple(units)})


def _moving(count: int, hops: int) -> Plan:
    """GOOD with ``count`` civil servants moving from A to D1."""
    move = Transfer.model_validate(
        {
            "from": "A",
            "to": "D1",
            "category": "civil_servant",
            "count": count,
            "hops": hops,
        }
    )
    return GOOD.model_copy(update={"transfers": (move,)})


CASES: list[tuple[str, dict[str, Any], Plan]] = [
    (
        "unknown_unit",
        {},
        _plan(merges=(Merge(into="X", members=("X", "B"), name="x"),)),
    ),
    (
        "merge_shape",
        {},
        _plan(merges=(Merge(into="A", members=("B", "V"), name="x"),)),
    ),
    (
        "overlap",
        {},
        GOOD.model_copy(
            update={"flattened": (Flattening(unit="B", into="D1"),)}
        ),
    ),
    (
        "removed_unit",
        {},
        GOOD.model_copy(
            update={
                "leadership": (
                    AB_LEAD,
                    Leadership(unit="B", heads=1, deputies=0, cap=1),
                )
            }
        ),
    ),
    (
        "split_staff",
        {},
        _plan(
            splits=(
                Split(
                    unit="B",
                    parts=(
                        SplitPart(to="A", functions=("fin.prices",), staff=2),
                    ),
                ),
            )
        ),
    ),
    (
        "unknown_person",
        {},
        GOOD.model_copy(
            update={
                "separations": (
                    Separation(
                        unit="A",
                        category="civil_servant",
                        count=1,
                        persons=("nobody",),
                    ),
                )
            }
        ),
    ),
    (
        "lock",
        {},
        GOOD.model_copy(
            update={
                "merges": (
                    AB,
                    Merge(into="D1", members=("D1", "D3"), name="x"),
                ),
                "leadership": (
                    AB_LEAD,
                    Leadership(unit="D1", heads=1, deputies=3, cap=3),
                ),
            }
        ),
    ),
    ("scope", {"scope": {"kinds": ["department"]}}, GOOD),
    ("scope", {"scope": {"kinds": ["division"], "allow_merge": False}}, GOOD),
    (
        "group_size",
        {"scope": {"kinds": ["division"], "max_group_size": 1}},
        GOOD,
    ),
    (
        "merge_scope",
        {},
        _plan(
            merges=(Merge(into="A", members=("A", "V"), name="x"),),
            leadership=(Leadership(unit="A", heads=1, deputies=2, cap=3),),
        ),
    ),
    (
        "fold",
        {},
        GOOD.model_copy(
            update={"flattened": (Flattening(unit="D2", into="P"),)}
        ),
    ),
    (
        "fold",
        {},
        GOOD.model_copy(
            update={"flattened": (Flattening(unit="V", into="D2"),)}
        ),
    ),
    (
        "split_functions",
        {},
        _plan(
            splits=(
                Split(
                    unit="B",
                    parts=(SplitPart(to="A", functions=("fin",), staff=3),),
                ),
            )
        ),
    ),
    (
        "split_related",
        {"scope": {"kinds": ["division", "department"]}},
        _plan(
            splits=(
                Split(
                    unit="B",
                    parts=(
                        SplitPart(to="D3", functions=("fin.prices",), staff=3),
                    ),
                ),
            )
        ),
    ),
    ("must_merge", {"must_merge": [["D1", "D2"]]}, GOOD),
    ("must_not_merge", {"must_not_merge": [["B", "A"]]}, GOOD),
    ("units_after", {}, _tampered(name="Tên khác")),
    (
        "tree",
        {
            "scope": {
                "kinds": ["division", "sub_department"],
                "merge_within": "anywhere",
            }
        },
        GOOD.model_copy(
            update={
                "merges": (AB, Merge(into="V", members=("V", "S"), name="x")),
                "leadership": (
                    AB_LEAD,
                    Leadership(unit="V", heads=1, deputies=1, cap=2),
                ),
            }
        ),
    ),
    (
        "function_owner",
        {},
        _plan(
            splits=(
                Split(
                    unit="B", parts=(SplitPart(to="A", functions=(), staff=3),)
                ),
            )
        ),
    ),
    (
        "person_accounted",
        {},
        GOOD.model_copy(
            update={
                "separations": (
                    Separation(
                        unit="A",
                        category="civil_servant",
                        count=1,
                        persons=("p1", "p2"),
                    ),
                )
            }
        ),
    ),
    ("conservation", {}, _tampered(actual=14, civil_servants=14)),
    ("staff_total", {}, _tampered(actual=14, civil_servants=14)),
    ("min_staff", {}, _plan()),
    ("max_units", {"targets": {"max_units": {"department": 2}}}, GOOD),
    (
        "min_cut.focal_points",
        {"targets": {"min_cut": {"focal_points": 0.5}}},
        GOOD,
    ),
    (
        "deputy_cap",
        {},
        GOOD.model_copy(
            update={
                "leadership": (
                    AB_LEAD,
                    Leadership(unit="D2", heads=1, deputies=4, cap=3),
                )
            }
        ),
    ),
    (
        "deputy_excess",
        {},
        GOOD.model_copy(
            update={
                "leadership": (AB_LEAD.model_copy(update={"deputies": 5}),)
            }
        ),
    ),
    (
        "deputy_pooled",
        {
            "rules_overrides": {
                "kinds": {
                    "department": {
                        "deputy_average": 1,
                        "deputy_steps": [{"min_size": 0, "cap": 4}],
                    }
                }
            }
        },
        GOOD.model_copy(
            update={
                "leadership": (
                    AB_LEAD,
                    Leadership(unit="D2", heads=1, deputies=4, cap=4),
                )
            }
        ),
    ),
    (
        "deputy_child",
        {},
        GOOD.model_copy(
            update={
                "leadership": (
                    AB_LEAD,
                    Leadership(unit="V", heads=1, deputies=2, cap=2),
                )
            }
        ),
    ),
    ("leadership", {}, _plan(merges=(AB,))),
    ("transfer", {}, _moving(1, hops=2)),
    (
        "transfer",
        {"staffing": {"transfers": {"max_out_per_unit": 1}}},
        _moving(2, hops=0),
    ),
    ("objective", {}, GOOD.model_copy(update={"objective": 12345.0})),
    (
        "objective",
        {},
        GOOD.model_copy(update={"objective_terms": {"focal_points": 1.0}}),
    ),
    (
        "staffing",
        {},
        GOOD.model_copy(
            update={
                "transfers": (
                    Transfer.model_validate(
                        {
                            "from": "A",
                            "to": "D1",
                            "category": "contract",
                            "count": 1,
                        }
                    ),
                )
            }
        ),
    ),
]


@pytest.mark.parametrize(
    ("rule", "changes", "plan"),
    CASES,
    ids=[f"{rule}-{i}" for i, (rule, _, _) in enumerate(CASES)],
)
def test_each_broken_rule_is_caught(
    rule: str, changes: dict[str, Any], plan: Plan
) -> None:
    found = check_plan(ORG, _scenario(**changes), plan)
    assert rule in {v.rule for v in found if v.severity == "error"}, found
    assert all(v.message for v in found)


def test_every_rule_key_has_a_case() -> None:
    """Each rule of the checker is exercised above."""
    assert {rule for rule, _, _ in CASES} == {
        "unknown_unit", "merge_shape", "overlap", "removed_unit",
        "split_staff", "unknown_person", "lock", "scope", "group_size",
        "merge_scope", "fold", "split_functions", "split_related",
        "must_merge", "must_not_merge", "units_after", "tree",
        "function_owner", "person_accounted", "conservation", "staff_total",
        "min_staff", "max_units", "min_cut.focal_points", "deputy_cap",
        "deputy_excess", "deputy_pooled", "deputy_child", "leadership",
        "objective", "staffing", "transfer",
    }  # fmt: skip


def test_out_of_scope_undersized_units_are_warnings() -> None:
    scenario = _scenario(scope={"kinds": ["department"]})
    found = check_plan(ORG, scenario, _plan())
    assert [(v.rule, v.unit, v.severity) for v in found] == [
        ("min_staff", "B", "warning")
    ]


def test_a_child_above_its_parent_before_the_plan_is_a_warning() -> None:
    org = ORG.model_copy(
        update={
            "units": tuple(
                u.model_copy(update={"deputies": 2}) if u.id == "V" else u
                for u in ORG.units
            )
        }
    )
    org = Organisation.model_validate(org.model_dump())
    found = check_plan(org, _scenario(), GOOD)
    assert ("deputy_child", "warning") in {(v.rule, v.severity) for v in found}
    assert not [v for v in found if v.severity == "error"]


def test_pre_existing_excess_must_be_listed_with_a_deadline() -> None:
    org = Organisation.model_validate(
        ORG.model_dump()
        | {
            "units": [
                u.model_dump() | ({"deputies": 3} if u.id == "V" else {})
                for u in ORG.units
            ]
        }
    )
    scenario = _scenario(scope={"kinds": ["division"]})
    unlisted = check_plan(org, scenario, GOOD)
    assert "deputy_excess" in {v.rule for v in unlisted}
    listed = GOOD.model_copy(
        update={
            "leadership": (
                AB_LEAD,
                Leadership(
                    unit="V",
                    heads=1,
                    deputies=3,
                    cap=2,
                    excess=1,
                    reduce_by="2030-12-31",
                ),
            )
        }
    )
    errors = [
        v for v in check_plan(org, scenario, listed) if v.severity == "error"
    ]
    # V above its parent S is kept from the input: a warning only.
    assert errors == []
    late = listed.model_copy(
        update={
            "leadership": (
                AB_LEAD,
                listed.leadership[1].model_copy(
                    update={"reduce_by": "2031-01-01"}
                ),
            )
        }
    )
    assert "deputy_excess" in {v.rule for v in check_plan(org, scenario, late)}


def test_objective_is_recomputed_from_the_terms() -> None:
    scenario = _scenario()
    terms = objective_terms(ORG, scenario, GOOD)
    # Merging B into A: one focal point and one head fewer, two units
    # disrupted (A and B), balance |15 - 16| as |12 - 12| + |3 - 4| was.
    before = objective_terms(ORG, scenario, _plan())
    assert terms["focal_points"] == before["focal_points"] - 1
    assert terms["leaders"] == before["leaders"] - 1
    assert terms["disruption"] == 2
    assert terms["imbalance"] == before["imbalance"]
    # fin.budget+fin vs fin.prices+fin: Jaccard 1/3.
    assert terms["incoherence"] == pytest.approx(2 / 3)
    value = objective_value(terms, scenario.weights)
    plan = GOOD.model_copy(update={"objective": value})
    assert "objective" not in {v.rule for v in check_plan(ORG, scenario, plan)}


@pytest.mark.parametrize(
    ("fraction", "before", "cut"),
    [(0.15, 20, 3), (0.1, 10, 1), (0.15, 52, 8), (0.0, 7, 0), (0.3, 1, 1)],
)
def test_required_cut_is_an_exact_ceiling(
    fraction: float, before: int, cut: int
) -> None:
    assert required_cut(fraction, before) == cut


def _plan_file(tmp_path: Path, **update: Any) -> tuple[Path, Path]:
    """A greedy plan of the bundled province-small, written as JSON."""
    from orgplan.io import load_scenario, read_organisation
    from orgplan.optimize.greedy import solve_greedy

    folder = Path(__file__).parent.parent / "scenarios" / "province-small"
    scenario = load_scenario(folder)
    org = read_organisation(scenario.data)
    plan = solve_greedy(org, scenario, scenario.rulebook())
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "plan.json"
    path.write_text(plan.model_copy(update=update).to_json(), "utf-8")
    return path, scenario.path or folder


def test_cli_check_passes_a_lawful_plan(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cli import main

    path, scenario = _plan_file(tmp_path)
    settings = {"scenario_path": str(scenario)}
    named, _ = _plan_file(tmp_path / "named", settings=settings)
    for args in (["check", str(path), "--scenario", str(scenario)],
                 ["check", str(named)]):  # fmt: skip
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert "keeps every rule" in result.output


def test_cli_check_lists_violations_and_exits_1(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cli import main

    path, scenario = _plan_file(tmp_path, objective=1.0)
    result = CliRunner().invoke(
        main, ["check", str(path), "--scenario", str(scenario)]
    )
    assert result.exit_code == 1
    assert "[objective]" in result.output
    assert "1 error" in result.output


def test_cli_check_needs_a_scenario(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cli import main

    path, _ = _plan_file(tmp_path)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2
    assert "--scenario" in result.output


@pytest.mark.parametrize(
    ("unit", "into", "allowed"),
    [
        ("S", "D2", True),  # intermediate: V is under it
        ("B", "D1", True),  # undersized: quota 4 below the minimum
        ("A", "D1", False),  # a normal-sized leaf division
        ("V", "S", False),  # a leaf division of 10 inside S
    ],
)
def test_only_intermediate_or_undersized_units_fold(
    unit: str, into: str, allowed: bool
) -> None:
    plan = _plan(flattened=(Flattening(unit=unit, into=into),))
    folds = [
        v
        for v in check_plan(ORG, _scenario(), plan)
        if v.rule == "fold" and v.unit == unit
    ]
    assert (folds == []) is allowed
    if not allowed:
        assert "neither an intermediate unit" in folds[0].message
