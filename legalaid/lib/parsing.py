"""Parsing what a user types or a browser sends: ids, years, dates, bounded integers (issue 14 item 6).

One place for every form, filter, view and URL that turns text into a number or a date, so that no input reaches
the database or date arithmetic out of range: an id of 23 digits raises OverflowError on SQLite and "integer out of
range" on PostgreSQL; a year 0 or -1 makes ``date(year, 1, 1)`` fail; 31/12/9999 has no next day.

Each ``parse_*`` returns the value, or ``None`` when the text is empty, malformed or out of range (the caller shows
its message or ignores the parameter). Only ASCII digits count: Python's ``int()`` also reads "١٢٣" and "𝟙".
"""

from __future__ import annotations

import datetime as dt
import re

from django.utils.translation import gettext_lazy as _

#: The largest primary key: ids are BigAutoField (settings.DEFAULT_AUTO_FIELD), a signed 64-bit integer on SQLite
#: and PostgreSQL alike.
MAX_ID = 2**63 - 1
#: Upper bounds of the integer columns, by Django's internal field type (the same on SQLite and PostgreSQL for what
#: this project uses).
INTEGER_RANGES = {
    "SmallAutoField": (1, 2**15 - 1),
    "AutoField": (1, 2**31 - 1),
    "BigAutoField": (1, MAX_ID),
    "SmallIntegerField": (-(2**15), 2**15 - 1),
    "IntegerField": (-(2**31), 2**31 - 1),
    "BigIntegerField": (-(2**63), MAX_ID),
    "PositiveSmallIntegerField": (0, 2**15 - 1),
    "PositiveIntegerField": (0, 2**31 - 1),
    "PositiveBigIntegerField": (0, MAX_ID),
}

#: The years a user may ask for (plans, campaigns, studies, the calendar, registers).
MIN_YEAR = 2000
MAX_YEAR = 2100
#: The dates a form accepts: a birth in 1900 is still possible; nothing is planned beyond 2100, and date arithmetic
#: (deadlines, "the day after") stays far from date.max.
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)

#: Messages shown beside the field.
INVALID_YEAR = _("Năm phải là số từ %(min)s đến %(max)s.")
DATE_OUT_OF_RANGE = _("Ngày phải trong khoảng từ %(min)s đến %(max)s.")

_INTEGER = re.compile(r"[+-]?[0-9]{1,30}")
_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")


def parse_int(value, *, min_value: int | None = None, max_value: int | None = None) -> int | None:
    """An integer written in ASCII digits (optionally signed) within [min_value, max_value], else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    else:
        text = str(value if value is not None else "").strip()
        if not _INTEGER.fullmatch(text):
            return None
        number = int(text)
    if min_value is not None and number < min_value:
        return None
    if max_value is not None and number > max_value:
        return None
    return number


def parse_id(value, *, max_value: int = MAX_ID) -> int | None:
    """A primary key: 1 to ``max_value`` (the column's range), else None."""
    return parse_int(value, min_value=1, max_value=max_value)


def parse_year(value, *, min_value: int = MIN_YEAR, max_value: int = MAX_YEAR) -> int | None:
    """A year from ``min_value`` to ``max_value``, else None."""
    return parse_int(value, min_value=min_value, max_value=max_value)


def parse_date(value, *, min_value: dt.date = MIN_DATE, max_value: dt.date = MAX_DATE) -> dt.date | None:
    """A date typed dd/mm/yyyy (or sent yyyy-mm-dd by a date picker), within the bounds, else None."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
    else:
        text = str(value if value is not None else "").strip()
        day = None
        for fmt in _DATE_FORMATS:
            try:
                day = dt.datetime.strptime(text, fmt).date()
                break
            except ValueError:
                continue
        if day is None:
            return None
    return day if min_value <= day <= max_value else None


def pk_range(model) -> tuple[int, int]:
    """The ids ``model``'s primary key can hold."""
    pk = model._meta.pk
    while pk.is_relation:  # a one-to-one primary key: the target's range
        pk = pk.target_field
    return INTEGER_RANGES.get(pk.get_internal_type(), (None, None))


def id_for(model, value, *, field_name: str | None = None) -> int | str | None:
    """The value of ``model``'s ``field_name`` (its primary key by default) parsed for a lookup: an id in the
    column's range for an integer key, the stripped text otherwise; None when it cannot match any row."""
    target = model._meta.get_field(field_name) if field_name else model._meta.pk
    while target.is_relation:
        target = target.target_field
    low, high = INTEGER_RANGES.get(target.get_internal_type(), (None, None))
    if low is None:
        text = str(value if value is not None else "").strip()
        return text if text and "\x00" not in text else None
    return parse_int(value, min_value=max(low, 1) if target.primary_key else low, max_value=high)
