"""Connected groups in CP-SAT: a flow formulation (the check without a
solver is :mod:`orgplan.territory.connected`).

A group is the set of units u with ``x[u, r] = 1`` for one representative
r (``x[r, r] = 1`` when r survives). :func:`add_connected_groups` makes
every group connected in the neighbour graph, whatever its shape, with the
flow formulation of Shirabe (2005, "A model of contiguity for spatial unit
allocation", Geographical Analysis 37(1)) in the rooted form Validi,
Buchanan and Lykhovyd (2022, "Imposing contiguity constraints in political
districting models", Operations Research 70(2)) call SHIR: the
representative is the only source of its group's flow, every other member
consumes one unit, and flow only runs along edges between members. A
member reached by no such path would have no inflow, so the group is
connected; a connected group routes its flow along a spanning tree.

Variables grow with the candidate pairs, not with units squared: root r's
flow lives on the edges between the units that may join r, so a sparse
``x`` (each unit offered its few nearest representatives) keeps a
province of a few hundred communes small.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ortools.sat.python import cp_model

# The solver-free half, re-exported where callers found it.
from orgplan.territory.connected import (
    components,
    disconnected_groups,
    symmetric,
)

__all__ = [
    "add_connected_groups",
    "components",
    "disconnected_groups",
    "symmetric",
]


def add_connected_groups(
    model: cp_model.CpModel,
    x: Mapping[tuple[str, str], cp_model.IntVar],
    graph: Mapping[str, Iterable[str]],
    max_size: int | None = None,
) -> dict[tuple[str, str, str], cp_model.IntVar]:
    """Constrain every group of ``x`` to be connected in ``graph``.

    Parameters
    ----------
    model
        The CP-SAT model to add to.
    x
        Boolean variables ``x[u, r]``: unit u joins the group of
        representative r. Every r that appears must have ``x[r, r]``.
        Assigning each unit to one group is the caller's constraint.
    graph
        Neighbours by unit id (made symmetric here).
    max_size
        An upper bound on group sizes, which tightens the flow capacity.

    Returns
    -------
    dict
        The flow variables by ``(r, i, j)`` (flow of r's group on i→j).
    """
    adjacency = symmetric(graph)
    members: dict[str, list[str]] = {}
    for u, r in x:
        members.setdefault(r, []).append(u)
    flows: dict[tuple[str, str, str], cp_model.IntVar] = {}
    for r, group in members.items():
        if (r, r) not in x:
            raise ValueError(f"representative {r!r} has no x[{r!r}, {r!r}]")
        inside = set(group)
        for u in inside - {r}:
            # Nobody joins a representative that does not survive.
            model.add_implication(x[u, r], x[r, r])
        size = len(inside) if max_size is None else min(len(inside), max_size)
        cap = size - 1
        inflow: dict[str, list[cp_model.IntVar]] = {u: [] for u in inside}
        outflow: dict[str, list[cp_model.IntVar]] = {u: [] for u in inside}
        for i in sorted(inside):
            for j in sorted(adjacency.get(i, ()) & inside):
                if j == r or cap <= 0:
                    continue  # no flow back into the source
                f = model.new_int_var(0, cap, f"flow[{r},{i},{j}]")
                model.add(f <= cap * x[i, r])
                model.add(f <= cap * x[j, r])
                flows[r, i, j] = f
                outflow[i].append(f)
                inflow[j].append(f)
        reach = _hops_from(r, inside, adjacency, cap)
        for j in inside - {r}:
            model.add(sum(inflow[j]) - sum(outflow[j]) == x[j, r])
            if j not in reach:
                # Too far from r (in hops inside r's candidates) for a
                # group of at most max_size.
                model.add(x[j, r] == 0)
                continue
            # Valid cut: a member other than r has a neighbour in the
            # group; it propagates far better than the flow alone.
            near = sorted(adjacency.get(j, ()) & inside)
            model.add(x[j, r] <= sum(x[v, r] for v in near))
    return flows


def _hops_from(
    root: str, inside: set[str], adjacency: Mapping[str, set[str]], hops: int
) -> set[str]:
    """Units of ``inside`` within ``hops`` edges of ``root`` inside it."""
    seen = {root}
    frontier = {root}
    for _ in range(hops):
        frontier = {
            v for u in frontier for v in adjacency.get(u, ()) if v in inside
        } - seen
        seen |= frontier
    return seen
