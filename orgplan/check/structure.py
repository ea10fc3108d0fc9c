"""The organisation after as a whole: units_after, tree, functions.

docs/semantics.md sections 2 and 5: ``units_after`` as apply gives it, a
tree of parents, and a function with one owner before has exactly one
after (one already shared keeps at least one and gains none).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from orgplan.check.violation import Violation
from orgplan.model import Organisation, Unit


def units_after(
    claimed: tuple[Unit, ...], applied: tuple[Unit, ...]
) -> list[Violation]:
    if claimed == applied:
        return []
    if [u.id for u in claimed] != [u.id for u in applied]:
        missing = sorted({u.id for u in applied} - {u.id for u in claimed})
        extra = sorted({u.id for u in claimed} - {u.id for u in applied})
        none = {"key": "check_none"}
        if not (missing or extra):
            return [
                Violation.of("units_after", None, "check_units_after_order")
            ]
        return [
            Violation.of(
                "units_after",
                None,
                "check_units_after_list",
                missing=missing or none,
                extra=extra or none,
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
                Violation.of(
                    "units_after",
                    mine.id,
                    "check_units_after_fields",
                    unit=mine.id,
                    fields=fields,
                )
            )
    return found


def tree(after: Organisation) -> list[Violation]:
    found = []
    units = after.unit_by_id
    for unit in after.units:
        if unit.parent is not None and unit.parent not in units:
            found.append(
                Violation.of(
                    "tree",
                    unit.id,
                    "check_tree_parent",
                    unit=unit.id,
                    parent=unit.parent,
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
                Violation.of("tree", unit.id, "check_tree_cycle", unit=unit.id)
            )
    return found


def function_owners(org: Organisation, after: Organisation) -> list[Violation]:
    before = _owners(org.units)
    now = _owners(after.units)
    found = []
    for code, count in before.items():
        owners = now[code]
        if owners == 0:
            problem = "check_function_orphan"
        elif count == 1 and owners > 1:
            problem = "check_function_owners"
        elif owners > count:
            problem = "check_function_more"
        else:
            continue
        found.append(
            Violation.of(
                "function_owner",
                None,
                problem,
                code=code,
                n=owners,
                before=count,
            )
        )
    return found


def _owners(units: Iterable[Unit]) -> Counter[str]:
    return Counter(code for u in units for code in set(u.functions))
