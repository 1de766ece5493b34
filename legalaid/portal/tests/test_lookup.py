"""The status lookup: code + second item, plain words, nothing else; wrong guesses limited and logged; the missing
papers uploaded; staff see and download them through intake's scoping."""

from __future__ import annotations

import pytest
from django.urls import reverse

from legalaid.core.models import AccessLogEntry, AuditEntry
from legalaid.intake import services as intake_services
from legalaid.intake.tests.factories import poor_household_category
from legalaid.portal import codes
from legalaid.portal.models import SubmittedPaper
from legalaid.portal.tests.factories import communes, jpeg, submit

pytestmark = pytest.mark.django_db


def _open(client, code, address="127.0.0.1", **second):
    data = {"code": code, "item": "birth_date", "birth_date": "05/03/1960", "website": "", **second}
    return client.post(reverse("portal:lookup"), data, REMOTE_ADDR=address)


@pytest.fixture
def sent(world):
    served, _ = communes(world)
    return submit(served)


def test_the_right_code_and_birth_date_open_the_status(client, world, sent):
    response = _open(client, codes.display(sent.code).lower())
    assert response.status_code == 302 and response["Location"] == reverse("portal:status")
    html = client.get(reverse("portal:status")).content.decode()
    assert "Đã nhận, đang xem xét" in html
    # Nothing else: no name, no phone, no summary of the matter.
    assert "Lò Thị Mai" not in html and "0912" not in html and "lấn đất" not in html


def test_the_last_four_phone_digits_work_too(client, world, sent):
    response = _open(client, sent.code, item="phone", phone_last4="5678", birth_date="")
    assert response.status_code == 302


@pytest.mark.parametrize(
    "second",
    [{"birth_date": "06/03/1960"}, {"item": "phone", "phone_last4": "0000", "birth_date": ""}],
)
def test_a_wrong_second_item_is_refused_and_audited_without_the_code(client, world, sent, second):
    response = _open(client, sent.code, **second)
    assert response.status_code == 200 and 'id="not-found"' in response.content.decode()
    entry = AuditEntry.objects.filter(message__contains="status lookup refused").get()
    assert sent.code not in str(entry.__dict__) and codes.display(sent.code) not in str(entry.__dict__)
    assert client.get(reverse("portal:status")).status_code == 302


def test_an_unknown_code_gives_the_same_answer(client, world, sent):
    other = _open(client, "ACDE-FHJK-MNPR").content.decode()
    assert 'id="not-found"' in other


def test_wrong_guesses_lock_the_address(client, world, sent, settings):
    settings.PORTAL_LOOKUP_FAILURES = 3
    for _ in range(3):
        assert _open(client, "ACDE-FHJK-MNPR").status_code == 200
    # Even the right answer is refused now, from this address.
    assert _open(client, sent.code).status_code == 429
    assert _open(client, sent.code, address="10.1.1.1").status_code in (200, 302)


def _ask_papers(world, sent):
    request = sent.online.request
    intake_services.request_ask_papers(
        actor=world.a.branch_officer if request.branch_id else world.a.intake,
        request=request,
        missing_papers=["Giấy chứng nhận hộ cận nghèo"],
    )


def test_papers_asked_for_are_named_and_can_be_sent(client, world, sent):
    _ask_papers(world, sent)
    _open(client, sent.code)
    html = client.get(reverse("portal:status")).content.decode()
    assert "Cần bổ sung giấy tờ" in html and "Giấy chứng nhận hộ cận nghèo" in html
    response = client.post(reverse("portal:status"), {"papers": [jpeg()], "description": "Sổ cận nghèo", "website": ""})
    assert 'id="papers-sent"' in response.content.decode()
    paper = SubmittedPaper.objects.get(online=sent.online, stage="supplement")
    assert paper.description == "Sổ cận nghèo"


def test_a_bad_paper_is_refused_beside_the_field(client, world, sent):
    _open(client, sent.code)
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("anh.jpg", b"MZ\x90\x00 not an image", "image/jpeg")
    html = client.post(reverse("portal:status"), {"papers": [fake], "website": ""}).content.decode()
    assert "invalid-feedback" in html or "alert-danger" in html
    assert not SubmittedPaper.objects.exists()


def test_accepted_shows_the_case_code_and_refused_the_reason(client, world):
    _served, unserved = communes(world)
    accepted = submit(unserved)
    request = accepted.online.request
    request.categories.add(poor_household_category())
    case = intake_services.request_accept(actor=world.a.intake, request=request)
    _open(client, accepted.code)
    html = client.get(reverse("portal:status")).content.decode()
    assert case.code in html and "Đã thụ lý" in html

    refused = submit(unserved)
    intake_services.request_refuse(
        actor=world.a.intake, request=refused.online.request, ground="30.3.b", note="Nội dung ghi riêng của cán bộ"
    )
    client.session.flush()
    _open(client, refused.code)
    html = client.get(reverse("portal:status")).content.decode()
    assert "Nội dung yêu cầu trái pháp luật" in html and "khiếu nại" in html
    assert "Nội dung ghi riêng của cán bộ" not in html


def test_staff_see_the_papers_on_the_request_page_and_download_them(client, world):
    served, _ = communes(world)
    sent = submit(served, papers=[jpeg()])
    paper = SubmittedPaper.objects.get()
    url = reverse("portal:paper_download", kwargs={"pk": paper.pk})
    client.force_login(world.a.branch_officer)
    page = client.get(reverse("intake:request_detail", kwargs={"pk": sent.online.request.pk})).content.decode()
    assert 'id="online-papers"' in page and url in page
    response = client.get(url)
    assert response.status_code == 200
    assert AccessLogEntry.objects.filter(action="download", object_id=str(sent.online.request.pk)).exists()
    # Another Centre, and the head office for a branch's request: 404.
    for outsider in (world.b.intake, world.a.lawyer):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302
