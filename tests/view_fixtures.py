"""A small province and a plan that uses every kind of decision.

Shared by the chart, report and comparison tests. ``units_after`` is
worked out by hand from docs/semantics.md section 2, so the views are
tested without the optimiser.
"""

from __future__ import annotations

from orgplan.model import Organisation, Unit
from orgplan.plan import (
    Flattening,
    Leadership,
    Merge,
    Metrics,
    Plan,
    Separation,
    SolveStatus,
    Split,
    SplitPart,
    Transfer,
)


def _dept(uid: str, name: str, name_en: str, **kw: object) -> Unit:
    return Unit(
        id=uid,
        name=name,
        name_en=name_en,
        kind="department",
        level="province",
        parent="UB",
        heads=1,
        **kw,  # type: ignore[arg-type]
    )


_PROVINCE = Unit(
    id="P",
    name="Tỉnh Sơn La",
    name_en="Son La Province",
    kind="province",
    level="province",
)
_COMMITTEE = Unit(
    id="UB",
    name="Ủy ban nhân dân tỉnh",
    name_en="Provincial People's Committee",
    kind="peoples_committee",
    level="province",
    parent="P",
    quota=10,
    actual=10,
    heads=1,
    deputies=3,
)
_PERSONNEL = Unit(
    id="SNV.TCBC",
    name="Phòng Tổ chức & Biên chế <TCBC>",
    kind="division",
    level="province",
    parent="SNV",
    quota=6,
    actual=6,
    heads=1,
    deputies=1,
)
_FOREST_DIVISION = Unit(
    id="PKL1",
    name="Phòng Quản lý bảo vệ rừng",
    kind="division",
    level="province",
    parent="CCKL",
    quota=6,
    actual=6,
    heads=1,
    deputies=1,
)


def province() -> Organisation:
    """Eight departments' worth of a province, before the 2025 reform.

    STNMT has 4 deputies, one above the department cap of 3.
    """
    return Organisation(
        name="Sơn La",
        units=(
            _PROVINCE,
            _COMMITTEE,
            _dept(
                "STNMT",
                "Sở Tài nguyên và Môi trường",
                "Department of Natural Resources and Environment",
                functions=("land", "env"),
                quota=30,
                actual=32,
                deputies=4,
            ),
            _dept(
                "SNN",
                "Sở Nông nghiệp và Phát triển nông thôn",
                "Department of Agriculture and Rural Development",
                functions=("agri", "forest"),
                quota=25,
                actual=24,
                deputies=3,
            ),
            Unit(
                id="CCKL",
                name="Chi cục Kiểm lâm",
                name_en="Forest Protection Sub-department",
                kind="sub_department",
                level="province",
                parent="SNN",
                functions=("forest_protect",),
                quota=14,
                actual=15,
                heads=1,
                deputies=1,
            ),
            _FOREST_DIVISION,
            _dept(
                "SLD",
                "Sở Lao động - Thương binh và Xã hội",
                "Department of Labour, Invalids and Social Affairs",
                functions=("labour", "vocational", "social"),
                quota=20,
                actual=22,
                deputies=3,
            ),
            _dept(
                "SNV",
                "Sở Nội vụ",
                "Department of Home Affairs",
                functions=("home", "religion"),
                quota=18,
                actual=17,
                deputies=2,
            ),
            _PERSONNEL,
            _dept(
                "SGD",
                "Sở Giáo dục và Đào tạo",
                "Department of Education and Training",
                functions=("education",),
                quota=22,
                actual=22,
                deputies=3,
            ),
            _dept(
                "SYT",
                "Sở Y tế",
                "Department of Health",
                functions=("health",),
                quota=24,
                actual=20,
                deputies=3,
            ),
        ),
    )


def _units_after() -> tuple[Unit, ...]:
    after = {u.id: u for u in province().units}

    def grown(uid: str, **update: object) -> Unit:
        return after[uid].model_copy(update=update)

    return (
        _PROVINCE,
        _COMMITTEE,
        grown(
            "SNN",
            name="Sở Nông nghiệp và Môi trường",
            name_en=None,
            functions=("agri", "forest", "forest_protect", "land", "env"),
            quota=69,
            actual=65,
            deputies=7,
        ),
        _FOREST_DIVISION.model_copy(update={"parent": "SNN"}),
        grown(
            "SNV",
            functions=("home", "religion", "labour"),
            quota=27,
            actual=27,
        ),
        _PERSONNEL,
        grown(
            "SGD",
            functions=("education", "vocational"),
            quota=28,
            actual=28,
        ),
        grown("SYT", functions=("health", "social"), quota=29, actual=30),
    )


def _metrics(units: tuple[Unit, ...], focal: int, layers: int) -> Metrics:
    return Metrics(
        units=len(units),
        focal_points=focal,
        layers=layers,
        intermediate_units=sum(
            1
            for u in units
            if u.parent and any(c.parent == u.id for c in units)
        ),
        heads=sum(u.heads for u in units),
        deputies=sum(u.deputies for u in units),
        leaders=sum(u.leaders for u in units),
        quota=sum(u.quota for u in units),
        actual=sum(u.actual for u in units),
        surplus=sum(u.surplus for u in units),
        deficit=sum(u.deficit for u in units),
    )


def reform_plan(**update: object) -> Plan:
    """Merge STNMT into SNN, fold CCKL into SNN, split SLD three ways.

    SNN keeps every deputy (7 against a cap of 4 with its merge bonus),
    to be reduced by 2030; 4 staff move from SNN to SYT, 2 leave.
    """
    before = province().units
    after = _units_after()
    plan = Plan(
        scenario="Sơn La 2025",
        status=SolveStatus.OPTIMAL,
        objective=321.5,
        bound=321.5,
        gap=0.0,
        solve_seconds=1.25,
        mode="reproducible",
        seed=1,
        workers=1,
        metrics={
            "before": _metrics(before, focal=10, layers=5),
            "after": _metrics(after, focal=7, layers=4),
        },
        merges=(
            Merge(
                into="SNN",
                members=("SNN", "STNMT"),
                name="Sở Nông nghiệp và Môi trường",
                reasons=(
                    "shared functions: land and forest management",
                    "the 2025 national model merges them",
                ),
            ),
        ),
        flattened=(
            Flattening(
                unit="CCKL",
                into="SNN",
                reasons=("a sub-department with a single division",),
            ),
        ),
        splits=(
            Split(
                unit="SLD",
                parts=(
                    SplitPart(to="SNV", functions=("labour",), staff=10),
                    SplitPart(to="SGD", functions=("vocational",), staff=6),
                    SplitPart(to="SYT", functions=("social",), staff=6),
                ),
                reasons=("no single department owns all its functions",),
            ),
        ),
        leadership=(
            Leadership(
                unit="SNN",
                heads=1,
                deputies=7,
                cap=4,
                excess=3,
                reduce_by="2030-08-01",
            ),
        ),
        transfers=(
            Transfer(from_="SNN", to="SYT", category="civil_servant", count=4),
        ),
        separations=(
            Separation(
                unit="SNN",
                category="civil_servant",
                count=2,
                cost=1_250_000_000.0,
            ),
        ),
        units_after=after,
        binding_rules=(
            "max_units.department: at most 14 departments (Decree 45/2025)",
        ),
        settings={"targets": {"min_cut": {"focal_points": 0.2}}},
    )
    return plan.model_copy(update=update)
