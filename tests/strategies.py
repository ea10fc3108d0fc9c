"""Hypothesis strategies: valid organisations, scenarios and plans.

Small on purpose (a province, up to three departments with a few
divisions, a sub-department and a public service unit each) so that every
property runs fast. Reusable by any test: ``organisations()``,
``scenarios(org)``, ``cases()`` (an organisation with a scenario) and
``structural_plans(org)`` (well-formed but not necessarily lawful plans,
with a transfer and a separation now and then).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from orgplan.model import (
    FunctionDef,
    Locality,
    Organisation,
    Person,
    StaffCategory,
    Unit,
)
from orgplan.plan import (
    Flattening,
    Merge,
    Plan,
    Separation,
    SolveStatus,
    Split,
    SplitPart,
    Transfer,
)
from orgplan.scenario import Scenario

SECTORS = ("fin", "edu", "agr")
SCOPE_KINDS = (
    "department",
    "division",
    "sub_department",
    "public_service_unit",
)
TAXONOMY = tuple(
    [FunctionDef(code=s, name=f"Lĩnh vực {s}") for s in SECTORS]
    + [
        FunctionDef(code=f"{s}.{n}", name=f"Nhiệm vụ {s}.{n}", parent=s)
        for s in SECTORS
        for n in range(3)
    ]
)
LOCALITIES = (
    Locality(id="L1", name="Phường Một", level="commune", neighbours=("L2",)),
    Locality(id="L2", name="Xã Hai", level="commune"),
)


@st.composite
def _unit(
    draw: st.DrawFn,
    uid: str,
    kind: str,
    parent: str,
    sector: str,
    sizes: tuple[int, int],
) -> Unit:
    quota = draw(st.integers(*sizes))
    actual = draw(st.integers(max(0, quota - 3), quota + 3))
    deputies = draw(st.integers(0, 3))
    codes = draw(
        st.lists(st.integers(0, 2), min_size=1, max_size=2, unique=True)
    )
    split = draw(st.booleans())
    employees = kind == "public_service_unit"
    contract = draw(st.integers(0, min(2, actual))) if split else 0
    columns: dict[str, int | None] = {
        "civil_servants": None,
        "public_employees": None,
        "contract": None,
    }
    if split:
        columns["public_employees" if employees else "civil_servants"] = (
            actual - contract
        )
        columns["contract"] = contract
    return Unit(
        id=uid,
        name=f"Đơn vị {uid}",
        kind=kind,
        level="province",
        parent=parent,
        locality=draw(st.sampled_from(("L1", "L2"))),
        sector=sector,
        functions=tuple(f"{sector}.{c}" for c in codes),
        quota=quota,
        actual=actual,
        heads=1,
        deputies=deputies,
        **columns,
    )


@st.composite
def organisations(draw: st.DrawFn, roster: bool | None = None) -> Organisation:
    """A valid province: a tree of departments, divisions, at most one
    sub-department and one public service unit per department, functions
    from a two-level taxonomy, an optional staff split and roster."""
    units = [Unit(id="P", name="Tỉnh Thử", kind="province", level="province")]
    for d in range(draw(st.integers(1, 3))):
        sector = SECTORS[d]
        did = f"D{d}"
        units.append(
            draw(_unit(did, "department", "P", sector, (3, 9))).model_copy(
                update={"functions": (sector,)}
            )
        )
        for v in range(draw(st.integers(0, 3))):
            units.append(
                draw(_unit(f"{did}V{v}", "division", did, sector, (2, 12)))
            )
        if draw(st.booleans()):
            sid = f"{did}S"
            units.append(
                draw(_unit(sid, "sub_department", did, sector, (2, 14)))
            )
            for v in range(draw(st.integers(1, 2))):
                units.append(
                    draw(_unit(f"{sid}V{v}", "division", sid, sector, (2, 9)))
                )
        if draw(st.booleans()):
            units.append(
                draw(
                    _unit(
                        f"{did}U", "public_service_unit", did, sector, (8, 25)
                    )
                )
            )
    with_roster = draw(st.booleans()) if roster is None else roster
    staff = _roster(units) if with_roster else ()
    return Organisation(
        name="Tỉnh Thử",
        units=tuple(units),
        localities=LOCALITIES,
        staff=staff,
        functions=TAXONOMY,
    )


def _roster(units: list[Unit]) -> tuple[Person, ...]:
    """One person per member of staff, by category; the first is the head."""
    people = []
    for unit in units:
        default: StaffCategory = (
            "public_employee"
            if unit.kind == "public_service_unit"
            else "civil_servant"
        )
        members = [
            (category, n)
            for category, count in unit.staff_by_category(default).items()
            for n in range(count)
        ]
        for i, (category, n) in enumerate(members):
            people.append(
                Person(
                    id=f"{unit.id}-{category}-{n}",
                    unit=unit.id,
                    category=category,
                    role="head" if i == 0 else "staff",
                    birth_year=1970 + n,
                )
            )
    return tuple(people)


@st.composite
def scenarios(draw: st.DrawFn, org: Organisation) -> Scenario:
    """A scenario for ``org``: scope, merge scope, targets, locks, must
    pairs, weights and the leadership transition."""
    ids = [u.id for u in org.units if u.kind != "province"]
    kinds = draw(
        st.lists(st.sampled_from(SCOPE_KINDS), min_size=1, unique=True)
    )
    locks = draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))
    pairs = [
        (a.id, b.id)
        for a in org.units
        for b in org.units
        if a.id < b.id and a.parent == b.parent and a.kind == b.kind
    ]
    must = draw(st.lists(st.sampled_from(pairs), max_size=1)) if pairs else []
    apart = draw(st.lists(st.sampled_from(pairs), max_size=1)) if pairs else []
    cuts = draw(
        st.dictionaries(
            st.sampled_from(("focal_points", "units", "leaders")),
            st.sampled_from((0.0, 0.1, 0.2)),
            max_size=2,
        )
    )
    departments = sum(u.kind == "department" for u in org.units)
    max_units = draw(
        st.one_of(
            st.just({}),
            st.integers(1, departments).map(lambda n: {"department": n}),
        )
    )
    return Scenario.model_validate(
        {
            "name": "Kịch bản thử",
            "data": Path("data"),
            "scope": {
                "kinds": kinds,
                "merge_within": draw(
                    st.sampled_from(("parent", "locality", "anywhere"))
                ),
                "max_group_size": draw(st.integers(2, 4)),
            },
            "targets": {"max_units": max_units, "min_cut": cuts},
            "locks": locks,
            "must_merge": must,
            "must_not_merge": [p for p in apart if p not in must],
            "weights": {
                name: draw(st.integers(0, 10))
                for name in ("focal_points", "leaders", "layers", "imbalance")
            }
            | {"incoherence": draw(st.integers(0, 12))},
            "leadership": {
                "transition": draw(st.sampled_from(("keep", "cap")))
            },
        }
    )


@st.composite
def cases(draw: st.DrawFn) -> tuple[Organisation, Scenario]:
    """An organisation with a scenario for it."""
    org = draw(organisations())
    return org, draw(scenarios(org))


@st.composite
def structural_plans(draw: st.DrawFn, org: Organisation) -> Plan:
    """A well-formed plan (each unit in at most one decision, receivers
    survive) that need not respect any rule: sibling merges, folds into a
    parent that stays, and splits of a leaf into its siblings."""
    busy: set[str] = set()
    gone: set[str] = set()
    merges = []
    for parent in sorted({u.parent for u in org.units if u.parent}):
        siblings = [c for c in org.children(parent) if not org.children(c)]
        if len(siblings) >= 2 and draw(st.booleans()):
            members = draw(
                st.lists(
                    st.sampled_from(siblings),
                    min_size=2,
                    max_size=3,
                    unique=True,
                )
            )
            merges.append(
                Merge(
                    into=members[0], members=tuple(members), name="Đơn vị mới"
                )
            )
            busy |= set(members)
            gone |= set(members[1:])
    folds = []
    for unit in org.units:
        if (
            unit.parent
            and unit.parent != "P"
            and unit.id not in busy
            and unit.parent not in busy | gone
            and draw(st.integers(0, 3)) == 0
        ):
            folds.append(Flattening(unit=unit.id, into=unit.parent))
            busy |= {unit.id, unit.parent}
            gone.add(unit.id)
    splits = []
    receiving: set[str] = set()
    for unit in org.units:
        receivers = [
            s
            for s in org.children(unit.parent)
            if s != unit.id and s not in gone
        ]
        if (
            unit.id in busy | receiving
            or org.children(unit.id)
            or unit.parent is None
            or not receivers
            or not unit.functions
            or draw(st.integers(0, 4))
        ):
            continue
        to = draw(st.sampled_from(receivers))
        other = receivers[-1]
        first = draw(st.integers(0, unit.actual))
        parts = [SplitPart(to=to, functions=unit.functions[:1], staff=first)]
        if len(unit.functions) > 1 or first < unit.actual:
            parts.append(
                SplitPart(
                    to=other,
                    functions=unit.functions[1:],
                    staff=unit.actual - first,
                )
            )
        splits.append(Split(unit=unit.id, parts=tuple(parts)))
        receiving |= {part.to for part in parts}
        busy.add(unit.id)
        gone.add(unit.id)
    # Staffing moves between units the structure leaves alone, whose staff
    # are still those of the input.
    calm = [
        u
        for u in org.units
        if u.id not in busy | gone | receiving and u.kind != "province"
    ]
    transfers, separations = [], []
    if calm and draw(st.booleans()):
        source = draw(st.sampled_from(calm))
        target = draw(st.sampled_from(calm))
        transfers = _moves(draw, org, source, Transfer, to=target.id)
        transfers = [t for t in transfers if t.from_ != t.to]
    # The separation leaves from a unit no transfer touched.
    calm = [u for u in calm if u.id not in {t.from_ for t in transfers}]
    calm = [u for u in calm if u.id not in {t.to for t in transfers}]
    if calm and draw(st.booleans()):
        unit = draw(st.sampled_from(calm))
        moved = {p for t in transfers for p in t.persons}
        separations = _moves(draw, org, unit, Separation, skip=moved)
    return Plan(
        scenario="Kịch bản thử",
        status=SolveStatus.FEASIBLE,
        merges=tuple(merges),
        flattened=tuple(folds),
        splits=tuple(splits),
        transfers=tuple(transfers),
        separations=tuple(separations),
    )


def _moves(
    draw: st.DrawFn,
    org: Organisation,
    unit: Unit,
    kind: type[Transfer] | type[Separation],
    to: str | None = None,
    skip: set[str] | frozenset[str] = frozenset(),
) -> list[Any]:
    """A transfer out of (or separation from) ``unit`` of one category,
    naming some of its persons when there is a roster."""
    default: StaffCategory = (
        "public_employee"
        if unit.kind == "public_service_unit"
        else "civil_servant"
    )
    staff = {c: n for c, n in unit.staff_by_category(default).items() if n}
    if not staff:
        return []
    category = draw(st.sampled_from(sorted(staff)))
    count = draw(st.integers(1, staff[category]))
    people = [
        p.id
        for p in org.staff_by_unit.get(unit.id, ())
        if p.category == category and p.id not in skip
    ]
    named = tuple(people[: draw(st.integers(0, min(count, len(people))))])
    fields: dict[str, Any] = {
        "category": category,
        "count": count,
        "persons": named,
    }
    if kind is Transfer:
        fields |= {"from": unit.id, "to": to}
    else:
        fields["unit"] = unit.id
    return [kind.model_validate(fields)]
