"""The checks of an input's records together, and the problems' collector.

Duplicate ids, references to unknown units, localities, functions or
persons, cycles in a hierarchy, several roots or a missing parent column,
leaders or staff categories that do not add up to the actual staff, and a
roster that contradicts the units' counts. Every problem names the file,
sheet, row and column, worded by the catalogue (:mod:`orgplan.i18n`) so
that ``orgplan validate --lang vi`` shows it in Vietnamese.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgplan.errors import CellError, Problem, Severity
from orgplan.io.schema import RawTable
from orgplan.model import SPLIT_COLUMNS

# Parsed rows of a table: row number and the values that parsed.
Rows = list[tuple[int, dict[str, Any]]]


@dataclass
class Checker:
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

    def say(
        self,
        raw: RawTable,
        key: str,
        row: int | None = None,
        column: str | None = None,
        severity: Severity = "error",
        /,
        **fields: Any,
    ) -> None:
        """Add the problem the catalogue words as ``key``."""
        self.problems.append(
            Problem.of(
                raw.file, key, row, column, raw.sheet, severity, **fields
            )
        )

    def cell(
        self, raw: RawTable, error: ValueError, row: int, column: str
    ) -> None:
        """Add the problem of a cell that did not parse."""
        if isinstance(error, CellError):
            self.say(raw, error.key, row, column, **error.fields)
        else:
            self.add(raw, str(error), row, column)


def cross_check(
    checker: Checker, tables: Mapping[str, RawTable], parsed: dict[str, Rows]
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


def _unique_keys(checker: Checker, raw: RawTable, rows: Rows) -> set[str]:
    key = raw.table.key
    first: dict[str, int] = {}
    for row, values in rows:
        value = values.get(key)
        if value is None:
            continue
        if value in first:
            checker.say(
                raw,
                "problem_duplicate_key",
                row,
                key,
                record={"key": f"record_{raw.table.record}"},
                column=key,
                value=repr(value),
                first=first[value],
                row=row,
            )
        else:
            first[value] = row
    return set(first)


def _references(
    checker: Checker,
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
                checker.say(
                    raw,
                    "problem_unknown_reference",
                    row,
                    column,
                    value=repr(item),
                    record={"key": f"record_{target.table.record}"},
                    column=target_column,
                    where=_place(target),
                )


def _cycles(checker: Checker, raw: RawTable, rows: Rows) -> None:
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
                checker.say(
                    raw,
                    "problem_cycle",
                    row_of[first],
                    "parent",
                    cycle=" → ".join([*cycle, node]),
                )
                break
            path[node] = len(path)
            node = parent[node]
        done.update(path)


# The kinds whose units have no parent by nature: a province is the top
# of the territorial hierarchy (the central level above it is not data),
# so several provinces (a merger of provinces) are several roots.
ROOT_KINDS = frozenset({"province"})


def _roots(checker: Checker, raw: RawTable, rows: Rows) -> None:
    """Warn of several roots unless every one is of a root kind; the
    units that should have had a parent are named first."""
    roots = sorted(
        (
            values
            for _, values in rows
            if "id" in values and "parent" not in values
        ),
        key=lambda values: values.get("kind") in ROOT_KINDS,
    )
    if len(roots) > 1 and roots[0].get("kind") not in ROOT_KINDS:
        ids = [values["id"] for values in roots]
        shown = ", ".join(ids[:10]) + (", ..." if len(ids) > 10 else "")
        checker.say(
            raw,
            "problem_several_roots",
            None,
            None,
            "warning",
            n=len(roots),
            shown=shown,
        )


def _no_parent_column(checker: Checker, raw: RawTable, rows: Rows) -> None:
    """Without a parent column every unit is a tree of its own: fine for
    a list of communes, not for units of several kinds (a department and
    its divisions), whose hierarchy would be lost."""
    kinds = sorted({v["kind"] for _, v in rows if "kind" in v})
    if len(rows) > 1 and len(kinds) > 1:
        checker.say(
            raw,
            "problem_no_parent_column",
            1,
            "parent",
            n=len(rows),
            kinds=", ".join(kinds),
        )
    else:
        _roots(checker, raw, rows)


def _counts(checker: Checker, raw: RawTable, rows: Rows) -> None:
    for row, values in rows:
        actual = values.get("actual")
        if actual is None:
            continue
        leaders = values.get("heads", 0) + values.get("deputies", 0)
        if leaders > actual:
            checker.say(
                raw,
                "problem_leaders_over_actual",
                row,
                "deputies",
                leaders=leaders,
                actual=actual,
            )
        split = [values.get(c) for c in SPLIT_COLUMNS.values()]
        if (
            any(v is not None for v in split)
            and sum(v or 0 for v in split) != actual
        ):
            checker.say(
                raw,
                "problem_split_sum",
                row,
                "actual",
                columns=" + ".join(SPLIT_COLUMNS.values()),
                total=sum(v or 0 for v in split),
                actual=actual,
            )


def _roster(
    checker: Checker,
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
            checker.say(
                units,
                "problem_roster",
                row,
                wrong[0],
                "warning",
                where=_place(staff),
                listed=listed["actual"],
                heads=listed["heads"],
                deputies=listed["deputies"],
                actual=stated["actual"],
                unit_heads=stated["heads"],
                unit_deputies=stated["deputies"],
            )


def _place(raw: RawTable) -> str | dict[str, str]:
    """Where ``raw`` is, as a catalogue field: its sheet or file name."""
    if raw.sheet:
        return {"key": "problem_where_sheet", "sheet": raw.sheet}
    return Path(raw.file).name


