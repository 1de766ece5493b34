"""Vietnamese display formats used by templates, documents and exports (dd/mm/yyyy, 1.800.000 đ)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Monday first, as date.weekday() counts; never strftime("%a"), which prints the C locale's English "Thu".
WEEKDAYS = (_("Thứ Hai"), _("Thứ Ba"), _("Thứ Tư"), _("Thứ Năm"), _("Thứ Sáu"), _("Thứ Bảy"), _("Chủ nhật"))


def format_date(value: dt.date | dt.datetime | None, empty: str = "") -> str:
    """21/01/2026; a datetime is first turned into local time; ISO text (as JSON data keeps dates) is read first."""
    if value is None or value == "":
        return empty
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return value.strftime("%d/%m/%Y")


def format_weekday(value: dt.date | dt.datetime | None) -> str:
    """Thứ Năm (Thursday in English) for a date; a datetime is first turned into local time."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return str(WEEKDAYS[value.weekday()])


def format_datetime(value: dt.datetime | None, empty: str = "") -> str:
    """14:05 21/01/2026 in local time."""
    if value is None:
        return empty
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%H:%M %d/%m/%Y")


def format_number(value: int | float | Decimal | None, decimals: int = 0) -> str:
    """1.800.000 or 0,38: dot groups thousands, comma marks decimals."""
    if value is None:
        return ""
    text = f"{Decimal(value):,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_money(value: int | float | Decimal | None) -> str:
    """1.800.000 đ (whole dong; the dong has no minor unit in use)."""
    if value is None:
        return ""
    return f"{format_number(Decimal(value).quantize(Decimal(1)))} đ"


def querystring(request, **changes) -> str:
    """The current query string with some parameters changed (None removes one); used by pagination.

    Built from the URL's own parameters: a stored search stays behind its key ``s`` (legalaid.core.saved_search)."""
    params = getattr(request, "url_params", request.GET).copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(list(params.lists()), doseq=True) if params else "?"
