"""The working-day calendar: holidays from the ``holidays`` package, yearly overrides, and the deadline arithmetic.

Every expected date below was checked against the real calendar (weekday noted beside it).
"""

import datetime as dt

import pytest

from legalaid.core import services
from legalaid.core.calendar import add_working_days, is_working_day, working_days_between
from legalaid.core.choices import AuditAction, OverrideKind
from legalaid.core.models import AuditEntry, CalendarOverride, PublicHoliday

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture
def holidays_loaded(db):
    for year in (2025, 2026):
        services.holidays_load_year(actor=None, year=year)


# --- Loading the holidays ------------------------------------------------------------------------------------------


def test_load_year_adds_the_2025_holidays_and_the_worked_saturday(db):
    added, swaps = services.holidays_load_year(actor=None, year=2025)
    assert swaps == 1
    assert added == PublicHoliday.objects.filter(date__year=2025).count() >= 12
    dates = set(PublicHoliday.objects.filter(date__year=2025).values_list("date", flat=True))
    assert {D(2025, 1, 1), D(2025, 1, 27), D(2025, 1, 31), D(2025, 4, 7), D(2025, 5, 2), D(2025, 9, 2)} <= dates
    worked = CalendarOverride.objects.get(date=D(2025, 4, 26))
    assert worked.kind == OverrideKind.WORKING_DAY
    assert "02/05/2025" in worked.reason


def test_load_year_is_idempotent_and_keeps_an_administrators_edit(db):
    services.holidays_load_year(actor=None, year=2026)
    holiday = PublicHoliday.objects.get(date=D(2026, 9, 2))
    holiday.name = "Quốc khánh (sửa tay)"
    holiday.save()
    count = PublicHoliday.objects.count()
    assert services.holidays_load_year(actor=None, year=2026) == (0, 0)
    assert PublicHoliday.objects.count() == count
    assert PublicHoliday.objects.get(date=D(2026, 9, 2)).name == "Quốc khánh (sửa tay)"


def test_vietnamese_culture_day_is_not_loaded_before_it_is_law(db):
    services.holidays_load_year(actor=None, year=2026)
    assert not PublicHoliday.objects.filter(date=D(2026, 11, 24)).exists()


def test_loading_writes_the_audit_trail(db):
    added, swaps = services.holidays_load_year(actor=None, year=2025)
    assert AuditEntry.objects.filter(action=AuditAction.CREATE).count() == added + swaps


# --- is_working_day ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working"),
    [
        # Tết 2025: Mon 27/01 – Fri 31/01 off (Sat 01/02 is a weekend anyway).
        (D(2025, 1, 24), True),  # Fri
        (D(2025, 1, 27), False),  # Mon
        (D(2025, 1, 28), False),
        (D(2025, 1, 29), False),
        (D(2025, 1, 30), False),
        (D(2025, 1, 31), False),  # Fri
        (D(2025, 2, 1), False),  # Sat
        (D(2025, 2, 3), True),  # Mon
        # Hùng Kings 2025 on Mon 07/04; 30/04 Wed, 01/05 Thu, and the bridge day Fri 02/05 swapped for Sat 26/04.
        (D(2025, 4, 7), False),
        (D(2025, 4, 26), True),  # Sat, worked
        (D(2025, 4, 27), False),  # Sun
        (D(2025, 4, 30), False),
        (D(2025, 5, 1), False),
        (D(2025, 5, 2), False),  # Fri, bridge day
        (D(2025, 5, 5), True),  # Mon
        # National Day 2025: Mon 01/09 and Tue 02/09.
        (D(2025, 9, 1), False),
        (D(2025, 9, 2), False),
        (D(2025, 9, 3), True),
        # New Year 2026 on Thu 01/01.
        (D(2026, 1, 1), False),
        (D(2026, 1, 2), True),  # Fri
        # Tết 2026: Mon 16/02 – Fri 20/02 off.
        (D(2026, 2, 13), True),  # Fri
        (D(2026, 2, 16), False),
        (D(2026, 2, 17), False),
        (D(2026, 2, 18), False),
        (D(2026, 2, 19), False),
        (D(2026, 2, 20), False),
        (D(2026, 2, 23), True),  # Mon
        # April 2026: Hùng Kings on Sun 26/04, observed Mon 27/04; Thu 30/04 and Fri 01/05 off.
        (D(2026, 4, 24), True),  # Fri
        (D(2026, 4, 26), False),  # Sun
        (D(2026, 4, 27), False),  # Mon, observed
        (D(2026, 4, 28), True),  # Tue
        (D(2026, 4, 29), True),  # Wed
        (D(2026, 4, 30), False),  # Thu
        (D(2026, 5, 1), False),  # Fri
        (D(2026, 5, 4), True),  # Mon
        # National Day 2026: Mon 31/08 (swapped for Sat 22/08), Tue 01/09, Wed 02/09.
        (D(2026, 8, 22), True),  # Sat, worked
        (D(2026, 8, 29), False),  # an ordinary Saturday
        (D(2026, 8, 31), False),
        (D(2026, 9, 1), False),
        (D(2026, 9, 2), False),
        (D(2026, 9, 3), True),
        # 24/11 Vietnamese Culture Day: not yet a day off (Labour Code Art. 112 not amended).
        (D(2026, 11, 24), True),  # Tue
        # Ordinary week days and weekends.
        (D(2026, 11, 23), True),  # Mon
        (D(2026, 11, 28), False),  # Sat
        (D(2026, 11, 29), False),  # Sun
    ],
)
def test_is_working_day(holidays_loaded, day, working):
    assert is_working_day(day) is working


# --- add_working_days ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # Tết 2025.
        (D(2025, 1, 24), 1, D(2025, 2, 3)),  # Fri + 1 -> Mon after Tết
        (D(2025, 1, 23), 1, D(2025, 1, 24)),  # Thu + 1 -> Fri
        (D(2025, 1, 23), 2, D(2025, 2, 3)),
        (D(2025, 1, 24), 5, D(2025, 2, 7)),  # Fri
        (D(2025, 1, 28), 1, D(2025, 2, 3)),  # from a day off
        # April–May 2025 with the swap.
        (D(2025, 4, 25), 1, D(2025, 4, 26)),  # Fri + 1 -> the worked Saturday
        (D(2025, 4, 24), 2, D(2025, 4, 26)),
        (D(2025, 4, 25), 2, D(2025, 4, 28)),  # Mon
        (D(2025, 4, 29), 1, D(2025, 5, 5)),  # Tue + 1 -> Mon (30/04, 01/05, 02/05 off)
        (D(2025, 4, 4), 1, D(2025, 4, 8)),  # Fri + 1 -> Tue (Hùng Kings Mon 07/04)
        # Tết 2026.
        (D(2026, 2, 13), 1, D(2026, 2, 23)),  # Fri + 1 -> Mon
        (D(2026, 2, 12), 3, D(2026, 2, 24)),  # Thu + 3 -> Fri 13, Mon 23, Tue 24
        (D(2026, 2, 9), 10, D(2026, 3, 2)),  # 9..13 (4 days), 23..27 (5), Mon 02/03
        # April 2026.
        (D(2026, 4, 24), 1, D(2026, 4, 28)),  # Fri + 1 -> Tue (Mon 27 observed)
        (D(2026, 4, 24), 3, D(2026, 5, 4)),  # Tue 28, Wed 29, Mon 04/05
        (D(2026, 4, 29), 1, D(2026, 5, 4)),
        (D(2026, 4, 23), 15, D(2026, 5, 19)),  # 24, 28, 29 (3), 4-8 (8), 11-15 (13), Mon 18, Tue 19
        # National Day 2026 with the worked Saturday.
        (D(2026, 8, 21), 1, D(2026, 8, 22)),  # Fri + 1 -> the worked Saturday
        (D(2026, 8, 28), 1, D(2026, 9, 3)),  # Fri + 1 -> Thu
        # 24/11/2026 is counted.
        (D(2026, 11, 23), 1, D(2026, 11, 24)),
        (D(2026, 11, 20), 3, D(2026, 11, 25)),  # Fri + 3 -> Mon 23, Tue 24, Wed 25
        # Across the year end (01/01/2026 is a Thursday).
        (D(2025, 12, 31), 1, D(2026, 1, 2)),
        # n = 0: the day itself when it is a working day, else the next working day.
        (D(2026, 11, 23), 0, D(2026, 11, 23)),
        (D(2026, 11, 28), 0, D(2026, 11, 30)),  # Sat -> Mon
        (D(2025, 2, 1), 0, D(2025, 2, 3)),  # Sat after Tết 2025 -> Mon
        (D(2026, 2, 14), 0, D(2026, 2, 23)),  # Sat at the start of Tết 2026 -> Mon after it
        (D(2025, 4, 26), 0, D(2025, 4, 26)),  # the worked Saturday is itself a working day
        # Negative n counts back.
        (D(2025, 2, 3), -1, D(2025, 1, 24)),
        (D(2026, 5, 4), -1, D(2026, 4, 29)),
        (D(2026, 5, 4), -3, D(2026, 4, 24)),
        (D(2025, 4, 28), -1, D(2025, 4, 26)),  # back onto the worked Saturday
        (D(2026, 1, 2), -1, D(2025, 12, 31)),
    ],
)
def test_add_working_days(holidays_loaded, start, n, expected):
    assert add_working_days(start, n) == expected


def test_add_working_days_accepts_a_datetime(holidays_loaded):
    assert add_working_days(dt.datetime(2025, 1, 24, 16, 30), 1) == D(2025, 2, 3)


def test_add_and_count_are_inverse(holidays_loaded):
    start = D(2026, 1, 15)
    for n in (1, 5, 10, 30, 60):
        end = add_working_days(start, n)
        assert working_days_between(start, end) == n
        assert add_working_days(end, -n) <= start
    assert working_days_between(D(2026, 2, 13), D(2026, 2, 23)) == 1
    assert working_days_between(D(2026, 2, 23), D(2026, 2, 13)) == 0


def test_without_loaded_holidays_only_weekends_count(db):
    """The calendar reads holidays from the database: an empty table means Tết is not a day off."""
    assert is_working_day(D(2025, 1, 28))
    assert add_working_days(D(2025, 1, 24), 1) == D(2025, 1, 27)


# --- Administrators' overrides and the cache -----------------------------------------------------------------------


def test_an_added_day_off_moves_the_deadline_and_deleting_it_moves_it_back(holidays_loaded, world):
    start = D(2026, 11, 20)  # Fri
    assert add_working_days(start, 3) == D(2026, 11, 25)  # computed and cached before the override
    assert is_working_day(D(2026, 11, 24))

    override = services.calendar_override_save(
        actor=world.root,
        override=CalendarOverride(date=D(2026, 11, 24), kind=OverrideKind.DAY_OFF, reason="Nghị quyết sửa Điều 112"),
    )
    assert not is_working_day(D(2026, 11, 24))
    assert add_working_days(start, 3) == D(2026, 11, 26)
    assert override.created_by == world.root

    services.calendar_override_delete(actor=world.root, override=override)
    assert is_working_day(D(2026, 11, 24))
    assert add_working_days(start, 3) == D(2026, 11, 25)
    assert list(
        AuditEntry.objects.filter(content_type__model="calendaroverride", actor=world.root)
        .order_by("id")
        .values_list("action", flat=True)
    ) == [AuditAction.CREATE, AuditAction.DELETE]


def test_a_worked_saturday_and_a_removed_holiday(holidays_loaded, world):
    saturday = D(2026, 11, 28)
    assert add_working_days(D(2026, 11, 27), 1) == D(2026, 11, 30)
    services.calendar_override_save(
        actor=world.root,
        override=CalendarOverride(date=saturday, kind=OverrideKind.WORKING_DAY, reason="Làm bù"),
    )
    assert is_working_day(saturday)
    assert add_working_days(D(2026, 11, 27), 1) == saturday

    # A public holiday turned into a working day by an override.
    assert not is_working_day(D(2026, 9, 1))
    services.calendar_override_save(
        actor=world.root,
        override=CalendarOverride(date=D(2026, 9, 1), kind=OverrideKind.WORKING_DAY, reason="Thử nghiệm"),
    )
    assert is_working_day(D(2026, 9, 1))
    assert add_working_days(D(2026, 8, 28), 1) == D(2026, 9, 1)


def test_editing_an_override_invalidates_the_cache(holidays_loaded, world):
    override = services.calendar_override_save(
        actor=world.root,
        override=CalendarOverride(date=D(2026, 11, 24), kind=OverrideKind.DAY_OFF, reason="Nghỉ"),
    )
    assert not is_working_day(D(2026, 11, 24))
    override.kind = OverrideKind.WORKING_DAY
    services.calendar_override_save(actor=world.root, override=override)
    assert is_working_day(D(2026, 11, 24))


def test_the_calendar_is_cached_between_calls(holidays_loaded, django_assert_num_queries):
    is_working_day(D(2026, 3, 2))
    with django_assert_num_queries(0):
        for day in range(1, 29):
            is_working_day(D(2026, 2, day))
        add_working_days(D(2026, 2, 13), 10)


# --- The calendar pages --------------------------------------------------------------------------------------------


def test_sysadmin_adds_an_override_through_the_page(client, holidays_loaded, world):
    from django.urls import reverse

    client.force_login(world.a.sysadmin)
    assert add_working_days(D(2026, 11, 20), 3) == D(2026, 11, 25)
    response = client.post(
        reverse("core:calendar"), {"date": "24/11/2026", "kind": OverrideKind.DAY_OFF, "reason": "Ngày Văn hóa"}
    )
    assert response.status_code == 302
    assert add_working_days(D(2026, 11, 20), 3) == D(2026, 11, 26)
    response = client.get(reverse("core:calendar_year", args=[2026]))
    html = response.content.decode()
    assert "Thứ Ba, 24/11/2026" in html
    # Weekdays of the holidays in Vietnamese, never strftime's English "(Thu)".
    assert "Thứ Năm, 01/01/2026" in html
    assert "(Thu)" not in html and "Thu" not in html.replace("Thứ", "")


def test_an_officer_may_read_the_calendar_but_not_change_it(client, holidays_loaded, world):
    from django.urls import reverse

    client.force_login(world.a.officer)
    assert client.get(reverse("core:calendar_year", args=[2026])).status_code == 200
    response = client.post(reverse("core:calendar"), {"date": "24/11/2026", "kind": "day_off", "reason": "x"})
    assert response.status_code == 403
    assert client.post(reverse("core:calendar_load_year", args=[2027])).status_code == 403
    assert not CalendarOverride.objects.filter(date=D(2026, 11, 24)).exists()


def test_working_days_calculator(client, holidays_loaded, world):
    from django.urls import reverse

    client.force_login(world.a.officer)
    response = client.get(reverse("core:working_days"), {"start": "24/01/2025", "days": "1"})
    assert response.status_code == 200
    assert "Thứ Hai, 03/02/2025" in response.content.decode()
