"""Intake staff receive a request, see the eligibility result live, accept it, open the case and download the
acceptance notice (issue 3, item 10). Debian's chromium through Playwright; fixtures in ``legalaid/conftest.py``."""

import re

import pytest
from docx import Document

from legalaid.cases.models import LegalAidCase
from legalaid.conftest import assert_no_csp_violations
from legalaid.core.tests.factories import PASSWORD, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_receive_accept_and_download_the_acceptance_notice(page, login, console_messages, http_errors, screenshot):
    world = build_world()
    login(world.a.intake.username, PASSWORD)

    page.get_by_role("link", name="Tiếp nhận yêu cầu").first.click()
    page.get_by_role("link", name="Tiếp nhận yêu cầu").last.click()
    page.wait_for_url(re.compile(r"/tiep-nhan/yeu-cau/moi/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Tiếp nhận yêu cầu trợ giúp pháp lý"

    page.locator("#id_person-full_name").fill("Hoàng Thị Mai")
    page.locator("#id_person-sex").select_option("female")
    page.locator("#id_person-date_of_birth").fill("02/03/1985")
    page.locator("#id_person-id_type").select_option("none")
    page.locator("#id_field_of_law").select_option(label="Dân sự")
    page.locator("#id_desired_form").select_option(label="Tư vấn pháp luật")
    page.locator("#id_summary").fill("Tranh chấp quyền sử dụng đất với hàng xóm")

    result = page.locator("#eligibility-result")
    page.locator("#facts-section > summary").click()  # the eligibility facts fold away (issue 8, item 7)
    page.locator("#id_household").select_option("poor")
    result.locator('.eligibility-result[data-eligible="yes"]').wait_for()
    assert result.locator('[data-ref="7.2"]').first.is_visible()
    screenshot("intake-receive")

    page.get_by_role("button", name="Lưu yêu cầu").click()
    page.wait_for_url(re.compile(r"/tiep-nhan/yeu-cau/\d+/$"))
    assert page.locator("#request-categories").inner_text().startswith("7.2")

    page.locator("summary", has_text="Thụ lý").click()
    page.locator("#accept-form").get_by_role("button", name="Thụ lý").click()
    page.wait_for_url(re.compile(r"^[^?]*//[^/]+/vu-viec/\d+/$"))  # the case page of the cases app
    case = LegalAidCase.objects.get()
    assert page.locator("#case-code").inner_text() == case.code
    screenshot("intake-case")

    with page.expect_download() as info:
        page.locator("#acceptance-notice").click()
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    document = Document(download.path())
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "Hoàng Thị Mai" in text or case.code in text

    assert_no_csp_violations(console_messages)
    assert not [m for m in console_messages if m.startswith("pageerror:")], console_messages
    assert [e for e in http_errors if not e.endswith("/favicon.ico")] == []
