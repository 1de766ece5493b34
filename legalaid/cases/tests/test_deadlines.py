"""deadlines_for(user, today): what each person must keep, within their scope and responsibility, grouped into
today / this week / overdue, with the red and amber tones, in a fixed number of queries."""

import datetime as dt

import pytest
from django.utils import timezone

from legalaid.cases import deadlines
from legalaid.cases.deadlines import Kind, deadlines_for
from legalaid.cases.models import CaseArchive, Hearing, LegalAidCase
from legalaid.cases.tests.factories import accepted_case
from legalaid.core.models import Organisation
from legalaid.intake.models import FieldOfLaw, FormOfAid, LegalAidRequest
from legalaid.intake.services import ReferralData, request_receive
from legalaid.intake.tests.factories import poor_household_category, receive_request
from legalaid.people.tests.factories import PersonFactory
from legalaid.providers.tests.factories import assigned_case, provider_for

#: A Wednesday with no holiday around it: the week ends on Sunday 22/11, "soon" runs to Friday 20/11.
TODAY = dt.date(2026, 11, 18)


def at(day: dt.date, hour: int = 8) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def hearing(case, day, hour=8):
    return Hearing.objects.create(case=case, starts_at=at(day, hour), place="Tòa án nhân dân tỉnh")


def handover(case, due):
    return CaseArchive.objects.create(case=case, ended_on=due - dt.timedelta(days=30), handover_due_on=due)


def awaiting_papers(actor, due):
    request = receive_request(actor)
    LegalAidRequest.objects.filter(pk=request.pk).update(status="awaiting_papers", papers_due_on=due)
    return request


def immediate_case(actor, due):
    case = accepted_case(actor)
    LegalAidCase.objects.filter(pk=case.pk).update(immediate=True, papers_due_on=due)
    return case


def referred(actor, received_on):
    person = PersonFactory(centre=actor.centre)
    request = LegalAidRequest(
        channel="referral",
        requester=person,
        beneficiary=person,
        field_of_law=FieldOfLaw.objects.get(code="criminal"),
        desired_form=FormOfAid.objects.get(code="litigation"),
        summary="Bị can bị tạm giam",
    )
    agency = Organisation.objects.get(kind="agency", centre=actor.centre)
    request = request_receive(
        actor=actor,
        request=request,
        categories=[poor_household_category()],
        referral=ReferralData(agency=agency, procedural_status="suspect", requested_at_agency=at(received_on, 7)),
    )
    LegalAidRequest.objects.filter(pk=request.pk).update(received_at=at(received_on, 9))
    return request


def kinds(group):
    return [(d.kind, d.subject) for d in group]


@pytest.fixture
def officer_case(world):
    provider = provider_for(world.a.officer)
    return assigned_case(world.a.director, provider, form="litigation")


def test_groups_and_tones(world, officer_case):
    hearing(officer_case, TODAY, 14)  # today
    hearing(officer_case, TODAY + dt.timedelta(days=2))  # Friday: within 2 working days, amber
    hearing(officer_case, TODAY + dt.timedelta(days=5))  # next Monday: not this week
    hearing(officer_case, TODAY - dt.timedelta(days=1))  # past hearing: not a deadline
    handover(officer_case, TODAY - dt.timedelta(days=3))  # overdue, red
    got = deadlines_for(world.a.officer, TODAY)
    assert [d.kind for d in got["today"]] == [Kind.HEARING]
    assert got["today"][0].tone == "soon"
    assert got["today"][0].is_datetime
    assert [(d.kind, d.due_date, d.tone) for d in got["this_week"]] == [
        (Kind.HEARING, TODAY + dt.timedelta(days=2), "soon")
    ]
    assert [(d.kind, d.tone) for d in got["overdue"]] == [(Kind.HANDOVER, "overdue")]
    overdue = got["overdue"][0]
    assert overdue.subject == officer_case.code
    assert overdue.responsible == world.a.officer.full_name
    assert overdue.url.endswith(f"/{officer_case.pk}/")
    assert "Điều 39" in overdue.label
    assert got["week_end"] == dt.date(2026, 11, 22)


def test_far_dates_are_not_amber(world, officer_case):
    handover(officer_case, dt.date(2026, 11, 21))  # Saturday, this week, 2+ working days away
    got = deadlines_for(world.a.officer, dt.date(2026, 11, 16))  # Monday
    assert [(d.kind, d.tone) for d in got["this_week"]] == [(Kind.HANDOVER, "")]


def test_handed_over_and_closed_cases_drop_out(world, officer_case):
    archive = handover(officer_case, TODAY)
    hearing(officer_case, TODAY)
    assert len(deadlines_for(world.a.officer, TODAY)["today"]) == 2
    archive.handed_over_on = TODAY
    archive.save()
    LegalAidCase.objects.filter(pk=officer_case.pk).update(status="completed")
    assert deadlines_for(world.a.officer, TODAY)["today"] == []


def test_officer_lawyer_collaborator_see_only_their_cases(world, officer_case):
    lawyer_case = assigned_case(world.a.director, provider_for(world.a.lawyer))
    collaborator_case = assigned_case(world.a.branch_head, provider_for(world.a.collaborator))
    unassigned = accepted_case(world.a.director)
    for case in (officer_case, lawyer_case, collaborator_case, unassigned):
        hearing(case, TODAY)
    awaiting_papers(world.a.intake, TODAY)  # a request: intake's, not a provider's
    for user, case in ((world.a.officer, officer_case), (world.a.lawyer, lawyer_case)):
        assert kinds(deadlines_for(user, TODAY)["today"]) == [(Kind.HEARING, case.code)]
    assert kinds(deadlines_for(world.a.collaborator, TODAY)["today"]) == [(Kind.HEARING, collaborator_case.code)]
    # Another officer of the Centre sees the Centre's cases but is responsible for none of them.
    assert deadlines_for(world.a.branch_officer, TODAY)["today"] == []


def test_director_sees_the_whole_centre_and_nothing_of_another(world, officer_case):
    branch_case = assigned_case(world.a.branch_head, provider_for(world.a.branch_officer))
    other = accepted_case(world.b.director)
    unassigned = accepted_case(world.a.director)
    for case in (officer_case, branch_case, other, unassigned):
        hearing(case, TODAY)
    request = awaiting_papers(world.a.intake, TODAY - dt.timedelta(days=1))
    awaiting_papers(world.b.intake, TODAY - dt.timedelta(days=1))
    got = deadlines_for(world.a.director, TODAY)
    assert sorted(kinds(got["today"])) == sorted(
        [(Kind.HEARING, c.code) for c in (officer_case, branch_case, unassigned)]
    )
    assert {d.responsible for d in got["today"] if d.case_id == unassigned.pk} == {"Chưa cử người thực hiện"}
    assert kinds(got["overdue"]) == [(Kind.REQUEST_PAPERS, str(request))]
    assert got["overdue"][0].responsible == world.a.intake.full_name
    for persona in ("deputy",):
        assert len(deadlines_for(getattr(world.a, persona), TODAY)["today"]) == 3


def test_branch_head_sees_the_branch(world, officer_case):
    branch_case = assigned_case(world.a.branch_head, provider_for(world.a.branch_officer))
    hearing(officer_case, TODAY)
    hearing(branch_case, TODAY)
    assert kinds(deadlines_for(world.a.branch_head, TODAY)["today"]) == [(Kind.HEARING, branch_case.code)]


def test_intake_sees_their_unit(world):
    head_office = awaiting_papers(world.a.intake, TODAY)
    awaiting_papers(world.a.branch_head, TODAY)  # a request of branch 1
    case = immediate_case(world.a.intake, TODAY + dt.timedelta(days=1))
    got = deadlines_for(world.a.intake, TODAY)
    assert kinds(got["today"]) == [(Kind.REQUEST_PAPERS, str(head_office))]
    assert kinds(got["this_week"]) == [(Kind.CASE_PAPERS, case.code)]
    assert "thụ lý ngay" in got["this_week"][0].label


def test_immediate_papers_stay_due_until_received_whatever_the_status(world):
    case = immediate_case(world.a.intake, TODAY - dt.timedelta(days=1))
    assert kinds(deadlines_for(world.a.intake, TODAY)["overdue"]) == [(Kind.CASE_PAPERS, case.code)]
    LegalAidCase.objects.filter(pk=case.pk).update(status="assigned")
    assert kinds(deadlines_for(world.a.intake, TODAY)["overdue"]) == [(Kind.CASE_PAPERS, case.code)]
    LegalAidCase.objects.filter(pk=case.pk).update(papers_completed_on=TODAY)
    assert deadlines_for(world.a.intake, TODAY)["overdue"] == []


def test_referrals_waiting_are_due_the_day_received(world):
    yesterday = referred(world.a.intake, TODAY - dt.timedelta(days=1))
    today = referred(world.a.intake, TODAY)
    got = deadlines_for(world.a.intake, TODAY)
    assert kinds(got["overdue"]) == [(Kind.REFERRAL, str(yesterday))]
    assert kinds(got["today"]) == [(Kind.REFERRAL, str(today))]
    assert "Điều 31(3)" in got["today"][0].label


def test_admin_staff_see_handovers_only(world, officer_case):
    hearing(officer_case, TODAY)
    handover(officer_case, TODAY)
    awaiting_papers(world.a.intake, TODAY)
    assert kinds(deadlines_for(world.a.admin_staff, TODAY)["today"]) == [(Kind.HANDOVER, officer_case.code)]


@pytest.mark.parametrize("persona", ["sysadmin", "doj_officer", "agency_officer"])
def test_no_panel_for_those_without_deadlines(world, persona):
    assert deadlines_for(getattr(world.a, persona), TODAY) is None


def test_no_panel_for_the_superuser(world):
    assert deadlines_for(world.root, TODAY) is None


def test_sunday_has_no_rest_of_week(world, officer_case):
    sunday = dt.date(2026, 11, 22)
    hearing(officer_case, sunday + dt.timedelta(days=1))
    got = deadlines_for(world.a.officer, sunday)
    assert got["this_week"] == [] and got["today"] == []


def _many(world, n):
    for i in range(n):
        provider = provider_for(world.a.officer) if i == 0 else None
        case = assigned_case(world.a.director, provider or world.a.officer.provider, form="litigation")
        hearing(case, TODAY)
        handover(case, TODAY - dt.timedelta(days=1))
        awaiting_papers(world.a.intake, TODAY)
        immediate_case(world.a.intake, TODAY)
        referred(world.a.intake, TODAY)


@pytest.mark.parametrize("n", [1, 4])
def test_query_count_does_not_grow(world, django_assert_num_queries, n):
    _many(world, n)
    director = world.a.director
    deadlines_for(director, TODAY)  # warms the calendar cache and the user's scope
    with django_assert_num_queries(6):
        got = deadlines_for(director, TODAY)
    assert len(got["today"]) == 4 * n and len(got["overdue"]) == n


def test_rows_per_kind_are_bounded(world, officer_case, monkeypatch):
    monkeypatch.setattr(deadlines, "MAX_PER_KIND", 2)
    for day in range(3):
        hearing(officer_case, TODAY, 8 + day)
    assert len(deadlines_for(world.a.officer, TODAY)["today"]) == 2


def test_intake_is_not_given_hearings_or_handovers(world, officer_case):
    hearing(officer_case, TODAY)
    handover(officer_case, TODAY)
    assert deadlines_for(world.a.intake, TODAY)["today"] == []
