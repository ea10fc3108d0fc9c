"""An Excel workbook: one sheet per table, typed cells, a styled header."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from orgplan.errors import Problem
from orgplan.io.atomic import atomic_file
from orgplan.io.schema import TABLES, Cell, RawTable, Table, table_cells
from orgplan.model import Organisation

# Sheets orgplan writes for people and never reads as data.
README_SHEET = "README"

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")


def read_tables(
    path: Path,
) -> tuple[dict[str, RawTable], list[Problem]]:
    """The raw tables of the workbook at ``path``.

    Sheet names are matched without regard to case or surrounding spaces;
    the ``units`` sheet is required, the others are read when present.
    Formulas count by their last computed value.
    """
    file = str(path)
    try:
        with warnings.catch_warnings():
            # openpyxl warns of Excel features it drops (extensions,
            # conditional formats) that do not touch the data.
            warnings.simplefilter("ignore", UserWarning)
            workbook = openpyxl.load_workbook(
                path, read_only=True, data_only=True
            )
    except (InvalidFileException, zipfile.BadZipFile, KeyError) as error:
        return {}, [
            Problem(
                file,
                f"cannot open it as an .xlsx workbook ({error}); save it "
                "from Excel as 'Excel Workbook (.xlsx)'",
            )
        ]
    sheets = {name.strip().lower(): name for name in workbook.sheetnames}
    found = ", ".join(repr(name) for name in workbook.sheetnames)
    try:
        tables = {
            table.name: _read_sheet(file, workbook[sheets[table.name]], table)
            for table in TABLES.values()
            if table.name in sheets
        }
    finally:
        workbook.close()
    problems: list[Problem] = []
    for table in TABLES.values():
        if table.required and table.name not in sheets:
            problems.append(
                Problem(
                    file,
                    f"no sheet named {table.name!r}; the workbook has "
                    f"sheets {found}",
                    sheet=table.name,
                )
            )
    known = {*TABLES, README_SHEET.lower()}
    for key, name in sheets.items():
        if key not in known:
            problems.append(
                Problem(
                    file,
                    f"sheet {name!r} is not read; orgplan reads the sheets "
                    + ", ".join(TABLES)
                    + f" (the workbook has {found})",
                    sheet=name,
                    severity="warning",
                )
            )
    return tables, problems


def _read_sheet(file: str, sheet: ReadOnlyWorksheet, table: Table) -> RawTable:
    # Some programs write a wrong sheet size; read every row there is.
    sheet.reset_dimensions()
    rows = sheet.iter_rows(values_only=True)
    first = next(rows, ())
    header = tuple(
        "" if cell is None else str(cell).strip().lower() for cell in first
    )
    body: list[tuple[int, tuple[Cell, ...]]] = []
    for number, values in enumerate(rows, start=2):
        cells = tuple(values[: len(header)])
        if all(
            c is None or (isinstance(c, str) and not c.strip()) for c in cells
        ):
            continue
        padding = (None,) * (len(header) - len(cells))
        body.append((number, (*cells, *padding)))
    return RawTable(table, file, sheet.title, header, tuple(body))


def write_workbook(organisation: Organisation, path: Path) -> None:
    """Write ``organisation`` as one workbook, a sheet per table.

    Every sheet is written, empty ones with their header only, so the
    workbook can be filled in further.

    Raises
    ------
    OSError
        If ``path`` cannot be written; nothing is left behind.
    """
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for table in TABLES.values():
        sheet = workbook.create_sheet(table.name)
        add_header(sheet, [c.name for c in table.columns])
        for row in table_cells(organisation, table):
            sheet.append([_cell(sheet, value) for value in row])
    with atomic_file(path) as tmp:
        workbook.save(tmp)


def _cell(sheet: Worksheet, value: Cell) -> openpyxl.cell.Cell:
    cell = openpyxl.cell.Cell(sheet, value=value)
    # Text such as "=x" or "#N/A" must stay text, not a formula or an
    # error value.
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def add_header(sheet: Worksheet, names: list[str], width: int = 14) -> None:
    """Append a styled header row to ``sheet`` and keep it in view."""
    sheet.append(names)
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center")
    for i, name in enumerate(names, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = max(
            width, len(name) + 2
        )
    sheet.freeze_panes = "A2"
