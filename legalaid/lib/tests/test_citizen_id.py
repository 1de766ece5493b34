import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legalaid.lib.citizen_id import (
    CCCD,
    CMND,
    FEMALE,
    MALE,
    NONE,
    PASSPORT,
    PROVINCE_CODES,
    century_digit,
    check_citizen_id,
)

TODAY = dt.date(2026, 1, 15)


def test_the_table_has_the_63_pre_2025_provinces():
    assert len(PROVINCE_CODES) == 63
    assert PROVINCE_CODES["001"] == "Hà Nội"
    assert PROVINCE_CODES["096"] == "Cà Mau"
    assert all(len(code) == 3 and code.isdigit() for code in PROVINCE_CODES)


# (number, id_type, date of birth, birth year, sex) -> (error count, warning count, province of birth)
CASES = [
    # A consistent CCCD: Hà Nội, male, born 1985.
    ("001085012345", CCCD, dt.date(1985, 3, 2), None, MALE, 0, 0, "Hà Nội"),
    ("001 085 012 345", CCCD, dt.date(1985, 3, 2), None, MALE, 0, 0, "Hà Nội"),
    # Female born 2003 in Lạng Sơn; year only.
    ("020303000001", CCCD, None, 2003, FEMALE, 0, 0, "Lạng Sơn"),
    # Female born 1990 in Cà Mau.
    ("096190123456", CCCD, dt.date(1990, 12, 31), None, FEMALE, 0, 0, "Cà Mau"),
    # Nothing recorded to compare with: no warning.
    ("001085012345", CCCD, None, None, None, 0, 0, "Hà Nội"),
    # Sex "other / unknown" is not compared.
    ("001185012345", CCCD, None, 1985, "other", 0, 0, "Hà Nội"),
    # Wrong sex.
    ("001185012345", CCCD, None, 1985, MALE, 0, 1, "Hà Nội"),
    # Wrong year (digits 5-6).
    ("001086012345", CCCD, dt.date(1985, 1, 1), None, MALE, 0, 1, "Hà Nội"),
    # Wrong century (digit 4 says 2000s).
    ("001285012345", CCCD, dt.date(1985, 1, 1), None, MALE, 0, 1, "Hà Nội"),
    # Wrong sex and year.
    ("001185012345", CCCD, dt.date(1986, 1, 1), None, MALE, 0, 2, "Hà Nội"),
    # Unknown province code (003 is not in the table).
    ("003085012345", CCCD, dt.date(1985, 1, 1), None, MALE, 0, 1, None),
    # Digit 4 says born after this year.
    ("001499012345", CCCD, None, None, None, 0, 1, "Hà Nội"),
    # Errors: length, non-digits, empty.
    ("0010850123456", CCCD, None, None, None, 1, 0, None),
    ("00108501234", CCCD, None, None, None, 1, 0, None),
    ("123456789", CCCD, None, None, None, 1, 0, None),
    ("00108501234A", CCCD, None, None, None, 1, 0, None),
    ("００１０８５０１２３４５", CCCD, None, None, None, 1, 0, None),  # full-width digits
    ("", CCCD, None, None, None, 1, 0, None),
    # CMND: 9 digits.
    ("123456789", CMND, None, None, None, 0, 0, None),
    ("12345678", CMND, None, None, None, 1, 0, None),
    ("001085012345", CMND, None, None, None, 1, 0, None),
    # Passport: letters and digits, 6-12.
    ("B1234567", PASSPORT, None, None, None, 0, 0, None),
    ("c 123 4567", PASSPORT, None, None, None, 0, 0, None),
    ("AB12", PASSPORT, None, None, None, 1, 0, None),
    ("AB-12#345", PASSPORT, None, None, None, 1, 0, None),
    # None: no number.
    ("", NONE, None, None, None, 0, 0, None),
    ("123456789", NONE, None, None, None, 1, 0, None),
    # Unknown kind.
    ("123456789", "driving_licence", None, None, None, 1, 0, None),
]


@pytest.mark.parametrize(("number", "id_type", "dob", "year", "sex", "n_errors", "n_warnings", "province"), CASES)
def test_table_of_cases(number, id_type, dob, year, sex, n_errors, n_warnings, province):
    result = check_citizen_id(number, date_of_birth=dob, birth_year=year, sex=sex, id_type=id_type, today=TODAY)
    assert len(result.errors) == n_errors, result.errors
    assert len(result.warnings) == n_warnings, result.warnings
    assert result.province_of_birth == province
    assert result.ok == (n_errors == 0)
    assert result.needs_confirmation == (n_errors == 0 and n_warnings > 0)


def test_decoded_facts_and_vietnamese_messages():
    result = check_citizen_id("020303000001", today=TODAY)
    assert (result.province_code, result.sex, result.birth_year) == ("020", FEMALE, 2003)
    result = check_citizen_id("0010850123456")
    assert "12 chữ số" in result.errors[0]
    assert "13" in result.errors[0]
    result = check_citizen_id("001185012345", birth_year=1985, sex=MALE)
    assert "giới tính" in result.warnings[0]
    assert "nữ" in result.warnings[0]


def test_a_nine_digit_number_typed_as_cccd_hints_at_cmnd():
    assert "CMND" in check_citizen_id("123456789").errors[0]


@given(
    st.one_of(st.none(), st.text(max_size=30), st.integers(), st.binary(max_size=12)),
    st.sampled_from([CCCD, CMND, PASSPORT, NONE, "x"]),
)
def test_never_raises(number, id_type):
    result = check_citizen_id(number, id_type=id_type)
    assert isinstance(result.errors, list)
    assert isinstance(result.warnings, list)


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY),
    st.sampled_from([MALE, FEMALE]),
    st.sampled_from(sorted(PROVINCE_CODES)),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.booleans(),
)
def test_consistent_numbers_have_no_warnings(dob, sex, province, sequence, year_only):
    number = province + century_digit(sex, dob.year) + f"{dob.year % 100:02d}" + sequence
    if year_only:
        result = check_citizen_id(number, birth_year=dob.year, sex=sex, today=TODAY)
    else:
        result = check_citizen_id(number, date_of_birth=dob, sex=sex, today=TODAY)
    assert result.errors == []
    assert result.warnings == []
    assert result.birth_year == dob.year
    assert result.sex == sex
    assert result.province_of_birth == PROVINCE_CODES[province]
