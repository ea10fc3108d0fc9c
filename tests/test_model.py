"""The input model: lookups stay true to the data they describe."""

from __future__ import annotations

import pytest

from orgplan.model import Organisation, Unit


def _unit(uid: str, parent: str | None = None, deputies: int = 1) -> Unit:
    return Unit(
        id=uid,
        name=f"Phòng {uid}",
        kind="division",
        level="province",
        parent=parent,
        deputies=deputies,
    )


def test_a_copy_with_other_units_does_not_reuse_cached_lookups() -> None:
    """Regression: pydantic's model_copy copied the cached lookups, so a
    copy with new units answered with the original's units."""
    org = Organisation(units=(_unit("A"), _unit("B", "A")))
    assert org.unit("A").deputies == 1 and org.children("A") == ("B",)
    copy = org.model_copy(update={"units": (_unit("A", deputies=0),)})
    assert copy.unit("A").deputies == 0
    assert copy.children("A") == ()
    assert org.unit("A").deputies == 1


def test_duplicate_ids_are_refused_for_hand_built_organisations() -> None:
    with pytest.raises(ValueError, match="duplicate unit id 'A'"):
        Organisation(units=(_unit("A"), _unit("A")))


def test_descendants_in_depth_first_order() -> None:
    org = Organisation(
        units=(_unit("R"), _unit("A", "R"), _unit("A1", "A"), _unit("B", "R"))
    )
    assert list(org.descendants("R")) == ["A", "A1", "B"]
    assert org.roots == ("R",)
