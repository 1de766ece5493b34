"""The record of the daily deadline e-mails (legalaid/cases/reminders.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel


class DeadlineReminderLog(TimeStampedModel):
    """One digest of deadlines e-mailed to a user for a day. The unique constraint makes it at most one per user and
    day, however often the reminder command runs."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("người nhận")
    )
    date = models.DateField(_("ngày"))
    items = models.PositiveIntegerField(_("số hạn trong thư"), default=0)

    class Meta:
        ordering = ["-date", "user"]
        verbose_name = _("thư nhắc hạn")
        verbose_name_plural = _("thư nhắc hạn")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "date"],
                name="cases_reminderlog_unique_user_date",
                violation_error_message=_("Người này đã được gửi thư nhắc hạn trong ngày."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.date:%d/%m/%Y}"
