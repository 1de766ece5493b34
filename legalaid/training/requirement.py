"""The yearly training requirement of legal aid officers (TT 12/2018/TT-BTP Art. 4; DOMAIN.md 3 [C]): each legal aid
officer (Trợ giúp viên pháp lý) attends at least 08 hours a year of mandatory training in law, skills and
professional ethics. The number is dated data (``LegalParameter`` ``training.officer_hours_per_year``).

Counting rules (the Circular does not say; UNCONFIRMED, docs/rules-to-confirm.md):
- the hours of an event count in the year of its last day (``ends_on``);
- the requirement of a year is the value in force on 31 December of that year (a change during the year applies to
  the whole year); a year before any value is in force has no requirement (None);
- an officer who took the title during the year owes the whole requirement (no pro rata).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Q

from legalaid.core.models import LegalParameter

from . import reference

#: Values read during one request (keyed by its request id): the home page asks for the same parameter from its
#: panel and its work queue sections. Outside a request (services, commands, tests) nothing is kept.
_PER_REQUEST: dict[tuple, Decimal | None] = {}


def _value_on(code: str, on_date: dt.date) -> Decimal | None:
    from legalaid.core.middleware import current_request_id

    request_id = current_request_id()
    key = (request_id, code, on_date)
    if request_id and key in _PER_REQUEST:
        return _PER_REQUEST[key]
    try:
        value = LegalParameter.value_on(code, on_date)
    except LookupError:
        value = None
    if request_id:
        if len(_PER_REQUEST) > 512:
            _PER_REQUEST.clear()
        _PER_REQUEST[key] = value
    return value


def hours_required(year: int) -> Decimal | None:
    """The hours a legal aid officer must attend in ``year`` (TT 12/2018 Art. 4); None: no requirement that year."""
    return _value_on(reference.HOURS_REQUIRED, dt.date(year, 12, 31))


def year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def counted_in(year: int, prefix: str = "event__") -> Q:
    """Participations whose event ended in ``year`` (the hours count in the year of the event's last day)."""
    first, last = year_range(year)
    return Q(**{f"{prefix}ends_on__gte": first, f"{prefix}ends_on__lte": last})


def shortfall(hours: Decimal | None, required: Decimal | None) -> Decimal | None:
    """The hours still missing (0 when reached); None when there is no requirement."""
    if required is None:
        return None
    return max(required - (hours or Decimal(0)), Decimal(0))


def alert_starts_on(year: int) -> dt.date | None:
    """The day from which an officer short of hours appears in the work queue (``training.shortfall_alert_month``,
    UNCONFIRMED: 1 October by default); None when no value is in force."""
    month = _value_on(reference.ALERT_MONTH, dt.date(year, 1, 1))
    if month is None or not 1 <= int(month) <= 12:
        return None
    return dt.date(year, int(month), 1)


def alert_active(today: dt.date) -> bool:
    start = alert_starts_on(today.year)
    return start is not None and today >= start and hours_required(today.year) is not None


def max_hours(starts_on: dt.date, ends_on: dt.date) -> Decimal | None:
    """The most hours one can plausibly attend at an event of these days (``training.max_hours_per_day``)."""
    per_day = _value_on(reference.MAX_HOURS_PER_DAY, starts_on)
    if per_day is None:
        return None
    return per_day * ((ends_on - starts_on).days + 1)


def hours_text(value) -> str:
    """Hours as Vietnamese write them: "8", "7,5"."""
    from legalaid.lib.formatting import format_number

    text = format_number(value or 0, 1)
    return text[:-2] if text.endswith(",0") else text
