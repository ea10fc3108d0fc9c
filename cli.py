"""The orgplan command line: parse, make one library call, print.

Every command catches only :class:`orgplan.errors.OrgplanError` (exit 1 with
its message); usage errors exit 2 through click; anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

import functools
import json
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

import orgplan
from orgplan.errors import OrgplanError, OrgplanWarning
from orgplan.labels import LANGS, Lang, label

if TYPE_CHECKING:
    from orgplan.model import Organisation
    from orgplan.rules import Rulebook

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def user_errors(command: F) -> F:
    """Turn an OrgplanError into a clean message and exit code 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except OrgplanError as error:
            raise click.ClickException(str(error)) from error

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


# --- foundation: validate, stats, template -------------------------------
# Heavier modules are imported inside the commands so that `orgplan --help`
# stays fast.

HEADLINE = (
    "units",
    "focal_points",
    "layers",
    "intermediate_units",
    "heads",
    "deputies",
    "leaders",
    "quota",
    "actual",
    "surplus",
    "deficit",
)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


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
@user_errors
def validate(path: Path) -> None:
    """Check input data or a scenario and list every problem in it.

    PATH is a folder of CSV files, an .xlsx workbook, a scenario .yaml
    file or a folder holding scenario.yaml. Each problem is printed with
    its file, sheet, row and column. Warnings are printed too but leave
    the input valid (exit 0); any error exits with 1.

    Example: orgplan validate scenarios/province-small
    """
    problems = orgplan.check_input(path)
    for problem in problems:
        click.echo(f"  - {problem}")
    errors = sum(p.severity == "error" for p in problems)
    if errors:
        raise click.ClickException(
            f"{path}: {_plural(errors, 'problem')}; fix them and run again."
        )
    warned = len(problems) - errors
    note = f" with {_plural(warned, 'warning')}" if warned else ""
    click.echo(f"{path} is valid{note}.")


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--json", "as_json", is_flag=True, help="Print every number as JSON."
)
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default="en",
    show_default=True,
    help="Language of the labels and unit names.",
)
@user_errors
def stats(path: Path, as_json: bool, lang: Lang) -> None:
    """Show the headline numbers of an organisation.

    Units, focal points, layers, leaders, quota against actual staff,
    spans of control, staff by locality and the units above their deputy
    cap. PATH is anything `orgplan validate` accepts; a scenario's rule
    overrides apply.

    Example: orgplan stats scenarios/province-small --lang vi
    """
    from orgplan.graph import stats as organisation_stats

    organisation, rulebook = load_input(path)
    numbers = organisation_stats(organisation, rulebook, lang)
    if as_json:
        click.echo(json.dumps(numbers, ensure_ascii=False, indent=2))
        return
    _print_stats(numbers, organisation.name or str(path), lang)


def _print_stats(numbers: dict[str, Any], title: str, lang: Lang) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    headline = Table(
        label("stats_indicator", lang), label("stats_value", lang), title=title
    )
    for key in HEADLINE:
        headline.add_row(label(key, lang), str(numbers[key]))
    console.print(headline)

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

    places = Table(
        label("locality", lang),
        label("name", lang),
        *(label(k, lang) for k in ("units", "quota", "actual")),
        *(label(k, lang) for k in ("surplus", "deficit")),
    )
    for key, row in numbers["by_locality"].items():
        places.add_row(
            key,
            row["name"],
            *(
                str(row[k])
                for k in ("units", "quota", "actual", "surplus", "deficit")
            ),
        )
    console.print(places)

    if not numbers["over_cap"]:
        console.print(label("stats_none_over_cap", lang))
        return
    over = Table(
        label("unit", lang),
        label("name", lang),
        label("deputies", lang),
        label("stats_cap", lang),
        label("stats_excess", lang),
        label("stats_rule", lang),
        title=label("stats_over_cap", lang),
    )
    for entry in numbers["over_cap"]:
        over.add_row(
            entry["unit"],
            entry["name"],
            str(entry["deputies"]),
            str(entry["cap"]),
            str(entry["excess"]),
            entry["rule"],
        )
    console.print(over)


@main.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@user_errors
def template(out: Path) -> None:
    """Write a blank input workbook to fill in, with a README sheet.

    The workbook has one sheet per table (units, localities, staff,
    functions) with drop-down lists where values are fixed, and a README
    sheet that explains every column. OUT must end in .xlsx.

    Example: orgplan template hoa-son.xlsx
    """
    if out.suffix.lower() != ".xlsx":
        raise click.BadParameter(
            f"{out} does not end in .xlsx", param_hint="OUT"
        )
    try:
        orgplan.write_template(out)
    except OSError as error:
        raise click.ClickException(
            f"cannot write {out}: {error.strerror or error}"
        ) from error
    click.echo(f"Wrote the blank workbook {out}.")


# --- optimiser: plan, check ----------------------------------------------


# --- staffing: export ----------------------------------------------------


# --- views: chart, compare -----------------------------------------------


# --- scenarios: demo -----------------------------------------------------


if __name__ == "__main__":
    main()
