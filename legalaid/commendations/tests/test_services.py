"""Campaign services: units as written and matched, the period, launch and close, nominations (one nominee, the
form suiting the nominee, scope), figures measured from real requests, cases and assignments, decisions and awards."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from legalaid.cases.tests.factories import accepted_case
from legalaid.commendations import figures, services
from legalaid.commendations.choices import CampaignStatus, NominationStatus, UnitRole
from legalaid.commendations.models import Award, Campaign, CommendationForm, Decision, Nomination
from legalaid.intake.tests.factories import receive_request
from legalaid.providers.tests.factories import assigned_case, provider_for

from .factories import form, make_campaign, propose

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_forms_of_commendation_are_loaded_unconfirmed():
    codes = set(CommendationForm.objects.values_list("code", flat=True))
    assert {"giay_khen", "bang_khen_tinh", "cstd_co_so", "tap_the_ldtt"} <= codes
    assert not CommendationForm.objects.filter(confirmed=True).exists()
    assert form("cstd_co_so").nominee_kind == "individual" and form("tap_the_ldtt").nominee_kind == "collective"


def test_campaign_units_are_kept_as_written_and_linked_when_they_match(world):
    campaign = make_campaign(world.a, launched=False)
    assert campaign.status == CampaignStatus.DRAFT and campaign.centre == world.a.centre
    lead = campaign.units.filter(role=UnitRole.LEAD).get()
    assert lead.organisation == world.a.centre
    partners = {u.text: u.organisation for u in campaign.units.filter(role=UnitRole.PARTNER)}
    assert partners == {"Văn phòng Sở": None, "Phòng Nghiệp vụ A": world.a.department, "Báo Ninh Thuận": None}


def test_period_must_be_in_order(world):
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        make_campaign(world.a, start=today, end=today - dt.timedelta(days=1))


@pytest.mark.parametrize("persona", ["officer", "branch_head", "doj_officer", "lawyer", "intake"])
def test_only_the_board_and_administration_manage_campaigns(world, persona):
    with pytest.raises(PermissionDenied):
        make_campaign(world.a, actor=getattr(world.a, persona))


def test_launch_then_close(world):
    campaign = make_campaign(world.a, actor=world.a.admin_staff)
    assert campaign.status == CampaignStatus.LAUNCHED
    campaign = services.campaign_transition(actor=world.a.deputy, campaign=campaign, to_status="closed")
    with pytest.raises(ValidationError) as error:
        services.campaign_transition(actor=world.a.director, campaign=campaign, to_status="launched")
    assert error.value.code == "transition"
    with pytest.raises(PermissionDenied):
        services.campaign_transition(actor=world.b.director, campaign=campaign, to_status="closed")


def test_nominations_only_while_launched(world):
    campaign = make_campaign(world.a, launched=False)
    with pytest.raises(ValidationError) as error:
        propose(world.a, campaign, user=world.a.officer)
    assert error.value.code == "not_launched"


def test_one_nominee_exactly(world):
    campaign = make_campaign(world.a)
    with pytest.raises(ValidationError) as error:
        propose(world.a, campaign, user=world.a.officer, unit=world.a.department, code="giay_khen")
    assert error.value.code == "one_nominee"
    with pytest.raises(ValidationError):
        propose(world.a, campaign, code="giay_khen")


def test_the_database_refuses_two_nominees(world):
    campaign = make_campaign(world.a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Nomination.objects.create(
            campaign=campaign,
            nominee_user=world.a.officer,
            nominee_unit=world.a.department,
            proposed_form=form("giay_khen"),
            achievements="x",
            proposed_by=world.a.director,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Nomination.objects.create(
            campaign=campaign, proposed_form=form("giay_khen"), achievements="x", proposed_by=world.a.director
        )


def test_the_form_must_suit_the_nominee(world):
    campaign = make_campaign(world.a)
    with pytest.raises(ValidationError) as error:
        propose(world.a, campaign, unit=world.a.department, code="cstd_co_so")
    assert "proposed_form" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        propose(world.a, campaign, user=world.a.officer, code="tap_the_ldtt")
    assert "proposed_form" in error.value.message_dict
    assert propose(world.a, campaign, user=world.a.officer, code="giay_khen").status == NominationStatus.PROPOSED
    assert propose(world.a, campaign, unit=world.a.branch1, code="giay_khen").nominee == world.a.branch1


def test_same_nominee_and_form_only_once(world):
    campaign = make_campaign(world.a)
    propose(world.a, campaign, user=world.a.officer)
    with pytest.raises(ValidationError):
        propose(world.a, campaign, user=world.a.officer)


def test_nominees_within_the_centre_and_the_proposers_scope(world):
    campaign = make_campaign(world.a)
    with pytest.raises((ValidationError, PermissionDenied)):
        propose(world.a, campaign, user=world.b.officer)
    with pytest.raises(ValidationError):
        propose(world.a, campaign, unit=world.b.department)
    with pytest.raises(ValidationError):
        propose(world.a, campaign, unit=world.a.partner, code="giay_khen")
    # Branch staff propose their own branch's people and the branch, not the head office's.
    propose(world.a, campaign, actor=world.a.branch_officer, user=world.a.branch_head)
    with pytest.raises(PermissionDenied):
        propose(world.a, campaign, actor=world.a.branch_officer, user=world.a.officer)
    for outsider in (world.a.doj_officer, world.a.lawyer, world.b.director):
        with pytest.raises(PermissionDenied):
            propose(world.a, campaign, actor=outsider, user=world.a.officer)


def test_figures_are_measured_from_real_records(world):
    receive_request(world.a.intake)
    accepted = accepted_case(world.a.intake)
    receive_request(world.a.branch_officer)
    officer_provider = provider_for(world.a.officer)
    assigned_case(world.a.director, officer_provider, form="litigation")
    assigned_case(world.a.director, officer_provider)
    campaign = make_campaign(world.a)

    intake = propose(world.a, campaign, user=world.a.intake).figures["values"]
    assert intake["requests_received"] == 2 and intake["cases_accepted"] == 1
    assert intake["cases_assigned"] == 0

    officer = propose(world.a, campaign, user=world.a.officer).figures["values"]
    assert officer["cases_assigned"] == 2 and officer["litigation_assigned"] == 1

    # Phòng Nghiệp vụ: the records of its members (intake, officer, admin staff are members in the test world).
    department = propose(world.a, campaign, unit=world.a.department).figures["values"]
    assert department["cases_accepted"] == 1 and department["cases_assigned"] == 2
    branch = propose(world.a, campaign, unit=world.a.branch1).figures["values"]
    assert branch["requests_received"] == 1 and branch["cases_accepted"] == 0
    centre = propose(world.a, campaign, unit=world.a.centre).figures
    assert centre["values"]["requests_received"] == 5  # 2 + 1 + the two assigned cases' requests
    assert centre["period"] == [campaign.period_start.isoformat(), campaign.period_end.isoformat()]
    assert accepted.accepted_by == world.a.intake
    labels = dict(figures.labelled(centre))
    assert labels["Vụ việc thụ lý"] == 3


def test_figures_count_only_the_campaign_period(world):
    receive_request(world.a.intake)
    past = make_campaign(world.a, start=dt.date(2022, 1, 1), end=dt.date(2022, 6, 30))
    values = propose(world.a, past, user=world.a.intake).figures["values"]
    assert values["requests_received"] == 0


def test_refresh_figures(world):
    campaign = make_campaign(world.a)
    nomination = propose(world.a, campaign, user=world.a.intake)
    assert nomination.figures["values"]["requests_received"] == 0
    receive_request(world.a.intake)
    nomination = services.nomination_refresh_figures(actor=world.a.officer, nomination=nomination)
    assert nomination.figures["values"]["requests_received"] == 1


def test_decide_nominations(world):
    campaign = make_campaign(world.a)
    nomination = propose(world.a, campaign, actor=world.a.officer, user=world.a.intake)
    with pytest.raises(PermissionDenied):
        services.nomination_decide(actor=world.a.officer, nomination=nomination, approve=True)
    with pytest.raises(ValidationError) as error:
        services.nomination_decide(actor=world.a.director, nomination=nomination, approve=False)
    assert "note" in error.value.message_dict
    nomination = services.nomination_decide(actor=world.a.director, nomination=nomination, approve=True)
    assert nomination.status == NominationStatus.APPROVED and nomination.decided_by == world.a.director
    with pytest.raises(ValidationError):
        services.nomination_decide(actor=world.a.director, nomination=nomination, approve=False, note="x")


def _decision(campaign, number="512/QĐ-STP"):
    return Decision(campaign=campaign, number=number, date=timezone.localdate(), issuer_name="Giám đốc Sở Tư pháp")


def test_decision_awards_approved_nominations(world):
    campaign = make_campaign(world.a)
    approved = services.nomination_decide(
        actor=world.a.director, nomination=propose(world.a, campaign, user=world.a.officer), approve=True
    )
    pending = propose(world.a, campaign, unit=world.a.department)
    with pytest.raises(ValidationError) as error:
        services.decision_record(
            actor=world.a.director, decision=_decision(campaign), awards=[services.AwardLine(pending)]
        )
    assert "nominations" in error.value.message_dict
    assert not Decision.objects.exists()
    pdf = SimpleUploadedFile("qd.pdf", b"%PDF-1.4\n" + b"0" * 100)
    decision = services.decision_record(
        actor=world.a.director, decision=_decision(campaign), awards=[services.AwardLine(approved)], file=pdf
    )
    award = Award.objects.get()
    assert award.decision == decision and award.form == form("cstd_co_so") and award.awarded_on == decision.date
    assert decision.file.read().startswith(b"%PDF")
    with pytest.raises(ValidationError):
        services.decision_record(
            actor=world.a.director,
            decision=_decision(campaign, "513/QĐ-STP"),
            awards=[services.AwardLine(approved)],
        )
    with pytest.raises(ValidationError) as error:
        services.decision_record(
            actor=world.a.director,
            decision=_decision(campaign, "514/QĐ-STP"),
            awards=[services.AwardLine(approved, form("giay_khen"))],
            file=SimpleUploadedFile("qd.exe", b"MZ"),
        )
    assert "file" in error.value.message_dict


def test_decision_permissions_and_campaign(world):
    campaign = make_campaign(world.a)
    other = make_campaign(world.a, title="Khác")
    approved = services.nomination_decide(
        actor=world.a.director, nomination=propose(world.a, campaign, user=world.a.officer), approve=True
    )
    with pytest.raises(PermissionDenied):
        services.decision_record(
            actor=world.a.officer, decision=_decision(campaign), awards=[services.AwardLine(approved)]
        )
    with pytest.raises(ValidationError):
        services.decision_record(
            actor=world.a.director, decision=_decision(other), awards=[services.AwardLine(approved)]
        )
    with pytest.raises(ValidationError):
        services.decision_record(actor=world.a.director, decision=_decision(campaign), awards=[])
    assert Campaign.objects.count() == 2


def test_a_campaign_links_to_a_task_of_its_centres_plan(world):
    from legalaid.plans.models import Plan, PlanTask

    plan = Plan.objects.create(centre=world.a.centre, title="Kỷ niệm 25 năm")
    task = PlanTask.objects.create(plan=plan, ref="3.1", content="Tổ chức phát động thi đua cao điểm")
    campaign = make_campaign(world.a, plan_task=task)
    assert campaign.plan == plan
    other = Plan.objects.create(centre=world.b.centre, title="Kế hoạch B")
    with pytest.raises(ValidationError) as error:
        make_campaign(world.a, title="Khác", plan=other)
    assert "plan" in error.value.message_dict
