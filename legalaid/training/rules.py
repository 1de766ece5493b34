"""Who may do what with trainings and court duty. Which records a user sees is ``visible_to(user)`` (the Centre's
scope; branch staff also see the head office's; lawyers and collaborators their own).

- Trainings: the Centre's managers (director, deputies), the branch head (for the branch) and the administration
  record events, participants, hours and certificates; Centre staff and the Department read them; a lawyer or
  collaborator reads the events they attended.
- The officers' hours table: managers, branch head (their branch), administration, the Department (read only).
- Court duty: the same managers and administration keep the roster; a provider reads their own duty; the people
  helped during a duty are recorded by Centre staff of the unit or by the provider on duty who works at the Centre
  (through intake's own services).
"""

import rules

from legalaid.core.choices import OrganisationKind, Role
from legalaid.core.rules import (
    has_role,
    is_admin_staff,
    is_branch_head,
    is_centre_manager,
    is_centre_staff,
    is_doj_officer,
    writes_allowed,
)

is_provider_role = has_role(Role.LAWYER, Role.COLLABORATOR)
is_keeper = is_centre_manager | is_branch_head | is_admin_staff | has_role(Role.SYSADMIN)


@rules.predicate
def of_my_unit(user, obj=None):
    """The record (an event or a duty slot) belongs to the user's Centre; for branch staff, to their branch."""
    if obj is None:
        return True
    if user.is_superuser:
        return True
    centre = user.centre
    if centre is None or obj.centre_id != centre.pk:
        return False
    org = user.organisation
    if org is not None and org.kind == OrganisationKind.BRANCH:
        return obj.branch_id == org.pk
    return True


@rules.predicate
def is_on_duty(user, slot=None):
    """The user is the provider on this duty."""
    if slot is None:
        return False
    provider = slot.provider
    return provider.user_id is not None and provider.user_id == user.pk


can_view = rules.is_superuser | is_centre_staff | is_doj_officer | is_provider_role
can_keep = rules.is_superuser | (is_keeper & writes_allowed & of_my_unit)

rules.add_perm("training.view_event", can_view)
rules.add_perm("training.manage_event", can_keep)
rules.add_perm(
    "training.view_hours_table",
    rules.is_superuser | is_keeper | is_doj_officer,
)
rules.add_perm("training.view_duty", can_view)
rules.add_perm("training.manage_duty", can_keep)
rules.add_perm(
    "training.record_duty_help",
    rules.is_superuser
    | (is_centre_staff & writes_allowed & of_my_unit)
    | (is_on_duty & writes_allowed & has_role(Role.OFFICER)),
)
