"""The blank workbook a staff member fills in Excel (``orgplan template``)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from orgplan.io.atomic import atomic_file
from orgplan.io.excel import README_SHEET, add_header
from orgplan.io.schema import LIST_SEPARATOR, TABLES, Column
from orgplan.rules import Rulebook, load_rulebook

TYPE_WORDS = {
    "id": "code (spaces around it are ignored)",
    "text": "text",
    "int": "whole number, 0 or more",
    "float": "number (decimal point or comma)",
    "bool": "yes/no: true/false, yes/no, 1/0, x, có/không; empty = no",
    "list": f"codes separated by {LIST_SEPARATOR!r}",
}

README_COLUMNS = [
    "sheet",
    "column",
    "meaning",
    "type",
    "required",
    "allowed values",
    "example",
]

# Excel refuses a drop-down list longer than this.
_MAX_LIST_FORMULA = 255


def write_template(path: str | Path, rulebook: Rulebook | None = None) -> None:
    """Write a blank input workbook with a ``README`` sheet to ``path``.

    Each table has its own sheet with the column names as a styled header
    and drop-down lists where the values are fixed; the ``README`` sheet
    documents every column: meaning, type, whether it is required, the
    allowed values (from ``rulebook``, by default ``vn-2025``) and an
    example.

    Raises
    ------
    OSError
        If ``path`` cannot be written.
    """
    rulebook = rulebook or load_rulebook()
    workbook = openpyxl.Workbook()
    readme = workbook.active
    readme.title = README_SHEET
    add_header(readme, README_COLUMNS, width=18)
    for table in TABLES.values():
        sheet = workbook.create_sheet(table.name)
        add_header(sheet, [c.name for c in table.columns])
        for index, column in enumerate(table.columns, start=1):
            allowed = _allowed(column, rulebook)
            readme.append(
                [
                    table.name,
                    column.name,
                    column.meaning,
                    TYPE_WORDS[column.type],
                    _required(column, table.required),
                    ", ".join(allowed),
                    column.example,
                ]
            )
            if allowed:
                _drop_down(sheet, index, allowed)
    readme.column_dimensions["C"].width = 60
    readme.column_dimensions["D"].width = 34
    readme.column_dimensions["F"].width = 40
    for row in readme.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    with atomic_file(Path(path)) as tmp:
        workbook.save(tmp)


def _allowed(column: Column, rulebook: Rulebook) -> tuple[str, ...]:
    if column.allowed is not None:
        return column.allowed(rulebook)
    if column.type == "bool":
        return ("true", "false")
    return ()


def _required(column: Column, table_required: bool) -> str:
    sheet = "" if table_required else " (if the sheet is used)"
    if column.filled:
        return "required, every row" + sheet
    if column.required:
        return "required column, cells may be empty" + sheet
    return "optional"


def _drop_down(sheet: Worksheet, index: int, allowed: tuple[str, ...]) -> None:
    formula = '"' + ",".join(allowed) + '"'
    if len(formula) > _MAX_LIST_FORMULA:
        return
    letter = get_column_letter(index)
    # Not strict: the readers accept other spellings (e.g. "có" for yes).
    validation = DataValidation(
        type="list", formula1=formula, showErrorMessage=False
    )
    validation.add(f"{letter}2:{letter}10000")
    sheet.add_data_validation(validation)
