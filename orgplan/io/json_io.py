"""plan.json: a :class:`~orgplan.plan.Plan` as readable UTF-8 JSON."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from orgplan.errors import InputError, Problem
from orgplan.io.atomic import atomic_file
from orgplan.plan import Plan
from orgplan.validate import plain_message


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
        raise InputError([Problem(where, "no such plan file")])
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
        return Plan.model_validate(json.loads(text))
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(
            [Problem(where, "the file is not UTF-8", line)]
        ) from None
    except json.JSONDecodeError as error:
        message = f"not valid JSON (column {error.colno}): {error.msg}"
        raise InputError([Problem(where, message, error.lineno)]) from None
    except ValidationError as error:
        raise InputError(
            Problem(
                where,
                plain_message(detail),
                field=".".join(str(part) for part in detail["loc"]),
            )
            for detail in error.errors()
        ) from None


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
