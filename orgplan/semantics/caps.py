"""Deputy caps (docs/semantics.md section 4): the one definition.

The optimiser, the greedy, the solver-free checker and ``orgplan stats``
all ask the same questions -- how many deputies may this unit have, and
which units have more -- so the answers live here, each with the rule in
plain words and the source the rulebook cites for it. The CP-SAT model
builds the same numbers as expressions from :func:`cap_basis`,
:func:`quota_fraction` and :func:`average_fraction`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from orgplan.model import Organisation, Unit
from orgplan.rules import KindRules, Rulebook
from orgplan.semantics.staff import civil_servant_count

# Rulebook key of the 50% rule, for its source and for ``Cap.binding``.
HALF_OF_QUOTA = "deputy_fraction_of_quota"
# The certainty tags a source starts with: "[F] ", "[F]/[U] "...
_TAGS = re.compile(r"^(\[[^\]]*\]/?)+\s*")

_BASIS_WORDS = {
    "staff": "staff",
    "civil_servants": "civil servants",
    "child_units": "units under it",
}


@dataclass(frozen=True)
class Cap:
    """The effective deputy cap of one unit.

    ``value`` is ``None`` when no rule caps the unit. ``binding`` lists the
    rulebook keys whose number equals ``value`` (the per-unit steps, the
    50% rule, or both); ``rule`` says the same in plain words.
    """

    value: int | None
    rule: str
    binding: tuple[str, ...] = ()


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


@dataclass(frozen=True)
class PooledCap:
    """The province-wide average cap of one kind (e.g. departments)."""

    kind: str
    units: int
    deputies: int
    cap: int
    excess: int
    rule: str


@dataclass(frozen=True)
class ChildParentViolation:
    """A unit with more deputies than its direct parent."""

    child: str
    parent: str
    child_deputies: int
    parent_deputies: int
    rule: str


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
    return Fraction(rulebook.deputy_fraction_of_quota).limit_denominator(1000)


def average_fraction(kind: KindRules) -> Fraction:
    """A kind's ``deputy_average`` as an exact fraction."""
    return Fraction(kind.deputy_average or 0).limit_denominator(1000)


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
    parts: list[tuple[int, str, str]] = []
    kind = rulebook.kinds.get(unit.kind)
    if kind is not None:
        size = cap_size(org, unit, kind, rulebook)
        step_cap = kind.deputy_cap(size, members)
        if step_cap is not None:
            key = f"kinds.{unit.kind}.deputy_steps"
            merged = f", formed from {members} units" if members > 1 else ""
            words = (
                f"{kind.label_en} with {size} "
                f"{_BASIS_WORDS[kind.deputy_basis]}{merged}: at most "
                f"{_deputies(step_cap)} ({_cite(rulebook, key)})"
            )
            parts.append((step_cap, key, words))
    half = quota_cap(rulebook, unit.quota)
    if half is not None:
        fraction = rulebook.deputy_fraction_of_quota
        words = (
            f"at most {fraction:.0%} of a quota of {unit.quota}: "
            f"{_deputies(half)} ({_cite(rulebook, HALF_OF_QUOTA)})"
        )
        parts.append((half, HALF_OF_QUOTA, words))
    if not parts:
        return Cap(None, f"no deputy cap for a {unit.kind}")
    value = min(cap for cap, _, _ in parts)
    binding = [(key, words) for cap, key, words in parts if cap == value]
    return Cap(
        value,
        "; ".join(words for _, words in binding),
        tuple(key for key, _ in binding),
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
        cap = unit_cap(org, unit.id, rulebook, members.get(unit.id, 1))
        if cap.value is not None and unit.deputies > cap.value:
            found.append(
                OverCap(
                    unit=unit.id,
                    name=unit.name,
                    kind=unit.kind,
                    deputies=unit.deputies,
                    cap=cap.value,
                    excess=unit.deputies - cap.value,
                    rule=cap.rule,
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
        extra = f" + {bonus} for merged units" if bonus else ""
        rule = (
            f"{len(units)} {kind.label_en} units, on average at most "
            f"{kind.deputy_average:g} deputies each{extra}: at most "
            f"{_deputies(cap)} in all "
            f"({_cite(rulebook, f'kinds.{kind_id}.deputy_average')})"
        )
        pooled.append(
            PooledCap(
                kind=kind_id,
                units=len(units),
                deputies=deputies,
                cap=cap,
                excess=max(0, deputies - cap),
                rule=rule,
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
    source = _cite(rulebook, "child_deputies_le_parent")
    found = []
    for child in org.units:
        parent = org.unit_by_id.get(child.parent or "")
        if parent is None or child.deputies <= parent.deputies:
            continue
        if not child_rule_applies(rulebook, child.kind, parent.kind):
            continue
        found.append(
            ChildParentViolation(
                child=child.id,
                parent=parent.id,
                child_deputies=child.deputies,
                parent_deputies=parent.deputies,
                rule=(
                    f"{child.id} has {_deputies(child.deputies)}, more "
                    f"than its parent {parent.id} with "
                    f"{parent.deputies} ({source})"
                ),
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


def _deputies(n: int) -> str:
    return f"{n} deput{'y' if n == 1 else 'ies'}"


def _cite(rulebook: Rulebook, key: str) -> str:
    """The short citation of a rulebook number: its source up to the colon.

    "[F] Decree 370/2025: 1 deputy if..." gives "Decree 370/2025".
    """
    source = rulebook.source(key)
    if not source:
        return "rulebook " + key
    return _TAGS.sub("", source).split(":", 1)[0].strip()
