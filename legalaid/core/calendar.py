"""The working-day calendar. Every deadline in the system is computed with these two functions.

A day is a working day when it is Monday to Friday and not a public holiday (Labour Code 2019 Art. 112), unless an
administrator's override says otherwise (an extra day off, a holiday removed, a Saturday worked in a swap).
"""

from __future__ import annotations

import datetime as dt

from django.core.cache import cache

from legalaid.core.choices import OverrideKind

_CACHE_VERSION_KEY = "calendar:version"
# Short enough that, with a per-process cache (no REDIS_URL), an edit made in one server process reaches the others
# within minutes; the invalidation below makes it immediate in the process that made it (and everywhere with Redis).
_CACHE_TIMEOUT = 300


def _version() -> int:
    return cache.get_or_set(_CACHE_VERSION_KEY, 1, None)


def invalidate() -> None:
    """Called by the calendar services after any change to holidays or overrides."""
    try:
        cache.incr(_CACHE_VERSION_KEY)
    except ValueError:
        cache.set(_CACHE_VERSION_KEY, 2, None)


def _year_days(year: int) -> tuple[frozenset[dt.date], frozenset[dt.date], frozenset[dt.date]]:
    """(holidays, extra days off, extra working days) of one year, cached."""
    key = f"calendar:{_version()}:{year}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    from legalaid.core.models import CalendarOverride, PublicHoliday

    holidays = frozenset(PublicHoliday.objects.filter(date__year=year).values_list("date", flat=True))
    days_off, working = set(), set()
    for date, kind in CalendarOverride.objects.filter(date__year=year).values_list("date", "kind"):
        (days_off if kind == OverrideKind.DAY_OFF else working).add(date)
    value = (holidays, frozenset(days_off), frozenset(working))
    cache.set(key, value, _CACHE_TIMEOUT)
    return value


def is_working_day(day: dt.date) -> bool:
    """True when ``day`` is a working day for the state administration."""
    holidays, days_off, working = _year_days(day.year)
    if day in working:
        return True
    if day in days_off:
        return False
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The date ``n`` working days after ``start``; ``start`` itself is not counted.

    ``n = 0`` gives ``start`` if it is a working day, else the next working day (a time limit that ends on a day off
    moves to the next working day, Civil Code Art. 148 [UNCONFIRMED, DOMAIN.md §9]). Negative ``n`` counts back.
    """
    if isinstance(start, dt.datetime):
        start = start.date()
    day = start
    if n == 0:
        while not is_working_day(day):
            day += dt.timedelta(days=1)
        return day
    step = dt.timedelta(days=1 if n > 0 else -1)
    remaining = abs(n)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end`` <= ``start``)."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
