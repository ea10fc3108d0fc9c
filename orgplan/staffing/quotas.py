"""Quotas after the plan, and the balance of quota against staff."""

from __future__ import annotations

import math
from collections.abc import Iterable

from orgplan.errors import OrgplanError
from orgplan.model import Locality, Organisation, Unit
from orgplan.plan import UnitBalance
from orgplan.rules import Rulebook, StaffingNorm
from orgplan.scenario import QuotaCut, StaffingParams


def norm_quota(unit: Unit, locality: Locality, norm: StaffingNorm) -> int:
    """The commune staffing norm of Official letter 09/CV-BCĐ.

    ``base`` staff, plus one per ``residents_per_extra`` residents above
    ``population_threshold`` (the mountain rate for mountain localities,
    the other rate elsewhere), at most ``cap[kind]``.

    Raises
    ------
    OrgplanError
        If the locality has no population.
    """
    if locality.population is None:
        raise OrgplanError.of(
            "error_no_population", locality=locality.id, unit=unit.id
        )
    terrain = "mountain" if locality.terrain == "mountain" else "other"
    per_extra = norm.residents_per_extra[terrain]
    extra = max(0, locality.population - norm.population_threshold)
    quota = norm.base + extra // per_extra
    cap = norm.cap.get(unit.kind)
    return quota if cap is None else min(quota, cap)


def quotas_after(
    organisation: Organisation, params: StaffingParams, rulebook: Rulebook
) -> dict[str, int]:
    """Each unit's quota under the scenario's quota rule and overrides.

    ``keep`` keeps the quota, ``{cut: f}`` gives ``floor(quota * (1 -
    f))``, ``norm`` gives the commune norm to units of the norm's kinds
    and keeps the quota of the rest; ``quota_overrides`` win over all.

    Raises
    ------
    OrgplanError
        If an override names a unit that does not exist after the plan, or
        the norm needs a locality or population the data does not give.
    """
    rule = params.quota
    norm = rulebook.staffing_norm
    quotas: dict[str, int] = {}
    for unit in organisation.units:
        if isinstance(rule, QuotaCut):
            quotas[unit.id] = math.floor(unit.quota * (1 - rule.cut))
        elif rule == "norm" and unit.kind in norm.kinds:
            locality = organisation.locality_by_id.get(unit.locality or "")
            if locality is None:
                raise OrgplanError.of("error_no_locality", unit=unit.id)
            quotas[unit.id] = norm_quota(unit, locality, norm)
        else:
            quotas[unit.id] = unit.quota
    for unit_id, quota in params.quota_overrides.items():
        if unit_id not in quotas:
            raise OrgplanError.of("error_override_unknown", unit=unit_id)
        quotas[unit_id] = quota
    return quotas


def balance_row(
    key: str, quota: int, actual_before: int, actual_after: int
) -> UnitBalance:
    return UnitBalance(
        id=key,
        quota=quota,
        actual_before=actual_before,
        actual_after=actual_after,
        surplus_after=max(0, actual_after - quota),
        deficit_after=max(0, quota - actual_after),
    )


def locality_balance(
    units: Iterable[Unit], balance: Iterable[UnitBalance]
) -> tuple[UnitBalance, ...]:
    """Quota and staff summed over the units of each locality.

    Surplus and deficit are those of the totals, so a surplus in one unit
    offsets a deficit in another unit of the same locality. Units without
    a locality are left out.
    """
    locality_of = {u.id: u.locality for u in units}
    totals: dict[str, list[int]] = {}
    for row in balance:
        locality = locality_of.get(row.id)
        if locality is None:
            continue
        total = totals.setdefault(locality, [0, 0, 0])
        total[0] += row.quota
        total[1] += row.actual_before
        total[2] += row.actual_after
    return tuple(
        balance_row(locality, *total) for locality, total in totals.items()
    )
