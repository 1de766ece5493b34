"""Numbers from the law that change: time limits, thresholds, rates. Data with validity dates, never constants."""

import datetime as dt
from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .base import TimeStampedModel


class ParameterUnit(models.TextChoices):
    WORKING_DAYS = "working_days", _("ngày làm việc")
    DAYS = "days", _("ngày")
    HOURS = "hours", _("giờ")
    YEARS = "years", _("năm")
    VND = "vnd", _("đồng")
    RATIO = "ratio", _("hệ số")
    COUNT = "count", _("số lượng")


class LegalParameter(TimeStampedModel):
    """One value of a legal number for a period, with its source. ``confirmed`` is false where DOMAIN.md marks the
    figure UNCONFIRMED: the value is then a default that an administrator checks and edits."""

    code = models.CharField(_("mã"), max_length=60, db_index=True)
    label = models.CharField(_("tên"), max_length=255)
    value = models.DecimalField(_("giá trị"), max_digits=14, decimal_places=4)
    unit = models.CharField(_("đơn vị"), max_length=16, choices=ParameterUnit.choices)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    reference = models.CharField(_("căn cứ"), max_length=255)
    confirmed = models.BooleanField(_("đã xác nhận theo văn bản"), default=True)

    class Meta:
        ordering = ["code", "-valid_from"]
        verbose_name = _("tham số pháp lý")
        verbose_name_plural = _("tham số pháp lý")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"],
                name="core_legalparameter_unique_code_from",
                violation_error_message=_("Tham số này đã có giá trị bắt đầu từ ngày đó."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.value} {self.get_unit_display()}"

    @classmethod
    def value_on(cls, code: str, on_date: dt.date) -> Decimal:
        """The value in force on ``on_date``; raises LookupError naming the code if none is."""
        row = (
            cls.objects.filter(code=code, valid_from__lte=on_date)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on_date))
            .order_by("-valid_from")
            .first()
        )
        if row is None:
            raise LookupError(f"No legal parameter {code!r} in force on {on_date:%d/%m/%Y}")
        return row.value

    @classmethod
    def int_on(cls, code: str, on_date: dt.date) -> int:
        return int(cls.value_on(code, on_date))
