"""The commands that show a plan: export, chart, compare."""

from __future__ import annotations

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


@click.command()
@click.argument("plan_path", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "csv", "json", "data"]),
    default="xlsx",
    show_default=True,
    help="xlsx: staffing-plan.xlsx; csv: staffing-plan/*.csv; json: "
    "staffing-plan.json; data: the organisation after the plan as input "
    "files, organisation-after/*.csv (read back by validate and plan).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write to [default: the plan's folder].",
)
@lang_option
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    help="The organisation's data or scenario, when the plan does not "
    "name it.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Export a plan that orgplan check rejects, or from a folder that "
    "no longer matches its manifest, with a warning.",
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
    """Export a plan's staffing tables: summary, units after, mergers,
    leadership, transfers, separations and movers.

    PLAN_PATH is a plan.json written by `orgplan plan`; the organisation
    is read from the data or scenario the plan names, or from --data.

    Example: orgplan export out/plan.json --format csv --lang vi
    """
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


@click.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--view",
    type=click.Choice(["before", "after", "diff"]),
    help="Which chart [default: before for data, diff for a plan or a "
    "scenario].",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["svg", "pdf", "png", "dot"]),
    default="svg",
    show_default=True,
    help="A PDF holds every page; SVG and PNG give a file per page.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write [default: VIEW.FORMAT in the current folder].",
)
@click.option("--root", help="Draw only this unit (an id) and its subtree.")
@click.option(
    "--depth",
    type=click.IntRange(min=1),
    help="Levels to draw from the top; deeper units are summed up.",
)
@click.option(
    "--max-boxes",
    type=click.IntRange(min=0),
    default=60,
    show_default=True,
    help="Boxes per page before the chart is cut into pages (0: one page).",
)
@lang_option
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    help="The organisation of a plan.json that does not name its data.",
)
@time_limit_option("Seconds to solve a scenario [default: the scenario's].")
@click.option(
    "--force",
    is_flag=True,
    help="Draw a plan that orgplan check rejects, or from a folder that "
    "no longer matches its manifest, with a warning.",
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
    """Draw an organisation chart: before, after a plan, or the changes.

    PATH is an organisation's data (a folder of CSV files or a workbook;
    before view only), a scenario (solved first unless the view is
    before) or a plan.json. Large charts are cut into pages, one per
    subtree; a unit whose subtree goes on another page says how many
    units and staff are below it, and on which page.
    Without Graphviz, the DOT source is written and the message says
    what to install.

    Example: orgplan chart out/plan.json --view diff --format pdf --lang vi
    """
    from orgplan.charts import render_pages, to_dot_pages
    from orgplan.charts.source import open_source
    from orgplan.io.yaml_io import is_scenario

    is_data = path.suffix.lower() != ".json" and not is_scenario(path)
    view = view or ("before" if is_data else "diff")
    source = open_source(
        path, data=data, need_plan=view != "before", time_limit=time_limit
    )
    if path.suffix.lower() == ".json" and source.plan is not None:
        refuse_unchecked(
            path, source.plan, source.organisation, data, force, lang
        )
    pages = to_dot_pages(
        source.organisation,
        plan=source.plan,
        view=view,  # type: ignore[arg-type]
        lang=command_lang(lang),
        root=root,
        depth=depth,
        rulebook=source.rulebook,
        max_boxes=max_boxes or None,
    )
    target = out or Path(f"{view}.{fmt}")
    for written in render_pages(pages, target, fmt):  # type: ignore[arg-type]
        click.echo(str(written))


@click.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the table to a .csv or .html file.",
)
@time_limit_option("Seconds to solve each scenario [default: the scenario's].")
@lang_option
@user_errors
def compare(
    paths: tuple[Path, ...],
    out: Path | None,
    time_limit: float | None,
    lang: str | None,
) -> None:
    """Compare plans side by side: focal points, layers, leaders, staff.

    Each PATH is a plan.json or a scenario (solved first). Numbers are
    after each plan, with the number before in brackets; an infeasible
    scenario gets a column of its own with its status.

    Example: orgplan compare scenarios/a scenarios/b out/plan.json --out c.csv
    """
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
    rows = compare_plans(open_plans(paths, time_limit=time_limit))
    names = headers(language)
    table = Table("", *(str(row["plan"]) for row in rows))
    for column in COLUMNS:
        cells = [cell(row, column, language) for row in rows]
        if any(cells):
            table.add_row(names[column], *cells)
    Console(highlight=False).print(table)
    if out is not None:
        click.echo(str(write_comparison(rows, out, language)))


