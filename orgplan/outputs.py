"""Write everything ``orgplan plan`` promises next to plan.json.

plan.json, the staffing plan (xlsx + CSV), the before/after/diff charts and
report.html. Each writer is atomic on its own; a missing Graphviz only
costs the rendered charts (their DOT sources are still written) and is
reported as a note, never as a failed run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from orgplan.charts import write_charts
from orgplan.errors import GraphvizNotFound
from orgplan.export import write_staffing_plan
from orgplan.io import write_plan
from orgplan.labels import Lang
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.report import write_report
from orgplan.scenario import Scenario


@dataclass
class Outputs:
    """What was written, and what could not be (in plain words)."""

    paths: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def write_outputs(
    organisation: Organisation,
    scenario: Scenario,
    plan: Plan,
    out_dir: Path,
    *,
    lang: Lang = "en",
    chart_format: str = "svg",
) -> Outputs:
    """Write plan.json, the staffing plan, the charts and the report.

    Raises
    ------
    orgplan.errors.OrgplanError
        If a file cannot be written.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = Outputs()
    plan_path = out_dir / "plan.json"
    write_plan(plan, plan_path)
    outputs.paths.append(plan_path)
    outputs.paths.extend(
        write_staffing_plan(plan, organisation, out_dir, lang=lang)
    )
    try:
        charts = write_charts(
            organisation, plan, out_dir, lang=lang, fmt=chart_format
        )
    except GraphvizNotFound as missing:
        outputs.notes.append(str(missing))
        charts = sorted(out_dir.glob("*.dot"))
    outputs.paths.extend(charts)
    outputs.paths.append(
        write_report(
            organisation, scenario, plan, out_dir, lang=lang, charts=charts
        )
    )
    return outputs
