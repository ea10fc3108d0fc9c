"""An Excel workbook: one sheet per table, typed cells, a styled header."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import (
    column_index_from_string,
    coordinate_from_string,
)
from openpyxl.utils.exceptions import (
    CellCoordinatesException,
)
from openpyxl.worksheet.worksheet import Worksheet

from orgplan.errors import Problem
from orgplan.i18n.aliases import canonical_sheet, sheet_name
from orgplan.io.atomic import atomic_file
from orgplan.io.limits import CELL_CHARS, COLUMNS, ROWS
from orgplan.io.schema import TABLES, Cell, RawTable, Table, table_cells
from orgplan.io.xlsx_package import PackageError, SheetPart, inspect_package
from orgplan.io.xlsx_rows import SheetRows, date_styles, shared_strings
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
    Formulas count by their last computed value; a formula without one,
    and merged cells, are errors (they would read as empty cells).
    """
    file = str(path)
    try:
        layout = inspect_package(path)
    except PackageError as error:
        return {}, [Problem.of(file, error.key, **error.fields)]
    except (*DAMAGED, KeyError) as error:
        return {}, [_damaged(file, error)]
    names = list(layout.sheets)
    # A sheet is found by its table's name or a Vietnamese one ("Đơn vị").
    sheets: dict[str, str] = {}
    problems: list[Problem] = []
    for name in names:
        key = canonical_sheet(name)
        if key in sheets:
            problems.append(_twice(file, key, sheets[key], name))
        sheets.setdefault(key, name)
    found = ", ".join(repr(name) for name in names)
    tables: dict[str, RawTable] = {}
    with zipfile.ZipFile(path) as package:
        try:
            shared = shared_strings(package, layout.shared_strings)
            dates = date_styles(package, layout.styles)
        except (*DAMAGED, KeyError, ValueError) as error:
            return {}, [_damaged(file, error)]
        for table in TABLES.values():
            if table.name not in sheets:
                continue
            name = sheets[table.name]
            part = layout.sheets[name]
            rows = SheetRows(package, part.part, shared, dates)
            try:
                raw = _read_sheet(file, name, rows, table)
            except _TooLarge as error:
                problems.append(error.problem)
                continue
            except (*DAMAGED, KeyError, ValueError, IndexError) as error:
                problems.append(_damaged(file, error, name))
                continue
            tables[table.name] = raw
            problems += _sheet_problems(raw, part, rows.uncomputed)
    for table in TABLES.values():
        if table.required and table.name not in sheets:
            problems.append(
                Problem.of(
                    file,
                    "problem_no_sheet",
                    None,
                    None,
                    table.name,
                    table=repr(table.name),
                    vi_name=repr(sheet_name(table.name, "vi")),
                    found=found,
                )
            )
    known = {*TABLES, canonical_sheet(README_SHEET)}
    for key, name in sheets.items():
        if key not in known:
            problems.append(
                Problem.of(
                    file,
                    "problem_sheet_not_read",
                    None,
                    None,
                    name,
                    "warning",
                    name=repr(name),
                    tables=", ".join(TABLES),
                    found=found,
                )
            )
    return tables, problems


def _twice(file: str, table: str, first: str, second: str) -> Problem:
    return Problem.of(
        file,
        "problem_two_sheets",
        None,
        None,
        second,
        first=repr(first),
        second=repr(second),
        table=table,
    )


# What a damaged part raises while it is unpacked or parsed (the XML
# parser's errors are SyntaxErrors).
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, SyntaxError)


def _damaged(file: str, error: Exception, sheet: str | None = None) -> Problem:
    return Problem.of(
        file,
        "problem_damaged_workbook",
        None,
        None,
        sheet,
        detail=f"{type(error).__name__}: {error}",
    )


class _TooLarge(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _read_sheet(
    file: str, title: str, rows: SheetRows, table: Table
) -> RawTable:
    header: tuple[str, ...] = ()
    most, longest = ROWS.value + 1, CELL_CHARS.value
    body: list[tuple[int, tuple[Cell, ...]]] = []
    for number, values in rows:
        if number == 1:
            header = _header(file, title, values)
            continue
        if number > most:
            raise _TooLarge(
                ROWS.problem(
                    file, "limit_sheet_rows", number, None, title, n=number - 1
                )
            )
        cells = tuple(values[: len(header)])
        if all(
            c is None or (isinstance(c, str) and not c.strip()) for c in cells
        ):
            continue
        for i, c in enumerate(cells):
            if isinstance(c, str) and len(c) > longest:
                raise _TooLarge(
                    CELL_CHARS.problem(
                        file, "limit_cell", number, header[i], title, n=len(c)
                    )
                )
        padding = (None,) * (len(header) - len(cells))
        body.append((number, (*cells, *padding)))
    return RawTable(table, file, title, header, tuple(body))


def _header(file: str, title: str, values: list[Cell]) -> tuple[str, ...]:
    header = [
        "" if cell is None else str(cell).strip().lower() for cell in values
    ]
    while header and not header[-1]:
        header.pop()
    if len(header) > COLUMNS.value:
        raise _TooLarge(
            COLUMNS.problem(
                file, "limit_header", 1, None, title, n=len(header)
            )
        )
    return tuple(header)


# Formulas without a value are listed up to this many per sheet.
SHOWN = 20


def _sheet_problems(
    raw: RawTable, part: SheetPart, uncomputed: list[str]
) -> list[Problem]:
    """Merged cells and formulas without a computed value in a sheet."""
    problems = []

    def add(key: str, ref: str, **fields: str) -> None:
        try:
            col, row = coordinate_from_string(ref)
        except CellCoordinatesException:
            problems.append(
                Problem.of(raw.file, key, None, None, raw.sheet, **fields)
            )
            return
        index = column_index_from_string(col) - 1
        column = raw.header[index] if index < len(raw.header) else None
        problems.append(
            Problem.of(raw.file, key, row, column, raw.sheet, **fields)
        )

    for ref in part.merged:
        first = ref.split(":")[0].replace("$", "")
        add("problem_merged_cells", first, cells=ref, first=first)
    for ref in uncomputed[:SHOWN]:
        add("problem_uncomputed", ref, cell=ref)
    if len(uncomputed) > SHOWN:
        problems.append(
            Problem.of(
                raw.file,
                "problem_more_uncomputed",
                None,
                None,
                raw.sheet,
                n=len(uncomputed) - SHOWN,
            )
        )
    return problems


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
