from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import AccessAction, AuditAction
from legalaid.core.scoping import ScopedQuerySet


class AuditQuerySet(ScopedQuerySet):
    scope_centre_field = "centre"

    def bulk_create(self, objs, *args, **kwargs):
        """Rows are numbered and hashed onto their chain (``legalaid.core.chain``) before they are inserted."""
        from legalaid.core import chain

        objs = list(objs)
        if not objs:
            return objs
        return chain.append(
            self.model.CHAIN, self.model, objs, lambda: super(AuditQuerySet, self).bulk_create(objs, *args, **kwargs)
        )


class ChainedEntry(models.Model):
    """What the audit trail and the access log share: the link of a hash chain (``legalaid.core.chain``).

    Rows are only ever appended: ``save`` refuses to change one, and on PostgreSQL a trigger refuses UPDATE and
    DELETE (migration ``core.0009``; the lawful purge is in docs/security.md).
    """

    CHAIN = ""

    seq = models.PositiveBigIntegerField(_("số thứ tự trong chuỗi"), unique=True, editable=False)
    prev_hash = models.CharField(_("mã băm bản ghi trước"), max_length=64, blank=True, editable=False)
    hash = models.CharField(_("mã băm"), max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("Audit and access-log rows are never changed (append-only).")
        from legalaid.core import chain

        chain.append(self.CHAIN, type(self), [self], lambda: super(ChainedEntry, self).save(*args, **kwargs))


class AuditEntry(ChainedEntry):
    """One write made through a service: who, when, which object, the fields before and after.

    The actor's username and name are copied into the row when it is written (and hashed with it), so renaming or
    deleting the account later changes nothing in the trail.
    """

    CHAIN = "audit"

    at = models.DateTimeField(_("thời điểm"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    actor_username = models.CharField(_("tên đăng nhập người thực hiện"), max_length=150, blank=True)
    actor_name = models.CharField(_("họ tên người thực hiện"), max_length=120, blank=True)
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

    def copy_names(self) -> None:
        """Copy the actor's username and name into the row (called when it is chained, before hashing)."""
        if self.actor_id and not self.actor_username:
            self.actor_username = self.actor.username[:150]
            self.actor_name = self.actor.full_name[:120]

    @property
    def actor_display(self) -> str:
        """Who wrote it, as written into the row then ("" for the system)."""
        return self.actor_name or self.actor_username

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


class AccessLogEntry(ChainedEntry):
    """A view or download of a record marked sensitive (persons, cases); kept apart from the change log.

    Also a refused attempt to open one (``AccessAction.REFUSED``: the requested id, never a name) and an export, even
    of zero rows (``object_id`` empty).
    """

    CHAIN = "access"

    at = models.DateTimeField(_("thời điểm"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người xem")
    )
    user_username = models.CharField(_("tên đăng nhập người xem"), max_length=150, blank=True)
    user_name = models.CharField(_("họ tên người xem"), max_length=120, blank=True)
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
        return f"{self.user_display} {self.get_action_display()} {self.object_repr}"

    def copy_names(self) -> None:
        if self.user_id and not self.user_username:
            self.user_username = self.user.username[:150]
            self.user_name = self.user.full_name[:120]

    @property
    def user_display(self) -> str:
        return self.user_name or self.user_username

    def display_object(self) -> str:
        """The record as the access log shows it: a refused attempt by its id only, an empty export as such."""
        from django.utils.translation import gettext

        if self.action == AccessAction.REFUSED:
            return gettext("#%(id)s (không được phép xem)") % {"id": self.object_id}
        if not self.object_id:
            return gettext("Danh sách trống (0 dòng)")
        return self.object_repr


class AuditChainHead(models.Model):
    """The last link of each chain (a single row, pk 1), locked while a row is appended (``legalaid.core.chain``).

    ``*_base_seq``/``*_base_hash`` say where a chain starts after a lawful purge of its oldest rows (docs/security.md):
    0 and "" while nothing was purged.
    """

    audit_seq = models.PositiveBigIntegerField(default=0)
    audit_hash = models.CharField(max_length=64, blank=True)
    access_seq = models.PositiveBigIntegerField(default=0)
    access_hash = models.CharField(max_length=64, blank=True)
    audit_base_seq = models.PositiveBigIntegerField(default=0)
    audit_base_hash = models.CharField(max_length=64, blank=True)
    access_base_seq = models.PositiveBigIntegerField(default=0)
    access_base_hash = models.CharField(max_length=64, blank=True)
    #: The last run of ``manage.py verify_audit``: when, how far each chain held, and where it broke ("" if nowhere).
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_audit_seq = models.PositiveBigIntegerField(default=0)
    verified_access_seq = models.PositiveBigIntegerField(default=0)
    verified_broken = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("đầu chuỗi nhật ký")
        verbose_name_plural = _("đầu chuỗi nhật ký")

    def __str__(self) -> str:
        return f"audit {self.audit_seq}, access {self.access_seq}"
