"""The staffing stage on tiny organisations built in code.

The helpers at the top are shared by the other test_staffing* files.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from orgplan.errors import OrgplanError
from orgplan.i18n import message
from orgplan.model import Locality, Organisation, Person, Unit
from orgplan.plan import Leadership, Merge, Plan, SolveStatus
from orgplan.rules import load_rulebook
from orgplan.scenario import Scenario
from orgplan.staffing import plan_staffing
from orgplan.staffing.quotas import quotas_after
from orgplan.staffing.separations import payment_months


def chain(
    balances: Sequence[tuple[int, int]],
    *,
    people: Sequence[Person] = (),
    coords: bool = False,
) -> Organisation:
    """Communes C0..Cn in a row, each neighbour of the next.

    ``balances`` gives (quota, actual) per commune; every commune has one
    head and one deputy. With ``coords`` they sit 10 km apart.
    """
    units = []
    localities = []
    for i, (quota, actual) in enumerate(balances):
        uid = f"C{i}"
        units.append(
            Unit(
                id=uid,
                name=f"Xã {uid}",
                kind="commune",
                level="commune",
                locality=f"L{i}",
                quota=quota,
                actual=actual,
                heads=1,
                deputies=1,
            )
        )
        localities.append(
            Locality(
                id=f"L{i}",
                name=f"Địa bàn {i}",
                level="commune",
                neighbours=(f"L{i + 1}",) if i + 1 < len(balances) else (),
                population=20_000,
                lat=18.0 if coords else None,
                lon=105.0 + i * 10 / 105.6 if coords else None,
            )
        )
    return Organisation(
        units=tuple(units), localities=tuple(localities), staff=tuple(people)
    )


def roster_for(
    org: Organisation, *, birth_year: int = 1990, field: str = "admin"
) -> tuple[Person, ...]:
    """One head, one deputy and staff up to ``actual`` in every unit."""
    people = []
    for unit in org.units:
        for k in range(unit.actual):
            role = "head" if k == 0 else "deputy" if k == 1 else "staff"
            people.append(
                Person(
                    id=f"{unit.id}-{k:03d}",
                    unit=unit.id,
                    category="civil_servant",
                    role=role,
                    birth_year=birth_year,
                    gender="male",
                    field=field,
                )
            )
    return tuple(people)


def scenario(**staffing: object) -> Scenario:
    return Scenario.model_validate(
        {"name": "test", "data": "data/", "staffing": staffing}
    )


def empty_plan() -> Plan:
    return Plan(scenario="test", status=SolveStatus.OPTIMAL)


# --- quotas ---------------------------------------------------------------


def norm_org(population: int, terrain: str, kind: str) -> Organisation:
    return Organisation(
        units=(
            Unit(
                id="X",
                name="Xã X",
                kind=kind,
                level="commune",
                locality="L",
                quota=40,
            ),
        ),
        localities=(
            Locality(
                id="L",
                name="L",
                level="commune",
                population=population,
                terrain=terrain,
            ),
        ),
    )


@pytest.mark.parametrize(
    ("population", "terrain", "kind", "expected"),
    [
        (12_000, "plain", "commune", 32),  # below the threshold: the base
        (20_500, "mountain", "commune", 32 + 4),  # 4,500 over, per 1,000
        (20_500, "plain", "commune", 32 + 2),  # 4,500 over, per 2,000
        (100_000, "plain", "commune", 50),  # the commune cap
        (100_000, "urban", "ward", 70),  # the ward cap
    ],
)
def test_norm_follows_official_letter_09(
    population: int, terrain: str, kind: str, expected: int
) -> None:
    org = norm_org(population, terrain, kind)
    quotas = quotas_after(
        org, scenario(quota="norm").staffing, load_rulebook()
    )
    assert quotas == {"X": expected}


def test_norm_without_population_names_the_column() -> None:
    org = norm_org(1, "plain", "commune")
    bare = org.model_copy(
        update={"localities": (Locality(id="L", name="L", level="commune"),)}
    )
    with pytest.raises(OrgplanError, match="column population"):
        quotas_after(bare, scenario(quota="norm").staffing, load_rulebook())


def test_cut_floors_and_overrides_win() -> None:
    org = chain([(45, 40), (11, 11)])
    params = scenario(quota={"cut": 0.1}, quota_overrides={"C1": 30}).staffing
    assert quotas_after(org, params, load_rulebook()) == {
        "C0": 40,  # floor(45 * 0.9) = floor(40.5)
        "C1": 30,
    }


def test_override_of_unknown_unit_is_a_user_error() -> None:
    params = scenario(quota_overrides={"NOPE": 3}).staffing
    with pytest.raises(OrgplanError, match=r"quota_overrides\.NOPE"):
        quotas_after(chain([(5, 5)]), params, load_rulebook())


# --- transfers --------------------------------------------------------------


def staffing_of(org: Organisation, **staffing: object) -> Plan:
    sc = scenario(**staffing)
    return plan_staffing(org, sc, sc.rulebook(), empty_plan())


def test_moves_only_within_max_hops() -> None:
    org = chain([(10, 15), (10, 10), (10, 5)])  # C0 and C2 are 2 hops apart
    near = staffing_of(org, transfers={"max_hops": 1})
    assert near.transfers == ()
    far = staffing_of(org, transfers={"max_hops": 2})
    assert [(t.from_, t.to, t.count, t.hops) for t in far.transfers] == [
        ("C0", "C2", 5, 2)
    ]


def test_max_out_per_unit_caps_what_one_unit_sends() -> None:
    org = chain([(10, 18), (10, 2)])
    plan = staffing_of(org, transfers={"max_out_per_unit": 3})
    assert sum(t.count for t in plan.transfers) == 3
    # The rest of the surplus leaves; the deficit left is reported.
    assert sum(s.count for s in plan.separations) == 5
    assert any("Unfilled deficit" in n for n in map(message, plan.notes))


def test_flow_moves_the_most_staff_not_the_nearest_first() -> None:
    # C1 (surplus 2) may feed C0 or C2; C3 (surplus 2) only C2. Feeding
    # C2 from C1 first would strand C3's staff.
    org = chain([(10, 8), (10, 12), (10, 8), (10, 12)])
    plan = staffing_of(org, transfers={"max_hops": 1})
    moves = {(t.from_, t.to): t.count for t in plan.transfers}
    assert moves == {("C1", "C0"): 2, ("C3", "C2"): 2}
    assert plan.separations == ()


def test_prefers_the_cheaper_of_two_receivers() -> None:
    org = chain([(10, 13), (10, 7), (10, 7)])
    plan = staffing_of(org, transfers={"max_hops": 2})
    assert [(t.to, t.count) for t in plan.transfers] == [("C1", 3)]


def test_same_category_keeps_public_employees_out_of_communes() -> None:
    split = chain([(10, 14), (10, 6)])
    sender = split.units[0].model_copy(
        update={"civil_servants": 10, "public_employees": 4}
    )
    org = split.model_copy(update={"units": (sender, split.units[1])})
    kept = staffing_of(org, transfers={"same_category": True})
    assert {t.category for t in kept.transfers} == {"civil_servant"}
    assert sum(t.count for t in kept.transfers) == 4
    mixed = staffing_of(org, transfers={"same_category": False})
    assert sum(t.count for t in mixed.transfers) == 4


def test_km_rule_uses_coordinates() -> None:
    org = chain([(10, 14), (10, 10), (10, 6)], coords=True)  # 10 km apart
    near = staffing_of(org, transfers={"max_km": 15})
    assert near.transfers == ()
    far = staffing_of(org, transfers={"max_km": 25})
    (move,) = far.transfers
    assert move.hops is None and move.km == pytest.approx(20, abs=0.5)


# --- who moves and who leaves -----------------------------------------------


def test_roster_moves_staff_only_youngest_first() -> None:
    org = chain([(4, 6), (4, 0)])
    people = list(roster_for(org))
    # C0's staff: admin born 1990 and 1999, land born 1970, one marked
    # excluded; C1 has nobody, so every field is equally lacking there.
    people[2:6] = [
        people[2].model_copy(update={"birth_year": 1990}),
        people[3].model_copy(update={"birth_year": 1999}),
        people[4].model_copy(update={"birth_year": 1970, "field": "land"}),
        people[5].model_copy(update={"excluded": True, "birth_year": 2001}),
    ]
    org = org.model_copy(update={"staff": tuple(people)})
    plan = staffing_of(org)
    (move,) = plan.transfers
    # Surplus 2: the two youngest who may move; never the excluded person
    # (the youngest of all) nor the head and deputy.
    assert move.persons == ("C0-003", "C0-002")
    assert [m.person for m in plan.movers] == list(move.persons)
    assert plan.separations == ()


def test_field_the_receiver_lacks_goes_first() -> None:
    org = chain([(5, 7), (5, 4)])
    people = list(roster_for(org))
    # C0 staff: C0-002 admin (young), C0-003 land (old), C0-004 admin.
    people[2] = people[2].model_copy(update={"birth_year": 2000})
    people[3] = people[3].model_copy(
        update={"birth_year": 1970, "field": "land"}
    )
    org = org.model_copy(update={"staff": tuple(people)})
    plan = staffing_of(org)
    (move,) = plan.transfers
    assert move.persons == ("C0-003",)  # C1 has admin staff, no land


def test_separations_take_those_closest_to_retirement() -> None:
    org = chain([(4, 7)])
    people = list(roster_for(org))
    years = [1990, 1990, 1964, 1970, 1995, 1966, 1980]
    people = [
        p.model_copy(update={"birth_year": y})
        for p, y in zip(people, years, strict=True)
    ]
    people[5] = people[5].model_copy(update={"excluded": True})
    org = org.model_copy(update={"staff": tuple(people)})
    plan = staffing_of(org)
    leavers = [m.person for m in plan.movers]
    # Ages in 2025: C0-002 61, C0-003 55, C0-006 45; C0-005 (59) is
    # excluded, the head and the deputy never leave.
    assert sorted(leavers) == ["C0-002", "C0-003", "C0-006"]
    policies = {m.person: m.policy for m in plan.movers}
    assert policies == {
        "C0-002": "early-retirement",
        "C0-003": "early-retirement",
        "C0-006": "resignation",
    }
    assert sum(s.count for s in plan.separations) == 3


def test_payment_formulas_of_decree_178() -> None:
    rules = load_rulebook().separations
    months = payment_months(
        np.array([3.0, 8.0, 20.0, 0.0]),
        np.array([25.0, 15.0, 10.0, 40.0]),
        rules,
    )
    early_short = 1.0 * 3 * 12 + 5 * 3 + (5 + 0.5 * 5)
    early_long = 0.9 * 60 + 4 * 8  # under 20 insurance years: no bonus
    resign = 0.8 * 60 + 1.5 * 10 + 3
    assert months.tolist() == pytest.approx(
        [early_short, early_long, resign, 0.0]
    )


def test_policy_none_keeps_the_surplus_and_says_so() -> None:
    plan = staffing_of(chain([(4, 9)]), separations={"policy": "none"})
    assert plan.separations == ()
    assert plan.balance[0].surplus_after == 5
    assert any("separations are off" in n for n in map(message, plan.notes))


def test_count_separations_without_roster_split_by_category() -> None:
    base = chain([(10, 20)])
    unit = base.units[0].model_copy(
        update={"civil_servants": 12, "public_employees": 8}
    )
    org = base.model_copy(update={"units": (unit,)})
    plan = staffing_of(org)
    by_category = {s.category: s.count for s in plan.separations}
    assert sum(by_category.values()) == 10
    # Leaders (2) count as civil servants: 10 and 8 remain, shared 5/4.
    assert by_category == {"civil_servant": 6, "public_employee": 4}
    assert all(s.persons == () and s.cost for s in plan.separations)


# --- leaders -----------------------------------------------------------------


def merged_plan(org: Organisation) -> Plan:
    return empty_plan().model_copy(
        update={
            "merges": (Merge(into="C0", members=("C0", "C1"), name="Xã Mới"),),
            "leadership": (Leadership(unit="C0", heads=1, deputies=2, cap=2),),
        }
    )


def test_head_of_the_larger_member_leads_by_default() -> None:
    org = chain([(10, 6), (10, 9)])
    org = org.model_copy(update={"staff": roster_for(org)})
    sc = scenario()
    plan = plan_staffing(org, sc, sc.rulebook(), merged_plan(org))
    (entry,) = plan.leadership
    assert (entry.head, entry.head_from) == ("C1-000", "C1")
    assert entry.former_heads == ("C0-000",)
    assert entry.deputy_persons == ("C0-000", "C1-001")
    assert any("lose their post" in n for n in map(message, plan.notes))


def test_scenario_chooses_the_head() -> None:
    org = chain([(10, 6), (10, 9)])
    org = org.model_copy(update={"staff": roster_for(org)})
    sc = Scenario.model_validate(
        {"name": "t", "data": "d", "leadership": {"heads": {"C0": "C0"}}}
    )
    (entry,) = plan_staffing(
        org, sc, sc.rulebook(), merged_plan(org)
    ).leadership
    assert (entry.head, entry.former_heads) == ("C0-000", ("C1-000",))


def test_unknown_head_choice_is_a_user_error() -> None:
    org = chain([(10, 6), (10, 9)])
    sc = Scenario.model_validate(
        {"name": "t", "data": "d", "leadership": {"heads": {"C0": "X9"}}}
    )
    with pytest.raises(OrgplanError, match=r"leadership\.heads\.C0"):
        plan_staffing(org, sc, sc.rulebook(), merged_plan(org))


def test_same_input_same_plan() -> None:
    org = chain([(10, 16), (10, 5), (10, 12), (10, 7)])
    org = org.model_copy(update={"staff": roster_for(org)})
    first = staffing_of(org, transfers={"max_hops": 2}).to_json()
    assert staffing_of(org, transfers={"max_hops": 2}).to_json() == first


def test_secondment_mode_is_kept_and_noted() -> None:
    plan = staffing_of(
        chain([(10, 13), (10, 7)]),
        transfers={"mode": "secondment", "secondment_months": 6},
    )
    assert {t.mode for t in plan.transfers} == {"secondment"}
    assert "Transfers are secondments of 6 months." in map(
        message, plan.notes
    )
