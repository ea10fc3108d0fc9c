"""The answer: a plan and the metrics around it (plain data).

:class:`Plan` is what ``plan.json`` holds (docs/semantics.md). Field names
are the JSON keys; ``Transfer.from_`` is written as ``from``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from orgplan.i18n.data import Message
from orgplan.model import StaffCategory, Units


class _Out(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", populate_by_name=True
    )


class SolveStatus(StrEnum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    NO_SOLUTION = "no solution in time"
    INVALID = "model invalid"


class Metrics(_Out):
    """Headline numbers of one organisation (before or after)."""

    units: int
    focal_points: int
    layers: int
    intermediate_units: int
    heads: int
    deputies: int
    leaders: int
    quota: int
    actual: int
    surplus: int
    deficit: int
    units_by_kind: dict[str, int] = Field(default_factory=dict)
    # Heads and deputies once the deadline for deputies above the caps
    # has passed (semantics.leadership.leaders_after_deadline); set by the
    # planner, which has the plan. None for one organisation alone and in
    # plans written by orgplan before 0.2.
    leaders_at_deadline: int | None = None


# The headline numbers, in the order every table shows them.
HEADLINE_METRICS: tuple[str, ...] = (
    "units",
    "focal_points",
    "layers",
    "intermediate_units",
    "heads",
    "deputies",
    "leaders",
    "leaders_at_deadline",
    "quota",
    "actual",
    "surplus",
    "deficit",
)


def headline(before: Metrics, after: Metrics) -> list[tuple[str, int, int]]:
    """``(key, before, after)`` of each headline number both sides hold,
    in table order (a plan from before 0.2 has no leaders at deadline)."""
    rows = []
    for key in HEADLINE_METRICS:
        old, new = getattr(before, key), getattr(after, key)
        if old is not None and new is not None:
            rows.append((key, old, new))
    return rows


class Merge(_Out):
    """Units merged into one; ``into`` is the member whose id survives."""

    into: str
    members: tuple[str, ...]
    name: str
    name_en: str | None = None
    # Catalogue messages ({"key": "reason_...", ...}, orgplan.i18n.data);
    # plain strings are what an older orgplan wrote.
    reasons: tuple[Message, ...] = ()


class Flattening(_Out):
    """An intermediate unit folded into its parent; its children move up."""

    unit: str
    into: str
    reasons: tuple[Message, ...] = ()


class SplitPart(_Out):
    to: str
    functions: tuple[str, ...]
    staff: int
    # Children of the split unit that move under ``to`` (the others go
    # to the receiver of the largest part; docs/semantics.md section 2).
    children: tuple[str, ...] = ()


class Split(_Out):
    """A unit dissolved, its functions and staff handed to receivers."""

    unit: str
    parts: tuple[SplitPart, ...]
    reasons: tuple[Message, ...] = ()


class Leadership(_Out):
    """Leadership of one unit after the plan."""

    unit: str
    heads: int
    deputies: int
    cap: int | None
    excess: int = 0
    reduce_by: str | None = None
    head: str | None = None
    former_heads: tuple[str, ...] = ()
    deputy_persons: tuple[str, ...] = ()
    # The merge member whose head leads (known without a roster too).
    head_from: str | None = None


class Transfer(_Out):
    """Staff moved from a surplus unit to a deficit unit."""

    from_: str = Field(alias="from")
    to: str
    category: StaffCategory
    count: int = Field(gt=0)
    persons: tuple[str, ...] = ()
    hops: int | None = None
    km: float | None = None
    mode: str = "permanent"


class Separation(_Out):
    """Staff leaving under a policy."""

    unit: str
    category: StaffCategory
    count: int = Field(gt=0)
    persons: tuple[str, ...] = ()
    policy: str = "decree-178"
    cost: float | None = None


class Mover(_Out):
    """One person of the roster and where the plan puts them."""

    person: str
    from_unit: str
    to_unit: str | None
    action: str
    policy: str | None = None
    cost: float | None = None


class UnitBalance(_Out):
    """Quota against actual staff of one unit or locality."""

    id: str
    quota: int
    actual_before: int
    actual_after: int
    surplus_after: int
    deficit_after: int


class Plan(_Out):
    """Everything ``orgplan plan`` decides, as written to plan.json."""

    scenario: str
    status: SolveStatus
    method: str = "cpsat"
    mode: str = "fast"
    objective: float | None = None
    bound: float | None = None
    gap: float | None = None
    solve_seconds: float = 0.0
    seed: int | None = None
    workers: int | None = None
    objective_terms: dict[str, float] = Field(default_factory=dict)
    metrics: dict[str, Metrics] = Field(default_factory=dict)
    merges: tuple[Merge, ...] = ()
    flattened: tuple[Flattening, ...] = ()
    splits: tuple[Split, ...] = ()
    leadership: tuple[Leadership, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    separations: tuple[Separation, ...] = ()
    movers: tuple[Mover, ...] = ()
    balance: tuple[UnitBalance, ...] = ()
    units_after: Units = ()
    binding_rules: tuple[Message, ...] = ()
    notes: tuple[Message, ...] = ()
    settings: dict[str, Any] = Field(default_factory=dict)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, indent=2)


class Result(_Out):
    """A plan and how the solver got there."""

    plan: Plan
    num_variables: int = 0
    num_constraints: int = 0
    first_solution_seconds: float | None = None
    stopped_early: bool = False

    def __str__(self) -> str:
        p = self.plan
        lines = [
            f"scenario   {p.scenario}",
            f"status     {p.status.value} ({p.method}, {p.mode})",
        ]
        if p.objective is not None:
            gap = f", gap {p.gap:.2%}" if p.gap is not None else ""
            lines.append(f"objective  {p.objective:g}{gap}")
        lines.append(f"time       {p.solve_seconds:.2f} s")
        lines.append(
            f"changes    {len(p.merges)} merges, {len(p.flattened)} folded, "
            f"{len(p.splits)} split"
        )
        return "\n".join(lines)
