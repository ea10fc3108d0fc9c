"""The HTML report: its content, self-containment, and a real browser."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from view_fixtures import province, reform_plan

from orgplan.charts import write_charts
from orgplan.plan import Merge
from orgplan.report import report_html, write_report
from orgplan.scenario import Scenario

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
needs_browser = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"
)
needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz's dot is not installed"
)


def scenario() -> Scenario:
    return Scenario.model_validate(
        {
            "name": "Sơn La 2025",
            "data": "data",
            "scope": {"kinds": ["department", "sub_department"]},
            "targets": {
                "max_units": {"department": 14},
                "min_cut": {"focal_points": 0.2},
            },
            "locks": ["UB"],
            "must_merge": [["SNN", "STNMT"]],
            "must_not_merge": [["SNV", "SYT"]],
        }
    )


def test_report_holds_every_section_of_the_plan() -> None:
    page = report_html(province(), scenario(), reform_plan())
    text = re.sub(r"<[^>]+>", " ", page)
    text = html.unescape(re.sub(r"\s+", " ", text))
    # KPIs: focal points 10 -> 7 (-3, -30.0%).
    assert "Focal points 10 7 -3 -30.0%" in text
    assert "Sở Nông nghiệp và Môi trường SNN" in text
    assert "shared functions: land and forest management" in text
    assert "Forest Protection Sub-department CCKL" in text
    assert "labour 10" in text and "vocational 6" in text
    # Leadership: 7 deputies, cap 4, excess 3, by 2030-08-01.
    assert "SNN 1 7 4 3 2030-08-01" in text
    assert "Total 4" in text  # transfers
    assert "Cost (VND) 1,250,000,000" in text
    assert "optimal" in text and "0.00%" in text and "1.25" in text
    assert "the solver proved that no plan" in text  # status in words
    assert "Provincial People's Committee (UB)" in text  # a lock
    assert "(SNN) + " in text and "(SNV) / " in text
    assert "Focal points down by at least 20%" in text
    assert "at most 14 units of kind department" in text
    assert "at most 14 departments (Decree 45/2025)" in text


def test_report_in_vietnamese() -> None:
    page = report_html(province(), scenario(), reform_plan(), lang="vi")
    assert '<html lang="vi">' in page
    for heading in ("Các chỉ tiêu chính", "Hợp nhất, sáp nhập", "Tinh giản"):
        assert heading in page
    assert "Sở Tài nguyên và Môi trường" in page


def test_user_text_is_escaped() -> None:
    plan = reform_plan(
        merges=(
            Merge(
                into="SNN",
                members=("SNN", "STNMT"),
                name="<script>alert(1)</script>",
                reasons=("a & b",),
            ),
        )
    )
    page = report_html(province(), scenario(), plan)
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "a &amp; b" in page


def test_a_chart_without_graphviz_is_named_not_drawn(tmp_path: Path) -> None:
    dot = tmp_path / "diff.dot"
    dot.write_text("digraph orgplan {}\n", encoding="utf-8")
    page = report_html(province(), scenario(), reform_plan(), charts=[dot])
    assert "<svg" not in page
    missing = "Not rendered (Graphviz is not installed); DOT source: diff.dot"
    assert missing in page


@needs_dot
def test_report_is_self_contained(tmp_path: Path) -> None:
    org, plan = province(), reform_plan()
    charts = write_charts(org, plan, tmp_path, max_boxes=6)
    path = write_report(org, scenario(), plan, tmp_path, charts=charts)
    page = path.read_text(encoding="utf-8")
    svgs = [p for p in charts if p.suffix == ".svg"]
    assert page.count("<svg") == len(svgs) > 3
    assert "<?xml" not in page and "<!DOCTYPE svg" not in page
    assert not re.search(r"<(script|link|iframe|img)\b", page)
    # The only URLs are XML namespaces inside the SVGs.
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", page))
    assert urls <= {
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
    }
    assert "@media print" in page and "size: A4" in page


def _chromium(page: Path, tmp_path: Path, *flags: str) -> tuple[str, str]:
    """Open ``page`` headless; return the DOM dump and the browser log."""
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            *flags,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.stdout, done.stderr


def _console(log: str) -> list[str]:
    return [line for line in log.splitlines() if ":CONSOLE" in line]


@needs_browser
def test_browser_log_shows_console_errors(tmp_path: Path) -> None:
    """The check below can fail: a broken page does log its errors."""
    page = tmp_path / "broken.html"
    page.write_text("<script>missing_function();</script>", encoding="utf-8")
    _, log = _chromium(page, tmp_path, "--dump-dom")
    assert any("missing_function" in line for line in _console(log))


@needs_browser
@needs_dot
def test_report_renders_in_chromium_with_its_charts(tmp_path: Path) -> None:
    org, plan = province(), reform_plan()
    charts = write_charts(org, plan, tmp_path, lang="vi")
    path = write_report(org, scenario(), plan, tmp_path, "vi", charts)
    dom, log = _chromium(path, tmp_path, "--dump-dom")
    assert _console(log) == []
    assert dom.count("<svg") == 3
    assert "Sở Nông nghiệp và Môi trường" in dom
    assert re.search(r"<g id=\"node\d+\" class=\"node\">", dom)
    shot = tmp_path / "report.png"
    _, log = _chromium(
        path, tmp_path, f"--screenshot={shot}", "--window-size=1280,2000"
    )
    assert _console(log) == []
    assert shot.stat().st_size > 50_000  # a page of text and charts


@needs_browser
@needs_dot
def test_printed_report_gives_each_chart_a_landscape_sheet(
    tmp_path: Path,
) -> None:
    from pypdf import PdfReader

    from orgplan.charts.paper import MIN_PRINTED_PT
    from orgplan.report import _charts

    org, plan = province(), reform_plan()
    charts = write_charts(org, plan, tmp_path, lang="vi")
    path = write_report(org, scenario(), plan, tmp_path, "vi", charts)
    pdf = tmp_path / "report.pdf"
    _chromium(
        path, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer"
    )
    sizes = [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
        for p in PdfReader(pdf).pages
    ]
    pages = [page for view in _charts(charts, "vi") for page in view["pages"]]
    landscape = [s for s in sizes if s[0] > s[1]]
    # One sheet per chart page, A4 or A3 landscape as chosen; the text
    # on A4 portrait.
    expected = {"a4": (842, 595), "a3": (1191, 842)}
    assert landscape == [expected[page["paper"]] for page in pages]
    assert set(sizes) - set(landscape) == {(595, 842)}
    assert all(page["smallest"] >= MIN_PRINTED_PT for page in pages)
    page = path.read_text(encoding="utf-8")
    for chart in pages:
        assert f'<a href="{chart["file"]}">' in page
