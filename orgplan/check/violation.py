"""One broken rule, as the checker reports it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Violation:
    """One rule a plan breaks, in plain words.

    ``rule`` is a stable key (``lock``, ``must_merge``, ``max_units``,
    ``min_cut.focal_points``, ``deputy_cap``...); ``unit`` the unit it is
    about, if any. Warnings do not make a plan invalid. ``amount`` says by
    how much a target is missed (0 for other rules).
    """

    rule: str
    unit: str | None
    message: str
    severity: Literal["error", "warning"] = "error"
    amount: float = 0

    def __str__(self) -> str:
        tag = "warning" if self.severity == "warning" else "error"
        return f"{tag} [{self.rule}] {self.message}"
