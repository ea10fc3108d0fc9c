"""Charts on paper: A4 or A3 landscape pages, text of 8 pt or more when
printed, statuses told apart in black and white."""

from __future__ import annotations

import io
import itertools
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from view_fixtures import province, reform_plan

from orgplan.charts import render_pages, to_dot_pages
from orgplan.charts.dot import LOOKS
from orgplan.charts.paper import (
    A3,
    A4,
    MIN_PRINTED_PT,
    paper_for,
    smallest_font,
    svg_paper,
    svg_size,
)

ROOT = Path(__file__).parent.parent
needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz is not installed"
)


def _scenario_pages(name: str) -> list[str]:
    from orgplan.io import open_scenario

    org, scenario = open_scenario(ROOT / "scenarios" / name)
    return to_dot_pages(org, lang="vi", rulebook=scenario.rulebook())


@needs_dot
@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    # Departments, a province's communes, public service units, and a
    # layout Graphviz's orthogonal router fails on (sub-departments).
    ["province-small", "cao-bang", "service-units", "sub-departments"],
)
def test_every_page_prints_its_smallest_text_at_8pt(
    name: str, tmp_path: Path
) -> None:
    dots = _scenario_pages(name)
    paths = render_pages(dots, tmp_path / "before.svg", "svg")
    assert len(paths) == len(dots) > 1
    for path in paths:
        svg = path.read_text(encoding="utf-8")
        width, height = svg_size(svg)
        paper = svg_paper(svg)
        assert paper in (A4, A3)
        printed = smallest_font(svg) * paper.fit(width, height)
        assert printed >= MIN_PRINTED_PT, (path.name, width, height)


@needs_dot
def test_pdf_pages_are_a4_or_a3_landscape(tmp_path: Path) -> None:
    dots = to_dot_pages(
        province(), plan=reform_plan(), view="diff", lang="vi"
    )
    (pdf,) = render_pages(dots, tmp_path / "diff.pdf", "pdf")
    sizes = {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
        for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages
    }
    assert sizes <= {(842, 595), (1191, 842)}


def test_paper_is_the_smallest_that_keeps_8pt() -> None:
    assert paper_for(700, 500, 9) == A4
    # On A4 this drawing would shrink 9 pt text to about 6 pt.
    assert paper_for(1100, 700, 9) == A3
    assert A3.fit(2200, 700) < 0.6


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_statuses_differ_in_black_and_white() -> None:
    # In greyscale only lightness, the border's pattern and its weight
    # remain: every two statuses must differ in one of them.
    for (a, one), (b, other) in itertools.combinations(LOOKS.items(), 2):
        lighter = abs(_luminance(one.fill) - _luminance(other.fill))
        drawn = (one.line, one.weight) != (other.line, other.weight)
        assert drawn or lighter >= 0.1, (a, b)


@needs_dot
def test_a_page_the_orthogonal_router_fails_on_is_drawn_straight(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib
    import subprocess

    # The module, not the function orgplan.charts exports by that name.
    render = importlib.import_module("orgplan.charts.render")

    real = render._dot
    tried: list[str] = []

    def fussy(dot: str, fmt: str) -> subprocess.CompletedProcess[bytes]:
        tried.append(dot)
        if render.ORTHO in dot:
            return subprocess.CompletedProcess([], 1, b"", b"maze.c: failed")
        return real(dot, fmt)

    monkeypatch.setattr(render, "_dot", fussy)
    svg = render.run_dot(to_dot_pages(province())[0], "svg")
    assert b"<svg" in svg
    assert len(tried) == 2 and "splines=polyline" in tried[1]
