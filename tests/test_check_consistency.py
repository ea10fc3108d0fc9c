"""check_plan on 40 hand-edited plans: each edit is named by its rule.

A real plan of scenarios/province-small (the greedy's, in-process) is
edited the way a user might edit plan.json, one edit per case, and
``check_plan`` must report an error under the rule that names the
problem (issue 14: the checker missed after-metrics, a person moved
twice, a balance, ``status: infeasible`` with decisions, a negative
gap...). Where an edit would also make ``units_after`` disagree with
applying the plan, ``resync`` rewrites units_after (and the after
metrics) as a careful editor would, so that only the new rule can catch
it.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cli import main
from orgplan.check import check_plan, objective_terms, objective_value
from orgplan.graph import metrics
from orgplan.io import open_scenario
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.planner import solve
from orgplan.scenario import Scenario
from orgplan.semantics.after import apply

SCENARIO = Path(__file__).parent.parent / "scenarios" / "province-small"

Edit = Callable[[dict[str, Any]], None]


@pytest.fixture(scope="module")
def case() -> tuple[Organisation, Scenario, dict[str, Any]]:
    organisation, scenario = open_scenario(SCENARIO)
    plan = solve(organisation, scenario, method="greedy").plan
    return organisation, scenario, json.loads(plan.to_json())


def _by(items: list[dict[str, Any]], key: str, value: str) -> dict[str, Any]:
    return next(item for item in items if item[key] == value)


def _unit(p: dict[str, Any], uid: str) -> dict[str, Any]:
    return _by(p["units_after"], "id", uid)


def _merge(into: str, *members: str) -> dict[str, Any]:
    return {"into": into, "members": [into, *members], "name": "Hợp nhất"}


def _transfer(src: str, dst: str, count: int, *persons: str) -> Any:
    return {
        "from": src,
        "to": dst,
        "category": "civil_servant",
        "count": count,
        "persons": list(persons),
        "hops": 0,
    }


def _set(path: str, value: Any) -> Edit:
    """An edit setting a top-level or dotted key (metrics.after.units)."""

    def edit(p: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        for key in parents:
            p = p[key]
        p[last] = value

    return edit


def _add(key: str, item: Any) -> Edit:
    return lambda p: p[key].append(item)


def _lead(uid: str, **values: Any) -> Edit:
    return lambda p: _by(p["leadership"], "unit", uid).update(values)


def _balance(uid: str, **values: Any) -> Edit:
    return lambda p: _by(p["balance"], "id", uid).update(values)


def _after(uid: str, **values: Any) -> Edit:
    return lambda p: _unit(p, uid).update(values)


def _drop_after(uid: str) -> Edit:
    return lambda p: p["units_after"].remove(_unit(p, uid))


def _named(p: dict[str, Any]) -> dict[str, Any]:
    """The plan's first transfer that names a person."""
    return next(t for t in p["transfers"] if t["persons"])


def _move_twice(p: dict[str, Any]) -> None:
    # The first person moved is moved on again, back where they came from.
    first = _named(p)
    again = _transfer(first["to"], first["from"], 1, first["persons"][0])
    p["transfers"].append({**again, "category": first["category"]})


def _mover_elsewhere(p: dict[str, Any]) -> None:
    mover = p["movers"][0]
    mover["to_unit"] = next(
        u["id"] for u in p["units_after"]
        if u["id"] not in (mover["to_unit"], mover["from_unit"])
    )


def _mover_dropped(p: dict[str, Any]) -> None:
    p["movers"].pop(0)


def _mover_twice(p: dict[str, Any]) -> None:
    p["movers"].append(dict(p["movers"][0]))


def _head_moved(p: dict[str, Any]) -> None:
    # A head before the plan (a merged unit's head) moves to the unit
    # listed first after the plan.
    lead = next(entry for entry in p["leadership"] if entry["head"])
    target = p["units_after"][0]["id"]
    p["transfers"].append(_transfer(lead["unit"], target, 1, lead["head"]))


def _count_edited(p: dict[str, Any]) -> None:
    # One more moved than the plan applies: staff no longer add up.
    biggest = max(p["units_after"], key=lambda u: u["civil_servants"] or 0)
    p["transfers"].append(_transfer(biggest["id"], _named(p)["to"], 1))


def _fold_wrong_parent(p: dict[str, Any]) -> None:
    _by(p["flattened"], "unit", "SNV-VP")["into"] = "STP"


def _merge_into_outsider(p: dict[str, Any]) -> None:
    p["merges"][1]["into"] = "SNV"


def _join_forbidden(p: dict[str, Any]) -> None:
    # SNV and STP may not merge; the edit also drops what names SNV.
    p["flattened"] = [f for f in p["flattened"] if f["into"] != "SNV"]
    p["transfers"] = [t for t in p["transfers"] if t["from"] != "SNV"]
    p["movers"] = [m for m in p["movers"] if m["from_unit"] != "SNV"]
    p["merges"].append(_merge("STP", "SNV"))


def _drop_merge(key: str, index: int) -> Edit:
    return lambda p: p[key].pop(index)


def _cycle(p: dict[str, Any]) -> None:
    _unit(p, "SKHDT")["parent"] = "SKHDT-VP"


def _term(name: str, value: float) -> Edit:
    return lambda p: p["objective_terms"].update({name: value})


def _split(p: dict[str, Any]) -> None:
    p["splits"].append(
        {
            "unit": "SNV-TCBC",
            "parts": [{"to": "SNV", "functions": [], "staff": 1}],
        }
    )


# (id, edit, rule the checker must report, resync units_after first).
CASES: list[tuple[str, Edit, str, bool]] = [
    # The plan's own figures.
    ("after-metrics units", _set("metrics.after.units", 44), "metrics", 0),
    ("after-metrics deputies", _set("metrics.after.deputies", 60),
     "metrics", 0),
    ("before-metrics leaders", _set("metrics.before.leaders", 1),
     "metrics", 0),
    ("after-metrics by kind", _set("metrics.after.units_by_kind",
                                   {"department": 7}), "metrics", 0),
    ("balance actual_after", _balance("STP", actual_after=99),
     "balance", 0),
    ("balance actual_before", _balance("SNV", actual_before=1),
     "balance", 0),
    ("balance deficit", _balance("SNNPTNT-TTKN", deficit_after=0),
     "balance", 0),
    ("balance row dropped", lambda p: p["balance"].pop(3), "balance", 0),
    ("balance row of a folded unit",
     _add("balance", {"id": "SNV-VP", "quota": 1, "actual_before": 1,
                      "actual_after": 1, "surplus_after": 0,
                      "deficit_after": 0}), "balance", 0),
    ("status infeasible with decisions", _set("status", "infeasible"),
     "status", 0),
    ("status no solution with decisions",
     _set("status", "no solution in time"), "status", 0),
    ("gap without a bound", _set("gap", 0.1), "gap", 0),
    ("negative gap", lambda p: p.update(bound=1100.0, gap=-0.04), "gap", 0),
    ("bound above objective", lambda p: p.update(bound=1200.0, gap=0.04),
     "gap", 0),
    ("gap disagrees with bound", lambda p: p.update(bound=1148.4, gap=0.5),
     "gap", 0),
    ("objective edited", _set("objective", 900.0), "objective", 0),
    ("objective term edited", _term("leaders", 100.0), "objective", 0),
    ("unknown objective term", _term("comfort", 3.0), "objective", 0),
    # People.
    ("person moved twice", _move_twice, "person_moves", 1),
    ("mover sent elsewhere", _mover_elsewhere, "movers", 0),
    ("mover dropped", _mover_dropped, "movers", 0),
    ("mover listed twice", _mover_twice, "movers", 0),
    ("a head transferred", _head_moved, "person_moves", 1),
    # units_after against applying the plan.
    ("units_after actual", _after("SNV", actual=40), "units_after", 0),
    ("units_after name", _after("SXD", name="Sở Khác"), "units_after", 0),
    ("units_after unit dropped", _drop_after("STP-XDVB"), "units_after", 0),
    ("units_after cycle", _cycle, "units_after", 0),
    ("transfer count edited", _count_edited, "units_after", 0),
    # Decisions and rules.
    ("locked unit merged", _add("merges", _merge("VP-UBND-TH",
                                                 "VP-UBND-HCTC")),
     "lock", 0),
    ("must_merge dropped", _drop_merge("merges", 0), "must_merge", 0),
    ("must_not_merge joined", _join_forbidden, "must_not_merge", 0),
    ("merge across parents", _add("merges", _merge("SNV-TCBC", "STP-XDVB")),
     "merge_scope", 0),
    ("merge into an outsider", _merge_into_outsider, "merge_shape", 0),
    ("fold into a stranger", _fold_wrong_parent, "fold", 0),
    ("split staff do not add up", _split, "split_staff", 0),
    ("excess understated", _lead("SKHDT", excess=1), "deputy_excess", 0),
    ("deputies raised above cap", _lead("STC-GCS", deputies=3, excess=2),
     "deputy_cap", 1),
    ("merged unit without leadership", _drop_merge("leadership", 0),
     "leadership", 1),
    ("transfer too far", lambda p: p["transfers"][4].update(hops=3),
     "transfer", 0),
    ("two heads of a merged unit", _lead("SKHDT", heads=2), "leadership",
     1),
]  # fmt: skip


def resync(
    organisation: Organisation, scenario: Scenario, p: dict[str, Any]
) -> None:
    """units_after and the after metrics as applying the edited plan
    gives them: the edit then only shows where the new rule looks."""
    plan = Plan.model_validate(p)
    after = apply(organisation, plan, scenario.rulebook())
    p["units_after"] = [
        json.loads(u.model_dump_json()) for u in after.units
    ]
    p["metrics"]["after"] = json.loads(
        metrics(after, scenario.rulebook()).model_dump_json()
    )
    terms = objective_terms(organisation, scenario, plan)
    p["objective_terms"] = terms
    p["objective"] = objective_value(terms, scenario.weights)


def test_the_unedited_plan_keeps_every_rule(
    case: tuple[Organisation, Scenario, dict[str, Any]],
) -> None:
    organisation, scenario, p = case
    plan = Plan.model_validate(p)
    errors = [
        v for v in check_plan(organisation, scenario, plan)
        if v.severity == "error"
    ]
    assert errors == []


def test_forty_edits() -> None:
    assert len(CASES) == 40
    assert len({name for name, *_ in CASES}) == 40


@pytest.mark.parametrize(
    ("edit", "rule", "sync"),
    [pytest.param(e, r, s, id=name) for name, e, r, s in CASES],
)
def test_check_names_the_edit(
    case: tuple[Organisation, Scenario, dict[str, Any]],
    edit: Edit,
    rule: str,
    sync: bool,
) -> None:
    organisation, scenario, base = case
    p = copy.deepcopy(base)
    edit(p)
    if sync:
        resync(organisation, scenario, p)
    plan = Plan.model_validate(p)
    found = check_plan(organisation, scenario, plan)
    rules = {v.rule for v in found if v.severity == "error"}
    assert rule in rules, [str(v) for v in found]


def _folder(tmp_path: Path, p: dict[str, Any], report: str) -> Path:
    """plan.json and report.html with a manifest naming the report's
    digest (as a run writes it) and plan.json's own."""
    plan_path = tmp_path / "plan.json"
    plan_path.write_text(json.dumps(p, ensure_ascii=False), "utf-8")
    (tmp_path / "report.html").write_text("<p>run</p>", "utf-8")
    files = {
        "plan.json": hashlib.sha256(plan_path.read_bytes()).hexdigest(),
        "report.html": hashlib.sha256(report.encode()).hexdigest(),
    }
    (tmp_path / "manifest.json").write_text(
        json.dumps({"tool": "orgplan", "run": "r1", "files": files}),
        "utf-8",
    )
    return plan_path


def test_export_refuses_a_plan_check_rejects_unless_forced(
    case: tuple[Organisation, Scenario, dict[str, Any]], tmp_path: Path
) -> None:
    p = copy.deepcopy(case[2])
    p["status"] = "infeasible"
    plan_path = _folder(tmp_path, p, "<p>run</p>")
    out = tmp_path / "tables"
    args = ["export", str(plan_path), "--format", "json", "--out", str(out)]
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 1
    assert "[status]" in refused.output and "--force" in refused.output
    assert not out.exists()
    forced = CliRunner().invoke(main, [*args, "--force"])
    assert forced.exit_code == 0, forced.output
    assert "warning" in forced.output
    assert (out / "staffing-plan.json").is_file()


def test_chart_refuses_a_folder_that_differs_from_its_manifest(
    case: tuple[Organisation, Scenario, dict[str, Any]], tmp_path: Path
) -> None:
    # The report is not the one the run wrote: a mixed folder.
    plan_path = _folder(tmp_path, case[2], "<p>an earlier run</p>")
    target = tmp_path / "diff.dot"
    args = ["chart", str(plan_path), "--format", "dot", "--out", str(target)]
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 1
    assert "report.html was changed after the run wrote it" in (
        refused.output
    )
    assert not list(tmp_path.glob("diff*.dot"))
    whole = _folder(tmp_path, case[2], "<p>run</p>")
    assert CliRunner().invoke(main, ["chart", str(whole), "--format",
                                     "dot", "--out", str(target)]
                              ).exit_code == 0  # fmt: skip
