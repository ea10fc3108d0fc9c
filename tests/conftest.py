"""Tiny named organisations shared by the tests.

Each fixture's docstring says what is special about it, so a test that
uses one reads as a statement about that shape.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from orgplan.io import read_organisation
from orgplan.model import FunctionDef, Locality, Organisation, Unit
from orgplan.rules import Rulebook, load_rulebook

ROOT = Path(__file__).parent.parent
PROVINCE_SMALL = ROOT / "scenarios" / "province-small"


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    """The built-in vn-2025 rulebook, no overrides."""
    return load_rulebook("vn-2025")


@pytest.fixture(scope="session")
def two_siblings() -> Organisation:
    """A department (D) with two divisions that may merge.

    A: 12 civil servants against a quota of 10 (surplus 2), 2 deputies
    (its cap at 10-14 civil servants). B: quota 4, below the division
    minimum of 5, with 3 staff (deficit 1). Their functions share the
    taxonomy parent ``fin``. Two localities that name each other once.
    """
    return Organisation(
        name="two siblings",
        units=(
            Unit(
                id="D",
                name="Sở Tài chính",
                kind="department",
                level="province",
                locality="L1",
                functions=("fin",),
                quota=7,
                actual=7,
                heads=1,
                deputies=3,
            ),
            Unit(
                id="A",
                name="Phòng Ngân sách",
                kind="division",
                level="province",
                parent="D",
                locality="L1",
                functions=("fin.budget",),
                quota=10,
                actual=12,
                heads=1,
                deputies=2,
                civil_servants=12,
            ),
            Unit(
                id="B",
                name="Phòng Giá",
                kind="division",
                level="province",
                parent="D",
                locality="L2",
                functions=("fin.prices",),
                quota=4,
                actual=3,
                heads=1,
                civil_servants=3,
            ),
        ),
        localities=(
            Locality(
                id="L1", name="Phường Một", level="commune", neighbours=("L2",)
            ),
            Locality(id="L2", name="Xã Hai", level="commune"),
        ),
        functions=(
            FunctionDef(code="fin", name="Tài chính"),
            FunctionDef(code="fin.budget", name="Ngân sách", parent="fin"),
            FunctionDef(code="fin.prices", name="Giá", parent="fin"),
        ),
    )


@pytest.fixture(scope="session")
def deep_chain() -> Organisation:
    """Province -> department -> sub-department -> division, one each.

    Four layers, two intermediate units (D and S), every span 1. The
    division V has 9 civil servants and 2 deputies: above its cap of 1
    and above its parent S's single deputy.
    """
    return Organisation(
        name="deep chain",
        units=(
            Unit(id="P", name="Tỉnh Thử", kind="province", level="province"),
            Unit(
                id="D",
                name="Sở Nội vụ",
                kind="department",
                level="province",
                parent="P",
                quota=6,
                actual=6,
                heads=1,
                deputies=2,
            ),
            Unit(
                id="S",
                name="Chi cục Văn thư - Lưu trữ",
                kind="sub_department",
                level="province",
                parent="D",
                quota=12,
                actual=12,
                heads=1,
                deputies=1,
            ),
            Unit(
                id="V",
                name="Phòng Lưu trữ",
                kind="division",
                level="province",
                parent="S",
                quota=9,
                actual=9,
                heads=1,
                deputies=2,
                civil_servants=9,
            ),
        ),
    )


@pytest.fixture(scope="session")
def province_small() -> Organisation:
    """The bundled invented province, read from its CSV files.

    53 units: the province, 9 departments (VP-UBND locked in the
    scenario), 35 divisions, 2 sub-departments, 6 public service units;
    6 localities; a roster of 453. Hand-computed numbers are in
    tests/test_graph.py.
    """
    return read_organisation(PROVINCE_SMALL / "data")
