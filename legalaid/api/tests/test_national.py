"""The national database's export (issue 13 item 4): incremental by changed_since in change order, versioned shape,
no name leaving, the year's figures."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from legalaid.api.choices import KeyKind
from legalaid.cases.models import LegalAidCase

from .helpers import auth, make_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(world):
    from legalaid.cases.tests.factories import accepted_case

    made = [accepted_case(world.a.director) for _ in range(3)]
    base = timezone.now() - dt.timedelta(days=10)
    for offset, case in zip((5, 1, 3), made, strict=True):
        LegalAidCase.objects.filter(pk=case.pk).update(updated_at=base + dt.timedelta(days=offset))
    accepted_case(world.b.director)  # another Centre's: never exported by A's key
    return made, base


def test_changed_since_in_change_order_across_pages(client, world, cases):
    made, base = cases
    _key, secret = make_key(world.a.director, KeyKind.NATIONAL)
    since = (base + dt.timedelta(days=2)).isoformat()
    first = client.get("/api/v1/national/cases/", {"changed_since": since, "page_size": 1}, **auth(secret)).json()
    assert first["schema_version"] == "1"
    second = client.get(first["next"], **auth(secret)).json()
    assert [r["id"] for r in first["results"] + second["results"]] == [made[2].pk, made[0].pk]
    assert second["next"] is None
    everything = client.get("/api/v1/national/cases/", **auth(secret)).json()["results"]
    assert [r["id"] for r in everything] == [made[1].pk, made[2].pk, made[0].pk]


def test_the_export_names_nobody(client, world, cases):
    made, _base = cases
    _key, secret = make_key(world.a.director, KeyKind.NATIONAL)
    body = client.get("/api/v1/national/cases/", **auth(secret)).content.decode()
    for case in made:
        person = case.beneficiary
        assert person.full_name not in body
        if person.id_number:
            assert person.id_number not in body
    row = client.get("/api/v1/national/cases/", **auth(secret)).json()["results"][0]
    assert set(row["beneficiary"]) == {"person", "sex", "birth_year", "ethnicity", "has_disability", "province"}


def test_a_bad_changed_since_is_a_400_on_its_field(client, world):
    _key, secret = make_key(world.a.director, KeyKind.NATIONAL)
    response = client.get("/api/v1/national/cases/", {"changed_since": "hôm qua"}, **auth(secret))
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "changed_since"


def test_the_figures_of_a_year(client, world, cases):
    made, _base = cases
    _key, secret = make_key(world.a.director, KeyKind.NATIONAL)
    year = timezone.localdate(made[0].accepted_at).year
    figures = client.get("/api/v1/national/figures/", {"year": year}, **auth(secret)).json()
    assert figures["cases"] == 3
    assert figures["cases_by_form"] == {"advice": 3}
    assert client.get("/api/v1/national/figures/", {"year": "x"}, **auth(secret)).status_code == 400
