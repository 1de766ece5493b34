"""The timeline of a case (CaseEvent)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.cases.choices import CaseStatus, EventKind
from legalaid.core.models import TimeStampedModel


class CaseEvent(TimeStampedModel):
    """One entry of a case's timeline: a change of status (from, to, actor, reason, time) written by
    ``case_transition`` in the same transaction, or another event (assignment, activity, attachment, ...)."""

    case = models.ForeignKey(
        "cases.LegalAidCase", on_delete=models.CASCADE, related_name="events", verbose_name=_("vụ việc")
    )
    kind = models.CharField(_("loại"), max_length=20, choices=EventKind.choices, default=EventKind.TRANSITION)
    from_status = models.CharField(_("từ trạng thái"), max_length=20, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(_("sang trạng thái"), max_length=20, choices=CaseStatus.choices, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thực hiện thao tác"),
    )
    reason = models.TextField(_("lý do, nội dung"), blank=True)
    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    data = models.JSONField(_("dữ liệu"), default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("sự kiện của vụ việc")
        verbose_name_plural = _("sự kiện của vụ việc")
        indexes = [models.Index(fields=["case", "at"], name="cases_event_case_at_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind=EventKind.TRANSITION) | ~models.Q(to_status=""),
                name="cases_caseevent_transition_has_to_status",
                violation_error_message=_("Sự kiện chuyển trạng thái phải có trạng thái mới."),
            ),
        ]

    def __str__(self) -> str:
        if self.kind == EventKind.TRANSITION:
            return f"{self.case_id}: {self.from_status} → {self.to_status}"
        return f"{self.case_id}: {self.get_kind_display()}"
