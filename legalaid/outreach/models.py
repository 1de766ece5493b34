"""Outreach about legal aid (truyền thông về trợ giúp pháp lý), the requests received at mobile sessions (trợ giúp
pháp lý lưu động), yearly targets of a unit, and hotline calls (đường dây nóng). See docs/outreach.md.

Whether a commune was especially difficult, an ethnic-minority area or coastal is never copied here: it is the
commune's dated ``CommuneFlag`` on the session's date (``selectors.flag_on_date``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel
from legalaid.core.scoping import ScopedQuerySet
from legalaid.lib.uploads import RandomName
from legalaid.plans.choices import Comparison

from .choices import CallerType, CallOutcome, EntryStatus, OutreachForm, TargetMeasure

AUDIENCE_PARTS = ("audience_women", "audience_ethnic_minority", "audience_disabled", "audience_children")


class UnitQuerySet(ScopedQuerySet):
    """A record of a Centre, held by its head office or one of its branches."""

    scope_branch_field = "branch"


class OutreachSession(TimeStampedModel):
    """One outreach session ("lượt truyền thông"): a meeting in a village, a radio programme, a mobile legal aid
    session... with its audience."""

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
    date = models.DateField(_("ngày"))
    form = models.CharField(_("hình thức"), max_length=20, choices=OutreachForm.choices)
    commune = models.ForeignKey(
        "core.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("xã, phường, đặc khu"),
    )
    place = models.CharField(_("địa điểm (thôn, bản, trường...)"), max_length=255, blank=True)
    topic = models.CharField(_("nội dung, chủ đề"), max_length=500)
    languages = models.ManyToManyField(
        "providers.Language", blank=True, related_name="+", verbose_name=_("ngôn ngữ sử dụng")
    )
    audience_total = models.PositiveIntegerField(_("tổng số người tham dự"), default=0)
    audience_women = models.PositiveIntegerField(_("trong đó: nữ"), default=0)
    audience_ethnic_minority = models.PositiveIntegerField(_("trong đó: người dân tộc thiểu số"), default=0)
    audience_disabled = models.PositiveIntegerField(_("trong đó: người khuyết tật"), default=0)
    audience_children = models.PositiveIntegerField(_("trong đó: trẻ em"), default=0)
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người chủ trì"),
    )
    partners = models.CharField(_("đơn vị phối hợp"), max_length=500, blank=True)
    materials = models.TextField(_("tài liệu sử dụng, phát hành"), blank=True)
    cost = models.DecimalField(_("kinh phí (đồng)"), max_digits=14, decimal_places=0, default=0)
    notes = models.TextField(_("ghi chú"), blank=True)
    #: The key the offline page gave the session on the device: sending it twice finds the same row.
    client_key = models.UUIDField(_("mã trên thiết bị"), null=True, blank=True, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người nhập")
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("lượt truyền thông về trợ giúp pháp lý")
        verbose_name_plural = _("lượt truyền thông về trợ giúp pháp lý")
        indexes = [
            models.Index(fields=["centre", "-date"], name="outreach_session_centre_idx"),
            models.Index(fields=["branch", "-date"], name="outreach_session_branch_idx"),
        ]
        constraints = [
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{part}__lte": F("audience_total")}),
                    name=f"outreach_session_{part}_le_total",
                    violation_error_message=_("Số người của một nhóm không được lớn hơn tổng số người tham dự."),
                )
                for part in AUDIENCE_PARTS
            ],
            models.CheckConstraint(
                condition=Q(cost__gte=0),
                name="outreach_session_cost_not_negative",
                violation_error_message=_("Kinh phí không được âm."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_form_display()} {self.date:%d/%m/%Y}"

    @property
    def unit(self):
        return self.branch or self.centre


class SessionPhoto(TimeStampedModel):
    """A photo of a session, checked on upload (``legalaid.lib.uploads``), served only through the download view."""

    session = models.ForeignKey(
        OutreachSession, on_delete=models.CASCADE, related_name="photos", verbose_name=_("lượt truyền thông")
    )
    file = models.FileField(_("ảnh"), upload_to=RandomName("outreach/photos"), max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tải lên")
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("ảnh buổi truyền thông")
        verbose_name_plural = _("ảnh buổi truyền thông")

    def __str__(self) -> str:
        return self.original_name


class OutreachTarget(TimeStampedModel):
    """A unit's yearly target ("truyền thông ... đạt trên 50 lượt tại các xã, thôn, bản đặc biệt khó khăn", Lạng Sơn
    2020 plan, task 3). ``branch`` empty: the whole Centre."""

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
    measure = models.CharField(_("chỉ tiêu"), max_length=30, choices=TargetMeasure.choices)
    comparison = models.CharField(_("so sánh"), max_length=2, choices=Comparison.choices, default=Comparison.AT_LEAST)
    value = models.PositiveIntegerField(_("giá trị"))
    source = models.CharField(_("căn cứ (kế hoạch số...)"), max_length=255, blank=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "measure", "pk"]
        verbose_name = _("chỉ tiêu truyền thông của năm")
        verbose_name_plural = _("chỉ tiêu truyền thông của năm")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "year", "measure"],
                condition=Q(branch__isnull=True),
                name="outreach_target_unique_centre",
                violation_error_message=_("Đơn vị đã có chỉ tiêu này cho năm này."),
            ),
            models.UniqueConstraint(
                fields=["branch", "year", "measure"],
                condition=Q(branch__isnull=False),
                name="outreach_target_unique_branch",
                violation_error_message=_("Đơn vị đã có chỉ tiêu này cho năm này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_measure_display()} {self.year}: {self.get_comparison_display()} {self.value}"

    @property
    def unit(self):
        return self.branch or self.centre


class EntryQuerySet(ScopedQuerySet):
    scope_centre_field = "session__centre"
    scope_branch_field = "session__branch"


class MobileEntry(TimeStampedModel):
    """A request typed on a device during a mobile session and sent when the connection came back.

    ``client_key`` (the device's random key, unique) makes a second sending find this row instead of creating a second
    request. While a likely duplicate person waits for staff's decision, ``request`` is empty and ``payload`` keeps
    what was typed."""

    session = models.ForeignKey(
        OutreachSession, on_delete=models.PROTECT, related_name="entries", verbose_name=_("buổi lưu động")
    )
    client_key = models.UUIDField(_("mã trên thiết bị"), unique=True, editable=False)
    payload = models.JSONField(_("thông tin đã nhập"), default=dict)
    status = models.CharField(_("trạng thái"), max_length=20, choices=EntryStatus.choices)
    request = models.OneToOneField(
        "intake.LegalAidRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mobile_entry",
        verbose_name=_("yêu cầu"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người nhập")
    )

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("yêu cầu nhận tại buổi lưu động")
        verbose_name_plural = _("yêu cầu nhận tại buổi lưu động")

    def __str__(self) -> str:
        return str(self.client_key)


class HotlineCall(TimeStampedModel):
    """A call to the legal aid hotline: who called, about what, and what was done (an answer, a request received,
    or an entry in the register of feedback and complaints)."""

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
    called_at = models.DateTimeField(_("thời điểm gọi"))
    caller_type = models.CharField(_("người gọi là"), max_length=20, choices=CallerType.choices)
    caller_name = models.CharField(_("tên người gọi"), max_length=120, blank=True)
    caller_phone = models.CharField(_("số điện thoại người gọi"), max_length=40, blank=True)
    topic = models.CharField(_("nội dung hỏi"), max_length=500)
    field_of_law = models.ForeignKey(
        "intake.FieldOfLaw", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("lĩnh vực")
    )
    answer = models.TextField(_("nội dung trả lời, hướng dẫn"), blank=True)
    outcome = models.CharField(_("kết quả"), max_length=20, choices=CallOutcome.choices)
    request = models.OneToOneField(
        "intake.LegalAidRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hotline_call",
        verbose_name=_("yêu cầu trợ giúp pháp lý"),
    )
    feedback_entry = models.OneToOneField(
        "feedback.FeedbackEntry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hotline_call",
        verbose_name=_("phản ánh, khiếu nại"),
    )
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người nghe")
    )

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["-called_at", "-pk"]
        verbose_name = _("cuộc gọi đường dây nóng")
        verbose_name_plural = _("cuộc gọi đường dây nóng")
        indexes = [models.Index(fields=["centre", "-called_at"], name="outreach_call_centre_idx")]

    def __str__(self) -> str:
        return f"{self.called_at:%d/%m/%Y %H:%M}"
