"""Who may do what with payments (django-rules; ``rules.py`` of this app is the fee rule, so the predicates live here).

- Rates: every member of a Centre and the Department's officers read the rates page; a system administrator adds a
  base salary value there (the coefficients of Art. 13 are edited in the Django admin).
"""

import rules

from legalaid.core.rules import is_centre_staff, is_doj_officer, is_sysadmin, writes_allowed

rules.add_perm("payments.view_rates", is_centre_staff | is_doj_officer | rules.is_superuser)
rules.add_perm("payments.manage_rates", is_sysadmin & writes_allowed)
