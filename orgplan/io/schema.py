"""The four input tables: their columns, what each means, and raw cells.

One description serves the readers (which columns exist and which are
required), :mod:`orgplan.validate` (how each cell is parsed and checked),
the writers (the order of columns) and the blank template (the README
sheet). Column names are the field names of :mod:`orgplan.model`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, cast, get_args

from pydantic import BaseModel

from orgplan.i18n.aliases import canonical_header, canonical_value
from orgplan.model import (
    FunctionDef,
    Gender,
    Locality,
    Organisation,
    Person,
    Role,
    Terrain,
    Unit,
)
from orgplan.rules import Rulebook

# A cell as a reader delivers it: CSV gives text, Excel gives typed values.
Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | None

ColumnType = Literal["id", "text", "int", "float", "bool", "list"]

# Cells of a list column hold several ids separated by this character.
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    """One column of an input table.

    ``required`` columns must be present; ``filled`` ones must be present
    and need a value in every row. ``allowed`` gives the accepted values,
    from the rulebook where the rulebook defines them.
    """

    name: str
    type: ColumnType
    meaning: str
    example: str
    required: bool = False
    filled: bool = False
    allowed: Callable[[Rulebook], tuple[str, ...]] | None = None

    @property
    def must_exist(self) -> bool:
        return self.required or self.filled


@dataclass(frozen=True)
class Table:
    """One input table: a CSV file or a sheet of the workbook."""

    name: str
    key: str
    record: str
    required: bool
    model: type[BaseModel]
    columns: tuple[Column, ...]

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


@dataclass(frozen=True)
class RawTable:
    """A table as read, before any parsing: a header and numbered rows.

    ``header`` holds the column names lower-cased and stripped; ``rows``
    pairs the row number a spreadsheet shows (the header is row 1) with
    the cells, one per header column.

    Vietnamese headers ("Tên đơn vị") and coded values ("sở", "công
    chức") become column names and codes here, so that every reader
    accepts input in either language (:mod:`orgplan.i18n.aliases`).
    """

    table: Table
    file: str
    sheet: str | None
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]

    def __post_init__(self) -> None:
        header = tuple(
            h if self.table.column(h) else canonical_header(self.table.name, h)
            for h in self.header
        )
        coded = [
            i
            for i, name in enumerate(header)
            if (column := self.table.column(name)) and column.allowed
        ]
        if coded:
            rows = tuple(
                (number, _canonical_cells(cells, header, coded))
                for number, cells in self.rows
            )
            object.__setattr__(self, "rows", rows)
        object.__setattr__(self, "header", header)


def _canonical_cells(
    cells: tuple[Cell, ...], header: tuple[str, ...], coded: list[int]
) -> tuple[Cell, ...]:
    out = list(cells)
    for i in coded:
        if i < len(out) and isinstance(out[i], str):
            out[i] = canonical_value(header[i], cast(str, out[i]))
    return tuple(out)


def _fixed(values: object) -> Callable[[Rulebook], tuple[str, ...]]:
    choices = tuple(get_args(values))
    return lambda _rulebook: choices


def _kinds(rulebook: Rulebook) -> tuple[str, ...]:
    return tuple(rulebook.kinds)


def _levels(rulebook: Rulebook) -> tuple[str, ...]:
    return tuple(rulebook.levels)


def _categories(rulebook: Rulebook) -> tuple[str, ...]:
    return tuple(rulebook.categories)


def _count(name: str, meaning: str, example: str, **kw: bool) -> Column:
    return Column(name, "int", meaning, example, **kw)


UNITS = Table(
    name="units",
    key="id",
    record="unit",
    required=True,
    model=Unit,
    columns=(
        Column("id", "id", "Stable code of the unit", "SNV", filled=True),
        Column("name", "text", "Name of the unit", "Sở Nội vụ", filled=True),
        Column(
            "kind",
            "id",
            "Type of unit; rules are keyed by kind",
            "department",
            filled=True,
            allowed=_kinds,
        ),
        Column(
            "level",
            "id",
            "Administrative tier",
            "province",
            filled=True,
            allowed=_levels,
        ),
        Column(
            "parent",
            "id",
            "id of the unit above it; empty for a top unit",
            "UBND-T",
        ),
        Column(
            "locality",
            "id",
            "id of its locality (localities table)",
            "T01",
        ),
        Column("sector", "id", "Sector or field of work", "home_affairs"),
        Column(
            "functions",
            "list",
            "Function codes it is responsible for, separated by ;",
            "NV.TC;NV.TD",
        ),
        _count(
            "quota",
            "Staff positions assigned (biên chế), leaders "
            "included, children not",
            "45",
            filled=True,
        ),
        _count(
            "actual",
            "Staff the unit has now, leaders included, children not",
            "43",
            filled=True,
        ),
        _count("heads", "Heads (cấp trưởng); empty = 0", "1", required=True),
        _count(
            "deputies", "Deputy heads (cấp phó); empty = 0", "3", required=True
        ),
        Column(
            "locked",
            "bool",
            "Must survive unchanged (true/false, có/không, x; empty = false)",
            "false",
        ),
        Column(
            "name_en", "text", "English name", "Department of Home Affairs"
        ),
        _count("civil_servants", "Civil servants among actual", "40"),
        _count("public_employees", "Public employees among actual", "0"),
        _count("contract", "Contract staff among actual", "3"),
        Column("lat", "float", "Latitude (decimal degrees)", "21.3256"),
        Column("lon", "float", "Longitude (decimal degrees)", "103.9188"),
    ),
)

LOCALITIES = Table(
    name="localities",
    key="id",
    record="locality",
    required=False,
    model=Locality,
    columns=(
        Column("id", "id", "Stable code of the locality", "X01", filled=True),
        Column("name", "text", "Name", "Phường Chiềng Lề", filled=True),
        Column(
            "level",
            "id",
            "Administrative tier",
            "commune",
            filled=True,
            allowed=_levels,
        ),
        Column("parent", "id", "id of the locality it belongs to", "T01"),
        Column("population", "int", "Residents", "24500"),
        Column("area_km2", "float", "Area in km²", "12.5"),
        Column(
            "terrain", "id", "Terrain", "mountain", allowed=_fixed(Terrain)
        ),
        Column(
            "neighbours",
            "list",
            "ids of adjacent localities, separated by ;",
            "X02;X03",
        ),
        Column("lat", "float", "Latitude (decimal degrees)", "21.3256"),
        Column("lon", "float", "Longitude (decimal degrees)", "103.9188"),
        Column("name_en", "text", "English name", "Chieng Le ward"),
    ),
)

STAFF = Table(
    name="staff",
    key="id",
    record="person",
    required=False,
    model=Person,
    columns=(
        Column("id", "id", "Staff number", "NV0001", filled=True),
        Column("unit", "id", "id of the person's unit", "SNV", filled=True),
        Column(
            "category",
            "id",
            "Staff category",
            "civil_servant",
            filled=True,
            allowed=_categories,
        ),
        Column(
            "role", "id", "Role; empty = staff", "deputy", allowed=_fixed(Role)
        ),
        Column("birth_year", "int", "Year of birth", "1968"),
        Column("gender", "id", "Gender", "female", allowed=_fixed(Gender)),
        Column("field", "text", "Field of expertise", "Tổ chức cán bộ"),
        Column("grade", "text", "Civil service grade (ngạch)", "01.003"),
        Column("name", "text", "Full name", "Nguyễn Thị Hoa"),
        Column(
            "salary",
            "float",
            "Monthly salary with allowances (VND)",
            "14500000",
        ),
        Column(
            "years_to_retirement",
            "float",
            "Years left to retirement age (else from birth_year)",
            "4.5",
        ),
        Column("insurance_years", "float", "Years of social insurance", "28"),
        Column(
            "excluded",
            "bool",
            "Never proposed for a transfer or separation (true/false; "
            "empty = false)",
            "false",
        ),
    ),
)

FUNCTIONS = Table(
    name="functions",
    key="code",
    record="function",
    required=False,
    model=FunctionDef,
    columns=(
        Column("code", "id", "Function code", "NV.TC", filled=True),
        Column("name", "text", "Name", "Tổ chức bộ máy"),
        Column("sector", "id", "Sector", "home_affairs"),
        Column(
            "parent",
            "id",
            "Code of the broader function; functions under one parent are "
            "related",
            "NV",
        ),
    ),
)

TABLES: dict[str, Table] = {
    t.name: t for t in (UNITS, LOCALITIES, STAFF, FUNCTIONS)
}


def table_cells(organisation: Organisation, table: Table) -> list[list[Cell]]:
    """The rows of ``table`` for ``organisation``, one cell per column.

    Lists are joined with ``;`` and absent values are ``None``; the
    writers turn the cells into text (CSV) or typed Excel cells.
    """
    records: tuple[BaseModel, ...] = getattr(organisation, table.name)
    return [
        [_cell(getattr(record, c.name)) for c in table.columns]
        for record in records
    ]


def _cell(value: object) -> Cell:
    if isinstance(value, tuple):
        return LIST_SEPARATOR.join(value)
    return cast(Cell, value)
