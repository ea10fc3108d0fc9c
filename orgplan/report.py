"""The HTML report: one self-contained page to read and print.

:func:`report_html` builds the page from plain data (no files read but the
chart SVGs handed in); :func:`write_report` writes it atomically. The page
needs no network and no JavaScript: styles are inline and the charts are
inlined SVG, each linked to its full-size file. Printed, the text is A4
portrait and each chart page has a landscape sheet of its own (A4 or A3,
:mod:`orgplan.charts.paper`). Every word is in the language asked for
(:mod:`orgplan.i18n`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import jinja2

from orgplan.charts import VIEWS
from orgplan.charts.paper import smallest_font, svg_paper, svg_size
from orgplan.i18n import (
    LABELS,
    Lang,
    date_text,
    label,
    message,
    number_text,
    percent_text,
    signed_text,
    status_word,
    t,
)
from orgplan.i18n.names import unit_names
from orgplan.io.atomic import atomic_file
from orgplan.model import Organisation
from orgplan.plan import Plan, headline
from orgplan.plan_status import explain_status
from orgplan.report_settings import scenario_settings
from orgplan.scenario import Scenario
from orgplan.weakspots import plan_weak_spots

# Rows of a long table shown before "and N more".
MAX_ROWS = 200

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("orgplan", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)
# What an inlined SVG must not carry into an HTML page.
_SVG_PROLOGUE = re.compile(r"<\?xml.*?\?>|<!DOCTYPE.*?>|<!--.*?-->", re.S)


def write_report(
    organisation: Organisation,
    scenario: Scenario,
    plan: Plan,
    out_dir: Path,
    lang: Lang = "en",
    charts: Sequence[Path] = (),
) -> Path:
    """Write ``out_dir/report.html``.

    Parameters
    ----------
    organisation
        The organisation before the plan.
    scenario
        The scenario the plan answers (its settings are listed).
    plan
        The plan.
    out_dir
        The folder of plan.json.
    lang
        ``en`` or ``vi``.
    charts
        The chart files :func:`orgplan.charts.write_charts` wrote; the SVG
        pages are inlined, a view with only its DOT source is named.
        ``out_dir/map.svg``, a territorial plan's map, is inlined too.

    Returns
    -------
    Path
        The report's path.

    Raises
    ------
    OSError
        If the report cannot be written or a chart not read.
    """
    path = out_dir / "report.html"
    # The territorial map, when the run drew one beside the report
    # (orgplan.territory.summary.write_territory_map).
    drawn = out_dir / "map.svg"
    page = report_html(
        organisation,
        scenario,
        plan,
        lang,
        charts,
        territory_map=drawn if drawn.is_file() else None,
    )
    with atomic_file(path) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return path


def report_html(
    organisation: Organisation,
    scenario: Scenario,
    plan: Plan,
    lang: Lang = "en",
    charts: Sequence[Path] = (),
    *,
    territory_map: Path | None = None,
) -> str:
    """The report as an HTML page (see :func:`write_report`).

    ``territory_map`` is the SVG map of a territorial plan, inlined in a
    section of its own and linked to its file.

    Raises
    ------
    OSError
        If a chart file or the map cannot be read.
    """
    names = unit_names(organisation, plan, lang)
    before = {u.id: u for u in organisation.units}
    return _ENV.get_template("report.html.j2").render(
        lang=lang,
        t=lambda key, **fields: t(key, lang, **fields),
        name=names.now,
        former=names.former,
        staff=lambda uid: before[uid].actual if uid in before else "",
        words=lambda found: [message(item, lang) for item in found],
        coded=lambda code: label(code, lang) if code else "",
        date=lambda iso: date_text(iso, lang) if iso else "",
        organisation=organisation,
        scenario=scenario,
        plan=plan,
        status=status_word(plan.status, lang),
        explained=explain_status(plan, lang),
        kpis=_kpis(plan, lang),
        charts=_charts(charts, lang),
        territory_map=(
            None
            if territory_map is None
            else {"svg": _inline(territory_map), "file": territory_map.name}
        ),
        weak_spots=[
            (spot.severity, t(f"weak_{spot.severity}", lang), spot.text(lang))
            for spot in plan_weak_spots(organisation, scenario, plan)
        ],
        transfers=_summary(plan.transfers, lambda m: label(m.category, lang)),
        separations=_summary(
            plan.separations,
            lambda s: f"{label(s.policy, lang)}, {label(s.category, lang)}",
        ),
        separation_cost=sum(s.cost or 0 for s in plan.separations),
        settings=scenario_settings(scenario, names.now, lang),
        max_rows=MAX_ROWS,
        number=lambda value: number_text(value, lang),
        percent=lambda share: percent_text(share, lang),
    )


def _kpis(plan: Plan, lang: Lang) -> list[dict[str, Any]]:
    before = plan.metrics.get("before")
    after = plan.metrics.get("after")
    if before is None or after is None:
        return []
    rows = []
    for key, old, new in headline(before, after):
        change = new - old
        rows.append(
            {
                "label": label(key, lang) if key in LABELS else key,
                "before": old,
                "after": new,
                "change": signed_text(change, lang),
                "percent": (
                    percent_text(change / old, lang, decimals=1, sign=True)
                    if old
                    else ""
                ),
                "better": change < 0,
            }
        )
    return rows


def _charts(paths: Sequence[Path], lang: Lang) -> list[dict[str, Any]]:
    """Per view: its title and its pages, or the name of its DOT source.

    A page is the inlined SVG, the file it links to, and the sheet and
    size it prints at.
    """
    found = []
    for view in VIEWS:
        pattern = re.compile(rf"{view}(-\d+)?\.(svg|dot)")
        mine = sorted(p for p in paths if pattern.fullmatch(p.name))
        svgs = [p for p in mine if p.suffix == ".svg"]
        dots = [p for p in mine if p.suffix == ".dot"]
        if not mine:
            continue
        found.append(
            {
                "title": label(f"chart_{view}", lang),
                "pages": [_page(p) for p in svgs],
                "missing": dots[0].name if dots and not svgs else None,
            }
        )
    return found


def _inline(path: Path) -> str:
    """The SVG of ``path`` as it may stand inside the HTML page."""
    return _SVG_PROLOGUE.sub("", path.read_text(encoding="utf-8")).strip()


def _page(path: Path) -> dict[str, Any]:
    svg = _inline(path)
    width, height = svg_size(svg)
    paper = svg_paper(svg)
    scale = paper.fit(width, height)
    return {
        "svg": svg,
        "file": path.name,
        "paper": paper.name.lower(),
        "width": f"{width * scale:.1f}pt",
        "height": f"{height * scale:.1f}pt",
        "smallest": smallest_font(svg) * scale,
    }


def _summary(rows: Iterable[Any], key: Any) -> list[tuple[str, int]]:
    """People per group (category, or policy and category), in order."""
    counts: Counter[str] = Counter()
    for row in rows:
        counts[key(row)] += row.count
    return sorted(counts.items())
