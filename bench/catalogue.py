"""The provincial departments (sở) before 2025, as the generator's template.

The 17 uniform departments of Decree 24/2014 as amended by Decree 107/2020
plus the Ethnic Committee and Foreign Affairs (domain.md section 2.1), each
with its mandate as level-2 functions, its divisions (phòng), its
sub-departments (chi cục) with their divisions, and its public service
units. Names are the usual ones; the organisation charts of real provinces
differ in details. Level-2 functions whose parent lies in another area are
the real 2025 overlaps (domain.md section 2.3): public investment
(Planning & Investment / Finance), works quality (Transport / Construction),
water and irrigation (Natural Resources / Agriculture), digital
transformation (Information / Science), wages, employment, vocational
training, social protection and poverty reduction (Labour-Invalids-Social
Affairs / Home Affairs, Education, Health, Agriculture) and press
(Information / Culture).
"""

from __future__ import annotations

from dataclasses import dataclass

# Level-2 keys every department may use without declaring them.
GENERIC: dict[str, str] = {
    "office": "Văn phòng",
    "inspection": "Thanh tra",
    "plan_finance": "Kế hoạch - Tài chính",
    "personnel": "Tổ chức cán bộ",
}


@dataclass(frozen=True)
class Part:
    """A division, sub-department or public service unit of a department.

    ``key`` names the level-2 function it serves; its own function is the
    level-3 code ``{sector}.{key}.{suffix}``. ``size`` is the usual range
    of its quota.
    """

    suffix: str
    name: str
    name_en: str
    key: str
    size: tuple[int, int] = (5, 14)
    divisions: tuple[Part, ...] = ()


@dataclass(frozen=True)
class Department:
    id: str
    name: str
    name_en: str
    sector: str
    area: str
    # key -> (Vietnamese name, parent code in another area or None)
    mandate: dict[str, tuple[str, str | None]]
    divisions: tuple[Part, ...]
    subs: tuple[Part, ...] = ()
    psus: tuple[Part, ...] = ()


def _p(
    suffix: str,
    name: str,
    name_en: str,
    key: str,
    size: tuple[int, int] = (5, 14),
    *divisions: Part,
) -> Part:
    return Part(suffix, name, name_en, key, size, divisions)


def _office() -> Part:
    return _p("VP", "Văn phòng Sở", "Department Office", "office", (7, 14))


def _inspectorate() -> Part:
    return _p(
        "TTR", "Thanh tra Sở", "Department Inspectorate", "inspection", (5, 9)
    )


def _plan_finance() -> Part:
    return _p(
        "KHTC",
        "Phòng Kế hoạch - Tài chính",
        "Planning and Finance Division",
        "plan_finance",
        (4, 9),
    )


def _admin(key: str) -> Part:
    return _p(
        "HCTH",
        "Phòng Hành chính - Tổng hợp",
        "Administration Division",
        key,
        (3, 7),
    )


DEPARTMENTS: tuple[Department, ...] = (
    Department(
        "VP-UBND",
        "Văn phòng Ủy ban nhân dân tỉnh",
        "Office of the Provincial People's Committee",
        "government",
        "Công tác văn phòng chính quyền",
        {
            "secretariat": ("Tham mưu tổng hợp cho Ủy ban nhân dân", None),
            "one_stop": ("Kiểm soát thủ tục hành chính", None),
        },
        (
            _p(
                "TH",
                "Phòng Tổng hợp",
                "General Affairs Division",
                "secretariat",
                (7, 12),
            ),
            _p(
                "KT",
                "Phòng Kinh tế",
                "Economic Affairs Division",
                "secretariat",
                (6, 10),
            ),
            _p(
                "KGVX",
                "Phòng Khoa giáo - Văn xã",
                "Education and Social Affairs Division",
                "secretariat",
                (5, 9),
            ),
            _p(
                "NC",
                "Phòng Nội chính",
                "Internal Affairs Division",
                "secretariat",
                (5, 9),
            ),
            _p(
                "HCTC",
                "Phòng Hành chính - Tổ chức",
                "Administration and Personnel Division",
                "personnel",
                (6, 12),
            ),
            _p(
                "QTTV",
                "Phòng Quản trị - Tài vụ",
                "Facilities and Accounts Division",
                "plan_finance",
                (5, 10),
            ),
        ),
        psus=(
            _p(
                "TTPVHCC",
                "Trung tâm Phục vụ hành chính công",
                "Public Administration Service Centre",
                "one_stop",
                (18, 30),
            ),
            _p(
                "TTTTCB",
                "Trung tâm Thông tin - Công báo",
                "Information and Official Gazette Centre",
                "secretariat",
                (15, 22),
            ),
        ),
    ),
    Department(
        "SNV",
        "Sở Nội vụ",
        "Department of Home Affairs",
        "home_affairs",
        "Nội vụ",
        {
            "organisation": ("Tổ chức bộ máy và biên chế", None),
            "civil_service": ("Công chức, viên chức", None),
            "local_government": (
                "Xây dựng chính quyền, cải cách hành chính",
                None,
            ),
            "wages": ("Tiền lương khu vực công", None),
            "emulation": ("Thi đua, khen thưởng", None),
            "religion": ("Tín ngưỡng, tôn giáo", None),
            "archives": ("Văn thư, lưu trữ", None),
        },
        (
            _office(),
            _p(
                "TCBC",
                "Phòng Tổ chức, biên chế và tổ chức phi chính phủ",
                "Organisation and Staffing Division",
                "organisation",
                (6, 10),
            ),
            _p(
                "CCVC",
                "Phòng Công chức, viên chức",
                "Civil Service Division",
                "civil_service",
                (6, 10),
            ),
            _p(
                "XDCQ",
                "Phòng Xây dựng chính quyền và công tác thanh niên",
                "Local Government and Youth Division",
                "local_government",
                (5, 9),
            ),
            _p(
                "CCHC",
                "Phòng Cải cách hành chính",
                "Administrative Reform Division",
                "local_government",
                (4, 7),
            ),
            _inspectorate(),
        ),
        subs=(
            _p(
                "BTDKT",
                "Ban Thi đua - Khen thưởng",
                "Board of Emulation and Rewards",
                "emulation",
                (3, 5),
                _p(
                    "NV",
                    "Phòng Nghiệp vụ thi đua, khen thưởng",
                    "Emulation and Rewards Division",
                    "emulation",
                    (5, 8),
                ),
                _admin("emulation"),
            ),
            _p(
                "BTG",
                "Ban Tôn giáo",
                "Board of Religious Affairs",
                "religion",
                (3, 5),
                _p(
                    "NV",
                    "Phòng Nghiệp vụ tôn giáo",
                    "Religious Affairs Division",
                    "religion",
                    (4, 8),
                ),
                _admin("religion"),
            ),
            _p(
                "CCVTLT",
                "Chi cục Văn thư - Lưu trữ",
                "Sub-department of Records and Archives",
                "archives",
                (2, 4),
                _p(
                    "QLVT",
                    "Phòng Quản lý văn thư, lưu trữ",
                    "Records Management Division",
                    "archives",
                    (4, 7),
                ),
                _admin("archives"),
            ),
        ),
        psus=(
            _p(
                "TTLT",
                "Trung tâm Lưu trữ lịch sử",
                "Historical Archives Centre",
                "archives",
                (15, 22),
            ),
        ),
    ),
    Department(
        "STP",
        "Sở Tư pháp",
        "Department of Justice",
        "justice",
        "Tư pháp",
        {
            "legal_documents": ("Văn bản quy phạm pháp luật", None),
            "civil_status": ("Hành chính tư pháp", None),
            "judicial_support": ("Bổ trợ tư pháp", None),
            "legal_education": ("Phổ biến, giáo dục pháp luật", None),
            "legal_aid": ("Trợ giúp pháp lý", None),
        },
        (
            _office(),
            _p(
                "XDKT",
                "Phòng Xây dựng và Kiểm tra văn bản",
                "Legislation and Review Division",
                "legal_documents",
                (5, 9),
            ),
            _p(
                "HCTP",
                "Phòng Hành chính tư pháp",
                "Judicial Administration Division",
                "civil_status",
                (5, 9),
            ),
            _p(
                "BTTP",
                "Phòng Bổ trợ tư pháp",
                "Judicial Support Division",
                "judicial_support",
                (4, 7),
            ),
            _p(
                "PBGD",
                "Phòng Phổ biến, giáo dục pháp luật",
                "Legal Education Division",
                "legal_education",
                (3, 6),
            ),
            _inspectorate(),
        ),
        psus=(
            _p(
                "TTTGPL",
                "Trung tâm Trợ giúp pháp lý nhà nước",
                "State Legal Aid Centre",
                "legal_aid",
                (15, 24),
            ),
            _p(
                "TTDGTS",
                "Trung tâm Dịch vụ đấu giá tài sản",
                "Property Auction Centre",
                "judicial_support",
                (15, 18),
            ),
        ),
    ),
    Department(
        "SKHDT",
        "Sở Kế hoạch và Đầu tư",
        "Department of Planning and Investment",
        "planning",
        "Kế hoạch và đầu tư",
        {
            "socioeconomic": ("Kế hoạch phát triển kinh tế - xã hội", None),
            "public_investment": ("Quản lý đầu tư công", "finance.budget"),
            "enterprise": (
                "Phát triển doanh nghiệp, đăng ký kinh doanh",
                None,
            ),
            "foreign_investment": (
                "Kinh tế đối ngoại, đầu tư nước ngoài",
                None,
            ),
        },
        (
            _office(),
            _p(
                "THQH",
                "Phòng Tổng hợp, Quy hoạch",
                "Synthesis and Planning Division",
                "socioeconomic",
                (6, 10),
            ),
            _p(
                "KTN",
                "Phòng Kinh tế ngành",
                "Sectoral Economy Division",
                "socioeconomic",
                (5, 9),
            ),
            _p(
                "DTTD",
                "Phòng Đầu tư, Thẩm định và Giám sát đầu tư",
                "Investment Appraisal Division",
                "public_investment",
                (6, 11),
            ),
            _p(
                "DKKD",
                "Phòng Đăng ký kinh doanh",
                "Business Registration Division",
                "enterprise",
                (5, 9),
            ),
            _p(
                "KTDN",
                "Phòng Kinh tế đối ngoại",
                "External Economic Relations Division",
                "foreign_investment",
                (3, 6),
            ),
            _inspectorate(),
        ),
        psus=(
            _p(
                "TTXTDT",
                "Trung tâm Xúc tiến Đầu tư",
                "Investment Promotion Centre",
                "enterprise",
                (15, 20),
            ),
        ),
    ),
    Department(
        "STC",
        "Sở Tài chính",
        "Department of Finance",
        "finance",
        "Tài chính",
        {
            "budget": ("Quản lý ngân sách nhà nước", None),
            "public_assets": ("Quản lý tài sản công", None),
            "prices": ("Quản lý giá", None),
            "enterprise_finance": ("Tài chính doanh nghiệp", None),
            "investment_finance": (
                "Tài chính đầu tư",
                "planning.public_investment",
            ),
        },
        (
            _office(),
            _p(
                "QLNS",
                "Phòng Quản lý ngân sách",
                "Budget Management Division",
                "budget",
                (8, 14),
            ),
            _p(
                "TCHCSN",
                "Phòng Tài chính hành chính sự nghiệp",
                "Public Bodies Finance Division",
                "budget",
                (6, 11),
            ),
            _p(
                "GCS",
                "Phòng Quản lý giá và công sản",
                "Prices and Public Assets Division",
                "prices",
                (6, 10),
            ),
            _p(
                "TCDN",
                "Phòng Tài chính doanh nghiệp",
                "Enterprise Finance Division",
                "enterprise_finance",
                (3, 6),
            ),
            _p(
                "TCDT",
                "Phòng Tài chính đầu tư",
                "Investment Finance Division",
                "investment_finance",
                (5, 9),
            ),
            _inspectorate(),
        ),
    ),
    Department(
        "SCT",
        "Sở Công Thương",
        "Department of Industry and Trade",
        "industry_trade",
        "Công thương",
        {
            "industry": ("Phát triển công nghiệp", None),
            "energy": ("Năng lượng", None),
            "commerce": ("Thương mại, thị trường", None),
            "industrial_safety": (
                "Kỹ thuật an toàn, môi trường công nghiệp",
                None,
            ),
            "promotion": ("Khuyến công, xúc tiến thương mại", None),
        },
        (
            _office(),
            _p(
                "QLCN",
                "Phòng Quản lý công nghiệp",
                "Industry Management Division",
                "industry",
                (5, 9),
            ),
            _p(
                "QLNL",
                "Phòng Quản lý năng lượng",
                "Energy Management Division",
                "energy",
                (4, 8),
            ),
            _p(
                "QLTM",
                "Phòng Quản lý thương mại",
                "Trade Management Division",
                "commerce",
                (6, 10),
            ),
            _p(
                "KTAT",
                "Phòng Kỹ thuật an toàn - Môi trường",
                "Industrial Safety Division",
                "industrial_safety",
                (3, 6),
            ),
            _inspectorate(),
        ),
        psus=(
            _p(
                "TTKC",
                "Trung tâm Khuyến công và Xúc tiến thương mại",
                "Industry and Trade Promotion Centre",
                "promotion",
                (15, 25),
            ),
        ),
    ),
    Department(
        "SNNPTNT",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Department of Agriculture and Rural Development",
        "agriculture",
        "Nông nghiệp và phát triển nông thôn",
        {
            "crops": ("Trồng trọt và bảo vệ thực vật", None),
            "livestock": ("Chăn nuôi và thú y", None),
            "forestry": ("Lâm nghiệp, kiểm lâm", None),
            "irrigation": (
                "Thủy lợi, phòng chống thiên tai",
                "environment.water",
            ),
            "rural": ("Phát triển nông thôn", None),
            "quality": ("Quản lý chất lượng nông lâm thủy sản", None),
        },
        (
            _office(),
            _plan_finance(),
            _p(
                "QLCL",
                "Phòng Quản lý chất lượng nông lâm sản và thủy sản",
                "Agro-Products Quality Division",
                "quality",
                (4, 8),
            ),
            _p(
                "TCCB",
                "Phòng Tổ chức cán bộ",
                "Personnel Division",
                "personnel",
                (3, 6),
            ),
            _inspectorate(),
        ),
        subs=(
            _p(
                "CCTTBVTV",
                "Chi cục Trồng trọt và Bảo vệ thực vật",
                "Sub-department of Crops and Plant Protection",
                "crops",
                (3, 5),
                _p(
                    "TT",
                    "Phòng Trồng trọt",
                    "Crop Production Division",
                    "crops",
                    (5, 8),
                ),
                _p(
                    "BVTV",
                    "Phòng Bảo vệ thực vật",
                    "Plant Protection Division",
                    "crops",
                    (5, 9),
                ),
                _admin("crops"),
            ),
            _p(
                "CCCNTY",
                "Chi cục Chăn nuôi và Thú y",
                "Sub-department of Livestock and Veterinary Services",
                "livestock",
                (3, 5),
                _p(
                    "CN",
                    "Phòng Chăn nuôi",
                    "Livestock Division",
                    "livestock",
                    (4, 7),
                ),
                _p(
                    "DTTY",
                    "Phòng Dịch tễ thú y",
                    "Veterinary Epidemiology Division",
                    "livestock",
                    (5, 9),
                ),
                _admin("livestock"),
            ),
            _p(
                "CCKL",
                "Chi cục Kiểm lâm",
                "Sub-department of Forest Protection",
                "forestry",
                (4, 6),
                _p(
                    "QLBVR",
                    "Phòng Quản lý bảo vệ rừng",
                    "Forest Protection Division",
                    "forestry",
                    (6, 12),
                ),
                _p(
                    "SDPTR",
                    "Phòng Sử dụng và phát triển rừng",
                    "Forest Use and Development Division",
                    "forestry",
                    (5, 9),
                ),
                _p(
                    "TTPC",
                    "Phòng Thanh tra - Pháp chế",
                    "Forest Inspection Division",
                    "forestry",
                    (4, 7),
                ),
                _admin("forestry"),
            ),
            _p(
                "CCTL",
                "Chi cục Thủy lợi",
                "Sub-department of Irrigation",
                "irrigation",
                (3, 5),
                _p(
                    "QLCT",
                    "Phòng Quản lý công trình thủy lợi",
                    "Irrigation Works Division",
                    "irrigation",
                    (5, 9),
                ),
                _p(
                    "PCTT",
                    "Phòng Phòng chống thiên tai",
                    "Disaster Prevention Division",
                    "irrigation",
                    (4, 8),
                ),
            ),
            _p(
                "CCPTNT",
                "Chi cục Phát triển nông thôn",
                "Sub-department of Rural Development",
                "rural",
                (3, 4),
                _p(
                    "KTHT",
                    "Phòng Kinh tế hợp tác và trang trại",
                    "Cooperatives Division",
                    "rural",
                    (3, 6),
                ),
                _p(
                    "NNNT",
                    "Phòng Ngành nghề nông thôn",
                    "Rural Trades Division",
                    "rural",
                    (3, 6),
                ),
            ),
        ),
        psus=(
            _p(
                "TTKN",
                "Trung tâm Khuyến nông",
                "Agricultural Extension Centre",
                "crops",
                (20, 35),
            ),
            _p(
                "TTGCT",
                "Trung tâm Giống cây trồng, vật nuôi",
                "Seed and Breed Centre",
                "livestock",
                (15, 30),
            ),
            _p(
                "BQLRPH",
                "Ban Quản lý rừng phòng hộ",
                "Protection Forest Board",
                "forestry",
                (18, 40),
            ),
            _p(
                "TTNS",
                "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn",
                "Rural Water and Sanitation Centre",
                "rural",
                (15, 30),
            ),
        ),
    ),
    Department(
        "SGTVT",
        "Sở Giao thông vận tải",
        "Department of Transport",
        "transport",
        "Giao thông vận tải",
        {
            "roads": ("Kết cấu hạ tầng giao thông", None),
            "vehicles": ("Vận tải, phương tiện và người lái", None),
            "works_quality": (
                "Chất lượng công trình giao thông",
                "construction.works_quality",
            ),
        },
        (
            _office(),
            _plan_finance(),
            _p(
                "QLKCHT",
                "Phòng Quản lý kết cấu hạ tầng giao thông",
                "Transport Infrastructure Division",
                "roads",
                (6, 11),
            ),
            _p(
                "QLVT",
                "Phòng Quản lý vận tải, phương tiện và người lái",
                "Transport and Vehicles Division",
                "vehicles",
                (6, 10),
            ),
            _p(
                "QLCL",
                "Phòng Quản lý chất lượng công trình giao thông",
                "Transport Works Quality Division",
                "works_quality",
                (4, 8),
            ),
            _inspectorate(),
        ),
        psus=(
            _p(
                "TTDK",
                "Trung tâm Đăng kiểm xe cơ giới",
                "Motor Vehicle Inspection Centre",
                "vehicles",
                (18, 30),
            ),
            _p(
                "BQLDA",
                "Ban Quản lý dự án đầu tư xây dựng công trình giao thông",
                "Transport Works Project Board",
                "roads",
                (25, 45),
            ),
        ),
    ),
    Department(
        "SXD",
        "Sở Xây dựng",
        "Department of Construction",
        "construction",
        "Xây dựng",
        {
            "planning": ("Quy hoạch xây dựng và kiến trúc", None),
            "housing": ("Nhà ở và thị trường bất động sản", None),
            "works_quality": ("Chất lượng công trình xây dựng", None),
            "infrastructure": ("Hạ tầng kỹ thuật đô thị", "transport.roads"),
            "materials": ("Kinh tế và vật liệu xây dựng", None),
        },
        (
            _office(),
            _p(
                "QHKT",
                "Phòng Quy hoạch - Kiến trúc",
                "Planning and Architecture Division",
                "planning",
                (5, 9),
            ),
            _p(
                "QLN",
                "Phòng Quản lý nhà và thị trường bất động sản",
                "Housing and Real Estate Division",
                "housing",
                (4, 8),
            ),
            _p(
                "HTKT",
                "Phòng Hạ tầng kỹ thuật",
                "Technical Infrastructure Division",
                "infrastructure",
                (4, 7),
            ),
            _p(
                "KTVL",
                "Phòng Kinh tế và Vật liệu xây dựng",
                "Construction Economics Division",
                "materials",
                (3, 6),
            ),
            _inspectorate(),
        ),
        subs=(
            _p(
                "CCGD",
                "Chi cục Giám định xây dựng",
                "Sub-department of Construction Appraisal",
                "works_quality",
                (3, 4),
                _p(
                    "GDCL",
                    "Phòng Giám định chất lượng",
                    "Quality Appraisal Division",
                    "works_quality",
                    (5, 8),
                ),
                _admin("works_quality"),
            ),
        ),
        psus=(
            _p(
                "TTKD",
                "Trung tâm Kiểm định chất lượng xây dựng",
                "Construction Quality Testing Centre",
                "works_quality",
                (15, 25),
            ),
            _p(
                "VQH",
                "Viện Quy hoạch xây dựng",
                "Construction Planning Institute",
                "planning",
                (18, 30),
            ),
        ),
    ),
    Department(
        "STNMT",
        "Sở Tài nguyên và Môi trường",
        "Department of Natural Resources and Environment",
        "environment",
        "Tài nguyên và môi trường",
        {
            "land": ("Quản lý đất đai", None),
            "water": ("Tài nguyên nước", None),
            "minerals": ("Khoáng sản", None),
            "protection": ("Bảo vệ môi trường", None),
            "survey": ("Đo đạc, bản đồ và viễn thám", None),
            "climate": ("Biến đổi khí hậu", "agriculture.irrigation"),
        },
        (
            _office(),
            _p(
                "TNN",
                "Phòng Tài nguyên nước",
                "Water Resources Division",
                "water",
                (4, 7),
            ),
            _p(
                "KS",
                "Phòng Khoáng sản",
                "Minerals Division",
                "minerals",
                (4, 7),
            ),
            _p(
                "DDBD",
                "Phòng Đo đạc, bản đồ và viễn thám",
                "Survey and Mapping Division",
                "survey",
                (3, 6),
            ),
            _p(
                "BDKH",
                "Phòng Biển và Biến đổi khí hậu",
                "Climate Change Division",
                "climate",
                (3, 5),
            ),
            _inspectorate(),
        ),
        subs=(
            _p(
                "CCBVMT",
                "Chi cục Bảo vệ môi trường",
                "Sub-department of Environmental Protection",
                "protection",
                (3, 5),
                _p(
                    "KSON",
                    "Phòng Kiểm soát ô nhiễm",
                    "Pollution Control Division",
                    "protection",
                    (5, 9),
                ),
                _p(
                    "TDMT",
                    "Phòng Thẩm định và Đánh giá tác động môi trường",
                    "Environmental Impact Division",
                    "protection",
                    (4, 8),
                ),
            ),
            _p(
                "CCQLDD",
                "Chi cục Quản lý đất đai",
                "Sub-department of Land Administration",
                "land",
                (3, 5),
                _p(
                    "GD",
                    "Phòng Giá đất",
                    "Land Prices Division",
                    "land",
                    (4, 7),
                ),
                _p(
                    "DKDD",
                    "Phòng Đăng ký đất đai",
                    "Land Registration Division",
                    "land",
                    (6, 10),
                ),
                _admin("land"),
            ),
        ),
        psus=(
            _p(
                "VPDKDD",
                "Văn phòng Đăng ký đất đai",
                "Land Registration Office",
                "land",
                (60, 140),
            ),
            _p(
                "TTPTQD",
                "Trung tâm Phát triển quỹ đất",
                "Land Fund Development Centre",
                "land",
                (18, 35),
            ),
            _p(
                "TTQT",
                "Trung tâm Quan trắc tài nguyên và môi trường",
                "Environmental Monitoring Centre",
                "protection",
                (15, 25),
            ),
        ),
    ),
    Department(
        "STTTT",
        "Sở Thông tin và Truyền thông",
        "Department of Information and Communications",
        "information",
        "Thông tin và truyền thông",
        {
            "press": ("Báo chí, xuất bản", "culture.arts"),
            "telecom": ("Bưu chính, viễn thông", None),
            "digital": (
                "Công nghệ thông tin, chuyển đổi số",
                "science.innovation",
            ),
        },
        (
            _office(),
            _p(
                "TTBCXB",
                "Phòng Thông tin - Báo chí - Xuất bản",
                "Press and Publishing Division",
                "press",
                (4, 7),
            ),
            _p(
                "BCVT",
                "Phòng Bưu chính, Viễn thông",
                "Post and Telecommunications Division",
                "telecom",
                (3, 6),
            ),
            _p(
                "CNTT",
                "Phòng Công nghệ thông tin và Chuyển đổi số",
                "Digital Transformation Division",
                "digital",
                (4, 8),
            ),
            _inspectorate(),
        ),
        psus=(
            _p(
                "TTCNTT",
                "Trung tâm Công nghệ thông tin và Truyền thông",
                "ICT Centre",
                "digital",
                (15, 30),
            ),
        ),
    ),
    Department(
        "SLDTBXH",
        "Sở Lao động - Thương binh và Xã hội",
        "Department of Labour, Invalids and Social Affairs",
        "labour",
        "Lao động, người có công và xã hội",
        {
            "employment": (
                "Lao động, việc làm, tiền lương",
                "home_affairs.wages",
            ),
            "merit": ("Người có công", "home_affairs.emulation"),
            "vocational": ("Giáo dục nghề nghiệp", "education.continuing"),
            "social_protection": (
                "Bảo trợ xã hội, trẻ em, phòng chống tệ nạn xã hội",
                "health.population",
            ),
            "poverty": ("Giảm nghèo", "agriculture.rural"),
        },
        (
            _office(),
            _p(
                "LDVL",
                "Phòng Lao động - Việc làm - Tiền lương",
                "Labour and Employment Division",
                "employment",
                (5, 9),
            ),
            _p(
                "GDNN",
                "Phòng Giáo dục nghề nghiệp",
                "Vocational Education Division",
                "vocational",
                (4, 7),
            ),
            _p(
                "NCC",
                "Phòng Người có công",
                "People with Merit Division",
                "merit",
                (5, 9),
            ),
            _p(
                "BTXH",
                "Phòng Bảo trợ xã hội và Giảm nghèo",
                "Social Protection and Poverty Division",
                "poverty",
                (4, 8),
            ),
            _p(
                "TEBDG",
                "Phòng Trẻ em và Bình đẳng giới",
                "Children and Gender Equality Division",
                "social_protection",
                (3, 6),
            ),
            _inspectorate(),
        ),
        psus=(
            _p(
                "TTDVVL",
                "Trung tâm Dịch vụ việc làm",
                "Employment Service Centre",
                "employment",
                (18, 30),
            ),
            _p(
                "TTBTXH",
                "Trung tâm Bảo trợ xã hội",
                "Social Protection Centre",
                "social_protection",
                (20, 40),
            ),
            _p(
                "CDN",
                "Trường Cao đẳng Nghề",
                "Vocational College",
                "vocational",
                (60, 120),
            ),
        ),
    ),
    Department(
        "SVHTTDL",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Department of Culture, Sports and Tourism",
        "culture",
        "Văn hóa, thể thao và du lịch",
        {
            "arts": ("Văn hóa, nghệ thuật", None),
            "heritage": ("Di sản văn hóa", None),
            "sports": ("Thể dục, thể thao", None),
            "tourism": ("Du lịch", None),
            "family": ("Gia đình và nếp sống văn hóa", None),
        },
        (
            _office(),
            _p(
                "QLVH",
                "Phòng Quản lý văn hóa",
                "Culture Division",
                "arts",
                (5, 9),
            ),
            _p(
                "QLDS",
                "Phòng Quản lý di sản văn hóa",
                "Cultural Heritage Division",
                "heritage",
                (3, 6),
            ),
            _p(
                "QLTDTT",
                "Phòng Quản lý thể dục thể thao",
                "Sports Division",
                "sports",
                (4, 7),
            ),
            _p(
                "QLDL",
                "Phòng Quản lý du lịch",
                "Tourism Division",
                "tourism",
                (4, 7),
            ),
            _p(
                "XDNS",
                "Phòng Xây dựng nếp sống văn hóa và Gia đình",
                "Family and Community Culture Division",
                "family",
                (3, 5),
            ),
            _inspectorate(),
        ),
        psus=(
            _p(
                "BT",
                "Bảo tàng tỉnh",
                "Provincial Museum",
                "heritage",
                (18, 30),
            ),
            _p("TV", "Thư viện tỉnh", "Provincial Library", "arts", (15, 25)),
            _p(
                "TTVH",
                "Trung tâm Văn hóa - Điện ảnh",
                "Culture and Cinema Centre",
                "arts",
                (20, 35),
            ),
            _p(
                "TTHL",
                "Trung tâm Huấn luyện và Thi đấu thể dục thể thao",
                "Sports Training Centre",
                "sports",
                (25, 45),
            ),
        ),
    ),
    Department(
        "SKHCN",
        "Sở Khoa học và Công nghệ",
        "Department of Science and Technology",
        "science",
        "Khoa học và công nghệ",
        {
            "research": ("Quản lý khoa học", None),
            "innovation": ("Công nghệ và đổi mới sáng tạo", None),
            "standards": ("Tiêu chuẩn, đo lường, chất lượng", None),
            "intellectual_property": ("Sở hữu trí tuệ, an toàn bức xạ", None),
        },
        (
            _office(),
            _p(
                "QLKH",
                "Phòng Quản lý khoa học",
                "Science Management Division",
                "research",
                (4, 7),
            ),
            _p(
                "QLCN",
                "Phòng Quản lý công nghệ và Đổi mới sáng tạo",
                "Technology and Innovation Division",
                "innovation",
                (4, 7),
            ),
            _p(
                "SHTT",
                "Phòng Sở hữu trí tuệ và An toàn bức xạ",
                "Intellectual Property Division",
                "intellectual_property",
                (3, 5),
            ),
            _inspectorate(),
        ),
        subs=(
            _p(
                "CCTDC",
                "Chi cục Tiêu chuẩn Đo lường Chất lượng",
                "Sub-department of Standards, Metrology and Quality",
                "standards",
                (3, 4),
                _p(
                    "QLTC",
                    "Phòng Quản lý tiêu chuẩn chất lượng",
                    "Standards and Quality Division",
                    "standards",
                    (4, 7),
                ),
                _p(
                    "QLDL",
                    "Phòng Quản lý đo lường",
                    "Metrology Division",
                    "standards",
                    (3, 6),
                ),
            ),
        ),
        psus=(
            _p(
                "TTUD",
                "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
                "Technology Application Centre",
                "innovation",
                (15, 28),
            ),
        ),
    ),
    Department(
        "SGDDT",
        "Sở Giáo dục và Đào tạo",
        "Department of Education and Training",
        "education",
        "Giáo dục và đào tạo",
        {
            "preschool": ("Giáo dục mầm non", None),
            "general": ("Giáo dục phổ thông", None),
            "continuing": ("Giáo dục thường xuyên", None),
            "quality": ("Khảo thí và kiểm định chất lượng", None),
            "upper_secondary": ("Giáo dục trung học phổ thông", None),
            "primary": ("Giáo dục tiểu học", "education.general"),
            "lower_secondary": (
                "Giáo dục trung học cơ sở",
                "education.general",
            ),
        },
        (
            _office(),
            _p(
                "GDMN",
                "Phòng Giáo dục Mầm non",
                "Preschool Education Division",
                "preschool",
                (3, 6),
            ),
            _p(
                "GDPT",
                "Phòng Giáo dục phổ thông",
                "General Education Division",
                "general",
                (6, 10),
            ),
            _p(
                "GDTX",
                "Phòng Giáo dục chuyên nghiệp - Thường xuyên",
                "Continuing Education Division",
                "continuing",
                (3, 5),
            ),
            _p(
                "KTKD",
                "Phòng Khảo thí và Kiểm định chất lượng",
                "Testing and Accreditation Division",
                "quality",
                (4, 7),
            ),
            _p(
                "TCCB",
                "Phòng Tổ chức cán bộ",
                "Personnel Division",
                "personnel",
                (4, 7),
            ),
            _plan_finance(),
            _inspectorate(),
        ),
        psus=(
            _p(
                "THPTC",
                "Trường THPT Chuyên",
                "Specialised High School",
                "upper_secondary",
                (70, 100),
            ),
            _p(
                "THPT1",
                "Trường THPT số 1",
                "High School No. 1",
                "upper_secondary",
                (60, 90),
            ),
            _p(
                "THPT2",
                "Trường THPT số 2",
                "High School No. 2",
                "upper_secondary",
                (55, 85),
            ),
            _p(
                "THPTDTNT",
                "Trường THPT Dân tộc nội trú tỉnh",
                "Provincial Ethnic Boarding High School",
                "upper_secondary",
                (45, 70),
            ),
            _p(
                "TTGDTX",
                "Trung tâm Giáo dục thường xuyên tỉnh",
                "Provincial Continuing Education Centre",
                "continuing",
                (20, 35),
            ),
        ),
    ),
    Department(
        "SYT",
        "Sở Y tế",
        "Department of Health",
        "health",
        "Y tế",
        {
            "medical": ("Khám bệnh, chữa bệnh", None),
            "pharmacy": ("Dược, mỹ phẩm", None),
            "preventive": ("Y tế dự phòng", None),
            "population": ("Dân số, kế hoạch hóa gia đình", None),
            "food_safety": ("An toàn vệ sinh thực phẩm", None),
        },
        (
            _office(),
            _p(
                "NVY",
                "Phòng Nghiệp vụ Y",
                "Medical Affairs Division",
                "medical",
                (5, 9),
            ),
            _p(
                "NVD",
                "Phòng Nghiệp vụ Dược",
                "Pharmacy Division",
                "pharmacy",
                (4, 7),
            ),
            _p(
                "TCCB",
                "Phòng Tổ chức cán bộ",
                "Personnel Division",
                "personnel",
                (4, 7),
            ),
            _plan_finance(),
            _inspectorate(),
        ),
        subs=(
            _p(
                "CCDS",
                "Chi cục Dân số - Kế hoạch hóa gia đình",
                "Sub-department of Population and Family Planning",
                "population",
                (3, 4),
                _p(
                    "DS",
                    "Phòng Nghiệp vụ dân số",
                    "Population Division",
                    "population",
                    (4, 7),
                ),
                _admin("population"),
            ),
            _p(
                "CCATVSTP",
                "Chi cục An toàn vệ sinh thực phẩm",
                "Sub-department of Food Safety",
                "food_safety",
                (3, 4),
                _p(
                    "NV",
                    "Phòng Nghiệp vụ",
                    "Food Safety Division",
                    "food_safety",
                    (4, 7),
                ),
                _p(
                    "TT",
                    "Phòng Thanh tra",
                    "Food Safety Inspection Division",
                    "food_safety",
                    (3, 6),
                ),
            ),
        ),
        psus=(
            _p(
                "BVDK",
                "Bệnh viện Đa khoa tỉnh",
                "Provincial General Hospital",
                "medical",
                (450, 700),
            ),
            _p(
                "BVYHCT",
                "Bệnh viện Y dược cổ truyền",
                "Traditional Medicine Hospital",
                "medical",
                (120, 180),
            ),
            _p(
                "CDC",
                "Trung tâm Kiểm soát bệnh tật",
                "Centre for Disease Control",
                "preventive",
                (90, 140),
            ),
            _p(
                "TTGDYK",
                "Trung tâm Giám định y khoa",
                "Medical Assessment Centre",
                "medical",
                (15, 22),
            ),
            _p(
                "TTKN",
                "Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm",
                "Drug and Food Testing Centre",
                "pharmacy",
                (18, 30),
            ),
        ),
    ),
    Department(
        "TTR",
        "Thanh tra tỉnh",
        "Provincial Inspectorate",
        "inspection",
        "Thanh tra",
        {
            "administrative": ("Thanh tra hành chính", None),
            "complaints": (
                "Tiếp công dân, giải quyết khiếu nại, tố cáo",
                None,
            ),
            "anti_corruption": ("Phòng, chống tham nhũng", None),
        },
        (
            _p(
                "VP",
                "Văn phòng Thanh tra",
                "Inspectorate Office",
                "office",
                (6, 10),
            ),
            _p(
                "NV1",
                "Phòng Nghiệp vụ 1",
                "Inspection Division 1",
                "administrative",
                (6, 10),
            ),
            _p(
                "NV2",
                "Phòng Nghiệp vụ 2",
                "Inspection Division 2",
                "administrative",
                (6, 10),
            ),
            _p(
                "NV3",
                "Phòng Nghiệp vụ 3",
                "Complaints Division",
                "complaints",
                (5, 9),
            ),
            _p(
                "PCTN",
                "Phòng Phòng, chống tham nhũng",
                "Anti-corruption Division",
                "anti_corruption",
                (5, 9),
            ),
        ),
    ),
    Department(
        "BDT",
        "Ban Dân tộc",
        "Ethnic Committee",
        "ethnic",
        "Công tác dân tộc",
        {
            "policy": ("Chính sách dân tộc", "home_affairs.religion"),
            "programmes": (
                "Chương trình mục tiêu vùng dân tộc thiểu số",
                "agriculture.rural",
            ),
        },
        (
            _office(),
            _p(
                "CS",
                "Phòng Chính sách dân tộc",
                "Ethnic Policy Division",
                "policy",
                (4, 8),
            ),
            _p(
                "KHTH",
                "Phòng Kế hoạch - Tổng hợp",
                "Programmes Division",
                "programmes",
                (3, 6),
            ),
            _inspectorate(),
        ),
    ),
    Department(
        "SNGV",
        "Sở Ngoại vụ",
        "Department of Foreign Affairs",
        "foreign_affairs",
        "Đối ngoại",
        {
            "cooperation": ("Hợp tác quốc tế", None),
            "consular": ("Lãnh sự và người Việt Nam ở nước ngoài", None),
            "border": ("Biên giới", None),
        },
        (
            _office(),
            _p(
                "HTQT",
                "Phòng Hợp tác quốc tế",
                "International Cooperation Division",
                "cooperation",
                (3, 6),
            ),
            _p(
                "LS",
                "Phòng Lãnh sự và Người Việt Nam ở nước ngoài",
                "Consular Division",
                "consular",
                (3, 5),
            ),
            _p(
                "QLBG",
                "Phòng Quản lý biên giới",
                "Border Affairs Division",
                "border",
                (3, 5),
            ),
        ),
        psus=(
            _p(
                "TTDV",
                "Trung tâm Dịch thuật và Dịch vụ đối ngoại",
                "Translation and External Services Centre",
                "cooperation",
                (15, 18),
            ),
        ),
    ),
)

# Schools under communes: (id code, name prefix, English, level-2 key of
# SGDDT, quota range, share of schools). Shaped on the national count of
# ~43,000 public schools for ~3,300 communes: about 13 per commune.
SCHOOLS: tuple[tuple[str, str, str, str, tuple[int, int], float], ...] = (
    ("MN", "Trường Mầm non", "Preschool", "preschool", (8, 50), 0.38),
    ("TH", "Trường Tiểu học", "Primary School", "primary", (10, 60), 0.36),
    (
        "THCS",
        "Trường THCS",
        "Lower Secondary School",
        "lower_secondary",
        (12, 65),
        0.26,
    ),
)
