"""Services of the case's life: details, hearings, work log, attachments, completion, handover and archiving."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from legalaid.cases import services
from legalaid.cases.choices import CaseStatus, DiscontinuationReason, EventKind
from legalaid.cases.models import (
    ActivityType,
    ArchiveChecklistItem,
    CaseAdvice,
    CaseCompletion,
    CaseLitigation,
    ComplexityCriterion,
    Hearing,
    SuccessCriterion,
    WorkLogEntry,
)
from legalaid.cases.tests.factories import case_in

pytestmark = pytest.mark.django_db

S = CaseStatus
PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}


def litigation(world, status=S.IN_PROGRESS):
    return case_in(world.a.director, status, form="litigation", field="criminal")


# --- details ---------------------------------------------------------------------------------------------------


def test_litigation_details_created_then_updated_with_version_check(world):
    case = litigation(world)
    details = services.details_save(
        actor=world.a.officer,
        case=case,
        details=CaseLitigation(
            procedure="criminal",
            procedural_role="accused",
            stage="first_instance",
            agency=world.a.agency,
            agency_reference="12/2026/HSST",
        ),
    )
    assert details.version == 1
    first = CaseLitigation.objects.get(pk=details.pk)
    second = CaseLitigation.objects.get(pk=details.pk)
    first.stage = "appeal"
    services.details_save(actor=world.a.officer, case=case, details=first, expected_version=1)
    second.agency_reference = "khác"
    with pytest.raises(ValidationError, match="vừa được người khác cập nhật"):
        services.details_save(actor=world.a.director, case=case, details=second, expected_version=1)
    details.refresh_from_db()
    assert (details.stage, details.agency_reference, details.version) == ("appeal", "12/2026/HSST", 2)
    assert case.events.filter(kind=EventKind.DETAILS).count() == 2


@pytest.mark.parametrize(
    ("procedure", "role", "stage", "field"),
    [
        ("civil", "accused", "first_instance", "procedural_role"),
        ("civil", "plaintiff", "investigation", "stage"),
        ("administrative", "defendant", "prosecution", "stage"),
    ],
)
def test_litigation_details_cross_checks(world, procedure, role, stage, field):
    case = case_in(world.a.director, S.IN_PROGRESS, form="litigation", field=procedure)
    with pytest.raises(ValidationError) as exc:
        services.details_save(
            actor=world.a.officer,
            case=case,
            details=CaseLitigation(procedure=procedure, procedural_role=role, stage=stage),
        )
    assert field in exc.value.message_dict


def test_agency_must_be_a_procedure_conducting_agency(world):
    case = litigation(world)
    with pytest.raises(ValidationError) as exc:
        services.details_save(
            actor=world.a.officer,
            case=case,
            details=CaseLitigation(
                procedure="civil", procedural_role="plaintiff", stage="first_instance", agency=world.a.partner
            ),
        )
    assert "agency" in exc.value.message_dict


def test_details_of_another_form_refused(world):
    case = case_in(world.a.director, S.IN_PROGRESS, form="advice")
    with pytest.raises(ValidationError):
        services.details_save(
            actor=world.a.officer,
            case=case,
            details=CaseLitigation(procedure="civil", procedural_role="plaintiff", stage="first_instance"),
        )
    services.details_save(actor=world.a.officer, case=case, details=CaseAdvice(question="Chia di sản thế nào?"))


def test_details_refused_for_outsiders_and_doj(world):
    case = case_in(world.a.director, S.IN_PROGRESS, form="advice")
    for actor in (world.b.director, world.a.doj_officer, world.a.lawyer):
        with pytest.raises(PermissionDenied):
            services.details_save(actor=actor, case=case, details=CaseAdvice(question="?"))


def test_hearing_only_for_litigation(world):
    case = litigation(world)
    when = timezone.now() + dt.timedelta(days=3)
    hearing = services.hearing_add(
        actor=world.a.officer, case=case, hearing=Hearing(starts_at=when, place="TAND tỉnh", kind="trial")
    )
    assert case.events.filter(kind=EventKind.HEARING, data__hearing=hearing.pk).exists()
    advice = case_in(world.a.director, S.IN_PROGRESS, form="advice")
    with pytest.raises(ValidationError):
        services.hearing_add(actor=world.a.officer, case=advice, hearing=Hearing(starts_at=when, place="x"))


# --- work log --------------------------------------------------------------------------------------------------


def _entry(**fields):
    return WorkLogEntry(
        activity_type=ActivityType.objects.get(code="study_file"),
        date=fields.pop("date", timezone.localdate()),
        **fields,
    )


def test_worklog_counts_sessions_and_bumps_the_version(world):
    case = litigation(world)
    entry = services.worklog_add(actor=world.a.officer, case=case, entry=_entry(hours=Decimal("5"), place="Trại giam"))
    assert entry.counted_sessions == Decimal("1.5")
    assert entry.provider_user == world.a.officer
    case.refresh_from_db()
    assert case.version == 2
    assert case.events.filter(kind=EventKind.ACTIVITY).count() == 1
    services.worklog_add(actor=world.a.officer, case=case, entry=_entry(sessions=Decimal("2"), hours=Decimal("3")))
    assert services.total_counted_sessions(case) == Decimal("4.5")
    assert services.session_cap(case, timezone.localdate()) == 30


def test_worklog_needs_time_and_a_past_date(world):
    case = litigation(world)
    with pytest.raises(ValidationError):
        services.worklog_add(actor=world.a.officer, case=case, entry=_entry())
    with pytest.raises(ValidationError) as exc:
        services.worklog_add(
            actor=world.a.officer,
            case=case,
            entry=_entry(hours=Decimal(1), date=timezone.localdate() + dt.timedelta(days=1)),
        )
    assert "date" in exc.value.message_dict


@pytest.mark.parametrize("status", [S.ACCEPTED, S.COMPLETED, S.DISCONTINUED, S.ARCHIVED])
def test_worklog_refused_when_not_being_worked_on(world, status):
    case = case_in(world.a.director, status)
    with pytest.raises(ValidationError):
        services.worklog_add(actor=world.a.officer, case=case, entry=_entry(hours=Decimal(1)))


def test_worklog_refused_for_other_centre(world):
    case = litigation(world)
    with pytest.raises(PermissionDenied):
        services.worklog_add(actor=world.b.officer, case=case, entry=_entry(hours=Decimal(1)))


# --- attachments -----------------------------------------------------------------------------------------------


def test_attachment_stored_and_on_the_timeline(world):
    case = litigation(world)
    upload = SimpleUploadedFile("Bản bào chữa.pdf", PDF, content_type="application/pdf")
    attachment = services.attachment_add(actor=world.a.officer, case=case, upload=upload, description="Bản bào chữa")
    assert attachment.original_name == "Bản bào chữa.pdf"
    assert attachment.size == len(PDF)
    assert re.fullmatch(r"cases/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", attachment.file.name)  # random, not the name
    assert attachment.file.read() == PDF
    assert case.events.filter(kind=EventKind.ATTACHMENT).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90", "Chỉ nhận tệp"),
        ("a.pdf", b"MZ\x90\x00 not a pdf", "không đúng với định dạng"),
        ("empty.pdf", b"", "rỗng"),
        ("anh.png", b"\xff\xd8\xff jpeg", "không đúng với định dạng"),
    ],
)
def test_attachment_type_checked(world, name, content, message):
    case = litigation(world)
    with pytest.raises(ValidationError) as exc:
        services.attachment_add(actor=world.a.officer, case=case, upload=SimpleUploadedFile(name, content))
    assert message in " ".join(exc.value.message_dict["file"])


def test_attachment_size_checked(world, settings):
    settings.UPLOAD_MAX_MB = 1
    case = litigation(world)
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024))
    with pytest.raises(ValidationError) as exc:
        services.attachment_add(actor=world.a.officer, case=case, upload=big)
    assert "Tệp quá lớn: tối đa 1 MB." in exc.value.message_dict["file"]


# --- completion ------------------------------------------------------------------------------------------------


def _completion(**fields):
    defaults = {"completed_on": timezone.localdate(), "outcome": "Tòa chấp nhận quan điểm bào chữa"}
    defaults.update(fields)
    return CaseCompletion(**defaults)


def test_complete_litigation_needs_the_judgment(world):
    case = litigation(world)
    with pytest.raises(ValidationError) as exc:
        services.case_complete(actor=world.a.officer, case=case, completion=_completion())
    assert {"decision_number", "decision_date", "beneficiary_change"} <= set(exc.value.message_dict)
    case.refresh_from_db()
    assert case.status == S.IN_PROGRESS and not CaseCompletion.objects.exists()


@pytest.mark.parametrize(("form", "field"), [("advice", "written_answer"), ("representation", "representation_result")])
def test_complete_other_forms_need_their_result(world, form, field):
    case = case_in(world.a.director, S.IN_PROGRESS, form=form)
    with pytest.raises(ValidationError) as exc:
        services.case_complete(actor=world.a.officer, case=case, completion=_completion())
    assert field in exc.value.message_dict
    services.case_complete(actor=world.a.officer, case=case, completion=_completion(**{field: "Đã trả lời"}))
    case.refresh_from_db()
    assert case.status == S.COMPLETED


def _litigation_result(**fields):
    return _completion(
        decision_number="25/2026/HS-ST",
        decision_date=timezone.localdate(),
        beneficiary_change="Được hưởng án treo",
        **fields,
    )


def test_successful_needs_the_three_conditions_of_the_principle(world):
    """QĐ 1179/QĐ-BTP: ended, the provider's view differed from the agency's, and it was accepted."""
    case = litigation(world)
    nt1, nt2, nt3 = SuccessCriterion.objects.filter(is_principle=True).order_by("code")
    tc02 = SuccessCriterion.objects.get(code="TC02")
    with pytest.raises(ValidationError) as exc:
        services.case_complete(
            actor=world.a.officer,
            case=case,
            completion=_litigation_result(successful=True),
            success_criteria=[nt1, nt2, tc02],
        )
    assert "success_criteria" in exc.value.message_dict
    completion = services.case_complete(
        actor=world.a.officer,
        case=case,
        completion=_litigation_result(successful=True),
        success_criteria=[nt1, nt2, nt3, tc02],
    )
    assert set(completion.success_criteria.values_list("code", flat=True)) == {"NT1", "NT2", "NT3", "TC02"}
    case.refresh_from_db()
    assert case.status == S.COMPLETED
    assert case.archive.handover_due_on == timezone.localdate() + dt.timedelta(days=30)


def test_successful_only_for_litigation_and_criteria_only_with_flags(world):
    advice = case_in(world.a.director, S.IN_PROGRESS, form="advice")
    with pytest.raises(ValidationError) as exc:
        services.case_complete(
            actor=world.a.officer, case=advice, completion=_completion(written_answer="x", successful=True)
        )
    assert "successful" in exc.value.message_dict
    case = litigation(world)
    with pytest.raises(ValidationError) as exc:
        services.case_complete(actor=world.a.officer, case=case, completion=_litigation_result(complex_or_typical=True))
    assert "complexity_criteria" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.case_complete(
            actor=world.a.officer,
            case=case,
            completion=_litigation_result(),
            complexity_criteria=[ComplexityCriterion.objects.first()],
        )
    assert "complexity_criteria" in exc.value.message_dict
    completion = services.case_complete(
        actor=world.a.officer,
        case=case,
        completion=_litigation_result(complex_or_typical=True),
        complexity_criteria=ComplexityCriterion.objects.filter(code__in=["PT04", "PT06"]),
    )
    assert completion.complexity_criteria.count() == 2


def test_complete_refused_unless_in_progress_and_with_stale_version(world):
    case = case_in(world.a.director, S.ASSIGNED, form="advice")
    with pytest.raises(ValidationError, match="Không thể chuyển"):
        services.case_complete(actor=world.a.officer, case=case, completion=_completion(written_answer="x"))
    case = case_in(world.a.director, S.IN_PROGRESS, form="advice")
    with pytest.raises(ValidationError, match="vừa được người khác"):
        services.case_complete(
            actor=world.a.officer, case=case, completion=_completion(written_answer="x"), expected_version=7
        )


def test_acknowledgement_signed_needs_a_date(world):
    case = case_in(world.a.director, S.IN_PROGRESS, form="advice")
    with pytest.raises(ValidationError) as exc:
        services.case_complete(
            actor=world.a.officer,
            case=case,
            completion=_completion(written_answer="x", acknowledgement_signed=True),
        )
    assert "acknowledged_on" in exc.value.message_dict


# --- discontinuation, handover, archiving ------------------------------------------------------------------------


def _completed_litigation(world):
    case = litigation(world)
    services.case_complete(actor=world.a.officer, case=case, completion=_litigation_result())
    return case


def test_checklist_depends_on_form_and_ending(world):
    case = _completed_litigation(world)
    codes = set(services.checklist_for(case).values_list("code", flat=True))
    assert codes == {"a", "b", "c", "d", "e", "g"}
    stopped = case_in(world.a.director, S.IN_PROGRESS, form="litigation")
    services.case_discontinue(
        actor=world.a.director, case=stopped, ground=DiscontinuationReason.WITHDRAWAL, reason="Rút đơn"
    )
    stopped.refresh_from_db()
    assert set(services.checklist_for(stopped).values_list("code", flat=True)) == {"a", "b", "dd", "e", "g"}


def test_archive_needs_handover_and_a_complete_checklist(world):
    case = _completed_litigation(world)
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="bàn giao"):
        services.case_archive(
            actor=world.a.admin_staff, case=case, file_code="LT-01", location="Kho 1", retention="years"
        )
    required = list(services.checklist_for(case).filter(required=True))
    services.archive_handover(
        actor=world.a.admin_staff, case=case, handed_over_on=today, handed_over_by="TGV A", checked_items=required[:-1]
    )
    with pytest.raises(ValidationError, match="Hồ sơ còn thiếu"):
        services.case_archive(
            actor=world.a.admin_staff, case=case, file_code="LT-01", location="Kho 1", retention="years"
        )
    services.archive_handover(
        actor=world.a.admin_staff, case=case, handed_over_on=today, handed_over_by="TGV A", checked_items=required
    )
    archive = services.case_archive(
        actor=world.a.admin_staff, case=case, file_code="LT-01", location="Kho 1", retention="years"
    )
    assert archive.retention_years == 20
    case.refresh_from_db()
    assert case.status == S.ARCHIVED
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds.count(EventKind.ARCHIVE) == 2 and kinds[-1] == EventKind.TRANSITION


def test_archive_permanent_and_field_errors(world):
    case = _completed_litigation(world)
    services.archive_handover(
        actor=world.a.director,
        case=case,
        handed_over_on=timezone.localdate(),
        handed_over_by="TGV A",
        checked_items=services.checklist_for(case),
    )
    with pytest.raises(ValidationError) as exc:
        services.case_archive(actor=world.a.director, case=case, file_code=" ", location="", retention="forever")
    assert {"file_code", "location", "retention"} <= set(exc.value.message_dict)
    archive = services.case_archive(
        actor=world.a.director, case=case, file_code="LT-02", location="Kho 2", retention="permanent"
    )
    assert archive.retention_years is None


def test_handover_rules(world):
    case = _completed_litigation(world)
    today = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        services.archive_handover(
            actor=world.a.director, case=case, handed_over_on=today + dt.timedelta(days=1), handed_over_by="A"
        )
    assert "handed_over_on" in exc.value.message_dict
    other = ArchiveChecklistItem.objects.filter(form_of_aid__code="advice").first()
    with pytest.raises(ValidationError) as exc:
        services.archive_handover(
            actor=world.a.director, case=case, handed_over_on=today, handed_over_by="A", checked_items=[other]
        )
    assert "checked_items" in exc.value.message_dict
    for actor in (world.a.lawyer, world.a.doj_officer, world.b.director):
        with pytest.raises(PermissionDenied):
            services.archive_handover(actor=actor, case=case, handed_over_on=today, handed_over_by="A")
    open_case = litigation(world)
    with pytest.raises(ValidationError):
        services.archive_handover(actor=world.a.director, case=open_case, handed_over_on=today, handed_over_by="A")


def test_stale_archive_version_refused(world):
    case = _completed_litigation(world)
    today = timezone.localdate()
    services.archive_handover(
        actor=world.a.director, case=case, handed_over_on=today, handed_over_by="A", expected_version=1
    )
    with pytest.raises(ValidationError, match="vừa được người khác"):
        services.archive_handover(
            actor=world.a.officer, case=case, handed_over_on=today, handed_over_by="B", expected_version=1
        )
