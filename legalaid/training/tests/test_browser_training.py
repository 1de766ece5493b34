"""Issue 10 item 4 in the browser: the director records a training with two legal aid officers; one officer sees
the hours on their home page move towards the 8-hour requirement (TT 12/2018/TT-BTP Art. 4)."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from legalaid.conftest import assert_no_csp_violations
from legalaid.core.tests.factories import PASSWORD, build_world
from legalaid.providers.tests.factories import ProviderFactory, provider_for
from legalaid.training.models import TrainingEvent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_record_a_training_and_see_the_officers_hours_move(page, login, console_messages, http_errors, screenshot):
    world = build_world()
    a = world.a
    officer = provider_for(a.officer)
    colleague = ProviderFactory(centre=a.centre, full_name="Lê Thị Cùng Học")
    today = timezone.localdate().strftime("%d/%m/%Y")

    # The officer's home page: nothing attended yet this year.
    login(a.officer.username, PASSWORD)
    page.goto("/")
    assert page.locator("#training-own-hours").inner_text() == "0,0"
    assert "Còn thiếu 8,0 giờ" in page.locator("#training-panel").inner_text()
    page.locator("#logout-button").click()

    # The director records a one-day training with both officers, 6 hours each; a first try with too many hours is
    # refused beside the field.
    login(a.director.username, PASSWORD)
    page.goto("/tap-huan/")
    page.get_by_role("link", name="Ghi nhận tập huấn, hội nghị").click()
    page.locator("#id_topic").fill("Kỹ năng tham gia tố tụng hình sự")
    page.locator("#id_starts_on").fill(today)
    page.locator("#id_ends_on").fill(today)
    page.locator("#id_organiser").fill("Cục Phổ biến, giáo dục pháp luật và Trợ giúp pháp lý")
    page.locator("#id_participants").select_option([str(officer.pk), str(colleague.pk)])
    page.locator("#id_hours").fill("10")
    page.locator("#event-form").get_by_role("button", name="Lưu").click()
    assert "vượt quá mức có thể của 1 ngày" in page.locator("#id_hours").locator("..").inner_text()
    assert not TrainingEvent.objects.exists()
    page.locator("#id_hours").fill("6")
    page.locator("#event-form").get_by_role("button", name="Lưu").click()
    page.wait_for_url(re.compile(r"/tap-huan/\d+/$"))
    table = page.locator("#participant-table").inner_text()
    assert officer.full_name in table and colleague.full_name in table
    screenshot("training-event")
    page.goto("/tap-huan/gio-boi-duong/")
    assert "6,0" in page.locator("#hours-table").inner_text()
    page.locator("#logout-button").click()

    # The officer sees 6 of 8 hours, 2 short.
    login(a.officer.username, PASSWORD)
    page.goto("/")
    assert page.locator("#training-own-hours").inner_text() == "6,0"
    assert "Còn thiếu 2,0 giờ" in page.locator("#training-panel").inner_text()
    screenshot("training-home-officer")

    assert not http_errors, http_errors
    assert_no_csp_violations(console_messages)
