"""Messages that travel as data (plan.json's reasons, notes, binding rules).

A message is ``{"key": <catalogue key>, **fields}``; a field may be a
number, a text, such a message, a list of them, or words given in both
languages (``{"en": ..., "vi": ...}``, e.g. a unit's name or a rule's
legal source, fixed when the plan is made). :func:`orgplan.i18n.message`
puts it in words in either language.

:data:`Message` is the type plan.json's models use: a plain string (what
an older orgplan wrote) still reads; a mapping must name a key of the
catalogue and carry every field its texts ask for, so that a hand-edited
plan fails when it is read, not when a report is half written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from orgplan.i18n import CATALOGUE, LANGS, message


def checked(value: str | dict[str, Any]) -> str | dict[str, Any]:
    """``value`` unchanged if every language can word it.

    Raises
    ------
    pydantic_core.PydanticCustomError
        If a mapping lacks a known ``key`` or a field its text needs.
    """
    if isinstance(value, str):
        return value
    _check(value)
    return value


def _check(value: Mapping[str, Any]) -> None:
    key = value.get("key")
    if not isinstance(key, str) or key not in CATALOGUE["en"]:
        raise invalid("problem_message_key", name=repr(key))
    for lang in LANGS:
        try:
            message(value, lang)
        except (KeyError, IndexError) as missing:
            raise invalid(
                "problem_message_field", name=repr(key), field=str(missing)
            ) from None
        except (ValueError, TypeError) as wrong:
            raise invalid(
                "problem_message_wrong", name=repr(key), detail=str(wrong)
            ) from None


# The pydantic error type of a validator's catalogue message.
WORDED = "orgplan_message"


def invalid(key: str, /, **fields: Any) -> PydanticCustomError:
    """A validator's error worded by catalogue ``key`` with ``fields``.

    pydantic's own text is the English; the error's context keeps the
    key and fields, so that :func:`orgplan.validate.detail_problem`
    words it in the reader's language (a plain ``ValueError`` would
    reach a Vietnamese reader in English).
    """
    english = message({"key": key, **fields}, "en")
    # pydantic fills "{name}" in from the context: braces in a value (a
    # key typed as "{low}") would be taken for one of its fields.
    english = english.replace("{", "(").replace("}", ")")
    return PydanticCustomError(WORDED, english, {"key": key, **fields})


Message = Annotated[str | dict[str, Any], AfterValidator(checked)]
