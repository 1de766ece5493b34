"""The table of the officers' litigation quotas (providers:quota_table): rows, the Art. 22(1)(d) warning, the year
field's errors, the xlsx export, the query count, and who may read it."""

import io
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from legalaid.core.tests.html import field_errors, parse, table_text
from legalaid.providers.models import Assignment, LitigationQuota

from .factories import ProviderFactory, assigned_case, provider_for

URL = reverse("providers:quota_table")
YEAR = timezone.localdate().year


@pytest.fixture
def officers(world):
    """Officer (head office, quota 4, one litigation case this year), branch officer (no quota, one case last year),
    idle officer (no case for two years: the warning), and an officer of Centre B."""
    busy = provider_for(world.a.officer)
    LitigationQuota.objects.create(provider=busy, year=YEAR, cases=4)
    assigned_case(world.a.director, busy, form="litigation")
    assigned_case(world.a.director, busy, form="advice")  # not litigation: does not count
    branch = provider_for(world.a.branch_officer)
    case = assigned_case(world.a.branch_head, branch, form="litigation")
    Assignment.objects.filter(case=case).update(decision_year=YEAR - 1)
    idle = ProviderFactory(centre=world.a.centre, full_name="Lê Thị Chưa Có Vụ")
    other = ProviderFactory(centre=world.b.centre, full_name="Người Trung Tâm B")
    return SimpleNamespace(busy=busy, branch=branch, idle=idle, other=other)


def rows(response):
    doc = parse(response)
    return {
        tr.xpath("./td[1]")[0].text_content().strip(): [td.text_content().strip() for td in tr.xpath("./td")]
        for tr in doc.xpath('//table[@id="quota-table"]/tbody/tr[td[2]]')
    }


def test_director_reads_the_table(client, world, officers):
    o = officers
    client.force_login(world.a.director)
    response = client.get(URL, {"year": YEAR})
    assert response.status_code == 200
    got = rows(response)
    assert set(got) == {o.busy.full_name, o.branch.full_name, o.idle.full_name}
    assert got[o.busy.full_name][2:6] == ["4", "1", "25% 25%", "0"]
    assert got[o.branch.full_name][2:4] == ["chưa giao", "0"]
    assert got[o.branch.full_name][5] == "1"
    assert got[o.branch.full_name][6] == ""
    assert "chưa có vụ việc tham gia tố tụng năm trước và năm nay" in got[o.idle.full_name][6]
    assert "chưa có vụ việc" not in got[o.busy.full_name][6]
    assert o.other.full_name not in table_text(response)


def test_last_year(client, world, officers):
    o = officers
    client.force_login(world.a.director)
    got = rows(client.get(URL, {"year": YEAR - 1}))
    assert got[o.branch.full_name][3] == "1"
    assert got[o.busy.full_name][2] == "chưa giao"


def test_a_new_officer_is_not_warned(client, world):
    new = ProviderFactory(centre=world.a.centre, card_issued_on=timezone.localdate())
    client.force_login(world.a.director)
    assert rows(client.get(URL))[new.full_name][6] == ""


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("hai nghìn", "Hãy nhập năm bằng số, ví dụ 2026."),
        ("2010", "Năm phải từ 2018 trở đi (Luật TGPL có hiệu lực từ 2018)."),
        (str(YEAR + 5), f"Năm không được sau {YEAR + 1}."),
    ],
)
def test_bad_year_is_shown_beside_the_field(client, world, officers, year, message):
    client.force_login(world.a.director)
    response = client.get(URL, {"year": year})
    assert response.status_code == 200
    assert field_errors(response) == {"year": [message]}
    assert parse(response).xpath('//input[@name="year"]/@value') == [year]  # what was typed stays
    assert len(rows(response)) == 3  # the current year is shown meanwhile


def test_branch_head_sees_their_branch(client, world, officers):
    o = officers
    client.force_login(world.a.branch_head)
    assert set(rows(client.get(URL))) == {o.branch.full_name}


def test_doj_officer_reads_their_centres_only(client, world, officers):
    o = officers
    client.force_login(world.b.doj_officer)
    response = client.get(URL, {"centre": world.a.centre.pk})
    assert set(rows(response)) == {o.other.full_name}


def test_xlsx_export(client, world, officers):
    o = officers
    client.force_login(world.a.director)
    response = client.get(URL, {"year": YEAR, "export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][0] == "Họ và tên"
    by_name = {row[0]: row for row in values[1:]}
    assert set(by_name) == {o.busy.full_name, o.branch.full_name, o.idle.full_name}
    assert by_name[o.busy.full_name][2:6] == (4, 1, 25, 0)
    assert "Điều 22(1)(d)" in by_name[o.idle.full_name][6]


@pytest.mark.parametrize("persona", ["director", "deputy", "branch_head", "admin_staff", "sysadmin", "doj_officer"])
def test_allowed(client, world, persona):
    client.force_login(getattr(world.a, persona))
    assert client.get(URL).status_code == 200


def test_superuser_allowed(client, world):
    client.force_login(world.root)
    assert client.get(URL).status_code == 200


@pytest.mark.parametrize("persona", ["officer", "intake", "branch_officer", "lawyer", "collaborator", "agency_officer"])
def test_forbidden(client, world, persona):
    client.force_login(getattr(world.a, persona))
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"export": "xlsx"}).status_code == 403


def test_anonymous_goes_to_login(client, world):
    response = client.get(URL)
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_post_is_not_allowed(client, world):
    client.force_login(world.a.director)
    assert client.post(URL).status_code == 405


@pytest.mark.parametrize("n", [1, 5])
def test_query_count_does_not_grow(client, world, django_assert_num_queries, n):
    for _ in range(n):
        provider = ProviderFactory(centre=world.a.centre)
        LitigationQuota.objects.create(provider=provider, year=YEAR, cases=3)
        assigned_case(world.a.director, provider, form="litigation")
    client.force_login(world.a.director)
    client.get(URL)
    with django_assert_num_queries(10):  # -3: the session is no longer saved on every request (issue 11)
        response = client.get(URL)
    assert len(rows(response)) == n
