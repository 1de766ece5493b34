"""The book of simple matters (việc TGPL): record one, list them within scope."""

import pytest
from django.urls import reverse

from legalaid.intake.models import FieldOfLaw, SimpleMatter
from legalaid.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("intake:simple_matter_create")
LIST = reverse("intake:simple_matter_list")


def test_record_a_simple_matter(client, world):
    person = PersonFactory(centre=world.a.centre, full_name="Lê Thị Hỏi")
    client.force_login(world.a.intake)
    data = {
        "person": person.pk,
        "channel": "phone",
        "field_of_law": FieldOfLaw.objects.get(code="land").pk,
        "question": "Thủ tục cấp sổ đỏ?",
        "answer": "Nộp hồ sơ tại bộ phận một cửa.",
    }
    response = client.post(CREATE, data)
    assert response.status_code == 302
    matter = SimpleMatter.objects.get()
    assert matter.number == 1 and matter.centre == world.a.centre
    assert "Lê Thị Hỏi" in client.get(LIST).content.decode()
    client.force_login(world.b.intake)
    assert "Lê Thị Hỏi" not in client.get(LIST).content.decode()


def test_missing_answer_saves_nothing(client, world):
    person = PersonFactory(centre=world.a.centre)
    client.force_login(world.a.intake)
    response = client.post(CREATE, {"person": person.pk, "channel": "phone", "question": "?"})
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in response.content.decode()
    assert not SimpleMatter.objects.exists()


def test_another_centres_person_cannot_be_chosen(client, world):
    other = PersonFactory(centre=world.b.centre)
    client.force_login(world.a.intake)
    data = {
        "person": other.pk,
        "channel": "phone",
        "field_of_law": FieldOfLaw.objects.get(code="land").pk,
        "question": "?",
        "answer": "!",
    }
    assert client.post(CREATE, data).status_code == 200
    assert not SimpleMatter.objects.exists()


@pytest.mark.parametrize("persona", ["lawyer", "agency_officer"])
def test_forbidden(client, world, persona):
    client.force_login(getattr(world.a, persona))
    assert client.get(LIST).status_code == 403
    assert client.get(CREATE).status_code == 403


def test_doj_officer_reads_but_cannot_record(client, world):
    client.force_login(world.a.doj_officer)
    assert client.get(LIST).status_code == 200
    assert client.get(CREATE).status_code == 403
