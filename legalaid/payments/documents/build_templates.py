"""Build the Word template of the payment request (a docxtpl template, written with python-docx), with the building
blocks of intake's script (the state document format of Decree 30/2020/NĐ-CP, Appendix I)::

    .venv/bin/python -m legalaid.payments.documents.build_templates [output-folder]

Deterministic output; commit the .docx it writes (a test checks that it matches). Administrators replace the template
through ``DOCUMENT_TEMPLATE_DIR`` as described in docs/documents.md. No Django import here.

Wording UNCONFIRMED: no official form of the payment request was retrieved (Decree 144/2017 Art. 15 lists the dossier:
the request, the session sheet confirmed by the agency, the cost sheet; DOMAIN 4, 12). The request follows the usual
structure of a Decree 30 letter and shows the calculation line by line.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT

from legalaid.intake.documents.build_templates import (
    CENTER,
    LEFT,
    RIGHT,
    addressee,
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
#: Columns of the calculation table (mm): line, formula, result, rule.
LINE_WIDTHS = [50, 50, 30, 35]


def payment_request():
    """GIẤY ĐỀ NGHỊ THANH TOÁN thù lao / bồi dưỡng thực hiện vụ việc trợ giúp pháp lý."""
    doc = new_document()
    letterhead(doc)
    title(doc, "GIẤY ĐỀ NGHỊ THANH TOÁN", "{{ subject }}")
    addressee(doc)
    body(doc, "Căn cứ Luật Trợ giúp pháp lý số 11/2017/QH14;", italic=True)
    body(
        doc,
        "Căn cứ Nghị định số 144/2017/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Trợ giúp pháp lý "
        "(Điều 13, 14, 15);",
        italic=True,
    )
    body(doc, "Căn cứ kết quả thẩm định chất lượng vụ việc mã số {{ case_code }};", italic=True)
    body(
        doc,
        "{{ proposer_unit }} đề nghị thanh toán {{ fee_word }} thực hiện vụ việc trợ giúp pháp lý như sau:",
    )
    body(doc, "1. Người được thanh toán: {{ payee }}{% if provider_line %} ({{ provider_line }}){% endif %}.")
    body(
        doc,
        "2. Vụ việc: mã số {{ case_code }}, hình thức {{ form_of_aid }}, lĩnh vực {{ field_of_law }}; "
        "kết thúc ngày {{ completed_on }}; số buổi được thẩm định: {{ sessions }}.",
    )
    body(doc, "3. Cách tính ({{ method }}; mức áp dụng ngày {{ rate_date }}):")
    table = doc.add_table(rows=4, cols=4)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    fix_widths(table, LINE_WIDTHS)
    header, loop_start, data, loop_end = table.rows
    for cell, text in zip(header.cells, ["Nội dung", "Cách tính", "Kết quả", "Căn cứ"], strict=True):
        para(cell, text, bold=True, size=12, align=CENTER, reuse=True)
    para(loop_start.cells[0], "{%tr for line in lines %}", size=11, align=LEFT, reuse=True)
    for cell, key, align in zip(
        data.cells, ["label", "formula", "result", "reference"], [LEFT, LEFT, RIGHT, LEFT], strict=True
    ):
        para(cell, "{{ line.%s }}" % key, size=12, align=align, reuse=True)
    para(loop_end.cells[0], "{%tr endfor %}", size=11, align=LEFT, reuse=True)
    body(doc, "4. Số tiền đề nghị thanh toán: {{ amount }}.", bold=True, before=6)
    body(doc, "5. Đơn vị chi trả: {{ payer }}.")
    body(doc, "Đề nghị {{ approver }} xem xét, duyệt thanh toán./.")
    signature(doc)
    para(doc, "Người đề nghị: {{ proposed_by }}, ngày {{ proposed_on }}.", italic=True, size=12, align=LEFT, before=6)
    para(doc, "{{ status_line }}", italic=True, size=12, align=LEFT)
    return doc


TEMPLATES = {"payment_request.docx": payment_request}


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
