"""The end of a case: its outcome, the beneficiary's acknowledgement, and the "successful" and "complex or typical"
flags with the criteria ticked (QĐ 1179/QĐ-BTP; TT 09/2018/TT-BTP), the criteria being data."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from legalaid.cases.choices import Procedure
from legalaid.core.models import TimeStampedModel


class SuccessCriterion(models.Model):
    """A criterion of a successful litigation case (QĐ 1179/QĐ-BTP, 16/05/2022). ``is_principle``: one of the three
    conditions of the principle, which must all hold; the others are the criteria by procedure and role."""

    code = models.CharField(_("mã"), max_length=20, unique=True)
    text = models.TextField(_("nội dung"))
    procedure = models.CharField(_("loại vụ án"), max_length=20, choices=Procedure.choices, blank=True)
    is_principle = models.BooleanField(_("điều kiện của nguyên tắc chung"), default=False)
    reference = models.CharField(_("căn cứ"), max_length=255)
    confirmed = models.BooleanField(_("đã xác nhận theo văn bản"), default=True)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("tiêu chí vụ việc thành công")
        verbose_name_plural = _("tiêu chí vụ việc thành công")

    def __str__(self) -> str:
        return f"{self.code}: {self.text}"


class ComplexityCriterion(models.Model):
    """A criterion of a complex or typical case (TT 09/2018/TT-BTP: general criteria Art. 3, by field Arts 4–7).
    ``procedure``: blank for a criterion of every case (Art. 3), else the litigation cases of that procedure only
    (Arts 4-6; ``legalaid.cases.procedure.complexity_criteria_for``)."""

    code = models.CharField(_("mã"), max_length=20, unique=True)
    text = models.TextField(_("nội dung"))
    procedure = models.CharField(
        _("loại vụ án"),
        max_length=20,
        choices=Procedure.choices,
        blank=True,
        help_text=_("Để trống nếu tiêu chí áp dụng cho mọi vụ việc (Điều 3 Thông tư 09/2018/TT-BTP)."),
    )
    reference = models.CharField(_("căn cứ"), max_length=255)
    confirmed = models.BooleanField(_("đã xác nhận theo văn bản"), default=True)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("tiêu chí vụ việc phức tạp, điển hình")
        verbose_name_plural = _("tiêu chí vụ việc phức tạp, điển hình")

    def __str__(self) -> str:
        return f"{self.code}: {self.text}"


class CaseCompletion(TimeStampedModel):
    """The outcome of a completed case (Law Art. 38: the result goes into the file)."""

    case = models.OneToOneField(
        "cases.LegalAidCase", on_delete=models.CASCADE, related_name="completion", verbose_name=_("vụ việc")
    )
    completed_on = models.DateField(_("ngày kết thúc"))
    outcome = models.TextField(_("kết quả thực hiện"))
    decision_number = models.CharField(_("số bản án, quyết định"), max_length=80, blank=True)
    decision_date = models.DateField(_("ngày bản án, quyết định"), null=True, blank=True)
    beneficiary_change = models.TextField(_("thay đổi đối với người được trợ giúp"), blank=True)
    written_answer = models.TextField(_("văn bản trả lời tư vấn"), blank=True)
    representation_result = models.TextField(_("kết quả đại diện"), blank=True)
    acknowledged_on = models.DateField(_("ngày người được trợ giúp xác nhận"), null=True, blank=True)
    acknowledgement_signed = models.BooleanField(_("người được trợ giúp đã ký xác nhận"), default=False)
    successful = models.BooleanField(_("vụ việc thành công"), default=False)
    success_criteria = models.ManyToManyField(
        SuccessCriterion, blank=True, related_name="+", verbose_name=_("tiêu chí thành công")
    )
    complex_or_typical = models.BooleanField(_("vụ việc phức tạp, điển hình"), default=False)
    complexity_criteria = models.ManyToManyField(
        ComplexityCriterion, blank=True, related_name="+", verbose_name=_("tiêu chí phức tạp, điển hình")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi")
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-completed_on", "-id"]
        verbose_name = _("kết quả vụ việc")
        verbose_name_plural = _("kết quả vụ việc")
        # The home page's appraisal coverage and the reports count completions of a period (issue 11 item 4).
        indexes = [models.Index(fields=["completed_on"], name="cases_completion_on_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(acknowledgement_signed=False) | models.Q(acknowledged_on__isnull=False),
                name="cases_completion_signed_has_date",
                violation_error_message=_("Hãy ghi ngày người được trợ giúp ký xác nhận."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.completed_on:%d/%m/%Y}"
