"""Names of units in one language, before and after a plan.

A unit is shown by its own name: a merged unit by its new name, each
member by the name it had (never "Sở Tài chính, formed from Sở Tài
chính" because the representative took the new name). In English a
unit shows ``name_en``; a merged unit without one takes the English name
of the member whose name it took, else its Vietnamese name (a proper
name, as in the data). Where several units bear one name (each
department's "Văn phòng Sở"), :func:`distinct_name` tells one apart by
its parent's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from orgplan.i18n import Lang, both

if TYPE_CHECKING:
    from orgplan.model import Organisation, Unit
    from orgplan.plan import Plan


@dataclass(frozen=True)
class Names:
    """Unit id -> name before the plan and after it, in one language."""

    before: dict[str, str]
    after: dict[str, str]

    def now(self, unit_id: str) -> str:
        """The name after the plan (a vanished unit: its last name)."""
        return self.after.get(unit_id) or self.before.get(unit_id, unit_id)

    def former(self, unit_id: str) -> str:
        """The name before the plan (a new unit: its name after)."""
        return self.before.get(unit_id) or self.after.get(unit_id, unit_id)


def unit_names(
    organisation: Organisation, plan: Plan | None, lang: Lang
) -> Names:
    """The names of ``organisation``'s units before and after ``plan``."""
    before = {u.id: u.label(lang) for u in organisation.units}
    if plan is None:
        return Names(before, {})
    after = {u.id: u.label(lang) for u in plan.units_after}
    if lang == "en":
        english = {
            u.name: u.name_en for u in organisation.units if u.name_en
        }
        for merge in plan.merges:
            name = merge.name_en or english.get(merge.name)
            after[merge.into] = name or merge.name
    else:
        # The merger names the unit it forms.
        for merge in plan.merges:
            after[merge.into] = merge.name
    return Names(before, after)


def distinct_name(
    organisation: Organisation, unit: Unit
) -> str | dict[Lang, str]:
    """``unit``'s name as a message field (:func:`orgplan.i18n.message`):
    the name alone when no other unit of ``organisation`` bears it, else
    with its parent's, "Văn phòng Sở (Sở Nội vụ)", in both languages
    (every department may have its "Văn phòng Sở")."""
    parent = organisation.unit_by_id.get(unit.parent or "")
    if parent is None or organisation.name_counts[unit.name] < 2:
        return unit.name
    return both("unit_in_parent", name=unit.name, parent=parent.name)
