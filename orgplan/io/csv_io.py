"""A folder of CSV files: one file per table, UTF-8, lists as ``a;b``."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from orgplan.errors import Problem
from orgplan.i18n.aliases import canonical_sheet
from orgplan.io.atomic import atomic_folder
from orgplan.io.limits import CELL_CHARS, COLUMNS, FILE_MB, MIB, ROWS
from orgplan.io.safe_text import unneutralise, write_csv
from orgplan.io.schema import (
    TABLES,
    Cell,
    Column,
    RawTable,
    Table,
    table_cells,
)
from orgplan.model import Organisation


def read_tables(
    folder: Path,
) -> tuple[dict[str, RawTable], list[Problem]]:
    """The raw tables of the CSV files in ``folder``.

    ``units.csv`` is required; the other tables are read when present,
    each also under its Vietnamese name ("đơn vị.csv"). A UTF-8 byte
    order mark (as Excel writes) is accepted.
    """
    tables: dict[str, RawTable] = {}
    problems: list[Problem] = []
    # "đơn vị.csv" holds the units as "units.csv" does.
    named: dict[str, list[Path]] = {}
    for file in sorted(folder.glob("*.csv")):
        named.setdefault(canonical_sheet(file.stem), []).append(file)
    for table in TABLES.values():
        files = named.get(table.name, [])
        if len(files) > 1:
            problems.append(
                Problem.of(
                    str(files[1]),
                    "problem_two_files",
                    files=", ".join(f.name for f in files),
                    table=table.name,
                )
            )
            continue
        path = files[0] if files else folder / table.file
        if not path.is_file():
            if table.required:
                problems.append(
                    Problem.of(
                        str(path),
                        "problem_no_units_file",
                        file=table.file,
                        folder=folder,
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
    size = path.stat().st_size
    if size > FILE_MB.value * MIB:
        return None, FILE_MB.problem(str(path), "limit_file", n=size / MIB)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, Problem.of(
            str(path),
            "problem_not_utf8",
            line,
            line=line,
            byte=f"{data[error.start]:#04x}",
        )
    del data
    csv.field_size_limit(CELL_CHARS.value)
    records = csv.reader(io.StringIO(text, newline=""))
    number = 0
    try:
        first = next(records, None)
        number = 1
        if first is None:
            return RawTable(table, str(path), None, (), ()), None
        header = tuple(h.strip().lower() for h in first)
        problem = _header_problem(str(path), header, table)
        if problem is not None:
            return None, problem
        rows: list[tuple[int, tuple[Cell, ...]]] = []
        width = len(header)
        for number, record in enumerate(records, start=2):
            if number > ROWS.value + 1:
                return None, ROWS.problem(
                    str(path), "limit_table_rows", number, n=number - 1
                )
            # One join per row, not a test per cell: 200,000 rows.
            joined = "".join(record)
            if not joined.strip():
                continue
            if len(record) > width and "".join(record[width:]).strip():
                return None, Problem.of(
                    str(path),
                    "problem_row_too_wide",
                    number,
                    cells=len(record),
                    width=width,
                )
            if "'" in joined:
                record = [unneutralise(c) for c in record]
            if len(record) != width:
                record = [*record[:width], *[""] * (width - len(record))]
            rows.append((number, tuple(record)))
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            return None, CELL_CHARS.problem(
                str(path), "limit_a_cell", number + 1
            )
        # The csv module's own words for what it could not read.
        return None, Problem.of(
            str(path), "problem_not_csv", number + 1, detail=str(error)
        )
    return RawTable(table, str(path), None, header, tuple(rows)), None


def _header_problem(
    file: str, header: tuple[str, ...], table: Table
) -> Problem | None:
    if len(header) > COLUMNS.value:
        return COLUMNS.problem(file, "limit_header", 1, n=len(header))
    # Excel in a locale with a decimal comma saves "CSV" with semicolons.
    names = header[0].split(";") if len(header) == 1 else []
    if sum(table.column(name.strip()) is not None for name in names) > 1:
        return Problem.of(file, "problem_semicolons", 1)
    return None


def write_tables(
    organisation: Organisation,
    folder: Path,
    header: Callable[[Table, Column], str] = lambda table, column: column.name,
    value: Callable[[Cell, Column], Cell] | None = None,
) -> list[Path]:
    """Write one CSV file per non-empty table of ``organisation``.

    ``units.csv`` is always written; a table the organisation lacks has its
    old file removed from ``folder``, so that reading it back gives the
    same organisation. Files are UTF-8 with a byte order mark, which Excel
    needs to show Vietnamese diacritics. ``header`` names each column
    (the column name by default) and ``value`` writes each cell (by
    default as the readers read it back: ``true``, ``3.5``).

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    OSError
        If ``folder`` cannot be written; it is then left as it was.
    """
    written = []
    with atomic_folder(folder, [t.file for t in TABLES.values()]) as tmp:
        for table in TABLES.values():
            rows = table_cells(organisation, table)
            if not rows and not table.required:
                continue
            write_csv(
                tmp / table.file,
                [header(table, c) for c in table.columns],
                (
                    [
                        _text(cell) if value is None else value(cell, column)
                        for cell, column in zip(
                            row, table.columns, strict=True
                        )
                    ]
                    for row in rows
                ),
            )
            written.append(folder / table.file)
    return written


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float):
        return repr(cell)
    return str(cell)
