"""Referrals from agencies (issue 13 item 3): the request number back, the Art. 31(3) clock, idempotency on the
agency's reference, and each agency reading only its own referrals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from legalaid.api.choices import KeyKind
from legalaid.api.models import ApiReferral
from legalaid.intake.choices import Channel
from legalaid.intake.models import LegalAidRequest
from legalaid.people.models import Person

from .helpers import auth, make_key, referral_payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency_key(world):
    return make_key(world.a.director, KeyKind.AGENCY, agency=world.a.agency)


def _post(client, secret, **changes):
    return client.post(
        "/api/v1/referrals/", referral_payload(**changes), content_type="application/json", **auth(secret)
    )


@pytest.mark.parametrize(
    ("status", "hours"), [("arrested", 12), ("held", 12), ("suspect", 24), ("defendant", 24), ("victim", 24)]
)
def test_a_referral_becomes_a_request_with_the_clock_of_art_31_3(client, world, agency_key, status, hours):
    key, secret = agency_key
    asked = (timezone.now() - dt.timedelta(hours=3)).replace(microsecond=0)
    before = timezone.now()
    response = _post(client, secret, procedural_status=status, requested_at_agency=asked.isoformat())
    assert response.status_code == 201, response.json()
    body = response.json()
    request = LegalAidRequest.objects.get(pk=body["request_number"])
    assert request.channel == Channel.REFERRAL
    assert request.centre == world.a.centre
    assert request.received_at >= before
    assert request.referral.agency == world.a.agency
    assert request.referral.notify_hours == hours
    assert request.referral.notify_due_at == asked + dt.timedelta(hours=hours)
    assert body["notify_hours"] == hours
    assert body["status"] == "received"
    assert request.received_by == key.user


def test_posting_the_same_reference_twice_creates_nothing_twice(client, world, agency_key):
    _key, secret = agency_key
    first = _post(client, secret)
    again = _post(client, secret, summary="Gửi lại")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["request_number"] == again.json()["request_number"]
    assert LegalAidRequest.objects.count() == 1
    assert Person.objects.count() == 1
    assert ApiReferral.objects.count() == 1


def test_the_reference_is_unique_per_agency_not_globally(client, world, agency_key):
    from legalaid.core.tests.factories import _org

    _key, secret = agency_key
    other_agency = _org("agency", "Viện kiểm sát A", centre=world.a.centre, agency_type="procuracy")
    _key2, secret2 = make_key(world.a.director, KeyKind.AGENCY, agency=other_agency)
    assert _post(client, secret).status_code == 201
    assert _post(client, secret2).status_code == 201
    assert LegalAidRequest.objects.count() == 2


def test_the_database_refuses_a_duplicate_reference(world, agency_key):
    from django.db import IntegrityError, transaction

    _post_request = LegalAidRequest.objects
    key, _secret = agency_key
    from legalaid.api import services
    from legalaid.api.tests.helpers import _validated

    request, _created = services.referral_receive(actor=key.user, data=_validated(referral_payload()), key=key)
    with pytest.raises(IntegrityError), transaction.atomic():
        ApiReferral.objects.create(agency=world.a.agency, agency_reference="123/CV-CQĐT", request=request)


def test_an_agency_reads_only_its_own_referrals(client, world, agency_key):
    from legalaid.core.tests.factories import _org

    _key, secret = agency_key
    other_agency = _org("agency", "Viện kiểm sát A", centre=world.a.centre, agency_type="procuracy")
    _key2, secret2 = make_key(world.a.director, KeyKind.AGENCY, agency=other_agency)
    mine = _post(client, secret).json()["request_number"]
    theirs = _post(client, secret2, agency_reference="VKS-1").json()["request_number"]
    listing = client.get("/api/v1/referrals/", **auth(secret)).json()["results"]
    assert [row["request_number"] for row in listing] == [mine]
    assert client.get(f"/api/v1/referrals/{theirs}/", **auth(secret)).status_code == 404
    assert client.get(f"/api/v1/referrals/{mine}/", **auth(secret)).json()["case_code"] is None
    # The Centre's staff see both.
    client.force_login(world.a.intake)
    assert {row["request_number"] for row in client.get("/api/v1/referrals/").json()["results"]} == {mine, theirs}


def test_a_known_person_is_matched_by_id_number(client, world, agency_key):
    from legalaid.people.tests.factories import PersonFactory

    known = PersonFactory(centre=world.a.centre, id_type="cmnd", id_number="012345678", full_name="Trần Văn An")
    _key, secret = agency_key
    person = {"full_name": "TRẦN VĂN AN", "sex": "male", "id_type": "cmnd", "id_number": "012 345 678"}
    number = _post(client, secret, person=person).json()["request_number"]
    assert LegalAidRequest.objects.get(pk=number).beneficiary == known


def test_bad_input_is_a_json_error_with_the_field_in_vietnamese(client, world, agency_key):
    _key, secret = agency_key
    future = (timezone.now() + dt.timedelta(days=1)).isoformat()
    response = _post(client, secret, requested_at_agency=future, person={"full_name": "", "sex": "x"})
    assert response.status_code == 400
    fields = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert fields["requested_at_agency"] == "Thời điểm yêu cầu không được sau thời điểm hiện tại."
    assert "person.sex" in fields and "person.full_name" in fields
    assert not LegalAidRequest.objects.exists()


def test_a_refused_person_leaves_nothing(client, world, agency_key):
    _key, secret = agency_key
    person = {"full_name": "Lê Văn C", "sex": "male", "id_type": "cccd", "id_number": "12"}
    response = _post(client, secret, person=person)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"].startswith("person.")
    assert not Person.objects.exists() and not LegalAidRequest.objects.exists()


def test_a_national_key_cannot_post_referrals(client, world):
    _key, secret = make_key(world.a.director, KeyKind.NATIONAL)
    assert _post(client, secret).status_code == 403


def test_an_agency_officer_may_post_with_their_session(client, world):
    client.force_login(world.a.agency_officer)
    response = client.post("/api/v1/referrals/", referral_payload(), content_type="application/json")
    assert response.status_code == 201
    assert LegalAidRequest.objects.get().referral.agency == world.a.agency
