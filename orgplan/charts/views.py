"""Build the before, after and diff charts from an organisation and a plan.

The diff chart is the organisation after, plus a dashed or dotted box for
each unit that vanished, placed where it went: a unit merged away under
the merged unit, a folded unit under the unit it folded into, a split or
removed unit under what its parent became (its note names the units
that took its functions). No line crosses the chart to say where a unit
went.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from orgplan.apply import apply
from orgplan.caps import over_cap
from orgplan.charts.model import Box, Chart, Status, View
from orgplan.errors import ChartError
from orgplan.i18n import Lang, label
from orgplan.i18n.names import unit_names
from orgplan.model import Organisation, Unit
from orgplan.plan import Plan
from orgplan.rules import Rulebook

# Unit names are wrapped in boxes; long lists of names in notes are cut.
_MAX_NAMES = 4


def organisation_after(org: Organisation, plan: Plan) -> Organisation:
    """The organisation after ``plan``.

    A plan from the solver or from plan.json carries it as
    ``units_after``; a plan built by hand without it is applied here.

    Raises
    ------
    orgplan.errors.OrgplanError
        If the plan does not fit the organisation.
    """
    if plan.units_after:
        return Organisation(
            units=plan.units_after,
            localities=org.localities,
            functions=org.functions,
            name=org.name,
        )
    return apply(org, plan)


def build_chart(
    org: Organisation,
    plan: Plan | None,
    view: View,
    lang: Lang,
    rulebook: Rulebook,
) -> Chart:
    """The chart of one view, every unit included.

    Raises
    ------
    orgplan.errors.ChartError
        If the after or diff view is asked for without a plan.
    """
    title = label(f"chart_{view}", lang)
    if org.name:
        title = f"{org.name}: {title}"
    if view == "before":
        return _plain(org, None, view, lang, rulebook, title)
    if plan is None:
        raise ChartError.of(
            "error_chart_no_plan",
            view={"en": view, "vi": label(f"chart_{view}", "vi")},
        )
    after = organisation_after(org, plan)
    if view == "after":
        return _plain(after, plan, view, lang, rulebook, title)
    return _diff(org, after, plan, lang, rulebook, title)


def _plain(
    org: Organisation,
    plan: Plan | None,
    view: View,
    lang: Lang,
    rulebook: Rulebook,
    title: str,
) -> Chart:
    boxes = _boxes(org, org.units, plan, lang, rulebook)
    return Chart(
        view=view,
        lang=lang,
        title=title,
        boxes=boxes,
        children=_tree(org, set(boxes)),
    )


def _diff(
    before: Organisation,
    after: Organisation,
    plan: Plan,
    lang: Lang,
    rulebook: Rulebook,
    title: str,
) -> Chart:
    status: dict[str, Status] = {}
    notes: dict[str, str] = {}
    # Where a vanished unit is drawn: under the unit it went into.
    home: dict[str, str] = {}
    where = _destinations(plan)
    names = unit_names(before, plan, lang)

    for merge in plan.merges:
        others = [m for m in merge.members if m != merge.into]
        status[merge.into] = "merged"
        # Members by the names they had: the representative's own name
        # may be the new one.
        notes[merge.into] = label("chart_formed_from", lang).format(
            names=_names(names.former(m) for m in merge.members)
        )
        for member in others:
            status[member] = "merged_away"
            home[member] = merge.into
            notes[member] = label("chart_merged_into", lang).format(
                name=names.now(merge.into)
            )
    for fold in plan.flattened:
        target = _resolve(fold.into, where, after)
        status[fold.unit] = "folded"
        notes[fold.unit] = label("chart_folded_into", lang).format(
            name=names.now(target or fold.into)
        )
        if target:
            status.setdefault(target, "receiving")
            home[fold.unit] = target
    for split in plan.splits:
        status[split.unit] = "split"
        targets = [_resolve(p.to, where, after) for p in split.parts]
        notes[split.unit] = label("chart_split_to", lang).format(
            names=_names(
                f"{names.now(t or p.to)} ({', '.join(p.functions)}: "
                f"{p.staff})"
                for t, p in zip(targets, split.parts, strict=True)
            )
        )
        for target in targets:
            if target:
                status.setdefault(target, "receiving")
    for unit in after.units:
        if unit.id not in before.unit_by_id:
            status.setdefault(unit.id, "new")
    gone = [u for u in before.units if u.id not in after.unit_by_id]
    for unit in gone:
        status.setdefault(unit.id, "removed")

    boxes = _boxes(after, after.units, plan, lang, rulebook)
    boxes.update(_boxes(before, gone, None, lang, rulebook, with_caps=False))
    boxes = {
        uid: replace(
            box, status=status.get(uid, "unchanged"), note=notes.get(uid)
        )
        for uid, box in boxes.items()
    }
    children = {k: list(v) for k, v in _tree(after, set(boxes)).items()}
    for unit in gone:
        anchor = home.get(unit.id)
        if anchor is None and unit.parent:
            anchor = _resolve(unit.parent, where, after)
        children.setdefault(anchor, []).append(unit.id)
    return Chart(
        view="diff",
        lang=lang,
        title=title,
        boxes=boxes,
        children={k: tuple(v) for k, v in children.items()},
    )


def _destinations(plan: Plan) -> dict[str, str]:
    """Where each vanished unit's children went (docs/semantics.md 2)."""
    where: dict[str, str] = {}
    for split in plan.splits:
        largest = max(split.parts, key=lambda p: p.staff, default=None)
        if largest is not None:
            where[split.unit] = largest.to
    for fold in plan.flattened:
        where[fold.unit] = fold.into
    for merge in plan.merges:
        for member in merge.members:
            if member != merge.into:
                where[member] = merge.into
    return where


def _resolve(
    unit_id: str | None, where: dict[str, str], after: Organisation
) -> str | None:
    """The unit of ``after`` that ``unit_id`` became, if any."""
    seen: set[str] = set()
    while unit_id is not None and unit_id not in after.unit_by_id:
        if unit_id in seen:
            return None
        seen.add(unit_id)
        unit_id = where.get(unit_id)
    return unit_id


def _boxes(
    org: Organisation,
    units: Iterable[Unit],
    plan: Plan | None,
    lang: Lang,
    rulebook: Rulebook,
    *,
    with_caps: bool = True,
) -> dict[str, Box]:
    """Boxes of ``units``; excess deputies are measured on ``org``.

    ``plan`` (for the organisation after) gives the merge bonus of merged
    units and the deadline of each excess.
    """
    members = {m.into: len(m.members) for m in plan.merges} if plan else {}
    deadlines = {
        entry.unit: entry.reduce_by
        for entry in (plan.leadership if plan else ())
        if entry.reduce_by
    }
    excess = (
        {o.unit: o.excess for o in over_cap(org, rulebook, members)}
        if with_caps
        else {}
    )
    return {
        unit.id: Box(
            id=unit.id,
            name=unit.label(lang),
            kind=_kind_label(unit.kind, lang, rulebook),
            heads=unit.heads,
            deputies=unit.deputies,
            quota=unit.quota,
            actual=unit.actual,
            excess=excess.get(unit.id, 0),
            reduce_by=deadlines.get(unit.id) if unit.id in excess else None,
        )
        for unit in units
    }


def _tree(
    org: Organisation, shown: set[str]
) -> dict[str | None, tuple[str, ...]]:
    children: dict[str | None, list[str]] = {}
    for unit in org.units:
        parent = unit.parent if unit.parent in org.unit_by_id else None
        if unit.id in shown:
            children.setdefault(parent, []).append(unit.id)
    return {k: tuple(v) for k, v in children.items()}


def _kind_label(kind: str, lang: Lang, rulebook: Rulebook) -> str:
    rules = rulebook.kinds.get(kind)
    if rules is None:
        return kind
    return rules.label_vi if lang == "vi" else rules.label_en


def _names(names: Iterable[str]) -> str:
    names = list(names)
    if len(names) > _MAX_NAMES:
        return ", ".join(names[:_MAX_NAMES]) + f" (+{len(names) - _MAX_NAMES})"
    return ", ".join(names)
