"""A 404 and a 403 page in a real browser: Vietnamese, in the site's layout, nothing revealed (issue 8, item 9)."""

import pytest

from legalaid.core.tests.factories import PASSWORD, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_404_and_403_pages_are_vietnamese_in_the_layout(page, login, http_errors, screenshot):
    world = build_world()
    login(world.a.lawyer.username, PASSWORD)

    response = page.goto("/khong-co-trang-nay/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("heading", level=1).inner_text() == "Không tìm thấy trang"
    assert page.locator("#sidebar").is_visible(), "the signed-in user keeps the navigation"
    assert page.locator("header.navbar").is_visible()
    assert "khong-co-trang-nay" not in page.locator("#main").inner_text()
    screenshot("error-404")

    response = page.goto("/quan-tri/nhat-ky/")
    assert response.status == 403
    assert page.get_by_role("heading", level=1).inner_text() == "Không có quyền truy cập"
    assert page.locator("#sidebar").is_visible()
    screenshot("error-403")

    page.get_by_role("link", name="Về trang chủ").click()
    page.wait_for_url(lambda url: url.endswith("/"))
    assert sorted(e.split()[0] for e in http_errors if not e.endswith("/favicon.ico")) == ["403", "404"]
