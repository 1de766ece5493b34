"""Reads of intake records, always through ``visible_to(user)``."""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Q
from django.utils import timezone

from legalaid.cases.models import LegalAidCase
from legalaid.cases.selectors import overdue_cases_q
from legalaid.core import calendar

from .choices import RequestStatus
from .models import LegalAidRequest

OPEN = (RequestStatus.RECEIVED, RequestStatus.AWAITING_PAPERS)
#: Due dates within this many working days are shown amber.
SOON_WORKING_DAYS = 2


def request_list(*, user):
    return (
        LegalAidRequest.objects.visible_to(user)
        .select_related("beneficiary", "field_of_law", "desired_form", "centre", "branch", "case", "referral")
        .prefetch_related("categories")
    )


def overdue_requests_q(today: dt.date) -> Q:
    """Awaiting papers past the deadline, or accepted immediately with the papers still overdue."""
    return Q(status=RequestStatus.AWAITING_PAPERS, papers_due_on__lt=today) | Q(
        status=RequestStatus.ACCEPTED, papers_due_on__lt=today, case__papers_completed_on__isnull=True
    )


def deadlines(today: dt.date | None = None) -> dict:
    """``today`` and the last day that counts as "soon" (within 2 working days), for the due-date badges."""
    today = today or timezone.localdate()
    return {"today": today, "soon_until": calendar.add_working_days(today, SOON_WORKING_DAYS)}


def home_panel(user) -> dict | None:
    """The intake panel of the home page: requests awaiting a decision, overdue items, the five most urgent."""
    if not user.has_perm("intake.view_request"):
        return None
    today = timezone.localdate()
    requests = LegalAidRequest.objects.visible_to(user)
    awaiting = requests.filter(status__in=OPEN)
    urgent = list(
        requests.filter(Q(status__in=OPEN) | overdue_requests_q(today))
        .select_related("beneficiary", "case")
        .order_by(F("papers_due_on").asc(nulls_last=True), "received_at")[:5]
    )
    return {
        "awaiting_count": awaiting.count(),
        "overdue_requests": requests.filter(overdue_requests_q(today)).count(),
        "overdue_cases": LegalAidCase.objects.visible_to(user).filter(overdue_cases_q(today)).count(),
        "urgent": urgent,
        **deadlines(today),
    }
