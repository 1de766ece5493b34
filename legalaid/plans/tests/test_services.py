import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from legalaid.core.choices import OrganisationKind
from legalaid.core.models import AuditEntry, Organisation
from legalaid.lib.uploads import max_upload_bytes
from legalaid.plans import services
from legalaid.plans.choices import Comparison, TaskStatus, UnitGroup, UnitRole
from legalaid.plans.models import Plan, PlanTask, TaskProgress
from legalaid.plans.tests.factories import make_plan, plan_data


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_import_saves_header_tree_units_and_targets(world):
    Organisation.objects.create(
        kind=OrganisationKind.DEPARTMENT,
        name="Phòng Hành chính – Tổng hợp",
        parent=world.a.centre,
        centre=world.a.centre,
    )
    plan = services.plan_import(actor=world.a.admin_staff, data=plan_data(), centre=world.a.centre)
    assert plan.number == "33/KH-TGPL"
    assert plan.date == dt.date(2020, 1, 21)
    assert plan.issuer == world.a.centre
    assert plan.bases and plan.purposes and plan.requirements
    assert (plan.period_start, plan.period_end) == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    tasks = list(plan.tasks.order_by("position"))
    assert [t.ref for t in tasks] == ["1.", "2.", "2.1", "2.2", "3.", "5.2."]
    assert tasks[2].parent == tasks[1] and tasks[2].depth == 1
    assert tasks[0].timeframe_text == "Tháng 01/2020" and tasks[0].end == dt.date(2020, 1, 31)
    first_units = {(u.role, u.text): u for u in tasks[0].units.all()}
    assert first_units[(UnitRole.LEAD, "Phòng Nghiệp vụ")].organisation == world.a.department
    assert first_units[(UnitRole.PARTNER, "Phòng HC-TH")].organisation.name == "Phòng Hành chính – Tổng hợp"
    assert first_units[(UnitRole.PARTNER, "Các Chi nhánh")].group == UnitGroup.BRANCHES
    press = tasks[4].units.get(role=UnitRole.PARTNER)
    assert press.organisation is None and press.text == "Báo Lạng Sơn"
    served = tasks[2].targets.get()
    assert served.metric_code == "requests_served_pct" and served.value == Decimal("100")
    outreach = tasks[4].targets.get()
    assert outreach.metric_code == "outreach_sessions_difficult_communes"
    assert outreach.comparison == Comparison.MORE_THAN
    assert tasks[3].targets.get().metric_code == "officers_reaching_quota_pct"
    assert AuditEntry.objects.filter(object_id=str(plan.pk), action="create").exists()


def test_import_by_command_needs_no_actor_and_doj_plan_issuer(world):
    plan = services.plan_import(
        data=plan_data(number="225/KH-STP", issuer="", title="Kỷ niệm 25 năm"), centre=world.a.centre
    )
    assert plan.issuer == world.a.doj
    assert plan.created_by is None


@pytest.mark.parametrize("persona", ["officer", "branch_head", "doj_officer", "lawyer"])
def test_import_forbidden_to_non_managers(world, persona):
    with pytest.raises(PermissionDenied):
        services.plan_import(actor=getattr(world.a, persona), data=plan_data(), centre=world.a.centre)
    assert not Plan.objects.exists()


def test_import_into_another_centre_is_forbidden(world):
    with pytest.raises(PermissionDenied):
        services.plan_import(actor=world.a.director, data=plan_data(), centre=world.b.centre)


def test_import_without_title_is_refused_and_leaves_nothing(world):
    with pytest.raises(ValidationError) as info:
        services.plan_import(actor=world.a.director, data=plan_data(title=""), centre=world.a.centre)
    assert "title" in info.value.message_dict
    assert not Plan.objects.exists()


def test_import_tolerates_odd_values(world):
    data = plan_data(date="không rõ")
    data["tasks"][0]["timeframe"] = {"text": "x", "start": "2020-05-01", "end": "2020-02-01"}
    data["tasks"][0]["targets"] = [{"text": "nhiều", "value": "abc", "unit": ""}, "not a dict"]
    plan = services.plan_import(actor=None, data=data, centre=world.a.centre)
    task = plan.tasks.get(ref="1.")
    assert plan.date is None
    assert task.start < task.end
    assert task.targets.get().value is None


def test_task_update_reparses_units_and_is_versioned(world):
    plan = make_plan(world.a.centre)
    task = plan.tasks.get(ref="1.")
    services.task_update(
        actor=world.a.admin_staff,
        task=task,
        ref="1.",
        content="Tham mưu ban hành kế hoạch",
        timeframe_text=task.timeframe_text,
        expected_output="Kế hoạch",
        lead=["Chi nhánh số 1"],
        partners=[],
        expected_version=task.version,
    )
    task.refresh_from_db()
    assert task.version == 2 and task.content == "Tham mưu ban hành kế hoạch"
    assert task.units.get().organisation == world.a.branch1
    with pytest.raises(ValidationError):
        services.task_update(
            actor=world.a.admin_staff,
            task=task,
            ref="1.",
            content="x",
            timeframe_text="",
            expected_output="",
            lead=[],
            partners=[],
            expected_version=1,
        )
    with pytest.raises(PermissionDenied):
        services.task_update(
            actor=world.a.officer,
            task=task,
            ref="1.",
            content="x",
            timeframe_text="",
            expected_output="",
            lead=[],
            partners=[],
        )


def test_progress_by_lead_unit_with_evidence(world):
    plan = make_plan(world.a.centre)
    task = plan.tasks.get(ref="2.1")  # led by "Phòng Nghiệp vụ" and "Các Chi nhánh"
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    progress = services.task_progress_record(
        actor=world.a.branch_officer, task=task, new_status=TaskStatus.DONE, note="Đã xong", files=[upload]
    )
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE and task.completed_on is not None
    assert progress.old_status == TaskStatus.NOT_STARTED and progress.user == world.a.branch_officer
    evidence = progress.evidence.get()
    assert evidence.name == "bien-ban.pdf" and evidence.size == len(b"%PDF-1.4 test")


def test_progress_refused_to_other_units_other_centre_and_doj(world):
    plan = make_plan(world.a.centre)
    task = plan.tasks.get(ref="5.2.")  # led by "Phòng HC-TH" (not in the system): managers only
    for user in (world.a.branch_officer, world.a.officer, world.a.doj_officer, world.b.director, world.a.lawyer):
        with pytest.raises(PermissionDenied):
            services.task_progress_record(actor=user, task=task, new_status=TaskStatus.IN_PROGRESS, note="x")
    services.task_progress_record(actor=world.a.admin_staff, task=task, new_status=TaskStatus.IN_PROGRESS)
    assert TaskProgress.objects.count() == 1


def test_progress_evidence_type_and_size_checked(world, settings):
    plan = make_plan(world.a.centre)
    task = plan.tasks.get(ref="1.")
    bad = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")
    with pytest.raises(ValidationError) as info:
        services.task_progress_record(actor=world.a.director, task=task, new_status=TaskStatus.DONE, files=[bad])
    assert "files" in info.value.message_dict
    big = SimpleUploadedFile("big.pdf", b"x" * (max_upload_bytes() + 1))
    with pytest.raises(ValidationError):
        services.task_progress_record(actor=world.a.director, task=task, new_status=TaskStatus.DONE, files=[big])
    assert PlanTask.objects.get(pk=task.pk).status == TaskStatus.NOT_STARTED
    with pytest.raises(ValidationError):
        services.task_progress_record(actor=world.a.director, task=task, new_status=task.status, note=" ")


def test_drafts_belong_to_their_owner_and_save_as_a_plan(world):
    draft = services.draft_create(actor=world.a.admin_staff, data=plan_data(), source_name="kh.txt", content=b"abc")
    with pytest.raises(PermissionDenied):
        services.draft_save(actor=world.a.director, draft=draft)
    plan = services.draft_save(actor=world.a.admin_staff, draft=draft)
    assert plan.tasks.count() == 6
    assert plan.source_file.read() == b"abc"
    assert not type(draft).objects.exists()


def test_target_binding(world):
    plan = make_plan(world.a.centre)
    target = plan.tasks.get(ref="3.").targets.get()
    services.target_update(
        actor=world.a.director, target=target, metric_code="cases_accepted", comparison=">=", value=Decimal(5)
    )
    target.refresh_from_db()
    assert target.metric_code == "cases_accepted"
    with pytest.raises(ValidationError):
        services.target_update(actor=world.a.director, target=target, metric_code="nope", comparison=">=", value=None)


def test_evidence_named_pdf_but_not_a_pdf_is_refused():
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError, match="không đúng loại"):
        services.check_evidence(SimpleUploadedFile("bien-ban.pdf", b"MZ\x90\x00 renamed program"))
    services.check_evidence(SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 real"))
