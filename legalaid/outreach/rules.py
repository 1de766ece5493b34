"""Who may do what with outreach sessions, targets, mobile sessions and hotline calls. Which records a user sees is
``visible_to(user)`` (a Centre's records; branch staff their branch's).

- Centre staff (branch staff included) record sessions, photos, mobile sessions and hotline calls of their unit and
  see those of their scope; the Department of Justice reads them (``writes_allowed`` is false for it).
- Yearly targets are set by the director or a deputy (a branch head for the branch), and the system administrator.
- Lawyers, collaborators and agency officers have no access.
"""

import rules

from legalaid.core.choices import Role
from legalaid.core.rules import has_role, is_centre_staff, is_doj_officer, writes_allowed
from legalaid.core.scoping import scope_of


@rules.predicate
def in_scope(user, record):
    """The record is of a Centre in the user's scope, and of their branch for branch staff; None: no object."""
    if record is None:
        return True
    scope = scope_of(user)
    if record.centre_id not in scope.centre_ids:
        return False
    return not scope.branch_id or record.branch_id == scope.branch_id


can_view = rules.is_superuser | is_centre_staff | is_doj_officer
can_write = rules.is_superuser | (is_centre_staff & writes_allowed & in_scope)
can_set_targets = rules.is_superuser | (
    has_role(Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.BRANCH_HEAD, Role.SYSADMIN) & writes_allowed & in_scope
)

rules.add_perm("outreach.view_session", can_view)
rules.add_perm("outreach.add_session", can_write)
rules.add_perm("outreach.change_session", can_write)
rules.add_perm("outreach.set_target", can_set_targets)
rules.add_perm("outreach.view_call", can_view)
rules.add_perm("outreach.add_call", can_write)
