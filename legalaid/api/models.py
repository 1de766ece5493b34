"""API keys of the integrations (referring agencies, the national database, the public service portal) and the
referrals agencies post through the API (docs/api.md).

A key is shown once, at creation; only its SHA-256 is kept (the secret is 256 random bits, so a fast hash is enough:
nothing to guess), with a short public prefix to find the row. Each key acts through its own service account
(``user``: no password, never logs in) so that every read goes through ``visible_to`` and every write through the
services exactly as a person's would, and the audit trail and the access log name the key's account.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel
from legalaid.core.scoping import ScopedQuerySet

from .choices import KeyKind


class ApiKeyQuerySet(ScopedQuerySet):
    """The keys of the Centre (its director, deputy and system administrator manage them); a Department's keys are
    the superuser's."""

    scope_centre_field = "owner"

    def usable(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class ApiKey(TimeStampedModel):
    """One integration's key: hashed, with its scopes, owner unit, expiry, revocation and last use."""

    name = models.CharField(_("tên kết nối"), max_length=120)
    kind = models.CharField(_("loại kết nối"), max_length=10, choices=KeyKind.choices)
    prefix = models.CharField(_("tiền tố"), max_length=16, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    scopes = models.JSONField(_("phạm vi"), default=list)
    owner = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị quản lý")
    )
    agency = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cơ quan tiến hành tố tụng"),
        limit_choices_to={"kind": "agency"},
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="api_key",
        editable=False,
        verbose_name=_("tài khoản của khóa"),
    )
    expires_at = models.DateTimeField(_("hết hạn lúc"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thu hồi"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind=KeyKind.AGENCY) | models.Q(agency__isnull=False),
                name="api_apikey_agency_key_has_agency",
                violation_error_message=_("Khóa của cơ quan tiến hành tố tụng phải chọn cơ quan."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"

    def is_usable(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)

    @property
    def centre_id(self):
        """The audit trail scopes the key's rows by its owner Centre."""
        return self.owner_id


class ApiReferral(TimeStampedModel):
    """A referral received through the API: the agency's own reference, unique per agency, so that posting the same
    referral twice returns the same request (idempotency; docs/api.md)."""

    agency = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan chuyển")
    )
    agency_reference = models.CharField(_("số, ký hiệu văn bản của cơ quan"), max_length=60)
    request = models.OneToOneField(
        "intake.LegalAidRequest", on_delete=models.PROTECT, related_name="api_referral", verbose_name=_("yêu cầu")
    )
    key = models.ForeignKey(
        ApiKey, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals", verbose_name=_("khóa API")
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("văn bản chuyển yêu cầu qua API")
        verbose_name_plural = _("văn bản chuyển yêu cầu qua API")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "agency_reference"],
                name="api_referral_unique_agency_reference",
                violation_error_message=_("Cơ quan đã gửi văn bản mang số này."),
            ),
        ]

    def __str__(self) -> str:
        return self.agency_reference
