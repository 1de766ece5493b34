"""Who manages API keys: the Centre's director and deputy and its system administrator (a Department's keys: the
superuser). Department officers only read."""

import rules

from legalaid.core.rules import is_centre_manager, is_sysadmin, writes_allowed

rules.add_perm("api.manage_keys", (is_sysadmin | is_centre_manager) & writes_allowed)
