"""From raw tables to an organisation, listing every problem on the way.

:func:`build_organisation` parses each cell by its column (see
:mod:`orgplan.io.schema`), checks each record alone and then the records
together (:mod:`orgplan.cross_checks`: duplicate ids, unknown references,
cycles, counts that do not add up, a roster that contradicts the units).
Every problem names the file, the sheet of a workbook, the row as a
spreadsheet shows it and the column. :mod:`orgplan.scenario_checks`
checks a scenario against the organisation it plans for.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from orgplan.cross_checks import Checker, Rows, cross_check
from orgplan.errors import CellError, InputError, OrgplanWarning, Problem
from orgplan.i18n import Lang, parts
from orgplan.i18n.data import WORDED
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
    checker = Checker()
    parsed: dict[str, Rows] = {}
    records: dict[str, list[BaseModel]] = {}
    usable = True
    for name, raw in tables.items():
        usable &= _check_header(checker, raw)
        parsed[name], records[name] = _parse_rows(checker, raw, rulebook)
    # Without its required columns a table cannot be cross-checked without
    # flooding the user with consequences of the one missing column.
    if usable and "units" in tables:
        cross_check(checker, tables, parsed)
    problems = checker.problems
    if has_errors(problems):
        return None, problems
    # The records were each validated already; pydantic takes them as
    # they are.
    organisation = Organisation.model_validate(
        {name: records.get(name, []) for name in TABLES}
    )
    return organisation, problems


def _check_header(checker: Checker, raw: RawTable) -> bool:
    table = raw.table
    counts = Counter(h for h in raw.header if h)
    for name, n in counts.items():
        if n > 1:
            checker.say(
                raw, "problem_duplicate_column", 1, name, name=repr(name), n=n
            )
    for name in counts:
        if table.column(name) is None:
            known = ", ".join(c.name for c in table.columns)
            checker.say(
                raw,
                "problem_unknown_column",
                1,
                name,
                "warning",
                name=repr(name),
                table=table.name,
                known=known,
            )
    missing = [c.name for c in table.columns if c.must_exist]
    missing = [name for name in missing if name not in counts]
    for name in missing:
        checker.say(raw, "problem_missing_column", 1, name, name=repr(name))
    if not raw.rows and table.required:
        checker.say(raw, "problem_no_rows", table=table.name)
    return not missing and all(n == 1 for n in counts.values())


def _parse_rows(
    checker: Checker, raw: RawTable, rulebook: Rulebook
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
                checker.cell(raw, error, row, column.name)
                continue
            if value is not None:
                values[column.name] = value
            elif column.filled:
                checker.say(
                    raw,
                    "problem_empty_cell",
                    row,
                    column.name,
                    record={"key": f"record_{table.record}"},
                    column=column.name,
                )
        record = _check_record(checker, raw, row, values)
        if record is not None:
            records.append(record)
        rows.append((row, values))
    return rows, records


def _visible(
    checker: Checker, raw: RawTable, row: int, column: Column, cell: Cell
) -> Cell:
    """``cell`` without control characters, which no name needs and an
    xlsx cannot hold: removed from free text with a warning, an error in
    an id, a number or a list."""
    if not isinstance(cell, str):
        return cell
    if column.type != "text":
        found = CONTROL.findall(cell.strip())
        if found:
            raise CellError("problem_control_characters", codes=codes(found))
        return cell
    found = TEXT_CONTROL.findall(cell)
    if not found:
        return cell
    checker.say(
        raw,
        "problem_control_removed",
        row,
        column.name,
        "warning",
        codes=codes(found),
    )
    return TEXT_CONTROL.sub("", cell)


def codes(found: list[str]) -> str:
    """The code points of ``found``, as U+000B, U+0001."""
    return ", ".join(sorted({f"U+{ord(c):04X}" for c in found}))


def _staff_count(value: int | None) -> None:
    if value is not None and value > MAX_STAFF:
        raise CellError("problem_too_many_staff", value=value, limit=MAX_STAFF)


def _check_record(
    checker: Checker, raw: RawTable, row: int, values: dict[str, Any]
) -> BaseModel | None:
    """Check one record alone with its model (bounds, types)."""
    try:
        return raw.table.model.model_validate(values)
    except ValidationError as error:
        for detail in error.errors():
            column = str(detail["loc"][0]) if detail["loc"] else None
            # Missing values were reported cell by cell already.
            if detail["type"] != "missing":
                checker.problems.append(
                    detail_problem(raw.file, detail, row, column, raw.sheet)
                )
    return None


# pydantic's errors the catalogue words: key, and the bound's name.
_WORDED = {
    "greater_than_equal": ("problem_at_least", "ge"),
    "less_than_equal": ("problem_at_most", "le"),
    "greater_than": ("problem_above", "gt"),
    "less_than": ("problem_below", "lt"),
    "extra_forbidden": ("problem_unknown_key", ""),
    "missing": ("problem_required_missing", ""),
    "literal_error": ("problem_one_of", ""),
    "string_type": ("problem_must_be_text", ""),
    "bool_parsing": ("problem_must_be_bool", ""),
    "bool_type": ("problem_must_be_bool", ""),
    "int_parsing": ("problem_must_be_whole", ""),
    "int_type": ("problem_must_be_whole", ""),
    "int_from_float": ("problem_must_be_whole", ""),
    "float_parsing": ("problem_must_be_number", ""),
    "float_type": ("problem_must_be_number", ""),
    "finite_number": ("problem_must_be_finite", ""),
    "dict_type": ("problem_must_be_mapping", ""),
    "model_type": ("problem_must_be_mapping", ""),
    "model_attributes_type": ("problem_must_be_mapping", ""),
    "list_type": ("problem_must_be_list", ""),
    "tuple_type": ("problem_must_be_list", ""),
    "too_short": ("problem_too_short", "min_length"),
    "too_long": ("problem_too_long", "max_length"),
}
# The longest value a problem quotes (a mapping given for a number).
SHOWN = 60


def detail_problem(
    file: str,
    detail: ErrorDetails,
    row: int | None = None,
    field: str | None = None,
    sheet: str | None = None,
) -> Problem:
    """A pydantic error as a problem for someone who edits a spreadsheet
    or a scenario, worded by the catalogue: a validator's message
    (:func:`orgplan.i18n.data.invalid`) or one of pydantic's types in
    ``_WORDED``; pydantic's own English for any other type."""
    if detail["type"] == WORDED:
        # A validator's catalogue message (orgplan.i18n.data.invalid).
        key, fields = parts(detail.get("ctx", {}))
        return Problem.of(file, key, row, field, sheet, **fields)
    worded = _WORDED.get(detail["type"])
    if worded is None:
        message = detail["msg"].removeprefix("Value error, ")
        return Problem(file, message, row, field, sheet)
    key, bound = worded
    ctx = detail.get("ctx", {})
    return Problem.of(
        file,
        key,
        row,
        field,
        sheet,
        limit=ctx.get(bound),
        value=_shown(detail.get("input")),
        # pydantic's list of choices ends "... 'adjacent' or 'anywhere'".
        expected=", ".join(str(ctx.get("expected", "")).rsplit(" or ", 1)),
        n=ctx.get("actual_length"),
    )


def _shown(value: Any) -> Any:
    """A number as it is, anything else quoted and cut to :data:`SHOWN`
    characters."""
    if isinstance(value, int | float):
        return value
    text = repr(value)
    return text if len(text) <= SHOWN else text[: SHOWN - 3] + "..."


class InputWarning(OrgplanWarning):
    """A warning in the input: its :class:`Problem` (the English is the
    warning's text) and the ``lang:`` of the scenario it was read for,
    so that the command line words it in the reader's language."""

    def __init__(self, problem: Problem, lang: Lang | None = None) -> None:
        super().__init__(str(problem))
        self.problem = problem
        self.lang = lang


class ScenarioInputError(InputError):
    """An :class:`InputError` with the ``lang:`` of the scenario the input
    was read for, so that the command line words it in that language
    when ``--lang`` is not given."""

    def __init__(self, problems: list[Problem], lang: Lang | None) -> None:
        super().__init__(problems)
        self.lang = lang


def raise_for_errors(
    problems: list[Problem], lang: Lang | None = None
) -> None:
    """Raise when any problem is an error; else warn of each warning
    (an :class:`InputWarning`; ``lang`` is the scenario's language).

    Raises
    ------
    InputError
        Listing every problem, errors and warnings, when any is an error
        (a :class:`ScenarioInputError` keeping ``lang``).
    """
    if has_errors(problems):
        raise ScenarioInputError(problems, lang)
    for problem in problems:
        warnings.warn(InputWarning(problem, lang), stacklevel=3)


def has_errors(problems: Iterable[Problem]) -> bool:
    """Whether any of ``problems`` is an error (not only warnings)."""
    return any(p.severity == "error" for p in problems)
