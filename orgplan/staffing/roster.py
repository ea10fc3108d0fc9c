"""The roster as columns: one array per attribute, one row per person.

A national roster has millions of people; the staffing stage never builds a
Python object per person. :class:`Roster` keeps each attribute in a numpy
array and everything downstream (counting, ranking, picking) works on
indices into those arrays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from orgplan.errors import OrgplanError
from orgplan.model import (
    STAFF_CATEGORIES,
    Organisation,
    Person,
    StaffCategory,
    Unit,
)
from orgplan.rules import SeparationRules
from orgplan.similarity import function_set

ROLES = ("head", "deputy", "staff")
HEAD, DEPUTY, STAFF = 0, 1, 2


@dataclass(frozen=True, eq=False)
class Roster:
    """People as parallel arrays; ``unit`` indexes ``unit_ids``.

    ``years_left`` (to retirement age) and ``age`` are NaN when the roster
    gives neither a birth year nor years to retirement; ``salary`` and
    ``insurance_years`` are NaN when unknown; ``field`` indexes
    ``fields`` (-1 when blank).
    """

    ids: np.ndarray
    unit: np.ndarray
    category: np.ndarray
    role: np.ndarray
    years_left: np.ndarray
    age: np.ndarray
    field: np.ndarray
    excluded: np.ndarray
    salary: np.ndarray
    insurance_years: np.ndarray
    unit_ids: tuple[str, ...]
    fields: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.ids)

    def id_rank(self) -> np.ndarray:
        """Each person's position in id order (ties are broken by id)."""
        rank = np.empty(len(self), dtype=np.int64)
        rank[np.argsort(self.ids, kind="stable")] = np.arange(len(self))
        return rank

    def counts(self, mask: np.ndarray | None = None) -> np.ndarray:
        """People per (unit, category) as a units x categories matrix."""
        unit, category = self.unit, self.category
        if mask is not None:
            unit, category = unit[mask], category[mask]
        n_cat = len(STAFF_CATEGORIES)
        flat = np.bincount(
            unit.astype(np.int64) * n_cat + category,
            minlength=len(self.unit_ids) * n_cat,
        )
        return flat.reshape(len(self.unit_ids), n_cat)


def category_index(category: StaffCategory) -> int:
    return STAFF_CATEGORIES.index(category)


def roster_from_people(
    people: Sequence[Person],
    unit_ids: Sequence[str],
    rules: SeparationRules,
    as_of_year: int,
) -> Roster:
    """Turn the roster's records into columns.

    Years to retirement come from ``years_to_retirement`` when given, else
    from the birth year and the retirement age of the person's gender
    (unknown gender: the higher age, so that nobody is counted eligible for
    early retirement too soon).

    Raises
    ------
    OrgplanError
        If a person belongs to a unit that does not exist after the
        structural plan.
    """
    index = {uid: i for i, uid in enumerate(unit_ids)}
    ages = rules.retirement_age
    fallback_age = max(ages.values())
    fields = sorted({p.field for p in people if p.field})
    field_index = {f: i for i, f in enumerate(fields)}
    n = len(people)
    unit = np.empty(n, dtype=np.int32)
    years_left = np.full(n, np.nan)
    age = np.full(n, np.nan)
    for i, p in enumerate(people):
        if p.unit not in index:
            raise OrgplanError.of(
                "error_person_unknown_unit", person=p.id, unit=repr(p.unit)
            )
        unit[i] = index[p.unit]
        retire_at = ages.get(p.gender or "", fallback_age)
        if p.years_to_retirement is not None:
            years_left[i] = p.years_to_retirement
            age[i] = retire_at - p.years_to_retirement
        elif p.birth_year is not None:
            age[i] = as_of_year - p.birth_year
            years_left[i] = retire_at - age[i]
    return Roster(
        ids=np.array([p.id for p in people], dtype=str),
        unit=unit,
        category=np.array(
            [category_index(p.category) for p in people], dtype=np.int8
        ),
        role=np.array([ROLES.index(p.role) for p in people], dtype=np.int8),
        years_left=years_left,
        age=age,
        field=np.array(
            [field_index[p.field] if p.field else -1 for p in people],
            dtype=np.int32,
        ),
        excluded=np.array([p.excluded for p in people], dtype=bool),
        salary=np.array(
            [np.nan if p.salary is None else p.salary for p in people]
        ),
        insurance_years=np.array(
            [
                np.nan if p.insurance_years is None else p.insurance_years
                for p in people
            ]
        ),
        unit_ids=tuple(unit_ids),
        fields=tuple(fields),
    )


def group_rows(
    keys: np.ndarray, rows: np.ndarray, wanted: np.ndarray
) -> dict[int, np.ndarray]:
    """``rows`` grouped by ``keys[row]``, for the keys in ``wanted`` only.

    Each group keeps the order of ``rows``; one sort over all rows, so the
    cost grows as n log n, not with the number of groups.
    """
    rows = rows[np.isin(keys[rows], wanted)]
    rows = rows[np.argsort(keys[rows], kind="stable")]
    starts = np.searchsorted(keys[rows], wanted)
    ends = np.searchsorted(keys[rows], wanted, side="right")
    return {
        int(key): rows[start:end]
        for key, start, end in zip(wanted, starts, ends, strict=True)
    }


# How well a person's field fits a receiving unit, best first (the rank
# a mover is picked by, docs/semantics.md section 7).
SAME_FIELD, RELATED_FIELD, UNKNOWN_FIELD, CROSS_FIELD = 0, 1, 2, 3


def field_ranks(
    roster: Roster, after: Organisation | None = None
) -> np.ndarray:
    """The fit of each field at each unit: units x (fields + 1) ranks.

    Column ``j`` is ``roster.fields[j]``; the last column is a blank field.
    At a unit of ``after`` (the organisation the roster is indexed on) a
    field is the *same* when it is the unit's sector or one of its
    functions, *related* when the function taxonomy links it to them (a
    shared function or ancestor, or a function of the unit's sector) or
    someone in the unit already holds it, *cross* otherwise. A field the
    data cannot place (neither a function code nor a unit's sector: job
    titles of commune staff), a blank field, a unit with neither sector
    nor functions, and every unit without ``after`` are *unknown*: there
    the receiver's need decides alone.
    """
    n_units, n_fields = len(roster.unit_ids), len(roster.fields)
    ranks = np.full((n_units, n_fields + 1), UNKNOWN_FIELD, dtype=np.int8)
    if after is None or n_fields == 0:
        return ranks
    held = np.zeros((n_units, n_fields + 1), dtype=bool)
    held[roster.unit, roster.field] = True
    # Only a field the data can place (a function code or some unit's
    # sector) is judged; job titles and the like are not.
    sectors = {u.sector for u in after.units if u.sector}
    placed = np.array(
        [f in after.function_by_code or f in sectors for f in roster.fields]
    )
    field_sets = [function_set(after, [f]) for f in roster.fields]
    index = {uid: i for i, uid in enumerate(roster.unit_ids)}
    for unit in after.units:
        row = index.get(unit.id)
        if row is None or not (unit.functions or unit.sector):
            continue
        fit = _taxonomy_fit(after, unit, roster.fields, field_sets)
        fit[(fit == CROSS_FIELD) & held[row, :n_fields]] = RELATED_FIELD
        ranks[row, :n_fields] = np.where(placed, fit, UNKNOWN_FIELD)
    return ranks


def _taxonomy_fit(
    after: Organisation,
    unit: Unit,
    fields: tuple[str, ...],
    field_sets: list[frozenset[str]],
) -> np.ndarray:
    """Same, related or cross for each field, by sector and taxonomy."""
    own = {*unit.functions, *([unit.sector] if unit.sector else [])}
    extended = function_set(after, unit.functions) | own
    fit = np.full(len(fields), CROSS_FIELD, dtype=np.int8)
    for col, name in enumerate(fields):
        entry = after.function_by_code.get(name)
        if name in own:
            fit[col] = SAME_FIELD
        elif field_sets[col] & extended or (
            entry is not None
            and unit.sector is not None
            and entry.sector == unit.sector
        ):
            fit[col] = RELATED_FIELD
    return fit
