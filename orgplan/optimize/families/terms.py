"""The objective's terms as CP-SAT expressions (semantics section 6).

:data:`BUILDERS` has one builder per structural term of
:data:`orgplan.semantics.terms.REGISTRY`, each the expression whose value
on a solution equals the term's value on the organisation after (the
property tests compare them). Incoherence is scaled by
:data:`~orgplan.semantics.terms.COST_SCALE` to an integer.
"""

from __future__ import annotations

from collections.abc import Callable

from orgplan.optimize.families.base import Base, Expr, Lit
from orgplan.semantics.terms import (
    COST_SCALE,
    STRUCTURAL_TERMS,
    TERRITORIAL_TERMS,
    scaled_weight,
)
from orgplan.territory.objective import KM_SCALE
from orgplan.territory.plan_terms import GAP_SCALE

# Terms whose expression is already scaled: incoherence by COST_SCALE,
# compactness in 1/KM_SCALE km, the standards' gap in 1/GAP_SCALE %.
OWN_SCALE = {
    "incoherence": COST_SCALE,
    "compactness": KM_SCALE,
    "standard_gap": GAP_SCALE,
}


def _fixed(b: Base) -> list:
    return [u for u in b.org.units if u.id not in b.movable]


def focal_points(b: Base) -> Expr:
    """Surviving units of focal-point kinds."""
    kinds = b.rules.kinds
    return sum(1 for u in _fixed(b) if kinds[u.kind].focal_point) + sum(
        b.x[(uid, uid)]
        for uid in b.cand.movable
        if kinds[b.org.unit(uid).kind].focal_point
    )


def leaders(b: Base) -> Expr:
    """Heads and deputies after: fixed units' own, movable units' as
    the leadership family decides them."""
    return sum(u.leaders for u in _fixed(b)) + sum(
        lead.heads + lead.deputies for lead in b.lead.values()
    )


def layers(b: Base) -> Expr:
    """Intermediate units after (the hierarchy family's literals)."""
    return sum(b.inter.values())


def imbalance(b: Base) -> Expr:
    """``Σ |staff - quota|`` over the units after."""
    total: Expr = sum(
        abs(u.actual - u.quota) for u in _fixed(b) if u.id not in b.staff
    )
    for u in b.org.units:
        if u.id not in b.staff:
            continue
        gap = b.m.new_int_var(0, b.upper[u.id], f"imb[{u.id}]")
        b.m.add_abs_equality(gap, b.staff[u.id] - b.quota[u.id])
        total += gap
    return total


def incoherence(b: Base) -> Expr:
    """``Σ (1 - sim)`` of merged members and split parts, x COST_SCALE."""
    cand = b.cand
    return sum(
        round(cand.cost[pair] * COST_SCALE) * var
        for pair, var in b.x.items()
        if pair[0] != pair[1]
    ) + sum(
        round(option.incoherence * COST_SCALE) * b.o[(u, k)]
        for u, options in cand.splits.items()
        for k, option in enumerate(options)
    )


def disruption(b: Base) -> Expr:
    """Units that take part in a decision (receiving a split part is not
    one, semantics section 1). Not built (0) when its weight is 0."""
    if not b.scenario.weights.disruption:
        return 0
    cand = b.cand
    total: Expr = 0
    receivers = sorted(set(cand.folds.values()) - b.movable)
    for u in (*cand.movable, *receivers):
        acts: list[Lit] = [b.f[w] for w in b._folded_into(u)]
        if u in b.movable:
            acts += [1 - b.x[(u, u)], b.merged[u]]
        flag = b.m.new_bool_var(f"dis[{u}]")
        for act in acts:
            b.m.add(flag >= act)
        b.m.add(flag <= sum(acts))
        total += flag
    return total


def units(b: Base) -> Expr:
    """Units after (for ``min_cut.units``; not an objective term)."""
    return len(_fixed(b)) + sum(b.x[(u, u)] for u in b.cand.movable)


BUILDERS: dict[str, Callable[[Base], Expr]] = {
    "focal_points": focal_points,
    "leaders": leaders,
    "layers": layers,
    "imbalance": imbalance,
    "incoherence": incoherence,
    "disruption": disruption,
}
# Every structural term of the registry has its builder.
assert tuple(BUILDERS) == STRUCTURAL_TERMS


class Terms(Base):
    """The structural terms and the objective."""

    def terms(self) -> dict[str, Expr]:
        """Each term's expression by :data:`BUILDERS`, and ``units``."""
        built = {name: build(self) for name, build in BUILDERS.items()}
        # The territorial terms' builders live with the territorial
        # family (orgplan.optimize.families.territory).
        built.update(self.territorial_terms())
        built["units"] = units(self)
        return built

    def objective(self, terms: dict[str, Expr]) -> None:
        """Minimise ``Σ weight * term``, scaled to integers."""
        weights = self.scenario.weights
        total: Expr = 0
        for term in (*STRUCTURAL_TERMS, *TERRITORIAL_TERMS):
            # Incoherence costs and distances carry their own scale.
            scale = COST_SCALE // OWN_SCALE.get(term, 1)
            total += scaled_weight(weights, term) * scale * terms[term]
        self.m.minimize(total)
