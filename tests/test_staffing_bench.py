"""A smoke run of bench/staffing_bench.py at a tiny size."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).parent.parent / "bench" / "staffing_bench.py"


def test_bench_rebalances_a_small_national_roster(
    capsys: pytest.CaptureFixture[str],
) -> None:
    spec = importlib.util.spec_from_file_location("staffing_bench", BENCH)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    numbers = bench.main(
        ["--people", "20000", "--units", "40", "--provinces", "3"]
    )
    assert numbers["people"] == 20000
    assert numbers["units"] == 40
    assert numbers["arcs"] > 0
    assert 0 < numbers["moved"] <= min(numbers["surplus"], numbers["deficit"])
    assert numbers["moved"] + numbers["separated"] <= numbers["surplus"]
    assert numbers["movers"] == numbers["moved"] + numbers["separated"]
    printed = capsys.readouterr().out
    assert "balance s" in printed and "peak MB" in printed
