"""Graph views and headline numbers of an organisation (networkx).

Pure functions of the model: the chain of command as a tree, the map of
neighbouring localities and the hop distances on it, the metrics of
docs/semantics.md section 3 and the fuller ``orgplan stats`` summary.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import asdict
from typing import Any

import networkx as nx

from orgplan.caps import OverCap, over_cap
from orgplan.i18n import message
from orgplan.labels import Lang
from orgplan.model import Organisation, Unit
from orgplan.plan import Metrics
from orgplan.rules import Rulebook

# Span-of-control buckets as Orgvue reports them: (label, smallest span).
SPAN_BUCKETS: tuple[tuple[str, int], ...] = (
    ("1", 1),
    ("2-3", 2),
    ("4-7", 4),
    ("8-12", 8),
    ("13-16", 13),
    ("17+", 17),
)


def hierarchy(org: Organisation) -> nx.DiGraph:
    """The chain of command: an edge from each parent to each child.

    Each node is a unit id with the :class:`~orgplan.model.Unit` in its
    ``unit`` attribute. A parent id missing from ``org`` adds no edge (the
    input checks report it).
    """
    graph = nx.DiGraph()
    for unit in org.units:
        graph.add_node(unit.id, unit=unit)
    graph.add_edges_from(
        (unit.parent, unit.id)
        for unit in org.units
        if unit.parent in org.unit_by_id
    )
    return graph


def locality_graph(org: Organisation) -> nx.Graph:
    """Neighbouring localities, undirected.

    A pair listed once (A names B but B does not name A) is still one
    edge both ways. Each node has its :class:`~orgplan.model.Locality` in
    the ``locality`` attribute; neighbour ids that are not localities of
    ``org`` are left out (the input checks report them).
    """
    graph = nx.Graph()
    for locality in org.localities:
        graph.add_node(locality.id, locality=locality)
    graph.add_edges_from(
        (locality.id, other)
        for locality in org.localities
        for other in locality.neighbours
        if other in org.locality_by_id and other != locality.id
    )
    return graph


def hops(org: Organisation) -> dict[str, dict[str, int]]:
    """Locality hop distances: ``hops(org)[a][b]`` steps from a to b.

    A locality is 0 hops from itself; pairs with no path between them are
    absent.
    """
    return {
        source: dict(lengths)
        for source, lengths in nx.all_pairs_shortest_path_length(
            locality_graph(org)
        )
    }


def depths(org: Organisation) -> dict[str, int]:
    """The depth of each unit below its root (a root is at depth 1).

    Units that no root reaches (a cycle in bad data) are absent.
    """
    depth: dict[str, int] = {}
    level = list(org.roots)
    current = 1
    while level:
        for uid in level:
            depth[uid] = current
        level = [child for uid in level for child in org.children(uid)]
        current += 1
    return depth


def spans(org: Organisation) -> dict[str, int]:
    """Span of control: the number of direct children of each parent."""
    return {
        unit.id: len(org.children(unit.id))
        for unit in org.units
        if org.children(unit.id)
    }


def metrics(org: Organisation, rulebook: Rulebook) -> Metrics:
    """The headline numbers of docs/semantics.md section 3.

    Parameters
    ----------
    org
        The organisation to measure.
    rulebook
        Says which kinds count as focal points.

    Returns
    -------
    Metrics
        Units, focal points, layers, intermediate units, leaders and staff.

    Raises
    ------
    KeyError
        If a unit's kind is not in the rulebook.
    """
    units = org.units
    heads = sum(u.heads for u in units)
    deputies = sum(u.deputies for u in units)
    return Metrics(
        units=len(units),
        focal_points=sum(rulebook.kind(u.kind).focal_point for u in units),
        layers=max(depths(org).values(), default=0),
        intermediate_units=sum(
            1 for u in units if u.parent and org.children(u.id)
        ),
        heads=heads,
        deputies=deputies,
        leaders=heads + deputies,
        quota=sum(u.quota for u in units),
        actual=sum(u.actual for u in units),
        surplus=sum(u.surplus for u in units),
        deficit=sum(u.deficit for u in units),
        units_by_kind=dict(Counter(u.kind for u in units)),
    )


def span_summary(org: Organisation) -> dict[str, Any]:
    """Minimum, median, maximum, mean and bucket counts of the spans.

    Every bucket of :data:`SPAN_BUCKETS` is present, in order, even when
    empty; the numbers are ``None`` when no unit has children.
    """
    values = sorted(spans(org).values())
    distribution = {name: 0 for name, _ in SPAN_BUCKETS}
    for value in values:
        name = next(n for n, low in reversed(SPAN_BUCKETS) if value >= low)
        distribution[name] += 1
    return {
        "min": values[0] if values else None,
        "median": statistics.median(values) if values else None,
        "max": values[-1] if values else None,
        "mean": round(statistics.fmean(values), 2) if values else None,
        "distribution": distribution,
    }


def stats(
    org: Organisation, rulebook: Rulebook, lang: Lang = "vi"
) -> dict[str, Any]:
    """Everything ``orgplan stats`` shows, as JSON-ready data.

    The :func:`metrics`, plus ``units_by_level``, ``spans`` (see
    :func:`span_summary`), ``by_locality`` (units and staff of each
    locality, surplus and deficit summed unit by unit as in the metrics;
    units with no locality are left out), ``by_unit`` (the staff balance
    of every unit) and ``over_cap`` (units above their deputy cap).

    Parameters
    ----------
    org
        The organisation to summarise.
    rulebook
        The rules for focal points and deputy caps.
    lang
        ``"vi"`` names units and localities as in the data, ``"en"`` by
        their ``name_en`` where there is one.

    Returns
    -------
    dict
        Only str, int, float, None, lists and dicts: ready for
        ``json.dumps``.

    Raises
    ------
    KeyError
        If a unit's kind is not in the rulebook.
    """
    result: dict[str, Any] = {"name": org.name}
    result.update(metrics(org, rulebook).model_dump())
    result["units_by_level"] = dict(Counter(u.level for u in org.units))
    result["spans"] = span_summary(org)
    result["by_locality"] = _by_locality(org, lang)
    result["by_unit"] = [_balance(u, lang) for u in org.units]
    result["over_cap"] = [
        _over(org, entry, lang) for entry in over_cap(org, rulebook)
    ]
    return result


def _over(org: Organisation, entry: OverCap, lang: Lang) -> dict[str, Any]:
    row = asdict(entry)
    row["name"] = org.unit(entry.unit).label(lang)
    # The rule in the language asked for, not its message data.
    row["rule"] = message(row.pop("words"), lang)
    return row


def _balance(unit: Unit, lang: Lang) -> dict[str, Any]:
    return {
        "unit": unit.id,
        "name": unit.label(lang),
        "kind": unit.kind,
        "locality": unit.locality,
        "quota": unit.quota,
        "actual": unit.actual,
        "surplus": unit.surplus,
        "deficit": unit.deficit,
    }


def _by_locality(org: Organisation, lang: Lang) -> dict[str, Any]:
    table: dict[str, dict[str, Any]] = {}
    for locality in org.localities:
        name = locality.name_en if lang == "en" else None
        table[locality.id] = _locality_row(name or locality.name)
    for unit in org.units:
        if unit.locality is None:
            continue
        row = table.setdefault(unit.locality, _locality_row(unit.locality))
        row["units"] += 1
        row["quota"] += unit.quota
        row["actual"] += unit.actual
        row["surplus"] += unit.surplus
        row["deficit"] += unit.deficit
    return table


def _locality_row(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "units": 0,
        "quota": 0,
        "actual": 0,
        "surplus": 0,
        "deficit": 0,
    }
