"""Split options of a unit with children (docs/semantics.md sections 1-2).

The 2025 pattern: a department is dissolved, each of its functions goes
to the surviving sibling whose mandate holds it, and each of its
divisions follows its functions (Labour-Invalids-Social Affairs:
vocational training to Education, social protection and children to
Health, poverty reduction to Agriculture and Environment, the rest to
Home Affairs). Support divisions (office, inspectorate, planning-finance)
go to the receiver of the largest part, where they may consolidate with
its own (:func:`orgplan.semantics.coherence.split_routes`).
"""

from __future__ import annotations

from collections.abc import Collection

import networkx as nx

from orgplan.model import Organisation
from orgplan.optimize.candidates import Part, SplitOption
from orgplan.rules import Rulebook
from orgplan.semantics.coherence import (
    CoherencePolicy,
    split_routes,
    support_type,
)
from orgplan.semantics.scope import split_part_related
from orgplan.semantics.staff import (
    largest_remainder,
    split_shares,
    staff_split,
)
from orgplan.semantics.terms import split_cost

# A unit with children is dissolved when its work spreads over three or
# more siblings, as Labour-Invalids-Social Affairs' did in 2025; work
# shared by two is a merge into the one holding most of it (the Ethnic
# Committee's into Home Affairs).
MIN_RECEIVERS = 3


def tree_split_options(
    org: Organisation,
    rulebook: Rulebook,
    uid: str,
    graph: nx.Graph,
    policy: CoherencePolicy,
    locked: Collection[str],
) -> tuple[SplitOption, ...]:
    """The split of ``uid`` (a unit with children) among its siblings.

    One option at most: each function of ``uid`` goes to the sibling it
    may merge with (a neighbour in the candidate ``graph``) whose mandate
    holds it, each child follows its functions, a support child goes to
    the receiver of the largest part
    (:func:`~orgplan.semantics.coherence.split_routes`). None when a
    function or a child (other than a support unit) has no receiver,
    when fewer than :data:`MIN_RECEIVERS` receivers take its functions
    (a merge fits), or when
    a unit of the subtree is locked (a lock protects the subtree,
    semantics section 1).
    """
    unit = org.unit(uid)
    kids = org.children(uid)
    if len(unit.functions) < 2 or _locked_below(org, uid, locked):
        return ()
    receivers = sorted(
        r for r in graph.neighbors(uid) if org.unit(r).parent == unit.parent
    )
    routes = split_routes(org, uid, receivers, policy)
    targets = [routes[code] for code in unit.functions]
    if None in targets or len(set(targets)) < MIN_RECEIVERS:
        return ()
    order = list(dict.fromkeys(t for t in targets if t is not None))
    functions = {
        r: tuple(c for c in unit.functions if routes[c] == r) for r in order
    }
    if not all(
        split_part_related(org, functions[r], org.unit(r)) for r in order
    ):
        return ()
    staff_each = largest_remainder(unit.actual, [1] * len(unit.functions))
    staff = [
        sum(
            s
            for s, c in zip(staff_each, unit.functions, strict=True)
            if routes[c] == r
        )
        for r in order
    ]
    # The heir takes the support children, as apply gives children no
    # part names (largest part, ties: first).
    heir = order[max(range(len(order)), key=lambda i: (staff[i], -i))]
    children: dict[str, list[str]] = {r: [] for r in order}
    for child in kids:
        to = routes.get(child)
        if to not in children:
            in_scope = child in graph
            if in_scope and support_type(org.unit(child), policy) is None:
                return ()
            to = heir
        children[to].append(child)
    quota = largest_remainder(unit.quota, staff)
    shares = split_shares(staff_split(unit, rulebook), staff)
    parts = tuple(
        Part(
            r,
            functions[r],
            s,
            q,
            share.get("civil_servant", 0),
            tuple(children[r]),
        )
        for r, s, q, share in zip(order, staff, quota, shares, strict=True)
    )
    cost = split_cost(org, [(p.functions, p.to) for p in parts])
    return (SplitOption(uid, parts, cost),)


def _locked_below(
    org: Organisation, uid: str, locked: Collection[str]
) -> bool:
    stack = list(org.children(uid))
    while stack:
        child = stack.pop()
        if child in locked or org.unit(child).locked:
            return True
        stack.extend(org.children(child))
    return False
