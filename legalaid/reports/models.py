"""The reporting regime as dated data: each kind of period (6 months, year, official year), its days in the year and
its cut-off day for actual data (TT 03/2019/TT-BTP; DOMAIN.md section 5). A later regime (TT 17/2025/TT-BTP, whose
legal aid forms were not retrieved) is a new row with its own ``valid_from``, not new code."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel


class PeriodKind(models.TextChoices):
    HALF_YEAR = "half_year", _("6 tháng")
    YEAR = "year", _("Năm")
    OFFICIAL_YEAR = "official_year", _("Năm (chính thức)")


class ReportingPeriodQuerySet(models.QuerySet):
    def in_force_on(self, on_date: dt.date):
        return self.filter(Q(valid_from__lte=on_date), Q(valid_to__isnull=True) | Q(valid_to__gte=on_date))


class ReportingPeriod(TimeStampedModel):
    """One kind of reporting period of the regime in force from ``valid_from``: the period runs from
    ``start_month/start_day`` to ``end_month/end_day`` of the report's year; the actual data stop at the cut-off day
    (``cutoff_month/cutoff_day``; empty for the official report, whose data are actual to the period's end)."""

    kind = models.CharField(_("loại kỳ báo cáo"), max_length=20, choices=PeriodKind.choices)
    start_month = models.PositiveSmallIntegerField(_("tháng bắt đầu"))
    start_day = models.PositiveSmallIntegerField(_("ngày bắt đầu"))
    end_month = models.PositiveSmallIntegerField(_("tháng kết thúc"))
    end_day = models.PositiveSmallIntegerField(_("ngày kết thúc"))
    cutoff_month = models.PositiveSmallIntegerField(_("tháng chốt số liệu thực tế"), null=True, blank=True)
    cutoff_day = models.PositiveSmallIntegerField(_("ngày chốt số liệu thực tế"), null=True, blank=True)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    reference = models.CharField(_("căn cứ"), max_length=255)
    confirmed = models.BooleanField(_("đã xác nhận theo văn bản"), default=True)

    objects = ReportingPeriodQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "-valid_from"]
        verbose_name = _("kỳ báo cáo thống kê")
        verbose_name_plural = _("kỳ báo cáo thống kê")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "valid_from"],
                name="reports_period_unique_kind_from",
                violation_error_message=_("Loại kỳ báo cáo này đã có quy định bắt đầu từ ngày đó."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.reference})"

    def clean(self):
        try:
            self.bounds(2024)
        except ValueError as exc:
            raise ValidationError(_("Ngày, tháng không hợp lệ.")) from exc

    def bounds(self, year: int) -> tuple[dt.date, dt.date, dt.date | None]:
        """(first day, last day, cut-off day or None) of this period in ``year``."""
        start = dt.date(year, self.start_month, self.start_day)
        end = dt.date(year, self.end_month, self.end_day)
        cutoff = dt.date(year, self.cutoff_month, self.cutoff_day) if self.cutoff_month and self.cutoff_day else None
        return start, end, cutoff
