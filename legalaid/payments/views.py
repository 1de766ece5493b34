"""Payment pages: the rates (base salary and the coefficients of Decree 144/2017 Art. 13), what is owed, the payments
with their calculation and file, and the totals per provider, unit and year."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from legalaid.cases.models import LegalAidCase
from legalaid.core import audit
from legalaid.core.choices import AccessAction
from legalaid.core.views import apply_form_errors
from legalaid.intake.documents.rendering import DOCX_CONTENT_TYPE
from legalaid.lib.formatting import format_date, format_money, format_number
from legalaid.lib.pagination import paginate
from legalaid.lib.xlsx import XLSX_CONTENT_TYPE, xlsx_response
from legalaid.providers.models import Provider

from . import documents, selectors, services
from .choices import DecisionOutcome, Payer, PaymentStatus
from .forms import BaseSalaryForm, DecisionForm, PaidForm, PaymentFilterForm, ProposeForm, RejectForm, VersionForm
from .models import BaseSalary, FeeRate, Payment

EXPORT_MAX_ROWS = 5000
#: Why an owed case cannot be proposed (``selectors.Owed.problem``); otherwise the problem is the rule's own message.
PROBLEMS = {
    "no_provider": gettext_lazy("Vụ việc không có người thực hiện để thanh toán."),
    "not_paid_by_state": gettext_lazy(
        "Người thực hiện thuộc tổ chức đăng ký tham gia (Điều 15 Luật TGPL): không chi trả thù lao."
    ),
    "not_appraised": gettext_lazy("Vụ việc chưa được thẩm định xong."),
    "split_unknown": services.SPLIT_UNKNOWN,
}


@login_required
@permission_required("payments.view_rates", raise_exception=True)
def rates(request):
    """The base salary table and the rates of Art. 13; a system administrator adds a base salary value here."""
    can_manage = request.user.has_perm("payments.manage_rates")
    form = BaseSalaryForm(request.POST or None) if can_manage else None
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                salary = services.base_salary_add(actor=request.user, salary=form.save(commit=False))
            except ValidationError as error:
                apply_form_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Đã thêm mức lương cơ sở %(amount)s áp dụng từ %(day)s. Các đề nghị thanh toán lập sau đó "
                        "tính theo mức này; Phòng Hành chính – Tổng hợp kiểm tra các đề nghị đang chờ duyệt."
                    )
                    % {"amount": format_money(salary.amount), "day": format_date(salary.valid_from)},
                )
                return redirect("payments:rates")
    salaries = list(BaseSalary.objects.order_by("valid_from"))
    # Each value runs until the day before the next one starts.
    periods = [
        (s, salaries[i + 1].valid_from - dt.timedelta(days=1) if i + 1 < len(salaries) else None)
        for i, s in enumerate(salaries)
    ]
    return render(
        request,
        "payments/rates.html",
        {
            "periods": list(reversed(periods)),
            "rates": FeeRate.objects.select_related("form_of_aid"),
            "form": form,
            "can_manage": can_manage,
        },
    )


# --- Payments -----------------------------------------------------------------------------------------------------


def _next_step_after(payment: Payment) -> str:
    """What comes next after the payment's new status, and who does it (the success message's second sentence)."""
    department = payment.payer == Payer.DEPARTMENT
    if payment.status == PaymentStatus.PROPOSED:
        return (
            _("Tiếp theo: một cán bộ Sở Tư pháp khác (không phải người đề nghị) duyệt đề nghị.")
            if department
            else _("Tiếp theo: Giám đốc Trung tâm duyệt đề nghị (mục Việc cần làm).")
        )
    if payment.status == PaymentStatus.APPROVED:
        return (
            _("Tiếp theo: Sở Tư pháp chi trả cho tổ chức ký hợp đồng và ghi nhận ngày chi, số chứng từ.")
            if department
            else _("Tiếp theo: Phòng Hành chính – Tổng hợp chi trả và ghi nhận ngày chi, số chứng từ.")
        )
    if payment.status == PaymentStatus.REJECTED:
        return (
            _("Tiếp theo: cán bộ Sở Tư pháp kiểm tra lại và lập đề nghị mới.")
            if department
            else _("Tiếp theo: Phòng Hành chính – Tổng hợp kiểm tra lại và lập đề nghị mới.")
        )
    return _("Hồ sơ thanh toán của vụ việc đã hoàn tất, không còn việc phải làm.")


def _visible_payment(user, pk: int) -> Payment:
    return get_object_or_404(selectors.payment_list(user=user).select_related("case__completion"), pk=pk)


@login_required
@permission_required("payments.view_payment", raise_exception=True)
def payment_list(request):
    """Payments the user sees, newest first, filtered by status, payer and year; paginated."""
    form = PaymentFilterForm(request.GET or None)
    qs = selectors.payment_list(user=request.user)
    if form.is_valid():
        data = form.cleaned_data
        if data["status"]:
            qs = qs.filter(status=data["status"])
        if data["payer"]:
            qs = qs.filter(payer=data["payer"])
        if data["year"]:
            qs = qs.filter(proposed_at__year=data["year"])
    return render(request, "payments/payment_list.html", {"form": form, "page": paginate(request, qs)})


@login_required
@permission_required("payments.view_payment", raise_exception=True)
def owed(request):
    """Completed and appraised cases not yet paid: what each provider is owed (previewed at today's proposal), the
    cases blocked by an unsatisfactory appraisal, and the buttons of whoever acts."""
    rows = selectors.owed_list(request.user)
    page = paginate(request, rows)
    for row in page.object_list:
        row.payer_label = Payer(row.payer).label if row.payer else ""
        row.problem_text = PROBLEMS.get(row.problem, row.problem)
        row.can_propose = bool(row.payer) and request.user.has_perm("payments.propose_payment", row)
        row.can_decide = bool(row.payer) and request.user.has_perm("payments.decide_appraisal", row)
        row.share_text = ""
        if row.shared and row.fee is not None:
            row.share_text = _(
                "Vụ việc có nhiều người thực hiện: %(name)s được thanh toán %(sessions)s buổi theo thời gian đã làm "
                "trong nhật ký vụ việc (Điều 8 Thông tư 02/2021/TT-BTP)."
            ) % {"name": row.provider.full_name, "sessions": format_number(row.sessions)}
    return render(request, "payments/owed.html", {"page": page, "propose_form": ProposeForm()})


@login_required
@require_POST
def payment_propose(request, case_pk: int):
    case = get_object_or_404(LegalAidCase.objects.visible_to(request.user), pk=case_pk)
    form = ProposeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Cách tính không hợp lệ: %(errors)s") % {"errors": _errors_text(form)})
        return redirect("payments:owed")
    provider = None
    if (provider_pk := request.POST.get("provider", "")).isdigit():
        provider = Provider.objects.filter(pk=int(provider_pk)).first()
    try:
        payment = services.payment_propose(
            actor=request.user,
            case=case,
            provider=provider,
            method=form.cleaned_data["method"],
            lump_multiple=form.cleaned_data["lump_multiple"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("payments:owed")
    messages.success(
        request,
        _("Đã lập đề nghị thanh toán %(amount)s cho %(payee)s (vụ việc %(code)s).")
        % {"amount": format_money(payment.amount), "payee": payment.payee_name, "code": case.code}
        + " "
        + _next_step_after(payment),
    )
    return redirect("payments:payment_detail", pk=payment.pk)


def _errors_text(form) -> str:
    return "; ".join(str(e) for errors in form.errors.values() for e in errors)


@login_required
def decision_create(request, case_pk: int):
    """Record the decision on a case blocked by an unsatisfactory appraisal (pay anyway, or not), with the reason."""
    case = get_object_or_404(
        LegalAidCase.objects.visible_to(request.user).select_related("completion", "form_of_aid"), pk=case_pk
    )
    owed_row = selectors.owed_for(case, with_fee=False)
    if not owed_row.payer or not request.user.has_perm("payments.decide_appraisal", owed_row):
        raise PermissionDenied
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.appraisal_decision_record(
                actor=request.user,
                case=case,
                outcome=form.cleaned_data["outcome"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            if decision.outcome == DecisionOutcome.PAY:
                next_step = (
                    _("Tiếp theo: cán bộ Sở Tư pháp lập đề nghị thanh toán.")
                    if owed_row.payer == Payer.DEPARTMENT
                    else _("Tiếp theo: Phòng Hành chính – Tổng hợp lập đề nghị thanh toán.")
                )
            else:
                next_step = _("Vụ việc sẽ không được thanh toán; không còn việc phải làm.")
            messages.success(
                request,
                _("Đã ghi quyết định “%(outcome)s” cho vụ việc %(code)s.")
                % {"outcome": decision.get_outcome_display(), "code": case.code}
                + " "
                + next_step,
            )
            return redirect("payments:owed")
    return render(request, "payments/decision_form.html", {"form": form, "case": case, "owed": owed_row})


@login_required
@permission_required("payments.view_payment", raise_exception=True)
def payment_detail(request, pk: int):
    payment = _visible_payment(request.user, pk)
    audit.log_access(user=request.user, instance=payment)
    user = request.user
    can_approve = payment.status == PaymentStatus.PROPOSED and user.has_perm("payments.approve_payment", payment)
    can_pay = payment.status == PaymentStatus.APPROVED and user.has_perm("payments.pay_payment", payment)
    return render(
        request,
        "payments/payment_detail.html",
        {
            "payment": payment,
            "fee": payment.fee(),
            "can_approve": can_approve,
            "can_pay": can_pay,
            "version_form": VersionForm(initial={"version": payment.version}),
            "reject_form": RejectForm(initial={"version": payment.version}) if can_approve else None,
            "paid_form": PaidForm(initial={"version": payment.version, "paid_on": timezone.localdate()})
            if can_pay
            else None,
        },
    )


@login_required
@require_POST
@permission_required("payments.view_payment", raise_exception=True)
def payment_action(request, pk: int, action: str):
    """Approve, return or record as paid: one service each, with the version the user saw."""
    payment = _visible_payment(request.user, pk)
    form_class = {"duyet": VersionForm, "tra-lai": RejectForm, "da-chi": PaidForm}.get(action)
    if form_class is None:
        raise Http404
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, _errors_text(form))
        return redirect("payments:payment_detail", pk=pk)
    version = form.cleaned_data["version"]
    try:
        if action == "duyet":
            services.payment_approve(actor=request.user, payment=payment, expected_version=version)
            done = _("Đã duyệt thanh toán %(amount)s.")
        elif action == "tra-lai":
            services.payment_reject(
                actor=request.user, payment=payment, reason=form.cleaned_data["reason"], expected_version=version
            )
            done = _("Đã trả lại đề nghị thanh toán %(amount)s.")
        else:
            services.payment_mark_paid(
                actor=request.user,
                payment=payment,
                paid_on=form.cleaned_data["paid_on"],
                voucher=form.cleaned_data["voucher"],
                expected_version=version,
            )
            done = _("Đã ghi nhận chi trả %(amount)s.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("payments:payment_detail", pk=pk)
    messages.success(request, done % {"amount": format_money(payment.amount)} + " " + _next_step_after(payment))
    return redirect("payments:payment_detail", pk=pk)


@login_required
@permission_required("payments.view_payment", raise_exception=True)
def payment_file(request, pk: int, kind: str):
    """The payment file: the request (.docx) or the summary (.xlsx)."""
    if kind not in ("docx", "xlsx"):
        raise Http404
    payment = _visible_payment(request.user, pk)
    audit.log_access(user=request.user, instance=payment, action=AccessAction.DOWNLOAD)
    stem = f"thanh-toan-{payment.pk}"
    if kind == "docx":
        response = HttpResponse(documents.payment_request_docx(payment), content_type=DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{stem}-de-nghi.docx"'
    else:
        response = HttpResponse(documents.payment_xlsx(payment), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{stem}-tong-hop.xlsx"'
    return response


@login_required
@permission_required("payments.view_payment", raise_exception=True)
def totals(request):
    """Amounts per provider, unit and year (one aggregate query, paginated); exported as .xlsx."""
    form = PaymentFilterForm(request.GET or None)
    year = payer = None
    if form.is_valid():
        year, payer = form.cleaned_data["year"], form.cleaned_data["payer"] or None
    rows = selectors.totals(user=request.user, year=year, payer=payer)
    if request.GET.get("export") == "xlsx":
        headers = [
            _("Năm"),
            _("Trung tâm"),
            _("Chi nhánh"),
            _("Người thực hiện"),
            _("Đơn vị chi trả"),
            _("Số vụ việc"),
            _("Đã đề nghị (đồng)"),
            _("Đã duyệt (đồng)"),
            _("Đã chi trả (đồng)"),
            _("Tổng (đồng)"),
        ]
        data = (
            (
                r["year"],
                r["centre__name"],
                r["branch__name"] or "",
                r["provider__full_name"],
                Payer(r["payer"]).label,
                r["cases"],
                r["proposed"],
                r["approved"],
                r["paid"],
                r["total"],
            )
            for r in rows[:EXPORT_MAX_ROWS]
        )
        return xlsx_response("tong-hop-thanh-toan.xlsx", _("Tổng hợp thanh toán"), headers, data)
    page = paginate(request, rows)
    for r in page.object_list:
        r["payer_label"] = Payer(r["payer"]).label
    return render(request, "payments/totals.html", {"form": form, "page": page})
