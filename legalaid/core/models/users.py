from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from legalaid.core.choices import OrganisationKind, Role
from legalaid.core.scoping import ScopedQuerySet
from legalaid.lib.text import fold

#: Roles whose label comes from the person's provider record (``providers.Provider.kind``) when they have one.
PROVIDER_ROLES = frozenset({Role.LAWYER, Role.COLLABORATOR})


class UserQuerySet(ScopedQuerySet):
    scope_centre_field = "organisation__centre"

    def visible_to(self, user):
        scope = self._scope(user)
        if scope.sees_everything:
            return self
        if scope.assigned_only or not scope.centre_ids:
            return self.filter(pk=user.pk) if getattr(user, "pk", None) else self.none()
        visible = models.Q(organisation__centre_id__in=scope.centre_ids)
        if scope.doj_id:
            visible |= models.Q(organisation_id=scope.doj_id) | models.Q(organisation__parent_id=scope.doj_id)
        if scope.branch_id:
            visible = models.Q(organisation_id=scope.branch_id)
        return self.filter(visible)

    def staff(self):
        """People, not the system accounts of the portal and the API keys."""
        return self.filter(is_system_account=False)

    def search(self, text: str):
        key = fold(text)
        return self.filter(name_key__contains=key) if key else self


class LegalAidUserManager(UserManager.from_queryset(UserQuerySet)):
    def get_by_natural_key(self, username):
        """Usernames match case-insensitively at login: GiamDoc logs in as giamdoc (docs/security.md).

        An exact match wins; if only case-variants match and there is more than one (accounts created before this
        rule), none is chosen.
        """
        try:
            return self.get(**{self.model.USERNAME_FIELD: username})
        except self.model.DoesNotExist:
            matches = list(self.filter(**{f"{self.model.USERNAME_FIELD}__iexact": username})[:2])
            if len(matches) == 1:
                return matches[0]
            raise


class User(AbstractUser):
    """A person who logs in: a role and the unit they belong to decide what they see (``legalaid.core.scoping``)."""

    full_name = models.CharField(_("họ và tên"), max_length=120)
    name_key = models.CharField(_("khóa tìm kiếm"), max_length=120, db_index=True, editable=False, default="")
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, db_index=True)
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("đơn vị"),
    )
    job_title = models.CharField(_("chức danh"), max_length=120, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    # An account no person signs in with: the public portal's per-unit account and each API key's own account. Their
    # names appear in the trails of what they recorded, never in staff lists or pickers (``UserQuerySet.staff``).
    is_system_account = models.BooleanField(_("tài khoản hệ thống"), default=False, editable=False)

    objects = LegalAidUserManager()

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        constraints = [
            # Usernames are matched case-insensitively at login (docs/security.md): the database keeps them so.
            models.UniqueConstraint(Lower("username"), name="core_user_username_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

    def clean(self):
        super().clean()
        if self.username and User.objects.filter(username__iexact=self.username).exclude(pk=self.pk).exists():
            raise ValidationError(
                {"username": _("Đã có tài khoản với tên đăng nhập này (không phân biệt chữ hoa, chữ thường).")}
            )

    @property
    def role_label(self) -> str:
        """The one label of what this person is, in the top bar and on their records.

        A lawyer's or collaborator's account says what their provider record says (Law on Legal Aid 2017, Art. 17:
        a lawyer under contract with the Centre, or a lawyer of a participating organisation); other accounts say
        their role. A superuser with no role administers the whole system.
        """
        if self.role in PROVIDER_ROLES:
            try:
                provider = self.provider
            except models.ObjectDoesNotExist:
                provider = None
            if provider is not None:
                return str(provider.get_kind_display())
        if self.role:
            return str(self.get_role_display())
        return str(_("Quản trị toàn hệ thống")) if self.is_superuser else ""

    def save(self, *args, **kwargs):
        # A derived search key, not business logic: it must always match the name.
        self.name_key = fold(self.full_name)
        super().save(*args, **kwargs)

    @property
    def centre(self):
        org = self.organisation
        if org is None:
            return None
        return org if org.kind == OrganisationKind.CENTRE else org.centre

    @property
    def branch(self):
        org = self.organisation
        return org if org is not None and org.kind == OrganisationKind.BRANCH else None
