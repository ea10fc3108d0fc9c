"""Support units a greedy draft brought together, made one.

When departments merge, or a chi cục folds into its department, their
offices, inspectorates and planning-finance divisions end under one unit;
as in 2025 they consolidate as part of that decision (docs/semantics.md
section 5). CP-SAT's model requires it (``families/partition.py``
``_consolidate``); the greedy steps choose merges one at a time, so this
last step does the same to their draft, so that the greedy plan is one
CP-SAT accepts as its warm start and the two can be compared.
"""

from __future__ import annotations

from dataclasses import replace

from orgplan.optimize.greedy.search import _Draft, _Search
from orgplan.semantics.after import apply_structure
from orgplan.semantics.coherence import unconsolidated
from orgplan.semantics.scope import final_homes, merge_obstacle


def consolidated(search: _Search, draft: _Draft) -> _Draft:
    """``draft`` with each set of support units of one type that its
    decisions brought under one unit merged into the largest of them.

    A set joins the groups its units already lead or belong to; a set
    that would pass ``scope.max_group_size``, split a must-not-merge
    pair, or that the rules forbid, is left as it is (the checker warns
    of it, ``coherence.unconsolidated``).
    """
    org, rulebook, scenario = search.org, search.rulebook, search.scenario
    plan = search._plan(draft)
    after = apply_structure(org, plan, rulebook)
    homes = final_homes(org, plan)
    groups = list(draft.groups)
    policy = search.judge.policy
    for _, _, ids in unconsolidated(org, after, search.free, policy):
        touched = [g for g in groups if set(g) & set(ids)]
        members = set(ids).union(*map(set, touched))
        if len(members) > scenario.scope.max_group_size or search._apart(
            members, members
        ):
            continue
        rep, *rest = search._by_size(sorted(members, key=search._key))
        if any(
            merge_obstacle(
                org,
                rulebook,
                scenario,
                org.unit(rep),
                org.unit(uid),
                search.localities,
                search.judge,
                homes=homes,
            )
            for uid in rest
        ):
            continue
        groups = [g for g in groups if g not in touched] + [(rep, *rest)]
    return replace(draft, groups=tuple(groups))
