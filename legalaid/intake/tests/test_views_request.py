"""The request pages from the outside: receive, view, decide; allowed and forbidden per role."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from legalaid.cases.models import LegalAidCase
from legalaid.core.models import AccessLogEntry
from legalaid.intake.choices import RefusalGround, RequestStatus
from legalaid.intake.models import LegalAidRequest, Referral
from legalaid.intake.tests.factories import receive_request
from legalaid.people.models import Person
from legalaid.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("intake:request_create")


def base_post(**extra) -> dict:
    today = timezone.localdate()
    from legalaid.intake.models import FieldOfLaw, FormOfAid

    data = {
        "channel": "in_person_centre",
        "received_on": today.strftime("%d/%m/%Y"),
        "received_time": "08:30",
        "requester_mode": "same",
        "relationship": "self",
        "field_of_law": FieldOfLaw.objects.get(code="civil").pk,
        "desired_form": FormOfAid.objects.get(code="advice").pk,
        "summary": "Tranh chấp đất đai với hàng xóm",
        "household": "poor",
    }
    data.update(extra)
    return data


def new_person(prefix="person", **extra) -> dict:
    data = {
        f"{prefix}-full_name": "Hoàng Thị Mai",
        f"{prefix}-sex": "female",
        f"{prefix}-date_of_birth": "02/03/1985",
        f"{prefix}-id_type": "none",
        f"{prefix}-id_number": "",
        f"{prefix}-nationality": "Việt Nam",
    }
    data.update({f"{prefix}-{k}": v for k, v in extra.items()})
    return data


def page_text(response) -> str:
    return response.content.decode()


# --- Receiving ---------------------------------------------------------------------------------------------------


def test_intake_staff_see_the_receive_page(client, world):
    client.force_login(world.a.intake)
    response = client.get(CREATE)
    assert response.status_code == 200
    text = page_text(response)
    assert "Tiếp nhận yêu cầu trợ giúp pháp lý" in text
    assert 'hx-post="/tiep-nhan/yeu-cau/xet-dien/"' in text


@pytest.mark.parametrize("persona", ["doj_officer", "lawyer", "collaborator", "agency_officer"])
def test_others_cannot_receive(client, world, persona):
    client.force_login(getattr(world.a, persona))
    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, {**base_post(), **new_person()}).status_code == 403
    assert not LegalAidRequest.objects.exists()


def test_receive_a_request_for_a_new_poor_household_member(client, world):
    client.force_login(world.a.intake)
    response = client.post(CREATE, {**base_post(proofs_provided=[]), **new_person()})
    assert response.status_code == 302, page_text(response)
    request = LegalAidRequest.objects.get()
    assert response.url == reverse("intake:request_detail", kwargs={"pk": request.pk})
    assert request.beneficiary.full_name == "Hoàng Thị Mai"
    assert request.requester == request.beneficiary
    assert request.centre == world.a.centre and request.branch is None
    assert [c.ref for c in request.categories.all()] == ["7.2"]
    assert request.eligibility_facts["household"] == "poor"
    assert request.eligibility_facts["date_of_birth"] == "1985-03-02"
    assert timezone.localtime(request.received_at).strftime("%H:%M") == "08:30"
    detail = page_text(client.get(response.url))
    assert "Giấy tờ chứng minh còn thiếu" in detail


def test_papers_received_are_stored_and_shown(client, world):
    from legalaid.eligibility.models import ProofDocument

    paper = ProofDocument.objects.filter(categories__ref="7.2").first()
    client.force_login(world.a.intake)
    response = client.post(CREATE, {**base_post(proofs_provided=[paper.code]), **new_person()})
    assert response.status_code == 302
    assert LegalAidRequest.objects.get().papers_received == [paper.code]
    assert paper.name in page_text(client.get(response.url))


def test_receive_for_an_existing_person_with_another_requester(client, world):
    beneficiary = PersonFactory(centre=world.a.centre, full_name="Trần Văn Bé", date_of_birth=dt.date(2015, 1, 1))
    client.force_login(world.a.intake)
    data = {
        **base_post(household="none", requester_mode="new", relationship="parent", beneficiary=beneficiary.pk),
        **new_person("requester", full_name="Trần Văn Cha"),
    }
    response = client.post(CREATE, data)
    assert response.status_code == 302, page_text(response)
    request = LegalAidRequest.objects.get()
    assert request.beneficiary == beneficiary
    assert request.requester.full_name == "Trần Văn Cha"
    assert request.relationship == "parent"
    assert "7.3" in [c.ref for c in request.categories.all()]  # a child (Art. 7(3))


def test_a_referral_stores_the_agency_and_the_deadline(client, world):
    client.force_login(world.a.intake)
    now = timezone.localtime()
    data = {
        **base_post(channel="referral"),
        **new_person(),
        "referral-agency": world.a.agency.pk,
        "referral-procedural_status": "held",
        "referral-requested_on": now.strftime("%d/%m/%Y"),
        "referral-requested_time": "07:00",
        "referral-referral_number": "12/CV",
    }
    response = client.post(CREATE, data)
    assert response.status_code == 302, page_text(response)
    referral = Referral.objects.get()
    assert referral.notify_hours == 12
    detail = client.get(response.url)
    assert "Hạn thông báo (Điều 31(3))" in page_text(detail)


def test_referral_agency_must_be_visible(client, world):
    client.force_login(world.a.intake)
    data = {
        **base_post(channel="referral"),
        **new_person(),
        "referral-agency": world.b.agency.pk,
        "referral-procedural_status": "held",
        "referral-requested_on": timezone.localdate().strftime("%d/%m/%Y"),
        "referral-requested_time": "07:00",
    }
    response = client.post(CREATE, data)
    assert response.status_code == 200
    assert not LegalAidRequest.objects.exists() and not Person.objects.exists()


def test_bad_input_shows_vietnamese_messages_and_saves_nothing(client, world):
    client.force_login(world.a.intake)
    data = {**base_post(summary="", received_on="31/02/2025"), **new_person(full_name="")}
    response = client.post(CREATE, data)
    assert response.status_code == 200
    text = page_text(response)
    assert 'id="error-summary"' in text
    assert '<a href="#id_summary">Tóm tắt nội dung vụ việc</a>: Trường này là bắt buộc.' in text
    assert '<a href="#id_received_on">Ngày tiếp nhận</a>: Nhập một ngày hợp lệ.' in text
    assert '<a href="#id_person-full_name">Họ và tên</a>: Trường này là bắt buộc.' in text
    assert not LegalAidRequest.objects.exists()
    assert not Person.objects.exists()


def test_business_field_is_refused_and_the_new_person_is_not_kept(client, world):
    from legalaid.intake.models import FieldOfLaw

    client.force_login(world.a.intake)
    business = FieldOfLaw.objects.get(code="business_commerce")
    response = client.post(CREATE, {**base_post(field_of_law=business.pk), **new_person()})
    assert response.status_code == 200
    assert "Điều 27" in page_text(response)
    assert not Person.objects.exists(), "the person created before the request was rolled back"
    assert not LegalAidRequest.objects.exists()


def test_person_search_finds_without_diacritics_within_scope(client, world):
    PersonFactory(centre=world.a.centre, full_name="Nguyễn Thị Hương")
    PersonFactory(centre=world.b.centre, full_name="Nguyễn Thị Hường")
    client.force_login(world.a.intake)
    response = client.post(
        reverse("intake:person_search"), {"beneficiary_q": "nguyen thi huong", "field": "beneficiary"}
    )
    text = page_text(response)
    assert "Nguyễn Thị Hương" in text
    assert "Nguyễn Thị Hường" not in text
    assert 'name="beneficiary"' in text


def test_eligibility_preview_uses_the_partial(client, world):
    client.force_login(world.a.intake)
    response = client.post(
        reverse("intake:eligibility_preview"), {**base_post(), **new_person()}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    text = page_text(response)
    assert 'data-eligible="yes"' in text and 'data-ref="7.2"' in text


def test_referral_fields_fragment(client, world):
    client.force_login(world.a.intake)
    url = reverse("intake:referral_fields")
    assert "referral-agency" in page_text(client.get(url, {"channel": "referral"}))
    assert "referral-agency" not in page_text(client.get(url, {"channel": "phone"}))


# --- Detail and decisions ----------------------------------------------------------------------------------------


def test_detail_shows_panels_and_logs_the_access(client, world):
    request = receive_request(world.a.intake)
    client.force_login(world.a.officer)
    response = client.get(reverse("intake:request_detail", kwargs={"pk": request.pk}))
    assert response.status_code == 200
    text = page_text(response)
    for label in ("Thụ lý", "Yêu cầu bổ sung giấy tờ", "Từ chối", "Chuyển", "7.2"):
        assert label in text
    assert AccessLogEntry.objects.filter(user=world.a.officer, object_id=str(request.pk)).exists()


def test_branch_officer_cannot_open_a_head_office_request(client, world):
    request = receive_request(world.a.intake)
    client.force_login(world.a.branch_officer)
    assert client.get(reverse("intake:request_detail", kwargs={"pk": request.pk})).status_code == 404


def test_other_centre_gets_404(client, world):
    request = receive_request(world.a.intake)
    client.force_login(world.b.director)
    assert client.get(reverse("intake:request_detail", kwargs={"pk": request.pk})).status_code == 404


def test_doj_officer_views_but_cannot_decide(client, world):
    request = receive_request(world.a.intake)
    client.force_login(world.a.doj_officer)
    response = client.get(reverse("intake:request_detail", kwargs={"pk": request.pk}))
    assert response.status_code == 200
    assert 'id="accept-form"' not in page_text(response)
    url = reverse("intake:request_accept", kwargs={"pk": request.pk})
    assert client.post(url, {"accept-version": 1, "accept-form_of_aid": request.desired_form_id}).status_code == 403
    request.refresh_from_db()
    assert request.status == RequestStatus.RECEIVED


@pytest.mark.parametrize("persona", ["lawyer", "collaborator", "agency_officer"])
def test_providers_cannot_open_requests(client, world, persona):
    request = receive_request(world.a.intake)
    client.force_login(getattr(world.a, persona))
    assert client.get(reverse("intake:request_detail", kwargs={"pk": request.pk})).status_code == 403


def test_accept_redirects_to_the_case(client, world):
    request = receive_request(world.a.intake)
    client.force_login(world.a.intake)
    response = client.post(
        reverse("intake:request_accept", kwargs={"pk": request.pk}),
        {"accept-version": request.version, "accept-form_of_aid": request.desired_form_id},
    )
    case = LegalAidCase.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("cases:case_detail", kwargs={"pk": case.pk})
    page = client.get(response.url, follow=True)  # intake's case URL leads to the case page (cases app)
    assert case.code in page_text(page)
    assert AccessLogEntry.objects.filter(object_id=str(case.pk), object_repr=case.code).exists()


def test_stale_version_message_at_the_top(client, world):
    request = receive_request(world.a.intake)
    client.force_login(world.a.intake)
    url = reverse("intake:request_ask_papers", kwargs={"pk": request.pk})
    first = client.post(url, {"papers-version": 1, "papers-missing_papers": "Sổ hộ nghèo"})
    assert first.status_code == 302
    response = client.post(
        reverse("intake:request_refuse", kwargs={"pk": request.pk}),
        {"refuse-version": 1, "refuse-ground": RefusalGround.DECEASED, "refuse-note": "Đã mất"},
    )
    assert response.status_code == 200
    assert "vừa được người khác cập nhật" in page_text(response)
    request.refresh_from_db()
    assert request.status == RequestStatus.AWAITING_PAPERS


def test_refuse_needs_a_reason_beside_the_field(client, world):
    request = receive_request(world.a.intake)
    client.force_login(world.a.intake)
    response = client.post(
        reverse("intake:request_refuse", kwargs={"pk": request.pk}),
        {"refuse-version": 1, "refuse-ground": RefusalGround.UNLAWFUL, "refuse-note": ""},
    )
    assert response.status_code == 200
    assert re.search(r'invalid-feedback d-block">[^<]+<', page_text(response))
    request.refresh_from_db()
    assert request.status == RequestStatus.RECEIVED


def test_conflict_needs_a_note(client, world):
    receive_request(world.a.intake, court_case_reference="01/2026/HS-ST")
    request = receive_request(world.a.intake, court_case_reference="01/2026/HS-ST")
    client.force_login(world.a.intake)
    url = reverse("intake:request_accept", kwargs={"pk": request.pk})
    detail = client.get(reverse("intake:request_detail", kwargs={"pk": request.pk}))
    assert "Cùng vụ án" in page_text(detail)
    response = client.post(url, {"accept-version": 1, "accept-form_of_aid": request.desired_form_id})
    assert response.status_code == 200
    assert "xung đột quyền lợi" in page_text(response)
    response = client.post(
        url,
        {"accept-version": 1, "accept-form_of_aid": request.desired_form_id, "accept-conflict_note": "Không đối lập"},
    )
    assert response.status_code == 302


def test_transfer(client, world):
    request = receive_request(world.a.intake)
    client.force_login(world.a.intake)
    url = reverse("intake:request_transfer", kwargs={"pk": request.pk})
    data = {"transfer-version": 1, "transfer-transfer_to": "Trung tâm TGPL tỉnh khác"}
    assert client.post(url, data).status_code == 200  # the preview (tests/test_views_confirm.py)
    response = client.post(url, {**data, "step": "confirm"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.TRANSFERRED


def test_case_detail_scoping(client, world):
    from legalaid.intake import services

    case = services.request_accept(actor=world.a.intake, request=receive_request(world.a.intake))
    url = reverse("cases:case_detail", kwargs={"pk": case.pk})
    client.force_login(world.a.branch_officer)
    assert client.get(url, follow=True).status_code == 404
    client.force_login(world.a.lawyer)  # not assigned to it: the case page does not confirm it exists
    assert client.get(url, follow=True).status_code == 404
    client.force_login(world.a.doj_officer)
    assert client.get(url, follow=True).status_code == 200


def test_especially_difficult_flag_comes_from_the_beneficiarys_commune(client, world):
    from legalaid.core.models import Commune, CommuneFlag
    from legalaid.people.models import Ethnicity

    commune = Commune.objects.first()
    CommuneFlag.objects.create(commune=commune, kind="especially_difficult", valid_from=dt.date(2020, 1, 1))
    person = PersonFactory(
        centre=world.a.centre,
        commune=commune,
        province=commune.province,
        ethnicity=Ethnicity.objects.filter(is_minority=True).first(),
    )
    client.force_login(world.a.intake)
    response = client.post(
        reverse("intake:eligibility_preview"),
        {**base_post(household="none"), "beneficiary": person.pk},
        HTTP_HX_REQUEST="true",
    )
    assert 'data-ref="7.4"' in page_text(response).split('id="eligibility-not-applicable"')[0]
    response = client.post(CREATE, {**base_post(household="none"), "beneficiary": person.pk})
    assert response.status_code == 302, page_text(response)
    request = LegalAidRequest.objects.get()
    assert "7.4" in [c.ref for c in request.categories.all()]
    assert request.eligibility_facts["lives_in_especially_difficult_area"] is True


def test_the_live_person_search_is_sent_by_post_only(client, world):
    """Issue 14 item 4: the name or number typed never goes into a URL; the page's search boxes use hx-post."""
    client.force_login(world.a.intake)
    assert client.get(reverse("intake:person_search"), {"beneficiary_q": "nguyen"}).status_code == 405
    page = client.get(reverse("intake:request_create")).content.decode()
    assert 'hx-get="' + reverse("intake:person_search") not in page
    assert page.count('hx-post="' + reverse("intake:person_search")) == 4
