"""Texts that reached a Vietnamese reader in English, in one language now.

The scenario's targets that do not fit together (``orgplan validate``),
the input's warnings (printed by the commands while they read), the
units' hierarchy (several roots, no parent column, a cycle), files that
cannot be read (a damaged CSV, a workbook that is no .xlsx, a scenario
nested too deep) or written, and the errors of applying a plan and
planning its staff, with the checker's violation that carries them. Each
is read back with the surface test's detector of English words
(:mod:`test_i18n_surfaces`) once paths, keys and codes are blanked.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pydantic import ValidationError
from test_apply import MERGE, ORG, _plan
from test_i18n_surfaces import ENGLISH, VIETNAMESE
from test_staffing import chain, norm_org, roster_for, scenario

from cli import main
from orgplan.apply import apply
from orgplan.check import check_plan
from orgplan.errors import InputError, OrgplanError, OutputError, Problem
from orgplan.io import csv_io, open_scenario, read_plan
from orgplan.io.atomic import atomic_file
from orgplan.io.schema import TABLES
from orgplan.io.xlsx_package import OLE_MAGIC
from orgplan.io.yaml_io import read_scenario
from orgplan.model import FunctionDef, Locality, Organisation, Unit
from orgplan.plan import Flattening, Plan, Separation, Transfer
from orgplan.rules import load_rulebook
from orgplan.scenario import CUT_TARGETS, Scenario
from orgplan.staffing import plan_staffing
from orgplan.staffing.quotas import quotas_after
from orgplan.staffing.roster import roster_from_people
from orgplan.validate import detail_problem

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "scenarios" / "province-small" / "data"
BROKEN = ROOT / "tests" / "data" / "broken"
PLAN = ROOT / "tests" / "data" / "province-small-plan.json"
# What is a code, not a word: a path, a scenario key (min_units.department,
# leadership.heads.C0), a quoted value, a column of the file, a kind or a
# cut target.
CODES = re.compile(
    r"\S*/\S*|\b\w+(\.[\w-]+)+\b|'[^']*'|\b[a-z]+_[a-z_]+\b|\bcột \w+"
    rf"|\b({'|'.join(('department', 'division', *CUT_TARGETS))})\b"
)


def _english(text: str) -> list[str]:
    """English words of ``text`` beyond its codes."""
    return ENGLISH.findall(CODES.sub(" ", text))


def _assert_vietnamese(text: str, words: str) -> None:
    assert words in text, text
    assert _english(text) == [], text


def _run(*args: object, env: dict[str, str] | None = None) -> Result:
    return CliRunner(env={"COLUMNS": "250", **(env or {})}).invoke(
        main, [str(a) for a in args]
    )


def _scenario(folder: Path, targets: str, *extra: str) -> Path:
    path = folder / "scenario.yaml"
    lines = ["name: thử", f"data: {DATA}", "targets:", f"  {targets}", *extra]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("targets", "vi", "en"),
    [
        (
            "{max_units: {department: 7}, min_units: {department: 8}}",
            "min_units.department (8) lớn hơn max_units.department (7)",
            "min_units.department (8) is above max_units.department (7)",
        ),
        (
            "{min_cut: {units: 0.5}, max_cut: {units: 0.3}}",
            "min_cut.units (0.5) lớn hơn max_cut.units (0.3)",
            "is above max_cut.units",
        ),
        (
            "{min_cut: {units: 1.5}}",
            "phải là một tỷ lệ từ 0 đến dưới 1 (đã nhập 1.5)",
            "must be a fraction from 0 to 1 (got 1.5)",
        ),
        (
            "{max_cut: {units: 1.5}}",
            "phải là một tỷ lệ lớn hơn 0 và không quá 1",
            "must be a fraction above 0, at most 1",
        ),
        (
            "{min_cut: {people: 0.1}}",
            "min_cut không có mục tiêu 'people'",
            "unknown min_cut target 'people'",
        ),
        (
            "{max_cut: {staff: 0.1}}",
            "max_cut không có mục tiêu 'staff'",
            "unknown max_cut target 'staff'",
        ),
    ],
)
def test_targets_that_do_not_fit_are_worded_in_the_language(
    tmp_path: Path, targets: str, vi: str, en: str
) -> None:
    path = _scenario(tmp_path, targets)
    shown = _run("validate", path, "--lang", "vi")
    assert shown.exit_code == 1
    _assert_vietnamese(shown.output, vi)
    english = _run("validate", path, "--lang", "en")
    assert en in english.output
    assert not VIETNAMESE.search(english.output.replace("thử", ""))


def test_values_of_the_wrong_type_are_worded_in_the_language(
    tmp_path: Path,
) -> None:
    path = _scenario(
        tmp_path,
        "{max_units: [1], min_cut: {units: lots}}",
        "scope: {merge_within: x, allow_merge: perhaps, kinds: department,",
        "  max_group_size: many, allow_pairs: [[a, b, c]]}",
        "weights: {leaders: .nan}",
        "solver: fast",
    )
    shown = _run("validate", path, "--lang", "vi")
    assert shown.exit_code == 1
    for words in (
        "phải là một trong 'parent', 'locality', 'sector', 'adjacent', "
        "'anywhere' (đã nhập 'x')",
        "phải là true hoặc false (đã nhập 'perhaps')",
        "phải là số nguyên (đã nhập 'many')",
        "phải là một số (đã nhập 'lots')",
        "phải là một số hữu hạn",
        "phải là một tập khóa (đã nhập [1])",
        "phải là một danh sách (đã nhập 'department')",
        "phải có nhiều nhất 2 phần tử (đã có 3)",
    ):
        _assert_vietnamese(shown.output, words)
    english = _run("validate", path, "--lang", "en").output
    assert "must be one of 'parent', 'locality'" in english
    assert "must be a set of keys (got 'fast')" in english


SEVERAL_ROOTS = "2 đơn vị không có đơn vị cấp trên (UBND, STC)"


def test_input_warnings_follow_the_commands_language(tmp_path: Path) -> None:
    roots = BROKEN / "several-roots"
    # Printed by load_input (orgplan stats) ...
    stats = _run("stats", roots, "--lang", "vi")
    assert stats.exit_code == 0, stats.output
    _assert_vietnamese(stats.stderr, SEVERAL_ROOTS)
    # ... and by the warnings hook, the language from the environment ...
    dot = tmp_path / "before.dot"
    chart = _run(
        "chart", roots, "--format", "dot", "--out", dot,
        env={"ORGPLAN_LANG": "vi"},
    )  # fmt: skip
    assert chart.exit_code == 0, chart.output
    _assert_vietnamese(chart.stderr, SEVERAL_ROOTS)
    # ... or from the scenario's lang: when --lang is not given.
    path = _scenario(tmp_path, "{}", "lang: vi")
    text = path.read_text(encoding="utf-8").replace(str(DATA), str(roots))
    path.write_text(text, encoding="utf-8")
    chart = _run("chart", path, "--view", "before", "--format", "dot",
                 "--out", dot, env={"ORGPLAN_LANG": "en"})  # fmt: skip
    assert chart.exit_code == 0, chart.output
    _assert_vietnamese(chart.stderr, SEVERAL_ROOTS)
    english = _run("stats", roots, "--lang", "en")
    assert "2 units have no parent (UBND, STC)" in english.stderr


def test_data_errors_follow_the_scenarios_language(tmp_path: Path) -> None:
    path = _scenario(tmp_path, "{}", "lang: vi")
    negative = str(BROKEN / "negative-count")
    text = path.read_text(encoding="utf-8").replace(str(DATA), negative)
    path.write_text(text, encoding="utf-8")
    shown = _run("stats", path, env={"ORGPLAN_LANG": "en"})
    assert shown.exit_code == 1
    # The problems after click's prefix (its own test below).
    problems = shown.output.partition(":")[2]
    _assert_vietnamese(problems, "cột quota: phải từ 0 trở lên (đang là -3)")
    english = _run("stats", path, "--lang", "en")
    assert "must be 0 or more (got -3)" in english.output


def _data_of(path: Path, data: Path) -> Path:
    """The scenario at ``path`` reading ``data``."""
    text = path.read_text(encoding="utf-8").replace(str(DATA), str(data))
    path.write_text(text, encoding="utf-8")
    return path


def test_stats_follows_the_scenarios_language(tmp_path: Path) -> None:
    path = _scenario(tmp_path, "{}", "lang: vi")
    shown = _run("stats", path, env={"ORGPLAN_LANG": "en"})
    assert shown.exit_code == 0, shown.output
    for words in ("Chỉ tiêu", "Tầm quản lý", "Biên chế"):
        assert words in shown.output, shown.output
    assert "Indicator" not in shown.output
    # An explicit --lang wins over the scenario's.
    english = _run("stats", path, "--lang", "en")
    assert english.exit_code == 0, english.output
    for words in ("Indicator", "Span of control"):
        assert words in english.output, english.output
    assert "Chỉ tiêu" not in english.output


def test_the_error_prefix_follows_the_scenarios_language(
    tmp_path: Path,
) -> None:
    path = _data_of(
        _scenario(tmp_path, "{}", "lang: vi"), BROKEN / "negative-count"
    )
    shown = _run("stats", path, env={"ORGPLAN_LANG": "en"})
    assert shown.exit_code == 1
    assert shown.output.startswith("Lỗi: "), shown.output
    english = _run("stats", path, "--lang", "en", env={"ORGPLAN_LANG": "vi"})
    assert english.output.startswith("Error: "), english.output
    # A scenario in English under ORGPLAN_LANG=vi: the scenario's.
    english_path = _data_of(
        _scenario(tmp_path, "{}", "lang: en"), BROKEN / "negative-count"
    )
    shown = _run("stats", english_path, env={"ORGPLAN_LANG": "vi"})
    assert shown.output.startswith("Error: "), shown.output
    assert "must be 0 or more (got -3)" in shown.output


def test_a_commands_own_error_has_the_scenarios_prefix(
    tmp_path: Path,
) -> None:
    # orgplan check words its refusal in the scenario's language, and
    # click's prefix follows it.
    plan = ROOT / "tests" / "data" / "province-small-plan.json"
    other = ROOT / "scenarios" / "province-departments" / "data"
    path = _data_of(_scenario(tmp_path, "{}", "lang: vi"), other)
    shown = _run("check", plan, "--scenario", path, env={"ORGPLAN_LANG": "en"})
    assert shown.exit_code == 1
    assert shown.output.startswith("Lỗi: "), shown.output
    _assert_vietnamese(CODES.sub(" ", shown.output), "Lỗi: ")


def _bundled_in(folder: Path, lang: str) -> Path:
    """A copy of the bundled province-small scenario saying ``lang``."""
    text = (DATA.parent / "scenario.yaml").read_text(encoding="utf-8")
    path = folder / "scenario.yaml"
    path.write_text(
        text.replace("data: data/", f"data: {DATA}") + f"lang: {lang}\n",
        encoding="utf-8",
    )
    return path


def test_validate_follows_the_scenarios_language(tmp_path: Path) -> None:
    path = _bundled_in(tmp_path, "vi")
    shown = _run("validate", path, env={"ORGPLAN_LANG": "en"})
    assert shown.exit_code == 0, shown.output
    _assert_vietnamese(shown.output, f"{path} hợp lệ.")
    english = _run(
        "validate", path, "--lang", "en", env={"ORGPLAN_LANG": "vi"}
    )
    assert english.exit_code == 0, english.output
    assert english.output.strip() == f"{path} is valid.", english.output
    # Its data at fault: the problems, their count and click's prefix.
    broken = _data_of(path, BROKEN / "negative-count")
    shown = _run("validate", broken, env={"ORGPLAN_LANG": "en"})
    assert shown.exit_code == 1
    _assert_vietnamese(shown.output, "phải từ 0 trở lên (đang là -3)")
    assert f"Lỗi: {broken}: 1 lỗi; hãy sửa rồi chạy lại." in shown.output


def _chart_title(*args: object, out: Path) -> str:
    """The title of the one-page dot chart ``orgplan chart`` writes."""
    one_page = ("--view", "before", "--format", "dot", "--max-boxes", "0")
    shown = _run(
        "chart", *args, *one_page, "--out", out, env={"ORGPLAN_LANG": "en"}
    )
    assert shown.exit_code == 0, shown.output
    found = re.search(r"label=<<b>([^<]*)</b>>", out.read_text("utf-8"))
    assert found is not None
    return found.group(1)


def test_chart_follows_the_scenarios_language(tmp_path: Path) -> None:
    path = _bundled_in(tmp_path, "vi")
    assert _chart_title(path, out=tmp_path / "vi.dot") == "Trước sắp xếp"
    assert "biên chế" in (tmp_path / "vi.dot").read_text("utf-8")
    english = _chart_title(path, "--lang", "en", out=tmp_path / "en.dot")
    assert english == "Before"
    assert "quota" in (tmp_path / "en.dot").read_text("utf-8")
    # A plan.json records its scenario's lang: (as export reads it).
    plan = json.loads(PLAN.read_text(encoding="utf-8"))
    plan["settings"]["lang"] = "vi"
    plan_path = tmp_path / "plan.json"
    plan_path.write_text(json.dumps(plan), encoding="utf-8")
    assert _chart_title(plan_path, out=tmp_path / "p.dot") == "Trước sắp xếp"


def test_compare_follows_the_language_its_plans_name(tmp_path: Path) -> None:
    # A plan.json records its scenario's lang: (settings), as export and
    # chart read it; compare follows it when every plan names the same.
    plan = json.loads(PLAN.read_text(encoding="utf-8"))
    plan["settings"]["lang"] = "vi"
    paths = [tmp_path / f"{name}.json" for name in ("a", "b")]
    for path in paths:
        path.write_text(json.dumps(plan), encoding="utf-8")
    shown = _run("compare", *paths, env={"ORGPLAN_LANG": "en"})
    assert shown.exit_code == 0, shown.output
    assert "Trạng thái" in shown.output and "tối ưu" in shown.output
    assert "Status" not in shown.output
    english = _run("compare", *paths, "--lang", "en")
    assert "Status" in english.output and "Trạng thái" not in english.output
    # Plans that name different languages: the environment's.
    plan["settings"]["lang"] = "en"
    paths[1].write_text(json.dumps(plan), encoding="utf-8")
    mixed = _run("compare", *paths, env={"ORGPLAN_LANG": "vi"})
    assert "Trạng thái" in mixed.output, mixed.output


UNIT = Unit(id="A", name="Phòng A", kind="division", level="province")


@pytest.mark.parametrize(
    ("records", "vi", "en"),
    [
        (
            {"units": (UNIT, UNIT.model_copy())},
            "đơn vị có id 'A' bị trùng (mục 0 và 1 của danh sách)",
            "duplicate unit id 'A' (items 0 and 1 of the list)",
        ),
        (
            {"localities": (Locality(id="L", name="L", level="commune"),) * 2},
            "địa bàn có id 'L' bị trùng",
            "duplicate locality id 'L'",
        ),
        (
            {"functions": (FunctionDef(code="f"), FunctionDef(code="f"))},
            "chức năng có code 'f' bị trùng",
            "duplicate function code 'f'",
        ),
    ],
)
def test_a_hand_built_organisations_duplicate_ids_in_both_languages(
    records: dict[str, tuple[object, ...]], vi: str, en: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        Organisation.model_validate({"units": (UNIT,), **records})
    (detail,) = raised.value.errors()
    problem = detail_problem("org", detail, field=str(detail["loc"][0]))
    _assert_vietnamese(problem.text("vi"), vi)
    assert en in problem.text("en")


def test_a_plans_repeated_unit_is_named_with_its_file_and_field(
    tmp_path: Path,
) -> None:
    source = ROOT / "tests" / "data" / "province-small-plan.json"
    plan = json.loads(source.read_text(encoding="utf-8"))
    plan["units_after"].append(plan["units_after"][1])
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    last = len(plan["units_after"]) - 1
    scenario = ROOT / "scenarios" / "province-small"
    shown = _run("check", path, "--scenario", scenario, "--lang", "vi")
    assert shown.exit_code == 1, shown.output
    _assert_vietnamese(
        shown.output,
        f"{path}, trường units_after: đơn vị có id 'VP-UBND' bị trùng "
        f"(mục 1 và {last} của danh sách)",
    )
    english = _run("check", path, "--scenario", scenario, "--lang", "en")
    assert english.exit_code == 1, english.output
    assert (
        f"{path}, field units_after: duplicate unit id 'VP-UBND' "
        f"(items 1 and {last} of the list)"
    ) in english.output


def _copy(folder: Path, drop: str | None = None) -> Path:
    """The bundled data's units (without the column ``drop``)."""
    folder.mkdir()
    rows = list(csv.reader((DATA / "units.csv").open(encoding="utf-8-sig")))
    keep = [i for i, name in enumerate(rows[0]) if name != drop]
    with (folder / "units.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([[r[i] for i in keep] for r in rows])
    return folder


def test_a_damaged_hierarchy_is_worded_in_vietnamese(tmp_path: Path) -> None:
    flat = _copy(tmp_path / "flat", drop="parent")
    shown = _run("validate", flat, "--lang", "vi")
    assert shown.exit_code == 1
    _assert_vietnamese(shown.output, "không có cột mã đơn vị cấp trên")
    shown = _run("validate", BROKEN / "cycle", "--lang", "vi")
    assert shown.exit_code == 1
    _assert_vietnamese(shown.output, "cơ cấu tổ chức có vòng lặp")


@pytest.mark.parametrize(
    ("content", "vi"),
    [
        (b"not a workbook", "tệp không phải gói zip"),
        (OLE_MAGIC + b"\0" * 600, "sổ tính Excel 97-2003 (.xls)"),
        (
            OLE_MAGIC + "EncryptedPackage".encode("utf-16-le"),
            "sổ tính được mã hóa (có mật khẩu)",
        ),
    ],
)
def test_a_file_that_is_no_workbook_is_named_so_in_vietnamese(
    tmp_path: Path, content: bytes, vi: str
) -> None:
    path = tmp_path / "dữ liệu.xlsx"
    path.write_bytes(content)
    shown = _run("validate", path, "--lang", "vi")
    assert shown.exit_code == 1
    # Excel's own menu names (File > Info...) are quoted as Excel shows
    # them.
    _assert_vietnamese(re.sub(r"\(File >[^)]*\)", " ", shown.output), vi)


def test_an_unreadable_csv_is_worded_in_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Python's csv reader refuses little beyond an oversized cell (its
    # own problem); whatever else it refuses is said in the language.
    def refuse(*_: object, **__: object) -> Iterator[list[str]]:
        yield ["id", "name"]
        raise csv.Error("unexpected end of data")

    path = tmp_path / "units.csv"
    path.write_text("id,name\n", encoding="utf-8")
    monkeypatch.setattr(csv_io.csv, "reader", refuse)
    raw, problem = csv_io._read_file(path, TABLES["units"])
    assert raw is None and isinstance(problem, Problem)
    assert "không đọc được tệp CSV" in problem.text("vi")
    assert "not a readable CSV file" in problem.text("en")


def test_a_scenario_too_deep_or_not_a_scenario_in_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ORGPLAN_MAX_DEPTH", "3")
    path = tmp_path / "deep.yaml"
    path.write_text("name: x\nscope: {a: {b: {c: {d: 1}}}}\n", "utf-8")
    (problem,) = read_scenario(path).problems
    assert "ORGPLAN_MAX_DEPTH" in problem.text("vi")
    assert _english(problem.text("vi")) == [], problem.text("vi")
    assert VIETNAMESE.search(problem.text("vi"))
    with pytest.raises(InputError) as raised:
        open_scenario(DATA)
    _assert_vietnamese(raised.value.text("vi"), "không phải kịch bản")


@pytest.mark.parametrize(
    ("note", "vi"),
    [
        ({"key": "no_such_key"}, "khóa thông điệp 'no_such_key' không xác"),
        (
            {"key": "note_posts_lost", "n": 9},
            "thông điệp 'note_posts_lost' thiếu trường 'months'",
        ),
    ],
)
def test_a_plans_broken_message_is_worded_in_vietnamese(
    tmp_path: Path, note: dict[str, object], vi: str
) -> None:
    source = ROOT / "tests" / "data" / "province-small-plan.json"
    plan = json.loads(source.read_text(encoding="utf-8"))
    plan["notes"] = [note]
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_plan(path)
    assert vi in raised.value.text("vi")
    assert VIETNAMESE.search(raised.value.text("en")) is None


def test_an_output_that_cannot_be_written_in_vietnamese(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(OutputError) as raised, atomic_file(blocker / "x.csv"):
        pass
    text = raised.value.text("vi")
    assert text.startswith(f"không ghi được {blocker / 'x.csv'}"), text
    # The operating system's reason stays in its words ("Not a
    # directory"); the rest is Vietnamese.
    assert _english(text.split(": ")[0] + text.rpartition(";")[2]) == []


TRANSFER = Transfer.model_validate(
    {"from": "B", "to": "A", "category": "contract", "count": 1}
)
ABSENT = Separation(
    unit="B", category="civil_servant", count=1, persons=("a1",)
)


@pytest.mark.parametrize(
    ("plan", "vi"),
    [
        (_plan(transfers=(TRANSFER,)), "lấy 1 hợp đồng lao động từ B"),
        (_plan(separations=(ABSENT,)), "người không thuộc B vào lúc đó"),
        (
            _plan(
                merges=(MERGE,), flattened=(Flattening(unit="B", into="D"),)
            ),
            "không áp dụng được phương án:",
        ),
    ],
)
def test_a_plan_that_cannot_apply_says_why_in_vietnamese(
    plan: Plan, vi: str
) -> None:
    with pytest.raises(OrgplanError) as raised:
        apply(ORG, plan)
    _assert_vietnamese(raised.value.text("vi"), vi)


def test_the_checkers_staffing_violation_is_in_its_language() -> None:
    plan = _plan(transfers=(TRANSFER,))
    found = check_plan(ORG, Scenario(name="t", data=Path("d")), plan)
    (staffing,) = [v for v in found if v.rule == "staffing"]
    _assert_vietnamese(staffing.text("vi"), "lấy 1 hợp đồng lao động từ B")
    assert "takes 1 contract staff from B" in staffing.text("en")


def _staffing_error(case: str) -> OrgplanError:
    rulebook = load_rulebook()
    try:
        if case == "override":
            params = scenario(quota_overrides={"NOPE": 3}).staffing
            quotas_after(chain([(10, 9)]), params, rulebook)
        elif case == "population":
            org = norm_org(1, "plain", "commune")
            bare = (Locality(id="L", name="L", level="commune"),)
            org = org.model_copy(update={"localities": bare})
            quotas_after(org, scenario(quota="norm").staffing, rulebook)
        elif case == "locality":
            org = norm_org(1, "plain", "commune")
            org = org.model_copy(
                update={"units": (org.units[0].model_copy(
                    update={"locality": None}),)}
            )  # fmt: skip
            quotas_after(org, scenario(quota="norm").staffing, rulebook)
        elif case == "head":
            org = chain([(10, 6), (10, 9)])
            sc = Scenario.model_validate(
                {
                    "name": "t",
                    "data": "d",
                    "leadership": {"heads": {"C7": "X"}},
                }
            )
            plan_staffing(org, sc, sc.rulebook(), _plan())
        else:
            people = roster_for(chain([(10, 1)]))
            roster_from_people(people, ["C9"], rulebook.separations, 2025)
    except OrgplanError as error:
        return error
    raise AssertionError(f"{case}: no error")


@pytest.mark.parametrize(
    ("case", "vi"),
    [
        ("override", "staffing.quota_overrides.NOPE nêu một đơn vị"),
        ("population", "không có dân số"),
        ("locality", "không có địa bàn đã biết"),
        ("head", "nêu một đơn vị không có mục lãnh đạo"),
        ("roster", "thuộc đơn vị 'C0', đơn vị không tồn tại"),
    ],
)
def test_staffing_errors_are_worded_in_vietnamese(case: str, vi: str) -> None:
    _assert_vietnamese(_staffing_error(case).text("vi"), vi)


def test_a_template_that_cannot_be_written_is_worded_once(
    tmp_path: Path,
) -> None:
    # A workbook under a regular file: the catalogue's words with the
    # path, not wrapped again in an English "cannot write".
    (tmp_path / "file").write_text("x", encoding="utf-8")
    out = tmp_path / "file" / "mau.xlsx"
    result = CliRunner().invoke(
        main, ["template", str(out), "--lang", "vi"], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert "cannot write" not in result.output
    assert _english(result.output) == []
    assert VIETNAMESE.search(result.output)
