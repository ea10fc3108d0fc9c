"""Hướng dẫn sử dụng dòng lệnh bằng tiếng Việt (``orgplan --help``...),
cùng khóa với :mod:`orgplan.i18n.help_en`.
"""

HELP: dict[str, str] = {
    "help.orgplan": (
        "Lập phương án sắp xếp tổ chức bộ máy hành chính nhà nước.\n\n"
        "Đọc dữ liệu tổ chức từ các tệp CSV hoặc sổ tính Excel, kiểm tra, "
        "thống kê, và để bộ tối ưu đề xuất hợp nhất, nhập đơn vị vào cấp "
        "trên, bố trí lãnh đạo theo quy định của các nghị định, kèm kế "
        "hoạch biên chế.\n\n"
        "Ví dụ: orgplan plan scenarios/province-departments --out out/"
    ),
    "help.lang": (
        "Ngôn ngữ của mọi nội dung hiển thị và ghi ra: en (tiếng Anh) "
        "hoặc vi (tiếng Việt) [mặc định: lang của kịch bản, nếu không có "
        "thì $ORGPLAN_LANG, sau cùng là en]."
    ),
    "help.validate": (
        "Kiểm tra dữ liệu đầu vào hoặc kịch bản và liệt kê mọi lỗi.\n\n"
        "ĐƯỜNG_DẪN là thư mục các tệp CSV, sổ tính .xlsx, tệp kịch bản "
        ".yaml hoặc thư mục chứa scenario.yaml. Mỗi lỗi được in kèm tệp, "
        "trang tính, dòng và cột. Cảnh báo cũng được in nhưng dữ liệu vẫn "
        "hợp lệ (mã thoát 0); có lỗi thì mã thoát là 1.\n\n"
        "Ví dụ: orgplan validate scenarios/province-small"
    ),
    "help.stats": (
        "Hiển thị các số liệu chính của một tổ chức.\n\n"
        "Số đơn vị, đầu mối, số tầng, lãnh đạo, biên chế so với số người "
        "thực có, tầm quản lý, số người theo địa bàn và các đơn vị vượt "
        "số cấp phó tối đa. ĐƯỜNG_DẪN là mọi thứ `orgplan validate` chấp "
        "nhận; các điều chỉnh quy định của kịch bản được áp dụng.\n\n"
        "Ví dụ: orgplan stats scenarios/province-small --lang vi"
    ),
    "help.stats.as_json": "In mọi số liệu dưới dạng JSON.",
    "help.template": (
        "Ghi một sổ tính trống để điền dữ liệu, kèm trang hướng dẫn "
        "README.\n\n"
        "Sổ tính có một trang cho mỗi bảng (đơn vị, địa bàn, cán bộ, chức "
        "năng), có danh sách chọn cho các giá trị cố định, và trang README "
        "giải thích từng cột. TỆP_RA phải có đuôi .xlsx.\n\n"
        "Ví dụ: orgplan template hoa-son.xlsx --lang vi"
    ),
    "help.template.force": "Ghi đè TỆP_RA nếu đã có.",
    "help.check": (
        "Kiểm tra một phương án theo mọi quy định và ràng buộc, không cần "
        "bộ giải.\n\n"
        "Đọc PHƯƠNG_ÁN (một tệp plan.json) và kịch bản của nó, áp dụng "
        "phương án vào tổ chức và liệt kê từng quy định bị vi phạm: khóa, "
        "nhóm bắt buộc hợp nhất, mục tiêu, quy mô tối thiểu, số cấp phó "
        "tối đa, mỗi chức năng một đơn vị đảm nhận, mọi người đều được bố "
        "trí, tổng biên chế giữ nguyên, hàm mục tiêu. Mã thoát 0 khi không "
        "có lỗi (được phép có cảnh báo), ngược lại là 1.\n\n"
        "Ví dụ: orgplan check out/plan.json"
    ),
    "help.check.scenario_path": (
        "Kịch bản mà phương án trả lời [mặc định: kịch bản ghi trong "
        "plan.json]."
    ),
    "help.plan": (
        "Đề xuất phương án sắp xếp đạt mục tiêu và tuân thủ quy định của "
        "kịch bản.\n\n"
        "Giải kịch bản (hợp nhất, nhập vào cấp trên, chia tách, lãnh đạo "
        "và kế hoạch biên chế), hiển thị tiến trình tìm kiếm, ghi "
        "TỆP_RA/plan.json và in số liệu trước và sau sắp xếp. Ctrl-C dừng "
        "tìm kiếm và giữ phương án tốt nhất đã tìm được. Kịch bản không có "
        "phương án thì mã thoát là 1, kèm các yêu cầu mâu thuẫn nhau.\n\n"
        "Ví dụ: orgplan plan scenarios/province-departments --out out/"
    ),
    "help.plan.out": "Thư mục ghi plan.json (và các kết quả khác).",
    "help.plan.time_limit": (
        "Số giây tìm kiếm [mặc định: theo kịch bản]."
    ),
    "help.plan.workers": "Số luồng của bộ giải [mặc định: theo kịch bản].",
    "help.plan.seed": (
        "Hạt giống ngẫu nhiên của quá trình tìm kiếm [mặc định: theo kịch "
        "bản]."
    ),
    "help.plan.reproducible": (
        "Một luồng và thời gian tính toán tất định: cùng một phương án "
        "trên mọi máy."
    ),
    "help.plan.method": (
        "CP-SAT (bộ tối ưu), thuật toán tham lam (phương án cơ sở), hoặc "
        "cùng mô hình dưới dạng MIP cho HiGHS (cận của nó; pip install "
        "orgplan[mip])."
    ),
    "help.export": (
        "Xuất các bảng biên chế của phương án: tổng hợp, đơn vị sau sắp "
        "xếp, sắp xếp đơn vị, lãnh đạo, điều động, tinh giản và danh sách "
        "cá nhân.\n\n"
        "PHƯƠNG_ÁN là tệp plan.json do `orgplan plan` ghi; dữ liệu tổ "
        "chức được đọc từ dữ liệu hoặc kịch bản mà phương án ghi, hoặc từ "
        "--data.\n\n"
        "Ví dụ: orgplan export out/plan.json --format csv --lang vi"
    ),
    "help.export.fmt": (
        "xlsx: staffing-plan.xlsx; csv: staffing-plan/*.csv; json: "
        "staffing-plan.json; data: tổ chức sau sắp xếp dưới dạng tệp đầu "
        "vào, organisation-after/*.csv (validate và plan đọc lại được)."
    ),
    "help.export.out": (
        "Thư mục ghi kết quả [mặc định: thư mục của phương án]."
    ),
    "help.export.force": (
        "Xuất cả phương án mà orgplan check không chấp nhận, hoặc từ thư "
        "mục không còn khớp với tệp kê khai, kèm cảnh báo."
    ),
    "help.export.data": (
        "Dữ liệu hoặc kịch bản của tổ chức, khi phương án không ghi rõ."
    ),
    "help.chart": (
        "Vẽ sơ đồ tổ chức: trước, sau sắp xếp, hoặc các thay đổi.\n\n"
        "ĐƯỜNG_DẪN là dữ liệu của một tổ chức (thư mục tệp CSV hoặc sổ "
        "tính; chỉ sơ đồ trước sắp xếp), một kịch bản (được giải trước, "
        "trừ sơ đồ trước sắp xếp) hoặc một tệp plan.json. Sơ đồ lớn được "
        "chia thành nhiều trang, mỗi trang một nhánh; đơn vị có nhánh nằm "
        "ở trang khác ghi rõ số đơn vị, số người bên dưới và số trang. "
        "Nếu không có Graphviz, mã nguồn DOT được ghi ra và thông báo cho "
        "biết cần cài đặt gì.\n\n"
        "Ví dụ: orgplan chart out/plan.json --view diff --format pdf "
        "--lang vi"
    ),
    "help.chart.view": (
        "Sơ đồ nào [mặc định: before với dữ liệu, diff với phương án hoặc "
        "kịch bản]."
    ),
    "help.chart.fmt": (
        "Tệp PDF chứa mọi trang; SVG và PNG ghi mỗi trang một tệp."
    ),
    "help.chart.out": (
        "Tệp ghi ra [mặc định: tên sơ đồ và định dạng, như diff.svg, "
        "trong thư mục hiện tại]."
    ),
    "help.chart.root": "Chỉ vẽ đơn vị này (theo mã) và các đơn vị trực "
    "thuộc.",
    "help.chart.depth": (
        "Số cấp vẽ từ trên xuống; các đơn vị sâu hơn được cộng gộp."
    ),
    "help.chart.max_boxes": (
        "Số ô mỗi trang trước khi sơ đồ được chia trang (0: một trang)."
    ),
    "help.chart.force": (
        "Vẽ cả phương án mà orgplan check không chấp nhận, hoặc từ thư mục "
        "không còn khớp với tệp kê khai, kèm cảnh báo."
    ),
    "help.chart.data": (
        "Dữ liệu tổ chức của một tệp plan.json không ghi rõ dữ liệu."
    ),
    "help.chart.time_limit": (
        "Số giây giải một kịch bản [mặc định: theo kịch bản]."
    ),
    "help.compare": (
        "Đối chiếu các phương án cạnh nhau: đầu mối, số tầng, lãnh đạo, "
        "biên chế.\n\n"
        "Mỗi ĐƯỜNG_DẪN là một tệp plan.json hoặc một kịch bản (được giải "
        "trước). Số liệu là sau mỗi phương án, số trước sắp xếp trong "
        "ngoặc; kịch bản không có phương án có cột riêng kèm trạng "
        "thái.\n\n"
        "Ví dụ: orgplan compare scenarios/a scenarios/b out/plan.json "
        "--out c.csv"
    ),
    "help.compare.out": "Ghi thêm bảng ra tệp .csv hoặc .html.",
    "help.compare.time_limit": (
        "Số giây giải mỗi kịch bản [mặc định: theo kịch bản]."
    ),
    "help.demo": (
        "Lập phương án cho kịch bản mẫu province-departments từ đầu đến "
        "cuối.\n\n"
        "Một tỉnh giả định với 19 sở của năm 2024 được sắp xếp còn tối đa "
        "14 sở và giảm 15% đầu mối (Nghị định 45/2025): giống lệnh "
        "`orgplan plan scenarios/province-departments --out TỆP_RA`.\n\n"
        "Ví dụ: orgplan demo --out out/demo --lang vi"
    ),
    "help.demo.out": "Thư mục ghi phương án.",
    "help.demo.time_limit": (
        "Số giây tìm kiếm [mặc định: theo kịch bản, 45]."
    ),
    "metavar.path": "ĐƯỜNG_DẪN",
    "metavar.paths": "ĐƯỜNG_DẪN...",
    "metavar.scenario_path": "KỊCH_BẢN",
    "metavar.plan_path": "PHƯƠNG_ÁN",
    "metavar.out": "TỆP_RA",
}
