"""The commands on input data: validate, stats, template."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

import orgplan
from orgplan.commands.common import (
    command_lang,
    lang_option,
    load_input,
    scenario_lang,
    table,
    user_errors,
)
from orgplan.errors import OutputError
from orgplan.i18n import Lang, label, plural, t

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


@click.command(help=t("help.validate"))
@click.argument(
    "path", metavar=t("metavar.path"), type=click.Path(path_type=Path)
)
@lang_option
@user_errors
def validate(path: Path, lang: str | None) -> None:
    """``orgplan validate``; its help is ``help.validate`` in the catalogue."""
    language = command_lang(lang, scenario_lang(path))
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


@click.command(help=t("help.stats"))
@click.argument(
    "path", metavar=t("metavar.path"), type=click.Path(path_type=Path)
)
@click.option(
    "--json", "as_json", is_flag=True, help=t("help.stats.as_json")
)
@lang_option
@user_errors
def stats(path: Path, as_json: bool, lang: str | None) -> None:
    """``orgplan stats``; its help is ``help.stats`` in the catalogue."""
    from orgplan.graph import stats as organisation_stats

    organisation, rulebook, scenario_lang = load_input(path)
    language = command_lang(lang, scenario_lang)
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
        table(
            lang,
            ("stats_indicator", "stats_value"),
            [
                (label(key, lang), numbers[key])
                for key in HEADLINE_METRICS
                if numbers.get(key) is not None
            ],
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
        table(
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
        table(
            lang,
            OVER_CAP_HEADERS,
            [
                tuple(entry[k] for k in OVER_CAP)
                for entry in numbers["over_cap"]
            ],
            title=label("stats_over_cap", lang),
        )
    )


@click.command(help=t("help.template"))
@click.argument(
    "out",
    metavar=t("metavar.out"),
    type=click.Path(dir_okay=False, path_type=Path),
)
@click.option("--force", is_flag=True, help=t("help.template.force"))
@lang_option
@user_errors
def template(out: Path, lang: str | None, force: bool) -> None:
    """``orgplan template``; its help is ``help.template`` in the catalogue."""
    language = command_lang(lang)
    if out.suffix.lower() != ".xlsx":
        raise click.BadParameter(
            t("cli_template_not_xlsx", language, path=out),
            param_hint=t("metavar.out", language),
        )
    if out.exists() and not force:
        raise click.ClickException(
            t("cli_template_exists", language, path=out)
        )
    try:
        orgplan.write_template(out, lang=language)
    except OutputError as error:
        # Already says the path and why, in the catalogue's words.
        raise click.ClickException(error.text(language)) from error
    except OSError as error:
        raise click.ClickException(
            t(
                "cli_cannot_write",
                language,
                path=out,
                reason=error.strerror or error,
            )
        ) from error
    click.echo(t("cli_template_wrote", language, path=out))


# --- optimiser: plan, check ----------------------------------------------
