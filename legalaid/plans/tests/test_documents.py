import io

from docx import Document

from legalaid.plans.documents import build_templates
from legalaid.plans.documents.report import plan_report_docx
from legalaid.plans.selectors import plan_report
from legalaid.plans.tests.factories import make_plan


def test_committed_template_matches_the_script(tmp_path):
    build_templates.build(tmp_path)
    for name in build_templates.TEMPLATES:
        assert (tmp_path / name).read_bytes() == (build_templates.TEMPLATE_DIR / name).read_bytes(), (
            f"{name}: run python -m legalaid.plans.documents.build_templates"
        )


def test_report_in_the_state_format(world):
    plan = make_plan(world.a.centre)
    doc = Document(io.BytesIO(plan_report_docx(plan_report(plan))))
    heading = [c.text for c in doc.tables[0].rows[0].cells]
    assert "SỞ TƯ PHÁP A" in heading[0] and "TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC" in heading[0]
    assert "BC-TGPL" in heading[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in heading[1]
    section = doc.sections[0]
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Kế hoạch số 33/KH-TGPL ngày 21/01/2020 về Triển khai công tác trợ giúp pháp lý năm 2020" in text
    assert "{{" not in text and "{%" not in text
