"""Rates as dated data (the base salary and the coefficients of Decree 144/2017 Art. 13), the payments of providers
for their cases, and the decisions that unblock a case whose appraisal was not satisfactory."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel
from legalaid.core.scoping import ScopedQuerySet
from legalaid.providers.choices import ProviderKind

from .choices import STATUS_TONES, DecisionOutcome, Payer, PaymentMethod, PaymentStatus


class BaseSalary(TimeStampedModel):
    """The base salary (lương cơ sở) from ``valid_from`` until the day before the next row starts (DOMAIN 4).

    A government decree sets it, always from the first day of a month (01/07 so far). Loaded from 2018 by a data
    migration (``reference.BASE_SALARIES``); later values are added by an administrator on the rates page
    (``services.base_salary_add``), which checks and audits them. The periods cannot overlap: each row ends where the
    next begins, and two rows cannot start on the same day (a database constraint)."""

    valid_from = models.DateField(_("áp dụng từ ngày"), help_text=_("Ngày đầu tháng, ví dụ 01/07/2024."))
    amount = models.DecimalField(_("mức lương cơ sở (đồng/tháng)"), max_digits=14, decimal_places=0)
    reference = models.CharField(_("văn bản quy định"), max_length=255, help_text=_("Ví dụ: Nghị định 73/2024/NĐ-CP."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người nhập"),
    )

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = _("mức lương cơ sở")
        constraints = [
            models.UniqueConstraint(
                fields=["valid_from"],
                name="payments_basesalary_unique_from",
                violation_error_message=_("Đã có mức lương cơ sở áp dụng từ ngày này."),
            ),
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="payments_basesalary_positive",
                violation_error_message=_("Mức lương cơ sở phải lớn hơn 0."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.amount} ({self.valid_from:%d/%m/%Y}, {self.reference})"

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_from.day != 1:
            raise ValidationError({"valid_from": _("Mức lương cơ sở áp dụng từ ngày đầu tháng (ví dụ 01/07/2024).")})


class FeeRate(TimeStampedModel):
    """The rate of one kind of provider for one form of aid, Decree 144/2017/NĐ-CP Art. 13, from ``valid_from`` to
    ``valid_to`` (open-ended when empty), with its reference.

    The fee of a session is ``session_coefficient`` x the base salary, times ``share_percent`` % (100 for lawyers'
    fees, 40 or 20 for legal aid officers' allowances, Art. 13(3)); at most ``max_sessions`` sessions per case. When
    ``lump_min``/``lump_max`` are set, a lump sum of that many times the base salary may be paid instead, by the
    complexity of the case (Art. 13(1)). ``confirmed`` is false where DOMAIN.md marks the figure UNCONFIRMED.
    Loaded by a data migration (``reference.FEE_RATES``), edited in the Django admin."""

    provider_kind = models.CharField(_("loại người thực hiện"), max_length=20, choices=ProviderKind.choices)
    form_of_aid = models.ForeignKey(
        "intake.FormOfAid", on_delete=models.PROTECT, related_name="+", verbose_name=_("hình thức trợ giúp")
    )
    session_coefficient = models.DecimalField(_("hệ số lương cơ sở mỗi buổi"), max_digits=6, decimal_places=4)
    max_sessions = models.DecimalField(_("số buổi tối đa mỗi vụ việc"), max_digits=5, decimal_places=1)
    share_percent = models.DecimalField(
        _("tỷ lệ được hưởng (%)"),
        max_digits=5,
        decimal_places=2,
        default=100,
        help_text=_("100 với thù lao; 40 hoặc 20 với bồi dưỡng trợ giúp viên pháp lý (Điều 13 khoản 3)."),
    )
    lump_min = models.DecimalField(
        _("khoán chi tối thiểu (lần lương cơ sở)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    lump_max = models.DecimalField(
        _("khoán chi tối đa (lần lương cơ sở)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    reference = models.CharField(_("căn cứ"), max_length=255)
    confirmed = models.BooleanField(_("đã xác nhận theo văn bản"), default=False)

    class Meta:
        ordering = ["form_of_aid__sort_order", "provider_kind", "-valid_from"]
        verbose_name = _("mức thù lao, bồi dưỡng")
        verbose_name_plural = _("mức thù lao, bồi dưỡng")
        constraints = [
            models.UniqueConstraint(
                fields=["provider_kind", "form_of_aid", "valid_from"],
                name="payments_feerate_unique_from",
                violation_error_message=_("Đã có mức cho loại người thực hiện và hình thức này từ ngày đó."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="payments_feerate_valid_range",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            ),
            models.CheckConstraint(
                condition=Q(session_coefficient__gt=0) & Q(max_sessions__gt=0),
                name="payments_feerate_positive",
                violation_error_message=_("Hệ số và số buổi tối đa phải lớn hơn 0."),
            ),
            models.CheckConstraint(
                condition=Q(share_percent__gt=0) & Q(share_percent__lte=100),
                name="payments_feerate_share_range",
                violation_error_message=_("Tỷ lệ được hưởng phải lớn hơn 0 và không quá 100%."),
            ),
            models.CheckConstraint(
                condition=(Q(lump_min__isnull=True) & Q(lump_max__isnull=True))
                | (Q(lump_min__gt=0) & Q(lump_max__gte=models.F("lump_min"))),
                name="payments_feerate_lump_range",
                violation_error_message=_(
                    "Khoán chi: nhập cả mức tối thiểu và tối đa, tối đa không nhỏ hơn tối thiểu."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_provider_kind_display()} – {self.form_of_aid}: {self.session_coefficient} ({self.reference})"

    def clean(self):
        """Two rates of the same kind and form must not be in force on the same day (a cross-row rule)."""
        super().clean()
        if not (self.provider_kind and self.form_of_aid_id and self.valid_from):
            return
        others = FeeRate.objects.filter(provider_kind=self.provider_kind, form_of_aid_id=self.form_of_aid_id).exclude(
            pk=self.pk
        )
        if self.valid_to:
            others = others.filter(valid_from__lte=self.valid_to)
        others = others.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))
        if others.exists():
            raise ValidationError(
                _("Thời gian hiệu lực trùng với một mức khác của cùng loại người thực hiện, hình thức.")
            )


class PaymentQuerySet(ScopedQuerySet):
    """Payments are read by the Centre's management and its administration department (the whole Centre), a branch's
    staff (their branch's cases) and the Department's officers (the Centres they oversee)."""

    scope_centre_field = "centre"
    scope_branch_field = "branch"

    def open(self):
        return self.exclude(status=PaymentStatus.REJECTED)


class Payment(TimeStampedModel):
    """What a provider is owed for one completed and appraised case, and its path: proposed -> approved -> paid.

    The figures the amount was computed from are kept on the row (base salary, rate, sessions, the day whose rates
    apply), so the calculation shown line by line (``breakdown()``, by the pure rule of ``rules.py``) never changes
    after the proposal, whatever later edits the rate tables get. A case is paid once: one payment per case that is
    not returned (``payments_payment_one_per_case``)."""

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
        "cases.LegalAidCase", on_delete=models.PROTECT, related_name="payments", verbose_name=_("vụ việc")
    )
    provider = models.ForeignKey(
        "providers.Provider", on_delete=models.PROTECT, related_name="payments", verbose_name=_("người thực hiện")
    )
    payee_organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tổ chức ký hợp đồng được chi trả"),
    )
    payer = models.CharField(_("đơn vị chi trả"), max_length=12, choices=Payer.choices)
    provider_kind = models.CharField(_("loại người thực hiện"), max_length=20, choices=ProviderKind.choices)
    form_code = models.CharField(_("hình thức trợ giúp"), max_length=30)
    method = models.CharField(
        _("cách tính"), max_length=12, choices=PaymentMethod.choices, default=PaymentMethod.PER_SESSION
    )
    sessions_claimed = models.DecimalField(_("số buổi được thẩm định"), max_digits=5, decimal_places=1, default=0)
    sessions_paid = models.DecimalField(_("số buổi được thanh toán"), max_digits=5, decimal_places=1, default=0)
    lump_multiple = models.DecimalField(
        _("mức khoán (lần lương cơ sở)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    rate_date = models.DateField(_("ngày áp dụng mức"))
    base_salary = models.DecimalField(_("lương cơ sở"), max_digits=14, decimal_places=0)
    base_salary_from = models.DateField(_("lương cơ sở áp dụng từ"))
    base_salary_reference = models.CharField(_("văn bản quy định lương cơ sở"), max_length=255)
    session_coefficient = models.DecimalField(_("hệ số mỗi buổi"), max_digits=6, decimal_places=4)
    share_percent = models.DecimalField(_("tỷ lệ được hưởng (%)"), max_digits=5, decimal_places=2)
    max_sessions = models.DecimalField(_("số buổi tối đa"), max_digits=5, decimal_places=1)
    lump_min = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    lump_max = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    rate_reference = models.CharField(_("căn cứ mức thù lao"), max_length=255)
    amount = models.DecimalField(_("số tiền (đồng)"), max_digits=14, decimal_places=0)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=PaymentStatus.choices, default=PaymentStatus.PROPOSED, db_index=True
    )
    proposed_at = models.DateTimeField(_("ngày đề nghị"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người đề nghị")
    )
    approved_at = models.DateTimeField(_("ngày duyệt"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người duyệt"),
    )
    paid_at = models.DateTimeField(_("ngày ghi nhận chi trả"), null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ghi nhận chi trả"),
    )
    paid_on = models.DateField(_("ngày chi"), null=True, blank=True)
    voucher = models.CharField(_("số chứng từ chi"), max_length=60, blank=True)
    rejected_at = models.DateTimeField(_("ngày trả lại"), null=True, blank=True)
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người trả lại"),
    )
    reject_reason = models.TextField(_("lý do trả lại"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = PaymentQuerySet.as_manager()

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("thanh toán thù lao, bồi dưỡng")
        verbose_name_plural = _("thanh toán thù lao, bồi dưỡng")
        indexes = [
            models.Index(fields=["centre", "status"], name="payments_pay_centre_status_idx"),
            models.Index(fields=["provider", "status"], name="payments_pay_provider_idx"),
        ]
        constraints = [
            # Each provider of a case once: a case that changed hands pays each provider their share
            # (TT 02/2021/TT-BTP Art. 8).
            models.UniqueConstraint(
                fields=["case", "provider"],
                condition=~Q(status="rejected"),
                name="payments_payment_once_per_provider",
                violation_error_message=_(
                    "Người thực hiện này đã có đề nghị thanh toán của vụ việc: mỗi người chỉ được thanh toán một lần."
                ),
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="payments_payment_amount_not_negative",
                violation_error_message=_("Số tiền không được âm."),
            ),
            models.CheckConstraint(
                condition=~Q(status="paid") | (Q(paid_on__isnull=False) & Q(approved_by__isnull=False)),
                name="payments_payment_paid_after_approval",
                violation_error_message=_("Chỉ ghi nhận chi trả khoản đã được duyệt, có ngày chi."),
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(reject_reason=""),
                name="payments_payment_reject_reason",
                violation_error_message=_("Trả lại đề nghị phải nêu lý do."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} – {self.provider}: {self.amount}"

    @property
    def status_tone(self) -> str:
        return STATUS_TONES.get(self.status, "secondary")

    @property
    def payee_name(self) -> str:
        return self.payee_organisation.name if self.payee_organisation_id else self.provider.full_name

    def fee(self):
        """The calculation, line by line, from the figures kept on the row (the pure rule of ``rules.py``)."""
        from . import rules

        salary = rules.SalaryRow(self.base_salary_from, self.base_salary, self.base_salary_reference)
        rate = rules.RateRow(
            provider_kind=self.provider_kind,
            form=self.form_code,
            session_coefficient=self.session_coefficient,
            max_sessions=self.max_sessions,
            share_percent=self.share_percent,
            lump_min=self.lump_min,
            lump_max=self.lump_max,
            valid_from=self.rate_date,
            valid_to=None,
            reference=self.rate_reference,
        )
        common = {"kind": self.provider_kind, "form": self.form_code, "on_date": self.rate_date}
        if self.method == PaymentMethod.LUMP_SUM:
            return rules.lump_sum_breakdown(multiple=self.lump_multiple, salaries=[salary], rates=[rate], **common)
        return rules.fee_breakdown(sessions=self.sessions_claimed, salaries=[salary], rates=[rate], **common)


class AppraisalDecision(TimeStampedModel):
    """The decision recorded about a case whose appraisal was not satisfactory: its payment is blocked until this
    decision exists (pay anyway, or do not pay), always with its reason. Made by whoever approves payments for the
    payer (the Centre's director; for a contracted organisation, the Department)."""

    centre = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("Trung tâm")
    )
    branch = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    case = models.OneToOneField(
        "cases.LegalAidCase", on_delete=models.PROTECT, related_name="payment_decision", verbose_name=_("vụ việc")
    )
    outcome = models.CharField(_("quyết định"), max_length=10, choices=DecisionOutcome.choices)
    reason = models.TextField(_("lý do"))
    decided_at = models.DateTimeField(_("ngày quyết định"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người quyết định")
    )

    objects = PaymentQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name = _("quyết định về thanh toán vụ việc thẩm định không đạt")
        verbose_name_plural = _("quyết định về thanh toán vụ việc thẩm định không đạt")
        constraints = [
            models.CheckConstraint(
                condition=~Q(reason=""),
                name="payments_decision_reason_required",
                violation_error_message=_("Quyết định phải nêu lý do."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} – {self.get_outcome_display()}"
