"""The message catalogue: complete in both languages, input in either."""

from __future__ import annotations

import re
import string

import pytest

from orgplan.i18n import CATALOGUE, LANGS, message, resolve_lang, t
from orgplan.i18n.aliases import VALUES, canonical_header, canonical_value
from orgplan.i18n.vi_input import VI_ONLY
from orgplan.io.schema import TABLES
from orgplan.rules import VN_2025_SOURCES, load_rulebook


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_message_has_both_languages_with_the_same_fields() -> None:
    en, vi = CATALOGUE["en"], CATALOGUE["vi"]
    assert set(en) <= set(vi)
    assert set(vi) - set(en) == set(VI_ONLY)
    for key, text in en.items():
        assert vi[key].strip(), key
        assert _fields(text) == _fields(vi[key]), key


def test_vietnamese_messages_are_translated_with_diacritics() -> None:
    # Not a copy of the English, and no Vietnamese word typed without
    # its diacritics ("So Tai chinh", "don vi", "bien che").
    unaccented = re.compile(
        r"\b(So|Phong|don vi|bien che|hop nhat|nguoi|giam|cap pho)\b"
    )
    copied = [
        key
        for key, text in CATALOGUE["en"].items()
        if len(_words(text)) >= 2 and CATALOGUE["vi"][key] == text
    ]
    assert copied == []
    typed = [k for k, v in CATALOGUE["vi"].items() if unaccented.search(v)]
    assert typed == []


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]{2,}", re.sub(r"\{[^}]*\}", "", text))


def test_every_input_column_has_a_vietnamese_header_and_meaning() -> None:
    for table in TABLES.values():
        headers = set()
        for column in table.columns:
            header = VI_ONLY[f"header.{table.name}.{column.name}"]
            assert VI_ONLY[f"meaning.{table.name}.{column.name}"]
            assert canonical_header(table.name, header) == column.name
            headers.add(header)
        assert len(headers) == len(table.columns), table.name


def test_every_rule_source_is_translated() -> None:
    missing = [k for k in VN_2025_SOURCES if f"source.{k}" not in VI_ONLY]
    assert missing == []


def test_rulebook_labels_read_back_as_their_kind() -> None:
    for code, kind in load_rulebook().kinds.items():
        assert canonical_value("kind", kind.label_vi) == code
        english = canonical_value("kind", kind.label_en)
        # One-word English labels are the codes themselves.
        assert code in (english, english.lower()), code


@pytest.mark.parametrize(
    ("column", "word", "code"),
    [
        ("kind", "Sở", "department"),
        ("kind", "chi cục", "sub_department"),
        ("kind", "Đơn vị sự nghiệp", "public_service_unit"),
        ("kind", "Uỷ ban nhân dân", "peoples_committee"),
        ("kind", " phường ", "ward"),
        ("level", "Xã", "commune"),
        ("category", "Công chức", "civil_servant"),
        ("category", "viên chức", "public_employee"),
        ("role", "cấp phó", "deputy"),
    ],
)
def test_vietnamese_words_read_as_codes(
    column: str, word: str, code: str
) -> None:
    assert canonical_value(column, word) == code


def test_coded_values_of_the_export_read_back() -> None:
    # The Vietnamese export writes these labels; each must read back.
    for key in ("civil_servant", "public_employee", "contract"):
        assert canonical_value("category", t(key, "vi")) == key
    for level in VALUES["level"]:
        assert canonical_value("level", t(f"level_{level}", "vi")) == level


def test_a_message_as_data_is_worded_in_either_language() -> None:
    reason = {"key": "reason_posts_saved_many", "n": 2, "before": 5}
    reason["after"] = 3
    assert message(reason, "en") == (
        "2 leadership posts fewer in all (5 -> 3)"
    )
    assert message(reason, "vi") == (
        "giảm tổng cộng 2 vị trí lãnh đạo (từ 5 còn 3)"
    )
    assert message("kept as written", "vi") == "kept as written"


def test_words_fixed_in_both_languages_are_chosen_by_the_reader() -> None:
    name = {"id": "STC", "en": "Department of Finance", "vi": "Sở Tài chính"}
    member = {"key": "reason_member", "name": name, "staff": 6, "quota": 7}
    merged = {"key": "reason_members", "members": [member, member]}
    assert message(merged, "en") == (
        "merges Department of Finance (6 staff, quota 7), "
        "Department of Finance (6 staff, quota 7)"
    )
    assert message(member, "vi") == "Sở Tài chính (6 người, biên chế 7)"


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        ({"key": "no_such_key"}, "unknown message key"),
        ({"n": 2}, "unknown message key"),
        ({"key": "reason_posts_saved_many", "n": 2}, "lacks the field"),
    ],
)
def test_a_plan_with_a_broken_message_fails_when_read(
    reason: dict[str, object], words: str
) -> None:
    from pydantic import ValidationError

    from orgplan.plan import Merge

    with pytest.raises(ValidationError, match=words):
        Merge(into="A", members=("A", "B"), name="A", reasons=(reason,))
    # A plain string is what an older orgplan wrote: it still reads.
    old = Merge(into="A", members=("A", "B"), name="A", reasons=("old",))
    assert message(old.reasons[0], "vi") == "old"


def test_language_from_option_scenario_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ORGPLAN_LANG", "vi")
    assert resolve_lang(None) == "vi"
    assert resolve_lang(None, "en") == "en"
    assert resolve_lang("en", "vi") == "en"
    monkeypatch.setenv("ORGPLAN_LANG", "fr")
    with pytest.raises(ValueError, match="ORGPLAN_LANG"):
        resolve_lang(None)
    monkeypatch.delenv("ORGPLAN_LANG")
    assert resolve_lang(None) in LANGS


def test_rule_sources_cite_in_either_language() -> None:
    from orgplan.i18n import citation, rule_source

    key = "kinds.division.deputy_steps"
    assert citation(key, VN_2025_SOURCES, "en") == "Decree 370/2025"
    assert citation(key, VN_2025_SOURCES, "vi") == "Nghị định 370/2025"
    assert rule_source(key, VN_2025_SOURCES, "en") == VN_2025_SOURCES[key]
    # A source a scenario added is shown as written.
    assert rule_source("mine", {"mine": "Quyết định 1/2026"}, "vi") == (
        "Quyết định 1/2026"
    )


def test_every_phase_of_a_solve_has_its_words() -> None:
    from orgplan.i18n import has
    from orgplan.optimize.progress import PHASES

    assert [p for p in PHASES if not has(f"phase_{p}", "vi")] == []


def test_numbers_as_each_language_writes_them() -> None:
    from orgplan.i18n import number_text, percent_text, signed_text

    assert number_text(1_250_000_000.0, "vi") == "1.250.000.000"
    assert number_text(1133.9, "vi") == "1.133,90"
    assert number_text(1133.9, "en") == "1,133.90"
    assert percent_text(0.0858, "vi") == "8,58%"
    assert percent_text(-0.3, "en", decimals=1, sign=True) == "-30.0%"
    assert number_text(None) == ""
    assert signed_text(-1452, "vi") == "-1.452"
    assert signed_text(1452, "en") == "+1,452"
    assert signed_text(0) == "0"


def test_every_method_has_its_name() -> None:
    import typing

    from orgplan.i18n import has
    from orgplan.scenario import SolverParams

    methods = typing.get_args(SolverParams.model_fields["method"].annotation)
    assert methods and [m for m in methods if not has(f"method_{m}")] == []


def test_vietnamese_sheet_names_name_their_tables() -> None:
    from orgplan.i18n.aliases import canonical_sheet

    assert canonical_sheet(" Đơn vị ") == "units"
    assert canonical_sheet("CÁN BỘ") == "staff"
    assert canonical_sheet("units") == "units"
    assert canonical_sheet("Ghi chú") == "ghi chú"
