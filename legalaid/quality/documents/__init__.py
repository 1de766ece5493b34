"""The appraisal report as .docx, from a docxtpl template in the state document format (intake's rendering and
letterhead; the template written by ``build_templates``, overridable through ``settings.DOCUMENT_TEMPLATE_DIR``)::

    appraisal_report_docx(appraisal)   BÁO CÁO Kết quả thẩm định chất lượng vụ việc trợ giúp pháp lý
"""

from __future__ import annotations

from pathlib import Path

from django.utils import timezone

from legalaid.intake.documents.letterhead import letterhead, person_fields
from legalaid.intake.documents.rendering import render_docx
from legalaid.lib.formatting import format_date, format_number

PACKAGED_DIR = Path(__file__).resolve().parent / "templates"


def appraisal_context(appraisal) -> dict:
    from legalaid.providers.models import Assignment

    case = appraisal.case
    unit = appraisal.branch or appraisal.centre
    on_date = timezone.localdate(appraisal.completed_at) if appraisal.completed_at else timezone.localdate()
    providers = [
        a.provider.full_name
        for a in Assignment.objects.filter(case=case).of_record().select_related("provider").order_by("started_on")
    ]
    beneficiary = person_fields(case.beneficiary)
    scores = [
        {
            "code": s.criterion.code,
            "text": s.criterion.text,
            "max": format_number(s.criterion.max_points, 1),
            "points": format_number(s.points, 1),
        }
        for s in appraisal.scores.select_related("criterion").order_by("criterion__sort_order")
    ]
    completion = getattr(case, "completion", None)
    return {
        **letterhead(unit, on_date=on_date, symbol="BC-TGPL"),
        "case_code": case.code,
        "accepted_on": format_date(case.accepted_at),
        "completed_on": format_date(completion.completed_on) if completion else "",
        "form_of_aid": case.form_of_aid.name.lower(),
        "field_of_law": case.field_of_law.name.lower(),
        "beneficiary": f"{beneficiary['title']} {beneficiary['name']}",
        "providers": ", ".join(providers) or "…",
        "appraiser": appraisal.appraiser.full_name or appraisal.appraiser.username,
        "assigned_on": format_date(appraisal.assigned_on),
        "criteria_set": appraisal.criteria_set.name if appraisal.criteria_set_id else "",
        "scores": scores,
        "total": format_number(appraisal.total_points, 1) if appraisal.total_points is not None else "",
        "max_total": format_number(appraisal.criteria_set.max_total, 1) if appraisal.criteria_set_id else "",
        "sessions": format_number(appraisal.appraised_sessions, 1) if appraisal.appraised_sessions is not None else "",
        "result_level": appraisal.result_level.name if appraisal.result_level_id else "",
        "conclusion": appraisal.conclusion,
        "recipients": ["Người thực hiện trợ giúp pháp lý;", f"Lưu: VT, hồ sơ {case.code}."],
    }


def appraisal_report_docx(appraisal) -> bytes:
    return render_docx("appraisal_report.docx", appraisal_context(appraisal), packaged_dir=PACKAGED_DIR)
