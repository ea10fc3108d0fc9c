"""From raw tables to an organisation, listing every problem on the way.

:func:`build_organisation` parses each cell by its column (see
:mod:`orgplan.io.schema`), checks each record alone and then the records
together (duplicate ids, unknown references, cycles, counts that do not
add up, a roster that contradicts the units). Every problem names the
file, the sheet of a workbook, the row as a spreadsheet shows it and the
column. :func:`scenario_problems` checks a scenario's references to the
organisation it plans for.
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from orgplan.errors import InputError, OrgplanWarning, Problem, Severity
from orgplan.io.schema import (
    LIST_SEPARATOR,
    TABLES,
    Cell,
    Column,
    RawTable,
)
from orgplan.model import SPLIT_COLUMNS, Organisation
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario

TRUE_WORDS = frozenset({"true", "yes", "1", "x", "có", "co", "y"})
FALSE_WORDS = frozenset({"false", "no", "0", "không", "khong", "n"})

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
    usable = True
    for name, raw in tables.items():
        usable &= _check_header(checker, raw)
        parsed[name] = _parse_rows(checker, raw, rulebook)
    # Without its required columns a table cannot be cross-checked without
    # flooding the user with consequences of the one missing column.
    if usable and "units" in tables:
        _cross_check(checker, tables, parsed)
    problems = checker.problems
    if has_errors(problems):
        return None, problems
    organisation = Organisation.model_validate(
        {
            name: [values for _, values in parsed.get(name, [])]
            for name in TABLES
        }
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


def _parse_rows(checker: _Checker, raw: RawTable, rulebook: Rulebook) -> Rows:
    table = raw.table
    columns = [
        (i, column)
        for i, name in enumerate(raw.header)
        if (column := table.column(name)) is not None
    ]
    rows: Rows = []
    for row, cells in raw.rows:
        values: dict[str, Any] = {}
        for i, column in columns:
            try:
                value = parse_cell(cells[i], column, rulebook)
            except ValueError as error:
                checker.add(raw, str(error), row, column.name)
                continue
            if value is None and column.filled:
                checker.add(
                    raw,
                    f"empty cell; every {table.record} needs a {column.name}",
                    row,
                    column.name,
                )
            elif value is not None:
                values[column.name] = value
        _check_record(checker, raw, row, values)
        rows.append((row, values))
    return rows


def _check_record(
    checker: _Checker, raw: RawTable, row: int, values: dict[str, Any]
) -> None:
    """Check one record alone with its model (bounds, types)."""
    try:
        raw.table.model.model_validate(values)
    except ValidationError as error:
        for detail in error.errors():
            column = str(detail["loc"][0]) if detail["loc"] else None
            # Missing values were reported cell by cell already.
            if detail["type"] != "missing":
                checker.add(raw, plain_message(detail), row, column)


def parse_cell(cell: Cell, column: Column, rulebook: Rulebook) -> Any:
    """The value of one cell for ``column``; ``None`` for an empty cell.

    Excel numbers may arrive as ``12.0`` or as the text ``"12"``; both are
    fine for a whole number, ``12.5`` is not. Ids are stripped of
    surrounding spaces, free text is kept as written.

    Raises
    ------
    ValueError
        With a message for the user when the cell does not fit.
    """
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, dt.date | dt.time):
        raise ValueError(
            f"a date or time ({cell}) where {_expected(column)} is expected"
        )
    value = _PARSERS[column.type](cell)
    if column.allowed is not None:
        allowed = column.allowed(rulebook)
        # "Department" for "department": a capital typed in a spreadsheet.
        if value not in allowed and value.lower() in allowed:
            value = value.lower()
        if value not in allowed:
            raise ValueError(
                f"unknown {column.name} {value!r}; use one of "
                + ", ".join(allowed)
            )
    return value


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
        return cell
    number = cell if isinstance(cell, float) else _number(str(cell))
    if not number.is_integer():
        raise ValueError(f"{_text(cell).strip()} is not a whole number")
    return int(number)


def _float(cell: Cell) -> float:
    if isinstance(cell, bool):
        raise ValueError(f"{cell} is not a number")
    if isinstance(cell, int | float):
        return float(cell)
    text = str(cell).strip()
    # A decimal comma, as Vietnamese spreadsheets write it: "3,5".
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    return _number(text)


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
    _roots(checker, units, unit_rows)
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
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parent and node not in done:
            if node in path:
                cycle = path[path.index(node) :]
                first = min(cycle, key=lambda n: row_of[n])
                checker.add(
                    raw,
                    "the hierarchy has a cycle (each one's parent is the "
                    "next): " + " → ".join([*cycle, node]),
                    row_of[first],
                    "parent",
                )
                break
            path.append(node)
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


# A key path inside a YAML file: keys and list positions.
KeyPath = tuple[str | int, ...]


def scenario_problems(
    organisation: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    file: str,
    line_of: Callable[[KeyPath], int | None] = lambda _: None,
) -> list[Problem]:
    """Problems in a scenario's references to units, persons and kinds.

    ``locks``, ``must_merge``, ``must_not_merge``, ``names``,
    ``staffing.quota_overrides`` and ``leadership.heads`` must name units of
    the organisation (head values: persons of the roster); ``scope.kinds``
    and ``targets.max_units`` must name kinds of the rulebook. ``line_of``
    gives the line of a key path in the scenario file.
    """
    unit = "unit id of the organisation"
    units = set(organisation.unit_by_id)
    kinds = set(rulebook.kinds)
    heads = scenario.leadership.heads
    checks: list[tuple[KeyPath, list[tuple[KeyPath, str]], set[str], str]] = [
        (("locks",), _listed(scenario.locks), units, unit),
        (("must_merge",), _grouped(scenario.must_merge), units, unit),
        (("must_not_merge",), _grouped(scenario.must_not_merge), units, unit),
        (("names",), _keys(scenario.names), units, unit),
        (
            ("staffing", "quota_overrides"),
            _keys(scenario.staffing.quota_overrides),
            units,
            unit,
        ),
        (("leadership", "heads"), _keys(heads), units, unit),
        (
            ("leadership", "heads"),
            [((key,), person) for key, person in heads.items()],
            {p.id for p in organisation.staff},
            "person id in the roster",
        ),
        (("scope", "kinds"), _listed(scenario.scope.kinds), kinds, "kind"),
        (
            ("targets", "max_units"),
            _keys(scenario.targets.max_units),
            kinds,
            "kind",
        ),
    ]
    problems = []
    for prefix, entries, known, what in checks:
        for suffix, value in entries:
            if value in known:
                continue
            message = f"{value!r} is not a {what}"
            if what == "kind":
                message += f" of rulebook {rulebook.name}; kinds are " + (
                    ", ".join(rulebook.kinds)
                )
            loc = (*prefix, *suffix)
            problems.append(
                Problem(
                    file,
                    message,
                    line_of(loc),
                    ".".join(str(part) for part in loc),
                )
            )
    return problems


def _listed(values: Iterable[str]) -> list[tuple[KeyPath, str]]:
    return [((i,), value) for i, value in enumerate(values)]


def _grouped(groups: Iterable[Iterable[str]]) -> list[tuple[KeyPath, str]]:
    return [
        ((i, j), value)
        for i, group in enumerate(groups)
        for j, value in enumerate(group)
    ]


def _keys(mapping: Mapping[str, object]) -> list[tuple[KeyPath, str]]:
    return [((key,), key) for key in mapping]


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
