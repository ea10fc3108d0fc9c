"""The greedy plan as a complete CP-SAT solution (the warm start).

A hint of the decisions alone leaves CP-SAT to guess the auxiliary
variables (caps, deputies, intermediate units, the absolute gaps of
imbalance), and a partial hint is often repaired into a worse plan or
dropped. So the plan's decisions are fixed in a copy of the model, that
copy is solved (every other variable is then an exact function of the
decisions, up to the deputies the child rule lets a unit give up), and
the full assignment becomes the hint: CP-SAT starts from a solution
whose objective is the greedy plan's.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from orgplan.optimize.candidates import Candidates
from orgplan.optimize.model import StructureModel
from orgplan.plan import Plan


def decision_values(
    built: StructureModel, cand: Candidates, plan: Plan
) -> dict[int, int]:
    """``plan``'s decisions as values of the model's decision variables.

    Keyed by variable index. A merge keeps its representative where the
    model allows it, else takes the member of best rank; a decision the
    model cannot express is left out (its units then keep their place).
    """
    chosen: set[tuple[str, str]] = set()
    for merge in plan.merges:
        members = [u for u in merge.members if u in cand.rank]
        if len(members) != len(merge.members):
            continue
        for rep in (merge.into, min(members, key=cand.rank.__getitem__)):
            if all((u, rep) in built.x for u in members):
                chosen.update((u, rep) for u in members)
                break
    grouped = {u for u, _ in chosen}
    folded = {f.unit for f in plan.flattened if f.unit in built.folds}
    split_choice: set[tuple[str, int]] = set()
    for split in plan.splits:
        wanted = {(p.to, tuple(p.functions)) for p in split.parts}
        for k, option in enumerate(cand.splits.get(split.unit, ())):
            if {(p.to, p.functions) for p in option.parts} == wanted:
                split_choice.add((split.unit, k))
    gone = folded | {u for u, _ in split_choice}
    values: dict[int, int] = {}
    for (u, r), var in built.x.items():
        if u in grouped:
            values[var.index] = int((u, r) in chosen)
        elif u not in gone:
            values[var.index] = int(u == r)
        else:
            values[var.index] = 0
    for w, var in built.folds.items():
        values[var.index] = int(w in folded)
    for key, var in built.splits.items():
        values[var.index] = int(key in split_choice)
    return values


def fixed_copy(
    built: StructureModel, values: dict[int, int]
) -> cp_model.CpModel:
    """A copy of the model with the decision variables fixed."""
    trial = built.model.clone()
    trial.proto.clear_solution_hint()
    for index, value in values.items():
        domain = trial.proto.variables[index].domain
        domain.clear()
        domain.extend([value, value])
    return trial


def hint_decisions(built: StructureModel, values: dict[int, int]) -> None:
    """Hint the decisions only (when no completion was found)."""
    built.model.proto.clear_solution_hint()
    hint = built.model.proto.solution_hint
    hint.vars.extend(list(values))
    hint.values.extend(list(values.values()))


def hint_all(built: StructureModel, solution: list[int]) -> None:
    """Hint every variable of the model: a complete solution."""
    built.model.proto.clear_solution_hint()
    hint = built.model.proto.solution_hint
    hint.vars.extend(range(len(solution)))
    hint.values.extend(solution)
