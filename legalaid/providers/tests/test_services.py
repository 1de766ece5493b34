"""case_assign and case_change_provider: decisions, numbering, refusals, permissions, the 3-working-day rule."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from legalaid.cases.choices import CaseStatus, EventKind
from legalaid.cases.models import CaseEvent
from legalaid.cases.tests.factories import accepted_case, case_in
from legalaid.core.choices import OverrideKind
from legalaid.core.models import AuditEntry, CalendarOverride
from legalaid.intake import services as intake_services
from legalaid.intake.tests.factories import receive_request
from legalaid.providers import services
from legalaid.providers.choices import AssignmentEnd, AssignmentKind, ProviderKind
from legalaid.providers.models import Assignment, DecisionCounter

from .factories import ProviderFactory, assigned_case, provider_for


@pytest.fixture
def officer(world):
    return provider_for(world.a.officer)


def test_assign_writes_decision_transition_and_event(world, officer):
    case = accepted_case(world.a.director)
    assignment = services.case_assign(actor=world.a.director, case=case, provider=officer, expected_version=1)
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSIGNED
    assert case.version == 2
    assert assignment.decision_code == "1/QĐ-TGPL"
    assert assignment.issuer == world.a.centre
    assert assignment.decision_date == timezone.localdate()
    assert assignment.kind == AssignmentKind.ASSIGN and assignment.is_active
    kinds = list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == [EventKind.TRANSITION, EventKind.ASSIGNMENT]
    event = CaseEvent.objects.get(case=case, kind=EventKind.ASSIGNMENT)
    assert "1/QĐ-TGPL" in event.reason and event.data["provider"] == officer.pk
    assert AuditEntry.objects.filter(object_repr__startswith="1/QĐ-TGPL").exists()


def test_numbers_per_issuer_and_year_without_gaps(world, officer):
    first = assigned_case(world.a.director, officer)
    second = assigned_case(world.a.deputy, officer)
    numbers = sorted(Assignment.objects.filter(case__in=[first, second]).values_list("decision_number", flat=True))
    assert numbers == [1, 2]
    # A branch case: the branch head signs, numbered in the branch's own series.
    branch_provider = provider_for(world.a.branch_officer)
    branch_case = assigned_case(world.a.branch_head, branch_provider)
    row = Assignment.objects.get(case=branch_case)
    assert row.issuer == world.a.branch1 and row.decision_number == 1


def test_refused_when_card_expired_and_nothing_is_left(world, officer):
    officer.card_valid_until = timezone.localdate() - dt.timedelta(days=1)
    officer.save()
    case = accepted_case(world.a.director)
    with pytest.raises(ValidationError) as error:
        services.case_assign(actor=world.a.director, case=case, provider=officer)
    assert "hết giá trị" in error.value.message_dict["provider"][0]
    case.refresh_from_db()
    assert case.status == CaseStatus.ACCEPTED
    assert not Assignment.objects.exists() and not DecisionCounter.objects.exists()


def test_refused_when_case_not_accepted(world, officer):
    case = case_in(world.a.director, CaseStatus.COMPLETED)
    with pytest.raises(ValidationError, match="Không thể chuyển"):
        services.case_assign(actor=world.a.director, case=case, provider=officer)
    assert not Assignment.objects.exists()


def test_stale_version_refused(world, officer):
    case = accepted_case(world.a.director)
    with pytest.raises(ValidationError, match="vừa được người khác cập nhật"):
        services.case_assign(actor=world.a.director, case=case, provider=officer, expected_version=7)
    assert not Assignment.objects.exists()


@pytest.mark.parametrize(
    "persona", ["officer", "intake", "admin_staff", "sysadmin", "doj_officer", "lawyer", "collaborator", "branch_head"]
)
def test_only_signers_may_assign(world, officer, persona):
    case = accepted_case(world.a.director)  # a head-office case: not the branch head's
    with pytest.raises(PermissionDenied):
        services.case_assign(actor=getattr(world.a, persona), case=case, provider=officer)


def test_other_centre_cannot_assign_nor_be_assigned(world, officer):
    case = accepted_case(world.a.director)
    with pytest.raises(PermissionDenied):
        services.case_assign(actor=world.b.director, case=case, provider=officer)
    other = provider_for(world.b.officer)
    with pytest.raises(PermissionDenied):
        services.case_assign(actor=world.a.director, case=case, provider=other)


def test_conflict_of_interest_refused(world, officer):
    """Art. 25(2)(a): the provider aided the opposing party in the same matter (same court case reference)."""
    first = accepted_case(world.a.director, court_case_reference="12/2026/HS-ST")
    services.case_assign(actor=world.a.director, case=first, provider=officer)
    request = receive_request(world.a.intake, court_case_reference="12/2026/HS-ST")
    second = intake_services.request_accept(actor=world.a.director, request=request, conflict_note="Đã xem xét")
    with pytest.raises(ValidationError) as error:
        services.case_assign(actor=world.a.director, case=second, provider=officer)
    [reason] = error.value.message_dict["provider"]
    assert "Điều 25(2)(a)" in reason and first.code in reason
    other = ProviderFactory(centre=world.a.centre)
    assert services.case_assign(actor=world.a.director, case=second, provider=other).provider == other


# --- Change of provider --------------------------------------------------------------------------------------------


def test_change_provider(world, officer):
    case = assigned_case(world.a.director, officer)
    new = ProviderFactory(centre=world.a.centre, kind=ProviderKind.OFFICER)
    today = timezone.localdate()
    assignment = services.case_change_provider(
        actor=world.a.deputy, case=case, new_provider=new, reason="Người được trợ giúp đề nghị", requested_on=today
    )
    old = Assignment.objects.get(case=case, provider=officer)
    assert not old.is_active and old.ended_on == today and old.end_reason == AssignmentEnd.CHANGED
    assert assignment.kind == AssignmentKind.CHANGE and assignment.replaces == old
    assert assignment.decision_code == "2/QĐ-TGPL"
    assert assignment.change_due_on == services.change_due_on(today) and not assignment.change_late
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSIGNED and case.version == 3
    assert list(Assignment.objects.filter(case=case, is_active=True)) == [assignment]
    assert CaseEvent.objects.filter(case=case, kind=EventKind.ASSIGNMENT).count() == 2


def test_change_late_after_three_working_days(world, officer):
    case = assigned_case(world.a.director, officer)
    requested = timezone.localdate() - dt.timedelta(days=10)
    assignment = services.case_change_provider(
        actor=world.a.director,
        case=case,
        new_provider=ProviderFactory(centre=world.a.centre),
        reason="Thiếu khách quan",
        requested_on=requested,
    )
    assert assignment.change_late


def test_change_while_in_progress_keeps_the_status(world, officer):
    case = assigned_case(world.a.director, officer)
    # the provider started the work
    case.__class__.objects.filter(pk=case.pk).update(status=CaseStatus.IN_PROGRESS)
    case.refresh_from_db()
    services.case_change_provider(
        actor=world.a.director,
        case=case,
        new_provider=ProviderFactory(centre=world.a.centre),
        reason="Người thực hiện ốm dài ngày",
        requested_on=timezone.localdate(),
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS


def test_change_needs_reason_date_and_a_current_provider(world, officer):
    new = ProviderFactory(centre=world.a.centre)
    case = assigned_case(world.a.director, officer)
    with pytest.raises(ValidationError) as error:
        services.case_change_provider(
            actor=world.a.director, case=case, new_provider=new, reason=" ", requested_on=None
        )
    assert set(error.value.message_dict) == {"reason", "requested_on"}
    with pytest.raises(ValidationError, match="đang thực hiện"):
        services.case_change_provider(
            actor=world.a.director, case=case, new_provider=officer, reason="x", requested_on=timezone.localdate()
        )
    fresh = accepted_case(world.a.director)
    with pytest.raises(ValidationError, match="chưa có người thực hiện"):
        services.case_change_provider(
            actor=world.a.director, case=fresh, new_provider=new, reason="x", requested_on=timezone.localdate()
        )
    with pytest.raises(PermissionDenied):
        services.case_change_provider(
            actor=world.a.officer, case=case, new_provider=new, reason="x", requested_on=timezone.localdate()
        )


@pytest.mark.parametrize(
    ("requested", "due"),
    [
        (dt.date(2026, 3, 2), dt.date(2026, 3, 5)),  # Monday -> Thursday
        (dt.date(2026, 3, 5), dt.date(2026, 3, 10)),  # Thursday -> Tuesday, over the weekend
        (dt.date(2026, 3, 7), dt.date(2026, 3, 11)),  # received on a Saturday: Monday is the first day
    ],
)
def test_change_due_on_three_working_days(world, requested, due):
    assert services.change_due_on(requested) == due


def test_change_due_on_skips_a_day_off(world):
    CalendarOverride.objects.create(date=dt.date(2026, 3, 3), kind=OverrideKind.DAY_OFF, reason="Nghỉ bù")
    from legalaid.core import calendar

    calendar.invalidate()
    assert services.change_due_on(dt.date(2026, 3, 2)) == dt.date(2026, 3, 6)
