"""The assignment and change-of-provider decisions as .docx, from docxtpl templates in the state document format
(intake's rendering and letterhead; templates written by ``build_templates``, overridable through
``settings.DOCUMENT_TEMPLATE_DIR``; see docs/documents.md)::

    decision_docx(assignment)     QUYẾT ĐỊNH Về việc cử / thay đổi người thực hiện trợ giúp pháp lý

Wording UNCONFIRMED in detail: no official form of these decisions was retrieved (TT 12/2018 Art. 11(2)(b) only says
the case file holds them); the templates follow the usual structure of a Decree 30 decision.
"""

from __future__ import annotations

from pathlib import Path

from docxtpl import Listing

from legalaid.core.choices import OrganisationKind, Role
from legalaid.intake.documents.letterhead import centre_of, letterhead, person_fields
from legalaid.intake.documents.rendering import render_docx
from legalaid.lib.formatting import format_date

PACKAGED_DIR = Path(__file__).resolve().parent / "templates"


def _provider_fields(provider) -> dict[str, str]:
    return {
        "title": "ông/bà",
        "name": provider.full_name,
        "kind": provider.get_kind_display().lower(),
        "card": f"số thẻ/chứng chỉ {provider.card_number}" if provider.card_number else "",
        "organisation": provider.partner.name if provider.partner_id else "",
    }


def _signer(assignment) -> dict:
    issuer = assignment.issuer
    signer = assignment.decided_by
    if issuer.kind == OrganisationKind.BRANCH:
        title = "TRƯỞNG CHI NHÁNH"
    elif signer.role == Role.DEPUTY_DIRECTOR:
        title = Listing("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC")
    else:
        title = "GIÁM ĐỐC"
    return {"signer_title": title, "signer_name": signer.full_name}


def decision_context(assignment) -> dict:
    case = assignment.case
    issuer = assignment.issuer
    centre = centre_of(issuer)
    authority = (
        f"TRƯỞNG {issuer.name.upper()}" if issuer.kind == OrganisationKind.BRANCH else f"GIÁM ĐỐC {centre.name.upper()}"
    )
    context = {
        **letterhead(issuer, on_date=assignment.decision_date, symbol="QĐ-TGPL"),
        **_signer(assignment),
        "document_number": str(assignment.decision_number),
        "decision_code": assignment.decision_code,
        "authority": authority,
        "proposer": "bộ phận thụ lý vụ việc",
        "responsible": f"Các bộ phận có liên quan thuộc {issuer.name}",
        "case_code": case.code,
        "accepted_on": format_date(case.accepted_at),
        "beneficiary": person_fields(case.beneficiary),
        "form_of_aid": case.form_of_aid.name.lower(),
        "field_of_law": case.field_of_law.name.lower(),
        "provider": _provider_fields(assignment.provider),
        "recipients": ["Như Điều 3;", "Người được trợ giúp pháp lý;", f"Lưu: VT, hồ sơ {case.code}."],
    }
    if assignment.replaces_id:
        previous = assignment.replaces
        context.update(
            {
                "previous": _provider_fields(previous.provider),
                "previous_decision": previous.decision_code,
                "previous_date": format_date(previous.decision_date),
                # The template puts its own punctuation after the reason ("lý do: ...;").
                "reason": assignment.change_reason.strip().rstrip(".;"),
                "requested_on": format_date(assignment.change_requested_on),
            }
        )
    return context


def decision_docx(assignment) -> bytes:
    """The decision of ``assignment``: the change decision when it replaces another assignment, else the
    assignment decision."""
    name = "change_decision.docx" if assignment.replaces_id else "assignment_decision.docx"
    return render_docx(name, decision_context(assignment), packaged_dir=PACKAGED_DIR)
