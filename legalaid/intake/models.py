"""Requests for legal aid, referrals, decisions on them, and the registers that number accepted cases."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel
from legalaid.core.scoping import ScopedQuerySet
from legalaid.intake.choices import (
    Channel,
    DecisionKind,
    ProceduralStatus,
    RefusalGround,
    RegisterKind,
    Relationship,
    RequestStatus,
    UrgencyReason,
)


class FieldOfLaw(models.Model):
    """A field of law (lĩnh vực). Business and commerce are outside legal aid (Law Art. 27)."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    in_scope = models.BooleanField(_("thuộc phạm vi trợ giúp pháp lý"), default=True)
    reference = models.CharField(_("căn cứ"), max_length=120, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("lĩnh vực pháp luật")
        verbose_name_plural = _("lĩnh vực pháp luật")

    def __str__(self) -> str:
        return self.name


class FormOfAid(models.Model):
    """A form of legal aid (Law Art. 27) with the abbreviation used in case codes (TT 12/2018 Art. 11(1))."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    register_code = models.CharField(
        _("ký hiệu trong mã hồ sơ"), max_length=10, help_text=_("Ví dụ: TV (tư vấn), TGTT (tham gia tố tụng).")
    )
    reference = models.CharField(_("căn cứ"), max_length=120, blank=True)
    confirmed = models.BooleanField(_("ký hiệu đã xác nhận theo văn bản"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("hình thức trợ giúp pháp lý")
        verbose_name_plural = _("hình thức trợ giúp pháp lý")

    def __str__(self) -> str:
        return self.name


class RequestQuerySet(ScopedQuerySet):
    scope_centre_field = "centre"
    scope_branch_field = "branch"

    def assigned_q(self, user) -> Q | None:
        """A lawyer or collaborator sees the requests of the cases assigned to them (``granting_access``: an active
        assignment, or one that ended with the case); a referring agency's officer sees the requests their agency
        referred (Law Art. 31(3)), and only those."""
        from legalaid.core.choices import Role
        from legalaid.providers.models import Assignment

        if user.role == Role.AGENCY_OFFICER:
            return Q(referral__agency_id=user.organisation_id) if user.organisation_id else None
        return Q(pk__in=Assignment.objects.granting_access(user).values("case__request_id"))

    def overdue(self, now: dt.datetime | None = None):
        today = timezone.localdate(now) if now else timezone.localdate()
        return self.filter(status=RequestStatus.AWAITING_PAPERS, papers_due_on__lt=today)


class LegalAidRequest(TimeStampedModel):
    """A request for legal aid (yêu cầu TGPL, form 02-TP-TGPL) as received, before and after the decision."""

    centre = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("Trung tâm")
    )
    branch = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Chi nhánh tiếp nhận"),
    )
    channel = models.CharField(_("hình thức tiếp nhận"), max_length=20, choices=Channel.choices)
    received_at = models.DateTimeField(_("thời điểm tiếp nhận"), default=timezone.now)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tiếp nhận")
    )
    requester = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="requests_made", verbose_name=_("người yêu cầu")
    )
    beneficiary = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="requests", verbose_name=_("người được trợ giúp")
    )
    relationship = models.CharField(
        _("quan hệ của người yêu cầu với người được trợ giúp"),
        max_length=20,
        choices=Relationship.choices,
        default=Relationship.SELF,
    )
    field_of_law = models.ForeignKey(FieldOfLaw, on_delete=models.PROTECT, verbose_name=_("lĩnh vực"))
    desired_form = models.ForeignKey(FormOfAid, on_delete=models.PROTECT, verbose_name=_("hình thức trợ giúp đề nghị"))
    summary = models.TextField(_("tóm tắt nội dung vụ việc"))
    categories = models.ManyToManyField(
        "eligibility.Category", blank=True, related_name="+", verbose_name=_("diện người được trợ giúp")
    )
    eligibility_facts = models.JSONField(_("thông tin xác định diện"), default=dict, blank=True)
    papers_received = models.JSONField(_("giấy tờ đã nhận"), default=list, blank=True)
    # Matter identity, used for conflicts of interest (Law Art. 25(2)(a)).
    counterpart_name = models.CharField(_("bên có quyền lợi đối lập"), max_length=255, blank=True)
    counterpart_key = models.CharField(max_length=255, blank=True, editable=False, db_index=True)
    other_party = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opposed_in",
        verbose_name=_("bên đối lập (nếu đã có trong hệ thống)"),
    )
    court_case_reference = models.CharField(_("số thụ lý / số vụ án của cơ quan tố tụng"), max_length=120, blank=True)
    # Urgency facts (Law Art. 30(4); TT 12/2018 Art. 6).
    limitation_ends_on = models.DateField(_("ngày hết thời hiệu"), null=True, blank=True)
    trial_date = models.DateField(_("ngày xét xử"), null=True, blank=True)
    court_appointed = models.BooleanField(_("bào chữa chỉ định / cơ quan tố tụng thông báo"), default=False)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.RECEIVED, db_index=True
    )
    papers_due_on = models.DateField(_("hạn bổ sung giấy tờ"), null=True, blank=True, db_index=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = RequestQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("yêu cầu trợ giúp pháp lý")
        verbose_name_plural = _("yêu cầu trợ giúp pháp lý")
        indexes = [
            models.Index(fields=["centre", "-received_at"], name="intake_req_centre_recv_idx"),
            models.Index(fields=["centre", "status", "-received_at"], name="intake_req_centre_status_idx"),
            models.Index(fields=["branch", "-received_at"], name="intake_req_branch_recv_idx"),
            models.Index(fields=["centre", "court_case_reference"], name="intake_req_court_ref_idx"),
            # The overdue papers (selectors.overdue_requests_q): only requests still waiting on papers or accepted
            # ahead of them are in this index (issue 11, docs/performance.md).
            models.Index(
                fields=["papers_due_on"],
                condition=models.Q(
                    status__in=[RequestStatus.AWAITING_PAPERS, RequestStatus.ACCEPTED], papers_due_on__isnull=False
                ),
                name="intake_req_papers_open_idx",
            ),
        ]

    def __str__(self) -> str:
        return _("Yêu cầu số %(id)s") % {"id": self.pk}

    is_sensitive = True

    @property
    def receiving_unit(self):
        return self.branch or self.centre


class Referral(TimeStampedModel):
    """A request forwarded by an investigation body, procuracy or court (Law Art. 31(3); TTLT 10/2018)."""

    request = models.OneToOneField(
        LegalAidRequest, on_delete=models.CASCADE, related_name="referral", verbose_name=_("yêu cầu")
    )
    agency = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan chuyển"),
        limit_choices_to={"kind": "agency"},
    )
    officer_name = models.CharField(_("người tiến hành tố tụng"), max_length=120, blank=True)
    referral_number = models.CharField(_("số văn bản"), max_length=60, blank=True)
    referral_date = models.DateField(_("ngày văn bản"), null=True, blank=True)
    procedural_status = models.CharField(
        _("tư cách tố tụng của người được trợ giúp"), max_length=16, choices=ProceduralStatus.choices
    )
    requested_at_agency = models.DateTimeField(
        _("thời điểm người đó yêu cầu tại cơ quan"),
        help_text=_(
            "Điều 31(3): cơ quan thông báo cho Trung tâm trong 12 giờ (người bị bắt, tạm giữ) hoặc 24 giờ "
            "(bị can, bị cáo, bị hại) kể từ thời điểm này."
        ),
    )
    notify_hours = models.PositiveSmallIntegerField(_("thời hạn thông báo (giờ)"), editable=False)
    notify_due_at = models.DateTimeField(_("hạn thông báo"), editable=False)

    class Meta:
        ordering = ["-requested_at_agency"]
        verbose_name = _("văn bản chuyển yêu cầu")
        verbose_name_plural = _("văn bản chuyển yêu cầu")

    def __str__(self) -> str:
        return f"{self.agency} {self.referral_number}".strip()

    @property
    def notified_late(self) -> bool:
        return self.request.received_at > self.notify_due_at


class RequestDecision(TimeStampedModel):
    """One decision on a request: accept, accept immediately, ask for papers, refuse (Art. 30(3)), transfer."""

    request = models.ForeignKey(
        LegalAidRequest, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("yêu cầu")
    )
    kind = models.CharField(_("quyết định"), max_length=20, choices=DecisionKind.choices)
    decided_at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người quyết định")
    )
    refusal_ground = models.CharField(_("lý do từ chối"), max_length=8, choices=RefusalGround.choices, blank=True)
    urgency_reason = models.CharField(_("căn cứ thụ lý ngay"), max_length=20, choices=UrgencyReason.choices, blank=True)
    missing_papers = models.JSONField(_("giấy tờ còn thiếu"), default=list, blank=True)
    papers_due_on = models.DateField(_("hạn bổ sung"), null=True, blank=True)
    transfer_to = models.CharField(_("chuyển đến"), max_length=255, blank=True)
    conflict_note = models.TextField(_("ý kiến về xung đột quyền lợi"), blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["decided_at", "id"]
        verbose_name = _("quyết định về yêu cầu")
        verbose_name_plural = _("quyết định về yêu cầu")
        # The reports' "refused in the period" (reports.facts._refused): the decisions of a kind within dates, read
        # by this index rather than every decision of the deployment (issue 11, the plan guard).
        indexes = [models.Index(fields=["kind", "decided_at"], name="intake_decision_kind_at_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=DecisionKind.REFUSE) | ~Q(refusal_ground=""),
                name="intake_decision_refusal_has_ground",
                violation_error_message=_("Từ chối phải nêu một trong các lý do của Điều 30(3)."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.decided_at:%d/%m/%Y})"


class Register(models.Model):
    """A numbered book of one organisation (the Centre or a branch) for one year (TT 12/2018 Art. 5; Mẫu 01)."""

    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="registers", verbose_name=_("đơn vị")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    kind = models.CharField(_("loại sổ"), max_length=10, choices=RegisterKind.choices)
    last_number = models.PositiveIntegerField(_("số cuối đã cấp"), default=0)

    class Meta:
        ordering = ["-year", "organisation"]
        verbose_name = _("sổ")
        verbose_name_plural = _("sổ")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "kind"],
                name="intake_register_unique_org_year_kind",
                violation_error_message=_("Đơn vị đã có sổ này cho năm đó."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.organisation} – {self.year}"


class SimpleMatterQuerySet(ScopedQuerySet):
    """Simple matters are the Centre's staff's own book: nothing is assigned to lawyers or collaborators."""

    scope_centre_field = "centre"
    scope_branch_field = "branch"


class SimpleMatter(TimeStampedModel):
    """A simple question answered at once, with no case file (việc TGPL; Law Art. 32(2)); its own book."""

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
    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="matters", verbose_name=_("sổ"))
    number = models.PositiveIntegerField(_("số thứ tự"))
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="simple_matters", verbose_name=_("người hỏi")
    )
    field_of_law = models.ForeignKey(FieldOfLaw, on_delete=models.PROTECT, verbose_name=_("lĩnh vực"))
    question = models.TextField(_("nội dung hỏi"))
    answer = models.TextField(_("nội dung trả lời"))
    answered_at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người trả lời")
    )
    channel = models.CharField(_("hình thức"), max_length=20, choices=Channel.choices)

    objects = SimpleMatterQuerySet.as_manager()

    class Meta:
        ordering = ["-answered_at", "-id"]
        verbose_name = _("việc trợ giúp pháp lý")
        verbose_name_plural = _("việc trợ giúp pháp lý")
        constraints = [
            models.UniqueConstraint(fields=["register", "number"], name="intake_matter_unique_register_number"),
        ]

    def __str__(self) -> str:
        return f"{self.register.organisation.code or ''} {self.number}/{self.register.year}"
