"""Per-address limits on the portal's forms, kept in the cache (as ``feedback.ratelimit`` does for survey links).

The cache key holds a keyed hash of the address, never the address. Two kinds of counters:

- ``allow(request, scope)``: every submission of a form counts; beyond ``PORTAL_FORM_RATE_LIMIT`` per
  ``PORTAL_FORM_RATE_WINDOW`` seconds the address gets the "too many" page (429).
- ``lookup_blocked`` / ``lookup_failed``: only wrong status lookups count; after ``PORTAL_LOOKUP_FAILURES`` within
  ``PORTAL_LOOKUP_WINDOW`` seconds the lookup refuses the address, right answers included, until the window ends.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache

from legalaid.core.middleware import client_ip


def address_key(request) -> str:
    address = client_ip(request) or "unknown"
    return hashlib.sha256(f"{settings.SECRET_KEY}:portal:{address}".encode()).hexdigest()[:32]


def _key(scope: str, request) -> str:
    return f"portal:rl:{scope}:{address_key(request)}"


def _count(key: str, window: int) -> int:
    if cache.add(key, 1, window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return 1


def allow(request, scope: str) -> bool:
    """Count one submission of a form; False once the address is over the limit."""
    limit = getattr(settings, "PORTAL_FORM_RATE_LIMIT", 20)
    window = getattr(settings, "PORTAL_FORM_RATE_WINDOW", 3600)
    return _count(_key(scope, request), window) <= limit


def lookup_blocked(request) -> bool:
    return (cache.get(_key("lookup-failed", request)) or 0) >= getattr(settings, "PORTAL_LOOKUP_FAILURES", 5)


def lookup_failed(request) -> int:
    """Count one wrong lookup; returns the count within the window."""
    return _count(_key("lookup-failed", request), getattr(settings, "PORTAL_LOOKUP_WINDOW", 900))
