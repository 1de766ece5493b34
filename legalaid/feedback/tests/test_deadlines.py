"""The time limits of Law on Legal Aid 2017 Art. 45 as data, counted on the working-day calendar."""

import datetime as dt

import pytest

from legalaid.core import calendar
from legalaid.core import services as core_services
from legalaid.core.models import LegalParameter
from legalaid.feedback import deadlines
from legalaid.feedback.choices import EntryKind, Level

D = dt.date
DECISION = EntryKind.COMPLAINT_DECISION
PROVIDER = EntryKind.COMPLAINT_PROVIDER


@pytest.fixture
def holidays_loaded(db):
    for year in (2025, 2026):
        core_services.holidays_load_year(actor=None, year=year)
    calendar.invalidate()


def test_the_parameters_cite_the_article_and_say_what_is_unconfirmed(db):
    first = LegalParameter.objects.get(code=deadlines.FIRST_LEVEL)
    second = LegalParameter.objects.get(code=deadlines.SECOND_LEVEL)
    filing = LegalParameter.objects.get(code=deadlines.FILING)
    assert (first.value, first.unit, first.confirmed) == (3, "working_days", True)
    assert "Điều 45 khoản 2" in first.reference
    assert (second.value, second.unit, second.confirmed) == (15, "days", False)
    assert "Điều 45 khoản 3" in second.reference
    assert filing.value == 0 and not filing.confirmed


@pytest.mark.parametrize(
    "kind, level, received, due",
    [
        # First level: 03 working days (Art. 45(2)). Wednesday -> Monday (the weekend is not counted).
        (DECISION, Level.FIRST, D(2026, 3, 4), D(2026, 3, 9)),
        (PROVIDER, Level.FIRST, D(2026, 3, 2), D(2026, 3, 5)),
        # Received the Friday before Tết 2026 (off 16-20/02): 23, 24, 25/02.
        (DECISION, Level.FIRST, D(2026, 2, 13), D(2026, 2, 25)),
        # Across 30/4 and 1/5 2026 (Thursday, Friday): 29/4 -> 4, 5, 6/5.
        (DECISION, Level.FIRST, D(2026, 4, 29), D(2026, 5, 6)),
        # Second level: 15 days (Art. 45(3)); one ending on a day off moves to the next working day.
        (DECISION, Level.SECOND, D(2026, 3, 2), D(2026, 3, 17)),
        (DECISION, Level.SECOND, D(2026, 3, 6), D(2026, 3, 23)),  # 21/03 is a Saturday
        (PROVIDER, Level.SECOND, D(2026, 2, 2), D(2026, 2, 23)),  # 17/02 falls in Tết: next working day 23/02
        # Feedback: the Centre's own 10 working days (unconfirmed default).
        (EntryKind.FEEDBACK, Level.FIRST, D(2026, 3, 2), D(2026, 3, 16)),
    ],
)
def test_due_dates(holidays_loaded, kind, level, received, due):
    assert deadlines.due_date(kind, level, received) == due


def test_an_administrator_switches_the_second_level_to_working_days(holidays_loaded):
    row = LegalParameter.objects.get(code=deadlines.SECOND_LEVEL)
    row.unit = "working_days"
    row.save()
    assert deadlines.due_date(DECISION, Level.SECOND, D(2026, 3, 2)) == D(2026, 3, 23)


def test_a_new_dated_value_applies_from_its_date_only(holidays_loaded):
    LegalParameter.objects.create(
        code=deadlines.FIRST_LEVEL,
        label="x",
        value=5,
        unit="working_days",
        valid_from=D(2026, 6, 1),
        reference="test",
    )
    assert deadlines.due_date(DECISION, Level.FIRST, D(2026, 3, 4)) == D(2026, 3, 9)
    assert deadlines.due_date(DECISION, Level.FIRST, D(2026, 6, 1)) == D(2026, 6, 8)


def test_the_filing_limit_is_not_checked_until_entered(db):
    assert not deadlines.filed_late(DECISION, D(2026, 6, 1), D(2020, 1, 1))
    row = LegalParameter.objects.get(code=deadlines.FILING)
    row.value = 30
    row.save()
    assert deadlines.filed_late(DECISION, D(2026, 6, 1), D(2026, 4, 1))
    assert not deadlines.filed_late(DECISION, D(2026, 4, 20), D(2026, 4, 1))
    assert not deadlines.filed_late(EntryKind.FEEDBACK, D(2026, 6, 1), D(2026, 4, 1))
