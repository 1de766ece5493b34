"""Reporting periods: the regime's kinds (``ReportingPeriod`` rows, dated) and any range of days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import PeriodKind, ReportingPeriod

RANGE = "range"


@dataclass(frozen=True)
class Period:
    """A report's period. Figures count ``start`` to ``counted_end``: the cut-off day of actual data when the regime
    sets one (TT 03/2019/TT-BTP: 31/05 for the 6-month report, 31/10 for the annual one), else the period's end;
    the unit adds its estimate for the remaining days itself."""

    kind: str
    start: dt.date
    end: dt.date
    cutoff: dt.date | None = None
    reference: str = ""
    confirmed: bool = True

    @property
    def counted_end(self) -> dt.date:
        return self.cutoff or self.end

    @property
    def label(self) -> str:
        if self.kind == RANGE:
            return _("Từ %(start)s đến %(end)s") % {"start": f"{self.start:%d/%m/%Y}", "end": f"{self.end:%d/%m/%Y}"}
        return _("%(kind)s năm %(year)s (từ %(start)s đến %(end)s)") % {
            "kind": PeriodKind(self.kind).label,
            "year": self.start.year,
            "start": f"{self.start:%d/%m/%Y}",
            "end": f"{self.end:%d/%m/%Y}",
        }

    @property
    def cutoff_note(self) -> str:
        if not self.cutoff:
            return ""
        return _(
            "Số liệu thực tế từ %(start)s đến %(cutoff)s; số liệu từ %(next)s đến %(end)s là số ước tính do đơn vị "
            "bổ sung (%(reference)s)."
        ) % {
            "start": f"{self.start:%d/%m/%Y}",
            "cutoff": f"{self.cutoff:%d/%m/%Y}",
            "next": f"{self.cutoff + dt.timedelta(days=1):%d/%m/%Y}",
            "end": f"{self.end:%d/%m/%Y}",
            "reference": self.reference,
        }


def regime_period(kind: str, year: int) -> Period:
    """The period ``kind`` of ``year`` under the latest regime in force during that year; LookupError if none."""
    rule = (
        ReportingPeriod.objects.filter(kind=kind, valid_from__lte=dt.date(year, 12, 31))
        .exclude(valid_to__lt=dt.date(year, 1, 1))
        .order_by("-valid_from")
        .first()
    )
    if rule is None:
        raise LookupError(kind)
    start, end, cutoff = rule.bounds(year)
    return Period(kind, start, end, cutoff, rule.reference, rule.confirmed)


def range_period(start: dt.date, end: dt.date) -> Period:
    if end < start:
        start, end = end, start
    return Period(RANGE, start, end)
