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
