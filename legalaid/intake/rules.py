"""Who may do what with requests and cases. Which records a user sees is ``visible_to(user)``.

Centre staff (intake, officers, branch heads, directors and deputies, administration, the Centre's system
administrator) receive requests and decide on them within their scope; Department of Justice officers view only.
Lawyers and collaborators see the list and pages of the cases assigned to them only; agency officers have no intake
lists.
"""

import rules

from legalaid.core.rules import is_centre_staff, is_doj_officer, writes_allowed

can_view_intake = rules.is_superuser | is_centre_staff | is_doj_officer
can_work_intake = (rules.is_superuser | is_centre_staff) & writes_allowed

rules.add_perm("intake.view_request", can_view_intake)
rules.add_perm("intake.add_request", can_work_intake)
rules.add_perm("intake.decide_request", can_work_intake)
rules.add_perm("intake.export_request", can_view_intake)
rules.add_perm("intake.view_simplematter", can_view_intake)
#: The registers page; which units' books a user may print is ``intake.papers.register_units`` (TT 12/2018 Art. 5).
rules.add_perm("intake.print_register", can_view_intake)
rules.add_perm("intake.add_simplematter", can_work_intake)
