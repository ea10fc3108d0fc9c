"""One broken rule, as the checker reports it, in either language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from orgplan.i18n import Lang, message, t

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Violation:
    """One rule a plan breaks, in plain words.

    ``rule`` is a stable key (``lock``, ``must_merge``, ``max_units``,
    ``min_cut.focal_points``, ``deputy_cap``...); ``unit`` the unit it is
    about, if any. Warnings do not make a plan invalid. ``amount`` says by
    how much a target is missed (0 for other rules).

    ``message`` is the English text. A violation made by :meth:`of`
    carries its catalogue ``key`` and ``fields`` too, and :meth:`text`
    words it in any language; one without a key (a rule's own text from
    :mod:`orgplan.semantics`) shows ``message`` in every language.
    """

    rule: str
    unit: str | None
    message: str
    severity: Severity = "error"
    amount: float = 0
    key: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def of(
        cls,
        rule: str,
        unit: str | None,
        key: str,
        /,
        *,
        severity: Severity = "error",
        amount: float = 0,
        **fields: Any,
    ) -> Violation:
        """The violation worded by catalogue message ``key``; a field
        may be words in both languages or a message of its own (see
        :func:`orgplan.i18n.message`)."""
        words = message({"key": key, **fields}, "en")
        return cls(rule, unit, words, severity, amount, key, fields)

    def text(self, lang: Lang = "en") -> str:
        """The message in ``lang``."""
        if self.key is None:
            return self.message
        return message({"key": self.key, **self.fields}, lang)

    def line(self, lang: Lang = "en") -> str:
        """``error [rule] message`` as ``orgplan check`` prints it."""
        tag = t(f"violation_{self.severity}", lang)
        return f"{tag} [{self.rule}] {self.text(lang)}"

    def __str__(self) -> str:
        return self.line("en")
