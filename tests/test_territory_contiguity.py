"""Connected groups: the CP-SAT flow against a direct connectivity check."""

from __future__ import annotations

import itertools

import pytest
from ortools.sat.python import cp_model

from orgplan.territory.contiguity import (
    add_connected_groups,
    components,
    disconnected_groups,
)


def grid(width: int, height: int) -> dict[str, set[str]]:
    """A width x height grid, cells named 'ij', 4-neighbours one way."""
    g: dict[str, set[str]] = {
        f"{i}{j}": set() for i in range(width) for j in range(height)
    }
    for i, j in itertools.product(range(width), range(height)):
        if i + 1 < width:
            g[f"{i}{j}"].add(f"{i + 1}{j}")
        if j + 1 < height:
            g[f"{i}{j}"].add(f"{i}{j + 1}")
    return g


def partitions(items: list[str]):
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for p in partitions(rest):
        for k in range(len(p)):
            yield [*p[:k], [first, *p[k]], *p[k + 1 :]]
        yield [[first], *p]


def _solve(model: cp_model.CpModel) -> bool:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    return solver.solve(model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def _fixed_groups_feasible(
    graph: dict[str, set[str]], groups: dict[str, list[str]]
) -> bool:
    """Whether the flow admits exactly ``groups`` (x fixed).

    Pairs with a unit that is not a representative are left out: they are
    zero and the formulation adds nothing for them.
    """
    model = cp_model.CpModel()
    x = {
        (u, r): model.new_constant(int(u in groups[r]))
        for u in sorted(graph)
        for r in groups
    }
    add_connected_groups(model, x, graph)
    return _solve(model)


@pytest.mark.slow
def test_every_group_of_a_3x3_grid_feasible_iff_connected() -> None:
    # The constraints separate by representative, so checking every set S
    # with every root r in S covers every group of every partition.
    g = grid(3, 3)
    nodes = sorted(g)
    feasible_count = 0
    for mask in range(1, 2 ** len(nodes)):
        members = [n for k, n in enumerate(nodes) if mask >> k & 1]
        connected = len(components(members, g)) == 1
        for root in members:
            feasible = _fixed_groups_feasible(g, {root: members})
            assert feasible == connected, (root, members)
            feasible_count += feasible
    # 218 connected sets of cells in a 3x3 grid, times their sizes
    assert feasible_count > 0


@pytest.mark.slow
def test_every_rooted_partition_of_a_2x3_grid() -> None:
    g = grid(2, 3)
    nodes = sorted(g)
    checked = 0
    for parts in partitions(nodes):
        for roots in itertools.product(*parts):
            groups = dict(zip(roots, parts, strict=True))
            expected = not disconnected_groups(groups, g)
            assert _fixed_groups_feasible(g, groups) == expected, groups
            checked += 1
    assert checked == 1057  # idempotent maps on 6 elements


def _cheapest_groups(
    graph: dict[str, set[str]],
    cost: dict[tuple[str, str], int],
    p: int,
    connected: bool,
) -> dict[str, list[str]]:
    """The cheapest assignment to ``p`` representatives."""
    nodes = sorted(graph)
    model = cp_model.CpModel()
    x = {(u, r): model.new_bool_var(f"x{u}{r}") for u in nodes for r in nodes}
    for u in nodes:
        model.add_exactly_one(x[u, r] for r in nodes)
    model.add(sum(x[r, r] for r in nodes) == p)
    for u, r in x:
        model.add_implication(x[u, r], x[r, r])
    if connected:
        add_connected_groups(model, x, graph)
    model.minimize(sum(cost.get(k, 50) * v for k, v in x.items()))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 5
    assert solver.solve(model) == cp_model.OPTIMAL
    groups: dict[str, list[str]] = {}
    for (u, r), var in x.items():
        if solver.value(var):
            groups.setdefault(r, []).append(u)
    return groups


def test_the_constraint_binds_and_keeps_groups_connected() -> None:
    g = grid(3, 1)  # 00 - 10 - 20
    # 00 and 10 are the cheap representatives; 20 is cheapest with 00,
    # across 10: only the flow stops that.
    cost = {
        ("00", "00"): 0,
        ("10", "10"): 0,
        ("20", "00"): 0,
        ("20", "10"): 10,
    }
    loose = _cheapest_groups(g, cost, 2, connected=False)
    tight = _cheapest_groups(g, cost, 2, connected=True)
    assert disconnected_groups(loose, g) == {"00": [{"00"}, {"20"}]}
    assert tight == {"00": ["00"], "10": ["10", "20"]}


def test_disconnected_groups_names_the_components() -> None:
    g = grid(3, 1)  # 00 - 10 - 20
    bad = disconnected_groups({"00": ["00", "20"], "10": ["10"]}, g)
    assert bad == {"00": [{"00"}, {"20"}]}


def test_a_representative_without_its_own_variable_is_refused() -> None:
    model = cp_model.CpModel()
    x = {("a", "b"): model.new_bool_var("x")}
    with pytest.raises(ValueError, match="representative 'b'"):
        add_connected_groups(model, x, {"a": {"b"}})
