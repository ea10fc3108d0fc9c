"""Vietnamese words of a plan's notes (staffing, naming), part of the
catalogue (:mod:`orgplan.i18n.vi`); notes travel in plan.json as
messages (:func:`orgplan.i18n.message`).
"""

NOTES: dict[str, str] = {
    "note_few": "{items}.",
    "note_few_more": "{items} và {more} trường hợp khác.",
    "note_no_locality": (
        "Không điều động đến hoặc đi từ đơn vị chưa rõ địa bàn: {units}"
    ),
    "note_no_coordinates": (
        "Không điều động đến hoặc đi từ đơn vị chưa có tọa độ: {units}"
    ),
    "note_secondment": "Các lượt điều động là biệt phái trong {months} tháng.",
    "note_unfilled_deficit": (
        "Thiếu chưa bù được: {n} đơn vị vẫn thiếu {total} người so với biên "
        "chế sau điều động (không có người thừa nào trong phạm vi quy tắc "
        "điều động): {units}"
    ),
    "note_unplaced_surplus": (
        "Thừa chưa bố trí được: {n} đơn vị vẫn thừa {total} người so với "
        "biên chế ({why}): {units}"
    ),
    "note_separations_off": "kịch bản không áp dụng tinh giản biên chế",
    "note_few_eligible": "quá ít người đủ điều kiện điều động hoặc nghỉ",
    "note_cross_field": (
        "{n} người được điều động đến đơn vị khác lĩnh vực chuyên môn: "
        "{moves}"
    ),
    "note_posts_lost": (
        "{n} cấp trưởng và cấp phó thôi giữ chức vụ trong phương án này; "
        "mỗi người được giữ nguyên lương và phụ cấp chức vụ trong {months} "
        "tháng (Nghị quyết 76/2025, Điều 11)."
    ),
    "note_name_conflict": (
        "names.{unit} (“{name}”) không được dùng: {unit} hợp nhất vào "
        "{into}, mang tên “{chosen}”"
    ),
    "note_name_stray": (
        "names.{unit} (“{name}”) không được dùng: nhóm hợp nhất vào {into} "
        "có {unit} nhưng không có {first} hay phần lớn {group}, các đơn vị "
        "được đặt tên đó"
    ),
    "note_name_unknown": "names.{unit} không chỉ đơn vị nào trong dữ liệu",
    "note_name_unused": (
        "names.{unit} (“{name}”) không được dùng: {unit} không hợp nhất "
        "trong phương án này"
    ),
    "note_name_duplicate_input": (
        "{units} trùng tên “{name}” ngay trong dữ liệu"
    ),
    "note_name_duplicate": (
        "{unit} sẽ trùng tên “{name}” với {others}; đã đặt tên “{new}”: hãy "
        "đặt tên trong `names`"
    ),
    # A territorial plan's summary (orgplan.territory.summary).
    "territory_count": "{kind} {n}",
    "territory_summary": (
        "Sắp xếp đơn vị hành chính, số đơn vị sau sắp xếp theo loại: "
        "{counts}; {connected}; {short} đơn vị chưa đạt tiêu chuẩn diện "
        "tích hoặc dân số (orgplan check liệt kê)."
    ),
    "territory_connected": "mọi đơn vị mới đều liền kề",
    "territory_disconnected": "{n} đơn vị mới không liền kề",
    "territory_agreement": (
        "Mức trùng khớp với bản đồ thực tế năm 2025: {model}; cách ghép "
        "đơn giản theo điểm gần nhất với cùng số đơn vị: {baseline}."
    ),
    "territory_ari": "ARI {ari}, khớp {recovered} trên {groups} nhóm",
    # How the optimiser got its plan (orgplan.optimize).
    "note_blocks": "giải trong {n} khối độc lập",
    "note_dropped": (
        "{targets} được kiểm tra trên phương án ghép từ các khối (đã "
        "đạt), thay vì áp cho từng khối"
    ),
    "note_dropped_missed": (
        "phương án ghép từ các khối độc lập chưa đạt {targets}; giải lại "
        "bằng một mô hình, giữ cận của các khối"
    ),
    "note_budget": (
        "mục tiêu được chia cho {n} khối (decompose: budget): {shares}; "
        "mức bình quân cấp phó tính theo từng khối; cận và khoảng cách "
        "tối ưu tính theo cách chia này"
    ),
    "note_share_cut": "min_cut.{target} {share:.4g} của riêng mỗi khối",
    "note_share_units": "max_units.{kind} {n} chia thành {shares}",
    "note_none_to_split": "không có mục tiêu nào để chia",
    "note_greedy_stopped": (
        "các bước của thuật toán tham lam dừng ở giới hạn thời gian, khi "
        "vẫn còn bước có ích"
    ),
    "note_greedy_no_model": (
        "phương án của thuật toán tham lam: mô hình CP-SAT trên đồ thị "
        "ứng viên không có phương án"
    ),
    "note_greedy_fallback": (
        "phương án của thuật toán tham lam: CP-SAT không tìm được phương "
        "án tốt hơn ({why})"
    ),
    "note_ctrl_c": "bị dừng bằng Ctrl-C",
    "note_in_time": "trong thời gian cho phép",
    "note_thinned": (
        "{n} đơn vị có nhiều khả năng ghép chỉ được xét với các đơn vị "
        "tương đồng nhất (đồ thị ứng viên thưa); cận và khoảng cách tối "
        "ưu tính theo đồ thị này"
    ),
    "note_highs": (
        "HiGHS giải mô hình CP-SAT dưới dạng MIP ({status}; bỏ qua "
        "{dropped} ràng buộc)"
    ),
    # HiGHS's MIP search beside CP-SAT's (orgplan.optimize.bounds).
    "note_highs_proved": (
        "tối ưu: cận MIP của HiGHS trên cùng mô hình chứng minh điều này, "
        "với sai số tương đối 1e-6"
    ),
    "note_highs_bound": "cận là cận MIP của HiGHS trên cùng mô hình",
    "note_highs_plan": (
        "phương án do HiGHS tìm được (tìm kiếm MIP trên cùng mô hình)"
    ),
}
