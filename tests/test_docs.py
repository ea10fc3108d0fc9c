"""Every command has a help text with an example and is in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cli import main

README = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
COMMANDS = sorted(main.commands)


def test_the_cli_has_the_commands_of_design_section_9() -> None:
    expected = {
        "validate",
        "stats",
        "plan",
        "check",
        "chart",
        "compare",
        "template",
        "demo",
        "export",
    }
    assert expected <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_has_an_example(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    command = main.commands[name]
    assert isinstance(command, click.Command)
    assert command.help and len(command.help.splitlines()[0]) > 10


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_the_readme(name: str) -> None:
    assert f"orgplan {name}" in README


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert "orgplan" in result.output


def test_unknown_command_is_a_usage_error() -> None:
    assert CliRunner().invoke(main, ["frobnicate"]).exit_code == 2
