"""Who may take part in which decision, and the must pairs.

docs/semantics.md sections 1 and 5: locks, scope, merge scope, group
size, folds, splits, ``must_merge`` and ``must_not_merge``; the rules
themselves are :mod:`orgplan.semantics.scope`'s.
"""

from __future__ import annotations

from collections import Counter

from orgplan.check.coherence import coherence
from orgplan.check.violation import Violation
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.scope import (
    final_homes,
    fold_obstacles,
    locked_units,
    merge_obstacle,
    neighbours,
    split_part_related,
)
from orgplan.semantics.terms import participants

# Rules after which the plan cannot be applied.
DEFECT_RULES = {
    "unknown_unit",
    "unknown_person",
    "merge_shape",
    "overlap",
    "removed_unit",
    "split_staff",
}


def decisions(
    org: Organisation, scenario: Scenario, rulebook: Rulebook, plan: Plan
) -> list[Violation]:
    """Locks, scope, merge scope, group size, fold and split rules."""
    known = org.unit_by_id
    locked = locked_units(org, scenario)
    scope = scenario.scope
    found = []
    near = neighbours(org)
    homes = final_homes(org, plan)
    touched = participants(plan)
    # Receivers may be of a kind outside the scope (section 5: a
    # sub-department in scope folds into its department), never locked.
    active = {uid for uid, what in touched.items() if "receives" not in what}
    for split in plan.splits:
        for part in split.parts:
            touched.setdefault(part.to, f"receives part of {split.unit}")
    for uid, what in touched.items():
        if uid not in known:
            continue
        if uid in locked:
            found.append(
                Violation("lock", uid, f"{uid} is locked but is {what}")
            )
        if uid in active and known[uid].kind not in scope.kinds:
            found.append(
                Violation(
                    "scope",
                    uid,
                    f"{uid} is a {known[uid].kind}, a kind outside the "
                    f"scenario's scope, but is {what}",
                )
            )
    for allowed, items, what in (
        (scope.allow_merge, plan.merges, "merges"),
        (scope.allow_split, plan.splits, "splits"),
        (scope.allow_fold, plan.flattened, "folds"),
    ):
        if items and not allowed:
            found.append(
                Violation("scope", None, f"the scenario allows no {what}")
            )
    for merge in plan.merges:
        if len(merge.members) > scope.max_group_size:
            found.append(
                Violation(
                    "group_size",
                    merge.into,
                    f"the merge into {merge.into} has "
                    f"{len(merge.members)} members, more than the "
                    f"scenario's max_group_size {scope.max_group_size}",
                )
            )
        rep = known.get(merge.into)
        for member in merge.members:
            unit = known.get(member)
            if rep is None or unit is None or member == merge.into:
                continue
            reason = merge_obstacle(
                org,
                rulebook,
                scenario,
                rep,
                unit,
                near,
                coherent=False,
                homes=homes,
            )
            if reason:
                found.append(Violation("merge_scope", member, reason))
    for fold in plan.flattened:
        unit = known.get(fold.unit)
        if unit is not None:
            found += [
                Violation("fold", fold.unit, reason)
                for reason in fold_obstacles(org, rulebook, unit, fold.into)
            ]
    found += coherence(org, scenario, rulebook, plan)
    found += _split_rules(org, plan)
    return found


def _split_rules(org: Organisation, plan: Plan) -> list[Violation]:
    found = []
    for split in plan.splits:
        unit = org.unit_by_id.get(split.unit)
        if unit is None:
            continue
        given = Counter(f for part in split.parts for f in part.functions)
        for code in unit.functions:
            if given[code] != 1:
                found.append(
                    Violation(
                        "split_functions",
                        split.unit,
                        f"function {code} of {split.unit} goes to "
                        f"{given[code]} parts of its split, not exactly 1",
                    )
                )
        for code in sorted(set(given) - set(unit.functions)):
            found.append(
                Violation(
                    "split_functions",
                    split.unit,
                    f"the split of {split.unit} hands over function "
                    f"{code}, which it does not have",
                )
            )
        for part in split.parts:
            receiver = org.unit_by_id.get(part.to)
            if receiver is None or not part.functions:
                continue
            if not split_part_related(org, part.functions, receiver):
                found.append(
                    Violation(
                        "split_related",
                        part.to,
                        f"{part.to} receives functions "
                        f"{', '.join(part.functions)} of {split.unit} but "
                        "shares no function or function family with them",
                    )
                )
    return found


def must_pairs(
    org: Organisation, scenario: Scenario, plan: Plan
) -> list[Violation]:
    homes = final_homes(org, plan)
    found = []
    for group in scenario.must_merge:
        unknown = [uid for uid in group if uid not in homes]
        if unknown:
            found.append(
                Violation(
                    "must_merge",
                    unknown[0],
                    f"must_merge names unknown unit {unknown[0]}",
                )
            )
            continue
        if not frozenset.intersection(*(homes[uid] for uid in group)):
            found.append(
                Violation(
                    "must_merge",
                    group[0],
                    f"{', '.join(group)} must merge but end in different "
                    "units",
                )
            )
    for pair in scenario.must_not_merge:
        if all(uid in homes for uid in pair) and frozenset.intersection(
            *(homes[uid] for uid in pair)
        ):
            found.append(
                Violation(
                    "must_not_merge",
                    pair[0],
                    f"{' and '.join(pair)} must not merge but end in the "
                    "same unit",
                )
            )
    return found
