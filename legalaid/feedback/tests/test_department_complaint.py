"""A second complaint sent straight to the Director of the Department of Justice (Law on Legal Aid 2017 Art. 45(3)),
never registered at the Centre: a Department officer enters it for a Centre the Department oversees; it is due 15
days from the day the Department received it, on the Department's work queue, decided there, and the Centre sees it
in its register. Nobody else may register one, and never for another Department's Centre."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from legalaid.core.models import AuditEntry
from legalaid.core.tests.html import field_errors
from legalaid.core.workqueue import queue_for
from legalaid.feedback import deadlines
from legalaid.feedback.choices import EntryStatus, Level
from legalaid.feedback.models import FeedbackEntry

from .factories import case_with_provider

pytestmark = pytest.mark.django_db

URL = reverse("feedback:complaint_create_department")
TODAY = timezone.localdate


def data(world, **extra):
    return {
        "centre": world.a.centre.pk,
        "second_received_on": TODAY().strftime("%d/%m/%Y"),
        "source": "letter",
        "kind": "complaint_provider",
        "ground": "no_aid",
        "first_decision": "05/QĐ-TGPL ngày 10/11/2026",
        "received_on": (TODAY() - dt.timedelta(days=25)).strftime("%d/%m/%Y"),
        "sender_name": "Nguyễn Thị Khiếu Nại",
        "content": "Không đồng ý với quyết định giải quyết khiếu nại lần đầu.",
        **extra,
    }


def test_the_department_registers_decides_and_the_centre_sees_it(client, world):
    case, _ = case_with_provider(world)
    client.force_login(world.a.doj_officer)
    response = client.post(URL, data(world, case_code=case.code.lower()))
    assert response.status_code == 302, field_errors(response)
    entry = FeedbackEntry.objects.get()
    assert entry.centre == world.a.centre and entry.case == case and entry.level == Level.SECOND
    assert entry.status == EntryStatus.OPEN and entry.second_received_on == TODAY()
    assert entry.due_on == deadlines.due_date(entry.kind, Level.SECOND, TODAY())
    assert entry.responsible is None and entry.created_by == world.a.doj_officer
    page = client.get(response["Location"]).content.decode()
    assert "05/QĐ-TGPL ngày 10/11/2026" in page and "Giám đốc Sở" in page
    assert AuditEntry.objects.filter(object_id=str(entry.pk), action="create").exists()
    section = next(s for s in queue_for(world.a.doj_officer) if s.code == "feedback_department")
    assert section.total == 1
    # The Department decides it (Art. 45(3)); the Centre reads it in its own register.
    decide = client.post(
        reverse("feedback:entry_decide", kwargs={"pk": entry.pk}),
        {
            "decided_on": TODAY().strftime("%d/%m/%Y"),
            "result": "rejected",
            "reasoning": "Quyết định lần đầu đúng pháp luật.",
            "version": entry.version,
        },
    )
    assert decide.status_code == 302
    client.force_login(world.a.director)
    assert entry.code in client.get(reverse("feedback:entry_list")).content.decode()


def test_without_a_first_decision_the_log_says_so(client, world):
    client.force_login(world.a.doj_officer)
    response = client.post(URL, data(world, first_decision="", received_on=""))
    assert response.status_code == 302, field_errors(response)
    entry = FeedbackEntry.objects.get()
    assert entry.received_on == TODAY()  # unknown: the day the Department received it
    assert "chưa có quyết định giải quyết lần đầu" in entry.actions.order_by("pk").last().text


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"kind": "feedback"}, "kind"),  # only complaints go to the Department's second level
        ({"ground": ""}, "ground"),
        ({"second_received_on": "31/02/2026"}, "second_received_on"),
        ({"second_received_on": (TODAY() + dt.timedelta(days=1)).strftime("%d/%m/%Y")}, "second_received_on"),
        ({"received_on": (TODAY() + dt.timedelta(days=1)).strftime("%d/%m/%Y")}, "received_on"),
        ({"case_code": "TT.TV.999.1999"}, "case_code"),
    ],
)
def test_bad_input_beside_the_field(client, world, extra, field):
    client.force_login(world.a.doj_officer)
    response = client.post(URL, data(world, **extra))
    assert response.status_code == 200
    assert field in field_errors(response)
    assert not FeedbackEntry.objects.exists()


def test_never_for_a_centre_of_another_department(client, world):
    client.force_login(world.a.doj_officer)
    response = client.post(URL, data(world, centre=world.b.centre.pk))
    assert "centre" in field_errors(response)
    assert not FeedbackEntry.objects.exists()


@pytest.mark.parametrize("persona", ["director", "officer", "intake", "lawyer", "collaborator", "agency_officer"])
def test_who_may_not_register_at_the_department(client, world, persona):
    client.force_login(getattr(world.a, persona))
    assert client.get(URL).status_code == 403
    assert client.post(URL, data(world)).status_code == 403
    assert not FeedbackEntry.objects.exists()
