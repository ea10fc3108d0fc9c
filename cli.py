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
from orgplan.i18n import t


@click.group(
    cls=LocalisedGroup, context_settings=CONTEXT, help=t("help.orgplan")
)
# "orgplan 0.1.0": no words to translate.
@click.version_option(
    orgplan.__version__, prog_name="orgplan", message="%(prog)s %(version)s"
)
def main() -> None:
    """The ``orgplan`` group; its help is ``help.orgplan`` in the
    catalogue."""
    # Warnings are printed as plain lines, without Python's source line.
    warnings.showwarning = plain_warning


COMMANDS = (validate, stats, template, check, plan, export, chart, compare)
for command in COMMANDS:
    main.add_command(command)

DEMO_SCENARIO = (
    Path(__file__).resolve().parent / "scenarios" / "province-departments"
)


@main.command(help=t("help.demo"))
@click.option(
    "--out",
    default=Path("out/demo"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help=t("help.demo.out"),
)
@time_limit_option(t("help.demo.time_limit"))
@lang_option
@click.pass_context
@user_errors
def demo(
    ctx: click.Context, out: Path, time_limit: float | None, lang: str | None
) -> None:
    """``orgplan demo``; its help is ``help.demo`` in the catalogue."""
    if not (DEMO_SCENARIO / "scenario.yaml").is_file():
        raise OrgplanError.of("cli_demo_missing", path=DEMO_SCENARIO)
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
