"""The organisation after a plan as input data, in either language.

``orgplan export PLAN --format data --lang vi`` writes the organisation
as the plan leaves it (:func:`orgplan.apply.apply`: units, staff, their
localities and functions) as a folder of CSV files the readers take
back: headers and coded values ("sở", "công chức", "có") in the
language asked for, which :mod:`orgplan.i18n.aliases` turns back into
codes. A committee plans in rounds: the next round starts from this.
"""

from __future__ import annotations

from pathlib import Path

from orgplan.i18n import Lang, t
from orgplan.i18n.aliases import word
from orgplan.io.csv_io import write_tables
from orgplan.io.schema import Cell, Column
from orgplan.io.template import header
from orgplan.model import Organisation
from orgplan.rules import Rulebook

FOLDER = "organisation-after"


def write_data(
    organisation: Organisation, folder: Path, lang: Lang, rulebook: Rulebook
) -> list[Path]:
    """Write ``organisation`` as input CSV files into ``folder``.

    Returns
    -------
    list of Path
        The files written (``units.csv`` always, the other tables when
        the organisation has rows in them).

    Raises
    ------
    OSError
        If ``folder`` cannot be written; it is then left as it was.
    """
    return write_tables(
        organisation,
        folder,
        header=lambda table, column: header(table, column, lang),
        value=lambda cell, column: _value(cell, column, lang, rulebook),
    )


def _value(cell: Cell, column: Column, lang: Lang, rulebook: Rulebook) -> Cell:
    if isinstance(cell, bool):
        return t("yes" if cell else "no", lang)
    if not isinstance(cell, str) or column.allowed is None or lang == "en":
        return cell
    if column.name == "kind" and cell in rulebook.kinds:
        return rulebook.kinds[cell].label_vi
    return word(column.name, cell, lang)
