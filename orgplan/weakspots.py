"""Weak spots: what looks wrong in a plan, in plain words.

Like the health checks of org-design tools, these are not rule
violations (the checker reports those) but what a committee would ask
about before signing: a merge of unrelated or barely similar units, units
still below their minimum, deputies above the caps that grow, deputies
growing while units go, a large solver gap, duplicate offices or
inspectorates left in a merged unit, two units of one parent sharing a
name. Each has a severity and a catalogue message, worded in English or
Vietnamese (:data:`MESSAGES`); a unit whose name other units bear is
named with its parent's (:func:`orgplan.i18n.names.distinct_name`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from orgplan.i18n import (
    CATALOGUE,
    LANGS,
    Lang,
    message,
    number_text,
    percent_text,
)
from orgplan.i18n.names import distinct_name
from orgplan.model import Organisation
from orgplan.plan import Plan
from orgplan.rules import KindRules, Rulebook
from orgplan.scenario import Scenario
from orgplan.semantics.after import apply_structure
from orgplan.semantics.coherence import (
    Coherence,
    CoherencePolicy,
    duplicate_support_groups,
)
from orgplan.semantics.naming import duplicate_names

Severity = Literal["high", "medium", "low"]
_ORDER: dict[Severity, int] = {"high": 0, "medium": 1, "low": 2}

# The weak spots' messages in both languages (their words are the
# catalogue's, orgplan.i18n.weakspots_en and weakspots_vi).
MESSAGES: dict[str, dict[Lang, str]] = {
    key: {lang: CATALOGUE[lang][key] for lang in LANGS}
    for key in CATALOGUE["en"]
    if key.startswith("weakspot.")
}


@dataclass(frozen=True)
class Thresholds:
    """When a number becomes a weak spot."""

    # Two divisions of one area that share only the area's root score 1/5
    # in a three-level taxonomy; below that they share less than an area.
    low_similarity: float = 0.2
    large_gap: float = 0.10


@dataclass(frozen=True)
class WeakSpot:
    """One thing that looks wrong: message key, severity, units, values
    (the message's fields: numbers, names, words of the catalogue as
    ``{"key": ...}``, words in both languages as ``{"en", "vi"}``)."""

    key: str
    severity: Severity
    units: tuple[str, ...]
    values: dict[str, object] = field(default_factory=dict)

    def text(self, lang: Lang = "en") -> str:
        """The message in ``lang``, its words and numbers in the same
        language."""
        values = dict(self.values)
        similarity, gap = values.get("similarity"), values.get("gap")
        if isinstance(similarity, float | int):
            values["similarity"] = number_text(round(similarity, 2), lang)
        if isinstance(gap, float | int):
            values["gap"] = percent_text(gap, lang, decimals=0)
        return message({"key": self.key, **values}, lang)


def weak_spots(
    before: Organisation,
    plan: Plan,
    after: Organisation,
    rulebook: Rulebook,
    policy: CoherencePolicy | None = None,
    thresholds: Thresholds = Thresholds(),
) -> tuple[WeakSpot, ...]:
    """The weak spots of ``plan``, most severe first.

    Parameters
    ----------
    before, after
        The organisation before the plan and after it
        (:func:`orgplan.apply.apply` or ``apply_structure``).
    plan
        Its merges, leadership and solver gap are read.
    rulebook
        Minimum sizes and kind labels.
    policy
        The coherence policy (:class:`CoherencePolicy` defaults).
    """
    policy = policy or CoherencePolicy()
    found = [
        *_merges(before, plan, policy, thresholds),
        *_below_minimum(before, after, rulebook),
        *_deputies(before, plan, after, rulebook),
        *_support(plan, after, policy),
        *_names(before, after),
    ]
    if plan.gap is not None and plan.gap > thresholds.large_gap:
        found.append(
            WeakSpot("weakspot.large_gap", "low", (), {"gap": plan.gap})
        )
    return tuple(
        sorted(found, key=lambda w: (_ORDER[w.severity], w.key, w.units))
    )


def _merges(
    before: Organisation,
    plan: Plan,
    policy: CoherencePolicy,
    thresholds: Thresholds,
) -> list[WeakSpot]:
    judge = Coherence(before, policy)
    found = []
    for merge in plan.merges:
        into = before.unit(merge.into)
        for uid in merge.members:
            if uid == merge.into:
                continue
            member = before.unit(uid)
            relation = judge.related(merge.into, uid)
            values: dict[str, object] = {
                "member": distinct_name(before, member),
                "member_staff": member.actual,
                "into": distinct_name(before, into),
                "into_staff": into.actual,
                "similarity": relation.similarity,
            }
            if not relation.related:
                values["why"] = {"key": f"relation_{relation.reason}"}
                found.append(
                    WeakSpot(
                        "weakspot.unrelated_merge",
                        "high",
                        (merge.into, uid),
                        values,
                    )
                )
            elif (
                relation.judged
                and relation.similarity < thresholds.low_similarity
            ):
                found.append(
                    WeakSpot(
                        "weakspot.low_similarity",
                        "low",
                        (merge.into, uid),
                        values,
                    )
                )
    return found


def _below_minimum(
    before: Organisation, after: Organisation, rulebook: Rulebook
) -> list[WeakSpot]:
    found = []
    for unit in after.units:
        rules = rulebook.kinds.get(unit.kind)
        if rules is None or rules.min_staff is None:
            continue
        if unit.quota < rules.min_staff:
            # A unit the plan left as it was is the input's weakness (low);
            # one the plan formed or changed and left short is medium.
            old = before.unit_by_id.get(unit.id)
            untouched = old is not None and old.quota == unit.quota
            found.append(
                WeakSpot(
                    "weakspot.below_minimum",
                    "low" if untouched else "medium",
                    (unit.id,),
                    {
                        "unit": distinct_name(after, unit),
                        "quota": unit.quota,
                        "minimum": rules.min_staff,
                        "kind": _kind(rules),
                    },
                )
            )
    return found


def _deputies(
    before: Organisation,
    plan: Plan,
    after: Organisation,
    rulebook: Rulebook,
) -> list[WeakSpot]:
    found = []
    for lead in plan.leadership:
        old = before.unit_by_id.get(lead.unit)
        if old is None or lead.excess <= 0 or lead.deputies <= old.deputies:
            continue
        found.append(
            WeakSpot(
                "weakspot.deputies_above_cap",
                "medium",
                (lead.unit,),
                {
                    # Named as it is after the plan (a merged unit's new
                    # name, under its new parent), where it has them.
                    "unit": distinct_name(
                        after, after.unit_by_id.get(lead.unit, old)
                    ),
                    "deputies": lead.deputies,
                    "excess": lead.excess,
                    "cap": lead.cap,
                    "before": old.deputies,
                },
            )
        )
    deputies_before = _sum_by_kind(before, "deputies")
    deputies_after = _sum_by_kind(after, "deputies")
    units_before = Counter(u.kind for u in before.units)
    units_after = Counter(u.kind for u in after.units)
    for kind, count in sorted(deputies_after.items()):
        rules = rulebook.kinds.get(kind)
        fewer_units = units_after[kind] < units_before[kind]
        if rules and fewer_units and count > deputies_before[kind]:
            found.append(
                WeakSpot(
                    "weakspot.deputies_grow",
                    "medium",
                    (),
                    {
                        "kind": _kind(rules),
                        "before": deputies_before[kind],
                        "after": count,
                        "units_before": units_before[kind],
                        "units_after": units_after[kind],
                    },
                )
            )
    return found


def _support(
    plan: Plan, after: Organisation, policy: CoherencePolicy
) -> list[WeakSpot]:
    found = []
    for merge in plan.merges:
        if merge.into not in after.unit_by_id:
            continue
        groups = duplicate_support_groups(after, merge.into, policy)
        for support, children in sorted(groups.items()):
            found.append(
                WeakSpot(
                    "weakspot.duplicate_support",
                    "high",
                    (merge.into, *children),
                    {
                        "unit": distinct_name(after, after.unit(merge.into)),
                        "count": len(children),
                        "support": {"key": f"support.{support}"},
                        "children": ", ".join(
                            after.unit(c).name for c in children
                        ),
                    },
                )
            )
    return found


def _names(before: Organisation, after: Organisation) -> list[WeakSpot]:
    old = duplicate_names(before)
    found = []
    for key, ids in duplicate_names(after).items():
        parent = key[0]
        input_only = set(ids) <= set(old.get(key, ()))
        parent_name = (
            distinct_name(after, after.unit(parent)) if parent else "—"
        )
        found.append(
            WeakSpot(
                "weakspot.duplicate_name_input"
                if input_only
                else "weakspot.duplicate_name",
                "low" if input_only else "high",
                ids,
                {
                    "count": len(ids),
                    "parent": parent_name,
                    "name": after.unit(ids[0]).name,
                    "units": ", ".join(ids),
                },
            )
        )
    return found


def _kind(rules: KindRules) -> dict[Lang, str]:
    """A kind's label in both languages (a message field)."""
    return rules.labels


def _sum_by_kind(org: Organisation, attribute: str) -> Counter[str]:
    total: Counter[str] = Counter()
    for unit in org.units:
        total[unit.kind] += getattr(unit, attribute)
    return total


def plan_weak_spots(
    before: Organisation, scenario: Scenario, plan: Plan
) -> tuple[WeakSpot, ...]:
    """:func:`weak_spots` of ``plan`` under ``scenario``'s rules and
    coherence policy, judged on the structure after the plan."""
    rulebook = scenario.rulebook()
    after = apply_structure(before, plan, rulebook)
    policy = CoherencePolicy.from_scenario(scenario, rulebook)
    return weak_spots(before, plan, after, rulebook, policy)
