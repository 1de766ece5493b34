"""Plan operations: import a parsed plan, edit it and its tasks, bind targets, record progress with evidence, and the
drafts of an import under review. Each function is one transaction, checks the actor's right over the Centre
(PermissionDenied), validates (ValidationError with Vietnamese messages) and writes the audit trail."""

from __future__ import annotations

import datetime as dt
import mimetypes
import os
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.core import audit
from legalaid.core.choices import AuditAction, OrganisationKind
from legalaid.core.models import Organisation
from legalaid.lib.text import fold
from legalaid.lib.uploads import content_matches, extension, max_upload_bytes

from .choices import PlanStatus, TaskStatus, UnitRole
from .metrics import comparison_in, get_metric, suggest_metric
from .models import Plan, PlanDraft, PlanTask, ProgressEvidence, TaskProgress, TaskTarget, TaskUnit
from .units import UnitMatcher, split_units

#: Evidence files: what an office produces (documents, spreadsheets, PDFs, scans and photos), at most
#: ``settings.UPLOAD_MAX_MB`` each.
EVIDENCE_EXTENSIONS = frozenset({".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".jpg", ".jpeg", ".png"})
EVIDENCE_MAX_FILES = 10


# --- Helpers -----------------------------------------------------------------------------------------------------


def _check_manager(actor, centre: Organisation) -> None:
    """``actor`` may manage the plans of ``centre`` (None: a command run by the operator)."""
    if actor is None:
        return
    if not actor.has_perm("plans.manage_plan"):
        raise PermissionDenied(_("Bạn không có quyền quản lý kế hoạch."))
    if not actor.is_superuser and getattr(actor.centre, "pk", None) != centre.pk:
        raise PermissionDenied(_("Kế hoạch thuộc Trung tâm khác."))


def _clip(value, length: int) -> str:
    text = " ".join(str(value or "").split()) if length <= 500 else str(value or "").strip()
    return text if len(text) <= length else text[: length - 1] + "…"


def _date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() and abs(number) < Decimal("1e12") else None


def _text_list(value) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = [value]
    return [" ".join(str(v).split()) for v in value if str(v).strip()]


def _issuer(matcher: UnitMatcher, data: dict) -> Organisation | None:
    """The issuing unit: matched by name, else by the number's symbol ("33/KH-TGPL" is the Centre's, "225/KH-STP" the
    Department of Justice's)."""
    name = data.get("issuer") or ""
    if name:
        found = matcher.match(name).organisation
        if found is not None:
            return found
    symbol = fold(str(data.get("number") or "")).replace(" ", "")
    if symbol.endswith("-tgpl"):
        return matcher.centre
    if symbol.endswith("-stp") and matcher.centre.parent_id:
        return matcher.centre.parent
    return None


def reparse_timeframe(text: str, default_year: int | None) -> dict:
    """The time frame of ``text`` through the plan parser (``legalaid.plans.parsing.parse_timeframe``)."""
    text = " ".join((text or "").split())
    if not text:
        return {"text": ""}
    try:
        from legalaid.plans.parsing import parse_timeframe
    except ImportError:  # pragma: no cover - the parser ships with the app
        return {"text": text}
    kwargs = {"default_year": default_year} if default_year else {}
    try:
        result = parse_timeframe(text, **kwargs)
    except Exception:  # a sentence the parser cannot read is kept as text, never a 500
        return {"text": text}
    return dict(result or {}, text=text)


def _apply_timeframe(task: PlanTask, timeframe: dict | None) -> None:
    timeframe = timeframe or {}
    task.timeframe_text = _clip(timeframe.get("text"), 500)
    task.start = _date(timeframe.get("start"))
    task.end = _date(timeframe.get("end"))
    if task.start and task.end and task.end < task.start:
        task.start, task.end = task.end, task.start
    task.recurrence = _clip(timeframe.get("recurrence"), 30)
    days = timeframe.get("relative_working_days")
    task.relative_working_days = int(days) if isinstance(days, int | float) and 0 <= days < 10000 else None
    task.relative_event = _clip(timeframe.get("relative_event") or timeframe.get("event"), 255)


def _set_units(task: PlanTask, matcher: UnitMatcher, leads, partners) -> None:
    task.units.all().delete()
    rows = []
    for role, names in ((UnitRole.LEAD, leads), (UnitRole.PARTNER, partners)):
        for position, name in enumerate(_text_list(names)):
            match = matcher.match(name)
            rows.append(
                TaskUnit(
                    task=task,
                    role=role,
                    organisation=match.organisation,
                    group=match.group,
                    text=_clip(name, 255),
                    position=position,
                )
            )
    TaskUnit.objects.bulk_create(rows)


def _target_from(task: PlanTask, data: dict, position: int) -> TaskTarget:
    text = _clip(data.get("text"), 500)
    unit = _clip(data.get("unit"), 40)
    metric = data.get("metric") or data.get("metric_code") or suggest_metric(text, unit)
    if metric and get_metric(metric) is None:
        metric = ""
    return TaskTarget(
        task=task,
        text=text or _clip(f"{data.get('value', '')} {unit}", 500),
        value=_decimal(data.get("value")),
        unit=unit,
        metric_code=metric,
        comparison=data.get("comparison") or comparison_in(text),
        position=position,
    )


def _validate(obj, label: str) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        messages = [f"{label}: {m}" for m in error.messages]
        raise ValidationError(messages) from error


# --- Import ------------------------------------------------------------------------------------------------------


@dataclass
class _Counter:
    position: int = 0


def _create_tasks(plan, matcher, items, parent, depth, counter, default_year) -> None:
    for item in items or []:
        content = str(item.get("content") or "").strip()
        ref = _clip(item.get("ref"), 40)
        if not content:
            content = ref or _("(không có nội dung)")
        task = PlanTask(plan=plan, parent=parent, ref=ref, position=counter.position, depth=depth, content=content)
        counter.position += 1
        timeframe = item.get("timeframe") or {}
        if isinstance(timeframe, str):
            timeframe = reparse_timeframe(timeframe, default_year)
        _apply_timeframe(task, timeframe)
        task.expected_output = str(item.get("expected_output") or "").strip()
        _validate(task, _("Nhiệm vụ %(ref)s") % {"ref": ref or counter.position})
        task.save()
        _set_units(task, matcher, item.get("lead"), item.get("partners"))
        targets = [_target_from(task, t, i) for i, t in enumerate(item.get("targets") or []) if isinstance(t, dict)]
        for target in targets:
            _validate(target, _("Chỉ tiêu của nhiệm vụ %(ref)s") % {"ref": ref})
        TaskTarget.objects.bulk_create(targets)
        _create_tasks(plan, matcher, item.get("children"), task, depth + 1, counter, default_year)


def _period(plan: Plan) -> tuple[dt.date | None, dt.date | None]:
    dates = list(plan.tasks.exclude(start=None).values_list("start", flat=True))
    ends = list(plan.tasks.exclude(end=None).values_list("end", flat=True))
    start = min(dates + ends) if dates or ends else None
    end = max(ends + dates) if dates or ends else None
    return start, end


@transaction.atomic
def plan_import(*, actor=None, data: dict, centre, source_file: File | None = None) -> Plan:
    """Save a plan as parsed (``legalaid.plans.parsing.parse_plan``) and corrected: the header, then the task tree
    with units matched to the Centre's organisations, time frames, expected outputs and targets (bound to a measured
    figure where the text suggests one). ``actor`` None is the operator's command (``manage.py import_plan``)."""
    if centre is None or centre.kind != OrganisationKind.CENTRE:
        raise ValidationError(_("Kế hoạch phải thuộc một Trung tâm."))
    _check_manager(actor, centre)
    matcher = UnitMatcher(centre)
    title = _clip(data.get("title"), 500)
    if not title:
        raise ValidationError({"title": _("Kế hoạch chưa có trích yếu (tên kế hoạch).")})
    issuer = _issuer(matcher, data)
    plan = Plan(
        centre=centre,
        number=_clip(data.get("number"), 60),
        date=_date(data.get("date")),
        issuer=issuer,
        issuer_name=_clip(data.get("issuer") or (str(issuer) if issuer else ""), 255),
        title=title,
        bases=_text_list(data.get("bases")),
        purposes=_text_list(data.get("purposes")),
        requirements=_text_list(data.get("requirements")),
        budget_note=str(data.get("budget_note") or data.get("budget") or "").strip(),
        recipients=_text_list(data.get("recipients")),
        period_start=_date(data.get("period_start")),
        period_end=_date(data.get("period_end")),
        status=PlanStatus.ACTIVE,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    _validate(plan, _("Kế hoạch"))
    plan.save()
    default_year = plan.date.year if plan.date else None
    _create_tasks(plan, matcher, data.get("tasks"), None, 0, _Counter(), default_year)
    if plan.period_start is None and plan.period_end is None:
        plan.period_start, plan.period_end = _period(plan)
    if source_file is not None:
        plan.source_name = _clip(os.path.basename(source_file.name or "ke-hoach.txt"), 255)
        plan.source_file.save(plan.source_name, source_file, save=False)
    plan.full_clean()
    plan.save()
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=plan,
        message=_("Nhập kế hoạch: %(n)s nhiệm vụ") % {"n": plan.tasks.count()},
    )
    return plan


# --- Editing -----------------------------------------------------------------------------------------------------


def _lock_plan(plan: Plan, expected_version: int | None) -> Plan:
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(_("Kế hoạch vừa được người khác cập nhật. Hãy tải lại trang."), code="stale")
    return locked


def _lock_task(task: PlanTask, expected_version: int | None) -> PlanTask:
    locked = PlanTask.objects.select_for_update().select_related("plan", "plan__centre").get(pk=task.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(_("Nhiệm vụ vừa được người khác cập nhật. Hãy tải lại trang."), code="stale")
    return locked


PLAN_FIELDS = ("number", "date", "title", "issuer_name", "period_start", "period_end", "budget_note", "status")


@transaction.atomic
def plan_update(*, actor, plan: Plan, expected_version: int | None = None, **fields) -> Plan:
    """Edit the plan's header (number, date, title, issuer as written, period, budget note, status)."""
    plan = _lock_plan(plan, expected_version)
    _check_manager(actor, plan.centre)
    before = audit.snapshot(plan)
    for name, value in fields.items():
        if name not in PLAN_FIELDS:
            raise ValueError(name)
        setattr(plan, name, value)
    plan.version += 1
    plan.full_clean()
    plan.save()
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=plan, before=before)
    return plan


@transaction.atomic
def task_update(
    *,
    actor,
    task: PlanTask,
    ref: str,
    content: str,
    timeframe_text: str,
    expected_output: str,
    lead: list[str],
    partners: list[str],
    expected_version: int | None = None,
) -> PlanTask:
    """Edit a saved task: its text, units (matched again) and time frame (parsed again from the text)."""
    task = _lock_task(task, expected_version)
    _check_manager(actor, task.plan.centre)
    before = audit.snapshot(task)
    task.ref = _clip(ref, 40)
    task.content = (content or "").strip()
    if " ".join((timeframe_text or "").split()) != task.timeframe_text:
        year = task.plan.date.year if task.plan.date else None
        _apply_timeframe(task, reparse_timeframe(timeframe_text, year))
    task.expected_output = (expected_output or "").strip()
    task.version += 1
    task.full_clean()
    task.save()
    _set_units(task, UnitMatcher(task.plan.centre), lead, partners)
    audit.record(actor=actor, action=AuditAction.UPDATE, instance=task, before=before, centre_id=task.plan.centre_id)
    return task


def _subtree_ids(tasks: list[PlanTask], root_id: int) -> set[int]:
    """The ids of ``root_id`` and every task below it."""
    children: dict[int, list[int]] = {}
    for t in tasks:
        children.setdefault(t.parent_id, []).append(t.pk)
    found, stack = set(), [root_id]
    while stack:
        pk = stack.pop()
        if pk in found:
            continue
        found.add(pk)
        stack.extend(children.get(pk, ()))
    return found


def _make_room(plan: Plan, parent: PlanTask | None) -> int:
    """The position of a new task placed after the last sibling under ``parent`` (and that sibling's descendants):
    the tasks that follow it in document order are moved down when their positions would clash."""
    tasks = list(plan.tasks.order_by("position", "id").only("pk", "parent_id", "position"))
    if parent is None:
        index = len(tasks)
    else:
        subtree = _subtree_ids(tasks, parent.pk)
        index = max(i for i, t in enumerate(tasks) if t.pk in subtree) + 1
    position = tasks[index - 1].position + 1 if index else 0
    moved, previous = [], position
    for task in tasks[index:]:
        if task.position <= previous:
            task.position = previous + 1
            moved.append(task)
        previous = task.position
    PlanTask.objects.bulk_update(moved, ["position"])
    return position


@transaction.atomic
def task_add(
    *,
    actor,
    plan: Plan,
    parent: PlanTask | None = None,
    ref: str,
    content: str,
    lead=(),
    partners=(),
    timeframe_text: str = "",
    expected_output: str = "",
    expected_version: int | None = None,
) -> PlanTask:
    """Add a task to a saved plan, at the top level or under ``parent``, after the last of its siblings: units are
    matched and the time frame parsed as in ``task_update``. ``lead`` and ``partners`` are lists of names or text
    separated by ";"."""
    plan = _lock_plan(plan, expected_version)
    _check_manager(actor, plan.centre)
    if parent is not None and parent.plan_id != plan.pk:
        raise ValidationError(_("Nhiệm vụ cấp trên không thuộc kế hoạch này."), code="parent")
    content = (content or "").strip()
    if not content:
        raise ValidationError({"content": _("Hãy ghi nội dung nhiệm vụ.")})
    task = PlanTask(
        plan=plan,
        parent=parent,
        ref=_clip(ref, 40),
        depth=parent.depth + 1 if parent is not None else 0,
        content=content,
        expected_output=(expected_output or "").strip(),
    )
    _apply_timeframe(task, reparse_timeframe(timeframe_text, plan.date.year if plan.date else None))
    task.full_clean(exclude=["position"])
    task.position = _make_room(plan, parent)
    task.save()
    _set_units(task, UnitMatcher(plan.centre), _unit_names(lead), _unit_names(partners))
    plan.version += 1
    plan.save(update_fields=["version", "updated_at"])
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=task,
        message=_("Thêm nhiệm vụ vào kế hoạch %(plan)s") % {"plan": plan.number or plan.pk},
        centre_id=plan.centre_id,
    )
    return task


def _unit_names(value) -> list[str]:
    if isinstance(value, str):
        return split_units(value)
    return list(value or [])


@transaction.atomic
def task_remove(*, actor, task: PlanTask, expected_version: int | None = None) -> None:
    """Remove a task entered by mistake: only one with no progress report, no evidence and no task below it."""
    plan = _lock_plan(task.plan, expected_version)
    _check_manager(actor, plan.centre)
    task = PlanTask.objects.select_for_update().get(pk=task.pk, plan=plan)
    if task.children.exists():
        raise ValidationError(
            _("Không xóa được nhiệm vụ %(ref)s: nhiệm vụ còn nhiệm vụ con. Hãy xóa các nhiệm vụ con trước.")
            % {"ref": task.ref},
            code="children",
        )
    if ProgressEvidence.objects.filter(progress__task=task).exists():
        raise ValidationError(
            _("Không xóa được nhiệm vụ %(ref)s: nhiệm vụ đã có tài liệu minh chứng.") % {"ref": task.ref},
            code="evidence",
        )
    if task.progress.exists():
        raise ValidationError(
            _("Không xóa được nhiệm vụ %(ref)s: nhiệm vụ đã có báo cáo tiến độ.") % {"ref": task.ref},
            code="progress",
        )
    audit.record(
        actor=actor,
        action=AuditAction.DELETE,
        instance=task,
        before=audit.snapshot(task),
        message=_("Xóa nhiệm vụ khỏi kế hoạch %(plan)s") % {"plan": plan.number or plan.pk},
        centre_id=plan.centre_id,
    )
    task.delete()
    plan.version += 1
    plan.save(update_fields=["version", "updated_at"])


@transaction.atomic
def target_update(
    *, actor, target: TaskTarget, metric_code: str, comparison: str, value: Decimal | None, unit: str = ""
) -> TaskTarget:
    """Bind a target to a measured figure (or unbind it with ""), and correct its comparison, value and unit."""
    target = TaskTarget.objects.select_for_update().select_related("task__plan").get(pk=target.pk)
    _check_manager(actor, target.task.plan.centre)
    if metric_code and get_metric(metric_code) is None:
        raise ValidationError({"metric_code": _("Số liệu này không có trong danh mục.")})
    before = audit.snapshot(target)
    target.metric_code, target.comparison, target.value = metric_code or "", comparison, value
    target.unit = unit
    target.full_clean()
    target.save()
    audit.record(
        actor=actor, action=AuditAction.UPDATE, instance=target, before=before, centre_id=target.task.plan.centre_id
    )
    return target


# --- Progress ----------------------------------------------------------------------------------------------------


def check_evidence(upload) -> None:
    """An evidence file's type (by extension and name) and size; ValidationError in Vietnamese otherwise."""
    name = os.path.basename(getattr(upload, "name", "") or "")
    ext = extension(upload)
    if ext not in EVIDENCE_EXTENSIONS:
        raise ValidationError(
            _("Tệp “%(name)s” không đúng loại: chỉ nhận %(types)s.")
            % {"name": name, "types": ", ".join(sorted(EVIDENCE_EXTENSIONS))},
            code="type",
        )
    limit = max_upload_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn: tối đa %(mb)s MB.") % {"name": name, "mb": limit // (1024 * 1024)},
            code="size",
        )
    if upload.size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng.") % {"name": name}, code="empty")
    if not content_matches(upload, ext):
        raise ValidationError(
            _("Tệp “%(name)s” không đúng loại: nội dung không phải tệp %(ext)s.") % {"name": name, "ext": ext},
            code="type",
        )


@transaction.atomic
def task_progress_record(
    *,
    actor,
    task: PlanTask,
    new_status: str,
    note: str = "",
    files=(),
    date: dt.date | None = None,
    expected_version: int | None = None,
) -> TaskProgress:
    """Record progress on a task: the new status, a note and evidence files, by a manager or a member of the unit
    that leads it. Marking a task done records the day it was completed."""
    task = _lock_task(task, expected_version)
    if not actor.has_perm("plans.report_progress", task) or (
        not actor.is_superuser and getattr(actor.centre, "pk", None) != task.plan.centre_id
    ):
        raise PermissionDenied(_("Bạn không được cập nhật tiến độ nhiệm vụ này."))
    if new_status not in TaskStatus.values:
        raise ValidationError({"new_status": _("Trạng thái không hợp lệ.")})
    files = list(files)
    if len(files) > EVIDENCE_MAX_FILES:
        raise ValidationError({"files": _("Tối đa %(n)s tệp mỗi lần.") % {"n": EVIDENCE_MAX_FILES}})
    errors = []
    for upload in files:
        try:
            check_evidence(upload)
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError({"files": errors})
    if not note.strip() and new_status == task.status and not files:
        raise ValidationError({"note": _("Hãy ghi nội dung cập nhật, đổi trạng thái hoặc đính kèm tài liệu.")})
    today = timezone.localdate()
    date = date or today
    if date > today:
        raise ValidationError({"date": _("Ngày cập nhật không được sau hôm nay.")})
    before = audit.snapshot(task)
    progress = TaskProgress(
        task=task, date=date, old_status=task.status, new_status=new_status, note=note.strip(), user=actor
    )
    progress.full_clean()
    progress.save()
    for upload in files:
        name = os.path.basename(upload.name)
        evidence = ProgressEvidence(
            progress=progress,
            name=_clip(name, 255),
            size=upload.size,
            content_type=getattr(upload, "content_type", "") or mimetypes.guess_type(name)[0] or "",
        )
        evidence.file.save(name, upload, save=False)
        evidence.save()
    task.status = new_status
    task.completed_on = date if new_status == TaskStatus.DONE else None
    task.version += 1
    task.full_clean()
    task.save()
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=task,
        before=before,
        message=_("Cập nhật tiến độ: %(status)s") % {"status": TaskStatus(new_status).label},
        centre_id=task.plan.centre_id,
    )
    return progress


# --- Drafts of an import -----------------------------------------------------------------------------------------


@transaction.atomic
def draft_create(*, actor, data: dict, source_name: str = "", content: bytes | None = None) -> PlanDraft:
    """Keep a parsed plan on the server for review (the actor's Centre)."""
    centre = actor.centre
    if centre is None:
        raise PermissionDenied(_("Tài khoản chưa thuộc một Trung tâm."))
    _check_manager(actor, centre)
    draft = PlanDraft(owner=actor, centre=centre, data=data, source_name=_clip(source_name, 255))
    if content is not None:
        draft.source_file.save(os.path.basename(source_name) or "ke-hoach.txt", ContentFile(content), save=False)
    draft.full_clean()
    draft.save()
    return draft


@transaction.atomic
def draft_update(*, actor, draft: PlanDraft, data: dict) -> PlanDraft:
    if draft.owner_id != actor.pk:
        raise PermissionDenied
    draft.data = data
    draft.save(update_fields=["data", "updated_at"])
    return draft


@transaction.atomic
def draft_save(*, actor, draft: PlanDraft) -> Plan:
    """Save the reviewed draft as a plan (one transaction with ``plan_import``) and discard the draft."""
    if draft.owner_id != actor.pk:
        raise PermissionDenied
    source = None
    if draft.source_file:
        draft.source_file.open("rb")
        source = ContentFile(draft.source_file.read(), name=draft.source_name or "ke-hoach.txt")
        draft.source_file.close()
    plan = plan_import(actor=actor, data=draft.data, centre=draft.centre, source_file=source)
    draft_discard(actor=actor, draft=draft)
    return plan


def draft_discard(*, actor, draft: PlanDraft) -> None:
    if draft.owner_id != actor.pk:
        raise PermissionDenied
    if draft.source_file:
        name = draft.source_file.name
        storage = draft.source_file.storage
        transaction.on_commit(lambda: storage.delete(name))
    draft.delete()
