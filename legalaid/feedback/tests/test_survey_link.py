"""The one-time survey link: unguessable, stored as a hash, expiring, single use, no login; the public page shows only
the questionnaire and the Centre's name; tampered, expired, reused or revoked links get a clear page, never a 500,
and nothing is saved twice; requests are limited per address."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from legalaid.feedback import services
from legalaid.feedback.choices import Respondent, Source, SurveyChannel
from legalaid.feedback.models import FeedbackEntry, SurveyInvitation, SurveyResponse

from .factories import case_with_provider, form_data


@pytest.fixture
def issued(world):
    case, provider = case_with_provider(world)
    issued = services.invitation_create(actor=world.a.officer, case=case, respondent=Respondent.BENEFICIARY)
    return issued, case, provider


def public_url(token: str) -> str:
    return reverse("survey_public", kwargs={"token": token})


def test_the_token_is_long_random_and_only_its_hash_is_stored(issued):
    issued, *_ = issued
    assert len(issued.token) >= 40
    row = SurveyInvitation.objects.get(pk=issued.invitation.pk)
    assert row.token_hash == services.hash_token(issued.token) != issued.token
    values = [str(v) for v in SurveyInvitation.objects.filter(pk=row.pk).values_list(flat=False).first()]
    assert issued.token not in " ".join(values)
    # No name or case code in the URL: only the token.
    assert public_url(issued.token) == f"/khao-sat/{issued.token}/"


def test_the_public_page_shows_the_questions_and_the_centre_name_only(issued):
    issued, case, provider = issued
    response = Client().get(public_url(issued.token))
    assert response.status_code == 200
    html = response.content.decode()
    assert case.centre.name in html
    assert "Thái độ của người thực hiện" in html
    for secret in (case.code, case.beneficiary.full_name, provider.full_name, case.request.summary):
        assert secret not in html
    assert "<script" not in html and "style=" not in html
    assert "name='csrfmiddlewaretoken'" in html
    assert response["Cache-Control"].startswith("no-store") or "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_answering_saves_once_and_a_second_use_gets_a_clear_page(issued):
    issued, case, provider = issued
    client = Client(enforce_csrf_checks=True)
    page = client.get(public_url(issued.token))
    token = re.search(r"name='csrfmiddlewaretoken' value='([^']+)'", page.content.decode()).group(1)
    data = form_data(csrfmiddlewaretoken=token)
    response = client.post(public_url(issued.token), data)
    assert response.status_code == 302 and response["Location"] == reverse("survey_thanks")
    saved = SurveyResponse.objects.get()
    assert saved.case == case and saved.channel == SurveyChannel.LINK and saved.entered_by is None
    assert list(saved.providers.all()) == [provider]
    assert saved.answers.count() == 4 and all(a.satisfied for a in saved.answers.all())
    again = client.post(public_url(issued.token), data)
    assert again.status_code == 410
    assert "đã được trả lời" in again.content.decode()
    assert SurveyResponse.objects.count() == 1
    assert client.get(public_url(issued.token)).status_code == 410


def test_without_the_csrf_token_nothing_is_saved(issued):
    issued, *_ = issued
    response = Client(enforce_csrf_checks=True).post(public_url(issued.token), form_data())
    assert response.status_code == 403
    assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize(
    "mangle", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: t[:20], lambda t: "x" * 43]
)
def test_a_tampered_token_gets_a_clear_page(issued, mangle):
    issued, *_ = issued
    response = Client().get(public_url(mangle(issued.token)))
    assert response.status_code == 404
    assert "Đường liên kết không đúng" in response.content.decode()
    response = Client().post(public_url(mangle(issued.token)), form_data())
    assert response.status_code == 404 and not SurveyResponse.objects.exists()


def test_an_expired_link_gets_a_clear_page_and_saves_nothing(issued):
    issued, *_ = issued
    SurveyInvitation.objects.filter(pk=issued.invitation.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    response = Client().post(public_url(issued.token), form_data())
    assert response.status_code == 410
    assert "hết hạn" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_a_new_invitation_revokes_the_old_one(world, issued):
    old, case, _ = issued
    new = services.invitation_create(actor=world.a.officer, case=case, respondent=Respondent.BENEFICIARY)
    response = Client().get(public_url(old.token))
    assert response.status_code == 410 and "thư mời mới" in response.content.decode()
    assert Client().get(public_url(new.token)).status_code == 200


def test_the_answers_go_to_the_invitations_case_whatever_the_form_says(world, issued):
    issued, case, _ = issued
    other, _ = case_with_provider(world)
    Client().post(public_url(issued.token), form_data(case=other.pk, case_id=other.pk))
    assert SurveyResponse.objects.get().case == case
    assert not SurveyResponse.objects.filter(case=other).exists()


def test_a_missing_answer_is_shown_beside_the_question_and_nothing_is_saved(issued):
    issued, *_ = issued
    data = form_data()
    first = sorted(k for k in data)[0]
    data.pop(first)
    response = Client().post(public_url(issued.token), data)
    assert response.status_code == 200
    assert "Hãy chọn một mức cho câu hỏi này." in response.content.decode()
    assert not SurveyResponse.objects.exists()
    assert SurveyInvitation.objects.get().used_at is None


def test_a_foreign_option_is_refused(issued):
    issued, *_ = issued
    data = form_data()
    key = sorted(data)[0]
    data[key] = "999999"
    response = Client().post(public_url(issued.token), data)
    assert response.status_code == 200 and not SurveyResponse.objects.exists()


def test_a_comment_marked_as_complaint_enters_the_register(issued):
    issued, case, provider = issued
    Client().post(
        public_url(issued.token),
        form_data(comment="Luật sư không gọi lại cho tôi", comment_is_complaint="on"),
    )
    entry = FeedbackEntry.objects.get()
    assert entry.source == Source.SURVEY and entry.case == case and entry.provider == provider
    assert entry.survey_response == SurveyResponse.objects.get()
    assert entry.responsible is None and entry.due_on is not None


def test_requests_are_limited_per_address(issued, settings):
    issued, *_ = issued
    settings.SURVEY_RATE_LIMIT = 3
    client = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(3):
        assert client.get(public_url("x" * 43)).status_code == 404
    limited = client.get(public_url(issued.token))
    assert limited.status_code == 429
    assert "Quá nhiều lượt truy cập" in limited.content.decode()
    # Another address is not limited.
    assert Client(REMOTE_ADDR="203.0.113.10").get(public_url(issued.token)).status_code == 200


def test_staff_print_the_invitation_with_its_qr_code(client, world):
    case, _ = case_with_provider(world)
    client.force_login(world.a.officer)
    url = reverse("feedback:invitation_create", kwargs={"case_pk": case.pk})
    assert client.get(url).status_code == 200
    response = client.post(url, {"respondent": "judge"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "/khao-sat/" in html
    assert response["Cache-Control"] == "no-store"
    invitation = SurveyInvitation.objects.get()
    assert invitation.version.questionnaire.audience == "official"
    token = re.search(r'id="invitation-link">[^<]*/khao-sat/([A-Za-z0-9_-]+)/<', html).group(1)
    assert services.hash_token(token) == invitation.token_hash


@pytest.mark.parametrize("persona", ["lawyer", "collaborator", "agency_officer", "doj_officer"])
def test_who_may_not_print_an_invitation(client, world, persona):
    case, _ = case_with_provider(world)
    client.force_login(getattr(world.a, persona))
    url = reverse("feedback:invitation_create", kwargs={"case_pk": case.pk})
    assert client.post(url, {"respondent": "beneficiary"}).status_code in (403, 404)
    assert not SurveyInvitation.objects.exists()


def test_another_centres_staff_cannot_invite_for_the_case(client, world):
    case, _ = case_with_provider(world)
    client.force_login(world.b.officer)
    url = reverse("feedback:invitation_create", kwargs={"case_pk": case.pk})
    assert client.post(url, {"respondent": "beneficiary"}).status_code == 404
