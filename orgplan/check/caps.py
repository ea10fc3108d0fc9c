"""Deputy caps on the organisation after (docs/semantics.md section 4).

The caps are :mod:`orgplan.semantics.caps`'s; who may stay above them,
and the pairs the input already had, :mod:`orgplan.semantics.
leadership`'s. Judged on the structure and leadership, before the
staffing stage.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from orgplan.check.violation import Violation
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.rules import Rulebook
from orgplan.semantics.caps import (
    child_parent_violations,
    pooled_caps,
    unit_cap,
)
from orgplan.semantics.leadership import kept_pair, may_exceed


def caps(
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
                Violation.of(
                    "leadership",
                    merge.into,
                    "check_no_leadership",
                    unit=merge.into,
                )
            )
    for unit in after.units:
        cap = unit_cap(after, unit.id, rulebook, members.get(unit.id, 1))
        if cap.value is None or unit.deputies <= cap.value:
            continue
        excess = unit.deputies - cap.value
        if not may_exceed(org, rulebook, unit, members):
            found.append(
                Violation.of(
                    "deputy_cap",
                    unit.id,
                    "check_deputy_cap",
                    unit=unit.id,
                    deputies=unit.deputies,
                    cap=cap.value,
                    rule=cap.words,
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
                Violation.of(
                    "deputy_excess",
                    unit.id,
                    "check_deputy_excess",
                    unit=unit.id,
                    deputies=unit.deputies,
                    excess=excess,
                    cap=cap.value,
                    deadline=rulebook.excess_deadline,
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
            Violation.of(
                "deputy_pooled",
                None,
                "check_deputy_pooled",
                severity="warning" if kept else "error",
                deputies=pool.deputies,
                units=pool.units,
                kind=pool.kind,
                listed=listed[pool.kind],
                rule=pool.words,
            )
        )
    for pair in child_parent_violations(after, rulebook):
        kept = kept_pair(
            org,
            pair.child,
            pair.parent,
            pair.child_deputies,
            pair.parent_deputies,
        )
        found.append(
            Violation.of(
                "deputy_child",
                pair.child,
                "check_words",
                severity="warning" if kept else "error",
                words=pair.words,
            )
        )
    return found


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
