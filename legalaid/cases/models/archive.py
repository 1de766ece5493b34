"""Handing the file back and archiving it (Law Arts 38–39; TT 12/2018 Art. 11(2))."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from legalaid.cases.choices import ChecklistScope, Retention
from legalaid.core.models import TimeStampedModel


class ArchiveChecklistItem(models.Model):
    """A paper the file of a case must hold, per form of aid: TT 12/2018 Art. 11(2) for litigation, Law Art. 38
    for the other forms. ``required``: archiving waits until it is ticked."""

    form_of_aid = models.ForeignKey(
        "intake.FormOfAid", on_delete=models.CASCADE, related_name="+", verbose_name=_("hình thức trợ giúp")
    )
    code = models.CharField(_("mã"), max_length=30)
    text = models.CharField(_("nội dung"), max_length=255)
    reference = models.CharField(_("căn cứ"), max_length=120)
    required = models.BooleanField(_("bắt buộc"), default=True)
    applies_to = models.CharField(_("áp dụng cho"), max_length=12, choices=ChecklistScope.choices, default="all")
    is_active = models.BooleanField(_("đang dùng"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["form_of_aid", "sort_order", "code"]
        verbose_name = _("giấy tờ trong hồ sơ")
        verbose_name_plural = _("danh mục giấy tờ trong hồ sơ")
        constraints = [
            models.UniqueConstraint(
                fields=["form_of_aid", "code"],
                name="cases_checklist_unique_form_code",
                violation_error_message=_("Mục này đã có trong danh mục của hình thức trợ giúp."),
            ),
        ]

    def __str__(self) -> str:
        return self.text


class CaseArchive(TimeStampedModel):
    """The file of an ended case: handed back by the provider within the time of Law Art. 39, then archived with
    its code, place and retention period. Opened when the case ends (completion or discontinuation)."""

    case = models.OneToOneField(
        "cases.LegalAidCase", on_delete=models.CASCADE, related_name="archive", verbose_name=_("vụ việc")
    )
    ended_on = models.DateField(_("ngày vụ việc kết thúc"))
    handover_due_on = models.DateField(_("hạn bàn giao hồ sơ"), db_index=True)
    handed_over_on = models.DateField(_("ngày bàn giao hồ sơ"), null=True, blank=True)
    handed_over_by = models.CharField(_("người bàn giao"), max_length=150, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người nhận hồ sơ"),
    )
    checked_items = models.ManyToManyField(
        ArchiveChecklistItem, blank=True, related_name="+", verbose_name=_("giấy tờ đã có trong hồ sơ")
    )
    file_code = models.CharField(_("mã hồ sơ lưu trữ"), max_length=60, blank=True)
    location = models.CharField(_("nơi lưu trữ"), max_length=255, blank=True)
    retention = models.CharField(_("thời hạn bảo quản"), max_length=10, choices=Retention.choices, blank=True)
    retention_years = models.PositiveSmallIntegerField(_("số năm bảo quản"), null=True, blank=True)
    archived_on = models.DateField(_("ngày lưu trữ"), null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người lưu trữ"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["handover_due_on", "id"]
        verbose_name = _("hồ sơ lưu trữ")
        verbose_name_plural = _("hồ sơ lưu trữ")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(retention=Retention.YEARS)
                | models.Q(retention_years__isnull=False, retention_years__gt=0),
                name="cases_archive_years_given",
                violation_error_message=_("Hãy ghi số năm bảo quản."),
            ),
        ]

    def __str__(self) -> str:
        return self.file_code or str(self.case_id)
