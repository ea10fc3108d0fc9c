"""Faults while writing: the output folder changes as a whole or not at all.

A full disk, a read-only folder, a path under a file, Ctrl-C, a second
run into the same folder, a kill at any moment: each gives one message
(or nothing) and leaves the earlier output intact; no run leaves files of
an earlier one beside its own.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import orgplan
from orgplan.errors import OutputError
from orgplan.io import open_scenario
from orgplan.io.run_folder import MANIFEST
from orgplan.outputs import write_outputs

ROOT = Path(__file__).parent.parent
SCENARIO = ROOT / "scenarios" / "province-small"
ORGPLAN = Path(sys.executable).with_name("orgplan")
PLAN = (str(ORGPLAN), "plan", str(SCENARIO), "--out")


@pytest.fixture(scope="module")
def solved():
    organisation, scenario = open_scenario(SCENARIO)
    scenario = scenario.model_copy(
        update={
            "solver": scenario.solver.model_copy(update={"method": "greedy"})
        }
    )
    return organisation, scenario, orgplan.solve(organisation, scenario).plan


def _write(solved, out: Path, lang: str = "en") -> None:
    organisation, scenario, plan = solved
    write_outputs(organisation, scenario, plan, out, lang=lang)


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(
            p.read_bytes()
        ).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _whole(folder: Path) -> str:
    """The run id of ``folder``, asserting it holds exactly that run."""
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    files = _snapshot(folder)
    del files[MANIFEST]
    assert files == manifest["files"]
    return manifest["run"]


def _leftovers(out: Path) -> list[str]:
    return sorted(
        p.name
        for p in out.parent.iterdir()
        if p.name.startswith(f".{out.name}.") and not p.name.endswith("lock")
    )


def test_a_run_writes_a_whole_folder_with_its_manifest(
    solved, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _write(solved, out)
    _whole(out)
    assert {"plan.json", "report.html", "staffing-plan.xlsx"} <= set(
        _snapshot(out)
    )
    assert _leftovers(out) == []


def test_files_of_an_earlier_run_or_export_do_not_survive(
    solved, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _write(solved, out)
    # An earlier `orgplan export --format json` beside the plan, and a
    # chart page of an earlier, larger plan.
    (out / "staffing-plan.json").write_text("{}", encoding="utf-8")
    (out / "diff-99.svg").write_text("<svg/>", encoding="utf-8")
    _write(solved, out)
    assert not (out / "staffing-plan.json").exists()
    assert not (out / "diff-99.svg").exists()
    _whole(out)


def test_a_folder_with_files_of_the_user_is_refused(
    solved, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.docx").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match=r"notes\.docx"):
        _write(solved, out)
    assert set(_snapshot(out)) == {"notes.docx"}


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOSPC, "No space left on device"),
        (errno.EROFS, "Read-only file system"),
        (errno.EACCES, "Permission denied"),
    ],
)
def test_a_failing_disk_leaves_the_earlier_output(
    solved, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code, reason
) -> None:
    out = tmp_path / "out"
    _write(solved, out, lang="vi")
    before = _snapshot(out)

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code), str(out / "report.html"))

    # The last file of a run: everything else is written by then.
    monkeypatch.setattr("orgplan.outputs.write_report", fail)
    with pytest.raises(OutputError) as caught:
        _write(solved, out)
    assert reason in str(caught.value)
    assert str(out) in str(caught.value)
    assert _snapshot(out) == before
    assert _leftovers(out) == []


def test_a_full_disk_in_a_workbook_is_one_message(
    solved, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("openpyxl.Workbook.save", full)
    with pytest.raises(OutputError, match="No space left on device"):
        _write(solved, out)
    assert not out.exists()
    assert _leftovers(out) == []


def test_ctrl_c_while_writing_leaves_the_earlier_output(
    solved, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    _write(solved, out)
    before = _snapshot(out)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("orgplan.outputs.write_report", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _write(solved, out)
    assert _snapshot(out) == before
    assert _leftovers(out) == []


def test_a_second_run_into_a_folder_being_written_is_refused(
    solved, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _write(solved, out)
    before = _snapshot(out)
    with (tmp_path / ".out.lock").open("a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(OutputError, match="another orgplan run"):
            _write(solved, out)
    assert _snapshot(out) == before
    # Once the first run is over, the folder is free again.
    _write(solved, out)


def _plan(out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PLAN, str(out), *options],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "where",
    ["file", "proc"],
)
def test_an_unwritable_out_is_one_message_and_exit_1(
    tmp_path: Path, where: str
) -> None:
    if where == "file":
        (tmp_path / "report.txt").write_text("x", encoding="utf-8")
        out = tmp_path / "report.txt" / "out"
        reason = "is a file, not a folder"
    else:
        if not Path("/proc/self").exists():
            pytest.skip("no /proc")
        out = Path("/proc/orgplan-out")
        reason = "No such file or directory"
    done = _plan(out, "--method", "greedy")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert reason in done.stderr and str(out) in done.stderr
    assert not out.exists()


# A scenario of 15 output files: the kills need a run's stages, not a
# large one.
SMALL_RUN = (
    str(ORGPLAN),
    "plan",
    str(ROOT / "scenarios" / "province-merge"),
)


def _kill_when(
    out: Path, moment: Callable[[], bool], *options: str
) -> None:
    """Start a run into ``out`` and SIGKILL it once ``moment()`` holds."""
    process = subprocess.Popen(
        [*SMALL_RUN, "--out", str(out), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Polled, not slept: the moment is a stage of the run, whatever the
    # machine's load.
    deadline = time.monotonic() + 120
    while process.poll() is None and not moment():
        assert time.monotonic() < deadline, "the run never got there"
        time.sleep(0.001)
    process.send_signal(signal.SIGKILL)
    process.wait()


@pytest.mark.slow
def test_a_killed_run_leaves_one_whole_output(tmp_path: Path) -> None:
    """SIGKILL at each stage of a run (lock taken, new folder begun, part
    of its files written, all of them, swapped in): the folder always
    holds the whole earlier output or the whole new one, never a mix, and
    the next run clears what the killed one left."""
    out = tmp_path / "out"
    first = subprocess.run(
        [*SMALL_RUN, "--out", str(out), "--method", "greedy", "--lang", "vi"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert first.returncode == 0, first.stderr
    earlier = _whole(out)
    count = len(list(out.iterdir()))
    lock = tmp_path / f".{out.name}.lock"

    stale: set[Path] = set()

    def written() -> int:
        """Files in this run's new folder (-1: not begun); the folders a
        killed run left are not this run's."""
        return max(
            (
                sum(1 for _ in d.iterdir())
                for d in tmp_path.glob(f".{out.name}.*.tmp")
                if d not in stale
            ),
            default=-1,
        )

    def swapped() -> bool:
        try:
            return _whole(out) != earlier
        except (OSError, ValueError, AssertionError):
            return False

    moments: list[Callable[[], bool]] = [
        lambda: lock.read_text() != "",
        lambda: written() >= 0,
        lambda: written() >= 1,
        lambda: written() >= count // 2,
        lambda: written() >= count - 1,
        swapped,
    ]
    seen = {earlier}
    for moment in moments:
        stale.update(tmp_path.glob(f".{out.name}.*.tmp"))
        # The run writes its process id into the lock once it holds it.
        lock.write_text("")
        _kill_when(out, moment, "--method", "greedy", "--lang", "en")
        seen.add(_whole(out))
    assert len(seen) >= 2, "the kill after the swap found no new output"
    done = subprocess.run(
        [*SMALL_RUN, "--out", str(out), "--method", "greedy"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    _whole(out)
    assert _leftovers(out) == []


def test_without_an_atomic_exchange_two_renames_do(
    solved, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "orgplan.io.run_folder._exchange", lambda first, second: False
    )
    out = tmp_path / "out"
    _write(solved, out, lang="vi")
    first = _whole(out)
    _write(solved, out)
    assert _whole(out) != first
    assert _leftovers(out) == []


def test_a_swap_cut_between_its_renames_is_undone_by_the_next_run(
    solved, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _write(solved, out, lang="vi")
    earlier = _snapshot(out)
    # Killed after moving the earlier output aside, before the new one
    # took its place: the earlier output is beside, under its old name.
    os.rename(out, tmp_path / ".out.4242.old")
    half = tmp_path / ".out.abcd.tmp"
    half.mkdir()
    (half / "plan.json").write_text("{}", encoding="utf-8")
    from orgplan.io.run_folder import run_folder

    with pytest.raises(RuntimeError), run_folder(out):
        assert _snapshot(out) == earlier
        raise RuntimeError("stop before writing")
    assert _snapshot(out) == earlier
    assert _leftovers(out) == []


def test_export_into_a_folder_a_run_is_writing_is_refused(
    solved, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from cli import main

    out = tmp_path / "out"
    _write(solved, out)
    before = _snapshot(out)
    export = ["export", str(out / "plan.json"), "--format", "json"]
    # --force: this test is about the lock, not about what check says.
    export.append("--force")
    with (tmp_path / ".out.lock").open("a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        done = CliRunner().invoke(main, export)
    assert done.exit_code == 1
    assert "another orgplan run" in done.output and str(out) in done.output
    assert _snapshot(out) == before
    # Once the run is over, export writes beside the plan.
    done = CliRunner().invoke(main, export)
    assert done.exit_code == 0, done.output
    assert (out / "staffing-plan.json").is_file()
