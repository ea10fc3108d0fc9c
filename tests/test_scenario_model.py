"""The scenario model accepts the project's full scenario example as written."""

from __future__ import annotations

from pathlib import Path

import pydantic
import pytest
import yaml

from orgplan.scenario import QuotaCut, Scenario

FULL_EXAMPLE = """\
name: Province departments 2025
data: data/                  # a folder of CSV files or an .xlsx workbook
rules: vn-2025               # built-in rulebook; rules_overrides: {...}
scope:
  kinds: [department]        # kinds the optimiser may merge, split or fold
  merge_within: parent       # only units under the same parent merge
targets:
  max_units: {department: 14}
  min_cut: {focal_points: 0.15, leaders: 0.10, staff: 0.0}
locks: [VP-UBND, THANH-TRA]  # never merged, split or folded
must_merge: [[SKHDT, STC]]
must_not_merge: [[SNV, STP]]
weights: {focal_points: 10, leaders: 3, layers: 5, imbalance: 1, transfers: 0.1, incoherence: 2}
solver: {time_limit_s: 30, workers: 2, seed: 1, reproducible: false}
staffing:
  quota: keep                # keep | {cut: 0.10} | norm
  transfers: {max_hops: 1, same_category: true, max_out_per_unit: 20}
  separations: {policy: decree-178}
"""


def test_design_example_is_accepted_as_written() -> None:
    scenario = Scenario.model_validate(yaml.safe_load(FULL_EXAMPLE))
    assert scenario.data == Path("data")
    assert scenario.scope.kinds == ("department",)
    assert scenario.targets.max_units == {"department": 14}
    assert scenario.targets.min_cut["leaders"] == pytest.approx(0.10)
    assert scenario.locks == ("VP-UBND", "THANH-TRA")
    assert scenario.must_merge == (("SKHDT", "STC"),)
    assert scenario.weights.transfers == pytest.approx(0.1)
    assert scenario.staffing.transfers.max_out_per_unit == 20
    assert scenario.rulebook().name == "vn-2025"


def test_quota_cut_and_norm() -> None:
    data = yaml.safe_load(FULL_EXAMPLE)
    data["staffing"]["quota"] = {"cut": 0.1}
    assert Scenario.model_validate(data).staffing.quota == QuotaCut(cut=0.1)
    data["staffing"]["quota"] = "norm"
    assert Scenario.model_validate(data).staffing.quota == "norm"


def test_staff_balance_only_scenario() -> None:
    scenario = Scenario.model_validate(
        {"name": "balance", "data": "d/", "scope": {"kinds": []}}
    )
    assert scenario.scope.kinds == ()


@pytest.mark.parametrize(
    ("patch", "fragment"),
    [
        ({"targets": {"min_cut": {"focal_point": 0.1}}}, "focal_point"),
        ({"targets": {"min_cut": {"leaders": 1.5}}}, "fraction"),
        ({"scope": {"merge_within": "galaxy"}}, "merge_within"),
        ({"solver": {"time_limit_s": -1}}, "time_limit_s"),
        ({"wieghts": {}}, "wieghts"),
    ],
)
def test_bad_scenario_values_name_the_key(patch: dict, fragment: str) -> None:
    data = {"name": "x", "data": "d/", **patch}
    with pytest.raises(pydantic.ValidationError, match=fragment):
        Scenario.model_validate(data)
