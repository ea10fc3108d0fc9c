"""Write one page of a chart as DOT text with HTML-like labels.

Pure string building: the same chart and page always give the same text
(the golden tests compare it byte for byte). Every piece of user text is
escaped; the font is DejaVu Sans, which covers Vietnamese.
"""

from __future__ import annotations

import html
import textwrap

from orgplan.charts.model import Box, Chart, Status
from orgplan.charts.pages import Page, Rollup
from orgplan.labels import label

FONT = "DejaVu Sans"
# Characters per line of a unit's name inside its box.
NAME_WIDTH = 26
# Children of one unit side by side at most: more children that have
# none of their own on the page are stacked in columns, so that a page
# stays about as wide as a printed page allows.
WIDE = 10

# Status -> (fill, border); the legend shows the same colours.
COLOURS: dict[Status, tuple[str, str]] = {
    "unchanged": ("#ffffff", "#616161"),
    "merged": ("#d6e9ff", "#1f5fa8"),
    "receiving": ("#e3f4e1", "#2e7d32"),
    "new": ("#fff3c4", "#b38600"),
    "merged_away": ("#eef4fb", "#1f5fa8"),
    "folded": ("#f3e5f5", "#7b1fa2"),
    "split": ("#ffe9d6", "#d35400"),
    "removed": ("#eeeeee", "#9e9e9e"),
}
_PLAIN = ("#ffffff", "#616161")
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
    lines = [
        "digraph orgplan {",
        f'  graph [charset="UTF-8", fontname="{FONT}", fontsize=14, '
        f"labelloc=t, label=<<b>{_text(title)}</b>>, rankdir=TB, "
        "ordering=out, nodesep=0.2, ranksep=0.35];",
        f'  node [shape=plain, fontname="{FONT}", fontsize=10];',
        f'  edge [fontname="{FONT}", fontsize=8, color="{_MUTED}", '
        "arrowhead=none];",
    ]
    shown = set(page.boxes)
    for box_id in page.boxes:
        box = chart.boxes[box_id]
        note = None
        if box_id in page.anchors and page.anchor_page is not None:
            note = label("chart_from_page", lang).format(page=page.anchor_page)
        table = _box(chart, box, note, page.rollups.get(box_id))
        lines.append(f"  {_id(box_id)} [label=<{table}>];")
    lines += _tree_edges(chart, page)
    for link in chart.links:
        if link.source in shown and link.target in shown:
            colour = COLOURS[link.status][1]
            text = f", label=<{_text(link.label)}>" if link.label else ""
            lines.append(
                f"  {_id(link.source)} -> {_id(link.target)} "
                f'[style=dashed, color="{colour}", fontcolor="{colour}", '
                f"arrowhead=normal, constraint=false{text}];"
            )
    if chart.view == "diff":
        present = {chart.boxes[b].status for b in page.boxes}
        lines.append(
            f'  "orgplan:legend" [label=<{_legend(chart, present)}>];'
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def _tree_edges(chart: Chart, page: Page) -> list[str]:
    """Parent-child lines. When the page has more than ``WIDE`` units
    with no children of their own on it, runs of such siblings stand in
    columns (held by invisible edges; every line still comes from the
    parent)."""
    shown = set(page.boxes)
    kids = {b: [c for c in chart.kids(b) if c in shown] for b in page.boxes}
    leaves = sum(
        1 for children in kids.values() for c in children if not kids[c]
    )
    rows = max(1, -(-leaves // WIDE))
    lines = []
    for box_id in page.boxes:
        column: list[str] = []
        for child in kids[box_id]:
            if kids[child] or not 0 < len(column) < rows:
                # A unit with children of its own starts no column.
                above, column = box_id, ([] if kids[child] else [child])
            else:
                above = column[-1]
                column.append(child)
            style = " [style=dashed]" if chart.boxes[child].gone else ""
            if above == box_id:
                lines.append(f"  {_id(box_id)} -> {_id(child)}{style};")
                continue
            # The column is held by an invisible edge; the line drawn
            # comes from the parent, so no one reads a chain of command.
            lines.append(f"  {_id(above)} -> {_id(child)} [style=invis];")
            lines.append(
                f"  {_id(box_id)} -> {_id(child)} [constraint=false, "
                f"headport=w{', style=dashed' if style else ''}];"
            )
    return lines


def _box(
    chart: Chart, box: Box, note: str | None, rollup: Rollup | None
) -> str:
    lang = chart.lang
    fill, border = COLOURS[box.status] if box.status else _PLAIN
    style = "rounded,dashed" if box.gone else "rounded"
    name = _lines(box.name, NAME_WIDTH)
    rows = [
        f"<b>{name}</b>",
        f'<font point-size="8" color="{_MUTED}">'
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
                date=box.reduce_by
            )
        rows.append(f'<font color="{_EXCESS}"><b>{_text(excess)}</b></font>')
    cells = [_row(text) for text in rows]
    cells.append(_staff_rows(chart, box))
    for extra in (box.note, note):
        if extra:
            cells.append(
                _row(f'<font point-size="8"><i>{_lines(extra, 36)}</i></font>')
            )
    if rollup is not None:
        cells.append(_rollup(chart, rollup))
    return (
        '<table border="1" cellborder="0" cellspacing="0" cellpadding="3" '
        f'color="{border}" bgcolor="{fill}" style="{style}">'
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
        f'style="dashed"><font point-size="8">▼ {text}</font></td></tr>'
    )


def _legend(chart: Chart, present: set[Status | None]) -> str:
    lang = chart.lang
    rows = [
        f'<tr><td colspan="2"><b>{_text(label("chart_legend", lang))}</b>'
        "</td></tr>"
    ]
    for status, (fill, border) in COLOURS.items():
        if status in present:
            rows.append(
                f'<tr><td bgcolor="{fill}" border="1" color="{border}" '
                'width="14"> </td>'
                f'<td align="left">{_text(label(f"status_{status}", lang))}'
                "</td></tr>"
            )
    return (
        '<table border="0" cellborder="0" cellspacing="2" cellpadding="2">'
        + "".join(rows)
        + "</table>"
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
