"""Quality management (DOMAIN.md section 3): the Centre's appraisal of its own cases (thẩm định chất lượng vụ việc,
TT 12/2018/TT-BTP Art. 16) and the Department of Justice's evaluation (đánh giá chất lượng, TT 12/2018 Art. 15 as
amended by TT 03/2021). The criteria, their points and the result levels are dated data."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel
from legalaid.core.scoping import DepartmentQuerySet, ScopedQuerySet

from .choices import (
    APPRAISAL_STATUS_TONES,
    EVALUATION_STATUS_TONES,
    AppraisalStatus,
    CriterionGroup,
    EvaluationMethod,
    EvaluationOrigin,
    EvaluationPlanStatus,
    EvaluationStatus,
    FollowUpStatus,
    TeamRole,
)

POINTS = {"max_digits": 5, "decimal_places": 1}


# --- Reference data ----------------------------------------------------------------------------------------------


class ResultLevel(models.Model):
    """A result level of an appraisal or an evaluation ("tốt", "đạt", "không đạt"). DOMAIN.md 3 and 12: at least two
    levels exist ("đạt chất lượng" or above); their names and thresholds were not retrieved (UNCONFIRMED), so they are
    data an administrator edits. ``satisfactory``: the level lets the case be paid (Decree 144/2017 Art. 15, the
    appraisal result in the payment dossier)."""

    code = models.CharField(_("mã"), max_length=20, unique=True)
    name = models.CharField(_("tên mức"), max_length=80)
    satisfactory = models.BooleanField(_("đạt yêu cầu"), default=True)
    min_points = models.DecimalField(
        _("điểm tối thiểu"),
        **POINTS,
        null=True,
        blank=True,
        help_text=_("Tổng điểm từ mức này trở lên thì được xếp mức (để trống nếu không xét theo điểm)."),
    )
    reference = models.CharField(_("căn cứ"), max_length=255)
    confirmed = models.BooleanField(_("đã xác nhận theo văn bản"), default=False)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("mức kết quả chất lượng")
        verbose_name_plural = _("mức kết quả chất lượng")

    def __str__(self) -> str:
        return self.name


class CriteriaSet(models.Model):
    """The criteria of TT 12/2018 Art. 16 in force for a period (a new set when the Circular changes)."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    reference = models.CharField(_("căn cứ"), max_length=255)

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("bộ tiêu chí thẩm định")
        verbose_name_plural = _("bộ tiêu chí thẩm định")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def in_force_on(cls, on_date) -> CriteriaSet | None:
        return (
            cls.objects.filter(valid_from__lte=on_date)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on_date))
            .order_by("-valid_from")
            .first()
        )

    @property
    def max_total(self) -> Decimal:
        return sum((c.max_points for c in self.criteria.all()), Decimal(0))


class Criterion(models.Model):
    """One criterion and its maximum points (TT 12/2018 Art. 16 as amended). ``confirmed`` is false for the figures
    DOMAIN.md marks UNCONFIRMED (the last group of 10 points, the remainder of "timely procedural steps")."""

    criteria_set = models.ForeignKey(
        CriteriaSet, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("bộ tiêu chí")
    )
    group = models.CharField(_("nhóm"), max_length=20, choices=CriterionGroup.choices)
    code = models.CharField(_("mã"), max_length=20)
    text = models.CharField(_("nội dung"), max_length=255)
    max_points = models.DecimalField(_("điểm tối đa"), **POINTS, validators=[MinValueValidator(Decimal(0))])
    reference = models.CharField(_("căn cứ"), max_length=255)
    confirmed = models.BooleanField(_("đã xác nhận theo văn bản"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["criteria_set", "sort_order", "code"]
        verbose_name = _("tiêu chí thẩm định")
        verbose_name_plural = _("tiêu chí thẩm định")
        constraints = [
            models.UniqueConstraint(
                fields=["criteria_set", "code"],
                name="quality_criterion_unique_code",
                violation_error_message=_("Bộ tiêu chí đã có tiêu chí mang mã này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.text}"


# --- Appraisal by the Centre ---------------------------------------------------------------------------------------


class AppraisalQuerySet(ScopedQuerySet):
    scope_centre_field = "centre"
    scope_branch_field = "branch"

    def assigned_q(self, user) -> Q | None:
        """A lawyer or collaborator named appraiser sees the appraisals given to them."""
        return Q(appraiser_id=user.pk) if getattr(user, "pk", None) else None


class Appraisal(TimeStampedModel):
    """The Centre's appraisal of one completed case (thẩm định chất lượng vụ việc, TT 12/2018 Art. 16; DOMAIN.md 3
    and 12: each organisation appraises the cases its own providers handle and keeps the written result in the file).

    Born ``assigned`` when the director (or the person they delegate) names the appraiser, ``done`` when the appraiser
    records the points, the appraised working time and the conclusion. The payments app reads ``is_satisfactory``
    and ``appraised_sessions``.
    """

    case = models.OneToOneField(
        "cases.LegalAidCase", on_delete=models.PROTECT, related_name="appraisal", verbose_name=_("vụ việc")
    )
    centre = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("Trung tâm")
    )
    branch = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Chi nhánh"),
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=AppraisalStatus.choices,
        default=AppraisalStatus.ASSIGNED,
        db_index=True,
    )
    appraiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appraisals", verbose_name=_("người thẩm định")
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người phân công")
    )
    assigned_on = models.DateField(_("ngày phân công"))
    due_on = models.DateField(_("hạn thẩm định"), null=True, blank=True)
    criteria_set = models.ForeignKey(
        CriteriaSet, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("bộ tiêu chí")
    )
    total_points = models.DecimalField(_("tổng điểm"), **POINTS, null=True, blank=True)
    result_level = models.ForeignKey(
        ResultLevel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appraisals",
        verbose_name=_("mức kết quả"),
    )
    appraised_sessions = models.DecimalField(
        _("thời gian thực hiện được thẩm định (buổi)"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Một buổi là 4 giờ làm việc (Điều 3 Thông tư 02/2021/TT-BTP)."),
    )
    conclusion = models.TextField(_("kết luận"), blank=True)
    completed_at = models.DateTimeField(_("thời điểm hoàn thành thẩm định"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = AppraisalQuerySet.as_manager()

    class Meta:
        ordering = ["-assigned_on", "-id"]
        verbose_name = _("thẩm định chất lượng vụ việc")
        verbose_name_plural = _("thẩm định chất lượng vụ việc")
        indexes = [
            models.Index(fields=["centre", "status"], name="quality_appraisal_status_idx"),
            models.Index(fields=["appraiser", "status"], name="quality_appraisal_appr_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="done")
                | (Q(completed_at__isnull=False) & Q(result_level__isnull=False) & Q(appraised_sessions__isnull=False)),
                name="quality_appraisal_done_complete",
                violation_error_message=_("Thẩm định đã hoàn thành phải có mức kết quả, số buổi và thời điểm."),
            ),
        ]

    def __str__(self) -> str:
        return str(_("Thẩm định vụ việc %(case)s") % {"case": self.case_id})

    @property
    def is_satisfactory(self) -> bool | None:
        """True or False once the appraisal is done (the result level's ``satisfactory``); None until then."""
        if self.status != AppraisalStatus.DONE or self.result_level_id is None:
            return None
        return self.result_level.satisfactory

    @property
    def status_tone(self) -> str:
        return APPRAISAL_STATUS_TONES.get(self.status, "secondary")


class AppraisalScore(models.Model):
    """The points given for one criterion."""

    appraisal = models.ForeignKey(
        Appraisal, on_delete=models.CASCADE, related_name="scores", verbose_name=_("thẩm định")
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("tiêu chí"))
    points = models.DecimalField(_("điểm"), **POINTS, validators=[MinValueValidator(Decimal(0))])

    class Meta:
        ordering = ["criterion__sort_order", "criterion__code"]
        verbose_name = _("điểm theo tiêu chí")
        verbose_name_plural = _("điểm theo tiêu chí")
        constraints = [
            models.UniqueConstraint(
                fields=["appraisal", "criterion"],
                name="quality_score_unique_criterion",
                violation_error_message=_("Tiêu chí này đã được chấm."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.points}"


class AppraisalDelegation(TimeStampedModel):
    """The director's delegation of the appraisal assignment to a member of the Centre (DOMAIN.md 3: who assigns is
    UNCONFIRMED; the director, or the person they delegate, names the appraisers)."""

    centre = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("Trung tâm")
    )
    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người được ủy quyền")
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ủy quyền")
    )
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-valid_from", "-id"]
        verbose_name = _("ủy quyền phân công thẩm định")
        verbose_name_plural = _("ủy quyền phân công thẩm định")

    def __str__(self) -> str:
        return f"{self.delegate_id} ({self.valid_from:%d/%m/%Y})"


# --- Evaluation by the Department of Justice -----------------------------------------------------------------------


class EvaluationPlanQuerySet(DepartmentQuerySet):
    scope_centre_field = None  # a plan is the Department's own: no Centre reads it


class EvaluationPlan(TimeStampedModel):
    """The Department's quality evaluation plan (TT 12/2018 Art. 15 as amended): its scope (the Centres), the period
    of the cases (the cases completed in it), the sample ratio (every provider has at least one case evaluated) and
    the method. ``seed`` makes the proposed sample reproducible."""

    doj = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("Sở Tư pháp")
    )
    title = models.CharField(_("tên kế hoạch"), max_length=255)
    centres = models.ManyToManyField("core.Organisation", related_name="+", verbose_name=_("Trung tâm được đánh giá"))
    period_start = models.DateField(_("vụ việc kết thúc từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    sample_ratio = models.DecimalField(
        _("tỷ lệ chọn mẫu (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal(100))],
    )
    method = models.CharField(_("phương thức"), max_length=20, choices=EvaluationMethod.choices)
    seed = models.PositiveIntegerField(_("hạt giống chọn mẫu"), editable=False)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=EvaluationPlanStatus.choices, default=EvaluationPlanStatus.DRAFT
    )
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người lập")
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người phê duyệt"),
    )
    approved_at = models.DateTimeField(_("thời điểm phê duyệt"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = EvaluationPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-period_end", "-id"]
        verbose_name = _("kế hoạch đánh giá chất lượng")
        verbose_name_plural = _("kế hoạch đánh giá chất lượng")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="quality_plan_period_order",
                violation_error_message=_("Ngày cuối của kỳ phải sau ngày đầu."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class EvaluationQuerySet(DepartmentQuerySet):
    scope_centre_field = "centre"
    scope_branch_field = "branch"

    def centre_visible_q(self) -> Q:
        """Centre staff read the results of their own Centre: the concluded evaluations only."""
        return Q(status=EvaluationStatus.CONCLUDED)


class Evaluation(TimeStampedModel):
    """The Department's evaluation of one case (đánh giá chất lượng vụ việc): drawn in a plan's sample, or started by
    a trigger (complaint, request, inspection) with a deadline in working days. Results in writing; invited experts
    give written opinions (TT 12/2018 Art. 15 as amended)."""

    doj = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("Sở Tư pháp")
    )
    centre = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("Trung tâm")
    )
    branch = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Chi nhánh"),
    )
    case = models.ForeignKey(
        "cases.LegalAidCase", on_delete=models.PROTECT, related_name="evaluations", verbose_name=_("vụ việc")
    )
    plan = models.ForeignKey(
        EvaluationPlan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluations",
        verbose_name=_("kế hoạch"),
    )
    origin = models.CharField(_("căn cứ đánh giá"), max_length=12, choices=EvaluationOrigin.choices)
    trigger_reference = models.CharField(
        _("văn bản, đơn làm căn cứ"), max_length=255, blank=True, help_text=_("Số, ngày của đơn hoặc văn bản.")
    )
    trigger_received_on = models.DateField(_("ngày nhận"), null=True, blank=True)
    due_on = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=EvaluationStatus.choices, default=EvaluationStatus.OPEN, db_index=True
    )
    findings = models.TextField(_("nhận xét, phát hiện"), blank=True)
    conclusion = models.TextField(_("kết luận"), blank=True)
    result_level = models.ForeignKey(
        ResultLevel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluations",
        verbose_name=_("mức kết quả"),
    )
    concluded_at = models.DateTimeField(_("thời điểm kết luận"), null=True, blank=True)
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người kết luận"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người lập")
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = EvaluationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("đánh giá chất lượng vụ việc")
        verbose_name_plural = _("đánh giá chất lượng vụ việc")
        indexes = [models.Index(fields=["doj", "status"], name="quality_evaluation_doj_idx")]
        constraints = [
            # TT 12/2018 Art. 15; Thừa Thiên Huế 2021 [C]: no case is drawn in a sample twice (across plans).
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(origin="sample"),
                name="quality_evaluation_sampled_once",
                violation_error_message=_("Vụ việc này đã được chọn đánh giá theo một kế hoạch."),
            ),
            models.CheckConstraint(
                condition=~Q(origin="sample") | Q(plan__isnull=False),
                name="quality_evaluation_sample_has_plan",
                violation_error_message=_("Vụ việc chọn mẫu phải thuộc một kế hoạch."),
            ),
        ]

    def __str__(self) -> str:
        return str(_("Đánh giá vụ việc %(case)s") % {"case": self.case_id})

    @property
    def status_tone(self) -> str:
        return EVALUATION_STATUS_TONES.get(self.status, "secondary")


class TeamMember(models.Model):
    """A member of the evaluation team, or an invited expert whose written opinion is required before the
    conclusion (TT 12/2018 Art. 15 as amended: experts may be invited and give written opinions)."""

    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.CASCADE, related_name="team", verbose_name=_("đánh giá")
    )
    role = models.CharField(_("vai trò"), max_length=10, choices=TeamRole.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tài khoản"),
    )
    name = models.CharField(_("họ và tên"), max_length=120)
    affiliation = models.CharField(_("đơn vị công tác"), max_length=255, blank=True)
    opinion = models.TextField(_("ý kiến bằng văn bản"), blank=True)
    opinion_on = models.DateField(_("ngày có ý kiến"), null=True, blank=True)

    class Meta:
        ordering = ["evaluation", "role", "id"]
        verbose_name = _("thành viên đoàn đánh giá")
        verbose_name_plural = _("thành viên đoàn đánh giá")
        constraints = [
            models.CheckConstraint(
                condition=Q(opinion="") | Q(opinion_on__isnull=False),
                name="quality_team_opinion_dated",
                violation_error_message=_("Hãy ghi ngày của ý kiến."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class FollowUpQuerySet(DepartmentQuerySet):
    scope_doj_field = "evaluation__doj"
    scope_centre_field = "evaluation__centre"
    scope_branch_field = "evaluation__branch"

    def centre_visible_q(self) -> Q:
        return Q(evaluation__status=EvaluationStatus.CONCLUDED)


class FollowUp(TimeStampedModel):
    """A follow-up the evaluation requires of the Centre, tracked to done."""

    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("đánh giá")
    )
    text = models.TextField(_("nội dung yêu cầu"))
    due_on = models.DateField(_("hạn thực hiện"))
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN, db_index=True
    )
    done_on = models.DateField(_("ngày thực hiện xong"), null=True, blank=True)
    done_note = models.TextField(_("kết quả thực hiện"), blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ghi nhận"),
    )

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("yêu cầu khắc phục sau đánh giá")
        verbose_name_plural = _("yêu cầu khắc phục sau đánh giá")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="done") | Q(done_on__isnull=False),
                name="quality_followup_done_dated",
                violation_error_message=_("Hãy ghi ngày thực hiện xong."),
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]
