"""Who may do what with persons. Which persons a user sees is ``Person.objects.visible_to(user)``.

Centre staff (intake, officers, branch heads, directors, administration, the Centre's system administrator) view, add
and edit the persons of their scope; Department of Justice officers view them read-only. Lawyers, collaborators and
agency officers have no list: they will reach the persons of the cases assigned to them (``PersonQuerySet.assigned_q``).
"""

import rules

from legalaid.core.rules import is_centre_manager, is_centre_staff, is_doj_officer, writes_allowed

can_view_people = rules.is_superuser | is_centre_staff | is_doj_officer
can_edit_people = (rules.is_superuser | is_centre_staff) & writes_allowed

rules.add_perm("people.view_person", can_view_people)
rules.add_perm("people.add_person", can_edit_people)
rules.add_perm("people.change_person", can_edit_people)
rules.add_perm("people.export_person", can_view_people)

# --- Personal data rights (docs/privacy.md) ---------------------------------------------------------------------------
# Exporting everything held about a person, and deciding on a request to correct it, are acts of the controller: the
# Centre's director or deputy director, or a designated data protection officer (a Centre staff member put in the group
# "Cán bộ bảo vệ dữ liệu cá nhân" by the system administrator; Decree 13/2023 Art. 28 asks for a designated person or
# unit, UNCONFIRMED). Which persons: ``Person.objects.visible_to(user)`` as everywhere. Any staff member who may edit
# persons may record a request received; only these roles decide it.

#: The group of designated data protection officers (created by migration people.0005).
DATA_OFFICERS_GROUP = "Cán bộ bảo vệ dữ liệu cá nhân"


@rules.predicate
def is_data_officer(user):
    return user.is_authenticated and user.groups.filter(name=DATA_OFFICERS_GROUP).exists()


can_exercise_data_rights = (is_centre_manager | (is_centre_staff & is_data_officer)) & writes_allowed

rules.add_perm("people.exercise_data_rights", can_exercise_data_rights)
rules.add_perm("people.record_correction", can_edit_people)
