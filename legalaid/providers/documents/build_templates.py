"""Build the Word templates of the assignment decisions (docxtpl templates, written with python-docx), with the
building blocks of intake's script (the state document format of Decree 30/2020/NĐ-CP, Appendix I)::

    .venv/bin/python -m legalaid.providers.documents.build_templates [output-folder]

Deterministic output; commit the .docx files it writes (a test checks that they match). Administrators replace a
template through ``DOCUMENT_TEMPLATE_DIR`` as described in docs/documents.md. No Django import here.
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
    tag,
    to_bytes,
)

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


def _heading(doc, subject: str):
    letterhead(doc)
    para(doc, "QUYẾT ĐỊNH", bold=True, align=CENTER, before=18)
    para(doc, subject, bold=True, align=CENTER)
    rule(doc, 65)
    para(doc, "{{ authority }}", bold=True, align=CENTER, before=12, after=12)


def _grounds(doc):
    body(doc, "Căn cứ Luật Trợ giúp pháp lý số 11/2017/QH14;", italic=True)
    body(
        doc,
        "Căn cứ Thông tư số 12/2018/TT-BTP của Bộ trưởng Bộ Tư pháp hướng dẫn một số hoạt động nghiệp vụ trợ giúp "
        "pháp lý và quản lý chất lượng vụ việc trợ giúp pháp lý;",
        italic=True,
    )
    body(
        doc,
        "Căn cứ hồ sơ vụ việc trợ giúp pháp lý mã số {{ case_code }}, thụ lý ngày {{ accepted_on }};",
        italic=True,
    )


def _assignment_sentence(doc, prefix: str, who: str):
    """One sentence, one paragraph: who is assigned, to whom, in which form and field (no line break inside it)."""
    provider = (
        " {{ %s.title }} {{ %s.name }}, {{ %s.kind }}{%% if %s.card %%} ({{ %s.card }}){%% endif %%}"
        "{%% if %s.organisation %%}, {{ %s.organisation }}{%% endif %%}," % ((who,) * 7)
    )
    body(
        doc,
        prefix + provider + " thực hiện trợ giúp pháp lý cho {{ beneficiary.title }} {{ beneficiary.name }}"
        "{% if beneficiary.birth_year %} (năm sinh: {{ beneficiary.birth_year }}){% endif %}"
        "{% if beneficiary.address %}, địa chỉ: {{ beneficiary.address }}{% endif %}; "
        "hình thức trợ giúp pháp lý: {{ form_of_aid }}; lĩnh vực: {{ field_of_law }}.",
    )


def _closing(doc, first_article: int):
    body(
        doc,
        "Điều %d. Người thực hiện trợ giúp pháp lý có trách nhiệm thực hiện vụ việc theo quy định của Luật Trợ giúp "
        "pháp lý và các văn bản hướng dẫn; lập, cập nhật hồ sơ và bàn giao hồ sơ vụ việc cho tổ chức trong thời hạn "
        "30 ngày kể từ ngày kết thúc vụ việc (Điều 39 Luật Trợ giúp pháp lý)." % first_article,
        bold=False,
    )
    body(doc, "Điều %d. Quyết định này có hiệu lực kể từ ngày ký." % (first_article + 1))
    body(
        doc,
        "{{ responsible }} và người có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    )
    signature(doc)


def assignment_decision():
    """QUYẾT ĐỊNH Về việc cử người thực hiện trợ giúp pháp lý (TT 12/2018 Art. 11(2)(b))."""
    doc = new_document()
    _heading(doc, "Về việc cử người thực hiện trợ giúp pháp lý")
    _grounds(doc)
    body(doc, "Theo đề nghị của {{ proposer }},", italic=True)
    para(doc, "QUYẾT ĐỊNH:", bold=True, align=CENTER, before=6, after=6)
    _assignment_sentence(doc, "Điều 1. Cử", "provider")
    _closing(doc, 2)
    return doc


def change_decision():
    """QUYẾT ĐỊNH Về việc thay đổi người thực hiện trợ giúp pháp lý (TT 12/2018 Art. 11(2)(b); DOMAIN 1.8)."""
    doc = new_document()
    _heading(doc, "Về việc thay đổi người thực hiện trợ giúp pháp lý")
    _grounds(doc)
    tag(doc, "{%p if requested_on %}")
    body(
        doc,
        "Xét đề nghị thay đổi người thực hiện trợ giúp pháp lý nhận ngày {{ requested_on }}; lý do: {{ reason }};",
        italic=True,
    )
    tag(doc, "{%p else %}")
    body(doc, "Xét lý do: {{ reason }};", italic=True)
    tag(doc, "{%p endif %}")
    para(doc, "QUYẾT ĐỊNH:", bold=True, align=CENTER, before=6, after=6)
    body(
        doc,
        "Điều 1. Thay đổi người thực hiện trợ giúp pháp lý đối với vụ việc mã số {{ case_code }}: "
        "{{ previous.title }} {{ previous.name }} ({{ previous.kind }}) thôi thực hiện vụ việc theo Quyết định số "
        "{{ previous_decision }} ngày {{ previous_date }}.",
    )
    _assignment_sentence(doc, "Cử", "provider")
    _closing(doc, 2)
    return doc


TEMPLATES = {
    "assignment_decision.docx": assignment_decision,
    "change_decision.docx": change_decision,
}


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
