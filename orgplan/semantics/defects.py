"""Plans whose result is undefined (docs/semantics.md section 1).

A plan read from a hand-edited ``plan.json`` may name units that do not
exist or give a unit two decisions; :func:`plan_defects` lists such
defects and :mod:`orgplan.semantics.after` refuses a plan that has any.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from orgplan.model import Organisation
from orgplan.plan import Plan


@dataclass(frozen=True)
class Defect:
    """A flaw that leaves the result of a plan undefined.

    ``rule`` is ``unknown_unit``, ``unknown_person``, ``merge_shape``,
    ``overlap``, ``removed_unit`` or ``split_staff``.
    """

    rule: str
    unit: str | None
    message: str


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
                Defect("unknown_unit", uid, f"{kind} names unknown unit {uid}")
            )
    found += _merge_shape(plan)
    found += _overlaps(plan)
    removed = removed_units(plan)
    for kind, uid in _receivers(plan):
        if uid in removed:
            found.append(
                Defect(
                    "removed_unit",
                    uid,
                    f"{kind} names {uid}, which the plan removes",
                )
            )
    for split in plan.splits:
        unit = known.get(split.unit)
        staff = [part.staff for part in split.parts]
        if not staff:
            found.append(
                Defect(
                    "split_staff",
                    split.unit,
                    f"split {split.unit} has no parts",
                )
            )
        elif unit is not None and (
            sum(staff) != unit.actual or min(staff, default=0) < 0
        ):
            found.append(
                Defect(
                    "split_staff",
                    split.unit,
                    f"the parts of split {split.unit} hand over "
                    f"{sum(staff)} staff but it has {unit.actual}",
                )
            )
    people = {p.id for p in org.staff}
    for kind, pid in _person_references(plan):
        if pid not in people:
            found.append(
                Defect(
                    "unknown_person",
                    None,
                    f"{kind} names {pid}, who is not in the roster",
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


def _references(plan: Plan) -> Iterable[tuple[str, str]]:
    for merge in plan.merges:
        yield f"merge into {merge.into}", merge.into
        for member in merge.members:
            yield f"merge into {merge.into}", member
    for fold in plan.flattened:
        yield "flattened", fold.unit
    for split in plan.splits:
        yield "split", split.unit
    yield from _receivers(plan)


def _receivers(plan: Plan) -> Iterable[tuple[str, str]]:
    """Units that must survive the plan, with what names them."""
    for fold in plan.flattened:
        yield f"folding {fold.unit}", fold.into
    for split in plan.splits:
        for part in split.parts:
            yield f"split of {split.unit}", part.to
    for entry in plan.leadership:
        yield "leadership", entry.unit
    for transfer in plan.transfers:
        yield "transfer", transfer.from_
        yield "transfer", transfer.to
    for separation in plan.separations:
        yield "separation", separation.unit


def _person_references(plan: Plan) -> Iterable[tuple[str, str]]:
    for transfer in plan.transfers:
        for pid in transfer.persons:
            yield f"transfer {transfer.from_} -> {transfer.to}", pid
    for separation in plan.separations:
        for pid in separation.persons:
            yield f"separation from {separation.unit}", pid
    for entry in plan.leadership:
        for pid in (entry.head, *entry.deputy_persons):
            if pid is not None:
                yield f"leadership of {entry.unit}", pid


def _merge_shape(plan: Plan) -> list[Defect]:
    found = []
    for merge in plan.merges:
        problem = None
        if len(merge.members) < 2:
            problem = "has fewer than two members"
        elif len(set(merge.members)) != len(merge.members):
            problem = "lists a member twice"
        elif merge.into not in merge.members:
            problem = f"does not list {merge.into} among its members"
        if problem:
            found.append(
                Defect(
                    "merge_shape",
                    merge.into,
                    f"the merge into {merge.into} {problem}",
                )
            )
    return found


def _overlaps(plan: Plan) -> list[Defect]:
    decisions: dict[str, list[str]] = {}
    for merge in plan.merges:
        for member in dict.fromkeys(merge.members):
            decisions.setdefault(member, []).append(
                f"merged into {merge.into}"
            )
    for fold in plan.flattened:
        decisions.setdefault(fold.unit, []).append(f"folded into {fold.into}")
    for split in plan.splits:
        decisions.setdefault(split.unit, []).append("split")
    return [
        Defect(
            "overlap",
            uid,
            f"{uid} takes part in more than one decision: " + ", ".join(what),
        )
        for uid, what in decisions.items()
        if len(what) > 1
    ]
