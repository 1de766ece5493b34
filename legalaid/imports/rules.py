"""Who may import a register: a Centre's director or deputy (they answer for the Centre's books, TT 12/2018 Art. 5),
or a system administrator; never a read-only Department officer. Into which units: ``services.import_units``."""

import rules

from legalaid.core.rules import is_centre_manager, is_sysadmin, writes_allowed

can_import_register = (is_centre_manager | is_sysadmin) & writes_allowed

rules.add_perm("imports.import_register", can_import_register)
