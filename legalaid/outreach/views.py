"""Pages of outreach sessions, yearly targets and their progress, requests from mobile sessions, and the hotline.
The offline page of mobile sessions and its service worker are in ``views_mobile.py``."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from legalaid.core import audit
from legalaid.core.choices import AccessAction, Role
from legalaid.core.views import apply_form_errors
from legalaid.lib.downloads import file_response
from legalaid.lib.pagination import paginate
from legalaid.lib.parsing import parse_date, parse_id

from . import selectors, services
from .choices import CallOutcome, EntryStatus, OutreachForm
from .filters import CallFilter, SessionFilter
from .forms import CallForm, DecideForm, PhotoForm, SessionForm, TargetForm
from .models import MobileEntry, OutreachSession, OutreachTarget, SessionPhoto


def _drilldown(request, qs, date_field: str):
    """The drill-down of a figure: ``?centre=<pk>&from=<dd/mm/yyyy>&to=<dd/mm/yyyy>`` (``Metric.drilldown_url``)."""
    centre = parse_id(request.GET.get("centre"))
    if centre:
        qs = qs.filter(centre_id=centre)
    start, end = parse_date(request.GET.get("from") or ""), parse_date(request.GET.get("to") or "")
    if start:
        qs = qs.filter(**{f"{date_field}__gte": start})
    if end:
        qs = qs.filter(**{f"{date_field}__lte": end})
    return qs


# --- Sessions --------------------------------------------------------------------------------------------------------


def _session_list(request, *, difficult: bool = False, mobile: bool = False):
    qs = _drilldown(request, selectors.session_list(request.user), "date")
    if difficult:
        qs = qs.filter(difficult=True)
    if mobile:
        qs = qs.filter(form=OutreachForm.MOBILE)
    filterset = SessionFilter(request.GET, queryset=qs, request=request)
    page = paginate(request, filterset.qs.order_by("-date", "-pk"))
    heading = (
        _("Truyền thông tại xã đặc biệt khó khăn")
        if difficult
        else _("Buổi trợ giúp pháp lý lưu động")
        if mobile
        else _("Truyền thông về trợ giúp pháp lý")
    )
    return render(
        request,
        "outreach/session_list.html",
        {
            "filter": filterset,
            "page": page,
            "heading": heading,
            "can_add": request.user.has_perm("outreach.add_session"),
        },
    )


@login_required
@permission_required("outreach.view_session", raise_exception=True)
def session_list(request):
    return _session_list(request)


@login_required
@permission_required("outreach.view_session", raise_exception=True)
def session_list_difficult(request):
    """The drill-down of ``outreach_sessions_difficult_communes``."""
    return _session_list(request, difficult=True)


@login_required
@permission_required("outreach.view_session", raise_exception=True)
def session_list_mobile(request):
    """The drill-down of ``mobile_sessions``."""
    return _session_list(request, mobile=True)


def _session(user, pk: int) -> OutreachSession:
    return get_object_or_404(selectors.session_list(user).select_related("organiser", "created_by"), pk=pk)


@login_required
@permission_required("outreach.view_session", raise_exception=True)
def session_detail(request, pk: int):
    session = _session(request.user, pk)
    entries = list(selectors.entries_of(request.user, session))
    if entries:
        audit.log_access(user=request.user, instance=session)
    can_change = request.user.has_perm("outreach.change_session", session)
    return render(
        request,
        "outreach/session_detail.html",
        {
            "session": session,
            "languages": list(session.languages.all()),
            "photos": list(session.photos.all()),
            "entries": entries,
            "can_change": can_change,
            "photo_form": PhotoForm() if can_change else None,
        },
    )


@login_required
@permission_required("outreach.add_session", raise_exception=True)
def session_create(request):
    form = SessionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(
                actor=request.user, session=form.save(commit=False), languages=form.cleaned_data["languages"]
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã ghi lượt truyền thông."))
            return redirect("outreach:session_detail", pk=session.pk)
    return render(request, "outreach/session_form.html", {"form": form, "session": None})


@login_required
@permission_required("outreach.view_session", raise_exception=True)
def session_edit(request, pk: int):
    session = _session(request.user, pk)
    if not request.user.has_perm("outreach.change_session", session):
        raise PermissionDenied
    version = session.version
    form = SessionForm(request.POST or None, instance=session, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_update(
                actor=request.user,
                session=form.save(commit=False),
                version=parse_id(request.POST.get("version")) or version,
                languages=form.cleaned_data["languages"],
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("outreach:session_detail", pk=session.pk)
    return render(request, "outreach/session_form.html", {"form": form, "session": session, "version": version})


@login_required
@require_POST
@permission_required("outreach.view_session", raise_exception=True)
def photo_add(request, pk: int):
    session = _session(request.user, pk)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.photo_add(actor=request.user, session=session, upload=form.cleaned_data["file"])
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã thêm ảnh."))
            return redirect("outreach:session_detail", pk=session.pk)
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect("outreach:session_detail", pk=session.pk)


@login_required
@permission_required("outreach.view_session", raise_exception=True)
def photo_download(request, pk: int):
    """A photo, through its session's scoping: never /media/ itself."""
    photo = get_object_or_404(
        SessionPhoto.objects.filter(session__in=OutreachSession.objects.visible_to(request.user)).select_related(
            "session"
        ),
        pk=pk,
    )
    audit.log_access(user=request.user, instance=photo.session, action=AccessAction.DOWNLOAD)
    return file_response(photo.file, filename=photo.original_name)


# --- Targets ---------------------------------------------------------------------------------------------------------


def home_targets(user, today: dt.date) -> list | None:
    """The home page's panel: this year's outreach targets of the user's units and how far along they are."""
    if user.is_superuser or not user.has_perm("outreach.view_session") or user.role == Role.DOJ_OFFICER:
        return None
    rows = selectors.target_progress(user, today.year, today)
    return rows or None


@login_required
@permission_required("outreach.view_session", raise_exception=True)
def target_list(request):
    today = timezone.localdate()
    year = parse_id(request.GET.get("year"), max_value=2100) or today.year
    can_set = request.user.has_perm("outreach.set_target") and request.user.centre is not None
    form = TargetForm(request.POST or None, user=request.user) if can_set else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.target_save(actor=request.user, target=form.save(commit=False))
            except ValidationError as error:
                apply_form_errors(form, error)
            else:
                messages.success(request, _("Đã lưu chỉ tiêu."))
                return redirect("outreach:target_list")
    return render(
        request,
        "outreach/target_list.html",
        {"rows": selectors.target_progress(request.user, year, today), "year": year, "form": form},
    )


@login_required
@permission_required("outreach.view_session", raise_exception=True)
def target_edit(request, pk: int):
    target = get_object_or_404(OutreachTarget.objects.visible_to(request.user), pk=pk)
    if not request.user.has_perm("outreach.set_target", target):
        raise PermissionDenied
    form = TargetForm(request.POST or None, instance=target, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.target_save(actor=request.user, target=form.save(commit=False))
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã lưu chỉ tiêu."))
            return redirect("outreach:target_list")
    return render(request, "outreach/target_form.html", {"form": form, "target": target})


# --- Requests received at mobile sessions ----------------------------------------------------------------------------


@login_required
@permission_required("outreach.view_session", raise_exception=True)
def entry_list(request):
    """Requests typed at mobile sessions (the drill-down of ``mobile_session_requests``), and those waiting for a
    decision on a likely duplicate person."""
    qs = MobileEntry.objects.visible_to(request.user).select_related("session", "request")
    centre = parse_id(request.GET.get("centre"))
    if centre:
        qs = qs.filter(session__centre_id=centre)
    start, end = parse_date(request.GET.get("from") or ""), parse_date(request.GET.get("to") or "")
    if start:
        qs = qs.filter(session__date__gte=start)
    if end:
        qs = qs.filter(session__date__lte=end)
    waiting = request.GET.get("waiting") == "1"
    qs = qs.filter(status=EntryStatus.NEEDS_DECISION) if waiting else qs.filter(status=EntryStatus.RECEIVED)
    page = paginate(request, qs.order_by("-session__date", "-pk"))
    return render(request, "outreach/entry_list.html", {"page": page, "waiting": waiting})


@login_required
@permission_required("outreach.view_session", raise_exception=True)
def entry_decide(request, pk: int):
    """A likely duplicate person, shown for a decision: one of the persons already registered, or a new one."""
    entry = get_object_or_404(
        MobileEntry.objects.visible_to(request.user).select_related("session", "session__centre"), pk=pk
    )
    if not request.user.has_perm("outreach.change_session", entry.session):
        raise PermissionDenied
    audit.log_access(user=request.user, instance=entry)
    duplicates = _visible_duplicates(request.user, entry)
    form = DecideForm(request.POST or None, duplicates=duplicates)
    if request.method == "POST" and entry.status == EntryStatus.NEEDS_DECISION and form.is_valid():
        try:
            services.entry_decide(actor=request.user, entry=entry, choice=form.cleaned_data["person_choice"])
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã chuyển yêu cầu vào hàng đợi tiếp nhận."))
            return redirect("outreach:session_detail", pk=entry.session_id)
    return render(request, "outreach/entry_decide.html", {"entry": entry, "form": form, "duplicates": duplicates})


def _visible_duplicates(user, entry: MobileEntry):
    from legalaid.people.models import Person

    data = entry.payload
    person = services.PersonData(
        full_name=data.get("full_name", ""),
        sex=data.get("sex", ""),
        birth_year=data.get("birth_year"),
        commune_id=data.get("commune"),
    )
    found = services.duplicates_of(entry.session.centre, person)
    pks = [d.person.pk for d in found]
    visible = set(Person.objects.visible_to(user).filter(pk__in=pks).values_list("pk", flat=True))
    return [d for d in found if d.person.pk in visible]


# --- Hotline ---------------------------------------------------------------------------------------------------------


@login_required
@permission_required("outreach.view_call", raise_exception=True)
def call_list(request):
    qs = _drilldown(request, selectors.call_list(request.user), "called_at__date")
    filterset = CallFilter(request.GET, queryset=qs, request=request)
    page = paginate(request, filterset.qs.order_by("-called_at", "-pk"))
    return render(
        request,
        "outreach/call_list.html",
        {"filter": filterset, "page": page, "can_add": request.user.has_perm("outreach.add_call")},
    )


@login_required
@permission_required("outreach.view_call", raise_exception=True)
def call_detail(request, pk: int):
    call = get_object_or_404(selectors.call_list(request.user), pk=pk)
    audit.log_access(user=request.user, instance=call)
    return render(request, "outreach/call_detail.html", {"call": call})


@login_required
@permission_required("outreach.add_call", raise_exception=True)
def call_create(request):
    form = CallForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        call = form.save(commit=False)
        call.called_at = form.called_at
        data = form.cleaned_data
        intake = complaint = None
        if data["outcome"] == CallOutcome.TO_INTAKE:
            intake = services.IntakeReferral(
                person=services.PersonData(
                    full_name=data.get("caller_name") or "",
                    sex=data.get("sex") or "",
                    birth_year=data.get("birth_year"),
                    phone=data.get("caller_phone") or "",
                    commune_id=data["commune"].pk if data.get("commune") else None,
                ),
                choice=data.get("person_choice") or "",
            )
        elif data["outcome"] == CallOutcome.TO_COMPLAINTS:
            complaint = services.ComplaintReferral(
                kind=data.get("complaint_kind") or "", ground=data.get("complaint_ground") or ""
            )
        try:
            call = services.call_record(actor=request.user, call=call, intake=intake, complaint=complaint)
        except services.NeedsDecision as decision:
            from legalaid.people.models import Person

            pks = [d.person.pk for d in decision.duplicates]
            visible = set(Person.objects.visible_to(request.user).filter(pk__in=pks).values_list("pk", flat=True))
            form.set_duplicates([d for d in decision.duplicates if d.person.pk in visible])
            form.add_error(
                "person_choice",
                _("Người này có thể đã có trong hệ thống: hãy chọn đúng người, hoặc chọn “Người mới, đăng ký mới”."),
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            if call.request_id:
                messages.success(request, _("Đã ghi cuộc gọi và chuyển yêu cầu vào hàng đợi tiếp nhận."))
            elif call.feedback_entry_id:
                messages.success(request, _("Đã ghi cuộc gọi và vào sổ phản ánh, khiếu nại."))
            else:
                messages.success(request, _("Đã ghi cuộc gọi."))
            return redirect("outreach:call_detail", pk=call.pk)
    return render(request, "outreach/call_form.html", {"form": form})
