"""Names of merged communes, wards and provinces, as 2025 named them.

Res. 76/2025/UBTVQH15 asked a new commune or ward to take a name its
people know: one of its old units' names, its old district's, or an
ordinal. :func:`territorial_names` renames each merge of territorial
units the scenario gives no ``names`` entry for with
:func:`~orgplan.territory.standards.propose_name` (the old district's
name when it holds the district's township, else its most populous
member's, with the kind after the merger as prefix: "Phường", "Xã",
"Tỉnh"), instead of the members' names joined. The naming rules call it
(:func:`orgplan.semantics.naming.name_plan`); a name two units would
share is then numbered there like any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from orgplan.model import Organisation
from orgplan.plan import Merge
from orgplan.rules import Rulebook
from orgplan.territory.places import (
    TERRITORIAL_KINDS,
    places_from_organisation,
)
from orgplan.territory.standards import merged_kind, propose_name


def territorial_names(
    organisation: Organisation,
    merges: Iterable[Merge],
    chosen: Mapping[str, str],
    names: Mapping[str, str],
    rulebook: Rulebook | None = None,
) -> dict[str, str]:
    """``chosen`` (name by representative) with each merge of
    territorial units that no ``names`` entry covers named by
    :func:`~orgplan.territory.standards.propose_name`.

    Without ``rulebook`` a merger keeps its representative's kind in the
    name's prefix (the kind rule needs the rulebook's urban share).
    """
    merges = [m for m in merges if len(m.members) > 1]
    places = places_from_organisation(organisation, TERRITORIAL_KINDS)
    territorial = [
        m
        for m in merges
        if all(u in places for u in m.members)
        and not any(u in names for u in m.members)
    ]
    if not territorial:
        return dict(chosen)
    districts = {
        loc.id: loc.name
        for loc in organisation.localities
        if loc.level == "district"
    }
    merged = {u for m in merges for u in m.members}
    taken = {p.name for u, p in places.items() if u not in merged}
    out = dict(chosen)
    for merge in territorial:
        kind = (
            merged_kind(organisation, merge.members, rulebook)
            if rulebook is not None
            else None
        ) or places[merge.into].kind
        group = [places[u] for u in merge.members]
        out[merge.into] = propose_name(group, kind, districts, taken)
        taken.add(out[merge.into])
    return out
