"""Paper questionnaires typed in by staff, satisfaction rates (metrics with their drill-down), questionnaires as
versioned data, and the case page's panel."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from legalaid.core.tests.html import parse
from legalaid.feedback import figures, services
from legalaid.feedback.choices import Audience, Respondent, SurveyChannel
from legalaid.feedback.models import FeedbackEntry, Question, QuestionnaireVersion, ScaleOption, SurveyResponse
from legalaid.plans.metrics import get_metric

from .factories import all_answers, case_with_provider, form_data

TODAY = timezone.localdate


def enter(world, case, *, position=1, audience=Audience.BENEFICIARY, respondent=Respondent.BENEFICIARY, **kw):
    return services.response_enter(
        actor=world.a.officer,
        case=case,
        respondent=respondent,
        answered_on=kw.pop("answered_on", TODAY()),
        answers=all_answers(audience, position=position),
        **kw,
    )


def test_staff_type_in_a_paper_form_from_the_case(client, world):
    case, provider = case_with_provider(world)
    client.force_login(world.a.officer)
    url = reverse("feedback:survey_enter", kwargs={"case_pk": case.pk})
    assert client.get(url).status_code == 200
    data = form_data(position=4, respondent="relative", answered_on=TODAY().strftime("%d/%m/%Y"))
    data["comment"] = "Chưa được thông báo lịch xét xử"
    data["comment_is_complaint"] = "on"
    response = client.post(url, data)
    assert response.status_code == 302
    saved = SurveyResponse.objects.get()
    assert saved.channel == SurveyChannel.PAPER and saved.entered_by == world.a.officer
    assert saved.centre == case.centre and list(saved.providers.all()) == [provider]
    assert not any(a.satisfied for a in saved.answers.all())
    entry = FeedbackEntry.objects.get()
    assert entry.source == "survey" and entry.content == "Chưa được thông báo lịch xét xử"
    page = client.get(reverse("cases:case_detail", kwargs={"pk": case.pk}))
    panel = parse(page).get_element_by_id("case-feedback").text_content()
    assert "Người thân, người đại diện" in panel and f"Số {entry.code}" in panel


def test_a_missing_answer_saves_nothing(client, world):
    case, _ = case_with_provider(world)
    client.force_login(world.a.officer)
    data = form_data(respondent="beneficiary", answered_on=TODAY().strftime("%d/%m/%Y"))
    data.pop(sorted(k for k in data if k.startswith("q"))[0])
    response = client.post(reverse("feedback:survey_enter", kwargs={"case_pk": case.pk}), data)
    assert response.status_code == 200 and "Hãy chọn một mức" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_satisfaction_rates_per_centre_unit_and_provider(world):
    case, provider = case_with_provider(world)
    enter(world, case, position=1)  # 4 satisfied
    enter(world, case, position=2)  # 4 satisfied ("Hài lòng")
    enter(world, case, position=3)  # 4 not ("Bình thường")
    enter(world, case, position=1, audience=Audience.OFFICIAL, respondent=Respondent.JUDGE)
    start, end = TODAY() - dt.timedelta(days=1), TODAY()
    metric = get_metric("satisfaction_beneficiary_pct")
    assert metric.measure(world.a.centre, start, end) == Decimal("66.7")
    assert get_metric("satisfaction_officials_pct").measure(world.a.centre, start, end) == 100
    assert metric.measure(world.b.centre, start, end) is None
    answers = figures.rated_answers(start, end, Audience.BENEFICIARY)
    [by_provider] = figures.rates_by_provider(answers)
    assert (by_provider.label, by_provider.satisfied, by_provider.total) == (provider.full_name, 8, 12)
    [by_unit] = figures.rates_by_unit(answers, "Trụ sở")
    assert by_unit.label == "Trụ sở" and by_unit.total == 12
    assert "/phan-hoi/khao-sat/ty-le/?from=" in metric.drilldown_url(world.a.centre, start, end)


def test_the_report_and_the_drilldown_list(client, world, django_assert_num_queries):
    case, provider = case_with_provider(world)
    enter(world, case, position=1)
    client.force_login(world.a.director)
    metric = get_metric("satisfaction_beneficiary_pct")
    report = client.get(metric.drilldown_url(world.a.centre, TODAY(), TODAY()))
    html = report.content.decode()
    assert report.status_code == 200 and provider.full_name in html and "100,0%" in html
    listing = reverse("feedback:survey_list") + f"?centre={world.a.centre.pk}"
    client.get(listing)
    enter(world, case, position=2)
    with django_assert_num_queries(SURVEY_LIST_QUERIES):
        assert client.get(listing).status_code == 200
    client.force_login(world.b.director)
    assert provider.full_name not in client.get(reverse("feedback:survey_report")).content.decode()


#: Session read and save (savepoint, update, release), user, organisation (scope); the count and the page of answers
#: (case and questionnaire joined, the satisfied counts annotated). The same for 1 or 2 rows.
SURVEY_LIST_QUERIES = 5  # -3: the session is no longer saved on every request (issue 11)


def test_a_new_version_never_changes_answers_already_given(world):
    case, _ = case_with_provider(world)
    first = enter(world, case, position=2)
    old_version = first.version
    # The scale is edited afterwards: "Hài lòng" no longer counts as satisfied, and is renamed.
    option = ScaleOption.objects.get(scale__code="muc-do-hai-long", position=2)
    option.satisfied, option.label = False, "Tạm hài lòng"
    option.save()
    # A new version with one question fewer.
    new = QuestionnaireVersion.objects.create(
        questionnaire=old_version.questionnaire, number=2, valid_from=TODAY(), is_active=True
    )
    q = old_version.questions.first()
    Question.objects.create(version=new, position=1, aspect=q.aspect, text="Câu hỏi mới", scale=q.scale)
    assert services.current_version(Audience.BENEFICIARY) == new
    first.refresh_from_db()
    assert first.version == old_version and first.answers.count() == 4
    assert all(a.satisfied and a.option_label == "Hài lòng" for a in first.answers.all())
    assert services.version_has_answers(old_version) and not services.version_has_answers(new)


@pytest.mark.parametrize("persona", ["lawyer", "collaborator", "agency_officer"])
def test_who_may_not_read_answers(client, world, persona):
    case, _ = case_with_provider(world)
    response = enter(world, case)
    client.force_login(getattr(world.a, persona))
    assert client.get(reverse("feedback:response_detail", kwargs={"pk": response.pk})).status_code == 403
    assert client.get(reverse("feedback:survey_list")).status_code == 403


def test_another_centre_cannot_read_an_answer(client, world):
    case, _ = case_with_provider(world)
    response = enter(world, case)
    client.force_login(world.b.director)
    assert client.get(reverse("feedback:response_detail", kwargs={"pk": response.pk})).status_code == 404


def test_the_department_reads_the_answers_of_its_centres_but_does_not_enter_them(client, world):
    case, _ = case_with_provider(world)
    response = enter(world, case)
    client.force_login(world.a.doj_officer)
    assert client.get(reverse("feedback:response_detail", kwargs={"pk": response.pk})).status_code == 200
    url = reverse("feedback:survey_enter", kwargs={"case_pk": case.pk})
    assert client.post(url, form_data(respondent="beneficiary")).status_code == 403


def test_the_seeded_questionnaires(db):
    beneficiary = services.current_version(Audience.BENEFICIARY)
    aspects = list(beneficiary.questions.values_list("aspect", flat=True))
    assert {"attitude", "responsibility", "expertise"} <= set(aspects)
    assert services.current_version(Audience.OFFICIAL).questions.count() == 4
    levels = list(ScaleOption.objects.filter(scale__code="muc-do-hai-long").values_list("label", "satisfied"))
    assert levels[:2] == [("Rất hài lòng", True), ("Hài lòng", True)] and not any(s for _, s in levels[2:])
