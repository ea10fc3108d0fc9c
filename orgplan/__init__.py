"""orgplan: plan the restructuring of a public administration.

The public API, loaded on first use so that ``import orgplan`` stays fast
(OR-Tools takes a second to import and most commands never solve)::

    import orgplan
    org = orgplan.read_organisation("scenarios/province-small/data")
    scenario = orgplan.load_scenario("scenarios/province-small")
    result = orgplan.solve(org, scenario)
    print(result)
    problems = orgplan.check_plan(org, scenario, result.plan)
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# Public name -> module that defines it (and the name there, when the
# module itself is called the same as the function, as orgplan.apply is).
_RENAMED: dict[str, str] = {"apply_plan": "apply", "compare_plans": "compare"}
_EXPORTS: dict[str, str] = {
    "Organisation": "orgplan.model",
    "Unit": "orgplan.model",
    "Locality": "orgplan.model",
    "Person": "orgplan.model",
    "FunctionDef": "orgplan.model",
    "Scenario": "orgplan.scenario",
    "Rulebook": "orgplan.rules",
    "load_rulebook": "orgplan.rules",
    "Plan": "orgplan.plan",
    "Result": "orgplan.plan",
    "Metrics": "orgplan.plan",
    "SolveStatus": "orgplan.plan",
    "OrgplanError": "orgplan.errors",
    "InputError": "orgplan.errors",
    "InfeasibleScenario": "orgplan.errors",
    "GraphvizNotFound": "orgplan.errors",
    "Problem": "orgplan.errors",
    "read_organisation": "orgplan.io",
    "write_organisation": "orgplan.io",
    "load_scenario": "orgplan.io",
    "check_input": "orgplan.io",
    "read_plan": "orgplan.io",
    "write_plan": "orgplan.io",
    "open_scenario": "orgplan.io",
    "write_template": "orgplan.io",
    "metrics": "orgplan.graph",
    "solve": "orgplan.planner",
    "check_plan": "orgplan.check",
    "apply_plan": "orgplan.apply",
    "apply_structure": "orgplan.apply",
    "plan_staffing": "orgplan.staffing",
    "to_dot": "orgplan.charts",
    "render": "orgplan.charts",
    "write_report": "orgplan.report",
    "compare_plans": "orgplan.compare",
    "show_versions": "orgplan.versions",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'orgplan' has no attribute {name!r}")
    return getattr(importlib.import_module(module), _RENAMED.get(name, name))


def __dir__() -> list[str]:
    return __all__
