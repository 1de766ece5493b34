"""The work queue ("Việc cần làm") of each role, from the outside: the home page shows the item, its link leads to
the page where the action is taken, the menu counts it, and nothing of another Centre or branch appears."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from legalaid.cases.models import CaseArchive, LegalAidCase
from legalaid.cases.tests.factories import accepted_case, case_in
from legalaid.core import workqueue
from legalaid.core.choices import Role
from legalaid.intake import services as intake_services
from legalaid.intake.models import FieldOfLaw, FormOfAid, LegalAidRequest
from legalaid.intake.tests.factories import poor_household_category, receive_request
from legalaid.people.tests.factories import PersonFactory
from legalaid.providers.tests.factories import assigned_case, provider_for

pytestmark = pytest.mark.django_db
HOME = reverse("home")


def section_of(response, code: str) -> str:
    """The HTML of one section of the work queue ('' when absent)."""
    html = response.content.decode()
    match = re.search(rf'<div class="work-queue-section[^"]*" data-section="{code}">(.*?)</ul>', html, re.S)
    return match.group(1) if match else ""


def links(fragment: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', fragment)


def referred_request(world, agency=None):
    person = PersonFactory(centre=world.a.centre, full_name="Lò Văn Pản")
    request = LegalAidRequest(
        channel="referral",
        requester=person,
        beneficiary=person,
        field_of_law=FieldOfLaw.objects.get(code="criminal"),
        desired_form=FormOfAid.objects.get(code="litigation"),
        summary="Bị can 17 tuổi bị tạm giữ",
    )
    referral = intake_services.ReferralData(
        agency=agency or world.a.agency,
        procedural_status="held",
        requested_at_agency=timezone.now() - dt.timedelta(hours=2),
        referral_number="15/CV-CQĐT",
    )
    return intake_services.request_receive(
        actor=world.a.intake, request=request, categories=[poor_household_category()], referral=referral
    )


def test_every_role_that_acts_has_sections():
    for role in (Role.INTAKE, Role.DIRECTOR, Role.BRANCH_HEAD, Role.OFFICER, Role.LAWYER, Role.COLLABORATOR):
        assert workqueue.sections_for_role(role), role
    assert "files_to_archive" in workqueue.sections_for_role(Role.ADMIN_STAFF)
    assert "plan_tasks_due" in workqueue.sections_for_role(Role.ADMIN_STAFF)
    assert workqueue.sections_for_role(Role.DOJ_OFFICER)[0] == "doj_overdue"
    # The Department also decides second-level complaints (feedback, Law Art. 45(3)) and acts on the payments of
    # contracted organisations (Law Art. 14; payments app) and evaluates the Centres' cases (TT 12/2018 Art. 15;
    # quality app).
    assert set(workqueue.sections_for_role(Role.DOJ_OFFICER)) == {
        "doj_overdue",
        "feedback_department",
        "payments_to_propose",
        "payments_blocked",
        "payments_to_approve",
        "payments_to_pay",
        "evaluations_to_do",
    }
    assert workqueue.sections_for_role(Role.AGENCY_OFFICER) == ["agency_referrals"]


def test_intake_sees_requests_awaiting_a_decision_with_a_link_to_decide(client, world):
    request = receive_request(world.a.intake)
    other_centre = receive_request(world.b.intake)
    client.force_login(world.a.intake)
    response = client.get(HOME)
    fragment = section_of(response, "requests_awaiting_decision")
    assert reverse("intake:request_detail", kwargs={"pk": request.pk}) in links(fragment)
    assert reverse("intake:request_detail", kwargs={"pk": other_centre.pk}) not in response.content.decode()
    assert "ngày làm việc" in fragment or "hạn hôm nay" in fragment
    assert client.get(links(fragment)[0]).status_code == 200  # the link leads to the page where one decides


def test_intake_sees_referrals_first_and_the_agency_sees_where_they_stand(client, world):
    request = referred_request(world)
    client.force_login(world.a.intake)
    fragment = section_of(client.get(HOME), "referrals_to_act_on")
    assert reverse("intake:request_detail", kwargs={"pk": request.pk}) in links(fragment)
    assert "12 giờ" in fragment or "24 giờ" in fragment

    client.force_login(world.a.agency_officer)
    fragment = section_of(client.get(HOME), "agency_referrals")
    assert "15/CV-CQĐT" in fragment and "Đã tiếp nhận" in fragment
    case = intake_services.request_accept(actor=world.a.intake, request=request)
    fragment = section_of(client.get(HOME), "agency_referrals")
    assert case.code in fragment
    # Another agency's officer sees nothing of it.
    client.force_login(world.b.agency_officer)
    assert "15/CV-CQĐT" not in client.get(HOME).content.decode()


def test_intake_sees_overdue_papers(client, world):
    request = receive_request(world.a.intake)
    LegalAidRequest.objects.filter(pk=request.pk).update(
        status="awaiting_papers", papers_due_on=timezone.localdate() - dt.timedelta(days=3)
    )
    client.force_login(world.a.intake)
    fragment = section_of(client.get(HOME), "papers_overdue")
    assert reverse("intake:request_detail", kwargs={"pk": request.pk}) in links(fragment)
    assert "deadline-overdue" in fragment


def test_director_assigns_from_the_queue_and_branch_head_sees_the_branch_only(client, world):
    head_case = accepted_case(world.a.intake)
    branch_case = accepted_case(world.a.branch_officer)
    client.force_login(world.a.director)
    fragment = section_of(client.get(HOME), "cases_awaiting_assignment")
    assign = reverse("providers:case_assign", kwargs={"pk": head_case.pk})
    assert assign in links(fragment)
    assert reverse("providers:case_assign", kwargs={"pk": branch_case.pk}) in links(fragment)
    assert "thụ lý hôm nay" in fragment  # accepted today: no age yet
    assert client.get(assign).status_code == 200

    client.force_login(world.a.branch_head)
    fragment = section_of(client.get(HOME), "cases_awaiting_assignment")
    assert links(fragment) == [
        reverse("providers:case_assign", kwargs={"pk": branch_case.pk}),
        reverse("providers:case_assign", kwargs={"pk": branch_case.pk}),
    ]


def test_a_backlog_past_the_cap_is_counted_up_to_it_and_said_so(client, world, monkeypatch):
    """A section's total is a capped count (``workqueue.COUNT_CAP``): exact below it, "hơn N" past it."""
    monkeypatch.setattr(workqueue, "COUNT_CAP", 9)
    for _ in range(10):
        accepted_case(world.a.intake)
    client.force_login(world.a.director)
    html = client.get(HOME).content.decode()
    fragment = section_of(client.get(HOME), "cases_awaiting_assignment")
    assert 'rounded-pill">hơn 9</span>' in html
    assert "Xem tất cả (hơn 1 việc khác)" in fragment
    LegalAidCase.objects.filter(pk=LegalAidCase.objects.order_by("pk").first().pk).delete()
    html = client.get(HOME).content.decode()
    assert 'rounded-pill">9</span>' in html and "Xem tất cả (1 việc khác)" in html


@pytest.mark.parametrize("persona", ["officer", "lawyer"])
def test_providers_home_lists_their_own_cases(client, world, persona):
    provider = provider_for(getattr(world.a, persona))
    mine = assigned_case(world.a.director, provider, form="advice")
    not_mine = accepted_case(world.a.intake)
    client.force_login(getattr(world.a, persona))
    response = client.get(HOME)
    fragment = section_of(response, "my_cases")
    assert reverse("cases:case_detail", kwargs={"pk": mine.pk}) in links(fragment)
    assert not_mine.code not in response.content.decode()
    assert "Bắt đầu thực hiện" in fragment
    assert client.get(links(fragment)[0]).status_code == 200


def test_no_activity_for_n_days_is_flagged(client, world):
    provider = provider_for(world.a.officer)
    case = assigned_case(world.a.director, provider)
    LegalAidCase.objects.filter(pk=case.pk).update(accepted_at=timezone.now() - dt.timedelta(days=45))
    client.force_login(world.a.officer)
    fragment = section_of(client.get(HOME), "my_cases")
    assert "không có hoạt động 45 ngày" in fragment and "deadline-overdue" in fragment


def test_handover_and_archive_queues(client, world):
    today = timezone.localdate()
    ended = case_in(world.a.intake, "completed")
    CaseArchive.objects.create(case=ended, ended_on=today, handover_due_on=today + dt.timedelta(days=30))
    handed = case_in(world.a.intake, "completed")
    CaseArchive.objects.create(
        case=handed, ended_on=today, handover_due_on=today + dt.timedelta(days=30), handed_over_on=today
    )
    client.force_login(world.a.director)
    fragment = section_of(client.get(HOME), "handovers_due")
    assert reverse("cases:archive_handover", kwargs={"pk": ended.pk}) in links(fragment)
    client.force_login(world.a.admin_staff)
    fragment = section_of(client.get(HOME), "files_to_archive")
    assert reverse("cases:case_archive", kwargs={"pk": handed.pk}) in links(fragment)
    assert ended.code not in fragment


def test_doj_sees_what_is_overdue_read_only(client, world):
    case = accepted_case(world.a.intake)
    LegalAidCase.objects.filter(pk=case.pk).update(accepted_at=timezone.now() - dt.timedelta(days=20))
    client.force_login(world.a.doj_officer)
    response = client.get(HOME)
    fragment = section_of(response, "doj_overdue")
    assert "Vụ việc chậm cử người thực hiện" in fragment and world.a.centre.name in fragment
    assert "Chỉ xem" in response.content.decode()


def test_menu_counts_the_waiting_work(client, world):
    receive_request(world.a.intake)
    receive_request(world.a.intake)
    client.force_login(world.a.intake)
    page = client.get(reverse("intake:request_list")).content.decode()
    assert reverse("core:work_count") in page  # the badge loads after the page
    badge = client.get(reverse("core:work_count")).content.decode()
    assert re.search(r'id="nav-work-count"[^>]*>2<', badge)
    client.force_login(world.a.sysadmin)
    assert reverse("core:work_count") not in client.get(HOME).content.decode()


def test_nothing_waiting_says_so(client, world):
    client.force_login(world.a.officer)
    page = client.get(HOME).content.decode()
    assert "Không có việc nào đang chờ bạn." in page


@pytest.mark.parametrize("rows", [1, 5])
def test_director_home_query_count_does_not_grow(client, world, django_assert_max_num_queries, rows):
    for _ in range(rows):
        accepted_case(world.a.intake)
    client.force_login(world.a.director)
    client.get(HOME)  # warm the calendar cache
    with django_assert_max_num_queries(DIRECTOR_HOME_QUERIES):
        assert client.get(HOME).status_code == 200


#: The director's home with every panel (work queue, deadlines, quotas, intake, units, recent changes): 32 with data;
#: the same ceiling for 1 or 5 waiting cases: nothing is read per row. (+1 since issue 9 item 2: the follow-ups the
#: Department's evaluations require of the Centre; +1 since issue 14 item 9: correction requests of personal data;
#: +3 since issue 10 items 4-5: the training requirement, the officers' hours, the reminder's start month; +1 since
#: issue 10 item 1: the year's outreach targets.)
DIRECTOR_HOME_QUERIES = 39
