"""Write one page of a chart as DOT text with HTML-like labels.

Pure string building: the same chart and page always give the same text
(the golden tests compare it byte for byte). Every piece of user text is
escaped; the font is DejaVu Sans, which covers Vietnamese.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass
from itertools import pairwise

from orgplan.charts.model import (
    NAME_WIDTH,
    NOTE_WIDTH,
    Box,
    Chart,
    Status,
)
from orgplan.charts.pages import Page, Rollup, stacked_rows
from orgplan.i18n import date_text, label

FONT = "DejaVu Sans"
# The smallest text of a chart (points at its natural size): printed on
# A4 or A3 at no less than 8/9 of that size, it stays 8 pt or more.
SMALL = 9

@dataclass(frozen=True)
class Look:
    """How a box of one status is drawn; the legend shows the same.

    Printed in black and white, statuses still differ: by the fill's
    lightness, by the border's pattern (solid, dashed for units merged
    away, dotted for folded and split ones) or by its weight.
    """

    fill: str
    border: str
    line: str = "solid"
    weight: int = 1


LOOKS: dict[Status, Look] = {
    "unchanged": Look("#ffffff", "#616161"),
    "receiving": Look("#e3f4e1", "#2e7d32", weight=2),
    "new": Look("#fde49a", "#8a6d00", weight=3),
    "merged": Look("#6baed6", "#08306b", weight=3),
    "merged_away": Look("#c6dbef", "#1f5fa8", "dashed", 2),
    "folded": Look("#ffffff", "#7b1fa2", "dotted", 2),
    "split": Look("#fdd0a2", "#d35400", "dotted"),
    "removed": Look("#bdbdbd", "#424242", "dashed"),
}
_PLAIN = Look("#ffffff", "#616161")
_SURPLUS = "#ffd7cc"
_DEFICIT = "#d0e4ff"
_EXCESS = "#c62828"
_MUTED = "#555555"
_ROLLUP = "#eeeeee"


def page_dot(chart: Chart, page: Page, pages: int) -> str:
    """The DOT text of ``page`` (one of ``pages``) of ``chart``."""
    lang = chart.lang
    title = chart.title
    if pages > 1:
        title += " · " + label("chart_page", lang).format(
            page=page.number, pages=pages
        )
    part, parts = page.part
    if parts > 1:
        title += " · " + label("chart_part", lang).format(
            part=part, parts=parts
        )
    heading = f"<b>{_text(title)}</b>"
    if chart.view == "diff":
        present = {chart.boxes[b].status for b in page.boxes}
        heading = (
            '<table border="0" cellborder="0" cellspacing="0">'
            f"<tr><td>{heading}</td></tr>"
            f"<tr><td>{_legend(chart, present)}</td></tr></table>"
        )
    lines = [
        "digraph orgplan {",
        f'  graph [charset="UTF-8", fontname="{FONT}", fontsize=14, '
        f"labelloc=t, label=<{heading}>, rankdir=TB, splines=ortho, "
        "ordering=out, nodesep=0.25, ranksep=0.4];",
        f'  node [shape=plain, fontname="{FONT}", fontsize=10];',
        f'  edge [fontname="{FONT}", fontsize={SMALL}, color="{_MUTED}", '
        "arrowhead=none];",
    ]
    for box_id in page.boxes:
        box = chart.boxes[box_id]
        note = None
        if box_id in page.anchors and page.anchor_page is not None:
            note = label("chart_from_page", lang).format(page=page.anchor_page)
        table = _box(chart, box, note, page.rollups.get(box_id))
        lines.append(f"  {_id(box_id)} [label=<{table}>];")
    lines += _tree_edges(chart, page)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _tree_edges(chart: Chart, page: Page) -> list[str]:
    """Parent-child lines, straight and at right angles.

    When the page has more than ``MAX_COLUMNS`` units with no children of
    their own on it, a parent's such children stand in columns inside
    one frame under it (a cluster); the line from the parent reaches the
    top of each column, so that no one reads a column as a chain of
    command.
    """
    shown = set(page.boxes)
    kids = {b: [c for c in chart.kids(b) if c in shown] for b in page.boxes}
    rows = stacked_rows(kids)
    lines = []
    for box_id in page.boxes:
        columns: list[list[str]] = []
        for child in kids[box_id]:
            if kids[child] or rows == 1:
                lines.append(_edge(chart, box_id, child))
            elif columns and len(columns[-1]) < rows:
                columns[-1].append(child)
            else:
                columns.append([child])
        if not columns:
            continue
        lines.append(
            f"  subgraph {_id(f'cluster:{box_id}')} {{ style=rounded; "
            f'color="#bdbdbd"; label="";'
        )
        for column in columns:
            lines.append(_edge(chart, box_id, column[0]))
            lines += [
                f"    {_id(above)} -> {_id(below)} [style=invis];"
                for above, below in pairwise(column)
            ]
        lines.append("  }")
    return lines


def _edge(chart: Chart, parent: str, child: str) -> str:
    style = " [style=dashed]" if chart.boxes[child].gone else ""
    return f"  {_id(parent)} -> {_id(child)}{style};"


def _box(
    chart: Chart, box: Box, note: str | None, rollup: Rollup | None
) -> str:
    lang = chart.lang
    look = LOOKS[box.status] if box.status else _PLAIN
    style = "rounded" if look.line == "solid" else f"rounded,{look.line}"
    name = _lines(box.name, NAME_WIDTH)
    rows = [
        f"<b>{name}</b>",
        f'<font point-size="{SMALL}" color="{_MUTED}">'
        f"{_text(box.kind)} · {_text(box.id)}</font>",
        _text(
            label("chart_leaders", lang).format(
                heads=box.heads, deputies=box.deputies
            )
        ),
    ]
    if box.excess:
        excess = label("chart_excess", lang).format(excess=box.excess)
        if box.reduce_by:
            excess += ", " + label("chart_excess_by", lang).format(
                date=date_text(box.reduce_by, lang)
            )
        rows.append(f'<font color="{_EXCESS}"><b>{_text(excess)}</b></font>')
    cells = [_row(text) for text in rows]
    cells.append(_staff_rows(chart, box))
    for extra in (box.note, note):
        if extra:
            cells.append(
                _row(
                    f'<font point-size="{SMALL}">'
                    f"<i>{_lines(extra, NOTE_WIDTH)}</i></font>"
                )
            )
    if rollup is not None:
        cells.append(_rollup(chart, rollup))
    return (
        f'<table border="{look.weight}" cellborder="0" cellspacing="0" '
        f'cellpadding="3" color="{look.border}" bgcolor="{look.fill}" '
        f'style="{style}">'
        + "".join(cells)
        + "</table>"
    )


def _staff_rows(chart: Chart, box: Box) -> str:
    lang = chart.lang
    staff = _text(
        label("chart_staff", lang).format(quota=box.quota, actual=box.actual)
    )
    if box.actual > box.quota:
        badge, colour = (
            label("chart_surplus", lang).format(n=box.actual - box.quota),
            _SURPLUS,
        )
    elif box.actual < box.quota:
        badge, colour = (
            label("chart_deficit", lang).format(n=box.quota - box.actual),
            _DEFICIT,
        )
    else:
        return _row(staff)
    # The badge has a row of its own: side by side, browsers that set the
    # text a little wider than Graphviz measured it make the two overlap.
    return _row(staff) + (
        f'<tr><td bgcolor="{colour}"><b>{_text(badge)}</b></td></tr>'
    )


def _rollup(chart: Chart, rollup: Rollup) -> str:
    """The roll-up strip at the foot of a box: what lies below, and where."""
    lang = chart.lang
    text = _text(
        label("chart_rollup", lang).format(
            units=rollup.units, staff=rollup.staff
        )
    )
    if rollup.page is not None:
        see = label("chart_see_page", lang).format(page=rollup.page)
        text += f"<br/><b>{_text(see)}</b>"
    return (
        f'<tr><td bgcolor="{_ROLLUP}" sides="t" border="1" color="#9e9e9e" '
        f'style="dashed"><font point-size="{SMALL}">▼ {text}</font></td></tr>'
    )


def _legend(chart: Chart, present: set[Status | None]) -> str:
    """The statuses on the page, two to a row, as their boxes look."""
    lang = chart.lang
    cells = []
    for status, look in LOOKS.items():
        if status in present:
            style = "" if look.line == "solid" else f' style="{look.line}"'
            cells.append(
                f'<td bgcolor="{look.fill}" border="{look.weight}" '
                f'color="{look.border}"{style} width="22"> </td>'
                f'<td align="left">{_text(label(f"status_{status}", lang))}'
                "</td>"
            )
    rows = [
        "<tr>" + "".join(cells[i : i + 2]) + "</tr>"
        for i in range(0, len(cells), 2)
    ]
    return (
        '<table border="0" cellborder="0" cellspacing="3" cellpadding="2">'
        f'<tr><td colspan="4"><b>{_text(label("chart_legend", lang))}</b>'
        "</td></tr>" + "".join(rows) + "</table>"
    )


def _row(content: str) -> str:
    return f"<tr><td>{content}</td></tr>"


def _lines(text: str, width: int) -> str:
    """Escaped ``text`` wrapped at ``width`` characters."""
    return "<br/>".join(_text(line) for line in textwrap.wrap(text, width))


def _text(text: str) -> str:
    """Escape user text for an HTML-like label; a doubled backslash keeps
    Graphviz from expanding ``\\N``, ``\\G``... in a name."""
    return html.escape(text, quote=False).replace("\\", "\\\\")


def _id(box_id: str) -> str:
    """A quoted DOT identifier."""
    escaped = box_id.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
