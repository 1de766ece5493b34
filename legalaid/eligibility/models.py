"""Eligibility for legal aid as versioned data: the categories of Law 11/2017/QH14 Art. 7 in each version, the
proof papers each needs, the grounds of financial difficulty (Decree 144/2017 Art. 2) and the age thresholds.

The rows are loaded by migration 0002 and edited in Django admin; the predicates that decide each category live in
``rules.py`` and are chosen by the ``rule`` code of the row.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel

from .choices import AgeThresholdCode, Evidence, FinancialRule, Rule


class ValidityQuerySet(models.QuerySet):
    def active_on(self, on_date: dt.date):
        """Rows whose validity covers ``on_date`` (both ends inclusive)."""
        return self.filter(Q(valid_from__lte=on_date), Q(valid_to__isnull=True) | Q(valid_to__gte=on_date))


class ValidityMixin(models.Model):
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True, help_text=_("Để trống nếu còn hiệu lực."))

    class Meta:
        abstract = True

    def in_force_on(self, on_date: dt.date) -> bool:
        return self.valid_from <= on_date and (self.valid_to is None or on_date <= self.valid_to)


def _valid_range(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
        name=f"eligibility_{name}_valid_range",
        violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
    )


class ProofDocument(TimeStampedModel):
    """A kind of paper that proves a category or a financial ground (giấy tờ chứng minh; TT 08/2017/TT-BTP Art. 33
    [P]). ``evidence`` says whether the wording was checked against the Circular."""

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên giấy tờ"), max_length=255)
    description = models.TextField(_("ghi chú"), blank=True)
    source = models.CharField(_("căn cứ"), max_length=255, blank=True)
    evidence = models.CharField(_("mức xác nhận"), max_length=16, choices=Evidence.choices, default=Evidence.PARTIAL)

    class Meta:
        ordering = ["name"]
        verbose_name = _("giấy tờ chứng minh")
        verbose_name_plural = _("giấy tờ chứng minh")

    def __str__(self) -> str:
        return self.name


class Category(ValidityMixin, TimeStampedModel):
    """One eligibility category (diện người được TGPL) for one period of the Law's text.

    A clause whose wording changed has one row per wording (7.5 until 31/12/2025, 7.5 from 01/01/2026); a repealed
    point ends with ``valid_to``. ``ref`` is article.clause[.point]: 7.1 ... 7.6a, 7.7.a ... 7.7.h.
    """

    ref = models.CharField(_("điểm, khoản"), max_length=12, db_index=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    label = models.TextField(_("nội dung (theo văn bản)"))
    short_label = models.CharField(_("tên ngắn"), max_length=120)
    rule = models.CharField(_("quy tắc đánh giá"), max_length=48, choices=Rule.choices)
    needs_financial_difficulty = models.BooleanField(
        _("phải có khó khăn về tài chính"),
        default=False,
        help_text=_("Các trường hợp của khoản 7 Điều 7 Luật TGPL (Nghị định 144/2017/NĐ-CP, Điều 2)."),
    )
    source = models.CharField(_("văn bản quy định"), max_length=255)
    note = models.TextField(_("ghi chú"), blank=True)
    evidence = models.CharField(_("mức xác nhận"), max_length=16, choices=Evidence.choices, default=Evidence.CONFIRMED)
    proofs = models.ManyToManyField(
        ProofDocument, through="CategoryProof", related_name="categories", verbose_name=_("giấy tờ chứng minh")
    )

    objects = ValidityQuerySet.as_manager()

    class Meta:
        ordering = ["position", "valid_from"]
        verbose_name = _("diện người được TGPL")
        verbose_name_plural = _("diện người được TGPL")
        constraints = [
            models.UniqueConstraint(
                fields=["ref", "valid_from"],
                name="eligibility_category_unique_ref_from",
                violation_error_message=_("Diện này đã có một phiên bản bắt đầu từ ngày đó."),
            ),
            _valid_range("category"),
        ]

    def __str__(self) -> str:
        return f"{self.ref} {self.short_label}"

    def clean(self) -> None:
        # Cross-row rule: two versions of one ref may not overlap in time.
        if self.valid_from is None:
            return
        others = Category.objects.filter(ref=self.ref).exclude(pk=self.pk)
        end = self.valid_to or dt.date.max
        for other in others:
            other_end = other.valid_to or dt.date.max
            if other.valid_from <= end and self.valid_from <= other_end:
                raise ValidationError(
                    _("Thời gian hiệu lực trùng với phiên bản khác của diện %(ref)s.") % {"ref": self.ref}
                )


class CategoryProof(models.Model):
    """A proof paper a category needs. Papers with the same ``group`` are alternatives (any one suffices); every
    group must be satisfied."""

    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="requirements", verbose_name=_("diện")
    )
    proof = models.ForeignKey(
        ProofDocument, on_delete=models.PROTECT, related_name="requirements", verbose_name=_("giấy tờ")
    )
    group = models.PositiveSmallIntegerField(
        _("nhóm"), default=1, help_text=_("Các giấy tờ cùng nhóm có thể thay thế nhau; mỗi nhóm cần ít nhất một.")
    )

    class Meta:
        ordering = ["category", "group", "proof__name"]
        verbose_name = _("giấy tờ của diện")
        verbose_name_plural = _("giấy tờ của diện")
        constraints = [
            models.UniqueConstraint(
                fields=["category", "proof"],
                name="eligibility_categoryproof_unique",
                violation_error_message=_("Giấy tờ này đã có trong danh sách của diện."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category.ref}: {self.proof.name} ({self.group})"


class FinancialGround(ValidityMixin, TimeStampedModel):
    """A ground of financial difficulty (khó khăn về tài chính; Decree 144/2017/NĐ-CP Art. 2, wording UNCONFIRMED).
    Any one of its proof papers proves it."""

    code = models.SlugField(_("mã"), max_length=40)
    rule = models.CharField(_("quy tắc đánh giá"), max_length=24, choices=FinancialRule.choices)
    label = models.TextField(_("nội dung"))
    source = models.CharField(_("văn bản quy định"), max_length=255)
    evidence = models.CharField(
        _("mức xác nhận"), max_length=16, choices=Evidence.choices, default=Evidence.UNCONFIRMED
    )
    proofs = models.ManyToManyField(
        ProofDocument, related_name="financial_grounds", blank=True, verbose_name=_("giấy tờ chứng minh")
    )

    objects = ValidityQuerySet.as_manager()

    class Meta:
        ordering = ["code", "valid_from"]
        verbose_name = _("căn cứ khó khăn về tài chính")
        verbose_name_plural = _("căn cứ khó khăn về tài chính")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"],
                name="eligibility_financialground_unique_code_from",
                violation_error_message=_("Căn cứ này đã có một phiên bản bắt đầu từ ngày đó."),
            ),
            _valid_range("financialground"),
        ]

    def __str__(self) -> str:
        return self.get_rule_display()


class AgeThreshold(ValidityMixin, TimeStampedModel):
    """An age limit the categories use (children under 16; 16 to under 18; elderly from 60, UNCONFIRMED)."""

    code = models.CharField(_("mã"), max_length=24, choices=AgeThresholdCode.choices)
    years = models.PositiveSmallIntegerField(_("số tuổi"))
    source = models.CharField(_("văn bản quy định"), max_length=255)
    evidence = models.CharField(_("mức xác nhận"), max_length=16, choices=Evidence.choices, default=Evidence.CONFIRMED)

    objects = ValidityQuerySet.as_manager()

    class Meta:
        ordering = ["code", "valid_from"]
        verbose_name = _("ngưỡng tuổi")
        verbose_name_plural = _("ngưỡng tuổi")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"],
                name="eligibility_agethreshold_unique_code_from",
                violation_error_message=_("Ngưỡng tuổi này đã có giá trị bắt đầu từ ngày đó."),
            ),
            _valid_range("agethreshold"),
        ]

    def __str__(self) -> str:
        return f"{self.get_code_display()}: {self.years}"
