"""Plans whose result is undefined (docs/semantics.md section 1).

A plan read from a hand-edited ``plan.json`` may name units that do not
exist or give a unit two decisions; :func:`plan_defects` lists such
defects and :mod:`orgplan.semantics.after` refuses a plan that has any.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from orgplan.i18n import message
from orgplan.model import Organisation
from orgplan.plan import Plan

# What names a unit or person, as a catalogue message (orgplan.i18n).
_What = dict[str, Any]


@dataclass(frozen=True)
class Defect:
    """A flaw that leaves the result of a plan undefined.

    ``rule`` is ``unknown_unit``, ``unknown_person``, ``merge_shape``,
    ``overlap``, ``removed_unit`` or ``split_staff``; ``message`` the
    English text of ``words``, a catalogue message (either language).
    """

    rule: str
    unit: str | None
    message: str
    words: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def of(
        cls, rule: str, unit: str | None, key: str, /, **fields: Any
    ) -> Defect:
        words = {"key": key, **fields}
        return cls(rule, unit, message(words), words)


def plan_defects(org: Organisation, plan: Plan) -> list[Defect]:
    """The defects that stop ``plan`` from being applied to ``org``.

    Unknown unit or person ids, malformed merges, a unit with more than
    one decision (merged, folded or split; docs/semantics.md section 1),
    a receiver or a leadership, transfer or separation entry naming a unit
    the plan removes, and split parts whose staff do not add up to the
    unit's staff.

    Parameters
    ----------
    org
        The organisation before.
    plan
        The plan to examine.

    Returns
    -------
    list of Defect
        Empty when the plan can be applied.
    """
    known = org.unit_by_id
    found: list[Defect] = []
    for kind, uid in _references(plan):
        if uid not in known:
            found.append(
                Defect.of(
                    "unknown_unit",
                    uid,
                    "defect_unknown_unit",
                    what=kind,
                    unit=uid,
                )
            )
    found += _merge_shape(plan)
    found += _overlaps(plan)
    removed = removed_units(plan)
    # A unit receiving a folded child may itself merge into another:
    # folds apply before merges, so the child goes with it (section 1).
    # It may not fold or split away.
    dissolved = {f.unit for f in plan.flattened} | {
        s.unit for s in plan.splits
    }
    for kind, uid in _receivers(plan):
        folding = kind["key"] == "defect_what_folding"
        if uid in (dissolved if folding else removed):
            found.append(
                Defect.of(
                    "removed_unit",
                    uid,
                    "defect_removed_unit",
                    what=kind,
                    unit=uid,
                )
            )
    for split in plan.splits:
        unit = known.get(split.unit)
        staff = [part.staff for part in split.parts]
        if not staff:
            found.append(
                Defect.of(
                    "split_staff",
                    split.unit,
                    "defect_no_parts",
                    unit=split.unit,
                )
            )
        elif unit is not None and (
            sum(staff) != unit.actual or min(staff, default=0) < 0
        ):
            found.append(
                Defect.of(
                    "split_staff",
                    split.unit,
                    "defect_split_staff",
                    unit=split.unit,
                    given=sum(staff),
                    actual=unit.actual,
                )
            )
    people = {p.id for p in org.staff}
    for kind, pid in _person_references(plan):
        if pid not in people:
            found.append(
                Defect.of(
                    "unknown_person",
                    None,
                    "defect_unknown_person",
                    what=kind,
                    person=pid,
                )
            )
    return found


def removed_units(plan: Plan) -> set[str]:
    """Ids of the units ``plan`` removes: merged away, folded or split."""
    gone = {m for merge in plan.merges for m in merge.members}
    gone -= {merge.into for merge in plan.merges}
    gone |= {fold.unit for fold in plan.flattened}
    gone |= {split.unit for split in plan.splits}
    return gone


def _references(plan: Plan) -> Iterable[tuple[_What, str]]:
    for merge in plan.merges:
        what = {"key": "defect_what_merge", "into": merge.into}
        yield what, merge.into
        for member in merge.members:
            yield what, member
    for fold in plan.flattened:
        yield {"key": "defect_what_flattened"}, fold.unit
    for split in plan.splits:
        yield {"key": "defect_what_split"}, split.unit
    yield from _receivers(plan)


def _receivers(plan: Plan) -> Iterable[tuple[_What, str]]:
    """Units that must survive the plan, with what names them."""
    for fold in plan.flattened:
        yield {"key": "defect_what_folding", "unit": fold.unit}, fold.into
    for split in plan.splits:
        for part in split.parts:
            yield {"key": "defect_what_split_of", "unit": split.unit}, part.to
    for entry in plan.leadership:
        yield {"key": "defect_what_leadership"}, entry.unit
    for transfer in plan.transfers:
        yield {"key": "defect_what_transfer"}, transfer.from_
        yield {"key": "defect_what_transfer"}, transfer.to
    for separation in plan.separations:
        yield {"key": "defect_what_separation"}, separation.unit


def _person_references(plan: Plan) -> Iterable[tuple[_What, str]]:
    for transfer in plan.transfers:
        what = {
            "key": "check_what_transfer",
            "source": transfer.from_,
            "to": transfer.to,
        }
        for pid in transfer.persons:
            yield what, pid
    for separation in plan.separations:
        for pid in separation.persons:
            yield (
                {"key": "check_what_separation", "unit": separation.unit},
                pid,
            )
    for entry in plan.leadership:
        for pid in (entry.head, *entry.deputy_persons):
            if pid is not None:
                yield (
                    {"key": "defect_what_leadership_of", "unit": entry.unit},
                    pid,
                )


def _merge_shape(plan: Plan) -> list[Defect]:
    found = []
    for merge in plan.merges:
        problem = None
        if len(merge.members) < 2:
            problem = "defect_merge_few"
        elif len(set(merge.members)) != len(merge.members):
            problem = "defect_merge_twice"
        elif merge.into not in merge.members:
            problem = "defect_merge_into"
        if problem:
            found.append(
                Defect.of("merge_shape", merge.into, problem, into=merge.into)
            )
    return found


def _overlaps(plan: Plan) -> list[Defect]:
    decisions: dict[str, list[_What]] = {}
    for merge in plan.merges:
        for member in dict.fromkeys(merge.members):
            decisions.setdefault(member, []).append(
                {"key": "check_what_merged", "into": merge.into}
            )
    for fold in plan.flattened:
        decisions.setdefault(fold.unit, []).append(
            {"key": "check_what_folded", "into": fold.into}
        )
    for split in plan.splits:
        decisions.setdefault(split.unit, []).append(
            {"key": "check_what_split"}
        )
    return [
        Defect.of("overlap", uid, "defect_overlap", unit=uid, what=what)
        for uid, what in decisions.items()
        if len(what) > 1
    ]
