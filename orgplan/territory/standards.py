"""The area and population standards of merged units, kinds and names.

Pure functions over :class:`~orgplan.territory.places.Place` records and
the rulebook's ``territorial`` section (Res. 1211/2016/UBTVQH13 as amended,
Res. 76/2025/UBTVQH15): what a unit after the merger must reach, what it
lacks, which kind it becomes and a proposed name.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from orgplan.model import Organisation
from orgplan.rules import AreaPopulation, Rulebook
from orgplan.territory.places import Place

ProvinceClass = str  # central_city, mountain_border or other

_PREFIXES = (
    "Thị trấn ",
    "Thành phố ",
    "Thị xã ",
    "Phường ",
    "Huyện ",
    "Quận ",
    "Tỉnh ",
    "Xã ",
)
_KIND_PREFIX = {"ward": "Phường", "commune": "Xã", "province": "Tỉnh"}


@dataclass(frozen=True)
class UnitAfter:
    """A unit after the merger, summed over its members."""

    id: str
    kind: str
    population: int
    area_km2: float
    terrain: str  # mountain, island or other
    members: int


@dataclass(frozen=True)
class Shortfall:
    """A standard a unit after the merger does not reach."""

    unit: str
    standard: str  # "area_km2" or "population"
    required: float
    actual: float
    rule: str  # the rulebook key, e.g. territorial.commune_after_merger
    source: str  # the decree, as the rulebook cites it

    def message(self) -> str:
        what = "area" if self.standard == "area_km2" else "population"
        unit = " km²" if self.standard == "area_km2" else ""
        return (
            f"{self.unit}: {what} {self.actual:,.6g}{unit} is below the "
            f"standard of {self.required:,.6g}{unit} ({self.rule})"
        )


def terrain_class(members: Iterable[Place]) -> str:
    """Mountain (or island) when such members hold most of the area."""
    members = list(members)
    total = sum(m.area_km2 for m in members)
    for terrain in ("mountain", "island"):
        share = sum(m.area_km2 for m in members if m.terrain == terrain)
        if total and share * 2 >= total:
            return terrain
        if not total and any(m.terrain == terrain for m in members):
            return terrain
    return "other"


# The kinds a merged unit chooses between by rule.
LOCAL_KINDS = ("commune", "ward")


def kind_weight(place: Place) -> int:
    """A member's weight in the urban share: its people, at least one
    (a place without a population still counts)."""
    return max(place.population, 1)


def new_kind(members: Sequence[Place], rulebook: Rulebook) -> str:
    """A ward when the members' people (:func:`kind_weight`) live mostly
    in wards or urban places, else a commune; provinces stay provinces.
    """
    if any(m.kind == "province" for m in members):
        return "province"
    total = sum(kind_weight(m) for m in members)
    urban = sum(kind_weight(m) for m in members if m.urban)
    threshold = rulebook.territorial.ward_urban_share
    return "ward" if urban >= threshold * total else "commune"


def merged_kind(
    organisation: Organisation, members: Sequence[str], rulebook: Rulebook
) -> str | None:
    """The kind a merger of communes and wards takes by rule, or ``None``
    when the rule does not apply (one member, another kind, a member
    without a locality: it keeps its representative's kind)."""
    units = [organisation.unit(uid) for uid in members]
    localities = organisation.locality_by_id
    if len(units) < 2 or any(
        u.kind not in LOCAL_KINDS or u.locality not in localities
        for u in units
    ):
        return None
    places = [
        Place(
            id=u.id,
            name=u.name,
            kind=u.kind,
            population=localities[u.locality].population or 0,
            terrain=localities[u.locality].terrain,
        )
        for u in units
    ]
    return new_kind(places, rulebook)


def unit_after(
    representative: str, members: Sequence[Place], rulebook: Rulebook
) -> UnitAfter:
    """The merged unit of ``members`` (its kind chosen by rule)."""
    return UnitAfter(
        id=representative,
        kind=new_kind(members, rulebook),
        population=sum(m.population for m in members),
        area_km2=round(sum(m.area_km2 for m in members), 6),
        terrain=terrain_class(members),
        members=len(members),
    )


def required(
    unit: UnitAfter,
    rulebook: Rulebook,
    province_class: ProvinceClass = "other",
) -> tuple[AreaPopulation, str] | None:
    """The thresholds ``unit`` must reach and their rulebook key.

    ``None`` when no standard applies (an exempt merger, a kind without
    one).
    """
    rules = rulebook.territorial
    if unit.members >= rules.exempt_from_members:
        return None
    if unit.kind == "ward":
        ward = rules.ward_after_merger
        population = ward.population.get(
            province_class, ward.population["other"]
        )
        need = AreaPopulation(area_km2=ward.area_km2, population=population)
        return need, "territorial.ward_after_merger"
    if unit.kind == "commune":
        base = rules.commune.get(unit.terrain, rules.commune["other"])
        factor = rules.commune_after_merger.get(
            unit.terrain, rules.commune_after_merger["other"]
        )
        key = "territorial.commune_after_merger"
    elif unit.kind == "province":
        terrain = "mountain" if unit.terrain == "mountain" else "other"
        base = rules.province[terrain]
        factor = rules.province_after_merger
        key = "territorial.province_after_merger"
    else:
        return None
    need = AreaPopulation(
        area_km2=base.area_km2 * factor.area,
        population=round(base.population * factor.population),
    )
    return need, key


def shortfalls(
    unit: UnitAfter,
    members: Sequence[Place],
    rulebook: Rulebook,
    province_class: ProvinceClass = "other",
) -> list[Shortfall]:
    """The standards ``unit`` (formed from ``members``) falls short of.

    ``members`` are the old units; a unit formed from three or more of them
    is exempt (Res. 76/2025), whatever ``unit.members`` says.
    """
    if len(members) >= rulebook.territorial.exempt_from_members:
        return []
    found = required(unit, rulebook, province_class)
    if found is None:
        return []
    need, key = found
    source = rulebook.source(key) or key
    short = []
    if unit.area_km2 < need.area_km2:
        short.append(
            Shortfall(
                unit.id, "area_km2", need.area_km2, unit.area_km2, key, source
            )
        )
    if unit.population < need.population:
        short.append(
            Shortfall(
                unit.id,
                "population",
                need.population,
                unit.population,
                key,
                source,
            )
        )
    return short


def province_class(organisation: Organisation) -> ProvinceClass:
    """The ward standard's class of the (single) province in the data.

    A province locality with mountain terrain counts as mountain or
    border; a central city is named by ``central_city`` nowhere in the
    data today, so it must be passed explicitly.
    """
    provinces = [
        loc for loc in organisation.localities if loc.level == "province"
    ]
    if len(provinces) == 1 and provinces[0].terrain == "mountain":
        return "mountain_border"
    return "other"


def short_name(name: str) -> str:
    """``name`` without its type ("Xã", "Phường", "Huyện"...)."""
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def propose_name(
    members: Sequence[Place],
    kind: str,
    district_names: Mapping[str, str],
    taken: Collection[str] = (),
) -> str:
    """A name for the merged unit, as the 2025 practice named them.

    The unit holding its old district's township takes the district's
    name; otherwise the most populous member's name. A name already
    ``taken`` gets the next free ordinal ("Xã Hòa An 2").
    """
    prefix = _KIND_PREFIX.get(kind, "")
    candidates = []
    for m in members:
        if m.name.startswith("Thị trấn ") and m.district in district_names:
            candidates.append(short_name(district_names[m.district]))
    by_people = sorted(members, key=lambda m: (-m.population, m.id))
    candidates += [short_name(m.name) for m in by_people]
    for base in candidates:
        name = f"{prefix} {base}".strip()
        if name not in taken:
            return name
    base = f"{prefix} {candidates[0]}".strip()
    n = 2
    while f"{base} {n}" in taken:
        n += 1
    return f"{base} {n}"
