"""The names of units after a plan (docs/semantics.md section 2).

Three rules:

- every ``names`` entry of the scenario is used or reported: ids that
  share a name describe one intended group, and a merge takes the name
  only when it holds the group's representative (the member bearing the
  name) or most of it; an entry
  for a unit that does not merge, that merges into a unit another entry
  names differently, or that merges as a stray member of its group, is
  listed, never silently dropped;
- a merged unit is never named by one member alone unless the scenario
  says so: without a ``names`` entry it takes the members' names joined
  (``Phòng Tổng hợp - Kinh tế``), as the 2025 mergers named theirs;
  merged communes, wards and provinces take an old unit's or their old
  district's name instead, as Res. 76/2025 asked
  (:mod:`orgplan.territory.names`);
- no two units under one parent share a name after a plan: a unit the
  plan renamed that collides with a sibling gets a numbered name and a
  warning (duplicates the input already had are reported, not renamed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from orgplan.i18n import message
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.rules import Rulebook
from orgplan.semantics.after import apply_structure
from orgplan.territory.names import territorial_names

IssueKey = Literal[
    "names.unknown_unit",
    "names.unused",
    "names.conflict",
    "names.stray",
    "names.duplicate",
    "names.duplicate_input",
]
# The generic heads of Vietnamese unit names, longest first: a joined
# name keeps the head once (``Phòng A`` + ``Phòng B`` = ``Phòng A - B``).
_HEADS = (
    "Trung tâm",
    "Chi cục",
    "Văn phòng",
    "Thanh tra",
    "Trường",
    "Phòng",
    "Ban",
    "Sở",
)


@dataclass(frozen=True)
class NameIssue:
    """A naming problem: its key, the unit, the name and plain words
    (``detail`` in English, ``words`` a catalogue message for either
    language, as plan.json's notes hold it)."""

    key: IssueKey
    unit: str
    name: str
    detail: str
    words: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def of(
        cls, key: IssueKey, unit: str, name: str, words: str, /, **fields: Any
    ) -> NameIssue:
        found = {"key": words, **fields}
        return cls(key, unit, name, message(found), found)


@dataclass(frozen=True)
class Naming:
    """The names chosen (by unit id) and what was reported on the way."""

    names: dict[str, str]
    issues: tuple[NameIssue, ...] = ()


def joined_name(names: Sequence[str]) -> str:
    """One name for units of ``names`` (in order), the shared head once.

    >>> joined_name(["Phòng Tổng hợp", "Phòng Kinh tế"])
    'Phòng Tổng hợp - Kinh tế'
    >>> joined_name(["Văn phòng Sở", "Văn phòng Sở"])
    'Văn phòng Sở'
    """
    distinct = list(dict.fromkeys(n.strip() for n in names))
    if len(distinct) == 1:
        return distinct[0]
    head = next(
        (h for h in _HEADS if all(n.startswith(h + " ") for n in distinct)),
        None,
    )
    if head is None:
        return " - ".join(distinct)
    rests = dict.fromkeys(n[len(head) + 1 :] for n in distinct)
    return f"{head} " + " - ".join(rests)


def name_merges(
    organisation: Organisation,
    merges: Sequence[tuple[str, Sequence[str]]],
    names: Mapping[str, str],
) -> Naming:
    """The name of each merged unit, by representative.

    Ids that share one name in ``names`` describe one intended group
    (``SKHDT`` and ``STC`` both ``Sở Tài chính``). The group's
    representative is the member that already bears the name, if one
    does. A merge takes the name when it holds the group's
    representative or most (more than half) of its members; a merge that
    holds only a stray member does not (Labour merged with Education is
    not "Sở Nội vụ" because Labour was meant for Home Affairs), and the
    entry is reported unused.

    Parameters
    ----------
    organisation
        The organisation before the plan.
    merges
        ``(into, members)`` of each merge; ``into`` is among ``members``.
    names
        The scenario's ``names``: unit id -> name of the unit it ends in.

    Returns
    -------
    Naming
        ``names[into]`` for each merge, and an issue for each entry not
        used (unknown unit, unit not merged, stray member, conflicting
        entries).
    """
    groups = _intended_groups(organisation, names)
    chosen: dict[str, str] = {}
    issues: list[NameIssue] = []
    merged: set[str] = set()
    for into, members in merges:
        merged.update(members)
        ordered = [into, *(m for m in members if m != into)]
        held = set(ordered)
        taking = [
            names[m]
            for m in ordered
            if m in names and _takes(groups[names[m]], held)
        ]
        if not taking:
            chosen[into] = joined_name(
                [organisation.unit(m).name for m in ordered]
            )
        else:
            chosen[into] = taking[0]
        for member in ordered:
            name = names.get(member)
            if name is None or name == chosen[into]:
                continue
            if name in taking:
                issues.append(
                    NameIssue.of(
                        "names.conflict",
                        member,
                        name,
                        "note_name_conflict",
                        unit=member,
                        name=name,
                        into=into,
                        chosen=chosen[into],
                    )
                )
            else:
                group = ", ".join(groups[name][1])
                issues.append(
                    NameIssue.of(
                        "names.stray",
                        member,
                        name,
                        "note_name_stray",
                        unit=member,
                        name=name,
                        into=into,
                        first=groups[name][0],
                        group=group,
                    )
                )
    for uid, name in names.items():
        if uid not in organisation.unit_by_id:
            issues.append(
                NameIssue.of(
                    "names.unknown_unit",
                    uid,
                    name,
                    "note_name_unknown",
                    unit=uid,
                )
            )
        elif uid not in merged:
            issues.append(
                NameIssue.of(
                    "names.unused",
                    uid,
                    name,
                    "note_name_unused",
                    unit=uid,
                    name=name,
                )
            )
    return Naming(chosen, tuple(issues))


def _intended_groups(
    organisation: Organisation, names: Mapping[str, str]
) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each name of ``names``: its representative (``None`` when no id
    bears the name) and all its ids."""
    ids: dict[str, list[str]] = {}
    for uid, name in names.items():
        ids.setdefault(name, []).append(uid)
    found = {}
    for name, group in ids.items():
        bearer = next(
            (
                uid
                for uid in group
                if uid in organisation.unit_by_id
                and _key(organisation.unit(uid).name) == _key(name)
            ),
            None,
        )
        found[name] = (bearer, tuple(group))
    return found


def _takes(group: tuple[str | None, tuple[str, ...]], held: set[str]) -> bool:
    """A merge holding ``held`` takes the group's name: it holds the
    representative or more than half of the ids."""
    rep, ids = group
    return rep in held or 2 * len(held & set(ids)) > len(ids)


def duplicate_names(
    organisation: Organisation,
) -> dict[tuple[str | None, str], tuple[str, ...]]:
    """Siblings sharing a name: (parent, name) -> their ids, input order."""
    seen: dict[tuple[str | None, str], list[str]] = {}
    for u in organisation.units:
        seen.setdefault((u.parent, _key(u.name)), []).append(u.id)
    return {k: tuple(v) for k, v in seen.items() if len(v) > 1}


def make_distinct(after: Organisation, renamed: Iterable[str]) -> Naming:
    """Distinct names for units the plan named that collide with a sibling.

    Parameters
    ----------
    after
        The organisation after the plan, with the plan's names.
    renamed
        The units whose name the plan set (merge representatives).

    Returns
    -------
    Naming
        The new name of each renamed unit that collided (``Sở Nội vụ
        (2)``) with a ``names.duplicate`` warning; duplicates among units
        the plan did not name are reported as ``names.duplicate_input``.
    """
    changed = set(renamed)
    taken = {(u.parent, _key(u.name)) for u in after.units}
    chosen: dict[str, str] = {}
    issues: list[NameIssue] = []
    for (parent, _), ids in duplicate_names(after).items():
        name = after.unit(ids[0]).name
        movers = [i for i in ids if i in changed]
        if not movers:
            issues.append(
                NameIssue.of(
                    "names.duplicate_input",
                    ids[0],
                    name,
                    "note_name_duplicate_input",
                    units=list(ids),
                    name=name,
                )
            )
            continue
        # One of the colliding units keeps the name: one the plan did not
        # rename if there is one, else the first renamed.
        keep = 0 if len(movers) == len(ids) else None
        for index, uid in enumerate(movers):
            if index == keep:
                continue
            number = 2
            while (parent, _key(f"{name} ({number})")) in taken:
                number += 1
            new = f"{name} ({number})"
            taken.add((parent, _key(new)))
            chosen[uid] = new
            others = ", ".join(i for i in ids if i != uid)
            issues.append(
                NameIssue.of(
                    "names.duplicate",
                    uid,
                    name,
                    "note_name_duplicate",
                    unit=uid,
                    name=name,
                    others=others,
                    new=new,
                )
            )
    return Naming(chosen, tuple(issues))


def _key(name: str) -> str:
    """Names compare without case and surrounding or repeated spaces."""
    return " ".join(name.split()).casefold()


def name_plan(
    organisation: Organisation,
    plan: Plan,
    names: Mapping[str, str],
    rulebook: Rulebook | None = None,
) -> Plan:
    """``plan`` with each merged unit named by the three rules above.

    The names come from :func:`name_merges`, a collision with a sibling
    after the plan is resolved by :func:`make_distinct`, and every issue
    found on the way becomes a note of the plan. Solvers call this last,
    so that CP-SAT and the greedy name alike.
    """
    naming = name_merges(
        organisation, [(m.into, m.members) for m in plan.merges], names
    )
    # Merged communes, wards and provinces are named as 2025 named them
    # (docs/semantics.md section 6a).
    naming = Naming(
        territorial_names(
            organisation, plan.merges, naming.names, names, rulebook
        ),
        naming.issues,
    )
    named = plan.model_copy(
        update={
            "merges": tuple(
                m.model_copy(update={"name": naming.names[m.into]})
                for m in plan.merges
            )
        }
    )
    after = apply_structure(organisation, named, rulebook)
    distinct = make_distinct(after, naming.names)
    notes = [i.words for i in (*naming.issues, *distinct.issues)]
    return named.model_copy(
        update={
            "merges": tuple(
                m.model_copy(
                    update={"name": distinct.names.get(m.into, m.name)}
                )
                for m in named.merges
            ),
            "notes": (*plan.notes, *notes),
        }
    )
