"""Which units may merge because their work is related (docs/semantics.md).

Coherence is a rule, not only a weight: by default two units may merge
only when their work is related.

- Two units with functions are related when their function families
  (:func:`orgplan.similarity.families`: the functions, their taxonomy
  ancestors and the sectors ``functions.csv`` gives them) meet: they
  share a function or a function family. A taxonomy groups mandates that
  belong together under one ancestor; the roots are the widest families.
- Public service units (kinds whose staff are public employees by
  default, Law on Public Employees 2010) serve one type of service each:
  they are related only when they share a function or the direct parent
  of one (a preschool with a preschool, not with a primary school).
- Support divisions (office ``văn phòng``, inspectorate ``thanh tra``,
  planning-finance ``kế hoạch - tài chính``) are related only to a
  support division of the same type: the office of a department never
  merges with its minerals division. Two of the same type under one
  parent after a merge are duplicates that must consolidate.
- Without functions on either side, two units with a sector are related
  when the sectors are equal; with neither, coherence cannot be judged
  and the pair counts as related (the plan warns).

The scenario narrows the rule with ``scope.min_similarity`` (related
pairs must also reach that similarity) and widens it with
``scope.allow_pairs`` (pairs of kinds, sectors or function codes that are
always related; ``*`` matches anything).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from orgplan.model import Organisation, Unit
from orgplan.similarity import families, function_set, jaccard

if TYPE_CHECKING:
    from orgplan.rules import Rulebook
    from orgplan.scenario import Scenario

Reason = Literal[
    "allowed_pair",
    "shared_function",
    "shared_family",
    "same_support",
    "same_sector",
    "not_judged",
    "different_families",
    "different_service",
    "different_support",
    "different_sectors",
    "below_min_similarity",
]
SupportType = Literal["office", "inspectorate", "plan_finance"]

# Segments of a function code that mark a support task (the generic keys
# of a department's mandate) and the support type each gives.
_SUPPORT_SEGMENTS: dict[str, SupportType] = {
    "office": "office",
    "inspection": "inspectorate",
    "plan_finance": "plan_finance",
}
# Names of support divisions, lower case without punctuation.
_SUPPORT_NAMES: tuple[tuple[re.Pattern[str], SupportType], ...] = (
    (re.compile(r"^văn phòng\b"), "office"),
    # A sub-department's office is its administration division.
    (re.compile(r"\bhành chính tổng hợp\b"), "office"),
    (re.compile(r"^thanh tra\b"), "inspectorate"),
    (
        re.compile(
            r"\b(kế hoạch (và )?tài chính|tài chính (và )?kế hoạch"
            r"|tài vụ)\b"
        ),
        "plan_finance",
    ),
)
WILDCARD = "*"


@dataclass(frozen=True)
class CoherencePolicy:
    """How strictly units must be related to merge.

    ``service_kinds`` need the same service type; ``support_kinds`` are
    the kinds whose office, inspectorate or planning-finance units are
    support units.
    """

    min_similarity: float = 0.0
    allow_pairs: frozenset[frozenset[str]] = frozenset()
    service_kinds: frozenset[str] = frozenset({"public_service_unit"})
    support_kinds: frozenset[str] = frozenset({"division"})

    @classmethod
    def from_scenario(cls, scenario: Scenario) -> CoherencePolicy:
        """The policy a scenario asks for, service kinds from its rules."""
        rulebook = scenario.rulebook()
        return cls(
            min_similarity=scenario.scope.min_similarity,
            allow_pairs=frozenset(
                frozenset(pair) for pair in scenario.scope.allow_pairs
            ),
            service_kinds=frozenset(
                kind
                for kind, rules in rulebook.kinds.items()
                if rules.default_category == "public_employee"
            ),
        )


@dataclass(frozen=True)
class Relation:
    """Whether two units are related, why, and what they share.

    ``shared`` holds the function codes the reason rests on (shared
    functions, or the families that link them), or the shared sector.
    """

    related: bool
    reason: Reason
    similarity: float = 0.0
    shared: tuple[str, ...] = field(default=())

    @property
    def judged(self) -> bool:
        return self.reason != "not_judged"


def support_type(unit: Unit, policy: CoherencePolicy) -> SupportType | None:
    """The support type of ``unit``, or ``None`` for a line unit.

    By a function code segment (``*.office.*``, ``*.inspection.*``,
    ``*.plan_finance.*``), else by the name (``Văn phòng...``,
    ``Thanh tra...``, ``...Kế hoạch - Tài chính``).
    """
    if unit.kind not in policy.support_kinds:
        return None
    for code in unit.functions:
        for segment in code.split("."):
            if segment in _SUPPORT_SEGMENTS:
                return _SUPPORT_SEGMENTS[segment]
    name = _plain(unit.name)
    for pattern, found in _SUPPORT_NAMES:
        if pattern.search(name):
            return found
    return None


def related(
    a: str, b: str, organisation: Organisation, policy: CoherencePolicy
) -> Relation:
    """Whether units ``a`` and ``b`` may merge by the coherence rule.

    Raises
    ------
    KeyError
        If ``a`` or ``b`` is not a unit of ``organisation``.
    """
    ua, ub = organisation.unit(a), organisation.unit(b)
    allowed = _allowed(ua, ub, organisation, policy)
    if allowed:
        return Relation(True, "allowed_pair", shared=allowed)
    relation = _by_rule(ua, ub, organisation, policy)
    if (
        relation.related
        and relation.judged
        and relation.similarity < policy.min_similarity
    ):
        return Relation(
            False,
            "below_min_similarity",
            relation.similarity,
            relation.shared,
        )
    return relation


def shared_families(
    organisation: Organisation,
    functions_a: Iterable[str],
    functions_b: Iterable[str],
) -> tuple[str, ...]:
    """The functions and families two function lists share, sorted."""
    return tuple(
        sorted(
            families(organisation, functions_a)
            & families(organisation, functions_b)
        )
    )


def unjudged_units(
    organisation: Organisation, kinds: Iterable[str] = ()
) -> tuple[str, ...]:
    """Units (of ``kinds``, all when empty) with no function and no sector.

    Their coherence cannot be judged: a plan merging them must warn.
    """
    wanted = set(kinds)
    return tuple(
        u.id
        for u in organisation.units
        if (not wanted or u.kind in wanted)
        and not u.functions
        and not u.sector
    )


def stranded_units(
    organisation: Organisation,
    policy: CoherencePolicy,
    rulebook: Rulebook,
    kinds: Iterable[str],
) -> tuple[str, ...]:
    """Undersized units of ``kinds`` with no related sibling to merge with.

    A unit below its kind's ``min_staff`` must merge, fold or split
    (docs/semantics.md section 5); when no sibling of a kind it may merge
    with is related to it (an office of 4 whose department has no other
    office), only a fold or a split can meet the minimum, or the scenario
    must widen coherence. Locks are not considered here.
    """
    wanted = set(kinds)
    found = []
    for unit in organisation.units:
        rules = rulebook.kinds.get(unit.kind)
        if (
            unit.kind not in wanted
            or rules is None
            or rules.min_staff is None
            or unit.quota >= rules.min_staff
        ):
            continue
        partners = {unit.kind, *rules.merges_with}
        if not any(
            related(unit.id, sibling, organisation, policy).related
            for sibling in organisation.children(unit.parent)
            if sibling != unit.id
            and organisation.unit(sibling).kind in partners
        ):
            found.append(unit.id)
    return tuple(found)


def duplicate_support(
    a: str, b: str, organisation: Organisation, policy: CoherencePolicy
) -> SupportType | None:
    """The support type ``a`` and ``b`` duplicate, if they do.

    Two distinct siblings (same parent in ``organisation``, the
    organisation after a merge) of the same support type are duplicate
    support units: their parents merged, so one office, one inspectorate,
    one planning-finance division must remain.
    """
    ua, ub = organisation.unit(a), organisation.unit(b)
    if a == b or ua.parent is None or ua.parent != ub.parent:
        return None
    found = support_type(ua, policy)
    return found if found and found == support_type(ub, policy) else None


def duplicate_support_groups(
    organisation: Organisation, parent: str, policy: CoherencePolicy
) -> dict[SupportType, tuple[str, ...]]:
    """The children of ``parent`` by support type, where two or more."""
    groups: dict[SupportType, list[str]] = {}
    for child in organisation.children(parent):
        found = support_type(organisation.unit(child), policy)
        if found:
            groups.setdefault(found, []).append(child)
    return {k: tuple(v) for k, v in groups.items() if len(v) > 1}


def _by_rule(
    ua: Unit, ub: Unit, org: Organisation, policy: CoherencePolicy
) -> Relation:
    if not ua.functions or not ub.functions:
        return _by_sector(ua, ub)
    extended_a = function_set(org, ua.functions)
    extended_b = function_set(org, ub.functions)
    score = jaccard(extended_a, extended_b)
    support_a = support_type(ua, policy)
    support_b = support_type(ub, policy)
    if support_a or support_b:
        if support_a == support_b:
            return Relation(True, "same_support", score, (str(support_a),))
        return Relation(False, "different_support", score)
    common = set(ua.functions) & set(ub.functions)
    if common:
        return Relation(True, "shared_function", score, tuple(sorted(common)))
    if policy.service_kinds & {ua.kind, ub.kind}:
        # Same service type: a shared function or a shared direct parent.
        near = _with_parents(org, ua.functions) & _with_parents(
            org, ub.functions
        )
        if near:
            return Relation(True, "shared_family", score, tuple(sorted(near)))
        return Relation(False, "different_service", score)
    shared = families(org, ua.functions) & families(org, ub.functions)
    if shared:
        return Relation(True, "shared_family", score, tuple(sorted(shared)))
    return Relation(False, "different_families", score)


def _by_sector(ua: Unit, ub: Unit) -> Relation:
    if not ua.sector or not ub.sector:
        return Relation(True, "not_judged")
    if ua.sector == ub.sector:
        return Relation(True, "same_sector", shared=(ua.sector,))
    return Relation(False, "different_sectors")


def _with_parents(org: Organisation, functions: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for code in functions:
        found.add(code)
        entry = org.function_by_code.get(code)
        if entry is not None and entry.parent:
            found.add(entry.parent)
    return found


def _labels(unit: Unit, org: Organisation) -> set[str]:
    """What an allow-list entry may name: kind, sector, extended functions."""
    found = {unit.kind, WILDCARD}
    if unit.sector:
        found.add(unit.sector)
    return found | function_set(org, unit.functions)


def _allowed(
    ua: Unit, ub: Unit, org: Organisation, policy: CoherencePolicy
) -> tuple[str, ...]:
    if not policy.allow_pairs:
        return ()
    la, lb = _labels(ua, org), _labels(ub, org)
    for pair in policy.allow_pairs:
        first, second = (*pair, *pair)[:2]
        if (first in la and second in lb) or (first in lb and second in la):
            return tuple(sorted(pair))
    return ()


def _plain(name: str) -> str:
    """Lower case, NFC, punctuation and repeated spaces dropped."""
    text = unicodedata.normalize("NFC", name).lower()
    text = re.sub(r"[-–,.;:()/]", " ", text)
    return re.sub(r"\s+", " ", text).strip()
