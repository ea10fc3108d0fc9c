"""The staffing stage: quotas, transfers, separations and leaders.

:func:`plan_staffing` is what the planner calls; :func:`balance_staff`
is its core on an organisation after the structure and a columnar roster,
which the benchmark calls directly with a generated national roster.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from orgplan.apply import apply_structure
from orgplan.model import STAFF_CATEGORIES, Organisation, Person
from orgplan.plan import Mover, Plan, Separation, Transfer, UnitBalance
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario, StaffingParams
from orgplan.staffing.distances import candidate_arcs, few
from orgplan.staffing.leaders import lead_leadership
from orgplan.staffing.quotas import balance_row, quotas_after
from orgplan.staffing.roster import (
    STAFF,
    Roster,
    field_ranks,
    roster_from_people,
)
from orgplan.staffing.separations import (
    count_separations,
    roster_separations,
)
from orgplan.staffing.transfers import (
    CrossFieldMove,
    cross_field_moves,
    pick_movers,
    solve_flows,
    transfer_records,
    with_field_costs,
)


@dataclass(frozen=True)
class Staffing:
    """What the staffing stage adds to a plan; ``arcs`` counts the
    sender -> receiver moves the transfer rules allowed."""

    balance: tuple[UnitBalance, ...]
    transfers: tuple[Transfer, ...]
    separations: tuple[Separation, ...]
    movers: tuple[Mover, ...]
    # Catalogue messages (orgplan.i18n.message), as plan.notes holds.
    notes: tuple[dict[str, Any], ...]
    arcs: int = 0


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
    leadership, leader_notes = lead_leadership(
        organisation,
        plan,
        scenario.leadership.heads,
        rulebook.leader_allowance_months,
    )
    led = plan.model_copy(update={"leadership": leadership})
    after = apply_structure(organisation, led, rulebook)
    params = scenario.staffing
    roster = None
    if after.staff:
        roster = roster_from_people(
            _leaders_kept(organisation, after),
            [u.id for u in after.units],
            rulebook.separations,
            params.separations.as_of_year,
        )
    staffing = balance_staff(
        after, quotas_after(after, params, rulebook), params, rulebook, roster
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


def _leaders_kept(
    organisation: Organisation, after: Organisation
) -> list[Person]:
    """The roster after the structure, where everyone who led a unit
    before keeps that role: a leader who loses the post in a merger stays
    on (with the allowance) and is never proposed to move or leave."""
    led = {p.id: p.role for p in organisation.staff if p.role != "staff"}
    return [
        p.model_copy(update={"role": led[p.id]})
        if p.role == "staff" and p.id in led
        else p
        for p in after.staff
    ]


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
    ranks = None
    crossing: tuple[CrossFieldMove, ...] = ()
    if roster is not None:
        # Same or related field first (semantics section 7): the flow
        # prefers senders with a fitting mover, the pick the best fit.
        ranks = field_ranks(roster, after)
        arcs = with_field_costs(arcs, roster, free, ranks)
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
    mode = params.transfers.mode
    if roster is None:
        transfers, movers = transfer_records(ids, flows, arcs, mode)
        separations = count_separations(
            ids,
            left,
            movable - moved_out,
            params.separations.policy,
            rulebook.separations,
            salary,
        )
    else:
        id_rank = roster.id_rank()
        picked = pick_movers(roster, flows, free, id_rank, ranks)
        crossing = cross_field_moves(roster, flows, picked, ranks)
        transfers, movers = transfer_records(
            ids, flows, arcs, mode, roster, picked
        )
        separations, leavers = roster_separations(
            ids,
            roster,
            left,
            free,
            id_rank,
            params.separations,
            rulebook.separations,
            salary,
        )
        movers += leavers
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
    if crossing:
        notes = (*notes, _cross_note(crossing))
    if transfers and mode == "secondment":
        months = params.transfers.secondment_months
        notes = (*notes, {"key": "note_secondment", "months": months})
    return Staffing(
        balance, transfers, separations, movers, notes, len(arcs.tail)
    )


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


def _balance_notes(
    after: Organisation,
    balance: tuple[UnitBalance, ...],
    params: StaffingParams,
) -> tuple[dict[str, Any], ...]:
    names = {u.id: u.name for u in after.units}
    notes = []
    short = sorted(
        (b for b in balance if b.deficit_after),
        key=lambda b: (-b.deficit_after, b.id),
    )
    if short:
        total = sum(b.deficit_after for b in short)
        notes.append(
            {
                "key": "note_unfilled_deficit",
                "n": len(short),
                "total": total,
                "units": few(
                    [f"{names[b.id]} {b.deficit_after}" for b in short]
                ),
            }
        )
    over = sorted(
        (b for b in balance if b.surplus_after),
        key=lambda b: (-b.surplus_after, b.id),
    )
    if over:
        total = sum(b.surplus_after for b in over)
        why = (
            "note_separations_off"
            if params.separations.policy == "none"
            else "note_few_eligible"
        )
        notes.append(
            {
                "key": "note_unplaced_surplus",
                "n": len(over),
                "total": total,
                "why": {"key": why},
                "units": few(
                    [f"{names[b.id]} {b.surplus_after}" for b in over]
                ),
            }
        )
    return tuple(notes)


def _cross_note(crossing: tuple[CrossFieldMove, ...]) -> dict[str, Any]:
    """The moves across fields, a few named (the roster gave no better
    fit within the transfer rules)."""
    named = [
        f"{m.person} ({m.field}) {m.from_unit} -> {m.to_unit}"
        for m in crossing
    ]
    return {
        "key": "note_cross_field",
        "n": len(crossing),
        "moves": few(named, 5),
    }
