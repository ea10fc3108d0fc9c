"""User-facing labels in English and Vietnamese.

Charts and exports look their words up here so that ``--lang vi`` changes
every header and label at once. Keys are stable identifiers.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["en", "vi"]
LANGS: tuple[Lang, ...] = ("en", "vi")

LABELS: dict[str, dict[Lang, str]] = {
    "unit": {"en": "Unit", "vi": "Đơn vị"},
    "name": {"en": "Name", "vi": "Tên"},
    "kind": {"en": "Kind", "vi": "Loại"},
    "level": {"en": "Level", "vi": "Cấp"},
    "parent": {"en": "Parent", "vi": "Đơn vị cấp trên"},
    "locality": {"en": "Locality", "vi": "Địa bàn"},
    "quota": {"en": "Quota", "vi": "Biên chế được giao"},
    "actual": {"en": "Actual", "vi": "Hiện có"},
    "surplus": {"en": "Surplus", "vi": "Thừa"},
    "deficit": {"en": "Deficit", "vi": "Thiếu"},
    "heads": {"en": "Heads", "vi": "Cấp trưởng"},
    "deputies": {"en": "Deputies", "vi": "Cấp phó"},
    "leaders": {"en": "Leaders", "vi": "Lãnh đạo"},
    "focal_points": {"en": "Focal points", "vi": "Đầu mối"},
    "layers": {"en": "Layers", "vi": "Số tầng"},
    "intermediate_units": {"en": "Intermediate units", "vi": "Cấp trung gian"},
    "units": {"en": "Units", "vi": "Số đơn vị"},
    "before": {"en": "Before", "vi": "Trước"},
    "after": {"en": "After", "vi": "Sau"},
    "change": {"en": "Change", "vi": "Thay đổi"},
}


def label(key: str, lang: Lang = "en") -> str:
    """The label of ``key`` in ``lang``; the key itself when unknown."""
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(lang, entry["en"])
