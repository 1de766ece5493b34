"""Vietnamese display formats: dd/mm/yyyy and 1.800.000 đ."""

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
from django.test import RequestFactory

from legalaid.lib.formatting import (
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_weekday,
    querystring,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1800000, "1.800.000 đ"),
        (0, "0 đ"),
        (500, "500 đ"),
        (1000, "1.000 đ"),
        (2340000000, "2.340.000.000 đ"),
        (Decimal("1800000.40"), "1.800.000 đ"),
        (Decimal("999.5"), "1.000 đ"),
        (-250000, "-250.000 đ"),
        (None, ""),
    ],
)
def test_format_money(value, text):
    assert format_money(value) == text


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1800000, 0, "1.800.000"),
        (Decimal("0.38"), 2, "0,38"),
        (Decimal("1234567.891"), 2, "1.234.567,89"),
        (0.5, 1, "0,5"),
        (12, 2, "12,00"),
        (None, 0, ""),
    ],
)
def test_format_number(value, decimals, text):
    assert format_number(value, decimals) == text


def test_format_date():
    assert format_date(dt.date(2026, 1, 21)) == "21/01/2026"
    assert format_date(dt.date(2025, 9, 2)) == "02/09/2025"
    assert format_date(None) == ""
    assert format_date(None, empty="–") == "–"


def test_format_date_of_an_aware_datetime_uses_local_time(settings):
    settings.TIME_ZONE = "Asia/Ho_Chi_Minh"
    # 20:30 UTC on 31/12/2025 is 03:30 on 01/01/2026 in Hà Nội.
    moment = dt.datetime(2025, 12, 31, 20, 30, tzinfo=dt.UTC)
    assert format_date(moment) == "01/01/2026"
    assert format_datetime(moment) == "03:30 01/01/2026"
    assert format_datetime(None) == ""


def test_format_datetime_naive_is_kept():
    assert format_datetime(dt.datetime(2026, 3, 5, 9, 7)) == "09:07 05/03/2026"
    hcm = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
    assert format_datetime(dt.datetime(2026, 3, 5, 9, 7, tzinfo=hcm)) == "09:07 05/03/2026"


def test_querystring_changes_one_parameter_and_keeps_the_others():
    request = RequestFactory().get("/", {"q": "Đức", "page": "2", "role": ["a", "b"]})
    result = querystring(request, page=3)
    assert result.startswith("?")
    from urllib.parse import parse_qs

    parsed = parse_qs(result[1:])
    assert parsed == {"q": ["Đức"], "page": ["3"], "role": ["a", "b"]}
    assert "page" not in parse_qs(querystring(request, page=None)[1:])
    assert querystring(RequestFactory().get("/"), page=None) == "?"


def test_format_weekday_is_vietnamese_and_follows_the_language():
    from django.utils import translation

    monday = dt.date(2026, 1, 5)
    names = [format_weekday(monday + dt.timedelta(days=n)) for n in range(7)]
    assert names == ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
    assert format_weekday(None) == ""
    with translation.override("en"):
        assert format_weekday(dt.date(2026, 1, 8)) == "Thursday"


def test_format_date_reads_iso_text():
    assert format_date("2026-03-31") == "31/03/2026"
    assert format_date("2026-03-31T10:00:00") == "31/03/2026"
    assert format_date("quý I") == "quý I"
    assert format_date("", "?") == "?"
