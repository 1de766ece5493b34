"""The working-day calendar's data. The rules are in ``legalaid.core.calendar``."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import HolidaySource, OverrideKind

from .base import TimeStampedModel


class PublicHoliday(TimeStampedModel):
    """A public holiday (Labour Code 2019 Art. 112), seeded from the ``holidays`` package for Vietnam."""

    date = models.DateField(_("ngày"), unique=True)
    name = models.CharField(_("tên ngày lễ"), max_length=200)
    source = models.CharField(_("nguồn"), max_length=16, choices=HolidaySource.choices, default=HolidaySource.PACKAGE)

    class Meta:
        ordering = ["date"]
        verbose_name = _("ngày lễ")
        verbose_name_plural = _("ngày lễ")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"


class CalendarOverride(TimeStampedModel):
    """An administrator's yearly exception: an extra day off, a holiday removed, or a Saturday that is worked."""

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=16, choices=OverrideKind.choices)
    reason = models.CharField(_("lý do, văn bản"), max_length=255)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người tạo"),
    )

    class Meta:
        ordering = ["date"]
        verbose_name = _("ngày điều chỉnh lịch làm việc")
        verbose_name_plural = _("ngày điều chỉnh lịch làm việc")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.get_kind_display()}"
