"""plan.json: a :class:`~orgplan.plan.Plan` as readable UTF-8 JSON."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from orgplan.errors import InputError, Problem
from orgplan.io.atomic import atomic_file
from orgplan.io.limits import DEPTH, FILE_MB, MIB
from orgplan.plan import Plan
from orgplan.validate import detail_problem


def read_plan(path: str | Path) -> Plan:
    """Read the plan in the JSON file at ``path``.

    Raises
    ------
    orgplan.errors.InputError
        If the file is missing, not UTF-8, not JSON (with the line), or not
        a plan (each wrong key with its key path, e.g. ``merges.0.into``).
    """
    file = Path(path)
    where = str(file)
    if not file.is_file():
        raise InputError([Problem.of(where, "problem_no_plan_file")])
    size = file.stat().st_size
    if size > FILE_MB.value * MIB:
        raise InputError([FILE_MB.problem(where, "limit_file", n=size / MIB)])
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
        content = json.loads(text)
        if _depth(content) > DEPTH.value:
            raise RecursionError
        return Plan.model_validate(content)
    except RecursionError:
        raise InputError(
            [DEPTH.problem(where, "limit_nesting")]
        ) from None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(
            [Problem.of(where, "problem_file_not_utf8", line)]
        ) from None
    except json.JSONDecodeError as error:
        raise InputError(
            [
                Problem.of(
                    where,
                    "problem_not_json",
                    error.lineno,
                    column=error.colno,
                    problem=error.msg,
                )
            ]
        ) from None
    except ValidationError as error:
        raise InputError(
            detail_problem(
                where,
                detail,
                field=".".join(str(part) for part in detail["loc"]),
            )
            for detail in error.errors()
        ) from None


def _depth(content: object) -> int:
    """How deeply lists and objects nest in ``content``, walked without
    recursion."""
    deepest = 0
    stack = [(content, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children = list(node.values())
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def write_plan(plan: Plan, path: str | Path) -> None:
    """Write ``plan`` to ``path`` as indented UTF-8 JSON.

    Vietnamese text is written as is, not as ``\\u`` escapes; ``from`` is
    the key of a transfer's origin. The file is written to a temporary
    place and moved in at the end.

    Raises
    ------
    OSError
        If ``path`` cannot be written; nothing is left behind.
    """
    with atomic_file(Path(path)) as tmp:
        tmp.write_text(plan.to_json() + "\n", encoding="utf-8")
