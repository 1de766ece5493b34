"""The life of a case in the browser (issue 4, item 11): on a case accepted through the intake services, the director
assigns a provider from the workload table and confirms the decision on its preview (issue 8 items 4 and 9), starts
the work, records a hearing (which appears on the home page's
"Hạn cần theo dõi" panel), logs two activities, completes the case with the judgment, takes the file back with the
checklist ticked, and archives it. Debian's chromium through Playwright; fixtures in ``legalaid/conftest.py``."""

import re

import pytest
from django.utils import timezone

from legalaid.cases.models import CaseArchive, CaseCompletion, LegalAidCase, WorkLogEntry
from legalaid.cases.tests.factories import accepted_case
from legalaid.conftest import assert_no_csp_violations
from legalaid.core.tests.factories import PASSWORD, build_world
from legalaid.providers.models import Assignment
from legalaid.providers.tests.factories import provider_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_assign_log_complete_and_archive(page, login, console_messages, http_errors, screenshot):
    world = build_world()
    provider = provider_for(world.a.officer)
    case = accepted_case(world.a.director, form="litigation", field="civil")
    today = timezone.localdate().strftime("%d/%m/%Y")
    case_page = re.compile(rf"/vu-viec/{case.pk}/$")
    status = page.locator("#case-status")

    login(world.a.director.username, PASSWORD)
    page.goto(f"/vu-viec/{case.pk}/")
    assert page.locator("#case-code").inner_text() == case.code

    # The actions in workflow order: assigning first, starting disabled with its reason, discontinuing last.
    actions = page.locator("#case-actions")
    assert actions.locator(".btn").first.inner_text() == "Cử người thực hiện"
    assert actions.locator(".btn").last.inner_text() == "Không tiếp tục thực hiện"
    assert actions.get_by_role("button", name="Bắt đầu thực hiện").is_disabled()
    assert "Cần cử người thực hiện trước." in actions.inner_text()

    # Assign: the workload table, least loaded first, and the button on the provider's row.
    actions.get_by_role("link", name="Cử người thực hiện").click()
    page.wait_for_url(re.compile(rf"/nguoi-thuc-hien/vu-viec/{case.pk}/cu-nguoi-thuc-hien/$"))
    row = page.locator(f"#provider-row-{provider.pk}")
    assert provider.full_name in row.inner_text()
    screenshot("case-life-assign")
    row.get_by_role("button", name="Cử người thực hiện").click()

    # The decision is shown first: provider, case, date and grounds; its number is given on confirmation.
    preview = page.locator("#decision-preview")
    preview.wait_for()
    for text in (provider.full_name, case.code, today, "Số quyết định được cấp khi xác nhận"):
        assert text in preview.inner_text(), text
    assert "Luật Trợ giúp pháp lý số 11/2017/QH14" in page.locator("#decision-grounds").inner_text()
    assert not Assignment.objects.filter(case=case).exists()
    screenshot("case-life-assign-confirm")
    page.get_by_role("button", name="Xác nhận và cấp số").click()
    page.wait_for_url(case_page)
    assert status.inner_text() == "Đã cử người thực hiện"
    decision = Assignment.objects.get(case=case).decision_code
    assert f"Quyết định số {decision}" in page.locator("main").inner_text()
    assert "Tiếp theo: người thực hiện bắt đầu thực hiện vụ việc." in page.locator("main").inner_text()
    assert provider.full_name in page.locator("#case-assignments").inner_text()

    page.locator("#case-actions").get_by_role("button", name="Bắt đầu thực hiện").click()
    page.wait_for_url(case_page)
    assert status.inner_text() == "Đang thực hiện"

    # A hearing late today: it is on the director's home page among today's deadlines.
    page.get_by_role("link", name="Thêm lịch").click()
    page.locator("#id_day").fill(today)
    page.locator("#id_time").fill("23:30")
    page.locator("#id_place").fill("Tòa án nhân dân tỉnh, phòng xử số 2")
    page.locator("#case-form").get_by_role("button", name="Lưu").click()
    page.wait_for_url(case_page)
    assert "Tòa án nhân dân tỉnh, phòng xử số 2" in page.locator("#hearings").inner_text()

    # Two activities in the work log.
    for activity, hours, place in ((1, "3", "Trụ sở Trung tâm"), (2, "2", "Trại tạm giam tỉnh")):
        page.locator("#case-actions").get_by_role("link", name="Ghi công việc").click()
        page.locator("#id_activity_type").select_option(index=activity)
        page.locator("#id_date").fill(today)
        page.locator("#id_hours").fill(hours)
        page.locator("#id_place").fill(place)
        page.locator("#case-form").get_by_role("button", name="Lưu").click()
        page.wait_for_url(case_page)
    assert page.locator("#work-log tbody tr").count() == 2
    screenshot("case-life-in-progress")

    page.goto("/")
    deadlines = page.locator("#deadlines-today")
    assert case.code in deadlines.inner_text() and "Tòa án nhân dân tỉnh" in deadlines.inner_text()
    screenshot("case-life-home-deadlines")
    deadlines.get_by_role("link", name=case.code).click()
    page.wait_for_url(case_page)

    # Complete with the judgment and what changed for the beneficiary.
    page.locator("#case-actions").get_by_role("link", name="Kết thúc vụ việc").click()
    page.locator("#id_completed_on").fill(today)
    page.locator("#id_outcome").fill("Tòa án chấp nhận yêu cầu của người được trợ giúp")
    page.locator("#id_decision_number").fill("15/2026/DS-ST")
    page.locator("#id_decision_date").fill(today)
    page.locator("#id_beneficiary_change").fill("Được công nhận quyền sử dụng 200 m² đất")
    page.locator("#case-form").get_by_role("button", name="Lưu").click()
    page.wait_for_url(case_page)
    assert status.inner_text() == "Kết thúc"
    assert "15/2026/DS-ST" in page.locator("#case-completion").inner_text()

    # The provider hands the file back (Art. 39) with the papers of the checklist; then it is archived.
    assert page.locator("#case-actions").get_by_role("button", name="Lưu trữ hồ sơ").is_disabled()  # not handed over
    page.locator("#case-actions").get_by_role("link", name="Nhận bàn giao hồ sơ").click()
    page.locator("#id_handed_over_on").fill(today)
    page.locator("#id_handed_over_by").fill(provider.full_name)
    boxes = page.locator('input[name="checked_items"]')
    assert boxes.count() > 0
    for i in range(boxes.count()):
        boxes.nth(i).check()
    screenshot("case-life-handover")
    page.locator("#case-form").get_by_role("button", name="Lưu").click()
    page.wait_for_url(case_page)

    page.locator("#case-actions").get_by_role("link", name="Lưu trữ hồ sơ").click()
    page.locator("#id_file_code").fill("LT-2026-015")
    page.locator("#id_location").fill("Kho lưu trữ Trung tâm, giá 3")
    page.locator("#id_retention").select_option("permanent")
    page.locator("#case-form").get_by_role("button", name="Lưu").click()
    page.wait_for_url(case_page)
    assert status.inner_text() == "Đã lưu trữ"
    assert "LT-2026-015" in page.locator("#case-archive").inner_text()
    screenshot("case-life-archived")

    case.refresh_from_db()
    assert case.status == "archived"
    assert Assignment.objects.get(case=case).provider == provider
    assert WorkLogEntry.objects.filter(case=case).count() == 2
    assert CaseCompletion.objects.get(case=case).decision_number == "15/2026/DS-ST"
    archive = CaseArchive.objects.get(case=case)
    assert archive.handed_over_on == timezone.localdate() and archive.file_code == "LT-2026-015"
    assert LegalAidCase.objects.get(pk=case.pk).version > 1
    timeline = page.locator("#timeline").inner_text()
    for step in ("Cử, thay đổi người thực hiện", "Công việc đã thực hiện", "Đang thực hiện → Kết thúc", "→ Đã lưu trữ"):
        assert step in timeline, step

    assert_no_csp_violations(console_messages)
    assert not [m for m in console_messages if m.startswith("pageerror:")], console_messages
    assert [e for e in http_errors if not e.endswith("/favicon.ico")] == []
