"""Every surface a user sees, in one language at a time.

Each surface (terminal lines, report, charts, exports, proposal,
comparison, template) is rendered in English and in Vietnamese from the
same plan; in each, no text of the other language may appear beyond
proper names (the data's names of units, localities, people, functions)
and codes (unit ids, function codes).

Not covered here: texts the optimiser writes into plan.json as English
strings (a merger's reasons, binding rules, notes) until they travel as
catalogue keys (orgplan.i18n.message); the fixture plan carries reasons
in the language under test, as the catalogue words them.
"""

from __future__ import annotations

import html
import re
import string
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from test_report import scenario
from view_fixtures import province, reform_plan

from orgplan.charts import to_dot_pages
from orgplan.commands import planning
from orgplan.compare import compare, write_comparison
from orgplan.export import staffing_tables
from orgplan.i18n import CATALOGUE, Lang, t
from orgplan.io.schema import TABLES
from orgplan.io.template import write_template
from orgplan.plan import Plan, Result
from orgplan.proposal import write_proposal
from orgplan.report import report_html

VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
    re.I,
)
# English words no Vietnamese page has, beyond names and codes.
ENGLISH = re.compile(
    r"\b(the|of|and|with|units?|staff|heads?|deputies|quota|actual|surplus"
    r"|deficit|merger|merged|folded|feasible|optimal|department|division"
    r"|civil servant|before|after|none|status|total|cost|people)\b",
    re.I,
)


# Vietnamese terms the English template quotes on purpose: the domain
# words it glosses ("quota (biên chế)") and the yes/no words it accepts.
GLOSSES = ("biên chế", "cấp trưởng", "cấp phó", "ngạch", "có/không")


def _plan(lang: Lang) -> Plan:
    """The fixture plan, its reasons worded in ``lang`` by the catalogue."""
    plan = reform_plan()
    merge = plan.merges[0].model_copy(
        update={
            "reasons": (
                t("reason_posts_saved", lang, n=2),
                t("reason_balance", lang, before=6, after=4),
            )
        }
    )
    fold = plan.flattened[0].model_copy(
        update={"reasons": (t("reason_intermediate", lang),)}
    )
    split = plan.splits[0].model_copy(update={"reasons": ()})
    return plan.model_copy(
        update={
            "merges": (merge,),
            "flattened": (fold,),
            "splits": (split,),
            "binding_rules": (),
        }
    )


def _surfaces(lang: Lang, tmp_path: Path) -> dict[str, str]:
    org, plan = province(), _plan(lang)
    found = {
        "report": report_html(org, scenario(), plan, lang),
        "terminal": "\n".join(
            [
                *planning.plan_lines(Result(plan=plan), lang),
                *(
                    str(c)
                    for row in planning.plan_summary(
                        Result(plan=plan), lang
                    ).columns
                    for c in (row.header, *row._cells)
                ),
            ]
        ),
    }
    for view in ("before", "after", "diff"):
        found[f"chart {view}"] = "".join(
            to_dot_pages(org, plan=plan, view=view, lang=lang)  # type: ignore[arg-type]
        )
    tables = staffing_tables(plan, org, lang)
    found["export"] = "\n".join(
        f"{key} {'' if value is None else value}"
        for rows in tables.values()
        for row in rows
        for key, value in row.items()
    )
    folder = tmp_path / lang
    folder.mkdir()
    document = Document(
        str(write_proposal(org, scenario(), plan, folder, lang))
    )
    found["proposal"] = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for tb in document.tables for r in tb.rows for c in r.cells]
    )
    path = write_comparison(compare([plan]), folder / "c.html", lang)
    found["compare"] = path.read_text(encoding="utf-8")
    write_template(folder / "t.xlsx", lang=lang)
    book = openpyxl.load_workbook(folder / "t.xlsx")
    found["template"] = "\n".join(
        str(c.value)
        for sheet in book
        for row in sheet.iter_rows()
        for c in row
        if c.value is not None
    )
    return found


def _proper_names() -> list[str]:
    org, plan = province(), reform_plan()
    names = {u.name for u in org.units} | {u.name_en or "" for u in org.units}
    names |= {u.name for u in plan.units_after} | {m.name for m in plan.merges}
    names |= {p.name or "" for p in org.staff} | {org.name or ""}
    names |= {f.name or "" for f in org.functions}
    names |= {"Sơn La 2025", "Sơn La", "DejaVu Sans", "Times New Roman"}
    # The template's examples are names too ("Sở Nội vụ").
    names |= {c.example for tb in TABLES.values() for c in tb.columns}
    return sorted((n for n in names if n), key=len, reverse=True)


def _codes() -> set[str]:
    org = province()
    codes = {u.id for u in org.units} | {f.code for f in org.functions}
    codes |= {c for u in org.units for c in u.functions}
    # Sheet names stay the table names the readers look for (units,
    # staff...) until the readers accept Vietnamese sheet names too.
    codes |= set(TABLES)
    return codes | {"CP-SAT", "orgplan", "README", "SVG", "DOT"}


def _plain(text: str) -> str:
    """Visible text: names blanked, then markup and codes."""
    text = re.sub(r"\s+", " ", text.replace("<br/>", " "))
    for name in _proper_names():
        text = text.replace(html.escape(name, quote=False), " ")
        text = text.replace(name, " ")
    text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)
    # DOT attributes (arrowhead=none) are not shown.
    text = re.sub(r"\b\w+=(\"[^\"]*\"|[\w.]+)", " ", text)
    for term in GLOSSES:
        text = text.replace(term, " ")
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(re.sub(r"\s+", " ", text))
    words = re.split(r"(\W+)", text)
    return "".join(" " if w in _codes() else w for w in words)


def _fragments(lang: Lang) -> set[str]:
    """Pieces of the catalogue's messages in ``lang`` (between fields) of
    two words or more that the other language does not also use."""
    other = "vi" if lang == "en" else "en"
    theirs = "\n".join(CATALOGUE[other].values())
    found = set()
    for text in CATALOGUE[lang].values():
        for literal, *_ in string.Formatter().parse(text):
            piece = literal.strip(" ,.;:()·")
            if len(piece.split()) >= 2 and piece not in theirs:
                found.add(piece)
    return found


@pytest.mark.parametrize(("lang", "other"), [("en", "vi"), ("vi", "en")])
def test_no_surface_shows_the_other_language(
    lang: Lang, other: Lang, tmp_path: Path
) -> None:
    foreign = _fragments(other)
    for surface, text in _surfaces(lang, tmp_path).items():
        shown = _plain(text)
        leaked = sorted(f for f in foreign if f in shown)
        assert leaked == [], (surface, leaked)
        if lang == "en":
            assert VIETNAMESE.findall(shown) == [], (surface, shown[:2000])
        else:
            words = sorted(set(ENGLISH.findall(shown)))
            assert words == [], (surface, words)


def test_the_check_sees_a_language_where_it_is(tmp_path: Path) -> None:
    # The detector is not blind: each surface shows fragments of its own
    # language's catalogue, and the checks above would see them.
    own = _fragments("vi")
    for surface, text in _surfaces("vi", tmp_path).items():
        shown = _plain(text)
        assert [f for f in own if f in shown], surface
    english = _plain(report_html(province(), scenario(), _plan("en")))
    assert ENGLISH.findall(english)
