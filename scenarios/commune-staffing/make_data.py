"""Generate the commune-staffing data (seeded; run it to rebuild data/).

The shape follows Ha Tinh's 69 communes and wards after the July 2025
mergers, as reported by Lao Dong (laodong.vn 1560813): a quota of 2,554
against 2,697 staff in post, 41 units over quota, 21 under, 7 at quota; the
biggest surpluses Nghi Xuân +19, Sông Trí +18, Đức Quang +17, Nam Hồng Lĩnh
and Tiên Điền +14; Can Lộc 8 short. The article's "surplus 243" is read
here as the gross surplus (243 over minus 100 short = the net 143).

Everything else is INVENTED: each unit's quota and the other surpluses and
deficits (drawn to match the totals), the positions, neighbours (a
triangulated grid, so the adjacency is planar), populations, terrain and
the whole roster (names, birth years, fields). Do not read them as facts
about Ha Tinh.

Usage: python scenarios/commune-staffing/make_data.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

SEED = 2025
COLUMNS = 10
WARDS = (
    "Thành Sen",
    "Trần Phú",
    "Hà Huy Tập",
    "Bắc Hồng Lĩnh",
    "Nam Hồng Lĩnh",
    "Sông Trí",
    "Hải Ninh",
    "Hoành Sơn",
    "Vũng Áng",
)
COMMUNES = (
    "Nghi Xuân",
    "Đan Hải",
    "Tiên Điền",
    "Cổ Đạm",
    "Xuân Lĩnh",
    "Đức Thọ",
    "Đức Đồng",
    "Đức Quang",
    "Đức Thịnh",
    "Đức Minh",
    "Hương Sơn",
    "Sơn Tây",
    "Tứ Mỹ",
    "Sơn Giang",
    "Sơn Tiến",
    "Sơn Hồng",
    "Kim Hoa",
    "Sơn Kim 1",
    "Sơn Kim 2",
    "Vũ Quang",
    "Mai Hoa",
    "Thượng Đức",
    "Hương Khê",
    "Hương Phố",
    "Hương Đô",
    "Hà Linh",
    "Hương Bình",
    "Phúc Trạch",
    "Hương Xuân",
    "Can Lộc",
    "Tùng Lộc",
    "Gia Hanh",
    "Trường Lưu",
    "Xuân Lộc",
    "Đồng Lộc",
    "Lộc Hà",
    "Hồng Lộc",
    "Mai Phụ",
    "Thạch Hà",
    "Đông Kinh",
    "Toàn Lưu",
    "Việt Xuyên",
    "Thạch Khê",
    "Đồng Tiến",
    "Thạch Lạc",
    "Thạch Xuân",
    "Cẩm Xuyên",
    "Thiên Cầm",
    "Cẩm Duệ",
    "Cẩm Hưng",
    "Cẩm Lạc",
    "Cẩm Trung",
    "Yên Hòa",
    "Kỳ Xuân",
    "Kỳ Anh",
    "Kỳ Hoa",
    "Kỳ Văn",
    "Kỳ Khang",
    "Kỳ Lạc",
    "Kỳ Thượng",
)
# Reported figures; everything else is drawn to fit them.
TOTAL_QUOTA = 2554
NAMED_BALANCE = {
    "Nghi Xuân": 19,
    "Sông Trí": 18,
    "Đức Quang": 17,
    "Nam Hồng Lĩnh": 14,
    "Tiên Điền": 14,
    "Can Lộc": -8,
}
OVER, UNDER = 41, 21
GROSS_SURPLUS, GROSS_DEFICIT = 243, 100
FIELDS = (
    "Văn phòng - Thống kê",
    "Tài chính - Kế toán",
    "Địa chính - Xây dựng",
    "Văn hóa - Xã hội",
    "Tư pháp - Hộ tịch",
    "Công nghệ thông tin",
    "Nông nghiệp - Môi trường",
)
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng")
MIDDLE = {"male": ("Văn", "Đức", "Hữu", "Quang"), "female": ("Thị", "Ngọc")}
GIVEN = (
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Hà",
    "Hạnh",
    "Hùng",
    "Lan",
    "Lộc",
    "Minh",
    "Nga",
    "Phúc",
    "Quỳnh",
    "Sơn",
    "Thảo",
    "Tuấn",
    "Yến",
)


def _spread(rng: random.Random, n: int, total: int, cap: int) -> list[int]:
    """``n`` values from 1 to ``cap`` adding up to ``total``."""
    values = [1] * n
    for _ in range(total - n):
        i = rng.choice([i for i in range(n) if values[i] < cap])
        values[i] += 1
    return values


def balances(rng: random.Random, names: list[str]) -> dict[str, int]:
    rest = [n for n in names if n not in NAMED_BALANCE]
    rng.shuffle(rest)
    named_over = sum(v for v in NAMED_BALANCE.values() if v > 0)
    named_under = -sum(v for v in NAMED_BALANCE.values() if v < 0)
    n_over = OVER - sum(v > 0 for v in NAMED_BALANCE.values())
    n_under = UNDER - sum(v < 0 for v in NAMED_BALANCE.values())
    over = _spread(rng, n_over, GROSS_SURPLUS - named_over, 13)
    under = _spread(rng, n_under, GROSS_DEFICIT - named_under, 7)
    result = dict(NAMED_BALANCE)
    result.update(zip(rest[:n_over], over, strict=True))
    result.update(
        zip(rest[n_over : n_over + n_under], (-u for u in under), strict=True)
    )
    result.update((n, 0) for n in rest[n_over + n_under :])
    return result


def quotas(rng: random.Random, names: list[str]) -> dict[str, int]:
    values = {
        n: rng.randint(40, 52) if n in WARDS else rng.randint(32, 40)
        for n in names
    }
    while (gap := TOTAL_QUOTA - sum(values.values())) != 0:
        n = rng.choice(names)
        values[n] += 1 if gap > 0 else -1
        values[n] = max(32, values[n])
    return values


def main() -> None:
    rng = random.Random(SEED)
    names = list(WARDS + COMMUNES)
    order = names.copy()
    rng.shuffle(order)
    ids = {
        n: ("P" if n in WARDS else "X") + f"{i + 1:02d}"
        for i, n in enumerate(names)
    }
    slot = {n: divmod(i, COLUMNS) for i, n in enumerate(order)}
    at = {v: n for n, v in slot.items()}
    balance = balances(rng, names)
    quota = quotas(rng, names)
    folder = Path(__file__).parent / "data"
    folder.mkdir(exist_ok=True)

    localities = []
    for n in names:
        row, col = slot[n]
        # A triangulated grid: right, below and below-right are adjacent.
        near = [
            (row, col + 1),
            (row + 1, col),
            (row + 1, col + 1),
            (row, col - 1),
            (row - 1, col),
            (row - 1, col - 1),
        ]
        neighbours = sorted(ids[at[p]] for p in near if p in at)
        mountain = col < 3 and n not in WARDS
        localities.append(
            {
                "id": ids[n],
                "name": n,
                "level": "commune",
                "parent": "HT",
                "population": rng.randint(9, 45) * 1000 + rng.randint(0, 999),
                "area_km2": round(
                    rng.uniform(8, 60) if n in WARDS else rng.uniform(40, 320),
                    1,
                ),
                "terrain": "urban"
                if n in WARDS
                else ("mountain" if mountain else "plain"),
                "neighbours": ";".join(neighbours),
                "lat": round(18.75 - row * 0.11 + rng.uniform(-0.02, 0.02), 4),
                "lon": round(
                    105.35 + col * 0.11 + rng.uniform(-0.02, 0.02), 4
                ),
            }
        )
    localities.insert(0, {"id": "HT", "name": "Hà Tĩnh", "level": "province"})

    units = [
        {
            "id": "UBND-HT",
            "name": "Ủy ban nhân dân tỉnh Hà Tĩnh",
            "kind": "province",
            "level": "province",
            "locality": "HT",
            "quota": 0,
            "actual": 0,
            "heads": 0,
            "deputies": 0,
        }
    ]
    staff = []
    for n in names:
        actual = quota[n] + balance[n]
        kind = "ward" if n in WARDS else "commune"
        units.append(
            {
                "id": ids[n],
                "name": ("Phường " if kind == "ward" else "Xã ") + n,
                "kind": kind,
                "level": "commune",
                "parent": "UBND-HT",
                "locality": ids[n],
                "quota": quota[n],
                "actual": actual,
                "heads": 1,
                "deputies": 2,
                "civil_servants": actual,
            }
        )
        for k in range(actual):
            gender = rng.choice(("male", "female"))
            staff.append(
                {
                    "id": f"{ids[n]}-{k + 1:03d}",
                    "unit": ids[n],
                    "category": "civil_servant",
                    "role": "head"
                    if k == 0
                    else ("deputy" if k < 3 else "staff"),
                    "birth_year": rng.randint(1966, 2001),
                    "gender": gender,
                    "field": rng.choice(FIELDS),
                    "name": " ".join(
                        (
                            rng.choice(FAMILY),
                            rng.choice(MIDDLE[gender]),
                            rng.choice(GIVEN),
                        )
                    ),
                    "excluded": "true" if rng.random() < 0.02 else "",
                }
            )
    for table, rows in (
        ("localities", localities),
        ("units", units),
        ("staff", staff),
    ):
        header = list(dict.fromkeys(k for r in rows for k in r))
        with open(
            folder / f"{table}.csv", "w", newline="", encoding="utf-8"
        ) as f:
            writer = csv.DictWriter(f, header)
            writer.writeheader()
            writer.writerows(rows)


if __name__ == "__main__":
    main()
