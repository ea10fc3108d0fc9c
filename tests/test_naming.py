"""Names after a plan: every entry used or reported, no shared names."""

from __future__ import annotations

import pytest

from orgplan.model import Organisation, Unit
from orgplan.semantics.naming import (
    duplicate_names,
    joined_name,
    make_distinct,
    name_merges,
)


def _unit(uid: str, name: str, parent: str | None = "T") -> Unit:
    kind = "province" if parent is None else "department"
    return Unit(id=uid, name=name, kind=kind, level="province", parent=parent)


@pytest.fixture(scope="module")
def org() -> Organisation:
    """Five departments of a province, two named alike by a merge."""
    return Organisation(
        units=(
            _unit("T", "Tỉnh", None),
            _unit("SKHDT", "Sở Kế hoạch và Đầu tư"),
            _unit("STC", "Sở Tài chính"),
            _unit("SGTVT", "Sở Giao thông vận tải"),
            _unit("SXD", "Sở Xây dựng"),
            _unit("SNV", "Sở Nội vụ"),
        )
    )


def test_joined_name_keeps_the_head_once() -> None:
    assert joined_name(["Phòng Tổng hợp", "Phòng Kinh tế"]) == (
        "Phòng Tổng hợp - Kinh tế"
    )
    assert joined_name(["Văn phòng Sở", "Văn phòng Sở"]) == "Văn phòng Sở"
    assert joined_name(["Sở A", "Ban B"]) == "Sở A - Ban B"


def test_merge_without_entry_is_not_named_by_one_member(
    org: Organisation,
) -> None:
    naming = name_merges(org, [("SKHDT", ("SKHDT", "STC"))], {})
    assert naming.names == {"SKHDT": "Sở Kế hoạch và Đầu tư - Tài chính"}
    assert naming.issues == ()


def test_entry_of_any_member_names_the_unit(org: Organisation) -> None:
    naming = name_merges(
        org, [("SKHDT", ("SKHDT", "STC"))], {"STC": "Sở Tài chính"}
    )
    assert naming.names == {"SKHDT": "Sở Tài chính"}


def test_every_unused_entry_is_reported(org: Organisation) -> None:
    # The issue's case: four departments fused, SGTVT's name dropped.
    names = {
        "SKHDT": "Sở Tài chính",
        "SGTVT": "Sở Xây dựng",
        "SNV": "Sở Nội vụ mới",
        "XYZ": "Sở Ma",
    }
    naming = name_merges(
        org, [("SKHDT", ("SKHDT", "STC", "SGTVT", "SXD"))], names
    )
    assert naming.names == {"SKHDT": "Sở Tài chính"}
    found = {(i.key, i.unit) for i in naming.issues}
    assert found == {
        ("names.conflict", "SGTVT"),
        ("names.unused", "SNV"),
        ("names.unknown_unit", "XYZ"),
    }
    conflict = next(i for i in naming.issues if i.unit == "SGTVT")
    assert "Sở Xây dựng" in conflict.detail and "SKHDT" in conflict.detail


def test_a_renamed_unit_never_shares_a_siblings_name(
    org: Organisation,
) -> None:
    # SGTVT merged and was named "Sở Nội vụ" while the real one stays.
    units = tuple(
        u.model_copy(update={"name": "Sở Nội vụ"}) if u.id == "SGTVT" else u
        for u in org.units
    )
    after = org.model_copy(update={"units": units})
    assert duplicate_names(after) == {(("T", "sở nội vụ")): ("SGTVT", "SNV")}
    naming = make_distinct(after, ["SGTVT"])
    assert naming.names == {"SGTVT": "Sở Nội vụ (2)"}
    (issue,) = naming.issues
    assert issue.key == "names.duplicate" and "SNV" in issue.detail


def test_two_merges_given_one_name_keep_it_once(org: Organisation) -> None:
    units = tuple(
        u.model_copy(update={"name": "Sở Mới"})
        if u.id in {"SKHDT", "SGTVT"}
        else u
        for u in org.units
    )
    after = org.model_copy(update={"units": units})
    naming = make_distinct(after, ["SKHDT", "SGTVT"])
    assert naming.names == {"SGTVT": "Sở Mới (2)"}


def test_input_duplicates_are_reported_not_renamed(
    org: Organisation,
) -> None:
    units = (*org.units, _unit("STC2", "sở tài  chính"))
    before = org.model_copy(update={"units": units})
    naming = make_distinct(before, [])
    assert naming.names == {}
    assert [i.key for i in naming.issues] == ["names.duplicate_input"]


def test_same_name_under_different_parents_is_fine() -> None:
    org = Organisation(
        units=(
            _unit("T", "Tỉnh", None),
            _unit("A", "Sở A"),
            _unit("B", "Sở B"),
            Unit(
                id="A1",
                name="Văn phòng Sở",
                kind="division",
                level="province",
                parent="A",
            ),
            Unit(
                id="B1",
                name="Văn phòng Sở",
                kind="division",
                level="province",
                parent="B",
            ),
        )
    )
    assert duplicate_names(org) == {}


# The demo's case (issue 10): names written for Labour -> Home Affairs.
INTENDED = {"SKHDT": "Sở Nội vụ", "SNV": "Sở Nội vụ"}


def test_a_stray_member_does_not_take_its_groups_name(
    org: Organisation,
) -> None:
    # SKHDT was meant for Home Affairs but merges with Finance instead.
    naming = name_merges(org, [("STC", ("STC", "SKHDT"))], INTENDED)
    assert naming.names == {"STC": "Sở Tài chính - Kế hoạch và Đầu tư"}
    found = {(i.key, i.unit) for i in naming.issues}
    assert found == {("names.stray", "SKHDT"), ("names.unused", "SNV")}


def test_the_merge_holding_the_representative_takes_the_name(
    org: Organisation,
) -> None:
    # SNV bears the name: it represents the group, even merged with a
    # unit the entry did not list.
    naming = name_merges(
        org,
        [("STC", ("STC", "SKHDT")), ("SNV", ("SNV", "SGTVT"))],
        INTENDED,
    )
    assert naming.names["SNV"] == "Sở Nội vụ"
    assert naming.names["STC"] != "Sở Nội vụ"


def test_most_of_a_group_takes_its_name(org: Organisation) -> None:
    names = dict.fromkeys(("SKHDT", "STC", "SGTVT"), "Sở Kinh tế")
    naming = name_merges(
        org,
        [("SKHDT", ("SKHDT", "STC")), ("SGTVT", ("SGTVT", "SXD"))],
        names,
    )
    # Two of three ids: the name; one of three, not the first: no name.
    assert naming.names == {
        "SKHDT": "Sở Kinh tế",
        "SGTVT": "Sở Giao thông vận tải - Xây dựng",
    }
    assert [(i.key, i.unit) for i in naming.issues] == [
        ("names.stray", "SGTVT")
    ]


def test_a_name_nobody_bears_needs_most_of_its_group(
    org: Organisation,
) -> None:
    # The 2025 case: SNNPTNT and STNMT both "Sở Nông nghiệp và Môi
    # trường"; Agriculture merged with another unit is not that name.
    names = {"SKHDT": "Sở Mới", "STC": "Sở Mới"}
    naming = name_merges(org, [("SKHDT", ("SKHDT", "SNV"))], names)
    assert naming.names == {"SKHDT": "Sở Kế hoạch và Đầu tư - Nội vụ"}
    naming = name_merges(org, [("SKHDT", ("SKHDT", "STC"))], names)
    assert naming.names == {"SKHDT": "Sở Mới"}
