"""A list export run in the background (issue 13 item 6): who asked, what, how far it has got, and the file."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from legalaid.lib.uploads import RandomName


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ")
    RUNNING = "running", _("Đang xuất")
    DONE = "done", _("Đã xong")
    FAILED = "failed", _("Không xuất được")


class ExportJobQuerySet(models.QuerySet):
    def of(self, user):
        """The exports ``user`` asked for: nobody else sees them (not even their director)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(user_id=user.pk)


class ExportJob(models.Model):
    """One export of a list too long to build in the request (more than ``EXPORT_MAX_ROWS`` rows).

    ``params`` holds the list's filters (a query string, possibly with a searched name) until the file is written, then
    is cleared. The file lives under ``MEDIA_ROOT/exports/`` and is served only to ``user``
    (``legalaid.lib.downloads``); ``manage.py cleanup_exports`` deletes it after ``EXPORT_KEEP_HOURS``.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("người yêu cầu")
    )
    kind = models.CharField(_("danh sách"), max_length=40)
    params = models.TextField(_("bộ lọc"), blank=True, editable=False)
    request_id = models.CharField(max_length=64, blank=True, editable=False)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.PENDING
    )
    total = models.PositiveIntegerField(_("số dòng"), default=0)
    done = models.PositiveIntegerField(_("đã xuất"), default=0)
    filename = models.CharField(_("tên tệp"), max_length=120, blank=True)
    file = models.FileField(_("tệp"), upload_to=RandomName("exports"), blank=True)
    created_at = models.DateTimeField(_("thời điểm yêu cầu"), auto_now_add=True)
    finished_at = models.DateTimeField(_("thời điểm xong"), null=True, blank=True)
    expires_at = models.DateTimeField(_("xóa lúc"), db_index=True)

    objects = ExportJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("tệp xuất")
        verbose_name_plural = _("tệp xuất")

    def __str__(self) -> str:
        return self.filename or self.kind

    @property
    def percent(self) -> int:
        if self.status == ExportStatus.DONE:
            return 100
        return min(99, round(100 * self.done / self.total)) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.status in (ExportStatus.DONE, ExportStatus.FAILED)
