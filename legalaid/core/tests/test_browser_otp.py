"""The second factor in the browser (issue 14, item 1): a password, then enrolment (the QR code, the key, a code
computed here from the key, ten backup codes) or the 6-digit code of an enrolled authenticator, then the home page;
no Content-Security-Policy violation on the way (the QR code is an inline SVG)."""

import base64
import re
import time

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from legalaid.conftest import assert_no_csp_violations
from legalaid.core import otp
from legalaid.core.tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def enforced(settings):
    settings.LEGALAID_OTP_REQUIRED = True


def code_from(key: bytes, offset_steps: int = 0) -> str:
    totp = TOTP(key)
    totp.time = time.time() + offset_steps * 30
    return f"{totp.token():06d}"


def test_first_login_enrols_the_authenticator_then_the_next_login_asks_for_a_code(
    page, live_server, login, world, console_messages, http_errors, screenshot
):
    user = world.a.officer
    login(user.username, PASSWORD)

    page.wait_for_url(re.compile(r"/xac-thuc/dang-ky/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Đăng ký xác thực hai bước"
    assert page.locator(".otp-qr svg").is_visible()
    assert not page.locator("#sidebar").count()
    screenshot("otp-enrol")
    key = base64.b32decode(page.locator("#otp-secret").inner_text().replace(" ", ""))
    page.get_by_label("Mã xác thực").fill(code_from(key))
    page.get_by_role("button", name="Xác nhận và đăng ký").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Mã dự phòng")
    codes = page.locator("#backup-codes li").all_inner_texts()
    assert len(codes) == 10
    page.locator("#backup-codes-done").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("#sidebar").is_visible()

    page.locator("#logout-button").click()
    page.wait_for_url(re.compile(r"/dang-nhap/$"))
    login(user.username, PASSWORD)
    # A page asked for before the second step is where the code leads.
    page.goto("/vu-viec/")
    page.wait_for_url(re.compile(r"/xac-thuc/\?next=%2Fvu-viec%2F$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Xác thực hai bước"
    # The code of the next time step: the enrolment used the current one, and a code is taken once.
    page.get_by_label("Mã xác thực").fill(code_from(key, 1))
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_url(f"{live_server.url}/vu-viec/")
    assert page.locator("#sidebar").is_visible()
    assert otp.is_enrolled(user)
    assert not http_errors
    assert_no_csp_violations(console_messages)


def test_an_enrolled_director_logs_in_with_a_code_and_reaches_the_home_page(
    page, live_server, login, world, console_messages, http_errors
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = world.a.director
    key = b"0123456789abcdefghij"
    TOTPDevice.objects.create(user=user, name="default", key=key.hex(), confirmed=True)
    login(user.username, PASSWORD)
    page.wait_for_url(re.compile(r"/xac-thuc/"))
    page.get_by_label("Mã xác thực").fill("000000" if code_from(key) != "000000" else "111111")
    page.get_by_role("button", name="Xác nhận").click()
    # The click only starts the POST: wait for the answer rather than read the page still showing the form.
    expect(page.get_by_text("Mã không đúng hoặc đã hết hạn")).to_be_visible()
    page.wait_for_timeout(1100)  # django-otp waits 1 s after a wrong code before it takes another (2 s, 4 s, ...)
    page.get_by_label("Mã xác thực").fill(code_from(key))
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Bảng điều hành của lãnh đạo"
    assert not http_errors
    assert_no_csp_violations(console_messages)
