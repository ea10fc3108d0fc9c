"""Điểm yếu của phương án (tiếng Việt), cùng khóa với
:mod:`orgplan.i18n.weakspots_en`.
"""

WEAKSPOTS: dict[str, str] = {
    "weakspot.unrelated_merge": (
        "{member} ({member_staff} người) được hợp nhất vào {into} "
        "({into_staff} người) dù công việc không liên quan: {why}."
    ),
    "weakspot.low_similarity": (
        "{member} được hợp nhất vào {into} dù ít việc chung (mức tương đồng "
        "chức năng {similarity})."
    ),
    "weakspot.below_minimum": (
        "{unit} có biên chế {quota}, dưới mức tối thiểu {minimum} của "
        "{kind}."
    ),
    "weakspot.deputies_above_cap": (
        "{unit} có {deputies} cấp phó, vượt {excess} so với mức tối đa "
        "{cap}, trước đây {before}."
    ),
    "weakspot.deputies_grow": (
        "Loại {kind}: số cấp phó tăng từ {before} lên {after} trong khi số "
        "đơn vị giảm từ {units_before} còn {units_after}."
    ),
    "weakspot.large_gap": (
        "Quá trình tìm kiếm dừng cách cận tốt nhất {gap}: có thể còn "
        "phương án tốt hơn (hãy cho thêm thời gian)."
    ),
    "weakspot.duplicate_support": (
        "{unit} vẫn giữ {count} {support} ({children}): chỉ nên còn một."
    ),
    "weakspot.duplicate_name": (
        "{count} đơn vị thuộc {parent} trùng tên {name}: {units}."
    ),
    "weakspot.duplicate_name_input": (
        "{count} đơn vị thuộc {parent} đã trùng tên {name} từ trước: "
        "{units}."
    ),
    "support.office": "văn phòng",
    "support.inspectorate": "thanh tra",
    "support.plan_finance": "phòng kế hoạch - tài chính",
}
