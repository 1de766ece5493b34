"""Papers owed after an immediate acceptance (Law Art. 30(4); TT 12/2018 Art. 6): recorded once, then no longer due."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from legalaid.cases import services
from legalaid.cases.choices import EventKind
from legalaid.cases.models import CaseEvent, LegalAidCase
from legalaid.cases.selectors import overdue_cases_q
from legalaid.cases.tests.factories import accepted_case
from legalaid.intake.choices import UrgencyReason
from legalaid.intake.models import LegalAidRequest
from legalaid.intake.selectors import overdue_requests_q
from legalaid.intake.services import request_accept
from legalaid.intake.tests.factories import receive_request

pytestmark = pytest.mark.django_db


def today():
    """Read at run time, not at import: a run that crosses midnight in Vietnam (17:00 UTC) must not fail."""
    return timezone.localdate()


def immediate(actor, due):
    request = receive_request(actor, trial_date=today() + dt.timedelta(days=1))
    return request_accept(
        actor=actor, request=request, immediate=True, urgency_reason=UrgencyReason.TRIAL_SOON, papers_due_on=due
    )


def test_received_papers_end_the_overdue_flag_and_stay_on_the_timeline(world):
    case = immediate(world.a.intake, today() - dt.timedelta(days=2))
    assert LegalAidCase.objects.filter(overdue_cases_q(today()), pk=case.pk).exists()
    assert LegalAidRequest.objects.filter(overdue_requests_q(today()), pk=case.request_id).exists()
    services.case_papers_received(actor=world.a.intake, case=case, received_on=today(), expected_version=case.version)
    case.refresh_from_db()
    assert case.papers_completed_on == today() and case.version == 2
    assert not LegalAidCase.objects.filter(overdue_cases_q(today()), pk=case.pk).exists()
    assert not LegalAidRequest.objects.filter(overdue_requests_q(today()), pk=case.request_id).exists()
    event = CaseEvent.objects.get(case=case, kind=EventKind.NOTE)
    assert "quá hạn" in event.reason and event.data["late"] is True


@pytest.mark.parametrize(
    ("offset", "message"),
    [(1, "sau ngày hôm nay"), (-30, "trước ngày thụ lý")],
)
def test_impossible_dates_are_refused(world, offset, message):
    received = today() + dt.timedelta(days=offset)
    case = immediate(world.a.intake, today() + dt.timedelta(days=3))
    with pytest.raises(ValidationError, match=message):
        services.case_papers_received(actor=world.a.intake, case=case, received_on=received)


def test_only_for_immediate_acceptance_and_only_once(world):
    ordinary = accepted_case(world.a.intake)
    with pytest.raises(ValidationError, match="không thụ lý ngay"):
        services.case_papers_received(actor=world.a.intake, case=ordinary, received_on=today())
    case = immediate(world.a.intake, today() + dt.timedelta(days=3))
    services.case_papers_received(actor=world.a.intake, case=case, received_on=today())
    with pytest.raises(ValidationError, match="Đã ghi nhận đủ giấy tờ"):
        services.case_papers_received(actor=world.a.intake, case=case, received_on=today())


def test_stale_version_and_scope(world):
    case = immediate(world.a.intake, today() + dt.timedelta(days=3))
    with pytest.raises(ValidationError, match="vừa được người khác cập nhật"):
        services.case_papers_received(actor=world.a.intake, case=case, received_on=today(), expected_version=99)
    with pytest.raises(PermissionDenied):
        services.case_papers_received(actor=world.b.director, case=case, received_on=today())
    with pytest.raises(PermissionDenied):
        services.case_papers_received(actor=world.a.doj_officer, case=case, received_on=today())


def test_the_page_records_it_and_refuses_others(client, world):
    case = immediate(world.a.intake, today() - dt.timedelta(days=1))
    url = reverse("cases:papers_received", kwargs={"pk": case.pk})
    client.force_login(world.a.intake)
    page = client.get(reverse("cases:case_detail", kwargs={"pk": case.pk})).content.decode()
    assert url in page and "quá hạn" in page
    bad = client.post(url, {"received_on": "31/02/2026", "version": case.version})
    assert bad.status_code == 200 and "is-invalid" in bad.content.decode()
    ok = client.post(url, {"received_on": today().strftime("%d/%m/%Y"), "version": case.version})
    assert ok.status_code == 302
    case.refresh_from_db()
    assert case.papers_completed_on == today()
    client.force_login(world.b.director)
    assert client.get(url).status_code == 404
    client.force_login(world.a.doj_officer)
    assert client.post(url, {"received_on": today().strftime("%d/%m/%Y")}).status_code == 403
