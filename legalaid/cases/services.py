"""Operations on a case after acceptance. Each is one transaction: it checks the actor's scope, applies the rule of
law (cited beside it), saves after ``full_clean``, writes the audit trail and a timeline entry (CaseEvent).

Changes of status all go through ``case_transition`` (``legalaid.cases.workflow``).
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.cases.choices import (
    CaseStatus,
    ChecklistScope,
    DiscontinuationReason,
    EventKind,
    Retention,
)
from legalaid.cases.models import (
    ArchiveChecklistItem,
    Attachment,
    CaseAdvice,
    CaseArchive,
    CaseCompletion,
    CaseLitigation,
    CaseRepresentation,
    Hearing,
    LegalAidCase,
    SuccessCriterion,
    WorkLogEntry,
)
from legalaid.cases.notifications import notify_hearing
from legalaid.cases.procedure import complexity_criteria_for, success_criteria_for
from legalaid.cases.timecount import counted_sessions
from legalaid.cases.workflow import (
    OPEN_STATUSES,
    case_transition,
    lock_case,
    record_event,
    require_case_access,
)
from legalaid.core import audit
from legalaid.core.choices import AuditAction
from legalaid.core.models import LegalParameter
from legalaid.core.rules import is_centre_staff
from legalaid.core.scoping import scope_of
from legalaid.lib.uploads import content_matches, extension, max_upload_bytes

__all__ = [
    "ALLOWED_ATTACHMENT_TYPES",
    "archive_handover",
    "attachment_add",
    "case_archive",
    "case_complete",
    "case_discontinue",
    "case_transition",
    "checklist_for",
    "details_save",
    "hearing_add",
    "lock_case",
    "record_event",
    "worklog_add",
]

#: Attachments accepted (issue 4 item 5): extension -> content types browsers send for it.
ALLOWED_ATTACHMENT_TYPES = {
    ".pdf": {"application/pdf"},
    ".doc": {"application/msword"},
    ".docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    ".xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    ".odt": {"application/vnd.oasis.opendocument.text"},
    ".jpg": {"image/jpeg"},
    ".jpeg": {"image/jpeg"},
    ".png": {"image/png"},
}


def _is_staff(actor) -> bool:
    return actor.is_superuser or is_centre_staff(actor)


def _require_staff(actor) -> None:
    if scope_of(actor).assigned_only or not _is_staff(actor):
        raise PermissionDenied(_("Chỉ cán bộ của Trung tâm mới thực hiện được thao tác này."))


def _require_open(case: LegalAidCase) -> None:
    if case.status not in OPEN_STATUSES:
        raise ValidationError(
            _("Vụ việc đang ở trạng thái “%(status)s”, không thể cập nhật.") % {"status": case.get_status_display()}
        )


def _bump(actor, case: LegalAidCase, message: str) -> None:
    """The case changed (its details, log or file): a new version, so that a stale form of someone else is refused."""
    before = audit.snapshot(case)
    case.version += 1
    case.save(update_fields=["version", "updated_at"])
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=case, before=before, message=message)


# --- Opening the case ------------------------------------------------------------------------------------------------


@transaction.atomic
def case_open(
    *,
    actor,
    request,
    register,
    number: int,
    code: str,
    form_of_aid,
    accepted_at: dt.datetime,
    immediate: bool = False,
    papers_due_on: dt.date | None = None,
) -> LegalAidCase:
    """Open the case of an accepted request, with the register entry intake has just taken (TT 12/2018 Art. 5(2)).

    Intake decides the acceptance (Law Art. 30) and numbers the register (``legalaid.intake.numbering``); the case
    is born ``accepted`` here and lives in this app from then on. Papers owed after an immediate acceptance
    (Art. 30(4)) are due on ``papers_due_on``.
    """
    case = LegalAidCase(
        centre=request.centre,
        branch=request.branch,
        request=request,
        register=register,
        number=number,
        code=code,
        beneficiary=request.beneficiary,
        form_of_aid=form_of_aid,
        field_of_law=request.field_of_law,
        accepted_at=accepted_at,
        accepted_by=actor,
        immediate=immediate,
        papers_due_on=papers_due_on if immediate else None,
    )
    case.full_clean()
    case.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=case)
    return case


# --- Papers after an immediate acceptance --------------------------------------------------------------------------


@transaction.atomic
def case_papers_received(
    *, actor, case: LegalAidCase, received_on: dt.date, expected_version: int | None = None, note: str = ""
) -> LegalAidCase:
    """Record that the papers owed after an immediate acceptance have all arrived (Law Art. 30(4); TT 12/2018 Art. 6).

    From then on the papers deadline is no longer overdue or reminded; a late arrival stays visible on the timeline.
    """
    require_case_access(actor, case)
    _require_staff(actor)
    case = lock_case(case, expected_version)
    if not case.immediate:
        raise ValidationError(_("Vụ việc này không thụ lý ngay nên không có giấy tờ phải bổ sung."))
    if case.papers_completed_on is not None:
        raise ValidationError(
            _("Đã ghi nhận đủ giấy tờ ngày %(day)s.") % {"day": case.papers_completed_on.strftime("%d/%m/%Y")}
        )
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": _("Ngày nhận không được sau ngày hôm nay.")})
    if received_on < timezone.localdate(case.accepted_at):
        raise ValidationError({"received_on": _("Ngày nhận không được trước ngày thụ lý.")})
    before = audit.snapshot(case)
    case.papers_completed_on = received_on
    case.version += 1
    case.save(update_fields=["papers_completed_on", "version", "updated_at"])
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=case, before=before, message=_("Nhận đủ giấy tờ"))
    late = case.papers_due_on is not None and received_on > case.papers_due_on
    record_event(
        actor=actor,
        case=case,
        kind=EventKind.NOTE,
        reason=(
            _("Đã nhận đủ giấy tờ ngày %(day)s (quá hạn %(due)s)")
            if late
            else _("Đã nhận đủ giấy tờ ngày %(day)s (hạn %(due)s)")
        )
        % {"day": received_on.strftime("%d/%m/%Y"), "due": case.papers_due_on.strftime("%d/%m/%Y")}
        + (f". {note}" if note else ""),
        data={"papers_completed_on": received_on.isoformat(), "late": late},
    )
    return case


# --- Form-of-aid details -------------------------------------------------------------------------------------------

DETAIL_MODELS = {"litigation": CaseLitigation, "representation": CaseRepresentation, "advice": CaseAdvice}


@transaction.atomic
def details_save(
    *,
    actor,
    case: LegalAidCase,
    details: CaseLitigation | CaseRepresentation | CaseAdvice,
    expected_version: int | None = None,
):
    """Create or update the details of the case's form of aid (Law Art. 27). ``expected_version`` is the version of
    the details when the form was opened: a second person's stale save is refused, nothing is overwritten."""
    require_case_access(actor, case)
    case = lock_case(case)
    _require_open(case)
    model = DETAIL_MODELS.get(case.form_of_aid.code)
    if model is None or not isinstance(details, model):
        raise ValidationError(_("Thông tin này không thuộc hình thức trợ giúp của vụ việc."))
    details.case = case
    before = None
    if details.pk:
        current = model.objects.select_for_update().get(pk=details.pk)
        if current.case_id != case.pk:
            raise PermissionDenied
        if expected_version is not None and current.version != expected_version:
            raise ValidationError(
                _("Thông tin này vừa được người khác cập nhật. Hãy tải lại trang để xem thông tin mới nhất."),
                code="stale",
            )
        before = audit.snapshot(current)
        details.version = current.version + 1
    details.full_clean()
    details.save()
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE if before else AuditAction.CREATE,
        instance=details,
        before=before,
        centre_id=case.centre_id,
    )
    record_event(actor=actor, case=case, kind=EventKind.DETAILS, reason=str(details), data={"model": model.__name__})
    _bump(actor, case, _("Cập nhật thông tin hình thức trợ giúp"))
    return details


@transaction.atomic
def hearing_add(*, actor, case: LegalAidCase, hearing: Hearing) -> Hearing:
    """Record a hearing or a session with an agency (its date goes to the reminders)."""
    require_case_access(actor, case)
    case = lock_case(case)
    _require_open(case)
    if case.form_of_aid.code != "litigation":
        raise ValidationError(_("Chỉ vụ việc tham gia tố tụng mới có phiên tòa."))
    hearing.case = case
    hearing.full_clean()
    hearing.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=hearing, centre_id=case.centre_id)
    record_event(
        actor=actor,
        case=case,
        kind=EventKind.HEARING,
        reason=f"{hearing.get_kind_display()} – {timezone.localtime(hearing.starts_at):%d/%m/%Y %H:%M} – "
        f"{hearing.place}",
        data={"hearing": hearing.pk},
    )
    notify_hearing(case=case, hearing=hearing)
    return hearing


# --- Work log and attachments ------------------------------------------------------------------------------------


@transaction.atomic
def worklog_add(*, actor, case: LegalAidCase, entry: WorkLogEntry) -> WorkLogEntry:
    """Log a piece of work. Its sessions are counted under TT 02/2021 Art. 3 with the parameters in force on the day
    of the work. A lawyer or collaborator logs their own work; staff may log anyone's."""
    require_case_access(actor, case)
    case = lock_case(case)
    _require_open(case)
    if case.status == CaseStatus.ACCEPTED:
        raise ValidationError(_("Vụ việc chưa cử người thực hiện, chưa ghi được công việc."))
    if scope_of(actor).assigned_only:
        entry.provider_user = actor
        entry.provider_name = ""
    elif entry.provider_user is None and not entry.provider_name.strip():
        entry.provider_user = actor
    if not (entry.sessions or entry.hours):
        raise ValidationError({"hours": _("Hãy ghi số buổi hoặc số giờ làm việc.")})
    if entry.date and entry.date > timezone.localdate():
        raise ValidationError({"date": _("Ngày làm việc không được sau ngày hôm nay.")})
    if entry.date and entry.date < timezone.localdate(case.accepted_at):
        raise ValidationError({"date": _("Ngày làm việc không được trước ngày thụ lý.")})
    entry.case = case
    entry.recorded_by = actor
    if entry.date and (entry.sessions or entry.hours):
        entry.counted_sessions = counted_sessions(
            sessions=entry.sessions,
            hours=entry.hours,
            hours_per_session=LegalParameter.value_on("cases.hours_per_session", entry.date),
            full_session_from=LegalParameter.value_on("cases.full_session_from_hours", entry.date),
        )
    entry.full_clean()
    entry.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=entry, centre_id=case.centre_id)
    record_event(
        actor=actor,
        case=case,
        kind=EventKind.ACTIVITY,
        reason=f"{entry.activity_type} – {entry.provider_label}",
        data={"entry": entry.pk, "counted_sessions": str(entry.counted_sessions), "date": entry.date.isoformat()},
    )
    _bump(actor, case, _("Ghi công việc đã thực hiện"))
    return entry


def session_cap(case: LegalAidCase, on_date: dt.date) -> int | None:
    """The most sessions paid for one case (TT 02/2021 Art. 8): litigation 30, representation 20; None otherwise."""
    code = {"litigation": "cases.max_sessions_litigation", "representation": "cases.max_sessions_representation"}
    key = code.get(case.form_of_aid.code)
    return LegalParameter.int_on(key, on_date) if key else None


def validate_upload(upload) -> tuple[str, str]:
    """The extension and content type of an upload, or a ValidationError on the ``file`` field."""
    ext = extension(upload)
    allowed = ALLOWED_ATTACHMENT_TYPES.get(ext)
    if allowed is None:
        raise ValidationError(
            {"file": _("Chỉ nhận tệp PDF, Word (.doc, .docx), Excel (.xlsx), ODT, JPG hoặc PNG.")}, code="type"
        )
    limit = max_upload_bytes()
    if upload.size > limit:
        raise ValidationError(
            {"file": _("Tệp quá lớn: tối đa %(mb)s MB.") % {"mb": limit // (1024 * 1024)}}, code="size"
        )
    if upload.size == 0:
        raise ValidationError({"file": _("Tệp rỗng.")}, code="empty")
    if not content_matches(upload, ext):
        raise ValidationError({"file": _("Nội dung tệp không đúng với định dạng %(ext)s.") % {"ext": ext}}, code="type")
    content_type = getattr(upload, "content_type", "") or ""
    if content_type not in allowed:
        content_type = sorted(allowed)[0]
    return ext, content_type


@transaction.atomic
def attachment_add(*, actor, case: LegalAidCase, upload, description: str = "") -> Attachment:
    """Attach a paper to the case file (checked for type and size; stored through Django's storage API).
    Allowed until the file is archived."""
    require_case_access(actor, case)
    case = lock_case(case)
    if case.status == CaseStatus.ARCHIVED:
        raise ValidationError(_("Hồ sơ đã lưu trữ, không thêm được tài liệu."))
    _ext, content_type = validate_upload(upload)
    attachment = Attachment(
        case=case,
        original_name=os.path.basename(upload.name)[:255],
        content_type=content_type,
        size=upload.size,
        description=description,
        uploaded_by=actor,
    )
    attachment.file.save(upload.name, upload, save=False)
    try:
        attachment.full_clean()
        attachment.save()
    except Exception:
        attachment.file.delete(save=False)
        raise
    stored = attachment.file.name
    audit.record(actor=actor, action=AuditAction.CREATE, instance=attachment, centre_id=case.centre_id)
    record_event(
        actor=actor,
        case=case,
        kind=EventKind.ATTACHMENT,
        reason=attachment.original_name,
        data={"attachment": attachment.pk, "stored": stored},
    )
    return attachment


# --- Completion and discontinuation ------------------------------------------------------------------------------


@transaction.atomic
def case_complete(
    *,
    actor,
    case: LegalAidCase,
    completion: CaseCompletion,
    success_criteria=(),
    complexity_criteria=(),
    expected_version: int | None = None,
) -> CaseCompletion:
    """Record the outcome and move the case in_progress -> completed (Law Art. 38: the result goes to the file).

    - litigation: the judgment or decision with its number and date; advice: the written answer; representation:
      the result;
    - "successful" (QĐ 1179/QĐ-BTP): litigation only, with all three conditions of the principle ticked;
    - "complex or typical" (TT 09/2018): at least one criterion ticked;
    - the criteria ticked must be those of the case's field (``legalaid.cases.procedure``);
    - the providers' assignments end on the day of completion (the provider still reads the case, Art. 39).
    """
    require_case_access(actor, case)
    locked = lock_case(case, expected_version)
    if locked.status != CaseStatus.IN_PROGRESS:
        raise ValidationError(
            _("Không thể chuyển vụ việc từ trạng thái “%(source)s” sang “%(target)s”.")
            % {"source": locked.get_status_display(), "target": CaseStatus.COMPLETED.label},
            code="illegal_transition",
        )
    form = locked.form_of_aid.code
    errors: dict[str, str] = {}
    if form == "litigation":
        if not completion.decision_number.strip():
            errors["decision_number"] = _("Hãy ghi số bản án hoặc quyết định.")
        if completion.decision_date is None:
            errors["decision_date"] = _("Hãy ghi ngày của bản án hoặc quyết định.")
        if not completion.beneficiary_change.strip():
            errors["beneficiary_change"] = _("Hãy ghi những thay đổi đối với người được trợ giúp.")
    elif form == "advice" and not completion.written_answer.strip():
        errors["written_answer"] = _("Hãy ghi nội dung văn bản trả lời tư vấn.")
    elif form == "representation" and not completion.representation_result.strip():
        errors["representation_result"] = _("Hãy ghi kết quả đại diện.")
    success_criteria = list(success_criteria)
    complexity_criteria = list(complexity_criteria)
    # Only the criteria of the case's field (its procedure): QĐ 1179/QĐ-BTP and TT 09/2018 Arts 4-6 by procedure.
    field_name = locked.field_of_law.name.lower()
    if not set(success_criteria) <= set(success_criteria_for(locked)):
        errors["success_criteria"] = _("Có tiêu chí không áp dụng cho vụ việc lĩnh vực %(field)s.") % {
            "field": field_name
        }
    if not set(complexity_criteria) <= set(complexity_criteria_for(locked)):
        errors["complexity_criteria"] = _("Có tiêu chí không áp dụng cho vụ việc lĩnh vực %(field)s.") % {
            "field": field_name
        }
    if completion.successful:
        if form != "litigation":
            errors["successful"] = _("Chỉ vụ việc tham gia tố tụng mới được đánh giá thành công (QĐ 1179/QĐ-BTP).")
        else:
            principle = set(SuccessCriterion.objects.filter(is_principle=True, is_active=True))
            if not principle <= set(success_criteria):
                errors.setdefault(
                    "success_criteria",
                    _("Vụ việc thành công phải đáp ứng đủ ba điều kiện của nguyên tắc chung (QĐ 1179/QĐ-BTP)."),
                )
    elif success_criteria:
        errors.setdefault("success_criteria", _("Chỉ đánh dấu tiêu chí khi vụ việc được đánh giá là thành công."))
    if completion.complex_or_typical and not complexity_criteria:
        errors["complexity_criteria"] = _("Hãy đánh dấu ít nhất một tiêu chí (TT 09/2018/TT-BTP).")
    elif complexity_criteria and not completion.complex_or_typical:
        errors.setdefault("complexity_criteria", _("Chỉ đánh dấu tiêu chí khi vụ việc là phức tạp, điển hình."))
    if completion.completed_on and completion.completed_on > timezone.localdate():
        errors["completed_on"] = _("Ngày kết thúc không được sau ngày hôm nay.")
    if completion.acknowledgement_signed and completion.acknowledged_on is None:
        errors["acknowledged_on"] = _("Hãy ghi ngày người được trợ giúp ký xác nhận.")
    if errors:
        raise ValidationError(errors)
    completion.case = locked
    completion.recorded_by = actor
    completion.full_clean()
    completion.save()
    completion.success_criteria.set(success_criteria)
    completion.complexity_criteria.set(complexity_criteria)
    audit.record(actor=actor, action=AuditAction.CREATE, instance=completion, centre_id=locked.centre_id)
    case_transition(
        actor=actor,
        case=case,
        to_status=CaseStatus.COMPLETED,
        reason=completion.outcome,
        data={"completion": completion.pk, "successful": completion.successful},
    )
    _end_assignments(actor, locked, completion.completed_on)
    return completion


def _end_assignments(actor, case: LegalAidCase, ended_on: dt.date | None) -> None:
    """The case ended or was archived: its providers' assignments end with it, in the same transaction (the providers
    app owns them). They keep read access to the case to hand the file over (Law Art. 39)."""
    from legalaid.providers.services import assignments_end_with_case

    assignments_end_with_case(actor=actor, case=case, ended_on=ended_on)


@transaction.atomic
def case_discontinue(
    *,
    actor,
    case: LegalAidCase,
    ground: str,
    reason: str,
    ended_on: dt.date | None = None,
    expected_version: int | None = None,
):
    """Do not continue the aid (Law Art. 37): one of its grounds or the withdrawal of the request, with the reason.
    The providers' assignments end with it; the file must then be handed back and archived like any ended case (Law
    Art. 39)."""
    if ground not in DiscontinuationReason.values:
        raise ValidationError({"ground": _("Hãy chọn căn cứ không tiếp tục thực hiện trợ giúp pháp lý (Điều 37).")})
    data = {"ground": ground}
    if ended_on is not None:
        data["ended_on"] = ended_on.isoformat()
    event = case_transition(
        actor=actor,
        case=case,
        to_status=CaseStatus.DISCONTINUED,
        reason=reason,
        expected_version=expected_version,
        data=data,
    )
    _end_assignments(actor, event.case, ended_on or timezone.localdate(event.at))
    return event


# --- Handover and archiving --------------------------------------------------------------------------------------


def checklist_for(case: LegalAidCase):
    """The papers the file of ``case`` must hold: its form of aid's items that concern how it ended."""
    scopes = [ChecklistScope.ALL]
    if case.status in (CaseStatus.COMPLETED, CaseStatus.ARCHIVED) and hasattr(case, "completion"):
        scopes.append(ChecklistScope.COMPLETED)
    elif case.status == CaseStatus.DISCONTINUED or not hasattr(case, "completion"):
        scopes.append(ChecklistScope.DISCONTINUED)
    return ArchiveChecklistItem.objects.filter(form_of_aid=case.form_of_aid_id, is_active=True, applies_to__in=scopes)


def _lock_archive(case: LegalAidCase, expected_version: int | None) -> CaseArchive:
    try:
        archive = CaseArchive.objects.select_for_update().get(case=case)
    except CaseArchive.DoesNotExist:
        raise ValidationError(_("Vụ việc chưa kết thúc, chưa có hồ sơ để bàn giao, lưu trữ.")) from None
    if expected_version is not None and archive.version != expected_version:
        raise ValidationError(
            _("Hồ sơ này vừa được người khác cập nhật. Hãy tải lại trang để xem thông tin mới nhất."), code="stale"
        )
    return archive


@transaction.atomic
def archive_handover(
    *,
    actor,
    case: LegalAidCase,
    handed_over_on: dt.date,
    handed_over_by: str,
    checked_items=(),
    expected_version: int | None = None,
) -> CaseArchive:
    """Record that the provider handed the file back (Law Art. 39) and which papers it holds."""
    require_case_access(actor, case)
    _require_staff(actor)
    case = lock_case(case)
    if case.status not in (CaseStatus.COMPLETED, CaseStatus.DISCONTINUED):
        raise ValidationError(_("Chỉ nhận bàn giao hồ sơ của vụ việc đã kết thúc hoặc không tiếp tục thực hiện."))
    archive = _lock_archive(case, expected_version)
    if handed_over_on > timezone.localdate():
        raise ValidationError({"handed_over_on": _("Ngày bàn giao không được sau ngày hôm nay.")})
    if handed_over_on < archive.ended_on:
        raise ValidationError({"handed_over_on": _("Ngày bàn giao không được trước ngày vụ việc kết thúc.")})
    allowed = set(checklist_for(case))
    checked_items = list(checked_items)
    if not set(checked_items) <= allowed:
        raise ValidationError({"checked_items": _("Có mục không thuộc danh mục hồ sơ của vụ việc này.")})
    before = audit.snapshot(archive)
    archive.handed_over_on = handed_over_on
    archive.handed_over_by = handed_over_by.strip()
    archive.received_by = actor
    archive.version += 1
    archive.full_clean()
    archive.save()
    archive.checked_items.set(checked_items)
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=archive, before=before, centre_id=case.centre_id)
    late = handed_over_on > archive.handover_due_on
    record_event(
        actor=actor,
        case=case,
        kind=EventKind.ARCHIVE,
        reason=_("Nhận bàn giao hồ sơ ngày %(date)s%(late)s")
        % {"date": f"{handed_over_on:%d/%m/%Y}", "late": _(" (quá hạn)") if late else ""},
        data={"handed_over_on": handed_over_on.isoformat(), "late": late},
    )
    return archive


@transaction.atomic
def case_archive(
    *,
    actor,
    case: LegalAidCase,
    file_code: str,
    location: str,
    retention: str,
    retention_years: int | None = None,
    archived_on: dt.date | None = None,
    expected_version: int | None = None,
) -> CaseArchive:
    """Archive the file: it must have been handed back (Law Art. 39) and hold every required paper of its checklist
    (TT 12/2018 Art. 11(2); Law Art. 38). The retention period is a number of years (the LegalParameter
    ``cases.retention_years`` by default, UNCONFIRMED) or permanent."""
    require_case_access(actor, case)
    _require_staff(actor)
    locked = lock_case(case)
    archive = _lock_archive(locked, expected_version)
    errors: dict[str, str] = {}
    if archive.handed_over_on is None:
        errors["__all__"] = _("Chưa ghi nhận việc bàn giao hồ sơ (Điều 39 Luật TGPL).")
    else:
        missing = [
            item.text
            for item in checklist_for(locked).filter(required=True)
            if item not in set(archive.checked_items.all())
        ]
        if missing:
            errors["__all__"] = _("Hồ sơ còn thiếu: %(items)s.") % {"items": "; ".join(missing)}
    if not file_code.strip():
        errors["file_code"] = _("Hãy ghi mã hồ sơ lưu trữ.")
    if not location.strip():
        errors["location"] = _("Hãy ghi nơi lưu trữ.")
    if retention not in Retention.values:
        errors["retention"] = _("Hãy chọn thời hạn bảo quản.")
    archived_on = archived_on or timezone.localdate()
    if retention == Retention.YEARS and not retention_years:
        retention_years = LegalParameter.int_on("cases.retention_years", archived_on)
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(archive)
    archive.file_code = file_code.strip()
    archive.location = location.strip()
    archive.retention = retention
    archive.retention_years = retention_years if retention == Retention.YEARS else None
    archive.archived_on = archived_on
    archive.archived_by = actor
    archive.version += 1
    archive.full_clean()
    archive.save()
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=archive, before=before, centre_id=locked.centre_id)
    case_transition(
        actor=actor,
        case=case,
        to_status=CaseStatus.ARCHIVED,
        reason=_("Mã lưu trữ %(code)s, nơi lưu trữ %(place)s") % {"code": archive.file_code, "place": archive.location},
        data={"archive": archive.pk},
    )
    _end_assignments(actor, locked, archive.ended_on)  # any left active (a case ended before issue 8)
    return archive


def total_counted_sessions(case: LegalAidCase) -> Decimal:
    from django.db.models import Sum

    return case.work_log.aggregate(total=Sum("counted_sessions"))["total"] or Decimal(0)


__all__ += ["session_cap", "total_counted_sessions", "validate_upload"]
