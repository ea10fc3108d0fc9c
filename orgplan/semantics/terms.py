"""The objective's terms, each defined once (docs/semantics.md section 6).

:data:`REGISTRY` maps each term's name to its :class:`Term`: its value on
the organisation after a plan's structure and the plan. The checker
(:func:`objective_terms`) and the plans' reported terms read these
values; the solvers keep their own fast forms of each term, keyed by the
same names and tested against these values (tests/optimize/
test_semantics_agreement.py): the CP-SAT model's expression builders
(:data:`orgplan.optimize.families.terms.BUILDERS`) and the greedy's
running totals (``_Live.total`` in :mod:`orgplan.optimize.greedy.live`),
in the manner of PyVRP's single ``CostEvaluator``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from orgplan.graph import metrics
from orgplan.model import Organisation
from orgplan.plan import Metrics, Plan
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario, Weights
from orgplan.semantics.after import apply_structure
from orgplan.similarity import function_set, jaccard, similarity
from orgplan.territory.plan_terms import (
    plan_compactness,
    plan_district_crossings,
    plan_standard_gap,
)

# CP-SAT works on integers: weights carry two decimals (x100) and the
# fractional incoherence costs three more (x COST_SCALE).
WEIGHT_SCALE = 100
COST_SCALE = 1000
SCALE = WEIGHT_SCALE * COST_SCALE


@dataclass(frozen=True)
class Context:
    """What a term's value is computed from."""

    org: Organisation
    rulebook: Rulebook
    plan: Plan
    after: Organisation
    numbers: Metrics


@dataclass(frozen=True)
class Term:
    """One term: its name, what it counts, and its value."""

    name: str
    words: str
    value: Callable[[Context], float]
    structural: bool = True
    # Built in CP-SAT by the territorial family (families.territory), not
    # by families.terms.BUILDERS; 0 for a plan merging no territory.
    territorial: bool = False


def dissimilarity(sim: float) -> float:
    """The incoherence of a pair of the given similarity: ``1 - sim``."""
    return 1.0 - sim


def merge_cost(org: Organisation, member: str, into: str) -> float:
    """Incoherence of ``member`` joining ``into``."""
    return dissimilarity(similarity(org, member, into))


def part_cost(
    org: Organisation, functions: tuple[str, ...], receiver: str
) -> float:
    """Incoherence of a split part going to ``receiver``."""
    return dissimilarity(
        jaccard(
            function_set(org, functions),
            function_set(org, org.unit(receiver).functions),
        )
    )


def split_cost(
    org: Organisation, parts: Iterable[tuple[Sequence[str], str]]
) -> float:
    """Incoherence of a split: its parts' costs, each weighted by its
    share of the functions (docs/semantics.md section 6).

    ``parts`` are ``(functions, receiver)`` pairs. The weights add up to
    1, so dissolving a unit costs as much as one merge of it would when
    its parts fit their receivers as well as the unit fits its partner.
    """
    given = [(tuple(f), r) for f, r in parts]
    total = sum(len(f) for f, _ in given)
    if not total:
        return 0.0
    return sum(len(f) / total * part_cost(org, f, r) for f, r in given)


def participants(plan: Plan) -> dict[str, str]:
    """Units that take part in a decision, with what they do.

    Merge members, folded units, units receiving a folded unit and split
    units (docs/semantics.md section 1; receiving a split part is not a
    decision); the first decision named wins.
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


def _incoherence(c: Context) -> float:
    merges = sum(
        merge_cost(c.org, member, merge.into)
        for merge in c.plan.merges
        for member in merge.members
        if member != merge.into
    )
    parts = sum(
        split_cost(c.org, ((p.functions, p.to) for p in split.parts))
        for split in c.plan.splits
    )
    return merges + parts


REGISTRY: dict[str, Term] = {
    term.name: term
    for term in (
        Term(
            "focal_points",
            "units of focal-point kinds after",
            lambda c: c.numbers.focal_points,
        ),
        Term(
            "leaders",
            "heads and deputies after",
            lambda c: c.numbers.leaders,
        ),
        Term(
            "layers",
            "intermediate units after (a linear proxy of depth)",
            lambda c: c.numbers.intermediate_units,
        ),
        Term(
            "imbalance",
            "sum over units of |actual - quota| (input quotas)",
            lambda c: sum(abs(u.actual - u.quota) for u in c.after.units),
        ),
        Term(
            "incoherence",
            "1 - similarity of each merged member and split part",
            _incoherence,
        ),
        Term(
            "disruption",
            "units that take part in a decision",
            lambda c: len(participants(c.plan)),
        ),
        Term(
            "compactness",
            "km from each merged commune, ward or province to its "
            "representative",
            lambda c: plan_compactness(c.org, c.plan),
            territorial=True,
        ),
        Term(
            "district_crossings",
            "merged communes and wards outside their representative's old "
            "district",
            lambda c: plan_district_crossings(c.org, c.plan),
            territorial=True,
        ),
        Term(
            "standard_gap",
            "per cent below the area and population standards of merged "
            "communes, wards and provinces (not exempt)",
            lambda c: plan_standard_gap(c.org, c.rulebook, c.plan),
            territorial=True,
        ),
        Term(
            "transfers",
            "staff moved, each counted by its locality hops (at least 1)",
            lambda c: sum(
                t.count * max(1, t.hops or 0) for t in c.plan.transfers
            ),
            structural=False,
        ),
    )
}
# The terms the structure decides, then the staffing stage's, in the
# order reports show them.
STRUCTURAL_TERMS = tuple(
    n for n, t in REGISTRY.items() if t.structural and not t.territorial
)
TERRITORIAL_TERMS = tuple(n for n, t in REGISTRY.items() if t.territorial)
TERMS = tuple(REGISTRY)


def terms_of(
    org: Organisation, rulebook: Rulebook, plan: Plan, after: Organisation
) -> dict[str, float]:
    """Every term's value; ``after`` is the organisation after the plan's
    structure (:func:`orgplan.semantics.after.apply_structure`)."""
    context = Context(org, rulebook, plan, after, metrics(after, rulebook))
    return {name: float(t.value(context)) for name, t in REGISTRY.items()}


def objective_terms(
    org: Organisation, scenario: Scenario, plan: Plan
) -> dict[str, float]:
    """The unweighted terms of the objective (docs/semantics.md section 6).

    Structural terms are measured on :func:`~orgplan.semantics.after.
    apply_structure` of the plan; ``transfers`` sums ``count * max(1,
    hops)`` over the plan's transfers (a transfer without ``hops`` counts
    one hop).

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
        :func:`orgplan.semantics.defects.plan_defects`).
    """
    rulebook = scenario.rulebook()
    return terms_of(org, rulebook, plan, apply_structure(org, plan, rulebook))


def objective_value(terms: Mapping[str, float], weights: Weights) -> float:
    """``Σ weight * term`` over the terms, rounded to 2 decimals.

    Raises
    ------
    AttributeError
        If ``terms`` has a key that is not a weight's name.
    """
    return round(sum(getattr(weights, t) * v for t, v in terms.items()), 2)


def scaled_weight(weights: Weights, term: str) -> int:
    """A term's weight as CP-SAT's integer (two decimals kept)."""
    return round(getattr(weights, term) * WEIGHT_SCALE)
