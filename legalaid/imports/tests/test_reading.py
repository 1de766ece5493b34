"""The reader's parsing of a register's cells and header (pure: no database)."""

import datetime as dt

import pytest

from legalaid.imports import reading

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2020, 3, 5, 0, 0), dt.date(2020, 3, 5)),
        (43895, dt.date(2020, 3, 5)),  # an Excel serial number
        ("43895", dt.date(2020, 3, 5)),  # the same, stored as text
        ("05/03/2020", dt.date(2020, 3, 5)),
        ("5/3/20", dt.date(2020, 3, 5)),
        ("05-03-2020", dt.date(2020, 3, 5)),
        ("05.03.2020", dt.date(2020, 3, 5)),
        ("2020-03-05", dt.date(2020, 3, 5)),
        ("Ngày 5 tháng 3 năm 2020", dt.date(2020, 3, 5)),
        ("31/02/2020", None),
        ("hôm qua", None),
        (12, None),
        (None, None),
    ],
)
def test_dates(value, expected):
    assert reading.parse_day(value, today=TODAY) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1975, (None, 1975)),
        ("1975", (None, 1975)),
        ("15/03/75", (dt.date(1975, 3, 15), None)),  # a two-digit birth year is in the past
        ("15/03/05", (dt.date(2005, 3, 15), None)),
        (None, (None, None)),
        (2030, None),
        ("x", None),
    ],
)
def test_births(value, expected):
    assert reading.parse_birth(value, today=TODAY) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("001 080 012 345", ("cccd", "001080012345")),
        ("001.080.012.345", ("cccd", "001080012345")),
        (1080012345, ("cccd", "001080012345")),  # Excel dropped the leading zeros
        (12345678, ("cmnd", "012345678")),
        ("012-345-678", ("cmnd", "012345678")),
        (None, ("none", "")),
        ("12345", None),
        ("AB1234567", None),
    ],
)
def test_id_numbers(value, expected):
    assert reading.parse_id_number(value) == expected


def test_names_numbers_and_sexes():
    assert reading.proper_name("  NGUYỄN   VĂN ĐỨC ") == "Nguyễn Văn Đức"
    assert reading.proper_name("trần thị bình") == "Trần Thị Bình"
    assert reading.proper_name("Lò Văn A") == "Lò Văn A"  # mixed case kept as written
    assert [reading.parse_number(v) for v in (1, 1.0, "01", "3.", 0, -2, 1.5, "x", None)] == [
        1,
        1,
        1,
        3,
        None,
        None,
        None,
        None,
        None,
    ]
    assert [reading.parse_sex(v) for v in ("Nam", "NỮ", "nu", "", None, "không")] == [
        "male",
        "female",
        "female",
        "",
        "",
        None,
    ]


def test_a_header_over_two_rows_with_a_title_block_above():
    rows = [
        ("TRUNG TÂM TRỢ GIÚP PHÁP LÝ",),
        ("SỔ THỤ LÝ",),
        ("STT", "Ngày tháng thụ lý", "Người được TGPL", None, "Năm sinh", None, "Lĩnh vực", "Hình thức", "Cột lạ"),
        (None, None, "Họ và tên", "Địa chỉ", "Nam", "Nữ", None, None, None),
        ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"),
    ]
    header = reading.find_header(rows)
    assert header.row == 4
    assert header.columns == {
        "number": 0,
        "accepted_on": 1,
        "name": 2,
        "address": 3,
        "birth_male": 4,
        "birth_female": 5,
        "field": 6,
        "form": 7,
    }
    assert header.titles["name"] == "Họ và tên" and header.titles["birth_female"] == "Năm sinh – Nữ"
    assert reading._is_column_numbers(rows[4])
    assert reading.find_header([("Danh sách cán bộ", "Chức vụ")]) is None
