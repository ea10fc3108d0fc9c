"""A folder of CSV files: one file per table, UTF-8, lists as ``a;b``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from orgplan.errors import Problem
from orgplan.io.atomic import atomic_folder
from orgplan.io.schema import TABLES, Cell, RawTable, Table, table_cells
from orgplan.model import Organisation


def read_tables(
    folder: Path,
) -> tuple[dict[str, RawTable], list[Problem]]:
    """The raw tables of the CSV files in ``folder``.

    ``units.csv`` is required; the other tables are read when present.
    A UTF-8 byte order mark (as Excel writes) is accepted.
    """
    tables: dict[str, RawTable] = {}
    problems: list[Problem] = []
    for table in TABLES.values():
        path = folder / table.file
        if not path.is_file():
            if table.required:
                problems.append(
                    Problem(
                        str(path),
                        f"no {table.file} in {folder}; it is required "
                        "(one row per unit)",
                    )
                )
            continue
        raw, problem = _read_file(path, table)
        if problem is not None:
            problems.append(problem)
        elif raw is not None:
            tables[table.name] = raw
    return tables, problems


def _read_file(
    path: Path, table: Table
) -> tuple[RawTable | None, Problem | None]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, Problem(
            str(path),
            f"the file is not UTF-8 (line {line}, byte "
            f"{data[error.start]:#04x}); in Excel, save it as "
            "'CSV UTF-8 (Comma delimited)'",
            row=line,
        )
    records = list(csv.reader(io.StringIO(text, newline="")))
    if not records:
        return RawTable(table, str(path), None, (), ()), None
    header = tuple(h.strip().lower() for h in records[0])
    rows: list[tuple[int, tuple[Cell, ...]]] = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        extra = record[len(header) :]
        if any(cell.strip() for cell in extra):
            return None, Problem(
                str(path),
                f"the row has {len(record)} cells but the header has "
                f"{len(header)} columns (a ',' inside a cell must be "
                "quoted)",
                row=number,
            )
        padding = ("",) * (len(header) - len(record))
        rows.append((number, (*record[: len(header)], *padding)))
    return RawTable(table, str(path), None, header, tuple(rows)), None


def write_tables(organisation: Organisation, folder: Path) -> None:
    """Write one CSV file per non-empty table of ``organisation``.

    ``units.csv`` is always written; a table the organisation lacks has its
    old file removed from ``folder``, so that reading it back gives the
    same organisation. Files are UTF-8 with a byte order mark, which Excel
    needs to show Vietnamese diacritics.

    Raises
    ------
    OSError
        If ``folder`` cannot be written; it is then left as it was.
    """
    with atomic_folder(folder, [t.file for t in TABLES.values()]) as tmp:
        for table in TABLES.values():
            rows = table_cells(organisation, table)
            if not rows and not table.required:
                continue
            with (tmp / table.file).open(
                "w", encoding="utf-8-sig", newline=""
            ) as out:
                writer = csv.writer(out)
                writer.writerow([c.name for c in table.columns])
                writer.writerows([_text(cell) for cell in row] for row in rows)


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float):
        return repr(cell)
    return str(cell)
