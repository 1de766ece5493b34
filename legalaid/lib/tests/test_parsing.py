import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legalaid.lib.parsing import (
    MAX_DATE,
    MAX_ID,
    MAX_YEAR,
    MIN_DATE,
    MIN_YEAR,
    id_for,
    parse_date,
    parse_id,
    parse_int,
    parse_year,
)

ANYTHING = st.one_of(st.text(), st.integers().map(str), st.none(), st.integers(), st.floats().map(str))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", 1),
        (" 42 ", 42),
        (str(MAX_ID), MAX_ID),
        (str(MAX_ID + 1), None),
        ("12345678901234567890123", None),
        ("0", None),
        ("-1", None),
        ("", None),
        (None, None),
        ("abc", None),
        ("1e3", None),
        ("1.0", None),
        ("١٢٣", None),  # Arabic-Indic digits: int() reads them, an id never has them
        ("𝟙", None),
        ("1\x00", None),
        (7, 7),
        (True, None),
    ],
)
def test_parse_id(text, expected):
    assert parse_id(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2025", 2025), (str(MIN_YEAR), MIN_YEAR), (str(MAX_YEAR), MAX_YEAR), ("1999", None), ("2101", None)]
    + [(bad, None) for bad in ("-1", "0", "abc", "2147483648", "1e309", "NaN", "")],
)
def test_parse_year(text, expected):
    assert parse_year(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14/03/2025", dt.date(2025, 3, 14)),
        ("4/3/2025", dt.date(2025, 3, 4)),
        ("2025-03-14", dt.date(2025, 3, 14)),
        ("31/02/2025", None),
        ("00/00/0000", None),
        ("31/12/9999", None),  # beyond MAX_DATE: no date arithmetic may reach date.max
        ("01/01/0001", None),
        ("31/12/1899", None),
        ("03/14/2025", None),
        ("", None),
        (None, None),
        (dt.date(2025, 3, 14), dt.date(2025, 3, 14)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_parse_int_bounds():
    assert parse_int("-5") == -5
    assert parse_int("-5", min_value=0) is None
    assert parse_int("11", max_value=10) is None
    assert parse_int("+7") == 7


def test_id_for_follows_the_column():
    from legalaid.core.models import Organisation, Province

    assert id_for(Organisation, "5") == 5
    assert id_for(Organisation, str(MAX_ID + 1)) is None
    # Province.code is a PositiveSmallIntegerField: 40,000 cannot be one.
    assert id_for(Province, "40000", field_name="code") is None
    assert id_for(Province, "1", field_name="code") == 1


@settings(max_examples=300, derandomize=True, deadline=None)
@given(ANYTHING)
def test_the_parsers_never_raise_and_stay_in_range(value):
    number = parse_id(value)
    assert number is None or 1 <= number <= MAX_ID
    year = parse_year(value)
    assert year is None or MIN_YEAR <= year <= MAX_YEAR
    day = parse_date(value)
    assert day is None or MIN_DATE <= day <= MAX_DATE


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.integers(min_value=1, max_value=MAX_ID))
def test_every_id_reads_back(number):
    assert parse_id(str(number)) == number


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.dates(min_value=MIN_DATE, max_value=MAX_DATE))
def test_every_date_reads_back_from_dd_mm_yyyy(day):
    assert parse_date(f"{day.day:02d}/{day.month:02d}/{day.year}") == day
