"""The HTML report: one self-contained page to read and print.

:func:`report_html` builds the page from plain data (no files read but the
chart SVGs handed in); :func:`write_report` writes it atomically. The page
needs no network and no JavaScript: styles are inline and the charts are
inlined SVG.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2

from orgplan.charts import VIEWS
from orgplan.io.atomic import atomic_file
from orgplan.labels import LABELS, Lang, label
from orgplan.model import Organisation
from orgplan.plan import HEADLINE_METRICS, Plan
from orgplan.scenario import Scenario

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
    page = report_html(organisation, scenario, plan, lang, charts)
    with atomic_file(path) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return path


def report_html(
    organisation: Organisation,
    scenario: Scenario,
    plan: Plan,
    lang: Lang = "en",
    charts: Sequence[Path] = (),
) -> str:
    """The report as an HTML page (see :func:`write_report`).

    Raises
    ------
    OSError
        If a chart file cannot be read.
    """
    names = {u.id: u.label(lang) for u in organisation.units}
    names.update({u.id: u.label(lang) for u in plan.units_after})
    return _ENV.get_template("report.html.j2").render(
        lang=lang,
        t=lambda key, **fields: _t(key, lang, **fields),
        name=lambda uid: names.get(uid, uid),
        organisation=organisation,
        scenario=scenario,
        plan=plan,
        kpis=_kpis(plan, lang),
        charts=_charts(charts, lang),
        transfers=_summary(plan.transfers, lambda t: t.category),
        separations=_summary(
            plan.separations, lambda s: f"{s.policy}, {s.category}"
        ),
        separation_cost=sum(s.cost or 0 for s in plan.separations),
        settings=_settings(scenario),
        max_rows=MAX_ROWS,
        number=_number,
    )


def _t(key: str, lang: Lang, **fields: Any) -> str:
    text = label(key, lang)
    return text.format(**fields) if fields else text


def _kpis(plan: Plan, lang: Lang) -> list[dict[str, Any]]:
    before = plan.metrics.get("before")
    after = plan.metrics.get("after")
    if before is None or after is None:
        return []
    rows = []
    for key in HEADLINE_METRICS:
        old, new = getattr(before, key), getattr(after, key)
        change = new - old
        rows.append(
            {
                "label": label(key, lang) if key in LABELS else key,
                "before": old,
                "after": new,
                "change": f"{change:+d}" if change else "0",
                "percent": f"{change / old:+.1%}" if old else "",
                "better": change < 0,
            }
        )
    return rows


def _charts(paths: Sequence[Path], lang: Lang) -> list[dict[str, Any]]:
    """Per view: its title and inlined SVG pages, or its DOT source."""
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
                "svgs": [_inline(p) for p in svgs],
                "missing": dots[0].name if dots and not svgs else None,
            }
        )
    return found


def _inline(path: Path) -> str:
    return _SVG_PROLOGUE.sub("", path.read_text(encoding="utf-8")).strip()


def _summary(rows: Sequence[Any], key: Any) -> list[tuple[str, int]]:
    """People per group (category, or policy and category), in order."""
    counts: Counter[str] = Counter()
    for row in rows:
        counts[key(row)] += row.count
    return sorted(counts.items())


def _settings(scenario: Scenario) -> dict[str, Any]:
    return {
        "scope": scenario.scope.model_dump(),
        "targets": scenario.targets.model_dump(),
        "weights": scenario.weights.model_dump(),
        "solver": scenario.solver.model_dump(),
    }


def _number(value: float | int | None) -> str:
    """Thousands separated, no decimals below a unit; blank for None."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"
