"""Weak spots of a plan (orgplan.weakspots): each kind, and none when
the plan is sound."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgplan.model import FunctionDef, Organisation, Unit
from orgplan.plan import Leadership, Merge, Plan, SolveStatus
from orgplan.rules import Rulebook, load_rulebook
from orgplan.weakspots import MESSAGES, Thresholds, weak_spots

TAXONOMY = (
    FunctionDef(code="fin"),
    FunctionDef(code="fin.budget", parent="fin"),
    FunctionDef(code="fin.prices", parent="fin"),
    FunctionDef(code="fin.office", parent="fin"),
    FunctionDef(code="tr"),
    FunctionDef(code="tr.roads", parent="tr"),
)


def _u(uid: str, name: str, kind: str, parent: str | None, **kw) -> Unit:
    return Unit(
        id=uid, name=name, kind=kind, level="province", parent=parent, **kw
    )


BEFORE = Organisation(
    functions=TAXONOMY,
    units=(
        _u("T", "Tỉnh", "province", None),
        _u(
            "STC",
            "Sở Tài chính",
            "department",
            "T",
            functions=("fin",),
            quota=6,
            actual=6,
            heads=1,
            deputies=2,
        ),
        _u(
            "SGT",
            "Sở Giao thông vận tải",
            "department",
            "T",
            functions=("tr",),
            quota=5,
            actual=5,
            heads=1,
            deputies=2,
        ),
        _u(
            "NS",
            "Phòng Ngân sách",
            "division",
            "STC",
            functions=("fin.budget",),
            quota=8,
            actual=8,
            heads=1,
        ),
        _u(
            "GIA",
            "Phòng Giá",
            "division",
            "STC",
            functions=("fin.prices",),
            quota=6,
            actual=6,
            heads=1,
        ),
        _u(
            "VP1",
            "Văn phòng Sở",
            "division",
            "STC",
            functions=("fin.office",),
            quota=7,
            actual=7,
            heads=1,
        ),
        _u(
            "VP2",
            "Văn phòng Sở",
            "division",
            "SGT",
            quota=6,
            actual=6,
            heads=1,
        ),
    ),
)


def _after(update: dict[str, dict], drop: set[str]) -> Organisation:
    units = tuple(
        u.model_copy(update=update.get(u.id, {}))
        for u in BEFORE.units
        if u.id not in drop
    )
    return BEFORE.model_copy(update={"units": units})


def _plan(**kw) -> Plan:
    return Plan(scenario="t", status=SolveStatus.FEASIBLE, **kw)


@pytest.fixture(scope="module")
def rules() -> Rulebook:
    return load_rulebook("vn-2025")


def _keys(spots) -> list[str]:
    return [s.key for s in spots]


def test_a_sound_plan_has_no_weak_spot(rules: Rulebook) -> None:
    plan = _plan(
        merges=(Merge(into="NS", members=("NS", "GIA"), name="Phòng NS"),),
        gap=0.02,
    )
    after = _after(
        {"NS": {"quota": 14, "actual": 14, "name": "Phòng NS"}}, {"GIA"}
    )
    assert weak_spots(BEFORE, plan, after, rules) == ()


def test_unrelated_merge_in_both_languages(rules: Rulebook) -> None:
    plan = _plan(
        merges=(Merge(into="STC", members=("STC", "SGT"), name="Sở X"),)
    )
    after = _after(
        {"STC": {"name": "Sở X"}, "VP2": {"parent": "STC"}}, {"SGT"}
    )
    spots = weak_spots(BEFORE, plan, after, rules)
    unrelated = next(s for s in spots if s.key == "weakspot.unrelated_merge")
    assert unrelated.severity == "high"
    assert unrelated.units == ("STC", "SGT")
    en, vi = unrelated.text("en"), unrelated.text("vi")
    assert "Sở Giao thông vận tải (5 staff)" in en
    assert "no function or function family in common" in en
    assert "không có chức năng hay nhóm chức năng chung" in vi
    # The two offices now sit under one department.
    support = next(s for s in spots if s.key == "weakspot.duplicate_support")
    assert support.units == ("STC", "VP1", "VP2")
    assert "2 offices" in support.text("en")
    assert "2 văn phòng" in support.text("vi")
    # Most severe first.
    assert spots[0].severity == "high"


def test_low_similarity_is_a_low_spot(rules: Rulebook) -> None:
    plan = _plan(
        merges=(Merge(into="NS", members=("NS", "GIA"), name="Phòng NS"),)
    )
    after = _after({"NS": {"quota": 14}}, {"GIA"})
    strict = Thresholds(low_similarity=0.99)
    (spot,) = weak_spots(BEFORE, plan, after, rules, thresholds=strict)
    assert (spot.key, spot.severity) == ("weakspot.low_similarity", "low")
    assert "0.33" in spot.text("en")


def test_units_still_below_their_minimum(rules: Rulebook) -> None:
    after = _after({"GIA": {"quota": 3}}, set())
    (spot,) = weak_spots(BEFORE, _plan(), after, rules)
    assert spot.key == "weakspot.below_minimum" and spot.units == ("GIA",)
    assert spot.severity == "medium"  # the plan changed its quota
    # Short in the input and left alone: the input's weakness, low.
    short = _after({"GIA": {"quota": 3}}, set())
    (kept,) = weak_spots(short, _plan(), short, rules)
    assert (kept.key, kept.severity) == ("weakspot.below_minimum", "low")
    assert "below the minimum of 5 for a division" in spot.text("en")
    assert "dưới mức tối thiểu 5 của phòng" in spot.text("vi")


def test_deputies_above_cap_that_grow(rules: Rulebook) -> None:
    grown = Leadership(unit="NS", heads=1, deputies=3, cap=1, excess=2)
    after = _after({"NS": {"deputies": 3}}, set())
    spots = weak_spots(BEFORE, _plan(leadership=(grown,)), after, rules)
    assert _keys(spots) == ["weakspot.deputies_above_cap"]
    assert "up from 0" in spots[0].text("en")
    # Above the cap but not grown: the input's own excess, not the plan's.
    kept = Leadership(unit="STC", heads=1, deputies=2, cap=1, excess=1)
    assert weak_spots(BEFORE, _plan(leadership=(kept,)), BEFORE, rules) == ()


def test_a_merged_units_deputies_are_named_as_after_the_plan(
    rules: Rulebook,
) -> None:
    # The two departments merged under the name the plan gave them; its
    # office now sits under the merged department.
    grown = Leadership(unit="VP1", heads=1, deputies=2, cap=1, excess=1)
    after = _after(
        {
            "STC": {"name": "Sở Tài chính - Giao thông"},
            "VP1": {"deputies": 2},
        },
        {"SGT", "VP2"},
    )
    spots = weak_spots(BEFORE, _plan(leadership=(grown,)), after, rules)
    (spot,) = [s for s in spots if s.key == "weakspot.deputies_above_cap"]
    # One "Văn phòng Sở" is left: its name stands alone.
    assert spot.text("en").startswith("Văn phòng Sở has 2 deputies")
    renamed = Leadership(unit="STC", heads=1, deputies=4, cap=1, excess=3)
    merged = {"name": "Sở Tài chính - Giao thông", "deputies": 4}
    spots = weak_spots(
        BEFORE,
        _plan(leadership=(renamed,)),
        _after({"STC": merged}, {"SGT"}),
        rules,
    )
    (spot,) = [s for s in spots if s.key == "weakspot.deputies_above_cap"]
    assert spot.text("en").startswith("Sở Tài chính - Giao thông has 4")


def test_a_name_other_units_bear_is_told_apart_by_its_parent(
    rules: Rulebook,
) -> None:
    # Each department has its "Văn phòng Sở".
    grown = Leadership(unit="VP1", heads=1, deputies=2, cap=1, excess=1)
    after = _after({"VP1": {"deputies": 2}, "VP2": {"quota": 3}}, set())
    spots = weak_spots(BEFORE, _plan(leadership=(grown,)), after, rules)
    deputies, short = (
        next(s for s in spots if s.key == key)
        for key in ("weakspot.deputies_above_cap", "weakspot.below_minimum")
    )
    assert deputies.text("en").startswith(
        "Văn phòng Sở (Sở Tài chính) has 2 deputies"
    )
    assert deputies.text("vi").startswith(
        "Văn phòng Sở (Sở Tài chính) có 2 cấp phó"
    )
    assert short.text("en").startswith(
        "Văn phòng Sở (Sở Giao thông vận tải) has a quota of 3"
    )
    assert short.text("vi").startswith(
        "Văn phòng Sở (Sở Giao thông vận tải) có biên chế 3"
    )
    # A name no other unit bears stands alone.
    alone = Leadership(unit="NS", heads=1, deputies=3, cap=1, excess=2)
    (spot,) = weak_spots(
        BEFORE,
        _plan(leadership=(alone,)),
        _after({"NS": {"deputies": 3}}, set()),
        rules,
    )
    assert spot.text("en").startswith("Phòng Ngân sách has 3 deputies")


def test_deputies_grow_while_units_go(rules: Rulebook) -> None:
    plan = _plan(
        merges=(Merge(into="STC", members=("STC", "SGT"), name="Sở X"),)
    )
    after = _after(
        {"STC": {"name": "Sở X", "deputies": 5}, "VP2": {"parent": "STC"}},
        {"SGT"},
    )
    spots = weak_spots(BEFORE, plan, after, rules)
    grow = next(s for s in spots if s.key == "weakspot.deputies_grow")
    assert "rise from 4 to 5" in grow.text("en")
    assert "from 2 to 1" in grow.text("en")


def test_large_gap(rules: Rulebook) -> None:
    (spot,) = weak_spots(BEFORE, _plan(gap=0.3), BEFORE, rules)
    assert spot.key == "weakspot.large_gap"
    assert "30%" in spot.text("en") and "30%" in spot.text("vi")
    assert weak_spots(BEFORE, _plan(gap=0.05), BEFORE, rules) == ()


def test_duplicate_names_new_and_old(rules: Rulebook) -> None:
    after = _after({"SGT": {"name": "Sở Tài chính"}}, set())
    (spot,) = weak_spots(BEFORE, _plan(), after, rules)
    assert (spot.key, spot.severity) == ("weakspot.duplicate_name", "high")
    assert spot.units == ("STC", "SGT")
    # Already alike in the input: reported, low.
    (old,) = weak_spots(after, _plan(), after, rules)
    assert (old.key, old.severity) == (
        "weakspot.duplicate_name_input",
        "low",
    )


def test_every_message_has_both_languages() -> None:
    assert all(set(m) == {"en", "vi"} for m in MESSAGES.values())


def test_two_offices_merged_are_not_a_low_similarity_weak_spot() -> None:
    # Two offices do the same work for their departments: the coherence
    # rule and the objective both count them as similarity 1, so the
    # weak spots must not call their consolidation "little in common".
    from orgplan.io import open_scenario
    from orgplan.semantics.coherence import Coherence, CoherencePolicy

    org, scenario = open_scenario(
        Path(__file__).parent.parent / "scenarios" / "province-small"
    )
    offices = [u.id for u in org.units if u.id in ("SKHDT-VP", "STC-VP")]
    assert len(offices) == 2
    relation = Coherence(org, CoherencePolicy.from_scenario(scenario)).related(
        *offices
    )
    assert relation.related and relation.similarity == 1.0
