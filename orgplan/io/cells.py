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
            raise ValueError(
                f"a date or time ({cell}) where {_expected(column)} is "
                "expected"
            )
        value = convert(cell)
        if allowed is None or value in known:
            return value
        # "Department" for "department": a capital typed in a spreadsheet.
        if value.lower() in known:
            return value.lower()
        raise ValueError(
            f"unknown {column.name} {value!r}; use one of "
            + ", ".join(allowed)
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
        raise ValueError(f"{cell} is not a whole number")
    if isinstance(cell, int):
        number = cell
    elif isinstance(cell, float):
        if not cell.is_integer():
            raise ValueError(f"{_text(cell)} is not a whole number")
        number = int(cell)
    else:
        text = str(cell).strip()
        # Digits only: "1e3" or "12.5" is a typing slip, and a long number
        # must not lose digits through a float.
        if not _WHOLE.fullmatch(text):
            _number(text)
            raise ValueError(
                f"{text} is not a whole number written in digits"
            )
        number = int(text.split(".")[0])
    if abs(number) > MAX_WHOLE:
        raise ValueError(
            f"{number} is beyond {MAX_WHOLE:,}, more than any real count"
        )
    return number


def _float(cell: Cell) -> float:
    if isinstance(cell, bool):
        raise ValueError(f"{cell} is not a number")
    if isinstance(cell, int | float):
        number = float(cell)
    else:
        text = str(cell).strip()
        # A decimal comma, as Vietnamese spreadsheets write it: "3,5".
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        number = _number(text)
    if not math.isfinite(number) or abs(number) > MAX_NUMBER:
        raise ValueError(f"{cell} is beyond {MAX_NUMBER:g}")
    return number


def _number(text: str) -> float:
    try:
        number = float(text.strip())
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"{text.strip()!r} is not a number")
    return number


def _bool(cell: Cell) -> bool:
    if isinstance(cell, bool):
        return cell
    word = _text(cell).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(
        f"{word!r} is not a yes/no value; use true/false, yes/no, 1/0, x, "
        "có/không or leave it empty for false"
    )


def _list(cell: Cell) -> tuple[str, ...]:
    items = (item.strip() for item in _text(cell).split(LIST_SEPARATOR))
    return tuple(item for item in items if item)


_PARSERS: dict[str, Callable[[Cell], Any]] = {
    "id": _id,
    "text": _text,
    "int": _int,
    "float": _float,
    "bool": _bool,
    "list": _list,
}


def _expected(column: Column) -> str:
    return {
        "int": "a whole number",
        "float": "a number",
        "bool": "yes or no",
        "list": "a list of codes",
    }.get(column.type, "text")
