"""Training and conferences (tập huấn, hội nghị) with each participant's hours and certificate, the yearly training
requirement of legal aid officers (TT 12/2018/TT-BTP Art. 4: a ``LegalParameter``), and the roster of court duty
(trực tại tòa, điểm cầu phiên tòa trực tuyến) with the people helped during duty."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel
from legalaid.core.scoping import ScopedQuerySet
from legalaid.lib.uploads import RandomName

from .choices import DutyPlaceKind, DutySession, EventForm, EventKind, HelpKind


class _CentreWideQuerySet(ScopedQuerySet):
    """Records of the Centre that its branches share: branch staff see their branch's and the head office's (a
    training the Centre organises, the Centre's roster), never another branch's."""

    scope_centre_field = "centre"
    scope_branch_field = "branch"

    def visible_to(self, user):
        scope = self._scope(user)
        if scope.branch_id and not scope.sees_everything and not scope.assigned_only:
            return self.filter(**{f"{self.scope_centre_field}__in": scope.centre_ids}).filter(
                Q(**{self.scope_branch_field: scope.branch_id}) | Q(**{f"{self.scope_branch_field}__isnull": True})
            )
        return super().visible_to(user)


class TrainingEventQuerySet(_CentreWideQuerySet):
    def assigned_q(self, user) -> Q | None:
        """A lawyer or collaborator sees the events they took part in (a subquery: one row per event)."""
        if not getattr(user, "pk", None):
            return None
        return Q(pk__in=Participation.objects.filter(provider__user_id=user.pk).values("event_id"))


class TrainingEvent(TimeStampedModel):
    """A training course, conference or workshop that the Centre organised or sent its people to."""

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
        help_text=_("Để trống nếu do trụ sở Trung tâm ghi nhận."),
    )
    kind = models.CharField(_("loại"), max_length=16, choices=EventKind.choices, default=EventKind.ORGANISED)
    form = models.CharField(_("hình thức"), max_length=16, choices=EventForm.choices, default=EventForm.TRAINING)
    topic = models.CharField(_("chủ đề, nội dung"), max_length=255)
    starts_on = models.DateField(_("từ ngày"), db_index=True)
    ends_on = models.DateField(_("đến ngày"), db_index=True)
    organiser = models.CharField(
        _("đơn vị tổ chức"), max_length=255, help_text=_("Ví dụ: Trung tâm TGPL tỉnh, Cục PBGDPL và TGPL.")
    )
    location = models.CharField(_("địa điểm"), max_length=255, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi nhận")
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = TrainingEventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("tập huấn, hội nghị")
        verbose_name_plural = _("tập huấn, hội nghị")
        indexes = [models.Index(fields=["centre", "-ends_on"], name="training_event_centre_end_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="training_event_date_range",
                violation_error_message=_("Ngày kết thúc phải từ ngày bắt đầu trở đi."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic} ({self.starts_on:%d/%m/%Y})"

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1


class ParticipationQuerySet(_CentreWideQuerySet):
    scope_centre_field = "event__centre"
    scope_branch_field = "event__branch"

    def assigned_q(self, user) -> Q | None:
        return Q(provider__user_id=user.pk) if getattr(user, "pk", None) else None


class Participation(TimeStampedModel):
    """One person's attendance at a training event: the hours that count towards the yearly requirement and the
    certificate, if one was given."""

    event = models.ForeignKey(
        TrainingEvent, on_delete=models.CASCADE, related_name="participations", verbose_name=_("tập huấn, hội nghị")
    )
    provider = models.ForeignKey(
        "providers.Provider",
        on_delete=models.PROTECT,
        related_name="training_participations",
        verbose_name=_("người tham dự"),
    )
    hours = models.DecimalField(_("số giờ tham dự"), max_digits=5, decimal_places=1)
    certificate_number = models.CharField(_("số giấy chứng nhận"), max_length=60, blank=True)
    certificate_date = models.DateField(_("ngày cấp giấy chứng nhận"), null=True, blank=True)
    certificate_file = models.FileField(
        _("tệp giấy chứng nhận"), upload_to=RandomName("training/certificates"), max_length=255, blank=True
    )
    certificate_name = models.CharField(_("tên tệp"), max_length=255, blank=True, editable=False)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        ordering = ["event", "provider__full_name", "id"]
        verbose_name = _("người tham dự tập huấn")
        verbose_name_plural = _("người tham dự tập huấn")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "provider"],
                name="training_participation_unique",
                violation_error_message=_("Người này đã có trong danh sách tham dự."),
            ),
            models.CheckConstraint(
                condition=Q(hours__gt=0),
                name="training_participation_hours_positive",
                violation_error_message=_("Số giờ tham dự phải lớn hơn 0."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider} – {self.event}: {self.hours}"

    @property
    def centre_id(self):
        """The event's Centre: the tenant of the audit and access-log rows."""
        return self.event.centre_id


# --- Court duty --------------------------------------------------------------------------------------------------


class DutySlotQuerySet(_CentreWideQuerySet):
    def assigned_q(self, user) -> Q | None:
        """A lawyer or collaborator sees their own duty."""
        return Q(provider__user_id=user.pk) if getattr(user, "pk", None) else None


class DutySlot(TimeStampedModel):
    """One provider on duty at a court or an online hearing point, on a day, in the morning or the afternoon."""

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
    date = models.DateField(_("ngày trực"), db_index=True)
    session = models.CharField(_("buổi"), max_length=10, choices=DutySession.choices)
    place_kind = models.CharField(_("hình thức trực"), max_length=16, choices=DutyPlaceKind.choices)
    court = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("tòa án"),
        limit_choices_to={"kind": "agency", "agency_type": "court"},
    )
    location = models.CharField(
        _("địa điểm trực"),
        max_length=255,
        blank=True,
        help_text=_("Phòng trực tại tòa, hoặc nơi đặt điểm cầu trực tuyến (bắt buộc với điểm cầu)."),
    )
    provider = models.ForeignKey(
        "providers.Provider", on_delete=models.PROTECT, related_name="duty_slots", verbose_name=_("người trực")
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người xếp lịch")
    )

    objects = DutySlotQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "session", "id"]
        verbose_name = _("lịch trực tại tòa")
        verbose_name_plural = _("lịch trực tại tòa")
        indexes = [models.Index(fields=["centre", "-date"], name="training_duty_centre_date_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "date", "session"],
                name="training_duty_one_slot_per_session",
                violation_error_message=_("Người này đã được xếp lịch trực vào buổi này."),
            ),
            models.CheckConstraint(
                condition=~Q(place_kind=DutyPlaceKind.ONLINE_POINT) | ~Q(location=""),
                name="training_duty_online_point_location",
                violation_error_message=_("Hãy ghi nơi đặt điểm cầu trực tuyến."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.get_session_display()} – {self.court} – {self.provider}"


class DutyHelpQuerySet(_CentreWideQuerySet):
    scope_centre_field = "slot__centre"
    scope_branch_field = "slot__branch"

    def assigned_q(self, user) -> Q | None:
        return Q(slot__provider__user_id=user.pk) if getattr(user, "pk", None) else None


class DutyHelp(TimeStampedModel):
    """A person helped during a duty: recorded in intake as a simple matter (answered at once) or as a new request;
    this row only links it to the duty."""

    slot = models.ForeignKey(DutySlot, on_delete=models.PROTECT, related_name="helps", verbose_name=_("buổi trực"))
    kind = models.CharField(_("hình thức ghi nhận"), max_length=16, choices=HelpKind.choices)
    simple_matter = models.OneToOneField(
        "intake.SimpleMatter",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duty_help",
        verbose_name=_("việc trợ giúp pháp lý"),
    )
    request = models.OneToOneField(
        "intake.LegalAidRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duty_help",
        verbose_name=_("yêu cầu trợ giúp pháp lý"),
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("người được giúp")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi nhận")
    )

    objects = DutyHelpQuerySet.as_manager()

    class Meta:
        ordering = ["slot", "id"]
        verbose_name = _("người được giúp khi trực")
        verbose_name_plural = _("người được giúp khi trực")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind=HelpKind.SIMPLE_MATTER) & Q(simple_matter__isnull=False) & Q(request__isnull=True))
                | (Q(kind=HelpKind.REQUEST) & Q(request__isnull=False) & Q(simple_matter__isnull=True)),
                name="training_dutyhelp_one_record",
                violation_error_message=_("Mỗi lượt giúp ghi nhận đúng một việc hoặc một yêu cầu."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.slot} – {self.get_kind_display()}"

    @property
    def centre_id(self):
        return self.slot.centre_id
