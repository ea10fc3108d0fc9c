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
- Territorial units merging with their neighbours (communes and wards,
  provinces: docs/semantics.md section 6a) are local governments of one
  level with the same mandate by law (Law on the Organisation of Local
  Government): any two are related, with similarity 1; whether their
  merger is sound is the territorial rules' question (connected groups,
  the standards), not their functions'.

The scenario narrows the rule with ``scope.min_similarity`` (related
pairs must also reach that similarity) and widens it with
``scope.allow_pairs`` (pairs of kinds, sectors or function codes that are
always related; ``*`` matches anything).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from orgplan.model import Organisation, Unit
from orgplan.similarity import families, function_set, jaccard
from orgplan.territory.places import territorial_kinds

if TYPE_CHECKING:
    from orgplan.rules import Rulebook
    from orgplan.scenario import Scenario

Reason = Literal[
    "allowed_pair",
    "shared_function",
    "shared_family",
    "same_support",
    "same_sector",
    "same_territory",
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
    # A chi cục's inspection division is "Phòng Thanh tra (- Pháp chế)".
    (re.compile(r"^(phòng )?thanh tra\b"), "inspectorate"),
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
    support units; ``territorial_kinds`` merge as territory (any two are
    related).
    """

    min_similarity: float = 0.0
    allow_pairs: frozenset[frozenset[str]] = frozenset()
    service_kinds: frozenset[str] = frozenset({"public_service_unit"})
    support_kinds: frozenset[str] = frozenset({"division"})
    territorial_kinds: frozenset[str] = frozenset()

    @classmethod
    def from_scenario(
        cls, scenario: Scenario, rulebook: Rulebook | None = None
    ) -> CoherencePolicy:
        """The policy a scenario asks for, service kinds from its rules
        (``rulebook``, else the scenario's own)."""
        rulebook = scenario.rulebook() if rulebook is None else rulebook
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
            territorial_kinds=frozenset(territorial_kinds(scenario.scope)),
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

    For many pairs of one organisation, :class:`Coherence` keeps what it
    derives per unit and is faster.

    Raises
    ------
    KeyError
        If ``a`` or ``b`` is not a unit of ``organisation``.
    """
    return Coherence(organisation, policy).related(a, b)


class Coherence:
    """The coherence rule on one organisation, per-unit facts cached.

    The rule reads a unit's kind, sector, functions and support type
    only, so units alike in these (the schools of many communes) share
    one profile, and each pair of profiles is judged once.
    """

    def __init__(
        self, organisation: Organisation, policy: CoherencePolicy
    ) -> None:
        self.organisation = organisation
        self.policy = policy
        self._profiles: dict[str, _Profile] = {}
        self._alike: dict[tuple[object, ...], _Profile] = {}
        self._relations: dict[tuple[_Profile, _Profile], Relation] = {}

    def related(self, a: str, b: str) -> Relation:
        """As :func:`related`."""
        key = (self._profile(a), self._profile(b))
        found = self._relations.get(key)
        if found is None:
            found = _judge(*key, self.policy)
            self._relations[key] = found
        return found

    def _profile(self, uid: str) -> _Profile:
        found = self._profiles.get(uid)
        if found is None:
            unit = self.organisation.unit(uid)
            support = support_type(unit, self.policy)
            alike = (unit.kind, unit.sector, unit.functions, support)
            found = self._alike.get(alike)
            if found is None:
                found = _profile(self.organisation, unit, support)
                self._alike[alike] = found
            self._profiles[uid] = found
        return found


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


def receiver_for(
    organisation: Organisation,
    functions: Iterable[str],
    receivers: Sequence[str],
) -> str | None:
    """The receiver whose work ``functions`` belong with, for a split.

    The receiver (a unit id) sharing most function families with
    ``functions`` (ties: the one listed first); ``None`` when none shares
    any, so that the part has no coherent home. A dissolved department's
    vocational training goes to Education, its poverty reduction to
    Agriculture, by the taxonomy alone.
    """
    wanted = families(organisation, functions)
    best, best_score = None, 0
    for uid in receivers:
        unit = organisation.unit(uid)
        score = len(wanted & families(organisation, unit.functions))
        if score > best_score:
            best, best_score = uid, score
    return best


def home_for(
    organisation: Organisation, code: str, receivers: Sequence[str]
) -> str | None:
    """The receiver whose own mandate holds function ``code``, for a split.

    A function belongs to another unit when that unit has the function
    itself, or its direct taxonomy parent, among its own functions (the
    taxonomy files Labour's vocational training under Education's
    continuing education); among several, the one sharing most families
    (:func:`receiver_for`). ``None`` when no receiver holds it: the
    function stays where it is, so the unit does not split.
    """
    entry = organisation.function_by_code.get(code)
    near = {code} | (
        {entry.parent} if entry is not None and entry.parent else set()
    )
    holders = [
        uid
        for uid in receivers
        if near & set(organisation.unit(uid).functions)
    ]
    return receiver_for(organisation, [code], holders)


def split_routes(
    organisation: Organisation,
    unit: str,
    receivers: Sequence[str],
    policy: CoherencePolicy,
) -> dict[str, str | None]:
    """Where each function and each child of ``unit`` goes when it splits.

    Keys are ``unit``'s function codes and child ids. A function goes to
    the receiver whose mandate holds it (:func:`home_for`). A child
    follows the functions of ``unit`` its own functions descend from (the
    receiver most of them go to; ties: first), else goes where its
    functions belong (:func:`receiver_for`). Support children (office,
    inspectorate, planning-finance) map to ``None``: they follow the
    largest part and consolidate with the receiver's own.
    """
    found = organisation.unit(unit)
    routes: dict[str, str | None] = {
        code: home_for(organisation, code, receivers)
        for code in found.functions
    }
    for child in organisation.children(unit):
        kid = organisation.unit(child)
        if support_type(kid, policy):
            routes[child] = None
            continue
        votes = [
            routes[origin]
            for code in kid.functions
            if (origin := _origin(organisation, code, found.functions))
        ]
        counted = [v for v in votes if v is not None]
        routes[child] = (
            max(dict.fromkeys(counted), key=counted.count)
            if counted
            else receiver_for(organisation, kid.functions, receivers)
        )
    return routes


def _origin(
    organisation: Organisation, code: str, functions: Sequence[str]
) -> str | None:
    """The first of ``functions`` that ``code`` is or descends from."""
    seen: set[str] = set()
    while code and code not in seen:
        if code in functions:
            return code
        seen.add(code)
        entry = organisation.function_by_code.get(code)
        code = entry.parent if entry is not None and entry.parent else ""
    return None


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
    judge = Coherence(organisation, policy)
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
            judge.related(unit.id, sibling).related
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


def unconsolidated(
    organisation: Organisation,
    after: Organisation,
    free: Iterable[str],
    policy: CoherencePolicy,
) -> list[tuple[str, SupportType, tuple[str, ...]]]:
    """Support units a plan should have consolidated and did not.

    Under each unit of ``after`` (the organisation after the plan's
    structure), the support units of one type that came from different
    parents of ``organisation`` (their parents merged, or a split moved
    one) and that are all ``free`` (in scope, not locked) of one kind: as
    in 2025, they consolidate as part of their parents' merge (docs/
    semantics.md section 5). Each entry is ``(parent, type, ids)``.
    Duplicates the input already had, or whose units the plan may not
    decide (locked or out of scope), are weak spots only.
    """
    movable = set(free)
    found = []
    for unit in after.units:
        groups = duplicate_support_groups(after, unit.id, policy)
        for kind, ids in groups.items():
            pool = [
                i for i in ids if i in movable and i in organisation.unit_by_id
            ]
            origins = {organisation.unit(i).parent for i in pool}
            kinds = {organisation.unit(i).kind for i in pool}
            if len(origins) > 1 and len(kinds) == 1:
                found.append((unit.id, kind, tuple(pool)))
    return found


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


@dataclass(frozen=True, eq=False)
class _Profile:
    """What the rule needs of one unit, derived once (compared by
    identity: :class:`Coherence` keeps one per set of such facts)."""

    kind: str
    sector: str | None
    functions: frozenset[str]
    extended: frozenset[str]
    families: frozenset[str]
    near: frozenset[str]
    support: SupportType | None
    labels: frozenset[str]


def _profile(
    org: Organisation, unit: Unit, support: SupportType | None
) -> _Profile:
    extended = function_set(org, unit.functions)
    near = set(unit.functions)
    for code in unit.functions:
        entry = org.function_by_code.get(code)
        if entry is not None and entry.parent:
            near.add(entry.parent)
    # What an allow-list entry may name: kind, sector, extended functions.
    labels = {unit.kind, WILDCARD, *extended}
    if unit.sector:
        labels.add(unit.sector)
    return _Profile(
        kind=unit.kind,
        sector=unit.sector,
        functions=frozenset(unit.functions),
        extended=extended,
        families=families(org, unit.functions),
        near=frozenset(near),
        support=support,
        labels=frozenset(labels),
    )


def _judge(pa: _Profile, pb: _Profile, policy: CoherencePolicy) -> Relation:
    """The rule on two profiles: an allowed pair, else by the rule and
    the scenario's ``min_similarity``."""
    allowed = _allowed(pa, pb, policy)
    if allowed:
        return Relation(True, "allowed_pair", shared=allowed)
    if {pa.kind, pb.kind} <= policy.territorial_kinds:
        return Relation(True, "same_territory", 1.0)
    relation = _by_rule(pa, pb, policy)
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


def _by_rule(pa: _Profile, pb: _Profile, policy: CoherencePolicy) -> Relation:
    if not pa.functions or not pb.functions:
        return _by_sector(pa.sector, pb.sector)
    score = jaccard(pa.extended, pb.extended)
    if pa.support or pb.support:
        if pa.support == pb.support:
            # The same work for their departments: similarity 1, as the
            # objective's incoherence term counts it (orgplan.similarity).
            return Relation(True, "same_support", 1.0, (str(pa.support),))
        return Relation(False, "different_support", score)
    common = pa.functions & pb.functions
    if common:
        return Relation(True, "shared_function", score, tuple(sorted(common)))
    if policy.service_kinds & {pa.kind, pb.kind}:
        # Same service type: a shared function or a shared direct parent.
        near = pa.near & pb.near
        if near:
            return Relation(True, "shared_family", score, tuple(sorted(near)))
        return Relation(False, "different_service", score)
    shared = pa.families & pb.families
    if shared:
        return Relation(True, "shared_family", score, tuple(sorted(shared)))
    return Relation(False, "different_families", score)


def _by_sector(first: str | None, second: str | None) -> Relation:
    if not first or not second:
        return Relation(True, "not_judged")
    if first == second:
        return Relation(True, "same_sector", shared=(first,))
    return Relation(False, "different_sectors")


def _allowed(
    pa: _Profile, pb: _Profile, policy: CoherencePolicy
) -> tuple[str, ...]:
    for pair in policy.allow_pairs:
        first, second = (*pair, *pair)[:2]
        la, lb = pa.labels, pb.labels
        if (first in la and second in lb) or (first in lb and second in la):
            return tuple(sorted(pair))
    return ()


def _plain(name: str) -> str:
    """Lower case, NFC, punctuation and repeated spaces dropped."""
    text = unicodedata.normalize("NFC", name).lower()
    text = re.sub(r"[-–,.;:()/]", " ", text)
    return re.sub(r"\s+", " ", text).strip()
