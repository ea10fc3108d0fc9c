"""One cell of an input table parsed by its column's type.

CSV gives text, Excel typed values; both give the same value here. Whole
numbers must be written in digits (``1e3`` is a typing slip, and a long
number must not pass through a float), numbers must be finite and within
bounds, yes/no accepts the usual English and Vietnamese words.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

from orgplan.errors import CellError
from orgplan.io.schema import LIST_SEPARATOR, Cell, Column
from orgplan.rules import Rulebook

# Whole numbers as digits, "12" or "12.0" (as a spreadsheet may save it).
_WHOLE = re.compile(r"[+-]?[0-9]+(?:\.0*)?")
# Bounds far above any province (Vietnam has about 2 million public
# servants), low enough that sums stay exact in the solver's 64-bit model.
MAX_WHOLE = 10**9
MAX_NUMBER = 1e15

TRUE_WORDS = frozenset({"true", "yes", "1", "x", "có", "co", "y"})
FALSE_WORDS = frozenset({"false", "no", "0", "không", "khong", "n"})


def parse_cell(cell: Cell, column: Column, rulebook: Rulebook) -> Any:
    """The value of one cell for ``column``; ``None`` for an empty cell.

    Excel numbers may arrive as ``12.0`` or as the text ``"12"``; both are
    fine for a whole number, ``12.5`` and ``1e3`` are not. Ids are
    stripped of surrounding spaces, free text is kept as written.

    Raises
    ------
    ValueError
        With a message for the user when the cell does not fit.
    """
    return cell_parser(column, rulebook)(cell)


def cell_parser(column: Column, rulebook: Rulebook) -> Callable[[Cell], Any]:
    """:func:`parse_cell` for ``column``, its allowed values looked up
    once (a table of 200,000 rows calls it for every cell)."""
    convert = _PARSERS[column.type]
    allowed = column.allowed(rulebook) if column.allowed else None
    known = frozenset(allowed or ())

    def parse(cell: Cell) -> Any:
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            return None
        if isinstance(cell, dt.date | dt.time):
            raise CellError(
                "problem_date_not_expected",
                value=cell,
                expected={"key": f"expected_{_EXPECTED[column.type]}"},
            )
        value = convert(cell)
        if allowed is None or value in known:
            return value
        # "Department" for "department": a capital typed in a spreadsheet.
        if value.lower() in known:
            return value.lower()
        raise CellError(
            "problem_unknown_value",
            column=column.name,
            value=repr(value),
            allowed=", ".join(allowed),
        )

    return parse


def _text(cell: Cell) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _id(cell: Cell) -> str:
    return _text(cell).strip()


def _int(cell: Cell) -> int:
    if isinstance(cell, bool):
        raise CellError("problem_not_whole", value=cell)
    if isinstance(cell, int):
        number = cell
    elif isinstance(cell, float):
        if not cell.is_integer():
            raise CellError("problem_not_whole", value=_text(cell))
        number = int(cell)
    else:
        text = str(cell).strip()
        # Digits only: "1e3" or "12.5" is a typing slip, and a long number
        # must not lose digits through a float.
        if not _WHOLE.fullmatch(text):
            _number(text)
            raise CellError("problem_not_whole_digits", value=text)
        number = int(text.split(".")[0])
    if abs(number) > MAX_WHOLE:
        raise CellError("problem_beyond_whole", value=number, limit=MAX_WHOLE)
    return number


def _float(cell: Cell) -> float:
    if isinstance(cell, bool):
        raise CellError("problem_not_number", value=cell)
    if isinstance(cell, int | float):
        number = float(cell)
    else:
        text = str(cell).strip()
        # A decimal comma, as Vietnamese spreadsheets write it: "3,5".
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        number = _number(text)
    if not math.isfinite(number) or abs(number) > MAX_NUMBER:
        raise CellError("problem_beyond_number", value=cell, limit=MAX_NUMBER)
    return number


def _number(text: str) -> float:
    try:
        number = float(text.strip())
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise CellError("problem_not_number", value=repr(text.strip()))
    return number


def _bool(cell: Cell) -> bool:
    if isinstance(cell, bool):
        return cell
    word = _text(cell).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError("problem_not_yes_no", value=repr(word))


def _list(cell: Cell) -> tuple[str, ...]:
    items = (item.strip() for item in _text(cell).split(LIST_SEPARATOR))
    return tuple(item for item in items if item)


# What a column of each type expects, in the catalogue's words.
_EXPECTED = {t: t for t in ("int", "float", "bool", "list")} | {
    "id": "text",
    "text": "text",
}

_PARSERS: dict[str, Callable[[Cell], Any]] = {
    "id": _id,
    "text": _text,
    "int": _int,
    "float": _float,
    "bool": _bool,
    "list": _list,
}

