"""Reads of outreach records. Every list starts from ``visible_to(user)``; the figures (figures.py) and the target
progress use the same querysets, so the home page, the drill-down list and the catalogue count the same rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, Sum

from legalaid.core.choices import CommuneFlagKind
from legalaid.core.models import CommuneFlag
from legalaid.plans.metrics import is_met

from .choices import OutreachForm, TargetMeasure
from .models import HotlineCall, MobileEntry, OutreachSession, OutreachTarget


def flag_on_date(kind: str, commune_ref: str = "commune", date_ref: str = "date") -> Exists:
    """Whether the session's commune had the dated flag ``kind`` on the session's date (core ``CommuneFlag``)."""
    return Exists(
        CommuneFlag.objects.filter(commune=OuterRef(commune_ref), kind=kind, valid_from__lte=OuterRef(date_ref)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=OuterRef(date_ref))
        )
    )


def with_flags(sessions):
    """Annotate ``difficult``, ``ethnic_area`` and ``coastal``: the commune's flags on the session's date."""
    return sessions.annotate(
        difficult=flag_on_date(CommuneFlagKind.ESPECIALLY_DIFFICULT),
        ethnic_area=flag_on_date(CommuneFlagKind.ETHNIC_MINORITY_AREA),
        coastal=flag_on_date(CommuneFlagKind.COASTAL_ISLAND),
    )


def in_difficult_communes(sessions):
    return sessions.filter(flag_on_date(CommuneFlagKind.ESPECIALLY_DIFFICULT))


def session_list(user):
    return with_flags(
        OutreachSession.objects.visible_to(user).select_related("centre", "branch", "commune", "commune__province")
    )


def sessions_between(queryset, start: dt.date, end: dt.date):
    return queryset.filter(date__range=(start, end))


def measure(sessions, what: str) -> int:
    """The value of a target's measure over a queryset of sessions (already limited to a unit and a period)."""
    if what == TargetMeasure.SESSIONS_DIFFICULT:
        return in_difficult_communes(sessions).count()
    if what == TargetMeasure.AUDIENCE:
        return sessions.aggregate(total=Sum("audience_total"))["total"] or 0
    if what == TargetMeasure.MOBILE_SESSIONS:
        return sessions.filter(form=OutreachForm.MOBILE).count()
    return sessions.count()


@dataclass
class Progress:
    target: OutreachTarget
    actual: int

    @property
    def met(self) -> bool | None:
        return is_met(Decimal(self.actual), self.target.comparison, Decimal(self.target.value))

    @property
    def pct(self) -> int:
        """How far along, 0-100, for the progress bar."""
        if not self.target.value:
            return 100
        return min(100, round(self.actual * 100 / self.target.value))


def target_progress(user, year: int, today: dt.date | None = None) -> list[Progress]:
    """Each visible target of ``year`` with what its unit has done from 1 January to ``today`` (or the year's end)."""
    start = dt.date(year, 1, 1)
    end = dt.date(year, 12, 31) if today is None else min(today, dt.date(year, 12, 31))
    rows = []
    targets = OutreachTarget.objects.visible_to(user).filter(year=year).select_related("centre", "branch")
    for target in targets:
        sessions = OutreachSession.objects.filter(centre_id=target.centre_id, date__range=(start, end))
        if target.branch_id:
            sessions = sessions.filter(branch_id=target.branch_id)
        rows.append(Progress(target=target, actual=measure(sessions, target.measure)))
    return rows


def call_list(user):
    return HotlineCall.objects.visible_to(user).select_related(
        "centre", "branch", "field_of_law", "taken_by", "request", "feedback_entry"
    )


def entries_of(user, session):
    return (
        MobileEntry.objects.visible_to(user)
        .filter(session=session)
        .select_related("request", "request__beneficiary")
        .order_by("pk")
    )
