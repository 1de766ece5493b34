"""A numbered decision is confirmed first (issue 8 item 4): the assignment and change pages show the decision
(provider, case, date, grounds) without writing anything or taking a number; only the confirming POST makes it, with
the next number; a change made meanwhile by someone else (the case's version) is refused with a clear message."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from legalaid.cases.models import LegalAidCase
from legalaid.cases.tests.factories import accepted_case
from legalaid.core.tests.html import parse
from legalaid.providers.models import Assignment, DecisionCounter

from .factories import ProviderFactory, assigned_case, provider_for


def assign_url(case):
    return reverse("providers:case_assign", kwargs={"pk": case.pk})


def change_url(case):
    return reverse("providers:case_change", kwargs={"pk": case.pk})


def last_number(case) -> int:
    counter = DecisionCounter.objects.filter(organisation=case.branch or case.centre).first()
    return counter.last_number if counter else 0


@pytest.fixture
def setup(client, world):
    officer = provider_for(world.a.officer)
    case = accepted_case(world.a.director)
    # One decision already taken this year: the confirmed one must be number 2, the preview must not move it.
    assigned_case(world.a.director, ProviderFactory(centre=world.a.centre))
    client.force_login(world.a.director)
    return officer, case


def test_first_post_shows_the_decision_and_writes_nothing(client, setup):
    officer, case = setup
    before = last_number(case)
    response = client.post(assign_url(case), {"provider": officer.pk, "version": case.version})
    assert response.status_code == 200
    doc = parse(response)
    preview = doc.xpath('//*[@id="decision-preview"]')[0].text_content()
    assert officer.full_name in preview and case.code in preview
    assert timezone.localdate().strftime("%d/%m/%Y") in preview
    assert "Số quyết định được cấp khi xác nhận" in preview
    grounds = doc.xpath('//*[@id="decision-grounds"]')[0].text_content()
    assert "Luật Trợ giúp pháp lý số 11/2017/QH14" in grounds and "12/2018/TT-BTP" in grounds and case.code in grounds
    form = doc.xpath('//form[@id="confirm-form"]')[0]
    hidden = {i.get("name"): i.get("value") for i in form.xpath('.//input[@type="hidden"]')}
    assert hidden["provider"] == str(officer.pk) and hidden["version"] == str(case.version)
    buttons = {b.get("value"): b.text_content() for b in form.xpath(".//button")}
    assert buttons == {"confirm": "Xác nhận và cấp số", "back": "Quay lại"}
    assert not Assignment.objects.filter(case=case).exists()
    assert last_number(case) == before
    case.refresh_from_db()
    assert case.status == "accepted"


def test_confirming_post_assigns_with_the_next_number(client, setup):
    officer, case = setup
    before = last_number(case)
    data = {"provider": officer.pk, "version": case.version}
    client.post(assign_url(case), data)
    response = client.post(assign_url(case), {**data, "step": "confirm"})
    assert response.status_code == 302
    assignment = Assignment.objects.get(case=case)
    assert assignment.provider == officer and assignment.decision_number == before + 1
    assert last_number(case) == before + 1
    message = [str(m) for m in get_messages(response.wsgi_request)][-1]
    assert assignment.decision_code in message and case.code in message
    assert message.endswith("Tiếp theo: người thực hiện bắt đầu thực hiện vụ việc.")


def test_back_returns_to_the_choice(client, setup):
    officer, case = setup
    response = client.post(assign_url(case), {"provider": officer.pk, "version": case.version, "step": "back"})
    assert response.status_code == 200
    assert parse(response).xpath(f'//tr[@id="provider-row-{officer.pk}"]//button')
    assert not Assignment.objects.filter(case=case).exists()


def test_a_change_meanwhile_is_refused_at_confirmation(client, world, setup):
    officer, case = setup
    before = last_number(case)
    data = {"provider": officer.pk, "version": case.version}
    assert client.post(assign_url(case), data).status_code == 200
    # Someone else changes the case between the preview and the confirmation.
    LegalAidCase.objects.filter(pk=case.pk).update(version=case.version + 1)
    response = client.post(assign_url(case), {**data, "step": "confirm"})
    assert response.status_code == 200
    errors = parse(response).xpath('//*[@id="assign-errors"]')[0].text_content()
    assert "vừa được người khác cập nhật" in errors
    assert not Assignment.objects.filter(case=case).exists()
    assert last_number(case) == before


def test_a_provider_who_became_unassignable_is_refused_at_confirmation(client, setup):
    officer, case = setup
    data = {"provider": officer.pk, "version": case.version}
    assert client.post(assign_url(case), data).status_code == 200
    officer.is_active = False
    officer.save()
    response = client.post(assign_url(case), {**data, "step": "confirm"})
    assert response.status_code == 200
    assert "không còn thực hiện trợ giúp pháp lý" in parse(response).xpath('//*[@id="assign-errors"]')[0].text_content()
    assert not Assignment.objects.filter(case=case).exists()


def test_change_is_confirmed_first(client, world, setup):
    officer, _case = setup
    case = assigned_case(world.a.director, officer)
    new = ProviderFactory(centre=world.a.centre, full_name="Người Mới")
    before = last_number(case)
    today = timezone.localdate().strftime("%d/%m/%Y")
    data = {"provider": new.pk, "version": case.version, "requested_on": today, "reason": "Đề nghị của đương sự"}
    response = client.post(change_url(case), data)
    assert response.status_code == 200
    preview = parse(response).xpath('//*[@id="decision-preview"]')[0].text_content()
    for text in ("Người Mới", officer.full_name, "Đề nghị của đương sự", case.code, "được cấp khi xác nhận"):
        assert text in preview, text
    assert Assignment.objects.filter(case=case).count() == 1 and last_number(case) == before

    # "Quay lại" brings the form back filled in.
    back = client.post(change_url(case), {**data, "step": "back"})
    assert parse(back).xpath('//textarea[@name="reason"]')[0].text_content().strip() == "Đề nghị của đương sự"

    response = client.post(change_url(case), {**data, "step": "confirm"})
    assert response.status_code == 302
    current = Assignment.objects.get(case=case, is_active=True)
    assert current.provider == new and current.decision_number == before + 1
    message = [str(m) for m in get_messages(response.wsgi_request)][-1]
    assert message.endswith("Tiếp theo: Người Mới tiếp tục thực hiện vụ việc.")


def test_change_with_a_stale_version_is_refused(client, world, setup):
    officer, _case = setup
    case = assigned_case(world.a.director, officer)
    new = ProviderFactory(centre=world.a.centre)
    today = timezone.localdate().strftime("%d/%m/%Y")
    data = {"provider": new.pk, "version": case.version - 1, "requested_on": today, "reason": "Lý do"}
    for step in ("", "confirm"):
        response = client.post(change_url(case), {**data, "step": step})
        assert response.status_code == 200
        assert "vừa được người khác cập nhật" in response.content.decode()
    assert Assignment.objects.filter(case=case).count() == 1
