"""Turn DOT text into files: the only part of orgplan that runs Graphviz.

SVG and PNG charts of several pages give one file per page
(``before-1.svg``, ``before-2.svg``...); a PDF gets every page in one file:
Graphviz renders each page to PDF and pypdf centres it on an A4 or A3
landscape sheet (:mod:`orgplan.charts.paper`) and joins the sheets, which
needs nothing beyond ``dot`` itself.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Literal

from pypdf import PageObject, PdfReader, PdfWriter, Transformation

from orgplan.charts.paper import svg_paper
from orgplan.errors import ChartError, GraphvizNotFound
from orgplan.io.atomic import atomic_file

# The graph attribute of right-angled edges (orgplan.charts.dot).
ORTHO = "splines=ortho"

Format = Literal["svg", "pdf", "png", "dot"]
FORMATS: tuple[Format, ...] = ("svg", "pdf", "png", "dot")


def page_paths(path: Path, pages: int, fmt: Format) -> list[Path]:
    """The files a chart of ``pages`` pages is written to.

    One page, or a PDF: ``path`` itself. Otherwise ``path`` with the page
    number after its stem, zero-padded so that the files sort in order.
    """
    if pages == 1 or fmt == "pdf":
        return [path]
    width = len(str(pages))
    return [
        path.with_name(f"{path.stem}-{n:0{width}d}{path.suffix}")
        for n in range(1, pages + 1)
    ]


def write_dot(dots: list[str], path: Path) -> list[Path]:
    """Write the DOT text of each page next to ``path`` (``.dot``).

    Raises
    ------
    OSError
        If a file cannot be written.
    """
    targets = page_paths(path.with_suffix(".dot"), len(dots), "dot")
    for dot, target in zip(dots, targets, strict=True):
        with atomic_file(target) as tmp:
            tmp.write_text(dot, encoding="utf-8")
    return targets


def render(dot: str, path: Path, fmt: Format = "svg") -> Path:
    """Render one DOT graph to ``path`` in ``fmt``.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    orgplan.errors.GraphvizNotFound
        If Graphviz's ``dot`` is not installed; the DOT text is then
        written next to ``path`` (``.dot``) and the error names it.
    orgplan.errors.ChartError
        If Graphviz fails on the text.
    """
    return render_pages([dot], path, fmt)[0]


def render_pages(
    dots: list[str], path: Path, fmt: Format = "svg"
) -> list[Path]:
    """Render the pages of a chart: a file per page, or one PDF.

    Returns
    -------
    list of Path
        The files written (see :func:`page_paths`).

    Raises
    ------
    orgplan.errors.GraphvizNotFound
        If Graphviz's ``dot`` is not installed; the DOT text of each page
        is then written next to ``path`` and the error names the first.
    orgplan.errors.ChartError
        If Graphviz fails on the text.
    """
    if fmt == "dot":
        return write_dot(dots, path)
    if shutil.which("dot") is None:
        written = write_dot(dots, path)
        raise GraphvizNotFound(str(written[0]))
    targets = page_paths(path, len(dots), fmt)
    if fmt == "pdf":
        merged = PdfWriter()
        for dot in dots:
            merged.add_page(_on_paper(dot))
        buffer = io.BytesIO()
        merged.write(buffer)
        _write(targets[0], buffer.getvalue())
        return targets
    for dot, target in zip(dots, targets, strict=True):
        _write(target, run_dot(dot, fmt))
    return targets


def _on_paper(dot: str) -> PageObject:
    """One chart page centred on its sheet, scaled down if need be."""
    paper = svg_paper(run_dot(dot, "svg").decode("utf-8"))
    (drawing,) = PdfReader(io.BytesIO(run_dot(dot, "pdf"))).pages
    width, height = (
        float(drawing.mediabox.width),
        float(drawing.mediabox.height),
    )
    scale = paper.fit(width, height)
    sheet = PageObject.create_blank_page(
        width=paper.width, height=paper.height
    )
    sheet.merge_transformed_page(
        drawing,
        Transformation()
        .scale(scale)
        .translate(
            (paper.width - width * scale) / 2,
            (paper.height - height * scale) / 2,
        ),
    )
    return sheet


def run_dot(dot: str, fmt: str) -> bytes:
    """The output of Graphviz's ``dot -T<fmt>`` for ``dot``.

    Graphviz's router of right-angled edges fails on some layouts (an
    assertion in maze.c); such a page is drawn again with straight
    segments instead of losing the chart.

    Raises
    ------
    orgplan.errors.ChartError
        If Graphviz fails on the text.
    """
    done = _dot(dot, fmt)
    if done.returncode != 0 and ORTHO in dot:
        done = _dot(dot.replace(ORTHO, "splines=polyline", 1), fmt)
    if done.returncode != 0:
        raise ChartError.of(
            "error_graphviz_failed",
            format=fmt,
            detail=done.stderr.decode("utf-8", "replace").strip(),
        )
    return done.stdout


def _dot(dot: str, fmt: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["dot", f"-T{fmt}"],
        input=dot.encode("utf-8"),
        capture_output=True,
        check=False,
    )


def _write(path: Path, data: bytes) -> None:
    with atomic_file(path) as tmp:
        tmp.write_bytes(data)
