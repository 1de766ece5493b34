"""Payment pages: the rates (base salary and the coefficients of Decree 144/2017 Art. 13)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from legalaid.core.views import apply_form_errors
from legalaid.lib.formatting import format_date, format_money

from . import services
from .forms import BaseSalaryForm
from .models import BaseSalary, FeeRate


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
