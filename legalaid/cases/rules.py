"""Who may do what on a case. Which cases a user sees is ``LegalAidCase.objects.visible_to(user)``: a lawyer or
collaborator sees only the cases assigned to them; a DOJ officer sees the Centres they oversee, read-only."""

import rules

from legalaid.core.choices import Role
from legalaid.core.rules import has_role, is_centre_staff, is_doj_officer, writes_allowed

is_provider = has_role(Role.LAWYER, Role.COLLABORATOR)

can_view_case = rules.is_superuser | is_centre_staff | is_doj_officer | is_provider
can_work_case = (rules.is_superuser | is_centre_staff | is_provider) & writes_allowed
can_archive_case = (rules.is_superuser | is_centre_staff) & writes_allowed

rules.add_perm("cases.view_case", can_view_case)
rules.add_perm("cases.work_case", can_work_case)
rules.add_perm("cases.archive_case", can_archive_case)
