"""The request and case lists: scoping per role, filters, search without diacritics, exports, query counts."""

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from legalaid.core.models import AccessLogEntry
from legalaid.intake import services
from legalaid.intake.models import LegalAidRequest
from legalaid.intake.tests.factories import receive_request
from legalaid.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

REQUESTS = reverse("intake:request_list")
CASES = reverse("cases:case_list")
ALLOWED = ["director", "deputy", "officer", "intake", "branch_head", "branch_officer", "admin_staff", "sysadmin"]


@pytest.fixture
def requests(world):
    head = receive_request(world.a.intake, beneficiary=PersonFactory(centre=world.a.centre, full_name="Nguyễn Văn Đức"))
    branch = receive_request(
        world.a.branch_officer,
        beneficiary=PersonFactory(centre=world.a.centre, branch=world.a.branch1, full_name="Trần Thị Hoa"),
    )
    other = receive_request(world.b.intake, beneficiary=PersonFactory(centre=world.b.centre, full_name="Phạm Văn Bình"))
    return {"head": head, "branch": branch, "other": other}


def names(response) -> set[str]:
    assert response.status_code == 200
    return set(re.findall(r'<td class="beneficiary">([^<]+)</td>', response.content.decode()))


@pytest.mark.parametrize("persona", [*ALLOWED, "doj_officer"])
def test_staff_and_doj_see_the_lists(client, world, requests, persona):
    client.force_login(getattr(world.a, persona))
    assert "Phạm Văn Bình" not in names(client.get(REQUESTS))
    assert client.get(CASES).status_code == 200


@pytest.mark.parametrize("persona", ["lawyer", "collaborator", "agency_officer"])
def test_providers_and_agencies_get_403(client, world, persona):
    client.force_login(getattr(world.a, persona))
    urls = [REQUESTS, REQUESTS + "?export=xlsx", CASES + "?export=xlsx"]
    if persona == "agency_officer":
        urls.append(CASES)
    for url in urls:
        assert client.get(url).status_code == 403


@pytest.mark.parametrize("persona", ["lawyer", "collaborator"])
def test_lawyers_see_only_their_assigned_cases(client, world, requests, persona):
    """The case list of a lawyer or collaborator holds the cases assigned to them and nothing else (the providers
    app's assignments; legalaid/providers/tests/test_visibility.py tests it further)."""
    client.force_login(getattr(world.a, persona))
    assert names(client.get(CASES)) == set()


def test_anonymous_goes_to_login(client):
    assert client.get(REQUESTS).status_code == 302


def test_scopes(client, world, requests):
    client.force_login(world.a.intake)
    assert names(client.get(REQUESTS)) == {"Nguyễn Văn Đức", "Trần Thị Hoa"}
    client.force_login(world.a.branch_officer)
    assert names(client.get(REQUESTS)) == {"Trần Thị Hoa"}
    client.force_login(world.b.director)
    assert names(client.get(REQUESTS)) == {"Phạm Văn Bình"}


def test_search_without_diacritics_id_number_and_case_code(client, world, requests):
    client.force_login(world.a.intake)
    assert names(client.get(REQUESTS, {"q": "nguyen van duc"}, follow=True)) == {"Nguyễn Văn Đức"}
    assert names(client.get(REQUESTS, {"q": "HOA tran"}, follow=True)) == {"Trần Thị Hoa"}
    id_number = requests["branch"].beneficiary.id_number
    assert names(client.get(REQUESTS, {"q": id_number}, follow=True)) == {"Trần Thị Hoa"}
    case = services.request_accept(actor=world.a.intake, request=requests["head"])
    assert names(client.get(REQUESTS, {"q": case.code.lower()}, follow=True)) == {"Nguyễn Văn Đức"}
    assert names(client.get(CASES, {"q": case.code}, follow=True)) == {"Nguyễn Văn Đức"}
    assert names(client.get(CASES, {"q": "duc"}, follow=True)) == {"Nguyễn Văn Đức"}


def test_filters(client, world, requests):
    client.force_login(world.a.intake)
    assert names(client.get(REQUESTS, {"unit": world.a.branch1.pk})) == {"Trần Thị Hoa"}
    assert names(client.get(REQUESTS, {"unit": world.a.centre.pk})) == {"Nguyễn Văn Đức"}
    assert names(client.get(REQUESTS, {"status": "accepted"})) == set()
    from legalaid.intake.tests.factories import poor_household_category

    assert names(client.get(REQUESTS, {"category": poor_household_category().pk})) == {
        "Nguyễn Văn Đức",
        "Trần Thị Hoa",
    }
    today = timezone.localdate()
    tomorrow = (today + dt.timedelta(days=1)).strftime("%d/%m/%Y")
    assert names(client.get(REQUESTS, {"received_from": tomorrow})) == set()


def test_overdue_filter_and_red_due_dates(client, world, requests):
    request = requests["head"]
    services.request_ask_papers(actor=world.a.intake, request=request, missing_papers=["Sổ hộ nghèo"])
    LegalAidRequest.objects.filter(pk=request.pk).update(papers_due_on=timezone.localdate() - dt.timedelta(days=1))
    client.force_login(world.a.intake)
    response = client.get(REQUESTS, {"overdue": "1"})
    assert names(response) == {"Nguyễn Văn Đức"}
    assert 'class="deadline-overdue"' in response.content.decode()


def test_soon_due_dates_are_amber(client, world, requests):
    services.request_ask_papers(
        actor=world.a.intake,
        request=requests["head"],
        missing_papers=["Sổ hộ nghèo"],
        papers_due_on=timezone.localdate(),
    )
    client.force_login(world.a.intake)
    assert 'class="deadline-soon"' in client.get(REQUESTS).content.decode()


def test_case_overdue_filter(client, world, requests):
    case = services.request_accept(
        actor=world.a.intake, request=requests["head"], immediate=True, urgency_reason="head_decided"
    )
    client.force_login(world.a.intake)
    assert names(client.get(CASES, {"overdue": "1"})) == set()
    type(case).objects.filter(pk=case.pk).update(papers_due_on=timezone.localdate() - dt.timedelta(days=2))
    assert names(client.get(CASES, {"overdue": "1"})) == {"Nguyễn Văn Đức"}


def _rows(response) -> list[tuple]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    return list(sheet.iter_rows(values_only=True))


def test_request_export_contains_only_visible_filtered_rows(client, world, requests):
    client.force_login(world.a.branch_officer)
    rows = _rows(client.get(REQUESTS, {"export": "xlsx"}))
    body = [r for r in rows[1:] if any(r)]
    flat = " ".join(str(v) for r in body for v in r if v is not None)
    assert "Trần Thị Hoa" in flat
    assert "Nguyễn Văn Đức" not in flat and "Phạm Văn Bình" not in flat
    assert AccessLogEntry.objects.filter(user=world.a.branch_officer, action="export").count() == 1


def test_case_export_uses_the_filter(client, world, requests):
    services.request_accept(actor=world.a.intake, request=requests["head"])
    services.request_accept(actor=world.a.branch_officer, request=requests["branch"])
    client.force_login(world.a.director)
    rows = _rows(client.get(CASES, {"export": "xlsx", "q": "hoa"}, follow=True))
    flat = " ".join(str(v) for r in rows for v in r if v is not None)
    assert "Trần Thị Hoa" in flat and "Nguyễn Văn Đức" not in flat


def _make(world, n: int) -> None:
    for i in range(n):
        request = receive_request(world.a.intake, court_case_reference=f"{i}/HS")
        if i % 2:
            services.request_accept(actor=world.a.intake, request=request)


@pytest.mark.parametrize("rows", [1, 6])
def test_request_list_query_count_is_pinned(client, world, django_assert_num_queries, rows):
    _make(world, rows)
    client.force_login(world.a.intake)
    client.get(REQUESTS)  # warm the calendar cache
    with django_assert_num_queries(REQUEST_LIST_QUERIES):
        assert client.get(REQUESTS).status_code == 200


@pytest.mark.parametrize("rows", [1, 6])
def test_case_list_query_count_is_pinned(client, world, django_assert_num_queries, rows):
    _make(world, rows * 2)
    client.force_login(world.a.intake)
    client.get(CASES)
    with django_assert_num_queries(CASE_LIST_QUERIES):
        assert client.get(CASES).status_code == 200


#: Session read, user, organisation and centre (scope), count, rows (+ the categories prefetch for requests), and the
#: filter panel's choices (units, categories, fields, forms). The same for 1 or 6 rows: nothing is read per row. The
#: case list also reads the active assignments of the page's cases (one prefetch) and the providers of the filter's
#: choices. -3: the session is no longer saved on every request (issue 11); -2: the model backend no longer reads the
#: user's model permissions when a rule says no (``legalaid.core.backends``: menu items the role may not see are free).
REQUEST_LIST_QUERIES = 11
CASE_LIST_QUERIES = 12
