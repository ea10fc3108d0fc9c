"""A plan applied to an organisation: the organisation after.

docs/semantics.md section 2 is the contract: splits, then folds, then
merges, then leadership; :func:`apply` adds the staffing stage (quotas,
transfers, separations, the roster). Both functions are pure: the input
organisation is never modified, and both refuse a plan with
:func:`~orgplan.semantics.defects.plan_defects`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from orgplan.errors import Lang, OrgplanError
from orgplan.i18n import message, t
from orgplan.model import (
    SPLIT_COLUMNS,
    Organisation,
    Person,
    Role,
    StaffCategory,
    Unit,
)
from orgplan.plan import Plan, Split
from orgplan.rules import Rulebook, load_rulebook
from orgplan.semantics.defects import plan_defects
from orgplan.semantics.staff import (
    combine,
    default_category,
    largest_remainder,
    split_shares,
)
from orgplan.territory.standards import merged_kind

# A message as data (orgplan.i18n.message), e.g. which staff move.
Words = Mapping[str, Any]


class NotApplicable(OrgplanError):
    """The plan's defects (orgplan.semantics.defects) stop it from being
    applied; each is a line, in either language."""

    def __init__(self, defects: list[Words]) -> None:
        self.defects = defects
        super().__init__(self.text("en"))

    def text(self, lang: Lang = "en") -> str:
        lines = (f"  - {message(d, lang)}" for d in self.defects)
        return "\n".join([t("error_plan_not_applicable", lang), *lines])


def apply_structure(
    org: Organisation, plan: Plan, rulebook: Rulebook | None = None
) -> Organisation:
    """The organisation after the plan's structure and leadership.

    Splits, then folds, then merges, then the ``leadership`` entries
    (docs/semantics.md section 2); the staffing stage is left out. This is
    what the optimiser and the structural terms of the objective see.

    Parameters
    ----------
    org
        The organisation before; not modified.
    plan
        The plan.
    rulebook
        Gives each kind's default staff category, used when units with and
        without a staff split are combined; the built-in ``vn-2025`` when
        not given.

    Returns
    -------
    Organisation
        The surviving units in input order, with the roster following its
        units.

    Raises
    ------
    orgplan.errors.OrgplanError
        If the plan has defects (see :func:`plan_defects`).
    """
    state = _State.of(org, plan, rulebook or load_rulebook())
    state.structure()
    return state.organisation()


def apply(
    org: Organisation, plan: Plan, rulebook: Rulebook | None = None
) -> Organisation:
    """The organisation after the whole plan, staffing stage included.

    After :func:`apply_structure`: each unit in ``plan.balance`` gets the
    balance's quota, each transfer moves staff of its category between
    units, each separation removes staff, and the persons named by
    transfers and separations move or leave the roster.

    Parameters
    ----------
    org
        The organisation before; not modified.
    plan
        The plan.
    rulebook
        As for :func:`apply_structure`.

    Returns
    -------
    Organisation
        The organisation after; its units are ``plan.units_after``.

    Raises
    ------
    orgplan.errors.OrgplanError
        If the plan has defects (see :func:`plan_defects`), or a transfer
        or separation takes more staff of a category than the unit has, or
        names a person who is not in that unit.
    """
    state = _State.of(org, plan, rulebook or load_rulebook())
    state.structure()
    state.staffing()
    return state.organisation()


@dataclass
class _Work:
    """A unit being rebuilt: its fields, and its staff by category.

    ``split`` is ``None`` while all staff are in the kind's default
    category with no split in the data.
    """

    unit: Unit
    default: StaffCategory
    fields: dict[str, object] = field(default_factory=dict)
    actual: int = 0
    quota: int = 0
    split: dict[StaffCategory, int] | None = None
    functions: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, unit: Unit, default: StaffCategory) -> _Work:
        split = (
            dict(unit.staff_by_category(default)) if unit.has_split else None
        )
        return cls(
            unit=unit,
            default=default,
            actual=unit.actual,
            quota=unit.quota,
            split=split,
            functions=list(unit.functions),
        )

    def staff(self) -> dict[StaffCategory, int]:
        return (
            self.split
            if self.split is not None
            else {self.default: self.actual}
        )

    def add(self, staff: dict[StaffCategory, int], explicit: bool) -> None:
        """Add staff by category; ``explicit`` when they come split."""
        self.split = combine(
            self.split, self.default, self.actual, staff, explicit
        )
        self.actual += sum(staff.values())

    def take(self, category: StaffCategory, count: int, what: Words) -> None:
        have = self.staff().get(category, 0)
        if have < count:
            raise OrgplanError.of(
                "error_takes_staff",
                what=what,
                count=count,
                category={"key": category},
                unit=self.unit.id,
                have=have,
            )
        if self.split is not None:
            self.split[category] -= count
        self.actual -= count

    def add_functions(self, codes: Iterable[str]) -> None:
        for code in codes:
            if code not in self.functions:
                self.functions.append(code)

    def build(self) -> Unit:
        update: dict[str, object] = {
            "actual": self.actual,
            "quota": self.quota,
            "functions": tuple(self.functions),
            **self.fields,
        }
        if self.split is not None:
            for category, column in SPLIT_COLUMNS.items():
                value = self.split.get(category, 0)
                had = getattr(self.unit, column) is not None
                update[column] = value if value or had else None
        return self.unit.model_copy(update=update)


@dataclass
class _State:
    org: Organisation
    plan: Plan
    rulebook: Rulebook
    # Units the plan touches become _Work on first touch; the rest are
    # kept as they are (a plan changes few units; copying is the cost).
    units: dict[str, Unit | _Work]
    people: dict[str, Person]
    # Removed unit -> the unit that takes its children and persons.
    successor: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, org: Organisation, plan: Plan, rulebook: Rulebook) -> _State:
        defects = plan_defects(org, plan)
        if defects:
            raise NotApplicable([d.words for d in defects])
        units: dict[str, Unit | _Work] = {u.id: u for u in org.units}
        return cls(org, plan, rulebook, units, {p.id: p for p in org.staff})

    def work(self, uid: str) -> _Work:
        """The unit ``uid``, ready to change."""
        item = self.units[uid]
        if isinstance(item, Unit):
            item = _Work.of(item, default_category(self.rulebook, item.kind))
            self.units[uid] = item
        return item

    def remove(self, uid: str) -> _Work:
        work = self.work(uid)
        del self.units[uid]
        return work

    def organisation(self) -> Organisation:
        units = []
        for item in self.units.values():
            unit = item.build() if isinstance(item, _Work) else item
            if unit.parent in self.successor:
                unit = unit.model_copy(
                    update={"parent": self._resolve(unit.parent)}
                )
            units.append(unit)
        return Organisation(
            units=tuple(units),
            localities=self.org.localities,
            staff=tuple(self.people.values()),
            functions=self.org.functions,
            name=self.org.name,
        )

    def structure(self) -> None:
        for split in self.plan.splits:
            self._split(split)
        for fold in self.plan.flattened:
            source = self.remove(fold.unit)
            target = self.work(fold.into)
            self._absorb(target, source)
            self.successor[fold.unit] = fold.into
        for merge in self.plan.merges:
            target = self.work(merge.into)
            for member in merge.members:
                if member != merge.into:
                    self._absorb(target, self.remove(member))
                    self.successor[member] = merge.into
            # A new name makes the representative's English name stale.
            renamed = merge.name != target.unit.name
            target.fields.update(
                name=merge.name,
                name_en=merge.name_en
                or (None if renamed else target.unit.name_en),
                heads=1,
            )
            # Communes and wards merged take their kind by rule (a ward
            # when mostly urban: docs/semantics.md, territorial mergers).
            kind = merged_kind(self.org, merge.members, self.rulebook)
            if kind is not None:
                target.fields["kind"] = kind
        self._settle()
        for entry in self.plan.leadership:
            work = self.work(entry.unit)
            work.fields.update(heads=entry.heads, deputies=entry.deputies)
            self._name_leaders(entry.unit, entry.head, entry.deputy_persons)

    def staffing(self) -> None:
        for balance in self.plan.balance:
            # Balance rows may also describe localities; only units' rows
            # set a quota.
            if balance.id in self.units:
                self.work(balance.id).quota = balance.quota
        for transfer in self.plan.transfers:
            what: Words = {
                "key": "check_what_transfer",
                "source": transfer.from_,
                "to": transfer.to,
            }
            self.work(transfer.from_).take(
                transfer.category, transfer.count, what
            )
            self.work(transfer.to).add(
                {transfer.category: transfer.count}, explicit=False
            )
            for pid in self._named(
                transfer.persons, transfer.from_, transfer.category, what
            ):
                self.people[pid] = self.people[pid].model_copy(
                    update={"unit": transfer.to, "role": "staff"}
                )
        for separation in self.plan.separations:
            what = {"key": "check_what_separation", "unit": separation.unit}
            self.work(separation.unit).take(
                separation.category, separation.count, what
            )
            for pid in self._named(
                separation.persons,
                separation.unit,
                separation.category,
                what,
            ):
                del self.people[pid]

    def _named(
        self,
        persons: tuple[str, ...],
        unit: str,
        category: StaffCategory,
        what: Words,
    ) -> tuple[str, ...]:
        for pid in persons:
            person = self.people.get(pid)
            if person is None or person.unit != unit:
                raise OrgplanError.of(
                    "error_names_absent", what=what, person=pid, unit=unit
                )
            if person.category != category:
                raise OrgplanError.of(
                    "error_names_other_category",
                    what=what,
                    category={"key": category},
                    person=pid,
                    theirs={"key": person.category},
                )
        return persons

    def _absorb(self, target: _Work, source: _Work) -> None:
        target.add(source.staff(), explicit=source.split is not None)
        target.quota += source.quota
        target.add_functions(source.functions)

    def _settle(self) -> None:
        """Persons of removed units go to their successors (children follow
        when the organisation is built).

        The removed units' posts disappear; their leaders stay on as staff.
        """
        for pid, person in self.people.items():
            if person.unit in self.successor:
                self.people[pid] = person.model_copy(
                    update={
                        "unit": self._resolve(person.unit),
                        "role": "staff",
                    }
                )

    def _resolve(self, uid: str) -> str:
        while uid in self.successor:
            uid = self.successor[uid]
        return uid

    def _split(self, split: Split) -> None:
        source = self.remove(split.unit)
        staff = [part.staff for part in split.parts]
        quotas = largest_remainder(source.quota, staff)
        shares = split_shares(source.staff(), staff)
        for part, quota, share in zip(
            split.parts, quotas, shares, strict=True
        ):
            target = self.work(part.to)
            target.add(share, explicit=source.split is not None)
            target.quota += quota
            target.add_functions(part.functions)
        largest = max(range(len(staff)), key=lambda i: (staff[i], -i))
        heir = split.parts[largest].to
        self.successor[split.unit] = heir
        # Children a part names follow their functions to its receiver;
        # the others follow the heir (successor) when built.
        for part in split.parts:
            for child in part.children:
                if child in self.units:
                    self.work(child).fields["parent"] = part.to
        self._share_people(split, shares)

    def _share_people(
        self, split: Split, shares: list[dict[StaffCategory, int]]
    ) -> None:
        """The split unit's persons fill its parts, category by category."""
        room = [Counter(share) for share in shares]
        for pid, person in list(self.people.items()):
            if person.unit != split.unit:
                continue
            index = next(
                (i for i, r in enumerate(room) if r[person.category] > 0),
                None,
            )
            if index is None:
                # A roster larger than the unit's staff: the rest go with
                # the largest part.
                index = max(
                    range(len(shares)),
                    key=lambda i: (sum(shares[i].values()), -i),
                )
            else:
                room[index][person.category] -= 1
            self.people[pid] = person.model_copy(
                update={"unit": split.parts[index].to, "role": "staff"}
            )

    def _name_leaders(
        self, unit: str, head: str | None, deputies: tuple[str, ...]
    ) -> None:
        """The persons a leadership entry names take their posts.

        A named head replaces the unit's other head (who stays as staff);
        named deputies replace the unit's other deputies. Roles the entry
        does not name are left as they are.
        """
        for pid, person in self.people.items():
            if person.unit != unit:
                continue
            role = person.role
            if head is not None:
                role = "head" if pid == head else _demoted(role, "head")
            if deputies:
                role = (
                    "deputy" if pid in deputies else _demoted(role, "deputy")
                )
            if role != person.role:
                self.people[pid] = person.model_copy(update={"role": role})


def _demoted(role: Role, post: Role) -> Role:
    return "staff" if role == post else role
