"""Refusing (Art. 30(3)) and transferring a request are confirmed first (issue 8 item 4): the first POST shows the
decision and writes nothing; the confirming POST makes it; a change made meanwhile is refused with a clear message.
The success messages of every decision say what comes next and who does it (issue 8 item 1)."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from legalaid.core.tests.html import parse
from legalaid.intake.choices import RefusalGround, RequestStatus
from legalaid.intake.models import LegalAidRequest, RequestDecision
from legalaid.intake.tests.factories import receive_request


def refuse(request):
    return reverse("intake:request_refuse", kwargs={"pk": request.pk})


def transfer(request):
    return reverse("intake:request_transfer", kwargs={"pk": request.pk})


def last_message(response) -> str:
    return [str(m) for m in get_messages(response.wsgi_request)][-1]


@pytest.fixture
def received(client, world):
    client.force_login(world.a.intake)
    return receive_request(world.a.intake)


REFUSAL = {"refuse-version": 1, "refuse-ground": RefusalGround.DECEASED, "refuse-note": "Người được trợ giúp đã mất"}


def test_refusal_preview_writes_nothing(client, received):
    response = client.post(refuse(received), REFUSAL)
    assert response.status_code == 200
    doc = parse(response)
    preview = doc.xpath('//*[@id="decision-preview"]')[0].text_content()
    assert str(RefusalGround.DECEASED.label) in preview and "Người được trợ giúp đã mất" in preview
    assert received.beneficiary.full_name in preview
    assert "Khoản 3 Điều 30" in doc.xpath('//*[@id="decision-grounds"]')[0].text_content()
    hidden = {i.get("name"): i.get("value") for i in doc.xpath('//form[@id="confirm-form"]//input[@type="hidden"]')}
    assert hidden["refuse-version"] == "1" and hidden["refuse-ground"] == RefusalGround.DECEASED
    labels = [b.text_content() for b in doc.xpath('//form[@id="confirm-form"]//button')]
    assert labels == ["Xác nhận từ chối", "Quay lại"]
    assert not RequestDecision.objects.filter(request=received).exists()
    received.refresh_from_db()
    assert received.status == RequestStatus.RECEIVED and received.version == 1


def test_refusal_confirmed(client, received):
    response = client.post(refuse(received), {**REFUSAL, "step": "confirm"})
    assert response.status_code == 302
    assert RequestDecision.objects.get(request=received).refusal_ground == RefusalGround.DECEASED
    received.refresh_from_db()
    assert received.status == RequestStatus.REFUSED
    assert last_message(response) == (
        f"Đã từ chối yêu cầu số {received.pk}. Tiếp theo: người tiếp nhận gửi văn bản từ chối, nêu rõ lý do, "
        "cho người yêu cầu (Điều 30(3))."
    )


def test_back_brings_the_form_back_filled_in(client, received):
    response = client.post(refuse(received), {**REFUSAL, "step": "back"})
    assert response.status_code == 200
    doc = parse(response)
    assert doc.xpath('//textarea[@name="refuse-note"]')[0].text_content().strip() == "Người được trợ giúp đã mất"
    assert not RequestDecision.objects.filter(request=received).exists()


def test_a_change_meanwhile_is_refused(client, received):
    assert client.post(refuse(received), REFUSAL).status_code == 200
    LegalAidRequest.objects.filter(pk=received.pk).update(version=2)
    response = client.post(refuse(received), {**REFUSAL, "step": "confirm"})
    assert response.status_code == 200
    assert "vừa được người khác cập nhật" in parse(response).xpath('//*[@id="error-summary"]')[0].text_content()
    assert not RequestDecision.objects.filter(request=received).exists()
    # Already stale at the preview: refused there too.
    assert "vừa được người khác cập nhật" in client.post(refuse(received), REFUSAL).content.decode()


def test_transfer_preview_then_confirmation(client, received):
    data = {"transfer-version": 1, "transfer-transfer_to": "Trung tâm TGPL tỉnh B"}
    response = client.post(transfer(received), data)
    assert "Trung tâm TGPL tỉnh B" in parse(response).xpath('//*[@id="decision-preview"]')[0].text_content()
    assert not RequestDecision.objects.filter(request=received).exists()
    response = client.post(transfer(received), {**data, "step": "confirm"})
    assert response.status_code == 302
    assert last_message(response).endswith(
        "Tiếp theo: người tiếp nhận gửi yêu cầu đến Trung tâm TGPL tỉnh B và báo cho người yêu cầu biết."
    )


def test_acceptance_and_papers_say_what_comes_next(client, world, received):
    url = reverse("intake:request_ask_papers", kwargs={"pk": received.pk})
    response = client.post(url, {"papers-version": 1, "papers-missing_papers": "Sổ hộ nghèo"})
    received.refresh_from_db()
    due = received.papers_due_on.strftime("%d/%m/%Y")
    assert last_message(response) == (
        f"Đã yêu cầu bổ sung giấy tờ cho yêu cầu số {received.pk}. Tiếp theo: người yêu cầu bổ sung giấy tờ "
        f"trước ngày {due}; người tiếp nhận ghi nhận khi nhận đủ."
    )
    url = reverse("intake:request_accept", kwargs={"pk": received.pk})
    response = client.post(url, {"accept-version": 2, "accept-form_of_aid": received.desired_form_id})
    assert response.status_code == 302
    received.refresh_from_db()
    assert last_message(response) == (
        f"Đã thụ lý vụ việc {received.case.code}. Tiếp theo: Giám đốc cử người thực hiện."
    )
    branch = receive_request(world.a.branch_officer)
    client.force_login(world.a.branch_officer)
    url = reverse("intake:request_accept", kwargs={"pk": branch.pk})
    response = client.post(url, {"accept-version": 1, "accept-form_of_aid": branch.desired_form_id})
    assert last_message(response).endswith("Tiếp theo: Trưởng Chi nhánh cử người thực hiện.")
