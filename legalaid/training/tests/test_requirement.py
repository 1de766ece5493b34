"""The yearly training requirement of legal aid officers, TT 12/2018/TT-BTP Art. 4 (DOMAIN.md 3 [C]): at least 08
hours a year, as dated data; which year an event's hours count in; when the shortfall reminder starts."""

import datetime as dt
from decimal import Decimal

import pytest

from legalaid.core.models import LegalParameter
from legalaid.training import reference, requirement

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2017, None),  # before TT 12/2018 took effect (12/10/2018): no requirement
        (2018, Decimal(8)),  # in force on 31/12/2018
        (2025, Decimal(8)),
        (2026, Decimal(8)),
    ],
)
def test_the_requirement_of_a_year_is_the_value_in_force_on_its_last_day(year, expected):
    assert requirement.hours_required(year) == expected


def test_a_new_value_applies_from_its_year_and_leaves_earlier_years_alone():
    LegalParameter.objects.filter(code=reference.HOURS_REQUIRED).update(valid_to=dt.date(2026, 12, 31))
    LegalParameter.objects.create(
        code=reference.HOURS_REQUIRED,
        label="x",
        value=16,
        unit="hours",
        valid_from=dt.date(2027, 1, 1),
        reference="(thử)",
    )
    assert requirement.hours_required(2026) == 8
    assert requirement.hours_required(2027) == 16


def test_a_change_during_the_year_applies_to_the_whole_year():
    LegalParameter.objects.filter(code=reference.HOURS_REQUIRED).update(valid_to=dt.date(2027, 6, 30))
    LegalParameter.objects.create(
        code=reference.HOURS_REQUIRED, label="x", value=12, unit="hours", valid_from=dt.date(2027, 7, 1), reference="-"
    )
    assert requirement.hours_required(2027) == 12
    assert requirement.hours_required(2026) == 8


@pytest.mark.parametrize(
    ("hours", "required", "missing"),
    [
        (Decimal(0), Decimal(8), Decimal(8)),
        (Decimal("7.5"), Decimal(8), Decimal("0.5")),
        (Decimal(8), Decimal(8), Decimal(0)),
        (Decimal(12), Decimal(8), Decimal(0)),
        (Decimal(3), None, None),
    ],
)
def test_shortfall(hours, required, missing):
    assert requirement.shortfall(hours, required) == missing


@pytest.mark.parametrize(
    ("today", "active"),
    [
        (dt.date(2026, 1, 1), False),
        (dt.date(2026, 9, 30), False),
        (dt.date(2026, 10, 1), True),  # training.shortfall_alert_month = 10 (UNCONFIRMED default)
        (dt.date(2026, 12, 31), True),
        (dt.date(2027, 1, 1), False),  # a new year starts afresh
    ],
)
def test_the_reminder_starts_on_the_configured_day(today, active):
    assert requirement.alert_active(today) is active


@pytest.mark.parametrize(
    ("start", "end", "limit"),
    [
        (dt.date(2026, 3, 10), dt.date(2026, 3, 10), Decimal(8)),
        (dt.date(2026, 3, 10), dt.date(2026, 3, 12), Decimal(24)),
    ],
)
def test_plausible_hours_follow_the_days_of_the_event(start, end, limit):
    assert requirement.max_hours(start, end) == limit


@pytest.mark.parametrize(("value", "text"), [(Decimal(8), "8"), (Decimal("7.5"), "7,5"), (Decimal(10), "10")])
def test_hours_text(value, text):
    assert requirement.hours_text(value) == text
