"""The orgplan command line: parse, make one library call, print.

Every command catches only :class:`orgplan.errors.OrgplanError` (exit 1 with
its message); usage errors exit 2 through click; anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

# isort: off
# First, so that Ctrl-C while the rest loads is a message, not a traceback.
from orgplan import interrupt

# isort: on
import functools
import json
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

import orgplan
from orgplan.errors import InputError, OrgplanError, OrgplanWarning
from orgplan.i18n import (
    LANGS,
    Lang,
    date_text,
    label,
    number_text,
    percent_text,
    plural,
    resolve_lang,
    status_word,
    t,
)

if TYPE_CHECKING:
    from rich.table import Table

    from orgplan.model import Organisation
    from orgplan.rules import Rulebook

F = TypeVar("F", bound=Callable[..., Any])

lang_option = click.option(
    "--lang",
    type=click.Choice(LANGS),
    help="Language of everything shown and written: en, or vi for "
    "Vietnamese [default: the scenario's lang, else $ORGPLAN_LANG, "
    "else en].",
)


def _lang(given: str | None, scenario: str | None = None) -> Lang:
    """The language of this run (see orgplan.i18n.resolve_lang)."""
    try:
        return resolve_lang(given, scenario)
    except ValueError as error:
        raise click.UsageError(str(error)) from error

# The longest --time-limit (seconds): a week; "inf" is no limit.
WEEK = 604_800

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def user_errors(command: F) -> F:
    """Turn an OrgplanError into a clean message and exit code 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except InputError as error:
            # In the language asked for (the scenario's is not known when
            # the scenario itself is at fault).
            try:
                language = resolve_lang(kwargs.get("lang"))
            except ValueError:
                language = "en"
            raise click.ClickException(error.text(language)) from error
        except OrgplanError as error:
            raise click.ClickException(str(error)) from error
        except OSError as error:
            # A file that cannot be read or written: its path and the
            # operating system's reason, never a traceback.
            where = error.filename or "a file"
            raise click.ClickException(
                f"{where}: {error.strerror or error}"
            ) from error

    return wrapper  # type: ignore[return-value]


@click.group(context_settings=CONTEXT)
@click.version_option(orgplan.__version__, prog_name="orgplan")
def main() -> None:
    """Plan the restructuring of a public administration.

    Load an organisation from CSV files or an Excel workbook, check it,
    measure it, and let the optimiser propose mergers, folded levels and
    leadership posts under the decrees' rules, with a staffing plan.

    Example: orgplan plan scenarios/province-departments --out out/
    """
    # Warnings are printed as plain lines, without Python's source line.
    warnings.showwarning = _plain_warning


def _plain_warning(message: Warning | str, *_: object, **__: object) -> None:
    click.echo(str(message), err=True)


# --- foundation: validate, stats, template -------------------------------
# Heavier modules are imported inside the commands so that `orgplan --help`
# stays fast.

BALANCE = ("units", "quota", "actual", "surplus", "deficit")
OVER_CAP = ("unit", "name", "deputies", "cap", "excess", "rule")
OVER_CAP_HEADERS = (
    "unit",
    "name",
    "deputies",
    "stats_cap",
    "stats_excess",
    "stats_rule",
)


def load_input(path: Path) -> tuple[Organisation, Rulebook]:
    """The organisation at ``path`` and the rulebook it is read under.

    A scenario brings its own rulebook (with its overrides); plain data is
    read under vn-2025. Warnings in the input are printed to stderr.

    Raises
    ------
    orgplan.errors.InputError
        If the input has errors (all are listed).
    """
    from orgplan.io import open_scenario, read_organisation
    from orgplan.io.yaml_io import is_scenario
    from orgplan.rules import load_rulebook

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", OrgplanWarning)
        if is_scenario(path):
            organisation, scenario = open_scenario(path)
            rulebook = scenario.rulebook()
        else:
            organisation, rulebook = read_organisation(path), load_rulebook()
    for warning in caught:
        click.echo(str(warning.message), err=True)
    return organisation, rulebook


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@lang_option
@user_errors
def validate(path: Path, lang: str | None) -> None:
    """Check input data or a scenario and list every problem in it.

    PATH is a folder of CSV files, an .xlsx workbook, a scenario .yaml
    file or a folder holding scenario.yaml. Each problem is printed with
    its file, sheet, row and column. Warnings are printed too but leave
    the input valid (exit 0); any error exits with 1.

    Example: orgplan validate scenarios/province-small
    """
    language = _lang(lang)
    problems = orgplan.check_input(path)
    for problem in problems:
        click.echo(f"  - {problem.text(language)}")
    errors = sum(p.severity == "error" for p in problems)
    if errors:
        raise click.ClickException(
            t(
                "cli_invalid",
                language,
                path=path,
                problems=plural("n_problems", errors, language),
            )
        )
    warned = len(problems) - errors
    if warned:
        click.echo(
            t(
                "cli_valid_warned",
                language,
                path=path,
                warnings=plural("n_warnings", warned, language),
            )
        )
    else:
        click.echo(t("cli_valid", language, path=path))


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--json", "as_json", is_flag=True, help="Print every number as JSON."
)
@lang_option
@user_errors
def stats(path: Path, as_json: bool, lang: str | None) -> None:
    """Show the headline numbers of an organisation.

    Units, focal points, layers, leaders, quota against actual staff,
    spans of control, staff by locality and the units above their deputy
    cap. PATH is anything `orgplan validate` accepts; a scenario's rule
    overrides apply.

    Example: orgplan stats scenarios/province-small --lang vi
    """
    from orgplan.graph import stats as organisation_stats

    language = _lang(lang)
    organisation, rulebook = load_input(path)
    numbers = organisation_stats(organisation, rulebook, language)
    if as_json:
        click.echo(json.dumps(numbers, ensure_ascii=False, indent=2))
        return
    _print_stats(numbers, organisation.name or str(path), language)


def _print_stats(numbers: dict[str, Any], title: str, lang: Lang) -> None:
    from rich.console import Console

    from orgplan.plan import HEADLINE_METRICS

    console = Console(highlight=False)
    console.print(
        _table(
            lang,
            ("stats_indicator", "stats_value"),
            [(label(key, lang), numbers[key]) for key in HEADLINE_METRICS],
            title=title,
        )
    )
    spans = numbers["spans"]
    shown = {
        key: "-" if spans[key] is None else f"{spans[key]:g}"
        for key in ("min", "median", "max", "mean")
    }
    buckets = " · ".join(
        f"{bucket}: {count}" for bucket, count in spans["distribution"].items()
    )
    console.print(
        f"{label('stats_spans', lang)}: "
        f"{label('stats_spans_line', lang).format(**shown)}\n  {buckets}"
    )
    console.print(
        _table(
            lang,
            ("locality", "name", *BALANCE),
            [
                (key, row["name"], *(row[k] for k in BALANCE))
                for key, row in numbers["by_locality"].items()
            ],
        )
    )
    if not numbers["over_cap"]:
        console.print(label("stats_none_over_cap", lang))
        return
    console.print(
        _table(
            lang,
            OVER_CAP_HEADERS,
            [
                tuple(entry[k] for k in OVER_CAP)
                for entry in numbers["over_cap"]
            ],
            title=label("stats_over_cap", lang),
        )
    )


def _table(
    lang: Lang,
    keys: tuple[str, ...],
    rows: list[tuple[Any, ...]],
    title: str | None = None,
) -> Table:
    from rich.table import Table

    table = Table(*(label(key, lang) for key in keys), title=title)
    for row in rows:
        table.add_row(*(str(value) for value in row))
    return table


@main.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--force", is_flag=True, help="Overwrite OUT if it exists."
)
@lang_option
@user_errors
def template(out: Path, lang: str | None, force: bool) -> None:
    """Write a blank input workbook to fill in, with a README sheet.

    The workbook has one sheet per table (units, localities, staff,
    functions) with drop-down lists where values are fixed, and a README
    sheet that explains every column. OUT must end in .xlsx.

    Example: orgplan template hoa-son.xlsx --lang vi
    """
    language = _lang(lang)
    if out.suffix.lower() != ".xlsx":
        raise click.BadParameter(
            f"{out} does not end in .xlsx", param_hint="OUT"
        )
    if out.exists() and not force:
        raise click.ClickException(
            t("cli_template_exists", language, path=out)
        )
    try:
        orgplan.write_template(out, lang=language)
    except OSError as error:
        raise click.ClickException(
            f"cannot write {out}: {error.strerror or error}"
        ) from error
    click.echo(t("cli_template_wrote", language, path=out))


# --- optimiser: plan, check ----------------------------------------------


@main.command()
@click.argument("plan_path", metavar="PLAN", type=click.Path(path_type=Path))
@click.option(
    "--scenario",
    "scenario_path",
    type=click.Path(path_type=Path),
    help="The scenario the plan answers [default: the one plan.json names].",
)
@lang_option
@user_errors
def check(
    plan_path: Path, scenario_path: Path | None, lang: str | None
) -> None:
    """Check a plan against every rule and invariant, without a solver.

    Reads PLAN (a plan.json) and its scenario, applies the plan to the
    organisation and lists each rule it breaks: locks, must-merge pairs,
    targets, minimum sizes, deputy caps, one owner per function, every
    person accounted for, staff conserved, the objective. Exits with 0
    when there is no error (warnings allowed), 1 otherwise.

    Example: orgplan check out/plan.json
    """
    from orgplan.check import check_plan
    from orgplan.io import open_scenario, read_plan

    the_plan = read_plan(plan_path)
    named = the_plan.settings.get("scenario_path")
    source = scenario_path or (Path(named) if named else None)
    if source is None:
        raise click.UsageError(
            t("cli_no_scenario", _lang(lang), path=plan_path)
        )
    organisation, scenario = open_scenario(source)
    language = _lang(lang, scenario.lang)
    _same_organisation(the_plan, organisation, plan_path, source, language)
    violations = check_plan(organisation, scenario, the_plan)
    errors = [v for v in violations if v.severity == "error"]
    for violation in sorted(violations, key=lambda v: v.severity):
        click.echo(str(violation))
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


@main.command()
@click.argument(
    "scenario_path", metavar="SCENARIO", type=click.Path(path_type=Path)
)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write plan.json (and the outputs) into.",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0, min_open=True, max=WEEK),
    help="Seconds to search [default: the scenario's].",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1, max=64),
    help="Solver threads [default: the scenario's].",
)
@click.option(
    "--seed",
    type=click.IntRange(min=0, max=2**31 - 1),
    help="Random seed of the search [default: the scenario's].",
)
@click.option(
    "--reproducible",
    is_flag=True,
    default=None,
    help="One thread and a deterministic time budget: the same plan on "
    "any machine.",
)
@click.option(
    "--method",
    type=click.Choice(["cpsat", "greedy", "mip"]),
    help="CP-SAT (the optimiser), the greedy baseline, or the same model "
    "as a MIP for HiGHS (its bound; pip install orgplan[mip]).",
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
    """Propose a restructuring that meets a scenario's targets and rules.

    Solves the scenario (merges, folded levels, splits, leadership and
    the staffing plan), shows the search's progress, writes
    OUT/plan.json and prints the numbers before and after. Ctrl-C stops
    the search and keeps the best plan found so far. A scenario with no
    plan exits with 1 and says which requirements conflict.

    Example: orgplan plan scenarios/province-departments --out out/
    """
    from rich.console import Console

    from orgplan.io import open_scenario
    from orgplan.optimize.progress import on_ctrl_c
    from orgplan.outputs import write_outputs
    from orgplan.plan import SolveStatus

    organisation, scenario = open_scenario(scenario_path)
    language = _lang(lang, scenario.lang)
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
            status.update(_progress_line(p, language))

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
    console.print(_plan_summary(result, language))
    for line in _plan_lines(result, language, waited):
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


def _progress_line(p: orgplan.optimize.Progress, lang: Lang) -> str:
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
        elapsed=f"{p.elapsed:.1f}",
    )


def _plan_lines(
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
            seconds=f"{seconds:.1f}",
            merges=len(found.merges),
            folds=len(found.flattened),
            splits=len(found.splits),
        )
    ]
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


def _plan_summary(result: orgplan.Result, lang: Lang) -> Table:
    from rich.table import Table

    from orgplan.plan import HEADLINE_METRICS

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
    for key in HEADLINE_METRICS:
        b, a = getattr(before, key), getattr(after, key)
        table.add_row(label(key, lang), str(b), str(a), f"{a - b:+d}")
    return table


def _refuse_unchecked(
    plan_path: Path,
    the_plan: orgplan.Plan,
    organisation: Organisation,
    data: Path | None,
    force: bool,
) -> None:
    """Stop when plan.json's folder no longer matches its manifest or the
    plan breaks a rule ``orgplan check`` finds; with ``force``, warn and
    go on (a hand-made plan, a draft to look at)."""
    from orgplan.check import check_plan
    from orgplan.io import open_scenario
    from orgplan.io.run_folder import mismatches
    from orgplan.io.yaml_io import is_scenario

    problems = mismatches(plan_path.parent)
    named = the_plan.settings.get("scenario_path")
    source = data if data is not None and is_scenario(data) else None
    source = source or (Path(named) if named else None)
    if source is not None:
        scenario = open_scenario(source)[1]
        problems += [
            str(v)
            for v in check_plan(organisation, scenario, the_plan)
            if v.severity == "error"
        ]
    if not problems:
        return
    what = "\n".join(f"  - {p}" for p in problems)
    if force:
        click.echo(
            f"warning: {plan_path} goes on with --force despite:\n{what}",
            err=True,
        )
        return
    raise click.ClickException(
        f"{plan_path} is refused (orgplan check {plan_path} tells more):"
        f"\n{what}\nGive --force to go on all the same."
    )


# --- staffing: export ----------------------------------------------------

if TYPE_CHECKING:
    from orgplan.export import Format


@main.command()
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
    _refuse_unchecked(plan_path, plan, organisation, data, force)
    folder = out or plan_path.parent
    # Not while a plan run swaps this folder (its lock, see run_folder).
    with folder_lock(folder):
        written = write_staffing_plan(
            plan,
            organisation,
            folder,
            lang=_lang(lang, plan.settings.get("lang")),
            formats=(fmt,),
        )
    for path in written:
        click.echo(str(path))


# --- views: chart, compare -----------------------------------------------


@main.command()
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
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0, min_open=True, max=WEEK),
    help="Seconds to solve a scenario [default: the scenario's].",
)
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
        _refuse_unchecked(
            path, source.plan, source.organisation, data, force
        )
    pages = to_dot_pages(
        source.organisation,
        plan=source.plan,
        view=view,  # type: ignore[arg-type]
        lang=_lang(lang),
        root=root,
        depth=depth,
        rulebook=source.rulebook,
        max_boxes=max_boxes or None,
    )
    target = out or Path(f"{view}.{fmt}")
    for written in render_pages(pages, target, fmt):  # type: ignore[arg-type]
        click.echo(str(written))


@main.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the table to a .csv or .html file.",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0, min_open=True, max=WEEK),
    help="Seconds to solve each scenario [default: the scenario's].",
)
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

    language = _lang(lang)
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


# --- scenarios: demo -----------------------------------------------------

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
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0, min_open=True, max=WEEK),
    help="Seconds to search [default: the scenario's, 45].",
)
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
