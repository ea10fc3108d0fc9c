"""Coherence of the bundled scenarios' plans, one table (issue 10).

For each bundled scenario, and the README's example scenario as written
(on the province-departments data), solve with a short time limit and
print: units and focal points before -> after, leaders after the merger
and after the excess deadline, merged pairs (each member with its
representative), pairs sharing a function or a function family, pairs
of support units of one type (two offices), unrelated pairs,
duplicate support units left under one unit, same-name siblings and
the checker's errors.

    .venv/bin/python bench/coherence_table.py [--time-limit 20] [NAME ...]

Timings depend on the machine (two cores shared: say so when quoting).
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from collections import Counter
from pathlib import Path

import orgplan
from orgplan.check import check_plan
from orgplan.graph import metrics
from orgplan.scenario import SolverParams
from orgplan.semantics.after import apply_structure
from orgplan.semantics.coherence import (
    CoherencePolicy,
    duplicate_support_groups,
)
from orgplan.semantics.leadership import leaders_after_deadline
from orgplan.semantics.scope import judge_for

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = (
    "province-small",
    "province-departments",
    "sub-departments",
    "service-units",
    "commune-staffing",
    "province-2025",
    "province-merge",
    "cao-bang",
    "lang-son",
)
README_EXAMPLE = "readme-example"


def readme_scenario(folder: Path) -> Path:
    """The README's example scenario, verbatim, beside a copy of the
    province-departments data (its ``data: data/``)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(
        r"A scenario is a YAML file.*?```yaml\n(.*?)```", text, re.S
    )
    if found is None:
        raise SystemExit("README.md: the example scenario was not found")
    (folder / "scenario.yaml").write_text(found.group(1), encoding="utf-8")
    (folder / "data").symlink_to(ROOT / "scenarios/province-departments/data")
    return folder


def row(name: str, path: Path, limit: float) -> dict[str, object]:
    org, sc = orgplan.open_scenario(path)
    sc = sc.model_copy(
        update={
            "solver": SolverParams(
                time_limit_s=limit, workers=1, seed=1, reproducible=True
            )
        }
    )
    rulebook = sc.rulebook()
    start = time.monotonic()
    plan = orgplan.solve(org, sc).plan
    seconds = time.monotonic() - start
    after = apply_structure(org, plan, rulebook)
    first, last = metrics(org, rulebook), metrics(after, rulebook)
    judge = judge_for(org, sc, rulebook)
    pairs = [
        (m, merge.into)
        for merge in plan.merges
        for m in merge.members
        if m != merge.into
    ]
    reasons = Counter(judge.related(a, b).reason for a, b in pairs)
    family = reasons["shared_function"] + reasons["shared_family"]
    unrelated = [
        (a, b)
        for merge in plan.merges
        for i, a in enumerate(merge.members)
        for b in merge.members[i + 1 :]
        if not judge.related(a, b).related
    ]
    policy = CoherencePolicy.from_scenario(sc, rulebook)
    # Every unit that took something in: merges, split parts and folds
    # (a chi cục folded into its department brings its own office).
    homes = (
        {m.into for m in plan.merges}
        | {p.to for s in plan.splits for p in s.parts}
        | {f.into for f in plan.flattened}
    )
    duplicates = sum(
        len(group) - 1
        for home in homes
        for group in duplicate_support_groups(after, home, policy).values()
    )
    names = Counter((u.parent, u.name) for u in after.units)
    errors = [v for v in check_plan(org, sc, plan) if v.severity == "error"]
    return {
        "scenario": name,
        "units": f"{first.units}->{last.units}",
        "focal": f"{first.focal_points}->{last.focal_points}",
        "leaders": f"{first.leaders}->{last.leaders}",
        "at deadline": leaders_after_deadline(last.leaders, plan),
        "pairs": len(pairs),
        "family": family,
        "support": reasons["same_support"],
        "unrelated": len(unrelated),
        "dup support": duplicates,
        "same name": sum(n - 1 for n in names.values() if n > 1),
        "errors": len(errors),
        "status": plan.status.value,
        "s": round(seconds),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--time-limit", type=float, default=20.0)
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    names = args.names or [*SCENARIOS, README_EXAMPLE]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            if name == README_EXAMPLE:
                path = readme_scenario(Path(tmp))
            else:
                path = ROOT / "scenarios" / name
            rows.append(row(name, path, args.time_limit))
            print(_table(rows[-1:], header=len(rows) == 1), flush=True)


def _table(rows: list[dict[str, object]], header: bool) -> str:
    keys = list(rows[0])
    widths = {k: max(len(k), 22 if k == "scenario" else 9) for k in keys}
    lines = []
    if header:
        lines.append(" ".join(k.ljust(widths[k]) for k in keys))
    for r in rows:
        lines.append(" ".join(str(r[k]).ljust(widths[k]) for k in keys))
    return "\n".join(lines)


if __name__ == "__main__":
    main()
