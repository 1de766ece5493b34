"""Plan pages: the list (filters, export), the import with review before saving, the plan with its task tree, a task
with its progress, evidence and targets against actuals, editing, and the implementation report (.docx, .xlsx)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from legalaid.core import audit
from legalaid.core.choices import AccessAction
from legalaid.core.views import apply_form_errors
from legalaid.lib.downloads import file_response
from legalaid.lib.pagination import paginate
from legalaid.lib.parsing import MAX_ID, parse_id, parse_int
from legalaid.lib.xlsx import XLSX_CONTENT_TYPE, xlsx_response

from . import selectors, services
from .choices import UnitRole
from .documents.report import plan_report_docx, plan_report_xlsx
from .filters import PlanFilter
from .forms import (
    DraftHeaderForm,
    PlanEditForm,
    PlanUploadForm,
    ProgressForm,
    TargetForm,
    TaskAddForm,
    TaskEditForm,
    TaskRowForm,
)
from .models import Plan, PlanDraft, PlanTask, ProgressEvidence, TaskProgress, TaskTarget
from .units import split_units

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXPORT_MAX_ROWS = 5000


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _visible_plan(user, pk: int) -> Plan:
    return get_object_or_404(Plan.objects.visible_to(user).select_related("centre", "issuer", "created_by"), pk=pk)


def _visible_task(user, pk: int) -> PlanTask:
    return get_object_or_404(
        PlanTask.objects.visible_to(user).select_related("plan", "plan__centre", "parent"),
        pk=pk,
    )


# --- List ----------------------------------------------------------------------------------------------------------


@login_required
@permission_required("plans.view_plan", raise_exception=True)
def plan_list(request):
    filterset = PlanFilter(request.GET, queryset=selectors.plan_list(user=request.user))
    if request.GET.get("export") == "xlsx":
        rows = list(filterset.qs[: EXPORT_MAX_ROWS + 1])
        if len(rows) > EXPORT_MAX_ROWS:
            messages.error(
                request, _("Danh sách có hơn %(n)s dòng: hãy lọc bớt rồi xuất lại.") % {"n": EXPORT_MAX_ROWS}
            )
            return redirect("plans:plan_list")
        headers = [
            _("Số, ký hiệu"),
            _("Ngày ban hành"),
            _("Trích yếu"),
            _("Đơn vị ban hành"),
            _("Trung tâm"),
            _("Thực hiện từ ngày"),
            _("Thực hiện đến ngày"),
            _("Số nhiệm vụ"),
            _("Đã hoàn thành"),
            _("Trạng thái"),
        ]
        data = (
            (
                p.number,
                p.date,
                p.title,
                p.issuer_display,
                str(p.centre),
                p.period_start,
                p.period_end,
                p.task_count,
                p.done_count,
                p.get_status_display(),
            )
            for p in rows
        )
        return xlsx_response("ke-hoach.xlsx", _("Kế hoạch"), headers, data)
    page = paginate(request, filterset.qs)
    template = "plans/_plan_table.html" if request.htmx and not request.htmx.boosted else "plans/plan_list.html"
    return render(
        request,
        template,
        {"filter": filterset, "page": page, "can_manage": request.user.has_perm("plans.manage_plan")},
    )


# --- Import with review ----------------------------------------------------------------------------------------------


def _parse_upload(upload) -> dict:
    """Run the plan parser on the uploaded file (written to a temporary file: the parser reads a path)."""
    from legalaid.plans.parsing import parse_plan

    suffix = os.path.splitext(upload.name)[1].lower()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"ke-hoach{suffix}"
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        return parse_plan(path)


@login_required
@permission_required("plans.manage_plan", raise_exception=True)
def plan_import(request):
    """Upload a plan (.docx or .txt); the parsed plan is kept as a draft on the server for review."""
    form = PlanUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data = _parse_upload(upload)
        except Exception:  # a document the parser cannot read is an input error, never a 500
            form.add_error("file", _("Không đọc được nội dung văn bản này. Hãy kiểm tra tệp hoặc lưu lại dạng .docx."))
        else:
            upload.seek(0)
            try:
                draft = services.draft_create(
                    actor=request.user, data=data, source_name=upload.name, content=upload.read()
                )
            except PermissionDenied as error:
                form.add_error(None, str(error) or _("Bạn không có quyền quản lý kế hoạch."))
            else:
                return redirect("plans:draft_review", pk=draft.pk)
    drafts = PlanDraft.objects.owned_by(request.user)[:10]
    return render(request, "plans/plan_import.html", {"form": form, "drafts": drafts})


def _flatten(items, depth=0, out=None):
    """[(item, depth)] in document order."""
    out = [] if out is None else out
    for item in items or []:
        out.append((item, depth))
        _flatten(item.get("children"), depth + 1, out)
    return out


def _prune(items):
    kept = []
    for item in items or []:
        if item.pop("_remove", False):
            continue
        item["children"] = _prune(item.get("children"))
        kept.append(item)
    return kept


def _review_forms(draft: PlanDraft, post=None):
    data = draft.data
    header = DraftHeaderForm(post, initial=DraftHeaderForm.initial_from(data), prefix="plan")
    rows = []
    for i, (item, depth) in enumerate(_flatten(data.get("tasks"))):
        form = TaskRowForm(post, initial=TaskRowForm.initial_from(item), prefix=f"t{i}")
        rows.append((form, item, depth))
    return header, rows


def _apply_review(draft: PlanDraft, header: DraftHeaderForm, rows) -> dict:
    data = draft.data
    header.apply(data)
    year = int(data["date"][:4]) if data.get("date") else None
    for form, item, _depth in rows:
        cd = form.cleaned_data
        if cd["remove"]:
            item["_remove"] = True
            continue
        item["ref"] = cd["ref"].strip()
        item["content"] = cd["content"].strip()
        item["lead"] = split_units(cd["lead"])
        item["partners"] = split_units(cd["partners"])
        item["expected_output"] = cd["expected_output"].strip()
        old = item.get("timeframe") or {}
        old_text = old.get("text") if isinstance(old, dict) else str(old)
        new_text = " ".join(cd["timeframe_text"].split())
        if new_text != " ".join((old_text or "").split()):
            item["timeframe"] = services.reparse_timeframe(new_text, year)
            for key in ("start", "end"):
                value = item["timeframe"].get(key)
                if value is not None and not isinstance(value, str):
                    item["timeframe"][key] = value.isoformat()
    data["tasks"] = _prune(data.get("tasks"))
    return data


@login_required
@permission_required("plans.manage_plan", raise_exception=True)
def draft_review(request, pk: int):
    """The parsed plan as editable forms; "Lưu nháp" keeps the corrections, "Lưu kế hoạch" saves the plan."""
    draft = get_object_or_404(PlanDraft.objects.owned_by(request.user).select_related("centre"), pk=pk)
    post = request.POST if request.method == "POST" else None
    header, rows = _review_forms(draft, post)
    if post is not None:
        valid = header.is_valid() & all([form.is_valid() for form, _item, _depth in rows])
        if valid:
            data = _apply_review(draft, header, rows)
            services.draft_update(actor=request.user, draft=draft, data=data)
            if post.get("action") == "save_plan":
                try:
                    plan = services.draft_save(actor=request.user, draft=draft)
                except ValidationError as error:
                    # The corrections are kept in the draft; the page is shown again from it, with the reason.
                    messages.error(request, " ".join(error.messages))
                else:
                    messages.success(request, _("Đã lưu kế hoạch với %(n)s nhiệm vụ.") % {"n": plan.tasks.count()})
                    return redirect("plans:plan_detail", pk=plan.pk)
            else:
                messages.success(request, _("Đã lưu bản nháp."))
            return redirect("plans:draft_review", pk=draft.pk)
    return render(
        request,
        "plans/draft_review.html",
        {
            "draft": draft,
            "header": header,
            "rows": rows,
            "all_forms": [f for f in [header] + [form for form, _item, _depth in rows] if f.is_bound and f.errors],
        },
    )


@login_required
@permission_required("plans.manage_plan", raise_exception=True)
@require_POST
def draft_discard(request, pk: int):
    draft = get_object_or_404(PlanDraft.objects.owned_by(request.user), pk=pk)
    services.draft_discard(actor=request.user, draft=draft)
    messages.success(request, _("Đã bỏ bản nháp."))
    return redirect("plans:plan_import")


# --- Plan and task pages ---------------------------------------------------------------------------------------------


@login_required
@permission_required("plans.view_plan", raise_exception=True)
def plan_detail(request, pk: int):
    plan = _visible_plan(request.user, pk)
    deadlines = selectors.deadlines()
    can_manage = request.user.has_perm("plans.manage_plan")
    tasks = selectors.plan_tasks(plan)
    if can_manage:
        # A task may be removed while it has no progress report (so no evidence) and no task below it.
        tasks = tasks.annotate(has_progress=Exists(TaskProgress.objects.filter(task=OuterRef("pk"))))
    tasks = list(tasks)
    parents = {t.parent_id for t in tasks}
    removable = {t.pk for t in tasks if can_manage and not t.has_progress and t.pk not in parents}
    today = deadlines["today"]
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "tasks": [(t, selectors.task_state(t, today), t.is_due_soon(today)) for t in tasks],
            "removable": removable,
            "can_manage": can_manage,
            "UnitRole": UnitRole,
            **deadlines,
        },
    )


@login_required
@permission_required("plans.manage_plan", raise_exception=True)
def plan_edit(request, pk: int):
    plan = _visible_plan(request.user, pk)
    form = PlanEditForm(request.POST or None, instance=plan, initial={"version": plan.version})
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.PLAN_FIELDS}
        version = form.cleaned_data["version"]
        plan.refresh_from_db()
        try:
            services.plan_update(actor=request.user, plan=plan, expected_version=version, **data)
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã lưu kế hoạch."))
            return redirect("plans:plan_detail", pk=plan.pk)
    return render(request, "plans/plan_form.html", {"plan": plan, "form": form})


@login_required
@permission_required("plans.view_plan", raise_exception=True)
def plan_source(request, pk: int):
    plan = _visible_plan(request.user, pk)
    if not plan.source_file:
        raise Http404
    audit.log_access(user=request.user, instance=plan, action=AccessAction.DOWNLOAD)
    return file_response(plan.source_file, filename=plan.source_name or os.path.basename(plan.source_file.name))


def _render_task(request, task: PlanTask, *, progress_form=None, target_forms=None, status=200):
    deadlines = selectors.deadlines()
    today = deadlines["today"]
    targets = list(task.targets.all())
    bound = target_forms or {}
    results = []
    for target in targets:
        form = bound.get(target.pk) or TargetForm(
            prefix=f"target{target.pk}",
            initial={
                "metric_code": target.metric_code,
                "comparison": target.comparison,
                "value": target.value,
                "unit": target.unit,
            },
        )
        results.append((selectors.measure_target(target, today), form))
    can_report = request.user.has_perm("plans.report_progress", task)
    return render(
        request,
        "plans/task_detail.html",
        {
            "task": task,
            "plan": task.plan,
            "state": selectors.task_state(task, today),
            "due_soon": task.is_due_soon(today),
            "units": list(task.units.select_related("organisation")),
            "children": list(task.children.order_by("position")),
            "results": results,
            "progress": list(task.progress.select_related("user").prefetch_related("evidence")),
            "progress_form": progress_form
            or (ProgressForm(initial={"new_status": task.status, "version": task.version}) if can_report else None),
            "can_report": can_report,
            "can_manage": request.user.has_perm("plans.manage_plan"),
            "period": selectors.task_period(task),
            "UnitRole": UnitRole,
            **deadlines,
        },
        status=status,
    )


@login_required
@permission_required("plans.view_plan", raise_exception=True)
def task_detail(request, pk: int):
    return _render_task(request, _visible_task(request.user, pk))


@login_required
@permission_required("plans.view_plan", raise_exception=True)
@require_POST
def task_progress(request, pk: int):
    task = _visible_task(request.user, pk)
    _require(request.user, "plans.report_progress", task)
    form = ProgressForm(request.POST, request.FILES)
    if form.is_valid():
        cd = form.cleaned_data
        try:
            services.task_progress_record(
                actor=request.user,
                task=task,
                new_status=cd["new_status"],
                note=cd["note"],
                files=cd["files"],
                date=cd["date"],
                expected_version=cd["version"],
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã cập nhật tiến độ."))
            return redirect("plans:task_detail", pk=task.pk)
    return _render_task(request, task, progress_form=form)


@login_required
@permission_required("plans.manage_plan", raise_exception=True)
def task_edit(request, pk: int):
    task = _visible_task(request.user, pk)
    units = list(task.units.all())
    initial = {
        "ref": task.ref,
        "content": task.content,
        "lead": "; ".join(u.text for u in units if u.role == UnitRole.LEAD),
        "partners": "; ".join(u.text for u in units if u.role == UnitRole.PARTNER),
        "timeframe_text": task.timeframe_text,
        "expected_output": task.expected_output,
        "version": task.version,
    }
    form = TaskEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        cd = form.cleaned_data
        try:
            services.task_update(
                actor=request.user,
                task=task,
                ref=cd["ref"],
                content=cd["content"],
                timeframe_text=cd["timeframe_text"],
                expected_output=cd["expected_output"],
                lead=split_units(cd["lead"]),
                partners=split_units(cd["partners"]),
                expected_version=cd["version"],
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã lưu nhiệm vụ."))
            return redirect("plans:task_detail", pk=task.pk)
    return render(request, "plans/task_form.html", {"task": task, "plan": task.plan, "form": form})


@login_required
@permission_required("plans.manage_plan", raise_exception=True)
def task_add(request, plan_pk: int):
    """A new task of a saved plan: at the top level, or under the task given by ``?parent=``."""
    plan = _visible_plan(request.user, plan_pk)
    parent = None
    parent_pk = request.GET.get("parent") or ""
    if parent_pk:
        if parse_id(parent_pk) is None:
            raise Http404
        parent = get_object_or_404(plan.tasks.all(), pk=parse_id(parent_pk))
    form = TaskAddForm(request.POST or None, initial={"version": plan.version})
    if request.method == "POST" and form.is_valid():
        cd = form.cleaned_data
        try:
            task = services.task_add(
                actor=request.user,
                plan=plan,
                parent=parent,
                ref=cd["ref"],
                content=cd["content"],
                lead=split_units(cd["lead"]),
                partners=split_units(cd["partners"]),
                timeframe_text=cd["timeframe_text"],
                expected_output=cd["expected_output"],
                expected_version=cd["version"],
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã thêm nhiệm vụ."))
            return redirect("plans:task_detail", pk=task.pk)
    return render(request, "plans/task_add.html", {"plan": plan, "parent": parent, "form": form})


@login_required
@permission_required("plans.manage_plan", raise_exception=True)
@require_POST
def task_remove(request, pk: int):
    task = _visible_task(request.user, pk)
    try:
        services.task_remove(
            actor=request.user,
            task=task,
            expected_version=parse_int(request.POST.get("version"), min_value=0, max_value=MAX_ID),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã xóa nhiệm vụ %(ref)s.") % {"ref": task.ref})
    return redirect("plans:plan_detail", pk=task.plan_id)


@login_required
@permission_required("plans.manage_plan", raise_exception=True)
@require_POST
def target_edit(request, pk: int):
    target = get_object_or_404(
        TaskTarget.objects.filter(task__in=PlanTask.objects.visible_to(request.user)).select_related("task"), pk=pk
    )
    form = TargetForm(request.POST, prefix=f"target{target.pk}")
    if form.is_valid():
        cd = form.cleaned_data
        try:
            services.target_update(
                actor=request.user,
                target=target,
                metric_code=cd["metric_code"],
                comparison=cd["comparison"],
                value=cd["value"],
                unit=cd["unit"],
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã lưu chỉ tiêu."))
            return redirect("plans:task_detail", pk=target.task_id)
    task = _visible_task(request.user, target.task_id)
    return _render_task(request, task, target_forms={target.pk: form})


@login_required
@permission_required("plans.view_plan", raise_exception=True)
def evidence_download(request, pk: int):
    evidence = get_object_or_404(
        ProgressEvidence.objects.filter(progress__task__in=PlanTask.objects.visible_to(request.user)).select_related(
            "progress__task__plan"
        ),
        pk=pk,
    )
    audit.log_access(user=request.user, instance=evidence.progress.task.plan, action=AccessAction.DOWNLOAD)
    return file_response(evidence.file, filename=evidence.name, content_type=evidence.content_type)


# --- Report ----------------------------------------------------------------------------------------------------------


@login_required
@permission_required("plans.view_plan", raise_exception=True)
def plan_report(request, pk: int):
    plan = _visible_plan(request.user, pk)
    report = selectors.plan_report(plan)
    return render(request, "plans/plan_report.html", {"plan": plan, "report": report, **selectors.deadlines()})


def _report_filename(plan: Plan, extension: str) -> str:
    return f"bao-cao-ke-hoach-{plan.pk}-{timezone.localdate():%Y%m%d}.{extension}"


@login_required
@permission_required("plans.view_plan", raise_exception=True)
def plan_report_docx_view(request, pk: int):
    plan = _visible_plan(request.user, pk)
    response = HttpResponse(plan_report_docx(selectors.plan_report(plan)), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_report_filename(plan, "docx")}"'
    return response


@login_required
@permission_required("plans.view_plan", raise_exception=True)
def plan_report_xlsx_view(request, pk: int):
    plan = _visible_plan(request.user, pk)
    response = HttpResponse(plan_report_xlsx(selectors.plan_report(plan)), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_report_filename(plan, "xlsx")}"'
    return response
