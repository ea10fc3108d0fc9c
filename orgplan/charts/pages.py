"""Cut a large chart into readable pages, one per subtree.

A page shows whole levels under its top units, as many as fit in
``max_boxes`` boxes. A unit on the last level whose children did not fit
gets a roll-up at the foot of its box (units and staff below, and the
page that continues there); that page repeats the unit at its top, then
shows its subtree.
Small subtrees cut off side by side share a page; a unit with more
children than fit on one page has them spread over parts. ``depth`` hides
everything deeper than that many levels from the top, ``root`` starts the
chart at one unit.

Pages are also cut to fit paper: at most :data:`MAX_COLUMNS` boxes side
by side and :data:`MAX_HEIGHT_PT` of boxes from top to bottom, as each
box's lines add up, which an A3 landscape page holds with its text
printed at 8 pt or more (:mod:`orgplan.charts.paper` measures it).
"""

from __future__ import annotations

import textwrap
from collections import deque
from dataclasses import dataclass

from orgplan.charts.model import NAME_WIDTH, NOTE_WIDTH, Chart
from orgplan.errors import ChartError

# Boxes on one page; readable on an A4 or a screen with 10pt text.
MAX_BOXES = 60
# Boxes side by side and the height of a page (points at the natural
# size) that an A3 landscape sheet holds without shrinking 9 pt text
# below 8 pt: boxes are at most ~210 pt wide with the space between
# them; a box is a line of ~15 pt per row of text; the title and legend
# take the top.
MAX_COLUMNS = 6
MAX_HEIGHT_PT = 850.0
_LINE_PT = 15.0
_PAD_PT = 12.0
_GAP_PT = 30.0
_HEADING_PT = 110.0


@dataclass(frozen=True)
class Rollup:
    """What is cut off under a unit of a page."""

    units: int
    staff: int
    page: int | None  # 1-based page that continues, None past ``depth``


@dataclass(frozen=True)
class Page:
    """One page: its boxes in drawing order and the roll-ups under some.

    ``anchors`` are the units repeated at the top for context, each drawn
    with its roll-up on page ``anchor_page`` (``None`` on the first pages).
    """

    number: int
    boxes: tuple[str, ...]
    rollups: dict[str, Rollup]
    anchors: tuple[str, ...] = ()
    anchor_page: int | None = None
    part: tuple[int, int] = (1, 1)

    @property
    def size(self) -> int:
        """Boxes drawn (a roll-up is a strip inside its unit's box)."""
        return len(self.boxes)


@dataclass(frozen=True)
class _Task:
    """A page to draw: ``heads`` (at ``level``) and what lies under them."""

    anchors: tuple[str, ...]
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
        1); deeper units are summed up in roll-ups.
    max_boxes
        Boxes per page at most (at least one unit below the units at the
        top is always drawn); ``None`` for a single page.

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
        raise ChartError.of("error_chart_root", root=root)
    if depth is not None and depth < 1:
        raise ChartError.of("error_chart_depth", depth=depth)
    if max_boxes is not None and max_boxes < 2:
        raise ChartError.of("error_chart_boxes", n=max_boxes)
    top = (root,) if root is not None else chart.kids(None)
    if len(top) == 1 and chart.kids(top[0]) and depth != 1:
        # A single top unit heads every part of its children's level,
        # rather than sitting alone on a first page.
        first = _tasks(chart, top, None, chart.kids(top[0]), 2, max_boxes)
    else:
        first = _tasks(chart, (), None, top, 1, max_boxes)
    tasks = deque(first)
    pages: list[Page] = []
    while tasks:
        task = tasks.popleft()
        number = len(pages) + 1
        levels = _levels(chart, task, depth, max_boxes)
        below = task.level + len(levels)
        cut = [u for u in levels[-1] if chart.kids(u)]
        pages_of: dict[str, int | None] = dict.fromkeys(cut)
        if depth is None or below <= depth:
            for group in _groups(chart, cut, below, depth, max_boxes):
                heads = tuple(c for u in group for c in chart.kids(u))
                parts = _tasks(chart, group, number, heads, below, max_boxes)
                # Pages are numbered in queue order; a unit continues on
                # the first part that shows it.
                for offset, part in enumerate(parts):
                    for unit in part.anchors:
                        if pages_of[unit] is None:
                            pages_of[unit] = number + len(tasks) + offset + 1
                tasks.extend(parts)
        pages.append(
            Page(
                number=number,
                boxes=task.anchors + tuple(b for lv in levels for b in lv),
                rollups={
                    unit: Rollup(*chart.below(unit), pages_of[unit])
                    for unit in cut
                },
                anchors=task.anchors,
                anchor_page=task.anchor_page,
                part=task.part,
            )
        )
    return pages


def _groups(
    chart: Chart,
    units: list[str],
    level: int,
    depth: int | None,
    max_boxes: int | None,
) -> list[tuple[str, ...]]:
    """Cut-off units in runs whose subtrees (from ``level``) share a page.

    A unit whose subtree does not fit on a page alone is a run of its own.
    """
    groups: list[list[str]] = []
    used = 0
    for unit in units:
        size = 1 + _boxes_below(chart, unit, level, depth, max_boxes)
        alone = max_boxes is None or size <= max_boxes
        if (
            alone
            and groups
            and used
            and used + size <= (max_boxes or 0)
            and len(groups[-1]) < MAX_COLUMNS
        ):
            groups[-1].append(unit)
            used += size
        else:
            groups.append([unit])
            used = size if alone else 0
    return [tuple(group) for group in groups]


def _boxes_below(
    chart: Chart,
    unit: str,
    level: int,
    depth: int | None,
    limit: int | None,
) -> int:
    """Boxes to draw the subtree under ``unit`` (children at ``level``)
    down to ``depth``; counting stops above ``limit``."""
    count = 0
    current = list(chart.kids(unit))
    while current and (limit is None or count <= limit):
        count += len(current)
        if depth is not None and level >= depth:
            break
        current = [c for u in current for c in chart.kids(u)]
        level += 1
    return count


def _tasks(
    chart: Chart,
    anchors: tuple[str, ...],
    anchor_page: int | None,
    heads: tuple[str, ...],
    level: int,
    max_boxes: int | None,
) -> list[_Task]:
    """One page per run of ``heads`` that fits under its anchors; a part
    repeats only the anchors its heads hang from."""
    if max_boxes is None:
        groups = [heads]
    else:
        room = max(1, max_boxes - len(anchors))
        groups = []
        for head in heads:
            grown = (*groups[-1], head) if groups else ()
            if (
                grown
                and len(grown) <= room
                and fits(chart, _over(chart, anchors, grown), [grown])
            ):
                groups[-1] = grown
                continue
            groups.append((head,))
        groups = groups or [()]
    return [
        _Task(
            _over(chart, anchors, group) if group else anchors,
            anchor_page,
            tuple(group),
            level,
            (i, len(groups)),
        )
        for i, group in enumerate(groups, 1)
    ]


def _over(
    chart: Chart, anchors: tuple[str, ...], heads: tuple[str, ...]
) -> tuple[str, ...]:
    """The anchors that ``heads`` hang from, in order."""
    shown = set(heads)
    return tuple(a for a in anchors if shown.intersection(chart.kids(a)))


def _levels(
    chart: Chart, task: _Task, depth: int | None, max_boxes: int | None
) -> list[tuple[str, ...]]:
    """Whole levels under the task's heads, as many as fit on a page."""
    levels = [task.heads]
    used = len(task.anchors) + len(task.heads)
    while depth is None or task.level + len(levels) <= depth:
        following = tuple(c for u in levels[-1] for c in chart.kids(u))
        if not following:
            break
        if max_boxes is not None and (
            used + len(following) > max_boxes
            or not fits(chart, task.anchors, [*levels, following])
        ):
            break
        used += len(following)
        levels.append(following)
    return levels


def fits(
    chart: Chart,
    anchors: tuple[str, ...],
    levels: list[tuple[str, ...]],
) -> bool:
    """Whether a page of ``anchors`` over ``levels`` fits the paper.

    Mirrors how :mod:`orgplan.charts.dot` lays a page out: the leaves of
    the page stand in columns of ``rows`` (see :func:`stacked_rows`), so
    a parent's leaves take ``ceil(leaves / rows)`` places side by side
    and their column is as tall as its boxes together.
    """
    shown = set(anchors).union(*levels)
    kids = {b: [c for c in chart.kids(b) if c in shown] for b in shown}
    rows = stacked_rows(kids)

    def height(box_id: str) -> float:
        return _box_height(chart, box_id, len(kids[box_id]), box_id in anchors)

    widths = [len(anchors)] if anchors else []
    heights = [max(map(height, anchors))] if anchors else []
    parents: tuple[str, ...] = anchors
    for level in levels:
        if not parents:
            widths.append(len(level))
            heights.append(max(map(height, level), default=0.0))
            parents = level
            continue
        width = 0
        tallest = 0.0
        for parent in parents:
            leaves = [c for c in kids[parent] if not kids[c]]
            others = [c for c in kids[parent] if kids[c]]
            width += len(others) + -(-len(leaves) // rows)
            tallest = max([tallest, *map(height, others)])
            for start in range(0, len(leaves), rows):
                column = leaves[start : start + rows]
                tallest = max(
                    tallest,
                    sum(map(height, column)) + _GAP_PT * (len(column) - 1),
                )
        widths.append(width)
        heights.append(tallest)
        parents = level
    total = _HEADING_PT + sum(heights) + _GAP_PT * (len(heights) - 1)
    return max(widths) <= MAX_COLUMNS and total <= MAX_HEIGHT_PT


def _box_height(
    chart: Chart, box_id: str, shown_kids: int, anchor: bool
) -> float:
    """About how tall :mod:`orgplan.charts.dot` draws a box, in points."""
    box = chart.boxes[box_id]
    lines = len(textwrap.wrap(box.name, NAME_WIDTH)) + 3
    lines += (box.actual != box.quota) + bool(box.excess) + anchor
    if box.note:
        lines += len(textwrap.wrap(box.note, NOTE_WIDTH))
    if shown_kids < len(chart.kids(box_id)):
        lines += 2  # the roll-up strip
    return lines * _LINE_PT + _PAD_PT


def stacked_rows(kids: dict[str, list[str]]) -> int:
    """Rows of the columns the leaves of a page stand in: enough that
    no more than :data:`MAX_COLUMNS` columns stand side by side."""
    leaves = sum(
        1 for children in kids.values() for c in children if not kids[c]
    )
    return max(1, -(-leaves // MAX_COLUMNS))
