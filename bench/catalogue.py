"""The provincial departments (sở) before 2025, as the generator's template.

The data are the CSV files of ``bench/data/`` (one row per department,
mandate, part and kind of school; ``bench/README.md`` describes their
columns); this module reads them into plain records. The departments are
the 17 uniform ones of Decree 24/2014 as amended by Decree 107/2020 plus
the Ethnic Committee and Foreign Affairs, each with its mandate as level-2
functions, its divisions (phòng), its sub-departments (chi cục) with their
divisions, and its public service units. Names are the usual ones; the
organisation charts of real provinces differ in details. Level-2
functions whose ``link`` lies in another area are the mandates merged in
2025 (Resolution 18-NQ/TW and Decree 45/2025): public investment
(Planning & Investment / Finance), works quality (Transport /
Construction), water and irrigation (Natural Resources / Agriculture),
digital transformation (Information / Science), wages, employment,
vocational training, social protection and poverty reduction (Labour-
Invalids-Social Affairs / Home Affairs, Education, Health, Agriculture)
and press (Information / Culture).
"""

from __future__ import annotations

import csv
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parent / "data"
# The mandates.csv department that stands for every department.
ANY = "*"
PART_KINDS = ("division", "sub_department", "public_service_unit")


class CatalogueError(ValueError):
    """A row of ``bench/data/*.csv`` that cannot be read."""


@dataclass(frozen=True)
class Part:
    """A division, sub-department or public service unit of a department.

    ``key`` names the level-2 function it serves; its own function is the
    level-3 code ``{sector}.{key}.{suffix}``. ``size`` is the usual range
    of its quota.
    """

    suffix: str
    name: str
    name_en: str
    key: str
    size: tuple[int, int] = (5, 14)
    divisions: tuple[Part, ...] = ()


@dataclass(frozen=True)
class Department:
    id: str
    name: str
    name_en: str
    sector: str
    area: str
    # key -> (Vietnamese name, parent code in another area or None)
    mandate: dict[str, tuple[str, str | None]]
    divisions: tuple[Part, ...]
    subs: tuple[Part, ...] = ()
    psus: tuple[Part, ...] = ()


class School(NamedTuple):
    """A kind of public service unit and its share of such units.

    A school under a commune (``schools.csv``), a health station under a
    department (``wide.csv``)...
    """

    code: str
    name: str
    name_en: str
    key: str
    size: tuple[int, int]
    share: float


def _rows(name: str, folder: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """Each row of ``folder/name`` with where it is, for error messages."""
    path = folder / name
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            if None in row or None in row.values():
                raise CatalogueError(
                    f"{path}, row {number}: not as many values as columns"
                )
            yield f"{path}, row {number}", row


def _int(where: str, row: dict[str, str], field: str) -> int:
    try:
        return int(row[field])
    except ValueError:
        raise CatalogueError(
            f"{where}, field {field}: {row[field]!r} is not a whole number"
        ) from None


def _size(where: str, row: dict[str, str]) -> tuple[int, int]:
    low, high = _int(where, row, "quota_min"), _int(where, row, "quota_max")
    if not 0 < low <= high:
        raise CatalogueError(
            f"{where}, field quota_max: the range {low}-{high} is empty"
        )
    return low, high


def read_generic(folder: Path = DATA) -> dict[str, str]:
    """The level-2 keys every department may use without declaring them."""
    return {
        row["key"]: row["name"]
        for _, row in _rows("mandates.csv", folder)
        if row["department"] == ANY
    }


def read_departments(folder: Path = DATA) -> tuple[Department, ...]:
    """The departments, in the order of ``departments.csv``.

    Raises
    ------
    CatalogueError
        If a row names an unknown department, kind or sub-department, or
        a quota range is not two whole numbers.
    """
    heads = [row for _, row in _rows("departments.csv", folder)]
    mandates: dict[str, dict[str, tuple[str, str | None]]] = {
        row["id"]: {} for row in heads
    }
    for where, row in _rows("mandates.csv", folder):
        if row["department"] == ANY:
            continue
        _known(where, "department", row["department"], mandates)
        link = row["link"] or None
        mandates[row["department"]][row["key"]] = (row["name"], link)
    parts = _read_parts(folder, set(mandates))
    return tuple(
        Department(
            id=row["id"],
            name=row["name"],
            name_en=row["name_en"],
            sector=row["sector"],
            area=row["area"],
            mandate=mandates[row["id"]],
            divisions=parts[row["id"], "division"],
            subs=parts[row["id"], "sub_department"],
            psus=parts[row["id"], "public_service_unit"],
        )
        for row in heads
    )


def _read_parts(
    folder: Path, departments: set[str]
) -> dict[tuple[str, str], tuple[Part, ...]]:
    """(department, kind) -> its parts, in the order of ``parts.csv``.

    A division of a sub-department names it in ``under``, on a row below
    the sub-department's own.
    """
    tops: list[tuple[str, str, Part]] = []
    below: dict[tuple[str, str], list[Part]] = {}
    for where, row in _rows("parts.csv", folder):
        department, kind, under = row["department"], row["kind"], row["under"]
        _known(where, "department", department, departments)
        _known(where, "kind", kind, PART_KINDS)
        part = Part(
            suffix=row["suffix"],
            name=row["name"],
            name_en=row["name_en"],
            key=row["mandate"],
            size=_size(where, row),
        )
        if not under:
            tops.append((department, kind, part))
            if kind == "sub_department":
                below[department, part.suffix] = []
        elif kind == "division" and (department, under) in below:
            below[department, under].append(part)
        else:
            raise CatalogueError(
                f"{where}, field under: a division may name a "
                f"sub-department of {department} listed above it, "
                f"not {under!r}"
            )
    found: dict[tuple[str, str], list[Part]] = {
        (d, kind): [] for d in departments for kind in PART_KINDS
    }
    for department, kind, part in tops:
        if kind == "sub_department":
            divisions = tuple(below[department, part.suffix])
            part = replace(part, divisions=divisions)
        found[department, kind].append(part)
    return {key: tuple(parts) for key, parts in found.items()}


def _known(
    where: str, field: str, value: str, known: Collection[str]
) -> None:
    if value not in known:
        raise CatalogueError(f"{where}, field {field}: unknown {value!r}")


def _share(where: str, row: dict[str, str]) -> float:
    try:
        share = float(row["share"])
    except ValueError:
        share = -1.0
    if not 0 < share <= 1:
        raise CatalogueError(
            f"{where}, field share: {row['share']!r} is not a fraction "
            "above 0 and at most 1"
        )
    return share


def read_schools(folder: Path = DATA) -> tuple[School, ...]:
    """The kinds of school of ``schools.csv``, with their shares."""
    return tuple(
        School(
            row["code"],
            row["name"],
            row["name_en"],
            row["mandate"],
            _size(where, row),
            _share(where, row),
        )
        for where, row in _rows("schools.csv", folder)
    )


def read_wide(
    folder: Path = DATA, departments: Collection[str] = ()
) -> dict[str, tuple[School, ...]]:
    """Department id -> the kinds of its numerous service units.

    ``wide.csv`` rows are the kinds of the units that size ``W`` puts in
    hundreds under one department, with their shares of its units.
    """
    wide: dict[str, list[School]] = {}
    for where, row in _rows("wide.csv", folder):
        if departments:
            _known(where, "department", row["department"], departments)
        wide.setdefault(row["department"], []).append(
            School(
                row["code"],
                row["name"],
                row["name_en"],
                row["mandate"],
                _size(where, row),
                _share(where, row),
            )
        )
    return {d: tuple(kinds) for d, kinds in wide.items()}


GENERIC = read_generic()
DEPARTMENTS = read_departments()
# Schools under communes, shaped on the national count of ~43,000 public
# schools for ~3,300 communes: about 13 per commune.
SCHOOLS = read_schools()
WIDE = read_wide(departments={d.id for d in DEPARTMENTS})
