"""The commands that show a plan: export, chart, compare."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

import orgplan
from orgplan.commands.common import (
    command_lang,
    lang_option,
    scenario_lang,
    time_limit_option,
    user_errors,
)
from orgplan.i18n import message, t

if TYPE_CHECKING:
    from orgplan.export import Format
    from orgplan.model import Organisation

def refuse_unchecked(
    plan_path: Path,
    the_plan: orgplan.Plan,
    organisation: Organisation,
    data: Path | None,
    force: bool,
    lang: str | None = None,
) -> None:
    """Stop when plan.json's folder no longer matches its manifest or the
    plan breaks a rule ``orgplan check`` finds; with ``force``, warn and
    go on (a hand-made plan, a draft to look at)."""
    from orgplan.check import check_plan
    from orgplan.io import open_scenario
    from orgplan.io.run_folder import mismatches
    from orgplan.io.yaml_io import is_scenario

    named = the_plan.settings.get("scenario_path")
    source = data if data is not None and is_scenario(data) else None
    source = source or (Path(named) if named else None)
    scenario = open_scenario(source)[1] if source is not None else None
    language = command_lang(lang, scenario.lang if scenario else None)
    problems = [message(p, language) for p in mismatches(plan_path.parent)]
    if scenario is not None:
        problems += [
            v.line(language)
            for v in check_plan(organisation, scenario, the_plan)
            if v.severity == "error"
        ]
    if not problems:
        return
    what = "\n".join(f"  - {p}" for p in problems)
    if force:
        click.echo(
            t("warning_forced", language, path=plan_path, problems=what),
            err=True,
        )
        return
    raise click.ClickException(
        t("error_refused", language, path=plan_path, problems=what)
    )


@click.command(help=t("help.export"))
@click.argument(
    "plan_path",
    metavar=t("metavar.plan_path"),
    type=click.Path(path_type=Path),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "csv", "json", "data"]),
    default="xlsx",
    show_default=True,
    help=t("help.export.fmt"),
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help=t("help.export.out"),
)
@lang_option
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    help=t("help.export.data"),
)
@click.option(
    "--force",
    is_flag=True,
    help=t("help.export.force"),
)
@user_errors
def export(
    plan_path: Path,
    fmt: Format,
    out: Path | None,
    lang: str | None,
    data: Path | None,
    force: bool,
) -> None:
    """``orgplan export``; its help is ``help.export`` in the catalogue."""
    from orgplan.export import plan_organisation, write_staffing_plan
    from orgplan.io.run_folder import folder_lock

    plan = orgplan.read_plan(plan_path)
    organisation = plan_organisation(plan, plan_path, data)
    refuse_unchecked(plan_path, plan, organisation, data, force, lang)
    folder = out or plan_path.parent
    # Not while a plan run swaps this folder (its lock, see run_folder).
    with folder_lock(folder):
        written = write_staffing_plan(
            plan,
            organisation,
            folder,
            lang=command_lang(lang, plan.settings.get("lang")),
            formats=(fmt,),
        )
    for path in written:
        click.echo(str(path))


# --- views: chart, compare -----------------------------------------------


@click.command(help=t("help.chart"))
@click.argument(
    "path",
    metavar=t("metavar.path"),
    type=click.Path(exists=True, path_type=Path),
)
@click.option(
    "--view",
    type=click.Choice(["before", "after", "diff"]),
    help=t("help.chart.view"),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["svg", "pdf", "png", "dot"]),
    default="svg",
    show_default=True,
    help=t("help.chart.fmt"),
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help=t("help.chart.out"),
)
@click.option("--root", help=t("help.chart.root"))
@click.option(
    "--depth",
    type=click.IntRange(min=1),
    help=t("help.chart.depth"),
)
@click.option(
    "--max-boxes",
    type=click.IntRange(min=0),
    default=60,
    show_default=True,
    help=t("help.chart.max_boxes"),
)
@lang_option
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    help=t("help.chart.data"),
)
@time_limit_option(t("help.chart.time_limit"))
@click.option(
    "--force",
    is_flag=True,
    help=t("help.chart.force"),
)
@user_errors
def chart(
    path: Path,
    view: str | None,
    fmt: str,
    out: Path | None,
    root: str | None,
    depth: int | None,
    max_boxes: int,
    lang: str | None,
    data: Path | None,
    time_limit: float | None,
    force: bool,
) -> None:
    """``orgplan chart``; its help is ``help.chart`` in the catalogue."""
    from orgplan.charts import render_pages, to_dot_pages
    from orgplan.charts.source import open_source
    from orgplan.io.yaml_io import is_scenario

    is_data = path.suffix.lower() != ".json" and not is_scenario(path)
    view = view or ("before" if is_data else "diff")
    # Before the scenario is solved: what goes wrong solving it is said in
    # its language.
    language = command_lang(lang, scenario_lang(path))
    source = open_source(
        path, data=data, need_plan=view != "before", time_limit=time_limit
    )
    if path.suffix.lower() == ".json" and source.plan is not None:
        # A plan.json records its scenario's lang: (as export reads it).
        language = command_lang(lang, source.plan.settings.get("lang"))
        refuse_unchecked(
            path, source.plan, source.organisation, data, force, lang
        )
    pages = to_dot_pages(
        source.organisation,
        plan=source.plan,
        view=view,  # type: ignore[arg-type]
        lang=language,
        root=root,
        depth=depth,
        rulebook=source.rulebook,
        max_boxes=max_boxes or None,
    )
    target = out or Path(f"{view}.{fmt}")
    for written in render_pages(pages, target, fmt):  # type: ignore[arg-type]
        click.echo(str(written))


@click.command(help=t("help.compare"))
@click.argument(
    "paths",
    metavar=t("metavar.paths"),
    nargs=-1,
    required=True,
    type=click.Path(path_type=Path),
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help=t("help.compare.out"),
)
@time_limit_option(t("help.compare.time_limit"))
@lang_option
@user_errors
def compare(
    paths: tuple[Path, ...],
    out: Path | None,
    time_limit: float | None,
    lang: str | None,
) -> None:
    """``orgplan compare``; its help is ``help.compare`` in the catalogue."""
    from rich.console import Console
    from rich.table import Table

    # Not orgplan.compare: importing the module orgplan.compare makes that
    # name the module rather than its function.
    from orgplan.compare import (
        COLUMNS,
        cell,
        check_arguments,
        headers,
        open_plans,
        write_comparison,
    )
    from orgplan.compare import compare as compare_plans

    language = command_lang(lang)
    check_arguments(paths, out, language)
    plans = open_plans(paths, time_limit=time_limit)
    language = command_lang(lang, _shared_lang([p for _, p in plans]))
    rows = compare_plans(plans)
    names = headers(language)
    table = Table("", *(str(row["plan"]) for row in rows))
    for column in COLUMNS:
        cells = [cell(row, column, language) for row in rows]
        if any(cells):
            table.add_row(names[column], *cells)
    Console(highlight=False).print(table)
    if out is not None:
        click.echo(str(write_comparison(rows, out, language)))


def _shared_lang(plans: list[orgplan.Plan]) -> str | None:
    """The ``lang:`` every compared plan's scenario names (recorded in its
    settings), or None when they name different ones or some name none:
    no one scenario's language is then the comparison's."""
    named = {p.settings.get("lang") for p in plans}
    return named.pop() if len(named) == 1 else None
