"""The command line on hostile input and faults: a message, exit 1, never
a traceback, nothing written; exports and charts that cannot run code."""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import orgplan
from orgplan.charts import to_dot_pages
from orgplan.export import write_staffing_plan
from orgplan.io import open_scenario

ROOT = Path(__file__).parent.parent
SMALL = ROOT / "scenarios" / "province-small"
ORGPLAN = Path(sys.executable).with_name("orgplan")
HEADER = "id,name,kind,level,parent,quota,actual,heads,deputies\n"
ROOT_ROW = "UBND,Ủy ban,peoples_committee,province,,5,5,1,1\n"


def _run(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ORGPLAN), *args],
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


def _clean_failure(done: subprocess.CompletedProcess[str], fragment: str):
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert fragment in done.stdout + done.stderr


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (f"SNV,{'x' * 140_000},department\n", "ORGPLAN_MAX_CELL_CHARS"),
        (
            f"SNV,Sở,department,province,UBND,{10**30},5,1,1\n",
            "beyond 1,000,000,000",
        ),
        ("SNV,S\vở,department,province,UBND,6,5,1,1\n", None),
    ],
)
def test_validate_reports_hostile_cells_cleanly(
    tmp_path: Path, body: str, fragment: str | None
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "units.csv").write_text(HEADER + ROOT_ROW + body, "utf-8")
    done = _run("validate", str(data))
    assert _files(tmp_path) == ["data", "data/units.csv"]
    if fragment is None:
        # A vertical tab in a name: removed, with a plain warning line.
        assert done.returncode == 0, done.stderr
        assert "U+000B" in done.stdout
        return
    _clean_failure(done, fragment)
    assert "units.csv, row 3" in done.stdout


def test_validate_reports_a_yaml_10000_deep_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "scenario.yaml"
    path.write_text(
        "name: x\ndata: d\nx: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "utf-8",
    )
    done = _run("validate", str(path))
    _clean_failure(done, "problem")
    assert "ORGPLAN_MAX_DEPTH" in done.stdout


def test_plan_refuses_a_quota_of_10_30_before_solving(tmp_path: Path) -> None:
    scenario = tmp_path / "s"
    scenario.mkdir()
    (scenario / "scenario.yaml").write_text(
        f"name: x\ndata: {SMALL / 'data'}\n"
        f"staffing: {{quota_overrides: {{SNV: {10**30}}}}}\n",
        "utf-8",
    )
    done = _run("plan", str(scenario), "--out", str(tmp_path / "out"))
    _clean_failure(done, "staffing.quota_overrides.SNV")
    assert not (tmp_path / "out").exists()


def test_plan_refuses_100000000_workers_and_an_endless_search(
    tmp_path: Path,
) -> None:
    done = _run(
        "plan", str(SMALL), "--out", str(tmp_path / "o"), "--workers", "1e8"
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    done = _run(
        "plan",
        str(SMALL),
        "--out",
        str(tmp_path / "o"),
        "--workers",
        "100000000",
    )
    assert done.returncode == 2 and "1<=x<=64" in done.stderr
    done = _run(
        "plan", str(SMALL), "--out", str(tmp_path / "o"), "--time-limit",
        "inf",
    )
    assert done.returncode == 2 and "0<x<=604800" in done.stderr
    assert not (tmp_path / "o").exists()


def test_template_does_not_overwrite_without_force(tmp_path: Path) -> None:
    book = tmp_path / "filled.xlsx"
    book.write_bytes(b"the committee's data")
    done = _run("template", str(book))
    _clean_failure(done, "--force")
    assert book.read_bytes() == b"the committee's data"
    assert _run("template", str(book), "--force").returncode == 0
    assert book.read_bytes() != b"the committee's data"


@pytest.mark.slow
def test_plan_prints_warnings_as_plain_lines(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for table in ("units", "localities", "functions"):
        text = (SMALL / "data" / f"{table}.csv").read_text("utf-8-sig")
        if table == "units":
            # An unknown column: a warning, not an error.
            lines = text.splitlines()
            lines = [lines[0] + ",note"] + [f"{x}," for x in lines[1:]]
            text = "\n".join(lines) + "\n"
        (data / f"{table}.csv").write_text(text, "utf-8")
    scenario = tmp_path / "scenario.yaml"
    scenario.write_text(
        f"name: w\ndata: {data}\nscope: {{kinds: [division]}}\n", "utf-8"
    )
    done = _run(
        "plan", str(scenario), "--out", str(tmp_path / "o"), "--method",
        "greedy",
    )
    assert done.returncode == 0, done.stderr
    assert "unknown column 'note'" in done.stderr
    assert "warnings.warn" not in done.stderr
    assert "OrgplanWarning" not in done.stderr


def _in_orgplan(err: str) -> bool:
    """Whether a traceback passes through orgplan's code once its Ctrl-C
    handler is in place (the first import of cli.py)."""
    lines = (ROOT / "cli.py").read_text("utf-8").splitlines()
    first = next(
        n for n, line in enumerate(lines, 1) if "import interrupt" in line
    )
    for path, line in re.findall(r'File "([^"]+)", line (\d+)', err):
        if path.endswith("cli.py") and int(line) > first:
            return True
        if "/orgplan/" in path and not path.endswith(
            ("orgplan/__init__.py", "orgplan/interrupt.py")
        ):
            return True
    return False


def test_ctrl_c_in_the_first_moments_is_no_traceback() -> None:
    """Ctrl-C at moments over the first 0.4 s. Python's own start (site,
    the editable install's finder) runs before any line of orgplan and is
    out of its reach; a loaded machine stretches it."""
    handled = 0
    for delay in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4):
        process = subprocess.Popen(
            [str(ORGPLAN), "validate", str(SMALL)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        assert not _in_orgplan(err), (delay, err)
        if "Traceback" not in err:
            assert process.returncode in (0, 1), (delay, err)
            handled += 1
    assert handled >= 3


@pytest.fixture(scope="module")
def hostile_plan(tmp_path_factory):
    """province-small with formula-like and Graphviz-escape names, planned
    by the greedy baseline."""
    organisation, scenario = open_scenario(SMALL)
    names = ['=HYPERLINK("http://x.example","x")', "+cmd|' /C calc'!A0",
             "@SUM(A1)", "-1+1", "Phòng \\N \\G \\L"]
    units = list(organisation.units)
    for i, name in enumerate(names):
        # English tables and charts show name_en.
        units[-1 - i] = units[-1 - i].model_copy(
            update={"name": name, "name_en": name}
        )
    organisation = organisation.model_copy(update={"units": tuple(units)})
    scenario = scenario.model_copy(
        update={
            "solver": scenario.solver.model_copy(update={"method": "greedy"})
        }
    )
    plan = orgplan.solve(organisation, scenario).plan
    return organisation, plan


def test_staffing_csvs_cannot_run_formulas(
    hostile_plan, tmp_path: Path
) -> None:
    organisation, plan = hostile_plan
    written = write_staffing_plan(
        plan, organisation, tmp_path, formats=["csv"]
    )
    cells = []
    for path in written:
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), path
        cells += [
            c
            for row in csv.reader(io.StringIO(raw.decode("utf-8-sig")))
            for c in row
        ]
    assert any("HYPERLINK" in c for c in cells)
    dangerous = [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert dangerous == []
    # Negative numbers stay numbers; only text is quoted.
    assert not [c for c in cells if c.startswith("-") and not _number(c)]


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_chart_labels_keep_graphviz_escapes_literal(hostile_plan) -> None:
    organisation, _ = hostile_plan
    dot = "\n".join(to_dot_pages(organisation, max_boxes=None))
    assert "Phòng \\\\N \\\\G \\\\L" in dot
    assert "Phòng \\N" not in dot.replace("\\\\", "")


def test_export_under_a_regular_file_is_one_message(
    hostile_plan, tmp_path: Path
) -> None:
    _, plan = hostile_plan
    from orgplan.io import write_plan

    plan_path = tmp_path / "plan.json"
    write_plan(plan, plan_path)
    (tmp_path / "afile").write_text("x", "utf-8")
    done = _run(
        "export",
        str(plan_path),
        "--data",
        str(SMALL),
        "--out",
        str(tmp_path / "afile" / "sub"),
        # The plan's names are hostile, the data's are not: check refuses
        # the pair, and this test is about --out.
        "--force",
    )
    _clean_failure(done, "afile")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile", "plan.json"]


def test_a_full_disk_during_export_is_an_output_error(
    hostile_plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orgplan.errors import OutputError

    organisation, plan = hostile_plan

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("openpyxl.Workbook.save", full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_staffing_plan(plan, organisation, tmp_path, formats=["xlsx"])
    assert list(tmp_path.iterdir()) == []

