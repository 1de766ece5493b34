"""Codes of the payments app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RateDateRule(models.TextChoices):
    """Which day picks the base salary and the rates of a case's fee (DOMAIN 4: "ask the DOJ finance office",
    UNCONFIRMED). The deployment chooses with the setting ``PAYMENTS_RATE_DATE``."""

    WORK = "work", _("Ngày kết thúc vụ việc (ngày công việc hoàn thành)")
    PAYMENT = "payment", _("Ngày lập đề nghị thanh toán")


class PaymentMethod(models.TextChoices):
    """Decree 144/2017 Art. 13(1): per session (buổi), or a lump sum (khoán chi) by the complexity of the case."""

    PER_SESSION = "per_session", _("Theo buổi làm việc")
    LUMP_SUM = "lump_sum", _("Khoán chi theo vụ việc")


class PaymentStatus(models.TextChoices):
    """The life of a payment: proposed -> approved -> paid; a proposal may be returned (rejected), which frees the case
    for a corrected proposal. The allowed moves are ``TRANSITIONS``."""

    PROPOSED = "proposed", _("Đã đề nghị")
    APPROVED = "approved", _("Đã duyệt")
    PAID = "paid", _("Đã chi trả")
    REJECTED = "rejected", _("Trả lại")


#: The allowed moves of a payment (STYLE rule 8).
TRANSITIONS = {
    PaymentStatus.PROPOSED: frozenset({PaymentStatus.APPROVED, PaymentStatus.REJECTED}),
    PaymentStatus.APPROVED: frozenset({PaymentStatus.PAID}),
    PaymentStatus.PAID: frozenset(),
    PaymentStatus.REJECTED: frozenset(),
}

STATUS_TONES = {
    PaymentStatus.PROPOSED: "warning",
    PaymentStatus.APPROVED: "info",
    PaymentStatus.PAID: "success",
    PaymentStatus.REJECTED: "secondary",
}


class Payer(models.TextChoices):
    """Who pays: the Centre pays its officers, contracted lawyers and collaborators (Decree 144/2017 Art. 13); the
    Department of Justice pays contracted organisations at the same rates (Law Art. 14; Decree 144/2017 Art. 14)."""

    CENTRE = "centre", _("Trung tâm Trợ giúp pháp lý nhà nước")
    DEPARTMENT = "department", _("Sở Tư pháp (tổ chức ký hợp đồng, Điều 14)")


class DecisionOutcome(models.TextChoices):
    """What is decided about a case whose appraisal is not satisfactory (the payment is blocked until then)."""

    PAY = "pay", _("Vẫn thanh toán")
    NO_PAY = "no_pay", _("Không thanh toán")
