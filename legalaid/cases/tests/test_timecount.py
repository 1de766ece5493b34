"""TT 02/2021/TT-BTP Art. 3: one session is 4 working hours; a remainder under 3 hours is half a session, 3 hours or
more one session."""

from decimal import Decimal as D

import pytest

from legalaid.cases.timecount import counted_sessions, sessions_for_hours

RULE = {"hours_per_session": D(4), "full_session_from": D(3)}


@pytest.mark.parametrize(
    ("hours", "sessions"),
    [
        ("0", "0"),
        ("0.5", "0.5"),
        ("1", "0.5"),
        ("2.99", "0.5"),
        ("3", "1"),
        ("3.5", "1"),
        ("4", "1"),
        ("5", "1.5"),
        ("6.5", "1.5"),
        ("7", "2"),
        ("8", "2"),
        ("9", "2.5"),
        ("11", "3"),
        ("12", "3"),
    ],
)
def test_sessions_for_hours(hours, sessions):
    assert sessions_for_hours(D(hours), **RULE) == D(sessions)


def test_sessions_and_hours_add_up():
    assert counted_sessions(sessions=D("1"), hours=D("2"), **RULE) == D("1.5")
    assert counted_sessions(sessions=D("2"), hours=None, **RULE) == D("2")
    assert counted_sessions(sessions=None, hours=D("4"), **RULE) == D("1")


def test_parameters_change_the_count():
    assert sessions_for_hours(D(5), hours_per_session=D(4), full_session_from=D(1)) == D(2)


def test_negative_hours_refused():
    with pytest.raises(ValueError):
        sessions_for_hours(D(-1), **RULE)
