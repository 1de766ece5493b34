"""Who may do what with persons. Which persons a user sees is ``Person.objects.visible_to(user)``.

Centre staff (intake, officers, branch heads, directors, administration, the Centre's system administrator) view, add
and edit the persons of their scope; Department of Justice officers view them read-only. Lawyers, collaborators and
agency officers have no list: they will reach the persons of the cases assigned to them (``PersonQuerySet.assigned_q``).
"""

import rules

from legalaid.core.rules import is_centre_staff, is_doj_officer, writes_allowed

can_view_people = rules.is_superuser | is_centre_staff | is_doj_officer
can_edit_people = (rules.is_superuser | is_centre_staff) & writes_allowed

rules.add_perm("people.view_person", can_view_people)
rules.add_perm("people.add_person", can_edit_people)
rules.add_perm("people.change_person", can_edit_people)
rules.add_perm("people.export_person", can_view_people)
