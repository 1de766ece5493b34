"""Hotline calls: an answer, a request received through intake's service, an entry of the complaints register; a
likely duplicate person shown for a decision."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from legalaid.feedback.models import FeedbackEntry
from legalaid.intake.models import LegalAidRequest

from ..models import HotlineCall

pytestmark = pytest.mark.django_db


def call(client, actor, **fields):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    data = {
        "called_on": yesterday.strftime("%d/%m/%Y"),
        "called_time": "08:30",
        "caller_type": "person",
        "caller_name": "",
        "caller_phone": "",
        "topic": "Hỏi về thủ tục ly hôn",
        "field_of_law": "",
        "answer": "Hướng dẫn nộp đơn tại Tòa án nhân dân huyện",
        "outcome": "answered",
    }
    data.update(fields)
    client.force_login(actor)
    return client.post(reverse("outreach:call_create"), data)


def _field(code="marriage_family"):
    from legalaid.intake.models import FieldOfLaw

    return FieldOfLaw.objects.get(code=code).pk


def test_an_answered_call(client, world):
    response = call(client, world.a.officer)
    assert response.status_code == 302
    recorded = HotlineCall.objects.get()
    assert (recorded.centre, recorded.outcome, recorded.request, recorded.feedback_entry) == (
        world.a.centre,
        "answered",
        None,
        None,
    )


def test_an_answer_is_required_when_the_call_was_answered(client, world):
    response = call(client, world.a.officer, answer="")
    assert "Hãy ghi nội dung đã trả lời, hướng dẫn." in response.content.decode()
    assert not HotlineCall.objects.exists()


def test_a_call_referred_to_intake_becomes_a_request_by_phone(client, world):
    response = call(
        client,
        world.a.intake,
        outcome="to_intake",
        caller_name="Lường Văn Páo",
        sex="male",
        birth_year="1970",
        field_of_law=_field(),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    recorded = HotlineCall.objects.get()
    request = LegalAidRequest.objects.get()
    assert recorded.request == request and request.channel == "phone"
    assert request.beneficiary.full_name == "Lường Văn Páo" and request.centre == world.a.centre


def test_a_likely_duplicate_is_shown_for_a_decision_never_merged(client, world):
    from legalaid.people.tests.factories import PersonFactory

    existing = PersonFactory(centre=world.a.centre, full_name="Lường Văn Páo", birth_year=1970, date_of_birth=None)
    fields = {
        "outcome": "to_intake",
        "caller_name": "Lường Văn Páo",
        "sex": "male",
        "birth_year": "1970",
        "field_of_law": _field(),
    }
    response = call(client, world.a.intake, **fields)
    page = response.content.decode()
    assert response.status_code == 200 and "có thể đã có trong hệ thống" in page
    assert not LegalAidRequest.objects.exists() and not HotlineCall.objects.exists()
    response = call(client, world.a.intake, person_choice=str(existing.pk), **fields)
    assert response.status_code == 302
    assert LegalAidRequest.objects.get().beneficiary == existing


def test_a_call_referred_to_the_complaints_register(client, world):
    response = call(
        client,
        world.a.officer,
        outcome="to_complaints",
        complaint_kind="complaint_provider",
        complaint_ground="no_aid",
        caller_name="Hoàng Thị Mai",
        topic="Luật sư không liên lạc lại",
    )
    assert response.status_code == 302
    entry = FeedbackEntry.objects.get()
    assert entry.source == "hotline" and entry.content == "Luật sư không liên lạc lại"
    assert HotlineCall.objects.get().feedback_entry == entry


def test_a_complaint_without_its_ground_is_refused_beside_the_field(client, world):
    response = call(client, world.a.officer, outcome="to_complaints", complaint_kind="complaint_provider")
    assert "Điều 45 khoản 1" in response.content.decode()
    assert not FeedbackEntry.objects.exists() and not HotlineCall.objects.exists()


def test_another_centres_calls_are_invisible(client, world):
    call(client, world.b.officer)
    other = HotlineCall.objects.get()
    client.force_login(world.a.director)
    assert client.get(reverse("outreach:call_detail", args=[other.pk])).status_code == 404
    assert "Hỏi về thủ tục ly hôn" not in client.get(reverse("outreach:call_list")).content.decode()


@pytest.mark.parametrize("choice", ["99999999999999999999", "abc", "0"])
def test_a_bad_person_choice_is_a_message_not_an_error(client, world, choice):
    response = call(
        client,
        world.a.intake,
        outcome="to_intake",
        caller_name="Lường Văn Páo",
        sex="male",
        field_of_law=_field(),
        person_choice=choice,
    )
    assert response.status_code == 200
    assert "Người đã chọn không có trong danh sách của Trung tâm." in response.content.decode()
    assert not LegalAidRequest.objects.exists()
