"""The payment file: the payment request (.docx, docxtpl) and the summary (.xlsx, openpyxl), both showing the
calculation line by line from the figures kept on the payment (``Payment.fee()``)."""

from __future__ import annotations

import io
from pathlib import Path

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from legalaid.intake.documents.letterhead import letterhead
from legalaid.intake.documents.rendering import render_docx
from legalaid.lib.formatting import format_date, format_datetime, format_money, format_number

from ..choices import Payer, PaymentMethod, PaymentStatus

PACKAGED_DIR = Path(__file__).resolve().parent / "templates"


def _sessions(value) -> str:
    return format_number(value, 1 if value % 1 else 0)


def _status_line(payment) -> str:
    parts = [f"Trạng thái: {payment.get_status_display()}"]
    if payment.approved_at:
        parts.append(f"duyệt bởi {payment.approved_by.full_name} lúc {format_datetime(payment.approved_at)}")
    if payment.paid_on:
        parts.append(
            f"chi ngày {format_date(payment.paid_on)}" + (f", chứng từ {payment.voucher}" if payment.voucher else "")
        )
    if payment.status == PaymentStatus.REJECTED:
        parts.append(f"trả lại: {payment.reject_reason}")
    return "; ".join(parts) + "."


def request_context(payment) -> dict:
    case = payment.case
    department = payment.payer == Payer.DEPARTMENT
    issuer = case.centre.parent if department and case.centre.parent_id else (case.branch or case.centre)
    officer = payment.provider_kind == "officer"
    fee = payment.fee()
    context = {
        **letterhead(issuer, on_date=timezone.localtime(payment.proposed_at), symbol="ĐNTT"),
        "subject": ("Bồi dưỡng" if officer else "Thù lao") + " thực hiện vụ việc trợ giúp pháp lý",
        "addressee": "Giám đốc Sở Tư pháp" if department else f"Giám đốc {case.centre.name}",
        "approver": "Giám đốc Sở Tư pháp" if department else "Giám đốc Trung tâm",
        "proposer_unit": "Sở Tư pháp" if department else "Phòng Hành chính – Tổng hợp",
        "fee_word": "tiền bồi dưỡng" if officer else "tiền thù lao",
        "payee": payment.payee_name,
        "provider_line": (
            f"người thực hiện: {payment.provider.full_name}, {payment.provider.get_kind_display().lower()}"
            if payment.payee_organisation_id
            else payment.provider.get_kind_display().lower()
        ),
        "case_code": case.code,
        "form_of_aid": case.form_of_aid.name.lower(),
        "field_of_law": case.field_of_law.name.lower(),
        "completed_on": format_date(case.completion.completed_on),
        "sessions": _sessions(payment.sessions_claimed),
        "method": PaymentMethod(payment.method).label.lower(),
        "rate_date": format_date(payment.rate_date),
        "lines": [
            {"label": ln.label, "formula": ln.formula, "result": ln.result, "reference": ln.reference}
            for ln in fee.lines
        ],
        "amount": format_money(payment.amount),
        "payer": payment.get_payer_display(),
        "proposed_by": payment.proposed_by.full_name,
        "proposed_on": format_date(payment.proposed_at),
        "status_line": _status_line(payment),
        "recipients": ["Như trên;", f"Lưu: VT, hồ sơ {case.code}."],
    }
    if department and issuer.kind == "doj":
        # The Department writes under the provincial People's Committee (Decree 30: the superior body).
        province = issuer.province or case.centre.province
        context["superior_name"] = f"ỦY BAN NHÂN DÂN {province.name.upper()}" if province else ""
        context["issuer_name"] = issuer.name.upper()
    return context


def payment_request_docx(payment) -> bytes:
    return render_docx("payment_request.docx", request_context(payment), packaged_dir=PACKAGED_DIR)


def payment_xlsx(payment) -> bytes:
    """The summary: who, which case, by whom paid, then the calculation line by line and the amount (numbers as
    numbers: Decimal, never float)."""
    case = payment.case
    fee = payment.fee()
    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp thanh toán"
    bold = Font(bold=True)
    ws.append(["BẢNG TỔNG HỢP THANH TOÁN " + ("BỒI DƯỠNG" if payment.provider_kind == "officer" else "THÙ LAO")])
    ws["A1"].font = bold
    approved = (
        f"{payment.approved_by.full_name}, {format_datetime(payment.approved_at)}" if payment.approved_by_id else ""
    )
    info = [
        ("Mã vụ việc", case.code),
        ("Hình thức", case.form_of_aid.name),
        ("Người thực hiện", payment.provider.full_name),
        ("Loại người thực hiện", payment.provider.get_kind_display()),
        ("Người được thanh toán", payment.payee_name),
        ("Đơn vị chi trả", payment.get_payer_display()),
        ("Ngày kết thúc vụ việc", case.completion.completed_on),
        ("Ngày áp dụng mức", payment.rate_date),
        ("Số buổi được thẩm định", payment.sessions_claimed),
        ("Trạng thái", payment.get_status_display()),
        ("Người đề nghị", f"{payment.proposed_by.full_name}, {format_datetime(payment.proposed_at)}"),
        (
            "Người duyệt",
            approved,
        ),
        ("Ngày chi, chứng từ", f"{format_date(payment.paid_on)} {payment.voucher}".strip()),
    ]
    for label, value in info:
        ws.append([label, value])
    ws.append([])
    ws.append(["Nội dung", "Cách tính", "Kết quả", "Số tiền (đồng)", "Căn cứ"])
    for cell in ws[ws.max_row]:
        cell.font = bold
    for line in fee.lines:
        ws.append([line.label, line.formula, line.result, line.amount, line.reference])
    ws.append(["Số tiền đề nghị thanh toán", "", format_money(payment.amount), payment.amount, ""])
    for cell in ws[ws.max_row]:
        cell.font = bold
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if hasattr(cell.value, "isoformat"):
                cell.number_format = "dd/mm/yyyy"
            elif cell.column == 4 and cell.value is not None and not isinstance(cell.value, str):
                cell.number_format = "#,##0"
    for column, width in zip("ABCDE", [34, 40, 18, 16, 50], strict=True):
        ws.column_dimensions[column].width = width
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
