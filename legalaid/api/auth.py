"""Authentication of machines: ``Authorization: Api-Key <prefix>.<secret>`` (docs/api.md)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from . import keys
from .models import ApiKey

KEYWORD = "Api-Key"
#: ``last_used_at`` is written at most this often per key (one UPDATE a minute, not one per call).
LAST_USED_EVERY = dt.timedelta(minutes=1)


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """The key's service account is ``request.user``; the key is ``request.auth``. A missing header leaves the session
    authentication to try; a wrong, expired or revoked key is a 401 with its reason in Vietnamese."""

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1", errors="replace")
        word, _sep, raw = header.partition(" ")
        if word.lower() != KEYWORD.lower():
            return None
        parts = keys.split(raw)
        if parts is None:
            raise exceptions.AuthenticationFailed(_("Khóa API không đúng định dạng."))
        prefix, secret = parts
        key = ApiKey.objects.select_related("user", "owner", "agency").filter(prefix=prefix).first()
        if key is None or not keys.matches(key, secret):
            raise exceptions.AuthenticationFailed(_("Khóa API không hợp lệ."))
        now = timezone.now()
        if key.revoked_at is not None:
            raise exceptions.AuthenticationFailed(_("Khóa API đã bị thu hồi."))
        if key.expires_at is not None and key.expires_at <= now:
            raise exceptions.AuthenticationFailed(_("Khóa API đã hết hạn."))
        user = key.user
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("Khóa API đã bị thu hồi."))
        scope = keys.scope_for(key)
        if scope is not None:
            user._legalaid_scope = scope
        if key.last_used_at is None or now - key.last_used_at >= LAST_USED_EVERY:
            ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
            key.last_used_at = now
        return user, key

    def authenticate_header(self, request):
        return KEYWORD
