"""Cases ready for the workflow, for every app's tests."""

from __future__ import annotations

from legalaid.cases.models import LegalAidCase
from legalaid.intake import services as intake_services
from legalaid.intake.tests.factories import receive_request


def accepted_case(actor, *, form: str = "advice", field: str = "civil", **fields) -> LegalAidCase:
    """A case accepted by ``actor``'s unit (born ``accepted`` by ``request_accept``)."""
    request = receive_request(actor, form=form, field=field, **fields)
    return intake_services.request_accept(actor=actor, request=request)


def case_in(actor, status: str, **fields) -> LegalAidCase:
    """A case put straight into ``status`` (for tests of what follows; no events are written)."""
    case = accepted_case(actor, **fields)
    LegalAidCase.objects.filter(pk=case.pk).update(status=status)
    case.refresh_from_db()
    return case


def prepare_for(case: LegalAidCase, target: str, actor) -> None:
    """The records a move needs first (outcome before completing, archive record before archiving), written directly
    so that the workflow can be tested alone."""
    import datetime as dt

    from django.utils import timezone

    from legalaid.cases.models import CaseArchive, CaseCompletion

    today = timezone.localdate()
    if target == "completed":
        CaseCompletion.objects.get_or_create(
            case=case, defaults={"completed_on": today, "outcome": "Đã trả lời", "recorded_by": actor}
        )
    if target == "archived":
        CaseArchive.objects.update_or_create(
            case=case,
            defaults={
                "ended_on": today,
                "handover_due_on": today + dt.timedelta(days=30),
                "handed_over_on": today,
                "archived_on": today,
                "file_code": "LT-1",
                "location": "Kho",
                "retention": "permanent",
            },
        )
