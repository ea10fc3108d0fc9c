"""A scenario: which organisation, which rules, what to aim for (plain data).

Loaded from YAML by :func:`orgplan.io.load_scenario`; paths inside are
relative to the scenario file and are resolved on load.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from orgplan.i18n.data import invalid
from orgplan.rules import Rulebook, load_rulebook

MergeWithin = Literal["parent", "locality", "sector", "adjacent", "anywhere"]
Method = Literal["cpsat", "greedy", "mip"]

# Bounds far above any real scenario that keep the solver's integer model
# exact (sums of staff counts times scaled weights fit in 64 bits).
MAX_WEIGHT = 1e6
MAX_COUNT = 1_000_000
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Weight = Annotated[float, Field(ge=0, le=MAX_WEIGHT)]

# Targets that ``min_cut`` may name.
CUT_TARGETS = ("focal_points", "leaders", "staff", "units", "layers")
# Targets that ``max_cut`` may name (counts the structure decides).
MAX_CUT_TARGETS = ("focal_points", "leaders", "units")


class _Section(BaseModel):
    # nan and inf are no weight, limit or salary; they hang a search.
    model_config = ConfigDict(
        frozen=True, extra="forbid", allow_inf_nan=False
    )


class Scope(_Section):
    """What the optimiser may change."""

    kinds: tuple[str, ...] = ()
    merge_within: MergeWithin = "parent"
    allow_merge: bool = True
    allow_split: bool = True
    allow_fold: bool = True
    max_group_size: int = Field(default=4, ge=1, le=64)
    # Coherence (orgplan.semantics.coherence): related pairs must also
    # reach this functional similarity; allow_pairs names pairs of kinds,
    # sectors or function codes that are always related ("*": any).
    min_similarity: float = Field(default=0.0, ge=0, le=1)
    allow_pairs: tuple[tuple[str, str], ...] = ()


class Targets(_Section):
    """Hard targets: the plan must meet each."""

    max_units: dict[str, Count] = Field(default_factory=dict)
    # Units of that kind after >= N; equal to max_units asks for an exact
    # count (territorial mergers: the province's target per kind).
    min_units: dict[str, Count] = Field(default_factory=dict)
    min_cut: dict[str, float] = Field(default_factory=dict)
    # At most this fraction cut (the national 2025 range was 60-70% of
    # communes: min_cut 0.6 with max_cut 0.7).
    max_cut: dict[str, float] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _min_within_max(self) -> Targets:
        for kind, low in self.min_units.items():
            high = self.max_units.get(kind)
            if high is not None and low > high:
                raise _above("min_units", "max_units", kind, low, high)
        for key, most in self.max_cut.items():
            if key not in MAX_CUT_TARGETS:
                raise invalid(
                    "scenario_unknown_target",
                    what="max_cut",
                    name=repr(key),
                    known=", ".join(MAX_CUT_TARGETS),
                )
            if not 0 < most <= 1:
                raise invalid(
                    "scenario_max_cut_fraction", target=key, value=most
                )
            least = self.min_cut.get(key, 0.0)
            if least > most:
                raise _above("min_cut", "max_cut", key, least, most)
        return self

    @field_validator("min_cut")
    @classmethod
    def _known_cuts(cls, value: dict[str, float]) -> dict[str, float]:
        for key, fraction in value.items():
            if key not in CUT_TARGETS:
                raise invalid(
                    "scenario_unknown_target",
                    what="min_cut",
                    name=repr(key),
                    known=", ".join(CUT_TARGETS),
                )
            if not 0 <= fraction < 1:
                raise invalid(
                    "scenario_min_cut_fraction", target=key, value=fraction
                )
        return value


def _above(
    low: str, high: str, key: str, least: float, most: float
) -> Exception:
    """The error of a lower bound ``low.key`` above ``high.key``."""
    return invalid(
        "scenario_min_above_max",
        low_key=f"{low}.{key}",
        low=least,
        high_key=f"{high}.{key}",
        high=most,
    )


class Weights(_Section):
    """Weights of the objective's terms (all minimised)."""

    focal_points: Weight = 10
    leaders: Weight = 3
    layers: Weight = 5
    imbalance: Weight = 1
    transfers: Weight = 0.1
    # A merge saves a focal point and a head (10 + 3) and costs
    # 30 x (1 - similarity): below similarity 0.57 no merge pays for
    # itself, so the targets drive the cuts (docs/semantics.md section 6).
    incoherence: Weight = 30
    disruption: Weight = 0
    # Territorial mergers (orgplan.territory.plan_terms): per km from a
    # merged commune to its representative, per member outside its old
    # district; both 0 for plans that merge no territory.
    compactness: Weight = 1
    district_crossings: Weight = 10
    # Per per cent a merged unit (not exempt) lacks of a standard.
    standard_gap: Weight = 0.5


class TerritoryWeights(_Section):
    """Weights of the territorial terms of the standalone model
    (``orgplan.territory.cpsat``) beyond ``Weights.compactness``,
    ``district_crossings`` and ``standard_gap``, which the plan's
    objective carries.

    Per unit of each term: a point of balance (per cent of the mean
    unit). The defaults keep any one term from dominating on the
    bundled provinces.
    """

    population_balance: Weight = 0.1
    area_balance: Weight = 0.1
    size_balance: Weight = 0.0


class SolverParams(_Section):
    """How long and how the solver searches."""

    # A week at most; CP-SAT takes at most 64 workers and a 32-bit seed.
    time_limit_s: float = Field(default=30, gt=0, le=604_800)
    workers: int = Field(default=2, ge=1, le=64)
    seed: int = Field(default=1, ge=0, le=2**31 - 1)
    reproducible: bool = False
    method: Method = "cpsat"
    # How a large scenario is cut into blocks (orgplan.optimize.coupling):
    # auto = only blocks no target ties together; budget = also split the
    # targets among the roots' trees; none = one model.
    decompose: Literal["auto", "none", "budget"] = "auto"


class TransferRules(_Section):
    """Which moves of staff the staffing plan may propose."""

    max_hops: int | None = Field(default=1, ge=0, le=1000)
    max_km: float | None = Field(default=None, gt=0, le=100_000)
    same_category: bool = True
    max_out_per_unit: int | None = Field(default=None, ge=0, le=MAX_COUNT)
    mode: Literal["permanent", "secondment"] = "permanent"
    secondment_months: int = Field(default=12, ge=1, le=600)


class SeparationParams(_Section):
    policy: Literal["decree-178", "none"] = "decree-178"
    monthly_salary: float | None = Field(default=None, gt=0, le=1e12)
    excluded_roles: tuple[str, ...] = ()
    # The year ages and years to retirement are counted in (the Decree 178
    # window was 2025); a fixed year keeps plans reproducible.
    as_of_year: int = Field(default=2025, ge=1900, le=2100)


class QuotaCut(_Section):
    cut: float = Field(ge=0, lt=1)


class StaffingParams(_Section):
    """How the staffing plan sets quotas, moves staff and separates."""

    quota: Literal["keep", "norm"] | QuotaCut = "keep"
    quota_overrides: dict[str, Count] = Field(default_factory=dict)
    transfers: TransferRules = Field(default_factory=TransferRules)
    separations: SeparationParams = Field(default_factory=SeparationParams)


class LeadershipParams(_Section):
    """Who leads merged units and how deputies are kept in transition.

    ``transition: keep`` keeps every former head and deputy of the members
    as a deputy of the merged unit (the 2025 practice), with the excess
    over the cap listed and a deadline; ``cap`` sets deputies within the
    cap at once.
    """

    transition: Literal["keep", "cap"] = "keep"
    heads: dict[str, str] = Field(default_factory=dict)


class Scenario(_Section):
    """Everything one planning run needs besides the organisation."""

    name: str
    data: Path
    rules: str = "vn-2025"
    rules_overrides: dict[str, Any] = Field(default_factory=dict)
    scope: Scope = Field(default_factory=Scope)
    targets: Targets = Field(default_factory=Targets)
    locks: tuple[str, ...] = ()
    must_merge: tuple[tuple[str, ...], ...] = ()
    must_not_merge: tuple[tuple[str, ...], ...] = ()
    names: dict[str, str] = Field(default_factory=dict)
    weights: Weights = Field(default_factory=Weights)
    territory_weights: TerritoryWeights = Field(
        default_factory=TerritoryWeights
    )
    solver: SolverParams = Field(default_factory=SolverParams)
    staffing: StaffingParams = Field(default_factory=StaffingParams)
    leadership: LeadershipParams = Field(default_factory=LeadershipParams)
    description: str = ""
    # Language of the outputs when --lang is not given (en, vi).
    lang: Literal["en", "vi"] | None = None
    path: Path | None = None

    def rulebook(self) -> Rulebook:
        """The rulebook named by ``rules`` with the overrides merged in."""
        return load_rulebook(self.rules, self.rules_overrides)
