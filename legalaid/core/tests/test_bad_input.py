"""The inputs that gave a 500 before issue 14 item 6, each now a message beside its field (or an ignored parameter),
and nothing saved: years -1 and 0 in the plan and campaign lists, a non-numeric or 23-digit province, ids beyond
64 bits in the choices of records (SQLite raised OverflowError in ``pk__in`` and foreign-key lookups; PostgreSQL
"integer out of range"), and 31/12/9999 in the date filters (no next day)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from legalaid.core.models import Organisation
from legalaid.core.tests.html import field_errors
from legalaid.people.models import Person
from legalaid.providers.models import Provider
from legalaid.studies.models import ThematicStudy

pytestmark = pytest.mark.django_db

HUGE = "12345678901234567890123"  # 23 digits
YEAR_MESSAGE = "Năm phải là số từ 2000 đến 2100."


@pytest.mark.parametrize("url_name", ["plans:plan_list", "commendations:campaign_list", "studies:study_list"])
@pytest.mark.parametrize("year", ["-1", "0", "2147483648", HUGE, "1e309", "١٢٣", "abc"])
def test_a_year_out_of_range_in_a_list_is_a_message(client, world, url_name, year):
    client.force_login(world.a.director)
    response = client.get(reverse(url_name), {"year": year})
    assert response.status_code == 200
    assert field_errors(response)["year"] == [YEAR_MESSAGE]


@pytest.mark.parametrize("url_name", ["plans:plan_list", "commendations:campaign_list", "studies:study_list"])
def test_a_year_in_range_filters(client, world, url_name):
    client.force_login(world.a.director)
    response = client.get(reverse(url_name), {"year": "2025"})
    assert response.status_code == 200
    assert "year" not in field_errors(response)


@pytest.mark.parametrize("province", ["abc", "1e309", HUGE, "-1", "١"])
def test_a_bad_province_on_the_new_unit_form_is_a_message(client, world, province):
    client.force_login(world.a.sysadmin)
    before = Organisation.objects.count()
    response = client.post(
        reverse("core:organisation_create"),
        {"kind": "branch", "name": "Chi nhánh số 3 A", "parent": world.a.centre.pk, "province": province},
    )
    assert response.status_code == 200
    assert field_errors(response)["province"]
    assert Organisation.objects.count() == before


def test_a_huge_province_in_the_person_list_is_a_message(client, world):
    client.force_login(world.a.director)
    response = client.get(reverse("people:person_list"), {"province": HUGE, "commune": HUGE, "ethnicity": HUGE})
    assert response.status_code == 200
    errors = field_errors(response)
    assert {"province", "commune", "ethnicity"} <= set(errors)


def test_huge_ids_on_the_person_form(client, world):
    client.force_login(world.a.intake)
    response = client.post(
        reverse("people:person_create"),
        {"full_name": "Nguyễn Văn Thử", "sex": "male", "province": HUGE, "commune": HUGE, "ethnicity": HUGE},
    )
    assert response.status_code == 200
    assert {"province", "commune", "ethnicity"} <= set(field_errors(response))
    assert not Person.objects.filter(full_name="Nguyễn Văn Thử").exists()


def test_huge_ids_in_the_provider_form_choices(client, world):
    client.force_login(world.a.director)
    response = client.post(
        reverse("providers:provider_create"),
        {"kind": "officer", "full_name": "Lê Thị Thử", "fields_of_law": [HUGE], "languages": [HUGE, "1"]},
    )
    assert response.status_code == 200
    errors = field_errors(response)
    assert errors["fields_of_law"] and errors["languages"]
    assert not Provider.objects.filter(full_name="Lê Thị Thử").exists()


def test_huge_ids_in_the_study_form_choices(client, world):
    client.force_login(world.a.director)
    response = client.post(
        reverse("studies:study_create"),
        {"year": "2025", "title": "Chuyên đề thử", "authors": [HUGE], "outline": [HUGE], "lead_department": HUGE},
    )
    assert response.status_code == 200
    assert {"authors", "outline", "lead_department"} <= set(field_errors(response))
    assert not ThematicStudy.objects.filter(title="Chuyên đề thử").exists()


def test_huge_ids_in_the_completion_criteria(client, world):
    from legalaid.cases.tests.factories import case_in

    case = case_in(world.a.director, "in_progress", form="litigation")
    client.force_login(world.a.director)
    response = client.post(
        reverse("cases:case_complete", args=[case.pk]),
        {"success_criteria": [HUGE], "complexity_criteria": [HUGE], "version": str(case.version)},
    )
    assert response.status_code == 200
    assert {"success_criteria", "complexity_criteria"} <= set(field_errors(response))


def test_huge_ids_on_the_request_form(client, world):
    client.force_login(world.a.intake)
    response = client.post(
        reverse("intake:request_create"),
        {"beneficiary": HUGE, "requester": HUGE, "field_of_law": HUGE, "desired_form": HUGE, "categories": [HUGE]},
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url_name", ["core:audit_list", "core:access_log_list", "intake:request_list", "cases:case_list"]
)
@pytest.mark.parametrize("day", ["31/12/9999", "01/01/0001", "00/00/0000"])
def test_a_date_out_of_range_in_a_list_filter_is_a_message(client, world, url_name, day):
    client.force_login(world.root)
    names = {"core:audit_list": "date_from", "core:access_log_list": "date_to"}
    name = names.get(url_name, "received_from" if url_name == "intake:request_list" else "accepted_to")
    response = client.get(reverse(url_name), {name: day})
    assert response.status_code == 200
    assert field_errors(response).get(name)


@pytest.mark.parametrize(
    ("method", "url_name", "data"),
    [
        ("get", "intake:person_search", {"q": "Nguyễn\x00"}),
        ("get", "people:duplicates", {"full_name": "A\x00", "id_number": "001\x00"}),
        ("get", "people:person_list", {"q\x00": "x"}),
        ("post", "people:person_create", {"full_name": "Nguyễn Văn Thử\x00"}),
    ],
)
def test_a_nul_character_in_a_parameter_is_a_bad_request(client, world, method, url_name, data):
    client.force_login(world.a.intake)
    response = getattr(client, method)(reverse(url_name), data)
    assert response.status_code == 400
    assert not Person.objects.filter(full_name__startswith="Nguyễn Văn Thử").exists()
