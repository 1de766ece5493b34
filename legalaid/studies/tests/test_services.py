"""Study services: due dates in order, deadlines on the working-day calendar, steps in order, late steps,
versions (type and size checked), comments, permissions."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from legalaid.core.choices import AuditAction
from legalaid.core.models import AuditEntry, CalendarOverride
from legalaid.studies import services
from legalaid.studies.choices import StepKind, StudyStatus
from legalaid.studies.models import StudyOutlineSection, ThematicStudy

from .factories import PDF, dates, make_study, second_department, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_outline_sections_are_loaded_from_the_plan():
    titles = list(StudyOutlineSection.objects.values_list("title", flat=True))
    assert titles[0] == "Mở đầu" and titles[-1] == "Kết luận"
    assert "Giải pháp" in titles and "Đề xuất, kiến nghị" in titles
    assert all(s.reference for s in StudyOutlineSection.objects.all())


def test_create_makes_three_steps_and_the_required_outline(world):
    study = make_study(world.a)
    assert study.status == StudyStatus.PLANNED and study.centre == world.a.centre
    assert [s.kind for s in study.steps_in_order()] == [StepKind.DRAFT, StepKind.CRITIQUE, StepKind.SESSION]
    assert set(study.outline.values_list("code", flat=True)) == set(
        StudyOutlineSection.objects.filter(required=True).values_list("code", flat=True)
    )
    assert AuditEntry.objects.filter(action=AuditAction.CREATE, object_id=str(study.pk)).exists()


def test_a_due_date_on_a_day_off_moves_to_the_next_working_day(world):
    # 16/03/2025 is a Sunday; 20/03 is made a day off by an override.
    CalendarOverride.objects.create(date=dt.date(2025, 3, 20), kind="day_off", reason="test")
    study = make_study(world.a, due=dates(draft=dt.date(2025, 3, 16), critique=dt.date(2025, 3, 20)))
    steps = {s.kind: s for s in study.steps.all()}
    assert steps[StepKind.DRAFT].deadline == dt.date(2025, 3, 17)
    assert steps[StepKind.CRITIQUE].deadline == dt.date(2025, 3, 21)
    assert steps[StepKind.SESSION].deadline == dt.date(2025, 3, 28)


def test_due_dates_must_follow_the_plans_order(world):
    with pytest.raises(ValidationError) as error:
        make_study(world.a, due=dates(draft=dt.date(2025, 3, 20), critique=dt.date(2025, 3, 15)))
    assert "critique_due" in error.value.message_dict


def test_departments_must_be_the_centres_and_differ(world):
    with pytest.raises(ValidationError) as error:
        make_study(world.a, lead_department=world.b.department)
    assert "lead_department" in error.value.message_dict
    with pytest.raises(ValidationError):
        make_study(world.a, reviewing_department=world.a.department)


@pytest.mark.parametrize("persona", ["officer", "branch_head", "doj_officer", "lawyer", "collaborator"])
def test_only_the_board_and_administration_assign_studies(world, persona):
    with pytest.raises(PermissionDenied):
        make_study(world.a, actor=getattr(world.a, persona))


def test_full_cycle_and_status(world):
    study = make_study(world.a)
    services.study_submit_version(actor=world.a.officer, study=study, file=upload())
    study.refresh_from_db()
    assert study.status == StudyStatus.DRAFTING
    services.study_complete_step(actor=world.a.officer, study=study, kind=StepKind.DRAFT, done_on=dt.date(2025, 3, 14))
    study.refresh_from_db()
    assert study.status == StudyStatus.UNDER_REVIEW
    reviewer = world.a.admin_staff
    reviewer.organisation = second_department(world.a)
    reviewer.save()
    services.study_complete_step(actor=reviewer, study=study, kind=StepKind.CRITIQUE, done_on=dt.date(2025, 3, 19))
    services.study_complete_step(
        actor=world.a.director, study=study, kind=StepKind.SESSION, done_on=dt.date(2025, 3, 28)
    )
    study.refresh_from_db()
    assert study.status == StudyStatus.FINALISED
    assert not any(s.done_late for s in study.steps.all())
    assert not study.is_late(timezone.localdate())


def test_steps_go_in_order(world):
    study = make_study(world.a)
    services.study_submit_version(actor=world.a.officer, study=study, file=upload())
    with pytest.raises(ValidationError) as error:
        services.study_complete_step(actor=world.a.director, study=study, kind=StepKind.SESSION)
    assert error.value.code == "order"
    services.study_complete_step(actor=world.a.officer, study=study, kind=StepKind.DRAFT, done_on=dt.date(2025, 3, 14))
    with pytest.raises(ValidationError) as error:
        services.study_complete_step(
            actor=world.a.director, study=study, kind=StepKind.CRITIQUE, done_on=dt.date(2025, 3, 13)
        )
    assert "done_on" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.study_complete_step(
            actor=world.a.officer, study=study, kind=StepKind.DRAFT, done_on=dt.date(2025, 3, 14)
        )


def test_the_draft_needs_an_uploaded_version(world):
    study = make_study(world.a)
    with pytest.raises(ValidationError) as error:
        services.study_complete_step(actor=world.a.director, study=study, kind=StepKind.DRAFT)
    assert error.value.code == "no_version"


def test_no_step_done_in_the_future(world):
    study = make_study(world.a)
    services.study_submit_version(actor=world.a.officer, study=study, file=upload())
    with pytest.raises(ValidationError) as error:
        services.study_complete_step(
            actor=world.a.director,
            study=study,
            kind=StepKind.DRAFT,
            done_on=timezone.localdate() + dt.timedelta(days=1),
        )
    assert "done_on" in error.value.message_dict


def test_a_step_done_after_its_deadline_is_recorded_late_in_working_days(world):
    # Due Friday 14/03/2025; done Tuesday 18/03: Monday 17 and Tuesday 18 are the two working days late.
    study = make_study(world.a)
    services.study_submit_version(actor=world.a.officer, study=study, file=upload())
    step = services.study_complete_step(
        actor=world.a.officer, study=study, kind=StepKind.DRAFT, done_on=dt.date(2025, 3, 18)
    )
    assert step.done_late and step.late_working_days == 2


def test_done_on_the_next_working_day_after_a_sunday_due_date_is_on_time(world):
    study = make_study(world.a, due=dates(draft=dt.date(2025, 3, 16)))
    services.study_submit_version(actor=world.a.officer, study=study, file=upload())
    step = services.study_complete_step(
        actor=world.a.officer, study=study, kind=StepKind.DRAFT, done_on=dt.date(2025, 3, 17)
    )
    assert not step.done_late and step.late_working_days == 0


def test_late_is_derived_from_open_steps_past_their_deadline(world):
    today = timezone.localdate()
    past = make_study(
        world.a,
        title="Quá hạn",
        due=dates(
            draft=today - dt.timedelta(days=10),
            critique=today + dt.timedelta(days=30),
            session=today + dt.timedelta(days=40),
        ),
    )
    future = make_study(
        world.a,
        title="Còn hạn",
        due=dates(
            draft=today + dt.timedelta(days=10),
            critique=today + dt.timedelta(days=30),
            session=today + dt.timedelta(days=40),
        ),
    )
    assert past.is_late(today) and not future.is_late(today)
    assert list(ThematicStudy.objects.late_on(today)) == [past]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("virus.exe", b"MZ" + b"\x00" * 50, "file_type"),
        ("fake.pdf", b"PK\x03\x04" + b"\x00" * 50, "file_signature"),
        ("empty.docx", b"", "file_empty"),
    ],
)
def test_uploads_are_checked(world, name, content, code):
    study = make_study(world.a)
    with pytest.raises(ValidationError) as error:
        services.study_submit_version(actor=world.a.officer, study=study, file=upload(name, content))
    assert error.value.error_dict["file"][0].code == code


def test_upload_size_limit(world, settings):
    settings.UPLOAD_MAX_MB = 1
    study = make_study(world.a)
    with pytest.raises(ValidationError) as error:
        services.study_submit_version(
            actor=world.a.officer, study=study, file=upload("big.pdf", PDF + b"\x00" * (1024 * 1024))
        )
    assert error.value.error_dict["file"][0].code == "file_size"


def test_versions_are_numbered(world):
    study = make_study(world.a)
    v1 = services.study_submit_version(actor=world.a.officer, study=study, file=upload())
    v2 = services.study_submit_version(actor=world.a.director, study=study, file=upload("v2.pdf", PDF), note="Sửa")
    assert (v1.number, v2.number) == (1, 2)
    assert v2.file.read().startswith(b"%PDF") and v2.original_name == "v2.pdf" and v2.size == len(PDF)


def test_who_may_upload(world):
    study = make_study(world.a)
    for persona in ("branch_officer", "intake", "doj_officer"):
        # intake is in the lead department (Phòng Nghiệp vụ) in the test world: allowed
        actor = getattr(world.a, persona)
        if persona == "intake":
            services.study_submit_version(actor=actor, study=study, file=upload())
            continue
        with pytest.raises(PermissionDenied):
            services.study_submit_version(actor=actor, study=study, file=upload())
    with pytest.raises(PermissionDenied):
        services.study_submit_version(actor=world.b.director, study=study, file=upload())


def test_comments_and_critiques(world):
    study = make_study(world.a)
    version = services.study_submit_version(actor=world.a.officer, study=study, file=upload())
    comment = services.study_comment(actor=world.a.branch_officer, version=version, text="Bổ sung ví dụ vụ việc")
    assert not comment.is_critique
    reviewer = world.a.admin_staff
    reviewer.organisation = second_department(world.a)
    reviewer.save()
    critique = services.study_comment(actor=reviewer, version=version, text="Phần giải pháp còn chung chung")
    assert critique.is_critique
    with pytest.raises(ValidationError):
        services.study_comment(actor=world.a.director, version=version, text="  ")
    for outsider in (world.a.doj_officer, world.a.lawyer, world.b.director):
        with pytest.raises(PermissionDenied):
            services.study_comment(actor=outsider, version=version, text="x")


def test_critique_step_belongs_to_the_reviewing_department(world):
    study = make_study(world.a)
    services.study_submit_version(actor=world.a.officer, study=study, file=upload())
    services.study_complete_step(actor=world.a.officer, study=study, kind=StepKind.DRAFT, done_on=dt.date(2025, 3, 14))
    with pytest.raises(PermissionDenied):
        services.study_complete_step(actor=world.a.officer, study=study, kind=StepKind.CRITIQUE)
    with pytest.raises(PermissionDenied):
        services.study_complete_step(actor=world.a.officer, study=study, kind=StepKind.SESSION)


def test_update_keeps_done_steps_due_dates(world):
    study = make_study(world.a)
    services.study_submit_version(actor=world.a.officer, study=study, file=upload())
    services.study_complete_step(actor=world.a.officer, study=study, kind=StepKind.DRAFT, done_on=dt.date(2025, 3, 14))
    study = ThematicStudy.objects.get(pk=study.pk)
    with pytest.raises(ValidationError) as error:
        services.study_update(actor=world.a.director, study=study, due_dates=dates(draft=dt.date(2025, 3, 10)))
    assert "draft_due" in error.value.message_dict
    study = ThematicStudy.objects.get(pk=study.pk)
    study.title = "Tên mới"
    services.study_update(actor=world.a.officer, study=study, due_dates=dates(session=dt.date(2025, 3, 31)))
    study.refresh_from_db()
    assert study.title == "Tên mới" and study.steps.get(kind=StepKind.SESSION).deadline == dt.date(2025, 3, 31)


def test_stale_update_is_refused(world):
    study = make_study(world.a)
    with pytest.raises(ValidationError) as error:
        services.study_update(actor=world.a.director, study=study, expected_version=study.version + 5)
    assert error.value.code == "stale"


def _plan_task(centre):
    from legalaid.plans.models import Plan, PlanTask

    plan = Plan.objects.create(centre=centre, title="Thực hiện chuyên đề về trợ giúp pháp lý năm 2025")
    return PlanTask.objects.create(plan=plan, ref="3.1", content="Chuyên đề 1")


def test_a_study_links_to_a_task_of_its_centres_plan(world):
    task = _plan_task(world.a.centre)
    study = make_study(world.a, plan_task=task)
    assert study.plan == task.plan
    with pytest.raises(ValidationError) as error:
        make_study(world.a, title="Khác", plan_task=_plan_task(world.b.centre))
    assert "plan_task" in error.value.message_dict
