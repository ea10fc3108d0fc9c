"""How long and how much memory orgplan's readers take on large inputs.

Writes a synthetic organisation of N units (a province tree: departments,
divisions, sub-units, each with a locality and functions) as CSV files and
as a workbook, then runs ``orgplan validate`` and ``orgplan stats`` on each
in a subprocess and prints one table: seconds and peak memory (RSS).

Usage::

    python bench/large_inputs.py --units 200000
    python bench/large_inputs.py --units 20000 --no-xlsx
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORGPLAN = Path(sys.executable).with_name("orgplan")

UNIT_COLUMNS = [
    "id",
    "name",
    "kind",
    "level",
    "parent",
    "locality",
    "sector",
    "functions",
    "quota",
    "actual",
    "heads",
    "deputies",
]


def write_csv_input(folder: Path, units: int, seed: int = 1) -> None:
    """``units`` units under one people's committee, in ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    departments = max(1, units // 2000)
    localities = max(1, units // 200)
    with (folder / "localities.csv").open("w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["id", "name", "level", "parent"])
        out.writerow(["P", "Tỉnh Lớn", "province", ""])
        for i in range(localities):
            out.writerow([f"X{i}", f"Xã Số {i}", "commune", "P"])
    with (folder / "functions.csv").open("w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["code", "name"])
        for i in range(departments):
            out.writerow([f"F{i}", f"Chức năng {i}"])
    with (folder / "units.csv").open("w", newline="") as f:
        out = csv.writer(f)
        out.writerow(UNIT_COLUMNS)
        out.writerow(
            _row(
                "UBND",
                "Ủy ban nhân dân tỉnh",
                "peoples_committee",
                "",
                "P",
                "",
                20,
                rng,
            )
        )
        for d in range(departments):
            out.writerow(
                _row(
                    f"S{d}",
                    f"Sở số {d}",
                    "department",
                    "UBND",
                    "P",
                    f"F{d}",
                    12,
                    rng,
                )
            )
        for n in range(units - 1 - departments):
            d = n % departments
            out.writerow(
                _row(
                    f"S{d}-P{n}",
                    f"Phòng số {n}",
                    "division",
                    f"S{d}",
                    f"X{n % localities}",
                    f"F{d}",
                    9,
                    rng,
                )
            )


def _row(
    uid: str,
    name: str,
    kind: str,
    parent: str,
    locality: str,
    functions: str,
    size: int,
    rng: random.Random,
) -> list[object]:
    quota = size + rng.randint(-2, 2)
    return [
        uid,
        name,
        kind,
        "province",
        parent,
        locality,
        "general",
        functions,
        quota,
        quota + rng.randint(-1, 1),
        1,
        1,
    ]


def write_xlsx_input(folder: Path, path: Path) -> None:
    """The CSV input in ``folder`` as one workbook at ``path``."""
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, orgplan; from orgplan.io import write_organisation; "
            "write_organisation(orgplan.read_organisation(sys.argv[1]), "
            "sys.argv[2])",
            str(folder),
            str(path),
        ],
        check=True,
        capture_output=True,
    )


def measure(args: Sequence[str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak RSS in MiB and exit code of
    ``orgplan ARGS`` (CPU time varies less on a shared machine)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(ORGPLAN), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    err = process.stderr.read()
    # wait4 gives this child's own peak memory.
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if process.returncode:
        print(err.decode()[-2000:], file=sys.stderr)
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024, process.returncode


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=200_000)
    parser.add_argument("--no-xlsx", action="store_true")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "csv"
        write_csv_input(data, options.units)
        inputs = [("csv", data)]
        if not options.no_xlsx:
            book = Path(tmp) / "units.xlsx"
            write_xlsx_input(data, book)
            inputs.append(("xlsx", book))
            with zipfile.ZipFile(book) as package:
                unpacked = sum(i.file_size for i in package.infolist())
            print(
                f"workbook: {book.stat().st_size / 2**20:.0f} MiB, "
                f"{unpacked / 2**20:.0f} MiB unpacked"
            )
        print(
            "| input | units | command | wall s | CPU s | peak MiB | exit |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for kind, path in inputs:
            for command in ("validate", "stats"):
                seconds, cpu, mib, code = measure([command, str(path)])
                print(
                    f"| {kind} | {options.units:,} | {command} | "
                    f"{seconds:.1f} | {cpu:.1f} | {mib:.0f} | {code} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
