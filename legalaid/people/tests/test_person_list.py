import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from legalaid.core.models import AccessLogEntry
from legalaid.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

URL = reverse("people:person_list")
ALLOWED = ["director", "deputy", "officer", "intake", "branch_head", "branch_officer", "admin_staff", "sysadmin"]


@pytest.fixture
def people(world):
    """A head-office person and a branch-1 person in Centre A, one in branch 2, one in Centre B."""
    return {
        "head": PersonFactory(centre=world.a.centre, full_name="Nguyễn Văn Đức"),
        "branch1": PersonFactory(centre=world.a.centre, branch=world.a.branch1, full_name="Trần Thị Hoa"),
        "branch2": PersonFactory(centre=world.a.centre, branch=world.a.branch2, full_name="Lê Văn Nam"),
        "other": PersonFactory(centre=world.b.centre, full_name="Phạm Văn Bình"),
    }


def names(response) -> set[str]:
    """The persons listed on the page (Jinja2 pages have no ``response.context``: read the table's links)."""
    assert response.status_code == 200
    return set(re.findall(r'<a href="/nguoi/\d+/">([^<]+)</a>', response.content.decode()))


@pytest.mark.parametrize("persona", [*ALLOWED, "doj_officer"])
def test_centre_staff_and_doj_officers_see_the_list(client, world, people, persona):
    client.force_login(getattr(world.a, persona))
    response = client.get(URL)
    assert response.status_code == 200
    assert "Người được trợ giúp" in response.content.decode()
    assert "Phạm Văn Bình" not in names(response)


@pytest.mark.parametrize("persona", ["lawyer", "collaborator", "agency_officer"])
def test_providers_and_agencies_have_no_list(client, world, people, persona):
    client.force_login(getattr(world.a, persona))
    assert client.get(URL).status_code == 403
    assert client.get(URL + "?export=xlsx").status_code == 403


def test_anonymous_goes_to_login(client):
    assert client.get(URL).status_code == 302


def test_centre_wide_staff_see_every_unit_of_their_centre(client, world, people):
    client.force_login(world.a.intake)
    assert names(client.get(URL)) == {"Nguyễn Văn Đức", "Trần Thị Hoa", "Lê Văn Nam"}


def test_branch_staff_see_their_branch_only(client, world, people):
    client.force_login(world.a.branch_officer)
    assert names(client.get(URL)) == {"Trần Thị Hoa"}
    client.force_login(world.a.branch_head)
    assert names(client.get(URL)) == {"Trần Thị Hoa"}


def test_the_nav_link_follows_the_permission(client, world, people):
    client.force_login(world.a.intake)
    assert URL in client.get(reverse("home")).content.decode()
    client.force_login(world.a.lawyer)
    assert f'href="{URL}"' not in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen van duc", {"Nguyễn Văn Đức"}),
        ("NGUYỄN VĂN ĐỨC", {"Nguyễn Văn Đức"}),
        ("duc nguyen", {"Nguyễn Văn Đức"}),
        ("van", {"Nguyễn Văn Đức", "Lê Văn Nam"}),
        ("hoa", {"Trần Thị Hoa"}),
        ("xyz", set()),
    ],
)
def test_search_without_diacritics(client, world, people, query, expected):
    client.force_login(world.a.director)
    assert names(client.get(URL, {"q": query}, follow=True)) == expected


def test_search_by_id_number(client, world, people):
    client.force_login(world.a.director)
    number = people["branch1"].id_number
    spaced = f"{number[:3]} {number[3:6]} {number[6:]}"
    assert names(client.get(URL, {"q": spaced}, follow=True)) == {"Trần Thị Hoa"}
    # Another Centre's number finds nothing.
    assert names(client.get(URL, {"q": people["other"].id_number}, follow=True)) == set()


def test_filters(client, world, people):
    PersonFactory(centre=world.a.centre, full_name="Hà Thị Lan", sex="female", has_disability=True)
    client.force_login(world.a.director)
    assert names(client.get(URL, {"sex": "female"})) == {"Hà Thị Lan"}
    assert names(client.get(URL, {"has_disability": "true"})) == {"Hà Thị Lan"}
    assert names(client.get(URL, {"minority": "true"})) == set()


def test_bad_filter_values_do_not_fail(client, world, people):
    client.force_login(world.a.director)
    response = client.get(URL, {"province": "abc", "commune": "x", "page": "999", "ethnicity": "-1"})
    assert response.status_code == 200


def test_export_uses_the_same_filters_and_scope_and_is_logged(client, world, people):
    client.force_login(world.a.branch_officer)
    response = client.get(URL, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Họ và tên"
    assert [r[0] for r in rows[1:]] == ["Trần Thị Hoa"]
    log = AccessLogEntry.objects.get(user=world.a.branch_officer)
    assert (log.action, log.object_id) == ("export", str(people["branch1"].pk))

    client.force_login(world.a.director)
    response = client.get(URL, {"export": "xlsx", "q": "van"}, follow=True)
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert sorted(r[0] for r in rows[1:]) == ["Lê Văn Nam", "Nguyễn Văn Đức"]


def test_doj_officer_exports_read_only(client, world, people):
    client.force_login(world.a.doj_officer)
    response = client.get(URL, {"export": "xlsx"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 4


def test_list_query_count_is_pinned(client, world, django_assert_num_queries):
    for i in range(30):
        PersonFactory(centre=world.a.centre, full_name=f"Người Thứ {i}")
    client.force_login(world.a.director)
    client.get(URL)  # warm the caches
    # Session, user, the user's unit (scope), count, the ethnicity and province options of the filters, the page,
    # (the session is no longer saved on every request: legalaid.core.sessions).
    # The search is sent by POST and kept in the session; the list itself is read at ?s=<key>.
    key_url = client.post(URL, {"_search": "1", "q": "nguoi"})["Location"]
    assert "q=" not in key_url
    with django_assert_num_queries(7):
        response = client.get(key_url)
    assert len(names(response)) == 30
