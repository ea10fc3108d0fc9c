"""Write data/staff.csv, the invented roster of province-small.

One person per member of staff in data/units.csv: each unit's ``heads``
and ``deputies`` first, then staff, in the categories of the unit's
split (leaders from the first category listed, contract staff last).
Names, birth years and genders are drawn from a seeded generator, so the
roster is the same on every run; run it again after editing units.csv:

    python scenarios/province-small/make_staff.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

DATA = Path(__file__).parent / "data"
SEED = 2025

FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hà",
    "Đinh",
    "Quách",
    "Bạch",
    "Lương",
)
MIDDLE = {
    "male": ("Văn", "Đức", "Minh", "Quang", "Hữu"),
    "female": ("Thị", "Thu", "Ngọc", "Thanh", "Phương"),
}
GIVEN = {
    "male": (
        "Hùng",
        "Dũng",
        "Tuấn",
        "Thắng",
        "Hải",
        "Sơn",
        "Long",
        "Quyết",
        "Trường",
        "Khánh",
        "Đạt",
        "Phúc",
    ),
    "female": (
        "Hương",
        "Lan",
        "Hằng",
        "Thảo",
        "Ngân",
        "Mai",
        "Huyền",
        "Yến",
        "Trang",
        "Loan",
        "Oanh",
        "Duyên",
    ),
}
CATEGORIES = (
    ("civil_servants", "civil_servant"),
    ("public_employees", "public_employee"),
    ("contract", "contract"),
)


def roster(units: list[dict[str, str]], rng: random.Random) -> list[dict]:
    """One row per member of staff of every unit, in unit order."""
    people = []
    for unit in units:
        categories = [
            category
            for column, category in CATEGORIES
            for _ in range(int(unit[column] or 0))
        ] or ["civil_servant"] * int(unit["actual"])
        leaders = int(unit["heads"]) + int(unit["deputies"])
        roles = ["head"] * int(unit["heads"]) + ["deputy"] * int(
            unit["deputies"]
        )
        roles += ["staff"] * (len(categories) - leaders)
        for category, role in zip(categories, roles, strict=True):
            gender = rng.choice(("male", "female"))
            # Leaders are older: they are the ones near retirement.
            low = 1965 if role == "staff" else 1963
            high = 2001 if role == "staff" else 1985
            people.append(
                {
                    "id": f"HS{len(people) + 1:04d}",
                    "unit": unit["id"],
                    "category": category,
                    "role": role,
                    "birth_year": rng.randint(low, high),
                    "gender": gender,
                    "field": unit["sector"],
                    "name": " ".join(
                        (
                            rng.choice(FAMILY),
                            rng.choice(MIDDLE[gender]),
                            rng.choice(GIVEN[gender]),
                        )
                    ),
                }
            )
    return people


def main() -> None:
    with (DATA / "units.csv").open(encoding="utf-8", newline="") as f:
        units = list(csv.DictReader(f))
    people = roster(units, random.Random(SEED))
    with (DATA / "staff.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(people[0]))
        writer.writeheader()
        writer.writerows(people)
    print(f"wrote {len(people)} persons to {DATA / 'staff.csv'}")


if __name__ == "__main__":
    main()
