"""Input in either language: Vietnamese words for orgplan's codes.

A committee types "sở" for a department and "công chức" for a civil
servant, and the Vietnamese exports write those words; the readers turn
them (and the English labels) back into the codes the rules are keyed
by. Matching ignores case, surrounding spaces and the two ways of
placing a tone mark ("ủy" and "uỷ").
"""

from __future__ import annotations

import unicodedata
from functools import cache

from orgplan.i18n import CATALOGUE, LANGS, Lang
from orgplan.i18n.vi_input import VI_ONLY

# Column name -> code -> the words that mean it (besides the code).
VALUES: dict[str, dict[str, tuple[str, ...]]] = {
    "kind": {
        "province": ("tỉnh", "thành phố trực thuộc trung ương"),
        "party_agency": ("cơ quan đảng", "party agency"),
        "peoples_committee": (
            "ủy ban nhân dân",
            "ubnd",
            "people's committee",
            "peoples committee",
        ),
        "department": ("sở", "cơ quan chuyên môn"),
        "division": ("phòng", "phòng chuyên môn"),
        "sub_department": ("chi cục", "sub-department", "sub department"),
        "public_service_unit": (
            "đơn vị sự nghiệp",
            "đơn vị sự nghiệp công lập",
            "public service unit",
        ),
        "mass_organisation": (
            "tổ chức chính trị - xã hội",
            "đoàn thể",
            "mass organisation",
            "mass organization",
        ),
        "district": ("huyện", "quận", "thị xã"),
        "commune": ("xã",),
        "ward": ("phường",),
    },
    "level": {
        "central": ("trung ương", "cấp trung ương"),
        "province": ("tỉnh", "cấp tỉnh"),
        "district": ("huyện", "cấp huyện"),
        "commune": ("xã", "cấp xã"),
    },
    "category": {
        "civil_servant": ("công chức", "civil servant"),
        "public_employee": ("viên chức", "public employee"),
        "contract": ("hợp đồng lao động", "hợp đồng"),
    },
    "role": {
        "head": ("cấp trưởng", "trưởng"),
        "deputy": ("cấp phó", "phó"),
        "staff": ("nhân viên", "chuyên viên"),
    },
    "gender": {"male": ("nam",), "female": ("nữ",)},
    "terrain": {
        "mountain": ("miền núi", "vùng núi"),
        "plain": ("đồng bằng",),
        "island": ("hải đảo", "đảo"),
        "urban": ("đô thị",),
    },
}

# Headers of the units sheet of the staffing plan (orgplan.export), so
# that the organisation after a plan reads back as input.
_EXPORT_HEADERS = {
    "unit": "id",
    "name": "name",
    "kind": "kind",
    "level": "level",
    "parent": "parent",
    "locality": "locality",
    "quota": "quota",
    "actual": "actual",
    "heads": "heads",
    "deputies": "deputies",
}


def fold(text: str) -> str:
    """``text`` as the aliases are matched: NFC, case-folded, stripped,
    the tone of "uỷ" on the "y" as in "ủy"."""
    folded = unicodedata.normalize("NFC", text).strip().casefold()
    return folded.replace("uỷ", "ủy").replace("uý", "úy")


@cache
def _value_index(column: str) -> dict[str, str]:
    index: dict[str, str] = {}
    for code, words in VALUES.get(column, {}).items():
        for word in words:
            index[fold(word)] = code
    return index


def canonical_value(column: str, value: str) -> str:
    """The code that ``value`` of ``column`` stands for; ``value`` itself
    when it is a code already or no alias (the validator then says which
    values are allowed)."""
    return _value_index(column).get(fold(value), value)


@cache
def _header_index(table: str) -> dict[str, str]:
    index: dict[str, str] = {}
    if table == "units":
        for key, column in _EXPORT_HEADERS.items():
            for lang in LANGS:
                index[fold(CATALOGUE[lang].get(key, key))] = column
    prefix = f"header.{table}."
    for key, text in VI_ONLY.items():
        if key.startswith(prefix):
            index[fold(text)] = key[len(prefix) :]
    return index


def canonical_header(table: str, header: str) -> str:
    """The column name a header of ``table`` stands for (``header``
    itself when it is a column name or unknown)."""
    return _header_index(table).get(fold(header), header)


def word(column: str, code: str, lang: Lang) -> str:
    """How ``code`` of ``column`` is written in ``lang``: the code in
    English, the first Vietnamese word for it in Vietnamese."""
    words = VALUES.get(column, {}).get(code)
    return words[0] if lang == "vi" and words else code


# Vietnamese names of the input sheets (and CSV files without .csv),
# and of the template's README sheet, which is not read.
SHEETS: dict[str, tuple[str, ...]] = {
    "units": ("đơn vị", "danh sách đơn vị"),
    "localities": ("địa bàn", "đơn vị hành chính"),
    "staff": ("cán bộ", "danh sách cán bộ", "nhân sự"),
    "functions": ("chức năng", "danh mục chức năng"),
    "readme": ("hướng dẫn",),
}


def canonical_sheet(name: str) -> str:
    """The table a sheet named ``name`` holds ("Đơn vị" -> units);
    ``name`` folded when it is no known sheet name (for the reader's
    messages)."""
    folded = fold(name)
    for table, words in SHEETS.items():
        if folded == table or folded in map(fold, words):
            return table
    return folded


def sheet_name(table: str, lang: Lang) -> str:
    """The name of the sheet holding ``table`` in a workbook orgplan
    writes in ``lang`` ("Đơn vị" for units in Vietnamese); the readers
    take either (:func:`canonical_sheet`)."""
    if lang == "vi" and table in SHEETS:
        return SHEETS[table][0].capitalize()
    return table
