"""The director signs in with the demo account, sees the Vietnamese home page and signs out (issue 2, item 13).

Runs Debian's chromium through Playwright against ``live_server``; fixtures in ``legalaid/conftest.py``.
"""

import re

import pytest

from legalaid.conftest import assert_no_csp_violations
from legalaid.core import demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_director_logs_in_sees_the_vietnamese_home_page_and_logs_out(
    page, live_server, login, console_messages, http_errors, screenshot
):
    demo.seed()
    director = next(a for a in demo.ACCOUNTS if a.username == "giamdoc")

    page.goto("/")
    assert re.search(r"/dang-nhap/\?next=/$", page.url)
    assert page.locator("html").get_attribute("lang") == "vi"

    login(director.username, demo.DEMO_PASSWORD)

    assert page.url == f"{live_server.url}/"
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("heading", level=1).inner_text() == "Bảng điều hành của lãnh đạo"
    assert page.get_by_text(f"Xin chào, {director.full_name}").is_visible()
    assert page.locator("#sidebar").is_visible()
    screenshot("director-home")

    page.locator("#logout-button").click()
    page.wait_for_url(re.compile(r"/dang-nhap/$"))
    assert page.get_by_role("button", name="Đăng nhập").is_visible()
    assert page.get_by_label("Tên đăng nhập").is_visible()

    page.goto("/")
    assert "/dang-nhap/" in page.url, "after logging out the home page asks for a login again"

    assert_no_csp_violations(console_messages)
    assert not [m for m in console_messages if m.startswith("pageerror:")], console_messages
    # Every stylesheet and script loaded (the browser asks for /favicon.ico on its own; the layout has none yet).
    assert [e for e in http_errors if not e.endswith("/favicon.ico")] == []


def test_wrong_password_shows_a_vietnamese_error_and_stays_on_the_login_page(page, console_messages):
    demo.seed()

    page.goto("/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("giamdoc")
    page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    page.get_by_role("button", name="Đăng nhập").click()

    assert "/dang-nhap/" in page.url
    assert page.get_by_role("alert").is_visible()
    assert_no_csp_violations(console_messages)
