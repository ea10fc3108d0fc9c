"""A block with nothing to decide still answers to the minimum size.

Found by the CP-SAT/checker property: a public service unit below its
minimum whose only sibling is a division (no unit it may merge with, no
fold) sat in a block the decomposition skipped, and CP-SAT called a plan
"optimal" that ``check_plan`` rejects (``min_staff``).
"""

from __future__ import annotations

import pytest

from orgplan.errors import InfeasibleScenario
from orgplan.model import FunctionDef, Locality, Organisation, Unit
from orgplan.optimize import solve_structure
from orgplan.scenario import Scenario


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


def test_a_stuck_undersized_unit_makes_the_scenario_infeasible() -> None:
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
    with pytest.raises(InfeasibleScenario) as caught:
        solve_structure(org, scenario, scenario.rulebook())
    assert "D0U" in str(caught.value)
    assert "no merge, fold or split" in str(caught.value)
