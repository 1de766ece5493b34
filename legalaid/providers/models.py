"""Providers of legal aid (Law Art. 17), their cards, contracts, languages and yearly litigation quotas, and the
assignment of a provider to a case by a numbered decision (quyết định cử / thay đổi người thực hiện TGPL)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel
from legalaid.core.scoping import ScopedQuerySet
from legalaid.lib.text import fold

from .choices import AssignmentEnd, AssignmentKind, ChangeApplicationStatus, ChangeGround, ProviderKind


class Language(models.Model):
    """A language a provider speaks with beneficiaries: Vietnamese, an ethnic language, sign language..."""

    code = models.CharField(_("mã"), max_length=20, unique=True)
    name = models.CharField(_("tên"), max_length=80)
    ethnicity = models.ForeignKey(
        "people.Ethnicity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dân tộc"),
    )
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("ngôn ngữ")
        verbose_name_plural = _("ngôn ngữ")

    def __str__(self) -> str:
        return self.name


class ProviderQuerySet(ScopedQuerySet):
    scope_centre_field = "centre"
    scope_branch_field = "branch"

    def assigned_q(self, user) -> Q | None:
        """A lawyer or collaborator sees their own provider record."""
        return Q(user_id=user.pk) if getattr(user, "pk", None) else None

    def visible_to(self, user):
        """Providers are a resource of the whole Centre: branch staff see their branch's providers and those of the
        head office (whom they may propose for a case), never another branch's."""
        scope = self._scope(user)
        if scope.branch_id and not scope.sees_everything and not scope.assigned_only:
            return self.filter(centre_id__in=scope.centre_ids).filter(
                Q(branch_id=scope.branch_id) | Q(branch__isnull=True)
            )
        return super().visible_to(user)

    def search(self, text: str | None):
        words = fold(text).split()
        qs = self
        for word in words:
            qs = qs.filter(name_key__contains=word)
        return qs


class Provider(TimeStampedModel):
    """A person who performs legal aid (người thực hiện TGPL, Law Art. 17), with the card or certificate that entitles
    them and, for contracted lawyers and collaborators, their contracts (``ProviderContract``)."""

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
        help_text=_("Để trống nếu thuộc trụ sở Trung tâm."),
    )
    kind = models.CharField(_("loại người thực hiện"), max_length=20, choices=ProviderKind.choices, db_index=True)
    full_name = models.CharField(_("họ và tên"), max_length=120)
    name_key = models.CharField(max_length=120, db_index=True, editable=False, default="")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="provider",
        verbose_name=_("tài khoản đăng nhập"),
    )
    partner = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="providers",
        verbose_name=_("tổ chức tham gia trợ giúp pháp lý"),
        limit_choices_to={"kind": "partner"},
        help_text=_("Bắt buộc với luật sư, tư vấn viên của tổ chức ký hợp đồng hoặc đăng ký tham gia (Điều 14, 15)."),
    )
    card_number = models.CharField(
        _("số thẻ / chứng chỉ"),
        max_length=60,
        blank=True,
        help_text=_("Thẻ trợ giúp viên pháp lý, chứng chỉ hành nghề luật sư hoặc thẻ cộng tác viên."),
    )
    card_issued_on = models.DateField(_("ngày cấp"), null=True, blank=True)
    card_valid_until = models.DateField(_("có giá trị đến"), null=True, blank=True)
    fields_of_law = models.ManyToManyField(
        "intake.FieldOfLaw", blank=True, related_name="+", verbose_name=_("lĩnh vực chuyên sâu")
    )
    languages = models.ManyToManyField(Language, blank=True, related_name="providers", verbose_name=_("ngôn ngữ"))
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    is_active = models.BooleanField(_("đang thực hiện trợ giúp pháp lý"), default=True)
    notes = models.TextField(_("ghi chú"), blank=True)

    objects = ProviderQuerySet.as_manager()

    class Meta:
        ordering = ["full_name", "id"]
        verbose_name = _("người thực hiện trợ giúp pháp lý")
        verbose_name_plural = _("người thực hiện trợ giúp pháp lý")
        indexes = [models.Index(fields=["centre", "kind"], name="providers_centre_kind_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(card_valid_until__isnull=True)
                | Q(card_issued_on__isnull=True)
                | Q(card_valid_until__gte=models.F("card_issued_on")),
                name="providers_provider_card_range",
                violation_error_message=_("Ngày hết giá trị của thẻ phải sau ngày cấp."),
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["partner_lawyer", "consultant"]) | Q(partner__isnull=False),
                name="providers_provider_partner_required",
                violation_error_message=_("Luật sư, tư vấn viên của tổ chức tham gia phải ghi rõ tổ chức (Điều 17)."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def unit(self):
        return self.branch or self.centre


class ProviderContract(TimeStampedModel):
    """A contract of a lawyer or collaborator with the Centre (TT 08/2017 Art. 8, 14)."""

    provider = models.ForeignKey(
        Provider, on_delete=models.CASCADE, related_name="contracts", verbose_name=_("người thực hiện")
    )
    number = models.CharField(_("số hợp đồng"), max_length=60)
    signed_on = models.DateField(_("ngày ký"))
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        ordering = ["provider", "-valid_from"]
        verbose_name = _("hợp đồng thực hiện trợ giúp pháp lý")
        verbose_name_plural = _("hợp đồng thực hiện trợ giúp pháp lý")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="providers_contract_valid_range",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} – {self.provider}"

    def in_force_on(self, on_date) -> bool:
        return self.valid_from <= on_date and (self.valid_to is None or on_date <= self.valid_to)


class FormRuleQuerySet(models.QuerySet):
    def on(self, on_date):
        """The rules in force on ``on_date``."""
        return self.filter(valid_from__lte=on_date).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on_date))


class ProviderFormRule(models.Model):
    """Whether a kind of provider may perform a form of aid (Law on Legal Aid 2017 Arts 31-33), with its reference and
    its period of validity. Loaded by a data migration (``reference.FORM_RULES``), edited in the Django admin; a rule
    not read in a published text stays ``confirmed=False``. No rule in force for a pair: no restriction."""

    provider_kind = models.CharField(_("loại người thực hiện"), max_length=20, choices=ProviderKind.choices)
    form_of_aid = models.ForeignKey(
        "intake.FormOfAid", on_delete=models.PROTECT, related_name="+", verbose_name=_("hình thức trợ giúp")
    )
    allowed = models.BooleanField(_("được thực hiện"))
    reference = models.CharField(_("căn cứ"), max_length=255)
    confirmed = models.BooleanField(_("đã xác nhận theo văn bản"), default=False)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    objects = FormRuleQuerySet.as_manager()

    class Meta:
        ordering = ["form_of_aid__sort_order", "provider_kind", "-valid_from"]
        verbose_name = _("quy định người thực hiện theo hình thức trợ giúp")
        verbose_name_plural = _("quy định người thực hiện theo hình thức trợ giúp")
        constraints = [
            models.UniqueConstraint(
                fields=["provider_kind", "form_of_aid", "valid_from"],
                name="providers_formrule_unique",
                violation_error_message=_("Đã có quy định cho loại người thực hiện và hình thức này từ ngày đó."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="providers_formrule_valid_range",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            ),
        ]

    def __str__(self) -> str:
        verdict = _("được thực hiện") if self.allowed else _("không được thực hiện")
        return f"{self.get_provider_kind_display()} – {self.form_of_aid}: {verdict} ({self.reference})"


class LitigationQuota(TimeStampedModel):
    """The number of litigation cases a legal aid officer should handle in a year, as the Centre sets it.

    UNCONFIRMED which text fixes the figure (a Centre's yearly plan, in practice): kept as data per officer and year.
    """

    provider = models.ForeignKey(
        Provider, on_delete=models.CASCADE, related_name="quotas", verbose_name=_("trợ giúp viên pháp lý")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    cases = models.PositiveSmallIntegerField(_("số vụ việc tham gia tố tụng"))
    reference = models.CharField(_("căn cứ"), max_length=255, blank=True)

    class Meta:
        ordering = ["-year", "provider"]
        verbose_name = _("định mức vụ việc tham gia tố tụng")
        verbose_name_plural = _("định mức vụ việc tham gia tố tụng")
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "year"],
                name="providers_quota_unique_year",
                violation_error_message=_("Trợ giúp viên này đã có định mức cho năm đó."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider} – {self.year}: {self.cases}"


class DecisionCounter(models.Model):
    """The last number given to a decision of one issuing unit (Centre or branch) in one year: numbers are never
    repeated nor skipped (the locking pattern of ``legalaid.intake.numbering``)."""

    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    last_number = models.PositiveIntegerField(_("số cuối đã cấp"), default=0)

    class Meta:
        ordering = ["-year", "organisation"]
        verbose_name = _("sổ số quyết định")
        verbose_name_plural = _("sổ số quyết định")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"],
                name="providers_decisioncounter_unique",
                violation_error_message=_("Đơn vị đã có sổ số quyết định cho năm đó."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.year}: {self.last_number}"


class AssignmentQuerySet(ScopedQuerySet):
    scope_centre_field = "case__centre"
    scope_branch_field = "case__branch"

    def assigned_q(self, user) -> Q | None:
        return Q(provider__user_id=user.pk) if getattr(user, "pk", None) else None

    def active(self):
        return self.filter(is_active=True)

    def of_record(self):
        """The case's providers: those working on it now, and those who were when it ended (``end_reason``
        "case_ended"); not one replaced by a change decision."""
        return self.filter(Q(is_active=True) | Q(end_reason=AssignmentEnd.CASE_ENDED))

    def granting_access(self, user):
        """The assignments that let ``user`` (a lawyer or collaborator) read a case: the active ones, and those that
        ended because the case ended (completion, discontinuation, archiving), so that the provider still reads the
        cases they worked on and hands the file over (Law Art. 39). One ended by a change of provider grants
        nothing: the replaced provider no longer sees the case."""
        return self.of_record().filter(provider__user_id=user.pk)


class Assignment(TimeStampedModel):
    """A provider assigned to a case by a decision (quyết định cử người thực hiện TGPL), or put in the place of another
    (quyết định thay đổi người thực hiện TGPL, TT 12/2018 Art. 11; DOMAIN 1.8). Both decisions are kept in the case
    file (TT 12/2018 Art. 11(2)(b))."""

    case = models.ForeignKey(
        "cases.LegalAidCase", on_delete=models.PROTECT, related_name="assignments", verbose_name=_("vụ việc")
    )
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("người thực hiện")
    )
    kind = models.CharField(_("loại quyết định"), max_length=10, choices=AssignmentKind.choices)
    issuer = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị ra quyết định")
    )
    decision_year = models.PositiveSmallIntegerField(_("năm"))
    decision_number = models.PositiveIntegerField(_("số quyết định"))
    decision_code = models.CharField(_("số, ký hiệu quyết định"), max_length=40)
    decision_date = models.DateField(_("ngày quyết định"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ký")
    )
    is_active = models.BooleanField(_("đang thực hiện"), default=True)
    started_on = models.DateField(_("bắt đầu"))
    ended_on = models.DateField(_("kết thúc"), null=True, blank=True)
    end_reason = models.CharField(_("lý do kết thúc"), max_length=12, choices=AssignmentEnd.choices, blank=True)
    # A change of provider (DOMAIN 1.8): the beneficiary's application, its reason, and the 3-working-day deadline.
    replaces = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("thay cho"),
    )
    change_reason = models.TextField(_("lý do thay đổi"), blank=True)
    change_requested_on = models.DateField(_("ngày nhận đề nghị thay đổi"), null=True, blank=True)
    change_due_on = models.DateField(_("hạn giải quyết"), null=True, blank=True)
    change_late = models.BooleanField(_("giải quyết quá hạn"), default=False)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["case", "-decision_date", "-id"]
        verbose_name = _("quyết định cử người thực hiện")
        verbose_name_plural = _("quyết định cử người thực hiện")
        indexes = [
            models.Index(fields=["provider", "is_active"], name="providers_asg_provider_idx"),
            models.Index(fields=["case", "is_active"], name="providers_asg_case_idx"),
            # The quota panel of the home page: a provider's assignments of a year (issue 11 item 4).
            models.Index(fields=["provider", "decision_year"], name="providers_asg_year_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "decision_year", "decision_number"],
                name="providers_assignment_unique_number",
                violation_error_message=_("Số quyết định này đã được cấp."),
            ),
            models.UniqueConstraint(
                fields=["case", "provider"],
                condition=Q(is_active=True),
                name="providers_assignment_one_active",
                violation_error_message=_("Người này đang được cử thực hiện vụ việc."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="change") | ~Q(change_reason=""),
                name="providers_assignment_change_reason",
                violation_error_message=_("Quyết định thay đổi người thực hiện phải nêu lý do."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.decision_code} – {self.provider}"


class ChangeApplicationQuerySet(ScopedQuerySet):
    """Applications are read by the Centre's staff of the case's unit; a lawyer or collaborator sees none (the
    application may be against them: they learn of it by the decision)."""

    scope_centre_field = "case__centre"
    scope_branch_field = "case__branch"

    def pending(self):
        return self.filter(status=ChangeApplicationStatus.PENDING)


class ChangeApplication(TimeStampedModel):
    """A beneficiary's application to change the provider (đơn đề nghị thay đổi người thực hiện trợ giúp pháp lý,
    form of TT 10/2023), received by the Centre or branch. DOMAIN 1.8 (Law Art. 25(1)-(2); TT 12/2018 Art. 11):
    within 03 working days (``providers.change_provider_working_days``) the organisation answers in writing with
    reasons and, if the ground holds, assigns another provider by a change decision (``granted``, the ``Assignment``
    made by ``case_change_provider``); otherwise it refuses with its reasons (``rejected``)."""

    case = models.ForeignKey(
        "cases.LegalAidCase", on_delete=models.PROTECT, related_name="change_applications", verbose_name=_("vụ việc")
    )
    assignment = models.ForeignKey(
        Assignment,
        on_delete=models.PROTECT,
        related_name="change_applications",
        verbose_name=_("người thực hiện đề nghị thay"),
    )
    received_on = models.DateField(_("ngày nhận đơn"))
    applicant = models.CharField(
        _("người đề nghị"), max_length=200, help_text=_("Người được trợ giúp pháp lý hoặc người đại diện của họ.")
    )
    ground = models.CharField(_("căn cứ đề nghị"), max_length=12, choices=ChangeGround.choices)
    ground_text = models.TextField(_("lý do nêu trong đơn"))
    due_on = models.DateField(_("hạn trả lời"))
    status = models.CharField(
        _("tình trạng"),
        max_length=10,
        choices=ChangeApplicationStatus.choices,
        default=ChangeApplicationStatus.PENDING,
        db_index=True,
    )
    decision = models.OneToOneField(
        Assignment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="change_application",
        verbose_name=_("quyết định thay đổi người thực hiện"),
    )
    reject_reasons = models.TextField(_("lý do từ chối"), blank=True)
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    answered_late = models.BooleanField(_("trả lời quá hạn"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ghi nhận")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người giải quyết"),
    )
    version = models.PositiveIntegerField(default=1)

    objects = ChangeApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("đề nghị thay đổi người thực hiện")
        verbose_name_plural = _("đề nghị thay đổi người thực hiện")
        indexes = [models.Index(fields=["status", "due_on"], name="providers_changeapp_due_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment"],
                condition=Q(status="pending"),
                name="providers_changeapp_one_pending",
                violation_error_message=_("Đã có đề nghị thay đổi người thực hiện này đang chờ giải quyết."),
            ),
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("received_on")),
                name="providers_changeapp_due_after_received",
                violation_error_message=_("Hạn trả lời phải sau ngày nhận đơn."),
            ),
            models.CheckConstraint(
                condition=~Q(ground_text=""),
                name="providers_changeapp_ground_text",
                violation_error_message=_("Hãy ghi lý do nêu trong đơn."),
            ),
            models.CheckConstraint(
                condition=~Q(status="granted") | Q(decision__isnull=False),
                name="providers_changeapp_granted_decision",
                violation_error_message=_("Đề nghị được chấp nhận phải có quyết định thay đổi người thực hiện."),
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(reject_reasons=""),
                name="providers_changeapp_rejected_reasons",
                violation_error_message=_("Từ chối đề nghị phải nêu rõ lý do."),
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | (Q(answered_on__isnull=False) & Q(decided_by__isnull=False)),
                name="providers_changeapp_answered",
                violation_error_message=_("Đề nghị đã giải quyết phải có ngày trả lời và người giải quyết."),
            ),
        ]

    def __str__(self) -> str:
        return _("Đề nghị thay đổi người thực hiện ngày %(day)s") % {"day": self.received_on.strftime("%d/%m/%Y")}
