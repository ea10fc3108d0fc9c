"""proposal.docx: the đề án's annex tables, in one language."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from docx import Document
from test_report import scenario
from view_fixtures import province, reform_plan

from orgplan.charts import write_charts
from orgplan.io.run_folder import MANIFEST
from orgplan.outputs import write_outputs
from orgplan.proposal import write_proposal

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz's dot is not installed"
)


def _text(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    document = Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    tables = [
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in document.tables
    ]
    return paragraphs, tables


@needs_dot
def test_proposal_holds_the_annex_tables_in_vietnamese(tmp_path: Path) -> None:
    org, plan = province(), reform_plan()
    charts = write_charts(org, plan, tmp_path, lang="vi")
    path = write_proposal(org, scenario(), plan, tmp_path, "vi", charts)
    paragraphs, tables = _text(path)
    assert paragraphs[0] == "Đề án sắp xếp tổ chức bộ máy"
    annexes = [p for p in paragraphs if p.startswith("Phụ lục")]
    assert annexes == [
        "Phụ lục 1. Số liệu trước và sau sắp xếp",
        "Phụ lục 2. Danh sách đơn vị hợp nhất, sáp nhập, chia tách, lý do "
        "và căn cứ",
        "Phụ lục 3. Số lượng lãnh đạo sau sắp xếp",
        "Phụ lục 4. Biên chế theo đơn vị sau sắp xếp",
        "Phụ lục 5. Điều động và tinh giản biên chế",
        "Phụ lục 6. Sơ đồ tổ chức",
    ]
    figures, decisions, leaders = tables[0], tables[1], tables[2]
    assert figures[0][:3] == ["STT", "Chỉ tiêu", "Trước"]
    assert ["2", "Đầu mối", "10", "7", "-3"] in figures
    merger = decisions[1]
    assert merger[1] == "hợp nhất"
    # Members by their own former names, with their staff.
    assert org.unit("SNN").name in merger[3]
    assert org.unit("STNMT").name in merger[3] and "người" in merger[3]
    # The legal basis, in Vietnamese, from the rulebook's sources.
    assert "Nghị định 45/2025" in merger[5]
    snn = next(
        row for row in leaders if row[1] == "Sở Nông nghiệp và Môi trường"
    )
    assert snn[2:] == ["1", "7", "4", "3", "01/08/2030"]
    assert any("Kết luận 210-KL/TW" in p for p in paragraphs)
    money = tables[-1][0]
    assert "Kinh phí (đồng)" in money
    # Every chart page is an image (before, after and diff).
    images = Document(str(path)).inline_shapes
    assert len(images) == len([c for c in charts if c.suffix == ".dot"])


def test_proposal_in_english_without_graphviz(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    dot = tmp_path / "diff.dot"
    dot.write_text("digraph orgplan {}\n", encoding="utf-8")
    path = write_proposal(
        province(), scenario(), reform_plan(), tmp_path, "en", [dot]
    )
    paragraphs, tables = _text(path)
    assert paragraphs[0] == "Proposal for restructuring the organisation"
    assert any("Graphviz is not installed" in p for p in paragraphs)
    assert tables[1][1][1] == "merger"


def test_a_plan_run_writes_the_proposal_into_its_manifest(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    written = write_outputs(
        province(), scenario(), reform_plan(), out, lang="vi"
    )
    assert out / "proposal.docx" in written.paths
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert "proposal.docx" in manifest["files"]
    # "wrote N files" counts what the folder holds, the proposal included.
    on_disk = {p for p in out.rglob("*") if p.is_file()}
    assert set(written.paths) == on_disk
    paragraphs, tables = _text(out / "proposal.docx")
    assert paragraphs[0] == "Đề án sắp xếp tổ chức bộ máy"
    figures, decisions = tables[0], tables[1]
    assert figures[0][:3] == ["STT", "Chỉ tiêu", "Trước"]
    assert decisions[1][1] == "hợp nhất"
