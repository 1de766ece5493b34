"""In a real browser (Debian's chromium through Playwright; fixtures in ``legalaid/conftest.py``):

1. an officer records an outreach session in an especially difficult commune and the director's home page shows the
   yearly target move;
2. with the browser context offline, an officer records a mobile session with two requests, reloads the page while
   offline (the service worker serves it, the requests are still there), goes back online, and both requests are in
   the intake queue once.
"""

import re

import pytest
from django.utils import timezone

from legalaid.core.tests.factories import PASSWORD, build_world
from legalaid.intake.models import LegalAidRequest

from .. import services
from ..models import MobileEntry, OutreachSession, OutreachTarget
from .factories import commune_of, flag

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_session_in_an_especially_difficult_commune_moves_the_target(page, login, screenshot):
    world = build_world()
    difficult = commune_of(world.a.centre, 2)
    flag(difficult)
    services.target_save(
        actor=world.a.director,
        target=OutreachTarget(year=timezone.localdate().year, measure="sessions_difficult", comparison=">", value=50),
    )
    login(world.a.director.username, PASSWORD)
    panel = page.locator("#outreach-targets")
    assert "0 / trên 50" in panel.inner_text()

    page.context.clear_cookies()
    login(world.a.officer.username, PASSWORD)
    page.get_by_role("link", name="Truyền thông, lưu động").first.click()
    page.locator("#session-add").click()
    page.locator("#id_form").select_option("meeting")
    page.locator("#id_commune").select_option(str(difficult.pk))
    page.locator("#id_place").fill("Thôn Nà Pàn")
    page.locator("#id_topic").fill("Quyền được trợ giúp pháp lý của người dân tộc thiểu số")
    page.locator("#id_audience_total").fill("60")
    page.locator("#id_audience_women").fill("70")
    page.locator("#session-save").click()
    page.get_by_text("Không được lớn hơn tổng số người tham dự (60).").first.wait_for()
    assert not OutreachSession.objects.exists()
    page.locator("#id_audience_women").fill("32")
    page.locator("#id_cost").fill("1.800.000")
    page.locator("#session-save").click()
    page.wait_for_url(re.compile(r"/truyen-thong/\d+/$"))
    assert "ĐBKK" in page.locator("#session-commune").inner_text()
    screenshot("outreach-session")

    page.context.clear_cookies()
    login(world.a.director.username, PASSWORD)
    assert "1 / trên 50" in page.locator("#outreach-targets").inner_text()


def _type_entry(page, name, sex, year, summary):
    page.locator("#me-name").fill(name)
    page.locator("#me-sex").select_option(sex)
    page.locator("#me-year").fill(year)
    page.locator("#me-field").select_option("land")
    page.locator("#me-summary").fill(summary)
    page.locator("#me-save").click()


def test_a_mobile_session_typed_offline_reaches_the_intake_queue_once(page, login, screenshot):
    world = build_world()
    commune = commune_of(world.a.centre, 3)
    login(world.a.officer.username, PASSWORD)
    page.goto("/truyen-thong/luu-dong/")
    page.locator("#mobile-status[data-offline-ready='1']").wait_for()

    page.context.set_offline(True)
    assert page.evaluate("fetch('/truyen-thong/luu-dong/ma/').then(() => 'reached', () => 'offline')") == "offline"
    page.locator("#ms-commune").select_option(str(commune.pk))
    page.locator("#ms-place").fill("Bản Khuổi Phầy")
    page.locator("#ms-audience").fill("35")
    _type_entry(page, "Hoàng Văn Sử", "male", "1968", "Tranh chấp ranh giới đất nương với nhà bên cạnh")
    # A half-typed second request: kept on the device as it is typed, even through a reload.
    page.locator("#me-name").fill("Lý Thị Mẩy")
    page.reload()
    assert page.locator("#me-name").input_value() == "Lý Thị Mẩy"
    assert page.locator("#ms-place").input_value() == "Bản Khuổi Phầy"
    page.locator("#me-sex").select_option("female")
    page.locator("#me-year").fill("1975")
    page.locator("#me-field").select_option("land")
    page.locator("#me-summary").fill("Được cấp giấy chứng nhận quyền sử dụng đất chưa đúng diện tích")
    page.locator("#me-save").click()
    assert page.locator(".mobile-entry[data-status='pending']").count() == 2

    page.reload()  # offline: the service worker serves the page, the two requests are still on the device
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    assert page.locator(".mobile-entry[data-status='pending']").count() == 2
    assert not LegalAidRequest.objects.exists()
    screenshot("outreach-mobile-offline")

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.locator(".mobile-entry[data-status='received']").nth(1).wait_for()
    page.locator("#mobile-send").click()  # sending again creates nothing twice
    page.wait_for_timeout(500)
    screenshot("outreach-mobile-sent")

    requests = LegalAidRequest.objects.filter(channel="mobile_session")
    assert sorted(r.beneficiary.full_name for r in requests) == ["Hoàng Văn Sử", "Lý Thị Mẩy"]
    assert OutreachSession.objects.get().commune == commune
    assert MobileEntry.objects.filter(request__isnull=False).count() == 2

    page.goto("/tiep-nhan/")
    table = page.locator("main").inner_text()
    assert table.count("Hoàng Văn Sử") == 1 and table.count("Lý Thị Mẩy") == 1
