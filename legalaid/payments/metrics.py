"""The payments' figures in the plans' metrics catalogue (``legalaid.plans.metrics``), registered from ``ready()``:
amounts per period and unit (the Centre measured), in đồng. Drill-down: the list of the payments summed
(``reports:records``, from ``paid_payments`` and ``owed_payments``, which the figures use too)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from legalaid.lib.dates import on_days
from legalaid.plans.metrics import register_metric


def paid_payments(payments, centre, start, end):
    """The payments of ``centre`` paid on a day of the period (``payments``: all, or those a user sees)."""
    from .choices import PaymentStatus

    return payments.filter(centre=centre, status=PaymentStatus.PAID, paid_on__gte=start, paid_on__lte=end)


def owed_payments(payments, centre, start, end):
    """The payments of ``centre`` proposed in the period and still waiting for approval or for payment."""
    from .choices import PaymentStatus

    return payments.filter(
        centre=centre,
        status__in=[PaymentStatus.PROPOSED, PaymentStatus.APPROVED],
        **on_days("proposed_at", start, end),
    )


def register() -> None:
    from .models import Payment

    @register_metric(
        "payments_paid_amount",
        _("Số tiền thù lao, bồi dưỡng đã chi trả cho người thực hiện trợ giúp pháp lý"),
        _("đồng"),
        note=_("Tổng số tiền các khoản đã chi trong kỳ (theo ngày chi), kể cả khoản Sở Tư pháp chi cho tổ chức."),
        keywords=("chi tra thu lao", "thanh toan thu lao"),
    )
    def payments_paid_amount(centre, start, end):
        return paid_payments(Payment.objects.all(), centre, start, end).aggregate(
            total=Sum("amount", default=Decimal(0))
        )["total"]

    @register_metric(
        "payments_owed_amount",
        _("Số tiền thù lao, bồi dưỡng đã đề nghị, chưa chi trả"),
        _("đồng"),
        note=_("Các đề nghị thanh toán lập trong kỳ đang chờ duyệt hoặc chờ chi trả."),
    )
    def payments_owed_amount(centre, start, end):
        return owed_payments(Payment.objects.all(), centre, start, end).aggregate(
            total=Sum("amount", default=Decimal(0))
        )["total"]
