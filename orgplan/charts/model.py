"""What a chart shows, before it becomes DOT text (plain data).

A :class:`Chart` is a tree of :class:`Box` es; in the diff view a unit
that vanished hangs under the unit it went into. The builders
(:mod:`orgplan.charts.views`) fill it from an organisation and a plan;
pagination and DOT writing only read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from orgplan.labels import Lang

# Characters per line of a unit's name, and of a note, inside its box.
NAME_WIDTH = 24
NOTE_WIDTH = 30

View = Literal["before", "after", "diff"]
VIEWS: tuple[View, ...] = ("before", "after", "diff")

Status = Literal[
    "unchanged",
    "merged",
    "receiving",
    "new",
    "merged_away",
    "folded",
    "split",
    "removed",
]
# Statuses of units that no longer exist after the plan (drawn dashed).
GONE: frozenset[Status] = frozenset(
    {"merged_away", "folded", "split", "removed"}
)


@dataclass(frozen=True)
class Box:
    """One unit as the chart shows it."""

    id: str
    name: str
    kind: str
    heads: int
    deputies: int
    quota: int
    actual: int
    excess: int = 0
    reduce_by: str | None = None
    status: Status | None = None
    note: str | None = None

    @property
    def gone(self) -> bool:
        return self.status in GONE


@dataclass(frozen=True)
class Chart:
    """Boxes in a tree (``children[None]`` are the roots), in stable order."""

    view: View
    lang: Lang
    title: str
    boxes: dict[str, Box]
    children: dict[str | None, tuple[str, ...]]
    _totals: dict[str, tuple[int, int]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def kids(self, box_id: str | None) -> tuple[str, ...]:
        return self.children.get(box_id, ())

    def below(self, box_id: str) -> tuple[int, int]:
        """Units and staff under ``box_id`` (itself excluded).

        Staff of units that vanish in the diff view are not counted: they
        are already in the units that received them.
        """
        if box_id not in self._totals:
            units = staff = 0
            stack = list(self.kids(box_id))
            while stack:
                child = stack.pop()
                units += 1
                box = self.boxes[child]
                staff += 0 if box.gone else box.actual
                stack.extend(self.kids(child))
            self._totals[box_id] = (units, staff)
        return self._totals[box_id]
