"""Issue 9 item 7, the part that exists today, in the browser: the director completes a litigation case, the case is
appraised, the administration department finds it on its work list with the amount owed and proposes the payment,
the director approves it from their work list, and the administration department records it as paid.

The appraisal itself is the quality app's (not on main when this was written): the test gives the case a finished
appraisal at the one seam payments reads (``payments.selectors``, the ``appraise`` fixture). The survey through the
one-time link and the complaint (feedback app) are not in this test: see the report of issue 9.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.utils import timezone

from legalaid.cases.choices import CaseStatus
from legalaid.cases.tests.factories import accepted_case
from legalaid.cases.workflow import case_transition
from legalaid.conftest import assert_no_csp_violations
from legalaid.core.tests.factories import PASSWORD, build_world
from legalaid.payments.choices import PaymentStatus
from legalaid.payments.models import Payment
from legalaid.providers import services as provider_services
from legalaid.providers.tests.factories import provider_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_complete_appraise_propose_approve_and_pay(page, login, appraise, console_messages, http_errors, screenshot):
    world = build_world()
    a = world.a
    provider = provider_for(a.officer)
    case = accepted_case(a.director, form="litigation", field="civil")
    provider_services.case_assign(actor=a.director, case=case, provider=provider)
    case.refresh_from_db()
    case_transition(actor=a.director, case=case, to_status=CaseStatus.IN_PROGRESS)
    today = timezone.localdate().strftime("%d/%m/%Y")
    case_page = re.compile(rf"/vu-viec/{case.pk}/$")

    # The director completes the case with the judgment.
    login(a.director.username, PASSWORD)
    page.goto(f"/vu-viec/{case.pk}/")
    page.locator("#case-actions").get_by_role("link", name="Kết thúc vụ việc").click()
    page.locator("#id_completed_on").fill(today)
    page.locator("#id_outcome").fill("Tòa án chấp nhận yêu cầu của người được trợ giúp")
    page.locator("#id_decision_number").fill("21/2026/DS-ST")
    page.locator("#id_decision_date").fill(today)
    page.locator("#id_beneficiary_change").fill("Được công nhận quyền sử dụng đất")
    page.locator("#case-form").get_by_role("button", name="Lưu").click()
    page.wait_for_url(case_page)
    assert page.locator("#case-status").inner_text() == "Kết thúc"

    # Appraised: 32 sessions of work (the quality app's appraisal, at payments' one seam).
    appraise(case, sessions=Decimal(32))

    # The administration department: the case on its work list with the amount, then the calculation and the button.
    page.locator("#logout-button").click()
    login(a.admin_staff.username, PASSWORD)
    page.goto("/")
    section = page.locator('[data-section="payments_to_propose"]')
    assert case.code in section.inner_text() and "10.670.400 đ" in section.inner_text()
    section.get_by_role("link", name="Lập đề nghị").click()
    owed = page.locator(f"#owed-{case.pk}")
    for text in ("2.340.000 đ", "0,38 × 2.340.000 đ", "40% × 889.200 đ", "32 buổi, tối đa 30 buổi", "10.670.400 đ"):
        assert text in owed.inner_text(), text
    screenshot("payments-owed")
    owed.get_by_role("button", name="Lập đề nghị thanh toán").click()
    page.wait_for_url(re.compile(r"/thanh-toan/\d+/$"))
    main = page.locator("main").inner_text()
    assert "Đã lập đề nghị thanh toán 10.670.400 đ" in main and "Giám đốc Trung tâm duyệt" in main
    payment = Payment.objects.get(case=case)

    # The director approves from their work list.
    page.locator("#logout-button").click()
    login(a.director.username, PASSWORD)
    page.goto("/")
    page.locator('[data-section="payments_to_approve"]').get_by_role("link", name="Duyệt").click()
    page.wait_for_url(re.compile(rf"/thanh-toan/{payment.pk}/$"))
    assert "355.680 đ" in page.locator(".fee-lines").inner_text()
    screenshot("payments-detail-to-approve")
    page.get_by_role("button", name="Duyệt thanh toán").click()
    page.wait_for_url(re.compile(rf"/thanh-toan/{payment.pk}/$"))
    assert "Phòng Hành chính – Tổng hợp chi trả" in page.locator("main").inner_text()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.APPROVED and payment.approved_by == a.director

    # The administration department records the payment.
    page.locator("#logout-button").click()
    login(a.admin_staff.username, PASSWORD)
    page.goto(f"/thanh-toan/{payment.pk}/")
    page.locator("#id_paid_on").fill(today)
    page.locator("#id_voucher").fill("PC-2026-15")
    page.get_by_role("button", name="Ghi nhận đã chi trả").click()
    page.wait_for_url(re.compile(rf"/thanh-toan/{payment.pk}/$"))
    history = page.locator("#payment-history").inner_text()
    assert "PC-2026-15" in history and a.director.full_name in history and a.admin_staff.full_name in history
    screenshot("payments-paid")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID

    assert not http_errors, http_errors
    assert_no_csp_violations(console_messages)
