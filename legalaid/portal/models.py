"""What the public portal keeps of an online request beyond intake's own record: the receipt code (hashed), the
consent given, the second item of the status lookup (hashed), and the papers the person uploaded.

The request itself is intake's ``LegalAidRequest`` (channel "online"), created by ``intake.services.request_receive``;
nothing here copies its rules or its status.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from legalaid.core.models import TimeStampedModel
from legalaid.lib.uploads import RandomName

from .choices import PaperStage


class OnlineRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Staff see the online record of a request exactly when intake lets them see the request."""
        from legalaid.intake.models import LegalAidRequest

        return self.filter(request__in=LegalAidRequest.objects.visible_to(user))


class OnlineRequest(TimeStampedModel):
    """A request for legal aid sent through the portal (mức độ toàn trình): the keys of its status lookup and the
    consent to the processing of personal data (Law on Personal Data Protection 2025, Art. 9 [P])."""

    # CASCADE, as intake's own Referral: a request removed by a retention job takes its online record and papers
    # along (their stored files are removed by that job: Django leaves files on disk).
    request = models.OneToOneField(
        "intake.LegalAidRequest", on_delete=models.CASCADE, related_name="online", verbose_name=_("yêu cầu")
    )
    #: SHA-256 of the receipt code (the code itself is shown once and never stored).
    receipt_hash = models.CharField(_("mã tra cứu (đã băm)"), max_length=64, unique=True, editable=False)
    #: Keyed hashes of the requester's birth date and of the last four digits of their phone (the lookup's second
    #: item); empty when not given. Never the values themselves.
    birth_date_hash = models.CharField(max_length=64, blank=True, editable=False)
    phone_hash = models.CharField(max_length=64, blank=True, editable=False)
    consent_at = models.DateTimeField(_("thời điểm đồng ý xử lý dữ liệu cá nhân"))
    consent_version = models.CharField(_("phiên bản nội dung đồng ý"), max_length=20)

    objects = OnlineRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("yêu cầu gửi trực tuyến")
        verbose_name_plural = _("yêu cầu gửi trực tuyến")

    def __str__(self) -> str:
        return _("Yêu cầu trực tuyến số %(id)s") % {"id": self.request_id}

    is_sensitive = True


class SubmittedPaperQuerySet(models.QuerySet):
    def visible_to(self, user):
        from legalaid.intake.models import LegalAidRequest

        return self.filter(online__request__in=LegalAidRequest.objects.visible_to(user))


class SubmittedPaper(TimeStampedModel):
    """A paper uploaded through the portal: with the request, or later when the Centre asked for it. Images are stored
    downscaled; the uploaded name is kept for display only, the stored name is random (``lib.uploads.RandomName``)."""

    online = models.ForeignKey(
        OnlineRequest, on_delete=models.CASCADE, related_name="papers", verbose_name=_("yêu cầu")
    )
    file = models.FileField(_("tệp"), upload_to=RandomName("portal"), max_length=255)
    original_name = models.CharField(_("tên tệp khi gửi"), max_length=255)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    stage = models.CharField(_("gửi khi"), max_length=20, choices=PaperStage.choices, default=PaperStage.WITH_REQUEST)
    description = models.CharField(_("giấy tờ gì"), max_length=255, blank=True)

    objects = SubmittedPaperQuerySet.as_manager()

    class Meta:
        ordering = ["online", "created_at", "id"]
        verbose_name = _("giấy tờ gửi trực tuyến")
        verbose_name_plural = _("giấy tờ gửi trực tuyến")

    def __str__(self) -> str:
        return self.original_name

    is_sensitive = True
