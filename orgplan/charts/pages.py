"""Cut a large chart into readable pages, one per subtree.

A page shows whole levels of a subtree, as many as fit in ``max_boxes``
boxes. A unit on the last level whose children did not fit gets a
roll-up box (units and staff below, and the page that continues there);
that page shows the unit again at its top, then its own subtree. A unit
with more children than fit on one page has them spread over parts.
``depth`` hides everything deeper than that many levels below the top,
``root`` starts the chart at one unit.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from orgplan.charts.model import Chart
from orgplan.errors import ChartError

# Boxes on one page; readable on an A4 or a screen with 10pt text.
MAX_BOXES = 60


@dataclass(frozen=True)
class Rollup:
    """What is cut off under a unit of a page."""

    units: int
    staff: int
    page: int | None  # 1-based page that continues, None past ``depth``


@dataclass(frozen=True)
class Page:
    """One page: its boxes in drawing order and the roll-ups under some.

    ``anchor`` is the unit repeated at the top for context (``None`` on the
    first page); it is drawn on page ``anchor_page`` with a roll-up.
    """

    number: int
    boxes: tuple[str, ...]
    rollups: dict[str, Rollup]
    anchor: str | None = None
    anchor_page: int | None = None
    part: tuple[int, int] = (1, 1)

    @property
    def size(self) -> int:
        """Boxes drawn, roll-ups included."""
        return len(self.boxes) + len(self.rollups)


@dataclass(frozen=True)
class _Task:
    """A page to draw: ``heads`` (at ``level``) and what lies under them."""

    anchor: str | None
    anchor_page: int | None
    heads: tuple[str, ...]
    level: int
    part: tuple[int, int]


def paginate(
    chart: Chart,
    *,
    root: str | None = None,
    depth: int | None = None,
    max_boxes: int | None = MAX_BOXES,
) -> list[Page]:
    """Pages of ``chart``: one page when it fits or ``max_boxes`` is None.

    Parameters
    ----------
    chart
        The chart to cut.
    root
        Draw only this unit and what is under it.
    depth
        Levels to show from the top (the top unit or the roots are level
        1); deeper units are summed up in roll-up boxes.
    max_boxes
        Boxes per page at most (roll-ups included), unless a single unit
        and its roll-up alone exceed it; ``None`` for a single page.

    Returns
    -------
    list of Page
        In reading order: the top first, then each continued subtree.

    Raises
    ------
    orgplan.errors.ChartError
        If ``root`` is not in the chart, ``depth`` is below 1 or
        ``max_boxes`` below 3.
    """
    if root is not None and root not in chart.boxes:
        raise ChartError(f"Unit {root!r} (given as the root) is not found.")
    if depth is not None and depth < 1:
        raise ChartError(f"The depth must be 1 or more (got {depth}).")
    if max_boxes is not None and max_boxes < 3:
        raise ChartError(f"A page needs room for 3 boxes (got {max_boxes}).")
    heads = (root,) if root is not None else chart.kids(None)
    tasks = deque(_tasks(chart, None, None, heads, 1, max_boxes))
    pages: list[Page] = []
    while tasks:
        task = tasks.popleft()
        number = len(pages) + 1
        levels = _levels(chart, task, depth, max_boxes)
        below = task.level + len(levels)
        rollups: dict[str, Rollup] = {}
        for unit in levels[-1]:
            if not chart.kids(unit):
                continue
            units, staff = chart.below(unit)
            page = None
            if depth is None or below <= depth:
                # Pages are numbered in queue order.
                page = number + len(tasks) + 1
                tasks.extend(
                    _tasks(
                        chart,
                        unit,
                        number,
                        chart.kids(unit),
                        below,
                        max_boxes,
                    )
                )
            rollups[unit] = Rollup(units, staff, page)
        top = (task.anchor,) if task.anchor is not None else ()
        pages.append(
            Page(
                number=number,
                boxes=top + tuple(b for level in levels for b in level),
                rollups=rollups,
                anchor=task.anchor,
                anchor_page=task.anchor_page,
                part=task.part,
            )
        )
    return pages


def _tasks(
    chart: Chart,
    anchor: str | None,
    anchor_page: int | None,
    heads: tuple[str, ...],
    level: int,
    max_boxes: int | None,
) -> list[_Task]:
    """One page per group of ``heads`` that fits, each with its roll-up."""
    groups: list[list[str]] = [[]]
    if max_boxes is None:
        groups = [list(heads)]
    else:
        room = max_boxes - (anchor is not None)
        used = 0
        for head in heads:
            cost = 1 + bool(chart.kids(head))
            if groups[-1] and used + cost > room:
                groups.append([])
                used = 0
            groups[-1].append(head)
            used += cost
    return [
        _Task(anchor, anchor_page, tuple(group), level, (i, len(groups)))
        for i, group in enumerate(groups, 1)
    ]


def _levels(
    chart: Chart, task: _Task, depth: int | None, max_boxes: int | None
) -> list[tuple[str, ...]]:
    """Whole levels under the task's heads, as many as fit on a page."""
    levels = [task.heads]
    used = (task.anchor is not None) + _cost(chart, task.heads)
    while depth is None or task.level + len(levels) <= depth:
        following = tuple(c for u in levels[-1] for c in chart.kids(u))
        if not following:
            break
        # The last level's roll-ups give way to the level below it.
        total = used - _rollups(chart, levels[-1]) + _cost(chart, following)
        if max_boxes is not None and total > max_boxes:
            break
        used = total
        levels.append(following)
    return levels


def _rollups(chart: Chart, level: tuple[str, ...]) -> int:
    return sum(1 for u in level if chart.kids(u))


def _cost(chart: Chart, level: tuple[str, ...]) -> int:
    """Boxes a level takes as the last one: its units and their roll-ups."""
    return len(level) + _rollups(chart, level)
