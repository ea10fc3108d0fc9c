"""Organisation charts: before, after and the changes between them.

:func:`to_dot` and :func:`to_dot_pages` are pure functions giving DOT text;
:func:`render` (and :func:`write_charts`, which renders all three views
next to plan.json) is the only step that needs Graphviz's ``dot``.
"""

from __future__ import annotations

import re
from pathlib import Path

from orgplan.charts.dot import page_dot
from orgplan.charts.model import VIEWS, View
from orgplan.charts.pages import MAX_BOXES, paginate
from orgplan.charts.render import (
    FORMATS,
    Format,
    render,
    render_pages,
    write_dot,
)
from orgplan.charts.views import build_chart, organisation_after
from orgplan.labels import Lang
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.rules import Rulebook, load_rulebook

__all__ = [
    "FORMATS",
    "MAX_BOXES",
    "VIEWS",
    "Format",
    "View",
    "organisation_after",
    "render",
    "render_pages",
    "to_dot",
    "to_dot_pages",
    "write_charts",
]


def to_dot_pages(
    org: Organisation,
    *,
    plan: Plan | None = None,
    view: View = "before",
    lang: Lang = "en",
    root: str | None = None,
    depth: int | None = None,
    rulebook: Rulebook | None = None,
    max_boxes: int | None = MAX_BOXES,
) -> list[str]:
    """The chart as DOT text, one graph per page.

    Parameters
    ----------
    org
        The organisation before the plan.
    plan
        The plan; needed by the ``after`` and ``diff`` views.
    view
        ``before``, ``after`` (the organisation after the plan) or
        ``diff`` (after, with vanished units dashed and coloured by what
        happened to them, and arrows to where their functions went).
    lang
        ``en`` shows ``name_en`` where the data has it; ``vi`` the
        Vietnamese names and labels.
    root
        Draw only this unit and what is under it.
    depth
        Levels to draw from the top; deeper units are summed up.
    rulebook
        Kind labels and deputy caps; the built-in vn-2025 by default.
    max_boxes
        Boxes per page; a larger chart is cut into one page per subtree.
        ``None`` draws a single page.

    Returns
    -------
    list of str
        The DOT text of each page, in reading order.

    Raises
    ------
    orgplan.errors.ChartError
        If the view needs a plan and has none, ``root`` is not a unit of
        the chart, or ``depth`` or ``max_boxes`` is too small.
    orgplan.errors.OrgplanError
        If a hand-built plan without ``units_after`` does not apply.
    """
    chart = build_chart(
        org, plan, view, lang, rulebook or load_rulebook("vn-2025")
    )
    pages = paginate(chart, root=root, depth=depth, max_boxes=max_boxes)
    return [page_dot(chart, page, len(pages)) for page in pages]


def to_dot(
    org: Organisation,
    *,
    plan: Plan | None = None,
    view: View = "before",
    lang: Lang = "en",
    root: str | None = None,
    depth: int | None = None,
    rulebook: Rulebook | None = None,
) -> str:
    """The whole chart as one DOT graph (see :func:`to_dot_pages`).

    Raises
    ------
    orgplan.errors.ChartError
        If the view needs a plan and has none, ``root`` is not a unit of
        the chart or ``depth`` is below 1.
    """
    return to_dot_pages(
        org,
        plan=plan,
        view=view,
        lang=lang,
        root=root,
        depth=depth,
        rulebook=rulebook,
        max_boxes=None,
    )[0]


def write_charts(
    org: Organisation,
    plan: Plan,
    out_dir: Path,
    lang: Lang = "en",
    fmt: Format = "svg",
    *,
    rulebook: Rulebook | None = None,
    max_boxes: int | None = MAX_BOXES,
) -> list[Path]:
    """Write the before, after and diff charts (and their DOT) to out_dir.

    Files are ``before.dot`` and ``before.svg`` (``before-1.svg``,
    ``before-2.svg``... for a chart of several pages; a PDF holds every
    page), and the same for ``after`` and ``diff``. Page files of an
    earlier run that this one does not write again are removed.

    Returns
    -------
    list of Path
        The DOT files, then the rendered ones.

    Raises
    ------
    orgplan.errors.GraphvizNotFound
        If Graphviz is not installed; every DOT file is written first.
    orgplan.errors.ChartError
        If Graphviz fails.
    """
    dots = {
        view: to_dot_pages(
            org,
            plan=plan,
            view=view,
            lang=lang,
            rulebook=rulebook,
            max_boxes=max_boxes,
        )
        for view in VIEWS
    }
    for view in VIEWS:
        _remove_pages(out_dir, view)
    written = [
        path
        for view in VIEWS
        for path in write_dot(dots[view], out_dir / f"{view}.dot")
    ]
    if fmt == "dot":
        return written
    for view in VIEWS:
        written += render_pages(dots[view], out_dir / f"{view}.{fmt}", fmt)
    return written


def _remove_pages(out_dir: Path, view: str) -> None:
    pattern = re.compile(rf"{view}(-\d+)?\.(dot|svg|png|pdf)")
    if out_dir.is_dir():
        for path in out_dir.iterdir():
            if pattern.fullmatch(path.name):
                path.unlink()
