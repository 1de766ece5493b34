"""The layout in a real browser (issue 8, items 7 and 9): at 390 px a list shows its results first with the filters
behind one button; on a desktop the filters stay in view; the intake form's eligibility panel stays below the top bar
and its papers list only what may apply."""

import re

import pytest

from legalaid.conftest import ARTIFACTS, assert_no_csp_violations
from legalaid.core.tests.factories import PASSWORD, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, live_server):
    """A browser page 390 px wide (a phone), Vietnamese, with its console messages in ``phone.messages``."""
    context = browser.new_context(viewport=PHONE, locale="vi-VN", base_url=live_server.url, is_mobile=True)
    context.set_default_timeout(10_000)
    new_page = context.new_page()
    new_page.messages = []
    new_page.on("console", lambda message: new_page.messages.append(f"{message.type}: {message.text}"))
    new_page.on("pageerror", lambda error: new_page.messages.append(f"pageerror: {error}"))
    yield new_page
    context.close()


def sign_in(page, username):
    page.goto("/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "/dang-nhap/" not in url)


def test_a_list_at_390px_shows_results_first_and_filters_behind_one_button(phone):
    world = build_world()
    sign_in(phone, world.a.director.username)
    phone.goto("/quan-tri/don-vi/?kind=branch")

    table = phone.locator("main table").first
    panel = phone.locator("#filter-panel")
    toggle = phone.locator("#filter-toggle")
    assert table.is_visible()
    assert not panel.is_visible(), "the filters wait behind the button"
    assert toggle.is_visible()
    assert toggle.inner_text().split() == ["Bộ", "lọc", "1"], "the button counts the filters in use"
    # Results first: the table starts on the first screen, right under the heading and the button.
    box = table.bounding_box()
    assert box is not None and box["y"] < PHONE["height"] / 2
    assert "Chi nhánh 1 A" in table.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "list-390-closed.png"), full_page=True)

    toggle.click()
    # Bootstrap ignores a toggle while the panel is still opening: wait for the end of the transition.
    phone.locator("#filter-panel.collapse.show").wait_for()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert phone.get_by_label("Loại đơn vị").is_visible()
    phone.screenshot(path=str(ARTIFACTS / "list-390-open.png"), full_page=True)

    toggle.click()
    panel.wait_for(state="hidden")
    assert_no_csp_violations(phone.messages)
    assert not [m for m in phone.messages if m.startswith("pageerror:")], phone.messages


def test_on_a_desktop_the_filters_are_shown_without_a_button(page, login):
    world = build_world()
    login(world.a.director.username, PASSWORD)
    page.goto("/quan-tri/don-vi/")
    assert page.locator("#filter-panel").is_visible()
    assert not page.locator("#filter-toggle").is_visible()


def test_intake_form_panel_stays_below_the_top_bar_and_papers_follow_the_categories(page, login, screenshot):
    world = build_world()
    login(world.a.intake.username, PASSWORD)
    page.goto("/tiep-nhan/yeu-cau/moi/")
    result = page.locator("#eligibility-result")
    result.locator(".eligibility-result[data-proofs]").wait_for(state="attached")

    # Folded: the eligibility facts and the papers.
    assert not page.locator("#id_household").is_visible()
    papers = page.locator("#papers-received [data-paper]")
    total = papers.count()
    assert total > 5

    page.locator("#facts-section > summary").click()
    page.locator("#papers-section > summary").click()
    page.locator("#id_person-full_name").fill("Lò Văn Sáng")
    page.locator("#id_person-date_of_birth").fill("02/03/1985")
    page.locator("#id_disability").check()
    page.locator("#id_household").select_option("near_poor")
    result.locator('.eligibility-result[data-eligible="yes"]').wait_for()
    disability = page.locator('#papers-received [data-paper="disability_certificate"]')
    disability.wait_for(state="visible")
    visible = [papers.nth(i).is_visible() for i in range(total)]
    assert 0 < sum(visible) < total, "only the papers of the categories that may apply"
    page.locator("#papers-show-all").click()
    assert all(papers.nth(i).is_visible() for i in range(total))

    # Scrolled down, the sticky eligibility panel stays under the top bar, never over it.
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(200)
    header = page.locator("header.navbar").bounding_box()
    panel = page.locator("#eligibility-panel").bounding_box()
    assert panel["y"] >= header["y"] + header["height"]
    top_element = page.evaluate(
        "() => { const b = document.querySelector('header.navbar').getBoundingClientRect();"
        " const el = document.elementFromPoint(b.right - 30, b.top + b.height / 2);"
        " return !!el.closest('header'); }"
    )
    assert top_element, "the top bar is on top"
    screenshot("intake-form-layout")
    assert re.search(r"/tiep-nhan/yeu-cau/moi/$", page.url)
