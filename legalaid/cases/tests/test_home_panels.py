"""The home pages' "Hạn cần theo dõi" panel and the litigation quota panels (an officer's own, the director's
summary with the link to the table), per role, in a number of queries that does not grow with the records."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from legalaid.cases.deadlines import case_url
from legalaid.cases.models import CaseArchive, Hearing
from legalaid.cases.tests.factories import accepted_case
from legalaid.core.tests.html import parse
from legalaid.providers.models import LitigationQuota
from legalaid.providers.tests.factories import ProviderFactory, assigned_case, provider_for

HOME = reverse("home")


def home(client, user):
    client.force_login(user)
    response = client.get(HOME)
    assert response.status_code == 200
    return parse(response)


@pytest.fixture
def officer_case(world):
    provider = provider_for(world.a.officer)
    LitigationQuota.objects.create(provider=provider, year=timezone.localdate().year, cases=4)
    case = assigned_case(world.a.director, provider, form="litigation")
    today = timezone.localdate()
    Hearing.objects.create(case=case, starts_at=timezone.now() + dt.timedelta(minutes=5), place="Tòa án tỉnh")
    CaseArchive.objects.create(
        case=case, ended_on=today - dt.timedelta(days=40), handover_due_on=today - dt.timedelta(days=10)
    )
    return case


def panel_links(doc, list_id):
    return [a.text_content().strip() for a in doc.xpath(f'//ul[@id="{list_id}"]/li/span/a')]


def test_officer_sees_their_deadlines_and_quota(client, world, officer_case):
    doc = home(client, world.a.officer)
    assert doc.xpath('//section[@id="deadlines-panel"]//h2/text()') == ["Hạn cần theo dõi"]
    overdue = doc.xpath('//ul[@id="deadlines-overdue"]/li')
    assert len(overdue) == 1
    assert overdue[0].xpath(".//a/@href") == [case_url(officer_case.pk)]
    assert overdue[0].xpath('.//time[@class="deadline-overdue"]')
    assert panel_links(doc, "deadlines-today") == [officer_case.code]
    quota = doc.xpath('//section[@id="quota-panel"]')[0].text_content()
    assert "Đã được cử 1 / 4 vụ việc (25%)" in " ".join(quota.split())
    assert not doc.xpath('//section[@id="quota-panel"]//a')  # an officer does not read the table


def test_director_sees_the_centre_and_the_quota_summary(client, world, officer_case):
    ProviderFactory(centre=world.a.centre, full_name="Trợ giúp viên chưa có vụ")
    doc = home(client, world.a.director)
    assert panel_links(doc, "deadlines-today") == [officer_case.code]
    assert panel_links(doc, "deadlines-overdue") == [officer_case.code]
    assert doc.xpath('//strong[@id="quota-done"]/text()') == ["1"]
    assert doc.xpath('//strong[@id="quota-at-risk"]/text()') == ["1"]
    link = doc.xpath('//section[@id="quota-panel"]//a/@href')[0]
    assert link.startswith(reverse("providers:quota_table"))


def test_other_centre_sees_nothing_of_it(client, world, officer_case):
    doc = home(client, world.b.director)
    assert officer_case.code not in doc.xpath('string(//section[@id="deadlines-panel"])')
    assert doc.xpath('//section[@id="deadlines-panel"]//div[@class="card-body small text-body-secondary"]')


def test_lawyer_sees_only_assigned(client, world, officer_case):
    mine = assigned_case(world.a.director, provider_for(world.a.lawyer))
    Hearing.objects.create(case=mine, starts_at=timezone.now() + dt.timedelta(minutes=5), place="Tòa án")
    doc = home(client, world.a.lawyer)
    assert panel_links(doc, "deadlines-today") == [mine.code]
    assert not doc.xpath('//section[@id="quota-panel"]')


@pytest.mark.parametrize("persona", ["doj_officer", "agency_officer", "sysadmin"])
def test_no_deadline_panel(client, world, officer_case, persona):
    doc = home(client, getattr(world.a, persona))
    assert not doc.xpath('//section[@id="deadlines-panel"]')


def test_doj_officer_has_no_quota_panel(client, world, officer_case):
    assert not home(client, world.a.doj_officer).xpath('//section[@id="quota-panel"]')


@pytest.mark.parametrize("persona", ["intake", "branch_head", "admin_staff", "deputy"])
def test_staff_home_pages_show_the_panel(client, world, persona):
    assert home(client, getattr(world.a, persona)).xpath('//section[@id="deadlines-panel"]')


def _cases(world, n):
    provider = world.a.officer.provider
    today = timezone.localdate()
    for _ in range(n):
        case = assigned_case(world.a.director, provider, form="litigation")
        Hearing.objects.create(case=case, starts_at=timezone.now() + dt.timedelta(minutes=5), place="Tòa án")
        CaseArchive.objects.create(case=case, ended_on=today, handover_due_on=today - dt.timedelta(days=1))
        accepted_case(world.a.director)


@pytest.mark.parametrize("n", [1, 4])
def test_director_home_queries_do_not_grow(client, world, officer_case, django_assert_num_queries, n):
    _cases(world, n)
    client.force_login(world.a.director)
    client.get(HOME)
    # 25 + the work queue (cases awaiting a provider, applications to change the provider, handovers, files to
    # archive, plan tasks; two Centre settings; the feedback register's two sections) + quality (cases awaiting an
    # appraiser, the director's own appraisals, the year's appraisal coverage panel) + payments (cases blocked by their
    # appraisal, payment proposals to approve) + the evaluations' follow-ups (quality) + personal data correction
    # requests awaiting a decision (people.workqueue) + training (issue 10: the requirement in force and the officers'
    # hours, read once for the panel and the work queue, and the reminder's start month) + this year's outreach targets
    # + the director's own register imports waiting (imports.workqueue).
    with django_assert_num_queries(43):  # -3: the session is no longer saved on every request (issue 11)
        response = client.get(HOME)
    assert len(parse(response).xpath('//ul[@id="deadlines-overdue"]/li')) == n + 1
