"""The 2025 provincial restructuring in miniature (semantics section 5).

Thirteen departments of a province before 2025. Four pairs overlap in
their mandates (Planning & Investment with Finance, Transport with
Construction, Natural Resources & Environment with Agriculture, Information
& Communications with Science & Technology), and Labour-Invalids-Social
Affairs does four things that belong elsewhere (labour to Home Affairs,
vocational training to Education, social protection to Health, poverty
reduction to Agriculture & Environment). Staff sizes are invented; the
functions follow the legal mandates. The optimiser, told only "at most 8
departments" and the weights, must recover what the provinces did.
"""

from __future__ import annotations

from orgs import assert_checked, members, organisation, scenario, solve, unit

from orgplan.model import Organisation, Unit


def province() -> Organisation:
    def dept(uid: str, name: str, functions: str, staff: int) -> Unit:
        return unit(
            uid, "department", "P", functions, staff, deputies=3, name=name
        )

    units = (
        unit("P", "province", None, quota=0, deputies=0, name="Tỉnh Hòa Sơn"),
        dept(
            "SKHDT",
            "Sở Kế hoạch và Đầu tư",
            "fin.invest fin.public_invest",
            40,
        ),
        dept("STC", "Sở Tài chính", "fin.budget fin.public_invest", 45),
        dept(
            "SGTVT", "Sở Giao thông vận tải", "infra.road infra.transport", 40
        ),
        dept("SXD", "Sở Xây dựng", "infra.construction infra.road", 45),
        dept(
            "STNMT", "Sở Tài nguyên và Môi trường", "agri.land agri.water", 40
        ),
        dept(
            "SNNPTNT",
            "Sở Nông nghiệp và Phát triển nông thôn",
            "agri.crops agri.water agri.poverty",
            60,
        ),
        dept("STTTT", "Sở Thông tin và Truyền thông", "sci.it sci.press", 30),
        dept("SKHCN", "Sở Khoa học và Công nghệ", "sci.research sci.it", 35),
        dept(
            "SLDTBXH",
            "Sở Lao động - Thương binh và Xã hội",
            "home.labour edu.vocational health.social agri.poverty",
            40,
        ),
        dept("SNV", "Sở Nội vụ", "home.org home.labour", 35),
        dept(
            "SGDDT", "Sở Giáo dục và Đào tạo", "edu.school edu.vocational", 50
        ),
        dept("SYT", "Sở Y tế", "health.hospital health.social", 50),
        dept("STP", "Sở Tư pháp", "justice.legal", 30),
    )
    # Each function's taxonomy parent is its sector, the code's prefix.
    codes = sorted({f for u in units for f in u.functions})
    taxonomy = " ".join(f"{c}:{c.split('.')[0]}" for c in codes)
    return organisation(*units, taxonomy=taxonomy)


def test_the_optimiser_recovers_the_2025_pattern() -> None:
    org = province()
    sc = scenario(
        scope={"kinds": ["department"]},
        targets={"max_units": {"department": 8}},
        weights={
            "focal_points": 1,
            "leaders": 2,
            "layers": 0,
            "imbalance": 1,
            "incoherence": 4,
        },
        names={"SNNPTNT": "Sở Nông nghiệp và Môi trường"},
        solver={"time_limit_s": 2, "workers": 1, "reproducible": True},
    )
    plan = solve(org, sc).plan
    assert sorted(map(sorted, members(plan))) == [
        ["SGTVT", "SXD"],
        ["SKHCN", "STTTT"],
        ["SKHDT", "STC"],
        ["SNNPTNT", "STNMT"],
    ]
    # The larger department of each pair absorbs the other, as in 2025.
    assert {m.into for m in plan.merges} == {"STC", "SXD", "SNNPTNT", "SKHCN"}
    (split,) = plan.splits
    assert split.unit == "SLDTBXH"
    assert {(p.to, p.functions) for p in split.parts} == {
        ("SNV", ("home.labour",)),
        ("SGDDT", ("edu.vocational",)),
        ("SYT", ("health.social",)),
        ("SNNPTNT", ("agri.poverty",)),
    }
    assert sum(p.staff for p in split.parts) == 40
    renamed = next(m for m in plan.merges if m.into == "SNNPTNT")
    assert renamed.name == "Sở Nông nghiệp và Môi trường"
    # Every merged department keeps its former leaders as deputies for
    # now (transition keep), above the cap of 3 + 1, with a deadline.
    merged = {m.into for m in plan.merges}
    for lead in plan.leadership:
        if lead.unit in merged:
            assert (lead.deputies, lead.cap, lead.excess) == (7, 4, 3)
            assert lead.reduce_by is not None
    assert_checked(org, sc, plan)
