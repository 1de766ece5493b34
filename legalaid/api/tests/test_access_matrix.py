"""The access matrix of the API (issue 13 item 7): every role's session and every kind of key, against another
Centre's records: a 404 (or 403 for a scope the key lacks), never data; and no list shows them."""

from __future__ import annotations

import pytest

from legalaid.api.choices import KeyKind
from legalaid.core.tests.factories import PERSONAS

from .helpers import auth, make_key, records

pytestmark = pytest.mark.django_db

#: resource -> the record of ``records()`` it shows.
RESOURCES = {
    "persons": "person",
    "requests": "request",
    "cases": "case",
    "referrals": "referral",
    "providers": "provider",
    "organisations": "organisation",
    "plans": "plan",
    "tasks": "task",
}


@pytest.fixture
def both(world):
    return records(world.a), records(world.b)


def _ids(response) -> set:
    return {row.get("id", row.get("request_number")) for row in response.json()["results"]}


def _check_other_centre(client, headers, theirs, label):
    leaks = []
    for resource, attr in RESOURCES.items():
        obj = getattr(theirs, attr)
        detail = client.get(f"/api/v1/{resource}/{obj.pk}/", **headers)
        if detail.status_code not in (403, 404):
            leaks.append(f"{label} GET {resource}/{obj.pk}: {detail.status_code}")
        elif "detail" not in detail.json():
            leaks.append(f"{label} {resource}: error without JSON detail")
        listing = client.get(f"/api/v1/{resource}/", **headers)
        if listing.status_code == 200 and obj.pk in _ids(listing):
            leaks.append(f"{label} list {resource} shows {obj.pk}")
        elif listing.status_code not in (200, 403):
            leaks.append(f"{label} list {resource}: {listing.status_code}")
    return leaks


@pytest.mark.parametrize("role", PERSONAS)
def test_no_role_reads_another_centres_records(client, world, both, role):
    _mine, theirs = both
    client.force_login(getattr(world.a, role))
    assert _check_other_centre(client, {}, theirs, role) == []


@pytest.mark.parametrize("kind", list(KeyKind))
def test_no_key_reads_another_centres_records(client, world, both, kind):
    _mine, theirs = both
    extra = {"agency": world.a.agency} if kind == KeyKind.AGENCY else {}
    _key, secret = make_key(world.a.director, kind, **extra)
    assert _check_other_centre(client, auth(secret), theirs, kind) == []


def test_a_department_key_reads_its_centres_only(client, world, both):
    mine, theirs = both
    _key, secret = make_key(world.root, KeyKind.NATIONAL, owner=world.a.doj)
    assert client.get(f"/api/v1/cases/{mine.case.pk}/", **auth(secret)).status_code == 200
    assert _check_other_centre(client, auth(secret), theirs, "doj key") == []


def test_the_director_reads_their_own_centre(client, world, both):
    mine, _theirs = both
    client.force_login(world.a.director)
    for resource, attr in RESOURCES.items():
        response = client.get(f"/api/v1/{resource}/{getattr(mine, attr).pk}/")
        assert response.status_code == 200, resource
    case = client.get(f"/api/v1/cases/{mine.assigned.pk}/").json()
    assert case["code"] == mine.assigned.code
    assert [p["provider"] for p in case["providers"]] == [mine.provider.pk]
    assert case["events"], "the case's timeline"


def test_a_lawyer_sees_only_the_cases_assigned_to_them(client, world, both):
    mine, _theirs = both
    from legalaid.providers.tests.factories import assigned_case, provider_for

    lawyer_case = assigned_case(world.a.director, provider_for(world.a.lawyer))
    client.force_login(world.a.lawyer)
    assert _ids(client.get("/api/v1/cases/")) == {lawyer_case.pk}
    assert client.get(f"/api/v1/cases/{mine.case.pk}/").status_code == 404


def test_a_branch_sees_only_its_branch(client, world, both):
    mine, _theirs = both
    client.force_login(world.a.branch_officer)
    # Every record of records() was made at the head office.
    assert client.get(f"/api/v1/cases/{mine.case.pk}/").status_code == 404
    assert mine.case.pk not in _ids(client.get("/api/v1/cases/"))


def test_key_scopes_are_enforced(client, world, both):
    mine, _theirs = both
    _key, secret = make_key(world.a.director, KeyKind.NATIONAL, scopes=["cases:read"])
    assert client.get(f"/api/v1/cases/{mine.case.pk}/", **auth(secret)).status_code == 200
    for resource in ("persons", "requests", "providers", "plans", "national/cases"):
        response = client.get(f"/api/v1/{resource}/", **auth(secret))
        assert response.status_code == 403, resource
        assert "cases:read" not in response.json()["detail"]


def test_an_agency_key_reads_no_case_person_or_plan(client, world, both):
    mine, _theirs = both
    for resource in ("persons", "cases", "plans", "providers", "requests"):
        response = client.get(f"/api/v1/{resource}/", **auth(mine.agency_secret))
        assert response.status_code == 403, resource


def test_the_refused_attempt_is_in_the_access_log(client, world, both):
    from legalaid.core.choices import AccessAction
    from legalaid.core.models import AccessLogEntry

    _mine, theirs = both
    client.force_login(world.a.director)
    assert client.get(f"/api/v1/persons/{theirs.person.pk}/").status_code == 404
    entry = AccessLogEntry.objects.filter(user=world.a.director).order_by("-id").first()
    assert (entry.action, entry.object_id) == (AccessAction.REFUSED, str(theirs.person.pk))


def test_every_key_call_is_in_the_access_log_with_the_key(client, world, both):
    from legalaid.core.models import AccessLogEntry

    mine, _theirs = both
    key, secret = make_key(world.a.director, KeyKind.NATIONAL)
    client.get("/api/v1/organisations/", **auth(secret))
    client.get(f"/api/v1/cases/{mine.case.pk}/", **auth(secret))
    rows = list(AccessLogEntry.objects.filter(user=key.user).order_by("id"))
    assert len(rows) == 2
    assert key.prefix in rows[0].object_repr
    assert rows[1].object_id == str(mine.case.pk)
    assert rows[0].user_name.endswith(key.name)


def test_session_reads_only_writes_refused_without_the_role(client, world):
    from .helpers import referral_payload

    client.force_login(world.a.director)
    response = client.post("/api/v1/referrals/", referral_payload(), content_type="application/json")
    assert response.status_code == 403
    assert response.json()["errors"][0]["message"]


def test_session_writes_need_the_csrf_token(world):
    from django.test import Client

    from .helpers import referral_payload

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.a.agency_officer)
    response = client.post("/api/v1/referrals/", referral_payload(), content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_no_credentials_is_401(client, world):
    response = client.get("/api/v1/cases/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Api-Key"


def test_the_list_queries_do_not_grow_with_rows(client, world, both, django_assert_max_num_queries):
    from legalaid.providers.tests.factories import assigned_case, provider_for

    provider = provider_for(world.a.branch_head)
    for _ in range(5):
        assigned_case(world.a.director, provider)
    client.force_login(world.a.director)
    with django_assert_max_num_queries(12):
        response = client.get("/api/v1/cases/")
    assert len(response.json()["results"]) >= 7
