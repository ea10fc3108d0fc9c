"""Staff arithmetic shared by apply, the solvers and the checker.

docs/semantics.md section 2: quotas and staff categories are shared by
largest remainder when a unit is split, and summed when units combine.
The civil-servant count defined here is the size the deputy caps of
kinds with ``deputy_basis: civil_servants`` are keyed to (section 4).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from orgplan.model import STAFF_CATEGORIES, Unit
from orgplan.rules import Rulebook

StaffSplit = dict[str, int]


def largest_remainder(total: int, weights: Sequence[int]) -> list[int]:
    """Split ``total`` in proportion to ``weights``; the shares add up.

    Each share is the floor of its exact value; the units left over go to
    the largest remainders (ties: first). All-zero weights count as equal.
    """
    if not weights:
        return []
    if sum(weights) <= 0:
        weights = [1] * len(weights)
    whole = sum(weights)
    shares = [total * w // whole for w in weights]
    order = sorted(
        range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i)
    )
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def split_shares(
    pool: Mapping[str, int], counts: Sequence[int]
) -> list[StaffSplit]:
    """The staff by category each part of a split takes.

    Each part takes its ``count`` from what is left of ``pool``, in
    proportion to it (largest remainder), so that every category adds up
    exactly over the parts (docs/semantics.md section 2).
    """
    left = dict(pool)
    categories = list(left)
    shares = []
    for count in counts:
        taken = largest_remainder(count, [left[c] for c in categories])
        share = dict(zip(categories, taken, strict=True))
        for category in categories:
            left[category] -= share[category]
        shares.append(share)
    return shares


def default_category(rulebook: Rulebook, kind: str) -> str:
    """The category a kind's staff count in when the data has no split."""
    rules = rulebook.kinds.get(kind)
    return rules.default_category if rules else "civil_servant"


def staff_split(unit: Unit, rulebook: Rulebook) -> StaffSplit:
    """``unit``'s staff by category (all in its kind's default category
    when the data gives no split)."""
    return dict(unit.staff_by_category(default_category(rulebook, unit.kind)))


def civil_servant_count(unit: Unit, rulebook: Rulebook) -> int:
    """The civil servants of ``unit``: the size of a civil-servant basis.

    The ``civil_servants`` column when the unit has a staff split (0 is
    a real 0; input checks make a split add up to ``actual``), else its
    ``actual`` staff when its kind's default category is civil servant,
    else 0. The count adds up when units combine (apply sums categories)
    and a split part takes its largest-remainder share of it, so the
    optimiser can sum members' counts and find what apply finds.
    """
    return staff_split(unit, rulebook).get("civil_servant", 0)


def combine(
    mine: Mapping[str, int] | None,
    default: str,
    actual: int,
    staff: Mapping[str, int],
    explicit: bool,
) -> StaffSplit | None:
    """The staff split of a unit after it takes ``staff`` (by category).

    ``mine`` is its split (``None`` while all its ``actual`` staff are in
    its kind's ``default`` category with no split in the data);
    ``explicit`` when ``staff`` comes from a unit with a split. The result
    stays ``None`` while everything is still in the default category
    (docs/semantics.md section 2: category splits add up).
    """
    if mine is None and not explicit and set(staff) <= {default}:
        return None
    have = mine if mine is not None else {default: actual}
    return {
        c: have.get(c, 0) + staff.get(c, 0)
        for c in STAFF_CATEGORIES
        if have.get(c, 0) + staff.get(c, 0) or c in have
    }
