"""Administrative units since 1 July 2025 (Resolution 202/2025/QH15): 34 provinces and their communes.

Loaded from the ``vietnam-provinces`` package by ``manage.py load_admin_units`` (which ``make run`` calls).
"""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import CommuneFlagKind

from .base import TimeStampedModel


class Province(models.Model):
    """A province or centrally-run city (tỉnh / thành phố trực thuộc trung ương)."""

    code = models.PositiveSmallIntegerField(_("mã"), unique=True)
    name = models.CharField(_("tên"), max_length=100)
    division_type = models.CharField(_("loại"), max_length=40)
    codename = models.CharField(_("tên mã"), max_length=100)
    phone_code = models.PositiveSmallIntegerField(_("mã vùng điện thoại"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("tỉnh, thành phố")
        verbose_name_plural = _("tỉnh, thành phố")

    def __str__(self) -> str:
        return self.name


class Commune(models.Model):
    """A commune, ward or special zone (xã / phường / đặc khu), the second and last level since 01/07/2025."""

    code = models.PositiveIntegerField(_("mã"), unique=True)
    name = models.CharField(_("tên"), max_length=100)
    name_key = models.CharField(_("khóa tìm kiếm"), max_length=100, db_index=True, editable=False)
    division_type = models.CharField(_("loại"), max_length=20)
    codename = models.CharField(_("tên mã"), max_length=100)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="communes", verbose_name=_("tỉnh, thành phố")
    )

    class Meta:
        ordering = ["province__code", "name"]
        verbose_name = _("xã, phường, đặc khu")
        verbose_name_plural = _("xã, phường, đặc khu")
        indexes = [models.Index(fields=["province", "name_key"], name="core_commune_prov_key_idx")]

    def __str__(self) -> str:
        return self.name

    def has_flag(self, kind: str, on_date: dt.date) -> bool:
        return self.flags.active_on(on_date).filter(kind=kind).exists()


class CommuneFlagQuerySet(models.QuerySet):
    def active_on(self, on_date: dt.date):
        return self.filter(Q(valid_from__lte=on_date), Q(valid_to__isnull=True) | Q(valid_to__gte=on_date))


class CommuneFlag(TimeStampedModel):
    """A dated status of a commune (especially difficult, ethnic-minority area, coastal/island).

    The lists are set by government decisions (e.g. the Prime Minister's lists of especially difficult communes);
    administrators enter them with their source document and validity.
    """

    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="flags", verbose_name=_("xã"))
    kind = models.CharField(_("loại"), max_length=32, choices=CommuneFlagKind.choices)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    source_document = models.CharField(_("văn bản căn cứ"), max_length=255, blank=True)

    objects = CommuneFlagQuerySet.as_manager()

    class Meta:
        ordering = ["commune", "kind", "-valid_from"]
        verbose_name = _("đặc điểm của xã")
        verbose_name_plural = _("đặc điểm của xã")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="core_communeflag_valid_range",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.commune}: {self.get_kind_display()}"


class AddressFields(models.Model):
    """An address as today's two-level units plus street text, and the pre-2025 address kept as written."""

    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tỉnh, thành phố"),
    )
    commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("xã, phường, đặc khu"),
    )
    street = models.CharField(_("số nhà, đường, thôn, ấp"), max_length=255, blank=True)
    old_address = models.CharField(_("địa chỉ cũ (trước 01/07/2025, ghi nguyên văn)"), max_length=255, blank=True)

    class Meta:
        abstract = True

    @property
    def address_display(self) -> str:
        return ", ".join(str(part) for part in (self.street, self.commune, self.province) if part)
