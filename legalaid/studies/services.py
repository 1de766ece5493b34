"""Operations on thematic studies: create and update a study, submit a version, comment, confirm a step.

Each function is one transaction, checks the actor's right over the study (``PermissionDenied``), applies the plan's
rules (steps in order, deadlines on the working-day calendar) and writes the audit trail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.core import audit, calendar
from legalaid.core.choices import AuditAction, OrganisationKind
from legalaid.core.scoping import scope_of
from legalaid.lib.text import fold

from .choices import STATUS_AFTER_STEP, STEP_ORDER, TRANSITIONS, StepKind, StudyStatus
from .files import check_document
from .models import StudyComment, StudyOutlineSection, StudyStep, StudyVersion, ThematicStudy

#: The unit kinds that may lead or review a study.
STUDY_UNIT_KINDS = (OrganisationKind.DEPARTMENT, OrganisationKind.BRANCH, OrganisationKind.CENTRE)
#: Form field of each step's due date.
DUE_FIELDS = {StepKind.DRAFT: "draft_due", StepKind.CRITIQUE: "critique_due", StepKind.SESSION: "session_due"}
STEP_PERMS = {
    StepKind.DRAFT: "studies.confirm_draft",
    StepKind.CRITIQUE: "studies.confirm_critique",
    StepKind.SESSION: "studies.confirm_session",
}


def _require(actor, perm: str, study: ThematicStudy | None = None) -> None:
    if scope_of(actor).read_only:
        raise PermissionDenied(_("Bạn chỉ có quyền xem."))
    if not actor.has_perm(perm, study):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này với chuyên đề."))


def _check_units(study: ThematicStudy) -> None:
    errors = {}
    for name in ("lead_department", "reviewing_department"):
        unit = getattr(study, name)
        centre_id = unit.pk if unit.kind == OrganisationKind.CENTRE else unit.centre_id
        if unit.kind not in STUDY_UNIT_KINDS or centre_id != study.centre_id:
            errors[name] = _("Chọn một phòng hoặc Chi nhánh của Trung tâm.")
    if errors:
        raise ValidationError(errors)


def _check_plan(study: ThematicStudy) -> None:
    """A linked plan or task must be the Centre's; a task sets its plan."""
    if study.plan_id and study.plan.centre_id != study.centre_id:
        raise ValidationError({"plan": _("Kế hoạch thuộc Trung tâm khác.")})
    if study.plan_task_id:
        if study.plan_task.plan.centre_id != study.centre_id:
            raise ValidationError({"plan_task": _("Nhiệm vụ thuộc kế hoạch của Trung tâm khác.")})
        if study.plan_id and study.plan_task.plan_id != study.plan_id:
            raise ValidationError({"plan_task": _("Nhiệm vụ không thuộc kế hoạch đã chọn.")})
        study.plan_id = study.plan_task.plan_id


def _check_authors(study: ThematicStudy, authors: Iterable) -> list:
    authors = list(authors)
    for user in authors:
        if user.centre is None or user.centre.pk != study.centre_id:
            raise ValidationError({"authors": _("%(name)s không thuộc Trung tâm.") % {"name": user}})
    return authors


def _check_due_dates(due_dates: dict) -> None:
    """The plan's three dates must follow one another: draft, then critique, then the study session."""
    previous = None
    for kind in STEP_ORDER:
        due = due_dates.get(kind)
        if due is None:
            raise ValidationError({DUE_FIELDS[kind]: _("Nhập hạn của bước này.")})
        if previous is not None and due < previous[1]:
            raise ValidationError(
                {
                    DUE_FIELDS[kind]: _("Hạn bước “%(step)s” không thể trước hạn bước “%(prev)s”.")
                    % {"step": StepKind(kind).label, "prev": StepKind(previous[0]).label}
                }
            )
        previous = (kind, due)


def step_deadline(due_on: dt.date) -> dt.date:
    """The working-day deadline of a due date: a due date on a day off moves to the next working day (as time limits
    do, Civil Code 2015 Art. 148(5) [UNCONFIRMED, DOMAIN.md §9])."""
    return calendar.add_working_days(due_on, 0)


def _move(study: ThematicStudy, new_status: str) -> None:
    if new_status == study.status:
        return
    if new_status not in TRANSITIONS[StudyStatus(study.status)]:
        raise ValidationError(
            _("Không thể chuyển chuyên đề từ “%(old)s” sang “%(new)s”.")
            % {"old": study.get_status_display(), "new": StudyStatus(new_status).label}
        )
    study.status = new_status


def _lock(study: ThematicStudy, expected_version: int | None = None) -> ThematicStudy:
    locked = ThematicStudy.objects.select_for_update().get(pk=study.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(
            _("Chuyên đề vừa được người khác cập nhật. Hãy tải lại trang để xem thông tin mới nhất."), code="stale"
        )
    return locked


@transaction.atomic
def study_create(
    *,
    actor,
    study: ThematicStudy,
    due_dates: dict,
    authors: Iterable = (),
    outline: Iterable[StudyOutlineSection] | None = None,
) -> ThematicStudy:
    """Assign a study in the actor's Centre with its three due dates (``{StepKind: date}``)."""
    _require(actor, "studies.add_study")
    if study.centre_id is None:
        if actor.centre is None:
            raise PermissionDenied(_("Tài khoản chưa thuộc một Trung tâm."))
        study.centre = actor.centre
    elif not actor.is_superuser and (actor.centre is None or actor.centre.pk != study.centre_id):
        raise PermissionDenied(_("Chuyên đề thuộc Trung tâm khác."))
    study.created_by = actor
    study.status = StudyStatus.PLANNED
    study.title = study.title.strip()
    study.title_key = fold(study.title)
    _check_units(study)
    _check_plan(study)
    authors = _check_authors(study, authors)
    _check_due_dates(due_dates)
    study.full_clean()
    study.save()
    study.authors.set(authors)
    if outline is None:
        outline = StudyOutlineSection.objects.filter(is_active=True, required=True)
    study.outline.set(outline)
    for kind in STEP_ORDER:
        step = StudyStep(study=study, kind=kind, due_on=due_dates[kind], deadline=step_deadline(due_dates[kind]))
        step.full_clean()
        step.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=study)
    return study


@transaction.atomic
def study_update(
    *,
    actor,
    study: ThematicStudy,
    due_dates: dict | None = None,
    authors: Iterable | None = None,
    outline: Iterable[StudyOutlineSection] | None = None,
    expected_version: int | None = None,
) -> ThematicStudy:
    """Save the edited fields of ``study`` (title, departments, outline, authors, due dates of steps not yet done)."""
    locked = _lock(study, expected_version)
    _require(actor, "studies.change_study", locked)
    before = audit.snapshot(locked)
    study.centre_id, study.status, study.created_by_id = locked.centre_id, locked.status, locked.created_by_id
    study.title = study.title.strip()
    study.title_key = fold(study.title)
    _check_units(study)
    _check_plan(study)
    if authors is not None:
        authors = _check_authors(study, authors)
    steps = {s.kind: s for s in StudyStep.objects.select_for_update().filter(study=study)}
    if due_dates is not None:
        _check_due_dates(due_dates)
        for kind, step in steps.items():
            if due_dates[kind] == step.due_on:
                continue
            if step.is_done:
                raise ValidationError({DUE_FIELDS[kind]: _("Bước này đã hoàn thành, không sửa hạn được nữa.")})
            step.due_on = due_dates[kind]
            step.deadline = step_deadline(step.due_on)
            step.full_clean()
            step.save()
    study.version = locked.version + 1
    study.full_clean()
    study.save()
    if authors is not None:
        study.authors.set(authors)
    if outline is not None:
        study.outline.set(outline)
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=study, before=before)
    return study


@transaction.atomic
def study_submit_version(*, actor, study: ThematicStudy, file, note: str = "") -> StudyVersion:
    """Upload a new version of the study's document (.docx, .doc, .odt or .pdf); the first one starts the drafting."""
    locked = _lock(study)
    _require(actor, "studies.change_study", locked)
    check_document(file)
    before = audit.snapshot(locked)
    last = locked.versions.aggregate(m=Max("number"))["m"] or 0
    version = StudyVersion(
        study=locked,
        number=last + 1,
        original_name=file.name.rsplit("/", 1)[-1][:255],
        size=file.size,
        uploaded_by=actor,
        note=note.strip(),
    )
    version.file.save(version.original_name, file, save=False)
    version.full_clean()
    version.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=version, centre_id=locked.centre_id)
    if locked.status == StudyStatus.PLANNED:
        _move(locked, StudyStatus.DRAFTING)
        locked.version += 1
        locked.save(update_fields=["status", "version", "updated_at"])
        audit.record(actor=actor, action=AuditAction.UPDATE, instance=locked, before=before, message="drafting")
    return version


@transaction.atomic
def study_comment(*, actor, version: StudyVersion, text: str) -> StudyComment:
    """A comment on a version by any member of the Centre; a member of the reviewing department writes a critique."""
    study = version.study
    _require(actor, "studies.comment_study", study)
    if study.status == StudyStatus.FINALISED:
        raise ValidationError(_("Chuyên đề đã hoàn thiện, không nhận thêm góp ý."))
    comment = StudyComment(
        version=version,
        author=actor,
        text=(text or "").strip(),
        is_critique=actor.organisation_id == study.reviewing_department_id,
    )
    comment.full_clean()
    comment.save()
    audit.record(actor=actor, action=AuditAction.CREATE, instance=comment, centre_id=study.centre_id)
    return comment


@transaction.atomic
def study_complete_step(
    *,
    actor,
    study: ThematicStudy,
    kind: str,
    done_on: dt.date | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> StudyStep:
    """Confirm that a step was done on ``done_on`` (today by default).

    Steps follow the plan's order (draft to the board, critique, study session); the draft needs an uploaded version.
    A step done after its working-day deadline is recorded as late, with the number of working days.
    """
    locked = _lock(study, expected_version)
    if kind not in STEP_PERMS:
        raise ValidationError(_("Bước không hợp lệ."))
    _require(actor, STEP_PERMS[kind], locked)
    today = timezone.localdate()
    done_on = done_on or today
    steps = {s.kind: s for s in StudyStep.objects.select_for_update().filter(study=locked)}
    step = steps[kind]
    if step.is_done:
        raise ValidationError(_("Bước này đã được xác nhận hoàn thành."))
    if done_on > today:
        raise ValidationError({"done_on": _("Ngày hoàn thành không thể sau hôm nay.")})
    for earlier in STEP_ORDER[: STEP_ORDER.index(kind)]:
        previous = steps[earlier]
        if not previous.is_done:
            raise ValidationError(
                _("Phải hoàn thành bước “%(prev)s” trước.") % {"prev": previous.get_kind_display()}, code="order"
            )
        if done_on < previous.done_on:
            raise ValidationError(
                {
                    "done_on": _("Ngày hoàn thành không thể trước ngày hoàn thành bước “%(prev)s” (%(date)s).")
                    % {"prev": previous.get_kind_display(), "date": previous.done_on.strftime("%d/%m/%Y")}
                }
            )
    if kind == StepKind.DRAFT and not locked.versions.exists():
        raise ValidationError(_("Hãy tải lên dự thảo chuyên đề trước khi trình Ban Giám đốc."), code="no_version")
    before = audit.snapshot(locked)
    step.done_on = done_on
    step.done_by = actor
    step.note = (note or "").strip()
    step.done_late = done_on > step.deadline
    step.late_working_days = calendar.working_days_between(step.deadline, done_on) if step.done_late else 0
    step.full_clean()
    step.save()
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=step, centre_id=locked.centre_id)
    _move(locked, STATUS_AFTER_STEP[kind])
    locked.version += 1
    locked.save(update_fields=["status", "version", "updated_at"])
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=locked, before=before, message=f"step:{kind}")
    return step
