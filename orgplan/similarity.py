"""Functional similarity of units (docs/semantics.md section 6).

Two units are alike when they do the same things: the Jaccard similarity of
their function sets, each extended with the taxonomy parents of its
functions, so that two units with related (sibling) functions still score
above zero. The checker, the greedy baseline and CP-SAT all use these.
"""

from __future__ import annotations

from collections.abc import Iterable

from orgplan.model import Organisation


def function_set(
    org: Organisation, functions: Iterable[str]
) -> frozenset[str]:
    """The codes in ``functions`` with all their taxonomy ancestors.

    Parameters
    ----------
    org
        Its ``functions`` table gives each code's parent; codes missing
        from the table are kept and have no parent.
    functions
        Function codes.

    Returns
    -------
    frozenset of str
        The codes, their parents, the parents' parents and so on.
    """
    found: set[str] = set()
    for code in functions:
        # Walk up; stop at a code already seen (shared ancestors, or a
        # cycle in hand-made data).
        while code is not None and code not in found:
            found.add(code)
            entry = org.function_by_code.get(code)
            code = entry.parent if entry is not None else None
    return frozenset(found)


def families(org: Organisation, functions: Iterable[str]) -> frozenset[str]:
    """The function set of ``functions`` with the sectors of the functions.

    A mandate item linked under another area's function (public
    investment under the budget) keeps its own area through the
    ``sector`` column of ``functions.csv``: two divisions of Planning and
    Investment share the family ``planning`` even when one's function
    sits under Finance. Only the sectors of ``functions`` themselves
    count, not those of their ancestors (which would relate anything
    linked to a linked item). Used by the coherence rule, not the score.
    """
    codes = tuple(functions)
    sectors = {
        entry.sector
        for code in codes
        if (entry := org.function_by_code.get(code)) is not None
        and entry.sector
    }
    return function_set(org, codes) | sectors


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """``|a & b| / |a | b|``; two empty sets give 0, not 1."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def similarity(org: Organisation, a: str, b: str) -> float:
    """The functional similarity of units ``a`` and ``b`` (0 to 1).

    Parameters
    ----------
    org
        The organisation holding both units and the function taxonomy.
    a, b
        Unit ids.

    Returns
    -------
    float
        The Jaccard similarity of the units' extended function sets; 1
        for two support units of one type (two offices, two
        inspectorates): they do the same work for their departments, so
        that merged departments consolidate them (docs/semantics.md 6).

    Raises
    ------
    KeyError
        If ``a`` or ``b`` is not a unit of ``org``.
    """
    # Imported here: the coherence rule is built on this module.
    from orgplan.semantics.coherence import CoherencePolicy, support_type

    ua, ub = org.unit(a), org.unit(b)
    kind = support_type(ua, CoherencePolicy())
    if kind is not None and kind == support_type(ub, CoherencePolicy()):
        return 1.0
    return jaccard(
        function_set(org, ua.functions), function_set(org, ub.functions)
    )
