"""Reading and writing orgplan's files: data, scenarios, plans, template.

Loaded on first use, like :mod:`orgplan` itself, so that
:mod:`orgplan.validate` can use :mod:`orgplan.io.schema` without a cycle.
"""

from __future__ import annotations

import importlib
from typing import Any

# Public name -> module that defines it.
_EXPORTS: dict[str, str] = {
    "read_organisation": "orgplan.io.organisation",
    "check_input": "orgplan.io.organisation",
    "open_scenario": "orgplan.io.organisation",
    "write_organisation": "orgplan.io.organisation",
    "load_scenario": "orgplan.io.yaml_io",
    "read_plan": "orgplan.io.json_io",
    "write_plan": "orgplan.io.json_io",
    "write_template": "orgplan.io.template",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'orgplan.io' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return __all__
