"""The staffing stage: quotas, transfers, separations and leaders.

:func:`plan_staffing` is what the planner calls; :func:`balance_staff`
is its core on an organisation after the structure and a columnar roster,
which the benchmark calls directly with a generated national roster.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from orgplan.apply import apply_structure
from orgplan.model import STAFF_CATEGORIES, Organisation
from orgplan.plan import Mover, Plan, Separation, Transfer, UnitBalance
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario, StaffingParams
from orgplan.staffing.distances import Arcs, candidate_arcs, few
from orgplan.staffing.leaders import lead_leadership
from orgplan.staffing.quotas import balance_row, quotas_after
from orgplan.staffing.roster import (
    ROLES,
    STAFF,
    Roster,
    roster_from_people,
)
from orgplan.staffing.separations import (
    POLICIES,
    average_payment,
    pick_leavers,
    policy_of,
    roster_payments,
)
from orgplan.staffing.transfers import Flows, pick_movers, solve_flows


@dataclass(frozen=True)
class Staffing:
    """What the staffing stage adds to a plan."""

    balance: tuple[UnitBalance, ...]
    transfers: tuple[Transfer, ...]
    separations: tuple[Separation, ...]
    movers: tuple[Mover, ...]
    notes: tuple[str, ...]


def plan_staffing(
    organisation: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    plan: Plan,
) -> Plan:
    """Add the staffing plan to a structural plan.

    Parameters
    ----------
    organisation
        The organisation before the plan; never modified.
    scenario
        Its ``staffing`` section sets quotas, transfers and separations;
        ``leadership.heads`` chooses heads of merged units.
    rulebook
        The staffing norm, separation rules and allowance period.
    plan
        The structural plan (merges, folds, splits, leadership counts).

    Returns
    -------
    Plan
        A copy with ``balance``, ``transfers``, ``separations``,
        ``movers`` (with a roster), ``leadership`` enriched with persons,
        and notes on unfilled deficits and unplaced surplus.

    Raises
    ------
    orgplan.errors.OrgplanError
        If the scenario names units or people that do not exist, or the
        quota norm needs a population the data lacks.
    """
    after = apply_structure(organisation, plan)
    params = scenario.staffing
    roster = None
    if after.staff:
        roster = roster_from_people(
            after.staff,
            [u.id for u in after.units],
            rulebook.separations,
            params.separations.as_of_year,
        )
    staffing = balance_staff(
        after, quotas_after(after, params, rulebook), params, rulebook, roster
    )
    leadership, leader_notes = lead_leadership(
        organisation,
        plan,
        scenario.leadership.heads,
        rulebook.leader_allowance_months,
    )
    return plan.model_copy(
        update={
            "balance": staffing.balance,
            "transfers": staffing.transfers,
            "separations": staffing.separations,
            "movers": staffing.movers,
            "leadership": leadership,
            "notes": (*plan.notes, *staffing.notes, *leader_notes),
        }
    )


def balance_staff(
    after: Organisation,
    quotas: dict[str, int],
    params: StaffingParams,
    rulebook: Rulebook,
    roster: Roster | None = None,
) -> Staffing:
    """Transfers and separations that bring staff to the quotas.

    Parameters
    ----------
    after
        The organisation after the structure (its ``staff`` is ignored:
        the roster comes as columns).
    quotas
        The quota of every unit.
    params, rulebook
        Transfer and separation rules, payment formulas.
    roster
        The people, as columns indexed like ``after.units``; without it,
        the plan moves and separates counts.

    Returns
    -------
    Staffing
        Balance, transfers, separations, movers and notes.

    Raises
    ------
    RuntimeError
        If the min-cost flow fails (a bug).
    """
    units = after.units
    ids = [u.id for u in units]
    quota = np.array([quotas[u] for u in ids], dtype=np.int64)
    actual = np.array([u.actual for u in units], dtype=np.int64)
    staff = _category_counts(after, rulebook)
    free = np.zeros(0, dtype=bool)
    if roster is None:
        movable = _movable_without_roster(after, staff, rulebook)
    else:
        free = (roster.role == STAFF) & ~roster.excluded
        movable = np.minimum(roster.counts(free), staff)
    surplus = np.maximum(0, actual - quota)
    deficit = np.maximum(0, quota - actual)
    cap = params.transfers.max_out_per_unit
    supply = np.minimum(surplus, movable.sum(axis=1))
    if cap is not None:
        supply = np.minimum(supply, cap)
    accepts = np.ones_like(staff, dtype=bool)
    if params.transfers.same_category:
        accepts = (staff > 0) | _default_category_mask(after, rulebook)
    arcs = candidate_arcs(
        after,
        np.nonzero(supply > 0)[0].tolist(),
        np.nonzero(deficit > 0)[0].tolist(),
        params.transfers,
    )
    flows = solve_flows(supply, deficit, movable, accepts, arcs)
    moved_out = np.zeros_like(staff)
    np.add.at(moved_out, (flows.sender, flows.category), flows.count)
    moved_in = np.bincount(flows.receiver, flows.count, len(units)).astype(
        np.int64
    )
    left = surplus - moved_out.sum(axis=1)
    salary = (
        params.separations.monthly_salary
        or rulebook.separations.default_monthly_salary
    )
    if roster is None:
        transfers = _transfers(after, flows, arcs, params, None, [])
        separations = _count_separations(
            after, left, movable - moved_out, params, rulebook, salary
        )
        movers: tuple[Mover, ...] = ()
    else:
        id_rank = roster.id_rank()
        picked = pick_movers(roster, flows, free, id_rank)
        transfers = _transfers(after, flows, arcs, params, roster, picked)
        separations, leaver_movers = _roster_separations(
            after, roster, left, free, id_rank, params, rulebook, salary
        )
        movers = _transfer_movers(roster, flows, picked, ids) + (leaver_movers)
    separated = np.zeros(len(units), dtype=np.int64)
    index = {uid: i for i, uid in enumerate(ids)}
    for s in separations:
        separated[index[s.unit]] += s.count
    actual_after = actual + moved_in - moved_out.sum(axis=1) - separated
    balance = tuple(
        balance_row(uid, int(q), int(a), int(b))
        for uid, q, a, b in zip(ids, quota, actual, actual_after, strict=True)
    )
    notes = (*arcs.notes, *_balance_notes(after, balance, params))
    return Staffing(balance, transfers, separations, movers, notes)


def _default_category(after: Organisation, rulebook: Rulebook) -> list[int]:
    defaults = []
    for unit in after.units:
        rules = rulebook.kinds.get(unit.kind)
        category = rules.default_category if rules else "civil_servant"
        defaults.append(STAFF_CATEGORIES.index(category))
    return defaults


def _default_category_mask(
    after: Organisation, rulebook: Rulebook
) -> np.ndarray:
    mask = np.zeros((len(after.units), len(STAFF_CATEGORIES)), dtype=bool)
    mask[np.arange(len(after.units)), _default_category(after, rulebook)] = (
        True
    )
    return mask


def _category_counts(after: Organisation, rulebook: Rulebook) -> np.ndarray:
    """Units x categories: the staff split (all in the kind's default
    category when the data has no split)."""
    counts = np.zeros(
        (len(after.units), len(STAFF_CATEGORIES)), dtype=np.int64
    )
    defaults = _default_category(after, rulebook)
    for i, unit in enumerate(after.units):
        default = STAFF_CATEGORIES[defaults[i]]
        for category, n in unit.staff_by_category(default).items():
            counts[i, STAFF_CATEGORIES.index(category)] = n
    return counts


def _movable_without_roster(
    after: Organisation, staff: np.ndarray, rulebook: Rulebook
) -> np.ndarray:
    """Staff who may move or leave: all but the leaders, who are counted
    in the default category first, then in the others in order."""
    movable = staff.copy()
    defaults = _default_category(after, rulebook)
    for i, unit in enumerate(after.units):
        leaders = unit.leaders
        order = [defaults[i]] + [
            c for c in range(len(STAFF_CATEGORIES)) if c != defaults[i]
        ]
        for c in order:
            taken = min(leaders, movable[i, c])
            movable[i, c] -= taken
            leaders -= taken
    return movable


def _transfers(
    after: Organisation,
    flows: Flows,
    arcs: Arcs,
    params: StaffingParams,
    roster: Roster | None,
    picked: list[np.ndarray],
) -> tuple[Transfer, ...]:
    units = after.units
    hops, km = arcs.hops, arcs.km
    transfers = []
    for row in range(len(flows)):
        arc = int(flows.arc[row])
        persons = tuple(roster.ids[picked[row]].tolist()) if roster else ()
        transfers.append(
            Transfer(
                from_=units[int(flows.sender[row])].id,
                to=units[int(flows.receiver[row])].id,
                category=STAFF_CATEGORIES[int(flows.category[row])],
                count=int(flows.count[row]),
                persons=persons,
                hops=None if hops is None else int(hops[arc]),
                km=None if km is None else float(km[arc]),
                mode=params.transfers.mode,
            )
        )
    return tuple(transfers)


def _transfer_movers(
    roster: Roster, flows: Flows, picked: list[np.ndarray], ids: list[str]
) -> tuple[Mover, ...]:
    movers = []
    for row, people in enumerate(picked):
        source = ids[int(flows.sender[row])]
        target = ids[int(flows.receiver[row])]
        movers.extend(
            Mover(
                person=person,
                from_unit=source,
                to_unit=target,
                action="transfer",
            )
            for person in roster.ids[people].tolist()
        )
    return tuple(movers)


def _count_separations(
    after: Organisation,
    left: np.ndarray,
    movable: np.ndarray,
    params: StaffingParams,
    rulebook: Rulebook,
    salary: float,
) -> tuple[Separation, ...]:
    """Separations by count: each unit's leftover surplus shared over its
    remaining categories in proportion (largest remainder)."""
    policy = params.separations.policy
    if policy == "none":
        return ()
    each = average_payment(rulebook.separations, salary)
    separations = []
    for i in np.nonzero(left > 0)[0]:
        pool = movable[i]
        total = min(int(left[i]), int(pool.sum()))
        for c, count in enumerate(_largest_remainder(pool, total)):
            if count:
                separations.append(
                    Separation(
                        unit=after.units[i].id,
                        category=STAFF_CATEGORIES[c],
                        count=count,
                        policy=policy,
                        cost=round(count * each),
                    )
                )
    return tuple(separations)


def _largest_remainder(weights: np.ndarray, total: int) -> list[int]:
    """``total`` shared in proportion to ``weights``; never above a
    weight; ties by position."""
    weight_sum = int(weights.sum())
    if total <= 0 or weight_sum == 0:
        return [0] * len(weights)
    exact = weights * total / weight_sum
    shares = np.floor(exact).astype(np.int64)
    order = np.lexsort((np.arange(len(weights)), -(exact - shares)))
    for c in order[: total - int(shares.sum())]:
        shares[c] += 1
    return [int(s) for s in shares]


def _roster_separations(
    after: Organisation,
    roster: Roster,
    left: np.ndarray,
    free: np.ndarray,
    id_rank: np.ndarray,
    params: StaffingParams,
    rulebook: Rulebook,
    salary: float,
) -> tuple[tuple[Separation, ...], tuple[Mover, ...]]:
    """Separations of named people, one row per (unit, category,
    policy), with a mover row per person."""
    rules = params.separations
    if rules.policy == "none":
        return (), ()
    separable = free.copy()
    kept = set(rules.excluded_roles)
    for role in kept & set(ROLES):
        separable &= roster.role != ROLES.index(role)
    kept_fields = [i for i, f in enumerate(roster.fields) if f in kept]
    separable &= ~np.isin(roster.field, kept_fields)
    needed = {int(u): int(n) for u, n in enumerate(left) if n > 0}
    leavers = pick_leavers(roster, needed, separable, id_rank)
    separations: list[Separation] = []
    movers: list[Mover] = []
    for unit in sorted(leavers):
        rows = leavers[unit]
        cost = roster_payments(roster, rows, rulebook.separations, salary)
        policy = policy_of(roster.years_left[rows], rulebook.separations)
        groups = np.lexsort((policy, roster.category[rows]))
        rows, cost, policy = rows[groups], cost[groups], policy[groups]
        category = roster.category[rows]
        uid = after.units[unit].id
        for c in np.unique(category):
            for p in np.unique(policy[category == c]):
                mask = (category == c) & (policy == p)
                names = roster.ids[rows[mask]].tolist()
                separations.append(
                    Separation(
                        unit=uid,
                        category=STAFF_CATEGORIES[int(c)],
                        count=len(names),
                        persons=tuple(names),
                        policy=POLICIES[int(p)],
                        cost=round(float(cost[mask].sum())),
                    )
                )
                movers.extend(
                    Mover(
                        person=name,
                        from_unit=uid,
                        to_unit=None,
                        action="separation",
                        policy=POLICIES[int(p)],
                        cost=round(float(amount)),
                    )
                    for name, amount in zip(
                        names, cost[mask].tolist(), strict=True
                    )
                )
    return tuple(separations), tuple(movers)


def _balance_notes(
    after: Organisation,
    balance: tuple[UnitBalance, ...],
    params: StaffingParams,
) -> tuple[str, ...]:
    names = {u.id: u.name for u in after.units}
    notes = []
    short = sorted(
        (b for b in balance if b.deficit_after),
        key=lambda b: (-b.deficit_after, b.id),
    )
    if short:
        total = sum(b.deficit_after for b in short)
        notes.append(
            f"Unfilled deficit: {len(short)} units stay {total} staff "
            "below quota after transfers (no surplus unit near enough): "
            + few([f"{names[b.id]} {b.deficit_after}" for b in short])
        )
    over = sorted(
        (b for b in balance if b.surplus_after),
        key=lambda b: (-b.surplus_after, b.id),
    )
    if over:
        total = sum(b.surplus_after for b in over)
        why = (
            "separations are off in the scenario"
            if params.separations.policy == "none"
            else "too few staff eligible to move or leave"
        )
        notes.append(
            f"Unplaced surplus: {len(over)} units stay {total} staff "
            f"above quota ({why}): "
            + few([f"{names[b.id]} {b.surplus_after}" for b in over])
        )
    return tuple(notes)
