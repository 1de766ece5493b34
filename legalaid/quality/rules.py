"""Who may do what in quality management. Which records a user sees is ``visible_to(user)`` (the appraisals follow
the Centre's scope; the evaluations are the Department's records: ``legalaid.core.scoping.DepartmentQuerySet``).

- Appraisal (the Centre's, TT 12/2018 Art. 16): the director and deputies (the branch head for the branch's cases),
  or a member of the Centre the director delegated (``AppraisalDelegation``), assign the appraiser; only the named
  appraiser records the appraisal; Centre staff and the Department read them.
- Evaluation (the Department's, TT 12/2018 Art. 15): Department of Justice officers make the plans and evaluate the
  cases of the Centres they oversee (they write these records, while the Centres' cases stay read-only for them);
  the Centre's director and deputies (the branch head for the branch) record that a required follow-up is done;
  Centre staff read the concluded evaluations of their own Centre.
"""

import rules
from django.utils import timezone

from legalaid.core.choices import Role
from legalaid.core.rules import has_role, is_centre_staff, is_doj_officer, writes_allowed
from legalaid.core.scoping import scope_of

is_manager = has_role(Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.BRANCH_HEAD)


def _centre_id(obj):
    return getattr(obj, "centre_id", None)


@rules.predicate
def same_centre(user, obj):
    """The record (a case, an appraisal, a follow-up's evaluation) belongs to the user's Centre (and branch, for
    branch staff); None (no object): the role check alone."""
    if obj is None:
        return True
    centre = user.centre
    if centre is None or centre.pk != _centre_id(obj):
        return False
    branch = user.branch
    return branch is None or getattr(obj, "branch_id", None) == branch.pk


@rules.predicate
def is_delegate(user, obj=None):
    """The director delegated the appraisal assignment to this user, today."""
    from legalaid.quality.models import AppraisalDelegation

    centre = user.centre
    if centre is None:
        return False
    today = timezone.localdate()
    return (
        AppraisalDelegation.objects.filter(centre=centre, delegate=user, valid_from__lte=today)
        .exclude(valid_to__lt=today)
        .exists()
    )


@rules.predicate
def is_the_appraiser(user, appraisal):
    return appraisal is None or appraisal.appraiser_id == user.pk


@rules.predicate
def same_department(user, obj):
    """The evaluation record belongs to the officer's Department (and, with a Centre, to one it oversees)."""
    if obj is None:
        return True
    scope = scope_of(user)
    if scope.doj_id is None or getattr(obj, "doj_id", None) != scope.doj_id:
        return False
    centre_id = _centre_id(obj)
    return centre_id is None or centre_id in scope.centre_ids


@rules.predicate
def follow_up_of_my_centre(user, follow_up):
    return follow_up is None or same_centre(user, follow_up.evaluation)


@rules.predicate
def follow_up_of_my_department(user, follow_up):
    return follow_up is None or same_department(user, follow_up.evaluation)


can_view_appraisal = rules.is_superuser | is_centre_staff | is_doj_officer
can_assign = rules.is_superuser | ((is_manager | is_delegate) & writes_allowed & same_centre)
can_appraise = rules.is_superuser | (is_the_appraiser & writes_allowed)

rules.add_perm("quality.view_appraisal", can_view_appraisal)
rules.add_perm("quality.assign_appraiser", can_assign)
rules.add_perm("quality.appraise", can_appraise)
rules.add_perm("quality.delegate_assignment", rules.is_superuser | (has_role(Role.DIRECTOR) & same_centre))

rules.add_perm("quality.view_evaluation", rules.is_superuser | is_centre_staff | is_doj_officer)
rules.add_perm("quality.manage_evaluation", rules.is_superuser | (is_doj_officer & same_department))
rules.add_perm(
    "quality.record_follow_up",
    rules.is_superuser
    | (is_doj_officer & follow_up_of_my_department)
    | (is_manager & writes_allowed & follow_up_of_my_centre),
)
