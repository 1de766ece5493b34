"""The case list at /vu-viec/: status column and filter (several at once), providers column and filter, the next
deadline, the export with the page's columns, and the old intake URLs."""

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from legalaid.cases.models import CaseArchive, Hearing
from legalaid.cases.tests.factories import accepted_case, case_in
from legalaid.providers.tests.factories import assigned_case, provider_for

pytestmark = pytest.mark.django_db

CASES = reverse("cases:case_list")


def codes(response) -> set[str]:
    assert response.status_code == 200
    return set(re.findall(r'href="/vu-viec/\d+/">([^<]+)</a>', response.content.decode()))


@pytest.fixture
def cases(world):
    officer = provider_for(world.a.officer)
    return {
        "accepted": accepted_case(world.a.intake),
        "assigned": assigned_case(world.a.director, officer),
        "completed": case_in(world.a.intake, "completed"),
        "archived": case_in(world.a.intake, "archived"),
        "officer": officer,
    }


def test_the_list_lives_beside_the_case_page(client, world, cases):
    assert CASES == "/vu-viec/"
    client.force_login(world.a.director)
    page = client.get(CASES).content.decode()
    for status_label in ("Đã thụ lý", "Đã cử người thực hiện", "Kết thúc", "Đã lưu trữ"):
        assert status_label in page
    assert cases["officer"].full_name in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=accepted", {"accepted"}),
        ("status=accepted&status=completed", {"accepted", "completed"}),
        ("status=assigned&status=archived", {"assigned", "archived"}),
        ("", {"accepted", "assigned", "completed", "archived"}),
    ],
)
def test_status_filter_takes_several_statuses(client, world, cases, query, expected):
    client.force_login(world.a.director)
    assert codes(client.get(f"{CASES}?{query}")) == {cases[k].code for k in expected}


def test_an_unknown_status_is_a_message_not_a_silently_ignored_filter(client, world, cases):
    client.force_login(world.a.director)
    response = client.get(f"{CASES}?status=nonsense")
    assert response.status_code == 200
    assert codes(response) == set()  # an invalid filter shows nothing rather than everything
    assert "Bộ lọc chưa hợp lệ" in response.content.decode()


def test_provider_filter(client, world, cases):
    client.force_login(world.a.director)
    assert codes(client.get(f"{CASES}?provider={cases['officer'].pk}")) == {cases["assigned"].code}


def test_next_deadline_is_the_nearest_date(client, world, cases):
    today = timezone.localdate()
    case = cases["assigned"]
    Hearing.objects.create(
        case=case, kind="trial", starts_at=timezone.now() + dt.timedelta(days=3), place="Tòa án nhân dân tỉnh"
    )
    completed = cases["completed"]
    CaseArchive.objects.create(case=completed, ended_on=today, handover_due_on=today + dt.timedelta(days=30))
    client.force_login(world.a.director)
    page = client.get(CASES).content.decode()
    assert (today + dt.timedelta(days=3)).strftime("%d/%m/%Y") in page
    assert "Phiên làm việc, phiên tòa" in page
    assert (today + dt.timedelta(days=30)).strftime("%d/%m/%Y") in page and "Bàn giao hồ sơ" in page


def test_export_has_the_page_columns_and_filters(client, world, cases):
    client.force_login(world.a.director)
    response = client.get(f"{CASES}?status=assigned&export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = [h for h in rows[0] if h]
    assert {"Trạng thái", "Người thực hiện", "Hạn gần nhất"} <= set(header)
    body = [r for r in rows[1:] if any(r)]
    assert len(body) == 1
    row = dict(zip(rows[0], body[0], strict=False))
    assert row["Mã hồ sơ"] == cases["assigned"].code
    assert row["Trạng thái"] == "Đã cử người thực hiện"
    assert row["Người thực hiện"] == cases["officer"].full_name


def test_old_intake_urls_redirect(client, world, cases):
    client.force_login(world.a.director)
    response = client.get("/tiep-nhan/vu-viec/?status=accepted")
    assert response.status_code == 302 and response.url == f"{CASES}?status=accepted"
