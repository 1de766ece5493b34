from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import AccessAction, AuditAction
from legalaid.core.scoping import ScopedQuerySet


class AuditQuerySet(ScopedQuerySet):
    scope_centre_field = "centre"


class AuditEntry(models.Model):
    """One write made through a service: who, when, which object, the fields before and after."""

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    request_id = models.CharField(_("mã yêu cầu"), max_length=32, blank=True)
    action = models.CharField(_("thao tác"), max_length=10, choices=AuditAction.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("loại đối tượng"))
    object_id = models.CharField(_("mã đối tượng"), max_length=64)
    object_repr = models.CharField(_("đối tượng"), max_length=255)
    message = models.CharField(_("nội dung"), max_length=255, blank=True)
    before = models.JSONField(_("trước"), null=True, blank=True)
    after = models.JSONField(_("sau"), null=True, blank=True)
    centre = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Trung tâm"),
    )

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("nhật ký thay đổi")
        verbose_name_plural = _("nhật ký thay đổi")
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="core_audit_object_idx"),
            models.Index(fields=["centre", "-at"], name="core_audit_centre_at_idx"),
            models.Index(fields=["actor", "-at"], name="core_audit_actor_at_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr}"

    @property
    def changes(self) -> list[tuple[str, object, object]]:
        before, after = self.before or {}, self.after or {}
        keys = sorted(set(before) | set(after))
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]

    def display_changes(self) -> list[tuple[str, str, str]]:
        """(field label, before, after) as people read them (``legalaid.core.audit_display``)."""
        from legalaid.core.audit_display import display_changes

        return display_changes(self)

    def display_message(self) -> str:
        """The note, with a service's code (``status:launched``) turned into labels."""
        from legalaid.core.audit_display import display_message

        return display_message(self)


class AccessLogEntry(models.Model):
    """A view or download of a record marked sensitive (persons, cases); kept apart from the change log."""

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người xem")
    )
    request_id = models.CharField(_("mã yêu cầu"), max_length=32, blank=True)
    action = models.CharField(_("thao tác"), max_length=10, choices=AccessAction.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("loại đối tượng"))
    object_id = models.CharField(_("mã đối tượng"), max_length=64)
    object_repr = models.CharField(_("đối tượng"), max_length=255)
    centre = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Trung tâm"),
    )

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("nhật ký truy cập hồ sơ")
        verbose_name_plural = _("nhật ký truy cập hồ sơ")
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="core_access_object_idx"),
            models.Index(fields=["centre", "-at"], name="core_access_centre_at_idx"),
            models.Index(fields=["user", "-at"], name="core_access_user_at_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.get_action_display()} {self.object_repr}"
