"""Who may do what with commendation campaigns. Which campaigns a user sees is ``Campaign.objects.visible_to(user)``.

- The Centre's board (director, deputies) and its administration department manage campaigns: create and edit them,
  launch and close them, approve or reject nominations, record decisions and awards.
- Every member of the Centre (branch staff included) views the campaigns and proposes nominees.
- Department of Justice officers view (read only). Lawyers, collaborators and agency officers have no access.
"""

import rules

from legalaid.core.choices import Role
from legalaid.core.rules import has_role, is_centre_staff, is_doj_officer, writes_allowed

is_commendation_manager = has_role(Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.ADMIN_STAFF)


@rules.predicate
def same_centre(user, campaign):
    if campaign is None:
        return True
    return user.centre is not None and user.centre.pk == campaign.centre_id


can_view = rules.is_superuser | is_centre_staff | is_doj_officer
can_manage = rules.is_superuser | (is_commendation_manager & writes_allowed & same_centre)

rules.add_perm("commendations.view_campaign", can_view)
rules.add_perm("commendations.export_campaign", can_view)
rules.add_perm("commendations.manage_campaign", can_manage)
rules.add_perm(
    "commendations.propose_nomination", rules.is_superuser | (is_centre_staff & writes_allowed & same_centre)
)
