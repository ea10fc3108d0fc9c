"""A scenario checked against the organisation it plans for, before solving.

Every id a scenario names must exist; must-merge groups must be groups a
plan can form (no locked member, members in scope that may merge, no pair
also in ``must_not_merge``); names must hold no control characters. Each
problem carries the scenario file's line and key path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from orgplan.errors import Problem
from orgplan.model import Organisation
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.validate import TEXT_CONTROL, codes

# A key path inside a YAML file: keys and list positions.
KeyPath = tuple[str | int, ...]


def scenario_problems(
    organisation: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    file: str,
    line_of: Callable[[KeyPath], int | None] = lambda _: None,
) -> list[Problem]:
    """Problems in a scenario's references to units, persons and kinds.

    ``locks``, ``must_merge``, ``must_not_merge``, ``names``,
    ``staffing.quota_overrides`` and ``leadership.heads`` must name units of
    the organisation (head values: persons of the roster); ``scope.kinds``
    and ``targets.max_units`` must name kinds of the rulebook. ``line_of``
    gives the line of a key path in the scenario file.
    """
    unit = "scenario_not_unit"
    units = set(organisation.unit_by_id)
    kinds = set(rulebook.kinds)
    heads = scenario.leadership.heads
    checks: list[tuple[KeyPath, list[tuple[KeyPath, str]], set[str], str]] = [
        (("locks",), _listed(scenario.locks), units, unit),
        (("must_merge",), _grouped(scenario.must_merge), units, unit),
        (("must_not_merge",), _grouped(scenario.must_not_merge), units, unit),
        (("names",), _keys(scenario.names), units, unit),
        (
            ("staffing", "quota_overrides"),
            _keys(scenario.staffing.quota_overrides),
            units,
            unit,
        ),
        (("leadership", "heads"), _keys(heads), units, unit),
        (
            ("leadership", "heads"),
            [((key,), person) for key, person in heads.items()],
            {p.id for p in organisation.staff},
            "scenario_not_person",
        ),
        (
            ("scope", "kinds"),
            _listed(scenario.scope.kinds),
            kinds,
            "scenario_not_kind",
        ),
        (
            ("targets", "max_units"),
            _keys(scenario.targets.max_units),
            kinds,
            "scenario_not_kind",
        ),
    ]
    problems = []
    for prefix, entries, known, what in checks:
        for suffix, value in entries:
            if value in known:
                continue
            loc = (*prefix, *suffix)
            problems.append(
                Problem.of(
                    file,
                    what,
                    line_of(loc),
                    ".".join(str(part) for part in loc),
                    value=repr(value),
                    rulebook=rulebook.name,
                    kinds=", ".join(rulebook.kinds),
                )
            )
    texts = [(("name",), scenario.name)] + [
        (("names", key), value) for key, value in scenario.names.items()
    ]
    for loc, text in texts:
        found = TEXT_CONTROL.findall(text)
        if found:
            problems.append(
                Problem.of(
                    file,
                    "scenario_control",
                    line_of(loc),
                    ".".join(str(part) for part in loc),
                    codes=codes(found),
                )
            )
    return problems + merge_problems(
        organisation, scenario, rulebook, file, line_of
    )


def merge_problems(
    organisation: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    file: str,
    line_of: Callable[[KeyPath], int | None] = lambda _: None,
) -> list[Problem]:
    """Must-merge groups that no plan can honour, found before solving.

    A locked member or one outside ``scope.kinds``, a group the scope
    forbids (no merges, too many members), members that may not merge
    (kinds, ``scope.merge_within``) and a pair both in ``must_merge`` and
    in ``must_not_merge``. Unknown ids are :func:`scenario_problems`'s.
    """
    from orgplan.semantics.scope import free_units, locked_units

    units = organisation.unit_by_id
    locked = locked_units(organisation, scenario)
    free = free_units(organisation, scenario)
    scope = scenario.scope
    problems = []

    def add(loc: KeyPath, key: str, **fields: Any) -> None:
        where = ".".join(str(part) for part in loc)
        problems.append(Problem.of(file, key, line_of(loc), where, **fields))

    for i, group in enumerate(scenario.must_merge):
        if not scope.allow_merge:
            add(("must_merge", i), "scenario_no_merges")
        if len(set(group)) > scope.max_group_size:
            add(
                ("must_merge", i),
                "scenario_group_too_large",
                n=len(set(group)),
                most=scope.max_group_size,
            )
        for j, uid in enumerate(group):
            if uid in locked:
                key, fields = _lock_holder(organisation, scenario, uid)
                add(("must_merge", i, j), key, unit=uid, **fields)
            elif uid in units and uid not in free:
                add(
                    ("must_merge", i, j),
                    "scenario_out_of_scope",
                    unit=uid,
                    kind=units[uid].kind,
                    kinds=", ".join(scope.kinds),
                )
        reason = _obstacle(organisation, scenario, rulebook, group)
        if reason:
            add(("must_merge", i), "scenario_cannot_merge", reason=reason)
    merged = _joined(scenario.must_merge)
    for k, pair in enumerate(scenario.must_not_merge):
        for a, b in _pairs(pair):
            if a != b and a in merged and merged[a] == merged.get(b):
                add(("must_not_merge", k), "scenario_merge_and_not", a=a, b=b)
    return problems


def _lock_holder(
    organisation: Organisation, scenario: Scenario, uid: str
) -> tuple[str, dict[str, Any]]:
    """Where the lock on ``uid`` comes from, itself or the nearest unit
    above it (a lock protects the subtree, docs/semantics.md section 1),
    as a catalogue key and its fields."""
    holder, seen = uid, set()
    while holder in organisation.unit_by_id and holder not in seen:
        seen.add(holder)
        unit = organisation.unit_by_id[holder]
        if holder in scenario.locks:
            where = {"key": "lock_in_scenario"}
        elif unit.locked:
            where = {"key": "lock_in_data"}
        else:
            holder = unit.parent or ""
            continue
        if holder == uid:
            return "scenario_locked_self", {"where": where}
        return "scenario_locked_above", {"holder": holder, "where": where}
    return "scenario_locked_self", {"where": {"key": "lock_in_scenario"}}


def _obstacle(
    organisation: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    group: Iterable[str],
) -> Mapping[str, Any] | None:
    """Why no member of ``group`` may represent the others (kinds,
    ``scope.merge_within``; a message), or ``None``."""
    from orgplan.semantics.scope import merge_obstacle, neighbours

    found = [organisation.unit_by_id.get(u) for u in dict.fromkeys(group)]
    members = [u for u in found if u is not None]
    if len(members) < 2 or len(members) < len(found):
        return None
    near = neighbours(organisation)
    first = None
    for rep in members:
        reasons = (
            merge_obstacle(organisation, rulebook, scenario, rep, unit, near)
            for unit in members
            if unit is not rep
        )
        reason = next((r for r in reasons if r), None)
        if reason is None:
            return None
        first = first or reason
    return first


def _joined(groups: Iterable[Iterable[str]]) -> dict[str, int]:
    """Each unit of overlapping groups mapped to one group number."""
    group_of: dict[str, int] = {}
    for n, group in enumerate(groups):
        members = set(group)
        olds = {group_of[u] for u in members if u in group_of}
        for uid, g in list(group_of.items()):
            if g in olds:
                group_of[uid] = n
        for uid in members:
            group_of[uid] = n
    return group_of


def _pairs(group: Iterable[str]) -> list[tuple[str, str]]:
    items = list(group)
    return [(a, b) for i, a in enumerate(items) for b in items[i + 1 :]]


def _listed(values: Iterable[str]) -> list[tuple[KeyPath, str]]:
    return [((i,), value) for i, value in enumerate(values)]


def _grouped(groups: Iterable[Iterable[str]]) -> list[tuple[KeyPath, str]]:
    return [
        ((i, j), value)
        for i, group in enumerate(groups)
        for j, value in enumerate(group)
    ]


def _keys(mapping: Mapping[str, object]) -> list[tuple[KeyPath, str]]:
    return [((key,), key) for key in mapping]
