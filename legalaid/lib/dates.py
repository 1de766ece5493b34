"""Calendar days as aware datetime ranges: a filter on a DateTimeField by day that an index can serve.

`field__date__gte=day` becomes `(field AT TIME ZONE ...)::date >= day` on PostgreSQL (a cast per row, no index
serves it); `field__gte=start_of_day(day)` compares the column itself (docs/performance.md).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def start_of_day(day: dt.date) -> dt.datetime:
    """Midnight at the start of `day`, in the current (local) time zone, aware."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def day_range(first: dt.date, last: dt.date) -> dict[str, dt.datetime]:
    """The lookups keeping `first` to `last` (both included) as `{"gte": ..., "lt": ...}` for a DateTimeField."""
    return {"gte": start_of_day(first), "lt": start_of_day(last + dt.timedelta(days=1))}


def on_days(field: str, first: dt.date, last: dt.date) -> dict[str, dt.datetime]:
    """Filter kwargs keeping rows whose `field` (a DateTimeField) falls on `first` to `last` (local days)."""
    return {f"{field}__{lookup}": value for lookup, value in day_range(first, last).items()}
