import datetime as dt

import pytest
from django.urls import reverse

from legalaid.core.models import AuditEntry, Commune
from legalaid.people.models import Ethnicity, Person
from legalaid.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("people:person_create")


def edit_url(person):
    return reverse("people:person_edit", kwargs={"pk": person.pk})


def form_data(**changes):
    data = {
        "full_name": "Nguyễn Văn Đức",
        "sex": "male",
        "date_of_birth": "02/03/1985",
        "birth_year": "",
        "id_type": "cccd",
        "id_number": "001085012345",
        "ethnicity": str(Ethnicity.objects.get(code="01").pk),
        "nationality": "Việt Nam",
        "province": "",
        "commune": "",
        "street": "",
        "old_address": "",
        "phone": "",
        "disability_note": "",
        "notes": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_intake_creates_a_person(client, world):
    client.force_login(world.a.intake)
    assert client.get(CREATE).status_code == 200
    response = client.post(CREATE, form_data())
    person = Person.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("people:person_detail", kwargs={"pk": person.pk})
    assert (person.full_name, person.date_of_birth, person.centre) == (
        "Nguyễn Văn Đức",
        dt.date(1985, 3, 2),
        world.a.centre,
    )


def test_address_with_province_and_commune(client, world):
    commune = Commune.objects.select_related("province").order_by("code").first()
    client.force_login(world.a.branch_officer)
    response = client.post(CREATE, form_data(province=str(commune.province_id), commune=str(commune.pk)))
    assert response.status_code == 302
    person = Person.objects.get()
    assert (person.commune, person.branch) == (commune, world.a.branch1)


@pytest.mark.parametrize("persona", ["doj_officer", "lawyer", "collaborator", "agency_officer"])
def test_readers_and_providers_cannot_create_or_edit(client, world, persona):
    person = PersonFactory(centre=world.a.centre)
    client.force_login(getattr(world.a, persona))
    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, form_data()).status_code == 403
    assert client.post(edit_url(person), form_data(version="1")).status_code == 403
    assert Person.objects.count() == 1


def test_other_centre_or_branch_person_cannot_be_edited(client, world):
    other_centre = PersonFactory(centre=world.b.centre)
    other_branch = PersonFactory(centre=world.a.centre, branch=world.a.branch2)
    client.force_login(world.a.director)
    assert client.get(edit_url(other_centre)).status_code == 404
    client.force_login(world.a.branch_head)
    assert client.get(edit_url(other_branch)).status_code == 404
    assert client.post(edit_url(other_branch), form_data(version="1")).status_code == 404


def test_a_13_digit_id_gives_a_vietnamese_error_beside_the_field(client, world):
    client.force_login(world.a.intake)
    response = client.post(CREATE, form_data(id_number="0010850123456"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Số căn cước phải gồm đúng 12 chữ số (đã nhập 13 chữ số)." in body
    assert 'id="error-summary"' in body
    assert 'aria-invalid="true"' in body
    assert 'value="0010850123456"' in body  # nothing lost
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field_text"),
    [
        ({"full_name": ""}, "Trường này là bắt buộc"),
        ({"date_of_birth": "31/02/1985"}, "Nhập một ngày hợp lệ"),
        ({"date_of_birth": "01/01/2099"}, "Ngày sinh không được sau ngày hôm nay"),
        ({"date_of_birth": "01/01/2999"}, "Ngày phải trong khoảng từ 01/01/1900 đến 31/12/2100"),
        ({"date_of_birth": "", "birth_year": "1800"}, "Năm sinh phải từ 1900"),
        ({"id_type": "cmnd", "id_number": "12345"}, "9 chữ số"),
        ({"id_type": "none", "id_number": "123456789"}, "không có giấy tờ"),
        ({"id_type": "cccd", "id_number": ""}, "Hãy nhập số giấy tờ"),
        ({"province": "abc"}, "Hãy chọn một lựa chọn hợp lệ"),
        ({"sex": "x"}, "Hãy chọn một lựa chọn hợp lệ"),
    ],
)
def test_bad_input_never_500(client, world, changes, field_text):
    client.force_login(world.a.intake)
    response = client.post(CREATE, form_data(**changes))
    assert response.status_code == 200
    assert field_text in response.content.decode()
    assert not Person.objects.exists()


def test_id_warnings_need_the_confirmation_box(client, world):
    client.force_login(world.a.intake)
    response = client.post(CREATE, form_data(sex="female"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tôi đã kiểm tra, thông tin đúng" in body
    assert "giới tính nam" in body
    assert not Person.objects.exists()
    response = client.post(CREATE, form_data(sex="female", id_warnings_confirmed="on"))
    assert response.status_code == 302
    person = Person.objects.get()
    assert person.id_warnings_confirmed
    assert person.id_confirmed_by == world.a.intake


def test_edit_saves_and_audits(client, world):
    person = PersonFactory(centre=world.a.centre)
    client.force_login(world.a.officer)
    response = client.get(edit_url(person))
    assert 'name="version" value="1"' in response.content.decode()
    data = form_data(full_name=person.full_name, id_number=person.id_number, date_of_birth="15/06/1985")
    response = client.post(edit_url(person), {**data, "version": "1", "phone": "0912345678"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.phone, person.version) == ("0912345678", 2)
    assert AuditEntry.objects.filter(object_id=str(person.pk), action="update").exists()


def test_concurrent_edit_is_refused_and_nothing_is_overwritten(client, world):
    person = PersonFactory(centre=world.a.centre, notes="")
    base = form_data(full_name=person.full_name, id_number=person.id_number, date_of_birth="15/06/1985")
    # Two members of staff open the form on version 1.
    client.force_login(world.a.officer)
    assert 'name="version" value="1"' in client.get(edit_url(person)).content.decode()
    client.force_login(world.a.intake)
    assert 'name="version" value="1"' in client.get(edit_url(person)).content.decode()
    # The first saves.
    client.force_login(world.a.officer)
    assert client.post(edit_url(person), {**base, "version": "1", "phone": "0911111111"}).status_code == 302
    # The second's save is refused.
    client.force_login(world.a.intake)
    response = client.post(edit_url(person), {**base, "version": "1", "phone": "0922222222", "notes": "Ghi đè"})
    assert response.status_code == 200
    assert "người khác sửa" in response.content.decode()
    person.refresh_from_db()
    assert (person.phone, person.notes, person.version) == ("0911111111", "", 2)
    assert AuditEntry.objects.filter(object_id=str(person.pk), action="update").count() == 1
