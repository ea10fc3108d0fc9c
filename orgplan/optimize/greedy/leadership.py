"""Leadership after a greedy plan's structure, within the rules.

The numbers are :mod:`orgplan.semantics`'s (caps, merged deputies, who
may stay above a cap, kept child-above-parent pairs, the deadline);
here they are applied top down to a plan.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgplan.model import Organisation, Unit
from orgplan.plan import Leadership, Plan
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.after import apply_structure
from orgplan.semantics.caps import (
    child_rule_applies,
    unit_cap,
)
from orgplan.semantics.leadership import (
    excess_deadline,
    former_leaders,
    kept_pair,
    merged_deputies,
    stays_over,
)
from orgplan.semantics.staff import civil_servant_count


def plan_leadership(
    org: Organisation, scenario: Scenario, rulebook: Rulebook, plan: Plan
) -> tuple[Leadership, ...]:
    """Heads and deputies after ``plan``'s structure, within the rules.

    A merged unit gets one head (the person ``leadership.heads`` names,
    if any); its deputies are all former heads and deputies of its members
    but one (``leadership.transition: keep``) or those within its cap
    (``cap``). Any other unit keeps its deputies
    unless they exceed its cap (then they drop to the cap, except where
    the input was already above it). Going top down, a unit never keeps
    more deputies than its parent, unless the input already had that
    pair. Deputies above a cap are listed as ``excess`` with the
    rulebook's deadline.

    Parameters
    ----------
    org
        The organisation before.
    scenario
        Its ``leadership.transition`` policy.
    rulebook
        Caps and the deadline.
    plan
        Merges, folds and splits; its ``leadership`` is ignored.

    Returns
    -------
    tuple of Leadership
        Entries for merged units and for units whose deputies change or
        exceed their cap, top down.

    Raises
    ------
    orgplan.errors.OrgplanError
        If the plan cannot be applied.
    """
    return _leadership(org, scenario, rulebook, plan, _Caps(rulebook))


class _Caps:
    """Deputy caps, remembered by everything a cap depends on."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.known: dict[tuple[object, ...], int | None] = {}

    def __call__(
        self, org: Organisation, uid: str, members: int = 1
    ) -> int | None:
        unit = org.unit(uid)
        key = (
            uid,
            unit.kind,
            unit.quota,
            unit.actual,
            civil_servant_count(unit, self.rulebook),
            len(org.children(uid)),
            members,
        )
        if key not in self.known:
            self.known[key] = unit_cap(org, uid, self.rulebook, members).value
        return self.known[key]


def _leadership(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    plan: Plan,
    cap_of: _Caps,
) -> tuple[Leadership, ...]:
    bare = plan.model_copy(update={"leadership": ()})
    after = apply_structure(org, bare, rulebook)
    members = {m.into: m.members for m in plan.merges}
    final: dict[str, int] = {}
    entries = []
    for uid in _top_down(after):
        unit = after.unit(uid)
        cap = cap_of(after, uid, len(members.get(uid, (uid,))))
        group = members.get(uid)
        deputies = (
            unit.deputies
            if group is None
            else merged_deputies(
                former_leaders(org, group),
                cap,
                scenario.leadership.transition,
            )
        )
        old = org.unit_by_id.get(uid)
        if (
            cap is not None
            and deputies > cap
            and uid not in members
            and not _was_over(org, cap_of, old, deputies)
        ):
            deputies = cap
        parent = after.unit_by_id.get(unit.parent or "")
        if (
            parent is not None
            and parent.id in final
            and deputies > final[parent.id]
            and child_rule_applies(rulebook, unit.kind, parent.kind)
            and not kept_pair(org, uid, parent.id, deputies, final[parent.id])
        ):
            deputies = final[parent.id]
        final[uid] = deputies
        excess = max(0, deputies - cap) if cap is not None else 0
        heads = 1 if uid in members else unit.heads
        if uid in members or deputies != unit.deputies or excess:
            entries.append(
                Leadership(
                    unit=uid,
                    heads=heads,
                    deputies=deputies,
                    cap=cap,
                    excess=excess,
                    reduce_by=excess_deadline(rulebook) if excess else None,
                    head=scenario.leadership.heads.get(uid),
                )
            )
    return tuple(entries)


def _was_over(
    org: Organisation, cap_of: _Caps, old: Unit | None, deputies: int
) -> bool:
    cap = None if old is None else cap_of(org, old.id)
    return stays_over(old, cap, deputies)


def _top_down(org: Organisation) -> Iterator[str]:
    tops = [u.id for u in org.units if u.parent not in org.unit_by_id]
    for top in tops:
        yield top
        yield from org.descendants(top)
