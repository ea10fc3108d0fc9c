"""Reasons a person can use (issue 10), in either language.

Each decision's reasons travel in plan.json as catalogue messages and
state the members and their sizes, what their work shares (functions by
name), the target or rule that drives it with its legal source, the
posts saved and the balance gained.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from orgplan.i18n import message
from orgplan.io import open_scenario
from orgplan.model import Organisation
from orgplan.optimize.reasons import (
    binding_rules,
    fold_reasons,
    merge_reasons,
    split_reasons,
)
from orgplan.plan import Leadership, Merge, Plan, SolveStatus
from orgplan.scenario import Scenario

SCENARIO = Path(__file__).resolve().parents[1] / "scenarios" / "province-small"


@dataclass(frozen=True)
class _Part:
    to: str
    functions: tuple[str, ...]
    staff: int
    children: tuple[str, ...] = ()


@pytest.fixture(scope="module")
def data() -> tuple[Organisation, Scenario]:
    return open_scenario(SCENARIO)


def _words(reasons: tuple[dict, ...], lang: str) -> str:
    return "; ".join(message(r, lang) for r in reasons)  # type: ignore[arg-type]


def test_a_merger_says_who_why_by_which_rule_and_what_it_saves(
    data: tuple[Organisation, Scenario],
) -> None:
    org, scenario = data
    # Planning and Investment (7 staff, quota 7, 1 head, 3 deputies) and
    # Finance (6 staff, quota 7): one head and three deputies stay.
    reasons = merge_reasons(
        org, scenario, scenario.rulebook(), ["SKHDT", "STC"], 4
    )
    keys = [r["key"] for r in reasons]
    assert keys[0] == "reason_members"
    assert {"reason_must_merge", "reason_function_family"} <= set(keys)
    assert "reason_posts_saved_many" in keys
    en, vi = _words(reasons, "en"), _words(reasons, "vi")
    assert en.startswith(
        "merges Department of Planning and Investment (7 staff, quota 7), "
        "Department of Finance (6 staff, quota 7)"
    )
    assert vi.startswith(
        "hợp nhất Sở Kế hoạch và Đầu tư (7 người, biên chế 7), "
        "Sở Tài chính (6 người, biên chế 7)"
    )
    # Functions by their names, with their codes.
    assert "Tài chính (finance)" in en and "Tài chính (finance)" in vi
    # The target that drives it, with its legal source.
    assert "at most 7 units of kind department (9 now)" in en
    assert "within Decree 45/2025" in en
    assert "tối đa 7 đơn vị loại sở (hiện có 9)" in vi
    assert "Nghị định 45/2025" in vi
    assert "15% fewer focal points (at most 44 of 52)" in en
    assert "Resolution 18-NQ/TW" in en and "Nghị quyết 18-NQ/TW" in vi
    # Posts saved, both ways.
    assert "1 head post fewer" in en
    assert "giảm 1 cấp trưởng" in vi


def test_a_merger_of_two_offices_tells_them_apart(
    data: tuple[Organisation, Scenario],
) -> None:
    org, scenario = data
    # Two offices, both called "Văn phòng Sở".
    reasons = merge_reasons(
        org, scenario, scenario.rulebook(), ["SKHDT-VP", "STC-VP"], 2
    )
    vi = _words(reasons, "vi")
    assert "Văn phòng Sở thuộc Sở Kế hoạch và Đầu tư" in vi
    assert "Văn phòng Sở thuộc Sở Tài chính" in vi
    assert "cùng làm công tác văn phòng" in vi
    en = _words(reasons, "en")
    assert "do the same support work: the office" in en
    # An undersized office is named so that the reader knows which one.
    reasons = merge_reasons(
        org, scenario, scenario.rulebook(), ["STP-VP", "SNV-VP"], 2
    )
    assert (
        "Department Office of Department of Home Affairs is undersized"
        in _words(reasons, "en")
    )


def test_a_merger_that_offsets_surplus_and_deficit_says_so(
    data: tuple[Organisation, Scenario],
) -> None:
    org, scenario = data
    # STC-NS is 1 over its quota of 12, STC-GCS 1 under its 9.
    reasons = merge_reasons(
        org, scenario, scenario.rulebook(), ["STC-NS", "STC-GCS"], 3
    )
    assert "staff against quota imbalance 2 -> 0" in _words(reasons, "en")
    assert "chênh lệch biên chế từ 2 còn 0" in _words(reasons, "vi")


def test_a_fold_says_the_minimum_it_misses_and_its_source(
    data: tuple[Organisation, Scenario],
) -> None:
    org, scenario = data
    reasons = fold_reasons(org, scenario.rulebook(), "SKHDT-DKKD", scenario)
    en, vi = _words(reasons, "en"), _words(reasons, "vi")
    assert en.startswith(
        "Business Registration Division (4 staff, quota 4) is folded into "
        "Department of Planning and Investment"
    )
    assert (
        "a quota of 4, below the minimum of 5 for a division "
        "(Decree 107/2020, 45/2025)"
    ) in en
    assert "dưới mức tối thiểu 5 của phòng (Nghị định 107/2020" in vi
    assert "1 leadership post fewer in all (1 -> 0)" in en


def test_a_split_names_each_receiver_its_functions_and_the_children(
    data: tuple[Organisation, Scenario],
) -> None:
    org, scenario = data
    # Home Affairs dissolved: its office follows to Justice (a made-up
    # split, to read its words).
    parts = [
        _Part("STP", ("home_affairs.office",), 4, ("SNV-VP",)),
        _Part("SKHDT", ("home_affairs",), 1),
    ]
    reasons = split_reasons(
        org, scenario.rulebook(), "SNV", parts, scenario=scenario
    )
    en, vi = _words(reasons, "en"), _words(reasons, "vi")
    assert en.startswith("Department of Home Affairs (")
    assert "is dissolved and its work handed over" in en
    assert "Department of Justice takes" in en and "(4 staff)" in en
    assert (
        "Department Office (6 staff, quota 4) moves to Department of "
        "Justice with its functions"
    ) in en
    assert "Sở Tư pháp nhận" in vi
    assert "chuyển về Sở Tư pháp cùng chức năng của mình" in vi


def test_binding_rules_word_the_targets_met_and_the_caps(
    data: tuple[Organisation, Scenario],
) -> None:
    org, scenario = data
    lead = Leadership(
        unit="SKHDT",
        heads=1,
        deputies=6,
        cap=4,
        excess=2,
        reduce_by="2030-12-31",
    )
    rules = binding_rules(
        org,
        scenario,
        scenario.rulebook(),
        ["max_units.department", "min_cut.focal_points"],
        [lead],
    )
    en = [message(r, "en") for r in rules]
    vi = [message(r, "vi") for r in rules]
    assert en[0] == "at most 7 units of kind department (9 now): met exactly"
    assert vi[0] == "tối đa 7 đơn vị loại sở (hiện có 9): đạt đúng mức"
    assert en[2] == (
        "deputy caps: 1 merged units keep 2 deputies above the cap until "
        "2030-12-31"
    )
    assert "31/12/2030" in vi[2]


def test_plan_json_keeps_reasons_as_data_and_reads_old_ones(
    data: tuple[Organisation, Scenario],
) -> None:
    org, scenario = data
    reasons = merge_reasons(
        org, scenario, scenario.rulebook(), ["SKHDT", "STC"], 4
    )
    plan = Plan(
        scenario="x",
        status=SolveStatus.FEASIBLE,
        merges=(
            Merge(
                into="SKHDT",
                members=("SKHDT", "STC"),
                name="Sở Tài chính",
                reasons=reasons,
            ),
        ),
    )
    again = Plan.model_validate_json(plan.to_json())
    assert again == plan
    assert _words(again.merges[0].reasons, "vi") == _words(reasons, "vi")
    # A plan.json from before reasons were data: plain text, as written.
    old = Plan.model_validate(
        {
            "scenario": "x",
            "status": "feasible",
            "merges": [
                {
                    "into": "A",
                    "members": ["A", "B"],
                    "name": "A",
                    "reasons": ["B is undersized"],
                }
            ],
        }
    )
    assert message(old.merges[0].reasons[0], "vi") == "B is undersized"
