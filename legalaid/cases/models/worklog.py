"""The work log of a case (what the provider did, when, for how long) and the papers attached to it."""

from __future__ import annotations

import os
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel
from legalaid.lib.uploads import RandomName


class ActivityType(models.Model):
    """A kind of work done on a case (meeting the beneficiary, studying the file, a hearing, ...). Data, edited in
    the admin; the list follows the Ministry's timesheet form TP-TGPL-01 as far as it is known (UNCONFIRMED)."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("loại công việc")
        verbose_name_plural = _("loại công việc")

    def __str__(self) -> str:
        return self.name


class WorkLogEntry(TimeStampedModel):
    """One piece of work on a case: who, what, when, how long (sessions and/or hours), where.

    ``counted_sessions`` is what the entry counts for under TT 02/2021 Art. 3, computed by the service from the
    parameters in force on the day of the work.
    """

    case = models.ForeignKey(
        "cases.LegalAidCase", on_delete=models.CASCADE, related_name="work_log", verbose_name=_("vụ việc")
    )
    provider_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    provider_name = models.CharField(_("tên người thực hiện"), max_length=150, blank=True)
    activity_type = models.ForeignKey(ActivityType, on_delete=models.PROTECT, verbose_name=_("công việc"))
    date = models.DateField(_("ngày"))
    sessions = models.DecimalField(_("số buổi"), max_digits=4, decimal_places=1, null=True, blank=True)
    hours = models.DecimalField(_("số giờ"), max_digits=5, decimal_places=2, null=True, blank=True)
    counted_sessions = models.DecimalField(_("số buổi được tính"), max_digits=5, decimal_places=1, default=0)
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    notes = models.TextField(_("nội dung, ghi chú"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("công việc đã thực hiện")
        verbose_name_plural = _("nhật ký công việc")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sessions__isnull=False, sessions__gt=0) | models.Q(hours__isnull=False, hours__gt=0),
                name="cases_worklogentry_has_time",
                violation_error_message=_("Hãy ghi số buổi hoặc số giờ làm việc."),
            ),
            models.CheckConstraint(
                condition=models.Q(provider_user__isnull=False) | ~models.Q(provider_name=""),
                name="cases_worklogentry_has_provider",
                violation_error_message=_("Hãy ghi người thực hiện."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.activity_type}"

    @property
    def provider_label(self) -> str:
        return str(self.provider_user) if self.provider_user_id else self.provider_name


# Kept for the old migrations that name it; new files get random names (RandomName).
def attachment_path(instance: Attachment, filename: str) -> str:
    """Stored under the case, with the original name kept apart (the stored name is not trusted)."""
    ext = os.path.splitext(filename)[1].lower()
    return f"cases/{instance.case_id}/{instance.uuid.hex}{ext}"


class Attachment(TimeStampedModel):
    """A paper of the case file, stored through Django's storage API. Read through the case's scoping only."""

    case = models.ForeignKey(
        "cases.LegalAidCase", on_delete=models.CASCADE, related_name="attachments", verbose_name=_("vụ việc")
    )
    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    file = models.FileField(_("tệp"), upload_to=RandomName("cases"), max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(_("kiểu tệp"), max_length=120)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    description = models.CharField(_("mô tả"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tải lên")
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("tài liệu đính kèm")
        verbose_name_plural = _("tài liệu đính kèm")

    def __str__(self) -> str:
        return self.original_name
