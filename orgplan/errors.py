"""Errors and warnings that orgplan raises for its users.

Anything a user can cause (a bad file, a scenario whose targets conflict, a
missing Graphviz) is an :class:`OrgplanError`; the command line turns it into
a message and exit code 1. Any other exception is a bug in orgplan.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]
# The languages of orgplan.i18n (not imported here: errors load first).
Lang = Literal["en", "vi"]


@dataclass(frozen=True, order=True)
class Problem:
    """One defect in the input, with the place a user can find it.

    ``row`` is the row number as a spreadsheet shows it (the header is row 1,
    the first data row is row 2). ``field`` is the column name, or the key
    path inside a YAML or JSON file. ``message`` is in English; a problem
    made by :meth:`of` also keeps its catalogue key and fields, so that
    :meth:`text` can word it in Vietnamese (docs/semantics.md keeps one
    language at a time).
    """

    file: str
    message: str
    row: int | None = None
    field: str | None = None
    sheet: str | None = None
    severity: Severity = "error"
    # (``field`` above is the column, hence dataclasses.field.)
    key: str | None = dataclasses.field(default=None, compare=False)
    fields: Mapping[str, Any] = dataclasses.field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def of(
        cls,
        file: str,
        key: str,
        row: int | None = None,
        column: str | None = None,
        sheet: str | None = None,
        severity: Severity = "error",
        /,
        **fields: Any,
    ) -> Problem:
        """The problem worded by the catalogue's ``key`` with ``fields``
        (a field may itself be ``{"key": ...}``, see
        :func:`orgplan.i18n.message`)."""
        from orgplan.i18n import message

        words = message({"key": key, **fields}, "en")
        return cls(file, words, row, column, sheet, severity, key, fields)

    @property
    def location(self) -> str:
        return self.location_in("en")

    def location_in(self, lang: Lang) -> str:
        """File, sheet, row (line) and column (field) in ``lang``."""
        from orgplan.i18n import t

        parts = [self.file]
        # YAML and JSON files have lines and key paths, not rows and columns.
        text = self.file.endswith((".yaml", ".yml", ".json"))
        if self.sheet:
            parts.append(t("problem_sheet", lang, sheet=self.sheet))
        if self.row is not None:
            where = "problem_line" if text else "problem_row"
            parts.append(t(where, lang, row=self.row))
        if self.field:
            what = "problem_field" if text else "problem_column"
            parts.append(t(what, lang, column=self.field))
        return ", ".join(parts)

    def text(self, lang: Lang = "en") -> str:
        """The problem with its location, in ``lang`` (the English
        message where the catalogue has none for it)."""
        from orgplan.i18n import message, t

        words = self.message
        if self.key is not None:
            words = message({"key": self.key, **self.fields}, lang)
        tag = t("problem_warning", lang) if self.severity == "warning" else ""
        return f"{self.location_in(lang)}: {tag}{words}"

    def __str__(self) -> str:
        return self.text("en")


class CellError(ValueError):
    """A cell that does not fit its column, worded by the catalogue's
    ``key`` and ``fields`` (English as the exception's text), so that the
    validator's :class:`Problem` can be shown in either language."""

    def __init__(self, key: str, /, **fields: Any) -> None:
        from orgplan.i18n import message

        self.key = key
        self.fields = fields
        super().__init__(message({"key": key, **fields}, "en"))


class OrgplanError(Exception):
    """Base class of the errors a user can cause and act on.

    An error made by :meth:`of` keeps its catalogue key and fields, so
    that :meth:`text` words it in either language; ``str()`` is English.
    """

    key: str | None = None
    fields: Mapping[str, Any] = {}

    @classmethod
    def of(cls, key: str, /, **fields: Any) -> OrgplanError:
        """The error worded by the catalogue's ``key`` with ``fields``."""
        from orgplan.i18n import message

        error = cls(message({"key": key, **fields}, "en"))
        error.key, error.fields = key, fields
        return error

    def text(self, lang: Lang = "en") -> str:
        """The message in ``lang`` (English when made without a key)."""
        if self.key is None:
            return str(self)
        from orgplan.i18n import message

        return message({"key": self.key, **self.fields}, lang)


class InputError(OrgplanError):
    """The input has one or more problems; all of them are listed."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=_problem_order)
        super().__init__(self._text())

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def _text(self) -> str:
        return self.text("en")

    def text(self, lang: Lang = "en") -> str:
        """Every problem, one a line, in ``lang``."""
        from orgplan.i18n import plural, t

        problems = plural("n_problems", len(self.errors), lang)
        head = t("problem_input_head", lang, problems=problems)
        lines = (f"  - {p.text(lang)}" for p in self.problems)
        return "\n".join([head, *lines])


class InfeasibleScenario(OrgplanError):
    """No plan meets the scenario's targets, locks and rules together.

    ``conflicts`` names, in plain words, a small set of constraint groups that
    cannot hold at the same time: each a text, or a catalogue message
    (``{"key": ..., **fields}``) that :meth:`text` words in either language.
    """

    def __init__(
        self, scenario: str, conflicts: Sequence[str | Mapping[str, Any]]
    ) -> None:
        self.scenario = scenario
        self.conflicts = list(conflicts)
        super().__init__(self.text("en"))

    def text(self, lang: Lang = "en") -> str:
        from orgplan.i18n import message, t

        lines = [
            t("infeasible_head", lang, scenario=self.scenario),
            *(f"  - {message(c, lang)}" for c in self.conflicts),
            t("infeasible_tail", lang),
        ]
        return "\n".join(lines)


class GraphvizNotFound(OrgplanError):
    """Graphviz's ``dot`` program is not installed; the DOT text was kept."""

    def __init__(self, dot_path: str) -> None:
        from orgplan.i18n import t

        self.dot_path = dot_path
        self.key, self.fields = "error_no_graphviz", {"path": dot_path}
        super().__init__(t(self.key, "en", path=dot_path))


class ChartError(OrgplanError):
    """A chart cannot be drawn as asked (an unknown ``--root`` unit, an
    after or diff view without a plan, a failed Graphviz run)."""


class OutputError(OrgplanError, OSError):
    """An output cannot be written (a full disk, a read-only folder, a
    path under a file, another run writing it); it was left as it was.

    Also an :class:`OSError`, which is what writers raised before.
    """


class OrgplanWarning(UserWarning):
    """Something in the input that looks wrong but does not stop the work."""


def _problem_order(p: Problem) -> tuple[str, str, int, str, str]:
    return (p.file, p.sheet or "", p.row or 0, p.field or "", p.message)
