"""Vietnamese words of the input tables and the rulebook.

The headers and meanings of the input columns (the template, the data
export, the readers' aliases) and the sources of the built-in rules.
Their English text is in :mod:`orgplan.io.schema` (column names and
meanings) and :mod:`orgplan.rules` (``VN_2025_SOURCES``).
"""

VI_ONLY: dict[str, str] = {
    # Headers of the input tables in Vietnamese (template, data export);
    # the readers accept them as aliases of the column names.
    "header.units.id": "Mã đơn vị",
    "header.units.name": "Tên đơn vị",
    "header.units.kind": "Loại đơn vị",
    "header.units.level": "Cấp hành chính",
    "header.units.parent": "Mã đơn vị cấp trên",
    "header.units.locality": "Mã địa bàn",
    "header.units.sector": "Lĩnh vực",
    "header.units.functions": "Mã chức năng",
    "header.units.quota": "Biên chế được giao",
    "header.units.actual": "Biên chế hiện có",
    "header.units.heads": "Số cấp trưởng",
    "header.units.deputies": "Số cấp phó",
    "header.units.locked": "Giữ nguyên",
    "header.units.name_en": "Tên tiếng Anh",
    "header.units.civil_servants": "Số công chức",
    "header.units.public_employees": "Số viên chức",
    "header.units.contract": "Số hợp đồng lao động",
    "header.units.lat": "Vĩ độ",
    "header.units.lon": "Kinh độ",
    "header.localities.id": "Mã địa bàn",
    "header.localities.name": "Tên địa bàn",
    "header.localities.level": "Cấp hành chính",
    "header.localities.parent": "Mã địa bàn cấp trên",
    "header.localities.population": "Dân số",
    "header.localities.area_km2": "Diện tích (km²)",
    "header.localities.terrain": "Địa hình",
    "header.localities.neighbours": "Địa bàn liền kề",
    "header.localities.lat": "Vĩ độ",
    "header.localities.lon": "Kinh độ",
    "header.localities.name_en": "Tên tiếng Anh",
    "header.staff.id": "Mã cán bộ",
    "header.staff.unit": "Mã đơn vị",
    "header.staff.category": "Loại cán bộ",
    "header.staff.role": "Chức vụ",
    "header.staff.birth_year": "Năm sinh",
    "header.staff.gender": "Giới tính",
    "header.staff.field": "Chuyên môn",
    "header.staff.grade": "Mã ngạch",
    "header.staff.name": "Họ và tên",
    "header.staff.salary": "Lương tháng (đồng)",
    "header.staff.years_to_retirement": "Số năm đến tuổi nghỉ hưu",
    "header.staff.insurance_years": "Số năm đóng bảo hiểm xã hội",
    "header.staff.excluded": "Không đề xuất điều động, tinh giản",
    "header.functions.code": "Mã chức năng",
    "header.functions.name": "Tên chức năng",
    "header.functions.sector": "Lĩnh vực",
    "header.functions.parent": "Mã chức năng cấp trên",
    # What each input column means (the template's README sheet).
    "meaning.units.id": "Mã ổn định của đơn vị",
    "meaning.units.name": "Tên đơn vị",
    "meaning.units.kind": "Loại đơn vị; quy định áp dụng theo loại",
    "meaning.units.level": "Cấp hành chính",
    "meaning.units.parent": "Mã đơn vị cấp trên; để trống với đơn vị cao nhất",
    "meaning.units.locality": "Mã địa bàn (bảng địa bàn)",
    "meaning.units.sector": "Ngành, lĩnh vực",
    "meaning.units.functions": (
        "Mã các chức năng đơn vị đảm nhận, cách nhau bởi ;"
    ),
    "meaning.units.quota": (
        "Biên chế được giao, kể cả lãnh đạo, không gồm đơn vị trực thuộc"
    ),
    "meaning.units.actual": (
        "Số người hiện có, kể cả lãnh đạo, không gồm đơn vị trực thuộc"
    ),
    "meaning.units.heads": "Số cấp trưởng; để trống = 0",
    "meaning.units.deputies": "Số cấp phó; để trống = 0",
    "meaning.units.locked": (
        "Giữ nguyên, không sắp xếp (có/không, x; để trống = không)"
    ),
    "meaning.units.name_en": "Tên tiếng Anh",
    "meaning.units.civil_servants": "Số công chức trong số hiện có",
    "meaning.units.public_employees": "Số viên chức trong số hiện có",
    "meaning.units.contract": "Số hợp đồng lao động trong số hiện có",
    "meaning.units.lat": "Vĩ độ (độ thập phân)",
    "meaning.units.lon": "Kinh độ (độ thập phân)",
    "meaning.localities.id": "Mã ổn định của địa bàn",
    "meaning.localities.name": "Tên địa bàn",
    "meaning.localities.level": "Cấp hành chính",
    "meaning.localities.parent": "Mã địa bàn cấp trên",
    "meaning.localities.population": "Dân số",
    "meaning.localities.area_km2": "Diện tích tự nhiên (km²)",
    "meaning.localities.terrain": "Địa hình",
    "meaning.localities.neighbours": "Mã các địa bàn liền kề, cách nhau bởi ;",
    "meaning.localities.lat": "Vĩ độ (độ thập phân)",
    "meaning.localities.lon": "Kinh độ (độ thập phân)",
    "meaning.localities.name_en": "Tên tiếng Anh",
    "meaning.staff.id": "Mã cán bộ",
    "meaning.staff.unit": "Mã đơn vị công tác",
    "meaning.staff.category": "Loại cán bộ",
    "meaning.staff.role": "Chức vụ; để trống = nhân viên",
    "meaning.staff.birth_year": "Năm sinh",
    "meaning.staff.gender": "Giới tính",
    "meaning.staff.field": "Lĩnh vực chuyên môn",
    "meaning.staff.grade": "Mã ngạch công chức",
    "meaning.staff.name": "Họ và tên",
    "meaning.staff.salary": "Lương tháng kể cả phụ cấp (đồng)",
    "meaning.staff.years_to_retirement": (
        "Số năm còn lại đến tuổi nghỉ hưu (nếu trống: tính từ năm sinh)"
    ),
    "meaning.staff.insurance_years": "Số năm đóng bảo hiểm xã hội",
    "meaning.staff.excluded": (
        "Không bao giờ đề xuất điều động hay tinh giản (có/không; để trống = "
        "không)"
    ),
    "meaning.functions.code": "Mã chức năng",
    "meaning.functions.name": "Tên chức năng",
    "meaning.functions.sector": "Lĩnh vực",
    "meaning.functions.parent": (
        "Mã chức năng rộng hơn; các chức năng cùng cấp trên là liên quan"
    ),
    # The rulebook's sources (orgplan.rules.VN_2025_SOURCES) in Vietnamese.
    "source.max_units.department": (
        "[F] Nghị định 45/2025 và Nghị định 150/2025 điều 10: tối đa 14 sở "
        "mỗi tỉnh (Hà Nội, TP. Hồ Chí Minh: 15)"
    ),
    "source.kinds.department.deputy_average": (
        "[F] Nghị định 107/2020, 45/2025, 370/2025: bình quân 3 phó giám đốc "
        "mỗi sở trong toàn tỉnh"
    ),
    "source.kinds.department.deputy_steps": (
        "[F] Nghị định 107/2020, 45/2025: định mức từng sở lấy bằng bình quân "
        "toàn tỉnh là 3 (tỉnh phân bổ trong tổng số)"
    ),
    "source.kinds.department.merge_bonus": (
        "[F] Nghị định 370/2025: thêm 1 cấp phó với sở hình thành từ 2 tỉnh "
        "hợp nhất, thêm 2 với 3 tỉnh; orgplan áp dụng cho sở hình thành từ 2 "
        "hoặc 3 đơn vị hợp nhất"
    ),
    "source.kinds.division.min_staff": (
        "[F] Nghị định 107/2020, 45/2025: 5 công chức để thành lập phòng "
        "thuộc sở (tỉnh loại II/III; loại I: 6; Hà Nội, TP. Hồ Chí Minh: 7; "
        "dự thảo 2025: 7 ở mọi nơi)"
    ),
    "source.kinds.division.deputy_steps": (
        "[F] Nghị định 370/2025: 1 cấp phó nếu dưới 10 công chức, tối đa 2 "
        "nếu 10-14, tối đa 3 nếu từ 15 trở lên"
    ),
    "source.kinds.sub_department.min_staff": (
        "[F] Nghị định 107/2020, 45/2025: 12 công chức để thành lập chi cục"
    ),
    "source.kinds.sub_department.deputy_steps": (
        "[F]/[U] Nghị định 370/2025: 1 cấp phó với 1-3 phòng; [U] tối đa 2 "
        "với từ 4 phòng (tương tự Nghị định 101/2020)"
    ),
    "source.kinds.public_service_unit.min_staff": (
        "[F] Nghị định 120/2020, 283/2025: 15 người để thành lập đơn vị sự "
        "nghiệp công lập"
    ),
    "source.kinds.public_service_unit.deputy_steps": (
        "[F]/[U] Nghị định 120/2020 điều 6: tối đa 2 cấp phó với từ 20 người "
        "trở xuống, 3 nếu trên 20 (đơn vị thuộc UBND tỉnh; [U] áp dụng cho "
        "mọi đơn vị)"
    ),
    "source.deputy_fraction_of_quota": (
        "[F] Kết luận 187-KL/TW: tổng số cấp phó không quá 50% biên chế được "
        "giao của đơn vị"
    ),
    "source.child_deputies_le_parent": (
        "[F] Kết luận 187-KL/TW, Nghị định 370/2025: đơn vị không có nhiều "
        "cấp phó hơn đơn vị cấp trên trực tiếp"
    ),
    "source.excess_grace_years": (
        "[F] Nghị định 45/2025 điều 24, 370/2025, 283/2025: số cấp phó vượt "
        "định mức sau hợp nhất phải giảm về định mức trong 5 năm"
    ),
    "source.excess_deadline": (
        "[F] Kết luận 210-KL/TW: số cấp phó trong định mức chậm nhất cuối năm "
        "2030"
    ),
    "source.leader_allowance_months": (
        "[F] Nghị quyết 76/2025 điều 11: lãnh đạo được giữ lương và phụ cấp "
        "chức vụ 6 tháng (hoặc đến hết nhiệm kỳ)"
    ),
    "source.staff_clearance_years": (
        "[F] Nghị quyết 76/2025 điều 11, Công văn 03/CV-BCĐ: giải quyết số "
        "biên chế dôi dư trong 5 năm"
    ),
    "source.staffing_norm": (
        "[F] Công văn 09/CV-BCĐ (30/5/2025): 32 biên chế mỗi xã, thêm 1 cho "
        "mỗi 1.000 dân trên 16.000 (miền núi) hoặc mỗi 2.000 (nơi khác); tối "
        "đa 50 mỗi xã, 70 mỗi phường"
    ),
    "source.separations": (
        "[F] Nghị định 178/2024, sửa đổi bởi Nghị định 67/2025: nghỉ hưu "
        "trước tuổi khi còn 10 năm trở xuống; trợ cấp hưu 1,0 x lương x số "
        "tháng nghỉ sớm (từ 5 năm trở xuống) hoặc 0,9 x 60 (5-10 năm); 5 "
        "(hoặc 4) tháng cho mỗi năm nghỉ sớm; 5 tháng cho 20 năm đóng bảo "
        "hiểm đầu + 0,5 mỗi năm sau đó; thôi việc 0,8 x lương x số tháng (tối "
        "đa 60) + 1,5 tháng mỗi năm đóng bảo hiểm + 3 tháng tìm việc"
    ),
    "source.separations.retirement_age": (
        "[U] lộ trình Bộ luật Lao động 2019: 62 với nam và 60 với nữ vào "
        "2028/2035; orgplan dùng mức cuối"
    ),
    "source.separations.default_monthly_salary": (
        "[U] lương tháng bình quân kể cả phụ cấp giả định (đồng), dùng khi "
        "danh sách không có lương; đặt trong kịch bản"
    ),
    "source.territorial.commune": (
        "[F] Nghị quyết 1211/2016/UBTVQH13, sửa đổi bởi Nghị quyết "
        "27/2022/UBTVQH15: xã miền núi, vùng cao 50 km² và 5.000 người, xã "
        "khác 30 km² và 8.000 người; [U] xã hải đảo 15 km² và 2.500 người "
        "theo Nghị quyết 112/2025/UBTVQH15 (từ 1/1/2026 xã miền núi 100 km², "
        "xã khác 16.000 người)"
    ),
    "source.territorial.commune_after_merger": (
        "[F] Nghị quyết 76/2025/UBTVQH15: sau sắp xếp năm 2025, xã miền núi, "
        "vùng cao đạt 200% tiêu chuẩn diện tích và 100% tiêu chuẩn dân số, xã "
        "khác 200% dân số và 100% diện tích; [U] xã hải đảo 100% cả hai"
    ),
    "source.territorial.ward_after_merger": (
        "[F] Nghị quyết 76/2025/UBTVQH15: phường sau sắp xếp năm 2025 có 5,5 "
        "km² và 45.000 người ở thành phố trực thuộc trung ương, 15.000 người "
        "ở tỉnh miền núi, vùng cao, biên giới, 21.000 người ở nơi khác"
    ),
    "source.territorial.province": (
        "[F] Nghị quyết 1211/2016/UBTVQH13, sửa đổi bởi Nghị quyết 27/2022 "
        "(giữ nguyên trong Nghị quyết 112/2025): tỉnh miền núi 8.000 km² và "
        "900.000 người, tỉnh khác 5.000 km² và 1.400.000 người"
    ),
    "source.territorial.province_after_merger": (
        "[U] Nghị quyết 76/2025/UBTVQH15: tỉnh sau hợp nhất phải đạt tiêu "
        "chuẩn; orgplan hiểu là 100% diện tích và dân số"
    ),
    "source.territorial.exempt_from_members": (
        "[F] Nghị quyết 76/2025/UBTVQH15: đơn vị hình thành từ 3 đơn vị cũ "
        "trở lên không phải đạt tiêu chuẩn diện tích và dân số"
    ),
    "source.territorial.ward_urban_share": (
        "[F]/[U] Nghị quyết 112/2025/UBTVQH15: phường có ít nhất 50% dân số "
        "đô thị; orgplan tính dân số của các phường cũ là dân số đô thị"
    ),
}
