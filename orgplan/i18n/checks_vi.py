"""Vietnamese words of the plan checker (:mod:`orgplan.check`) and of the
deputy caps in words (:mod:`orgplan.semantics.caps`), part of the
catalogue (:mod:`orgplan.i18n.vi`).
"""

CHECKS: dict[str, str] = {
    "violation_error": "lỗi",
    "violation_warning": "cảnh báo",
    "check_objective": (
        "hàm mục tiêu của phương án là {claimed:g}; tính lại được {value:g}"
    ),
    "check_objective_term": (
        "thành phần {name} của hàm mục tiêu là {claimed:g}; tính lại được "
        "{value:g}"
    ),
    "check_status": (
        "trạng thái của phương án là {status} nhưng phương án vẫn có {what}: "
        "không thể áp dụng một phương án mà bộ giải không tìm được"
    ),
    "check_an_objective": "hàm mục tiêu",
    "check_gap_negative": "khoảng cách tối ưu {gap:g} của phương án bị âm",
    "check_gap_unmeasured": (
        "phương án ghi khoảng cách tối ưu {gap:g} mà không có hàm mục tiêu và "
        "cận để đo"
    ),
    "check_bound_above": (
        "cận {bound:g} của phương án lớn hơn hàm mục tiêu {objective:g}; hàm "
        "mục tiêu được cực tiểu hóa nên không phương án nào tốt hơn cận"
    ),
    "check_gap_mismatch": (
        "khoảng cách tối ưu {gap:g} không khớp với hàm mục tiêu {objective:g} "
        "và cận {bound:g}"
    ),
    "check_unknown_term": (
        "{name} không phải là thành phần của hàm mục tiêu ({terms})"
    ),
    "check_metrics_before": "số liệu trước sắp xếp của phương án ghi {wrong}",
    "check_metrics_after": "số liệu sau sắp xếp của phương án ghi {wrong}",
    "check_value": "{name} {claimed} (đúng là {actual})",
    "check_metrics_unknown": (
        "số liệu của phương án có {names}, chỉ có before và after"
    ),
    "check_balance_missing": (
        "bảng cân đối thiếu dòng cho {unit}, một đơn vị sau sắp xếp"
    ),
    "check_balance_rows": "bảng cân đối có {n} dòng cho {unit}",
    "check_balance_stray": (
        "bảng cân đối có dòng cho {unit}, không phải đơn vị sau sắp xếp"
    ),
    "check_balance_wrong": "bảng cân đối của {unit} ghi {wrong}",
    "check_person_twice": (
        "{person} có tên trong {n} lượt điều động và nghỉ việc; mỗi người chỉ "
        "chuyển đi hoặc nghỉ một lần"
    ),
    "check_person_was_head": (
        "{person} là cấp trưởng trước sắp xếp nên không được điều động hay "
        "nghỉ việc"
    ),
    "check_person_was_deputy": (
        "{person} là cấp phó trước sắp xếp nên không được điều động hay "
        "nghỉ việc"
    ),
    "check_person_excluded": (
        "{person} được đánh dấu loại trừ nên không được điều động hay "
        "nghỉ việc"
    ),
    "check_person_excluded_role": (
        "{person} thuộc staffing.separations.excluded_roles nên không được "
        "điều động hay nghỉ việc"
    ),
    "check_mover_twice": (
        "{person} có tên {n} lần trong danh sách người chuyển"
    ),
    "check_mover_stray": (
        "người chuyển {person} không có trong lượt điều động hay nghỉ việc nào"
    ),
    "check_mover_route": (
        "người chuyển {person} đi theo {route}, nhưng {action} của phương án "
        "ghi {expected}"
    ),
    "check_route": "{source} -> {to} ({action})",
    "check_transfer": "điều động",
    "check_separation": "nghỉ việc",
    "check_leaves": "nghỉ việc",
    "check_mover_missing": (
        "{person} có trong lượt {action} nhưng không có trong danh sách người "
        "chuyển"
    ),
    "check_merged_heads": (
        "đơn vị hợp nhất {unit} có {n} cấp trưởng, không phải một"
    ),
    "check_no_leadership": "đơn vị hợp nhất {unit} không có dòng lãnh đạo",
    "check_deputy_cap": (
        "{unit} có {deputies} cấp phó, vượt mức tối đa {cap} ({rule})"
    ),
    "check_deputy_excess": (
        "{unit} có {deputies} cấp phó, vượt {excess} so với mức tối đa {cap}; "
        "dòng lãnh đạo của đơn vị phải ghi số vượt {excess} với thời hạn giảm "
        "(reduce_by) không muộn hơn {deadline}"
    ),
    "check_deputy_pooled": (
        "{deputies} cấp phó trong {units} đơn vị loại {kind}, {listed} người "
        "được ghi là vượt: vượt mức chung ({rule})"
    ),
    "check_not_judged": (
        "{n} đơn vị được hợp nhất không có chức năng hay lĩnh vực: không đánh "
        "giá được công việc có liên quan hay không"
    ),
    "check_locked": "{unit} bị khóa nhưng {what}",
    "check_out_of_scope": (
        "{unit} thuộc loại {kind}, ngoài phạm vi của kịch bản, nhưng {what}"
    ),
    "check_what_merged": "được hợp nhất vào {into}",
    "check_what_folded": "được nhập vào {into}",
    "check_what_receives": "nhận đơn vị được nhập {unit}",
    "check_what_split": "bị chia tách",
    "check_what_receives_part": "nhận một phần của {unit}",
    "check_no_merges": "kịch bản không cho phép hợp nhất",
    "check_no_splits": "kịch bản không cho phép chia tách",
    "check_no_folds": "kịch bản không cho phép nhập vào cấp trên",
    "check_group_size": (
        "nhóm hợp nhất vào {into} có {n} đơn vị, nhiều hơn max_group_size "
        "{most} của kịch bản"
    ),
    "check_split_function_parts": (
        "chức năng {code} của {unit} được giao cho {n} phần khi chia tách, "
        "không đúng 1"
    ),
    "check_split_foreign_function": (
        "khi chia tách, {unit} giao chức năng {code} mà đơn vị không có"
    ),
    "check_split_unrelated": (
        "{to} nhận các chức năng {functions} của {unit} nhưng không có chức "
        "năng hay nhóm chức năng chung"
    ),
    "check_split_child_unknown": (
        "khi chia tách, {unit} chuyển {child}, không phải đơn vị trực thuộc "
        "của nó"
    ),
    "check_split_child_twice": (
        "khi chia tách, {unit} chuyển đơn vị trực thuộc {child} cho {n} đơn "
        "vị nhận, không phải một"
    ),
    "check_must_merge_unknown": "must_merge nêu đơn vị không tồn tại {unit}",
    "check_must_merge_apart": (
        "{units} phải hợp nhất nhưng lại thuộc các đơn vị khác nhau"
    ),
    "check_must_not_merge": (
        "{units} không được hợp nhất nhưng lại thuộc cùng một đơn vị"
    ),
    "check_words": "{words}",
    "check_persons_count": (
        "{what} nêu tên {n} người trong khi số lượng là {count}"
    ),
    "check_what_transfer": "lượt điều động {source} -> {to}",
    "check_what_separation": "lượt nghỉ việc tại {unit}",
    "check_person_places": (
        "{person} ở {n} nơi sau sắp xếp (một đơn vị hoặc nghỉ việc), không "
        "phải một"
    ),
    "check_person_gone_unit": (
        "{person} thuộc {unit}, không phải đơn vị sau sắp xếp"
    ),
    "check_conservation": (
        "{category}: {before} trước, {after} sau và {left} nghỉ việc"
    ),
    "check_staff_total": (
        "{unit} có {actual} người sau sắp xếp, không phải {expected} là tổng "
        "của các đơn vị thành viên {members}"
    ),
    "check_staff_given": (
        "{unit} có {actual} người sau sắp xếp, không phải {expected} như "
        "phương án giao"
    ),
    "check_transfer_km": (
        "lượt điều động {source} -> {to} xa {km:g} km, hơn max_km {most:g}"
    ),
    "check_transfer_hops": (
        "lượt điều động {source} -> {to} chuyển người qua {hops} địa bàn, hơn "
        "max_hops {most}"
    ),
    "check_transfer_far": (
        "lượt điều động {source} -> {to} chuyển người qua số địa bàn không "
        "xác định, hơn max_hops {most}"
    ),
    "check_transfer_out": (
        "{n} người chuyển khỏi {unit}, hơn max_out_per_unit {most}"
    ),
    "check_units_after_list": (
        "units_after không liệt kê đúng các đơn vị còn lại sau sắp xếp (thiếu "
        "{missing}, thừa {extra})"
    ),
    "check_units_after_order": (
        "units_after không liệt kê đúng các đơn vị còn lại sau sắp xếp (khác "
        "thứ tự)"
    ),
    "check_none": "không có",
    "check_units_after_fields": (
        "units_after ghi {fields} của {unit} khác với kết quả áp dụng "
        "phương án"
    ),
    "check_tree_parent": (
        "{unit} có đơn vị cấp trên {parent}, không phải đơn vị sau sắp xếp"
    ),
    "check_tree_cycle": "{unit} nằm trong một vòng lặp cấp trên sau sắp xếp",
    "check_function_orphan": (
        "chức năng {code} không có đơn vị đảm nhận sau sắp xếp"
    ),
    "check_function_owners": (
        "chức năng {code} có {n} đơn vị đảm nhận sau sắp xếp, không phải một"
    ),
    "check_function_more": (
        "chức năng {code} có {n} đơn vị đảm nhận sau sắp xếp, trước đây "
        "{before}"
    ),
    "check_disconnected": (
        "đơn vị mới {unit} không liền kề: các thành viên nằm trong {n} phần "
        "tách rời ({parts})"
    ),
    "check_standard_area": (
        "{unit}: diện tích {actual:,.6g} km² dưới tiêu chuẩn {required:,.6g} "
        "km² ({rule}); {source}"
    ),
    "check_standard_population": (
        "{unit}: dân số {actual:,.6g} dưới tiêu chuẩn {required:,.6g} "
        "({rule}); {source}"
    ),
    "cap_deputies_one": "{n} cấp phó",
    "cap_deputies_many": "{n} cấp phó",
    "cap_basis_staff": "người",
    "cap_basis_civil_servants": "công chức",
    "cap_basis_child_units": "đơn vị trực thuộc",
    "cap_steps": "{kind} có {size} {basis}: tối đa {deputies} ({source})",
    "cap_steps_merged": (
        "{kind} có {size} {basis}, hình thành từ {members} đơn vị: tối đa "
        "{deputies} ({source})"
    ),
    "cap_both": "{first}; {second}",
    "cap_half": (
        "tối đa {fraction:.0%} của biên chế {quota}: {deputies} ({source})"
    ),
    "cap_none": "không có mức tối đa cấp phó cho {kind}",
    "cap_pooled": (
        "{units} đơn vị loại {kind}, bình quân tối đa {average:g} cấp phó mỗi "
        "đơn vị: tổng cộng tối đa {deputies} ({source})"
    ),
    "cap_pooled_bonus": (
        "{units} đơn vị loại {kind}, bình quân tối đa {average:g} cấp phó mỗi "
        "đơn vị, thêm {bonus} cho đơn vị hợp nhất: tổng cộng tối đa "
        "{deputies} ({source})"
    ),
    "cap_child": (
        "{child} có {deputies}, nhiều hơn đơn vị cấp trên {parent} có "
        "{parent_deputies} ({source})"
    ),
    # Plans that cannot be applied (orgplan.semantics.defects).
    "defect_unknown_unit": "{what} nêu đơn vị không tồn tại {unit}",
    "defect_removed_unit": "{what} nêu {unit}, đơn vị mà phương án bỏ đi",
    "defect_no_parts": "việc chia tách {unit} không có phần nào",
    "defect_split_staff": (
        "các phần chia tách của {unit} giao {given} người nhưng đơn vị có "
        "{actual}"
    ),
    "defect_unknown_person": (
        "{what} nêu {person}, người không có trong danh sách"
    ),
    "defect_merge_few": "nhóm hợp nhất vào {into} có ít hơn hai đơn vị",
    "defect_merge_twice": "nhóm hợp nhất vào {into} ghi một đơn vị hai lần",
    "defect_merge_into": (
        "nhóm hợp nhất vào {into} không có {into} trong các đơn vị thành "
        "viên"
    ),
    "defect_overlap": "{unit} thuộc nhiều hơn một quyết định: {what}",
    "defect_what_merge": "nhóm hợp nhất vào {into}",
    "defect_what_flattened": "danh sách nhập vào cấp trên",
    "defect_what_split": "danh sách chia tách",
    "defect_what_folding": "việc nhập {unit}",
    "defect_what_split_of": "việc chia tách {unit}",
    "defect_what_leadership": "danh sách lãnh đạo",
    "defect_what_transfer": "lượt điều động",
    "defect_what_separation": "lượt nghỉ việc",
    "defect_what_leadership_of": "dòng lãnh đạo của {unit}",
    # Targets and minimum sizes missed (orgplan.semantics.targets).
    "shortfall_max_units": (
        "{n} đơn vị loại {kind} sau sắp xếp, chỉ được tối đa {limit}"
    ),
    "shortfall_min_units": (
        "{n} đơn vị loại {kind} sau sắp xếp, yêu cầu ít nhất {least}"
    ),
    "shortfall_max_cut": (
        "{target}: {new} sau sắp xếp, {old} trước đó; giảm tối đa "
        "{fraction:.0%} thì còn ít nhất {floor}"
    ),
    "shortfall_min_cut": (
        "{target}: {new} sau sắp xếp, {old} trước đó; giảm {fraction:.0%} "
        "thì còn tối đa {limit}"
    ),
    "shortfall_min_staff": (
        "{unit} có biên chế {quota} sau sắp xếp, dưới mức tối thiểu "
        "{minimum} của {kind}"
    ),
    "shortfall_focal_points": "đầu mối",
    "shortfall_leaders": "lãnh đạo",
    "shortfall_staff": "biên chế",
    "shortfall_units": "số đơn vị",
    "shortfall_layers": "số tầng",
}
