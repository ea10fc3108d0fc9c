"""User-facing labels in English and Vietnamese.

Charts and exports look their words up here so that ``--lang vi`` changes
every header and label at once. Keys are stable identifiers.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["en", "vi"]
LANGS: tuple[Lang, ...] = ("en", "vi")

LABELS: dict[str, dict[Lang, str]] = {
    "unit": {"en": "Unit", "vi": "Đơn vị"},
    "name": {"en": "Name", "vi": "Tên"},
    "kind": {"en": "Kind", "vi": "Loại"},
    "level": {"en": "Level", "vi": "Cấp"},
    "parent": {"en": "Parent", "vi": "Đơn vị cấp trên"},
    "locality": {"en": "Locality", "vi": "Địa bàn"},
    "quota": {"en": "Quota", "vi": "Biên chế được giao"},
    "actual": {"en": "Actual", "vi": "Hiện có"},
    "surplus": {"en": "Surplus", "vi": "Thừa"},
    "deficit": {"en": "Deficit", "vi": "Thiếu"},
    "heads": {"en": "Heads", "vi": "Cấp trưởng"},
    "deputies": {"en": "Deputies", "vi": "Cấp phó"},
    "leaders": {"en": "Leaders", "vi": "Lãnh đạo"},
    "focal_points": {"en": "Focal points", "vi": "Đầu mối"},
    "layers": {"en": "Layers", "vi": "Số tầng"},
    "intermediate_units": {"en": "Intermediate units", "vi": "Cấp trung gian"},
    "units": {"en": "Units", "vi": "Số đơn vị"},
    "before": {"en": "Before", "vi": "Trước"},
    "after": {"en": "After", "vi": "Sau"},
    "change": {"en": "Change", "vi": "Thay đổi"},
    # orgplan stats (cli.py, from orgplan.graph.stats).
    "stats_indicator": {"en": "Indicator", "vi": "Chỉ tiêu"},
    "stats_value": {"en": "Value", "vi": "Giá trị"},
    "stats_spans": {"en": "Span of control", "vi": "Tầm quản lý"},
    "stats_spans_line": {
        "en": "min {min} · median {median} · max {max} · mean {mean}",
        "vi": "nhỏ nhất {min} · trung vị {median} · lớn nhất {max} · "
        "trung bình {mean}",
    },
    "stats_over_cap": {
        "en": "Units above their deputy cap",
        "vi": "Đơn vị vượt số cấp phó tối đa",
    },
    "stats_none_over_cap": {
        "en": "No unit is above its deputy cap.",
        "vi": "Không đơn vị nào vượt số cấp phó tối đa.",
    },
    "stats_cap": {"en": "Cap", "vi": "Tối đa"},
    "stats_excess": {"en": "Excess", "vi": "Vượt"},
    "stats_rule": {"en": "Rule", "vi": "Quy định"},
    # Charts, the HTML report and scenario comparison (orgplan.charts,
    # orgplan.report, orgplan.compare); "{n}"-style fields are filled in.
    "chart_before": {"en": "Before", "vi": "Trước sắp xếp"},
    "chart_after": {"en": "After", "vi": "Sau sắp xếp"},
    "chart_diff": {"en": "Changes", "vi": "Những thay đổi"},
    "chart_page": {
        "en": "page {page} of {pages}",
        "vi": "trang {page}/{pages}",
    },
    "chart_part": {
        "en": "part {part} of {parts}",
        "vi": "phần {part}/{parts}",
    },
    "chart_legend": {"en": "Legend", "vi": "Chú giải"},
    "chart_leaders": {
        "en": "{heads} head · {deputies} deputies",
        "vi": "{heads} trưởng · {deputies} phó",
    },
    "chart_excess": {"en": "+{excess} over cap", "vi": "vượt {excess}"},
    "chart_excess_by": {"en": "by {date}", "vi": "giảm trước {date}"},
    "chart_staff": {
        "en": "quota {quota} · actual {actual}",
        "vi": "biên chế {quota} · hiện có {actual}",
    },
    "chart_surplus": {"en": "surplus {n}", "vi": "thừa {n}"},
    "chart_deficit": {"en": "deficit {n}", "vi": "thiếu {n}"},
    "chart_rollup": {
        "en": "{units} units, {staff} staff below",
        "vi": "{units} đơn vị, {staff} người bên dưới",
    },
    "chart_see_page": {"en": "see page {page}", "vi": "xem trang {page}"},
    "chart_from_page": {"en": "on page {page}", "vi": "ở trang {page}"},
    "chart_formed_from": {
        "en": "formed from {names}",
        "vi": "hợp nhất từ {names}",
    },
    "chart_merged_into": {
        "en": "merged into {name}",
        "vi": "sáp nhập vào {name}",
    },
    "chart_folded_into": {"en": "folded into {name}", "vi": "nhập vào {name}"},
    "chart_split_to": {"en": "split among {names}", "vi": "chia cho {names}"},
    "status_unchanged": {"en": "unchanged", "vi": "giữ nguyên"},
    "status_merged": {"en": "formed by a merger", "vi": "hợp nhất"},
    "status_receiving": {
        "en": "receives units or functions",
        "vi": "tiếp nhận đơn vị, chức năng",
    },
    "status_new": {"en": "new", "vi": "thành lập mới"},
    "status_merged_away": {
        "en": "merged into another unit",
        "vi": "sáp nhập vào đơn vị khác",
    },
    "status_folded": {
        "en": "folded into its parent",
        "vi": "nhập vào đơn vị cấp trên",
    },
    "status_split": {
        "en": "split up, functions moved",
        "vi": "chia tách, chuyển chức năng",
    },
    "status_removed": {"en": "removed", "vi": "giải thể"},
    "report_title": {
        "en": "Restructuring plan",
        "vi": "Phương án sắp xếp tổ chức bộ máy",
    },
    "report_kpis": {"en": "Key figures", "vi": "Các chỉ tiêu chính"},
    "report_charts": {"en": "Organisation charts", "vi": "Sơ đồ tổ chức"},
    "report_chart_missing": {
        "en": "Not rendered (Graphviz is not installed); DOT source: {path}",
        "vi": "Chưa vẽ được (chưa cài Graphviz); mã DOT: {path}",
    },
    "report_merges": {"en": "Mergers", "vi": "Hợp nhất, sáp nhập"},
    "report_new_unit": {"en": "New unit", "vi": "Đơn vị mới"},
    "report_members": {"en": "Members", "vi": "Các đơn vị hợp nhất"},
    "report_reasons": {"en": "Reasons", "vi": "Lý do"},
    "report_folds": {
        "en": "Folded units",
        "vi": "Đơn vị nhập vào cấp trên",
    },
    "report_into": {"en": "Into", "vi": "Nhập vào"},
    "report_splits": {"en": "Split units", "vi": "Đơn vị chia tách"},
    "report_to": {"en": "To", "vi": "Đến"},
    "report_from": {"en": "From", "vi": "Từ"},
    "report_functions": {"en": "Functions", "vi": "Chức năng"},
    "report_staff": {"en": "Staff", "vi": "Số người"},
    "report_leadership": {"en": "Leadership", "vi": "Lãnh đạo"},
    "report_cap": {"en": "Cap", "vi": "Định mức"},
    "report_excess": {"en": "Excess", "vi": "Vượt"},
    "report_reduce_by": {"en": "Reduce by", "vi": "Giảm trước"},
    "report_transfers": {"en": "Transfers", "vi": "Điều động"},
    "report_separations": {"en": "Separations", "vi": "Tinh giản"},
    "report_category": {"en": "Category", "vi": "Loại cán bộ"},
    "report_count": {"en": "People", "vi": "Số người"},
    "report_policy": {"en": "Policy", "vi": "Chính sách"},
    "report_cost": {"en": "Cost", "vi": "Kinh phí"},
    "report_total": {"en": "Total", "vi": "Tổng"},
    "report_none": {"en": "None.", "vi": "Không có."},
    "report_solver": {"en": "Solver", "vi": "Bộ giải"},
    "report_status": {"en": "Status", "vi": "Trạng thái"},
    "report_method": {"en": "Method", "vi": "Phương pháp"},
    "report_mode": {"en": "Mode", "vi": "Chế độ"},
    "report_objective": {"en": "Objective", "vi": "Hàm mục tiêu"},
    "report_bound": {"en": "Best bound", "vi": "Cận tốt nhất"},
    "report_gap": {"en": "Gap", "vi": "Khoảng cách tối ưu"},
    "report_time": {"en": "Solve time (s)", "vi": "Thời gian giải (giây)"},
    "report_scenario": {"en": "Scenario", "vi": "Kịch bản"},
    "report_scope": {"en": "Scope", "vi": "Phạm vi"},
    "report_targets": {"en": "Targets", "vi": "Mục tiêu"},
    "report_locks": {"en": "Locked units", "vi": "Đơn vị giữ nguyên"},
    "report_must_merge": {"en": "Must merge", "vi": "Bắt buộc hợp nhất"},
    "report_must_not_merge": {
        "en": "Must not merge",
        "vi": "Không được hợp nhất",
    },
    "report_weights": {"en": "Weights", "vi": "Trọng số"},
    "report_binding": {"en": "Binding rules", "vi": "Quy định ràng buộc"},
    "report_notes": {"en": "Notes", "vi": "Ghi chú"},
    "compare_plan": {"en": "Plan", "vi": "Phương án"},
    "compare_excess_deputies": {
        "en": "Deputies over cap",
        "vi": "Cấp phó vượt định mức",
    },
    "compare_staff": {"en": "Staff", "vi": "Biên chế hiện có"},
    "compare_moves": {"en": "Moves", "vi": "Điều động"},
    "compare_separations": {"en": "Separations", "vi": "Tinh giản"},
    "compare_cost": {"en": "Separation cost", "vi": "Kinh phí tinh giản"},
    # The staffing plan export (orgplan.export): sheet names (at most 31
    # characters), column headers and the values of coded columns.
    "sheet_summary": {"en": "Summary", "vi": "Tổng hợp"},
    "sheet_units_after": {"en": "Units after", "vi": "Đơn vị sau sắp xếp"},
    "sheet_localities": {"en": "Localities", "vi": "Địa bàn"},
    "sheet_mergers": {"en": "Mergers", "vi": "Sắp xếp đơn vị"},
    "sheet_leadership": {"en": "Leadership", "vi": "Lãnh đạo"},
    "sheet_transfers": {"en": "Transfers", "vi": "Điều động"},
    "sheet_separations": {"en": "Separations", "vi": "Tinh giản"},
    "sheet_movers": {"en": "Movers", "vi": "Danh sách cá nhân"},
    "col_indicator": {"en": "Indicator", "vi": "Chỉ tiêu"},
    "col_decision": {"en": "Decision", "vi": "Hình thức"},
    "col_members": {"en": "Members", "vi": "Các đơn vị"},
    "col_member_names": {"en": "Member names", "vi": "Tên các đơn vị"},
    "col_reasons": {"en": "Reasons", "vi": "Lý do"},
    "col_actual_before": {
        "en": "Actual before transfers",
        "vi": "Hiện có trước điều động",
    },
    "col_actual_after": {"en": "Actual after", "vi": "Hiện có sau"},
    "col_cap": {"en": "Deputy cap", "vi": "Định mức cấp phó"},
    "col_excess": {"en": "Deputies over cap", "vi": "Cấp phó vượt"},
    "col_reduce_by": {"en": "Reduce by", "vi": "Giảm trước ngày"},
    "col_head": {"en": "Head (id)", "vi": "Người đứng đầu (mã)"},
    "col_head_name": {"en": "Head", "vi": "Người đứng đầu"},
    "col_head_from": {"en": "Head from unit", "vi": "Người đứng đầu từ"},
    "col_former_heads": {
        "en": "Former heads",
        "vi": "Cấp trưởng cũ",
    },
    "col_deputy_persons": {"en": "Deputies (ids)", "vi": "Cấp phó (mã)"},
    "col_from": {"en": "From", "vi": "Từ đơn vị"},
    "col_from_name": {"en": "From (name)", "vi": "Tên đơn vị đi"},
    "col_to": {"en": "To", "vi": "Đến đơn vị"},
    "col_to_name": {"en": "To (name)", "vi": "Tên đơn vị đến"},
    "col_category": {"en": "Category", "vi": "Loại cán bộ"},
    "col_count": {"en": "People", "vi": "Số người"},
    "col_hops": {"en": "Hops", "vi": "Số bước liền kề"},
    "col_km": {"en": "km", "vi": "km"},
    "col_mode": {"en": "Mode", "vi": "Hình thức"},
    "col_persons": {"en": "Persons (ids)", "vi": "Danh sách (mã)"},
    "col_policy": {"en": "Policy", "vi": "Chính sách"},
    "col_cost": {"en": "Cost (VND)", "vi": "Kinh phí (đồng)"},
    "col_person": {"en": "Person (id)", "vi": "Mã cán bộ"},
    "col_person_name": {"en": "Full name", "vi": "Họ và tên"},
    "col_action": {"en": "Action", "vi": "Hình thức"},
    "ind_transfers": {"en": "Staff transferred", "vi": "Số người điều động"},
    "ind_separations": {
        "en": "Staff separated",
        "vi": "Số người nghỉ theo chính sách",
    },
    "ind_separation_cost": {
        "en": "Separation cost (VND)",
        "vi": "Kinh phí giải quyết chính sách (đồng)",
    },
    "civil_servant": {"en": "civil servant", "vi": "công chức"},
    "public_employee": {"en": "public employee", "vi": "viên chức"},
    "contract": {"en": "contract", "vi": "hợp đồng lao động"},
    "merge": {"en": "merger", "vi": "hợp nhất"},
    "fold": {"en": "folded into parent", "vi": "nhập vào cấp trên"},
    "split": {"en": "split", "vi": "chia tách"},
    "transfer": {"en": "transfer", "vi": "điều động"},
    "separation": {"en": "separation", "vi": "nghỉ theo chính sách"},
    "permanent": {"en": "permanent", "vi": "điều động"},
    "secondment": {"en": "secondment", "vi": "biệt phái"},
    "early-retirement": {"en": "early retirement", "vi": "nghỉ hưu trước tuổi"},
    "resignation": {"en": "resignation", "vi": "thôi việc"},
    "retirement": {"en": "retirement", "vi": "nghỉ hưu"},
    "decree-178": {"en": "Decree 178/2024", "vi": "Nghị định 178/2024"},
}


def label(key: str, lang: Lang = "en") -> str:
    """The label of ``key`` in ``lang``; the key itself when unknown."""
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(lang, entry["en"])
