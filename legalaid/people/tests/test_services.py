import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from legalaid.core.models import AuditEntry, Commune
from legalaid.people import services
from legalaid.people.choices import IdType, Sex
from legalaid.people.models import Ethnicity, Person
from legalaid.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def new_person(**fields) -> Person:
    values = {
        "full_name": "Nguyễn Văn Đức",
        "sex": Sex.MALE,
        "date_of_birth": dt.date(1985, 3, 2),
        "id_type": IdType.CCCD,
        "id_number": "001085012345",
        "ethnicity": Ethnicity.objects.get(code="01"),
    }
    values.update(fields)
    return Person(**values)


def test_create_takes_the_actors_unit_folds_the_name_and_audits(world):
    person = services.person_create(actor=world.a.intake, person=new_person(full_name="  Nguyễn Văn  ĐỨC "))
    assert person.centre == world.a.centre
    assert person.branch is None
    assert person.name_key == "nguyen van duc"
    assert person.birth_year == 1985
    assert person.version == 1
    entry = AuditEntry.objects.get(object_id=str(person.pk), content_type__model="person")
    assert entry.action == "create"
    assert entry.actor == world.a.intake
    assert entry.centre == world.a.centre


def test_branch_staff_register_for_their_branch(world):
    person = services.person_create(actor=world.a.branch_officer, person=new_person())
    assert (person.centre, person.branch) == (world.a.centre, world.a.branch1)


def test_doj_officer_cannot_write(world):
    person = new_person(centre=world.a.centre)
    with pytest.raises(PermissionDenied):
        services.person_create(actor=world.a.doj_officer, person=person)
    assert not Person.objects.exists()


def test_other_centre_is_refused(world):
    with pytest.raises(PermissionDenied):
        services.person_create(actor=world.b.intake, person=new_person(centre=world.a.centre))


def test_identity_errors_block_saving(world):
    with pytest.raises(ValidationError) as info:
        services.person_create(actor=world.a.intake, person=new_person(id_number="0010850123456"))
    assert "12 chữ số" in " ".join(info.value.message_dict["id_number"])
    assert not Person.objects.exists()


def test_identity_warnings_need_confirmation_then_record_who_confirmed(world):
    with pytest.raises(ValidationError) as info:
        services.person_create(actor=world.a.intake, person=new_person(sex=Sex.FEMALE))
    assert "Tôi đã kiểm tra" in " ".join(info.value.message_dict["id_warnings_confirmed"])
    person = services.person_create(actor=world.a.intake, person=new_person(sex=Sex.FEMALE, id_warnings_confirmed=True))
    assert person.id_warnings_confirmed
    assert person.id_confirmed_by == world.a.intake
    assert person.id_confirmed_at is not None


def test_a_confirmation_stands_until_the_identity_changes(world):
    person = services.person_create(actor=world.a.intake, person=new_person(sex=Sex.FEMALE, id_warnings_confirmed=True))
    person = Person.objects.get(pk=person.pk)
    person.phone = "0912345678"
    person.id_warnings_confirmed = False  # the form's box starts unticked
    person = services.person_update(actor=world.a.officer, person=person, version=1)
    assert person.id_warnings_confirmed
    assert person.id_confirmed_by == world.a.intake
    person.id_number = "001085099999"
    person.id_warnings_confirmed = False
    with pytest.raises(ValidationError):
        services.person_update(actor=world.a.officer, person=person, version=2)


def test_no_warnings_clears_the_confirmation(world):
    person = services.person_create(actor=world.a.intake, person=new_person(id_warnings_confirmed=True))
    assert not person.id_warnings_confirmed
    assert person.id_confirmed_by is None


def test_number_is_stored_without_spaces(world):
    person = services.person_create(actor=world.a.intake, person=new_person(id_number="001 085 012 345"))
    assert person.id_number == "001085012345"


def test_birth_year_must_agree_with_the_date(world):
    with pytest.raises(ValidationError) as info:
        services.person_create(actor=world.a.intake, person=new_person(birth_year=1990))
    assert "birth_year" in info.value.message_dict


def test_commune_must_be_in_the_province(world):
    communes = list(Commune.objects.select_related("province").order_by("province__code", "code"))
    a, b = communes[0], communes[-1]
    with pytest.raises(ValidationError) as info:
        services.person_create(actor=world.a.intake, person=new_person(province=b.province, commune=a))
    assert "commune" in info.value.message_dict
    person = services.person_create(actor=world.a.intake, person=new_person(commune=a))
    assert person.province == a.province


def test_update_audits_before_and_after_and_bumps_the_version(world):
    person = PersonFactory(centre=world.a.centre)
    person.phone = "0987654321"
    services.person_update(actor=world.a.officer, person=person, version=1)
    person.refresh_from_db()
    assert person.version == 2
    entry = AuditEntry.objects.get(object_id=str(person.pk), action="update")
    assert ("phone", "", "0987654321") in entry.changes
    assert ("version", 1, 2) in entry.changes


def test_concurrent_edit_is_refused_and_nothing_is_overwritten(world):
    person = PersonFactory(centre=world.a.centre, phone="0900000000")
    first = Person.objects.get(pk=person.pk)
    second = Person.objects.get(pk=person.pk)
    first.phone = "0911111111"
    services.person_update(actor=world.a.officer, person=first, version=1)
    second.phone = "0922222222"
    second.notes = "Sửa sau"
    with pytest.raises(ValidationError) as info:
        services.person_update(actor=world.a.intake, person=second, version=1)
    assert "người khác sửa" in info.value.messages[0]
    person.refresh_from_db()
    assert (person.phone, person.notes, person.version) == ("0911111111", "", 2)


def test_branch_staff_cannot_update_a_head_office_person(world):
    person = PersonFactory(centre=world.a.centre)
    with pytest.raises(PermissionDenied):
        services.person_update(actor=world.a.branch_officer, person=person, version=1)


def test_the_registering_unit_is_not_changed_by_an_update(world):
    person = PersonFactory(centre=world.a.centre, branch=world.a.branch1)
    person.branch = None
    person.centre = world.b.centre
    services.person_update(actor=world.a.director, person=person, version=1)
    person.refresh_from_db()
    assert (person.centre, person.branch) == (world.a.centre, world.a.branch1)
