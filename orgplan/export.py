"""The staffing plan as tables people read: Excel, CSV and JSON.

:func:`staffing_tables` builds every table once, so the workbook, the CSV
files and the JSON agree cell for cell; :func:`write_staffing_plan` writes
them, each file atomically. Headers, sheet names and coded values (staff
category, policy, action, status) come from :mod:`orgplan.i18n` in the
language asked for; ids stay as in the data, names are shown in that
language (``name_en`` in English), each unit by its own name.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import openpyxl
from openpyxl.utils import get_column_letter

from orgplan.apply import apply
from orgplan.data_export import FOLDER, write_data
from orgplan.errors import OrgplanError
from orgplan.i18n import LABELS, Lang, label, message, status_word
from orgplan.i18n.names import Names, unit_names
from orgplan.io.atomic import atomic_file, atomic_folder
from orgplan.io.excel import add_header
from orgplan.io.safe_text import write_csv
from orgplan.model import Organisation, Unit
from orgplan.plan import Plan, UnitBalance, headline
from orgplan.rules import load_rulebook
from orgplan.staffing.quotas import locality_balance

Format = Literal["xlsx", "csv", "json", "data"]
FORMATS: tuple[Format, ...] = ("xlsx", "csv", "json", "data")
STEM = "staffing-plan"
LIST_SEPARATOR = "; "
MAX_WIDTH = 60

# Each table's columns, as label keys, in order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "summary": ("col_indicator", "before", "after", "change"),
    "units_after": (
        "unit",
        "name",
        "kind",
        "level",
        "parent",
        "locality",
        "quota",
        "col_actual_before",
        "actual",
        "surplus",
        "deficit",
        "heads",
        "deputies",
    ),
    "localities": (
        "locality",
        "name",
        "quota",
        "col_actual_before",
        "col_actual_after",
        "surplus",
        "deficit",
    ),
    "mergers": (
        "col_decision",
        "unit",
        "name",
        "col_members",
        "col_member_names",
        "col_reasons",
    ),
    "leadership": (
        "unit",
        "name",
        "heads",
        "deputies",
        "col_cap",
        "col_excess",
        "col_reduce_by",
        "col_head",
        "col_head_name",
        "col_head_from",
        "col_former_heads",
        "col_deputy_persons",
    ),
    "transfers": (
        "col_from",
        "col_from_name",
        "col_to",
        "col_to_name",
        "col_category",
        "col_count",
        "col_hops",
        "col_km",
        "col_mode",
        "col_persons",
    ),
    "separations": (
        "unit",
        "name",
        "col_category",
        "col_policy",
        "col_count",
        "col_cost",
        "col_persons",
    ),
    "movers": (
        "col_person",
        "col_person_name",
        "col_from",
        "col_from_name",
        "col_to",
        "col_to_name",
        "col_action",
        "col_policy",
        "col_cost",
    ),
}

Row = dict[str, Any]


def headers(table: str, lang: Lang = "en") -> list[str]:
    """The column headers of ``table`` in ``lang``."""
    return [label(key, lang) for key in COLUMNS[table]]


def staffing_tables(
    plan: Plan, organisation: Organisation, lang: Lang = "en"
) -> dict[str, list[Row]]:
    """Every table of the staffing plan, rows keyed by their headers.

    Parameters
    ----------
    plan
        A plan with its staffing stage (``balance``, transfers...).
    organisation
        The organisation before the plan: names of units, localities and
        people.
    lang
        ``"en"`` or ``"vi"`` for headers and coded values.

    Returns
    -------
    dict
        Table name (the keys of :data:`COLUMNS`) to rows; numbers stay
        numbers, lists are joined with ``"; "``, absent values are None.

    Raises
    ------
    orgplan.errors.OrgplanError
        If the plan does not fit the organisation (its units are unknown).
    """
    units_after = plan.units_after or apply(organisation, plan).units
    named = unit_names(organisation, plan, lang)
    names = {**named.before, **named.after}
    people = {p.id: p.name for p in organisation.staff}

    def coded(value: str | None) -> str | None:
        return None if value is None else label(value, lang)

    def rows(table: str, values: Iterable[Sequence[Any]]) -> list[Row]:
        header = headers(table, lang)
        return [dict(zip(header, row, strict=True)) for row in values]

    balance = {b.id: b for b in plan.balance}
    return {
        "summary": rows("summary", _summary(plan, lang)),
        "units_after": rows(
            "units_after", _units(units_after, balance, named, lang)
        ),
        "localities": rows(
            "localities",
            (
                (
                    b.id,
                    _locality_name(organisation, b.id),
                    b.quota,
                    b.actual_before,
                    b.actual_after,
                    b.surplus_after,
                    b.deficit_after,
                )
                for b in locality_balance(units_after, plan.balance)
            ),
        ),
        "mergers": rows("mergers", _decisions(plan, named, lang)),
        "leadership": rows(
            "leadership",
            (
                (
                    e.unit,
                    names.get(e.unit),
                    e.heads,
                    e.deputies,
                    e.cap,
                    e.excess,
                    e.reduce_by,
                    e.head,
                    people.get(e.head or ""),
                    e.head_from,
                    _join(e.former_heads),
                    _join(e.deputy_persons),
                )
                for e in plan.leadership
            ),
        ),
        "transfers": rows(
            "transfers",
            (
                (
                    t.from_,
                    names.get(t.from_),
                    t.to,
                    names.get(t.to),
                    coded(t.category),
                    t.count,
                    t.hops,
                    t.km,
                    coded(t.mode),
                    _join(t.persons),
                )
                for t in plan.transfers
            ),
        ),
        "separations": rows(
            "separations",
            (
                (
                    s.unit,
                    names.get(s.unit),
                    coded(s.category),
                    coded(s.policy),
                    s.count,
                    s.cost,
                    _join(s.persons),
                )
                for s in plan.separations
            ),
        ),
        "movers": rows(
            "movers",
            (
                (
                    m.person,
                    people.get(m.person),
                    m.from_unit,
                    names.get(m.from_unit),
                    m.to_unit,
                    names.get(m.to_unit or ""),
                    coded(m.action),
                    coded(m.policy),
                    m.cost,
                )
                for m in plan.movers
            ),
        ),
    }


def _join(values: Iterable[str]) -> str | None:
    return LIST_SEPARATOR.join(values) or None


def _locality_name(organisation: Organisation, locality: str) -> str | None:
    found = organisation.locality_by_id.get(locality)
    return found.name if found else None


def _summary(plan: Plan, lang: Lang) -> Iterable[Sequence[Any]]:
    before, after = plan.metrics.get("before"), plan.metrics.get("after")
    if before is not None and after is not None:
        for key, old, new in headline(before, after):
            yield label(key, lang), old, new, new - old
    yield label("ind_status", lang), None, status_word(plan.status, lang), None
    moved = sum(t.count for t in plan.transfers)
    separated = sum(s.count for s in plan.separations)
    costs = [s.cost for s in plan.separations if s.cost is not None]
    yield label("ind_transfers", lang), None, moved, None
    yield label("ind_separations", lang), None, separated, None
    yield label("ind_separation_cost", lang), None, sum(costs), None


def _units(
    units: Iterable[Unit],
    balance: dict[str, UnitBalance],
    names: Names,
    lang: Lang,
) -> Iterable[Sequence[Any]]:
    kinds = load_rulebook().kinds
    for u in units:
        rules = kinds.get(u.kind)
        kind = u.kind
        if rules is not None:
            kind = rules.label_vi if lang == "vi" else rules.label_en
        row = balance.get(u.id)
        yield (
            u.id,
            names.now(u.id),
            kind,
            _coded_level(u.level, lang),
            u.parent,
            u.locality,
            u.quota,
            row.actual_before if row else None,
            u.actual,
            u.surplus,
            u.deficit,
            u.heads,
            u.deputies,
        )


def _coded_level(level: str, lang: Lang) -> str:
    key = f"level_{level}"
    return label(key, lang) if key in LABELS else level


def _decisions(
    plan: Plan, names: Names, lang: Lang
) -> Iterable[Sequence[Any]]:
    """A row per decision; members by the names they had before."""
    decision = {k: label(k, lang) for k in ("merge", "fold", "split")}

    def reasons(found: Iterable[Any]) -> str | None:
        return _join(message(r, lang) for r in found)

    for m in plan.merges:
        yield (
            decision["merge"],
            m.into,
            names.now(m.into),
            _join(m.members),
            _join(names.former(u) for u in m.members),
            reasons(m.reasons),
        )
    for f in plan.flattened:
        yield (
            decision["fold"],
            f.unit,
            names.former(f.unit),
            _join((f.unit, f.into)),
            _join((names.former(f.unit), names.now(f.into))),
            reasons(f.reasons),
        )
    for s in plan.splits:
        receivers = [p.to for p in s.parts]
        yield (
            decision["split"],
            s.unit,
            names.former(s.unit),
            _join(receivers),
            _join(names.now(u) for u in receivers),
            reasons(s.reasons),
        )


def write_staffing_plan(
    plan: Plan,
    organisation: Organisation,
    out_dir: str | Path,
    lang: Lang = "en",
    formats: Iterable[Format] = ("xlsx", "csv"),
) -> list[Path]:
    """Write the staffing plan's tables into ``out_dir``.

    ``xlsx`` writes ``staffing-plan.xlsx`` (a sheet per table, frozen
    header, filters, fitted widths, typed cells); ``csv`` writes
    ``staffing-plan/<table>.csv`` (UTF-8 with a byte order mark, so that
    Excel shows Vietnamese text right); ``json`` writes
    ``staffing-plan.json``; ``data`` writes the organisation after the
    plan as input files, ``organisation-after/*.csv``, in the language
    asked for (:mod:`orgplan.data_export`). Each file is written to a
    temporary place and moved in at the end.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    orgplan.errors.OrgplanError
        If the plan does not fit the organisation.
    """
    out = Path(out_dir)
    tables = staffing_tables(plan, organisation, lang)
    written: list[Path] = []
    for fmt in dict.fromkeys(formats):
        if fmt == "xlsx":
            path = out / f"{STEM}.xlsx"
            _write_xlsx(tables, path, lang)
            written.append(path)
        elif fmt == "csv":
            folder = out / STEM
            owned = [f"{name}.csv" for name in COLUMNS]
            with atomic_folder(folder, owned) as tmp:
                for name, rows in tables.items():
                    _write_csv(rows, headers(name, lang), tmp / f"{name}.csv")
            written.extend(folder / name for name in owned)
        elif fmt == "data":
            written += write_data(
                apply(organisation, plan), out / FOLDER, lang, load_rulebook()
            )
        else:
            path = out / f"{STEM}.json"
            with atomic_file(path) as tmp:
                tmp.write_text(
                    json.dumps(tables, ensure_ascii=False, indent=2) + "\n",
                    encoding="utf-8",
                )
            written.append(path)
    return written


def _write_csv(rows: list[Row], header: list[str], path: Path) -> None:
    # Names such as "=HYPERLINK(...)" must not run in a spreadsheet.
    write_csv(path, header, rows)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_FORMAT: dict[Lang, str] = {"en": "yyyy-mm-dd", "vi": "dd/mm/yyyy"}


def _write_xlsx(tables: dict[str, list[Row]], path: Path, lang: Lang) -> None:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in tables.items():
        sheet = workbook.create_sheet(label(f"sheet_{name}", lang))
        header = headers(name, lang)
        add_header(sheet, header)
        widths = [len(h) + 2 for h in header]
        for row in rows:
            values = list(row.values())
            sheet.append(values)
            for i, (cell, value) in enumerate(
                zip(sheet[sheet.max_row], values, strict=True)
            ):
                if isinstance(value, str) and _ISO_DATE.fullmatch(value):
                    # A deadline is a date Excel sorts and filters by.
                    cell.value = dt.date.fromisoformat(value)
                    cell.number_format = _DATE_FORMAT[lang]
                elif isinstance(value, str):
                    # Text such as "=x" stays text, never a formula.
                    cell.data_type = "s"
                elif isinstance(value, float) and value >= 1000:
                    cell.number_format = "#,##0"
                widths[i] = max(widths[i], len(str(value or "")) + 2)
        for i, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = min(
                width, MAX_WIDTH
            )
        sheet.auto_filter.ref = sheet.dimensions
    with atomic_file(path) as tmp:
        workbook.save(tmp)


def plan_organisation(
    plan: Plan, plan_path: str | Path, data: str | Path | None = None
) -> Organisation:
    """The organisation a plan was made for.

    ``data`` (data or a scenario) when given, else the plan's
    ``settings["data_path"]``, else its ``settings["scenario_path"]``;
    relative paths in the settings are taken from the plan's folder when
    they exist there, else from the working folder.

    Raises
    ------
    orgplan.errors.OrgplanError
        If the plan names no data and none is given, or the data has
        errors.
    """
    from orgplan.io import open_scenario, read_organisation
    from orgplan.io.yaml_io import is_scenario

    source = data or plan.settings.get("data_path")
    source = source or plan.settings.get("scenario_path")
    if not source:
        raise OrgplanError.of("error_plan_no_data", path=str(plan_path))
    path = Path(source)
    beside = Path(plan_path).parent / path
    if data is None and not path.is_absolute() and beside.exists():
        path = beside
    if is_scenario(path):
        return open_scenario(path)[0]
    return read_organisation(path)
