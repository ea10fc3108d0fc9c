"""The commands of the optimiser: plan, check."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

import orgplan
from orgplan.commands.common import (
    command_lang,
    lang_option,
    time_limit_option,
    user_errors,
)
from orgplan.i18n import (
    Lang,
    date_text,
    label,
    number_text,
    percent_text,
    plural,
    signed_text,
    status_word,
    t,
)
from orgplan.plan_status import explain_status

if TYPE_CHECKING:
    from rich.table import Table

    from orgplan.model import Organisation

@click.command(help=t("help.check"))
@click.argument(
    "plan_path",
    metavar=t("metavar.plan_path"),
    type=click.Path(path_type=Path),
)
@click.option(
    "--scenario",
    "scenario_path",
    type=click.Path(path_type=Path),
    help=t("help.check.scenario_path"),
)
@lang_option
@user_errors
def check(
    plan_path: Path, scenario_path: Path | None, lang: str | None
) -> None:
    """``orgplan check``; its help is ``help.check`` in the catalogue."""
    from orgplan.check import check_plan
    from orgplan.io import open_scenario, read_plan

    the_plan = read_plan(plan_path)
    named = the_plan.settings.get("scenario_path")
    source = scenario_path or (Path(named) if named else None)
    if source is None:
        raise click.UsageError(
            t("cli_no_scenario", command_lang(lang), path=plan_path)
        )
    organisation, scenario = open_scenario(source)
    language = command_lang(lang, scenario.lang)
    _same_organisation(the_plan, organisation, plan_path, source, language)
    violations = check_plan(organisation, scenario, the_plan)
    errors = [v for v in violations if v.severity == "error"]
    for violation in sorted(violations, key=lambda v: v.severity):
        click.echo(violation.line(language))
    warnings = plural("n_warnings", len(violations) - len(errors), language)
    if errors:
        click.echo(
            t(
                "cli_check_failed",
                language,
                path=plan_path,
                errors=plural("n_errors", len(errors), language),
                warnings=warnings,
            )
        )
        raise click.exceptions.Exit(1)
    click.echo(
        t(
            "cli_check_ok",
            language,
            path=plan_path,
            source=source,
            warnings=warnings,
        )
    )


def _same_organisation(
    the_plan: orgplan.Plan,
    organisation: Organisation,
    plan_path: Path,
    source: Path,
    lang: Lang,
) -> None:
    """Stop in one line when the plan starts from other data than
    ``source``: its numbers before (units, quota, staff) differ, or
    units it decides on are not there."""
    before = the_plan.metrics.get("before")
    have = (
        len(organisation.units),
        sum(u.quota for u in organisation.units),
        sum(u.actual for u in organisation.units),
    )
    decided = [m for merge in the_plan.merges for m in merge.members]
    decided += [f.unit for f in the_plan.flattened]
    decided += [s.unit for s in the_plan.splits]
    missing = [u for u in decided if u not in organisation.unit_by_id]
    was = (before.units, before.quota, before.actual) if before else have
    if was == have and not missing:
        return
    raise click.ClickException(
        t(
            "cli_check_other_org",
            lang,
            path=plan_path,
            source=source,
            plan_units=was[0],
            plan_quota=was[1],
            units=have[0],
            quota=have[1],
        )
    )


@click.command(help=t("help.plan"))
@click.argument(
    "scenario_path",
    metavar=t("metavar.scenario_path"),
    type=click.Path(path_type=Path),
)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help=t("help.plan.out"),
)
@time_limit_option(t("help.plan.time_limit"))
@click.option(
    "--workers",
    type=click.IntRange(min=1, max=64),
    help=t("help.plan.workers"),
)
@click.option(
    "--seed",
    type=click.IntRange(min=0, max=2**31 - 1),
    help=t("help.plan.seed"),
)
@click.option(
    "--reproducible",
    is_flag=True,
    default=None,
    help=t("help.plan.reproducible"),
)
@click.option(
    "--method",
    type=click.Choice(["cpsat", "greedy", "mip"]),
    help=t("help.plan.method"),
)
@lang_option
@user_errors
def plan(
    scenario_path: Path,
    out: Path,
    time_limit: float | None,
    workers: int | None,
    seed: int | None,
    reproducible: bool | None,
    method: str | None,
    lang: str | None,
) -> None:
    """``orgplan plan``; its help is ``help.plan`` in the catalogue."""
    from rich.console import Console

    from orgplan.io import open_scenario
    from orgplan.optimize.progress import on_ctrl_c
    from orgplan.outputs import write_outputs
    from orgplan.plan import SolveStatus

    organisation, scenario = open_scenario(scenario_path)
    language = command_lang(lang, scenario.lang)
    given = {
        "time_limit_s": time_limit,
        "workers": workers,
        "seed": seed,
        "reproducible": reproducible,
        "method": method,
    }
    solver = scenario.solver.model_copy(
        update={k: v for k, v in given.items() if v is not None}
    )
    scenario = scenario.model_copy(update={"solver": solver})
    console = Console(highlight=False)
    started = time.perf_counter()
    with console.status(t("cli_solving", language)) as status:

        def show(p: orgplan.optimize.Progress) -> None:
            status.update(progress_line(p, language))

        result = orgplan.solve(organisation, scenario, progress=show)
    waited = time.perf_counter() - started
    found = result.plan
    if found.status in (SolveStatus.NO_SOLUTION, SolveStatus.INVALID):
        raise click.ClickException(
            t(
                "cli_no_plan",
                language,
                status=status_word(found.status.value, language),
                seconds=f"{solver.time_limit_s:g}",
            )
        )
    # Ctrl-C while the files are written lets them be written: the plan
    # the user waited for is not lost to a half-written folder.
    with on_ctrl_c(lambda: None):
        written = write_outputs(
            organisation, scenario, found, out, lang=language
        )
    console.print(f"[bold]{found.scenario}[/bold]")
    console.print(plan_summary(result, language))
    for line in plan_lines(result, language, waited):
        console.print(line)
    for note in written.notes:
        console.print(t("cli_note", language, note=note))
    from orgplan.weakspots import plan_weak_spots

    for spot in plan_weak_spots(organisation, scenario, found):
        console.print(
            t("cli_weak_spot", language, text=spot.text(language))
        )
    files = [p.name for p in written.paths if p.name in MAIN_FILES]
    console.print(
        t(
            "cli_wrote",
            language,
            n=len(written.paths),
            out=out,
            files=", ".join(files),
        )
    )


# The outputs the last line of `orgplan plan` names.
MAIN_FILES = (
    "plan.json",
    "staffing-plan.xlsx",
    "proposal.docx",
    "report.html",
)


def progress_line(p: orgplan.optimize.Progress, lang: Lang) -> str:
    """The phase of the solve, or its best plan so far, in one line."""
    if p.objective is None:
        return t(
            "cli_phase",
            lang,
            phase=t(f"phase_{p.phase}", lang),
            elapsed=f"{p.elapsed:.0f}",
        )
    return t(
        "cli_progress",
        lang,
        n=p.solutions,
        objective=number_text(p.objective, lang),
        bound="-" if p.bound is None else number_text(p.bound, lang),
        gap="-" if p.gap is None else percent_text(p.gap, lang),
        elapsed=number_text(round(p.elapsed, 1), lang, decimals=1),
    )


def plan_lines(
    result: orgplan.Result, lang: Lang, waited: float | None = None
) -> list[str]:
    """What the plan decided and what it costs, in a few lines.

    ``waited`` is the wall-clock time the user waited (the plan records
    CP-SAT's deterministic time in reproducible mode).
    """
    found = result.plan
    gap = ""
    if found.gap is not None:
        gap = t("cli_gap", lang, gap=percent_text(found.gap, lang))
    seconds = found.solve_seconds if waited is None else waited
    lines = [
        t(
            "cli_plan_line",
            lang,
            status=status_word(found.status.value, lang),
            method=t(f"method_{found.method}", lang),
            objective=number_text(found.objective, lang),
            gap=gap,
            seconds=number_text(round(seconds, 1), lang, decimals=1),
            merges=len(found.merges),
            folds=len(found.flattened),
            splits=len(found.splits),
        )
    ]
    if found.status.value == "feasible":
        # A gap above 0 is what a committee asks about first: the
        # report's own words for it.
        lines += explain_status(found, lang)
    over = [e for e in found.leadership if e.excess]
    deadline = max((e.reduce_by or "" for e in over), default="")
    lines.append(
        t(
            "cli_staff_line",
            lang,
            moved=sum(m.count for m in found.transfers),
            transfers=len(found.transfers),
            left=sum(s.count for s in found.separations),
            excess=sum(e.excess for e in over),
        )
        + (
            t("cli_reduce_by", lang, date=date_text(deadline, lang))
            if deadline
            else ""
        )
    )
    if result.stopped_early:
        lines.append(t("cli_stopped", lang))
    return lines


def plan_summary(result: orgplan.Result, lang: Lang) -> Table:
    from rich.table import Table

    from orgplan.plan import headline

    plan = result.plan
    table = Table(
        "",
        label("before", lang),
        label("after", lang),
        label("change", lang),
    )
    before, after = plan.metrics.get("before"), plan.metrics.get("after")
    if before is None or after is None:
        return table
    for key, b, a in headline(before, after):
        table.add_row(
            label(key, lang),
            number_text(b, lang),
            number_text(a, lang),
            signed_text(a - b, lang),
        )
    return table


