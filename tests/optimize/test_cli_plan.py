"""``orgplan plan`` on the bundled scenarios."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cli import main
from orgplan.io import read_plan

SCENARIOS = Path(__file__).parent.parent.parent / "scenarios"


def test_plan_writes_plan_json_and_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "plan",
            str(SCENARIOS / "province-small"),
            "--out",
            str(out),
            "--reproducible",
            "--time-limit",
            "2",
        ],
    )
    assert result.exit_code == 0, result.output
    plan = read_plan(out / "plan.json")
    assert plan.mode == "reproducible" and plan.workers == 1
    assert plan.metrics["after"].units < plan.metrics["before"].units
    assert "Focal points" in result.output
    # The count is every file the folder holds, the manifest included.
    files = [p for p in out.rglob("*") if p.is_file()]
    assert (out / "manifest.json") in files
    assert f"wrote {len(files)} files" in result.output
    # Everything the plan promises, next to plan.json (docs/semantics.md).
    for name in (
        "staffing-plan.xlsx",
        "report.html",
        "staffing-plan/transfers.csv",
    ):
        assert (out / name).is_file(), name
    # A large chart is cut into pages (view-1.dot, view-2.dot...).
    for view in ("before", "after", "diff"):
        assert list(out.glob(f"{view}.dot")) or list(
            out.glob(f"{view}-*.dot")
        ), view


def test_an_infeasible_scenario_exits_1_with_the_conflict(
    tmp_path: Path,
) -> None:
    result = CliRunner().invoke(
        main,
        [
            "plan",
            str(SCENARIOS / "infeasible"),
            "--out",
            str(tmp_path),
            "--reproducible",
            "--time-limit",
            "2",
        ],
    )
    assert result.exit_code == 1
    assert "max_units" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "plan.json").exists()


def test_bad_method_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "plan",
            str(SCENARIOS / "province-small"),
            "--out",
            str(tmp_path),
            "--method",
            "simplex",
        ],
    )
    assert result.exit_code == 2
