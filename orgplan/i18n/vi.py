"""Thông điệp tiếng Việt: Vietnamese messages.

The same keys as :mod:`orgplan.i18n.en`; the Vietnamese input headers,
column meanings and rule sources are in :mod:`orgplan.i18n.vi_input`.
"""

from orgplan.i18n.checks_vi import CHECKS
from orgplan.i18n.errors_vi import ERRORS
from orgplan.i18n.help_vi import HELP
from orgplan.i18n.notes_vi import NOTES
from orgplan.i18n.obstacles_vi import OBSTACLES
from orgplan.i18n.problems_vi import PROBLEMS
from orgplan.i18n.weakspots_vi import WEAKSPOTS

MESSAGES: dict[str, str] = {
    "unit": "Đơn vị",
    "name": "Tên",
    "kind": "Loại",
    "level": "Cấp",
    "parent": "Đơn vị cấp trên",
    "locality": "Địa bàn",
    "quota": "Biên chế được giao",
    "actual": "Hiện có",
    "surplus": "Thừa",
    "deficit": "Thiếu",
    "heads": "Cấp trưởng",
    "deputies": "Cấp phó",
    "leaders": "Lãnh đạo",
    "leaders_at_deadline": "Lãnh đạo sau thời hạn",
    "focal_points": "Đầu mối",
    "layers": "Số tầng",
    "intermediate_units": "Cấp trung gian",
    "units": "Số đơn vị",
    "before": "Trước",
    "after": "Sau",
    "change": "Thay đổi",
    # A unit whose name other units bear, told apart by its parent's
    # (orgplan.i18n.names.distinct_name).
    "unit_in_parent": "{name} ({parent})",
    # orgplan stats (cli.py, from orgplan.graph.stats).
    "stats_indicator": "Chỉ tiêu",
    "stats_value": "Giá trị",
    "stats_spans": "Tầm quản lý",
    "stats_spans_line": (
        "nhỏ nhất {min} · trung vị {median} · lớn nhất {max} · trung bình "
        "{mean}"
    ),
    "stats_over_cap": "Đơn vị vượt số cấp phó tối đa",
    "stats_none_over_cap": "Không đơn vị nào vượt số cấp phó tối đa.",
    "stats_cap": "Tối đa",
    "stats_excess": "Vượt",
    "stats_rule": "Quy định",
    # Charts, the HTML report and scenario comparison (orgplan.charts,
    # orgplan.report, orgplan.compare); "{n}"-style fields are filled in.
    "chart_before": "Trước sắp xếp",
    "chart_after": "Sau sắp xếp",
    "chart_diff": "Những thay đổi",
    "chart_page": "trang {page}/{pages}",
    "chart_part": "phần {part}/{parts}",
    "chart_legend": "Chú giải",
    "chart_leaders": "trưởng {heads} · phó {deputies}",
    "chart_excess": "vượt {excess}",
    "chart_excess_by": "giảm trước {date}",
    "chart_staff": "biên chế {quota} · hiện có {actual}",
    "chart_surplus": "thừa {n}",
    "chart_deficit": "thiếu {n}",
    "chart_rollup": "{units} đơn vị, {staff} người bên dưới",
    "chart_see_page": "xem trang {page}",
    "chart_from_page": "ở trang {page}",
    "chart_formed_from": "hợp nhất từ {names}",
    "chart_merged_into": "sáp nhập vào {name}",
    "chart_folded_into": "nhập vào {name}",
    "chart_split_to": "chia cho {names}",
    "status_unchanged": "giữ nguyên",
    "status_merged": "hợp nhất",
    "status_receiving": "tiếp nhận đơn vị, chức năng",
    "status_new": "thành lập mới",
    "status_merged_away": "sáp nhập vào đơn vị khác",
    "status_folded": "nhập vào đơn vị cấp trên",
    "status_split": "chia tách, chuyển chức năng",
    "status_removed": "giải thể",
    "report_title": "Phương án sắp xếp tổ chức bộ máy",
    "report_kpis": "Các chỉ tiêu chính",
    "report_charts": "Sơ đồ tổ chức",
    "report_chart_missing": "Chưa vẽ được (chưa cài Graphviz); mã DOT: {path}",
    "report_merges": "Hợp nhất, sáp nhập",
    "report_new_unit": "Đơn vị mới",
    "report_members": "Các đơn vị hợp nhất",
    "report_reasons": "Lý do",
    "report_folds": "Đơn vị nhập vào cấp trên",
    "report_into": "Nhập vào",
    "report_splits": "Đơn vị chia tách",
    "report_to": "Đến",
    "report_from": "Từ",
    "report_functions": "Chức năng",
    "report_staff": "Số người",
    "report_leadership": "Lãnh đạo",
    "report_cap": "Định mức",
    "report_excess": "Vượt",
    "report_reduce_by": "Giảm trước",
    "report_transfers": "Điều động",
    "report_separations": "Tinh giản",
    "report_category": "Loại cán bộ",
    "report_count": "Số người",
    "report_policy": "Chính sách",
    "report_cost": "Kinh phí (đồng)",
    "report_total": "Tổng",
    "report_none": "Không có.",
    "report_solver": "Bộ giải",
    "report_status": "Trạng thái",
    "report_method": "Phương pháp",
    "report_mode": "Chế độ",
    "report_objective": "Hàm mục tiêu",
    "report_bound": "Cận tốt nhất",
    "report_gap": "Khoảng cách tối ưu",
    "report_time": "Thời gian giải (giây)",
    "report_scenario": "Kịch bản",
    "report_scope": "Phạm vi",
    "report_targets": "Mục tiêu",
    "report_locks": "Đơn vị giữ nguyên",
    "report_must_merge": "Bắt buộc hợp nhất",
    "report_must_not_merge": "Không được hợp nhất",
    "report_weights": "Trọng số",
    "report_binding": "Quy định ràng buộc",
    "report_notes": "Ghi chú",
    "compare_plan": "Phương án",
    "compare_excess_deputies": "Cấp phó vượt định mức",
    "compare_staff": "Biên chế hiện có",
    "compare_moves": "Điều động",
    "compare_separations": "Tinh giản",
    "compare_cost": "Kinh phí tinh giản (đồng)",
    # The staffing plan export (orgplan.export): sheet names (at most 31
    # characters), column headers and the values of coded columns.
    "sheet_summary": "Tổng hợp",
    "sheet_units_after": "Đơn vị sau sắp xếp",
    "sheet_localities": "Địa bàn",
    "sheet_mergers": "Sắp xếp đơn vị",
    "sheet_leadership": "Lãnh đạo",
    "sheet_transfers": "Điều động",
    "sheet_separations": "Tinh giản",
    "sheet_movers": "Danh sách cá nhân",
    "col_indicator": "Chỉ tiêu",
    "col_decision": "Hình thức",
    "col_members": "Các đơn vị",
    "col_member_names": "Tên các đơn vị",
    "col_reasons": "Lý do",
    "col_actual_before": "Hiện có trước điều động",
    "col_actual_after": "Hiện có sau",
    "col_cap": "Định mức cấp phó",
    "col_excess": "Cấp phó vượt",
    "col_reduce_by": "Giảm trước ngày",
    "col_head": "Người đứng đầu (mã)",
    "col_head_name": "Người đứng đầu",
    "col_head_from": "Người đứng đầu từ",
    "col_former_heads": "Cấp trưởng cũ",
    "col_deputy_persons": "Cấp phó (mã)",
    "col_from": "Từ đơn vị",
    "col_from_name": "Tên đơn vị đi",
    "col_to": "Đến đơn vị",
    "col_to_name": "Tên đơn vị đến",
    "col_category": "Loại cán bộ",
    "col_count": "Số người",
    "col_hops": "Số bước liền kề",
    "col_km": "km",
    "col_mode": "Hình thức",
    "col_persons": "Danh sách (mã)",
    "col_policy": "Chính sách",
    "col_cost": "Kinh phí (đồng)",
    "col_person": "Mã cán bộ",
    "col_person_name": "Họ và tên",
    "col_action": "Hình thức",
    "ind_status": "Tình trạng lời giải",
    "ind_transfers": "Số người điều động",
    "ind_separations": "Số người nghỉ theo chính sách",
    "ind_separation_cost": "Kinh phí giải quyết chính sách (đồng)",
    "civil_servant": "công chức",
    "public_employee": "viên chức",
    "contract": "hợp đồng lao động",
    "merge": "hợp nhất",
    "fold": "nhập vào cấp trên",
    "split": "chia tách",
    "transfer": "điều động",
    "separation": "nghỉ theo chính sách",
    "permanent": "điều động",
    "secondment": "biệt phái",
    "early-retirement": "nghỉ hưu trước tuổi",
    "resignation": "thôi việc",
    "retirement": "nghỉ hưu",
    "decree-178": "Nghị định 178/2024",
    "level_central": "trung ương",
    "level_province": "tỉnh",
    "level_district": "huyện",
    "level_commune": "xã",
    # Solver status words and what they mean (cli, report, exports).
    "solve_optimal": "tối ưu",
    "solve_feasible": "khả thi",
    "solve_infeasible": "không khả thi",
    "solve_no_solution": "chưa tìm được phương án trong thời gian cho phép",
    "solve_invalid": "mô hình không hợp lệ",
    "explain_optimal": (
        "Tối ưu: bộ giải đã chứng minh không có phương án nào đáp ứng các quy "
        "định và mục tiêu này mà đạt hàm mục tiêu tốt hơn."
    ),
    "explain_feasible": (
        "Khả thi: phương án đáp ứng mọi quy định và mục tiêu, nhưng bộ giải "
        "dừng khi hết thời gian, trước khi chứng minh được không còn phương "
        "án tốt hơn."
    ),
    "explain_gap": (
        "Khoảng cách tối ưu {gap} là mức hàm mục tiêu còn có thể giảm thêm "
        "nhiều nhất: phương án này đạt {objective}, không phương án nào đạt "
        "dưới {bound}. 0% nghĩa là đã chứng minh tối ưu."
    ),
    "explain_no_bound": (
        "Phương pháp {method} không cho cận dưới, nên chưa biết phương án "
        "cách phương án tốt nhất bao xa."
    ),
    "explain_other": "Không có phương án: {status}.",
    "method_cpsat": "bộ tối ưu CP-SAT",
    "method_greedy": "thuật toán tham lam",
    "method_mip": "mô hình MIP (HiGHS)",
    # Terminal output of the commands (cli.py).
    "cli_solving": "đang giải...",
    "cli_progress": (
        "phương án {n}: hàm mục tiêu {objective}, cận {bound}, khoảng cách "
        "{gap}, {elapsed} giây"
    ),
    "cli_no_plan": (
        "không tìm được phương án ({status}) trong {seconds} giây; hãy tăng "
        "--time-limit."
    ),
    "cli_plan_line": (
        "{status} ({method}), hàm mục tiêu {objective}{gap}, {seconds} giây; "
        "{merges} hợp nhất, {folds} nhập vào cấp trên, {splits} chia tách"
    ),
    "cli_gap": ", khoảng cách tối ưu {gap}",
    "cli_staff_line": (
        "{moved} người điều động qua {transfers} lượt, {left} người nghỉ theo "
        "chính sách; {excess} cấp phó vượt định mức"
    ),
    "cli_reduce_by": ", phải giảm trước {date}",
    "cli_stopped": (
        "đã dừng bằng Ctrl-C: đây là phương án tốt nhất tìm được đến lúc này."
    ),
    "cli_note": "lưu ý: {note}",
    "cli_weak_spot": "điểm yếu: {text}",
    "cli_wrote": "đã ghi {n} tệp vào {out}/: {files} và các sơ đồ",
    "cli_valid": "{path} hợp lệ.",
    "cli_valid_warned": "{path} hợp lệ, có {warnings}.",
    "cli_invalid": "{path}: {problems}; hãy sửa rồi chạy lại.",
    "cli_check_failed": "{path}: {errors}, {warnings}",
    "cli_check_ok": (
        "{path}: phương án đáp ứng mọi quy định của {source} ({warnings})"
    ),
    "cli_check_other_org": (
        "{path} được lập cho một tổ chức khác với {source}: phương án xuất "
        "phát từ {plan_units} đơn vị, biên chế {plan_quota}; {source} có "
        "{units} đơn vị, biên chế {quota}; hãy chỉ ra kịch bản đúng bằng "
        "--scenario"
    ),
    "cli_no_scenario": (
        "{path} không ghi kịch bản của nó; hãy chỉ ra bằng --scenario"
    ),
    "cli_template_wrote": "Đã ghi sổ tính trống {path}.",
    "cli_template_not_xlsx": "{path} không có đuôi .xlsx",
    "cli_cannot_write": "không ghi được {path}: {reason}",
    "cli_a_file": "một tệp",
    "cli_demo_missing": (
        "thiếu kịch bản mẫu {path}; lệnh demo chạy từ bản sao kho mã "
        "nguồn của orgplan"
    ),
    "n_errors_one": "{n} lỗi",
    "n_errors_many": "{n} lỗi",
    "n_warnings_one": "{n} cảnh báo",
    "n_warnings_many": "{n} cảnh báo",
    "n_staff": "{n} người",
    "n_problems_one": "{n} lỗi",
    "n_problems_many": "{n} lỗi",
    # orgplan compare.
    "compare_status": "Trạng thái",
    "compare_reason": "Lý do",
    "compare_bad_out": (
        "{path}: bảng chỉ ghi được dạng .csv hoặc .html, không phải {suffix}"
    ),
    "compare_missing": "{path} không tồn tại",
    # The report: charts on paper, status in words, settings.
    "report_full_size": "kích thước đầy đủ",
    "report_status_words": "Ý nghĩa của trạng thái",
    "report_threads": "{n} luồng",
    "report_seed": "hạt giống {seed}",
    "report_at_most": "tối đa {n} đơn vị loại {kind}",
    "report_at_least": "tối thiểu {n} đơn vị loại {kind}",
    "report_cut": "{metric} giảm ít nhất {percent}",
    "report_kinds_in_scope": "Loại đơn vị được sắp xếp",
    "report_merge_within": "Hợp nhất trong phạm vi",
    "report_group_size": "Số đơn vị tối đa mỗi lần hợp nhất",
    "report_time_limit": "Giới hạn thời gian (giây)",
    "within_parent": "cùng đơn vị cấp trên",
    "within_locality": "cùng địa bàn",
    "within_sector": "cùng lĩnh vực",
    "within_adjacent": "cùng địa bàn hoặc địa bàn liền kề",
    "within_anywhere": "không giới hạn",
    "weight_focal_points": "đầu mối",
    "weight_leaders": "lãnh đạo",
    "weight_layers": "cấp trung gian",
    "weight_imbalance": "chênh lệch biên chế",
    "weight_transfers": "điều động",
    "weight_incoherence": "chức năng không liên quan",
    "weight_disruption": "xáo trộn",
    "weight_compactness": "độ phân tán của đơn vị mới",
    "weight_district_crossings": "nhóm vượt ranh giới huyện",
    "weight_standard_gap": "mức thiếu so với tiêu chuẩn diện tích, dân số",
    # Điểm yếu của phương án (orgplan.weakspots) và bản đồ sắp xếp.
    "report_weak_spots": "Điểm yếu cần xem xét",
    "weak_high": "nghiêm trọng",
    "weak_medium": "nên xem lại",
    "weak_low": "nhỏ",
    "report_map": "Bản đồ sắp xếp đơn vị hành chính",
    "report_legal_basis": "Căn cứ pháp lý",
    "yes": "có",
    "no": "không",
    # Reasons for a merger, fold or split (orgplan.optimize.reasons): a
    # reason is {"key": ..., fields}; see orgplan.i18n.message.
    "reason_must_merge": "kịch bản yêu cầu hợp nhất (must_merge)",
    "reason_members": "hợp nhất {members}",
    "reason_unit_of": "{unit} thuộc {parent}",
    "reason_member": "{name} ({staff} người, biên chế {quota})",
    "reason_shared_functions": (
        "{unit} có chức năng trùng với {other}: {functions}"
    ),
    "reason_function_family": (
        "{unit} cùng nhóm chức năng với {other}: {functions}"
    ),
    "reason_same_sector": "{unit} và {other} cùng một lĩnh vực ({sector})",
    "reason_same_support": "{unit} và {other} cùng làm công tác {support}",
    "reason_support_office": "văn phòng",
    "reason_support_inspectorate": "thanh tra",
    "reason_support_plan_finance": "kế hoạch - tài chính",
    "reason_allowed_pair": (
        "kịch bản cho phép {unit} và {other} hợp nhất (scope.allow_pairs: "
        "{pair})"
    ),
    "reason_not_judged": (
        "{unit} và {other} không có chức năng hay lĩnh vực: chưa đánh giá "
        "được công việc có liên quan hay không"
    ),
    "reason_territory_unit": (
        "hình thành một {kind} có diện tích {area} km² và dân số "
        "{population} người từ {n} đơn vị cũ"
    ),
    "reason_territory_connected": (
        "các đơn vị hợp thành liền kề nhau, tạo thành một địa bàn liền khối"
    ),
    "reason_territory_exempt": (
        "không phải đạt tiêu chuẩn diện tích và dân số vì hình thành từ "
        "{minimum} đơn vị cũ trở lên ({source})"
    ),
    "reason_territory_meets": (
        "đạt tiêu chuẩn sau sắp xếp, {area} km² và {population} người "
        "({source})"
    ),
    "reason_territory_short": (
        "chưa đạt tiêu chuẩn sau sắp xếp, {area} km² và {population} người "
        "({source}), về {missing}"
    ),
    "reason_territory_short_area_km2": "diện tích",
    "reason_territory_short_population": "dân số",
    "reason_territory_no_standard": (
        "không áp dụng tiêu chuẩn diện tích, dân số"
    ),
    "reason_territory_district": "các đơn vị hợp thành đều thuộc {district}",
    "reason_territory_districts": "các đơn vị hợp thành thuộc {districts}",
    "reason_undersized": (
        "{unit} không đủ quy mô: biên chế {quota}, dưới mức tối thiểu "
        "{minimum} của {kind} ({source})"
    ),
    "reason_heads_saved_one": (
        "giảm {n} cấp trưởng (một đầu mối thay cho hai)"
    ),
    "reason_heads_saved_many": (
        "giảm {n} cấp trưởng (một đầu mối thay cho nhiều đầu mối)"
    ),
    "reason_posts_saved_one": (
        "giảm tổng cộng {n} vị trí lãnh đạo (từ {before} còn {after})"
    ),
    "reason_posts_saved_many": (
        "giảm tổng cộng {n} vị trí lãnh đạo (từ {before} còn {after})"
    ),
    "reason_balance": (
        "bù trừ thừa thiếu: chênh lệch biên chế từ {before} còn {after}"
    ),
    "reason_target": "góp phần đạt mục tiêu: {target}; căn cứ: {source}",
    "target_max_units": "tối đa {n} đơn vị loại {kind} (hiện có {before})",
    "target_min_cut_units": (
        "giảm {share:.0%} số đơn vị (tối đa {limit} trên {before})"
    ),
    "target_min_cut_focal_points": (
        "giảm {share:.0%} đầu mối (tối đa {limit} trên {before})"
    ),
    "target_min_cut_leaders": (
        "giảm {share:.0%} số lãnh đạo (tối đa {limit} trên {before})"
    ),
    "target_min_cut_layers": (
        "giảm {share:.0%} số tầng (tối đa {limit} trên {before})"
    ),
    "source_scenario": (
        "mục tiêu {path} của kịch bản, theo Nghị quyết 18-NQ/TW"
    ),
    "source_scenario_within": (
        "mục tiêu {path} của kịch bản, trong giới hạn của {source}"
    ),
    "source_rulebook": "bộ quy tắc, {path}",
    # Rules that hold a plan where it is (plan.binding_rules).
    "binding_met": "{target}: đạt đúng mức",
    "binding_excess": (
        "mức tối đa cấp phó: {n} đơn vị hợp nhất giữ {excess} cấp phó "
        "vượt mức đến {date}"
    ),
    "binding_cut": (
        "mức tối đa cấp phó: giảm cấp phó về đúng mức tại {units}"
    ),
    "reason_fold_into": "{unit} được nhập vào {into}",
    "reason_intermediate": (
        "giảm một cấp trung gian ({n} đơn vị trực thuộc chuyển lên)"
    ),
    "reason_split_unit": (
        "{unit} được giải thể, chức năng nhiệm vụ được chuyển giao"
    ),
    "reason_split_part": (
        "{to} nhận {functions} ({staff} người), gần với chức năng của mình"
    ),
    "reason_split_child": "{unit} chuyển về {to} cùng chức năng của mình",
    # The Word proposal (orgplan.proposal): annex tables of a đề án.
    "proposal_title": "Đề án sắp xếp tổ chức bộ máy",
    "proposal_subtitle": "{organisation} · kịch bản {scenario}",
    "proposal_draft": (
        "Dự thảo lập bằng orgplan ngày {date}; số liệu tính từ dữ liệu được "
        "cung cấp."
    ),
    "proposal_annex": "Phụ lục {n}. {title}",
    "proposal_figures": "Số liệu trước và sau sắp xếp",
    "proposal_mergers": (
        "Danh sách đơn vị hợp nhất, sáp nhập, chia tách, lý do và căn cứ"
    ),
    "proposal_leadership": "Số lượng lãnh đạo sau sắp xếp",
    "proposal_staffing": "Biên chế theo đơn vị sau sắp xếp",
    "proposal_moves": "Điều động và tinh giản biên chế",
    "proposal_charts": "Sơ đồ tổ chức",
    "proposal_no": "STT",
    "proposal_status": "Tình trạng lời giải",
    "proposal_chart_missing": "Chưa vẽ được sơ đồ: {reason}",
    "money_unit": "đồng",
    # The blank template's README sheet (orgplan.io.template).
    "readme_sheet": "trang tính",
    "readme_column": "cột",
    "readme_meaning": "ý nghĩa",
    "readme_type": "kiểu dữ liệu",
    "readme_required": "bắt buộc",
    "readme_allowed": "giá trị cho phép",
    "readme_example": "ví dụ",
    "readme_intro": (
        "Mỗi bảng điền vào một trang tính; dòng đầu là tên cột (dùng tên cột "
        "tiếng Anh hay tiêu đề tiếng Việt đều được). Danh sách trong một ô "
        "cách nhau bởi dấu ';'."
    ),
    "type_id": "mã (bỏ qua khoảng trắng hai đầu)",
    "type_text": "văn bản",
    "type_int": "số nguyên, từ 0 trở lên",
    "type_float": "số (dấu thập phân là chấm hoặc phẩy)",
    "type_bool": "có/không: có/không, x, 1/0, true/false; để trống = không",
    "type_list": "các mã cách nhau bởi ';'",
    "required_every_row": "bắt buộc, mọi dòng",
    "required_column": "bắt buộc có cột, ô có thể để trống",
    "required_optional": "không bắt buộc",
    "required_if_used": " (nếu dùng trang tính này)",
    # Problems in the input (orgplan.i18n.problems_vi).
    **PROBLEMS,
    # Targets, files, applying a plan (orgplan.i18n.errors_vi).
    **ERRORS,
    # The plan checker and the deputy caps (orgplan.i18n.checks_vi).
    **CHECKS,
    # A plan's notes (orgplan.i18n.notes_vi).
    **NOTES,
    # Why units may not merge or fold (orgplan.i18n.obstacles_vi).
    **OBSTACLES,
    # The command line's help (orgplan.i18n.help_vi).
    **HELP,
    # A plan's weak spots (orgplan.i18n.weakspots_vi).
    **WEAKSPOTS,
    # The phases of a solve (orgplan.optimize.progress.PHASES), shown
    # while orgplan plan waits.
    "cli_phase": "{phase}... {elapsed} giây",
    "phase_candidates": "đang tìm các phương án hợp nhất, nhập có thể",
    "phase_greedy": "đang lập phương án ban đầu (tham lam)",
    "phase_model": "đang lập mô hình tối ưu",
    "phase_warm_start": "đang khởi động từ phương án ban đầu",
    "phase_search": "đang tìm phương án tốt hơn",
    "phase_decode": "đang đọc phương án tìm được",
    "phase_staffing": "đang lập kế hoạch điều động biên chế",
}
