"""The input data: units, localities, people and functions (plain data).

Every class here is a frozen pydantic model with no behaviour beyond derived
properties and lookups. Cross-references (a unit's parent exists, the tree has
no cycle...) are checked by :mod:`orgplan.validate`, which knows the file and
row each record came from; the constructors only check each record alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from orgplan.i18n.data import invalid

StaffCategory = Literal["civil_servant", "public_employee", "contract"]
STAFF_CATEGORIES: tuple[StaffCategory, ...] = (
    "civil_servant",
    "public_employee",
    "contract",
)
Role = Literal["head", "deputy", "staff"]
Terrain = Literal["mountain", "plain", "island", "urban"]
Gender = Literal["male", "female"]

# Column of the units table that holds each category of the staff split.
SPLIT_COLUMNS: dict[StaffCategory, str] = {
    "civil_servant": "civil_servants",
    "public_employee": "public_employees",
    "contract": "contract",
}


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Unit(_Record):
    """A node of the organisation: a department, division, commune...

    ``quota`` and ``actual`` count the unit's own staff, leaders included,
    not its children's; totals over a subtree are derived.
    """

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    kind: str
    level: str
    parent: str | None = None
    locality: str | None = None
    sector: str | None = None
    functions: tuple[str, ...] = ()
    quota: int = Field(default=0, ge=0)
    actual: int = Field(default=0, ge=0)
    heads: int = Field(default=0, ge=0)
    deputies: int = Field(default=0, ge=0)
    locked: bool = False
    name_en: str | None = None
    civil_servants: int | None = Field(default=None, ge=0)
    public_employees: int | None = Field(default=None, ge=0)
    contract: int | None = Field(default=None, ge=0)
    lat: float | None = None
    lon: float | None = None

    @property
    def leaders(self) -> int:
        return self.heads + self.deputies

    @property
    def has_split(self) -> bool:
        return any(
            getattr(self, column) is not None
            for column in SPLIT_COLUMNS.values()
        )

    @property
    def surplus(self) -> int:
        return max(0, self.actual - self.quota)

    @property
    def deficit(self) -> int:
        return max(0, self.quota - self.actual)

    def staff_by_category(
        self, default: StaffCategory = "civil_servant"
    ) -> dict[StaffCategory, int]:
        """The actual staff split by category.

        Without a split in the data, all staff count in ``default`` (the
        rulebook gives one per kind: public employees for public service
        units, civil servants elsewhere).
        """
        if not self.has_split:
            return {default: self.actual}
        return {
            category: getattr(self, column) or 0
            for category, column in SPLIT_COLUMNS.items()
            if getattr(self, column)
        }

    def label(self, lang: str = "vi") -> str:
        """The name to show: Vietnamese as in the data, or ``name_en``."""
        if lang == "en" and self.name_en:
            return self.name_en
        return self.name


class Locality(_Record):
    """A province, district or commune that units sit in."""

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    level: str
    parent: str | None = None
    population: int | None = Field(default=None, ge=0)
    area_km2: float | None = Field(default=None, ge=0)
    terrain: Terrain | None = None
    neighbours: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    name_en: str | None = None


class Person(_Record):
    """One member of staff (the optional roster)."""

    id: str = Field(min_length=1)
    unit: str
    category: StaffCategory
    role: Role = "staff"
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    gender: Gender | None = None
    field: str | None = None
    grade: str | None = None
    name: str | None = None
    salary: float | None = Field(default=None, ge=0)
    years_to_retirement: float | None = None
    insurance_years: float | None = Field(default=None, ge=0)
    excluded: bool = False


class FunctionDef(_Record):
    """A task area in the function taxonomy."""

    code: str = Field(min_length=1)
    name: str = ""
    sector: str | None = None
    parent: str | None = None


R = TypeVar("R", bound=_Record)


def _unique(record: str, column: str = "id") -> AfterValidator:
    """Refuse a list with two records of one ``column`` value, worded by
    the catalogue (``problem_duplicate_item``, with both places in the
    list, counted from 0 as key paths are).

    The readers report duplicates with their file and rows first
    (orgplan.cross_checks); this guards what no reader checked: an
    Organisation built by hand, a plan's units after it (plan.json).
    """

    def check(records: tuple[R, ...]) -> tuple[R, ...]:
        first: dict[str, int] = {}
        for place, item in enumerate(records):
            value = getattr(item, column)
            if value in first:
                raise invalid(
                    "problem_duplicate_item",
                    record={"key": f"record_{record}"},
                    column=column,
                    value=repr(value),
                    first=first[value],
                    place=place,
                )
            first[value] = place
        return records

    return AfterValidator(check)


# Units with different ids (an organisation's, a plan's after it).
Units = Annotated[tuple[Unit, ...], _unique("unit")]


class Organisation(_Record):
    """Units, localities, the optional roster and function taxonomy."""

    units: Units
    localities: Annotated[tuple[Locality, ...], _unique("locality")] = ()
    staff: Annotated[tuple[Person, ...], _unique("person")] = ()
    functions: Annotated[
        tuple[FunctionDef, ...], _unique("function", "code")
    ] = ()
    name: str = ""

    @cached_property
    def unit_by_id(self) -> dict[str, Unit]:
        return {u.id: u for u in self.units}

    @cached_property
    def kind_counts(self) -> Mapping[str, int]:
        """How many units of each kind (a plan's every reason asks)."""
        counts: dict[str, int] = {}
        for u in self.units:
            counts[u.kind] = counts.get(u.kind, 0) + 1
        return counts

    @cached_property
    def name_counts(self) -> Mapping[str, int]:
        """How many units bear each name (a name others share is told
        apart by the parent's, orgplan.i18n.names.distinct_name)."""
        return Counter(u.name for u in self.units)

    @cached_property
    def locality_by_id(self) -> dict[str, Locality]:
        return {loc.id: loc for loc in self.localities}

    @cached_property
    def function_by_code(self) -> dict[str, FunctionDef]:
        return {f.code: f for f in self.functions}

    @cached_property
    def children_of(self) -> dict[str | None, tuple[str, ...]]:
        """Child ids by parent id (``None`` holds the roots), input order."""
        children: dict[str | None, list[str]] = {}
        for u in self.units:
            children.setdefault(u.parent, []).append(u.id)
        return {k: tuple(v) for k, v in children.items()}

    @cached_property
    def staff_by_unit(self) -> dict[str, tuple[Person, ...]]:
        grouped: dict[str, list[Person]] = {}
        for p in self.staff:
            grouped.setdefault(p.unit, []).append(p)
        return {k: tuple(v) for k, v in grouped.items()}

    def model_copy(
        self, *, update: Mapping[str, Any] | None = None, deep: bool = False
    ) -> Organisation:
        copied = super().model_copy(update=update, deep=deep)
        # pydantic copies the instance dict, cached lookups included; a copy
        # with other units must not answer with the original's.
        for name in _CACHED_LOOKUPS:
            copied.__dict__.pop(name, None)
        return copied

    def unit(self, unit_id: str) -> Unit:
        return self.unit_by_id[unit_id]

    def children(self, unit_id: str | None) -> tuple[str, ...]:
        return self.children_of.get(unit_id, ())

    @property
    def roots(self) -> tuple[str, ...]:
        return self.children(None)

    def descendants(self, unit_id: str) -> Iterator[str]:
        stack = list(reversed(self.children(unit_id)))
        while stack:
            uid = stack.pop()
            yield uid
            stack.extend(reversed(self.children(uid)))

    def __str__(self) -> str:
        total_actual = sum(u.actual for u in self.units)
        total_quota = sum(u.quota for u in self.units)
        title = self.name or "Organisation"
        return (
            f"{title}: {len(self.units)} units, "
            f"{len(self.localities)} localities, "
            f"{total_actual} staff against a quota of {total_quota}"
            + (f", roster of {len(self.staff)}" if self.staff else "")
        )


_CACHED_LOOKUPS = tuple(
    name
    for name, member in vars(Organisation).items()
    if isinstance(member, cached_property)
)
