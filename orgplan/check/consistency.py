"""A plan agrees with itself: status, bound, figures, balance, movers.

plan.json carries numbers derived from its decisions (docs/semantics.md
sections 2, 3, 6 and 7): the metrics before and after, the balance per
unit, the movers of the roster, the objective's bound and gap. A hand
edit of one of them leaves the decisions as they were, so the rules of
the other modules hold; these checks recompute each figure from the
organisation and the decisions and name the ones that differ.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from orgplan.check.violation import Violation
from orgplan.graph import metrics
from orgplan.i18n import both
from orgplan.model import Organisation
from orgplan.plan import Metrics, Plan, SolveStatus
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.leadership import with_deadline
from orgplan.semantics.terms import TERMS

# Statuses under which the solver returned no plan (semantics section 6
# is about a plan's objective; without a plan there is nothing to apply).
_NO_PLAN = {
    SolveStatus.INFEASIBLE,
    SolveStatus.NO_SOLUTION,
    SolveStatus.INVALID,
}
# The objective and bound are rounded to 2 decimals; CP-SAT's integer
# scaling of the incoherence adds a little more (semantics section 6).
_GAP_SLACK = 0.5
# Catalogue keys (solve_<key>) of statuses whose value is not one word.
_STATUS_KEYS = {
    SolveStatus.NO_SOLUTION: "no_solution",
    SolveStatus.INVALID: "invalid",
}
_GAP_RELATIVE_SLACK = 1e-3


def solve_status(plan: Plan) -> list[Violation]:
    """A plan without a solution decides nothing and has no objective.

    A plan with a solution may lack an objective: a committee's own
    draft, written by hand, is checked all the same.
    """
    decided = [
        name
        for name in (
            "merges",
            "flattened",
            "splits",
            "leadership",
            "transfers",
            "separations",
            "movers",
            "units_after",
        )
        if getattr(plan, name)
    ]
    if plan.status not in _NO_PLAN or not (
        decided or plan.objective is not None
    ):
        return []
    return [
        Violation.of(
            "status",
            None,
            "check_status",
            status=both(f"solve_{_STATUS_KEYS.get(plan.status, plan.status)}"),
            what=decided or {"key": "check_an_objective"},
        )
    ]


def bound_and_gap(plan: Plan, scenario: Scenario) -> list[Violation]:
    """The bound of a minimisation is not above the objective; the gap is
    ``|objective - bound| / max(1, |objective|)`` (orgplan.optimize's
    ``relative_gap``), not negative.

    The solver measures the gap before the staffing stage, whose cost
    then shifts objective and bound alike; the denominator is therefore
    the objective without the ``transfers`` term.
    """
    found = []
    gap, bound, objective = plan.gap, plan.bound, plan.objective
    if gap is not None and gap < 0:
        found.append(Violation.of("gap", None, "check_gap_negative", gap=gap))
    if gap is not None and (bound is None or objective is None):
        found.append(
            Violation.of("gap", None, "check_gap_unmeasured", gap=gap)
        )
    if bound is None or objective is None:
        return found
    slack = max(_GAP_SLACK, _GAP_RELATIVE_SLACK * abs(objective))
    if bound > objective + slack:
        found.append(
            Violation.of(
                "gap",
                None,
                "check_bound_above",
                bound=bound,
                objective=objective,
            )
        )
    if gap is None or gap < 0:
        return found
    staffing = scenario.weights.transfers * plan.objective_terms.get(
        "transfers", 0.0
    )
    claimed = gap * max(1.0, abs(objective - staffing))
    if abs(claimed - abs(objective - bound)) > slack:
        found.append(
            Violation.of(
                "gap",
                None,
                "check_gap_mismatch",
                gap=gap,
                objective=objective,
                bound=bound,
            )
        )
    return found


def unknown_terms(plan: Plan) -> list[Violation]:
    return [
        Violation.of(
            "objective",
            None,
            "check_unknown_term",
            name=name,
            terms=list(TERMS),
        )
        for name in plan.objective_terms
        if name not in TERMS
    ]


def figures(
    org: Organisation, plan: Plan, after: Organisation, rulebook: Rulebook
) -> list[Violation]:
    """``metrics.before`` and ``metrics.after`` as section 3 computes
    them on the organisation before and after the whole plan."""
    found = []
    for key, organisation in (("before", org), ("after", after)):
        claimed = plan.metrics.get(key)
        if claimed is None:
            continue
        actual = with_deadline(
            metrics(organisation, rulebook), plan if key == "after" else None
        )
        wrong = [
            _value(name, getattr(claimed, name), getattr(actual, name))
            for name, field in Metrics.model_fields.items()
            if getattr(claimed, name) != getattr(actual, name)
            # A plan written before a number existed does not claim it.
            and not (getattr(claimed, name) is None and field.default is None)
        ]
        if wrong:
            found.append(
                Violation.of(
                    "metrics", None, f"check_metrics_{key}", wrong=wrong
                )
            )
    unknown = sorted(set(plan.metrics) - {"before", "after"})
    if unknown:
        found.append(
            Violation.of(
                "metrics", None, "check_metrics_unknown", names=unknown
            )
        )
    return found


def balance(
    structural: Organisation, plan: Plan, after: Organisation
) -> list[Violation]:
    """One balance row per unit after the structure (section 7): its staff
    before and after the staffing stage, surplus and deficit against the
    row's quota. A plan without a staffing stage has no rows."""
    if not plan.balance:
        return []
    rows = Counter(b.id for b in plan.balance)
    units = [u.id for u in structural.units]
    localities = {loc.id for loc in structural.localities}
    found = [
        Violation.of("balance", uid, "check_balance_missing", unit=uid)
        for uid in units
        if uid not in rows
    ]
    found += [
        Violation.of("balance", uid, "check_balance_rows", n=n, unit=uid)
        for uid, n in rows.items()
        if n > 1
    ]
    staying = structural.unit_by_id
    now = after.unit_by_id
    for row in plan.balance:
        unit = staying.get(row.id)
        if unit is None:
            if row.id not in localities:
                found.append(
                    Violation.of(
                        "balance", row.id, "check_balance_stray", unit=row.id
                    )
                )
            continue
        expected = {
            "actual_before": unit.actual,
            "surplus_after": max(0, row.actual_after - row.quota),
            "deficit_after": max(0, row.quota - row.actual_after),
        }
        if row.id in now:
            expected["actual_after"] = now[row.id].actual
        wrong = [
            _value(name, getattr(row, name), value)
            for name, value in expected.items()
            if getattr(row, name) != value
        ]
        if wrong:
            found.append(
                Violation.of(
                    "balance",
                    row.id,
                    "check_balance_wrong",
                    unit=row.id,
                    wrong=wrong,
                )
            )
    return found


def person_moves(
    org: Organisation, scenario: Scenario, plan: Plan
) -> list[Violation]:
    """Each person moves or leaves at most once, and no leader before
    the plan nor anyone excluded moves or leaves (section 7)."""
    named: Counter[str] = Counter()
    for entry in (*plan.transfers, *plan.separations):
        named.update(entry.persons)
    found = [
        Violation.of(
            "person_moves", None, "check_person_twice", person=pid, n=n
        )
        for pid, n in sorted(named.items())
        if n > 1
    ]
    excluded = set(scenario.staffing.separations.excluded_roles)
    for person in org.staff:
        if person.id not in named:
            continue
        if person.role != "staff":
            why = f"check_person_was_{person.role}"
        elif person.excluded:
            why = "check_person_excluded"
        elif person.role in excluded or person.field in excluded:
            why = "check_person_excluded_role"
        else:
            continue
        found.append(
            Violation.of("person_moves", person.unit, why, person=person.id)
        )
    return found


def movers(plan: Plan) -> list[Violation]:
    """``movers`` lists exactly the persons the transfers and separations
    name, once each, with their units (section 7)."""
    expected: dict[str, tuple[str, str | None, str]] = {}
    for t in plan.transfers:
        for pid in t.persons:
            expected.setdefault(pid, (t.from_, t.to, "transfer"))
    for s in plan.separations:
        for pid in s.persons:
            expected.setdefault(pid, (s.unit, None, "separation"))
    listed = Counter(m.person for m in plan.movers)
    found = [
        Violation.of("movers", None, "check_mover_twice", person=pid, n=n)
        for pid, n in sorted(listed.items())
        if n > 1
    ]
    for mover in plan.movers:
        want = expected.get(mover.person)
        have = (mover.from_unit, mover.to_unit, mover.action)
        if want is None:
            found.append(
                Violation.of(
                    "movers",
                    mover.from_unit,
                    "check_mover_stray",
                    person=mover.person,
                )
            )
        elif have != want:
            found.append(
                Violation.of(
                    "movers",
                    mover.from_unit,
                    "check_mover_route",
                    person=mover.person,
                    route=_route(have),
                    action={"key": f"check_{want[2]}"},
                    expected=_route(want),
                )
            )
    found += [
        Violation.of(
            "movers",
            src,
            "check_mover_missing",
            person=pid,
            action={"key": f"check_{action}"},
        )
        for pid, (src, _, action) in expected.items()
        if pid not in listed
    ]
    return found


def _route(route: tuple[str, str | None, str]) -> dict[str, Any]:
    src, dst, action = route
    return {
        "key": "check_route",
        "source": src,
        "to": dst or {"key": "check_leaves"},
        # An action a hand edit wrote is shown as written.
        "action": {"key": f"check_{action}"}
        if action in ("transfer", "separation")
        else action,
    }


def _value(name: str, claimed: object, actual: object) -> dict[str, Any]:
    """``name claimed (is actual)``: a figure the plan gets wrong."""
    return {
        "key": "check_value",
        "name": name,
        "claimed": claimed,
        "actual": actual,
    }


def merged_heads(plan: Plan) -> list[Violation]:
    """A merged unit has one head (section 2: ``heads = 1``)."""
    merged = {m.into for m in plan.merges}
    return [
        Violation.of(
            "leadership",
            entry.unit,
            "check_merged_heads",
            unit=entry.unit,
            n=entry.heads,
        )
        for entry in plan.leadership
        if entry.unit in merged and entry.heads != 1
    ]
