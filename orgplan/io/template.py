"""The blank workbook a staff member fills in Excel (``orgplan template``).

In English the headers are the column names; in Vietnamese they are the
Vietnamese headers, the drop-downs offer the Vietnamese words ("sở",
"công chức"), the README sheet is Vietnamese and the sheets have
Vietnamese names ("Đơn vị"). The readers accept both
(:mod:`orgplan.i18n.aliases`).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from orgplan.i18n import Lang, t
from orgplan.i18n.aliases import sheet_name, word
from orgplan.io.atomic import atomic_file
from orgplan.io.excel import README_SHEET, add_header
from orgplan.io.schema import TABLES, Column, Table
from orgplan.rules import Rulebook, load_rulebook

README_COLUMNS = (
    "readme_sheet",
    "readme_column",
    "readme_meaning",
    "readme_type",
    "readme_required",
    "readme_allowed",
    "readme_example",
)

# Excel refuses a drop-down list longer than this.
_MAX_LIST_FORMULA = 255
# Rows that get the drop-downs.
_ROWS = 10000


def write_template(
    path: str | Path, rulebook: Rulebook | None = None, lang: Lang = "en"
) -> None:
    """Write a blank input workbook with a ``README`` sheet to ``path``.

    Each table has its own sheet with a styled header (column names, or
    Vietnamese headers with ``lang="vi"``) and drop-down lists where the
    values are fixed; the ``README`` sheet documents every column:
    meaning, type, whether it is required, the allowed values (from
    ``rulebook``, by default ``vn-2025``) and an example.

    Raises
    ------
    OSError
        If ``path`` cannot be written.
    """
    rulebook = rulebook or load_rulebook()
    workbook = openpyxl.Workbook()
    readme = workbook.active
    readme.title = README_SHEET if lang == "en" else sheet_name("readme", lang)
    add_header(readme, [t(key, lang) for key in README_COLUMNS], width=18)
    for table in TABLES.values():
        sheet = workbook.create_sheet(sheet_name(table.name, lang))
        add_header(sheet, [header(table, c, lang) for c in table.columns])
        for index, column in enumerate(table.columns, start=1):
            allowed = _allowed(column, rulebook, lang)
            readme.append(
                [
                    sheet.title,
                    header(table, column, lang),
                    _meaning(table, column, lang),
                    t(f"type_{column.type}", lang),
                    _required(column, table.required, lang),
                    ", ".join(allowed),
                    _example(column, lang),
                ]
            )
            if allowed:
                _drop_down(sheet, index, allowed)
    readme.append([])
    readme.append([t("readme_intro", lang)])
    readme.column_dimensions["C"].width = 60
    readme.column_dimensions["D"].width = 34
    readme.column_dimensions["F"].width = 40
    for row in readme.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    with atomic_file(Path(path)) as tmp:
        workbook.save(tmp)


def header(table: Table, column: Column, lang: Lang) -> str:
    """The header of ``column`` in ``lang`` (the readers take both)."""
    if lang == "en":
        return column.name
    return t(f"header.{table.name}.{column.name}", lang)


def _meaning(table: Table, column: Column, lang: Lang) -> str:
    if lang == "en":
        return column.meaning
    return t(f"meaning.{table.name}.{column.name}", lang)


def _allowed(column: Column, rulebook: Rulebook, lang: Lang) -> list[str]:
    if column.type == "bool":
        return [t("yes", lang), t("no", lang)]
    if column.allowed is None:
        return []
    codes = column.allowed(rulebook)
    if column.name == "kind" and lang == "vi":
        return [rulebook.kinds[code].label_vi for code in codes]
    return [word(column.name, code, lang) for code in codes]


def _example(column: Column, lang: Lang) -> str:
    if column.type == "bool":
        return t("no", lang)
    if column.allowed is not None:
        return word(column.name, column.example, lang)
    return column.example


def _required(column: Column, table_required: bool, lang: Lang) -> str:
    sheet = "" if table_required else t("required_if_used", lang)
    if column.filled:
        return t("required_every_row", lang) + sheet
    if column.required:
        return t("required_column", lang) + sheet
    return t("required_optional", lang)


def _drop_down(sheet: Worksheet, index: int, allowed: list[str]) -> None:
    formula = '"' + ",".join(allowed) + '"'
    if len(formula) > _MAX_LIST_FORMULA:
        return
    letter = get_column_letter(index)
    # Not strict: the readers accept other spellings (e.g. "có" for yes).
    validation = DataValidation(
        type="list", formula1=formula, showErrorMessage=False
    )
    validation.add(f"{letter}2:{letter}{_ROWS}")
    sheet.add_data_validation(validation)
