"""Chart a province of about 1,500 units as pages and time each step.

The organisation is the benchmark's seeded ``M`` instance (a province with
its departments, communes and schools; ``bench/generate.py``). The chart is
cut into pages of at most ``--max-boxes`` boxes; the table shows how many
pages that makes, the fullest page, the seconds to write the DOT text, to
render one SVG per page and to render the multi-page PDF, and the size of
the largest pages (an A4 page is 595 x 842 points).

Usage: .venv/bin/python bench/charts_bench.py [--size M] [--seed 1]
       [--max-boxes 60] [--out DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

# Run as a script, the repository root must be importable first.
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from bench.generate import generate  # noqa: E402
from orgplan.charts import render_pages  # noqa: E402
from orgplan.charts.dot import page_dot  # noqa: E402
from orgplan.charts.pages import paginate  # noqa: E402
from orgplan.charts.views import build_chart  # noqa: E402
from orgplan.rules import load_rulebook  # noqa: E402


def measure(size: str, seed: int, max_boxes: int, out: Path) -> list[str]:
    """One row of the table: units, pages, fullest page and timings."""
    org = generate(size, seed).organisation
    start = time.perf_counter()
    chart = build_chart(org, None, "before", "vi", load_rulebook())
    pages = paginate(chart, max_boxes=max_boxes)
    dots = [page_dot(chart, page, len(pages)) for page in pages]
    dot_seconds = time.perf_counter() - start
    start = time.perf_counter()
    svgs = render_pages(dots, out / "before.svg", "svg")
    svg_seconds = time.perf_counter() - start
    start = time.perf_counter()
    render_pages(dots, out / "before.pdf", "pdf")
    pdf_seconds = time.perf_counter() - start
    sizes = [_size(svg.read_text(encoding="utf-8")) for svg in svgs]
    return [
        f"{size}-{seed}",
        f"{len(org.units):,}",
        str(len(pages)),
        str(max(page.size for page in pages)),
        f"{dot_seconds:.2f}",
        f"{svg_seconds:.2f}",
        f"{pdf_seconds:.2f}",
        f"{max(w for w, _ in sizes):.0f} x {max(h for _, h in sizes):.0f}",
    ]


def _size(svg: str) -> tuple[float, float]:
    """Width and height of an SVG page from Graphviz, in points."""
    found = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    assert found, "not an SVG page written by Graphviz"
    return float(found[1]), float(found[2])


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="M")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-boxes", type=int, default=60)
    parser.add_argument(
        "--out", type=Path, help="keep the pages here [default: a temp dir]"
    )
    args = parser.parse_args(argv)
    table = Table(
        "instance",
        "units",
        "pages",
        "boxes/page max",
        "DOT s",
        "SVG pages s",
        "PDF s",
        "widest x tallest page (pt)",
        title=f"Charts as pages of at most {args.max_boxes} boxes",
    )
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        table.add_row(*measure(args.size, args.seed, args.max_boxes, args.out))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            table.add_row(
                *measure(args.size, args.seed, args.max_boxes, Path(tmp))
            )
    Console().print(table)


if __name__ == "__main__":
    main()
