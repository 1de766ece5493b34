"""Study pages: the list (filters, export), a study with its steps, versions and comments, and the forms."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from legalaid.core import audit
from legalaid.core.choices import AccessAction
from legalaid.core.views import apply_form_errors
from legalaid.intake.selectors import deadlines
from legalaid.lib.downloads import file_response
from legalaid.lib.pagination import paginate
from legalaid.lib.xlsx import xlsx_response

from . import selectors, services
from .choices import STEP_ORDER, StepKind
from .filters import StudyFilter
from .forms import CommentForm, StepForm, StudyForm, VersionForm
from .models import ThematicStudy

EXPORT_MAX_ROWS = 5000


def _visible_study(user, pk: int) -> ThematicStudy:
    return get_object_or_404(selectors.study_detail(user=user), pk=pk)


@login_required
@permission_required("studies.view_study", raise_exception=True)
def study_list(request):
    filterset = StudyFilter(request.GET, queryset=selectors.study_list(user=request.user), user=request.user)
    today = timezone.localdate()
    if request.GET.get("export") == "xlsx":
        if not request.user.has_perm("studies.export_study"):
            raise PermissionDenied
        rows = list(filterset.qs[: EXPORT_MAX_ROWS + 1])
        if len(rows) > EXPORT_MAX_ROWS:
            messages.error(
                request, _("Danh sách có hơn %(n)s dòng: hãy lọc bớt rồi xuất lại.") % {"n": EXPORT_MAX_ROWS}
            )
            params = getattr(request, "url_params", request.GET).copy()
            params.pop("export", None)
            return redirect(f"{request.path}?{params.urlencode()}")
        headers = [
            _("Năm"),
            _("Số"),
            _("Tên chuyên đề"),
            _("Đơn vị chủ trì"),
            _("Đơn vị phản biện"),
            _("Người xây dựng"),
            _("Trạng thái"),
            _("Chậm tiến độ"),
        ]
        for kind in STEP_ORDER:
            label = StepKind(kind).label
            headers += [_("%(step)s – hạn") % {"step": label}, _("%(step)s – hoàn thành") % {"step": label}]
        data = []
        for s in rows:
            steps = {step.kind: step for step in s.steps.all()}
            row = [
                s.year,
                s.number,
                s.title,
                str(s.lead_department),
                str(s.reviewing_department),
                ", ".join(str(a) for a in s.authors.all()),
                s.get_status_display(),
                _("Có") if s.is_late(today) else _("Không"),
            ]
            for kind in STEP_ORDER:
                step = steps.get(kind)
                row += [step.due_on if step else None, step.done_on if step else None]
            data.append(row)
        return xlsx_response("chuyen-de.xlsx", _("Chuyên đề"), headers, data)
    page = paginate(request, filterset.qs)
    template = "studies/_study_table.html" if request.htmx and not request.htmx.boosted else "studies/study_list.html"
    return render(
        request,
        template,
        {"filter": filterset, "page": page, "can_add": request.user.has_perm("studies.add_study"), **deadlines(today)},
    )


def _study_form_view(request, study: ThematicStudy | None):
    form = StudyForm(request.POST or None, instance=study, user=request.user)
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        try:
            if study is None:
                obj = services.study_create(
                    actor=request.user,
                    study=obj,
                    due_dates=form.due_dates(),
                    authors=form.cleaned_data["authors"],
                    outline=form.cleaned_data["outline"],
                )
                messages.success(request, _("Đã giao chuyên đề."))
            else:
                obj = services.study_update(
                    actor=request.user,
                    study=obj,
                    due_dates=form.due_dates(),
                    authors=form.cleaned_data["authors"],
                    outline=form.cleaned_data["outline"],
                    expected_version=form.cleaned_data.get("version"),
                )
                messages.success(request, _("Đã lưu chuyên đề."))
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            return redirect("studies:study_detail", pk=obj.pk)
    return render(request, "studies/study_form.html", {"form": form, "study": study})


@login_required
@permission_required("studies.add_study", raise_exception=True)
def study_create(request):
    return _study_form_view(request, None)


@login_required
@permission_required("studies.view_study", raise_exception=True)
def study_update(request, pk: int):
    study = _visible_study(request.user, pk)
    if not request.user.has_perm("studies.change_study", study):
        raise PermissionDenied
    return _study_form_view(request, study)


def _plan_link(study: ThematicStudy) -> str | None:
    """The plans app's page of the linked task or plan, when that page exists."""
    try:
        if study.plan_task_id:
            return reverse("plans:task_detail", kwargs={"pk": study.plan_task_id})
        if study.plan_id:
            return reverse("plans:plan_detail", kwargs={"pk": study.plan_id})
    except NoReverseMatch:
        return None
    return None


def _render_detail(request, study: ThematicStudy, bound: dict | None = None, status: int = 200):
    user = request.user
    today = timezone.localdate()
    steps = study.steps_in_order()
    current = study.current_step()
    step_forms = {}
    for step in steps:
        if step is current and user.has_perm(services.STEP_PERMS[step.kind], study):
            step_forms[step.kind] = StepForm(
                prefix=step.kind, initial={"kind": step.kind, "done_on": today, "version": study.version}
            )
    bound = bound or {}
    for key, form in bound.items():
        if key.startswith("step:"):
            step_forms[key[5:]] = form
    can_comment = user.has_perm("studies.comment_study", study) and study.status != "finalised"
    versions = list(study.versions.all())
    context = {
        "study": study,
        "steps": steps,
        "current": current,
        "is_late": study.is_late(today),
        "versions": versions,
        "can_edit": user.has_perm("studies.change_study", study),
        "can_comment": can_comment,
        "version_form": bound.get("version") or VersionForm(),
        "comment_forms": {v.pk: bound.get(f"comment:{v.pk}") or CommentForm(prefix=f"c{v.pk}") for v in versions}
        if can_comment
        else {},
        "step_forms": step_forms,
        "plan_link": _plan_link(study),
        **deadlines(today),
    }
    return render(request, "studies/study_detail.html", context, status=status)


@login_required
@permission_required("studies.view_study", raise_exception=True)
def study_detail(request, pk: int):
    return _render_detail(request, _visible_study(request.user, pk))


@login_required
@permission_required("studies.view_study", raise_exception=True)
@require_POST
def version_upload(request, pk: int):
    study = _visible_study(request.user, pk)
    if not request.user.has_perm("studies.change_study", study):
        raise PermissionDenied
    form = VersionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            version = services.study_submit_version(
                actor=request.user, study=study, file=form.cleaned_data["file"], note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã tải lên phiên bản %(n)s.") % {"n": version.number})
            return redirect("studies:study_detail", pk=study.pk)
    return _render_detail(request, _visible_study(request.user, pk), {"version": form})


@login_required
@permission_required("studies.view_study", raise_exception=True)
@require_POST
def comment_add(request, pk: int):
    version = get_object_or_404(selectors.version_visible(user=request.user), pk=pk)
    if not request.user.has_perm("studies.comment_study", version.study):
        raise PermissionDenied
    form = CommentForm(request.POST, prefix=f"c{version.pk}")
    if form.is_valid():
        try:
            services.study_comment(actor=request.user, version=version, text=form.cleaned_data["text"])
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã ghi ý kiến góp ý."))
            return redirect("studies:study_detail", pk=version.study_id)
    study = _visible_study(request.user, version.study_id)
    return _render_detail(request, study, {f"comment:{version.pk}": form})


@login_required
@permission_required("studies.view_study", raise_exception=True)
@require_POST
def step_complete(request, pk: int, kind: str):
    study = _visible_study(request.user, pk)
    if kind not in services.STEP_PERMS:
        raise Http404
    if not request.user.has_perm(services.STEP_PERMS[kind], study):
        raise PermissionDenied
    form = StepForm(request.POST, prefix=kind)
    if form.is_valid():
        try:
            services.study_complete_step(
                actor=request.user,
                study=study,
                kind=kind,
                done_on=form.cleaned_data["done_on"],
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data.get("version"),
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã xác nhận: %(step)s.") % {"step": StepKind(kind).label})
            return redirect("studies:study_detail", pk=study.pk)
    return _render_detail(request, _visible_study(request.user, pk), {f"step:{kind}": form})


@login_required
@permission_required("studies.view_study", raise_exception=True)
def version_download(request, pk: int):
    version = get_object_or_404(selectors.version_visible(user=request.user), pk=pk)
    audit.log_access(user=request.user, instance=version, action=AccessAction.DOWNLOAD)
    return file_response(version.file, filename=version.original_name)
