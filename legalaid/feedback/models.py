"""Satisfaction surveys (questionnaires as data, invitations by one-time link, answers) and the one register of
feedback and complaints (Law on Legal Aid 2017 Art. 45 for complaints)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel
from legalaid.core.scoping import ScopedQuerySet

from .choices import (
    STATUS_TONES,
    ActionKind,
    Aspect,
    Audience,
    DecisionResult,
    EntryKind,
    EntryStatus,
    Ground,
    Level,
    QuestionKind,
    Respondent,
    Source,
    SurveyChannel,
)

# --- Questionnaires as data ---------------------------------------------------------------------------------------


class Scale(models.Model):
    """A rating scale ("Rất hài lòng" ... "Không hài lòng") with its options, their scores and which of them count as
    satisfied. Seeded by a data migration, edited in Django admin."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên thang đo"), max_length=120)

    class Meta:
        ordering = ["name"]
        verbose_name = _("thang đo")
        verbose_name_plural = _("thang đo")

    def __str__(self) -> str:
        return self.name


class ScaleOption(models.Model):
    """One level of a scale. ``satisfied``: the level counts in the satisfaction rate."""

    scale = models.ForeignKey(Scale, on_delete=models.CASCADE, related_name="options", verbose_name=_("thang đo"))
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    label = models.CharField(_("mức"), max_length=80)
    score = models.SmallIntegerField(_("điểm"))
    satisfied = models.BooleanField(_("tính là hài lòng"), default=False)

    class Meta:
        ordering = ["scale", "position"]
        verbose_name = _("mức của thang đo")
        verbose_name_plural = _("mức của thang đo")
        constraints = [
            models.UniqueConstraint(
                fields=["scale", "position"],
                name="feedback_scaleoption_unique_position",
                violation_error_message=_("Thang đo đã có mức ở vị trí này."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.score})"


class Questionnaire(models.Model):
    """A survey for one audience (beneficiaries, or procedure-conducting officials). Its questions live in versions."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    audience = models.CharField(_("đối tượng khảo sát"), max_length=20, choices=Audience.choices)
    title = models.CharField(_("tên phiếu"), max_length=255)
    reference = models.CharField(_("căn cứ"), max_length=255, blank=True)

    class Meta:
        ordering = ["audience", "code"]
        verbose_name = _("phiếu khảo sát")
        verbose_name_plural = _("phiếu khảo sát")

    def __str__(self) -> str:
        return self.title


class QuestionnaireVersion(models.Model):
    """One version of a questionnaire's questions. Answers point at the version they were given on, so a new version
    never changes them; a version that has answers is not edited (admin shows it read only)."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="versions", verbose_name=_("phiếu khảo sát")
    )
    number = models.PositiveSmallIntegerField(_("phiên bản"))
    valid_from = models.DateField(_("áp dụng từ"))
    is_active = models.BooleanField(_("đang dùng"), default=True)
    intro = models.TextField(_("lời mở đầu"), blank=True)

    class Meta:
        ordering = ["questionnaire", "-number"]
        verbose_name = _("phiên bản phiếu khảo sát")
        verbose_name_plural = _("phiên bản phiếu khảo sát")
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "number"],
                name="feedback_version_unique_number",
                violation_error_message=_("Phiếu khảo sát đã có phiên bản số này."),
            )
        ]

    def __str__(self) -> str:
        return _("%(title)s – phiên bản %(n)s") % {"title": self.questionnaire.title, "n": self.number}


class Question(models.Model):
    """A question of one version: rated on a scale, or answered in free text."""

    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.CASCADE, related_name="questions", verbose_name=_("phiên bản")
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    aspect = models.CharField(_("khía cạnh"), max_length=20, choices=Aspect.choices, default=Aspect.OVERALL)
    kind = models.CharField(_("loại câu hỏi"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.SCALE)
    text = models.CharField(_("câu hỏi"), max_length=500)
    scale = models.ForeignKey(
        Scale, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("thang đo")
    )
    required = models.BooleanField(_("bắt buộc trả lời"), default=True)

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "position"],
                name="feedback_question_unique_position",
                violation_error_message=_("Phiên bản đã có câu hỏi ở vị trí này."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="scale") | Q(scale__isnull=False),
                name="feedback_question_scale_required",
                violation_error_message=_("Câu hỏi chọn mức phải có thang đo."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.text}"


# --- Invitations and answers --------------------------------------------------------------------------------------


class SurveyQuerySet(ScopedQuerySet):
    scope_centre_field = "centre"
    scope_branch_field = "branch"


class SurveyInvitation(TimeStampedModel):
    """A one-time link to answer a questionnaire about a case, without logging in.

    Only the SHA-256 hash of the token is stored (``token_hash``): the raw token (``secrets.token_urlsafe``) is shown
    once, on the printed invitation, and cannot be read back from the database. Single use (``used_at``, and the
    response's one-to-one link), expiring (``expires_at``), revoked when a newer invitation replaces it."""

    case = models.ForeignKey(
        "cases.LegalAidCase", on_delete=models.PROTECT, related_name="survey_invitations", verbose_name=_("vụ việc")
    )
    centre = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="+")
    branch = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.PROTECT, related_name="+", verbose_name=_("phiếu khảo sát")
    )
    respondent = models.CharField(_("người được mời"), max_length=20, choices=Respondent.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    used_at = models.DateTimeField(_("đã trả lời lúc"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("đã thu hồi lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("thư mời khảo sát")
        verbose_name_plural = _("thư mời khảo sát")

    def __str__(self) -> str:
        return _("Thư mời khảo sát #%(pk)s") % {"pk": self.pk}


class SurveyResponse(TimeStampedModel):
    """One filled questionnaire about a case: typed in by staff from a paper form, or given through a one-time link.
    The case's providers of record at the time are kept (``providers``) for the rates per provider."""

    case = models.ForeignKey(
        "cases.LegalAidCase", on_delete=models.PROTECT, related_name="survey_responses", verbose_name=_("vụ việc")
    )
    centre = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="+")
    branch = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.PROTECT, related_name="responses", verbose_name=_("phiếu khảo sát")
    )
    respondent = models.CharField(_("người trả lời"), max_length=20, choices=Respondent.choices)
    channel = models.CharField(_("hình thức"), max_length=10, choices=SurveyChannel.choices)
    invitation = models.OneToOneField(
        SurveyInvitation, on_delete=models.PROTECT, null=True, blank=True, related_name="response"
    )
    answered_on = models.DateField(_("ngày trả lời"), db_index=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người nhập"),
    )
    providers = models.ManyToManyField(
        "providers.Provider", blank=True, related_name="survey_responses", verbose_name=_("người thực hiện")
    )
    comment = models.TextField(_("ý kiến khác"), blank=True)
    comment_is_complaint = models.BooleanField(_("ý kiến là phản ánh, khiếu nại"), default=False)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-answered_on", "-id"]
        verbose_name = _("phiếu trả lời khảo sát")
        verbose_name_plural = _("phiếu trả lời khảo sát")
        indexes = [models.Index(fields=["centre", "answered_on"], name="feedback_resp_centre_day_idx")]

    def __str__(self) -> str:
        return _("Phiếu trả lời #%(pk)s") % {"pk": self.pk}


class SurveyAnswer(models.Model):
    """The answer to one question. The chosen level's label, score and "satisfied" are copied at answer time, so a
    later edit of the scale changes no answer already given."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    option = models.ForeignKey(ScaleOption, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    option_label = models.CharField(max_length=80, blank=True)
    score = models.SmallIntegerField(null=True, blank=True)
    satisfied = models.BooleanField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["response", "question__position"]
        verbose_name = _("câu trả lời")
        verbose_name_plural = _("câu trả lời")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"],
                name="feedback_answer_unique_question",
                violation_error_message=_("Câu hỏi này đã được trả lời."),
            )
        ]

    def __str__(self) -> str:
        return self.option_label or self.text[:40]


# --- The register of feedback and complaints ----------------------------------------------------------------------


class EntryQuerySet(ScopedQuerySet):
    scope_centre_field = "centre"
    scope_branch_field = "branch"

    def visible_to(self, user):
        """Centre staff see their Centre (branch staff their branch); a Department of Justice officer sees only the
        second-level complaints, addressed to the Department (Law Art. 45(3)), of the Centres it oversees."""
        scope = self._scope(user)
        if scope.doj_id and not scope.sees_everything:
            return self.filter(centre_id__in=scope.centre_ids, level=Level.SECOND)
        return super().visible_to(user)

    def open(self):
        return self.filter(status=EntryStatus.OPEN)


class FeedbackEntry(TimeStampedModel):
    """One entry of the register of feedback, suggestions and complaints (sổ tiếp nhận phản ánh, kiến nghị, khiếu
    nại). A complaint (Law Art. 45) is decided first by the head of the organisation, then, if the complainant
    disagrees, by the Director of the Department of Justice; ``level`` and ``due_on`` say where it stands."""

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
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số vào sổ"))
    source = models.CharField(_("nguồn"), max_length=12, choices=Source.choices)
    kind = models.CharField(_("loại"), max_length=20, choices=EntryKind.choices)
    ground = models.CharField(
        _("căn cứ khiếu nại"),
        max_length=20,
        choices=Ground.choices,
        blank=True,
        help_text=_("Điều 45 khoản 1 Luật Trợ giúp pháp lý 2017."),
    )
    received_on = models.DateField(_("ngày nhận"))
    event_on = models.DateField(
        _("ngày của quyết định, hành vi bị khiếu nại"),
        null=True,
        blank=True,
        help_text=_("Để kiểm tra thời hiệu khiếu nại (chưa xác nhận theo văn bản)."),
    )
    sender_name = models.CharField(_("người gửi"), max_length=120, blank=True)
    sender_contact = models.CharField(_("liên hệ của người gửi"), max_length=200, blank=True)
    content = models.TextField(_("nội dung"))
    case = models.ForeignKey(
        "cases.LegalAidCase",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="feedback_entries",
        verbose_name=_("vụ việc liên quan"),
    )
    provider = models.ForeignKey(
        "providers.Provider",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="feedback_entries",
        verbose_name=_("người thực hiện liên quan"),
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="feedback_entries",
        verbose_name=_("người phụ trách"),
    )
    level = models.PositiveSmallIntegerField(_("cấp giải quyết"), choices=Level.choices, default=Level.FIRST)
    due_on = models.DateField(_("hạn giải quyết"), null=True, blank=True)
    second_received_on = models.DateField(_("ngày nhận khiếu nại lần hai"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=EntryStatus.choices, default=EntryStatus.OPEN, db_index=True
    )
    resolution = models.TextField(_("kết quả giải quyết"), blank=True)
    resolved_on = models.DateField(_("ngày giải quyết"), null=True, blank=True)
    survey_response = models.OneToOneField(
        SurveyResponse,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="feedback_entry",
        verbose_name=_("từ phiếu khảo sát"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = EntryQuerySet.as_manager()
    is_sensitive = True

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("phản ánh, kiến nghị, khiếu nại")
        verbose_name_plural = _("phản ánh, kiến nghị, khiếu nại")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "year", "number"],
                name="feedback_entry_unique_number",
                violation_error_message=_("Số vào sổ này đã được cấp."),
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["complaint_decision", "complaint_provider"]) | ~Q(ground=""),
                name="feedback_entry_complaint_ground",
                violation_error_message=_("Khiếu nại phải nêu căn cứ theo Điều 45 Luật Trợ giúp pháp lý."),
            ),
        ]
        indexes = [
            models.Index(fields=["centre", "status", "due_on"], name="feedback_entry_open_idx"),
            models.Index(fields=["responsible", "status"], name="feedback_entry_resp_idx"),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def code(self) -> str:
        return f"{self.number}/{self.year}"

    @property
    def is_complaint(self) -> bool:
        return self.kind in (EntryKind.COMPLAINT_DECISION, EntryKind.COMPLAINT_PROVIDER)

    @property
    def status_tone(self) -> str:
        return STATUS_TONES.get(self.status, "secondary")


class FeedbackAction(models.Model):
    """What was done about an entry, in order: the register's own history (who, when, what)."""

    entry = models.ForeignKey(FeedbackEntry, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(_("loại"), max_length=12, choices=ActionKind.choices, default=ActionKind.NOTE)
    on = models.DateField(_("ngày"))
    text = models.TextField(_("nội dung"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["entry", "created_at", "id"]
        verbose_name = _("xử lý")
        verbose_name_plural = _("xử lý")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on:%d/%m/%Y}"


class ComplaintDecision(TimeStampedModel):
    """The decision on a complaint at one level (quyết định giải quyết khiếu nại lần đầu / lần hai), generated as
    .docx."""

    entry = models.ForeignKey(FeedbackEntry, on_delete=models.PROTECT, related_name="decisions")
    level = models.PositiveSmallIntegerField(_("cấp giải quyết"), choices=Level.choices)
    decision_code = models.CharField(_("số, ký hiệu"), max_length=40, blank=True)
    decided_on = models.DateField(_("ngày quyết định"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ký")
    )
    result = models.CharField(_("kết luận"), max_length=10, choices=DecisionResult.choices)
    reasoning = models.TextField(_("nội dung giải quyết"))
    late = models.BooleanField(_("quá hạn"), default=False)

    class Meta:
        ordering = ["entry", "level"]
        verbose_name = _("quyết định giải quyết khiếu nại")
        verbose_name_plural = _("quyết định giải quyết khiếu nại")
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "level"],
                name="feedback_decision_unique_level",
                violation_error_message=_("Khiếu nại đã có quyết định ở cấp này."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.entry} – {self.get_level_display()}"
