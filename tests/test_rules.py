"""The built-in vn-2025 rulebook: numbers, sources and overrides."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pydantic
import pytest

from orgplan.rules import load_rulebook


def _numeric_leaves(value: Any, path: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _numeric_leaves(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _numeric_leaves(item, f"{path}.{index}")
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield path


def test_every_number_of_vn_2025_cites_a_source() -> None:
    """The rulebook carries the source of every number (docs/rules.md)."""
    rulebook = load_rulebook("vn-2025")
    dumped = rulebook.model_dump(exclude={"sources"})
    unsourced = [
        path for path in _numeric_leaves(dumped) if not rulebook.source(path)
    ]
    assert unsourced == []


def test_sources_say_how_sure_they_are() -> None:
    rulebook = load_rulebook()
    for path, text in rulebook.sources.items():
        assert text.startswith(("[F]", "[U]", "[F-draft]", "[F]/[U]")), path


@pytest.mark.parametrize(
    ("kind", "size", "members", "cap"),
    [
        # Decree 370/2025: 1 deputy under 10 civil servants, 2 for 10-14,
        # 3 from 15.
        ("division", 9, 1, 1),
        ("division", 10, 1, 2),
        ("division", 14, 1, 2),
        ("division", 15, 1, 3),
        # Decree 120/2020: public service units, 2 up to 20 staff, 3 above.
        ("public_service_unit", 20, 1, 2),
        ("public_service_unit", 21, 1, 3),
        # Sub-department: 1 deputy with 1-3 divisions, 2 with 4 or more.
        ("sub_department", 3, 1, 1),
        ("sub_department", 4, 1, 2),
        # Department: 3, +1 when formed from 2 units, +2 from 3 or more.
        ("department", 40, 1, 3),
        ("department", 40, 2, 4),
        ("department", 40, 3, 5),
        ("department", 40, 5, 5),
    ],
)
def test_deputy_caps_follow_the_decrees(
    kind: str, size: int, members: int, cap: int
) -> None:
    assert load_rulebook().kind(kind).deputy_cap(size, members) == cap


def test_kind_without_steps_has_no_per_unit_cap() -> None:
    assert load_rulebook().kind("commune").deputy_cap(40) is None


def test_overrides_change_one_number_and_keep_the_rest() -> None:
    base = load_rulebook()
    changed = load_rulebook(
        overrides={
            "kinds": {"division": {"min_staff": 7}},
            "max_units": {"department": 15},
        }
    )
    assert changed.kind("division").min_staff == 7
    assert changed.max_units["department"] == 15
    assert changed.kind("sub_department") == base.kind("sub_department")
    assert changed.deputy_fraction_of_quota == base.deputy_fraction_of_quota


def test_an_override_may_add_a_kind() -> None:
    rulebook = load_rulebook(
        overrides={
            "kinds": {
                "special_zone": {
                    "label_en": "special zone",
                    "label_vi": "đặc khu",
                }
            }
        }
    )
    assert rulebook.kind("special_zone").label_vi == "đặc khu"


def test_an_unknown_override_key_is_refused() -> None:
    with pytest.raises(pydantic.ValidationError, match="min_staf"):
        load_rulebook(overrides={"kinds": {"division": {"min_staf": 7}}})


def test_unknown_rulebook_name() -> None:
    with pytest.raises(KeyError):
        load_rulebook("vn-1990")
