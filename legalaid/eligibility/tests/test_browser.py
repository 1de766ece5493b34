"""In a real browser: the result updates as facts are entered (htmx on change), with no CSP violation."""

import pytest

from legalaid.conftest import assert_no_csp_violations
from legalaid.core.choices import Role
from legalaid.core.tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_result_updates_live_as_facts_are_entered(page, login, console_messages, screenshot):
    user = UserFactory(username="tiepnhan", role=Role.INTAKE)
    login(user.username, PASSWORD)
    page.get_by_role("link", name="Kiểm tra diện TGPL").click()
    page.get_by_label("Ngày xét (ngày yêu cầu)").fill("31/12/2025")
    page.get_by_label("Ngày sinh", exact=True).fill("01/06/2008")
    page.get_by_label("Bị hại", exact=True).check()
    result = page.locator("#eligibility-result")
    result.get_by_text("Chưa thuộc diện nào").wait_for()
    page.get_by_label("Hộ gia đình").select_option("near_poor")
    result.locator('[data-ref="7.7.đ"]').first.wait_for()
    assert "Giấy chứng nhận hộ cận nghèo" in result.inner_text()
    page.get_by_label("Ngày xét (ngày yêu cầu)").fill("01/01/2026")
    page.get_by_label("Ngày xét (ngày yêu cầu)").press("Tab")
    result.locator('#eligibility-applicable [data-ref="7.5"]').wait_for()
    screenshot("eligibility-check")
    assert_no_csp_violations(console_messages)
