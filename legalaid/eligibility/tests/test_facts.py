"""Facts.from_mapping: strings from forms, dicts, QueryDicts; age on a date."""

import datetime as dt

import pytest
from django.http import QueryDict

from legalaid.eligibility.rules import Facts, age_on


def test_strings_from_a_form():
    facts = Facts.from_mapping(
        {
            "date_of_birth": "05/02/2009",
            "birth_year": "",
            "household": "near_poor",
            "disability": "on",
            "hiv": "",
            "procedural_role": "victim",
            "proofs_provided": "disability_certificate, near_poor_household_cert",
            "unknown_field": "ignored",
        }
    )
    assert facts.date_of_birth == dt.date(2009, 2, 5)
    assert facts.birth_year is None
    assert facts.household == "near_poor"
    assert facts.disability is True
    assert facts.hiv is False
    assert facts.procedural_roles == frozenset({"victim"})
    assert facts.proofs_provided == frozenset({"disability_certificate", "near_poor_household_cert"})


def test_query_dict_with_several_values():
    data = QueryDict("procedural_roles=suspect&procedural_roles=victim&procedural_roles=none&disability=1")
    facts = Facts.from_mapping(data)
    assert facts.procedural_roles == frozenset({"suspect", "victim"})
    assert facts.disability is True


def test_typed_values_pass_through():
    facts = Facts.from_mapping({"date_of_birth": dt.date(2000, 1, 1), "birth_year": 2000, "foreigner": True})
    assert facts == Facts(date_of_birth=dt.date(2000, 1, 1), birth_year=2000, foreigner=True)


def test_empty_household_means_none():
    assert Facts.from_mapping({"household": ""}).household == "none"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"date_of_birth": "31/02/2009"}, "date_of_birth"),
        ({"birth_year": "abc"}, "birth_year"),
        ({"household": "rich"}, "household"),
        ({"procedural_roles": ["judge"]}, "procedural_roles"),
        ({"disability": "maybe"}, "disability"),
    ],
)
def test_malformed_values_raise_value_error_naming_the_field(data, field):
    with pytest.raises(ValueError, match=field):
        Facts.from_mapping(data)


@pytest.mark.parametrize(
    ("born", "on", "expected"),
    [
        (dt.date(2010, 5, 15), dt.date(2026, 5, 15), 16),  # birthday on the date: reached
        (dt.date(2010, 5, 15), dt.date(2026, 5, 14), 15),
        (dt.date(2008, 2, 29), dt.date(2026, 2, 28), 17),
        (dt.date(2008, 2, 29), dt.date(2026, 3, 1), 18),
    ],
)
def test_age_from_date_of_birth(born, on, expected):
    assert age_on(Facts(date_of_birth=born), on).exact == expected


def test_age_from_year_only_is_a_range_until_31_december():
    assert (
        age_on(Facts(birth_year=2010), dt.date(2026, 1, 1)).low,
        age_on(Facts(birth_year=2010), dt.date(2026, 1, 1)).high,
    ) == (15, 16)
    assert age_on(Facts(birth_year=2010), dt.date(2026, 12, 31)).exact == 16


def test_date_of_birth_wins_over_year():
    age = age_on(Facts(date_of_birth=dt.date(2010, 1, 1), birth_year=1990), dt.date(2026, 6, 1))
    assert age.exact == 16 and age.basis == "date_of_birth"


def test_birth_after_the_date_gives_unknown_age():
    assert not age_on(Facts(date_of_birth=dt.date(2030, 1, 1)), dt.date(2026, 1, 1)).known
