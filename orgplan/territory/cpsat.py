"""A small CP-SAT model of a territorial merger, built from the pieces.

:func:`territory_model` is what the optimiser's territorial step needs in
one call: assignment variables over candidate pairs, every unit in one
group, exactly ``count`` groups, groups connected
(:mod:`~orgplan.territory.contiguity`), the kind of each new unit by rule
with exact counts per kind, and the weighted objective terms of
:mod:`~orgplan.territory.objective`. :func:`quick_plan` solves it alone
(the p-median of location theory with contiguity), used to measure the
approach against the naive baseline before the optimiser is wired.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from orgplan.rules import Rulebook
from orgplan.scenario import TerritoryWeights, Weights
from orgplan.territory import objective as obj
from orgplan.territory.contiguity import add_connected_groups
from orgplan.territory.greedy import greedy_groups
from orgplan.territory.places import Place
from orgplan.territory.standards import kind_weight

# The scenario's defaults (orgplan.scenario.TerritoryWeights, and the
# two territorial terms of orgplan.scenario.Weights).
DEFAULT_WEIGHTS = {
    **TerritoryWeights().model_dump(),
    "compactness": Weights().compactness,
    "district_crossings": Weights().district_crossings,
    "standard_gap": Weights().standard_gap,
}
# Objective coefficients are integers: weights x terms x this.
OBJECTIVE_SCALE = 100_000


def candidate_pairs(
    places: Mapping[str, Place], nearest: int = 12
) -> list[tuple[str, str]]:
    """``(u, r)``: each unit may join itself or its ``nearest`` closest."""
    ids = sorted(places)
    pairs = set()
    for u in ids:
        pairs.add((u, u))
        others = sorted(
            (obj.distance_km(places[u], places[r]), r) for r in ids if r != u
        )
        for _, r in others[:nearest]:
            pairs.add((u, r))
            pairs.add((r, r))
    return sorted(pairs)


def add_kind_rule(
    model: cp_model.CpModel,
    x: Mapping[tuple[str, str], cp_model.IntVar],
    places: Mapping[str, Place],
    rulebook: Rulebook,
) -> dict[str, cp_model.IntVar]:
    """``ward[r]``: r's group becomes a ward (urban share at threshold).

    The linear form of :func:`orgplan.territory.standards.new_kind`:
    Σ weight × (urban − share) ≥ 0 over the members (weight: people,
    :func:`~orgplan.territory.standards.kind_weight`), x 100 so the
    share needs no rounding.
    """
    share = round(rulebook.territorial.ward_urban_share * 100)
    ward = {}
    for r in sorted({r for _, r in x}):
        terms = [
            kind_weight(places[u]) * (100 * places[u].urban - share) * var
            for (u, rr), var in x.items()
            if rr == r
        ]
        w = model.new_bool_var(f"ward[{r}]")
        model.add_implication(w, x[r, r])
        surplus = sum(terms)
        model.add(surplus >= 0).only_enforce_if(w)
        model.add(surplus <= -1).only_enforce_if([w.Not(), x[r, r]])
        ward[r] = w
    return ward


@dataclass
class TerritoryModel:
    model: cp_model.CpModel
    x: dict[tuple[str, str], cp_model.IntVar]
    ward: dict[str, cp_model.IntVar]
    terms: dict[str, obj.Term] = field(default_factory=dict)


def territory_model(
    places: Mapping[str, Place],
    graph: Mapping[str, set[str]],
    count: int,
    rulebook: Rulebook,
    *,
    wards: int | None = None,
    weights: Mapping[str, float] | None = None,
    province_class: str = "other",
    max_group_size: int = 8,
    nearest: int = 12,
    extra_pairs: Iterable[tuple[str, str]] = (),
) -> TerritoryModel:
    """The model: ``count`` connected groups (``wards`` of them wards).

    Each unit may join its ``nearest`` closest units' groups, and any
    ``extra_pairs`` (those of a starting map, so that it stays feasible).
    """
    weights = {**DEFAULT_WEIGHTS, **(weights or {})}
    model = cp_model.CpModel()
    pairs = set(candidate_pairs(places, nearest))
    for u, r in extra_pairs:
        pairs |= {(u, r), (r, r)}
    x = {(u, r): model.new_bool_var(f"x[{u},{r}]") for u, r in sorted(pairs)}
    for u in places:
        model.add_exactly_one(v for (uu, _), v in x.items() if uu == u)
    reps = sorted({r for _, r in x})
    model.add(sum(x[r, r] for r in reps) == count)
    for r in reps:
        model.add(
            sum(v for (_, rr), v in x.items() if rr == r)
            <= max_group_size * x[r, r]
        )
    add_connected_groups(model, x, graph, max_size=max_group_size)
    ward = add_kind_rule(model, x, places, rulebook)
    if wards is not None:
        model.add(sum(ward.values()) == wards)
    builders = {
        "compactness": lambda: obj.compactness_term(x, places),
        "population_balance": lambda: obj.population_balance_term(
            model, x, places, count
        ),
        "area_balance": lambda: obj.area_balance_term(model, x, places, count),
        "size_balance": lambda: obj.size_balance_term(model, x, places, count),
        "district_crossings": lambda: obj.district_crossings_term(x, places),
        "standard_gap": lambda: obj.standard_gap_term(
            model, x, places, rulebook, province_class
        ),
    }
    # Only weighted terms enter the model (their variables cost time).
    terms = {
        name: build() for name, build in builders.items() if weights[name]
    }
    # One integer objective: each term at its weight per unit of value.
    model.minimize(
        sum(
            round(OBJECTIVE_SCALE * weights[name] / term.scale) * term.expr
            for name, term in terms.items()
        )
    )
    return TerritoryModel(model, x, ward, terms)


def add_hint(built: TerritoryModel, assignment: Mapping[str, str]) -> None:
    """Hint ``assignment`` (unit -> representative) to the solver.

    Pairs outside the candidates are left unhinted; the solver repairs.
    """
    for (u, r), var in built.x.items():
        built.model.add_hint(var, assignment.get(u) == r)


@dataclass(frozen=True)
class QuickResult:
    groups: dict[str, list[str]]  # representative -> members
    wards: tuple[str, ...]  # representatives whose unit is a ward
    status: str
    objective: float
    bound: float
    seconds: float
    terms: dict[str, float]

    def assignment(self) -> dict[str, str]:
        return {u: r for r, g in self.groups.items() for u in g}

    @property
    def gap(self) -> float:
        if not self.objective:
            return 0.0
        return abs(self.objective - self.bound) / abs(self.objective)


def quick_plan(
    places: Mapping[str, Place],
    graph: Mapping[str, set[str]],
    count: int,
    rulebook: Rulebook,
    *,
    time_limit_s: float = 10.0,
    workers: int = 2,
    seed: int = 1,
    **options,
) -> QuickResult:
    """Solve :func:`territory_model` alone.

    ``hint`` (unit -> representative) is the first map the solver
    improves on; by default the greedy connected map of
    :func:`~orgplan.territory.greedy.greedy_groups`.

    Raises
    ------
    ValueError
        When the solver finds no plan within the time limit (infeasible
        or too short a limit; the message says which).
    """
    hint = options.pop("hint", None)
    if hint is None:
        # A connected map of the right count, for the solver to improve.
        hint = greedy_groups(
            places,
            graph,
            count,
            options.get("max_group_size", 8),
            options.get("wards"),
            rulebook.territorial.ward_urban_share,
        )
    province_class = options.get("province_class", "other")
    start = time.perf_counter()
    built = territory_model(
        places, graph, count, rulebook, extra_pairs=hint.items(), **options
    )
    first = _complete_hint(built, hint, time_limit_s / 3, workers, seed)
    left = max(1.0, time_limit_s - (time.perf_counter() - start))
    solver = _solver(left, workers, seed)
    status = solver.solve(built.model)
    seconds = time.perf_counter() - start
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        found: cp_model.CpSolver = solver
        name = solver.status_name(status)
    elif first is not None:
        # No better plan in time: the start keeps every rule.
        found, name = first, "START"
    else:
        raise ValueError(
            f"no territorial plan: {solver.status_name(status)} after "
            f"{seconds:.1f} s"
        )
    groups: dict[str, list[str]] = {}
    for (u, r), var in built.x.items():
        if found.value(var):
            groups.setdefault(r, []).append(u)
    scale = OBJECTIVE_SCALE
    return QuickResult(
        groups={r: sorted(g) for r, g in sorted(groups.items())},
        wards=tuple(r for r, w in built.ward.items() if found.value(w)),
        status=name,
        objective=found.objective_value / scale,
        bound=solver.best_objective_bound / scale,
        seconds=seconds,
        terms=term_values(groups, places, rulebook, province_class),
    )


def _complete_hint(
    built: TerritoryModel,
    hint: Mapping[str, str],
    time_limit_s: float,
    workers: int,
    seed: int,
) -> cp_model.CpSolver | None:
    """Hint every variable: the flows and deviations of ``hint`` too.

    A hint on the assignment alone leaves CP-SAT to find flows, kinds and
    deviations itself, which on a loaded machine can take longer than
    the time limit; solving a copy with the assignment fixed gives them
    at once. Returns that solve (its values answer for ``built``'s
    variables: a copy keeps the indices), or ``None`` when the hint
    breaks a rule (it then stays a hint on ``x`` only).
    """
    fixed = built.model.clone()
    for (u, r), var in built.x.items():
        same = fixed.get_int_var_from_proto_index(var.index)
        fixed.add(same == int(hint.get(u) == r))
    solver = _solver(time_limit_s, workers, seed)
    if solver.solve(fixed) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        add_hint(built, hint)
        return None
    for index in range(len(built.model.proto.variables)):
        var = built.model.get_int_var_from_proto_index(index)
        built.model.add_hint(var, solver.value(var))
    return solver


def _solver(time_limit_s: float, workers: int, seed: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit_s
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    return solver


def term_values(
    groups: Mapping[str, list[str]],
    places: Mapping[str, Place],
    rulebook: Rulebook,
    province_class: str = "other",
) -> dict[str, float]:
    """Every territorial term of ``groups``, recomputed without a solver."""
    return {
        "compactness": obj.compactness(groups, places),
        "population_balance": obj.population_balance(groups, places),
        "area_balance": obj.area_balance(groups, places),
        "size_balance": obj.size_balance(groups, places),
        "district_crossings": obj.district_crossings(groups, places),
        "standard_gap": obj.standard_gap(
            groups, places, rulebook, province_class
        ),
    }
