"""Who reads the statistical reports: the Centre's managers and administration, branch heads (their branch), the
Department's officers (the Centres they oversee). What each sees is ``visible_to`` (``legalaid.core.scoping``)."""

import rules

from legalaid.core.rules import is_admin_staff, is_branch_head, is_centre_manager, is_doj_officer, is_sysadmin

can_view_reports = is_sysadmin | is_centre_manager | is_branch_head | is_admin_staff | is_doj_officer

rules.add_perm("reports.view_reports", can_view_reports)
