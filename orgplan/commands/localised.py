"""Click's own words (usage errors, "Error:", "Usage:") and the commands'
help in the language asked for.

Click words its messages through ``gettext`` names bound in each of its
modules when they load; while a command line with ``--lang vi`` (or
``ORGPLAN_LANG=vi``) runs, :class:`LocalisedGroup` puts a lookup in
:data:`orgplan.i18n.click_vi.CLICK_VI` in their place, and puts click's
back afterwards. The language is read from the arguments before click
parses them, since a usage error is raised while parsing. A scenario's
``lang:`` is not known at that point: usage errors follow ``--lang`` and
the environment only. An error a command raises once it has resolved its
language (:func:`orgplan.commands.common.command_lang`) is shown with
click's "Error:" in that language.

The commands' help is the catalogue's (:mod:`orgplan.i18n.help_en`);
under ``vi`` :func:`_help` puts the Vietnamese texts and placeholders in
place for the run, and the English ones back afterwards.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from types import ModuleType
from typing import Any

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types

from orgplan.commands.common import RUN_LANG
from orgplan.i18n import LANG_VARIABLE, has, t
from orgplan.i18n.click_vi import CLICK_VI

# Click's modules that word messages (each binds gettext's names itself).
_MODULES: tuple[ModuleType, ...] = (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.termui,
    click.types,
)


def asked_lang(args: Sequence[str]) -> str:
    """The language a command line asks for: ``--lang X`` or
    ``--lang=X`` among ``args``, else ``$ORGPLAN_LANG``, else English
    (an unknown value is left for the option's own check)."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return (os.environ.get(LANG_VARIABLE) or "en").strip().lower()


def _gettext(text: str) -> str:
    return CLICK_VI.get(text, text)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


# Click's own lookups, kept as this module loads (before a run replaces
# them), and the Vietnamese ones put in their place.
_CLICK_WORDS = {
    module: {
        name: getattr(module, name)
        for name in ("_", "ngettext")
        if hasattr(module, name)
    }
    for module in _MODULES
}
_VI_WORDS: dict[str, Callable[..., str]] = {
    "_": _gettext,
    "ngettext": _ngettext,
}


def _speak(lang: str) -> None:
    """Click's messages in ``lang`` from now on (only ``vi`` differs)."""
    for module, names in _CLICK_WORDS.items():
        for name, words in names.items():
            setattr(module, name, _VI_WORDS[name] if lang == "vi" else words)


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Click's messages in ``lang`` (only ``vi`` differs) for the block,
    and the lookups it found put back afterwards."""
    saved = {
        module: {name: getattr(module, name) for name in names}
        for module, names in _CLICK_WORDS.items()
    }
    _speak(lang)
    try:
        yield
    finally:
        for module, names in saved.items():
            for name, words in names.items():
                setattr(module, name, words)


@contextlib.contextmanager
def _metavars(group: click.Group, lang: str) -> Iterator[None]:
    """The usage line's "[OPTIONS]", "COMMAND [ARGS]..." in ``lang``."""
    if lang != "vi":
        yield
        return
    commands = [group, *group.commands.values()]
    saved = [(c, c.options_metavar) for c in commands]
    for command in commands:
        command.options_metavar = CLICK_VI["[OPTIONS]"]
    before = group.subcommand_metavar
    group.subcommand_metavar = CLICK_VI["COMMAND [ARGS]..."]
    try:
        yield
    finally:
        for command, metavar in saved:
            command.options_metavar = metavar
        group.subcommand_metavar = before


@contextlib.contextmanager
def _help(group: click.Group, lang: str) -> Iterator[None]:
    """Every command's help, its options' help and the placeholders of
    arguments and values in ``lang`` (only ``vi`` differs)."""
    if lang != "vi":
        yield
        return
    commands = {"orgplan": group, **group.commands}
    saved: list[tuple[object, str, Any]] = []

    def put(thing: object, attribute: str, value: Any) -> None:
        saved.append((thing, attribute, getattr(thing, attribute)))
        setattr(thing, attribute, value)

    for name, command in commands.items():
        if has(f"help.{name}", "vi"):
            put(command, "help", t(f"help.{name}", "vi"))
        # Click's own --help option, made (and kept) on first use, is
        # made again in this run's words.
        put(command, "_help_option", None)
        for param in command.params:
            _param_help(name, param, put)
    try:
        yield
    finally:
        for thing, attribute, value in reversed(saved):
            setattr(thing, attribute, value)


def _param_help(
    command: str, param: click.Parameter, put: Callable[..., None]
) -> None:
    """A parameter's help and placeholder in Vietnamese."""
    if isinstance(param, click.Argument):
        if has(f"metavar.{param.name}", "vi"):
            put(param, "metavar", t(f"metavar.{param.name}", "vi"))
        return
    given = getattr(param, "help", None)
    keys = [f"help.{command}.{param.name}", f"help.{param.name}"]
    found = next((k for k in keys if has(k, "vi")), None)
    if given and found:
        put(param, "help", t(found, "vi"))
    elif given in CLICK_VI:
        # Click's own options (--version).
        put(param, "help", CLICK_VI[given])
    if param.metavar is None and param.type.name in CLICK_VI:
        # FLOAT RANGE, DIRECTORY... by the type's name; choices show
        # their codes.
        words = CLICK_VI[param.type.name].upper().replace(" ", "_")
        put(param, "metavar", words)


class LocalisedGroup(click.Group):
    """A group whose help, usage errors and "Error:" lines follow
    ``--lang``; a command's own error, once it has resolved its language
    (a scenario's ``lang:``), has its "Error:" in that language."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.ClickException:
            # Click shows the error after the command's context is gone,
            # inside main's speaking(), which puts its words back then.
            language = ctx.meta.get(RUN_LANG)
            if language is not None:
                _speak(language)
            raise

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, *rest: Any, **extra: Any
    ) -> Any:
        given = sys.argv[1:] if args is None else list(args)
        lang = asked_lang(given)
        with speaking(lang), _metavars(self, lang), _help(self, lang):
            return super().main(args, *rest, **extra)
