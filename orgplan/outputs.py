"""Write everything ``orgplan plan`` promises into its folder, as a whole.

plan.json, the staffing plan (xlsx + CSV), the before/after/diff charts,
report.html, proposal.docx and a manifest are built in a temporary folder
beside the target and swapped in at the end
(:mod:`orgplan.io.run_folder`), so that a failed or killed run leaves the
earlier output as it was and a folder never mixes files of two runs. A
missing Graphviz only costs the rendered charts (their DOT sources are
still written; the proposal says so) and is reported as a note, never as
a failed run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from orgplan.charts import write_charts
from orgplan.errors import GraphvizNotFound
from orgplan.export import write_staffing_plan
from orgplan.i18n import t
from orgplan.io import write_plan
from orgplan.io.run_folder import MANIFEST, run_folder
from orgplan.labels import Lang
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.proposal import write_proposal
from orgplan.report import write_report
from orgplan.scenario import Scenario
from orgplan.territory.summary import write_territory_map


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

    ``out_dir`` is replaced as a whole; it must be new, empty or an
    earlier output of orgplan.

    Raises
    ------
    orgplan.errors.OrgplanError
        If the folder cannot be written (with the path and the operating
        system's reason), holds files orgplan did not write, or another
        run is writing it; the folder is then as it was.
    """
    outputs = Outputs()
    with run_folder(out_dir) as tmp:
        write_plan(plan, tmp / "plan.json")
        written = [tmp / "plan.json"]
        written += write_staffing_plan(plan, organisation, tmp, lang=lang)
        try:
            charts = write_charts(
                organisation, plan, tmp, lang=lang, fmt=chart_format
            )
        except GraphvizNotFound as missing:
            where = missing.dot_path.replace(str(tmp), str(out_dir))
            outputs.notes.append(t("error_no_graphviz", lang, path=where))
            charts = sorted(tmp.glob("*.dot"))
        written += charts
        written += write_territory_map(organisation, scenario, plan, tmp)
        written.append(
            write_report(
                organisation, scenario, plan, tmp, lang=lang, charts=charts
            )
        )
        written.append(
            write_proposal(
                organisation, scenario, plan, tmp, lang=lang, charts=charts
            )
        )
    outputs.paths = [out_dir / path.relative_to(tmp) for path in written]
    # The manifest is a file of the run like the others (the count the
    # CLI prints is what the folder holds).
    outputs.paths.append(out_dir / MANIFEST)
    return outputs
