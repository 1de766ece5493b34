"""The official papers of intake, generated from Word templates (docxtpl) in the state document format.

Pure functions from records to bytes::

    request_form_docx(request)             Mẫu 02-TP-TGPL, the request form filled in
    acceptance_notice_docx(case)           THÔNG BÁO Về việc thụ lý vụ việc trợ giúp pháp lý
    missing_papers_docx(decision)          THÔNG BÁO Về việc bổ sung giấy tờ, tài liệu
    refusal_notice_docx(decision)          THÔNG BÁO Về việc từ chối thụ lý vụ việc trợ giúp pháp lý
    transfer_notice_docx(decision)         THÔNG BÁO Về việc chuyển yêu cầu trợ giúp pháp lý
    register_xlsx(organisation, year, kind), register_docx(...)   the books ("cases": Mẫu 01-TP-TGPL; "simple")

and ``vn_document_date(place, date)``. Templates: ``templates/*.docx`` (written by ``build_templates``), overridden
file by file from ``settings.DOCUMENT_TEMPLATE_DIR``; see docs/documents.md.

The functions are loaded on first use, so that ``build_templates`` (which needs no Django) can run as
``python -m legalaid.intake.documents.build_templates``.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

_EXPORTS = {
    "request_form_docx": "papers",
    "acceptance_notice_docx": "papers",
    "missing_papers_docx": "papers",
    "refusal_notice_docx": "papers",
    "transfer_notice_docx": "papers",
    "decision_docx": "papers",
    "register_xlsx": "register",
    "register_docx": "register",
    "vn_document_date": "letterhead",
    "DOCX_CONTENT_TYPE": "rendering",
}

__all__ = [
    "DOCX_CONTENT_TYPE",
    "acceptance_notice_docx",
    "decision_docx",
    "missing_papers_docx",
    "refusal_notice_docx",
    "register_docx",
    "register_xlsx",
    "request_form_docx",
    "transfer_notice_docx",
    "vn_document_date",
]

if TYPE_CHECKING:
    from .letterhead import vn_document_date
    from .papers import (
        acceptance_notice_docx,
        decision_docx,
        missing_papers_docx,
        refusal_notice_docx,
        request_form_docx,
        transfer_notice_docx,
    )
    from .register import register_docx, register_xlsx
    from .rendering import DOCX_CONTENT_TYPE


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
