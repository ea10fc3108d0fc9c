"""The scenario's targets as numbers (docs/semantics.md section 5).

``required_cut`` is the one rounding of a cut fraction every method
uses (the CP-SAT model once rounded ``0.07 * 100`` up to 8 while the
checker asked for 7, so a plan the checker accepted was "infeasible").
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from orgplan.graph import Metrics, depths, metrics
from orgplan.i18n import message
from orgplan.model import Organisation
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.coherence import CoherencePolicy, stranded_units
from orgplan.semantics.scope import (
    free_units,
    locked_units,
    may_fold,
    undersized_by,
)

# Digits a cut's product is rounded to before the ceiling: float noise
# (0.07 * 100 = 7.000000000000001) must not ask for one unit more.
_DIGITS = 9


def required_cut(fraction: float, before: int) -> int:
    """``ceil(fraction * before)``, robust to float noise (15% of 20 is
    3, 7% of 100 is 7)."""
    return math.ceil(round(fraction * before, _DIGITS))


def cut_limit(fraction: float, before: int) -> int:
    """The most allowed after a cut of ``fraction`` from ``before``."""
    return before - required_cut(fraction, before)


def cut_floor(fraction: float, before: int) -> int:
    """The fewest allowed after a cut of at most ``fraction``:
    ``before - floor(fraction * before)`` (70% of 161 allows 112 cut,
    so 49 at least), robust to float noise like :func:`required_cut`."""
    return before - math.floor(round(fraction * before, _DIGITS))


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


def unit_minimums(scenario: Scenario) -> dict[str, int]:
    """The fewest units of each kind (``targets.min_units``; equal to
    :func:`unit_limits` it asks for an exact count, as a province's
    2025 target of communes and wards did)."""
    return {k: n for k, n in scenario.targets.min_units.items() if n > 0}


def structural_cuts(scenario: Scenario) -> dict[str, float]:
    """The ``min_cut`` targets the structure decides (``staff`` is met by
    the staffing stage's quota rule)."""
    return {t: f for t, f in scenario.targets.min_cut.items() if t != "staff"}


@dataclass(frozen=True)
class Shortfall:
    """A target or minimum size the organisation after misses.

    ``amount`` says by how much (units or posts too many, units deeper
    than the layers allowed, staff missing), so that a heuristic sees a
    step bring it closer; ``forced`` is false for a unit below its
    minimum that the plan may not touch (locked or outside the scope).
    """

    rule: str
    unit: str | None
    message: str
    amount: int
    forced: bool = True
    # ``message`` as a catalogue message, for either language.
    words: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def of(
        cls,
        rule: str,
        unit: str | None,
        amount: int,
        forced: bool,
        key: str,
        /,
        **fields: Any,
    ) -> Shortfall:
        words = {"key": key, **fields}
        return cls(rule, unit, message(words), amount, forced, words)


def shortfalls(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    after: Organisation,
) -> list[Shortfall]:
    """The ``max_units``, ``min_units``, ``min_cut.*``, ``max_cut.*`` and
    ``min_staff`` that ``after`` misses (semantics section 5); ``org`` is the
    organisation before."""
    return [
        *_targets(org, scenario, rulebook, after),
        *_min_staff(org, scenario, rulebook, after),
    ]


def _targets(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    after: Organisation,
) -> list[Shortfall]:
    limits = unit_limits(scenario, rulebook)
    counts = Counter(u.kind for u in after.units)
    found = [
        Shortfall.of(
            "max_units",
            None,
            counts[kind] - limit,
            True,
            "shortfall_max_units",
            n=counts[kind],
            kind=_kind(rulebook, kind),
            limit=limit,
        )
        for kind, limit in limits.items()
        if counts[kind] > limit
    ]
    found += [
        Shortfall.of(
            "min_units",
            None,
            least - counts[kind],
            True,
            "shortfall_min_units",
            n=counts[kind],
            kind=_kind(rulebook, kind),
            least=least,
        )
        for kind, least in unit_minimums(scenario).items()
        if counts[kind] < least
    ]
    if scenario.targets.max_cut or scenario.targets.min_cut:
        # Measuring a whole organisation costs seconds at 50,000 units.
        first = metrics(org, rulebook)
        last = first if after is org else metrics(after, rulebook)
        found += _cuts(scenario, first, last, after)
    return found


def _cuts(
    scenario: Scenario, first: Metrics, last: Metrics, after: Organisation
) -> list[Shortfall]:
    """The ``max_cut.*`` and ``min_cut.*`` that ``after`` misses, by
    the metrics before (``first``) and after (``last``)."""
    found = []
    for target, fraction in scenario.targets.max_cut.items():
        old, new = getattr(first, target), getattr(last, target)
        floor = cut_floor(fraction, old)
        if new < floor:
            found.append(
                Shortfall.of(
                    f"max_cut.{target}",
                    None,
                    floor - new,
                    True,
                    "shortfall_max_cut",
                    target={"key": f"shortfall_{target}"},
                    new=new,
                    old=old,
                    fraction=fraction,
                    floor=floor,
                )
            )
    for target, fraction in scenario.targets.min_cut.items():
        key = "quota" if target == "staff" else target
        old, new = getattr(first, key), getattr(last, key)
        limit = cut_limit(fraction, old)
        # Too many layers count by the units below the allowed depth, so
        # that each fold on a deepest path shows progress.
        amount = (
            sum(d > limit for d in depths(after).values())
            if target == "layers"
            else new - limit
        )
        if new > limit:
            found.append(
                Shortfall.of(
                    f"min_cut.{target}",
                    None,
                    amount,
                    True,
                    "shortfall_min_cut",
                    target={"key": f"shortfall_{target}"},
                    new=new,
                    old=old,
                    fraction=fraction,
                    limit=limit,
                )
            )
    return found


def minimum_binds(
    org: Organisation, scenario: Scenario, rulebook: Rulebook
) -> frozenset[str]:
    """The units a plan must bring to their kind's ``min_staff``.

    The free units (:func:`~orgplan.semantics.scope.free_units`), less
    those the rules leave no coherent way to grow: below the minimum, no
    related sibling to merge with (:func:`~orgplan.semantics.coherence.
    stranded_units`) and no fold into the parent: not allowed, its parent
    locked, or its parent itself a stranded unit that must fold (a unit
    receiving a fold may not fold: docs/semantics.md section 1; a chi cục
    of 3 folds into its department and its division of 3 goes with it).
    Such a unit stays as it is and the plan lists it, as a warning, for
    the committee to decide (widen ``scope.min_similarity`` or
    ``allow_pairs``, allow folds, or keep it): docs/semantics.md
    section 5.
    """
    free = free_units(org, scenario)
    policy = CoherencePolicy.from_scenario(scenario, rulebook)
    stranded = [
        uid
        for uid in stranded_units(org, policy, rulebook, scenario.scope.kinds)
        if uid in free
    ]
    locked = locked_units(org, scenario)
    folding = {
        uid
        for uid in stranded
        if may_fold(org, rulebook, scenario, uid, locked)
    }
    stuck = {
        uid
        for uid in stranded
        if uid not in folding or org.unit(uid).parent in folding
    }
    return frozenset(free - stuck)


def _min_staff(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    after: Organisation,
) -> list[Shortfall]:
    binds = minimum_binds(org, scenario, rulebook)
    found = []
    for unit in after.units:
        short = undersized_by(rulebook, unit)
        if not short:
            continue
        rules = rulebook.kind(unit.kind)
        found.append(
            Shortfall.of(
                "min_staff",
                unit.id,
                short,
                unit.id in binds,
                "shortfall_min_staff",
                unit=unit.id,
                quota=unit.quota,
                minimum=rules.min_staff,
                kind=rules.labels,
            )
        )
    return found


def _kind(rulebook: Rulebook, kind: str) -> dict[str, str]:
    """A kind as the target names it: its code in English (as the
    scenario writes it), its label in Vietnamese."""
    rules = rulebook.kinds.get(kind)
    return {"en": kind, "vi": rules.label_vi if rules else kind}
