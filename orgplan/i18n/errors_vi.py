"""Lời tiếng Việt cho mục tiêu của kịch bản, việc đọc và ghi tệp, và lỗi
khi áp dụng phương án và lập kế hoạch biên chế: the Vietnamese twin of
:mod:`orgplan.i18n.errors_en`, part of :mod:`orgplan.i18n.vi`.
"""

ERRORS: dict[str, str] = {
    # A scenario's targets that do not fit together (orgplan.scenario).
    "scenario_min_above_max": "{low_key} ({low}) lớn hơn {high_key} ({high})",
    "scenario_unknown_target": (
        "{what} không có mục tiêu {name}; hãy dùng một trong {known}"
    ),
    "scenario_max_cut_fraction": (
        "max_cut.{target} phải là một tỷ lệ lớn hơn 0 và không quá 1 (đã "
        "nhập {value})"
    ),
    "scenario_min_cut_fraction": (
        "min_cut.{target} phải là một tỷ lệ từ 0 đến dưới 1 (đã nhập "
        "{value})"
    ),
    # pydantic's errors of a scenario's or a plan's values.
    "problem_one_of": "phải là một trong {expected} (đã nhập {value})",
    "problem_must_be_text": "phải là văn bản (đã nhập {value})",
    "problem_must_be_bool": "phải là true hoặc false (đã nhập {value})",
    "problem_must_be_whole": "phải là số nguyên (đã nhập {value})",
    "problem_must_be_number": "phải là một số (đã nhập {value})",
    "problem_must_be_finite": "phải là một số hữu hạn (đã nhập {value})",
    "problem_must_be_mapping": "phải là một tập khóa (đã nhập {value})",
    "problem_must_be_list": "phải là một danh sách (đã nhập {value})",
    "problem_too_short": "phải có ít nhất {limit} phần tử (đã có {n})",
    "problem_too_long": "phải có nhiều nhất {limit} phần tử (đã có {n})",
    # A message of plan.json that no language can word.
    "problem_message_key": "khóa thông điệp {name} không xác định",
    "problem_message_field": "thông điệp {name} thiếu trường {field}",
    "problem_message_wrong": "thông điệp {name} không hợp lệ: {detail}",
    # The units' hierarchy (orgplan.cross_checks).
    "problem_several_roots": (
        "{n} đơn vị không có đơn vị cấp trên ({shown}); chúng được đọc "
        "thành các cây tổ chức riêng"
    ),
    "problem_no_parent_column": (
        "không có cột mã đơn vị cấp trên, nên {n} đơn vị sẽ thành {n} cây "
        "tổ chức riêng, trong khi chúng thuộc nhiều loại ({kinds}); hãy "
        "thêm cột mã đơn vị cấp trên ghi mã của đơn vị ngay trên mỗi đơn "
        "vị (để trống với đơn vị cao nhất)"
    ),
    "problem_cycle": (
        "cơ cấu tổ chức có vòng lặp (đơn vị cấp trên của mỗi đơn vị là "
        "đơn vị kế tiếp): {cycle}"
    ),
    # Files that cannot be read or written (orgplan.io).
    "problem_not_csv": "không đọc được tệp CSV: {detail}",
    "problem_workbook_encrypted": (
        "sổ tính được mã hóa (có mật khẩu); trong Excel, hãy gỡ mật khẩu "
        "(File > Info > Protect Workbook > Encrypt with Password) rồi lưu "
        "lại"
    ),
    "problem_workbook_xls": (
        "đây là sổ tính Excel 97-2003 (.xls), không phải .xlsx; trong "
        "Excel, hãy lưu lại dưới dạng 'Excel Workbook (.xlsx)'"
    ),
    "problem_workbook_not_zip": (
        "không mở được như một sổ tính .xlsx (tệp không phải gói zip); hãy "
        "lưu lại từ Excel dưới dạng 'Excel Workbook (.xlsx)'"
    ),
    "problem_workbook_no_book": (
        "không mở được như một sổ tính .xlsx (tệp thiếu phần sổ tính); hãy "
        "lưu lại từ Excel dưới dạng 'Excel Workbook (.xlsx)'"
    ),
    "problem_workbook_no_sheet_part": (
        "sổ tính có trang tính {name} nhưng thiếu phần {part} của nó: tệp "
        "bị hỏng; hãy mở trong Excel rồi lưu lại"
    ),
    "problem_workbook_entities": (
        "phần {part} của tệp khai báo thực thể XML (<!DOCTYPE> hoặc "
        "<!ENTITY>), điều mà các chương trình bảng tính không bao giờ ghi; "
        "orgplan không đọc sổ tính như vậy"
    ),
    "problem_workbook_no_part": "(không có)",
    "problem_not_a_scenario_path": (
        "không phải kịch bản: hãy chọn một tệp .yaml hoặc một thư mục có "
        "tệp scenario.yaml"
    ),
    "output_cannot_write": (
        "không ghi được {target}: {path}: {reason}; giữ nguyên như trước"
    ),
    # Applying a plan (orgplan.semantics.after).
    "error_plan_not_applicable": "không áp dụng được phương án:",
    "error_takes_staff": (
        "{what} lấy {count} {category} từ {unit}, trong khi đơn vị chỉ có "
        "{have}"
    ),
    "error_names_absent": (
        "{what} nêu tên {person}, người không thuộc {unit} vào lúc đó"
    ),
    "error_names_other_category": (
        "{what} chuyển {category} nhưng nêu tên {person}, một {theirs}"
    ),
    # Planning the staff (orgplan.staffing).
    "error_head_no_entry": (
        "kịch bản: leadership.heads.{unit} nêu một đơn vị không có mục lãnh "
        "đạo trong phương án"
    ),
    "error_head_not_member": (
        "kịch bản: leadership.heads.{unit} là {choice}, không phải đơn vị "
        "thành viên của {unit} ({members}) cũng không phải cấp trưởng hay "
        "cấp phó của một đơn vị thành viên trong bảng cán bộ"
    ),
    "error_person_unknown_unit": (
        "bảng cán bộ: {person} thuộc đơn vị {unit}, đơn vị không tồn tại "
        "(cột mã đơn vị)"
    ),
    "error_no_population": (
        "bảng địa bàn: địa bàn {locality} của đơn vị {unit} không có dân "
        "số, trong khi định mức biên chế cần dân số (cột dân số)"
    ),
    "error_no_locality": (
        "bảng đơn vị: đơn vị {unit} không có địa bàn đã biết, trong khi "
        "định mức biên chế cần địa bàn (cột địa bàn)"
    ),
    "error_override_unknown": (
        "kịch bản: staffing.quota_overrides.{unit} nêu một đơn vị không "
        "tồn tại sau phương án"
    ),
}
