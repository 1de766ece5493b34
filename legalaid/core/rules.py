"""Permission predicates (django-rules). Visibility of records is ``visible_to(user)``; these say what a role may do.

Checked in views with ``request.user.has_perm("core.manage_units")`` or the ``permission_required`` decorator.
"""

import rules

from legalaid.core.choices import Role
from legalaid.core.scoping import scope_of


def has_role(*roles):
    name = "has_role_" + "_".join(roles)

    @rules.predicate(name=name)
    def predicate(user):
        return user.is_authenticated and user.role in roles

    return predicate


is_superuser = rules.is_superuser
is_sysadmin = is_superuser | has_role(Role.SYSADMIN)
is_centre_manager = has_role(Role.DIRECTOR, Role.DEPUTY_DIRECTOR)
is_branch_head = has_role(Role.BRANCH_HEAD)
is_admin_staff = has_role(Role.ADMIN_STAFF)
is_doj_officer = has_role(Role.DOJ_OFFICER)
is_centre_staff = has_role(
    Role.DIRECTOR,
    Role.DEPUTY_DIRECTOR,
    Role.OFFICER,
    Role.INTAKE,
    Role.BRANCH_HEAD,
    Role.ADMIN_STAFF,
    Role.SYSADMIN,
)


@rules.predicate
def writes_allowed(user):
    """DOJ officers are read-mostly: they see the Centres they oversee but do not edit their records."""
    return not scope_of(user).read_only


can_view_organisation = is_sysadmin | is_centre_manager | is_branch_head | is_admin_staff | is_doj_officer

rules.add_perm("core.view_units", can_view_organisation)
rules.add_perm("core.manage_units", is_sysadmin & writes_allowed)
rules.add_perm("core.view_users", can_view_organisation)
rules.add_perm("core.manage_users", is_sysadmin & writes_allowed)
rules.add_perm("core.export_users", is_sysadmin | is_centre_manager | is_doj_officer)
rules.add_perm("core.view_calendar", rules.is_authenticated)
rules.add_perm("core.manage_calendar", is_sysadmin)
rules.add_perm("core.view_communes", rules.is_authenticated)
rules.add_perm("core.manage_communes", is_sysadmin)
rules.add_perm("core.view_audit", is_sysadmin | is_centre_manager | is_doj_officer)
