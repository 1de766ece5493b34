"""Build the Word template of the decision on a complaint about legal aid (docxtpl template, written with python-docx),
with the building blocks of intake's script (the state document format of Decree 30/2020/NĐ-CP, Appendix I)::

    .venv/bin/python -m legalaid.feedback.documents.build_templates [output-folder]

Deterministic output; commit the .docx it writes (a test checks that it matches). Administrators replace it through
``DOCUMENT_TEMPLATE_DIR`` (docs/documents.md). No Django import here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from legalaid.intake.documents.build_templates import (
    CENTER,
    body,
    letterhead,
    new_document,
    para,
    rule,
    signature,
    to_bytes,
)

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


def complaint_decision():
    """QUYẾT ĐỊNH Về việc giải quyết khiếu nại (lần đầu / lần hai), Law on Legal Aid 2017 Art. 45. Wording
    UNCONFIRMED: no official form was retrieved; the usual structure of a Decree 30 decision."""
    doc = new_document()
    letterhead(doc)
    para(doc, "QUYẾT ĐỊNH", bold=True, align=CENTER, before=18)
    para(doc, "Về việc giải quyết khiếu nại {{ level_text }}", bold=True, align=CENTER)
    rule(doc, 65)
    para(doc, "{{ authority }}", bold=True, align=CENTER, before=12, after=12)
    body(doc, "Căn cứ Luật Trợ giúp pháp lý số 11/2017/QH14, Điều 45;", italic=True)
    body(doc, "{{ mandate }}", italic=True)
    body(
        doc,
        "Xét đơn khiếu nại của {{ complainant }} nhận ngày {{ received_on }} (số vào sổ {{ entry_code }}), "
        "về việc: {{ ground }}{{ case_text }};",
        italic=True,
    )
    para(doc, "QUYẾT ĐỊNH:", bold=True, align=CENTER, before=6, after=6)
    body(doc, "Điều 1. Kết luận: {{ result }}. {{ reasoning }}")
    body(doc, "Điều 2. {{ effect }}")
    body(doc, "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. {{ responsible }} chịu trách nhiệm thi hành./.")
    signature(doc)
    return doc


TEMPLATES = {"complaint_decision.docx": complaint_decision}


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
