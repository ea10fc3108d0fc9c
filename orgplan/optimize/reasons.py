"""Why a plan merges, folds or splits a unit, in plain words.

One wording for every method (CP-SAT and the greedy baseline), so that a
committee reads the same reasons whichever produced the plan.
"""

from __future__ import annotations

from collections.abc import Sequence

from orgplan.model import Organisation, Unit
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.scope import undersized_by
from orgplan.similarity import function_set


def undersized(rulebook: Rulebook, unit: Unit) -> str | None:
    """The reason ``unit`` cannot stand alone, or ``None`` if it can."""
    if not undersized_by(rulebook, unit):
        return None
    rules = rulebook.kind(unit.kind)
    return (
        f"{unit.id} is undersized: a quota of {unit.quota}, below the "
        f"minimum of {rules.min_staff} for a {rules.label_en}"
    )


def merge_reasons(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    members: Sequence[str],
    leaders_after: int,
) -> tuple[str, ...]:
    """Reasons for merging ``members`` (the representative first).

    ``leaders_after`` is the heads and deputies the merged unit keeps.
    """
    rep = org.unit(members[0])
    units = [org.unit(uid) for uid in members]
    found: list[str] = []
    if any(set(members) >= set(group) for group in scenario.must_merge):
        found.append("the scenario requires it (must_merge)")
    found += [
        reason
        for uid in members[1:]
        if (reason := _shared(org, org.unit(uid), rep)) is not None
    ]
    found += [
        reason
        for unit in units
        if (reason := undersized(rulebook, unit)) is not None
    ]
    heads_saved = sum(u.heads for u in units) - 1
    if heads_saved > 0:
        found.append(
            f"{heads_saved} head post{'s' * (heads_saved > 1)} fewer "
            "(one focal point instead of several)"
        )
    posts_saved = sum(u.leaders for u in units) - leaders_after
    if posts_saved > 0:
        found.append(f"{_posts(posts_saved)} fewer in all")
    before = sum(abs(u.actual - u.quota) for u in units)
    after = abs(sum(u.actual - u.quota for u in units))
    if before > after:
        found.append(
            "surplus and deficit offset: staff against quota imbalance "
            f"{before} -> {after}"
        )
    return tuple(found)


def fold_reasons(
    org: Organisation, rulebook: Rulebook, uid: str
) -> tuple[str, ...]:
    """Reasons for folding ``uid`` into its parent."""
    unit = org.unit(uid)
    found = []
    if org.children(uid):
        found.append("removes an intermediate level")
    reason = undersized(rulebook, unit)
    if reason is not None:
        found.append(reason)
    if unit.leaders:
        found.append(f"{_posts(unit.leaders)} fewer")
    return tuple(found)


def _posts(count: int) -> str:
    return f"{count} leadership post{'s' * (count != 1)}"


def _shared(org: Organisation, unit: Unit, rep: Unit) -> str | None:
    exact = [f for f in unit.functions if f in rep.functions]
    if exact:
        return f"{unit.id} shares functions with {rep.id}: " + ", ".join(
            _named(org, exact)
        )
    families = sorted(
        function_set(org, unit.functions) & function_set(org, rep.functions)
    )
    if families:
        return (
            f"{unit.id} works in the same function family as {rep.id}: "
            + ", ".join(_named(org, families))
        )
    return None


def _named(org: Organisation, codes: Sequence[str]) -> list[str]:
    known = org.function_by_code
    return [
        f"{known[c].name} ({c})" if c in known and known[c].name else c
        for c in codes
    ]
