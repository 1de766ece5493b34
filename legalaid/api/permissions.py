"""Who may call what: a key by its scopes, a staff session by its role (docs/api.md)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework import exceptions, permissions

from .choices import SESSION_READ_SCOPES
from .models import ApiKey


def key_of(request) -> ApiKey | None:
    return request.auth if isinstance(request.auth, ApiKey) else None


class ScopePermission(permissions.BasePermission):
    """The view names the scope of its reads (``read_scope``) and of its writes (``write_scope``).

    - A key needs that scope among its own.
    - A staff session reads what its role sees on the pages (``visible_to`` does the rest) and writes only where the
      view's ``session_may_write(user)`` says its role may (CSRF is enforced by the session authentication).
    """

    def has_permission(self, request, view):
        user = request.user
        if user is None or not user.is_authenticated:
            raise exceptions.NotAuthenticated(_("Cần khóa API hoặc đăng nhập."))
        safe = request.method in permissions.SAFE_METHODS
        needed = getattr(view, "read_scope" if safe else "write_scope", None)
        if not needed:
            raise exceptions.PermissionDenied(_("Không có quyền thực hiện thao tác này."))
        key = key_of(request)
        if key is not None:
            if needed not in key.scopes:
                raise exceptions.PermissionDenied(_("Khóa API không có phạm vi “%(scope)s”.") % {"scope": needed})
            return True
        if safe:
            return needed in SESSION_READ_SCOPES
        may_write = getattr(view, "session_may_write", None)
        if may_write is None or not may_write(user):
            raise exceptions.PermissionDenied(_("Vai trò của bạn chỉ được đọc qua API."))
        return True
