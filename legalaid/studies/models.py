"""Thematic studies (chuyên đề): a study, its three dated steps, the required outline, versions and comments.

Modelled on a Centre's yearly plan of thematic studies (seeds/plan-2025-lang-son-thematic-topics.txt): each study
has a lead department (chủ trì), a reviewing department (phản biện), three dated steps and a required outline.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel
from legalaid.core.scoping import ScopedQuerySet
from legalaid.lib.uploads import RandomName

from .choices import STEP_ORDER, StepKind, StudyStatus


class StudyOutlineSection(models.Model):
    """One part of the outline every study must have (bố cục chính cần có của chuyên đề), as data."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    title = models.CharField(_("tên phần"), max_length=255)
    description = models.TextField(_("nội dung cần có"), blank=True)
    reference = models.CharField(_("căn cứ"), max_length=255, blank=True)
    required = models.BooleanField(_("bắt buộc"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("phần bắt buộc của chuyên đề")
        verbose_name_plural = _("bố cục chuyên đề")

    def __str__(self) -> str:
        return self.title


class StudyQuerySet(ScopedQuerySet):
    """Studies belong to the Centre as a whole: every member of the Centre sees them, branch staff included (the
    plan asks all the Centre's staff to comment on them); the Department of Justice sees those of its Centres."""

    scope_centre_field = "centre"

    def visible_to(self, user):
        scope = self._scope(user)
        if scope.sees_everything:
            return self
        if not scope.centre_ids or scope.assigned_only:
            return self.none()
        return self.filter(centre_id__in=scope.centre_ids)

    def late_on(self, today: dt.date):
        """Studies with a step not done by its deadline."""
        return self.filter(
            Exists(StudyStep.objects.filter(study=OuterRef("pk"), done_on__isnull=True, deadline__lt=today))
        )

    def on_time_on(self, today: dt.date):
        return self.exclude(
            Exists(StudyStep.objects.filter(study=OuterRef("pk"), done_on__isnull=True, deadline__lt=today))
        )


class ThematicStudy(TimeStampedModel):
    """One thematic study assigned in a Centre's plan, with its lead and reviewing departments."""

    centre = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("Trung tâm")
    )
    year = models.PositiveSmallIntegerField(_("năm"), db_index=True)
    number = models.PositiveSmallIntegerField(
        _("số thứ tự trong kế hoạch"), null=True, blank=True, help_text=_("Ví dụ: 1 cho “Chuyên đề 1”.")
    )
    title = models.CharField(_("tên chuyên đề"), max_length=500)
    title_key = models.CharField(max_length=500, blank=True, editable=False, db_index=True)
    source_plan = models.CharField(
        _("theo kế hoạch"),
        max_length=255,
        blank=True,
        help_text=_("Số, ngày của kế hoạch giao chuyên đề, ví dụ: Kế hoạch số 35/KH-TGPL ngày 20/01/2025."),
    )
    plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kế hoạch trong hệ thống"),
    )
    plan_task = models.ForeignKey(
        "plans.PlanTask",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nhiệm vụ của kế hoạch"),
    )
    lead_department = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đơn vị chủ trì"),
    )
    reviewing_department = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đơn vị phản biện"),
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="studies_authored", verbose_name=_("người xây dựng")
    )
    completion_period = models.CharField(
        _("thời gian thực hiện"), max_length=120, blank=True, help_text=_("Như kế hoạch ghi, ví dụ: Quý I/2025.")
    )
    outline = models.ManyToManyField(
        StudyOutlineSection, blank=True, related_name="studies", verbose_name=_("bố cục chính cần có")
    )
    outline_note = models.TextField(
        _("nội dung cụ thể của bố cục"),
        blank=True,
        help_text=_("Ví dụ: thực trạng truyền thông trợ giúp pháp lý cho người dân tộc thiểu số của viên chức."),
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=StudyStatus.choices, default=StudyStatus.PLANNED, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = StudyQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "number", "id"]
        verbose_name = _("chuyên đề")
        verbose_name_plural = _("chuyên đề")
        indexes = [models.Index(fields=["centre", "-year"], name="studies_study_centre_year_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "year", "number"],
                condition=Q(number__isnull=False),
                name="studies_study_unique_number_in_year",
                violation_error_message=_("Trung tâm đã có chuyên đề mang số thứ tự này trong năm."),
            ),
            models.CheckConstraint(
                condition=~Q(lead_department=models.F("reviewing_department")),
                name="studies_study_reviewer_not_lead",
                violation_error_message=_("Đơn vị phản biện phải khác đơn vị chủ trì."),
            ),
        ]

    def __str__(self) -> str:
        if self.number:
            return _("Chuyên đề %(n)s/%(year)s: %(title)s") % {"n": self.number, "year": self.year, "title": self.title}
        return self.title

    def steps_in_order(self) -> list[StudyStep]:
        steps = {s.kind: s for s in self.steps.all()}
        return [steps[k] for k in STEP_ORDER if k in steps]

    def current_step(self) -> StudyStep | None:
        return next((s for s in self.steps_in_order() if s.done_on is None), None)

    def is_late(self, today: dt.date) -> bool:
        """Behind schedule: a step not done by its deadline (the due date, moved to the next working day when it
        falls on a day off)."""
        return any(s.is_overdue(today) for s in self.steps_in_order())


class StudyStep(TimeStampedModel):
    """One of the three dated steps of a study: due date as the plan sets it, deadline on the working-day calendar,
    the day it was done and whether that was late."""

    study = models.ForeignKey(
        ThematicStudy, on_delete=models.CASCADE, related_name="steps", verbose_name=_("chuyên đề")
    )
    kind = models.CharField(_("bước"), max_length=20, choices=StepKind.choices)
    due_on = models.DateField(_("hạn (theo kế hoạch)"))
    deadline = models.DateField(
        _("hạn tính theo ngày làm việc"),
        editable=False,
        help_text=_("Hạn rơi vào ngày nghỉ thì chuyển sang ngày làm việc tiếp theo."),
    )
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người xác nhận"),
    )
    done_late = models.BooleanField(_("hoàn thành chậm"), default=False)
    late_working_days = models.PositiveSmallIntegerField(_("số ngày làm việc chậm"), default=0)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["study", "due_on", "id"]
        verbose_name = _("bước thực hiện chuyên đề")
        verbose_name_plural = _("bước thực hiện chuyên đề")
        constraints = [
            models.UniqueConstraint(
                fields=["study", "kind"],
                name="studies_step_unique_kind",
                violation_error_message=_("Chuyên đề đã có bước này."),
            ),
            models.CheckConstraint(
                condition=Q(done_on__isnull=True) | Q(done_by__isnull=False),
                name="studies_step_done_has_actor",
                violation_error_message=_("Bước đã hoàn thành phải ghi người xác nhận."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.due_on:%d/%m/%Y})"

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    def is_overdue(self, today: dt.date) -> bool:
        return self.done_on is None and self.deadline < today


# Kept for the old migrations that name it; new files get random names (RandomName).
def study_upload_to(instance: StudyVersion, filename: str) -> str:
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"studies/{instance.study.centre_id}/{instance.study_id}/v{instance.number}.{ext}"


class StudyVersion(TimeStampedModel):
    """One version of a study's document, kept as uploaded (the file is read only through the download view)."""

    study = models.ForeignKey(
        ThematicStudy, on_delete=models.CASCADE, related_name="versions", verbose_name=_("chuyên đề")
    )
    number = models.PositiveSmallIntegerField(_("phiên bản"))
    file = models.FileField(_("tệp"), upload_to=RandomName("studies"), max_length=255)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tải lên")
    )
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["study", "-number"]
        verbose_name = _("phiên bản chuyên đề")
        verbose_name_plural = _("phiên bản chuyên đề")
        constraints = [
            models.UniqueConstraint(
                fields=["study", "number"],
                name="studies_version_unique_number",
                violation_error_message=_("Chuyên đề đã có phiên bản số này."),
            ),
        ]

    def __str__(self) -> str:
        return _("Phiên bản %(n)s") % {"n": self.number}

    @property
    def centre_id(self) -> int:
        """The owning Centre, for the access log of downloads."""
        return self.study.centre_id


class StudyComment(TimeStampedModel):
    """A comment or critique (góp ý, phản biện) on one version."""

    version = models.ForeignKey(
        StudyVersion, on_delete=models.CASCADE, related_name="comments", verbose_name=_("phiên bản")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người góp ý")
    )
    text = models.TextField(_("nội dung góp ý"))
    is_critique = models.BooleanField(_("ý kiến phản biện của đơn vị phản biện"), default=False, editable=False)
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True)

    class Meta:
        ordering = ["version", "at", "id"]
        verbose_name = _("ý kiến góp ý chuyên đề")
        verbose_name_plural = _("ý kiến góp ý chuyên đề")

    def __str__(self) -> str:
        return _("Góp ý của %(author)s") % {"author": self.author}
