"""Deputy caps (docs/semantics.md section 4): the one definition.

The optimiser, the greedy, the solver-free checker and ``orgplan stats``
all ask the same questions -- how many deputies may this unit have, and
which units have more -- so the answers live here, each with the rule in
plain words and the source the rulebook cites for it. The CP-SAT model
builds the same numbers as expressions from :func:`cap_basis`,
:func:`quota_fraction` and :func:`average_fraction`.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from orgplan.i18n import cited, message
from orgplan.model import Organisation, Unit
from orgplan.rules import KindRules, Rulebook
from orgplan.semantics.staff import civil_servant_count

# Rulebook key of the 50% rule, for its source and for ``Cap.binding``.
HALF_OF_QUOTA = "deputy_fraction_of_quota"
# A rule in words as a catalogue message ({"key": "cap_...", ...}, see
# orgplan.i18n.message); ``rule`` is its English text.
Words = Mapping[str, Any]


@dataclass(frozen=True)
class Cap:
    """The effective deputy cap of one unit.

    ``value`` is ``None`` when no rule caps the unit. ``binding`` lists the
    rulebook keys whose number equals ``value`` (the per-unit steps, the
    50% rule, or both); ``rule`` says the same in plain words, ``words``
    as a message in either language.
    """

    value: int | None
    rule: str
    binding: tuple[str, ...] = ()
    words: Words = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class OverCap:
    """A unit with more deputies than its effective cap."""

    unit: str
    name: str
    kind: str
    deputies: int
    cap: int
    excess: int
    rule: str
    words: Words = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class PooledCap:
    """The province-wide average cap of one kind (e.g. departments)."""

    kind: str
    units: int
    deputies: int
    cap: int
    excess: int
    rule: str
    words: Words = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class ChildParentViolation:
    """A unit with more deputies than its direct parent."""

    child: str
    parent: str
    child_deputies: int
    parent_deputies: int
    rule: str
    words: Words = field(default_factory=dict, compare=False)


def cap_size(
    org: Organisation, unit: Unit, kind: KindRules, rulebook: Rulebook
) -> int:
    """The size a kind's deputy steps are keyed to (its ``deputy_basis``).

    ``staff``: ``actual``; ``child_units``: children in ``org``;
    ``civil_servants``: :func:`~orgplan.semantics.staff.
    civil_servant_count` (the ``civil_servants`` column when the unit has
    a staff split, 0 being a real 0).
    """
    if kind.deputy_basis == "child_units":
        return len(org.children(unit.id))
    if kind.deputy_basis == "civil_servants":
        return civil_servant_count(unit, rulebook)
    return unit.actual


def quota_fraction(rulebook: Rulebook) -> Fraction:
    """``deputy_fraction_of_quota`` as an exact fraction (0.5 -> 1/2)."""
    return _exact(rulebook.deputy_fraction_of_quota)


def average_fraction(kind: KindRules) -> Fraction:
    """A kind's ``deputy_average`` as an exact fraction."""
    return _exact(kind.deputy_average or 0)


@functools.lru_cache(maxsize=64)
def _exact(value: float) -> Fraction:
    """A rulebook's fraction as the nearest fraction with a denominator
    up to 1000 (asked once per unit: cached)."""
    return Fraction(value).limit_denominator(1000)


def quota_cap(rulebook: Rulebook, quota: int) -> int | None:
    """The 50% rule: at most ``floor(fraction * quota)`` deputies; no cap
    from it when the quota is 0."""
    if quota <= 0:
        return None
    return math.floor(quota_fraction(rulebook) * quota)


def effective_cap(
    rulebook: Rulebook,
    kind_id: str,
    size: int,
    quota: int,
    members: int = 1,
) -> int | None:
    """The minimum of the kind's step cap (with its merge bonus) at
    ``size`` and the 50% rule at ``quota``; ``None`` when neither caps.

    :func:`unit_cap` gives the same number with the rule in words; the
    greedy's running totals call this with its own sizes.
    """
    caps = []
    kind = rulebook.kinds.get(kind_id)
    if kind is not None:
        step = kind.deputy_cap(size, members)
        if step is not None:
            caps.append(step)
    half = quota_cap(rulebook, quota)
    if half is not None:
        caps.append(half)
    return min(caps) if caps else None


def unit_cap(
    org: Organisation, unit_id: str, rulebook: Rulebook, members: int = 1
) -> Cap:
    """The effective deputy cap of one unit.

    The minimum of the kind's per-unit step cap (by its ``deputy_basis``,
    with the merge bonus for a unit formed from ``members`` units) and the
    rule that deputies are at most a fraction (50%) of the unit's quota.

    Parameters
    ----------
    org
        The organisation the unit belongs to (children count for
        sub-departments).
    unit_id
        The unit's id.
    rulebook
        The rules to apply.
    members
        How many units were merged to form this one (1 when not merged).

    Returns
    -------
    Cap
        The cap, the rule in plain words with its source, and which
        rulebook keys bind.

    Raises
    ------
    KeyError
        If ``unit_id`` is not a unit of ``org``.
    """
    unit = org.unit(unit_id)
    parts: list[tuple[int, str, Words]] = []
    kind = rulebook.kinds.get(unit.kind)
    if kind is not None:
        size = cap_size(org, unit, kind, rulebook)
        step_cap = kind.deputy_cap(size, members)
        if step_cap is not None:
            key = f"kinds.{unit.kind}.deputy_steps"
            steps = {
                "key": "cap_steps_merged" if members > 1 else "cap_steps",
                "kind": kind.labels,
                "size": size,
                "basis": {"key": f"cap_basis_{kind.deputy_basis}"},
                "members": members,
                "deputies": _deputies(step_cap),
                "source": cited(rulebook.sources, key),
            }
            parts.append((step_cap, key, steps))
    half = quota_cap(rulebook, unit.quota)
    if half is not None:
        words = {
            "key": "cap_half",
            "fraction": rulebook.deputy_fraction_of_quota,
            "quota": unit.quota,
            "deputies": _deputies(half),
            "source": cited(rulebook.sources, HALF_OF_QUOTA),
        }
        parts.append((half, HALF_OF_QUOTA, words))
    if not parts:
        none = {"key": "cap_none", "kind": unit.kind}
        return Cap(None, message(none), words=none)
    value = min(cap for cap, _, _ in parts)
    binding = [(key, words) for cap, key, words in parts if cap == value]
    # At most two rules bind: the steps and the 50% rule.
    joined = (
        binding[0][1]
        if len(binding) == 1
        else {
            "key": "cap_both",
            "first": binding[0][1],
            "second": binding[1][1],
        }
    )
    return Cap(
        value,
        "; ".join(message(words) for _, words in binding),
        tuple(key for key, _ in binding),
        joined,
    )


def over_cap(
    org: Organisation,
    rulebook: Rulebook,
    members: Mapping[str, int] | None = None,
) -> list[OverCap]:
    """Units whose deputies exceed their effective cap, in input order.

    Parameters
    ----------
    org
        The organisation to check.
    rulebook
        The rules to apply.
    members
        For units formed by a merge, how many units formed them (their
        merge bonus); units not listed count as not merged.

    Returns
    -------
    list of OverCap
        One entry per unit above its cap.
    """
    members = members or {}
    found = []
    for unit in org.units:
        merged = members.get(unit.id, 1)
        # The number first, the rule in words only for a unit above it.
        kind = rulebook.kinds.get(unit.kind)
        size = 0 if kind is None else cap_size(org, unit, kind, rulebook)
        value = effective_cap(rulebook, unit.kind, size, unit.quota, merged)
        if value is None or unit.deputies <= value:
            continue
        # unit_cap gives the same number (effective_cap), in words.
        cap = unit_cap(org, unit.id, rulebook, merged)
        found.append(
            OverCap(
                unit=unit.id,
                name=unit.name,
                kind=unit.kind,
                deputies=unit.deputies,
                cap=value,
                excess=unit.deputies - value,
                rule=cap.rule,
                words=cap.words,
            )
        )
    return found


def pooled_caps(
    org: Organisation,
    rulebook: Rulebook,
    members: Mapping[str, int] | None = None,
) -> list[PooledCap]:
    """The average caps of kinds with ``deputy_average``, one per kind.

    The deputies of all units of the kind together are at most
    ``floor(deputy_average * count)`` plus the merge bonus of each unit
    formed by a merge. Kinds with no unit in ``org`` are left out.

    Parameters
    ----------
    org
        The organisation to check.
    rulebook
        The rules to apply.
    members
        For units formed by a merge, how many units formed them.

    Returns
    -------
    list of PooledCap
        In the rulebook's kind order; ``excess`` is 0 when within the cap.
    """
    members = members or {}
    pooled = []
    for kind_id, kind in rulebook.kinds.items():
        if kind.deputy_average is None:
            continue
        units = [u for u in org.units if u.kind == kind_id]
        if not units:
            continue
        bonus = sum(kind.bonus(members.get(u.id, 1)) for u in units)
        cap = math.floor(average_fraction(kind) * len(units)) + bonus
        deputies = sum(u.deputies for u in units)
        words = {
            "key": "cap_pooled_bonus" if bonus else "cap_pooled",
            "units": len(units),
            "kind": kind.labels,
            "average": kind.deputy_average,
            "bonus": bonus,
            "deputies": _deputies(cap),
            "source": cited(
                rulebook.sources, f"kinds.{kind_id}.deputy_average"
            ),
        }
        pooled.append(
            PooledCap(
                kind=kind_id,
                units=len(units),
                deputies=deputies,
                cap=cap,
                excess=max(0, deputies - cap),
                rule=message(words),
                words=words,
            )
        )
    return pooled


def child_parent_violations(
    org: Organisation, rulebook: Rulebook
) -> list[ChildParentViolation]:
    """Units with more deputies than their direct parent.

    Only pairs where both kinds have a per-unit cap count (a division under
    a department, not a department under the province), and only when the
    rulebook's ``child_deputies_le_parent`` is on.

    Parameters
    ----------
    org
        The organisation to check.
    rulebook
        The rules to apply.

    Returns
    -------
    list of ChildParentViolation
        In input order of the child; a parent missing from ``org`` is
        skipped (the input checks report it).
    """
    if not rulebook.child_deputies_le_parent:
        return []
    source = cited(rulebook.sources, "child_deputies_le_parent")
    found = []
    for child in org.units:
        parent = org.unit_by_id.get(child.parent or "")
        if parent is None or child.deputies <= parent.deputies:
            continue
        if not child_rule_applies(rulebook, child.kind, parent.kind):
            continue
        words = {
            "key": "cap_child",
            "child": child.id,
            "deputies": _deputies(child.deputies),
            "parent": parent.id,
            "parent_deputies": parent.deputies,
            "source": source,
        }
        found.append(
            ChildParentViolation(
                child=child.id,
                parent=parent.id,
                child_deputies=child.deputies,
                parent_deputies=parent.deputies,
                rule=message(words),
                words=words,
            )
        )
    return found


def has_steps(rulebook: Rulebook, kind_id: str) -> bool:
    """Whether a kind has a per-unit deputy cap (its ``deputy_steps``)."""
    kind = rulebook.kinds.get(kind_id)
    return kind is not None and bool(kind.deputy_steps)


def child_rule_applies(
    rulebook: Rulebook, child_kind: str, parent_kind: str
) -> bool:
    """Whether a child of ``child_kind`` may have no more deputies than a
    parent of ``parent_kind``: ``child_deputies_le_parent`` is on and
    both kinds have a per-unit cap (a division under a department, not a
    department under the province)."""
    return (
        rulebook.child_deputies_le_parent
        and has_steps(rulebook, child_kind)
        and has_steps(rulebook, parent_kind)
    )


def _deputies(n: int) -> Words:
    return {"key": f"cap_deputies_{'one' if n == 1 else 'many'}", "n": n}
