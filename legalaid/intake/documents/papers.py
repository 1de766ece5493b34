"""The papers of intake: the request form (Mẫu 02-TP-TGPL) and the three notices on a request.

Each function takes the record and returns the .docx bytes; the ``*_context`` functions give the variables a
template receives (listed in docs/documents.md).
"""

from __future__ import annotations

from docxtpl import Listing

from legalaid.cases.models import LegalAidCase
from legalaid.eligibility.models import ProofDocument
from legalaid.intake.choices import DecisionKind, RefusalGround, Relationship, UrgencyReason
from legalaid.intake.documents.letterhead import letterhead, person_fields, place_of, title_of, vn_document_date
from legalaid.intake.documents.rendering import render_docx
from legalaid.intake.models import LegalAidRequest, RequestDecision
from legalaid.lib.formatting import format_date, format_datetime

#: Mẫu 02-TP-TGPL. UNCONFIRMED in detail: TT 10/2023/TT-BTP replaced the request form in 2024; the template uses
#: the form's usual headings, not a copy of the Circular's text. Check it against the official form and replace the
#: template (docs/documents.md) when it differs.
REQUEST_FORM_NUMBER = "Mẫu số 02-TP-TGPL"


def _listing(text: str):
    """Multi-line text kept as line breaks in Word; empty text stays falsy for ``{%p if ... %}``."""
    text = (text or "").strip()
    return Listing(text) if text else ""


def category_wording(category) -> str:
    """A category as the Law words it ("Người thuộc hộ nghèo"), without its reference or the final full stop."""
    return (category.label or category.short_label).strip().rstrip(".")


def _categories(request: LegalAidRequest) -> list[str]:
    return [category_wording(c) for c in request.categories.all()]


def _paper_names(codes) -> list[str]:
    """Papers received are recorded by proof-paper code or as free text; print the paper's name when known."""
    items = [str(item.get("name") or item.get("code") or "") if isinstance(item, dict) else str(item) for item in codes]
    items = [item for item in items if item.strip()]
    names = dict(ProofDocument.objects.filter(code__in=items).values_list("code", "name"))
    return [names.get(item, item) for item in items]


def _about_request(request: LegalAidRequest) -> dict:
    """What every notice on a request says about it and to whom it is addressed (the requester)."""
    requester = request.requester
    title = title_of(requester)
    return {
        "addressee": f"{title[:1].upper()}{title[1:]} {requester.full_name}",
        "addressee_title": title,
        "requester": person_fields(requester),
        "beneficiary": person_fields(request.beneficiary),
        "requester_is_beneficiary": request.requester_id == request.beneficiary_id,
        "field_of_law": request.field_of_law.name,
        "received_on": format_date(request.received_at),
        "summary": _listing(request.summary),
    }


def request_form_context(request: LegalAidRequest) -> dict:
    unit = request.receiving_unit
    return {
        **_about_request(request),
        "form_number": REQUEST_FORM_NUMBER,
        "unit_name": unit.name,
        "place_date": vn_document_date(place_of(unit), request.received_at),
        "categories": _categories(request),
        "desired_form": request.desired_form.name,
        "papers": _paper_names(request.papers_received),
        "received_by": request.received_by.full_name,
        "received_at": format_datetime(request.received_at),
        "relationship": ("" if request.relationship == Relationship.SELF else request.get_relationship_display()),
    }


def request_form_docx(request: LegalAidRequest) -> bytes:
    """Mẫu 02-TP-TGPL, "Đơn yêu cầu trợ giúp pháp lý", filled in from the recorded request, for signature."""
    return render_docx("request_form.docx", request_form_context(request))


#: The grounds of an immediate acceptance as the notice words them (Law Art. 30(4); TT 12/2018 Art. 6): the
#: interface's short labels ("... / thông báo theo Điều 31(3)") are not printed.
PRINTED_URGENCY = {
    UrgencyReason.LIMITATION: "thời hiệu khởi kiện còn dưới 05 ngày làm việc",
    UrgencyReason.TRIAL_SOON: "còn dưới 05 ngày làm việc đến ngày xét xử",
    UrgencyReason.COURT_APPOINTED: (
        "vụ việc thuộc trường hợp chỉ định người bào chữa theo quy định của Bộ luật Tố tụng hình sự hoặc do cơ quan "
        "tiến hành tố tụng thông báo theo khoản 3 Điều 31 Luật Trợ giúp pháp lý"
    ),
    UrgencyReason.HEAD_DECIDED: (
        "người đứng đầu tổ chức thực hiện trợ giúp pháp lý quyết định thụ lý ngay để tránh thiệt hại cho người được "
        "trợ giúp pháp lý"
    ),
}


def acceptance_notice_context(case: LegalAidCase) -> dict:
    request = case.request
    unit = case.branch or case.centre
    immediate = request.decisions.filter(kind=DecisionKind.ACCEPT_IMMEDIATELY).last() if case.immediate else None
    return {
        **letterhead(unit, on_date=case.accepted_at),
        **_about_request(request),
        "beneficiary": person_fields(case.beneficiary),
        "categories_text": "; ".join(_categories(request)) or "chưa xác định",
        "case_code": case.code,
        "accepted_on": format_date(case.accepted_at),
        "field_of_law": case.field_of_law.name,
        "form_of_aid": case.form_of_aid.name,
        "immediate": case.immediate,
        "urgency_reason": PRINTED_URGENCY.get(immediate.urgency_reason, "") if immediate else "",
        "papers_due_on": format_date(case.papers_due_on),
        "recipients": ["Như trên;", f"Lưu: VT, hồ sơ {case.code}."],
    }


def acceptance_notice_docx(case: LegalAidCase) -> bytes:
    """ "THÔNG BÁO Về việc thụ lý vụ việc trợ giúp pháp lý": the case code, date, beneficiary and form of aid, and
    for an immediate acceptance (Law Art. 30(4)) the deadline for the papers still missing."""
    return render_docx("acceptance_notice.docx", acceptance_notice_context(case))


def _decision_context(decision: RequestDecision) -> dict:
    request = decision.request
    return {
        **letterhead(request.receiving_unit, on_date=decision.decided_at),
        **_about_request(request),
        "note": _listing(decision.note),
        "recipients": ["Như trên;", "Lưu: VT, hồ sơ."],
    }


def missing_papers_context(decision: RequestDecision) -> dict:
    if decision.kind != DecisionKind.ASK_PAPERS:
        raise ValueError("Not a request for missing papers.")
    return {
        **_decision_context(decision),
        "missing_papers": list(decision.missing_papers),
        "papers_due_on": format_date(decision.papers_due_on),
    }


def missing_papers_docx(decision: RequestDecision) -> bytes:
    """ "THÔNG BÁO Về việc bổ sung giấy tờ, tài liệu" (Law Art. 30(2)): the papers and the deadline."""
    return render_docx("missing_papers.docx", missing_papers_context(decision))


def printed_refusal_ground(code: str) -> str:
    """The Art. 30(3) ground as a sentence of the notice: the interface's label without its "– Điều 30(3)(x)" suffix,
    followed by the citation in the words of a state paper ("điểm d khoản 3 Điều 30 Luật Trợ giúp pháp lý")."""
    label = str(RefusalGround(code).label)
    wording = label.rsplit(" – ", 1)[0].strip()
    point = code.rsplit(".", 1)[-1]
    return f"{wording} (điểm {point} khoản 3 Điều 30 Luật Trợ giúp pháp lý)"


def refusal_notice_context(decision: RequestDecision) -> dict:
    if decision.kind != DecisionKind.REFUSE:
        raise ValueError("Not a refusal.")
    context = _decision_context(decision)
    return {
        **context,
        "ground": printed_refusal_ground(decision.refusal_ground),
        "ground_code": decision.refusal_ground,
        "reason": context.pop("note"),
        "note": "",
    }


def refusal_notice_docx(decision: RequestDecision) -> bytes:
    """ "THÔNG BÁO Về việc từ chối thụ lý vụ việc trợ giúp pháp lý": the Art. 30(3) ground, the reason, and the right
    to complain (Law Art. 45)."""
    return render_docx("refusal_notice.docx", refusal_notice_context(decision))


def transfer_notice_context(decision: RequestDecision) -> dict:
    if decision.kind != DecisionKind.TRANSFER:
        raise ValueError("Not a transfer.")
    return {**_decision_context(decision), "transfer_to": decision.transfer_to.strip()}


def transfer_notice_docx(decision: RequestDecision) -> bytes:
    """ "THÔNG BÁO Về việc chuyển yêu cầu trợ giúp pháp lý": where the request went and why. UNCONFIRMED: no official
    form of this notice was retrieved; the wording follows the other notices."""
    return render_docx("transfer_notice.docx", transfer_notice_context(decision))


def decision_docx(decision: RequestDecision) -> tuple[str, bytes]:
    """The paper of a decision by its kind, with a file-name stem; ValueError for a kind that has none."""
    if decision.kind == DecisionKind.ASK_PAPERS:
        return "bo-sung-giay-to", missing_papers_docx(decision)
    if decision.kind == DecisionKind.REFUSE:
        return "tu-choi-thu-ly", refusal_notice_docx(decision)
    if decision.kind == DecisionKind.TRANSFER:
        return "chuyen-yeu-cau", transfer_notice_docx(decision)
    raise ValueError("This decision has no paper of its own.")
