"""Paper for the charts: A4 or A3 landscape, with text that stays legible.

A chart page is drawn at its natural size (points, as Graphviz lays it
out) and printed on the smaller of A4 and A3 landscape on which its
smallest text, scaled to fit the page, is still
:data:`MIN_PRINTED_PT` or more. :mod:`orgplan.charts.pages` cuts pages
so that A3 always does; the report's print styles and the PDF pages use
the paper chosen here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The smallest text on paper, in points.
MIN_PRINTED_PT = 8.0
# Margin on every side of a printed chart (10 mm), in points.
MARGIN_PT = 28.35
# Room kept at the top of a sheet for the chart's caption (the report
# prints its title and the link to the full-size file there).
CAPTION_PT = 24.0


@dataclass(frozen=True)
class Paper:
    """A landscape sheet, in points."""

    name: str
    width: float
    height: float

    @property
    def usable(self) -> tuple[float, float]:
        """Width and height inside the margins, below the caption."""
        return (
            self.width - 2 * MARGIN_PT,
            self.height - 2 * MARGIN_PT - CAPTION_PT,
        )

    def fit(self, width: float, height: float) -> float:
        """The scale that fits a drawing inside the margins (never
        enlarged)."""
        usable_w, usable_h = self.usable
        return min(1.0, usable_w / width, usable_h / height)


A4 = Paper("A4", 841.89, 595.28)
A3 = Paper("A3", 1190.55, 841.89)
PAPERS: tuple[Paper, ...] = (A4, A3)

_SIZE = re.compile(r'<svg\b[^>]*?width="([\d.]+)pt"[^>]*?height="([\d.]+)pt"')
_FONT = re.compile(r'font-size="([\d.]+)"')


def paper_for(width: float, height: float, smallest: float) -> Paper:
    """The smallest paper on which text of ``smallest`` points in a
    drawing of ``width`` x ``height`` points prints at 8 pt or more (A3
    when none does)."""
    for paper in PAPERS:
        if smallest * paper.fit(width, height) >= MIN_PRINTED_PT:
            return paper
    return A3


def svg_size(svg: str) -> tuple[float, float]:
    """Width and height, in points, of an SVG that Graphviz wrote.

    Raises
    ------
    ValueError
        If the SVG gives no size in points.
    """
    found = _SIZE.search(svg)
    if found is None:
        raise ValueError("the SVG gives no width and height in points")
    return float(found.group(1)), float(found.group(2))


def smallest_font(svg: str) -> float:
    """The smallest font size (points) of the SVG's text."""
    sizes = [float(size) for size in _FONT.findall(svg)]
    return min(sizes, default=MIN_PRINTED_PT)


def svg_paper(svg: str) -> Paper:
    """The paper an SVG chart page prints on (see :func:`paper_for`)."""
    return paper_for(*svg_size(svg), smallest_font(svg))
