"""What every command shares: the --lang option, clean user errors, the
input loader and rich tables.

Heavier modules are imported inside the functions so that `orgplan --help`
stays fast.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import click

from orgplan.errors import OrgplanError, OrgplanWarning
from orgplan.i18n import LANGS, Lang, label, resolve_lang, t

if TYPE_CHECKING:
    from rich.table import Table

    from orgplan.model import Organisation
    from orgplan.rules import Rulebook

F = TypeVar("F", bound=Callable[..., Any])

lang_option = click.option(
    "--lang",
    type=click.Choice(LANGS),
    help=t("help.lang"),
)


# Where a command keeps the language it resolved (click's context meta,
# shared by the group's context): its errors, and click's "Error:" before
# them (orgplan.commands.localised), are worded in it.
RUN_LANG = "orgplan.lang"


def command_lang(given: str | None, scenario: str | None = None) -> Lang:
    """The language of this run (see orgplan.i18n.resolve_lang), kept as
    the run's for its errors."""
    try:
        language = resolve_lang(given, scenario)
    except ValueError as error:
        raise click.UsageError(str(error)) from error
    _keep(language)
    return language


def _run_lang() -> Lang | None:
    """The language the running command resolved, if it has."""
    context = click.get_current_context(silent=True)
    return context.meta.get(RUN_LANG) if context else None


def _keep(language: Lang) -> None:
    context = click.get_current_context(silent=True)
    if context is not None:
        context.meta[RUN_LANG] = language


def _error_lang(given: str | None, error: Exception) -> Lang:
    """The language of an error: ``--lang``, else the scenario's when its
    data are at fault (orgplan.validate.ScenarioInputError), else the
    one the command resolved (a scenario it opened), else the
    environment's; English when the environment names none orgplan
    speaks."""
    scenario = getattr(error, "lang", None)
    known = _run_lang()
    if scenario is None and known is not None:
        return known
    try:
        language = resolve_lang(given, scenario)
    except ValueError:
        language = "en"
    _keep(language)
    return language

# The longest --time-limit (seconds): a week; "inf" is no limit.
WEEK = 604_800


def time_limit_option(help_text: str) -> Callable[[F], F]:
    """The --time-limit option (seconds, above 0, at most a week)."""
    return click.option(
        "--time-limit",
        type=click.FloatRange(min=0, min_open=True, max=WEEK),
        help=help_text,
    )

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def user_errors(command: F) -> F:
    """Turn an OrgplanError into a clean message and exit code 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (OrgplanError, OSError) as error:
            language = _error_lang(kwargs.get("lang"), error)
            if isinstance(error, OrgplanError):
                raise click.ClickException(error.text(language)) from error
            # A file that cannot be read or written: its path and the
            # operating system's reason, never a traceback.
            where = error.filename or t("cli_a_file", language)
            raise click.ClickException(
                f"{where}: {error.strerror or error}"
            ) from error

    return wrapper  # type: ignore[return-value]



def plain_warning(message: Warning | str, *_: object, **__: object) -> None:
    """Print a warning as a plain line, without Python's source line."""
    click.echo(warning_text(message), err=True)


def warning_text(message: Warning | str) -> str:
    """A warning in the language of the command running: a warning in
    the input (orgplan.validate.InputWarning) is worded by ``--lang``,
    else the scenario's ``lang:``, else $ORGPLAN_LANG; any other as it
    is."""
    problem = getattr(message, "problem", None)
    if problem is None:
        return str(message)
    context = click.get_current_context(silent=True)
    given = context.params.get("lang") if context else None
    try:
        language = resolve_lang(given, getattr(message, "lang", None))
    except ValueError:
        language = "en"
    text: str = problem.text(language)
    return text


class Input(NamedTuple):
    """What a command reads from its PATH argument."""

    organisation: Organisation
    rulebook: Rulebook
    # The scenario's lang: (None for plain data, or a scenario without).
    lang: Lang | None = None


def load_input(path: Path) -> Input:
    """The organisation at ``path``, the rulebook it is read under and the
    scenario's language.

    A scenario brings its own rulebook (with its overrides) and may name
    a language; plain data is read under vn-2025. Warnings in the input
    are printed to stderr.

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
            found = Input(organisation, scenario.rulebook(), scenario.lang)
        else:
            found = Input(read_organisation(path), load_rulebook())
    for warning in caught:
        click.echo(warning_text(warning.message), err=True)
    return found


def scenario_lang(path: Path) -> Lang | None:
    """The ``lang:`` of the scenario at ``path``, for a command that reads
    it through something other than :func:`load_input`; None for plain
    data, a plan.json or a scenario that does not read (its problems are
    then worded by ``--lang`` or the environment)."""
    from orgplan.io.yaml_io import is_scenario, read_scenario

    if not is_scenario(path):
        return None
    scenario = read_scenario(path).scenario
    return scenario.lang if scenario is not None else None


def table(
    lang: Lang,
    keys: tuple[str, ...],
    rows: list[tuple[Any, ...]],
    title: str | None = None,
) -> Table:
    """A rich table with headers ``keys`` in ``lang``."""
    from rich.table import Table

    shown = Table(*(label(key, lang) for key in keys), title=title)
    for row in rows:
        shown.add_row(*(str(value) for value in row))
    return shown
