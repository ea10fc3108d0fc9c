"""Measure the territorial model against the real 2025 map and a baseline.

``python -m orgplan.territory.evaluate scenarios/cao-bang --map out.svg``
solves the bundled scenario's merger alone (:func:`quick_plan`: the
p-median with contiguity, kinds by rule and the objective terms), then
prints its agreement with ``reference-2025.csv`` next to the naive
nearest-seed baseline of the same count, and optionally draws the map.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from orgplan.io.organisation import open_scenario
from orgplan.territory.compare import (
    Agreement,
    agreement,
    nearest_baseline,
    read_reference,
    read_reference_names,
)
from orgplan.territory.contiguity import disconnected_groups
from orgplan.territory.cpsat import QuickResult, quick_plan
from orgplan.territory.map import territory_svg
from orgplan.territory.neighbours import approximate_cells
from orgplan.territory.places import place_graph, places_from_organisation
from orgplan.territory.standards import (
    propose_name,
    province_class,
    unit_after,
)

KINDS = ("commune", "ward")


@dataclass(frozen=True)
class Evaluation:
    model: Agreement
    baseline: Agreement
    result: QuickResult
    reference_disconnected: int  # real groups not connected in the graph
    names_matching: int  # proposed names that are names of 2025 units
    reference_names: int

    def lines(self) -> list[str]:
        r = self.result
        return [
            f"model:    {self.model.line()} ({r.status}, "
            f"{r.seconds:.0f} s, gap {r.gap:.0%})",
            f"baseline: {self.baseline.line()}",
            "terms: " + ", ".join(f"{k} {v:,.1f}" for k, v in r.terms.items()),
            f"{self.reference_disconnected} real groups are not connected "
            "in the neighbour graph (the model cannot form them)",
            f"{self.names_matching} of {self.reference_names} proposed "
            "names are names the province gave in 2025",
        ]


def evaluate(
    folder: str | Path,
    time_limit_s: float = 60.0,
    map_path: str | Path | None = None,
    **options,
) -> Evaluation:
    """Solve the scenario at ``folder`` and compare with its reference."""
    folder = Path(folder)
    organisation, scenario = open_scenario(folder)
    places = places_from_organisation(organisation, KINDS)
    graph = place_graph(places)
    reference = read_reference(folder / "reference-2025.csv")
    targets = scenario.targets.min_units
    count = sum(targets.get(k, 0) for k in KINDS) or len(
        set(reference.values())
    )
    baseline = nearest_baseline(places, count)
    rulebook = scenario.rulebook()
    result = quick_plan(
        places,
        graph,
        count,
        rulebook,
        wards=targets.get("ward"),
        province_class=province_class(organisation),
        max_group_size=scenario.scope.max_group_size,
        time_limit_s=time_limit_s,
        workers=scenario.solver.workers,
        seed=scenario.solver.seed,
        weights={
            **scenario.territory_weights.model_dump(),
            "compactness": scenario.weights.compactness,
            "district_crossings": scenario.weights.district_crossings,
            "standard_gap": scenario.weights.standard_gap,
        },
        **options,
    )
    real_groups: dict[str, list[str]] = {}
    for old, new in reference.items():
        real_groups.setdefault(new, []).append(old)
    # A real group's representative: any member will do for connectivity.
    by_first = {g[0]: g for g in real_groups.values()}
    districts = {
        loc.id: loc.name
        for loc in organisation.localities
        if loc.level == "district"
    }
    names: dict[str, str] = {}
    for rep, members in result.groups.items():
        group = [places[u] for u in members]
        kind = unit_after(rep, group, rulebook).kind
        names[rep] = propose_name(group, kind, districts, set(names.values()))
    if map_path is not None:
        points = {u: (p.lat, p.lon) for u, p in places.items()}
        svg = territory_svg(
            approximate_cells(points),
            {u: p.district or "" for u, p in places.items()},
            result.assignment(),
            names,
            title=scenario.name,
        )
        Path(map_path).write_text(svg, encoding="utf-8")
    real_names = read_reference_names(folder / "reference-2025.csv")
    return Evaluation(
        agreement(result.assignment(), reference),
        agreement(baseline, reference),
        result,
        len(disconnected_groups(by_first, graph)),
        len(set(names.values()) & real_names),
        len(real_names),
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", help="a bundled territorial scenario")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--map", help="write the before/after SVG here")
    args = parser.parse_args(argv)
    found = evaluate(args.scenario, args.time_limit, args.map)
    print("\n".join(found.lines()))


if __name__ == "__main__":
    main()
