"""The solver-free oracle: does a plan keep every rule and invariant?

:func:`check_plan` checks a plan against docs/semantics.md sections 1-6
and the invariants of DESIGN section 7 in plain Python, without a solver;
every solver test goes through it and ``orgplan check PLAN.json`` exposes
it. :func:`objective_terms` recomputes the objective the same way.

Where the contract leaves room, the checker decides as follows:

- A function owned by one unit before has exactly one owner after; a
  function several units already shared before keeps at least one owner
  and never gains owners.
- Merge scope (same parent, locality...) is judged on the input units.
- ``must_merge`` holds when the units' final homes intersect (a split unit
  ends in all its receivers), ``must_not_merge`` when they do not; a unit
  folded into another ends in it.
- A unit receiving a folded unit or part of a split may be of a kind
  outside the scope (the fold rule of section 5 asks only the folded unit
  to be in scope); a locked unit never receives.
- A locked unit whose size is below its kind's minimum is only a warning,
  as for units outside the scope: the plan may not touch it.
- A child-above-parent deputy pair, or a pooled excess, that the input
  already had and the plan did not worsen is a warning.
- The pooled cap holds once every listed per-unit excess is removed.
- When the plan carries ``units_after``, the rules are checked on those
  units (so a hand-edited file is judged by what it claims), and rule
  ``units_after`` says where they differ from :func:`orgplan.apply.apply`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from orgplan.apply import apply, apply_structure, plan_defects
from orgplan.caps import child_parent_violations, pooled_caps, unit_cap
from orgplan.errors import OrgplanError
from orgplan.graph import depths, hops, metrics
from orgplan.model import Organisation, StaffCategory, Unit
from orgplan.plan import Plan
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario, Weights
from orgplan.similarity import function_set, jaccard, similarity

# The terms of docs/semantics.md section 6, in the order reports show them:
# those the structure decides, then the staffing stage's.
STRUCTURAL_TERMS = (
    "focal_points",
    "leaders",
    "layers",
    "imbalance",
    "incoherence",
    "disruption",
)
TERMS = (*STRUCTURAL_TERMS, "transfers")
# Plans round the objective to 2 decimals.
OBJECTIVE_TOLERANCE = 0.01


@dataclass(frozen=True)
class Violation:
    """One rule a plan breaks, in plain words.

    ``rule`` is a stable key (``lock``, ``must_merge``, ``max_units``,
    ``min_cut.focal_points``, ``deputy_cap``...); ``unit`` the unit it is
    about, if any. Warnings do not make a plan invalid. ``amount`` says by
    how much a target is missed (0 for other rules).
    """

    rule: str
    unit: str | None
    message: str
    severity: Literal["error", "warning"] = "error"
    amount: float = 0

    def __str__(self) -> str:
        tag = "warning" if self.severity == "warning" else "error"
        return f"{tag} [{self.rule}] {self.message}"


def check_plan(
    org: Organisation, scenario: Scenario, plan: Plan
) -> list[Violation]:
    """Every rule and invariant ``plan`` breaks, errors and warnings.

    Parameters
    ----------
    org
        The organisation before.
    scenario
        The scenario the plan answers: rules, scope, targets, locks,
        must pairs, weights.
    plan
        The plan to check (from a solver or a hand-edited plan.json).

    Returns
    -------
    list of Violation
        Empty when the plan keeps every rule. A plan that cannot be applied
        at all (unknown units, a unit with two decisions) gets only the
        violations found without applying it.
    """
    rulebook = scenario.rulebook()
    found = [
        Violation(d.rule, d.unit, d.message) for d in plan_defects(org, plan)
    ]
    found += _decisions(org, scenario, rulebook, plan)
    if any(v.rule in _DEFECT_RULES for v in found):
        return found
    found += _must_pairs(org, scenario, plan)
    try:
        structural = apply_structure(org, plan, rulebook)
        applied = apply(org, plan, rulebook)
    except OrgplanError as error:
        return [*found, Violation("staffing", None, str(error))]
    after = applied
    if plan.units_after:
        found += _units_after(plan.units_after, applied.units)
        after = Organisation(
            units=plan.units_after,
            localities=org.localities,
            staff=applied.staff,
            functions=org.functions,
            name=org.name,
        )
    found += _tree(after)
    found += _function_owners(org, after)
    found += _persons(org, plan, after)
    found += _conservation(org, plan, after, rulebook)
    found += _staff_totals(structural, plan, after)
    found += _transfers(structural, scenario, plan)
    # Caps are judged on the structure the optimiser decided: the staffing
    # stage's separations and quota cuts play out over the 5-year
    # clearance period, and counting them would move a division's cap
    # (by civil servants) under the plan's feet.
    found += _caps(org, plan, structural, rulebook)
    found += target_violations(org, scenario, rulebook, after)
    found += _objective(org, scenario, plan)
    return found


def objective_terms(
    org: Organisation, scenario: Scenario, plan: Plan
) -> dict[str, float]:
    """The unweighted terms of the objective (docs/semantics.md section 6).

    Structural terms are measured on :func:`orgplan.apply.apply_structure`
    of the plan; ``transfers`` sums ``count * max(1, hops)`` over the
    plan's transfers (a transfer without ``hops`` counts one hop).

    Parameters
    ----------
    org
        The organisation before.
    scenario
        Gives the rulebook (which kinds are focal points).
    plan
        The plan.

    Returns
    -------
    dict
        One value per name in :data:`TERMS`, in that order.

    Raises
    ------
    orgplan.errors.OrgplanError
        If the plan cannot be applied (see
        :func:`orgplan.apply.plan_defects`).
    """
    rulebook = scenario.rulebook()
    return terms_of(org, rulebook, plan, apply_structure(org, plan, rulebook))


def terms_of(
    org: Organisation, rulebook: Rulebook, plan: Plan, after: Organisation
) -> dict[str, float]:
    """:func:`objective_terms` with ``after = apply_structure(org, plan)``
    already at hand (the greedy search scores many plans)."""
    numbers = metrics(after, rulebook)
    incoherence = sum(
        1 - similarity(org, member, merge.into)
        for merge in plan.merges
        for member in merge.members
        if member != merge.into
    ) + sum(
        1
        - jaccard(
            function_set(org, part.functions),
            function_set(org, org.unit(part.to).functions),
        )
        for split in plan.splits
        for part in split.parts
    )
    return {
        "focal_points": float(numbers.focal_points),
        "leaders": float(numbers.leaders),
        "layers": float(numbers.intermediate_units),
        "imbalance": float(sum(abs(u.actual - u.quota) for u in after.units)),
        "incoherence": float(incoherence),
        "disruption": float(len(participants(plan))),
        "transfers": float(
            sum(t.count * max(1, t.hops or 0) for t in plan.transfers)
        ),
    }


def objective_value(terms: Mapping[str, float], weights: Weights) -> float:
    """``Σ weight * term`` over the terms, rounded to 2 decimals.

    Raises
    ------
    AttributeError
        If ``terms`` has a key that is not a weight's name.
    """
    return round(sum(getattr(weights, t) * v for t, v in terms.items()), 2)


def participants(plan: Plan) -> dict[str, str]:
    """Units that take part in a decision, with what they do.

    Merge members, folded units, units receiving a folded unit and split
    units (docs/semantics.md section 1); the first decision named wins.
    """
    found: dict[str, str] = {}
    for merge in plan.merges:
        for member in merge.members:
            found.setdefault(member, f"merged into {merge.into}")
    for fold in plan.flattened:
        found.setdefault(fold.unit, f"folded into {fold.into}")
        found.setdefault(fold.into, f"receives the folded {fold.unit}")
    for split in plan.splits:
        found.setdefault(split.unit, "split")
    return found


# Rules after which the plan cannot be applied.
_DEFECT_RULES = {
    "unknown_unit",
    "unknown_person",
    "merge_shape",
    "overlap",
    "removed_unit",
    "split_staff",
}


def _decisions(
    org: Organisation, scenario: Scenario, rulebook: Rulebook, plan: Plan
) -> list[Violation]:
    """Locks, scope, merge scope, group size, fold and split rules."""
    known = org.unit_by_id
    locked = {u.id for u in org.units if u.locked} | set(scenario.locks)
    scope = scenario.scope
    found = []
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
            reason = merge_obstacle(org, rulebook, scenario, rep, unit)
            if reason:
                found.append(Violation("merge_scope", member, reason))
    for fold in plan.flattened:
        unit = known.get(fold.unit)
        if unit is None:
            continue
        rules = rulebook.kinds.get(unit.kind)
        if rules is None or not rules.foldable:
            found.append(
                Violation(
                    "fold",
                    fold.unit,
                    f"{fold.unit} is folded but a {unit.kind} may not be",
                )
            )
        if unit.parent != fold.into:
            found.append(
                Violation(
                    "fold",
                    fold.unit,
                    f"{fold.unit} is folded into {fold.into}, which is "
                    f"not its parent ({unit.parent or 'none'})",
                )
            )
        below = (
            rules is not None
            and rules.min_staff is not None
            and unit.quota < rules.min_staff
        )
        if not org.children(unit.id) and not below:
            # Folding a normal-sized leaf would only hide a division
            # inside its parent's office (semantics section 5).
            found.append(
                Violation(
                    "fold",
                    fold.unit,
                    f"{fold.unit} is folded but is neither an intermediate "
                    f"unit (it has no units under it) nor below its "
                    f"kind's minimum staff",
                )
            )
    found += _split_rules(org, plan)
    return found


def merge_obstacle(
    org: Organisation,
    rulebook: Rulebook,
    scenario: Scenario,
    rep: Unit,
    unit: Unit,
) -> str | None:
    """Why ``unit`` may not merge into ``rep``, or ``None`` if it may.

    The kinds must match (or be listed in ``merges_with``) and the units
    must share what ``scope.merge_within`` names, judged on the input.
    """
    rep_rules = rulebook.kinds.get(rep.kind)
    unit_rules = rulebook.kinds.get(unit.kind)
    compatible = (
        unit.kind == rep.kind
        or (rep_rules is not None and unit.kind in rep_rules.merges_with)
        or (unit_rules is not None and rep.kind in unit_rules.merges_with)
    )
    if not compatible:
        return (
            f"{unit.id} (a {unit.kind}) may not merge into {rep.id} "
            f"(a {rep.kind})"
        )
    within = scenario.scope.merge_within
    same = {
        "parent": unit.parent == rep.parent,
        "locality": unit.locality is not None
        and unit.locality == rep.locality,
        "sector": unit.sector is not None and unit.sector == rep.sector,
        "adjacent": _adjacent(org, unit.locality, rep.locality),
        "anywhere": True,
    }[within]
    if same:
        return None
    return (
        f"{unit.id} may not merge into {rep.id}: the scenario merges only "
        f"within one {within}"
        + ("" if within == "adjacent" else f" and they differ in {within}")
    )


def _adjacent(org: Organisation, a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    if a == b:
        return True
    first = org.locality_by_id.get(a)
    second = org.locality_by_id.get(b)
    return (first is not None and b in first.neighbours) or (
        second is not None and a in second.neighbours
    )


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
            if not function_set(org, part.functions) & function_set(
                org, receiver.functions
            ):
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


def _homes(org: Organisation, plan: Plan) -> dict[str, frozenset[str]]:
    """The surviving units each input unit ends in."""
    direct: dict[str, tuple[str, ...]] = {}
    for merge in plan.merges:
        for member in merge.members:
            direct[member] = (merge.into,)
    for fold in plan.flattened:
        direct[fold.unit] = (fold.into,)
    for split in plan.splits:
        direct[split.unit] = tuple(part.to for part in split.parts)

    def home(uid: str, seen: frozenset[str]) -> frozenset[str]:
        targets = direct.get(uid)
        if targets is None or targets == (uid,) or uid in seen:
            return frozenset({uid})
        return frozenset().union(*(home(t, seen | {uid}) for t in targets))

    return {u.id: home(u.id, frozenset()) for u in org.units}


def _must_pairs(
    org: Organisation, scenario: Scenario, plan: Plan
) -> list[Violation]:
    homes = _homes(org, plan)
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


def _units_after(
    claimed: tuple[Unit, ...], applied: tuple[Unit, ...]
) -> list[Violation]:
    if claimed == applied:
        return []
    if [u.id for u in claimed] != [u.id for u in applied]:
        missing = sorted({u.id for u in applied} - {u.id for u in claimed})
        extra = sorted({u.id for u in claimed} - {u.id for u in applied})
        detail = (
            f"missing {', '.join(missing) or 'none'}, extra "
            f"{', '.join(extra) or 'none'}"
            if missing or extra
            else "in a different order"
        )
        return [
            Violation(
                "units_after",
                None,
                f"units_after does not list the units the plan leaves "
                f"({detail})",
            )
        ]
    found = []
    for mine, theirs in zip(claimed, applied, strict=True):
        if mine != theirs:
            fields = [
                name
                for name in Unit.model_fields
                if getattr(mine, name) != getattr(theirs, name)
            ]
            found.append(
                Violation(
                    "units_after",
                    mine.id,
                    f"units_after gives {mine.id} a different "
                    f"{', '.join(fields)} than applying the plan does",
                )
            )
    return found


def _tree(after: Organisation) -> list[Violation]:
    found = []
    units = after.unit_by_id
    for unit in after.units:
        if unit.parent is not None and unit.parent not in units:
            found.append(
                Violation(
                    "tree",
                    unit.id,
                    f"{unit.id} has parent {unit.parent}, which is not a "
                    "unit after the plan",
                )
            )
    # Units reachable from a root (or from a dangling parent, reported
    # above); whatever is left hangs in a cycle.
    tops = [u.id for u in after.units if u.parent not in units]
    reached = set(tops)
    for top in tops:
        reached.update(after.descendants(top))
    for unit in after.units:
        if unit.id not in reached and unit.parent in units:
            found.append(
                Violation(
                    "tree",
                    unit.id,
                    f"{unit.id} is in a cycle of parents after the plan",
                )
            )
    return found


def _function_owners(
    org: Organisation, after: Organisation
) -> list[Violation]:
    before = _owners(org.units)
    now = _owners(after.units)
    found = []
    for code, count in before.items():
        owners = now[code]
        if owners == 0:
            problem = "has no owner after the plan"
        elif count == 1 and owners > 1:
            problem = f"has {owners} owners after the plan, not one"
        elif owners > count:
            problem = f"has {owners} owners after the plan, {count} before"
        else:
            continue
        found.append(
            Violation("function_owner", None, f"function {code} {problem}")
        )
    return found


def _owners(units: Iterable[Unit]) -> Counter[str]:
    return Counter(code for u in units for code in set(u.functions))


def _persons(
    org: Organisation, plan: Plan, after: Organisation
) -> list[Violation]:
    found = []
    for entry, kind in (
        *((t, f"transfer {t.from_} -> {t.to}") for t in plan.transfers),
        *((s, f"separation from {s.unit}") for s in plan.separations),
    ):
        if len(entry.persons) > entry.count:
            found.append(
                Violation(
                    "person_accounted",
                    None,
                    f"the {kind} names {len(entry.persons)} persons for a "
                    f"count of {entry.count}",
                )
            )
    separated = Counter(p for s in plan.separations for p in s.persons)
    staying = after.unit_by_id
    people = {p.id: p for p in after.staff}
    for person in org.staff:
        now = people.get(person.id)
        places = separated[person.id] + (now is not None)
        if places != 1:
            found.append(
                Violation(
                    "person_accounted",
                    person.unit,
                    f"{person.id} is in {places} places after the plan "
                    "(a unit or a separation), not one",
                )
            )
        elif now is not None and now.unit not in staying:
            found.append(
                Violation(
                    "person_accounted",
                    now.unit,
                    f"{person.id} is in {now.unit}, which is not a unit "
                    "after the plan",
                )
            )
    return found


def _conservation(
    org: Organisation, plan: Plan, after: Organisation, rulebook: Rulebook
) -> list[Violation]:
    before = _staff(org.units, rulebook)
    now = _staff(after.units, rulebook)
    leaving: Counter[str] = Counter()
    for separation in plan.separations:
        leaving[separation.category] += separation.count
    found = []
    for category in sorted(set(before) | set(now) | set(leaving)):
        if before[category] != now[category] + leaving[category]:
            found.append(
                Violation(
                    "conservation",
                    None,
                    f"{category.replace('_', ' ')} staff: "
                    f"{before[category]} before, {now[category]} after "
                    f"and {leaving[category]} separated",
                )
            )
    return found


def _staff(units: Iterable[Unit], rulebook: Rulebook) -> Counter[str]:
    total: Counter[str] = Counter()
    for unit in units:
        rules = rulebook.kinds.get(unit.kind)
        default: StaffCategory = (
            rules.default_category if rules else "civil_servant"
        )
        total.update(unit.staff_by_category(default))
    return total


def _staff_totals(
    structural: Organisation, plan: Plan, after: Organisation
) -> list[Violation]:
    """Each unit's staff after = its members' total +/- staffing moves."""
    flow: Counter[str] = Counter()
    for transfer in plan.transfers:
        flow[transfer.from_] -= transfer.count
        flow[transfer.to] += transfer.count
    for separation in plan.separations:
        flow[separation.unit] -= separation.count
    merged = {m.into: m.members for m in plan.merges}
    found = []
    for unit in after.units:
        formed = structural.unit_by_id.get(unit.id)
        if formed is None:
            continue
        expected = formed.actual + flow[unit.id]
        if unit.actual != expected:
            what = (
                f"the total of its members {', '.join(merged[unit.id])}"
                if unit.id in merged
                else "what the plan gives it"
            )
            found.append(
                Violation(
                    "staff_total",
                    unit.id,
                    f"{unit.id} has {unit.actual} staff after the plan, "
                    f"not {expected}, {what}",
                )
            )
    return found


def _transfers(
    structural: Organisation, scenario: Scenario, plan: Plan
) -> list[Violation]:
    """Distance and volume limits of ``staffing.transfers`` (section 7).

    With ``max_km`` a transfer's ``km`` is checked and hops are not;
    otherwise its ``hops`` (or, when absent, the locality hops between
    the two units) against ``max_hops``.
    """
    rules = scenario.staffing.transfers
    found = []
    distances: dict[str, dict[str, int]] | None = None
    out: Counter[str] = Counter()
    for t in plan.transfers:
        out[t.from_] += t.count
        what = f"the transfer {t.from_} -> {t.to}"
        if rules.max_km is not None:
            if t.km is not None and t.km > rules.max_km:
                found.append(
                    Violation(
                        "transfer",
                        t.from_,
                        f"{what} covers {t.km:g} km, more than "
                        f"max_km {rules.max_km:g}",
                    )
                )
            continue
        if rules.max_hops is None:
            continue
        hops_taken = t.hops
        if hops_taken is None:
            distances = distances or hops(structural)
            a = structural.unit(t.from_).locality or ""
            b = structural.unit(t.to).locality or ""
            hops_taken = distances.get(a, {}).get(b)
        if hops_taken is None or hops_taken > rules.max_hops:
            far = "an unknown number of" if hops_taken is None else hops_taken
            found.append(
                Violation(
                    "transfer",
                    t.from_,
                    f"{what} moves staff {far} locality hops, more than "
                    f"max_hops {rules.max_hops}",
                )
            )
    limit = rules.max_out_per_unit
    if limit is not None:
        found += [
            Violation(
                "transfer",
                uid,
                f"{count} staff move out of {uid}, more than "
                f"max_out_per_unit {limit}",
            )
            for uid, count in out.items()
            if count > limit
        ]
    return found


def _caps(
    org: Organisation, plan: Plan, after: Organisation, rulebook: Rulebook
) -> list[Violation]:
    members = {m.into: len(m.members) for m in plan.merges}
    entries = {e.unit: e for e in plan.leadership}
    deadline = date.fromisoformat(rulebook.excess_deadline)
    found = []
    listed: Counter[str] = Counter()
    for merge in plan.merges:
        if merge.into not in entries:
            found.append(
                Violation(
                    "leadership",
                    merge.into,
                    f"the merged unit {merge.into} has no leadership entry",
                )
            )
    for unit in after.units:
        cap = unit_cap(after, unit.id, rulebook, members.get(unit.id, 1))
        if cap.value is None or unit.deputies <= cap.value:
            continue
        excess = unit.deputies - cap.value
        if not _may_exceed(org, rulebook, unit, members):
            found.append(
                Violation(
                    "deputy_cap",
                    unit.id,
                    f"{unit.id} has {unit.deputies} deputies, above its cap "
                    f"of {cap.value} ({cap.rule})",
                )
            )
            continue
        entry = entries.get(unit.id)
        reduce_by = _date(entry.reduce_by) if entry else None
        if (
            entry is None
            or entry.excess != excess
            or reduce_by is None
            or reduce_by > deadline
        ):
            found.append(
                Violation(
                    "deputy_excess",
                    unit.id,
                    f"{unit.id} has {unit.deputies} deputies, {excess} "
                    f"above its cap of {cap.value}; its leadership entry "
                    f"must list excess {excess} with a reduce_by date no "
                    f"later than {rulebook.excess_deadline}",
                )
            )
        else:
            listed[unit.kind] += excess
    before = {p.kind: p for p in pooled_caps(org, rulebook)}
    for pool in pooled_caps(after, rulebook, members):
        if pool.deputies - listed[pool.kind] <= pool.cap:
            continue
        old = before.get(pool.kind)
        kept = (
            old is not None
            and old.excess > 0
            and pool.deputies <= old.deputies
        )
        found.append(
            Violation(
                "deputy_pooled",
                None,
                f"{pool.deputies} deputies in {pool.units} {pool.kind} "
                f"units, {listed[pool.kind]} of them listed as excess: "
                f"above the pooled cap ({pool.rule})",
                "warning" if kept else "error",
            )
        )
    for pair in child_parent_violations(after, rulebook):
        child = org.unit_by_id.get(pair.child)
        parent = org.unit_by_id.get(pair.parent)
        kept = (
            child is not None
            and parent is not None
            and child.parent == parent.id
            and pair.child_deputies <= child.deputies
            and pair.parent_deputies >= parent.deputies
        )
        found.append(
            Violation(
                "deputy_child",
                pair.child,
                pair.rule,
                "warning" if kept else "error",
            )
        )
    return found


def _may_exceed(
    org: Organisation,
    rulebook: Rulebook,
    unit: Unit,
    members: Mapping[str, int],
) -> bool:
    """A merged unit, or one already above its cap that the plan kept."""
    if unit.id in members:
        return True
    old = org.unit_by_id.get(unit.id)
    if old is None or unit.deputies > old.deputies:
        return False
    cap = unit_cap(org, old.id, rulebook).value
    return cap is not None and old.deputies > cap


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def target_violations(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    after: Organisation,
) -> list[Violation]:
    """The targets and minimum sizes ``after`` misses (semantics section 5).

    ``max_units``, ``min_cut.*`` and ``min_staff``; each violation's
    ``amount`` says by how much (units or posts too many, units deeper
    than the layers allowed, staff missing), so a heuristic can tell
    whether a step brings the targets closer.

    Parameters
    ----------
    org
        The organisation before (for the cuts).
    scenario
        Targets, scope and locks.
    rulebook
        The rulebook's ``max_units`` and minimum staff.
    after
        The organisation after a plan.

    Returns
    -------
    list of Violation
        Units outside the scope (or locked) below their minimum size come
        as warnings.
    """
    return [
        *_targets(org, scenario, rulebook, after),
        *_min_staff(org, scenario, rulebook, after),
    ]


def _targets(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    after: Organisation,
) -> list[Violation]:
    limits = unit_limits(scenario, rulebook)
    counts = Counter(u.kind for u in after.units)
    found = [
        Violation(
            "max_units",
            None,
            f"{counts[kind]} units of kind {kind} after the plan, at most "
            f"{limit} allowed",
            amount=counts[kind] - limit,
        )
        for kind, limit in limits.items()
        if counts[kind] > limit
    ]
    first = metrics(org, rulebook)
    last = metrics(after, rulebook)
    for target, fraction in scenario.targets.min_cut.items():
        key = "quota" if target == "staff" else target
        old, new = getattr(first, key), getattr(last, key)
        limit = old - required_cut(fraction, old)
        # Too many layers count by the units below the allowed depth, so
        # that each fold on a deepest path shows progress.
        amount = (
            sum(d > limit for d in depths(after).values())
            if target == "layers"
            else new - limit
        )
        if new > limit:
            found.append(
                Violation(
                    f"min_cut.{target}",
                    None,
                    f"{target.replace('_', ' ')}: {new} after the plan, "
                    f"{old} before; a cut of {fraction:.0%} needs at most "
                    f"{limit}",
                    amount=amount,
                )
            )
    return found


def unit_limits(scenario: Scenario, rulebook: Rulebook) -> dict[str, int]:
    """The most units of each kind: the rulebook's ``max_units`` for kinds
    in scope, replaced by the scenario's own ``targets.max_units``."""
    limits = {
        kind: rulebook.max_units[kind]
        for kind in scenario.scope.kinds
        if kind in rulebook.max_units
    }
    limits.update(scenario.targets.max_units)
    return limits


def required_cut(fraction: float, before: int) -> int:
    """``ceil(fraction * before)``, robust to float noise (0.15 * 20)."""
    return math.ceil(round(fraction * before, 9))


def _min_staff(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    after: Organisation,
) -> list[Violation]:
    locked = {u.id for u in org.units if u.locked} | set(scenario.locks)
    found = []
    for unit in after.units:
        rules = rulebook.kinds.get(unit.kind)
        if rules is None or rules.min_staff is None:
            continue
        if unit.quota >= rules.min_staff:
            continue
        forced = unit.kind in scenario.scope.kinds and unit.id not in locked
        found.append(
            Violation(
                "min_staff",
                unit.id,
                f"{unit.id} has a quota of {unit.quota} after the plan, "
                f"below the minimum of {rules.min_staff} for a "
                f"{rules.label_en}",
                "error" if forced else "warning",
                rules.min_staff - unit.quota,
            )
        )
    return found


def _objective(
    org: Organisation, scenario: Scenario, plan: Plan
) -> list[Violation]:
    terms = objective_terms(org, scenario, plan)
    value = objective_value(terms, scenario.weights)
    found = []
    if plan.objective is not None and (
        abs(plan.objective - value) > OBJECTIVE_TOLERANCE
    ):
        found.append(
            Violation(
                "objective",
                None,
                f"the plan's objective is {plan.objective:g}; recomputed "
                f"it is {value:g}",
            )
        )
    for name, claimed in plan.objective_terms.items():
        if name in terms and abs(claimed - terms[name]) > OBJECTIVE_TOLERANCE:
            found.append(
                Violation(
                    "objective",
                    None,
                    f"the plan's objective term {name} is {claimed:g}; "
                    f"recomputed it is {terms[name]:g}",
                )
            )
    return found
