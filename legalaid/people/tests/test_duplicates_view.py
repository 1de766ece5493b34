import pytest
from django.urls import reverse

from legalaid.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

URL = reverse("people:duplicates")


def test_panel_lists_visible_duplicates_with_their_reason(client, world):
    person = PersonFactory(centre=world.a.centre, full_name="Nguyễn Văn Đức")
    client.force_login(world.a.intake)
    response = client.post(URL, {"full_name": "nguyen van duc", "date_of_birth": "15/06/1985"})
    body = response.content.decode()
    assert response.status_code == 200
    assert reverse("people:person_detail", kwargs={"pk": person.pk}) in body
    assert "Trùng họ tên và ngày (năm) sinh" in body


def test_prefixed_fields_and_excluding_the_person_being_edited(client, world):
    person = PersonFactory(centre=world.a.centre)
    client.force_login(world.a.intake)
    params = {"prefix": "person", "person-id_number": person.id_number}
    assert "Trùng số giấy tờ" in client.post(URL, params).content.decode()
    assert "Trùng số giấy tờ" not in client.post(URL, {**params, "exclude": person.pk}).content.decode()


def test_other_units_duplicates_are_named_only_by_reason(client, world):
    person = PersonFactory(centre=world.a.centre, branch=world.a.branch2, full_name="Trần Thị Hoa")
    client.force_login(world.a.branch_officer)
    body = client.post(URL, {"id_number": person.id_number}).content.decode()
    assert "Trần Thị Hoa" not in body
    assert "đơn vị khác" in body
    assert "Trùng số giấy tờ" in body


def test_other_centres_are_never_searched(client, world):
    person = PersonFactory(centre=world.b.centre)
    client.force_login(world.a.intake)
    body = client.post(URL, {"id_number": person.id_number}).content.decode()
    assert "Trùng" not in body


def test_live_identity_check(client, world):
    client.force_login(world.a.intake)
    body = client.post(URL, {"id_number": "001085012345", "sex": "female", "birth_year": "1985"}).content.decode()
    assert "giới tính nam" in body
    body = client.post(URL, {"id_number": "00108501234"}).content.decode()
    assert "12 chữ số" in body


@pytest.mark.parametrize("persona", ["doj_officer", "lawyer"])
def test_readers_have_no_panel(client, world, persona):
    client.force_login(getattr(world.a, persona))
    assert client.post(URL, {"full_name": "x"}).status_code == 403


def test_garbage_input_is_harmless(client, world):
    client.force_login(world.a.intake)
    response = client.post(URL, {"date_of_birth": "99/99/9999", "birth_year": "abc", "commune": "x", "exclude": "y"})
    assert response.status_code == 200


def test_commune_options(client, world):
    from legalaid.core.models import Commune

    commune = Commune.objects.order_by("code").first()
    client.force_login(world.a.intake)
    body = client.get(reverse("core:commune_options"), {"person-province": commune.province_id}).content.decode()
    assert commune.name in body
    assert client.get(reverse("core:commune_options"), {"province": "x"}).status_code == 200


def test_the_panel_takes_names_and_numbers_by_post_only(client, world):
    """Issue 14 item 4: a name or an ID number never goes into a URL (and so never into an access log)."""
    client.force_login(world.a.intake)
    assert client.get(URL, {"full_name": "Nguyễn Văn Đức"}).status_code == 405
