"""Why a plan merges, folds or splits a unit, as messages of the catalogue.

One wording for every method (CP-SAT, the greedy baseline, the MIP), so
that a committee reads the same reasons whichever produced the plan.
Each reason is a message that travels as data (:mod:`orgplan.i18n.data`):
``{"key": "reason_...", **fields}``, put in words in the reader's language
by the report, the proposal and the exports. Names of units and legal
sources are fixed in both languages when the plan is made, so a reason
reads without the data it came from.

A decision states its members and their sizes, what their work shares
(functions by name), the rule or target that drives it with its legal
source, the leadership posts saved and the balance of staff gained
(issue 10, "reasons a person can use").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from orgplan.graph import metrics
from orgplan.i18n import LANGS, Lang, cited, date_text, t
from orgplan.model import Organisation, Unit
from orgplan.plan import Leadership, Metrics
from orgplan.rules import Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.coherence import Coherence
from orgplan.semantics.scope import judge_for, undersized_by
from orgplan.semantics.targets import cut_limit, unit_limits
from orgplan.territory.reasons import territory_reasons

Reason = dict[str, Any]


class Part(Protocol):
    """What a split hands to one receiver (``SplitPart`` or an option)."""

    @property
    def to(self) -> str: ...

    @property
    def functions(self) -> Sequence[str]: ...

    @property
    def staff(self) -> int: ...


def undersized(
    rulebook: Rulebook, unit: Unit, name: dict[str, str] | None = None
) -> Reason | None:
    """The reason ``unit`` cannot stand alone, or ``None`` if it can
    (``name`` tells it apart from a namesake in the same decision)."""
    if not undersized_by(rulebook, unit):
        return None
    rules = rulebook.kind(unit.kind)
    return {
        "key": "reason_undersized",
        "unit": name or named(unit),
        "quota": unit.quota,
        "minimum": rules.min_staff,
        "kind": _kind(rulebook, unit.kind),
        "source": _cite(rulebook, f"kinds.{unit.kind}.min_staff"),
    }


def merge_reasons(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    members: Sequence[str],
    leaders_after: int,
) -> tuple[Reason, ...]:
    """Reasons for merging ``members`` (the representative first).

    ``leaders_after`` is the heads and deputies the merged unit keeps.
    """
    rep = org.unit(members[0])
    units = [org.unit(uid) for uid in members]
    judge = judge_for(org, scenario, rulebook)
    names = _distinct(org, units)
    found: list[Reason] = [
        {
            "key": "reason_members",
            "members": [_member(u, names[u.id]) for u in units],
        }
    ]
    if any(set(members) >= set(group) for group in scenario.must_merge):
        found.append({"key": "reason_must_merge"})
    found += territory_reasons(org, scenario, rulebook, members)
    found += [
        reason
        for unit in units[1:]
        if (reason := _related(org, judge, unit, rep, names)) is not None
    ]
    found += [
        reason
        for unit in units
        if (reason := undersized(rulebook, unit, names[unit.id])) is not None
    ]
    posts_before = sum(u.leaders for u in units)
    removed = Counter(u.kind for u in units[1:])
    moves = ["units", "focal_points"]
    if posts_before > leaders_after:
        moves.append("leaders")
    found += _targets(org, scenario, rulebook, removed, moves)
    found += _posts(sum(u.heads for u in units) - 1, "heads")
    found += _posts(
        posts_before - leaders_after,
        "posts",
        before=posts_before,
        after=leaders_after,
    )
    before = sum(abs(u.actual - u.quota) for u in units)
    after = abs(sum(u.actual - u.quota for u in units))
    if before > after:
        found.append(
            {"key": "reason_balance", "before": before, "after": after}
        )
    return tuple(found)


def fold_reasons(
    org: Organisation,
    rulebook: Rulebook,
    uid: str,
    scenario: Scenario | None = None,
) -> tuple[Reason, ...]:
    """Reasons for folding ``uid`` into its parent; with ``scenario``,
    the targets the fold serves too."""
    unit = org.unit(uid)
    found: list[Reason] = []
    parent = org.unit_by_id.get(unit.parent or "")
    if parent is not None:
        found.append(
            {
                "key": "reason_fold_into",
                "unit": _member(unit),
                "into": named(parent),
            }
        )
    children = org.children(uid)
    if children:
        found.append({"key": "reason_intermediate", "n": len(children)})
    reason = undersized(rulebook, unit)
    if reason is not None:
        found.append(reason)
    if scenario is not None:
        moves = ["units", "focal_points", "leaders"][: 2 + bool(unit.leaders)]
        if children:
            moves.append("layers")
        found += _targets(org, scenario, rulebook, Counter([unit.kind]), moves)
    found += _posts(unit.leaders, "posts", before=unit.leaders, after=0)
    return tuple(found)


def split_reasons(
    org: Organisation,
    rulebook: Rulebook,
    uid: str,
    parts: Sequence[Part],
    *,
    scenario: Scenario | None = None,
    children: Mapping[str, str] | None = None,
) -> tuple[Reason, ...]:
    """Reasons for dissolving ``uid`` and handing its work to ``parts``.

    ``children`` maps each child unit that follows its functions to its
    receiver (a split of a unit with divisions); a part's own
    ``children`` (if it has the attribute) count the same. With
    ``scenario``, the targets the split serves are given too.
    """
    unit = org.unit(uid)
    found: list[Reason] = [{"key": "reason_split_unit", "unit": _member(unit)}]
    for part in parts:
        found.append(
            {
                "key": "reason_split_part",
                "to": named(org.unit(part.to)),
                "functions": _named(org, list(part.functions)),
                "staff": part.staff,
            }
        )
    follow = {
        child: part.to
        for part in parts
        for child in getattr(part, "children", ())
    }
    follow.update(children or {})
    for child, to in follow.items():
        found.append(
            {
                "key": "reason_split_child",
                "unit": _member(org.unit(child)),
                "to": named(org.unit(to)),
            }
        )
    reason = undersized(rulebook, unit)
    if reason is not None:
        found.append(reason)
    if scenario is not None:
        moves = ["units", "focal_points", "leaders"][: 2 + bool(unit.leaders)]
        found += _targets(org, scenario, rulebook, Counter([unit.kind]), moves)
    found += _posts(unit.leaders, "posts", before=unit.leaders, after=0)
    return tuple(found)


def named(unit: Unit) -> dict[str, str]:
    """A unit's name in both languages (with its id, for a reader)."""
    return {"id": unit.id, **{lang: unit.label(lang) for lang in LANGS}}


def _member(unit: Unit, name: dict[str, str] | None = None) -> Reason:
    return {
        "key": "reason_member",
        "name": name or named(unit),
        "staff": unit.actual,
        "quota": unit.quota,
    }


def _distinct(org: Organisation, units: Sequence[Unit]) -> dict[str, dict]:
    """Each unit's name, told apart by its parent where two share it
    (the offices of two merged departments are both "Văn phòng Sở")."""
    found = {u.id: named(u) for u in units}
    for lang in LANGS:
        twice = Counter(u.label(lang) for u in units)
        for unit in units:
            parent = org.unit_by_id.get(unit.parent or "")
            if twice[unit.label(lang)] > 1 and parent is not None:
                found[unit.id][lang] = t(
                    "reason_unit_of",
                    lang,
                    unit=unit.label(lang),
                    parent=parent.label(lang),
                )
    return found


def _kind(rulebook: Rulebook, kind: str) -> dict[str, str]:
    rules = rulebook.kinds.get(kind)
    if rules is None:
        return {lang: kind for lang in LANGS}
    return rules.labels


def _cite(rulebook: Rulebook, path: str) -> dict[Lang, str]:
    """The short legal source of the rule at ``path`` (or of its nearest
    parent that has one), in both languages."""
    return cited(rulebook.sources, path)


def _scenario_source(
    path: str, within: dict[str, str] | None = None
) -> dict[str, str]:
    """A target the scenario sets; ``within`` the legal limit it keeps to
    (a scenario's 7 departments within the decree's 14)."""
    if within is None:
        return {lang: t("source_scenario", lang, path=path) for lang in LANGS}
    return {
        lang: t("source_scenario_within", lang, path=path, source=within[lang])
        for lang in LANGS
    }


def _targets(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    removed: Counter[str],
    moves: Sequence[str],
) -> list[Reason]:
    """The targets that removing ``removed`` units (by kind) works for:
    a ``max_units`` the data is above, and the ``min_cut`` of each count
    in ``moves`` (units, focal_points, leaders, layers) the scenario
    sets; focal points only if a removed kind is one."""
    found: list[Reason] = []
    have = org.kind_counts
    for kind, limit in unit_limits(scenario, rulebook).items():
        if removed[kind] and have.get(kind, 0) > limit:
            path = f"max_units.{kind}"
            source = _cite(rulebook, path)
            if kind in scenario.targets.max_units:
                source = _scenario_source(
                    f"targets.{path}",
                    source if kind in rulebook.max_units else None,
                )
            target = {
                "key": "target_max_units",
                "n": limit,
                "kind": _kind(rulebook, kind),
                "before": have[kind],
            }
            found.append(
                {"key": "reason_target", "target": target, "source": source}
            )
    cuts = {
        what: share
        for what in moves
        if (share := scenario.targets.min_cut.get(what, 0.0)) > 0
        and (what != "focal_points" or _focal(rulebook, removed))
    }
    # Measured only when a cut asks, once per organisation: every merge
    # of a plan asks (a province of 55,000 units has 13,000 merges).
    counts = _measured(org, rulebook) if cuts else None
    for what, share in cuts.items():
        before = getattr(counts, what)
        target = {
            "key": f"target_min_cut_{what}",
            "share": share,
            "limit": cut_limit(share, before),
            "before": before,
        }
        found.append(
            {
                "key": "reason_target",
                "target": target,
                "source": _scenario_source(f"targets.min_cut.{what}"),
            }
        )
    return found


# The last organisation measured (it and its rulebook held, so that their
# ids stay theirs) and its metrics.
_LAST: list[tuple[Organisation, Rulebook, Metrics]] = []


def _measured(org: Organisation, rulebook: Rulebook) -> Metrics:
    """``metrics(org, rulebook)``, remembered for the last organisation."""
    # One read of the entry: the greedy's thread and the decoding may ask
    # at once, and the entry may change between two reads.
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] is org and last[1] is rulebook:
        return last[2]
    found = metrics(org, rulebook)
    _LAST[:] = [(org, rulebook, found)]
    return found


def _focal(rulebook: Rulebook, removed: Counter[str]) -> bool:
    return any(
        kind in rulebook.kinds and rulebook.kind(kind).focal_point
        for kind in removed
    )


def _posts(saved: int, what: str, **fields: int) -> list[Reason]:
    """``reason_heads_saved_one`` ... in the number's form, if any."""
    if saved <= 0:
        return []
    form = "one" if saved == 1 else "many"
    return [{"key": f"reason_{what}_saved_{form}", "n": saved, **fields}]


def _related(
    org: Organisation,
    judge: Coherence,
    unit: Unit,
    rep: Unit,
    names: dict[str, dict],
) -> Reason | None:
    """Why ``unit``'s work is related to ``rep``'s, by the coherence rule
    that lets them merge (orgplan.semantics.coherence)."""
    relation = judge.related(unit.id, rep.id)
    pair = {"unit": names[unit.id], "other": names[rep.id]}
    shared = list(relation.shared)
    if relation.reason == "shared_function":
        key = "reason_shared_functions"
        return {"key": key, **pair, "functions": _named(org, shared)}
    if relation.reason == "shared_family":
        key = "reason_function_family"
        return {"key": key, **pair, "functions": _named(org, shared)}
    if relation.reason == "same_support":
        support = {"key": f"reason_support_{shared[0]}"}
        return {"key": "reason_same_support", **pair, "support": support}
    if relation.reason == "same_sector":
        return {"key": "reason_same_sector", **pair, "sector": shared[0]}
    if relation.reason == "allowed_pair":
        return {"key": "reason_allowed_pair", **pair, "pair": shared}
    if relation.reason == "not_judged":
        return {"key": "reason_not_judged", **pair}
    return None


def _named(org: Organisation, codes: Sequence[str]) -> list[str]:
    """Functions by name, with their code (the data's names)."""
    known = org.function_by_code
    return [
        f"{known[c].name} ({c})" if c in known and known[c].name else c
        for c in codes
    ]


def binding_rules(
    org: Organisation,
    scenario: Scenario,
    rulebook: Rulebook,
    met: Sequence[str],
    leadership: Sequence[Leadership],
) -> tuple[Reason, ...]:
    """The targets a plan meets exactly (``met``: their keys,
    ``max_units.<kind>`` or ``min_cut.<count>``) and the deputy caps that
    hold it, as plan.json's ``binding_rules``."""
    found: list[Reason] = []
    limits = unit_limits(scenario, rulebook)
    have = Counter(u.kind for u in org.units)
    counts = metrics(org, rulebook)
    for key in met:
        family, _, what = key.partition(".")
        if family == "max_units" and what in limits:
            target = {
                "key": "target_max_units",
                "n": limits[what],
                "kind": _kind(rulebook, what),
                "before": have[what],
            }
        elif family == "min_cut" and hasattr(counts, what):
            share = scenario.targets.min_cut[what]
            before = getattr(counts, what)
            target = {
                "key": f"target_min_cut_{what}",
                "share": share,
                "limit": cut_limit(share, before),
                "before": before,
            }
        else:
            continue
        found.append({"key": "binding_met", "target": target})
    over = [lead for lead in leadership if lead.excess]
    if over:
        deadline = over[0].reduce_by or ""
        found.append(
            {
                "key": "binding_excess",
                "n": len(over),
                "excess": sum(lead.excess for lead in over),
                "date": {lang: date_text(deadline, lang) for lang in LANGS},
            }
        )
    cut = [
        lead.unit
        for lead in leadership
        if lead.cap is not None
        and lead.deputies == lead.cap
        and lead.deputies < org.unit(lead.unit).deputies
    ]
    if cut:
        found.append({"key": "binding_cut", "units": cut})
    return tuple(found)
