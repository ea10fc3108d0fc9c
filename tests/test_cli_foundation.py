"""orgplan validate, stats and template: exit codes and what they print."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result

from cli import main
from orgplan.graph import stats
from orgplan.model import Organisation
from orgplan.rules import Rulebook

SCENARIO = Path(__file__).parent.parent / "scenarios" / "province-small"
HEADER = "id,name,kind,level,parent,quota,actual,heads,deputies"


def _run(*args: str | Path) -> Result:
    # A wide terminal, so that rich does not wrap names in the tables.
    runner = CliRunner(env={"COLUMNS": "250"})
    return runner.invoke(main, [str(a) for a in args])


def _units(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    text = "\n".join([header, *rows]) + "\n"
    (folder / "units.csv").write_text(text, encoding="utf-8")
    return folder


GOOD_ROWS = (
    "P,Tỉnh Thử,province,province,,0,0,0,0",
    "D,Sở Tài chính,department,province,P,7,8,1,3",
)


def test_validate_bundled_scenario() -> None:
    result = _run("validate", SCENARIO)
    assert result.exit_code == 0, result.output
    assert "is valid." in result.output
    assert "warning" not in result.output


def test_validate_lists_every_problem_with_its_place(tmp_path: Path) -> None:
    data = _units(
        tmp_path,
        "P,Tỉnh Thử,province,province,,0,0,0,0",
        "D,Sở Tài chính,department,province,P,many,8,1,3",
        "E,Sở Xây dựng,department,province,GHOST,7,7,1,2",
    )
    result = _run("validate", data)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    quota = [line for line in lines if "row 3" in line]
    parent = [line for line in lines if "row 4" in line]
    assert quota and "units.csv" in quota[0] and "quota" in quota[0]
    assert parent and "parent" in parent[0] and "GHOST" in parent[0]
    assert "2 problems" in result.output
    assert "Traceback" not in result.output


def test_validate_warnings_keep_the_input_valid(tmp_path: Path) -> None:
    data = _units(
        tmp_path,
        *(row + ",ghi chú" for row in GOOD_ROWS),
        header=HEADER + ",note",
    )
    result = _run("validate", data)
    assert result.exit_code == 0, result.output
    assert "warning" in result.output and "note" in result.output
    assert "is valid with 1 warning." in result.output


def test_validate_missing_path_is_a_user_problem(tmp_path: Path) -> None:
    result = _run("validate", tmp_path / "nowhere")
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def test_validate_needs_a_path() -> None:
    assert _run("validate").exit_code == 2


def test_stats_json_is_the_library_stats(
    province_small: Organisation, rulebook: Rulebook
) -> None:
    result = _run("stats", SCENARIO / "data", "--json", "--lang", "vi")
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert printed == json.loads(json.dumps(stats(province_small, rulebook)))
    assert printed["by_locality"]["HS-LS"]["name"] == "Xã Lương Sơn"


def test_stats_table_in_vietnamese() -> None:
    result = _run("stats", SCENARIO, "--lang", "vi")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Đầu mối" in out and "Cấp trung gian" in out
    assert "Phường Đồng Tiến" in out
    assert "Phòng Quản lý giá và công sản" in out
    assert "Đơn vị vượt số cấp phó tối đa" in out
    assert "trung vị 4" in out


def test_stats_table_in_english() -> None:
    result = _run("stats", SCENARIO)
    assert result.exit_code == 0, result.output
    assert "Focal points" in result.output
    assert "Prices and Public Assets Division" in result.output
    assert "Decree 370/2025" in result.output


def test_stats_applies_the_scenarios_rule_overrides(tmp_path: Path) -> None:
    # Two deputies for any division: STC-GCS is no longer over its cap.
    scenario = tmp_path / "lenient.yaml"
    scenario.write_text(
        f"name: lenient\ndata: {SCENARIO / 'data'}\n"
        "rules_overrides:\n  kinds:\n    division:\n"
        "      deputy_steps: [{min_size: 0, cap: 2}]\n",
        encoding="utf-8",
    )
    result = _run("stats", scenario, "--json")
    assert result.exit_code == 0, result.output
    over = [e["unit"] for e in json.loads(result.stdout)["over_cap"]]
    assert over == ["SNNPTNT"]


def test_stats_says_when_no_unit_is_over_cap(tmp_path: Path) -> None:
    result = _run("stats", _units(tmp_path, *GOOD_ROWS))
    assert result.exit_code == 0, result.output
    assert "No unit is above its deputy cap." in result.output


def test_stats_prints_warnings_without_a_traceback(tmp_path: Path) -> None:
    data = _units(
        tmp_path,
        *(row + ",x" for row in GOOD_ROWS),
        header=HEADER + ",note",
    )
    result = _run("stats", data, "--json")
    assert result.exit_code == 0, result.output
    assert "unknown column 'note'" in result.stderr
    assert json.loads(result.stdout)["units"] == 2


def test_stats_of_bad_data_exits_1(tmp_path: Path) -> None:
    data = _units(tmp_path, "D,Sở Tài chính,department,province,,x,8,1,3")
    result = _run("stats", data)
    assert result.exit_code == 1
    assert "row 2" in result.output and "quota" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [["--lang", "fr"], ["--bogus"], []], ids=str)
def test_stats_usage_errors_exit_2(args: list[str]) -> None:
    path = [str(SCENARIO)] if args else []
    assert _run("stats", *path, *args).exit_code == 2


def test_template_writes_a_workbook(tmp_path: Path) -> None:
    out = tmp_path / "mẫu.xlsx"
    result = _run("template", out)
    assert result.exit_code == 0, result.output
    sheets = openpyxl.load_workbook(out).sheetnames
    assert {"units", "localities", "staff", "functions"} <= set(sheets)


def test_template_needs_an_xlsx_name(tmp_path: Path) -> None:
    result = _run("template", tmp_path / "template.csv")
    assert result.exit_code == 2
    assert ".xlsx" in result.output
    assert not (tmp_path / "template.csv").exists()


def test_template_unwritable_place_exits_1(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    result = _run("template", blocker / "template.xlsx")
    assert result.exit_code == 1
    assert "cannot write" in result.output


def test_check_names_a_plan_of_another_organisation(tmp_path: Path) -> None:
    from view_fixtures import reform_plan

    from orgplan.io import write_plan

    path = tmp_path / "plan.json"
    write_plan(reform_plan(), path)
    result = _run("check", path, "--scenario", SCENARIO, "--lang", "vi")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    # One message, not a list of every unknown unit and person.
    assert len(lines) <= 2, result.output
    assert "tổ chức khác" in result.output and "53 đơn vị" in result.output


def test_version_and_help_start_fast() -> None:
    import subprocess
    import sys
    import time

    for flag in ("--version", "--help"):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", "import cli; cli.main()", flag],
            capture_output=True,
            check=False,
            cwd=Path(__file__).parent.parent,
        )
        elapsed = time.perf_counter() - start
        assert done.returncode == 0, done.stderr
        # 0.5 s is the promise; the margin absorbs a busy test machine.
        assert elapsed < 1.0, (flag, elapsed)
