"""Build the Word template of the appraisal report (a docxtpl template written with python-docx), with the building
blocks of intake's script (the state document format of Decree 30/2020/NĐ-CP, Appendix I)::

    .venv/bin/python -m legalaid.quality.documents.build_templates [output-folder]

Deterministic output; commit the .docx file it writes (a test checks that it matches). No official form of the
appraisal report was retrieved (DOMAIN.md 3, 12: the result is recorded in writing and kept in the case file): the
layout is the usual one of a Decree 30 report, UNCONFIRMED in detail. No Django import here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT

from legalaid.intake.documents.build_templates import (
    CENTER,
    LEFT,
    body,
    fix_widths,
    letterhead,
    new_document,
    para,
    signature,
    title,
    to_bytes,
)

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
TABLE_FONT = 12


def appraisal_report():
    """BÁO CÁO Kết quả thẩm định chất lượng vụ việc trợ giúp pháp lý (TT 12/2018/TT-BTP Art. 16)."""
    doc = new_document()
    letterhead(doc)
    title(doc, "BÁO CÁO", "Kết quả thẩm định chất lượng vụ việc trợ giúp pháp lý")
    body(doc, "Căn cứ Luật Trợ giúp pháp lý số 11/2017/QH14;", italic=True, before=12)
    body(
        doc,
        "Căn cứ Thông tư số 12/2018/TT-BTP của Bộ trưởng Bộ Tư pháp hướng dẫn một số hoạt động nghiệp vụ trợ giúp "
        "pháp lý và quản lý chất lượng vụ việc trợ giúp pháp lý (sửa đổi, bổ sung bởi Thông tư số 03/2021/TT-BTP);",
        italic=True,
    )
    body(doc, "1. Vụ việc: mã số {{ case_code }}, thụ lý ngày {{ accepted_on }}, kết thúc ngày {{ completed_on }}.")
    body(doc, "Hình thức trợ giúp pháp lý: {{ form_of_aid }}; lĩnh vực: {{ field_of_law }}.")
    body(doc, "Người được trợ giúp pháp lý: {{ beneficiary }}.")
    body(doc, "Người thực hiện trợ giúp pháp lý: {{ providers }}.")
    body(doc, "2. Người thẩm định: {{ appraiser }}, được phân công ngày {{ assigned_on }}.")
    body(doc, "3. Kết quả chấm điểm theo tiêu chí ({{ criteria_set }}):")
    widths = [18, 107, 20, 20]
    table = doc.add_table(rows=4, cols=4)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    fix_widths(table, widths, cell_margin_mm=1.0)
    header, loop_start, data, loop_end = table.rows
    for cell, text in zip(header.cells, ["Mã", "Tiêu chí", "Tối đa", "Điểm"], strict=True):
        para(cell, text, bold=True, size=TABLE_FONT, align=CENTER, reuse=True)
    para(loop_start.cells[0], "{%tr for row in scores %}", size=TABLE_FONT, align=LEFT, reuse=True)
    for cell, key in zip(data.cells, ["code", "text", "max", "points"], strict=True):
        para(cell, "{{ row.%s }}" % key, size=TABLE_FONT, align=LEFT if key == "text" else CENTER, reuse=True)
    para(loop_end.cells[0], "{%tr endfor %}", size=TABLE_FONT, align=LEFT, reuse=True)
    body(doc, "Tổng điểm: {{ total }}/{{ max_total }} điểm.", before=6)
    body(doc, "4. Thời gian thực hiện vụ việc được thẩm định: {{ sessions }} buổi.")
    body(doc, "5. Mức kết quả: {{ result_level }}.")
    body(doc, "6. Kết luận: {{ conclusion }}")
    body(doc, "Báo cáo này được lưu trong hồ sơ vụ việc./.")
    signature(doc)
    return doc


TEMPLATES = {"appraisal_report.docx": appraisal_report}


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
