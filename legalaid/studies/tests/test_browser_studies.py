"""A lead department's officer uploads a draft, confirms it, a reviewer comments; then the director proposes and
approves a nominee in a commendation campaign, with the figures beside the achievements. Debian's chromium through
Playwright; fixtures in ``legalaid/conftest.py``."""

import re

import pytest

from legalaid.commendations.tests.factories import make_campaign
from legalaid.conftest import assert_no_csp_violations
from legalaid.core.tests.factories import PASSWORD, build_world
from legalaid.studies.models import StudyVersion

from .factories import DOCX, make_study

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_study_and_campaign_pages(page, login, console_messages, http_errors, screenshot, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = build_world()
    study = make_study(world.a, title="Thẩm định chất lượng vụ việc trợ giúp pháp lý", number=3)
    campaign = make_campaign(world.a, title="Thi đua chào mừng kỷ niệm Ngày thành lập Tổ chức TGPL")
    login(world.a.intake.username, PASSWORD)  # a member of the lead department (Phòng Nghiệp vụ A)

    page.get_by_role("link", name="Chuyên đề").first.click()
    page.wait_for_url(re.compile(r"/chuyen-de/$"))
    page.get_by_role("link", name=re.compile("Thẩm định chất lượng")).click()
    page.wait_for_url(re.compile(rf"/chuyen-de/{study.pk}/$"))
    draft = tmp_path / "du-thao.docx"
    draft.write_bytes(DOCX)
    page.locator("#id_file").set_input_files(str(draft))
    page.get_by_role("button", name="Tải lên phiên bản mới").click()
    page.locator("#version-1").wait_for()
    assert StudyVersion.objects.filter(study=study).count() == 1
    page.locator("#id_draft-done_on").fill("18/03/2025")
    page.locator("#step-draft").get_by_role("button", name="Xác nhận hoàn thành").click()
    page.locator("#step-draft").get_by_text("Hoàn thành chậm 2 ngày làm việc").wait_for()
    version = StudyVersion.objects.get()
    page.locator(f"#id_c{version.pk}-text").fill("Đề nghị bổ sung ví dụ thẩm định vụ việc hình sự.")
    page.get_by_role("button", name="Gửi góp ý").click()
    page.locator("#version-1").get_by_text("Đề nghị bổ sung ví dụ").wait_for()
    screenshot("study-detail")

    page.context.clear_cookies()
    login(world.a.director.username, PASSWORD)
    page.get_by_role("link", name="Thi đua, khen thưởng").first.click()
    page.get_by_role("link", name=re.compile("Thi đua chào mừng")).click()
    page.wait_for_url(re.compile(rf"/thi-dua/{campaign.pk}/$"))
    page.get_by_role("link", name="Đề nghị khen thưởng").click()
    page.locator("#id_nominee_user").select_option(str(world.a.intake.pk))
    page.locator("#id_proposed_form").select_option(label="Giấy khen")
    page.locator("#id_achievements").fill("Tiếp nhận đúng quy trình, không để yêu cầu quá hạn.")
    page.get_by_role("button", name="Gửi đề nghị").click()
    page.wait_for_url(re.compile(rf"/thi-dua/{campaign.pk}/$"))
    row = page.locator("#nominations tbody tr").first
    assert "Vụ việc thụ lý" in row.inner_text()
    row.get_by_role("button", name="Ghi kết quả xét").click()
    page.locator("#nominations tbody tr").first.get_by_text("Được xét duyệt").wait_for()
    screenshot("campaign-detail")

    assert_no_csp_violations(console_messages)
    assert not [m for m in console_messages if m.startswith("pageerror:")], console_messages
    assert [e for e in http_errors if not e.endswith("/favicon.ico")] == []
