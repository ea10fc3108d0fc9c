"""The proposal as a Word document: ``proposal.docx`` beside plan.json.

A committee files its restructuring proposal (đề án) with annex tables
(phụ lục): the figures before and after, each merger, fold and split
with its reasons and legal basis, the leaders with their excess over the
caps and the deadline, the staff by unit, the transfers and separations,
and the organisation charts. This module writes that draft, in the
language asked for, with python-docx; the charts are PNG images that
Graphviz draws from the DOT pages :func:`orgplan.charts.write_charts`
wrote (without Graphviz the annex says so).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import struct
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Mm, Pt

from orgplan.charts.render import run_dot
from orgplan.errors import ChartError
from orgplan.i18n import (
    Lang,
    date_text,
    label,
    message,
    number_text,
    rule_source,
    signed_text,
    t,
)
from orgplan.i18n.names import Names, unit_names
from orgplan.io.atomic import atomic_file
from orgplan.model import Organisation
from orgplan.plan import Plan, headline
from orgplan.plan_status import explain_status
from orgplan.scenario import Scenario

FILE = "proposal.docx"
# Official documents are set in Times New Roman (Decree 30/2020, annex I).
FONT = "Times New Roman"
# Resolution of the chart images.
DPI = 150
# Rule sources each kind of decision rests on, when the rulebook has them.
_BASIS = {
    # A merged commune, ward or province answers to the standards after
    # a merger (Res. 76/2025); keys the rulebook has no source for are
    # left out, so a department cites only its own.
    "merge": (
        "max_units.{kind}",
        "kinds.{kind}.merge_bonus",
        "territorial.{kind}_after_merger",
    ),
    "fold": ("kinds.{kind}.min_staff",),
    "split": ("kinds.{kind}.min_staff",),
}
_LEADERSHIP_BASIS = ("excess_grace_years", "excess_deadline")


def write_proposal(
    organisation: Organisation,
    scenario: Scenario,
    plan: Plan,
    out_dir: Path,
    lang: Lang = "en",
    charts: Sequence[Path] = (),
) -> Path:
    """Write ``out_dir/proposal.docx`` and return its path.

    ``charts`` are the files :func:`orgplan.charts.write_charts` wrote;
    their DOT pages are drawn as images.

    Raises
    ------
    OSError
        If the document cannot be written.
    orgplan.errors.ChartError
        If Graphviz fails on a chart.
    """
    document = Document()
    _style(document)
    names = unit_names(organisation, plan, lang)
    _front(document, organisation, scenario, plan, lang)
    annexes = [
        ("proposal_figures", _figures),
        ("proposal_mergers", _decisions),
        ("proposal_leadership", _leadership),
        ("proposal_staffing", _staffing),
        ("proposal_moves", _moves),
    ]
    context = _Context(organisation, scenario, plan, names, lang)
    for number, (title, write) in enumerate(annexes, 1):
        _annex(document, number, title, lang)
        write(document, context)
    _annex(document, len(annexes) + 1, "proposal_charts", lang)
    _charts(document, charts, lang)
    path = out_dir / FILE
    with atomic_file(path) as tmp:
        document.save(str(tmp))
    return path


class _Context:
    """What every annex reads."""

    def __init__(
        self,
        organisation: Organisation,
        scenario: Scenario,
        plan: Plan,
        names: Names,
        lang: Lang,
    ) -> None:
        self.organisation = organisation
        self.plan = plan
        self.names = names
        self.lang = lang
        self.sources = scenario.rulebook().sources
        self.before = {u.id: u for u in organisation.units}
        self.after = {u.id: u for u in plan.units_after}

    def basis(self, keys: Iterable[str], kind: str) -> str:
        found = [k.format(kind=kind) for k in keys]
        return "; ".join(
            rule_source(key, self.sources, self.lang)
            for key in found
            if key in self.sources
        )


def _style(document: DocumentType) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(20))


def _front(
    document: DocumentType,
    organisation: Organisation,
    scenario: Scenario,
    plan: Plan,
    lang: Lang,
) -> None:
    document.add_heading(t("proposal_title", lang), level=0)
    document.add_paragraph(
        t(
            "proposal_subtitle",
            lang,
            organisation=organisation.name or scenario.name,
            scenario=plan.scenario,
        )
    )
    document.add_paragraph(
        t(
            "proposal_draft",
            lang,
            date=date_text(dt.date.today().isoformat(), lang),
        )
    )
    document.add_heading(t("proposal_status", lang), level=2)
    for sentence in explain_status(plan, lang):
        document.add_paragraph(sentence)


def _annex(
    document: DocumentType, number: int, title: str, lang: Lang
) -> None:
    document.add_heading(
        t("proposal_annex", lang, n=number, title=t(title, lang)), level=1
    )


def _table(
    document: DocumentType,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    lang: Lang,
) -> None:
    """A bordered table with a numbered first column (STT)."""
    lang_rows = list(rows)
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in lang_rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = _cell(value, lang)


def _cell(value: Any, lang: Lang) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number_text(value, lang)
    return str(value)


def _figures(document: DocumentType, c: _Context) -> None:
    before, after = c.plan.metrics.get("before"), c.plan.metrics.get("after")
    if before is None or after is None:
        document.add_paragraph(t("report_none", c.lang))
        return
    _table(
        document,
        [t(k, c.lang) for k in ("proposal_no", "col_indicator", "before")]
        + [t("after", c.lang), t("change", c.lang)],
        (
            (i, label(key, c.lang), old, new, signed_text(new - old, c.lang))
            for i, (key, old, new) in enumerate(headline(before, after), 1)
        ),
        c.lang,
    )


def _decisions(document: DocumentType, c: _Context) -> None:
    rows = []
    for merge in c.plan.merges:
        members = "; ".join(
            f"{c.names.former(m)} ({_staff(c, m)})" for m in merge.members
        )
        rows.append(
            (
                label("merge", c.lang),
                c.names.now(merge.into),
                members,
                merge.reasons,
                c.basis(_BASIS["merge"], _kind(c, merge.into, after=True)),
            )
        )
    for fold in c.plan.flattened:
        rows.append(
            (
                label("fold", c.lang),
                c.names.now(fold.into),
                f"{c.names.former(fold.unit)} ({_staff(c, fold.unit)})",
                fold.reasons,
                c.basis(_BASIS["fold"], _kind(c, fold.unit)),
            )
        )
    for split in c.plan.splits:
        parts = "; ".join(
            f"{c.names.now(p.to)}: {', '.join(p.functions)} ({p.staff})"
            for p in split.parts
        )
        rows.append(
            (
                label("split", c.lang),
                parts,
                f"{c.names.former(split.unit)} ({_staff(c, split.unit)})",
                split.reasons,
                c.basis(_BASIS["split"], _kind(c, split.unit)),
            )
        )
    if not rows:
        document.add_paragraph(t("report_none", c.lang))
        return
    keys = ("proposal_no", "col_decision", "report_new_unit")
    keys += ("report_members", "report_reasons", "report_legal_basis")
    _table(
        document,
        [t(k, c.lang) for k in keys],
        (
            (i, decision, unit, members, _words(reasons, c.lang), basis)
            for i, (decision, unit, members, reasons, basis) in enumerate(
                rows, 1
            )
        ),
        c.lang,
    )


def _leadership(document: DocumentType, c: _Context) -> None:
    keys = ("proposal_no", "unit", "heads", "deputies", "col_cap")
    keys += ("col_excess", "col_reduce_by")
    _table(
        document,
        [t(k, c.lang) for k in keys],
        (
            (
                i,
                c.names.now(e.unit),
                e.heads,
                e.deputies,
                e.cap,
                e.excess,
                date_text(e.reduce_by, c.lang) if e.reduce_by else None,
            )
            for i, e in enumerate(c.plan.leadership, 1)
        ),
        c.lang,
    )
    basis = c.basis(_LEADERSHIP_BASIS, "")
    if basis and any(e.excess for e in c.plan.leadership):
        document.add_paragraph(f"{t('report_legal_basis', c.lang)}: {basis}")


def _staffing(document: DocumentType, c: _Context) -> None:
    keys = ("proposal_no", "unit", "quota", "col_actual_before")
    keys += ("col_actual_after", "surplus", "deficit")
    _table(
        document,
        [t(k, c.lang) for k in keys],
        (
            (
                i,
                c.names.now(b.id),
                b.quota,
                b.actual_before,
                b.actual_after,
                max(0, b.actual_after - b.quota),
                max(0, b.quota - b.actual_after),
            )
            for i, b in enumerate(c.plan.balance, 1)
        ),
        c.lang,
    )


def _moves(document: DocumentType, c: _Context) -> None:
    keys = ("proposal_no", "col_from", "col_to", "col_category", "col_count")
    document.add_heading(t("report_transfers", c.lang), level=2)
    _table(
        document,
        [t(k, c.lang) for k in keys],
        (
            (
                i,
                c.names.now(m.from_),
                c.names.now(m.to),
                label(m.category, c.lang),
                m.count,
            )
            for i, m in enumerate(c.plan.transfers, 1)
        ),
        c.lang,
    )
    document.add_heading(t("report_separations", c.lang), level=2)
    keys = ("proposal_no", "unit", "col_category", "col_policy")
    keys += ("col_count", "col_cost")
    _table(
        document,
        [t(k, c.lang) for k in keys],
        (
            (
                i,
                c.names.now(s.unit),
                label(s.category, c.lang),
                label(s.policy, c.lang),
                s.count,
                s.cost,
            )
            for i, s in enumerate(c.plan.separations, 1)
        ),
        c.lang,
    )


def _charts(
    document: DocumentType, charts: Sequence[Path], lang: Lang
) -> None:
    """Each chart page as an image on a landscape page of its own."""
    dots = sorted(p for p in charts if p.suffix == ".dot")
    if not dots:
        document.add_paragraph(t("report_none", lang))
        return
    if shutil.which("dot") is None:
        reason = t("report_chart_missing", lang, path=dots[0].name)
        document.add_paragraph(
            t("proposal_chart_missing", lang, reason=reason)
        )
        return
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    width = section.page_width - section.left_margin - section.right_margin
    height = section.page_height - section.top_margin - section.bottom_margin
    # Room for the caption above each image.
    height -= Mm(15)
    for number, path in enumerate(dots):
        dot = path.read_text(encoding="utf-8")
        try:
            image = run_dot(dot.replace("{", f"{{ dpi={DPI};", 1), "png")
        except ChartError as error:
            document.add_paragraph(
                t("proposal_chart_missing", lang, reason=str(error))
            )
            continue
        if number:
            document.add_page_break()
        document.add_paragraph(_caption(path, dots, lang))
        # PNG: width and height in pixels at bytes 16-24 (IHDR).
        pixels_w, pixels_h = struct.unpack(">II", image[16:24])
        document.add_picture(
            io.BytesIO(image),
            width=min(width, int(height * pixels_w / pixels_h)),
        )


def _caption(path: Path, dots: Sequence[Path], lang: Lang) -> str:
    """"After · page 2 of 4" for after-2.dot, in ``lang``."""
    view, _, page = path.stem.partition("-")
    title = label(f"chart_{view}", lang)
    pages = [p for p in dots if p.stem.partition("-")[0] == view]
    if len(pages) < 2:
        return title
    where = t("chart_page", lang, page=page or 1, pages=len(pages))
    return f"{title} · {where}"


def _words(found: Iterable[Any], lang: Lang) -> str:
    return "; ".join(message(item, lang) for item in found)


def _staff(c: _Context, unit_id: str) -> str:
    unit = c.before.get(unit_id)
    return t("n_staff", c.lang, n=unit.actual) if unit else ""


def _kind(c: _Context, unit_id: str, *, after: bool = False) -> str:
    """The unit's kind before the plan, or after it (a ward formed from
    communes is a ward)."""
    unit = (c.after.get(unit_id) if after else None) or c.before.get(unit_id)
    return unit.kind if unit else ""
