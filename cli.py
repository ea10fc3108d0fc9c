"""The orgplan command line: parse, make one library call, print.

Every command catches only :class:`orgplan.errors.OrgplanError` (exit 1 with
its message); usage errors exit 2 through click; anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

import orgplan
from orgplan.errors import OrgplanError

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


# --- optimiser: plan, check ----------------------------------------------


# --- staffing: export ----------------------------------------------------


# --- views: chart, compare -----------------------------------------------


# --- scenarios: demo -----------------------------------------------------


if __name__ == "__main__":
    main()
