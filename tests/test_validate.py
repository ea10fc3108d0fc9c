"""Input validation: one broken input per defect, each found where it is."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path

import pytest
from helpers import BROKEN, RULEBOOK, VALID
from hypothesis import given
from hypothesis import strategies as st

from orgplan.errors import InputError, OrgplanWarning, Problem
from orgplan.io import (
    check_input,
    load_scenario,
    open_scenario,
    read_organisation,
)
from orgplan.io.cells import FALSE_WORDS, TRUE_WORDS, parse_cell
from orgplan.io.schema import UNITS

SCENARIOS = BROKEN / "scenarios"

# (input, file, sheet, row, column or key path, message fragment, severity)
DEFECTS = [
    ("not-utf8", "units.csv", None, 3, None, "not UTF-8 (line 3", "error"),
    (
        "wrong-sheet.xlsx",
        "wrong-sheet.xlsx",
        "units",
        None,
        None,
        "has sheets 'Danh sách', 'staff'",
        "error",
    ),
    (
        "missing-units-file",
        "units.csv",
        None,
        None,
        None,
        "no units.csv",
        "error",
    ),
    (
        "missing-column",
        "units.csv",
        None,
        1,
        "quota",
        "required column 'quota' is missing",
        "error",
    ),
    (
        "unknown-column",
        "units.csv",
        None,
        1,
        "ghi_chu",
        "unknown column 'ghi_chu'",
        "warning",
    ),
    ("duplicate-id", "units.csv", None, 5, "id", "(rows 3 and 5)", "error"),
    (
        "unknown-parent",
        "units.csv",
        None,
        4,
        "parent",
        "'SXX' is not a unit id",
        "error",
    ),
    (
        "unknown-locality",
        "units.csv",
        None,
        3,
        "locality",
        "'ZZ' is not a locality id in localities.csv",
        "error",
    ),
    (
        "unknown-staff-unit",
        "staff.csv",
        None,
        3,
        "unit",
        "'NOPE' is not a unit id in units.csv",
        "error",
    ),
    (
        "unknown-neighbour",
        "localities.csv",
        None,
        4,
        "neighbours",
        "'X09' is not a locality id",
        "error",
    ),
    (
        "unknown-function-parent",
        "functions.csv",
        None,
        4,
        "parent",
        "'TC' is not a function code",
        "error",
    ),
    (
        "unknown-function-code",
        "units.csv",
        None,
        3,
        "functions",
        "'NV.XX' is not a function code",
        "error",
    ),
    ("cycle", "units.csv", None, 3, "parent", "A → C → B → A", "error"),
    (
        "several-roots",
        "units.csv",
        None,
        None,
        None,
        "2 units have no parent (UBND, STC)",
        "warning",
    ),
    (
        "negative-count",
        "units.csv",
        None,
        3,
        "quota",
        "must be 0 or more (got -3)",
        "error",
    ),
    (
        "not-a-number",
        "units.csv",
        None,
        3,
        "actual",
        "'mười' is not a number",
        "error",
    ),
    (
        "float-for-int",
        "units.csv",
        None,
        3,
        "heads",
        "1.5 is not a whole number",
        "error",
    ),
    (
        "excel-float-for-int.xlsx",
        "excel-float-for-int.xlsx",
        "units",
        3,
        "deputies",
        "12.5 is not a whole number",
        "error",
    ),
    (
        "leaders-above-actual",
        "units.csv",
        None,
        3,
        "deputies",
        "heads + deputies = 5 is more than actual (3)",
        "error",
    ),
    (
        "split-mismatch",
        "units.csv",
        None,
        4,
        "actual",
        "civil_servants + public_employees + contract = 5, but actual is 6",
        "error",
    ),
    (
        "unknown-kind",
        "units.csv",
        None,
        3,
        "kind",
        "unknown kind 'so'",
        "error",
    ),
    (
        "unknown-level",
        "units.csv",
        None,
        3,
        "level",
        "unknown level 'tinh'",
        "error",
    ),
    (
        "unknown-category",
        "staff.csv",
        None,
        3,
        "category",
        "unknown category 'cong_chuc'",
        "error",
    ),
    (
        "unknown-role",
        "staff.csv",
        None,
        2,
        "role",
        "unknown role 'boss'",
        "error",
    ),
    (
        "unknown-terrain",
        "localities.csv",
        None,
        2,
        "terrain",
        "unknown terrain 'núi'",
        "error",
    ),
    (
        "roster-mismatch",
        "units.csv",
        None,
        2,
        "actual",
        "staff.csv lists 3 persons of this unit (1 heads, 0 deputies)",
        "warning",
    ),
    (
        "empty-required-cell",
        "units.csv",
        None,
        3,
        "name",
        "every unit needs a name",
        "error",
    ),
    (
        "bad-boolean",
        "units.csv",
        None,
        3,
        "locked",
        "'có lẽ' is not a yes/no value",
        "error",
    ),
    (
        "scenarios/broken-yaml.yaml",
        "broken-yaml.yaml",
        None,
        5,
        None,
        "not valid YAML (column 8)",
        "error",
    ),
    (
        "scenarios/bad-key.yaml",
        "bad-key.yaml",
        None,
        4,
        "targets.min_cut",
        "must be a fraction from 0 to 1 (got 1.5)",
        "error",
    ),
    (
        "scenarios/bad-key.yaml",
        "bad-key.yaml",
        None,
        5,
        "targets.max_unit",
        "unknown key",
        "error",
    ),
    (
        "scenarios/unknown-rulebook.yaml",
        "unknown-rulebook.yaml",
        None,
        3,
        "rules",
        "unknown rulebook 'vn-2030'",
        "error",
    ),
    (
        "scenarios/missing-data.yaml",
        "missing-data.yaml",
        None,
        2,
        "data",
        "du-lieu does not exist",
        "error",
    ),
    (
        "scenarios/bad-references.yaml",
        "bad-references.yaml",
        None,
        4,
        "locks.1",
        "'VP-UBND' is not a unit id",
        "error",
    ),
    (
        "scenarios/bad-references.yaml",
        "bad-references.yaml",
        None,
        5,
        "must_merge.0.1",
        "'STP' is not a unit id",
        "error",
    ),
    (
        "scenarios/bad-references.yaml",
        "bad-references.yaml",
        None,
        5,
        "must_merge.0.0",
        "SNV must merge but is locked in the scenario's locks",
        "error",
    ),
    (
        "scenarios/bad-references.yaml",
        "bad-references.yaml",
        None,
        6,
        "leadership.heads.SNV",
        "'NV009' is not a person id",
        "error",
    ),
    (
        "scenarios/bad-references.yaml",
        "bad-references.yaml",
        None,
        3,
        "scope.kinds.1",
        "'so' is not a kind of rulebook vn-2025",
        "error",
    ),
]


def _matching(problems: list[Problem], fragment: str) -> list[Problem]:
    return [p for p in problems if fragment in p.message]


@pytest.mark.parametrize(
    ("case", "file", "sheet", "row", "field", "fragment", "severity"),
    DEFECTS,
    ids=[f"{d[0]}:{d[4]}" for d in DEFECTS],
)
def test_each_defect_is_found_where_it_is(
    case: str,
    file: str,
    sheet: str | None,
    row: int | None,
    field: str | None,
    fragment: str,
    severity: str,
) -> None:
    problems = check_input(BROKEN / case)
    found = _matching(problems, fragment)
    assert len(found) == 1, problems
    problem = found[0]
    assert Path(problem.file).name == file
    assert (problem.sheet, problem.row, problem.field) == (sheet, row, field)
    assert problem.severity == severity
    # Each input has only the errors it was made for.
    expected = [d[5] for d in DEFECTS if d[0] == case and d[6] == "error"]
    for error in (p for p in problems if p.severity == "error"):
        assert any(f in error.message for f in expected), error


def test_every_broken_input_is_covered() -> None:
    covered = {case.split("/")[0] for case, *_ in DEFECTS}
    cases = {p.name for p in BROKEN.iterdir()} - {"many-defects"}
    assert cases <= covered
    assert {p.name for p in SCENARIOS.glob("*.yaml")} <= {
        case.split("/")[1] for case, *_ in DEFECTS if "/" in case
    }


MANY = [
    ("units.csv", 3, "kind", "unknown kind 'so'"),
    ("units.csv", 3, "quota", "must be 0 or more"),
    ("units.csv", 4, "level", "unknown level 'tinh'"),
    ("units.csv", 4, "actual", "5.5 is not a whole number"),
    ("units.csv", 4, "id", "duplicate unit id 'SNV' (rows 3 and 4)"),
    ("units.csv", 5, "name", "every unit needs a name"),
    ("units.csv", 5, "locked", "'maybe' is not a yes/no value"),
    ("units.csv", 5, "parent", "'SXX' is not a unit id"),
    ("units.csv", 5, "deputies", "heads + deputies = 5"),
    ("units.csv", 6, "actual", "'mười' is not a number"),
    ("units.csv", 2, "locality", "'ZZ' is not a locality id"),
    ("localities.csv", 2, "terrain", "unknown terrain 'núi'"),
    ("localities.csv", 2, "neighbours", "'X09' is not a locality id"),
    ("staff.csv", 2, "category", "unknown category"),
    ("staff.csv", 2, "role", "unknown role 'boss'"),
    ("staff.csv", 3, "id", "duplicate person id 'A1'"),
    ("staff.csv", 3, "unit", "'NOPE' is not a unit id"),
]


def test_a_dozen_defects_at_once_are_all_listed() -> None:
    with pytest.raises(InputError) as caught:
        read_organisation(BROKEN / "many-defects")
    errors = caught.value.errors
    located = {(Path(p.file).name, p.row, p.field) for p in errors}
    assert len(errors) == len(MANY)
    for file, row, field, fragment in MANY:
        assert (file, row, field) in located
        assert _matching(errors, fragment), fragment
        assert fragment in str(caught.value)


def test_valid_data_has_no_problem_and_keeps_its_text() -> None:
    assert check_input(VALID) == []
    org = read_organisation(VALID)
    by_id = org.unit_by_id
    assert by_id["STNMT"].name == "Sở Tài nguyên và Môi trường"
    assert by_id["P-CL"].name == "Phường Chiềng Lề, thành phố Sơn La"
    # có, x, không, false and an empty cell.
    assert [u.locked for u in org.units[:4]] == [True, False, False, False]
    assert by_id["P-CL"].locked
    assert by_id["STNMT"].functions == ("MT.DD", "MT.MT")
    assert org.locality_by_id["CL"].area_km2 == pytest.approx(5.6)
    assert org.staff[2].excluded and not org.staff[0].excluded
    assert sum(u.actual for u in org.units) == len(org.staff)


def test_warnings_are_issued_not_raised() -> None:
    with pytest.warns(OrgplanWarning, match="2 units have no parent"):
        org = read_organisation(BROKEN / "several-roots")
    assert org.roots == ("UBND", "STC")


def test_provinces_have_no_parent_by_nature() -> None:
    # A merger of provinces: each is the root of its territory.
    merger = Path(__file__).parents[1] / "scenarios" / "province-merge"
    assert check_input(merger) == []


def test_a_stray_root_among_provinces_is_named_first(tmp_path: Path) -> None:
    header = "id,name,kind,level,parent,quota,actual,heads,deputies\n"
    rows = [
        "T1,Tỉnh Một,province,province,,0,0,0,0",
        "T2,Tỉnh Hai,province,province,,0,0,0,0",
        "SNV,Sở Nội vụ,department,province,T1,5,5,1,1",
        "STC,Sở Tài chính,department,province,,5,5,1,1",
    ]
    (tmp_path / "units.csv").write_text(
        header + "\n".join(rows) + "\n", encoding="utf-8"
    )
    (problem,) = check_input(tmp_path)
    assert problem.severity == "warning"
    assert "3 units have no parent (STC, T1, T2)" in problem.text("en")
    assert "3 đơn vị không có đơn vị cấp trên (STC, T1, T2)" in problem.text(
        "vi"
    )


def test_errors_raise_with_every_location(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"units\.csv, row 3, column heads"):
        read_organisation(BROKEN / "float-for-int")
    with pytest.raises(InputError, match="no such file or folder"):
        read_organisation(tmp_path / "nothing")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="not a folder of CSV files"):
        read_organisation(tmp_path / "notes.txt")


def test_bom_and_spaces_around_ids_are_accepted(tmp_path: Path) -> None:
    (tmp_path / "units.csv").write_text(
        "id , Name,kind,level,parent,quota,actual,heads,deputies\n"
        " UBND ,Ủy ban,peoples_committee,province,,5,5,1,1\n"
        "SNV,Sở Nội vụ,department, province ,  UBND,6.0,5,1,\n",
        encoding="utf-8-sig",
    )
    org = read_organisation(tmp_path)
    assert [u.id for u in org.units] == ["UBND", "SNV"]
    assert org.unit("SNV").parent == "UBND"
    assert org.unit("SNV").quota == 6
    assert org.unit("SNV").deputies == 0


@pytest.mark.parametrize("word", sorted(TRUE_WORDS | FALSE_WORDS))
def test_yes_no_words(word: str) -> None:
    locked = UNITS.column("locked")
    assert locked is not None
    for spelling in (word, word.upper(), f" {word} "):
        value = parse_cell(spelling, locked, RULEBOOK)
        assert value is (word in TRUE_WORDS)
    assert parse_cell("", locked, RULEBOOK) is None


@given(st.integers(0, 10**9))
def test_whole_numbers_arrive_as_int_float_or_text(n: int) -> None:
    quota = UNITS.column("quota")
    assert quota is not None
    for cell in (n, float(n), str(n), f" {n}.0 "):
        assert parse_cell(cell, quota, RULEBOOK) == n


@given(st.floats(-1e6, 1e6).filter(lambda x: not x.is_integer()))
def test_fractions_are_not_whole_numbers(x: float) -> None:
    quota = UNITS.column("quota")
    assert quota is not None
    for cell in (x, repr(x)):
        with pytest.raises(ValueError, match="not a whole number"):
            parse_cell(cell, quota, RULEBOOK)


def _scenario(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "scenario"
    folder.mkdir()
    (folder / "scenario.yaml").write_text(text, encoding="utf-8")
    return folder


def test_scenario_data_is_relative_to_the_scenario(tmp_path: Path) -> None:
    folder = _scenario(
        tmp_path,
        f"name: Sáp nhập sở\ndata: {VALID.resolve()}\n"
        "scope: {kinds: [department]}\nlocks: [SNV]\n"
        "must_not_merge: [[STNMT, SNN]]\n"
        "leadership: {heads: {STNMT: NV011}}\n",
    )
    org, scenario = open_scenario(folder)
    assert scenario.path == folder / "scenario.yaml"
    assert scenario.name == "Sáp nhập sở"
    assert org == read_organisation(VALID)
    (tmp_path / "d").symlink_to(VALID.resolve())
    (folder / "scenario.yaml").write_text(
        "name: x\ndata: ../d\n", encoding="utf-8"
    )
    assert load_scenario(folder).data == folder / "../d"
    assert read_organisation(folder) == org


def test_a_unit_locked_by_the_unit_above_it_says_so(tmp_path: Path) -> None:
    # The valid data locks the People's Committee, so every department
    # under it is locked too (docs/semantics.md section 1).
    folder = _scenario(
        tmp_path,
        f"name: x\ndata: {VALID.resolve()}\n"
        "scope: {kinds: [department]}\nmust_merge: [[STNMT, SNN]]\n",
    )
    problems = _matching(check_input(folder), "must merge but is locked")
    assert [(p.field, p.row) for p in problems] == [
        ("must_merge.0.0", 4),
        ("must_merge.0.1", 4),
    ]
    assert problems[0].message == (
        "STNMT must merge but is locked as it is under UBND, locked in the "
        "data (its locked column); a lock protects every unit under it"
    )
    assert problems[0].text("vi").endswith(
        "dòng 4, trường must_merge.0.0: STNMT phải hợp nhất nhưng bị khóa "
        "vì thuộc UBND, đơn vị bị khóa trong dữ liệu (cột locked); khóa một "
        "đơn vị là khóa mọi đơn vị trực thuộc"
    )


def test_scenario_rulebook_overrides_apply_to_the_data(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "units.csv").write_text(
        "id,name,kind,level,quota,actual,heads,deputies\n"
        "BQL,Ban quản lý dự án,project_board,province,20,18,1,2\n",
        encoding="utf-8",
    )
    assert "unknown kind 'project_board'" in str(check_input(data)[0])
    folder = _scenario(
        tmp_path,
        "name: x\ndata: ../data\nscope: {kinds: [project_board]}\n"
        "rules_overrides:\n  kinds:\n    project_board:\n"
        "      {label_en: project board, label_vi: ban quản lý}\n",
    )
    org, _ = open_scenario(folder)
    assert org.unit("BQL").kind == "project_board"


def test_bad_rule_overrides_name_their_key(tmp_path: Path) -> None:
    folder = _scenario(
        tmp_path,
        f"name: x\ndata: {VALID.resolve()}\n"
        "rules_overrides: {kinds: {division: {min_staf: 7}}}\n",
    )
    (problem,) = check_input(folder)
    assert problem.field == "rules_overrides.kinds.division.min_staf"
    assert problem.row == 3
    assert "field rules_overrides.kinds" in str(problem)


def test_open_scenario_needs_a_scenario() -> None:
    with pytest.raises(InputError, match="not a scenario"):
        open_scenario(VALID)


def test_scenario_and_data_problems_are_listed_together(
    tmp_path: Path,
) -> None:
    folder = _scenario(
        tmp_path,
        f"name: x\ndata: {(BROKEN / 'unknown-kind').resolve()}\n"
        "weights: {focal_points: many}\n",
    )
    fields = {p.field for p in check_input(folder)}
    assert fields == {"weights.focal_points", "kind"}


def test_warnings_of_the_data_do_not_hide_scenario_references(
    tmp_path: Path,
) -> None:
    folder = _scenario(
        tmp_path,
        f"name: x\ndata: {(BROKEN / 'several-roots').resolve()}\n"
        "locks: [NOPE]\n",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OrgplanWarning)
        with pytest.raises(InputError, match="'NOPE' is not a unit id"):
            open_scenario(folder)


def test_dates_are_not_numbers_and_capitals_are_forgiven() -> None:
    quota, kind = UNITS.column("quota"), UNITS.column("kind")
    assert quota is not None and kind is not None
    with pytest.raises(ValueError, match=r"a date or time .* whole number"):
        parse_cell(dt.datetime(2025, 7, 1), quota, RULEBOOK)
    assert parse_cell(" Department ", kind, RULEBOOK) == "department"
    with pytest.raises(ValueError, match="unknown kind 'Sở'"):
        parse_cell("Sở", kind, RULEBOOK)


def test_missing_data_is_reported_with_other_scenario_errors(
    tmp_path: Path,
) -> None:
    folder = _scenario(
        tmp_path, "name: x\ndata: nowhere/\nweights: {focal_points: many}\n"
    )
    problems = check_input(folder)
    assert {(p.row, p.field) for p in problems} == {
        (2, "data"),
        (3, "weights.focal_points"),
    }


def test_validate_words_its_problems_in_the_language_asked_for() -> None:
    from click.testing import CliRunner

    from cli import main

    runner = CliRunner(env={"COLUMNS": "250", "ORGPLAN_LANG": ""})
    folder = str(BROKEN / "many-defects")
    english = runner.invoke(main, ["validate", folder]).output
    vietnamese = runner.invoke(main, ["validate", folder, "--lang", "vi"])
    assert vietnamese.exit_code == 1
    lines = [
        line for line in vietnamese.output.splitlines() if "  - " in line
    ]
    assert len(lines) == english.count("\n  - ") + 1
    assert "units.csv, dòng 5, cột name: ô trống; mỗi đơn vị đều cần name" in (
        vietnamese.output
    )
    duplicate = "cột id: đơn vị có id 'SNV' bị trùng (dòng 3 và 4)"
    assert f"units.csv, dòng 4, {duplicate}" in vietnamese.output
    assert "'mười' không phải là số" in vietnamese.output
    assert "cảnh báo: staff.csv liệt kê 1 người" in vietnamese.output
    # No English message, location word or warning tag is left.
    english_words = re.compile(
        r"\b(row|column|warning|unknown|duplicate|empty|is not|must be|"
        r"lists|persons|more than)\b"
    )
    assert [line for line in lines if english_words.search(line)] == []
    assert "row 5, column name: empty cell; every unit needs a name" in (
        english
    )


def test_input_errors_of_other_commands_in_the_language_asked_for() -> None:
    from click.testing import CliRunner

    from cli import main

    runner = CliRunner(env={"COLUMNS": "250", "ORGPLAN_LANG": ""})
    folder = str(BROKEN / "not-a-number")
    done = runner.invoke(main, ["stats", folder, "--lang", "vi"])
    assert done.exit_code == 1
    assert "1 lỗi trong dữ liệu đầu vào:" in done.output
    assert "units.csv, dòng 3, cột actual: 'mười' không phải là số" in (
        done.output
    )
    english = runner.invoke(main, ["stats", folder]).output
    assert "row 3, column actual: 'mười' is not a number" in english


def test_scenario_key_problems_in_either_language(tmp_path: Path) -> None:
    folder = _scenario(
        tmp_path,
        f"name: x\ndata: {VALID.resolve()}\n"
        "solver: {time_limit_s: -1}\nbogus: 1\n",
    )
    by_field = {p.field: p for p in check_input(folder)}
    limit, bogus = by_field["solver.time_limit_s"], by_field["bogus"]
    assert limit.message == "must be more than 0.0 (got -1)"
    assert limit.text("vi").endswith(
        "dòng 3, trường solver.time_limit_s: phải lớn hơn 0.0 (đang là -1)"
    )
    assert bogus.message == "unknown key"
    assert bogus.text("vi").endswith(
        "dòng 4, trường bogus: khóa không xác định"
    )
