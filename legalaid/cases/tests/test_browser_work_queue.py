"""Each role's home shows a work-queue item whose link leads to the page where the action is taken, and the menu
counts the waiting work (issue 8, items 1 and 9). Debian's chromium through Playwright; fixtures in
``legalaid/conftest.py``."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from legalaid.cases.models import CaseArchive
from legalaid.cases.tests.factories import accepted_case, case_in
from legalaid.conftest import assert_no_csp_violations
from legalaid.core.tests.factories import PASSWORD, build_world
from legalaid.intake.tests.factories import receive_request
from legalaid.providers.tests.factories import assigned_case, provider_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_each_role_reaches_its_work_from_the_home_page(page, login, console_messages, http_errors, screenshot):
    world = build_world()
    today = timezone.localdate()
    request = receive_request(world.a.intake)
    waiting = accepted_case(world.a.intake)
    provider = provider_for(world.a.lawyer)
    mine = assigned_case(world.a.director, provider, form="advice")
    handed = case_in(world.a.intake, "completed")
    CaseArchive.objects.create(
        case=handed, ended_on=today, handover_due_on=today + dt.timedelta(days=30), handed_over_on=today
    )

    journeys = [
        (world.a.intake, "requests_awaiting_decision", rf"/tiep-nhan/yeu-cau/{request.pk}/$", "#h-actions"),
        (
            world.a.director,
            "cases_awaiting_assignment",
            rf"/nguoi-thuc-hien/vu-viec/{waiting.pk}/cu-nguoi-thuc-hien/$",
            "main",
        ),
        (world.a.lawyer, "my_cases", rf"/vu-viec/{mine.pk}/$", "#case-actions"),
        (world.a.admin_staff, "files_to_archive", rf"/vu-viec/{handed.pk}/luu-tru/$", "main form"),
    ]
    for user, section, target, landmark in journeys:
        # Leave the last page first: its menu badge loads after it, and a response arriving after the cookies are
        # cleared would bring the previous person's session back.
        page.goto("about:blank")
        page.context.clear_cookies()
        login(user.username, PASSWORD)
        assert user.full_name in page.locator("header").inner_text()
        queue = page.locator(f'[data-section="{section}"]')
        queue.wait_for()
        badge = page.locator("#nav-work-count")
        badge.wait_for()
        assert int(badge.inner_text()) >= 1
        screenshot(f"work-queue-{user.role}")
        queue.locator("a.btn").first.click()
        page.wait_for_url(re.compile(target))
        assert page.locator(landmark).first.is_visible(), (section, landmark)

    assert_no_csp_violations(console_messages)
    assert not http_errors
