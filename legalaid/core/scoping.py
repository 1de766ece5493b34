"""The one scoping layer: what each role and unit may see.

Every list, detail page, export and API reads records through ``Model.objects.visible_to(user)``; object-level
permissions (may this user change that record?) are ``rules`` predicates in ``legalaid.core.rules``.

A scoped model's queryset subclasses ``ScopedQuerySet`` and names its tenant fields:

- ``scope_centre_field``: the Centre that owns the record (every scoped record carries one);
- ``scope_branch_field``: the branch that holds it (null = the head office), or None if not branch-scoped;
- ``assigned_q(user)``: for lawyers and collaborators, the records assigned to them (none by default).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models

from legalaid.core.choices import OrganisationKind, Role

#: Roles that see the whole of their Centre.
CENTRE_WIDE_ROLES = frozenset(
    {Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.ADMIN_STAFF, Role.SYSADMIN, Role.OFFICER, Role.INTAKE}
)
#: Roles that see only what is assigned to them (PRODUCT.md: "sees and updates only the cases assigned to them").
ASSIGNED_ONLY_ROLES = frozenset({Role.LAWYER, Role.COLLABORATOR, Role.AGENCY_OFFICER})


@dataclass(frozen=True)
class Scope:
    """What one user may see. Built once per request by ``scope_of``."""

    sees_everything: bool = False
    centre_ids: frozenset[int] = field(default_factory=frozenset)
    branch_id: int | None = None
    assigned_only: bool = False
    read_only: bool = False
    doj_id: int | None = None


NOTHING = Scope()


def scope_of(user) -> Scope:
    """The scope of ``user``, cached on the user object for the request."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NOTHING
    cached = getattr(user, "_legalaid_scope", None)
    if cached is not None:
        return cached
    scope = _compute_scope(user)
    user._legalaid_scope = scope
    return scope


def _compute_scope(user) -> Scope:
    from legalaid.core.models import Organisation

    if user.is_superuser:
        return Scope(sees_everything=True)
    org = user.organisation
    if org is None:
        return NOTHING
    if user.role == Role.DOJ_OFFICER:
        doj = org.doj
        if doj is None:
            return NOTHING
        centre_ids = frozenset(Organisation.objects.centres().filter(parent=doj).values_list("pk", flat=True))
        return Scope(centre_ids=centre_ids, read_only=True, doj_id=doj.pk)
    if user.role in ASSIGNED_ONLY_ROLES:
        centre = user.centre
        return Scope(centre_ids=frozenset({centre.pk}) if centre else frozenset(), assigned_only=True)
    centre = user.centre
    if centre is None:
        return NOTHING
    centre_ids = frozenset({centre.pk})
    if org.kind == OrganisationKind.BRANCH:
        # Branch staff (the branch head included) see their branch only (PRODUCT.md).
        return Scope(centre_ids=centre_ids, branch_id=org.pk)
    if user.role in CENTRE_WIDE_ROLES:
        return Scope(centre_ids=centre_ids)
    return NOTHING


class ScopedQuerySet(models.QuerySet):
    """Base queryset of every record that belongs to a Centre."""

    scope_centre_field: str = "centre"
    scope_branch_field: str | None = None

    @staticmethod
    def _scope(user) -> Scope:
        return scope_of(user)

    def assigned_q(self, user) -> models.Q | None:
        """Records assigned to ``user`` (lawyers, collaborators, agency officers). None: nothing."""
        return None

    def visible_to(self, user):
        scope = self._scope(user)
        if scope.sees_everything:
            return self
        if not scope.centre_ids:
            return self.none()
        qs = self.filter(**{f"{self.scope_centre_field}__in": scope.centre_ids})
        if scope.assigned_only:
            assigned = self.assigned_q(user)
            return qs.filter(assigned) if assigned is not None else qs.none()
        if scope.branch_id and self.scope_branch_field:
            qs = qs.filter(**{self.scope_branch_field: scope.branch_id})
        elif scope.branch_id:
            # A record that is not held by a branch belongs to the head office: branch staff do not see it.
            return qs.none()
        return qs


class DepartmentQuerySet(ScopedQuerySet):
    """Records the Department of Justice writes about the Centres it oversees (quality evaluations, their plans and
    follow-ups: TT 12/2018/TT-BTP Art. 15). Unlike the Centres' own records, which a Department officer only reads
    (``Scope.read_only``), these are the Department's: its officers see and write those of their Department
    (``scope_doj_field``) about the Centres in their scope. Centre staff read what ``centre_visible_q`` lets them (the
    results about their own Centre, by the usual Centre and branch fields); a model with ``scope_centre_field = None``
    is not shown to Centre staff at all. Whether a DOJ officer may write is a ``rules`` predicate of the owning app
    (``same_department``), not ``writes_allowed``."""

    scope_doj_field: str = "doj"

    def centre_visible_q(self) -> models.Q:
        """What Centre staff may read of these records (everything of their Centre by default)."""
        return models.Q()

    def visible_to(self, user):
        scope = self._scope(user)
        if scope.sees_everything:
            return self
        if scope.doj_id is not None:
            qs = self.filter(**{self.scope_doj_field: scope.doj_id})
            if self.scope_centre_field:
                qs = qs.filter(**{f"{self.scope_centre_field}__in": scope.centre_ids})
            return qs
        if self.scope_centre_field is None:
            return self.none()
        return super().visible_to(user).filter(self.centre_visible_q())
