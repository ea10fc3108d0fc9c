"""Write the data of the province-2025 scenario (seeded, invented numbers).

The 19 departments of a province before the 2025 reform, their divisions,
sub-departments and public service units and the function taxonomy come
from the benchmark's catalogue (``bench/catalogue.py``); every number is
drawn by ``bench/generate.py`` with this scenario's own seed, and the
province (Tỉnh Minh Hà) is invented.

Usage: python scenarios/province-2025/make_data.py
"""

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

# The repository root must be importable first.
from bench.generate import province  # noqa: E402
from orgplan.io import write_organisation  # noqa: E402
from orgplan.model import Organisation  # noqa: E402

SEED = 2019
NAME = "Minh Hà"


def organisation() -> Organisation:
    """The province, drawn from :data:`SEED` (the same on every run)."""
    units, localities, functions = province(
        random.Random(SEED), code="", name=NAME
    )
    return Organisation(
        units=tuple(units),
        localities=tuple(localities),
        functions=tuple(functions.values()),
        name=f"Tỉnh {NAME}",
    )


if __name__ == "__main__":
    org = organisation()
    write_organisation(org, HERE / "data")
    print(f"{org} -> {HERE / 'data'}")
