"""Leadership after a plan (docs/semantics.md sections 2 and 4).

How many deputies a merged unit keeps (``leadership.transition``), when a
unit may stay above its cap, the child-above-parent pairs the input
already had, and the date by which an excess must be gone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from orgplan.model import Organisation, Unit
from orgplan.plan import Metrics, Plan
from orgplan.rules import Rulebook
from orgplan.semantics.caps import unit_cap


def merged_deputies(
    former_leaders: int, cap: int | None, transition: str
) -> int:
    """Deputies of a unit formed by a merge.

    Its members had ``former_leaders`` heads and deputies in all; one of
    them becomes its head and the others stay as deputies
    (``transition: keep``, the excess over the cap listed with a
    deadline), or as many as the cap allows (``cap``).
    """
    kept = max(0, former_leaders - 1)
    if transition == "cap" and cap is not None:
        return min(kept, cap)
    return kept


def former_leaders(org: Organisation, members: Iterable[str]) -> int:
    """Heads and deputies of the units a merge combines, before it."""
    return sum(org.unit(m).leaders for m in members)


def stays_over(old: Unit | None, old_cap: int | None, deputies: int) -> bool:
    """A unit above its cap (``old_cap``) before the plan, that the plan
    did not raise to more than ``old.deputies``: it may keep its excess,
    listed with a deadline (semantics section 4)."""
    return (
        old is not None
        and old_cap is not None
        and old.deputies > old_cap
        and deputies <= old.deputies
    )


def kept_over(
    org: Organisation, rulebook: Rulebook, uid: str, deputies: int
) -> bool:
    """:func:`stays_over` for unit ``uid`` of the input ``org``."""
    old = org.unit_by_id.get(uid)
    cap = None if old is None else unit_cap(org, uid, rulebook).value
    return stays_over(old, cap, deputies)


def may_exceed(
    org: Organisation,
    rulebook: Rulebook,
    unit: Unit,
    merged: Iterable[str],
) -> bool:
    """Whether ``unit`` (after the plan) may have deputies above its cap:
    it was formed by a merge, or :func:`kept_over`."""
    return unit.id in set(merged) or kept_over(
        org, rulebook, unit.id, unit.deputies
    )


def kept_pair(
    org: Organisation,
    child: str,
    parent: str,
    child_deputies: int,
    parent_deputies: int,
) -> bool:
    """The plan made ``child`` above ``parent`` no worse: a warning, not an
    error (semantics section 5).

    The input already had the pair, or the plan moved ``child`` under
    ``parent`` (a split hands it to a receiver); either way the child
    keeps at most its deputies and the parent at least its own.
    """
    old_child = org.unit_by_id.get(child)
    old_parent = org.unit_by_id.get(parent)
    return (
        old_child is not None
        and old_parent is not None
        and child_deputies <= old_child.deputies
        and parent_deputies >= old_parent.deputies
    )


def excess_deadline(rulebook: Rulebook, today: dt.date | None = None) -> str:
    """The date by which deputies above a cap must be reduced.

    The decision date (today) plus the rulebook's ``excess_grace_years``,
    not later than its ``excess_deadline`` (Decree 45/2025 art. 24;
    Conclusion 210-KL/TW). 29 February falls back to the 28th.
    """
    today = today or dt.date.today()
    years = today.year + rulebook.excess_grace_years
    try:
        grace = today.replace(year=years)
    except ValueError:  # 29 February
        grace = today.replace(year=years, day=28)
    return min(grace.isoformat(), rulebook.excess_deadline)


def leaders_after_deadline(leaders: int, plan: Plan) -> int:
    """Heads and deputies once the excess deadline has passed.

    ``leaders`` is the count after the plan (its ``Leadership`` entries
    applied); every deputy above a cap that an entry lists (``excess``,
    to be gone by ``reduce_by``, semantics section 4) is gone by then.
    A committee reads both: under ``transition: keep`` a merger keeps its
    former heads as deputies, so leaders fall only at the deadline.
    """
    return leaders - sum(max(0, e.excess) for e in plan.leadership)


def with_deadline(numbers: Metrics, plan: Plan | None = None) -> Metrics:
    """``numbers`` with :func:`leaders_after_deadline` filled in: the
    organisation after ``plan``, or before any plan (``None``: its
    leaders)."""
    leaders = numbers.leaders
    if plan is not None:
        leaders = leaders_after_deadline(leaders, plan)
    return numbers.model_copy(update={"leaders_at_deadline": leaders})
