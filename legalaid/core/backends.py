"""The authentication backend: Django's ``ModelBackend`` for passwords and the admin, leaving the permissions the
rules define to the rules alone (docs/security.md, "Permissions").

Every permission of the application is a rule (``legalaid/*/rules.py``, ``rules.add_perm``), answered by the rules'
``ObjectPermissionBackend`` listed before this one. When a rule says no, Django asks the next backend; the plain
``ModelBackend`` then reads the user's model permissions (two queries, once per request) for a permission no one can
grant in the database: the menu alone asks for a dozen permissions a role does not have, so every page paid for them.
Here a permission the rules define is answered by the rules: no query. Model permissions the rules do not define (the
admin's ``add_``/``change_``/``view_``/``delete_`` of each model) are still answered from the database, and an active
superuser still has every permission (``User.has_perm`` answers that before asking any backend).
"""

from __future__ import annotations

import rules
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend


class ModelBackend(DjangoModelBackend):
    def has_perm(self, user_obj, perm, obj=None):
        if rules.perm_exists(perm):
            return False  # the rules' backend, asked first, already said no
        return super().has_perm(user_obj, perm, obj)
