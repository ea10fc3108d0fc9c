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
from orgplan.io.atomic import atomic_folder
from orgplan.io.safe_text import write_csv
from orgplan.io.schema import TABLES, Cell, Column, table_cells
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
    written = []
    with atomic_folder(folder, [t.file for t in TABLES.values()]) as tmp:
        for table in TABLES.values():
            rows = table_cells(organisation, table)
            if not rows and not table.required:
                continue
            write_csv(
                tmp / table.file,
                [header(table, c, lang) for c in table.columns],
                (
                    [
                        _value(cell, column, lang, rulebook)
                        for cell, column in zip(
                            row, table.columns, strict=True
                        )
                    ]
                    for row in rows
                ),
            )
            written.append(folder / table.file)
    return written


def _value(cell: Cell, column: Column, lang: Lang, rulebook: Rulebook) -> Cell:
    if isinstance(cell, bool):
        return t("yes" if cell else "no", lang)
    if not isinstance(cell, str) or column.allowed is None or lang == "en":
        return cell
    if column.name == "kind" and cell in rulebook.kinds:
        return rulebook.kinds[cell].label_vi
    return word(column.name, cell, lang)
