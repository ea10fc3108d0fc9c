"""Agreement with a reference map and the naive baseline."""

from __future__ import annotations

import pytest

from orgplan.territory.compare import (
    adjusted_rand_index,
    agreement,
    nearest_baseline,
    read_approximate,
    read_reference,
    restricted,
)
from orgplan.territory.places import Place


def test_ari_of_identical_and_relabelled_groupings_is_one() -> None:
    a = {"1": "A", "2": "A", "3": "B", "4": "B"}
    b = {"1": "x", "2": "x", "3": "y", "4": "y"}
    assert adjusted_rand_index(a, b) == 1.0


def test_ari_by_hand() -> None:
    # Hubert-Arabie on 6 units: rows {1,2,3},{4,5,6}; cols {1,2},{3,4},{5,6}
    a = {u: "A" if u in "123" else "B" for u in "123456"}
    b = {"1": "x", "2": "x", "3": "y", "4": "y", "5": "z", "6": "z"}
    # index 2, rows 6, cols 3, expected 6*3/15 = 1.2, max 4.5
    assert adjusted_rand_index(a, b) == pytest.approx((2 - 1.2) / 3.3)


def test_groups_recovered_counts_exact_matches() -> None:
    ref = {"1": "A", "2": "A", "3": "B", "4": "B", "5": "C"}
    plan = {"1": "p", "2": "p", "3": "q", "4": "r", "5": "r"}
    got = agreement(plan, ref)
    assert (got.recovered, got.reference_groups) == (1, 3)
    assert "1 of 3 groups recovered" in got.line()


def test_groupings_of_different_units_are_refused() -> None:
    with pytest.raises(ValueError, match="different units"):
        adjusted_rand_index({"1": "a"}, {"2": "a"})


def test_baseline_joins_each_unit_to_its_nearest_seed() -> None:
    places = {
        u: Place(u, u, "commune", lat=21.0, lon=lon, population=pop)
        for u, lon, pop in [
            ("a", 106.0, 900),
            ("b", 106.01, 100),
            ("c", 106.5, 100),
            ("d", 106.51, 100),
        ]
    }
    got = nearest_baseline(places, 2)
    # first seed the most populous (a), then the farthest from it (d)
    assert got == {"a": "a", "b": "a", "c": "d", "d": "d"}


def test_reference_file_errors_name_the_row(tmp_path) -> None:
    path = tmp_path / "reference-2025.csv"
    path.write_text("old_id,new_id\n01,02\n03,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"row 3: no new_id"):
        read_reference(path)


def test_units_at_a_guessed_point_are_read_and_left_out(tmp_path) -> None:
    path = tmp_path / "ref.csv"
    path.write_text(
        "old_id,new_id,coordinate_note\n"
        "1,A,\n2,A,APPROXIMATE: the district centre\n3,B,\n",
        encoding="utf-8",
    )
    guessed = read_approximate(path)
    assert guessed == {"2"}
    reference = read_reference(path)
    kept = restricted(reference, set(reference) - guessed)
    assert kept == {"1": "A", "3": "B"}
