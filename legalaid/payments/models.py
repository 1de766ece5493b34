"""Rates as dated data (the base salary and the coefficients of Decree 144/2017 Art. 13)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel
from legalaid.providers.choices import ProviderKind


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
