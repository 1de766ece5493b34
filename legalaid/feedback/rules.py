"""Who may do what with surveys and the register of feedback and complaints. Which records a user sees is
``visible_to(user)`` (``FeedbackEntry.objects.visible_to``: the Department of Justice sees only second-level
complaints).

- Every member of a Centre (branch staff included) registers feedback, types in paper surveys, prints invitations,
  and records what was done on an entry.
- The first-level decision on a complaint is the head of the organisation's (Law on Legal Aid 2017 Art. 45(2)): the
  director or a deputy (a branch head for an entry of the branch).
- The second level is the Director of the Department of Justice's (Art. 45(3)): a Department officer records it, for
  a Centre the Department oversees. Otherwise the Department reads only.
- Lawyers, collaborators and agency officers have no access to the register or the answers.
"""

import rules

from legalaid.core.choices import Role
from legalaid.core.rules import has_role, is_centre_staff, is_doj_officer, writes_allowed
from legalaid.core.scoping import scope_of

is_head = has_role(Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.BRANCH_HEAD)


@rules.predicate
def in_scope(user, entry):
    """The entry belongs to a Centre the user works in (or oversees); None: no object to check."""
    if entry is None:
        return True
    return entry.centre_id in scope_of(user).centre_ids


@rules.predicate
def entry_second_level(user, entry):
    return entry is None or entry.level == 2


can_view = rules.is_superuser | is_centre_staff | is_doj_officer
centre_work = is_centre_staff & writes_allowed & in_scope
department_work = is_doj_officer & in_scope & entry_second_level

rules.add_perm("feedback.view_entry", can_view)
rules.add_perm("feedback.add_entry", rules.is_superuser | (is_centre_staff & writes_allowed))
rules.add_perm("feedback.work_entry", rules.is_superuser | centre_work | department_work)
rules.add_perm("feedback.escalate_entry", rules.is_superuser | centre_work | (is_doj_officer & in_scope))
rules.add_perm("feedback.decide_first_level", rules.is_superuser | (is_head & writes_allowed & in_scope))
rules.add_perm("feedback.decide_second_level", rules.is_superuser | department_work)
#: A second complaint sent straight to the Director of the Department of Justice (Art. 45(3)), never entered at the
#: Centre: a Department officer registers it for a Centre the Department oversees (checked by the service; like the
#: second-level decision, a Department record although the Centres' own records stay read-only to the Department).
rules.add_perm("feedback.register_second_level", rules.is_superuser | is_doj_officer)
rules.add_perm("feedback.view_survey", can_view)
rules.add_perm("feedback.enter_survey", rules.is_superuser | (is_centre_staff & writes_allowed))
