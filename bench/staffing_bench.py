"""Rebalance a seeded national roster and print how long it took.

Generates communes in provinces (each province a triangulated grid of
neighbouring communes), a roster with heads, deputies and staff of three
categories, quotas a few percent off the staff in post, then runs the
staffing stage's core (:func:`orgplan.staffing.balance_staff`): the
min-cost flow between neighbours and the choice of who moves and who
leaves. The roster is generated as columns, as a loader of a national
roster would keep it; no Python object per person is made.

Usage: .venv/bin/python bench/staffing_bench.py [--people N] [--units N]
       [--provinces N] [--seed N]
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from collections.abc import Sequence

import numpy as np

from orgplan.model import Locality, Organisation, Unit
from orgplan.rules import load_rulebook
from orgplan.scenario import StaffingParams, TransferRules
from orgplan.staffing import balance_staff
from orgplan.staffing.roster import DEPUTY, HEAD, STAFF, Roster

COLUMNS = 10
AS_OF_YEAR = 2025
CATEGORY_SHARES = (0.7, 0.2, 0.1)
MEASURED = (
    "generate s",
    "balance s",
    "peak MB",
    "peak MB before balance",
    "balance peak MB",
)
FIELDS = ("admin", "finance", "land", "culture", "justice", "it", "farm")


def generate(
    people: int, units: int, provinces: int, seed: int
) -> tuple[Organisation, dict[str, int], Roster]:
    """A national organisation, its quotas and its roster as columns."""
    rng = np.random.default_rng(seed)
    per_province = np.full(provinces, units // provinces)
    per_province[: units % provinces] += 1
    size = rng.multinomial(people, np.full(units, 1 / units))
    unit_of = np.repeat(np.arange(units), size)
    category = rng.choice(3, people, p=CATEGORY_SHARES).astype(np.int8)
    starts = np.concatenate([[0], np.cumsum(size)[:-1]])
    position = np.arange(people) - np.repeat(starts, size)
    role = np.full(people, STAFF, dtype=np.int8)
    role[position == 0] = HEAD
    role[(position == 1) | (position == 2)] = DEPUTY
    female = rng.random(people) < 0.5
    age = AS_OF_YEAR - rng.integers(1965, 2003, people)
    years_left = np.where(female, 60.0, 62.0) - age
    counts = np.bincount(unit_of * 3 + category, minlength=units * 3).reshape(
        units, 3
    )
    noise = rng.normal(0, 0.05, units)
    quota = np.maximum(0, np.round(size * (1 + noise))).astype(int)

    unit_rows: list[Unit] = []
    localities: list[Locality] = []
    ids: list[str] = []
    first = 0
    for p, n in enumerate(per_province):
        for k in range(n):
            row, col = divmod(k, COLUMNS)
            near = [
                (row, col + 1),
                (row + 1, col),
                (row + 1, col + 1),
                (row, col - 1),
                (row - 1, col),
                (row - 1, col - 1),
            ]
            neighbours = tuple(
                f"C{first + r * COLUMNS + c:05d}"
                for r, c in near
                if 0 <= c < COLUMNS and 0 <= r * COLUMNS + c < n
            )
            uid = f"C{first + k:05d}"
            i = first + k
            ids.append(uid)
            localities.append(
                Locality(
                    id=uid,
                    name=uid,
                    level="commune",
                    parent=f"T{p:02d}",
                    neighbours=neighbours,
                )
            )
            unit_rows.append(
                Unit(
                    id=uid,
                    name=uid,
                    kind="commune",
                    level="commune",
                    locality=uid,
                    quota=int(quota[i]),
                    actual=int(size[i]),
                    heads=1,
                    deputies=2,
                    civil_servants=int(counts[i, 0]),
                    public_employees=int(counts[i, 1]),
                    contract=int(counts[i, 2]),
                )
            )
        first += n
    roster = Roster(
        ids=np.char.add("P", np.arange(people).astype(str)),
        unit=unit_of.astype(np.int32),
        category=category,
        role=role,
        years_left=years_left,
        age=age.astype(float),
        field=rng.integers(0, len(FIELDS), people).astype(np.int32),
        excluded=rng.random(people) < 0.02,
        salary=np.full(people, np.nan),
        insurance_years=np.full(people, np.nan),
        unit_ids=tuple(ids),
        fields=FIELDS,
    )
    organisation = Organisation(
        units=tuple(unit_rows), localities=tuple(localities)
    )
    return organisation, dict(zip(ids, quota.tolist(), strict=True)), roster


def peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: Sequence[str] | None = None) -> dict[str, float]:
    """Run the benchmark, print its table and return its numbers."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=2_000_000)
    parser.add_argument("--units", type=int, default=3_300)
    parser.add_argument("--provinces", type=int, default=34)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    organisation, quotas, roster = generate(
        args.people, args.units, args.provinces, args.seed
    )
    generated = time.perf_counter() - start
    peak_before = peak_mb()
    params = StaffingParams(
        transfers=TransferRules(max_hops=1, max_out_per_unit=50)
    )
    # tracemalloc sees numpy's buffers too, so this is the stage's own
    # peak on top of the generated data.
    tracemalloc.start()
    start = time.perf_counter()
    staffing = balance_staff(
        organisation, quotas, params, load_rulebook(), roster
    )
    balanced = time.perf_counter() - start
    stage_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    numbers = {
        "people": float(len(roster)),
        "units": float(len(organisation.units)),
        "arcs": float(staffing.arcs),
        "surplus": float(
            sum(max(0, b.actual_before - b.quota) for b in staffing.balance)
        ),
        "deficit": float(
            sum(max(0, b.quota - b.actual_before) for b in staffing.balance)
        ),
        "moved": float(sum(t.count for t in staffing.transfers)),
        "transfers": float(len(staffing.transfers)),
        "separated": float(sum(s.count for s in staffing.separations)),
        "movers": float(len(staffing.movers)),
        "generate s": generated,
        "balance s": balanced,
        "peak MB": peak_mb(),
        "peak MB before balance": peak_before,
        "balance peak MB": stage_peak,
    }
    width = max(len(k) for k in numbers)
    for key, value in numbers.items():
        digits = 2 if key in MEASURED else 0
        print(f"{key:<{width}}  {value:>14,.{digits}f}")
    return numbers


if __name__ == "__main__":
    main()
