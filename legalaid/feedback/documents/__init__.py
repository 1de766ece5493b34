"""The decision on a complaint (Law on Legal Aid 2017 Art. 45) as .docx, from a docxtpl template in the state document
format (intake's rendering and letterhead; the template is written by ``build_templates`` and can be replaced through
``settings.DOCUMENT_TEMPLATE_DIR``)::

    decision_docx(decision)     QUYẾT ĐỊNH Về việc giải quyết khiếu nại lần đầu / lần hai

First level: issued by the Centre (or the branch that holds the entry), signed by its head. Second level: issued by
the Department of Justice, signed by its Director. Wording UNCONFIRMED in detail (no official form retrieved).
"""

from __future__ import annotations

from pathlib import Path

from legalaid.core.choices import Role
from legalaid.intake.documents.letterhead import letterhead
from legalaid.intake.documents.rendering import render_docx
from legalaid.lib.formatting import format_date

from ..choices import Level

PACKAGED_DIR = Path(__file__).resolve().parent / "templates"


def decision_context(decision) -> dict:
    entry = decision.entry
    first = decision.level == Level.FIRST
    if first:
        issuer = entry.branch or entry.centre
        head = letterhead(issuer, on_date=decision.decided_on, symbol="QĐ-TGPL")
        authority = f"GIÁM ĐỐC {entry.centre.name.upper()}" if not entry.branch_id else f"TRƯỞNG {issuer.name.upper()}"
        mandate = "Căn cứ chức năng, nhiệm vụ của tổ chức thực hiện trợ giúp pháp lý;"
        effect = (
            "Trường hợp không đồng ý với Quyết định này, người khiếu nại có quyền khiếu nại đến Giám đốc Sở Tư pháp "
            "(Điều 45 khoản 3 Luật Trợ giúp pháp lý)."
        )
        title = (
            "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" if decision.decided_by.role == Role.DEPUTY_DIRECTOR else head["signer_title"]
        )
    else:
        doj = entry.centre.parent
        head = {
            "superior_name": f"UBND {doj.province.name.upper()}" if doj and doj.province_id else "ỦY BAN NHÂN DÂN",
            "issuer_name": (doj.name if doj else "Sở Tư pháp").upper(),
            **{k: v for k, v in letterhead(entry.centre, on_date=decision.decided_on).items() if k == "place_date"},
            "document_number": "....",
            "document_symbol": "QĐ-STP",
        }
        authority = f"GIÁM ĐỐC {(doj.name if doj else 'Sở Tư pháp').upper()}"
        mandate = "Căn cứ Quyết định quy định chức năng, nhiệm vụ, quyền hạn của Sở Tư pháp;"
        effect = (
            "Quyết định này là quyết định giải quyết khiếu nại lần hai, có hiệu lực thi hành; người khiếu nại có "
            "quyền khởi kiện vụ án hành chính tại Tòa án theo quy định của pháp luật."
        )
        title = "GIÁM ĐỐC"
    from docxtpl import Listing

    return {
        **head,
        "document_number": decision.decision_code.split("/")[0] if decision.decision_code else "....",
        "level_text": "lần đầu" if first else "lần hai",
        "authority": authority,
        "mandate": mandate,
        "complainant": entry.sender_name or "người khiếu nại",
        "received_on": format_date(entry.received_on if first else entry.second_received_on),
        "entry_code": entry.code,
        "ground": entry.get_ground_display().lower() if entry.ground else entry.content[:200],
        "case_text": f" (vụ việc {entry.case.code})" if entry.case_id else "",
        "result": decision.get_result_display(),
        "reasoning": decision.reasoning,
        "effect": effect,
        "responsible": "Người khiếu nại, các bộ phận và cá nhân có liên quan",
        "signer_title": Listing(title),
        "signer_name": decision.decided_by.full_name,
        "recipients": ["Người khiếu nại;", "Như Điều 3;", f"Lưu: VT, hồ sơ khiếu nại {entry.code}."],
    }


def decision_docx(decision) -> bytes:
    return render_docx("complaint_decision.docx", decision_context(decision), packaged_dir=PACKAGED_DIR)
