"""Who may take part in which decision, and the must pairs.

docs/semantics.md sections 1 and 5: locks, scope, merge scope, group
size, folds, splits, ``must_merge`` and ``must_not_merge``; the rules
themselves are :mod:`orgplan.semantics.scope`'s.
"""

from __future__ import annotations

from collections import Counter

from orgplan.check.coherence import coherence
from orgplan.check.violation import Violation
from orgplan.i18n import parts
from orgplan.model import Organisation
from orgplan.plan import Plan, Split
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.scope import (
    final_homes,
    fold_obstacles,
    locked_units,
    merge_obstacle,
    moved_parents,
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
    "split_children",
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
    parents = moved_parents(plan)
    touched = participants(plan)
    # Receivers may be of a kind outside the scope (section 5: a
    # sub-department in scope folds into its department), never locked.
    active = {uid for uid, what in touched.items() if "receives" not in what}
    roles = _roles(plan)
    for split in plan.splits:
        for part in split.parts:
            touched.setdefault(part.to, f"receives part of {split.unit}")
            roles.setdefault(
                part.to,
                {"key": "check_what_receives_part", "unit": split.unit},
            )
    for uid in touched:
        if uid not in known:
            continue
        what = roles[uid]
        if uid in locked:
            found.append(
                Violation.of("lock", uid, "check_locked", unit=uid, what=what)
            )
        if uid in active and known[uid].kind not in scope.kinds:
            found.append(
                Violation.of(
                    "scope",
                    uid,
                    "check_out_of_scope",
                    unit=uid,
                    kind=known[uid].kind,
                    what=what,
                )
            )
    for allowed, items, what in (
        (scope.allow_merge, plan.merges, "merges"),
        (scope.allow_split, plan.splits, "splits"),
        (scope.allow_fold, plan.flattened, "folds"),
    ):
        if items and not allowed:
            found.append(Violation.of("scope", None, f"check_no_{what}"))
    for merge in plan.merges:
        if len(merge.members) > scope.max_group_size:
            found.append(
                Violation.of(
                    "group_size",
                    merge.into,
                    "check_group_size",
                    into=merge.into,
                    n=len(merge.members),
                    most=scope.max_group_size,
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
                parents=parents,
            )
            if reason:
                key, fields = parts(reason)
                found.append(
                    Violation.of("merge_scope", member, key, **fields)
                )
    for fold in plan.flattened:
        unit = known.get(fold.unit)
        if unit is not None:
            found += [
                Violation.of("fold", fold.unit, key, **fields)
                for key, fields in map(
                    parts, fold_obstacles(org, rulebook, unit, fold.into)
                )
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
                    Violation.of(
                        "split_functions",
                        split.unit,
                        "check_split_function_parts",
                        code=code,
                        unit=split.unit,
                        n=given[code],
                    )
                )
        for code in sorted(set(given) - set(unit.functions)):
            found.append(
                Violation.of(
                    "split_functions",
                    split.unit,
                    "check_split_foreign_function",
                    unit=split.unit,
                    code=code,
                )
            )
        for part in split.parts:
            receiver = org.unit_by_id.get(part.to)
            if receiver is None or not part.functions:
                continue
            if not split_part_related(org, part.functions, receiver):
                found.append(
                    Violation.of(
                        "split_related",
                        part.to,
                        "check_split_unrelated",
                        to=part.to,
                        functions=list(part.functions),
                        unit=split.unit,
                    )
                )
        found += _split_children(org, split)
    return found


def _split_children(org: Organisation, split: Split) -> list[Violation]:
    """Children a split moves are its own, each moved to one receiver
    (semantics section 2)."""
    found = []
    moved = Counter(c for part in split.parts for c in part.children)
    mine = set(org.children(split.unit))
    for child, n in sorted(moved.items()):
        if child not in mine:
            found.append(
                Violation.of(
                    "split_children",
                    split.unit,
                    "check_split_child_unknown",
                    unit=split.unit,
                    child=child,
                )
            )
        elif n > 1:
            found.append(
                Violation.of(
                    "split_children",
                    split.unit,
                    "check_split_child_twice",
                    unit=split.unit,
                    child=child,
                    n=n,
                )
            )
    return found


def _roles(plan: Plan) -> dict[str, dict[str, str]]:
    """What each unit of a decision does, as the message the violations
    word (the same roles as :func:`participants`, first one wins)."""
    found: dict[str, dict[str, str]] = {}
    for merge in plan.merges:
        for member in merge.members:
            found.setdefault(
                member, {"key": "check_what_merged", "into": merge.into}
            )
    for fold in plan.flattened:
        found.setdefault(
            fold.unit, {"key": "check_what_folded", "into": fold.into}
        )
        found.setdefault(
            fold.into, {"key": "check_what_receives", "unit": fold.unit}
        )
    for split in plan.splits:
        found.setdefault(split.unit, {"key": "check_what_split"})
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
                Violation.of(
                    "must_merge",
                    unknown[0],
                    "check_must_merge_unknown",
                    unit=unknown[0],
                )
            )
            continue
        if not frozenset.intersection(*(homes[uid] for uid in group)):
            found.append(
                Violation.of(
                    "must_merge",
                    group[0],
                    "check_must_merge_apart",
                    units=list(group),
                )
            )
    for pair in scenario.must_not_merge:
        if all(uid in homes for uid in pair) and frozenset.intersection(
            *(homes[uid] for uid in pair)
        ):
            found.append(
                Violation.of(
                    "must_not_merge",
                    pair[0],
                    "check_must_not_merge",
                    units=list(pair),
                )
            )
    return found
