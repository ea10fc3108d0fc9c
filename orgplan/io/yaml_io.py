"""Scenario files: YAML read into a :class:`~orgplan.scenario.Scenario`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from orgplan.errors import Problem
from orgplan.i18n import message
from orgplan.io.limits import DEPTH, FILE_MB, MIB, YAML_NODES
from orgplan.rules import builtin_rulebooks
from orgplan.scenario import Scenario
from orgplan.scenario_checks import KeyPath
from orgplan.validate import detail_problem, raise_for_errors

SCENARIO_FILE = "scenario.yaml"


@dataclass(frozen=True)
class ScenarioRead:
    """What reading a scenario file gave: the scenario if it is valid,
    the data path it names (resolved) even if it is not, and the problems.
    """

    file: Path
    scenario: Scenario | None
    data: Path | None
    problems: list[Problem]
    text: str = ""

    def line_of(self, loc: KeyPath) -> int | None:
        """The line of the key path ``loc`` in the scenario file."""
        return line_of(self.text, loc) if self.text else None


def is_scenario(path: Path) -> bool:
    """Whether ``path`` is a scenario file or a folder holding one."""
    if path.is_dir():
        return (path / SCENARIO_FILE).is_file()
    return path.suffix.lower() in (".yaml", ".yml")


def load_scenario(path: str | Path) -> Scenario:
    """Load the scenario at ``path`` (a YAML file or a folder holding
    ``scenario.yaml``).

    ``data`` is resolved relative to the scenario file and ``path`` is set
    to the scenario file.

    Raises
    ------
    orgplan.errors.InputError
        If the file cannot be read, is not valid YAML (with its line and
        column), has a wrong key or value (with its key path), names an
        unknown rulebook or a rule override that does not fit, or names
        data that does not exist.
    """
    read = read_scenario(Path(path))
    raise_for_errors(read.problems)
    assert read.scenario is not None
    return read.scenario


def read_scenario(path: Path) -> ScenarioRead:
    """Read and check the scenario at ``path``, keeping every problem."""
    file = path / SCENARIO_FILE if path.is_dir() else path
    where = str(file)
    if not file.is_file():
        return ScenarioRead(
            file, None, None, [Problem.of(where, "problem_no_scenario")]
        )
    size = file.stat().st_size
    if size > FILE_MB.value * MIB:
        problem = FILE_MB.problem(where, "limit_file", n=size / MIB)
        return ScenarioRead(file, None, None, [problem])
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problem = Problem.of(where, "problem_file_not_utf8", line)
        return ScenarioRead(file, None, None, [problem])
    try:
        # BoundedLoader is a SafeLoader: no Python objects.
        content = yaml.load(text, Loader=BoundedLoader)
    except TooLarge as error:
        line = error.mark.line + 1 if error.mark else None
        problem = Problem.of(where, "problem_limit", line, **error.words)
        return ScenarioRead(file, None, None, [problem])
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        column = (
            {"key": "problem_yaml_column", "n": mark.column + 1}
            if mark
            else ""
        )
        # The YAML parser's own words ("found undefined alias").
        said = error.problem or error.context or "broken YAML"
        problem = Problem.of(
            where, "problem_not_yaml", line, column=column, problem=said
        )
        return ScenarioRead(file, None, None, [problem])
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        code = f"{error.character:04X}"
        problem = Problem.of(where, "problem_yaml_character", line, code=code)
        return ScenarioRead(file, None, None, [problem])
    if not isinstance(content, dict):
        problem = Problem.of(
            where, "problem_not_a_scenario", kind=type(content).__name__
        )
        return ScenarioRead(file, None, None, [problem])
    data = content.get("data")
    data_path = file.parent / data if isinstance(data, str) else None
    payload = {**content, "path": file}
    if data_path is not None:
        payload["data"] = data_path
    problems = []
    if data_path is not None and not data_path.exists():
        problems.append(
            Problem.of(
                where,
                "problem_no_data",
                line_of(text, ("data",)),
                "data",
                path=data_path,
            )
        )
    try:
        scenario = Scenario.model_validate(payload)
    except ValidationError as error:
        problems += _key_problems(where, text, error, ())
        return ScenarioRead(file, None, data_path, problems, text)
    problems += _rule_problems(where, text, scenario)
    return ScenarioRead(file, scenario, data_path, problems, text)


class TooLarge(Exception):
    """A YAML document nested or expanded beyond its limit: the fields
    of the catalogue's ``problem_limit`` (:meth:`Limit.words`)."""

    def __init__(self, words: dict[str, Any], mark: yaml.Mark | None) -> None:
        super().__init__(message({"key": "problem_limit", **words}, "en"))
        self.words = words
        self.mark = mark


class BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader with bounded nesting and expanded size.

    Aliases are counted as often as they are used, so that a "billion
    laughs" document (nested aliases) is refused before it is built.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        # Expanded size of each node composed so far, by id.
        self._sizes: dict[int, int] = {}

    def compose_node(
        self, parent: yaml.Node | None, index: object
    ) -> yaml.Node | None:
        self._depth += 1
        if self._depth > DEPTH.value:
            mark = self.peek_event().start_mark
            raise TooLarge(DEPTH.words("limit_nesting"), mark)
        try:
            node = super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self._depth -= 1
        if node is None:
            return node
        size = self._sizes.get(id(node))
        if size is None:
            if isinstance(node, yaml.SequenceNode):
                children = list(node.value)
            elif isinstance(node, yaml.MappingNode):
                children = [n for pair in node.value for n in pair]
            else:
                children = []
            size = 1 + sum(self._sizes.get(id(c), 1) for c in children)
            self._sizes[id(node)] = size
        if size > YAML_NODES.value:
            raise TooLarge(
                YAML_NODES.words("limit_yaml_expanded"),
                node.start_mark,
            )
        return node


def _rule_problems(where: str, text: str, scenario: Scenario) -> list[Problem]:
    if scenario.rules not in builtin_rulebooks():
        line = line_of(text, ("rules",))
        problem = Problem.of(
            where,
            "problem_unknown_rulebook",
            line,
            "rules",
            name=repr(scenario.rules),
            known=", ".join(builtin_rulebooks()),
        )
        return [problem]
    try:
        scenario.rulebook()
    except ValidationError as error:
        return _key_problems(where, text, error, ("rules_overrides",))
    return []


def _key_problems(
    where: str, text: str, error: ValidationError, prefix: tuple[str, ...]
) -> list[Problem]:
    problems = []
    for detail in error.errors():
        loc = (*prefix, *detail["loc"])
        key = ".".join(str(part) for part in loc)
        problems.append(
            detail_problem(where, detail, line_of(text, loc), key)
        )
    return problems


def line_of(text: str, loc: KeyPath) -> int | None:
    """The line of the deepest key of ``loc`` found in the YAML ``text``."""
    node = yaml.compose(text)
    line = None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            pairs = [(k, v) for k, v in node.value if k.value == str(part)]
            if not pairs:
                break
            key, node = pairs[0]
            line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line
