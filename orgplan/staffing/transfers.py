"""Transfers: move surplus staff to deficit units at least cost.

The flow runs on counts per (unit, category), never per person, so its size
depends on the number of units, not on the roster. The network is::

    sender u --(movable staff of category c)--> (u, c)
    (u, c) --(an allowed arc, cost = hops or km)--> receiver v

with supply ``min(surplus, max_out_per_unit, movable)`` at each sender and
demand ``deficit`` at each receiver. OR-Tools' ``SimpleMinCostFlow`` finds
the largest number of moves and, among those, the cheapest.

A receiver takes a category when ``same_category`` is off, or when it
already employs that category (or the category is the default of its
kind): quotas are not split by category, so keeping the category means
that a unit of civil servants is not sent public employees.

Who moves, with a roster: staff only (never heads, deputies or people
marked ``excluded``), first those whose ``field`` the receiver has the
fewest people in, then the youngest (most years to retirement), then by id.
With field ranks (:func:`orgplan.staffing.roster.field_ranks`) the staff's
field comes before all that: the receiver's own field first, then a
related one (the function taxonomy), then a field that cannot be judged,
then another field; :func:`with_field_costs` makes the flow prefer
senders that have such movers, and :func:`cross_field_moves` lists the
moves that still go across fields, for the plan to report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from ortools.graph.python import min_cost_flow

from orgplan.model import STAFF_CATEGORIES
from orgplan.plan import Mover, Transfer
from orgplan.staffing.distances import Arcs
from orgplan.staffing.roster import CROSS_FIELD, Roster, group_rows


@dataclass(frozen=True, eq=False)
class Flows:
    """Staff moved, one row per (sender, receiver, category).

    ``arc`` is the row of the :class:`Arcs` the move used (for its hops or
    kilometres).
    """

    sender: np.ndarray
    receiver: np.ndarray
    category: np.ndarray
    count: np.ndarray
    arc: np.ndarray

    def __len__(self) -> int:
        return len(self.count)


def solve_flows(
    supply: np.ndarray,
    demand: np.ndarray,
    movable: np.ndarray,
    accepts: np.ndarray,
    arcs: Arcs,
) -> Flows:
    """The most moves at the least cost (a min-cost maximum flow).

    Parameters
    ----------
    supply, demand
        Staff each unit may send / needs (one entry per unit).
    movable
        Units x categories: staff of each category a unit may send.
    accepts
        Units x categories: whether a unit takes staff of a category.
    arcs
        The allowed sender -> receiver moves and their costs.

    Returns
    -------
    Flows
        Rows sorted by sender, receiver and category.

    Raises
    ------
    RuntimeError
        If OR-Tools reports anything but an optimal flow (a bug: this
        network always has one).
    """
    n_units, n_cat = movable.shape
    # One (arc, category) row for each category the sender has and the
    # receiver takes.
    arc_rows, cats = np.nonzero((movable[arcs.tail] > 0) & accepts[arcs.head])
    if len(arc_rows) == 0:
        empty = np.empty(0, dtype=np.int64)
        return _flows(empty, empty, empty, empty, empty)
    senders = arcs.tail[arc_rows]
    # A node per (sender, category) caps what each category can give.
    pairs, pair_of_row = np.unique(senders * n_cat + cats, return_inverse=True)
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(
        pairs // n_cat,
        n_units + np.arange(len(pairs)),
        movable[pairs // n_cat, pairs % n_cat],
        np.zeros(len(pairs), dtype=np.int64),
    )
    move_arcs = solver.add_arcs_with_capacity_and_unit_cost(
        n_units + pair_of_row,
        arcs.head[arc_rows],
        supply[senders],
        arcs.cost[arc_rows],
    )
    solver.set_nodes_supplies(np.arange(n_units), supply - demand)
    status = solver.solve_max_flow_with_min_cost()
    if status != solver.OPTIMAL:
        raise RuntimeError(f"min-cost flow ended with status {status}")
    flow = solver.flows(move_arcs)
    used = np.nonzero(flow > 0)[0]
    return _flows(
        senders[used],
        arcs.head[arc_rows[used]],
        cats[used],
        flow[used],
        arc_rows[used],
    )


def _flows(
    sender: np.ndarray,
    receiver: np.ndarray,
    category: np.ndarray,
    count: np.ndarray,
    arc: np.ndarray,
) -> Flows:
    order = np.lexsort((category, receiver, sender))
    return Flows(
        sender=sender[order],
        receiver=receiver[order],
        category=category[order],
        count=count[order],
        arc=arc[order],
    )


def pick_movers(
    roster: Roster,
    flows: Flows,
    movable: np.ndarray,
    id_rank: np.ndarray,
    ranks: np.ndarray | None = None,
) -> list[np.ndarray]:
    """The people of each flow row, by the rule in the module docstring.

    ``movable`` marks the people who may move; the people picked are
    cleared from it, so that later stages do not pick them again.
    ``ranks`` (units x fields + 1, :func:`~orgplan.staffing.roster.
    field_ranks`) puts the best fit at the receiver first. Returns one
    array of roster rows per flow row.
    """
    n_cat = len(STAFF_CATEGORIES)
    field_counts = np.zeros(
        (len(roster.unit_ids), len(roster.fields) + 1), dtype=np.int64
    )
    np.add.at(field_counts, (roster.unit, roster.field), 1)
    # Blank fields (index -1, the last column) rank after every field.
    field_counts[:, -1] = np.iinfo(np.int64).max
    youth = np.nan_to_num(-roster.years_left, nan=np.inf)
    fits = np.zeros_like(field_counts) if ranks is None else ranks
    pools = group_rows(
        roster.unit.astype(np.int64) * n_cat + roster.category,
        np.nonzero(movable)[0],
        np.unique(flows.sender * n_cat + flows.category),
    )
    picked: list[np.ndarray] = []
    for sender, receiver, category, count in zip(
        flows.sender,
        flows.receiver,
        flows.category,
        flows.count,
        strict=True,
    ):
        pool = pools[int(sender) * n_cat + int(category)]
        pool = pool[movable[pool]]
        need = field_counts[receiver, roster.field[pool]]
        fit = fits[receiver, roster.field[pool]]
        order = np.lexsort((id_rank[pool], youth[pool], need, fit))
        chosen = pool[order[:count]]
        movable[chosen] = False
        picked.append(chosen)
    return picked


def transfer_records(
    unit_ids: Sequence[str],
    flows: Flows,
    arcs: Arcs,
    mode: str,
    roster: Roster | None = None,
    picked: Sequence[np.ndarray] = (),
) -> tuple[tuple[Transfer, ...], tuple[Mover, ...]]:
    """The plan's transfers, and a mover per person when ``picked``."""
    transfers = []
    movers = []
    for row in range(len(flows)):
        arc = int(flows.arc[row])
        source = unit_ids[int(flows.sender[row])]
        target = unit_ids[int(flows.receiver[row])]
        persons: tuple[str, ...] = ()
        if roster is not None:
            persons = tuple(roster.ids[picked[row]].tolist())
        transfers.append(
            Transfer(
                from_=source,
                to=target,
                category=STAFF_CATEGORIES[int(flows.category[row])],
                count=int(flows.count[row]),
                persons=persons,
                hops=None if arcs.hops is None else int(arcs.hops[arc]),
                km=None if arcs.km is None else float(arcs.km[arc]),
                mode=mode,
            )
        )
        movers.extend(
            Mover(
                person=person,
                from_unit=source,
                to_unit=target,
                action="transfer",
            )
            for person in persons
        )
    return tuple(transfers), tuple(movers)


def with_field_costs(
    arcs: Arcs, roster: Roster, movable: np.ndarray, ranks: np.ndarray
) -> Arcs:
    """``arcs`` costed so that a sender with a fitting mover goes first.

    Each arc costs its distance plus, for the best field rank among the
    sender's movable people at the receiver, that rank times more than
    any distance: a same-field mover further away (within the transfer
    rules) beats a cross-field one next door. The flow still moves as
    many staff as it can; only the choice among moves changes.
    """
    if len(arcs.tail) == 0:
        return arcs
    # Which fields (blank last) each unit has movable people in; memory
    # grows with arcs x fields, never units x units.
    has = np.zeros(ranks.shape, dtype=bool)
    rows = np.nonzero(movable)[0]
    has[roster.unit[rows], roster.field[rows]] = True
    best = np.where(has[arcs.tail], ranks[arcs.head], CROSS_FIELD).min(axis=1)
    step = int(arcs.cost.max()) + 1
    return replace(arcs, cost=arcs.cost + step * best.astype(np.int64))


@dataclass(frozen=True)
class CrossFieldMove:
    """A person moved to a unit whose work is not their field."""

    person: str
    field: str
    from_unit: str
    to_unit: str


def cross_field_moves(
    roster: Roster,
    flows: Flows,
    picked: Sequence[np.ndarray],
    ranks: np.ndarray,
) -> tuple[CrossFieldMove, ...]:
    """The movers of ``picked`` whose field is neither the same as nor
    related to the receiver's (blank fields are not judged)."""
    found = []
    for row, people in enumerate(picked):
        receiver = int(flows.receiver[row])
        sender = roster.unit_ids[int(flows.sender[row])]
        for person in people:
            field = int(roster.field[person])
            if field >= 0 and ranks[receiver, field] == CROSS_FIELD:
                found.append(
                    CrossFieldMove(
                        person=str(roster.ids[person]),
                        field=roster.fields[field],
                        from_unit=sender,
                        to_unit=roster.unit_ids[receiver],
                    )
                )
    return tuple(found)
