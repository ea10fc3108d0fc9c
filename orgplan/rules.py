"""The rulebook: caps, minimums and norms the decrees set, with sources.

A rulebook is plain data. The built-in ``vn-2025`` rulebook carries every
number docs/semantics.md uses; :data:`VN_2025_SOURCES` gives, for each number's
key path, the decree and article it comes from and how sure we are of it
(``[F]`` found, ``[F-draft]`` a draft, ``[U]`` an assumption to verify). A
scenario overrides any number with ``rules_overrides`` (a nested mapping
with the same keys).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from orgplan.model import StaffCategory

DeputyBasis = Literal["civil_servants", "staff", "child_units"]


class _Rules(BaseModel):
    # A rule override of nan or inf is no number (and hangs a search).
    model_config = ConfigDict(
        frozen=True, extra="forbid", allow_inf_nan=False
    )


class DeputyStep(_Rules):
    """From ``min_size`` upwards (staff or child units), ``cap`` deputies."""

    min_size: int = Field(ge=0)
    cap: int = Field(ge=0)


class KindRules(_Rules):
    """Rules of one kind of unit."""

    label_en: str
    label_vi: str
    focal_point: bool = True
    min_staff: int | None = Field(default=None, ge=0)
    # Deputy cap of one unit: the last step whose min_size the unit reaches.
    deputy_steps: tuple[DeputyStep, ...] = ()
    deputy_basis: DeputyBasis = "staff"
    # A pooled cap: on average at most this many deputies per unit of the
    # kind across the organisation (departments: 3 per department).
    deputy_average: float | None = Field(default=None, ge=0)
    # Extra deputies allowed for a unit formed by merging n units (n >= 2).
    merge_bonus: Mapping[int, int] = Field(default_factory=dict)
    default_category: StaffCategory = "civil_servant"
    # Kinds this kind may merge with (its own kind is always allowed).
    merges_with: tuple[str, ...] = ()
    # Whether a unit of this kind may be folded into its parent.
    foldable: bool = False

    @property
    def labels(self) -> dict[str, str]:
        """The kind's name in each language (a message field)."""
        return {"en": self.label_en, "vi": self.label_vi}

    def deputy_cap(self, size: int, members: int = 1) -> int | None:
        """The deputy cap for a unit of ``size`` formed from ``members``.

        ``None`` when the kind has no per-unit cap.
        """
        if not self.deputy_steps:
            return None
        cap = 0
        for step in self.deputy_steps:
            if size >= step.min_size:
                cap = step.cap
        return cap + self.bonus(members)

    def bonus(self, members: int) -> int:
        """Extra deputies of a unit formed from ``members`` units."""
        return max(
            (b for n, b in self.merge_bonus.items() if members >= n),
            default=0,
        )


class StaffingNorm(_Rules):
    """Commune staffing after 1 July 2025 (Official letter 09/CV-BCĐ)."""

    base: int = 32
    population_threshold: int = 16_000
    residents_per_extra: Mapping[str, int] = Field(
        default_factory=lambda: {"mountain": 1000, "other": 2000}
    )
    cap: Mapping[str, int] = Field(
        default_factory=lambda: {"commune": 50, "ward": 70}
    )
    kinds: tuple[str, ...] = ("commune", "ward")


class SeparationRules(_Rules):
    """Decree 178/2024 as amended by Decree 67/2025 (payments in months)."""

    retirement_age: Mapping[str, float] = Field(
        default_factory=lambda: {"male": 62.0, "female": 60.0}
    )
    early_retirement_max_years: float = 10.0
    early_retirement_short_years: float = 5.0
    pension_months_factor_short: float = 1.0
    pension_months_factor_long: float = 0.9
    pension_months_long: int = 60
    months_per_year_early_short: float = 5.0
    months_per_year_early_long: float = 4.0
    service_bonus_first_years: float = 20.0
    service_bonus_first_months: float = 5.0
    service_bonus_per_extra_year: float = 0.5
    resignation_min_years: float = 2.0
    resignation_factor: float = 0.8
    resignation_max_months: int = 60
    resignation_per_insurance_year: float = 1.5
    resignation_job_search_months: float = 3.0
    default_monthly_salary: float = 12_000_000.0
    currency: str = "VND"


class AreaPopulation(_Rules):
    """A standard: at least this natural area and this population."""

    area_km2: float = Field(ge=0)
    population: int = Field(ge=0)


class MergerFactor(_Rules):
    """Multiples of the base standard a merged unit must reach."""

    area: float = Field(ge=0)
    population: float = Field(ge=0)


class WardStandard(_Rules):
    area_km2: float = Field(ge=0)
    # By the province's class: central_city, mountain_border, other.
    population: Mapping[str, int]


class TerritorialRules(_Rules):
    """Area and population standards of territorial units.

    The base standards (Res. 1211/2016/UBTVQH13 as amended by Res.
    27/2022/UBTVQH15) by terrain class (mountain, other, island); what a
    unit formed by a 2025 merger must reach (Res. 76/2025/UBTVQH15): a
    multiple of the base for communes and provinces, fixed numbers for
    wards; units formed from ``exempt_from_members`` old units or more
    are exempt.
    """

    commune: Mapping[str, AreaPopulation] = Field(
        default_factory=lambda: {
            "mountain": AreaPopulation(area_km2=50, population=5_000),
            "other": AreaPopulation(area_km2=30, population=8_000),
            "island": AreaPopulation(area_km2=15, population=2_500),
        }
    )
    commune_after_merger: Mapping[str, MergerFactor] = Field(
        default_factory=lambda: {
            "mountain": MergerFactor(area=2.0, population=1.0),
            "other": MergerFactor(area=1.0, population=2.0),
            "island": MergerFactor(area=1.0, population=1.0),
        }
    )
    ward_after_merger: WardStandard = Field(
        default_factory=lambda: WardStandard(
            area_km2=5.5,
            population={
                "central_city": 45_000,
                "mountain_border": 15_000,
                "other": 21_000,
            },
        )
    )
    province: Mapping[str, AreaPopulation] = Field(
        default_factory=lambda: {
            "mountain": AreaPopulation(area_km2=8_000, population=900_000),
            "other": AreaPopulation(area_km2=5_000, population=1_400_000),
        }
    )
    province_after_merger: MergerFactor = Field(
        default_factory=lambda: MergerFactor(area=1.0, population=1.0)
    )
    exempt_from_members: int = Field(default=3, ge=2)
    # A new unit is a ward when at least this share of its population
    # lived in wards (urban) before.
    ward_urban_share: float = Field(default=0.5, ge=0, le=1)


class Rulebook(_Rules):
    """All the rules one scenario plans under."""

    name: str
    kinds: Mapping[str, KindRules]
    levels: tuple[str, ...]
    categories: tuple[StaffCategory, ...] = (
        "civil_servant",
        "public_employee",
        "contract",
    )
    max_units: Mapping[str, int] = Field(default_factory=dict)
    deputy_fraction_of_quota: float = Field(default=0.5, ge=0, le=1)
    child_deputies_le_parent: bool = True
    excess_grace_years: int = 5
    excess_deadline: str = "2030-12-31"
    leader_allowance_months: int = 6
    staff_clearance_years: int = 5
    staffing_norm: StaffingNorm = Field(default_factory=StaffingNorm)
    territorial: TerritorialRules = Field(default_factory=TerritorialRules)
    separations: SeparationRules = Field(default_factory=SeparationRules)
    sources: Mapping[str, str] = Field(default_factory=dict)

    def kind(self, kind: str) -> KindRules:
        return self.kinds[kind]

    def source(self, path: str) -> str | None:
        """The source of the number at ``path`` (or of its nearest parent)."""
        while path:
            if path in self.sources:
                return self.sources[path]
            path = path.rpartition(".")[0]
        return None


def _steps(*pairs: tuple[int, int]) -> list[dict[str, int]]:
    return [{"min_size": s, "cap": c} for s, c in pairs]


_VN_2025: dict[str, Any] = {
    "name": "vn-2025",
    "levels": ["central", "province", "district", "commune"],
    "kinds": {
        "province": {
            "label_en": "province",
            "label_vi": "tỉnh",
            "focal_point": False,
        },
        "party_agency": {
            "label_en": "party agency",
            "label_vi": "cơ quan Đảng",
        },
        "peoples_committee": {
            "label_en": "people's committee",
            "label_vi": "Ủy ban nhân dân",
        },
        "department": {
            "label_en": "department",
            "label_vi": "sở",
            "deputy_average": 3,
            "deputy_steps": _steps((0, 3)),
            "merge_bonus": {2: 1, 3: 2},
        },
        "division": {
            "label_en": "division",
            "label_vi": "phòng",
            "min_staff": 5,
            "deputy_basis": "civil_servants",
            "deputy_steps": _steps((0, 1), (10, 2), (15, 3)),
            "foldable": True,
        },
        "sub_department": {
            "label_en": "sub-department",
            "label_vi": "chi cục",
            "min_staff": 12,
            "deputy_basis": "child_units",
            "deputy_steps": _steps((0, 1), (4, 2)),
            "foldable": True,
        },
        "public_service_unit": {
            "label_en": "public service unit",
            "label_vi": "đơn vị sự nghiệp công lập",
            "min_staff": 15,
            "deputy_steps": _steps((0, 2), (21, 3)),
            "default_category": "public_employee",
        },
        "mass_organisation": {
            "label_en": "mass organisation",
            "label_vi": "tổ chức chính trị - xã hội",
        },
        "district": {
            "label_en": "district",
            "label_vi": "huyện",
            "foldable": True,
        },
        "commune": {
            "label_en": "commune",
            "label_vi": "xã",
            "merges_with": ["ward"],
        },
        "ward": {
            "label_en": "ward",
            "label_vi": "phường",
            "merges_with": ["commune"],
        },
    },
    "max_units": {"department": 14},
    # Spelled out so that an override of one number keeps the others.
    "territorial": TerritorialRules().model_dump(),
}

VN_2025_SOURCES: dict[str, str] = {
    "max_units.department": (
        "[F] Decree 45/2025 and Decree 150/2025 art. 10: at most 14 "
        "departments per province (Hanoi, HCMC: 15)"
    ),
    "kinds.department.deputy_average": (
        "[F] Decree 107/2020, 45/2025, 370/2025: on average 3 deputy "
        "directors per department across the province"
    ),
    "kinds.department.deputy_steps": (
        "[F] Decree 107/2020, 45/2025: per-department cap taken as the "
        "provincial average of 3 (the province allots within the total)"
    ),
    "kinds.department.merge_bonus": (
        "[F] Decree 370/2025: +1 deputy for a department formed from 2 "
        "merged provinces, +2 from 3; orgplan applies it to a department "
        "formed from 2 or 3 merged units"
    ),
    "kinds.division.min_staff": (
        "[F] Decree 107/2020, 45/2025: 5 civil servants to form a division "
        "under a department (province class II/III; class I: 6; Hanoi, "
        "HCMC: 7; a 2025 draft: 7 everywhere)"
    ),
    "kinds.division.deputy_steps": (
        "[F] Decree 370/2025: 1 deputy if fewer than 10 civil servants, at "
        "most 2 if 10-14, at most 3 if 15 or more"
    ),
    "kinds.sub_department.min_staff": (
        "[F] Decree 107/2020, 45/2025: 12 civil servants to form a "
        "sub-department"
    ),
    "kinds.sub_department.deputy_steps": (
        "[F]/[U] Decree 370/2025: 1 deputy with 1-3 divisions; [U] at most "
        "2 with 4 or more (by analogy with Decree 101/2020)"
    ),
    "kinds.public_service_unit.min_staff": (
        "[F] Decree 120/2020, 283/2025: 15 people to form a public "
        "service unit"
    ),
    "kinds.public_service_unit.deputy_steps": (
        "[F]/[U] Decree 120/2020 art. 6: at most 2 deputies with 20 staff "
        "or fewer, 3 above (units under the provincial committee; [U] "
        "applied to all units)"
    ),
    "deputy_fraction_of_quota": (
        "[F] Conclusion 187-KL/TW: total deputies at most 50% of the "
        "unit's assigned quota"
    ),
    "child_deputies_le_parent": (
        "[F] Conclusion 187-KL/TW, Decree 370/2025: a unit never has more "
        "deputies than its direct parent"
    ),
    "excess_grace_years": (
        "[F] Decree 45/2025 art. 24, 370/2025, 283/2025: deputies above "
        "the cap after a merger must be within it within 5 years"
    ),
    "excess_deadline": (
        "[F] Conclusion 210-KL/TW: all deputy numbers within caps by the "
        "end of 2030"
    ),
    "leader_allowance_months": (
        "[F] Res. 76/2025 art. 11: leaders keep their salary and position "
        "allowance for 6 months (or to the end of the term)"
    ),
    "staff_clearance_years": (
        "[F] Res. 76/2025 art. 11, Official letter 03/CV-BCĐ: surplus "
        "staff cleared within 5 years"
    ),
    "territorial.commune": (
        "[F] Res. 1211/2016/UBTVQH13 as amended by Res. 27/2022/UBTVQH15: "
        "a mountain or highland commune 50 km² and 5,000 people, another "
        "commune 30 km² and 8,000; [U] island commune 15 km² and 2,500 "
        "from Res. 112/2025/UBTVQH15 (from 1/1/2026 it also sets a "
        "mountain commune at 100 km² and another at 16,000 people)"
    ),
    "territorial.commune_after_merger": (
        "[F] Res. 76/2025/UBTVQH15: after a 2025 merger a mountain or "
        "highland commune reaches 200% of the area and 100% of the "
        "population standard, another commune 200% of the population and "
        "100% of the area; [U] island communes 100% of both"
    ),
    "territorial.ward_after_merger": (
        "[F] Res. 76/2025/UBTVQH15: a ward after a 2025 merger has 5.5 km² "
        "and 45,000 people in a centrally-run city, 15,000 in a mountain, "
        "highland or border province, 21,000 elsewhere"
    ),
    "territorial.province": (
        "[F] Res. 1211/2016/UBTVQH13 as amended by Res. 27/2022 (same in "
        "Res. 112/2025): a mountain province 8,000 km² and 900,000 "
        "people, another province 5,000 km² and 1,400,000"
    ),
    "territorial.province_after_merger": (
        "[U] Res. 76/2025/UBTVQH15: merged provinces are to meet the "
        "standard; orgplan reads it as 100% of area and population"
    ),
    "territorial.exempt_from_members": (
        "[F] Res. 76/2025/UBTVQH15: a unit formed from 3 or more old "
        "units is exempt from the area and population thresholds"
    ),
    "territorial.ward_urban_share": (
        "[F]/[U] Res. 112/2025/UBTVQH15: a ward has at least 50% urban "
        "population; orgplan counts the population of old wards as urban"
    ),
    "staffing_norm": (
        "[F] Official letter 09/CV-BCĐ (30/5/2025): 32 staff per commune, "
        "+1 per 1,000 residents above 16,000 (mountain) or per 2,000 "
        "(other); at most 50 per commune, 70 per ward"
    ),
    "separations": (
        "[F] Decree 178/2024 as amended by Decree 67/2025: early "
        "retirement with 10 years or less to retirement age; pension "
        "months 1.0 x salary x months early (5 years or less) or 0.9 x 60 "
        "(5-10 years); 5 (or 4) months per year early; 5 months for the "
        "first 20 insurance years + 0.5 per year after; resignation 0.8 x "
        "salary x months (max 60) + 1.5 months per insurance year + 3 "
        "months for job search"
    ),
    "separations.retirement_age": (
        "[U] Labour Code 2019 roadmap: 62 for men and 60 for women by "
        "2028/2035; orgplan uses the end values"
    ),
    "separations.default_monthly_salary": (
        "[U] an assumed average monthly salary with allowances (VND), used "
        "when the roster has no salary; set it in the scenario"
    ),
}


def builtin_rulebooks() -> tuple[str, ...]:
    return ("vn-2025",)


def load_rulebook(
    name: str = "vn-2025", overrides: Mapping[str, Any] | None = None
) -> Rulebook:
    """The built-in rulebook ``name`` with ``overrides`` merged in.

    Raises
    ------
    KeyError
        If ``name`` is not a built-in rulebook.
    pydantic.ValidationError
        If an override has an unknown key or a value of the wrong type.
    """
    if name != "vn-2025":
        raise KeyError(name)
    data = copy.deepcopy(_VN_2025)
    data["sources"] = dict(VN_2025_SOURCES)
    if overrides:
        _deep_merge(data, overrides)
    return Rulebook.model_validate(data)


def _deep_merge(base: dict[str, Any], extra: Mapping[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), dict):
            _deep_merge(base[key], value)
        else:
            base[key] = copy.deepcopy(value)
