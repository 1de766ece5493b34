"""Plans (kế hoạch) as a Centre writes them, their nested tasks with lead and partner units, numeric targets bound to
measured figures, progress with evidence, and the server-side drafts of an import under review."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from legalaid.core import calendar
from legalaid.core.models import TimeStampedModel
from legalaid.core.scoping import ScopedQuerySet
from legalaid.lib.uploads import RandomName

from .choices import Comparison, PlanStatus, TaskStatus, UnitGroup, UnitRole

#: A due date within this many working days is shown amber (STYLE.md, "The interface").
SOON_WORKING_DAYS = 2


class PlanQuerySet(ScopedQuerySet):
    """Plans belong to a Centre. Unlike case files they are the whole Centre's work programme: a branch's staff see
    their Centre's plans (and report on the tasks their branch leads); DOJ officers read the plans of the Centres
    they oversee; lawyers, collaborators and agency officers see none."""

    scope_centre_field = "centre"

    def visible_to(self, user):
        scope = self._scope(user)
        if scope.sees_everything:
            return self
        if not scope.centre_ids or scope.assigned_only:
            return self.none()
        return self.filter(**{f"{self.scope_centre_field}__in": scope.centre_ids})


class Plan(TimeStampedModel):
    """A plan (kế hoạch): "Số: 33/KH-TGPL", "Lạng Sơn, ngày 21 tháng 01 năm 2020", the documents it implements,
    purposes, requirements, tasks, budget and recipients. ``centre`` is the tenant key; the issuing unit is linked
    when it is one of ours (the Centre, its Department of Justice) and kept as written otherwise."""

    centre = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("Trung tâm")
    )
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issuer = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("đơn vị ban hành"),
    )
    issuer_name = models.CharField(_("đơn vị ban hành (như ghi trong văn bản)"), max_length=255, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    bases = models.JSONField(_("căn cứ"), default=list, blank=True)
    purposes = models.JSONField(_("mục đích"), default=list, blank=True)
    requirements = models.JSONField(_("yêu cầu"), default=list, blank=True)
    period_start = models.DateField(_("thực hiện từ ngày"), null=True, blank=True)
    period_end = models.DateField(_("thực hiện đến ngày"), null=True, blank=True)
    budget_note = models.TextField(_("kinh phí thực hiện"), blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.ACTIVE, db_index=True
    )
    source_file = models.FileField(_("văn bản gốc"), upload_to=RandomName("plans/sources"), max_length=255, blank=True)
    source_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người nhập"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        indexes = [models.Index(fields=["centre", "-date"], name="plans_plan_centre_date_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_start__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
                name="plans_plan_period_range",
                violation_error_message=_("Ngày kết thúc phải sau ngày bắt đầu thực hiện kế hoạch."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} – {self.title}" if self.number else self.title

    @property
    def issuer_display(self) -> str:
        return str(self.issuer) if self.issuer_id else self.issuer_name


class TaskQuerySet(ScopedQuerySet):
    scope_centre_field = "plan__centre"

    def visible_to(self, user):
        return self.filter(plan__in=Plan.objects.visible_to(user))


def deadline_of(end: dt.date | None) -> dt.date | None:
    """The last day to finish a task that ends on ``end``: a time limit ending on a day off moves to the next working
    day (Civil Code Art. 148 [UNCONFIRMED, DOMAIN.md §9]; ``calendar.add_working_days(end, 0)``)."""
    return calendar.add_working_days(end, 0) if end else None


class PlanTask(TimeStampedModel):
    """One task (nhiệm vụ, nội dung, hoạt động) of a plan, nested as written: "I.", "1.", "1.1", "a)", "Hoạt động 1".

    ``position`` orders every task of the plan in document order (a parent before its children), so the tree is
    read with one query. The time frame is kept as written and normalised to start, end and recurrence; a relative
    time frame ("Chậm nhất 05 ngày làm việc kể từ ngày ...") keeps its working days and the event.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("kế hoạch"))
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("thuộc nhiệm vụ"),
    )
    ref = models.CharField(_("số thứ tự như ghi"), max_length=40, blank=True)
    position = models.PositiveIntegerField(_("thứ tự"), default=0)
    depth = models.PositiveSmallIntegerField(_("cấp"), default=0)
    content = models.TextField(_("nội dung"))
    timeframe_text = models.CharField(_("thời gian thực hiện (như ghi)"), max_length=500, blank=True)
    start = models.DateField(_("từ ngày"), null=True, blank=True)
    end = models.DateField(_("đến ngày"), null=True, blank=True, db_index=True)
    recurrence = models.CharField(_("lặp lại"), max_length=30, blank=True)
    relative_working_days = models.PositiveSmallIntegerField(_("số ngày làm việc kể từ sự kiện"), null=True, blank=True)
    relative_event = models.CharField(_("sự kiện tính thời hạn"), max_length=255, blank=True)
    expected_output = models.TextField(_("kết quả, sản phẩm"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED, db_index=True
    )
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "position", "id"]
        verbose_name = _("nhiệm vụ của kế hoạch")
        verbose_name_plural = _("nhiệm vụ của kế hoạch")
        indexes = [models.Index(fields=["plan", "position"], name="plans_task_plan_pos_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=models.F("start")),
                name="plans_task_period_range",
                violation_error_message=_("Ngày kết thúc phải sau ngày bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        head = self.content.splitlines()[0] if self.content else ""
        if len(head) > 80:
            head = head[:79] + "…"
        return f"{self.ref} {head}".strip()

    @property
    def deadline(self) -> dt.date | None:
        return deadline_of(self.end)

    def is_late(self, today: dt.date) -> bool:
        """Not done and past its deadline (derived, never stored)."""
        deadline = self.deadline
        return self.status != TaskStatus.DONE and deadline is not None and deadline < today

    def is_due_soon(self, today: dt.date) -> bool:
        """Not done, not late, and the deadline within 2 working days (amber)."""
        deadline = self.deadline
        if self.status == TaskStatus.DONE or deadline is None or deadline < today:
            return False
        return deadline <= calendar.add_working_days(today, SOON_WORKING_DAYS)


class TaskUnit(models.Model):
    """A unit named in a task as lead ("Chủ trì", "Thực hiện") or partner ("Phối hợp"): linked to an organisation when
    the name matches one, a group ("các Chi nhánh"), or kept as text only ("Báo Lạng Sơn")."""

    task = models.ForeignKey(PlanTask, on_delete=models.CASCADE, related_name="units", verbose_name=_("nhiệm vụ"))
    role = models.CharField(_("vai trò"), max_length=10, choices=UnitRole.choices)
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("đơn vị"),
    )
    group = models.CharField(_("nhóm đơn vị"), max_length=16, choices=UnitGroup.choices, blank=True)
    text = models.CharField(_("tên như ghi"), max_length=255)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["task", "role", "position", "id"]
        verbose_name = _("đơn vị thực hiện nhiệm vụ")
        verbose_name_plural = _("đơn vị thực hiện nhiệm vụ")

    def __str__(self) -> str:
        return self.text


class TaskTarget(models.Model):
    """A numeric target of a task as written ("đạt trên 50 lượt", "100% yêu cầu"), optionally bound to a figure the
    system measures (``metric_code``, see ``legalaid.plans.metrics``)."""

    task = models.ForeignKey(PlanTask, on_delete=models.CASCADE, related_name="targets", verbose_name=_("nhiệm vụ"))
    text = models.CharField(_("chỉ tiêu như ghi"), max_length=500)
    value = models.DecimalField(_("giá trị"), max_digits=14, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("đơn vị tính"), max_length=40, blank=True)
    metric_code = models.CharField(_("số liệu đo được"), max_length=60, blank=True)
    comparison = models.CharField(_("so sánh"), max_length=2, choices=Comparison.choices, default=Comparison.AT_LEAST)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["task", "position", "id"]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self) -> str:
        return self.text


class TaskProgress(models.Model):
    """One progress report on a task: who, when, the status before and after, a note, evidence files."""

    task = models.ForeignKey(PlanTask, on_delete=models.CASCADE, related_name="progress", verbose_name=_("nhiệm vụ"))
    date = models.DateField(_("ngày"))
    old_status = models.CharField(_("trạng thái trước"), max_length=16, choices=TaskStatus.choices)
    new_status = models.CharField(_("trạng thái sau"), max_length=16, choices=TaskStatus.choices)
    note = models.TextField(_("nội dung cập nhật"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người cập nhật")
    )
    created_at = models.DateTimeField(_("thời điểm ghi"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("tiến độ nhiệm vụ")
        verbose_name_plural = _("tiến độ nhiệm vụ")

    def __str__(self) -> str:
        return f"{self.task} – {self.date:%d/%m/%Y}"

    @property
    def status_changed(self) -> bool:
        return self.old_status != self.new_status


class ProgressEvidence(models.Model):
    """A file attached to a progress report (a minute, a decision, a photo of the session)."""

    progress = models.ForeignKey(
        TaskProgress, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("cập nhật tiến độ")
    )
    file = models.FileField(_("tệp"), upload_to=RandomName("plans/evidence"), max_length=255)
    name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    content_type = models.CharField(_("loại tệp"), max_length=120, blank=True)

    class Meta:
        ordering = ["progress", "id"]
        verbose_name = _("tài liệu minh chứng")
        verbose_name_plural = _("tài liệu minh chứng")

    def __str__(self) -> str:
        return self.name


class DraftQuerySet(models.QuerySet):
    def owned_by(self, user):
        """A draft is its author's alone (it is work in progress, not a record of the Centre)."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)


class PlanDraft(TimeStampedModel):
    """A parsed plan under review before it is saved: the parser's dict as corrected so far, kept on the server (not
    in the session cookie) so that nothing is lost between requests."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("người nhập")
    )
    centre = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("Trung tâm")
    )
    data = models.JSONField(_("nội dung đã đọc"), default=dict)
    source_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    source_file = models.FileField(_("văn bản gốc"), upload_to=RandomName("plans/drafts"), max_length=255, blank=True)

    objects = DraftQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("bản nháp kế hoạch")
        verbose_name_plural = _("bản nháp kế hoạch")

    def __str__(self) -> str:
        return self.data.get("title") or self.source_name or str(self.pk)
