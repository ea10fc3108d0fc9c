"""Input in Vietnamese: the template, and a Vietnamese export read back."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result

from cli import main
from orgplan.apply import apply
from orgplan.io import check_input, open_scenario, read_organisation, read_plan
from orgplan.io.template import write_template

ROOT = Path(__file__).parent.parent


def _run(*args: str | Path) -> Result:
    return CliRunner(env={"COLUMNS": "250"}).invoke(
        main, [str(a) for a in args]
    )


def test_vietnamese_template_reads_back_filled_in(tmp_path: Path) -> None:
    path = tmp_path / "mẫu.xlsx"
    write_template(path, lang="vi")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "Hướng dẫn",
        "Đơn vị",
        "Địa bàn",
        "Cán bộ",
        "Chức năng",
    ]
    units = book["Đơn vị"]
    header = [c.value for c in units[1]]
    assert header[:4] == [
        "Mã đơn vị",
        "Tên đơn vị",
        "Loại đơn vị",
        "Cấp hành chính",
    ]
    lists = {
        str(v.sqref).split(":")[0][0]: v.formula1
        for v in units.data_validations.dataValidation
    }
    assert "sở" in lists["C"] and "phòng" in lists["C"]
    assert "chi cục" in lists["C"] and "tỉnh" in lists["D"]
    readme = [[c.value for c in row] for row in book["Hướng dẫn"].iter_rows()]
    assert readme[0][:3] == ["trang tính", "cột", "ý nghĩa"]
    assert readme[
        next(i for i, r in enumerate(readme) if r[1] == "Loại cán bộ")
    ][:2] == ["Cán bộ", "Loại cán bộ"]
    # Filled in with the words of the drop-downs, it reads as codes.
    units.append(
        [
            "T",
            "Tỉnh Hòa Sơn",
            "tỉnh",
            "tỉnh",
            None,
            None,
            None,
            None,
            0,
            0,
            0,
            0,
            "không",
        ]
    )
    units.append(
        [
            "STC",
            "Sở Tài chính",
            "sở",
            "tỉnh",
            "T",
            None,
            None,
            None,
            20,
            19,
            1,
            2,
            "có",
        ]
    )
    units.append(
        [
            "STC-NS",
            "Phòng Ngân sách",
            "phòng",
            "tỉnh",
            "STC",
            None,
            None,
            None,
            7,
            7,
            1,
            1,
            None,
        ]
    )
    staff = book["Cán bộ"]
    staff.append(["NV1", "STC", "Công chức", "cấp trưởng", 1970, "nữ"])
    book.save(path)
    problems = [p for p in check_input(path) if p.severity == "error"]
    assert problems == []
    org = read_organisation(path)
    assert [u.kind for u in org.units] == [
        "province",
        "department",
        "division",
    ]
    assert org.unit("STC").locked and not org.unit("STC-NS").locked
    (person,) = org.staff
    assert (person.category, person.role, person.gender) == (
        "civil_servant",
        "head",
        "female",
    )


@pytest.mark.slow
def test_vietnamese_export_validates_and_plans_again(tmp_path: Path) -> None:
    first = tmp_path / "round-1"
    done = _run(
        "plan",
        ROOT / "scenarios" / "province-small",
        "--out",
        first,
        "--method",
        "greedy",
        "--lang",
        "vi",
    )
    assert done.exit_code == 0, done.output
    exported = _run(
        "export",
        first / "plan.json",
        "--format",
        "data",
        "--lang",
        "vi",
        "--out",
        tmp_path,
    )
    assert exported.exit_code == 0, exported.output
    data = tmp_path / "organisation-after"
    header = (data / "units.csv").read_text(encoding="utf-8-sig")
    assert header.startswith("Mã đơn vị,Tên đơn vị,Loại đơn vị")
    assert ",sở," in header and "công chức" in (data / "staff.csv").read_text(
        encoding="utf-8-sig"
    )
    checked = _run("validate", data, "--lang", "vi")
    assert checked.exit_code == 0, checked.output
    assert "hợp lệ" in checked.output
    # Read back unchanged: the organisation the plan leaves.
    org, _ = open_scenario(ROOT / "scenarios" / "province-small")
    assert read_organisation(data) == apply(
        org, read_plan(first / "plan.json")
    )
    scenario = tmp_path / "round-2.yaml"
    scenario.write_text(
        "name: Hòa Sơn, vòng 2\n"
        "data: organisation-after\n"
        "lang: vi\n"
        "scope:\n  kinds: [department, division, sub_department]\n"
        "solver:\n  method: greedy\n",
        encoding="utf-8",
    )
    again = _run("plan", scenario, "--out", tmp_path / "round-2")
    assert again.exit_code == 0, again.output
    # The scenario's lang: the terminal speaks Vietnamese without --lang.
    assert "đã ghi" in again.output
