"""Who may do what with plans. Which plans a user sees is ``Plan.objects.visible_to(user)``.

- Manage plans (import, edit, change any task): the Centre's director and deputies, its administration department
  (Phòng Hành chính – Tổng hợp, which "theo dõi, đôn đốc thực hiện" the plan) and its system administrator.
- Report progress on a task: those managers, and the Centre's other staff on the tasks their unit leads.
- View: every Centre staff member, and the Department of Justice's officers (read only).
- Lawyers, collaborators and agency officers: no plan pages.
"""

import rules

from legalaid.core.choices import OrganisationKind
from legalaid.core.rules import (
    is_admin_staff,
    is_centre_manager,
    is_centre_staff,
    is_doj_officer,
    is_sysadmin,
    writes_allowed,
)

from .choices import UnitGroup, UnitRole

can_view_plans = rules.is_superuser | is_centre_staff | is_doj_officer
can_manage_plans = (is_sysadmin | is_centre_manager | is_admin_staff) & writes_allowed


def leads(task, organisation) -> bool:
    """Whether ``organisation`` leads ``task``: named as lead, or part of a group named as lead ("các Chi nhánh"),
    or the task is led by the Centre as a whole."""
    if organisation is None:
        return False
    for unit in task.units.all():
        if unit.role != UnitRole.LEAD:
            continue
        if unit.organisation_id == organisation.pk:
            return True
        if (
            unit.organisation_id
            and unit.organisation_id == organisation.centre_id
            and unit.organisation.kind == (OrganisationKind.CENTRE)
        ):
            return True
        if unit.group == UnitGroup.BRANCHES and organisation.kind == OrganisationKind.BRANCH:
            return True
        if unit.group == UnitGroup.DEPARTMENTS and organisation.kind == OrganisationKind.DEPARTMENT:
            return True
    return False


@rules.predicate
def leads_task(user, task):
    if task is None:
        return False
    return leads(task, user.organisation)


rules.add_perm("plans.view_plan", can_view_plans)
rules.add_perm("plans.manage_plan", can_manage_plans)
rules.add_perm("plans.report_progress", can_manage_plans | (is_centre_staff & writes_allowed & leads_task))
