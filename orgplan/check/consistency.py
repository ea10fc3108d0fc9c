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

from orgplan.check.violation import Violation
from orgplan.graph import metrics
from orgplan.model import Organisation
from orgplan.plan import Metrics, Plan, SolveStatus
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
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
    what = ", ".join(decided) or "an objective"
    return [
        Violation(
            "status",
            None,
            f"the plan's status is {plan.status.value}, yet it holds "
            f"{what}: a plan the solver did not find cannot be applied",
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
        found.append(
            Violation("gap", None, f"the plan's gap {gap:g} is negative")
        )
    if gap is not None and (bound is None or objective is None):
        found.append(
            Violation(
                "gap",
                None,
                f"the plan gives a gap of {gap:g} without an objective and "
                "a bound to measure it",
            )
        )
    if bound is None or objective is None:
        return found
    slack = max(_GAP_SLACK, _GAP_RELATIVE_SLACK * abs(objective))
    if bound > objective + slack:
        found.append(
            Violation(
                "gap",
                None,
                f"the plan's bound {bound:g} is above its objective "
                f"{objective:g}; the objective is minimised, so no plan "
                "is better than its bound",
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
            Violation(
                "gap",
                None,
                f"the plan's gap {gap:g} does not match its objective "
                f"{objective:g} and bound {bound:g}",
            )
        )
    return found


def unknown_terms(plan: Plan) -> list[Violation]:
    return [
        Violation(
            "objective",
            None,
            f"the plan's objective term {name} is not a term of the "
            f"objective ({', '.join(TERMS)})",
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
        actual = metrics(organisation, rulebook)
        wrong = [
            f"{name} {getattr(claimed, name)} (is {getattr(actual, name)})"
            for name in Metrics.model_fields
            if getattr(claimed, name) != getattr(actual, name)
        ]
        if wrong:
            found.append(
                Violation(
                    "metrics",
                    None,
                    f"the plan's metrics {key} give {'; '.join(wrong)}",
                )
            )
    unknown = sorted(set(plan.metrics) - {"before", "after"})
    if unknown:
        found.append(
            Violation(
                "metrics",
                None,
                f"the plan's metrics hold {', '.join(unknown)}, only "
                "before and after exist",
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
        Violation(
            "balance",
            uid,
            f"the balance has no row for {uid}, a unit after the plan",
        )
        for uid in units
        if uid not in rows
    ]
    found += [
        Violation("balance", uid, f"the balance has {n} rows for {uid}")
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
                    Violation(
                        "balance",
                        row.id,
                        f"the balance has a row for {row.id}, which is "
                        "not a unit after the plan",
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
            f"{name} {getattr(row, name)} (is {value})"
            for name, value in expected.items()
            if getattr(row, name) != value
        ]
        if wrong:
            found.append(
                Violation(
                    "balance",
                    row.id,
                    f"the balance of {row.id} gives {'; '.join(wrong)}",
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
        Violation(
            "person_moves",
            None,
            f"{pid} is named in {n} transfers and separations; a person "
            "moves or leaves once",
        )
        for pid, n in sorted(named.items())
        if n > 1
    ]
    excluded = set(scenario.staffing.separations.excluded_roles)
    for person in org.staff:
        if person.id not in named:
            continue
        if person.role != "staff":
            why = f"was a {person.role} before the plan"
        elif person.excluded:
            why = "is marked excluded"
        elif person.role in excluded or person.field in excluded:
            why = "is in staffing.separations.excluded_roles"
        else:
            continue
        found.append(
            Violation(
                "person_moves",
                person.unit,
                f"{person.id} {why} and may not move or leave",
            )
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
        Violation(
            "movers",
            None,
            f"{pid} is listed {n} times among the movers",
        )
        for pid, n in sorted(listed.items())
        if n > 1
    ]
    for mover in plan.movers:
        want = expected.get(mover.person)
        have = (mover.from_unit, mover.to_unit, mover.action)
        if want is None:
            found.append(
                Violation(
                    "movers",
                    mover.from_unit,
                    f"the mover {mover.person} is in no transfer or "
                    "separation",
                )
            )
        elif have != want:
            found.append(
                Violation(
                    "movers",
                    mover.from_unit,
                    f"the mover {mover.person} goes {_route(have)}, but "
                    f"the plan's {want[2]} says {_route(want)}",
                )
            )
    found += [
        Violation(
            "movers",
            src,
            f"{pid} is in a {action} but not among the movers",
        )
        for pid, (src, _, action) in expected.items()
        if pid not in listed
    ]
    return found


def _route(route: tuple[str, str | None, str]) -> str:
    src, dst, action = route
    return f"{src} -> {dst or 'leaves'} ({action})"


def merged_heads(plan: Plan) -> list[Violation]:
    """A merged unit has one head (section 2: ``heads = 1``)."""
    merged = {m.into for m in plan.merges}
    return [
        Violation(
            "leadership",
            entry.unit,
            f"the merged unit {entry.unit} has {entry.heads} heads, not "
            "one",
        )
        for entry in plan.leadership
        if entry.unit in merged and entry.heads != 1
    ]
