"""A complete territorial plan to start from: the connected greedy map.

When every kind in scope is territorial (communes, wards, provinces under
``merge_within: adjacent``), the greedy baseline is
:func:`~orgplan.territory.greedy.greedy_groups`: neighbouring groups
agglomerate, cheapest first, until the count the targets ask for is
reached, every group connected by construction. CP-SAT starts from it
(its pairs are candidates, :mod:`orgplan.territory.candidates`), so that
a province of hundreds of communes has a complete plan meeting the exact
counts before the search begins. The plan is measured by the checker's
own functions (:mod:`orgplan.semantics`) and given up (``None``: the
general greedy runs instead) when it misses a target it cannot see (a
cut of focal points, leaders or staff); scenarios with must or
must-not pairs keep the general greedy.
"""

from __future__ import annotations

import time

from orgplan.model import Organisation
from orgplan.plan import Merge, Plan, SolveStatus
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.after import apply_structure
from orgplan.semantics.naming import name_plan
from orgplan.semantics.scope import free_units
from orgplan.semantics.targets import shortfalls, unit_limits, unit_minimums
from orgplan.semantics.terms import objective_value, terms_of
from orgplan.territory.greedy import greedy_groups
from orgplan.territory.places import (
    TERRITORIAL_KINDS,
    place_graph,
    places_from_organisation,
    territorial_kinds,
)


def start_groups(
    org: Organisation, scenario: Scenario, rulebook: Rulebook
) -> dict[str, str] | None:
    """unit -> representative of the connected greedy map, or ``None``
    when the scenario is not purely territorial or the map cannot reach
    the count."""
    scope = scenario.scope
    kinds = territorial_kinds(scope)
    if (
        not kinds
        or not set(scope.kinds) <= set(TERRITORIAL_KINDS)
        or not scope.allow_merge
        or scenario.must_merge
        or scenario.must_not_merge
    ):
        return None
    free = free_units(org, scenario)
    places = {
        u: p
        for u, p in places_from_organisation(org, kinds).items()
        if u in free
    }
    if not places:
        return None
    limits = unit_limits(scenario, rulebook)
    least = unit_minimums(scenario)
    # The units that stay as they are count towards their kind's target.
    fixed = {
        k: sum(u.kind == k and u.id not in places for u in org.units)
        for k in kinds
    }
    have = {k: sum(p.kind == k for p in places.values()) for k in kinds}
    count = sum(limits.get(k, fixed[k] + have[k]) - fixed[k] for k in kinds)
    count = max(count, sum(least.get(k, 0) - fixed[k] for k in kinds))
    count = min(max(count, 1), len(places))
    wards = least.get("ward", 0) - fixed.get("ward", 0)
    most = limits.get("ward")
    try:
        return greedy_groups(
            places,
            place_graph(places),
            count,
            scope.max_group_size,
            wards if wards > 0 else None,
            rulebook.territorial.ward_urban_share,
            None if most is None else most - fixed.get("ward", 0),
        )
    except ValueError:
        return None


def territorial_start(
    org: Organisation, scenario: Scenario, rulebook: Rulebook
) -> Plan | None:
    """The connected greedy map as a plan (method ``greedy``), measured
    and named as the greedy baseline's plans are, or ``None`` (see the
    module docstring)."""
    started = time.perf_counter()
    groups = start_groups(org, scenario, rulebook)
    if groups is None:
        return None
    members: dict[str, list[str]] = {}
    for u, rep in groups.items():
        members.setdefault(rep, []).append(u)
    order = {u.id: i for i, u in enumerate(org.units)}
    plan = Plan(
        scenario=scenario.name,
        status=SolveStatus.FEASIBLE,
        method="greedy",
        mode="reproducible",
        merges=tuple(
            Merge(
                into=rep,
                members=(rep, *sorted(set(m) - {rep}, key=order.__getitem__)),
                name=org.unit(rep).name,
            )
            for rep, m in sorted(members.items(), key=lambda i: order[i[0]])
            if len(m) > 1
        ),
    )
    # Leadership and reasons as the greedy gives them (imported here:
    # the greedy package imports this module).
    from orgplan.optimize.greedy.leadership import plan_leadership
    from orgplan.optimize.reasons import merge_reasons

    plan = plan.model_copy(
        update={"leadership": plan_leadership(org, scenario, rulebook, plan)}
    )
    plan = name_plan(org, plan, scenario.names, rulebook)
    after = apply_structure(org, plan, rulebook)
    missed = [
        s
        for s in shortfalls(org, scenario, rulebook, after)
        if s.forced and s.rule != "min_cut.staff"
    ]
    if missed:
        return None
    terms = terms_of(org, rulebook, plan, after)
    leaders = {e.unit: e.heads + e.deputies for e in plan.leadership}
    return plan.model_copy(
        update={
            "objective": objective_value(terms, scenario.weights),
            "objective_terms": terms,
            "merges": tuple(
                m.model_copy(
                    update={
                        "reasons": merge_reasons(
                            org, scenario, rulebook, m.members, leaders[m.into]
                        )
                    }
                )
                for m in plan.merges
            ),
            "solve_seconds": round(time.perf_counter() - started, 3),
        }
    )
