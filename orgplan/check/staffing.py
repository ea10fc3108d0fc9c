"""The staffing stage's invariants (docs/semantics.md section 7).

Every person in one place, staff conserved per category, each unit's
staff its members' total plus or minus its moves, and the transfers'
distance and volume limits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from orgplan.check.violation import Violation
from orgplan.graph import hops
from orgplan.model import Organisation, Unit
from orgplan.plan import Plan
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.staff import staff_split


def persons(
    org: Organisation, plan: Plan, after: Organisation
) -> list[Violation]:
    found = []
    for entry, what in (
        *(
            (t, {"key": "check_what_transfer", "source": t.from_, "to": t.to})
            for t in plan.transfers
        ),
        *(
            (s, {"key": "check_what_separation", "unit": s.unit})
            for s in plan.separations
        ),
    ):
        if len(entry.persons) > entry.count:
            found.append(
                Violation.of(
                    "person_accounted",
                    None,
                    "check_persons_count",
                    what=what,
                    n=len(entry.persons),
                    count=entry.count,
                )
            )
    separated = Counter(p for s in plan.separations for p in s.persons)
    staying = after.unit_by_id
    people = {p.id: p for p in after.staff}
    for person in org.staff:
        now = people.get(person.id)
        places = separated[person.id] + (now is not None)
        if places != 1:
            found.append(
                Violation.of(
                    "person_accounted",
                    person.unit,
                    "check_person_places",
                    person=person.id,
                    n=places,
                )
            )
        elif now is not None and now.unit not in staying:
            found.append(
                Violation.of(
                    "person_accounted",
                    now.unit,
                    "check_person_gone_unit",
                    person=person.id,
                    unit=now.unit,
                )
            )
    return found


def conservation(
    org: Organisation, plan: Plan, after: Organisation, rulebook: Rulebook
) -> list[Violation]:
    before = _staff(org.units, rulebook)
    now = _staff(after.units, rulebook)
    leaving: Counter[str] = Counter()
    for separation in plan.separations:
        leaving[separation.category] += separation.count
    found = []
    for category in sorted(set(before) | set(now) | set(leaving)):
        if before[category] != now[category] + leaving[category]:
            found.append(
                Violation.of(
                    "conservation",
                    None,
                    "check_conservation",
                    category={"key": category},
                    before=before[category],
                    after=now[category],
                    left=leaving[category],
                )
            )
    return found


def _staff(units: Iterable[Unit], rulebook: Rulebook) -> Counter[str]:
    total: Counter[str] = Counter()
    for unit in units:
        total.update(staff_split(unit, rulebook))
    return total


def staff_totals(
    structural: Organisation, plan: Plan, after: Organisation
) -> list[Violation]:
    """Each unit's staff after = its members' total +/- staffing moves."""
    flow: Counter[str] = Counter()
    for transfer in plan.transfers:
        flow[transfer.from_] -= transfer.count
        flow[transfer.to] += transfer.count
    for separation in plan.separations:
        flow[separation.unit] -= separation.count
    merged = {m.into: m.members for m in plan.merges}
    found = []
    for unit in after.units:
        formed = structural.unit_by_id.get(unit.id)
        if formed is None:
            continue
        expected = formed.actual + flow[unit.id]
        if unit.actual != expected:
            members = merged.get(unit.id)
            found.append(
                Violation.of(
                    "staff_total",
                    unit.id,
                    "check_staff_total" if members else "check_staff_given",
                    unit=unit.id,
                    actual=unit.actual,
                    expected=expected,
                    members=list(members or ()),
                )
            )
    return found


def transfers(
    structural: Organisation, scenario: Scenario, plan: Plan
) -> list[Violation]:
    """Distance and volume limits of ``staffing.transfers`` (section 7).

    With ``max_km`` a transfer's ``km`` is checked and hops are not;
    otherwise its ``hops`` (or, when absent, the locality hops between
    the two units) against ``max_hops``.
    """
    rules = scenario.staffing.transfers
    found = []
    distances: dict[str, dict[str, int]] | None = None
    out: Counter[str] = Counter()
    for t in plan.transfers:
        out[t.from_] += t.count
        if rules.max_km is not None:
            if t.km is not None and t.km > rules.max_km:
                found.append(
                    Violation.of(
                        "transfer",
                        t.from_,
                        "check_transfer_km",
                        source=t.from_,
                        to=t.to,
                        km=t.km,
                        most=rules.max_km,
                    )
                )
            continue
        if rules.max_hops is None:
            continue
        hops_taken = t.hops
        if hops_taken is None:
            distances = distances or hops(structural)
            a = structural.unit(t.from_).locality or ""
            b = structural.unit(t.to).locality or ""
            hops_taken = distances.get(a, {}).get(b)
        if hops_taken is None or hops_taken > rules.max_hops:
            found.append(
                Violation.of(
                    "transfer",
                    t.from_,
                    "check_transfer_far"
                    if hops_taken is None
                    else "check_transfer_hops",
                    source=t.from_,
                    to=t.to,
                    hops=hops_taken,
                    most=rules.max_hops,
                )
            )
    limit = rules.max_out_per_unit
    if limit is not None:
        found += [
            Violation.of(
                "transfer",
                uid,
                "check_transfer_out",
                n=count,
                unit=uid,
                most=limit,
            )
            for uid, count in out.items()
            if count > limit
        ]
    return found
