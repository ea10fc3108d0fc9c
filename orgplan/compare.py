"""Compare plans side by side: one row of headline numbers per plan.

:func:`compare` gives plain rows; :func:`write_comparison` writes them as
CSV or as a small self-contained HTML table (atomically).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from orgplan.charts.source import open_source
from orgplan.errors import InfeasibleScenario, OrgplanError
from orgplan.i18n import (
    Lang,
    label,
    message,
    number_text,
    percent_text,
    status_word,
    t,
)
from orgplan.io.atomic import atomic_file
from orgplan.io.safe_text import write_csv
from orgplan.plan import Plan, SolveStatus

# What --out may end in.
SUFFIXES = (".csv", ".html", ".htm")

# Column -> label key, in table order (after "plan").
COLUMNS: dict[str, str] = {
    "status": "report_status",
    "gap": "report_gap",
    "objective": "report_objective",
    "focal_points": "focal_points",
    "layers": "layers",
    "leaders": "leaders",
    "excess_deputies": "compare_excess_deputies",
    "staff": "compare_staff",
    "surplus": "surplus",
    "deficit": "deficit",
    "moves": "compare_moves",
    "separations": "compare_separations",
    "cost": "compare_cost",
    "reason": "compare_reason",
}
# Columns that also show the number before the plan.
WITH_BEFORE = ("focal_points", "layers", "leaders", "staff")


def compare(items: Iterable[Plan | tuple[str, Plan]]) -> list[dict[str, Any]]:
    """One row of headline numbers per plan, in the order given.

    Parameters
    ----------
    items
        Plans, or ``(name, plan)`` pairs; a bare plan is named by its
        scenario.

    Returns
    -------
    list of dict
        Keys ``plan`` and those of :data:`COLUMNS`, plus
        ``<column>_before`` for the columns of :data:`WITH_BEFORE`.
        Numbers after the plan; ``None`` where the plan has no metrics
        (an infeasible scenario), whose ``reason`` is its notes (messages,
        see :func:`cell`).
    """
    rows = []
    for item in items:
        name, plan = item if isinstance(item, tuple) else (item.scenario, item)
        before = plan.metrics.get("before")
        after = plan.metrics.get("after")
        row: dict[str, Any] = {
            "plan": name,
            "status": plan.status.value,
            "gap": plan.gap,
            "objective": plan.objective,
        }
        for key in WITH_BEFORE:
            field = "actual" if key == "staff" else key
            row[key] = getattr(after, field) if after else None
            row[f"{key}_before"] = getattr(before, field) if before else None
        row["surplus"] = after.surplus if after else None
        row["deficit"] = after.deficit if after else None
        # No plan, no numbers: zeros would read as a plan that moves
        # nobody.
        solved = after is not None
        row["excess_deputies"] = (
            sum(e.excess for e in plan.leadership) if solved else None
        )
        row["moves"] = sum(t.count for t in plan.transfers) if solved else None
        row["separations"] = (
            sum(s.count for s in plan.separations) if solved else None
        )
        row["cost"] = (
            sum(s.cost or 0.0 for s in plan.separations) if solved else None
        )
        # Its notes as data: each table words them in its language.
        row["reason"] = None if solved else list(plan.notes) or None
        rows.append(row)
    return rows


def check_arguments(
    paths: Sequence[Path], out: Path | None, lang: Lang = "en"
) -> None:
    """Refuse a missing input or an ``out`` of the wrong kind before any
    scenario is solved (solving may take minutes).

    Raises
    ------
    orgplan.errors.OrgplanError
        If a path does not exist or ``out`` ends neither in .csv nor in
        .html.
    """
    for path in paths:
        if not path.exists():
            raise OrgplanError(t("compare_missing", lang, path=path))
    if out is not None and out.suffix.lower() not in SUFFIXES:
        raise OrgplanError(
            t(
                "compare_bad_out",
                lang,
                path=out,
                suffix=out.suffix or "''",
            )
        )


def open_plans(
    paths: Sequence[Path], *, time_limit: float | None = None
) -> list[tuple[str, Plan]]:
    """Name and plan of each path: a plan.json read, a scenario solved.

    A scenario without a plan gives an ``infeasible`` plan whose notes say
    why, so that one impossible scenario does not hide the others.

    Raises
    ------
    orgplan.errors.OrgplanError
        If a path is plain data, or an input has errors.
    """
    plans = []
    for path in paths:
        try:
            plan = open_source(path, time_limit=time_limit).plan
        except InfeasibleScenario as error:
            plan = Plan(
                scenario=error.scenario,
                status=SolveStatus.INFEASIBLE,
                notes=tuple(error.conflicts),
            )
        assert plan is not None  # open_source solves scenarios
        name = path.parent.name if path.name == "plan.json" else path.stem
        plans.append((name or str(path), plan))
    return plans


def cell(row: dict[str, Any], column: str, lang: Lang = "en") -> str:
    """The text of one cell: ``after (before)``, percentages, blanks."""
    value = row[column]
    if value is None:
        return ""
    if column == "status":
        return status_word(value, lang)
    if column == "gap":
        return percent_text(value, lang)
    if column == "reason":
        return "; ".join(message(note, lang) for note in value)
    before = row.get(f"{column}_before")
    if column in WITH_BEFORE and before is not None:
        return f"{number_text(value, lang)} ({number_text(before, lang)})"
    if isinstance(value, int | float):
        return number_text(value, lang)
    return str(value)


def headers(lang: Lang = "en") -> dict[str, str]:
    """Column -> header text (``plan`` first)."""
    return {
        "plan": label("compare_plan", lang),
        **{column: label(key, lang) for column, key in COLUMNS.items()},
    }


def write_comparison(
    rows: Sequence[dict[str, Any]], path: Path, lang: Lang = "en"
) -> Path:
    """Write ``rows`` to ``path``: ``.csv`` (raw numbers) or ``.html``.

    Raises
    ------
    orgplan.errors.OrgplanError
        If ``path`` ends neither in .csv nor in .html.
    OSError
        If the file cannot be written.
    """
    check_arguments((), path, lang)
    with atomic_file(path) as tmp:
        if path.suffix.lower() == ".csv":
            # Plan names are the user's: a name such as "=HYPERLINK(...)"
            # must not run as a formula when the CSV opens in Excel.
            columns = ["plan", *COLUMNS]
            columns += [f"{key}_before" for key in WITH_BEFORE]
            worded = [{**r, "reason": cell(r, "reason", lang)} for r in rows]
            write_csv(tmp, columns, worded)
        else:
            tmp.write_text(_html(rows, lang), encoding="utf-8", newline="")
    return path


def _html(rows: Sequence[dict[str, Any]], lang: Lang) -> str:
    """KPIs as rows, plans as columns: the side-by-side view."""
    names = headers(lang)
    head = "".join(f"<th>{html.escape(str(r['plan']))}</th>" for r in rows)
    body = "".join(
        f"<tr><th>{html.escape(names[column])}</th>"
        + "".join(
            f"<td>{html.escape(cell(r, column, lang))}</td>" for r in rows
        )
        + "</tr>"
        for column in COLUMNS
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(names['plan'])}</title><style>"
        "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:24px}"
        "table{border-collapse:collapse}"
        "th,td{border:1px solid #d0d4d9;padding:4px 10px}"
        "td{text-align:right}thead th{background:#f1f3f5}"
        "tbody th{text-align:left;font-weight:normal}"
        "</style></head><body><table>"
        f"<thead><tr><th></th>{head}</tr></thead><tbody>{body}</tbody>"
        "</table></body></html>\n"
    )
