"""The administration department uploads the Lạng Sơn plan of 2020, corrects one parsed task, saves the plan, a
department officer marks a task done with an evidence file, and the plan report shows it (issue 5, item 8).
Debian's chromium through Playwright; fixtures in ``legalaid/conftest.py``."""

import re
from pathlib import Path

import pytest
from docx import Document

from legalaid.conftest import assert_no_csp_violations
from legalaid.core.tests.factories import PASSWORD, build_world
from legalaid.plans.choices import TaskStatus
from legalaid.plans.models import Plan, ProgressEvidence

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED = Path(__file__).resolve().parent / "fixtures" / "plan-2020-lang-son-legal-aid-work.txt"


def test_upload_correct_save_report_progress_and_see_the_report(
    page, login, console_messages, http_errors, screenshot, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    world = build_world()
    login(world.a.admin_staff.username, PASSWORD)

    page.locator("#sidebar").get_by_role("link", name="Kế hoạch").click()
    page.wait_for_url(re.compile(r"/ke-hoach/$"))
    page.locator("#plan-import").click()
    page.locator("#id_file").set_input_files(str(SEED))
    page.get_by_role("button", name="Đọc văn bản").click()
    page.wait_for_url(re.compile(r"/ke-hoach/nhap/\d+/$"))
    assert page.locator("#id_plan-number").input_value() == "33/KH-TGPL"
    assert page.locator("#id_plan-date").input_value() == "21/01/2020"

    # Correct the first task: its content and its time frame (re-read when saved).
    page.locator("#id_t0-content").fill("Tham mưu xây dựng, ban hành các kế hoạch năm 2020")
    page.locator("#id_t0-timeframe_text").fill("Quý I/2020")
    screenshot("plans-review")
    page.get_by_role("button", name="Lưu kế hoạch").click()
    page.wait_for_url(re.compile(r"/ke-hoach/\d+/$"))
    plan = Plan.objects.get()
    first = plan.tasks.get(position=0)
    assert first.content == "Tham mưu xây dựng, ban hành các kế hoạch năm 2020"
    assert first.timeframe_text == "Quý I/2020" and str(first.end) == "2020-03-31"
    assert page.locator("#plan-title").inner_text() == "Triển khai công tác trợ giúp pháp lý năm 2020"
    assert page.locator('tr.task[data-ref="2.1"]').is_visible()
    screenshot("plans-detail")

    # An officer of "Phòng Nghiệp vụ", which leads task 2.1, marks it done with the minutes attached.
    page.locator("#logout-button").click()
    login(world.a.officer.username, PASSWORD)
    page.goto(f"/ke-hoach/{plan.pk}/")
    page.locator('tr.task[data-ref="2.1"] a').click()
    page.wait_for_url(re.compile(r"/ke-hoach/nhiem-vu/\d+/$"))
    page.locator("#id_new_status").select_option(TaskStatus.DONE)
    page.locator("#id_note").fill("Đã tiếp nhận, tư vấn tại Văn phòng và các Chi nhánh cả năm.")
    evidence = tmp_path / "bao-cao-tiep-nhan.pdf"
    evidence.write_bytes(b"%PDF-1.4 minutes")
    page.locator("#id_files").set_input_files(str(evidence))
    page.get_by_role("button", name="Cập nhật tiến độ").click()
    page.locator(".alert-success").wait_for()
    assert page.locator("h1 .task-status").get_attribute("data-state") == "done"
    assert page.locator("a.evidence").inner_text() == "bao-cao-tiep-nhan.pdf"
    assert ProgressEvidence.objects.get().progress.user == world.a.officer
    screenshot("plans-task-done")

    page.goto(f"/ke-hoach/{plan.pk}/")
    page.locator("#plan-report").click()
    page.wait_for_url(re.compile(r"/ke-hoach/\d+/bao-cao/$"))
    assert page.locator('#status-counts tr[data-state="done"] td').inner_text() == "1"
    assert "chưa đo được" in page.locator("#targets").inner_text()
    screenshot("plans-report")
    with page.expect_download() as info:
        page.locator("#report-docx").click()
    document = Document(info.value.path())
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Đã hoàn thành: 1 nhiệm vụ;" in text

    assert_no_csp_violations(console_messages)
    assert not [m for m in console_messages if m.startswith("pageerror:")], console_messages
    assert [e for e in http_errors if not e.endswith("/favicon.ico")] == []
