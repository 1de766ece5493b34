"""The evaluation pages from the outside, as each role, end to end: plan, sample, approval, team, opinion,
conclusion with a follow-up, the Centre's view of the result and its follow-up done; query counts pinned."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from legalaid.core.tests.html import field_errors, parse
from legalaid.providers.tests.factories import ProviderFactory, provider_for
from legalaid.quality import services
from legalaid.quality.models import Evaluation, EvaluationPlan, FollowUp, ResultLevel
from legalaid.quality.tests.factories import completed_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(world):
    officer = provider_for(world.a.officer)
    out = [completed_case(world.a.director, officer) for _ in range(3)]
    out.append(completed_case(world.a.director, ProviderFactory(centre=world.a.centre, full_name="Người B")))
    return out


def d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def test_plan_to_follow_up_done(client, world, cases):
    today = timezone.localdate()
    client.force_login(world.a.doj_officer)
    response = client.post(
        reverse("quality:plan_create"),
        {
            "title": "Kế hoạch đánh giá chất lượng 2026",
            "centres": [world.a.centre.pk],
            "period_start": d(today.replace(month=1, day=1)),
            "period_end": d(today),
            "sample_ratio": "25",
            "method": "files",
        },
    )
    assert response.status_code == 302, field_errors(response)
    plan = EvaluationPlan.objects.get()
    doc = parse(client.get(response["Location"]))
    assert len(doc.xpath('//table[@id="sample-table"]/tbody/tr')) == 2  # 25% of 4, and both providers covered
    response = client.post(reverse("quality:plan_approve", kwargs={"pk": plan.pk}), {"version": plan.version})
    assert "Tiếp theo" in client.get(response["Location"]).content.decode()
    evaluation = Evaluation.objects.order_by("pk").first()

    # The Department's work list shows it.
    home = parse(client.get(reverse("home")))
    assert reverse("quality:evaluation_detail", kwargs={"pk": evaluation.pk}) in home.xpath("//a/@href")

    url = reverse("quality:evaluation_detail", kwargs={"pk": evaluation.pk})
    client.post(reverse("quality:team_add", kwargs={"pk": evaluation.pk}), {"role": "lead", "name": "Trưởng đoàn A"})
    client.post(
        reverse("quality:team_add", kwargs={"pk": evaluation.pk}),
        {"role": "expert", "name": "Luật sư Chuyên Gia", "affiliation": "Đoàn Luật sư tỉnh"},
    )
    expert = evaluation.team.get(role="expert")
    conclude = {
        "findings": "Hồ sơ thiếu bản bảo vệ",
        "conclusion": "Chưa đạt",
        "result_level": ResultLevel.objects.get(code="khong_dat").pk,
        "version": evaluation.version,
        "follow_up_1": "Bổ sung bản bảo vệ vào hồ sơ",
        "follow_up_1_due": d(today + dt.timedelta(days=20)),
    }
    response = client.post(reverse("quality:evaluation_conclude", kwargs={"pk": evaluation.pk}), conclude)
    assert response.status_code == 200
    assert "Luật sư Chuyên Gia" in field_errors(response)["__all__"][0]  # the expert's written opinion is missing
    response = client.post(
        reverse("quality:opinion_record", kwargs={"pk": evaluation.pk, "member_pk": expert.pk}),
        {f"m{expert.pk}-opinion": "Hồ sơ chưa đủ", f"m{expert.pk}-opinion_on": d(today)},
    )
    assert response.status_code == 302
    response = client.post(reverse("quality:evaluation_conclude", kwargs={"pk": evaluation.pk}), conclude)
    assert response.status_code == 302, field_errors(response)
    assert "Giám đốc Trung tâm TGPL A thực hiện 1 yêu cầu" in client.get(url).content.decode()

    # The Centre sees the result and its follow-up on the director's work list, and records it done.
    client.force_login(world.a.director)
    follow_up = FollowUp.objects.get()
    done_url = reverse("quality:follow_up_done", kwargs={"pk": follow_up.pk})
    assert done_url in parse(client.get(reverse("home"))).xpath("//a/@href")
    assert "Hồ sơ thiếu bản bảo vệ" in client.get(url).content.decode()
    response = client.post(done_url, {"done_on": d(today), "done_note": "Đã bổ sung"})
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.status == "done"


@pytest.mark.parametrize(
    ("persona", "status"),
    [("doj_officer", 200), ("director", 403), ("officer", 403), ("lawyer", 403), ("agency_officer", 403)],
)
def test_plan_pages_are_the_departments(client, world, persona, status):
    client.force_login(getattr(world.a, persona))
    assert client.get(reverse("quality:plan_list")).status_code == status
    assert client.get(reverse("quality:plan_create")).status_code == status
    assert client.get(reverse("quality:evaluation_start")).status_code == status


def _open(world, case):
    return services.evaluation_start(
        actor=world.a.doj_officer, case=case, origin="complaint", trigger_reference="Đơn", received_on=dt.date.today()
    )


@pytest.mark.parametrize(
    ("persona", "status"),
    [("doj_officer", 200), ("director", 404), ("officer", 404), ("lawyer", 403)],
)
def test_an_open_evaluation_is_the_departments_until_concluded(client, world, cases, persona, status):
    evaluation = _open(world, cases[0])
    client.force_login(getattr(world.a, persona))
    assert client.get(reverse("quality:evaluation_detail", kwargs={"pk": evaluation.pk})).status_code == status


def test_another_department_gets_404(client, world, cases):
    evaluation = _open(world, cases[0])
    client.force_login(world.b.doj_officer)
    assert client.get(reverse("quality:evaluation_detail", kwargs={"pk": evaluation.pk})).status_code == 404
    assert cases[0].code not in client.get(reverse("quality:evaluation_list")).content.decode()


def test_trigger_form_names_a_case_not_found(client, world, cases):
    client.force_login(world.a.doj_officer)
    response = client.post(
        reverse("quality:evaluation_start"),
        {
            "centre": world.a.centre.pk,
            "code": "TT.TGTT.99.2000",
            "origin": "complaint",
            "trigger_reference": "Đơn",
            "trigger_received_on": d(timezone.localdate()),
        },
    )
    assert "Không tìm thấy vụ việc" in field_errors(response)["code"][0]


#: For a Department officer: 6 per request, 2 for the officer's scope (the Department, the Centres it oversees) +
#: the page: evaluation list 4 (the centre and level filters' choices, count, rows), follow-ups 2 (count, rows).
#: -3: the session is no longer saved on every request (issue 11). A menu item the Department officer may not see (the
#: API keys, issue 13) made Django's ModelBackend read the user's model permissions (+2); since the rules answer their
#: own permissions alone (``legalaid.core.backends``), it no longer does (-2).
PINNED = {
    "quality:evaluation_list": 9,
    "quality:follow_up_list": 7,
}


@pytest.mark.parametrize("n", [1, 3])
def test_query_counts_do_not_grow(client, world, django_assert_num_queries, n):
    provider = ProviderFactory(centre=world.a.centre)
    for _ in range(n):
        evaluation = _open(world, completed_case(world.a.director, provider))
        services.team_member_add(actor=world.a.doj_officer, evaluation=evaluation, role="lead", name="T")
        services.evaluation_conclude(
            actor=world.a.doj_officer,
            evaluation=evaluation,
            findings="F",
            conclusion="C",
            result_level=ResultLevel.objects.get(code="dat"),
            follow_ups=[("Việc", dt.date.today() + dt.timedelta(days=5))],
        )
    client.force_login(world.a.doj_officer)
    for name, expected in PINNED.items():
        client.get(reverse(name))
        with django_assert_num_queries(expected):
            assert client.get(reverse(name)).status_code == 200
