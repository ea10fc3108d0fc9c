"""Scenario comparison, and the chart and compare commands."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from view_fixtures import province, reform_plan

from cli import main
from orgplan.compare import cell, compare, open_plans, write_comparison
from orgplan.errors import ChartError, OrgplanError
from orgplan.io import write_organisation, write_plan
from orgplan.plan import Plan, SolveStatus


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, Path]:
    """The fixture province as CSV files and its plan as plan.json."""
    data = tmp_path / "data"
    write_organisation(province(), data)
    plan = reform_plan(settings={"data_path": str(data)})
    (tmp_path / "reform").mkdir()
    write_plan(plan, tmp_path / "reform" / "plan.json")
    return data, tmp_path / "reform" / "plan.json"


def test_a_row_sums_up_a_plan() -> None:
    (row,) = compare([("Phương án A", reform_plan())])
    assert row["plan"] == "Phương án A"
    assert (row["status"], row["gap"], row["objective"]) == (
        "optimal",
        0.0,
        321.5,
    )
    assert (row["focal_points"], row["focal_points_before"]) == (7, 10)
    assert (row["leaders"], row["leaders_before"]) == (27, 34)
    assert (row["staff"], row["staff_before"]) == (172, 174)
    assert (row["surplus"], row["deficit"]) == (1, 4)
    assert row["excess_deputies"] == 3
    assert (row["moves"], row["separations"]) == (4, 2)
    assert row["cost"] == 1_250_000_000.0
    assert cell(row, "focal_points") == "7 (10)"
    assert cell(row, "gap") == "0.00%"


def test_rows_keep_the_order_and_name_bare_plans_by_scenario() -> None:
    infeasible = Plan(
        scenario="Quá tham vọng",
        status=SolveStatus.INFEASIBLE,
        notes=("at most 2 units of kind department",),
    )
    rows = compare([reform_plan(), infeasible])
    assert [r["plan"] for r in rows] == ["Sơn La 2025", "Quá tham vọng"]
    assert rows[1]["focal_points"] is None
    assert cell(rows[1], "focal_points") == ""
    # No zeros for a scenario without a plan: blanks, and why.
    assert (rows[1]["moves"], rows[1]["cost"]) == (None, None)
    assert cell(rows[1], "status", "vi") == "không khả thi"
    assert cell(rows[1], "reason") == "at most 2 units of kind department"
    assert rows[0]["reason"] is None


def test_a_wrong_out_is_refused_before_any_solving(tmp_path: Path) -> None:
    scenario = tmp_path / "never-read.yaml"
    scenario.write_text("not: a scenario\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["compare", str(scenario), "--out", str(tmp_path / "c.txt")]
    )
    assert result.exit_code == 1
    assert "c.txt" in result.output and ".csv" in result.output
    missing = CliRunner().invoke(main, ["compare", str(tmp_path / "nope")])
    assert missing.exit_code == 1 and "nope" in missing.output


def test_csv_keeps_numbers_and_vietnamese(tmp_path: Path) -> None:
    rows = compare([("Phương án A", reform_plan()), reform_plan()])
    path = write_comparison(rows, tmp_path / "c.csv")
    # With a byte order mark, which Excel needs for the diacritics.
    read = list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))
    assert [r["plan"] for r in read] == ["Phương án A", "Sơn La 2025"]
    assert read[0]["focal_points"] == "7"
    assert read[0]["focal_points_before"] == "10"
    assert read[0]["cost"] == "1250000000.0"


def test_csv_plan_names_do_not_run_as_formulas(tmp_path: Path) -> None:
    rows = compare([('=HYPERLINK("http://x","y")', reform_plan())])
    path = write_comparison(rows, tmp_path / "c.csv")
    read = list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))
    assert read[0]["plan"] == '\'=HYPERLINK("http://x","y")'
    assert read[0]["focal_points"] == "7"


def test_html_puts_plans_side_by_side(tmp_path: Path) -> None:
    rows = compare([("A <1>", reform_plan()), ("B", reform_plan())])
    page = write_comparison(rows, tmp_path / "c.html", "vi").read_text()
    assert "<th>A &lt;1&gt;</th><th>B</th>" in page
    assert "<tr><th>Đầu mối</th><td>7 (10)</td><td>7 (10)</td></tr>" in page


def test_unknown_output_format_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(OrgplanError, match=r"c\.xlsx.*\.csv or \.html"):
        write_comparison(compare([reform_plan()]), tmp_path / "c.xlsx")


def test_open_plans_reads_plan_files_and_refuses_data(
    saved: tuple[Path, Path],
) -> None:
    data, plan_path = saved
    ((name, plan),) = open_plans([plan_path])
    assert name == "reform"
    assert plan == reform_plan(settings={"data_path": str(data)})
    with pytest.raises(ChartError, match="no plan"):
        open_plans([data])


def test_compare_command_prints_and_writes(
    saved: tuple[Path, Path], tmp_path: Path
) -> None:
    _, plan_path = saved
    out = tmp_path / "c.csv"
    result = CliRunner().invoke(
        main, ["compare", str(plan_path), str(plan_path), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Focal points" in result.output and "7 (10)" in result.output
    assert len(out.read_text("utf-8").splitlines()) == 3
    assert CliRunner().invoke(main, ["compare"]).exit_code == 2


def test_chart_command_draws_data_and_plans(
    saved: tuple[Path, Path], tmp_path: Path
) -> None:
    data, plan_path = saved
    out = tmp_path / "before.dot"
    result = CliRunner().invoke(
        main, ["chart", str(data), "--format", "dot", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Department of Natural" in out.read_text("utf-8")
    out = tmp_path / "diff.dot"
    args = ["chart", str(plan_path), "--format", "dot", "--out", str(out)]
    result = CliRunner().invoke(main, [*args, "--lang", "vi"])
    assert result.exit_code == 0, result.output
    diff = out.read_text("utf-8")
    assert "Chú giải" in diff  # the diff view's legend, by default
    assert "Sở Nông nghiệp và Môi" in diff


def test_chart_command_user_errors(
    saved: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, plan_path = saved
    runner = CliRunner()
    result = runner.invoke(main, ["chart", str(data), "--view", "after"])
    assert result.exit_code == 1
    assert "no plan" in result.output
    result = runner.invoke(main, ["chart", str(plan_path), "--root", "X"])
    assert result.exit_code == 1 and "'X'" in result.output
    assert runner.invoke(main, ["chart", str(data), "--depth", "0"]).exit_code
    monkeypatch.setattr(shutil, "which", lambda name: None)
    out = tmp_path / "c.svg"
    result = runner.invoke(main, ["chart", str(data), "--out", str(out)])
    assert result.exit_code == 1
    assert "Install Graphviz" in result.output
    assert (tmp_path / "c.dot").exists() and not out.exists()
