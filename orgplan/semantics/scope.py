"""Who may take part in which decision (docs/semantics.md sections 1, 5).

Locks, the scope's kinds, who may merge with whom (kinds and
``scope.merge_within``, judged on the input), which units may fold and
which units a split part may go to. The candidate graph of the optimiser,
the greedy's steps and the checker ask these functions.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from orgplan.i18n import number_words
from orgplan.model import Organisation, Unit
from orgplan.plan import Plan
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.coherence import Coherence, CoherencePolicy, Relation
from orgplan.similarity import function_set
from orgplan.territory.places import territorial_kinds

# Why a decision is not allowed: a catalogue message as data
# (``{"key": ..., **fields}``, :func:`orgplan.i18n.message`), put in words
# in the reader's language where it is shown.
Obstacle = dict[str, Any]


def locked_units(org: Organisation, scenario: Scenario) -> set[str]:
    """Units locked in the data or by ``scenario.locks``, with every unit
    under them: a lock protects the subtree (section 1)."""
    locked = {u.id for u in org.units if u.locked} | set(scenario.locks)
    todo = [uid for uid in locked if uid in org.unit_by_id]
    while todo:
        for child in org.children(todo.pop()):
            if child not in locked:
                locked.add(child)
                todo.append(child)
    return locked


def free_units(org: Organisation, scenario: Scenario) -> set[str]:
    """Units that may merge, fold or split: in scope and not locked."""
    locked = locked_units(org, scenario)
    kinds = scenario.scope.kinds
    return {u.id for u in org.units if u.kind in kinds and u.id not in locked}


def neighbours(org: Organisation) -> dict[str, set[str]]:
    """Each locality's neighbours, both ways round."""
    near: dict[str, set[str]] = {}
    for loc in org.localities:
        for other in loc.neighbours:
            near.setdefault(loc.id, set()).add(other)
            near.setdefault(other, set()).add(loc.id)
    return near


def kinds_merge(rulebook: Rulebook, a: Unit, b: Unit) -> bool:
    """Same kind, or one lists the other in ``merges_with``."""
    first = rulebook.kinds.get(a.kind)
    second = rulebook.kinds.get(b.kind)
    return (
        a.kind == b.kind
        or (first is not None and b.kind in first.merges_with)
        or (second is not None and a.kind in second.merges_with)
    )


def within(a: Unit, b: Unit, rule: str, near: dict[str, set[str]]) -> bool:
    """Whether ``a`` and ``b`` share what ``scope.merge_within`` names.

    ``parent``, ``locality``, ``sector``, ``adjacent`` (localities equal
    or neighbours) or ``anywhere``; a missing locality or sector shares
    nothing.
    """
    if rule == "parent":
        return a.parent == b.parent
    if rule == "locality":
        return a.locality is not None and a.locality == b.locality
    if rule == "sector":
        return a.sector is not None and a.sector == b.sector
    if rule == "adjacent":
        return (
            a.locality is not None
            and b.locality is not None
            and (
                a.locality == b.locality
                or b.locality in near.get(a.locality, set())
            )
        )
    return True


def judge_for(
    org: Organisation, scenario: Scenario, rulebook: Rulebook
) -> Coherence:
    """The coherence rule of ``scenario`` on ``org`` (cached per unit;
    build one per organisation and reuse it in loops).

    No unit is exempt: an undersized unit with no related sibling folds
    into its parent where it may, or stays below its minimum as a warning
    (:func:`~orgplan.semantics.targets.minimum_binds`); merging it with
    unrelated work would be a plan no committee signs.
    """
    return Coherence(org, CoherencePolicy.from_scenario(scenario, rulebook))


def must_partners(scenario: Scenario) -> dict[str, set[str]]:
    """Each unit's partners in the scenario's ``must_merge`` groups."""
    partners: dict[str, set[str]] = {}
    for group in scenario.must_merge:
        for uid in group:
            partners.setdefault(uid, set()).update(group)
    return partners


def merge_obstacle(
    org: Organisation,
    rulebook: Rulebook,
    scenario: Scenario,
    rep: Unit,
    unit: Unit,
    near: dict[str, set[str]] | None = None,
    judge: Coherence | None = None,
    *,
    coherent: bool = True,
    homes: Mapping[str, frozenset[str]] | None = None,
    parents: Mapping[str, str] | None = None,
) -> Obstacle | None:
    """Why ``unit`` may not merge into ``rep`` (a message), or ``None`` if
    it may.

    The kinds must match (or be listed in ``merges_with``), the units
    must share what ``scope.merge_within`` names, judged on the input,
    and, unless ``coherent`` is false (the checker asks it apart), their
    work must be related (:func:`coherence_obstacle`). Locks and scope
    are asked separately (:func:`free_units`). With the plan's ``homes``
    (:func:`final_homes`), children of two parents that end in one unit
    count as siblings: they may consolidate in the same plan; a child a
    split moves (``parents``, :func:`moved_parents`) counts under its
    receiver.
    """
    if not kinds_merge(rulebook, rep, unit):
        return {
            "key": "obstacle_kinds",
            "unit": unit.id,
            "kind": _kind(rulebook, unit.kind),
            "rep": rep.id,
            "rep_kind": _kind(rulebook, rep.kind),
        }
    rule = scenario.scope.merge_within
    if not within(
        unit, rep, rule, neighbours(org) if near is None else near
    ) and not _merged_parents(unit, rep, rule, homes, parents or {}) and not (
        _territorial(unit, rep, scenario)
    ):
        if rule == "adjacent":
            return {"key": "obstacle_adjacent", "unit": unit.id, "rep": rep.id}
        return {
            "key": "obstacle_within",
            "unit": unit.id,
            "rep": rep.id,
            "rule": {"key": f"obstacle_rule_{rule}"},
        }
    if not coherent:
        return None
    return coherence_obstacle(org, rulebook, scenario, rep, unit, judge)


def _territorial(a: Unit, b: Unit, scenario: Scenario) -> bool:
    """Territorial units under ``adjacent`` form connected groups: the
    group's contiguity is their rule (semantics section 6a, the checker's
    ``contiguity``), not each member bordering the representative."""
    kinds = territorial_kinds(scenario.scope)
    return (
        a.kind in kinds
        and b.kind in kinds
        and a.locality is not None
        and b.locality is not None
    )


def _merged_parents(
    a: Unit,
    b: Unit,
    rule: str,
    homes: Mapping[str, frozenset[str]] | None,
    parents: Mapping[str, str],
) -> bool:
    """Whether ``a`` and ``b`` have parents that end in one unit."""
    pa, pb = parents.get(a.id, a.parent), parents.get(b.id, b.parent)
    if rule != "parent" or homes is None or pa is None:
        return False
    first, second = homes.get(pa), homes.get(pb or "")
    return first is not None and first == second and len(first) == 1


def coherence_obstacle(
    org: Organisation,
    rulebook: Rulebook,
    scenario: Scenario,
    rep: Unit,
    unit: Unit,
    judge: Coherence | None = None,
) -> Obstacle | None:
    """Why the work of ``unit`` and ``rep`` is too unrelated to merge (a
    message), or ``None``.

    The coherence rule (:mod:`orgplan.semantics.coherence`; semantics
    section 5), as :func:`unrelated` judges it, in words.
    """
    relation = unrelated(org, rulebook, scenario, rep, unit, judge)
    if relation is None:
        return None
    return {
        "key": "obstacle_unrelated",
        "unit": unit.id,
        "rep": rep.id,
        "why": {"key": f"relation_{relation.reason}"},
        "similarity": number_words(round(relation.similarity, 2)),
    }


def unrelated(
    org: Organisation,
    rulebook: Rulebook,
    scenario: Scenario,
    rep: Unit,
    unit: Unit,
    judge: Coherence | None = None,
) -> Relation | None:
    """The relation that makes the work of ``unit`` and ``rep`` too
    unrelated to merge, or ``None`` when it is not.

    The coherence rule (:mod:`orgplan.semantics.coherence`; semantics
    section 5). Units the scenario lists in one ``must_merge`` group pass
    (the committee decided; the plan lists them as weak spots). Searches
    that only ask whether a pair may merge ask this, not
    :func:`coherence_obstacle`, which words the answer.
    """
    if rep.id in must_partners(scenario).get(unit.id, ()):
        return None
    judge = judge or judge_for(org, scenario, rulebook)
    relation = judge.related(rep.id, unit.id)
    return None if relation.related else relation


def _kind(rulebook: Rulebook, kind: str) -> dict[str, str]:
    """A kind in words: its code in English (as the rulebook and the
    scenario write it), its label in Vietnamese."""
    rules = rulebook.kinds.get(kind)
    return {"en": kind, "vi": rules.label_vi if rules else kind}


def group_obstacle(
    org: Organisation,
    rulebook: Rulebook,
    scenario: Scenario,
    members: Iterable[str],
    judge: Coherence | None = None,
) -> Obstacle | None:
    """Why two members of one merged group are too unrelated (a message),
    or ``None``.

    Coherence holds pairwise: every two members of a group, not only each
    member and the representative (:func:`coherence_obstacle`).
    """
    judge = judge or judge_for(org, scenario, rulebook)
    units = [org.unit(uid) for uid in dict.fromkeys(members)]
    for i, first in enumerate(units):
        for second in units[i + 1 :]:
            reason = coherence_obstacle(
                org, rulebook, scenario, first, second, judge
            )
            if reason:
                return reason
    return None


def worth_folding(org: Organisation, rulebook: Rulebook, unit: Unit) -> bool:
    """An intermediate unit (children in the input) or an undersized one.

    Folding a normal-sized leaf would only hide a division inside its
    parent's office (semantics section 5).
    """
    return bool(org.children(unit.id)) or undersized_by(rulebook, unit) > 0


def undersized_by(rulebook: Rulebook, unit: Unit) -> int:
    """How far ``unit``'s quota is below its kind's ``min_staff`` (0 when
    not below, or the kind has no minimum)."""
    return staff_below(rulebook, unit.kind, unit.quota)


def staff_below(rulebook: Rulebook, kind_id: str, quota: int) -> int:
    """How far a quota is below ``min_staff`` of kind ``kind_id``."""
    rules = rulebook.kinds.get(kind_id)
    if rules is None or rules.min_staff is None:
        return 0
    return max(0, rules.min_staff - quota)


def fold_obstacles(
    org: Organisation, rulebook: Rulebook, unit: Unit, into: str | None
) -> list[Obstacle]:
    """Why ``unit`` may not fold into ``into`` (messages); empty when it
    may.

    Its kind must be ``foldable``, ``into`` its parent in the input (a
    unit of the organisation), and it intermediate or undersized
    (:func:`worth_folding`; semantics section 5). Locks, scope and
    ``scope.allow_fold`` are asked separately (:func:`may_fold`).
    """
    found: list[Obstacle] = []
    rules = rulebook.kinds.get(unit.kind)
    if rules is None or not rules.foldable:
        found.append(
            {
                "key": "obstacle_fold_kind",
                "unit": unit.id,
                "kind": _kind(rulebook, unit.kind),
            }
        )
    if unit.parent != into or into not in org.unit_by_id:
        found.append(
            {
                "key": "obstacle_fold_parent",
                "unit": unit.id,
                "into": into,
                "parent": unit.parent or {"key": "obstacle_no_parent"},
            }
        )
    if not worth_folding(org, rulebook, unit):
        found.append({"key": "obstacle_fold_worth", "unit": unit.id})
    return found


def may_fold(
    org: Organisation,
    rulebook: Rulebook,
    scenario: Scenario,
    uid: str,
    locked: Collection[str] | None = None,
) -> bool:
    """Whether ``uid`` may fold into its parent under ``scenario``.

    Folds allowed, ``uid`` free (:func:`free_units`), no
    :func:`fold_obstacles`, and its parent not locked (a parent of a kind
    outside the scope may receive it). ``locked``: the scenario's
    :func:`locked_units`, when asking of many units (it walks the tree).
    """
    unit = org.unit(uid)
    if locked is None:
        locked = locked_units(org, scenario)
    return (
        scenario.scope.allow_fold
        and unit.kind in scenario.scope.kinds
        and uid not in locked
        and unit.parent not in locked
        and not fold_obstacles(org, rulebook, unit, unit.parent)
    )


def split_part_related(
    org: Organisation, functions: Iterable[str], receiver: Unit
) -> bool:
    """A receiver shares a function, or a function family, with the part
    it receives (semantics section 5)."""
    return bool(
        function_set(org, tuple(functions))
        & function_set(org, receiver.functions)
    )


def moved_parents(plan: Plan) -> dict[str, str]:
    """The children splits move, each with its receiver (semantics 2)."""
    return {
        child: part.to
        for split in plan.splits
        for part in split.parts
        for child in part.children
    }


def final_homes(org: Organisation, plan: Plan) -> dict[str, frozenset[str]]:
    """The surviving units each input unit ends in (semantics section 5).

    A merge member ends in its representative, a folded unit in its
    parent, a split unit in all its receivers, transitively.
    """
    direct: dict[str, tuple[str, ...]] = {}
    for merge in plan.merges:
        for member in merge.members:
            direct[member] = (merge.into,)
    for fold in plan.flattened:
        direct[fold.unit] = (fold.into,)
    for split in plan.splits:
        direct[split.unit] = tuple(part.to for part in split.parts)

    def home(uid: str, seen: frozenset[str]) -> frozenset[str]:
        targets = direct.get(uid)
        if targets is None or targets == (uid,) or uid in seen:
            return frozenset({uid})
        return frozenset().union(*(home(t, seen | {uid}) for t in targets))

    return {u.id: home(u.id, frozenset()) for u in org.units}
