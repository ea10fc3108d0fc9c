"""Every surface a user sees, in one language at a time.

``orgplan plan`` is run on a bundled scenario in English and in
Vietnamese, and every surface it and the other commands show is read
back: the terminal (solve line, weak spots, notes), report.html (reasons,
binding rules, notes, weak spots, legal basis), proposal.docx, the
staffing workbook and its CSV files, the charts, ``orgplan check`` on a
hand-edited copy of the plan (its violations), ``orgplan stats``, the
comparison (with a scenario that has no plan, and its conflicts as
``orgplan plan`` prints them), the template, ``orgplan validate`` on a
scenario whose must-merge groups break the scope (why units may not
merge), HiGHS's notes on a plan's bound, and ``--help`` of every
command. In each, no text of the
other language may appear beyond proper names (the data's names of
units, localities, people, functions; the scenario's own name and
description) and codes (ids, function codes, staff fields, file names,
scenario keys), and no catalogue key may be shown in place of its words.

Not covered: compare's CSV, a machine table with the column codes as its
header (its reasons are worded in the language).
"""

from __future__ import annotations

import html
import json
import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document
from ortools.sat.python import cp_model

from cli import main
from orgplan.charts import to_dot_pages
from orgplan.commands.localised import asked_lang
from orgplan.compare import compare, open_plans, write_comparison
from orgplan.errors import InfeasibleScenario
from orgplan.i18n import CATALOGUE, Lang, message
from orgplan.io import open_scenario, read_plan
from orgplan.io.schema import TABLES
from orgplan.io.template import write_template
from orgplan.model import Organisation
from orgplan.optimize.bounds import HighsBound
from orgplan.plan import Plan
from orgplan.scenario import Scenario

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
SCENARIO = SCENARIOS / "province-small"
# A scenario with no plan: its conflicts are a surface too.
INFEASIBLE = SCENARIOS / "infeasible"

VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
    re.I,
)
# English words no Vietnamese page has, beyond names and codes.
ENGLISH = re.compile(
    r"\b(the|of|and|with|units?|staff|heads?|deputies|quota|actual|surplus"
    r"|deficit|merger|merged|merges|folded|feasible|optimal|department"
    r"|division|civil servant|before|after|none|status|total|cost|people"
    r"|error|warning|reasons?|transfers?|fewer|above|below|cap)\b",
    re.I,
)
# A catalogue key shown in place of its words ("reason_members").
KEY = re.compile(
    r"\b(reason|target|source|binding|check|cap|defect|shortfall|note"
    r"|weak|report|col|proposal|stats|cli|solve|explain)_[a-z_]+\b"
)
# Vietnamese terms the English template quotes on purpose: the domain
# words it glosses ("quota (biên chế)") and the yes/no words it accepts.
GLOSSES = ("biên chế", "cấp trưởng", "cấp phó", "ngạch", "có/không")
# Scenario keys (targets.max_units.department) and file names are codes.
PATHS = re.compile(
    r"\b(targets|staffing|scope|names|weights|kinds|leadership)\.[\w.-]+"
    r"|\b[\w-]+\.(svg|dot|pdf|png|json|xlsx|csv|docx|html)\b"
)


@dataclass(frozen=True)
class Run:
    """One ``orgplan plan`` run on the bundled scenario, in one language."""

    lang: Lang
    out: Path
    terminal: str
    plan: Plan


def _cli(*args: object) -> tuple[int, str]:
    words = [str(a) for a in args]
    # The group's own --help has no --lang: the environment says it.
    env = {"COLUMNS": "250", "ORGPLAN_LANG": asked_lang(words)}
    result = CliRunner(env=env).invoke(main, words)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def data() -> tuple[Organisation, Scenario]:
    return open_scenario(SCENARIO)


@pytest.fixture(scope="module")
def infeasible() -> Plan:
    """The infeasible scenario as compare shows it: its conflicts as
    notes."""
    ((_, plan),) = open_plans([INFEASIBLE])
    return plan


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[Lang, Run]:
    found = {}
    for lang in ("en", "vi"):
        out = tmp_path_factory.mktemp(lang) / "run"
        code, text = _cli("plan", SCENARIO, "--out", out, "--lang", lang)
        assert code == 0, text
        found[lang] = Run(lang, out, text, read_plan(out / "plan.json"))
    return found


def _edited(run: Run, folder: Path) -> Path:
    """The run's plan.json with figures edited by hand: the checker's
    violations (objective, gap, metrics, balance, movers) to read."""
    data = json.loads((run.out / "plan.json").read_text(encoding="utf-8"))
    data["objective"] = data["objective"] + 7
    data["gap"] = -0.5
    data["metrics"]["after"]["units"] += 1
    data["balance"][0]["actual_after"] += 1
    data["movers"] = data["movers"][1:]
    path = folder / f"edited-{run.lang}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _forbidden(run: Run, folder: Path) -> Path:
    """The run's plan.json with decisions the scope forbids, on units the
    plan leaves alone: a division merged into another department, two
    divisions of different departments merged (merge_within: parent), a
    division folded into another department."""
    data = json.loads((run.out / "plan.json").read_text(encoding="utf-8"))
    org, _ = open_scenario(SCENARIO)
    touched = {u for m in data["merges"] for u in m["members"]}
    touched |= {f[k] for f in data["flattened"] for k in ("unit", "into")}
    touched |= {s["unit"] for s in data["splits"]}
    free = [u for u in org.units if u.id not in touched and not u.locked]
    divisions = [u for u in free if u.kind == "division"]
    first, second = divisions[:2]
    third = next(u for u in divisions[2:] if u.parent != second.parent)
    department = next(
        u.id
        for u in free
        if u.kind == "department" and u.id not in (first.parent, third.parent)
    )
    data["merges"] += [
        {"into": department, "members": [department, first.id], "name": "A"},
        {"into": second.id, "members": [second.id, third.id], "name": "B"},
    ]
    fourth = next(u for u in divisions if u not in (first, second, third))
    data["flattened"].append({"unit": fourth.id, "into": department})
    path = folder / f"forbidden-{run.lang}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _surfaces(run: Run, folder: Path, infeasible: Plan) -> dict[str, str]:
    org, _ = open_scenario(SCENARIO)
    lang = run.lang
    document = Document(str(run.out / "proposal.docx"))
    book = openpyxl.load_workbook(run.out / "staffing-plan.xlsx")
    found = {
        "terminal": run.terminal,
        "report": (run.out / "report.html").read_text(encoding="utf-8"),
        "proposal": "\n".join(
            [p.text for p in document.paragraphs]
            + [
                c.text
                for tb in document.tables
                for r in tb.rows
                for c in r.cells
            ]
        ),
        "xlsx": _cells(book),
        "csv": "\n".join(
            p.read_text(encoding="utf-8")
            for p in sorted((run.out / "staffing-plan").glob("*.csv"))
        ),
        "charts": "\n".join(
            "".join(to_dot_pages(org, plan=run.plan, view=view, lang=lang))
            for view in ("before", "after", "diff")
        ),
    }
    code, found["check"] = _cli(
        "check", _edited(run, folder), "--scenario", SCENARIO, "--lang", lang
    )
    assert code == 1, found["check"]
    forbidden = _forbidden(run, folder)
    code, found["check_scope"] = _cli(
        "check", forbidden, "--scenario", SCENARIO, "--lang", lang
    )
    assert code == 1, found["check_scope"]
    code, found["stats"] = _cli("stats", SCENARIO, "--lang", lang)
    assert code == 0, found["stats"]
    rows = compare([run.plan, infeasible])
    path = write_comparison(rows, folder / "c.html", lang)
    found["compare"] = path.read_text(encoding="utf-8")
    # What orgplan plan prints for a scenario without a plan.
    found["infeasible"] = InfeasibleScenario(
        infeasible.scenario, list(infeasible.notes)
    ).text(lang)
    write_template(folder / "t.xlsx", lang=lang)
    found["template"] = _cells(openpyxl.load_workbook(folder / "t.xlsx"))
    code, found["validate"] = _cli(
        "validate", _unmergeable(folder), "--lang", lang
    )
    assert code == 1, found["validate"]
    found["highs"] = "\n".join(message(n, lang) for n in _highs_notes())
    found["help"] = "\n".join(
        _cli(*name, "--help", "--lang", lang)[1]
        for name in [(), *((c,) for c in main.commands)]
    )
    return found


def _unmergeable(folder: Path) -> Path:
    """The bundled scenario with must-merge groups the scope forbids:
    two offices under different departments (merge_within: parent), a
    division with a department (their kinds)."""
    text = (SCENARIO / "scenario.yaml").read_text(encoding="utf-8")
    text = text.replace("data: data/", f"data: {SCENARIO / 'data'}/")
    text = re.sub(
        r"(?m)^must_merge: .*$",
        "must_merge: [[SKHDT-VP, SGTVT-VP], [SNV, STC-NS]]",
        text,
    )
    path = folder / "unmergeable.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _highs_notes() -> list[Any]:
    """What a plan's notes say when HiGHS's MIP bound is above CP-SAT's:
    it proves the plan optimal, or it is the plan's bound."""
    highs = HighsBound(cp_model.CpModel(), reproducible=True)
    highs.mip_bound = 10.0
    return [highs.note(5.0, 10.0), highs.note(5.0, 20.0)]


def _cells(book: openpyxl.Workbook) -> str:
    return "\n".join(
        str(c.value)
        for sheet in book
        for row in sheet.iter_rows()
        for c in row
        if c.value is not None
    )


def _proper_names(
    orgs: list[Organisation], scenarios: list[Scenario], plans: list[Plan]
) -> list[str]:
    names = {scenario.name for scenario in scenarios}
    names |= {scenario.description or "" for scenario in scenarios}
    for org in orgs:
        names |= _names_of(org)
    for plan in plans:
        names |= {u.name for u in plan.units_after}
        names |= {m.name for m in plan.merges}
    names |= {"DejaVu Sans", "Times New Roman"}
    # The template's examples are names too ("Sở Nội vụ").
    names |= {c.example for tb in TABLES.values() for c in tb.columns}
    # Names with letters: the template's examples include numbers.
    named = (n for n in names if re.search(r"[^\W\d_]{2}", n))
    return sorted(named, key=len, reverse=True)


def _names_of(org: Organisation) -> set[str]:
    names = {u.name for u in org.units} | {u.name_en or "" for u in org.units}
    names |= {loc.name for loc in org.localities}
    names |= {loc.name_en or "" for loc in org.localities}
    names |= {p.name or "" for p in org.staff} | {org.name or ""}
    names |= {f.name or "" for f in org.functions}
    return names


def _codes(orgs: list[Organisation]) -> set[str]:
    codes: set[str] = set()
    for org in orgs:
        codes |= _codes_of(org)
    # Sheet names stay the table names the readers look for (units,
    # staff...) until the readers accept Vietnamese sheet names too.
    codes |= set(TABLES)
    # What a user types on the command line: option values.
    codes |= {
        choice
        for command in main.commands.values()
        for param in command.params
        if isinstance(param.type, click.Choice)
        for choice in map(str, param.type.choices)
    }
    return codes | {"CP-SAT", "orgplan", "README", "SVG", "DOT"}


def _codes_of(org: Organisation) -> set[str]:
    codes = {u.id for u in org.units} | {f.code for f in org.functions}
    codes |= {c for u in org.units for c in u.functions}
    codes |= {u.sector for u in org.units if u.sector}
    codes |= {loc.id for loc in org.localities}
    codes |= {p.id for p in org.staff}
    return codes | {p.field for p in org.staff if p.field}


def _plain(text: str, names: list[str], codes: set[str]) -> str:
    """Visible text: markup dropped, then names, paths and codes blanked
    (a name a chart wraps over lines is whole again once tags go)."""
    # Graphviz's <title>cluster:ID</title> names nodes by their ids.
    text = re.sub(r"<(style|title)>.*?</\1>", " ", text, flags=re.S)
    # DOT and SVG attributes (arrowhead=none, font-family=...) are not
    # shown; neither is markup, nor DOT's line breaks.
    text = re.sub(r"\b[\w-]+=(\"[^\"]*\"|[\w.]+)", " ", text)
    text = re.sub(r"<[^>]+>", " ", text).replace("\\n", " ")
    text = re.sub(r"\s+", " ", html.unescape(text))
    for name in names:
        text = text.replace(re.sub(r"\s+", " ", name), " ")
    for term in GLOSSES:
        text = text.replace(term, " ")
    words = re.split(r"(\W+)", PATHS.sub(" ", text))
    return "".join(" " if w in codes else w for w in words)


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


@pytest.fixture(scope="module")
def shown(
    runs: dict[Lang, Run],
    data: tuple[Organisation, Scenario],
    infeasible: Plan,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[Lang, dict[str, str]]:
    """Each language's surfaces as a reader sees them (names and codes
    blanked)."""
    orgs, scenarios = zip(data, open_scenario(INFEASIBLE), strict=True)
    plans = [r.plan for r in runs.values()]
    names = _proper_names(list(orgs), list(scenarios), plans)
    codes = _codes(list(orgs))
    found = {}
    # The folders the runs wrote to are paths, not words.
    base = str(tmp_path_factory.getbasetemp())
    for lang, run in runs.items():
        folder = tmp_path_factory.mktemp(f"surfaces-{lang}")
        found[lang] = {
            surface: _plain(
                re.sub(re.escape(base) + r"\S*", " ", text), names, codes
            )
            for surface, text in _surfaces(run, folder, infeasible).items()
        }
    return found


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "other"), [("en", "vi"), ("vi", "en")])
def test_no_surface_shows_the_other_language(
    shown: dict[Lang, dict[str, str]], lang: Lang, other: Lang
) -> None:
    foreign = _fragments(other)
    for surface, text in shown[lang].items():
        leaked = sorted(f for f in foreign if f in text)
        assert leaked == [], (surface, leaked)
        if lang == "en":
            found = [
                text[max(0, m.start() - 60) : m.end() + 60]
                for m in VIETNAMESE.finditer(text)
            ]
            assert found == [], (surface, found[:5])
        else:
            found = [
                text[max(0, m.start() - 60) : m.end() + 60]
                for m in ENGLISH.finditer(text)
            ]
            assert found == [], (surface, found[:5])


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_no_surface_shows_a_catalogue_key(
    shown: dict[Lang, dict[str, str]], lang: Lang
) -> None:
    for surface, text in shown[lang].items():
        assert KEY.findall(text) == [], surface


@pytest.mark.slow
def test_the_surfaces_carry_what_they_must(
    runs: dict[Lang, Run], shown: dict[Lang, dict[str, str]]
) -> None:
    # The detector is not blind: the plan has reasons, binding rules,
    # notes and weak spots, the edited plan violations, and each surface
    # shows fragments of its own language's catalogue.
    plan = runs["vi"].plan
    assert plan.merges and plan.flattened and plan.binding_rules
    assert plan.notes and all(m.reasons for m in plan.merges)
    # Notes travel as messages, never as words of one language.
    assert all(isinstance(n, dict) for n in plan.notes), plan.notes
    assert all(isinstance(r, dict) for m in plan.merges for r in m.reasons)
    for lang in ("en", "vi"):
        own = _fragments(lang)  # type: ignore[arg-type]
        for surface, text in shown[lang].items():
            assert [f for f in own if f in text], (lang, surface)
    vi = shown["vi"]
    assert "góp phần đạt mục tiêu" in vi["report"]
    assert "Nghị định 107/2020" in vi["proposal"]
    assert "hàm mục tiêu của phương án là" in vi["check"]
    assert "điểm yếu" in vi["terminal"]
    assert "công chức" in vi["stats"]
    assert "không được hợp nhất vào" in vi["check_scope"]
    assert "không phải đơn vị cấp trên trực tiếp" in vi["check_scope"]
    assert "trong cùng một đơn vị cấp trên" in vi["validate"]
    assert "Tùy chọn:" in vi["help"] and "Ví dụ:" in vi["help"]
    en = shown["en"]
    assert "works towards the target" in en["xlsx"]
    assert "Decree 107/2020" in en["report"]
    assert "the plan's objective is" in en["check"]
    assert "may not merge into" in en["check_scope"]
    assert "only within one parent" in en["validate"]
    assert "Options:" in en["help"] and "Example:" in en["help"]
