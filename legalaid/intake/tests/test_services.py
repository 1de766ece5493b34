import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from legalaid.cases.models import LegalAidCase
from legalaid.core.models import AuditEntry
from legalaid.core.services import holidays_load_year
from legalaid.intake import services
from legalaid.intake.choices import DecisionKind, ProceduralStatus, RefusalGround, RequestStatus, UrgencyReason
from legalaid.intake.models import FieldOfLaw, FormOfAid, Register
from legalaid.intake.tests.factories import receive_request
from legalaid.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_acceptance_enters_the_register_with_the_circular_code(world):
    year = timezone.localdate().year
    first = services.request_accept(actor=world.a.intake, request=receive_request(world.a.intake))
    second = services.request_accept(
        actor=world.a.intake, request=receive_request(world.a.intake, form="litigation", field="criminal")
    )
    assert first.code == f"TT.TV.01.{year}"
    assert second.code == f"TT.TGTT.02.{year}"  # one register per organisation and year, whatever the form
    assert first.request.status == RequestStatus.ACCEPTED
    assert first.request.decisions.get().kind == DecisionKind.ACCEPT
    assert AuditEntry.objects.filter(object_repr=first.code, action="create").exists()


def test_a_branch_numbers_in_its_own_register(world):
    year = timezone.localdate().year
    services.request_accept(actor=world.a.intake, request=receive_request(world.a.intake))
    case = services.request_accept(actor=world.a.branch_officer, request=receive_request(world.a.branch_officer))
    assert case.code == f"CN1.TV.01.{year}"
    assert case.branch == world.a.branch1
    assert Register.objects.filter(year=year).count() == 2


def test_a_failed_acceptance_uses_no_number(world):
    year = timezone.localdate().year
    no_category = receive_request(world.a.intake, categories=[])
    with pytest.raises(ValidationError, match="Điều 30"):
        services.request_accept(actor=world.a.intake, request=no_category)
    case = services.request_accept(actor=world.a.intake, request=receive_request(world.a.intake))
    assert case.number == 1 and case.code.endswith(f".01.{year}")


def test_business_and_commerce_are_outside_legal_aid(world):
    with pytest.raises(ValidationError) as error:
        receive_request(world.a.intake, field="business_commerce")
    assert "Điều 27" in str(error.value)


def test_a_request_cannot_be_decided_twice(world):
    request = receive_request(world.a.intake)
    services.request_accept(actor=world.a.intake, request=request)
    with pytest.raises(ValidationError, match="không thể quyết định lại"):
        services.request_refuse(actor=world.a.intake, request=request, ground=RefusalGround.DECEASED, note="x")


def test_stale_version_is_refused(world):
    request = receive_request(world.a.intake)
    services.request_ask_papers(
        actor=world.a.intake, request=request, missing_papers=["Sổ hộ nghèo"], expected_version=1
    )
    with pytest.raises(ValidationError, match="vừa được người khác cập nhật"):
        services.request_accept(actor=world.a.intake, request=request, expected_version=1)


def test_ask_for_papers_sets_a_working_day_deadline(world):
    holidays_load_year(actor=None, year=timezone.localdate().year)
    request = receive_request(world.a.intake)
    decision = services.request_ask_papers(actor=world.a.intake, request=request, missing_papers=["Sổ hộ nghèo"])
    request.refresh_from_db()
    assert request.status == RequestStatus.AWAITING_PAPERS
    from legalaid.core.calendar import add_working_days

    assert decision.papers_due_on == add_working_days(timezone.localdate(), 5)
    assert request.papers_due_on == decision.papers_due_on


@pytest.mark.parametrize("ground", list(RefusalGround))
def test_refusal_needs_one_of_the_four_grounds_and_a_reason(world, ground):
    request = receive_request(world.a.intake)
    with pytest.raises(ValidationError):
        services.request_refuse(actor=world.a.intake, request=request, ground=ground, note=" ")
    decision = services.request_refuse(actor=world.a.intake, request=request, ground=ground, note="Lý do cụ thể")
    assert decision.refusal_ground == ground
    request.refresh_from_db()
    assert request.status == RequestStatus.REFUSED


def test_refusal_without_ground_is_rejected(world):
    request = receive_request(world.a.intake)
    with pytest.raises(ValidationError):
        services.request_refuse(actor=world.a.intake, request=request, ground="", note="Lý do")


def test_transfer(world):
    request = receive_request(world.a.intake)
    services.request_transfer(actor=world.a.intake, request=request, transfer_to="Trung tâm TGPL tỉnh Cao Bằng")
    request.refresh_from_db()
    assert request.status == RequestStatus.TRANSFERRED


def test_immediate_acceptance_sets_papers_deadline(world):
    request = receive_request(world.a.intake, trial_date=timezone.localdate() + dt.timedelta(days=2))
    assert UrgencyReason.TRIAL_SOON in services.urgency_reasons(request)
    with pytest.raises(ValidationError):
        services.request_accept(actor=world.a.intake, request=request, immediate=True)
    case = services.request_accept(
        actor=world.a.intake, request=request, immediate=True, urgency_reason=UrgencyReason.TRIAL_SOON
    )
    assert case.immediate and case.papers_due_on > timezone.localdate()


def test_urgency_facts_from_the_calendar(world):
    far = receive_request(world.a.intake, limitation_ends_on=timezone.localdate() + dt.timedelta(days=60))
    assert services.urgency_reasons(far) == []
    near = receive_request(world.a.intake, limitation_ends_on=timezone.localdate() + dt.timedelta(days=1))
    assert services.urgency_reasons(near) == [UrgencyReason.LIMITATION]


@pytest.mark.parametrize(
    ("status", "hours"),
    [
        (ProceduralStatus.ARRESTED, 12),
        (ProceduralStatus.HELD, 12),
        (ProceduralStatus.SUSPECT, 24),
        (ProceduralStatus.DEFENDANT, 24),
        (ProceduralStatus.VICTIM, 24),
    ],
)
def test_referral_notification_hours_art_31_3(world, status, hours):
    at_agency = timezone.now() - dt.timedelta(hours=30)
    request = receive_request(
        world.a.intake,
        channel="referral",
        form="litigation",
        field="criminal",
    )
    referral = services.ReferralData(agency=world.a.agency, procedural_status=status, requested_at_agency=at_agency)
    request2 = receive_request(world.a.intake, channel="referral", form="litigation", field="criminal")
    request2.delete() if False else None
    from legalaid.intake.models import LegalAidRequest

    fresh = LegalAidRequest(
        channel="referral",
        requester=request.beneficiary,
        beneficiary=request.beneficiary,
        field_of_law=FieldOfLaw.objects.get(code="criminal"),
        desired_form=FormOfAid.objects.get(code="litigation"),
        summary="Bị bắt quả tang",
    )
    services.request_receive(actor=world.a.intake, request=fresh, categories=[], referral=referral)
    fresh.referral.refresh_from_db()
    assert fresh.referral.notify_hours == hours
    assert fresh.referral.notify_due_at == at_agency + dt.timedelta(hours=hours)
    assert fresh.referral.notified_late  # received 30 hours after the person asked
    assert UrgencyReason.COURT_APPOINTED in services.urgency_reasons(fresh)


def test_conflict_of_interest_needs_a_recorded_decision(world):
    first = receive_request(
        world.a.intake, counterpart_name="Công ty TNHH Hoàng Long", court_case_reference="15/2026/TLST-DS"
    )
    services.request_accept(actor=world.a.intake, request=first)
    second = receive_request(world.a.intake, counterpart_name="  công ty tnhh HOÀNG LONG ")
    conflicts = services.find_conflicts(second)
    assert [c.request for c in conflicts] == [first]
    with pytest.raises(ValidationError) as error:
        services.request_accept(actor=world.a.intake, request=second)
    assert "conflict_note" in error.value.error_dict
    case = services.request_accept(
        actor=world.a.intake, request=second, conflict_note="Giám đốc đồng ý: hai bên không đối lập về quyền lợi"
    )
    assert case.request.decisions.get().conflict_note.startswith("Giám đốc")


def test_conflict_when_the_other_party_is_aided(world):
    opponent = PersonFactory(centre=world.a.centre, full_name="Lê Văn Tám")
    services.request_accept(actor=world.a.intake, request=receive_request(world.a.intake, beneficiary=opponent))
    second = receive_request(world.a.intake, other_party=opponent)
    assert len(services.find_conflicts(second)) == 1
    same_case = receive_request(world.a.intake, court_case_reference="99/2026/HSST")
    other_centre_same_ref = receive_request(world.b.intake, court_case_reference="99/2026/HSST")
    assert services.find_conflicts(other_centre_same_ref) == []
    assert services.find_conflicts(same_case) == []


def test_doj_officer_and_other_centre_cannot_decide(world):
    request = receive_request(world.a.intake)
    with pytest.raises(PermissionDenied):
        services.request_accept(actor=world.b.director, request=request)
    with pytest.raises(PermissionDenied):
        services.request_accept(actor=world.a.doj_officer, request=request)
    with pytest.raises(PermissionDenied):
        receive_request(world.a.doj_officer, beneficiary=request.beneficiary)


def test_simple_matter_goes_to_its_own_book(world):
    from legalaid.intake.models import SimpleMatter

    person = PersonFactory(centre=world.a.centre)
    matter = services.simple_matter_record(
        actor=world.a.intake,
        matter=SimpleMatter(
            person=person,
            field_of_law=FieldOfLaw.objects.get(code="land"),
            question="Hỏi về thừa kế đất",
            answer="Đã giải đáp",
            channel="phone",
        ),
    )
    assert matter.number == 1 and matter.register.kind == "simple"
    case = services.request_accept(actor=world.a.intake, request=receive_request(world.a.intake))
    assert case.number == 1 and case.register != matter.register
    assert LegalAidCase.objects.count() == 1
