"""A block with nothing to decide still answers to the minimum size.

Found by the CP-SAT/checker property: a public service unit below its
minimum whose only sibling is a division (no unit it may merge with, no
fold) sat in a block the decomposition skipped, and CP-SAT called a plan
"optimal" that ``check_plan`` rejected (``min_staff``). The rules leave
such a unit no way to grow (``semantics.targets.minimum_binds``): CP-SAT
and the checker now agree that it stays, with a warning.
"""

from __future__ import annotations

from orgplan.check import check_plan
from orgplan.model import FunctionDef, Locality, Organisation, Unit
from orgplan.optimize import solve_structure
from orgplan.scenario import Scenario
from orgplan.semantics.targets import minimum_binds


def _unit(uid: str, kind: str, parent: str | None, quota: int) -> Unit:
    return Unit(
        id=uid,
        name=f"Đơn vị {uid}",
        kind=kind,
        level="province",
        parent=parent,
        locality="L1",
        sector="fin",
        functions=("fin.0",) if parent != "P" else ("fin",),
        quota=quota,
        actual=quota,
        heads=1,
        deputies=0,
    )


def test_a_stuck_undersized_unit_stays_with_a_warning() -> None:
    org = Organisation(
        name="Tỉnh Thử",
        units=(
            _unit("P", "province", None, 0),
            _unit("D0", "department", "P", 3),
            _unit("D0V0", "division", "D0", 6),
            _unit("D0U", "public_service_unit", "D0", 8),
            # Another tree with a fold to decide: the blocks path runs.
            _unit("D2", "department", "P", 3),
            _unit("D2V0", "division", "D2", 2),
        ),
        localities=(Locality(id="L1", name="Phường Một", level="commune"),),
        functions=(
            FunctionDef(code="fin", name="Tài chính"),
            FunctionDef(code="fin.0", name="Ngân sách", parent="fin"),
        ),
    )
    scenario = Scenario(
        name="Kịch bản thử",
        data="data",
        scope={"kinds": ["public_service_unit", "division"]},
    )
    rulebook = scenario.rulebook()
    assert "D0U" not in minimum_binds(org, scenario, rulebook)
    plan = solve_structure(org, scenario, rulebook).plan
    assert plan.objective is not None
    assert "D0U" not in {m for merge in plan.merges for m in merge.members}
    found = check_plan(org, scenario, plan)
    assert not [v for v in found if v.severity == "error"]
    assert [(v.rule, v.unit) for v in found if v.severity == "warning"] == [
        ("min_staff", "D0U")
    ]
    # The division of 2 still folds: the minimum binds it.
    assert [f.unit for f in plan.flattened] == ["D2V0"]
