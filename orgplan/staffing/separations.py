"""Separations: the surplus left after transfers, and what it costs.

Eligibility (Decree 178/2024 as amended by Decree 67/2025, numbers from
``rulebook.separations``): a person at or past retirement age retires; with
at most ``early_retirement_max_years`` (10) to go, early retirement; else
resignation (which needs at least ``resignation_min_years``, always true
here since more than 10 years remain). People with unknown age count as
resignations.

Who leaves, with a roster: staff only (never heads, deputies, people marked
``excluded``, or whose role or field the scenario lists in
``separations.excluded_roles``), those closest to retirement first, then by
id. Transfers have already taken the youngest, so the two stages do not
compete for the same people.

Payments, in months of salary:

- early retirement: pension months (``1.0 x months early`` with at most 5
  years to go, else ``0.9 x 60``), plus 5 months per year early (4 beyond 5
  years), plus 5 months for the first 20 insurance years and 0.5 per year
  after (nothing below 20 years);
- resignation: ``0.8 x min(months to retirement, 60)`` plus 1.5 months per
  insurance year plus 3 months for job search.

Salary is the roster's, else the scenario's ``monthly_salary``, else the
rulebook default. Insurance years are the roster's, else estimated as the
years since age 22 (a graduate entering the service). Without a roster each
leaver is costed as a representative one: early retirement with 5 years to
go and 25 insurance years.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from orgplan.apply import largest_remainder
from orgplan.model import STAFF_CATEGORIES
from orgplan.plan import Mover, Separation
from orgplan.rules import SeparationRules
from orgplan.scenario import SeparationParams
from orgplan.staffing.roster import ROLES, Roster, group_rows

POLICIES = ("retirement", "early-retirement", "resignation")
RETIREMENT, EARLY_RETIREMENT, RESIGNATION = 0, 1, 2
INSURANCE_ENTRY_AGE = 22.0
# The leaver a roster-less plan costs every separation as.
AVERAGE_YEARS_LEFT = 5.0
AVERAGE_INSURANCE_YEARS = 25.0


def policy_of(years_left: np.ndarray, rules: SeparationRules) -> np.ndarray:
    """The policy code (index of :data:`POLICIES`) of each person."""
    policy = np.full(len(years_left), RESIGNATION, dtype=np.int8)
    policy[years_left <= rules.early_retirement_max_years] = EARLY_RETIREMENT
    policy[years_left <= 0] = RETIREMENT
    return policy


def payment_months(
    years_left: np.ndarray,
    insurance_years: np.ndarray,
    rules: SeparationRules,
) -> np.ndarray:
    """Months of salary each leaver is paid under the policy they fall in.

    Unknown years to retirement (NaN) are costed as a resignation with the
    full 60 months of severance base.
    """
    policy = policy_of(years_left, rules)
    years = np.nan_to_num(years_left, nan=np.inf)
    short = years <= rules.early_retirement_short_years
    pension = np.where(
        short,
        rules.pension_months_factor_short * years * 12,
        rules.pension_months_factor_long * rules.pension_months_long,
    )
    per_year = np.where(
        short,
        rules.months_per_year_early_short,
        rules.months_per_year_early_long,
    )
    extra_years = insurance_years - rules.service_bonus_first_years
    service = np.where(
        extra_years >= 0,
        rules.service_bonus_first_months
        + rules.service_bonus_per_extra_year * extra_years,
        0.0,
    )
    early = pension + per_year * years + service
    resign = (
        rules.resignation_factor
        * np.minimum(years * 12, rules.resignation_max_months)
        + rules.resignation_per_insurance_year * insurance_years
        + rules.resignation_job_search_months
    )
    return np.select(
        [policy == RETIREMENT, policy == EARLY_RETIREMENT],
        [0.0, early],
        resign,
    )


def roster_payments(
    roster: Roster,
    rows: np.ndarray,
    rules: SeparationRules,
    monthly_salary: float,
) -> np.ndarray:
    """The estimated payment to each person of ``rows``."""
    insurance = roster.insurance_years[rows]
    estimated = np.maximum(0.0, roster.age[rows] - INSURANCE_ENTRY_AGE)
    insurance = np.where(
        np.isnan(insurance), np.nan_to_num(estimated, nan=0.0), insurance
    )
    salary = np.nan_to_num(roster.salary[rows], nan=monthly_salary)
    months = payment_months(roster.years_left[rows], insurance, rules)
    return months * salary


def average_payment(rules: SeparationRules, monthly_salary: float) -> float:
    """The payment to the representative leaver (no roster)."""
    months = payment_months(
        np.array([AVERAGE_YEARS_LEFT]),
        np.array([AVERAGE_INSURANCE_YEARS]),
        rules,
    )
    return float(months[0] * monthly_salary)


def pick_leavers(
    roster: Roster,
    needed: dict[int, int],
    separable: np.ndarray,
    id_rank: np.ndarray,
) -> dict[int, np.ndarray]:
    """Up to ``needed[unit]`` people of each unit, closest to retirement
    first; fewer when the unit has fewer separable people."""
    wanted = np.array(sorted(u for u, n in needed.items() if n > 0))
    if len(wanted) == 0:
        return {}
    pools = group_rows(
        roster.unit.astype(np.int64), np.nonzero(separable)[0], wanted
    )
    closest = np.nan_to_num(roster.years_left, nan=np.inf)
    leavers: dict[int, np.ndarray] = {}
    for unit, pool in pools.items():
        order = np.lexsort((id_rank[pool], closest[pool]))
        leavers[unit] = pool[order[: needed[unit]]]
    return leavers


def count_separations(
    unit_ids: Sequence[str],
    left: np.ndarray,
    movable: np.ndarray,
    policy: str,
    rules: SeparationRules,
    salary: float,
) -> tuple[Separation, ...]:
    """Separations by count (no roster): each unit's leftover surplus
    shared over the staff it has left, by category in proportion (largest
    remainder), each costed as the representative leaver."""
    if policy == "none":
        return ()
    each = average_payment(rules, salary)
    separations = []
    for i in np.nonzero(left > 0)[0]:
        pool = [int(n) for n in movable[i]]
        total = min(int(left[i]), sum(pool))
        if total == 0:
            continue
        for c, count in enumerate(largest_remainder(total, pool)):
            if count:
                separations.append(
                    Separation(
                        unit=unit_ids[i],
                        category=STAFF_CATEGORIES[c],
                        count=count,
                        policy=policy,
                        cost=round(count * each),
                    )
                )
    return tuple(separations)


def roster_separations(
    unit_ids: Sequence[str],
    roster: Roster,
    left: np.ndarray,
    free: np.ndarray,
    id_rank: np.ndarray,
    params: SeparationParams,
    rules: SeparationRules,
    salary: float,
) -> tuple[tuple[Separation, ...], tuple[Mover, ...]]:
    """Separations of named people, one row per (unit, category,
    policy), and a mover per person.

    ``free`` marks who may still leave (staff not excluded and not moved);
    people whose role or field is in ``params.excluded_roles`` are kept.
    """
    if params.policy == "none":
        return (), ()
    separable = free.copy()
    kept = set(params.excluded_roles)
    for role in kept & set(ROLES):
        separable &= roster.role != ROLES.index(role)
    kept_fields = [i for i, f in enumerate(roster.fields) if f in kept]
    separable &= ~np.isin(roster.field, kept_fields)
    needed = {u: int(n) for u, n in enumerate(left) if n > 0}
    leavers = pick_leavers(roster, needed, separable, id_rank)
    separations: list[Separation] = []
    movers: list[Mover] = []
    for unit in sorted(leavers):
        rows = leavers[unit]
        policy = policy_of(roster.years_left[rows], rules)
        order = np.lexsort((policy, roster.category[rows]))
        rows, policy = rows[order], policy[order]
        cost = roster_payments(roster, rows, rules, salary)
        category = roster.category[rows]
        groups = zip(category.tolist(), policy.tolist(), strict=True)
        for c, p in dict.fromkeys(groups):
            mask = (category == c) & (policy == p)
            names = roster.ids[rows[mask]].tolist()
            amounts = cost[mask].tolist()
            separations.append(
                Separation(
                    unit=unit_ids[unit],
                    category=STAFF_CATEGORIES[c],
                    count=len(names),
                    persons=tuple(names),
                    policy=POLICIES[p],
                    cost=round(sum(amounts)),
                )
            )
            movers.extend(
                Mover(
                    person=name,
                    from_unit=unit_ids[unit],
                    to_unit=None,
                    action="separation",
                    policy=POLICIES[p],
                    cost=round(amount),
                )
                for name, amount in zip(names, amounts, strict=True)
            )
    return tuple(separations), tuple(movers)
