"""API keys: hashed, shown once, scopes, expiry, revocation, last use; the page of the director."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from legalaid.api.choices import KeyKind
from legalaid.api.models import ApiKey
from legalaid.core.tests.factories import PERSONAS

from .helpers import auth, make_key

pytestmark = pytest.mark.django_db


def test_the_key_is_stored_hashed_and_works(client, world):
    key, secret = make_key(world.a.director)
    assert secret.split(".")[1] not in (key.key_hash, key.prefix)
    assert not key.user.has_usable_password()
    assert client.get("/api/v1/organisations/", **auth(secret)).status_code == 200
    key.refresh_from_db()
    assert key.last_used_at is not None


@pytest.mark.parametrize(
    "mangle", [lambda s: s + "x", lambda s: "00000000." + s.split(".")[1], lambda s: s.replace(".", ""), lambda s: "."]
)
def test_a_wrong_key_is_401(client, world, mangle):
    _key, secret = make_key(world.a.director)
    response = client.get("/api/v1/organisations/", **auth(mangle(secret)))
    assert response.status_code == 401
    assert response.json()["errors"][0]["field"] is None


def test_a_revoked_or_expired_key_is_refused(client, world):
    from legalaid.api import services

    key, secret = make_key(world.a.director)
    services.key_revoke(actor=world.a.director, key=key)
    response = client.get("/api/v1/organisations/", **auth(secret))
    assert response.status_code == 401
    assert response.json()["detail"] == "Khóa API đã bị thu hồi."
    key2, secret2 = make_key(world.a.director, expires_at=timezone.now() + dt.timedelta(seconds=1))
    ApiKey.objects.filter(pk=key2.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert client.get("/api/v1/organisations/", **auth(secret2)).json()["detail"] == "Khóa API đã hết hạn."


def test_an_agency_key_may_not_be_given_national_scopes(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        make_key(world.a.director, KeyKind.AGENCY, agency=world.a.agency, scopes=["cases:read"])
    assert "scopes" in error.value.message_dict


def test_another_centres_agency_is_refused(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        make_key(world.a.director, KeyKind.AGENCY, agency=world.b.agency)


def test_the_throttle_counts_per_key(client, world, settings):
    from django.core.cache import cache

    cache.clear()
    settings.API_THROTTLE_RATE = "3/min"
    _k1, one = make_key(world.a.director, name="một")
    _k2, two = make_key(world.a.director, name="hai")
    codes = [client.get("/api/v1/provinces/", **auth(one)).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert client.get("/api/v1/provinces/", **auth(two)).status_code == 200
    cache.clear()


@pytest.mark.parametrize("role", PERSONAS)
def test_only_managers_open_the_key_page(client, world, role):
    client.force_login(getattr(world.a, role))
    response = client.get("/khoa-api/")
    allowed = role in ("director", "deputy", "sysadmin")
    assert response.status_code == (200 if allowed else 403)


def test_the_page_shows_the_key_once_and_revokes(client, world):
    client.force_login(world.a.director)
    response = client.post(
        "/khoa-api/tao/",
        {"name": "Cơ sở dữ liệu quốc gia", "kind": "national", "owner": world.a.centre.pk, "scopes": ["cases:read"]},
    )
    assert response.status_code == 200
    key = ApiKey.objects.get()
    html = response.content.decode()
    secret = re.search(r'id="new-key">([^<]+)<', html).group(1)
    assert secret.startswith(key.prefix + ".")
    again = client.get("/khoa-api/")
    assert secret not in again.content.decode()
    assert key.prefix in again.content.decode()
    client.post(f"/khoa-api/{key.pk}/thu-hoi/")
    key.refresh_from_db()
    assert key.revoked_at is not None and not key.user.is_active
    assert client.get("/api/v1/cases/", **auth(secret)).status_code == 401


def test_a_director_cannot_revoke_another_centres_key(client, world):
    key, _secret = make_key(world.b.director)
    client.force_login(world.a.director)
    assert client.post(f"/khoa-api/{key.pk}/thu-hoi/").status_code == 404
    key.refresh_from_db()
    assert key.revoked_at is None


def test_a_bad_form_says_why(client, world):
    client.force_login(world.a.director)
    response = client.post("/khoa-api/tao/", {"name": "", "kind": "agency", "owner": world.a.centre.pk})
    assert response.status_code == 400
    assert not ApiKey.objects.exists()


def test_creation_and_revocation_are_audited_without_the_hash(world):
    from legalaid.api import services
    from legalaid.core.models import AuditEntry

    key, _secret = make_key(world.a.director)
    services.key_revoke(actor=world.a.director, key=key)
    rows = AuditEntry.objects.filter(object_id=str(key.pk), content_type__model="apikey")
    assert rows.count() == 2
    assert all("key_hash" not in (row.after or {}) for row in rows)


def test_the_command_creates_a_key_and_prints_it_once(world, capsys):
    from django.core.management import call_command

    call_command(
        "create_api_key",
        "--by",
        world.a.director.username,
        "--owner",
        str(world.a.centre.pk),
        "--kind",
        "national",
        "--name",
        "CSDL",
        "--scope",
        "cases:read",
    )
    out = capsys.readouterr().out
    key = ApiKey.objects.get()
    assert f"({key.prefix}): {key.prefix}." in out
    assert key.scopes == ["cases:read"]
