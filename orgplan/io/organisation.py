"""Read and write organisations, from data files or through a scenario."""

from __future__ import annotations

import gc
from pathlib import Path

from orgplan.errors import InputError, Problem
from orgplan.io import csv_io, excel
from orgplan.io.yaml_io import is_scenario, read_scenario
from orgplan.model import Organisation
from orgplan.rules import Rulebook, load_rulebook
from orgplan.scenario import Scenario
from orgplan.scenario_checks import scenario_problems
from orgplan.validate import (
    build_organisation,
    has_errors,
    raise_for_errors,
)

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def read_organisation(path: str | Path) -> Organisation:
    """Read the organisation at ``path``.

    Parameters
    ----------
    path
        A folder of CSV files (``units.csv`` and any of ``localities.csv``,
        ``staff.csv``, ``functions.csv``), an ``.xlsx`` workbook with those
        sheets, a scenario ``.yaml`` file or a folder holding
        ``scenario.yaml`` (then the scenario's ``data`` is read, checked
        against the scenario's rulebook).

    Returns
    -------
    Organisation
        The organisation; warnings are issued as
        :class:`~orgplan.errors.OrgplanWarning`.

    Raises
    ------
    orgplan.errors.InputError
        Listing every problem, each with its file, sheet, row and column.
    """
    organisation, _, problems = _inspect(Path(path))
    raise_for_errors(problems)
    assert organisation is not None
    return organisation


def check_input(path: str | Path) -> list[Problem]:
    """Every problem of the input at ``path``, errors and warnings.

    ``path`` is anything :func:`read_organisation` accepts; for a scenario
    the scenario file itself and its references to the data are checked
    too. Nothing is raised for problems in the input.
    """
    problems = _inspect(Path(path))[2]
    return sorted(problems, key=lambda p: (p.file, p.sheet or "", p.row or 0))


def open_scenario(path: str | Path) -> tuple[Organisation, Scenario]:
    """The organisation and the scenario at ``path``, checked together.

    Raises
    ------
    orgplan.errors.InputError
        If ``path`` is not a scenario, or the scenario, its data or the
        references between them have problems (all are listed).
    """
    path = Path(path)
    if not is_scenario(path):
        raise InputError(
            [Problem.of(str(path), "problem_not_a_scenario_path")]
        )
    organisation, scenario, problems = _inspect(path)
    raise_for_errors(problems, scenario.lang if scenario else None)
    assert organisation is not None and scenario is not None
    return organisation, scenario


def write_organisation(organisation: Organisation, path: str | Path) -> None:
    """Write ``organisation`` to ``path`` so that reading it gives it back.

    An ``.xlsx`` path gets one workbook; any other path a folder of CSV
    files. Nothing is half-written: the output is made in a temporary
    place and moved in at the end.

    Raises
    ------
    OSError
        If ``path`` cannot be written.
    """
    path = Path(path)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        excel.write_workbook(organisation, path)
    else:
        csv_io.write_tables(organisation, path)


def _inspect(
    path: Path,
) -> tuple[Organisation | None, Scenario | None, list[Problem]]:
    if not path.exists():
        return None, None, [Problem.of(str(path), "problem_no_path")]
    if not is_scenario(path):
        organisation, problems = _read_data(path, load_rulebook())
        return organisation, None, problems
    read = read_scenario(path)
    problems = list(read.problems)
    scenario = read.scenario
    if read.data is None or not read.data.exists():
        return None, scenario, problems
    # A scenario with errors still gets its data checked, by the default
    # rules, so that the user sees every problem at once.
    rulebook = (
        scenario.rulebook()
        if scenario is not None and not has_errors(problems)
        else load_rulebook()
    )
    organisation, data_problems = _read_data(read.data, rulebook)
    problems += data_problems
    if (
        organisation is not None
        and scenario is not None
        and not has_errors(problems)
    ):
        problems += scenario_problems(
            organisation, scenario, rulebook, str(read.file), read.line_of
        )
    if has_errors(problems):
        organisation = None
    return organisation, scenario, problems


def _read_data(
    path: Path, rulebook: Rulebook
) -> tuple[Organisation | None, list[Problem]]:
    # Reading makes millions of objects and no reference cycles: Python's
    # cycle collector would walk them again and again (40% of the time
    # for 200,000 units) and find nothing.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse_data(path, rulebook)
    finally:
        if enabled:
            gc.enable()


def _parse_data(
    path: Path, rulebook: Rulebook
) -> tuple[Organisation | None, list[Problem]]:
    if path.is_dir():
        tables, problems = csv_io.read_tables(path)
    elif path.suffix.lower() in WORKBOOK_SUFFIXES:
        tables, problems = excel.read_tables(path)
    else:
        return None, [Problem.of(str(path), "problem_not_a_source")]
    if "units" not in tables:
        return None, problems
    organisation, found = build_organisation(tables, rulebook)
    problems += found
    if has_errors(problems):
        organisation = None
    return organisation, problems
