"""Counting a provider's time in sessions (buổi), TT 02/2021/TT-BTP Art. 3 [P]: one session is 4 working hours;
a remainder under 3 hours counts as half a session, 3 hours or more as one session.

The two numbers are LegalParameter rows (``cases.hours_per_session``, ``cases.full_session_from_hours``),
unconfirmed until the Circular's full text is checked; this module is pure and takes them as arguments.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

HALF = Decimal("0.5")


def sessions_for_hours(hours: Decimal, *, hours_per_session: Decimal, full_session_from: Decimal) -> Decimal:
    """The sessions that ``hours`` of work count for: whole sessions, then the remainder as 0, ½ or 1."""
    hours = Decimal(hours)
    if hours < 0:
        raise ValueError("hours must not be negative")
    if hours_per_session <= 0:
        raise ValueError("hours_per_session must be positive")
    whole = (hours / hours_per_session).to_integral_value(rounding=ROUND_FLOOR)
    remainder = hours - whole * hours_per_session
    if remainder == 0:
        extra = Decimal(0)
    elif remainder < full_session_from:
        extra = HALF
    else:
        extra = Decimal(1)
    return whole + extra


def counted_sessions(
    *, sessions: Decimal | None, hours: Decimal | None, hours_per_session: Decimal, full_session_from: Decimal
) -> Decimal:
    """A work-log entry's sessions: the sessions written as such plus the sessions its hours count for."""
    total = Decimal(sessions or 0)
    if hours:
        total += sessions_for_hours(hours, hours_per_session=hours_per_session, full_session_from=full_session_from)
    return total
