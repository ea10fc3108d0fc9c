"""Vietnamese words of the plan checker (:mod:`orgplan.check`), the deputy
caps (:mod:`orgplan.semantics.caps`), plans that cannot apply, targets
missed, the commands' errors and infeasible scenarios; part of the
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
    "check_unconsolidated": (
        "{unit} vẫn giữ {count} đơn vị tham mưu cùng loại ({children}) do "
        "hợp nhất mà có: các đơn vị này phải hợp nhất cùng với việc hợp nhất"
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
        "{unit}: diện tích {actual} km² dưới tiêu chuẩn {required} "
        "km² ({rule}); {source}"
    ),
    "check_standard_population": (
        "{unit}: dân số {actual} dưới tiêu chuẩn {required} "
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
    # Errors of the commands (orgplan.errors, charts, export).
    "infeasible_head": (
        "Kịch bản {scenario!r} không có phương án: các yêu cầu sau không "
        "thể cùng được đáp ứng:"
    ),
    "infeasible_tail": (
        "Hãy nới một trong các yêu cầu đó (một mục tiêu, một khóa, một "
        "cặp must_merge hoặc một rules_overrides) rồi chạy lại."
    ),
    "error_no_graphviz": (
        "Không tìm thấy chương trình `dot` của Graphviz nên sơ đồ chưa "
        "được vẽ; mã DOT nằm trong {path}. Hãy cài Graphviz "
        "(Debian/Ubuntu: `sudo apt-get install graphviz`; macOS: `brew "
        "install graphviz`) rồi chạy lại lệnh."
    ),
    "error_chart_no_plan": (
        "Sơ đồ {view} cần một phương án: hãy đưa plan.json hoặc một kịch "
        "bản, không chỉ dữ liệu của tổ chức."
    ),
    "error_chart_data_only": (
        "{path} chỉ có dữ liệu của tổ chức, không có phương án: hãy đưa "
        "một kịch bản hoặc plan.json."
    ),
    "error_chart_root": "Không tìm thấy đơn vị {root!r} (được chọn làm gốc).",
    "error_chart_depth": "Độ sâu phải từ 1 trở lên (đã nhập {depth}).",
    "error_chart_boxes": "Mỗi trang cần chỗ cho ít nhất 2 ô (đã nhập {n}).",
    "error_graphviz_failed": (
        "Graphviz không vẽ được sơ đồ ({format}): {detail}"
    ),
    "error_plan_no_data": (
        "{path}: phương án không ghi được lập cho dữ liệu nào "
        "(settings.data_path); hãy chỉ ra bằng --data PATH"
    ),
    "error_refused": (
        "{path} bị từ chối (orgplan check {path} cho biết "
        "thêm):\n{problems}\nDùng --force để vẫn tiếp tục."
    ),
    "warning_forced": (
        "cảnh báo: {path} vẫn tiếp tục với --force dù có:\n{problems}"
    ),
    # An output folder that cannot be written (orgplan.io.run_folder).
    "output_not_written": (
        "không ghi được thư mục kết quả {target}: {path}: {reason}; thư "
        "mục được giữ nguyên"
    ),
    "output_file_above": (
        "không ghi được thư mục kết quả {target}: {above} là một tệp, "
        "không phải thư mục"
    ),
    "output_no_lock": (
        "không ghi được thư mục kết quả {target}: không lấy được khóa "
        "{lock}: {reason}"
    ),
    "output_locked": (
        "một lượt chạy orgplan khác (tiến trình {holder}) đang ghi "
        "{target}; hãy chờ lượt đó xong hoặc chọn --out khác"
    ),
    "output_is_file": "{target} là một tệp, không phải thư mục",
    "output_foreign": (
        "{target} có các tệp không do orgplan ghi ({shown}); mỗi lượt "
        "chạy thay toàn bộ thư mục kết quả, nên hãy chọn một thư mục mới "
        "hoặc trống, hoặc thư mục do một lượt chạy trước ghi"
    ),
    "manifest_unreadable": "{path}: {reason}",
    "manifest_foreign": "{path} không phải bản kê do orgplan ghi",
    "manifest_missing": "thiếu {path}",
    "manifest_changed": "{path} đã bị sửa sau khi lượt chạy ghi ra",
    # Why a scenario has no plan (orgplan.optimize.explain).
    "conflict_staff_keep": (
        "targets.min_cut.staff yêu cầu giảm tổng biên chế nhưng "
        "staffing.quota là keep: hợp nhất đơn vị không bao giờ làm thay "
        "đổi tổng biên chế (hãy dùng staffing.quota {{cut: f}})"
    ),
    "conflict_not_singled": (
        "không tìm được phương án và bộ giải không kịp chỉ ra chỗ mâu "
        "thuẫn; các yêu cầu liên quan là: {groups}"
    ),
    "conflict_locks": "khóa trên {n} đơn vị: {units}",
    "conflict_must_unknown": "must_merge nêu {unit}, không phải là một đơn vị",
    "conflict_must_locked": (
        "{unit} ({name}) bị khóa nhưng phải hợp nhất (must_merge {group})"
    ),
    "conflict_must_scope": (
        "{unit} ({name}) phải hợp nhất nhưng loại {kind} của đơn vị nằm "
        "ngoài scope.kinds"
    ),
    "conflict_group_size": (
        "must_merge {group} có {n} đơn vị, vượt scope.max_group_size "
        "{most}"
    ),
    "conflict_both": "{units} vừa thuộc must_merge vừa thuộc must_not_merge",
    "conflict_max_units_scope": (
        "targets.max_units.{kind} là {n} nhưng hiện có {have} và loại này "
        "nằm ngoài scope.kinds"
    ),
    "conflict_max_units_locked": (
        "targets.max_units.{kind} là {n} nhưng {locked} đơn vị loại này "
        "bị khóa: {units}"
    ),
    "conflict_max_units_off": (
        "targets.max_units.{kind} là {n} trên {have} nhưng scope tắt cả "
        "hợp nhất, nhập vào cấp trên và chia tách"
    ),
    "conflict_min_cut_units": (
        "targets.min_cut.units yêu cầu giảm {n} đơn vị nhưng chỉ có "
        "{movable} đơn vị trong phạm vi và không bị khóa"
    ),
    "conflict_stuck": (
        "{what}, mà đơn vị không có cách hợp nhất, nhập hay chia tách nào"
    ),
    "conflict_greedy": (
        "{what} (các bước tham lam không tìm được cách đáp ứng)"
    ),
    "conflict_greedy_stopped": (
        "{what} (các bước tham lam bị dừng trước khi đáp ứng)"
    ),
    "conflict_must_group": "nhóm must_merge {units}: {reason}",
    # The optimiser's constraint groups, named when a scenario has no
    # plan (orgplan.optimize.families).
    "group_pooled": "bình quân tối đa {average:g} cấp phó mỗi {kind}",
    "group_child": (
        "không đơn vị nào trực thuộc {unit} được có nhiều cấp phó hơn đơn "
        "vị đó (Nghị định 370/2025)"
    ),
    "group_deputy_cap": (
        "mức tối đa cấp phó của {unit}, đơn vị giữ {n} cấp phó"
    ),
    "group_max_size": (
        "tối đa {n} đơn vị mỗi nhóm hợp nhất (scope.max_group_size)"
    ),
    "group_lock": "khóa trên {unit}",
    "group_must_merge": "nhóm phải hợp nhất {units}",
    "group_must_not_merge": "cặp không được hợp nhất {units}",
    "group_quota_of": "{unit} (biên chế {quota})",
    "group_min_staff": "biên chế tối thiểu {minimum} của {kind}",
    "group_min_staff_below": (
        "biên chế tối thiểu {minimum} của {kind}, mức mà {units} phải đạt"
    ),
    "group_max_units": "tối đa {n} đơn vị loại {kind} (targets.max_units)",
    "group_min_units": "ít nhất {n} đơn vị loại {kind} (targets.min_units)",
    "group_min_cut": (
        "giảm {share:.0%} {what} (targets.min_cut.{target}: tối đa "
        "{limit} trên {before})"
    ),
    "group_max_cut": (
        "giảm tối đa {share:.0%} {what} (targets.max_cut.{target}: ít "
        "nhất {floor} trên {before})"
    ),
}
