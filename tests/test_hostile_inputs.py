"""Hostile and broken input files: one located message, bounded cost.

Each case asserts the message (file, sheet, row, column and, for a limit,
the environment variable that raises it) and that reading wrote nothing.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from helpers import VALID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgplan.errors import InputError, Problem
from orgplan.io import check_input, read_plan, write_organisation
from orgplan.io.yaml_io import read_scenario

HEADER = "id,name,kind,level,parent,quota,actual,heads,deputies\n"
ROOT_ROW = "UBND,Ủy ban,peoples_committee,province,,5,5,1,1\n"
DEPT_ROW = "SNV,Sở Nội vụ,department,province,UBND,6,5,1,1\n"


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _problems(path: Path) -> list[Problem]:
    """check_input's problems, asserting it wrote nothing beside ``path``."""
    folder = path if path.is_dir() else path.parent
    before = _snapshot(folder)
    problems = check_input(path)
    assert _snapshot(folder) == before
    return problems


def _only_error(path: Path) -> Problem:
    errors = [p for p in _problems(path) if p.severity == "error"]
    assert len(errors) == 1, errors
    return errors[0]


def _csv(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "units.csv").write_text(header + body, encoding="utf-8")
    return folder


# --- CSV --------------------------------------------------------------


def test_a_cell_over_128_kib_is_a_located_limit(tmp_path: Path) -> None:
    data = _csv(tmp_path, ROOT_ROW + f"SNV,{'x' * 140_000},department\n")
    problem = _only_error(data)
    assert problem.file.endswith("units.csv") and problem.row == 3
    assert "32,767 characters" in problem.message
    assert "ORGPLAN_MAX_CELL_CHARS" in problem.message


def test_the_cell_limit_can_be_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ORGPLAN_MAX_CELL_CHARS", "200000")
    name = "Sở " + "x" * 140_000
    data = _csv(tmp_path, ROOT_ROW + DEPT_ROW.replace("Sở Nội vụ", name))
    assert [p for p in _problems(data) if p.severity == "error"] == []


def test_too_many_rows_name_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ORGPLAN_MAX_ROWS", "3")
    rows = "".join(
        f"D{i},Sở {i},department,province,UBND,6,5,1,1\n" for i in range(5)
    )
    problem = _only_error(_csv(tmp_path, ROOT_ROW + rows))
    assert "limit of 3 rows" in problem.message
    assert "ORGPLAN_MAX_ROWS" in problem.message
    assert problem.text("vi").endswith(
        "units.csv, dòng 5: bảng (4+ dòng) vượt giới hạn 3 dòng; nếu dữ liệu "
        "đúng, hãy nâng giới hạn bằng biến môi trường ORGPLAN_MAX_ROWS (ví "
        "dụ ORGPLAN_MAX_ROWS=12)"
    )


def test_a_million_blank_lines_are_cheap(tmp_path: Path) -> None:
    data = _csv(tmp_path, ROOT_ROW + "\n" * 2_000_000)
    start = time.perf_counter()
    problem = _only_error(data)
    assert time.perf_counter() - start < 30
    assert "ORGPLAN_MAX_ROWS" in problem.message


def test_a_semicolon_separated_file_is_named_so(tmp_path: Path) -> None:
    data = _csv(
        tmp_path,
        ROOT_ROW.replace(",", ";"),
        header=HEADER.replace(",", ";"),
    )
    problem = _only_error(data)
    assert "separated by ';'" in problem.message and problem.row == 1


@pytest.mark.parametrize(
    ("cell", "fragment"),
    [
        ("1e3", "1e3 is not a whole number written in digits"),
        ("12.5", "12.5 is not a whole number"),
        ("nan", "'nan' is not a number"),
        ("inf", "'inf' is not a number"),
        (str(10**30), "beyond 1,000,000,000"),
        (str(2**62), "beyond 1,000,000,000"),
        ("2000000", "more than 1,000,000 staff in one unit"),
    ],
)
def test_numbers_that_are_no_count_are_refused(
    tmp_path: Path, cell: str, fragment: str
) -> None:
    row = f"SNV,Sở Nội vụ,department,province,UBND,{cell},5,1,1\n"
    problem = _only_error(_csv(tmp_path, ROOT_ROW + row))
    assert fragment in problem.message
    assert (problem.row, problem.field) == (3, "quota")


def test_large_whole_numbers_are_read_exactly(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "units.csv").write_text(HEADER + ROOT_ROW, encoding="utf-8")
    (folder / "localities.csv").write_text(
        "id,name,level,population\nSL,Sơn La,province,999999999\n",
        encoding="utf-8",
    )
    from orgplan.io import read_organisation

    assert read_organisation(folder).localities[0].population == 999_999_999


def test_a_vertical_tab_in_a_name_is_removed_with_a_warning(
    tmp_path: Path,
) -> None:
    data = _csv(tmp_path, ROOT_ROW + DEPT_ROW.replace("Nội", "N\vội"))
    problems = _problems(data)
    assert [p.severity for p in problems] == ["warning"]
    assert "U+000B" in problems[0].message
    assert (problems[0].row, problems[0].field) == (3, "name")
    from orgplan.io import read_organisation

    with pytest.warns(UserWarning):
        org = read_organisation(data)
    assert org.unit("SNV").name == "Sở Nội vụ"


def test_a_control_character_in_an_id_is_an_error(tmp_path: Path) -> None:
    data = _csv(tmp_path, ROOT_ROW + DEPT_ROW.replace("SNV", "S\x01NV"))
    problem = _only_error(data)
    assert "U+0001" in problem.message
    assert (problem.row, problem.field) == (3, "id")


def test_no_parent_column_with_several_kinds_is_an_error(
    tmp_path: Path,
) -> None:
    header = "id,name,kind,level,quota,actual,heads,deputies\n"
    rows = (
        "SNV,Sở Nội vụ,department,province,6,5,1,1\n"
        "P1,Phòng 1,division,province,6,5,1,1\n"
    )
    problem = _only_error(_csv(tmp_path, rows, header=header))
    assert "no parent column" in problem.message
    assert "department, division" in problem.message
    assert (problem.row, problem.field) == (1, "parent")


def test_no_parent_column_with_one_kind_is_a_warning(tmp_path: Path) -> None:
    header = "id,name,kind,level,quota,actual,heads,deputies\n"
    rows = "X1,Xã 1,commune,commune,6,5,1,1\nX2,Xã 2,commune,commune,6,5,1,1\n"
    problems = _problems(_csv(tmp_path, rows, header=header))
    assert [p.severity for p in problems] == ["warning"]


def test_a_long_parent_chain_is_checked_in_linear_time(
    tmp_path: Path,
) -> None:
    rows = [ROOT_ROW] + [
        f"U{i},Đơn vị {i},division,province,"
        f"{'UBND' if i == 0 else f'U{i - 1}'},6,5,1,1\n"
        for i in range(30_000)
    ]
    start = time.perf_counter()
    check_input(_csv(tmp_path, "".join(rows)))
    assert time.perf_counter() - start < 30


# --- CSV exports --------------------------------------------------------

HOSTILE = (
    '=HYPERLINK("http://x.example","x")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+2",
    "\r=1+2",
)


def test_written_csv_cells_cannot_run_and_read_back_the_same(
    tmp_path: Path,
) -> None:
    from orgplan.io import read_organisation

    org = read_organisation(VALID)
    units = list(org.units)
    for i, name in enumerate(HOSTILE):
        units[i + 1] = units[i + 1].model_copy(update={"name_en": name})
    org = org.model_copy(update={"units": tuple(units)})
    write_organisation(org, tmp_path / "csv")
    raw = (tmp_path / "csv" / "units.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    import csv
    import io

    cells = [
        c
        for row in csv.reader(io.StringIO(raw.decode("utf-8-sig")))
        for c in row
    ]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [c for c in cells if c.startswith("-") and c != "-3"]
    assert read_organisation(tmp_path / "csv") == org


def test_spreadsheet_safe_keeps_numbers() -> None:
    from orgplan.io.safe_text import spreadsheet_safe

    assert spreadsheet_safe(-3) == -3
    assert spreadsheet_safe(-2.5) == -2.5
    assert spreadsheet_safe("-3") == "-3"
    assert spreadsheet_safe("+12%") == "+12%"
    assert spreadsheet_safe("-1+1") == "'-1+1"
    assert spreadsheet_safe("=1+2") == "'=1+2"
    assert spreadsheet_safe("  =1+2") == "'  =1+2"
    assert spreadsheet_safe("Sở Nội vụ") == "Sở Nội vụ"


# --- workbooks ---------------------------------------------------------


def _workbook(tmp_path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "units"
    for row in [HEADER.strip().split(","), *rows]:
        sheet.append(row)
    path = tmp_path / "org.xlsx"
    book.save(path)
    return path


COUNTS = [6, 5, 1, 1]
DEPT_CELLS = ["SNV", "Sở Nội vụ", "department", "province", "UBND", *COUNTS]
ROOT_CELLS = ["UBND", "Ủy ban", "peoples_committee", "province", None]
ROOT_CELLS += [5, 5, 1, 1]


def _rewrite(path: Path, part: str, change) -> None:
    """Replace ``part`` of the package at ``path`` by change(bytes)."""
    with zipfile.ZipFile(path) as old:
        items = {i.filename: old.read(i) for i in old.infolist()}
    if change is None:
        del items[part]
    else:
        items[part] = change(items[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in items.items():
            new.writestr(name, data)


def test_an_encrypted_workbook_is_named_so(tmp_path: Path) -> None:
    # The start of an OLE file holding an "EncryptedPackage" stream, as
    # Excel writes a password-protected workbook.
    path = tmp_path / "locked.xlsx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 1000
        + "EncryptedPackage".encode("utf-16-le")
    )
    problem = _only_error(path)
    assert "encrypted (password-protected)" in problem.message


def test_an_old_xls_workbook_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000)
    assert "Excel 97-2003" in _only_error(path).message


PADDING = b" " * 8 * 2**20


def test_a_workbook_that_unpacks_too_large_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _workbook(tmp_path, [ROOT_CELLS])
    # Shared strings that unpack to 8 MiB from a few KiB.
    _rewrite(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b"</worksheet>", PADDING + b"</worksheet>"),
    )
    monkeypatch.setenv("ORGPLAN_MAX_FILE_MB", "4")
    start = time.perf_counter()
    problem = _only_error(path)
    assert time.perf_counter() - start < 10
    assert "unpacks to 8 MiB" in problem.message
    assert "ORGPLAN_MAX_FILE_MB" in problem.message


def test_xml_entities_in_a_sheet_are_refused(tmp_path: Path) -> None:
    path = _workbook(tmp_path, [ROOT_CELLS])
    _rewrite(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(
            b"<worksheet",
            b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><worksheet',
            1,
        ),
    )
    problem = _only_error(path)
    assert "<!DOCTYPE> or <!ENTITY>" in problem.message
    assert "xl/worksheets/sheet1.xml" in problem.message


def test_broken_sheet_xml_is_a_message(tmp_path: Path) -> None:
    path = _workbook(tmp_path, [ROOT_CELLS])
    _rewrite(
        path, "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2]
    )
    problem = _only_error(path)
    assert "damaged" in problem.message and problem.sheet == "units"


def test_a_missing_sheet_part_is_an_error(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "units"
    book["units"].append(HEADER.strip().split(","))
    book["units"].append(ROOT_CELLS)
    book.create_sheet("localities").append(["id", "name", "level"])
    path = tmp_path / "org.xlsx"
    book.save(path)
    _rewrite(path, "xl/worksheets/sheet2.xml", None)
    problem = _only_error(path)
    assert "sheet 'localities'" in problem.message
    assert "missing" in problem.message


def test_merged_cells_over_the_parent_column_are_an_error(
    tmp_path: Path,
) -> None:
    path = _workbook(
        tmp_path,
        [
            ROOT_CELLS,
            DEPT_CELLS,
            ["STC", "Sở Tài chính", "department", "province", None, *COUNTS],
        ],
    )
    book = openpyxl.load_workbook(path)
    book["units"].merge_cells("E3:E4")
    book.save(path)
    problem = _only_error(path)
    assert "E3:E4 are merged" in problem.message
    where = (problem.sheet, problem.row, problem.field)
    assert where == ("units", 3, "parent")


def test_a_formula_without_a_computed_value_is_an_error(
    tmp_path: Path,
) -> None:
    path = _workbook(
        tmp_path,
        [
            ROOT_CELLS,
            [*DEPT_CELLS[:5], "=2+4", *COUNTS[1:]],
        ],
    )
    # openpyxl writes the formula without a value, as scripts do.
    messages = [p for p in _problems(path) if "formula" in p.message]
    assert len(messages) == 1
    assert (messages[0].row, messages[0].field) == (3, "quota")
    assert "without a computed value" in messages[0].message


def test_a_file_that_is_no_zip_is_a_message(tmp_path: Path) -> None:
    path = tmp_path / "org.xlsx"
    path.write_text("id,name\n", encoding="utf-8")
    assert "not a zip package" in _only_error(path).message


# --- scenarios and plans -----------------------------------------------


def _scenario(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scenario.yaml"
    path.write_text(f"name: x\ndata: {VALID.resolve()}\n" + text, "utf-8")
    return path


def test_yaml_nested_10000_deep_is_a_limit(tmp_path: Path) -> None:
    path = _scenario(tmp_path, "x: " + "[" * 10_000 + "]" * 10_000 + "\n")
    problem = _only_error(path)
    assert "ORGPLAN_MAX_DEPTH" in problem.message and problem.row == 3


def test_yaml_aliases_that_expand_a_billion_times_are_refused(
    tmp_path: Path,
) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"] + [
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]"
        for i in range(1, 9)
    ]
    path = _scenario(tmp_path, "\n".join(lines) + "\n")
    start = time.perf_counter()
    problem = _only_error(path)
    assert time.perf_counter() - start < 20
    assert "ORGPLAN_MAX_YAML_NODES" in problem.message


def test_plan_json_nested_100000_deep_is_a_limit(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text(
        '{"scenario": ' + "[" * 100_000 + "]" * 100_000 + "}", "utf-8"
    )
    with pytest.raises(InputError, match="ORGPLAN_MAX_DEPTH"):
        read_plan(path)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("weights: {focal_points: .nan}\n", "weights.focal_points"),
        ("weights: {leaders: .inf}\n", "weights.leaders"),
        ("weights: {layers: 1e300}\n", "weights.layers"),
        ("weights: {layers: -1}\n", "weights.layers"),
        ("solver: {workers: 100000000}\n", "solver.workers"),
        ("solver: {time_limit_s: .inf}\n", "solver.time_limit_s"),
        (
            f"staffing: {{quota_overrides: {{SNV: {10**30}}}}}\n",
            "staffing.quota_overrides.SNV",
        ),
        (
            f"targets: {{max_units: {{department: {2**62}}}}}\n",
            "targets.max_units.department",
        ),
    ],
)
def test_scenario_numbers_out_of_range_are_refused_with_their_line(
    tmp_path: Path, text: str, field: str
) -> None:
    problem = _only_error(_scenario(tmp_path, text))
    assert (problem.row, problem.field) == (3, field)


def _unlocked(tmp_path: Path, text: str) -> Path:
    """A scenario on the valid data with its People's Committee unlocked
    (a lock protects the units under it, docs/semantics.md section 1)."""
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    units = data / "units.csv"
    units.write_text(
        units.read_text("utf-8").replace(",QL,4,4,1,2,có,", ",QL,4,4,1,2,,"),
        "utf-8",
    )
    path = tmp_path / "scenario.yaml"
    path.write_text(f"name: x\ndata: {data}\n" + text, "utf-8")
    return path


def test_a_pair_that_must_and_must_not_merge_is_found_by_validate(
    tmp_path: Path,
) -> None:
    path = _unlocked(
        tmp_path,
        "scope: {kinds: [department]}\n"
        "must_merge: [[STNMT, SNN]]\n"
        "must_not_merge: [[SNN, STNMT]]\n",
    )
    problem = _only_error(path)
    assert "must not merge, but must_merge puts them" in problem.message
    assert (problem.row, problem.field) == (5, "must_not_merge.0")


def test_a_locked_unit_that_must_merge_is_found_by_validate(
    tmp_path: Path,
) -> None:
    path = _unlocked(
        tmp_path,
        "scope: {kinds: [department]}\n"
        "locks: [SNN]\n"
        "must_merge: [[STNMT, SNN]]\n",
    )
    problem = _only_error(path)
    assert "SNN must merge but is locked" in problem.message
    assert (problem.row, problem.field) == (5, "must_merge.0.1")


# --- fuzz ----------------------------------------------------------------

FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(
    st.lists(
        st.lists(
            st.text(max_size=12) | st.sampled_from(["=1", "1e3", "nan", ""]),
            max_size=12,
        ),
        max_size=8,
    )
)
def test_any_csv_gives_problems_never_an_exception(
    tmp_path: Path, rows: list[list[str]]
) -> None:
    import csv

    folder = tmp_path / "fuzz"
    folder.mkdir(exist_ok=True)
    with (folder / "units.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADER.strip().split(","))
        out.writerows(rows)
    problems = check_input(folder)
    assert all(isinstance(p, Problem) for p in problems)


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_as_a_workbook_or_scenario_give_a_problem(
    tmp_path: Path, data: bytes
) -> None:
    book = tmp_path / "fuzz.xlsx"
    book.write_bytes(data)
    assert [p.severity for p in check_input(book)] == ["error"]
    scenario = tmp_path / "fuzz.yaml"
    scenario.write_bytes(data)
    read = read_scenario(scenario)
    assert read.scenario is None and read.problems


def test_any_json_gives_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    for text in ("", "[]", '{"scenario": 1e999}', "\x00", json.dumps([1] * 5)):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InputError):
            read_plan(path)


def test_a_vertical_tab_in_a_scenario_name_is_found_by_validate(
    tmp_path: Path,
) -> None:
    path = _scenario(tmp_path, 'names: {SNV: "Sở\\vNội vụ"}\n')
    problem = _only_error(path)
    assert "U+000B" in problem.message
    assert (problem.row, problem.field) == (3, "names.SNV")
