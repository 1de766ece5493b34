"""Pages of trainings and conferences: the list (the drill-down of the figures), recording an event with its
participants, the event page with each participant's hours and certificate, and the officers' hours table; the
home page's panel. Court duty pages are in ``views_duty.py``."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from legalaid.core import audit
from legalaid.core.choices import AccessAction, OrganisationKind, Role
from legalaid.core.models import Organisation
from legalaid.core.scoping import scope_of
from legalaid.core.views import apply_form_errors
from legalaid.lib.downloads import file_response
from legalaid.lib.pagination import paginate
from legalaid.lib.parsing import parse_date, parse_id
from legalaid.lib.xlsx import xlsx_response

from . import requirement, selectors, services
from .filters import EventFilter
from .forms import EventForm, ParticipantForm, YearForm
from .models import Participation, TrainingEvent


def drilldown(request, qs, date_field: str, centre_field: str = "centre"):
    """The ``?centre=&from=&to=`` of a figure's drill-down link (plans' ``Metric.drilldown_url``)."""
    start, end = parse_date(request.GET.get("from")), parse_date(request.GET.get("to"))
    if start:
        qs = qs.filter(**{f"{date_field}__gte": start})
    if end:
        qs = qs.filter(**{f"{date_field}__lte": end})
    centre = parse_id(request.GET.get("centre"))
    return qs.filter(**{f"{centre_field}_id": centre}) if centre else qs


def _event(user, pk: int) -> TrainingEvent:
    return get_object_or_404(TrainingEvent.objects.visible_to(user).select_related("centre", "branch"), pk=pk)


def _manageable_event(request, pk: int) -> TrainingEvent:
    event = _event(request.user, pk)
    if not request.user.has_perm("training.manage_event", event):
        raise PermissionDenied
    return event


@login_required
@permission_required("training.view_event", raise_exception=True)
@require_safe
def event_list(request):
    events = drilldown(request, TrainingEvent.objects.visible_to(request.user), "ends_on")
    filterset = EventFilter(request.GET, queryset=events, request=request)
    qs = (
        filterset.qs.select_related("centre", "branch")
        .annotate(n_participants=Count("participations", distinct=True), total_hours=Sum("participations__hours"))
        .order_by("-starts_on", "-pk")
    )
    return render(
        request,
        "training/event_list.html",
        {
            "filter": filterset,
            "page": paginate(request, qs),
            "can_add": request.user.has_perm("training.manage_event") and not scope_of(request.user).read_only,
        },
    )


@login_required
@permission_required("training.manage_event", raise_exception=True)
def event_create(request):
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            event = services.event_create(
                actor=request.user,
                event=form.save(commit=False),
                participants=data.get("participants") or (),
                hours=data.get("hours"),
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error) or _("Bạn không có quyền thực hiện thao tác này."))
        else:
            messages.success(
                request,
                _(
                    "Đã ghi nhận “%(topic)s” với %(n)s người tham dự. Tiếp theo: ghi số giấy chứng nhận, sửa số giờ "
                    "của từng người nếu khác nhau."
                )
                % {"topic": event.topic, "n": len(data.get("participants") or ())},
            )
            return redirect("training:event_detail", pk=event.pk)
    return render(request, "training/event_form.html", {"form": form, "event": None})


@login_required
@permission_required("training.view_event", raise_exception=True)
@require_safe
def event_detail(request, pk: int):
    event = _event(request.user, pk)
    participations = (
        Participation.objects.visible_to(request.user)
        .filter(event=event)
        .select_related("provider", "provider__branch")
        .order_by("provider__full_name", "pk")
    )
    return render(
        request,
        "training/event_detail.html",
        {
            "event": event,
            "page": paginate(request, participations),
            "can_manage": request.user.has_perm("training.manage_event", event),
        },
    )


@login_required
def event_edit(request, pk: int):
    event = _manageable_event(request, pk)
    form = EventForm(
        request.POST or None,
        instance=event,
        user=request.user,
        with_participants=False,
        initial={"version": event.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(
                actor=request.user, event=form.save(commit=False), expected_version=form.cleaned_data.get("version")
            )
        except ValidationError as error:
            apply_form_errors(form, error)
        else:
            messages.success(request, _("Đã lưu thông tin tập huấn, hội nghị."))
            return redirect("training:event_detail", pk=event.pk)
    return render(request, "training/event_form.html", {"form": form, "event": event})


@login_required
def participant_add(request, pk: int):
    event = _manageable_event(request, pk)
    form = ParticipantForm(
        request.POST or None, request.FILES or None, instance=Participation(event=event), user=request.user
    )
    return _participant_save(request, event, form, services.participant_add)


@login_required
def participant_edit(request, pk: int):
    participation = get_object_or_404(
        Participation.objects.visible_to(request.user).select_related("event", "provider"), pk=pk
    )
    event = participation.event
    if not request.user.has_perm("training.manage_event", event):
        raise PermissionDenied
    form = ParticipantForm(request.POST or None, request.FILES or None, instance=participation, user=request.user)
    return _participant_save(request, event, form, services.participant_update)


def _participant_save(request, event, form, service):
    if request.method == "POST" and form.is_valid():
        try:
            saved = service(
                actor=request.user,
                participation=form.save(commit=False),
                upload=form.cleaned_data.get("certificate_upload"),
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "certificate_file" in error.error_dict:
                error.error_dict["certificate_upload"] = error.error_dict.pop("certificate_file")
            apply_form_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã ghi %(hours)s giờ tham dự cho %(name)s.")
                % {"hours": requirement.hours_text(saved.hours), "name": saved.provider.full_name},
            )
            return redirect("training:event_detail", pk=event.pk)
    return render(request, "training/participant_form.html", {"form": form, "event": event})


@login_required
@require_POST
def participant_remove(request, pk: int):
    participation = get_object_or_404(
        Participation.objects.visible_to(request.user).select_related("event", "provider"), pk=pk
    )
    event = participation.event
    if not request.user.has_perm("training.manage_event", event):
        raise PermissionDenied
    name = participation.provider.full_name
    services.participant_remove(actor=request.user, participation=participation)
    messages.success(request, _("Đã bỏ %(name)s khỏi danh sách tham dự.") % {"name": name})
    return redirect("training:event_detail", pk=event.pk)


@login_required
@permission_required("training.view_event", raise_exception=True)
@require_safe
def certificate_download(request, pk: int):
    participation = get_object_or_404(Participation.objects.visible_to(request.user).select_related("event"), pk=pk)
    audit.log_access(user=request.user, instance=participation, action=AccessAction.DOWNLOAD)
    return file_response(participation.certificate_file, filename=participation.certificate_name)


# --- The officers' hours ---------------------------------------------------------------------------------------


def centres_of(user):
    """The Centres whose table ``user`` may read: their own; those a Department oversees."""
    scope = scope_of(user)
    centres = Organisation.objects.filter(kind=OrganisationKind.CENTRE).order_by("name")
    if scope.sees_everything:
        return centres
    return centres.filter(pk__in=scope.centre_ids)


def _year(request, today: dt.date) -> tuple[YearForm, int]:
    data = request.GET
    if "year" not in data and parse_date(data.get("to")):
        data = {"year": parse_date(data.get("to")).year}  # a figure's drill-down link gives its period
    form = YearForm(data if "year" in data else None, initial={"year": today.year})
    year = form.cleaned_data["year"] if form.is_bound and form.is_valid() else today.year
    return form, year


@login_required
@permission_required("training.view_hours_table", raise_exception=True)
@require_safe
def hours_table(request):
    """Every active legal aid officer's training hours in a year against the requirement (TT 12/2018 Art. 4)."""
    user = request.user
    today = timezone.localdate()
    centres = list(centres_of(user))
    if not centres:
        raise PermissionDenied
    wanted = parse_id(request.GET.get("centre"))
    centre = next((c for c in centres if c.pk == wanted), None)
    centre = centre or next((c for c in centres if c.pk == getattr(user.centre, "pk", None)), centres[0])
    form, year = _year(request, today)
    short_only = request.GET.get("short") == "1"
    required = requirement.hours_required(year)
    officers = selectors.officer_hours(user, centre, year, short_only=short_only)
    if request.GET.get("export") == "xlsx":
        headers = [_("Họ và tên"), _("Đơn vị"), _("Số giờ năm %(year)s") % {"year": year}, _("Yêu cầu"), _("Còn thiếu")]
        rows = (
            (
                r.provider.full_name,
                str(r.provider.branch or _("Trụ sở Trung tâm")),
                float(r.hours),
                float(r.required) if r.required is not None else "",
                float(r.shortfall) if r.shortfall is not None else "",
            )
            for r in selectors.rows(officers, year, required)
        )
        return xlsx_response(f"gio-boi-duong-{year}.xlsx", _("Giờ bồi dưỡng %(year)s") % {"year": year}, headers, rows)
    page = paginate(request, officers)
    page.object_list = selectors.rows(page.object_list, year, required)
    return render(
        request,
        "training/hours_table.html",
        {
            "form": form,
            "year": year,
            "required": required,
            "centre": centre,
            "centres": centres if len(centres) > 1 else [],
            "page": page,
            "summary": selectors.summary(user, centre, year),
            "short_only": short_only,
        },
    )


# --- Home page -------------------------------------------------------------------------------------------------


def home_training(user, today: dt.date) -> dict | None:
    """The training panel of a home page: an officer's own hours this year against the requirement; for those who
    read the table, how many officers of their Centre (branch) reached it. None: no panel."""
    if not user.is_authenticated or user.is_superuser:
        return None
    year = today.year
    if user.role == Role.OFFICER:
        own = selectors.own_hours(user, year)
        return {"kind": "own", "year": year, "row": own} if own is not None else None
    if user.has_perm("training.view_hours_table") and user.centre is not None:
        return {"kind": "summary", **selectors.summary(user, user.centre, year)}
    return None
