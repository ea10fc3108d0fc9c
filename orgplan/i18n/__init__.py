"""The message catalogue: every word orgplan shows, in English and Vietnamese.

One table per language (:mod:`orgplan.i18n.en`, :mod:`orgplan.i18n.vi`)
under the same keys; messages are ``str.format`` templates whose
``{fields}`` the caller fills in. To add a message, add its key to both
tables (``tests/test_i18n.py`` fails when one lacks it or their fields
differ) and call ``t("my_key", lang, field=...)``.

A message may also travel as data, ``{"key": "reason_undersized",
"unit": ..., ...}`` (e.g. a merger's reasons in plan.json), and be put in
words by :func:`message` in whichever language the reader asks for.

This module imports nothing heavy: the CLI loads it before ``--help``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any, Literal, cast

from orgplan.i18n import en, vi
from orgplan.i18n.vi_input import VI_ONLY

Lang = Literal["en", "vi"]
LANGS: tuple[Lang, ...] = ("en", "vi")
# The environment variable that sets the default language.
LANG_VARIABLE = "ORGPLAN_LANG"

CATALOGUE: dict[Lang, dict[str, str]] = {
    "en": en.MESSAGES,
    "vi": {**vi.MESSAGES, **VI_ONLY},
}
# key -> {lang: text}: the shape callers of orgplan.labels knew.
LABELS: dict[str, dict[Lang, str]] = {
    key: {"en": text, "vi": vi.MESSAGES.get(key, text)}
    for key, text in en.MESSAGES.items()
}


def has(key: str, lang: Lang = "en") -> bool:
    """Whether the catalogue holds ``key`` in ``lang``."""
    return key in CATALOGUE[lang]


def t(key: str, lang: Lang = "en", /, **fields: Any) -> str:
    """The message ``key`` in ``lang`` with ``fields`` filled in.

    An unknown key comes back as itself (a code such as a kind the
    rulebook added is better shown than lost); the tests make sure no
    key orgplan uses is unknown.
    """
    text = CATALOGUE[lang].get(key)
    if text is None:
        return key
    return text.format(**fields) if fields else text


def label(key: str, lang: Lang = "en") -> str:
    """The message ``key`` in ``lang``, without fields (see :func:`t`)."""
    return t(key, lang)


def plural(key: str, n: int, lang: Lang = "en", /, **fields: Any) -> str:
    """``key_one`` or ``key_many`` by ``n`` (Vietnamese has one form,
    written twice), with ``n`` and ``fields`` filled in."""
    return t(f"{key}_{'one' if n == 1 else 'many'}", lang, n=n, **fields)


def message(value: str | Mapping[str, Any], lang: Lang = "en") -> str:
    """A message that travels as data, in words.

    ``value`` is ``{"key": ..., **fields}``; a plain string (written by
    an older orgplan) is returned as it is. A field that is itself such
    a mapping, or a list of them, is put in words first; a list is
    joined with ", "; a field ``{"en": ..., "vi": ...}`` gives its words
    in ``lang`` (see :mod:`orgplan.i18n.data`).
    """
    if isinstance(value, str):
        return value
    fields = {k: _field(v, lang) for k, v in value.items() if k != "key"}
    return t(str(value["key"]), lang, **fields)


def parts(value: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """A message's key and its fields apart (for ``Violation.of`` and
    ``Problem.of``, which take them so)."""
    return str(value["key"]), {k: v for k, v in value.items() if k != "key"}


def _field(value: Any, lang: Lang) -> Any:
    if isinstance(value, Mapping) and "key" in value:
        return message(value, lang)
    if isinstance(value, Mapping) and lang in value:
        # Words fixed in both languages when the plan was made (a unit's
        # name, a rule's legal source).
        return value[lang]
    if isinstance(value, list | tuple):
        return ", ".join(str(_field(v, lang)) for v in value)
    return value


def status_word(status: str, lang: Lang = "en") -> str:
    """A solver status (``orgplan.plan.SolveStatus`` value) in words."""
    key = {
        "no solution in time": "solve_no_solution",
        "model invalid": "solve_invalid",
    }.get(status, f"solve_{status}")
    return t(key, lang) if has(key, lang) else status


def number_text(
    value: float | int | None, lang: Lang = "en", *, decimals: int = 2
) -> str:
    """A number as the language writes it: thousands grouped, decimals
    only below a whole; 1,133.9 in English, 1.133,9 in Vietnamese.
    ``None`` is blank."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.{decimals}f}"
    else:
        text = f"{int(value):,}"
    return _vietnamese_digits(text) if lang == "vi" else text


def number_words(
    value: float | int, *, decimals: int = 2
) -> dict[Lang, str]:
    """A number fixed in each language's writing (:func:`number_text`),
    a message field that travels as data."""
    return {
        lang: number_text(value, lang, decimals=decimals) for lang in LANGS
    }


def signed_text(value: int, lang: Lang = "en") -> str:
    """A change as the language writes it, with its sign: +1,452 in
    English, -1.452 in Vietnamese, 0 for none."""
    return ("+" if value > 0 else "") + number_text(value, lang)


def percent_text(
    share: float, lang: Lang = "en", *, decimals: int = 2, sign: bool = False
) -> str:
    """A share (0.0858) as a percentage ("8.58%", "8,58%")."""
    text = f"{share:{'+' if sign else ''}.{decimals}%}"
    return _vietnamese_digits(text) if lang == "vi" else text


def _vietnamese_digits(text: str) -> str:
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def date_text(iso: str, lang: Lang = "en") -> str:
    """A date (``YYYY-MM-DD``) as the language writes it: 2030-12-31 in
    English, 31/12/2030 in Vietnamese; other text as it is."""
    parts = iso.split("-")
    if lang != "vi" or len(parts) != 3 or not all(p.isdigit() for p in parts):
        return iso
    year, month, day = parts
    return f"{day}/{month}/{year}"


def rule_source(key: str, sources: Mapping[str, str], lang: Lang) -> str:
    """The legal source of rule ``key``: the rulebook's own text in
    English, the catalogue's in Vietnamese (the rulebook's when a
    scenario added a source the catalogue does not know)."""
    if lang == "vi" and has(f"source.{key}", "vi"):
        return t(f"source.{key}", "vi")
    return sources.get(key, key)


def citation(key: str, sources: Mapping[str, str], lang: Lang) -> str:
    """The short citation of rule ``key``: its source up to the colon,
    without the certainty tags ([F], [F]/[U], [F-draft]...): "Decree
    370/2025", "Nghị định 370/2025"."""
    source = _TAGS.sub("", rule_source(key, sources, lang))
    return source.split(":", 1)[0].strip()


# The certainty tags a source starts with (orgplan.rules).
_TAGS = re.compile(r"^\s*(\[[^\]]*\]/?)+\s*")


def cited(sources: Mapping[str, str], path: str) -> dict[Lang, str]:
    """The short citation of the rule at ``path``, or of its nearest
    parent with a source, in both languages (a message field, see
    :func:`message`); "the rulebook, <path>" when none has one."""
    key = path
    while key and key not in sources:
        key = key.rpartition(".")[0]
    if not key:
        return {lang: t("source_rulebook", lang, path=path) for lang in LANGS}
    return {lang: citation(key, sources, lang) for lang in LANGS}


def both(key: str, /, **fields: Any) -> dict[Lang, str]:
    """Message ``key`` worded now in both languages (a message field)."""
    return {lang: t(key, lang, **fields) for lang in LANGS}


def resolve_lang(given: str | None, scenario: str | None = None) -> Lang:
    """The language to use: ``--lang`` when given, else the scenario's
    ``lang:``, else ``$ORGPLAN_LANG``, else English.

    Raises
    ------
    ValueError
        If the environment names a language orgplan does not have.
    """
    chosen = given or scenario or os.environ.get(LANG_VARIABLE) or "en"
    chosen = chosen.strip().lower()
    if chosen not in LANGS:
        raise ValueError(
            f"{LANG_VARIABLE}={chosen!r}: orgplan speaks "
            + " or ".join(LANGS)
        )
    return cast(Lang, chosen)
