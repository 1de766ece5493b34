"""Build the Word template of the plan implementation report (docxtpl), with intake's building blocks of the state
document format (Decree 30/2020/NĐ-CP, Appendix I; ``legalaid.intake.documents.build_templates``).

    .venv/bin/python -m legalaid.plans.documents.build_templates [output-folder]

Deterministic output: re-running without a change gives the same bytes (a test checks the committed file). An
administrator may replace the template through ``DOCUMENT_TEMPLATE_DIR`` like intake's papers (docs/documents.md).
No Django import here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Mm

from legalaid.intake.documents.build_templates import (
    CENTER,
    LEFT,
    _repeat_as_header,
    body,
    fix_widths,
    letterhead,
    new_document,
    para,
    signature,
    tag,
    text_width,
    title,
    to_bytes,
)

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


def _table(doc, columns: list[tuple[str, float, str]], loop: str):
    """A grid table: a repeated header row, then one row per item of ``loop`` ("row in rows"). Each column has the
    width given (sized to its content: a reference, a date, a status; the task's text takes the rest), scaled to the
    text width, fixed so that LibreOffice and Word lay it out alike."""
    available_mm = text_width(doc) / Mm(1)
    scale = available_mm / sum(width for _, width, _ in columns)
    table = doc.add_table(rows=4, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    fix_widths(table, [width * scale for _, width, _ in columns], cell_margin_mm=1.5)
    header, loop_start, data, loop_end = table.rows
    _repeat_as_header(header)
    for cell, (label, _, _) in zip(header.cells, columns, strict=True):
        para(cell, label, bold=True, size=11, align=CENTER, reuse=True)
    para(loop_start.cells[0], "{%tr for " + loop + " %}", size=10, align=LEFT, reuse=True)
    for cell, (_, _, expression) in zip(data.cells, columns, strict=True):
        para(cell, "{{ %s }}" % expression, size=11, align=LEFT, reuse=True)
    para(loop_end.cells[0], "{%tr endfor %}", size=10, align=LEFT, reuse=True)
    return table


def plan_report():
    """BÁO CÁO Kết quả thực hiện Kế hoạch ...: tasks by status, the tasks, the late ones, targets against actuals."""
    doc = new_document()
    letterhead(doc)
    title(doc, "BÁO CÁO", "Kết quả thực hiện {{ plan_name }}")
    body(
        doc,
        "Thực hiện {{ plan_reference }}, {{ unit_name }} báo cáo kết quả thực hiện đến ngày {{ as_of }} như sau:",
        before=12,
    )
    body(doc, "I. TÌNH HÌNH CHUNG", bold=True)
    body(doc, "Kế hoạch có {{ total }} nhiệm vụ, trong đó:")
    tag(doc, "{%p for row in by_status %}")
    body(doc, "- {{ row.label }}: {{ row.count }} nhiệm vụ;")
    tag(doc, "{%p endfor %}")
    body(doc, "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", bold=True, before=6)
    _table(
        doc,
        [
            ("TT", 12, "row.ref"),
            ("Nhiệm vụ", 67, "row.content"),
            ("Đơn vị chủ trì", 30, "row.lead"),
            ("Thời gian", 30, "row.timeframe"),
            ("Trạng thái", 26, "row.status"),
        ],
        "row in tasks",
    )
    body(doc, "III. NHIỆM VỤ CHẬM TIẾN ĐỘ", bold=True, before=6)
    tag(doc, "{%p for row in late %}")
    body(doc, "- {{ row.ref }} {{ row.content }} (hạn {{ row.deadline }}; chủ trì: {{ row.lead }});")
    tag(doc, "{%p else %}")
    body(doc, "Không có nhiệm vụ chậm tiến độ.")
    tag(doc, "{%p endfor %}")
    body(doc, "IV. CHỈ TIÊU VÀ KẾT QUẢ ĐẠT ĐƯỢC", bold=True, before=6)
    tag(doc, "{%p if targets %}")
    _table(
        doc,
        [
            ("Nhiệm vụ", 17, "row.ref"),
            ("Chỉ tiêu", 62, "row.text"),
            ("Mục tiêu", 32, "row.goal"),
            ("Thực tế", 30, "row.actual"),
            ("Đánh giá", 24, "row.result"),
        ],
        "row in targets",
    )
    tag(doc, "{%p else %}")
    body(doc, "Kế hoạch không có chỉ tiêu định lượng.")
    tag(doc, "{%p endif %}")
    signature(doc)
    return doc


TEMPLATES = {"plan_report.docx": plan_report}


def build(output: Path = TEMPLATE_DIR) -> list[Path]:
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for name, builder in TEMPLATES.items():
        path = output / name
        path.write_bytes(to_bytes(builder()))
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE_DIR):
        print(written_path)
