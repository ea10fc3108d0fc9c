"""Graph views, metrics and stats, checked against hand counts.

The province-small numbers below were counted by hand from
scenarios/province-small/data/units.csv and localities.csv; the
arithmetic is in the comments.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import random
from collections import Counter
from pathlib import Path

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from orgplan.graph import (
    SPAN_BUCKETS,
    hierarchy,
    hops,
    locality_graph,
    metrics,
    span_summary,
    stats,
)
from orgplan.model import Organisation, Unit
from orgplan.rules import Rulebook, load_rulebook

PROVINCE_SMALL = Path(__file__).parent.parent / "scenarios" / "province-small"


def test_hierarchy_is_a_tree_from_parent_to_child(
    province_small: Organisation,
) -> None:
    tree = hierarchy(province_small)
    assert nx.is_arborescence(tree)
    assert tree.has_edge("STNMT", "CCBVMT")
    assert tree.has_edge("CCBVMT", "CCBVMT-KS")
    assert tree.nodes["STC"]["unit"].name == "Sở Tài chính"


def test_hierarchy_skips_unknown_parents() -> None:
    org = Organisation(
        units=(
            Unit(id="A", name="A", kind="division", level="province"),
            Unit(
                id="B",
                name="B",
                kind="division",
                level="province",
                parent="ghost",
            ),
        )
    )
    tree = hierarchy(org)
    assert set(tree.nodes) == {"A", "B"}
    assert tree.number_of_edges() == 0


def test_locality_graph_is_symmetric_when_data_lists_a_pair_once(
    two_siblings: Organisation,
) -> None:
    graph = locality_graph(two_siblings)
    assert graph.has_edge("L2", "L1")
    assert graph.nodes["L2"]["locality"].name == "Xã Hai"


def test_hops_on_province_small(province_small: Organisation) -> None:
    # localities.csv: DT names LS and TL; TL names DT and MH; LS names KB;
    # KB names MH. So DT-LS, DT-TL, TL-MH, LS-KB, KB-MH (a 5-cycle), and
    # the province HS has no neighbours.
    distance = hops(province_small)
    assert distance["HS-DT"] == {
        "HS-DT": 0,
        "HS-LS": 1,
        "HS-TL": 1,
        "HS-KB": 2,
        "HS-MH": 2,
    }
    assert distance["HS-MH"]["HS-KB"] == 1  # listed only by KB
    assert distance["HS-KB"]["HS-MH"] == 1
    assert distance["HS"] == {"HS": 0}


def test_metrics_of_province_small(
    province_small: Organisation, rulebook: Rulebook
) -> None:
    m = metrics(province_small, rulebook)
    # 1 province + 9 departments + 35 divisions (VP-UBND 2, SKHDT 4, STC 4,
    # SGTVT 4, SXD 4, STNMT 3, CCBVMT 2, SNNPTNT 4, CCTL 2, SNV 3, STP 3)
    # + 2 sub-departments + 6 public service units = 53.
    assert m.units == 53
    assert m.units_by_kind == {
        "province": 1,
        "department": 9,
        "division": 35,
        "sub_department": 2,
        "public_service_unit": 6,
    }
    # Every kind but the province is a focal point: 53 - 1.
    assert m.focal_points == 52
    # HS-TINH > STNMT > CCBVMT > CCBVMT-KS is the deepest chain.
    assert m.layers == 4
    # Units with a parent and children: 9 departments + 2 sub-departments.
    assert m.intermediate_units == 11
    # One head in every unit except the province.
    assert m.heads == 52
    # Deputies: departments 3+3+3+3+3+3+4+3+2 = 27; divisions by parent
    # 2+4+6+4+3+4+1+5+1+3+2 = 35; sub-departments 1+1 = 2; public
    # service units 2+2+2+3+2+1 = 12. 27 + 35 + 2 + 12 = 76.
    assert m.deputies == 76
    assert m.leaders == 52 + 76
    # Quota: departments 8+7+7+7+7+7+8+7+6 = 64; divisions
    # 16+31+35+30+26+29+11+31+12+21+15 = 257; sub-departments 10+12 = 22;
    # public service units 18+15+20+24+22+15 = 114. Total 457.
    assert m.quota == 457
    # Actual: departments 8+7+6+7+8+7+9+7+6 = 65; divisions
    # 17+30+35+28+25+29+12+31+11+23+15 = 256; sub-departments 9+12 = 21;
    # public service units 16+16+22+23+19+15 = 111. Total 453.
    assert m.actual == 453
    # Surplus: SXD, SNNPTNT, VP-UBND-HCTC, STC-NS, SGTVT-QLVT, STNMT-DD,
    # CCBVMT-TD, SNNPTNT-TT, STP-XDVB, SKHDT-TTXTDT 1 each; SGTVT-TTDK and
    # SNV-VP 2 each.
    assert m.surplus == 10 * 1 + 2 + 2
    # Deficit: STC, SKHDT-VP, STC-GCS, SGTVT-QLKCHT, SXD-NO, STNMT-VP,
    # CCBVMT, SNNPTNT-CN, CCTL-PCTT, STP-HCTP 1 each; SGTVT-QLCL 2;
    # VP-UBND-TTPVHCC 2, STNMT-TTPTQD 1, SNNPTNT-TTKN 3.
    assert m.deficit == 10 * 1 + 2 + 2 + 1 + 3


def test_stats_of_province_small(
    province_small: Organisation, rulebook: Rulebook
) -> None:
    s = stats(province_small, rulebook)
    assert s["units_by_level"] == {"province": 53}
    # Spans: HS-TINH 9, VP-UBND 3, SKHDT 5, STC 4, SGTVT 5, SXD 4,
    # STNMT 5, CCBVMT 2, SNNPTNT 6, CCTL 2, SNV 3, STP 4; sorted
    # 2 2 3 3 4 4 4 5 5 5 6 9: median (4 + 4) / 2, mean 52 / 12.
    assert s["spans"] == {
        "min": 2,
        "median": 4,
        "max": 9,
        "mean": 4.33,
        "distribution": {
            "1": 0,
            "2-3": 4,
            "4-7": 7,
            "8-12": 1,
            "13-16": 0,
            "17+": 0,
        },
    }
    # HS-LS: SGTVT-TTDK 20/22, CCTL 12/12, CCTL-QLCT 7/7, CCTL-PCTT 5/4.
    assert s["by_locality"]["HS-LS"] == {
        "name": "Xã Lương Sơn",
        "units": 4,
        "quota": 44,
        "actual": 45,
        "surplus": 2,
        "deficit": 1,
    }
    # HS-DT holds the rest: 53 - 1 (HS) - 4 (LS) - 1 (TL) - 1 (MH) - 1
    # (KB) units; quota 457 - 44 - 24 - 15 - 22; actual 453 - 45 - 23 -
    # 15 - 19; surplus 14 - 2; deficit 18 - 1 (LS) - 1 (TL) - 3 (KB).
    assert s["by_locality"]["HS-DT"] == {
        "name": "Phường Đồng Tiến",
        "units": 45,
        "quota": 352,
        "actual": 351,
        "surplus": 12,
        "deficit": 13,
    }
    assert s["by_locality"]["HS"]["units"] == 1
    # STC-GCS: 8 civil servants, below 10, so 1 deputy; it has 2.
    # SNNPTNT: a department, 3 deputies (half its quota of 8 is 4); it
    # has 4. No other unit is above its cap.
    assert [
        (e["unit"], e["kind"], e["deputies"], e["cap"], e["excess"])
        for e in s["over_cap"]
    ] == [("STC-GCS", "division", 2, 1, 1), ("SNNPTNT", "department", 4, 3, 1)]
    assert s["over_cap"][0]["name"] == "Phòng Quản lý giá và công sản"
    # The rule in the language asked for (Vietnamese by default).
    assert s["over_cap"][0]["rule"] == (
        "phòng có 8 công chức: tối đa 1 cấp phó (Nghị định 370/2025)"
    )
    balance = {row["unit"]: row for row in s["by_unit"]}
    assert len(balance) == 53
    assert balance["SNNPTNT-TTKN"]["deficit"] == 3
    assert balance["SGTVT-TTDK"]["surplus"] == 2


def test_stats_names_in_english(
    province_small: Organisation, rulebook: Rulebook
) -> None:
    s = stats(province_small, rulebook, lang="en")
    names = {row["unit"]: row["name"] for row in s["by_unit"]}
    assert names["STC"] == "Department of Finance"
    assert s["over_cap"][1]["name"] == (
        "Department of Agriculture and Rural Development"
    )
    assert s["over_cap"][0]["rule"] == (
        "division with 8 civil servants: at most 1 deputy (Decree 370/2025)"
    )


def test_stats_is_json_and_deterministic(
    province_small: Organisation, rulebook: Rulebook
) -> None:
    first = json.dumps(stats(province_small, rulebook), ensure_ascii=False)
    second = json.dumps(stats(province_small, rulebook), ensure_ascii=False)
    assert first == second
    assert "Tỉnh Hòa Sơn" in first


def test_deep_chain_metrics(
    deep_chain: Organisation, rulebook: Rulebook
) -> None:
    m = metrics(deep_chain, rulebook)
    assert (m.units, m.focal_points, m.layers, m.intermediate_units) == (
        4,
        3,
        4,
        2,
    )
    assert span_summary(deep_chain)["distribution"]["1"] == 3


def test_empty_spans_have_no_numbers() -> None:
    org = Organisation(
        units=(Unit(id="A", name="A", kind="division", level="province"),)
    )
    summary = span_summary(org)
    assert summary["min"] is None and summary["mean"] is None
    assert sum(summary["distribution"].values()) == 0


@st.composite
def _forests(draw: st.DrawFn) -> Organisation:
    """Random forests: each unit's parent is an earlier unit or none."""
    n = draw(st.integers(1, 30))
    units = []
    for i in range(n):
        parent = draw(st.none() | st.integers(0, i - 1)) if i else None
        quota, actual = draw(st.integers(0, 20)), draw(st.integers(0, 20))
        units.append(
            Unit(
                id=f"U{i}",
                name=f"Đơn vị {i}",
                kind=draw(st.sampled_from(["province", "division"])),
                level="province",
                parent=None if parent is None else f"U{parent}",
                quota=quota,
                actual=actual,
                heads=draw(st.integers(0, 1)),
                deputies=draw(st.integers(0, 3)),
            )
        )
    return Organisation(units=tuple(units))


@given(_forests())
def test_metrics_invariants(org: Organisation) -> None:
    m = metrics(org, load_rulebook())
    tree = hierarchy(org)
    roots = [n for n in tree if tree.in_degree(n) == 0]
    assert m.layers == nx.dag_longest_path_length(tree) + 1
    assert m.surplus - m.deficit == m.actual - m.quota
    assert m.focal_points == m.units_by_kind.get("division", 0)
    assert m.intermediate_units == sum(
        1 for n in tree if tree.in_degree(n) and tree.out_degree(n)
    )
    summary = span_summary(org)
    assert sum(summary["distribution"].values()) == sum(
        1 for n in tree if tree.out_degree(n)
    )
    # Every non-root is counted once in its parent's span.
    spans_total = sum(tree.out_degree(n) for n in tree)
    assert spans_total == m.units - len(roots)
    assert list(summary["distribution"]) == [b for b, _ in SPAN_BUCKETS]


def test_bundled_roster_is_the_output_of_make_staff(
    province_small: Organisation,
) -> None:
    """staff.csv is what make_staff.py writes, one person per staff member."""
    script = PROVINCE_SMALL / "make_staff.py"
    spec = importlib.util.spec_from_file_location("make_staff", script)
    assert spec is not None and spec.loader is not None
    make_staff = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_staff)
    data = PROVINCE_SMALL / "data"
    with (data / "units.csv").open(encoding="utf-8", newline="") as f:
        units = list(csv.DictReader(f))
    people = make_staff.roster(units, random.Random(make_staff.SEED))
    with (data / "staff.csv").open(encoding="utf-8", newline="") as f:
        committed = list(csv.DictReader(f))
    assert committed == [
        {key: str(value) for key, value in person.items()} for person in people
    ]
    per_unit = Counter(p.unit for p in province_small.staff)
    assert all(per_unit[u.id] == u.actual for u in province_small.units)
