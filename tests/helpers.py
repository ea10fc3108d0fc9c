"""Shared test helpers: the data folders and organisations for Hypothesis."""

from __future__ import annotations

import string
from pathlib import Path
from typing import get_args

from hypothesis import strategies as st

from orgplan.model import (
    STAFF_CATEGORIES,
    FunctionDef,
    Gender,
    Locality,
    Organisation,
    Person,
    Role,
    Terrain,
    Unit,
)
from orgplan.rules import load_rulebook

DATA = Path(__file__).parent / "data"
VALID = DATA / "valid"
BROKEN = DATA / "broken"

RULEBOOK = load_rulebook()

VIETNAMESE = (
    "Sở Tài nguyên và Môi trường",
    "Phường Nguyễn Du",
    "Ủy ban nhân dân tỉnh Sơn La",
    "Chi cục Kiểm lâm",
    "Xã Mường Sại",
    "Đơn vị sự nghiệp công lập",
)

# Ids are codes: no spaces around them (readers strip them) and no ';'
# (the separator of list cells).
ids = st.text(
    string.ascii_letters + string.digits + "-_.ĐđƠơƯưỆệ",
    min_size=1,
    max_size=8,
)

# Free text as an .xlsx file can hold it: XML has no control characters
# (tab and newline aside), turns "\r\n" into "\n", and refuses surrogates
# and unassigned code points. A cell of only spaces reads as empty.
_characters = st.characters(
    blacklist_categories=("Cs", "Cc", "Cn")
) | st.sampled_from("\t\n")
texts = (
    st.sampled_from(VIETNAMESE) | st.text(_characters, min_size=1, max_size=20)
).filter(lambda s: bool(s.strip()))

# Excel keeps 15 significant digits of a number; these fit.
amounts = st.integers(0, 10**6)
decimals = st.floats(-1e5, 1e5, allow_nan=False).map(lambda x: round(x, 4))
sizes = st.floats(0, 1e5, allow_nan=False).map(lambda x: round(x, 4))


def _maybe(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


@st.composite
def organisations(draw: st.DrawFn) -> Organisation:
    """Valid organisations (every reference resolves) with arbitrary text."""
    unit_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    place_ids = draw(st.lists(ids, max_size=4, unique=True))
    codes = draw(st.lists(ids, max_size=4, unique=True))
    functions = [
        FunctionDef(
            code=code,
            name=draw(st.just("") | texts),
            sector=draw(_maybe(ids)),
            parent=draw(_maybe(st.sampled_from(codes[:i]))) if i else None,
        )
        for i, code in enumerate(codes)
    ]
    localities = [
        Locality(
            id=pid,
            name=draw(texts),
            level=draw(st.sampled_from(RULEBOOK.levels)),
            parent=draw(_maybe(st.sampled_from(place_ids[:i]))) if i else None,
            population=draw(_maybe(amounts)),
            area_km2=draw(_maybe(sizes)),
            terrain=draw(_maybe(st.sampled_from(get_args(Terrain)))),
            neighbours=tuple(
                draw(st.lists(st.sampled_from(place_ids), unique=True))
            ),
            lat=draw(_maybe(decimals)),
            lon=draw(_maybe(decimals)),
            name_en=draw(_maybe(texts)),
        )
        for i, pid in enumerate(place_ids)
    ]
    units = [
        draw(_units(uid, unit_ids[:i], place_ids, codes))
        for i, uid in enumerate(unit_ids)
    ]
    staff = [
        Person(
            id=pid,
            unit=draw(st.sampled_from(unit_ids)),
            category=draw(st.sampled_from(STAFF_CATEGORIES)),
            role=draw(st.sampled_from(get_args(Role))),
            birth_year=draw(_maybe(st.integers(1900, 2100))),
            gender=draw(_maybe(st.sampled_from(get_args(Gender)))),
            field=draw(_maybe(texts)),
            grade=draw(_maybe(texts)),
            name=draw(_maybe(texts)),
            salary=draw(_maybe(sizes)),
            years_to_retirement=draw(_maybe(decimals)),
            insurance_years=draw(_maybe(sizes)),
            excluded=draw(st.booleans()),
        )
        for pid in draw(st.lists(ids, max_size=5, unique=True))
    ]
    return Organisation(
        units=tuple(units),
        localities=tuple(localities),
        staff=tuple(staff),
        functions=tuple(functions),
    )


@st.composite
def _units(
    draw: st.DrawFn,
    uid: str,
    earlier: list[str],
    places: list[str],
    codes: list[str],
) -> Unit:
    actual = draw(st.integers(0, 500))
    heads = draw(st.integers(0, min(actual, 1)))
    deputies = draw(st.integers(0, actual - heads))
    split: dict[str, int | None] = dict.fromkeys(
        ("civil_servants", "public_employees", "contract")
    )
    if draw(st.booleans()):
        first = draw(st.integers(0, actual))
        second = draw(st.integers(0, actual - first))
        split = {
            "civil_servants": first,
            "public_employees": second,
            "contract": actual - first - second,
        }
    return Unit(
        id=uid,
        name=draw(texts),
        kind=draw(st.sampled_from(list(RULEBOOK.kinds))),
        level=draw(st.sampled_from(RULEBOOK.levels)),
        parent=draw(_maybe(st.sampled_from(earlier))) if earlier else None,
        locality=draw(_maybe(st.sampled_from(places))) if places else None,
        sector=draw(_maybe(ids)),
        functions=tuple(draw(st.lists(st.sampled_from(codes), unique=True)))
        if codes
        else (),
        quota=draw(amounts),
        actual=actual,
        heads=heads,
        deputies=deputies,
        locked=draw(st.booleans()),
        name_en=draw(_maybe(texts)),
        lat=draw(_maybe(decimals)),
        lon=draw(_maybe(decimals)),
        **split,
    )
