"""Limits that keep a hostile or broken input from costing hours or gigabytes.

Each limit is far above any real province (Vietnam has about 2 million
public servants; a province a few tens of thousands of units) and can be
raised by its environment variable when an honest input needs more. Every
message that reports a limit names that variable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from orgplan.errors import Problem


@dataclass(frozen=True)
class Limit:
    """One limit: its environment variable, default and unit of count."""

    variable: str
    default: int
    unit: str

    @property
    def value(self) -> int:
        """The limit in force: the variable's value if it is a positive
        whole number, else the default."""
        given = os.environ.get(self.variable, "").strip().replace("_", "")
        if given.isdigit() and int(given) > 0:
            return int(given)
        return self.default

    def words(self, what: str, **fields: Any) -> dict[str, Any]:
        """The fields of the catalogue's ``problem_limit``: ``what``
        (a ``limit_*`` key with ``fields``) is over the limit, and how to
        raise it."""
        return {
            "what": {"key": what, **fields},
            "limit": self.value,
            "unit": {"key": f"limit_unit_{self.unit.lower()}"},
            "variable": self.variable,
            "example": self.value * 4,
        }

    def problem(
        self,
        file: str,
        what: str,
        row: int | None = None,
        column: str | None = None,
        sheet: str | None = None,
        /,
        **fields: Any,
    ) -> Problem:
        """The problem of :meth:`words`, in either language."""
        return Problem.of(
            file,
            "problem_limit",
            row,
            column,
            sheet,
            "error",
            **self.words(what, **fields),
        )


# Excel itself holds at most 32,767 characters in a cell.
CELL_CHARS = Limit("ORGPLAN_MAX_CELL_CHARS", 32_767, "characters")
# Excel's own sheet holds 1,048,576 rows.
ROWS = Limit("ORGPLAN_MAX_ROWS", 1_048_575, "rows")
COLUMNS = Limit("ORGPLAN_MAX_COLUMNS", 256, "columns")
# A CSV file, and the sum of a workbook's parts once unpacked (a workbook
# of 200,000 units is 11 MiB, 122 MiB unpacked).
FILE_MB = Limit("ORGPLAN_MAX_FILE_MB", 256, "MiB")
# Levels of lists and mappings inside a scenario or a plan.json (a
# plan nests 5 deep, a scenario 4).
DEPTH = Limit("ORGPLAN_MAX_DEPTH", 64, "levels")
# Values in a scenario once its YAML aliases are expanded.
YAML_NODES = Limit("ORGPLAN_MAX_YAML_NODES", 2_000_000, "values")

MIB = 1024 * 1024
