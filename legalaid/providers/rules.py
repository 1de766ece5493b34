"""Who may do what with providers and assignments. Which providers a user sees is ``Provider.objects.visible_to``.

- Centre staff and Department of Justice officers see the providers of their scope; a lawyer or collaborator sees
  their own record.
- The Centre's managers (director, deputies), its administration and its system administrator keep the list.
- Assignment decisions are signed by the director or a deputy, or by the branch head for a case of their branch
  (TT 12/2018 Art. 11: the decision is the head of the organisation's).
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
    is_sysadmin,
    writes_allowed,
)

is_provider_role = has_role(Role.LAWYER, Role.COLLABORATOR)


@rules.predicate
def signs_for_case(user, case=None):
    """Directors and deputies sign for every case of their Centre; a branch head for the cases of their branch."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if user.role in (Role.DIRECTOR, Role.DEPUTY_DIRECTOR):
        return case is None or case.centre_id == getattr(user.centre, "pk", None)
    if user.role == Role.BRANCH_HEAD:
        org = user.organisation
        if org is None or org.kind != OrganisationKind.BRANCH:
            return False
        return case is None or case.branch_id == org.pk
    return False


@rules.predicate
def staff_of_case_unit(user, case=None):
    """Staff of the case's Centre; branch staff for the cases of their branch only (DOMAIN 1.8: the beneficiary
    applies to the Centre or the branch that holds the case)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if case is None:
        return True
    if case.centre_id != getattr(user.centre, "pk", None):
        return False
    org = user.organisation
    if org is not None and org.kind == OrganisationKind.BRANCH:
        return case.branch_id == org.pk
    return True


can_view_providers = rules.is_superuser | is_centre_staff | is_doj_officer | is_provider_role
can_manage_providers = (is_sysadmin | is_centre_manager | is_admin_staff) & writes_allowed

rules.add_perm("providers.view_provider", can_view_providers)
rules.add_perm("providers.export_provider", rules.is_superuser | is_centre_staff | is_doj_officer)
rules.add_perm("providers.manage_provider", can_manage_providers)
rules.add_perm("providers.assign_case", signs_for_case & writes_allowed)
# A beneficiary's application to change the provider (DOMAIN 1.8): recorded by the staff of the case's unit, answered
# (change decision or refusal) by the signer (``providers.assign_case``).
rules.add_perm(
    "providers.record_change_application", (rules.is_superuser | is_centre_staff) & staff_of_case_unit & writes_allowed
)
rules.add_perm("providers.view_workload", rules.is_superuser | is_centre_manager | is_branch_head | is_doj_officer)
# The table of the officers' yearly litigation quotas (issue 4 item 9; legalaid/providers/views_quota.py).
rules.add_perm(
    "providers.view_quota_table",
    is_sysadmin | is_centre_manager | is_branch_head | is_admin_staff | is_doj_officer,
)
