"""The sync of a mobile session typed offline: idempotent by the device's keys, each entry a request received
through intake's service with channel "mobile session", a likely duplicate left for a decision, CSRF required."""

from __future__ import annotations

import json
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from legalaid.intake.models import LegalAidRequest
from legalaid.people.models import Person

from ..choices import EntryStatus
from ..models import MobileEntry, OutreachSession
from .factories import commune_of

pytestmark = pytest.mark.django_db


def payload(world, names=("Hoàng Văn Sử", "Lý Thị Mẩy"), session_key=None):
    commune = commune_of(world.a.centre)
    return {
        "session": {
            "key": session_key or str(uuid.uuid4()),
            "date": timezone.localdate().strftime("%d/%m/%Y"),
            "commune": str(commune.pk),
            "place": "Bản Khuổi Phầy",
            "audience_total": "35",
        },
        "entries": [
            {
                "key": str(uuid.uuid4()),
                "full_name": name,
                "sex": "female" if "Thị" in name else "male",
                "birth_year": "1968",
                "phone": "",
                "commune": str(commune.pk),
                "field_of_law": "land",
                "summary": "Tranh chấp ranh giới đất nương",
                "typed_at": timezone.now().isoformat(),
            }
            for name in names
        ],
    }


def sync(client, data):
    return client.post(reverse("outreach:mobile_sync"), json.dumps(data), content_type="application/json")


def test_a_session_and_two_requests_arrive_once_however_often_they_are_sent(client, world):
    client.force_login(world.a.officer)
    data = payload(world)
    first = sync(client, data)
    assert first.status_code == 200
    assert [e["status"] for e in first.json()["entries"]] == ["received", "received"]
    again = sync(client, data)
    assert again.json() == first.json()
    session = OutreachSession.objects.get()
    assert session.form == "mobile" and session.audience_total == 35 and session.centre == world.a.centre
    requests = LegalAidRequest.objects.order_by("pk")
    assert requests.count() == 2 and {r.channel for r in requests} == {"mobile_session"}
    assert [e.request for e in MobileEntry.objects.order_by("pk")] == list(requests)
    assert Person.objects.count() == 2


def test_an_entry_added_later_to_the_same_session_joins_it(client, world):
    client.force_login(world.a.officer)
    data = payload(world, names=("Hoàng Văn Sử",))
    sync(client, data)
    more = payload(world, names=("Nông Văn Dền",), session_key=data["session"]["key"])
    sync(client, {"session": data["session"], "entries": data["entries"] + more["entries"]})
    assert OutreachSession.objects.count() == 1 and LegalAidRequest.objects.count() == 2


def test_a_likely_duplicate_person_waits_for_a_decision(client, world):
    from legalaid.people.tests.factories import PersonFactory

    existing = PersonFactory(centre=world.a.centre, full_name="Hoàng Văn Sử", birth_year=1968, date_of_birth=None)
    client.force_login(world.a.officer)
    answer = sync(client, payload(world)).json()
    assert [e["status"] for e in answer["entries"]] == ["needs_decision", "received"]
    waiting = MobileEntry.objects.get(status=EntryStatus.NEEDS_DECISION)
    assert waiting.request is None and LegalAidRequest.objects.count() == 1
    page = client.get(reverse("outreach:entry_decide", args=[waiting.pk])).content.decode()
    assert "Hoàng Văn Sử" in page and "Người mới, đăng ký mới" in page
    response = client.post(reverse("outreach:entry_decide", args=[waiting.pk]), {"person_choice": str(existing.pk)})
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == EntryStatus.RECEIVED and waiting.request.beneficiary == existing
    assert Person.objects.filter(full_name="Hoàng Văn Sử").count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"full_name": ""}, "full_name"),
        ({"sex": "x"}, "sex"),
        ({"summary": " "}, "summary"),
        ({"field_of_law": "business_commerce"}, "field_of_law"),
        ({"field_of_law": "nope"}, "field_of_law"),
        ({"birth_year": "1800"}, "birth_year"),
        ({"birth_year": "abc"}, "birth_year"),
        ({"commune": "999999999"}, "commune"),
    ],
)
def test_a_bad_entry_comes_back_with_its_message_and_leaves_nothing(client, world, change, field):
    client.force_login(world.a.officer)
    data = payload(world, names=("Hoàng Văn Sử",))
    data["entries"][0].update(change)
    (result,) = sync(client, data).json()["entries"]
    assert result["status"] == "error" and field in result["errors"]
    assert not MobileEntry.objects.exists() and not Person.objects.exists() and not LegalAidRequest.objects.exists()


def test_a_session_without_a_valid_date_is_refused(client, world):
    client.force_login(world.a.officer)
    data = payload(world)
    data["session"]["date"] = "31/02/2026"
    response = sync(client, data)
    assert response.status_code == 400 and "date" in response.json()["session"]
    assert not OutreachSession.objects.exists()


def test_the_sync_needs_the_csrf_token_in_a_header(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.a.officer)
    data = json.dumps(payload(world))
    assert client.post(reverse("outreach:mobile_sync"), data, content_type="application/json").status_code == 403
    token = client.get(reverse("outreach:mobile_token")).json()["token"]
    response = client.post(
        reverse("outreach:mobile_sync"), data, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 200 and LegalAidRequest.objects.count() == 2


@pytest.mark.parametrize("role", ["doj_officer", "lawyer", "collaborator", "agency_officer"])
def test_roles_without_the_right_cannot_sync(client, world, role):
    client.force_login(getattr(world.a, role))
    assert sync(client, payload(world)).status_code == 403
    assert not OutreachSession.objects.exists()


def test_another_centre_cannot_reuse_a_session_key(client, world):
    client.force_login(world.a.officer)
    data = payload(world)
    sync(client, data)
    client.force_login(world.b.officer)
    response = sync(client, {"session": data["session"], "entries": []})
    assert response.status_code == 403


def test_malformed_bodies_are_a_400(client, world):
    client.force_login(world.a.officer)
    url = reverse("outreach:mobile_sync")
    assert client.post(url, "{not json", content_type="application/json").status_code == 400
    assert client.post(url, {"a": "b"}).status_code == 400
    assert sync(client, ["list"]).status_code == 400


def test_the_service_worker_covers_the_page(client, world):
    response = client.get(reverse("outreach:mobile_worker"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == reverse("outreach:mobile")
    body = response.content.decode()
    assert body.startswith("const PRECACHE = [") and reverse("outreach:mobile") in body
    assert reverse("outreach:mobile_worker").startswith(reverse("outreach:mobile"))
