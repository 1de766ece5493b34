"""The case page (the case's home after acceptance) and the pages that change it. Thin: bind a form, call a service,
redirect or render. Every read goes through ``visible_to``; another Centre's or branch's case is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import select_template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from legalaid.cases import selectors, services
from legalaid.cases.choices import CaseStatus
from legalaid.cases.filters import CaseFilter
from legalaid.cases.forms import (
    DETAIL_FORMS,
    ArchiveForm,
    AttachmentForm,
    CompletionForm,
    HandoverForm,
    HearingForm,
    MoveForm,
    PapersReceivedForm,
    WorkLogForm,
)
from legalaid.cases.models import Attachment, CaseArchive, CaseCompletion, LegalAidCase
from legalaid.cases.next_step import decided
from legalaid.cases.workflow import OPEN_STATUSES, allowed_transitions, case_actions, find_transition
from legalaid.core import audit, exports
from legalaid.core.choices import AccessAction
from legalaid.core.scoping import scope_of
from legalaid.core.views import apply_form_errors
from legalaid.intake import selectors as intake_selectors
from legalaid.lib.downloads import file_response
from legalaid.lib.formatting import format_date
from legalaid.lib.pagination import paginate
from legalaid.lib.xlsx import xlsx_response

#: The page of each action of the case page that is not a plain move (``workflow.STEPS``).
ACTION_PAGES = {
    "assign": "providers:case_assign",
    "worklog": "cases:worklog_add",
    "hearing": "cases:hearing_add",
    "complete": "cases:case_complete",
    "handover": "cases:archive_handover",
    "archive": "cases:case_archive",
}


def _action_url(case, action) -> str:
    if action.key in ACTION_PAGES:
        return reverse(ACTION_PAGES[action.key], kwargs={"pk": case.pk})
    if action.transition is not None:
        return reverse("cases:case_move", kwargs={"pk": case.pk, "to": action.transition.target})
    return ""


def _writable(request, pk: int, perm: str = "cases.work_case") -> LegalAidCase:
    case = selectors.case_for(request.user, pk)
    if not request.user.has_perm(perm):
        raise PermissionDenied
    return case


def _try(form, call):
    """Run a service; its ValidationError goes beside the fields. True when it succeeded."""
    try:
        call()
    except ValidationError as error:
        apply_form_errors(form, error)
        return False
    return True


def _version(form) -> int | None:
    return form.cleaned_data.get("version")


def _has_template(name: str) -> bool:
    try:
        select_template([name])
    except Exception:
        return False
    return True


# --- The case list -----------------------------------------------------------------------------------------------


@login_required
@permission_required("cases.view_case", raise_exception=True)
def case_list(request):
    """Every case the user sees, filtered in the database; the Excel export has the page's columns and filters."""
    filterset = CaseFilter(request.GET, queryset=selectors.case_list(user=request.user), user=request.user)
    if request.GET.get("export") == "xlsx":
        if not request.user.has_perm("intake.export_request"):
            raise PermissionDenied
        rows = exports.rows_or_none(request, filterset.qs)
        if rows is None:
            return exports.start_background(request, "cases")
        exports.log_export(request.user, rows, LegalAidCase)
        return xlsx_response(
            "vu-viec-tro-giup.xlsx", _("Vụ việc trợ giúp pháp lý"), _export_headers(), _export_rows(rows)
        )
    page = paginate(request, filterset.qs)
    for case in page:
        case.next_deadline = selectors.next_deadline(case)
    template = "cases/_case_table.html" if request.htmx and not request.htmx.boosted else "cases/case_list.html"
    return render(request, template, {"filter": filterset, "page": page, **intake_selectors.deadlines()})


def _export_headers() -> list[str]:
    return [
        _("Mã hồ sơ"),
        _("Số thụ lý"),
        _("Ngày thụ lý"),
        _("Người được trợ giúp"),
        _("Số giấy tờ"),
        _("Đơn vị"),
        _("Hình thức trợ giúp"),
        _("Lĩnh vực"),
        _("Trạng thái"),
        _("Người thực hiện"),
        _("Hạn gần nhất"),
        _("Việc đến hạn"),
        _("Thụ lý ngay"),
        _("Người thụ lý"),
    ]


def _export_rows(rows):
    for c in rows:
        deadline = selectors.next_deadline(c)
        yield (
            c.code,
            c.number,
            timezone.localdate(c.accepted_at),
            c.beneficiary.full_name,
            c.beneficiary.id_number,
            str(c.branch or c.centre),
            str(c.form_of_aid),
            str(c.field_of_law),
            c.get_status_display(),
            ", ".join(a.provider.full_name for a in c.active_assignments),
            deadline.due if deadline else None,
            str(deadline.label) if deadline else "",
            _("Có") if c.immediate else _("Không"),
            str(c.accepted_by),
        )


def export_spec(user, params) -> exports.ExportSpec:
    """The case list's export with ``params`` as ``user`` sees it (a background export, ``core.exports``)."""
    filterset = CaseFilter(params, queryset=selectors.case_list(user=user), user=user)
    return exports.ExportSpec(
        filename="vu-viec-tro-giup.xlsx",
        title=_("Vụ việc trợ giúp pháp lý"),
        headers=_export_headers(),
        queryset=filterset.qs,
        rows=_export_rows,
        model=LegalAidCase,
    )


# --- The case page -----------------------------------------------------------------------------------------------


@login_required
@permission_required("cases.view_case", raise_exception=True)
def case_detail(request, pk: int):
    case = selectors.case_for(request.user, pk, detail=True)
    audit.log_access(user=request.user, instance=case)
    user = request.user
    work_log = list(case.work_log.all())
    today = timezone.localdate()
    total_sessions = sum((e.counted_sessions for e in work_log), start=0)
    can_work = user.has_perm("cases.work_case")
    can_archive = user.has_perm("cases.archive_case")
    completion = getattr(case, "completion", None) if _has_related(case, "completion") else None
    archive = case.archive if _has_related(case, "archive") else None
    actions = [(a, _action_url(case, a)) for a in case_actions(case, user, archive=archive)]
    details_attr = {"litigation": "litigation", "representation": "representation", "advice": "advice"}.get(
        case.form_of_aid.code
    )
    details = getattr(case, details_attr) if details_attr and _has_related(case, details_attr) else None
    return render(
        request,
        "cases/case_detail.html",
        {
            "case": case,
            "tone": case.status_tone,
            "actions": actions,
            "papers": selectors.case_papers(user, case),
            "details": details,
            "hearings": list(case.hearings.all()),
            "work_log": work_log,
            "total_sessions": total_sessions,
            "session_cap": services.session_cap(case, today),
            "attachments": list(case.attachments.all()),
            "events": list(case.events.all()),
            "completion": completion,
            "archive": archive,
            "today": today,
            "can_work": can_work and case.status in OPEN_STATUSES,
            "can_attach": can_work and case.status != CaseStatus.ARCHIVED,
            "can_archive": can_archive,
            "has_assignments_panel": _has_template("providers/_case_assignments.html"),
            "is_provider_view": scope_of(user).assigned_only,
            "papers_overdue": bool(
                case.immediate and not case.papers_completed_on and case.papers_due_on and case.papers_due_on < today
            ),
        },
    )


def _has_related(case, name: str) -> bool:
    try:
        getattr(case, name)
    except Exception:
        return False
    return True


def _handover_params(case) -> dict:
    """The handover deadline of an ended case (Law Art. 39), for the "what comes next" message."""
    archive = CaseArchive.objects.get(case=case)
    return {"days": (archive.handover_due_on - archive.ended_on).days, "due": format_date(archive.handover_due_on)}


#: The "what comes next" of each plain move (``next_step.NEXT_STEPS``).
MOVE_NEXT_STEP = {"start": "start", "resume": "start", "suspend": "suspend"}


# --- Changes of status -------------------------------------------------------------------------------------------


@login_required
@permission_required("cases.view_case", raise_exception=True)
def case_move(request, pk: int, to: str):
    """A change of status: start, suspend, resume, or discontinue (Art. 37). Buttons with a form of their own
    (assignment, completion, archiving) have their pages."""
    case = _writable(request, pk)
    transition = find_transition(case.status, to)
    if transition is None or transition.form in ("assign", "complete", "archive"):
        raise Http404
    if transition not in allowed_transitions(case, request.user):
        raise PermissionDenied
    form = MoveForm(request.POST or None, transition=transition, initial={"version": case.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def call():
            if to == CaseStatus.DISCONTINUED:
                services.case_discontinue(
                    actor=request.user,
                    case=case,
                    ground=data["ground"],
                    reason=data["reason"],
                    ended_on=data.get("ended_on"),
                    expected_version=_version(form),
                )
            else:
                services.case_transition(
                    actor=request.user, case=case, to_status=to, reason=data["reason"], expected_version=_version(form)
                )

        if _try(form, call):
            message = _("Đã cập nhật: %(verb)s.") % {"verb": transition.verb}
            if transition.key == "discontinue":
                message = decided(message, "discontinue", **_handover_params(case))
            else:
                message = decided(message, MOVE_NEXT_STEP[transition.key])
            messages.success(request, message)
            return redirect("cases:case_detail", pk=case.pk)
    return render(request, "cases/case_move.html", {"case": case, "form": form, "transition": transition})


# --- Form-of-aid details, hearings -------------------------------------------------------------------------------


@login_required
@permission_required("cases.view_case", raise_exception=True)
def details_edit(request, pk: int):
    case = _writable(request, pk)
    form_class = DETAIL_FORMS.get(case.form_of_aid.code)
    if form_class is None:
        raise Http404
    model = form_class._meta.model
    instance = model.objects.filter(case=case).first() or model(case=case)
    form = form_class(
        request.POST or None,
        instance=instance,
        case=case,
        initial={"version": instance.version if instance.pk else None},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _try(
            form,
            lambda: services.details_save(
                actor=request.user, case=case, details=form.instance, expected_version=_version(form)
            ),
        )
    ):
        messages.success(request, _("Đã lưu thông tin."))
        return redirect("cases:case_detail", pk=case.pk)
    return render(
        request, "cases/form_page.html", {"case": case, "form": form, "title": model._meta.verbose_name.capitalize()}
    )


@login_required
@permission_required("cases.view_case", raise_exception=True)
def hearing_add(request, pk: int):
    case = _writable(request, pk)
    form = HearingForm(request.POST or None, case=case)
    if (
        request.method == "POST"
        and form.is_valid()
        and _try(form, lambda: services.hearing_add(actor=request.user, case=case, hearing=form.instance))
    ):
        messages.success(request, _("Đã ghi lịch."))
        return redirect("cases:case_detail", pk=case.pk)
    return render(
        request, "cases/form_page.html", {"case": case, "form": form, "title": _("Thêm phiên tòa, buổi làm việc")}
    )


@login_required
@permission_required("cases.view_case", raise_exception=True)
def papers_received(request, pk: int):
    """Record that the papers owed after an immediate acceptance have arrived."""
    case = _writable(request, pk)
    form = PapersReceivedForm(
        request.POST or None, initial={"received_on": timezone.localdate(), "version": case.version}
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _try(
            form,
            lambda: services.case_papers_received(
                actor=request.user,
                case=case,
                received_on=form.cleaned_data["received_on"],
                expected_version=_version(form),
                note=form.cleaned_data["note"],
            ),
        )
    ):
        messages.success(request, _("Đã ghi nhận đủ giấy tờ."))
        return redirect("cases:case_detail", pk=case.pk)
    return render(request, "cases/form_page.html", {"case": case, "form": form, "title": _("Ghi nhận đủ giấy tờ")})


# --- Work log and attachments ------------------------------------------------------------------------------------


@login_required
@permission_required("cases.view_case", raise_exception=True)
def worklog_add(request, pk: int):
    case = _writable(request, pk)
    staff = not scope_of(request.user).assigned_only
    form = WorkLogForm(request.POST or None, provider_fields=staff, initial={"date": timezone.localdate()})
    if (
        request.method == "POST"
        and form.is_valid()
        and _try(form, lambda: services.worklog_add(actor=request.user, case=case, entry=form.instance))
    ):
        messages.success(request, _("Đã ghi công việc."))
        return redirect("cases:case_detail", pk=case.pk)
    return render(
        request, "cases/form_page.html", {"case": case, "form": form, "title": _("Ghi công việc đã thực hiện")}
    )


@login_required
@permission_required("cases.view_case", raise_exception=True)
def attachment_add(request, pk: int):
    case = _writable(request, pk)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and _try(
            form,
            lambda: services.attachment_add(
                actor=request.user,
                case=case,
                upload=form.cleaned_data["file"],
                description=form.cleaned_data["description"],
            ),
        )
    ):
        messages.success(request, _("Đã đính kèm tài liệu."))
        return redirect("cases:case_detail", pk=case.pk)
    return render(
        request,
        "cases/form_page.html",
        {"case": case, "form": form, "title": _("Đính kèm tài liệu"), "multipart": True},
    )


@login_required
@permission_required("cases.view_case", raise_exception=True)
def attachment_download(request, pk: int):
    """A paper of the file, through the case's scoping, written to the access log."""
    attachment = get_object_or_404(
        Attachment.objects.filter(case__in=LegalAidCase.objects.visible_to(request.user)).select_related("case"),
        pk=pk,
    )
    audit.log_access(user=request.user, instance=attachment.case, action=AccessAction.DOWNLOAD)
    return file_response(attachment.file, filename=attachment.original_name, content_type=attachment.content_type)


# --- Completion, handover, archiving -----------------------------------------------------------------------------


@login_required
@permission_required("cases.view_case", raise_exception=True)
def case_complete(request, pk: int):
    case = _writable(request, pk)
    if case.status != CaseStatus.IN_PROGRESS:
        messages.error(request, _("Chỉ kết thúc được vụ việc đang thực hiện."))
        return redirect("cases:case_detail", pk=case.pk)
    form = CompletionForm(
        request.POST or None,
        instance=CaseCompletion(case=case),
        case=case,
        initial={"version": case.version, "completed_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _try(
            form,
            lambda: services.case_complete(
                actor=request.user,
                case=case,
                completion=form.instance,
                success_criteria=data.get("success_criteria") or [],
                complexity_criteria=data.get("complexity_criteria") or [],
                expected_version=_version(form),
            ),
        ):
            messages.success(
                request,
                decided(_("Đã kết thúc vụ việc %(code)s.") % {"code": case.code}, "complete", **_handover_params(case)),
            )
            return redirect("cases:case_detail", pk=case.pk)
    return render(request, "cases/form_page.html", {"case": case, "form": form, "title": _("Kết thúc vụ việc")})


@login_required
@permission_required("cases.view_case", raise_exception=True)
def archive_handover(request, pk: int):
    case = _writable(request, pk, "cases.archive_case")
    archive = getattr(case, "archive", None) if _has_related(case, "archive") else None
    if archive is None:
        raise Http404
    checklist = services.checklist_for(case)
    form = HandoverForm(
        request.POST or None,
        checklist=checklist,
        initial={
            "version": archive.version,
            "handed_over_on": archive.handed_over_on or timezone.localdate(),
            "handed_over_by": archive.handed_over_by,
            "checked_items": list(archive.checked_items.all()),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _try(
            form,
            lambda: services.archive_handover(
                actor=request.user,
                case=case,
                handed_over_on=data["handed_over_on"],
                handed_over_by=data["handed_over_by"],
                checked_items=data["checked_items"],
                expected_version=_version(form),
            ),
        ):
            messages.success(request, decided(_("Đã ghi nhận bàn giao hồ sơ."), "handover"))
            return redirect("cases:case_detail", pk=case.pk)
    return render(request, "cases/form_page.html", {"case": case, "form": form, "title": _("Nhận bàn giao hồ sơ")})


@login_required
@permission_required("cases.view_case", raise_exception=True)
def case_archive(request, pk: int):
    case = _writable(request, pk, "cases.archive_case")
    archive = getattr(case, "archive", None) if _has_related(case, "archive") else None
    if archive is None or case.status not in (CaseStatus.COMPLETED, CaseStatus.DISCONTINUED):
        raise Http404
    form = ArchiveForm(request.POST or None, initial={"version": archive.version, "retention": "years"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _try(
            form,
            lambda: services.case_archive(
                actor=request.user,
                case=case,
                file_code=data["file_code"],
                location=data["location"],
                retention=data["retention"],
                retention_years=data.get("retention_years"),
                expected_version=_version(form),
            ),
        ):
            messages.success(request, decided(_("Đã lưu trữ hồ sơ vụ việc %(code)s.") % {"code": case.code}, "archive"))
            return redirect("cases:case_detail", pk=case.pk)
    return render(request, "cases/form_page.html", {"case": case, "form": form, "title": _("Lưu trữ hồ sơ")})
