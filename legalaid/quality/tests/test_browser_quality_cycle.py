"""Issue 9 item 7 in the browser, one case through the whole quality and payment cycle, every step on its page:

1. the director completes a litigation case;
2. the director finds it on their work list and assigns an appraiser who is not its provider; the appraiser finds
   it on theirs, scores it and concludes;
3. the administration department proposes the payment (the amount computed line by line), the director approves it
   from their work list, the administration department records it as paid;
4. the director prints a survey invitation and the beneficiary answers it through the one-time link in a fresh
   browser context (no login), which then refuses a second use;
5. the intake officer registers a complaint about the case from the case page and the director resolves it with a
   first-level decision.
"""

from __future__ import annotations

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from legalaid.cases.choices import CaseStatus
from legalaid.cases.tests.factories import accepted_case
from legalaid.cases.workflow import case_transition
from legalaid.conftest import assert_no_csp_violations
from legalaid.core.tests.factories import PASSWORD, build_world
from legalaid.feedback.choices import EntryStatus
from legalaid.feedback.models import FeedbackEntry, SurveyResponse
from legalaid.payments.choices import PaymentStatus
from legalaid.payments.models import Payment
from legalaid.providers import services as provider_services
from legalaid.providers.tests.factories import provider_for
from legalaid.quality.choices import AppraisalStatus
from legalaid.quality.models import Appraisal
from legalaid.quality.tests.factories import FULL_SCORES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_complete_appraise_pay_survey_and_complain(
    page, browser, live_server, login, console_messages, http_errors, screenshot
):
    world = build_world()
    a = world.a
    provider = provider_for(a.officer)
    case = accepted_case(a.director, form="litigation", field="civil")
    provider_services.case_assign(actor=a.director, case=case, provider=provider)
    case.refresh_from_db()
    case_transition(actor=a.director, case=case, to_status=CaseStatus.IN_PROGRESS)
    today = timezone.localdate().strftime("%d/%m/%Y")
    case_page = re.compile(rf"/vu-viec/{case.pk}/$")

    def logout():
        page.locator("#logout-button").click()
        page.wait_for_url(re.compile(r"/dang-nhap/$"))

    # 1. The director completes the case with the judgment.
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

    # 2. The case waits on the director's work list for an appraiser; its own provider is refused beside the field.
    page.goto("/")
    page.locator('[data-section="appraisals_to_assign"]').get_by_role("link", name=case.code).click()
    page.wait_for_url(re.compile(rf"/chat-luong/tham-dinh/vu-viec/{case.pk}/phan-cong/$"))
    page.locator("#id_appraiser").select_option(str(a.officer.pk))
    page.get_by_role("button", name="Phân công thẩm định").click()
    expect(page.locator(".invalid-feedback")).to_contain_text("không được thẩm định")
    page.locator("#id_appraiser").select_option(str(a.deputy.pk))
    page.get_by_role("button", name="Phân công thẩm định").click()
    expect(page.locator("main")).to_contain_text("Tiếp theo")
    appraisal = Appraisal.objects.get(case=case)
    logout()

    login(a.deputy.username, PASSWORD)
    page.goto("/")
    page.locator('[data-section="appraisals_to_do"]').get_by_role("link", name=case.code).click()
    page.wait_for_url(re.compile(rf"/chat-luong/tham-dinh/{appraisal.pk}/cham-diem/$"))
    for code, points in FULL_SCORES.items():
        page.locator(f'[name="score_{code}"]').fill(str(points))
    page.locator("#id_appraised_sessions").fill("30")
    page.locator("#id_conclusion").fill("Vụ việc được thực hiện đúng quy định, đạt chất lượng.")
    page.get_by_role("button", name="Hoàn thành thẩm định").click()
    page.wait_for_url(re.compile(rf"/chat-luong/tham-dinh/{appraisal.pk}/$"))
    appraisal.refresh_from_db()
    assert appraisal.status == AppraisalStatus.DONE and appraisal.total_points == 100
    screenshot("quality-appraisal-done")
    logout()

    # 3. The payment: proposed by the administration department, approved by the director, paid.
    login(a.admin_staff.username, PASSWORD)
    page.goto("/")
    section = page.locator('[data-section="payments_to_propose"]')
    assert case.code in section.inner_text() and "10.670.400 đ" in section.inner_text()
    section.get_by_role("link", name="Lập đề nghị").click()
    owed = page.locator(f"#owed-{case.pk}")
    for text in ("2.340.000 đ", "0,38 × 2.340.000 đ", "40% × 889.200 đ", "30 buổi", "10.670.400 đ"):
        assert text in owed.inner_text(), text
    screenshot("payments-owed")
    owed.get_by_role("button", name="Lập đề nghị thanh toán").click()
    page.wait_for_url(re.compile(r"/thanh-toan/\d+/$"))
    main = page.locator("main").inner_text()
    assert "Đã lập đề nghị thanh toán 10.670.400 đ" in main and "Giám đốc Trung tâm duyệt" in main
    payment = Payment.objects.get(case=case)
    logout()

    login(a.director.username, PASSWORD)
    page.goto("/")
    page.locator('[data-section="payments_to_approve"]').get_by_role("link", name="Duyệt").click()
    page.wait_for_url(re.compile(rf"/thanh-toan/{payment.pk}/$"))
    assert "355.680 đ" in page.locator(".fee-lines").inner_text()
    page.get_by_role("button", name="Duyệt thanh toán").click()
    page.wait_for_url(re.compile(rf"/thanh-toan/{payment.pk}/$"))
    expect(page.locator("main")).to_contain_text("Phòng Hành chính – Tổng hợp chi trả")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.APPROVED and payment.approved_by == a.director

    # 4. The director prints the survey invitation for the beneficiary (link and QR code)...
    page.goto(f"/vu-viec/{case.pk}/")
    page.get_by_role("link", name="In thư mời khảo sát").click()
    page.locator("#id_respondent").select_option("beneficiary")
    page.get_by_role("button", name="Tạo thư mời").click()
    expect(page.locator("#invitation-link")).to_contain_text("/khao-sat/")
    link = page.locator("#invitation-link").inner_text().strip()
    assert page.locator("svg").count() >= 1
    logout()

    login(a.admin_staff.username, PASSWORD)
    page.goto(f"/thanh-toan/{payment.pk}/")
    page.locator("#id_paid_on").fill(today)
    page.locator("#id_voucher").fill("PC-2026-15")
    page.get_by_role("button", name="Ghi nhận đã chi trả").click()
    page.wait_for_url(re.compile(rf"/thanh-toan/{payment.pk}/$"))
    history = page.locator("#payment-history").inner_text()
    assert "PC-2026-15" in history and a.director.full_name in history and a.admin_staff.full_name in history
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    logout()

    # ... and the beneficiary answers through the link in a browser that never logged in: only the questionnaire
    # and the Centre's name, never the case or a person's name.
    public = browser.new_context(locale="vi-VN")
    public.set_default_timeout(10_000)
    survey = public.new_page()
    survey_console: list[str] = []
    survey.on("console", lambda message: survey_console.append(f"{message.type}: {message.text}"))
    survey.goto(link)
    body = survey.locator("body").inner_text()
    assert case.centre.name in body
    for secret in (case.code, case.beneficiary.full_name, provider.full_name):
        assert secret not in body
    survey_questions = survey.locator("fieldset.question").count()
    assert survey_questions >= 3
    for question in survey.locator("fieldset.question").all():
        question.locator('input[type="radio"]').first.check()
    survey.get_by_role("button", name="Gửi ý kiến").click()
    survey.wait_for_url(re.compile(r"/khao-sat/cam-on/$"))
    questions = survey_questions
    answered = SurveyResponse.objects.get(case=case)
    assert answered.answers.count() == questions and answered.entered_by is None
    survey.goto(link)
    assert "Gửi ý kiến" not in survey.locator("body").inner_text()  # single use: the form never comes back
    public.close()
    assert_no_csp_violations(survey_console)

    # 5. A complaint about the case, registered by the intake officer from the case page...
    login(a.intake.username, PASSWORD)
    page.goto(f"/vu-viec/{case.pk}/")
    page.get_by_role("link", name="Vào sổ phản ánh, khiếu nại").click()
    assert page.locator("#id_case_code").input_value() == case.code
    page.locator("#id_source").select_option("letter")
    page.locator("#id_kind").select_option("complaint_provider")
    page.locator("#id_ground").select_option("no_aid")
    page.locator("#id_received_on").fill(today)
    page.locator("#id_sender_name").fill("Nguyễn Thị Khiếu Nại")
    page.locator("#id_content").fill("Người thực hiện không liên lạc với tôi trước phiên tòa.")
    page.locator("#id_provider").select_option(str(provider.pk))
    page.locator("main form").get_by_role("button").first.click()
    page.wait_for_url(re.compile(r"/phan-hoi/\d+/$"))
    entry = FeedbackEntry.objects.get(case=case)
    logout()

    # ... and resolved by the director, who finds it on their work list, with the first-level decision.
    login(a.director.username, PASSWORD)
    page.goto("/")
    page.locator('[data-section="feedback_head"]').get_by_role("link", name=entry.code).first.click()
    page.wait_for_url(re.compile(rf"/phan-hoi/{entry.pk}/$"))
    page.get_by_role("link", name="Ra quyết định giải quyết khiếu nại").click()
    page.locator("#id_decision_code").fill("5/QĐ-TGPL")
    page.locator("#id_decided_on").fill(today)
    page.locator("#id_result").select_option("partly")
    page.locator("#id_reasoning").fill("Đã nhắc nhở người thực hiện trợ giúp pháp lý.")
    page.locator("main form").get_by_role("button").first.click()
    page.wait_for_url(re.compile(rf"/phan-hoi/{entry.pk}/$"))
    screenshot("feedback-complaint-resolved")
    entry.refresh_from_db()
    assert entry.status == EntryStatus.RESOLVED

    assert not http_errors, http_errors
    assert_no_csp_violations(console_messages)
