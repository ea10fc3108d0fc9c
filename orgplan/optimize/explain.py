"""Say why a scenario has no plan, in plain words.

Cheap checks first (a target below what locks keep, a must-merge pair that
may not merge...), each with a precise message. When they pass and CP-SAT
still finds no plan, the model is rebuilt with every constraint group
switched on by an assumption literal; CP-SAT's sufficient assumptions for
infeasibility, shrunk one by one, name a small conflicting set.
"""

from __future__ import annotations

from typing import Any, NoReturn

from ortools.sat.python import cp_model

from orgplan.errors import InfeasibleScenario
from orgplan.model import Organisation
from orgplan.optimize.candidates import find_candidates
from orgplan.optimize.model import Group, build_model
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.scope import free_units, locked_units
from orgplan.semantics.targets import required_cut, unit_limits

# Each trial solve while shrinking a conflict set is short: small models.
_TRIAL_SECONDS = 2.0
# Shrinking tries each member of a conflict set; beyond this, keep it.
_MAX_SHRINK = 25
# A conflict in words: a constraint group's own text or a catalogue
# message (orgplan.i18n.message), as InfeasibleScenario holds them.
Conflict = str | dict[str, Any]


def preflight(
    org: Organisation, scenario: Scenario, rulebook: Rulebook
) -> None:
    """Reject scenarios whose conflict shows without solving.

    Raises
    ------
    orgplan.errors.InfeasibleScenario
        With one line per conflict found.
    """
    conflicts = [
        *_pair_conflicts(org, scenario, rulebook),
        *_count_conflicts(org, scenario, rulebook),
    ]
    if (
        scenario.targets.min_cut.get("staff", 0) > 0
        and scenario.staffing.quota == "keep"
    ):
        conflicts.append({"key": "conflict_staff_keep"})
    if conflicts:
        raise InfeasibleScenario(scenario.name, conflicts)


def explain_infeasible(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    time_limit_s: float,
) -> NoReturn:
    """Find a small set of conflicting requirements and raise it.

    Raises
    ------
    orgplan.errors.InfeasibleScenario
        Always; ``conflicts`` holds one plain sentence per requirement.
    """
    cand = find_candidates(org, scenario, rulebook, with_locked=True)
    built = build_model(org, scenario, rulebook, cand, explain=True)
    groups = [g for g in built.groups.values() if g.literal is not None]
    literals = {g.literal.Index(): g for g in groups if g.literal is not None}
    core = _core(built.model, list(literals), time_limit_s)
    if core is None:
        raise InfeasibleScenario(
            scenario.name,
            [
                {
                    "key": "conflict_not_singled",
                    "groups": [g.words for g in groups],
                }
            ],
        )
    raise InfeasibleScenario(
        scenario.name, _sentences([literals[i] for i in core])
    )


def _sentences(groups: list[Group]) -> list[Conflict]:
    """One sentence per group; many locks make one sentence."""
    locks = sorted(
        g.key.removeprefix("lock.")
        for g in groups
        if g.key.startswith("lock.")
    )
    if len(locks) <= 2:
        return [g.words for g in groups]
    rest = [g.words for g in groups if not g.key.startswith("lock.")]
    return [
        {"key": "conflict_locks", "n": len(locks), "units": locks},
        *rest,
    ]


def _core(
    model: cp_model.CpModel, indices: list[int], time_limit_s: float
) -> list[int] | None:
    first = _infeasible(model, indices, time_limit_s)
    if first is None:
        return None
    core = sorted(first)
    if len(core) > _MAX_SHRINK:
        return core
    for index in list(core):
        rest = [i for i in core if i != index]
        if _infeasible(model, rest, _TRIAL_SECONDS) is not None:
            core = rest
    return core


def _infeasible(
    model: cp_model.CpModel, indices: list[int], seconds: float
) -> list[int] | None:
    """The assumptions behind infeasibility, ``None`` if not proven."""
    trial = model.clone()
    trial.clear_assumptions()
    trial.proto.assumptions.extend(indices)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.catch_sigint_signal = False
    trial.clear_objective()
    if solver.solve(trial) != cp_model.INFEASIBLE:
        return None
    return list(solver.sufficient_assumptions_for_infeasibility())


def _pair_conflicts(
    org: Organisation, scenario: Scenario, rulebook: Rulebook
) -> list[Conflict]:
    locked = locked_units(org, scenario)
    found: list[Conflict] = []
    for group in scenario.must_merge:
        joined = " + ".join(group)
        for uid in group:
            unit = org.unit_by_id.get(uid)
            if unit is None:
                found.append({"key": "conflict_must_unknown", "unit": uid})
            elif uid in locked:
                found.append(
                    {
                        "key": "conflict_must_locked",
                        "unit": uid,
                        "name": unit.name,
                        "group": joined,
                    }
                )
            elif unit.kind not in scenario.scope.kinds:
                found.append(
                    {
                        "key": "conflict_must_scope",
                        "unit": uid,
                        "name": unit.name,
                        "kind": unit.kind,
                    }
                )
        if len(group) > scenario.scope.max_group_size:
            found.append(
                {
                    "key": "conflict_group_size",
                    "group": joined,
                    "n": len(group),
                    "most": scenario.scope.max_group_size,
                }
            )
    must = [set(g) for g in scenario.must_merge]
    for pair in scenario.must_not_merge:
        if any(set(pair) <= g for g in must):
            found.append({"key": "conflict_both", "units": list(pair)})
    return found


def _count_conflicts(
    org: Organisation, scenario: Scenario, rulebook: Rulebook
) -> list[Conflict]:
    locked = locked_units(org, scenario)
    found: list[Conflict] = []
    for kind, n in unit_limits(scenario, rulebook).items():
        units = [u for u in org.units if u.kind == kind]
        if len(units) <= n:
            continue
        target = {"kind": kind, "n": n, "have": len(units)}
        if kind not in scenario.scope.kinds:
            found.append({"key": "conflict_max_units_scope", **target})
            continue
        kept = [u.id for u in units if u.id in locked]
        if len(kept) > n:
            found.append(
                {
                    "key": "conflict_max_units_locked",
                    **target,
                    "locked": len(kept),
                    "units": kept,
                }
            )
        elif not scenario.scope.allow_merge and not (
            scenario.scope.allow_fold or scenario.scope.allow_split
        ):
            found.append({"key": "conflict_max_units_off", **target})
    cut = scenario.targets.min_cut.get("units", 0)
    movable = free_units(org, scenario)
    fewer = required_cut(cut, len(org.units))
    if len(movable) < fewer:
        found.append(
            {
                "key": "conflict_min_cut_units",
                "n": fewer,
                "movable": len(movable),
            }
        )
    return found
