"""The time-frame parser: the phrases of real plans, and properties over any text and over generated phrases."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legalaid.plans.parsing.timeframes import Timeframe, parse_timeframe

D = date


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# text, default_year, start, end, recurrence
CASES = [
    ("15/3/2025", None, D(2025, 3, 15), D(2025, 3, 15), ""),
    ("ngày 05/02/2026", None, D(2026, 2, 5), D(2026, 2, 5), ""),
    ("ngày 21 tháng 01 năm 2020", None, D(2020, 1, 21), D(2020, 1, 21), ""),
    ("trước ngày 15/3/2025", None, None, D(2025, 3, 15), ""),
    ("Trước ngày 15/3", 2025, None, D(2025, 3, 15), ""),
    ("Chậm nhất ngày 30/6/2025", None, None, D(2025, 6, 30), ""),
    ("trước tháng 6/2025", None, None, D(2025, 5, 31), ""),
    ("Tháng 01/2020", None, D(2020, 1, 1), D(2020, 1, 31), ""),
    ("Tháng 8/2022.", None, D(2022, 8, 1), D(2022, 8, 31), ""),
    ("tháng 3 năm 2020", None, D(2020, 3, 1), D(2020, 3, 31), ""),
    ("Tháng 02", 2024, D(2024, 2, 1), D(2024, 2, 29), ""),
    ("Quý I/2025", None, D(2025, 1, 1), D(2025, 3, 31), ""),
    ("Quý 1 năm 2025", None, D(2025, 1, 1), D(2025, 3, 31), ""),
    ("Quý IV", 2020, D(2020, 10, 1), D(2020, 12, 31), ""),
    ("Quý II - III năm 2020", None, D(2020, 4, 1), D(2020, 9, 30), ""),
    ("Quý II – III năm 2020", None, D(2020, 4, 1), D(2020, 9, 30), ""),
    ("Quý III, IV/2022", None, D(2022, 7, 1), D(2022, 12, 31), ""),
    ("Quý I và quý II năm 2025", None, D(2025, 1, 1), D(2025, 6, 30), ""),
    ("6 tháng đầu năm 2020", None, D(2020, 1, 1), D(2020, 6, 30), ""),
    ("6 tháng cuối năm", 2021, D(2021, 7, 1), D(2021, 12, 31), ""),
    ("Cả năm 2020", None, D(2020, 1, 1), D(2020, 12, 31), ""),
    ("Cả năm", 2023, D(2023, 1, 1), D(2023, 12, 31), ""),
    ("Năm 2020", None, D(2020, 1, 1), D(2020, 12, 31), ""),
    ("Giai đoạn 2021-2025", None, D(2021, 1, 1), D(2025, 12, 31), ""),
    ("Xuyên suốt năm 2022", None, D(2022, 1, 1), D(2022, 12, 31), "regular"),
    ("Thường xuyên (trong năm 2020)", None, D(2020, 1, 1), D(2020, 12, 31), "regular"),
    ("Thường xuyên trong năm 2020", None, D(2020, 1, 1), D(2020, 12, 31), "regular"),
    ("Thường xuyên", 2020, D(2020, 1, 1), D(2020, 12, 31), "regular"),
    ("Thường xuyên", None, None, None, "regular"),
    ("Hàng năm", None, None, None, "yearly"),
    ("Hằng năm", 2025, D(2025, 1, 1), D(2025, 12, 31), "yearly"),
    ("Tháng 12 hàng năm", 2025, D(2025, 12, 1), D(2025, 12, 31), "yearly"),
    ("Hàng tháng", None, None, None, "monthly"),
    ("Định kỳ hằng quý", None, None, None, "quarterly"),
    ("Từ tháng 01/2022 đến hết 15/9/2022", None, D(2022, 1, 1), D(2022, 9, 15), ""),
    ("Từ ngày 01/3/2025 đến ngày 30/6/2025", None, D(2025, 3, 1), D(2025, 6, 30), ""),
    ("Từ ngày 01/01/2022 đến ngày 30/6/2022.", None, D(2022, 1, 1), D(2022, 6, 30), ""),
    ("Từ 15/3 đến 30/6/2025", None, D(2025, 3, 15), D(2025, 6, 30), ""),
    ("Từ tháng 11 đến tháng 2/2021", None, D(2020, 11, 1), D(2021, 2, 28), ""),
    ("Từ tháng 3/2025", None, D(2025, 3, 1), None, ""),
    ("Đến hết năm 2022", None, None, D(2022, 12, 31), ""),
    ("Hoàn thành trong Quý I/2025", None, D(2025, 1, 1), D(2025, 3, 31), ""),
    ("Từ nay đến cuối năm", 2024, None, D(2024, 12, 31), ""),
    ("Quý II", "2024", D(2024, 4, 1), D(2024, 6, 30), ""),
    ("Trong tháng 10 và tháng 11/2022", None, D(2022, 10, 1), D(2022, 11, 30), ""),
    ("Tháng 10, 11/2022", None, D(2022, 10, 1), D(2022, 11, 30), ""),
    ("Theo tiến độ của các Đề án, Kế hoạch, Chương trình.", 2020, None, None, ""),
    ("", 2020, None, None, ""),
]


@pytest.mark.parametrize(("text", "default_year", "start", "end", "recurrence"), CASES)
def test_phrases_of_real_plans(text, default_year, start, end, recurrence):
    result = parse_timeframe(text, default_year=default_year)
    assert (result.start, result.end, result.recurrence) == (start, end, recurrence)
    assert result.text == text
    assert result.relative_working_days is None


def test_relative_deadline_in_working_days():
    result = parse_timeframe("Chậm nhất 05 ngày làm việc kể từ ngày nhận được yêu cầu", default_year=2025)
    assert result.relative_working_days == 5
    assert result.relative_event == "ngày nhận được yêu cầu"
    assert (result.start, result.end) == (None, None)
    assert result.to_json() == {
        "text": "Chậm nhất 05 ngày làm việc kể từ ngày nhận được yêu cầu",
        "start": None,
        "end": None,
        "recurrence": "",
        "relative_working_days": 5,
    }


def test_json_and_mapping_forms():
    result = parse_timeframe("Quý II - III năm 2020")
    assert result.to_json() == {
        "text": "Quý II - III năm 2020",
        "start": "2020-04-01",
        "end": "2020-09-30",
        "recurrence": "",
        "relative_working_days": None,
    }
    assert dict(result) == {**result.to_json(), "relative_event": ""}


def test_decomposed_unicode_and_odd_input():
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Quý II năm 2020")
    assert parse_timeframe(decomposed).start == D(2020, 4, 1)
    assert parse_timeframe(None).text == ""
    assert parse_timeframe("31/02/2020").start is None  # no such day: no date, no error


# --- Properties ----------------------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.integers(min_value=-5, max_value=10000)))
def test_never_raises_and_keeps_the_text(text, default_year):
    result = parse_timeframe(text, default_year=default_year)
    assert isinstance(result, Timeframe)
    assert result.text == text
    if result.start and result.end:
        assert result.start <= result.end
    assert result.recurrence in ("", "yearly", "regular", "monthly", "quarterly")


_WORDS = st.sampled_from(
    [
        "Quý",
        "quý",
        "tháng",
        "Tháng",
        "năm",
        "ngày",
        "từ",
        "đến",
        "hết",
        "trước",
        "I",
        "II",
        "III",
        "IV",
        "V",
        "-",
        "–",
        "/",
        ",",
        "và",
        "Thường xuyên",
        "hàng năm",
        "Cả",
        "6",
        "đầu",
        "cuối",
        "2020",
        "15/3",
        "31/12/2024",
        "0",
        "13",
        "99",
        "làm việc",
        "kể từ",
        "(",
        ")",
        " ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12), st.one_of(st.none(), st.integers(min_value=1990, max_value=2100)))
def test_word_salad_of_calendar_words(words, default_year):
    text = " ".join(words)
    result = parse_timeframe(text, default_year=default_year)
    assert result.text == text
    if result.start and result.end:
        assert result.start <= result.end


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
years = st.integers(min_value=1995, max_value=2099)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1995, 1, 1), max_value=date(2099, 12, 31)), st.booleans(), st.booleans())
def test_generated_dates(day, padded, before):
    d, m = (f"{day.day:02d}", f"{day.month:02d}") if padded else (str(day.day), str(day.month))
    text = f"{'trước ngày' if before else 'ngày'} {d}/{m}/{day.year}"
    result = parse_timeframe(text)
    assert (result.start, result.end) == ((None, day) if before else (day, day))


@settings(max_examples=200, deadline=None)
@given(years, st.integers(min_value=1, max_value=12), st.sampled_from(["{m}/{y}", "{m} năm {y}", "{m:02d}/{y}"]))
def test_generated_months(year, month, shape):
    text = "Tháng " + shape.format(m=month, y=year)
    result = parse_timeframe(text)
    assert (result.start, result.end) == (date(year, month, 1), _end_of_month(year, month))


@settings(max_examples=200, deadline=None)
@given(
    years, st.integers(min_value=1, max_value=4), st.integers(min_value=0, max_value=3), st.booleans(), st.booleans()
)
def test_generated_quarters(year, first, extra, roman, slash):
    last = min(4, first + extra)
    name = (lambda q: _ROMAN[q]) if roman else str
    span = name(first) if first == last else f"{name(first)} - {name(last)}"
    text = f"Quý {span}{'/' if slash else ' năm '}{year}"
    result = parse_timeframe(text, default_year=2000)
    assert (result.start, result.end) == (date(year, first * 3 - 2, 1), _end_of_month(year, last * 3))


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1995, 1, 1), max_value=date(2099, 12, 31)), st.integers(min_value=0, max_value=400))
def test_generated_ranges(start, length):
    end = date.fromordinal(min(start.toordinal() + length, date(2099, 12, 31).toordinal()))
    text = f"Từ ngày {start.day}/{start.month}/{start.year} đến ngày {end.day}/{end.month}/{end.year}"
    result = parse_timeframe(text)
    assert (result.start, result.end) == (start, end)


@settings(max_examples=100, deadline=None)
@given(years, st.sampled_from(["Cả năm {y}", "Năm {y}", "Xuyên suốt năm {y}", "Thường xuyên trong năm {y}"]))
def test_generated_whole_years(year, shape):
    result = parse_timeframe(shape.format(y=year))
    assert (result.start, result.end) == (date(year, 1, 1), date(year, 12, 31))


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=90), st.booleans())
def test_generated_relative_deadlines(days, padded):
    number = f"{days:02d}" if padded else str(days)
    text = f"Chậm nhất {number} ngày làm việc kể từ ngày ký"
    result = parse_timeframe(text, default_year=2025)
    assert result.relative_working_days == days
    assert result.relative_event == "ngày ký"
