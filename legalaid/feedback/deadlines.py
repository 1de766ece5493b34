"""Time limits of the register, as data (``LegalParameter`` rows loaded by migration 0002, edited by administrators)
and counted on the working-day calendar (``legalaid.core.calendar``).

Complaints, Law on Legal Aid 2017 Art. 45 [C] (DOMAIN.md 1.9; TTHC code 2.000592):

- first level, the head of the organisation decides within 03 working days of receiving the complaint (Art. 45(2));
- second level, the Director of the Department of Justice decides within 15 days of receiving it (Art. 45(3)).
  Calendar days, the stricter reading (a provincial portal says working days): the parameter's unit says which, and an
  administrator changes it to ``working_days`` if the gazette says so (docs/rules-to-confirm.md).

The time limit to file a complaint is UNCONFIRMED: its parameter is 0 (not checked) until an administrator enters it.
Ordinary feedback and suggestions have no time limit in the Law; the Centre sets its own (unconfirmed default).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from legalaid.core import calendar
from legalaid.core.models import LegalParameter
from legalaid.core.models.parameters import ParameterUnit

from .choices import COMPLAINT_KINDS, Level

FIRST_LEVEL = "feedback.complaint_first_level_days"
SECOND_LEVEL = "feedback.complaint_second_level_days"
FILING = "feedback.complaint_filing_days"
FEEDBACK = "feedback.response_working_days"
SURVEY_LINK = "feedback.survey_link_days"

#: Used only when the parameter row is missing (a database that skipped the data migration).
DEFAULTS = {
    FIRST_LEVEL: (3, ParameterUnit.WORKING_DAYS),
    SECOND_LEVEL: (15, ParameterUnit.DAYS),
    FILING: (0, ParameterUnit.DAYS),
    FEEDBACK: (10, ParameterUnit.WORKING_DAYS),
    SURVEY_LINK: (30, ParameterUnit.DAYS),
}


@dataclass(frozen=True)
class TimeLimit:
    days: int
    unit: str
    reference: str = ""

    @property
    def working(self) -> bool:
        return self.unit == ParameterUnit.WORKING_DAYS


def time_limit(code: str, on_date: dt.date) -> TimeLimit:
    """The time limit ``code`` in force on ``on_date`` (value and unit from the dated parameter)."""
    row = (
        LegalParameter.objects.filter(code=code, valid_from__lte=on_date)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on_date))
        .order_by("-valid_from")
        .first()
    )
    if row is None:
        days, unit = DEFAULTS[code]
        return TimeLimit(days, unit)
    return TimeLimit(int(row.value), row.unit, row.reference)


def count(start: dt.date, limit: TimeLimit) -> dt.date:
    """The last day of a time limit that starts the day after ``start``: ``n`` working days, or ``n`` days moved to
    the next working day when it ends on a day off (Civil Code Art. 148 [UNCONFIRMED], as ``calendar`` does)."""
    if limit.working:
        return calendar.add_working_days(start, limit.days)
    return calendar.add_working_days(start + dt.timedelta(days=limit.days), 0)


def code_for(kind: str, level: int) -> str:
    if kind in COMPLAINT_KINDS:
        return FIRST_LEVEL if level == Level.FIRST else SECOND_LEVEL
    return FEEDBACK


def due_date(kind: str, level: int, received_on: dt.date) -> dt.date:
    """When an entry received on ``received_on`` must be answered or decided."""
    return count(received_on, time_limit(code_for(kind, level), received_on))


def filed_late(kind: str, received_on: dt.date, event_on: dt.date | None) -> bool:
    """A complaint received after the time limit to file it (UNCONFIRMED; 0 = not checked) counted from the decision
    or act complained of (``event_on``)."""
    if kind not in COMPLAINT_KINDS or event_on is None:
        return False
    limit = time_limit(FILING, received_on)
    if limit.days <= 0:
        return False
    return received_on > count(event_on, limit)
