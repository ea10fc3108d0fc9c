"""A before/after map of a territorial merger as plain SVG.

The cells are the units' boundary polygons when the data has them, else
the approximate Voronoi cells of :mod:`~orgplan.territory.neighbours`,
and the map says which. Left: the units before, coloured by old district.
Right: one colour per new unit, its outline drawn over its members' cells
and its name at its centre.
"""

from __future__ import annotations

import colorsys
from collections.abc import Mapping
from html import escape

from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from orgplan.territory.neighbours import Cells

PANEL = 460  # px per panel side
MARGIN = 20
NOTE_APPROX = (
    "Approximate cells (Voronoi around each unit's coordinates), not the "
    "real boundaries"
)
NOTE_REAL = "Boundaries from the data's polygons"


def palette(labels: list[str]) -> dict[str, str]:
    """A distinct colour per label (golden-ratio hues, two lightnesses)."""
    colours = {}
    for i, label in enumerate(labels):
        hue = (i * 0.618033988749895) % 1.0
        light = 0.72 if i % 2 else 0.6
        r, g, b = colorsys.hls_to_rgb(hue, light, 0.55)
        colours[label] = f"#{int(r * 255):02x}{int(g * 255):02x}" + (
            f"{int(b * 255):02x}"
        )
    return colours


def _path(geom: BaseGeometry, to_px) -> str:
    parts = []
    polygons = getattr(geom, "geoms", [geom])
    for polygon in polygons:
        if polygon.is_empty or not hasattr(polygon, "exterior"):
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            pts = [to_px(x, y) for x, y in ring.coords]
            parts.append(
                "M" + " L".join(f"{px:.1f},{py:.1f}" for px, py in pts) + " Z"
            )
    return " ".join(parts)


def _centre(geom: BaseGeometry) -> tuple[float, float]:
    point = geom.representative_point()
    return point.x, point.y


def territory_svg(
    cells: Cells,
    before: Mapping[str, str],
    after: Mapping[str, str],
    names: Mapping[str, str] | None = None,
    title: str = "",
) -> str:
    """The SVG text of the map.

    Parameters
    ----------
    cells
        A cell per old unit (km coordinates).
    before
        Old unit -> its old district (the left panel's colours).
    after
        Old unit -> its new unit (the right panel's colours and outlines).
    names
        New unit -> the name to print at its centre.
    title
        A heading above both panels.
    """
    names = names or {}
    shapes = {u: g for u, g in cells.polygons.items() if u in after}
    if not shapes:
        raise ValueError("no cells to draw")
    minx, miny, maxx, maxy = unary_union(list(shapes.values())).bounds
    scale = PANEL / max(maxx - minx, maxy - miny, 1e-9)
    top = 50

    def panel(offset: float):
        def to_px(x: float, y: float) -> tuple[float, float]:
            return (
                offset + (x - minx) * scale,
                top + (maxy - y) * scale,
            )

        return to_px

    width = 2 * PANEL + 3 * MARGIN
    height = top + PANEL + 40
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" '
        'font-family="sans-serif">',
        f'<text x="{MARGIN}" y="22" font-size="16">{escape(title)}</text>',
    ]
    left, right = panel(MARGIN), panel(2 * MARGIN + PANEL)
    headings = (
        (MARGIN, f"Before: {len(shapes)} units, by old district"),
        (2 * MARGIN + PANEL, f"After: {len(set(after.values()))} units"),
    )
    for offset, text in headings:
        out.append(
            f'<text x="{offset}" y="42" font-size="12">{escape(text)}</text>'
        )
    district_colour = palette(sorted(set(before.values())))
    for u, geom in shapes.items():
        colour = district_colour.get(before.get(u, ""), "#dddddd")
        out.append(
            f'<path d="{_path(geom, left)}" fill="{colour}" '
            'stroke="#ffffff" stroke-width="0.6"><title>'
            f"{escape(u)}</title></path>"
        )
    groups: dict[str, list[str]] = {}
    for u, new in after.items():
        if u in shapes:
            groups.setdefault(new, []).append(u)
    order = sorted(groups, key=lambda g: _centre(shapes[groups[g][0]]))
    group_colour = palette(order)
    for new in order:
        for u in groups[new]:
            out.append(
                f'<path d="{_path(shapes[u], right)}" '
                f'fill="{group_colour[new]}" stroke="#ffffff" '
                'stroke-width="0.3"/>'
            )
    for new in order:
        outline = unary_union([shapes[u] for u in groups[new]])
        label = names.get(new, new)
        out.append(
            f'<path d="{_path(outline, right)}" fill="none" '
            'stroke="#333333" stroke-width="1.2"><title>'
            f"{escape(label)} ({len(groups[new])} units)</title></path>"
        )
        cx, cy = right(*_centre(outline))
        out.append(
            f'<text x="{cx:.1f}" y="{cy:.1f}" font-size="7" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    note = NOTE_APPROX if cells.approximate else NOTE_REAL
    out.append(
        f'<text x="{MARGIN}" y="{height - 14}" font-size="11" '
        f'fill="#aa0000">{escape(note)}</text>'
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"
