"""The staffing plan export: xlsx, CSV and JSON agree; English and
Vietnamese; the `orgplan export` command."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from test_staffing import chain, empty_plan, roster_for, scenario

from cli import main
from orgplan.export import COLUMNS, staffing_tables, write_staffing_plan
from orgplan.io import write_organisation, write_plan
from orgplan.labels import label
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.staffing import plan_staffing

SHEETS = [
    "Summary",
    "Units after",
    "Localities",
    "Mergers",
    "Leadership",
    "Transfers",
    "Separations",
    "Movers",
]


@pytest.fixture()
def planned() -> tuple[Organisation, Plan]:
    org = chain([(10, 14), (10, 7), (10, 12)])
    people = list(roster_for(org))
    people[3] = people[3].model_copy(update={"name": "Nguyễn Thị Ánh Tuyết"})
    org = org.model_copy(update={"staff": tuple(people)})
    sc = scenario()
    return org, plan_staffing(org, sc, sc.rulebook(), empty_plan())


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _text(value: object) -> str:
    return "" if value is None else str(value)


def test_workbook_has_every_sheet_typed_and_filterable(
    planned: tuple[Organisation, Plan], tmp_path: Path
) -> None:
    org, plan = planned
    write_staffing_plan(plan, org, tmp_path)
    book = openpyxl.load_workbook(tmp_path / "staffing-plan.xlsx")
    assert book.sheetnames == SHEETS
    tables = staffing_tables(plan, org)
    for sheet, (name, rows) in zip(book, tables.items(), strict=True):
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == sheet.dimensions
        header = [c.value for c in sheet[1]]
        assert header == [label(k) for k in COLUMNS[name]]
        body = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
        assert body == [list(r.values()) for r in rows]
        for i, title in enumerate(header, start=1):
            width = sheet.column_dimensions[
                openpyxl.utils.get_column_letter(i)
            ].width
            assert width >= len(title)
    transfers = book["Transfers"]
    count = transfers.cell(row=2, column=6)
    assert count.data_type == "n"
    assert count.value == plan.transfers[0].count


def test_csv_and_json_hold_the_same_tables(
    planned: tuple[Organisation, Plan], tmp_path: Path
) -> None:
    org, plan = planned
    written = write_staffing_plan(plan, org, tmp_path, formats=("csv", "json"))
    tables = staffing_tables(plan, org)
    assert {p.name for p in written} == {
        *(f"{name}.csv" for name in COLUMNS),
        "staffing-plan.json",
    }
    for name, rows in tables.items():
        read = _csv(tmp_path / "staffing-plan" / f"{name}.csv")
        assert read == [{k: _text(v) for k, v in row.items()} for row in rows]
    as_json = json.loads(
        (tmp_path / "staffing-plan.json").read_text(encoding="utf-8")
    )
    assert as_json == tables
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_vietnamese_headers_and_diacritics_survive(
    planned: tuple[Organisation, Plan], tmp_path: Path
) -> None:
    org, plan = planned
    write_staffing_plan(plan, org, tmp_path, lang="vi")
    book = openpyxl.load_workbook(tmp_path / "staffing-plan.xlsx")
    assert book.sheetnames[0] == "Tổng hợp"
    movers = _csv(tmp_path / "staffing-plan" / "movers.csv")
    assert set(movers[0]) >= {"Mã cán bộ", "Họ và tên", "Hình thức"}
    assert "Nguyễn Thị Ánh Tuyết" in {m["Họ và tên"] for m in movers}
    assert {m["Hình thức"] for m in movers} == {
        "điều động",
        "nghỉ theo chính sách",
    }
    units = _csv(tmp_path / "staffing-plan" / "units_after.csv")
    assert units[0]["Tên"] == "Xã C0"


def test_summary_counts_the_moves(planned: tuple[Organisation, Plan]) -> None:
    org, plan = planned
    summary = staffing_tables(plan, org)["summary"]
    values = {row["Indicator"]: row["After"] for row in summary}
    assert values["Staff transferred"] == sum(t.count for t in plan.transfers)
    assert values["Staff separated"] == sum(s.count for s in plan.separations)


def test_cli_exports_a_saved_plan(
    planned: tuple[Organisation, Plan], tmp_path: Path
) -> None:
    org, plan = planned
    data = tmp_path / "data"
    write_organisation(org, data)
    path = tmp_path / "plan.json"
    write_plan(plan, path)
    runner = CliRunner()
    missing = runner.invoke(main, ["export", str(path)])
    assert missing.exit_code == 1
    assert "--data" in missing.output
    result = runner.invoke(
        main,
        ["export", str(path), "--format", "csv", "--data", str(data)],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "staffing-plan" / "transfers.csv").exists()
    named = plan.model_copy(update={"settings": {"data_path": "data"}})
    write_plan(named, path)
    out = tmp_path / "vi"
    result = runner.invoke(
        main,
        ["export", str(path), "--out", str(out), "--lang", "vi"],
    )
    assert result.exit_code == 0, result.output
    assert (out / "staffing-plan.xlsx").exists()
    usage = runner.invoke(main, ["export", str(path), "--format", "pdf"])
    assert usage.exit_code == 2


def test_units_are_named_by_their_own_names_and_dates_are_dates(
    tmp_path: Path,
) -> None:
    import datetime as dt

    from view_fixtures import province, reform_plan

    org, plan = province(), reform_plan()
    tables = staffing_tables(plan, org, "vi")
    merger = tables["mergers"][0]
    # The representative took the new name; its own former name is shown.
    assert merger[label("col_member_names", "vi")] == (
        f"{org.unit('SNN').name}; {org.unit('STNMT').name}"
    )
    assert merger[label("name", "vi")] == "Sở Nông nghiệp và Môi trường"
    summary = {
        row[label("col_indicator", "vi")]: row for row in tables["summary"]
    }
    assert summary[label("ind_status", "vi")][label("after", "vi")] == "tối ưu"
    english = staffing_tables(plan, org, "en")["mergers"][0]
    assert "Sở" not in english[label("col_member_names", "en")]
    write_staffing_plan(plan, org, tmp_path, lang="vi", formats=("xlsx",))
    book = openpyxl.load_workbook(tmp_path / "staffing-plan.xlsx")
    sheet = book[label("sheet_leadership", "vi")]
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(2, header.index(label("col_reduce_by", "vi")) + 1)
    assert cell.value == dt.datetime(2030, 8, 1)
    assert cell.number_format == "dd/mm/yyyy"
    costs = book[label("sheet_separations", "vi")][1]
    assert any("(đồng)" in str(c.value) for c in costs)
