"""The session saved only when it must be: when it changed, or when its sliding expiry is due to move.

The session ends after ``SESSION_COOKIE_AGE`` (30 minutes) without activity. ``SESSION_SAVE_EVERY_REQUEST`` kept that
by writing the session row on every page view (a savepoint, an UPDATE and a release per request, issue 11). Here the
database store remembers the expiry it read, and ``SlidingExpiryMiddleware`` marks the session modified only when
that expiry is more than ``SESSION_REFRESH_AFTER`` seconds (60) behind a fresh one: a user who keeps working is
written at most once a minute, and the idle timeout is 30 minutes, give or take that minute.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.utils import timezone


class SessionStore(DatabaseSessionStore):
    """The database session store, keeping the ``expire_date`` of the row it loaded."""

    loaded_expiry: dt.datetime | None = None

    def _get_session_from_db(self):
        found = super()._get_session_from_db()
        self.loaded_expiry = found.expire_date if found is not None else None
        return found


def needs_refresh(session, now: dt.datetime | None = None) -> bool:
    """The stored expiry of ``session`` is older than the refresh interval allows (it should slide forward)."""
    loaded = getattr(session, "loaded_expiry", None)
    if loaded is None:
        return False
    now = now or timezone.now()
    fresh = now + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    return fresh - loaded > dt.timedelta(seconds=settings.SESSION_REFRESH_AFTER)


class SlidingExpiryMiddleware:
    """After the view: a session that was read, holds data and whose expiry is due to move is marked modified, so
    ``SessionMiddleware`` (which answers after this one) saves it and pushes the expiry forward."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        active = session is not None and session.accessed and not session.modified and not session.is_empty()
        if active and needs_refresh(session):
            session.modified = True
        return response
