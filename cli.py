"""The orgplan command line: parse, make one library call, print.

Every command catches only :class:`orgplan.errors.OrgplanError` (exit 1 with
its message); usage errors exit 2 through click; anything else is a bug and
keeps its traceback. The commands live in :mod:`orgplan.commands`, one
module per family; this file is the group that holds them.
"""

from __future__ import annotations

# isort: off
# First, so that Ctrl-C while the rest loads is a message, not a traceback.
from orgplan import interrupt

# isort: on
import warnings
from pathlib import Path

import click

import orgplan
from orgplan.commands.common import (
    CONTEXT,
    lang_option,
    plain_warning,
    time_limit_option,
    user_errors,
)
from orgplan.commands.data import stats, template, validate
from orgplan.commands.localised import LocalisedGroup
from orgplan.commands.outputs import chart, compare, export
from orgplan.commands.planning import check, plan
from orgplan.errors import OrgplanError


@click.group(cls=LocalisedGroup, context_settings=CONTEXT)
@click.version_option(orgplan.__version__, prog_name="orgplan")
def main() -> None:
    """Plan the restructuring of a public administration.

    Load an organisation from CSV files or an Excel workbook, check it,
    measure it, and let the optimiser propose mergers, folded levels and
    leadership posts under the decrees' rules, with a staffing plan.

    Example: orgplan plan scenarios/province-departments --out out/
    """
    # Warnings are printed as plain lines, without Python's source line.
    warnings.showwarning = plain_warning


COMMANDS = (validate, stats, template, check, plan, export, chart, compare)
for command in COMMANDS:
    main.add_command(command)

DEMO_SCENARIO = (
    Path(__file__).resolve().parent / "scenarios" / "province-departments"
)


@main.command()
@click.option(
    "--out",
    default=Path("out/demo"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the plan into.",
)
@time_limit_option("Seconds to search [default: the scenario's, 45].")
@lang_option
@click.pass_context
@user_errors
def demo(
    ctx: click.Context, out: Path, time_limit: float | None, lang: str | None
) -> None:
    """Plan the bundled province-departments scenario end to end.

    An invented province with the 19 departments of 2024 is brought to
    at most 14 departments and 15% fewer focal points (Decree 45/2025):
    the same as `orgplan plan scenarios/province-departments --out OUT`.

    Example: orgplan demo --out out/demo --lang vi
    """
    if not (DEMO_SCENARIO / "scenario.yaml").is_file():
        raise OrgplanError(
            f"the bundled scenario {DEMO_SCENARIO} is missing; the demo "
            "runs from a checkout of orgplan's repository"
        )
    ctx.invoke(
        plan,
        scenario_path=DEMO_SCENARIO,
        out=out,
        time_limit=time_limit,
        lang=lang,
    )


# Everything above is loaded (click's decorators included): Ctrl-C is
# Python's KeyboardInterrupt again, for click and the solver.
interrupt.restore()

if __name__ == "__main__":
    main()
