import pytest
from django.urls import reverse

from legalaid.core.models import AccessLogEntry
from legalaid.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def url(person):
    return reverse("people:person_detail", kwargs={"pk": person.pk})


@pytest.mark.parametrize("persona", ["director", "intake", "officer", "admin_staff", "sysadmin", "doj_officer"])
def test_centre_staff_and_doj_see_a_head_office_person(client, world, persona):
    person = PersonFactory(centre=world.a.centre, full_name="Nguyễn Văn Đức")
    client.force_login(getattr(world.a, persona))
    response = client.get(url(person))
    assert response.status_code == 200
    assert "Nguyễn Văn Đức" in response.content.decode()


@pytest.mark.parametrize(
    "persona", ["director", "intake", "branch_head", "branch_officer", "doj_officer", "lawyer", "agency_officer"]
)
def test_another_centres_person_is_not_found(client, world, persona):
    person = PersonFactory(centre=world.b.centre)
    client.force_login(getattr(world.a, persona))
    assert client.get(url(person)).status_code == 404
    # The attempt is logged (issue 14 item 3): who, which id, for the person's Centre; never the name.
    (entry,) = AccessLogEntry.objects.all()
    assert (entry.action, entry.object_id, entry.object_repr) == ("refused", str(person.pk), "")
    assert entry.user == getattr(world.a, persona) and entry.centre == world.b.centre
    assert person.full_name not in str(entry.__dict__)


def test_branch_staff_see_their_branch_and_not_the_others(client, world):
    own = PersonFactory(centre=world.a.centre, branch=world.a.branch1)
    other_branch = PersonFactory(centre=world.a.centre, branch=world.a.branch2)
    head_office = PersonFactory(centre=world.a.centre)
    client.force_login(world.a.branch_officer)
    assert client.get(url(own)).status_code == 200
    assert client.get(url(other_branch)).status_code == 404
    assert client.get(url(head_office)).status_code == 404


@pytest.mark.parametrize("persona", ["lawyer", "collaborator", "agency_officer"])
def test_providers_get_404_until_cases_assign_persons_to_them(client, world, persona):
    person = PersonFactory(centre=world.a.centre, branch=world.a.branch1)
    client.force_login(getattr(world.a, persona))
    assert client.get(url(person)).status_code == 404


def test_every_view_writes_the_access_log(client, world):
    person = PersonFactory(centre=world.a.centre)
    client.force_login(world.a.officer)
    client.get(url(person))
    client.get(url(person))
    entries = AccessLogEntry.objects.filter(user=world.a.officer, object_id=str(person.pk))
    assert entries.count() == 2
    entry = entries.first()
    assert (entry.action, entry.content_type.model, entry.centre) == ("view", "person", world.a.centre)
    assert entry.request_id


def test_edit_button_only_for_writers(client, world):
    person = PersonFactory(centre=world.a.centre)
    edit = reverse("people:person_edit", kwargs={"pk": person.pk})
    client.force_login(world.a.intake)
    assert edit in client.get(url(person)).content.decode()
    client.force_login(world.a.doj_officer)
    assert edit not in client.get(url(person)).content.decode()


def test_detail_query_count_is_pinned(client, world, django_assert_num_queries):
    person = PersonFactory(centre=world.a.centre, branch=world.a.branch1)
    client.force_login(world.a.director)
    client.get(url(person))
    # Session, user, unit (scope), the person with its relations, the access-log row chained (the head locked, the
    # row, the head updated; the content type is cached), the session saved again (savepoint, update, release).
    # + the person's correction requests (the data-rights panel, for the director).
    with django_assert_num_queries(8):  # -3: the session is no longer saved on every request (issue 11)
        assert client.get(url(person)).status_code == 200
