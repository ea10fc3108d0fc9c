"""What a territorial plan amounts to, for plan.json's notes, the report
and the map.

:func:`territory_summary` counts the new units per kind, the groups not
connected, the units short of a standard, and, when the scenario folder
ships the real result (``reference-2025.csv``), the plan's agreement
with it next to the naive nearest-seed baseline of the same count
(:mod:`~orgplan.territory.compare`). :func:`territory_map` draws the
map before and after (:mod:`~orgplan.territory.map`) on approximate
cells of the coordinates, as the map says.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgplan.i18n import message, number_words
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.scenario import Scenario
from orgplan.territory.check import check_territory, groups_from_merges
from orgplan.territory.compare import (
    Agreement,
    agreement,
    nearest_baseline,
    read_reference,
)
from orgplan.territory.map import territory_svg
from orgplan.territory.neighbours import approximate_cells
from orgplan.territory.places import (
    places_from_organisation,
    territorial_kinds,
)

# The real result shipped beside a bundled scenario.
REFERENCE = "reference-2025.csv"


@dataclass(frozen=True)
class TerritorySummary:
    kinds: dict[str, int]  # new units per kind (territorial kinds)
    disconnected: int
    short_units: int  # units below a standard (listed by check_plan)
    model: Agreement | None  # against the reference, when shipped
    baseline: Agreement | None  # the naive grouping, same count
    # Each kind's Vietnamese label (English shows the kind's code).
    labels_vi: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """The summary in English (see :meth:`messages`)."""
        return [message(m) for m in self.messages()]

    def messages(self) -> list[dict[str, Any]]:
        """The summary as catalogue messages, for plan.json's notes."""
        counts = [
            {
                "key": "territory_count",
                "kind": {"en": k, "vi": self.labels_vi.get(k, k)},
                "n": n,
            }
            for k, n in sorted(self.kinds.items())
        ]
        found: list[dict[str, Any]] = [
            {
                "key": "territory_summary",
                "counts": counts,
                "connected": {"key": "territory_connected"}
                if not self.disconnected
                else {"key": "territory_disconnected", "n": self.disconnected},
                "short": self.short_units,
            }
        ]
        if self.model and self.baseline:
            found.append(
                {
                    "key": "territory_agreement",
                    "model": _agreement(self.model),
                    "baseline": _agreement(self.baseline),
                }
            )
        return found


def _agreement(found: Agreement) -> dict[str, Any]:
    return {
        "key": "territory_ari",
        "ari": number_words(found.ari, decimals=3),
        "recovered": found.recovered,
        "groups": found.reference_groups,
    }


def _reference(scenario: Scenario) -> dict[str, str] | None:
    if scenario.path is None:
        return None
    path = Path(scenario.path).parent / REFERENCE
    return read_reference(path) if path.is_file() else None


def territory_summary(
    org: Organisation, scenario: Scenario, plan: Plan
) -> TerritorySummary | None:
    """The summary of ``plan``, or ``None`` when the scenario's merger is
    not territorial (``scope.merge_within: adjacent`` over communes,
    wards or provinces)."""
    kinds = territorial_kinds(scenario.scope)
    if not kinds:
        return None
    rulebook = scenario.rulebook()
    places = places_from_organisation(org, kinds)
    found = check_territory(org, plan.merges, rulebook, kinds)
    groups = groups_from_merges(plan.merges, places)
    assignment = {u: r for r, members in groups.items() for u in members}
    reference = _reference(scenario)
    model = baseline = None
    if reference:
        count = len(set(reference.values()))
        model = agreement(assignment, reference)
        baseline = agreement(nearest_baseline(places, count), reference)
    return TerritorySummary(
        kinds=dict(Counter(found.kinds.values())),
        disconnected=len(found.disconnected),
        short_units=len({s.unit for s in found.shortfalls}),
        model=model,
        baseline=baseline,
        labels_vi={k: rulebook.kind(k).label_vi for k in kinds},
    )


def territory_map(
    org: Organisation, scenario: Scenario, plan: Plan
) -> str | None:
    """The SVG map before and after, or ``None`` when the merger is not
    territorial or a unit has no coordinates."""
    kinds = territorial_kinds(scenario.scope)
    if not kinds:
        return None
    places = places_from_organisation(org, kinds)
    if not places or any(
        p.lat is None or p.lon is None for p in places.values()
    ):
        return None
    rulebook = scenario.rulebook()
    found = check_territory(org, plan.merges, rulebook, kinds)
    groups = groups_from_merges(plan.merges, places)
    points = {u: (p.lat, p.lon) for u, p in places.items()}
    return territory_svg(
        approximate_cells(points),  # type: ignore[arg-type]
        {u: p.district or "" for u, p in places.items()},
        {u: r for r, members in groups.items() for u in members},
        found.names,
        title=scenario.name,
    )


def write_territory_map(
    org: Organisation, scenario: Scenario, plan: Plan, folder: Path
) -> list[Path]:
    """``folder/map.svg`` for a territorial plan (``[]`` otherwise)."""
    svg = territory_map(org, scenario, plan)
    if svg is None:
        return []
    path = folder / "map.svg"
    path.write_text(svg, encoding="utf-8")
    return [path]


def territory_notes(
    org: Organisation, scenario: Scenario, plan: Plan
) -> tuple[dict[str, Any], ...]:
    """The summary's messages for ``plan.notes`` (none when the merger is
    not territorial)."""
    summary = territory_summary(org, scenario, plan)
    return tuple(summary.messages()) if summary else ()
