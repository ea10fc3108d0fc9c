"""Transfers respect the staff's field (orgplan.staffing.transfers)."""

from __future__ import annotations

import numpy as np

from orgplan.i18n import message
from orgplan.model import FunctionDef, Organisation, Person, Unit
from orgplan.rules import load_rulebook
from orgplan.scenario import StaffingParams
from orgplan.staffing.distances import Arcs
from orgplan.staffing.roster import (
    CROSS_FIELD,
    RELATED_FIELD,
    SAME_FIELD,
    UNKNOWN_FIELD,
    field_ranks,
    roster_from_people,
)
from orgplan.staffing.stage import balance_staff
from orgplan.staffing.transfers import (
    cross_field_moves,
    pick_movers,
    solve_flows,
    with_field_costs,
)

TAXONOMY = (
    FunctionDef(code="finance"),
    FunctionDef(code="finance.budget", parent="finance"),
    FunctionDef(code="transport"),
    FunctionDef(code="transport.infrastructure", parent="transport"),
    FunctionDef(code="transport.roads", parent="transport"),
)


def _division(uid: str, sector: str | None, functions: tuple[str, ...]):
    return Unit(
        id=uid,
        name=uid,
        kind="division",
        level="province",
        sector=sector,
        functions=functions,
    )


def _person(pid: str, unit: str, field: str | None, born: int) -> Person:
    return Person(
        id=pid,
        unit=unit,
        category="civil_servant",
        birth_year=born,
        gender="male",
        field=field,
    )


def _org(people: tuple[Person, ...]) -> Organisation:
    """Two finance divisions (F1, F2), a transport infrastructure
    division (HT) and a division with nothing to judge it by (X)."""
    return Organisation(
        functions=TAXONOMY,
        units=(
            _division("F1", "finance", ("finance.budget",)),
            _division("F2", "finance", ("finance.budget",)),
            _division("HT", "transport", ("transport.infrastructure",)),
            _division("X", None, ()),
        ),
        staff=people,
    )


def _roster(org: Organisation):
    return roster_from_people(
        org.staff,
        [u.id for u in org.units],
        load_rulebook().separations,
        2025,
    )


def _arcs(tails: list[int], heads: list[int]) -> Arcs:
    n = len(tails)
    return Arcs(
        tail=np.array(tails, dtype=np.int64),
        head=np.array(heads, dtype=np.int64),
        cost=np.ones(n, dtype=np.int64),
        hops=np.ones(n, dtype=np.int64),
    )


def _move_one(org: Organisation, senders: list[int]):
    """Move one person from ``senders`` to HT (index 2)."""
    roster = _roster(org)
    ranks = field_ranks(roster, org)
    n = len(org.units)
    supply = np.zeros(n, dtype=np.int64)
    supply[senders] = 1
    demand = np.zeros(n, dtype=np.int64)
    demand[2] = 1
    free = np.ones(len(roster), dtype=bool)
    movable = roster.counts(free)
    accepts = np.ones_like(movable, dtype=bool)
    arcs = with_field_costs(
        _arcs(senders, [2] * len(senders)), roster, free, ranks
    )
    flows = solve_flows(supply, demand, movable, accepts, arcs)
    picked = pick_movers(roster, flows, free, roster.id_rank(), ranks)
    moved = [str(p) for rows in picked for p in roster.ids[rows]]
    return moved, cross_field_moves(roster, flows, picked, ranks)


def test_ranks_follow_sector_functions_and_taxonomy() -> None:
    org = _org(
        (
            _person("a", "F1", "finance", 1990),
            _person("b", "F1", "transport.roads", 1990),
            _person("c", "F1", None, 1990),
        )
    )
    roster = _roster(org)
    ranks = field_ranks(roster, org)
    col = {f: i for i, f in enumerate(roster.fields)}
    ht, x = 2, 3
    assert ranks[ht, col["finance"]] == CROSS_FIELD
    # Roads and infrastructure share the family "transport".
    assert ranks[ht, col["transport.roads"]] == RELATED_FIELD
    assert ranks[0, col["finance"]] == SAME_FIELD
    assert ranks[x, col["finance"]] == UNKNOWN_FIELD
    assert (ranks[:, -1] == UNKNOWN_FIELD).all()


def test_same_field_mover_goes_before_a_younger_financier() -> None:
    org = _org(
        (
            _person("fin-young", "F1", "finance", 1999),
            _person("tr-old", "F1", "transport", 1970),
        )
    )
    moved, across = _move_one(org, [0])
    assert moved == ["tr-old"]
    assert across == ()


def test_flow_prefers_the_sender_with_a_fitting_mover() -> None:
    org = _org(
        (
            _person("fin", "F1", "finance", 1999),
            _person("tr", "F2", "transport", 1970),
        )
    )
    # Both may send one; HT needs one: the transport person goes.
    moved, across = _move_one(org, [0, 1])
    assert moved == ["tr"]
    assert across == ()


def test_a_cross_field_move_is_reported() -> None:
    org = _org((_person("fin", "F1", "finance", 1990),))
    moved, across = _move_one(org, [0])
    assert moved == ["fin"]
    (move,) = across
    assert (move.person, move.field, move.from_unit, move.to_unit) == (
        "fin",
        "finance",
        "F1",
        "HT",
    )


def test_without_taxonomy_the_receivers_need_decides() -> None:
    # Commune-style fields (job titles) that no sector or function
    # places: nothing is judged, the field the receiver lacks goes first.
    org = _org(
        (
            _person("h1", "HT", "Văn phòng - Thống kê", 1980),
            _person("f1", "F1", "Văn phòng - Thống kê", 1999),
            _person("f2", "F1", "Tư pháp - Hộ tịch", 1970),
        )
    )
    roster = _roster(org)
    assert (field_ranks(roster, org) == UNKNOWN_FIELD).all()
    assert (field_ranks(roster) == UNKNOWN_FIELD).all()
    moved, across = _move_one(org, [0])
    assert moved == ["f2"]
    assert across == ()


def test_someone_of_the_field_at_the_receiver_makes_it_related() -> None:
    org = _org(
        (
            _person("acc", "HT", "finance", 1980),
            _person("eng", "HT", "transport", 1980),
        )
    )
    roster = _roster(org)
    ranks = field_ranks(roster, org)
    col = {f: i for i, f in enumerate(roster.fields)}
    assert ranks[2, col["finance"]] == RELATED_FIELD
    assert ranks[2, col["transport"]] == SAME_FIELD
    # F2 has nobody: finance is its own sector, transport is cross.
    assert ranks[1, col["transport"]] == CROSS_FIELD


def test_the_staffing_stage_moves_the_person_of_the_field() -> None:
    # F1 has one too many; HT lacks one: the transport person moves, not
    # the younger financier (the stage wires field ranks into the flow).
    people = (
        _person("fin", "F1", "finance", 1999),
        _person("tr", "F1", "transport", 1970),
    )
    org = _org(people)
    sized = {"F1": (1, 2), "F2": (0, 0), "HT": (1, 0), "X": (0, 0)}
    after = org.model_copy(
        update={
            "units": tuple(
                u.model_copy(
                    update={"quota": sized[u.id][0], "actual": sized[u.id][1]}
                )
                for u in org.units
            )
        }
    )
    params = StaffingParams.model_validate({"transfers": {"max_hops": None}})
    done = balance_staff(
        after,
        {u.id: u.quota for u in after.units},
        params,
        load_rulebook(),
        _roster(after),
    )
    assert [(t.from_, t.to, t.persons) for t in done.transfers] == [
        ("F1", "HT", ("tr",))
    ]
    notes = [message(n) for n in done.notes]
    assert not any("outside their field" in n for n in notes)
