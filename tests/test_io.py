"""Readers and writers: lossless round trips, atomic writes, the template."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import openpyxl
import pytest
import yaml
from helpers import RULEBOOK, VALID, VIETNAMESE, organisations, texts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgplan.errors import InputError, OrgplanWarning
from orgplan.io import (
    check_input,
    csv_io,
    excel,
    load_scenario,
    read_organisation,
    read_plan,
    write_organisation,
    write_plan,
    write_template,
)
from orgplan.io.schema import TABLES
from orgplan.model import Organisation
from orgplan.plan import Merge, Plan, SolveStatus, Transfer
from orgplan.rules import load_rulebook

# Each example writes files; a function-scoped tmp_path is reused on purpose.
ROUND_TRIP = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _read_quietly(path: Path) -> Organisation:
    # Arbitrary organisations may have several roots or a roster that
    # contradicts the counts: warnings, not the subject here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OrgplanWarning)
        return read_organisation(path)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_valid_data_round_trips_through_csv_and_xlsx(tmp_path: Path) -> None:
    org = read_organisation(VALID)
    write_organisation(org, tmp_path / "copy")
    write_organisation(org, tmp_path / "copy.xlsx")
    assert read_organisation(tmp_path / "copy") == org
    assert read_organisation(tmp_path / "copy.xlsx") == org
    units = (tmp_path / "copy" / "units.csv").read_text(encoding="utf-8-sig")
    assert "Sở Tài nguyên và Môi trường" in units
    assert "MT.DD;MT.MT" in units


@ROUND_TRIP
@given(organisations())
def test_any_organisation_round_trips(
    tmp_path: Path, org: Organisation
) -> None:
    write_organisation(org, tmp_path / "csv")
    from_csv = _read_quietly(tmp_path / "csv")
    assert from_csv == org
    write_organisation(from_csv, tmp_path / "org.xlsx")
    assert _read_quietly(tmp_path / "org.xlsx") == org


@ROUND_TRIP
@given(organisations(), texts)
def test_plans_round_trip_through_json(
    tmp_path: Path, org: Organisation, name: str
) -> None:
    first = org.units[0].id
    plan = Plan(
        scenario=name,
        status=SolveStatus.FEASIBLE,
        merges=(Merge(into=first, members=(first, "X"), name=name),),
        transfers=(
            Transfer(
                **{"from": first, "to": "X"},
                category="contract",
                count=2,
            ),
        ),
        units_after=org.units,
    )
    path = tmp_path / "plan.json"
    write_plan(plan, path)
    assert read_plan(path) == plan
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["transfers"][0]["from"] == first


def test_plan_json_keeps_vietnamese_readable(tmp_path: Path) -> None:
    plan = Plan(scenario=VIETNAMESE[0], status=SolveStatus.OPTIMAL)
    write_plan(plan, tmp_path / "plan.json")
    text = (tmp_path / "plan.json").read_text(encoding="utf-8")
    assert f'"scenario": "{VIETNAMESE[0]}"' in text
    assert "\\u" not in text


def test_broken_plans_are_located(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text('{\n  "scenario": "x",\n  "status": }', encoding="utf-8")
    with pytest.raises(InputError, match=r"plan\.json, line 3: not valid"):
        read_plan(path)
    path.write_text(
        json.dumps({"scenario": "x", "status": "optimal", "merges": [{}]}),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        read_plan(path)
    fields = {p.field for p in caught.value.problems}
    assert fields == {"merges.0.into", "merges.0.members", "merges.0.name"}


@ROUND_TRIP
@given(st.dictionaries(st.sampled_from(["UBND", "SNV", "STNMT"]), texts))
def test_scenario_names_round_trip_through_yaml(
    tmp_path: Path, names: dict[str, str]
) -> None:
    text = yaml.safe_dump(
        {"name": "Sáp nhập", "data": str(VALID.resolve()), "names": names},
        allow_unicode=True,
    )
    (tmp_path / "scenario.yaml").write_text(text, encoding="utf-8")
    assert load_scenario(tmp_path).names == names


def test_a_failing_csv_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = read_organisation(VALID)
    cells = csv_io.table_cells

    def fail_on_staff(organisation: Organisation, table: object) -> object:
        if table is TABLES["staff"]:
            raise OSError("disk full")
        return cells(organisation, table)  # type: ignore[arg-type]

    monkeypatch.setattr(csv_io, "table_cells", fail_on_staff)
    with pytest.raises(OSError, match="disk full"):
        write_organisation(org, tmp_path / "new")
    assert list(tmp_path.iterdir()) == []
    # An existing folder keeps its files as they were.
    monkeypatch.undo()
    write_organisation(org, tmp_path / "old")
    before = _files(tmp_path / "old")
    monkeypatch.setattr(csv_io, "table_cells", fail_on_staff)
    with pytest.raises(OSError):
        write_organisation(
            org.model_copy(update={"name": "x"}), tmp_path / "old"
        )
    assert _files(tmp_path / "old") == before
    assert [p.name for p in tmp_path.iterdir()] == ["old"]


def test_a_failing_xlsx_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def half_save(self: openpyxl.Workbook, path: Path) -> None:
        Path(path).write_bytes(b"PK\x03\x04 half a workbook")
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", half_save)
    with pytest.raises(OSError, match="disk full"):
        write_organisation(read_organisation(VALID), tmp_path / "org.xlsx")
    with pytest.raises(OSError, match="disk full"):
        write_template(tmp_path / "template.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_writing_over_a_folder_drops_stale_tables(tmp_path: Path) -> None:
    org = read_organisation(VALID)
    write_organisation(org, tmp_path)
    (tmp_path / "notes.txt").write_text("kept", encoding="utf-8")
    bare = Organisation(units=org.units)
    write_organisation(bare, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "notes.txt",
        "units.csv",
    ]
    assert read_organisation(tmp_path) == bare


def test_workbook_sheets_are_found_by_any_case(tmp_path: Path) -> None:
    write_organisation(read_organisation(VALID), tmp_path / "org.xlsx")
    workbook = openpyxl.load_workbook(tmp_path / "org.xlsx")
    workbook["units"].title = " Units "
    workbook["staff"]["A2"] = 7.0
    workbook.save(tmp_path / "org.xlsx")
    org = _read_quietly(tmp_path / "org.xlsx")
    assert org.staff[0].id == "7"
    tables, problems = excel.read_tables(tmp_path / "org.xlsx")
    assert set(tables) == set(TABLES) and problems == []


def test_workbook_sheets_are_found_by_their_vietnamese_names(
    tmp_path: Path,
) -> None:
    org = read_organisation(VALID)
    write_organisation(org, tmp_path / "org.xlsx")
    workbook = openpyxl.load_workbook(tmp_path / "org.xlsx")
    workbook["units"].title = "Đơn vị"
    workbook["staff"].title = " CÁN BỘ "
    workbook["localities"].title = "Địa bàn"
    workbook["functions"].title = "Danh mục chức năng"
    workbook.save(tmp_path / "org.xlsx")
    tables, problems = excel.read_tables(tmp_path / "org.xlsx")
    assert set(tables) == set(TABLES) and problems == []
    assert read_organisation(tmp_path / "org.xlsx") == org


def test_two_sheets_of_one_table_are_an_error(tmp_path: Path) -> None:
    write_organisation(read_organisation(VALID), tmp_path / "org.xlsx")
    workbook = openpyxl.load_workbook(tmp_path / "org.xlsx")
    workbook.copy_worksheet(workbook["units"]).title = "Đơn vị"
    workbook.save(tmp_path / "org.xlsx")
    (problem,) = excel.read_tables(tmp_path / "org.xlsx")[1]
    assert problem.severity == "error" and problem.sheet == "Đơn vị"
    assert "'units' and 'Đơn vị' both hold the units table" in (
        problem.message
    )


def test_not_a_workbook(tmp_path: Path) -> None:
    (tmp_path / "org.xlsx").write_text("id,name\n", encoding="utf-8")
    (problem,) = check_input(tmp_path / "org.xlsx")
    assert "cannot open it as an .xlsx workbook" in problem.message


def test_template_documents_every_column(tmp_path: Path) -> None:
    rulebook = load_rulebook(
        overrides={
            "kinds": {"project_board": {"label_en": "b", "label_vi": "ban"}}
        }
    )
    write_template(tmp_path / "template.xlsx", rulebook)
    workbook = openpyxl.load_workbook(tmp_path / "template.xlsx")
    assert workbook.sheetnames == ["README", *TABLES]
    readme = list(workbook["README"].iter_rows(values_only=True))
    documented = {(row[0], row[1]): row for row in readme[1:]}
    for table in TABLES.values():
        sheet = workbook[table.name]
        header = [c.value for c in sheet[1]]
        assert header == [c.name for c in table.columns]
        assert all(c.font.bold for c in sheet[1])
        for column in table.columns:
            row = documented[table.name, column.name]
            assert row[2] and row[3] and row[4] and row[6]
    assert "project_board" in documented["units", "kind"][5]
    assert "civil_servant" in documented["staff", "category"][5]
    assert documented["units", "id"][4].startswith("required")
    assert documented["units", "name_en"][4] == "optional"


def test_a_filled_template_reads_back(tmp_path: Path) -> None:
    write_template(tmp_path / "template.xlsx")
    (problem,) = check_input(tmp_path / "template.xlsx")
    assert problem.message == "the units table has no rows"
    workbook = openpyxl.load_workbook(tmp_path / "template.xlsx")
    units = workbook["units"]
    header = [c.value for c in units[1]]
    row = dict.fromkeys(header)
    row |= {"id": "SNV", "name": VIETNAMESE[0], "kind": "department"}
    row |= {"level": "province", "quota": 6, "actual": 5, "heads": 1}
    units.append([row[h] for h in header])
    workbook.save(tmp_path / "template.xlsx")
    org = read_organisation(tmp_path / "template.xlsx")
    assert org.units[0].name == VIETNAMESE[0]
    assert org.units[0].kind in RULEBOOK.kinds


def test_workbook_cells_read_as_excel_shows_them(tmp_path: Path) -> None:
    """Shared and rich strings, whole numbers, booleans, dates and a
    formula's computed value, as the sheet XML holds them."""
    import datetime as dt
    import zipfile

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "units"
    sheet.append(["id", "name", "kind", "level", "quota", "locked", "lat"])
    sheet.append(["A", "Sở A", "department", "province", 12, True, 21.5])
    sheet.append(["B", "Sở B", "department", "province", 7.0, False, None])
    sheet.append(["C", "Sở C", "department", "province", 3, None, None])
    sheet["E4"].value = dt.datetime(2025, 7, 1)
    path = tmp_path / "cells.xlsx"
    book.save(path)
    # A formula with its computed value, as Excel saves it.
    with zipfile.ZipFile(path) as old:
        items = {i.filename: old.read(i) for i in old.infolist()}
    part = "xl/worksheets/sheet1.xml"
    xml = items[part].decode()
    start = xml.index('<c r="E3"')
    end = xml.index("</c>", start) + len("</c>")
    items[part] = (
        xml[:start] + '<c r="E3"><f>3+4</f><v>7</v></c>' + xml[end:]
    ).encode()
    with zipfile.ZipFile(path, "w") as new:
        for name, data in items.items():
            new.writestr(name, data)
    tables, problems = excel.read_tables(path)
    assert problems == []
    rows = {cells[0]: cells for _, cells in tables["units"].rows}
    assert rows["A"] == ("A", "Sở A", "department", "province", 12, True, 21.5)
    assert rows["B"][4] == 7 and type(rows["B"][4]) is int
    assert rows["B"][5] is False
    assert rows["C"][4] == dt.datetime(2025, 7, 1)


def test_reading_gives_the_cycle_collector_back(tmp_path: Path) -> None:
    import gc

    assert gc.isenabled()
    read_organisation(VALID)
    check_input(tmp_path / "missing")
    assert gc.isenabled()


def test_csv_files_are_found_by_their_vietnamese_names(
    tmp_path: Path,
) -> None:
    org = read_organisation(VALID)
    write_organisation(org, tmp_path / "data")
    (tmp_path / "data" / "units.csv").rename(tmp_path / "data" / "Đơn vị.csv")
    (tmp_path / "data" / "staff.csv").rename(tmp_path / "data" / "cán bộ.csv")
    assert read_organisation(tmp_path / "data") == org
    (tmp_path / "data" / "units.csv").write_text("id\n", encoding="utf-8")
    (problem,) = csv_io.read_tables(tmp_path / "data")[1]
    assert problem.message == (
        "units.csv, Đơn vị.csv both hold the units table; keep one"
    )
