"""One invented province: its departments, communes and schools.

How a province is shaped, and on which public facts (every number drawn
is invented, only the shapes are real):

- Departments: the 19 of a province before 2025 (the 17 uniform ones of
  Decree 24/2014 as amended by Decree 107/2020, the Ethnic Committee and
  Foreign Affairs), with their usual divisions, sub-departments and public
  service units (``bench/data/*.csv``, read by ``bench/catalogue.py``).
  A department row holds its director, its deputies (about 2 on average,
  below the average of 3 of Decree 107/2020) and a few experts;
  divisions hold the civil servants (about 9 on average, as Thanh Hoa's
  153 in 17 divisions of Finance), one in ten below the minimum of 5,
  with 1 deputy under 10 civil servants, 2 from 10 and 3 from 15 (Decree
  370/2025), a few above their cap, and fewer deputies than their parent.
- Functions: a three-level taxonomy, area -> the department's mandate ->
  the task of one division or centre; the mandates that overlapped in
  2025 are linked across areas (``bench/data/mandates.csv``), so the real
  pairs are the similar ones.
- Communes: after the 2025 mergers a province has about 100 communes
  (3,321 for 34 provinces), each with 32-50 civil servants against the
  norm of Official letter 09/CV-BCĐ, and about 13 public schools
  (preschool, primary, lower secondary; ~43,000 for the country), some
  under the minimum of 15 staff of Decree 120/2020. Communes sit on a grid
  whose neighbours are the adjacent cells.
- Surplus and deficit: the actual staff of a unit is its quota times a
  factor drawn around 1.02 (sd 0.08), so that about 60% of the units are
  over quota and 30% under, as in Ha Tinh's 69 communes (41 over, 21
  under, 7 at quota).
- Wide departments (size ``W``, a stress shape): hundreds of public
  service units under each of the four departments of ``wide.csv``
  (health stations, extension stations, cultural centres, continuing
  education centres, as the abolished district level ran them), about a
  quarter of them under the minimum of 15 staff of Decree 120/2020.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import Any

from bench.catalogue import (
    DEPARTMENTS,
    GENERIC,
    SCHOOLS,
    WIDE,
    Department,
    Part,
)
from orgplan.model import FunctionDef, Locality, Unit

ALL_SCHOOLS = tuple(s.code for s in SCHOOLS)

# Syllables of invented place names.
# fmt: off
_FIRST = (
    "An", "Bình", "Cẩm", "Đông", "Gia", "Hòa", "Hưng", "Kim", "Lâm", "Long",
    "Minh", "Mỹ", "Ngọc", "Phú", "Phúc", "Quảng", "Sơn", "Tân", "Thạch",
    "Thanh", "Thịnh", "Trung", "Vĩnh", "Xuân", "Yên", "Hải",
)
_SECOND = (
    "An", "Bình", "Châu", "Điền", "Đức", "Giang", "Hà", "Hòa", "Khê", "Lạc",
    "Lập", "Lộc", "Lợi", "Mỹ", "Nam", "Phong", "Phước", "Sơn", "Thành",
    "Thủy", "Tiến", "Trạch", "Trung", "Tường", "Vân", "Xuyên",
)
# fmt: on


def place_names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct invented two-syllable Vietnamese place names."""
    names = [f"{a} {b}" for a in _FIRST for b in _SECOND if a != b]
    if count > len(names):
        raise ValueError(f"at most {len(names)} distinct names")
    return rng.sample(names, count)



class _Builder:
    """Collects the units, localities and functions of one organisation."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.units: list[Unit] = []
        self.localities: list[Locality] = []
        self.functions: dict[str, FunctionDef] = {}

    # --- staff -------------------------------------------------------

    def actual(self, quota: int, leaders: int) -> int:
        factor = self.rng.gauss(1.02, 0.08)
        return max(leaders, min(quota, 1), round(quota * factor))

    def unit(
        self,
        *,
        quota: int,
        heads: int,
        deputies: int,
        category: str,
        **fields: Any,
    ) -> Unit:
        actual = self.actual(quota, heads + deputies)
        # Contract staff are a few percent; never the leaders.
        contract = min(actual - heads - deputies, round(actual * 0.04))
        main = actual - contract
        split = {
            "civil_servants": main if category == "civil_servant" else 0,
            "public_employees": main if category != "civil_servant" else 0,
            "contract": contract,
        }
        unit = Unit(
            quota=quota,
            actual=actual,
            heads=heads,
            deputies=deputies,
            **split,
            **fields,
        )
        self.units.append(unit)
        return unit

    def quota(self, size: tuple[int, int]) -> int:
        low, high = size
        # Skewed towards the small end, as staff lists are.
        return low + int((high - low) * self.rng.random() ** 1.4)

    # --- functions ---------------------------------------------------

    def function(
        self, code: str, name: str, sector: str, parent: str | None
    ) -> str:
        if code not in self.functions:
            self.functions[code] = FunctionDef(
                code=code, name=name, sector=sector, parent=parent
            )
        return code

    def mandate(self, dept: Department, present: set[str], key: str) -> str:
        self.function(dept.sector, dept.area, dept.sector, None)
        name, link = dept.mandate.get(key) or (GENERIC[key], None)
        area, _, linked = (link or "").partition(".")
        if area == dept.sector:
            self.mandate(dept, present, linked)
        # A link into a department that is not generated falls back to
        # the area, so that every parent code exists.
        parent = link if area in present | {dept.sector} else None
        return self.function(
            f"{dept.sector}.{key}", name, dept.sector, parent or dept.sector
        )

    def task(self, dept: Department, present: set[str], part: Part) -> str:
        level2 = self.mandate(dept, present, part.key)
        name = part.name.removeprefix("Phòng ").removeprefix("Trung tâm ")
        return self.function(
            f"{level2}.{part.suffix.lower()}", name, dept.sector, level2
        )


def _division_deputies(rng: random.Random, civil_servants: int) -> int:
    """Deputies as divisions have them: mostly within the Decree 370 cap."""
    cap = 1 if civil_servants < 10 else 2 if civil_servants < 15 else 3
    if civil_servants < 5:
        cap = 0
    deputies = cap if rng.random() < 0.7 else max(0, cap - 1)
    # About one division in 20 keeps a deputy above its cap.
    return deputies + (rng.random() < 0.05)


def _departments(
    b: _Builder,
    prefix: str,
    root: str,
    locality: str,
    departments: Sequence[Department],
) -> None:
    present = {d.sector for d in departments}
    for dept in departments:
        deputies = b.rng.choice((1, 2, 2, 2, 2, 3))
        did = f"{prefix}{dept.id}"
        b.unit(
            id=did,
            name=dept.name,
            name_en=dept.name_en,
            kind="department",
            level="province",
            parent=root,
            locality=locality,
            sector=dept.sector,
            functions=tuple(
                b.mandate(dept, present, key) for key in dept.mandate
            ),
            # Its board and a few experts: deputies stay within 50% of
            # the quota (Conclusion 187-KL/TW).
            quota=1 + 2 * deputies,
            heads=1,
            deputies=deputies,
            category="civil_servant",
        )
        for part in dept.divisions:
            _division(b, dept, present, part, did, locality, deputies)
        for sub in dept.subs:
            sid = f"{did}-{sub.suffix}"
            b.unit(
                id=sid,
                name=sub.name,
                name_en=sub.name_en,
                kind="sub_department",
                level="province",
                parent=did,
                locality=locality,
                sector=dept.sector,
                functions=(b.task(dept, present, sub),),
                quota=b.quota(sub.size),
                heads=1,
                deputies=1,
                category="civil_servant",
            )
            for part in sub.divisions:
                _division(b, dept, present, part, sid, locality, 1)
        for psu in dept.psus:
            quota = b.quota(psu.size)
            b.unit(
                id=f"{did}-{psu.suffix}",
                name=psu.name,
                name_en=psu.name_en,
                kind="public_service_unit",
                level="province",
                parent=did,
                locality=locality,
                sector=dept.sector,
                functions=(b.task(dept, present, psu),),
                quota=quota,
                heads=1,
                deputies=min(deputies, 2 if quota <= 20 else 3),
                category="public_employee",
            )


def _division(
    b: _Builder,
    dept: Department,
    present: set[str],
    part: Part,
    parent: str,
    locality: str,
    parent_deputies: int,
) -> None:
    # One division in ten has fallen below the minimum of 5.
    quota = max(5, b.quota(part.size))
    if b.rng.random() < 0.1:
        quota = b.rng.choice((3, 4))
    b.unit(
        id=f"{parent}-{part.suffix}",
        name=part.name,
        name_en=part.name_en,
        kind="division",
        level="province",
        parent=parent,
        locality=locality,
        sector=dept.sector,
        functions=(b.task(dept, present, part),),
        quota=quota,
        heads=1,
        # Fewer deputies than the parent, as is usual: a merged division
        # (which keeps its members' leaders) can then stay within its
        # parent's number (Conclusion 187-KL/TW).
        deputies=min(parent_deputies - 1, _division_deputies(b.rng, quota)),
        category="civil_servant",
    )


def _communes(
    b: _Builder,
    prefix: str,
    root: str,
    province: str,
    count: int,
    schools: Sequence[str],
) -> None:
    """Communes on a grid (neighbours = adjacent cells), with schools."""
    side = math.ceil(math.sqrt(count))
    names = place_names(b.rng, count)
    ids = [f"{prefix}X{i + 1:03d}" for i in range(count)]
    for i, (cid, name) in enumerate(zip(ids, names, strict=True)):
        row, col = divmod(i, side)
        near = [
            ids[j]
            for j in (
                i - side,
                i + side,
                i - 1 if col > 0 else -1,
                i + 1 if col < side - 1 else -1,
            )
            if 0 <= j < count
        ]
        mountain = b.rng.random() < 0.4
        ward = not mountain and b.rng.random() < 0.2
        population = int(b.rng.uniform(9_000, 40_000))
        b.localities.append(
            Locality(
                id=cid,
                name=("Phường " if ward else "Xã ") + name,
                level="commune",
                parent=province,
                population=population,
                area_km2=round(
                    b.rng.uniform(60, 300)
                    if mountain
                    else b.rng.uniform(8, 60),
                    1,
                ),
                terrain="mountain"
                if mountain
                else ("urban" if ward else "plain"),
                neighbours=tuple(near),
                lat=round(21.5 - row * 0.05, 4),
                lon=round(104.0 + col * 0.05, 4),
            )
        )
        # Official letter 09/CV-BCĐ: 32, +1 per 1,000 (mountain) or
        # 2,000 residents above 16,000, at most 50 (70 in a ward).
        extra = max(0, population - 16_000) // (1000 if mountain else 2000)
        b.unit(
            id=cid,
            name=("Ủy ban nhân dân phường " if ward else "Ủy ban nhân dân xã ")
            + name,
            kind="ward" if ward else "commune",
            level="commune",
            parent=root,
            locality=cid,
            sector="local_government",
            quota=min(32 + extra, 70 if ward else 50),
            heads=1,
            deputies=2,
            category="civil_servant",
        )
        _schools(b, cid, name, schools)


def _schools(
    b: _Builder, commune: str, place: str, codes: Sequence[str]
) -> None:
    education = next(d for d in DEPARTMENTS if d.sector == "education")
    kinds = [s for s in SCHOOLS if s.code in codes]
    counts = [0] * len(kinds)
    total = sum(s.share for s in kinds)
    for _ in range(round(b.rng.randint(10, 18) * total)):
        weights = [s.share for s in kinds]
        counts[b.rng.choices(range(len(kinds)), weights)[0]] += 1
    for kind_index, count in enumerate(counts):
        code, prefix, english, key, size, _ = kinds[kind_index]
        function = b.function(
            f"education.{key}.school",
            f"{prefix} công lập",
            "education",
            b.mandate(education, {"education"}, key),
        )
        for n in range(count):
            # The first school of each kind is the main one and never
            # undersized, so that every small school has a partner.
            quota = b.quota(size)
            if n == 0:
                quota = max(quota, 16)
            suffix = "" if count == 1 else f" số {n + 1}"
            b.unit(
                id=f"{commune}-{code}{n + 1}",
                name=f"{prefix} {place}{suffix}",
                name_en=f"{place} {english}{suffix.replace(' số', ' No.')}",
                kind="public_service_unit",
                level="commune",
                parent=commune,
                locality=commune,
                sector="education",
                functions=(function,),
                quota=quota,
                heads=1,
                deputies=1 if quota < 28 else 2,
                category="public_employee",
            )


def province(
    rng: random.Random,
    *,
    code: str,
    name: str,
    departments: Sequence[Department] = DEPARTMENTS,
    communes: int = 0,
    schools: Sequence[str] = ALL_SCHOOLS,
    wide: int = 0,
) -> tuple[list[Unit], list[Locality], dict[str, FunctionDef]]:
    """The units, localities and functions of one invented province.

    Unit ids start with ``code`` when it is not empty, so that provinces
    can be put side by side; ``schools`` are the codes of the kinds of
    school each commune has (``bench/data/schools.csv``); ``wide`` the
    number of service units added under each department of
    ``bench/data/wide.csv``.

    Raises
    ------
    ValueError
        If more communes are asked for than there are invented names.
    """
    b = _Builder(rng)
    prefix = f"{code}-" if code else ""
    root = f"{prefix}TINH"
    capital = f"{prefix}X001" if communes else code or "T"
    b.localities.append(
        Locality(
            id=code or "T",
            name=f"Tỉnh {name}",
            level="province",
            population=int(rng.uniform(0.9e6, 2.2e6)),
            area_km2=round(rng.uniform(5_000, 12_000), 1),
            terrain="mountain" if rng.random() < 0.5 else "plain",
        )
    )
    b.unit(
        id=root,
        name=f"Tỉnh {name}",
        name_en=f"{name} Province",
        kind="province",
        level="province",
        locality=code or "T",
        quota=0,
        heads=0,
        deputies=0,
        category="civil_servant",
    )
    if communes:
        _communes(b, prefix, root, code or "T", communes, schools)
    _departments(b, prefix, root, capital, departments)
    for dept in departments:
        if wide and dept.id in WIDE:
            _wide(b, f"{prefix}{dept.id}", dept, departments, wide)
    return b.units, b.localities, b.functions


def _wide(
    b: _Builder,
    did: str,
    dept: Department,
    departments: Sequence[Department],
    count: int,
) -> None:
    """``count`` service units of the kinds ``WIDE`` gives ``dept``."""
    head = next(u for u in b.units if u.id == did)
    present = {d.sector for d in departments}
    kinds = WIDE[dept.id]
    for n, place in enumerate(place_names(b.rng, count), start=1):
        kind = b.rng.choices(kinds, [k.share for k in kinds])[0]
        part = Part(kind.code, kind.name, kind.name_en, kind.key, kind.size)
        quota = b.quota(kind.size)
        b.unit(
            id=f"{did}-{kind.code}{n:03d}",
            name=f"{kind.name} {place}",
            name_en=f"{place} {kind.name_en}",
            kind="public_service_unit",
            level="province",
            parent=did,
            locality=head.locality,
            sector=dept.sector,
            functions=(b.task(dept, present, part),),
            quota=quota,
            heads=1,
            deputies=min(head.deputies, 1 if quota < 28 else 2),
            category="public_employee",
        )

