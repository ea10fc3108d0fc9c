"""Coherence as a rule: which units may merge (orgplan.semantics.coherence)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from orgplan.io import load_scenario, read_organisation
from orgplan.model import FunctionDef, Organisation, Unit
from orgplan.rules import load_rulebook
from orgplan.semantics.coherence import (
    CoherencePolicy,
    duplicate_support,
    duplicate_support_groups,
    receiver_for,
    related,
    split_routes,
    stranded_units,
    support_type,
    unjudged_units,
)

ROOT = Path(__file__).parent.parent
PROVINCE_2025 = ROOT / "scenarios" / "province-2025"
SERVICE_UNITS = ROOT / "scenarios" / "service-units"
POLICY = CoherencePolicy()


def _unit(uid: str, name: str, kind: str = "division", **kw: object) -> Unit:
    return Unit(id=uid, name=name, kind=kind, level="province", **kw)


TAXONOMY = (
    FunctionDef(code="fin", name="Tài chính"),
    FunctionDef(code="fin.budget", parent="fin"),
    FunctionDef(code="fin.prices", parent="fin"),
    FunctionDef(code="fin.office", parent="fin"),
    FunctionDef(code="fin.inspection", parent="fin"),
    FunctionDef(code="tr", name="Giao thông"),
    FunctionDef(code="tr.roads", parent="tr"),
    FunctionDef(code="edu"),
    FunctionDef(code="edu.preschool", parent="edu"),
    FunctionDef(code="edu.preschool.school", parent="edu.preschool"),
    FunctionDef(code="edu.primary", parent="edu"),
    FunctionDef(code="edu.primary.school", parent="edu.primary"),
)


@pytest.fixture(scope="module")
def org() -> Organisation:
    """A finance and a transport department, divisions, schools."""
    return Organisation(
        functions=TAXONOMY,
        units=(
            _unit("STC", "Sở Tài chính", "department", functions=("fin",)),
            _unit("SGT", "Sở Giao thông", "department", functions=("tr",)),
            _unit(
                "NS",
                "Phòng Ngân sách",
                parent="STC",
                functions=("fin.budget",),
            ),
            _unit("GIA", "Phòng Giá", parent="STC", functions=("fin.prices",)),
            _unit(
                "VP", "Văn phòng Sở", parent="STC", functions=("fin.office",)
            ),
            _unit("VP2", "Văn phòng Sở", parent="STC"),
            _unit(
                "TTR",
                "Thanh tra Sở",
                parent="STC",
                functions=("fin.inspection",),
            ),
            _unit(
                "HT", "Phòng Hạ tầng", parent="SGT", functions=("tr.roads",)
            ),
            _unit(
                "MN1",
                "Trường Mầm non 1",
                "public_service_unit",
                functions=("edu.preschool.school",),
            ),
            _unit(
                "MN2",
                "Trường Mầm non 2",
                "public_service_unit",
                functions=("edu.preschool.school",),
            ),
            _unit(
                "TH1",
                "Trường Tiểu học 1",
                "public_service_unit",
                functions=("edu.primary.school",),
            ),
            _unit("X1", "Phòng A", sector="health"),
            _unit("X2", "Phòng B", sector="health"),
            _unit("X3", "Phòng C", sector="culture"),
            _unit("X4", "Phòng D"),
        ),
    )


def test_sibling_functions_share_a_family(org: Organisation) -> None:
    rel = related("NS", "GIA", org, POLICY)
    assert rel.related and rel.reason == "shared_family"
    assert rel.shared == ("fin",)
    assert rel.similarity > 0


def test_different_mandates_are_unrelated(org: Organisation) -> None:
    assert related("STC", "SGT", org, POLICY).reason == "different_families"
    assert not related("NS", "HT", org, POLICY).related


def test_preschool_only_with_preschool(org: Organisation) -> None:
    assert related("MN1", "MN2", org, POLICY).reason == "shared_function"
    rel = related("MN1", "TH1", org, POLICY)
    # Both are education, but a preschool is not a primary school.
    assert not rel.related and rel.reason == "different_service"


def test_office_never_merges_with_a_line_division(org: Organisation) -> None:
    rel = related("VP", "NS", org, POLICY)
    assert not rel.related and rel.reason == "different_support"
    assert not related("VP", "TTR", org, POLICY).related


def test_support_type_by_code_or_name(org: Organisation) -> None:
    assert support_type(org.unit("VP"), POLICY) == "office"
    assert support_type(org.unit("VP2"), POLICY) == "office"
    assert support_type(org.unit("TTR"), POLICY) == "inspectorate"
    assert support_type(org.unit("NS"), POLICY) is None
    # A department named "Văn phòng..." is not a support division.
    vp = _unit("VPUB", "Văn phòng UBND tỉnh", "department")
    assert support_type(vp, POLICY) is None
    khtc = _unit("K", "Phòng Kế hoạch - Tài chính")
    assert support_type(khtc, POLICY) == "plan_finance"
    # A sub-department's administration division is its office.
    hcth = _unit("H", "Phòng Hành chính - Tổng hợp")
    assert support_type(hcth, POLICY) == "office"
    # A chi cục's inspection division: not merged with the work it checks.
    ttpc = _unit("T", "Phòng Thanh tra - Pháp chế")
    assert support_type(ttpc, POLICY) == "inspectorate"
    assert support_type(_unit("Q", "Phòng Quản lý rừng"), POLICY) is None


def test_sector_without_functions(org: Organisation) -> None:
    assert related("X1", "X2", org, POLICY).reason == "same_sector"
    assert related("X1", "X3", org, POLICY).reason == "different_sectors"


def test_nothing_to_judge_is_related_but_flagged(org: Organisation) -> None:
    rel = related("X1", "X4", org, POLICY)
    assert rel.related and not rel.judged
    assert unjudged_units(org) == ("VP2", "X4")
    assert unjudged_units(org, ["department"]) == ()


def test_min_similarity_narrows(org: Organisation) -> None:
    score = related("NS", "GIA", org, POLICY).similarity
    strict = CoherencePolicy(min_similarity=score + 0.01)
    rel = related("NS", "GIA", org, strict)
    assert not rel.related and rel.reason == "below_min_similarity"
    assert related("MN1", "MN2", org, strict).related


def test_allow_pairs_widen(org: Organisation) -> None:
    by_code = CoherencePolicy(
        allow_pairs=frozenset({frozenset({"fin", "tr"})})
    )
    assert related("STC", "SGT", org, by_code).reason == "allowed_pair"
    assert related("SGT", "STC", org, by_code).related
    by_sector = CoherencePolicy(
        allow_pairs=frozenset({frozenset({"health", "culture"})})
    )
    assert related("X1", "X3", org, by_sector).related
    anything = CoherencePolicy(allow_pairs=frozenset({frozenset({"*"})}))
    assert related("MN1", "TH1", org, anything).related


def test_duplicate_support_are_siblings_of_one_type(
    org: Organisation,
) -> None:
    assert duplicate_support("VP", "VP2", org, POLICY) == "office"
    assert duplicate_support("VP", "TTR", org, POLICY) is None
    assert duplicate_support("VP", "VP", org, POLICY) is None
    assert duplicate_support_groups(org, "STC", POLICY) == {
        "office": ("VP", "VP2")
    }


def test_policy_from_scenario_reads_scope() -> None:
    scenario = load_scenario(PROVINCE_2025).model_copy(
        update={
            "scope": load_scenario(PROVINCE_2025).scope.model_copy(
                update={
                    "min_similarity": 0.2,
                    "allow_pairs": (("culture", "information"),),
                }
            )
        }
    )
    policy = CoherencePolicy.from_scenario(scenario)
    assert policy.min_similarity == 0.2
    assert frozenset({"culture", "information"}) in policy.allow_pairs
    assert "public_service_unit" in policy.service_kinds


def test_service_units_scenario_preschool_primary() -> None:
    scenario = load_scenario(SERVICE_UNITS)
    org = read_organisation(scenario.data)
    policy = CoherencePolicy.from_scenario(scenario)
    schools = [u for u in org.units if u.kind == "public_service_unit"]
    pre = [u.id for u in schools if "preschool" in u.functions[0]]
    pri = [u.id for u in schools if "primary" in u.functions[0]]
    assert related(pre[0], pre[1], org, policy).related
    assert not related(pre[0], pri[0], org, policy).related


# The 2025 pairs, Labour's receivers, and the overlaps the 2025 reform
# also acted on (the Ethnic Committee with Home Affairs' religion and
# Agriculture's rural programmes; press from Information to Culture).
REAL_2025 = {
    frozenset(p)
    for p in (
        ("SKHDT", "STC"),
        ("SGTVT", "SXD"),
        ("SNNPTNT", "STNMT"),
        ("STTTT", "SKHCN"),
        ("SNV", "SLDTBXH"),
        ("SLDTBXH", "SGDDT"),
        ("SLDTBXH", "SYT"),
        ("SLDTBXH", "SNNPTNT"),
        ("SLDTBXH", "BDT"),
        ("SNV", "BDT"),
        ("SNNPTNT", "BDT"),
        ("STTTT", "SVHTTDL"),
    )
}


def test_province_2025_relates_only_the_2025_overlaps() -> None:
    scenario = load_scenario(PROVINCE_2025)
    org = read_organisation(scenario.data)
    policy = CoherencePolicy.from_scenario(scenario)
    departments = [u.id for u in org.units if u.kind == "department"]
    assert len(departments) == 19
    found = {
        frozenset((a, b))
        for i, a in enumerate(departments)
        for b in departments[i + 1 :]
        if related(a, b, org, policy).related
    }
    assert found == REAL_2025
    # The incoherent groups stay apart.
    for a, b in (("SYT", "SGDDT"), ("SGDDT", "SGTVT"), ("STP", "SVHTTDL")):
        assert not related(a, b, org, policy).related


def test_labour_divisions_relate_to_their_2025_receivers() -> None:
    scenario = load_scenario(PROVINCE_2025)
    org = read_organisation(scenario.data)
    policy = CoherencePolicy.from_scenario(scenario)
    receivers = {
        "SLDTBXH-GDNN": "SGDDT",  # vocational training
        "SLDTBXH-TEBDG": "SYT",  # children
        "SLDTBXH-BTXH": "SNNPTNT",  # poverty reduction
        "SLDTBXH-LDVL": "SNV",  # employment and wages
        "SLDTBXH-NCC": "SNV",  # people with merit
    }
    for division, receiver in receivers.items():
        assert related(division, receiver, org, policy).related, division
    assert not related("SLDTBXH-GDNN", "SYT", org, policy).related


def test_province_2025_data_is_what_make_data_writes() -> None:
    spec = importlib.util.spec_from_file_location(
        "province_2025_make_data", PROVINCE_2025 / "make_data.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    stored = read_organisation(PROVINCE_2025 / "data")
    fresh = module.organisation()
    assert stored.units == fresh.units
    assert stored.functions == fresh.functions


def test_divisions_of_one_mandate_stay_related_across_links() -> None:
    # Public investment sits under Finance's budget in the taxonomy, yet
    # its division still shares Planning's family with the others.
    scenario = load_scenario(PROVINCE_2025)
    org = read_organisation(scenario.data)
    policy = CoherencePolicy.from_scenario(scenario)
    rel = related("SKHDT-DTTD", "SKHDT-THQH", org, policy)
    assert rel.related and "planning" in rel.shared
    assert related("SLDTBXH-NCC", "SLDTBXH-BTXH", org, policy).related


def test_stranded_undersized_units() -> None:
    org = Organisation(
        functions=TAXONOMY,
        units=(
            _unit("D", "Sở Tài chính", "department", functions=("fin",)),
            _unit(
                "VP",
                "Văn phòng Sở",
                parent="D",
                quota=4,
                functions=("fin.office",),
            ),
            _unit(
                "NS",
                "Phòng Ngân sách",
                parent="D",
                quota=4,
                functions=("fin.budget",),
            ),
            _unit(
                "GIA",
                "Phòng Giá",
                parent="D",
                quota=9,
                functions=("fin.prices",),
            ),
        ),
    )
    rules = load_rulebook("vn-2025")
    # The office (4 < 5) has no other office; the budget division has the
    # prices division.
    assert stranded_units(org, POLICY, rules, ["division"]) == ("VP",)
    assert stranded_units(org, POLICY, rules, ["department"]) == ()


def test_labour_splits_among_its_2025_receivers() -> None:
    scenario = load_scenario(PROVINCE_2025)
    org = read_organisation(scenario.data)
    policy = CoherencePolicy.from_scenario(scenario)
    receivers = ["SNV", "SGDDT", "SYT", "SNNPTNT"]
    routes = split_routes(org, "SLDTBXH", receivers, policy)
    assert {k: v for k, v in routes.items() if "." in k} == {
        "labour.employment": "SNV",
        "labour.merit": "SNV",
        "labour.vocational": "SGDDT",
        "labour.social_protection": "SYT",
        "labour.poverty": "SNNPTNT",
    }
    assert routes["SLDTBXH-GDNN"] == "SGDDT"
    assert routes["SLDTBXH-TEBDG"] == "SYT"
    assert routes["SLDTBXH-CDN"] == "SGDDT"  # the vocational college
    # The office and the inspectorate consolidate, they have no route.
    assert routes["SLDTBXH-VP"] is None and routes["SLDTBXH-TTR"] is None
    # Justice takes none of Labour's work.
    assert receiver_for(org, ["labour.vocational"], ["STP"]) is None
