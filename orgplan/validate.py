"""From raw tables to an organisation, listing every problem on the way.

:func:`build_organisation` parses each cell by its column (see
:mod:`orgplan.io.schema`), checks each record alone and then the records
together (duplicate ids, unknown references, cycles, counts that do not
add up, a roster that contradicts the units). Every problem names the
file, the sheet of a workbook, the row as a spreadsheet shows it and the
column. :mod:`orgplan.scenario_checks` checks a scenario against the
organisation it plans for.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from orgplan.errors import InputError, OrgplanWarning, Problem, Severity
from orgplan.io.cells import cell_parser
from orgplan.io.schema import (
    TABLES,
    Cell,
    Column,
    RawTable,
)
from orgplan.model import SPLIT_COLUMNS, Organisation
from orgplan.rules import Rulebook

# Staff counts of one unit.
MAX_STAFF = 1_000_000
STAFF_COLUMNS = frozenset(
    {"quota", "actual", "heads", "deputies", *SPLIT_COLUMNS.values()}
)
# C0 and C1 control characters: invisible, and most illegal in an xlsx
# cell. Free text may keep tabs and line breaks (Alt+Enter in Excel).
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# Parsed rows of a table: row number and the values that parsed.
Rows = list[tuple[int, dict[str, Any]]]


@dataclass
class _Checker:
    """Collects the problems of one set of tables."""

    problems: list[Problem] = field(default_factory=list)

    def add(
        self,
        raw: RawTable,
        message: str,
        row: int | None = None,
        column: str | None = None,
        severity: Severity = "error",
    ) -> None:
        self.problems.append(
            Problem(raw.file, message, row, column, raw.sheet, severity)
        )


def build_organisation(
    tables: Mapping[str, RawTable], rulebook: Rulebook
) -> tuple[Organisation | None, list[Problem]]:
    """Parse and check raw tables; the organisation if there is no error.

    Parameters
    ----------
    tables
        Raw tables by table name (``units`` and any of ``localities``,
        ``staff``, ``functions``), as the CSV or Excel reader gives them.
    rulebook
        The rulebook whose kinds, levels and categories are allowed.

    Returns
    -------
    tuple
        The organisation (``None`` when any problem is an error) and every
        problem found, errors and warnings.
    """
    checker = _Checker()
    parsed: dict[str, Rows] = {}
    records: dict[str, list[BaseModel]] = {}
    usable = True
    for name, raw in tables.items():
        usable &= _check_header(checker, raw)
        parsed[name], records[name] = _parse_rows(checker, raw, rulebook)
    # Without its required columns a table cannot be cross-checked without
    # flooding the user with consequences of the one missing column.
    if usable and "units" in tables:
        _cross_check(checker, tables, parsed)
    problems = checker.problems
    if has_errors(problems):
        return None, problems
    # The records were each validated already; pydantic takes them as
    # they are.
    organisation = Organisation.model_validate(
        {name: records.get(name, []) for name in TABLES}
    )
    return organisation, problems


def _check_header(checker: _Checker, raw: RawTable) -> bool:
    table = raw.table
    counts = Counter(h for h in raw.header if h)
    for name, n in counts.items():
        if n > 1:
            checker.add(raw, f"column {name!r} appears {n} times", 1, name)
    for name in counts:
        if table.column(name) is None:
            known = ", ".join(c.name for c in table.columns)
            checker.add(
                raw,
                f"unknown column {name!r} is ignored; the {table.name} "
                f"table has columns {known}",
                1,
                name,
                "warning",
            )
    missing = [c.name for c in table.columns if c.must_exist]
    missing = [name for name in missing if name not in counts]
    for name in missing:
        checker.add(raw, f"required column {name!r} is missing", 1, name)
    if not raw.rows and table.required:
        checker.add(raw, f"the {table.name} table has no rows")
    return not missing and all(n == 1 for n in counts.values())


def _parse_rows(
    checker: _Checker, raw: RawTable, rulebook: Rulebook
) -> tuple[Rows, list[BaseModel]]:
    """The values of each row, and each row's record if it is valid."""
    table = raw.table
    columns = [
        (i, column, cell_parser(column, rulebook))
        for i, name in enumerate(raw.header)
        if (column := table.column(name)) is not None
    ]
    rows: Rows = []
    records: list[BaseModel] = []
    counts = table.name == "units"
    for row, cells in raw.rows:
        values: dict[str, Any] = {}
        for i, column, parse in columns:
            cell = cells[i]
            try:
                if isinstance(cell, str) and CONTROL.search(cell):
                    cell = _visible(checker, raw, row, column, cell)
                value = parse(cell)
                if counts and column.name in STAFF_COLUMNS:
                    _staff_count(value)
            except ValueError as error:
                checker.add(raw, str(error), row, column.name)
                continue
            if value is not None:
                values[column.name] = value
            elif column.filled:
                checker.add(
                    raw,
                    f"empty cell; every {table.record} needs a {column.name}",
                    row,
                    column.name,
                )
        record = _check_record(checker, raw, row, values)
        if record is not None:
            records.append(record)
        rows.append((row, values))
    return rows, records


def _visible(
    checker: _Checker, raw: RawTable, row: int, column: Column, cell: Cell
) -> Cell:
    """``cell`` without control characters, which no name needs and an
    xlsx cannot hold: removed from free text with a warning, an error in
    an id, a number or a list."""
    if not isinstance(cell, str):
        return cell
    if column.type != "text":
        found = CONTROL.findall(cell.strip())
        if found:
            raise ValueError(
                f"the cell holds control characters ({codes(found)}); "
                "retype it"
            )
        return cell
    found = TEXT_CONTROL.findall(cell)
    if not found:
        return cell
    checker.add(
        raw,
        f"control characters ({codes(found)}) removed from the text",
        row,
        column.name,
        "warning",
    )
    return TEXT_CONTROL.sub("", cell)


def codes(found: list[str]) -> str:
    """The code points of ``found``, as U+000B, U+0001."""
    return ", ".join(sorted({f"U+{ord(c):04X}" for c in found}))


def _staff_count(value: int | None) -> None:
    if value is not None and value > MAX_STAFF:
        raise ValueError(
            f"{value:,} is more than {MAX_STAFF:,} staff in one unit"
        )


def _check_record(
    checker: _Checker, raw: RawTable, row: int, values: dict[str, Any]
) -> BaseModel | None:
    """Check one record alone with its model (bounds, types)."""
    try:
        return raw.table.model.model_validate(values)
    except ValidationError as error:
        for detail in error.errors():
            column = str(detail["loc"][0]) if detail["loc"] else None
            # Missing values were reported cell by cell already.
            if detail["type"] != "missing":
                checker.add(raw, plain_message(detail), row, column)
    return None


def plain_message(detail: ErrorDetails) -> str:
    """A pydantic error in words for someone who edits a spreadsheet."""
    kind = detail["type"]
    ctx = detail.get("ctx", {})
    got = detail.get("input")
    if kind == "greater_than_equal":
        return f"must be {ctx['ge']} or more (got {got})"
    if kind == "less_than_equal":
        return f"must be {ctx['le']} or less (got {got})"
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "required, but missing"
    message = detail["msg"]
    return message.removeprefix("Value error, ")


def _cross_check(
    checker: _Checker, tables: Mapping[str, RawTable], parsed: dict[str, Rows]
) -> None:
    ids = {
        name: _unique_keys(checker, tables[name], parsed[name])
        for name in tables
    }
    units, unit_rows = tables["units"], parsed["units"]
    _references(checker, units, unit_rows, "parent", ids["units"], units)
    _cycles(checker, units, unit_rows)
    if "parent" in units.header:
        _roots(checker, units, unit_rows)
    else:
        _no_parent_column(checker, units, unit_rows)
    _counts(checker, units, unit_rows)
    for name, column, target, target_column in _REFERENCES:
        if name in tables and parsed.get(target):
            _references(
                checker,
                tables[name],
                parsed[name],
                column,
                ids[target],
                tables[target],
                target_column,
            )
    if parsed.get("localities"):
        _cycles(checker, tables["localities"], parsed["localities"])
    if parsed.get("functions"):
        _cycles(checker, tables["functions"], parsed["functions"])
    if parsed.get("staff"):
        _roster(checker, units, unit_rows, tables["staff"], parsed["staff"])


# (table, column) whose values must be keys of (table), when it is given.
_REFERENCES = (
    ("units", "locality", "localities", "id"),
    ("units", "functions", "functions", "code"),
    ("localities", "parent", "localities", "id"),
    ("localities", "neighbours", "localities", "id"),
    ("staff", "unit", "units", "id"),
    ("functions", "parent", "functions", "code"),
)


def _unique_keys(checker: _Checker, raw: RawTable, rows: Rows) -> set[str]:
    key = raw.table.key
    first: dict[str, int] = {}
    for row, values in rows:
        value = values.get(key)
        if value is None:
            continue
        if value in first:
            checker.add(
                raw,
                f"duplicate {raw.table.record} {key} {value!r} (rows "
                f"{first[value]} and {row})",
                row,
                key,
            )
        else:
            first[value] = row
    return set(first)


def _references(
    checker: _Checker,
    raw: RawTable,
    rows: Rows,
    column: str,
    known: set[str],
    target: RawTable,
    target_column: str = "id",
) -> None:
    for row, values in rows:
        value = values.get(column)
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if item is not None and item not in known:
                checker.add(
                    raw,
                    f"{item!r} is not a {target.table.record} "
                    f"{target_column} in {_where(target)}",
                    row,
                    column,
                )


def _cycles(checker: _Checker, raw: RawTable, rows: Rows) -> None:
    key = raw.table.key
    parent = {
        values[key]: values.get("parent")
        for _, values in rows
        if key in values
    }
    row_of = {values.get(key): row for row, values in rows}
    done: set[str] = set()
    for start in parent:
        # The walk's position of each node, so that a long chain costs
        # its length, not its square.
        path: dict[str, int] = {}
        node: str | None = start
        while node is not None and node in parent and node not in done:
            if node in path:
                cycle = list(path)[path[node] :]
                first = min(cycle, key=lambda n: row_of[n])
                checker.add(
                    raw,
                    "the hierarchy has a cycle (each one's parent is the "
                    "next): " + " → ".join([*cycle, node]),
                    row_of[first],
                    "parent",
                )
                break
            path[node] = len(path)
            node = parent[node]
        done.update(path)


def _roots(checker: _Checker, raw: RawTable, rows: Rows) -> None:
    roots = [
        values["id"]
        for _, values in rows
        if "id" in values and "parent" not in values
    ]
    if len(roots) > 1:
        shown = ", ".join(roots[:10]) + (", ..." if len(roots) > 10 else "")
        checker.add(
            raw,
            f"{len(roots)} units have no parent ({shown}); they are read "
            "as separate trees",
            severity="warning",
        )


def _no_parent_column(checker: _Checker, raw: RawTable, rows: Rows) -> None:
    """Without a parent column every unit is a tree of its own: fine for
    a list of communes, not for units of several kinds (a department and
    its divisions), whose hierarchy would be lost."""
    kinds = sorted({v["kind"] for _, v in rows if "kind" in v})
    if len(rows) > 1 and len(kinds) > 1:
        checker.add(
            raw,
            f"there is no parent column, so the {len(rows)} units would be "
            f"{len(rows)} separate trees, yet they are of several kinds "
            f"({', '.join(kinds)}); add a parent column with the id of "
            "the unit above each one (empty for a top unit)",
            1,
            "parent",
        )
    else:
        _roots(checker, raw, rows)


def _counts(checker: _Checker, raw: RawTable, rows: Rows) -> None:
    for row, values in rows:
        actual = values.get("actual")
        if actual is None:
            continue
        leaders = values.get("heads", 0) + values.get("deputies", 0)
        if leaders > actual:
            checker.add(
                raw,
                f"heads + deputies = {leaders} is more than actual "
                f"({actual}); leaders count in actual",
                row,
                "deputies",
            )
        split = [values.get(c) for c in SPLIT_COLUMNS.values()]
        if (
            any(v is not None for v in split)
            and sum(v or 0 for v in split) != actual
        ):
            checker.add(
                raw,
                " + ".join(SPLIT_COLUMNS.values())
                + f" = {sum(v or 0 for v in split)}, but actual is "
                f"{actual}",
                row,
                "actual",
            )


def _roster(
    checker: _Checker,
    units: RawTable,
    unit_rows: Rows,
    staff: RawTable,
    staff_rows: Rows,
) -> None:
    people = Counter(v.get("unit") for _, v in staff_rows)
    by_role = Counter((v.get("unit"), v.get("role")) for _, v in staff_rows)
    for row, values in unit_rows:
        uid = values.get("id")
        listed = {
            "actual": people[uid],
            "heads": by_role[uid, "head"],
            "deputies": by_role[uid, "deputy"],
        }
        stated = {column: values.get(column, 0) for column in listed}
        wrong = [
            column for column in listed if listed[column] != stated[column]
        ]
        if wrong:
            checker.add(
                units,
                f"{_where(staff)} lists {listed['actual']} persons of this "
                f"unit ({listed['heads']} heads, {listed['deputies']} "
                f"deputies), but the unit has actual {stated['actual']}, "
                f"heads {stated['heads']}, deputies {stated['deputies']}",
                row,
                wrong[0],
                "warning",
            )


def _where(raw: RawTable) -> str:
    return f"sheet {raw.sheet}" if raw.sheet else Path(raw.file).name


def raise_for_errors(problems: list[Problem]) -> None:
    """Raise when any problem is an error; else warn of each warning.

    Raises
    ------
    InputError
        Listing every problem, errors and warnings, when any is an error.
    """
    if has_errors(problems):
        raise InputError(problems)
    for problem in problems:
        warnings.warn(str(problem), OrgplanWarning, stacklevel=3)


def has_errors(problems: Iterable[Problem]) -> bool:
    """Whether any of ``problems`` is an error (not only warnings)."""
    return any(p.severity == "error" for p in problems)
