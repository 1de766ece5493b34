"""A fixed-window request limit per client address, kept in the cache (the public survey page).

The cache key holds a hash of the address, never the address itself. Limits: ``SURVEY_RATE_LIMIT`` requests per
``SURVEY_RATE_WINDOW`` seconds (settings, env-driven).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache

from legalaid.core.middleware import client_ip


def _key(scope: str, request) -> str:
    address = client_ip(request) or "unknown"
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def allow(request, scope: str = "survey") -> bool:
    """Count this request; False once the address has made more than the limit within the window."""
    limit = getattr(settings, "SURVEY_RATE_LIMIT", 30)
    window = getattr(settings, "SURVEY_RATE_WINDOW", 600)
    key = _key(scope, request)
    if cache.add(key, 1, window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return True
    return count <= limit
