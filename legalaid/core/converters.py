"""Path converters for ids and years in URLs (issue 14 item 6), registered in ``CoreConfig.ready``.

``<id:pk>`` matches only a primary key the database can hold (1 to 2^63 - 1, ``parsing.MAX_ID``): a path with a
longer number is a 404 before any view runs, never an OverflowError (SQLite) or "integer out of range" (PostgreSQL)
from a lookup. ``<year:year>`` matches a four-digit year from ``parsing.MIN_YEAR`` to ``parsing.MAX_YEAR``.
Use them instead of ``<int:...>`` in every ``urls.py`` (a test fails on an ``<int:...>``).
"""

from __future__ import annotations

from legalaid.lib import parsing


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = parsing.parse_id(value)
        if number is None:
            raise ValueError(value)  # the pattern does not match: 404
        return number

    def to_url(self, value) -> str:
        number = parsing.parse_id(value)
        if number is None:
            raise ValueError(value)
        return str(number)


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = parsing.parse_year(value)
        if year is None:
            raise ValueError(value)
        return year

    def to_url(self, value) -> str:
        year = parsing.parse_year(value)
        if year is None:
            raise ValueError(value)
        return str(year)


def register_converters() -> None:
    from django.urls import register_converter
    from django.urls.converters import get_converters

    converters = get_converters()
    if "id" not in converters:
        register_converter(IdConverter, "id")
    if "year" not in converters:
        register_converter(YearConverter, "year")
