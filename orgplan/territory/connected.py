"""Connected groups without a solver: components and the groups that
are not connected in the neighbour graph (what the checker asks)."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping


def symmetric(graph: Mapping[str, Iterable[str]]) -> dict[str, set[str]]:
    """``graph`` with every edge both ways and no self-loops."""
    out: dict[str, set[str]] = {u: set() for u in graph}
    for u, others in graph.items():
        for v in others:
            if v != u:
                out[u].add(v)
                out.setdefault(v, set()).add(u)
    return out


def components(
    nodes: Iterable[str], graph: Mapping[str, Iterable[str]]
) -> list[set[str]]:
    """Connected components of the subgraph induced by ``nodes``."""
    adjacency = symmetric(graph)
    left = list(dict.fromkeys(nodes))
    inside = set(left)
    seen: set[str] = set()
    found = []
    for start in left:
        if start in seen:
            continue
        part = {start}
        queue = deque([start])
        while queue:
            u = queue.popleft()
            for v in adjacency.get(u, ()):
                if v in inside and v not in part:
                    part.add(v)
                    queue.append(v)
        seen |= part
        found.append(part)
    return found


def disconnected_groups(
    groups: Mapping[str, Iterable[str]], graph: Mapping[str, Iterable[str]]
) -> dict[str, list[set[str]]]:
    """The groups (by representative) that are not connected in ``graph``.

    Each maps to its components, the representative's first.
    """
    bad = {}
    for rep, group in groups.items():
        parts = components([rep, *group], graph)
        if len(parts) > 1:
            bad[rep] = parts
    return bad
