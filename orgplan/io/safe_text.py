"""CSV cells that a spreadsheet will not run as formulas.

A spreadsheet that opens a CSV file evaluates a cell beginning with ``=``,
``+``, ``-`` or ``@`` as a formula (``=HYPERLINK(...)``, ``+cmd|...``),
and a leading tab or carriage return can hide one. OWASP's advice for CSV
injection is followed: such a text cell gets a leading single quote, which
the spreadsheet shows as text; numbers, and text that is only a number
such as ``-3``, stay as they are.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# A plain number (a change such as "-3" or "+2.5%") is not a formula.
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?%?")


def spreadsheet_safe(value: Any) -> Any:
    """``value`` as a CSV cell no spreadsheet would evaluate.

    Text starting (after spaces) with ``= + - @``, or with a tab or a
    carriage return, is prefixed with ``'``; anything else, numbers
    included, is returned unchanged.
    """
    if not isinstance(value, str) or not value:
        return value
    if value[0] in "\t\r" or (
        value.lstrip(" ").startswith(FORMULA_STARTS[:4])
        and not _NUMBER.fullmatch(value.strip())
    ):
        return "'" + value
    return value


def unneutralise(text: str) -> str:
    """The text :func:`spreadsheet_safe` was given for the cell ``text``."""
    if text.startswith("'") and spreadsheet_safe(text[1:]) == text:
        return text[1:]
    return text


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Any] | Mapping[str, Any]],
) -> None:
    """Write ``rows`` under ``header`` to ``path``, every cell made safe.

    UTF-8 with a byte order mark, which Excel needs to show Vietnamese
    diacritics. Rows are sequences in header order or mappings keyed by
    the header; ``None`` is an empty cell.
    """
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([spreadsheet_safe(name) for name in header])
        for row in rows:
            cells = (
                [row.get(name) for name in header]
                if isinstance(row, Mapping)
                else row
            )
            writer.writerow(
                ["" if c is None else spreadsheet_safe(c) for c in cells]
            )

