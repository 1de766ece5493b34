"""The Department's evaluation (TT 12/2018/TT-BTP Art. 15 as amended; DOMAIN.md 3): plans and their sample, triggers
with a working-day deadline, the team and the experts' written opinions, the conclusion and its follow-ups; who sees
and writes what (the Department writes its evaluations while the Centres' cases stay read-only to it)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from legalaid.core import calendar
from legalaid.core.scoping import scope_of
from legalaid.providers.tests.factories import ProviderFactory, provider_for
from legalaid.quality import services
from legalaid.quality.choices import EvaluationOrigin, EvaluationStatus, FollowUpStatus, TeamRole
from legalaid.quality.models import Evaluation, EvaluationPlan, FollowUp, ResultLevel
from legalaid.quality.tests.factories import completed_case

pytestmark = pytest.mark.django_db

TODAY = dt.date.today


def new_plan(world, actor=None, ratio="10", centres=None, **fields):
    today = timezone.localdate()
    plan = EvaluationPlan(
        title="Kế hoạch đánh giá chất lượng năm",
        period_start=fields.pop("period_start", today.replace(month=1, day=1)),
        period_end=fields.pop("period_end", today),
        sample_ratio=Decimal(ratio),
        method="files",
        **fields,
    )
    return services.plan_save(actor=actor or world.a.doj_officer, plan=plan, centres=centres or [world.a.centre])


@pytest.fixture
def cases(world):
    """Twelve completed litigation cases of Centre A: ten by the officer, one each by two other providers."""
    officer = provider_for(world.a.officer)
    out = [completed_case(world.a.director, officer) for _ in range(10)]
    out.append(completed_case(world.a.director, ProviderFactory(centre=world.a.centre, full_name="Người B")))
    out.append(completed_case(world.a.director, ProviderFactory(centre=world.a.centre, full_name="Người C")))
    return out


def test_the_department_still_only_reads_the_centres_cases(world):
    assert scope_of(world.a.doj_officer).read_only  # cases, requests, persons: read only
    assert world.a.doj_officer.has_perm("quality.manage_evaluation")
    assert not world.a.director.has_perm("quality.manage_evaluation")


def test_plan_sample_covers_every_provider_and_is_approved_into_evaluations(world, cases):
    plan = new_plan(world)
    assert plan.seed and plan.doj_id == world.a.doj.pk
    first = services.plan_sample(plan)
    assert first == services.plan_sample(plan)  # reproducible from the stored seed
    assert first.pool == 12 and first.target == 2
    evaluations = services.plan_approve(actor=world.a.doj_officer, plan=plan)
    assert sorted(e.case_id for e in evaluations) == list(first.case_ids)
    evaluated_providers = {a.provider_id for c in cases if c.pk in first.case_ids for a in c.assignments.all()}
    all_providers = {a.provider_id for c in cases for a in c.assignments.all()}
    assert evaluated_providers == all_providers  # at least one case of every provider
    assert len(first.case_ids) == 3  # the ratio asks for 2; a third case covers the third provider
    plan.refresh_from_db()
    assert plan.status == "approved"


def test_a_second_plan_never_draws_a_case_twice(world, cases):
    first = services.plan_approve(actor=world.a.doj_officer, plan=new_plan(world, ratio="50"))
    second_plan = new_plan(world, ratio="100")
    second = services.plan_approve(actor=world.a.doj_officer, plan=second_plan)
    assert not {e.case_id for e in first} & {e.case_id for e in second}
    assert len(first) + len(second) == 12
    with pytest.raises(ValidationError):  # nothing left to draw
        services.plan_approve(actor=world.a.doj_officer, plan=new_plan(world))


def test_the_database_refuses_a_case_sampled_twice(world, cases):
    plan = new_plan(world)
    services.plan_approve(actor=world.a.doj_officer, plan=plan)
    evaluation = Evaluation.objects.first()
    duplicate = Evaluation(
        doj=world.a.doj, centre=world.a.centre, case=evaluation.case, plan=plan, origin="sample", created_by=world.root
    )
    with pytest.raises(ValidationError):
        duplicate.full_clean()


@pytest.mark.parametrize("persona", ["director", "officer", "admin_staff", "lawyer"])
def test_centre_staff_do_not_make_plans(world, persona):
    with pytest.raises(PermissionDenied):
        new_plan(world, actor=getattr(world.a, persona))


def test_a_plan_covers_only_centres_the_department_oversees(world):
    with pytest.raises(ValidationError) as error:
        new_plan(world, centres=[world.b.centre])
    assert "centres" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        services.plan_approve(actor=world.b.doj_officer, plan=new_plan(world))


def test_trigger_deadline_in_working_days(world, cases):
    received = timezone.localdate() - dt.timedelta(days=2)
    evaluation = services.evaluation_start(
        actor=world.a.doj_officer,
        case=cases[0],
        origin=EvaluationOrigin.COMPLAINT,
        trigger_reference="Đơn ngày 01/12",
        received_on=received,
    )
    assert evaluation.due_on == calendar.add_working_days(received, 15)  # unconfirmed Department setting
    with pytest.raises(ValidationError) as error:  # already under evaluation
        services.evaluation_start(
            actor=world.a.doj_officer, case=cases[0], origin="request", trigger_reference="CV", received_on=received
        )
    assert "case" in error.value.message_dict


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("origin", {"origin": "sample"}),
        ("trigger_reference", {"trigger_reference": " "}),
        ("trigger_received_on", {"received_on": dt.date.today() + dt.timedelta(days=3)}),
    ],
)
def test_trigger_bad_input(world, cases, field, kwargs):
    data = {"origin": "inspection", "trigger_reference": "KL thanh tra", "received_on": timezone.localdate(), **kwargs}
    with pytest.raises(ValidationError) as error:
        services.evaluation_start(actor=world.a.doj_officer, case=cases[0], **data)
    assert field in error.value.message_dict


def test_another_departments_case_is_refused(world):
    case_b = completed_case(world.b.director, provider_for(world.b.officer))
    with pytest.raises(ValidationError) as error:
        services.evaluation_start(
            actor=world.a.doj_officer, case=case_b, origin="request", trigger_reference="CV", received_on=TODAY()
        )
    assert "case" in error.value.message_dict


def _open(world, case):
    return services.evaluation_start(
        actor=world.a.doj_officer, case=case, origin="request", trigger_reference="CV 12", received_on=TODAY()
    )


def test_conclusion_needs_a_lead_and_every_experts_written_opinion(world, cases):
    evaluation = _open(world, cases[0])
    level = ResultLevel.objects.get(code="dat")
    kwargs = {"findings": "Hồ sơ đầy đủ", "conclusion": "Đạt", "result_level": level}
    with pytest.raises(ValidationError) as error:
        services.evaluation_conclude(actor=world.a.doj_officer, evaluation=evaluation, **kwargs)
    assert "trưởng đoàn" in error.value.message_dict["__all__"][0]
    services.team_member_add(actor=world.a.doj_officer, evaluation=evaluation, role=TeamRole.LEAD, name="Trưởng đoàn")
    expert = services.team_member_add(
        actor=world.a.doj_officer, evaluation=evaluation, role=TeamRole.EXPERT, name="Luật sư X", affiliation="Đoàn LS"
    )
    with pytest.raises(ValidationError) as error:
        services.evaluation_conclude(actor=world.a.doj_officer, evaluation=evaluation, **kwargs)
    assert "Luật sư X" in error.value.message_dict["__all__"][0]
    services.opinion_record(actor=world.a.doj_officer, member=expert, opinion="Đồng ý", opinion_on=TODAY())
    due = TODAY() + dt.timedelta(days=30)
    done = services.evaluation_conclude(
        actor=world.a.doj_officer, evaluation=evaluation, follow_ups=[("Bổ sung bản bảo vệ", due)], **kwargs
    )
    assert done.status == EvaluationStatus.CONCLUDED
    assert FollowUp.objects.get(evaluation=done).due_on == due
    with pytest.raises(ValidationError):  # concluded: closed
        services.team_member_add(actor=world.a.doj_officer, evaluation=done, role="member", name="Y")


def _concluded_with_follow_up(world, case):
    evaluation = _open(world, case)
    services.team_member_add(actor=world.a.doj_officer, evaluation=evaluation, role=TeamRole.LEAD, name="Trưởng")
    services.evaluation_conclude(
        actor=world.a.doj_officer,
        evaluation=evaluation,
        findings="F",
        conclusion="C",
        result_level=ResultLevel.objects.get(code="khong_dat"),
        follow_ups=[("Rút kinh nghiệm", TODAY() + dt.timedelta(days=10))],
    )
    return FollowUp.objects.get(evaluation=evaluation)


def test_who_sees_evaluations(world, cases):
    open_one = _open(world, cases[1])
    follow_up = _concluded_with_follow_up(world, cases[0])
    concluded = follow_up.evaluation
    assert set(Evaluation.objects.visible_to(world.a.doj_officer)) == {open_one, concluded}
    assert set(Evaluation.objects.visible_to(world.a.director)) == {concluded}  # results only
    assert set(Evaluation.objects.visible_to(world.a.officer)) == {concluded}
    for user in (world.b.doj_officer, world.b.director, world.a.lawyer, world.a.agency_officer):
        assert not Evaluation.objects.visible_to(user).exists()
    assert not EvaluationPlan.objects.visible_to(world.a.director).exists()
    assert list(FollowUp.objects.visible_to(world.a.director)) == [follow_up]


def test_follow_up_is_tracked_to_done_by_the_centre(world, cases):
    follow_up = _concluded_with_follow_up(world, cases[0])
    for outsider in (world.a.officer, world.b.director):
        with pytest.raises(PermissionDenied):
            services.follow_up_done(actor=outsider, follow_up=follow_up, done_on=TODAY(), note="Xong")
    with pytest.raises(ValidationError) as error:
        services.follow_up_done(actor=world.a.director, follow_up=follow_up, done_on=TODAY(), note=" ")
    assert "done_note" in error.value.message_dict
    done = services.follow_up_done(actor=world.a.director, follow_up=follow_up, done_on=TODAY(), note="Đã họp")
    assert done.status == FollowUpStatus.DONE and done.done_by == world.a.director


def test_centre_staff_cannot_write_evaluations(world, cases):
    evaluation = _open(world, cases[0])
    with pytest.raises(PermissionDenied):
        services.team_member_add(actor=world.a.director, evaluation=evaluation, role="member", name="X")
    with pytest.raises(PermissionDenied):
        services.team_member_add(actor=world.b.doj_officer, evaluation=evaluation, role="member", name="X")
