"""Lời tiếng Việt cho các lỗi của dữ liệu đầu vào: the Vietnamese words
of the input's problems, part of the catalogue (:mod:`orgplan.i18n.vi`).
"""

PROBLEMS: dict[str, str] = {
    # Problems in the input (orgplan.validate, orgplan.errors.Problem):
    # for the validator to word its messages in either language.
    "problem_sheet": "trang tính {sheet}",
    "problem_row": "dòng {row}",
    "problem_line": "dòng {row}",
    "problem_column": "cột {column}",
    "problem_field": "trường {column}",
    "problem_warning": "cảnh báo: ",
    "problem_duplicate_column": "cột {name} xuất hiện {n} lần",
    "problem_unknown_column": (
        "cột {name} không xác định, bị bỏ qua; bảng {table} có các cột {known}"
    ),
    "problem_missing_column": "thiếu cột bắt buộc {name}",
    "problem_no_rows": "bảng {table} không có dòng nào",
    "problem_empty_cell": "ô trống; mỗi {record} đều cần {column}",
    "problem_unknown_value": (
        "{column} {value} không hợp lệ; hãy dùng một trong {allowed}"
    ),
    "problem_not_whole": "{value} không phải số nguyên",
    "problem_not_number": "{value} không phải là số",
    "problem_not_yes_no": (
        "{value} không phải giá trị có/không; hãy dùng có/không, x, 1/0, "
        "true/false hoặc để trống (= không)"
    ),
    "problem_not_whole_digits": "{value} không phải số nguyên viết bằng "
    "chữ số",
    "problem_beyond_whole": "{value} vượt quá {limit}, lớn hơn mọi số thực "
    "tế",
    "problem_beyond_number": "{value} vượt quá {limit:g}",
    "problem_too_many_staff": "{value} người vượt quá {limit} người của một "
    "đơn vị",
    "problem_date_not_expected": (
        "ô chứa ngày hoặc giờ ({value}) trong khi cần {expected}"
    ),
    "expected_int": "một số nguyên",
    "expected_float": "một số",
    "expected_bool": "có hoặc không",
    "expected_list": "danh sách mã",
    "expected_text": "văn bản",
    "problem_control_characters": (
        "ô chứa ký tự điều khiển ({codes}); hãy gõ lại ô này"
    ),
    "problem_control_removed": (
        "đã xóa ký tự điều khiển ({codes}) khỏi văn bản"
    ),
    "problem_duplicate_key": (
        "{record} có {column} {value} bị trùng (dòng {first} và {row})"
    ),
    "problem_duplicate_item": (
        "{record} có {column} {value} bị trùng (mục {first} và {place} của "
        "danh sách)"
    ),
    "problem_unknown_reference": (
        "{value} không phải {column} của {record} nào trong {where}"
    ),
    "problem_where_sheet": "trang tính {sheet}",
    "problem_limit": (
        "{what} vượt giới hạn {limit} {unit}; nếu dữ liệu đúng, hãy nâng "
        "giới hạn bằng biến môi trường {variable} (ví dụ {variable}="
        "{example})"
    ),
    "limit_unit_characters": "ký tự",
    "limit_unit_rows": "dòng",
    "limit_unit_columns": "cột",
    "limit_unit_mib": "MiB",
    "limit_unit_levels": "cấp lồng nhau",
    "limit_unit_values": "giá trị",
    "limit_sheet_rows": "trang tính ({n}+ dòng)",
    "limit_table_rows": "bảng ({n}+ dòng)",
    "limit_cell": "ô ({n} ký tự)",
    "limit_a_cell": "một ô",
    "limit_nesting": "độ lồng nhau",
    "limit_yaml_expanded": "kịch bản, khi mở rộng các bí danh,",
    "limit_unpacked": "sổ tính khi giải nén chiếm {n:.0f} MiB,",
    "limit_header": "dòng tiêu đề ({n} cột)",
    "limit_file": "tệp ({n:.0f} MiB)",
    "problem_at_least": "phải từ {limit} trở lên (đang là {value})",
    "problem_at_most": "phải từ {limit} trở xuống (đang là {value})",
    "problem_leaders_over_actual": (
        "cấp trưởng + cấp phó = {leaders}, nhiều hơn số có mặt ({actual}); "
        "lãnh đạo được tính trong số có mặt"
    ),
    "problem_split_sum": "{columns} = {total}, nhưng số có mặt là {actual}",
    "problem_roster": (
        "{where} liệt kê {listed} người của đơn vị này ({heads} cấp trưởng, "
        "{deputies} cấp phó), nhưng đơn vị ghi số có mặt {actual}, cấp "
        "trưởng {unit_heads}, cấp phó {unit_deputies}"
    ),
    "problem_input_head": "{problems} trong dữ liệu đầu vào:",
    "problem_no_units_file": (
        "không có {file} trong {folder}; tệp này bắt buộc (mỗi đơn vị một "
        "dòng)"
    ),
    "problem_two_files": "{files} cùng chứa bảng {table}; hãy giữ một tệp",
    "problem_not_utf8": (
        "tệp không ở dạng UTF-8 (dòng {line}, byte {byte}); trong Excel, hãy "
        "lưu dưới dạng 'CSV UTF-8 (Comma delimited)'"
    ),
    "problem_row_too_wide": (
        "dòng có {cells} ô nhưng dòng tiêu đề có {width} cột (dấu ',' trong "
        "một ô phải nằm trong ngoặc kép)"
    ),
    "problem_semicolons": (
        "các cột được ngăn bằng ';' chứ không phải ','; trong Excel, hãy lưu "
        "dưới dạng 'CSV UTF-8 (Comma delimited)', hoặc trong LibreOffice "
        "chọn ',' làm dấu ngăn trường"
    ),
    "problem_no_sheet": (
        "không có trang tính tên {table} (hoặc {vi_name}); sổ tính có các "
        "trang tính {found}"
    ),
    "problem_sheet_not_read": (
        "trang tính {name} không được đọc; orgplan đọc các trang tính "
        "{tables} (sổ tính có {found})"
    ),
    "problem_two_sheets": (
        "trang tính {first} và {second} cùng chứa bảng {table}; orgplan đọc "
        "{first}: hãy xóa hoặc đổi tên trang tính kia"
    ),
    "problem_merged_cells": (
        "các ô {cells} bị gộp nên chỉ ô {first} có giá trị, các ô còn lại "
        "đọc thành ô trống; hãy bỏ gộp và điền đủ từng ô"
    ),
    "problem_uncomputed": (
        "ô {cell} chứa công thức chưa có giá trị tính sẵn (sẽ đọc thành ô "
        "trống); hãy mở sổ tính trong Excel hoặc LibreOffice rồi lưu lại, "
        "hoặc gõ giá trị"
    ),
    "problem_more_uncomputed": (
        "còn {n} ô khác chứa công thức chưa có giá trị tính sẵn"
    ),
    "scenario_not_unit": "{value} không phải mã đơn vị của tổ chức",
    "scenario_not_person": "{value} không phải mã cán bộ trong danh sách",
    "scenario_not_kind": (
        "{value} không phải loại đơn vị của bộ quy tắc {rulebook}; các loại "
        "là {kinds}"
    ),
    "scenario_control": (
        "văn bản chứa ký tự điều khiển ({codes}), điều mà không tên nào cần "
        "và sổ tính không chứa được"
    ),
    "scenario_no_merges": "scope.allow_merge đang là false",
    "scenario_group_too_large": (
        "{n} thành viên, nhiều hơn scope.max_group_size ({most})"
    ),
    "scenario_locked_self": "{unit} phải hợp nhất nhưng bị khóa trong {where}",
    "scenario_locked_above": (
        "{unit} phải hợp nhất nhưng bị khóa vì thuộc {holder}, đơn vị bị khóa "
        "trong {where}; khóa một đơn vị là khóa mọi đơn vị trực thuộc"
    ),
    "lock_in_scenario": "danh sách locks của kịch bản",
    "lock_in_data": "dữ liệu (cột locked)",
    "scenario_out_of_scope": (
        "{unit} phải hợp nhất nhưng là {kind}, ngoài scope.kinds ({kinds})"
    ),
    "scenario_cannot_merge": "các đơn vị này không thể hợp nhất: {reason}",
    "scenario_merge_and_not": (
        "{a} và {b} không được hợp nhất, nhưng must_merge xếp chúng vào một "
        "nhóm"
    ),
    "problem_unknown_key": "khóa không xác định",
    "problem_required_missing": "bắt buộc nhưng đang thiếu",
    "problem_above": "phải lớn hơn {limit} (đang là {value})",
    "problem_below": "phải nhỏ hơn {limit} (đang là {value})",
    "problem_no_plan_file": "không có tệp phương án này",
    "problem_not_json": "không phải JSON hợp lệ (cột {column}): {problem}",
    "problem_no_path": "không có tệp hay thư mục này",
    "problem_not_a_source": (
        "không phải thư mục tệp CSV, sổ tính .xlsx hay tệp kịch bản .yaml"
    ),
    "problem_damaged_workbook": (
        "sổ tính bị hỏng ({detail}); hãy mở bằng Excel và lưu lại dưới "
        "dạng 'Excel Workbook (.xlsx)'"
    ),
    "problem_no_scenario": "không có tệp kịch bản này",
    "problem_file_not_utf8": "tệp không ở dạng UTF-8",
    "problem_not_yaml": "không phải YAML hợp lệ{column}: {problem}",
    "problem_yaml_column": " (cột {n})",
    "problem_yaml_character": (
        "không phải YAML hợp lệ: ký tự U+{code} không được phép trong tệp YAML"
    ),
    "problem_not_a_scenario": (
        "một kịch bản là một tập khóa (name, data, rules, scope, targets...), "
        "không phải {kind}"
    ),
    "problem_no_data": (
        "không có dữ liệu {path} (đường dẫn tính từ thư mục của tệp kịch bản)"
    ),
    "problem_unknown_rulebook": (
        "bộ quy tắc {name} không xác định; các bộ quy tắc có sẵn: {known}"
    ),
    "record_unit": "đơn vị",
    "record_locality": "địa bàn",
    "record_person": "cán bộ",
    "record_function": "chức năng",
    "cli_template_exists": (
        "{path} đã có; orgplan không ghi đè một sổ tính có thể đã điền dữ "
        "liệu. Hãy đặt tên khác, hoặc dùng --force để ghi đè."
    ),
}
