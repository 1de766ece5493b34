"""The payment pages from the outside, as each role: the owed list with the calculation, proposing, approving,
returning, recording the payment, the decision on a blocked case, the files (opened back), the totals; another
Centre's payment is a 404; query counts pinned."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from legalaid.core.models import AccessLogEntry
from legalaid.payments import services
from legalaid.payments.choices import PaymentStatus
from legalaid.payments.models import Payment
from legalaid.providers.tests.factories import provider_for

from .conftest import completed_case

D = Decimal


@pytest.fixture
def owed_case(world, appraise):
    case = completed_case(world.a.director, provider_for(world.a.officer), completed_on=dt.date(2024, 8, 15))
    appraise(case, sessions=D(32))
    return case


@pytest.fixture
def payment(world, owed_case):
    return services.payment_propose(actor=world.a.admin_staff, case=owed_case)


def test_owed_page_shows_the_calculation_and_the_button(client, world, owed_case):
    client.force_login(world.a.admin_staff)
    body = client.get(reverse("payments:owed")).content.decode()
    assert owed_case.code in body
    for text in ("2.340.000 đ", "889.200 đ", "355.680 đ", "30 buổi", "10.670.400 đ", "Nghị định 73/2024/NĐ-CP"):
        assert text in body
    assert "Lập đề nghị thanh toán" in body
    client.force_login(world.a.director)
    body = client.get(reverse("payments:owed")).content.decode()
    assert owed_case.code in body and "Lập đề nghị thanh toán" not in body


@pytest.mark.parametrize("who", ["lawyer", "collaborator", "officer", "intake", "agency_officer"])
def test_pages_closed_to_others(client, world, who):
    client.force_login(getattr(world.a, who))
    for name in ("payments:owed", "payments:payment_list", "payments:totals"):
        assert client.get(reverse(name)).status_code == 403


def test_propose_approve_pay_through_the_pages(client, world, owed_case):
    a = world.a
    client.force_login(a.admin_staff)
    response = client.post(
        reverse("payments:payment_propose", kwargs={"case_pk": owed_case.pk}), {"method": "per_session"}, follow=True
    )
    payment = Payment.objects.get(case=owed_case)
    body = response.content.decode()
    assert "Đã lập đề nghị thanh toán 10.670.400 đ" in body and "Giám đốc Trung tâm duyệt" in body

    client.force_login(a.director)
    detail = reverse("payments:payment_detail", kwargs={"pk": payment.pk})
    assert "Duyệt thanh toán" in client.get(detail).content.decode()
    response = client.post(
        reverse("payments:payment_action", kwargs={"pk": payment.pk, "action": "duyet"}),
        {"version": payment.version},
        follow=True,
    )
    assert "Phòng Hành chính – Tổng hợp chi trả" in response.content.decode()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.APPROVED

    client.force_login(a.admin_staff)
    response = client.post(
        reverse("payments:payment_action", kwargs={"pk": payment.pk, "action": "da-chi"}),
        {"version": payment.version, "paid_on": timezone.localdate().strftime("%d/%m/%Y"), "voucher": "PC-1"},
        follow=True,
    )
    assert "không còn việc phải làm" in response.content.decode()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID and payment.voucher == "PC-1"
    history = client.get(detail).content.decode()
    for name in (a.admin_staff.full_name, a.director.full_name):
        assert name in history


def test_stale_approval_is_refused_with_a_message(client, world, payment):
    client.force_login(world.a.director)
    url = reverse("payments:payment_action", kwargs={"pk": payment.pk, "action": "duyet"})
    client.post(url, {"version": payment.version})
    response = client.post(url, {"version": payment.version}, follow=True)
    assert "người khác cập nhật" in response.content.decode()
    assert Payment.objects.get(pk=payment.pk).version == payment.version + 1


def test_bad_paid_date_is_refused(client, world, payment):
    services.payment_approve(actor=world.a.director, payment=payment)
    client.force_login(world.a.admin_staff)
    url = reverse("payments:payment_action", kwargs={"pk": payment.pk, "action": "da-chi"})
    for bad in ("", "31/02/2026", "01/01/2099"):
        response = client.post(url, {"version": payment.version, "paid_on": bad}, follow=True)
        assert response.status_code == 200
    assert Payment.objects.get(pk=payment.pk).status == PaymentStatus.APPROVED


def test_reject_with_reason(client, world, payment):
    client.force_login(world.a.director)
    url = reverse("payments:payment_action", kwargs={"pk": payment.pk, "action": "tra-lai"})
    client.post(url, {"version": payment.version, "reason": ""})
    assert Payment.objects.get(pk=payment.pk).status == PaymentStatus.PROPOSED
    response = client.post(url, {"version": payment.version, "reason": "Thiếu bảng kê buổi làm việc"}, follow=True)
    assert "lập đề nghị mới" in response.content.decode()
    assert Payment.objects.get(pk=payment.pk).status == PaymentStatus.REJECTED


def test_forbidden_actions_change_nothing(client, world, payment):
    client.force_login(world.a.admin_staff)
    client.post(
        reverse("payments:payment_action", kwargs={"pk": payment.pk, "action": "duyet"}), {"version": payment.version}
    )
    assert Payment.objects.get(pk=payment.pk).status == PaymentStatus.PROPOSED


def test_another_centres_payment_is_a_404(client, world, payment):
    client.force_login(world.b.director)
    assert client.get(reverse("payments:payment_detail", kwargs={"pk": payment.pk})).status_code == 404
    assert client.get(reverse("payments:payment_file", kwargs={"pk": payment.pk, "kind": "docx"})).status_code == 404
    client.force_login(world.b.admin_staff)
    response = client.post(reverse("payments:payment_propose", kwargs={"case_pk": payment.case_id}), {})
    assert response.status_code == 404


def test_the_doj_officer_reads_the_centres_payments(client, world, payment):
    client.force_login(world.a.doj_officer)
    body = client.get(reverse("payments:payment_detail", kwargs={"pk": payment.pk})).content.decode()
    assert "10.670.400 đ" in body and "Duyệt thanh toán" not in body


def test_the_payment_file_opened_back(client, world, payment):
    client.force_login(world.a.director)
    response = client.get(reverse("payments:payment_file", kwargs={"pk": payment.pk, "kind": "docx"}))
    assert response.status_code == 200
    doc = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "GIẤY ĐỀ NGHỊ THANH TOÁN" in text and "Bồi dưỡng thực hiện vụ việc trợ giúp pháp lý" in text
    assert payment.case.code in text and "10.670.400 đ" in text
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    expected = ("Lương cơ sở áp dụng ngày 15/08/2024", "889.200 đ", "355.680 đ", "30 buổi", "Nghị định 73/2024/NĐ-CP")
    for value in expected:
        assert value in cells
    assert AccessLogEntry.objects.filter(object_id=str(payment.pk), action="download").exists()

    response = client.get(reverse("payments:payment_file", kwargs={"pk": payment.pk, "kind": "xlsx"}))
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb.active
    rows = [tuple(c.value for c in row) for row in ws.iter_rows()]
    assert ("Mã vụ việc", payment.case.code, None, None, None) in rows
    amounts = [r[3] for r in rows if r and r[0] in ("Thành tiền", "Số tiền đề nghị thanh toán")]
    assert amounts == [10670400, 10670400]
    assert all(not isinstance(r[3], float) or r[3] == int(r[3]) for r in rows if len(r) > 3 and r[3] is not None)
    assert client.get(reverse("payments:payment_file", kwargs={"pk": payment.pk, "kind": "pdf"})).status_code == 404


def test_totals_per_provider_unit_and_year(client, world, payment, appraise):
    other = completed_case(world.a.branch_head, provider_for(world.a.branch_officer))
    appraise(other, sessions=D(2))
    services.payment_propose(actor=world.a.admin_staff, case=other)
    client.force_login(world.a.director)
    body = client.get(reverse("payments:totals")).content.decode()
    assert "10.670.400 đ" in body and "711.360 đ" in body
    assert world.a.branch1.name in body
    client.force_login(world.a.branch_head)  # a branch sees its own
    body = client.get(reverse("payments:totals")).content.decode()
    assert "711.360 đ" in body and "10.670.400 đ" not in body
    client.force_login(world.b.director)
    assert "10.670.400 đ" not in client.get(reverse("payments:totals")).content.decode()
    client.force_login(world.a.director)
    response = client.get(reverse("payments:totals") + "?export=xlsx")
    ws = load_workbook(io.BytesIO(response.content)).active
    assert sorted(row[9].value for row in ws.iter_rows(min_row=2)) == [711360, 10670400]


def test_decision_page(client, world, appraise):
    case = completed_case(world.a.director, provider_for(world.a.officer))
    appraise(case, sessions=D(3), satisfactory=False)
    url = reverse("payments:decision_create", kwargs={"case_pk": case.pk})
    client.force_login(world.a.admin_staff)
    assert client.get(url).status_code == 403
    client.force_login(world.a.director)
    response = client.post(url, {"outcome": "pay", "reason": ""})
    assert response.status_code == 200 and "is-invalid" in response.content.decode()
    response = client.post(url, {"outcome": "pay", "reason": "Đã khắc phục"}, follow=True)
    assert "Phòng Hành chính – Tổng hợp lập đề nghị thanh toán" in response.content.decode()


def _queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


#: Queries per page, whatever the number of rows (measured; session, user, scope, the page's own reads, the menu).
#: The owed page: 11 since a case pays each provider who worked on it (one more prefetch: its open payments).
#: -3 on every page: the session is no longer saved on every request (issue 11).
PAGE_QUERIES = {"payments:payment_list": 5, "payments:owed": 8, "payments:totals": 5}


def test_query_counts_are_pinned_and_do_not_grow(client, world, appraise, django_assert_num_queries):
    from legalaid.providers.tests.factories import ProviderFactory

    def add(proposed: bool):
        case = completed_case(world.a.director, ProviderFactory(centre=world.a.centre))
        appraise(case, sessions=D(2))
        if proposed:
            services.payment_propose(actor=world.a.admin_staff, case=case)

    add(True)
    add(False)
    client.force_login(world.a.director)
    client.get(reverse("home"))  # the session and the menu's cached count
    for name, expected in PAGE_QUERIES.items():
        with django_assert_num_queries(expected):
            assert client.get(reverse(name)).status_code == 200
    for _ in range(3):
        add(True)
        add(False)
    for name, expected in PAGE_QUERIES.items():
        with django_assert_num_queries(expected):
            assert client.get(reverse(name)).status_code == 200


def test_templates_match_the_build_script(tmp_path):
    from legalaid.payments.documents import PACKAGED_DIR
    from legalaid.payments.documents.build_templates import build

    for path in build(tmp_path):
        assert path.read_bytes() == (PACKAGED_DIR / path.name).read_bytes(), path.name
