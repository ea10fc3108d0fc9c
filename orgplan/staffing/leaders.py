"""Who leads each unit after the plan, and who loses a post.

The head of a merged unit is the scenario's choice (``leadership.heads``:
a member unit, whose head leads, or a head or deputy of a member by id);
by default the head of the member with the most staff, ties by unit id.
Heads of the other members become deputies first, then the members'
deputies (members by staff, largest first, people by id), as many as the
plan's ``deputies`` for the unit; the others stay as staff. Everyone who
loses a post keeps salary and position allowance for
``rulebook.leader_allowance_months``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from orgplan.errors import OrgplanError
from orgplan.model import Organisation, Person
from orgplan.plan import Leadership, Plan
from orgplan.semantics.leadership import former_leaders


def lead_leadership(
    organisation: Organisation,
    plan: Plan,
    heads: Mapping[str, str],
    allowance_months: int,
) -> tuple[tuple[Leadership, ...], tuple[dict[str, Any], ...]]:
    """The plan's leadership entries with head, former heads and deputies.

    Parameters
    ----------
    organisation
        The organisation before the plan (with its roster, if any).
    plan
        The structural plan; its ``leadership`` entries are enriched,
        their counts, caps, excess and deadlines kept.
    heads
        The scenario's choices of head, by unit after the plan.
    allowance_months
        How long a leader who loses the post keeps the allowance.

    Returns
    -------
    tuple
        The enriched entries and notes (catalogue messages).

    Raises
    ------
    OrgplanError
        If a choice of head names a unit without a leadership entry, or
        neither a member of the unit nor a person of a member.
    """
    members_of = {m.into: m.members for m in plan.merges}
    entries = {entry.unit: entry for entry in plan.leadership}
    for unit_id in heads:
        if unit_id not in entries:
            raise OrgplanError.of("error_head_no_entry", unit=unit_id)
    leaders = _leaders_by_unit(organisation.staff)
    enriched = []
    for entry in plan.leadership:
        members = sorted(
            members_of.get(entry.unit, (entry.unit,)),
            key=lambda m: (-organisation.unit(m).actual, m),
        )
        lead_unit, head = _choose_head(
            entry.unit, members, heads.get(entry.unit), leaders
        )
        former = [
            p.id
            for m in members
            for p in leaders.get((m, "head"), ())
            if p.id != head
        ]
        candidates = former + [
            p.id
            for m in members
            for p in leaders.get((m, "deputy"), ())
            if p.id != head
        ]
        enriched.append(
            entry.model_copy(
                update={
                    "head": head,
                    "head_from": lead_unit if len(members) > 1 else None,
                    "former_heads": tuple(former),
                    "deputy_persons": tuple(candidates[: entry.deputies]),
                }
            )
        )
    lost = _posts_lost(organisation, plan)
    notes = ()
    if lost:
        notes = (
            {
                "key": "note_posts_lost",
                "n": lost,
                "months": allowance_months,
            },
        )
    return tuple(enriched), notes


def _leaders_by_unit(
    staff: tuple[Person, ...],
) -> dict[tuple[str, str], list[Person]]:
    leaders: dict[tuple[str, str], list[Person]] = {}
    for p in staff:
        if p.role != "staff":
            leaders.setdefault((p.unit, p.role), []).append(p)
    for people in leaders.values():
        people.sort(key=lambda p: p.id)
    return leaders


def _choose_head(
    unit_id: str,
    members: list[str],
    choice: str | None,
    leaders: dict[tuple[str, str], list[Person]],
) -> tuple[str, str | None]:
    """The member whose head leads, and the head's person id if known."""
    if choice is None or choice in members:
        lead_unit = choice or members[0]
        heads = leaders.get((lead_unit, "head"))
        return lead_unit, heads[0].id if heads else None
    for m in members:
        for role in ("head", "deputy"):
            if any(p.id == choice for p in leaders.get((m, role), ())):
                return m, choice
    raise OrgplanError.of(
        "error_head_not_member",
        unit=unit_id,
        choice=repr(choice),
        members=", ".join(members),
    )


def _posts_lost(organisation: Organisation, plan: Plan) -> int:
    """Heads and deputies before minus after, over the units that change."""
    entries = {entry.unit: entry for entry in plan.leadership}
    lost = 0
    for merge in plan.merges:
        before = former_leaders(organisation, merge.members)
        entry = entries.get(merge.into)
        after = 1 + (
            entry.deputies if entry else organisation.unit(merge.into).deputies
        )
        lost += max(0, before - after)
    gone = [f.unit for f in plan.flattened] + [s.unit for s in plan.splits]
    lost += sum(organisation.unit(u).leaders for u in gone)
    return lost
